package rules

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// CompareDecimals compares a and b exactly, as a.Cmp(b) does: -1, 0 or +1
// as a is less than, equal to or greater than b. Unlike a.Cmp(b), it
// builds no number when both coefficients fit in an int64 once brought to
// a common exponent (a.Cmp(b) allocates whenever the exponents differ, as
// 9.5 and 10 do), so that the engine can compare in its loops.
func CompareDecimals(a, b decimal.Decimal) int {
	if a.Exponent() == b.Exponent() {
		return a.Cmp(b) // no scaling: nothing is built
	}
	if c, ok := cmpScaled(a, 1, b, 1); ok {
		return c
	}
	return a.Cmp(b)
}

// cmpScaled compares a·m with b·n exactly (m and n not negative): -1, 0 or
// +1. ok is false, and nothing is compared, unless both coefficients fit
// in an int64 once brought to a common exponent; then no number is built
// (decimal's arithmetic allocates for every product and for comparing
// numbers of different exponents).
func cmpScaled(a decimal.Decimal, m int64, b decimal.Decimal, n int64) (c int, ok bool) {
	if m < 0 || n < 0 || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	x, y := a.CoefficientInt64(), b.CoefficientInt64()
	ea, eb := a.Exponent(), b.Exponent()
	for ; ea > eb; ea-- {
		if x > math.MaxInt64/10 || x < math.MinInt64/10 {
			return 0, false
		}
		x *= 10
	}
	for ; eb > ea; eb-- {
		if y > math.MaxInt64/10 || y < math.MinInt64/10 {
			return 0, false
		}
		y *= 10
	}
	sx, sy := sign(x)*sign(m), sign(y)*sign(n)
	switch {
	case sx != sy:
		return cmpInt(sx, sy), true
	case sx == 0:
		return 0, true
	}
	// the same sign: compare the magnitudes |x|·m and |y|·n (128 bits)
	hx, lx := bits.Mul64(abs(x), uint64(m))
	hy, ly := bits.Mul64(abs(y), uint64(n))
	c = cmpInt(hx, hy)
	if c == 0 {
		c = cmpInt(lx, ly)
	}
	return c * sx, true
}

func sign(x int64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// abs is |x| for x > math.MinInt64.
func abs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func cmpInt[T int | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
