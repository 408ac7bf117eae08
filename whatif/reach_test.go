package whatif_test

import (
	"context"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// TestReachOnCum2 checks the answers on the bundled example, with the
// reason each must be what it is.
func TestReachOnCum2(t *testing.T) {
	rb, sh := cum2(t)
	cases := []struct {
		name      string
		member    string
		target    whatif.Target
		opts      []whatif.Option
		reachable bool
		gain      string
		rank      int
		changed   []string // criteria raised, in rulebook order
	}{
		// SXD (88.75) must pass the 90-point and 85%-floor conditions (02 at
		// 7.5 and 05 at 8 are below 8.5) and beat SCT (96.35): at 96.35 the
		// tie goes to group I, so 03 rises until group I beats SCT's 39.
		{"Sở Xây dựng takes the flag with 7.6 more, winning the tie with SCT on group I", "SXD", whatif.AwardTarget("flag"), nil, true, "7.6", 1, []string{"02", "03", "05", "06", "07"}},
		// TTT (76) must pass SXD (88.75); its inputs move by 0.1 and its
		// group I cannot beat SXD's 38 at a tie without 01, so 88.8.
		{"Thanh tra tỉnh takes a Bằng khen with 12.8 more", "TTT", whatif.AwardTarget("merit"), nil, true, "12.8", 3, []string{"02", "03", "06", "08"}},
		{"Thanh tra tỉnh ranks first with 20.4 more when 03, 06, 08 move by halves", "TTT", whatif.RankTarget(1),
			[]whatif.Option{whatif.WithStep("03", d("0.5")), whatif.WithStep("06", d("0.5")), whatif.WithStep("08", d("0.5"))}, true, "20.4", 1, []string{"01", "02", "03", "04", "08"}},
		{"Sở Công Thương already has the flag", "SCT", whatif.AwardTarget("flag"), nil, true, "0", 1, nil},
		{"Sở Khoa học và Công nghệ takes second place with nothing", "SKHCN", whatif.RankTarget(2), nil, true, "0", 2, nil},
		{"Sở Nông nghiệp cannot take the flag: 3 votes of 7", "SNNPTNT", whatif.AwardTarget("flag"), nil, false, "0", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := whatif.Reach(context.Background(), rb, sh, c.member, c.target, c.opts...)
			require.NoError(t, err)
			require.Equal(t, c.reachable, res.Reachable, "obstacles: %+v", res.Obstacles)
			require.True(t, res.Gain.Equal(d(c.gain)), "gain %s, want %s", res.Gain, c.gain)
			if !c.reachable {
				require.NotEmpty(t, res.Obstacles)
				return
			}
			require.Equal(t, c.rank, res.After.Rank)
			var got []string
			for _, a := range res.Allocation {
				got = append(got, a.Criterion)
			}
			require.Equal(t, c.changed, got)
		})
	}
}

func TestReachUnreachableReasons(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 10}
facts:
  - {id: clean, name: No discipline case, default: true}
eligibility:
  - {id: ninety, reason: At least 19, min_total: 19}
  - {id: fact, reason: No discipline, fact: clean}
  - {id: floor, reason: No criterion below 90%, criterion_floor: {share: 90%}}
tie_breaks: [fewer_deductions]
awards:
  - {id: flag, name: Flag, count: 1, requires: [ninety, fact]}
  - {id: merit, name: Merit, count: 1, requires: [floor]}
`)
	sheet := func(extra ...scoring.FactValue) scoring.Sheet {
		return scoring.Sheet{Members: members("A", "B", "C"), Facts: extra, Scores: []scoring.Entry{
			cl("A", "a", "10"), cl("A", "b", "10"),
			cl("B", "a", "9"), cl("B", "b", "9"),
			cl("C", "a", "8"), cl("C", "b", "5"),
		}}
	}
	cases := []struct {
		name   string
		sh     scoring.Sheet
		member string
		target whatif.Target
		kinds  []whatif.ObstacleKind
	}{
		{"a discipline case closes the flag for good", sheet(scoring.FactValue{Member: "C", Fact: "clean", Value: false}), "C", whatif.AwardTarget("flag"),
			[]whatif.ObstacleKind{whatif.ObstacleEligibility}},
		{"A at the maximum keeps the flag: B can only tie, and the tie stays unresolved", sheet(), "B", whatif.AwardTarget("flag"),
			[]whatif.ObstacleKind{whatif.ObstacleCaps}},
		{"nobody can pass a member at every maximum", sheet(), "C", whatif.RankTarget(1),
			[]whatif.ObstacleKind{whatif.ObstacleCaps}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := whatif.Reach(context.Background(), rb, c.sh, c.member, c.target)
			require.NoError(t, err)
			require.False(t, res.Reachable)
			var kinds []whatif.ObstacleKind
			for _, o := range res.Obstacles {
				kinds = append(kinds, o.Kind)
			}
			require.Equal(t, c.kinds, kinds, "%+v", res.Obstacles)
			require.Empty(t, res.Allocation)
		})
	}
}

func TestReachErrorsCarryTheInput(t *testing.T) {
	rb, sh := cum2(t)
	cases := []struct {
		name     string
		member   string
		target   whatif.Target
		opts     []whatif.Option
		sentinel error
		value    string
	}{
		{"an unknown member", "XYZ", whatif.RankTarget(1), nil, whatif.ErrUnknownMember, ""},
		{"an unknown award tier", "SXD", whatif.AwardTarget("gold"), nil, whatif.ErrBadTarget, "gold"},
		{"a rank beyond the cluster", "SXD", whatif.RankTarget(8), nil, whatif.ErrBadTarget, "8"},
		{"a rank and an award at once", "SXD", whatif.Target{Rank: 1, Award: "flag"}, nil, whatif.ErrBadTarget, "award flag"},
		{"a fractional step for a count", "SXD", whatif.RankTarget(1), []whatif.Option{whatif.WithStep("02", d("0.5"))}, whatif.ErrBadStep, "0.5"},
		{"a step of zero", "SXD", whatif.RankTarget(1), []whatif.Option{whatif.WithStep("03", d("0"))}, whatif.ErrBadStep, "0"},
		{"a step for a group", "SXD", whatif.RankTarget(1), []whatif.Option{whatif.WithStep("I", d("1"))}, whatif.ErrBadStep, "1"},
		{"a step for an unknown criterion", "SXD", whatif.RankTarget(1), []whatif.Option{whatif.WithStep("99", d("1"))}, whatif.ErrUnknownCriterion, ""},
		{"a step so fine the candidates exceed the limit", "SXD", whatif.RankTarget(1), []whatif.Option{whatif.WithStep("03", d("0.0001")), whatif.WithLimits(0, 1000)}, whatif.ErrTooLarge, "0.0001"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := whatif.Reach(context.Background(), rb, sh, c.member, c.target, c.opts...)
			require.ErrorIs(t, err, c.sentinel)
			we := checkRequestError(t, err)
			require.Equal(t, c.value, we.Value)
		})
	}
}

func TestReachDoesNotChangeItsInput(t *testing.T) {
	rb, sh := cum2(t)
	before := sh.Hash()
	scores := slices.Clone(sh.Scores)
	res, err := whatif.Reach(context.Background(), rb, sh, "SXD", whatif.AwardTarget("flag"))
	require.NoError(t, err)
	require.Equal(t, before, sh.Hash())
	require.Equal(t, len(scores), len(sh.Scores))
	for i := range scores {
		require.True(t, scores[i].Value.Equal(sh.Scores[i].Value))
	}
	require.NotEqual(t, before, res.Sheet.Hash(), "the changed sheet is a new sheet")
}

// TestReachTiesAreDecidedByTheChain builds a tie at the least total: B can
// reach A's total either through group I or through group II; only the
// first wins the tie-break "group I".
func TestReachTiesAreDecidedByTheChain(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group one
    children:
      - {id: a, name: A, max: 5}
  - id: II
    name: Group two
    children:
      - {id: b, name: B, max: 5}
tie_breaks: [group: I]
awards:
  - {id: flag, name: Flag, count: 1}
`)
	sh := scoring.Sheet{Members: members("A", "B"), Scores: []scoring.Entry{
		cl("A", "a", "3"), cl("A", "b", "3"),
		cl("B", "a", "2"), cl("B", "b", "2"),
	}}
	cases := []struct {
		name  string
		sh    func() scoring.Sheet
		gain  string
		first string // the criterion that must rise
	}{
		{"the tie at 6 is won by raising group I above A's 3", func() scoring.Sheet { return sh }, "2", "a"},
		{"with group I capped at A's value, the tie is lost and B needs a point more", func() scoring.Sheet {
			s := sh
			s.Scores = slices.Clone(sh.Scores)
			s.Scores[0].Value = d("5") // A: a = 5, b = 3 → 8; B's a cannot beat 5
			return s
		}, "5", "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := whatif.Reach(context.Background(), rb, c.sh(), "B", whatif.AwardTarget("flag"))
			require.NoError(t, err)
			require.True(t, res.Reachable)
			require.True(t, res.Gain.Equal(d(c.gain)), "gain %s, want %s (%+v)", res.Gain, c.gain, res.Allocation)
			require.Equal(t, c.first, res.Allocation[0].Criterion)
			st, err := ranking.Rank(rb, res.Sheet)
			require.NoError(t, err)
			require.Equal(t, []string{"B"}, st.Proposed("flag"))
		})
	}
}

func TestReachRespectsFixedCriteria(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group
    children:
      - {id: a, name: A, max: 4}
      - {id: r, name: Relative, max: 4, method: relative, target: 2}
awards:
  - {id: flag, name: Flag, count: 1}
`)
	sh := scoring.Sheet{Members: members("A", "B"), Scores: []scoring.Entry{
		cl("A", "a", "4"), cl("A", "r", "4"),
		cl("B", "a", "1"), cl("B", "r", "1"),
	}}
	res, err := whatif.Reach(context.Background(), rb, sh, "B", whatif.RankTarget(1))
	require.NoError(t, err)
	require.False(t, res.Reachable, "B can raise a only to 4; r is held fixed")
	require.Equal(t, []whatif.Fixed{{Criterion: "r", Reason: lang.Msg("whatif.fixed.relative")}}, res.Fixed)
	require.Equal(t, "scored relative to the cluster's leader: held at its current value", res.Fixed[0].Text(lang.English))
	require.Equal(t, "chấm so với đơn vị dẫn đầu cụm: giữ nguyên giá trị hiện tại", res.Fixed[0].Text(lang.Vietnamese))
	require.NotNil(t, res.AtMaximum)
	require.True(t, res.AtMaximum.Total.LessThan(decimal.NewFromInt(8)))
}

// TestReachWithScalesWithoutACommonDenominator: eight ratio criteria whose
// targets are distinct primes make the exact efforts' common denominator
// too large; the gain stays exact and the answer says how efforts compared.
func TestReachWithScalesWithoutACommonDenominator(t *testing.T) {
	body := "criteria:\n  - id: G\n    name: Group\n    children:\n"
	targets := []string{"101", "103", "107", "109", "113", "127", "131", "137"}
	sh := scoring.Sheet{Members: members("A", "B")}
	for i, tg := range targets {
		id := string(rune('a' + i))
		body += "      - {id: " + id + ", name: " + id + ", max: 1, method: ratio, target: " + tg + "}\n"
		sh.Scores = append(sh.Scores, cl("A", id, tg), cl("B", id, "90"))
	}
	body += "rounding:\n  quotient: {places: 2}\nawards:\n  - {id: flag, name: Flag, count: 1}\n"
	rb := mustRulebook(t, body)
	res, err := whatif.Reach(context.Background(), rb, sh, "B", whatif.RankTarget(1))
	require.NoError(t, err)
	require.False(t, res.Reachable, "A has every criterion at its maximum; B can only tie")
	res, err = whatif.Reach(context.Background(), rb, sh, "B", whatif.RankTarget(2))
	require.NoError(t, err)
	require.True(t, res.AlreadyMet)

	// With A one point short on a, B can pass A.
	sh.Scores[0].Value = d("0")
	res, err = whatif.Reach(context.Background(), rb, sh, "B", whatif.RankTarget(1))
	require.NoError(t, err)
	require.True(t, res.Reachable)
	require.Contains(t, res.Caveats[0].In(lang.English), "12 decimal places")
	st, err := ranking.Rank(rb, res.Sheet)
	require.NoError(t, err)
	a, _ := st.Row("A")
	b, _ := st.Row("B")
	require.True(t, b.Total.GreaterThan(a.Total) || (b.Total.Equal(a.Total) && b.Rank == 1))
}
