package rules_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/thidua/thidua/rules"
)

var allModes = []rules.RoundingMode{
	rules.RoundHalfUp, rules.RoundHalfEven, rules.RoundDown,
	rules.RoundUp, rules.RoundFloor, rules.RoundCeiling,
}

// refRound rounds x to places decimal places in mode, with big.Rat only:
// it finds the two neighbours ⌊y⌋ and ⌈y⌉ of y = x·10^places and picks one.
func refRound(x *big.Rat, places int32, mode rules.RoundingMode) *big.Rat {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	y := new(big.Rat).Mul(x, scale)
	if y.IsInt() {
		return x
	}
	lo := new(big.Int).Div(y.Num(), y.Denom()) // Euclidean: ⌊y⌋, as Denom > 0
	hi := new(big.Int).Add(lo, big.NewInt(1))
	frac := new(big.Rat).Sub(y, new(big.Rat).SetInt(lo))
	pos := y.Sign() > 0
	var pick *big.Int
	switch mode {
	case rules.RoundFloor:
		pick = lo
	case rules.RoundCeiling:
		pick = hi
	case rules.RoundDown:
		pick = map[bool]*big.Int{true: lo, false: hi}[pos]
	case rules.RoundUp:
		pick = map[bool]*big.Int{true: hi, false: lo}[pos]
	case rules.RoundHalfUp, "", rules.RoundHalfEven:
		switch frac.Cmp(big.NewRat(1, 2)) {
		case -1:
			pick = lo
		case 1:
			pick = hi
		default:
			if mode == rules.RoundHalfEven {
				pick = map[bool]*big.Int{true: lo, false: hi}[new(big.Int).Abs(lo).Bit(0) == 0]
			} else {
				pick = map[bool]*big.Int{true: hi, false: lo}[pos]
			}
		}
	default:
		panic("refRound: unknown mode " + string(mode))
	}
	return new(big.Rat).Quo(new(big.Rat).SetInt(pick), scale)
}

func TestRefRound(t *testing.T) {
	// The reference itself, on the textbook cases.
	cases := []struct {
		x    string
		mode rules.RoundingMode
		want string
	}{
		{"2.5", rules.RoundHalfEven, "2"}, {"3.5", rules.RoundHalfEven, "4"}, {"-2.5", rules.RoundHalfEven, "-2"},
		{"-3.5", rules.RoundHalfEven, "-4"}, {"2.5", rules.RoundHalfUp, "3"}, {"-2.5", rules.RoundHalfUp, "-3"},
		{"-2.1", rules.RoundDown, "-2"}, {"-2.1", rules.RoundUp, "-3"}, {"-2.1", rules.RoundFloor, "-3"}, {"-2.1", rules.RoundCeiling, "-2"},
	}
	for _, tc := range cases {
		x, _ := new(big.Rat).SetString(tc.x)
		want, _ := new(big.Rat).SetString(tc.want)
		if got := refRound(x, 0, tc.mode); got.Cmp(want) != 0 {
			t.Errorf("refRound(%s, %s) = %s, want %s", tc.x, tc.mode, got.RatString(), tc.want)
		}
	}
}

func TestRound(t *testing.T) {
	// want lists the result in the order half_up, half_even, down, up, floor, ceiling.
	cases := []struct {
		x      string
		places int32
		want   [6]string
	}{
		{"8.125", 2, [6]string{"8.13", "8.12", "8.12", "8.13", "8.12", "8.13"}},
		{"-8.125", 2, [6]string{"-8.13", "-8.12", "-8.12", "-8.13", "-8.13", "-8.12"}},
		{"8.135", 2, [6]string{"8.14", "8.14", "8.13", "8.14", "8.13", "8.14"}},
		{"2.5", 0, [6]string{"3", "2", "2", "3", "2", "3"}},
		{"-2.5", 0, [6]string{"-3", "-2", "-2", "-3", "-3", "-2"}},
		{"3.5", 0, [6]string{"4", "4", "3", "4", "3", "4"}},
		{"2.4999", 0, [6]string{"2", "2", "2", "3", "2", "3"}},
		{"-2.4999", 0, [6]string{"-2", "-2", "-2", "-3", "-3", "-2"}},
		{"2.5001", 0, [6]string{"3", "3", "2", "3", "2", "3"}},
		{"0.0049", 2, [6]string{"0", "0", "0", "0.01", "0", "0.01"}},
		{"-0.0049", 2, [6]string{"0", "0", "0", "-0.01", "-0.01", "0"}},
		{"1.20", 2, [6]string{"1.2", "1.2", "1.2", "1.2", "1.2", "1.2"}},
		{"5", 2, [6]string{"5", "5", "5", "5", "5", "5"}},
		{"97.995", 2, [6]string{"98", "98", "97.99", "98", "97.99", "98"}},
	}
	for _, tc := range cases {
		for i, m := range allModes {
			t.Run(fmt.Sprintf("%s to %d places %s is %s", tc.x, tc.places, m, tc.want[i]), func(t *testing.T) {
				got := rules.Rounding{Places: tc.places, Mode: m}.Round(dec(tc.x))
				if !got.Equal(dec(tc.want[i])) {
					t.Errorf("got %s", got)
				}
			})
		}
	}
	t.Run("the zero mode is half_up", func(t *testing.T) {
		assert.Equal(t, "8.13", rules.Rounding{Places: 2}.Round(dec("8.125")).String())
		assert.Equal(t, "-3", rules.Rounding{}.Round(dec("-2.5")).String())
		assert.Equal(t, "2 places, half_up", rules.Rounding{Places: 2}.String())
		assert.Equal(t, "4 places, floor", rules.Rounding{Places: 4, Mode: rules.RoundFloor}.String())
	})
}

// randomDecimal returns a decimal with up to digits digits and an exponent
// in [minExp, maxExp], either sign.
func randomDecimal(r *rand.Rand, digits int, minExp, maxExp int32) decimal.Decimal {
	b := make([]byte, 1+r.IntN(digits))
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	c, _ := new(big.Int).SetString(string(b), 10)
	if r.IntN(2) == 0 {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, minExp+r.Int32N(maxExp-minExp+1))
}

func TestRoundAgreesWithExactArithmetic(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 1))
	for i := range 6000 {
		var x decimal.Decimal
		var places int32
		if i%2 == 0 {
			// few digits, so that ties are common
			x = randomDecimal(r, 3, -3, 0)
			places = r.Int32N(3)
		} else {
			x = randomDecimal(r, 18, -14, 3)
			places = r.Int32N(rules.MaxPlaces + 1)
		}
		for _, m := range allModes {
			got := rules.Rounding{Places: places, Mode: m}.Round(x)
			want := refRound(x.Rat(), places, m)
			if got.Rat().Cmp(want) != 0 {
				t.Fatalf("Round(%s, %d places, %s) = %s, want %s", x, places, m, got, want.FloatString(int(places)))
			}
		}
	}
}

func TestQuo(t *testing.T) {
	cases := []struct {
		num, den string
		places   int32
		mode     rules.RoundingMode
		want     string
	}{
		{"2", "3", 4, rules.RoundHalfUp, "0.6667"},
		{"2", "3", 4, rules.RoundDown, "0.6666"},
		{"-2", "3", 4, rules.RoundFloor, "-0.6667"},
		{"-2", "3", 4, rules.RoundCeiling, "-0.6666"},
		{"1", "8", 2, rules.RoundHalfEven, "0.12"},
		{"3", "8", 2, rules.RoundHalfEven, "0.38"},
		{"-1", "8", 2, rules.RoundHalfUp, "-0.13"},
		{"1", "-8", 2, rules.RoundHalfUp, "-0.13"},
		{"-1", "-8", 2, rules.RoundHalfUp, "0.13"},
		{"10", "4", 0, rules.RoundHalfEven, "2"},
		{"14", "4", 0, rules.RoundHalfEven, "4"},
		{"17", "20", 6, rules.RoundHalfUp, "0.85"},
		{"0", "7", 3, rules.RoundUp, "0"},
		{"97.5", "100", 2, rules.RoundDown, "0.97"},
		{"0.001", "1000", 4, rules.RoundUp, "0.0001"},
		{"12345.678", "0.001", 0, rules.RoundHalfUp, "12345678"},
		// One rounding, not two: 0.4449… would become 0.445 then 0.45 if rounded twice.
		{"4449", "10000", 2, rules.RoundHalfUp, "0.44"},
		{"2", "3", 0, "", "1"}, // the zero mode is half_up
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s ÷ %s to %d places %s is %s", tc.num, tc.den, tc.places, tc.mode, tc.want), func(t *testing.T) {
			got := rules.Rounding{Places: tc.places, Mode: tc.mode}.Quo(dec(tc.num), dec(tc.den))
			if !got.Equal(dec(tc.want)) {
				t.Errorf("got %s", got)
			}
		})
	}
	t.Run("division by zero panics", func(t *testing.T) {
		assert.Panics(t, func() { rules.Rounding{Places: 2}.Quo(dec("1"), decimal.Zero) })
	})
}

func TestQuoEqualsTheExactQuotientRoundedOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 4242))
	for i := range 5000 {
		var num, den decimal.Decimal
		var places int32
		switch i % 3 {
		case 0: // small values: many exact halves
			num = randomDecimal(r, 3, -2, 0)
			den = randomDecimal(r, 2, -1, 0)
			places = r.Int32N(3)
		case 1: // scores and maxima as in rulebooks
			num = randomDecimal(r, 6, -4, 0)
			den = randomDecimal(r, 4, -2, 1)
			places = r.Int32N(rules.MaxPlaces + 1)
		default: // wide exponents
			num = randomDecimal(r, 20, -20, 10)
			den = randomDecimal(r, 15, -15, 8)
			places = r.Int32N(rules.MaxPlaces + 1)
		}
		if den.IsZero() {
			continue
		}
		exact := new(big.Rat).Quo(num.Rat(), den.Rat())
		for _, m := range allModes {
			got := rules.Rounding{Places: places, Mode: m}.Quo(num, den)
			want := refRound(exact, places, m)
			if got.Rat().Cmp(want) != 0 {
				t.Fatalf("Quo(%s, %s, %d places, %s) = %s, want %s", num, den, places, m, got, want.FloatString(int(places)))
			}
			if got.Exponent() < -places {
				t.Fatalf("Quo(%s, %s, %d places, %s) = %s has more than %d places", num, den, places, m, got, places)
			}
		}
	}
}

func TestRoundInt(t *testing.T) {
	cases := []struct {
		name     string
		num, den int64
		mode     rules.RoundingMode
		want     int64
	}{
		{"30% of 7 members rounded down is 2", 3 * 7, 10, rules.RoundFloor, 2},
		{"30% of 7 members rounded up is 3", 3 * 7, 10, rules.RoundCeiling, 3},
		{"30% of 7 members rounded half up is 2", 3 * 7, 10, rules.RoundHalfUp, 2},
		{"50% of 7 members rounded half up is 4", 7, 2, rules.RoundHalfUp, 4},
		{"50% of 7 members rounded half even is 4", 7, 2, rules.RoundHalfEven, 4},
		{"50% of 5 members rounded half even is 2", 5, 2, rules.RoundHalfEven, 2},
		{"50% of 5 members rounded half up is 3", 5, 2, rules.RoundHalfUp, 3},
		{"50% of 5 members truncated is 2", 5, 2, rules.RoundDown, 2},
		{"1/3 of 9 members is 3 in every mode", 9, 3, rules.RoundUp, 3},
		{"2/5 of 8 members rounded up is 4", 2 * 8, 5, rules.RoundCeiling, 4},
		{"a negative quotient rounds half away from zero", -7, 2, rules.RoundHalfUp, -4},
		{"a negative quotient floors to −∞", -7, 2, rules.RoundFloor, -4},
		{"a negative quotient ceils to +∞", -7, 2, rules.RoundCeiling, -3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, rules.RoundInt(tc.num, tc.den, tc.mode))
		})
	}
	t.Run("RoundInt agrees with exact arithmetic", func(t *testing.T) {
		r := rand.New(rand.NewPCG(9, 99))
		for range 5000 {
			num := r.Int64N(20001) - 10000
			den := r.Int64N(200) + 1
			if r.IntN(4) == 0 {
				den = -den
			}
			for _, m := range allModes {
				want := refRound(big.NewRat(num, den), 0, m)
				if got := rules.RoundInt(num, den, m); big.NewRat(got, 1).Cmp(want) != 0 {
					t.Fatalf("RoundInt(%d, %d, %s) = %d, want %s", num, den, m, got, want.RatString())
				}
			}
		}
	})
}
