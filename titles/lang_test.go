package titles_test

import (
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/titles"
)

// TestFailuresInBothLanguages writes every kind of failure in both
// languages: the holder, the condition and the detail, and the whole line.
// Holder, Condition, Detail and String are the messages in English.
func TestFailuresInBothLanguages(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*titles.Spec)
		vi, en string
	}{
		{"requires", func(s *titles.Spec) {
			s.People[0].Awarded = []string{"cstdcs"}
			s.People[3].Awarded = []string{"ldtt"}
		},
			"cá nhân P1 (A): cstdcs: phải đạt ldtt — chưa đạt ldtt trong cùng năm",
			"person P1 (A): cstdcs: requires ldtt — does not hold ldtt the same year"},
		{"initiative", func(s *titles.Spec) { s.People[0].Initiative = false },
			"cá nhân P1 (A): cstdcs: sáng kiến — chưa có sáng kiến được công nhận",
			"person P1 (A): cstdcs: initiative — no recognised initiative (sáng kiến) is recorded"},
		{"fact false", func(s *titles.Spec) { s.People[1].Facts = map[string]bool{"tot": false} },
			"cá nhân P2 (B): ldtt: tiêu chuẩn tot — không đạt",
			"person P2 (B): ldtt: fact tot — is false"},
		{"fact not stated", func(s *titles.Spec) { s.Collectives[0].Facts = nil },
			"tập thể R (Phòng R): ttldxs: tiêu chuẩn xs — chưa được xác định, và tiêu chuẩn không có giá trị mặc định",
			"collective R (Phòng R): ttldxs: fact xs — not stated, and the fact has no default"},
		{"more than", func(s *titles.Spec) {
			s.People[2].Awarded = nil
			s.Collectives[0].Awarded = []string{"ttldtt"}
		},
			"tập thể R (Phòng R): ttldtt: tỷ lệ thành viên đạt ldtt — 2/4 thành viên đạt ldtt, cần trên 50%",
			"collective R (Phòng R): ttldtt: members_holding ldtt — 2 of 4 members hold ldtt, more than 50% needed"},
		{"at least", func(s *titles.Spec) {
			s.Titles[3].MembersHolding.Share = share("87.5%")
			s.Collectives[0].Awarded = []string{"ttldxs"}
		},
			"tập thể R (Phòng R): ttldxs: tỷ lệ thành viên đạt ldtt — 3/4 thành viên đạt ldtt, cần ít nhất 87,5%",
			"collective R (Phòng R): ttldxs: members_holding ldtt — 3 of 4 members hold ldtt, at least 87.5% needed"},
		{"no members", func(s *titles.Spec) {
			s.Collectives = append(s.Collectives, titles.Collective{ID: "E", Name: "Phòng E", Awarded: []string{"ttldtt"}})
		},
			"tập thể E (Phòng E): ttldtt: tỷ lệ thành viên đạt ldtt — chưa có danh sách thành viên của tập thể",
			"collective E (Phòng E): ttldtt: members_holding ldtt — no members of the collective are listed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := rulesOnly()
			s.Collectives = []titles.Collective{{ID: "R", Name: "Phòng R", Facts: map[string]bool{"xs": true}, Awarded: []string{"ttldtt", "ttldxs"}}}
			s.People = []titles.Person{
				{ID: "P1", Name: "A", Collective: "R", Initiative: true, Awarded: []string{"ldtt", "cstdcs"}},
				{ID: "P2", Name: "B", Collective: "R", Awarded: []string{"ldtt"}},
				{ID: "P3", Name: "C", Collective: "R", Awarded: []string{"ldtt"}},
				{ID: "P4", Name: "D", Collective: "R"},
			}
			c.edit(&s)
			x, err := titles.New(s)
			if err != nil {
				t.Fatal(err)
			}
			fs := x.Check().Failures
			if len(fs) != 1 {
				t.Fatalf("failures %v, want one", fs)
			}
			f := fs[0]
			if got := f.Text(lang.Vietnamese); got != c.vi {
				t.Errorf("in Vietnamese:\n got %q\nwant %q", got, c.vi)
			}
			if got := f.Text(lang.English); got != c.en || f.String() != got {
				t.Errorf("in English:\n got %q (String %q)\nwant %q", got, f.String(), c.en)
			}
			if f.Holder != f.HolderText.In(lang.English) || f.Condition != f.ConditionText.In(lang.English) || f.Detail != f.Message.In(lang.English) {
				t.Errorf("English fields %q, %q, %q differ from the messages", f.Holder, f.Condition, f.Detail)
			}
		})
	}
}

// TestCapInBothLanguages writes a cap worked out, and one not checked, in
// both languages, with every rounding mode.
func TestCapInBothLanguages(t *testing.T) {
	c := func(sh string, mode rules.RoundingMode, base, allowed int) titles.CapCheck {
		return titles.CapCheck{Of: "ldtt", Share: share(sh), Rounding: mode, Base: base, Allowed: allowed, Checked: true}
	}
	cases := []struct {
		c      titles.CapCheck
		vi, en string
	}{
		{c("15%", rules.RoundFloor, 73, 10), "15% × 73 = 10,95 → 10 (làm tròn xuống)", "15% × 73 = 10.95 → 10 (floor)"},
		{c("1/3", rules.RoundHalfUp, 8, 3), "1/3 × 8 ≈ 2,6667 → 3 (từ 5 trở lên thì làm tròn lên)", "1/3 × 8 ≈ 2.6667 → 3 (half_up)"},
		{c("15%", "", 10, 2), "15% × 10 = 1,5 → 2 (từ 5 trở lên thì làm tròn lên)", "15% × 10 = 1.5 → 2 (half_up)"},
		{c("15%", rules.RoundHalfEven, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn 5 về số chẵn)", "15% × 10 = 1.5 → 2 (half_even)"},
		{c("15%", rules.RoundDown, 10, 1), "15% × 10 = 1,5 → 1 (bỏ phần lẻ)", "15% × 10 = 1.5 → 1 (down)"},
		{c("15%", rules.RoundUp, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn ra xa số 0)", "15% × 10 = 1.5 → 2 (up)"},
		{c("15%", rules.RoundCeiling, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn lên)", "15% × 10 = 1.5 → 2 (ceiling)"},
		{titles.CapCheck{Of: "ldtt", Share: share("12.5%")}, "12,5% số được tặng ldtt: chưa kiểm tra (chưa rõ số lượng)", "12.5% of ldtt: not checked (number unknown)"},
	}
	for _, x := range cases {
		if got := x.c.Text(lang.Vietnamese); got != x.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, x.vi)
		}
		if got := x.c.Text(lang.English); got != x.en || x.c.String() != got {
			t.Errorf("in English:\n got %q (String %q)\nwant %q", got, x.c.String(), x.en)
		}
		if x.c.Message().In(lang.Vietnamese) != x.vi {
			t.Errorf("Message and Text disagree")
		}
	}
}
