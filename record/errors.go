package record

import (
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Error is a problem with a record, a key file or a request to seal: where
// it is (file, line, column counting bytes, key path) if it concerns a
// file, and what is wrong. Message.Key is a stable code ("record.err.*" for
// a record that cannot be read, "record.json.*" for its JSON syntax,
// "record.key.*" for key files, "record.seal.*" for Seal).
type Error struct {
	File    string
	Line    int
	Column  int
	Path    string // key path in the record, e.g. "result.rows[2].total"
	Message lang.Message
}

func newError(file string, m lang.Message) *Error { return &Error{File: file, Message: m} }

// Error writes the problem in English.
func (e *Error) Error() string { return e.Text(lang.English) }

// Text writes the problem in the language, its location first.
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the problem and its location as one message.
func (e *Error) Located() lang.Message {
	return problem.At(problem.Prefix(e.File, e.Line, e.Column, e.Path), nil, e.Message)
}

// Errors is every problem found in a record, in document order.
type Errors []*Error

// Error writes every problem in English, one a line.
func (es Errors) Error() string { return problem.Lines(es, (*Error).Error) }

// Text writes every problem in the language, one a line.
func (es Errors) Text(t lang.Tag) string {
	return problem.Lines(es, func(e *Error) string { return e.Text(t) })
}

// Unwrap returns the individual problems.
func (es Errors) Unwrap() []error { return problem.Unwrap(es) }
