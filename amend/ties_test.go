package amend_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/amend"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// The outcome of an amendment tells a rank shared quietly (đồng hạng: the
// tie decides no award) from a tie that decides one (bằng điểm, chưa phân
// định): in shared-rank.csv Thanh tra tỉnh and Sở NN&PTNT are equal under
// the whole chain at rank 6, eligible for no award under the Cụm II
// rulebook; five Bằng khen open to every member without a discipline case
// leave one place to the two of them.
func TestOutcomeSharedRankAndUnresolvedTie(t *testing.T) {
	cum2 := load(t, "../examples/cum2/rulebook.yaml")
	spec := cum2.Spec()
	for i, a := range spec.Awards {
		if a.ID == "merit" {
			spec.Awards[i].Count, spec.Awards[i].Requires = 5, []string{"ky_luat"}
		}
	}
	spec.Version += "-five-merits"
	five, err := rules.New(spec)
	require.NoError(t, err)
	sh, err := sheets.Check(cum2, "../examples/cum2/shared-rank.csv")
	require.NoError(t, err)

	cases := []struct {
		name     string
		old, new *rules.Rulebook
		vi, en   string // TTT's line
	}{
		{"a shared rank becomes a tie for the last Bằng khen", cum2, five,
			"TTT: hạng 6 (đồng hạng) → 6 (bằng điểm, chưa phân định)", "TTT: rank 6 (shared) → 6 (unresolved tie)"},
		{"a tie for the last Bằng khen becomes a shared rank", five, cum2,
			"TTT: hạng 6 (bằng điểm, chưa phân định) → 6 (đồng hạng)", "TTT: rank 6 (unresolved tie) → 6 (shared)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := amend.Outcome(c.old, c.new, sh)
			require.NoError(t, err)
			var line amend.MemberChange
			for _, m := range o.Members {
				if m.Member.ID == "TTT" {
					line = m
				}
			}
			require.Equal(t, "TTT", line.Member.ID, "no line for TTT")
			require.True(t, line.OldTied)
			require.True(t, line.NewTied)
			require.True(t, strings.HasPrefix(line.Text(lang.Vietnamese), c.vi), line.Text(lang.Vietnamese))
			require.True(t, strings.HasPrefix(line.Text(lang.English), c.en), line.Text(lang.English))
		})
	}

	// the same rulebook: the shared rank is no change, and says nothing
	o, err := amend.Outcome(cum2, cum2, sh)
	require.NoError(t, err)
	require.False(t, o.Changed)
}
