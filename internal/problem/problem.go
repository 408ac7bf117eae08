// Package problem holds what the library's located errors share: the
// "file:line:col: path: " prefix, the messages that put a problem in its
// place (so that it can be written in Vietnamese or English, or nested in
// another problem), and the lists of problems.
package problem

import (
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
)

// Prefix writes "file:line:col: path: ", each part only if known (a
// column only with a line).
func Prefix(file string, line, column int, path string) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file)
		b.WriteByte(':')
	}
	if line > 0 {
		b.WriteString(strconv.Itoa(line))
		b.WriteByte(':')
		if column > 0 {
			b.WriteString(strconv.Itoa(column))
			b.WriteByte(':')
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if path != "" {
		b.WriteString(path)
		b.WriteString(": ")
	}
	return b.String()
}

// Body is a problem's message, or msg written as it is in every language
// if the problem has no message (an error built by hand).
func Body(m lang.Message, msg string) lang.Message {
	if m.IsZero() {
		return lang.Msg("problem.text", msg)
	}
	return m
}

// Say writes a problem's message in the language: Msg (its English text)
// in English or if it has no message, else the message in the language.
func Say(m lang.Message, msg string, t lang.Tag) string {
	if t == lang.English || m.IsZero() {
		return msg
	}
	return m.In(t)
}

// At is a problem in its place: prefix as Prefix writes it, then what it
// concerns (each a message: "năm 2021", "cụm cum2"), joined by commas,
// then the body.
func At(prefix string, where []lang.Message, body lang.Message) lang.Message {
	if len(where) == 0 {
		return lang.Msg("problem.at", prefix).With(body)
	}
	return lang.Msg("problem.at_where", prefix).With(lang.Msg("problem.list").With(where...), body)
}

// AtMember is a problem of a member's row: prefix, then "member M: " ("đơn
// vị M: " in Vietnamese), then rest as it is (a criterion, a cell), then
// the body.
func AtMember(prefix, member, rest string, body lang.Message) lang.Message {
	if member == "" {
		return lang.Msg("problem.at", prefix+rest).With(body)
	}
	return lang.Msg("problem.at_member", prefix, member, rest).With(body)
}

// Lines writes each problem with text, one a line.
func Lines[E any](es []E, text func(E) string) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = text(e)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns a list of problems as errors.
func Unwrap[E error](es []E) []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Flatten returns the individual errors of err (a list of problems,
// errors.Join), or err itself; nil for nil.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range u.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// Of is an error as a message, to nest in another problem: its own
// Located message if it has one (every located error of the library
// does), else its text as it is, in every language (a file that cannot be
// opened).
func Of(err error) lang.Message {
	if l, ok := err.(interface{ Located() lang.Message }); ok {
		return l.Located()
	}
	return lang.Msg("problem.text", err.Error())
}

// Code is a problem's stable code: the catalogue key of its message
// ("input.score.missing"), found under the messages that only place it
// (file, line, member); "" for an error that has no message (a file that
// cannot be opened).
func Code(err error) string {
	var m lang.Message
	switch e := err.(type) {
	case interface{ Located() lang.Message }:
		m = e.Located()
	case interface{ Message() lang.Message }:
		m = e.Message()
	default:
		return ""
	}
	for strings.HasPrefix(m.Key, "problem.") && len(m.Parts) > 0 {
		m = m.Parts[len(m.Parts)-1]
	}
	if m.Key == "problem.text" {
		return ""
	}
	return m.Key
}
