package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestAppendCanonical checks the integer writing of a decimal against
// canonical, on decimals of every size and exponent.
func TestAppendCanonical(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var c *big.Int
		switch r.IntN(4) {
		case 0:
			c = big.NewInt(r.Int64N(200001) - 100000)
		case 1:
			c = big.NewInt(r.Int64())
		case 2:
			c = big.NewInt(-r.Int64N(1_000_000_000_000_000_000))
		default:
			c, _ = new(big.Int).SetString(strconv.Itoa(r.IntN(1000))+"000000000000000000000", 10)
		}
		for range r.IntN(4) {
			c.Mul(c, big.NewInt(10)) // trailing zeros
		}
		d := decimal.NewFromBigInt(c, int32(r.IntN(31)-20))
		if got, want := string(appendCanonical(nil, d)), canonical(d); got != want {
			t.Fatalf("appendCanonical(%s) = %q, want %q", d, got, want)
		}
	}
	if got := string(appendCanonical(nil, decimal.Decimal{})); got != "0" {
		t.Errorf("the zero decimal: %q", got)
	}
}

// TestHashAsBefore checks Hash against the way it was computed before
// (every line a string, sorted), on sheets with every kind of row.
func TestHashAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		// prefixes of each other, long ones sharing their first 16 bytes,
		// a NUL (below every byte Hash writes but a shorter line's end)
		words := []string{"", "a", "SCT", "Sở Công Thương", "x\x1fy", "b", "ab", "DV001", "self", "cluster",
			"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ A", "a\x00", "a\x00b", "\x00"}
		return words[r.IntN(len(words))]
	}
	num := func() decimal.Decimal { return decimal.New(r.Int64N(20001)-10000, int32(r.IntN(7)-4)) }
	for range 3000 {
		var sh Sheet
		sh.Cluster, sh.Year = word(), 2000+r.IntN(30)
		for range r.IntN(6) {
			sh.Members = append(sh.Members, Member{ID: word(), Name: word()})
			sh.Scores = append(sh.Scores, Entry{Member: word(), Criterion: word(), Stage: word(), Assessor: word(), Value: num()})
			sh.Targets = append(sh.Targets, Target{Member: word(), Criterion: word(), Value: num()})
			sh.NotAssigned = append(sh.NotAssigned, Assignment{Member: word(), Criterion: word()})
			sh.Bonuses = append(sh.Bonuses, Occurrences{Member: word(), Item: word(), Count: r.IntN(5), Note: word()})
			sh.Deductions = append(sh.Deductions, Occurrences{Member: word(), Item: word(), Count: r.IntN(5) - 1, Note: word()})
			sh.Facts = append(sh.Facts, FactValue{Member: word(), Fact: word(), Value: r.IntN(2) == 0})
			sh.History = append(sh.History, PastAward{Member: word(), Year: 2000 + r.IntN(30), Award: word()})
			sh.Lots = append(sh.Lots, word())
		}
		if r.IntN(2) == 0 {
			sh.Ballot = &Ballot{Entitled: r.IntN(9), Present: r.IntN(9)}
			for range r.IntN(4) {
				sh.Ballot.Votes = append(sh.Ballot.Votes, Vote{Member: word(), For: r.IntN(9), Against: r.IntN(3), Abstain: r.IntN(2)})
			}
		}
		if got, want := sh.Hash(), hashBefore(sh); got != want {
			t.Fatalf("Hash of %+v = %s, want %s", sh, got, want)
		}
	}
}

// hashBefore is Hash as it was written before it wrote its lines into one
// buffer.
func hashBefore(s Sheet) string {
	var lines []string
	add := func(fields ...string) {
		lines = append(lines, strings.Join(fields, "\x1f"))
	}
	add("C", s.Cluster, strconv.Itoa(s.Year))
	for _, m := range s.Members {
		add("M", m.ID, m.Name)
	}
	for _, e := range s.Scores {
		add("S", e.Member, e.Criterion, e.Stage, e.Assessor, canonical(e.Value))
	}
	for _, t := range s.Targets {
		add("T", t.Member, t.Criterion, canonical(t.Value))
	}
	for _, a := range s.NotAssigned {
		add("N", a.Member, a.Criterion)
	}
	for _, o := range s.Bonuses {
		add("B", o.Member, o.Item, strconv.Itoa(o.Count), o.Note)
	}
	for _, o := range s.Deductions {
		add("D", o.Member, o.Item, strconv.Itoa(o.Count), o.Note)
	}
	for _, f := range s.Facts {
		add("F", f.Member, f.Fact, strconv.FormatBool(f.Value))
	}
	if b := s.Ballot; b != nil {
		add("V", strconv.Itoa(b.Entitled), strconv.Itoa(b.Present))
		for _, v := range b.Votes {
			add("v", v.Member, strconv.Itoa(v.For), strconv.Itoa(v.Against), strconv.Itoa(v.Abstain))
		}
	}
	for _, h := range s.History {
		add("H", h.Member, strconv.Itoa(h.Year), h.Award)
	}
	slices.Sort(lines)
	lines = append(lines, "L\x1f"+strings.Join(s.Lots, "\x1f"))
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// TestAbsDiffExceeds checks the integer test against decimal arithmetic.
func TestAbsDiffExceeds(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	num := func() decimal.Decimal {
		if r.IntN(10) == 0 {
			c, _ := new(big.Int).SetString("9223372036854775"+strconv.Itoa(r.IntN(1000)), 10)
			return decimal.NewFromBigInt(c, int32(r.IntN(5)-2))
		}
		return decimal.New(r.Int64N(200001)-100000, int32(r.IntN(7)-4))
	}
	decided := 0
	for range 100000 {
		a, b, th := num(), num(), num().Abs()
		want := a.Sub(b).Abs().GreaterThan(th)
		got, ok := absDiffExceeds(a, b, th)
		if !ok {
			continue
		}
		decided++
		if got != want {
			t.Fatalf("absDiffExceeds(%s, %s, %s) = %v, want %v", a, b, th, got, want)
		}
	}
	if decided < 50000 {
		t.Errorf("decided %d only", decided)
	}
}
