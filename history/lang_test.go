package history_test

import (
	"testing"

	"github.com/thidua/thidua/history"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// TestSentences writes every sentence of the package in both languages:
// a member's run of awards (RunText) and a run the standings would make
// too long (Violation). English is what String and the error messages say.
func TestSentences(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	flag := func(max int) history.RunLimit { return history.RunLimit{Fact: "f", Award: "flag", MaxConsecutive: max} }
	violation := func(year int, member string, max int) lang.Message {
		vs := h.Consecutive(&ranking.Standings{Year: year, Awards: []ranking.Award{{Tier: "flag", Proposed: []string{member}}}}, flag(max))
		if len(vs) != 1 {
			t.Fatalf("%d violations, want 1", len(vs))
		}
		if vs[0].String() != vs[0].Text(lang.English) || vs[0].Text(lang.Vietnamese) != vs[0].Message().In(lang.Vietnamese) {
			t.Errorf("String %q, Text %q", vs[0].String(), vs[0].Text(lang.English))
		}
		return vs[0].Message()
	}
	cases := []struct {
		key    string
		msg    lang.Message
		vi, en string
	}{
		{"history.run", h.RunText("B", 2022, flag(1)), "được flag năm 2021", "flag in 2021"},
		{"history.run", h.RunText("AB", 2023, flag(1)), "được flag năm 2022, 2021, 2020", "flag in 2022, 2021, 2020"},
		{"history.run.none", h.RunText("C", 2022, flag(1)), "năm 2021 không được flag", "no flag in 2021"},
		{"history.violation", violation(2022, "B", 1),
			"B: nếu được flag năm 2022 thì sẽ là 2 năm liên tiếp (đã được các năm 2021; chỉ được tối đa 1 năm liên tiếp)",
			"B: flag in 2022 would be 2 years running (received in 2021; at most 1 allowed)"},
		{"history.violation", violation(2023, "AB", 2),
			"AB: nếu được flag năm 2023 thì sẽ là 4 năm liên tiếp (đã được các năm 2022, 2021, 2020; chỉ được tối đa 2 năm liên tiếp)",
			"AB: flag in 2023 would be 4 years running (received in 2022, 2021, 2020; at most 2 allowed)"},
	}
	for _, c := range cases {
		if c.msg.Key != c.key {
			t.Errorf("key %q, want %q", c.msg.Key, c.key)
		}
		if got := c.msg.In(lang.Vietnamese); got != c.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", c.key, got, c.vi)
		}
		if got := c.msg.In(lang.English); got != c.en {
			t.Errorf("%s in English:\n got %q\nwant %q", c.key, got, c.en)
		}
	}
}
