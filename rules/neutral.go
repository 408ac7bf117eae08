package rules

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Feature names a rule of a rulebook that breaks a fairness property by
// design (see package invariants): a rulebook without it is the "neutral"
// world in which a violation it explains disappears. Neutral writes, once,
// what taking each feature out means.
type Feature string

// The features a rulebook can be neutralised of, each as a rulebook's
// text names it.
const (
	// FeatureIfIneligibleNone: a tier that leaves an ineligible member's
	// place unawarded (if_ineligible: none, không chuyển suất); neutral,
	// every tier passes the place on (next_eligible).
	FeatureIfIneligibleNone Feature = "none"
	// FeatureLots: drawing lots (bốc thăm), which with a seed depends on
	// who else is tied; neutral, the chain ends before it and the tie it
	// would break stays.
	FeatureLots Feature = "lots"
	// FeatureMinVotes: conditions on a share of the votes (tỷ lệ phiếu
	// bầu), whose base is the number of members; neutral, they are
	// dropped, and no tier requires them.
	FeatureMinVotes Feature = "min_votes"
	// FeatureRounding: rounding to fixed places (làm tròn), which does not
	// scale with the weights; neutral, nothing is rounded.
	FeatureRounding Feature = "rounding"
)

// Neutral returns a copy of the spec without the feature, and whether the
// feature is one Neutral knows. The copy shares nothing with s. It may
// still be invalid (rules.New says), e.g. a chain left empty is not.
func (s Spec) Neutral(f Feature) (Spec, bool) {
	out := cloneSpec(s)
	switch f {
	case FeatureIfIneligibleNone:
		for i := range out.Awards {
			if out.Awards[i].IfIneligible == Nobody {
				out.Awards[i].IfIneligible = NextEligible
			}
		}
	case FeatureLots:
		out.TieBreaks = slices.DeleteFunc(out.TieBreaks, func(tb TieBreak) bool { return tb.Kind == DrawingLots })
	case FeatureMinVotes:
		var drop []string
		out.Eligibility = slices.DeleteFunc(out.Eligibility, func(c Condition) bool {
			if c.MinVotes != nil {
				drop = append(drop, c.ID)
			}
			return c.MinVotes != nil
		})
		dropped := func(id string) bool { return slices.Contains(drop, id) }
		for i := range out.Awards {
			out.Awards[i].Requires = slices.DeleteFunc(out.Awards[i].Requires, dropped)
		}
		for i := range out.Grades { // a band's own vote goes too
			out.Grades[i].Requires = slices.DeleteFunc(out.Grades[i].Requires, dropped)
		}
	case FeatureRounding:
		out.Rounding.Criterion, out.Rounding.Group, out.Rounding.Total, out.Rounding.Percent = nil, nil, nil, nil
	default:
		return s, false
	}
	return out, true
}

// FixedQuotas returns a copy of the spec in which every tier given as a
// share of the cluster has the count that share gives a cluster of n
// members (at least one): the quotas no longer grow with the cluster.
func (s Spec) FixedQuotas(n int) Spec {
	out := cloneSpec(s)
	for i, t := range out.Awards {
		if t.Count == 0 {
			out.Awards[i].Count = max(1, t.Quota(n))
			out.Awards[i].Share, out.Awards[i].ShareRounding = Share{}, ""
		}
	}
	return out
}

// Direct returns a copy of the spec in which the criteria with the given
// ids are scored as direct points (chấm thẳng) without a target: a sheet
// then gives them the points they scored, which no longer depend on the
// other members (relative and votes criteria frozen).
func (s Spec) Direct(ids []string) Spec {
	out := cloneSpec(s)
	var walk func(cs []Criterion)
	walk = func(cs []Criterion) {
		for i := range cs {
			if cs[i].IsGroup() {
				walk(cs[i].Children)
			} else if slices.Contains(ids, cs[i].ID) {
				cs[i].Method, cs[i].Target = Direct, decimal.Zero
			}
		}
	}
	walk(out.Criteria)
	return out
}
