package ranking_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// gradedRulebook grades as Nghệ An QĐ 77/2025 does (≥ 90 and no
// criterion below 85%; 80 – < 90 and none below 80%; 70 – < 80 and none
// below 70%; the rest), each of the two upper bands voted on in its own
// ballot ("quá nửa": more than half), with the flag only from the highest
// band. upper says whether "Hoàn thành tốt" has its upper bound (< 90).
func gradedRulebook(t *testing.T, upper bool) string {
	tot := "[tu_80, san_80, phieu_tot]"
	if upper {
		tot = "[tu_80, duoi_90, san_80, phieu_tot]"
	}
	return `criteria:
  - {id: "1", name: Chuyên môn, max: 50}
  - {id: "2", name: Phong trào, max: 50}
votes:
  ballots:
    - {id: xs, name: Bỏ phiếu mức Hoàn thành xuất sắc}
    - {id: tot, name: Bỏ phiếu mức Hoàn thành tốt}
eligibility:
  - {id: tu_90, reason: Từ 90 điểm, min_total: 90}
  - {id: san_85, reason: Không tiêu chí nào dưới 85%, criterion_floor: {share: 85%}}
  - {id: tu_80, reason: Từ 80 điểm, min_total: 80}
  - {id: duoi_90, reason: Dưới 90 điểm, max_total: 90, strict: true}
  - {id: san_80, reason: Không tiêu chí nào dưới 80%, criterion_floor: {share: 80%}}
  - {id: tu_70, reason: Từ 70 điểm, min_total: 70}
  - {id: san_70, reason: Không tiêu chí nào dưới 70%, criterion_floor: {share: 70%}}
  - {id: phieu_xs, reason: Quá nửa phiếu mức xuất sắc, min_votes: {share: 1/2, ballot: xs}, strict: true}
  - {id: phieu_tot, reason: Quá nửa phiếu mức tốt, min_votes: {share: 1/2, ballot: tot}, strict: true}
grades:
  - {id: xuat_sac, name: Hoàn thành xuất sắc nhiệm vụ, requires: [tu_90, san_85, phieu_xs]}
  - {id: tot, name: Hoàn thành tốt nhiệm vụ, requires: ` + tot + `}
  - {id: hoan_thanh, name: Hoàn thành nhiệm vụ, requires: [tu_70, san_70]}
  - {id: khong, name: Không hoàn thành nhiệm vụ}
awards:
  - {id: flag, name: Cờ thi đua, count: 2, min_grade: xuat_sac}
`
}

func TestGradingBands(t *testing.T) {
	crit := []string{"1", "2"}
	sheet := func() scoring.Sheet {
		var sh scoring.Sheet
		scores(&sh, "A", crit, "48 47")   // 95: xuất sắc, voted 3/4
		scores(&sh, "B", crit, "46 46")   // 92: put to the xuất sắc vote, 2/4 (not more than half)
		scores(&sh, "C", crit, "45 44")   // 89: tốt (< 90), voted 3/4
		scores(&sh, "D", crit, "49 41")   // 90, but 41 < 85% of 50: not xuất sắc; tốt by votes
		scores(&sh, "E", crit, "38 37")   // 75: hoàn thành, no vote needed
		scores(&sh, "F", crit, "40 30")   // 70, but 30 < 70% of 50: không hoàn thành
		scores(&sh, "G", crit, "44.5 44") // 88.5: tốt by score, not put to the tốt vote
		sh.Ballots = []scoring.Ballot{
			{ID: "xs", Entitled: 4, Votes: []scoring.Vote{{Member: "A", For: 3}, {Member: "B", For: 2}}},
			{ID: "tot", Entitled: 4, Votes: []scoring.Vote{{Member: "B", For: 3}, {Member: "C", For: 3}, {Member: "D", For: 4}}},
		}
		return sh
	}
	grade := func(st *ranking.Standings) map[string]string {
		out := map[string]string{}
		for _, r := range st.Rows {
			out[r.Member.ID] = r.Grade
		}
		return out
	}
	t.Run("each member in the first band it meets; a failed vote falls to the next band", func(t *testing.T) {
		st := mustRank(t, mustRulebook(t, gradedRulebook(t, false)), sheet())
		require.Equal(t, map[string]string{"A": "xuat_sac", "B": "tot", "C": "tot", "D": "tot", "E": "hoan_thanh", "F": "khong", "G": "hoan_thanh"}, grade(st))
		require.Equal(t, []ranking.GradeCount{
			{Grade: "xuat_sac", Name: "Hoàn thành xuất sắc nhiệm vụ", Members: []string{"A"}},
			{Grade: "tot", Name: "Hoàn thành tốt nhiệm vụ", Members: []string{"B", "D", "C"}},
			{Grade: "hoan_thanh", Name: "Hoàn thành nhiệm vụ", Members: []string{"G", "E"}},
			{Grade: "khong", Name: "Không hoàn thành nhiệm vụ", Members: []string{"F"}},
		}, st.Grades, "members in rank order within each band")
		// the flag needs xuất sắc: B (2nd) is passed over, and its second
		// place goes to nobody else graded xuất sắc
		require.Equal(t, []string{"A"}, st.Awards[0].Proposed)
		require.Contains(t, st.Awards[0].Skipped, ranking.Skip{Member: "B", Failed: nil, BelowGrade: true, Grade: "tot"},
			"B is passed over for its band, not for a condition of the flag")
		// the messages say why: more than half needed; G was not put to the vote
		b := row(t, st, "B")
		require.Contains(t, failures(b), "2/4 phiếu của thành viên cụm, cần trên 50%")
		for _, f := range b.Failed {
			require.False(t, f.NotPut, "B was put to the vote it failed (%s)", f.Condition)
		}
		require.Contains(t, failures(row(t, st, "G")), "không được đưa ra bỏ phiếu")
		for _, f := range row(t, st, "G").Failed {
			require.Equal(t, f.Condition == "phieu_tot" || f.Condition == "phieu_xs", f.NotPut, "%s: only the votes G was not put to are marked", f.Condition)
		}
	})
	t.Run("an upper bound keeps a member who failed the higher vote out of the band", func(t *testing.T) {
		st := mustRank(t, mustRulebook(t, gradedRulebook(t, true)), sheet())
		g := grade(st)
		require.Equal(t, "hoan_thanh", g["B"], "92 is not below 90: B cannot be tốt, and falls to hoàn thành")
		require.Equal(t, "tot", g["C"])
		require.Equal(t, "hoan_thanh", g["D"], "90 is not below 90 (strict)")
		require.Contains(t, failures(row(t, st, "D")), "tổng điểm 90, không dưới 90")
	})
	t.Run("a band does not depend on the order of the rows", func(t *testing.T) {
		rb := mustRulebook(t, gradedRulebook(t, false))
		sh := sheet()
		want := grade(mustRank(t, rb, sh))
		rev := sh.Clone()
		for i, j := 0, len(rev.Members)-1; i < j; i, j = i+1, j-1 {
			rev.Members[i], rev.Members[j] = rev.Members[j], rev.Members[i]
		}
		for i, j := 0, len(rev.Scores)-1; i < j; i, j = i+1, j-1 {
			rev.Scores[i], rev.Scores[j] = rev.Scores[j], rev.Scores[i]
		}
		require.Equal(t, want, grade(mustRank(t, rb, rev)))
	})
	t.Run("without grades no member is graded", func(t *testing.T) {
		rb := mustRulebook(t, "criteria:\n  - {id: \"1\", name: A, max: 50}\n")
		var sh scoring.Sheet
		scores(&sh, "A", []string{"1"}, "40")
		st := mustRank(t, rb, sh)
		require.Empty(t, st.Grades)
		require.Empty(t, st.Rows[0].Grade)
	})
}

// failures lists a row's failure messages in Vietnamese.
func failures(r ranking.Row) []string {
	var out []string
	for _, f := range r.Failed {
		out = append(out, f.Message.In(lang.Vietnamese))
	}
	return out
}
