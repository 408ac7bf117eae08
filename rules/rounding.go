package rules

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// RoundingMode says which way a value between two steps goes.
type RoundingMode string

// The rounding modes a rulebook may name.
const (
	RoundHalfUp   RoundingMode = "half_up"   // 0.5 away from zero (làm tròn thông thường): 8.125 → 8.13
	RoundHalfEven RoundingMode = "half_even" // 0.5 to the even neighbour (banker's rounding)
	RoundDown     RoundingMode = "down"      // towards zero (cắt bỏ)
	RoundUp       RoundingMode = "up"        // away from zero
	RoundFloor    RoundingMode = "floor"     // towards −∞
	RoundCeiling  RoundingMode = "ceiling"   // towards +∞
)

var roundingModes = []RoundingMode{RoundHalfUp, RoundHalfEven, RoundDown, RoundUp, RoundFloor, RoundCeiling}

// Valid reports whether m is one of the rounding modes (the empty mode is
// not: a Rounding reads it as half_up, but a mode given must be named).
func (m RoundingMode) Valid() bool {
	for _, x := range roundingModes {
		if m == x {
			return true
		}
	}
	return false
}

// Message names the mode in any language: "half_up" in English (the
// rulebook's word), "làm tròn thông thường" in Vietnamese. The empty mode
// is half_up.
func (m RoundingMode) Message() lang.Message {
	switch m {
	case RoundHalfEven:
		return lang.Msg("rounding.half_even")
	case RoundDown:
		return lang.Msg("rounding.down")
	case RoundUp:
		return lang.Msg("rounding.up")
	case RoundFloor:
		return lang.Msg("rounding.floor")
	case RoundCeiling:
		return lang.Msg("rounding.ceiling")
	}
	return lang.Msg("rounding.half_up")
}

// Rounding is one rounding rule: a number of decimal places and a mode.
// The zero Mode means half_up.
type Rounding struct {
	Places int32        `yaml:"places" json:"places"`
	Mode   RoundingMode `yaml:"mode" json:"mode,omitempty"`
}

// MaxPlaces bounds the decimal places a rulebook may ask for.
const MaxPlaces = 12

func (r Rounding) mode() RoundingMode {
	if r.Mode == "" {
		return RoundHalfUp
	}
	return r.Mode
}

// Message states the rule in any language; in English it reads as String
// does.
func (r Rounding) Message() lang.Message {
	if r.Places == 1 {
		return lang.Msg("rounding.one").With(r.mode().Message())
	}
	return lang.Msg("rounding", r.Places).With(r.mode().Message())
}

// String reads like "2 places, half_up" ("1 place, …").
func (r Rounding) String() string {
	if r.Places == 1 {
		return fmt.Sprintf("1 place, %s", r.mode())
	}
	return fmt.Sprintf("%d places, %s", r.Places, r.mode())
}

// Round rounds d to r.Places decimal places in r's mode.
func (r Rounding) Round(d decimal.Decimal) decimal.Decimal {
	switch r.mode() {
	case RoundHalfEven:
		return d.RoundBank(r.Places)
	case RoundDown:
		return d.RoundDown(r.Places)
	case RoundUp:
		return d.RoundUp(r.Places)
	case RoundFloor:
		return d.RoundFloor(r.Places)
	case RoundCeiling:
		return d.RoundCeil(r.Places)
	default:
		return d.Round(r.Places)
	}
}

// Quo returns num ÷ den rounded once, to r.Places in r's mode. The result is
// the exact quotient rounded a single time (no intermediate rounding), so it
// is the same on every machine and in every implementation that follows the
// same rule. den must not be zero.
func (r Rounding) Quo(num, den decimal.Decimal) decimal.Decimal {
	if den.IsZero() {
		panic("rules: Rounding.Quo by zero")
	}
	// num/den = (n·10^a)/(m·10^b); scale so the integer quotient has r.Places digits.
	n, m := new(big.Int).Set(num.Coefficient()), new(big.Int).Set(den.Coefficient())
	shift := int64(num.Exponent()) - int64(den.Exponent()) + int64(r.Places)
	if shift >= 0 {
		n.Mul(n, pow10(shift))
	} else {
		m.Mul(m, pow10(-shift))
	}
	q, rem := new(big.Int).QuoRem(n, m, new(big.Int))
	if rem.Sign() != 0 {
		neg := (n.Sign() < 0) != (m.Sign() < 0)
		if roundAway(r.mode(), neg, q, rem, m) {
			if neg {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return decimal.NewFromBigInt(q, -r.Places)
}

// roundAway decides whether the truncated quotient q (rounded towards zero,
// with non-zero remainder rem of divisor m) moves one step away from zero.
func roundAway(mode RoundingMode, neg bool, q, rem, m *big.Int) bool {
	switch mode {
	case RoundDown:
		return false
	case RoundUp:
		return true
	case RoundFloor:
		return neg
	case RoundCeiling:
		return !neg
	}
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	c := twice.CmpAbs(m)
	switch {
	case c > 0:
		return true
	case c < 0:
		return false
	}
	if mode == RoundHalfEven {
		return q.Bit(0) == 1
	}
	return true
}

func pow10(n int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// RoundInt rounds num/den to a whole number in mode m (used for award
// quotas such as 30% of 7 members).
func RoundInt(num, den int64, m RoundingMode) int64 {
	q := Rounding{Places: 0, Mode: m}.Quo(decimal.NewFromInt(num), decimal.NewFromInt(den))
	return q.IntPart()
}
