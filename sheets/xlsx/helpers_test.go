package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

var update = flag.Bool("update", false, "rewrite the generated workbooks and golden files in testdata/")

// cum2 is the folder of the bundled example.
var cum2 = filepath.Join("..", "..", "examples", "cum2")

// exact compares results by value: decimals numerically, where a row came
// from ignored, empty and nil slices alike.
var exact = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.IgnoreTypes(scoring.Source{}),
	cmpopts.EquateEmpty(),
}

// sameRows compares sheets whatever the order of their rows, as their
// hash does.
var sameRows = cmp.Options{
	exact,
	cmpopts.SortSlices(func(a, b scoring.Entry) bool {
		return fmt.Sprint(a.Member, "|", a.Criterion, "|", a.Stage, "|", a.Assessor) < fmt.Sprint(b.Member, "|", b.Criterion, "|", b.Stage, "|", b.Assessor)
	}),
	cmpopts.SortSlices(func(a, b scoring.Member) bool { return a.ID < b.ID }),
	cmpopts.SortSlices(func(a, b scoring.Occurrences) bool { return a.Member+a.Item < b.Member+b.Item }),
	cmpopts.SortSlices(func(a, b scoring.Vote) bool { return a.Member < b.Member }),
	cmpopts.SortSlices(func(a, b scoring.PastAward) bool { return fmt.Sprint(a.Member, a.Year) < fmt.Sprint(b.Member, b.Year) }),
	cmpopts.SortSlices(func(a, b scoring.FactValue) bool { return a.Member+a.Fact < b.Member+b.Fact }),
	cmpopts.SortSlices(func(a, b scoring.Target) bool { return a.Member+a.Criterion < b.Member+b.Criterion }),
	cmpopts.SortSlices(func(a, b scoring.Assignment) bool { return a.Member+a.Criterion < b.Member+b.Criterion }),
}

// dec is a decimal written in a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func loadRulebook(t testing.TB) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load(filepath.Join(cum2, "rulebook.yaml"))
	require.NoError(t, err)
	return rb
}

func loadCSV(t testing.TB, rb *rules.Rulebook, name string) scoring.Sheet {
	t.Helper()
	sh, err := sheets.Check(rb, filepath.Join(cum2, name))
	require.NoError(t, err)
	return sh
}

// template generates the template of rb for the members of sh.
func template(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, xlsx.Template(&buf, rb, xlsx.TemplateOptions{Members: sh.Members}))
	return buf.Bytes()
}

// readBytes reads a workbook held in memory, and checks its problems and
// warnings in both languages (checkTexts).
func readBytes(t testing.TB, rb *rules.Rulebook, data []byte, m *xlsx.Mapping) (scoring.Sheet, []xlsx.Warning, error) {
	t.Helper()
	sh, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(data), rb, xlsx.Options{Mapping: m})
	checkTexts(t, err, warnings)
	return sh, warnings, err
}

// checkTexts checks every problem (if err holds any) and warning of a
// read: each carries its message, its English line is Error() or
// String(), its Vietnamese line is complete (xlsx.CheckTexts). Every test
// that reads a workbook calls it.
func checkTexts(t testing.TB, err error, warnings []xlsx.Warning) {
	t.Helper()
	var es scoring.InputErrors
	if err != nil {
		require.True(t, errors.As(err, &es), "error %T is not scoring.InputErrors: %v", err, err)
	}
	xlsx.CheckTexts(t, es, warnings, false)
}

// inputErrors returns the individual problems of a reader's error.
func inputErrors(t testing.TB, err error) scoring.InputErrors {
	t.Helper()
	require.Error(t, err)
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "error %T is not scoring.InputErrors: %v", err, err)
	return es
}

// messages lists errors or warnings one per line, for failure messages.
func messages[T any](xs []T) string {
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintln(&b, x)
	}
	return b.String()
}

// filler writes values into a template the way a secretariat would: it
// finds the columns by the key row and the rows by member and stage, as a
// person reads the sheet, and adds a row for each cross-assessor.
type filler struct {
	t       testing.TB
	f       *excelize.File
	rb      *rules.Rulebook
	cols    map[string]int    // key → column
	rows    map[[2]string]int // member id, stage name → first row
	extra   map[[3]string]int // member, stage name, assessor → added row
	next    int
	names   map[string]string
	stage   map[string]string // stage id → name
	written int
}

func newFiller(t testing.TB, rb *rules.Rulebook, tmpl []byte) *filler {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	require.NoError(t, err)
	fl := &filler{t: t, f: f, rb: rb, cols: map[string]int{}, rows: map[[2]string]int{}, extra: map[[3]string]int{}, names: map[string]string{}, stage: map[string]string{}}
	for _, s := range rb.Assessment().Stages {
		fl.stage[s.ID] = s.Name
	}
	rows, err := f.GetRows(xlsx.SheetScores)
	require.NoError(t, err)
	keyRow := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == "member" {
			keyRow = i
			break
		}
	}
	require.GreaterOrEqual(t, keyRow, 0, "the template has no key row")
	for c, k := range rows[keyRow] {
		if k != "" {
			fl.cols[k] = c + 1
		}
	}
	fl.next = len(rows) + 1
	for i := keyRow + 1; i < len(rows); i++ {
		r := rows[i]
		if len(r) >= 3 && r[0] != "" && r[2] != "" {
			k := [2]string{r[0], r[2]}
			if _, ok := fl.rows[k]; !ok {
				fl.rows[k] = i + 1
			}
			fl.names[r[0]] = r[1]
		}
	}
	return fl
}

func (fl *filler) cell(row int, key string) string {
	c, ok := fl.cols[key]
	require.True(fl.t, ok, "the template has no column %q", key)
	name, err := excelize.CoordinatesToCellName(c, row)
	require.NoError(fl.t, err)
	return name
}

// firstRow is the member's first row (where member-level values go).
func (fl *filler) firstRow(member string) int {
	row := 0
	for k, r := range fl.rows {
		if k[0] == member && (row == 0 || r < row) {
			row = r
		}
	}
	require.NotZero(fl.t, row, "no row for member %s", member)
	return row
}

// row returns the row for a member's score at a stage by an assessor,
// adding one at the end of the table for a new assessor.
func (fl *filler) row(member, stage, assessor string) int {
	name := fl.stage[stage]
	if assessor == "" {
		r, ok := fl.rows[[2]string{member, name}]
		require.True(fl.t, ok, "no row for %s at %s", member, name)
		return r
	}
	k := [3]string{member, name, assessor}
	if r, ok := fl.extra[k]; ok {
		return r
	}
	r := fl.next
	fl.next++
	fl.extra[k] = r
	fl.text(r, "member", member)
	fl.text(r, "name", fl.names[member])
	fl.text(r, "stage", name)
	fl.text(r, "assessor", assessor)
	return r
}

func (fl *filler) text(row int, key, s string) {
	require.NoError(fl.t, fl.f.SetCellStr(xlsx.SheetScores, fl.cell(row, key), s))
}

// number writes a value as Excel would store it when typed: whole numbers
// and every other value as numbers, the rest as text with a decimal comma
// (as typed in a sheet set up for text), so that both are read.
func (fl *filler) number(row int, key string, d decimal.Decimal) {
	fl.written++
	ref := fl.cell(row, key)
	if !d.IsInteger() && fl.written%2 == 0 {
		require.NoError(fl.t, fl.f.SetCellStr(xlsx.SheetScores, ref, strings.Replace(d.String(), ".", ",", 1)))
		return
	}
	require.NoError(fl.t, fl.f.SetCellDefault(xlsx.SheetScores, ref, d.String()))
}

func (fl *filler) int(row int, key string, n int) {
	require.NoError(fl.t, fl.f.SetCellInt(xlsx.SheetScores, fl.cell(row, key), int64(n)))
}

// details writes a value next to a label of the details sheet.
func (fl *filler) details(label string, v any) {
	rows, err := fl.f.GetRows(xlsx.SheetDetails)
	require.NoError(fl.t, err)
	for i, r := range rows {
		if len(r) > 0 && strings.Contains(r[0], "("+label+")") {
			require.NoError(fl.t, fl.f.SetCellValue(xlsx.SheetDetails, fmt.Sprintf("B%d", i+1), v))
			return
		}
	}
	fl.t.Fatalf("the details sheet has no %s row", label)
}

// fill writes everything a sheet records.
func (fl *filler) fill(sh scoring.Sheet) []byte {
	for _, e := range sh.Scores {
		fl.number(fl.row(e.Member, e.Stage, e.Assessor), e.Criterion, e.Value)
	}
	for _, a := range sh.NotAssigned {
		fl.text(fl.firstRow(a.Member), a.Criterion, "kgg")
	}
	for _, tg := range sh.Targets {
		fl.number(fl.firstRow(tg.Member), "target:"+tg.Criterion, tg.Value)
	}
	for _, o := range sh.Bonuses {
		fl.int(fl.firstRow(o.Member), "bonus:"+o.Item, o.Count)
		if o.Note != "" {
			fl.text(fl.firstRow(o.Member), "note:"+o.Item, o.Note)
		}
	}
	for _, o := range sh.Deductions {
		fl.int(fl.firstRow(o.Member), "deduction:"+o.Item, o.Count)
		if o.Note != "" {
			fl.text(fl.firstRow(o.Member), "note:"+o.Item, o.Note)
		}
	}
	for _, fv := range sh.Facts {
		fl.text(fl.firstRow(fv.Member), "fact:"+fv.Fact, map[bool]string{true: "có", false: "không"}[fv.Value])
	}
	if b := sh.Ballot; b != nil {
		for _, v := range b.Votes {
			fl.int(fl.firstRow(v.Member), "votes:for", v.For)
			if v.Against != 0 {
				fl.int(fl.firstRow(v.Member), "votes:against", v.Against)
			}
			if v.Abstain != 0 {
				fl.int(fl.firstRow(v.Member), "votes:abstain", v.Abstain)
			}
		}
		if b.Entitled != 0 {
			fl.details("entitled", b.Entitled)
		}
		if b.Present != 0 {
			fl.details("present", b.Present)
		}
	}
	for _, b := range sh.Ballots { // a named ballot: its own columns and details rows
		for _, v := range b.Votes {
			fl.int(fl.firstRow(v.Member), "votes:for@"+b.ID, v.For)
			if v.Against != 0 {
				fl.int(fl.firstRow(v.Member), "votes:against@"+b.ID, v.Against)
			}
			if v.Abstain != 0 {
				fl.int(fl.firstRow(v.Member), "votes:abstain@"+b.ID, v.Abstain)
			}
		}
		if b.Entitled != 0 {
			fl.details("entitled@"+b.ID, b.Entitled)
		}
		if b.Present != 0 {
			fl.details("present@"+b.ID, b.Present)
		}
	}
	for _, h := range sh.History {
		name := h.Award
		if a, ok := fl.rb.Award(h.Award); ok {
			name = a.Name // as chosen from the drop-down list
		}
		fl.text(fl.firstRow(h.Member), fmt.Sprintf("history:%d", h.Year), name)
	}
	if sh.Cluster != "" {
		fl.details("cluster", sh.Cluster)
	}
	if sh.Year != 0 {
		fl.details("year", sh.Year)
	}
	if len(sh.Lots) > 0 {
		fl.details("lots", strings.Join(sh.Lots, ", "))
	}
	var buf bytes.Buffer
	require.NoError(fl.t, fl.f.Write(&buf))
	return buf.Bytes()
}

// num is a numeric cell, written with exactly these digits (as Excel
// stores what is typed, e.g. "8.3000000000000007").
type num string

// formula is a formula cell with the value saved with it ("" for none, as
// a program that does not calculate writes it).
type formula struct{ expr, saved string }

// sheetSpec describes one sheet of a workbook built for a test.
type sheetSpec struct {
	name   string
	cells  map[string]any // reference → string (text), num, int, bool or formula
	merges []string       // "A1:B2"
}

// workbook builds an .xlsx file from sheet descriptions.
func workbook(t testing.TB, specs ...sheetSpec) []byte {
	t.Helper()
	f := excelize.NewFile()
	saved := map[int]map[string]formula{}
	for i, s := range specs {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for ref, v := range s.cells {
			var err error
			switch v := v.(type) {
			case string:
				err = f.SetCellStr(s.name, ref, v)
			case num:
				err = f.SetCellDefault(s.name, ref, string(v))
			case int:
				err = f.SetCellInt(s.name, ref, int64(v))
			case bool:
				err = f.SetCellBool(s.name, ref, v)
			case formula:
				err = f.SetCellFormula(s.name, ref, v.expr)
				if v.saved != "" {
					if saved[i+1] == nil {
						saved[i+1] = map[string]formula{}
					}
					saved[i+1][ref] = v
				}
			default:
				t.Fatalf("cell %s: unsupported value %T", ref, v)
			}
			require.NoError(t, err, "cell %s", ref)
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			require.NoError(t, f.MergeCell(s.name, a, b))
		}
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	data := buf.Bytes()
	for n, cells := range saved {
		data = patchPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", n), func(x string) string {
			for ref, fm := range cells {
				re := regexp.MustCompile(`<c r="` + ref + `"( s="[0-9]+")? t="str"><f>([^<]*)</f></c>`)
				require.True(t, re.MatchString(x), "no formula cell %s in %s", ref, x)
				typ := ""
				if strings.HasPrefix(fm.saved, "#") {
					typ = ` t="e"` // an error value: #DIV/0!, #REF!
				}
				x = re.ReplaceAllString(x, `<c r="`+ref+`"$1`+typ+`><f>$2</f><v>`+fm.saved+`</v></c>`)
			}
			return x
		})
	}
	return data
}

// patchPart rewrites one part of a zip archive.
func patchPart(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		content, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if f.Name == part {
			content = []byte(edit(string(content)))
			found = true
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(content)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.True(t, found, "no part %s", part)
	return out.Bytes()
}

// render writes a sheet as sorted lines, one per fact, for comparisons
// that read well when they fail.
func render(sh scoring.Sheet) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if sh.Cluster != "" {
		add("cluster %s", sh.Cluster)
	}
	if sh.Year != 0 {
		add("year %d", sh.Year)
	}
	for _, m := range sh.Members {
		add("member %s %s", m.ID, m.Name)
	}
	for _, e := range sh.Scores {
		by := ""
		if e.Assessor != "" {
			by = " by " + e.Assessor
		}
		add("score %s %s %s%s = %s", e.Member, e.Criterion, e.Stage, by, e.Value)
	}
	for _, a := range sh.NotAssigned {
		add("na %s %s", a.Member, a.Criterion)
	}
	for _, tg := range sh.Targets {
		add("target %s %s = %s", tg.Member, tg.Criterion, tg.Value)
	}
	for _, o := range sh.Bonuses {
		add("bonus %s %s ×%d %s", o.Member, o.Item, o.Count, o.Note)
	}
	for _, o := range sh.Deductions {
		add("deduction %s %s ×%d %s", o.Member, o.Item, o.Count, o.Note)
	}
	for _, f := range sh.Facts {
		add("fact %s %s = %t", f.Member, f.Fact, f.Value)
	}
	if b := sh.Ballot; b != nil {
		add("ballot %d/%d", b.Entitled, b.Present)
		for _, v := range b.Votes {
			add("votes %s %d/%d/%d", v.Member, v.For, v.Against, v.Abstain)
		}
	}
	for _, h := range sh.History {
		add("history %s %d %s", h.Member, h.Year, h.Award)
	}
	if len(sh.Lots) > 0 {
		add("lots %s", strings.Join(sh.Lots, ","))
	}
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	slices.Sort(out)
	return out
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
