package history

import (
	"cmp"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
)

// MaxBytes is the largest history file Load reads: 8 MiB. A history lists
// clusters, units, mergers and each year's recorded awards, and refers to
// the rulebooks and score sheets rather than holding them: decades of a
// province's clusters are a few hundred kilobytes. The limit keeps a device
// or a runaway file (/dev/zero) from exhausting memory.
const MaxBytes = 8 << 20

// Load reads a history file (YAML or JSON), validates it, loads the
// rulebooks and score sheets it refers to (paths relative to the file),
// ranks each year's sheet in year order — feeding the rulebook's history
// tie-break (no_award_last_year) and the cluster's streak facts from the
// years before — and checks the recorded awards against the ranking. Every
// problem is reported, as Errors, with the file, line, key path, cluster,
// year and member.
//
// It reads at most MaxBytes of the history file, whatever the file is (a
// device, a pipe): a larger one is refused with a *bounded.TooLargeError
// (errors.Is bounded.ErrTooLarge), which writes itself in Vietnamese or
// English. The rulebooks and score sheets it refers to have their own
// limits (rules.MaxBytes and the sheets').
func Load(path string) (*History, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return parse(path, data, &resolver{dir: filepath.Dir(path), file: path})
}

// Parse reads a history from YAML or JSON and validates it, without
// reading the files it refers to (see Load). name is used in error
// messages. Unknown keys, malformed values and every validation problem
// are reported together, as Errors.
func Parse(name string, data []byte) (*History, error) {
	return parse(name, data, nil)
}

func parse(name string, data []byte, res *resolver) (*History, error) {
	var spec Spec
	root, p := decode.Parse(data)
	if p != nil {
		return nil, Errors{{File: name, Line: p.Line, Column: p.Column, Msg: p.Msg, Message: p.Message}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[string](): fields.Text}
	d.Decode(root, "", &spec)
	var all Errors
	for _, p := range d.Problems {
		all = append(all, &Error{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg, Message: p.Message})
	}
	if len(all) > 0 {
		res = nil // do not load files for a history that could not be read
	}
	h, es := build(spec, res)
	problems := all // the values that could not be read
	for _, e := range es {
		if knockOn(e.Path, problems) {
			continue
		}
		e.File = name
		e.Line, e.Column = d.Line(e.Path)
		all = append(all, e)
	}
	if len(all) > 0 {
		slices.SortStableFunc(all, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
		return nil, all
	}
	return h, nil
}

// String describes the history in one line, for logs.
func (h *History) String() string {
	return fmt.Sprintf("history of %d clusters, %d units, %d mergers", len(h.spec.Clusters), len(h.spec.Units), len(h.spec.Mergers))
}

// knockOn reports whether a problem at path follows from a value that
// could not be read (see decode.Covered).
func knockOn(path string, problems Errors) bool {
	unreadable := make([]string, len(problems))
	for i, p := range problems {
		unreadable[i] = p.Path
	}
	return decode.Covered(path, unreadable)
}
