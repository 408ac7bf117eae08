package rules

import "github.com/thidua/thidua/lang"

// A bonus or deduction item that belongs to a group (điểm thưởng, điểm trừ
// của một nhóm) names the group in its Group field:
//
//	bonus:
//	  items:
//	    - {id: co_tp, name: Cờ thi đua xuất sắc của Thành phố, points: 10, group: II}
//
// TP.HCM's "Bảng biểu 4" (REGULATIONS.md §3.2, read) adds a district's +10
// for the city's flag to one department's score of that district, not to
// its total: "97 + 10 = 107". The rules below follow it.

// GroupItems returns the bonus and deduction items that belong to the group
// with the given id, in document order (nil if none).
//
// Such an item's points (count × points, at most its own max) go into the
// group's points (điểm của nhóm), after the sum of its children and before
// the group's weight and group-level rounding; the group's value then
// counts in its parent and the total as any group's does. So a group-owned
// item counts wherever its group counts: in group_min, in a group
// tie-break, in a criterion tie-break naming the group, in the group's
// ancestors, the total and the percentage. A bonus may take a group above
// its maximum (97 + 10 = 107, as in TP.HCM), and a deduction below zero
// (no floor applies to a group; the deductions' floor applies to the
// total). The attainable maximum does not change: an item is not a
// criterion.
//
// The policy's cap (bonus.cap, deductions.cap) applies to the items on the
// total only, since the total is what it bounds; a group-owned item is
// bounded by its own max. No source read caps bonuses across groups
// (REGULATIONS.md §5: "caps on total bonus: searched, not found"); give
// each group-owned item its max. Likewise max_deductions, fewer_deductions
// and more_bonus read the items on the total: a group-owned item is part of
// its group's score, as a criterion is.
//
// A score sheet claims a group-owned item as any other (a bonus or
// deduction row for the member); a member to which the group is not
// assigned (không được giao) cannot have it.
func (r *Rulebook) GroupItems(group string) (bonus, deductions []Item) {
	for _, it := range r.spec.Bonus.Items {
		if it.Group == group && group != "" {
			bonus = append(bonus, it)
		}
	}
	for _, it := range r.spec.Deductions.Items {
		if it.Group == group && group != "" {
			deductions = append(deductions, it)
		}
	}
	return bonus, deductions
}

// OnTotal reports whether the item counts on the total (no group), as
// bonus and deduction items always did.
func (it Item) OnTotal() bool { return it.Group == "" }

// groupItems checks the group of every bonus and deduction item: a group
// of the criteria tree (not a criterion), and a policy cap that has items
// on the total to bound.
func (v *validator) groupItems(s *Spec) {
	for _, pol := range []struct {
		path  string
		items []Item
		cap   bool
		what  noun
	}{
		{"bonus", s.Bonus.Items, s.Bonus.Cap.IsPositive(), bonusItemNoun},
		{"deductions", s.Deductions.Items, s.Deductions.Cap.IsPositive(), deductionItemNoun},
	} {
		grouped := 0
		for i, it := range pol.items {
			if it.Group == "" {
				continue
			}
			grouped++
			p := indexPath(pol.path+".items", i) + ".group"
			isGroup, ok := v.kind[it.Group]
			switch {
			case !ok:
				v.add(p, lang.Msg("rules.groupitem.unknown", q(it.ID), q(it.Group)).With(lang.Msg(pol.what.bare)))
			case !isGroup:
				v.add(p, lang.Msg("rules.groupitem.leaf", q(it.ID), q(it.Group)).With(lang.Msg(pol.what.bare)))
			}
		}
		if pol.cap && grouped > 0 && grouped == len(pol.items) {
			v.add(pol.path+".cap", lang.Msg("rules.groupitem.cap_grouped").With(lang.Msg(pol.what.bare)))
		}
	}
}
