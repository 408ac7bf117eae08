// Package examples holds the runnable examples: a rulebook and score
// sheets for Cụm II of Cao Bằng (2020), and tests that they give the
// outcomes their files describe.
package examples_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

func rank(t *testing.T, sheet string, opts ...ranking.Option) *ranking.Standings {
	t.Helper()
	rb, err := rules.Load("cum2/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, "cum2/"+sheet)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func order(st *ranking.Standings) []string {
	var ids []string
	for _, r := range st.Rows {
		ids = append(ids, r.Member.ID)
	}
	return ids
}

// The published outcome of Cụm II, 2020 (seed article 002): flag to Sở Công
// Thương (1st), Bằng khen to Sở KH&CN (2nd) and Sở Xây dựng (3rd).
func TestCum2Published2020(t *testing.T) {
	for _, f := range []string{"scores-2020.csv", "scores-2020.json"} {
		t.Run(f, func(t *testing.T) {
			st := rank(t, f)
			if got := order(st)[:3]; !slices.Equal(got, []string{"SCT", "SKHCN", "SXD"}) {
				t.Errorf("top three %v, want SCT, SKHCN, SXD", got)
			}
			if got := st.Proposed("flag"); !slices.Equal(got, []string{"SCT"}) {
				t.Errorf("flag to %v, want SCT", got)
			}
			if got := st.Proposed("merit"); !slices.Equal(got, []string{"SKHCN", "SXD"}) {
				t.Errorf("Bằng khen to %v, want SKHCN, SXD", got)
			}
			if len(st.Rows) != 7 || len(st.Ties) != 0 {
				t.Errorf("%d rows, %d ties; want 7 rows, no tie", len(st.Rows), len(st.Ties))
			}
		})
	}
	if a, b := rank(t, "scores-2020.csv").SheetHash, rank(t, "scores-2020.json").SheetHash; a != b {
		t.Errorf("CSV and JSON versions hash differently: %s, %s", a, b)
	}
}

func TestTieBrokenByTheChain(t *testing.T) {
	st := rank(t, "tie-broken.csv")
	r, _ := st.Row("SXD")
	if r.Rank != 3 || r.DecidedBy == nil || r.DecidedBy.Rule != "group I" || r.DecidedBy.UpperValue.In(lang.English) != "38.5" || r.DecidedBy.LowerValue.In(lang.English) != "38" {
		t.Errorf("SXD: rank %d decided by %+v; want rank 3 by group I, 38.5 v 38", r.Rank, r.DecidedBy)
	}
	up, _ := st.Row("SKHCN")
	if !up.Total.Equal(r.Total) {
		t.Errorf("totals differ (%s, %s): the example no longer shows a tie", up.Total, r.Total)
	}
}

func TestTopScorerIneligible(t *testing.T) {
	st := rank(t, "top-ineligible.csv")
	if order(st)[0] != "SCT" {
		t.Fatalf("SCT should still rank first: %v", order(st))
	}
	if got := st.Proposed("flag"); !slices.Equal(got, []string{"SKHCN"}) {
		t.Errorf("flag to %v, want the next eligible member SKHCN", got)
	}
	if got := st.Proposed("merit"); !slices.Equal(got, []string{"SXD", "STNMT"}) {
		t.Errorf("Bằng khen to %v, want SXD, STNMT", got)
	}
}

func TestUnresolvedTie(t *testing.T) {
	st := rank(t, "unresolved-tie.csv", ranking.WithSeed(1)) // no lots in the chain: the seed changes nothing
	if len(st.Ties) != 1 || !slices.Equal(st.Ties[0].Members, []string{"SCT", "SKHCN"}) || st.Ties[0].Rank != 1 {
		t.Fatalf("ties %+v, want SCT and SKHCN at rank 1", st.Ties)
	}
	flag := st.Awards[0]
	if flag.Pending == nil || len(flag.Proposed) != 0 || !slices.Equal(flag.Pending.Candidates, []string{"SCT", "SKHCN"}) {
		t.Errorf("flag %+v: want pending between SCT and SKHCN", flag)
	}
	if st.Awards[1].Blocked.IsZero() {
		t.Errorf("Bằng khen should wait for the tie: %+v", st.Awards[1])
	}
	if st.Lots != nil {
		t.Errorf("lots recorded although the chain has none: %+v", st.Lots)
	}
}

// The annotated rulebook in the README must stay valid.
func TestReadmeRulebook(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("README has no yaml block")
	}
	for i, b := range blocks {
		rb, err := rules.Parse(fmt.Sprintf("README.md yaml block %d", i+1), b[1])
		if err != nil {
			t.Fatal(err)
		}
		if len(rb.TieBreaks()) != 9 || len(rb.Eligibility()) != 8 {
			t.Errorf("the annotated rulebook should show every tie-break and condition kind")
		}
	}
}

// Rank the reference case and print the standings with the reason for
// each place.
func Example_cum2() {
	rb, err := rules.Load("cum2/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet, err := sheets.Check(rb, "cum2/scores-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := ranking.Rank(rb, sheet)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range st.Rows[:4] {
		fmt.Print(r.Rank, " ", r.Member.Name, " ", r.Total, " ", r.Awards)
		if d := r.DecidedBy; d != nil {
			fmt.Printf(" (%s %s < %s)", d.Rule, d.LowerValue.In(lang.English), d.UpperValue.In(lang.English))
		}
		fmt.Println()
	}
	// Output:
	// 1 Sở Công Thương 96.35 [flag]
	// 2 Sở Khoa học và Công nghệ 94.7 [merit] (total 94.7 < 96.35)
	// 3 Sở Xây dựng 88.75 [merit] (total 88.75 < 94.7)
	// 4 Sở Tài nguyên và Môi trường 86.4 [] (total 86.4 < 88.75)
}
