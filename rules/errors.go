package rules

import (
	"fmt"
	"strings"
)

// Error is one problem with a rulebook: where it is (file, line, column and
// the key path inside the document) and what is wrong.
type Error struct {
	File   string // file name, if the rulebook was read from one
	Line   int    // 1-based; 0 if unknown (a rulebook built in Go)
	Column int
	Path   string // key path, e.g. "criteria[1].children[0].max"
	Msg    string
}

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
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a rulebook, in document order. Load,
// Parse and New return it (as an error) when a rulebook is invalid; use
// errors.As to get at the individual problems.
type Errors []*Error

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
