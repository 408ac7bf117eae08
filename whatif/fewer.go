package whatif

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
)

// A criterion where lower is better (ít hơn là tốt hơn: its
// scoring.PointFunction is Falling, e.g. a count of violations) gains
// points as its input goes down: the search lowers its input from the
// member's current count towards zero, and the effort is the decrease
// over the input scale (the count that brings the points to zero).

// fallingGrid lists the inputs to try for a falling criterion, in order of
// effort: multiples of the step below the lowest current entry at the
// stage (from the scale, where the points reach zero, if there is none),
// down to the domain's minimum.
func (s *search) fallingGrid(lm *leafModel) ([]decimal.Decimal, error) {
	high, same := lm.scale, true
	for k, i := range lm.entries {
		v := s.sh.Scores[i].Value
		if k == 0 || v.LessThan(high) {
			high = v
		}
	}
	for _, i := range lm.entries {
		same = same && s.sh.Scores[i].Value.Equal(high)
	}
	v := high.Div(lm.step).Floor().Mul(lm.step)
	if v.Equal(high) && same && len(lm.entries) > 0 {
		v = v.Sub(lm.step)
	}
	var out []decimal.Decimal
	for lm.fn.Domain.InBounds(v) {
		out = append(out, v)
		if len(out) > s.cfg.maxPoints {
			return nil, newError(ErrTooLarge, s.member, lm.node.ID, lm.step.String(), lang.Msg("whatif.err.candidates", s.cfg.maxPoints))
		}
		v = v.Sub(lm.step)
	}
	return out, nil
}

// effortBase is what a criterion's efforts are measured from: the sum of
// the member's entries at the stage and their number (at least 1). A
// falling criterion without an entry starts from its scale (the count
// that scores zero, as a missing value does).
func (s *search) effortBase(lm *leafModel) (olds, n decimal.Decimal) {
	olds = decimal.Zero
	for _, i := range lm.entries {
		olds = olds.Add(s.sh.Scores[i].Value)
	}
	if len(lm.entries) == 0 && lm.fn.Falling {
		olds = lm.scale
	}
	return olds, decimal.NewFromInt(int64(max(1, len(lm.entries))))
}

// effortNum is the numerator of the effort of setting n entries whose sum
// is olds to input: how far they move towards more points.
func (lm *leafModel) effortNum(n, input, olds decimal.Decimal) decimal.Decimal {
	if lm.fn.Falling {
		return olds.Sub(n.Mul(input))
	}
	return n.Mul(input).Sub(olds)
}

// worse reports whether input x earns fewer points than v would, in the
// criterion's direction: below v, or above it where lower is better.
func (lm *leafModel) worse(x, v decimal.Decimal) bool {
	if lm.fn.Falling {
		return x.GreaterThan(v)
	}
	return x.LessThan(v)
}

// inputTie is the model of a fewer tie-break on criterion ref (ít hơn xếp
// trên): the other members' counted inputs, which the member's input is
// compared with.
func (s *search) inputTie(ref string) tieModel {
	n, _ := s.rb.Node(ref)
	tm := tieModel{node: n.Index, input: true}
	for _, r := range s.base.Rows {
		if r.Member.ID == s.member {
			continue
		}
		ns := r.Card.Nodes[n.Index]
		if !standings.Counted(ns) {
			tm.none = true
			continue
		}
		tm.ins = append(tm.ins, ns.Raw)
	}
	slices.SortFunc(tm.ins, decimal.Decimal.Cmp)
	tm.ins = slices.CompactFunc(tm.ins, decimal.Decimal.Equal)
	return tm
}

// inputClass places an input among the rivals' counted inputs as class
// does for values (2·(rivals below) + 1 if it equals one); a member
// without a counted input (ok false) is above every counted one, equal to
// the rivals without one, if any.
func (t tieModel) inputClass(v decimal.Decimal, ok bool) int32 {
	if !ok {
		c := int32(2 * len(t.ins))
		if t.none {
			c++
		}
		return c
	}
	i, found := slices.BinarySearchFunc(t.ins, v, decimal.Decimal.Cmp)
	c := int32(2 * i)
	if found {
		c++
	}
	return c
}

// leafInputClass is the class of the member's input of lm under a fewer
// rule: candidate k's input, or (k < 0) the counted input as it is.
func (s *search) leafInputClass(tm tieModel, lm *leafModel, k int) int32 {
	if k >= 0 {
		return tm.inputClass(lm.cands[k].input, true)
	}
	ns := s.card.Nodes[lm.idx]
	return tm.inputClass(ns.Raw, standings.Counted(ns))
}

// inputTied reports whether a fewer rule of the chain reads lm's input.
func (s *search) inputTied(lm *leafModel) bool {
	for _, tm := range s.ties {
		if tm.input && tm.node == lm.idx {
			return true
		}
	}
	return false
}

// keepInputClasses keeps, of lm's candidates (in order of effort), the
// first of each number of points, at least the current points, and class
// of its input under the fewer rules that read it: an input that earns no
// more points may still win a fewer tie-break.
func (s *search) keepInputClasses(lm *leafModel) []cand {
	type key struct {
		points string
		cls    [maxTies]int32
	}
	classes := func(k int) (c [maxTies]int32) {
		for t, tm := range s.ties {
			if tm.input && tm.node == lm.idx {
				c[t] = s.leafInputClass(tm, lm, k)
			}
		}
		return c
	}
	seen := map[key]bool{{lm.points.String(), classes(-1)}: true}
	var kept []cand
	for k, c := range lm.cands {
		if c.points.LessThan(lm.points) {
			continue
		}
		kk := key{c.points.String(), classes(k)}
		if seen[kk] {
			continue
		}
		seen[kk] = true
		kept = append(kept, c)
	}
	return kept
}
