package amend_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/amend"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// signedBook has a signed criterion, a fewer criterion and tie-breaks of
// the league and fewer kinds.
const signedBook = `
id: s
version: "1"
title: Cộng trừ
jurisdiction: Công an tỉnh
criteria:
  - {id: I, name: Phong trào, children: [
      {id: "1", name: Kết quả, max: 10},
      {id: "2", name: Mô hình, max: 10, min: -5, method: signed, plus: {points_each: 2, name: mô hình}, minus: {points_each: 1}},
      {id: "3", name: Vi phạm, max: 6, method: fewer, points_each: 2}]}
tie_breaks: [criterion: "1"]
awards: [{id: flag, name: Cờ thi đua, count: 1}]
`

// Each part of a rulebook added with real regulations is diffed and
// worded, naming grades, ballots, conditions and awards by their names.
func TestCompareRealRegulationParts(t *testing.T) {
	nghean := load(t, "../examples/nghean-grading/rulebook.yaml")
	signed, err := rules.Parse("s.yaml", []byte(signedBook))
	require.NoError(t, err)
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	for _, c := range []struct {
		name   string
		base   *rules.Rulebook
		change func(s *rules.Spec)
		path   string
		kind   amend.Kind
		vi, en string
	}{
		{"jurisdiction", nghean, func(s *rules.Spec) { s.Jurisdiction = "Tỉnh Hà Tĩnh" },
			"jurisdiction", amend.Changed, "Địa bàn, cơ quan áp dụng “Tỉnh Nghệ An” → “Tỉnh Hà Tĩnh”", "Jurisdiction “Tỉnh Nghệ An” → “Tỉnh Hà Tĩnh”"},
		{"legal basis added", nghean, func(s *rules.Spec) {
			s.Regulation.LegalBasis = append(s.Regulation.LegalBasis, rules.LegalRef{Text: "Nghị định 98/2023/NĐ-CP", To: rules.NewDate(2025, 6, 30)})
		}, "regulation.legal_basis.Nghị định 98/2023/NĐ-CP", amend.Added,
			"Căn cứ pháp lý “Nghị định 98/2023/NĐ-CP”: mới, áp dụng … – 2025-06-30", "Legal basis “Nghị định 98/2023/NĐ-CP”: added, applies … – 2025-06-30"},
		{"legal basis removed", nghean, func(s *rules.Spec) { s.Regulation.LegalBasis = s.Regulation.LegalBasis[:2] },
			"regulation.legal_basis.Thông tư 15/2025/TT-BNV", amend.Removed, "Căn cứ pháp lý “Thông tư 15/2025/TT-BNV”: bị bỏ", "Legal basis “Thông tư 15/2025/TT-BNV”: removed"},
		{"legal basis period", nghean, func(s *rules.Spec) { s.Regulation.LegalBasis[1].From = rules.NewDate(2025, 7, 1) },
			"regulation.legal_basis.Nghị định 152/2025/NĐ-CP.period", amend.Changed,
			"Căn cứ pháp lý “Nghị định 152/2025/NĐ-CP”: thời gian áp dụng trong suốt thời gian hiệu lực của bộ tiêu chí → 2025-07-01 – …",
			"Legal basis “Nghị định 152/2025/NĐ-CP”: applies whenever the rulebook is in force → 2025-07-01 – …"},
		{"council", nghean, func(s *rules.Spec) {
			s.Authority.Council = "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân"
		},
			"authority.council", amend.Changed, "Cơ quan xem xét, tham mưu: Hội đồng Thi đua – Khen thưởng tỉnh → Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân", ""},
		{"decides", nghean, func(s *rules.Spec) { s.Authority.Decides = "Viện trưởng Viện kiểm sát nhân dân tối cao" },
			"authority.decides", amend.Changed, "Người quyết định khen thưởng: Chủ tịch UBND tỉnh → Viện trưởng Viện kiểm sát nhân dân tối cao", ""},
		{"rank convention", nghean, func(s *rules.Spec) { s.RankConvention = rules.Dense },
			"rank_convention", amend.Changed, "Cách đánh số thứ hạng khi đồng hạng: 1, 1, 3 (bỏ qua hạng kế tiếp) → 1, 1, 2 (không bỏ hạng)", "Shared ranks numbered: 1, 1, 3 (competition) → 1, 1, 2 (dense)"},
		{"ballot added", nghean, func(s *rules.Spec) {
			s.Votes.Ballots = append(s.Votes.Ballots, rules.Ballot{ID: "co", Name: "Bỏ phiếu Cờ thi đua"})
		}, "votes.ballots.co", amend.Added, "Cuộc bỏ phiếu “Bỏ phiếu Cờ thi đua”: mới", "Ballot “Bỏ phiếu Cờ thi đua”: added"},
		{"ballot renamed", nghean, func(s *rules.Spec) { s.Votes.Ballots[1].Name = "Phiếu mức tốt" },
			"votes.ballots.tot.name", amend.Changed, "Cuộc bỏ phiếu “Bỏ phiếu mức Hoàn thành tốt nhiệm vụ”: đổi tên thành “Phiếu mức tốt”", ""},
		{"grade renamed", nghean, func(s *rules.Spec) { s.Grades[3].Name = "Không hoàn thành" },
			"grades.khong_hoan_thanh.name", amend.Changed, "Mức xếp loại “Không hoàn thành nhiệm vụ”: đổi tên thành “Không hoàn thành”", ""},
		{"grade requires", nghean, func(s *rules.Spec) { s.Grades[1].Requires = []string{"tu_80", "duoi_90", "phieu_tot"} },
			"grades.tot.requires", amend.Changed,
			"Mức xếp loại “Hoàn thành tốt nhiệm vụ”: bỏ điều kiện “Không có tiêu chí nào dưới 80% số điểm tối đa”; thêm điều kiện “Dưới 90 điểm”",
			"Grade “Hoàn thành tốt nhiệm vụ”: drops the condition(s) “Không có tiêu chí nào dưới 80% số điểm tối đa”; adds the condition(s) “Dưới 90 điểm”"},
		{"grade removed", nghean, func(s *rules.Spec) { s.Grades = append(s.Grades[:2:2], s.Grades[3]) },
			"grades.hoan_thanh", amend.Removed, "Mức xếp loại “Hoàn thành nhiệm vụ”: bị bỏ", "Grade “Hoàn thành nhiệm vụ”: removed"},
		{"grade added", signed, func(s *rules.Spec) {
			s.Eligibility = []rules.Condition{{ID: "tu_8", Reason: "Từ 8 điểm", MinTotal: new(d("8"))}}
			s.Grades = []rules.Grade{{ID: "tot", Name: "Tốt", Requires: []string{"tu_8"}}, {ID: "khac", Name: "Còn lại"}}
		}, "grades.tot", amend.Added, "Mức xếp loại “Tốt”: mới, điều kiện “Từ 8 điểm”", "Grade “Tốt”: added, requires “Từ 8 điểm”"},
		{"min grade", nghean, func(s *rules.Spec) { s.Awards[0].MinGrade = "tot" },
			"awards.flag.min_grade", amend.Changed, "Cờ thi đua của UBND tỉnh: mức xếp loại tối thiểu Hoàn thành xuất sắc nhiệm vụ → Hoàn thành tốt nhiệm vụ", ""},
		{"max_total", nghean, func(s *rules.Spec) { s.Eligibility[4].MaxTotal, s.Eligibility[4].Strict = new(d("95")), false },
			"eligibility.duoi_90.test", amend.Changed, "Điều kiện duoi_90: tổng điểm dưới 90 → tổng điểm không quá 95", "Condition duoi_90: total below 90 → total at most 95"},
		{"strict", nghean, func(s *rules.Spec) { s.Eligibility[0].Strict = true },
			"eligibility.tu_90.test", amend.Changed, "Điều kiện tu_90: tổng điểm từ 90 → tổng điểm trên 90", ""},
		{"max_percent", nghean, func(s *rules.Spec) { s.Eligibility[4].MaxTotal, s.Eligibility[4].MaxPercent = nil, new(d("90")) },
			"eligibility.duoi_90.test", amend.Changed, "Điều kiện duoi_90: tổng điểm dưới 90 → tỷ lệ điểm dưới 90%", ""},
		{"vote ballot", nghean, func(s *rules.Spec) { s.Eligibility[2].MinVotes.Ballot = "tot" },
			"eligibility.phieu_xs.test", amend.Changed,
			"Điều kiện phieu_xs: được quá 50% số phiếu tính trên tổng số thành viên, tỷ lệ có mặt tối thiểu —, trong cuộc bỏ phiếu “Bỏ phiếu mức Hoàn thành xuất sắc nhiệm vụ” → được quá 50% số phiếu tính trên tổng số thành viên, tỷ lệ có mặt tối thiểu —, trong cuộc bỏ phiếu “Bỏ phiếu mức Hoàn thành tốt nhiệm vụ”", ""},
		{"signed min", signed, func(s *rules.Spec) { s.Criteria[0].Children[1].MinPoints = d("-8") },
			"criteria.2.min", amend.Changed, "Tiêu chí 2: điểm tối thiểu -5 → -8", "Criterion 2: minimum -5 → -8"},
		{"signed plus", signed, func(s *rules.Spec) { s.Criteria[0].Children[1].Plus.PointsEach = d("2.5") },
			"criteria.2.plus", amend.Changed, "Tiêu chí 2: phần cộng 2 điểm mỗi lần (mô hình) → 2,5 điểm mỗi lần (mô hình)", "Criterion 2: plus side 2 points each (mô hình) → 2.5 points each (mô hình)"},
		{"signed minus removed", signed, func(s *rules.Spec) { s.Criteria[0].Children[1].Minus = rules.SignedPart{} },
			"criteria.2.minus", amend.Changed, "Tiêu chí 2: phần trừ 1 điểm mỗi lần → không có", ""},
		{"method to signed", signed, func(s *rules.Spec) {
			c := &s.Criteria[0].Children[0]
			c.Method, c.MinPoints, c.Plus = rules.Signed, d("-2"), rules.SignedPart{PointsEach: d("1")}
		}, "criteria.1.method", amend.Changed, "Tiêu chí 1: cách chấm chấm thẳng → cộng/trừ", ""},
		{"fewer points", signed, func(s *rules.Spec) { s.Criteria[0].Children[2].PointsEach = d("3") },
			"criteria.3.points_each", amend.Changed, "Tiêu chí 3: điểm mỗi lần 2 → 3", ""},
		{"league and fewer tie-breaks", signed, func(s *rules.Spec) {
			s.TieBreaks = []rules.TieBreak{{Kind: rules.League, Ref: rules.LeagueReapply}, {Kind: rules.FewerInput, Ref: "3"}}
		}, "tie_breaks", amend.Changed,
			"Thứ tự ưu tiên khi bằng điểm: tiêu chí 1 → đối đầu kiểu giải đấu (áp dụng lại cho các đơn vị còn bằng nhau), ít hơn (số đếm) ở tiêu chí 3",
			"Tie-break chain: criterion 1 → league reapply, fewer 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := c.base.Spec()
			c.change(&s)
			nw, err := rules.New(s)
			require.NoError(t, err)
			diff := amend.Compare(c.base, nw)
			var got *amend.Change
			var all []string
			for i, ch := range diff.Changes {
				require.NoError(t, ch.Message.Check(), ch.Path)
				require.NotContains(t, ch.Text(lang.Vietnamese), "‹")
				all = append(all, ch.Path+": "+ch.Text(lang.Vietnamese))
				if ch.Path == c.path {
					got = &diff.Changes[i]
				}
			}
			require.NotNil(t, got, "no change at %s; changes:\n%v", c.path, all)
			require.Equal(t, c.kind, got.Kind)
			require.Equal(t, c.vi, got.Text(lang.Vietnamese))
			if c.en != "" {
				require.Equal(t, c.en, got.Text(lang.English))
			}
			require.False(t, diff.Same())
		})
	}
}
