package whatif_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// TestMergeProblems keeps every reading problem, adds the applying
// problems of other lines only, and sorts by line.
func TestMergeProblems(t *testing.T) {
	read := scoring.InputErrors{{Line: 7, Msg: "unreadable"}, {Line: 3, Msg: "unreadable"}}
	more := scoring.InputErrors{{Line: 7, Msg: "follows from line 7"}, {Line: 5, Msg: "unknown member"}}
	got := whatif.MergeProblems(read, more)
	var lines []int
	var msgs []string
	for _, e := range got {
		lines, msgs = append(lines, e.Line), append(msgs, e.Msg)
	}
	require.Equal(t, []int{3, 5, 7}, lines)
	require.Equal(t, []string{"unreadable", "unknown member", "unreadable"}, msgs)
}

// TestReportsWriteBothLanguages writes the three reports, on answers that
// take every branch the CLI's goldens show, in Vietnamese and English:
// every word is the catalogue's (no key missing, no value left unfilled),
// and the two languages differ.
func TestReportsWriteBothLanguages(t *testing.T) {
	rb, sh := cum2(t)
	ctx := context.Background()
	var reports []interface {
		Write(io.Writer, lang.Tag) error
	}
	for _, q := range []struct {
		member string
		target whatif.Target
	}{{"SXD", whatif.AwardTarget("flag")}, {"SNNPTNT", whatif.AwardTarget("flag")}, {"SCT", whatif.AwardTarget("flag")}, {"TTT", whatif.RankTarget(2)}} {
		res, err := whatif.Reach(ctx, rb, sh, q.member, q.target)
		require.NoError(t, err)
		reports = append(reports, whatif.NewReachReport(rb, sh, res))
	}
	for _, q := range []struct {
		p whatif.Parameter
		r whatif.Range
	}{
		{whatif.WeightOf("07"), whatif.Range{From: d("0.5"), To: d("60"), Step: d("0.5")}},
		{whatif.ScoreOf("SCT", "08"), whatif.Range{From: d("7"), To: d("10"), Step: d("0.5")}},
		{whatif.ScoreOf("SCT", "02"), whatif.Range{From: d("3"), To: d("4"), Step: d("1")}},
	} {
		res, err := whatif.Sensitivity(ctx, rb, sh, q.p, q.r)
		require.NoError(t, err)
		reports = append(reports, whatif.NewSensitivityReport(rb, sh, res))
	}
	sc, err := whatif.LoadScenario("../cmd/thidua/testdata/whatif-scenario-kinds.yaml")
	require.NoError(t, err)
	rep, err := whatif.RunScenario(rb, sh, sc, nil)
	require.NoError(t, err)
	reports = append(reports, rep)
	for _, r := range reports {
		var vi, en strings.Builder
		require.NoError(t, r.Write(&vi, lang.Vietnamese))
		require.NoError(t, r.Write(&en, lang.English))
		require.NotEqual(t, vi.String(), en.String())
		for _, s := range []string{vi.String(), en.String()} {
			require.NotContains(t, s, "‹", "a key is missing from the catalogue:\n%s", s)
			require.NotRegexp(t, `\{[0-9p][^{}]*\}`, s, "a placeholder is left:\n%s", s)
		}
	}
}
