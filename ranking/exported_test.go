package ranking_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

func TestQuota(t *testing.T) {
	share := func(n, d int64) rules.Share { return rules.Share{Num: n, Den: d} }
	tests := []struct {
		name string
		tier rules.AwardTier
		n    int
		want int
	}{
		{"a count is the quota whatever the cluster's size", rules.AwardTier{Count: 3}, 2, 3},
		{"30% of 7 rounded down is 2", rules.AwardTier{Share: share(3, 10), ShareRounding: rules.RoundFloor}, 7, 2},
		{"30% of 7 rounded up is 3", rules.AwardTier{Share: share(3, 10), ShareRounding: rules.RoundCeiling}, 7, 3},
		{"half of 7 rounded half up is 4", rules.AwardTier{Share: share(1, 2), ShareRounding: rules.RoundHalfUp}, 7, 4},
		{"half of 5 rounded half even is 2", rules.AwardTier{Share: share(1, 2), ShareRounding: rules.RoundHalfEven}, 5, 2},
		{"half of 7 rounded half even is 4", rules.AwardTier{Share: share(1, 2), ShareRounding: rules.RoundHalfEven}, 7, 4},
		{"2/3 of 9 is exactly 6 in every mode", rules.AwardTier{Share: share(2, 3), ShareRounding: rules.RoundUp}, 9, 6},
		{"a share of an empty cluster is 0", rules.AwardTier{Share: share(1, 2), ShareRounding: rules.RoundCeiling}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, ranking.Quota(tc.tier, tc.n))
		})
	}
	t.Run("a share without a rounding mode rounds down, as AwardTier documents", func(t *testing.T) {
		require.Equal(t, 3, ranking.Quota(rules.AwardTier{Share: share(1, 2)}, 7)) // 3.5 → 3
	})
	t.Run("the quota of a parsed rulebook's tier follows its defaults", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 1}\nawards:\n  - {id: m, name: M, share: 1/2}\n")
		require.Equal(t, 3, ranking.Quota(rb.Awards()[0], 7))
	})
}

func TestDrawOrder(t *testing.T) {
	members := []string{"SCT", "SGD", "STC", "SYT", "SXD"}
	t.Run("every member is drawn once", func(t *testing.T) {
		for seed := range uint64(50) {
			got := ranking.DrawOrder(seed, members)
			sorted := slices.Sorted(slices.Values(got))
			require.Equal(t, []string{"SCT", "SGD", "STC", "SXD", "SYT"}, sorted)
		}
	})
	t.Run("the order the members are given in does not matter", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 1))
		for seed := range uint64(50) {
			in := slices.Clone(members)
			r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
			require.Equal(t, ranking.DrawOrder(seed, members), ranking.DrawOrder(seed, in))
		}
	})
	t.Run("the caller's slice is not changed", func(t *testing.T) {
		in := []string{"B", "A", "C"}
		ranking.DrawOrder(9, in)
		require.Equal(t, []string{"B", "A", "C"}, in)
	})
	t.Run("one member or none", func(t *testing.T) {
		require.Equal(t, []string{"A"}, ranking.DrawOrder(1, []string{"A"}))
		require.Empty(t, ranking.DrawOrder(1, nil))
	})
	t.Run("the seed changes the draw", func(t *testing.T) {
		seen := map[string]bool{}
		for seed := range uint64(40) {
			seen[slices.Concat(ranking.DrawOrder(seed, members))[0]] = true
		}
		require.Len(t, seen, 5, "every member should be drawn first for some seed")
	})
	t.Run("Rank draws lots with it", func(t *testing.T) {
		rb := mustRulebook(t, tieBook+"tie_breaks: [lots]\n")
		var sh scoring.Sheet
		for _, m := range members {
			scores(&sh, m, abc, "5 5 5")
		}
		for seed := range uint64(20) {
			st := mustRank(t, rb, sh, ranking.WithSeed(seed))
			require.Equal(t, ranking.DrawOrder(seed, members), order(st), "seed %d", seed)
		}
	})
}

// Eligible is the test Rank applies: it agrees with every row's failures.
func TestEligibleAgreesWithRank(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for run := range 100 {
		g := genRanked(r, run%2 == 0, false)
		rb := mustRulebook(t, g.yaml)
		st := mustRank(t, rb, g.sheet, g.opts...)
		for _, row := range st.Rows {
			for _, c := range rb.Eligibility() {
				failed := slices.ContainsFunc(row.Failed, func(f ranking.Failure) bool { return f.Condition == c.ID })
				require.Equal(t, !failed, ranking.Eligible(rb, c, row.Card), "run %d: %s, condition %s", run, row.Member.ID, c.ID)
			}
		}
	}
}

// WithoutTrace changes nothing but the traces.
func TestWithoutTraceGivesTheSameStandings(t *testing.T) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	for _, f := range []string{"scores-2020.csv", "tie-broken.csv", "top-ineligible.csv", "unresolved-tie.csv"} {
		sh, err := sheets.Load("../examples/cum2/" + f)
		require.NoError(t, err)
		full, err := ranking.Rank(rb, sh)
		require.NoError(t, err)
		quiet, err := ranking.Rank(rb, sh, ranking.WithoutTrace())
		require.NoError(t, err)
		for i := range full.Rows {
			require.NotEmpty(t, full.Rows[i].Card.Trace)
			require.Empty(t, quiet.Rows[i].Card.Trace)
			full.Rows[i].Card.Trace = nil
		}
		require.Empty(t, cmp.Diff(full, quiet, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })), f)
	}
}
