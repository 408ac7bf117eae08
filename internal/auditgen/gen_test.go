package auditgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Each method's criteria are drawn the way the generator has always drawn
// them: the classification of the point function agrees with the method.
func TestInputOfEveryMethod(t *testing.T) {
	want := map[rules.Method]input{
		rules.Direct: scored, rules.PassFail: passFail, rules.PerOccurrence: counted, rules.Tiers: measured,
		rules.Ratio: achieved, rules.Relative: achieved, rules.Votes: onBallot,
	}
	seen := map[rules.Method]bool{}
	for p := range 3 {
		rb := testBook(t, p)
		for _, nd := range rb.Nodes() {
			if nd.IsGroup() {
				continue
			}
			f, err := scoring.Describe(rb, nd.ID, decimal.Zero)
			if err != nil {
				t.Fatal(err)
			}
			seen[nd.Method] = true
			if got := inputOf(f); got != want[nd.Method] {
				t.Errorf("kind %d, %s (%s): input %d, want %d", p, nd.ID, nd.Method, got, want[nd.Method])
			}
		}
	}
	for m := range want {
		if !seen[m] {
			t.Errorf("no generated rulebook has a %s criterion", m)
		}
	}
}

// The tables' per-occurrence and tiers criteria saturate where the
// generator expects: 10 ÷ 2.5, 10 ÷ 5 occurrences, 12 reports.
func TestCriteriaTops(t *testing.T) {
	want := map[string]int64{"02": 4, "05": 12, "2.2": 2, "B2": 12}
	for p := range 3 {
		for _, c := range criteria(testBook(t, p)) {
			if w, ok := want[c.id]; ok && c.top != w {
				t.Errorf("%s: top %d, want %d", c.id, c.top, w)
			}
			if c.in == scored && c.max <= 0 {
				t.Errorf("%s: scored with no maximum", c.id)
			}
		}
	}
}

// Every value the generator writes on a sheet (before errors are seeded)
// is one its criterion accepts, votes criteria are not on the sheet, and
// the two-assessor criterion is one scored directly.
func TestSheetValuesInDomain(t *testing.T) {
	g := &generator{cfg: Config{Seed: 3}, books: map[[2]int]*book{}}
	for p := range 3 {
		rb := testBook(t, p)
		for c := range 20 {
			r := rand.New(rand.NewPCG(uint64(p), uint64(c)))
			sh := g.sheet(r, rb, p, 2020, c)
			for _, e := range sh.Scores {
				f, err := scoring.Describe(rb, e.Criterion, decimal.Zero)
				if err != nil {
					t.Fatal(err)
				}
				if f.Depends == scoring.OnBallot {
					t.Fatalf("votes criterion %s on the sheet", e.Criterion)
				}
				if !f.Domain.Accepts(e.Value) {
					t.Fatalf("kind %d: %s = %s (stage %s) is not in its domain", p, e.Criterion, e.Value, e.Stage)
				}
				if e.Assessor != "" && inputOf(f) != scored {
					t.Fatalf("two assessors on %s, which is not scored directly", e.Criterion)
				}
			}
		}
	}
}

// The generated sheets stay the same for the same seed: the audits'
// expectations and benchmark depend on them. Regenerate the fingerprint
// only when the generator is meant to draw differently.
func TestSheetsAreStable(t *testing.T) {
	g := &generator{cfg: Config{Seed: 7}, books: map[[2]int]*book{}}
	h := sha256.New()
	for p := range 3 {
		rb := testBook(t, p)
		for c := range 5 {
			r := rand.New(rand.NewPCG(uint64(p), uint64(c)))
			sh := g.sheet(r, rb, p, 2020, c)
			for _, e := range sh.Scores {
				fmt.Fprintf(h, "%s|%s|%s|%s|%s\n", e.Member, e.Criterion, e.Stage, e.Assessor, e.Value)
			}
			for _, v := range sh.Ballot.Votes {
				fmt.Fprintf(h, "vote|%s|%d\n", v.Member, v.For)
			}
		}
	}
	const want = "412d16bf6b21fd605b17c13fabdf440f606f4edce6f9d5724497cfb033fdea58"
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("generated sheets changed: fingerprint %s, want %s", got, want)
	}
}

func testBook(t *testing.T, p int) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", rulebookText(p, 2020, 1))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}
