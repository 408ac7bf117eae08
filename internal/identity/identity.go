// Package identity classifies the characters of names and ids that a
// person cannot see or that change how a terminal or a document shows the
// text around them, and computes a look-alike key (skeleton) of an id or a
// name, so that two members who would be taken for each other can be
// pointed out.
//
// Vietnamese text (letters with diacritics, precomposed or with combining
// marks, đ, ư, ơ) is ordinary text here: none of it is a control or an
// invisible character, and it is never mixed-script.
package identity

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Control reports whether r is a control character: C0 (including line
// feed, carriage return and tab), DEL, C1, a line or paragraph separator
// (U+2028, U+2029), or a bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069). Such characters break a line of a
// table, retitle or recolour a terminal (ESC), or reorder the text shown
// around them.
func Control(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// Invisible reports whether r is a character that is not seen but makes
// two texts differ: a format character (Unicode category Cf: zero-width
// space, joiner and non-joiner U+200B–U+200D, word joiner U+2060, byte
// order mark U+FEFF, soft hyphen U+00AD, left-to-right and right-to-left
// marks, tag characters, …) that is not a Control, or another default
// ignorable character (combining grapheme joiner U+034F, variation
// selectors, Hangul fillers).
func Invisible(r rune) bool {
	if Control(r) {
		return false
	}
	switch {
	case unicode.Is(unicode.Cf, r):
		return true
	case r == 0x034f, r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0:
		return true
	case 0x180b <= r && r <= 0x180d, 0xfe00 <= r && r <= 0xfe0f, 0xe0100 <= r && r <= 0xe01ef:
		return true
	}
	return false
}

// OddSpace reports whether r is a space other than the ordinary space
// U+0020 that is not a Control: no-break space U+00A0, the spaces
// U+2000–U+200A, narrow no-break space U+202F, ideographic space U+3000, …
// In an id such a space looks like an ordinary one (or like nothing) but
// makes another id.
func OddSpace(r rune) bool {
	return r != ' ' && !Control(r) && (unicode.IsSpace(r) || unicode.Is(unicode.Zs, r))
}

// Find returns the first character of s for which bad is true and its
// position, counted in characters from 1; ok is false if there is none.
// Bytes that are not UTF-8 are read as U+FFFD, which no classifier here
// reports.
func Find(s string, bad func(rune) bool) (r rune, pos int, ok bool) {
	pos = 0
	for _, c := range s {
		pos++
		if bad(c) {
			return c, pos, true
		}
	}
	return 0, 0, false
}

// CodePoint writes r as "U+001B".
func CodePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// Script is a writing system whose letters can pass for Latin ones.
type Script string

// The scripts MixedScript reports.
const (
	Cyrillic Script = "cyrillic"
	Greek    Script = "greek"
)

// MixedScript reports whether s has Latin letters and Cyrillic or Greek
// letters: an id or a name written in Latin letters (as Vietnamese is) with
// a Cyrillic or Greek look-alike among them. It returns the first such
// letter, its script and its position (from 1). A text all in Cyrillic or
// all in Greek is not mixed.
func MixedScript(s string) (r rune, script Script, pos int, ok bool) {
	latin := false
	var first rune
	var firstScript Script
	firstPos, n := 0, 0
	for _, c := range s {
		n++
		switch {
		case unicode.Is(unicode.Latin, c):
			latin = true
		case firstPos == 0 && unicode.Is(unicode.Cyrillic, c) && unicode.IsLetter(c):
			first, firstScript, firstPos = c, Cyrillic, n
		case firstPos == 0 && unicode.Is(unicode.Greek, c) && unicode.IsLetter(c):
			first, firstScript, firstPos = c, Greek, n
		}
	}
	if latin && firstPos > 0 {
		return first, firstScript, firstPos, true
	}
	return 0, "", 0, false
}

// lookAlike maps Cyrillic and Greek letters to the Latin letter they are
// drawn like in common fonts. Capitals and small letters are mapped apart
// (Greek capital eta Η is drawn like H, small eta η is not drawn like h),
// before letter case is folded. Only letters that are hard to tell from a
// Latin one are here; the table is deliberately small.
var lookAlike = map[rune]rune{
	// Cyrillic capitals
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'О': 'O', 'Р': 'P', 'Ѕ': 'S', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W',
	// Cyrillic small letters (в is drawn like a small capital B)
	'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'ӏ': 'l',
	'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'ԝ': 'w', 'х': 'x', 'у': 'y',
	// Greek capitals
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Greek small letters
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u', 'χ': 'x',
	// Latin letters drawn like others
	'ı': 'i', 'ȷ': 'j',
}

// LookAlike returns the Latin letter r is drawn like, or r itself.
func LookAlike(r rune) rune {
	if l, ok := lookAlike[r]; ok {
		return l
	}
	return r
}

// Strip returns s without its Invisible characters.
func Strip(s string) string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// Fold returns s in NFC with its letter case folded and its runs of spaces
// (of any kind) written as one ordinary space, without spaces at either
// end: two texts that differ only in case or spacing have the same Fold.
func Fold(s string) string {
	return norm.NFC.String(strings.Join(strings.FieldsFunc(cases.Fold().String(norm.NFC.String(s)), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
	}), " "))
}

// Skeleton returns a key that is the same for two texts a reader would take
// for each other: it drops Invisible characters, applies compatibility
// normalisation (NFKC: full-width letters, ligatures), replaces each
// Cyrillic or Greek look-alike by its Latin letter (LookAlike), folds
// letter case and spacing (Fold).
//
// It is not the skeleton of Unicode Technical Standard #39: golang.org/x/text
// has no confusables table, and this one covers only the Latin, Cyrillic
// and Greek letters that matter for the ids and names of Vietnamese
// bodies. Digits and Latin letters that look alike (0 and O, 1, l and I,
// rn and m) are not mapped: ids such as "SO1" are common and the warning
// would be noise.
func Skeleton(s string) string {
	s = norm.NFKC.String(Strip(s))
	s = strings.Map(LookAlike, s)
	return Fold(s)
}

// FirstDifference returns the first characters at which a and b differ
// after NFKC normalisation, and their position (from 1); ok is false if
// they do not differ there.
func FirstDifference(a, b string) (ra, rb rune, pos int, ok bool) {
	a, b = norm.NFKC.String(Strip(a)), norm.NFKC.String(Strip(b))
	for pos = 1; a != "" && b != ""; pos++ {
		ca, na := utf8.DecodeRuneInString(a)
		cb, nb := utf8.DecodeRuneInString(b)
		if ca != cb && unicode.ToLower(ca) != unicode.ToLower(cb) {
			return ca, cb, pos, true
		}
		a, b = a[na:], b[nb:]
	}
	return 0, 0, 0, false
}
