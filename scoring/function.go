package scoring

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// This file is the one description of how a criterion turns its input into
// points. The scorer evaluates it (PointFunction.Apply is the computation
// Score makes for every value of a criterion), and the packages that reason
// about points without scoring a sheet — whatif's exact models, the
// simulation's compiled tables, covenant's projections — read the same
// value instead of knowing the methods. Only this file (and the scorer's
// trace wording) says what each rules.Method means.

// DomainKind is the kind of values a criterion accepts as input.
type DomainKind int

// The kinds of domain.
const (
	// Continuous: any decimal between the domain's bounds.
	Continuous DomainKind = iota
	// WholeCounts: whole numbers between the bounds (occurrences, votes).
	WholeCounts
	// Binary: 0 or 1 (đạt / không đạt).
	Binary
)

// Domain is the set of values a criterion accepts as input: those of its
// Kind between Min and Max (each inclusive; nil: unbounded on that side).
type Domain struct {
	Kind     DomainKind
	Min, Max *decimal.Decimal
}

// Accepts reports whether v is in the domain.
func (d Domain) Accepts(v decimal.Decimal) bool {
	return d.InBounds(v) && d.OnGrid(v)
}

// InBounds reports whether v lies between the bounds (whatever its kind).
func (d Domain) InBounds(v decimal.Decimal) bool {
	return (d.Min == nil || cmpDec(v, *d.Min) >= 0) && (d.Max == nil || cmpDec(v, *d.Max) <= 0)
}

// OnGrid reports whether v is of the domain's kind (a whole number for
// WholeCounts, 0 or 1 for Binary; any value for Continuous).
func (d Domain) OnGrid(v decimal.Decimal) bool {
	switch d.Kind {
	case WholeCounts:
		return v.IsInteger()
	case Binary:
		return v.IsZero() || cmpDec(v, one) == 0
	}
	return true
}

// Discrete reports whether the domain holds whole numbers only.
func (d Domain) Discrete() bool { return d.Kind != Continuous }

// Dependence says what, besides its own input, a criterion's points depend
// on.
type Dependence int

// The dependences.
const (
	// OwnInput: the points are a function of the member's input (and its
	// target) alone.
	OwnInput Dependence = iota
	// OnLeader: the points also depend on the cluster's leader — the best
	// achieved ÷ target among the members (relative criteria). The pieces
	// are those of PointFunction.GivenLeader; a member whose input passes
	// the leader's ratio becomes the leader and changes every other
	// member's points.
	OnLeader
	// OnBallot: the input is the member's votes in favour, not a value of
	// the sheet, and the points depend on the highest vote count among the
	// members (votes criteria). The pieces are those of
	// PointFunction.GivenTop.
	OnBallot
)

// Fraction is an exact rational number Num ÷ Den (Den positive), for the
// breakpoints that need not be decimals (a leader's ratio times a target).
type Fraction struct{ Num, Den decimal.Decimal }

// Whole returns d as a Fraction.
func Whole(d decimal.Decimal) Fraction { return Fraction{Num: d, Den: one} }

// Rat returns the fraction as a big.Rat.
func (f Fraction) Rat() *big.Rat { return new(big.Rat).Quo(f.Num.Rat(), f.Den.Rat()) }

// Cmp compares x with the fraction exactly: -1, 0 or +1 as x is less than,
// equal to or greater than it.
func (f Fraction) Cmp(x decimal.Decimal) int {
	if f.Den.Exponent() == 0 && f.Den.Cmp(one) == 0 {
		return cmpDec(x, f.Num) // a whole decimal: no product to build
	}
	return x.Mul(f.Den).Cmp(f.Num)
}

// String reads like "7.5" or "10/3".
func (f Fraction) String() string {
	if f.Den.Equal(one) {
		return f.Num.String()
	}
	return f.Num.String() + "/" + f.Den.String()
}

// Piece is one piece of a point function: from From to the next piece's
// From (the last piece runs to +∞), the points are
//
//	Round.Quo(Mul·x + Add, Div)   (one exact quotient, rounded once)
//
// or Mul·x + Add when Round is nil (Div is then 1). A piece with Mul zero is
// a constant: a tier.
type Piece struct {
	From      Fraction
	Unbounded bool // the piece starts at −∞ (the first piece only)
	Open      bool // From itself belongs to the previous piece
	Mul, Add  decimal.Decimal
	Div       decimal.Decimal
	Round     *rules.Rounding
}

// starts reports whether x is at or past the piece's start.
func (p Piece) starts(x decimal.Decimal) bool {
	if p.Unbounded {
		return true
	}
	c := p.From.Cmp(x)
	return c > 0 || (c == 0 && !p.Open)
}

// Value is the piece's points at x (before the cap).
func (p Piece) Value(x decimal.Decimal) decimal.Decimal {
	var y decimal.Decimal
	switch {
	case p.Mul.IsZero():
		y = p.Add
	case cmpDec(p.Mul, one) == 0:
		y = x
	default:
		y = mul(p.Mul, x)
	}
	if !p.Add.IsZero() && !p.Mul.IsZero() {
		y = add(y, p.Add)
	}
	if p.Round != nil {
		return quo(*p.Round, y, p.Div)
	}
	return y
}

// Constant reports whether the piece's points do not depend on the input.
func (p Piece) Constant() bool { return p.Mul.IsZero() }

// PointFunction describes how one criterion turns its input into points: the
// inputs it accepts, the points as a piecewise function of the input (exact
// pieces, then the cap), and how the points count in the criterion's group
// (weight, then the criterion-level rounding). It is what Score computes:
// the scorer evaluates this value.
type PointFunction struct {
	Criterion string
	Method    rules.Method // for display; consumers read the fields below
	Max       decimal.Decimal
	Domain    Domain
	// Depends says whether the pieces need the cluster (see GivenLeader,
	// GivenTop); ReadsTarget whether they read the member's target.
	Depends     Dependence
	ReadsTarget bool
	Target      decimal.Decimal // the target the pieces use (zero if none)
	// Falling is true when the points fall as the input rises (lower is
	// better, rules.Fewer: a count of violations): a member gains by
	// lowering its input, down to the domain's minimum. Otherwise the
	// points never fall as the input rises.
	Falling bool
	// Pieces in ascending order of From; nil when the function depends on
	// the cluster, or reads a target and none is known.
	Pieces []Piece
	// Cap bounds the points from above (nil: not capped; the domain keeps
	// them within the maximum).
	Cap *decimal.Decimal
	// Weight multiplies the points in the group; CriterionRound, if not
	// nil, rounds the weighted value (the contribution).
	Weight         decimal.Decimal
	CriterionRound *rules.Rounding
	// Quotient is the rounding of the quotients that become the points:
	// the ratio's, a relative's, votes', and several assessors' mean.
	Quotient rules.Rounding
}

// clone returns a copy of f that shares nothing that can be changed with
// f: its pieces, cap, roundings and domain bounds are copies.
func (f PointFunction) clone() PointFunction {
	g := f
	g.Domain.Min, g.Domain.Max = clonePtr(f.Domain.Min), clonePtr(f.Domain.Max)
	g.Cap = clonePtr(f.Cap)
	g.CriterionRound = clonePtr(f.CriterionRound)
	if f.Pieces != nil {
		g.Pieces = slices.Clone(f.Pieces)
		for i := range g.Pieces {
			g.Pieces[i].Round = clonePtr(g.Pieces[i].Round)
		}
	}
	return g
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Complete reports whether the function has its pieces (Apply may be used).
func (f PointFunction) Complete() bool { return f.Pieces != nil }

// piece returns the index of the piece that x falls in.
func (f PointFunction) piece(x decimal.Decimal) int {
	k := 0
	for i := 1; i < len(f.Pieces); i++ {
		if !f.Pieces[i].starts(x) {
			break
		}
		k = i
	}
	return k
}

// Apply returns the points that input x earns (in the criterion's own
// scale, before the weight): the piece x falls in, then the cap. Score
// computes every value this way. It panics on a function that is not
// Complete.
func (f PointFunction) Apply(x decimal.Decimal) decimal.Decimal {
	p, _, _ := f.eval(x)
	return p
}

// eval is Apply with the piece used and whether the cap applied.
func (f PointFunction) eval(x decimal.Decimal) (decimal.Decimal, int, bool) {
	if f.Pieces == nil {
		panic("scoring: PointFunction of " + f.Criterion + " has no pieces")
	}
	k := f.piece(x)
	p := f.Pieces[k].Value(x)
	if f.Cap != nil && cmpDec(p, *f.Cap) > 0 {
		return *f.Cap, k, true
	}
	return p, k, false
}

// Contribution is what points count in the criterion's group: weighted,
// then rounded at the criterion level if the rulebook says so.
func (f PointFunction) Contribution(points decimal.Decimal) decimal.Decimal {
	v := points
	if !f.Weight.Equal(one) {
		v = mul(v, f.Weight)
	}
	if f.CriterionRound != nil {
		v = round(*f.CriterionRound, v)
	}
	return v
}

// Identity reports whether the points are the input itself on the whole
// domain (one piece x, no rounding, no cap that the domain can pass).
func (f PointFunction) Identity() bool {
	if len(f.Pieces) != 1 {
		return false
	}
	p := f.Pieces[0]
	return p.Round == nil && p.Mul.Equal(one) && p.Add.IsZero() &&
		(f.Cap == nil || (f.Domain.Max != nil && f.Domain.Max.LessThanOrEqual(*f.Cap)))
}

// Saturation is the last breakpoint of the function: the start of the last
// piece, or where the last piece's unrounded value reaches the cap, or the
// domain's maximum, whichever is last (rounded up to a whole number on a
// discrete domain). From there on (from just after it if the last piece
// is Open there) the points are constant but for the last
// piece's rounding (which is applied before the cap, so the rounded points
// may reach the cap a rounding unit before or after it). ok is false when
// the points grow without bound or the function is not Complete.
func (f PointFunction) Saturation() (x *big.Rat, ok bool) {
	if len(f.Pieces) == 0 {
		return nil, false
	}
	last := f.Pieces[len(f.Pieces)-1]
	switch {
	case last.Constant() && last.Unbounded:
		x = new(big.Rat)
		if f.Domain.Min != nil {
			x = f.Domain.Min.Rat()
		}
	case last.Constant():
		x = last.From.Rat()
	case f.Cap != nil && last.Mul.IsPositive():
		// Mul·x + Add = Cap·Div
		x = new(big.Rat).Sub(new(big.Rat).Mul(f.Cap.Rat(), last.Div.Rat()), last.Add.Rat())
		x.Quo(x, last.Mul.Rat())
		if !last.Unbounded && x.Cmp(last.From.Rat()) < 0 {
			x = last.From.Rat()
		}
	}
	if f.Domain.Max != nil && (x == nil || x.Cmp(f.Domain.Max.Rat()) > 0) {
		x = f.Domain.Max.Rat()
	}
	if x == nil {
		return nil, false
	}
	if f.Domain.Discrete() && !x.IsInt() {
		c := new(big.Int).Div(x.Num(), x.Denom()) // floor (the denominator is positive)
		x = new(big.Rat).SetInt(c.Add(c, big.NewInt(1)))
	}
	return x, true
}

// Describe returns the point function of one criterion for a member whose
// target is target (zero: the criterion's default target). A ratio
// criterion with no positive target, and the criteria that depend on the
// cluster, have no pieces (see Complete, GivenLeader, GivenTop).
func Describe(rb *rules.Rulebook, criterion string, target decimal.Decimal) (PointFunction, error) {
	n, ok := rb.Node(criterion)
	switch {
	case !ok:
		return PointFunction{}, fmt.Errorf("unknown criterion %q", criterion)
	case n.IsGroup():
		return PointFunction{}, fmt.Errorf("%q is a group", criterion)
	}
	return describe(n, rb.Quotient(), rb.Rounding(), target), nil
}

// describe is Describe for a leaf node.
func describe(n rules.Node, quo rules.Rounding, round rules.RoundingPolicy, target decimal.Decimal) PointFunction {
	if target.IsZero() {
		target = n.Target
	}
	q := quo
	if r := round.Criterion; r != nil && n.EffectiveWeight().Equal(one) {
		q = *r // rounded once, at the criterion level (see leafQuo)
	}
	max := n.Max
	dom, dep := domainOf(n)
	f := PointFunction{Criterion: n.ID, Method: n.Method, Max: max, Weight: n.EffectiveWeight(), CriterionRound: round.Criterion, Quotient: q,
		Domain: dom, Depends: dep, Cap: &max}
	constant := func(from Fraction, open bool, p decimal.Decimal) Piece {
		return Piece{From: from, Open: open, Mul: decimal.Zero, Add: p, Div: one}
	}
	switch n.Method {
	case rules.Direct:
		f.Cap = nil
		f.Pieces = []Piece{{Unbounded: true, Mul: one, Add: decimal.Zero, Div: one}}
	case rules.PassFail:
		f.Cap = nil
		f.Pieces = []Piece{{Unbounded: true, Mul: decimal.Zero, Add: decimal.Zero, Div: one},
			constant(Whole(one), false, max), constant(Whole(one), true, decimal.Zero)}
	case rules.Ratio:
		f.ReadsTarget = true
		if target.IsPositive() {
			f.Target = target
			f.Pieces = []Piece{{Unbounded: true, Mul: max, Add: decimal.Zero, Div: target, Round: &f.Quotient}}
		}
	case rules.Tiers:
		ts := slices.Clone(n.Tiers)
		slices.SortStableFunc(ts, func(a, b rules.Tier) int { return a.AtLeast.Cmp(b.AtLeast) })
		ts = slices.CompactFunc(ts, func(a, b rules.Tier) bool { return a.AtLeast.Equal(b.AtLeast) }) // the first listed wins
		f.Pieces = make([]Piece, 1, len(ts)+1)
		f.Pieces[0] = Piece{Unbounded: true, Mul: decimal.Zero, Add: decimal.Zero, Div: one}
		for _, t := range ts {
			f.Pieces = append(f.Pieces, constant(Whole(t.AtLeast), false, t.Points))
		}
	case rules.PerOccurrence:
		f.Pieces = []Piece{{Unbounded: true, Mul: n.PointsEach, Add: decimal.Zero, Div: one}}
	case rules.Relative:
		f.ReadsTarget = true
		if target.IsPositive() {
			f.Target = target
		}
	case rules.Votes:
		f.Cap = nil
	case rules.Signed:
		// the input is the net points before the clamp (see combineSigned):
		// min below min, the input itself from min on, capped at max
		f.Pieces = []Piece{constant(Fraction{}, false, n.MinPoints), {From: Whole(n.MinPoints), Mul: one, Add: decimal.Zero, Div: one}}
		f.Pieces[0].Unbounded = true
	case rules.Fewer:
		// max − points_each × count down to zero (at max ÷ points_each
		// occurrences), then zero; the domain starts at 0, so the cap
		// (max) is never reached from above
		f.Falling = true
		f.Pieces = []Piece{{Unbounded: true, Mul: n.PointsEach.Neg(), Add: max, Div: one},
			constant(Fraction{Num: max, Den: n.PointsEach}, false, decimal.Zero)}
	default:
		panic("scoring: unknown method " + string(n.Method))
	}
	return f
}

var (
	zero0 = decimal.Zero
	one1  = decimal.NewFromInt(1)
)

// domainOf is the inputs a leaf accepts and what its points depend on
// besides its input. The domains' bounds are shared: do not change them.
// DomainOf is the set of input values a criterion accepts (what Describe's
// Domain says), for callers that hold the node rather than the rulebook.
func DomainOf(n rules.Node) Domain {
	d, _ := domainOf(n)
	return d
}

func domainOf(n rules.Node) (Domain, Dependence) {
	switch n.Method {
	case rules.Direct:
		mx := n.Max
		return Domain{Kind: Continuous, Min: &zero0, Max: &mx}, OwnInput
	case rules.PassFail:
		return Domain{Kind: Binary, Min: &zero0, Max: &one1}, OwnInput
	case rules.Tiers:
		return Domain{Kind: Continuous}, OwnInput // a measured value such as a growth rate may be negative
	case rules.PerOccurrence, rules.Fewer:
		return Domain{Kind: WholeCounts, Min: &zero0}, OwnInput
	case rules.Relative:
		return Domain{Kind: Continuous, Min: &zero0}, OnLeader
	case rules.Votes:
		return Domain{Kind: WholeCounts, Min: &zero0}, OnBallot
	case rules.Signed:
		return Domain{Kind: Continuous}, OwnInput // net points: any sign
	}
	return Domain{Kind: Continuous, Min: &zero0}, OwnInput // ratio
}

// GivenLeader returns the pieces of a relative criterion for a member when
// the best achieved ÷ target among the other members is la ÷ lt (la zero,
// lt positive: no other member). Passing the best ratio of all members,
// the member's own included, gives the same points for the member's input.
// With A the input, T the member's target and L the leader's ratio: below
// T ½·max·A/T; at T ½·max; above T and below L·T
// ½·max + ½·max·(A/T − 1)/(L − 1); from L·T on (the member leads) max.
// It panics unless f depends on the leader and has a target.
func (f PointFunction) GivenLeader(la, lt decimal.Decimal) PointFunction {
	if f.Depends != OnLeader || !f.Target.IsPositive() {
		panic("scoring: GivenLeader on " + f.Criterion)
	}
	t, mx, q := f.Target, f.Max, &f.Quotient
	g := f
	g.Pieces = []Piece{
		{Unbounded: true, Mul: mx, Add: decimal.Zero, Div: two.Mul(t), Round: q},
		{From: Whole(t), Mul: decimal.Zero, Add: mx, Div: two, Round: q},
	}
	if la.GreaterThan(lt) { // L > 1: between the target and the leader
		// ½·max + ½·max·(A/T − 1)/(L − 1) as one exact quotient:
		// max·((A−T)·lt + T·(la−lt)) ÷ (2·T·(la−lt))
		g.Pieces = append(g.Pieces, Piece{From: Whole(t), Open: true,
			Mul: mx.Mul(lt), Add: mx.Mul(t).Mul(la.Sub(two.Mul(lt))), Div: two.Mul(t).Mul(la.Sub(lt)), Round: q},
			Piece{From: Fraction{Num: la.Mul(t), Den: lt}, Mul: decimal.Zero, Add: mx, Div: one})
	} else {
		g.Pieces = append(g.Pieces, Piece{From: Whole(t), Open: true, Mul: decimal.Zero, Add: mx, Div: one})
	}
	return g
}

// GivenTop returns the pieces of a votes criterion when the highest vote
// count among the members is top: max × votes ÷ top, or 0 for everyone when
// nobody has a vote. It panics unless f depends on the ballot.
func (f PointFunction) GivenTop(top int) PointFunction {
	if f.Depends != OnBallot {
		panic("scoring: GivenTop on " + f.Criterion)
	}
	g := f
	if top == 0 {
		g.Pieces = []Piece{{Unbounded: true, Mul: decimal.Zero, Add: decimal.Zero, Div: one}}
		return g
	}
	g.Pieces = []Piece{{Unbounded: true, Mul: f.Max, Add: decimal.Zero, Div: decimal.NewFromInt(int64(top)), Round: &g.Quotient}}
	return g
}
