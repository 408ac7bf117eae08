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
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f, limit)
}

// Read reads r, at most limit bytes of it, as ReadFile does; name is the
// input's name in the error.
func Read(name string, r io.Reader, limit int64) ([]byte, error) {
	if limit < 0 {
		limit = 0
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: name, Limit: limit}
	}
	return data, nil
}
