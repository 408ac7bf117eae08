package invariants_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
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

// headToHead is a rulebook whose chain compares the tied members head to
// head (head_to_head): it used to violate remove_ineligible, a member
// eligible for no award counting as a rival. Head-to-head counts only the
// members in play now, and is no known reason any more.
const headToHead = `
id: check-head-to-head
version: "2025.1"
title: Bảng tiêu chí minh họa — so sánh đối đầu khi bằng điểm
in_force: {from: 2025-01-01, to: 2025-12-31}
criteria:
  - {id: "1", name: Thực hiện nhiệm vụ chuyên môn, max: 10}
  - {id: "2", name: "Công tác thi đua, khen thưởng", max: 10}
facts:
  - {id: khong_ky_luat, name: Không có cá nhân bị kỷ luật, default: true}
assessment:
  stages:
    - {id: cluster, name: Cụm chấm chéo, aggregate: mean}
eligibility:
  - {id: ky_luat, reason: Không có cá nhân bị kỷ luật, fact: khong_ky_luat}
tie_breaks: [head_to_head]
awards:
  - {id: flag, name: Cờ thi đua (minh họa), count: 1, requires: [ky_luat]}
  - {id: merit, name: Bằng khen (minh họa), count: 1, requires: [ky_luat]}
`

// The head-to-head rulebook holds remove_ineligible, with no known
// reason to break it.
func TestHeadToHeadHolds(t *testing.T) {
	rb, err := rules.Parse("head-to-head.yaml", []byte(headToHead))
	require.NoError(t, err)
	for seed := range uint64(6) {
		rep := invariants.Check(context.Background(), rb, invariants.Options{Seed: seed})
		r, ok := rep.Result(invariants.RemoveIneligible)
		require.True(t, ok)
		require.Equal(t, invariants.Held, r.Status, "seed %d", seed)
		require.Empty(t, r.Known, "seed %d", seed)
		require.False(t, rep.Failed())
		require.Equal(t, seed, rep.Seed)
	}
}

// Rules that truly break remove_ineligible, by design: the check finds
// the violation, explains it by the feature and shrinks the
// counter-example to a few members. if_ineligible: none keeps an
// ineligible member's place unawarded (examples/check); lots drawn with a
// seed shuffle the tied group as a whole, so removing an ineligible member
// of the group changes the draw.
func TestRemoveIneligibleByDesign(t *testing.T) {
	lots := strings.Replace(headToHead, "tie_breaks: [head_to_head]", "tie_breaks: [head_to_head, lots]", 1)
	for _, c := range []struct {
		name    string
		rb      *rules.Rulebook
		feature string
	}{
		{"if_ineligible none", load(t, "../examples/check/if-ineligible-none.yaml"), "none"},
		{"seeded lots", mustParse(t, lots), "lots"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for seed := range uint64(4) {
				rep := invariants.Check(context.Background(), c.rb, invariants.Options{Seed: seed})
				r, ok := rep.Result(invariants.RemoveIneligible)
				require.True(t, ok)
				require.Equal(t, invariants.Expected, r.Status, "seed %d", seed)
				require.Equal(t, []string{c.feature}, r.Counterexample.Explained)
				require.LessOrEqual(t, len(r.Counterexample.Sheet.Members), 4, "seed %d: not shrunk", seed)
				require.Len(t, r.Known, 1)
				require.Equal(t, c.feature, r.Known[0].Feature)
				require.False(t, rep.Failed())
			}
		})
	}
}

func mustParse(t *testing.T, text string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("rulebook.yaml", []byte(text))
	require.NoError(t, err)
	return rb
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
	rb := load(t, "../examples/check/if-ineligible-none.yaml")
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

// TestFewerIsMonotone: for a criterion where less is better (method
// fewer: a count of violations), a member's score rises as its count
// falls; the monotone check raises scores, so it lowers such counts and
// finds the property held (raising the count would lower the score, a
// false violation).
func TestFewerIsMonotone(t *testing.T) {
	rb, err := rules.Parse("fewer.yaml", []byte(`id: fewer
version: "1"
title: Ít vi phạm hơn là tốt hơn
criteria:
  - {id: "1", name: Chuyên môn, max: 50}
  - {id: "2", name: Số vụ vi phạm, max: 10, method: fewer, points_each: 2}
tie_breaks:
  - fewer: "2"
awards:
  - {id: flag, name: Cờ thi đua, count: 1}
`))
	require.NoError(t, err)
	for seed := range uint64(3) {
		rep := invariants.Check(context.Background(), rb, invariants.Options{Seed: seed})
		r, ok := rep.Result(invariants.Monotone)
		require.True(t, ok)
		require.Equal(t, invariants.Held, r.Status, "seed %d: %+v", seed, r)
		require.Positive(t, r.Checked)
	}
}
