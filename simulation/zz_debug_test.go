package simulation

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

func TestZZDebug(t *testing.T) {
	c := 1
	rng := rand.New(rand.NewPCG(uint64(c), 77))
	rb, sh, model, _ := randomCase(rng, c%2 == 0)
	for _, cd := range rb.Eligibility() {
		fmt.Printf("%+v\n", cd)
	}
	fmt.Println(rb.Awards(), rb.RankBy(), rb.Rounding().Percent, rb.Quotient())
	p, _ := newPlan(rb, sh, model, Config{})
	if err := p.compile(); err != nil {
		t.Fatal(err)
	}
	ds := p.newState()
	p.draw(99, 0, ds.k)
	p.decimalScenario(ds)
	_ = ranking.Rank
	cs := p.newState()
	cs.run(99, 0)
	for m := 0; m < p.n; m++ {
		var a, b []bool
		for j := range rb.Eligibility() {
			a = append(a, cs.r.Eligible(m, j))
			b = append(b, ds.r.Eligible(m, j))
		}
		fmt.Println(m, a, b, cs.total[m], ds.total[m])
	}
	st, err := ranking.Rank(rb, p.sheetFor(cs.k))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range st.Rows {
		fmt.Println(row.Member.ID, row.Total, row.Awards)
		for _, f := range row.Failed {
			fmt.Println("   ", f.Condition, f.Message)
		}
	}
	fmt.Println("ded", p.ded, p.maxDed)
	cards, _ := scoring.Score(rb, p.sheetFor(cs.k))
	for _, cd := range cards {
		fmt.Println(cd.Member.ID, cd.Deductions.Total)
	}
	fmt.Println(p.minPct, p.maxTotal, p.minTotal, p.pctAt, p.pScale, p.g)
}
