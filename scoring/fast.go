package scoring

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/rules"
)

// The scorer's arithmetic on small decimals. Most of a cluster's numbers
// have a few digits: their coefficients fit in an int64, and so do their
// products, sums and quotients. These functions compute those in int64s
// (package internal/fixed, whose division rounds exactly as
// rules.Rounding.Quo does, in every mode) and build one decimal for the
// result, instead of the big numbers the decimal package and
// rules.Rounding build for each step. Each returns the very decimal the
// operation it stands for returns — the same value with the same exponent
// and, but for zero, the same coefficient — and takes that operation's
// path for anything else: a coefficient of more than 18 digits, an
// intermediate value that does not fit, and every result that is zero
// (whose coefficient the decimal package builds in more than one way).

// maxFast bounds the magnitude of fixed.Div's operands.
const maxFast = 1 << 62

// small is d's coefficient and exponent, if the coefficient has at most 18
// digits.
func small(d decimal.Decimal) (int64, int32, bool) { return fixed.Parts(d) }

// quo is r.Quo(num, den).
func quo(r rules.Rounding, num, den decimal.Decimal) decimal.Decimal {
	n, ne, ok1 := small(num)
	d, de, ok2 := small(den)
	if ok1 && ok2 && d != 0 && r.Places >= 0 && r.Places <= rules.MaxPlaces {
		shift := int64(ne) - int64(de) + int64(r.Places)
		ok := shift >= -fixed.MaxScale && shift <= fixed.MaxScale
		switch {
		case !ok:
		case shift >= 0:
			n, ok = fixed.MulInt(n, fixed.Pow10[shift])
		default:
			d, ok = fixed.MulInt(d, fixed.Pow10[-shift])
		}
		if ok && n > -maxFast && n < maxFast && d > -maxFast && d < maxFast {
			if d < 0 {
				n, d = -n, -d
			}
			if q := fixed.Div(n, d, fixed.ModeOf(r.Mode)); q != 0 {
				return decimal.New(q, -r.Places)
			}
		}
	}
	return r.Quo(num, den)
}

// round is r.Round(d).
func round(r rules.Rounding, d decimal.Decimal) decimal.Decimal {
	c, e, ok := small(d)
	if ok && c != 0 && r.Places >= 0 && r.Places <= rules.MaxPlaces {
		switch k := int64(e) + int64(r.Places); {
		case k == 0: // already at the rule's places: d itself, or a copy of it
			return d
		case k > 0 && k <= fixed.MaxScale: // fewer places: the same value at the rule's places
			if x, ok := fixed.MulInt(c, fixed.Pow10[k]); ok {
				return decimal.New(x, -r.Places)
			}
		case k < 0 && k >= -fixed.MaxScale: // more places: rounded
			if q := fixed.Div(c, fixed.Pow10[-k], fixed.ModeOf(r.Mode)); q != 0 {
				return decimal.New(q, -r.Places)
			}
		}
	}
	return r.Round(d)
}

// mul is a.Mul(b).
func mul(a, b decimal.Decimal) decimal.Decimal {
	x, xe, ok1 := small(a)
	y, ye, ok2 := small(b)
	if ok1 && ok2 && x != 0 && y != 0 {
		if e := int64(xe) + int64(ye); e >= -1<<31 && e < 1<<31 {
			if p, ok := fixed.MulInt(x, y); ok {
				return decimal.New(p, int32(e))
			}
		}
	}
	return a.Mul(b)
}

// add is a.Add(b).
func add(a, b decimal.Decimal) decimal.Decimal {
	x, xe, ok1 := small(a)
	y, ye, ok2 := small(b)
	if ok1 && ok2 && int64(max(xe, ye))-int64(min(xe, ye)) <= fixed.MaxScale {
		e := min(xe, ye)
		var s sum
		if s.scale(&x, &xe, e) && s.scale(&y, &ye, e) {
			if r := x + y; (y >= 0) == (r >= x) && r != 0 { // no overflow, not zero
				return decimal.New(r, e)
			}
		}
	}
	return a.Add(b)
}

// sub is a.Sub(b).
func sub(a, b decimal.Decimal) decimal.Decimal {
	x, xe, ok1 := small(a)
	y, ye, ok2 := small(b)
	if ok1 && ok2 && int64(max(xe, ye))-int64(min(xe, ye)) <= fixed.MaxScale {
		e := min(xe, ye)
		var s sum
		if s.scale(&x, &xe, e) && s.scale(&y, &ye, e) {
			if r := x - y; (y >= 0) == (r <= x) && r != 0 { // no overflow, not zero
				return decimal.New(r, e)
			}
		}
	}
	return a.Sub(b)
}
