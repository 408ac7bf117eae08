package xlsx

import (
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// problem is an error of the reader's own (a value it cannot read, a key
// of a mapping it does not know, a file beyond a limit), stated as a
// message so that it can be written in Vietnamese. Error() is the message
// in English; Message makes it a message fields.MessageOf finds.
type problem struct{ msg lang.Message }

func (e *problem) Error() string { return e.msg.In(lang.English) }

// Message returns the problem as a message.
func (e *problem) Message() lang.Message { return e.msg }

// newProblem returns m as an error.
func newProblem(m lang.Message) error { return &problem{m} }

// messageOf is the message of an error the reader meets: the message of a
// *problem or a *fields.Error, else the error's text as it is (an error of
// another package, which states it in English only).
func messageOf(err error) lang.Message {
	if m, ok := fields.MessageOf(err); ok {
		return m
	}
	return lang.Msg("xlsx.error", err.Error())
}

// inputError builds a problem of the workbook; where is the sheet or cell
// it is about ("Bảng điểm!D14"), or "".
func inputError(file string, line int, member, criterion, where string, m lang.Message) *scoring.InputError {
	return &scoring.InputError{File: file, Line: line, Member: member, Criterion: criterion, Where: where, Msg: m.In(lang.English), Message: m}
}
