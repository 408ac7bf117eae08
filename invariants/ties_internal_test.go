package invariants

import (
	"testing"

	"github.com/thidua/thidua/lang"
)

// A difference in who is tied names the tie as the standings do: a tie
// that decides an award, or a rank shared quietly (đồng hạng).
func TestTieMsg(t *testing.T) {
	for _, c := range []struct {
		tied, unresolved bool
		vi, en           string
	}{
		{true, true, "bằng điểm chưa phân định", "tied"},
		{true, false, "đồng hạng", "sharing a rank"},
		{false, false, "phân định được", "separated"},
	} {
		m := tieMsg(c.tied, c.unresolved)
		if got := m.In(lang.Vietnamese); got != c.vi {
			t.Errorf("%v %v: vi %q, want %q", c.tied, c.unresolved, got, c.vi)
		}
		if got := m.In(lang.English); got != c.en {
			t.Errorf("%v %v: en %q, want %q", c.tied, c.unresolved, got, c.en)
		}
	}
}
