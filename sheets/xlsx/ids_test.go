package xlsx_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/sheets/xlsx"
)

// internalIDs are the ids of examples/cum2 — members, award tiers,
// eligibility conditions, stages, bonus and deduction items and facts —
// and the names of the library's Go API and JSON schemas: none belongs in
// a text for people.
var internalIDs = regexp.MustCompile(`\b(SCT|SKHCN|SXD|STNMT|SGTVT|SNNPTNT|TTT|flag|merit|diem_90|diem_80|san_85|ky_luat|phieu_80|self|cluster|co_tinh|co_cp|bao_cao_muon|vang_hop|khong_ky_luat)\b|ranking\.|thidua/[a-z]`)

// TestResultsNameNotIDs writes the results workbook of every example of
// Cụm II in Vietnamese, scorecards included, and reads every cell and
// every sheet's name: members, tiers, conditions and stages are named,
// never given by id, but in the code column (and row) headed "Mã đơn vị",
// where the ids are the point.
func TestResultsNameNotIDs(t *testing.T) {
	rb := loadRulebook(t)
	codes := lang.Vietnamese.Say("results.col.member_id")
	for _, sheet := range []string{"scores-2020.csv", "top-ineligible.csv", "tie-broken.csv", "unresolved-tie.csv"} {
		st, err := ranking.Rank(rb, loadCSV(t, rb, sheet))
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Lang: lang.Vietnamese, Scorecards: true}))
		f, err := excelize.OpenReader(&buf)
		require.NoError(t, err)
		for _, name := range f.GetSheetList() {
			if internalIDs.MatchString(name) {
				t.Errorf("%s: the sheet %q is named by an id", sheet, name)
			}
			rows, err := f.GetRows(name)
			require.NoError(t, err)
			codeCol := -1
			for r, row := range rows {
				for c, v := range row {
					if v == codes {
						codeCol = c // a column of codes (or, in its first cell, a row of them)
					}
				}
				if len(row) > 1 && row[1] == codes || len(row) > 0 && row[0] == codes {
					continue // the row of codes
				}
				for c, v := range row {
					if c == codeCol || v == codes {
						continue
					}
					if m := internalIDs.FindString(v); m != "" {
						cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
						t.Errorf("%s: %s!%s has the id %q: %q", sheet, name, cell, m, v)
					}
				}
			}
		}
		f.Close()
	}
}
