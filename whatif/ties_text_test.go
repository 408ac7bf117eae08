package whatif_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/whatif"
)

// fiveMerits is the Cụm II rulebook with five Bằng khen open to every
// member without a discipline case: on shared-rank.csv the last one waits
// for the tie of Thanh tra tỉnh and Sở NN&PTNT at rank 6.
func fiveMerits(t *testing.T, rb *rules.Rulebook) *rules.Rulebook {
	t.Helper()
	spec := rb.Spec()
	for i, a := range spec.Awards {
		if a.ID == "merit" {
			spec.Awards[i].Count, spec.Awards[i].Requires = 5, []string{"ky_luat"}
		}
	}
	out, err := rules.New(spec)
	require.NoError(t, err)
	return out
}

// The what-if texts tell a rank shared quietly (đồng hạng: the tie decides
// no award) from a tie that decides one (bằng điểm, chưa phân định), in
// the member's position, its neighbours and a scenario's decisions.
func TestTextsSharedRankAndUnresolvedTie(t *testing.T) {
	rb, _ := cum2(t)
	five := fiveMerits(t, rb)
	shared, err := sheets.Check(rb, "../examples/cum2/shared-rank.csv")
	require.NoError(t, err)
	ctx := context.Background()
	reach := func(rb *rules.Rulebook, sh scoring.Sheet, member string, target whatif.Target) func(*testing.T) whatif.ReachReport {
		return func(t *testing.T) whatif.ReachReport {
			res, err := whatif.Reach(ctx, rb, sh, member, target)
			require.NoError(t, err)
			return whatif.NewReachReport(rb, sh, res)
		}
	}
	// the tie broken: Thanh tra tỉnh a quarter of a point above
	breakTie := whatif.Scenario{Title: "TTT", Edits: []whatif.Edit{{SetScore: &whatif.SetScore{Member: "TTT", Criterion: "08", Stage: "cluster", Assessor: "SNNPTNT", Value: d("8")}}}}
	scenario := func(rb *rules.Rulebook) func(*testing.T) whatif.ScenarioReport {
		return func(t *testing.T) whatif.ScenarioReport {
			rep, err := whatif.RunScenario(rb, shared, breakTie, nil)
			require.NoError(t, err)
			return rep
		}
	}
	for _, c := range []struct {
		name         string
		write        func(*testing.T, *strings.Builder, lang.Tag)
		vi, en       []string
		notVI, notEN []string
	}{
		{name: "now sharing rank 6, quietly",
			write: func(t *testing.T, b *strings.Builder, tag lang.Tag) {
				require.NoError(t, reach(rb, shared, "TTT", whatif.RankTarget(5))(t).Write(b, tag))
			},
			vi: []string{"hạng 6 (đồng hạng)"}, en: []string{"rank 6 (shared)"},
			notVI: []string{"bằng điểm", "chưa phân định"}, notEN: []string{"tied", "unresolved", "UNRESOLVED"}},
		{name: "now in the tie for the last Bằng khen",
			write: func(t *testing.T, b *strings.Builder, tag lang.Tag) {
				require.NoError(t, reach(five, shared, "TTT", whatif.RankTarget(5))(t).Write(b, tag))
			},
			vi: []string{"hạng 6 (bằng điểm)", "(chờ phân định bằng điểm)"}, en: []string{"rank 6 (tied)"},
			notVI: []string{"đồng hạng"}, notEN: []string{"shared"}},
		{name: "a scenario breaks a shared rank",
			write: func(t *testing.T, b *strings.Builder, tag lang.Tag) {
				require.NoError(t, scenario(rb)(t).Write(b, tag))
			},
			vi: []string{"đồng hạng với SNNPTNT"}, en: []string{"shares the rank with SNNPTNT"},
			notVI: []string{"chưa phân định"}, notEN: []string{"unresolved"}},
		{name: "a scenario breaks the tie for the last Bằng khen",
			write: func(t *testing.T, b *strings.Builder, tag lang.Tag) {
				require.NoError(t, scenario(five)(t).Write(b, tag))
			},
			vi: []string{"bằng điểm, chưa phân định với SNNPTNT"}, en: []string{"tied (unresolved) with SNNPTNT"},
			notVI: []string{"đồng hạng"}, notEN: []string{"shares the rank"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				var b strings.Builder
				c.write(t, &b, tag)
				want, not := c.vi, c.notVI
				if tag == lang.English {
					want, not = c.en, c.notEN
				}
				for _, w := range want {
					require.Contains(t, b.String(), w)
				}
				for _, n := range not {
					require.NotContains(t, b.String(), n)
				}
			}
		})
	}
}
