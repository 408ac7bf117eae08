// Package fixed is exact integer fixed-point arithmetic for the compiled
// simulation engine: a decimal value v at scale s is the int64 v·10^s.
// Conversions refuse anything that would not be exact, and every rounding
// follows the same mode semantics as github.com/shopspring/decimal and
// rules.Rounding, so that results are identical to the decimal engine's.
package fixed

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// MaxScale is the largest scale (decimal places) supported.
const MaxScale = 18

// Pow10 holds 10^0 … 10^18.
var Pow10 = func() [MaxScale + 1]int64 {
	var p [MaxScale + 1]int64
	p[0] = 1
	for i := 1; i <= MaxScale; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Places returns the number of decimal places d needs (0 for integers and
// for values like 1.50, whose exact value is 1.5: 1 place).
func Places(d decimal.Decimal) int32 {
	if d.Exponent() >= 0 {
		return 0
	}
	if c, e, ok := Parts(d); ok {
		p := -e
		for p > 0 && c != 0 && c%10 == 0 {
			c /= 10
			p--
		}
		if c == 0 {
			return 0
		}
		return p
	}
	c := new(big.Int).Set(d.Coefficient())
	p := -d.Exponent()
	ten, r := big.NewInt(10), new(big.Int)
	for p > 0 && c.Sign() != 0 {
		q, rem := new(big.Int).QuoRem(c, ten, r)
		if rem.Sign() != 0 {
			break
		}
		c = q
		p--
	}
	if c.Sign() == 0 {
		return 0
	}
	return p
}

// Parts returns d as coefficient·10^exponent with the coefficient in an
// int64, without allocating; ok is false when the coefficient has more
// than 18 digits (the callers then take the big-number path).
func Parts(d decimal.Decimal) (coef int64, exp int32, ok bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// ToInt returns d·10^scale as an int64 and true, or false if that is not
// an integer or does not fit. It allocates nothing for coefficients of up
// to 18 digits.
func ToInt(d decimal.Decimal, scale int32) (int64, bool) {
	if scale < 0 || scale > MaxScale {
		return 0, false
	}
	if c, e, ok := Parts(d); ok {
		return shiftInt(c, int64(e)+int64(scale))
	}
	v := d.Shift(scale)
	if !v.IsInteger() {
		return 0, false
	}
	b := v.BigInt()
	if !b.IsInt64() {
		return 0, false
	}
	return b.Int64(), true
}

// shiftInt returns c·10^e as an int64 and true, or false if that is not
// an integer or does not fit; |c| < 10^18.
func shiftInt(c, e int64) (int64, bool) {
	switch {
	case c == 0:
		return 0, true
	case e >= 0:
		if e > MaxScale {
			return 0, false
		}
		return MulInt(c, Pow10[e])
	case e < -MaxScale:
		return 0, false // |c| < 10^18 is no multiple of 10^19 or more
	}
	f := Pow10[-e]
	if c%f != 0 {
		return 0, false
	}
	return c / f, true
}

// MulInt returns a·b and true, or false if the product overflows an int64.
func MulInt(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uabs(b))
	if hi != 0 || lo > 1<<63 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true // lo = 2^63 gives math.MinInt64
	}
	if lo == 1<<63 {
		return 0, false
	}
	return int64(lo), true
}

// uabs is |v| as a uint64 (2^63 for math.MinInt64).
func uabs(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// FromInt returns v/10^scale as a decimal.
func FromInt(v int64, scale int32) decimal.Decimal { return decimal.New(v, -scale) }

// Fits reports whether |b| ≤ 2^62, the bound the compiled engine keeps every
// intermediate value under (leaving room for one addition).
func Fits(b *big.Int) bool {
	return new(big.Int).Abs(b).Cmp(big.NewInt(math.MaxInt64/2)) <= 0
}

// Mode is a rounding mode as a small integer, for the hot path.
type Mode uint8

// The modes, matching rules.RoundingMode.
const (
	HalfUp Mode = iota
	HalfEven
	Down
	Up
	Floor
	Ceiling
)

// ModeOf converts a rulebook rounding mode.
func ModeOf(m rules.RoundingMode) Mode {
	switch m {
	case rules.RoundHalfEven:
		return HalfEven
	case rules.RoundDown:
		return Down
	case rules.RoundUp:
		return Up
	case rules.RoundFloor:
		return Floor
	case rules.RoundCeiling:
		return Ceiling
	}
	return HalfUp
}

// Div returns num/den rounded to an integer in mode m. den must be positive
// and num, den must be below 2^62 in magnitude.
func Div(num, den int64, m Mode) int64 {
	q, r := num/den, num%den // q truncated towards zero
	if r == 0 {
		return q
	}
	return round(q, r, den, num < 0, m)
}

// Divider divides by one positive constant many times, exactly, with a
// multiplication instead of a division: the quotient of the high product
// with ⌊(2^64−1)/d⌋ is at most two below the true one and is corrected.
type Divider struct {
	d, magic uint64
}

// NewDivider returns a Divider by d > 0.
func NewDivider(d int64) Divider {
	if d <= 0 {
		panic("fixed: NewDivider needs a positive divisor")
	}
	return Divider{uint64(d), ^uint64(0) / uint64(d)}
}

// Div returns num/d rounded in mode m, exactly as Div(num, d, m).
func (v Divider) Div(num int64, m Mode) int64 {
	neg := num < 0
	n := uint64(num)
	if neg {
		n = uint64(-num)
	}
	q, _ := bits.Mul64(n, v.magic)
	r := n - q*v.d
	for r >= v.d {
		q++
		r -= v.d
	}
	sq, sr := int64(q), int64(r)
	if neg {
		sq, sr = -sq, -sr
	}
	if sr == 0 {
		return sq
	}
	return round(sq, sr, int64(v.d), neg, m)
}

// round moves the truncated quotient q (remainder r ≠ 0, divisor den > 0)
// one step away from zero if mode m says so.
func round(q, r, den int64, neg bool, m Mode) int64 {
	var away bool
	switch m {
	case Down:
		away = false
	case Up:
		away = true
	case Floor:
		away = neg
	case Ceiling:
		away = !neg
	default:
		ar := r
		if ar < 0 {
			ar = -ar
		}
		switch c := 2*ar - den; {
		case c > 0:
			away = true
		case c < 0:
			away = false
		case m == HalfEven:
			away = q%2 != 0
		default:
			away = true
		}
	}
	if !away {
		return q
	}
	if neg {
		return q - 1
	}
	return q + 1
}

// Rescale converts v from scale from to scale to, rounding in mode m when
// places are dropped.
func Rescale(v int64, from, to int32, m Mode) int64 {
	switch {
	case to == from:
		return v
	case to > from:
		return v * Pow10[to-from]
	}
	return Div(v, Pow10[from-to], m)
}
