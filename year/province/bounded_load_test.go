package province_test

import (
	"testing"

	"github.com/thidua/thidua/internal/bounded/boundedtest"
	"github.com/thidua/thidua/year/province"
)

// TestLoadRefusesAnInputOverTheLimit: Load reads at most MaxBytes bytes, whatever the file is — a regular
// file one byte over, or /dev/zero, which never ends — and refuses the rest
// with an error that names the file and the limit in both languages.
func TestLoadRefusesAnInputOverTheLimit(t *testing.T) {
	boundedtest.Loader(t, province.MaxBytes, ".yaml", func(path string) error {
		_, err := province.Load(path)
		return err
	})
}
