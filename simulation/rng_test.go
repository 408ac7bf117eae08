package simulation

import "testing"

// small and below must be uniform: every value of [0, n) equally often,
// within sampling noise, for awkward n.
func TestDrawsAreUniform(t *testing.T) {
	for _, n := range []uint32{1, 2, 3, 5, 7, 1000, 65535, 65536} {
		r := newStream(1, uint64(n))
		const per = 200
		draws := int(n) * per
		if draws > 2_000_000 {
			draws = 2_000_000
		}
		counts := make([]int, n)
		for range draws {
			v := r.small(n)
			if v >= n {
				t.Fatalf("small(%d) = %d", n, v)
			}
			counts[v]++
		}
		if n <= 1000 {
			for v, c := range counts {
				if c < per/2 || c > per*2 {
					t.Errorf("small(%d): value %d drawn %d times of %d, expected about %d", n, v, c, draws, per)
					break
				}
			}
		}
		b := newStream(2, uint64(n))
		for range 1000 {
			if v := b.below(uint64(n) << 20); v >= uint64(n)<<20 {
				t.Fatalf("below(%d) = %d", uint64(n)<<20, v)
			}
		}
	}
}

// A scenario's draws depend on the seed and its index only.
func TestStreamsAreIndependentOfOrder(t *testing.T) {
	a, b := newStream(7, 100), newStream(7, 100)
	c := newStream(7, 99)
	_ = c.next()
	for range 50 {
		if a.next() != b.next() {
			t.Fatal("the same seed and index gave different streams")
		}
	}
	x, y := newStream(7, 100), newStream(7, 101)
	if x.next() == y.next() {
		t.Error("neighbouring scenarios share their first draw")
	}
}
