package documents

import (
	"bufio"
	"io"
	"strings"
)

// WriteMarkdown writes the document as Markdown (GitHub-flavoured: tables,
// <br> inside cells). The header and signature blocks are two-column
// tables; the summary's two-row table header is written as one row. The
// draft notice is both an HTML comment and a quoted note.
func (d *Document) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, b := range d.blocks {
		if i > 0 {
			bw.WriteString("\n")
		}
		switch b := b.(type) {
		case comment:
			bw.WriteString("<!-- " + commentText(b.text) + " -->\n")
		case note:
			bw.WriteString("> " + mdRuns(b.runs) + "\n")
		case para:
			text := mdRuns(b.runs)
			if b.size == "title" {
				text = "# " + mdRuns(unbold(b.runs))
			}
			bw.WriteString(text + "\n")
		case list:
			for _, it := range b.items {
				bw.WriteString("- " + mdRuns(it.runs) + "\n")
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

// commentText keeps a comment's text from closing the comment early.
func commentText(s string) string { return strings.ReplaceAll(s, "--", "- -") }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "`", "\\`")

func mdRuns(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		t := mdEscaper.Replace(r.text)
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
