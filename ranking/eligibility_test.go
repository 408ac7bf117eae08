package ranking_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// eligBook: group I = {a 10, b 20}, c 10 (maximum 40); a bonus item, a
// deduction item and a fact that defaults to true.
const eligBook = `
criteria:
  - id: I
    name: Group I
    children:
      - {id: a, name: A, max: 10}
      - {id: b, name: B, max: 20}
  - {id: c, name: C, max: 10}
bonus:
  items: [{id: flag, name: Flag, points: 5}]
deductions:
  items: [{id: late, name: Late, points: 1}]
facts:
  - {id: clean, name: No discipline case, default: true}
`

// TestEligibility checks every kind of condition, with the member's values
// in the failure's detail.
func TestEligibility(t *testing.T) {
	tests := []struct {
		name   string
		cond   string // the condition's kind and argument, YAML flow
		extra  string
		build  func(sh *scoring.Sheet)
		failed map[string]string // member → fragment of the detail; members not listed pass
	}{
		{
			name: "min_total: exactly the minimum passes, below fails",
			cond: "min_total: 30",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "10 15 5")   // 30
				scores(sh, "B", abc, "10 15 4.5") // 29.5
			},
			failed: map[string]string{"B": "total 29.5 is below 30"},
		},
		{
			name: "min_total counts bonus and deductions",
			cond: "min_total: 30",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "10 15 1") // 26 + 5 = 31
				sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "flag", Count: 1})
				scores(sh, "B", abc, "10 20 1") // 31 − 2 = 29
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "B", Item: "late", Count: 2})
			},
			failed: map[string]string{"B": "total 29 is below 30"},
		},
		{
			name: "min_percent: of the attainable maximum",
			cond: "min_percent: 75",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "10 15 5")   // 30 ÷ 40 = 75%
				scores(sh, "B", abc, "10 15 4.5") // 29.5 ÷ 40 = 73.75%
				scores(sh, "C", abc, "10 12.5 -") // 22.5 ÷ 30 = 75% (c not assigned)
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "C", Criterion: "c"})
			},
			failed: map[string]string{"B": "73.75% of the attainable maximum is below 75%"},
		},
		{
			name: "criterion_floor: every criterion at least 85% of its maximum",
			cond: "criterion_floor: {share: 85%}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "8.5 17 8.5") // exactly 85% each
				scores(sh, "B", abc, "9 16.9 9")   // b: 16.9 < 17
			},
			failed: map[string]string{"B": "b has 16.9 of 20"},
		},
		{
			name: "criterion_floor lists every criterion below the floor",
			cond: "criterion_floor: {share: 4/5}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "8 16 8")
				scores(sh, "B", abc, "7 15 7") // 7 < 8, 15 < 16, 7 < 8
			},
			failed: map[string]string{"B": "below 80% of the maximum: a has 7 of 10; b has 15 of 20; c has 7 of 10"},
		},
		{
			name: "criterion_floor within a group ignores the criteria outside it",
			cond: "criterion_floor: {share: 0.85, within: I}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "9 18 0")
				scores(sh, "B", abc, "8 20 10") // a: 8 < 8.5
			},
			failed: map[string]string{"B": "a has 8 of 10"},
		},
		{
			name: "criterion_floor within a single criterion",
			cond: "criterion_floor: {share: 1/2, within: c}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "0 0 5")
				scores(sh, "B", abc, "10 20 4.9")
			},
			failed: map[string]string{"B": "c has 4.9 of 10"},
		},
		{
			name: "criterion_floor ignores criteria not assigned",
			cond: "criterion_floor: {share: 85%}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "9 18 -")
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "c"})
			},
		},
		{
			name:  "criterion_floor compares unweighted points with the maximum",
			cond:  "criterion_floor: {share: 85%}",
			extra: "weighted",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", []string{"w"}, "8.5") // value 17 of 20, points 8.5 of 10
				scores(sh, "B", []string{"w"}, "8")   // value 16, points 8 < 8.5
			},
			failed: map[string]string{"B": "w has 8 of 10"},
		},
		{
			name: "group_min: at least the minimum in the group",
			cond: "group_min: {group: I, min: 25}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "10 15 0")    // I 25
				scores(sh, "B", abc, "10 14.5 10") // I 24.5
			},
			failed: map[string]string{"B": "I has 24.5 points, below 25"},
		},
		{
			name: "fact: stated false fails, stated true or by default passes",
			cond: "fact: clean",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				scores(sh, "C", abc, "1 1 1")
				sh.Facts = []scoring.FactValue{{Member: "A", Fact: "clean", Value: true}, {Member: "B", Fact: "clean", Value: false}}
			},
			failed: map[string]string{"B": "not met: No discipline case"},
		},
		{
			name: "max_deductions: at most the maximum deducted",
			cond: "max_deductions: 2",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "5 5 5")
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "A", Item: "late", Count: 2})
				scores(sh, "B", abc, "5 5 5")
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "B", Item: "late", Count: 3})
				scores(sh, "C", abc, "5 5 5")
			},
			failed: map[string]string{"B": "3 points deducted, more than 2"},
		},
		{
			name: "min_votes: a share of all members by default",
			cond: "min_votes: {share: 80%}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				// 5 entitled: A 4 ≥ 4; B 3 < 4
				sh.Ballot = &scoring.Ballot{Entitled: 5, Votes: []scoring.Vote{{Member: "A", For: 4}, {Member: "B", For: 3}}}
			},
			failed: map[string]string{"B": "3 votes of 5 members, 80% needed"},
		},
		{
			name: "min_votes: of all members even when some are absent",
			cond: "min_votes: {share: 2/3}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				// 7 entitled, 6 present: A 4·3 = 12 < 14 fails; B 5·3 = 15 ≥ 14
				sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 6, Votes: []scoring.Vote{{Member: "A", For: 4}, {Member: "B", For: 5}}}
			},
			failed: map[string]string{"A": "4 votes of 7 members, 2/3 needed"},
		},
		{
			name: "min_votes: a share of those present",
			cond: "min_votes: {share: 2/3, base: present}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				// 6 present: A 4·3 = 12 ≥ 12; B 3·3 = 9 < 12
				sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 6, Votes: []scoring.Vote{{Member: "A", For: 4}, {Member: "B", For: 3}}}
			},
			failed: map[string]string{"B": "3 votes of 6 present, 2/3 needed"},
		},
		{
			name: "min_votes: without a quorum nobody passes",
			cond: "min_votes: {share: 1/2, quorum: 2/3}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				// 4 of 7 present: 4·3 = 12 < 14
				sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 4, Votes: []scoring.Vote{{Member: "A", For: 4}, {Member: "B", For: 1}}}
			},
			failed: map[string]string{"A": "no quorum: 4 of 7 present, 2/3 needed", "B": "no quorum"},
		},
		{
			name: "min_votes: exactly the quorum is enough",
			cond: "min_votes: {share: 1/2, quorum: 4/7}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 4, Votes: []scoring.Vote{{Member: "A", For: 4}}}
			},
		},
		{
			name:  "min_votes takes the rulebook's vote base and quorum",
			cond:  "min_votes: {share: 1/2}",
			extra: "votes: {base: present, quorum: 1/2}",
			build: func(sh *scoring.Sheet) {
				scores(sh, "A", abc, "1 1 1")
				scores(sh, "B", abc, "1 1 1")
				// 3 of 6 present (quorum met): A 2·2 = 4 ≥ 3; B 1·2 = 2 < 3
				sh.Ballot = &scoring.Ballot{Entitled: 6, Present: 3, Votes: []scoring.Vote{{Member: "A", For: 2}, {Member: "B", For: 1}}}
			},
			failed: map[string]string{"B": "1 votes of 3 present"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			book := eligBook
			switch tc.extra {
			case "weighted":
				book = "criteria:\n  - {id: w, name: W, max: 10, weight: 2}\n"
			case "":
			default:
				book += tc.extra + "\n"
			}
			book += "eligibility:\n  - {id: cond, reason: The reason, " + tc.cond + "}\n"
			rb := mustRulebook(t, book)
			var sh scoring.Sheet
			tc.build(&sh)
			st := mustRank(t, rb, sh)
			for _, r := range st.Rows {
				want, fails := tc.failed[r.Member.ID]
				if !fails {
					require.Empty(t, r.Failed, "member %s should pass", r.Member.ID)
					continue
				}
				require.Len(t, r.Failed, 1, "member %s", r.Member.ID)
				f := r.Failed[0]
				require.Equal(t, "cond", f.Condition)
				require.Equal(t, "The reason", f.Reason)
				require.Contains(t, f.Text(lang.English), want, "member %s", r.Member.ID)
			}
		})
	}
}

func TestEveryFailedConditionIsListed(t *testing.T) {
	rb := mustRulebook(t, eligBook+`
eligibility:
  - {id: total, reason: Tổng điểm từ 30 trở lên, min_total: 30}
  - {id: clean, reason: Không có cá nhân bị kỷ luật, fact: clean}
  - {id: late, reason: Không quá 1 điểm trừ, max_deductions: 1}
`)
	var sh scoring.Sheet
	scores(&sh, "A", abc, "5 5 5")
	sh.Facts = []scoring.FactValue{{Member: "A", Fact: "clean", Value: false}}
	sh.Deductions = []scoring.Occurrences{{Member: "A", Item: "late", Count: 2}}
	st := mustRank(t, rb, sh)
	var ids []string
	for _, f := range st.Rows[0].Failed {
		ids = append(ids, f.Condition)
	}
	require.Equal(t, []string{"total", "clean", "late"}, ids, "in the rulebook's order")
	require.Equal(t, "Không có cá nhân bị kỷ luật", st.Rows[0].Failed[1].Reason)
}

func TestEligibilityDoesNotChangeTheRanking(t *testing.T) {
	rb := mustRulebook(t, eligBook+"eligibility:\n  - {id: clean, reason: R, fact: clean}\n")
	var sh scoring.Sheet
	scores(&sh, "A", abc, "9 9 9")
	scores(&sh, "B", abc, "1 1 1")
	sh.Facts = []scoring.FactValue{{Member: "A", Fact: "clean", Value: false}}
	st := mustRank(t, rb, sh)
	require.Equal(t, []string{"A", "B"}, order(st))
	require.Equal(t, []ranking.Failure{{Condition: "clean", Reason: "R", Message: lang.Msg("fail.fact", "No discipline case")}}, st.Rows[0].Failed)
	require.NotNil(t, st.Rows[1].Failed, "an eligible member's list is empty, not nil")
	require.Empty(t, st.Rows[1].Failed)
}
