package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

func TestWeights(t *testing.T) {
	// Group I (weight 2) holds a (max 10) and b (max 5, weight 3): I's own
	// maximum is 10 + 5·3 = 25 and it contributes up to 50; c is a ratio
	// criterion (max 10, target 3). Nominal maximum 50 + 10 = 60.
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group I
    weight: 2
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 5, weight: 3}
  - {id: c, name: C, max: 10, method: ratio, target: 3}
`)
	eq(t, "nominal maximum", rb.MaxTotal(), "60")
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "7"), cl("A", "b", "2.5"), cl("A", "c", "2")}})["A"]

	t.Run("a weighted criterion contributes points × weight", func(t *testing.T) {
		b := node(t, c, "b")
		eq(t, "points", b.Points, "2.5")
		eq(t, "value", b.Value, "7.5") // 2.5 × 3
		eq(t, "max", b.Max, "5")
		eq(t, "attainable", b.Attainable, "15")
	})
	t.Run("a group's points are its children's values; its value is × its weight", func(t *testing.T) {
		g := node(t, c, "I")
		require.True(t, g.Group)
		eq(t, "points", g.Points, "14.5") // 7 + 7.5
		eq(t, "value", g.Value, "29")     // 14.5 × 2
		eq(t, "max", g.Max, "25")
		eq(t, "attainable", g.Attainable, "50")
	})
	t.Run("the total adds the top-level values", func(t *testing.T) {
		eq(t, "criteria", c.Criteria, "35.666667") // 29 + 20/3 rounded to 6 places
		eq(t, "total", c.Total, "35.666667")
		eq(t, "attainable", c.Attainable, "60")
		// 35.666667 × 100 ÷ 60 = 59.4444450 exactly
		eq(t, "percent", c.Percent, "59.444445")
		eq(t, "basis", c.Basis, c.Total.String())
	})
}

// TestRounding checks each rounding level with a value that the level
// changes (and that would be different without it).
func TestRounding(t *testing.T) {
	tests := []struct {
		name   string
		book   string
		scores []scoring.Entry
		node   string // node whose value is checked, if any
		value  string
		total  string
		pct    string // "" = not checked
	}{
		{
			name:   "no rounding level: values keep the quotient's 6 places",
			book:   "criteria:\n  - {id: c, name: C, max: 10, method: ratio, target: 3}\n",
			scores: []scoring.Entry{cl("A", "c", "2")},
			node:   "c", value: "6.666667", total: "6.666667",
		},
		{
			name:   "criterion level rounds each criterion's value (2 places, half_up)",
			book:   "criteria:\n  - {id: c, name: C, max: 10, method: ratio, target: 3}\nrounding: {criterion: {places: 2}}\n",
			scores: []scoring.Entry{cl("A", "c", "2")},
			node:   "c", value: "6.67", total: "6.67", // 6.666667 → 6.67
		},
		{
			name:   "criterion level in mode down",
			book:   "criteria:\n  - {id: c, name: C, max: 10, method: ratio, target: 3}\nrounding: {criterion: {places: 2, mode: down}}\n",
			scores: []scoring.Entry{cl("A", "c", "2")},
			node:   "c", value: "6.66", total: "6.66",
		},
		{
			name:   "criterion level rounds after the weight",
			book:   "criteria:\n  - {id: c, name: C, max: 10, weight: 0.5}\nrounding: {criterion: {places: 1, mode: half_up}}\n",
			scores: []scoring.Entry{cl("A", "c", "6.25")},
			node:   "c", value: "3.1", total: "3.1", // 6.25 × 0.5 = 3.125 → 3.1
		},
		{
			name: "group level rounds the group's weighted sum (0 places, half_even)",
			book: `
criteria:
  - id: G
    name: G
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 10}
rounding: {group: {places: 0, mode: half_even}}
`,
			scores: []scoring.Entry{cl("A", "a", "6.25"), cl("A", "b", "6.25")},
			node:   "G", value: "12", total: "12", // 12.5 → 12 (even)
		},
		{
			name: "group level does not round criteria",
			book: `
criteria:
  - id: G
    name: G
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 10}
rounding: {group: {places: 0, mode: half_up}}
`,
			scores: []scoring.Entry{cl("A", "a", "6.25"), cl("A", "b", "6.5")},
			node:   "a", value: "6.25", total: "13", // 12.75 → 13
		},
		{
			name:   "total level rounds the total (1 place, half_even)",
			book:   "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: b, name: B, max: 10}\nrounding: {total: {places: 1, mode: half_even}}\n",
			scores: []scoring.Entry{cl("A", "a", "7.2"), cl("A", "b", "0.05")},
			node:   "b", value: "0.05", total: "7.2", // 7.25 → 7.2
		},
		{
			name:   "total level in mode ceiling",
			book:   "criteria:\n  - {id: a, name: A, max: 10}\nrounding: {total: {places: 0, mode: ceiling}}\n",
			scores: []scoring.Entry{cl("A", "a", "7.01")},
			total:  "8", pct: "80", // 8 ÷ 10
		},
		{
			name:   "percent level rounds the percentage",
			book:   "criteria:\n  - {id: a, name: A, max: 3}\nrounding: {percent: {places: 2}}\n",
			scores: []scoring.Entry{cl("A", "a", "2")},
			total:  "2", pct: "66.67", // 200 ÷ 3 = 66.666667 → 66.67
		},
		{
			name:   "without a percent level the percentage has the quotient's places",
			book:   "criteria:\n  - {id: a, name: A, max: 3}\n",
			scores: []scoring.Entry{cl("A", "a", "2")},
			total:  "2", pct: "66.666667",
		},
		{
			name:   "the quotient rule governs the percentage's division",
			book:   "criteria:\n  - {id: a, name: A, max: 3}\nrounding: {quotient: {places: 1, mode: floor}}\n",
			scores: []scoring.Entry{cl("A", "a", "2")},
			total:  "2", pct: "66.6",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, tc.book)
			c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: tc.scores})["A"]
			if tc.node != "" {
				eq(t, "value of "+tc.node, node(t, c, tc.node).Value, tc.value)
			}
			eq(t, "total", c.Total, tc.total)
			if tc.pct != "" {
				eq(t, "percent", c.Percent, tc.pct)
			}
		})
	}
}

func TestRoundingIsTraced(t *testing.T) {
	t.Run("a quotient the criterion level rounds straight away is rounded once", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, method: ratio, target: 3}\nrounding: {criterion: {places: 2}}\n")
		c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "c", "2")}})["A"]
		require.Equal(t, []string{
			"Cụm chấm: input 2 = 2",
			"ratio: 10 × 2 ÷ 3 = 6.67", // 6.666… rounded once, to 2 places
			"counts: stage Cụm chấm (the latest stage present) = 6.67",
		}, steps(c, "c"))
	})
	t.Run("a weighted criterion is rounded after its weight", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, weight: 1.5, method: ratio, target: 3}\nrounding: {criterion: {places: 2}}\n")
		c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "c", "2")}})["A"]
		require.Equal(t, []string{
			"Cụm chấm: input 2 = 2",
			"ratio: 10 × 2 ÷ 3 = 6.666667", // the quotient rule: 6 places
			"counts: stage Cụm chấm (the latest stage present) = 6.666667",
			"× weight 1.5 = 10.0000005",
			"rounded (2 places, half_up) = 10", // 10.0000005 → 10.00
		}, steps(c, "c"))
	})
}

// steps lists a node's trace steps in English, after checking that every
// step's message says in English what its What field says and has a text
// in Vietnamese.
func steps(c scoring.Scorecard, node string) []string {
	var out []string
	for _, s := range c.Trace {
		if en := s.Text.In(lang.English); en != s.What {
			panic(fmt.Sprintf("step %s: What %q, message %q", s.Node, s.What, en))
		}
		if vi := s.Text.In(lang.Vietnamese); vi == "" || strings.ContainsAny(vi, "{}‹") {
			panic(fmt.Sprintf("step %s: Vietnamese text %q", s.Node, vi))
		}
		if s.Node == node {
			out = append(out, s.What+" = "+s.Value.String())
		}
	}
	return out
}

// TestTraceInVietnamese writes a criterion's steps in Vietnamese: the
// stage, the method's formula with decimal commas, the weight and the
// rounding.
func TestTraceInVietnamese(t *testing.T) {
	rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, weight: 1.5, method: ratio, target: 3}\nrounding: {criterion: {places: 2}}\n")
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "c", "2.5")}})["A"]
	var got []string
	for _, s := range c.Trace {
		got = append(got, s.Node+": "+s.Text.In(lang.Vietnamese))
	}
	require.Equal(t, []string{
		"c: Cụm chấm: nhập 2,5",
		"c: tỷ lệ: 10 × 2,5 ÷ 3",
		"c: tính: giai đoạn Cụm chấm (giai đoạn sau cùng có điểm)",
		"c: × hệ số 1,5",
		"c: làm tròn đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên",
		"criteria: tổng các tiêu chí cấp cao nhất",
		"total: điểm tiêu chí + điểm thưởng − điểm trừ",
		"percent: tổng điểm ÷ tổng điểm tối đa được giao 15 × 100",
	}, got)
}

func TestNotAssigned(t *testing.T) {
	// I = {a 10, b 10}, c 5: nominal maximum 25; ranked by percentage.
	rb := mustRulebook(t, `
criteria:
  - id: I
    name: Group I
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 10}
  - {id: c, name: C, max: 5}
rank_by: percent
`)
	sh := scoring.Sheet{
		Members: members("A", "B", "C", "D"),
		Scores: []scoring.Entry{
			cl("A", "a", "8"), cl("A", "c", "4"),
			cl("B", "c", "5"),
			cl("C", "a", "10"), cl("C", "b", "10"), cl("C", "c", "5"),
			cl("D", "c", "1"),
		},
		NotAssigned: []scoring.Assignment{
			{Member: "A", Criterion: "b"},
			{Member: "B", Criterion: "I"},
			{Member: "D", Criterion: "a"}, {Member: "D", Criterion: "b"},
		},
	}
	cards := mustScore(t, rb, sh)

	t.Run("a criterion not assigned leaves the attainable maximum", func(t *testing.T) {
		a := cards["A"]
		b := node(t, a, "b")
		require.False(t, b.Assigned)
		eq(t, "b value", b.Value, "0")
		eq(t, "b attainable", b.Attainable, "0")
		eq(t, "I attainable", node(t, a, "I").Attainable, "10")
		eq(t, "attainable", a.Attainable, "15") // 10 + 5
		eq(t, "total", a.Total, "12")
		eq(t, "percent", a.Percent, "80") // 12 ÷ 15 × 100
		eq(t, "basis is the percentage", a.Basis, "80")
	})
	t.Run("a group not assigned takes its criteria with it", func(t *testing.T) {
		b := cards["B"]
		for _, id := range []string{"I", "a", "b"} {
			require.False(t, node(t, b, id).Assigned, id)
		}
		require.True(t, node(t, b, "c").Assigned)
		eq(t, "attainable", b.Attainable, "5")
		eq(t, "percent", b.Percent, "100")
	})
	t.Run("a group all of whose criteria are not assigned is not assigned", func(t *testing.T) {
		require.False(t, node(t, cards["D"], "I").Assigned)
		eq(t, "attainable", cards["D"].Attainable, "5")
		eq(t, "percent", cards["D"].Percent, "20")
	})
	t.Run("a fully assigned member's attainable maximum is the nominal one", func(t *testing.T) {
		eq(t, "attainable", cards["C"].Attainable, "25")
		eq(t, "percent", cards["C"].Percent, "100")
	})
	t.Run("a missing value for a not-assigned criterion is no error", func(t *testing.T) {
		// (A has no score for b and the policy is error; the sheet was accepted.)
		require.Len(t, cards, 4)
	})
}

func TestBonusAndDeductions(t *testing.T) {
	const book = `
criteria:
  - {id: a, name: A, max: 100}
bonus:
  cap: 20
  items:
    - {id: flag, name: Cờ thi đua, points: 10, max: 15}
    - {id: gov, name: Cờ của Chính phủ, points: 15}
deductions:
  cap: 6
  floor: 0
  items:
    - {id: late, name: Báo cáo trễ, points: 2, max: 5}
    - {id: absent, name: Vắng họp, points: 3}
`
	type occ = scoring.Occurrences
	tests := []struct {
		name                         string
		a                            string
		bonus, deductions            []occ
		bonusSum, bonusTotal, dedSum string
		dedTotal, total              string
		bonusItems                   []scoring.ItemScore
	}{
		{name: "no items: the total is the criteria", a: "90", bonusSum: "0", bonusTotal: "0", dedSum: "0", dedTotal: "0", total: "90"},
		{
			name: "a bonus on top of a near-full score exceeds the nominal maximum (97 + 10 = 107)", a: "97",
			bonus:    []occ{{Member: "A", Item: "flag", Count: 1, Note: "QĐ 12"}},
			bonusSum: "10", bonusTotal: "10", dedSum: "0", dedTotal: "0", total: "107",
			bonusItems: []scoring.ItemScore{{ID: "flag", Name: "Cờ thi đua", Count: 1, Points: d("10"), Note: "QĐ 12"}},
		},
		{
			name: "an item's own cap limits its points", a: "97",
			bonus:    []occ{{Member: "A", Item: "flag", Count: 2}}, // 20 → 15
			bonusSum: "15", bonusTotal: "15", dedSum: "0", dedTotal: "0", total: "112",
			bonusItems: []scoring.ItemScore{{ID: "flag", Name: "Cờ thi đua", Count: 2, Points: d("15")}},
		},
		{
			name: "the overall cap limits the bonus total", a: "90",
			bonus:    []occ{{Member: "A", Item: "flag", Count: 2}, {Member: "A", Item: "gov", Count: 1}}, // 15 + 15 = 30 → 20
			bonusSum: "30", bonusTotal: "20", dedSum: "0", dedTotal: "0", total: "110",
		},
		{
			name: "a zero count adds nothing and is not listed", a: "90",
			bonus:    []occ{{Member: "A", Item: "flag", Count: 0}},
			bonusSum: "0", bonusTotal: "0", dedSum: "0", dedTotal: "0", total: "90",
		},
		{
			name: "a deduction item's cap", a: "90",
			deductions: []occ{{Member: "A", Item: "late", Count: 3}}, // 6 → 5
			bonusSum:   "0", bonusTotal: "0", dedSum: "5", dedTotal: "5", total: "85",
		},
		{
			name: "the deductions' overall cap", a: "90",
			deductions: []occ{{Member: "A", Item: "late", Count: 3}, {Member: "A", Item: "absent", Count: 1}}, // 5 + 3 = 8 → 6
			bonusSum:   "0", bonusTotal: "0", dedSum: "8", dedTotal: "6", total: "84",
		},
		{
			name: "bonus and deductions together", a: "80",
			bonus:      []occ{{Member: "A", Item: "gov", Count: 1}},
			deductions: []occ{{Member: "A", Item: "absent", Count: 1}},
			bonusSum:   "15", bonusTotal: "15", dedSum: "3", dedTotal: "3", total: "92", // 80 + 15 − 3
		},
		{
			name: "the floor stops the total falling below it", a: "2",
			deductions: []occ{{Member: "A", Item: "absent", Count: 2}}, // 2 − 6 = −4 → 0
			bonusSum:   "0", bonusTotal: "0", dedSum: "6", dedTotal: "6", total: "0",
		},
		{
			name: "deductions of another member do not count", a: "50",
			deductions: []occ{{Member: "B", Item: "absent", Count: 2}},
			bonusSum:   "0", bonusTotal: "0", dedSum: "0", dedTotal: "0", total: "50",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, book)
			c := mustScore(t, rb, scoring.Sheet{
				Members:    members("A", "B"),
				Scores:     []scoring.Entry{cl("A", "a", tc.a), cl("B", "a", "1")},
				Bonuses:    tc.bonus,
				Deductions: tc.deductions,
			})["A"]
			eq(t, "bonus sum", c.Bonus.Sum, tc.bonusSum)
			eq(t, "bonus total", c.Bonus.Total, tc.bonusTotal)
			eq(t, "deductions sum", c.Deductions.Sum, tc.dedSum)
			eq(t, "deductions total", c.Deductions.Total, tc.dedTotal)
			eq(t, "criteria", c.Criteria, tc.a)
			eq(t, "total", c.Total, tc.total)
			if tc.bonusItems != nil {
				if diff := cmp.Diff(tc.bonusItems, c.Bonus.Items, cmpOpts); diff != "" {
					t.Errorf("bonus items (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestDeductionsWithoutFloorMayGoNegative(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: a, name: A, max: 10}
deductions:
  items:
    - {id: absent, name: Vắng họp, points: 3}
`)
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "2")},
		Deductions: []scoring.Occurrences{{Member: "A", Item: "absent", Count: 2}}})["A"]
	eq(t, "total", c.Total, "-4") // 2 − 6
	eq(t, "percent", c.Percent, "-40")
}

func TestFloorAboveZero(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: a, name: A, max: 10}
deductions:
  floor: 5
  items:
    - {id: absent, name: Vắng họp, points: 3}
`)
	cards := mustScore(t, rb, scoring.Sheet{Members: members("A", "B"),
		Scores:     []scoring.Entry{cl("A", "a", "9"), cl("B", "a", "3")},
		Deductions: []scoring.Occurrences{{Member: "A", Item: "absent", Count: 1}, {Member: "B", Item: "absent", Count: 1}}})
	eq(t, "a total above the floor is kept", cards["A"].Total, "6")   // 9 − 3
	eq(t, "a total below the floor is raised", cards["B"].Total, "5") // 3 − 3 = 0 → 5
}

// TestStages checks which assessment stage counts (self, cluster, recheck
// by default).
func TestStages(t *testing.T) {
	all := []scoring.Entry{at("self", "A", "a", "9"), at("cluster", "A", "a", "7"), at("recheck", "A", "a", "8")}
	tests := []struct {
		name      string
		counts    string // the assessment block
		scores    []scoring.Entry
		want      string
		wantStage string
	}{
		{name: "the latest stage present counts by default", scores: all, want: "8", wantStage: "recheck"},
		{name: "without a recheck the cluster's score counts", scores: all[:2], want: "7", wantStage: "cluster"},
		{name: "a self-assessment alone counts if it is all there is", scores: all[:1], want: "9", wantStage: "self"},
		{name: "counts: max takes the highest stage", counts: "assessment: {counts: max}", scores: all, want: "9", wantStage: "self"},
		{name: "counts: min takes the lowest stage", counts: "assessment: {counts: min}", scores: all, want: "7", wantStage: "cluster"},
		{name: "counts: stage takes the named stage", counts: "assessment: {counts: stage, stage: cluster}", scores: all, want: "7", wantStage: "cluster"},
		{name: "counts: latest follows the rulebook's own stage order", counts: "assessment: {stages: [{id: verify, name: V}, {id: self, name: S}]}",
			scores: []scoring.Entry{at("verify", "A", "a", "3"), at("self", "A", "a", "4")}, want: "4", wantStage: "self"},
		{name: "a missing value at the named stage scores zero under missing: zero", counts: "assessment: {counts: stage, stage: recheck}\nmissing: zero",
			scores: all[:2], want: "0", wantStage: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\n"+tc.counts+"\n")
			n := node(t, mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: tc.scores})["A"], "a")
			eq(t, "points", n.Points, tc.want)
			require.Equal(t, tc.wantStage, n.Stage)
		})
	}
}

func TestStagePicksComparePoints(t *testing.T) {
	// With counts: max the stage giving the most points counts: for a tiers
	// criterion that is the stage with the higher measured value.
	rb := mustRulebook(t, `
criteria:
  - {id: c, name: C, max: 10, method: tiers, tiers: [{at_least: 50, points: 5}, {at_least: 90, points: 10}]}
assessment: {counts: max}
`)
	n := node(t, mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{
		at("self", "A", "c", "95"), at("cluster", "A", "c", "60"),
	}})["A"], "c")
	eq(t, "points", n.Points, "10")
	eq(t, "raw", n.Raw, "95")
	require.Equal(t, "self", n.Stage)
}

// TestAssessors combines several assessors' scores at one stage.
func TestAssessors(t *testing.T) {
	tests := []struct {
		name   string
		stage  string // the cluster stage's definition
		scores map[string]string
		want   string
	}{
		{name: "mean of three assessors, rounded once", stage: "{id: cluster, name: Cụm}",
			scores: map[string]string{"X": "7", "Y": "8", "Z": "8"}, want: "7.666667"}, // 23 ÷ 3
		{name: "median of an odd number is the middle score", stage: "{id: cluster, name: Cụm, aggregate: median}",
			scores: map[string]string{"X": "9.5", "Y": "7", "Z": "8"}, want: "8"},
		{name: "median of an even number is the mean of the middle two", stage: "{id: cluster, name: Cụm, aggregate: median}",
			scores: map[string]string{"W": "10", "X": "6", "Y": "7", "Z": "8"}, want: "7.5"},
		{name: "trimmed mean drops the highest and the lowest", stage: "{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 1}",
			scores: map[string]string{"W": "2", "X": "7", "Y": "8", "Z": "10"}, want: "7.5"}, // (7 + 8) ÷ 2
		{name: "trimmed mean with trim 2 drops two at each end", stage: "{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 2}",
			scores: map[string]string{"U": "0", "V": "1", "W": "6", "X": "9", "Y": "10"}, want: "6"},
		{name: "a single named assessor's score is its own mean", stage: "{id: cluster, name: Cụm}",
			scores: map[string]string{"X": "6.5"}, want: "6.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10, weight: 2}\nassessment:\n  stages: ["+tc.stage+"]\n")
			sh := scoring.Sheet{Members: members("A")}
			for who, v := range tc.scores {
				sh.Scores = append(sh.Scores, by("cluster", who, "A", "a", v))
			}
			c := mustScore(t, rb, sh)["A"]
			n := node(t, c, "a")
			eq(t, "points", n.Points, tc.want)
			eq(t, "raw is the aggregate", n.Raw, tc.want)
			eq(t, "value", n.Value, n.Points.Mul(d("2")).String())
			// every assessor's points are kept, weighted, for head-to-head
			require.Len(t, c.Peers, len(tc.scores))
			for _, p := range c.Peers {
				require.Equal(t, "cluster", p.Stage)
				require.Equal(t, "a", p.Criterion)
				eq(t, "peer "+p.Assessor, p.Points, d(tc.scores[p.Assessor]).Mul(d("2")).String())
			}
		})
	}
}

func TestAssessorsScoreThroughTheMethod(t *testing.T) {
	// Each assessor's value goes through the method before the mean: a ratio
	// criterion (max 10, target 100) with assessors at 50 and 150 scores
	// (5 + 10) ÷ 2 = 7.5, not 10 × mean(50, 150) ÷ 100 = 10.
	rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, method: ratio, target: 100}\n")
	n := node(t, mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{
		by("cluster", "X", "A", "c", "50"), by("cluster", "Y", "A", "c", "150"),
	}})["A"], "c")
	eq(t, "points", n.Points, "7.5")
}

func TestDivergence(t *testing.T) {
	const crits = "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: b, name: B, max: 10, weight: 2}\n"
	tests := []struct {
		name       string
		divergence string
		scores     []scoring.Entry
		want       []scoring.Divergence
	}{
		{
			name:       "a criterion gap above the threshold is flagged",
			divergence: "{criterion: 2}",
			scores:     []scoring.Entry{at("self", "A", "a", "9"), cl("A", "a", "6"), cl("A", "b", "5")},
			want:       []scoring.Divergence{{Criterion: "a", Self: d("9"), Counted: d("6"), Gap: d("3"), Threshold: d("2")}},
		},
		{
			name:       "a gap equal to the threshold is not flagged",
			divergence: "{criterion: 2}",
			scores:     []scoring.Entry{at("self", "A", "a", "9"), cl("A", "a", "7"), cl("A", "b", "5")},
		},
		{
			name:       "a counted score above the self-assessment is flagged too",
			divergence: "{criterion: 2}",
			scores:     []scoring.Entry{at("self", "A", "a", "5"), cl("A", "a", "8"), cl("A", "b", "5")},
			want:       []scoring.Divergence{{Criterion: "a", Self: d("5"), Counted: d("8"), Gap: d("3"), Threshold: d("2")}},
		},
		{
			name:       "no self-assessment, nothing to compare",
			divergence: "{criterion: 2}",
			scores:     []scoring.Entry{cl("A", "a", "1"), cl("A", "b", "5")},
		},
		{
			name:       "the total gap is over weighted points",
			divergence: "{total: 3}",
			// self 9 + 2·5 = 19; counted 8 + 2·3.5 = 15; gap 4 > 3
			scores: []scoring.Entry{at("self", "A", "a", "9"), cl("A", "a", "8"), at("self", "A", "b", "5"), cl("A", "b", "3.5")},
			want:   []scoring.Divergence{{Self: d("19"), Counted: d("15"), Gap: d("4"), Threshold: d("3")}},
		},
		{
			name:       "criterion and total flags together, criterion first",
			divergence: "{criterion: 1, total: 1}",
			scores:     []scoring.Entry{at("self", "A", "a", "9"), cl("A", "a", "7"), cl("A", "b", "5")},
			want: []scoring.Divergence{
				{Criterion: "a", Self: d("9"), Counted: d("7"), Gap: d("2"), Threshold: d("1")},
				{Self: d("9"), Counted: d("7"), Gap: d("2"), Threshold: d("1")},
			},
		},
		{
			name:   "no thresholds: nothing flagged",
			scores: []scoring.Entry{at("self", "A", "a", "10"), cl("A", "a", "0"), cl("A", "b", "5")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			book := crits
			if tc.divergence != "" {
				book += "assessment:\n  divergence: " + tc.divergence + "\n"
			}
			c := mustScore(t, mustRulebook(t, book), scoring.Sheet{Members: members("A"), Scores: tc.scores})["A"]
			if diff := cmp.Diff(tc.want, c.Divergences, cmpOpts); diff != "" {
				t.Errorf("divergences (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScorecardsAreSortedByMemberAndNamed(t *testing.T) {
	rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\n")
	cards, err := scoring.Score(rb, scoring.Sheet{
		Members: []scoring.Member{{ID: "SYT", Name: "Sở Y tế"}, {ID: "SCT"}, {ID: "BQL", Name: "Ban quản lý"}},
		Scores:  []scoring.Entry{cl("SYT", "a", "1"), cl("SCT", "a", "2"), cl("BQL", "a", "3")},
	})
	require.NoError(t, err)
	var got []string
	for _, c := range cards {
		got = append(got, c.Member.ID+"="+c.Member.Name)
	}
	require.Equal(t, []string{"BQL=Ban quản lý", "SCT=SCT", "SYT=Sở Y tế"}, got, "a member without a name is named by its id")
}

func TestScorecardNodesFollowTheRulebook(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - id: II
    name: Group II
    children:
      - {id: "2.2", name: B, max: 5}
      - {id: "2.1", name: A, max: 5, method: pass_fail}
  - {id: I, name: One, max: 10}
`)
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "2.2", "1"), cl("A", "2.1", "1"), cl("A", "I", "3")}})["A"]
	var ids []string
	for _, n := range c.Nodes {
		ids = append(ids, n.ID)
	}
	require.Equal(t, []string{"II", "2.2", "2.1", "I"}, ids)
	require.Equal(t, rules.PassFail, node(t, c, "2.1").Method)
	require.Equal(t, rules.Method(""), node(t, c, "II").Method, "a group has no method")
	_, ok := c.Node("nope")
	require.False(t, ok)
}

func TestTraceEndsWithTheTotal(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: a, name: A, max: 10}
bonus:
  cap: 12
  items: [{id: flag, name: Flag, points: 10}]
deductions:
  floor: 0
  items: [{id: late, name: Late, points: 2}]
rounding: {total: {places: 0}}
`)
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "0.4")},
		Bonuses:    []scoring.Occurrences{{Member: "A", Item: "flag", Count: 2}},
		Deductions: []scoring.Occurrences{{Member: "A", Item: "late", Count: 8}}})["A"]
	var tail []string
	for _, s := range c.Trace {
		if s.Node != "a" {
			tail = append(tail, s.Node+": "+s.What+" = "+s.Value.String())
		}
	}
	// 0.4 + min(20, 12) − 16 = −3.6 → floor 0
	require.Equal(t, []string{
		"criteria: sum of the top level = 0.4",
		"flag: bonus flag: 2 × 10 = 20",
		"bonus: bonus 20 capped at 12 = 12",
		"late: deductions late: 8 × 2 = 16",
		"total: criteria + bonus − deductions = -3.6",
		"total: raised to the floor 0 = 0",
		"percent: total ÷ attainable maximum 10 × 100 = 0",
	}, tail)
	eq(t, "total", c.Total, "0")
	require.True(t, strings.Contains(c.Trace[0].What, "input 0.4"), c.Trace[0].What)
}

func TestPercentIsRoundedOnce(t *testing.T) {
	// 0.3703499997 of 3 is 12.34499999 % exactly; rounded once to 2 places
	// (half_up) that is 12.34.
	rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 3}\nrounding: {percent: {places: 2}}\n")
	c := mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "0.3703499997")}})["A"]
	eq(t, "percent", c.Percent, "12.34")
}
