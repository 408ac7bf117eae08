package rules_test

import (
	"slices"
	"testing"

	"github.com/thidua/thidua/rules"
)

// Neutral takes one feature out of a rulebook and leaves the rest, and the
// spec it was given, as they were.
func TestNeutral(t *testing.T) {
	rb, err := rules.Parse("neutral.yaml", []byte(`
id: n
version: "1"
title: N
criteria: [{id: a, name: A, max: 10}]
rounding:
  criterion: {places: 2, mode: half_up}
  total: {places: 2, mode: half_up}
votes: {base: all_members}
eligibility:
  - {id: cao, reason: Từ 5 điểm, min_total: 5}
  - {id: phieu, reason: Từ 80% phiếu, min_votes: {share: 80%}}
tie_breaks: [more_votes, lots]
awards:
  - {id: flag, name: Cờ, count: 1, requires: [cao, phieu], if_ineligible: none}
  - {id: merit, name: Bằng khen, count: 1, requires: [cao]}
`))
	if err != nil {
		t.Fatal(err)
	}
	spec := rb.Spec()
	kinds := func(s rules.Spec) []rules.TieBreakKind {
		var out []rules.TieBreakKind
		for _, tb := range s.TieBreaks {
			out = append(out, tb.Kind)
		}
		return out
	}
	conds := func(s rules.Spec) []string {
		var out []string
		for _, c := range s.Eligibility {
			out = append(out, c.ID)
		}
		return out
	}
	for _, c := range []struct {
		f         rules.Feature
		check     func(rules.Spec) bool
		unchanged func(rules.Spec) bool // a part the feature does not touch
	}{
		{rules.FeatureIfIneligibleNone,
			func(s rules.Spec) bool { return s.Awards[0].IfIneligible == rules.NextEligible },
			func(s rules.Spec) bool {
				return slices.Equal(kinds(s), []rules.TieBreakKind{rules.MoreVotes, rules.DrawingLots})
			}},
		{rules.FeatureLots,
			func(s rules.Spec) bool { return slices.Equal(kinds(s), []rules.TieBreakKind{rules.MoreVotes}) },
			func(s rules.Spec) bool { return s.Awards[0].IfIneligible == rules.Nobody }},
		{rules.FeatureMinVotes,
			func(s rules.Spec) bool {
				return slices.Equal(conds(s), []string{"cao"}) && slices.Equal(s.Awards[0].Requires, []string{"cao"})
			},
			func(s rules.Spec) bool { return s.Rounding.Total != nil }},
		{rules.FeatureRounding,
			func(s rules.Spec) bool { return s.Rounding.Criterion == nil && s.Rounding.Total == nil },
			func(s rules.Spec) bool { return slices.Equal(conds(s), []string{"cao", "phieu"}) }},
	} {
		t.Run(string(c.f), func(t *testing.T) {
			out, ok := spec.Neutral(c.f)
			if !ok {
				t.Fatal("feature not known")
			}
			if !c.check(out) {
				t.Errorf("the feature is still there: %+v", out)
			}
			if !c.unchanged(out) {
				t.Errorf("another part changed: %+v", out)
			}
			if _, err := rules.New(out); err != nil {
				t.Errorf("the neutral rulebook is invalid: %v", err)
			}
			// the spec given is as it was
			if !slices.Equal(kinds(spec), []rules.TieBreakKind{rules.MoreVotes, rules.DrawingLots}) || !slices.Equal(conds(spec), []string{"cao", "phieu"}) ||
				!slices.Equal(spec.Awards[0].Requires, []string{"cao", "phieu"}) || spec.Awards[0].IfIneligible != rules.Nobody || spec.Rounding.Total == nil {
				t.Errorf("Neutral changed the spec it was given: %+v", spec)
			}
		})
	}
	if _, ok := spec.Neutral("head_to_head"); ok {
		t.Error("head_to_head is no feature to neutralise: it keeps every property")
	}
}

// A rulebook whose grading bands are voted on loses the band votes with
// the other vote conditions, and stays valid.
func TestNeutralMinVotesInGrades(t *testing.T) {
	rb, err := rules.Load("../examples/nghean-grading/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec, ok := rb.Spec().Neutral(rules.FeatureMinVotes)
	if !ok {
		t.Fatal("min_votes not known")
	}
	if _, err := rules.New(spec); err != nil {
		t.Fatalf("the neutral rulebook is invalid: %v", err)
	}
	for _, g := range spec.Grades {
		for _, id := range g.Requires {
			if c, _ := rb.Condition(id); c.MinVotes != nil {
				t.Errorf("band %s still requires the vote %s", g.ID, id)
			}
		}
	}
	if slices.Equal(spec.Grades[0].Requires, rb.Grades()[0].Requires) {
		t.Error("the top band's vote was not dropped")
	}
}

// FixedQuotas turns shares into the counts they give a cluster of n; a
// count stays; Direct scores the named criteria as direct points. Neither
// changes the spec it was given.
func TestFixedQuotasAndDirect(t *testing.T) {
	rb, err := rules.Parse("q.yaml", []byte(`
id: q
version: "1"
title: Q
criteria:
  - id: g
    name: G
    children:
      - {id: r, name: R, max: 10, method: relative, target: 5}
      - {id: d, name: D, max: 10}
awards:
  - {id: flag, name: Cờ, count: 1}
  - {id: merit, name: Bằng khen, share: 30%, share_rounding: ceiling}
  - {id: tiny, name: Giấy khen, share: 1%}
`))
	if err != nil {
		t.Fatal(err)
	}
	spec := rb.Spec()
	fixed := spec.FixedQuotas(7)
	for i, want := range []int{1, 3, 1} { // 7 × 30% = 2.1 → 3; 7 × 1% → 0 → at least 1
		if got := fixed.Awards[i].Count; got != want || !fixed.Awards[i].Share.IsZero() {
			t.Errorf("%s: count %d share %v, want %d and no share", fixed.Awards[i].ID, got, fixed.Awards[i].Share, want)
		}
	}
	if spec.Awards[1].Count != 0 {
		t.Error("FixedQuotas changed the spec it was given")
	}
	direct := spec.Direct([]string{"r"})
	if m := direct.Criteria[0].Children[0]; m.Method != rules.Direct || !m.Target.IsZero() {
		t.Errorf("r is %s with target %s, want direct without a target", m.Method, m.Target)
	}
	if spec.Criteria[0].Children[0].Method != rules.Relative {
		t.Error("Direct changed the spec it was given")
	}
	if _, err := rules.New(direct); err != nil {
		t.Fatal(err)
	}
}
