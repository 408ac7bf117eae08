package covenant_test

import (
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/year/covenant"
)

// A forecast shows members sharing a rank as "6=" and warns only of a tie
// that decides an award: on shared-rank.csv Thanh tra tỉnh and Sở NN&PTNT
// share rank 6, eligible for no award under the Cụm II rulebook; with five
// Bằng khen open to every member without a discipline case, the last one
// waits for their tie.
func TestForecastSharedRankAndUnresolvedTie(t *testing.T) {
	cum2, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := cum2.Spec()
	for i, a := range spec.Awards {
		if a.ID == "merit" {
			spec.Awards[i].Count, spec.Awards[i].Requires = 5, []string{"ky_luat"}
		}
	}
	five, err := rules.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(cum2, "../../examples/cum2/shared-rank.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		rb      *rules.Rulebook
		pending bool
	}{
		{"a quiet shared rank", cum2, false},
		{"a tie for the last Bằng khen", five, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, err := ranking.Rank(c.rb, sh)
			if err != nil {
				t.Fatal(err)
			}
			fc := &covenant.Forecast{Rulebook: c.rb, Standings: st}
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				var b strings.Builder
				if err := fc.WriteText(&b, tag); err != nil {
					t.Fatal(err)
				}
				out := b.String()
				if strings.Count(out, "6=") != 2 {
					t.Errorf("%s: the two members sharing rank 6 are not shown as 6=:\n%s", tag, out)
				}
				warned := strings.Contains(out, "CHỜ PHÂN ĐỊNH") || strings.Contains(out, "PENDING")
				if warned != c.pending {
					t.Errorf("%s: warned of a tie = %v, want %v:\n%s", tag, warned, c.pending, out)
				}
			}
		})
	}
}
