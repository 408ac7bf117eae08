package rules

import (
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Error is one problem with a rulebook: where it is (file, line, column and
// the key path inside the document) and what is wrong.
//
// Msg is the problem in English. Message is the same sentence kept as a
// catalogue key and its values, so that it can be written in Vietnamese
// (Text); Msg is Message.In(lang.English). Message.Key is a stable code a
// program can switch on instead of matching the English text:
// "rules.criterion.max" (a criterion without a positive maximum),
// "rules.id.duplicate_at", "decode.unknown_key" (a key the format does not
// have), "decode.syntax" (the YAML parser's own error), … — keys starting
// "rules." are the rulebook's own problems, "decode." the file's (syntax,
// unknown or duplicate keys, values of the wrong kind). An Error built by
// hand may have no Message; Text then writes Msg.
type Error struct {
	File    string // file name, if the rulebook was read from one
	Line    int    // 1-based; 0 if unknown (a rulebook built in Go)
	Column  int
	Path    string // key path, e.g. "criteria[1].children[0].max"
	Msg     string
	Message lang.Message
}

func (e *Error) Error() string { return e.location() + e.Msg }

// Text writes the problem as Error does, with its message in the language:
// "r.yaml:12:7: criteria[0].max: tiêu chí "a": điểm tối đa phải lớn hơn
// 0, nhận được -5". The file, position and key path are written as they
// are. Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string {
	if t == lang.English {
		return e.Error()
	}
	return e.Located().In(t)
}

// Located returns the whole problem — its location and its message — as
// one message, to nest in another problem (a history's rulebook).
func (e *Error) Located() lang.Message {
	return problem.At(e.location(), nil, problem.Body(e.Message, e.Msg))
}

// location writes "file:line:column: path: ", each part only if known.
func (e *Error) location() string { return problem.Prefix(e.File, e.Line, e.Column, e.Path) }

// newError returns a problem at path with the message m.
func newError(path string, m lang.Message) *Error {
	return &Error{Path: path, Msg: m.In(lang.English), Message: m}
}

// Errors is every problem found in a rulebook, in document order. Load,
// Parse and New return it (as an error) when a rulebook is invalid; use
// errors.As to get at the individual problems.
type Errors []*Error

func (es Errors) Error() string { return problem.Lines(es, (*Error).Error) }

// Text writes every problem in the language, one a line, as Error does.
// Text(lang.English) is Error().
func (es Errors) Text(t lang.Tag) string {
	return problem.Lines(es, func(e *Error) string { return e.Text(t) })
}

// Unwrap returns the individual errors.
func (es Errors) Unwrap() []error { return problem.Unwrap(es) }

// valueError is a value that cannot be read (a share, a date). Its text is
// its message in English; Message gives the message, so that the decoder
// can keep it and the problem be written in Vietnamese.
type valueError struct{ msg lang.Message }

func (e *valueError) Error() string { return e.msg.In(lang.English) }

// Message returns the problem as a message, to be written in a language.
func (e *valueError) Message() lang.Message { return e.msg }
