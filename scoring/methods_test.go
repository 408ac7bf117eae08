package scoring_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
)

// TestMethods scores one member on one criterion "c" by each per-member
// method and checks the points (weight 1, so the value equals the points).
func TestMethods(t *testing.T) {
	const tiers = `{id: c, name: C, max: 10, method: tiers, tiers: [{at_least: 50, points: 4}, {at_least: 80, points: 7}, {at_least: 95, points: 10}]}`
	tests := []struct {
		name   string
		crit   string // the criterion, a YAML flow mapping
		extra  string // more of the rulebook (rounding, …)
		value  string
		target string // the member's own target in the sheet, if any
		want   string
	}{
		// direct: the input is the points.
		{name: "direct: the input is the points", crit: `{id: c, name: C, max: 10}`, value: "7.5", want: "7.5"},
		{name: "direct: method may be omitted", crit: `{id: c, name: C, max: 12.99}`, value: "12.99", want: "12.99"},
		{name: "direct: zero is a score", crit: `{id: c, name: C, max: 10, method: direct}`, value: "0", want: "0"},

		// ratio: max × achieved ÷ target, capped at max.
		{name: "ratio below target scales down", crit: `{id: c, name: C, max: 10, method: ratio, target: 200}`, value: "150", want: "7.5"}, // 10 × 150 ÷ 200
		{name: "ratio at target gives the maximum", crit: `{id: c, name: C, max: 10, method: ratio, target: 200}`, value: "200", want: "10"},
		{name: "ratio above target is capped at the maximum", crit: `{id: c, name: C, max: 10, method: ratio, target: 200}`, value: "300", want: "10"},                           // 15 → 10
		{name: "ratio: the member's own target overrides the rulebook's", crit: `{id: c, name: C, max: 10, method: ratio, target: 200}`, value: "150", target: "300", want: "5"}, // 10 × 150 ÷ 300
		{name: "ratio: the sheet's target suffices without a default", crit: `{id: c, name: C, max: 10, method: ratio}`, value: "30", target: "40", want: "7.5"},
		{name: "ratio: a repeating quotient is rounded once to 6 places by default", crit: `{id: c, name: C, max: 10, method: ratio, target: 3}`, value: "2", want: "6.666667"}, // 20 ÷ 3 = 6.6666…
		{name: "ratio: the rulebook's quotient rule (2 places, down) applies", crit: `{id: c, name: C, max: 10, method: ratio, target: 3}`, extra: "rounding: {quotient: {places: 2, mode: down}}", value: "2", want: "6.66"},
		{name: "ratio: half_even quotient rounds a half to the even neighbour", crit: `{id: c, name: C, max: 1, method: ratio, target: 8}`, extra: "rounding: {quotient: {places: 2, mode: half_even}}", value: "1", want: "0.12"}, // 1 ÷ 8 = 0.125 → 0.12
		{name: "ratio: half_up quotient rounds a half away from zero", crit: `{id: c, name: C, max: 1, method: ratio, target: 8}`, extra: "rounding: {quotient: {places: 2, mode: half_up}}", value: "1", want: "0.13"},
		{name: "ratio: nothing achieved scores zero", crit: `{id: c, name: C, max: 10, method: ratio, target: 3}`, value: "0", want: "0"},

		// pass_fail: full points or nothing.
		{name: "pass/fail: achieved (đạt) gives full points", crit: `{id: c, name: C, max: 8, method: pass_fail}`, value: "1", want: "8"},
		{name: "pass/fail: 1.0 is the same as 1", crit: `{id: c, name: C, max: 8, method: pass_fail}`, value: "1.0", want: "8"},
		{name: "pass/fail: not achieved gives zero", crit: `{id: c, name: C, max: 8, method: pass_fail}`, value: "0", want: "0"},

		// tiers: the highest threshold reached.
		{name: "tiers: below every threshold scores zero", crit: tiers, value: "49.99", want: "0"},
		{name: "tiers: exactly at a threshold reaches it", crit: tiers, value: "50", want: "4"},
		{name: "tiers: between thresholds takes the lower one", crit: tiers, value: "94.9", want: "7"},
		{name: "tiers: above the top threshold takes the top tier", crit: tiers, value: "120", want: "10"},
		{name: "tiers written out of order still pick the highest reached", crit: `{id: c, name: C, max: 10, method: tiers, tiers: [{at_least: 95, points: 10}, {at_least: 50, points: 4}, {at_least: 80, points: 7}]}`, value: "85", want: "7"},

		// per_occurrence: count × points each, capped.
		{name: "per occurrence: count × points each", crit: `{id: c, name: C, max: 15, method: per_occurrence, points_each: 5}`, value: "2", want: "10"},
		{name: "per occurrence: exactly at the cap", crit: `{id: c, name: C, max: 15, method: per_occurrence, points_each: 5}`, value: "3", want: "15"},
		{name: "per occurrence: capped at the maximum", crit: `{id: c, name: C, max: 15, method: per_occurrence, points_each: 5}`, value: "5", want: "15"}, // 25 → 15
		{name: "per occurrence: fractional points each", crit: `{id: c, name: C, max: 3, method: per_occurrence, points_each: 0.25}`, value: "7", want: "1.75"},
		{name: "per occurrence: none scores zero", crit: `{id: c, name: C, max: 15, method: per_occurrence, points_each: 5}`, value: "0", want: "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, "criteria:\n  - "+tc.crit+"\n"+tc.extra+"\n")
			sh := scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "c", tc.value)}}
			if tc.target != "" {
				sh.Targets = []scoring.Target{{Member: "A", Criterion: "c", Value: d(tc.target)}}
			}
			c := mustScore(t, rb, sh)["A"]
			n := node(t, c, "c")
			eq(t, "points", n.Points, tc.want)
			eq(t, "value", n.Value, tc.want)
			eq(t, "total", c.Total, tc.want)
			eq(t, "raw", n.Raw, tc.value)
			require.Equal(t, "cluster", n.Stage)
		})
	}
}

// TestRelative scores a criterion against the cluster's leader (định lượng):
// below target ½·max·A/T, at target ½·max, best ratio max, others above
// target ½·max + ½·max·(A/T − 1)/(L − 1).
func TestRelative(t *testing.T) {
	type value struct{ achieved, target string } // target "" = the rulebook's
	tests := []struct {
		name  string
		crit  string
		extra string
		got   map[string]value
		want  map[string]string
	}{
		{
			name: "the five cases of the formula in one cluster",
			crit: `{id: c, name: C, max: 20, method: relative, target: 100}`,
			got: map[string]value{
				"A": {"80", ""},     // below: ½·20·80/100 = 8
				"B": {"100", ""},    // at target: 10
				"C": {"150", ""},    // leader, ratio 1.5: 20
				"D": {"120", ""},    // 10 + 10·(1.2−1)/(1.5−1) = 10 + 4 = 14
				"E": {"300", "200"}, // ratio 1.5 with its own target: co-leader, 20
			},
			want: map[string]string{"A": "8", "B": "10", "C": "20", "D": "14", "E": "20"},
		},
		{
			name: "above target is one exact quotient rounded once",
			crit: `{id: c, name: C, max: 10, method: relative, target: 100}`,
			// A: 5 + 5·0.1/0.3 = 6.6666… → 6.666667 (rounding 0.1/0.3 first
			// would give 5 + 5·0.333333 = 6.666665).
			got:  map[string]value{"A": {"110", ""}, "B": {"130", ""}},
			want: map[string]string{"A": "6.666667", "B": "10"},
		},
		{
			name: "co-leaders with equal ratios on different targets all get the maximum",
			crit: `{id: c, name: C, max: 10, method: relative}`,
			got: map[string]value{
				"A": {"130", "100"}, // 1.3
				"B": {"260", "200"}, // 1.3
				"C": {"220", "200"}, // 1.1: 5 + 5·0.1/0.3 = 6.666667
			},
			want: map[string]string{"A": "10", "B": "10", "C": "6.666667"},
		},
		{
			name: "a leader exactly at target gets half, not the maximum",
			crit: `{id: c, name: C, max: 10, method: relative, target: 100}`,
			got:  map[string]value{"A": {"100", ""}, "B": {"50", ""}}, // 5; ½·10·0.5 = 2.5
			want: map[string]string{"A": "5", "B": "2.5"},
		},
		{
			name: "a leader below target is scored like everyone below target",
			crit: `{id: c, name: C, max: 10, method: relative, target: 100}`,
			got:  map[string]value{"A": {"80", ""}, "B": {"40", ""}}, // 4; 2
			want: map[string]string{"A": "4", "B": "2"},
		},
		{
			name: "a member alone above target leads",
			crit: `{id: c, name: C, max: 10, method: relative, target: 100}`,
			got:  map[string]value{"A": {"101", ""}},
			want: map[string]string{"A": "10"},
		},
		{
			name:  "the rulebook's quotient rule applies to the relative formula",
			crit:  `{id: c, name: C, max: 10, method: relative, target: 3}`,
			extra: "rounding: {quotient: {places: 1, mode: down}}",
			// A below: 10·2 ÷ (2·3) = 3.33… → 3.3; B leads.
			got:  map[string]value{"A": {"2", ""}, "B": {"4", ""}},
			want: map[string]string{"A": "3.3", "B": "10"},
		},
		{
			name:  "a missing value scores zero under missing: zero and cannot lead",
			crit:  `{id: c, name: C, max: 10, method: relative, target: 100}`,
			extra: "missing: zero",
			got:   map[string]value{"A": {"120", ""}, "B": {"110", ""}, "C": {"", ""}}, // B: 5 + 5·0.1/0.2 = 7.5
			want:  map[string]string{"A": "10", "B": "7.5", "C": "0"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, "criteria:\n  - "+tc.crit+"\n"+tc.extra+"\n")
			var sh scoring.Sheet
			for m, v := range tc.got {
				sh.Members = append(sh.Members, members(m)...)
				if v.achieved != "" {
					sh.Scores = append(sh.Scores, cl(m, "c", v.achieved))
				}
				if v.target != "" {
					sh.Targets = append(sh.Targets, scoring.Target{Member: m, Criterion: "c", Value: d(v.target)})
				}
			}
			cards := mustScore(t, rb, sh)
			for m, want := range tc.want {
				eq(t, "points of "+m, node(t, cards[m], "c").Points, want)
			}
		})
	}
}

func TestRelativeCountsTheCountedStage(t *testing.T) {
	// A claims 200 in its self-assessment but the cluster verifies 110; the
	// latest stage counts, so B (130) leads and A gets 5 + 5·0.1/0.3.
	rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, method: relative, target: 100}\n")
	cards := mustScore(t, rb, scoring.Sheet{
		Members: members("A", "B"),
		Scores:  []scoring.Entry{at("self", "A", "c", "200"), cl("A", "c", "110"), cl("B", "c", "130")},
	})
	eq(t, "A", node(t, cards["A"], "c").Points, "6.666667")
	eq(t, "A raw", node(t, cards["A"], "c").Raw, "110")
	require.Equal(t, "cluster", node(t, cards["A"], "c").Stage)
	eq(t, "B", node(t, cards["B"], "c").Points, "10")
}

// TestVotes converts the ballot into points: max × votes ÷ highest count.
func TestVotes(t *testing.T) {
	const book = "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: v, name: Votes, max: 10, method: votes}\n"
	tests := []struct {
		name        string
		votes       map[string]int
		notAssigned []string
		want        map[string]string
	}{
		{
			name:  "the most votes get the maximum, the others in proportion",
			votes: map[string]int{"A": 6, "B": 4, "C": 0},
			want:  map[string]string{"A": "10", "B": "6.666667", "C": "0"}, // 10·4/6
		},
		{
			name:  "a member missing from the ballot has no votes",
			votes: map[string]int{"A": 5, "B": 5},
			want:  map[string]string{"A": "10", "B": "10", "C": "0"},
		},
		{
			name:  "nobody voted for: everybody scores zero",
			votes: map[string]int{"A": 0, "B": 0, "C": 0},
			want:  map[string]string{"A": "0", "B": "0", "C": "0"},
		},
		{
			name:        "the highest count is among the members the criterion is assigned to",
			votes:       map[string]int{"A": 6, "B": 4, "C": 2},
			notAssigned: []string{"A"},
			want:        map[string]string{"A": "0", "B": "10", "C": "5"}, // 10·2/4
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, book)
			// seven people vote (more than the members: e.g. a council)
			sh := scoring.Sheet{Members: members("A", "B", "C"), Ballot: &scoring.Ballot{Entitled: 7}}
			for _, m := range []string{"A", "B", "C"} {
				sh.Scores = append(sh.Scores, cl(m, "a", "5"))
				if n, ok := tc.votes[m]; ok {
					sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: m, For: n})
				}
			}
			for _, m := range tc.notAssigned {
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: m, Criterion: "v"})
			}
			cards := mustScore(t, rb, sh)
			for m, want := range tc.want {
				n := node(t, cards[m], "v")
				eq(t, "points of "+m, n.Points, want)
				eq(t, "raw of "+m, n.Raw, map[bool]string{true: strconv.Itoa(tc.votes[m]), false: "0"}[n.Assigned])
			}
			require.True(t, cards["A"].Votes.Recorded)
			require.Equal(t, 7, cards["A"].Votes.Entitled)
			require.Equal(t, 7, cards["A"].Votes.Present, "present defaults to entitled")
		})
	}
}

func TestBallotDefaults(t *testing.T) {
	rb := mustRulebook(t, "criteria:\n  - {id: v, name: Votes, max: 10, method: votes}\n")
	t.Run("entitled defaults to the number of members and present to entitled", func(t *testing.T) {
		cards := mustScore(t, rb, scoring.Sheet{Members: members("A", "B", "C"), Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 3}}}})
		require.Equal(t, scoring.VoteCount{Recorded: true, Voted: true, For: 3, Present: 3, Entitled: 3}, cards["A"].Votes)
		require.Equal(t, scoring.VoteCount{Recorded: true, For: 0, Present: 3, Entitled: 3}, cards["B"].Votes, "B was not put to the vote")
	})
	t.Run("against and abstentions are carried to the scorecard", func(t *testing.T) {
		cards := mustScore(t, rb, scoring.Sheet{Members: members("A", "B"), Ballot: &scoring.Ballot{Entitled: 5, Present: 4, Votes: []scoring.Vote{{Member: "A", For: 2, Against: 1, Abstain: 1}}}})
		require.Equal(t, scoring.VoteCount{Recorded: true, Voted: true, For: 2, Against: 1, Abstain: 1, Present: 4, Entitled: 5}, cards["A"].Votes)
	})
}

func TestNamedBallots(t *testing.T) {
	rb := mustRulebook(t, `criteria:
  - {id: v, name: Votes, max: 10, method: votes}
votes:
  ballots:
    - {id: co, name: Phiếu Cờ thi đua}
    - {id: bk, name: Phiếu Bằng khen}
eligibility:
  - {id: pco, reason: Quá nửa phiếu Cờ, min_votes: {share: 50%, ballot: co}, strict: true}
`)
	cards := mustScore(t, rb, scoring.Sheet{Members: members("A", "B", "C"), Ballots: []scoring.Ballot{
		{ID: "bk", Entitled: 3, Votes: []scoring.Vote{{Member: "B", For: 2}}},
		{ID: "co", Present: 2, Votes: []scoring.Vote{{Member: "A", For: 2}, {Member: "B", For: 0, Against: 2}}},
	}})
	require.Equal(t, []scoring.VoteCount{
		{Ballot: "co", Recorded: true, Voted: true, For: 2, Present: 2, Entitled: 3},
		{Ballot: "bk", Recorded: true, Present: 3, Entitled: 3},
	}, cards["A"].Ballots, "in the rulebook's order; A was not put to the bk vote")
	a, b := cards["A"], cards["B"]
	require.Equal(t, a.Ballots[0], a.Ballot("co"))
	require.Equal(t, scoring.VoteCount{Ballot: "x"}, a.Ballot("x"), "a ballot the rulebook does not list: not recorded")
	require.Equal(t, scoring.VoteCount{Ballot: "co", Recorded: true, Voted: true, For: 2, Present: 2, Entitled: 3}.For, cards["A"].Votes.For, "Votes is the first listed ballot's")
	require.Equal(t, scoring.VoteCount{Ballot: "bk", Recorded: true, Voted: true, For: 2, Present: 3, Entitled: 3}, b.Ballot("bk"))

	for _, tc := range []struct {
		name string
		sh   scoring.Sheet
		want string
	}{
		{"an unnamed ballot", scoring.Sheet{Members: members("A"), Ballot: &scoring.Ballot{}}, "name the ballot this result is of (co, bk)"},
		{"an unknown ballot", scoring.Sheet{Members: members("A"), Ballots: []scoring.Ballot{{ID: "x"}}}, `the rulebook has no ballot "x"; its ballots are: co, bk`},
		{"a ballot twice", scoring.Sheet{Members: members("A"), Ballots: []scoring.Ballot{{ID: "co"}, {ID: "co"}}}, "ballot recorded twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scoring.Score(rb, tc.sh)
			require.ErrorContains(t, err, tc.want)
		})
	}
	plain := mustRulebook(t, "criteria:\n  - {id: v, name: Votes, max: 10}\n")
	_, err := scoring.Score(plain, scoring.Sheet{Members: members("A"), Ballots: []scoring.Ballot{{ID: "co"}}})
	require.ErrorContains(t, err, `the rulebook lists no ballots (votes.ballots), but the sheet records ballot "co"`)
}
