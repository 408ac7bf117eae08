package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
)

func TestLeafPoints(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group I
    children:
      - {id: direct, name: D, max: 10, weight: 2}
      - {id: ratio, name: R, max: 10, method: ratio, target: 3}
      - {id: own, name: O, max: 10, method: ratio}
  - {id: pf, name: P, max: 8, method: pass_fail}
  - {id: tiers, name: T, max: 10, method: tiers, tiers: [{at_least: 50, points: 4}, {at_least: 80, points: 10}]}
  - {id: occ, name: O, max: 15, method: per_occurrence, points_each: 5, weight: 0.5}
  - {id: rel, name: Rel, max: 10, method: relative, target: 100}
  - {id: votes, name: V, max: 10, method: votes}
rounding: {criterion: {places: 2}}
`)
	tests := []struct {
		name, criterion, value, target string
		points, contribution           string
	}{
		{"direct: the value is the points, weighted", "direct", "7.5", "", "7.5", "15"},
		// weight 1 and criterion-level rounding: the quotient 20/3 is rounded once, to 2 places
		{"ratio with the rulebook's target, rounded at the criterion level", "ratio", "2", "", "6.67", "6.67"},
		{"ratio with the member's own target", "ratio", "2", "4", "5", "5"},
		{"ratio capped at the maximum", "ratio", "9", "", "10", "10"},
		{"ratio without a default target takes the one given", "own", "30", "40", "7.5", "7.5"},
		{"pass/fail achieved", "pf", "1", "", "8", "8"},
		{"pass/fail not achieved", "pf", "0", "", "0", "0"},
		{"tiers", "tiers", "79.9", "", "4", "4"},
		{"per occurrence capped then weighted and rounded", "occ", "4", "", "15", "7.5"},
		{"per occurrence weighted and rounded (1 × 5 × 0.5)", "occ", "1", "", "5", "2.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			target := decimal.Zero
			if tc.target != "" {
				target = d(tc.target)
			}
			p, c, err := scoring.LeafPoints(rb, tc.criterion, d(tc.value), target)
			require.NoError(t, err)
			eq(t, "points", p, tc.points)
			eq(t, "contribution", c, tc.contribution)
		})
	}
	for _, tc := range []struct{ name, criterion, value, target, msg string }{
		{"an unknown criterion", "nope", "1", "", `unknown criterion "nope"`},
		{"a group", "I", "1", "", "is a group"},
		{"a relative criterion depends on the cluster", "rel", "1", "", "relative"},
		{"a votes criterion depends on the cluster", "votes", "1", "", "votes"},
		{"a negative value", "direct", "-1", "", "outside"},
		{"a direct value above the maximum", "direct", "10.5", "", "outside 0…10"},
		{"a ratio without any target", "own", "1", "", "positive target"},
	} {
		t.Run(tc.name+" is an error", func(t *testing.T) {
			_, _, err := scoring.LeafPoints(rb, tc.criterion, d(tc.value), decimal.Zero)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

// LeafPoints gives exactly what Score gives for a single counted value.
func TestLeafPointsAgreesWithScore(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: r, name: R, max: 7, method: ratio, target: 9, weight: 1.5}
  - {id: o, name: O, max: 10, method: per_occurrence, points_each: 3}
  - {id: a, name: A, max: 10, weight: 0.3}
rounding: {criterion: {places: 1, mode: half_even}, quotient: {places: 4}}
`)
	for _, v := range []string{"0", "1", "2", "3", "4", "5", "7", "8", "9", "10"} {
		cards := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "r", v), cl("A", "o", v), cl("A", "a", v)}})
		for _, id := range []string{"r", "o", "a"} {
			p, c, err := scoring.LeafPoints(rb, id, d(v), decimal.Zero)
			require.NoError(t, err)
			n := node(t, cards["A"], id)
			require.True(t, p.Equal(n.Points), "%s = %s: LeafPoints %s, Score %s", id, v, p, n.Points)
			require.True(t, c.Equal(n.Value), "%s = %s: LeafPoints %s, Score %s", id, v, c, n.Value)
		}
	}
}
