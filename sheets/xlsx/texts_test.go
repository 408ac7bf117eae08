package xlsx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// leftover matches what a message written without all its values leaves
// behind: a placeholder, or a key missing from the catalogue.
var leftover = regexp.MustCompile(`\{(\d+|p\d+|parts|list)(:[a-z]+)?\}|‹`)

// verbatim are the keys whose text is only the value they are given, the
// same in every language.
var verbatim = map[string]bool{"xlsx.error": true, "xlsx.describe.key": true}

// CheckTexts checks every problem and warning the reader produced, as
// every test of the package that reads a workbook does (through this
// function, exported to the package's external tests):
//
//   - each has a message whose keys are all in the catalogue, and Msg is
//     that message in English, after a location for a problem ("Bảng
//     điểm!D14: ");
//   - the English line of Text is Error() (String() for a warning) byte
//     for byte, and the list writes the same lines;
//   - the Vietnamese line is complete (no placeholder left, every part
//     written) and is not the English one; a problem about a member names
//     it "đơn vị".
//
// With fuzzed, the cells may hold anything (braces, "‹"), so completeness
// is checked on the message with its values replaced, not on the line.
func CheckTexts(t testing.TB, errs []*scoring.InputError, warnings []Warning, fuzzed bool) {
	t.Helper()
	vi := make([]string, len(errs))
	for i, e := range errs {
		require.False(t, e.Message.IsZero(), "%v: no message", e)
		checkMessage(t, e.Message, fuzzed)
		en := e.Message.In(lang.English)
		head, ok := strings.CutSuffix(e.Msg, en)
		require.True(t, ok, "Msg %q does not end with the message in English %q", e.Msg, en)
		require.True(t, head == "" || strings.HasSuffix(head, ": "), "Msg %q: %q before the message is not a location", e.Msg, head)
		require.Equal(t, e.Error(), e.Text(lang.English))
		vi[i] = e.Text(lang.Vietnamese)
		if !fuzzed {
			require.NotRegexp(t, leftover, vi[i])
		}
		require.NotEqual(t, e.Error(), vi[i], "%s: not written in Vietnamese", e.Message.Key)
		if e.Member != "" {
			require.Contains(t, vi[i], "đơn vị "+e.Member+": ")
		}
	}
	es := scoring.InputErrors(errs)
	require.Equal(t, es.Error(), es.Text(lang.English))
	require.Equal(t, strings.Join(vi, "\n"), es.Text(lang.Vietnamese))
	for _, w := range warnings {
		require.False(t, w.Message.IsZero(), "%v: no message", w)
		checkMessage(t, w.Message, fuzzed)
		require.Equal(t, w.Message.In(lang.English), w.Msg)
		require.Equal(t, w.String(), w.Text(lang.English))
		v := w.Text(lang.Vietnamese)
		if !fuzzed {
			require.NotRegexp(t, leftover, v)
		}
		require.NotEqual(t, w.String(), v, "%s: not written in Vietnamese", w.Message.Key)
		require.True(t, strings.HasPrefix(v, w.where()), "%q does not start with the warning's place", v)
	}
}

// checkMessage checks a message with its values replaced by plain ones:
// every key known, nothing left unwritten in either language, and the
// Vietnamese text not the English one (unless it is only its value).
func checkMessage(t testing.TB, m lang.Message, fuzzed bool) {
	t.Helper()
	walk(m, func(p lang.Message) {
		require.True(t, lang.Known(p.Key), "key %q is not in the catalogue", p.Key)
	})
	if !fuzzed && !verbatim[m.Key] {
		return // the whole line is checked
	}
	plain := plainValues(m)
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		require.NotRegexp(t, leftover, plain.In(tag), "%s in %s", m.Key, tag)
	}
	if !verbatim[m.Key] {
		require.NotEqual(t, plain.In(lang.English), plain.In(lang.Vietnamese), "%s: not written in Vietnamese", m.Key)
	}
}

func walk(m lang.Message, fn func(lang.Message)) {
	fn(m)
	for _, p := range m.Parts {
		walk(p, fn)
	}
}

// plainValues is m with every value replaced by "1", in it and its parts.
func plainValues(m lang.Message) lang.Message {
	out := lang.Message{Key: m.Key}
	for range m.Args {
		out.Args = append(out.Args, "1")
	}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, plainValues(p))
	}
	return out
}

// TestValueProblems writes the problems of a cell value the reader states
// itself, in both languages: an error value, a date, a number out of
// range, a fact that is not yes or no; and a count, which is the fields
// package's problem.
func TestValueProblems(t *testing.T) {
	tests := []struct {
		raw    string
		kind   cellKind
		read   func(string, cellKind) error
		key    string
		en, vi string
	}{
		{"#DIV/0!", kindError, numberErr, "xlsx.value.error",
			"the cell shows the error #DIV/0!; correct the formula",
			"ô hiện lỗi #DIV/0!; hãy sửa công thức"},
		{"2020-01-01T00:00:00Z", kindDate, numberErr, "xlsx.value.date",
			"expected a number like 9.75 or 9,75, found the date 2020-01-01T00:00:00Z",
			"cần một số dạng 9,75 hoặc 9.75, nhận được ngày 2020-01-01T00:00:00Z"},
		{"1E+300", kindNumber, numberErr, "xlsx.value.range",
			"the number 1E+300 is out of range",
			"số 1E+300 vượt quá phạm vi cho phép"},
		{"abc", kindText, numberErr, "fields.decimal",
			`expected a number like 9.75 or 9,75, found "abc"`,
			`cần một số dạng 9,75 hoặc 9.75, nhận được "abc"`},
		{" maybe ", kindText, boolErr, "xlsx.value.yes_no",
			`expected có or không (true/false, 1/0), found "maybe"`,
			`cần ghi có hoặc không (true/false, 1/0), nhận được "maybe"`},
		{"1.5", kindNumber, countErr, "fields.whole_number",
			`expected a whole number, found "1.5"`,
			`cần một số nguyên, nhận được "1.5"`},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			err := tc.read(tc.raw, tc.kind)
			require.Error(t, err)
			require.Equal(t, tc.en, err.Error())
			m := messageOf(err)
			require.Equal(t, tc.key, m.Key)
			require.Equal(t, tc.en, m.In(lang.English))
			require.Equal(t, tc.vi, m.In(lang.Vietnamese))
		})
	}
}

func numberErr(raw string, k cellKind) error { _, err := parseNumber(raw, k); return err }
func boolErr(raw string, k cellKind) error   { _, err := parseBool(raw, k); return err }
func countErr(raw string, k cellKind) error  { _, err := parseCount(raw, k); return err }

// TestDescribe names the columns a sheet holds twice, in both languages.
func TestDescribe(t *testing.T) {
	tests := []struct {
		k      key
		en, vi string
	}{
		{key{kind: keyCriterion, id: "03"}, "criterion 03", "tiêu chí 03"},
		{key{kind: keyCriterion, id: "03", stage: "self"}, "criterion 03 at stage self", "tiêu chí 03 ở giai đoạn self"},
		{key{kind: keyGroup, id: "I"}, "group I", "nhóm tiêu chí I"},
		{key{kind: keyBonus, id: "co_tinh"}, "bonus:co_tinh", "bonus:co_tinh"},
	}
	for _, tc := range tests {
		m := describe(tc.k)
		require.Equal(t, tc.en, m.In(lang.English))
		require.Equal(t, tc.vi, m.In(lang.Vietnamese))
	}
}

// TestWarningText writes a warning built by hand: without a message it
// is its English text in every language; with a location written into
// Msg before its message, that location is kept.
func TestWarningText(t *testing.T) {
	w := Warning{File: "a.xlsx", Sheet: "S", Cell: "B2", Msg: "something"}
	require.Equal(t, "a.xlsx: S!B2: something", w.String())
	require.Equal(t, w.String(), w.Text(lang.Vietnamese))
	m := lang.Msg("xlsx.stage.second_column", "self")
	w = Warning{Sheet: "S", Msg: "note: " + m.In(lang.English), Message: m}
	require.Equal(t, "S: note: a second column for stage self; the first is read", w.Text(lang.English))
	require.Equal(t, "S: note: cột thứ hai của giai đoạn self; chỉ đọc cột thứ nhất", w.Text(lang.Vietnamese))
	w.Msg = "reworded"
	require.Equal(t, "S: reworded", w.Text(lang.Vietnamese))
}
