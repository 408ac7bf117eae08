package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/xlsx"
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
		})
	}
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
