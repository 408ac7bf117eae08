package whatif_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// TestTieClassesAreExactForManyRivals checks the search on a cluster with
// 139 rivals whose values under the group tie-break are all distinct: more
// than a byte can tell apart. Every rival totals 500, rival k with k points
// in group I; S (360, nothing in group I) ranks first at 500 only with more
// in group I than every rival, i.e. 140 on c1 and nothing on c2. Raising c2
// instead is cheaper (its scale is 1,000, c1's 200) but leaves group I at
// 130 or so, beaten by the rivals above it: a search whose tie classes
// saturated would keep only that cheaper class at 500 and answer 141.
func TestTieClassesAreExactForManyRivals(t *testing.T) {
	rb := mustRulebook(t, `criteria:
  - {id: I, name: Group I, children: [{id: c1, name: C1, max: 200}]}
  - {id: II, name: Group II, children: [{id: c2, name: C2, max: 1000}]}
tie_breaks: [{group: I}]
`)
	const rivals = 139
	ids := []string{"S"}
	sh := scoring.Sheet{Scores: []scoring.Entry{cl("S", "c1", "0"), cl("S", "c2", "360")}}
	for k := 1; k <= rivals; k++ {
		id := fmt.Sprintf("R%03d", k)
		ids = append(ids, id)
		sh.Scores = append(sh.Scores, cl(id, "c1", strconv.Itoa(k)), cl(id, "c2", strconv.Itoa(500-k)))
	}
	sh.Members = members(ids...)
	res, err := whatif.Reach(context.Background(), rb, sh, "S", whatif.RankTarget(1))
	require.NoError(t, err)
	require.True(t, res.Reachable)
	require.True(t, res.Gain.Equal(d("140")), "gain %s, want 140; allocation %+v", res.Gain, res.Allocation)
	require.Len(t, res.Allocation, 1)
	require.Equal(t, "c1", res.Allocation[0].Criterion)
	require.True(t, res.Allocation[0].To.Equal(d("140")), "c1 → %s", res.Allocation[0].To)
	require.Equal(t, 1, res.After.Rank)
	require.False(t, res.After.Tied)
}
