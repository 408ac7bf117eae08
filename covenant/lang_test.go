package covenant_test

import (
	"testing"

	"github.com/thidua/thidua/covenant"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// TestRuleTextInBothLanguages writes how each projection was computed in
// both languages; Rule is RuleText in English.
func TestRuleTextInBothLanguages(t *testing.T) {
	s := base()
	s.Criteria = append(s.Criteria, covenant.Criterion{ID: "mot", Name: "Một chữ số", Rounding: &rules.Rounding{Places: 1, Mode: rules.RoundCeiling}})
	s.Targets = append(s.Targets, covenant.Target{Party: "B", Criterion: "mot", Value: d("10")})
	s.Reports[0].Progress = append(s.Reports[0].Progress, covenant.Achieved{Party: "B", Criterion: "mot", Value: d("7")})
	c, err := covenant.New(s)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Progress(9)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ key, vi, en string }{
		"A/hs":  {"covenant.projection.linear", "36 × 12 ÷ 9 = 48 (làm tròn đến 6 chữ số thập phân, từ 5 trở lên thì làm tròn lên)", "36 × 12 ÷ 9 = 48 (6 places, half_up)"},
		"B/hs":  {"covenant.projection.linear", "70 × 12 ÷ 9 = 93,333333 (làm tròn đến 6 chữ số thập phân, từ 5 trở lên thì làm tròn lên)", "70 × 12 ÷ 9 = 93.333333 (6 places, half_up)"},
		"A/hd":  {"covenant.projection.linear", "2 × 12 ÷ 9 = 2 (làm tròn đến 0 chữ số thập phân, làm tròn xuống)", "2 × 12 ÷ 9 = 2 (0 places, floor)"},
		"B/mot": {"covenant.projection.linear", "7 × 12 ÷ 9 = 9,4 (làm tròn đến 1 chữ số thập phân, làm tròn lên)", "7 × 12 ÷ 9 = 9.4 (1 place, ceiling)"},
		"A/tl":  {"covenant.projection.held", "giữ nguyên giá trị đã đạt", "held"},
	}
	for _, l := range p.Lines {
		k := l.Party + "/" + l.Criterion
		w, ok := want[k]
		if !ok {
			continue
		}
		delete(want, k)
		if l.RuleText.Key != w.key {
			t.Errorf("%s: key %q, want %q", k, l.RuleText.Key, w.key)
		}
		if got := l.RuleText.In(lang.Vietnamese); got != w.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", k, got, w.vi)
		}
		if got := l.RuleText.In(lang.English); got != w.en || l.Rule != got {
			t.Errorf("%s in English:\n got %q (Rule %q)\nwant %q", k, got, l.Rule, w.en)
		}
	}
	if len(want) > 0 {
		t.Errorf("lines missing: %v", want)
	}
}

// TestAssumptionsInBothLanguages writes what a projection assumed in both
// languages; Assumptions are AssumptionTexts in English.
func TestAssumptionsInBothLanguages(t *testing.T) {
	rb, err := rules.Parse("r.yaml", []byte(rulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := covenant.New(base())
	sheet := scoring.Sheet{
		Members: []scoring.Member{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}},
		Scores:  []scoring.Entry{{Member: "B", Criterion: "hd", Stage: "self", Value: d("4")}, {Member: "B", Criterion: "tl", Stage: "self", Value: d("9")}},
	}
	fc, err := c.Project(rb, sheet, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, vi, en string }{
		{"covenant.assume.no_ballot",
			"chưa có kết quả bỏ phiếu (việc bỏ phiếu diễn ra tại hội nghị tổng kết năm): coi như đã đạt các điều kiện về số phiếu phieu; không áp dụng tiêu chí ưu tiên nhiều phiếu hơn",
			"no ballot before the year-end meeting: the vote conditions phieu are assumed met; the tie-break more_votes is skipped"},
		{"covenant.assume.projected",
			"giá trị các tiêu chí của giao ước được dự kiến từ kết quả sơ kết 9 tháng",
			"values of the covenant's criteria projected from the report after 9 months"},
	}
	if len(fc.AssumptionTexts) != len(want) || len(fc.Assumptions) != len(want) {
		t.Fatalf("assumptions %v", fc.Assumptions)
	}
	parts := []string{"covenant.assume.votes_met", "covenant.assume.no_more_votes"}
	for i, p := range fc.AssumptionTexts[0].Parts {
		if p.Key != parts[i] {
			t.Errorf("part %d: key %q, want %q", i, p.Key, parts[i])
		}
	}
	for i, w := range want {
		m := fc.AssumptionTexts[i]
		if m.Key != w.key {
			t.Errorf("key %q, want %q", m.Key, w.key)
		}
		if got := m.In(lang.Vietnamese); got != w.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, w.vi)
		}
		if got := m.In(lang.English); got != w.en || fc.Assumptions[i] != got {
			t.Errorf("in English:\n got %q (Assumptions %q)\nwant %q", got, fc.Assumptions[i], w.en)
		}
	}
}
