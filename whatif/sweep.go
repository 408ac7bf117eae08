package whatif

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// sweep is the state of one Sensitivity question: how to rank the cluster
// at any value of the parameter, and an exact model of every member's
// quantities as functions of it.
type sweep struct {
	ctx       context.Context // stops the sweep when done; never nil
	rb        *rules.Rulebook
	sh        scoring.Sheet
	cfg       config
	base      *ranking.Standings
	p         Parameter
	node      rules.Node
	fn        scoring.PointFunction // the criterion's point function (a score parameter), for its domain and dependence
	baseline  decimal.Decimal
	model     []*pipeline // one per base row; nil: constant in the parameter
	modelOne  []*pipeline // the model at weight exactly 1, when it differs
	special   []*big.Rat  // values that are events of their own
	exact     bool        // the model applies
	notes     []lang.Message
	evaluated int
	thresh    map[string][]*big.Rat // compared quantity → thresholds
	compared  []string              // quantities compared between members
	cards     []scoring.Scorecard   // every member's current card, quiet
	mi        int                   // the member's index in cards (a score parameter)
	solo      *solo                 // scores the member alone; nil: the whole sheet
	rk        *ranker
	placed    *placing // the current standings
}

func newSweep(rb *rules.Rulebook, sh scoring.Sheet, cards []scoring.Scorecard, base *ranking.Standings, p Parameter, cfg config) (*sweep, error) {
	sw := &sweep{ctx: context.Background(), rb: rb, sh: sh, cfg: cfg, base: base, p: p, exact: true, cards: cards}
	sw.rk = newRanker(rb, sh, cfg.rankOpts)
	sw.placed = sw.rk.place(rb, cards)
	switch {
	case p.Weight != "" && (p.Member != "" || p.Criterion != ""):
		return nil, newError(ErrBadRange, p.Member, p.Weight, "", lang.Msg("whatif.err.sweep.both"))
	case p.Weight != "":
		n, ok := rb.Node(p.Weight)
		if !ok {
			return nil, newError(ErrUnknownCriterion, "", p.Weight, "", lang.Msg("whatif.err.sweep.no_node", rb.ID()))
		}
		sw.node, sw.baseline = n, n.EffectiveWeight()
	default:
		n, ok := rb.Node(p.Criterion)
		switch {
		case !ok:
			return nil, newError(ErrUnknownCriterion, p.Member, p.Criterion, "", lang.Msg("whatif.err.sweep.no_criterion", rb.ID()))
		case n.IsGroup():
			return nil, newError(ErrUnknownCriterion, p.Member, p.Criterion, "", lang.Msg("whatif.err.sweep.group"))
		}
		sw.fn, _ = scoring.Describe(rb, n.ID, decimal.Zero) // a leaf: no error
		if sw.fn.Depends == scoring.OnBallot {
			return nil, newError(ErrUnknownCriterion, p.Member, p.Criterion, "", lang.Msg("whatif.err.sweep.votes"))
		}
		row, ok := base.Row(p.Member)
		if !ok {
			return nil, newError(ErrUnknownMember, p.Member, "", "", lang.Msg("whatif.err.member.unknown"))
		}
		if !row.Card.Nodes[n.Index].Assigned {
			return nil, newError(ErrUnknownCriterion, p.Member, p.Criterion, "", lang.Msg("whatif.err.sweep.not_assigned"))
		}
		sw.node, sw.baseline = n, row.Card.Nodes[n.Index].Raw
		for i, c := range cards {
			if c.Member.ID == p.Member {
				sw.mi = i
			}
		}
		sw.solo = newSolo(rb, sh, p.Member, cards[sw.mi])
	}
	sw.build()
	return sw, nil
}

// grid lists the values of the range, checking it.
func (sw *sweep) grid(r Range) ([]decimal.Decimal, error) {
	what := sw.p.Message()
	switch {
	case !r.Step.IsPositive():
		return nil, newError(ErrBadRange, sw.p.Member, sw.node.ID, r.Step.String(), lang.Msg("whatif.err.range.step").With(what))
	case r.To.LessThan(r.From):
		return nil, newError(ErrBadRange, sw.p.Member, sw.node.ID, r.To.String(), lang.Msg("whatif.err.range.reversed", r.From).With(what))
	case sw.p.Weight != "" && !r.From.IsPositive():
		return nil, newError(ErrBadRange, "", sw.node.ID, r.From.String(), lang.Msg("whatif.err.range.weight_zero"))
	case sw.p.Weight == "" && r.From.IsNegative():
		return nil, newError(ErrBadRange, sw.p.Member, sw.node.ID, r.From.String(), lang.Msg("whatif.err.range.negative"))
	case sw.p.Weight == "" && sw.fn.Domain.Kind == scoring.Continuous && !sw.fn.Domain.InBounds(r.To):
		return nil, newError(ErrBadRange, sw.p.Member, sw.node.ID, r.To.String(), lang.Msg("whatif.err.range.above_max", *sw.fn.Domain.Max))
	case sw.p.Weight == "" && sw.fn.Domain.Kind == scoring.Binary && (!r.From.IsInteger() || !r.Step.IsInteger() || !sw.fn.Domain.InBounds(r.To)):
		return nil, rangeError(sw.p.Member, sw.node.ID, r, lang.Msg("whatif.err.range.pass_fail"))
	case sw.p.Weight == "" && sw.fn.Domain.Kind == scoring.WholeCounts && (!r.From.IsInteger() || !r.Step.IsInteger() || !r.To.IsInteger()):
		return nil, rangeError(sw.p.Member, sw.node.ID, r, lang.Msg("whatif.err.range.whole"))
	}
	n, _ := r.To.Sub(r.From).QuoRem(r.Step, 0)
	if n.GreaterThan(decimal.NewFromInt(int64(sw.cfg.maxPoints))) {
		return nil, newError(ErrTooLarge, sw.p.Member, sw.node.ID, r.Step.String(), lang.Msg("whatif.err.grid", sw.cfg.maxPoints))
	}
	var out []decimal.Decimal
	for x := r.From; x.LessThanOrEqual(r.To); x = x.Add(r.Step) {
		out = append(out, x)
	}
	if !out[len(out)-1].Equal(r.To) {
		out = append(out, r.To)
	}
	return out, nil
}

// rangeError is a range that does not suit the parameter: its Value is
// the range.
func rangeError(member, criterion string, r Range, m lang.Message) *Error {
	e := newError(ErrBadRange, member, criterion, r.String(), m)
	e.value = r.Message()
	return e
}

// String reads like "0.5 … 2 step 0.1".
func (r Range) String() string { return r.Message().In(lang.English) }

// Message is the range as a message: "0,5 … 2, bước 0,1" in Vietnamese.
func (r Range) Message() lang.Message { return lang.Msg("whatif.range", r.From, r.To, r.Step) }

// Text writes the range in the language.
func (r Range) Text(t lang.Tag) string { return r.Message().In(t) }

// rank ranks the cluster with the parameter at x: a weight re-scores
// every member under the changed rulebook; a score re-scores the member
// (alone, if its card allows, see solo) and ranks it with the others'
// cards as they are.
func (sw *sweep) rank(x decimal.Decimal) (*placing, error) {
	if err := stopped(sw.ctx); err != nil {
		return nil, err // every ranking of the sweep passes here
	}
	sw.evaluated++
	if sw.p.Weight != "" {
		spec := sw.rb.Spec()
		setWeight(spec.Criteria, sw.node.ID, x)
		rb, err := rules.New(spec)
		if err != nil {
			return nil, newError(ErrBadRange, "", sw.node.ID, x.String(), lang.Msg("whatif.err.rulebook_invalid", err.Error()))
		}
		cards, err := scoring.Score(rb, sw.sh, scoring.WithoutTrace())
		if err != nil {
			return nil, err
		}
		return sw.rk.place(rb, cards), nil
	}
	var card scoring.Scorecard
	var err error
	if sw.solo != nil {
		sh := scoring.Sheet{Scores: sw.solo.scores()}
		setScore(&sh, sw.rb, sw.p.Member, sw.node.ID, x)
		card, err = sw.solo.card(sh.Scores)
	} else {
		sh := sw.sh.Clone()
		setScore(&sh, sw.rb, sw.p.Member, sw.node.ID, x)
		var cards []scoring.Scorecard
		if cards, err = scoring.Score(sw.rb, sh, scoring.WithoutTrace()); err == nil {
			card = cards[sw.mi]
		}
	}
	if err != nil {
		return nil, newError(ErrBadRange, sw.p.Member, sw.node.ID, x.String(), lang.Msg("whatif.err.sheet_invalid", err.Error()))
	}
	cards := slices.Clone(sw.cards)
	cards[sw.mi] = card
	return sw.rk.place(sw.rb, cards), nil
}

// setWeight sets a node's weight in a criteria tree and clears its
// ancestors' maxima (they are recomputed from their children). It reports
// whether the node was found.
func setWeight(cs []rules.Criterion, id string, w decimal.Decimal) bool {
	for i := range cs {
		if cs[i].ID == id {
			cs[i].Weight = w
			return true
		}
		if setWeight(cs[i].Children, id, w) {
			cs[i].MaxPoints = decimal.Zero
			return true
		}
	}
	return false
}

// setScore sets every entry the member has for the criterion to x; if it
// has none, it adds one at the last stage (or the stage that counts).
func setScore(sh *scoring.Sheet, rb *rules.Rulebook, member, crit string, x decimal.Decimal) {
	found := false
	for i, e := range sh.Scores {
		if e.Member == member && e.Criterion == crit {
			sh.Scores[i].Value = x
			found = true
		}
	}
	if !found {
		a := rb.Assessment()
		st := a.Stages[len(a.Stages)-1].ID
		if a.Counts == rules.NamedPick {
			st = a.Stage
		}
		sh.Scores = append(sh.Scores, scoring.Entry{Member: member, Criterion: crit, Stage: st, Value: x})
	}
}

// rankAt ranks at an exact rational value (which must have a finite decimal
// expansion).
func (sw *sweep) rankAt(x *big.Rat) (*placing, decimal.Decimal, error) {
	d, ok := ratDecimal(x)
	if !ok {
		return nil, decimal.Decimal{}, fmt.Errorf("%w: %s has no finite decimal expansion", ErrModel, x.RatString())
	}
	st, err := sw.rank(d)
	return st, d, err
}

// check compares the model with the engine at a grid value and turns the
// exact model off (with a note) if they disagree.
func (sw *sweep) check(x decimal.Decimal, st *placing) {
	if !sw.exact {
		return
	}
	xr := x.Rat()
	model := sw.model
	if sw.modelOne != nil && x.Equal(one) {
		model = sw.modelOne
	}
	for i, r := range sw.base.Rows {
		pl := model[i]
		if pl == nil {
			continue
		}
		got := st.card(r.Member.ID)
		want := map[string]decimal.Decimal{"total": got.Total, "percent": got.Percent}
		obs := pl.eval(xr)
		for name, v := range obs {
			w, ok := want[name]
			if ok && v.Cmp(w.Rat()) != 0 {
				sw.exact = false
				sw.notes = append(sw.notes, lang.Msg("whatif.note.model_disagrees", r.Member.ID, name, ratText(v), x, w))
				return
			}
		}
	}
}

func ratText(r *big.Rat) string { s, _, _ := ratString(r); return s }

// breakEven locates the first change of outcome between two neighbouring
// grid points.
func (sw *sweep) breakEven(last, next Point) (BreakEven, error) {
	be := BreakEven{Last: last.Value, Next: next.Value, Below: last.Outcome, Above: next.Outcome, BelowAt: last.Value, AboveAt: next.Value}
	grid := func(note lang.Message) BreakEven {
		be.At, be.Value, be.Attained, be.Exact = next.Value.String(), next.Value, true, false
		be.Note = note
		return be
	}
	if sw.discrete() {
		return sw.discreteBreakEven(be, last)
	}
	if !sw.exact {
		return grid(lang.Msg("whatif.breakeven.see_notes")), nil
	}
	a, b := last.Value.Rat(), next.Value.Rat()
	events, err := sw.events(a, b)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return grid(lang.Msg("whatif.breakeven.too_many")), nil
		}
		return be, err
	}
	// Walk the gaps and the event points in order.
	lo := a
	for _, e := range append(events, b) {
		if e.Cmp(lo) <= 0 {
			continue
		}
		// the open gap (lo, e)
		g := shortestBetween(lo, e)
		st, gd, err := sw.rankAt(g)
		if err != nil {
			return be, err
		}
		if o := st.outcome(sw.rb); !o.Equal(last.Outcome) {
			at, v, term := ratString(lo)
			be.At, be.Value, be.Attained, be.Exact, be.Above, be.AboveAt = at, v, false, true, o, gd
			if !term {
				be.Note = lang.Msg("whatif.breakeven.not_finite")
			}
			return be, nil
		}
		be.BelowAt = gd
		// the point e itself
		if _, ok := ratDecimal(e); ok {
			st, ed, err := sw.rankAt(e)
			if err != nil {
				return be, err
			}
			if o := st.outcome(sw.rb); !o.Equal(last.Outcome) {
				at, v, _ := ratString(e)
				be.At, be.Value, be.Attained, be.Exact, be.Above, be.AboveAt = at, v, true, true, o, ed
				return be, nil
			}
			be.BelowAt = ed
		}
		lo = e
	}
	sw.notes = append(sw.notes, lang.Msg("whatif.note.no_event", last.Value, next.Value))
	return grid(lang.Msg("whatif.breakeven.grid")), nil
}

// discrete reports whether the parameter takes whole values only (a count,
// or pass/fail).
func (sw *sweep) discrete() bool {
	return sw.p.Weight == "" && sw.fn.Domain.Discrete()
}

// discreteBreakEven ranks every whole value after the last grid value
// until the outcome changes.
func (sw *sweep) discreteBreakEven(be BreakEven, last Point) (BreakEven, error) {
	for v := last.Value.Add(one); v.LessThanOrEqual(be.Next); v = v.Add(one) {
		st, err := sw.rank(v)
		if err != nil {
			return be, err
		}
		if o := st.outcome(sw.rb); !o.Equal(last.Outcome) {
			be.At, be.Value, be.Attained, be.Exact, be.Above, be.AboveAt = v.String(), v, true, true, o, v
			be.Note = lang.Msg("whatif.breakeven.whole")
			return be, nil
		}
		be.BelowAt = v
	}
	return be, fmt.Errorf("%w: the outcome at %s differs from %s's but no whole value between them changes it", ErrModel, be.Next, last.Value)
}

// shortestBetween returns the decimal with the fewest places strictly
// between a and b (a < b).
func shortestBetween(a, b *big.Rat) *big.Rat {
	ten := big.NewInt(10)
	scale := big.NewInt(1)
	for {
		// n = floor(a·scale) + 1; candidate n/scale
		num := new(big.Int).Mul(a.Num(), scale)
		n := new(big.Int).Div(num, a.Denom()) // floor for positive denominators (Euclidean)
		n.Add(n, big.NewInt(1))
		c := new(big.Rat).SetFrac(n, scale)
		if c.Cmp(b) < 0 {
			return c
		}
		scale.Mul(scale, ten)
	}
}

// events lists, ascending and without repeats, every value in (a, b] where
// a comparison the outcome depends on may flip.
func (sw *sweep) events(a, b *big.Rat) ([]*big.Rat, error) {
	pieces, err := sw.pieces(a, b)
	if err != nil {
		return nil, err
	}
	set := map[string]*big.Rat{}
	add := func(x *big.Rat) {
		if x.Cmp(a) > 0 && x.Cmp(b) <= 0 {
			set[x.RatString()] = x
		}
	}
	for i := 1; i < len(pieces); i++ {
		add(pieces[i]) // kinks and tier thresholds
	}
	for _, x := range sw.special {
		add(x)
	}
	for i := 0; i+1 < len(pieces); i++ {
		if err := stopped(sw.ctx); err != nil {
			return nil, err
		}
		pa, pb := pieces[i], pieces[i+1]
		es, err := sw.pieceEvents(pa, pb)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			add(e)
		}
	}
	out := make([]*big.Rat, 0, len(set))
	for _, x := range set {
		out = append(out, x)
	}
	slices.SortFunc(out, func(x, y *big.Rat) int { return x.Cmp(y) })
	return out, nil
}

// pieces splits [a, b] at every kink (a cap or floor reached) and tier
// threshold of any member's model, so that within each piece every
// quantity is linear until its first rounding.
func (sw *sweep) pieces(a, b *big.Rat) ([]*big.Rat, error) {
	out := []*big.Rat{a, b}
	for round := 0; ; round++ {
		if err := stopped(sw.ctx); err != nil {
			return nil, err
		}
		var splits []*big.Rat
		for i := 0; i+1 < len(out); i++ {
			for _, pl := range sw.model {
				if pl == nil {
					continue
				}
				if k := pl.symbolic(out[i], out[i+1]).kink; k != nil {
					splits = append(splits, k)
					break
				}
			}
		}
		if len(splits) == 0 {
			return out, nil
		}
		out = append(out, splits...)
		slices.SortFunc(out, func(x, y *big.Rat) int { return x.Cmp(y) })
		out = slices.CompactFunc(out, func(x, y *big.Rat) bool { return x.Cmp(y) == 0 })
		if len(out) > sw.cfg.maxPoints {
			return nil, newError(ErrTooLarge, sw.p.Member, sw.node.ID, "", lang.Msg("whatif.err.kinks"))
		}
	}
}

// quantity is one member's compared quantity on a piece.
type quantity struct {
	member  int
	lin     lin      // its value without rounding (exact where not stepped)
	stepped bool     // it comes after a rounding
	err     *big.Rat // bound on |value − lin| (zero if not stepped)
}

// pieceEvents lists the events inside one piece (pa, pb): exact crossings
// of linear quantities, with each other and with thresholds; and, where a
// rounded quantity is within its rounding error of a crossing, every step
// of its rounding there.
func (sw *sweep) pieceEvents(pa, pb *big.Rat) ([]*big.Rat, error) {
	syms := make([]symbolic, len(sw.model))
	for i, pl := range sw.model {
		if pl != nil {
			syms[i] = pl.symbolic(pa, pb)
		}
	}
	qty := func(i int, name string) (quantity, bool) {
		if sw.model[i] == nil {
			v, ok := sw.constant(i, name)
			return quantity{member: i, lin: lin{v, new(big.Rat)}, err: new(big.Rat)}, ok
		}
		q, ok := syms[i].obs[name]
		if !ok {
			return quantity{}, false
		}
		q.member = i
		return q, true
	}
	var out []*big.Rat
	// window records that member i's rounding steps matter in [lo, hi].
	type window struct {
		member int
		lo, hi *big.Rat
	}
	var windows []window
	consider := func(x, y quantity, k *big.Rat) {
		// x − y (or x − k) as a linear form, with the sum of error bounds.
		c := new(big.Rat).Sub(x.lin.c, y.lin.c)
		if k != nil {
			c.Sub(x.lin.c, k)
		}
		s := new(big.Rat).Sub(x.lin.s, y.lin.s)
		e := new(big.Rat).Add(x.err, y.err)
		if !x.stepped && !y.stepped {
			if s.Sign() != 0 { // exact crossing
				out = append(out, new(big.Rat).Quo(new(big.Rat).Neg(c), s))
			}
			return
		}
		// where |c + s·t| ≤ e
		var lo, hi *big.Rat
		if s.Sign() == 0 {
			if new(big.Rat).Abs(c).Cmp(e) > 0 {
				return
			}
			lo, hi = pa, pb
		} else {
			t1 := new(big.Rat).Quo(new(big.Rat).Sub(new(big.Rat).Neg(e), c), s)
			t2 := new(big.Rat).Quo(new(big.Rat).Sub(e, c), s)
			if t1.Cmp(t2) > 0 {
				t1, t2 = t2, t1
			}
			lo, hi = ratMax(t1, pa), ratMin(t2, pb)
			if lo.Cmp(hi) > 0 {
				return
			}
		}
		for _, q := range []quantity{x, y} {
			if q.stepped && (k == nil || q.member == x.member) {
				windows = append(windows, window{q.member, lo, hi})
			}
		}
	}
	// The pairs of members one of which the parameter moves (in the order
	// of the members, the moved one first when both are).
	var moved []int
	for i, pl := range sw.model {
		if pl != nil {
			moved = append(moved, i)
		}
	}
	for _, name := range sw.compared {
		for k := range sw.model {
			for _, i := range moved {
				// pair (min, max) of i and k, once
				a, b := i, k
				if b < a {
					a, b = b, a
				}
				if a == b || (sw.model[a] != nil && sw.model[b] != nil && k == a) {
					continue
				}
				qa, ok := qty(a, name)
				if !ok {
					continue
				}
				if qb, ok := qty(b, name); ok {
					consider(qa, qb, nil)
				}
			}
		}
	}
	for name, ks := range sw.thresh {
		for i := range sw.model {
			if sw.model[i] == nil {
				continue
			}
			qi, ok := qty(i, name)
			if !ok {
				continue
			}
			for _, k := range ks {
				consider(qi, quantity{lin: lin{new(big.Rat), new(big.Rat)}, err: new(big.Rat)}, k)
			}
		}
	}
	// The rounding steps inside the windows, found by bisection over the
	// steps of each member's first rounding.
	for _, w := range windows {
		es, err := sw.model[w.member].steps(syms[w.member], w.lo, w.hi, sw.cfg.maxPoints)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// constant is a quantity of a member the parameter does not move.
func (sw *sweep) constant(i int, name string) (*big.Rat, bool) {
	r := sw.base.Rows[i]
	switch name {
	case "total":
		return r.Total.Rat(), true
	case "percent":
		return r.Percent.Rat(), true
	}
	var kind, id string
	for _, pre := range []string{"value:", "points:", "input:"} {
		if len(name) > len(pre) && name[:len(pre)] == pre {
			kind, id = pre, name[len(pre):]
		}
	}
	n, ok := sw.rb.Node(id)
	if !ok {
		return nil, false
	}
	ns := r.Card.Nodes[n.Index]
	switch kind {
	case "value:":
		return ns.Value.Rat(), true
	case "input:":
		return ns.Raw.Rat(), true
	}
	return ns.Points.Rat(), true
}

func ratMax(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func ratMin(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}
