package xlsx_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// exampleSheet loads an example folder's rulebook and checked CSV sheet.
func exampleSheet(t *testing.T, folder, rulebook, sheet string) (*rules.Rulebook, scoring.Sheet) {
	t.Helper()
	dir := filepath.Join("..", "..", "examples", folder)
	rb, err := rules.Load(filepath.Join(dir, rulebook))
	require.NoError(t, err)
	sh, err := sheets.Check(rb, filepath.Join(dir, sheet))
	require.NoError(t, err)
	return rb, sh
}

// TestRoundTripNamedBallots fills the template of a rulebook with named
// ballots (one per grading band) from the example's CSV sheet, reads it
// back and ranks it: the same sheet (hash), the same standings and bands.
// Each ballot has its own vote columns and counts; a member not put to a
// ballot leaves its cells empty and is not put to it when read back.
func TestRoundTripNamedBallots(t *testing.T) {
	for _, c := range []struct{ folder, sheet string }{
		{"nghean-grading", "scores-2025.csv"},
	} {
		t.Run(c.folder, func(t *testing.T) {
			rb, want := exampleSheet(t, c.folder, "rulebook.yaml", c.sheet)
			require.NotEmpty(t, want.Ballots, "the example has named ballots")
			tmpl := template(t, rb, want)
			keys := keyRow(t, tmpl)
			for _, b := range rb.Votes().Ballots {
				for _, sub := range []string{"for", "against", "abstain"} {
					require.Contains(t, keys, "votes:"+sub+"@"+b.ID)
				}
			}
			require.NotContains(t, keys, "votes:for", "no unnamed vote columns")

			filled := newFiller(t, rb, tmpl).fill(want)
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
		})
	}
}

// On the Nghệ An example, the bands read back from the workbook are the
// regulation's: M02's 6 of 12 votes is not more than half for xuất sắc, and
// it is graded tốt by its second ballot; M06 was put to no ballot.
func TestNamedBallotsGrades(t *testing.T) {
	rb, want := exampleSheet(t, "nghean-grading", "rulebook.yaml", "scores-2025.csv")
	got, _, err := readBytes(t, rb, newFiller(t, rb, template(t, rb, want)).fill(want), nil)
	require.NoError(t, err)
	st, err := ranking.Rank(rb, got)
	require.NoError(t, err)
	grades := map[string]string{}
	for _, r := range st.Rows {
		grades[r.Member.ID] = r.Grade
	}
	require.Equal(t, map[string]string{"M01": "xuat_sac", "M02": "tot", "M03": "tot", "M04": "tot", "M05": "hoan_thanh", "M06": "khong_hoan_thanh", "M07": "hoan_thanh"}, grades)
	for _, b := range got.Ballots {
		for _, v := range b.Votes {
			require.NotEqual(t, "M06", v.Member, "M06 was put to no ballot")
		}
	}
}

// The template heads each ballot's columns with its name, and the details
// sheet has a row for each ballot's counts.
func TestTemplateNamedBallots(t *testing.T) {
	rb, sh := exampleSheet(t, "nghean-grading", "rulebook.yaml", "scores-2025.csv")
	f, err := excelize.OpenReader(bytes.NewReader(template(t, rb, sh)))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetScores)
	require.NoError(t, err)
	keys := keyRow(t, template(t, rb, sh))
	for _, b := range rb.Votes().Ballots {
		col := 0
		for i, k := range keys {
			if k == "votes:for@"+b.ID {
				col = i
			}
		}
		require.NotZero(t, col)
		require.Equal(t, b.Name, rows[2][col], "the ballot's name above its columns")
	}
	details, err := f.GetRows(xlsx.SheetDetails)
	require.NoError(t, err)
	var labels []string
	for _, r := range details {
		if len(r) > 0 {
			labels = append(labels, r[0])
		}
	}
	require.Contains(t, labels, "Số thành viên có quyền bỏ phiếu — Bỏ phiếu mức Hoàn thành tốt nhiệm vụ (entitled@tot)")
	require.Contains(t, labels, "Số thành viên có mặt bỏ phiếu — Bỏ phiếu mức Hoàn thành tốt nhiệm vụ (present@tot)")
}

// keyRow is the template's key row (the row starting "member").
func keyRow(t *testing.T, tmpl []byte) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetScores)
	require.NoError(t, err)
	for _, r := range rows {
		if len(r) > 0 && r[0] == "member" {
			return r
		}
	}
	t.Fatal("no key row")
	return nil
}

// A sheet made by hand, with a "Phiếu tán thành" column under each
// ballot's name and no key row, is read into the named ballots; the
// general counts of the details apply to every ballot; a vote cell that
// is not a whole number, a key naming no ballot and a details row of an
// unknown ballot are located errors.
func TestReadNamedBallots(t *testing.T) {
	rb, _ := exampleSheet(t, "nghean-grading", "rulebook.yaml", "scores-2025.csv")
	build := func(extra map[string]any) []byte {
		cells := map[string]any{
			"A2": "Mã đơn vị", "B2": "Tên đơn vị", "C2": "1", "D2": "2", "E2": "3", "F2": "4", "G2": "5",
			"H1": "Bỏ phiếu mức Hoàn thành xuất sắc nhiệm vụ", "H2": "Phiếu tán thành",
			"I1": "Bỏ phiếu mức Hoàn thành tốt nhiệm vụ", "I2": "Phiếu tán thành",
			"J1": "hoan_thanh", "J2": "Phiếu tán thành",
			"A3": "M01", "B3": "Một", "C3": 19, "D3": 28, "E3": 19, "F3": 14, "G3": 14, "H3": 9,
			"A4": "M02", "B4": "Hai", "C4": 20, "D4": 29, "E4": 18, "F4": 13, "G4": 13, "H4": 6, "I4": 10,
		}
		for k, v := range extra {
			cells[k] = v
		}
		return workbook(t, sheetSpec{name: "Tổng hợp", cells: cells}, sheetSpec{name: "Thông tin", cells: map[string]any{
			"A1": "Năm", "B1": 2025, "A2": "Số thành viên có quyền bỏ phiếu", "B2": 12,
		}})
	}
	got, _, err := readBytes(t, rb, build(nil), &xlsx.Mapping{Sheets: []xlsx.SheetMapping{{Sheet: "Tổng hợp", Stage: "cluster"}}})
	require.NoError(t, err)
	require.Nil(t, got.Ballot)
	require.Len(t, got.Ballots, 3, "the details' counts hold every ballot")
	byID := map[string]scoring.Ballot{}
	for _, b := range got.Ballots {
		byID[b.ID] = b
		require.Equal(t, 12, b.Entitled)
	}
	require.Equal(t, []scoring.Vote{{Member: "M01", For: 9}, {Member: "M02", For: 6}}, clearSources(byID["xuat_sac"].Votes))
	require.Equal(t, []scoring.Vote{{Member: "M02", For: 10}}, clearSources(byID["tot"].Votes))
	require.Empty(t, byID["hoan_thanh"].Votes)

	_, _, err = readBytes(t, rb, build(map[string]any{"I3": "9,5", "K2": "votes:for@nhat"}), &xlsx.Mapping{Sheets: []xlsx.SheetMapping{{Sheet: "Tổng hợp", Stage: "cluster"}}})
	es := inputErrors(t, err)
	var vi []string
	for _, e := range es {
		vi = append(vi, e.Text(lang.Vietnamese))
	}
	all := strings.Join(vi, "\n")
	require.Contains(t, all, "Tổng hợp!I3: Bỏ phiếu mức Hoàn thành tốt nhiệm vụ: số phiếu tán thành:")

	// a mapping that names a ballot the rulebook does not list
	_, _, err = readBytes(t, rb, build(nil), &xlsx.Mapping{Sheets: []xlsx.SheetMapping{{Sheet: "Tổng hợp", Stage: "cluster", Columns: map[string]string{"A": "member", "H": "votes:for@nhat"}}}})
	es = inputErrors(t, err)
	require.Contains(t, es[0].Error(), `"votes:for@nhat": unknown ballot "nhat" (the rulebook's ballots: xuat_sac, tot, hoan_thanh)`)
}

// clearSources drops where each vote came from, to compare values.
func clearSources(vs []scoring.Vote) []scoring.Vote {
	out := make([]scoring.Vote, len(vs))
	for i, v := range vs {
		v.Source = scoring.Source{}
		out[i] = v
	}
	return out
}

// A mapping locates a named ballot's own counts on the info sheet; they
// override the general ones for that ballot only.
func TestMappingBallotCounts(t *testing.T) {
	rb, _ := exampleSheet(t, "nghean-grading", "rulebook.yaml", "scores-2025.csv")
	data := workbook(t, sheetSpec{name: "Tổng hợp", cells: map[string]any{
		"A1": "Mã đơn vị", "B1": "1", "C1": "2", "D1": "3", "E1": "4", "F1": "5", "G1": "votes:for@tot",
		"A2": "M02", "B2": 20, "C2": 29, "D2": 18, "E2": 13, "F2": 13, "G2": 10,
	}}, sheetSpec{name: "TT", cells: map[string]any{"B1": 12, "B2": 11, "B3": 9}})
	m, err := xlsx.ParseMapping("m.yaml", []byte("sheets: [{sheet: Tổng hợp, stage: cluster}]\ninfo: {sheet: TT, entitled: B1, ballots: {tot: {entitled: B2, present: B3}}}\n"))
	require.NoError(t, err)
	got, _, err := readBytes(t, rb, data, m)
	require.NoError(t, err)
	counts := map[string][2]int{}
	for _, b := range got.Ballots {
		counts[b.ID] = [2]int{b.Entitled, b.Present}
	}
	require.Equal(t, map[string][2]int{"xuat_sac": {12, 0}, "tot": {11, 9}, "hoan_thanh": {12, 0}}, counts)

	_, err = xlsx.ParseMapping("m.yaml", []byte("info: {sheet: TT, ballots: {tot: {entitled: 12}}}\n"))
	require.ErrorContains(t, err, "info.ballots.tot.entitled")
}
