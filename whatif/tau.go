package whatif

import (
	"cmp"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
)

// Tau is Kendall's rank correlation tau-b between two rankings of the same
// members, with ties (members sharing a rank) handled as tau-b does:
//
//	tau-b = (C − D) / √((P − T₁)(P − T₂))
//
// where C and D count the concordant and discordant pairs, P = n(n−1)/2 and
// T₁, T₂ the pairs tied in the first and in the second ranking. The counts
// are exact; TauB is the exact value rounded half away from zero to 4
// places (the square root makes it irrational in general). Tau is 1 when
// the orders agree, −1 when one is the other reversed.
type Tau struct {
	Members    int             `json:"members"`
	Concordant int64           `json:"concordant"`
	Discordant int64           `json:"discordant"`
	TiedFirst  int64           `json:"tied_first"`  // T₁
	TiedSecond int64           `json:"tied_second"` // T₂
	Defined    bool            `json:"defined"`     // false when a ranking ties everyone
	TauB       decimal.Decimal `json:"tau_b"`
}

// Squared returns tau-b² as an exact fraction, with its sign: (C−D)² ÷
// ((P−T₁)(P−T₂)). It is zero when tau-b is undefined.
func (t Tau) Squared() (sign int, r *big.Rat) {
	if !t.Defined {
		return 0, new(big.Rat)
	}
	p := int64(t.Members) * int64(t.Members-1) / 2
	num := big.NewInt(t.Concordant - t.Discordant)
	sign = num.Sign()
	num.Mul(num, num)
	den := new(big.Int).Mul(big.NewInt(p-t.TiedFirst), big.NewInt(p-t.TiedSecond))
	return sign, new(big.Rat).SetFrac(num, den)
}

// KendallTau compares the ranks of the members two standings share (by
// member id; a member in only one of them is left out).
func KendallTau(first, second *ranking.Standings) Tau {
	var a, b []int
	for _, r := range first.Rows {
		if s, ok := second.Row(r.Member.ID); ok {
			a = append(a, r.Rank)
			b = append(b, s.Rank)
		}
	}
	return kendall(a, b)
}

// KendallTauRanks computes tau-b for two rank vectors over the same items
// (a[i] and b[i] are item i's ranks; equal ranks are ties). The vectors
// must have the same length.
func KendallTauRanks(a, b []int) Tau { return kendall(a, b) }

// kendall computes tau-b for two rank vectors over the same items, in
// O(n log n) (Knight's algorithm): the items sorted by (a, b), the pairs
// tied in a, in b and in both are counted from runs of equal keys, and the
// discordant pairs are the inversions of b in that order, counted by a
// merge sort. The concordant pairs are the rest:
//
//	C = P − T₁ − T₂ + T₁₂ − D
//
// (T₁₂, the pairs tied in both, are in T₁ and in T₂). kendallPairs, the
// direct count over every pair, is the reference the tests compare with.
func kendall(a, b []int) Tau {
	n := len(a)
	t := Tau{Members: n}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		if c := cmp.Compare(a[i], a[j]); c != 0 {
			return c
		}
		return cmp.Compare(b[i], b[j])
	})
	var both int64
	for i := 0; i < n; {
		j, k := i, i
		for j < n && a[idx[j]] == a[idx[i]] {
			// within a run of equal a, runs of equal b are tied in both
			for k = j; k < n && a[idx[k]] == a[idx[i]] && b[idx[k]] == b[idx[j]]; k++ {
			}
			both += pairs(k - j)
			j = k
		}
		t.TiedFirst += pairs(j - i)
		i = j
	}
	bs := make([]int, n)
	for i, x := range idx {
		bs[i] = b[x]
	}
	t.Discordant = inversions(bs, make([]int, n))
	sorted := bs // inversions sorted it
	for i := 0; i < n; {
		j := i
		for j < n && sorted[j] == sorted[i] {
			j++
		}
		t.TiedSecond += pairs(j - i)
		i = j
	}
	p := pairs(n)
	t.Concordant = p - t.TiedFirst - t.TiedSecond + both - t.Discordant
	return t.finish()
}

// kendallPairs computes tau-b by comparing every pair: O(n²), the
// definition itself, kept as the reference for kendall.
func kendallPairs(a, b []int) Tau {
	t := Tau{Members: len(a)}
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			da, db := sign(a[i]-a[j]), sign(b[i]-b[j])
			switch {
			case da == 0 && db == 0:
				t.TiedFirst++
				t.TiedSecond++
			case da == 0:
				t.TiedFirst++
			case db == 0:
				t.TiedSecond++
			case da == db:
				t.Concordant++
			default:
				t.Discordant++
			}
		}
	}
	return t.finish()
}

// finish sets Defined and TauB from the counts.
func (t Tau) finish() Tau {
	p := pairs(t.Members)
	t.Defined = p > t.TiedFirst && p > t.TiedSecond
	t.TauB = decimal.Zero
	if t.Defined {
		t.TauB = sqrtRound(t, 4)
	}
	return t
}

// pairs is n(n−1)/2, the pairs among n items.
func pairs(n int) int64 { return int64(n) * int64(n-1) / 2 }

// inversions sorts xs ascending and returns how many pairs i < j it had
// with xs[i] > xs[j] (equal values are not inversions). buf is scratch
// space of the same length.
func inversions(xs, buf []int) int64 {
	if len(xs) < 2 {
		return 0
	}
	m := len(xs) / 2
	inv := inversions(xs[:m], buf[:m]) + inversions(xs[m:], buf[m:])
	i, j, k := 0, m, 0
	for i < m && j < len(xs) {
		if xs[j] < xs[i] {
			inv += int64(m - i) // xs[j] is below every left value still waiting
			buf[k] = xs[j]
			j++
		} else {
			buf[k] = xs[i]
			i++
		}
		k++
	}
	k += copy(buf[k:], xs[i:m])
	copy(buf[k:], xs[j:])
	copy(xs, buf)
	return inv
}

func sign(x int) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// sqrtRound returns tau-b rounded half away from zero to places, exactly:
// |tau|·10^(places+1) is floored through an integer square root, then the
// last digit rounds (the exact value is never exactly on a half, unless it
// is rational, in which case the floor is exact too).
func sqrtRound(t Tau, places int32) decimal.Decimal {
	sg, sq := t.Squared()
	if sg == 0 {
		return decimal.Zero
	}
	// floor(|tau| · 10^(places+1)) = floor(√(sq · 10^(2(places+1))))
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(2*int64(places+1)), nil)
	n := new(big.Int).Mul(sq.Num(), scale)
	n.Quo(n, sq.Denom())
	root := new(big.Int).Sqrt(n)
	// root is floor(|tau|·10^(places+1)) unless the true value is an
	// integer the floor division undercut; Sqrt of the floored quotient
	// is still the floor of the true root.
	last := new(big.Int).Mod(root, big.NewInt(10))
	root.Quo(root, big.NewInt(10))
	if last.Int64() >= 5 {
		root.Add(root, big.NewInt(1))
	}
	if sg < 0 {
		root.Neg(root)
	}
	return decimal.NewFromBigInt(root, -places)
}
