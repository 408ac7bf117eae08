package rules_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/canon"
	"github.com/thidua/thidua/rules"
)

// TestGroupItems reads the items that belong to a group, and keeps the
// hash of a rulebook without such items as it was (the field is absent).
func TestGroupItems(t *testing.T) {
	plain, err := rules.Parse("a.yaml", []byte(doc(nil)))
	require.NoError(t, err)
	grouped, err := rules.Parse("b.yaml", []byte(doc(map[string]string{
		"bonus":      "bonus:\n  cap: 10\n  items:\n    - {id: b1, name: Cờ năm trước, points: 10}\n    - {id: b2, name: Cờ của Thành phố, points: 10, max: 10, group: II}",
		"deductions": "deductions:\n  items:\n    - {id: d1, name: Báo cáo muộn, points: 0.5, group: II}\n    - {id: d2, name: Vắng họp, points: 1, group: I}",
	})))
	require.NoError(t, err)
	b, d := grouped.GroupItems("II")
	require.Equal(t, []string{"b2"}, ids(b))
	require.Equal(t, []string{"d1"}, ids(d))
	b, d = grouped.GroupItems("")
	require.Empty(t, b)
	require.Empty(t, d)
	it, _ := grouped.BonusItem("b1")
	require.True(t, it.OnTotal())
	it, _ = grouped.BonusItem("b2")
	require.False(t, it.OnTotal())
	require.NotEqual(t, plain.Hash(), grouped.Hash())
	// the canonical form of an item without a group has no Group
	require.Contains(t, canon.Text(plain.Spec()), `{"ID":"b1","Name":"Cờ năm trước","Points":"10"}`)
}

func ids(items []rules.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}
