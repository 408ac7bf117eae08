package province_test

import (
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/province"
	"github.com/thidua/thidua/rules"
)

// TestQuotaInBothLanguages writes the Government-flag quota in both
// languages, with every rounding mode: Vietnamese writes a decimal comma
// and names the mode; English keeps the mode's id, as String does.
func TestQuotaInBothLanguages(t *testing.T) {
	s := base()
	s.GovernmentFlag.Quota.AlsoMeetingStandard = 9
	p, err := province.New(s)
	if err != nil {
		t.Fatal(err)
	}
	q := func(sh string, mode rules.RoundingMode, base, places int) province.QuotaResult {
		return province.QuotaResult{Share: share(sh), Rounding: mode, Base: base, Places: places}
	}
	cases := []struct {
		q      province.QuotaResult
		vi, en string
	}{
		{p.Quota(), "20% × 12 = 2,4 → 2 (làm tròn xuống)", "20% × 12 = 2.4 → 2 (floor)"},
		{q("1/3", rules.RoundFloor, 10, 3), "1/3 × 10 ≈ 3,3333 → 3 (làm tròn xuống)", "1/3 × 10 ≈ 3.3333 → 3 (floor)"},
		{q("12.5%", rules.RoundHalfEven, 9, 1), "12,5% × 9 = 1,125 → 1 (làm tròn 5 về số chẵn)", "12.5% × 9 = 1.125 → 1 (half_even)"},
		{q("20%", rules.RoundHalfUp, 12, 2), "20% × 12 = 2,4 → 2 (từ 5 trở lên thì làm tròn lên)", "20% × 12 = 2.4 → 2 (half_up)"},
		{q("20%", "", 12, 2), "20% × 12 = 2,4 → 2 (từ 5 trở lên thì làm tròn lên)", "20% × 12 = 2.4 → 2 (half_up)"},
		{q("20%", rules.RoundDown, 12, 2), "20% × 12 = 2,4 → 2 (bỏ phần lẻ)", "20% × 12 = 2.4 → 2 (down)"},
		{q("20%", rules.RoundUp, 12, 3), "20% × 12 = 2,4 → 3 (làm tròn ra xa số 0)", "20% × 12 = 2.4 → 3 (up)"},
		{q("20%", rules.RoundCeiling, 12, 3), "20% × 12 = 2,4 → 3 (làm tròn lên)", "20% × 12 = 2.4 → 3 (ceiling)"},
		{province.QuotaResult{}, "không có chỉ tiêu", "no quota"},
	}
	for _, c := range cases {
		if got := c.q.Text(lang.Vietnamese); got != c.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, c.vi)
		}
		if got := c.q.Text(lang.English); got != c.en {
			t.Errorf("in English:\n got %q\nwant %q", got, c.en)
		}
		if c.q.String() != c.q.Text(lang.English) || c.q.Message().In(lang.Vietnamese) != c.vi {
			t.Errorf("String %q and Message disagree with Text", c.q.String())
		}
	}
}
