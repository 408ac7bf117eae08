package xlsx

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// book writes a workbook, keeping the first error so that the layout code
// reads as a sequence of cells rather than of error checks.
type book struct {
	f      *excelize.File
	err    error
	styles map[string]int
	widths map[string]map[int]int // sheet → column → widest text
	last   map[string]int         // sheet → the last column written or sized
}

// font is the workbooks' font, that of Vietnamese administrative
// documents.
const font = "Times New Roman"

func newBook() *book {
	f := excelize.NewFile()
	b := &book{f: f, styles: map[string]int{}, widths: map[string]map[int]int{}, last: map[string]int{}}
	b.check(f.SetDefaultFont(font))
	return b
}

// pageWidth is the most column width, in characters, that one page takes
// in print: an A4 landscape page with the margins print sets holds about
// 140 characters of Times New Roman 11 at 100%, and 240 at 60%, the
// smallest scale still comfortable to read.
const pageWidth = 240

// print sets a sheet up for printing: A4 landscape with narrow margins,
// as wide as one page, or when the sheet is wider than that page holds at
// a readable scale as wide as the fewest pages that do, with its first
// keyCols columns (the member, the criterion) repeated on each; the rows
// down to headerEnd repeated on every page. A sheet without its print set
// up prints at 100% on as many pages as its columns need (the template of
// 7 members printed on 11).
func (b *book) print(sheet string, headerEnd, keyCols int) {
	landscape, a4 := "landscape", 9
	wide := 0.0
	for col := 1; col <= b.last[sheet]; col++ {
		w, err := b.f.GetColWidth(sheet, colName(col))
		b.check(err)
		wide += w
	}
	pages := max(1, int(math.Ceil(wide/pageWidth)))
	one, tall, fit := pages, 0, true
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}))
	side, edge, header := 0.4, 0.5, 0.3
	b.check(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &header, Footer: &header}))
	var titles []string
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	if pages > 1 && keyCols > 0 {
		titles = append(titles, fmt.Sprintf("%s$A:$%s", quoted, colName(keyCols)))
	}
	if headerEnd > 0 {
		titles = append(titles, fmt.Sprintf("%s$1:$%d", quoted, headerEnd))
	}
	if len(titles) > 0 {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: strings.Join(titles, ",")}))
	}
}

func (b *book) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// sheet adds a sheet (the first call renames the default "Sheet1").
func (b *book) sheet(name string) string {
	if len(b.widths) == 0 {
		b.check(b.f.SetSheetName("Sheet1", name))
	} else {
		_, err := b.f.NewSheet(name)
		b.check(err)
	}
	b.widths[name] = map[int]int{}
	return name
}

func (b *book) measure(sheet string, p pos, s string) {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, displayWidth(line))
	}
	if m := b.widths[sheet]; m != nil && w > m[p.col] {
		m[p.col] = w
	}
	b.last[sheet] = max(b.last[sheet], p.col)
}

// str writes text (an id such as "01" stays text).
func (b *book) str(sheet string, p pos, s string) {
	b.check(b.f.SetCellStr(sheet, cellName(p), s))
	b.measure(sheet, p, s)
}

// label writes text that does not widen its column (a title, a wrapped
// header).
func (b *book) label(sheet string, p pos, s string) {
	b.check(b.f.SetCellStr(sheet, cellName(p), s))
}

// num writes an exact decimal as a number. The digits go into the file as
// written (a numeric cell's value is its decimal text), so Excel shows the
// number and a reader gets the same digits back; no binary floating point
// is involved. A value with more significant digits than Excel keeps (15)
// is written as text, so that no digit is lost.
func (b *book) num(sheet string, p pos, d decimal.Decimal) {
	s := d.String()
	digits := len(d.Coefficient().String())
	if d.IsNegative() {
		digits--
	}
	if digits > significantDigits {
		b.str(sheet, p, s)
		return
	}
	b.check(b.f.SetCellDefault(sheet, cellName(p), s))
	b.measure(sheet, p, s)
}

func (b *book) int(sheet string, p pos, n int) {
	b.check(b.f.SetCellInt(sheet, cellName(p), int64(n)))
	b.measure(sheet, p, fmt.Sprint(n))
}

func (b *book) style(sheet string, from, to pos, id int) {
	b.check(b.f.SetCellStyle(sheet, cellName(from), cellName(to), id))
}

func (b *book) merge(sheet string, from, to pos) {
	if from == to {
		return
	}
	b.check(b.f.MergeCell(sheet, cellName(from), cellName(to)))
}

func (b *book) colWidth(sheet string, col int, w float64) {
	b.check(b.f.SetColWidth(sheet, colName(col), colName(col), w))
	b.last[sheet] = max(b.last[sheet], col)
}

func (b *book) rowHeight(sheet string, row int, h float64) {
	b.check(b.f.SetRowHeight(sheet, row, h))
}

// fitColumns sets each column of a sheet to its widest text, within
// [least, most] characters, and returns the widths set.
func (b *book) fitColumns(sheet string, least, most float64, except map[int]bool) map[int]float64 {
	out := map[int]float64{}
	for col, w := range b.widths[sheet] {
		if except[col] {
			continue
		}
		out[col] = min(max(float64(w)*1.1+2, least), most)
		b.colWidth(sheet, col, out[col])
	}
	return out
}

// lines is how many lines a text takes in a wrapped cell of a column
// width wide (in characters).
func lines(s string, width float64) int {
	n := 0
	per := max(width-1, 1) * 1.15 // characters per line (Times is narrower than the width unit)
	for _, l := range strings.Split(s, "\n") {
		n += max(1, int(math.Ceil(float64(displayWidth(l))/per)))
	}
	return n
}

// freeze keeps the rows above and the columns left of p in view.
func (b *book) freeze(sheet string, p pos) {
	b.check(b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: p.col - 1, YSplit: p.row - 1, TopLeftCell: cellName(p), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cellName(p), ActiveCell: cellName(p), Pane: "bottomRight"}},
	}))
}

// Colours.
const (
	colorHeader  = "DDEBF7"
	colorGroup   = "BDD7EE"
	colorKey     = "F2F2F2"
	colorMember  = "E7E6E6" // member-level cells on a member's second and later rows
	colorSubtot  = "F2F2F2"
	colorTotal   = "FFF2CC"
	colorKeyFont = "808080"
)

// tierColors highlight the members proposed for each award tier, in order.
var tierColors = []string{"FFD966", "C6E0B4", "BDD7EE", "F8CBAD", "D9D2E9"}

// cellStyle is what the workbooks' cells look like, as a key for the
// style cache.
type cellStyle struct {
	bold, italic, wrap, center, border, text bool
	size                                     float64
	fill, font                               string
	places                                   int // -1: no number format
	indent                                   int
}

func (b *book) styleID(s cellStyle) int {
	k := fmt.Sprintf("%+v", s)
	if id, ok := b.styles[k]; ok {
		return id
	}
	st := &excelize.Style{Font: &excelize.Font{Bold: s.bold, Italic: s.italic, Size: s.size, Color: s.font, Family: font}}
	if st.Font.Size == 0 {
		st.Font.Size = 11
	}
	al := &excelize.Alignment{WrapText: s.wrap, Vertical: "center", Indent: s.indent}
	if s.center {
		al.Horizontal = "center"
	}
	st.Alignment = al
	if s.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
		}
	}
	if s.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.fill}}
	}
	switch {
	case s.text:
		st.NumFmt = 49 // "@": what is typed stays text (ids such as "01")
	case s.places >= 0:
		f := "0"
		if s.places > 0 {
			f += "." + strings.Repeat("0", s.places)
		}
		st.CustomNumFmt = &f
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.styles[k] = id
	return id
}

// plain is a bordered cell without a number format.
func plain() cellStyle { return cellStyle{border: true, places: -1} }

// write saves the workbook.
func (b *book) write(w io.Writer) error {
	if b.err != nil {
		return b.err
	}
	return b.f.Write(w)
}
