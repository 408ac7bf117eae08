// Package jcs reads JSON strictly and writes it in the canonical form of
// RFC 8785, the JSON Canonicalization Scheme (JCS): object members sorted by
// their names compared as UTF-16 code units, no whitespace, strings with
// only the escapes JSON requires (\" \\ \b \f \n \r \t and \u00xx, in lower
// case, for the other control characters), numbers as ECMAScript writes a
// double (Number.prototype.toString).
//
// Two programs that agree on the data agree on its canonical bytes, and so
// on its hash and signature, whatever language they are written in.
//
// Parse accepts I-JSON (RFC 7493) only, as JCS requires: valid UTF-8, no
// lone surrogate in an escape, no object with two members of the same name,
// numbers that are finite doubles. It records where each value starts
// (line and column, the column counting bytes), so that a reader built on
// it can say where a problem is.
package jcs

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/thidua/thidua/lang"
)

// MaxDepth is how deeply arrays and objects may nest in a document Parse
// reads.
const MaxDepth = 64

// Kind is the kind of a JSON value.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String names the kind in English: "null", "boolean", "number", "string",
// "array", "object".
func (k Kind) String() string {
	switch k {
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "null"
}

// Value is a JSON value as Parse read it.
type Value struct {
	Kind    Kind
	Bool    bool     // for Bool
	Num     float64  // for Number
	Str     string   // for String
	Items   []Value  // for Array
	Members []Member // for Object, in document order
	Line    int      // where the value starts, 1-based
	Column  int      // 1-based, counting bytes
}

// Member is a name and value of an object.
type Member struct {
	Name  string
	Value Value
}

// Get returns the member named name of an object.
func (v Value) Get(name string) (Value, bool) {
	for _, m := range v.Members {
		if m.Name == name {
			return m.Value, true
		}
	}
	return Value{}, false
}

// Str builds a string value.
func Str(s string) Value { return Value{Kind: String, Str: s} }

// Boolean builds a boolean value.
func Boolean(b bool) Value { return Value{Kind: Bool, Bool: b} }

// Strs builds an array of strings (an empty array for none).
func Strs(ss []string) Value {
	v := Value{Kind: Array, Items: make([]Value, len(ss))}
	for i, s := range ss {
		v.Items[i] = Str(s)
	}
	return v
}

// Arr builds an array.
func Arr(items ...Value) Value { return Value{Kind: Array, Items: append([]Value{}, items...)} }

// Obj builds an object from name, value pairs.
func Obj(members ...Member) Value { return Value{Kind: Object, Members: members} }

// SyntaxError is a document Parse refuses: where and why.
type SyntaxError struct {
	Offset  int // byte offset of the problem
	Line    int // 1-based
	Column  int // 1-based, counting bytes
	Message lang.Message
}

// Error writes the problem in English: "line 1, column 7: …".
func (e *SyntaxError) Error() string { return e.Text(lang.English) }

// Text writes the problem in the language.
func (e *SyntaxError) Text(t lang.Tag) string {
	return lang.Msg("record.json.at", e.Line, e.Column).With(e.Message).In(t)
}

// Parse reads one JSON document (whitespace around it allowed) strictly.
func Parse(data []byte) (Value, error) {
	p := &parser{data: data, line: 1}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.pos < len(p.data) {
		return Value{}, p.fail(lang.Msg("record.json.trailing"))
	}
	return v, nil
}

// Canonicalize parses a JSON document and returns its canonical form.
func Canonicalize(data []byte) ([]byte, error) {
	v, err := Parse(data)
	if err != nil {
		return nil, err
	}
	return Append(nil, v), nil
}

type parser struct {
	data      []byte
	pos       int
	line      int
	lineStart int
}

func (p *parser) fail(m lang.Message) *SyntaxError {
	return &SyntaxError{Offset: p.pos, Line: p.line, Column: p.pos - p.lineStart + 1, Message: m}
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
			p.lineStart = p.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.pos++
	}
}

// unexpected reports the character at the current position.
func (p *parser) unexpected() *SyntaxError {
	if p.pos >= len(p.data) {
		return p.fail(lang.Msg("record.json.eof"))
	}
	r, size := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError && size <= 1 {
		return p.fail(lang.Msg("record.json.utf8"))
	}
	return p.fail(lang.Msg("record.json.unexpected", strconv.QuoteRune(r)))
}

func (p *parser) value(depth int) (Value, error) {
	if p.pos >= len(p.data) {
		return Value{}, p.fail(lang.Msg("record.json.eof"))
	}
	start := Value{Line: p.line, Column: p.pos - p.lineStart + 1}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if depth >= MaxDepth {
			return Value{}, p.fail(lang.Msg("record.json.depth", MaxDepth))
		}
		if c == '{' {
			return p.object(start, depth)
		}
		return p.array(start, depth)
	case c == '"':
		s, err := p.str()
		start.Kind, start.Str = String, s
		return start, err
	case c == '-' || ('0' <= c && c <= '9'):
		f, err := p.number()
		start.Kind, start.Num = Number, f
		return start, err
	case p.literal("true"):
		start.Kind, start.Bool = Bool, true
		return start, nil
	case p.literal("false"):
		start.Kind = Bool
		return start, nil
	case p.literal("null"):
		return start, nil
	}
	return Value{}, p.unexpected()
}

func (p *parser) literal(word string) bool {
	if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
		p.pos += len(word)
		return true
	}
	return false
}

func (p *parser) object(v Value, depth int) (Value, error) {
	v.Kind = Object
	v.Members = []Member{}
	p.pos++ // {
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	seen := map[string]bool{}
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return Value{}, p.unexpected()
		}
		at := *p
		name, err := p.str()
		if err != nil {
			return Value{}, err
		}
		if seen[name] {
			return Value{}, at.fail(lang.Msg("record.json.duplicate", lang.Quote(name)))
		}
		seen[name] = true
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return Value{}, p.unexpected()
		}
		p.pos++
		p.space()
		item, err := p.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		v.Members = append(v.Members, Member{Name: name, Value: item})
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			p.space()
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		return Value{}, p.unexpected()
	}
}

func (p *parser) array(v Value, depth int) (Value, error) {
	v.Kind = Array
	v.Items = []Value{}
	p.pos++ // [
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		v.Items = append(v.Items, item)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			p.space()
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		return Value{}, p.unexpected()
	}
}

// str reads a string at the current position (an opening quote).
func (p *parser) str() (string, error) {
	p.pos++ // "
	var out []byte
	for {
		if p.pos >= len(p.data) {
			return "", p.fail(lang.Msg("record.json.eof"))
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(out), nil
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			out = utf8.AppendRune(out, r)
		case c < 0x20:
			return "", p.fail(lang.Msg("record.json.control", "U+"+strconv.FormatInt(int64(c)+0x10000, 16)[1:]))
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size <= 1 {
				return "", p.fail(lang.Msg("record.json.utf8"))
			}
			out = append(out, p.data[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
}

// escape reads an escape sequence (at its backslash) and returns the
// character it stands for; a surrogate pair is one character.
func (p *parser) escape() (rune, error) {
	if p.pos+1 >= len(p.data) {
		return 0, p.fail(lang.Msg("record.json.eof"))
	}
	c := p.data[p.pos+1]
	if r, ok := simpleEscapes[c]; ok {
		p.pos += 2
		return r, nil
	}
	if c != 'u' {
		return 0, p.fail(lang.Msg("record.json.escape", strconv.Quote(string(p.data[p.pos:p.pos+2]))))
	}
	r, ok := p.hex4(p.pos + 2)
	if !ok {
		return 0, p.fail(lang.Msg("record.json.escape", lang.Quote(string(p.data[p.pos:min(p.pos+6, len(p.data))]))))
	}
	switch {
	case utf16.IsSurrogate(r) && r < 0xdc00:
		low, ok := p.hex4(p.pos + 8)
		if ok && p.data[p.pos+6] == '\\' && p.data[p.pos+7] == 'u' && 0xdc00 <= low && low < 0xe000 {
			p.pos += 12
			return utf16.DecodeRune(r, low), nil
		}
		fallthrough
	case utf16.IsSurrogate(r):
		return 0, p.fail(lang.Msg("record.json.surrogate", string(p.data[p.pos:p.pos+6])))
	}
	p.pos += 6
	return r, nil
}

var simpleEscapes = map[byte]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hex4 reads four hex digits at i.
func (p *parser) hex4(i int) (rune, bool) {
	if i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[i : i+4] {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// number reads a number as RFC 8259 writes one and converts it to the
// nearest double.
func (p *parser) number() (float64, error) {
	start := p.pos
	d := p.data
	i := p.pos
	if d[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		p.pos = i
		return 0, p.unexpected()
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			p.pos = i
			return 0, p.unexpected()
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.pos = i
			return 0, p.unexpected()
		}
	}
	text := string(d[start:i])
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, p.fail(lang.Msg("record.json.number", lang.Quote(text)))
	}
	p.pos = i
	return f, nil
}

// Append appends v's canonical form to dst.
func Append(dst []byte, v Value) []byte {
	switch v.Kind {
	case Bool:
		return strconv.AppendBool(dst, v.Bool)
	case Number:
		return append(dst, FormatNumber(v.Num)...)
	case String:
		return AppendString(dst, v.Str)
	case Array:
		dst = append(dst, '[')
		for i, it := range v.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = Append(dst, it)
		}
		return append(dst, ']')
	case Object:
		ms := slices.Clone(v.Members)
		slices.SortStableFunc(ms, func(a, b Member) int { return CompareNames(a.Name, b.Name) })
		dst = append(dst, '{')
		for i, m := range ms {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = AppendString(dst, m.Name)
			dst = append(dst, ':')
			dst = Append(dst, m.Value)
		}
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// CompareNames orders member names as JCS does: by their UTF-16 code units,
// compared as unsigned numbers. (This differs from comparing UTF-8 bytes or
// code points only for characters above U+FFFF against U+E000–U+FFFF.)
func CompareNames(a, b string) int {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	return slices.Compare(ua, ub)
}

// AppendString appends s as a JCS string: in quotes, with \" and \\, the
// short escapes \b \f \n \r \t, \u00xx (lower case) for the other control
// characters, and every other character as it is (UTF-8). Invalid UTF-8
// in s is written as U+FFFD.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for _, r := range s {
		switch {
		case r == '"':
			dst = append(dst, '\\', '"')
		case r == '\\':
			dst = append(dst, '\\', '\\')
		case r == '\b':
			dst = append(dst, '\\', 'b')
		case r == '\f':
			dst = append(dst, '\\', 'f')
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r == '\r':
			dst = append(dst, '\\', 'r')
		case r == '\t':
			dst = append(dst, '\\', 't')
		case r < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// FormatNumber writes a double as ECMAScript's Number.prototype.toString
// does, which is what JCS requires: the shortest digits that read back as
// the same double, in plain notation from 1e-6 up to 1e21 and in exponent
// notation ("1e+21", "1e-7") outside; negative zero is "0". NaN and the
// infinities have no JSON form: FormatNumber writes "null" for them (Parse
// never yields them).
func FormatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null"
	}
	if f == 0 {
		return "0"
	}
	abs := math.Abs(f)
	if abs >= 1e21 || abs < 1e-6 {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		// Go writes "1e-07" and "1e+21"; ECMAScript "1e-7" and "1e+21".
		mant, exp, _ := cut(s, 'e')
		sign := exp[0]
		exp = exp[1:]
		for len(exp) > 1 && exp[0] == '0' {
			exp = exp[1:]
		}
		return mant + "e" + string(sign) + exp
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
