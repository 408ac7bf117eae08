package whatif

import (
	"math/rand/v2"
	"testing"
)

// TestKendallMatchesPairs: the O(n log n) count gives exactly the counts
// and tau-b of comparing every pair, on random rankings with many ties,
// few ties and none, including the empty and one-member cases.
func TestKendallMatchesPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		n := r.IntN(60)
		spread := 1 + r.IntN(n+1) // small spread: many ties
		a, b := make([]int, n), make([]int, n)
		for i := range a {
			a[i], b[i] = 1+r.IntN(spread), 1+r.IntN(spread)
		}
		if trial%7 == 0 { // b a copy of a with a few swaps
			copy(b, a)
			for range r.IntN(4) {
				if n > 1 {
					i, j := r.IntN(n), r.IntN(n)
					b[i], b[j] = b[j], b[i]
				}
			}
		}
		got, want := kendall(a, b), kendallPairs(a, b)
		if got.Concordant != want.Concordant || got.Discordant != want.Discordant ||
			got.TiedFirst != want.TiedFirst || got.TiedSecond != want.TiedSecond ||
			got.Defined != want.Defined || !got.TauB.Equal(want.TauB) || got.Members != want.Members {
			t.Fatalf("a=%v b=%v:\n got %+v\nwant %+v", a, b, got, want)
		}
	}
}

// BenchmarkKendall10000 is the tau-b of a sensitivity point at 10,000
// members (it was quadratic: about 3 s a point).
func BenchmarkKendall10000(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	x, y := make([]int, 10000), make([]int, 10000)
	for i := range x {
		x[i], y[i] = i+1, i+1
	}
	for range 500 {
		i, j := r.IntN(10000), r.IntN(10000)
		y[i], y[j] = y[j], y[i]
	}
	for b.Loop() {
		kendall(x, y)
	}
}
