package problem

import "github.com/thidua/thidua/lang"

// Texter is a problem that writes itself in English (Error) and in a
// language (Text): every located error of the library.
type Texter interface {
	error
	Text(t lang.Tag) string
}

// List is every problem found in a file or a spec, in order. The
// packages name their own (history.Errors is a List[*history.Error]), so
// that errors.As finds the list, and the individual problems through
// Unwrap.
type List[E Texter] []E

// Error returns the problems, one a line.
func (l List[E]) Error() string { return Lines(l, E.Error) }

// Text writes the problems in the language, one a line, as Error does.
// Text(lang.English) is Error().
func (l List[E]) Text(t lang.Tag) string {
	return Lines(l, func(e E) string { return e.Text(t) })
}

// Unwrap returns the individual errors.
func (l List[E]) Unwrap() []error { return Unwrap(l) }
