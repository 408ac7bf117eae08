package whatif

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// The programme's states live in flat layers. A layer is the list of
// classes of one step of the programme — a leaf's candidates, the children
// of a group combined so far, a group's classes after its weight and
// rounding — each state pointing back, by index, at the states it was
// built from in the layers it came from. Nothing is allocated per pair of
// states: combine writes into one slice and deduplicates through a table
// addressed by the class's sum and tag (or, when that table would be too
// large, an open addressing hash table) — or, when the layer being
// extended fills most of its range of sums, computes the same layer as a
// convolution of arrays (convolve.go), which costs a fraction of the loop
// over pairs. Once combined, a layer keeps only the back pointers choice
// follows (retire), and its states' storage serves the layers after it.
//
// The work is the pairs of states: at the root, the classes of the groups
// combined so far (about one per unit of the gain still possible, times
// the tie classes) times a group's classes, once for every group. With the
// gain needed growing with the number of criteria, that grows as its
// square, as a knapsack's over the criteria does. Which of equally cheap
// allocations is the answer (the first in the programme's order) depends
// on the order of every state of every layer, so the programme keeps them
// all: dropping a state that cannot be part of the answer (too costly, or
// a tie class no better than a cheaper one's) would change that order.
//
// The programme runs in passes over windows of the member's criteria sum
// (the root sum, which fixes the total): the first window starts at the
// least sum whose total may reach the target (reachCheck, with every
// condition passing), and each pass enumerates only the classes whose root
// sum lies in its window, and only the states of a subtree that can still
// end in it — every node's value lies between its least and greatest
// (span), so a state's partial sum bounds the root sum it can end in. A
// class's cheapest allocation is built from states that all can end in the
// window, so a pass finds, for every class in its window, the same
// cheapest allocation (and the same first one among equals) as a programme
// over every class would; the windows follow each other in order of total,
// so the first candidate that reaches the target is the same too.

// span is a node's least and greatest value in units over the programme's
// classes (the least is its current value: values only rise).
type span struct{ lo, hi int64 }

// window is a range of root sums, both ends included.
type window struct{ lo, hi int64 }

// noBound stands for "no bound" where a bound cannot be worked out.
const noBound = int64(1) << 62

// tagKey is what, beside its sum, tells a class apart: the conditions still
// passing and the tie class under each tie-break rule (noClass where the
// rule's node is not settled yet). Classes are exact for any number of
// rivals.
type tagKey struct {
	bits uint64
	cls  [maxTies]int32
}

// noClass marks a tie-break rule whose node is outside the subtree.
const noClass = -1

// tagTable interns tagKeys as small integers, so that a state carries one
// uint32 and two states' tags merge through a table.
type tagTable struct {
	idx  map[tagKey]uint32
	list []tagKey
}

func (t *tagTable) id(k tagKey) uint32 {
	if i, ok := t.idx[k]; ok {
		return i
	}
	if t.idx == nil {
		t.idx = map[tagKey]uint32{}
	}
	i := uint32(len(t.list))
	t.idx[k] = i
	t.list = append(t.list, k)
	return i
}

// merge is the tag of a class made of two disjoint parts: the conditions
// both pass, the tie classes each settled.
func merge(a, b tagKey) tagKey {
	k := tagKey{bits: a.bits & b.bits, cls: a.cls}
	for t, c := range b.cls {
		if c != noClass {
			k.cls[t] = c
		}
	}
	return k
}

// fstate is one class of allocations of a subtree: its value (or, while a
// group's children are being combined, their partial sum), its tag, and
// the cheapest allocation in the class — its effort, the number of
// criteria it changes and the states it was built from (in a leaf's layer,
// a is the candidate, −1 for unchanged).
type fstate struct {
	sum    int64
	effort int64
	tag    uint32
	nchg   int32
	a, b   int32
}

// layer is one step's classes, in first-seen order.
type layer struct {
	st   []fstate
	back []link // once the layer is combined: its states' a and b (st is then nil)
	a, b *layer // where fstate.a and fstate.b point; nil for none
	leaf int    // the leaf's node index for a leaf's layer, else −1
}

// link is what a combined layer keeps of a state: the states it was built
// from, for choice.
type link struct{ a, b int32 }

// link returns state i's a and b.
func (l *layer) link(i int32) link {
	if l.st == nil {
		return l.back[i]
	}
	return link{l.st[i].a, l.st[i].b}
}

// retire keeps of layers that have been combined only what choice reads,
// and gives their states' storage to the pool, for the layers to come: the
// states of all the layers of a pass would otherwise stay in memory until
// its end.
func (s *search) retire(ls ...*layer) {
	for _, l := range ls {
		if l == nil || l.st == nil {
			continue
		}
		l.back = make([]link, len(l.st))
		for i, st := range l.st {
			l.back[i] = link{st.a, st.b}
		}
		s.toPool(l.st[:0])
		l.st = nil
	}
}

// The pool keeps at most maxPooled slices, the largest, each of at least
// minPooled states.
const (
	minPooled = 256
	maxPooled = 8
)

func (s *search) toPool(b []fstate) {
	if cap(b) < minPooled {
		return
	}
	if len(s.pool) < maxPooled {
		s.pool = append(s.pool, b)
		return
	}
	k := 0 // the smallest, replaced if b is larger
	for i, p := range s.pool {
		if cap(p) < cap(s.pool[k]) {
			k = i
		}
	}
	if cap(b) > cap(s.pool[k]) {
		s.pool[k] = b
	}
}

// states returns a slice of n states, from the pool if one there is large
// enough.
func (s *search) states(n int) []fstate {
	for k := len(s.pool) - 1; k >= 0; k-- {
		if b := s.pool[k]; cap(b) >= n {
			s.pool[k] = s.pool[len(s.pool)-1]
			s.pool = s.pool[:len(s.pool)-1]
			return b[:n]
		}
	}
	return make([]fstate, n)
}

// bounds returns the least and greatest sum of the layer's states.
func (l *layer) bounds() (lo, hi int64) {
	for i, st := range l.st {
		if i == 0 || st.sum < lo {
			lo = st.sum
		}
		if i == 0 || st.sum > hi {
			hi = st.sum
		}
	}
	return lo, hi
}

// dedup keeps the cheapest state of each class (sum, tag) of a layer
// being built, in first-seen order. combine addresses a table by the
// class (dense: a slot per sum and tag of the window); the rest, and a
// combine whose table would be too large, use an open addressing table
// whose slot is the sum plus a mix of the tag, so that one state's pairs,
// whose sums are close, fall in a few neighbouring cache lines. Both
// tables are kept from one layer to the next.
type dedup struct {
	slots []dslot
	mask  uint64
	out   []fstate
	dense []dense
	conv  convBuf
}

type dslot struct {
	sum    int64
	effort int64
	tag    uint32
	nchg   int32
	idx    int32 // index+1 of the state in out; 0 for an empty slot
}

// dense is a slot of the table addressed by class.
type dense struct {
	effort int64
	nchg   int32
	idx    int32 // index+1 of the state in out; 0 for an empty slot
}

// maxDense bounds the slots of the table addressed by class (16 bytes
// each).
const maxDense = 1 << 22

func (d *dedup) reset(hint int) {
	n := 1024
	for n < 2*hint {
		n <<= 1
	}
	if cap(d.slots) >= n {
		d.slots = d.slots[:n]
		clear(d.slots)
	} else {
		d.slots = make([]dslot, n)
	}
	d.mask = uint64(n - 1)
	d.out = nil
}

// denseTable returns a cleared table of n slots.
func (d *dedup) denseTable(n int) []dense {
	if cap(d.dense) >= n {
		d.dense = d.dense[:n]
		clear(d.dense)
	} else {
		d.dense = make([]dense, n)
	}
	return d.dense
}

func slot(sum int64, tag uint32, mask uint64) uint64 {
	return (uint64(sum) + uint64(tag)*0x9E3779B97F4A7C15>>20) & mask
}

// add records a class, or a cheaper allocation of a class already seen.
func (d *dedup) add(sum int64, tag uint32, effort int64, nchg, a, b int32) {
	i := slot(sum, tag, d.mask)
	for {
		sl := &d.slots[i]
		if sl.idx == 0 {
			break
		}
		if sl.sum == sum && sl.tag == tag {
			if effort < sl.effort || (effort == sl.effort && nchg < sl.nchg) {
				sl.effort, sl.nchg = effort, nchg
				st := &d.out[sl.idx-1]
				st.effort, st.nchg, st.a, st.b = effort, nchg, a, b
			}
			return
		}
		i = (i + 1) & d.mask
	}
	d.out = append(d.out, fstate{sum: sum, effort: effort, tag: tag, nchg: nchg, a: a, b: b})
	d.slots[i] = dslot{sum: sum, effort: effort, tag: tag, nchg: nchg, idx: int32(len(d.out))}
	if 2*len(d.out) > len(d.slots) {
		d.grow()
	}
}

func (d *dedup) grow() {
	d.slots = make([]dslot, 2*len(d.slots))
	d.mask = uint64(len(d.slots) - 1)
	for k, st := range d.out {
		i := slot(st.sum, st.tag, d.mask)
		for d.slots[i].idx != 0 {
			i = (i + 1) & d.mask
		}
		d.slots[i] = dslot{sum: st.sum, effort: st.effort, tag: st.tag, nchg: st.nchg, idx: int32(k + 1)}
	}
}

// finish returns the layer built and detaches its states from the table.
func (d *dedup) finish(a, b *layer) *layer {
	l := &layer{st: slices.Clip(d.out), a: a, b: b, leaf: -1}
	d.out = nil
	return l
}

func (s *search) allBits() uint64 { return uint64(1)<<len(s.conds) - 1 }

func emptyClasses() [maxTies]int32 {
	var c [maxTies]int32
	for i := range c {
		c[i] = noClass
	}
	return c
}

// start is the layer of one class: nothing allocated yet.
func (s *search) start() *layer {
	tag := s.tags.id(tagKey{bits: s.allBits(), cls: emptyClasses()})
	return &layer{st: []fstate{{tag: tag, a: -1, b: -1}}, leaf: -1}
}

// spans works out every node's least and greatest value, children first
// (nodes are in pre-order).
func (s *search) spans() error {
	s.scales()
	s.span = make([]span, len(s.nodes))
	for i := len(s.nodes) - 1; i >= 0; i-- {
		n := s.nodes[i]
		if !n.IsGroup() {
			lm := s.leaves[i]
			cur, err := s.toUnits(lm.value)
			if err != nil {
				return err
			}
			sp := span{cur, cur}
			for _, c := range lm.cands {
				sp.lo, sp.hi = min(sp.lo, c.units), max(sp.hi, c.units)
			}
			s.span[i] = sp
			continue
		}
		var lo, hi int64
		for _, k := range n.Kids {
			lo, hi = lo+s.span[k].lo, hi+s.span[k].hi
		}
		vlo, err := s.groupValue(n, lo)
		if err != nil {
			return err
		}
		vhi, err := s.groupValue(n, hi)
		if err != nil {
			return err
		}
		s.span[i] = span{vlo, vhi}
	}
	// each node's siblings' spans, added up
	s.sib = make([]span, len(s.nodes))
	sibs := func(list []int) {
		var t span
		for _, k := range list {
			t.lo, t.hi = t.lo+s.span[k].lo, t.hi+s.span[k].hi
		}
		for _, k := range list {
			s.sib[k] = span{t.lo - s.span[k].lo, t.hi - s.span[k].hi}
		}
	}
	sibs(s.rb.Roots())
	for _, n := range s.nodes {
		if n.IsGroup() {
			sibs(n.Kids)
		}
	}
	return nil
}

// rest sums the spans of the nodes of list from position j on (the lows,
// or the highs).
func (s *search) rest(list []int, j int, high bool) int64 {
	var t int64
	for _, k := range list[j:] {
		if high {
			t += s.span[k].hi
		} else {
			t += s.span[k].lo
		}
	}
	return t
}

// rootBound is the least (high false) or greatest root sum when node i's
// value is v and every other node's value is anywhere in its span; noBound
// (negated for the least) if a group's value cannot be worked out.
func (s *search) rootBound(i int, v int64, high bool) int64 {
	for {
		p := s.nodes[i].Parent
		sum := v + s.sib[i].lo
		if high {
			sum = v + s.sib[i].hi
		}
		if p < 0 {
			return sum
		}
		var err error
		if v, err = s.groupValue(s.nodes[p], sum); err != nil {
			if high {
				return noBound
			}
			return -noBound
		}
		i = p
	}
}

// allowed returns the partial sums in [lo, hi] from which a root sum in the
// window can still be reached, as an interval: bound(p, high) is the least
// or greatest root sum a partial sum p can end in, non-decreasing in p. ok
// is false when there is none.
func (s *search) allowed(lo, hi int64, bound func(p int64, high bool) int64) (int64, int64, bool) {
	w := s.win
	if lo > hi || bound(hi, true) < w.lo || bound(lo, false) > w.hi {
		return 0, 0, false
	}
	// the least p whose greatest root sum reaches the window
	a, b := lo, hi
	for a < b {
		m := a + (b-a)/2
		if bound(m, true) >= w.lo {
			b = m
		} else {
			a = m + 1
		}
	}
	from := a
	// the greatest p whose least root sum does not pass it
	a, b = lo, hi
	for a < b {
		m := b - (b-a)/2
		if bound(m, false) <= w.hi {
			a = m
		} else {
			b = m - 1
		}
	}
	if from > a {
		return 0, 0, false
	}
	return from, a, true
}

// nodeAllowed is allowed for node i's own value.
func (s *search) nodeAllowed(i int) (int64, int64, bool) {
	sp := s.span[i]
	return s.allowed(sp.lo, sp.hi, func(v int64, high bool) int64 { return s.rootBound(i, v, high) })
}

// subtree returns the classes of allocations of node i's subtree that can
// end in the window.
func (s *search) subtree(i int) (*layer, error) {
	n := s.nodes[i]
	if !n.IsGroup() {
		return s.leafStates(i), nil
	}
	acc := s.start()
	var before span // the spans of the children combined so far, added up
	for j, k := range n.Kids {
		ks, err := s.subtree(k)
		if err != nil {
			return nil, err
		}
		before.lo, before.hi = before.lo+s.span[k].lo, before.hi+s.span[k].hi
		after := span{s.rest(n.Kids, j+1, false), s.rest(n.Kids, j+1, true)}
		lo, hi, ok := s.allowed(before.lo, before.hi, func(p int64, high bool) int64 {
			q := p + after.lo
			if high {
				q = p + after.hi
			}
			v, err := s.groupValue(n, q)
			switch {
			case err != nil && high:
				return noBound
			case err != nil:
				return -noBound
			}
			return s.rootBound(i, v, high)
		})
		if !ok {
			return &layer{leaf: -1}, nil
		}
		if acc, err = s.combine(acc, ks, lo, hi); err != nil {
			return nil, err
		}
	}
	s.dd.reset(len(acc.st))
	memo := map[int64]int64{}
	type tagAt struct {
		tag uint32
		v   int64
	}
	tagMemo := map[tagAt]uint32{}
	for k, st := range acc.st {
		v, ok := memo[st.sum]
		if !ok {
			var err error
			if v, err = s.groupValue(n, st.sum); err != nil {
				return nil, err
			}
			memo[st.sum] = v
		}
		tag, ok := tagMemo[tagAt{st.tag, st.sum}]
		if !ok {
			tag = ^uint32(0)
			key := s.tags.list[st.tag]
			for _, c := range s.conds {
				if c.group == i && s.card.Nodes[i].Assigned && c.below(s.fromUnits(st.sum+s.off[i])) {
					key.bits &^= c.bit
				}
			}
			for t, tm := range s.ties {
				if tm.node == i && !tm.input {
					key.cls[t] = tm.class(v)
				}
			}
			if s.alive(key.bits) {
				tag = s.tags.id(key)
			}
			tagMemo[tagAt{st.tag, st.sum}] = tag
		}
		if tag != ^uint32(0) {
			s.dd.add(v, tag, st.effort, st.nchg, int32(k), -1)
		}
	}
	l := s.dd.finish(acc, nil)
	s.retire(acc)
	return l, nil
}

// groupValue is what a group contributes to its parent when its children's
// values add up to sum: with the group's own items (off), × weight,
// rounded at the group level.
func (s *search) groupValue(n rules.Node, sum int64) (int64, error) {
	if !s.card.Nodes[n.Index].Assigned {
		return 0, nil
	}
	sum += s.off[n.Index] // the group's own items
	if m := s.scale(n); m > 0 && sum <= maxUnits/m && sum >= -maxUnits/m {
		return sum * m, nil
	}
	v := s.fromUnits(sum)
	if w := n.EffectiveWeight(); !w.Equal(one) {
		v = v.Mul(w)
	}
	if r := s.rb.Rounding().Group; r != nil {
		v = r.Round(v)
	}
	return s.toUnits(v)
}

// maxUnits is the largest value, in units, the programme works with (see
// toUnits).
const maxUnits = int64(1e17)

// scale returns m > 0 when a group's value is m times the sum of its
// children's values, exactly and in units: a whole weight, and no rounding
// at the group level finer than one unit (which leaves a value in units
// unchanged); 0 otherwise, or before spans has worked it out.
func (s *search) scale(n rules.Node) int64 {
	if s.gscale == nil {
		return 0
	}
	return s.gscale[n.Index]
}

// scales works out scale for every group, once the unit is known.
func (s *search) scales() {
	s.gscale = make([]int64, len(s.nodes))
	r := s.rb.Rounding().Group
	for i, g := range s.nodes {
		w := g.EffectiveWeight()
		if g.IsGroup() && w.IsInteger() && w.Sign() > 0 && w.LessThanOrEqual(decimal.NewFromInt(1e6)) && (r == nil || r.Places >= s.places) {
			s.gscale[i] = w.IntPart()
		}
	}
}

// leafStates are a criterion's classes that can end in the window:
// unchanged, then each candidate.
func (s *search) leafStates(i int) *layer {
	lm := s.leaves[i]
	l := &layer{leaf: i}
	lo, hi, ok := s.nodeAllowed(i)
	if !ok {
		return l
	}
	if cur, _ := s.toUnits(lm.value); cur >= lo && cur <= hi && s.alive(s.leafBits(lm, lm.points)) {
		l.st = append(l.st, s.leafState(lm, -1, cur, lm.points))
	}
	for k, c := range lm.cands {
		if c.units >= lo && c.units <= hi && s.alive(s.leafBits(lm, c.points)) {
			l.st = append(l.st, s.leafState(lm, k, c.units, c.points))
		}
	}
	return l
}

// alive reports whether a state whose conditions passing are bits can be
// part of a class that reaches the target: it passes every condition that
// every tier the member may still get requires. (Conditions only fail as
// parts are combined.)
func (s *search) alive(bits uint64) bool { return bits&s.required == s.required }

// leafBits are the conditions a criterion's points leave passing.
func (s *search) leafBits(lm *leafModel, points decimal.Decimal) uint64 {
	bits := s.allBits()
	assigned := s.card.Nodes[lm.idx].Assigned
	for _, c := range s.conds {
		switch {
		case c.floor != nil && c.scope[lm.idx] && assigned && c.belowFloor(points, lm.node.Max):
			bits &^= c.bit
		case c.group == lm.idx && assigned && c.below(points):
			bits &^= c.bit
		}
	}
	return bits
}

// tierBits lists, for each route to the target (an award tier up to it,
// through each band its min_grade lets through, or a band at or above a
// band target) that no fixed condition closes to the member, the
// conditions the programme tracks that it requires; nil for a rank
// target.
func (s *search) tierBits(rc *reachCheck) []uint64 {
	var out []uint64
	for _, rt := range s.routes() {
		var bits uint64
		open := true
		for _, id := range rt.conds {
			c, _ := s.rb.Condition(id)
			open = open && !(fixedCondition(c) && rc.failedFixed[id])
			for _, cm := range s.conds {
				if cm.id == id {
					bits |= cm.bit
				}
			}
		}
		if open {
			out = append(out, bits)
		}
	}
	return out
}

// least is the least value node i's subtree can have with the conditions
// bits passing, or a bound below it; false if none.
func (s *search) least(i int, bits uint64) (int64, bool) {
	n := s.nodes[i]
	if !n.IsGroup() {
		lm := s.leaves[i]
		cur, _ := s.toUnits(lm.value)
		best, ok := int64(0), false
		if s.leafBits(lm, lm.points)&bits == bits {
			best, ok = cur, true
		}
		for _, c := range lm.cands {
			if s.leafBits(lm, c.points)&bits == bits && (!ok || c.units < best) {
				best, ok = c.units, true
			}
		}
		return best, ok
	}
	var sum int64
	for _, k := range n.Kids {
		v, ok := s.least(k, bits)
		if !ok {
			return 0, false
		}
		sum += v
	}
	for _, c := range s.conds {
		if c.group == i && bits&c.bit != 0 && s.card.Nodes[i].Assigned {
			m := c.min.Shift(s.places).Ceil().IntPart()
			if c.strict {
				m = c.min.Shift(s.places).Floor().IntPart() + 1
			}
			sum = max(sum, m-s.off[i]) // the children's sum that, with the group's items, reaches it
		}
	}
	var hi int64
	for _, k := range n.Kids {
		hi += s.span[k].hi
	}
	if sum > hi {
		return 0, false
	}
	v, err := s.groupValue(n, sum)
	if err != nil {
		return s.span[i].lo, true
	}
	return v, true
}

// leastSum is the least root sum with the conditions bits passing, or a
// bound below it; false if none.
func (s *search) leastSum(bits uint64) (int64, bool) {
	var sum int64
	for _, r := range s.rb.Roots() {
		v, ok := s.least(r, bits)
		if !ok {
			return 0, false
		}
		sum += v
	}
	return sum, true
}

func (s *search) leafState(lm *leafModel, k int, units int64, points decimal.Decimal) fstate {
	st := fstate{sum: units, a: int32(k), b: -1}
	if k >= 0 {
		st.effort, st.nchg = lm.cands[k].effort, 1
	}
	key := tagKey{bits: s.allBits(), cls: emptyClasses()}
	assigned := s.card.Nodes[lm.idx].Assigned
	for _, c := range s.conds {
		switch {
		case c.floor != nil && c.scope[lm.idx] && assigned && c.belowFloor(points, lm.node.Max):
			key.bits &^= c.bit
		case c.group == lm.idx && assigned && c.below(points):
			key.bits &^= c.bit
		}
	}
	for t, tm := range s.ties {
		switch {
		case tm.node == lm.idx && tm.input:
			key.cls[t] = s.leafInputClass(tm, lm, k)
		case tm.node == lm.idx:
			key.cls[t] = tm.class(units)
		}
	}
	st.tag = s.tags.id(key)
	return st
}

// combine adds a child's classes to the classes of the children before it,
// keeping the classes whose partial sum lies in [lo, hi]. The tags of the
// pairs come from a table over the distinct tags of the two layers (a
// handful each), so the loop over pairs does integer work only.
func (s *search) combine(acc, kid *layer, lo, hi int64) (*layer, error) {
	l, err := s.combinePairs(acc, kid, lo, hi)
	s.retire(acc, kid)
	return l, err
}

// combinePairs is combine, without retiring the layers combined.
func (s *search) combinePairs(acc, kid *layer, lo, hi int64) (*layer, error) {
	local := func(l *layer) ([]uint32, []int32) {
		var tags []uint32
		at := map[uint32]int32{}
		ix := make([]int32, len(l.st))
		for k, st := range l.st {
			j, ok := at[st.tag]
			if !ok {
				j = int32(len(tags))
				at[st.tag] = j
				tags = append(tags, st.tag)
			}
			ix[k] = j
		}
		return tags, ix
	}
	ta, ia := local(acc)
	tb, ib := local(kid)
	// The tags of the pairs, numbered among themselves.
	merged := make([]int32, len(ta)*len(tb))
	var outTags []uint32
	num := map[uint32]int32{}
	for x, a := range ta {
		for y, b := range tb {
			t := s.tags.id(merge(s.tags.list[a], s.tags.list[b]))
			j, ok := num[t]
			if !ok {
				j = int32(len(outTags))
				num[t] = j
				outTags = append(outTags, t)
			}
			merged[x*len(tb)+y] = j
		}
	}
	out := layerOut{acc: acc, kid: kid}
	if len(acc.st) > 0 && len(kid.st) > 0 {
		alo, ahi := acc.bounds()
		klo, khi := kid.bounds()
		out.lo, out.hi = max(lo, alo+klo), min(hi, ahi+khi)
	} else {
		out.lo, out.hi = 1, 0 // nothing to combine
	}
	if out.lo > out.hi {
		return &layer{a: acc, b: kid, leaf: -1}, nil
	}
	if l, ok, err := s.convolve(out, outTags, merged, len(ta), ia, ib, len(tb)); ok {
		return l, err
	}
	if width := out.hi - out.lo + 1; width <= maxDense/int64(max(1, len(outTags))) {
		return s.combineDense(out, outTags, merged, ia, ib, len(tb))
	}
	s.dd.reset(len(acc.st) + len(kid.st))
	for i := range acc.st {
		if i%checkEvery == 0 {
			if err := stopped(s.ctx); err != nil {
				return nil, err
			}
		}
		a := &acc.st[i]
		row := merged[int(ia[i])*len(tb):]
		for j := range kid.st {
			b := &kid.st[j]
			if sum := a.sum + b.sum; sum >= out.lo && sum <= out.hi {
				s.dd.add(sum, outTags[row[ib[j]]], a.effort+b.effort, a.nchg+b.nchg, int32(i), int32(j))
			}
		}
		if len(s.dd.out) > s.cfg.maxStates {
			return nil, newError(ErrTooLarge, s.member, "", "", lang.Msg("whatif.err.states", s.cfg.maxStates))
		}
	}
	return s.dd.finish(acc, kid), nil
}

// layerOut is the layer a combine builds: its inputs and the range of its
// partial sums.
type layerOut struct {
	acc, kid *layer
	lo, hi   int64
}

// combineDense is combine's loop over pairs with the table addressed by
// class: slot (tag, sum − lo). Its result is the same as with the hash
// table: the same classes in the same order, each with the same cheapest
// allocation.
func (s *search) combineDense(o layerOut, outTags []uint32, merged, ia, ib []int32, nb int) (*layer, error) {
	width := o.hi - o.lo + 1
	tab := s.dd.denseTable(int(width) * len(outTags))
	// the child's states, field by field, with their tags' rows
	n := len(o.kid.st)
	ksum, keff, knchg := make([]int64, n), make([]int64, n), make([]int32, n)
	for j, b := range o.kid.st {
		ksum[j], keff[j], knchg[j] = b.sum-o.lo, b.effort, b.nchg
	}
	klo, khi := slices.Min(ksum), slices.Max(ksum)
	var out []fstate
	for i := range o.acc.st {
		if i%checkEvery == 0 {
			if err := stopped(s.ctx); err != nil {
				return nil, err
			}
		}
		a := o.acc.st[i]
		if a.sum+khi < 0 || a.sum+klo >= width {
			continue
		}
		row := merged[int(ia[i])*nb:]
		for j, kb := range ksum {
			sum := a.sum + kb
			if sum < 0 || sum >= width {
				continue
			}
			t := row[ib[j]]
			sl := &tab[int64(t)*width+sum]
			e, c := a.effort+keff[j], a.nchg+knchg[j]
			switch {
			case sl.idx == 0:
				out = append(out, fstate{sum: sum + o.lo, effort: e, tag: outTags[t], nchg: c, a: int32(i), b: int32(j)})
				*sl = dense{effort: e, nchg: c, idx: int32(len(out))}
			case e < sl.effort || (e == sl.effort && c < sl.nchg):
				sl.effort, sl.nchg = e, c
				st := &out[sl.idx-1]
				st.effort, st.nchg, st.a, st.b = e, c, int32(i), int32(j)
			}
		}
		if len(out) > s.cfg.maxStates {
			return nil, newError(ErrTooLarge, s.member, "", "", lang.Msg("whatif.err.states", s.cfg.maxStates))
		}
	}
	return &layer{st: slices.Clip(out), a: o.acc, b: o.kid, leaf: -1}, nil
}

// choice collects the candidate chosen for each changed leaf of state i of
// layer l.
func (l *layer) choice(i int32, into map[int]int) {
	for l != nil && i >= 0 {
		st := l.link(i)
		if l.leaf >= 0 {
			if st.a >= 0 {
				into[l.leaf] = int(st.a)
			}
			return
		}
		if l.b != nil {
			l.b.choice(st.b, into)
		}
		l, i = l.a, st.a
	}
}

// candidate is a class at the root: the member's total with it (as its
// place among the distinct totals, for sorting) and the state.
type candidate struct {
	total decimal.Decimal
	rank  int // of the total among the distinct totals, ascending
	st    *fstate
	i     int32
}

// found is the answer of a search.
type found struct {
	choice map[int]int
	sheet  scoring.Sheet
	st     *ranking.Standings
}

// firstWindow is the number of root sums the first pass covers (at least);
// each pass after it covers windowGrowth times as many.
const (
	firstWindow  = 16
	windowGrowth = 8
)

// run enumerates the classes of allocations of the whole tree, window by
// window of root sums from the least whose total may reach the target, and
// ranks them in order of total, cheapest first, until one reaches the
// target.
func (s *search) run() (*found, error) {
	if err := s.spans(); err != nil {
		return nil, err
	}
	roots := s.rb.Roots()
	lo, hi := s.rest(roots, 0, false), s.rest(roots, 0, true)
	rc := s.newReachCheck()
	totalAt := func(sum int64) decimal.Decimal { return s.total(s.fromUnits(sum)) }
	// The least sum that may reach the target: for some tier the member
	// may get (or the rank), at least the least sum with the conditions
	// it requires passing, and a total that may reach it with them (may
	// is monotone in the total).
	tiers := s.tierBits(rc)
	if s.tier < 0 && s.grade < 0 {
		tiers = []uint64{0} // a rank: no conditions
	}
	s.required = s.allBits()
	first, any := hi, false
	for _, bits := range tiers {
		s.required &= bits
		from, ok := s.leastSum(bits)
		if !ok || !s.mayReach(rc, totalAt(hi), bits) {
			continue
		}
		a, b := max(from, lo), hi
		for a < b {
			m := a + (b-a)/2
			if s.mayReach(rc, totalAt(m), bits) {
				b = m
			} else {
				a = m + 1
			}
		}
		first, any = min(first, a), true
	}
	if !any {
		return nil, nil // no class may reach the target
	}
	a := first
	// the last sum with the same total as sum
	end := func(sum int64) int64 {
		t := totalAt(sum)
		a, b := sum, hi
		for a < b {
			m := b - (b-a)/2
			if totalAt(m).Equal(t) {
				a = m
			} else {
				b = m - 1
			}
		}
		return a
	}
	width := int64(firstWindow)
	for from := a; from <= hi; {
		to := end(min(hi, from+width-1))
		s.win = window{from, to}
		found, err := s.pass()
		if found != nil || err != nil {
			return found, err
		}
		from, width = to+1, width*windowGrowth
	}
	return nil, nil
}

// pass enumerates the classes whose root sum lies in the window and ranks
// them in order of total, cheapest first, until one reaches the target.
func (s *search) pass() (*found, error) {
	acc := s.start()
	roots := s.rb.Roots()
	var before span
	for j, r := range roots {
		ks, err := s.subtree(r)
		if err != nil {
			return nil, err
		}
		before.lo, before.hi = before.lo+s.span[r].lo, before.hi+s.span[r].hi
		after := span{s.rest(roots, j+1, false), s.rest(roots, j+1, true)}
		lo, hi, ok := s.allowed(before.lo, before.hi, func(p int64, high bool) int64 {
			if high {
				return p + after.hi
			}
			return p + after.lo
		})
		if !ok {
			return nil, nil
		}
		if acc, err = s.combine(acc, ks, lo, hi); err != nil {
			return nil, err
		}
	}
	// The totals of the distinct sums, and their order: the total does not
	// fall when the sum rises, so equal totals are neighbours.
	sums := make([]int64, 0, len(acc.st))
	for _, st := range acc.st {
		sums = append(sums, st.sum)
	}
	slices.Sort(sums)
	sums = slices.Compact(sums)
	totals := make([]decimal.Decimal, len(sums))
	ranks := make([]int, len(sums))
	for k, sum := range sums {
		totals[k] = s.total(s.fromUnits(sum))
		if k > 0 {
			ranks[k] = ranks[k-1]
			if totals[k].GreaterThan(totals[k-1]) {
				ranks[k]++
			}
		}
	}
	cands := make([]candidate, 0, len(acc.st))
	for i := range acc.st {
		st := &acc.st[i]
		k, _ := slices.BinarySearch(sums, st.sum)
		cands = append(cands, candidate{total: totals[k], rank: ranks[k], st: st, i: int32(i)})
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.st.effort, b.st.effort), cmp.Compare(a.st.nchg, b.st.nchg))
	})
	reach := s.newReachCheck()
	for i, c := range cands {
		if i%checkEvery == 0 {
			if err := stopped(s.ctx); err != nil {
				return nil, err
			}
		}
		if c.st.nchg == 0 || !reach.may(c) {
			continue
		}
		if err := stopped(s.ctx); err != nil {
			return nil, err // before each candidate ranked
		}
		choice := map[int]int{}
		acc.choice(c.i, choice)
		ok, err := s.check(choice, c.total)
		if err != nil {
			return nil, err
		}
		if ok {
			// The answer, ranked again in full (with the scorecards' trace).
			sh := s.sheetWith(choice)
			st, err := ranking.Rank(s.rb, sh, s.cfg.rankOpts...)
			if err != nil || !reached(st, s.member, s.target, s.rb) {
				return nil, fmt.Errorf("%w: the answer does not rank as its check did (%v)", ErrModel, err)
			}
			return &found{choice: choice, sheet: sh, st: st}, nil
		}
	}
	return nil, nil
}

// check ranks the cluster with the chosen candidates, the member's card
// scored by the engine and the others' as they are, and reports whether
// the member reaches the target; its total must be the one the programme
// computed.
func (s *search) check(choice map[int]int, total decimal.Decimal) (bool, error) {
	card, err := s.cardWith(choice, nil)
	if err != nil {
		return false, fmt.Errorf("%w: ranking a candidate: %v", ErrModel, err)
	}
	s.evaluated++
	if !card.Total.Equal(total) {
		return false, fmt.Errorf("%w: the search expected a total of %s for %s, the engine gives %s", ErrModel, total, s.member, card.Total)
	}
	cards := slices.Clone(s.cards)
	cards[s.mi] = card
	return s.rk.place(s.rb, cards).reached(s.mi, s.target, s.tier, s.grade), nil
}
