package xlsx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
)

// TestParseNumber reads cell values as exact decimals: a numeric cell by
// the digits stored, rounded to Excel's 15 significant digits; a text cell
// as the CSV layout reads a number.
func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		kind cellKind
		want string // "" for an error
	}{
		{"a typed number", "9.75", kindNumber, "9.75"},
		{"a double Excel wrote with 17 digits", "8.3000000000000007", kindNumber, "8.3"},
		{"a sum of doubles", "0.30000000000000004", kindNumber, "0.3"},
		{"a negative double", "-1.1000000000000001", kindNumber, "-1.1"},
		{"an exponent Excel writes for small numbers", "1E-3", kindNumber, "0.001"},
		{"an exponent for large numbers", "1.5E+2", kindNumber, "150"},
		{"sixteen digits round to fifteen", "1234567890123456", kindNumber, "1234567890123460"},
		{"a number stored as text", "9.75", kindText, "9.75"},
		{"a decimal comma in text", "9,75", kindText, "9.75"},
		{"spaces around text", "  19,5 ", kindText, "19.5"},
		{"a lone decimal comma is refused", "9,", kindText, ""},
		{"thousands separators are refused", "1.234,5", kindText, ""},
		{"words are refused", "chín", kindText, ""},
		{"a boolean TRUE is 1", "1", kindBool, "1"},
		{"a boolean FALSE is 0", "0", kindBool, "0"},
		{"an error value", "#DIV/0!", kindError, ""},
		{"a date", "2020-01-01T00:00:00Z", kindDate, ""},
		{"an exponent out of range", "1E+300", kindNumber, ""},
		{"the largest exponent in range", "1E+99", kindNumber, "1" + zeros(99)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseNumber(tc.raw, tc.kind)
			if tc.want == "" {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got.String())
		})
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// TestEval recomputes the formulas the reader checks, over saved values.
func TestEval(t *testing.T) {
	g := &grid{
		name: "S",
		rows: [][]string{
			{"1", "2.5", "x", "", "0.1"},
			{"0.2", "8.3000000000000007", "", "9,5", "3"},
		},
		maxCol:  5,
		kinds:   map[pos]cellKind{{1, 3}: kindText, {2, 4}: kindText},
		formula: map[pos]bool{},
	}
	tests := []struct {
		formula string
		want    string // "" if the reader cannot recompute it
	}{
		{"SUM(A1:E1)", "3.6"}, // text and empty cells skipped
		{"=SUM(A1:E2)", "15.1"},
		{"E1+A2", "0.3"}, // exactly, not 0.30000000000000004
		{"B2*3", "24.9"},
		{"A1-B1/2", "-0.25"},
		{"(A1+B1)*2", "7"},
		{"AVERAGE(A1:B1)", "1.75"},
		{"MIN(A1:B2)", "0.2"},
		{"MAX(A1:B2, 10)", "10"},
		{"ROUND(B2/3, 2)", "2.77"},
		{"ROUND(2.5, 0)", "3"}, // half away from zero, as Excel
		{"SUM($A$1:$B$1)", "3.5"},
		{"sum(a1,b1,c1)", "3.5"},
		{"-A1+ +B1", "1.5"},
		{"D1+1", "1"}, // an empty cell is zero in arithmetic
		{"C1+1", ""},  // text in arithmetic
		{"A1/D1", ""}, // division by zero
		{"Other!A1+1", ""},
		{`A1&"x"`, ""},
		{"VLOOKUP(A1,A1:B2,2)", ""},
		{"SUM(A1:B1", ""},
		{"A1:B1", ""},
		{"1+", ""},
		{"ROUND(A1:B1, 1)", ""},
		{"ROUND(1.25, 99)", ""},
		{"AVERAGE(C1:D1)", ""},
	}
	for _, tc := range tests {
		t.Run(tc.formula, func(t *testing.T) {
			budget := 1000
			got, ok := eval(g, tc.formula, &budget)
			if tc.want == "" {
				require.False(t, ok, "got %s", got)
				return
			}
			require.True(t, ok)
			require.Equal(t, tc.want, got.String())
		})
	}
	t.Run("a range over a whole sheet stops at the budget", func(t *testing.T) {
		budget := 3
		_, ok := eval(g, "SUM(A1:XFD1048576)", &budget)
		require.False(t, ok)
	})
}

// TestRefs converts cell references both ways.
func TestRefs(t *testing.T) {
	for _, tc := range []struct {
		ref      string
		col, row int
		ok       bool
	}{
		{"A1", 1, 1, true}, {"d14", 4, 14, true}, {"$AB$7", 28, 7, true}, {"XFD1048576", 16384, 1048576, true},
		{"XFE1", 0, 0, false}, {"A0", 0, 0, false}, {"A1048577", 0, 0, false}, {"1A", 0, 0, false}, {"A", 0, 0, false},
		{"", 0, 0, false}, {"AAAA1", 0, 0, false}, {"A1x", 0, 0, false},
	} {
		c, r, ok := parseRef(tc.ref)
		require.Equal(t, tc.ok, ok, tc.ref)
		if ok {
			require.Equal(t, [2]int{tc.col, tc.row}, [2]int{c, r}, tc.ref)
			require.Equal(t, colName(c), colName(tc.col))
		}
	}
	for c, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		require.Equal(t, want, colName(c))
	}
	r, ok := parseRange("C3:A1")
	require.True(t, ok)
	require.Equal(t, rect{1, 1, 3, 3}, r)
}

// TestSheetName makes sheet names Excel accepts.
func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	require.Equal(t, "Phiếu điểm SCT", sheetName("Phiếu điểm SCT", used))
	require.Equal(t, "Phiếu điểm SCT (2)", sheetName("Phiếu điểm SCT", used))
	require.Equal(t, "a-b-c", sheetName("a/b:c", used))
	long := sheetName("Sở Nông nghiệp và Phát triển nông thôn tỉnh Cao Bằng", used)
	require.Equal(t, 31, len([]rune(long)))
}

// TestHeader matches header cells against the cum2 rulebook.
func TestHeader(t *testing.T) {
	rb, err := rules.Load(filepath.Join("..", "..", "examples", "cum2", "rulebook.yaml"))
	require.NoError(t, err)
	m := newMatcher(rb)
	for _, tc := range []struct {
		text string
		want string // key.String(), "" for no match
	}{
		{"01", "01"},
		{"03@self", "03@self"},
		{"Kế hoạch, chương trình phát động phong trào; tổ chức sơ kết, tổng kết", "03"},
		{"KẾ HOẠCH,  CHƯƠNG TRÌNH phát động phong trào; tổ chức sơ kết, tổng kết (20 điểm)", "03"},
		{"03. Kế hoạch, chương trình phát động phong trào; tổ chức sơ kết, tổng kết", "03"},
		{"03 -", "03"},
		{"Tiêu chí 05", "05"},
		{"Khen thưởng đúng, kịp thời, hồ sơ đầy đủ (tỷ lệ hồ sơ đúng hạn)", "07"},
		{"I", "I"},
		{"Cờ thi đua của UBND tỉnh năm trước (số lần)", "bonus:co_tinh"},
		{"bao_cao_muon", "deduction:bao_cao_muon"},
		{"Phiếu tán thành (votes:for)", "votes:for"},
		{"Khen thưởng năm 2019", "history:2019"},
		{"Mã đơn vị", "member"},
		{"Tên đơn vị:", "name"},
		{"Giai đoạn", "stage"},
		{"STT", "ignore"},
		{"target:07", "target:07"},
		{"target:99", ""},
		{"031", ""},
		{"Tiêu chí không có", ""},
		{"", ""},
	} {
		k, ok := m.header(tc.text)
		got := ""
		if ok {
			got = k.String()
		}
		require.Equal(t, tc.want, got, "header %q", tc.text)
	}
}

// gridFromText builds a sheet from tab-separated lines, with merged ranges
// written "A1:B2;C3:D4"; a cell "=…" is a formula without a saved value.
func gridFromText(text, merges string) *grid {
	g := &grid{name: "S", kinds: map[pos]cellKind{}, formula: map[pos]bool{}, recomputed: map[pos]decimal.Decimal{}}
	for r, line := range strings.Split(text, "\n") {
		if r >= 200 {
			break
		}
		cells := strings.Split(line, "\t")
		if len(cells) > 60 {
			cells = cells[:60]
		}
		for c, v := range cells {
			if strings.HasPrefix(v, "=") {
				g.formula[pos{r + 1, c + 1}] = true
				cells[c] = ""
			} else if _, err := decimal.NewFromString(v); err != nil && v != "" {
				g.kinds[pos{r + 1, c + 1}] = kindText
			}
		}
		g.rows = append(g.rows, cells)
		g.maxCol = max(g.maxCol, len(cells))
	}
	var rs []rect
	for _, m := range strings.Split(merges, ";") {
		if r, ok := parseRange(m); ok {
			rs = append(rs, r)
		}
	}
	budget := 100_000
	g.expandMerges(rs, &budget)
	return g
}

// newTestReader is a reader without a workbook, for the layout code.
func newTestReader(rb *rules.Rulebook) *reader {
	return &reader{
		file: "f.xlsx", rb: rb, m: newMatcher(rb), lim: DefaultLimits(), sc: &scan{sheets: map[string]*partScan{}},
		res: &result{cells: map[cellKey][]string{}}, members: map[string]int{}, names: map[string]string{}, notAssigned: map[[2]string]bool{},
	}
}

// FuzzLayout feeds layout detection and reading sheets of fuzzed text,
// thousands of times faster than through a workbook: whatever the cells,
// it must not panic, every row it reads must point into the sheet, and
// every problem and warning can be written in both languages.
func FuzzLayout(f *testing.F) {
	rb, err := rules.Load(filepath.Join("..", "..", "examples", "cum2", "rulebook.yaml"))
	require.NoError(f, err)
	f.Add("member\tname\tstage\tassessor\t01\t03\tbonus:co_tinh\tnote:co_tinh\tvotes:for\thistory\nSCT\tSở Công Thương\tTự chấm\t\t1\t19,5\t1\tQĐ 1\t7\tmerit\nSCT\t\tCụm chấm\tSXD\tkgg\t=SUM(E2:F2)", "")
	f.Add("STT\tTên đơn vị\tI. Tổ chức\t\t\tTổng\n\t\t01\tTiêu chí 02\tKế hoạch, chương trình phát động phong trào; tổ chức sơ kết, tổng kết (20 điểm)\t\n1\tSở Công Thương\t1\t4\t19.5\t=SUM(C3:E3)\n\tNgười lập biểu", "A1:A2;B1:B2;C1:E1;F1:F2")
	f.Add("Đơn vị: Sở Xây dựng\n\nSTT\tNội dung\tĐiểm tối đa\tĐiểm tự chấm\tĐiểm cụm chấm\tSố lần\n01\t\t10\t1\t1\n03\tx\t20\tabc\t18\n\tCờ thi đua của UBND tỉnh năm trước\t\t\t\t1\nfact:khong_ky_luat\t\t\tcó", "")
	f.Add("Mã đơn vị\tTên đơn vị\t03\t\nx\ty\tTự chấm\tCụm chấm\nSCT\tSở\t1\t2", "A1:A2;B1:B2;C1:D1")
	f.Add("Năm: 2020\nTên cụm\tCụm II\nKết quả bốc thăm (lots)\tA, B\nsố thành viên có mặt\t7", "")
	f.Fuzz(func(t *testing.T, text, merges string) {
		g := gridFromText(text, merges)
		rd := newTestReader(rb)
		p := &plan{g: g}
		rd.classify(p)
		switch p.layout {
		case LayoutMatrix:
			rd.readInfo(g, 1, p.matrix.headerRow-1)
			rd.readMatrix(g, p.matrix)
		case LayoutMember:
			rd.readMemberSheet(g, p.member)
		default:
			rd.readInfo(g, 1, g.lastRow())
		}
		rd.finish()
		sh := rd.res.sheet
		for _, e := range sh.Scores {
			if e.Source.Line < 1 || e.Source.Line > len(g.rows) {
				t.Fatalf("a score from row %d of a sheet of %d rows", e.Source.Line, len(g.rows))
			}
			if _, ok := rb.Node(e.Criterion); !ok {
				t.Fatalf("a score for an unknown criterion %q", e.Criterion)
			}
			if _, _, ok := rb.Stage(e.Stage); !ok {
				t.Fatalf("a score at an unknown stage %q", e.Stage)
			}
		}
		for _, m := range sh.Members {
			if m.ID == "" {
				t.Fatalf("a member without an id: %+v", m)
			}
		}
		for _, e := range rd.res.errs {
			if e.File != "f.xlsx" || !strings.Contains(e.Where, "S!") && e.Line > 0 {
				t.Fatalf("an error that does not name its cell: %v", e)
			}
		}
		CheckTexts(t, rd.res.errs, rd.res.warnings, true)
	})
}

// FuzzEval recomputes fuzzed formulas: no panic, and no recomputation
// without an answer.
func FuzzEval(f *testing.F) {
	g := gridFromText("1\t2.5\tx\t\n0.2\t8.3\t\t9", "")
	for _, s := range []string{"SUM(A1:D2)", "ROUND(B2/3, 2)", "(A1+B1)*-2", "AVERAGE(A1:B1, 3)", "MAX(A1:XFD1048576)", "A1/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, formula string) {
		budget := 10_000
		v, ok := eval(g, formula, &budget)
		if !ok && !v.IsZero() {
			t.Fatalf("%q: no value but %s", formula, v)
		}
	})
}
