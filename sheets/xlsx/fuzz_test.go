package xlsx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// seeds are the workbooks of testdata/: valid files of each layout, the
// fuzzers' starting points. go test -run TestSeeds -update rewrites them.
func seeds(t testing.TB, rb *rules.Rulebook) map[string][]byte {
	t.Helper()
	csv := loadCSV(t, rb, "scores-2020.csv")
	st, err := ranking.Rank(rb, csv)
	require.NoError(t, err)
	var results, empty bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&results, rb, st, xlsx.ResultOptions{Scorecards: true}))
	require.NoError(t, xlsx.Template(&empty, rb, xlsx.TemplateOptions{}))
	return map[string][]byte{
		"seed-cum2-2020.xlsx":      newFiller(t, rb, template(t, rb, csv)).fill(csv),
		"seed-real-matrix.xlsx":    workbook(t, realMatrix()...),
		"seed-member-sheets.xlsx":  workbook(t, memberSheets()...),
		"seed-template-empty.xlsx": empty.Bytes(),
		"seed-results.xlsx":        results.Bytes(),
	}
}

// TestSeeds keeps the seed workbooks in testdata/ and checks that each is
// read as its layout says (the filled template as the CSV sheet itself).
func TestSeeds(t *testing.T) {
	rb := loadRulebook(t)
	fresh := seeds(t, rb)
	for name, data := range fresh {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, data, 0o644))
			continue
		}
		stored, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -run TestSeeds -update to create it")
		_, warnings, err := xlsx.Read(name, bytes.NewReader(stored), rb, xlsx.Options{})
		checkTexts(t, err, warnings)
		if name != "seed-member-sheets.xlsx" && name != "seed-results.xlsx" { // one bad cell on purpose; not a score sheet
			require.NoError(t, err, name)
		}
	}
	stored, err := os.ReadFile(filepath.Join("testdata", "seed-cum2-2020.xlsx"))
	require.NoError(t, err)
	sh, _, err := xlsx.Read("seed.xlsx", bytes.NewReader(stored), rb, xlsx.Options{})
	require.NoError(t, err)
	require.Equal(t, loadCSV(t, rb, "scores-2020.csv").Hash(), sh.Hash())
}

// fuzzLimits are small limits, so that each fuzzed input is cheap.
var fuzzLimits = xlsx.Limits{MaxBytes: 1 << 20, MaxUnzippedBytes: 4 << 20, MaxRows: 2000, MaxCells: 50_000, MaxMerges: 500, MaxFormulaChecks: 200}

// checkRead reads a fuzzed workbook: it must not panic, and what it
// returns must be consistent (every row of the sheet says where it came
// from; every error names the file; every problem and warning can be
// written in both languages).
func checkRead(t *testing.T, rb *rules.Rulebook, data []byte) {
	sh, warnings, err := xlsx.Read("fuzz.xlsx", bytes.NewReader(data), rb, xlsx.Options{Limits: fuzzLimits})
	var es scoring.InputErrors
	if err != nil {
		es = inputErrors(t, err)
		for _, e := range es {
			if e.File != "fuzz.xlsx" {
				t.Fatalf("an error without its file: %v", e)
			}
		}
	}
	xlsx.CheckTexts(t, es, warnings, true)
	for _, e := range sh.Scores {
		if e.Source.File != "fuzz.xlsx" || e.Source.Line < 1 {
			t.Fatalf("a score without its row: %+v", e)
		}
	}
	for _, m := range sh.Members {
		if m.ID == "" {
			t.Fatalf("a member without an id: %+v", m)
		}
	}
}

// FuzzRead feeds the reader mutated workbooks. Most mutations of a zip
// archive break it outright; FuzzReadSheet mutates the worksheet inside a
// valid archive instead.
func FuzzRead(f *testing.F) {
	rb := loadRulebook(f)
	for _, name := range seedNames(f) {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, rb, data) })
}

// FuzzReadSheet replaces the first worksheet's XML of each seed with
// fuzzed text, keeping the rest of the workbook valid, so that the fuzzer
// explores the worksheet parser, the guard and the layout detection.
func FuzzReadSheet(f *testing.F) {
	rb := loadRulebook(f)
	var base [][]byte
	for _, name := range seedNames(f) {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		sheet := part(f, data, "xl/worksheets/sheet1.xml")
		base = append(base, data)
		f.Add(uint8(len(base)-1), sheet)
	}
	f.Fuzz(func(t *testing.T, which uint8, sheet []byte) {
		data := replacePart(t, base[int(which)%len(base)], "xl/worksheets/sheet1.xml", sheet)
		checkRead(t, rb, data)
	})
}

func seedNames(t testing.TB) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "seed-*.xlsx"))
	require.NoError(t, err)
	require.NotEmpty(t, matches, "no seed workbooks: run go test -run TestSeeds -update")
	var out []string
	for _, m := range matches {
		out = append(out, filepath.Base(m))
	}
	return out
}

// part returns one part of a zip archive.
func part(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			require.NoError(t, err)
			defer rc.Close()
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// replacePart returns a zip archive with one part's content replaced.
func replacePart(t testing.TB, data []byte, name string, content []byte) []byte {
	return patchPart(t, data, name, func(string) string { return string(content) })
}
