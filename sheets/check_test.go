package sheets_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

func TestCheck(t *testing.T) {
	rb, err := rules.Load(filepath.Join(examples, "rulebook.yaml"))
	require.NoError(t, err)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}

	for _, name := range []string{"scores-2020.csv", "scores-2020.json"} {
		t.Run("the example "+filepath.Ext(name)+" sheet passes and is returned", func(t *testing.T) {
			sh, err := sheets.Check(rb, filepath.Join(examples, name))
			require.NoError(t, err)
			require.Len(t, sh.Members, 7)
		})
	}
	t.Run("read errors and scoring errors come together, in line order, without repeats", func(t *testing.T) {
		text := string(readExample(t, "scores-2020.csv"))
		// A row scoring refuses goes first, under the header; the score on
		// line 110 becomes unreadable, so that its score is missing too,
		// which must not be reported a second time.
		text = strings.Replace(text, "\n", "\nbonus,SCT,co_la,1,,,\n", 1)
		text = strings.Replace(text, "score,SCT,03,19,cluster,,", "score,SCT,03,abc,cluster,,", 1)
		text = strings.Replace(text, "history,SCT,2019,merit,,,", "history,SCT,2019,merit,,,\nvotes,XXX,for,1,,,", 1)
		p := write("bad.csv", text)
		_, err := sheets.Check(rb, p)
		checkErrors(t, p, err, []wantErr{
			{line: 2, member: "SCT", criterion: "co_la", msg: `unknown bonus item "co_la"`},
			{line: 110, member: "SCT", criterion: "03", msg: `expected a number like 9.75 or 9,75, found "abc"`},
			{line: 146, member: "XXX", msg: `unknown member "XXX"`},
		})
	})
	t.Run("a file that cannot be opened is not a sheet error", func(t *testing.T) {
		_, err := sheets.Check(rb, filepath.Join(dir, "none.csv"))
		require.ErrorIs(t, err, fs.ErrNotExist)
		var es scoring.InputErrors
		require.False(t, errors.As(err, &es))
	})
}
