package scoring

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Bonus and deduction items that belong to a group (điểm thưởng, điểm trừ
// của một nhóm; see rules.Rulebook.GroupItems): their points go into the
// group's points, after the sum of its children and before its weight and
// rounding, and not onto the total.

// groupItem is a bonus or deduction item that belongs to a group: its
// place among its policy's items, and which policy.
type groupItem struct {
	place  int
	deduct bool
}

// groupItemsOf lists per node the items that belong to it, bonuses then
// deductions, each in document order; nil if no item belongs to a group.
func groupItemsOf(e *engine) [][]groupItem {
	var out [][]groupItem
	byID := map[string]int{}
	for i := range e.nodes {
		byID[e.nodes[i].ID] = i
	}
	for _, side := range []struct {
		items  []rules.Item
		deduct bool
	}{{e.bonus.Items, false}, {e.deduct.Items, true}} {
		for k, it := range side.items {
			i, ok := byID[it.Group]
			if it.Group == "" || !ok {
				continue
			}
			if out == nil {
				out = make([][]groupItem, len(e.nodes))
			}
			out[i] = append(out[i], groupItem{place: k, deduct: side.deduct})
		}
	}
	return out
}

// itemPoints is an item's points for count occurrences: count × points,
// at most the item's own max (capped reports that the max applied).
func itemPoints(it rules.Item, count int) (p decimal.Decimal, capped bool) {
	p = mul(it.Points, decimal.NewFromInt(int64(count)))
	if !it.Max.IsZero() && cmpDec(p, it.Max) > 0 {
		return it.Max, true
	}
	return p, false
}

// groupItems adds to group node i's points (the sum of its children's
// values, pts) the items of member m that belong to it, and returns the
// group's points and the items' net points; the trace gets a step per
// item and one for the result.
func (s *scorer) groupItems(m, i int, pts decimal.Decimal) (decimal.Decimal, decimal.Decimal) {
	in, e := s.in, s.eng
	net := decimal.Zero
	applied := false
	for _, g := range e.grouped[i] {
		items, label, occ, set := e.bonus.Items, "scoring.bonus", in.bonus, in.bonusSet
		if g.deduct {
			items, label, occ, set = e.deduct.Items, "scoring.deductions", in.deductions, in.deductionsSet
		}
		it, n := items[g.place], len(items)
		x := m*n + g.place
		if !set[x] || occ[x].Count == 0 {
			continue
		}
		p, capped := itemPoints(it, occ[x].Count)
		if !s.quiet {
			key, args := "scoring.groupitem", []any{it.Name, occ[x].Count, it.Points} // named for people
			if capped {
				key, args = "scoring.groupitem.capped", append(args, it.Max)
			}
			v := p
			if g.deduct {
				v = p.Neg()
			}
			s.steps[i] = append(s.steps[i], stepOf(e.nodes[i].ID, v, lang.Msg(key, args...).With(lang.Msg(label))))
		}
		if g.deduct {
			net = sub(net, p)
		} else {
			net = add(net, p)
		}
		applied = true
	}
	if !applied {
		return pts, decimal.Zero
	}
	pts = add(pts, net)
	if !s.quiet {
		s.steps[i] = append(s.steps[i], stepOf(e.nodes[i].ID, pts, lang.Msg("scoring.groupitem.sum", e.kids[i])))
	}
	return pts, net
}

// groupItemsAssigned reports a group-owned item claimed for a member to
// which its group is not assigned.
func (c *checker) groupItemsAssigned(in *input, sh *Sheet) {
	e := in.eng
	if e.grouped == nil {
		return
	}
	for _, side := range []struct {
		occ   []Occurrences
		pos   map[string]int
		items []rules.Item
		label string
	}{{sh.Bonuses, e.bonusPos, e.bonus.Items, "rules.noun.bonus_item"}, {sh.Deductions, e.deductPos, e.deduct.Items, "rules.noun.deduction_item"}} {
		for _, o := range side.occ {
			k, ok := side.pos[o.Item]
			m, okm := in.mIdx[o.Member]
			if !ok || !okm || o.Count <= 0 || side.items[k].Group == "" {
				continue
			}
			it := side.items[k]
			for i := range e.nodes {
				if e.nodes[i].ID == it.Group && !in.assigned[m*in.nn+i] {
					c.add(o.Source, o.Member, o.Item, lang.Msg("input.groupitem.not_assigned", strconv.Quote(it.ID), strconv.Quote(it.Group)).With(lang.Msg(side.label)))
				}
			}
		}
	}
}
