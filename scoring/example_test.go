package scoring_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// A member is scored under a small rulebook and its trace printed: every
// step from the raw values to the total a person can check by hand.
func ExampleScore() {
	rb, err := rules.Parse("cum2.yaml", []byte(`
id: cum2
version: "2024.1"
title: Bảng chấm điểm Cụm thi đua II
criteria:
  - id: I
    name: Công tác chuyên môn
    children:
      - {id: "1.1", name: Thu ngân sách, max: 20, method: ratio, target: 100}
      - {id: "1.2", name: Tập huấn, max: 15, method: per_occurrence, points_each: 5}
  - {id: II, name: Báo cáo đúng hạn, max: 10, method: pass_fail}
bonus:
  items:
    - {id: flag, name: Cờ thi đua của Chính phủ, points: 10}
deductions:
  items:
    - {id: late, name: Báo cáo trễ, points: 1}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	v := decimal.RequireFromString
	sheet := scoring.Sheet{
		Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}},
		Scores: []scoring.Entry{
			{Member: "SCT", Criterion: "1.1", Stage: "self", Value: v("96")},
			{Member: "SCT", Criterion: "1.1", Stage: "cluster", Value: v("92.5")},
			{Member: "SCT", Criterion: "1.2", Stage: "cluster", Value: v("4")},
			{Member: "SCT", Criterion: "II", Stage: "cluster", Value: v("1")},
		},
		Bonuses:    []scoring.Occurrences{{Member: "SCT", Item: "flag", Count: 1}},
		Deductions: []scoring.Occurrences{{Member: "SCT", Item: "late", Count: 2}},
	}
	cards, err := scoring.Score(rb, sheet)
	if err != nil {
		fmt.Println(err)
		return
	}
	// By hand: 1.1 = 20 × 92.5 ÷ 100 = 18.5 (the cluster's value counts, not the
	// self-assessment); 1.2 = 4 × 5 = 20, capped at 15; II passed = 10;
	// 18.5 + 15 + 10 = 43.5; + 10 bonus − 2 × 1 deducted = 51.5, more than the
	// nominal 45; 51.5 ÷ 45 × 100 = 114.4444… → 114.444444.
	c := cards[0]
	fmt.Printf("%s: %s of %s points (%s%%)\n", c.Member.Name, c.Total, rb.MaxTotal(), c.Percent)
	for _, s := range c.Trace {
		fmt.Printf("%-8s %s → %s\n", s.Node, s.What, s.Value)
	}
	// Output:
	// Sở Công Thương: 51.5 of 45 points (114.444444%)
	// 1.1      Tự chấm: input 96 → 96
	// 1.1      ratio: 20 × 96 ÷ 100 → 19.2
	// 1.1      Cụm chấm: input 92.5 → 92.5
	// 1.1      ratio: 20 × 92.5 ÷ 100 → 18.5
	// 1.1      counts: stage Cụm chấm (the latest stage present) → 18.5
	// 1.2      Cụm chấm: input 4 → 4
	// 1.2      per occurrence: 4 × 5 → 20
	// 1.2      capped at the maximum 15 → 15
	// 1.2      counts: stage Cụm chấm (the latest stage present) → 15
	// I        group: sum of 1.1, 1.2 → 33.5
	// II       Cụm chấm: input 1 → 1
	// II       pass/fail: achieved (đạt), full points → 10
	// II       counts: stage Cụm chấm (the latest stage present) → 10
	// criteria sum of the top level → 43.5
	// flag     bonus flag: 1 × 10 → 10
	// late     deductions late: 2 × 1 → 2
	// total    criteria + bonus − deductions → 51.5
	// percent  total ÷ attainable maximum 45 × 100 → 114.444444
}
