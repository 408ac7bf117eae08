package history

import (
	"fmt"
	"path/filepath"
	"reflect"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/check"
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
	hooks := map[reflect.Type]decode.Hook{reflect.TypeFor[string](): fields.Text}
	h, ps := check.Read(name, data, &spec, hooks, func(read bool) (*History, []check.Problem[ctx]) {
		if !read {
			res = nil // do not load files for a history that could not be read
		}
		return build(spec, res)
	})
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return h, nil
}

// String describes the history in one line, for logs.
func (h *History) String() string {
	return fmt.Sprintf("history of %d clusters, %d units, %d mergers", len(h.spec.Clusters), len(h.spec.Units), len(h.spec.Mergers))
}
