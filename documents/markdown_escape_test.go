package documents_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/documents"
)

// TestMarkdownCannotBeForged: names from the sheet that hold Markdown — a
// link, a heading or an award line after a line break, a table cell
// separator, an escape sequence — are shown as text in both Markdown
// documents: no link, no heading but the title, no award line but the
// real ones, no extra table column, no control character.
func TestMarkdownCannotBeForged(t *testing.T) {
	rb, st := rank(t, "scores-2020.csv")
	// The sheet's readers and scoring refuse line breaks and control
	// characters in names; the documents do not rely on it.
	st.Cluster = "Cụm II\n# TỜ TRÌNH GIẢ\x1b]0;pwned\x07"
	st.Rows[0].Member.Name = "[x](javascript:alert(1))"
	st.Rows[1].Member.Name = "Sở KH&CN\n- **Sở Giả** (đơn vị xếp thứ Nhất, 99,00 điểm);\n\n# Quyết định | giả"
	st.Rows[2].Member.Name = "1. <script>alert(1)</script> *x* _y_ `z` ~~w~~"
	link := regexp.MustCompile(`(^|[^\\])[\[\]]`)
	for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
		md := render(t, kind, documents.Markdown, rb, st, documents.Options{})
		if m := link.FindString(md); m != "" {
			t.Errorf("%s: an unescaped bracket %q:\n%s", kind, m, md)
		}
		if !strings.Contains(md, `\[x\](javascript:alert(1))`) {
			t.Errorf("%s: the name with a link is not shown escaped:\n%s", kind, md)
		}
		for _, bad := range []string{"\x1b", "\x07", "<script>", "*x*", "_y_", "`z`", "~~w~~"} {
			if strings.Contains(md, bad) {
				t.Errorf("%s: %q is written as it is", kind, bad)
			}
		}
		headings, awards := 0, 0
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, "#") {
				headings++
			}
			if strings.HasPrefix(l, "- **") {
				awards++
			}
			if strings.Contains(l, "Giả") && !strings.Contains(l, `\#`) && !strings.Contains(l, `\*\*Sở Giả\*\*`) {
				t.Errorf("%s: forged text outside an escaped line: %q", kind, l)
			}
			if strings.HasPrefix(l, "|") && strings.Contains(l, "Quyết định") && !strings.Contains(l, `\| giả`) {
				t.Errorf("%s: a name makes a table column: %q", kind, l)
			}
		}
		if headings != 1 {
			t.Errorf("%s: %d headings, want the title only:\n%s", kind, headings, md)
		}
		// the summary's legend names the 4 groups; the submission proposes 3 members
		if want := map[documents.Kind]int{documents.Summary: 4, documents.Submission: 3}[kind]; awards != want {
			t.Errorf("%s: %d award lines, want %d:\n%s", kind, awards, want, md)
		}
		if kind == documents.Submission && !strings.Contains(md, "- 1\\. &lt;script&gt;") && !strings.Contains(md, "- **1\\. &lt;script&gt;") {
			t.Errorf("%s: a name starting with \"1. \" starts a list:\n%s", kind, md)
		}
	}
}
