package whatif_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// groupItemsCase is two districts scored by two departments (groups I and
// II, weight 2 on II); A holds the city's flag, whose +3 belongs to
// department II's score (TP.HCM "Bảng biểu 4"), and the flag needs 8
// points in group II.
func groupItemsCase(t *testing.T) (*rules.Rulebook, scoring.Sheet) {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(header+`criteria:
  - id: I
    name: Sở A chấm
    children:
      - {id: a, name: A, max: 10}
  - id: II
    name: Sở B chấm
    weight: 2
    children:
      - {id: b, name: B, max: 10}
bonus:
  items:
    - {id: flag, name: Cờ thi đua của Thành phố, points: 3, group: II}
eligibility:
  - {id: g2, reason: Nhóm II từ 8 điểm, group_min: {group: II, min: 8}}
tie_breaks: [{group: I}]
awards:
  - {id: first, name: Hạng nhất, count: 1, requires: [g2]}
`))
	require.NoError(t, err)
	sh := scoring.Sheet{
		Members: members("A", "B"),
		Scores:  []scoring.Entry{cl("A", "a", "5"), cl("A", "b", "4"), cl("B", "a", "6"), cl("B", "b", "8")},
		Bonuses: []scoring.Occurrences{{Member: "A", Item: "flag", Count: 1}},
	}
	return rb, sh
}

// TestReachWithAGroupBonus: A's group II is 4 + 3 = 7, worth 14, so its
// total is 19; B's is 6 + 16 = 22, and B leads group I. In whole points
// A needs 23 (at 22, a must exceed 6 and then b + 3 < 8: a = 8 fails the
// group minimum): b to 6 (5 + 2 × 9), a gain of 4. Without the bonus in
// group II, A would need b = 7.5 and more.
func TestReachWithAGroupBonus(t *testing.T) {
	rb, sh := groupItemsCase(t)
	res, err := whatif.Reach(context.Background(), rb, sh, "A", whatif.AwardTarget("first"))
	require.NoError(t, err)
	require.True(t, res.Reachable)
	require.Equal(t, "4", res.Gain.String(), "%+v", res.Allocation)
	total := res.After.Total
	require.Equal(t, "23", total.String())
}

// TestSensitivityWithAGroupBonus: sweeping A's b, A takes the award once
// 5 + 2(b + 3) > 22 and b + 3 ≥ 8: at b = 5 (total 21, not yet) no, at b
// = 5.5 the total is 22, tied, and group I decides for B; above 5.5 A
// leads. The break-even is 5.5, not attained.
func TestSensitivityWithAGroupBonus(t *testing.T) {
	rb, sh := groupItemsCase(t)
	res, err := whatif.Sensitivity(context.Background(), rb, sh, whatif.ScoreOf("A", "b"), whatif.Range{From: d("0"), To: d("10"), Step: d("1")})
	require.NoError(t, err)
	require.Len(t, res.BreakEvens, 1)
	be := res.BreakEvens[0]
	require.True(t, be.Exact)
	require.Equal(t, "5.5", be.Value.String())
	require.False(t, be.Attained)
}
