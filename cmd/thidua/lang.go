package main

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// words holds the words of the CLI's tables in one language. Vietnamese is
// the default; --lang en selects English. JSON output has no labels. The
// engine's own sentences (decisions, eligibility failures) come from the
// lang package's catalogue.
type words struct {
	tag                                                    lang.Tag
	rank, member, total, percent, award, decidedBy         string
	proposals, nobody, notDecided, pending, skipped        string
	forfeited, ties, tieLine, lotsSeed, lotsRecorded       string
	failedTitle, divTitle, divTotal, divCriterion, divLine string
	rulebook, sheet, cluster                               string
	simHead, simPartial, simUnresolved, simNote, tied      string
}

var vi = words{
	tag: lang.Vietnamese, rank: "Hạng", member: "Đơn vị", total: "Tổng điểm", percent: "Tỷ lệ %", award: "Đề nghị khen thưởng", decidedBy: "Căn cứ xếp hạng",
	proposals:  "Đề nghị khen thưởng (Hội đồng Thi đua – Khen thưởng tỉnh xem xét, quyết định):",
	nobody:     "không có đơn vị",
	notDecided: "chưa xét: chờ phân định trường hợp bằng điểm ở %s",
	pending:    "%d suất CHỜ phân định giữa %s (bằng điểm chưa phân định)",
	skipped:    "    bỏ qua %s (không đạt %s)",
	forfeited:  "    không trao suất: %s không đạt %s",
	ties:       "Trường hợp bằng điểm chưa phân định:", tieLine: "  hạng %d: %s — bằng nhau theo mọi tiêu chí ưu tiên: %s",
	lotsSeed: "Bốc thăm với seed %d: %v", lotsRecorded: "Kết quả bốc thăm đã ghi nhận: %v",
	failedTitle: "Đơn vị chưa đạt điều kiện:", divTitle: "Điểm tự chấm chênh lệch với điểm được tính:",
	divTotal: "tổng điểm", divCriterion: "tiêu chí %s", divLine: "tự chấm %s, được tính %s (chênh %s > %s)",
	rulebook: "Bộ tiêu chí %s, phiên bản %s (%s)", sheet: "Bảng điểm %s", cluster: "Cụm thi đua",
	simHead:       "Mô phỏng Monte Carlo: %d kịch bản, seed %d, %s",
	simPartial:    "KẾT QUẢ DỞ DANG: dừng sau %d trên %d kịch bản",
	simUnresolved: "Kịch bản có bằng điểm chưa phân định: %s; có suất khen thưởng chờ phân định: %s",
	simNote:       "Cột khen thưởng: xác suất được đề nghị, kèm khoảng tin cậy 95%; — không lần nào.",
	tied:          "chưa phân định",
}

var en = words{
	tag: lang.English, rank: "Rank", member: "Member", total: "Total", percent: "Percent", award: "Award proposed", decidedBy: "Decided by",
	proposals:  "Award proposals (đề nghị — the provincial council decides):",
	nobody:     "nobody",
	notDecided: "not decided: waiting for the tie at %s to be resolved",
	pending:    "%d place(s) PENDING an unresolved tie between %s",
	skipped:    "    skipped %s (fails %s)",
	forfeited:  "    place not awarded: %s fails %s",
	ties:       "Unresolved ties:", tieLine: "  rank %d: %s — equal under every rule of the chain: %s",
	lotsSeed: "Lots drawn with seed %d: %v", lotsRecorded: "Lots from the recorded draw: %v",
	failedTitle: "Eligibility conditions not met:", divTitle: "Self-assessment diverges from the counted score:",
	divTotal: "total", divCriterion: "criterion %s", divLine: "self %s, counted %s (gap %s > %s)",
	rulebook: "Rulebook %s, version %s (%s)", sheet: "Sheet %s", cluster: "Cluster",
	simHead:       "Monte Carlo simulation: %d scenarios, seed %d, %s",
	simPartial:    "PARTIAL RESULT: stopped after %d of %d scenarios",
	simUnresolved: "Scenarios with an unresolved tie: %s; with an award left pending: %s",
	simNote:       "Award columns: probability of being proposed, with its 95% confidence interval; — never.",
	tied:          "unresolved",
}

func langOf(code string) (words, bool) {
	t, err := lang.Parse(code)
	if err != nil {
		return words{}, false
	}
	return wordsIn(t), true
}

func wordsIn(t lang.Tag) words {
	if t == lang.English {
		return en
	}
	return vi
}

// num writes a decimal with a decimal comma in Vietnamese.
func (l words) num(d decimal.Decimal) string { return l.tag.Decimal(d) }

// numText writes a number given in canonical form in the language.
func (l words) numText(s string) string { return l.tag.Number(s) }

// rule names a tie-break rule as the standings record it ("group I",
// "fewer_deductions", …).
func (l words) rule(r string) string { return l.tag.Rule(r) }
