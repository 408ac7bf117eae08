package simulation_test

import (
	"testing"

	"github.com/thidua/thidua/internal/bounded/boundedtest"
	"github.com/thidua/thidua/simulation"
)

// TestLoadModelRefusesAnInputOverTheLimit: LoadModel reads at most MaxModelBytes bytes, whatever the file is — a regular
// file one byte over, or /dev/zero, which never ends — and refuses the rest
// with an error that names the file and the limit in both languages.
func TestLoadModelRefusesAnInputOverTheLimit(t *testing.T) {
	boundedtest.Loader(t, simulation.MaxModelBytes, ".yaml", func(path string) error {
		_, err := simulation.LoadModel(path)
		return err
	})
}
