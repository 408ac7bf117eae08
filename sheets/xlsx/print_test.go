package xlsx_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestPrintSetup reads back the page setup of every sheet of the template
// and of the results workbook: A4 landscape, fitted to the width of one
// page or, for a sheet too wide to stay readable on one, of the fewest
// pages that keep it readable, with the member columns repeated on each
// page. Without it the template of Cụm II (7 members) printed on 11 pages
// at 100%.
func TestPrintSetup(t *testing.T) {
	rb := loadRulebook(t)
	sh := loadCSV(t, rb, "scores-2020.csv")
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	var res bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&res, rb, st, xlsx.ResultOptions{Scorecards: true}))

	// A cluster of 40 members: its matrix is too wide for one page.
	var many []scoring.Member
	for i := range 40 {
		many = append(many, scoring.Member{ID: fmt.Sprintf("M%02d", i), Name: fmt.Sprintf("Đơn vị số %d", i)})
	}
	var wide bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&wide, rb, wideStandings(t, rb, many), xlsx.ResultOptions{}))

	for _, c := range []struct {
		name  string
		data  []byte
		pages map[string]int // sheet → pages wide, when more than one
		keys  map[string]string
	}{
		{"template", template(t, rb, sh), map[string]int{xlsx.SheetScores: 2}, map[string]string{xlsx.SheetScores: "$A:$B"}},
		{"results", res.Bytes(), nil, nil},
		{"results-40", wide.Bytes(), map[string]int{xlsx.SheetMatrix: 3}, map[string]string{xlsx.SheetMatrix: "$A:$C"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(c.data))
			require.NoError(t, err)
			defer f.Close()
			require.NotEmpty(t, f.GetSheetList())
			for _, s := range f.GetSheetList() {
				pl, err := f.GetPageLayout(s)
				require.NoError(t, err)
				require.NotNil(t, pl.Size, "%s: no paper size", s)
				require.Equal(t, 9, *pl.Size, "%s: A4 is paper size 9", s)
				require.NotNil(t, pl.Orientation, "%s: no orientation", s)
				require.Equal(t, "landscape", *pl.Orientation, s)
				props, err := f.GetSheetProps(s)
				require.NoError(t, err)
				require.True(t, props.FitToPage != nil && *props.FitToPage, "%s: not fitted to the page", s)
				want := max(1, c.pages[s])
				require.NotNil(t, pl.FitToWidth, "%s: no width to fit", s)
				require.Equal(t, want, *pl.FitToWidth, "%s: pages wide", s)
				require.NotNil(t, pl.FitToHeight, s)
				require.Equal(t, 0, *pl.FitToHeight, "%s: as many pages tall as the rows need", s)
				m, err := f.GetPageMargins(s)
				require.NoError(t, err)
				require.True(t, m.Left != nil && *m.Left <= 0.5 && m.Right != nil && *m.Right <= 0.5, "%s: margins %v %v", s, m.Left, m.Right)
				titles := ""
				for _, d := range f.GetDefinedName() {
					if d.Name == "_xlnm.Print_Titles" && d.Scope == s {
						titles = d.RefersTo
					}
				}
				if k := c.keys[s]; k != "" {
					require.Contains(t, titles, k, "%s: the key columns are repeated on every page", s)
				} else {
					require.NotRegexp(t, `\$[A-Z]+:\$[A-Z]+`, titles, "%s: no columns repeated on one page wide", s)
				}
			}
		})
	}
}

// wideStandings ranks a sheet of the given members, each scored as Sở
// Công Thương is in the example.
func wideStandings(t *testing.T, rb *rules.Rulebook, members []scoring.Member) *ranking.Standings {
	t.Helper()
	in, err := os.ReadFile(filepath.Join(cum2, "scores-2020.csv"))
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(in)).ReadAll()
	require.NoError(t, err)
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	for _, r := range recs {
		switch {
		case r[0] == "record" || r[0] == "cluster":
			w.Write(r)
		case len(r) > 5 && r[1] == "SCT" && r[0] != "history" && r[5] == "": // no cross-scores
			for _, m := range members {
				c := slices.Clone(r)
				c[1] = m.ID
				if c[0] == "member" {
					c[3] = m.Name
				}
				w.Write(c)
			}
		}
	}
	w.Flush()
	path := filepath.Join(t.TempDir(), "wide.csv")
	require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	sh, err := sheets.Check(rb, path)
	require.NoError(t, err)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	require.Len(t, st.Rows, len(members))
	return st
}
