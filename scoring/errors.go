package scoring

import (
	"fmt"
	"strings"
)

// InputError is one problem with a score sheet: where the row is, which
// member and criterion (or item, fact) it concerns, and what was expected
// and found.
type InputError struct {
	File      string
	Line      int    // 0 if unknown
	Member    string // member id, if the problem concerns one
	Criterion string // criterion, item or fact id, if the problem concerns one
	Msg       string
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Member != "" {
		fmt.Fprintf(&b, "member %s: ", e.Member)
	}
	if e.Criterion != "" {
		fmt.Fprintf(&b, "%s: ", e.Criterion)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// InputErrors is every problem found in a sheet. Score returns it (as an
// error) when a sheet is invalid; use errors.As to get the individual ones.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
