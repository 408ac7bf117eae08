package simulation

import (
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/rules"
)

// state is one worker's scratch space: every buffer a scenario needs,
// allocated once, so that evaluating a scenario allocates nothing (unless a
// tie reaches drawing lots by seed).
type state struct {
	p      *plan
	k      []int32  // outcome per cell (see outcomes)
	kg     []uint32 // draw per step
	kFresh bool     // k agrees with kg
	total  []int64
	pct    []int64
	basis  []int64
	// lazily computed node values and points, per member (allocated when
	// a member's are first needed: most folded plans never need them)
	nodeV, nodeP [][]int64
	nodeOK       []bool
	pctOK        []bool // pct[m] computed in this scenario

	bad []uint64 // per member: floor conditions failed in this scenario

	// The standings, by the shared algorithm (r, whose slices these are;
	// the decimal engine writes its result here too).
	r     *standings.Ranker
	order []int // members in rank order
	rank  []int // per position
	tied  []bool
	link  []bool // link[pos]: position pos is unresolved-tied with pos-1
	award []int8 // per member: tier index or -1
	grade []int8 // per member: grading band (xếp loại) index, 0 the highest, or -1
	pend  int    // tier left pending, or -1
	unres bool
}

func (p *plan) newState() *state {
	s := &state{p: p, k: make([]int32, len(p.cells)), kg: make([]uint32, len(p.steps)), total: make([]int64, p.n), pct: make([]int64, p.n), basis: make([]int64, p.n),
		nodeV: make([][]int64, p.n), nodeP: make([][]int64, p.n), nodeOK: make([]bool, p.n), pctOK: make([]bool, p.n),
		bad: make([]uint64, p.n)}
	if p.cl == nil { // not compiled: only the decimal engine fills the results
		s.order, s.rank, s.tied, s.link, s.award = make([]int, p.n), make([]int, p.n), make([]bool, p.n), make([]bool, p.n), make([]int8, p.n)
		s.grade = make([]int8, p.n)
		return s
	}
	s.r = standings.NewRanker(p.cl, s, nil)
	s.order, s.rank, s.tied, s.link, s.award, s.grade = s.r.Order, s.r.Rank, s.r.Tied, s.r.Link, s.r.Award, s.r.Grade
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
	tbl := p.stbl
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
			e := &tbl[int(st.off)+int(k)]
			t += e.v
			b |= e.bad
		}
		s.total[m] = t
		s.bad[m] = b | p.floorConst[m]
	}
	s.kFresh = false
}

// outcome draws cell ci's outcome. Uniform cells of at most 256 outcomes
// take 8 bits, others 16 or 64 (then the weights decide); draw and run
// call it in the same order, so they draw the same scenario.
func (p *plan) outcome(r *stream, ci int) int {
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
	s.r.Sort()
	s.r.Propose()
	s.order, s.pend, s.unres = s.r.Order, s.r.Pending, s.r.Unresolved
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
	if s.nodeV[m] == nil { // first use in this state
		s.nodeV[m], s.nodeP[m] = make([]int64, len(p.nodes)), make([]int64, len(p.nodes))
	}
	v, pts := s.nodeV[m], s.nodeP[m]
	copy(v, p.fixedVal[m])
	if p.fixedPts != nil {
		copy(pts, p.fixedPts[m])
	}
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
		for _, ga := range p.gItems[m] { // the group's own items (few)
			if ga.node == i {
				sum += ga.v
			}
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

// Keys gives the fixed-point values themselves: they are exact keys.
func (s *state) Keys(q standings.Quantity, node int, group []int, out []int64) {
	p := s.p
	switch q {
	case standings.Total:
		for _, m := range group {
			out[m] = s.total[m]
		}
	case standings.Percent:
		for _, m := range group {
			out[m] = s.percent(m)
		}
	case standings.Value:
		if l := p.linear[node]; l != nil {
			for _, m := range group {
				out[m] = s.linearValue(l, m)
			}
			return
		}
		for _, m := range group {
			s.nodes(m)
			out[m] = s.nodeV[m][node]
		}
	case standings.Points:
		for _, m := range group {
			out[m] = s.points(node, m)
		}
	case standings.Deductions:
		for _, m := range group {
			out[m] = p.ded[m]
		}
	case standings.Bonus:
		for _, m := range group {
			out[m] = p.bonus[m]
		}
	case standings.Input:
		s.inputKeys(node, group, out)
	}
}

// points is member m's points of node x in this scenario.
func (s *state) points(x, m int) int64 {
	if l := s.p.linear[^x]; l != nil { // key ^x: points, not value
		return s.linearValue(l, m)
	}
	s.nodes(m)
	return s.nodeP[m][x]
}

// AtLeast compares with condition j's threshold, converted when the plan
// was compiled to the least value at the quantity's scale that meets it
// (strict or not: see lowerAt).
func (s *state) AtLeast(q standings.Quantity, node, m, j int, _ decimal.Decimal, _ bool) bool {
	p := s.p
	switch q {
	case standings.Total:
		return s.total[m] >= p.minTotal[j]
	case standings.Percent:
		return s.total[m] >= p.pctAt[j][m] // the same as s.percent(m) >= p.minPct[j]
	case standings.Points:
		return s.points(node, m) >= p.groupMin[j]
	}
	panic("simulation: no threshold for this quantity")
}

// AtMost compares with condition j's threshold, converted when the plan
// was compiled to the greatest value at the quantity's scale that meets
// it (see upperAt).
func (s *state) AtMost(q standings.Quantity, _, m, j int, _ decimal.Decimal, _ bool) bool {
	p := s.p
	switch q {
	case standings.Deductions:
		return p.ded[m] <= p.maxDed[j]
	case standings.Total:
		return s.total[m] <= p.maxTotal[j]
	case standings.Percent:
		return s.total[m] < p.pctAt[j][m] // the same as s.percent(m) < p.minPct[j]
	}
	panic("simulation: no threshold for this quantity")
}

// Floor reads the floor bit of condition j.
func (s *state) Floor(m, j int) bool {
	return s.bad[m]&(1<<s.p.floorBit[j]) == 0
}

// linearValue evaluates a linear form for member m in this scenario.
func (s *state) linearValue(l *linear, m int) int64 {
	v := l.cst[m]
	r := l.rng[m]
	for si := r[0]; si < r[1]; si++ {
		v += l.stbl[int(l.off[si])+int(s.kg[si])]
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
