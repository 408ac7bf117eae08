package covenant

import (
	"fmt"
	"strings"
)

// Error is one problem with a covenant, or with a covenant used with a
// rulebook or sheet: where it is (file, line, key path) and which party,
// criterion and year it concerns.
type Error struct {
	File      string
	Line      int // 0 if unknown
	Column    int
	Path      string
	Year      int
	Party     string
	Criterion string
	Msg       string
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
	if e.Year != 0 {
		where = append(where, fmt.Sprint(e.Year))
	}
	if e.Party != "" {
		where = append(where, "party "+e.Party)
	}
	if e.Criterion != "" {
		where = append(where, "criterion "+e.Criterion)
	}
	if len(where) > 0 {
		b.WriteString(strings.Join(where, ", "))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
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

// Unwrap returns the individual errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

type ctx struct {
	party, criterion string
}

type validator struct {
	year int
	errs Errors
}

func (v *validator) add(path string, x ctx, format string, args ...any) {
	v.errs = append(v.errs, &Error{Path: path, Year: v.year, Party: x.party, Criterion: x.criterion, Msg: fmt.Sprintf(format, args...)})
}
