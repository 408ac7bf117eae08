package ranking_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// tieBook: group I = {a, b}, criterion c, all out of 10; a bonus and a
// deduction item; two award tiers (so that no_award_last_year can name one).
const tieBook = `
criteria:
  - id: I
    name: Group I
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 10}
  - {id: c, name: C, max: 10}
bonus:
  items: [{id: flag, name: Flag, points: 5}]
deductions:
  items: [{id: late, name: Late, points: 1}]
awards:
  - {id: flag, name: Cờ thi đua, count: 1}
  - {id: merit, name: Bằng khen, count: 1}
`

var abc = []string{"a", "b", "c"}

// TestTieBreaks checks every kind of rule in the chain and every adjacent
// pair's DecidedBy, with both members' values under the deciding rule.
func TestTieBreaks(t *testing.T) {
	tests := []struct {
		name    string
		extra   string
		build   func(sh *scoring.Sheet)
		opts    []ranking.Option
		order   []string
		decided []ranking.Decision
	}{
		{
			name:  "more total points ranks higher",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "5 5 5"); scores(sh, "B", abc, "6 6 6") },
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("total", "B", "A", "18", "15")},
		},
		{
			name:  "totals with different digits compare by value",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "5 5 5.50"); scores(sh, "B", abc, "5 5 5.05") },
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("total", "A", "B", "15.5", "15.05")},
		},
		{
			name:  "rank_by percent ranks by the share of the attainable maximum",
			extra: "rank_by: percent",
			build: func(sh *scoring.Sheet) {
				// A: c only, 9 of 10 = 90%; B: 26 of 30 = 86.666667% (more points, lower share)
				scores(sh, "A", abc, "- - 9")
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "I"})
				scores(sh, "B", abc, "9 9 8")
			},
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("percent", "A", "B", "90%", "86.666667%")},
		},
		{
			name:  "tie-break total under the percent basis",
			extra: "rank_by: percent\ntie_breaks: [total]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "- - 8") // 8 of 10 = 80%
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "I"})
				scores(sh, "B", abc, "8 8 8") // 24 of 30 = 80%
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("total", "B", "A", "24", "8")},
		},
		{
			name:  "tie-break percent under the total basis",
			extra: "tie_breaks: [percent]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "4 4 0") // 8 of 30 = 26.666667%
				scores(sh, "B", abc, "8 - -") // 8 of 10 = 80%
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "B", Criterion: "b"}, scoring.Assignment{Member: "B", Criterion: "c"})
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("percent", "B", "A", "80%", "26.666667%")},
		},
		{
			name:  "group X breaks equal totals",
			extra: "tie_breaks: [{group: I}]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "4 6 5"); scores(sh, "B", abc, "5 6 4") }, // I: 10 v 11
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("group I", "B", "A", "11", "10")},
		},
		{
			name:  "criterion X breaks equal totals",
			extra: "tie_breaks: [{criterion: c}]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "4 5 6"); scores(sh, "B", abc, "5 5 5") },
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("criterion c", "A", "B", "6", "5")},
		},
		{
			name:  "fewer deductions breaks equal totals",
			extra: "tie_breaks: [fewer_deductions]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 7") // 17 − 2 = 15
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "A", Item: "late", Count: 2})
				scores(sh, "B", abc, "5 5 5")
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("fewer_deductions", "B", "A", "0 deducted", "2 deducted")},
		},
		{
			name:  "more bonus breaks equal totals",
			extra: "tie_breaks: [more_bonus]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 0") // 10 + 5 = 15
				sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "flag", Count: 1})
				scores(sh, "B", abc, "5 5 5")
			},
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("more_bonus", "A", "B", "5", "0")},
		},
		{
			name:  "more votes breaks equal totals",
			extra: "tie_breaks: [more_votes]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.Ballot = &scoring.Ballot{Entitled: 5, Votes: []scoring.Vote{{Member: "A", For: 1}, {Member: "B", For: 3, Against: 2}}}
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("more_votes", "B", "A", "3 votes", "1 vote")},
		},
		{
			name:  "no award last year (any tier) breaks equal totals",
			extra: "tie_breaks: [no_award_last_year]",
			build: func(sh *scoring.Sheet) {
				sh.Year = 2024
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.History = []scoring.PastAward{{Member: "A", Year: 2023, Award: "merit"}}
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("no_award_last_year", "B", "A", "no award in 2023", "merit in 2023")},
		},
		{
			name:  "no award last year of a named tier ignores the other tiers",
			extra: "tie_breaks: [{no_award_last_year: flag}]",
			build: func(sh *scoring.Sheet) {
				sh.Year = 2024
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.History = []scoring.PastAward{{Member: "A", Year: 2023, Award: "merit"}, {Member: "B", Year: 2023, Award: "flag"}}
			},
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("no_award_last_year flag", "A", "B", "no award in 2023", "flag in 2023")},
		},
		{
			name:  "an award two years ago is not last year's",
			extra: "tie_breaks: [no_award_last_year]",
			build: func(sh *scoring.Sheet) {
				sh.Year = 2024
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.History = []scoring.PastAward{{Member: "A", Year: 2022, Award: "flag"}, {Member: "B", Year: 2025, Award: "flag"}}
			},
			order: []string{"A", "B"}, decided: []ranking.Decision{tie("A", "B")},
		},
		{
			name:  "the chain moves on when a rule finds them equal",
			extra: "tie_breaks: [fewer_deductions, {group: I}]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "4 6 5"); scores(sh, "B", abc, "5 6 4") },
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("group I", "B", "A", "11", "10")},
		},
		{
			name:  "the first rule that separates decides, whatever the later ones say",
			extra: "tie_breaks: [{criterion: c}, {group: I}]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "4 5 6"); scores(sh, "B", abc, "5 5 5") }, // c: A; I: B
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("criterion c", "A", "B", "6", "5")},
		},
		{
			name:  "a tie-break never overrides the basis",
			extra: "tie_breaks: [{criterion: c}]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "9 9 0"); scores(sh, "B", abc, "1 1 10") },
			order: []string{"A", "B"}, decided: []ranking.Decision{dec("total", "A", "B", "18", "12")},
		},
		{
			name:  "three tied members separated by two successive rules",
			extra: "tie_breaks: [{group: I}, {criterion: a}]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5") // I 10
				scores(sh, "B", abc, "6 5 4") // I 11, a 6
				scores(sh, "C", abc, "5 6 4") // I 11, a 5
			},
			order: []string{"B", "C", "A"},
			decided: []ranking.Decision{
				dec("criterion a", "B", "C", "6", "5"),
				dec("group I", "C", "A", "11", "10"),
			},
		},
		{
			name:  "lots follow a recorded draw",
			extra: "tie_breaks: [lots]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.Lots = []string{"B", "A"}
			},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("lots", "B", "A", "drawn 1", "drawn 2")},
		},
		{
			name:  "a recorded draw is used even when a seed is given",
			extra: "tie_breaks: [lots]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				sh.Lots = []string{"B", "A"}
			},
			opts:  []ranking.Option{ranking.WithSeed(1)},
			order: []string{"B", "A"}, decided: []ranking.Decision{dec("lots", "B", "A", "drawn 1", "drawn 2")},
		},
		{
			name:  "lots without a draw or a seed leave the tie unresolved",
			extra: "tie_breaks: [lots]",
			build: func(sh *scoring.Sheet) { scores(sh, "A", abc, "5 5 5"); scores(sh, "B", abc, "5 5 5") },
			order: []string{"A", "B"}, decided: []ranking.Decision{tie("A", "B")},
		},
		{
			name:  "a recorded draw that misses a tied member leaves the tie unresolved",
			extra: "tie_breaks: [lots]",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5")
				scores(sh, "B", abc, "5 5 5")
				scores(sh, "C", abc, "9 9 9")
				sh.Lots = []string{"C", "B"}
			},
			order:   []string{"C", "A", "B"},
			decided: []ranking.Decision{dec("total", "C", "A", "27", "15"), tie("A", "B")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, tieBook+tc.extra+"\n")
			var sh scoring.Sheet
			tc.build(&sh)
			st := mustRank(t, rb, sh, tc.opts...)
			require.Equal(t, tc.order, order(st))
			if diff := cmp.Diff(tc.decided, decided(st), cmpOpts); diff != "" {
				t.Errorf("DecidedBy (-want +got):\n%s", diff)
			}
			require.Nil(t, st.Rows[0].DecidedBy, "the first row has no DecidedBy")
		})
	}
}

// no_award_last_year needs to know which year is "last year": a sheet
// without a year is refused rather than silently left unresolved.
func TestNoAwardLastYearNeedsTheSheetsYear(t *testing.T) {
	rb := mustRulebook(t, tieBook+"tie_breaks: [no_award_last_year]\n")
	var sh scoring.Sheet
	scores(&sh, "A", abc, "5 5 5")
	scores(&sh, "B", abc, "5 5 5")
	sh.History = []scoring.PastAward{{Member: "A", Year: 2023, Award: "flag"}}
	_, err := ranking.Rank(rb, sh)
	require.ErrorContains(t, err, "must give its year")
}

func TestDecidedByNamesTheAdjacentRows(t *testing.T) {
	rb := mustRulebook(t, tieBook+"tie_breaks: [{group: I}, {criterion: a}]\n")
	t.Run("a later rule reorders the upper sub-group", func(t *testing.T) {
		// A, B and C have 15 points; group I puts B and C (11) above A (10),
		// and criterion a puts C (6) above B (5). The row above A is B, so
		// A's row must say it is below B (11 v 10), not below C.
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 6 4")
		scores(&sh, "C", abc, "6 5 4")
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"C", "B", "A"}, order(st))
		if diff := cmp.Diff([]ranking.Decision{
			dec("criterion a", "C", "B", "6", "5"),
			dec("group I", "B", "A", "11", "10"),
		}, decided(st), cmpOpts); diff != "" {
			t.Errorf("DecidedBy (-want +got):\n%s", diff)
		}
	})
	t.Run("a tie-break reorders the members tied on the basis", func(t *testing.T) {
		// A, B, C tie on 15 and group I orders them B, C, A; D (3) is
		// below A, the last of them, not below C.
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "6 5 4")
		scores(&sh, "C", abc, "5 6 4")
		scores(&sh, "D", abc, "1 1 1")
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"B", "C", "A", "D"}, order(st))
		if diff := cmp.Diff(dec("total", "A", "D", "15", "3"), *st.Rows[3].DecidedBy, cmpOpts); diff != "" {
			t.Errorf("DecidedBy (-want +got):\n%s", diff)
		}
	})
	t.Run("a later rule reorders the lower sub-group", func(t *testing.T) {
		// D (27) is alone on top; A and B tie on 15 and group I puts B (11)
		// above A (10). The row below D is B, so B's row must say it is
		// below D, and A's that it is below B.
		var sh scoring.Sheet
		scores(&sh, "D", abc, "9 9 9")
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "6 5 4")
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"D", "B", "A"}, order(st))
		if diff := cmp.Diff([]ranking.Decision{
			dec("total", "D", "B", "27", "15"),
			dec("group I", "B", "A", "11", "10"),
		}, decided(st), cmpOpts); diff != "" {
			t.Errorf("DecidedBy (-want +got):\n%s", diff)
		}
	})
}

func TestHeadToHead(t *testing.T) {
	const book = "criteria:\n  - {id: a, name: A, max: 10}\n  - {id: b, name: B, max: 10}\ntie_breaks: [head_to_head]\n"
	t.Run("the member more peers scored higher ranks higher", func(t *testing.T) {
		// Means: A (8 + 8 + 5) ÷ 3 = 7, B (6 + 6 + 9) ÷ 3 = 7, both + b 5.
		// Assessors X and Y prefer A, Z prefers B: A wins 2–1.
		sh := scoring.Sheet{
			Members: []scoring.Member{{ID: "A"}, {ID: "B"}},
			Scores: []scoring.Entry{
				by("X", "A", "a", "8"), by("Y", "A", "a", "8"), by("Z", "A", "a", "5"),
				by("X", "B", "a", "6"), by("Y", "B", "a", "6"), by("Z", "B", "a", "9"),
				cl("A", "b", "5"), cl("B", "b", "5"),
			},
		}
		st := mustRank(t, mustRulebook(t, book), sh)
		require.Equal(t, []string{"A", "B"}, order(st))
		dd := st.Rows[1].DecidedBy
		require.Equal(t, "head_to_head", dd.Rule)
		require.Contains(t, dd.UpperValue.In(lang.English), "beats 1 of 1")
		require.Contains(t, dd.UpperValue.In(lang.English), "2–1 v B")
		require.Contains(t, dd.LowerValue.In(lang.English), "beats 0 of 1")
		require.Contains(t, dd.LowerValue.In(lang.English), "1–2 v A")
	})
	t.Run("a cycle among three tied members is unresolved", func(t *testing.T) {
		// X: A 3, B 2, C 1; Y: B 3, C 2, A 1; Z: C 3, A 2, B 1 — each mean 2.
		// A beats B (X, Z), B beats C (X, Y), C beats A (Y, Z): one win each.
		sh := scoring.Sheet{Members: []scoring.Member{{ID: "A"}, {ID: "B"}, {ID: "C"}}}
		for _, s := range []struct{ who, a, b, c string }{{"X", "3", "2", "1"}, {"Y", "1", "3", "2"}, {"Z", "2", "1", "3"}} {
			sh.Scores = append(sh.Scores, by(s.who, "A", "a", s.a), by(s.who, "B", "a", s.b), by(s.who, "C", "a", s.c))
		}
		for _, m := range []string{"A", "B", "C"} {
			sh.Scores = append(sh.Scores, cl(m, "b", "0"))
		}
		st := mustRank(t, mustRulebook(t, book), sh)
		require.Equal(t, []int{1, 1, 1}, ranks(st))
		require.Equal(t, []ranking.Tie{{Rank: 1, Members: []string{"A", "B", "C"}, Tried: []string{"total", "head_to_head"}}}, ties(st))
	})
	t.Run("without peer scores head-to-head cannot separate", func(t *testing.T) {
		sh := scoring.Sheet{Members: []scoring.Member{{ID: "A"}, {ID: "B"}}, Scores: []scoring.Entry{cl("A", "a", "5"), cl("B", "a", "5"), cl("A", "b", "1"), cl("B", "b", "1")}}
		st := mustRank(t, mustRulebook(t, book), sh)
		require.Equal(t, []int{1, 1}, ranks(st))
	})
}

// TestUnresolvedTies: a tie the chain cannot break is reported, never
// broken silently.
func TestUnresolvedTies(t *testing.T) {
	t.Run("equal totals with no tie-breaks share the rank; the next rank skips", func(t *testing.T) {
		rb := mustRulebook(t, tieBook)
		var sh scoring.Sheet
		scores(&sh, "C", abc, "5 5 5")
		scores(&sh, "A", abc, "6 4 5")
		scores(&sh, "D", abc, "4 4 4")
		scores(&sh, "B", abc, "5 5 5")
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"A", "B", "C", "D"}, order(st), "tied members are listed by id")
		require.Equal(t, []int{1, 1, 1, 4}, ranks(st))
		for _, id := range []string{"A", "B", "C"} {
			require.True(t, row(t, st, id).Tied, id)
		}
		require.False(t, row(t, st, "D").Tied)
		require.Equal(t, []ranking.Tie{{Rank: 1, Members: []string{"A", "B", "C"}, Tried: []string{"total"}, Decides: []string{"flag", "merit"}}}, ties(st))
		if diff := cmp.Diff([]ranking.Decision{tie("A", "B"), tie("B", "C"), dec("total", "C", "D", "15", "12")}, decided(st), cmpOpts); diff != "" {
			t.Errorf("DecidedBy (-want +got):\n%s", diff)
		}
	})
	t.Run("a tie in the middle of the standings", func(t *testing.T) {
		rb := mustRulebook(t, tieBook)
		var sh scoring.Sheet
		scores(&sh, "E", abc, "9 9 9")
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 5")
		scores(&sh, "D", abc, "1 1 1")
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"E", "A", "B", "D"}, order(st))
		require.Equal(t, []int{1, 2, 2, 4}, ranks(st))
		require.Equal(t, []ranking.Tie{{Rank: 2, Members: []string{"A", "B"}, Tried: []string{"total"}, Decides: []string{"merit"}}}, ties(st))
	})
	t.Run("two separate ties", func(t *testing.T) {
		rb := mustRulebook(t, tieBook)
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 5")
		scores(&sh, "C", abc, "1 1 1")
		scores(&sh, "D", abc, "1 1 1")
		st := mustRank(t, rb, sh)
		require.Equal(t, []int{1, 1, 3, 3}, ranks(st))
		require.Len(t, st.Ties, 2)
		require.Equal(t, 3, st.Ties[1].Rank)
	})
	t.Run("the tie lists every rule tried", func(t *testing.T) {
		rb := mustRulebook(t, tieBook+"tie_breaks: [fewer_deductions, {group: I}, more_bonus]\n")
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 5")
		st := mustRank(t, rb, sh)
		require.Equal(t, []ranking.Tie{{Rank: 1, Members: []string{"A", "B"}, Tried: []string{"total", "fewer_deductions", "group I", "more_bonus"}, Decides: []string{"flag", "merit"}}}, ties(st))
	})
	t.Run("a partial break leaves the rest of the tie unresolved", func(t *testing.T) {
		rb := mustRulebook(t, tieBook+"tie_breaks: [{group: I}]\n")
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5") // I 10
		scores(&sh, "B", abc, "6 5 4") // I 11
		scores(&sh, "C", abc, "5 6 4") // I 11
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"B", "C", "A"}, order(st))
		require.Equal(t, []int{1, 1, 3}, ranks(st))
		require.Equal(t, []ranking.Tie{{Rank: 1, Members: []string{"B", "C"}, Tried: []string{"total", "group I"}, Decides: []string{"flag", "merit"}}}, ties(st))
	})
	t.Run("lots without a seed: the tie says why", func(t *testing.T) {
		rb := mustRulebook(t, tieBook+"tie_breaks: [lots]\n")
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 5")
		st := mustRank(t, rb, sh)
		require.Len(t, st.Ties, 1)
		require.Equal(t, []string{"total", "lots"}, st.Ties[0].Tried)
		require.Contains(t, st.Ties[0].Note.In(lang.English), "no recorded draw and no seed")
		require.Contains(t, st.Rows[1].DecidedBy.Note.In(lang.English), "no recorded draw and no seed")
		require.True(t, st.Rows[1].DecidedBy.Unresolved)
		require.Nil(t, st.Lots, "no lots were drawn")
	})
}

func TestLots(t *testing.T) {
	rb := mustRulebook(t, tieBook+"tie_breaks: [lots]\n")
	fourTied := func() scoring.Sheet {
		var sh scoring.Sheet
		scores(&sh, "Z", abc, "9 9 9") // not tied: always first
		for _, m := range []string{"A", "B", "C", "D"} {
			scores(&sh, m, abc, "5 5 5")
		}
		scores(&sh, "Y", abc, "0 0 0") // not tied: always last
		return sh
	}
	t.Run("the same seed gives the same draw and records it", func(t *testing.T) {
		st1 := mustRank(t, rb, fourTied(), ranking.WithSeed(42))
		st2 := mustRank(t, rb, fourTied(), ranking.WithSeed(42))
		require.Equal(t, order(st1), order(st2))
		require.NotNil(t, st1.Lots)
		require.NotNil(t, st1.Lots.Seed)
		require.Equal(t, uint64(42), *st1.Lots.Seed)
		require.Empty(t, st1.Lots.Recorded)
		require.Equal(t, [][]string{order(st1)[1:5]}, st1.Lots.Draws)
		require.Empty(t, st1.Ties)
		require.Equal(t, []int{1, 2, 3, 4, 5, 6}, ranks(st1))
		for i, r := range st1.Rows[2:5] {
			require.Equal(t, "lots", r.DecidedBy.Rule)
			require.Equal(t, fmt.Sprintf("drawn %d (seed 42)", i+1), r.DecidedBy.UpperValue.In(lang.English))
			require.Equal(t, fmt.Sprintf("drawn %d (seed 42)", i+2), r.DecidedBy.LowerValue.In(lang.English))
		}
	})
	t.Run("only the tied members are drawn", func(t *testing.T) {
		for seed := range uint64(20) {
			st := mustRank(t, rb, fourTied(), ranking.WithSeed(seed))
			o := order(st)
			require.Equal(t, "Z", o[0])
			require.Equal(t, "Y", o[5])
			mid := slices.Clone(o[1:5])
			slices.Sort(mid)
			require.Equal(t, []string{"A", "B", "C", "D"}, mid, "seed %d", seed)
		}
	})
	t.Run("different seeds give different draws", func(t *testing.T) {
		seen := map[string]bool{}
		for seed := range uint64(30) {
			seen[strings.Join(order(mustRank(t, rb, fourTied(), ranking.WithSeed(seed))), ",")] = true
		}
		// 24 orders are possible; a draw that ignored the seed would give one.
		require.Greater(t, len(seen), 5)
	})
	t.Run("the draw does not depend on the order of the rows", func(t *testing.T) {
		sh := fourTied()
		want := order(mustRank(t, rb, sh, ranking.WithSeed(7)))
		slices.Reverse(sh.Members)
		slices.Reverse(sh.Scores)
		require.Equal(t, want, order(mustRank(t, rb, sh, ranking.WithSeed(7))))
	})
	t.Run("each tie is drawn separately and recorded", func(t *testing.T) {
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 5")
		scores(&sh, "C", abc, "1 1 1")
		scores(&sh, "D", abc, "1 1 1")
		st := mustRank(t, rb, sh, ranking.WithSeed(3))
		require.Len(t, st.Lots.Draws, 2)
		require.Equal(t, order(st)[:2], st.Lots.Draws[0])
		require.Equal(t, order(st)[2:], st.Lots.Draws[1])
		require.Equal(t, []int{1, 2, 3, 4}, ranks(st))
	})
	t.Run("a recorded draw is recorded as such", func(t *testing.T) {
		sh := fourTied()
		sh.Lots = []string{"Y", "C", "A", "D", "B"} // may name members outside the tie
		st := mustRank(t, rb, sh)
		require.Equal(t, []string{"Z", "C", "A", "D", "B", "Y"}, order(st))
		require.Nil(t, st.Lots.Seed)
		require.Equal(t, []string{"Y", "C", "A", "D", "B"}, st.Lots.Recorded)
		require.Equal(t, [][]string{{"C", "A", "D", "B"}}, st.Lots.Draws)
	})
	t.Run("no tie, no lots", func(t *testing.T) {
		var sh scoring.Sheet
		scores(&sh, "A", abc, "5 5 5")
		scores(&sh, "B", abc, "5 5 4")
		st := mustRank(t, rb, sh, ranking.WithSeed(1))
		require.Nil(t, st.Lots)
	})
}

func TestStandingsHeader(t *testing.T) {
	rb := mustRulebook(t, "in_force: {from: 2024-01-01}\n"+tieBook)
	var sh scoring.Sheet
	sh.Cluster, sh.Year = "Cụm II", 2024
	scores(&sh, "A", abc, "5 5 5")
	st := mustRank(t, rb, sh)
	require.Equal(t, ranking.RulebookRef{ID: "test", Version: "1", Title: "Test rulebook", Hash: rb.Hash(), InForce: "2024-01-01 – …"}, st.Rulebook)
	require.Equal(t, "Cụm II", st.Cluster)
	require.Equal(t, 2024, st.Year)
	require.Equal(t, sh.Hash(), st.SheetHash)
	require.Equal(t, rules.ByTotal, st.Basis)
	require.Equal(t, 1, st.Rows[0].Rank)
	require.Equal(t, "A", st.Rows[0].Card.Member.ID, "each row carries the member's scorecard")
	eq := func(a, b string) { require.True(t, d(a).Equal(d(b)), "%s ≠ %s", a, b) }
	eq(st.Rows[0].Total.String(), "15")
	eq(st.Rows[0].Percent.String(), "50")
	eq(st.Rows[0].Basis.String(), "15")
}

func TestRankReportsInputErrors(t *testing.T) {
	rb := mustRulebook(t, tieBook)
	st, err := ranking.Rank(rb, scoring.Sheet{Members: []scoring.Member{{ID: "A"}}, Scores: []scoring.Entry{cl("A", "a", "11")}})
	require.Nil(t, st)
	var es scoring.InputErrors
	require.ErrorAs(t, err, &es)
	// a is above its maximum; b and c are missing
	require.Len(t, es, 3, "%v", err)
}
