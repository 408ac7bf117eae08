package province

import (
	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// Error is one problem with a province file: where it is (file, line, key
// path) and which cluster and member it concerns.
//
// Msg is the problem in English. Message is the same sentence kept as a
// catalogue key and its values, so that it can be written in Vietnamese
// (Text); Msg is Message.In(lang.English). Message.Key is a stable code a
// program can switch on instead of matching the English text, which may be
// reworded: "province.err.proposal.twice", "province.err.decision.unknown_cluster",
// "province.err.flag.share", … (the "province.err." keys of the lang
// catalogue), "province.err.in_history" for a problem of a history file a
// cluster refers to (the history's own problem is the message's part,
// with its own key), or "decode.unknown_key", "decode.syntax", … for a
// file that cannot be decoded. An Error built by hand may have no Message;
// Text then writes Msg.
type Error struct {
	File    string
	Line    int // 0 if unknown
	Column  int
	Path    string
	Year    int
	Cluster string
	Member  string
	Msg     string
	Message lang.Message
}

// Error reads "file:line:col: path: where: message", leaving out what is
// unknown: Located in English.
func (e *Error) Error() string { return e.Located().In(lang.English) }

// Text writes the problem as Error does, in the language: "p.yaml:12:9:
// clusters[0].proposals[1]: năm 2021, cụm cum2, đơn vị SCT: …". The file,
// position, key path and ids are written as they are; the year is "năm
// 2021", "cluster" "cụm" and "member" "đơn vị" in Vietnamese.
// Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the whole problem — its location and its message — as
// one message: what Text writes, to keep or to nest in another message.
func (e *Error) Located() lang.Message {
	var where []lang.Message
	if e.Year != 0 {
		where = append(where, lang.Msg("province.err.where.year", e.Year))
	}
	if e.Cluster != "" {
		where = append(where, lang.Msg("province.err.where.cluster", e.Cluster))
	}
	if e.Member != "" {
		where = append(where, lang.Msg("province.err.where.member", e.Member))
	}
	return problem.At(problem.Prefix(e.File, e.Line, e.Column, e.Path), where, problem.Body(e.Message, e.Msg))
}

// Errors is every problem found, in line order: its Error and Text write
// them one a line, and Unwrap returns them, for errors.As.
type Errors = problem.List[*Error]

type ctx struct {
	cluster, member string
}

type validator = check.Validator[ctx]

// errorsOf makes each problem found an Error.
func errorsOf(ps []check.Problem[ctx]) Errors {
	return check.Errors(ps, func(p check.Problem[ctx]) *Error {
		return &Error{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path, Year: p.Year, Cluster: p.About.cluster, Member: p.About.member, Msg: p.Msg, Message: p.Message}
	})
}
