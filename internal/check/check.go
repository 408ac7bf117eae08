// Package check is what the packages that validate a file of their own
// (history, covenant, province, titles) share: a validator that collects
// problems with what each concerns, the check of an id, and the reading
// of a file into a spec, whose problems are then placed at their line.
//
// A problem is kept as a Problem until its package makes it its own error
// (history.Error, covenant.Error, …), with the file, line and column known.
package check

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Problem is one problem with a file or a spec: where it is (file, line,
// column, key path), the year of the spec (for a spec of one year), what
// it concerns (X: the package's cluster, member, party, …) and what is
// wrong. Msg is Message in English (a decoding problem's own Msg).
type Problem[X any] struct {
	File         string
	Line, Column int
	Path         string
	Year         int
	About        X
	Msg          string
	Message      lang.Message
}

// Validator collects the problems found in a spec, in the order found.
type Validator[X any] struct {
	ids  IDKeys
	year int
	// Problems is what was found.
	Problems []Problem[X]
}

// IDKeys are the catalogue keys of a package's problems with an id: one
// missing, and one malformed (its {0} is the id, quoted); each message has
// what the id identifies as its part.
type IDKeys struct {
	Missing, Malformed string
}

// New returns a validator for a package whose id problems have the keys
// ids, of a spec of the year (0 if the spec is not of one year): every
// problem it adds is of that year.
func New[X any](ids IDKeys, year int) *Validator[X] {
	return &Validator[X]{ids: ids, year: year}
}

// Failed reports whether a problem was found.
func (v *Validator[X]) Failed() bool { return len(v.Problems) > 0 }

// Add records a problem at path about x, with the message m.
func (v *Validator[X]) Add(path string, x X, m lang.Message) {
	v.Problems = append(v.Problems, Problem[X]{Path: path, Year: v.year, About: x, Msg: m.In(lang.English), Message: m})
}

// Nested adds one problem per error of err (a file the spec refers to, or
// one it builds), keeping the error's own file and line in the message:
// m is the message, the error its last part.
func (v *Validator[X]) Nested(path string, x X, m lang.Message, err error) {
	for _, e := range problem.Flatten(err) {
		v.Add(path, x, m.With(problem.Of(e)))
	}
}

// ID checks an id at path, adding a problem about x if it is missing or
// has surrounding spaces, a comma or a line break (the validator's
// IDKeys); what names the kind of thing it identifies.
func (v *Validator[X]) ID(id, path string, what lang.Message, x X) bool {
	switch {
	case strings.TrimSpace(id) == "":
		v.Add(path, x, lang.Msg(v.ids.Missing).With(what))
		return false
	case strings.TrimSpace(id) != id || strings.ContainsAny(id, ",\n\r\t"):
		v.Add(path, x, lang.Msg(v.ids.Malformed, strconv.Quote(id)).With(what))
		return false
	}
	return true
}

// Errors makes each problem the package's error with mk.
func Errors[X any, E problem.Texter](ps []Problem[X], mk func(Problem[X]) E) problem.List[E] {
	out := make(problem.List[E], len(ps))
	for i, p := range ps {
		out[i] = mk(p)
	}
	return out
}

// Read decodes data (YAML or JSON, from the file name) into spec, a
// pointer, with the hooks, then builds what it describes with build, told
// whether every value could be read. It returns what build made, or
// (with a zero T) every problem: those of decoding, then those of build
// that do not follow from a value that could not be read
// (decode.Covered), each placed in the file at the line of its key path,
// all in line order.
func Read[T, X any](name string, data []byte, spec any, hooks map[reflect.Type]decode.Hook, build func(read bool) (T, []Problem[X])) (T, []Problem[X]) {
	var zero T
	root, p := decode.Parse(data)
	if p != nil {
		return zero, []Problem[X]{{File: name, Line: p.Line, Column: p.Column, Msg: p.Msg, Message: p.Message}}
	}
	d := decode.New()
	d.Hooks = hooks
	d.Decode(root, "", spec)
	all := make([]Problem[X], 0, len(d.Problems))
	unreadable := make([]string, 0, len(d.Problems))
	for _, p := range d.Problems {
		all = append(all, Problem[X]{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg, Message: p.Message})
		unreadable = append(unreadable, p.Path)
	}
	t, found := build(len(all) == 0)
	for _, e := range found {
		if decode.Covered(e.Path, unreadable) {
			continue
		}
		e.File = name
		e.Line, e.Column = d.Line(e.Path)
		all = append(all, e)
	}
	if len(all) > 0 {
		slices.SortStableFunc(all, func(a, b Problem[X]) int { return cmp.Compare(a.Line, b.Line) })
		return zero, all
	}
	return t, nil
}
