package history

import (
	"errors"

	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// ErrUnknownCluster is returned (wrapped) by queries about a cluster the
// history does not hold.
var ErrUnknownCluster = errors.New("unknown cluster")

// Error is one problem with a history: where it is (file, line and key
// path) and which cluster, year and member it concerns.
//
// Msg is the problem in English. Message is the same sentence kept as a
// catalogue key and its values, so that it can be written in Vietnamese
// (Text); Msg is Message.In(lang.English). Message.Key is a stable code a
// program can switch on instead of matching the English text, which may be
// reworded: "history.err.unit.unknown" (a unit not listed under units),
// "history.err.member.unexplained_join", "history.err.term.overlap", …
// (the "history.err." keys of the lang catalogue), "history.err.in_rulebook"
// and "history.err.in_sheet" for a problem of a rulebook or score sheet the
// history refers to (that file's own problem is the message's part, with
// its own key), "decode.unknown_key" (a key the format does not have),
// "decode.syntax", … for a file that cannot be decoded. An Error built by
// hand may have no Message; Text then writes Msg.
type Error struct {
	File    string
	Line    int // 1-based; 0 if unknown (a history built in Go)
	Column  int
	Path    string // key path, e.g. "clusters[0].years[2].members[3]"
	Cluster string
	Year    int
	Member  string
	Msg     string
	Message lang.Message
}

// Error reads "file:line:col: path: where: message", leaving out what is
// unknown: Located in English.
func (e *Error) Error() string { return e.Located().In(lang.English) }

// Text writes the problem as Error does, in the language: "h.yaml:14:9:
// clusters[0].years[1].members[3]: cụm cum2, năm 2021, đơn vị STTTT: …".
// The file, position, key path and ids are written as they are; "cluster"
// is "cụm", the year "năm 2021" and "member" "đơn vị" in Vietnamese.
// Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the whole problem — its location and its message — as
// one message: what Text writes. A program can keep it, or nest it in a
// message of its own (package province does, for a history file a
// province file refers to).
func (e *Error) Located() lang.Message {
	var where []lang.Message
	if e.Cluster != "" {
		where = append(where, lang.Msg("history.err.where.cluster", e.Cluster))
	}
	if e.Year != 0 {
		where = append(where, lang.Msg("history.err.where.year", e.Year))
	}
	if e.Member != "" {
		where = append(where, lang.Msg("history.err.where.member", e.Member))
	}
	return problem.At(problem.Prefix(e.File, e.Line, e.Column, e.Path), where, problem.Body(e.Message, e.Msg))
}

// Errors is every problem found in a history, in line order. New, Parse and
// Load return it (as an error); its Error and Text write the problems one
// a line, and Unwrap returns them: use errors.As to get the individual ones.
type Errors = problem.List[*Error]

// ctx is what a problem concerns.
type ctx struct {
	cluster string
	year    int
	member  string
}

func (x ctx) with(member string) ctx { x.member = member; return x }

type validator = check.Validator[ctx]

// errorsOf makes each problem found an Error.
func errorsOf(ps []check.Problem[ctx]) Errors {
	return check.Errors(ps, func(p check.Problem[ctx]) *Error {
		return &Error{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path, Cluster: p.About.cluster, Year: p.About.year, Member: p.About.member, Msg: p.Msg, Message: p.Message}
	})
}
