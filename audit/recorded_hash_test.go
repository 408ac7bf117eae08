package audit_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/internal/canon"
)

// The canonical form Recorded.Hash writes field by field is the one
// package canon writes of these values by reflection, as Hash hashed it
// before: a recorded result keeps its hash (reports and sealed records
// hold them).
type canonRecorded struct {
	Cluster, Rulebook, Version, Date string
	Year                             int
	Members                          []canonMember
	Ballot                           *canonBallot
	TieBreaks                        []canonTie
}

type canonMember struct {
	ID, Name                          string
	Rank, Votes, Against, Abstain     *int
	Total, Percent, Bonus, Deductions *decimal.Decimal
	Subtotals                         []canonSub
	Awards                            []string
	Grade                             string
}

type canonSub struct {
	Node  string
	Value decimal.Decimal
}

type canonBallot struct{ Entitled, Present int }

type canonTie struct{ Upper, Lower, Rule, Note string }

// reflectHash is Recorded.Hash as it was: the canonical values built,
// sorted and hashed by package canon.
func reflectHash(r audit.Recorded) string {
	figure := func(f audit.Figure) *decimal.Decimal {
		if !f.Set {
			return nil
		}
		v := f.Value
		return &v
	}
	count := func(c audit.Count) *int {
		if !c.Set {
			return nil
		}
		n := c.N
		return &n
	}
	c := canonRecorded{Cluster: r.Cluster, Year: r.Year, Rulebook: r.Rulebook, Version: r.Version, Date: r.Date}
	for _, m := range r.Members {
		cm := canonMember{
			ID: m.ID, Name: m.Name,
			Rank: count(m.Rank), Votes: count(m.Votes), Against: count(m.Against), Abstain: count(m.Abstain),
			Total: figure(m.Total), Percent: figure(m.Percent), Bonus: figure(m.Bonus), Deductions: figure(m.Deductions),
			Grade: m.Grade.Band,
		}
		for _, s := range m.Subtotals {
			cm.Subtotals = append(cm.Subtotals, canonSub{s.Node, s.Value})
		}
		slices.SortFunc(cm.Subtotals, func(a, b canonSub) int { return cmp.Or(cmp.Compare(a.Node, b.Node), a.Value.Cmp(b.Value)) })
		for _, a := range m.Awards {
			cm.Awards = append(cm.Awards, a.Tier)
		}
		slices.Sort(cm.Awards)
		c.Members = append(c.Members, cm)
	}
	slices.SortFunc(c.Members, func(a, b canonMember) int { return cmp.Compare(a.ID, b.ID) })
	if r.Ballot != nil {
		c.Ballot = &canonBallot{r.Ballot.Entitled, r.Ballot.Present}
	}
	for _, t := range r.TieBreaks {
		c.TieBreaks = append(c.TieBreaks, canonTie{t.Upper, t.Lower, t.Rule, t.Note})
	}
	slices.SortFunc(c.TieBreaks, func(a, b canonTie) int {
		return cmp.Or(cmp.Compare(a.Upper, b.Upper), cmp.Compare(a.Lower, b.Lower), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Note, b.Note))
	})
	return canon.Hash(c)
}

// randomRecorded makes a recorded result with every kind of field, some
// absent, some zero, some duplicated: members with the same id, subtotals
// equal but for their trailing zeros, decimals of every size and sign.
func randomRecorded(rng *rand.Rand) audit.Recorded {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	dec := func() decimal.Decimal {
		switch rng.IntN(8) {
		case 0:
			return decimal.Zero
		case 1:
			return decimal.New(0, int32(rng.IntN(5)-2)) // a zero with an exponent
		case 2:
			d, _ := decimal.NewFromString(pick("123456789012345678901234567890.5", "-98765432109876543210", "1e25", "-0.000000000000000000001"))
			return d
		case 3:
			return decimal.New(rng.Int64N(2000)*10, -3) // trailing zeros
		}
		return decimal.New(rng.Int64N(20001)-10000, int32(rng.IntN(7)-4))
	}
	figure := func() audit.Figure {
		if rng.IntN(3) == 0 {
			return audit.Figure{}
		}
		return audit.Figure{Value: dec(), Set: true}
	}
	count := func() audit.Count {
		if rng.IntN(3) == 0 {
			return audit.Count{}
		}
		return audit.Count{N: rng.IntN(3), Set: true}
	}
	r := audit.Recorded{Cluster: pick("", "Cụm II", `a "quoted" \ name`), Rulebook: pick("", "rb"), Version: pick("", "2020.1"),
		Date: pick("", "2021-01-05"), Year: []int{0, 2020}[rng.IntN(2)]}
	for range rng.IntN(6) {
		m := audit.MemberResult{ID: pick("SCT", "SXD", "S\u1edf", "", "z"), Name: pick("", "Sở Công Thương", "tab\there"),
			Rank: count(), Votes: count(), Against: count(), Abstain: count(),
			Total: figure(), Percent: figure(), Bonus: figure(), Deductions: figure()}
		for range rng.IntN(5) {
			m.Subtotals = append(m.Subtotals, audit.Subtotal{Node: pick("I", "II", "", "01"), Value: dec()})
		}
		for range rng.IntN(3) {
			m.Awards = append(m.Awards, audit.AwardEntry{Tier: pick("flag", "merit", "")})
		}
		if rng.IntN(3) == 0 {
			m.Grade = audit.GradeEntry{Band: pick("tot", "Hoàn thành tốt nhiệm vụ")}
		}
		r.Members = append(r.Members, m)
	}
	if rng.IntN(2) == 0 {
		r.Ballot = &audit.BallotResult{Entitled: rng.IntN(3), Present: rng.IntN(3)}
	}
	for range rng.IntN(4) {
		r.TieBreaks = append(r.TieBreaks, audit.CitedTieBreak{Upper: pick("SCT", "SXD"), Lower: pick("SXD", "STC"), Rule: pick("group I", ""), Note: pick("", "n")})
	}
	return r
}

func TestRecordedHashIsCanonical(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []audit.Recorded{{}, {Members: []audit.MemberResult{{}}}, {Ballot: &audit.BallotResult{}}}
	for range 3000 {
		cases = append(cases, randomRecorded(rng))
	}
	for _, name := range []string{"recorded-2020.csv", "recorded-2020-errors.csv"} {
		r, err := audit.Load(example(name))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, r)
	}
	for i, r := range cases {
		if got, want := r.Hash(), reflectHash(r); got != want {
			t.Fatalf("case %d: Hash %s, canon %s\n%+v", i, got, want, r)
		}
	}
}
