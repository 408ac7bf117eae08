package fixed

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

var modes = []rules.RoundingMode{rules.RoundHalfUp, rules.RoundHalfEven, rules.RoundDown, rules.RoundUp, rules.RoundFloor, rules.RoundCeiling}

// Div must agree with rules.Rounding.Quo (the decimal engine's division)
// for every mode, sign and remainder, including exact halves.
func TestDivMatchesDecimalQuotient(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := [][2]int64{{5, 2}, {-5, 2}, {15, 10}, {25, 10}, {-25, 10}, {1, 3}, {-1, 3}, {2, 3}, {7, 7}, {0, 9}}
	for range 20000 {
		den := rng.Int64N(1000) + 1
		if rng.IntN(4) == 0 {
			den = []int64{2, 10, 100, 4}[rng.IntN(4)]
		}
		cases = append(cases, [2]int64{rng.Int64N(2_000_001) - 1_000_000, den})
	}
	for _, c := range cases {
		for _, m := range modes {
			want := rules.Rounding{Places: 0, Mode: m}.Quo(decimal.NewFromInt(c[0]), decimal.NewFromInt(c[1]))
			if got := Div(c[0], c[1], ModeOf(m)); !decimal.NewFromInt(got).Equal(want) {
				t.Fatalf("Div(%d, %d, %s) = %d, want %s", c[0], c[1], m, got, want)
			}
		}
	}
}

// Rescale must agree with rules.Rounding.Round.
func TestRescaleMatchesDecimalRound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		v := rng.Int64N(2_000_001) - 1_000_000
		from := int32(rng.IntN(6))
		to := int32(rng.IntN(int(from) + 1))
		d := FromInt(v, from)
		for _, m := range modes {
			want := rules.Rounding{Places: to, Mode: m}.Round(d)
			got := FromInt(Rescale(v, from, to, ModeOf(m)), to)
			if !got.Equal(want) {
				t.Fatalf("Rescale(%s from %d to %d, %s) = %s, want %s", d, from, to, m, got, want)
			}
		}
	}
}

func TestToIntIsExactOrRefuses(t *testing.T) {
	cases := []struct {
		d     string
		scale int32
		want  int64
		ok    bool
	}{
		{"9.75", 2, 975, true},
		{"9.75", 4, 97500, true},
		{"9.755", 2, 0, false},
		{"-1.5", 1, -15, true},
		{"92233720368547758.08", 2, 0, false},
		{"1", 19, 0, false},
	}
	for _, c := range cases {
		got, ok := ToInt(decimal.RequireFromString(c.d), c.scale)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ToInt(%s, %d) = %d, %v; want %d, %v", c.d, c.scale, got, ok, c.want, c.ok)
		}
	}
}

func TestPlaces(t *testing.T) {
	for s, want := range map[string]int32{"1": 0, "1.50": 1, "0.25": 2, "100": 0, "1E2": 0, "0.000": 0, "12.99": 2} {
		if got := Places(decimal.RequireFromString(s)); got != want {
			t.Errorf("Places(%s) = %d, want %d", s, got, want)
		}
	}
}

// Divider must agree with Div for every mode, sign and divisor.
func TestDividerMatchesDiv(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	dens := []int64{1, 2, 3, 7, 10, 100, 9973, 1 << 31, 999_999_999_989, 1<<61 - 1}
	for range 5000 {
		dens = append(dens, rng.Int64N(1<<40)+1)
	}
	for _, den := range dens {
		v := NewDivider(den)
		for range 40 {
			num := rng.Int64N(1<<62) - 1<<61
			if rng.IntN(3) == 0 {
				num = (rng.Int64N(2001) - 1000) * den / 2 // exact halves and multiples
			}
			for m := HalfUp; m <= Ceiling; m++ {
				if got, want := v.Div(num, m), Div(num, den, m); got != want {
					t.Fatalf("Divider(%d).Div(%d, %d) = %d, Div = %d", den, num, m, got, want)
				}
			}
		}
	}
}

// ToInt and Places take an int64 path for coefficients of up to 18 digits:
// it must agree with exact big-number arithmetic for every sign, size and
// exponent, at the edges of int64 too.
func TestToIntAndPlacesAgreeWithBigArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	coefs := []int64{0, 1, -1, 10, 100, 975, -15, 999_999_999_999_999_999, -999_999_999_999_999_999, 922_337_203_685_477_580, 100_000_000_000_000_000}
	for range 20000 {
		c := rng.Int64N(1_000_000_000_000_000_000)
		if rng.IntN(2) == 0 {
			c = rng.Int64N(100_000) * []int64{1, 10, 1000, 1_000_000}[rng.IntN(4)]
		}
		if rng.IntN(2) == 0 {
			c = -c
		}
		coefs = append(coefs, c)
	}
	for i, c := range coefs {
		exp := int32(rng.IntN(44) - 22)
		if i < 11 {
			exp = int32(i%5) - 2
		}
		d := decimal.New(c, exp)
		// the reference: d·10^s exactly, as a rational
		for s := int32(-1); s <= MaxScale+1; s++ {
			got, ok := ToInt(d, s)
			r := new(big.Rat).SetInt(d.Coefficient())
			e := int64(exp) + int64(s)
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(max(e, -e)), nil)
			if e >= 0 {
				r.Mul(r, new(big.Rat).SetInt(p))
			} else {
				r.Quo(r, new(big.Rat).SetInt(p))
			}
			want := s >= 0 && s <= MaxScale && r.IsInt() && r.Num().IsInt64()
			if ok != want || (ok && got != r.Num().Int64()) {
				t.Fatalf("ToInt(%s, %d) = %d, %v; want %s, %v", d, s, got, ok, r.RatString(), want)
			}
		}
		// Places: the fewest places at which d is an integer
		want := int32(0)
		for ; want < 40; want++ {
			if d.Shift(want).IsInteger() {
				break
			}
		}
		if got := Places(d); got != want {
			t.Fatalf("Places(%s) = %d, want %d", d, got, want)
		}
	}
}

func TestMulInt(t *testing.T) {
	for _, c := range []struct {
		a, b, want int64
		ok         bool
	}{
		{3, 4, 12, true}, {-3, 4, -12, true}, {math.MaxInt64, 1, math.MaxInt64, true}, {math.MaxInt64, 2, 0, false},
		{math.MinInt64, 1, math.MinInt64, true}, {math.MinInt64, -1, 0, false}, {1 << 62, -2, math.MinInt64, true},
		{1 << 62, 2, 0, false}, {1 << 32, 1 << 32, 0, false}, {0, math.MinInt64, 0, true},
	} {
		if got, ok := MulInt(c.a, c.b); ok != c.ok || (ok && got != c.want) {
			t.Errorf("MulInt(%d, %d) = %d, %v; want %d, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}
