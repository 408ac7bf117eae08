// Package decode turns a YAML or JSON document into Go values strictly: unknown
// keys, duplicate keys, wrong kinds and malformed numbers are all reported, each
// with the line, column and key path where it occurred, and decoding goes on so
// that every problem in a file is reported at once.
//
// It exists because the domain's documents (rulebooks, score sheets, recorded
// results) must keep exact decimal digits and must say where an error is; the
// generic yaml decoder neither refuses unknown keys with a path nor keeps
// decoding after a malformed scalar. JSON is decoded through the same YAML
// parser (JSON is YAML 1.2 flow syntax), so both formats get the same messages.
package decode

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxBytes is the largest document accepted. Rulebooks and score sheets are a
// few kilobytes; the limit keeps a hostile input from exhausting memory.
const MaxBytes = 8 << 20

// maxNodes bounds the number of nodes visited, for the same reason.
const maxNodes = 1_000_000

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
	nodes int
}

// Parse parses data as YAML (or JSON) and returns its root mapping node.
func Parse(data []byte) (*yaml.Node, *Problem) {
	if len(data) > MaxBytes {
		return nil, &Problem{Line: 1, Msg: fmt.Sprintf("document is %d bytes; the limit is %d", len(data), MaxBytes)}
	}
	data = trimBOM(data)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlProblem(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &Problem{Line: 1, Msg: "document is empty"}
	}
	return doc.Content[0], nil
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
func New() *Decoder { return &Decoder{lines: map[string][2]int{}} }

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

// Has reports whether the document had a key at path.
func (d *Decoder) Has(path string) bool { _, ok := d.lines[path]; return ok }

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
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
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
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, path, v)
	case reflect.Slice:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
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
	default:
		panic("decode: unsupported type " + v.Type().String())
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
