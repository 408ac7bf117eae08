package rules_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
)

func TestAccessors(t *testing.T) {
	rb := mustParse(t, doc(nil))

	assert.Equal(t, "test-cum", rb.ID())
	assert.Equal(t, "2024.1", rb.Version())
	assert.Equal(t, "Bảng tiêu chí thử", rb.Title())
	assert.Equal(t, "Tỉnh Thử", rb.Jurisdiction())
	reg := rb.Regulation()
	assert.Equal(t, "1/QĐ-UBND", reg.Number)
	assert.Equal(t, "2024-01-15", reg.Date.String())
	assert.Equal(t, []rules.LegalRef{{Text: "Luật Thi đua, khen thưởng 2022"}}, reg.LegalBasis)
	assert.Equal(t, "2024-01-01 – 2024-12-31", rb.InForce().String())
	assert.Equal(t, "50", rb.MaxTotal().String())

	t.Run("nodes are in pre-order with their place in the tree", func(t *testing.T) {
		type row struct {
			ID          string
			Index       int
			Parent      int
			Depth       int
			Kids        []int
			Path        string
			Max, MaxTot string
			Group       bool
		}
		want := []row{
			{"I", 0, -1, 0, []int{1, 2, 3}, "criteria[0]", "30", "30", true},
			{"1.1", 1, 0, 1, nil, "criteria[0].children[0]", "10", "10", false},
			{"1.2", 2, 0, 1, nil, "criteria[0].children[1]", "10", "10", false},
			{"1.3", 3, 0, 1, nil, "criteria[0].children[2]", "10", "10", false},
			{"II", 4, -1, 0, []int{5, 6}, "criteria[1]", "20", "20", true},
			{"2.1", 5, 4, 1, nil, "criteria[1].children[0]", "10", "10", false},
			{"2.2", 6, 4, 1, nil, "criteria[1].children[1]", "5", "10", false},
		}
		var got []row
		for _, n := range rb.Nodes() {
			got = append(got, row{n.ID, n.Index, n.Parent, n.Depth, n.Kids, n.Path, n.Max.String(), n.MaxTotal.String(), n.IsGroup()})
			assert.Empty(t, n.Children, "a node's children are given by Kids")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("nodes (-want +got):\n%s", diff)
		}
		assert.Equal(t, []int{0, 4}, rb.Roots())
		for _, n := range rb.Nodes() {
			m, ok := rb.Node(n.ID)
			require.True(t, ok)
			assert.Equal(t, n.Index, m.Index)
		}
		_, ok := rb.Node("III")
		assert.False(t, ok)
		n, _ := rb.Node("2.1")
		assert.Equal(t, rules.Tiers, n.Method)
		assert.Len(t, n.Tiers, 3)
		n, _ = rb.Node("1.3")
		assert.Equal(t, "2.5", n.PointsEach.String())
	})

	t.Run("items, facts, stages, conditions and awards are found by id", func(t *testing.T) {
		b, ok := rb.BonusItem("b2")
		require.True(t, ok)
		assert.Equal(t, "10", b.Max.String())
		_, ok = rb.BonusItem("d1")
		assert.False(t, ok, "a deduction is not a bonus")
		d, ok := rb.DeductionItem("d1")
		require.True(t, ok)
		assert.Equal(t, "0.5", d.Points.String())
		f, ok := rb.Fact("clean")
		require.True(t, ok)
		require.NotNil(t, f.Default)
		assert.True(t, *f.Default)
		f, ok = rb.Fact("strong")
		require.True(t, ok)
		assert.Nil(t, f.Default)
		st, i, ok := rb.Stage("cluster")
		require.True(t, ok)
		assert.Equal(t, 1, i)
		assert.Equal(t, rules.TrimmedMean, st.Aggregate)
		_, i, ok = rb.Stage("recheck")
		assert.False(t, ok, "given stages replace the default ones")
		assert.Equal(t, -1, i)
		c, ok := rb.Condition("grp")
		require.True(t, ok)
		assert.Equal(t, "II", c.GroupMin.Group)
		a, ok := rb.Award("merit")
		require.True(t, ok)
		assert.Equal(t, rules.Share{Num: 2, Den: 5}, a.Share)
		assert.Equal(t, rules.RoundCeiling, a.ShareRounding)
		assert.Equal(t, rules.Nobody, a.IfIneligible)
		_, ok = rb.Award("gold")
		assert.False(t, ok)
	})

	t.Run("policies are returned with defaults filled in", func(t *testing.T) {
		assert.Equal(t, rules.Rounding{Places: 4, Mode: rules.RoundHalfEven}, rb.Quotient())
		rp := rb.Rounding()
		require.NotNil(t, rp.Criterion)
		assert.Equal(t, rules.Rounding{Places: 2, Mode: rules.RoundHalfUp}, *rp.Criterion)
		assert.Nil(t, rp.Group)
		assert.Equal(t, rules.MissingIsZero, rb.Missing())
		assert.Equal(t, rules.ByTotal, rb.RankBy())
		assert.Equal(t, rules.VotePolicy{Base: rules.OfAllMembers, Quorum: rules.Share{Num: 2, Den: 3}}, rb.Votes())
		assert.Equal(t, "5", rb.Deductions().Cap.String())
		require.NotNil(t, rb.Deductions().Floor)
		assert.True(t, rb.Deductions().Floor.IsZero())
		assert.Len(t, rb.Bonus().Items, 2)
		assert.Len(t, rb.Facts(), 2)
		assert.Equal(t, rules.Latest, rb.Assessment().Counts)
		var ids []string
		for _, c := range rb.Eligibility() {
			ids = append(ids, c.ID)
		}
		assert.Equal(t, []string{"min45", "floor", "grp", "clean", "ded", "votes", "pct"}, ids)
		ids = nil
		for _, a := range rb.Awards() {
			ids = append(ids, a.ID)
		}
		assert.Equal(t, []string{"flag", "merit"}, ids)
	})
}

func TestCriterionHelpers(t *testing.T) {
	assert.Equal(t, "1", rules.Criterion{}.EffectiveWeight().String())
	assert.Equal(t, "1.5", rules.Criterion{Weight: dec("1.5")}.EffectiveWeight().String())
	assert.False(t, rules.Criterion{}.IsGroup())
	assert.True(t, rules.Criterion{Children: []rules.Criterion{{}}}.IsGroup())
	assert.Equal(t, "criterion 1.1", rules.TieBreak{Kind: rules.ByCriterion, Ref: "1.1"}.String())
	assert.Equal(t, "head_to_head", rules.TieBreak{Kind: rules.HeadToHead}.String())
}

func TestPeriodContains(t *testing.T) {
	d := rules.NewDate
	cases := []struct {
		name   string
		period rules.Period
		year   int
		want   bool
	}{
		{"a calendar year contains itself", rules.Period{From: d(2020, 1, 1), To: d(2020, 12, 31)}, 2020, true},
		{"a calendar year does not contain the year before", rules.Period{From: d(2020, 1, 1), To: d(2020, 12, 31)}, 2019, false},
		{"a calendar year does not contain the year after", rules.Period{From: d(2020, 1, 1), To: d(2020, 12, 31)}, 2021, false},
		{"a period from mid-year contains its first year", rules.Period{From: d(2020, 7, 1), To: d(2022, 6, 30)}, 2020, true},
		{"a period to mid-year contains its last year", rules.Period{From: d(2020, 7, 1), To: d(2022, 6, 30)}, 2022, true},
		{"a period contains the years between", rules.Period{From: d(2020, 7, 1), To: d(2022, 6, 30)}, 2021, true},
		{"a period ending mid-year does not contain the next year", rules.Period{From: d(2020, 7, 1), To: d(2022, 6, 30)}, 2023, false},
		{"a period open at the start contains the distant past", rules.Period{To: d(2020, 12, 31)}, 1990, true},
		{"a period open at the start ends", rules.Period{To: d(2020, 12, 31)}, 2021, false},
		{"a period open at the end contains the distant future", rules.Period{From: d(2020, 1, 1)}, 2100, true},
		{"a period open at the end starts", rules.Period{From: d(2020, 1, 1)}, 2019, false},
		{"a period open at both ends contains every year", rules.Period{}, 1, true},
		{"a one-day period contains its year", rules.Period{From: d(2024, 2, 29), To: d(2024, 2, 29)}, 2024, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.period.Contains(tc.year))
		})
	}
	assert.Equal(t, "… – 2020-12-31", rules.Period{To: d(2020, 12, 31)}.String())
	assert.Equal(t, "2020-01-01 – …", rules.Period{From: d(2020, 1, 1)}.String())
	assert.Equal(t, "… – …", rules.Period{}.String())
}

func TestDate(t *testing.T) {
	d := rules.NewDate(2024, time.February, 29)
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, 2024, d.Year())
	assert.False(t, d.IsZero())
	assert.True(t, rules.Date{}.IsZero())
	assert.Equal(t, "", rules.Date{}.String())
	assert.True(t, rules.NewDate(2024, 1, 1).Before(d))
	assert.False(t, d.Before(d))
	b, err := d.MarshalText()
	require.NoError(t, err)
	var back rules.Date
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, d.String(), back.String())
	require.NoError(t, back.UnmarshalText(nil))
	assert.True(t, back.IsZero(), "an empty text is the zero date")
	assert.Error(t, back.UnmarshalText([]byte("2023-02-29")))
	assert.Error(t, back.UnmarshalText([]byte("29/02/2024")))
}

func TestErrorFormat(t *testing.T) {
	cases := []struct {
		name string
		err  rules.Error
		want string
	}{
		{"a problem with every part", rules.Error{File: "r.yaml", Line: 3, Column: 5, Path: "criteria[0].max", Msg: "bad"}, "r.yaml:3:5: criteria[0].max: bad"},
		{"a problem without a column", rules.Error{File: "r.yaml", Line: 3, Path: "id", Msg: "bad"}, "r.yaml:3: id: bad"},
		{"a problem without a file", rules.Error{Line: 3, Column: 5, Path: "id", Msg: "bad"}, "3:5: id: bad"},
		{"a problem from a Go spec", rules.Error{Path: "awards[1].count", Msg: "bad"}, "awards[1].count: bad"},
		{"a problem with only a message", rules.Error{Msg: "document is empty"}, "document is empty"},
		{"a problem with a file and no line", rules.Error{File: "r.yaml", Path: "id", Msg: "bad"}, "r.yaml: id: bad"},
		{"a column without a line is not shown", rules.Error{File: "r.yaml", Column: 7, Msg: "bad"}, "r.yaml: bad"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" reads "+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
		})
	}
	es := rules.Errors{{Path: "a", Msg: "one"}, {Line: 2, Path: "b", Msg: "two"}}
	assert.Equal(t, "a: one\n2: b: two", es.Error())
	var target *rules.Error
	require.True(t, errors.As(error(es), &target))
	assert.Same(t, es[0], target)
	assert.Equal(t, []error{es[0], es[1]}, es.Unwrap())
}

// snapshot is everything observable about a rulebook, for comparison.
type snapshot struct {
	Hash       string
	Spec       rules.Spec
	Nodes      []rules.Node
	ByID       map[string]rules.Node
	Conditions map[string]rules.Condition
	Facts      map[string]rules.Fact
	Awards     map[string]rules.AwardTier
	Roots      []int
	TieBreaks  []rules.TieBreak
	Max        string
}

func snap(rb *rules.Rulebook) snapshot {
	s := snapshot{
		Hash: rb.Hash(), Spec: rb.Spec(), Nodes: rb.Nodes(), Roots: rb.Roots(), TieBreaks: rb.TieBreaks(),
		Max: rb.MaxTotal().String(), ByID: map[string]rules.Node{}, Conditions: map[string]rules.Condition{},
		Facts: map[string]rules.Fact{}, Awards: map[string]rules.AwardTier{},
	}
	// deep-copy what the accessors may share, so that the snapshot cannot change
	s.Nodes = nil
	for _, n := range rb.Nodes() {
		n.Kids = append([]int(nil), n.Kids...)
		n.Tiers = append([]rules.Tier(nil), n.Tiers...)
		s.Nodes = append(s.Nodes, n)
		s.ByID[n.ID] = n
	}
	for _, c := range rb.Eligibility() {
		s.Conditions[c.ID] = c
	}
	for _, f := range rb.Facts() {
		s.Facts[f.ID] = f
	}
	for _, a := range rb.Awards() {
		s.Awards[a.ID] = a
	}
	return s
}

// checkUnchanged compares a rulebook with an earlier snapshot, through every
// accessor, and checks that its Spec still hashes to its Hash.
func checkUnchanged(t *testing.T, rb *rules.Rulebook, before snapshot) bool {
	t.Helper()
	ok := true
	diff := func(what string, want, got any) {
		t.Helper()
		if d := cmp.Diff(want, got, specOpts); d != "" {
			t.Errorf("%s changed (-before +after):\n%s", what, d)
			ok = false
		}
	}
	now := snap(rb)
	diff("Hash", before.Hash, now.Hash)
	diff("Spec", before.Spec, now.Spec)
	diff("Nodes", before.Nodes, now.Nodes)
	diff("Roots", before.Roots, now.Roots)
	diff("TieBreaks", before.TieBreaks, now.TieBreaks)
	diff("MaxTotal", before.Max, now.Max)
	for id, want := range before.ByID {
		got, _ := rb.Node(id)
		diff("Node("+id+")", want, got)
	}
	for id, want := range before.Conditions {
		got, _ := rb.Condition(id)
		diff("Condition("+id+")", want, got)
	}
	for id, want := range before.Facts {
		got, _ := rb.Fact(id)
		diff("Fact("+id+")", want, got)
	}
	for id, want := range before.Awards {
		got, _ := rb.Award(id)
		diff("Award("+id+")", want, got)
	}
	again, err := rules.New(rb.Spec())
	if err != nil {
		t.Errorf("the rulebook's own spec no longer validates: %v", err)
		return false
	}
	diff("hash of Spec()", before.Hash, again.Hash())
	return ok
}

func TestRulebookIsImmutable(t *testing.T) {
	t.Run("changing the spec after New does not change the rulebook", func(t *testing.T) {
		spec, err := rules.ParseSpec("test.yaml", []byte(doc(nil)))
		require.NoError(t, err)
		rb, err := rules.New(spec)
		require.NoError(t, err)
		before := snap(rb)

		spec.ID = "other"
		spec.Criteria[0].Children[0].MaxPoints = dec("99")
		spec.Criteria[1].Children[0].Tiers[0].Points = dec("1")
		spec.Criteria[0].Children = append(spec.Criteria[0].Children, rules.Criterion{ID: "new"})
		spec.Regulation.LegalBasis[0].Text = "changed"
		*spec.Deductions.Floor = dec("-100")
		*spec.Facts[0].Default = false
		spec.Bonus.Items[0].Points = dec("1000")
		spec.Assessment.Stages[0].ID = "changed"
		spec.Rounding.Criterion.Places = 9
		*spec.Eligibility[0].MinTotal = dec("1")
		spec.Eligibility[1].CriterionFloor.Share = rules.Share{Num: 1, Den: 100}
		spec.Eligibility[2].GroupMin.Min = dec("0")
		*spec.Eligibility[4].MaxDeductions = dec("99")
		spec.Eligibility[5].MinVotes.Share = rules.Share{Num: 1, Den: 100}
		*spec.Eligibility[6].MinPercent = dec("1")
		spec.TieBreaks[0] = rules.TieBreak{Kind: rules.DrawingLots}
		spec.Awards[0].Requires[0] = "changed"
		spec.Awards[1].Count = 7

		checkUnchanged(t, rb, before)
	})

	// Each case changes something a rulebook's accessor returned.
	cases := []struct {
		name   string
		mutate func(rb *rules.Rulebook)
	}{
		{"the spec returned by Spec", func(rb *rules.Rulebook) {
			s := rb.Spec()
			s.Criteria[0].Children[0].MaxPoints = dec("99")
			s.Criteria[1].Children[0].Tiers[0].Points = dec("1")
			s.Regulation.LegalBasis[0].Text = "changed"
			*s.Deductions.Floor = dec("-1")
			*s.Facts[0].Default = false
			*s.Rounding.Quotient = rules.Rounding{Places: 0, Mode: rules.RoundFloor}
			*s.Eligibility[0].MinTotal = dec("1")
			s.Eligibility[5].MinVotes.Share = rules.Share{Num: 1, Den: 100}
			s.TieBreaks[0].Ref = "II"
			s.Awards[0].Requires[0] = "changed"
			s.Assessment.Stages[0].ID = "changed"
		}},
		{"the slice returned by Nodes", func(rb *rules.Rulebook) {
			ns := rb.Nodes()
			ns[0].ID = "changed"
			ns[1].MaxTotal = dec("99")
			ns[2] = rules.Node{}
		}},
		{"the slice returned by Awards", func(rb *rules.Rulebook) {
			as := rb.Awards()
			as[0].Requires[0] = "changed"
			as[1].Count = 99
			as[0] = rules.AwardTier{}
		}},
		{"the award returned by Award", func(rb *rules.Rulebook) {
			a, _ := rb.Award("flag")
			a.Requires[0] = "changed"
		}},
		{"the slices returned by Roots and TieBreaks", func(rb *rules.Rulebook) {
			rb.Roots()[0] = 5
			rb.TieBreaks()[0] = rules.TieBreak{Kind: rules.DrawingLots}
		}},
		{"the conditions returned by Eligibility", func(rb *rules.Rulebook) {
			cs := rb.Eligibility()
			*cs[0].MinTotal = dec("1")
			cs[1].CriterionFloor.Within = "II"
		}},
		{"the facts returned by Facts", func(rb *rules.Rulebook) {
			*rb.Facts()[0].Default = false
		}},
		{"the policies returned by Bonus, Deductions, Rounding, Assessment and Regulation", func(rb *rules.Rulebook) {
			rb.Bonus().Items[0].Points = dec("1000")
			*rb.Deductions().Floor = dec("-5")
			rb.Rounding().Criterion.Places = 9
			rb.Assessment().Stages[0].ID = "changed"
			rb.Regulation().LegalBasis[0].Text = "changed"
		}},
		{"the kids of a node returned by Nodes", func(rb *rules.Rulebook) {
			rb.Nodes()[0].Kids[0] = 6
		}},
		{"the tiers of a node returned by Nodes", func(rb *rules.Rulebook) {
			n := rb.Nodes()[5]
			n.Tiers[0].Points = dec("1")
		}},
		{"the kids and tiers of a node returned by Node", func(rb *rules.Rulebook) {
			n, _ := rb.Node("II")
			n.Kids[0] = 0
			m, _ := rb.Node("2.1")
			m.Tiers[0].Points = dec("1")
		}},
		{"the pointers of a condition returned by Condition", func(rb *rules.Rulebook) {
			c, _ := rb.Condition("min45")
			*c.MinTotal = dec("1")
			f, _ := rb.Condition("floor")
			f.CriterionFloor.Within = "II"
		}},
		{"the default of a fact returned by Fact", func(rb *rules.Rulebook) {
			f, _ := rb.Fact("clean")
			*f.Default = false
		}},
	}
	for _, tc := range cases {
		t.Run("changing "+tc.name+" does not change the rulebook", func(t *testing.T) {
			rb := mustParse(t, doc(nil))
			before := snap(rb)
			tc.mutate(rb)
			checkUnchanged(t, rb, before)
		})
	}
}

func TestNodesSlicesAreIndependent(t *testing.T) {
	rb := mustParse(t, doc(nil))
	ns := rb.Nodes()
	require.Equal(t, []int{1, 2, 3}, ns[0].Kids)
	require.Equal(t, []int{5, 6}, ns[4].Kids)
	grown := append(ns[0].Kids, 99) // must not write into ns[4].Kids
	assert.Equal(t, []int{1, 2, 3, 99}, grown)
	assert.Equal(t, []int{5, 6}, ns[4].Kids)
	assert.Nil(t, ns[1].Kids, "a criterion has no kids")
	assert.Nil(t, ns[1].Tiers, "and no tiers unless it has some")

	tiers := ns[5].Tiers
	require.Len(t, tiers, 3)
	_ = append(tiers[:1], rules.Tier{Points: dec("99")}) // writes into the caller's copy only
	assert.Equal(t, "6", rb.Nodes()[5].Tiers[1].Points.String())
}

func TestNodesAllocatesLittle(t *testing.T) {
	rb := mustParse(t, doc(nil))
	// the []Node, one array for all kids and one for all tiers
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _ = rb.Nodes() }), 3.0)
}
