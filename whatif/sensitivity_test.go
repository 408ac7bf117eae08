package whatif_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// rankWeight ranks the cluster with a node's weight set to w, the way a
// reader of the rulebook would: edit the spec, rebuild.
func rankWeight(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet, node string, w decimal.Decimal) *ranking.Standings {
	t.Helper()
	spec := rb.Spec()
	var set func(cs []rules.Criterion) bool
	set = func(cs []rules.Criterion) bool {
		for i := range cs {
			if cs[i].ID == node {
				cs[i].Weight = w
				return true
			}
			if set(cs[i].Children) {
				cs[i].MaxPoints = decimal.Zero
				return true
			}
		}
		return false
	}
	require.True(t, set(spec.Criteria))
	rb2, err := rules.New(spec)
	require.NoError(t, err)
	st, err := ranking.Rank(rb2, sh)
	require.NoError(t, err)
	return st
}

// rankScore ranks the cluster with every entry of the member for the
// criterion set to v.
func rankScore(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet, member, crit string, v decimal.Decimal) *ranking.Standings {
	t.Helper()
	s := scoring.NetSigned(rb, sh) // a signed criterion's input is its net points
	s.Scores = append([]scoring.Entry(nil), s.Scores...)
	for i, e := range s.Scores {
		if e.Member == member && e.Criterion == crit {
			s.Scores[i].Value = v
		}
	}
	st, err := ranking.Rank(rb, s)
	require.NoError(t, err)
	return st
}

func TestSensitivityOnCum2(t *testing.T) {
	rb, sh := cum2(t)
	type be struct {
		at       string
		attained bool
		before   string // winners and flag below
		after    string
	}
	cases := []struct {
		name string
		p    whatif.Parameter
		r    whatif.Range
		want []be
	}{
		// TTT's 07 is worth 20 points against SCT's 19.6: the unrounded
		// totals meet at 51.875 (56 + 20w = 76.75 + 19.6w), where SCT wins
		// the tie on group I. Criterion rounding (2 places) then moves the
		// change to 51.87525, where 20w reaches 1037.505 and rounds up while
		// 19.6w = 1016.75490 still rounds down: TTT 1093.51 > SCT 1093.50.
		{"the weight of 07 hands rank 1 to Thanh tra tỉnh at 51.87525", whatif.WeightOf("07"),
			whatif.Range{From: d("50"), To: d("53"), Step: d("0.5")},
			[]be{{"51.87525", true, "winner SCT; flag SCT; merit TTT, SKHCN", "winner TTT; flag SCT; merit TTT, SKHCN"}}},
		// SCT's 08 is the mean of two assessors; with both at x, the mean
		// is rounded once to 2 places, so 8.495 counts as 8.50 — the 85%
		// floor — and SCT keeps the flag from there.
		{"the disputed 08 of Sở Công Thương decides the flag at 8.495", whatif.ScoreOf("SCT", "08"),
			whatif.Range{From: d("8"), To: d("9"), Step: d("0.5")},
			[]be{{"8.495", true, "winner SCT; flag SKHCN; merit SCT, SXD", "winner SCT; flag SCT; merit SKHCN, SXD"}}},
		// A weight on group I below about 0.84 takes SCT under 90 points.
		{"a light group I leaves the flag to nobody below 6529/7800", whatif.WeightOf("I"),
			whatif.Range{From: d("0.8"), To: d("0.9"), Step: d("0.1")},
			[]be{{"6529/7800", false, "winner SCT; flag nobody; merit SCT, SKHCN", "winner SCT; flag SCT; merit SKHCN, SXD"}}},
		{"SCT's 07 never changes the outcome between 90 and 100", whatif.ScoreOf("SCT", "07"),
			whatif.Range{From: d("90"), To: d("100"), Step: d("2")}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := whatif.Sensitivity(context.Background(), rb, sh, c.p, c.r)
			require.NoError(t, err)
			require.Empty(t, res.Notes)
			require.Len(t, res.BreakEvens, len(c.want))
			for i, w := range c.want {
				got := res.BreakEvens[i]
				require.True(t, got.Exact)
				require.Equal(t, w.at, got.At)
				require.Equal(t, w.attained, got.Attained)
				require.Equal(t, w.before, got.Below.String())
				require.Equal(t, w.after, got.Above.String())
			}
		})
	}
}

// TestBreakEvensAreTheFirstChange checks every break-even of random small
// clusters independently: the engine gives the old outcome just below it
// (on a fine grid from the last grid value) and the new one at (or just
// above) it.
func TestBreakEvensAreTheFirstChange(t *testing.T) {
	cases := 120
	if testing.Short() {
		cases = 30
	}
	var found, exact int
	for seed := uint64(1); seed <= uint64(cases); seed++ {
		r := rand.New(rand.NewPCG(seed, 77))
		c := genCase(r)
		var p whatif.Parameter
		var rng whatif.Range
		var rankAt func(v decimal.Decimal) *ranking.Standings
		discrete := false // the parameter takes whole values only
		nodes := c.rb.Nodes()
		n := nodes[r.IntN(len(nodes))]
		if r.IntN(2) == 0 || n.IsGroup() || n.Method == rules.Relative || n.Method == rules.PassFail {
			p = whatif.WeightOf(n.ID)
			rng = whatif.Range{From: d("0.5"), To: d("3"), Step: d("0.5")}
			rankAt = func(v decimal.Decimal) *ranking.Standings { return rankWeight(t, c.rb, c.sh, n.ID, v) }
		} else {
			m := c.sh.Members[r.IntN(len(c.sh.Members))].ID
			if !assigned(t, c, m, n.ID) {
				continue
			}
			p = whatif.ScoreOf(m, n.ID)
			discrete = n.Method == rules.PerOccurrence || n.Method == rules.Fewer
			hi := d("4")
			if n.Method == rules.Direct {
				hi = n.Max
			}
			rng = whatif.Range{From: d("0"), To: hi, Step: d("1")}
			rankAt = func(v decimal.Decimal) *ranking.Standings { return rankScore(t, c.rb, c.sh, m, n.ID, v) }
		}
		res, err := whatif.Sensitivity(context.Background(), c.rb, c.sh, p, rng)
		require.NoError(t, err, "seed %d: %s\n%s", seed, p, describe(c))
		for _, b := range res.BreakEvens {
			found++
			require.True(t, whatif.OutcomeOf(rankAt(b.BelowAt)).Equal(b.Below), "seed %d: below", seed)
			require.True(t, whatif.OutcomeOf(rankAt(b.AboveAt)).Equal(b.Above), "seed %d: above", seed)
			require.False(t, b.Below.Equal(b.Above))
			if !b.Exact {
				continue
			}
			exact++
			// No change between the last grid value and the break-even:
			// a fine grid of 50 values, and the last decimal below it.
			span := b.Value.Sub(b.Last)
			tiny := decimal.New(1, -10)
			if discrete {
				tiny = decimal.NewFromInt(1)
				require.True(t, b.Attained)
				require.True(t, b.Value.IsInteger())
			}
			for k := 0; k < 50 && !discrete; k++ {
				v := b.Last.Add(span.Mul(decimal.NewFromInt(int64(k))).Div(decimal.NewFromInt(50)).Truncate(8))
				if v.GreaterThanOrEqual(b.Value) {
					break
				}
				require.True(t, whatif.OutcomeOf(rankAt(v)).Equal(b.Below), "seed %d: %s: the outcome changes at %s, before the break-even %s\n%s", seed, p, v, b.At, describe(c))
			}
			if b.Attained {
				require.True(t, whatif.OutcomeOf(rankAt(b.Value)).Equal(b.Above), "seed %d: not attained at %s", seed, b.At)
				below := b.Value.Sub(tiny)
				require.True(t, whatif.OutcomeOf(rankAt(below)).Equal(b.Below), "seed %d: already changed at %s", seed, below)
			} else {
				above := b.Value.Add(tiny)
				require.True(t, whatif.OutcomeOf(rankAt(above)).Equal(b.Above), "seed %d: not changed just above %s", seed, b.At)
			}
		}
	}
	t.Logf("%d break-evens checked, %d located exactly", found, exact)
	require.Positive(t, exact)
}

func assigned(t testing.TB, c randomCase, member, crit string) bool {
	st, err := ranking.Rank(c.rb, c.sh)
	require.NoError(t, err)
	row, _ := st.Row(member)
	n, _ := row.Card.Node(crit)
	return n.Assigned
}

func TestSensitivityErrors(t *testing.T) {
	rb, sh := cum2(t)
	cases := []struct {
		name     string
		p        whatif.Parameter
		r        whatif.Range
		sentinel error
		value    string
	}{
		{"a weight of zero", whatif.WeightOf("07"), whatif.Range{From: d("0"), To: d("1"), Step: d("0.5")}, whatif.ErrBadRange, "0"},
		{"a reversed range", whatif.WeightOf("07"), whatif.Range{From: d("2"), To: d("1"), Step: d("0.5")}, whatif.ErrBadRange, "1"},
		{"a step of zero", whatif.WeightOf("07"), whatif.Range{From: d("1"), To: d("2"), Step: d("0")}, whatif.ErrBadRange, "0"},
		{"a direct score above its maximum", whatif.ScoreOf("SCT", "03"), whatif.Range{From: d("10"), To: d("21"), Step: d("1")}, whatif.ErrBadRange, "21"},
		{"a fractional count", whatif.ScoreOf("SCT", "02"), whatif.Range{From: d("0"), To: d("4"), Step: d("0.5")}, whatif.ErrBadRange, "0 … 4 step 0.5"},
		{"an unknown node", whatif.WeightOf("99"), whatif.Range{From: d("1"), To: d("2"), Step: d("1")}, whatif.ErrUnknownCriterion, ""},
		{"a group's score", whatif.ScoreOf("SCT", "I"), whatif.Range{From: d("1"), To: d("2"), Step: d("1")}, whatif.ErrUnknownCriterion, ""},
		{"an unknown member", whatif.ScoreOf("XYZ", "03"), whatif.Range{From: d("1"), To: d("2"), Step: d("1")}, whatif.ErrUnknownMember, ""},
		{"too many grid values", whatif.WeightOf("07"), whatif.Range{From: d("1"), To: d("2000"), Step: d("0.001")}, whatif.ErrTooLarge, "0.001"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := whatif.Sensitivity(context.Background(), rb, sh, c.p, c.r)
			require.ErrorIs(t, err, c.sentinel)
			we := checkRequestError(t, err)
			require.Equal(t, c.value, we.Value)
		})
	}
}

func TestKendallTau(t *testing.T) {
	cases := []struct {
		name string
		a, b []int
		tau  string
		c, d int64
	}{
		{"the same order is 1", []int{1, 2, 3, 4}, []int{1, 2, 3, 4}, "1", 6, 0},
		{"the reverse order is −1", []int{1, 2, 3, 4}, []int{4, 3, 2, 1}, "-1", 0, 6},
		{"one swap of four is 2/3", []int{1, 2, 3, 4}, []int{2, 1, 3, 4}, "0.6667", 5, 1},
		// C = 5, D = 0, T₁ = 0, T₂ = 1: 5 / √(6·5) = 0.91287…
		{"a tie in the second ranking is tau-b, not tau-a", []int{1, 2, 3, 4}, []int{1, 1, 3, 4}, "0.9129", 5, 0},
		// C = 4, D = 0, T₁ = T₂ = 1: 4 / √(5·5) = 0.8 exactly
		{"the same tie on both sides", []int{1, 1, 3, 4}, []int{1, 1, 3, 4}, "1", 5, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := whatif.KendallTauRanks(c.a, c.b)
			require.True(t, got.Defined)
			require.Equal(t, c.c, got.Concordant)
			require.Equal(t, c.d, got.Discordant)
			require.True(t, got.TauB.Equal(d(c.tau)), "tau-b %s, want %s", got.TauB, c.tau)
		})
	}
	t.Run("everyone tied leaves tau-b undefined", func(t *testing.T) {
		got := whatif.KendallTauRanks([]int{1, 1, 1}, []int{1, 2, 3})
		require.False(t, got.Defined)
	})
}
