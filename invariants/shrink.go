package invariants

import (
	"slices"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// shrink reduces a violating sheet step by step — fewer members, fewer
// nonzero scores, fewer rows, smaller values — keeping each step that
// still violates the property (and, if the violation was not explained by
// the rulebook's design, still is not), until no step does or the budget
// is spent.
func (c *checker) shrink(p Property, sh scoring.Sheet, w witness, msg lang.Message, explained bool) *Counterexample {
	budget := shrinkBudget
	holds := func(cand scoring.Sheet) (lang.Message, bool) {
		budget--
		m, bad := c.try(c.main, p, cand, w)
		if !bad {
			return m, false
		}
		if !explained && c.explained(p, cand, w) != nil {
			return m, false
		}
		return m, true
	}
	cur := sh
	for progress := true; progress && budget > 0 && c.ctx.Err() == nil; {
		progress = false
		for _, cand := range c.candidates(cur, w) {
			if budget <= 0 {
				break
			}
			if m, ok := holds(cand); ok {
				cur, msg, progress = cand, m, true
				break
			}
		}
	}
	return &Counterexample{Sheet: cur, Message: msg}
}

// candidates lists the one-step reductions of a sheet, boldest first.
func (c *checker) candidates(sh scoring.Sheet, w witness) []scoring.Sheet {
	var out []scoring.Sheet
	if len(sh.Members) > 2 {
		for i := len(sh.Members) - 1; i >= 0; i-- {
			if id := sh.Members[i].ID; id != w.member {
				out = append(out, without(sh, id, false))
			}
		}
	}
	// a criterion scored by several assessors: keep one
	for i, e := range sh.Scores {
		if e.Assessor != "" && !(e.Member == w.member && e.Criterion == w.criterion && e.Assessor == w.assessor) {
			cand := cloneSheet(sh)
			cand.Scores = slices.Delete(cand.Scores, i, i+1)
			out = append(out, cand)
		}
	}
	drop := func(n int, del func(s *scoring.Sheet, i int)) {
		for i := range n {
			cand := cloneSheet(sh)
			del(&cand, i)
			out = append(out, cand)
		}
	}
	drop(len(sh.Bonuses), func(s *scoring.Sheet, i int) { s.Bonuses = slices.Delete(s.Bonuses, i, i+1) })
	drop(len(sh.Deductions), func(s *scoring.Sheet, i int) { s.Deductions = slices.Delete(s.Deductions, i, i+1) })
	drop(len(sh.History), func(s *scoring.Sheet, i int) { s.History = slices.Delete(s.History, i, i+1) })
	drop(len(sh.Facts), func(s *scoring.Sheet, i int) { s.Facts = slices.Delete(s.Facts, i, i+1) })
	if sh.Ballot != nil {
		for i, v := range sh.Ballot.Votes {
			if v.For > 0 {
				cand := cloneSheet(sh)
				cand.Ballot.Votes[i].For = 0
				out = append(out, cand)
				cand = cloneSheet(sh)
				cand.Ballot.Votes[i].For = v.For / 2
				out = append(out, cand)
			}
		}
	}
	// values: to the lowest, to half, one step down
	for _, to := range []func(k int64) int64{func(int64) int64 { return 0 }, func(k int64) int64 { return k / 2 }, func(k int64) int64 { return k - 1 }} {
		for i, e := range sh.Scores {
			j, ok := c.prof.byID[e.Criterion]
			if !ok {
				continue
			}
			s := c.prof.leaves[j]
			k := s.index(e.Value)
			v := s.at(to(k))
			if !v.LessThan(e.Value) {
				continue
			}
			cand := cloneSheet(sh)
			cand.Scores[i].Value = v
			out = append(out, cand)
		}
	}
	return out
}
