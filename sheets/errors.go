package sheets

import (
	"errors"
	"io"
	"os"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// inputError builds a problem from its message, with Msg in English.
func inputError(file string, line int, member, key string, m lang.Message) *scoring.InputError {
	return &scoring.InputError{File: file, Line: line, Member: member, Criterion: key, Msg: m.In(lang.English), Message: m}
}

// atPath builds a problem found at a key path of a JSON or YAML document
// (the decoder's problem: its message and its English text).
func atPath(file string, line int, path string, m lang.Message, en string) *scoring.InputError {
	return &scoring.InputError{File: file, Line: line, Where: path, Msg: en, Message: m}
}

// tooLarge is the problem of a file larger than MaxBytes.
func tooLarge(file string) *scoring.InputError {
	return inputError(file, 0, "", "", lang.Msg("sheet.too_large", MaxBytes))
}

// readBounded reads r through the bounded reader, at most MaxBytes of it:
// a larger input is the located problem "sheet.too_large", whatever r is
// (a file, a device, a pipe, standard input).
func readBounded(name string, r io.Reader) ([]byte, error) {
	if n := sizeHint(r); n > 0 {
		// The same reading, into a buffer of the size r says it has, so
		// that a large sheet is not copied again and again as it grows.
		data, err := readAll(io.LimitReader(r, MaxBytes+1), n+1)
		switch {
		case err != nil:
			return nil, err
		case len(data) > MaxBytes:
			return nil, scoring.InputErrors{tooLarge(name)}
		}
		return data, nil
	}
	data, err := bounded.Read(name, r, MaxBytes)
	if errors.Is(err, bounded.ErrTooLarge) {
		return nil, scoring.InputErrors{tooLarge(name)}
	}
	return data, err
}

// sizeHint is the number of bytes r says it holds (a reader of bytes or
// text, a regular file), at most MaxBytes, or 0 if it says nothing. It is
// only a hint for a buffer's size: the reading is bounded all the same.
func sizeHint(r io.Reader) int {
	n := int64(0)
	switch x := r.(type) {
	case interface{ Len() int }:
		n = int64(x.Len())
	case *os.File:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	return int(min(max(n, 0), MaxBytes))
}

// readAll is io.ReadAll into a buffer of capacity size to start with.
func readAll(r io.Reader, size int) ([]byte, error) {
	b := make([]byte, 0, size)
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
