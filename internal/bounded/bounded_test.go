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

// lyingLen is a reader whose Len says less, or more, than it holds.
type lyingLen struct {
	r   *strings.Reader
	len int
}

func (l lyingLen) Read(p []byte) (int, error) { return l.r.Read(p) }
func (l lyingLen) Len() int                   { return l.len }

// A size hint sizes the buffer, never the input: a reader that says less
// than it holds is read to its end, and the limit holds whatever it says.
func TestReadSizeHintIsOnlyAHint(t *testing.T) {
	text := strings.Repeat("0123456789", 100)
	for _, n := range []int{0, 1, 10, 999, 1000, 1001, 1 << 20} {
		data, err := Read("r", lyingLen{strings.NewReader(text), n}, 2000)
		if err != nil || string(data) != text {
			t.Errorf("Len %d: got %d bytes, %v", n, len(data), err)
		}
		if _, err := Read("r", lyingLen{strings.NewReader(text), n}, 999); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Len %d, limit 999: got %v, want ErrTooLarge", n, err)
		}
	}
	if got := SizeHint(lyingLen{strings.NewReader(""), 1 << 30}, 4096); got != 4096 {
		t.Errorf("SizeHint = %d, want the limit, 4096", got)
	}
}

// A regular file is read into a buffer of its size, in two reads: one
// for its bytes, one that finds the end.
func TestReadFileSized(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	text := strings.Repeat("x", 6751)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := SizeHint(f, 1<<20); got != int64(len(text)) {
		t.Errorf("SizeHint = %d, want %d", got, len(text))
	}
	c := &countingReader{r: f}
	data, err := readAll(c, SizeHint(f, 1<<20))
	if err != nil || string(data) != text || c.reads != 2 {
		t.Errorf("%d bytes in %d reads, %v; want %d in 2", len(data), c.reads, err, len(text))
	}
}

type countingReader struct {
	r     *os.File
	reads int
}

func (c *countingReader) Read(p []byte) (int, error) { c.reads++; return c.r.Read(p) }

// ReadFileInto reads into the buffer given, growing it for a larger file,
// and keeps to the limit whatever the buffer's size.
func TestReadFileInto(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 10000, 70000} {
		path := filepath.Join(dir, "f")
		text := strings.Repeat("y", size)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range []int{0, 100, 4096, 8192} {
			buf := make([]byte, 3, c+3)
			data, err := ReadFileInto(path, 1<<20, buf[:0])
			if err != nil || string(data) != text {
				t.Errorf("size %d, buffer %d: %d bytes, %v", size, c, len(data), err)
			}
			if c+3 > size && c+3 >= 4096 && size > 0 && &data[0] != &buf[:1][0] {
				t.Errorf("size %d, buffer %d: not read into the buffer", size, c)
			}
			if _, err := ReadFileInto(path, int64(size)-1, buf[:0]); size > 0 && !errors.Is(err, ErrTooLarge) {
				t.Errorf("size %d, buffer %d, limit %d: got %v, want ErrTooLarge", size, c, size-1, err)
			}
		}
	}
	if _, err := ReadFileInto(filepath.Join(dir, "none"), 10, nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
