// Package boundedtest checks, in a package's tests, that a loader reads its
// input through internal/bounded: that a file one byte over the limit and
// a device that never ends (/dev/zero) are both refused as too large.
package boundedtest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
)

// Loader checks load, which reads the file at path, against its limit:
// a YAML file of limit+1 bytes (a comment) and /dev/zero (where the system
// has it) must both give a *bounded.TooLargeError naming the file and the
// limit in both languages. ext is the extension load expects (".yaml").
func Loader(t *testing.T, limit int64, ext string, load func(path string) error) {
	t.Helper()
	over := filepath.Join(t.TempDir(), "over"+ext)
	if err := os.WriteFile(over, []byte("# "+strings.Repeat("x", int(limit)-1)), 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(t.TempDir(), "zero"+ext)
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path string }{
		{"a file one byte over the limit", over},
		{"/dev/zero", zero},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				t.Skipf("%s: %v", tc.path, err)
			}
			err := load(tc.path)
			if !errors.Is(err, bounded.ErrTooLarge) {
				t.Fatalf("got %.300v, want an input too large", err)
			}
			var tl *bounded.TooLargeError
			if !errors.As(err, &tl) {
				t.Fatalf("%T is not a *bounded.TooLargeError", err)
			}
			if tl.Limit != limit {
				t.Errorf("limit %d, want %d", tl.Limit, limit)
			}
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				if text := tl.Text(tag); !strings.Contains(text, tc.path) {
					t.Errorf("%v: %q does not name the file", tag, text)
				}
			}
		})
	}
}
