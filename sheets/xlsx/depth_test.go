package xlsx_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets/xlsx"
)

// hostileDepth is how deeply the hostile workbooks of these tests nest
// their elements: a million levels, about 7 MB of XML that deflates to a
// few kilobytes.
const hostileDepth = 1_000_000

// nested returns n elements <x>, each inside the one before.
func nested(n int) string {
	return strings.Repeat("<x>", n) + strings.Repeat("</x>", n)
}

// deepSheet is a valid workbook whose worksheet nests hostileDepth
// elements inside its sheetData.
func deepSheet(t testing.TB) []byte {
	return patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string {
		require.Contains(t, s, "<sheetData>")
		return strings.Replace(s, "<sheetData>", "<sheetData>"+nested(hostileDepth), 1)
	})
}

// TestDepth feeds the reader workbooks whose XML nests a million levels
// deep, in a worksheet and in parts the reader does not otherwise read:
// each is refused by the guard, quickly, before excelize parses it, with
// one located, bilingual error naming the part.
func TestDepth(t *testing.T) {
	rb := loadRulebook(t)
	styles := func(s string) string {
		i := strings.LastIndex(s, "</styleSheet>")
		require.Positive(t, i)
		return s[:i] + nested(hostileDepth) + s[i:]
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a worksheet", deepSheet(t), "sheet Bảng điểm nests XML elements more than 100 levels deep (the limit)"},
		{"the styles", patchPart(t, small(t), "xl/styles.xml", styles), `the part "xl/styles.xml" nests XML elements more than 100 levels deep`},
		{"the styles in another encoding", patchPart(t, small(t), "xl/styles.xml", func(s string) string {
			return strings.Replace(styles(s), `encoding="UTF-8"`, `encoding="windows-1252"`, 1)
		}), `the part "xl/styles.xml" nests XML elements more than 100 levels deep`},
		{"a part excelize does not know", rawZipAdd(t, small(t), "xl/custom/deep.xml", nested(hostileDepth)), `the part "xl/custom/deep.xml" nests`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(tc.data), rb, xlsx.Options{})
			checkTexts(t, err, warnings)
			es := inputErrors(t, err)
			require.Len(t, es, 1, "errors:\n%s", messages(es))
			require.Equal(t, "test.xlsx", es[0].File)
			require.Equal(t, "xlsx.limit.depth", es[0].Message.Key)
			require.Contains(t, es[0].Msg, tc.want)
			require.Contains(t, es[0].Text(lang.Vietnamese), "lồng các phần tử XML sâu quá 100 cấp")
			// The problem is the guard's (excelize takes seconds and
			// hundreds of megabytes on such a part): it stops at level 101.
		})
	}
	t.Run("a normal workbook is read", func(t *testing.T) {
		sh, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{})
		require.NoError(t, err)
		require.Empty(t, warnings)
		require.Equal(t, []string{"member SCT", "score SCT 03 cluster = 19"}, render(sh))
	})
	t.Run("the limit is a Limits field", func(t *testing.T) {
		require.Equal(t, 100, xlsx.DefaultLimits().MaxDepth)
		// The deepest part of a workbook excelize writes is its theme,
		// nine levels (a:theme > a:themeElements > a:fmtScheme >
		// a:fillStyleLst > a:gradFill > a:gsLst > a:gs > a:schemeClr >
		// a:tint).
		_, _, err := xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{Limits: xlsx.Limits{MaxDepth: 9}})
		require.NoError(t, err)
		_, _, err = xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{Limits: xlsx.Limits{MaxDepth: 8}})
		es := inputErrors(t, err)
		require.Contains(t, es[0].Msg, "xl/theme/theme1.xml")
	})
	t.Run("the element count", func(t *testing.T) {
		require.Equal(t, 10_000_000, xlsx.DefaultLimits().MaxElements)
		_, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(small(t)), rb, xlsx.Options{Limits: xlsx.Limits{MaxElements: 20}})
		checkTexts(t, err, warnings)
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.Equal(t, "xlsx.limit.elements", es[0].Message.Key)
		require.Contains(t, es[0].Msg, "the workbook has more XML elements than the limit of 20")
	})
}

// hostileFile is the hostile workbook kept for the command's tests.
var hostileFile = filepath.Join("..", "..", "testdata", "hostile", "scores-deep-nesting.xlsx")

// TestDepthHostileFile reads testdata/hostile/scores-deep-nesting.xlsx (a
// worksheet nesting a million elements, made by deepSheet; set
// THIDUA_WRITE_HOSTILE=1 to write it again) and checks it is refused.
func TestDepthHostileFile(t *testing.T) {
	if os.Getenv("THIDUA_WRITE_HOSTILE") != "" {
		require.NoError(t, os.MkdirAll(filepath.Dir(hostileFile), 0o755))
		require.NoError(t, os.WriteFile(hostileFile, deepSheet(t), 0o644))
	}
	st, err := os.Stat(hostileFile)
	require.NoError(t, err)
	require.Less(t, st.Size(), int64(200<<10))
	_, _, err = xlsx.Load(hostileFile, nil, loadRulebook(t))
	es := inputErrors(t, err)
	require.Len(t, es, 1)
	require.Equal(t, "xlsx.limit.depth", es[0].Message.Key)
}

// rawZipAdd adds a part to a zip archive.
func rawZipAdd(t testing.TB, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	parts := map[string]string{name: content}
	for _, f := range zr.File {
		parts[f.Name] = string(part(t, data, f.Name))
	}
	return rawZip(t, parts)
}
