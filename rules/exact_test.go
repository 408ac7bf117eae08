package rules

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestCmpScaled checks the integer comparison against decimal arithmetic,
// on numbers of every size: where it answers, it answers as the products
// compare.
func TestCmpScaled(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	coef := func() *big.Int {
		switch r.IntN(4) {
		case 0:
			return big.NewInt(r.Int64N(2001) - 1000)
		case 1:
			return big.NewInt(r.Int64() - math.MaxInt64/2)
		case 2: // near the int64 bounds
			return new(big.Int).Add(big.NewInt(math.MaxInt64), big.NewInt(r.Int64N(5)-2))
		}
		c, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
		return c.Mul(c, big.NewInt(r.Int64N(3)-1))
	}
	answered := 0
	for range 200000 {
		a := decimal.NewFromBigInt(coef(), int32(r.IntN(13)-6))
		b := decimal.NewFromBigInt(coef(), int32(r.IntN(13)-6))
		m, n := r.Int64N(1001), r.Int64N(1001)
		if r.IntN(10) == 0 {
			m = math.MaxInt64 - r.Int64N(3)
		}
		if c := CompareDecimals(a, b); c != a.Cmp(b) {
			t.Fatalf("CompareDecimals(%s, %s) = %d, want %d", a, b, c, a.Cmp(b))
		}
		want := a.Mul(decimal.NewFromInt(m)).Cmp(b.Mul(decimal.NewFromInt(n)))
		got, ok := cmpScaled(a, m, b, n)
		if !ok {
			continue
		}
		answered++
		if got != want {
			t.Fatalf("cmpScaled(%s, %d, %s, %d) = %d, want %d", a, m, b, n, got, want)
		}
	}
	if answered < 20000 {
		t.Errorf("answered %d comparisons only", answered)
	}
	// Share.AtLeast gives the same answers both ways.
	for range 20000 {
		v := decimal.New(r.Int64N(4001)-2000, int32(r.IntN(5)-3))
		of := decimal.New(r.Int64N(4001), int32(r.IntN(5)-3))
		s := Share{Num: r.Int64N(101), Den: 1 + r.Int64N(100)}
		want := v.Mul(decimal.NewFromInt(s.Den)).GreaterThanOrEqual(of.Mul(decimal.NewFromInt(s.Num)))
		if got := s.AtLeast(v, of); got != want {
			t.Fatalf("%v.AtLeast(%s, %s) = %v, want %v", s, v, of, got, want)
		}
	}
}
