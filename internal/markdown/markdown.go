// Package markdown escapes text for Markdown documents, so that text that
// came from input (a member's name, a file name, a note) is shown as it is
// and never read as Markdown: no link, image, heading, emphasis, code,
// HTML, list item or extra table column can be made of it.
package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// special are the characters Escape writes with a backslash before them,
// wherever they are (but for '_' inside a word): CommonMark allows a backslash before any ASCII
// punctuation, and these are the ones that can start or end Markdown
// syntax inline — links, images, footnotes and link definitions ([ ]),
// code (`), emphasis and strikethrough (* _ ~), entities (&), headings
// (#), table cells (|) — and the backslash itself. '<' and '>' (raw HTML,
// autolinks) are written as the entities &lt; and &gt;, as the audit's
// reports always have. Parentheses and '!' are left as they are, so that ordinary text
// ("Sở Công Thương (SCT)") stays readable: they only make a link or an
// image after a ']' or before a '[', which are always escaped.
const special = "\\`*_[]&#|~"

// Escape returns s as Markdown text that renders as s: each Markdown
// special character is escaped with a backslash (see special), '<' and
// '>' are written &lt; and &gt;, a line break, tab or other control
// character (and U+2028, U+2029) becomes a space, so the text stays on one
// line, and invalid UTF-8 becomes U+FFFD. At the start of the text, where a
// line may start, a '-', '+' or '=' that is not a number's sign (a list
// item, a thematic break, a setext heading's underline) is escaped too, and
// so is a '.' after leading digits and before a space or the end (an
// ordered list item "1. "), and a ')' there ("1) "); a number such as -2.5
// or 18.75 is left as it is. The result is safe in a paragraph, a heading
// or a table cell; it is not meant for code spans or link destinations.
// Escape(s) is LineStart(Inline(s)).
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	return LineStart(Inline(s))
}

// Inline is Escape for text in the middle of a line (a run of words after
// others): it escapes what Escape does, but not the list or break markers
// that only count where a line starts.
func Inline(s string) string {
	if !needsInline(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 2)
	prev := rune(-1)
	for i, r := range s {
		switch {
		case r == '_' && wordChar(prev) && wordChar(nextRune(s, i+1)):
			// Inside a word ("giay_khen"), '_' cannot start or end
			// emphasis: it is left as it is, to keep ids readable.
			b.WriteByte('_')
		case r == utf8.RuneError && !validAt(s, i):
			b.WriteRune(utf8.RuneError)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < utf8.RuneSelf && strings.IndexByte(special, byte(r)) >= 0:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// LineStart escapes the marker that Markdown text already escaped by
// Inline would start a line with: a '-', '+' or '=' that is not a number's
// sign, or the '.' or ')' after leading digits and before a space or the
// end ("1. "). Other text is returned as it is.
func LineStart(s string) string {
	if s == "" {
		return s
	}
	if sign(rune(s[0])) && !digitAt(s, 1) {
		return "\\" + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && spaceOrEndAt(s, i+1) {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// Comment returns s safe inside an HTML comment of a Markdown document
// ("<!-- s -->"): on one line, without "--" or ">", so that it cannot end
// the comment early ("-->", "--!>").
func Comment(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.ReplaceAll(s, ">", "&gt;")
}

// wordChar reports whether r is a letter or a digit.
func wordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// nextRune returns the rune at s[i:], or -1 at the end.
func nextRune(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func sign(r rune) bool { return r == '-' || r == '+' || r == '=' }

// digitAt reports whether s[i] is an ASCII digit.
func digitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// spaceOrEndAt reports whether s ends at i or has a space or a control
// character (a tab, a line break: Escape makes it a space) there.
func spaceOrEndAt(s string, i int) bool { return i >= len(s) || s[i] <= ' ' || s[i] == 0x7f }

// validAt reports whether the U+FFFD decoded at s[i:] is written in the
// text (rather than standing for an invalid byte).
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

// needsEscape reports whether Escape may change s, so that text with
// nothing to escape is returned without a copy.
func needsEscape(s string) bool {
	return s != "" && (needsInline(s) || LineStart(s) != s)
}

// needsInline reports whether Inline may change s.
func needsInline(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f || c >= utf8.RuneSelf:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(s[i:])
				if (r == utf8.RuneError && size == 1) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
					return true
				}
				i += size - 1
				continue
			}
			return true
		case c == '<' || c == '>' || strings.IndexByte(special, c) >= 0:
			return true
		}
	}
	return false
}
