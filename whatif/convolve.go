package whatif

import (
	"math"
	"slices"

	"github.com/thidua/thidua/lang"
)

// Combining two layers is a (min, +) convolution: every pair of states
// gives the class (a.sum + b.sum, merged tag) an allocation of effort
// a.effort + b.effort. combine's loop over pairs keeps, for each class, the
// first pair (in the order acc state, then kid state) of least effort and
// fewest criteria changed, and lists the classes in the order they are
// first seen. When the states of the layer being extended fill most of
// their range of sums, convolve computes the same thing array by array:
// the layer's states are laid out by tag and sum (in steps of the greatest
// common divisor of the sums' differences), and each child state sweeps a
// contiguous run of them into the classes' table. The order of the pairs
// no longer follows the loop, so each pair carries it as a key — (criteria
// changed, acc state, kid state) packed in one word, compared after the
// effort — and each class keeps the least key of any pair that reaches it
// (acc state, kid state), which is where the loop over pairs first sees
// it. The classes come out in that order. The result is the one the loop
// over pairs gives: the same classes, in the same order, each with the
// same allocation.

// The pair's key: criteria changed in the top bits, then the acc state,
// then the kid state.
const (
	keyKidBits = 22
	keyAccBits = 26
	keyNchg    = keyKidBits + keyAccBits // shift of the criteria changed
	keyFirst   = uint64(1)<<keyNchg - 1  // the (acc, kid) part of a key
	keyKid     = uint64(1)<<keyKidBits - 1
)

// convDensity is how many slots of the layer's table each of its states
// may take (on average) for convolve to run: beyond it the loop over pairs
// does less work.
const convDensity = 3

// checkSlots is how many slots convolve sweeps between two looks at the
// context (a few milliseconds' work).
const checkSlots = 1 << 20

// useConvolve lets a test compare convolve with the loop over pairs.
var useConvolve = true

// convBuf holds convolve's tables from one combine to the next.
type convBuf struct {
	ae, oe     []int64
	as, os, of []uint64
	lo, hi     []int64
	count      []int32
	order      []pending
	kq, ke     []int64
	ks         []uint64
}

// pending is a class of convolve's table, and its first pair.
type pending struct {
	first uint64
	slot  int32
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// floorDiv is ⌊a/b⌋ for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func fill[T any](buf []T, n int, v T) []T {
	if cap(buf) < n {
		buf = make([]T, n)
	}
	buf = buf[:n]
	for i := range buf {
		buf[i] = v
	}
	return buf
}

// convolve is combine's loop over pairs as a convolution (see above); ok is
// false, and nothing done, when the layers do not suit it: the layer being
// extended is sparse in its sums, or too large for the keys, or a class
// appears twice in it. nta is the number of the acc's distinct tags.
func (s *search) convolve(o layerOut, outTags []uint32, merged []int32, nta int, ia, ib []int32, nb int) (l *layer, ok bool, err error) {
	acc, kid := o.acc, o.kid
	na, nk := len(acc.st), len(kid.st)
	if !useConvolve || na == 0 || nk == 0 || na >= 1<<keyAccBits || nk >= 1<<keyKidBits {
		return nil, false, nil
	}
	amin, amax := acc.bounds()
	kmin, _ := kid.bounds()
	var g int64
	var an, kn int32
	for _, st := range acc.st {
		if st.effort < 0 {
			return nil, false, nil
		}
		g, an = gcd(g, st.sum-amin), max(an, st.nchg)
	}
	for _, st := range kid.st {
		if st.effort < 0 {
			return nil, false, nil
		}
		g, kn = gcd(g, st.sum-kmin), max(kn, st.nchg)
	}
	if g == 0 {
		g = 1
	}
	if int64(an)+int64(kn) >= 1<<(64-keyNchg) {
		return nil, false, nil
	}
	ra := (amax-amin)/g + 1
	if slots := int64(nta) * ra; slots > convDensity*int64(na) || slots > maxDense {
		return nil, false, nil
	}
	// The classes' sums: base + g·q, q in [qlo, qhi].
	base := amin + kmin
	qlo, qhi := -floorDiv(base-o.lo, g), floorDiv(o.hi-base, g)
	if qlo > qhi {
		return &layer{a: acc, b: kid, leaf: -1}, true, nil
	}
	ro := qhi - qlo + 1
	nt := len(outTags)
	if int64(nt)*ro > maxDense/2 { // 24 bytes a slot
		return nil, false, nil
	}
	// The acc's table: slot (tag, (sum − amin)/g) holds the effort (−1 for
	// none) and the key's acc part.
	b := &s.dd.conv
	b.ae = fill(b.ae, nta*int(ra), -1)
	b.as = fill(b.as, nta*int(ra), 0)
	b.lo = fill(b.lo, nta, math.MaxInt64)
	b.hi = fill(b.hi, nta, -1)
	for i, st := range acc.st {
		x, p := int64(ia[i]), (st.sum-amin)/g
		k := x*ra + p
		if b.ae[k] >= 0 {
			return nil, false, nil // a class twice: not a layer combine built
		}
		b.ae[k], b.as[k] = st.effort, uint64(st.nchg)<<keyNchg|uint64(i)<<keyKidBits
		b.lo[x], b.hi[x] = min(b.lo[x], p), max(b.hi[x], p)
	}
	b.oe = fill(b.oe, nt*int(ro), math.MaxInt64)
	b.os = fill(b.os, nt*int(ro), math.MaxUint64)
	b.of = fill(b.of, nt*int(ro), math.MaxUint64)
	ae, as, oe, os, of := b.ae, b.as, b.oe, b.os, b.of
	// the child's states, field by field
	b.kq = fill(b.kq, nk, 0)
	b.ke = fill(b.ke, nk, 0)
	b.ks = fill(b.ks, nk, 0)
	for j, kb := range kid.st {
		b.kq[j], b.ke[j], b.ks[j] = (kb.sum-kmin)/g, kb.effort, uint64(kb.nchg)<<keyNchg|uint64(j)
	}
	swept := 0 // slots swept since the last look at the context
	for j, kq := range b.kq {
		if swept >= checkSlots || j == 0 {
			if err := stopped(s.ctx); err != nil {
				return nil, true, err
			}
			swept = 0
		}
		ke, ks := b.ke[j], b.ks[j]
		row := merged[int(ib[j]):]
		for x := range nta {
			// acc slots p with q = p + kq in [qlo, qhi]
			lo, hi := max(qlo-kq, b.lo[x]), min(qhi-kq, b.hi[x])
			if lo > hi {
				continue
			}
			in := int64(x)*ra + lo
			a := ae[in : in+hi-lo+1]
			asec := as[in : in+int64(len(a))]
			out := int64(row[x*nb])*ro + lo + kq - qlo
			e := oe[out : out+int64(len(a))]
			sec := os[out : out+int64(len(a))]
			first := of[out : out+int64(len(a))]
			swept += len(a)
			for k, av := range a {
				if av < 0 {
					continue
				}
				sc := asec[k] + ks
				if f := sc & keyFirst; f < first[k] {
					first[k] = f
				}
				if ev := av + ke; ev < e[k] || (ev == e[k] && sc < sec[k]) {
					e[k], sec[k] = ev, sc
				}
			}
		}
	}
	// The classes, in the order of their first pair: by acc state (a
	// counting sort), then by kid state.
	b.count = fill(b.count, na+1, 0)
	n := 0
	for _, f := range of {
		if f != math.MaxUint64 {
			b.count[f>>keyKidBits+1]++
			n++
		}
	}
	if n > s.cfg.maxStates {
		return nil, true, newError(ErrTooLarge, s.member, "", "", lang.Msg("whatif.err.states", s.cfg.maxStates))
	}
	for i := 1; i <= na; i++ {
		b.count[i] += b.count[i-1]
	}
	b.order = slices.Grow(b.order[:0], n)[:n]
	order := b.order
	for slot, f := range of {
		if f != math.MaxUint64 {
			c := &b.count[f>>keyKidBits]
			order[*c] = pending{f, int32(slot)}
			*c++
		}
	}
	// each acc state's classes are together; order them by kid state
	for i := 0; i < n; {
		k := i + 1
		for k < n && order[k].first>>keyKidBits == order[i].first>>keyKidBits {
			k++
		}
		if k-i > 1 {
			slices.SortFunc(order[i:k], func(x, y pending) int {
				if x.first < y.first {
					return -1
				}
				return 1
			})
		}
		i = k
	}
	st := s.states(n)
	for k, p := range order {
		t, q := int64(p.slot)/ro, int64(p.slot)%ro
		sc := os[p.slot]
		st[k] = fstate{
			sum: base + g*(qlo+q), effort: oe[p.slot], tag: outTags[t],
			nchg: int32(sc >> keyNchg), a: int32(sc & keyFirst >> keyKidBits), b: int32(sc & keyKid),
		}
	}
	return &layer{st: st, a: acc, b: kid, leaf: -1}, true, nil
}
