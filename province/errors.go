package province

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/thidua/thidua/history"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
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
// unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.prefix())
	var where []string
	if e.Year != 0 {
		where = append(where, fmt.Sprint(e.Year))
	}
	if e.Cluster != "" {
		where = append(where, "cluster "+e.Cluster)
	}
	if e.Member != "" {
		where = append(where, "member "+e.Member)
	}
	if len(where) > 0 {
		b.WriteString(strings.Join(where, ", "))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Text writes the problem as Error does, in the language: "p.yaml:12:9:
// clusters[0].proposals[1]: năm 2021, cụm cum2, đơn vị SCT: …". The file,
// position, key path and ids are written as they are; the year is "năm
// 2021", "cluster" "cụm" and "member" "đơn vị" in Vietnamese.
// Text(lang.English) is Error().
func (e *Error) Text(t lang.Tag) string { return e.Located().In(t) }

// Located returns the whole problem — its location and its message — as
// one message: what Text writes, to keep or to nest in another message.
func (e *Error) Located() lang.Message {
	body := e.Message
	if body.IsZero() {
		body = lang.Msg("province.err.text", e.Msg)
	}
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
	if len(where) == 0 {
		return lang.Msg("province.err.at", e.prefix()).With(body)
	}
	return lang.Msg("province.err.at_where", e.prefix()).With(lang.Msg("province.err.list").With(where...), body)
}

// prefix writes "file:line:col: path: ", each part only if known.
func (e *Error) prefix() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, "%d:", e.Column)
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	return b.String()
}

// Errors is every problem found, in line order.
type Errors []*Error

// Error returns the problems, one a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Text writes the problems in the language, one a line, as Error does.
// Text(lang.English) is Error().
func (es Errors) Text(t lang.Tag) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Text(t)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

type ctx struct {
	cluster, member string
}

type validator struct {
	year int
	errs Errors
}

// add records a problem at path about x, with the message m.
func (v *validator) add(path string, x ctx, m lang.Message) {
	v.errs = append(v.errs, &Error{Path: path, Year: v.year, Cluster: x.cluster, Member: x.member, Msg: m.In(lang.English), Message: m})
}

// nested adds one problem per error of err (a file the province refers
// to, or the nominee rulebook and sheet it builds), keeping its own file
// and line in the message: m is the message, the problem its last part.
func (v *validator) nested(path string, x ctx, m lang.Message, err error) {
	for _, e := range flatten(err) {
		v.add(path, x, m.With(cause(e)))
	}
}

func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range u.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// cause returns a problem of a file the province refers to (or of the
// nominee rulebook and sheet) as a message that writes it as its own
// package does: a history's or a rulebook's problem with its location and
// message, a score sheet's with its file, line, member and criterion. Any
// other error (a file that cannot be opened) is written as it is, in every
// language.
func cause(err error) lang.Message {
	switch e := err.(type) {
	case *history.Error:
		return e.Located()
	case *rules.Error:
		if !e.Message.IsZero() && e.Message.In(lang.English) == e.Msg {
			return lang.Msg("province.err.at", strings.TrimSuffix(e.Error(), e.Msg)).With(e.Message)
		}
	case *scoring.InputError:
		return inputCause(e)
	}
	return lang.Msg("province.err.text", err.Error())
}

// inputCause writes a score sheet's problem as scoring.InputError's Text
// does: "file:line: member M: criterion: message".
func inputCause(e *scoring.InputError) lang.Message {
	var loc string
	if e.File != "" {
		loc = e.File + ":"
	}
	if e.Line > 0 {
		loc += strconv.Itoa(e.Line) + ":"
	}
	if loc != "" {
		loc += " "
	}
	var rest string
	if e.Criterion != "" {
		rest = e.Criterion + ": "
	}
	body := lang.Msg("province.err.text", e.Msg)
	if !e.Message.IsZero() {
		if head, ok := strings.CutSuffix(e.Msg, e.Message.In(lang.English)); ok {
			rest += head
			body = e.Message
		}
	}
	if e.Member == "" {
		return lang.Msg("province.err.at", loc+rest).With(body)
	}
	return lang.Msg("province.err.at_member", loc, e.Member, rest).With(body)
}
