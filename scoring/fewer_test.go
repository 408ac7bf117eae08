package scoring_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// fewerTree has a lower-is-better criterion (ít hơn là tốt hơn) inside
// group I: 10 points, 2 taken away per violation, not below 0.
const fewerTree = `missing: zero
criteria:
  - id: I
    name: Nhóm I
    children:
      - {id: "1.1", name: Một, max: 10}
      - {id: "1.2", name: Số vụ vi phạm để xảy ra, max: 10, method: fewer, points_each: 2}
  - {id: "2", name: Hai, max: 10}
`

func TestFewerCriterionPoints(t *testing.T) {
	rb := mustRulebook(t, fewerTree)
	for _, tc := range []struct {
		name          string
		scores        []scoring.Entry
		points, group string
	}{
		{"no violation: the full max", []scoring.Entry{cl("A", "1.2", "0")}, "10", "18"},
		{"one violation", []scoring.Entry{cl("A", "1.2", "1")}, "8", "16"},
		{"four violations", []scoring.Entry{cl("A", "1.2", "4")}, "2", "10"},
		{"five: exactly zero", []scoring.Entry{cl("A", "1.2", "5")}, "0", "8"},
		{"eight: not below zero", []scoring.Entry{cl("A", "1.2", "8")}, "0", "8"},
		{"the latest stage counts", []scoring.Entry{at("self", "A", "1.2", "0"), cl("A", "1.2", "3")}, "4", "12"},
		{"assessors: each one's points, then the mean", []scoring.Entry{by("cluster", "X", "A", "1.2", "1"), by("cluster", "Y", "A", "1.2", "2")}, "7", "15"},
		{"nothing given (missing: zero) is not read as no violation", nil, "0", "8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sh := scoring.Sheet{Members: members("A"), Scores: append([]scoring.Entry{cl("A", "1.1", "8"), cl("A", "2", "9")}, tc.scores...)}
			c := mustScore(t, rb, sh)["A"]
			eq(t, "points", node(t, c, "1.2").Points, tc.points)
			eq(t, "group", node(t, c, "I").Points, tc.group)
			eq(t, "attainable", c.Attainable, "30") // the criterion's max counts
		})
	}
}

func TestFewerCriterionRejectsBadCounts(t *testing.T) {
	rb := mustRulebook(t, fewerTree)
	for _, v := range []string{"-1", "1.5"} {
		sh := scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "1.1", "8"), cl("A", "2", "9"), cl("A", "1.2", v)}}
		_, err := scoring.Score(rb, sh)
		require.Error(t, err, "count %s", v)
	}
}

// The trace says how the count became points, in Vietnamese by default.
func TestFewerCriterionTrace(t *testing.T) {
	rb := mustRulebook(t, fewerTree)
	for _, tc := range []struct {
		count  string
		vi, en string
	}{
		{"3", "ít hơn là tốt hơn: 10 − 3 × 2", "lower is better: 10 − 3 × 2"},
		{"7", "ít hơn là tốt hơn: 10 − 7 × 2, không dưới 0", "lower is better: 10 − 7 × 2, not below 0"},
	} {
		sh := scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "1.1", "8"), cl("A", "2", "9"), cl("A", "1.2", tc.count)}}
		c := mustScore(t, rb, sh)["A"]
		var vi, en []string
		for _, st := range c.Trace {
			if st.Node == "1.2" {
				vi, en = append(vi, st.Text.In(lang.Vietnamese)), append(en, st.Text.In(lang.English))
			}
		}
		require.Contains(t, vi, tc.vi, "trace of 1.2:\n%s", strings.Join(vi, "\n"))
		require.Contains(t, en, tc.en, "trace of 1.2:\n%s", strings.Join(en, "\n"))
	}
}

// The fewer tie-break reads the count, not the points: A and B both have
// zero points on 1.2 (6 and 9 violations) and equal totals; fewer: "1.2"
// puts A (6) first, where criterion: "1.2" cannot separate them. A member
// with no count ranks after both.
func TestFewerTieBreakReadsTheCount(t *testing.T) {
	sh := scoring.Sheet{Members: members("A", "B", "C"), Scores: []scoring.Entry{
		cl("B", "1.1", "8"), cl("B", "2", "9"), cl("B", "1.2", "9"),
		cl("A", "1.1", "8"), cl("A", "2", "9"), cl("A", "1.2", "6"),
		cl("C", "1.1", "8"), cl("C", "2", "9"),
	}}
	for _, tc := range []struct {
		chain, order string
		decided      string
	}{
		{`[{fewer: "1.2"}, lots]`, "A B C", "A xếp trên B theo ít hơn (số đếm) ở tiêu chí 1.2: 6 lần so với 9 lần"},
		{`[{criterion: "1.2"}]`, "A B C", ""}, // unresolved: listed by name
	} {
		rb := mustRulebook(t, fewerTree+"tie_breaks: "+tc.chain+"\n")
		st, err := ranking.Rank(rb, sh, ranking.WithSeed(1))
		require.NoError(t, err)
		var ids []string
		for _, r := range st.Rows {
			ids = append(ids, r.Member.ID)
		}
		require.Equal(t, tc.order, strings.Join(ids, " "), tc.chain)
		if tc.decided == "" {
			require.True(t, st.Rows[0].Tied, "criterion 1.2 leaves A and B tied (both 0 points)")
			continue
		}
		require.False(t, st.Rows[0].Tied)
		row, _ := st.Row("B")
		require.NotNil(t, row.DecidedBy)
		require.Equal(t, tc.decided, row.DecidedBy.Text(lang.Vietnamese))
		row, _ = st.Row("C")
		require.Contains(t, row.DecidedBy.Text(lang.Vietnamese), "không có số đếm")
	}
}
