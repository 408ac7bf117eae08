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
// field keeps its zero value. A file holds one document; anchors, aliases and
// merge keys (<<) are refused.
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

	"go.yaml.in/yaml/v3"
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

// Problem is one thing wrong with a document.
type Problem struct {
	Line, Column int    // 1-based position of the offending node; 0 if unknown
	Path         string // key path, e.g. "criteria[1].children[0].max"
	Msg          string
}

func (p Problem) String() string {
	if p.Path == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Path, p.Msg)
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
		return nil, &Problem{Line: 1, Msg: fmt.Sprintf("document is %d bytes; the limit is %d", len(data), MaxBytes)}
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
			return nil, &Problem{Line: 1, Msg: "document is empty"}
		}
		return nil, yamlProblem(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlProblem(err)
	default:
		return nil, &Problem{Line: max(next.Line, 1), Column: next.Column,
			Msg: "a second document starts here (after ---); a file holds one document"}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &Problem{Line: 1, Msg: "document is empty"}
	}
	root := doc.Content[0]
	if isNull(root) && root.Anchor == "" {
		return nil, &Problem{Line: max(root.Line, 1), Msg: "document is empty"}
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
	hint := fmt.Sprintf(" (the document starts with %c, so it is read as JSON)", open)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &Problem{Line: 1, Msg: fmt.Sprint(err) + hint}
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
	return &Problem{Line: line, Column: col, Msg: "JSON syntax error: " + se.Error() + hint}
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
// into a Problem with the line split out.
func yamlProblem(err error) *Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	p := &Problem{Msg: msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, e := strconv.Atoi(rest[:i]); e == nil {
				p.Line = n
				p.Msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	if p.Line == 0 {
		p.Line = 1
	}
	return p
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

// Addf records a problem at node n.
func (d *Decoder) Addf(n *yaml.Node, path, format string, args ...any) {
	p := Problem{Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	d.Problems = append(d.Problems, p)
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

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func (d *Decoder) value(n *yaml.Node, path string, v reflect.Value) {
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.Addf(n, path, "document has more than %d nodes", maxNodes)
		}
		return
	}
	d.record(path, n)
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.Addf(n, path, "anchors and aliases are not supported; write the value out")
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
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.Addf(n, path, "expected a single value, found %s", kindName(n))
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.Addf(n, path, "%v", err)
		}
		return
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if d.depth >= maxNesting {
			if !d.deep {
				d.deep = true
				d.Addf(n, path, "the document nests mappings and lists more than %d levels deep", maxNesting)
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
			d.Addf(n, path, "expected a list, found %s", kindName(n))
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
		if !d.scalar(n, path, "a text") {
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if !d.scalar(n, path, "true or false") {
			return
		}
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.Addf(n, path, "expected true or false, found %q", n.Value)
		}
	case reflect.Int, reflect.Int32, reflect.Int64:
		if !d.scalar(n, path, "a whole number") {
			return
		}
		i, err := strconv.ParseInt(n.Value, 10, v.Type().Bits())
		if err != nil {
			d.Addf(n, path, "expected a whole number, found %q", n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !d.scalar(n, path, "a whole number") {
			return
		}
		u, err := strconv.ParseUint(n.Value, 10, v.Type().Bits())
		if err != nil {
			d.Addf(n, path, "expected a whole number from 0 to %d, found %q", uint64(1)<<(v.Type().Bits()-1)*2-1, n.Value)
			return
		}
		v.SetUint(u)
	default:
		// a programming error in the caller's types, reported as a problem
		// rather than a panic so that no document can crash a program
		d.Addf(n, path, "cannot decode into a Go value of type %s", v.Type())
	}
}

func (d *Decoder) scalar(n *yaml.Node, path, want string) bool {
	if n.Kind != yaml.ScalarNode {
		d.Addf(n, path, "expected %s, found %s", want, kindName(n))
		return false
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Scalar reports whether n is a single value, recording a problem that
// says what was wanted if not.
func (d *Decoder) Scalar(n *yaml.Node, path, want string) bool { return d.scalar(n, path, want) }

// Keys walks a mapping node, reporting duplicate keys, and calls f for each
// key and value in document order. It reports a problem and returns false
// if n is not a mapping.
func (d *Decoder) Keys(n *yaml.Node, path string, f func(key string, k, val *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.Addf(n, path, "expected a mapping of keys to values, found %s", kindName(n))
		return false
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			d.Addf(k, join(path, k.Value), "merge keys (<<) are not supported; write the keys out (anchors and aliases are not supported either)")
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.Addf(k, join(path, k.Value), "duplicate key (first given on line %d)", prev)
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
			d.Addf(k, join(path, key), "unknown key %q%s (known keys: %s)", key, suggest(key, fields.names), strings.Join(fields.names, ", "))
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

// suggest returns ` (did you mean "x"?)` for the known name closest to key,
// when it is close enough to be a likely typo.
func suggest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if dd := distance(key, n); dd < bestD {
			best, bestD = n, dd
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
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
