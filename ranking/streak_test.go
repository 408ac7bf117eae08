package ranking_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// max_consecutive reads the sheet's history: the flag cannot go to a
// member that had it in each of the years before, up to the limit.
func TestMaxConsecutive(t *testing.T) {
	rb, err := rules.Parse("s.yaml", []byte(`
id: s
version: "1"
title: streak
criteria:
  - {id: a, name: A, max: 10}
eligibility:
  - {id: no_two, reason: Không tặng Cờ hai năm liên tiếp, max_consecutive: {award: flag, years: 1}}
  - {id: no_three, reason: Không tặng Cờ ba năm liên tiếp, max_consecutive: {award: flag, years: 2}}
awards:
  - {id: flag, name: Cờ thi đua, count: 1, requires: [no_two]}
`))
	require.NoError(t, err)
	d := decimal.RequireFromString
	cases := []struct {
		name    string
		history []scoring.PastAward
		failed  []string // conditions A fails
		flag    string
	}{
		{"no past flag: eligible", nil, nil, "A"},
		{"the flag last year: not two years running", []scoring.PastAward{{Member: "A", Year: 2023, Award: "flag"}}, []string{"no_two"}, "B"},
		{"the flag two years ago only: eligible", []scoring.PastAward{{Member: "A", Year: 2022, Award: "flag"}}, nil, "A"},
		{"the flag the last two years: fails both", []scoring.PastAward{{Member: "A", Year: 2023, Award: "flag"}, {Member: "A", Year: 2022, Award: "flag"}}, []string{"no_two", "no_three"}, "B"},
		{"another award last year does not count", []scoring.PastAward{{Member: "A", Year: 2023, Award: "merit"}}, nil, "A"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sh := scoring.Sheet{Year: 2024, Members: []scoring.Member{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}},
				Scores:  []scoring.Entry{{Member: "A", Criterion: "a", Stage: "cluster", Value: d("9")}, {Member: "B", Criterion: "a", Stage: "cluster", Value: d("8")}},
				History: c.history}
			st, err := ranking.Rank(rb, sh)
			require.NoError(t, err)
			row, _ := st.Row("A")
			var failed []string
			for _, f := range row.Failed {
				failed = append(failed, f.Condition)
			}
			require.Equal(t, c.failed, failed, "%+v", row.Failed)
			require.Equal(t, []string{c.flag}, st.Proposed("flag"))
		})
	}
	t.Run("the detail names the years", func(t *testing.T) {
		sh := scoring.Sheet{Year: 2024, Members: []scoring.Member{{ID: "A"}},
			Scores:  []scoring.Entry{{Member: "A", Criterion: "a", Stage: "cluster", Value: d("9")}},
			History: []scoring.PastAward{{Member: "A", Year: 2023, Award: "flag"}, {Member: "A", Year: 2022, Award: "flag"}}}
		st, err := ranking.Rank(rb, sh)
		require.NoError(t, err)
		require.Equal(t, "flag in 2023, 2022 (2 years running; at most 1)", st.Rows[0].Failed[0].Text(lang.English))
	})
	t.Run("a sheet without its year is refused", func(t *testing.T) {
		_, err := ranking.Rank(rb, scoring.Sheet{Members: []scoring.Member{{ID: "A"}}, Scores: []scoring.Entry{{Member: "A", Criterion: "a", Stage: "cluster", Value: d("9")}}})
		require.ErrorContains(t, err, "condition no_two looks at the years before")
	})
	t.Run("validation", func(t *testing.T) {
		_, err := rules.Parse("bad.yaml", []byte("id: s\nversion: \"1\"\ntitle: s\ncriteria: [{id: a, name: A, max: 1}]\neligibility:\n  - {id: x, reason: r, max_consecutive: {award: \"\", years: 0}}\n"))
		require.ErrorContains(t, err, "max_consecutive needs the award")
		require.ErrorContains(t, err, "years must be at least 1")
	})
}

// BelowFloor looks only inside the Within group, nested groups included,
// and stops at the group's last descendant.
func TestBelowFloorWithin(t *testing.T) {
	rb, err := rules.Parse("f.yaml", []byte(`
id: f
version: "1"
title: floor
criteria:
  - id: I
    name: I
    children:
      - {id: a, name: A, max: 10}
      - id: Ib
        name: Ib
        children:
          - {id: b, name: B, max: 10}
  - {id: c, name: C, max: 10}
eligibility:
  - {id: fl, reason: r, criterion_floor: {share: 80%, within: I}}
  - {id: all, reason: r, criterion_floor: {share: 80%}}
`))
	require.NoError(t, err)
	d := decimal.RequireFromString
	cards, err := scoring.Score(rb, scoring.Sheet{Members: []scoring.Member{{ID: "A"}}, Scores: []scoring.Entry{
		{Member: "A", Criterion: "a", Stage: "cluster", Value: d("9")},
		{Member: "A", Criterion: "b", Stage: "cluster", Value: d("7")}, // low, nested under I
		{Member: "A", Criterion: "c", Stage: "cluster", Value: d("1")}, // low, outside I
	}})
	require.NoError(t, err)
	ids := func(ns []scoring.NodeScore) (out []string) {
		for _, n := range ns {
			out = append(out, n.ID)
		}
		return out
	}
	within, _ := rb.Condition("fl")
	all, _ := rb.Condition("all")
	require.Equal(t, []string{"b"}, ids(ranking.BelowFloor(rb, within, cards[0])))
	require.Equal(t, []string{"b", "c"}, ids(ranking.BelowFloor(rb, all, cards[0])))
}
