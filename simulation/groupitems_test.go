package simulation

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// TestGroupItemsNestedCompiledEqualsDecimal: items that belong to an
// inner group of a weighted tree (its weight and its parent's apply to
// them) and to the outer group, with a group minimum on the inner group
// and tie-breaks on both: the compiled plan, folded or not (group
// rounding), ranks every scenario as the decimal engine does. The random
// rulebooks of TestCompiledEqualsDecimal have one level of groups only.
func TestGroupItemsNestedCompiledEqualsDecimal(t *testing.T) {
	for _, rounding := range []string{"", "rounding: {group: {places: 1, mode: half_even}}\n"} {
		rb, err := rules.Parse("nested.yaml", []byte(`id: n
version: "1"
title: nested
criteria:
  - id: A
    name: nhóm A
    weight: 2
    children:
      - id: A1
        name: nhóm A1
        weight: 1.5
        children:
          - {id: a, name: a, max: 10}
          - {id: b, name: b, max: 10}
      - {id: c, name: c, max: 10}
  - id: B
    name: nhóm B
    children:
      - {id: d, name: d, max: 10}
bonus:
  items:
    - {id: g1, name: thưởng A1, points: 2.5, max: 5, group: A1}
    - {id: g2, name: thưởng A, points: 1, group: A}
    - {id: t, name: thưởng tổng, points: 1}
deductions:
  items:
    - {id: h1, name: trừ A1, points: 0.75, group: A1}
    - {id: h2, name: trừ B, points: 3, group: B}
eligibility:
  - {id: gmin, reason: r, group_min: {group: A1, min: 16}}
tie_breaks: [{group: A}, {group: A1}, {group: B}]
awards:
  - {id: flag, name: Cờ, count: 1, requires: [gmin]}
  - {id: merit, name: Bằng khen, count: 2}
`+rounding))
		if err != nil {
			t.Fatal(err)
		}
		sh := scoring.Sheet{Year: 2024}
		for m := range 6 {
			id := fmt.Sprintf("M%d", m)
			sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Sở " + id})
			for k, c := range []string{"a", "b", "c", "d"} {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: c, Stage: "cluster", Value: decimal.NewFromInt(int64(5 + (m*3+k)%5))})
			}
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: "g1", Count: m % 3}, scoring.Occurrences{Member: id, Item: "g2", Count: m % 2}, scoring.Occurrences{Member: id, Item: "t", Count: m % 4})
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: "h1", Count: (m + 1) % 3}, scoring.Occurrences{Member: id, Item: "h2", Count: m % 2})
		}
		step := decimal.NewFromInt(1)
		model := Model{Default: &Uncertainty{Range: decimal.NewFromInt(2), Step: step}}
		p, err := newPlan(rb, sh, model, Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.compile(); err != nil {
			t.Fatalf("%q: %v", rounding, err)
		}
		if len(p.gItems) == 0 {
			t.Fatal("no group items in the plan")
		}
		cs, ds := p.newState(), p.newState()
		for i := range uint64(300) {
			cs.run(5, i)
			p.draw(5, i, ds.k)
			if err := p.decimalScenario(ds); err != nil {
				t.Fatal(err)
			}
			if d := diffStates(p, cs, ds); d != "" {
				t.Fatalf("%q scenario %d: compiled and decimal differ: %s", rounding, i, d)
			}
			cards, err := scoring.Score(rb, p.sheetFor(ds.k), scoring.WithoutTrace())
			if err != nil {
				t.Fatal(err)
			}
			for m := range p.n {
				want, err := p.toG(cards[m].Total, "total")
				if err != nil {
					t.Fatal(err)
				}
				if cs.total[m] != want {
					t.Fatalf("%q scenario %d: %s's total %d (compiled) ≠ %s (decimal)", rounding, i, cards[m].Member.ID, cs.total[m], cards[m].Total)
				}
			}
		}
	}
}
