package scoring_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// groupItemsBook has two departments' scores (groups I and II of 100
// points), a bonus that belongs to group II (TP.HCM "Bảng biểu 4": the +10
// for the city's flag goes on one department's score), a deduction that
// belongs to group I, and a bonus and deduction on the total.
const groupItemsBook = `criteria:
  - id: I
    name: Sở Nội vụ chấm
    weight: 0.5
    children:
      - {id: a, name: A, max: 100}
  - id: II
    name: Sở Văn hóa chấm
    children:
      - {id: b, name: B, max: 60}
      - {id: c, name: C, max: 40}
bonus:
  cap: 3
  items:
    - {id: flag, name: Cờ thi đua của Thành phố, points: 10, max: 10, group: II}
    - {id: model, name: Mô hình mới, points: 2}
deductions:
  items:
    - {id: late, name: Báo cáo muộn, points: 1.5, max: 3, group: I}
    - {id: absent, name: Vắng họp, points: 1}
`

func groupItemsSheet() scoring.Sheet {
	return scoring.Sheet{
		Members: members("A", "B"),
		Scores: []scoring.Entry{
			cl("A", "a", "80"), cl("A", "b", "57"), cl("A", "c", "40"),
			cl("B", "a", "80"), cl("B", "b", "60"), cl("B", "c", "40"),
		},
		Bonuses: []scoring.Occurrences{
			{Member: "A", Item: "flag", Count: 1},
			{Member: "A", Item: "model", Count: 2},
		},
		Deductions: []scoring.Occurrences{
			{Member: "A", Item: "late", Count: 3},
			{Member: "B", Item: "absent", Count: 1},
		},
	}
}

// TestGroupItemsGoIntoTheGroup checks that a group-owned item counts in its
// group's points (above the group's maximum: 97 + 10 = 107), before the
// group's weight, and not again on the total; that the policy's cap bounds
// the items on the total only and the item's own max its own points.
func TestGroupItemsGoIntoTheGroup(t *testing.T) {
	rb := mustRulebook(t, groupItemsBook)
	cards := mustScore(t, rb, groupItemsSheet())
	a, b := cards["A"], cards["B"]

	ii := node(t, a, "II")
	eq(t, "A II points (97 + 10)", ii.Points, "107")
	eq(t, "A II items", ii.Items, "10")
	eq(t, "A II value", ii.Value, "107")
	eq(t, "A II max stays", ii.Max, "100")
	i := node(t, a, "I")
	eq(t, "A I points (80 − 3, the item capped at 3)", i.Points, "77")
	eq(t, "A I items", i.Items, "-3")
	eq(t, "A I value (× 0.5)", i.Value, "38.5")
	eq(t, "A criteria", a.Criteria, "145.5")
	// the bonus on the total: 2 × 2 = 4, capped at 3; the flag is listed, in group II
	eq(t, "A bonus sum", a.Bonus.Sum, "4")
	eq(t, "A bonus total", a.Bonus.Total, "3")
	eq(t, "A bonus in groups", a.Bonus.InGroups, "10")
	eq(t, "A deductions total", a.Deductions.Total, "0")
	eq(t, "A deductions in groups", a.Deductions.InGroups, "3")
	eq(t, "A total", a.Total, "148.5")
	eq(t, "A attainable (items are not criteria)", a.Attainable, "150")
	require.Len(t, a.Bonus.Items, 2)
	require.Equal(t, "II", a.Bonus.Items[0].Group)
	require.Equal(t, "", a.Bonus.Items[1].Group)

	eq(t, "B II", node(t, b, "II").Points, "100")
	eq(t, "B II items", node(t, b, "II").Items, "0")
	eq(t, "B total", b.Total, "139")

	// the trace says it, in Vietnamese, at the group
	var lines []string
	for _, s := range a.Trace {
		if s.Node == "II" || s.Node == "I" {
			lines = append(lines, s.Node+": "+s.Text.In(lang.Vietnamese)+" = "+s.Value.String())
		}
	}
	require.Equal(t, []string{
		"I: nhóm: tổng của a = 80",
		"I: điểm trừ của nhóm, Báo cáo muộn: 3 × 1,5, giới hạn 3 = -3",
		"I: nhóm: tổng của a, cộng điểm thưởng và trừ điểm trừ của nhóm = 77",
		"I: × hệ số 0,5 = 38.5",
		"II: nhóm: tổng của b, c = 97",
		"II: điểm thưởng của nhóm, Cờ thi đua của Thành phố: 1 × 10 = 10",
		"II: nhóm: tổng của b, c, cộng điểm thưởng và trừ điểm trừ của nhóm = 107",
	}, lines)
}

// TestGroupItemOfAGroupNotAssigned refuses a group-owned item claimed for a
// member to which the group is not assigned.
func TestGroupItemOfAGroupNotAssigned(t *testing.T) {
	rb := mustRulebook(t, groupItemsBook)
	sh := groupItemsSheet()
	sh.NotAssigned = []scoring.Assignment{{Member: "A", Criterion: "b"}, {Member: "A", Criterion: "c"}}
	sh.Scores = sh.Scores[:1:1]
	sh.Scores = append(sh.Scores, cl("B", "a", "80"), cl("B", "b", "60"), cl("B", "c", "40"))
	_, err := scoring.Score(rb, sh)
	require.Error(t, err)
	require.True(t, strings.Contains(err.Error(), `bonus item "flag" belongs to group "II", which is not assigned to the member`), err.Error())
}
