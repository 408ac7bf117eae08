package simulation

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// randomCase builds a random valid rulebook, sheet and model. tieHeavy
// draws values from very few levels so that equal totals are common.
func randomCase(rng *rand.Rand, tieHeavy bool) (*rules.Rulebook, scoring.Sheet, Model, error) {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	var b strings.Builder
	fmt.Fprintf(&b, "id: r\nversion: \"1\"\ntitle: random\n")
	type leaf struct {
		id, method string
		max        int
	}
	var leaves []leaf
	var groups []string
	b.WriteString("criteria:\n")
	ng := 1 + rng.IntN(3)
	for g := range ng {
		gid := fmt.Sprintf("G%d", g)
		groups = append(groups, gid)
		fmt.Fprintf(&b, "  - id: %s\n    name: nhóm %d\n", gid, g)
		if rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "    weight: %s\n", pick("2", "0.5", "1.5"))
		}
		b.WriteString("    children:\n")
		for c := range 1 + rng.IntN(4) {
			l := leaf{id: fmt.Sprintf("c%d_%d", g, c), max: []int{5, 10, 20}[rng.IntN(3)]}
			l.method = pick("direct", "direct", "direct", "pass_fail", "tiers", "per_occurrence", "ratio", "relative", "signed", "fewer")
			fmt.Fprintf(&b, "      - id: %s\n        name: tiêu chí %s\n        max: %d\n        method: %s\n", l.id, l.id, l.max, l.method)
			switch l.method {
			case "tiers":
				fmt.Fprintf(&b, "        tiers: [{at_least: 8, points: %d}, {at_least: 4, points: %d}, {at_least: 0, points: 0}]\n", l.max, l.max/2)
			case "per_occurrence":
				fmt.Fprintf(&b, "        points_each: %s\n", pick("2.5", "1", "3"))
			case "ratio", "relative":
				fmt.Fprintf(&b, "        target: %s\n", pick("100", "80", "30"))
			case "fewer":
				fmt.Fprintf(&b, "        points_each: %s\n", pick("2", "1.5", "3"))
			case "signed":
				fmt.Fprintf(&b, "        min: %s\n        plus: {points_each: %s}\n        minus: {points_each: %s}\n", pick("0", "-2.5", "-5"), pick("2", "1.5", "3"), pick("1", "0.5", "4"))
			}
			if rng.IntN(4) == 0 {
				fmt.Fprintf(&b, "        weight: %s\n", pick("2", "0.5", "1.25"))
			}
			leaves = append(leaves, l)
		}
	}
	if rng.IntN(2) == 0 {
		// b3 belongs to a group (điểm thưởng của nhóm): in its points, past its max
		fmt.Fprintf(&b, "bonus: {cap: %s, items: [{id: b1, name: thưởng 1, points: %s}, {id: b2, name: thưởng 2, points: 1.5, max: 3}, {id: b3, name: thưởng nhóm, points: %s, max: 10, group: %s}]}\n", pick("0", "4", "10"), pick("1", "2.5"), pick("10", "2.5", "0.25"), groups[rng.IntN(len(groups))])
	}
	if rng.IntN(2) == 0 {
		floor := ""
		if rng.IntN(2) == 0 {
			floor = ", floor: 0"
		}
		fmt.Fprintf(&b, "deductions: {cap: %s%s, items: [{id: d1, name: trừ 1, points: %s}, {id: d2, name: trừ 2, points: 0.5, max: 2}, {id: d3, name: trừ nhóm, points: %s, group: %s}]}\n", pick("0", "3"), floor, pick("1", "5", "0.25"), pick("1", "7.5"), groups[rng.IntN(len(groups))])
	}
	b.WriteString("facts: [{id: f1, name: không kỷ luật, default: true}]\n")
	mode := func() string { return pick("half_up", "half_even", "down", "up", "floor", "ceiling") }
	b.WriteString("rounding:\n")
	fmt.Fprintf(&b, "  quotient: {places: %d, mode: %s}\n", 2+rng.IntN(4), mode())
	for _, lvl := range []string{"criterion", "group", "total", "percent"} {
		if rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "  %s: {places: %d, mode: %s}\n", lvl, rng.IntN(3), mode())
		}
	}
	fmt.Fprintf(&b, "rank_by: %s\n", pick("total", "total", "percent"))
	fmt.Fprintf(&b, "rank_convention: %s\n", pick("competition", "dense", "dense"))
	fmt.Fprintf(&b, "assessment: {stages: [{id: self, name: Tự chấm}, {id: cluster, name: Cụm chấm}], counts: %s}\n", pick("latest", "max", "min"))
	b.WriteString("eligibility:\n")
	// thresholds inclusive or strict, lower or upper bounds
	strict := func() string { return pick("", ", strict: true") }
	b.WriteString("  - {id: e_total, reason: r, min_total: " + pick("10", "20", "30") + strict() + "}\n")
	b.WriteString("  - {id: e_pct, reason: r, min_percent: " + pick("40", "60") + strict() + "}\n")
	b.WriteString("  - {id: e_floor, reason: r, criterion_floor: {share: " + pick("30%", "50%", "2/3") + "}" + strict() + "}\n")
	fmt.Fprintf(&b, "  - {id: e_group, reason: r, group_min: {group: %s, min: %s}%s}\n", groups[rng.IntN(len(groups))], pick("3", "7.5"), strict())
	b.WriteString("  - {id: e_fact, reason: r, fact: f1}\n")
	b.WriteString("  - {id: e_ded, reason: r, max_deductions: " + pick("2", "1") + strict() + "}\n")
	// named ballots (votes.ballots): one for the flag, one for a band
	named := rng.IntN(2) == 0
	if named {
		b.WriteString("  - {id: e_votes, reason: r, min_votes: {share: " + pick("50%", "2/3") + ", ballot: v_flag}" + strict() + "}\n")
		b.WriteString("  - {id: e_bvotes, reason: r, min_votes: {share: 1/2, ballot: v_band}" + strict() + "}\n")
	} else {
		b.WriteString("  - {id: e_votes, reason: r, min_votes: {share: " + pick("50%", "2/3") + "}" + strict() + "}\n")
	}
	b.WriteString("  - {id: e_tmax, reason: r, max_total: " + pick("25", "35", "40.5") + strict() + "}\n")
	b.WriteString("  - {id: e_pmax, reason: r, max_percent: " + pick("70", "85") + strict() + "}\n")
	b.WriteString("  - {id: e_streak, reason: r, max_consecutive: {award: flag, years: " + pick("1", "2") + "}}\n")
	chain := []string{"{group: " + groups[rng.IntN(len(groups))] + "}", "{criterion: " + leaves[rng.IntN(len(leaves))].id + "}", "{fewer: " + leaves[rng.IntN(len(leaves))].id + "}", "fewer_deductions", "more_bonus", "more_votes", "head_to_head", "no_award_last_year", "{no_award_last_year: flag}", "total", "percent", "{league: " + pick("reapply", "once") + "}"}
	rng.Shuffle(len(chain), func(i, j int) { chain[i], chain[j] = chain[j], chain[i] })
	chain = chain[:rng.IntN(len(chain))]
	if rng.IntN(4) == 0 {
		chain = append(chain, "{league: once}", "head_to_head") // named again, for the smaller groups
	}
	if rng.IntN(2) == 0 {
		chain = append(chain, "lots")
	}
	fmt.Fprintf(&b, "tie_breaks: [%s]\n", strings.Join(chain, ", "))
	conds := []string{"e_total", "e_pct", "e_floor", "e_group", "e_fact", "e_ded", "e_votes", "e_streak", "e_tmax", "e_pmax"}
	if named {
		conds = append(conds, "e_bvotes")
	}
	req := func() string {
		var r []string
		for _, c := range conds {
			if rng.IntN(3) == 0 {
				r = append(r, c)
			}
		}
		return strings.Join(r, ", ")
	}
	if named {
		b.WriteString("votes: {ballots: [{id: v_flag, name: Phiếu Cờ}, {id: v_band, name: Phiếu xếp loại}]}\n")
	}
	// grading bands (xếp loại): 2–4, each requiring some conditions
	// (sometimes a band ballot), the last sometimes a catch-all
	var grades []string
	if rng.IntN(3) > 0 {
		b.WriteString("grades:\n")
		ng := 2 + rng.IntN(3)
		for g := range ng {
			id := fmt.Sprintf("g%d", g)
			grades = append(grades, id)
			r := req()
			if rng.IntN(3) == 0 {
				v := "e_votes"
				if named {
					v = "e_bvotes"
				}
				r = strings.Join(slices.DeleteFunc([]string{r, v}, func(s string) bool { return s == "" }), ", ")
			}
			if r == "" && g < ng-1 {
				r = pick("e_total", "e_pct", "e_floor", "e_tmax")
			}
			if g == ng-1 && rng.IntN(2) == 0 {
				r = "" // the catch-all band
			}
			fmt.Fprintf(&b, "  - {id: %s, name: Mức %d, requires: [%s]}\n", id, g, r)
		}
	}
	minGrade := func() string {
		if len(grades) == 0 || rng.IntN(2) == 0 {
			return ""
		}
		return ", min_grade: " + grades[rng.IntN(len(grades))]
	}
	b.WriteString("awards:\n")
	fmt.Fprintf(&b, "  - {id: flag, name: Cờ, count: %d, requires: [%s], if_ineligible: %s%s}\n", 1+rng.IntN(2), req(), pick("next_eligible", "none"), minGrade())
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "  - {id: merit, name: Bằng khen, share: %s, share_rounding: %s, requires: [%s], if_ineligible: %s%s}\n", pick("30%", "50%"), pick("floor", "ceiling", "half_up"), req(), pick("next_eligible", "none"), minGrade())
	} else {
		fmt.Fprintf(&b, "  - {id: merit, name: Bằng khen, count: %d, requires: [%s]%s}\n", 1+rng.IntN(3), req(), minGrade())
	}
	rb, err := rules.Parse("random.yaml", []byte(b.String()))
	if err != nil {
		return nil, scoring.Sheet{}, Model{}, fmt.Errorf("%w\n%s", err, b.String())
	}

	// The sheet.
	n := 3 + rng.IntN(6)
	sh := scoring.Sheet{Year: 2024}
	levels := func(l leaf) decimal.Decimal {
		switch l.method {
		case "pass_fail":
			return decimal.NewFromInt(int64(rng.IntN(2)))
		case "per_occurrence":
			return decimal.NewFromInt(int64(rng.IntN(6)))
		case "fewer": // a count of violations: some bring the points to zero
			return decimal.NewFromInt(int64(rng.IntN(9)))
		case "tiers":
			return decimal.NewFromInt(int64(rng.IntN(11)))
		case "ratio", "relative":
			return decimal.NewFromInt(int64(20 + rng.IntN(10)*10))
		case "signed": // the net points (the counts are given in the sheet below)
			return decimal.NewFromInt(int64(rng.IntN(l.max*2+1) - l.max/2))
		}
		if tieHeavy {
			return decimal.NewFromInt(int64(l.max - rng.IntN(2)))
		}
		return decimal.New(int64(rng.IntN(l.max*4+1)), 0).Div(decimal.NewFromInt(4))
	}
	ballot := &scoring.Ballot{}
	for m := range n {
		id := fmt.Sprintf("M%02d", m)
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Sở " + id})
		for _, l := range leaves {
			if l.method == "signed" && rng.IntN(2) == 0 {
				// the counts: achievements and failures
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id + "+", Stage: "cluster", Value: decimal.NewFromInt(int64(rng.IntN(8)))},
					scoring.Entry{Member: id, Criterion: l.id + "-", Stage: "cluster", Value: decimal.NewFromInt(int64(rng.IntN(5)))})
			} else if l.method == "relative" || rng.IntN(3) > 0 {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "cluster", Value: levels(l)})
			}
			if rng.IntN(3) == 0 && l.method != "relative" {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "self", Value: levels(l)})
			}
			if l.method == "direct" && rng.IntN(5) == 0 {
				// a cross-scored criterion: two peer assessors at the cluster stage
				sh.Scores = slices.DeleteFunc(sh.Scores, func(e scoring.Entry) bool {
					return e.Member == id && e.Criterion == l.id && e.Stage == "cluster"
				})
				for _, a := range []string{"P1", "P2"} {
					sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "cluster", Assessor: a, Value: levels(l)})
				}
			}
		}
		if rng.IntN(3) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: "b1", Count: rng.IntN(3)})
		}
		if rng.IntN(3) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: "d2", Count: rng.IntN(4)})
		}
		// items that belong to a group
		if rng.IntN(3) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: "b3", Count: rng.IntN(3)})
		}
		if rng.IntN(3) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: "d3", Count: rng.IntN(3)})
		}
		if rng.IntN(6) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: id, Fact: "f1", Value: false})
		}
		if rng.IntN(3) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: id, Year: 2023, Award: pick("flag", "merit")})
		}
		if rng.IntN(3) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: id, Year: 2022, Award: "flag"})
		}
		ballot.Votes = append(ballot.Votes, scoring.Vote{Member: id, For: rng.IntN(n + 1)})
	}
	if named {
		// each ballot puts some members only to the vote
		for _, bid := range []string{"v_flag", "v_band"} {
			nb := scoring.Ballot{ID: bid, Votes: []scoring.Vote{}}
			for _, mem := range sh.Members {
				if rng.IntN(3) > 0 {
					nb.Votes = append(nb.Votes, scoring.Vote{Member: mem.ID, For: rng.IntN(n + 1)})
				}
			}
			sh.Ballots = append(sh.Ballots, nb)
		}
	} else {
		sh.Ballot = ballot
	}
	sh.Matches = randomMatches(rng, sh.Members)
	// fill gaps so that every assigned criterion has a cluster or self score
	for _, mem := range sh.Members {
		for _, l := range leaves {
			if !slices.ContainsFunc(sh.Scores, func(e scoring.Entry) bool {
				return e.Member == mem.ID && strings.TrimRight(e.Criterion, "+-") == l.id
			}) {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: mem.ID, Criterion: l.id, Stage: "cluster", Value: levels(l)})
			}
		}
	}
	if (rb.Bonus().Items == nil && len(sh.Bonuses) > 0) || len(rb.Deductions().Items) == 0 {
		sh.Deductions = nil
	}
	if rb.Bonus().Items == nil {
		sh.Bonuses = nil
	}
	if rng.IntN(4) == 0 {
		for _, m := range rng.Perm(n) {
			sh.Lots = append(sh.Lots, sh.Members[m].ID)
		}
	}

	// The model.
	model := Model{Members: map[string]map[string]Uncertainty{}}
	if rng.IntN(2) == 0 {
		step := decimal.RequireFromString(pick("0.5", "1", "0.25"))
		model.Default = &Uncertainty{Range: step.Mul(decimal.NewFromInt(int64(1 + rng.IntN(3)))), Step: step}
	}
	for _, mem := range sh.Members {
		model.Members[mem.ID] = map[string]Uncertainty{}
		for _, l := range leaves {
			switch {
			case l.method == "relative":
				model.Members[mem.ID][l.id] = Uncertainty{Fixed: true}
			case rng.IntN(4) == 0:
				model.Members[mem.ID][l.id] = Uncertainty{Values: []Outcome{
					{Value: levels(l), Weight: decimal.NewFromInt(int64(1 + rng.IntN(3)))},
					{Value: levels(l)},
				}}
			case rng.IntN(5) == 0:
				model.Members[mem.ID][l.id] = Uncertainty{Fixed: true}
			}
		}
	}
	return rb, sh, model, nil
}

// The compiled engine must give the same standings as the decimal engine in
// every scenario: order, ranks, unresolved ties, awards and pending awards.
func TestCompiledEqualsDecimal(t *testing.T) {
	cases, scenarios := 150, 30
	if testing.Short() {
		cases = 40
	}
	if os.Getenv("THIDUA_LONG") != "" {
		cases, scenarios = 2000, 100
	}
	var tiesBroken, unresolved, pending, lower, gated int
	compiled, fallback, skipped := 0, 0, 0
	for c := range cases {
		rng := rand.New(rand.NewPCG(uint64(c), 77))
		rb, sh, model, err := randomCase(rng, c%2 == 0)
		if err != nil {
			t.Fatalf("case %d: invalid random rulebook: %v", c, err)
		}
		var lots *uint64
		if c%3 == 0 {
			s := uint64(c)
			lots = &s
		}
		p, err := newPlan(rb, sh, model, Config{LotsSeed: lots})
		if err != nil {
			// an invalid random sheet (e.g. a cross-scored criterion with a non-direct model) is skipped
			if testing.Verbose() {
				t.Logf("case %d skipped: %v", c, firstLine(err))
			}
			skipped++
			continue
		}
		if err := p.compile(); err != nil {
			if !errors.Is(err, ErrNotCompilable) {
				t.Fatalf("case %d: %v", c, err)
			}
			if testing.Verbose() {
				t.Logf("case %d falls back: %v", c, err)
			}
			fallback++
			continue
		}
		compiled++
		cs, ds := p.newState(), p.newState()
		es := p.newState() // the unfused path: draw, then evaluate
		for i := range uint64(scenarios) {
			cs.run(99, i)
			p.draw(99, i, ds.k)
			if got := cs.outcomes(); !slices.Equal(got, ds.k) {
				t.Fatalf("case %d scenario %d: the fused loop drew %v, draw gives %v", c, i, got, ds.k)
			}
			copy(es.k, ds.k)
			es.evaluate()
			if d := diffStates(p, cs, es); d != "" {
				t.Fatalf("case %d scenario %d: fused and unfused evaluation differ: %s", c, i, d)
			}
			if err := p.decimalScenario(ds); err != nil {
				t.Fatalf("case %d scenario %d: decimal engine: %v", c, i, err)
			}
			if cs.unres {
				unresolved++
			}
			if cs.pend >= 0 {
				pending++
			}
			if p.cl.Grades() > 0 {
				for m := range p.n {
					if cs.grade[m] > 0 {
						lower++ // graded below the highest band
					}
					if cs.grade[m] == 0 && cs.award[m] >= 0 && p.tiers[cs.award[m]].MinGrade != "" {
						gated++ // an award that required a band
					}
				}
			}
			for m := 1; m < p.n; m++ {
				if cs.basis[cs.order[m]] == cs.basis[cs.order[m-1]] && !cs.link[m] {
					tiesBroken++
				}
			}
			if d := diffStates(p, cs, ds); d != "" {
				t.Fatalf("case %d scenario %d: compiled and decimal differ: %s\nrulebook %s", c, i, d, rb.Spec().ID)
			}
		}
	}
	t.Logf("%d cases compiled and checked over %d scenarios each (%d skipped, %d fell back to the decimal engine); "+
		"%d adjacent pairs with equal basis separated by the chain, %d scenarios with an unresolved tie, %d with a pending award",
		compiled, scenarios, skipped, fallback, tiesBroken, unresolved, pending)
	if tiesBroken == 0 || unresolved == 0 || pending == 0 {
		t.Errorf("the random cases no longer exercise ties: %d broken, %d unresolved, %d pending", tiesBroken, unresolved, pending)
	}
	t.Logf("%d members graded below the highest band, %d awards given in the highest band to a tier that requires a band", lower, gated)
	if lower == 0 || gated == 0 {
		t.Errorf("the random cases no longer exercise grading bands: %d graded lower, %d awards requiring a band", lower, gated)
	}
	if compiled < cases/2 {
		t.Errorf("only %d of %d random cases compiled", compiled, cases)
	}
}

func diffStates(p *plan, a, b *state) string {
	for pos := range p.n {
		if a.order[pos] != b.order[pos] || a.rank[pos] != b.rank[pos] {
			return fmt.Sprintf("position %d: compiled %s rank %d, decimal %s rank %d (totals %v)", pos, p.members[a.order[pos]].ID, a.rank[pos], p.members[b.order[pos]].ID, b.rank[pos], a.total)
		}
	}
	for m := range p.n {
		if a.tied[m] != b.tied[m] || a.award[m] != b.award[m] || a.grade[m] != b.grade[m] {
			return fmt.Sprintf("member %s: compiled tied %v award %d grade %d, decimal tied %v award %d grade %d", p.members[m].ID, a.tied[m], a.award[m], a.grade[m], b.tied[m], b.award[m], b.grade[m])
		}
	}
	if a.pend != b.pend || a.unres != b.unres {
		return fmt.Sprintf("pending %d/%d unresolved %v/%v", a.pend, b.pend, a.unres, b.unres)
	}
	return ""
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// randomMatches plays most pairs of members once, with small scores (many
// draws and equal lines); some pairs have no result.
func randomMatches(rng *rand.Rand, ms []scoring.Member) []scoring.Match {
	var out []scoring.Match
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if rng.IntN(8) != 0 {
				out = append(out, scoring.Match{Member: ms[i].ID, Rival: ms[j].ID, For: rng.IntN(3), Against: rng.IntN(3)})
			}
		}
	}
	return out
}
