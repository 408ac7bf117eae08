package whatif_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/whatif"
)

// TestLoadScenarioRefusesAnInputOverTheLimit: LoadScenario reads at most MaxScenarioBytes bytes,
// whatever the file is — a regular file one byte over, or /dev/zero, which
// never ends — and refuses the rest with an error that names the file and
// the limit in both languages.
func TestLoadScenarioRefusesAnInputOverTheLimit(t *testing.T) {
	over := filepath.Join(t.TempDir(), "over.yaml")
	require.NoError(t, os.WriteFile(over, []byte("# "+strings.Repeat("x", whatif.MaxScenarioBytes-1)), 0o600))
	cases := []struct{ name, path string }{
		{"a file one byte over the limit", over},
		{"/dev/zero", "/dev/zero"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				t.Skipf("%s: %v", tc.path, err)
			}
			path := tc.path
			_, err := whatif.LoadScenario(path)
			require.Error(t, err)
			assert.True(t, errors.Is(err, bounded.ErrTooLarge), "%.300v", err)
			var tl *bounded.TooLargeError
			require.True(t, errors.As(err, &tl))
			assert.Equal(t, int64(whatif.MaxScenarioBytes), tl.Limit)
			assert.Contains(t, tl.Text(lang.Vietnamese), path)
			assert.Contains(t, tl.Text(lang.English), path)
		})
	}
}
