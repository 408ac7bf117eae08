package scoring_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// signedTree is a police-style table: group I holds a direct criterion and
// a signed one (2 points per achievement, 1 per failure, within −5 … 10).
const signedTree = `missing: zero
criteria:
  - id: I
    name: Nhóm I
    children:
      - {id: "1.1", name: Một, max: 10}
      - id: "1.2"
        name: Phong trào toàn dân bảo vệ an ninh Tổ quốc
        method: signed
        max: 10
        min: -5
        plus: {points_each: 2, name: mô hình được công nhận}
        minus: {points_each: 1, name: vụ việc để xảy ra}
  - {id: "2", name: Hai, max: 10}
`

func TestSignedCriterionPoints(t *testing.T) {
	rb := mustRulebook(t, signedTree)
	for _, tc := range []struct {
		name          string
		scores        []scoring.Entry
		points, group string
		raw           string
	}{
		{"plus and minus", []scoring.Entry{cl("A", "1.2+", "3"), cl("A", "1.2-", "1")}, "5", "13", "5"},
		{"plus only", []scoring.Entry{cl("A", "1.2+", "4")}, "8", "16", "8"},
		{"minus only: below zero, the group goes down", []scoring.Entry{cl("A", "1.2-", "3")}, "-3", "5", "-3"},
		{"clamped at the maximum", []scoring.Entry{cl("A", "1.2+", "7")}, "10", "18", "14"},
		{"clamped at the minimum", []scoring.Entry{cl("A", "1.2+", "1"), cl("A", "1.2-", "9")}, "-5", "3", "-7"},
		{"no achievement and no failure", []scoring.Entry{cl("A", "1.2+", "0"), cl("A", "1.2-", "0")}, "0", "8", "0"},
		{"the net points given", []scoring.Entry{cl("A", "1.2", "-2.5")}, "-2.5", "5.5", "-2.5"},
		{"the net points given, clamped", []scoring.Entry{cl("A", "1.2", "11")}, "10", "18", "11"},
		{"the latest stage counts", []scoring.Entry{at("self", "A", "1.2+", "5"), cl("A", "1.2-", "2")}, "-2", "6", "-2"},
		{"assessors: each one's points clamped, then the mean", []scoring.Entry{
			by("cluster", "X", "A", "1.2+", "6"), by("cluster", "Y", "A", "1.2-", "9"), by("cluster", "Y", "A", "1.2+", "1"),
		}, "2.5", "10.5", "2.5"},
		{"nothing given (missing: zero)", nil, "0", "8", "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sh := scoring.Sheet{Members: members("A"), Scores: append([]scoring.Entry{cl("A", "1.1", "8"), cl("A", "2", "9")}, tc.scores...)}
			c := mustScore(t, rb, sh)["A"]
			eq(t, "points", node(t, c, "1.2").Points, tc.points)
			eq(t, "raw", node(t, c, "1.2").Raw, tc.raw)
			eq(t, "group", node(t, c, "I").Points, tc.group)
			eq(t, "attainable", c.Attainable, "30") // the signed criterion's max counts
		})
	}
}

// The trace shows the counts and the range, in Vietnamese by default.
func TestSignedCriterionTrace(t *testing.T) {
	rb := mustRulebook(t, signedTree)
	for _, tc := range []struct {
		scores []scoring.Entry
		vi, en []string
	}{
		{[]scoring.Entry{cl("A", "1.2+", "3"), cl("A", "1.2-", "1")},
			[]string{"Cụm chấm: cộng 3 × 2 − trừ 1 × 1 = 5", "cộng/trừ: 5 (trong khoảng -5 … 10)"},
			[]string{"Cụm chấm: plus 3 × 2 − minus 1 × 1 = 5", "plus/minus: 5 (within -5 … 10)"}},
		{[]scoring.Entry{cl("A", "1.2+", "7")},
			[]string{"Cụm chấm: cộng 7 × 2 − trừ 0 × 1 = 14", "cộng/trừ: 14, giới hạn ở điểm tối đa 10 (khoảng -5 … 10)"},
			[]string{"plus/minus: 14, capped at the maximum 10 (range -5 … 10)"}},
		{[]scoring.Entry{cl("A", "1.2-", "8")},
			[]string{"cộng/trừ: -8, nâng lên điểm tối thiểu -5 (khoảng -5 … 10)"},
			[]string{"plus/minus: -8, raised to the minimum -5 (range -5 … 10)"}},
		{[]scoring.Entry{cl("A", "1.2", "4")},
			[]string{"Cụm chấm: điểm cộng/trừ ròng 4", "cộng/trừ: 4 (trong khoảng -5 … 10)"},
			[]string{"Cụm chấm: net plus/minus points 4"}},
	} {
		sh := scoring.Sheet{Members: members("A"), Scores: append([]scoring.Entry{cl("A", "1.1", "8"), cl("A", "2", "9")}, tc.scores...)}
		c := mustScore(t, rb, sh)["A"]
		var vi, en []string
		for _, st := range c.Trace {
			if st.Node == "1.2" {
				vi, en = append(vi, st.Text.In(lang.Vietnamese)), append(en, st.Text.In(lang.English))
			}
		}
		for _, w := range tc.vi {
			require.Contains(t, vi, w, "trace of 1.2:\n%s", strings.Join(vi, "\n"))
		}
		for _, w := range tc.en {
			require.Contains(t, en, w, "trace of 1.2:\n%s", strings.Join(en, "\n"))
		}
	}
}

// The workaround used before signed criteria — a bonus item for each
// achievement and a deduction item for each failure, on the total — loses
// the clamp and the criterion's place in the maximum: on this table it
// puts B above A, where the signed criterion, clamped at 10, keeps A first.
func TestSignedCriterionAgainstTheWorkaround(t *testing.T) {
	signed := mustRulebook(t, signedTree+"tie_breaks: [lots]\n")
	workaround := mustRulebook(t, `missing: zero
criteria:
  - id: I
    name: Nhóm I
    children:
      - {id: "1.1", name: Một, max: 10}
  - {id: "2", name: Hai, max: 10}
bonus:
  items: [{id: "1.2+", name: mô hình được công nhận, points: 2}]
deductions:
  items: [{id: "1.2-", name: vụ việc để xảy ra, points: 1}]
tie_breaks: [lots]
`)
	ms := members("A", "B", "C")
	base := []scoring.Entry{cl("A", "1.1", "10"), cl("A", "2", "10"), cl("B", "1.1", "8"), cl("B", "2", "10"), cl("C", "1.1", "9"), cl("C", "2", "9")}
	counts := map[string][2]int{"A": {5, 0}, "B": {7, 0}, "C": {1, 9}}
	sh := scoring.Sheet{Members: ms, Scores: base}
	wk := scoring.Sheet{Members: ms, Scores: base}
	for _, m := range []string{"A", "B", "C"} {
		c := counts[m]
		sh.Scores = append(sh.Scores, cl(m, "1.2+", strconv.Itoa(c[0])), cl(m, "1.2-", strconv.Itoa(c[1])))
		wk.Bonuses = append(wk.Bonuses, scoring.Occurrences{Member: m, Item: "1.2+", Count: c[0]})
		wk.Deductions = append(wk.Deductions, scoring.Occurrences{Member: m, Item: "1.2-", Count: c[1]})
	}
	order := func(rb *rules.Rulebook, sh scoring.Sheet) (string, map[string]string) {
		st, err := ranking.Rank(rb, sh)
		require.NoError(t, err)
		var ids []string
		totals := map[string]string{}
		for _, r := range st.Rows {
			ids = append(ids, r.Member.ID)
			totals[r.Member.ID] = r.Card.Total.String() + " of " + r.Card.Attainable.String()
		}
		return strings.Join(ids, " "), totals
	}
	got, totals := order(signed, sh)
	require.Equal(t, "A B C", got, "signed: %v", totals)
	require.Equal(t, map[string]string{"A": "30 of 30", "B": "28 of 30", "C": "13 of 30"}, totals)
	got, totals = order(workaround, wk)
	require.Equal(t, "B A C", got, "workaround: %v", totals)
	require.Equal(t, map[string]string{"A": "30 of 20", "B": "32 of 20", "C": "11 of 20"}, totals)
}
