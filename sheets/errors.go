package sheets

import (
	"errors"
	"io"

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
// (a file, a device, a pipe, standard input). A reader that says its size
// (a regular file, a reader of bytes) is read into a buffer of that size
// (bounded.SizeHint).
func readBounded(name string, r io.Reader) ([]byte, error) {
	data, err := bounded.Read(name, r, MaxBytes)
	if errors.Is(err, bounded.ErrTooLarge) {
		return nil, scoring.InputErrors{tooLarge(name)}
	}
	return data, err
}
