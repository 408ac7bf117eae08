package simulation

import (
	"errors"
	"fmt"
	"math"
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
	c       *compiler // the rulebook's and the model's compiled parts, shared
	rb      *rules.Rulebook
	base    scoring.Sheet // the baseline sheet, signed criteria's counts netted (scoring.NetSigned)
	hash    string        // the content hash of the sheet as given
	stage   string        // stage scenario values are recorded at
	members []scoring.Member
	nodes   []rules.Node
	n       int
	g       int32 // scale of every point value
	pScale  int32 // scale of percentages

	skeleton []scoring.Scorecard // the baseline with modelled values at the scenario stage
	compiled bool

	cells  []cell   // uncertain (member, criterion) pairs, by member then node
	cellAt []int32  // per member × node: index in cells, or -1
	byMem  [][2]int // per member: cells[lo:hi]
	folded bool     // no group-level rounding: a total is a sum of table entries

	// per member constants
	constTotal []int64   // folded total of the fixed criteria + bonus − deductions (folded mode)
	fixedVal   [][]int64 // per member per node: value of fixed leaves (scale g)
	bonus      []int64
	ded        []int64
	gItems     [][]groupAdj // per member: its group-owned items' net points (see groupItems)
	attain     []int64      // attainable maximum at scale g
	floorConst []uint64     // per member: floor conditions failed by fixed criteria

	// per node
	weight  []int64 // weight × 10^wPlaces
	wPlaces []int32
	gRound  *rules.Rounding
	cRound  *rules.Rounding
	leafPts []bool // leaves whose points a group_min reads

	conds    []rules.Condition
	floorBit []int // per condition: bit index if criterion_floor, else -1
	chain    []rules.TieBreak
	tiers    []rules.AwardTier
	grades   []rules.Grade // the grading bands (xếp loại), highest first
	floorVal *int64        // deduction floor at scale g
	total    *rules.Rounding
	percent  *rules.Rounding
	quotient rules.Rounding
	needPct  bool
	seed     *uint64

	// cl is the rulebook's chain, conditions and tiers for these members,
	// which the scenario loop runs with the shared standings algorithm
	// (the same code package ranking runs on decimals).
	cl *standings.Cluster

	fixedPts [][]int64 // per member per node: points of fixed leaves read by a group_min (scale g), or nil

	// flat tables for the hot loop
	steps        []step
	stepsByMem   [][2]int
	stbl         []stepEntry // per step and draw: the sum of its cells' folded values, and their floor bits
	hot          []hotCell
	floors       bool // the rulebook has criterion floors
	pctDiv       []fixed.Divider
	linear       map[int]*linear // per node: its value or points as a sum of table entries (folded plans)
	roots        []int
	minTotal     []int64 // per condition, scale g: total ≥ minTotal (min_total)
	maxTotal     []int64 // per condition, scale g: total ≤ maxTotal (max_total)
	minPct       []int64 // per condition, scale pScale: percent ≥ minPct (min_percent; max_percent: percent < minPct)
	groupMin     []int64 // per condition, scale g
	maxDed       []int64 // per condition, scale g
	groupMinNode []int   // per condition: node index
	// pctAt[j][m] is the least total (scale g) whose percentage meets
	// min_percent condition j for member m: the percentage is a monotone
	// function of the total, so the condition is one integer comparison.
	pctAt [][]int64
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
	p.steps = make([]step, 0, len(p.cells))
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

// fillStep writes at out[at:] the entries of step i — for every draw of
// the step, the sum (add) of its cells' entries val(ci)[outcome], in
// split's mixed radix, the first cell most significant — and returns how
// many it wrote. The entries are built cell by cell, each pass expanding
// every entry so far into one per outcome of the next cell, in place from
// the end.
func fillStep[T any](p *plan, out []T, at, i int, val func(ci int) []T, add func(a, b T) T) int {
	st := &p.steps[i]
	first := int(st.first)
	n := copy(out[at:], val(first))
	for ci := first + 1; ci < first+int(st.count); ci++ {
		t := val(ci)
		nt := len(t)
		for x := n - 1; x >= 0; x-- {
			base, dst := out[at+x], out[at+x*nt:at+(x+1)*nt]
			for d, v := range t {
				dst[d] = add(base, v)
			}
		}
		n *= nt
	}
	return n
}

// stepEntry is what one draw of a step adds to its member: the sum of its
// cells' contributions to the total and the floor conditions they fail.
// The two are side by side so that the scenario loop reads one cache line
// per draw.
type stepEntry struct {
	v   int64
	bad uint64
}

func addEntries(a, b stepEntry) stepEntry { return stepEntry{a.v + b.v, a.bad | b.bad} }

func addInts(a, b int64) int64 { return a + b }

// draws is the number of draws of step i: its entries in a step table.
func (p *plan) draws(i int) int {
	if st := &p.steps[i]; st.tiny {
		return int(st.n)
	}
	return len(p.cells[p.steps[i].first].set.vals)
}

// stepTable is fillStep for every step, in order (entries of step i from
// p.steps[i].off), in buf if it is large enough.
func stepTable[T any](p *plan, buf []T, val func(ci int) []T, add func(a, b T) T) []T {
	size := 0
	for i := range p.steps {
		size += p.draws(i)
	}
	out := grow(buf, size)
	at := 0
	for i := range p.steps {
		at += fillStep(p, out, at, i, val, add)
	}
	return out
}

// grow returns buf resliced to n entries if its capacity allows, else a
// new slice; the entries are left as they were.
func grow[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]T, n)
}

// hotCell is what the scenario loop needs of a cell, packed.
type hotCell struct {
	n    uint32 // number of outcomes (tiny cells)
	t8   uint32 // 256 mod n: the rejection threshold of an 8-bit draw
	tiny bool   // uniform, at most 256 outcomes: drawn from 8 bits
}

// linear expresses a node's value (or points) for a member as a constant
// plus one table entry per step that has a modelled cell under the node,
// in folded plans. Those steps are a run of each member's steps, since a
// node's leaves are consecutive.
type linear struct {
	cst  []int64    // per member
	rng  [][2]int32 // per member: its steps with a cell under the node
	off  []int32    // per step in a member's run: its first entry in stbl
	stbl []int64
}

// cell is one uncertain (member, criterion): its class (outcomes, point
// function) and the class's tables at the plan's scale.
type cell struct {
	m, node int
	*class
	*tables
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
	return newCompiler(rb, model).plan(sheet, cfg)
}

// plan scores the baseline of sheet and lists its uncertain cells.
func (c *compiler) plan(sheet scoring.Sheet, cfg Config) (*plan, error) {
	rb, model := c.rb, c.model
	hash := sheet.Hash()
	// A signed criterion's input is its net points: its counts (achievements
	// and failures) become one value, which the model varies.
	sheet = scoring.NetSigned(rb, sheet)
	if err := model.checkRefs(rb, sheet); err != nil {
		return nil, err
	}
	base, err := scoring.Score(rb, sheet, scoring.WithoutTrace())
	if err != nil {
		return nil, err
	}
	nn := len(c.nodes)
	p := &plan{c: c, rb: rb, base: sheet, hash: hash, stage: scenarioStage(rb), nodes: c.nodes, n: len(base), seed: cfg.LotsSeed,
		tiers: rb.Awards(), grades: rb.Grades(), conds: c.conds, chain: rb.TieBreaks()}
	p.members = make([]scoring.Member, len(base))
	for m, card := range base {
		p.members[m] = card.Member
	}
	// The uncertain cells and their values.
	p.cellAt = make([]int32, p.n*nn)
	var most func(m, i int) int // assessors per member and criterion, indexed once when first needed
	if len(base) > 0 {
		p.cells = make([]cell, 0, len(base)*len(base[0].Nodes))
	}
	for m := range base {
		card := &base[m]
		var own map[string]Uncertainty
		if model.Members != nil {
			own = model.Members[card.Member.ID]
		}
		for i := range card.Nodes {
			ns := &card.Nodes[i]
			p.cellAt[m*nn+i] = -1
			if c.nodes[i].IsGroup() || !ns.Assigned {
				continue
			}
			cl, err := c.classFor(card.Member.ID, own, i, ns)
			if err != nil {
				return nil, err
			}
			if cl == nil {
				continue
			}
			if cl.fn.Depends == scoring.OnBallot {
				return nil, memberError(card.Member.ID, c.nodes[i].ID, lang.Msg("simulation.err.votes"))
			}
			// several assessors' points are aggregated: the same as
			// aggregating the values only when the points are the values
			if !cl.identity {
				if most == nil {
					most = p.assessors(sheet)
				}
				if most(m, i) > 1 {
					return nil, memberError(card.Member.ID, c.nodes[i].ID, lang.Msg("simulation.err.assessors"))
				}
			}
			p.cellAt[m*nn+i] = int32(len(p.cells))
			p.cells = append(p.cells, cell{m: m, node: i, class: cl})
		}
	}
	// How each cell is drawn (the same in the compiled and decimal engines).
	p.hot = make([]hotCell, len(p.cells))
	for ci := range p.cells {
		if cl := p.cells[ci].class; cl.uniform && cl.total <= 256 {
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
		card := &p.skeleton[m]
		if len(card.Peers) == 0 {
			continue
		}
		card.Peers = slices.DeleteFunc(slices.Clone(card.Peers), func(ps scoring.PeerScore) bool {
			i, ok := c.byID[ps.Criterion]
			return ok && p.cellAt[m*nn+i] >= 0
		})
	}
	return p, nil
}

// assessors indexes the sheet once: for each member and criterion (by
// index, members in the scorecards' order), the largest number of scores
// it has at one stage (more than one: several assessors' scores are
// aggregated).
func (p *plan) assessors(sh scoring.Sheet) func(m, i int) int {
	nn := len(p.nodes)
	stages := p.rb.Assessment().Stages
	ns := len(stages) + 1 // the last: a stage the rulebook does not have
	mIdx := make(map[string]int, p.n)
	for m, mem := range p.members {
		mIdx[mem.ID] = m
	}
	count := make([]int32, p.n*nn*ns)
	last, m := "", -1
	for _, e := range sh.Scores {
		if e.Member != last || m < 0 {
			last = e.Member
			var ok bool
			if m, ok = mIdx[e.Member]; !ok {
				m = -1
				continue
			}
		}
		i, ok := p.c.byID[e.Criterion]
		if !ok {
			continue
		}
		s := 0
		for s < len(stages) && stages[s].ID != e.Stage {
			s++
		}
		count[(m*nn+i)*ns+s]++
	}
	return func(m, i int) int {
		return int(slices.Max(count[(m*nn+i)*ns : (m*nn+i+1)*ns]))
	}
}

// compile builds the integer tables, or explains (wrapping
// ErrNotCompilable) why the plan must be evaluated with the decimal engine.
func (p *plan) compile() error {
	c := p.c
	cards := p.skeleton
	for ci := range p.cells {
		if cl := p.cells[ci].class; cl.fn.Depends == scoring.OnLeader {
			return fmt.Errorf("criterion %s is scored relative to the cluster's leader and has uncertain values: %w", c.nodes[cl.node].ID, ErrNotCompilable)
		}
	}
	rb := p.rb
	rp := rb.Rounding()
	p.gRound, p.cRound, p.total, p.percent, p.quotient = rp.Group, rp.Criterion, rp.Total, rp.Percent, rb.Quotient()
	p.needPct = rb.RankBy() == rules.ByPercent
	for _, c := range p.conds {
		if c.MinPercent != nil || c.MaxPercent != nil {
			p.needPct = true
		}
	}
	for _, t := range p.chain {
		if c := standings.Compare(t); c.Numeric && c.Quantity == standings.Percent {
			p.needPct = true
		}
	}
	// Each class's points and contributions (once per class, and per
	// compiler: the cells of other sheets with the same values share them).
	for ci := range p.cells {
		if err := c.prepare(p.cells[ci].class, p.cRound); err != nil {
			return err
		}
	}
	// The scale: enough places for every value that is summed.
	var places []int32
	add := func(d decimal.Decimal) { places = append(places, fixed.Places(d)) }
	p.weight, p.wPlaces = c.weight, c.wPlaces
	nodePlaces := make([]int32, len(p.nodes))
	for ci := range p.cells {
		cl := p.cells[ci].class
		nodePlaces[cl.node] = max(nodePlaces[cl.node], cl.places)
	}
	itemPl := make([]int32, len(p.nodes)) // per group: places of its items' points
	for _, card := range cards {
		for i := range card.Nodes {
			if !p.nodes[i].IsGroup() {
				nodePlaces[i] = max(nodePlaces[i], fixed.Places(card.Nodes[i].Value))
			} else {
				itemPl[i] = max(itemPl[i], fixed.Places(card.Nodes[i].Items))
			}
		}
		add(card.Bonus.Total)
		add(card.Deductions.Total)
		add(card.Attainable)
	}
	for i := len(p.nodes) - 1; i >= 0; i-- {
		n := &p.nodes[i]
		if err := c.weightErr[i]; err != nil {
			return err
		}
		wp := p.wPlaces[i]
		if n.IsGroup() {
			mx := itemPl[i] // the group's items are summed with its children
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
	p.roots = rb.Roots()
	for _, r := range p.roots {
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
	p.leafPts = make([]bool, len(p.nodes))
	for _, c := range p.conds {
		switch {
		case c.MinTotal != nil:
			add(*c.MinTotal)
		case c.MaxTotal != nil:
			add(*c.MaxTotal)
		case c.GroupMin != nil:
			add(c.GroupMin.Min)
			if i, ok := p.c.byID[c.GroupMin.Group]; ok && !p.nodes[i].IsGroup() {
				p.leafPts[i] = true
			}
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
	return p.tables(cards)
}

func (p *plan) toG(d decimal.Decimal, what string) (int64, error) {
	v, ok := fixed.ToInt(d, p.g)
	if !ok {
		return 0, fmt.Errorf("%s (%s) at %d places: %w", what, d, p.g, ErrNotCompilable)
	}
	return v, nil
}

// tables converts the tables and constants to integers and proves the
// bounds: every intermediate value of a scenario fits in an int64.
func (p *plan) tables(cards []scoring.Scorecard) error {
	c := p.c
	nn := len(p.nodes)
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
		t, err := p.tablesAt(cl.class)
		if err != nil {
			return err
		}
		cl.tables = t
	}
	for m := range p.n {
		if p.byMem[m][0] < 0 {
			p.byMem[m] = [2]int{0, 0}
		}
	}
	// Bounds, in saturating unsigned arithmetic (a saturated bound fails
	// the proof, as the exact one would): a member's total is at most the
	// sum of its values' magnitudes times an integer bound of their folding
	// factors, plus its bonus and deductions.
	p.fixedVal = make([][]int64, p.n)
	fixedVal := make([]int64, p.n*nn)
	p.constTotal = make([]int64, p.n)
	p.bonus, p.ded, p.attain = make([]int64, p.n), make([]int64, p.n), make([]int64, p.n)
	p.gItems = make([][]groupAdj, p.n)
	var maxMember uint64
	for m := range cards {
		card := &cards[m]
		var bound uint64
		p.fixedVal[m] = fixedVal[m*nn : (m+1)*nn : (m+1)*nn]
		var err error
		for i := range card.Nodes {
			ns := &card.Nodes[i]
			if p.nodes[i].IsGroup() || !ns.Assigned {
				continue
			}
			if ci := p.cellAt[m*nn+i]; ci >= 0 {
				bound = satAdd(bound, satMul(p.cells[ci].maxAbs, c.foldB[i]))
				continue
			}
			v, err := p.toG(ns.Value, "value of "+ns.ID)
			if err != nil {
				return err
			}
			p.fixedVal[m][i] = v
			bound = satAdd(bound, satMul(uabs(v), c.foldB[i]))
			if p.folded {
				f, ok := int64(0), false
				if c.foldOK[i] {
					f, ok = fixed.MulInt(v, c.foldInt[i])
				}
				if !ok {
					if f, err = p.toG(ns.Value.Mul(c.fold[i]), "folded value of "+ns.ID); err != nil {
						return err
					}
				}
				p.constTotal[m] += f
			}
		}
		if p.bonus[m], err = p.toG(card.Bonus.Total, "bonus"); err != nil {
			return err
		}
		if p.ded[m], err = p.toG(card.Deductions.Total, "deductions"); err != nil {
			return err
		}
		if p.attain[m], err = p.toG(card.Attainable, "attainable maximum"); err != nil {
			return err
		}
		bound = satAdd(bound, satAdd(uabs(p.bonus[m]), uabs(p.ded[m])))
		ib, err := p.groupItems(m, card)
		if err != nil {
			return err
		}
		bound = satAdd(bound, ib)
		p.constTotal[m] += p.bonus[m] - p.ded[m]
		maxMember = max(maxMember, bound)
	}
	if dp := p.rb.Deductions(); dp.Floor != nil {
		f, err := p.toG(*dp.Floor, "deduction floor")
		if err != nil {
			return err
		}
		p.floorVal = &f
		maxMember = satAdd(maxMember, uabs(f))
	}
	// Every node value, sum and total is at most maxMember in magnitude;
	// a weighted sum before rescaling at most maxMember·10^wp·w; a
	// percentage numerator at most maxMember·100·10^shift.
	maxW := uint64(1)
	for i := range p.nodes {
		maxW = max(maxW, uabs(p.weight[i]))
	}
	worst := satMul(maxMember, maxW)
	if p.needPct {
		shift := int(p.pScale) + 2 // ≥ the shift used in percent(), since attain is at scale g
		pct := maxMember
		for range shift {
			pct = satMul(pct, 10)
		}
		worst = max(worst, pct)
	}
	if worst > math.MaxInt64/2 {
		v := fmt.Sprint(worst)
		if worst == math.MaxUint64 {
			v = "2^64 or more"
		}
		return fmt.Errorf("values up to %s at scale %d could overflow 64-bit integers: %w", v, p.g, ErrNotCompilable)
	}
	return p.constants(cards)
}

// constants precomputes what does not change between scenarios: facts,
// votes, deductions, history, floors of fixed criteria, head-to-head.
func (p *plan) constants(cards []scoring.Scorecard) error {
	c := p.c
	p.floorBit = make([]int, len(p.conds))
	nbits := 0
	for j, c := range p.conds {
		p.floorBit[j] = -1
		if c.CriterionFloor != nil {
			if nbits == 64 {
				return fmt.Errorf("more than 64 criterion floors: %w", ErrNotCompilable)
			}
			p.floorBit[j] = nbits
			nbits++
		}
	}
	p.floors = nbits > 0
	p.floorConst = make([]uint64, p.n)
	for ci := range p.cells {
		p.floorBits(p.cells[ci].class)
	}
	if p.floors {
		nn := len(p.nodes)
		for m := range cards {
			for i := range cards[m].Nodes {
				ns := &cards[m].Nodes[i]
				if ns.Group || !ns.Assigned || p.cellAt[m*nn+i] >= 0 {
					continue
				}
				for j, cond := range p.conds {
					if b := p.floorBit[j]; b >= 0 && c.inFloor(j, i) && !shareMeets(cond.CriterionFloor.Share, cond.Strict, ns.Points, ns.Max) {
						p.floorConst[m] |= 1 << b
					}
				}
			}
		}
	}
	if err := p.thresholds(cards); err != nil {
		return err
	}
	p.flatten()
	p.percentThresholds()
	p.compiled = true
	// the chain, the conditions and the tiers, and what they read that
	// scenarios do not change (votes, facts, history, peer scores)
	p.cl = standings.NewCluster(p.rb, p.base, cards, p.seed)
	return nil
}

// shareMeets is rules.MeetsShare(sh, strict, v, of), in integers when
// both fit at one scale.
func shareMeets(sh rules.Share, strict bool, v, of decimal.Decimal) bool {
	s := max(fixed.Places(v), fixed.Places(of))
	a, ok1 := fixed.ToInt(v, s)
	b, ok2 := fixed.ToInt(of, s)
	if ok1 && ok2 && a >= 0 && b >= 0 {
		return meets(a, b, sh, strict)
	}
	return rules.MeetsShare(sh, strict, v, of)
}

// thresholds converts the conditions' thresholds and the points that
// group_min conditions read.
func (p *plan) thresholds(cards []scoring.Scorecard) error {
	nc := len(p.conds)
	p.minTotal, p.maxTotal, p.minPct, p.groupMin, p.maxDed, p.groupMinNode = make([]int64, nc), make([]int64, nc), make([]int64, nc), make([]int64, nc), make([]int64, nc), make([]int, nc)
	for j, c := range p.conds {
		var err error
		switch {
		case c.MinTotal != nil:
			p.minTotal[j], err = lowerAt(*c.MinTotal, p.g, c.Strict)
		case c.MaxTotal != nil:
			p.maxTotal[j], err = upperAt(*c.MaxTotal, p.g, c.Strict)
		case c.MinPercent != nil:
			p.minPct[j], err = lowerAt(*c.MinPercent, p.pScale, c.Strict)
		case c.MaxPercent != nil:
			// percent ≤ u is percent < u + 1 (in units of the scale): the
			// least total reaching u + 1 bounds the totals from above
			p.minPct[j], err = upperAt(*c.MaxPercent, p.pScale, c.Strict)
			p.minPct[j]++
		case c.MaxDeductions != nil:
			p.maxDed[j], err = upperAt(*c.MaxDeductions, p.g, c.Strict)
		case c.GroupMin != nil:
			p.groupMin[j], err = lowerAt(c.GroupMin.Min, p.g, c.Strict)
			p.groupMinNode[j] = p.c.byID[c.GroupMin.Group]
		}
		if err != nil {
			return err
		}
	}
	if !slices.Contains(p.leafPts, true) {
		return nil
	}
	nn := len(p.nodes)
	p.fixedPts = make([][]int64, p.n)
	pts := make([]int64, p.n*nn)
	for m := range cards {
		p.fixedPts[m] = pts[m*nn : (m+1)*nn : (m+1)*nn]
		for i := range cards[m].Nodes {
			ns := &cards[m].Nodes[i]
			if !p.leafPts[i] || !ns.Assigned {
				continue
			}
			v, ok := fixed.ToInt(ns.Points, p.g)
			if !ok {
				return fmt.Errorf("points of %s (%s) at %d places: %w", ns.ID, ns.Points, p.g, ErrNotCompilable)
			}
			p.fixedPts[m][i] = v
		}
	}
	return nil
}

// percentThresholds fills pctAt: for each min_percent condition and
// member, the least total whose percentage (as state.percent computes it)
// meets the threshold, found by bisection on that exact function. Every
// rounding mode is monotone, so the percentage never decreases as the
// total grows: "percentage ≥ min" is "total ≥ pctAt". The search covers
// every total whose percentage numerator fits in an int64, which the
// bounds proved in tables include.
func (p *plan) percentThresholds() {
	if p.pctDiv == nil {
		return
	}
	q := p.quotient
	if r := p.percent; r != nil {
		q = *r
	}
	mul := 100 * fixed.Pow10[q.Places]
	mode := fixed.ModeOf(q.Mode)
	lim := int64(math.MaxInt64 / mul)
	p.pctAt = make([][]int64, len(p.conds))
	for j, c := range p.conds {
		if c.MinPercent == nil && c.MaxPercent == nil {
			continue
		}
		at := make([]int64, p.n)
		for m := range p.n {
			d := p.pctDiv[m]
			meets := func(t int64) bool { return d.Div(t*mul, mode) >= p.minPct[j] }
			lo, hi := -lim, lim+1 // the answer is in [lo, hi]; lim+1: never
			for lo < hi {
				mid := lo + (hi-lo)/2
				if meets(mid) {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			at[m] = hi
		}
		p.pctAt[j] = at
	}
}

// lowerAt returns the least integer x such that, for values v at that
// scale, "v ≥ d" (or "v > d" if strict) is "int ≥ x".
func lowerAt(d decimal.Decimal, scale int32, strict bool) (int64, error) {
	if !strict {
		return ceilAt(d, scale)
	}
	x, err := floorAt(d, scale)
	return x + 1, err
}

// upperAt returns the greatest integer x such that, for values v at that
// scale, "v ≤ d" (or "v < d" if strict) is "int ≤ x".
func upperAt(d decimal.Decimal, scale int32, strict bool) (int64, error) {
	if !strict {
		return floorAt(d, scale)
	}
	x, err := ceilAt(d, scale)
	return x - 1, err
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

// meets reports whether v ≥ share × max (v > share × max if strict) for
// integers at one scale, exactly (128-bit products).
func meets(v, max int64, sh rules.Share, strict bool) bool {
	if v < 0 || max < 0 {
		return rules.MeetsShare(sh, strict, fixed.FromInt(v, 0), fixed.FromInt(max, 0))
	}
	h1, l1 := bits.Mul64(uint64(v), uint64(sh.Den))
	h2, l2 := bits.Mul64(uint64(max), uint64(sh.Num))
	if strict {
		return h1 > h2 || (h1 == h2 && l1 > l2)
	}
	return h1 > h2 || (h1 == h2 && l1 >= l2)
}

// flatten packs the tables for the scenario loop and prepares the
// constant divisions and the linear forms of the nodes that tie-breaks and
// conditions read.
func (p *plan) flatten() {
	if p.needPct {
		p.pctDiv = make([]fixed.Divider, p.n)
		for m := range p.n {
			p.pctDiv[m] = fixed.NewDivider(p.attain[m])
		}
	}
	if !p.folded {
		return
	}
	// each cell's folded values with its floor bits, for the step tables
	entries := make([]stepEntry, 0, len(p.cells)*2)
	cellEntries := func(ci int) []stepEntry {
		cl := &p.cells[ci]
		entries = entries[:0]
		for k, v := range cl.folded {
			entries = append(entries, stepEntry{v, cl.floorBad[k]})
		}
		return entries
	}
	p.stbl = stepTable(p, p.c.spare.takeStbl(), cellEntries, addEntries)
	off := 0
	for i := range p.steps {
		p.steps[i].off = int32(off)
		off += p.draws(i)
	}
	p.linear = map[int]*linear{}
	for _, tb := range p.chain {
		if c := standings.Compare(tb); c.Numeric && c.Quantity == standings.Value {
			x := p.c.byID[tb.Ref]
			p.linear[x] = p.linearFor(x, true)
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
// weights between them and the group; nil if such a weight product is not
// a whole number (the tree is walked instead).
func (p *plan) linearFor(x int, withOwnWeight bool) *linear {
	lf := p.c.linearFor(x, withOwnWeight)
	if !lf.exact {
		return nil
	}
	l := &linear{cst: make([]int64, p.n), rng: make([][2]int32, p.n), off: make([]int32, len(p.steps))}
	var under []int // the leaves under x
	for i, f := range lf.f {
		if f != 0 {
			under = append(under, i)
		}
	}
	size := 0
	for m := range p.n {
		vals := p.fixedVal[m]
		cst, ok := p.linearItems(m, x, withOwnWeight)
		if !ok {
			return nil
		}
		for _, i := range under {
			cst += vals[i] * lf.f[i] // a modelled leaf's fixed value is 0
		}
		l.cst[m] = cst
		lo, hi := p.stepsByMem[m][0], p.stepsByMem[m][1]
		r := [2]int32{int32(hi), int32(hi)}
		for si := lo; si < hi; si++ {
			st := &p.steps[si]
			for ci := int(st.first); ci < int(st.first+st.count); ci++ {
				if lf.f[p.cells[ci].node] != 0 {
					r[0], r[1] = min(r[0], int32(si)), int32(si)+1
				}
			}
		}
		if r[0] == int32(hi) {
			r = [2]int32{0, 0}
		}
		l.rng[m] = r
		for si := r[0]; si < r[1]; si++ {
			l.off[si] = int32(size)
			size += p.draws(int(si))
		}
	}
	// each cell's values times its factor (zero for a cell not under x)
	var zero []int64
	scaled := func(ci int) []int64 {
		cl := &p.cells[ci]
		switch f := lf.f[cl.node]; f {
		case 1:
			return cl.contrib
		case 0:
			if len(zero) < len(cl.contrib) {
				zero = make([]int64, len(cl.contrib))
			}
			return zero[:len(cl.contrib)]
		default:
			s := make([]int64, len(cl.contrib))
			for k, v := range cl.contrib {
				s[k] = v * f
			}
			return s
		}
	}
	l.stbl = grow(p.c.spare.take(), size)
	for m := range p.n {
		for si := l.rng[m][0]; si < l.rng[m][1]; si++ {
			fillStep(p, l.stbl, int(l.off[si]), int(si), scaled, addInts)
		}
	}
	return l
}
