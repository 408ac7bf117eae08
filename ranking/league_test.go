package ranking_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// cycleSheet: A, B, C, D tie on 3 points. On criterion a, three peer
// judges rank them X: B A C D, Y: A C D B, Z: C D B A, so B beats A
// (X, Z), A beats C and D (X, Y), C and D beat B (Y, Z), C beats D; the
// means (2, 2, 3, 2) are evened by criterion b. C and D are not clean.
func cycleSheet(without ...string) scoring.Sheet {
	sh := scoring.Sheet{}
	judges := map[string][4]string{"X": {"2", "3", "1", "0"}, "Y": {"3", "0", "2", "1"}, "Z": {"1", "3", "6", "5"}}
	b := [4]string{"1", "1", "0", "1"}
	for i, m := range []string{"A", "B", "C", "D"} {
		if slices.Contains(without, m) {
			continue
		}
		sh.Members = append(sh.Members, scoring.Member{ID: m, Name: "Unit " + m})
		for _, j := range []string{"X", "Y", "Z"} {
			sh.Scores = append(sh.Scores, by(j, m, "a", judges[j][i]))
		}
		sh.Scores = append(sh.Scores, cl(m, "b", b[i]))
		if m == "C" || m == "D" {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: m, Fact: "clean", Value: false})
		}
	}
	return sh
}

const cycleBook = `criteria:
  - {id: a, name: A, max: 10}
  - {id: b, name: B, max: 10}
facts: [{id: clean, name: Clean, default: true}]
eligibility: [{id: clean, reason: Clean, fact: clean}]
tie_breaks: [head_to_head]
`

// Defect 1: a member eligible for no award decided the award between two
// eligible ones. C and D (not clean) lose to A and beat B: counted as
// rivals, they gave A two wins to B's one, and A took the flag, though B
// beats A. Now only the members in play count:
// B takes the flag whether C and D are there or not.
func TestHeadToHeadIneligibleDecideNothing(t *testing.T) {
	rb := mustRulebook(t, cycleBook+"awards:\n  - {id: flag, name: Flag, count: 1, requires: [clean]}\n")
	with := mustRank(t, rb, cycleSheet())
	without := mustRank(t, rb, cycleSheet("C", "D"))
	require.Equal(t, []string{"B", "A"}, order(without))
	require.Equal(t, []string{"B"}, with.Awards[0].Proposed)
	require.Equal(t, without.Awards[0].Proposed, with.Awards[0].Proposed)
	bRow, aRow := row(t, with, "B"), row(t, with, "A")
	require.Less(t, bRow.Rank, aRow.Rank, "%v", order(with))
	// A's value says whom it was not compared with.
	var aText string
	for _, r := range with.Rows {
		if r.DecidedBy != nil && r.DecidedBy.Lower == "A" {
			aText = r.DecidedBy.LowerValue.In(lang.Vietnamese)
		}
	}
	require.Contains(t, aText, "không tính")
}

// The property kept is about members eligible for no award tier. A member
// eligible for a lower tier only (C and D: the merit, not the flag) is in
// play: the standings are one order, in which its own place decides its
// award, so its results count, and it can decide the flag between A and
// B. This is the documented counterexample.
func TestHeadToHeadLowerTierMemberCounts(t *testing.T) {
	rb := mustRulebook(t, cycleBook+"awards:\n  - {id: flag, name: Flag, count: 1, requires: [clean]}\n  - {id: merit, name: Merit, count: 2}\n")
	with := mustRank(t, rb, cycleSheet())
	without := mustRank(t, rb, cycleSheet("C", "D"))
	require.Equal(t, []string{"A"}, with.Awards[0].Proposed)
	require.Equal(t, []string{"B"}, without.Awards[0].Proposed)
}

// Defect 2: head_to_head read the scores of stages that do not count. B's
// cluster scores (8 from each judge) were replaced by a recheck (5): the
// judges' 8s must not make B beat A.
func TestHeadToHeadReadsOnlyCountedStages(t *testing.T) {
	rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: b, name: B, max: 10}\ntie_breaks: [head_to_head]\n")
	sh := scoring.Sheet{Members: []scoring.Member{{ID: "A"}, {ID: "B"}}}
	for _, j := range []string{"X", "Y", "Z"} {
		sh.Scores = append(sh.Scores, by(j, "A", "a", "5"), by(j, "B", "a", "8"))
	}
	sh.Scores = append(sh.Scores, scoring.Entry{Member: "B", Criterion: "a", Stage: "recheck", Value: d("5")},
		cl("A", "b", "5"), cl("B", "b", "5"))
	st := mustRank(t, rb, sh)
	require.True(t, row(t, st, "A").Card.Total.Equal(row(t, st, "B").Card.Total))
	require.Equal(t, []int{1, 1}, ranks(st), "a replaced score broke the tie: %v", order(st))

	// With counts: max, the cluster stage counts for B (8 > 5): its
	// judges' scores are read, and B wins.
	rb = mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: b, name: B, max: 10}\nassessment: {counts: max}\ntie_breaks: [head_to_head]\n")
	sh.Scores[len(sh.Scores)-2].Value, sh.Scores[len(sh.Scores)-1].Value = d("5"), d("2") // A 5+5, B 8+2
	st = mustRank(t, rb, sh)
	require.Equal(t, []string{"B", "A"}, order(st))
	require.Equal(t, "head_to_head", st.Rows[1].DecidedBy.Rule)
}

// leagueSheet: A, B, C, D tie (every value 5). A beats everyone 1–0; B
// beats C 2–1; D beats B 1–0; C beats D 1–0. Table: A 9; B and C 3
// points, −1, 2 scored; D 3 points, −1, 1 scored.
func leagueSheet() scoring.Sheet {
	sh := scoring.Sheet{}
	for _, m := range []string{"A", "B", "C", "D"} {
		scores(&sh, m, []string{"a"}, "5")
	}
	sh.Matches = []scoring.Match{
		{Member: "A", Rival: "B", For: 1}, {Member: "C", Rival: "A", Against: 1}, {Member: "A", Rival: "D", For: 1},
		{Member: "B", Rival: "C", For: 2, Against: 1}, {Member: "B", Rival: "D", Against: 1}, {Member: "C", Rival: "D", For: 1},
	}
	return sh
}

func TestLeague(t *testing.T) {
	book := func(chain string) string {
		return "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: " + chain + "\n"
	}
	for _, c := range []struct {
		name, chain string
		order       []string
		ranks       []int
	}{
		{"re-applied, the match between B and C decides", "[{league: reapply}]", []string{"A", "B", "C", "D"}, []int{1, 2, 3, 4}},
		{"once, B and C stay tied", "[{league: once}]", []string{"A", "B", "C", "D"}, []int{1, 2, 2, 4}},
		{"once, named again for the smaller group", "[{league: once}, {league: once}]", []string{"A", "B", "C", "D"}, []int{1, 2, 3, 4}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := mustRank(t, mustRulebook(t, book(c.chain)), leagueSheet())
			require.Equal(t, c.order, order(st))
			require.Equal(t, c.ranks, ranks(st))
		})
	}
	t.Run("explained as the mini-league's table", func(t *testing.T) {
		st := mustRank(t, mustRulebook(t, book("[{league: reapply}]")), leagueSheet())
		dd := st.Rows[1].DecidedBy
		require.Equal(t, "league reapply", dd.Rule)
		require.Equal(t, "mini-league of 4 tied members: 9 points, difference +3, scored 3 in 3 matches (results: 1–0 v B, 1–0 v C, 1–0 v D)", dd.UpperValue.In(lang.English))
		require.Equal(t, "giải đấu nhỏ giữa 4 đơn vị bằng điểm: 3 điểm, hiệu số -1, ghi 2 sau 3 trận (kết quả: 0–1 với A, 2–1 với C, 0–1 với D)", dd.LowerValue.In(lang.Vietnamese))
		// B over C: the league again, between the two of them
		dd = st.Rows[2].DecidedBy
		require.Equal(t, "league reapply", dd.Rule)
		require.Contains(t, dd.UpperValue.In(lang.English), "mini-league of 2 tied members: 3 points, difference +1, scored 2 in 1 matches")
		require.Contains(t, st.Names().Of(st.Rows[1].DecidedBy.LowerValue).In(lang.Vietnamese), "0–1 với Unit A")
	})
	t.Run("a missing result between members in play leaves the tie unresolved", func(t *testing.T) {
		sh := leagueSheet()
		sh.Matches = slices.DeleteFunc(sh.Matches, func(m scoring.Match) bool { return m.Member == "B" && m.Rival == "C" })
		st := mustRank(t, mustRulebook(t, book("[{league: reapply}]")), sh)
		require.Equal(t, []int{1, 1, 1, 1}, ranks(st))
		require.Equal(t, "league: the sheet has no result of B v C", st.Ties[0].Note.In(lang.English))
	})
	t.Run("a member eligible for no award is not counted", func(t *testing.T) {
		// D is not clean. Counting its matches, B and C would both have 3
		// points, −1, 2 scored: tied for the second flag. Without them,
		// A 6, B 3 (2–1 over C), C 0; D is placed by its results against
		// A, B and C (3 points, −1): below B, above C.
		rb := mustRulebook(t, "criteria: [{id: a, name: A, max: 10}]\nfacts: [{id: clean, name: Clean, default: true}]\n"+
			"eligibility: [{id: clean, reason: Clean, fact: clean}]\ntie_breaks: [{league: once}]\n"+
			"awards: [{id: flag, name: Flag, count: 2, requires: [clean]}]\n")
		sh := leagueSheet()
		sh.Facts = []scoring.FactValue{{Member: "D", Fact: "clean", Value: false}}
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"A", "B"}, st.Awards[0].Proposed)
		require.Equal(t, []int{1, 2}, ranks(st)[:2])
		require.Equal(t, []string{"A", "B", "D", "C"}, order(st))
		require.Equal(t, "league once", st.Rows[2].DecidedBy.Rule)
	})
}
