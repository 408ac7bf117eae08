package whatif_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// randomCase is a small cluster drawn at random: 3–4 members, 3–5 criteria
// with small ranges, tie-heavy values, random eligibility, tie-breaks and
// award tiers.
type randomCase struct {
	yaml   string
	rb     *rules.Rulebook
	sh     scoring.Sheet
	member string
	target whatif.Target
}

type genLeaf struct {
	id, method string
	max        decimal.Decimal
	values     []decimal.Decimal // inputs members may have
	extra      string            // more YAML for the criterion
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

func decs(xs ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = d(x)
	}
	return out
}

func genLeafSpec(r *rand.Rand, id string) genLeaf {
	switch pick(r, "direct", "direct", "tiers", "per_occurrence", "pass_fail", "ratio", "relative", "signed", "fewer") {
	case "fewer":
		// counts of violations: lower is better, 4 brings the points to zero
		each := pick(r, "1", "1.5")
		return genLeaf{id: id, method: "fewer", max: d("3"), values: decs("4", "3", "2", "1", "0"), extra: "points_each: " + each}
	case "signed":
		// the values are net points (cộng − trừ); the sheet gives some as counts
		return genLeaf{id: id, method: "signed", max: d("3"), values: decs("-2", "-1", "0", "1", "2", "4"),
			extra: "min: " + pick(r, "0", "-1") + "\nplus: {points_each: 1}\nminus: {points_each: 1}"}
	case "direct":
		if r.IntN(2) == 0 {
			return genLeaf{id: id, method: "direct", max: d("3"), values: decs("0", "1", "2", "3")}
		}
		return genLeaf{id: id, method: "direct", max: d("2"), values: decs("0", "0.5", "1", "1.5", "2")}
	case "tiers":
		return genLeaf{id: id, method: "tiers", max: d("3"), values: decs("0", "1", "2", "3", "4"),
			extra: "tiers: [{at_least: 4, points: 3}, {at_least: 2, points: 1}, {at_least: 0, points: 0}]"}
	case "per_occurrence":
		each := pick(r, "1", "1.5")
		return genLeaf{id: id, method: "per_occurrence", max: d("3"), values: decs("0", "1", "2", "3"), extra: "points_each: " + each}
	case "pass_fail":
		return genLeaf{id: id, method: "pass_fail", max: d(pick(r, "2", "3")), values: decs("0", "1")}
	case "ratio":
		return genLeaf{id: id, method: "ratio", max: d("2"), values: decs("0", "1", "2", "3"), extra: "target: " + pick(r, "3", "4")}
	}
	return genLeaf{id: id, method: "relative", max: d("2"), values: decs("0", "1", "2", "3"), extra: "target: 2"}
}

func genCase(r *rand.Rand) randomCase {
	var b strings.Builder
	nLeaves := 3 + r.IntN(3)
	leaves := make([]genLeaf, nLeaves)
	for i := range leaves {
		leaves[i] = genLeafSpec(r, fmt.Sprintf("c%d", i+1))
	}
	leafYAML := func(l genLeaf, indent string) {
		fmt.Fprintf(&b, "%s- id: %s\n%s  name: Criterion %s\n%s  max: %s\n%s  method: %s\n", indent, l.id, indent, l.id, indent, l.max, indent, l.method)
		if l.extra != "" {
			fmt.Fprintf(&b, "%s  %s\n", indent, strings.ReplaceAll(l.extra, "\n", "\n"+indent+"  "))
		}
		if r.IntN(5) == 0 {
			fmt.Fprintf(&b, "%s  weight: %s\n", indent, pick(r, "2", "1.5"))
		}
	}
	b.WriteString("criteria:\n")
	split := 1 + r.IntN(nLeaves-1)
	hasG2 := r.IntN(2) == 0
	b.WriteString("  - id: G1\n    name: Group one\n")
	if r.IntN(6) == 0 {
		b.WriteString("    weight: 2\n")
	}
	b.WriteString("    children:\n")
	end := nLeaves
	if hasG2 {
		end = split
	}
	for _, l := range leaves[:end] {
		leafYAML(l, "      ")
	}
	if hasG2 {
		b.WriteString("  - id: G2\n    name: Group two\n    children:\n")
		for _, l := range leaves[end:] {
			leafYAML(l, "      ")
		}
	}
	// bg and dg belong to a group (điểm thưởng, điểm trừ của nhóm): bg to
	// the last group, dg to G1 (which group_min and tie-breaks read)
	lastGroup := "G1"
	if hasG2 {
		lastGroup = "G2"
	}
	fmt.Fprintf(&b, "bonus:\n  items:\n    - {id: b1, name: Bonus, points: 1}\n    - {id: bg, name: Group bonus, points: %s, group: %s}\n", pick(r, "1", "0.5", "3"), lastGroup)
	b.WriteString("deductions:\n  items:\n    - {id: d1, name: Deduction, points: 0.5}\n    - {id: dg, name: Group deduction, points: 1, max: 2, group: G1}\n")
	if r.IntN(2) == 0 {
		b.WriteString("  floor: 0\n")
	}
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
	percent := r.IntN(5) == 0
	if percent {
		b.WriteString("rank_by: percent\n")
	}
	if r.IntN(3) == 0 {
		b.WriteString("rank_convention: dense\n")
	}
	// Eligibility.
	var maxTotal decimal.Decimal
	for _, l := range leaves {
		maxTotal = maxTotal.Add(l.max)
	}
	conds := []string{}
	b.WriteString("eligibility:\n")
	theta := maxTotal.Mul(d(pick(r, "0.4", "0.6", "0.75"))).Floor()
	strict := func() string { return pick(r, "", ", strict: true") }
	fmt.Fprintf(&b, "  - {id: e_total, reason: Total, min_total: %s%s}\n", theta, strict())
	conds = append(conds, "e_total")
	if r.IntN(4) == 0 {
		// an upper bound: more points can lose the award
		fmt.Fprintf(&b, "  - {id: e_tmax, reason: Upper, max_total: %s%s}\n", maxTotal.Mul(d(pick(r, "0.8", "0.9"))).Floor(), strict())
		conds = append(conds, "e_tmax")
	}
	if r.IntN(2) == 0 {
		within := ""
		if r.IntN(2) == 0 {
			within = ", within: G1"
		}
		fmt.Fprintf(&b, "  - {id: e_floor, reason: Floor, criterion_floor: {share: %s%s}%s}\n", pick(r, "50%", "1/3"), within, strict())
		conds = append(conds, "e_floor")
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  - {id: e_gmin, reason: Group, group_min: {group: G1, min: %d}%s}\n", 1+r.IntN(4), strict())
		conds = append(conds, "e_gmin")
	}
	if percent && r.IntN(2) == 0 {
		b.WriteString("  - {id: e_pct, reason: Percent, min_percent: 50}\n")
		conds = append(conds, "e_pct")
	}
	b.WriteString("  - {id: e_fact, reason: Fact, fact: f1}\n  - {id: e_ded, reason: Deductions, max_deductions: 0.5}\n")
	conds = append(conds, "e_fact", "e_ded")
	// Grading bands (xếp loại): 2–3, highest first, each requiring some
	// conditions (a higher total for the top one), the last sometimes a
	// catch-all.
	var grades []string
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  - {id: e_high, reason: High, min_total: %s%s}\n", maxTotal.Mul(d(pick(r, "0.6", "0.7", "0.85"))).Floor(), strict())
		// a band's own floor (no criterion below a share of its maximum)
		fmt.Fprintf(&b, "  - {id: e_bfloor, reason: Band floor, criterion_floor: {share: %s}%s}\n", pick(r, "50%", "2/3", "1/3"), strict())
		conds = append(conds, "e_high")
		b.WriteString("grades:\n")
		ng := 2 + r.IntN(2)
		for g := range ng {
			id := fmt.Sprintf("g%d", g)
			grades = append(grades, id)
			var req []string
			if g == 0 {
				req = append(req, "e_high")
			}
			if g < ng-1 && r.IntN(3) > 0 {
				req = append(req, "e_bfloor")
			}
			for _, c := range conds {
				if r.IntN(3) == 0 && !slices.Contains(req, c) {
					req = append(req, c)
				}
			}
			if len(req) == 0 && g < ng-1 {
				req = append(req, pick(r, conds...))
			}
			if g == ng-1 && r.IntN(2) == 0 {
				req = nil // every member not graded higher
			}
			fmt.Fprintf(&b, "  - {id: %s, name: Band %d, requires: [%s]}\n", id, g, strings.Join(req, ", "))
		}
	}
	minGrade := func() string {
		if len(grades) == 0 || r.IntN(2) == 0 {
			return ""
		}
		return ", min_grade: " + pick(r, grades[0], grades[0], grades[r.IntN(len(grades))])
	}
	// Tie-breaks.
	chain := []string{"group: G1", "criterion: c1", "fewer: c" + fmt.Sprint(1+r.IntN(nLeaves)), "fewer_deductions", "more_bonus", "no_award_last_year: flag", "league: " + []string{"reapply", "once"}[r.IntN(2)]}
	r.Shuffle(len(chain), func(i, j int) { chain[i], chain[j] = chain[j], chain[i] })
	chain = chain[:r.IntN(len(chain)+1)]
	lots := r.IntN(3) == 0
	if lots {
		chain = append(chain, "lots")
	}
	if len(chain) > 0 {
		b.WriteString("tie_breaks:\n")
		for _, c := range chain {
			fmt.Fprintf(&b, "  - %s\n", c)
		}
	}
	// Awards.
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
	fmt.Fprintf(&b, "  - {id: flag, name: Flag, count: 1, requires: %s, if_ineligible: %s%s}\n", subset(), pick(r, "next_eligible", "none"), minGrade())
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  - {id: merit, name: Merit, count: %d, requires: %s, if_ineligible: %s%s}\n", 1+r.IntN(2), subset(), pick(r, "next_eligible", "none"), minGrade())
	} else {
		fmt.Fprintf(&b, "  - {id: merit, name: Merit, share: 50%%, requires: %s%s}\n", subset(), minGrade())
	}

	rb, err := rules.Parse("random.yaml", []byte(header+b.String()))
	if err != nil {
		panic(fmt.Sprintf("generated rulebook is invalid: %v\n%s", err, b.String()))
	}

	// The sheet: tie-heavy values, a few bonuses, deductions, facts.
	ids := []string{"A", "B", "C", "D"}[:3+r.IntN(2)]
	sh := scoring.Sheet{Members: members(ids...), Year: 2020}
	var shared []decimal.Decimal // a common profile, to make ties likely
	for _, l := range leaves {
		shared = append(shared, l.values[r.IntN(len(l.values))])
	}
	for _, m := range ids {
		for i, l := range leaves {
			v := shared[i]
			if r.IntN(2) == 0 {
				v = l.values[r.IntN(len(l.values))]
			}
			if percent && m != ids[0] && i == 0 && r.IntN(2) == 0 {
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: m, Criterion: l.id})
				continue
			}
			if l.method == "direct" && r.IntN(4) == 0 && v.LessThan(l.max) {
				// two assessors at the counted stage
				sh.Scores = append(sh.Scores,
					scoring.Entry{Member: m, Criterion: l.id, Stage: "cluster", Assessor: "X", Value: v},
					scoring.Entry{Member: m, Criterion: l.id, Stage: "cluster", Assessor: "Y", Value: v.Add(l.values[1])})
				continue
			}
			if r.IntN(4) == 0 {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: m, Criterion: l.id, Stage: "self", Value: l.values[len(l.values)-1]})
			}
			if l.method == "signed" && r.IntN(2) == 0 {
				// the counts: v + f achievements and f failures
				f := int64(r.IntN(2))
				if v.IsNegative() {
					f -= v.IntPart()
				}
				sh.Scores = append(sh.Scores, cl(m, l.id+"+", v.Add(decimal.NewFromInt(f)).String()), cl(m, l.id+"-", decimal.NewFromInt(f).String()))
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
		if r.IntN(3) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: m, Item: "bg", Count: 1})
		}
		// G1 stays assigned unless its only criterion is not (rank_by percent)
		if r.IntN(3) == 0 && (m == ids[0] || !hasG2 || split > 1) {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: m, Item: "dg", Count: 1 + r.IntN(3)})
		}
		if r.IntN(6) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: m, Fact: "f1", Value: false})
		}
		if r.IntN(4) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: m, Year: 2019, Award: "flag"})
		}
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			if r.IntN(8) != 0 {
				sh.Matches = append(sh.Matches, scoring.Match{Member: ids[i], Rival: ids[j], For: r.IntN(3), Against: r.IntN(3)})
			}
		}
	}
	if lots && r.IntN(2) == 0 {
		draw := slices.Clone(ids)
		r.Shuffle(len(draw), func(i, j int) { draw[i], draw[j] = draw[j], draw[i] })
		sh.Lots = draw
	}
	c := randomCase{yaml: b.String(), rb: rb, sh: sh}
	// Prefer a member and target not already met (the interesting case).
	base, err := ranking.Rank(rb, sh)
	if err != nil {
		panic(fmt.Sprintf("generated sheet does not rank: %v", err))
	}
	for try := 0; try < 6; try++ {
		c.member = ids[r.IntN(len(ids))]
		switch r.IntN(3 + min(len(grades), 1)) {
		case 0:
			c.target = whatif.RankTarget(1 + r.IntN(len(ids)-1))
		case 1:
			c.target = whatif.AwardTarget("flag")
		case 2:
			c.target = whatif.AwardTarget("merit")
		default: // a band
			c.target = whatif.GradeTarget(grades[r.IntN(len(grades))])
		}
		if !meets(rb, base, c.member, c.target) {
			break
		}
	}
	return c
}

// meets is the test's own reading of a target (see whatif.Target).
func meets(rb *rules.Rulebook, st *ranking.Standings, member string, t whatif.Target) bool {
	row, _ := st.Row(member)
	if t.Grade != "" { // graded in the band or a higher one
		_, got, ok := rb.Grade(row.Grade)
		_, want, _ := rb.Grade(t.Grade)
		return ok && got <= want
	}
	if t.Award != "" {
		for _, a := range rb.Awards() {
			if slices.Contains(row.Awards, a.ID) {
				return true
			}
			if a.ID == t.Award {
				return false
			}
		}
		return false
	}
	// the places before the member's rank and those it covers (a tie's),
	// counted whatever the rank convention numbers them
	above, size := 0, 0
	for _, r := range st.Rows {
		switch {
		case r.Rank == row.Rank:
			size++
		case size == 0:
			above++
		}
	}
	return above+size <= t.Rank
}

// bruteOptions lists, for one of the member's criteria, every input the
// brute force tries: nil (unchanged), then the multiples of the step from
// the highest current entry at the cluster stage up to full points.
func bruteOptions(rb *rules.Rulebook, sh scoring.Sheet, card scoring.Scorecard, n rules.Node, member string) []*decimal.Decimal {
	out := []*decimal.Decimal{nil}
	ns, _ := card.Node(n.ID)
	if !ns.Assigned || n.Method == rules.Relative || n.Method == rules.Votes {
		return out
	}
	var cur []decimal.Decimal
	places := int32(0)
	for _, e := range sh.Scores {
		if e.Criterion == n.ID {
			if -e.Value.Normalize().Exponent() > places {
				places = -e.Value.Normalize().Exponent()
			}
			if e.Member == member && e.Stage == "cluster" {
				cur = append(cur, e.Value)
			}
		}
	}
	step := decimal.New(1, -places)
	if n.Method == rules.PerOccurrence || n.Method == rules.PassFail || n.Method == rules.Fewer {
		step = decimal.NewFromInt(1)
	}
	if n.Method == rules.Fewer { // lower is better: down from the lowest entry to zero
		high := slices.MinFunc(cur, decimal.Decimal.Cmp)
		same := !slices.ContainsFunc(cur, func(v decimal.Decimal) bool { return !v.Equal(high) })
		v := high
		if same {
			v = v.Sub(step)
		}
		for ; !v.IsNegative(); v = v.Sub(step) {
			x := v
			out = append(out, &x)
		}
		return out
	}
	low := slices.MaxFunc(cur, decimal.Decimal.Cmp)
	same := !slices.ContainsFunc(cur, func(v decimal.Decimal) bool { return !v.Equal(low) })
	var limit decimal.Decimal
	switch n.Method {
	case rules.PassFail:
		if low.IsZero() {
			one := decimal.NewFromInt(1)
			out = append(out, &one)
		}
		return out
	case rules.Direct, rules.Signed:
		limit = n.Max
	case rules.Ratio:
		limit = ns.Target
	case rules.Tiers:
		limit = d("4")
	case rules.PerOccurrence:
		limit = n.Max.Div(n.PointsEach).Ceil()
	}
	v := low.Div(step).Ceil().Mul(step)
	if v.Equal(low) && same {
		v = v.Add(step)
	}
	for ; v.LessThanOrEqual(limit); v = v.Add(step) {
		x := v
		out = append(out, &x)
	}
	return out
}

// inputScale is the scale an effort is measured against (see whatif.Reach).
func inputScale(n rules.Node, card scoring.Scorecard) decimal.Decimal {
	switch n.Method {
	case rules.PassFail:
		return decimal.NewFromInt(1)
	case rules.Ratio:
		ns, _ := card.Node(n.ID)
		return ns.Target
	case rules.Tiers:
		return d("4")
	case rules.PerOccurrence, rules.Fewer:
		return n.Max.Div(n.PointsEach).Ceil()
	}
	return n.Max
}

// effort of raising the member's cluster entries for n to v: Σ(v − old) ÷
// (count · scale).
func effort(c randomCase, card scoring.Scorecard, n rules.Node, v decimal.Decimal) *big.Rat {
	num, k := decimal.Zero, 0
	for _, e := range c.sh.Scores {
		if e.Member == c.member && e.Criterion == n.ID && e.Stage == "cluster" {
			if n.Method == rules.Fewer { // lower is better: the decrease
				num = num.Add(e.Value.Sub(v))
			} else {
				num = num.Add(v.Sub(e.Value))
			}
			k++
		}
	}
	return new(big.Rat).Quo(num.Rat(), inputScale(n, card).Mul(decimal.NewFromInt(int64(k))).Rat())
}

// brute finds the least gain that reaches the target by ranking every
// combination of the member's inputs, and the least effort among the
// combinations that reach it with that gain. ok is false if none does; n is
// the number of combinations (0 if more than limit, and nothing is ranked).
func brute(t testing.TB, c randomCase, limit int) (gain decimal.Decimal, least *big.Rat, ok bool, n int) {
	// a signed criterion's input is its net points: the counts combined
	c.sh = scoring.NetSigned(c.rb, c.sh)
	base, err := ranking.Rank(c.rb, c.sh)
	if err != nil {
		t.Fatalf("base sheet does not rank: %v", err)
	}
	row, _ := base.Row(c.member)
	nodes := c.rb.Nodes()
	var leaves []rules.Node
	var opts [][]*decimal.Decimal
	n = 1
	for _, nd := range nodes {
		if nd.IsGroup() {
			continue
		}
		o := bruteOptions(c.rb, c.sh, row.Card, nd, c.member)
		leaves = append(leaves, nd)
		opts = append(opts, o)
		n *= len(o)
	}
	if n > limit {
		return decimal.Zero, nil, false, 0
	}
	idx := make([]int, len(leaves))
	for {
		sh := c.sh
		sh.Scores = slices.Clone(c.sh.Scores)
		for i, nd := range leaves {
			v := opts[i][idx[i]]
			if v == nil {
				continue
			}
			for k, e := range sh.Scores {
				if e.Member == c.member && e.Criterion == nd.ID && e.Stage == "cluster" {
					sh.Scores[k].Value = *v
				}
			}
		}
		cards, err := scoring.Score(c.rb, sh, scoring.WithoutTrace())
		if err != nil {
			t.Fatalf("a combination does not score: %v", err)
		}
		st := ranking.RankScorecards(c.rb, sh, cards)
		if meets(c.rb, st, c.member, c.target) {
			r, _ := st.Row(c.member)
			g := r.Total.Sub(row.Total)
			e := new(big.Rat)
			for i, nd := range leaves {
				if v := opts[i][idx[i]]; v != nil {
					e.Add(e, effort(c, row.Card, nd, *v))
				}
			}
			if !ok || g.LessThan(gain) || (g.Equal(gain) && e.Cmp(least) < 0) {
				gain, least, ok = g, e, true
			}
		}
		// next combination
		i := 0
		for ; i < len(idx); i++ {
			idx[i]++
			if idx[i] < len(opts[i]) {
				break
			}
			idx[i] = 0
		}
		if i == len(idx) {
			return gain, least, ok, n
		}
	}
}

func describe(c randomCase) string {
	js, _ := json.MarshalIndent(c.sh, "", " ")
	return fmt.Sprintf("member %s, target %s\nrulebook:\n%s\nsheet:\n%s", c.member, c.target, c.yaml, js)
}

// TestReachAgreesWithBruteForce draws small clusters at random (fixed
// seeds) and checks that Reach's least gain is the least gain found by
// ranking every combination of the member's inputs, that its allocation
// really reaches the target, and that unreachable targets are unreachable.
func TestReachAgreesWithBruteForce(t *testing.T) {
	cases, limit := 400, 1500
	if testing.Short() {
		cases = 80
	}
	var checked, reachable, unreachable, already, ties, refused int
	var bandTargets, bandGains, bandAwards int // band targets checked, reached with a gain; award targets gated by a band
	for seed := uint64(1); checked < cases && seed < 10*uint64(cases); seed++ {
		r := rand.New(rand.NewPCG(seed, 2026))
		c := genCase(r)
		want, wantEffort, wantOK, n := brute(t, c, limit)
		if n == 0 {
			continue // too many combinations for the brute force
		}
		checked++
		if c.target.Grade != "" {
			bandTargets++
		}
		if c.target.Award != "" && slices.ContainsFunc(c.rb.Awards(), func(a rules.AwardTier) bool { return a.MinGrade != "" }) {
			bandAwards++
		}
		before := c.sh.Hash()
		got, err := whatif.Reach(context.Background(), c.rb, c.sh, c.member, c.target)
		if up := upperBounded(c); up || errors.Is(err, whatif.ErrUnsupported) {
			if !up || !errors.Is(err, whatif.ErrUnsupported) {
				t.Fatalf("seed %d: an upper bound is required: %v; Reach returned %v", seed, up, err)
			}
			refused++
			continue
		}
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, describe(c))
		}
		if c.sh.Hash() != before {
			t.Fatalf("seed %d: Reach changed the caller's sheet", seed)
		}
		if got.Reachable != wantOK {
			t.Fatalf("seed %d: Reach says reachable=%v (gain %s, obstacles %+v), brute force says %v (gain %s)\n%s", seed, got.Reachable, got.Gain, got.Obstacles, wantOK, want, describe(c))
		}
		if !wantOK {
			unreachable++
			if len(got.Obstacles) == 0 {
				t.Errorf("seed %d: unreachable without an obstacle", seed)
			}
			continue
		}
		reachable++
		if got.AlreadyMet {
			already++
		} else if c.target.Grade != "" {
			bandGains++
		}
		if !got.Gain.Equal(want) {
			t.Fatalf("seed %d: Reach's least gain %s, brute force's %s\nallocation %+v\n%s", seed, got.Gain, want, got.Allocation, describe(c))
		}
		// The allocation really reaches the target, ranked afresh.
		st, err := ranking.Rank(c.rb, got.Sheet)
		if err != nil {
			t.Fatalf("seed %d: the changed sheet does not rank: %v", seed, err)
		}
		if !meets(c.rb, st, c.member, c.target) {
			t.Fatalf("seed %d: the allocation does not reach %s\n%s", seed, c.target, describe(c))
		}
		row, _ := st.Row(c.member)
		if !row.Total.Sub(got.Before.Total).Equal(got.Gain) {
			t.Fatalf("seed %d: gain %s but the total moves %s → %s", seed, got.Gain, got.Before.Total, row.Total)
		}
		// The allocation is the cheapest of those that reach the target
		// with the least gain.
		baseSt, _ := ranking.Rank(c.rb, c.sh)
		baseRow, _ := baseSt.Row(c.member)
		gotEffort := new(big.Rat)
		netted := c
		netted.sh = scoring.NetSigned(c.rb, c.sh) // a signed criterion's input is its net points
		for _, a := range got.Allocation {
			nd, _ := c.rb.Node(a.Criterion)
			gotEffort.Add(gotEffort, effort(netted, baseRow.Card, nd, a.To))
		}
		if gotEffort.Cmp(wantEffort) != 0 {
			t.Fatalf("seed %d: allocation effort %s, but the cheapest reaching allocation has %s\nallocation %+v\n%s", seed, gotEffort.RatString(), wantEffort.RatString(), got.Allocation, describe(c))
		}
		// Only the member's own rows change, towards more points: up, or
		// down where lower is better.
		for _, ch := range got.Changes {
			nd, _ := c.rb.Node(ch.New.Criterion)
			down := nd.Method == rules.Fewer
			if ch.New.Member != c.member || (ch.Old != nil && ch.Old.Value.Cmp(ch.New.Value) != 0 && ch.Old.Value.GreaterThan(ch.New.Value) != down) {
				t.Fatalf("seed %d: change %+v is not a move of the member's own value towards more points", seed, ch)
			}
		}
		for _, rr := range st.Rows {
			if rr.Member.ID != c.member && rr.Basis.Equal(row.Basis) {
				ties++ // the answer lands exactly on a rival's total: the chain decided it
				break
			}
		}
	}
	if checked < cases {
		t.Fatalf("only %d cases were small enough for the brute force", checked)
	}
	t.Logf("%d cases: %d reachable (%d already met), %d unreachable, %d refused (an upper bound); %d answers decided at a tie", checked, reachable, already, unreachable, refused, ties)
	t.Logf("%d band targets (%d reached with a gain), %d award targets in rulebooks whose awards require a band", bandTargets, bandGains, bandAwards)
	if bandGains == 0 || bandAwards == 0 {
		t.Errorf("the random cases do not cover grading bands: %d band targets reached with a gain, %d award targets requiring a band", bandGains, bandAwards)
	}
	if unreachable == 0 || reachable-already == 0 || ties == 0 {
		t.Errorf("the random cases do not cover reachable, unreachable and tied answers")
	}
}

// upperBounded reports whether the case's target award, or one before it,
// requires a condition with an upper bound (which Reach refuses), itself
// or through the band it requires; or whether the target band, or one
// above it, does.
func upperBounded(c randomCase) bool {
	bands := func(upTo string) bool { // a band at or above upTo has one
		for _, g := range c.rb.Grades() {
			for _, id := range g.Requires {
				if cond, _ := c.rb.Condition(id); cond.UpperBound() {
					return true
				}
			}
			if g.ID == upTo {
				break
			}
		}
		return false
	}
	if c.target.Grade != "" {
		return bands(c.target.Grade)
	}
	if c.target.Award == "" {
		return false
	}
	for _, a := range c.rb.Awards() {
		for _, id := range a.Requires {
			if cond, _ := c.rb.Condition(id); cond.UpperBound() {
				return true
			}
		}
		if a.MinGrade != "" && bands(a.MinGrade) {
			return true
		}
		if a.ID == c.target.Award {
			break
		}
	}
	return false
}
