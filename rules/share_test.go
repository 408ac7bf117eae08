package rules_test

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
)

func TestParseShare(t *testing.T) {
	cases := []struct {
		in   string
		want rules.Share
	}{
		{"2/3", rules.Share{Num: 2, Den: 3}},
		{"4/6", rules.Share{Num: 2, Den: 3}},
		{" 2 / 3 ", rules.Share{Num: 2, Den: 3}},
		{"1/1", rules.Share{Num: 1, Den: 1}},
		{"3/2", rules.Share{Num: 3, Den: 2}}, // read; New rejects it where a share must be at most 100%
		{"0/5", rules.Share{Num: 0, Den: 1}},
		{"0.85", rules.Share{Num: 17, Den: 20}},
		{"0.8", rules.Share{Num: 4, Den: 5}},
		{"0.50", rules.Share{Num: 1, Den: 2}},
		{"1", rules.Share{Num: 1, Den: 1}},
		{"1.0", rules.Share{Num: 1, Den: 1}},
		{"0", rules.Share{Num: 0, Den: 1}},
		{"1e-3", rules.Share{Num: 1, Den: 1000}},
		{"0.000000001", rules.Share{Num: 1, Den: 1_000_000_000}},
		{"0.123456789", rules.Share{Num: 123456789, Den: 1_000_000_000}},
	}
	for _, tc := range cases {
		t.Run(tc.in+" is read exactly", func(t *testing.T) {
			got, err := rules.ParseShare(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParsePercentShare(t *testing.T) {
	cases := []struct {
		in   string
		want rules.Share
	}{
		{"80%", rules.Share{Num: 4, Den: 5}},
		{"85%", rules.Share{Num: 17, Den: 20}},
		{"100%", rules.Share{Num: 1, Den: 1}},
		{"12.5%", rules.Share{Num: 1, Den: 8}},
		{"66.5%", rules.Share{Num: 133, Den: 200}},
		{"0%", rules.Share{Num: 0, Den: 1}},
		{" 80 % ", rules.Share{Num: 4, Den: 5}},
		{"30%", rules.Share{Num: 3, Den: 10}},
		{"0.0000001%", rules.Share{Num: 1, Den: 1_000_000_000}},
	}
	for _, tc := range cases {
		t.Run(tc.in+" is read exactly", func(t *testing.T) {
			got, err := rules.ParseShare(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseShareRejects(t *testing.T) {
	for _, in := range []string{
		"", " ", "abc", "%", "80%%", "x%", "-5%",
		"1/0", "-1/3", "1/-3", "2/3/4", "1.5/2", "1/", "/2", "a/b", "99999999999/2",
		"-0.5", "0.0000000001", "1001", "1e9", "NaN", "Inf",
		"0.00000000001%", "100001%", "1/3%",
	} {
		t.Run(`"`+in+`" is not a share`, func(t *testing.T) {
			_, err := rules.ParseShare(in)
			require.Error(t, err)
			checkValueErr(t, err)
			assert.Contains(t, err.Error(), "share")
			if in != "" {
				assert.Contains(t, err.Error(), in, "the message quotes the input")
			}
		})
	}
}

// ratOf returns the share as an exact rational.
func ratOf(s rules.Share) *big.Rat { return big.NewRat(s.Num, s.Den) }

// minCount returns the fewest whole votes that reach share × of, computed
// with big.Rat: ⌈share × of⌉.
func minCount(s rules.Share, of int) int {
	need := new(big.Rat).Mul(ratOf(s), big.NewRat(int64(of), 1))
	q := new(big.Int).Quo(need.Num(), need.Denom())
	if new(big.Rat).SetInt(q).Cmp(need) < 0 {
		q.Add(q, big.NewInt(1))
	}
	return int(q.Int64())
}

func TestShareCountAtLeast(t *testing.T) {
	twoThirds := rules.Share{Num: 2, Den: 3}
	fourFifths := rules.Share{Num: 4, Den: 5}
	half := rules.Share{Num: 1, Den: 2}
	cases := []struct {
		name      string
		share     rules.Share
		of, votes int
		want      bool
	}{
		{"2/3 of 9 members is reached with 6 votes", twoThirds, 9, 6, true},
		{"2/3 of 9 members is not reached with 5 votes", twoThirds, 9, 5, false},
		{"2/3 of 10 members needs 7 votes, not 6", twoThirds, 10, 6, false},
		{"2/3 of 10 members is reached with 7 votes", twoThirds, 10, 7, true},
		{"80% of 7 members is not reached with 5 votes (5.6 needed)", fourFifths, 7, 5, false},
		{"80% of 7 members is reached with 6 votes", fourFifths, 7, 6, true},
		{"80% of 10 members is reached with exactly 8 votes", fourFifths, 10, 8, true},
		{"half of 7 members needs 4 votes", half, 7, 3, false},
		{"half of 8 members is reached with 4 votes", half, 8, 4, true},
		{"any share of no members is reached with no votes", fourFifths, 0, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.share.CountAtLeast(tc.votes, tc.of))
		})
	}

	t.Run("the threshold is the exact ceiling of share × members", func(t *testing.T) {
		for _, s := range []rules.Share{twoThirds, fourFifths, half, {Num: 17, Den: 20}, {Num: 1, Den: 3}, {Num: 3, Den: 10}, {Num: 1, Den: 1}, {Num: 999, Den: 1000}} {
			for of := 0; of <= 60; of++ {
				need := minCount(s, of)
				for votes := 0; votes <= of; votes++ {
					if got := s.CountAtLeast(votes, of); got != (votes >= need) {
						t.Fatalf("%v of %d with %d votes: got %v, want %v (need %d)", s, of, votes, got, !got, need)
					}
				}
			}
		}
	})
}

func TestShareCountAtLeastWithPercent(t *testing.T) {
	s, err := rules.ParseShare("80%")
	require.NoError(t, err)
	assert.False(t, s.CountAtLeast(5, 7))
	assert.True(t, s.CountAtLeast(6, 7))
}

func TestShareAtLeast(t *testing.T) {
	twoThirds := rules.Share{Num: 2, Den: 3}
	cases := []struct {
		name      string
		share     rules.Share
		value, of string
		want      bool
	}{
		{"6.6667 is at least 2/3 of 10", twoThirds, "6.6667", "10", true},
		{"6.6666 is not 2/3 of 10 (no rounding of 2/3)", twoThirds, "6.6666", "10", false},
		{"20 digits of 6.6… still fall short of 2/3 of 10", twoThirds, "6.66666666666666666666", "10", false},
		{"2/3 of 9 is exactly 6", twoThirds, "6", "9", true},
		{"8.5 is 85% of 10", rules.Share{Num: 17, Den: 20}, "8.5", "10", true},
		{"8.4999 is not 85% of 10", rules.Share{Num: 17, Den: 20}, "8.4999", "10", false},
		{"85% of 97.5 is 82.875", rules.Share{Num: 17, Den: 20}, "82.875", "97.5", true},
		{"82.8749 is not 85% of 97.5", rules.Share{Num: 17, Den: 20}, "82.8749", "97.5", false},
		{"0 is at least any share of 0", twoThirds, "0", "0", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.share.AtLeast(dec(tc.value), dec(tc.of)))
		})
	}

	t.Run("AtLeast agrees with big.Rat on random values", func(t *testing.T) {
		r := rand.New(rand.NewPCG(7, 11))
		for range 3000 {
			den := r.Int64N(1000) + 1
			s := rules.Share{Num: r.Int64N(den + 1), Den: den}
			v := dec(big.NewRat(r.Int64N(2_000_000), 1000).FloatString(3))
			of := dec(big.NewRat(r.Int64N(2_000_000), 1000).FloatString(3))
			want := v.Rat().Cmp(new(big.Rat).Mul(ratOf(s), of.Rat())) >= 0
			if got := s.AtLeast(v, of); got != want {
				t.Fatalf("%d/%d AtLeast(%s, %s) = %v, want %v", s.Num, s.Den, v, of, got, want)
			}
		}
	})
}

func TestShareString(t *testing.T) {
	cases := []struct {
		share rules.Share
		want  string
	}{
		{rules.Share{Num: 4, Den: 5}, "80%"},
		{rules.Share{Num: 2, Den: 3}, "2/3"},
		{rules.Share{Num: 1, Den: 3}, "1/3"},
		{rules.Share{Num: 1, Den: 8}, "12.5%"},
		{rules.Share{Num: 1, Den: 1}, "100%"},
		{rules.Share{Num: 3, Den: 2}, "150%"},
		{rules.Share{Num: 0, Den: 1}, "0%"},
		{rules.Share{Num: 1, Den: 7}, "1/7"},
		{rules.Share{Num: 17, Den: 20}, "85%"},
		{rules.Share{Num: 1, Den: 1_000_000_000}, "0.0000001%"},
		{rules.Share{}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.want+" is written back", func(t *testing.T) {
			assert.Equal(t, tc.want, tc.share.String())
		})
	}
}

// ratOfString reads what Share.String writes, with big.Rat: "n/d" or "p%".
func ratOfString(t *testing.T, s string) *big.Rat {
	t.Helper()
	x := new(big.Rat)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		if _, ok := x.SetString(p); !ok {
			t.Fatalf("cannot read %q", s)
		}
		return x.Quo(x, big.NewRat(100, 1))
	}
	if _, ok := x.SetString(s); !ok {
		t.Fatalf("cannot read %q", s)
	}
	return x
}

// randomShares returns shares with denominators up to 1000, among them
// many whose percentage is exact.
func randomShares(n int) []rules.Share {
	r := rand.New(rand.NewPCG(3, 5))
	out := make([]rules.Share, 0, n)
	dens := []int64{2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 125, 200, 1000}
	for range n {
		var den int64
		if r.IntN(2) == 0 {
			den = dens[r.IntN(len(dens))]
		} else {
			den = r.Int64N(1000) + 1
		}
		num := r.Int64N(den) + 1
		g := new(big.Int).GCD(nil, nil, big.NewInt(num), big.NewInt(den)).Int64()
		out = append(out, rules.Share{Num: num / g, Den: den / g})
	}
	return out
}

func TestShareStringIsExact(t *testing.T) {
	for _, s := range randomShares(3000) {
		str := s.String()
		if got := ratOfString(t, str); got.Cmp(ratOf(s)) != 0 {
			t.Fatalf("%d/%d is written %q, which is %s", s.Num, s.Den, str, got.RatString())
		}
	}
}

func TestShareStringRoundTrip(t *testing.T) {
	t.Run("shares written as fractions read back equal", func(t *testing.T) {
		n := 0
		for _, s := range randomShares(3000) {
			str := s.String()
			if strings.HasSuffix(str, "%") {
				continue
			}
			n++
			back, err := rules.ParseShare(str)
			require.NoError(t, err, str)
			require.Equal(t, s, back, str)
		}
		require.Greater(t, n, 100)
	})
	t.Run("shares written as percentages read back equal", func(t *testing.T) {
		for _, s := range randomShares(3000) {
			str := s.String()
			back, err := rules.ParseShare(str)
			require.NoError(t, err, str)
			require.Equal(t, s, back, str)
		}
	})
	t.Run("text marshalling round-trips", func(t *testing.T) {
		s := rules.Share{Num: 2, Den: 3}
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, "2/3", string(b))
		var back rules.Share
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
		assert.Error(t, back.UnmarshalText([]byte("two thirds")))
		assert.Equal(t, s, back, "a failed UnmarshalText leaves the value alone")
	})
}

func TestShareDecimalAndIsZero(t *testing.T) {
	assert.Equal(t, "0.6667", rules.Share{Num: 2, Den: 3}.Decimal(4).String())
	assert.Equal(t, "0.13", rules.Share{Num: 1, Den: 8}.Decimal(2).String(), "0.125 rounds half up")
	assert.Equal(t, "0.8", rules.Share{Num: 4, Den: 5}.Decimal(2).String())
	assert.True(t, rules.Share{}.Decimal(2).IsZero())
	assert.True(t, rules.Share{}.IsZero())
	assert.False(t, rules.Share{Num: 0, Den: 1}.IsZero(), "0/1 is a share that was given")
}

func TestPercentagesAreShares(t *testing.T) {
	// Percentages were rejected altogether until share.go stopped dividing by
	// 100 with decimal.Div (16 places, over the limit of 9).
	rb := mustParse(t, doc(map[string]string{"votes": "votes:\n  quorum: 50%"}))
	assert.Equal(t, rules.Share{Num: 1, Den: 2}, rb.Votes().Quorum)
}

func TestShareBoundIsTheSameForEveryForm(t *testing.T) {
	for _, in := range []string{"1000", "1000/1", "2000/2", "100000%", "1e3"} {
		s, err := rules.ParseShare(in)
		require.NoError(t, err, in)
		assert.Equal(t, rules.Share{Num: 1000, Den: 1}, s, in)
	}
	for _, in := range []string{"1001", "1001/1", "2001/1", "100100%", "200100%", "1000.000000001", "2147483647/2147483"} {
		_, err := rules.ParseShare(in)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), "out of range", in)
	}
}

func TestShareStringIsReadBack(t *testing.T) {
	// Percentages are written only when exact in at most 9 places, the most
	// ParseShare reads; and without the help of decimal's package settings.
	cases := []struct {
		share rules.Share
		want  string
	}{
		{rules.Share{Num: 1, Den: 1024}, "0.09765625%"},
		{rules.Share{Num: 1, Den: 16384}, "1/16384"}, // 0.006103515625%: 12 places
		{rules.Share{Num: 1, Den: 100_000_000_000}, "0.000000001%"},
		{rules.Share{Num: 1000, Den: 1}, "100000%"},
		{rules.Share{Num: 2147483647, Den: 2147483}, "2147483647/2147483"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.share.String())
			if tc.share.Num <= 1000*tc.share.Den {
				back, err := rules.ParseShare(tc.share.String())
				require.NoError(t, err)
				assert.Equal(t, tc.share, back)
			}
		})
	}
	saveTrim, saveSci := decimal.TrimTrailingZeros, decimal.UseScientificNotation
	defer func() { decimal.TrimTrailingZeros, decimal.UseScientificNotation = saveTrim, saveSci }()
	decimal.TrimTrailingZeros, decimal.UseScientificNotation = false, true
	assert.Equal(t, "12.5%", rules.Share{Num: 1, Den: 8}.String())
	assert.Equal(t, "100000%", rules.Share{Num: 1000, Den: 1}.String())
}

// TestParseShareLongText refuses a share written with a million digits at
// once, instead of spending seconds parsing it, and quotes an excerpt.
func TestParseShareLongText(t *testing.T) {
	for _, in := range []string{strings.Repeat("9", 1_000_000) + "%", "0." + strings.Repeat("1", 1_000_000), "80" + strings.Repeat(" ", 100) + "%"} {
		_, err := rules.ParseShare(in)
		require.Error(t, err)
		checkValueErr(t, err)
		require.Less(t, len(err.Error()), 300, "the message quotes an excerpt")
	}
}
