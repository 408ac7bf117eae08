package ranking

import (
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Eligible reports whether a scorecard meets one eligibility condition of
// the rulebook (the test Rank applies to every member).
func Eligible(rb *rules.Rulebook, c rules.Condition, card scoring.Scorecard) bool {
	return standings.EligibleCard(rb, c, card)
}

// BelowFloor returns the criteria a criterion_floor condition finds below
// its share of their maximum, for one scorecard: the assigned criteria
// (under the condition's Within group, if it names one) whose points are
// below share × maximum, in rulebook order. It is nil for other conditions.
func BelowFloor(rb *rules.Rulebook, c rules.Condition, card scoring.Scorecard) []scoring.NodeScore {
	return standings.BelowFloor(rb, c, card)
}

// Quota is the number of places of an award tier in a cluster of n
// members: its count, or its share of n rounded as the tier says.
func Quota(t rules.AwardTier, n int) int {
	return standings.Quota(t, n)
}
