package standings_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// scaled is a fixed-point Source: every decimal at one scale, converted
// once and compared as int64, as a compiled plan's values are.
type scaled struct {
	ref  standings.CardSource
	vals map[[3]int]int64 // quantity, node+1, member
	thr  map[[2]int]int64 // condition, 0 (at least: ceiling) or 1 (at most: floor)
	ok   map[[2]int]bool  // member, criterion_floor condition: met
}

func newScaled(rb *rules.Rulebook, cards []scoring.Scorecard) scaled {
	s := scaled{ref: standings.NewCardSource(rb, cards), vals: map[[3]int]int64{}, thr: map[[2]int]int64{}, ok: map[[2]int]bool{}}
	at := func(d decimal.Decimal) int64 {
		v, ok := fixed.ToInt(d, 8)
		if !ok {
			panic("value does not fit at scale 8: " + d.String())
		}
		return v
	}
	for m, c := range cards {
		for q, d := range []decimal.Decimal{c.Total, c.Percent, {}, {}, c.Deductions.Total, c.Bonus.Total} {
			s.vals[[3]int{q, 0, m}] = at(d)
		}
		for i, n := range c.Nodes {
			s.vals[[3]int{int(standings.Value), i + 1, m}] = at(n.Value)
			s.vals[[3]int{int(standings.Points), i + 1, m}] = at(n.Points)
		}
	}
	for j, c := range rb.Eligibility() {
		if c.CriterionFloor != nil {
			for m := range cards {
				s.ok[[2]int{m, j}] = s.ref.Floor(m, j)
			}
		}
		var d decimal.Decimal
		switch {
		case c.MinTotal != nil:
			d = *c.MinTotal
		case c.MinPercent != nil:
			d = *c.MinPercent
		case c.GroupMin != nil:
			d = c.GroupMin.Min
		case c.MaxDeductions != nil:
			d = *c.MaxDeductions
		}
		s.thr[[2]int{j, 0}], _ = fixed.ToInt(d.Shift(8).Ceil(), 0)
		s.thr[[2]int{j, 1}], _ = fixed.ToInt(d.Shift(8).Floor(), 0)
	}
	return s
}

func (s scaled) Keys(q standings.Quantity, node int, group []int, out []int64) {
	for _, m := range group {
		out[m] = s.vals[[3]int{int(q), node + 1, m}]
	}
}

func (s scaled) AtLeast(q standings.Quantity, node, m, j int, _ decimal.Decimal, strict bool) bool {
	v, t := s.vals[[3]int{int(q), node + 1, m}], s.thr[[2]int{j, 0}]
	return v > t || v == t && !strict
}

func (s scaled) AtMost(q standings.Quantity, node, m, j int, _ decimal.Decimal, strict bool) bool {
	v, t := s.vals[[3]int{int(q), node + 1, m}], s.thr[[2]int{j, 1}]
	return v < t || v == t && !strict
}

func (s scaled) Floor(m, j int) bool { return s.ok[[2]int{m, j}] }

func load(t testing.TB, scores string) (*rules.Rulebook, scoring.Sheet, []scoring.Scorecard) {
	t.Helper()
	rb, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Load("../../examples/cum2/" + scores)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		t.Fatal(err)
	}
	return rb, sh, cards
}

// The algorithm reads numbers only through keys and threshold tests, so
// the decimal reference's ordinal keys and fixed-point values must give
// the same standings.
func TestOrdinalAndFixedKeysAgree(t *testing.T) {
	for _, f := range []string{"scores-2020.csv", "tie-broken.csv", "top-ineligible.csv", "unresolved-tie.csv"} {
		rb, sh, cards := load(t, f)
		for _, seed := range []*uint64{nil, new(uint64)} {
			cl := standings.NewCluster(rb, sh, cards, seed)
			ref := standings.NewCardSource(rb, cards)
			a := standings.NewRanker(cl, ref, nil)
			b := standings.NewRanker(cl, newScaled(rb, cards), nil)
			for _, r := range []*standings.Ranker{a, b} {
				r.Sort()
				r.Propose()
			}
			if !slices.Equal(a.Order, b.Order) || !slices.Equal(a.Rank, b.Rank) || !slices.Equal(a.Tied, b.Tied) ||
				!slices.Equal(a.Award, b.Award) || a.Pending != b.Pending || a.Unresolved != b.Unresolved {
				t.Errorf("%s: decimal %v %v %v, fixed point %v %v %v", f, a.Order, a.Rank, a.Award, b.Order, b.Rank, b.Award)
			}
		}
	}
}

// Ranking again without a Recorder allocates nothing.
func TestRankerAllocatesNothing(t *testing.T) {
	rb, sh, cards := load(t, "unresolved-tie.csv")
	cl := standings.NewCluster(rb, sh, cards, nil)
	r := standings.NewRanker(cl, newScaled(rb, cards), nil)
	if n := testing.AllocsPerRun(100, func() { r.Sort(); r.Propose() }); n != 0 {
		t.Errorf("%v allocations per ranking", n)
	}
}

// CardSource's keys order members exactly as their values, equal values
// sharing a key.
func TestCardSourceKeys(t *testing.T) {
	_, _, cards := load(t, "scores-2020.csv")
	rb, _ := rules.Load("../../examples/cum2/rulebook.yaml")
	src := standings.NewCardSource(rb, cards)
	group := make([]int, len(cards))
	for i := range group {
		group[i] = i
	}
	keys := make([]int64, len(cards))
	src.Keys(standings.Total, -1, group, keys)
	for a := range cards {
		for b := range cards {
			if want, got := cards[a].Total.Cmp(cards[b].Total), cmpInt(keys[a], keys[b]); want != got {
				t.Errorf("members %d, %d: totals compare %d, keys %d", a, b, want, got)
			}
		}
	}
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// A cluster of hundreds of members is sorted in O(n log n), not by
// insertion: the standings must be the same as the decimal reference's,
// in total order, and ranking again must still allocate nothing.
func TestLargeClusterRanksAsTheReference(t *testing.T) {
	c := synth.Config{Members: 300, Criteria: 20, Seed: 3}
	rb, sh, err := synth.Cluster(c)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		t.Fatal(err)
	}
	cl := standings.NewCluster(rb, sh, cards, nil)
	a := standings.NewRanker(cl, standings.NewCardSource(rb, cards), nil)
	b := standings.NewRanker(cl, newScaled(rb, cards), nil)
	for _, r := range []*standings.Ranker{a, b} {
		r.Sort()
		r.Propose()
	}
	if !slices.Equal(a.Order, b.Order) || !slices.Equal(a.Rank, b.Rank) || !slices.Equal(a.Tied, b.Tied) ||
		!slices.Equal(a.Award, b.Award) || a.Pending != b.Pending || a.Unresolved != b.Unresolved {
		t.Fatalf("decimal %v %v %v, fixed point %v %v %v", a.Order, a.Rank, a.Award, b.Order, b.Rank, b.Award)
	}
	for pos := 1; pos < len(a.Order); pos++ {
		if hi, lo := cards[a.Order[pos-1]].Total, cards[a.Order[pos]].Total; hi.LessThan(lo) {
			t.Fatalf("position %d: total %s below %s", pos, hi, lo)
		}
	}
	if n := testing.AllocsPerRun(20, func() { b.Sort(); b.Propose() }); n != 0 {
		t.Errorf("%v allocations per ranking", n)
	}
}

// keyed is a Source whose totals are given keys (conditions as the cards
// say): standings must depend on the keys' order alone.
type keyed struct {
	standings.CardSource
	total []int64
}

func (s keyed) Keys(q standings.Quantity, node int, group []int, out []int64) {
	if q == standings.Total {
		for _, m := range group {
			out[m] = s.total[m]
		}
		return
	}
	s.CardSource.Keys(q, node, group, out)
}

// Large groups are sorted by radix on the keys' bytes: keys of any sign
// and size, many equal, must give the standings that keys in the same
// order but small and dense give.
func TestLargeGroupsSortByKeyOrderAlone(t *testing.T) {
	c := synth.Config{Members: 400, Criteria: 10, Seed: 5}
	rb, sh, err := synth.Cluster(c)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		t.Fatal(err)
	}
	cl := standings.NewCluster(rb, sh, cards, nil)
	ref := standings.NewCardSource(rb, cards)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		pool := []int64{math.MinInt64, math.MaxInt64, -1, 0, 1, 255, 256, -256, 1 << 40, -(1 << 40)}
		for range 30 {
			pool = append(pool, rng.Int64()-rng.Int64()/2)
		}
		wild := make([]int64, len(cards))
		for m := range wild {
			wild[m] = pool[rng.IntN(len(pool)-round)] // fewer values in later rounds: more ties
		}
		distinct := slices.Sorted(slices.Values(wild))
		distinct = slices.Compact(distinct)
		dense := make([]int64, len(cards))
		for m, k := range wild {
			i, _ := slices.BinarySearch(distinct, k)
			dense[m] = int64(i)
		}
		a := standings.NewRanker(cl, keyed{ref, wild}, nil)
		b := standings.NewRanker(cl, keyed{ref, dense}, nil)
		for _, r := range []*standings.Ranker{a, b} {
			r.Sort()
			r.Propose()
		}
		if !slices.Equal(a.Order, b.Order) || !slices.Equal(a.Rank, b.Rank) || !slices.Equal(a.Award, b.Award) {
			t.Fatalf("round %d: wild keys order %v, dense keys %v", round, a.Order[:20], b.Order[:20])
		}
		for pos := 1; pos < len(a.Order); pos++ {
			if wild[a.Order[pos-1]] < wild[a.Order[pos]] {
				t.Fatalf("round %d, position %d: key %d above %d", round, pos, wild[a.Order[pos-1]], wild[a.Order[pos]])
			}
		}
	}
}
