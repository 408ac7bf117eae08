package whatif

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, for errors.Is. Every error this package returns for a
// bad request is an *Error wrapping one of them and carrying the offending
// input.
var (
	// ErrUnknownMember: the member is not in the sheet.
	ErrUnknownMember = errors.New("unknown member")
	// ErrUnknownCriterion: the criterion or group is not in the rulebook, or
	// cannot be used the way asked (a group where a criterion is needed).
	ErrUnknownCriterion = errors.New("unknown criterion")
	// ErrBadTarget: the target is neither a rank within the cluster nor an
	// award tier of the rulebook.
	ErrBadTarget = errors.New("bad target")
	// ErrBadStep: an input step is not a positive number, or does not suit
	// the criterion's method (a count needs a whole step).
	ErrBadStep = errors.New("bad step")
	// ErrBadRange: a sensitivity range is empty, reversed or outside what
	// the parameter may take.
	ErrBadRange = errors.New("bad range")
	// ErrTooLarge: the question would need more work than the limits allow
	// (too many candidate values, states or grid points).
	ErrTooLarge = errors.New("too large")
	// ErrModel: the search's model of the scoring disagrees with the
	// engine. It indicates a bug in this package, never bad input.
	ErrModel = errors.New("model disagrees with the engine")
)

// Error is a bad request: which member, criterion and value it concerns,
// what is wrong, and the sentinel it wraps.
type Error struct {
	Member    string // member id, if the problem concerns one
	Criterion string // criterion or group id, if the problem concerns one
	Value     string // the offending input as given, if any
	Msg       string
	Err       error // one of the sentinels above
}

// Error reads like "member SXD: 02: counts a number of occurrences, so its
// step must be a whole number (found "0.5")".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Member != "" {
		fmt.Fprintf(&b, "member %s: ", e.Member)
	}
	if e.Criterion != "" {
		fmt.Fprintf(&b, "%s: ", e.Criterion)
	}
	b.WriteString(e.Msg)
	if e.Value != "" {
		fmt.Fprintf(&b, " (found %q)", e.Value)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

func errorf(sentinel error, member, criterion, value, format string, args ...any) *Error {
	return &Error{Member: member, Criterion: criterion, Value: value, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}
