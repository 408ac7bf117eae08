package whatif_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// TestSweepRanksAsTheEngine checks the sweeps' own ranking (one member's
// card re-scored alone, the cards ranked by the engine's ranker without
// the explanation) against ranking.Rank of the whole changed sheet, at
// every grid value of a score sweep and a weight sweep on the brute-force
// test's random clusters: the same winners, awards, pending ties and
// order.
func TestSweepRanksAsTheEngine(t *testing.T) {
	cases := 150
	if testing.Short() {
		cases = 40
	}
	var pending, blocked int
	for seed := uint64(1); seed <= uint64(cases); seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		c := genCase(r)
		var leaf rules.Node
		for _, n := range c.rb.Nodes() {
			if !n.IsGroup() && (n.Method == rules.Direct || n.Method == rules.PerOccurrence) {
				leaf = n
				break
			}
		}
		sweeps := []struct {
			p  whatif.Parameter
			rg whatif.Range
		}{{whatif.WeightOf("G1"), whatif.Range{From: d("0.5"), To: d("2"), Step: d("0.5")}}}
		if leaf.ID != "" && !slices.ContainsFunc(c.sh.NotAssigned, func(a scoring.Assignment) bool { return a.Member == c.member }) {
			sweeps = append(sweeps, struct {
				p  whatif.Parameter
				rg whatif.Range
			}{whatif.ScoreOf(c.member, leaf.ID), whatif.Range{From: d("0"), To: leaf.Max, Step: d("1")}})
		}
		for _, sw := range sweeps {
			res, err := whatif.Sensitivity(context.Background(), c.rb, c.sh, sw.p, sw.rg)
			if err != nil {
				continue // a range the parameter does not accept
			}
			for _, pt := range res.Points {
				st := engineAt(t, c, sw.p, pt.Value)
				want := whatif.OutcomeOf(st)
				if !want.Equal(pt.Outcome) || !slices.Equal(want.Winners, pt.Outcome.Winners) {
					t.Fatalf("seed %d, %s at %s: the sweep's outcome %s, ranking.Rank's %s\n%s", seed, sw.p, pt.Value, pt.Outcome, want, describe(c))
				}
				var order []string
				for _, row := range st.Rows {
					order = append(order, row.Member.ID)
				}
				if !slices.Equal(order, pt.Order) {
					t.Fatalf("seed %d, %s at %s: the sweep's order %v, ranking.Rank's %v", seed, sw.p, pt.Value, pt.Order, order)
				}
				for _, a := range want.Awards {
					if len(a.Pending) > 0 {
						pending++
					}
					if a.Blocked {
						blocked++
					}
				}
			}
		}
	}
	if pending == 0 || blocked == 0 {
		t.Errorf("the random cases cover no pending tier (%d) or no blocked one (%d)", pending, blocked)
	}
}

// engineAt ranks the case's sheet with the parameter at x, with
// ranking.Rank.
func engineAt(t *testing.T, c randomCase, p whatif.Parameter, x decimal.Decimal) *ranking.Standings {
	t.Helper()
	rb, sh := c.rb, c.sh.Clone()
	if p.Weight != "" {
		spec := rb.Spec()
		spec.Criteria[0].Weight = x
		var err error
		if rb, err = rules.New(spec); err != nil {
			t.Fatal(err)
		}
	} else {
		found := false
		for i, e := range sh.Scores {
			if e.Member == p.Member && e.Criterion == p.Criterion {
				sh.Scores[i].Value, found = x, true
			}
		}
		if !found {
			sh.Scores = append(sh.Scores, cl(p.Member, p.Criterion, x.String()))
		}
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
