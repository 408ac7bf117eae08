package audit

import (
	"errors"
	"fmt"
	"strings"
)

// ParseError is one problem with a recorded-result file: where it is (file
// and line), which member and key it concerns, and what is wrong.
type ParseError struct {
	File   string
	Line   int    // 1-based; 0 if unknown
	Member string // member id, if the problem concerns one
	Key    string // key (award tier, group, field), if the problem concerns one
	Msg    string
}

// Error reads like "recorded.csv:12: member SCT: total: expected a number …".
func (e *ParseError) Error() string {
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
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ParseErrors is every problem found in a recorded-result file, in line
// order. ReadCSV, ParseJSON and Load return it (as an error); use errors.As
// to get the individual problems.
type ParseErrors []*ParseError

// Error lists the problems, one a line.
func (es ParseErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors.
func (es ParseErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// ErrMalformedCluster is wrapped by the error of a batch cluster folder
// that cannot be audited (a file missing or unreadable).
var ErrMalformedCluster = errors.New("malformed cluster folder")
