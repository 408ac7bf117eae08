package ranking_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// oneCriterion is a rulebook whose members' totals are their single value;
// t90 is met from 90 points.
const oneCriterion = `criteria: [{id: a, name: A, max: 100}]
facts: [{id: clean, name: Không vi phạm}]
eligibility:
  - {id: t90, reason: Tổng điểm từ 90 trở lên, min_total: 90}
  - {id: clean, reason: Không vi phạm, fact: clean}
`

// TestTiesThatMatter: a tie the chain cannot break is reported as
// unresolved only where it decides an award place; elsewhere the members
// share the rank, quietly, and the awards go as they would in any order.
func TestTiesThatMatter(t *testing.T) {
	type tie struct {
		rank    int
		members string // ids, space-separated
		decides string // tier ids, space-separated; "" for a shared rank
	}
	for _, c := range []struct {
		name       string
		extra      string // rank_convention, tie_breaks…
		awards     string
		totals     string // "A:95 B:95 …", in no particular order
		ranks      string // in standing order, as "1 1 3"
		ties       []tie
		proposed   string // "flag:A merit:B,C" (only tiers with a proposal)
		pending    string // the tier left pending, if any
		unresolved string // members marked Unresolved
		unclean    string // members without the fact clean
	}{
		{
			name:   "a tie at an award boundary is unresolved, the award pending",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1}\n",
			totals: "A:95 B:95 C:80", ranks: "1 1 3",
			ties:    []tie{{1, "A B", "flag"}},
			pending: "flag", unresolved: "A B",
		},
		{
			name:   "a tie below the last award place is a shared rank",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1}\n",
			totals: "A:95 B:80 C:80 D:70", ranks: "1 2 2 4",
			ties:     []tie{{2, "B C", ""}},
			proposed: "flag:A",
		},
		{
			name:   "a tie of two for two places: both are awarded, quietly",
			awards: "  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:95 C:80", ranks: "1 1 3",
			ties:     []tie{{1, "A B", ""}},
			proposed: "merit:A,B",
		},
		{
			name:   "a tie inside a tier whose places are enough for its eligible members",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1, requires: [t90]}\n",
			totals: "A:92 B:85 C:85", ranks: "1 2 2",
			ties:     []tie{{2, "B C", ""}},
			proposed: "flag:A",
		},
		{
			name:   "a tie among members eligible for no award, above the award's place",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1, requires: [t90]}\n",
			totals: "A:85 B:85 C:80", ranks: "1 1 3",
			ties: []tie{{1, "A B", ""}},
		},
		{
			name:   "one eligible member of a tie takes the one place, the other is passed over",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1, requires: [clean]}\n  - {id: merit, name: Bằng khen, count: 1}\n",
			totals: "A:95 B:95 C:80", ranks: "1 1 3", unclean: "A",
			ties:     []tie{{1, "A B", ""}},
			proposed: "flag:B merit:A",
		},
		{
			name:   "a tie holding more in line than places, when an ineligible member's place is forfeited",
			awards: "  - {id: flag, name: Cờ thi đua, count: 2, requires: [t90], if_ineligible: none}\n",
			totals: "A:99 B:85 C:85", ranks: "1 2 2",
			ties:     []tie{{2, "B C", "flag"}},
			proposed: "flag:A", pending: "flag", unresolved: "B C",
		},
		{
			name:   "a pending tie for the flag decides the Bằng khen too",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1}\n  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:95 C:90 D:80 E:80", ranks: "1 1 3 4 4",
			// the merit's two places go to the flag's loser and C: the tie
			// of D and E is beyond them whatever happens
			ties:    []tie{{1, "A B", "flag merit"}, {4, "D E", ""}},
			pending: "flag", unresolved: "A B",
		},
		{
			name:   "a tie a blocked tier may reach is unresolved too",
			awards: "  - {id: flag, name: Cờ thi đua, count: 1}\n  - {id: merit, name: Bằng khen, count: 3}\n",
			totals: "A:95 B:95 C:90 D:80 E:80", ranks: "1 1 3 4 4",
			ties:    []tie{{1, "A B", "flag merit"}, {4, "D E", "merit"}},
			pending: "flag", unresolved: "A B D E",
		},
		{
			name:   "dense ranks: 1, 1, 2",
			extra:  "rank_convention: dense\n",
			awards: "  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:95 C:80 D:80 E:70", ranks: "1 1 2 2 3",
			ties:     []tie{{1, "A B", ""}, {2, "C D", ""}},
			proposed: "merit:A,B",
		},
		{
			name:   "competition ranks: 1, 1, 3",
			extra:  "rank_convention: competition\n",
			awards: "  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:95 C:80 D:80 E:70", ranks: "1 1 3 3 5",
			ties:     []tie{{1, "A B", ""}, {3, "C D", ""}},
			proposed: "merit:A,B",
		},
		{
			name:   "dense ranks: three shared ranks, the places enough",
			extra:  "rank_convention: dense\n",
			awards: "  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:95 C:80 D:80 E:70 F:70", ranks: "1 1 2 2 3 3",
			ties:     []tie{{1, "A B", ""}, {2, "C D", ""}, {3, "E F", ""}},
			proposed: "merit:A,B",
		},
		{
			name:   "dense ranks with a tie straddling the last place",
			extra:  "rank_convention: dense\n",
			awards: "  - {id: merit, name: Bằng khen, count: 2}\n",
			totals: "A:95 B:80 C:80 D:70", ranks: "1 2 2 3",
			ties:     []tie{{2, "B C", "merit"}},
			proposed: "merit:A", pending: "merit", unresolved: "B C",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			rb := mustRulebook(t, oneCriterion+c.extra+"awards:\n"+c.awards)
			var sh scoring.Sheet
			for _, mv := range strings.Fields(c.totals) {
				m, v, _ := strings.Cut(mv, ":")
				scores(&sh, m, []string{"a"}, v)
				sh.Facts = append(sh.Facts, scoring.FactValue{Member: m, Fact: "clean", Value: !strings.Contains(c.unclean, m)})
			}
			st := mustRank(t, rb, sh)
			require.Equal(t, c.ranks, strings.Trim(fmt.Sprint(ranks(st)), "[]"), "ranks")
			var got []tie
			for _, x := range st.Ties {
				got = append(got, tie{x.Rank, strings.Join(x.Members, " "), strings.Join(x.Decides, " ")})
				require.Equal(t, len(x.Decides) > 0, x.Unresolved())
			}
			require.Equal(t, c.ties, got, "ties")
			var proposed []string
			for _, a := range st.Awards {
				if len(a.Proposed) > 0 {
					proposed = append(proposed, a.Tier+":"+strings.Join(a.Proposed, ","))
				}
			}
			require.Equal(t, c.proposed, strings.Join(proposed, " "), "proposed")
			pending := ""
			for _, a := range st.Awards {
				if a.Pending != nil {
					pending = a.Tier
				}
			}
			require.Equal(t, c.pending, pending, "pending")
			var unresolved []string
			for _, r := range st.Rows {
				if r.Unresolved {
					unresolved = append(unresolved, r.Member.ID)
				}
				// a row in a tie is Tied; its decision says unresolved only if the tie decides
				if d := r.DecidedBy; d != nil && d.Unresolved {
					require.True(t, r.Tied)
					require.Equal(t, !r.Unresolved, d.Shared, "%s: Shared", r.Member.ID)
					key := "decision.tied_with"
					if d.Shared {
						key = "decision.shared_with"
					}
					require.Equal(t, key, d.BriefMessage().Key)
				}
			}
			require.Equal(t, c.unresolved, strings.Join(unresolved, " "), "unresolved")
			require.Equal(t, len(st.UnresolvedTies())+len(st.SharedRanks()), len(st.Ties))
		})
	}
}

// TestSharedRankTexts: a shared rank's decision says "đồng hạng" with the
// rules tried, and names the members.
func TestSharedRankTexts(t *testing.T) {
	rb := mustRulebook(t, "criteria: [{id: a, name: A, max: 100}]\ntie_breaks: [{criterion: a}]\nawards:\n  - {id: flag, name: Cờ thi đua, count: 1}\n")
	var sh scoring.Sheet
	for _, mv := range []string{"A:95", "B:80", "C:80"} {
		m, v, _ := strings.Cut(mv, ":")
		scores(&sh, m, []string{"a"}, v)
	}
	st := mustRank(t, rb, sh)
	d := st.Rows[2].DecidedBy
	require.NotNil(t, d)
	require.True(t, d.Shared)
	names := st.Names()
	require.Equal(t, "Unit B và Unit C đồng hạng: bằng nhau theo mọi tiêu chí ưu tiên: tổng điểm, tiêu chí a",
		names.Of(d.Message()).In(lang.Vietnamese))
	require.Equal(t, "Unit B and Unit C share the rank: equal under every rule of the chain: total, criterion a",
		names.Of(d.Message()).In(lang.English))
	require.Equal(t, "đồng hạng với Unit B", names.Of(d.BriefMessage()).In(lang.Vietnamese))
}

// TestLotsStillDrawn: a tie broken by drawing lots is broken and recorded,
// whether it decides an award or not; only a tie the chain cannot break is
// a tie.
func TestLotsStillDrawn(t *testing.T) {
	rb := mustRulebook(t, "criteria: [{id: a, name: A, max: 100}]\ntie_breaks: [lots]\nawards:\n  - {id: flag, name: Cờ thi đua, count: 1}\n")
	var sh scoring.Sheet
	for _, mv := range []string{"A:95", "B:80", "C:80"} {
		m, v, _ := strings.Cut(mv, ":")
		scores(&sh, m, []string{"a"}, v)
	}
	st := mustRank(t, rb, sh, ranking.WithSeed(7))
	require.Empty(t, st.Ties)
	require.NotNil(t, st.Lots)
	require.Len(t, st.Lots.Draws, 1)
	require.Equal(t, "1 2 3", strings.Trim(fmt.Sprint(ranks(st)), "[]"))

	// without a seed, the same tie decides nothing: a shared rank that
	// says why lots could not be drawn
	st = mustRank(t, rb, sh)
	require.Len(t, st.Ties, 1)
	require.False(t, st.Ties[0].Unresolved())
	require.Equal(t, "lots.no_seed", st.Ties[0].Note.Key)
}
