package write_test

import (
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/year/internal/write"
)

// A standings table's "decided by" column (the province's nominees, the
// years' reports) says "đồng hạng" for members sharing a rank that decides
// no award, and warns of a tie only where it decides one: on
// shared-rank.csv Thanh tra tỉnh and Sở NN&PTNT share rank 6, eligible for
// no award under the Cụm II rulebook; with five Bằng khen open to every
// member without a discipline case, the last one waits for their tie.
func TestBriefSharedRankAndUnresolvedTie(t *testing.T) {
	cum2, err := rules.Load("../../../examples/cum2/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := cum2.Spec()
	for i, a := range spec.Awards {
		if a.ID == "merit" {
			spec.Awards[i].Count, spec.Awards[i].Requires = 5, []string{"ky_luat"}
		}
	}
	five, err := rules.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(cum2, "../../../examples/cum2/shared-rank.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		rb     *rules.Rulebook
		vi, en string
	}{
		{"a quiet shared rank", cum2, "đồng hạng với Sở Nông nghiệp và Phát triển nông thôn", "shares the rank with Sở Nông nghiệp và Phát triển nông thôn"},
		{"a tie for the last Bằng khen", five, "BẰNG ĐIỂM, chưa phân định với Sở Nông nghiệp và Phát triển nông thôn", "UNRESOLVED tie with Sở Nông nghiệp và Phát triển nông thôn"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, err := ranking.Rank(c.rb, sh)
			if err != nil {
				t.Fatal(err)
			}
			row, ok := st.Row("TTT")
			if !ok || !row.Tied {
				t.Fatalf("TTT does not share a rank: %+v", row)
			}
			n := write.NamesOf(c.rb, st)
			if got := n.Brief(row.DecidedBy).In(lang.Vietnamese); got != c.vi {
				t.Errorf("vi: got %q, want %q", got, c.vi)
			}
			if got := n.Brief(row.DecidedBy).In(lang.English); got != c.en {
				t.Errorf("en: got %q, want %q", got, c.en)
			}
		})
	}
}
