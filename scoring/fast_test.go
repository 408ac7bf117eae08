package scoring

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// randomDecimal draws a decimal of the kinds a sheet and the scorer make:
// small and large coefficients (up to 20 digits), zero, both signs,
// exponents from -15 to 5.
func randomDecimal(rng *rand.Rand) decimal.Decimal {
	var c int64
	switch rng.IntN(6) {
	case 0:
		c = 0
	case 1:
		c = rng.Int64N(1_000_000_000_000_000_000) // up to 18 digits
	case 2:
		d, _ := decimal.NewFromString("123456789012345678901")
		return d.Shift(int32(rng.IntN(10) - 5)).Mul(decimal.NewFromInt(int64(rng.IntN(3) - 1)))
	default:
		c = rng.Int64N(100_000)
	}
	if rng.IntN(3) == 0 {
		c = -c
	}
	return decimal.New(c, int32(rng.IntN(21)-15))
}

var modes = []rules.RoundingMode{"", rules.RoundHalfUp, rules.RoundHalfEven, rules.RoundDown, rules.RoundUp, rules.RoundFloor, rules.RoundCeiling}

// same reports whether two decimals are the same in every respect: value,
// exponent and the coefficient's representation (reflect.DeepEqual, as
// some callers compare scorecards).
func same(a, b decimal.Decimal) bool {
	return a.Equal(b) && a.Exponent() == b.Exponent() && reflect.DeepEqual(a, b)
}

// The fast arithmetic gives the very decimals of the operations it stands
// for.
func TestFastArithmeticIsTheDecimalOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200_000 {
		a, b := randomDecimal(rng), randomDecimal(rng)
		r := rules.Rounding{Places: int32(rng.IntN(rules.MaxPlaces + 1)), Mode: modes[rng.IntN(len(modes))]}
		if got, want := mul(a, b), a.Mul(b); !same(got, want) {
			t.Fatalf("mul(%s, %s) = %#v, want %#v", a, b, got, want)
		}
		if got, want := add(a, b), a.Add(b); !same(got, want) {
			t.Fatalf("add(%s, %s) = %#v, want %#v", a, b, got, want)
		}
		if got, want := sub(a, b), a.Sub(b); !same(got, want) {
			t.Fatalf("sub(%s, %s) = %#v, want %#v", a, b, got, want)
		}
		if got, want := add(a, a.Neg()), a.Add(a.Neg()); !same(got, want) {
			t.Fatalf("add(%s, -%s) = %#v, want %#v", a, a, got, want)
		}
		if got, want := sub(a, a), a.Sub(a); !same(got, want) {
			t.Fatalf("sub(%s, %s) = %#v, want %#v", a, a, got, want)
		}
		if got, want := round(r, a), r.Round(a); !same(got, want) {
			t.Fatalf("round(%v, %s) = %#v, want %#v", r, a, got, want)
		}
		if b.IsZero() {
			continue
		}
		if got, want := quo(r, a, b), r.Quo(a, b); !same(got, want) {
			t.Fatalf("quo(%v, %s, %s) = %#v, want %#v", r, a, b, got, want)
		}
	}
	// Halves, every mode, both signs: the rounding modes' edges.
	for _, m := range modes {
		for c := int64(-30); c <= 30; c++ {
			d := decimal.New(c*5, -2) // …, -0.05, 0, 0.05, 0.10, …
			r := rules.Rounding{Places: 1, Mode: m}
			if got, want := round(r, d), r.Round(d); !same(got, want) {
				t.Fatalf("round(%v, %s) = %#v, want %#v", r, d, got, want)
			}
			for _, den := range []int64{2, -2, 4, 3, -7} {
				if got, want := quo(r, d, decimal.NewFromInt(den)), r.Quo(d, decimal.NewFromInt(den)); !same(got, want) {
					t.Fatalf("quo(%v, %s, %d) = %#v, want %#v", r, d, den, got, want)
				}
			}
		}
	}
}
