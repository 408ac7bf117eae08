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
	in, err := index(rb, &sh)
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
	quo    rules.Rounding
	round  rules.RoundingPolicy
	stages []rules.Stage
	assess rules.Assessment
	cards  []Scorecard
	// counted raw values per member per node, for relative criteria
	rel [][]relValue
	fns []fnEntry // point functions by node index (see fn)
}

type relValue struct {
	ok    bool
	a, t  decimal.Decimal
	stage string
	trace []Step
}

func newScorer(in *input) *scorer {
	a := in.assess
	return &scorer{in: in, quo: in.rb.Quotient(), round: in.rb.Rounding(), stages: a.Stages, assess: a}
}

func (s *scorer) run() []Scorecard {
	in := s.in
	nm, nn := len(in.members), len(in.nodes)
	s.cards = make([]Scorecard, nm)
	points := make([][]decimal.Decimal, nm) // per member per node: points in the node's scale
	stage := make([][]string, nm)
	raw := make([][]decimal.Decimal, nm)
	traces := make([][][]Step, nm)
	for m := range nm {
		points[m] = make([]decimal.Decimal, nn)
		stage[m] = make([]string, nn)
		raw[m] = make([]decimal.Decimal, nn)
		traces[m] = make([][]Step, nn)
		s.cards[m].Member = in.members[m]
	}

	// Leaves that do not depend on the other members.
	s.rel = make([][]relValue, nm)
	for m := range nm {
		s.rel[m] = make([]relValue, nn)
		for i, n := range in.nodes {
			if n.IsGroup() || !in.assigned[m][i] {
				continue
			}
			switch n.Method {
			case rules.Relative:
				s.rel[m][i] = s.relativeInput(m, n)
			case rules.Votes:
			default:
				points[m][i], raw[m][i], stage[m][i], traces[m][i] = s.leaf(m, n)
			}
		}
	}
	// Leaves relative to the cluster.
	for _, n := range in.nodes {
		switch {
		case n.IsGroup():
		case n.Method == rules.Relative:
			s.relative(n, points, raw, stage, traces)
		case n.Method == rules.Votes:
			s.votes(n, points, raw, traces)
		}
	}
	for m := range nm {
		s.card(m, points[m], raw[m], stage[m], traces[m])
	}
	return s.cards
}

// leaf computes a member's points on a criterion that does not depend on
// the other members: each stage's points (aggregating its assessors), then
// the stage that counts.
func (s *scorer) leaf(m int, n rules.Node) (pts, raw decimal.Decimal, stage string, trace []Step) {
	li := s.in.values[m][n.Index]
	if li == nil {
		return decimal.Zero, decimal.Zero, "", []Step{s.step(n.ID, decimal.Zero, "scoring.missing")}
	}
	target := s.in.targets[m][n.Index]
	stagePts := make([]decimal.Decimal, len(s.stages))
	present := make([]bool, len(s.stages))
	for pos, ss := range li.stages {
		if len(ss) == 0 {
			continue
		}
		present[pos] = true
		st := s.stages[pos]
		if len(ss) == 1 && ss[0].Assessor == "" {
			p, steps := s.method(n, ss[0].Value, target)
			if !s.quiet {
				trace = append(trace, s.step(n.ID, ss[0].Value, "scoring.input", st.ID, ss[0].Value))
				trace = append(trace, steps...)
			}
			stagePts[pos] = p
			continue
		}
		each := make([]decimal.Decimal, len(ss))
		var parts []lang.Message
		for j, sc := range ss {
			each[j], _ = s.method(n, sc.Value, target)
			if !s.quiet {
				parts = append(parts, lang.Msg("scoring.assessor", sc.Assessor, each[j]))
			}
			s.cards[m].Peers = append(s.cards[m].Peers, PeerScore{Stage: st.ID, Assessor: sc.Assessor, Criterion: n.ID, Points: s.roundLevel(s.round.Criterion, each[j].Mul(n.EffectiveWeight()))})
		}
		agg, how := s.aggregate(n, st, each)
		if !s.quiet {
			trace = append(trace, stepOf(n.ID, agg, lang.Msg("scoring.assessors", st.ID, len(ss)).With(how, lang.Msg("scoring.list").With(parts...))))
		}
		stagePts[pos] = agg
	}
	pos := s.pick(present, stagePts)
	if pos < 0 {
		return decimal.Zero, decimal.Zero, "", append(trace, s.step(n.ID, decimal.Zero, "scoring.missing_stage"))
	}
	if len(li.stages[pos]) == 1 && li.stages[pos][0].Assessor == "" {
		raw = li.stages[pos][0].Value
	} else {
		raw = stagePts[pos]
	}
	if !s.quiet {
		trace = append(trace, stepOf(n.ID, stagePts[pos], lang.Msg("scoring.counts", s.stages[pos].ID).With(s.pickReason())))
	}
	s.divergence(m, n, present, stagePts, pos)
	return stagePts[pos], raw, s.stages[pos].ID, trace
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
			if best < 0 || pts[pos].GreaterThanOrEqual(pts[best]) {
				best = pos
			}
		case rules.Lowest:
			if best < 0 || pts[pos].LessThanOrEqual(pts[best]) {
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
// at its maximum, with the steps that say how (none in a quiet score): it
// evaluates the criterion's PointFunction.
func (s *scorer) method(n rules.Node, v, target decimal.Decimal) (decimal.Decimal, []Step) {
	f := s.fn(n, target)
	if f.Depends != OwnInput {
		panic("scoring: method " + string(n.Method) + " is not a per-member method")
	}
	p, k, capped := f.eval(v)
	if s.quiet || n.Method == rules.Direct {
		return p, nil
	}
	if capped {
		p = f.Pieces[k].Value(v)
	}
	var what Step
	switch {
	case n.Method == rules.PassFail && p.Equal(n.Max):
		what = s.step(n.ID, p, "scoring.pass")
	case n.Method == rules.PassFail:
		what = s.step(n.ID, p, "scoring.fail")
	case n.Method == rules.Ratio:
		what = s.step(n.ID, p, "scoring.ratio", n.Max, v, f.Target)
	case n.Method == rules.Tiers && k == 0:
		what = s.step(n.ID, p, "scoring.tiers.none", v)
	case n.Method == rules.Tiers:
		what = s.step(n.ID, p, "scoring.tiers", v, f.Pieces[k].From.Num)
	default:
		what = s.step(n.ID, p, "scoring.per_occurrence", v, n.PointsEach)
	}
	steps := []Step{what}
	if capped {
		p = *f.Cap
		steps = append(steps, s.step(n.ID, p, "scoring.capped", n.Max))
	}
	return p, steps
}

// fnEntry is a criterion's point function, for the target it was built
// with.
type fnEntry struct {
	ok     bool
	target decimal.Decimal
	f      PointFunction
}

// fn returns the criterion's point function for a member's target, built
// once per criterion (and target, for the criteria that read one).
func (s *scorer) fn(n rules.Node, target decimal.Decimal) *PointFunction {
	if n.Index >= len(s.fns) {
		s.fns = append(s.fns, make([]fnEntry, n.Index+1-len(s.fns))...)
	}
	e := &s.fns[n.Index]
	if !e.ok || (e.f.ReadsTarget && !e.target.Equal(target)) {
		*e = fnEntry{ok: true, target: target, f: describe(n, s.quo, s.round, target)}
	}
	return &e.f
}

func (s *scorer) aggregate(n rules.Node, st rules.Stage, xs []decimal.Decimal) (decimal.Decimal, lang.Message) {
	sorted := slices.Clone(xs)
	slices.SortFunc(sorted, decimal.Decimal.Cmp)
	q := s.leafQuo(n)
	switch st.Aggregate {
	case rules.Median:
		k := len(sorted)
		if k%2 == 1 {
			return sorted[k/2], lang.Msg("scoring.median")
		}
		return q.Quo(sorted[k/2-1].Add(sorted[k/2]), two), lang.Msg("scoring.median")
	case rules.TrimmedMean:
		kept := sorted[st.Trim : len(sorted)-st.Trim]
		return mean(q, kept), lang.Msg("scoring.trimmed", st.Trim, st.Trim)
	default:
		return mean(q, sorted), lang.Msg("scoring.mean")
	}
}

func mean(q rules.Rounding, xs []decimal.Decimal) decimal.Decimal {
	sum := decimal.Zero
	for _, x := range xs {
		sum = sum.Add(x)
	}
	return q.Quo(sum, decimal.NewFromInt(int64(len(xs))))
}

// divergence flags a gap between the first (self-assessed) stage and the
// stage that counts.
func (s *scorer) divergence(m int, n rules.Node, present []bool, pts []decimal.Decimal, counted int) {
	th := s.assess.Divergence.Criterion
	if th.IsZero() || counted == 0 || !present[0] {
		return
	}
	gap := pts[0].Sub(pts[counted]).Abs()
	if gap.GreaterThan(th) {
		s.cards[m].Divergences = append(s.cards[m].Divergences, Divergence{Criterion: n.ID, Self: pts[0], Counted: pts[counted], Gap: gap, Threshold: th})
	}
}

// relativeInput picks the counted measured value of a relative criterion.
func (s *scorer) relativeInput(m int, n rules.Node) relValue {
	li := s.in.values[m][n.Index]
	t := s.in.targets[m][n.Index]
	if li == nil {
		return relValue{}
	}
	vals := make([]decimal.Decimal, len(s.stages))
	present := make([]bool, len(s.stages))
	for pos, ss := range li.stages {
		if len(ss) == 1 {
			present[pos], vals[pos] = true, ss[0].Value
		}
	}
	pos := s.pick(present, vals) // the formula is increasing in A, so picking by value = by points
	if pos < 0 {
		return relValue{}
	}
	r := relValue{ok: true, a: vals[pos], t: t, stage: s.stages[pos].ID}
	if !s.quiet {
		r.trace = []Step{
			s.step(n.ID, vals[pos], "scoring.achieved", s.stages[pos].ID, vals[pos], t),
			stepOf(n.ID, vals[pos], lang.Msg("scoring.counts", s.stages[pos].ID).With(s.pickReason())),
		}
	}
	return r
}

// relative scores a criterion against the cluster's leader: the member(s)
// with the best achieved/target ratio.
func (s *scorer) relative(n rules.Node, points, raw [][]decimal.Decimal, stage [][]string, traces [][][]Step) {
	i := n.Index
	lead := -1
	for m := range s.in.members {
		r := s.rel[m][i]
		if !r.ok {
			continue
		}
		// a/t > la/lt  ⇔  a·lt > la·t (targets are positive): exact
		if lead < 0 || r.a.Mul(s.rel[lead][i].t).GreaterThan(s.rel[lead][i].a.Mul(r.t)) {
			lead = m
		}
	}
	for m := range s.in.members {
		if !s.in.assigned[m][i] {
			continue
		}
		r := s.rel[m][i]
		if !r.ok {
			if !s.quiet {
				traces[m][i] = []Step{s.step(n.ID, decimal.Zero, "scoring.missing")}
			}
			continue
		}
		l := s.rel[lead][i]
		f := s.fn(n, r.t).GivenLeader(l.a, l.t)
		p, k, _ := f.eval(r.a)
		var what func() lang.Message // the step, built only if a trace is kept
		switch {
		case k == 0:
			what = func() lang.Message { return lang.Msg("scoring.relative.below", n.Max, r.a, r.t) }
		case k == 1:
			what = func() lang.Message { return lang.Msg("scoring.relative.at") }
		case f.Pieces[k].Constant():
			what = func() lang.Message { return lang.Msg("scoring.relative.best", r.a, r.t) }
		default:
			what = func() lang.Message {
				return lang.Msg("scoring.relative.above", s.in.members[lead].ID, l.a, l.t, n.Max, r.a, r.t)
			}
		}
		points[m][i], raw[m][i], stage[m][i] = p, r.a, r.stage
		if !s.quiet {
			traces[m][i] = append(slices.Clone(r.trace), stepOf(n.ID, p, what()))
		}
	}
}

// votes converts the ballot into points: max × votes ÷ the highest count.
func (s *scorer) votes(n rules.Node, points, raw [][]decimal.Decimal, traces [][][]Step) {
	i := n.Index
	top := 0
	for m := range s.in.members {
		if s.in.assigned[m][i] {
			top = max(top, s.in.votes[m].For)
		}
	}
	f := s.fn(n, decimal.Zero).GivenTop(top)
	for m := range s.in.members {
		if !s.in.assigned[m][i] {
			continue
		}
		v := s.in.votes[m].For
		raw[m][i] = decimal.NewFromInt(int64(v))
		if top == 0 {
			if !s.quiet {
				traces[m][i] = []Step{s.step(n.ID, decimal.Zero, "scoring.votes.none")}
			}
			continue
		}
		p := f.Apply(decimal.NewFromInt(int64(v)))
		points[m][i] = p
		if !s.quiet {
			traces[m][i] = []Step{s.step(n.ID, p, "scoring.votes", n.Max, v, top)}
		}
	}
}

// leafQuo is the rounding of a quotient that becomes a criterion's points:
// the criterion level's rule if the criterion's points are rounded straight
// away (weight 1 and a criterion-level rounding), so that the value is
// rounded once; otherwise the quotient rule.
func (s *scorer) leafQuo(n rules.Node) rules.Rounding {
	if r := s.round.Criterion; r != nil && n.EffectiveWeight().Equal(one) {
		return *r
	}
	return s.quo
}

func (s *scorer) roundLevel(r *rules.Rounding, d decimal.Decimal) decimal.Decimal {
	if r == nil {
		return d
	}
	return r.Round(d)
}

// card assembles a member's scorecard from its leaf points: group sums,
// bonus, deductions, total, percentage.
func (s *scorer) card(m int, points, raw []decimal.Decimal, stage []string, traces [][]Step) {
	in := s.in
	c := &s.cards[m]
	nn := len(in.nodes)
	c.Nodes = make([]NodeScore, nn)
	value := make([]decimal.Decimal, nn)
	attain := make([]decimal.Decimal, nn)
	var groupTrace = make([][]Step, nn)
	// Nodes are in pre-order, so going backwards visits children first.
	for i := nn - 1; i >= 0; i-- {
		n := in.nodes[i]
		ns := NodeScore{ID: n.ID, Name: n.Name, Group: n.IsGroup(), Assigned: in.assigned[m][i], Max: n.Max, Points: decimal.Zero, Raw: decimal.Zero, Value: decimal.Zero, Attainable: decimal.Zero}
		if !n.IsGroup() {
			ns.Method = n.Method
			ns.Target = in.targets[m][i]
		}
		if !ns.Assigned {
			c.Nodes[i] = ns
			value[i], attain[i] = decimal.Zero, decimal.Zero
			continue
		}
		w := n.EffectiveWeight()
		var level *rules.Rounding
		if n.IsGroup() {
			sum, am := decimal.Zero, decimal.Zero
			for _, k := range n.Kids {
				sum = sum.Add(value[k])
				am = am.Add(attain[k])
			}
			ns.Points = sum
			attain[i] = am.Mul(w)
			level = s.round.Group
			if !s.quiet {
				groupTrace[i] = []Step{s.step(n.ID, sum, "scoring.group", kidList(in, n))}
			}
		} else {
			ns.Points, ns.Raw, ns.Stage = points[i], raw[i], stage[i]
			attain[i] = n.Max.Mul(w)
			level = s.round.Criterion
			groupTrace[i] = traces[i]
		}
		v := ns.Points
		if !w.Equal(one) {
			v = v.Mul(w)
			if !s.quiet {
				groupTrace[i] = append(groupTrace[i], s.step(n.ID, v, "scoring.weight", w))
			}
		}
		if level != nil {
			r := level.Round(v)
			if !r.Equal(v) && !s.quiet {
				groupTrace[i] = append(groupTrace[i], stepOf(n.ID, r, rounded(*level)))
			}
			v = r
		}
		ns.Value, ns.Attainable = v, attain[i]
		value[i] = v
		c.Nodes[i] = ns
	}
	// The trace in document order, a group's sum after its children's steps.
	var emit func(i int)
	emit = func(i int) {
		for _, k := range in.nodes[i].Kids {
			emit(k)
		}
		c.Trace = append(c.Trace, groupTrace[i]...)
	}
	if !s.quiet {
		for _, r := range in.roots {
			emit(r)
		}
	}
	c.Criteria, c.Attainable = decimal.Zero, decimal.Zero
	for _, r := range in.roots {
		c.Criteria = c.Criteria.Add(value[r])
		c.Attainable = c.Attainable.Add(attain[r])
	}
	if !s.quiet {
		c.Trace = append(c.Trace, s.step("criteria", c.Criteria, "scoring.criteria"))
	}
	bp, dp := in.rb.Bonus(), in.rb.Deductions()
	c.Bonus = s.adjust("bonus", "scoring.bonus", bp.Items, bp.Cap, in.bonus[m], &c.Trace)
	c.Deductions = s.adjust("deductions", "scoring.deductions", dp.Items, dp.Cap, in.deductions[m], &c.Trace)
	total := c.Criteria.Add(c.Bonus.Total).Sub(c.Deductions.Total)
	if !s.quiet {
		c.Trace = append(c.Trace, s.step("total", total, "scoring.total"))
	}
	if f := dp.Floor; f != nil && total.LessThan(*f) {
		total = *f
		if !s.quiet {
			c.Trace = append(c.Trace, s.step("total", total, "scoring.floor", *f))
		}
	}
	if r := s.round.Total; r != nil {
		if t := r.Round(total); !t.Equal(total) {
			total = t
			if !s.quiet {
				c.Trace = append(c.Trace, stepOf("total", total, rounded(*r)))
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
	c.Percent = pq.Quo(total.Mul(hundred), c.Attainable)
	if !s.quiet {
		c.Trace = append(c.Trace, s.step("percent", c.Percent, "scoring.percent", c.Attainable))
	}
	c.Basis = c.Total
	if in.rb.RankBy() == rules.ByPercent {
		c.Basis = c.Percent
	}
	c.Facts = in.facts[m]
	c.Year, c.Past = in.year, in.past[m]
	v := in.votes[m]
	c.Votes = VoteCount{Recorded: in.hasBallot, For: v.For, Against: v.Against, Abstain: v.Abstain, Present: in.present, Entitled: in.entitled}
	s.totalDivergence(m)
}

func (s *scorer) adjust(what, label string, items []rules.Item, capTotal decimal.Decimal, got map[string]Occurrences, trace *[]Step) Adjustment {
	a := Adjustment{Sum: decimal.Zero, Total: decimal.Zero}
	for _, it := range items {
		o, ok := got[it.ID]
		if !ok || o.Count == 0 {
			continue
		}
		p := it.Points.Mul(decimal.NewFromInt(int64(o.Count)))
		key, args := "scoring.item", []any{it.ID, o.Count, it.Points}
		if !it.Max.IsZero() && p.GreaterThan(it.Max) {
			p = it.Max
			key, args = "scoring.item.capped", append(args, it.Max)
		}
		if !s.quiet {
			*trace = append(*trace, stepOf(it.ID, p, lang.Msg(key, args...).With(lang.Msg(label))))
		}
		a.Items = append(a.Items, ItemScore{ID: it.ID, Name: it.Name, Count: o.Count, Points: p, Note: o.Note})
		a.Sum = a.Sum.Add(p)
	}
	a.Total = a.Sum
	if capTotal.IsPositive() && a.Total.GreaterThan(capTotal) {
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
	self, counted := decimal.Zero, decimal.Zero
	any := false
	for i, n := range s.in.nodes {
		li := s.in.values[m][i]
		if n.IsGroup() || li == nil || len(li.stages[0]) != 1 || !s.in.assigned[m][i] || n.Method == rules.Relative {
			continue
		}
		p, _ := s.method(n, li.stages[0][0].Value, s.in.targets[m][i])
		w := n.EffectiveWeight()
		self = self.Add(p.Mul(w))
		counted = counted.Add(s.cards[m].Nodes[i].Points.Mul(w))
		any = true
	}
	if !any {
		return
	}
	if gap := self.Sub(counted).Abs(); gap.GreaterThan(th) {
		s.cards[m].Divergences = append(s.cards[m].Divergences, Divergence{Self: self, Counted: counted, Gap: gap, Threshold: th})
	}
}
