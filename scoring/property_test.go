package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// genLeaf is a generated direct criterion.
type genLeaf struct {
	id  string
	max decimal.Decimal
}

// genBook is a random rulebook of direct criteria (some in weighted
// groups), bonus and deduction items with caps, without rounding or floor.
type genBook struct {
	yaml              string
	leaves            []genLeaf
	bonus, deductions []string
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

func genRulebook(r *rand.Rand) genBook {
	var g genBook
	var b strings.Builder
	b.WriteString("criteria:\n")
	leaf := func(indent string) {
		id := fmt.Sprintf("c%d", len(g.leaves)+1)
		max := pick(r, "5", "10", "20", "12.5")
		fmt.Fprintf(&b, "%s- {id: %s, name: Criterion %s, max: %s", indent, id, id, max)
		if w := pick(r, "", "", "2", "0.5", "1.5"); w != "" {
			fmt.Fprintf(&b, ", weight: %s", w)
		}
		b.WriteString("}\n")
		g.leaves = append(g.leaves, genLeaf{id, d(max)})
	}
	for i := range 1 + r.IntN(4) {
		if r.IntN(2) == 0 {
			leaf("  ")
			continue
		}
		fmt.Fprintf(&b, "  - id: G%d\n    name: Group %d\n", i, i)
		if w := pick(r, "", "", "2", "0.25"); w != "" {
			fmt.Fprintf(&b, "    weight: %s\n", w)
		}
		b.WriteString("    children:\n")
		for range 1 + r.IntN(3) {
			leaf("      ")
		}
	}
	items := func(key, prefix string) []string {
		n := r.IntN(3)
		if n == 0 {
			return nil
		}
		fmt.Fprintf(&b, "%s:\n", key)
		if r.IntN(2) == 0 {
			b.WriteString("  cap: 5\n") // every item's max is ≥ 5, so the cap can be reached
		}
		b.WriteString("  items:\n")
		var ids []string
		for j := range n {
			id := fmt.Sprintf("%s%d", prefix, j)
			fmt.Fprintf(&b, "    - {id: %s, name: Item %s, points: %s", id, id, pick(r, "1", "2.5", "4"))
			if r.IntN(2) == 0 {
				b.WriteString(", max: 6")
			}
			b.WriteString("}\n")
			ids = append(ids, id)
		}
		return ids
	}
	g.bonus = items("bonus", "b")
	g.deductions = items("deductions", "d")
	g.yaml = b.String()
	return g
}

// genValue draws a value in [0, max]: from {0, max/2, max} when tieHeavy,
// else a multiple of 0.25.
func genValue(r *rand.Rand, max decimal.Decimal, tieHeavy bool) decimal.Decimal {
	if tieHeavy {
		return pick(r, decimal.Zero, max.Div(d("2")), max)
	}
	steps := max.Mul(d("4")).IntPart()
	return decimal.NewFromInt(r.Int64N(steps + 1)).Div(d("4"))
}

// genSheet fills a random sheet for g: values at one or more stages, some
// from several assessors, some criteria not assigned, bonuses, deductions, a
// ballot and history.
func genSheet(r *rand.Rand, g genBook, tieHeavy bool) scoring.Sheet {
	sh := scoring.Sheet{Cluster: "Random", Year: 2024}
	n := 2 + r.IntN(8)
	for i := range n {
		id := fmt.Sprintf("M%02d", i)
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Member " + id})
		skip := -1
		if len(g.leaves) > 1 && r.IntN(5) == 0 {
			skip = r.IntN(len(g.leaves))
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: id, Criterion: g.leaves[skip].id})
		}
		for j, l := range g.leaves {
			if j == skip {
				continue
			}
			switch r.IntN(4) {
			case 0: // self and cluster
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "self", Value: genValue(r, l.max, tieHeavy)})
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "cluster", Value: genValue(r, l.max, tieHeavy)})
			case 1: // three assessors
				for _, who := range []string{"X", "Y", "Z"} {
					sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "cluster", Assessor: who, Value: genValue(r, l.max, tieHeavy)})
				}
			default:
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: pick(r, "cluster", "recheck"), Value: genValue(r, l.max, tieHeavy)})
			}
		}
		for _, it := range g.bonus {
			if r.IntN(2) == 0 {
				sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: it, Count: r.IntN(4)})
			}
		}
		for _, it := range g.deductions {
			if r.IntN(2) == 0 {
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: it, Count: r.IntN(4)})
			}
		}
		if r.IntN(3) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: id, Year: 2023, Award: pick(r, "flag", "merit")})
		}
	}
	sh.Ballot = &scoring.Ballot{}
	for _, m := range sh.Members {
		sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: m.ID, For: r.IntN(n + 1)})
	}
	return sh
}

// shuffled returns a copy of sh with every list of rows in a random order.
func shuffled(r *rand.Rand, sh scoring.Sheet) scoring.Sheet {
	out := sh
	shuffle := func(n int, swap func(i, j int)) { r.Shuffle(n, swap) }
	out.Members = append([]scoring.Member(nil), sh.Members...)
	shuffle(len(out.Members), func(i, j int) { out.Members[i], out.Members[j] = out.Members[j], out.Members[i] })
	out.Scores = append([]scoring.Entry(nil), sh.Scores...)
	shuffle(len(out.Scores), func(i, j int) { out.Scores[i], out.Scores[j] = out.Scores[j], out.Scores[i] })
	out.Targets = append([]scoring.Target(nil), sh.Targets...)
	shuffle(len(out.Targets), func(i, j int) { out.Targets[i], out.Targets[j] = out.Targets[j], out.Targets[i] })
	out.NotAssigned = append([]scoring.Assignment(nil), sh.NotAssigned...)
	shuffle(len(out.NotAssigned), func(i, j int) { out.NotAssigned[i], out.NotAssigned[j] = out.NotAssigned[j], out.NotAssigned[i] })
	out.Bonuses = append([]scoring.Occurrences(nil), sh.Bonuses...)
	shuffle(len(out.Bonuses), func(i, j int) { out.Bonuses[i], out.Bonuses[j] = out.Bonuses[j], out.Bonuses[i] })
	out.Deductions = append([]scoring.Occurrences(nil), sh.Deductions...)
	shuffle(len(out.Deductions), func(i, j int) { out.Deductions[i], out.Deductions[j] = out.Deductions[j], out.Deductions[i] })
	out.Facts = append([]scoring.FactValue(nil), sh.Facts...)
	shuffle(len(out.Facts), func(i, j int) { out.Facts[i], out.Facts[j] = out.Facts[j], out.Facts[i] })
	out.History = append([]scoring.PastAward(nil), sh.History...)
	shuffle(len(out.History), func(i, j int) { out.History[i], out.History[j] = out.History[j], out.History[i] })
	if sh.Ballot != nil {
		b := *sh.Ballot
		b.Votes = append([]scoring.Vote(nil), sh.Ballot.Votes...)
		shuffle(len(b.Votes), func(i, j int) { b.Votes[i], b.Votes[j] = b.Votes[j], b.Votes[i] })
		out.Ballot = &b
	}
	// where the rows came from must not matter either
	for i := range out.Scores {
		out.Scores[i].Source = scoring.Source{File: "shuffled.csv", Line: i + 1}
	}
	for i := range out.Members {
		out.Members[i].Source = scoring.Source{File: "members.csv", Line: i + 1}
	}
	return out
}

const propertyRuns = 300

// runs is n, or a tenth of it with -short.
func runs(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}

func TestPropertyOrderDoesNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for run := range runs(propertyRuns) {
		g := genRulebook(r)
		rb := mustRulebook(t, g.yaml)
		sh := genSheet(r, g, run%2 == 0)
		want, err := scoring.Score(rb, sh)
		require.NoError(t, err, "run %d\n%s", run, g.yaml)
		sh2 := shuffled(r, sh)
		got, err := scoring.Score(rb, sh2)
		require.NoError(t, err)
		if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
			t.Fatalf("run %d: scorecards depend on row order (-first +shuffled):\n%s", run, diff)
		}
		require.Equal(t, sh.Hash(), sh2.Hash(), "run %d: the hash depends on row order or sources", run)
	}
}

func TestHashChangesWithContent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := genRulebook(r)
	sh := genSheet(r, g, false)
	h := sh.Hash()
	require.True(t, strings.HasPrefix(h, "sha256:"), h)
	for name, change := range map[string]func(*scoring.Sheet){
		"a value":         func(s *scoring.Sheet) { s.Scores[0].Value = s.Scores[0].Value.Add(d("0.25")) },
		"a stage":         func(s *scoring.Sheet) { s.Scores[0].Stage = "recheck2" },
		"a member's name": func(s *scoring.Sheet) { s.Members[0].Name += "!" },
		"the year":        func(s *scoring.Sheet) { s.Year++ },
		"a vote":          func(s *scoring.Sheet) { s.Ballot.Votes[0].For++ },
		"the draw order":  func(s *scoring.Sheet) { s.Lots = []string{"M01", "M00"} },
		"an extra row":    func(s *scoring.Sheet) { s.Facts = append(s.Facts, scoring.FactValue{Member: "M00", Fact: "x"}) },
	} {
		t.Run("changing "+name+" changes the hash", func(t *testing.T) {
			c := shuffled(rand.New(rand.NewPCG(5, 6)), sh) // deep enough a copy for every change above
			c.Ballot.Votes = append([]scoring.Vote(nil), c.Ballot.Votes...)
			change(&c)
			require.NotEqual(t, h, c.Hash())
		})
	}
	t.Run("the same value written differently has the same hash", func(t *testing.T) {
		c := shuffled(rand.New(rand.NewPCG(5, 6)), sh)
		c.Scores[0].Value = decimal.New(c.Scores[0].Value.Shift(2).IntPart(), -2) // e.g. 5 → 5.00
		require.Equal(t, h, c.Hash())
	})
}

// TestPropertySumOfParts: with no rounding and no floor, every total is the
// sum of its parts.
func TestPropertySumOfParts(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for run := range runs(propertyRuns) {
		g := genRulebook(r)
		rb := mustRulebook(t, g.yaml)
		sh := genSheet(r, g, run%3 == 0)
		cards, err := scoring.Score(rb, sh)
		require.NoError(t, err)
		nodes := rb.Nodes()
		for _, c := range cards {
			require.Len(t, c.Nodes, len(nodes))
			checkSumOfParts(t, rb, nodes, c, fmt.Sprintf("run %d, member %s", run, c.Member.ID))
		}
	}
}

func checkSumOfParts(t *testing.T, rb *rules.Rulebook, nodes []rules.Node, c scoring.Scorecard, where string) {
	t.Helper()
	for i, n := range nodes {
		ns := c.Nodes[i]
		require.Equal(t, n.ID, ns.ID, where)
		if !ns.Assigned {
			require.True(t, ns.Value.IsZero(), "%s: %s not assigned but worth %s", where, n.ID, ns.Value)
			continue
		}
		if n.IsGroup() {
			sum := decimal.Zero
			for _, k := range n.Kids {
				sum = sum.Add(c.Nodes[k].Value)
			}
			require.True(t, ns.Points.Equal(sum), "%s: group %s has %s points, its children's values add up to %s", where, n.ID, ns.Points, sum)
		} else {
			require.False(t, ns.Points.IsNegative() || ns.Points.GreaterThan(n.Max), "%s: %s = %s outside 0…%s", where, n.ID, ns.Points, n.Max)
		}
		require.True(t, ns.Value.Equal(ns.Points.Mul(n.EffectiveWeight())), "%s: %s value %s ≠ %s × %s", where, n.ID, ns.Value, ns.Points, n.EffectiveWeight())
	}
	top, attainable := decimal.Zero, decimal.Zero
	for _, i := range rb.Roots() {
		top = top.Add(c.Nodes[i].Value)
		attainable = attainable.Add(c.Nodes[i].Attainable)
	}
	require.True(t, c.Criteria.Equal(top), "%s: criteria %s ≠ Σ top-level values %s", where, c.Criteria, top)
	require.True(t, c.Attainable.Equal(attainable), "%s: attainable %s ≠ %s", where, c.Attainable, attainable)
	for _, a := range []scoring.Adjustment{c.Bonus, c.Deductions} {
		sum := decimal.Zero
		for _, it := range a.Items {
			sum = sum.Add(it.Points)
		}
		require.True(t, a.Sum.Equal(sum), "%s: adjustment sum %s ≠ Σ items %s", where, a.Sum, sum)
		require.True(t, a.Total.LessThanOrEqual(a.Sum), where)
	}
	want := top.Add(c.Bonus.Total).Sub(c.Deductions.Total)
	require.True(t, c.Total.Equal(want), "%s: total %s ≠ %s + %s − %s", where, c.Total, top, c.Bonus.Total, c.Deductions.Total)
}
