package whatif_test

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/whatif"
)

// What must Sở Xây dựng gain to take the flag (Cờ thi đua)? It must pass the
// 90-point and 85%-floor conditions and beat Sở Công Thương, whom it ties at
// 96.35 and passes on the first tie-break, group I.
func ExampleReach() {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sh, err := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := whatif.Reach(context.Background(), rb, sh, "SXD", whatif.AwardTarget("flag"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("gain %s: total %s → %s, rank %d, %v\n", res.Gain, res.Before.Total, res.After.Total, res.After.Rank, res.After.Awards)
	for _, a := range res.Allocation {
		fmt.Printf("  %s: %s → %s (points %s → %s)\n", a.Criterion, a.From, a.To, a.PointsFrom, a.PointsTo)
	}
	sct, _ := res.Standings.Row("SCT")
	fmt.Println("SCT now:", sct.DecidedBy.Rule, sct.DecidedBy.LowerValue, "<", sct.DecidedBy.UpperValue)
	// Output:
	// gain 7.6: total 88.75 → 96.35, rank 1, [flag]
	//   02: 3 → 4 (points 7.5 → 10)
	//   03: 18 → 20 (points 18 → 20)
	//   05: 10 → 12 (points 8 → 10)
	//   06: 8.5 → 8.6 (points 8.5 → 8.6)
	//   07: 95 → 100 (points 19 → 20)
	// SCT now: group I 39 < 40
}

// An unreachable target says why: Sở Nông nghiệp has 3 votes of 7, and the
// flag needs 80%.
func ExampleReach_unreachable() {
	rb, _ := rules.Load("../examples/cum2/rulebook.yaml")
	sh, _ := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	res, err := whatif.Reach(context.Background(), rb, sh, "SNNPTNT", whatif.AwardTarget("flag"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Reachable)
	for _, o := range res.Obstacles {
		fmt.Println(o.Kind, o.Condition)
	}
	// Output:
	// false
	// eligibility phieu_80
}

// How much does the winner depend on the weight of criterion 07? Thanh tra
// tỉnh, with 07 at 100%, overtakes Sở Công Thương when the weight exceeds
// 51.875 — exactly at 51.87525, once the criterion's rounding is applied.
func ExampleSensitivity() {
	rb, _ := rules.Load("../examples/cum2/rulebook.yaml")
	sh, _ := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	d := decimal.RequireFromString
	res, err := whatif.Sensitivity(context.Background(), rb, sh, whatif.WeightOf("07"), whatif.Range{From: d("40"), To: d("60"), Step: d("1")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range res.BreakEvens {
		fmt.Printf("at %s (attained %v):\n  below: %s\n  above: %s\n", b.At, b.Attained, b.Below, b.Above)
	}
	fmt.Printf("same winner at %d of %d values; least tau-b %s\n", res.Stability.SameWinner, res.Stability.Points, res.Stability.MinTauB)
	// Output:
	// at 51.87525 (attained true):
	//   below: winner SCT; flag SCT; merit TTT, SKHCN
	//   above: winner TTT; flag SCT; merit TTT, SKHCN
	// same winner at 12 of 21 values; least tau-b 0.4286
}

// What if the two absences of Sở Công Thương had been deducted?
func ExampleScenario_Apply() {
	rb, _ := rules.Load("../examples/cum2/rulebook.yaml")
	sh, _ := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	sc, err := whatif.ParseScenario("inline.yaml", []byte(`
scenario: Áp dụng điểm trừ vắng họp cho Sở Công Thương
edits:
  - add_deduction: {member: SCT, item: vang_hop, count: 2}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	after, err := sc.Apply(rb, sh)
	if err != nil {
		fmt.Println(err)
		return
	}
	before, _ := ranking.Rank(rb, sh)
	now, _ := ranking.Rank(rb, after)
	diff := whatif.Compare(before, now)
	for _, m := range diff.Members {
		if m.Changed() {
			fmt.Println(m)
		}
	}
	for _, a := range diff.Awards {
		fmt.Printf("%s: %v → %v\n", a.Tier, a.Old, a.New)
	}
	// Output:
	// SKHCN: rank 2 → 1, total 94.7 → 94.7, gains flag, loses merit
	// SCT: rank 1 → 2, total 96.35 → 94.35, gains merit, loses flag
	// flag: [SCT] → [SKHCN]
	// merit: [SKHCN SXD] → [SCT SXD]
}

// Kendall's tau-b between two orders with a tie.
func ExampleKendallTauRanks() {
	t := whatif.KendallTauRanks([]int{1, 2, 3, 4}, []int{1, 1, 3, 4})
	sign, sq := t.Squared()
	fmt.Println(t.Concordant, t.Discordant, t.TiedSecond, t.TauB, sign, sq)
	// Output:
	// 5 0 1 0.9129 1 5/6
}
