package scoresheet_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

const (
	cum2     = "../examples/cum2/"
	workbook = "../sheets/xlsx/testdata/seed-cum2-2020.xlsx"
)

func rulebook(t testing.TB) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load(cum2 + "rulebook.yaml")
	require.NoError(t, err)
	return rb
}

func inputErrors(t testing.TB, err error) scoring.InputErrors {
	t.Helper()
	var es scoring.InputErrors
	require.ErrorAs(t, err, &es)
	return es
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]scoresheet.Format{
		"a.csv": scoresheet.CSV, "A.TXT": scoresheet.CSV, "dir.x/a.json": scoresheet.JSON,
		"a.yaml": scoresheet.YAML, "a.YML": scoresheet.YAML, "a.xlsx": scoresheet.XLSX, "a.XLSX": scoresheet.XLSX,
	} {
		got, err := scoresheet.FormatOf(path)
		require.NoError(t, err, path)
		require.Equal(t, want, got, path)
	}
	for _, path := range []string{"a.ods", "a.xls", "a", "a.csv.gz"} {
		_, err := scoresheet.FormatOf(path)
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.Equal(t, "sheet.format", es[0].Message.Key)
		require.Equal(t, path, es[0].File, "the problem names the file")
		require.Contains(t, es.Text(lang.Vietnamese), "không được hỗ trợ")
	}
	require.Equal(t, "xlsx", scoresheet.XLSX.String())
	for s, want := range map[string]scoresheet.Format{"csv": scoresheet.CSV, ".JSON": scoresheet.JSON, "yml": scoresheet.YAML, " xlsx ": scoresheet.XLSX} {
		got, err := scoresheet.ParseFormat(s)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	_, err := scoresheet.ParseFormat("pdf")
	require.Equal(t, "scoresheet.format.name", inputErrors(t, err)[0].Message.Key)
}

// TestEveryFormatReadsAlike: the example sheet as CSV, JSON and the filled
// workbook, by path and by stream, read and checked, is one sheet.
func TestEveryFormatReadsAlike(t *testing.T) {
	rb := rulebook(t)
	want, err := sheets.Check(rb, cum2+"scores-2020.csv")
	require.NoError(t, err)
	for _, path := range []string{cum2 + "scores-2020.csv", cum2 + "scores-2020.json", workbook} {
		f, err := scoresheet.FormatOf(path)
		require.NoError(t, err)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		calls := map[string]func() (scoring.Sheet, []scoresheet.Warning, error){
			"Load":  func() (scoring.Sheet, []scoresheet.Warning, error) { return scoresheet.Load(rb, path) },
			"Check": func() (scoring.Sheet, []scoresheet.Warning, error) { return scoresheet.Check(rb, path) },
			"Read": func() (scoring.Sheet, []scoresheet.Warning, error) {
				return scoresheet.Read(rb, path, bytes.NewReader(data), f)
			},
			"CheckReader": func() (scoring.Sheet, []scoresheet.Warning, error) {
				return scoresheet.CheckReader(rb, path, bytes.NewReader(data), f)
			},
		}
		for name, call := range calls {
			sh, warnings, err := call()
			require.NoError(t, err, "%s %s", name, path)
			require.Empty(t, warnings)
			require.Equal(t, want.Hash(), sh.Hash(), "%s %s", name, path)
			require.Equal(t, path, sh.Members[0].Source.File, "rows name their file")
		}
	}
}

func TestProblems(t *testing.T) {
	rb := rulebook(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("record,member,key,value,stage\nmember,SCT,name,Sở Công Thương\nscore,SCT,03,abc,cluster\nscore,SCT,03,21,self\n"), 0o644))

	t.Run("Load reports the rows it cannot read, not the rulebook's checks", func(t *testing.T) {
		sh, _, err := scoresheet.Load(rb, bad)
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.Equal(t, 3, es[0].Line)
		require.Len(t, sh.Scores, 1, "the rows read are returned")
	})
	t.Run("Check reports both, once each", func(t *testing.T) {
		_, _, err := scoresheet.Check(rb, bad)
		es := inputErrors(t, err)
		require.Greater(t, len(es), 1)
		data, _ := os.ReadFile(bad)
		_, _, err2 := scoresheet.CheckReader(rb, bad, bytes.NewReader(data), scoresheet.CSV)
		require.Equal(t, es.Error(), err2.Error(), "a stream is checked as a file is")
	})
	t.Run("a mapping applies to a workbook only", func(t *testing.T) {
		for _, opt := range []scoresheet.Option{scoresheet.WithMappingFile("m.yaml"), scoresheet.WithMapping(&xlsx.Mapping{})} {
			_, _, err := scoresheet.Check(rb, cum2+"scores-2020.csv", opt)
			require.Equal(t, "scoresheet.mapping.not_xlsx", inputErrors(t, err)[0].Message.Key)
		}
		_, _, err := scoresheet.Check(rb, workbook, scoresheet.WithMappingFile(filepath.Join(dir, "none.yaml")))
		require.ErrorIs(t, err, fs.ErrNotExist)
		_, _, err = scoresheet.Check(rb, workbook, scoresheet.WithMappingFile(""))
		require.NoError(t, err, "an empty mapping file is none")
	})
	t.Run("a missing file is the system's error", func(t *testing.T) {
		for _, p := range []string{"none.csv", "none.xlsx", "none.json"} {
			_, _, err := scoresheet.Load(rb, filepath.Join(dir, p))
			require.ErrorIs(t, err, fs.ErrNotExist)
			_, _, err = scoresheet.Check(rb, filepath.Join(dir, p))
			require.ErrorIs(t, err, fs.ErrNotExist)
		}
	})
	t.Run("no rulebook", func(t *testing.T) {
		_, _, err := scoresheet.Check(nil, cum2+"scores-2020.csv")
		require.ErrorIs(t, err, scoresheet.ErrNoRulebook)
		_, _, err = scoresheet.Load(nil, workbook)
		require.ErrorIs(t, err, scoresheet.ErrNoRulebook)
		sh, _, err := scoresheet.Load(nil, cum2+"scores-2020.csv")
		require.NoError(t, err, "a CSV sheet is read without a rulebook")
		require.NotEmpty(t, sh.Members)
	})
	t.Run("an unknown format value", func(t *testing.T) {
		_, _, err := scoresheet.Read(rb, "x", strings.NewReader(""), scoresheet.Format(99))
		require.Equal(t, "scoresheet.format.name", inputErrors(t, err)[0].Message.Key)
	})
}

// endless is a stream that never ends, as /dev/zero or a hostile upload.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// TestStreamsAreBounded: a stream is read at most its format's limit plus
// one byte, and refused past it with a problem naming it.
func TestStreamsAreBounded(t *testing.T) {
	rb := rulebook(t)
	for _, f := range []scoresheet.Format{scoresheet.CSV, scoresheet.JSON, scoresheet.YAML, scoresheet.XLSX} {
		r := &countingReader{r: endless{}}
		_, _, err := scoresheet.Read(rb, "stdin", r, f, scoresheet.WithXLSXLimits(xlsx.Limits{MaxBytes: 1 << 20}))
		es := inputErrors(t, err)
		require.Len(t, es, 1, f)
		require.Equal(t, "stdin", es[0].File)
		limit := int64(sheets.MaxBytes)
		if f == scoresheet.XLSX {
			limit = 1 << 20
		}
		require.Equal(t, limit+1, r.n, "%s: read limit+1 bytes", f)
	}
	_, _, err := scoresheet.Read(rb, "stdin", io.MultiReader(strings.NewReader("record\n"), failing{}), scoresheet.CSV)
	require.True(t, errors.Is(err, errFailing))
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

var errFailing = errors.New("broken pipe (test)")

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errFailing }
