// Package bounded reads the program's input files with a size limit that
// holds whatever the file is: a regular file, a device (/dev/zero), a FIFO
// or standard input. It never trusts Stat: it reads at most limit+1 bytes
// and refuses the input if the last one arrives.
package bounded

import (
	"errors"
	"io"
	"os"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// TooLargeError reports an input larger than its limit.
type TooLargeError struct {
	Path  string // the file as named by the caller
	Limit int64  // the limit in bytes
}

// Error writes the problem in English.
func (e *TooLargeError) Error() string { return e.Located().In(lang.English) }

// Text writes the problem in the language.
func (e *TooLargeError) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the problem as one message, its file first.
func (e *TooLargeError) Located() lang.Message {
	return problem.At(problem.Prefix(e.Path, 0, 0, ""), nil, lang.Msg("file.too_large", e.Limit))
}

// ErrTooLarge is what a TooLargeError is (errors.Is).
var ErrTooLarge = errors.New("input larger than its limit")

// Is reports whether target is ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// ReadFile reads the named file, at most limit bytes of it. A file with
// more is refused with a *TooLargeError, having read limit+1 bytes only.
// The size Stat gives a regular file is the size of the buffer it reads
// into, so that the file is read in one go rather than in ever larger
// pieces; it is only a hint, never a limit: a file that grows is read to
// its end all the same, and a device or a FIFO, whose size says nothing,
// is read as Read reads any reader.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f, limit)
}

// ReadFileInto reads the named file as ReadFile does, into buf (from its
// start), which grows if the file is larger: a caller that reads many
// files one after the other reuses one buffer. A buf of less than 4 KiB is
// replaced by a buffer of the file's size (see SizeHint); a larger one is
// read into without asking the file its size. What it returns is buf's,
// or the new buffer's, bytes.
func ReadFileInto(path string, limit int64, buf []byte) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if limit < 0 {
		limit = 0
	}
	if cap(buf) < 4096 {
		if hint := SizeHint(f, limit); int64(cap(buf)) <= hint {
			buf = make([]byte, 0, hint+1)
		}
	}
	data, err := readInto(io.LimitReader(f, limit+1), buf[:0])
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	return data, nil
}

// Read reads r, at most limit bytes of it, as ReadFile does; name is the
// input's name in the error. A reader that says how much it holds (a
// regular file, a reader of bytes or text, with a Len method) is read into
// a buffer of that size (see SizeHint).
func Read(name string, r io.Reader, limit int64) ([]byte, error) {
	if limit < 0 {
		limit = 0
	}
	data, err := readAll(io.LimitReader(r, limit+1), SizeHint(r, limit))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: name, Limit: limit}
	}
	return data, nil
}

// SizeHint is the number of bytes r says it holds, at most limit: the
// length of a reader with a Len method (bytes.Reader, strings.Reader,
// bytes.Buffer), or the size of a regular file (*os.File); 0 if r says
// nothing, as a device, a FIFO or standard input does not. It is only a
// hint for the size of a buffer, never a limit.
func SizeHint(r io.Reader, limit int64) int64 {
	n := int64(0)
	switch x := r.(type) {
	case interface{ Len() int }:
		n = int64(x.Len())
	case *os.File:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	return min(max(n, 0), max(limit, 0))
}

// readAll is io.ReadAll into a buffer sized for hint bytes and one more,
// the one that finds the end: a reader of hint bytes is read in two calls,
// the second saying it has no more. Without a hint the buffer starts at
// 512 bytes and grows as io.ReadAll's does.
func readAll(r io.Reader, hint int64) ([]byte, error) {
	return readInto(r, make([]byte, 0, max(hint+1, 512)))
}

// readInto is readAll into b (from its length on), which grows as it
// must.
func readInto(r io.Reader, b []byte) ([]byte, error) {
	if cap(b) == len(b) {
		b = append(b, 0)[:len(b)]
	}
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append grow it
		}
	}
}
