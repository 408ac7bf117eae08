package whatif

import (
	"errors"
	"fmt"
	"strings"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
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
	// ErrUnsupported: the question is one the search cannot answer
	// exactly: a target award that requires a condition with an upper
	// bound (max_total, max_percent), which raising scores can lose.
	ErrUnsupported = errors.New("not supported")
	// ErrModel: the search's model of the scoring disagrees with the
	// engine. It indicates a bug in this package, never bad input.
	ErrModel = errors.New("model disagrees with the engine")
)

// Error is a bad request: which member, criterion and value it concerns,
// what is wrong, and the sentinel it wraps.
//
// Msg is the problem in English, as Error() writes it between the location
// and the offending value. Message is the same problem as a lang.Message,
// so that Text can write it in Vietnamese too; Msg is
// Message.In(lang.English). Message.Key is a stable code a program can
// switch on instead of matching the English text, which may be reworded:
// "whatif.err.step.whole", "whatif.err.target.tier", … (the "whatif.err."
// keys of the lang catalogue). An Error built by hand may have no Message:
// Text then writes Msg.
type Error struct {
	Member    string // member id, if the problem concerns one
	Criterion string // criterion or group id, if the problem concerns one
	Value     string // the offending input as given, if any
	Msg       string
	Message   lang.Message
	Err       error // one of the sentinels above
	// value is Value as a message, for a value written in words (a range:
	// "0 … 4 step 0.5"), so that Text writes it in the language too.
	value lang.Message
}

// Error reads like "member SXD: 02: counts a number of occurrences, so its
// step must be a whole number (found "0.5")".
func (e *Error) Error() string { return e.Text(lang.English) }

// Text writes the request's problem in the language as Error does: "đơn
// vị SXD: 02: tiêu chí tính theo số lần nên bước tăng phải là số nguyên
// (nhận được "0.5")". Member and criterion ids and the offending value are
// written as they are (a range in the language's words: "0 … 4, bước
// 0,5").
func (e *Error) Text(t lang.Tag) string {
	var b strings.Builder
	if e.Member != "" {
		fmt.Fprintf(&b, "%s %s: ", t.Pick("đơn vị", "member"), e.Member)
	}
	if e.Criterion != "" {
		fmt.Fprintf(&b, "%s: ", e.Criterion)
	}
	b.WriteString(problem.Say(e.Message, e.Msg, t))
	if e.Value != "" {
		v := e.Value
		if !e.value.IsZero() && e.value.In(lang.English) == e.Value {
			v = e.value.In(t)
		}
		fmt.Fprintf(&b, t.Pick(" (nhận được %q)", " (found %q)"), v)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// newError returns a bad request wrapping sentinel, stated by m.
func newError(sentinel error, member, criterion, value string, m lang.Message) *Error {
	return &Error{Member: member, Criterion: criterion, Value: value, Msg: m.In(lang.English), Message: m, Err: sentinel}
}
