package simulation

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/scoring"
)

// Bonus and deduction items that belong to a group (rules.Rulebook.
// GroupItems) are sheet data: a scenario does not change them. Their net
// points per member and group (scoring.NodeScore.Items) are constants of
// the plan, added to the group's points before its weight and rounding,
// as scoring adds them.

// groupAdj is a member's net item points in one group.
type groupAdj struct {
	node int
	d    decimal.Decimal // the points, as scoring gives them
	v    int64           // the same at scale g
}

// itemFactor is what one point in group y's points is worth in node x's
// value (withOwnWeight) or points, or in the total (x < 0): the weights
// from y up to x. under is false if y is neither x nor under it.
func (c *compiler) itemFactor(y, x int, withOwnWeight bool) (f decimal.Decimal, under bool) {
	f = decimal.NewFromInt(1)
	for a := y; a >= 0; a = c.nodes[a].Parent {
		if a == x {
			if withOwnWeight {
				f = f.Mul(c.nodes[a].EffectiveWeight())
			}
			return f, true
		}
		f = f.Mul(c.nodes[a].EffectiveWeight())
	}
	return f, x < 0
}

// groupItems reads every member's group-owned items from the baseline
// scorecards (at scale g) and, in a folded plan, adds what they are worth
// in the total to the member's constant. It returns the bound of their
// magnitude in the member's total.
func (p *plan) groupItems(m int, card *scoring.Scorecard) (uint64, error) {
	var bound uint64
	for i := range card.Nodes {
		d := card.Nodes[i].Items
		if d.IsZero() || !p.nodes[i].IsGroup() {
			continue
		}
		v, err := p.toG(d, "items of "+p.nodes[i].ID)
		if err != nil {
			return 0, err
		}
		p.gItems[m] = append(p.gItems[m], groupAdj{node: i, d: d, v: v})
		f, _ := p.c.itemFactor(i, -1, true)
		bound = satAdd(bound, satMul(uabs(v), satBig(f.Ceil().Abs())))
		if p.folded {
			t, err := p.toG(d.Mul(f), "folded items of "+p.nodes[i].ID)
			if err != nil {
				return 0, err
			}
			p.constTotal[m] += t
		}
	}
	return bound, nil
}

// linearItems is the constant that member m's group-owned items add to
// node x's value (withOwnWeight) or points in a folded plan; ok is false
// if it is not a value at scale g.
func (p *plan) linearItems(m, x int, withOwnWeight bool) (int64, bool) {
	var cst int64
	for _, ga := range p.gItems[m] {
		f, under := p.c.itemFactor(ga.node, x, withOwnWeight)
		if !under {
			continue
		}
		v, err := p.toG(ga.d.Mul(f), "items")
		if err != nil {
			return 0, false
		}
		cst += v
	}
	return cst, true
}
