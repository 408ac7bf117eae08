package rules_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestRankConvention: the convention a rulebook declares, competition when
// it declares none, and how each numbers the rank after a shared one.
func TestRankConvention(t *testing.T) {
	for _, c := range []struct {
		name, section string
		want          rules.RankConvention
		ranks         []int // of five members, the first two and the next two sharing a rank
	}{
		{"absent", "", rules.Competition, []int{1, 1, 3, 3, 5}},
		{"competition", "rank_convention: competition\n", rules.Competition, []int{1, 1, 3, 3, 5}},
		{"dense", "rank_convention: dense\n", rules.Dense, []int{1, 1, 2, 2, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rb := mustParse(t, doc(nil)+c.section)
			conv := rb.RankConvention()
			if conv != c.want {
				t.Fatalf("RankConvention() = %q, want %q", conv, c.want)
			}
			shares := []bool{false, true, false, true, false} // shares the rank above
			got := make([]int, len(shares))
			for pos := range shares {
				if shares[pos] {
					got[pos] = got[pos-1]
				} else {
					prev := 0
					if pos > 0 {
						prev = got[pos-1]
					}
					got[pos] = conv.Next(pos, prev)
				}
			}
			if !slicesEqual(got, c.ranks) {
				t.Errorf("ranks %v, want %v", got, c.ranks)
			}
		})
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRankConventionUnknown: an unknown word is reported at its line, in
// both languages, beside every other problem.
func TestRankConventionUnknown(t *testing.T) {
	text := doc(nil) + "rank_convention: olympic\nrank_by: points\n"
	es := parseErrs(t, text)
	var found bool
	for _, e := range es {
		if e.Path != "rank_convention" {
			continue
		}
		found = true
		if line := lineOf(t, text, "rank_convention:"); e.Line != line || e.Message.Key != "rules.rank_convention.unknown" {
			t.Errorf("got %s at line %d, want rules.rank_convention.unknown at line %d", e.Message.Key, e.Line, line)
		}
		if got := e.Message.In(lang.English); !strings.Contains(got, `"olympic"`) || !strings.Contains(got, "dense") {
			t.Errorf("English: %s", got)
		}
		if got := e.Message.In(lang.Vietnamese); !strings.Contains(got, "đồng hạng") {
			t.Errorf("Vietnamese: %s", got)
		}
	}
	if !found {
		t.Fatalf("no problem at rank_convention:\n%v", es)
	}
	if len(es) < 2 {
		t.Errorf("the other problem (rank_by) is not reported: %v", es)
	}
}

// TestRankConventionAndTheHash: a rulebook without the key hashes as before
// the key existed (the goldens of every package record the example's
// hash); declaring a convention changes the hash, and the spec's JSON has
// the key only when it is given.
func TestRankConventionAndTheHash(t *testing.T) {
	const cum2 = "testdata/cum2-hash-7e4276.yaml" // the Cụm II example as it was before these keys (frozen)
	const before = "sha256:7e4276aecf9137638b3a472f3a617f7ac7b5d61515b1a42ddddca281ed35871a"
	base, err := rules.Load(cum2)
	if err != nil {
		t.Fatal(err)
	}
	if base.Hash() != before {
		t.Errorf("the example's hash changed: %s", base.Hash())
	}
	text, err := os.ReadFile(cum2)
	if err != nil {
		t.Fatal(err)
	}
	dense := mustParse(t, string(text)+"\nrank_convention: dense\n")
	competition := mustParse(t, string(text)+"\nrank_convention: competition\n")
	if dense.Hash() == before || competition.Hash() == before || dense.Hash() == competition.Hash() {
		t.Errorf("hashes: none %s, dense %s, competition %s", before, dense.Hash(), competition.Hash())
	}
	b, err := json.Marshal(base.Spec())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "rank_convention") {
		t.Errorf("the spec's JSON names a convention it does not have")
	}
	b, err = json.Marshal(dense.Spec())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"rank_convention":"dense"`) {
		t.Errorf("the spec's JSON lacks the convention")
	}
}
