package invariants

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/thidua/thidua/rules"
)

// everyKind has a criterion of every method, every tie-break that reads
// something besides points, a vote-share condition and a forfeited place.
const everyKind = `
id: every
version: "1"
title: Every kind
criteria:
  - {id: G, name: G, children: [
      {id: t1, name: T, max: 10, method: tiers, tiers: [{at_least: -3.5, points: 0}, {at_least: 2.25, points: 5}, {at_least: 7, points: 10}]},
      {id: p1, name: P, max: 10, method: per_occurrence, points_each: 3},
      {id: r1, name: R, max: 10, method: ratio},
      {id: r2, name: R2, max: 8, method: ratio, target: 40},
      {id: l1, name: L, max: 12, method: relative, target: 50},
      {id: l2, name: L2, max: 12, method: relative},
      {id: v1, name: V, max: 20, method: votes},
      {id: d1, name: D, max: 7.5},
      {id: d2, name: D2, max: 0.3},
      {id: f1, name: F, max: 5, method: pass_fail}]}
eligibility:
  - {id: mv, reason: votes, min_votes: {share: 50%}}
tie_breaks: [head_to_head, more_votes, no_award_last_year: flag, lots]
awards:
  - {id: flag, name: Cờ, count: 1, requires: [mv], if_ineligible: none}
  - {id: merit, name: BK, share: 30%}
`

func parse(t *testing.T, text string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("t.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// The value space of each kind of criterion: the grid the generator draws
// from (the values are those the generator has always drawn).
func TestSpaces(t *testing.T) {
	p := newProfile(parse(t, everyKind))
	type leaf struct {
		id, lo, step string
		steps        int64
		target       string
		leader       bool
	}
	want := []leaf{
		{"t1", "-4.5", "0.25", 50, "0", false}, // tiers: around the thresholds, one below and above
		{"p1", "0", "1", 5, "0", false},        // per occurrence: 0 … ⌈10/3⌉ + 1
		{"r1", "0", "5", 30, "100", false},     // ratio without a default target: one is written
		{"r2", "0", "2", 30, "0", false},       // 0 … 1.5 × target
		{"l1", "0", "2.5", 30, "0", true},
		{"l2", "0", "5", 30, "100", true},
		{"d1", "0", "0.5", 15, "0", false}, // direct: 0 … max
		{"d2", "0", "0.1", 3, "0", false},
		{"f1", "0", "1", 1, "0", false}, // pass/fail: 0, 1
	}
	var got []leaf
	for _, s := range p.leaves {
		got = append(got, leaf{s.id, s.lo.String(), s.step.String(), s.steps, s.target.String(), s.leader})
	}
	if !slices.Equal(got, want) {
		t.Errorf("spaces:\n got %v\nwant %v", got, want)
	}
	if _, ok := p.byID["v1"]; ok {
		t.Error("a votes criterion has a value space")
	}
	if !p.peers || !p.ballot || !p.history {
		t.Errorf("peers %v, ballot %v, history %v: want all", p.peers, p.ballot, p.history)
	}
}

// What the generator reads besides the criteria comes from the tie-break
// chain, the votes criteria and the conditions, each on its own.
func TestProfileReads(t *testing.T) {
	head := "id: x\nversion: \"1\"\ntitle: X\nawards: [{id: flag, name: Cờ, count: 1}]\n"
	for _, c := range []struct {
		name, text             string
		peers, ballot, history bool
	}{
		{"plain", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [fewer_deductions, more_bonus, lots]", false, false, false},
		{"more_votes", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [more_votes]", false, true, false},
		{"head_to_head", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [head_to_head]", true, false, false},
		{"no_award_last_year", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [no_award_last_year: flag]", false, false, true},
		{"votes criterion", "criteria: [{id: a, name: A, max: 10}, {id: v, name: V, max: 10, method: votes}]", false, true, false},
	} {
		p := newProfile(parse(t, head+c.text))
		if p.peers != c.peers || p.ballot != c.ballot || p.history != c.history {
			t.Errorf("%s: peers %v, ballot %v, history %v; want %v, %v, %v", c.name, p.peers, p.ballot, p.history, c.peers, c.ballot, c.history)
		}
	}
}

// The known features of a rulebook, and the neutral world without them:
// drawing lots dropped, forfeited places passed on, the criteria that
// depend on the cluster frozen as direct points.
func TestKnownAndNeutral(t *testing.T) {
	rb := parse(t, everyKind)
	known := knownReasons(rb)
	features := func(p Property) []string {
		var out []string
		for _, r := range known[p] {
			out = append(out, r.Feature)
		}
		return out
	}
	for p, want := range map[Property][]string{
		RemoveIneligible: {"relative", "votes", "lots", "share", "none"},
		Monotone:         {"none"},
		AddBottom:        {"share", "min_votes"},
	} {
		if got := features(p); !slices.Equal(got, want) {
			t.Errorf("%s: features %v, want %v", p, got, want)
		}
	}
	if got := known[RemoveIneligible][0].Message.Args; len(got) != 1 || got[0] != "l1, l2" {
		t.Errorf("relative criteria: %v", got)
	}
	if got := known[RemoveIneligible][1].Message.Args; len(got) != 1 || got[0] != "v1" {
		t.Errorf("votes criteria: %v", got)
	}

	c := &checker{prof: newProfile(rb), known: known, main: world{rb: rb}}
	wd, _, ok := c.neutral(RemoveIneligible, c.prof.gen(rand.New(rand.NewPCG(1, 2)), 5, spread))
	if !ok {
		t.Fatal("no neutral world")
	}
	spec := wd.rb.Spec()
	var kinds []rules.TieBreakKind
	for _, tb := range spec.TieBreaks {
		kinds = append(kinds, tb.Kind)
	}
	if want := []rules.TieBreakKind{rules.HeadToHead, rules.MoreVotes, rules.NoAwardLastYear}; !slices.Equal(kinds, want) {
		t.Errorf("neutral tie-breaks %v, want %v", kinds, want)
	}
	for _, a := range spec.Awards {
		if a.IfIneligible == rules.Nobody {
			t.Errorf("award %s still forfeits its place", a.ID)
		}
	}
	for _, cr := range spec.Criteria[0].Children {
		frozen := cr.ID == "l1" || cr.ID == "l2" || cr.ID == "v1"
		if frozen != (cr.Method == rules.Direct && cr.Target.IsZero() && cr.ID != "d1" && cr.ID != "d2") {
			t.Errorf("%s: method %s, target %s in the neutral world", cr.ID, cr.Method, cr.Target)
		}
	}
	if wd.fix == nil {
		t.Error("frozen criteria without a fix")
	}
}
