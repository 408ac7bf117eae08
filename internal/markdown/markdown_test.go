package markdown_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/markdown"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Sở Công Thương (SCT)", "Sở Công Thương (SCT)"},
		{"SCT", "SCT"},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"![img](http://x/y.png)", `!\[img\](http://x/y.png)`},
		{"[ref]: javascript:x", `\[ref\]: javascript:x`},
		{"<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"94.7 < 96.35", "94.7 &lt; 96.35"},
		{"> quote", "&gt; quote"},
		{"A\n# Giả mạo | x", `A \# Giả mạo \| x`},
		{"a\r\nb\tc\x00d\u2028e\u0085f", "a  b c d e f"},
		{"*bold* _em_ ~~del~~ `code`", "\\*bold\\* \\_em\\_ \\~\\~del\\~\\~ \\`code\\`"},
		{"giay_khen phieu_80 Đảng_ủy", "giay_khen phieu_80 Đảng_ủy"},
		{"_x a_ b__c __d", `\_x a\_ b\_\_c \_\_d`},
		{`back\slash \[`, `back\\slash \\\[`},
		{"&lt; &#91;", `\&lt; \&\#91;`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"===", `\===`},
		{"a - b + c = d", "a - b + c = d"},
		{"1. first", `1\. first`},
		{"2020.1", "2020.1"},
		{"18.75", "18.75"},
		{"2020.", `2020\.`},
		{"3.\tx", `3\. x`},
		{"-2.5", "-2.5"},
		{"+3", "+3"},
		{"---", `\---`},
		{"-", `\-`},
		{"v2020.1", "v2020.1"},
		{"12) x", `12\) x`},
		{"(1) x", "(1) x"},
		{"f(x)", "f(x)"},
		{"# heading", `\# heading`},
		{"caobang-cum2", "caobang-cum2"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"kept \uFFFD", "kept \uFFFD"},
	}
	for _, tc := range tests {
		if got := markdown.Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
		check(t, tc.in)
	}
}

// TestEscapeNoCopy checks that text with nothing to escape is returned as
// it is, without an allocation.
func TestEscapeNoCopy(t *testing.T) {
	s := "Sở Khoa học và Công nghệ SKHCN 96,35"
	if n := testing.AllocsPerRun(100, func() { _ = markdown.Escape(s) }); n != 0 {
		t.Errorf("Escape allocates %v times on plain text", n)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"[x](javascript:alert(1))", "A\n# Giả mạo | x", "1. a", "- b", "\xff\\", "<a href=x>", "12.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}

// check verifies Escape's promises on s: one line of valid UTF-8 without
// control characters, every special character escaped, nothing a line
// could start with left bare, and the text itself once the escapes are
// taken away.
func check(t *testing.T, s string) {
	t.Helper()
	got := markdown.Escape(s)
	if !utf8.ValidString(got) {
		t.Fatalf("Escape(%q) = %q: invalid UTF-8", s, got)
	}
	var plain strings.Builder
	escaped := false
	skip := 0 // the rest of an entity
	for i, r := range got {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			t.Fatalf("Escape(%q) = %q: control character %U", s, got, r)
		}
		if escaped {
			if r >= utf8.RuneSelf || !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
				t.Fatalf("Escape(%q) = %q: a backslash before %q", s, got, r)
			}
			escaped = false
			plain.WriteRune(r)
			continue
		}
		if r == '\\' {
			escaped = true
			continue
		}
		if r == '&' {
			switch {
			case strings.HasPrefix(got[i:], "&lt;"):
				plain.WriteByte('<')
			case strings.HasPrefix(got[i:], "&gt;"):
				plain.WriteByte('>')
			default:
				t.Fatalf("Escape(%q) = %q: a bare & at %d", s, got, i)
			}
			skip = 3
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		if r == '_' && i > 0 && isWord(lastRune(got[:i])) && isWord(firstRune(got[i+1:])) {
			plain.WriteRune(r)
			continue
		}
		if strings.ContainsRune("`*_[]<>#|~", r) {
			t.Fatalf("Escape(%q) = %q: %q at %d is not escaped", s, got, r, i)
		}
		if i == 0 && strings.ContainsRune("-+=", r) && (len(got) == 1 || got[1] < '0' || got[1] > '9') {
			t.Fatalf("Escape(%q) = %q: starts with a bare %q", s, got, r)
		}
		plain.WriteRune(r)
	}
	if escaped {
		t.Fatalf("Escape(%q) = %q: ends with a lone backslash", s, got)
	}
	var want strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			want.WriteRune(utf8.RuneError)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			want.WriteByte(' ')
		default:
			want.WriteRune(r)
		}
	}
	if plain.String() != want.String() {
		t.Fatalf("Escape(%q) = %q, which reads %q, want %q", s, got, plain.String(), want.String())
	}
	// An ordered list item: leading digits then '.' or ')'.
	if j := strings.IndexFunc(got, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (got[j] == '.' || got[j] == ')') && (j+1 == len(got) || got[j+1] == ' ') {
		t.Fatalf("Escape(%q) = %q: starts like an ordered list item", s, got)
	}
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, size := utf8.DecodeLastRuneInString(s)
	if size == 0 {
		return -1
	}
	return r
}

func firstRune(s string) rune {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return -1
	}
	return r
}

func TestInlineAndLineStart(t *testing.T) {
	for _, c := range []struct{ in, inline, line string }{
		{"- Như trên;", "- Như trên;", `\- Như trên;`},
		{"1. Kết quả", "1. Kết quả", `1\. Kết quả`},
		{"-2.5 điểm", "-2.5 điểm", "-2.5 điểm"},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`, `\[x\](javascript:alert(1))`},
		{"A\n# Giả mạo | x", `A \# Giả mạo \| x`, `A \# Giả mạo \| x`},
	} {
		if got := markdown.Inline(c.in); got != c.inline {
			t.Errorf("Inline(%q) = %q, want %q", c.in, got, c.inline)
		}
		if got := markdown.LineStart(markdown.Inline(c.in)); got != c.line {
			t.Errorf("LineStart(markdown.Inline(%q)) = %q, want %q", c.in, got, c.line)
		}
		if got := markdown.Escape(c.in); got != c.line {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func TestComment(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"cum2/2020", "cum2/2020"},
		{"a--->b", "a- - -&gt;b"},
		{"x\n-->\n<script>", "x - -&gt; <script&gt;"},
	} {
		if got := markdown.Comment(c.in); got != c.want {
			t.Errorf("Comment(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
