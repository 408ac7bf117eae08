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
	return &LeafScorer{rb: rb, s: &scorer{quo: rb.Quotient(), round: rb.Rounding(), quiet: true}}
}

// Points is LeafPoints.
func (l *LeafScorer) Points(criterion string, value, target decimal.Decimal) (points, contribution decimal.Decimal, err error) {
	rb := l.rb
	n, ok := rb.Node(criterion)
	switch {
	case !ok:
		return points, contribution, fmt.Errorf("unknown criterion %q", criterion)
	case n.IsGroup():
		return points, contribution, fmt.Errorf("%q is a group", criterion)
	case n.Method == rules.Relative || n.Method == rules.Votes:
		return points, contribution, fmt.Errorf("criterion %q is scored %s, relative to the other members", criterion, n.Method)
	}
	if (value.IsNegative() && n.Method != rules.Tiers) || (n.Method == rules.Direct && value.GreaterThan(n.Max)) {
		return points, contribution, fmt.Errorf("criterion %q: value %s is outside 0…%s", criterion, value, n.Max)
	}
	if target.IsZero() {
		target = n.Target
	}
	if n.Method == rules.Ratio && !target.IsPositive() {
		return points, contribution, fmt.Errorf("criterion %q: a ratio needs a positive target", criterion)
	}
	s := l.s
	points, _ = s.method(n, value, target)
	return points, s.contribution(n, points), nil
}

// contribution weights a leaf's points and rounds them at the criterion
// level, as card does.
func (s *scorer) contribution(n rules.Node, points decimal.Decimal) decimal.Decimal {
	v := points
	if w := n.EffectiveWeight(); !w.Equal(one) {
		v = v.Mul(w)
	}
	if r := s.round.Criterion; r != nil {
		v = r.Round(v)
	}
	return v
}
