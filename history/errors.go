package history

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownCluster is returned (wrapped) by queries about a cluster the
// history does not hold.
var ErrUnknownCluster = errors.New("unknown cluster")

// Error is one problem with a history: where it is (file, line and key
// path) and which cluster, year and member it concerns.
type Error struct {
	File    string
	Line    int // 1-based; 0 if unknown (a history built in Go)
	Column  int
	Path    string // key path, e.g. "clusters[0].years[2].members[3]"
	Cluster string
	Year    int
	Member  string
	Msg     string
}

// Error reads "file:line:col: path: where: message", leaving out what is
// unknown.
func (e *Error) Error() string {
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
	var where []string
	if e.Cluster != "" {
		where = append(where, "cluster "+e.Cluster)
	}
	if e.Year != 0 {
		where = append(where, fmt.Sprint(e.Year))
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

// Errors is every problem found in a history, in line order. New, Parse and
// Load return it (as an error); use errors.As to get the individual ones.
type Errors []*Error

// Error returns the problems, one a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
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

// ctx is what a problem concerns.
type ctx struct {
	cluster string
	year    int
	member  string
}

func (x ctx) with(member string) ctx { x.member = member; return x }

type validator struct {
	errs Errors
}

func (v *validator) add(path string, x ctx, format string, args ...any) {
	v.errs = append(v.errs, &Error{Path: path, Cluster: x.cluster, Year: x.year, Member: x.member, Msg: fmt.Sprintf(format, args...)})
}

// nested adds the problems of err (a file the history refers to), one
// Error each, keeping their own file and line in the message.
func (v *validator) nested(path string, x ctx, what string, err error) {
	for _, e := range flatten(err) {
		v.add(path, x, "%s: %v", what, e)
	}
}

// flatten returns the individual errors of err (rules.Errors,
// scoring.InputErrors, errors.Join), or err itself.
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
