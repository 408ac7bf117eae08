package whatif_test

import (
	"testing"

	"github.com/thidua/thidua/internal/bounded/boundedtest"
	"github.com/thidua/thidua/whatif"
)

// TestLoadScenarioRefusesAnInputOverTheLimit: LoadScenario reads at most MaxScenarioBytes bytes, whatever the file is — a regular
// file one byte over, or /dev/zero, which never ends — and refuses the rest
// with an error that names the file and the limit in both languages.
func TestLoadScenarioRefusesAnInputOverTheLimit(t *testing.T) {
	boundedtest.Loader(t, whatif.MaxScenarioBytes, ".yaml", func(path string) error {
		_, err := whatif.LoadScenario(path)
		return err
	})
}
