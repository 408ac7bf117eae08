package titles

import (
	"strings"

	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Error is one problem with a titles file: where it is (file, line, key
// path) and which holder (person or collective) and title it concerns.
//
// Msg is the problem in English. Message is the same sentence kept as a
// catalogue key and its values, so that it can be written in Vietnamese
// (Text); Msg is Message.In(lang.English). Message.Key is a stable code a
// program can switch on instead of matching the English text, which may be
// reworded: "titles.err.title.unknown", "titles.err.counts.mismatch",
// "titles.err.share", … (the "titles.err." keys of the lang catalogue), or
// "decode.unknown_key", "decode.syntax", … for a file that cannot be
// decoded. An Error built by hand may have no Message; Text then writes
// Msg.
type Error struct {
	File   string
	Line   int // 0 if unknown
	Column int
	Path   string
	Year   int
	Holder string // "person P03" or "collective VP"
	Title  string
	Msg    string
	// Message is Msg in any language (see the type's comment).
	Message lang.Message
}

// Error reads "file:line:col: path: where: message", leaving out what is
// unknown: Located in English.
func (e *Error) Error() string { return e.Located().In(lang.English) }

// Text writes the problem as Error does, in the language: "t.yaml:40:7:
// people[2].awarded[0]: năm 2020, cá nhân P03: …". The file, position,
// key path and ids are written as they are; the year is "năm 2020",
// "person" "cá nhân", "collective" "tập thể" and "title" "danh hiệu" in
// Vietnamese. Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the whole problem — its location and its message — as
// one message: what Text writes, to keep or to nest in another message.
func (e *Error) Located() lang.Message {
	var where []lang.Message
	if e.Year != 0 {
		where = append(where, lang.Msg("titles.err.where.year", e.Year))
	}
	if e.Holder != "" {
		where = append(where, holderMessage(e.Holder))
	}
	if e.Title != "" {
		where = append(where, lang.Msg("titles.err.where.title", e.Title))
	}
	return problem.At(problem.Prefix(e.File, e.Line, e.Column, e.Path), where, problem.Body(e.Message, e.Msg))
}

// holderMessage names a holder as Error.Holder does ("person P03",
// "collective VP") in any language.
func holderMessage(h string) lang.Message {
	if id, ok := strings.CutPrefix(h, "person "); ok {
		return lang.Msg("titles.holder.person", id)
	}
	if id, ok := strings.CutPrefix(h, "collective "); ok {
		return lang.Msg("titles.holder.collective", id)
	}
	return lang.Msg("problem.text", h)
}

// Errors is every problem found, in line order: its Error and Text write
// them one a line, and Unwrap returns them, for errors.As.
type Errors = problem.List[*Error]

type ctx struct {
	holder, title string
}

type validator = check.Validator[ctx]

// errorsOf makes each problem found an Error.
func errorsOf(ps []check.Problem[ctx]) Errors {
	return check.Errors(ps, func(p check.Problem[ctx]) *Error {
		return &Error{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path, Year: p.Year, Holder: p.About.holder, Title: p.About.title, Msg: p.Msg, Message: p.Message}
	})
}
