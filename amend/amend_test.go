package amend_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/amend"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

func load(t *testing.T, path string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load(path)
	require.NoError(t, err)
	return rb
}

func TestCompareYears(t *testing.T) {
	d := amend.Compare(load(t, "../examples/cum2-years/rulebook-2021.yaml"), load(t, "../examples/cum2-years/rulebook-2022.yaml"))
	var vi, en []string
	for _, c := range d.Changes {
		require.NoError(t, c.Message.Check(), c.Path)
		vi, en = append(vi, c.Text(lang.Vietnamese)), append(en, c.Text(lang.English))
	}
	require.Contains(t, vi, "Phiên bản 2021.1 → 2022.1")
	require.Contains(t, vi, "Thời gian hiệu lực 2021-01-01 – 2021-12-31 → 2022-01-01 – 2022-12-31")
	require.Contains(t, en, "Condition khong_2_nam (Không tặng Cờ thi đua hai năm liên tiếp (minh họa)): added — fact khong_lien_tiep")
	require.Contains(t, vi, "Cờ thi đua của UBND tỉnh: điều kiện diem_90, san_85, ky_luat, phieu_80, vuot_muc, mo_hinh_moi, doan_ket → diem_90, san_85, ky_luat, phieu_80, vuot_muc, mo_hinh_moi, doan_ket, khong_2_nam")
	require.False(t, d.Same())
}

func TestCompareSame(t *testing.T) {
	rb := load(t, "../examples/cum2/rulebook.yaml")
	d := amend.Compare(rb, rb)
	require.Empty(t, d.Changes)
	require.True(t, d.Same())
}

// Every kind of change is stated, in both languages, with a complete
// message.
func TestCompareEveryArea(t *testing.T) {
	old := load(t, "../examples/cum2/rulebook.yaml")
	s := old.Spec()
	s.Criteria[0].MaxPoints = decimal.Zero
	s.Criteria[0].Children[0].Method = rules.Direct                       // 01: pass_fail → direct
	s.Criteria[0].Children[1].PointsEach = decimal.RequireFromString("5") // 02
	s.Criteria[1].Children[1].Tiers[0].Points = decimal.NewFromInt(10)    // unchanged
	s.Criteria[1].Children[1].Tiers[1].AtLeast = decimal.NewFromInt(11)   // 05
	s.Criteria[3].Children = s.Criteria[3].Children[:1]                   // 08 removed
	s.Criteria[3].MaxPoints = decimal.Zero
	s.Criteria = append(s.Criteria, rules.Criterion{ID: "V", Name: "Mới", MaxPoints: decimal.NewFromInt(10), Weight: decimal.NewFromInt(2)})
	s.Bonus.Cap = decimal.NewFromInt(20)
	s.Deductions.Items = s.Deductions.Items[1:]
	r2 := rules.Rounding{Places: 1, Mode: rules.RoundDown}
	s.Rounding.Total = &r2
	s.RankBy = rules.ByPercent
	s.TieBreaks = append(s.TieBreaks, rules.TieBreak{Kind: rules.DrawingLots})
	s.Awards[1].Count, s.Awards[1].Share = 0, rules.Share{Num: 1, Den: 3}
	s.Awards[1].IfIneligible = rules.Nobody
	s.Eligibility[0].MinTotal = new(decimal.NewFromInt(85))
	s.InForce.To = rules.NewDate(2021, 12, 31)
	nw, err := rules.New(s)
	require.NoError(t, err)
	d := amend.Compare(old, nw)
	paths := map[string]amend.Change{}
	for _, c := range d.Changes {
		paths[c.Path] = c
		require.NoError(t, c.Message.Check(), c.Path)
		require.NotContains(t, c.Text(lang.Vietnamese), "‹")
	}
	for _, p := range []string{"criteria.01.method", "criteria.02.points_each", "criteria.05.tiers", "criteria.08", "criteria.V",
		"criteria.IV.max", "criteria.max", "bonus.cap", "deductions.bao_cao_muon", "rounding.total", "rank_by", "tie_breaks",
		"awards.merit.quota", "awards.merit.if_ineligible", "eligibility.diem_90.test", "in_force"} {
		require.Contains(t, paths, p)
	}
	require.Equal(t, amend.Removed, paths["criteria.08"].Kind)
	require.Equal(t, amend.Added, paths["criteria.V"].Kind)
	require.Equal(t, "Tiêu chí 01: cách chấm đạt / không đạt → chấm thẳng", paths["criteria.01.method"].Text(lang.Vietnamese))
	require.Equal(t, "Điều kiện diem_90: tổng điểm từ 90 → tổng điểm từ 85", paths["eligibility.diem_90.test"].Text(lang.Vietnamese))
	require.Equal(t, "Bằng khen của Chủ tịch UBND tỉnh: when the member in line is ineligible, the next eligible member takes the place → the place is not awarded",
		paths["awards.merit.if_ineligible"].Text(lang.English), "next_eligible → none")
	require.Equal(t, "Tie-break chain: group I, fewer_deductions, more_votes, no_award_last_year flag → group I, fewer_deductions, more_votes, no_award_last_year flag, lots",
		paths["tie_breaks"].Text(lang.English))
}

func TestOutcomeUnchangedAndInvalid(t *testing.T) {
	rb := load(t, "../examples/cum2/rulebook.yaml")
	sh, err := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	require.NoError(t, err)
	o, err := amend.Outcome(rb, rb, sh)
	require.NoError(t, err)
	require.False(t, o.Changed)
	require.Equal(t, "Kết quả xếp hạng và đề nghị khen thưởng không thay đổi.", o.Message.In(lang.Vietnamese))

	y22 := load(t, "../examples/cum2-years/rulebook-2022.yaml")
	_, err = amend.Outcome(rb, y22, sh)
	var se *amend.SheetError
	require.True(t, errors.As(err, &se))
	require.Equal(t, "new", se.Which)
	var ie scoring.InputErrors
	require.True(t, errors.As(err, &ie))
	require.True(t, strings.HasPrefix(se.Text(lang.English), "The score sheet is not valid under the new rulebook"))
}
