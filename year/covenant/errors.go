package covenant

import (
	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Error is one problem with a covenant, or with a covenant used with a
// rulebook or sheet: where it is (file, line, key path) and which party,
// criterion and year it concerns.
//
// Msg is the problem in English. Message is the same sentence kept as a
// catalogue key and its values, so that it can be written in Vietnamese
// (Text); Msg is Message.In(lang.English). Message.Key is a stable code a
// program can switch on instead of matching the English text, which may be
// reworded: "covenant.err.party.unknown", "covenant.err.target.negative",
// "covenant.err.report.none" (Progress asked for a report the covenant
// does not have), … (the "covenant.err." keys of the lang catalogue), or
// "decode.unknown_key", "decode.syntax", … for a file that cannot be
// decoded. An Error built by hand may have no Message; Text then writes
// Msg.
type Error struct {
	File      string
	Line      int // 0 if unknown
	Column    int
	Path      string
	Year      int
	Party     string
	Criterion string
	Msg       string
	Message   lang.Message
}

// Error reads "file:line:col: path: where: message", leaving out what is
// unknown: Located in English.
func (e *Error) Error() string { return e.Located().In(lang.English) }

// Text writes the problem as Error does, in the language: "c.yaml:31:9:
// targets[4].value: năm 2021, bên ký kết SCT, tiêu chí hs: chỉ tiêu không
// được âm, nhận được -5". The file, position, key path and ids are written
// as they are; the year is "năm 2021", "party" "bên ký kết" and
// "criterion" "tiêu chí" in Vietnamese. Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the whole problem — its location and its message — as
// one message: what Text writes, to keep or to nest in another message.
func (e *Error) Located() lang.Message {
	var where []lang.Message
	if e.Year != 0 {
		where = append(where, lang.Msg("covenant.err.where.year", e.Year))
	}
	if e.Party != "" {
		where = append(where, lang.Msg("covenant.err.where.party", e.Party))
	}
	if e.Criterion != "" {
		where = append(where, lang.Msg("covenant.err.where.criterion", e.Criterion))
	}
	return problem.At(problem.Prefix(e.File, e.Line, e.Column, e.Path), where, problem.Body(e.Message, e.Msg))
}

// Errors is every problem found, in line order: its Error and Text write
// them one a line, and Unwrap returns them, for errors.As.
type Errors = problem.List[*Error]

type ctx struct {
	party, criterion string
}

type validator = check.Validator[ctx]

// errorsOf makes each problem found an Error.
func errorsOf(ps []check.Problem[ctx]) Errors {
	return check.Errors(ps, func(p check.Problem[ctx]) *Error {
		return &Error{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path, Year: p.Year, Party: p.About.party, Criterion: p.About.criterion, Msg: p.Msg, Message: p.Message}
	})
}

// newError returns a problem that has no place in the file (a report the
// covenant does not have), with the message m.
func newError(m lang.Message) *Error {
	return &Error{Msg: m.In(lang.English), Message: m}
}
