package xlsx_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestParseMapping reads the documented example and refuses malformed
// mappings, each problem with its place.
func TestParseMapping(t *testing.T) {
	m, err := xlsx.LoadMapping(filepath.Join("testdata", "mapping-example.yaml"))
	require.NoError(t, err)
	require.Len(t, m.Sheets, 2)
	require.Equal(t, "03@self", m.Sheets[0].Columns["F"])
	require.Equal(t, xlsx.LayoutMember, m.Sheets[1].Layout)
	require.Equal(t, "C7", m.Info.Lots)

	tests := []struct{ name, yaml, want string }{
		{"an unknown field", "sheets:\n  - sheet: A\n    header: 3\n", "field header not found"},
		{"a sheet without a name", "sheets:\n  - layout: matrix\n", "sheets[0]: the sheet's name is required"},
		{"an unknown layout", "sheets:\n  - sheet: A\n    layout: columns\n", `sheets[0]: layout is matrix or member, found "columns"`},
		{"a column that is not a letter", "sheets:\n  - sheet: A\n    columns: {E5: \"01\"}\n", `sheets[0]: "E5" is not a column letter like E`},
		{"a negative row", "sheets:\n  - sheet: A\n    header_row: -1\n", "sheets[0]: row numbers run from 1 to 1048576"},
		{"a bad member cell", "sheets:\n  - sheet: A\n    member_cell: B\n", `sheets[0]: member_cell "B" is not a cell reference like B2`},
		{"a bad details cell", "info:\n  sheet: I\n  year: next\n", `info.year: "next" is not a cell reference like C3`},
		{"not YAML", "sheets: [", "mapping.yaml: yaml:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := xlsx.ParseMapping("mapping.yaml", []byte(tc.yaml))
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
			require.True(t, strings.HasPrefix(err.Error(), "mapping.yaml: "), err.Error())
			checkMappingErrors(t, err)
		})
	}
}

// leftover matches a placeholder or a missing key left in a written text.
var leftover = regexp.MustCompile(`\{(p?\d+(:[a-z]+)?|parts|list)\}|‹`)

// checkMappingErrors checks a mapping file's error: MappingErrors whose
// Text(lang.English) is Error() (the list's and each problem's), each
// problem with a message that writes out in both languages and is its Msg
// in English, and Vietnamese that differs from the English. It returns the
// problems.
func checkMappingErrors(t testing.TB, err error) xlsx.MappingErrors {
	t.Helper()
	var es xlsx.MappingErrors
	require.True(t, errors.As(err, &es), "error %T is not xlsx.MappingErrors: %v", err, err)
	require.NotEmpty(t, es)
	require.Equal(t, es.Error(), es.Text(lang.English))
	for _, e := range es {
		require.Equal(t, e.Error(), e.Text(lang.English))
		require.False(t, e.Message.IsZero(), "%q has no message", e.Error())
		require.NoError(t, e.Message.Check())
		require.Equal(t, e.Msg, e.Message.In(lang.English))
		for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
			require.NotRegexp(t, leftover, blank(e.Message).In(tag))
		}
		require.NotEqual(t, e.Error(), e.Text(lang.Vietnamese))
	}
	return es
}

// TestMappingErrorTexts writes a mapping file's problem of every kind in
// Vietnamese, exactly; every "mapping." key has a case.
func TestMappingErrorTexts(t *testing.T) {
	tests := []struct{ name, yaml, vi, en string }{
		{"a file too large", strings.Repeat("#", 1<<20+1), "mapping.yaml: dung lượng tệp ánh xạ tối đa là 1048576 byte", "mapping.yaml: a mapping file is at most 1048576 bytes"},
		{"an unknown field", "sheets:\n  - sheet: A\n    header: 3\n",
			"mapping.yaml: không đọc được tệp ánh xạ: yaml: unmarshal errors:\n  line 3: field header not found in type xlsx.SheetMapping",
			"mapping.yaml: yaml: unmarshal errors:\n  line 3: field header not found in type xlsx.SheetMapping"},
		{"a sheet without a name", "sheets:\n  - layout: matrix\n", "mapping.yaml: sheets[0]: cần ghi tên trang tính (sheet)", "mapping.yaml: sheets[0]: the sheet's name is required"},
		{"an unknown layout", "sheets:\n  - sheet: A\n    layout: columns\n", `mapping.yaml: sheets[0]: layout chỉ nhận matrix hoặc member, nhận được "columns"`, ""},
		{"a negative row", "sheets:\n  - sheet: A\n    header_row: -1\n", "mapping.yaml: sheets[0]: số dòng phải từ 1 đến 1048576", ""},
		{"a bad member cell", "sheets:\n  - sheet: A\n    member_cell: B\n", `mapping.yaml: sheets[0]: member_cell "B" không phải địa chỉ ô dạng B2`, ""},
		{"a column that is not a letter", "sheets:\n  - sheet: A\n  - sheet: B\n    columns: {E5: \"01\"}\n", `mapping.yaml: sheets[1]: "E5" không phải tên cột dạng E`,
			`mapping.yaml: sheets[1]: "E5" is not a column letter like E`},
		{"a bad details cell", "info:\n  sheet: I\n  year: next\n", `mapping.yaml: info.year: "next" không phải địa chỉ ô dạng C3`, `mapping.yaml: info.year: "next" is not a cell reference like C3`},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := xlsx.ParseMapping("mapping.yaml", []byte(tc.yaml))
			es := checkMappingErrors(t, err)
			seen[es[0].Message.Key] = true
			require.Equal(t, tc.vi, es[0].Text(lang.Vietnamese))
			if tc.en != "" {
				require.Equal(t, tc.en, es[0].Error())
			}
		})
	}
	for _, k := range lang.Keys("mapping.") {
		require.True(t, seen[k], "key %q has no case in the table", k)
	}
}

// TestMappingErrorsListEveryProblem: the problems come one a line, in the
// file's order, and the YAML decoder's own error can still be found.
func TestMappingErrorsListEveryProblem(t *testing.T) {
	_, err := xlsx.ParseMapping("m.yaml", []byte("sheets:\n  - layout: grid\n    member_cell: B\ninfo:\n  sheet: I\n  lots: x\n"))
	es := checkMappingErrors(t, err)
	require.Equal(t, "m.yaml: sheets[0]: the sheet's name is required\n"+
		"m.yaml: sheets[0]: layout is matrix or member, found \"grid\"\n"+
		"m.yaml: sheets[0]: member_cell \"B\" is not a cell reference like B2\n"+
		"m.yaml: info.lots: \"x\" is not a cell reference like C3", err.Error())
	require.Equal(t, "m.yaml: sheets[0]: cần ghi tên trang tính (sheet)\n"+
		"m.yaml: sheets[0]: layout chỉ nhận matrix hoặc member, nhận được \"grid\"\n"+
		"m.yaml: sheets[0]: member_cell \"B\" không phải địa chỉ ô dạng B2\n"+
		"m.yaml: info.lots: \"x\" không phải địa chỉ ô dạng C3", es.Text(lang.Vietnamese))
	require.Equal(t, "info.lots", es[3].Path)

	_, err = xlsx.ParseMapping("m.yaml", []byte("sheets: ["))
	var te *yaml.TypeError
	require.False(t, errors.As(err, &te))
	_, err = xlsx.ParseMapping("m.yaml", []byte("sheets:\n  - sheet: A\n    header: 3\n"))
	require.True(t, errors.As(err, &te), "the decoder's error is wrapped: %v", err)
}

// FuzzParseMapping: the parser never panics, and every problem it reports
// can be written in both languages, Text(lang.English) being Error().
func FuzzParseMapping(f *testing.F) {
	for _, s := range []string{
		"sheets:\n  - sheet: A\n    layout: columns\n    header_row: -1\n    member_cell: B\n    columns: {E5: \"01\"}\ninfo:\n  sheet: I\n  year: next\n",
		"sheets:\n  - sheet: Tổng hợp\n    columns: {A: member, B: name, E: \"01\"}\n",
		"sheets: [",
		"sheets:\n  - sheet: A\n    header: 3\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := xlsx.ParseMapping("fuzz.yaml", data); err != nil {
			checkMappingErrors(t, err)
		}
	})
}

// TestMappingErrors reads workbooks with mappings that do not fit them:
// every problem names the mapping's entry.
func TestMappingErrors(t *testing.T) {
	rb := loadRulebook(t)
	tests := []struct{ name, yaml, want string }{
		{"a sheet the workbook lacks", "sheets:\n  - sheet: Tổng hợp\n", `mapping: the workbook has no sheet "Tổng hợp" (its sheets: Bảng điểm)`},
		{"an unknown criterion", "sheets:\n  - sheet: Bảng điểm\n    columns: {A: member, C: \"99\"}\n", `Bảng điểm: mapping: column C: "99": unknown criterion "99"`},
		{"an unknown stage", "sheets:\n  - sheet: Bảng điểm\n    stage: Vòng 2\n    columns: {A: member, C: \"03\"}\n", `Bảng điểm: mapping: unknown stage "Vòng 2"`},
		{"no member column", "sheets:\n  - sheet: Bảng điểm\n    columns: {C: \"03\"}\n", "Bảng điểm: mapping: no column holds the member"},
		{"a member sheet without stages", "sheets:\n  - sheet: Bảng điểm\n    layout: member\n    columns: {A: label}\n", "a per-member sheet needs a label column and at least one stage:ID column"},
		{"a bad pattern", "sheets:\n  - sheet: \"[\"\n", `mapping: sheet pattern "[": syntax error in pattern`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := xlsx.ParseMapping("mapping.yaml", []byte(tc.yaml))
			require.NoError(t, err)
			_, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{Mapping: m})
			checkTexts(t, err, warnings)
			es := inputErrors(t, err)
			require.Contains(t, es.Error(), tc.want)
		})
	}
	_, err := xlsx.LoadMapping(filepath.Join(t.TempDir(), "none.yaml"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

// blank is m with every value replaced by "x", so that a check of the
// written text for leftovers is not misled by values that hold braces.
func blank(m lang.Message) lang.Message {
	out := lang.Message{Key: m.Key}
	for range m.Args {
		out.Args = append(out.Args, "x")
	}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, blank(p))
	}
	return out
}
