package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/thidua/thidua/lang"
)

// Page geometry in twentieths of a point (twips): A4 is 210 × 297 mm,
// 1 mm ≈ 56.7 twips.
const (
	a4Short = 11906
	a4Long  = 16838
)

// WriteDOCX writes the document as a Word document (Office Open XML,
// .docx): A4 (landscape for the summary), Times New Roman 13 pt, the same
// blocks as the other formats. The signature block is one row that does
// not split, kept on the same page as the lines before it; a table's
// columns are at least as wide as their longest word, so that Word breaks
// no heading inside a word. It is written with the standard library
// only (archive/zip, encoding/xml) and byte for byte the same for the same
// document.
func (d *Document) WriteDOCX(w io.Writer) error {
	var body bytes.Buffer
	width := a4Short - 1701 - 850 // portrait: left 30 mm, right 15 mm
	sect := `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`
	if d.landscape {
		width = a4Long - 1134 - 850 // landscape: left 20 mm, right 15 mm
		sect = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`
	}
	docxBlocks(&body, d.blocks, width, false)

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	files := []struct{ name, content string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles(d.lang)},
		{"docProps/core.xml", docxCore(d.title)},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + sect + `</w:body></w:document>`},
	}
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // fixed: the same bytes every time
	for _, f := range files {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.content); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(out.Bytes())
	return err
}

// docxBlocks writes blocks; together says they are kept together on one page
// (a keep block): each paragraph is kept with the next, and a table's rows
// are not split.
func docxBlocks(body *bytes.Buffer, blocks []block, width int, together bool) {
	for i, b := range blocks {
		// In a keep block every paragraph is kept with the next but the
		// very last one's.
		k := keepNone
		if together {
			k = keepWithNext
			if i == len(blocks)-1 {
				k = keepLines
			}
		}
		switch b := b.(type) {
		case note:
			color := "000000"
			border := "888888"
			if b.class == "draft" || b.class == "warning" {
				color, border = "660000", "AA0000"
			}
			fmt.Fprintf(body, `<w:p><w:pPr>%s<w:pBdr><w:top w:val="single" w:sz="4" w:space="2" w:color="%[2]s"/><w:left w:val="single" w:sz="4" w:space="4" w:color="%[2]s"/><w:bottom w:val="single" w:sz="4" w:space="2" w:color="%[2]s"/><w:right w:val="single" w:sz="4" w:space="4" w:color="%[2]s"/></w:pBdr><w:spacing w:after="160"/><w:jc w:val="both"/></w:pPr>`, k.xml(), border)
			for _, r := range b.runs {
				docxRun(body, r, 22, color)
			}
			body.WriteString(`</w:p>`)
		case para:
			size := 26
			switch {
			case b.size == "title":
				size = 28
			case strings.Contains(b.class, "provenance"):
				size = 18
			case b.size == "small":
				size = 22
			}
			indent := 0
			if b.indent {
				indent = 567
			}
			docxPara(body, b.runs, b.align, indent, size, 120, k)
			if b.class == "subject" {
				body.WriteString(docxShortRule)
			}
		case list:
			for j, it := range b.items {
				indent := 567
				if b.class == "legend" || b.class == "conditions" {
					indent = 0
				}
				ik := k
				if k == keepLines && j < len(b.items)-1 {
					ik = keepWithNext
				}
				docxPara(body, append([]run{plain("- ")}, it.runs...), alignJustify, indent, 26, 60, ik)
			}
		case table:
			docxTable(body, b, width, together)
		case keep:
			docxBlocks(body, b.blocks, width, true)
		}
	}
}

// paraKeep says how a paragraph is kept in print: not at all, in one
// piece, or in one piece and on the same page as the next paragraph.
type paraKeep uint8

const (
	keepNone paraKeep = iota
	keepLines
	keepWithNext
)

func (k paraKeep) xml() string {
	switch k {
	case keepLines:
		return `<w:keepLines/>`
	case keepWithNext:
		return `<w:keepNext/><w:keepLines/>`
	}
	return ""
}

func docxJc(a align) string {
	switch a {
	case alignCenter:
		return "center"
	case alignRight:
		return "right"
	case alignJustify:
		return "both"
	}
	return "left"
}

func docxPara(b *bytes.Buffer, runs []run, a align, firstLine, size, after int, k paraKeep) {
	fmt.Fprintf(b, `<w:p><w:pPr>%s<w:spacing w:after="%d"/>`, k.xml(), after)
	if firstLine > 0 {
		fmt.Fprintf(b, `<w:ind w:firstLine="%d"/>`, firstLine)
	}
	fmt.Fprintf(b, `<w:jc w:val="%s"/></w:pPr>`, docxJc(a))
	for _, r := range runs {
		docxRun(b, r, size, "")
	}
	b.WriteString(`</w:p>`)
}

func docxRun(b *bytes.Buffer, r run, size int, color string) {
	if r.text == "" {
		return
	}
	if r.nowrap {
		size = min(size, 24) // the motto fits on one line at 12 pt
	}
	b.WriteString(`<w:r><w:rPr>`)
	if r.bold {
		b.WriteString(`<w:b/>`)
	}
	if r.italic {
		b.WriteString(`<w:i/>`)
	}
	if color != "" {
		fmt.Fprintf(b, `<w:color w:val="%s"/>`, color)
	}
	fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)
	if r.underline {
		b.WriteString(`<w:u w:val="single"/>`)
	}
	b.WriteString(`</w:rPr><w:t xml:space="preserve">`)
	xml.EscapeText(b, []byte(r.text))
	b.WriteString(`</w:t></w:r>`)
}

// docxTable writes a table; keep says it is kept together on one page: its
// rows are not split, and the paragraphs of each cell are kept together.
func docxTable(b *bytes.Buffer, t table, width int, together bool) {
	ncols := 0
	rows := append([][]cell{}, t.head...)
	for _, r := range t.body {
		rows = append(rows, r.cells)
	}
	if len(rows) > 0 {
		for _, c := range rows[0] {
			ncols += max(c.colspan, 1)
		}
	}
	if ncols == 0 {
		return
	}
	grid := make([]int, ncols)
	for i := range grid {
		if len(t.widths) == ncols {
			grid[i] = width * t.widths[i] / 100
		} else {
			grid[i] = width / ncols
		}
	}
	size, small := 22, 20
	if t.plain {
		size, small = 26, 22
	}
	fitWords(grid, rows, ncols, size, small)
	borders := `<w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>`
	if t.plain {
		borders = `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>%s<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`, width, borders)
	for _, g := range grid {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, g)
	}
	b.WriteString(`</w:tblGrid>`)
	// covered[col] counts the rows below a row-spanning cell still covered
	// by it; span[col] is that cell's width in columns.
	covered := make([]int, ncols)
	span := make([]int, ncols)
	for ri, cells := range rows {
		b.WriteString(`<w:tr>`)
		if ri < len(t.head) {
			b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		} else if !t.plain || together {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		next := 0
		for col := 0; col < ncols; {
			if covered[col] > 0 {
				covered[col]--
				w := 0
				for k := col; k < col+span[col]; k++ {
					w += grid[k]
				}
				fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
				if span[col] > 1 {
					fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span[col])
				}
				b.WriteString(`<w:vMerge/></w:tcPr><w:p/></w:tc>`)
				col += span[col]
				continue
			}
			if next >= len(cells) {
				break
			}
			c := cells[next]
			next++
			cs := max(c.colspan, 1)
			w := 0
			for k := col; k < col+cs && k < ncols; k++ {
				w += grid[k]
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if cs > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, cs)
			}
			if c.rowspan > 1 {
				b.WriteString(`<w:vMerge w:val="restart"/>`)
				covered[col], span[col] = c.rowspan-1, cs
			}
			valign := "center"
			if t.plain {
				valign = "top"
			}
			fmt.Fprintf(b, `<w:vAlign w:val="%s"/></w:tcPr>`, valign)
			sz := size
			if c.small {
				sz = small
			}
			a := c.align
			if c.num {
				a = alignRight
			}
			if len(c.lines) == 0 {
				b.WriteString(`<w:p/>`)
			}
			for li, l := range c.lines {
				k := keepNone
				if together {
					k = keepWithNext
					if li == len(c.lines)-1 {
						k = keepLines
					}
				}
				docxPara(b, l, a, 0, sz, 0, k)
			}
			if c.rule {
				b.WriteString(docxShortRule)
			}
			b.WriteString(`</w:tc>`)
			col += cs
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl><w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>`)
}

// cellMargins is the space a cell keeps left and right of its text (the
// table's w:tblCellMar), in twips.
const cellMargins = 2 * 57

// wordWidth estimates, generously, the width in twips of a word in Times
// New Roman at size (in half-points), bold or not: a capital or a wide
// letter (m, w, %) 1 em or 0.8 em, any other letter or digit 0.58 em,
// which no common Vietnamese word in Times New Roman Bold exceeds on
// average ("thưởng" is 3.0 em, estimated 3.5).
func wordWidth(w string, size int) int {
	em := 0.0
	for _, r := range w {
		switch {
		case strings.ContainsRune("mwMW%", r):
			em += 1
		case unicode.IsUpper(r):
			em += 0.8
		default:
			em += 0.58
		}
	}
	return int(math.Ceil(em * float64(size) * 10)) // size/2 pt × 20 twips
}

// longestWord is the widest word of a cell's text (wordWidth), in twips at
// its size: the cell's column cannot be narrower without breaking it.
func longestWord(c cell, size int) int {
	most := 0
	for _, l := range c.lines {
		var text strings.Builder
		for _, r := range l {
			text.WriteString(r.text)
		}
		for _, w := range strings.Fields(text.String()) {
			most = max(most, wordWidth(w, size))
		}
	}
	return most
}

// fitWords widens the columns too narrow for their longest word, taking
// the width from the columns that have room to spare (the member's name,
// the notes), so that no heading breaks inside a word ("thưởn-g"). Cells
// that span columns are left to the columns they span.
func fitWords(grid []int, rows [][]cell, ncols, size, small int) {
	need := make([]int, ncols)
	for ri, cols := range cellColumns(rows, ncols) {
		for i, col := range cols {
			c := rows[ri][i]
			if max(c.colspan, 1) > 1 {
				continue
			}
			sz := size
			if c.small {
				sz = small
			}
			need[col] = max(need[col], longestWord(c, sz)+cellMargins)
		}
	}
	for col := range grid {
		short := need[col] - grid[col]
		for short > 0 {
			// take from the column with the most to spare
			best, spare := -1, 0
			for j := range grid {
				if s := grid[j] - need[j]; j != col && s > spare {
					best, spare = j, s
				}
			}
			if best < 0 {
				break
			}
			d := min(short, spare)
			grid[best] -= d
			grid[col] += d
			short -= d
		}
	}
}

// cellColumns returns, for each row of a table, the column each of its
// cells starts in, the columns covered by cells spanning rows above
// skipped.
func cellColumns(rows [][]cell, ncols int) [][]int {
	covered := make([]int, ncols)
	span := make([]int, ncols)
	out := make([][]int, len(rows))
	for ri, cells := range rows {
		next := 0
		for col := 0; col < ncols; {
			if covered[col] > 0 {
				covered[col]--
				col += max(span[col], 1)
				continue
			}
			if next >= len(cells) {
				break
			}
			c := cells[next]
			next++
			out[ri] = append(out[ri], col)
			cs := max(c.colspan, 1)
			if c.rowspan > 1 {
				covered[col], span[col] = c.rowspan-1, cs
			}
			col += cs
		}
	}
	return out
}

// docxShortRule is a short centred line, as under the issuing body's name
// and under the subject: an empty paragraph with a top border, indented
// from both sides.
const docxShortRule = `<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:after="120"/><w:ind w:left="1000" w:right="1000"/><w:jc w:val="center"/><w:rPr><w:sz w:val="8"/></w:rPr></w:pPr></w:p>`

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

func docxStyles(l lang.Tag) string {
	code := "vi-VN"
	if l == lang.English {
		code = "en-GB"
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="` + code + `"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`
}

func docxCore(title string) string {
	var t bytes.Buffer
	xml.EscapeText(&t, []byte(title))
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + t.String() + `</dc:title><dc:creator>thidua</dc:creator></cp:coreProperties>`
}
