package audit_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// hostileNames renames two members, in the sheet and in the minutes, to a
// javascript: link and to a name with a line break, a heading and a
// column separator, and changes a recorded total so that findings quote
// the names.
func hostileReport(t *testing.T) audit.Report {
	t.Helper()
	names := [][2]string{
		{"member,SCT,name,Sở Công Thương", `member,SCT,name,"[x](javascript:alert(1))"`},
		{"member,SKHCN,name,Sở Khoa học và Công nghệ", "member,SKHCN,name,\"A\n# Giả mạo | x\""},
	}
	sheet := edit(t, readFile(t, example("scores-2020.csv")), names)
	rec := edit(t, readFile(t, example("recorded-2020.csv")), append(names,
		[2]string{`total,SCT,,"96,35"`, `total,SCT,,"96,36"`},
		[2]string{"cluster,,name,Cụm II – Các cơ quan quản lý chuyên ngành,", `cluster,,name,"<img src=x onerror=alert(1)> [t](javascript:x)",`}))
	return auditOf(t, cum2(t), sheetOf(t, "scores | x.csv", sheet), recordedOf(t, "recorded.csv", rec))
}

// TestMarkdownEscapesInput writes a report whose member names, cluster
// name and file name are Markdown: the report has no live link, no forged
// heading, no raw HTML and no extra table column, in either language.
func TestMarkdownEscapesInput(t *testing.T) {
	r := hostileReport(t)
	for _, tag := range []lang.Tag{lang.English, lang.Vietnamese} {
		var b bytes.Buffer
		if err := r.WriteIn(&b, audit.Markdown, tag); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		checkMarkdown(t, out)
		for _, want := range []string{`| \[x\](javascript:alert(1)) |`, `A \# Giả mạo \| x |`, `&lt;img src=x onerror=alert(1)&gt; \[t\](javascript:x)`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the report lacks %q:\n%s", tag, want, out)
			}
		}
	}
}

// checkMarkdown checks that Markdown output has no link, raw HTML or
// heading but its own (outside the comments that name a batch's folders), and that each table's rows have as many cells as
// its head.
func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "<img") || strings.Contains(out, "<script") {
		t.Errorf("raw HTML in:\n%s", out)
	}
	heads := 0
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "<!-- ") && strings.Count(line, "-->") == 1 && strings.HasSuffix(line, " -->") {
			continue // a comment, inert
		}
		if strings.Contains(line, "](") && !strings.Contains(line, `\](`) {
			t.Errorf("line %d has a link: %s", i+1, line)
		}
		if strings.HasPrefix(line, "#") {
			if !strings.HasPrefix(line, "# ") && !strings.HasPrefix(line, "## ") && !strings.HasPrefix(line, "### ") ||
				strings.Contains(line, "Giả mạo") {
				t.Errorf("line %d is a heading the report does not write: %s", i+1, line)
			}
		}
		if !strings.HasPrefix(line, "|") {
			heads = 0
			continue
		}
		n := cells(line)
		if heads == 0 {
			heads = n
		} else if n != heads {
			t.Errorf("line %d has %d cells, its table's head %d: %s", i+1, n, heads, line)
		}
	}
}

// cells counts the cells of a Markdown table row: its unescaped '|' less
// one.
func cells(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}
