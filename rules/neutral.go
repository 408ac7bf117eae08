package rules

import "slices"

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
	out := s.clone()
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
		for i := range out.Awards {
			out.Awards[i].Requires = slices.DeleteFunc(out.Awards[i].Requires, func(id string) bool { return slices.Contains(drop, id) })
		}
	case FeatureRounding:
		out.Rounding.Criterion, out.Rounding.Group, out.Rounding.Total, out.Rounding.Percent = nil, nil, nil, nil
	default:
		return s, false
	}
	return out, true
}

// clone copies the lists Neutral changes, so that the copy shares none of
// them with s.
func (s Spec) clone() Spec {
	out := s
	out.TieBreaks = slices.Clone(s.TieBreaks)
	out.Eligibility = slices.Clone(s.Eligibility)
	out.Awards = slices.Clone(s.Awards)
	for i := range out.Awards {
		out.Awards[i].Requires = slices.Clone(s.Awards[i].Requires)
	}
	return out
}
