package whatif_test

import (
	"testing"

	"github.com/stretchr/testify/require"

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
