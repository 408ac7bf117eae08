package scoring

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

var (
	one     = decimal.NewFromInt(1)
	two     = decimal.NewFromInt(2)
	hundred = decimal.NewFromInt(100)
)

// Score validates the sheet against the rulebook and returns every member's
// scorecard, sorted by member id. If the sheet has problems, it returns
// InputErrors listing all of them and no scorecards.
func Score(rb *rules.Rulebook, sh Sheet, opts ...Option) ([]Scorecard, error) {
	// index keeps what scoring reads of the rows, and sh is not read
	// again: a caller that keeps no other reference to a large sheet's
	// rows lets them be freed while the members are scored.
	in, err := index(rb, sh, true)
	if err != nil {
		return nil, err
	}
	s := newScorer(in)
	s.quiet = options(opts).quiet
	cards := s.run()
	if s.quiet {
		for i := range cards {
			cards[i].Trace = nil
		}
	}
	return cards, nil
}

// Check validates the sheet against the rulebook as Score does, without
// scoring it: it returns the InputErrors Score would return for the sheet,
// or nil if Score would score it. It costs a fraction of Score, for callers
// that check a sheet before scoring it (or instead).
func Check(rb *rules.Rulebook, sh Sheet) error {
	if _, err := index(rb, sh, false); err != nil {
		return err
	}
	return nil
}

// Option adjusts scoring.
type Option func(*config)

type config struct{ quiet bool }

func options(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithoutTrace leaves the scorecards' Trace empty. Everything else is the
// same; writing the trace is most of the cost of scoring, so callers that
// score thousands of sheets and never show the steps save that time.
func WithoutTrace() Option { return func(c *config) { c.quiet = true } }

// step is a trace step stating the catalogue's message key with args;
// it is empty when no trace is kept (a quiet score drops its steps).
func (s *scorer) step(node string, v decimal.Decimal, key string, args ...any) Step {
	if s.quiet {
		return Step{}
	}
	return stepOf(node, v, lang.Msg(key, args...))
}

// rounded states a rounding rule as a trace step does.
func rounded(r rules.Rounding) lang.Message { return lang.Msg("scoring.rounded").With(r.Message()) }

// stepOf is a trace step stating m.
func stepOf(node string, v decimal.Decimal, m lang.Message) Step {
	return Step{Node: node, What: m.In(lang.English), Value: v, Text: m}
}

type scorer struct {
	quiet  bool // keep no trace text
	in     *input
	eng    *engine
	quo    rules.Rounding
	round  rules.RoundingPolicy
	stages []rules.Stage
	assess rules.Assessment
	cards  []Scorecard

	// The criteria scored against the cluster, prepared before any member
	// is scored: per relative criterion (relIdx[node], in node order) each
	// member's counted input (rel[k*members+m]) and the leader, and per
	// votes criterion the highest vote count and the function it gives.
	relIdx []int
	rel    []relValue
	lead   []int
	relFn  []*PointFunction // per relative criterion: GivenLeader of the criterion's own target, once built
	top    []int
	topFn  []PointFunction

	fns  []fnEntry // point functions for members' own targets, by node index (see fn)
	memo memo      // results computed for many members alike (see eval)

	// Scratch, reused from one member to the next: per node the leaf's
	// points, counted raw value and stage, the steps of its trace, and its
	// value and attainable maximum; per stage a leaf's points.
	points, raw   []decimal.Decimal
	stage         []string
	steps         [][]Step
	value, attain []decimal.Decimal
	self          []decimal.Decimal // per node: the self-assessed points, if hasSelf
	hasSelf       []bool
	stagePts      []decimal.Decimal
	present       []bool
	single        []int // per stage: the row of its single value with no assessor, or -1
	each          []decimal.Decimal
	tail          []Step
}

// relValue is a member's counted input on a relative criterion.
type relValue struct {
	ok   bool
	a, t decimal.Decimal
	pos  int // the stage counted
}

func newScorer(in *input) *scorer {
	e := in.eng
	return &scorer{in: in, eng: e, quo: e.quo, round: e.round, stages: e.assess.Stages, assess: e.assess}
}

func (s *scorer) run() []Scorecard {
	in := s.in
	nm, nn, ns := len(in.members), len(in.nodes), len(s.stages)
	s.cards = make([]Scorecard, nm)
	for m := range nm {
		s.cards[m].Member = in.members[m]
	}
	s.memo.start(nm >= memoMembers, nn)
	s.prepare()
	s.points, s.raw, s.stage = make([]decimal.Decimal, nn), make([]decimal.Decimal, nn), make([]string, nn)
	s.value, s.attain = make([]decimal.Decimal, nn), make([]decimal.Decimal, nn)
	s.self, s.hasSelf = make([]decimal.Decimal, nn), make([]bool, nn)
	s.steps = make([][]Step, nn)
	s.stagePts, s.present, s.single = make([]decimal.Decimal, ns), make([]bool, ns), make([]int, ns)
	for m := range nm {
		assigned := in.assigned[m*nn : (m+1)*nn]
		for i := range in.nodes {
			n := &in.nodes[i]
			s.points[i], s.raw[i], s.stage[i] = decimal.Decimal{}, decimal.Decimal{}, ""
			s.steps[i] = s.steps[i][:0]
			s.hasSelf[i] = false
			if n.IsGroup() || !assigned[i] {
				continue
			}
			switch n.Method {
			case rules.Relative:
				s.points[i], s.raw[i], s.stage[i], s.steps[i] = s.relative(m, n, s.steps[i])
			case rules.Votes:
				s.points[i], s.raw[i], s.steps[i] = s.votes(m, n, s.steps[i])
			default:
				s.points[i], s.raw[i], s.stage[i], s.steps[i] = s.leaf(m, n, s.steps[i])
			}
		}
		s.card(m)
	}
	return s.cards
}

// prepare computes what the criteria scored against the cluster need of
// every member: the counted inputs and the leader of each relative
// criterion, the highest vote count of each votes criterion.
func (s *scorer) prepare() {
	in := s.in
	nm, nn := len(in.members), len(in.nodes)
	for i := range in.nodes {
		n := &in.nodes[i]
		if n.IsGroup() {
			continue
		}
		switch n.Method {
		case rules.Relative:
			if s.relIdx == nil {
				s.relIdx = make([]int, nn)
			}
			k := len(s.lead)
			s.relIdx[i] = k
			s.rel = append(s.rel, make([]relValue, nm)...)
			rel := s.rel[k*nm:]
			lead := -1
			for m := range nm {
				if !in.assigned[m*nn+i] {
					continue
				}
				r := s.relativeInput(m, n)
				rel[m] = r
				if !r.ok {
					continue
				}
				// a/t > la/lt  ⇔  a·lt > la·t (targets are positive): exact
				if lead < 0 || r.a.Mul(rel[lead].t).GreaterThan(rel[lead].a.Mul(r.t)) {
					lead = m
				}
			}
			s.lead = append(s.lead, lead)
			s.relFn = append(s.relFn, nil)
		case rules.Votes:
			if s.top == nil {
				s.top, s.topFn = make([]int, nn), make([]PointFunction, nn)
			}
			top := 0
			for m := range nm {
				if in.assigned[m*nn+i] {
					top = max(top, in.votes[m].For)
				}
			}
			s.top[i], s.topFn[i] = top, s.fn(n, decimal.Zero).GivenTop(top)
		}
	}
}

// leaf computes a member's points on a criterion that does not depend on
// the other members: each stage's points (aggregating its assessors), then
// the stage that counts. The steps of the trace are appended to trace.
func (s *scorer) leaf(m int, n *rules.Node, trace []Step) (pts, raw decimal.Decimal, stage string, _ []Step) {
	in := s.in
	i := n.Index
	lo, hi := in.span(m, i)
	if lo == hi {
		if !s.quiet {
			ref := s.stepKey(stepMissing, i, 0, decimal.Zero)
			step, hit := s.kept(ref)
			if !hit {
				step = s.keep(ref, s.step(n.ID, decimal.Zero, "scoring.missing"))
			}
			trace = append(trace, step)
		}
		return decimal.Zero, decimal.Zero, "", trace
	}
	target := in.target(m, i)
	stagePts, present, single := s.stagePts, s.present, s.single
	clear(present)
	for k := lo; k < hi; {
		j := k + 1 // the stage's rows are k … j-1
		for j < hi && in.rows[j].pos == in.rows[k].pos {
			j++
		}
		pos := int(in.rows[k].pos)
		present[pos] = true
		single[pos] = -1
		st := &s.stages[pos]
		if j-k == 1 && in.assessor(k) == "" {
			v := in.val(k)
			single[pos] = k
			if !s.quiet {
				ref := s.stepKey(stepInput, i, pos, v)
				step, hit := s.kept(ref)
				if n.Method == rules.Signed {
					ref.ok, hit = false, false // the step shows the counts, not only v
				}
				if !hit {
					step = s.keep(ref, s.step(n.ID, v, "scoring.input", stageLabel(*st), v))
					if n.Method == rules.Signed {
						step = s.signedStep(n, stageLabel(*st), k, v)
					}
				}
				trace = append(trace, step)
			}
			var p decimal.Decimal
			p, trace = s.method(n, v, target, trace)
			stagePts[pos] = p
			if pos == 0 {
				s.self[i], s.hasSelf[i] = p, true
			}
			k = j
			continue
		}
		each := s.each[:0]
		var parts []lang.Message
		for x := k; x < j; x++ {
			assessor := in.assessor(x)
			p := s.apply(n, in.val(x), target)
			each = append(each, p)
			if !s.quiet {
				parts = append(parts, lang.Msg("scoring.assessor", assessor, p))
			}
			s.cards[m].Peers = append(s.cards[m].Peers, PeerScore{Stage: st.ID, Assessor: assessor, Criterion: n.ID, Points: s.roundLevel(s.round.Criterion, s.weigh(i, p))})
		}
		s.each = each
		if pos == 0 && j-k == 1 {
			s.self[i], s.hasSelf[i] = each[0], true
		}
		agg, how := s.aggregate(n, *st, each)
		if !s.quiet {
			trace = append(trace, stepOf(n.ID, agg, lang.Msg("scoring.assessors", stageLabel(*st), j-k).With(how, lang.Msg("scoring.list").With(parts...))))
		}
		stagePts[pos] = agg
		k = j
	}
	pos := s.pick(present, stagePts)
	if pos < 0 {
		if !s.quiet {
			trace = append(trace, s.step(n.ID, decimal.Zero, "scoring.missing_stage"))
		}
		return decimal.Zero, decimal.Zero, "", trace
	}
	if k := single[pos]; k >= 0 {
		raw = in.val(k) // the value given, not the points
	} else {
		raw = stagePts[pos]
	}
	if !s.quiet {
		ref := s.stepKey(stepCounts, i, pos, stagePts[pos])
		step, hit := s.kept(ref)
		if !hit {
			step = s.keep(ref, stepOf(n.ID, stagePts[pos], lang.Msg("scoring.counts", stageLabel(s.stages[pos])).With(s.pickReason())))
		}
		trace = append(trace, step)
	}
	s.divergence(m, n, present, stagePts, pos)
	return stagePts[pos], raw, s.stages[pos].ID, trace
}

// weigh multiplies points by node i's weight (a weight of 1 leaves them
// as they are: the product would be the same decimal).
func (s *scorer) weigh(i int, p decimal.Decimal) decimal.Decimal {
	if s.eng.unit[i] {
		return p
	}
	return mul(p, s.eng.weight[i])
}

// pick returns the position of the stage that counts, or -1.
func (s *scorer) pick(present []bool, pts []decimal.Decimal) int {
	best := -1
	for pos := range present {
		if !present[pos] {
			continue
		}
		switch s.assess.Counts {
		case rules.NamedPick:
			if s.stages[pos].ID == s.assess.Stage {
				return pos
			}
		case rules.Highest:
			if best < 0 || cmpDec(pts[pos], pts[best]) >= 0 {
				best = pos
			}
		case rules.Lowest:
			if best < 0 || cmpDec(pts[pos], pts[best]) <= 0 {
				best = pos
			}
		default:
			best = pos
		}
	}
	return best
}

func (s *scorer) pickReason() lang.Message {
	switch s.assess.Counts {
	case rules.NamedPick:
		return lang.Msg("scoring.pick.named")
	case rules.Highest:
		return lang.Msg("scoring.pick.highest")
	case rules.Lowest:
		return lang.Msg("scoring.pick.lowest")
	}
	return lang.Msg("scoring.pick.latest")
}

// method turns one raw value into points in the criterion's scale, capped
// at its maximum, appending the steps that say how to trace (none in a
// quiet score): it evaluates the criterion's PointFunction.
func (s *scorer) method(n *rules.Node, v, target decimal.Decimal, trace []Step) (decimal.Decimal, []Step) {
	f := s.fn(n, target)
	if f.Depends != OwnInput {
		panic("scoring: method " + string(n.Method) + " is not a per-member method")
	}
	p, k, capped := s.eval(n, f, v)
	if s.quiet || n.Method == rules.Direct {
		return p, trace
	}
	shared := f == &s.eng.fns[n.Index] // the step depends on v alone
	ref := s.stepKey(stepMethod, n.Index, 0, v)
	ref.ok = ref.ok && shared
	what, hit := s.kept(ref)
	final := p
	if capped && !hit {
		p = f.Pieces[k].Value(v) // the step states the points before the cap
	}
	switch {
	case hit:
	case n.Method == rules.Signed:
		what = s.signedMethod(n, v, final)
	case n.Method == rules.PassFail && cmpDec(p, n.Max) == 0:
		what = s.step(n.ID, p, "scoring.pass")
	case n.Method == rules.PassFail:
		what = s.step(n.ID, p, "scoring.fail")
	case n.Method == rules.Ratio:
		what = s.step(n.ID, p, "scoring.ratio", n.Max, v, f.Target)
	case n.Method == rules.Tiers && k == 0:
		what = s.step(n.ID, p, "scoring.tiers.none", v)
	case n.Method == rules.Tiers:
		what = s.step(n.ID, p, "scoring.tiers", v, f.Pieces[k].From.Num)
	case n.Method == rules.Fewer:
		what = s.fewerStep(n, v, p, k)
	default:
		what = s.step(n.ID, p, "scoring.per_occurrence", v, n.PointsEach)
	}
	if !hit {
		what = s.keep(ref, what)
	}
	trace = append(trace, what)
	if capped && n.Method == rules.Signed {
		return final, trace // the step says so
	}
	if capped {
		p = *f.Cap
		ref := s.stepKey(stepCapped, n.Index, 0, decimal.Zero)
		ref.ok = ref.ok && shared
		step, hit := s.kept(ref)
		if !hit {
			step = s.keep(ref, s.step(n.ID, p, "scoring.capped", n.Max))
		}
		trace = append(trace, step)
	}
	return p, trace
}

// apply is method's points without the steps.
func (s *scorer) apply(n *rules.Node, v, target decimal.Decimal) decimal.Decimal {
	f := s.fn(n, target)
	if f.Depends != OwnInput {
		panic("scoring: method " + string(n.Method) + " is not a per-member method")
	}
	p, _, _ := s.eval(n, f, v)
	return p
}

// fnEntry is a criterion's point function, for the target it was built
// with.
type fnEntry struct {
	ok     bool
	target decimal.Decimal
	f      PointFunction
}

// fn returns the criterion's point function for a member's target: the
// rulebook's, built once for all scorers (see engine), unless the
// criterion reads a target and the member has its own; then one built for
// that target, kept until a member with another target asks. It must not
// be modified.
func (s *scorer) fn(n *rules.Node, target decimal.Decimal) *PointFunction {
	i := n.Index
	f := &s.eng.fns[i]
	if !f.ReadsTarget || target.IsZero() || sameDecimal(target, n.Target) {
		return f // what describe builds for the criterion's own target
	}
	if len(s.fns) == 0 {
		s.fns = make([]fnEntry, len(s.eng.fns))
	}
	e := &s.fns[i]
	if !e.ok || !sameDecimal(e.target, target) {
		*e = fnEntry{ok: true, target: target, f: describe(*n, s.quo, s.round, target)}
	}
	return &e.f
}

// aggregate combines several assessors' points, sorting xs.
func (s *scorer) aggregate(n *rules.Node, st rules.Stage, xs []decimal.Decimal) (decimal.Decimal, lang.Message) {
	sorted := xs
	slices.SortFunc(sorted, decimal.Decimal.Cmp)
	q := s.leafQuo(n)
	switch st.Aggregate {
	case rules.Median:
		k := len(sorted)
		if k%2 == 1 {
			return sorted[k/2], lang.Msg("scoring.median")
		}
		return quo(q, add(sorted[k/2-1], sorted[k/2]), two), lang.Msg("scoring.median")
	case rules.TrimmedMean:
		kept := sorted[st.Trim : len(sorted)-st.Trim]
		return mean(q, kept), lang.Msg("scoring.trimmed", st.Trim, st.Trim)
	default:
		return mean(q, sorted), lang.Msg("scoring.mean")
	}
}

func mean(q rules.Rounding, xs []decimal.Decimal) decimal.Decimal {
	var total sum
	for _, x := range xs {
		total.add(x)
	}
	return quo(q, total.value(), decimal.NewFromInt(int64(len(xs))))
}

// divergence flags a gap between the first (self-assessed) stage and the
// stage that counts.
func (s *scorer) divergence(m int, n *rules.Node, present []bool, pts []decimal.Decimal, counted int) {
	th := s.assess.Divergence.Criterion
	if th.IsZero() || counted == 0 || !present[0] {
		return
	}
	if exceeds, ok := absDiffExceeds(pts[0], pts[counted], th); ok && !exceeds {
		return // decided without building the gap
	}
	gap := pts[0].Sub(pts[counted]).Abs()
	if cmpDec(gap, th) > 0 {
		s.cards[m].Divergences = append(s.cards[m].Divergences, Divergence{Criterion: n.ID, Self: pts[0], Counted: pts[counted], Gap: gap, Threshold: th})
	}
}

// relativeInput picks the counted measured value of a relative criterion.
func (s *scorer) relativeInput(m int, n *rules.Node) relValue {
	in := s.in
	lo, hi := in.span(m, n.Index)
	t := in.target(m, n.Index)
	if lo == hi {
		return relValue{}
	}
	vals, present := s.stagePts[:0], s.present[:0]
	for range s.stages {
		vals, present = append(vals, decimal.Decimal{}), append(present, false)
	}
	s.stagePts, s.present = vals, present
	for k := lo; k < hi; {
		j := k + 1
		for j < hi && in.rows[j].pos == in.rows[k].pos {
			j++
		}
		if j-k == 1 {
			present[in.rows[k].pos], vals[in.rows[k].pos] = true, in.val(k)
		}
		k = j
	}
	pos := s.pick(present, vals) // the formula is increasing in A, so picking by value = by points
	if pos < 0 {
		return relValue{}
	}
	return relValue{ok: true, a: vals[pos], t: t, pos: pos}
}

// relative scores member m on a criterion scored against the cluster's
// leader: the member(s) with the best achieved/target ratio.
func (s *scorer) relative(m int, n *rules.Node, trace []Step) (p, raw decimal.Decimal, stage string, _ []Step) {
	k := s.relIdx[n.Index]
	nm := len(s.in.members)
	r := s.rel[k*nm+m]
	if !r.ok {
		if !s.quiet {
			trace = append(trace, s.step(n.ID, decimal.Zero, "scoring.missing"))
		}
		return decimal.Decimal{}, decimal.Decimal{}, "", trace
	}
	lead := s.lead[k]
	l := s.rel[k*nm+lead]
	var f *PointFunction
	if base := s.fn(n, r.t); base == &s.eng.fns[n.Index] {
		// the criterion's own target: the same function for every such member
		if s.relFn[k] == nil {
			g := base.GivenLeader(l.a, l.t)
			s.relFn[k] = &g
		}
		f = s.relFn[k]
	} else {
		g := base.GivenLeader(l.a, l.t)
		f = &g
	}
	p, kk, _ := f.eval(r.a)
	stage = s.stages[r.pos].ID
	if !s.quiet {
		var what lang.Message
		switch {
		case kk == 0:
			what = lang.Msg("scoring.relative.below", n.Max, r.a, r.t)
		case kk == 1:
			what = lang.Msg("scoring.relative.at")
		case f.Pieces[kk].Constant():
			what = lang.Msg("scoring.relative.best", r.a, r.t)
		default:
			what = lang.Msg("scoring.relative.above", s.in.members[lead].Name, l.a, l.t, n.Max, r.a, r.t)
		}
		trace = append(trace,
			s.step(n.ID, r.a, "scoring.achieved", s.stageName(stage), r.a, r.t),
			stepOf(n.ID, r.a, lang.Msg("scoring.counts", s.stageName(stage)).With(s.pickReason())),
			stepOf(n.ID, p, what))
	}
	return p, r.a, stage, trace
}

// votes converts member m's votes into points: max × votes ÷ the highest
// count.
func (s *scorer) votes(m int, n *rules.Node, trace []Step) (p, raw decimal.Decimal, _ []Step) {
	i := n.Index
	top := s.top[i]
	v := s.in.votes[m].For
	raw = decimal.NewFromInt(int64(v))
	if top == 0 {
		if !s.quiet {
			trace = append(trace, s.step(n.ID, decimal.Zero, "scoring.votes.none"))
		}
		return decimal.Decimal{}, raw, trace
	}
	p = s.topFn[i].Apply(decimal.NewFromInt(int64(v)))
	if !s.quiet {
		trace = append(trace, s.step(n.ID, p, "scoring.votes", n.Max, v, top))
	}
	return p, raw, trace
}

// leafQuo is the rounding of a quotient that becomes a criterion's points:
// the criterion level's rule if the criterion's points are rounded straight
// away (weight 1 and a criterion-level rounding), so that the value is
// rounded once; otherwise the quotient rule.
func (s *scorer) leafQuo(n *rules.Node) rules.Rounding {
	if r := s.round.Criterion; r != nil && s.eng.unit[n.Index] {
		return *r
	}
	return s.quo
}

func (s *scorer) roundLevel(r *rules.Rounding, d decimal.Decimal) decimal.Decimal {
	if r == nil {
		return d
	}
	return round(*r, d)
}

// card assembles member m's scorecard from its leaf points (the scorer's
// scratch): group sums, bonus, deductions, total, percentage.
func (s *scorer) card(m int) {
	in, e := s.in, s.eng
	c := &s.cards[m]
	nn := len(in.nodes)
	c.Nodes = make([]NodeScore, nn)
	value, attain := s.value, s.attain
	assigned := in.assigned[m*nn : (m+1)*nn]
	// Nodes are in pre-order, so going backwards visits children first.
	for i := nn - 1; i >= 0; i-- {
		n := &in.nodes[i]
		ns := NodeScore{ID: n.ID, Name: n.Name, Group: n.IsGroup(), Assigned: assigned[i], Max: n.Max, Points: decimal.Zero, Raw: decimal.Zero, Value: decimal.Zero, Attainable: decimal.Zero}
		if !n.IsGroup() {
			ns.Method = n.Method
			ns.Target = in.target(m, i)
		}
		if !ns.Assigned {
			c.Nodes[i] = ns
			value[i], attain[i] = decimal.Zero, decimal.Zero
			continue
		}
		var level *rules.Rounding
		which := 0 // level's, for roundAt
		if n.IsGroup() {
			var points, am sum
			for _, k := range n.Kids {
				points.add(value[k])
				am.add(attain[k])
			}
			ns.Points = points.value()
			attain[i] = s.weigh(i, am.value())
			level, which = s.round.Group, 1
			if !s.quiet {
				ref := s.stepKey(stepGroup, i, 0, ns.Points)
				step, hit := s.kept(ref)
				if !hit {
					step = s.keep(ref, s.step(n.ID, ns.Points, "scoring.group", e.kids[i]))
				}
				s.steps[i] = append(s.steps[i][:0], step)
			}
			if e.grouped != nil && e.grouped[i] != nil {
				ns.Points, ns.Items = s.groupItems(m, i, ns.Points)
			}
		} else {
			ns.Points, ns.Raw, ns.Stage = s.points[i], s.raw[i], s.stage[i]
			attain[i] = s.weigh(i, n.Max)
			level = s.round.Criterion
		}
		v := ns.Points
		if !e.unit[i] {
			v = mul(v, e.weight[i])
			if !s.quiet {
				ref := s.stepKey(stepWeight, i, 0, v)
				step, hit := s.kept(ref)
				if !hit {
					step = s.keep(ref, s.step(n.ID, v, "scoring.weight", e.weight[i]))
				}
				s.steps[i] = append(s.steps[i], step)
			}
		}
		if level != nil {
			r := s.roundAt(which, level, v)
			if !s.quiet && cmpDec(r, v) != 0 {
				ref := s.stepKey(stepRounded, i, which, r)
				step, hit := s.kept(ref)
				if !hit {
					step = s.keep(ref, stepOf(n.ID, r, rounded(*level)))
				}
				s.steps[i] = append(s.steps[i], step)
			}
			v = r
		}
		ns.Value, ns.Attainable = v, attain[i]
		value[i] = v
		c.Nodes[i] = ns
	}
	var criteria, attainable sum
	for _, r := range in.roots {
		criteria.add(value[r])
		attainable.add(attain[r])
	}
	c.Criteria, c.Attainable = criteria.value(), attainable.value()
	tail := s.tail[:0]
	if !s.quiet {
		tail = append(tail, s.step("criteria", c.Criteria, "scoring.criteria"))
	}
	bp, dp := e.bonus, e.deduct
	nb, nd := len(bp.Items), len(dp.Items)
	c.Bonus = s.adjust("bonus", "scoring.bonus", bp.Items, bp.Cap, e.bonusPos, in.bonus[m*nb:(m+1)*nb], in.bonusSet[m*nb:(m+1)*nb], &tail)
	c.Deductions = s.adjust("deductions", "scoring.deductions", dp.Items, dp.Cap, e.deductPos, in.deductions[m*nd:(m+1)*nd], in.deductionsSet[m*nd:(m+1)*nd], &tail)
	total := sub(add(c.Criteria, c.Bonus.Total), c.Deductions.Total)
	if !s.quiet {
		tail = append(tail, s.step("total", total, "scoring.total"))
	}
	if f := dp.Floor; f != nil && cmpDec(total, *f) < 0 {
		total = *f
		if !s.quiet {
			tail = append(tail, s.step("total", total, "scoring.floor", *f))
		}
	}
	if r := s.round.Total; r != nil {
		if t := round(*r, total); cmpDec(t, total) != 0 {
			total = t
			if !s.quiet {
				tail = append(tail, stepOf("total", total, rounded(*r)))
			}
		}
	}
	c.Total = total
	// the percentage is one quotient, rounded once: by the percent level's
	// rule if the rulebook has one, else by the quotient rule
	pq := s.quo
	if r := s.round.Percent; r != nil {
		pq = *r
	}
	c.Percent = quo(pq, mul(total, hundred), c.Attainable)
	if !s.quiet {
		tail = append(tail, s.step("percent", c.Percent, "scoring.percent", c.Attainable))
		// The trace in document order, a group's sum after its
		// children's steps, then the totals: in one slice of its size.
		size := len(tail)
		for _, i := range e.order {
			size += len(s.steps[i])
		}
		c.Trace = make([]Step, 0, size)
		for _, i := range e.order {
			c.Trace = append(c.Trace, s.steps[i]...)
		}
		c.Trace = append(c.Trace, tail...)
	}
	s.tail = tail
	c.Basis = c.Total
	if !e.byTotal {
		c.Basis = c.Percent
	}
	c.Facts = in.facts[m]
	c.Year, c.Past = in.year, in.past[m]
	v := in.votes[m]
	c.Votes = VoteCount{Recorded: in.hasBallot, Voted: v.Member != "", For: v.For, Against: v.Against, Abstain: v.Abstain, Present: in.present, Entitled: in.entitled}
	if len(in.ballots) > 0 {
		c.Ballots = make([]VoteCount, len(in.ballots))
		for i, b := range in.ballots {
			vc := VoteCount{Ballot: s.eng.ballotIDs[i], Recorded: b.held}
			if b.held {
				v := b.votes[m]
				vc.Voted, vc.For, vc.Against, vc.Abstain, vc.Present, vc.Entitled = v.Member != "", v.For, v.Against, v.Abstain, b.present, b.entitled
			}
			c.Ballots[i] = vc
		}
	}
	s.totalDivergence(m)
}

// adjust sums a member's bonus or deduction items: got and set hold its
// occurrences by the items' places by id (pos).
func (s *scorer) adjust(what, label string, items []rules.Item, capTotal decimal.Decimal, pos map[string]int, got []Occurrences, set []bool, trace *[]Step) Adjustment {
	a := Adjustment{Sum: decimal.Zero, Total: decimal.Zero}
	for _, it := range items {
		k := pos[it.ID]
		o := got[k]
		if !set[k] || o.Count == 0 {
			continue
		}
		p, capped := itemPoints(it, o.Count)
		if !it.OnTotal() { // in its group's points (see groupItems), listed here
			a.Items = append(a.Items, ItemScore{ID: it.ID, Name: it.Name, Count: o.Count, Points: p, Note: o.Note, Group: it.Group})
			a.InGroups = add(a.InGroups, p)
			continue
		}
		key, args := "scoring.item", []any{it.ID, o.Count, it.Points}
		if capped {
			key, args = "scoring.item.capped", append(args, it.Max)
		}
		if !s.quiet {
			*trace = append(*trace, stepOf(it.ID, p, lang.Msg(key, args...).With(lang.Msg(label))))
		}
		a.Items = append(a.Items, ItemScore{ID: it.ID, Name: it.Name, Count: o.Count, Points: p, Note: o.Note})
		a.Sum = add(a.Sum, p)
	}
	a.Total = a.Sum
	if capTotal.IsPositive() && cmpDec(a.Total, capTotal) > 0 {
		a.Total = capTotal
		if !s.quiet {
			*trace = append(*trace, stepOf(what, a.Total, lang.Msg("scoring.adjust.capped", a.Sum, capTotal).With(lang.Msg(label))))
		}
	}
	return a
}

// totalDivergence flags a gap between the self-assessed total and the
// counted total, over the criteria that have a self-assessment.
func (s *scorer) totalDivergence(m int) {
	th := s.assess.Divergence.Total
	if th.IsZero() {
		return
	}
	in := s.in
	var self, counted sum
	any := false
	for i := range in.nodes {
		n := &in.nodes[i]
		if n.IsGroup() || !in.assigned[m*in.nn+i] || n.Method == rules.Relative {
			continue
		}
		lo, hi := in.span(m, i)
		if lo == hi || in.rows[lo].pos != 0 || (hi-lo > 1 && in.rows[lo+1].pos == 0) {
			continue // not exactly one value at the first stage
		}
		p := s.self[i] // what leaf computed for it
		if !s.hasSelf[i] {
			p = s.apply(n, in.val(lo), in.target(m, i))
		}
		self.add(s.weigh(i, p))
		counted.add(s.weigh(i, s.cards[m].Nodes[i].Points))
		any = true
	}
	if !any {
		return
	}
	if gap := self.value().Sub(counted.value()).Abs(); cmpDec(gap, th) > 0 {
		s.cards[m].Divergences = append(s.cards[m].Divergences, Divergence{Self: self.value(), Counted: counted.value(), Gap: gap, Threshold: th})
	}
}

// stageLabel is how the trace names an assessment stage: its name (Tự
// chấm, Cụm chấm, Phúc tra), or its id if it has none.
func stageLabel(st rules.Stage) string {
	if st.Name != "" {
		return st.Name
	}
	return st.ID
}

// stageName is stageLabel of the stage with the given id.
func (s *scorer) stageName(id string) string {
	for _, st := range s.stages {
		if st.ID == id {
			return stageLabel(st)
		}
	}
	return id
}
