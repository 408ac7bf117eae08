package scoring_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// TestScoreSharesTheRulebookSafely scores the same rulebook from several
// goroutines at once (the audit's workers share a parsed rulebook): every
// result is the one a lone Score gives (run with -race to check that what
// scoring keeps per rulebook is only read).
func TestScoreSharesTheRulebookSafely(t *testing.T) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	sh, err := sheets.Load("../examples/cum2/scores-2020.csv")
	require.NoError(t, err)
	want := scoreJSON(t, rb, sh)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				if got := scoreJSON(t, rb, sh); got != want {
					t.Error("a concurrent Score differs from a lone one")
				}
			}
		})
	}
	wg.Wait()
}

func scoreJSON(t *testing.T, rb *rules.Rulebook, sh scoring.Sheet) string {
	cards, err := scoring.Score(rb, sh)
	if err != nil {
		t.Error(err)
		return ""
	}
	data, err := json.Marshal(cards)
	if err != nil {
		t.Error(err)
	}
	return string(data)
}

// TestFunctionIsTheCallers checks that a PointFunction a LeafScorer
// returns shares nothing that scoring keeps: changing it changes neither
// the next one nor the points.
func TestFunctionIsTheCallers(t *testing.T) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	for _, n := range rb.Nodes() {
		if n.IsGroup() || n.Method == rules.Relative || n.Method == rules.Votes {
			continue
		}
		l := scoring.NewLeafScorer(rb)
		f, err := l.Function(n.ID, decimal.Zero)
		require.NoError(t, err)
		before, _, err := l.Points(n.ID, n.Max, decimal.Zero)
		require.NoError(t, err)
		for i := range f.Pieces {
			f.Pieces[i].Add = decimal.NewFromInt(1000)
			if r := f.Pieces[i].Round; r != nil {
				r.Places = 0
			}
		}
		if f.Cap != nil {
			*f.Cap = decimal.NewFromInt(-1)
		}
		if f.CriterionRound != nil {
			f.CriterionRound.Places = 0
		}
		again, err := scoring.NewLeafScorer(rb).Function(n.ID, decimal.Zero)
		require.NoError(t, err)
		fresh, err := scoring.Describe(rb, n.ID, decimal.Zero)
		require.NoError(t, err)
		require.Equal(t, mustJSON(t, fresh), mustJSON(t, again), n.ID)
		after, _, err := l.Points(n.ID, n.Max, decimal.Zero)
		require.NoError(t, err)
		require.True(t, before.Equal(after), "%s: %s, then %s", n.ID, before, after)
	}
}

func mustJSON(t *testing.T, v any) string {
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}
