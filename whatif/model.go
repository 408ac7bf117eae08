package whatif

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// lin is the linear form c + s·x.
type lin struct{ c, s *big.Rat }

func (l lin) at(x *big.Rat) *big.Rat {
	v := new(big.Rat).Mul(l.s, x)
	return v.Add(v, l.c)
}

type opKind int

const (
	opLin     opKind = iota // y·mul + add
	opRound                 // a rulebook rounding
	opCap                   // min(bound, y)
	opFloor                 // max(bound, y)
	opTiers                 // the points of the highest threshold y reaches
	opPieces                // a criterion's point function (scoring.PointFunction)
	opObserve               // record y under a name
)

type tierStep struct{ at, points *big.Rat }

// ratPiece is a scoring.Piece in rationals: from from (open: just after it)
// the value is mul·y + add, divided by div and rounded when round is set.
type ratPiece struct {
	from          *big.Rat // nil: from −∞
	open          bool
	mul, add, div *big.Rat
	round         *rules.Rounding
}

// ratPieces converts a point function's pieces.
func ratPieces(f scoring.PointFunction) []ratPiece {
	out := make([]ratPiece, len(f.Pieces))
	for i, p := range f.Pieces {
		out[i] = ratPiece{open: p.Open, mul: rat(p.Mul), add: rat(p.Add), div: rat(p.Div), round: p.Round}
		if !p.Unbounded {
			out[i].from = p.From.Rat()
		}
	}
	return out
}

// pieceAt is the index of the piece y falls in.
func pieceAt(ps []ratPiece, y *big.Rat) int {
	k := 0
	for i, p := range ps {
		if p.from == nil {
			k = i
			continue
		}
		if c := y.Cmp(p.from); c > 0 || (c == 0 && !p.open) {
			k = i
		}
	}
	return k
}

// lin is the piece's unrounded value as a linear form.
func (p ratPiece) lin() lin {
	return lin{new(big.Rat).Quo(p.add, p.div), new(big.Rat).Quo(p.mul, p.div)}
}

type op struct {
	kind     opKind
	mul, add *big.Rat
	round    rules.Rounding
	bound    *big.Rat
	tiers    []tierStep // ascending thresholds
	pieces   []ratPiece
	name     string
}

// pipeline computes one member's quantities from the parameter's value, with
// exact rational arithmetic, by the same steps the engine takes.
type pipeline struct{ ops []op }

func rat(d decimal.Decimal) *big.Rat { return d.Rat() }

func (pl *pipeline) lin(mul, add *big.Rat) {
	pl.ops = append(pl.ops, op{kind: opLin, mul: mul, add: add})
}

func (pl *pipeline) round(r *rules.Rounding) {
	if r != nil {
		pl.ops = append(pl.ops, op{kind: opRound, round: *r})
	}
}

func (pl *pipeline) observe(name string) { pl.ops = append(pl.ops, op{kind: opObserve, name: name}) }

// eval computes every observed quantity at x.
func (pl *pipeline) eval(x *big.Rat) map[string]*big.Rat {
	out := map[string]*big.Rat{}
	y := new(big.Rat).Set(x)
	for _, o := range pl.ops {
		switch o.kind {
		case opLin:
			y = new(big.Rat).Add(new(big.Rat).Mul(y, o.mul), o.add)
		case opRound:
			y = roundRat(y, o.round)
		case opCap:
			if y.Cmp(o.bound) > 0 {
				y = new(big.Rat).Set(o.bound)
			}
		case opFloor:
			if y.Cmp(o.bound) < 0 {
				y = new(big.Rat).Set(o.bound)
			}
		case opTiers:
			y = tierPoints(o.tiers, y)
		case opPieces:
			p := o.pieces[pieceAt(o.pieces, y)]
			y = p.lin().at(y)
			if p.round != nil {
				y = roundRat(y, *p.round)
			}
		case opObserve:
			out[o.name] = new(big.Rat).Set(y)
		}
	}
	return out
}

func tierPoints(ts []tierStep, y *big.Rat) *big.Rat {
	p := new(big.Rat)
	for _, t := range ts {
		if y.Cmp(t.at) >= 0 {
			p = t.points
		}
	}
	return new(big.Rat).Set(p)
}

// symbolic is a pipeline over a piece (a, b): each observed quantity as a
// linear form of its unrounded value, whether a rounding precedes it and a
// bound on how far rounding moves it; the first rounding's input; or a kink
// inside the piece where it must be split.
type symbolic struct {
	kink  *big.Rat
	obs   map[string]quantity
	first *firstRound
}

type firstRound struct {
	in    lin
	round rules.Rounding
}

// symbolic follows the unrounded quantities (roundings taken as identity)
// through the piece.
func (pl *pipeline) symbolic(a, b *big.Rat) symbolic {
	var sy symbolic
	sy.obs = map[string]quantity{}
	y := lin{new(big.Rat), big.NewRat(1, 1)}
	errb := new(big.Rat)
	stepped := false
	crossing := func(k *big.Rat) *big.Rat { // x inside (a, b) where y = k, if any
		if y.s.Sign() == 0 {
			return nil
		}
		x := new(big.Rat).Quo(new(big.Rat).Sub(k, y.c), y.s)
		if x.Cmp(a) > 0 && x.Cmp(b) < 0 {
			return x
		}
		return nil
	}
	mid := new(big.Rat).Quo(new(big.Rat).Add(a, b), big.NewRat(2, 1))
	for _, o := range pl.ops {
		switch o.kind {
		case opLin:
			y = lin{new(big.Rat).Add(new(big.Rat).Mul(y.c, o.mul), o.add), new(big.Rat).Mul(y.s, o.mul)}
			errb = new(big.Rat).Mul(errb, new(big.Rat).Abs(o.mul))
		case opRound:
			if !stepped {
				sy.first = &firstRound{in: y, round: o.round}
				stepped = true
			}
			errb = new(big.Rat).Add(errb, maxRoundingError(o.round))
		case opCap, opFloor:
			if x := crossing(o.bound); x != nil {
				sy.kink = x
				return sy
			}
			v := y.at(mid)
			if (o.kind == opCap && v.Cmp(o.bound) > 0) || (o.kind == opFloor && v.Cmp(o.bound) < 0) {
				y = lin{new(big.Rat).Set(o.bound), new(big.Rat)}
			}
		case opTiers:
			for _, t := range o.tiers {
				if x := crossing(t.at); x != nil {
					sy.kink = x
					return sy
				}
			}
			y = lin{tierPoints(o.tiers, y.at(mid)), new(big.Rat)}
		case opPieces:
			for _, p := range o.pieces {
				if p.from == nil {
					continue
				}
				if x := crossing(p.from); x != nil {
					sy.kink = x
					return sy
				}
			}
			p := o.pieces[pieceAt(o.pieces, y.at(mid))]
			pl := p.lin()
			y = lin{new(big.Rat).Add(new(big.Rat).Mul(y.c, pl.s), pl.c), new(big.Rat).Mul(y.s, pl.s)}
			errb = new(big.Rat).Mul(errb, new(big.Rat).Abs(pl.s))
			if p.round != nil {
				if !stepped {
					sy.first = &firstRound{in: y, round: *p.round}
					stepped = true
				}
				errb = new(big.Rat).Add(errb, maxRoundingError(*p.round))
			}
		case opObserve:
			sy.obs[o.name] = quantity{lin: y, stepped: stepped, err: errb}
		}
	}
	return sy
}

// maxRoundingError is the most a rounding moves a value: half a unit for
// the half modes, a whole unit otherwise.
func maxRoundingError(r rules.Rounding) *big.Rat {
	u := new(big.Rat).SetFrac(big.NewInt(1), pow10(int64(r.Places)))
	switch r.Mode {
	case rules.RoundHalfUp, rules.RoundHalfEven, "":
		return u.Quo(u, big.NewRat(2, 1))
	}
	return u
}

func pow10(n int64) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil) }

// roundRat rounds x as the rulebook's rounding rounds a decimal.
func roundRat(x *big.Rat, r rules.Rounding) *big.Rat {
	scale := pow10(int64(r.Places))
	n := new(big.Int).Mul(x.Num(), scale)
	m := x.Denom()
	q, rem := new(big.Int).QuoRem(n, m, new(big.Int)) // truncated towards zero
	if rem.Sign() != 0 {
		neg := n.Sign() < 0
		away := false
		switch r.Mode {
		case rules.RoundDown:
		case rules.RoundUp:
			away = true
		case rules.RoundFloor:
			away = neg
		case rules.RoundCeiling:
			away = !neg
		default:
			twice := new(big.Int).Abs(rem)
			twice.Lsh(twice, 1)
			switch c := twice.Cmp(m); {
			case c > 0:
				away = true
			case c == 0:
				away = r.Mode != rules.RoundHalfEven || q.Bit(0) == 1
			}
		}
		if away {
			if neg {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return new(big.Rat).SetFrac(q, scale)
}

// steps lists the values in [lo, hi] where the quantities after the
// pipeline's first rounding change: the rounding's steps, found by
// bisection (the quantities are monotone in the rounded value, so equal
// values at two steps mean no change between them).
func (pl *pipeline) steps(sy symbolic, lo, hi *big.Rat, limit int) ([]*big.Rat, error) {
	if sy.first == nil || sy.first.in.s.Sign() <= 0 {
		return nil, nil
	}
	l, r := sy.first.in, sy.first.round
	u := new(big.Rat).SetFrac(big.NewInt(1), pow10(int64(r.Places)))
	off := new(big.Rat) // boundaries at (k + off)·u
	switch r.Mode {
	case rules.RoundHalfUp, rules.RoundHalfEven, "":
		off = big.NewRat(1, 2)
	}
	idx := func(y *big.Rat, ceil bool) *big.Int { // k with (k+off)·u nearest y from above (ceil) or below
		t := new(big.Rat).Sub(new(big.Rat).Quo(y, u), off)
		q := new(big.Int).Div(t.Num(), t.Denom()) // floor
		if ceil && !t.IsInt() {
			q.Add(q, big.NewInt(1))
		}
		return q
	}
	kLo, kHi := idx(l.at(lo), true), idx(l.at(hi), false)
	if kLo.Cmp(kHi) > 0 {
		return nil, nil
	}
	count := new(big.Int).Sub(kHi, kLo)
	if !count.IsInt64() || count.Int64() > 1<<40 {
		return nil, newError(ErrTooLarge, "", "", "", lang.Msg("whatif.err.rounding"))
	}
	K := count.Int64() + 1
	// position 0: the cell before step kLo; 2j+1: step kLo+j; 2j+2: the cell after it.
	xAt := func(pos int64) *big.Rat {
		k := new(big.Rat).SetInt(new(big.Int).Add(kLo, big.NewInt((pos-1)/2)))
		if pos%2 == 0 { // a cell: half a unit past the step before it
			k = new(big.Rat).SetInt(new(big.Int).Add(kLo, big.NewInt(pos/2-1)))
			k.Add(k, big.NewRat(1, 2))
		}
		beta := new(big.Rat).Mul(new(big.Rat).Add(k, off), u)
		return new(big.Rat).Quo(new(big.Rat).Sub(beta, l.c), l.s)
	}
	stepped := []string{}
	for name, q := range sy.obs {
		if q.stepped {
			stepped = append(stepped, name)
		}
	}
	slices.Sort(stepped)
	memo := map[int64]string{}
	state := func(pos int64) string {
		if s, ok := memo[pos]; ok {
			return s
		}
		v := pl.eval(xAt(pos))
		var b strings.Builder
		for _, n := range stepped {
			fmt.Fprintf(&b, "%s=%s;", n, v[n].RatString())
		}
		memo[pos] = b.String()
		return memo[pos]
	}
	var out []*big.Rat
	var walk func(a, b int64) error
	walk = func(a, b int64) error {
		if state(a) == state(b) {
			return nil
		}
		if b-a == 1 {
			k := b
			if k%2 == 0 {
				k-- // a change into a cell happens at the step before it
			}
			out = append(out, xAt(k))
			if len(out) > limit {
				return newError(ErrTooLarge, "", "", "", lang.Msg("whatif.err.rounding"))
			}
			return nil
		}
		m := a + (b-a)/2
		if err := walk(a, m); err != nil {
			return err
		}
		return walk(m, b)
	}
	if err := walk(0, 2*K); err != nil {
		return nil, err
	}
	return out, nil
}

// build makes every member's pipeline and lists what the outcome compares.
func (sw *sweep) build() {
	rb := sw.rb
	nodes := rb.Nodes()
	rnd := rb.Rounding()
	percentUsed := false
	sw.thresh = map[string][]*big.Rat{}
	sw.compared = []string{"total"}
	for _, tb := range append([]rules.TieBreak{standings.Basis(rb)}, rb.TieBreaks()...) {
		switch c := standings.Compare(tb); {
		case !c.Numeric:
		case c.Quantity == standings.Percent:
			percentUsed = true
		case c.Quantity == standings.Value:
			sw.compared = append(sw.compared, "value:"+c.Ref)
		case c.Quantity == standings.Input:
			sw.compared = append(sw.compared, "input:"+c.Ref) // a fewer tie-break: the counts
		}
	}
	required := map[string]bool{}
	for _, a := range rb.Awards() {
		for _, id := range a.Requires {
			required[id] = true
		}
	}
	for _, g := range rb.Grades() { // a band change is an outcome change
		for _, id := range g.Requires {
			required[id] = true
		}
	}
	for _, c := range rb.Eligibility() {
		if !required[c.ID] {
			continue
		}
		switch {
		case c.MinTotal != nil:
			sw.thresh["total"] = append(sw.thresh["total"], rat(*c.MinTotal))
		case c.MaxTotal != nil:
			sw.thresh["total"] = append(sw.thresh["total"], rat(*c.MaxTotal))
		case c.MinPercent != nil:
			percentUsed = true
			sw.thresh["percent"] = append(sw.thresh["percent"], rat(*c.MinPercent))
		case c.MaxPercent != nil:
			percentUsed = true
			sw.thresh["percent"] = append(sw.thresh["percent"], rat(*c.MaxPercent))
		case c.GroupMin != nil:
			sw.thresh["points:"+c.GroupMin.Group] = append(sw.thresh["points:"+c.GroupMin.Group], rat(c.GroupMin.Min))
		case c.CriterionFloor != nil && sw.p.Weight == "":
			n := sw.node
			if c.CriterionFloor.Within == "" || under(nodes, n.Index, c.CriterionFloor.Within) {
				k := new(big.Rat).Mul(big.NewRat(c.CriterionFloor.Share.Num, c.CriterionFloor.Share.Den), rat(n.Max))
				sw.thresh["points:"+n.ID] = append(sw.thresh["points:"+n.ID], k)
			}
		}
	}
	if percentUsed {
		sw.compared = append(sw.compared, "percent")
	}
	switch {
	case sw.p.Weight != "" && percentUsed:
		sw.exact = false
		sw.notes = append(sw.notes, lang.Msg("whatif.note.percent_weight"))
		return
	case sw.p.Weight == "" && sw.fn.Depends == scoring.OnLeader:
		sw.exact = false
		sw.notes = append(sw.notes, lang.Msg("whatif.note.relative"))
		return
	}
	// A criterion's points do not depend on its own weight, except in one
	// place: with criterion rounding, a weight-1 criterion's quotients (a
	// ratio, several assessors' mean) are rounded by the criterion rule,
	// any other weight's by the quotient rule. The model then follows the
	// points of weight ≠ 1, and weight 1 itself is an event of its own.
	rows := sw.placed
	if sw.p.Weight != "" && !sw.node.IsGroup() && rnd.Criterion != nil {
		one1, other := sw.placed, sw.placed
		var err error
		if sw.baseline.Equal(one) {
			other, err = sw.rank(decimal.NewFromInt(2))
		} else {
			one1, err = sw.rank(one)
		}
		if err != nil {
			sw.exact = false
			sw.notes = append(sw.notes, lang.Msg("whatif.note.unrankable", err.Error()))
			return
		}
		rows = other
		sw.modelOne = sw.pipelines(one1)
		sw.special = append(sw.special, big.NewRat(1, 1))
	}
	sw.model = sw.pipelines(rows)
}

// pipelines builds every member's pipeline from the node values of st,
// indexed like the base standings' rows (nil for a member the parameter
// does not move).
func (sw *sweep) pipelines(st *placing) []*pipeline {
	rb := sw.rb
	nodes := rb.Nodes()
	rnd := rb.Rounding()
	out := make([]*pipeline, len(sw.base.Rows))
	for i, br := range sw.base.Rows {
		card := st.card(br.Member.ID)
		if sw.p.Weight == "" && card.Member.ID != sw.p.Member {
			continue
		}
		x := sw.node
		if !card.Nodes[x.Index].Assigned {
			continue
		}
		pl := &pipeline{}
		if sw.p.Weight != "" {
			pl.lin(rat(card.Nodes[x.Index].Points), new(big.Rat))
			if x.IsGroup() {
				pl.round(rnd.Group)
			} else {
				pl.round(rnd.Criterion)
			}
		} else {
			pl.observe("input:" + x.ID) // the score itself, which a fewer tie-break compares
			sw.method(pl, x, card.Nodes[x.Index].Target)
			pl.observe("points:" + x.ID)
			pl.lin(rat(x.EffectiveWeight()), new(big.Rat))
			pl.round(rnd.Criterion)
		}
		pl.observe("value:" + x.ID)
		child := x.Index
		for a := x.Parent; a >= 0; a = nodes[a].Parent {
			others := rat(card.Nodes[a].Items) // the group's own items
			for _, k := range nodes[a].Kids {
				if k != child {
					others.Add(others, rat(card.Nodes[k].Value))
				}
			}
			pl.lin(big.NewRat(1, 1), others)
			pl.observe("points:" + nodes[a].ID)
			pl.lin(rat(nodes[a].EffectiveWeight()), new(big.Rat))
			pl.round(rnd.Group)
			pl.observe("value:" + nodes[a].ID)
			child = a
		}
		others := new(big.Rat)
		for _, k := range rb.Roots() {
			if k != child {
				others.Add(others, rat(card.Nodes[k].Value))
			}
		}
		others.Add(others, rat(card.Bonus.Total))
		others.Sub(others, rat(card.Deductions.Total))
		pl.lin(big.NewRat(1, 1), others)
		if f := rb.Deductions().Floor; f != nil {
			pl.ops = append(pl.ops, op{kind: opFloor, bound: rat(*f)})
		}
		pl.round(rnd.Total)
		pl.observe("total")
		if sw.p.Weight == "" {
			pl.lin(new(big.Rat).Quo(big.NewRat(100, 1), rat(card.Attainable)), new(big.Rat))
			q := percentQuo(rb)
			pl.round(&q)
			pl.observe("percent")
		}
		out[i] = pl
	}
	return out
}

// leafQuo is the rounding the engine gives a quotient that becomes a
// criterion's points: the criterion level's own rule when the criterion has
// weight 1 and criterion rounding (so the value is rounded once), else the
// quotient rule.
func leafQuo(rb *rules.Rulebook, n rules.Node) rules.Rounding {
	if r := rb.Rounding().Criterion; r != nil && n.EffectiveWeight().Equal(one) {
		return *r
	}
	return rb.Quotient()
}

// percentQuo is the single rounding of the percentage: the percent level's
// rule if given, else the quotient rule.
func percentQuo(rb *rules.Rulebook) rules.Rounding {
	if r := rb.Rounding().Percent; r != nil {
		return *r
	}
	return rb.Quotient()
}

// method adds the steps that turn a score into points: the criterion's
// point function, as the engine evaluates it, then the stage aggregate.
func (sw *sweep) method(pl *pipeline, n rules.Node, target decimal.Decimal) {
	q := leafQuo(sw.rb, n)
	f, err := scoring.Describe(sw.rb, n.ID, target)
	if err != nil || !f.Complete() {
		panic(fmt.Sprintf("whatif: criterion %s has no point function: %v", n.ID, err))
	}
	pl.ops = append(pl.ops, op{kind: opPieces, pieces: ratPieces(f)})
	if f.Cap != nil {
		pl.ops = append(pl.ops, op{kind: opCap, bound: rat(*f.Cap)})
	}
	// Several assessors at the counted stage: their mean (or an even
	// median, or a trimmed mean) of equal points is one rounded quotient.
	row, _ := sw.base.Row(sw.p.Member)
	stage := row.Card.Nodes[n.Index].Stage
	count := 0
	for _, e := range sw.sh.Scores {
		if e.Member == sw.p.Member && e.Criterion == n.ID && e.Stage == stage {
			count++
		}
	}
	if st, _, ok := sw.rb.Stage(stage); ok && count > 1 && (st.Aggregate != rules.Median || count%2 == 0) {
		pl.round(&q)
	}
}
