package simulation

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// compiler builds plans for the sheets of one rulebook under one model.
// What depends only on the rulebook and the model is worked out once: the
// nodes' weights and folding factors, the conditions' reach, and the
// classes of cells — the outcome set, point function and tables that every
// cell of one criterion with the same recorded value and target shares.
// Run uses a compiler for one sheet; RunMany keeps one per worker for all
// the sheets that worker compiles. A compiler is used by one goroutine at a
// time; the classes and tables it hands to plans are never changed again,
// so plans may outlive it and each other — but for the step tables of a
// plan that run hands back (release) once it is done with it.
type compiler struct {
	rb    *rules.Rulebook
	model Model
	leaf  *scoring.LeafScorer
	nodes []rules.Node
	conds []rules.Condition
	byID  map[string]int // node index by id

	critU     []*Uncertainty // per node: the model's entry for the criterion, or nil
	weight    []int64        // per node: weight × 10^wPlaces
	wPlaces   []int32
	wOne      []bool // the weight is exactly 1
	weightErr []error
	fold      []decimal.Decimal // per node: the product of its ancestors' weights
	foldInt   []int64           // fold, when it is a whole number (foldOK)
	foldOK    []bool
	foldB     []uint64 // |⌈fold⌉|, saturated: a bound of the folding factor
	within    [][]bool // per condition: the nodes a criterion_floor reads (nil: all)
	linearF   map[int]*linearFactors

	steps   stepsCache
	classes map[classKey]*class
	spare   spareTables
}

// spareTables are the step tables of the compiler's last plan, handed back
// by run when the plan is done, for the next plan to fill: a batch's
// plans then reuse the same memory instead of allocating afresh. A table
// is taken by one plan at a time.
type spareTables struct {
	stbl []stepEntry
	lin  [][]int64
}

func (s *spareTables) takeStbl() []stepEntry {
	b := s.stbl
	s.stbl = nil
	return b
}

// take returns a spare table for a linear form, or nil.
func (s *spareTables) take() []int64 {
	n := len(s.lin)
	if n == 0 {
		return nil
	}
	b := s.lin[n-1]
	s.lin = s.lin[:n-1]
	return b
}

// release hands a finished plan's step tables back to its compiler. The
// plan must not be used again.
func (c *compiler) release(p *plan) {
	if p.c != c {
		return
	}
	c.spare.stbl, p.stbl = p.stbl, nil
	for _, l := range p.linear {
		if l != nil && len(c.spare.lin) < 8 {
			c.spare.lin = append(c.spare.lin, l.stbl)
		}
	}
	p.linear = nil
}

// maxClasses bounds a compiler's cache of classes; past it the cache is
// emptied (a batch of sheets with ever new values keeps bounded memory).
const maxClasses = 1 << 16

// newCompiler prepares the compilation of sheets under rb and model.
func newCompiler(rb *rules.Rulebook, model Model) *compiler {
	c := &compiler{rb: rb, model: model, leaf: scoring.NewLeafScorer(rb), nodes: rb.Nodes(), conds: rb.Eligibility(),
		steps: stepsCache{}, classes: map[classKey]*class{}, linearF: map[int]*linearFactors{}}
	nn := len(c.nodes)
	c.byID = make(map[string]int, nn)
	c.critU = make([]*Uncertainty, nn)
	c.weight, c.wPlaces, c.wOne, c.weightErr = make([]int64, nn), make([]int32, nn), make([]bool, nn), make([]error, nn)
	c.fold, c.foldInt, c.foldOK, c.foldB = make([]decimal.Decimal, nn), make([]int64, nn), make([]bool, nn), make([]uint64, nn)
	one := decimal.NewFromInt(1)
	for i, n := range c.nodes {
		c.byID[n.ID] = i
		if u, ok := model.Criteria[n.ID]; ok {
			c.critU[i] = &u
		}
		w := n.EffectiveWeight()
		c.wOne[i] = w.Equal(one)
		c.wPlaces[i] = fixed.Places(w)
		wi, ok := fixed.ToInt(w, c.wPlaces[i])
		if !ok {
			c.weightErr[i] = fmt.Errorf("weight of %s: %w", n.ID, ErrNotCompilable)
		}
		c.weight[i] = wi
		// what one unit of node i's value is worth in the total: the
		// product of the weights of its ancestors (its own weight is in
		// its value already)
		f := one
		for a := n.Parent; a >= 0; a = c.nodes[a].Parent {
			f = f.Mul(c.nodes[a].EffectiveWeight())
		}
		c.fold[i] = f
		c.foldInt[i], c.foldOK[i] = fixed.ToInt(f, 0)
		c.foldB[i] = satBig(f.Ceil().Abs())
	}
	c.within = make([][]bool, len(c.conds))
	for j, cond := range c.conds {
		if f := cond.CriterionFloor; f != nil && f.Within != "" {
			in := make([]bool, nn)
			var mark func(i int)
			mark = func(i int) {
				in[i] = true
				for _, k := range c.nodes[i].Kids {
					mark(k)
				}
			}
			if g, ok := c.byID[f.Within]; ok {
				mark(g)
			}
			c.within[j] = in
		}
	}
	return c
}

// inFloor reports whether criterion_floor condition j reads node i.
func (c *compiler) inFloor(j, i int) bool { return c.within[j] == nil || c.within[j][i] }

// classKey identifies the cells that share a class: one criterion, the
// same uncertainty (the model's default or the criterion's entry; a
// member's own entry is never shared), the same recorded value and the
// same target, each value as a coefficient without trailing zeros and an
// exponent.
type classKey struct {
	node, src      int32
	base, target   int64
	baseE, targetE int32
}

// class is what the cells of a classKey share: the outcomes and their
// draw, the point function and, once compiled, the per-outcome points and
// contributions (decimal), the floor bits and the integer tables at each
// scale used.
type class struct {
	node     int
	set      outcomeSet
	cum      []uint64 // cumulative weights
	total    uint64   // sum of weights
	uniform  bool     // every weight is 1
	fn       scoring.PointFunction
	identity bool // fn.Identity()
	target   decimal.Decimal

	prepared bool
	direct   bool              // points = value = contribution
	points   []decimal.Decimal // per outcome (not for direct classes)
	contribs []decimal.Decimal // per outcome: weighted and rounded (not for direct classes)
	places   int32             // places the contributions need

	floorDone bool
	floorBad  []uint64 // per outcome: bits of floor conditions failed

	tabs []*tables // one per scale g met
}

// tables are a class's integer tables at scale g.
type tables struct {
	g       int32
	contrib []int64 // the criterion's value for each outcome
	pointsG []int64 // its points for each outcome (if a group_min reads them; else zeros)
	folded  []int64 // contribution to the total for each outcome (folded plans)
	maxAbs  uint64  // the largest |contrib|
}

// norm returns d as a coefficient without trailing zeros and an exponent;
// ok is false if the coefficient does not fit in an int64.
func norm(d decimal.Decimal) (int64, int32, bool) {
	c, e, ok := fixed.Parts(d)
	if !ok {
		return 0, 0, false
	}
	if c == 0 {
		return 0, 0, true
	}
	for c%10 == 0 {
		c /= 10
		e++
	}
	return c, e, true
}

// classFor returns the class of member m's criterion i (nil: the value is
// fixed), from the cache when another cell had the same key.
func (c *compiler) classFor(member string, own map[string]Uncertainty, i int, ns *scoring.NodeScore) (*class, error) {
	n := &c.nodes[i]
	var u Uncertainty
	key := classKey{node: int32(i)}
	shared := true
	if x, ok := own[n.ID]; ok {
		u, shared = x, false
	} else if cu := c.critU[i]; cu != nil {
		u, key.src = *cu, 1
	} else if c.model.Default != nil {
		u = *c.model.Default
	} else {
		return nil, nil
	}
	if u.Fixed || (u.Range.IsZero() && u.Step.IsZero() && len(u.Values) == 0) {
		return nil, nil
	}
	var ok1, ok2 bool
	key.base, key.baseE, ok1 = norm(ns.Raw)
	key.target, key.targetE, ok2 = norm(ns.Target)
	shared = shared && ok1 && ok2
	if shared {
		if cl := c.classes[key]; cl != nil {
			return cl, nil
		}
	}
	set, ok, perr := outcomes(u, *n, ns.Raw, c.steps)
	if perr != nil {
		return nil, memberError(member, n.ID, perr.msg)
	}
	if !ok {
		return nil, nil
	}
	fn, err := c.leaf.Function(n.ID, ns.Target)
	if err != nil {
		return nil, err
	}
	cl := &class{node: i, set: set, fn: fn, identity: fn.Identity(), target: ns.Target}
	cl.cum = make([]uint64, len(set.weights))
	for k, w := range set.weights {
		cl.total += w
		cl.cum[k] = cl.total
	}
	cl.uniform = cl.total == uint64(len(set.weights))
	if shared {
		if len(c.classes) >= maxClasses {
			clear(c.classes)
		}
		c.classes[key] = cl
	}
	return cl, nil
}

// prepare computes a class's points and contributions with the engine's
// own per-criterion computation, except for a direct criterion whose
// points are its value (weight 1, and any criterion-level rounding already
// satisfied by the value's places), whose tables are the values themselves.
func (c *compiler) prepare(cl *class, cRound *rules.Rounding) error {
	if cl.prepared {
		return nil
	}
	n := &c.nodes[cl.node]
	if cl.identity && c.wOne[cl.node] && (cRound == nil || cRound.Places >= cl.set.scale) {
		cl.direct, cl.places, cl.prepared = true, cl.set.scale, true
		return nil
	}
	points := make([]decimal.Decimal, len(cl.set.vals))
	contribs := make([]decimal.Decimal, len(cl.set.vals))
	places := int32(0)
	w := n.EffectiveWeight()
	for k := range cl.set.vals {
		pts, _, err := c.leaf.Points(n.ID, cl.set.value(k), cl.target)
		if err != nil {
			return err
		}
		points[k] = pts
		v := pts
		if !c.wOne[cl.node] {
			v = v.Mul(w)
		}
		if cRound != nil {
			v = cRound.Round(v)
		}
		contribs[k] = v
		places = max(places, fixed.Places(v))
	}
	cl.points, cl.contribs, cl.places, cl.prepared = points, contribs, places, true
	return nil
}

// tablesAt returns the class's integer tables at the plan's scale,
// building them the first time: values at scale g, their points where a
// group_min reads them, and their contributions to the total (folded).
func (p *plan) tablesAt(cl *class) (*tables, error) {
	for _, t := range cl.tabs {
		if t.g == p.g {
			return t, nil
		}
	}
	c, nk := p.c, len(cl.set.vals)
	id := c.nodes[cl.node].ID
	t := &tables{g: p.g, contrib: make([]int64, nk), pointsG: make([]int64, nk)}
	if p.folded {
		t.folded = make([]int64, nk)
	}
	if cl.direct {
		// the values themselves, rescaled; folded by an integer-valued
		// weight product when that is exact, else through decimals
		up := fixed.Pow10[p.g-cl.set.scale]
		for k, v := range cl.set.vals {
			x, ok := fixed.MulInt(v, up)
			if !ok {
				return nil, fmt.Errorf("value of %s (%s) at %d places: %w", id, cl.set.value(k), p.g, ErrNotCompilable)
			}
			t.contrib[k] = x
			if !p.folded {
				continue
			}
			if c.foldOK[cl.node] {
				if t.folded[k], ok = fixed.MulInt(x, c.foldInt[cl.node]); ok {
					continue
				}
			}
			f, err := p.toG(cl.set.value(k).Mul(c.fold[cl.node]), "folded value of "+id)
			if err != nil {
				return nil, err
			}
			t.folded[k] = f
		}
		if p.leafPts[cl.node] {
			copy(t.pointsG, t.contrib) // points = value = contribution
		}
	} else {
		for k, v := range cl.contribs {
			x, err := p.toG(v, "value of "+id)
			if err != nil {
				return nil, err
			}
			t.contrib[k] = x
			if p.folded {
				if t.folded[k], err = p.toG(v.Mul(c.fold[cl.node]), "folded value of "+id); err != nil {
					return nil, err
				}
			}
		}
		if p.leafPts[cl.node] {
			for k, pts := range cl.points {
				v, ok := fixed.ToInt(pts, p.g)
				if !ok {
					return nil, fmt.Errorf("points of %s (%s) at %d places: %w", id, pts, p.g, ErrNotCompilable)
				}
				t.pointsG[k] = v
			}
		}
	}
	for _, v := range t.contrib {
		t.maxAbs = max(t.maxAbs, uabs(v))
	}
	cl.tabs = append(cl.tabs, t)
	return t, nil
}

// floorBits computes a class's floor bits (once: they depend on the rulebook
// alone): for each outcome, the criterion_floor conditions it fails.
func (p *plan) floorBits(cl *class) {
	if cl.floorDone {
		return
	}
	c := p.c
	n := &c.nodes[cl.node]
	cl.floorBad = make([]uint64, len(cl.set.vals))
	for j, cond := range c.conds {
		b := p.floorBit[j]
		if b < 0 || !c.inFloor(j, cl.node) {
			continue
		}
		sh := cond.CriterionFloor.Share
		if cl.direct {
			// points·den ≥ max·num, in integers at the cell's scale
			mx, _ := fixed.ToInt(n.Max, cl.set.scale)
			for k, v := range cl.set.vals {
				if !meets(v, mx, sh, cond.Strict) {
					cl.floorBad[k] |= 1 << b
				}
			}
			continue
		}
		for k, pts := range cl.points {
			if !rules.MeetsShare(sh, cond.Strict, pts, n.Max) {
				cl.floorBad[k] |= 1 << b
			}
		}
	}
	cl.floorDone = true
}

// linearFactors are what a node's value (or points) is made of in a
// folded plan: for each leaf under it, the whole-number weight product
// between the leaf and the node.
type linearFactors struct {
	f     []int64 // per node: the factor of a leaf under x, else 0
	exact bool    // every leaf under x has a whole-number factor
}

// linearFor returns the factors of node x's value (withOwnWeight) or
// points, once per rulebook.
func (c *compiler) linearFor(x int, withOwnWeight bool) *linearFactors {
	key := x
	if !withOwnWeight {
		key = ^x
	}
	if lf := c.linearF[key]; lf != nil {
		return lf
	}
	lf := &linearFactors{f: make([]int64, len(c.nodes)), exact: true}
	for i := range c.nodes {
		if c.nodes[i].IsGroup() {
			continue
		}
		if i == x {
			lf.f[i] = 1
			continue
		}
		f := decimal.NewFromInt(1)
		under := false
		for a := c.nodes[i].Parent; a >= 0; a = c.nodes[a].Parent {
			if a == x {
				if withOwnWeight {
					f = f.Mul(c.nodes[a].EffectiveWeight())
				}
				under = true
				break
			}
			f = f.Mul(c.nodes[a].EffectiveWeight())
		}
		if !under {
			continue
		}
		v, ok := fixed.ToInt(f, 0)
		if !ok {
			lf.exact = false // a weight product that is not a whole number: walk the tree instead
			continue
		}
		lf.f[i] = v
	}
	c.linearF[key] = lf
	return lf
}

// satBig is |d| (a whole number) as a uint64, or the largest uint64 if it
// does not fit.
func satBig(d decimal.Decimal) uint64 {
	b := d.BigInt()
	if b.Sign() < 0 {
		b.Neg(b)
	}
	if !b.IsUint64() {
		return math.MaxUint64
	}
	return b.Uint64()
}

// satMul and satAdd are a·b and a+b, or the largest uint64 past it.
func satMul(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	if hi != 0 {
		return math.MaxUint64
	}
	return lo
}

func satAdd(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}

// uabs is |v| as a uint64.
func uabs(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}
