package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/thidua/thidua/rules"
)

// critWith returns a criteria section whose group I holds criterion "1.1"
// and then the given leaf (written at the children's indentation), followed
// by group II; the leaf is therefore criteria[0].children[1].
func critWith(leaf string) string {
	return `criteria:
  - id: I
    name: Nhóm một
    children:
      - {id: "1.1", name: Một, max: 10}
` + leaf + `
  - id: II
    name: Nhóm hai
    children:
      - {id: "2.1", name: Ba, max: 10}`
}

// critGroup returns a criteria section whose group I has the given extra
// lines (at key indentation) and two children of 10 points each.
func critGroup(extra string) string {
	return `criteria:
  - id: I
    name: Nhóm một
` + extra + `
    children:
      - {id: "1.1", name: Một, max: 10}
      - {id: "1.2", name: Hai, max: 10}
  - id: II
    name: Nhóm hai
    children:
      - {id: "2.1", name: Ba, max: 10}`
}

// with returns the base section key with one extra line appended (at the
// list's indentation).
func with(key, line string) string { return baseSections[key] + "\n" + line }

// replaced returns the base section key with old replaced by new (once).
func replaced(key, old, new string) string {
	s := baseSections[key]
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("section %s has no %q", key, old))
	}
	return strings.Replace(s, old, new, 1)
}

type validationCase struct {
	name string
	over map[string]string
	path string // the Path of the expected error
	msg  string // a fragment of its Msg
	at   string // the expected line is the first containing this; default: the line marked "#<", else 1
	n    int    // the number of errors expected; default 1
}

func validationCases() []validationCase {
	o := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	return []validationCase{
		// Identity.
		{name: "a rulebook without an id is rejected", over: o("id", ""), path: "id", msg: "a rulebook needs an id"},
		{name: "an id of only spaces counts as missing", over: o("id", `id: "   " #<`), path: "id", msg: "a rulebook needs an id"},
		{name: "a rulebook without a version is rejected", over: o("version", ""), path: "version", msg: "needs a version"},
		{name: "a rulebook without a title is rejected", over: o("title", ""), path: "title", msg: "a rulebook needs a title"},
		{name: "a period that ends before it starts is rejected",
			over: o("in_force", "in_force:\n  from: 2024-01-01\n  to: 2023-12-31 #<"),
			path: "in_force.to", msg: "ends (2023-12-31) before it starts (2024-01-01)"},
		{name: "a rulebook without criteria is rejected",
			over: o("criteria", "criteria: [] #<", "eligibility", "", "tie_breaks", "", "awards", ""),
			path: "criteria", msg: "at least one criterion"},

		// Criterion ids and names.
		{name: "a criterion without an id is rejected",
			over: o("criteria", critWith(`      - {name: X, max: 10} #<`)),
			path: "criteria[0].children[1].id", msg: "a criterion needs an id"},
		{name: "a criterion id with surrounding spaces is rejected",
			over: o("criteria", critWith(`      - {id: " x", name: X, max: 10} #<`)),
			path: "criteria[0].children[1].id", msg: `criterion id " x" has surrounding spaces`},
		{name: "a criterion id with a comma is rejected",
			over: o("criteria", critWith(`      - {id: "a,b", name: X, max: 10} #<`)),
			path: "criteria[0].children[1].id", msg: `criterion id "a,b" has surrounding spaces, a comma`},
		{name: "two criteria with the same id are rejected, naming the first",
			over: o("criteria", critWith(`      - {id: "1.1", name: X, max: 10} #<`)),
			path: "criteria[0].children[1].id", msg: `duplicate criterion id "1.1" (also at criteria[0].children[0])`},
		{name: "a group with the id of an earlier criterion is rejected",
			over: o("criteria", critWith(`      - {id: II, name: X, max: 10}`)),
			path: "criteria[1].id", msg: `duplicate criterion id "II" (also at criteria[0].children[1])`, at: "- id: II"},
		{name: "a criterion without a name is rejected",
			over: o("criteria", critWith(`      - {id: x, max: 10} #<`)),
			path: "criteria[0].children[1].name", msg: `criterion "x" needs a name`},
		{name: "a negative weight is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, weight: -1} #<`)),
			path: "criteria[0].children[1].weight", msg: "weight must be positive, found -1"},

		// Items that belong to a group (rules.Rulebook.GroupItems): the line
		// and key of the item's group.
		{name: "a bonus item of an unknown group is rejected",
			over: o("bonus", with("bonus", "    - {id: b3, name: X, points: 1, group: III} #<")),
			path: "bonus.items[2].group", msg: `bonus item "b3": group "III" is not in the criteria`},
		{name: "a deduction item of a criterion, not a group, is rejected",
			over: o("deductions", with("deductions", "    - {id: d3, name: X, points: 1, group: \"2.1\"} #<")),
			path: "deductions.items[2].group", msg: `deduction item "d3": "2.1" is a criterion, not a group`},
		{name: "a cap bounds the items on the total only: one over group-owned items only is rejected",
			over: o("bonus", "bonus:\n  cap: 5 #<\n  items:\n    - {id: b1, name: X, points: 10, max: 10, group: II}"),
			path: "bonus.cap", msg: "every bonus item belongs to a group"},
		{name: "a cap out of reach counts the items on the total only",
			over: o("deductions", "deductions:\n  cap: 4 #<\n  items:\n    - {id: d1, name: X, points: 1, max: 3}\n    - {id: d2, name: Y, points: 1, max: 9, group: I}"),
			path: "deductions.cap", msg: "cap 4 cannot be reached: the items' maxima add up to only 3"},

		// Groups.
		{name: "a group with a method is rejected",
			over: o("criteria", critGroup("    method: ratio #<")),
			path: "criteria[0].method", msg: `group "I" has children, so its points are their sum`},
		{name: "a group with a target is rejected",
			over: o("criteria", critGroup("    target: 5")),
			path: "criteria[0]", msg: "target, points_each and tiers apply only to a criterion without children", at: "- id: I"},
		{name: "a group with tiers is rejected",
			over: o("criteria", critGroup("    tiers: [{at_least: 1, points: 1}]")),
			path: "criteria[0]", msg: "target, points_each and tiers apply only", at: "- id: I"},
		{name: "children whose maxima exceed the group's max are rejected",
			over: o("criteria", critGroup("    max: 15 #<")),
			path: "criteria[0].max", msg: `group "I": its children's maxima add up to 20, more than the group's max 15`},
		{name: "a group max the children cannot reach is rejected",
			over: o("criteria", critGroup("    max: 25 #<")),
			path: "criteria[0].max", msg: `group "I": max 25 cannot be reached: its children's maxima add up to only 20`},
		{name: "a group max counts the children's weights",
			over: o("criteria", `criteria:
  - id: I
    name: Nhóm một
    max: 20 #<
    children:
      - {id: "1.1", name: Một, max: 10}
      - {id: "1.2", name: Hai, max: 10, weight: 1.5}
  - {id: II, name: Nhóm hai, children: [{id: "2.1", name: Ba, max: 10}]}`),
			path: "criteria[0].max", msg: "add up to 25, more than the group's max 20"},
		{name: "an unreachable max of a nested group is reported at that group",
			over: o("criteria", `criteria:
  - id: I
    name: Nhóm một
    children:
      - {id: "1.1", name: Một, max: 10}
      - id: I.2
        name: Nhóm con
        max: 12 #<
        children:
          - {id: "1.2.1", name: Hai, max: 5}
          - {id: "1.2.2", name: Ba, max: 5}
  - {id: II, name: Nhóm hai, children: [{id: "2.1", name: Ba, max: 10}]}`),
			path: "criteria[0].children[1].max", msg: `group "I.2": max 12 cannot be reached: its children's maxima add up to only 10`},
		{name: "a negative group max is rejected",
			over: o("criteria", critGroup("    max: -5 #<")),
			path: "criteria[0].max", msg: `group "I": max must be positive, found -5`},

		// Leaves and methods.
		{name: "a criterion without a max is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X} #<`)),
			path: "criteria[0].children[1].max", msg: `criterion "x" needs a positive max, found 0`},
		{name: "a criterion with a negative max is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: -3} #<`)),
			path: "criteria[0].children[1].max", msg: "needs a positive max, found -3"},
		{name: "an unknown method is rejected with the list of methods",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: bogus} #<`)),
			path: "criteria[0].children[1].method",
			msg:  `unknown method "bogus" (expected one of direct, ratio, pass_fail, tiers, per_occurrence, relative, votes, signed, fewer)`},
		{name: "tiers on a direct criterion are rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, tiers: [{at_least: 1, points: 10}]} #<`)),
			path: "criteria[0].children[1].tiers", msg: "tiers apply only to method tiers, not direct"},
		{name: "points_each on a ratio criterion is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: ratio, points_each: 2} #<`)),
			path: "criteria[0].children[1].points_each", msg: "points_each applies only to methods per_occurrence and fewer, not ratio"},
		{name: "a target on a pass_fail criterion is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: pass_fail, target: 3} #<`)),
			path: "criteria[0].children[1].target", msg: "a target applies only to methods ratio and relative, not pass_fail"},
		{name: "a negative target on a relative criterion is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: relative, target: -5} #<`)),
			path: "criteria[0].children[1].target", msg: `criterion "x": target must be positive, found -5`},
		{name: "fewer without points_each is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: fewer} #<`)),
			path: "criteria[0].children[1].points_each", msg: `criterion "x": method fewer (lower is better) needs a positive points_each: the points each occurrence takes from the max 10`},
		{name: "fewer with a target is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: fewer, points_each: 2, target: 3} #<`)),
			path: "criteria[0].children[1].target", msg: "a target applies only to methods ratio and relative, not fewer"},
		{name: "per_occurrence without points_each is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: per_occurrence} #<`)),
			path: "criteria[0].children[1].points_each", msg: "per_occurrence needs positive points_each"},
		{name: "per_occurrence with negative points_each is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: per_occurrence, points_each: -2} #<`)),
			path: "criteria[0].children[1].points_each", msg: "per_occurrence needs positive points_each"},
		{name: "method tiers without tiers is rejected",
			over: o("criteria", critWith(`      - {id: x, name: X, max: 10, method: tiers} #<`)),
			path: "criteria[0].children[1].tiers", msg: "method tiers needs at least one tier"},
		{name: "a threshold given twice is rejected even when written differently",
			over: o("criteria", critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 10}
          - {at_least: 10.0, points: 10} #<`)),
			path: "criteria[0].children[1].tiers[1].at_least", msg: "threshold 10 is given twice (tiers 0 and 1)"},
		{name: "tier points above the max are rejected",
			over: o("criteria", critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 12} #<
          - {at_least: 0, points: 0}`)),
			path: "criteria[0].children[1].tiers[0].points", msg: "tier points 12 outside 0…10"},
		{name: "negative tier points are rejected",
			over: o("criteria", critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 10}
          - {at_least: 0, points: -1} #<`)),
			path: "criteria[0].children[1].tiers[1].points", msg: "tier points -1 outside 0…10"},
		{name: "a tiers max that no tier reaches is rejected",
			over: o("criteria", critWith(`      - id: x
        name: X
        max: 10 #<
        method: tiers
        tiers:
          - {at_least: 10, points: 8}
          - {at_least: 0, points: 0}`)),
			path: "criteria[0].children[1].max", msg: `criterion "x": max 10 cannot be reached: the best tier gives 8`},
		{name: "a higher threshold giving fewer points is rejected",
			over: o("criteria", critWith(`      - id: x
        name: X
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 5} #<
          - {at_least: 5, points: 10}
          - {at_least: 0, points: 0}`)),
			path: "criteria[0].children[1].tiers", msg: "threshold 10 gives 5 points, fewer than the lower threshold 5 (10 points)"},

		// Bonus and deduction items.
		{name: "a bonus item without an id is rejected",
			over: o("bonus", with("bonus", "    - {name: X, points: 1} #<")),
			path: "bonus.items[2].id", msg: "a bonus item needs an id"},
		{name: "two bonus items with the same id are rejected",
			over: o("bonus", with("bonus", "    - {id: b1, name: X, points: 1} #<")),
			path: "bonus.items[2].id", msg: `duplicate bonus item id "b1" (also at bonus.items[0])`},
		{name: "two deduction items with the same id are rejected",
			over: o("deductions", with("deductions", "    - {id: d1, name: X, points: 1, max: 1} #<")),
			path: "deductions.items[2].id", msg: `duplicate deduction item id "d1" (also at deductions.items[0])`},
		{name: "a bonus item without a name is rejected",
			over: o("bonus", with("bonus", "    - {id: b3, points: 1} #<")),
			path: "bonus.items[2].name", msg: `bonus item "b3" needs a name`},
		{name: "a deduction item without points is rejected",
			over: o("deductions", with("deductions", "    - {id: d3, name: X, max: 1} #<")),
			path: "deductions.items[2].points", msg: `deduction item "d3" needs positive points per occurrence, found 0`},
		{name: "a bonus item with a negative max is rejected",
			over: o("bonus", with("bonus", "    - {id: b3, name: X, points: 1, max: -1} #<")),
			path: "bonus.items[2].max", msg: `bonus item "b3": max must be positive, found -1`},
		{name: "a negative bonus cap is rejected",
			over: o("bonus", replaced("bonus", "cap: 15", "cap: -1 #<")),
			path: "bonus.cap", msg: "cap must be positive, found -1"},
		{name: "a deduction cap without deduction items is rejected",
			over: o("deductions", "deductions:\n  cap: 5 #<"),
			path: "deductions.cap", msg: "a cap of 5 is given but there are no deduction items"},
		{name: "a deduction cap above the items' maxima is rejected",
			over: o("deductions", replaced("deductions", "cap: 5", "cap: 10 #<")),
			path: "deductions.cap", msg: "cap 10 cannot be reached: the items' maxima add up to only 5"},
		{name: "a bonus cap above the maxima of items that all have one is rejected",
			over: o("bonus", "bonus:\n  cap: 25 #<\n  items:\n    - {id: b1, name: X, points: 10, max: 10}\n    - {id: b2, name: Y, points: 5, max: 10}"),
			path: "bonus.cap", msg: "cap 25 cannot be reached: the items' maxima add up to only 20"},

		// Facts.
		{name: "two facts with the same id are rejected",
			over: o("facts", with("facts", "  - {id: clean, name: X} #<")),
			path: "facts[2].id", msg: `duplicate fact id "clean"`},
		{name: "a fact without an id is rejected",
			over: o("facts", with("facts", "  - {name: X} #<")),
			path: "facts[2].id", msg: "a fact needs an id"},
		{name: "a fact without a name is rejected",
			over: o("facts", with("facts", "  - {id: f3} #<")),
			path: "facts[2].name", msg: `fact "f3" needs a name`},

		// Assessment.
		{name: "two stages with the same id are rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {id: self, name: A}\n    - {id: self, name: B} #<"),
			path: "assessment.stages[1].id", msg: `duplicate stage id "self"`},
		{name: "a stage without an id is rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {name: A} #<"),
			path: "assessment.stages[0].id", msg: "a stage needs an id"},
		{name: "trim on a stage that takes the mean is rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {id: self, name: A, trim: 1} #<"),
			path: "assessment.stages[0].trim", msg: `stage "self": trim applies only to aggregate trimmed_mean`},
		{name: "trim on a stage that takes the median is rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {id: self, name: A, aggregate: median, trim: 2} #<"),
			path: "assessment.stages[0].trim", msg: "trim applies only to aggregate trimmed_mean"},
		{name: "a trimmed mean without trim is rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {id: self, name: A, aggregate: trimmed_mean} #<"),
			path: "assessment.stages[0].trim", msg: "trimmed_mean needs trim ≥ 1"},
		{name: "an unknown aggregate is rejected",
			over: o("assessment", "assessment:\n  stages:\n    - {id: self, name: A, aggregate: mode} #<"),
			path: "assessment.stages[0].aggregate", msg: `stage "self": unknown aggregate "mode" (expected mean, median or trimmed_mean)`},
		{name: "a stage named while counts is latest is rejected",
			over: o("assessment", "assessment:\n  counts: latest\n  stage: self #<"),
			path: "assessment.stage", msg: "a stage is named only with counts: stage"},
		{name: "counts: stage naming an unknown stage is rejected",
			over: o("assessment", "assessment:\n  counts: stage\n  stage: nope #<"),
			path: "assessment.stage", msg: `counts: stage needs the id of a stage, found "nope"`},
		{name: "counts: stage without a stage is rejected",
			over: o("assessment", "assessment: #<\n  counts: stage"),
			path: "assessment.stage", msg: `counts: stage needs the id of a stage, found ""`, at: "counts: stage"},
		{name: "an unknown counts choice is rejected",
			over: o("assessment", "assessment:\n  counts: average #<"),
			path: "assessment.counts", msg: `unknown choice "average" (expected latest, max, min or stage)`},
		{name: "a negative divergence per criterion is rejected",
			over: o("assessment", "assessment:\n  divergence: {criterion: -1} #<"),
			path: "assessment.divergence.criterion", msg: "threshold must be positive"},
		{name: "a negative divergence on the total is rejected",
			over: o("assessment", "assessment:\n  divergence:\n    total: -0.5 #<"),
			path: "assessment.divergence.total", msg: "threshold must be positive"},

		// Rounding.
		{name: "more than twelve places are rejected",
			over: o("rounding", "rounding:\n  criterion: {places: 13} #<"),
			path: "rounding.criterion.places", msg: "places must be between 0 and 12, found 13"},
		{name: "negative places are rejected",
			over: o("rounding", "rounding:\n  quotient: {places: -1} #<"),
			path: "rounding.quotient.places", msg: "places must be between 0 and 12, found -1"},
		{name: "an unknown rounding mode is rejected with the list of modes",
			over: o("rounding", "rounding:\n  total: {places: 2, mode: bankers} #<"),
			path: "rounding.total.mode", msg: `unknown rounding mode "bankers" (expected one of half_up, half_even, down, up, floor, ceiling)`},
		{name: "an unknown group rounding mode is rejected",
			over: o("rounding", "rounding:\n  group: {places: 1, mode: nearest} #<"),
			path: "rounding.group.mode", msg: `unknown rounding mode "nearest"`},
		{name: "too many percent places are rejected",
			over: o("rounding", "rounding:\n  percent: {places: 20} #<"),
			path: "rounding.percent.places", msg: "found 20"},

		// Policies.
		{name: "an unknown missing-value policy is rejected",
			over: o("missing", "missing: skip #<"),
			path: "missing", msg: `unknown policy "skip" (expected error or zero)`},
		{name: "an unknown ranking basis is rejected",
			over: o("rank_by", "rank_by: votes #<"),
			path: "rank_by", msg: `unknown basis "votes" (expected total or percent)`},
		{name: "an unknown vote base is rejected",
			over: o("votes", "votes:\n  base: everyone #<",
				"eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, base: present}")),
			path: "votes.base", msg: `unknown vote base "everyone" (expected all_members or present)`},
		{name: "a quorum above 100% is rejected",
			over: o("votes", "votes:\n  quorum: 3/2 #<",
				"eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, quorum: 1/2}")),
			path: "votes.quorum", msg: "is more than 100%"},
		{name: "a quorum of zero is rejected",
			over: o("votes", "votes:\n  quorum: 0/3 #<",
				"eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, quorum: 1/2}")),
			path: "votes.quorum", msg: "needs a share above zero"},

		// Eligibility conditions.
		{name: "two conditions with the same id are rejected",
			over: o("eligibility", with("eligibility", "  - {id: min45, reason: R, min_total: 40} #<")),
			path: "eligibility[7].id", msg: `duplicate condition id "min45"`},
		{name: "a condition without an id is rejected",
			over: o("eligibility", with("eligibility", "  - {reason: R, min_total: 40} #<")),
			path: "eligibility[7].id", msg: "a condition needs an id"},
		{name: "a condition without a reason is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, min_total: 40} #<")),
			path: "eligibility[7].reason", msg: `condition "c8" needs a reason`},
		{name: "a minimum percentage above 100 is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_percent: 101} #<")),
			path: "eligibility[7].min_percent", msg: `condition "c8": percentage must be within 0…100, found 101`},
		{name: "a negative minimum percentage is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_percent: -1} #<")),
			path: "eligibility[7].min_percent", msg: "percentage must be within 0…100, found -1"},
		{name: "a criterion floor without a share is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, criterion_floor: {within: I}} #<")),
			path: "eligibility[7].criterion_floor.share", msg: "needs a share above zero"},
		{name: "a criterion floor above 100% is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, criterion_floor: {share: 5/4}} #<")),
			path: "eligibility[7].criterion_floor.share", msg: "is more than 100%"},
		{name: "a criterion floor within an unknown group is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, criterion_floor: {share: 1/2, within: IX}} #<")),
			path: "eligibility[7].criterion_floor.within", msg: `condition "c8": unknown criterion or group "IX"`},
		{name: "a group minimum for an unknown group is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, group_min: {group: IX, min: 5}} #<")),
			path: "eligibility[7].group_min.group", msg: `unknown criterion or group "IX"`},
		{name: "a condition on an undeclared fact is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, fact: ghost} #<")),
			path: "eligibility[7].fact", msg: `condition "c8": unknown fact "ghost" (declare it under facts)`},
		{name: "a negative maximum of deductions is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, max_deductions: -1} #<")),
			path: "eligibility[7].max_deductions", msg: `condition "c8": must not be negative`},
		{name: "a vote threshold without a share is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_votes: {base: present}} #<")),
			path: "eligibility[7].min_votes.share", msg: "needs a share above zero"},
		{name: "a vote threshold of zero is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_votes: {share: 0/5}} #<")),
			path: "eligibility[7].min_votes.share", msg: "needs a share above zero"},
		{name: "a vote threshold above 100% is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_votes: {share: 6/5}} #<")),
			path: "eligibility[7].min_votes.share", msg: "is more than 100%"},
		{name: "a vote threshold with an unknown base is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_votes: {share: 1/2, base: some}} #<")),
			path: "eligibility[7].min_votes.base", msg: `unknown vote base "some"`},
		{name: "a vote threshold with a quorum above 100% is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_votes: {share: 1/2, quorum: 7/5}} #<")),
			path: "eligibility[7].min_votes.quorum", msg: "is more than 100%"},
		{name: "a condition of two kinds is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_total: 40, fact: clean} #<")),
			path: "eligibility[7]", msg: `condition "c8" must have exactly one of min_total, max_total, min_percent, max_percent, criterion_floor, group_min, fact, max_deductions, max_consecutive, min_votes; found 2`},
		{name: "an upper and a lower bound in one condition are rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, min_total: 40, max_total: 50} #<")),
			path: "eligibility[7]", msg: "found 2"},
		{name: "a max_percent above 100 is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, max_percent: 101} #<")),
			path: "eligibility[7].max_percent", msg: "within 0…100"},
		{name: "strict on max_consecutive is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R, max_consecutive: {award: flag, years: 1}, strict: true} #<")),
			path: "eligibility[7].strict", msg: "strict applies to a threshold"},
		{name: "a min_votes naming an unknown ballot is rejected",
			over: o("votes", "votes:\n  ballots:\n    - {id: co, name: Phiếu Cờ}", "eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, ballot: bk}")),
			path: "eligibility[5].min_votes.ballot", msg: `unknown ballot "bk"`, at: "ballot: bk"},
		{name: "an award's unknown grade is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: 1, min_grade: top} #<")),
			path: "awards[2].min_grade", msg: `unknown grading band "top"`},
		{name: "a grade requiring an unknown condition is rejected",
			over: o("grades", "grades:\n  - id: top\n    name: Xuất sắc\n    requires: [min45, nope] #<"),
			path: "grades[0].requires[1]", msg: `unknown condition "nope"`},
		{name: "a condition of no kind is rejected",
			over: o("eligibility", with("eligibility", "  - {id: c8, reason: R} #<")),
			path: "eligibility[7]", msg: "found 0"},

		// Tie-breaks.
		{name: "a tie-break given twice is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - fewer_deductions\n  - more_votes\n  - fewer_deductions #<"),
			path: "tie_breaks[2]", msg: "fewer_deductions is already in the chain at position 1"},
		{name: "a tie-break with the same argument given twice is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - group: I\n  - group: I #<"),
			path: "tie_breaks[1]", msg: "group I is already in the chain at position 1"},
		{name: "a league without its form is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - league #<"),
			path: "tie_breaks[0]", msg: `league takes one of two forms: reapply (computed again among those still tied) or once (then the next rule), found ""`},
		{name: "a league of an unknown form is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - league: twice #<"),
			path: "tie_breaks[0]", msg: `found "twice"`},
		{name: "a tie-break on an unknown group is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - group: IX #<"),
			path: "tie_breaks[0]", msg: `group: unknown id "IX"`},
		{name: "group without an argument is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - group #<"),
			path: "tie_breaks[0]", msg: `group: unknown id ""`},
		{name: "a group tie-break naming a criterion is rejected with a hint",
			over: o("tie_breaks", "tie_breaks:\n  - group: \"1.1\" #<"),
			path: "tie_breaks[0]", msg: `"1.1" is a criterion, not a group (write criterion: 1.1)`},
		{name: "a fewer tie-break naming a group is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - fewer: II #<"),
			path: "tie_breaks[0]", msg: `fewer: "II" is a group; fewer compares the count of one criterion`},
		{name: "a fewer tie-break without a criterion is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - fewer #<"),
			path: "tie_breaks[0]", msg: `fewer needs a criterion id (e.g. fewer: "3.1")`},
		{name: "a fewer tie-break on an unknown criterion is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - fewer: \"9.9\" #<"),
			path: "tie_breaks[0]", msg: `fewer: unknown id "9.9"`},
		{name: "a fewer tie-break twice is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - fewer: \"1.1\"\n  - fewer: \"1.1\" #<"),
			path: "tie_breaks[1]", msg: "fewer 1.1 is already in the chain at position 1"},
		{name: "a criterion tie-break naming a group is rejected with a hint",
			over: o("tie_breaks", "tie_breaks:\n  - criterion: II #<"),
			path: "tie_breaks[0]", msg: `"II" is a group, not a criterion (write group: II)`},
		{name: "no_award_last_year naming an unknown award tier is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - no_award_last_year: gold #<"),
			path: "tie_breaks[0]", msg: `no_award_last_year: unknown award tier "gold"`},
		{name: "a tie-break that takes no argument is rejected with one",
			over: o("tie_breaks", "tie_breaks:\n  - more_bonus: b1 #<"),
			path: "tie_breaks[0]", msg: `more_bonus takes no argument, found "b1"`},
		{name: "lots anywhere but last is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - lots #<\n  - total"),
			path: "tie_breaks[0]", msg: "put it last"},
		{name: "an unknown tie-break word is rejected with the vocabulary",
			over: o("tie_breaks", "tie_breaks:\n  - total\n  - coin_toss #<"),
			path: "tie_breaks[1]",
			msg:  `unknown tie-break "coin_toss" (expected one of total, percent, group, criterion, fewer, fewer_deductions, more_bonus, more_votes, head_to_head, league, no_award_last_year, lots)`},
		{name: "an unknown tie-break key is rejected",
			over: o("tie_breaks", "tie_breaks:\n  - best_in: I #<"),
			path: "tie_breaks[0]", msg: `unknown tie-break "best_in"`},

		// Awards.
		{name: "two award tiers with the same id are rejected",
			over: o("awards", with("awards", "  - {id: flag, name: Again, count: 1} #<")),
			path: "awards[2].id", msg: `duplicate award tier id "flag"`},
		{name: "an award tier without an id is rejected",
			over: o("awards", with("awards", "  - {name: X, count: 1} #<")),
			path: "awards[2].id", msg: "an award tier needs an id"},
		{name: "an award tier without a name is rejected",
			over: o("awards", with("awards", "  - {id: x, count: 1} #<")),
			path: "awards[2].name", msg: `award tier "x" needs a name`},
		{name: "a negative award count is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: -1} #<")),
			path: "awards[2].count", msg: `award tier "x": count must be positive`},
		{name: "an award tier with both a count and a share is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: 1, share: 1/5} #<")),
			path: "awards[2]", msg: `award tier "x": give count or share, not both`},
		{name: "an award tier with neither a count nor a share is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X} #<")),
			path: "awards[2]", msg: `award tier "x" needs a count (e.g. 1) or a share of the cluster (e.g. 30%)`},
		{name: "an award share above 100% is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, share: 3/2} #<")),
			path: "awards[2].share", msg: "is more than 100%"},
		{name: "an award share of zero is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, share: 0/5} #<")),
			path: "awards[2].share", msg: "needs a share above zero"},
		{name: "an unknown share rounding is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, share: 1/5, share_rounding: nearest} #<")),
			path: "awards[2].share_rounding", msg: `unknown rounding mode "nearest"`},
		{name: "share rounding without a share is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: 2, share_rounding: floor} #<")),
			path: "awards[2].share_rounding", msg: `award tier "x": share_rounding applies only with share`},
		{name: "an award requiring an unknown condition is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: 1, requires: [min45, nope]} #<")),
			path: "awards[2].requires[1]", msg: `award tier "x": unknown condition "nope"`},
		{name: "an unknown ineligibility choice is rejected",
			over: o("awards", with("awards", "  - {id: x, name: X, count: 1, if_ineligible: skip} #<")),
			path: "awards[2].if_ineligible", msg: `unknown choice "skip" (expected next_eligible or none)`},
	}
}

func TestValidation(t *testing.T) {
	for _, tc := range validationCases() {
		t.Run(tc.name, func(t *testing.T) {
			text := doc(tc.over)
			es := parseErrs(t, text)
			want := tc.n
			if want == 0 {
				want = 1
			}
			if len(es) != want {
				t.Errorf("got %d errors, want %d:\n%v", len(es), want, es)
			}
			var e *rules.Error
			for _, x := range es {
				if x.Path == tc.path {
					e = x
					break
				}
			}
			if e == nil {
				t.Fatalf("no error at %s; got:\n%v\n--- input ---\n%s", tc.path, es, text)
			}
			if !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("message %q does not contain %q", e.Msg, tc.msg)
			}
			wantLine := markedLine(text)
			if tc.at != "" {
				wantLine = lineOf(t, text, tc.at)
			}
			if wantLine == 0 {
				wantLine = 1
			}
			if e.Line != wantLine {
				t.Errorf("line %d, want %d (%v)", e.Line, wantLine, e)
			}
			if e.File != "test.yaml" || e.Column < 1 {
				t.Errorf("file %q column %d, want test.yaml and a column", e.File, e.Column)
			}
			if !strings.HasPrefix(e.Error(), fmt.Sprintf("test.yaml:%d:%d: %s: ", e.Line, e.Column, e.Path)) {
				t.Errorf("Error() = %q does not start with file:line:col: path", e.Error())
			}

			// The same spec built in Go gives the same problem, with no position.
			spec, err := rules.ParseSpec("test.yaml", []byte(text))
			if err != nil {
				t.Fatalf("ParseSpec: %v", err)
			}
			rb, err := rules.New(spec)
			if rb != nil || err == nil {
				t.Fatalf("New accepted the spec")
			}
			var ns rules.Errors
			if !errors.As(err, &ns) {
				t.Fatalf("New: error %T is not rules.Errors", err)
			}
			checkTexts(t, ns)
			found := false
			for _, x := range ns {
				if x.Path == tc.path && strings.Contains(x.Msg, tc.msg) {
					found = true
					if x.Line != 0 || x.Column != 0 || x.File != "" {
						t.Errorf("New: error has a position: %+v", *x)
					}
				}
			}
			if !found {
				t.Errorf("New: no error at %s containing %q; got:\n%v", tc.path, tc.msg, ns)
			}
		})
	}
}

func TestValidationAcceptsVariants(t *testing.T) {
	o := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	cases := []struct {
		name string
		over map[string]string
	}{
		{"the base rulebook is valid", nil},
		{"the optional sections may all be left out", o("jurisdiction", "", "regulation", "", "in_force", "",
			"bonus", "", "deductions", "", "facts", "", "assessment", "", "rounding", "", "missing", "",
			"rank_by", "", "votes", "", "eligibility", "", "tie_breaks", "", "awards", "")},
		{"a group max equal to its children's weighted maxima is accepted", o("criteria", `criteria:
  - id: I
    name: Nhóm
    max: 25
    children:
      - {id: "1.1", name: Một, max: 10}
      - {id: "1.2", name: Hai, max: 10, weight: 1.5}
  - {id: II, name: Nhóm hai, children: [{id: "2.1", name: Ba, max: 10}]}`)},
		{"an uncapped bonus item makes any bonus cap reachable", o("bonus", "bonus:\n  cap: 1000\n  items:\n    - {id: b1, name: X, points: 1}")},
		{"a deduction cap equal to the items' maxima is accepted", o("deductions", "deductions:\n  cap: 3\n  items:\n    - {id: d1, name: X, points: 1, max: 3}")},
		{"counts: stage naming a declared stage is accepted", o("assessment", "assessment:\n  stages: [{id: self, name: A}, {id: cluster, name: B}]\n  counts: stage\n  stage: cluster")},
		{"no_award_last_year without an argument is accepted", o("tie_breaks", "tie_breaks:\n  - no_award_last_year\n  - head_to_head\n  - percent\n  - more_bonus\n  - total\n  - lots")},
		{"a head-to-head rule named again for a smaller group is accepted", o("tie_breaks", "tie_breaks:\n  - league: once\n  - group: I\n  - league: once\n  - head_to_head\n  - more_bonus\n  - head_to_head\n  - league: reapply")},
		{"a relative criterion with a target is accepted", o("criteria", critWith(`      - {id: x, name: X, max: 10, method: relative, target: 50}`))},
		{"a votes criterion is accepted", o("criteria", critWith(`      - {id: x, name: X, max: 10, method: votes}`))},
		{"a ratio criterion without a default target is accepted", o("criteria", critWith(`      - {id: x, name: X, max: 10, method: ratio}`))},
		{"an award share of exactly 100% is accepted", o("awards", "awards:\n  - {id: all, name: Tất cả, share: 1/1}", "tie_breaks", "")},
		{"places 0 and 12 are accepted", o("rounding", "rounding:\n  quotient: {places: 12}\n  total: {places: 0, mode: floor}")},
		{"a group minimum may name a criterion", o("eligibility", "eligibility:\n  - {id: g, reason: R, group_min: {group: \"1.1\", min: 5}}", "awards", "", "tie_breaks", "")},
		{"a period open at one end is accepted", o("in_force", "in_force:\n  from: 2024-01-01")},
		{"a one-day period is accepted", o("in_force", "in_force:\n  from: 2024-05-01\n  to: 2024-05-01")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mustParse(t, doc(tc.over))
		})
	}
}

func TestValidationReportsEveryProblemInDocumentOrder(t *testing.T) {
	text := doc(map[string]string{
		"title":      "",
		"criteria":   critWith(`      - {id: x, name: X, max: 10, method: bogus}`),
		"missing":    "missing: skip",
		"tie_breaks": "tie_breaks:\n  - lots\n  - group: IX",
	})
	es := parseErrs(t, text)
	wantPaths := []string{"title", "criteria[0].children[1].method", "missing", "tie_breaks[0]", "tie_breaks[1]"}
	var got []string
	for _, e := range es {
		got = append(got, e.Path)
	}
	if strings.Join(got, " ") != strings.Join(wantPaths, " ") {
		t.Errorf("paths %v, want %v\n%v", got, wantPaths, es)
	}
	for i := 1; i < len(es); i++ {
		if es[i].Line < es[i-1].Line {
			t.Errorf("errors not in line order: %v before %v", es[i-1], es[i])
		}
	}
}

func TestValidationOfGoSpecHasNoPositions(t *testing.T) {
	rb, err := rules.New(rules.Spec{})
	if rb != nil {
		t.Fatal("New accepted an empty spec")
	}
	var es rules.Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %T is not rules.Errors", err)
	}
	checkTexts(t, es)
	var paths []string
	for _, e := range es {
		paths = append(paths, e.Path)
		if e.File != "" || e.Line != 0 || e.Column != 0 {
			t.Errorf("error from New has a position: %+v", *e)
		}
	}
	if want := "id version title criteria"; strings.Join(paths, " ") != want {
		t.Errorf("paths %v, want %s", paths, want)
	}
	if want := "id: a rulebook needs an id"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Error() = %q, want it to start with %q", err.Error(), want)
	}
}
