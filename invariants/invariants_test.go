package invariants_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/invariants"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

func load(t testing.TB, path string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load(path)
	require.NoError(t, err)
	return rb
}

// exampleRulebooks are every rulebook under examples/.
func exampleRulebooks(t testing.TB) []string {
	var out []string
	for _, pat := range []string{"../examples/*/rulebook*.yaml", "../examples/check/*.yaml"} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		out = append(out, m...)
	}
	require.GreaterOrEqual(t, len(out), 4)
	return out
}

// The example rulebooks have no unexplained violation, every message is
// complete, and every counter-example is a valid sheet that reads back
// from its CSV and still shows the violation.
func TestExampleRulebooks(t *testing.T) {
	for _, path := range exampleRulebooks(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			rb := load(t, path)
			n := invariants.DefaultN
			if testing.Short() {
				n = 40
			}
			rep := invariants.Check(context.Background(), rb, invariants.Options{N: n, Seed: 1})
			require.False(t, rep.Failed(), "%+v", rep.Results)
			require.Len(t, rep.Results, len(invariants.Properties))
			for _, r := range rep.Results {
				require.NoError(t, r.Statement.Check())
				for _, k := range r.Known {
					require.NoError(t, k.Message.Check())
				}
				if ce := r.Counterexample; ce != nil {
					require.NoError(t, ce.Message.Check())
					require.NotEmpty(t, ce.Explained)
					var b bytes.Buffer
					require.NoError(t, ce.WriteCSV(&b))
					sh, err := sheets.ReadCSV("ce.csv", &b)
					require.NoError(t, err)
					_, err = ranking.Rank(rb, sh)
					require.NoError(t, err, "counter-example of %s", r.Property)
				}
			}
		})
	}
}

// The illustrative head-to-head rulebook used to violate
// remove_ineligible: a member eligible for no award counted as a rival.
// Head-to-head now counts only the members in play, and the property
// holds.
func TestHeadToHeadFound(t *testing.T) {
	rb := load(t, "../examples/check/head-to-head.yaml")
	for seed := range uint64(4) {
		rep := invariants.Check(context.Background(), rb, invariants.Options{Seed: seed})
		r, ok := rep.Result(invariants.RemoveIneligible)
		require.True(t, ok)
		require.Equal(t, invariants.Held, r.Status, "seed %d", seed)
		require.False(t, rep.Failed())
		require.Equal(t, seed, rep.Seed)
	}
}

// The vote-share condition of the Cao Bằng examples makes add_bottom fail
// by design: a new member raises the base of the 80% share.
func TestVoteShareFound(t *testing.T) {
	rep := invariants.Check(context.Background(), load(t, "../examples/cum2/rulebook.yaml"), invariants.Options{Seed: 1})
	r, _ := rep.Result(invariants.AddBottom)
	require.Equal(t, invariants.Expected, r.Status)
	require.Equal(t, []string{"min_votes"}, r.Counterexample.Explained)
}

// A rule that breaks a property without being a known feature is
// reported as violated: an award tier nobody can reach.
func TestUnreachableTier(t *testing.T) {
	rb, err := rules.Parse("x.yaml", []byte(`
id: x
version: "1"
title: X
criteria: [{id: a, name: A, max: 10}]
eligibility: [{id: cao, reason: Trên 10, min_total: 11}]
awards: [{id: flag, name: Cờ, count: 1, requires: [cao]}]
`))
	require.NoError(t, err)
	rep := invariants.Check(context.Background(), rb, invariants.Options{N: 30, Seed: 3})
	require.True(t, rep.Failed())
	r, _ := rep.Result(invariants.AwardReachable)
	require.Equal(t, invariants.Violated, r.Status)
	require.Contains(t, r.Note.In(lang.English), "flag")
}

// The same seed gives the same report; a cancelled context a partial one.
func TestDeterministicAndCancel(t *testing.T) {
	rb := load(t, "../examples/check/head-to-head.yaml")
	a := invariants.Check(context.Background(), rb, invariants.Options{N: 50, Seed: 9})
	b := invariants.Check(context.Background(), rb, invariants.Options{N: 50, Seed: 9})
	require.Equal(t, a, b)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.True(t, invariants.Check(ctx, rb, invariants.Options{Seed: 9}).Partial)
}

// Around a sheet: the sheet itself is checked, and the report records it.
func TestAround(t *testing.T) {
	rb := load(t, "../examples/cum2/rulebook.yaml")
	sh, err := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	require.NoError(t, err)
	rep := invariants.Check(context.Background(), rb, invariants.Options{N: 40, Seed: 1, Around: &sh})
	require.Equal(t, sh.Hash(), rep.Around)
	require.False(t, rep.Failed())
}

// BenchmarkExampleRulebooks times a default check of each example
// rulebook (CI budget: 10 s each).
func BenchmarkExampleRulebooks(b *testing.B) {
	for _, path := range exampleRulebooks(b) {
		rb := load(b, path)
		b.Run(filepath.Base(path), func(b *testing.B) {
			for b.Loop() {
				invariants.Check(context.Background(), rb, invariants.Options{Seed: 1})
			}
		})
	}
}
