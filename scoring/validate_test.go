package scoring_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
)

// validationBook has one criterion of each per-member method, bonus and
// deduction items, a fact without a default and one with, and a period in
// force.
const validationBook = `
in_force: {from: 2024-01-01, to: 2025-12-31}
criteria:
  - id: I
    name: Group I
    children:
      - {id: a, name: A, max: 10}
      - {id: r, name: R, max: 10, method: ratio}
  - {id: p, name: P, max: 5, method: pass_fail}
  - {id: o, name: O, max: 10, method: per_occurrence, points_each: 2}
  - {id: t, name: T, max: 10, method: tiers, tiers: [{at_least: 1, points: 10}]}
bonus:
  items: [{id: flag, name: Flag, points: 5}]
deductions:
  items: [{id: late, name: Late, points: 1}]
facts:
  - {id: clean, name: No discipline case}
  - {id: title, name: Labour title, default: true}
`

// complete adds a member with a valid value for everything to the sheet.
func complete(sh *scoring.Sheet, id string) {
	sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Unit " + id})
	sh.Scores = append(sh.Scores, cl(id, "a", "5"), cl(id, "r", "50"), cl(id, "p", "1"), cl(id, "o", "2"), cl(id, "t", "3"))
	sh.Targets = append(sh.Targets, scoring.Target{Member: id, Criterion: "r", Value: d("100")})
	sh.Facts = append(sh.Facts, scoring.FactValue{Member: id, Fact: "clean", Value: true})
}

func validSheet() scoring.Sheet {
	sh := scoring.Sheet{Cluster: "Cụm II", Year: 2024}
	complete(&sh, "A")
	complete(&sh, "B")
	return sh
}

// setScore changes the value of an existing score row.
func setScore(sh *scoring.Sheet, member, criterion, value string) {
	for i, e := range sh.Scores {
		if e.Member == member && e.Criterion == criterion {
			sh.Scores[i].Value = d(value)
			return
		}
	}
	panic("no score " + member + " " + criterion)
}

// drop removes the rows matching keep == false.
func drop[T any](xs []T, remove func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if !remove(x) {
			out = append(out, x)
		}
	}
	return out
}

type wantErr struct {
	member, criterion string
	fragments         []string
}

func we(member, criterion string, fragments ...string) wantErr {
	return wantErr{member, criterion, fragments}
}

func TestValidSheet(t *testing.T) {
	rb := mustRulebook(t, validationBook)
	cards := mustScore(t, rb, validSheet())
	require.Len(t, cards, 2)
	// a 5 + r 10·50/100 + p 5 + o 2·2 + t 10
	eq(t, "total", cards["A"].Total, "29")
	require.Equal(t, map[string]bool{"clean": true, "title": true}, cards["A"].Facts, "a fact not stated takes the rulebook's default")
}

func TestSheetValidation(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*scoring.Sheet)
		want   []wantErr
	}{
		// members
		{"no members", func(sh *scoring.Sheet) { *sh = scoring.Sheet{} },
			[]wantErr{we("", "", "lists no members")}},
		{"a member listed twice", func(sh *scoring.Sheet) { sh.Members = append(sh.Members, scoring.Member{ID: "A"}) },
			[]wantErr{we("A", "", "member listed twice")}},
		{"a member without an id", func(sh *scoring.Sheet) { sh.Members = append(sh.Members, scoring.Member{Name: "Sở Y tế"}) },
			[]wantErr{we("", "", "a member needs an id")}},
		{"a member id with surrounding spaces", func(sh *scoring.Sheet) { complete(sh, " C") },
			[]wantErr{we(" C", "", `member id " C" has surrounding spaces`)}},

		// scores
		{"a score for an unknown member", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("X", "a", "1")) },
			[]wantErr{we("X", "", `unknown member "X"`)}},
		{"a score for an unknown criterion", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("A", "zz", "1")) },
			[]wantErr{we("A", "zz", `unknown criterion "zz"`, "rulebook test")}},
		{"a score at an unknown stage", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, at("final", "A", "a", "1")) },
			[]wantErr{we("A", "a", `unknown assessment stage "final"`, "self, cluster, recheck")}},
		{"a direct value above the maximum", func(sh *scoring.Sheet) { setScore(sh, "A", "a", "10.5") },
			[]wantErr{we("A", "a", "10.5 points is above the maximum 10")}},
		{"a negative value", func(sh *scoring.Sheet) { setScore(sh, "B", "r", "-1") },
			[]wantErr{we("B", "r", "must not be negative", "-1")}},
		{"a pass/fail value that is neither 0 nor 1", func(sh *scoring.Sheet) { setScore(sh, "A", "p", "0.5") },
			[]wantErr{we("A", "p", "1 (đạt) or 0 (không đạt)", "0.5")}},
		{"a pass/fail value of 2", func(sh *scoring.Sheet) { setScore(sh, "A", "p", "2") },
			[]wantErr{we("A", "p", "1 (đạt) or 0 (không đạt)", "found 2")}},
		{"a fractional occurrence count", func(sh *scoring.Sheet) { setScore(sh, "A", "o", "1.5") },
			[]wantErr{we("A", "o", "whole count", "1.5")}},
		{"a duplicate score row", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("A", "a", "3")) },
			[]wantErr{we("A", "a", "a second cluster score")}},
		{"a duplicate score from the same assessor", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && e.Criterion == "a" })
			sh.Scores = append(sh.Scores, by("cluster", "X", "A", "a", "3"), by("cluster", "Y", "A", "a", "4"), by("cluster", "X", "A", "a", "5"))
		}, []wantErr{we("A", "a", "a second cluster score by X")}},
		{"several scores at a stage, one without an assessor", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, by("cluster", "X", "A", "a", "5")) },
			[]wantErr{we("A", "a", "several scores, so each needs an assessor")}},
		{"a score for a group", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("A", "I", "5")) },
			[]wantErr{we("A", "I", `"I" is a group`, "a, r")}},
		{"a missing value under the error policy", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "B" && e.Criterion == "p" })
		}, []wantErr{we("B", "p", "no score given", "not assigned")}},
		{"missing values are reported for every member and criterion", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Criterion == "t" || (e.Member == "A" && e.Criterion == "a") })
		}, []wantErr{we("A", "a", "no score given"), we("A", "t", "no score given"), we("B", "t", "no score given")}},

		// targets
		{"no target for a ratio criterion without a default", func(sh *scoring.Sheet) {
			sh.Targets = drop(sh.Targets, func(x scoring.Target) bool { return x.Member == "B" })
		}, []wantErr{we("B", "r", "no target")}},
		{"a target for a direct criterion", func(sh *scoring.Sheet) {
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "a", Value: d("5")})
		}, []wantErr{we("A", "a", "a target applies only to ratio and relative criteria", "direct")}},
		{"a target for a group", func(sh *scoring.Sheet) {
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "I", Value: d("5")})
		}, []wantErr{we("A", "I", "a target applies only to ratio and relative criteria", "a group")}},
		{"a zero target (and so none)", func(sh *scoring.Sheet) { sh.Targets[0].Value = d("0") },
			[]wantErr{we("A", "r", "target must be above zero, found 0"), we("A", "r", "no target")}},
		{"a target given twice", func(sh *scoring.Sheet) {
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "r", Value: d("90")})
		}, []wantErr{we("A", "r", "a second target")}},
		{"a target for an unknown criterion", func(sh *scoring.Sheet) {
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "zz", Value: d("90")})
		}, []wantErr{we("A", "zz", `unknown criterion "zz"`)}},

		// not assigned
		{"a score for a criterion marked not assigned", func(sh *scoring.Sheet) {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "a"})
		}, []wantErr{we("A", "a", "has a score but is marked not assigned")}},
		{"a score under a group marked not assigned", func(sh *scoring.Sheet) {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "B", Criterion: "I"})
			sh.Targets = drop(sh.Targets, func(x scoring.Target) bool { return x.Member == "B" })
		}, []wantErr{we("B", "a", "marked not assigned"), we("B", "r", "marked not assigned")}},
		{"a criterion marked not assigned twice", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && e.Criterion == "o" })
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "o"}, scoring.Assignment{Member: "A", Criterion: "o"})
		}, []wantErr{we("A", "o", "marked not assigned twice")}},
		{"not assigned: unknown member and unknown criterion", func(sh *scoring.Sheet) {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "X", Criterion: "a"}, scoring.Assignment{Member: "A", Criterion: "zz"})
		}, []wantErr{we("X", "", `unknown member "X"`), we("A", "zz", `unknown criterion "zz"`)}},
		{"a member with nothing assigned", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "B" })
			sh.Targets = drop(sh.Targets, func(x scoring.Target) bool { return x.Member == "B" })
			for _, c := range []string{"I", "p", "o", "t"} {
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "B", Criterion: c})
			}
		}, []wantErr{we("B", "", "no criterion is assigned")}},

		// bonus and deductions
		{"an unknown bonus item", func(sh *scoring.Sheet) {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "medal", Count: 1})
		}, []wantErr{we("A", "medal", `unknown bonus item "medal"`)}},
		{"an unknown deduction item", func(sh *scoring.Sheet) {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "A", Item: "flag", Count: 1})
		}, []wantErr{we("A", "flag", `unknown deduction item "flag"`)}},
		{"a negative bonus count", func(sh *scoring.Sheet) {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "flag", Count: -1})
		}, []wantErr{we("A", "flag", "bonus count must not be negative, found -1")}},
		{"a deduction item given twice", func(sh *scoring.Sheet) {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "B", Item: "late", Count: 1}, scoring.Occurrences{Member: "B", Item: "late", Count: 2})
		}, []wantErr{we("B", "late", "deduction item given twice", "one row with the count")}},
		{"a bonus for an unknown member", func(sh *scoring.Sheet) {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "X", Item: "flag", Count: 1})
		}, []wantErr{we("X", "", `unknown member "X"`)}},

		// facts
		{"an unknown fact", func(sh *scoring.Sheet) {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: "A", Fact: "party", Value: true})
		}, []wantErr{we("A", "party", `unknown fact "party"`)}},
		{"a fact given twice", func(sh *scoring.Sheet) {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: "A", Fact: "clean", Value: false})
		}, []wantErr{we("A", "clean", "fact given twice")}},
		{"a fact without a default not stated", func(sh *scoring.Sheet) {
			sh.Facts = drop(sh.Facts, func(f scoring.FactValue) bool { return f.Member == "B" })
		}, []wantErr{we("B", "clean", "fact not stated", "No discipline case", "no default")}},

		// the year
		{"a sheet for a year after the rulebook's period", func(sh *scoring.Sheet) { sh.Year = 2026 },
			[]wantErr{we("", "", "the sheet is for 2026", "rulebook test (version 1)", "2024-01-01 – 2025-12-31")}},
		{"a sheet for a year before the rulebook's period", func(sh *scoring.Sheet) { sh.Year = 2023 },
			[]wantErr{we("", "", "the sheet is for 2023")}},

		// ballot (this rulebook does not need one, but a recorded one must add up)
		{"votes for an unknown member", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Votes: []scoring.Vote{{Member: "X", For: 1}}}
		}, []wantErr{we("X", "", `unknown member "X"`)}},
		{"votes given twice", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 1}, {Member: "A", For: 2}}}
		}, []wantErr{we("A", "", "votes given twice")}},
		{"negative vote counts", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 1, Against: -1}}}
		}, []wantErr{we("A", "", "must not be negative")}},
		{"more votes than voters present", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 5, Votes: []scoring.Vote{{Member: "A", For: 3, Against: 2, Abstain: 1}}}
		}, []wantErr{we("A", "", "3 for + 2 against + 1 abstaining is more than the 5 present")}},
		{"more present than entitled", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Entitled: 5, Present: 6}
		}, []wantErr{we("", "", "6 present but only 5 entitled")}},
		{"more present than members when entitled is not given", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Present: 3}
		}, []wantErr{we("", "", "3 present but only 2 entitled")}},
		{"a negative number entitled", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Entitled: -1, Present: 0}
		}, []wantErr{we("", "", "must not be negative")}},

		// lots and history
		{"a recorded draw naming an unknown member", func(sh *scoring.Sheet) { sh.Lots = []string{"B", "X", "A"} },
			[]wantErr{we("X", "", "drawing of lots", `unknown member "X"`)}},
		{"a recorded draw naming a member twice", func(sh *scoring.Sheet) { sh.Lots = []string{"B", "A", "B"} },
			[]wantErr{we("B", "", "drawing of lots names the member twice")}},
		{"a past award without a year", func(sh *scoring.Sheet) {
			sh.History = []scoring.PastAward{{Member: "A", Award: "flag"}}
		}, []wantErr{we("A", "", "a past award needs a member, a year and an award")}},
		{"a past award without an award", func(sh *scoring.Sheet) {
			sh.History = []scoring.PastAward{{Member: "A", Year: 2023, Award: " "}}
		}, []wantErr{we("A", "", "a past award needs")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := mustRulebook(t, validationBook)
			sh := validSheet()
			tc.mutate(&sh)
			cards, err := scoring.Score(rb, sh)
			require.Nil(t, cards, "no scorecards for an invalid sheet")
			es := inputErrors(t, err)
			for _, w := range tc.want {
				require.True(t, hasError(es, w.member, w.criterion, w.fragments...),
					"want an error for member %q, criterion %q containing %q; got:\n%v", w.member, w.criterion, w.fragments, err)
			}
			if tc.name != "a member id with surrounding spaces" {
				require.Len(t, es, len(tc.want), "got:\n%v", err)
			}
		})
	}
}

func TestMissingIsZero(t *testing.T) {
	rb := mustRulebook(t, strings.Replace(validationBook, "criteria:", "missing: zero\ncriteria:", 1))
	sh := validSheet()
	sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && (e.Criterion == "a" || e.Criterion == "p") })
	c := mustScore(t, rb, sh)["A"]
	eq(t, "a", node(t, c, "a").Points, "0")
	eq(t, "p", node(t, c, "p").Points, "0")
	require.Equal(t, "", node(t, c, "a").Stage)
	require.True(t, node(t, c, "a").Assigned, "a missing value is not the same as not assigned")
	eq(t, "attainable keeps the criterion", c.Attainable, "45")
	eq(t, "total", c.Total, "19") // r 5 + o 4 + t 10
}

func TestMissingAtTheCountedStage(t *testing.T) {
	rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\nassessment: {counts: stage, stage: recheck}\n")
	_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{at("self", "A", "a", "5"), cl("A", "a", "6")}})
	es := inputErrors(t, err)
	require.Len(t, es, 1, "%v", err)
	require.True(t, hasError(es, "A", "a", "recheck"), "%v", err)
}

func TestBallotRequired(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: a, name: A, max: 10}
  - {id: v, name: Votes, max: 10, method: votes}
eligibility:
  - {id: voted, reason: "≥ 80% of the members' votes", min_votes: {share: 4/5}}
tie_breaks: [more_votes]
`)
	t.Run("a rulebook that uses the ballot rejects a sheet without one", func(t *testing.T) {
		_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "1")}})
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.True(t, hasError(es, "", "", "uses the ballot", "criterion v", "condition voted", "tie-break more_votes", "records none"), "%v", err)
	})
	t.Run("a votes criterion takes no score", func(t *testing.T) {
		_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "1"), cl("A", "v", "5")}, Ballot: &scoring.Ballot{}})
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.True(t, hasError(es, "A", "v", "takes no score", "record the ballot"), "%v", err)
	})
	t.Run("an empty ballot is a ballot", func(t *testing.T) {
		mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "1")}, Ballot: &scoring.Ballot{}})
	})
}

func TestAssessorRules(t *testing.T) {
	t.Run("a trimmed mean needs more than twice trim assessors", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\nassessment:\n  stages: [{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 1}]\n")
		_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "a", "5"), by("cluster", "Y", "A", "a", "6")}})
		es := inputErrors(t, err)
		require.Len(t, es, 1)
		require.True(t, hasError(es, "A", "a", "the number of assessors is 2", "needs at least 3"), "%v", err)
	})
	t.Run("a trimmed mean with a single named assessor is an error, not a crash", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\nassessment:\n  stages: [{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 1}]\n")
		_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "a", "5")}})
		es := inputErrors(t, err)
		require.True(t, hasError(es, "A", "a", "the number of assessors is 1", "needs at least 3"), "%v", err)
	})
	t.Run("a trimmed-mean stage with one unnamed score takes it as it is", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\nassessment:\n  stages: [{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 1}]\n")
		eq(t, "points", node(t, mustScore(t, rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "5")}})["A"], "a").Points, "5")
	})
	t.Run("a relative criterion takes one measured value per stage", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: c, name: C, max: 10, method: relative, target: 100}\n")
		_, err := scoring.Score(rb, scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "c", "50"), by("cluster", "Y", "A", "c", "60")}})
		es := inputErrors(t, err)
		require.True(t, hasError(es, "A", "c", "one measured value per stage", "found 2 at stage cluster"), "%v", err)
	})
}

func TestErrorsSayWhere(t *testing.T) {
	rb := mustRulebook(t, validationBook)
	sh := validSheet()
	src := scoring.Source{File: "scores.csv", Line: 7}
	for i, e := range sh.Scores {
		if e.Member == "A" && e.Criterion == "a" {
			sh.Scores[i].Value = d("11")
			sh.Scores[i].Source = src
		}
	}
	_, err := scoring.Score(rb, sh)
	es := inputErrors(t, err)
	require.Len(t, es, 1)
	require.Equal(t, "scores.csv", es[0].File)
	require.Equal(t, 7, es[0].Line)
	require.Equal(t, "scores.csv:7: member A: a: 11 points is above the maximum 10", es[0].Error())
	require.Equal(t, es[0].Error(), err.Error())
	var one *scoring.InputError
	require.True(t, errors.As(err, &one), "errors.As finds the individual errors")
	require.Equal(t, "A", one.Member)
}

func TestDuplicateSaysWhereTheFirstIs(t *testing.T) {
	rb := mustRulebook(t, validationBook)
	sh := validSheet()
	dup := cl("A", "a", "3")
	dup.Source = scoring.Source{File: "scores.csv", Line: 9}
	for i, e := range sh.Scores {
		if e.Member == "A" && e.Criterion == "a" {
			sh.Scores[i].Source = scoring.Source{File: "scores.csv", Line: 3}
		}
	}
	sh.Scores = append([]scoring.Entry{dup}, sh.Scores...) // the later line comes first in the slice
	_, err := scoring.Score(rb, sh)
	es := inputErrors(t, err)
	require.Len(t, es, 1, "%v", err)
	msg := es[0].Error()
	// Which row is "the second" should follow the file, not the slice order.
	require.True(t, strings.HasPrefix(msg, "scores.csv:"), msg)
	require.Contains(t, msg, "a second cluster score")
	require.True(t, (es[0].Line == 9 && strings.Contains(msg, "line 3")) || (es[0].Line == 3 && strings.Contains(msg, "line 9")), msg)
}

func TestAllProblemsReportedTogetherInLineOrder(t *testing.T) {
	rb := mustRulebook(t, validationBook)
	sh := validSheet()
	sh.Year = 2030
	bad1 := cl("A", "p", "3")
	bad1.Source = scoring.Source{File: "s.csv", Line: 12}
	bad2 := cl("B", "zz", "3")
	bad2.Source = scoring.Source{File: "s.csv", Line: 4}
	sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && e.Criterion == "p" })
	sh.Scores = append(sh.Scores, bad1, bad2)
	sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "B", Item: "nope", Count: 1, Source: scoring.Source{File: "s.csv", Line: 8}})
	sh.Facts = drop(sh.Facts, func(f scoring.FactValue) bool { return f.Member == "A" })

	_, err := scoring.Score(rb, sh)
	es := inputErrors(t, err)
	require.Len(t, es, 5, "%v", err)
	require.True(t, hasError(es, "", "", "2030"))
	require.True(t, hasError(es, "A", "clean", "fact not stated"))
	require.True(t, hasError(es, "B", "zz", "unknown criterion"))
	require.True(t, hasError(es, "B", "nope", "unknown bonus item"))
	require.True(t, hasError(es, "A", "p", "found 3"))
	// errors with a line come in line order
	var lines []int
	for _, e := range es {
		if e.Line > 0 {
			lines = append(lines, e.Line)
		}
	}
	require.Equal(t, []int{4, 8, 12}, lines)
}
