// Package decode turns a YAML or JSON document into Go values strictly: unknown
// keys, duplicate keys, wrong kinds and malformed numbers are all reported, each
// with the line, column and key path where it occurred, and decoding goes on so
// that every problem in a file is reported at once.
//
// It exists because the domain's documents (rulebooks, score sheets, recorded
// results) must keep exact decimal digits and must say where an error is; the
// generic yaml decoder neither refuses unknown keys with a path nor keeps
// decoding after a malformed scalar. JSON is decoded through the same YAML
// parser (JSON is YAML 1.2 flow syntax), so both formats get the same messages;
// a document that starts with { or [ is first checked with encoding/json, so
// that JSON syntax errors (a trailing comma, a missing colon) are reported as
// JSON errors, at their own line and column.
//
// A null value (null, ~ or nothing after the colon) means "not given": the
// field keeps its zero value. A file holds one document; anchors, aliases,
// merge keys (<<) and tags written in the document (!!str, !!binary, !foo)
// are refused. A decimal (a decimal.Decimal field) is read by ParseDecimal,
// within its limits of digits and places, whether written as a number or a
// text.
//
// Every problem is written in English (Problem.Msg) and carries the same
// sentence as a lang.Message, so that it can be written in Vietnamese
// (Problem.Text); the words of the YAML and JSON parsers themselves are
// English only, and the Vietnamese sentence frames them.
package decode

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/lang"
)

// MaxBytes is the largest document accepted (32 MiB, the size the score-sheet
// files promise). Rulebooks are a few kilobytes and score sheets rarely more
// than a few megabytes; the limit keeps a hostile input from exhausting memory.
const MaxBytes = 32 << 20

// maxNodes bounds the number of nodes visited, for the same reason.
const maxNodes = 1_000_000

// maxNesting bounds how deeply mappings and lists may nest. Real documents
// nest a dozen or two levels; without a bound, the key paths recorded for a
// document nested thousands of levels deep take time and memory that grow
// with the square of the depth.
const maxNesting = 64

// Problem is one thing wrong with a document. Msg is the problem in
// English; Message is the same sentence kept as a catalogue key and its
// values, so that it can be written in Vietnamese too (Msg is
// Message.In(lang.English)). Message.Key is a stable code a program can
// switch on ("decode.unknown_key", "decode.duplicate_key", "decode.syntax",
// …); its values are the offending input, which is never translated. A
// problem built by hand may have no Message: Text then writes Msg.
type Problem struct {
	Line, Column int    // 1-based position of the offending node; 0 if unknown
	Path         string // key path, e.g. "criteria[1].children[0].max"
	Msg          string
	Message      lang.Message
}

func (p Problem) String() string {
	if p.Path == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Path, p.Msg)
}

// Text writes the problem as String does, in the language: "dòng 3:
// criteria[0].max: …" in Vietnamese. Text(lang.English) is String().
func (p Problem) Text(t lang.Tag) string {
	msg := p.Msg
	if !p.Message.IsZero() {
		msg = p.Message.In(t)
	}
	line := t.Pick("dòng", "line")
	if p.Path == "" {
		return fmt.Sprintf("%s %d: %s", line, p.Line, msg)
	}
	return fmt.Sprintf("%s %d: %s: %s", line, p.Line, p.Path, msg)
}

// problem returns a problem at line and column with the message m.
func problem(line, col int, m lang.Message) *Problem {
	return &Problem{Line: line, Column: col, Msg: m.In(lang.English), Message: m}
}

// Hook decodes a value of one type itself (for example a value that may be
// written either as a word or as a one-key mapping). v is addressable.
type Hook func(d *Decoder, n *yaml.Node, path string, v reflect.Value)

// Decoder holds the state of one decoding run: the problems found so far
// and the line of every key path seen, for later look-ups.
type Decoder struct {
	Problems []Problem
	// Hooks decode the types they are keyed by, instead of the generic rules.
	Hooks map[reflect.Type]Hook
	lines map[string][2]int
	nulls map[string]bool
	nodes int
	depth int  // nesting of the mapping or list being decoded
	deep  bool // the nesting limit has been reported
}

// Parse parses data as YAML (or JSON) and returns the root node of its one
// document. A document that is empty (or only null) is a problem, and so is
// a second document after "---". When the first byte that is not white space
// is { or [, data must be valid JSON: a syntax error is reported with the
// line and column that encoding/json finds it at.
func Parse(data []byte) (*yaml.Node, *Problem) {
	if len(data) > MaxBytes {
		return nil, problem(1, 0, lang.Msg("decode.too_large", len(data), MaxBytes))
	}
	data = trimBOM(data)
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		if p := jsonProblem(data, t[0]); p != nil {
			return nil, p
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, problem(1, 0, lang.Msg("decode.empty"))
		}
		return nil, yamlProblem(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlProblem(err)
	default:
		return nil, problem(max(next.Line, 1), next.Column, lang.Msg("decode.second_document"))
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, problem(1, 0, lang.Msg("decode.empty"))
	}
	root := doc.Content[0]
	if isNull(root) && root.Anchor == "" {
		return nil, problem(max(root.Line, 1), 0, lang.Msg("decode.empty"))
	}
	return root, nil
}

// jsonProblem checks data, which starts with open ({ or [), as JSON and
// returns its syntax error, if any, at the offending character.
func jsonProblem(data []byte, open byte) *Problem {
	if json.Valid(data) {
		return nil
	}
	err := json.Unmarshal(data, new(json.RawMessage))
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return problem(1, 0, lang.Msg("decode.json", fmt.Sprint(err), string(open)))
	}
	// Offset is the number of bytes read when the error was found: the
	// offending byte is the last one read, or, at the end of the input, the
	// place just after the last character.
	off := int(se.Offset) - 1
	if se.Offset >= int64(len(data)) && strings.Contains(se.Error(), "end of JSON input") {
		off = len(bytes.TrimRight(data, " \t\r\n"))
	}
	off = min(max(off, 0), len(data))
	line, col := position(data, off)
	return problem(line, col, lang.Msg("decode.json_syntax", se.Error(), string(open)))
}

// position returns the 1-based line and column (in characters) of the byte
// at offset off of data.
func position(data []byte, off int) (line, col int) {
	before := data[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[start:]) + 1
}

// isNull reports whether n is a null scalar: null, ~ or nothing at all.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// yamlProblem turns a syntax error from the YAML parser ("yaml: line 3: ...")
// into a Problem with the line split out. The parser's words are English;
// the Vietnamese text frames them ("lỗi cú pháp YAML: …").
func yamlProblem(err error) *Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, e := strconv.Atoi(rest[:i]); e == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	if line == 0 {
		line = 1
	}
	return problem(line, 0, lang.Msg("decode.syntax", msg))
}

// New returns a Decoder ready for use.
func New() *Decoder { return &Decoder{lines: map[string][2]int{}, nulls: map[string]bool{}} }

// Line returns the line and column recorded for path, or for its longest
// recorded prefix (so that an error about a missing key points at the object
// that lacks it). It returns 0, 0 if nothing matches.
func (d *Decoder) Line(path string) (int, int) {
	for p := path; ; {
		if lc, ok := d.lines[p]; ok {
			return lc[0], lc[1]
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			if lc, ok := d.lines[""]; ok {
				return lc[0], lc[1]
			}
			return 0, 0
		}
		p = p[:i]
	}
}

// Has reports whether the document had a key at path (even one whose value
// is null).
func (d *Decoder) Has(path string) bool { _, ok := d.lines[path]; return ok }

// Null reports whether the value at path was written as null (null, ~ or
// nothing after the colon), which decodes as "not given".
func (d *Decoder) Null(path string) bool { return d.nulls[path] }

// Add records a problem at node n (which may be nil): the message m, whose
// English text becomes the problem's Msg.
func (d *Decoder) Add(n *yaml.Node, path string, m lang.Message) {
	p := Problem{Path: path, Msg: m.In(lang.English), Message: m}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	d.Problems = append(d.Problems, p)
}

// Addf records a problem at node n whose text is the same in every
// language (its message is "decode.text", the text as it is). Add, with a
// message from the catalogue, is the way to record a problem that can be
// read in Vietnamese.
func (d *Decoder) Addf(n *yaml.Node, path, format string, args ...any) {
	d.Add(n, path, lang.Msg("decode.text", fmt.Sprintf(format, args...)))
}

// AddError records err, a value's own error (a TextUnmarshaler's, a
// parser's), as a problem at node n, whose value is raw. The problem's
// text is err's. Its message is err's own if err (or an error it wraps)
// has a method Message() lang.Message whose English text is err's text;
// else it frames err's English text ("giá trị không đọc được: …"). raw is
// not written again: an error that names the value names it once.
func (d *Decoder) AddError(n *yaml.Node, path, raw string, err error) {
	d.Add(n, path, errorMessage(err))
}

func errorMessage(err error) lang.Message {
	text := err.Error()
	var m interface{ Message() lang.Message }
	if errors.As(err, &m) {
		if msg := m.Message(); msg.In(lang.English) == text {
			return msg
		}
	}
	return lang.Msg("decode.value", text)
}

// Err returns the problems as an error, or nil.
func (d *Decoder) Err() error {
	if len(d.Problems) == 0 {
		return nil
	}
	errs := make([]error, len(d.Problems))
	for i, p := range d.Problems {
		errs[i] = errors.New(p.String())
	}
	return errors.Join(errs...)
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	decimalType     = reflect.TypeFor[decimal.Decimal]()
)

// Decode decodes node n into the value pointed to by out. Struct fields are
// matched by their `yaml` tag (fields without one are not decodable); keys
// that match no field are problems.
func (d *Decoder) Decode(n *yaml.Node, path string, out any) {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("decode: Decode needs a non-nil pointer")
	}
	d.value(n, path, v.Elem())
}

func (d *Decoder) record(path string, n *yaml.Node) {
	if _, ok := d.lines[path]; !ok {
		d.lines[path] = [2]int{n.Line, n.Column}
	}
}

// expected records that path wants a value of the kind want names and
// found what n is ("expected a list, found a mapping", "expected a whole
// number, found \"x\"").
func (d *Decoder) expected(n *yaml.Node, path string, want lang.Message) {
	if n.Kind == yaml.ScalarNode {
		d.Add(n, path, lang.Msg("decode.expected_value", strconv.Quote(n.Value)).With(want))
		return
	}
	d.Add(n, path, lang.Msg("decode.expected").With(want, kindName(n)))
}

// kindName names what a node that is not a single value is.
func kindName(n *yaml.Node) lang.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return lang.Msg("decode.found.mapping")
	case yaml.SequenceNode:
		return lang.Msg("decode.found.list")
	case yaml.AliasNode:
		return lang.Msg("decode.found.alias")
	}
	return lang.Msg("decode.found.nothing")
}

// wantKeys are the messages of the kinds of value callers of Scalar ask
// for in English.
var wantKeys = map[string]string{
	"a text":                      "decode.want.text",
	"a number":                    "decode.want.number",
	"true or false":               "decode.want.bool",
	"a whole number":              "decode.want.int",
	"a single value":              "decode.want.single",
	"a list":                      "decode.want.list",
	"a mapping of keys to values": "decode.want.mapping",
}

// wantMessage returns the message of a kind of value named in English: from the
// catalogue if it is one of wantKeys, else the words as they are.
func wantMessage(words string) lang.Message {
	if k, ok := wantKeys[words]; ok {
		return lang.Msg(k)
	}
	return lang.Msg("decode.text", words)
}

func (d *Decoder) value(n *yaml.Node, path string, v reflect.Value) {
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.Add(n, path, lang.Msg("decode.too_many_nodes", maxNodes))
		}
		return
	}
	d.record(path, n)
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.Add(n, path, lang.Msg("decode.alias"))
		return
	}
	if d.Tagged(n, path) {
		return
	}
	if h, ok := d.Hooks[v.Type()]; ok {
		h(d, n, path, v)
		return
	}
	if isNull(n) {
		// Not given: a pointer stays nil, anything else keeps its zero
		// value (an empty section such as "bonus:" is an empty section).
		d.nulls[path] = true
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, path, v.Elem())
		return
	}
	if v.Type() == decimalType {
		// not its UnmarshalText: shopspring/decimal reads any number of
		// digits, in time that grows with their square, and its errors
		// are in its own English words
		d.decimalValue(n, path, v)
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.expected(n, path, lang.Msg("decode.want.single"))
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.AddError(n, path, n.Value, err)
		}
		return
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if d.depth >= maxNesting {
			if !d.deep {
				d.deep = true
				d.Add(n, path, lang.Msg("decode.too_deep", maxNesting))
			}
			return
		}
		d.depth++
		defer func() { d.depth-- }()
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, path, v)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.expected(n, path, lang.Msg("decode.want.list"))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, fmt.Sprintf("%s[%d]", path, i), s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		d.mapping(n, path, v)
	case reflect.String:
		if !d.scalar(n, path, lang.Msg("decode.want.text")) {
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if !d.scalar(n, path, lang.Msg("decode.want.bool")) {
			return
		}
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.expected(n, path, lang.Msg("decode.want.bool"))
		}
	case reflect.Int, reflect.Int32, reflect.Int64:
		if !d.scalar(n, path, lang.Msg("decode.want.int")) {
			return
		}
		i, err := strconv.ParseInt(n.Value, 10, v.Type().Bits())
		if err != nil {
			d.expected(n, path, lang.Msg("decode.want.int"))
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !d.scalar(n, path, lang.Msg("decode.want.int")) {
			return
		}
		u, err := strconv.ParseUint(n.Value, 10, v.Type().Bits())
		if err != nil {
			d.expected(n, path, lang.Msg("decode.want.uint", strconv.FormatUint(uint64(1)<<(v.Type().Bits()-1)*2-1, 10)))
			return
		}
		v.SetUint(u)
	default:
		// a programming error in the caller's types, reported as a problem
		// rather than a panic so that no document can crash a program
		d.Add(n, path, lang.Msg("decode.go_type", v.Type().String()))
	}
}

func (d *Decoder) scalar(n *yaml.Node, path string, want lang.Message) bool {
	if n.Kind != yaml.ScalarNode {
		d.expected(n, path, want)
		return false
	}
	return !d.Tagged(n, path)
}

// Tagged reports whether n carries a tag written in the document (!!str,
// !!binary, !foo, …), recording a problem at n if so. Tags are refused:
// the decoder reads every value by the type it is decoded into, so a tag
// would be silently ignored. The tags the parser gives every node itself
// (a plain 12 is implicitly !!int) are not tags written in the document.
// Value, Keys, Scalar and ScalarMsg check every node they are given; a
// hook that reads a node otherwise (a mapping's key) checks it with
// Tagged.
func (d *Decoder) Tagged(n *yaml.Node, path string) bool {
	if n == nil || n.Style&yaml.TaggedStyle == 0 {
		return false
	}
	d.Add(n, path, lang.Msg("decode.tag", strconv.Quote(n.Tag)))
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Scalar reports whether n is a single value, recording a problem that
// says what was wanted if not. want names the value in English ("a text",
// "a number"); the common names are written in Vietnamese too, others as
// they are: ScalarMsg takes a message for the name instead.
func (d *Decoder) Scalar(n *yaml.Node, path, want string) bool {
	return d.scalar(n, path, wantMessage(want))
}

// ScalarMsg is Scalar with the wanted value named by a message ("a text":
// lang.Msg("decode.want.text")), so that the problem can be written in
// Vietnamese.
func (d *Decoder) ScalarMsg(n *yaml.Node, path string, want lang.Message) bool {
	return d.scalar(n, path, want)
}

// Keys walks a mapping node, reporting duplicate keys, and calls f for each
// key and value in document order. It reports a problem and returns false
// if n is not a mapping.
func (d *Decoder) Keys(n *yaml.Node, path string, f func(key string, k, val *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.expected(n, path, lang.Msg("decode.want.mapping"))
		return false
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			d.Add(k, join(path, k.Value), lang.Msg("decode.merge_key"))
			continue
		}
		if d.Tagged(k, join(path, k.Value)) {
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.Add(k, join(path, k.Value), lang.Msg("decode.duplicate_key", prev))
			continue
		}
		seen[k.Value] = k.Line
		f(k.Value, k, val)
	}
	return true
}

func (d *Decoder) structure(n *yaml.Node, path string, v reflect.Value) {
	fields := fieldsOf(v.Type())
	d.Keys(n, path, func(key string, k, val *yaml.Node) {
		idx, ok := fields.index[key]
		if !ok {
			d.Add(k, join(path, key), unknownKey(key, fields.names))
			return
		}
		d.value(val, join(path, key), v.Field(idx))
	})
}

func (d *Decoder) mapping(n *yaml.Node, path string, v reflect.Value) {
	if v.Type().Key().Kind() != reflect.String {
		panic("decode: map keys must be strings")
	}
	m := reflect.MakeMap(v.Type())
	d.Keys(n, path, func(key string, k, val *yaml.Node) {
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(val, join(path, key), e)
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
	})
	v.Set(m)
}

type fieldSet struct {
	index map[string]int
	names []string
}

func fieldsOf(t reflect.Type) fieldSet {
	fs := fieldSet{index: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		t, ok := f.Tag.Lookup("yaml")
		if !ok {
			t = f.Tag.Get("json")
		}
		tag, _, _ := strings.Cut(t, ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		fs.index[tag] = i
		fs.names = append(fs.names, tag)
	}
	sort.Strings(fs.names)
	return fs
}

// unknownKey is the message for a key that is none of names: it lists
// them, and suggests the closest when it is a likely typo.
func unknownKey(key string, names []string) lang.Message {
	known := strings.Join(names, ", ")
	if best := closest(key, names); best != "" {
		return lang.Msg("decode.unknown_key.suggest", strconv.Quote(key), strconv.Quote(best), known)
	}
	return lang.Msg("decode.unknown_key", strconv.Quote(key), known)
}

// closest returns the known name closest to key, when it is close enough
// to be a likely typo, else "".
func closest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if dd := distance(key, n); dd < bestD {
			best, bestD = n, dd
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Covered reports whether a problem found at path only follows from a value
// that could not be read: it is at or under one of the unreadable paths, or
// at the parent of one (a problem at path "" covers everything). Callers
// leave such problems out, so that one mistake is reported once.
func Covered(path string, unreadable []string) bool {
	for _, u := range unreadable {
		if u == "" || path == u || strings.HasPrefix(path, u+".") || strings.HasPrefix(path, u+"[") {
			return true
		}
		if i := strings.LastIndexAny(u, ".["); i >= 0 && path == u[:i] {
			return true
		}
	}
	return false
}
