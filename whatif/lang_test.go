package whatif_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// TestMessagesInBothLanguages writes every sentence of the package, with
// values as the package fills them, in Vietnamese and English. The table
// must name every "whatif." key the package's code uses.
func TestMessagesInBothLanguages(t *testing.T) {
	fail := lang.Msg("fail.votes.members", 3, 7, "80%")
	total := lang.Msg("fail.min_total", "88.75", "90")
	cases := []struct {
		msg    lang.Message
		vi, en string
	}{
		{lang.Msg("whatif.obstacle.fixed", "Được từ 80% thành viên cụm bỏ phiếu tán thành").With(fail),
			"Được từ 80% thành viên cụm bỏ phiếu tán thành: 3/7 phiếu của thành viên cụm, cần 80% — tăng điểm cũng không thay đổi được điều này",
			"Được từ 80% thành viên cụm bỏ phiếu tán thành: 3 votes of 7 members, 80% needed — no gain in scores changes this"},
		{lang.Msg("whatif.obstacle.condition", "Tổng điểm đạt từ 90 điểm trở lên").With(total),
			"Tổng điểm đạt từ 90 điểm trở lên: tổng điểm 88,75 dưới 90",
			"Tổng điểm đạt từ 90 điểm trở lên: total 88.75 is below 90"},
		{lang.Msg("whatif.obstacle.caps", "88.5").With(lang.Msg("whatif.caps.at_max"), lang.Msg("whatif.rank.tied", 2), lang.Msg("whatif.award.proposed", "merit")),
			"khi mọi tiêu chí có thể thay đổi đều đạt điểm tối đa: tổng điểm 88,5, hạng 2 (bằng điểm), được đề nghị merit",
			"with every criterion it can change at its maximum: total 88.5, rank 2 (tied), proposed for merit"},
		{lang.Msg("whatif.obstacle.caps", "76").With(lang.Msg("whatif.caps.all_at_max"), lang.Msg("whatif.rank", 7), lang.Msg("whatif.award.none")),
			"mọi tiêu chí có thể thay đổi đều đã đạt điểm tối đa: tổng điểm 76, hạng 7, không được đề nghị khen thưởng",
			"every criterion it can change is already at its maximum: total 76, rank 7, no award"},
		{lang.Msg("whatif.obstacle.band", "Hoàn thành xuất sắc nhiệm vụ").With(lang.Msg("whatif.obstacle.condition", "Không có tiêu chí nào dưới 85%").With(lang.Msg("fail.min_total", "88", "90"))),
			"mức xếp loại Hoàn thành xuất sắc nhiệm vụ — Không có tiêu chí nào dưới 85%: tổng điểm 88 dưới 90",
			"grading band Hoàn thành xuất sắc nhiệm vụ — Không có tiêu chí nào dưới 85%: total 88 is below 90"},
		{lang.Msg("whatif.obstacle.caps", "89").With(lang.Msg("whatif.caps.at_max"), lang.Msg("whatif.rank", 1), lang.Msg("whatif.grade.got", "Hoàn thành tốt nhiệm vụ")),
			"khi mọi tiêu chí có thể thay đổi đều đạt điểm tối đa: tổng điểm 89, hạng 1, xếp loại Hoàn thành tốt nhiệm vụ",
			"with every criterion it can change at its maximum: total 89, rank 1, graded Hoàn thành tốt nhiệm vụ"},
		{lang.Msg("whatif.obstacle.caps", "60").With(lang.Msg("whatif.caps.at_max"), lang.Msg("whatif.rank", 4), lang.Msg("whatif.grade.none")),
			"khi mọi tiêu chí có thể thay đổi đều đạt điểm tối đa: tổng điểm 60, hạng 4, không đạt mức xếp loại nào",
			"with every criterion it can change at its maximum: total 60, rank 4, graded in no band"},
		{lang.Msg("whatif.fixed.not_assigned"), "không được giao cho đơn vị", "not assigned to the member (không được giao)"},
		{lang.Msg("whatif.fixed.relative"), "chấm so với đơn vị dẫn đầu cụm: giữ nguyên giá trị hiện tại", "scored relative to the cluster's leader: held at its current value"},
		{lang.Msg("whatif.fixed.votes"), "quy đổi từ kết quả bỏ phiếu: giữ nguyên giá trị hiện tại", "converted from the ballot: held at its current value"},
		{lang.Msg("whatif.caveat.head_to_head"),
			"thứ tự ưu tiên khi bằng điểm có tiêu chí đối đầu (head_to_head), so sánh điểm các đơn vị chấm chéo cho nhau; mức tăng đã được kiểm tra với đúng thứ tự ưu tiên đó, nhưng việc tìm kiếm không chọn cách phân bổ có lợi nhất khi so sánh đối đầu",
			"the tie-break chain has head_to_head, which compares the peers' own scores; a gain is verified with the real chain, but the search does not seek the allocation that best wins head-to-head comparisons"},
		{lang.Msg("whatif.caveat.places"),
			"thang điểm đầu vào của các tiêu chí không có mẫu số chung nhỏ: mức công sức được so sánh đến 12 chữ số thập phân (mức tăng điểm vẫn chính xác)",
			"the criteria's input scales share no small common denominator: efforts were compared to 12 decimal places (the gain is exact)"},
		{lang.Msg("whatif.param.weight", "07"), "trọng số của 07", "weight of 07"},
		{lang.Msg("whatif.param.score", "SCT", "08"), "điểm của SCT ở tiêu chí 08", "score of SCT on 08"},
		{lang.Msg("whatif.range", "0.5", "60", "0.25"), "0,5 … 60, bước 0,25", "0.5 … 60 step 0.25"},
		{lang.Msg("whatif.outcome").With(
			lang.Msg("whatif.outcome.winner", "SCT = SXD"),
			lang.Msg("whatif.outcome.tier", "flag").With(lang.Msg("whatif.outcome.blocked")),
			lang.Msg("whatif.outcome.tier", "merit").With(lang.Msg("whatif.outcome.members", "SKHCN"), lang.Msg("whatif.outcome.pending", "SCT/SXD")),
			lang.Msg("whatif.outcome.tier", "khen").With(lang.Msg("whatif.outcome.nobody"))),
			"dẫn đầu: SCT = SXD; flag: chờ phân định bằng điểm ở hình thức trên; merit: SKHCN, chờ phân định SCT/SXD; khen: không có đơn vị",
			"winner SCT = SXD; flag blocked; merit SKHCN, pending SCT/SXD; khen nobody"},
		{lang.Msg("whatif.outcome").With(
			lang.Msg("whatif.outcome.winner", "M01"),
			lang.Msg("whatif.outcome.tier", "flag").With(lang.Msg("whatif.outcome.members", "M01")),
			lang.Msg("whatif.outcome.grade", "Hoàn thành xuất sắc").With(lang.Msg("whatif.outcome.members", "M01, M02")),
			lang.Msg("whatif.outcome.grade", "Không hoàn thành").With(lang.Msg("whatif.outcome.nobody"))),
			"dẫn đầu: M01; flag: M01; Hoàn thành xuất sắc: M01, M02; Không hoàn thành: không có đơn vị",
			"winner M01; flag M01; Hoàn thành xuất sắc M01, M02; Không hoàn thành nobody"},
		{lang.Msg("whatif.note.percent_weight"),
			"bộ tiêu chí so sánh tỷ lệ điểm, mà tỷ lệ này biến đổi theo trọng số như thương của hai hàm bậc nhất: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"the rulebook compares percentages, which vary with a weight as a ratio of two linear functions: break-evens are bracketed by the grid only"},
		{lang.Msg("whatif.note.relative"),
			"điểm của một tiêu chí chấm so với đơn vị dẫn đầu làm thay đổi đơn vị dẫn đầu, do đó thay đổi điểm của mọi đơn vị: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"a relative criterion's score moves the cluster's leader and so every member's points: break-evens are bracketed by the grid only"},
		{lang.Msg("whatif.note.unrankable", "test.yaml: criteria: weight too large"),
			"không xếp hạng được với trọng số 1 hoặc 2 (test.yaml: criteria: weight too large): các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"the rulebook cannot be ranked at weight 1 or 2 (test.yaml: criteria: weight too large): break-evens are bracketed by the grid only"},
		{lang.Msg("whatif.note.model_disagrees", "SCT", "total", "96.35", "1.5", "96.4"),
			"tại 1,5, theo mô hình chính xác tổng điểm của SCT là 96,35, còn khi xếp hạng thực tế là 96,4: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"the exact model gives SCT a total of 96.35 at 1.5, the engine 96.4: break-evens are bracketed by the grid only"},
		{lang.Msg("whatif.note.model_disagrees", "SCT", "percent", "1927/20", "1.5", "96.4"),
			"tại 1,5, theo mô hình chính xác tỷ lệ điểm của SCT là 1927/20, còn khi xếp hạng thực tế là 96,4: các ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"the exact model gives SCT a percent of 1927/20 at 1.5, the engine 96.4: break-evens are bracketed by the grid only"},
		{lang.Msg("whatif.note.no_event", "1.5", "2"),
			"giữa 1,5 và 2 kết quả thay đổi ở chỗ mô hình không thấy điểm biến đổi nào: ngưỡng chỉ khoanh được giữa hai giá trị khảo sát",
			"between 1.5 and 2 the outcome changes where the model sees no event: break-even bracketed by the grid"},
		{lang.Msg("whatif.breakeven.see_notes"), "chỉ khoanh được giữa hai giá trị khảo sát (xem phần ghi chú)", "located between two grid values only (see the notes)"},
		{lang.Msg("whatif.breakeven.too_many"),
			"giữa hai giá trị khảo sát có quá nhiều bước làm tròn để xét từng bước: chỉ khoanh được giữa hai giá trị đó",
			"too many rounding steps between the grid values to examine one by one: located between them only"},
		{lang.Msg("whatif.breakeven.not_finite"),
			"ngưỡng không viết được thành số thập phân hữu hạn: mọi giá trị lớn hơn ngưỡng, ở sát ngưỡng, đều cho kết quả mới",
			"the break-even has no finite decimal expansion: every value above it gives the new outcome near it"},
		{lang.Msg("whatif.breakeven.grid"), "chỉ khoanh được giữa hai giá trị khảo sát", "located between two grid values only"},
		{lang.Msg("whatif.breakeven.whole"), "điểm chỉ nhận giá trị nguyên", "the score takes whole values only"},
		{lang.Msg("whatif.edit.set_score", "SCT", "03", "cluster", "18.5"), "SCT: tiêu chí 03, giai đoạn chấm cluster: đặt thành 18,5", "SCT: 03 at stage cluster set to 18.5"},
		{lang.Msg("whatif.edit.set_score_by", "SCT", "08", "cluster", "7.5", "SXD"),
			"SCT: tiêu chí 08, giai đoạn chấm cluster, người chấm SXD: đặt thành 7,5", "SCT: 08 at stage cluster by SXD set to 7.5"},
		{lang.Msg("whatif.edit.add_deduction", "SCT", 2, "vang_hop"), "SCT: thêm 2 lần điểm trừ vang_hop", "SCT: add 2 × deduction vang_hop"},
		{lang.Msg("whatif.edit.remove_deduction", "SGTVT", 1, "bao_cao_muon"), "SGTVT: bỏ 1 lần điểm trừ bao_cao_muon", "SGTVT: remove 1 × deduction bao_cao_muon"},
		{lang.Msg("whatif.edit.remove_deductions", "SGTVT", "bao_cao_muon"), "SGTVT: bỏ mọi lần điểm trừ bao_cao_muon", "SGTVT: remove every deduction bao_cao_muon"},
		{lang.Msg("whatif.edit.add_bonus", "SXD", 1, "co_tinh"), "SXD: thêm 1 lần điểm thưởng co_tinh", "SXD: add 1 × bonus co_tinh"},
		{lang.Msg("whatif.edit.remove_bonus", "SXD", 1, "co_tinh"), "SXD: bỏ 1 lần điểm thưởng co_tinh", "SXD: remove 1 × bonus co_tinh"},
		{lang.Msg("whatif.edit.remove_bonuses", "SXD", "co_tinh"), "SXD: bỏ mọi lần điểm thưởng co_tinh", "SXD: remove every bonus co_tinh"},
		{lang.Msg("whatif.edit.noted", "quý II, quý III").With(lang.Msg("whatif.edit.add_deduction", "SCT", 2, "vang_hop")),
			"SCT: thêm 2 lần điểm trừ vang_hop (quý II, quý III)", "SCT: add 2 × deduction vang_hop (quý II, quý III)"},
		{lang.Msg("whatif.edit.set_fact_true", "SCT", "khong_ky_luat"), "SCT: ghi nhận khong_ky_luat là đúng", "SCT: fact khong_ky_luat set to true"},
		{lang.Msg("whatif.edit.set_fact_false", "SCT", "khong_ky_luat"), "SCT: ghi nhận khong_ky_luat là sai", "SCT: fact khong_ky_luat set to false"},
		{lang.Msg("whatif.edit.drop_member", "TTT"), "TTT: đưa ra khỏi cụm", "TTT: dropped from the cluster"},
		{lang.Msg("whatif.edit.add_votes", "SXD", "+1", "-1", "+0"),
			"SXD: phiếu tán thành +1, không tán thành -1, không biểu quyết +0", "SXD: votes +1 for, -1 against, +0 abstaining"},
		{lang.Msg("whatif.edit.none"), "(không có thay đổi)", "(no edit)"},
		{lang.Msg("whatif.diff.member").With(lang.Msg("whatif.diff.moved", "SCT", "1", "2=", "96.35", "94.35"), lang.Msg("whatif.diff.gains", "merit"), lang.Msg("whatif.diff.loses", "flag")),
			"SCT: hạng 1 → 2=, tổng điểm 96,35 → 94,35, nay được đề nghị merit, không còn được đề nghị flag",
			"SCT: rank 1 → 2=, total 96.35 → 94.35, gains merit, loses flag"},
		{lang.Msg("whatif.diff.member").With(lang.Msg("whatif.diff.dropped", "SKHCN", "2", "94.7")),
			"SKHCN: đã đưa ra khỏi cụm (trước đó hạng 2, tổng điểm 94,7)", "SKHCN: dropped (was rank 2, total 94.7)"},
	}
	tested := map[string]bool{}
	var mark func(m lang.Message)
	mark = func(m lang.Message) {
		tested[m.Key] = true
		for _, p := range m.Parts {
			mark(p)
		}
	}
	for _, c := range cases {
		mark(c.msg)
		require.Equal(t, c.vi, c.msg.In(lang.Vietnamese), c.msg.Key)
		require.Equal(t, c.en, c.msg.In(lang.English), c.msg.Key)
	}
	for _, k := range packageKeys(t) {
		if strings.HasPrefix(k, "whatif.err.") || strings.HasPrefix(k, "whatif.report.") {
			continue // the problems' keys: errors_test.go; the reports' words: report_test.go
		}
		require.True(t, tested[k], "key %q has no case in the table", k)
	}
}

// packageKeys lists the "whatif." strings of the package's code.
func packageKeys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && strings.HasPrefix(s, "whatif.") {
					require.True(t, lang.Known(s), "%s: %q is not in the catalogue", fset.Position(lit.Pos()), s)
					seen[s] = true
				}
			}
			return true
		})
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	require.NotEmpty(t, keys)
	return keys
}

// written checks one sentence the package produced: its English string is
// its message in English, and the message writes out fully in both
// languages.
func written(t *testing.T, english string, m lang.Message) {
	t.Helper()
	require.False(t, m.IsZero(), "no message beside %q", english)
	require.Equal(t, english, m.In(lang.English))
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		s := m.In(tag)
		require.NotContains(t, s, "‹", "%s: a key is missing from the catalogue", s)
		require.NotRegexp(t, `\{[^{}]*\}`, s, "%s: a placeholder is left", s)
	}
}

// TestEnglishStringsAreTheirMessages runs the package on the examples and
// checks that every sentence it returns is a message the catalogue writes
// completely in both languages.
func TestEnglishStringsAreTheirMessages(t *testing.T) {
	rb, sh := cum2(t)
	results := []*whatif.Result{}
	for _, m := range []string{"SCT", "SKHCN", "SXD", "STNMT", "SGTVT", "SNNPTNT", "TTT"} {
		for _, target := range []whatif.Target{whatif.AwardTarget("flag"), whatif.AwardTarget("merit"), whatif.RankTarget(1)} {
			res, err := whatif.Reach(context.Background(), rb, sh, m, target)
			require.NoError(t, err)
			results = append(results, res)
		}
	}
	// A relative criterion held fixed and every criterion at its maximum.
	rel := mustRulebook(t, `
criteria:
  - id: I
    name: Group
    children:
      - {id: a, name: A, max: 4}
      - {id: r, name: Relative, max: 4, method: relative, target: 2}
eligibility:
  - {id: floor, reason: No criterion below 90%, criterion_floor: {share: 90%}}
awards:
  - {id: flag, name: Flag, count: 2, requires: [floor]}
`)
	relSheet := scoring.Sheet{Members: members("A", "B"), Scores: []scoring.Entry{
		cl("A", "a", "4"), cl("A", "r", "4"), cl("B", "a", "1"), cl("B", "r", "1"),
	}}
	for _, target := range []whatif.Target{whatif.RankTarget(1), whatif.AwardTarget("flag")} {
		res, err := whatif.Reach(context.Background(), rel, relSheet, "B", target)
		require.NoError(t, err)
		results = append(results, res)
	}
	kinds := map[string]bool{}
	for _, res := range results {
		for _, c := range res.Caveats {
			written(t, c.In(lang.English), c)
		}
		for _, o := range res.Obstacles {
			written(t, o.Detail.In(lang.English), o.Detail)
			require.Equal(t, o.Detail.In(lang.Vietnamese), o.Text(lang.Vietnamese))
			kinds[o.Detail.Key] = true
		}
		for _, f := range res.Fixed {
			written(t, f.Reason.In(lang.English), f.Reason)
			kinds[f.Reason.Key] = true
		}
	}
	require.True(t, kinds["whatif.obstacle.fixed"] && kinds["whatif.obstacle.caps"] && kinds["whatif.obstacle.condition"] && kinds["whatif.fixed.relative"], "%v", kinds)

	sweeps := []struct {
		p    whatif.Parameter
		r    whatif.Range
		rb   *rules.Rulebook
		note string // a break-even note the sweep must give
	}{
		{whatif.WeightOf("07"), whatif.Range{From: d("0.5"), To: d("60"), Step: d("0.5")}, rb, "whatif.breakeven.not_finite"},
		{whatif.ScoreOf("SCT", "08"), whatif.Range{From: d("7"), To: d("10"), Step: d("0.5")}, rb, ""},
		{whatif.ScoreOf("SCT", "02"), whatif.Range{From: d("0"), To: d("4"), Step: d("2")}, rb, "whatif.breakeven.whole"},
	}
	for _, sw := range sweeps {
		res, err := whatif.Sensitivity(context.Background(), sw.rb, sh, sw.p, sw.r)
		require.NoError(t, err)
		written(t, res.Parameter.String(), res.Parameter.Message())
		written(t, res.Range.String(), res.Range.Message())
		written(t, res.Baseline.String(), res.Baseline.Message())
		for _, n := range res.Notes {
			written(t, n.In(lang.English), n)
		}
		notes := map[string]bool{}
		for _, b := range res.BreakEvens {
			written(t, b.Below.String(), b.Below.Message())
			written(t, b.Above.String(), b.Above.Message())
			if !b.Note.IsZero() {
				written(t, b.Note.In(lang.English), b.Note)
				notes[b.Note.Key] = true
			}
		}
		for _, p := range res.Points {
			written(t, p.Outcome.String(), p.Outcome.Message())
		}
		if sw.note != "" {
			require.True(t, notes[sw.note], "%s: no %s note in %v", sw.p, sw.note, notes)
		}
	}

	sc, err := whatif.ParseScenario("kinds.yaml", []byte(`
edits:
  - set_score: {member: STNMT, criterion: "03", stage: cluster, value: 19.5}
  - set_score: {member: STNMT, criterion: "08", stage: cluster, assessor: SGTVT, value: 9.5}
  - add_bonus: {member: STNMT, item: co_tinh, count: 2, note: Cờ thi đua năm 2019}
  - remove_bonus: {member: STNMT, item: co_tinh, count: 1}
  - remove_deduction: {member: SGTVT, item: bao_cao_muon}
  - add_deduction: {member: SKHCN, item: bao_cao_muon, count: 3}
  - remove_deduction: {member: SKHCN, item: bao_cao_muon, count: 1}
  - set_fact: {member: SXD, fact: khong_ky_luat, value: false}
  - set_fact: {member: SCT, fact: khong_ky_luat, value: true}
  - add_votes: {member: STNMT, for: 1}
  - drop_member: {member: TTT, note: sáp nhập}
`))
	require.NoError(t, err)
	sc.Edits = append(sc.Edits, whatif.Edit{})
	for _, e := range sc.Edits {
		written(t, e.String(), e.Message())
	}
	sc.Edits = sc.Edits[:len(sc.Edits)-1]
	after, err := sc.Apply(rb, sh)
	require.NoError(t, err)
	st0, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	st1, err := ranking.Rank(rb, after)
	require.NoError(t, err)
	diff := whatif.Compare(st0, st1)
	for _, m := range diff.Members {
		written(t, m.String(), m.Message())
	}
	require.Equal(t, "TTT: đã đưa ra khỏi cụm (trước đó hạng 7, tổng điểm 76)", diff.Members[len(diff.Members)-1].Text(lang.Vietnamese))
}

// TestTextsInVietnamese pins a few sentences as the package writes them for
// the bundled example.
func TestTextsInVietnamese(t *testing.T) {
	rb, sh := cum2(t)
	res, err := whatif.Reach(context.Background(), rb, sh, "SNNPTNT", whatif.AwardTarget("flag"))
	require.NoError(t, err)
	require.Len(t, res.Obstacles, 1)
	require.Equal(t, "Được từ 80% thành viên cụm bỏ phiếu tán thành: 3/7 phiếu của thành viên cụm, cần 80% — tăng điểm cũng không thay đổi được điều này",
		res.Obstacles[0].Text(lang.Vietnamese))

	sr, err := whatif.Sensitivity(context.Background(), rb, sh, whatif.WeightOf("07"), whatif.Range{From: d("0.5"), To: d("2"), Step: d("0.5")})
	require.NoError(t, err)
	require.Equal(t, "trọng số của 07", sr.Parameter.Text(lang.Vietnamese))
	require.Equal(t, "0,5 … 2, bước 0,5", sr.Range.Text(lang.Vietnamese))
	require.Equal(t, "dẫn đầu: SCT; flag: SCT; merit: SKHCN, SXD", sr.Baseline.Text(lang.Vietnamese))
	require.Equal(t, "winner SCT; flag SCT; merit SKHCN, SXD", sr.Baseline.Text(lang.English))
	require.Equal(t, "ngưỡng không viết được thành số thập phân hữu hạn: mọi giá trị lớn hơn ngưỡng, ở sát ngưỡng, đều cho kết quả mới", sr.BreakEvens[0].NoteIn(lang.Vietnamese))

	sc, err := whatif.LoadScenario("../examples/cum2/scenario-deduction.yaml")
	require.NoError(t, err)
	require.Equal(t, "SCT: thêm 2 lần điểm trừ vang_hop (Vắng họp cụm quý II, quý III không có lý do)", sc.Edits[0].Text(lang.Vietnamese))
}
