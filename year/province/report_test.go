package province_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/province"
)

// TestReportNames: a province whose cluster is read from a history names
// the award tiers as that cluster's rulebook does, for every cluster; the
// clusters by their names.
func TestReportNames(t *testing.T) {
	p, err := province.Load("../../examples/province/province-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"flag": "Cờ thi đua của UBND tỉnh", "merit": "Bằng khen của Chủ tịch UBND tỉnh", "nope": "nope"} {
		if got := p.AwardName(id); got != want {
			t.Errorf("AwardName(%q) = %q, want %q", id, got, want)
		}
	}
	if got := p.ClusterName("cum1"); got != "Cụm I – Các cơ quan tổng hợp (minh họa)" {
		t.Errorf("ClusterName(cum1) = %q", got)
	}
	var out bytes.Buffer
	if err := p.WriteText(&out, lang.English); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"In all: Cờ thi đua của UBND tỉnh: 3 proposed, 3 approved; Bằng khen của Chủ tịch UBND tỉnh: 6 proposed, 5 approved, 1 cut",
		"Nominated for Cờ thi đua của Chính phủ: Sở Y tế, Sở Kế hoạch và Đầu tư",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
}

func TestVerdictAndTallyMessages(t *testing.T) {
	for v, want := range map[province.Verdict]string{province.Approved: "thông qua", province.CutDown: "không thông qua", province.Pending: "chờ xét", "x": "x"} {
		if got := v.Message().In(lang.Vietnamese); got != want {
			t.Errorf("%s: %q, want %q", v, got, want)
		}
	}
	tl := province.Tally{Award: "flag", Proposed: 4, Approved: 1, Cut: 2, Pending: 1}
	if got, want := tl.Message("Cờ").In(lang.Vietnamese), "Cờ: 4 đề nghị, 1 thông qua, 2 không thông qua, 1 chờ xét"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := (province.Tally{Proposed: 2, Approved: 2}).Message("Cờ").In(lang.English), "Cờ: 2 proposed, 2 approved"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
