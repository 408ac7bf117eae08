package simulation

import "math/bits"

// stream is the random stream of one scenario: wyrand seeded from the run's
// seed and the scenario's index through splitmix64, so that scenario i's
// draws depend on nothing else — not on the worker that runs it nor on the
// order scenarios run in.
type stream struct {
	s     uint64
	half  uint32 // the unused lower half of the last 64-bit word
	has   bool
	bits  uint64 // unused 16-bit chunks of the last word
	nbits int    // how many
	bytes uint64 // unused 8-bit lanes of the last word
	nbyte int    // how many
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func newStream(seed uint64, scenario uint64) stream {
	return stream{s: splitmix(seed ^ splitmix(scenario))}
}

func (r *stream) next() uint64 {
	r.s += 0xa0761d6478bd642f
	hi, lo := bits.Mul64(r.s, r.s^0xe7037ed1a0b428db)
	return hi ^ lo
}

func (r *stream) next32() uint32 {
	if r.has {
		r.has = false
		return r.half
	}
	x := r.next()
	r.half, r.has = uint32(x), true
	return uint32(x >> 32)
}

func (r *stream) next16() uint32 {
	if r.nbits == 0 {
		r.bits, r.nbits = r.next(), 4
	}
	x := uint32(r.bits & 0xffff)
	r.bits >>= 16
	r.nbits--
	return x
}

// tiny returns a uniformly distributed integer in [0, n), 0 < n ≤ 256,
// exactly, from 8 bits of randomness: Lemire's method, rejecting a draw
// whose low byte is below t = 256 mod n (precomputed by the caller).
func (r *stream) tiny(n, t uint32) uint32 {
	for {
		if r.nbyte == 0 {
			r.bytes, r.nbyte = r.next(), 8
		}
		m := uint32(r.bytes&0xff) * n
		r.bytes >>= 8
		r.nbyte--
		if m&0xff >= t {
			return m >> 8
		}
	}
}

// small returns a uniformly distributed integer in [0, n), 0 < n ≤ 2^16,
// exactly, from 16 bits of randomness (Lemire's method with rejection).
func (r *stream) small(n uint32) uint32 {
	m := r.next16() * n
	if m&0xffff < n {
		t := (0x10000 - n) % n
		for m&0xffff < t {
			m = r.next16() * n
		}
	}
	return m >> 16
}

// below returns a uniformly distributed integer in [0, n), n > 0, exactly
// (Lemire's multiply-and-reject), using 32 bits of randomness when n fits.
func (r *stream) below(n uint64) uint64 {
	if n <= 1<<32 {
		m := uint64(r.next32()) * n
		if uint32(m) < uint32(n) {
			t := uint32(-uint32(n)) % uint32(n) // 2^32 mod n
			if n == 1<<32 {
				t = 0
			}
			for uint32(m) < t {
				m = uint64(r.next32()) * n
			}
		}
		return m >> 32
	}
	hi, lo := bits.Mul64(r.next(), n)
	if lo < n {
		t := -n % n
		for lo < t {
			hi, lo = bits.Mul64(r.next(), n)
		}
	}
	return hi
}

// draw fills k with one outcome per cell for scenario i.
func (p *plan) draw(seed, i uint64, k []int32) {
	r := newStream(seed, i)
	for si := range p.steps {
		st := &p.steps[si]
		if st.tiny {
			st.split(p, r.tiny(st.n, st.t8), k)
			continue
		}
		k[st.first] = int32(p.outcome(&r, int(st.first)))
	}
}
