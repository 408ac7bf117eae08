package audit

import (
	"errors"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// ParseError is one problem with a recorded-result file: where it is (file
// and line), which member and key it concerns, and what is wrong.
//
// Msg is the problem in English, as Error() writes it after the location.
// Message is the same problem as a lang.Message, so that Text can write it
// in Vietnamese too; Msg is Message.In(lang.English). Message.Key is a
// stable code a program can switch on instead of matching the English
// text, which may be reworded: "recorded.csv.rank" (a rank that is not a
// whole number from 1), "recorded.member.twice", … — keys starting
// "recorded." are the recorded result's own problems; "decode." a JSON or
// YAML file that cannot be decoded (syntax, unknown or duplicate keys);
// "fields." a value that is not a number; "csv." a quoting error of a CSV
// file. A ParseError built by hand may have no Message: Text then writes
// Msg.
type ParseError struct {
	File    string
	Line    int    // 1-based; 0 if unknown
	Member  string // member id, if the problem concerns one
	Key     string // key (award tier, group, field), if the problem concerns one
	Msg     string
	Message lang.Message
}

// Error reads like "recorded.csv:12: member SCT: total: expected a number …".
func (e *ParseError) Error() string {
	s := problem.Prefix(e.File, e.Line, 0, "")
	if e.Member != "" {
		s += "member " + e.Member + ": "
	}
	return s + e.key() + e.Msg
}

func (e *ParseError) key() string {
	if e.Key == "" {
		return ""
	}
	return e.Key + ": "
}

// Text writes the problem in the language, on one line, with its location
// first as Error() writes it: "recorded.csv:12: đơn vị SCT: hạng: cần một
// số nguyên từ 1 trở lên, nhận được "first"". The file, line, member id
// and key are written as they are; "member" is "đơn vị" in Vietnamese.
// Text(lang.English) is Error().
func (e *ParseError) Text(t lang.Tag) string {
	if t == lang.English {
		return e.Error()
	}
	return e.Located().In(t)
}

// Located returns the whole problem — its location and its message — as
// one message.
func (e *ParseError) Located() lang.Message {
	return problem.AtMember(problem.Prefix(e.File, e.Line, 0, ""), e.Member, e.key(), problem.Body(e.Message, e.Msg))
}

// parseError builds a problem from its message, with Msg in English. The
// member and key, which come from the file and are written before the
// message, are cut to an excerpt as lang cuts quoted input (see
// lang.Quote): a value of a file that is not a recorded result can be a
// whole line of it.
func parseError(file string, line int, member, key string, m lang.Message) *ParseError {
	return &ParseError{File: file, Line: line, Member: excerpt(member), Key: excerpt(key), Msg: m.In(lang.English), Message: m}
}

// excerpt cuts s after its first 60 runes, with "…", if it is longer than
// 120 bytes (the limits lang.Quote applies).
func excerpt(s string) string {
	if len(s) <= 120 {
		return s
	}
	n := 0
	for i := range s {
		if n == 60 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quote writes a value from the file as a problem quotes it: Go-quoted,
// cut to an excerpt if it is long (lang.Quote).
func quote(s string) string { return lang.Quote(s) }

// ParseErrors is every problem found in a recorded-result file, in line
// order. ReadCSV, ParseJSON and Load return it (as an error); use errors.As
// to get the individual problems.
type ParseErrors []*ParseError

// Error lists the problems, one a line.
func (es ParseErrors) Error() string { return problem.Lines(es, (*ParseError).Error) }

// Text lists the problems in the language, one a line, as Error() does.
// Text(lang.English) is Error().
func (es ParseErrors) Text(t lang.Tag) string {
	return problem.Lines(es, func(e *ParseError) string { return e.Text(t) })
}

// Unwrap returns the individual errors.
func (es ParseErrors) Unwrap() []error { return problem.Unwrap(es) }

// ErrMalformedCluster is wrapped by the error of a batch cluster folder
// that cannot be audited (a file missing or unreadable).
var ErrMalformedCluster = errors.New("malformed cluster folder")
