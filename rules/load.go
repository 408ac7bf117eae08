package rules

import (
	"cmp"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/decode"
)

// Load reads a rulebook from a YAML or JSON file. See Parse.
func Load(path string) (*Rulebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a rulebook from YAML or JSON (JSON is read as YAML, which it
// is a subset of) and validates it. name is used in error messages. Unknown
// keys, malformed numbers and every validation problem are reported
// together, as Errors, each with the file, line and key path.
func Parse(name string, data []byte) (*Rulebook, error) {
	spec, d, err := parseSpec(name, data)
	if d == nil {
		return nil, err // not even a document
	}
	var all Errors
	errors.As(err, &all)
	rb, err := New(spec)
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			if underAny(e.Path, all) {
				continue // a consequence of a value that could not be read
			}
			e.File = name
			e.Line, e.Column = d.Line(e.Path)
			all = append(all, e)
		}
	}
	if len(all) > 0 {
		slices.SortStableFunc(all, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
		return nil, all
	}
	return rb, nil
}

// underAny reports whether path is, or is inside, the path of one of es.
func underAny(path string, es Errors) bool {
	for _, e := range es {
		if path == e.Path || strings.HasPrefix(path, e.Path+".") || strings.HasPrefix(path, e.Path+"[") {
			return true
		}
	}
	return false
}

// ParseSpec reads a rulebook's description without validating it as a whole
// (for tools that edit rulebooks). Syntax errors, unknown keys and malformed
// values are still reported.
func ParseSpec(name string, data []byte) (Spec, error) {
	s, _, err := parseSpec(name, data)
	return s, err
}

func parseSpec(name string, data []byte) (Spec, *decode.Decoder, error) {
	var spec Spec
	root, p := decode.Parse(data)
	if p != nil {
		return spec, nil, Errors{{File: name, Line: p.Line, Column: p.Column, Msg: p.Msg}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[TieBreak](): decodeTieBreak}
	d.Decode(root, "", &spec)
	if len(d.Problems) > 0 {
		es := make(Errors, len(d.Problems))
		for i, p := range d.Problems {
			es[i] = &Error{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg}
		}
		return spec, d, es
	}
	return spec, d, nil
}

// decodeTieBreak reads a tie-break written as a word ("more_votes") or as a
// one-key mapping ("group: II", "no_award_last_year: flag").
func decodeTieBreak(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	tb := v.Addr().Interface().(*TieBreak)
	switch n.Kind {
	case yaml.ScalarNode:
		tb.Kind = TieBreakKind(strings.TrimSpace(n.Value))
	case yaml.MappingNode:
		if len(n.Content) != 2 {
			d.Addf(n, path, "a tie-break is one word or one key with its argument, e.g. \"group: II\"")
			return
		}
		if !d.Scalar(n.Content[1], path, "the id of a group, criterion or award tier") {
			return
		}
		tb.Kind = TieBreakKind(n.Content[0].Value)
		tb.Ref = n.Content[1].Value
	default:
		d.Addf(n, path, "a tie-break is one word or one key with its argument, e.g. \"group: II\"")
	}
}
