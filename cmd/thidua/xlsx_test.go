package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// filledXLSX is the Cụm II 2020 sheet entered in its template (a seed of
// the xlsx package's tests).
const filledXLSX = "../../sheets/xlsx/testdata/seed-cum2-2020.xlsx"

// TestTemplateCmd runs thidua template and compares its exit code and
// output with testdata/xlsx-template-NAME.golden (the output folder is
// written OUT), then reads the workbook it wrote.
func TestTemplateCmd(t *testing.T) {
	cases := []struct {
		name    string
		args    []string // OUT stands for a fresh folder
		code    int
		members []string // the members the template lists, if it is written
		cluster string
	}{
		{"cum2-members-from-csv-sheet", []string{"--rules", rb, "--out", "OUT/cum2.xlsx", "--members", cum2 + "scores-2020.csv"}, exitOK,
			[]string{"SKHCN", "STNMT", "SGTVT", "SXD", "SNNPTNT", "SCT", "TTT"}, "Cụm II – Các cơ quan quản lý chuyên ngành"},
		{"members-from-a-list", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--members", "testdata/xlsx-members.csv", "--cluster", "Cụm thử"}, exitOK,
			[]string{"SCT", "SXD", "TTT"}, "Cụm thử"},
		{"members-from-an-xlsx-sheet", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--members", filledXLSX}, exitOK,
			[]string{"SKHCN", "STNMT", "SGTVT", "SXD", "SNNPTNT", "SCT", "TTT"}, "Cụm II – Các cơ quan quản lý chuyên ngành"},
		{"no-members", []string{"--rules", rb, "--out", "OUT/empty.XLSX"}, exitOK, nil, ""},
		{"bad-member-list", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--members", "testdata/xlsx-bad-members.csv"}, exitBadInput, nil, ""},
		{"missing-members-file", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--members", "testdata/xlsx-nonexistent.csv"}, exitBadInput, nil, ""},
		{"bad-rulebook", []string{"--rules", "testdata/bad-rulebook.yaml", "--out", "OUT/t.xlsx"}, exitBadInput, nil, ""},
		{"unwritable-folder", []string{"--rules", rb, "--out", "OUT/no/such/folder/t.xlsx"}, exitBadInput, nil, ""},
		{"usage-no-out", []string{"--rules", rb}, exitUsage, nil, ""},
		{"usage-not-xlsx", []string{"--rules", rb, "--out", "OUT/t.csv"}, exitUsage, nil, ""},
		{"usage-bad-year", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--year", "-3"}, exitUsage, nil, ""},
		{"usage-extra-argument", []string{"--rules", rb, "--out", "OUT/t.xlsx", "extra"}, exitUsage, nil, ""},
		{"usage-bad-lang", []string{"--rules", rb, "--out", "OUT/t.xlsx", "--lang", "fr"}, exitUsage, nil, ""},
		{"summary-in-english", []string{"--rules", rb, "--out", "OUT/en.xlsx", "--lang", "en"}, exitOK, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(c.args))
			var out string
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "OUT", dir)
				if i > 0 && c.args[i-1] == "--out" {
					out = args[i]
				}
			}
			var stdout, stderr bytes.Buffer
			code := call(templateCmd, args, &stdout, &stderr)
			require.Equal(t, c.code, code, "stderr:\n%s", stderr.String())
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
			compareGolden(t, "xlsx-template-"+c.name, strings.ReplaceAll(got, dir, "OUT"))

			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			if code != exitOK {
				require.Empty(t, entries, "nothing is written on failure")
				return
			}
			require.Len(t, entries, 1, "only the workbook is left in the folder")
			rbk, err := rules.Load(rb)
			require.NoError(t, err)
			sh, warnings, err := xlsx.Load(out, nil, rbk)
			require.NoError(t, err)
			require.Empty(t, warnings)
			var ids []string
			for _, m := range sh.Members {
				ids = append(ids, m.ID)
			}
			require.Equal(t, c.members, ids)
			require.Equal(t, c.cluster, sh.Cluster)
			require.Equal(t, 2020, sh.Year, "the rulebook is in force in 2020 only")
		})
	}
}

// compareGolden compares output with testdata/NAME.golden (rewritten with
// -update).
func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, d)
	}
}

// TestWriteResultsXLSX writes the standings of the example as the rank
// command will (--out results.xlsx) and reads the cells a secretariat
// files: rank, member, total and award, and each member's scorecard.
func TestWriteResultsXLSX(t *testing.T) {
	rbk, err := rules.Load(rb)
	require.NoError(t, err)
	for _, name := range []string{"scores-2020.csv", "unresolved-tie.csv"} {
		t.Run(name, func(t *testing.T) {
			sh, err := sheets.Check(rbk, cum2+name)
			require.NoError(t, err)
			st, err := ranking.Rank(rbk, sh)
			require.NoError(t, err)
			dir := t.TempDir()
			path := filepath.Join(dir, "results.xlsx")
			require.NoError(t, os.WriteFile(path, []byte("an older file"), 0o644))
			s, err := stageResultsXLSX(path, rbk, st, lang.Vietnamese)
			require.NoError(t, err)
			require.NoError(t, s.commit())
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 1, "no temporary file is left")

			f, err := excelize.OpenFile(path)
			require.NoError(t, err)
			defer f.Close()
			require.Equal(t, 2+len(st.Rows), len(f.GetSheetList()))
			rows, err := f.GetRows(xlsx.SheetStandings, excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			require.Contains(t, rows[0][0], strings.ToUpper(st.Cluster))
			require.Contains(t, rows[1][0], rbk.Hash())
			for i, row := range st.Rows {
				r := rows[5+i]
				require.Equal(t, []string{fmt.Sprint(row.Rank), row.Member.ID, row.Member.Name, row.Total.String()}, r[:4])
			}
			text := fmt.Sprint(rows)
			if name == "unresolved-tie.csv" {
				require.Contains(t, text, "BẰNG ĐIỂM, chưa phân định với Sở Công Thương")
				require.Contains(t, text, "CHỜ phân định hoà điểm")
			}
		})
	}
	t.Run("an unwritable path is an error and leaves nothing", func(t *testing.T) {
		st := &ranking.Standings{}
		_, err := stageResultsXLSX(filepath.Join(t.TempDir(), "missing", "results.xlsx"), rbk, st, lang.Vietnamese)
		require.Error(t, err)
	})
	t.Run("rank --lang en --out writes the workbook in English", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "results.xlsx")
		var out, errb bytes.Buffer
		code := run([]string{"rank", "--rules", rb, "--scores", cum2 + "tie-broken.csv", "--lang", "en", "--out", path}, nil, &out, &errb)
		require.Equal(t, exitOK, code, errb.String())
		f, err := excelize.OpenFile(path)
		require.NoError(t, err)
		defer f.Close()
		require.Equal(t, []string{xlsx.SheetStandingsEnglish, xlsx.SheetMatrixEnglish}, f.GetSheetList()[:2])
		rows, err := f.GetRows(xlsx.SheetStandingsEnglish)
		require.NoError(t, err)
		require.Contains(t, fmt.Sprint(rows), "group I: 38 < 38.5 (Sở Khoa học và Công nghệ)")
	})
}

// TestCheckXLSX reads an Excel score sheet as every command does
// (loadWith): the filled example is the CSV sheet; a damaged one reports
// its cells; a mapping applies to a workbook only.
func TestCheckXLSX(t *testing.T) {
	rbk, err := rules.Load(rb)
	require.NoError(t, err)
	want, err := sheets.Check(rbk, cum2+"scores-2020.csv")
	require.NoError(t, err)
	var stderr bytes.Buffer
	_, sh, ok := (&inputs{}).loadWith(rb, filledXLSX, "", lang.English, &stderr)
	require.True(t, ok, stderr.String())
	require.Empty(t, stderr.String())
	require.Equal(t, want.Hash(), sh.Hash())
	require.True(t, isXLSX(filledXLSX))

	f, err := excelize.OpenFile(filledXLSX)
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr(xlsx.SheetScores, "G9", "21"))
	require.NoError(t, f.SetCellStr(xlsx.SheetScores, "H9", "chín"))
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	require.NoError(t, f.SaveAs(bad))
	stderr.Reset()
	_, _, ok = (&inputs{}).loadWith(rb, bad, "", lang.English, &stderr)
	require.False(t, ok)
	got := strings.ReplaceAll(stderr.String(), bad, "bad.xlsx")
	require.Contains(t, got, `bad.xlsx:9: member SKHCN: 04: Bảng điểm!H9: expected a number like 9.75 or 9,75, found "chín"`)
	require.Contains(t, got, "bad.xlsx:9: member SKHCN: 03: Bảng điểm!G9: 21 points is above the maximum")
	require.Contains(t, got, "2 problems")

	mapping := filepath.Join(t.TempDir(), "mapping.yaml")
	require.NoError(t, os.WriteFile(mapping, []byte("sheets:\n  - sheet: Bảng điểm\n    header_row: 4\n    first_row: 8\n    columns: {A: member, B: name, C: stage, D: assessor, E: \"01\", Z: \"99\"}\n"), 0o644))
	stderr.Reset()
	_, _, ok = (&inputs{}).loadWith(rb, filledXLSX, mapping, lang.English, &stderr)
	require.False(t, ok)
	require.Contains(t, stderr.String(), `Bảng điểm: mapping: column Z: "99": unknown criterion "99"`)

	stderr.Reset()
	_, _, ok = (&inputs{}).loadWith(rb, cum2+"scores-2020.csv", mapping, lang.Vietnamese, &stderr)
	require.False(t, ok)
	require.Equal(t, cum2+"scores-2020.csv: tệp ánh xạ (--mapping) chỉ dùng cho bảng điểm .xlsx\n", stderr.String())
}
