package whatif

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomLayers draws an acc layer (classes distinct by sum and tag, as
// combine builds them) and a child layer (any states) over a few tags, with
// sums on a grid of step g from a random origin, some of them dense and
// some sparse, and efforts with many ties.
func randomLayers(r *rand.Rand, s *search) (acc, kid *layer, lo, hi int64) {
	accTags := 1 + r.IntN(3)
	tagOf := func(kind int) uint32 {
		k := tagKey{bits: 7, cls: emptyClasses()}
		switch kind {
		case 0: // the acc's subtree settles tie rule 0, and may fail a condition
			k.cls[0] = int32(r.IntN(accTags))
			if r.IntN(8) == 0 {
				k.bits = 5
			}
		case 1: // the child's settles rule 1, and may fail another
			k.cls[1] = int32(r.IntN(3))
			k.bits = 7 &^ uint64(r.IntN(2))
		}
		return s.tags.id(k)
	}
	g := int64(1 + r.IntN(3)*r.IntN(5))
	na := 1 + r.IntN(200)
	span := int64(na/(accTags*(1+r.IntN(2))) + 1) // dense in its sums
	if r.IntN(5) == 0 {
		span *= 8 // sparse
	}
	acc = &layer{leaf: -1}
	seen := map[[2]int64]bool{}
	aorg := int64(r.IntN(50)) - 10
	for range na {
		sum, tag := aorg+g*r.Int64N(span), tagOf(0)
		if seen[[2]int64{sum, int64(tag)}] {
			continue
		}
		seen[[2]int64{sum, int64(tag)}] = true
		acc.st = append(acc.st, fstate{sum: sum, effort: r.Int64N(6), nchg: int32(r.IntN(3)), tag: tag, a: -1, b: -1})
	}
	kid = &layer{leaf: -1}
	korg := int64(r.IntN(20))
	for range 1 + r.IntN(60) {
		kid.st = append(kid.st, fstate{sum: korg + g*r.Int64N(1+int64(r.IntN(40))), effort: r.Int64N(6), nchg: int32(r.IntN(2)), tag: tagOf(1), a: -1, b: -1})
	}
	alo, ahi := acc.bounds()
	klo, khi := kid.bounds()
	lo, hi = alo+klo, ahi+khi
	if r.IntN(2) == 0 { // a window narrower than the sums
		w := hi - lo + 1
		lo, hi = lo+r.Int64N(w)/3, hi-r.Int64N(w)/3
	}
	return acc, kid, lo, hi
}

// TestConvolveAgreesWithPairLoop checks convolve against combine's loop over
// pairs on random layers: the same classes, in the same order, each with
// the same effort, criteria changed and allocation (the pair it was built
// from). It fails if convolve's keys or order are wrong (e.g. a tie between
// equal efforts decided by another pair than the loop's first).
func TestConvolveAgreesWithPairLoop(t *testing.T) {
	defer SetConvolve(SetConvolve(true))
	used := 0
	for seed := uint64(1); seed <= 3000; seed++ {
		r := rand.New(rand.NewPCG(seed, 17))
		s := &search{ctx: context.Background(), cfg: config{maxStates: DefaultMaxStates}}
		acc, kid, lo, hi := randomLayers(r, s)
		useConvolve = true
		s.dd.conv = convBuf{}
		got, err := s.combinePairs(acc, kid, lo, hi)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.dd.conv.oe) > 0 {
			used++
		}
		useConvolve = false
		want, err := s.combinePairs(acc, kid, lo, hi)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.st, want.st) {
			t.Fatalf("seed %d: convolve gives\n%v\nthe loop over pairs\n%v", seed, describeStates(got.st), describeStates(want.st))
		}
	}
	if used < 1000 {
		t.Fatalf("convolve ran for only %d of the random layers", used)
	}
}

func describeStates(st []fstate) string {
	out := ""
	for i, x := range st {
		out += fmt.Sprintf("%d: sum %d effort %d nchg %d tag %d from (%d, %d)\n", i, x.sum, x.effort, x.nchg, x.tag, x.a, x.b)
	}
	return out
}
