package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/sheets/xlsx"
)

// small is a valid workbook: a matrix of one member.
func small(t testing.TB) []byte {
	return workbook(t, sheetSpec{name: "Bảng điểm", cells: map[string]any{
		"A1": "member", "B1": "stage", "C1": "03", "A2": "SCT", "B2": "Cụm chấm", "C2": 19,
	}})
}

// rawZip builds a zip archive from parts given as text.
func rawZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestLimits feeds the reader files that are not workbooks, damaged, or
// larger than its limits: each is refused with one error naming the file,
// before it costs memory.
func TestLimits(t *testing.T) {
	rowsBeyond := workbook(t, sheetSpec{name: "S", cells: map[string]any{"A1": "member", "A30000": "x"}})
	farRight := map[string]any{"A1": "member"}
	for r := 1; r <= 10; r++ {
		farRight[fmt.Sprintf("XFD%d", r)] = 1
	}
	threeSheets := workbook(t, sheetSpec{name: "A"}, sheetSpec{name: "B"}, sheetSpec{name: "C"})
	merges := workbook(t, sheetSpec{name: "S", cells: map[string]any{"A1": "x"}, merges: []string{"A1:B1", "A2:B2", "A3:B3"}})
	tests := []struct {
		name   string
		data   []byte
		limits xlsx.Limits
		want   string
	}{
		{"not a zip archive", []byte("record,member,key\n"), xlsx.Limits{}, "not an .xlsx workbook"},
		{"an empty file", nil, xlsx.Limits{}, "not an .xlsx workbook"},
		{"a legacy .xls or encrypted workbook", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...), xlsx.Limits{}, "password-protected workbook or an old .xls file"},
		{"a zip archive that is not a workbook", rawZip(t, map[string]string{"hello.txt": "hi"}), xlsx.Limits{}, "it has no workbook part"},
		{"a file larger than the limit", small(t), xlsx.Limits{MaxBytes: 1000}, "larger than the limit of 1000"},
		{"a zip bomb", rawZip(t, map[string]string{"xl/workbook.xml": "<workbook/>", "big.xml": strings.Repeat(" ", 2<<20)}), xlsx.Limits{MaxUnzippedBytes: 1 << 20}, "decompresses to more than the limit of 1048576 bytes"},
		{"too many parts", small(t), xlsx.Limits{MaxParts: 3}, "parts, more than the limit of 3"},
		{"too many sheets", threeSheets, xlsx.Limits{MaxSheets: 2}, "more than 2 sheets"},
		{"a row beyond the limit", rowsBeyond, xlsx.Limits{}, "sheet S uses row 30000, beyond the limit of 20000 rows"},
		{"cells far to the right", workbook(t, sheetSpec{name: "S", cells: farRight}), xlsx.Limits{MaxCells: 100_000}, "more cells than the limit of 100000"},
		{"too many merged ranges", merges, xlsx.Limits{MaxMerges: 2}, "more merged ranges than the limit of 2"},
		{"a damaged worksheet", patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string { return s[:len(s)/2] }), xlsx.Limits{}, "sheet Bảng điểm is not well-formed XML"},
		{"a worksheet in another encoding", patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, `encoding="UTF-8"`, `encoding="windows-1258"`, 1)
		}), xlsx.Limits{}, "sheet Bảng điểm is not well-formed XML"},
		{"a malformed cell reference", patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, `r="C2"`, `r="C2x"`, 1)
		}), xlsx.Limits{}, `malformed cell reference "C2x"`},
	}
	rb := loadRulebook(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(tc.data), rb, xlsx.Options{Limits: tc.limits})
			checkTexts(t, err, warnings)
			es := inputErrors(t, err)
			require.Len(t, es, 1, "errors:\n%s", messages(es))
			require.Equal(t, "test.xlsx", es[0].File)
			require.Zero(t, es[0].Line)
			require.Contains(t, es[0].Msg, tc.want)
		})
	}
	t.Run("the same workbook within the limits is read", func(t *testing.T) {
		sh, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{})
		require.NoError(t, err)
		require.Empty(t, warnings)
		require.Equal(t, []string{"member SCT", "score SCT 03 cluster = 19"}, render(sh))
	})
}

// TestLoad reads from a file: a missing file is an I/O error, a file over
// the size limit is refused before it is read.
func TestLoad(t *testing.T) {
	rb := loadRulebook(t)
	_, _, err := xlsx.Load(filepath.Join(t.TempDir(), "missing.xlsx"), nil, rb)
	require.ErrorIs(t, err, os.ErrNotExist)

	path := filepath.Join(t.TempDir(), "scores.xlsx")
	require.NoError(t, os.WriteFile(path, small(t), 0o644))
	sh, warnings, err := xlsx.Load(path, nil, rb)
	require.NoError(t, err)
	require.Empty(t, warnings)
	require.Equal(t, path, sh.Scores[0].Source.File)
	require.Equal(t, 2, sh.Scores[0].Source.Line)

	big := filepath.Join(t.TempDir(), "big.xlsx")
	require.NoError(t, os.WriteFile(big, make([]byte, xlsx.DefaultLimits().MaxBytes+1), 0o644))
	_, warnings, err = xlsx.Load(big, nil, rb)
	checkTexts(t, err, warnings)
	es := inputErrors(t, err)
	require.Contains(t, es[0].Error(), big+": the file is 16777217 bytes, larger than the limit of 16777216")
}
