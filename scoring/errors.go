package scoring

import (
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// InputError is one problem with a score sheet: where the row is, which
// member and criterion (or item, fact) it concerns, and what was expected
// and found.
//
// Msg is the problem in English, as Error() writes it after the location.
// Message is the same problem as a lang.Message, so that Text can write it
// in Vietnamese too; Message.Key is a stable code a program can switch on
// ("input.value.above_max", "csv.row.needs", "fields.decimal", …: see the
// "input.", "csv.", "sheet." and "fields." keys of the lang catalogue, and
// "decode." for a JSON or YAML file that cannot be decoded) instead of
// matching the English text, which may be reworded. The library's
// packages set both, with Msg equal to Message.In(lang.English). An
// InputError built without a Message (by hand) is written as Msg in every
// language.
type InputError struct {
	File      string
	Line      int    // 0 if unknown
	Member    string // member id, if the problem concerns one
	Criterion string // criterion, item or fact id, if the problem concerns one
	// Where is a place inside the file, written as it is in every
	// language: the key path in a JSON or YAML sheet ("scores[3].value"),
	// the cells of a workbook ("Bảng điểm!D14"), a scenario's edit
	// ("set_score"). Empty if the line says enough.
	Where   string
	Msg     string
	Message lang.Message
}

// Error writes the problem in English: its location (file, line, member,
// criterion, place in the file) and Msg.
func (e *InputError) Error() string {
	return e.prefix("member "+printable(e.Member)+": ") + e.Msg
}

// prefix writes the problem's location, with member written for the
// member (if there is one).
func (e *InputError) prefix(member string) string {
	s := problem.Prefix(e.File, e.Line, 0, "")
	if e.Member != "" {
		s += member
	}
	return s + e.rest()
}

// rest is the location after the member: criterion and place in the file.
func (e *InputError) rest() string {
	var s string
	if e.Criterion != "" {
		s = printable(e.Criterion) + ": "
	}
	if e.Where != "" {
		s += e.Where + ": "
	}
	return s
}

// Text writes the problem in the language, on one line, with its location
// first as Error() writes it: "scores.csv:7: đơn vị SCT: 1.1: 10,5 điểm
// vượt điểm tối đa 10". File, line, member and criterion ids are written
// as they are (an id with a control, invisible or special space character
// is quoted as Go quotes it, so that the character is not written out);
// "member" is "đơn vị" in Vietnamese. Text(lang.English) is
// Error().
func (e *InputError) Text(t lang.Tag) string {
	if t == lang.English {
		return e.Error()
	}
	return e.Located().In(t)
}

// Located returns the whole problem — its location and its message — as
// one message, to nest in another problem (a history's sheet).
func (e *InputError) Located() lang.Message {
	return problem.AtMember(problem.Prefix(e.File, e.Line, 0, ""), printable(e.Member), e.rest(), problem.Body(e.Message, e.Msg))
}

// InputErrors is every problem found in a sheet. Score returns it (as an
// error) when a sheet is invalid; use errors.As to get the individual ones.
type InputErrors []*InputError

// Error writes every problem in English, one per line.
func (es InputErrors) Error() string { return problem.Lines(es, (*InputError).Error) }

// Text writes every problem in the language, one per line, as Error() does
// in English.
func (es InputErrors) Text(t lang.Tag) string {
	return problem.Lines(es, func(e *InputError) string { return e.Text(t) })
}

// Unwrap returns the individual errors.
func (es InputErrors) Unwrap() []error { return problem.Unwrap(es) }

// inputError builds a problem from its message, with Msg in English.
func inputError(src Source, member, crit string, m lang.Message) *InputError {
	return &InputError{File: src.File, Line: src.Line, Member: member, Criterion: crit, Msg: m.In(lang.English), Message: m}
}
