package scoring

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// LeafPoints returns what one raw value earns on a criterion whose points do
// not depend on the other members (every method but relative and votes):
// the points in the criterion's own scale (capped at its maximum) and the
// value it contributes to its group (weighted, and rounded at the criterion
// level if the rulebook says so). target is used by ratio criteria (zero
// means the criterion's default target). It is the same computation Score
// applies to a single counted value, so callers that preview or simulate
// scores get exactly the engine's numbers.
func LeafPoints(rb *rules.Rulebook, criterion string, value, target decimal.Decimal) (points, contribution decimal.Decimal, err error) {
	return NewLeafScorer(rb).Points(criterion, value, target)
}

// LeafScorer computes LeafPoints for many values of one rulebook without
// repeating the set-up; use it to preview or tabulate many values. It is
// safe for use by one goroutine at a time.
type LeafScorer struct {
	rb *rules.Rulebook
	s  *scorer
}

// NewLeafScorer returns a LeafScorer for the rulebook.
func NewLeafScorer(rb *rules.Rulebook) *LeafScorer {
	e := engineOf(rb)
	return &LeafScorer{rb: rb, s: &scorer{eng: e, quo: e.quo, round: e.round, quiet: true}}
}

// leaf returns the leaf criterion with the given id (the rulebook's own:
// not to be modified).
func (l *LeafScorer) leaf(criterion string) (*rules.Node, error) {
	i, ok := l.rb.NodeIndex(criterion)
	switch {
	case !ok:
		return nil, fmt.Errorf("unknown criterion %q", criterion)
	case l.s.eng.nodes[i].IsGroup():
		return nil, fmt.Errorf("%q is a group", criterion)
	}
	return &l.s.eng.nodes[i], nil
}

// Points is LeafPoints.
func (l *LeafScorer) Points(criterion string, value, target decimal.Decimal) (points, contribution decimal.Decimal, err error) {
	n, err := l.leaf(criterion)
	if err != nil {
		return points, contribution, err
	}
	f := l.s.fn(n, target)
	switch {
	case f.Depends != OwnInput:
		return points, contribution, fmt.Errorf("criterion %q is scored %s, relative to the other members", criterion, n.Method)
	case (f.Domain.Min != nil && value.LessThan(*f.Domain.Min)) || (f.Domain.Kind == Continuous && !f.Domain.InBounds(value)):
		return points, contribution, fmt.Errorf("criterion %q: value %s is outside 0…%s", criterion, value, n.Max)
	case !f.Complete():
		return points, contribution, fmt.Errorf("criterion %q: a ratio needs a positive target", criterion)
	}
	points = f.Apply(value)
	return points, f.Contribution(points), nil
}

// Function returns the criterion's PointFunction for a member whose target
// is target (zero: the criterion's default), as Describe does, reusing what
// the LeafScorer has built. The function is the caller's: changing it
// changes nothing else.
func (l *LeafScorer) Function(criterion string, target decimal.Decimal) (PointFunction, error) {
	n, err := l.leaf(criterion)
	if err != nil {
		return PointFunction{}, err
	}
	return l.s.fn(n, target).clone(), nil
}
