package whatif

import (
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// A neighbour the member shares its rank with quietly is "đồng hạng"; one
// whose tie with it decides an award is an unresolved tie.
func TestNeighbourSharedOrUnresolved(t *testing.T) {
	for _, c := range []struct {
		d      ranking.Decision
		vi, en string
	}{
		{ranking.Decision{Rule: "unresolved", Upper: "SNNPTNT", Lower: "TTT", Unresolved: true, Shared: true},
			"  xếp dưới SNNPTNT: đồng hạng với SNNPTNT", "  below SNNPTNT, sharing the rank with SNNPTNT"},
		{ranking.Decision{Rule: "unresolved", Upper: "SNNPTNT", Lower: "TTT", Unresolved: true},
			"  xếp dưới SNNPTNT: bằng điểm với SNNPTNT, chưa phân định", "  below SNNPTNT by UNRESOLVED tie with SNNPTNT"},
	} {
		if got := neighbour(lang.Vietnamese, "whatif.report.below", "SNNPTNT", &c.d); got != c.vi {
			t.Errorf("vi: got %q, want %q", got, c.vi)
		}
		if got := neighbour(lang.English, "whatif.report.below", "SNNPTNT", &c.d); got != c.en {
			t.Errorf("en: got %q, want %q", got, c.en)
		}
	}
}
