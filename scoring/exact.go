package scoring

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// cmpDec compares a and b exactly, as a.Cmp(b) does, without building a
// number (see rules.CompareDecimals).
func cmpDec(a, b decimal.Decimal) int { return rules.CompareDecimals(a, b) }

// sum adds decimals and gives the very decimal that adding them one by one
// to decimal.Zero gives (its exponent is the least of Zero's and theirs),
// but it keeps the sum in an int64 while it fits: one number is built in
// the end, instead of one for each term.
type sum struct {
	n    int   // terms added
	exp  int32 // the least exponent so far (Zero's is 0)
	c    int64 // the sum so far, × 10^exp, while it fits
	slow bool  // it did not fit: the sum so far is d
	d    decimal.Decimal
}

func (s *sum) add(x decimal.Decimal) {
	s.n++
	if !s.slow && x.NumDigits() <= 18 {
		c, e := x.CoefficientInt64(), x.Exponent()
		if s.scale(&s.c, &s.exp, e) && s.scale(&c, &e, s.exp) {
			if r := s.c + c; (c >= 0) == (r >= s.c) { // no overflow
				s.c = r
				return
			}
		}
	}
	if !s.slow {
		s.slow, s.d = true, decimal.New(s.c, s.exp)
	}
	s.d = s.d.Add(x)
}

// scale brings c × 10^e down to the exponent to (if e > to), reporting
// whether the coefficient still fits.
func (*sum) scale(c *int64, e *int32, to int32) bool {
	for ; *e > to; *e-- {
		if *c > math.MaxInt64/10 || *c < math.MinInt64/10 {
			return false
		}
		*c *= 10
	}
	return true
}

// value is the sum.
func (s *sum) value() decimal.Decimal {
	switch {
	case s.n == 0:
		return decimal.Zero
	case s.slow:
		return s.d
	}
	return decimal.New(s.c, s.exp)
}

// The scorer computes the same points for the same input many times: a
// cluster's members give a criterion a few dozen distinct values, so a
// ratio's quotient or a rounding is the same for most of them. memo keeps
// those results by their input (its coefficient and exponent, packed in an
// int64), so that each is computed, and its decimal built, once per Score;
// members share the decimal (decimals are never changed).
//
// The steps of traces repeat as the points do: the same criterion given
// the same value at the same stage reads the same for every member. memo
// keeps those steps too, and members' traces share their texts (a
// scorecard is read only).
type memo struct {
	on     bool                        // worth it: the cluster has many members (see memoMembers)
	nn     int                         // nodes
	kept   int                         // results kept, at most maxMemo
	evals  []map[int64]evalResult      // per node
	rounds []map[int64]decimal.Decimal // per rounding level (which)
	steps  []map[int64]Step            // per kind of step and node (see step…)
}

// maxMemo bounds the memo: past it, results are computed every time.
const maxMemo = 1 << 16

// memoMembers is the size of a cluster from which the scorer remembers
// results: in a smaller one, the maps would cost more than they save.
const memoMembers = 32

type evalResult struct {
	p      decimal.Decimal
	k      int
	capped bool
}

// The kinds of steps memo keeps.
const (
	stepInput = iota
	stepMethod
	stepCapped
	stepCounts
	stepGroup
	stepWeight
	stepRounded
	stepMissing
	stepKinds
)

func (m *memo) start(on bool, nn int) {
	*m = memo{on: on, nn: nn}
	if on {
		m.evals, m.rounds, m.steps = make([]map[int64]evalResult, nn), make([]map[int64]decimal.Decimal, 2), make([]map[int64]Step, stepKinds*nn)
	}
}

// pack is the memo's key of v with aux (a stage's position, say): its
// coefficient, exponent and aux in an int64, if they fit.
func pack(aux int, v decimal.Decimal) (int64, bool) {
	e := v.Exponent()
	if aux < 0 || aux > 0xff || e < -128 || e > 127 || v.NumDigits() > 14 { // 10^14 < 2^47
		return 0, false
	}
	return v.CoefficientInt64()<<16 | int64(uint8(int8(e)))<<8 | int64(aux), true
}

// eval is f.eval(v) for criterion n, remembered when f is the criterion's
// own function (the engine's, for its own target).
func (s *scorer) eval(n *rules.Node, f *PointFunction, v decimal.Decimal) (decimal.Decimal, int, bool) {
	if !s.memo.on || f != &s.eng.fns[n.Index] {
		return f.eval(v)
	}
	key, ok := pack(0, v)
	if !ok {
		return f.eval(v)
	}
	t := s.memo.evals[n.Index]
	if r, ok := t[key]; ok {
		return r.p, r.k, r.capped
	}
	p, k, capped := f.eval(v)
	if s.memo.kept < maxMemo {
		if t == nil {
			t = map[int64]evalResult{}
			s.memo.evals[n.Index] = t
		}
		t[key] = evalResult{p, k, capped}
		s.memo.kept++
	}
	return p, k, capped
}

// roundAt is r.Round(v), remembered; which (0 or 1) tells r's level apart.
func (s *scorer) roundAt(which int, r *rules.Rounding, v decimal.Decimal) decimal.Decimal {
	if !s.memo.on {
		return round(*r, v)
	}
	key, ok := pack(0, v)
	if !ok {
		return round(*r, v)
	}
	t := s.memo.rounds[which]
	if d, ok := t[key]; ok {
		return d
	}
	d := round(*r, v)
	if s.memo.kept < maxMemo {
		if t == nil {
			t = map[int64]decimal.Decimal{}
			s.memo.rounds[which] = t
		}
		t[key] = d
		s.memo.kept++
	}
	return d
}

// stepRef says where a step is kept: its kind's and node's table and its
// key there; ok is false if it cannot be kept.
type stepRef struct {
	table int
	key   int64
	ok    bool
}

// stepKey is where the step of a kind about node and v (and aux) is kept.
func (s *scorer) stepKey(kind, node, aux int, v decimal.Decimal) stepRef {
	if !s.memo.on {
		return stepRef{}
	}
	key, ok := pack(aux, v)
	return stepRef{kind*s.memo.nn + node, key, ok}
}

// kept returns the step kept at ref, if any.
func (s *scorer) kept(ref stepRef) (Step, bool) {
	if !ref.ok {
		return Step{}, false
	}
	st, hit := s.memo.steps[ref.table][ref.key]
	return st, hit
}

// keep keeps st at ref, if it can be kept, and returns it.
func (s *scorer) keep(ref stepRef, st Step) Step {
	if ref.ok && s.memo.kept < maxMemo {
		t := s.memo.steps[ref.table]
		if t == nil {
			t = map[int64]Step{}
			s.memo.steps[ref.table] = t
		}
		t[ref.key] = st
		s.memo.kept++
	}
	return st
}

// absDiffExceeds reports whether |a − b| > t, exactly, without building a
// number; ok is false, and nothing is decided, unless the three fit in
// int64s at their least exponent.
func absDiffExceeds(a, b, t decimal.Decimal) (exceeds, ok bool) {
	if a.NumDigits() > 18 || b.NumDigits() > 18 || t.NumDigits() > 18 {
		return false, false
	}
	e := min(a.Exponent(), b.Exponent(), t.Exponent())
	x, ex := a.CoefficientInt64(), a.Exponent()
	y, ey := b.CoefficientInt64(), b.Exponent()
	z, ez := t.CoefficientInt64(), t.Exponent()
	var s sum
	if !s.scale(&x, &ex, e) || !s.scale(&y, &ey, e) || !s.scale(&z, &ez, e) {
		return false, false
	}
	d := x - y
	if (y >= 0) != (d <= x) || d == math.MinInt64 { // overflow
		return false, false
	}
	if d < 0 {
		d = -d
	}
	return d > z, true
}
