package simulation

import (
	"math/bits"
	"slices"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// state is one worker's scratch space: every buffer a scenario needs,
// allocated once, so that evaluating a scenario allocates nothing (unless a
// tie reaches drawing lots by seed).
type state struct {
	p      *Plan
	k      []int32  // outcome per cell (see outcomes)
	kg     []uint32 // draw per step
	kFresh bool     // k agrees with kg
	total  []int64
	pct    []int64
	basis  []int64
	// lazily computed node values and points, per member
	nodeV, nodeP [][]int64
	nodeOK       []bool
	pctOK        []bool // pct[m] computed in this scenario

	order []int // members in rank order
	rank  []int // per position
	tied  []bool
	link  []bool   // link[pos]: position pos is unresolved-tied with pos-1
	award []int8   // per member: tier index or -1
	bad   []uint64 // per member: floor conditions failed in this scenario
	pend  int      // tier left pending, or -1
	keys  []int64
	done  []bool
	tmp   []int
	unres bool
}

func (p *Plan) newState() *state {
	s := &state{p: p, k: make([]int32, len(p.cells)), kg: make([]uint32, len(p.steps)), total: make([]int64, p.n), pct: make([]int64, p.n), basis: make([]int64, p.n),
		nodeV: make([][]int64, p.n), nodeP: make([][]int64, p.n), nodeOK: make([]bool, p.n), pctOK: make([]bool, p.n),
		order: make([]int, p.n), rank: make([]int, p.n), tied: make([]bool, p.n), link: make([]bool, p.n),
		award: make([]int8, p.n), keys: make([]int64, p.n), done: make([]bool, p.n), tmp: make([]int, 0, p.n), bad: make([]uint64, p.n)}
	for m := range p.n {
		s.nodeV[m] = make([]int64, len(p.nodes))
		s.nodeP[m] = make([]int64, len(p.nodes))
	}
	return s
}

// run draws scenario i of the stream seeded by seed and ranks it. It is
// draw followed by evaluate, fused: each outcome is added to its member's
// total as it is drawn. The draws are the same as draw's.
func (s *state) run(seed, i uint64) {
	p := s.p
	if !p.folded {
		p.draw(seed, i, s.k)
		s.evaluate()
		return
	}
	s.sum(seed, i)
	s.finish(true)
}

// sum draws scenario i and adds up every member's total and floor bits:
// the inner loop of run, for folded plans.
func (s *state) sum(seed, i uint64) {
	p := s.p
	clear(s.nodeOK)
	r := newStream(seed, i)
	// The stream's state lives in locals here (so in registers); it is
	// written back to r only around the rare steps tiny does not draw.
	state, lanes, nlanes := r.s, uint64(0), 0
	tbl, bad := p.stbl, p.sbad
	for m := range p.n {
		lo, hi := p.stepsByMem[m][0], p.stepsByMem[m][1]
		steps, kg := p.steps[lo:hi], s.kg[lo:hi:hi]
		t := p.constTotal[m]
		var b uint64
		for c := range steps {
			st := &steps[c]
			var k uint32
			if st.tiny {
				for {
					if nlanes == 0 {
						state += 0xa0761d6478bd642f
						hi, lo := bits.Mul64(state, state^0xe7037ed1a0b428db)
						lanes, nlanes = hi^lo, 8
					}
					x := uint32(lanes&0xff) * st.n
					lanes >>= 8
					nlanes--
					if x&0xff >= st.t8 {
						k = x >> 8
						break
					}
				}
			} else {
				r.s, r.bytes, r.nbyte = state, lanes, nlanes
				k = uint32(p.outcome(&r, int(st.first)))
				state, lanes, nlanes = r.s, r.bytes, r.nbyte
			}
			kg[c] = k
			j := int(st.off) + int(k)
			t += tbl[j]
			if p.floors {
				b |= bad[j]
			}
		}
		s.total[m] = t
		s.bad[m] = b | p.floorConst[m]
	}
	s.kFresh = false
}

// outcome draws cell ci's outcome. Uniform cells of at most 256 outcomes
// take 8 bits, others 16 or 64 (then the weights decide); draw and run
// call it in the same order, so they draw the same scenario.
func (p *Plan) outcome(r *stream, ci int) int {
	if h := &p.hot[ci]; h.tiny {
		return int(r.tiny(h.n, h.t8))
	}
	cl := &p.cells[ci]
	var u uint64
	if cl.total <= 1<<16 {
		u = uint64(r.small(uint32(cl.total)))
	} else {
		u = r.below(cl.total)
	}
	if cl.uniform {
		return int(u)
	}
	j := 0
	for cl.cum[j] <= u {
		j++
	}
	return j
}

// evaluate ranks the scenario whose outcomes are in s.k.
func (s *state) evaluate() {
	p := s.p
	clear(s.nodeOK) // node values are computed once per scenario, on demand
	for si := range p.steps {
		s.kg[si] = p.steps[si].join(p, s.k)
	}
	s.kFresh = true
	for m := range p.n {
		var t int64
		if p.folded {
			t = p.constTotal[m]
			lo, hi := p.byMem[m][0], p.byMem[m][1]
			for ci := lo; ci < hi; ci++ {
				t += p.cells[ci].folded[s.k[ci]]
			}
		} else {
			s.nodes(m)
			t = p.bonus[m] - p.ded[m]
			for _, r := range p.roots {
				t += s.nodeV[m][r]
			}
		}
		s.total[m] = t
		b := p.floorConst[m]
		lo, hi := p.byMem[m][0], p.byMem[m][1]
		for ci := lo; ci < hi; ci++ {
			b |= p.cells[ci].floorBad[s.k[ci]]
		}
		s.bad[m] = b
	}
	s.finish(false)
}

// finish completes a scenario whose raw totals are in s.total: floor,
// rounding, percentages, order, ranks and awards.
func (s *state) finish(fused bool) {
	p := s.p
	byPct := p.rb.RankBy() == rules.ByPercent
	for m := range p.n {
		t := s.total[m]
		if p.floorVal != nil && t < *p.floorVal {
			t = *p.floorVal
		}
		if r := p.total; r != nil && r.Places < p.g {
			t = fixed.Rescale(fixed.Rescale(t, p.g, r.Places, fixed.ModeOf(r.Mode)), r.Places, p.g, fixed.HalfUp)
		}
		s.total[m] = t
		s.pctOK[m] = false
		if byPct {
			s.percent(m)
		}
	}
	if byPct {
		copy(s.basis, s.pct)
	} else {
		copy(s.basis, s.total)
	}
	s.order = s.order[:0]
	s.unres = false
	for m := range p.n {
		s.tied[m] = false
	}
	all := s.tmp[:0]
	for m := range p.n {
		all = append(all, m)
	}
	s.split(all, -1)
	for pos := range p.n {
		if pos == 0 || !s.link[pos] {
			s.rank[pos] = pos + 1
		} else {
			s.rank[pos] = s.rank[pos-1]
		}
	}
	s.awards()
}

// percent computes member m's percentage of its attainable maximum (once
// per scenario, when something asks for it): one quotient, rounded once,
// as scoring does.
func (s *state) percent(m int) int64 {
	if !s.pctOK[m] {
		p := s.p
		q := p.quotient
		if r := p.percent; r != nil {
			q = *r
		}
		s.pct[m] = p.pctDiv[m].Div(s.total[m]*100*fixed.Pow10[q.Places], fixed.ModeOf(q.Mode))
		s.pctOK[m] = true
	}
	return s.pct[m]
}

// nodes computes member m's node values and points for this scenario.
func (s *state) nodes(m int) {
	if s.nodeOK[m] {
		return
	}
	p := s.p
	v, pts := s.nodeV[m], s.nodeP[m]
	copy(v, p.fixedVal[m])
	copy(pts, p.fixedPts[m])
	ks := s.outcomes()
	lo, hi := p.byMem[m][0], p.byMem[m][1]
	for ci := lo; ci < hi; ci++ {
		cl := &p.cells[ci]
		v[cl.node] = cl.contrib[ks[ci]]
		pts[cl.node] = cl.pointsG[ks[ci]]
	}
	for i := len(p.nodes) - 1; i >= 0; i-- {
		n := &p.nodes[i]
		if !n.IsGroup() {
			continue
		}
		var sum int64
		for _, k := range n.Kids {
			sum += v[k]
		}
		pts[i] = sum
		wp := p.wPlaces[i]
		x := sum * p.weight[i]
		if r := p.gRound; r != nil {
			x = fixed.Rescale(fixed.Rescale(x, p.g+wp, r.Places, fixed.ModeOf(r.Mode)), r.Places, p.g, fixed.HalfUp)
		} else {
			x = fixed.Rescale(x, p.g+wp, p.g, fixed.HalfUp) // exact by the choice of g
		}
		v[i] = x
	}
	s.nodeOK[m] = true
}

// split orders group (equal under the rules before rule r; r = -1 is the
// basis) by the remaining rules, appending to s.order, as ranking does.
func (s *state) split(group []int, r int) {
	if len(group) == 1 {
		s.place(group[0], false)
		return
	}
	p := s.p
	if r == len(p.chain) {
		s.unresolved(group)
		return
	}
	if !s.keysFor(r, group) {
		s.unresolved(group)
		return
	}
	// stable insertion sort by key, descending (groups are small)
	g := group
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && s.keys[g[j]] > s.keys[g[j-1]]; j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
	start := 0
	for i := 1; i <= len(g); i++ {
		if i < len(g) && s.keys[g[i]] == s.keys[g[start]] {
			continue
		}
		if i-start == 1 {
			s.place(g[start], false)
		} else {
			// in place: deeper rules only rewrite the keys of this subgroup
			s.split(g[start:i], r+1)
		}
		start = i
	}
}

func (s *state) place(m int, unresolvedWithPrev bool) {
	s.link[len(s.order)] = unresolvedWithPrev
	s.order = append(s.order, m)
}

func (s *state) unresolved(group []int) {
	s.unres = true
	// listed as ranking lists them: by name, in Vietnamese collation
	slices.SortFunc(group, func(a, b int) int { return s.p.nameOrder[a] - s.p.nameOrder[b] })
	for i, m := range group {
		s.tied[m] = true
		s.place(m, i > 0)
	}
}

// keysFor fills s.keys for the group under rule r (-1: the basis); false
// if the rule cannot be applied (lots without a draw or seed).
func (s *state) keysFor(r int, group []int) bool {
	p := s.p
	if r < 0 {
		for _, m := range group {
			s.keys[m] = s.basis[m]
		}
		return true
	}
	tb := p.chain[r]
	switch tb.Kind {
	case rules.ByTotalPoints:
		for _, m := range group {
			s.keys[m] = s.total[m]
		}
	case rules.ByPercentage:
		for _, m := range group {
			s.keys[m] = s.percent(m)
		}
	case rules.ByGroup, rules.ByCriterion:
		x := p.ruleNode[r]
		if l := p.linear[x]; l != nil {
			for _, m := range group {
				s.keys[m] = s.linearValue(l, m)
			}
			break
		}
		for _, m := range group {
			s.nodes(m)
			s.keys[m] = s.nodeV[m][x]
		}
	case rules.FewerDeductions:
		for _, m := range group {
			s.keys[m] = -p.ded[m]
		}
	case rules.MoreBonus:
		for _, m := range group {
			s.keys[m] = p.bonus[m]
		}
	case rules.MoreVotes:
		for _, m := range group {
			s.keys[m] = p.votes[m]
		}
	case rules.HeadToHead:
		for _, a := range group {
			var wins int64
			for _, b := range group {
				if a != b && p.h2h[a][b] > p.h2h[b][a] {
					wins++
				}
			}
			s.keys[a] = wins
		}
	case rules.NoAwardLastYear:
		for _, m := range group {
			s.keys[m] = p.noAward[r][m]
		}
	case rules.DrawingLots:
		if len(p.base.Lots) > 0 {
			for _, m := range group {
				if p.lotsOrder[m] < 0 {
					return false
				}
				s.keys[m] = -int64(p.lotsOrder[m])
			}
			return true
		}
		if p.seed == nil {
			return false
		}
		ids := make([]string, len(group))
		for i, m := range group {
			ids[i] = p.members[m].ID
		}
		drawn := ranking.DrawOrder(*p.seed, ids)
		for _, m := range group {
			s.keys[m] = -int64(slices.Index(drawn, p.members[m].ID))
		}
	}
	return true
}

// eligible reports whether member m meets condition j in this scenario.
func (s *state) eligible(m, j int) bool {
	p := s.p
	c := &p.conds[j]
	switch {
	case c.MinTotal != nil:
		return s.total[m] >= p.minTotal[j]
	case c.MinPercent != nil:
		return s.percent(m) >= p.minPct[j]
	case c.CriterionFloor != nil:
		return s.bad[m]&(1<<p.floorBit[j]) == 0
	case c.GroupMin != nil:
		if p.groupMinNA[m][j] {
			return true // the condition does not apply to a member the group is not assigned to
		}
		if l := p.linear[^p.groupMinNode[j]]; l != nil {
			return s.linearValue(l, m) >= p.groupMin[j]
		}
		s.nodes(m)
		return s.nodeP[m][p.groupMinNode[j]] >= p.groupMin[j]
	}
	return p.constElig[m][j]
}

func (s *state) eligibleFor(m, t int) bool {
	for _, j := range s.p.requires[t] {
		if !s.eligible(m, j) {
			return false
		}
	}
	return true
}

// awards proposes the tiers in order, as ranking does.
func (s *state) awards() {
	p := s.p
	n := p.n
	for i := range n {
		s.done[i] = false
		s.award[i] = -1
	}
	s.pend = -1
	for t := range p.tiers {
		if s.pend >= 0 {
			break // this tier and later ones are blocked
		}
		q := p.quota[t]
		nobody := p.tiers[t].IfIneligible == rules.Nobody
		given := 0
		for i := 0; i < n && given < q; {
			if s.done[i] {
				i++
				continue
			}
			j := i + 1
			for j < n && s.rank[j] == s.rank[i] {
				j++
			}
			inLine, elig := 0, 0
			for k := i; k < j; k++ {
				if !s.done[k] {
					inLine++
					if s.eligibleFor(s.order[k], t) {
						elig++
					}
				}
			}
			contenders := elig
			if nobody {
				contenders = inLine
			}
			if contenders > q-given {
				s.pend = t
				break
			}
			for k := i; k < j; k++ {
				if s.done[k] {
					continue
				}
				if !s.eligibleFor(s.order[k], t) {
					if nobody {
						s.done[k] = true
						given++
					}
					continue
				}
				s.award[s.order[k]] = int8(t)
				s.done[k] = true
				given++
			}
			i = j
		}
	}
}

// linearValue evaluates a linear form for member m in this scenario.
func (s *state) linearValue(l *linear, m int) int64 {
	p := s.p
	v := l.cst[m]
	lo, hi := p.stepsByMem[m][0], p.stepsByMem[m][1]
	for si := lo; si < hi; si++ {
		v += l.stbl[int(p.steps[si].off)+int(s.kg[si])]
	}
	return v
}

// outcomes returns every cell's outcome in this scenario (the fused loop
// records only each step's draw).
func (s *state) outcomes() []int32 {
	if !s.kFresh {
		p := s.p
		for si := range p.steps {
			st := &p.steps[si]
			if st.tiny {
				st.split(p, s.kg[si], s.k)
			} else {
				s.k[st.first] = int32(s.kg[si])
			}
		}
		s.kFresh = true
	}
	return s.k
}
