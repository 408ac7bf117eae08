package history

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/decode"
)

// Load reads a history file (YAML or JSON), validates it, loads the
// rulebooks and score sheets it refers to (paths relative to the file),
// ranks each year's sheet in year order — feeding the rulebook's history
// tie-break (no_award_last_year) and the cluster's streak facts from the
// years before — and checks the recorded awards against the ranking. Every
// problem is reported, as Errors, with the file, line, key path, cluster,
// year and member.
func Load(path string) (*History, error) {
	data, err := os.ReadFile(path)
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
		return nil, Errors{{File: name, Line: p.Line, Column: p.Column, Msg: p.Msg}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[string](): decodeText}
	d.Decode(root, "", &spec)
	var all Errors
	for _, p := range d.Problems {
		all = append(all, &Error{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg})
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

// decodeText reads a text, normalised to NFC (Vietnamese text may come
// decomposed from some editors), with surrounding spaces removed. A null is
// an empty text.
func decodeText(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		v.SetString("")
		return
	}
	if !d.Scalar(n, path, "a text") {
		return
	}
	v.SetString(norm.NFC.String(strings.TrimSpace(n.Value)))
}

// knockOn reports whether a validation problem at path follows from one
// of the decoding problems: it is at or inside a value that could not be
// read, or at the mapping that holds one.
func knockOn(path string, problems Errors) bool {
	for _, p := range problems {
		if p.Path == "" || path == p.Path || path == parentPath(p.Path) ||
			strings.HasPrefix(path, p.Path+".") || strings.HasPrefix(path, p.Path+"[") {
			return true
		}
	}
	return false
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// String describes the history in one line, for logs.
func (h *History) String() string {
	return fmt.Sprintf("history of %d clusters, %d units, %d mergers", len(h.spec.Clusters), len(h.spec.Units), len(h.spec.Mergers))
}
