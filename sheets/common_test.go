package sheets_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// header is the full CSV header, in the documented column order.
const header = "record,member,key,value,stage,assessor,note\n"

// examples is the folder of the cum2 example sheets.
var examples = filepath.Join("..", "examples", "cum2")

// exampleCSVs are the example sheets in CSV.
var exampleCSVs = []string{"scores-2020.csv", "tie-broken.csv", "top-ineligible.csv", "unresolved-tie.csv"}

// ignoreSource compares sheets by their data only: where a row came from is
// not part of it. Empty and nil slices are the same.
var ignoreSource = cmp.Options{cmpopts.IgnoreTypes(scoring.Source{}), cmpopts.EquateEmpty()}

// withSource compares sheets including where each row came from.
var withSource = cmp.Options{cmpopts.EquateEmpty()}

// dec is a decimal written in Go source, for expectations.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// wantErr is one expected scoring.InputError: its position, what it is
// about, and a fragment of its message.
type wantErr struct {
	line      int
	member    string
	criterion string
	msg       string
}

// inputErrors asserts that err is a scoring.InputErrors and returns it,
// after checking the texts of every problem (checkTexts).
func inputErrors(t *testing.T, err error) scoring.InputErrors {
	t.Helper()
	require.Error(t, err)
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "error %T (%v) is not scoring.InputErrors", err, err)
	checkTexts(t, es)
	return es
}

// leftover matches what a message written without all its values leaves
// behind: a placeholder, or a key missing from the catalogue.
var leftover = regexp.MustCompile(`\{(\d+|p\d+|parts|list)(:[a-z]+)?\}|‹`)

// sameInEveryLanguage are the keys whose text is the value they are given
// (an error of encoding/csv other than a quoting error, a decoding problem
// stated in its own words).
var sameInEveryLanguage = map[string]bool{"csv.error": true, "decode.text": true}

// checkTexts checks every problem as the readers (and the sheet check)
// state it: it has a message, Msg is that message in English, after a key
// path for a JSON or YAML problem at one; the English line of Text is
// Error() byte for byte; the Vietnamese line is complete, in Vietnamese,
// and names the member as "đơn vị". The list writes the same lines.
func checkTexts(t *testing.T, es scoring.InputErrors) {
	t.Helper()
	vi := make([]string, len(es))
	for i, e := range es {
		require.False(t, e.Message.IsZero(), "%v: no message", e)
		en := e.Message.In(lang.English)
		head, ok := strings.CutSuffix(e.Msg, en)
		require.True(t, ok, "Msg %q does not end with the message in English %q", e.Msg, en)
		require.True(t, head == "" || strings.HasSuffix(head, ": ") && !strings.Contains(strings.TrimSuffix(head, ": "), " "), "Msg %q: %q before the message is not a key path", e.Msg, head)
		require.Equal(t, e.Error(), e.Text(lang.English))
		vi[i] = e.Text(lang.Vietnamese)
		require.NotRegexp(t, leftover, vi[i])
		if !sameInEveryLanguage[e.Message.Key] {
			require.NotEqual(t, e.Error(), vi[i], "%s: not written in Vietnamese", e.Message.Key)
		}
		if e.Member != "" {
			require.Contains(t, vi[i], "đơn vị "+e.Member+": ")
			require.NotContains(t, vi[i], "member "+e.Member+": ")
		}
	}
	require.Equal(t, es.Error(), es.Text(lang.English))
	require.Equal(t, strings.Join(vi, "\n"), es.Text(lang.Vietnamese))
}

// checkErrors asserts that err holds exactly the wanted errors, in order,
// each naming file.
func checkErrors(t *testing.T, file string, err error, want []wantErr) {
	t.Helper()
	es := inputErrors(t, err)
	got := make([]string, len(es))
	for i, e := range es {
		got[i] = e.Error()
	}
	require.Len(t, es, len(want), "errors:\n%s", strings.Join(got, "\n"))
	for i, w := range want {
		e := es[i]
		require.Equal(t, file, e.File, "error %d (%v): file", i, e)
		require.Equal(t, w.line, e.Line, "error %d (%v): line", i, e)
		require.Equal(t, w.member, e.Member, "error %d (%v): member", i, e)
		require.Equal(t, w.criterion, e.Criterion, "error %d (%v): criterion", i, e)
		msg := e.Msg // with the key path a JSON or YAML problem has
		if e.Where != "" {
			msg = e.Where + ": " + msg
		}
		require.Contains(t, msg, w.msg, "error %d: message", i)
	}
}

// readString reads a CSV sheet held in a string, failing the test on error.
func readString(t *testing.T, name, text string) scoring.Sheet {
	t.Helper()
	sh, err := sheets.ReadCSV(name, strings.NewReader(text))
	require.NoError(t, err)
	return sh
}

// readExample reads one of the example files as bytes.
func readExample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examples, name))
	require.NoError(t, err)
	return b
}

// writeString writes a sheet as CSV and returns the text.
func writeString(t testing.TB, sh scoring.Sheet) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, sheets.WriteCSV(&b, sh))
	return b.String()
}

// errBroken is the error of failingReader and failingWriter.
var errBroken = errors.New("broken pipe (test)")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errBroken }

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errBroken }

// repeatReader yields left bytes of a valid-looking CSV row, over and over,
// without holding them in memory.
type repeatReader struct{ left int }

func (r *repeatReader) Read(p []byte) (int, error) {
	const row = "score,SCT,1.1,9,cluster\n"
	if r.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.left)
	for i := range n {
		p[i] = row[i%len(row)]
	}
	r.left -= n
	return n, nil
}
