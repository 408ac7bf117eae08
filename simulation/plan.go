package simulation

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// ErrNotCompilable is wrapped by Run's error when the plan cannot be
// built exactly in integers; Run then uses the decimal engine.
var ErrNotCompilable = errors.New("cannot be compiled to fixed point")

// plan is a cluster compiled for fast exact evaluation of scenarios: the
// fixed parts of every member's score folded into constants, and for each
// uncertain (member, criterion) a table of what each possible value
// contributes, all as integers at one scale.
type plan struct {
	rb      *rules.Rulebook
	base    scoring.Sheet // the baseline sheet
	stage   string        // stage scenario values are recorded at
	members []scoring.Member
	nodes   []rules.Node
	n       int
	g       int32 // scale of every point value
	pScale  int32 // scale of percentages

	skeleton []scoring.Scorecard // the baseline with modelled values at the scenario stage
	leaf     *scoring.LeafScorer
	fns      []scoring.PointFunction // per cell: how its input becomes points (compile time only)
	compiled bool

	cells  []cell   // uncertain (member, criterion) pairs, by member then node
	byMem  [][2]int // per member: cells[lo:hi]
	folded bool     // no group-level rounding: a total is a sum of table entries

	// per member constants
	constTotal []int64   // folded total of the fixed criteria + bonus − deductions (folded mode)
	fixedVal   [][]int64 // per member per node: value of fixed leaves (scale g)
	bonus      []int64
	ded        []int64
	attain     []int64  // attainable maximum at scale g
	floorConst []uint64 // per member: floor conditions failed by fixed criteria

	// per node
	weight  []int64 // weight × 10^wPlaces
	wPlaces []int32
	gRound  *rules.Rounding
	cRound  *rules.Rounding

	conds    []rules.Condition
	floorBit []int // per condition: bit index if criterion_floor, else -1
	chain    []rules.TieBreak
	tiers    []rules.AwardTier
	floorVal *int64 // deduction floor at scale g
	total    *rules.Rounding
	percent  *rules.Rounding
	quotient rules.Rounding
	needPct  bool
	seed     *uint64

	// cl is the rulebook's chain, conditions and tiers for these members,
	// which the scenario loop runs with the shared standings algorithm
	// (the same code package ranking runs on decimals).
	cl *standings.Cluster

	fixedPts [][]int64 // per member per node: points of fixed leaves (scale g)

	// flat tables for the hot loop
	steps        []step
	stepsByMem   [][2]int
	stbl         []int64  // per step and draw: the sum of its cells' folded values
	sbad         []uint64 // per step and draw: its cells' floor bits
	hot          []hotCell
	tbl          []int64  // folded values of every cell's outcomes, concatenated
	badTbl       []uint64 // floor bits of every cell's outcomes, concatenated
	floors       bool     // the rulebook has criterion floors
	pctDiv       []fixed.Divider
	linear       map[int]*linear // per node: its value or points as a sum of table entries (folded plans)
	roots        []int
	minTotal     []int64 // per condition, scale g
	minPct       []int64 // per condition, scale pScale
	groupMin     []int64 // per condition, scale g
	maxDed       []int64 // per condition, scale g
	groupMinNode []int   // per condition: node index
}

// step is one draw of a scenario: a single cell, or a run of one member's
// consecutive cells with uniform outcomes whose counts multiply to at most
// 256, drawn together as one uniform number in [0, n) and split into the
// cells' outcomes in mixed radix (the first cell most significant). The
// outcomes are exactly uniform and independent either way; one draw and
// one look-up in a table of pre-summed values serve the whole run.
type step struct {
	first, count int32
	n, t8        uint32 // product of outcome counts, and 256 mod n (tiny steps)
	tiny         bool   // drawn from 8 bits; otherwise a single cell drawn by outcome
	off          int32  // first entry in the step tables
}

// groupDraws builds p.steps from p.cells.
func (p *plan) groupDraws() {
	p.steps = p.steps[:0]
	p.stepsByMem = make([][2]int, p.n)
	for ci := 0; ci < len(p.cells); {
		h := p.hot[ci]
		st := step{first: int32(ci), count: 1, n: h.n, tiny: h.tiny}
		ci++
		for st.tiny && ci < len(p.cells) && st.count < 8 && p.cells[ci].m == p.cells[st.first].m &&
			p.hot[ci].tiny && st.n*p.hot[ci].n <= 256 {
			st.n *= p.hot[ci].n
			st.count++
			ci++
		}
		if st.tiny {
			st.t8 = 256 % st.n
		}
		m := p.cells[st.first].m
		if p.stepsByMem[m][1] == 0 {
			p.stepsByMem[m][0] = len(p.steps)
		}
		p.steps = append(p.steps, st)
		p.stepsByMem[m][1] = len(p.steps)
	}
}

// split writes a tiny step's draw k into its cells' outcomes.
func (st *step) split(p *plan, k uint32, out []int32) {
	for j := st.first + st.count - 1; j >= st.first; j-- {
		n := p.hot[j].n
		out[j] = int32(k % n)
		k /= n
	}
}

// join is split's inverse: the step's draw from its cells' outcomes.
func (st *step) join(p *plan, k []int32) uint32 {
	var v uint32
	for j := st.first; j < st.first+st.count; j++ {
		v = v*p.hot[j].n + uint32(k[j])
	}
	return v
}

// stepTable sums a per-cell table (indexed by hot[ci].off + outcome) over
// every draw of every step.
func (p *plan) stepTable(cell []int64) []int64 {
	size := 0
	for i := range p.steps {
		if st := &p.steps[i]; st.tiny {
			size += int(st.n)
		} else {
			size += len(p.cells[st.first].set.vals)
		}
	}
	out := make([]int64, 0, size)
	ks := make([]int32, len(p.cells))
	for i := range p.steps {
		st := &p.steps[i]
		if !st.tiny {
			ci := st.first
			n := len(p.cells[ci].set.vals)
			out = append(out, cell[p.hot[ci].off:int(p.hot[ci].off)+n]...)
			continue
		}
		for k := range st.n {
			st.split(p, k, ks)
			var v int64
			for j := st.first; j < st.first+st.count; j++ {
				v += cell[int(p.hot[j].off)+int(ks[j])]
			}
			out = append(out, v)
		}
	}
	return out
}

// hotCell is what the scenario loop needs of a cell, packed.
type hotCell struct {
	off  int32  // first outcome's index in the flat tables
	n    uint32 // number of outcomes (tiny cells)
	t8   uint32 // 256 mod n: the rejection threshold of an 8-bit draw
	tiny bool   // uniform, at most 256 outcomes: drawn from 8 bits
}

// linear expresses a node's value (or points) for a member as a constant
// plus one table entry per modelled cell, in folded plans.
type linear struct {
	cst  []int64 // per member
	tbl  []int64 // parallel to Plan.tbl
	stbl []int64 // parallel to Plan.stbl
}

// cell is one uncertain (member, criterion).
type cell struct {
	m, node  int
	set      outcomeSet
	cum      []uint64          // cumulative weights
	total    uint64            // sum of weights
	uniform  bool              // every weight is 1
	contrib  []int64           // the criterion's value for each outcome, scale g
	pointsG  []int64           // its points for each outcome, scale g (if exact; see groupMin)
	folded   []int64           // contribution to the total for each outcome, scale g
	points   []decimal.Decimal // per outcome (not for direct cells: their points are their values)
	direct   bool              // points = value = contribution
	floorBad []uint64          // per outcome: bits of floor conditions failed
}

// compilePlan builds the plan for a rulebook, a baseline sheet and a model (the
// config's LotsSeed is used for ties that reach drawing lots). The error
// wraps ErrNotCompilable when the cluster can only be simulated with the
// decimal engine, or describes a problem with the inputs.
func compilePlan(rb *rules.Rulebook, sheet scoring.Sheet, model Model, cfg Config) (*plan, error) {
	p, err := newPlan(rb, sheet, model, cfg)
	if err != nil {
		return nil, err
	}
	if err := p.compile(); err != nil {
		return nil, err
	}
	return p, nil
}

// newPlan scores the baseline and lists the uncertain cells; compile then
// builds the integer tables.
func newPlan(rb *rules.Rulebook, sheet scoring.Sheet, model Model, cfg Config) (*plan, error) {
	if err := model.checkRefs(rb, sheet); err != nil {
		return nil, err
	}
	base, err := scoring.Score(rb, sheet, scoring.WithoutTrace())
	if err != nil {
		return nil, err
	}
	p := &plan{rb: rb, base: sheet, stage: scenarioStage(rb), nodes: rb.Nodes(), n: len(base), seed: cfg.LotsSeed,
		tiers: rb.Awards(), conds: rb.Eligibility(), chain: rb.TieBreaks(), leaf: scoring.NewLeafScorer(rb)}
	for _, c := range base {
		p.members = append(p.members, c.Member)
	}
	// The uncertain cells and their values.
	cache := stepsCache{}
	uncertain := map[[2]string]bool{}
	var most map[[2]string]int // assessors per member and criterion, indexed once when first needed
	if len(base) > 0 {
		p.cells = make([]cell, 0, len(base)*len(base[0].Nodes))
		p.fns = make([]scoring.PointFunction, 0, cap(p.cells))
	}
	for m, c := range base {
		for i, ns := range c.Nodes {
			n := p.nodes[i]
			if n.IsGroup() || !ns.Assigned {
				continue
			}
			u := model.For(c.Member.ID, n.ID)
			set, ok, err := outcomes(u, n, ns.Raw, cache)
			if err != nil {
				return nil, memberError(c.Member.ID, n.ID, err.msg)
			}
			if !ok {
				continue
			}
			fn, err2 := p.leaf.Function(n.ID, ns.Target)
			if err2 != nil {
				return nil, err2
			}
			if fn.Depends == scoring.OnBallot {
				return nil, memberError(c.Member.ID, n.ID, lang.Msg("simulation.err.votes"))
			}
			// several assessors' points are aggregated: the same as
			// aggregating the values only when the points are the values
			if !fn.Identity() {
				if most == nil {
					most = assessors(sheet)
				}
			}
			if !fn.Identity() && most[[2]string{c.Member.ID, n.ID}] > 1 {
				return nil, memberError(c.Member.ID, n.ID, lang.Msg("simulation.err.assessors"))
			}
			cl := cell{m: m, node: i, set: set}
			p.fns = append(p.fns, fn)
			var sum uint64
			for _, w := range set.weights {
				sum += w
				cl.cum = append(cl.cum, sum)
			}
			cl.total = sum
			cl.uniform = sum == uint64(len(set.weights))
			p.cells = append(p.cells, cl)
			uncertain[[2]string{c.Member.ID, n.ID}] = true
		}
	}
	// How each cell is drawn (the same in the compiled and decimal engines).
	p.hot = make([]hotCell, len(p.cells))
	for ci, cl := range p.cells {
		if cl.uniform && cl.total <= 256 {
			p.hot[ci] = hotCell{tiny: true, n: uint32(cl.total), t8: uint32(256 % cl.total)}
		}
	}
	p.groupDraws()
	// What every scenario shares is the baseline with each modelled value
	// recorded once at the scenario stage: the same points for everything
	// that is not modelled, and no peer scores for what is (the scenario
	// replaces them).
	p.skeleton = base
	for m := range p.skeleton {
		c := &p.skeleton[m]
		c.Peers = slices.DeleteFunc(slices.Clone(c.Peers), func(ps scoring.PeerScore) bool {
			return uncertain[[2]string{c.Member.ID, ps.Criterion}]
		})
	}
	return p, nil
}

// assessors indexes the sheet once: for each member and criterion, the
// largest number of scores it has at one stage (more than one: several
// assessors' scores are aggregated).
func assessors(sh scoring.Sheet) map[[2]string]int {
	per := make(map[[3]string]int, len(sh.Scores))
	most := make(map[[2]string]int, len(sh.Scores)/2)
	for _, e := range sh.Scores {
		k := [3]string{e.Member, e.Criterion, e.Stage}
		per[k]++
		mc := [2]string{e.Member, e.Criterion}
		most[mc] = max(most[mc], per[k])
	}
	return most
}

// compile builds the integer tables, or explains (wrapping
// ErrNotCompilable) why the plan must be evaluated with the decimal engine.
func (p *plan) compile() error {
	cards := p.skeleton
	for ci, cl := range p.cells {
		if n := p.nodes[cl.node]; p.fns[ci].Depends == scoring.OnLeader {
			return fmt.Errorf("criterion %s is scored relative to the cluster's leader and has uncertain values: %w", n.ID, ErrNotCompilable)
		}
	}
	rb := p.rb
	rp := rb.Rounding()
	p.gRound, p.cRound, p.total, p.percent, p.quotient = rp.Group, rp.Criterion, rp.Total, rp.Percent, rb.Quotient()
	p.needPct = rb.RankBy() == rules.ByPercent
	for _, c := range p.conds {
		if c.MinPercent != nil {
			p.needPct = true
		}
	}
	for _, t := range p.chain {
		if t.Kind == rules.ByPercentage {
			p.needPct = true
		}
	}
	// Table entries: the engine's own per-criterion computation, except for
	// a direct criterion whose points are its value (weight 1, and any
	// criterion-level rounding already satisfied by the value's places),
	// where the table is the values themselves.
	for ci := range p.cells {
		cl := &p.cells[ci]
		n := p.nodes[cl.node]
		if p.fns[ci].Identity() && n.EffectiveWeight().Equal(decimal.NewFromInt(1)) &&
			(p.cRound == nil || p.cRound.Places >= cl.set.scale) {
			cl.direct = true
			continue
		}
		target := cards[cl.m].Nodes[cl.node].Target
		for k := range cl.set.vals {
			pts, _, err := p.leaf.Points(n.ID, cl.set.value(k), target)
			if err != nil {
				return err
			}
			cl.points = append(cl.points, pts)
		}
	}
	// The scale: enough places for every value that is summed.
	var places []int32
	add := func(d decimal.Decimal) { places = append(places, fixed.Places(d)) }
	p.weight = make([]int64, len(p.nodes))
	p.wPlaces = make([]int32, len(p.nodes))
	nodePlaces := make([]int32, len(p.nodes))
	contribs := make([][]decimal.Decimal, len(p.cells))
	for ci, cl := range p.cells {
		n := p.nodes[cl.node]
		if cl.direct {
			nodePlaces[cl.node] = max(nodePlaces[cl.node], cl.set.scale)
			continue
		}
		for _, pts := range cl.points {
			c := pts
			if w := n.EffectiveWeight(); !w.Equal(decimal.NewFromInt(1)) {
				c = c.Mul(w)
			}
			if p.cRound != nil {
				c = p.cRound.Round(c)
			}
			contribs[ci] = append(contribs[ci], c)
			nodePlaces[cl.node] = max(nodePlaces[cl.node], fixed.Places(c))
		}
	}
	for _, c := range cards {
		for i, ns := range c.Nodes {
			if !p.nodes[i].IsGroup() {
				nodePlaces[i] = max(nodePlaces[i], fixed.Places(ns.Value))
			}
		}
		add(c.Bonus.Total)
		add(c.Deductions.Total)
		add(c.Attainable)
	}
	for i := len(p.nodes) - 1; i >= 0; i-- {
		n := p.nodes[i]
		wp := fixed.Places(n.EffectiveWeight())
		p.wPlaces[i] = wp
		w, ok := fixed.ToInt(n.EffectiveWeight(), wp)
		if !ok {
			return fmt.Errorf("weight of %s: %w", n.ID, ErrNotCompilable)
		}
		p.weight[i] = w
		if n.IsGroup() {
			mx := int32(0)
			for _, k := range n.Kids {
				mx = max(mx, nodePlaces[k])
			}
			// the children's values are summed at scale g before the
			// group's weight and rounding apply
			places = append(places, mx)
			nodePlaces[i] = mx + wp
			if p.gRound != nil {
				nodePlaces[i] = min(nodePlaces[i], p.gRound.Places)
			}
		} else {
			places = append(places, nodePlaces[i])
		}
	}
	for _, r := range rb.Roots() {
		places = append(places, nodePlaces[r])
	}
	dp := rb.Deductions()
	if dp.Floor != nil {
		add(*dp.Floor)
	}
	for _, r := range []*rules.Rounding{p.gRound, p.total} {
		if r != nil {
			places = append(places, r.Places)
		}
	}
	for _, c := range p.conds {
		switch {
		case c.MinTotal != nil:
			add(*c.MinTotal)
		case c.GroupMin != nil:
			add(c.GroupMin.Min)
		case c.MaxDeductions != nil:
			add(*c.MaxDeductions)
		}
	}
	p.g = slices.Max(append(places, 0))
	if p.g > 12 {
		return fmt.Errorf("values need %d decimal places: %w", p.g, ErrNotCompilable)
	}
	p.pScale = p.quotient.Places
	if p.percent != nil {
		p.pScale = p.percent.Places
	}
	p.folded = p.gRound == nil
	return p.tables(cards, contribs)
}

func (p *plan) toG(d decimal.Decimal, what string) (int64, error) {
	v, ok := fixed.ToInt(d, p.g)
	if !ok {
		return 0, fmt.Errorf("%s (%s) at %d places: %w", what, d, p.g, ErrNotCompilable)
	}
	return v, nil
}

// tables converts the tables and constants to integers and proves the
// bounds.
func (p *plan) tables(cards []scoring.Scorecard, contribs [][]decimal.Decimal) error {
	nn := len(p.nodes)
	// fold[i]: what one unit of node i's value is worth in the total, as
	// the product of the weights of its ancestors (its own weight is in its
	// value already). In folded mode every value is exact at scale g.
	fold := make([]decimal.Decimal, nn)
	for i, n := range p.nodes {
		fold[i] = decimal.NewFromInt(1)
		for a := n.Parent; a >= 0; a = p.nodes[a].Parent {
			fold[i] = fold[i].Mul(p.nodes[a].EffectiveWeight())
		}
	}
	foldB := make([]*big.Int, nn) // an integer at least each fold factor
	for i := range foldB {
		foldB[i] = foldBound(fold[i])
	}
	bound := new(big.Int)
	addBound := func(v int64) {
		if v < 0 {
			v = -v
		}
		bound.Add(bound, big.NewInt(v))
	}
	isCell := map[[2]int]int{}
	for ci, cl := range p.cells {
		isCell[[2]int{cl.m, cl.node}] = ci
	}
	p.byMem = make([][2]int, p.n)
	for m := range p.n {
		p.byMem[m] = [2]int{-1, -1}
	}
	for ci := range p.cells {
		cl := &p.cells[ci]
		if p.byMem[cl.m][0] < 0 {
			p.byMem[cl.m][0] = ci
		}
		p.byMem[cl.m][1] = ci + 1
		if cl.direct {
			// the values themselves, rescaled; folded by an integer-valued
			// weight product when that is exact, else through decimals
			up := fixed.Pow10[p.g-cl.set.scale]
			fi, fok := fixed.ToInt(fold[cl.node], 0)
			for k, v := range cl.set.vals {
				cl.contrib = append(cl.contrib, v*up)
				if !p.folded {
					continue
				}
				if fok {
					cl.folded = append(cl.folded, v*up*fi)
					continue
				}
				f, err := p.toG(cl.set.value(k).Mul(fold[cl.node]), "folded value of "+p.nodes[cl.node].ID)
				if err != nil {
					return err
				}
				cl.folded = append(cl.folded, f)
			}
			continue
		}
		for _, c := range contribs[ci] {
			v, err := p.toG(c, "value of "+p.nodes[cl.node].ID)
			if err != nil {
				return err
			}
			cl.contrib = append(cl.contrib, v)
			if p.folded {
				f, err := p.toG(c.Mul(fold[cl.node]), "folded value of "+p.nodes[cl.node].ID)
				if err != nil {
					return err
				}
				cl.folded = append(cl.folded, f)
			}
		}
	}
	for m := range p.n {
		if p.byMem[m][0] < 0 {
			p.byMem[m] = [2]int{0, 0}
		}
	}
	p.fixedVal = make([][]int64, p.n)
	p.constTotal = make([]int64, p.n)
	p.bonus, p.ded, p.attain = make([]int64, p.n), make([]int64, p.n), make([]int64, p.n)
	maxMember := new(big.Int)
	for m, c := range cards {
		bound.SetInt64(0)
		p.fixedVal[m] = make([]int64, nn)
		var err error
		for i, ns := range c.Nodes {
			if p.nodes[i].IsGroup() || !ns.Assigned {
				continue
			}
			if ci, ok := isCell[[2]int{m, i}]; ok {
				mx := int64(0)
				for _, v := range p.cells[ci].contrib {
					mx = max(mx, v, -v)
				}
				bound.Add(bound, new(big.Int).Mul(big.NewInt(mx), foldB[i]))
				continue
			}
			if p.fixedVal[m][i], err = p.toG(ns.Value, "value of "+ns.ID); err != nil {
				return err
			}
			bound.Add(bound, new(big.Int).Mul(big.NewInt(abs(p.fixedVal[m][i])), foldB[i]))
			if p.folded {
				f, err := p.toG(ns.Value.Mul(fold[i]), "folded value of "+ns.ID)
				if err != nil {
					return err
				}
				p.constTotal[m] += f
			}
		}
		if p.bonus[m], err = p.toG(c.Bonus.Total, "bonus"); err != nil {
			return err
		}
		if p.ded[m], err = p.toG(c.Deductions.Total, "deductions"); err != nil {
			return err
		}
		if p.attain[m], err = p.toG(c.Attainable, "attainable maximum"); err != nil {
			return err
		}
		addBound(p.bonus[m])
		addBound(p.ded[m])
		p.constTotal[m] += p.bonus[m] - p.ded[m]
		if bound.Cmp(maxMember) > 0 {
			maxMember.Set(bound)
		}
	}
	if dp := p.rb.Deductions(); dp.Floor != nil {
		f, err := p.toG(*dp.Floor, "deduction floor")
		if err != nil {
			return err
		}
		p.floorVal = &f
		maxMember.Add(maxMember, big.NewInt(abs(f)))
	}
	// Bounds: every node value, sum and total is at most maxMember in
	// magnitude; a weighted sum before rescaling at most maxMember·10^wp·w;
	// a percentage numerator at most maxMember·100·10^shift.
	maxW := int64(1)
	for i := range p.nodes {
		maxW = max(maxW, p.weight[i])
	}
	worst := new(big.Int).Mul(maxMember, big.NewInt(maxW))
	if p.needPct {
		shift := int64(p.pScale) // ≥ shift used in percent(), since attain is at scale g
		worst = new(big.Int).Mul(maxMember, new(big.Int).Exp(big.NewInt(10), big.NewInt(shift+2), nil))
		w2 := new(big.Int).Mul(maxMember, big.NewInt(maxW))
		if w2.Cmp(worst) > 0 {
			worst = w2
		}
	}
	if !fixed.Fits(worst) {
		return fmt.Errorf("values up to %s at scale %d could overflow 64-bit integers: %w", worst, p.g, ErrNotCompilable)
	}
	return p.constants(cards)
}

// foldBound is an integer at least as large as the folding factor.
func foldBound(f decimal.Decimal) *big.Int {
	return f.Ceil().Abs().BigInt()
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// constants precomputes what does not change between scenarios: facts,
// votes, deductions, history, floors of fixed criteria, head-to-head.
func (p *plan) constants(cards []scoring.Scorecard) error {
	p.floorBit = make([]int, len(p.conds))
	bits := 0
	for j, c := range p.conds {
		p.floorBit[j] = -1
		if c.CriterionFloor != nil {
			if bits == 64 {
				return fmt.Errorf("more than 64 criterion floors: %w", ErrNotCompilable)
			}
			p.floorBit[j] = bits
			bits++
		}
	}
	p.floorConst = make([]uint64, p.n)
	within := make([]map[int]bool, len(p.conds))
	for j, c := range p.conds {
		if c.CriterionFloor != nil && c.CriterionFloor.Within != "" {
			within[j] = map[int]bool{}
			var mark func(i int)
			mark = func(i int) {
				within[j][i] = true
				for _, k := range p.nodes[i].Kids {
					mark(k)
				}
			}
			n, _ := p.rb.Node(c.CriterionFloor.Within)
			mark(n.Index)
		}
	}
	inFloor := func(j, node int) bool { return within[j] == nil || within[j][node] }
	isCell := map[[2]int]bool{}
	for ci := range p.cells {
		cl := &p.cells[ci]
		isCell[[2]int{cl.m, cl.node}] = true
		n := p.nodes[cl.node]
		cl.floorBad = make([]uint64, len(cl.set.vals))
		for j, c := range p.conds {
			b := p.floorBit[j]
			if b < 0 || !inFloor(j, cl.node) {
				continue
			}
			sh := c.CriterionFloor.Share
			if cl.direct {
				// points·den ≥ max·num, in integers at the cell's scale
				mx, _ := fixed.ToInt(n.Max, cl.set.scale)
				for k, v := range cl.set.vals {
					if !atLeast(v, mx, sh) {
						cl.floorBad[k] |= 1 << b
					}
				}
				continue
			}
			for k, pts := range cl.points {
				if !sh.AtLeast(pts, n.Max) {
					cl.floorBad[k] |= 1 << b
				}
			}
		}
	}
	for m, c := range cards {
		for i, ns := range c.Nodes {
			if ns.Group || !ns.Assigned || isCell[[2]int{m, i}] {
				continue
			}
			for j, cond := range p.conds {
				if b := p.floorBit[j]; b >= 0 && inFloor(j, i) && !cond.CriterionFloor.Share.AtLeast(ns.Points, ns.Max) {
					p.floorConst[m] |= 1 << b
				}
			}
		}
	}
	if err := p.thresholds(cards); err != nil {
		return err
	}
	p.flatten()
	p.compiled = true
	// the chain, the conditions and the tiers, and what they read that
	// scenarios do not change (votes, facts, history, peer scores)
	p.cl = standings.NewCluster(p.rb, p.base, cards, p.seed)
	return nil
}

// thresholds converts the conditions' thresholds and the points that
// group_min conditions read.
func (p *plan) thresholds(cards []scoring.Scorecard) error {
	nc := len(p.conds)
	p.minTotal, p.minPct, p.groupMin, p.maxDed, p.groupMinNode = make([]int64, nc), make([]int64, nc), make([]int64, nc), make([]int64, nc), make([]int, nc)
	leafPts := map[int]bool{} // leaves whose points a group_min reads
	for j, c := range p.conds {
		var err error
		switch {
		case c.MinTotal != nil:
			p.minTotal[j], err = ceilAt(*c.MinTotal, p.g)
		case c.MinPercent != nil:
			p.minPct[j], err = ceilAt(*c.MinPercent, p.pScale)
		case c.MaxDeductions != nil:
			p.maxDed[j], err = floorAt(*c.MaxDeductions, p.g)
		case c.GroupMin != nil:
			p.groupMin[j], err = ceilAt(c.GroupMin.Min, p.g)
			n, _ := p.rb.Node(c.GroupMin.Group)
			p.groupMinNode[j] = n.Index
			if !n.IsGroup() {
				leafPts[n.Index] = true
			}
		}
		if err != nil {
			return err
		}
	}
	p.fixedPts = make([][]int64, p.n)
	for m, c := range cards {
		p.fixedPts[m] = make([]int64, len(p.nodes))
		for i, ns := range c.Nodes {
			if !leafPts[i] || !ns.Assigned {
				continue
			}
			v, ok := fixed.ToInt(ns.Points, p.g)
			if !ok {
				return fmt.Errorf("points of %s (%s) at %d places: %w", ns.ID, ns.Points, p.g, ErrNotCompilable)
			}
			p.fixedPts[m][i] = v
		}
	}
	for ci := range p.cells {
		cl := &p.cells[ci]
		cl.pointsG = make([]int64, len(cl.set.vals))
		if !leafPts[cl.node] {
			continue
		}
		if cl.direct {
			copy(cl.pointsG, cl.contrib) // points = value = contribution
			continue
		}
		for k, pts := range cl.points {
			v, ok := fixed.ToInt(pts, p.g)
			if !ok {
				return fmt.Errorf("points of %s (%s) at %d places: %w", p.nodes[cl.node].ID, pts, p.g, ErrNotCompilable)
			}
			cl.pointsG[k] = v
		}
	}
	return nil
}

// ceilAt returns the smallest integer x with x/10^scale ≥ d, so that
// "value ≥ d" is "int ≥ x" for values at that scale.
func ceilAt(d decimal.Decimal, scale int32) (int64, error) {
	v, ok := fixed.ToInt(d.Shift(scale).Ceil(), 0)
	if !ok {
		return 0, fmt.Errorf("threshold %s: %w", d, ErrNotCompilable)
	}
	return v, nil
}

// floorAt returns the largest integer x with x/10^scale ≤ d, so that
// "value ≤ d" is "int ≤ x" for values at that scale.
func floorAt(d decimal.Decimal, scale int32) (int64, error) {
	v, ok := fixed.ToInt(d.Shift(scale).Floor(), 0)
	if !ok {
		return 0, fmt.Errorf("threshold %s: %w", d, ErrNotCompilable)
	}
	return v, nil
}

// atLeast reports whether v ≥ share × max for non-negative integers at one
// scale, exactly (128-bit products).
func atLeast(v, max int64, sh rules.Share) bool {
	if v < 0 || max < 0 {
		return rules.Share.AtLeast(sh, fixed.FromInt(v, 0), fixed.FromInt(max, 0))
	}
	h1, l1 := bits.Mul64(uint64(v), uint64(sh.Den))
	h2, l2 := bits.Mul64(uint64(max), uint64(sh.Num))
	return h1 > h2 || (h1 == h2 && l1 >= l2)
}

// flatten packs the tables for the scenario loop and prepares the
// constant divisions and the linear forms of the nodes that tie-breaks and
// conditions read.
func (p *plan) flatten() {
	p.roots = p.rb.Roots()
	p.tbl, p.badTbl = p.tbl[:0], p.badTbl[:0]
	for _, c := range p.conds {
		if c.CriterionFloor != nil {
			p.floors = true
		}
	}
	for ci := range p.cells {
		cl := &p.cells[ci]
		p.hot[ci].off = int32(len(p.tbl))
		if p.folded {
			p.tbl = append(p.tbl, cl.folded...)
		} else {
			p.tbl = append(p.tbl, make([]int64, len(cl.set.vals))...)
		}
		p.badTbl = append(p.badTbl, cl.floorBad...)
	}
	if p.needPct {
		p.pctDiv = make([]fixed.Divider, p.n)
		for m := range p.n {
			p.pctDiv[m] = fixed.NewDivider(p.attain[m])
		}
	}
	if !p.folded {
		return
	}
	p.stbl = p.stepTable(p.tbl)
	if p.floors {
		// floor bits OR together rather than add: build them draw by draw
		ks := make([]int32, len(p.cells))
		p.sbad = p.sbad[:0]
		for i := range p.steps {
			st := &p.steps[i]
			if !st.tiny {
				ci := st.first
				p.sbad = append(p.sbad, p.cells[ci].floorBad...)
				continue
			}
			for k := range st.n {
				st.split(p, k, ks)
				var b uint64
				for j := st.first; j < st.first+st.count; j++ {
					b |= p.badTbl[int(p.hot[j].off)+int(ks[j])]
				}
				p.sbad = append(p.sbad, b)
			}
		}
	}
	off := 0
	for i := range p.steps {
		p.steps[i].off = int32(off)
		if p.steps[i].tiny {
			off += int(p.steps[i].n)
		} else {
			off += len(p.cells[p.steps[i].first].set.vals)
		}
	}
	p.linear = map[int]*linear{}
	for _, tb := range p.chain {
		if tb.Kind == rules.ByGroup || tb.Kind == rules.ByCriterion {
			n, _ := p.rb.Node(tb.Ref)
			p.linear[n.Index] = p.linearFor(n.Index, true)
		}
	}
	for j, c := range p.conds {
		if c.GroupMin != nil && p.nodes[p.groupMinNode[j]].IsGroup() {
			p.linear[^p.groupMinNode[j]] = p.linearFor(p.groupMinNode[j], false) // key ^i: points, not value
		}
	}
}

// linearFor builds node x's value (withOwnWeight) or points (the sum of
// its children's values) as constants plus table entries. In a folded plan
// no group rounds, so a group's value is its leaves' values times the
// weights between them and the group.
func (p *plan) linearFor(x int, withOwnWeight bool) *linear {
	l := &linear{cst: make([]int64, p.n), tbl: make([]int64, len(p.tbl))}
	under := func(leaf int) (int64, bool) { // weight product from leaf's parent up to x, scaled
		if leaf == x {
			return 1, true
		}
		f := decimal.NewFromInt(1)
		for a := p.nodes[leaf].Parent; a >= 0; a = p.nodes[a].Parent {
			if a == x {
				if withOwnWeight {
					f = f.Mul(p.nodes[a].EffectiveWeight())
				}
				v, ok := fixed.ToInt(f, 0)
				if !ok {
					return 0, false
				}
				return v, true
			}
			f = f.Mul(p.nodes[a].EffectiveWeight())
		}
		return 0, false
	}
	exact := true
	for m := range p.n {
		for i, v := range p.fixedVal[m] {
			if p.nodes[i].IsGroup() {
				continue
			}
			if f, ok := under(i); ok {
				l.cst[m] += v * f
			} else if p.isUnder(i, x) {
				exact = false
			}
		}
	}
	for ci, cl := range p.cells {
		f, ok := under(cl.node)
		if !ok {
			if p.isUnder(cl.node, x) {
				exact = false
			}
			continue
		}
		off := p.hot[ci].off
		for k, v := range cl.contrib {
			l.tbl[int(off)+k] = v * f
		}
		// the fixed value of a modelled leaf is not part of the constant
		l.cst[cl.m] -= p.fixedVal[cl.m][cl.node] * f
	}
	if !exact {
		return nil // a weight product that is not a whole number: walk the tree instead
	}
	l.stbl = p.stepTable(l.tbl)
	return l
}

func (p *plan) isUnder(leaf, x int) bool {
	for a := leaf; a >= 0; a = p.nodes[a].Parent {
		if a == x {
			return true
		}
	}
	return false
}
