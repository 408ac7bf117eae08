package whatif_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// genWide draws a cluster wider than genCase's, too wide for the brute
// force: 4–7 members, 6–18 criteria in 2–5 groups (some nested), tie-heavy
// values, conditions that depend on the allocation (floors, group minima),
// tie-break chains with group and criterion rules, award tiers. It exercises
// the programme's layers with many classes and tags.
func genWide(r *rand.Rand) randomCase {
	var b strings.Builder
	nLeaves := 6 + r.IntN(13)
	leaves := make([]genLeaf, nLeaves)
	for i := range leaves {
		leaves[i] = genLeafSpec(r, fmt.Sprintf("c%d", i+1))
	}
	nGroups := 2 + r.IntN(4)
	// cut the leaves into nGroups runs, each at least one leaf
	cuts := []int{0}
	for g := 1; g < nGroups; g++ {
		lo := cuts[g-1] + 1
		hi := nLeaves - (nGroups - g)
		cuts = append(cuts, lo+r.IntN(hi-lo+1))
	}
	cuts = append(cuts, nLeaves)
	leafYAML := func(l genLeaf, indent string) {
		fmt.Fprintf(&b, "%s- id: %s\n%s  name: Criterion %s\n%s  max: %s\n%s  method: %s\n", indent, l.id, indent, l.id, indent, l.max, indent, l.method)
		if l.extra != "" {
			fmt.Fprintf(&b, "%s  %s\n", indent, strings.ReplaceAll(l.extra, "\n", "\n"+indent+"  "))
		}
		if r.IntN(6) == 0 {
			fmt.Fprintf(&b, "%s  weight: %s\n", indent, pick(r, "2", "1.5", "0.5"))
		}
	}
	b.WriteString("criteria:\n")
	for g := range nGroups {
		fmt.Fprintf(&b, "  - id: G%d\n    name: Group %d\n", g+1, g+1)
		if r.IntN(6) == 0 {
			b.WriteString("    weight: 2\n")
		}
		b.WriteString("    children:\n")
		run := leaves[cuts[g]:cuts[g+1]]
		if len(run) >= 3 && r.IntN(3) == 0 {
			// a nested group holding the run's first half
			h := len(run) / 2
			fmt.Fprintf(&b, "      - id: G%dA\n        name: Group %dA\n        children:\n", g+1, g+1)
			for _, l := range run[:h] {
				leafYAML(l, "          ")
			}
			run = run[h:]
		}
		for _, l := range run {
			leafYAML(l, "      ")
		}
	}
	b.WriteString("bonus:\n  items:\n    - {id: b1, name: Bonus, points: 1}\n")
	b.WriteString("deductions:\n  items:\n    - {id: d1, name: Deduction, points: 0.5}\n")
	b.WriteString("facts:\n  - {id: f1, name: No discipline, default: true}\n")
	b.WriteString("rounding:\n  quotient: {places: 2}\n")
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  criterion: {places: 1, mode: %s}\n", pick(r, "half_up", "down", "half_even"))
	}
	if r.IntN(4) == 0 {
		b.WriteString("  group: {places: 0}\n")
	}
	if r.IntN(3) == 0 {
		b.WriteString("  total: {places: 1}\n")
	}
	var maxTotal float64
	for _, l := range leaves {
		maxTotal += l.max.InexactFloat64()
	}
	conds := []string{}
	b.WriteString("eligibility:\n")
	fmt.Fprintf(&b, "  - {id: e_total, reason: Total, min_total: %d}\n", int(maxTotal*pick(r, 0.4, 0.6, 0.75)))
	conds = append(conds, "e_total")
	if r.IntN(2) == 0 {
		within := ""
		if r.IntN(2) == 0 {
			within = ", within: G1"
		}
		fmt.Fprintf(&b, "  - {id: e_floor, reason: Floor, criterion_floor: {share: %s%s}}\n", pick(r, "50%", "1/3"), within)
		conds = append(conds, "e_floor")
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  - {id: e_gmin, reason: Group, group_min: {group: G%d, min: %d}}\n", 1+r.IntN(nGroups), 1+r.IntN(4))
		conds = append(conds, "e_gmin")
	}
	b.WriteString("  - {id: e_fact, reason: Fact, fact: f1}\n")
	conds = append(conds, "e_fact")
	chain := []string{"group: G1", fmt.Sprintf("group: G%d", nGroups), "criterion: c1", fmt.Sprintf("criterion: c%d", nLeaves), "fewer_deductions", "more_bonus"}
	r.Shuffle(len(chain), func(i, j int) { chain[i], chain[j] = chain[j], chain[i] })
	chain = chain[:r.IntN(len(chain)+1)]
	if len(chain) > 0 {
		b.WriteString("tie_breaks:\n")
		seen := map[string]bool{}
		for _, c := range chain {
			if !seen[c] {
				seen[c] = true
				fmt.Fprintf(&b, "  - %s\n", c)
			}
		}
	}
	subset := func() string {
		var out []string
		for _, c := range conds {
			if r.IntN(2) == 0 {
				out = append(out, c)
			}
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	b.WriteString("awards:\n")
	fmt.Fprintf(&b, "  - {id: flag, name: Flag, count: 1, requires: %s, if_ineligible: %s}\n", subset(), pick(r, "next_eligible", "none"))
	fmt.Fprintf(&b, "  - {id: merit, name: Merit, count: %d, requires: %s, if_ineligible: next_eligible}\n", 1+r.IntN(2), subset())

	rb, err := rules.Parse("wide.yaml", []byte(header+b.String()))
	if err != nil {
		panic(fmt.Sprintf("generated rulebook is invalid: %v\n%s", err, b.String()))
	}
	ids := []string{"A", "B", "C", "D", "E", "F", "G"}[:4+r.IntN(4)]
	sh := scoring.Sheet{Members: members(ids...), Year: 2020}
	var shared []int
	for _, l := range leaves {
		shared = append(shared, r.IntN(len(l.values)))
	}
	for _, m := range ids {
		for i, l := range leaves {
			v := l.values[shared[i]]
			if r.IntN(2) == 0 {
				v = l.values[r.IntN(len(l.values))]
			}
			if l.method == "direct" && r.IntN(5) == 0 && v.LessThan(l.max) {
				sh.Scores = append(sh.Scores,
					scoring.Entry{Member: m, Criterion: l.id, Stage: "cluster", Assessor: "X", Value: v},
					scoring.Entry{Member: m, Criterion: l.id, Stage: "cluster", Assessor: "Y", Value: v.Add(l.values[1])})
				continue
			}
			sh.Scores = append(sh.Scores, cl(m, l.id, v.String()))
		}
		if r.IntN(4) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: m, Item: "b1", Count: 1})
		}
		if r.IntN(3) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: m, Item: "d1", Count: 1 + r.IntN(2)})
		}
		if r.IntN(8) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: m, Fact: "f1", Value: false})
		}
	}
	c := randomCase{yaml: b.String(), rb: rb, sh: sh}
	base, err := ranking.Rank(rb, sh)
	if err != nil {
		panic(fmt.Sprintf("generated sheet does not rank: %v", err))
	}
	for try := 0; try < 6; try++ {
		c.member = ids[r.IntN(len(ids))]
		switch r.IntN(3) {
		case 0:
			c.target = whatif.RankTarget(1 + r.IntN(len(ids)-1))
		case 1:
			c.target = whatif.AwardTarget("flag")
		default:
			c.target = whatif.AwardTarget("merit")
		}
		if !meets(rb, base, c.member, c.target) {
			break
		}
	}
	return c
}

// TestReachSameWithoutConvolution answers random questions on wide clusters
// (genWide) twice, with the programme's convolution and with its loop over
// pairs alone, and checks that every answer is the same: gain, allocation,
// changes, positions, obstacles, caveats, candidates ranked.
func TestReachSameWithoutConvolution(t *testing.T) {
	defer whatif.SetConvolve(whatif.SetConvolve(true))
	cases := 150
	if testing.Short() {
		cases = 40
	}
	ctx := context.Background()
	answer := func(c randomCase, member string, target whatif.Target, conv bool) string {
		whatif.SetConvolve(conv)
		res, err := whatif.Reach(ctx, c.rb, c.sh, member, target)
		if err != nil {
			return "error: " + err.Error()
		}
		js, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		return string(js)
	}
	reachable := 0
	for seed := uint64(1); seed <= uint64(cases); seed++ {
		c := genWide(rand.New(rand.NewPCG(seed, 77)))
		targets := []whatif.Target{c.target, whatif.RankTarget(1), whatif.AwardTarget("flag")}
		for k, target := range targets {
			member := c.member
			if k > 0 {
				member = c.sh.Members[int(seed)%len(c.sh.Members)].ID
			}
			got, want := answer(c, member, target, true), answer(c, member, target, false)
			if got != want {
				t.Fatalf("seed %d, %s to %s: with the convolution\n%s\nwithout\n%s\n%s", seed, member, target, got, want, describe(c))
			}
			if strings.Contains(got, `"reachable":true`) && !strings.Contains(got, `"already_met":true`) {
				reachable++
			}
		}
	}
	if reachable < cases/2 {
		t.Fatalf("only %d questions needed a gain", reachable)
	}
}
