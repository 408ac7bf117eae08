package bounded

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		limit   int64
		tooLong bool
	}{{5, false}, {6, false}, {4, true}, {0, true}} {
		data, err := ReadFile(small, tc.limit)
		if tc.tooLong {
			var te *TooLargeError
			if !errors.As(err, &te) || te.Limit != tc.limit || te.Path != small || !errors.Is(err, ErrTooLarge) {
				t.Errorf("limit %d: got %v, want a TooLargeError", tc.limit, err)
			}
			continue
		}
		if err != nil || string(data) != "12345" {
			t.Errorf("limit %d: got %q, %v", tc.limit, data, err)
		}
	}
}

// A device reports size 0 to Stat and never ends: the limit still holds.
func TestReadFileDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	_, err := ReadFile("/dev/zero", 1<<20)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("/dev/zero: got %v, want ErrTooLarge", err)
	}
}

func TestTooLargeText(t *testing.T) {
	e := &TooLargeError{Path: "r.yaml", Limit: 4096}
	for _, tc := range []struct {
		tag  lang.Tag
		want string
	}{{lang.English, "r.yaml: the file is larger than the limit of 4096 bytes"}, {lang.Vietnamese, "r.yaml: tệp lớn hơn giới hạn 4096 byte"}} {
		if got := e.Text(tc.tag); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.tag, got, tc.want)
		}
	}
	if !strings.Contains(e.Error(), "4096") {
		t.Errorf("Error() = %q", e.Error())
	}
}
