package documents

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/markdown"
)

// pageCSS lays a document out for print on A4 (Nghị định 30/2020/NĐ-CP
// conventions: Times New Roman 13–14 pt, margins 20–25 mm top and bottom,
// 30–35 mm left, 15–20 mm right, first-line indent 1 cm) and shows it on
// screen as a sheet of paper. The summary is printed in landscape.
const (
	portraitPage  = "@page{size:A4 portrait;margin:20mm 15mm 20mm 30mm}"
	landscapePage = "@page{size:A4 landscape;margin:15mm 15mm 15mm 20mm}"
)

const pageCSS = `
html{background:#e9e9e9}
body{margin:0;font-family:"Times New Roman",Times,Tinos,"Liberation Serif","DejaVu Serif",serif;font-size:13pt;line-height:1.35;color:#000}
.page{background:#fff;box-sizing:border-box;width:210mm;min-height:297mm;padding:20mm 15mm 20mm 30mm;margin:8mm auto;box-shadow:0 0 4px rgba(0,0,0,.35)}
body.landscape .page{width:297mm;min-height:210mm;padding:15mm 15mm 15mm 20mm}
@media print{html{background:none}.page{width:auto;min-height:0;padding:0;margin:0;box-shadow:none}}
p{margin:0 0 6pt}
p.indent{text-indent:1cm}
.center{text-align:center}.right{text-align:right}.justify{text-align:justify}
p.title{font-size:14pt;margin:12pt 0 2pt}
p.subject{margin-bottom:2pt}
p.subject::after{content:"";display:block;width:30%;margin:3pt auto 0;border-top:1px solid #000}
p.recipient{margin:10pt 0 10pt}
p.section{margin-top:8pt}
.small{font-size:11pt}
table{border-collapse:collapse;width:100%}
table.layout td{vertical-align:top;padding:0 2pt;border:0}
table.letterhead{margin-bottom:14pt}
table.letterhead td{font-size:13pt;line-height:1.25}
table.letterhead .nowrap{white-space:nowrap;font-size:12pt}
table.letterhead tr:last-child td{padding-top:6pt}
.rule{width:35%;margin:2pt auto 0;border-top:1px solid #000}
.motto{display:inline-block;border-bottom:1px solid #000;padding-bottom:1pt}
table.data{margin:8pt 0 10pt;font-size:11pt;line-height:1.25}
table.data th,table.data td{border:1px solid #000;padding:2pt 4pt;vertical-align:middle}
table.data th{font-weight:bold;text-align:center}
table.data thead{display:table-header-group}
table.data tr{break-inside:avoid}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.small{font-size:10pt;line-height:1.2}
table.data td.small div+div{margin-top:2pt}
ul.dash{list-style:none;margin:0 0 6pt;padding:0}
ul.dash>li{display:block;text-indent:1cm}
ul.legend>li,ul.conditions>li{text-indent:0;padding-left:1cm}
.note{border:1px solid #888;padding:4pt 6pt;margin:0 0 8pt;font-size:11pt;line-height:1.3}
.note.draft{border-color:#a00;color:#600;background:#fff6f6}
.note.warning{border:2px solid #a00;color:#a00}
.blank{letter-spacing:1px}
table.signatures{margin-top:14pt;break-inside:avoid;page-break-inside:avoid}
div.keep{break-inside:avoid;page-break-inside:avoid}
table.signatures td.small{font-size:11pt}
.provenance{font-size:9pt;margin:0;color:#222;overflow-wrap:anywhere}
p.provenance.first{margin-top:18pt;padding-top:4pt;border-top:1px solid #999}
`

// WriteHTML writes the document as a self-contained HTML page (UTF-8,
// lang="vi" or "en", inline CSS, no script, nothing fetched) laid out for
// printing to PDF on A4: the signature block in one piece, on the same
// page as the lines before it.
func (d *Document) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	body := string(d.kind)
	if d.landscape {
		body += " landscape"
	}
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"" + d.lang.String() + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	bw.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	page := portraitPage
	if d.landscape {
		page = landscapePage
	}
	bw.WriteString("<title>" + html.EscapeString(d.title) + "</title>\n<style>\n" + page + pageCSS + "</style>\n</head>\n")
	bw.WriteString("<body class=\"" + body + "\">\n<main class=\"page\">\n")
	htmlBlocks(bw, d.blocks)
	bw.WriteString("</main>\n</body>\n</html>\n")
	return bw.Flush()
}

func htmlBlocks(bw *bufio.Writer, blocks []block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case comment:
			bw.WriteString("<!-- " + markdown.Comment(b.text) + " -->\n")
		case note:
			bw.WriteString("<div class=\"" + classes("note", b.class) + "\" role=\"note\"" + dataAttrs(b.meta) + ">" + htmlRuns(b.runs) + "</div>\n")
		case para:
			cls := classes(b.class, alignClass(b.align))
			if b.indent {
				cls = classes(cls, "indent")
			}
			if b.size != "" && b.size != b.class {
				cls = classes(cls, b.size)
			}
			bw.WriteString("<p" + classAttr(cls) + dataAttrs(b.meta) + ">" + htmlRuns(b.runs) + "</p>\n")
		case list:
			bw.WriteString("<ul class=\"" + classes("dash", b.class) + "\"" + dataAttrs(b.meta) + ">\n")
			for _, it := range b.items {
				bw.WriteString("<li" + classAttr(it.class) + dataAttrs(it.meta) + ">- " + htmlRuns(it.runs) + "</li>\n")
			}
			bw.WriteString("</ul>\n")
		case table:
			htmlTable(bw, b)
		case keep:
			bw.WriteString("<div class=\"" + classes("keep", b.class) + "\">\n")
			htmlBlocks(bw, b.blocks)
			bw.WriteString("</div>\n")
		}
	}
}

func classes(cs ...string) string {
	var out []string
	for _, c := range cs {
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

func classAttr(c string) string {
	if c == "" {
		return ""
	}
	return " class=\"" + html.EscapeString(c) + "\""
}

func dataAttrs(m meta) string {
	s := ""
	if m.tier != "" {
		s += " data-tier=\"" + html.EscapeString(m.tier) + "\""
	}
	if m.member != "" {
		s += " data-member=\"" + html.EscapeString(m.member) + "\""
	}
	return s
}

func alignClass(a align) string {
	switch a {
	case alignCenter:
		return "center"
	case alignRight:
		return "right"
	case alignJustify:
		return "justify"
	}
	return ""
}

func htmlRuns(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		t := html.EscapeString(r.text)
		if r.blank {
			t = "<span class=\"blank\">" + t + "</span>"
		}
		if r.nowrap {
			t = "<span class=\"nowrap\">" + t + "</span>"
		}
		if r.underline {
			t = "<span class=\"motto\">" + t + "</span>"
		}
		if r.italic {
			t = "<em>" + t + "</em>"
		}
		if r.bold {
			t = "<strong>" + t + "</strong>"
		}
		b.WriteString(t)
	}
	return b.String()
}

func htmlCell(b *bufio.Writer, tag string, c cell) {
	cls := alignClass(c.align)
	if c.num {
		cls = "num"
	}
	if c.small {
		cls = classes(cls, "small")
	}
	b.WriteString("<" + tag + classAttr(cls))
	if c.colspan > 1 {
		b.WriteString(" colspan=\"" + strconv.Itoa(c.colspan) + "\"")
	}
	if c.rowspan > 1 {
		b.WriteString(" rowspan=\"" + strconv.Itoa(c.rowspan) + "\"")
	}
	b.WriteString(">")
	if c.small && len(c.lines) > 1 {
		// separate remarks: one block each
		for _, l := range c.lines {
			b.WriteString("<div>" + htmlRuns(l) + "</div>")
		}
	} else {
		for i, l := range c.lines {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(htmlRuns(l))
		}
	}
	if c.rule {
		b.WriteString("<div class=\"rule\"></div>")
	}
	b.WriteString("</" + tag + ">")
}

func htmlTable(b *bufio.Writer, t table) {
	kind := "data"
	if t.plain {
		kind = "layout"
	}
	b.WriteString("<table class=\"" + classes(kind, t.class) + "\">\n")
	if len(t.widths) > 0 {
		b.WriteString("<colgroup>")
		for _, w := range t.widths {
			b.WriteString("<col style=\"width:" + strconv.Itoa(w) + "%\">")
		}
		b.WriteString("</colgroup>\n")
	}
	if len(t.head) > 0 {
		b.WriteString("<thead>\n")
		for _, r := range t.head {
			b.WriteString("<tr>")
			for _, c := range r {
				htmlCell(b, "th", c)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</thead>\n")
	}
	b.WriteString("<tbody>\n")
	for _, r := range t.body {
		b.WriteString("<tr" + classAttr(r.class) + dataAttrs(r.meta) + ">")
		for _, c := range r.cells {
			htmlCell(b, "td", c)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}
