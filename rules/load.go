package rules

import (
	"cmp"
	"errors"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/lang"
)

// MaxBytes is the largest rulebook file Load reads: 4 MiB. A rulebook is a
// few kilobytes (a hundred criteria are some 20 KB); the limit leaves room
// for the largest while keeping a device or a runaway file (/dev/zero)
// from exhausting memory.
const MaxBytes = 4 << 20

// Load reads a rulebook from a YAML or JSON file. See Parse. It reads at
// most MaxBytes, whatever the file is (a device, a pipe): a larger one is
// refused with a *bounded.TooLargeError (errors.Is bounded.ErrTooLarge),
// which writes itself in Vietnamese or English.
func Load(path string) (*Rulebook, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a rulebook from YAML or JSON (JSON is read as YAML, which it
// is a subset of, after a check of its JSON syntax) and validates it. name is
// used in error messages. Unknown keys, malformed numbers and every
// validation problem are reported together, as Errors, each with the file,
// line and key path; a problem that only follows from a value that could not
// be read is not reported again. A file holds one document; a null value
// (null, ~, nothing) means the key was not given.
//
// A weight written as 0 is an error here (in a Spec built in Go, a zero
// weight means 1): in a file, omit the key for weight 1.
func Parse(name string, data []byte) (*Rulebook, error) {
	spec, d, err := parseSpec(name, data)
	if d == nil {
		return nil, err // not even a document
	}
	var all Errors
	errors.As(err, &all)
	var es Errors
	var rb *Rulebook
	if deep := depthErrors(spec.Criteria); len(deep) > 0 {
		// Too deep to validate. Problems found deeper still (by the
		// decoder, which has its own limit) are part of the same problem.
		all = slices.DeleteFunc(all, func(e *Error) bool { return below(e.Path, deep) })
		es = deep
	} else {
		es = zeroWeights(spec.Criteria, "criteria", d)
		rb, err = New(spec)
		var ves Errors
		if errors.As(err, &ves) {
			es = append(es, ves...)
		}
	}
	unread := newUnreadable(all)
	for _, e := range es {
		if unread.knockOn(e.Path) {
			continue // a consequence of a value that could not be read
		}
		e.File = name
		e.Line, e.Column = d.Line(e.Path)
		all = append(all, e)
	}
	if len(all) > 0 {
		slices.SortStableFunc(all, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
		return nil, all
	}
	return rb, nil
}

// zeroWeights reports the criteria whose weight is written as 0 (or 0.0):
// New reads a zero weight as "not given", that is 1, which is not what the
// file says.
func zeroWeights(cs []Criterion, path string, d *decode.Decoder) Errors {
	var es Errors
	for i := range cs {
		p := indexPath(path, i)
		if wp := p + ".weight"; cs[i].Weight.IsZero() && d.Has(wp) && !d.Null(wp) {
			es = append(es, newError(wp, lang.Msg("rules.criterion.weight_zero", q(cs[i].ID))))
		}
		es = append(es, zeroWeights(cs[i].Children, p+".children", d)...)
	}
	return es
}

// unreadable is the set of key paths whose values could not be read.
type unreadable struct {
	all     bool            // the document as a whole could not be read
	at      map[string]bool // the paths of the decoding problems
	parents map[string]bool // the paths of the mappings and lists holding them
}

func newUnreadable(problems Errors) unreadable {
	u := unreadable{at: map[string]bool{}, parents: map[string]bool{}}
	for _, p := range problems {
		u.all = u.all || p.Path == ""
		u.at[p.Path] = true
		u.parents[parentPath(p.Path)] = true
	}
	return u
}

// knockOn reports whether a validation problem at path is a consequence of
// a decoding problem: it is at or inside a value that could not be read, or
// at the mapping that holds one (a count that could not be read is not also
// "missing" from its award tier). A problem with the whole document (path
// "") covers everything. The cost is in the length of path, not in the
// number of problems.
func (u unreadable) knockOn(path string) bool {
	if u.all || u.parents[path] {
		return true
	}
	for p := path; ; p = parentPath(p) {
		if u.at[p] {
			return true
		}
		if p == "" {
			return false
		}
	}
}

// below reports whether path is, or is inside, the path of one of es.
func below(path string, es Errors) bool {
	for _, e := range es {
		if path == e.Path || strings.HasPrefix(path, e.Path+".") || strings.HasPrefix(path, e.Path+"[") {
			return true
		}
	}
	return false
}

// parentPath returns the path of the mapping or list holding path:
// "awards" for "awards[2]", "awards[2]" for "awards[2].count", "" for "id".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
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
		return spec, nil, Errors{{File: name, Line: p.Line, Column: p.Column, Msg: p.Msg, Message: p.Message}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[TieBreak](): decodeTieBreak}
	d.Hooks[reflect.TypeFor[LegalRef]()] = decodeLegalRef
	d.Decode(root, "", &spec)
	if len(d.Problems) > 0 {
		es := make(Errors, len(d.Problems))
		for i, p := range d.Problems {
			es[i] = &Error{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg, Message: p.Message}
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
			d.Add(n, path, lang.Msg("rules.tie.shape"))
			return
		}
		if d.Tagged(n.Content[0], path) || !d.ScalarMsg(n.Content[1], path, lang.Msg("rules.want.tie_ref")) {
			return
		}
		tb.Kind = TieBreakKind(n.Content[0].Value)
		tb.Ref = n.Content[1].Value
	default:
		d.Add(n, path, lang.Msg("rules.tie.shape"))
	}
}
