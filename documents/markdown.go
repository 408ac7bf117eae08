package documents

import (
	"bufio"
	"io"
	"strings"

	"github.com/thidua/thidua/internal/markdown"
)

// WriteMarkdown writes the document as Markdown (GitHub-flavoured: tables,
// <br> inside cells). The header and signature blocks are two-column
// tables; the summary's two-row table header is written as one row. The
// draft notice is both an HTML comment and a quoted note.
//
// Every text is escaped (markdown.Inline), so that a name, id, title or note
// that came from the sheet or the rulebook is shown as it is: it can make
// no link, heading, list item, emphasis, HTML or extra table column, and
// it cannot break its line.
func (d *Document) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, b := range flat(d.blocks) {
		if i > 0 {
			bw.WriteString("\n")
		}
		switch b := b.(type) {
		case comment:
			bw.WriteString("<!-- " + markdown.Comment(b.text) + " -->\n")
		case note:
			bw.WriteString("> " + mdLine(b.runs) + "\n")
		case para:
			text := mdLine(b.runs)
			if b.size == "title" {
				text = "# " + mdLine(unbold(b.runs))
			}
			bw.WriteString(text + "\n")
		case list:
			for _, it := range b.items {
				bw.WriteString("- " + mdLine(it.runs) + "\n")
			}
		case table:
			mdTable(bw, b)
		}
	}
	return bw.Flush()
}

func unbold(rs []run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		r.bold = false
		out[i] = r
	}
	return out
}

func mdRuns(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		t := markdown.Inline(r.text)
		if strings.TrimSpace(t) == "" {
			b.WriteString(t)
			continue
		}
		// Keep the spaces outside the markers: "** x**" is not bold.
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		t = strings.TrimSpace(t)
		switch {
		case r.bold && r.italic:
			t = "***" + t + "***"
		case r.bold:
			t = "**" + t + "**"
		case r.italic:
			t = "*" + t + "*"
		}
		b.WriteString(lead + t + trail)
	}
	return b.String()
}

func mdCell(c cell) string {
	parts := make([]string, len(c.lines))
	for i, l := range c.lines {
		parts[i] = mdRuns(l)
	}
	// trailing blank lines (room to sign) mean nothing in Markdown
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "<br>")
}

func mdTable(w *bufio.Writer, t table) {
	head := t.flat
	body := t.body
	if len(head) == 0 && len(t.head) == 1 {
		head = t.head[0]
	}
	if len(head) == 0 && len(body) > 0 {
		// a layout table: its first row is the header
		head, body = body[0].cells, body[1:]
	}
	cols := len(head)
	writeRow := func(cells []cell) {
		w.WriteString("|")
		for _, c := range cells {
			w.WriteString(" " + mdCell(c) + " |")
		}
		w.WriteString("\n")
	}
	writeRow(head)
	w.WriteString("|")
	for i := range cols {
		a := alignLeft
		if t.plain {
			a = alignCenter
		} else if len(body) > 0 && i < len(body[0].cells) {
			a = body[0].cells[i].align
		}
		switch a {
		case alignCenter:
			w.WriteString(":---:|")
		case alignRight:
			w.WriteString("---:|")
		default:
			w.WriteString("---|")
		}
	}
	w.WriteString("\n")
	for _, r := range body {
		writeRow(r.cells)
	}
}

// mdLine writes the runs of a block that starts a line (a paragraph, a
// list item, a note): as mdRuns does, without leading spaces (four would
// start code), and with the marker it would start with escaped (a list
// item, a thematic break, a setext underline: markdown.LineStart).
func mdLine(rs []run) string {
	return markdown.LineStart(strings.TrimLeft(mdRuns(rs), " "))
}
