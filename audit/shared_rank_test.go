package audit_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// The report's comparison table says how each member is placed below the
// one above: members who share a rank deciding no award are "đồng hạng"
// with each other, quietly; a tie that decides an award is "chưa phân
// định", and the report warns of it.
func TestReportSharedRankAndUnresolvedTie(t *testing.T) {
	cases := []struct {
		name, sheet string
		recEdit     [][2]string
		member      string // the lower member of the tie
		clean       bool
		want        []string // in the Vietnamese Markdown report
		wantEN      []string // in the English one
		not         []string // in neither
	}{
		{name: "a quiet shared rank", sheet: "shared-rank.csv",
			recEdit: append(tieTTT[:len(tieTTT):len(tieTTT)], [2]string{"rank,TTT,,7", "rank,TTT,,6"}),
			member:  "TTT", clean: true,
			want:   []string{"đồng hạng với Sở Nông nghiệp và Phát triển nông thôn"},
			wantEN: []string{"shares the rank with Sở Nông nghiệp và Phát triển nông thôn"},
			not:    []string{"chưa phân định", "unresolved", "UNRESOLVED"}},
		{name: "a tie for the flag", sheet: "unresolved-tie.csv", recEdit: tieSKHCN,
			member: "SKHCN",
			want:   []string{"bằng điểm, chưa phân định với Sở Công Thương"},
			wantEN: []string{"unresolved tie with Sở Công Thương"},
			not:    []string{"đồng hạng với", "shares the rank"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sh := sheetOf(t, c.sheet, readFile(t, example(c.sheet)))
			rec := recordedOf(t, "recorded.csv", edit(t, readFile(t, example("recorded-2020.csv")), c.recEdit))
			r := auditOf(t, cum2(t), sh, rec)
			if r.Clean != c.clean {
				t.Errorf("clean = %v, want %v: %s", r.Clean, c.clean, findingsText(r))
			}
			var row *audit.Comparison
			for i := range r.Members {
				if r.Members[i].Member == c.member {
					row = &r.Members[i]
				}
			}
			if row == nil || !strings.HasSuffix(row.RecomputedRank, "=") {
				t.Fatalf("%s: no shared rank in the comparison: %+v", c.member, row)
			}
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				var b bytes.Buffer
				if err := r.WriteIn(&b, audit.Markdown, tag); err != nil {
					t.Fatal(err)
				}
				want := c.want
				if tag == lang.English {
					want = c.wantEN
				}
				for _, w := range want {
					if !strings.Contains(b.String(), w) {
						t.Errorf("%s report lacks %q:\n%s", tag, w, b.String())
					}
				}
				for _, n := range c.not {
					if strings.Contains(b.String(), n) {
						t.Errorf("%s report has %q:\n%s", tag, n, b.String())
					}
				}
			}
		})
	}
}
