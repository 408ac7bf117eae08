package whatif_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// bandsRulebook grades two criteria of 10 points: Xuất sắc with no
// criterion below 85%, Tốt from 15 points (below 18, if upper), the rest
// Khác; one Bằng khen for the first.
func bandsRulebook(t *testing.T, upper bool) *rules.Rulebook {
	t.Helper()
	tot := "[from15]"
	if upper {
		tot = "[from15, below18]"
	}
	rb, err := rules.Parse("bands.yaml", []byte(header+`criteria:
  - {id: c1, name: Một, max: 10}
  - {id: c2, name: Hai, max: 10}
eligibility:
  - {id: floor85, reason: Không tiêu chí nào dưới 85%, criterion_floor: {share: 85%}}
  - {id: from15, reason: Từ 15 điểm, min_total: 15}
  - {id: below18, reason: Dưới 18 điểm, max_total: 18, strict: true}
grades:
  - {id: xs, name: Xuất sắc, requires: [floor85]}
  - {id: tot, name: Tốt, requires: `+tot+`}
  - {id: khac, name: Khác}
awards:
  - {id: merit, name: Bằng khen, count: 1}
`))
	require.NoError(t, err)
	return rb
}

func bandsSheet() scoring.Sheet {
	return scoring.Sheet{Members: members("A", "B"), Scores: []scoring.Entry{cl("A", "c1", "5"), cl("A", "c2", "9"), cl("B", "c1", "2"), cl("B", "c2", "10")}}
}

// A band as the target (xếp loại): the least gain to be graded in it or
// higher, on the step asked; refused where a band at or above it has an
// upper bound, or when the band is not the rulebook's.
func TestReachGrade(t *testing.T) {
	ctx := context.Background()
	sh := bandsSheet()
	cases := []struct {
		name   string
		target whatif.Target
		opts   []whatif.Option
		gain   string
		grade  string
	}{
		{"Tốt: 15 points", whatif.GradeTarget("tot"), nil, "1", "tot"},
		{"Xuất sắc: c1 to 85% (whole steps)", whatif.GradeTarget("xs"), nil, "4", "xs"},
		{"Xuất sắc: c1 to 85% (half steps)", whatif.GradeTarget("xs"), []whatif.Option{whatif.WithStep("c1", d("0.5"))}, "3.5", "xs"},
		{"Khác: already met", whatif.GradeTarget("khac"), nil, "0", "khac"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := whatif.Reach(ctx, bandsRulebook(t, false), sh, "A", c.target, c.opts...)
			require.NoError(t, err)
			require.True(t, res.Reachable)
			require.Equal(t, c.gain, res.Gain.String())
			require.Equal(t, c.grade, res.After.Grade)
			require.Equal(t, "khac", res.Before.Grade)
		})
	}
	t.Run("an upper bound at or above the band is refused", func(t *testing.T) {
		_, err := whatif.Reach(ctx, bandsRulebook(t, true), sh, "A", whatif.GradeTarget("tot"))
		require.ErrorIs(t, err, whatif.ErrUnsupported)
		require.Contains(t, err.Error(), "band Tốt requires a condition with an upper bound (Dưới 18 điểm)")
		// the band above has none: it can be searched
		res, err := whatif.Reach(ctx, bandsRulebook(t, true), sh, "A", whatif.GradeTarget("xs"))
		require.NoError(t, err)
		require.Equal(t, "4", res.Gain.String())
	})
	t.Run("bad targets", func(t *testing.T) {
		for _, tg := range []whatif.Target{{Grade: "gioi"}, {Grade: "xs", Award: "merit"}, {Grade: "xs", Rank: 1}} {
			_, err := whatif.Reach(ctx, bandsRulebook(t, false), sh, "A", tg)
			require.ErrorIs(t, err, whatif.ErrBadTarget, tg.String())
		}
		rb, err := rules.Parse("plain.yaml", []byte(header+"criteria:\n  - {id: c1, name: Một, max: 10}\n  - {id: c2, name: Hai, max: 10}\n"))
		require.NoError(t, err)
		_, err = whatif.Reach(ctx, rb, sh, "A", whatif.GradeTarget("xs"))
		var we *whatif.Error
		require.True(t, errors.As(err, &we))
		require.Equal(t, "whatif.err.target.no_grades", we.Message.Key)
	})
	t.Run("a band closed by a vote is an obstacle of that band", func(t *testing.T) {
		rb, err := rules.Parse("voted.yaml", []byte(header+`criteria:
  - {id: c1, name: Một, max: 10}
  - {id: c2, name: Hai, max: 10}
eligibility:
  - {id: from15, reason: Từ 15 điểm, min_total: 15}
  - {id: voted, reason: Quá nửa phiếu, min_votes: {share: 1/2}, strict: true}
grades:
  - {id: tot, name: Tốt, requires: [from15, voted]}
  - {id: khac, name: Khác}
`))
		require.NoError(t, err)
		sh := bandsSheet()
		sh.Ballot = &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 1}, {Member: "B", For: 2}}}
		res, err := whatif.Reach(ctx, rb, sh, "A", whatif.GradeTarget("tot"))
		require.NoError(t, err)
		require.False(t, res.Reachable)
		require.Len(t, res.Obstacles, 1)
		require.Equal(t, whatif.ObstacleEligibility, res.Obstacles[0].Kind)
		require.Equal(t, "tot", res.Obstacles[0].Grade)
		require.Equal(t, "voted", res.Obstacles[0].Condition)
	})
}

// A sweep reports a member changing band as an outcome change, at the
// band's own threshold: a criterion floor of 85% of 10 is crossed at 8.5,
// between the grid's values.
func TestSensitivityBandChange(t *testing.T) {
	res, err := whatif.Sensitivity(context.Background(), bandsRulebook(t, false), bandsSheet(), whatif.ScoreOf("A", "c1"),
		whatif.Range{From: d("0"), To: d("10"), Step: d("1")})
	require.NoError(t, err)
	var at []string
	for _, be := range res.BreakEvens {
		if !be.Below.Equal(be.Above) && len(be.Above.Grades) == 3 {
			at = append(at, be.At)
		}
		require.True(t, be.Exact, be.At)
	}
	require.Equal(t, []string{"3", "3", "6", "8.5"}, at) // the tie at 3 (in and out), then Tốt, then Xuất sắc
	last := res.BreakEvens[len(res.BreakEvens)-1]
	require.Equal(t, []string{"A"}, last.Above.Grades[0].Members)
	require.Equal(t, []string{"A"}, last.Below.Grades[1].Members)
	require.Equal(t, "Xuất sắc", last.Above.Grades[0].Name)
}
