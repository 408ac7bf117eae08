package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/thidua/thidua/lang"
)

// Limits bounds what Read accepts, so that an oversized or malicious file
// (a zip bomb, a sheet that claims a million rows, a cell in column XFD of
// every row) is refused before it costs memory or time. A zero field takes
// its default (see DefaultLimits).
type Limits struct {
	// MaxBytes is the largest .xlsx file accepted (default 16 MiB).
	MaxBytes int64
	// MaxUnzippedBytes bounds the parts of the file once decompressed
	// (default 64 MiB).
	MaxUnzippedBytes int64
	// MaxParts bounds the number of parts in the zip archive (default 4096).
	MaxParts int
	// MaxSheets bounds the number of sheets (default 256).
	MaxSheets int
	// MaxRows is the highest row number a worksheet may use (default
	// 20,000).
	MaxRows int
	// MaxCells bounds the cells of all worksheets together, counting the
	// empty cells to the left of each row's last cell, and the entries of
	// the shared-string table (default 1,000,000).
	MaxCells int
	// MaxMerges bounds the merged ranges of all worksheets (default 20,000).
	MaxMerges int
	// MaxFormulaChecks bounds how many formula cells are recomputed to
	// check their saved values (default 20,000); further formulas are
	// read by their saved value without a check.
	MaxFormulaChecks int
	// MaxDepth bounds how deeply the elements of any XML part of the file
	// may nest (default 100; real workbooks nest fewer than 20 levels, a
	// worksheet fewer than 10).
	MaxDepth int
	// MaxElements bounds the XML elements of all the parts of the file
	// together (default 10,000,000; a workbook at the cell limit has about
	// 4,000,000).
	MaxElements int
}

// DefaultLimits returns the limits Load applies: generous for any real
// score sheet (a cluster of 60 members scored by each other on 40 criteria
// is about 150,000 cells), small enough that a hostile file cannot exhaust
// a small server.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:         16 << 20,
		MaxUnzippedBytes: 64 << 20,
		MaxParts:         4096,
		MaxSheets:        256,
		MaxRows:          20_000,
		MaxCells:         1_000_000,
		MaxMerges:        20_000,
		MaxFormulaChecks: 20_000,
		MaxDepth:         100,
		MaxElements:      10_000_000,
	}
}

// orDefault fills the zero (or negative) fields of l with the defaults.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	fill(&l.MaxBytes, d.MaxBytes)
	fill(&l.MaxUnzippedBytes, d.MaxUnzippedBytes)
	fill(&l.MaxParts, d.MaxParts)
	fill(&l.MaxSheets, d.MaxSheets)
	fill(&l.MaxRows, d.MaxRows)
	fill(&l.MaxCells, d.MaxCells)
	fill(&l.MaxMerges, d.MaxMerges)
	fill(&l.MaxFormulaChecks, d.MaxFormulaChecks)
	fill(&l.MaxDepth, d.MaxDepth)
	fill(&l.MaxElements, d.MaxElements)
	return l
}

// fill sets *v to def when *v is not positive.
func fill[T int | int64](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// oleHeader starts an OLE compound file: a legacy .xls workbook or an
// encrypted (password-protected) .xlsx.
var oleHeader = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// The excelize limits on a worksheet's size.
const (
	totalRows    = 1_048_576
	totalColumns = 16_384
)

// pos is a cell position, 1-based.
type pos struct{ row, col int }

// rect is a range of cells, inclusive, 1-based.
type rect struct{ r1, c1, r2, c2 int }

// cellKind is what a worksheet cell holds, as its type attribute says.
type cellKind byte

const (
	kindNumber cellKind = iota // t absent or "n": a number (or an empty cell)
	kindText                   // t "s", "inlineStr" or "str"
	kindBool                   // t "b"
	kindError                  // t "e": #DIV/0!, #REF!, …
	kindDate                   // t "d": an ISO 8601 date
)

// partScan is what the guard learned about one worksheet part.
type partScan struct {
	maxRow   int
	merges   []rect
	formulas []pos
	kinds    map[pos]cellKind // cells that are not numbers
}

// scan is what the guard learned about a workbook: the worksheet parts by
// sheet name.
type scan struct {
	sheets map[string]*partScan // by sheet name as the workbook lists it
}

// limitError is a problem with the file as a whole, before any cell is
// read: too big, not an .xlsx, damaged. Its message's key is one of the
// "xlsx.limit." and "xlsx.file." keys.
func limitError(m lang.Message) error { return newProblem(m) }

// guard checks an .xlsx file against the limits before excelize parses it,
// and records what the reader needs from the raw XML: merged ranges,
// formula cells and the cells that hold text, booleans or errors. It reads
// the worksheets, the shared strings and the workbook with a streaming
// decoder that never holds more than one element, so a hostile file costs
// at most its (bounded) decompressed size in time. Every other XML part
// (styles, theme, drawings, …) is streamed too, for its nesting depth and
// element count only: excelize's decoder would spend time and memory on
// each level of a part nested a million deep.
func guard(data []byte, lim Limits) (*scan, error) {
	if int64(len(data)) > lim.MaxBytes {
		return nil, limitError(lang.Msg("xlsx.limit.bytes", len(data), lim.MaxBytes))
	}
	if bytes.HasPrefix(data, oleHeader) {
		return nil, limitError(lang.Msg("xlsx.file.encrypted_or_xls"))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, limitError(lang.Msg("xlsx.file.not_zip", err.Error()))
	}
	if len(zr.File) > lim.MaxParts {
		return nil, limitError(lang.Msg("xlsx.limit.parts", len(zr.File), lim.MaxParts))
	}
	parts := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > uint64(lim.MaxUnzippedBytes) || total > uint64(lim.MaxUnzippedBytes) {
			return nil, limitError(lang.Msg("xlsx.limit.unzipped", lim.MaxUnzippedBytes))
		}
		name := strings.ReplaceAll(f.Name, "\\", "/")
		switch strings.ToLower(name) {
		case "[content_types].xml":
			name = "[Content_Types].xml"
		case "xl/sharedstrings.xml":
			name = "xl/sharedStrings.xml"
		}
		parts[name] = f
	}
	g := &guardState{lim: lim, scanned: map[*zip.File]bool{}}
	if f := parts["xl/sharedStrings.xml"]; f != nil {
		if err := g.scanPart(f, lang.Msg("xlsx.part.shared_strings"), g.sharedStrings); err != nil {
			return nil, err
		}
	}
	sheets, err := g.sheetPaths(parts)
	if err != nil {
		return nil, err
	}
	sc := &scan{sheets: map[string]*partScan{}}
	byPath := map[string]*partScan{}
	for _, s := range sheets {
		if ps, ok := byPath[s.path]; ok {
			sc.sheets[s.name] = ps
			continue
		}
		f := parts[s.path]
		if f == nil {
			continue // excelize skips a sheet whose part is missing
		}
		ps := &partScan{kinds: map[pos]cellKind{}}
		w := &worksheetScan{g: g, ps: ps, sheet: s.name, rowCols: map[int]int{}, masters: map[string]bool{}}
		if err := g.scanPart(f, lang.Msg("xlsx.part.sheet", s.name), w.token); err != nil {
			return nil, err
		}
		if err := w.finish(); err != nil {
			return nil, err
		}
		byPath[s.path] = ps
		sc.sheets[s.name] = ps
	}
	for _, f := range zr.File {
		if !g.scanned[f] && xmlPart(f.Name) {
			if err := g.scanShape(f); err != nil {
				return nil, err
			}
		}
	}
	return sc, nil
}

type guardState struct {
	lim      Limits
	cells    int // cells counted so far, all worksheets and shared strings
	merges   int
	elements int                // XML elements counted so far, all parts
	scanned  map[*zip.File]bool // the parts scanned so far
}

// xmlPart reports whether a part's name says it is XML: the parts excelize
// may decode that the guard has not read for their content.
func xmlPart(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml", ".rels", ".vml":
		return true
	}
	return false
}

// element counts one more element, opened at the given depth, against the
// limits; what names the part.
func (g *guardState) element(depth int, what lang.Message) error {
	if depth > g.lim.MaxDepth {
		return limitError(lang.Msg("xlsx.limit.depth", g.lim.MaxDepth).With(what))
	}
	g.elements++
	if g.elements > g.lim.MaxElements {
		return limitError(lang.Msg("xlsx.limit.elements", g.lim.MaxElements))
	}
	return nil
}

// charsetReader decodes a part in another encoding than UTF-8, as
// excelize does, so that such a part is scanned to its end too.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, err
	}
	return e.NewDecoder().Reader(in), nil
}

// scanShape streams a part the guard does not otherwise read, checking
// only how deeply its elements nest and how many there are. A part that
// is not well-formed XML is left to excelize (which reads the parts it
// needs no further than their first error, and ignores the others): its
// scan stops at the error.
func (g *guardState) scanShape(f *zip.File) error {
	g.scanned[f] = true
	rc, err := f.Open()
	if err != nil {
		return nil // excelize reports a damaged part it needs
	}
	defer rc.Close()
	what := lang.Msg("xlsx.part.other", strconv.Quote(f.Name))
	d := xml.NewDecoder(io.LimitReader(rc, int64(f.UncompressedSize64)))
	d.CharsetReader = charsetReader
	depth := 0
	for {
		t, err := d.RawToken()
		if err != nil {
			return nil
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
			if err := g.element(depth, what); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
	}
}

type sheetPath struct{ name, path string }

// relsOfficeDocument is the relationship type of the workbook part.
const relsOfficeDocument = "/officeDocument"

// sheetPaths finds each sheet's worksheet part the way excelize does: the
// package relationships name the workbook, the workbook's relationships
// name each sheet's part.
func (g *guardState) sheetPaths(parts map[string]*zip.File) ([]sheetPath, error) {
	wbPath := ""
	if f := parts["_rels/.rels"]; f != nil {
		rels, err := g.readRels(f)
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relsOfficeDocument) {
				wbPath = strings.TrimPrefix(r.target, "/")
				break
			}
		}
	}
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	wb := parts[wbPath]
	if wb == nil {
		return nil, limitError(lang.Msg("xlsx.file.no_workbook"))
	}
	type sheetRef struct{ name, rid string }
	var refs []sheetRef
	err := g.scanPart(wb, lang.Msg("xlsx.part.workbook"), func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			return nil
		}
		var s sheetRef
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "name":
				s.name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				s.rid = a.Value
			}
		}
		refs = append(refs, s)
		if len(refs) > g.lim.MaxSheets {
			return limitError(lang.Msg("xlsx.limit.sheets_listed", g.lim.MaxSheets))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	dir := path.Dir(wbPath)
	relsPath := strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "/")
	if dir == "." {
		relsPath = "_rels/" + path.Base(wbPath) + ".rels"
	}
	targets := map[string]string{}
	if f := parts[relsPath]; f != nil {
		rels, err := g.readRels(f)
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			p := strings.TrimPrefix(path.Clean(dir+"/"+r.target), "/")
			if strings.HasPrefix(r.target, "/") {
				p = strings.TrimPrefix(path.Clean(r.target), "/")
			}
			if _, dup := targets[r.id]; !dup {
				targets[r.id] = p
			}
		}
	}
	var out []sheetPath
	for _, s := range refs {
		if p, ok := targets[s.rid]; ok {
			out = append(out, sheetPath{s.name, p})
		}
	}
	return out, nil
}

type rel struct{ id, typ, target string }

func (g *guardState) readRels(f *zip.File) ([]rel, error) {
	var out []rel
	err := g.scanPart(f, lang.Msg("xlsx.part.relationships", f.Name), func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			return nil
		}
		var r rel
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = strings.ReplaceAll(a.Value, "\\", "/")
			}
		}
		out = append(out, r)
		if len(out) > g.lim.MaxParts {
			return limitError(lang.Msg("xlsx.limit.relationships", f.Name, g.lim.MaxParts))
		}
		return nil
	})
	return out, err
}

// scanPart streams one XML part through fn. A part that is not well-formed
// UTF-8 XML is refused: excelize would read it only in part, and the reader
// could not say what it missed. what names the part ("xlsx.part." keys).
func (g *guardState) scanPart(f *zip.File, what lang.Message, fn func(xml.Token) error) error {
	g.scanned[f] = true
	rc, err := f.Open()
	if err != nil {
		return limitError(lang.Msg("xlsx.file.damaged", err.Error()).With(what))
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, int64(f.UncompressedSize64)))
	depth := 0
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return limitError(lang.Msg("xlsx.file.bad_xml", err.Error()).With(what))
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
			if err := g.element(depth, what); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

func (g *guardState) sharedStrings(t xml.Token) error {
	if se, ok := t.(xml.StartElement); ok && se.Name.Local == "si" {
		g.cells++
		if g.cells > g.lim.MaxCells {
			return limitError(lang.Msg("xlsx.limit.shared_strings", g.lim.MaxCells))
		}
	}
	return nil
}

// worksheetScan follows one worksheet's XML as excelize will read it: rows
// and cells without a position take the one after the previous.
type worksheetScan struct {
	g       *guardState
	ps      *partScan
	sheet   string
	inData  bool
	row     int         // the current row number
	col     int         // the current cell's column
	cell    pos         // the current cell
	inCell  bool        // inside a cell
	kind    cellKind    // the current cell's type
	formula bool        // the current cell has a formula
	si      string      // the current cell's shared formula index, if any
	rowCols map[int]int // highest column used per row number
	shared  []string    // per formula cell, its shared formula index ("" if none)
	masters map[string]bool
}

func (w *worksheetScan) token(t xml.Token) error {
	switch e := t.(type) {
	case xml.StartElement:
		switch e.Name.Local {
		case "sheetData":
			w.inData = true
		case "row":
			if !w.inData {
				return nil
			}
			w.col = 0
			r, ok, err := w.attrInt(e, "r")
			if err != nil {
				return err
			}
			if ok && r > 0 {
				w.row = r
			} else {
				w.row++
			}
			if err := w.checkRow(w.row); err != nil {
				return err
			}
		case "c":
			if !w.inData {
				return nil
			}
			w.inCell, w.formula, w.kind, w.si = true, false, kindNumber, ""
			w.col++
			row := w.row
			if w.row == 0 {
				row = 1
			}
			for _, a := range e.Attr {
				switch a.Name.Local {
				case "r":
					c, r, ok := parseRef(a.Value)
					if !ok {
						return limitError(lang.Msg("xlsx.file.cell_ref", w.sheet, strconv.Quote(a.Value)))
					}
					w.col = c
					if r != row {
						// excelize places such a cell by its reference
						// in one reader and by its row in another; keep
						// both within the limits.
						if err := w.checkRow(r); err != nil {
							return err
						}
						w.use(r, c)
					}
				case "t":
					switch a.Value {
					case "s", "inlineStr", "str":
						w.kind = kindText
					case "b":
						w.kind = kindBool
					case "e":
						w.kind = kindError
					case "d":
						w.kind = kindDate
					}
				}
			}
			if w.col > totalColumns {
				return limitError(lang.Msg("xlsx.file.beyond_xfd", w.sheet))
			}
			w.cell = pos{row, w.col}
			w.use(row, w.col)
			w.g.cells++
			if w.g.cells > w.g.lim.MaxCells {
				return limitError(lang.Msg("xlsx.limit.cells", w.g.lim.MaxCells))
			}
		case "f":
			if w.inCell {
				w.formula = true
				var shared bool
				var si, ref string
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "t":
						shared = a.Value == "shared"
					case "si":
						si = a.Value
					case "ref":
						ref = a.Value
					}
				}
				if shared {
					w.si = si
					if ref != "" {
						w.masters[si] = true
					}
				}
			}
		case "mergeCell":
			for _, a := range e.Attr {
				if a.Name.Local != "ref" {
					continue
				}
				w.g.merges++
				if w.g.merges > w.g.lim.MaxMerges {
					return limitError(lang.Msg("xlsx.limit.merges", w.g.lim.MaxMerges))
				}
				if r, ok := parseRange(a.Value); ok {
					w.ps.merges = append(w.ps.merges, r)
				}
			}
		}
	case xml.EndElement:
		switch e.Name.Local {
		case "sheetData":
			w.inData = false
		case "c":
			if !w.inCell {
				return nil
			}
			w.inCell = false
			if w.formula {
				w.ps.formulas = append(w.ps.formulas, w.cell)
				w.shared = append(w.shared, w.si)
			}
			if w.kind != kindNumber {
				w.ps.kinds[w.cell] = w.kind
			}
		}
	}
	return nil
}

func (w *worksheetScan) attrInt(e xml.StartElement, name string) (int, bool, error) {
	for _, a := range e.Attr {
		if a.Name.Local != name {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(a.Value))
		if err != nil || n < 0 {
			return 0, false, limitError(lang.Msg("xlsx.file.row_number", w.sheet, strconv.Quote(a.Value)))
		}
		return n, true, nil
	}
	return 0, false, nil
}

func (w *worksheetScan) checkRow(r int) error {
	if r > w.g.lim.MaxRows {
		return limitError(lang.Msg("xlsx.limit.rows", w.sheet, r, w.g.lim.MaxRows))
	}
	w.ps.maxRow = max(w.ps.maxRow, r)
	return nil
}

// use records that row r reaches column c; the cells to its left count
// against the limit, since excelize fills them in.
func (w *worksheetScan) use(r, c int) {
	if prev := w.rowCols[r]; c > prev {
		w.g.cells += c - prev - 1
		w.rowCols[r] = c
	}
}

func (w *worksheetScan) finish() error {
	if w.g.cells > w.g.lim.MaxCells {
		return limitError(lang.Msg("xlsx.limit.sheet_cells", w.sheet, w.g.lim.MaxCells))
	}
	// A cell of a shared formula whose first cell (the one that holds the
	// formula) is missing cannot be recomputed, and excelize would search
	// the whole sheet for it on every such cell: leave it unchecked.
	kept := w.ps.formulas[:0]
	for i, p := range w.ps.formulas {
		if si := w.shared[i]; si == "" || w.masters[si] {
			kept = append(kept, p)
		}
	}
	w.ps.formulas = kept
	return nil
}

// parseRef reads a cell reference such as "D14" or "$D$14".
func parseRef(s string) (col, row int, ok bool) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && i < 4 {
		ch := s[i]
		if ch >= 'a' && ch <= 'z' {
			ch -= 'a' - 'A'
		}
		if ch < 'A' || ch > 'Z' {
			break
		}
		col = col*26 + int(ch-'A'+1)
		i++
	}
	if i == 0 || i == len(s) || len(s)-i > 7 || col > totalColumns {
		return 0, 0, false
	}
	for _, ch := range s[i:] {
		if ch < '0' || ch > '9' {
			return 0, 0, false
		}
		row = row*10 + int(ch-'0')
	}
	if row < 1 || row > totalRows {
		return 0, 0, false
	}
	return col, row, true
}

// colNumber reads a column's letters ("E", "AB"); ok is false for
// anything else.
func colNumber(letters string) (int, bool) {
	if letters == "" || strings.Trim(strings.ToUpper(letters), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return 0, false
	}
	c, _, ok := parseRef(letters + "1")
	return c, ok
}

// parseRange reads "A1:B2" or a single "A1".
func parseRange(s string) (rect, bool) {
	a, b, two := strings.Cut(s, ":")
	c1, r1, ok := parseRef(a)
	if !ok {
		return rect{}, false
	}
	c2, r2 := c1, r1
	if two {
		if c2, r2, ok = parseRef(b); !ok {
			return rect{}, false
		}
	}
	return rect{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}, true
}

// colName returns the letters of column c (1 → A).
func colName(c int) string {
	var b [4]byte
	i := len(b)
	for c > 0 && i > 0 {
		c--
		i--
		b[i] = byte('A' + c%26)
		c /= 26
	}
	return string(b[i:])
}

// cellName returns the reference of a cell, e.g. "D14".
func cellName(p pos) string { return colName(p.col) + strconv.Itoa(p.row) }
