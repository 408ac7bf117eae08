package xlsx_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestRoundTrip is the Excel workflow end to end, for every example
// sheet: generate the template, fill it with the CSV sheet's data as a
// secretariat would, read it back, and check that the sheet read is the
// CSV sheet (same hash) and ranks the same; then write the results and
// read key cells back.
func TestRoundTrip(t *testing.T) {
	rb := loadRulebook(t)
	for _, name := range []string{"scores-2020.csv", "tie-broken.csv", "top-ineligible.csv", "unresolved-tie.csv"} {
		t.Run(name, func(t *testing.T) {
			want := loadCSV(t, rb, name)
			filled := newFiller(t, rb, template(t, rb, want)).fill(want)

			got, warnings, err := readBytes(t, rb, filled, nil)
			require.NoError(t, err)
			require.Empty(t, warnings, "warnings:\n%s", messages(warnings))
			if d := cmp.Diff(want, got, sameRows); d != "" {
				t.Fatalf("the sheet read back differs from the CSV sheet (-csv +xlsx):\n%s", d)
			}
			require.Equal(t, want.Hash(), got.Hash(), "sheet hash")

			wantSt, err := ranking.Rank(rb, want)
			require.NoError(t, err)
			gotSt, err := ranking.Rank(rb, got)
			require.NoError(t, err)
			if d := cmp.Diff(wantSt, gotSt, exact); d != "" {
				t.Fatalf("the standings differ (-csv +xlsx):\n%s", d)
			}

			var out bytes.Buffer
			require.NoError(t, xlsx.WriteResults(&out, rb, gotSt, xlsx.ResultOptions{Scorecards: true}))
			checkResults(t, out.Bytes(), gotSt)
		})
	}
}

// checkResults reads the key cells of a results workbook back: each
// member's rank, total (the exact digits) and award on the standings
// sheet, and the matrix's totals.
func checkResults(t *testing.T, data []byte, st *ranking.Standings) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	raw := excelize.Options{RawCellValue: true}
	rows, err := f.GetRows(xlsx.SheetStandings, raw)
	require.NoError(t, err)
	header := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Hạng" {
			header = i
			break
		}
	}
	require.GreaterOrEqual(t, header, 0, "no header row on the standings sheet")
	require.Equal(t, []string{"Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Đề nghị khen thưởng", "Căn cứ xếp hạng (so với đơn vị trên)", "Điều kiện không đạt"}, rows[header][:7])
	for i, row := range st.Rows {
		r := rows[header+1+i]
		require.Equal(t, fmt.Sprint(row.Rank), r[0], "rank of %s", row.Member.ID)
		require.Equal(t, row.Member.ID, r[1])
		require.Equal(t, row.Member.Name, r[2])
		require.Equal(t, row.Total.String(), r[3], "total of %s, as stored", row.Member.ID)
		typ, err := f.GetCellType(xlsx.SheetStandings, fmt.Sprintf("D%d", header+2+i))
		require.NoError(t, err)
		require.Equal(t, excelize.CellTypeUnset, typ, "a total is a number cell (no type attribute)")
		if len(row.Awards) > 0 {
			a, _ := loadRulebook(t).Award(row.Awards[0])
			require.Equal(t, a.Name, r[4])
		} else {
			require.Equal(t, "—", r[4])
		}
	}
	// Shown with the rulebook's two places: 88.75 shows as 88.75, 94.7 as 94.70.
	shown, err := f.GetCellValue(xlsx.SheetStandings, fmt.Sprintf("D%d", header+2))
	require.NoError(t, err)
	require.Equal(t, st.Rows[0].Total.StringFixed(2), shown)

	m, err := f.GetRows(xlsx.SheetMatrix, raw)
	require.NoError(t, err)
	var total []string
	for _, r := range m {
		if len(r) > 1 && r[1] == "TỔNG ĐIỂM" {
			total = r[3:]
		}
	}
	require.Len(t, total, len(st.Rows), "the matrix's total row")
	for i, row := range st.Rows {
		require.Equal(t, row.Total.String(), total[i], "matrix total of %s", row.Member.ID)
	}
	list := f.GetSheetList()
	require.Len(t, list, 2+len(st.Rows), "standings, matrix and a scorecard per member: %v", list)
}

// TestRoundTripEveryField round-trips a sheet that uses every part of the
// layout, under the tests' base rulebook: own targets, a criterion not
// assigned, three cross-assessors per member for a trimmed mean, bonus
// and deduction counts with notes, a fact without a default, the ballot
// with votes against and abstentions, past awards and a drawing of lots.
func TestRoundTripEveryField(t *testing.T) {
	rb, err := rules.Load(filepath.Join("..", "..", "rules", "testdata", "rulebook.yaml"))
	require.NoError(t, err)
	ids := []string{"A", "B", "C", "D", "E"}
	sh := scoring.Sheet{Cluster: "Cụm thử nghiệm", Year: 2024, Lots: []string{"D", "E"}}
	ballot := &scoring.Ballot{Entitled: 5, Present: 5}
	for i, id := range ids {
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Đơn vị " + id})
		for _, stage := range []string{"self", "cluster"} {
			sh.Scores = append(sh.Scores,
				scoring.Entry{Member: id, Criterion: "1.2", Stage: stage, Value: dec(fmt.Sprint(80 + 5*i))},
				scoring.Entry{Member: id, Criterion: "2.1", Stage: stage, Value: dec(fmt.Sprint(4 + i))},
				scoring.Entry{Member: id, Criterion: "2.2", Stage: stage, Value: dec(fmt.Sprint(i % 2))},
			)
			if id != "B" {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: "1.3", Stage: stage, Value: dec(fmt.Sprint(i + 1))})
			}
		}
		sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: "1.1", Stage: "self", Value: dec("9.25")})
		for j, by := range ids[:4] { // three or four peers each, for a mean trimmed by one
			if j != i {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: "1.1", Stage: "cluster", Assessor: by, Value: dec(fmt.Sprintf("%d.%d5", 6+j, i))})
			}
		}
		sh.Facts = append(sh.Facts, scoring.FactValue{Member: id, Fact: "strong", Value: id != "C"})
		ballot.Votes = append(ballot.Votes, scoring.Vote{Member: id, For: 5 - i, Against: i / 2, Abstain: i % 2})
	}
	sh.Ballot = ballot
	sh.Targets = []scoring.Target{{Member: "A", Criterion: "1.2", Value: dec("120")}}
	sh.NotAssigned = []scoring.Assignment{{Member: "B", Criterion: "1.3"}}
	sh.Bonuses = []scoring.Occurrences{{Member: "A", Item: "b1", Count: 1, Note: "Cờ thi đua năm 2023"}, {Member: "C", Item: "b2", Count: 2}}
	sh.Deductions = []scoring.Occurrences{{Member: "D", Item: "d1", Count: 3, Note: "Báo cáo quý chậm"}, {Member: "E", Item: "d2", Count: 1}}
	sh.Facts = append(sh.Facts, scoring.FactValue{Member: "C", Fact: "clean", Value: false})
	sh.History = []scoring.PastAward{{Member: "A", Year: 2023, Award: "flag"}, {Member: "B", Year: 2023, Award: "merit"}}
	want, err := ranking.Rank(rb, sh)
	require.NoError(t, err, "the sheet built for the test must be valid")

	filled := newFiller(t, rb, template(t, rb, sh)).fill(sh)
	got, warnings, err := readBytes(t, rb, filled, nil)
	require.NoError(t, err)
	require.Empty(t, warnings, "warnings:\n%s", messages(warnings))
	if d := cmp.Diff(sh, got, sameRows); d != "" {
		t.Fatalf("the sheet read back differs (-built +xlsx):\n%s", d)
	}
	require.Equal(t, sh.Hash(), got.Hash())
	gotSt, err := ranking.Rank(rb, got)
	require.NoError(t, err)
	if d := cmp.Diff(want, gotSt, exact); d != "" {
		t.Fatalf("the standings differ (-built +xlsx):\n%s", d)
	}
}
