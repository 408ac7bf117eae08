package ranking_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// cum2 is the rulebook of the examples: two groups out of 100, a tie-break
// by the professional group (chuyên môn), then lots; the flag requires no
// discipline case, and two Bằng khen follow it.
const cum2 = `
id: cum2
version: "2024.1"
title: Bảng chấm điểm Cụm thi đua II
criteria:
  - id: I
    name: Công tác chuyên môn
    children:
      - {id: "1.1", name: Thu ngân sách, max: 40}
      - {id: "1.2", name: Cải cách hành chính, max: 30}
  - {id: II, name: Công tác xây dựng Đảng, max: 30}
facts:
  - {id: clean, name: Không có cá nhân bị kỷ luật, default: true}
eligibility:
  - {id: clean, reason: Không có cá nhân bị kỷ luật, fact: clean}
tie_breaks: [{group: I}, lots]
awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1, requires: [clean]}
  - {id: merit, name: Bằng khen của Chủ tịch UBND tỉnh, count: 2}
`

// sheet builds a sheet from "member: 1.1 1.2 II" lines.
func sheet(lines ...string) scoring.Sheet {
	var sh scoring.Sheet
	for _, l := range lines {
		id, vals, _ := strings.Cut(l, ":")
		sh.Members = append(sh.Members, scoring.Member{ID: id})
		for i, v := range strings.Fields(vals) {
			sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: []string{"1.1", "1.2", "II"}[i], Stage: "cluster", Value: decimal.RequireFromString(v)})
		}
	}
	return sh
}

// A cluster of five is ranked: SCT and SGD tie on 93 and group I separates
// them; SYT leads but has a discipline case, so the flag goes to the next
// member and SYT is proposed for a Bằng khen instead.
func ExampleRank() {
	rb, err := rules.Parse("cum2.yaml", []byte(cum2))
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := sheet(
		"SYT: 39 29 27", // 95
		"SCT: 38 27 28", // 93, group I 65
		"SGD: 36 28 29", // 93, group I 64
		"STC: 37 28 26", // 91
		"SXD: 30 25 25", // 80
	)
	sh.Facts = []scoring.FactValue{{Member: "SYT", Fact: "clean", Value: false}}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range st.Rows {
		fmt.Printf("%d. %s %s %v", r.Rank, r.Member.ID, r.Total, r.Awards)
		if d := r.DecidedBy; d != nil {
			fmt.Printf(" — below %s by %s (%s v %s)", d.Upper, d.Rule, d.UpperValue, d.LowerValue)
		}
		fmt.Println()
	}
	for _, a := range st.Awards {
		fmt.Printf("%s: %v", a.Name, a.Proposed)
		for _, s := range a.Skipped {
			fmt.Printf(", skipped %s (fails %v)", s.Member, s.Failed)
		}
		fmt.Println()
	}
	// Output:
	// 1. SYT 95 [merit]
	// 2. SCT 93 [flag] — below SYT by total (95 v 93)
	// 3. SGD 93 [merit] — below SCT by group I (65 v 64)
	// 4. STC 91 [] — below SGD by total (93 v 91)
	// 5. SXD 80 [] — below STC by total (91 v 80)
	// Cờ thi đua của UBND tỉnh: [SCT], skipped SYT (fails [clean])
	// Bằng khen của Chủ tịch UBND tỉnh: [SYT SGD]
}

// Two members tie on every rule and no draw was recorded and no seed
// given: they share rank 1, the tie is reported, and the flag waits for
// it to be resolved.
func ExampleRank_unresolvedTie() {
	rb, err := rules.Parse("cum2.yaml", []byte(cum2))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := ranking.Rank(rb, sheet(
		"SGD: 38 27 28",
		"SCT: 38 27 28",
		"STC: 30 25 25",
	))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range st.Rows {
		fmt.Printf("%d. %s %s tied=%v\n", r.Rank, r.Member.ID, r.Total, r.Tied)
	}
	for _, t := range st.Ties {
		fmt.Printf("unresolved at rank %d: %v, tried %v (%s)\n", t.Rank, t.Members, t.Tried, t.Note)
	}
	for _, a := range st.Awards {
		switch {
		case a.Pending != nil:
			fmt.Printf("%s: pending, %d place for %v\n", a.Tier, a.Pending.Places, a.Pending.Candidates)
		case !a.Blocked.IsZero():
			fmt.Printf("%s: blocked, %s\n", a.Tier, a.Blocked)
		default:
			fmt.Printf("%s: %v\n", a.Tier, a.Proposed)
		}
	}
	// Output:
	// 1. SCT 93 tied=true
	// 1. SGD 93 tied=true
	// 3. STC 80 tied=false
	// unresolved at rank 1: [SCT SGD], tried [total group I lots] (lots: no recorded draw and no seed given)
	// flag: pending, 1 place for [SCT SGD]
	// merit: blocked, waiting for the tie at rank 1 to be resolved (tier flag)
}

// The same tie drawn with a seed: the draw is reproducible and recorded.
func ExampleWithSeed() {
	rb, err := rules.Parse("cum2.yaml", []byte(cum2))
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := sheet("SGD: 38 27 28", "SCT: 38 27 28", "STC: 30 25 25")
	st, err := ranking.Rank(rb, sh, ranking.WithSeed(2024))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range st.Rows[:2] {
		fmt.Printf("%d. %s\n", r.Rank, r.Member.ID)
	}
	d := st.Rows[1].DecidedBy
	fmt.Printf("%s: %s %s, %s %s\n", d.Rule, d.Upper, d.UpperValue, d.Lower, d.LowerValue)
	fmt.Println("seed", *st.Lots.Seed, "draws", st.Lots.Draws)
	// Output:
	// 1. SGD
	// 2. SCT
	// lots: SGD drawn 1 (seed 2024), SCT drawn 2 (seed 2024)
	// seed 2024 draws [[SGD SCT]]
}

// Every decision and every eligibility failure can be written in
// Vietnamese (the default of the CLI and the documents) or in English, from
// the same standings — also after a round trip through JSON.
func ExampleDecision_Text() {
	rb, err := rules.Parse("cum2.yaml", []byte(cum2))
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := sheet("SCT: 38.5 27 28", "SGD: 36 29 28.5") // both 93.5; group I 65.5 v 65
	sh.Facts = []scoring.FactValue{{Member: "SGD", Fact: "clean", Value: false}}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := st.Rows[1].DecidedBy
	fmt.Println(d.Text(lang.Vietnamese))
	fmt.Println(d.Text(lang.English))
	fmt.Println(d.Brief(lang.Vietnamese))
	f := st.Rows[1].Failed[0]
	fmt.Println(f.Reason, "—", f.Text(lang.Vietnamese))
	fmt.Println(f.Reason, "—", f.Text(lang.English))
	// Output:
	// SCT xếp trên SGD theo nhóm I: 65,5 so với 65
	// SCT ranks above SGD by group I: 65.5 v 65
	// nhóm I: 65 < 65,5 (SCT)
	// Không có cá nhân bị kỷ luật — chưa đạt: Không có cá nhân bị kỷ luật
	// Không có cá nhân bị kỷ luật — not met: Không có cá nhân bị kỷ luật
}

// A table or a document for people names the members and the award tiers
// that the standings' messages hold by id: Names.Of.
func ExampleStandings_Names() {
	rb, err := rules.Parse("cum2.yaml", []byte(cum2))
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := sheet("SGD: 38 27 28", "SCT: 38 27 28", "STC: 30 25 25")
	for i, name := range []string{"Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Tài chính"} {
		sh.Members[i].Name = name
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		fmt.Println(err)
		return
	}
	names := st.Names()
	fmt.Println(st.Rows[1].DecidedBy.Brief(lang.Vietnamese))
	fmt.Println(names.Of(st.Rows[1].DecidedBy.BriefMessage()).In(lang.Vietnamese))
	fmt.Println(names.Of(st.Rows[2].DecidedBy.Message()).In(lang.Vietnamese))
	fmt.Println(names.Of(st.Awards[1].Blocked).In(lang.Vietnamese))
	// Output:
	// BẰNG ĐIỂM, chưa phân định với SCT
	// BẰNG ĐIỂM, chưa phân định với Sở Công Thương
	// Sở Giáo dục và Đào tạo xếp trên Sở Tài chính theo tổng điểm: 93 so với 80
	// chờ phân định trường hợp bằng điểm ở hạng 1 (hình thức Cờ thi đua của UBND tỉnh)
}
