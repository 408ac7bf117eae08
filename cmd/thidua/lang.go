package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// lang holds the words of the CLI's tables in one language. Vietnamese is
// the default; --lang en selects English. JSON output has no labels.
type lang struct {
	code                                                   string
	rank, member, total, percent, award, decidedBy         string
	proposals, nobody, notDecided, pending, skipped        string
	forfeited, ties, tieLine, lotsSeed, lotsRecorded       string
	failedTitle, divTitle, divTotal, divCriterion, divLine string
	rulebook, sheet, unresolvedWith, cluster               string
	simHead, simPartial, simUnresolved, simNote, tied      string
}

var vi = lang{
	code: "vi", rank: "Hạng", member: "Đơn vị", total: "Tổng điểm", percent: "Tỷ lệ %", award: "Đề nghị khen thưởng", decidedBy: "Căn cứ xếp hạng",
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
	rulebook: "Bộ tiêu chí %s, phiên bản %s (%s)", sheet: "Bảng điểm %s", unresolvedWith: "BẰNG ĐIỂM, chưa phân định với %s", cluster: "Cụm thi đua",
	simHead:       "Mô phỏng Monte Carlo: %d kịch bản, seed %d, %s",
	simPartial:    "KẾT QUẢ DỞ DANG: dừng sau %d trên %d kịch bản",
	simUnresolved: "Kịch bản có bằng điểm chưa phân định: %s; có suất khen thưởng chờ phân định: %s",
	simNote:       "Cột khen thưởng: xác suất được đề nghị, kèm khoảng tin cậy 95%; — không lần nào.",
	tied:          "chưa phân định",
}

var en = lang{
	code: "en", rank: "Rank", member: "Member", total: "Total", percent: "Percent", award: "Award proposed", decidedBy: "Decided by",
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
	rulebook: "Rulebook %s, version %s (%s)", sheet: "Sheet %s", unresolvedWith: "UNRESOLVED tie with %s", cluster: "Cluster",
	simHead:       "Monte Carlo simulation: %d scenarios, seed %d, %s",
	simPartial:    "PARTIAL RESULT: stopped after %d of %d scenarios",
	simUnresolved: "Scenarios with an unresolved tie: %s; with an award left pending: %s",
	simNote:       "Award columns: probability of being proposed, with its 95% confidence interval; — never.",
	tied:          "unresolved",
}

func langOf(code string) (lang, bool) {
	switch code {
	case "", "vi":
		return vi, true
	case "en":
		return en, true
	}
	return lang{}, false
}

// num writes a decimal with a decimal comma in Vietnamese.
func (l lang) num(d decimal.Decimal) string { return l.numText(d.String()) }

func (l lang) numText(s string) string {
	if l.code == "vi" {
		return decimalCommas.ReplaceAllString(s, "$1,$2")
	}
	return s
}

// rule names a tie-break rule as the standings record it ("group I",
// "fewer_deductions", …).
func (l lang) rule(r string) string {
	if l.code != "vi" {
		return r
	}
	kind, ref, _ := strings.Cut(r, " ")
	names := map[string]string{
		"total": "tổng điểm", "percent": "tỷ lệ điểm", "group": "nhóm", "criterion": "tiêu chí",
		"fewer_deductions": "ít điểm trừ hơn", "more_bonus": "nhiều điểm thưởng hơn", "more_votes": "nhiều phiếu hơn",
		"head_to_head": "đối đầu (điểm chấm chéo)", "no_award_last_year": "năm trước chưa được khen", "lots": "bốc thăm",
	}
	if n, ok := names[kind]; ok {
		return strings.TrimSpace(n + " " + ref)
	}
	return r
}

var (
	plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?%?$`)
	valueForms  = []struct {
		re *regexp.Regexp
		vi string
	}{
		{regexp.MustCompile(`^(\d+) votes?$`), "$1 phiếu"},
		{regexp.MustCompile(`^(-?[0-9.]+) deducted$`), "trừ $1"},
		{regexp.MustCompile(`^no award in (\d+)$`), "năm $1 không được khen"},
		{regexp.MustCompile(`^(\S+) in (\d+)$`), "năm $2 được $1"},
		{regexp.MustCompile(`^drawn (\d+) \(seed (\d+)\)$`), "bốc thăm thứ $1 (seed $2)"},
		{regexp.MustCompile(`^drawn (\d+)$`), "bốc thăm thứ $1"},
		{regexp.MustCompile(`^beats (\d+) of (\d+) tied rivals head-to-head.*$`), "thắng $1/$2 đơn vị bằng điểm khi đối đầu"},
	}
)

// value renders a rule's value as the standings record it.
func (l lang) value(v string) string {
	if l.code != "vi" {
		return v
	}
	if plainNumber.MatchString(v) {
		return l.numText(v)
	}
	for _, f := range valueForms {
		if f.re.MatchString(v) {
			return l.numText(f.re.ReplaceAllString(v, f.vi))
		}
	}
	return v
}

func (l lang) decided(upper, rule, lowerValue, upperValue string) string {
	return fmt.Sprintf("%s: %s < %s (%s)", l.rule(rule), l.value(lowerValue), l.value(upperValue), upper)
}

var detailForms = []struct {
	re *regexp.Regexp
	vi string
}{
	{regexp.MustCompile(`^total (\S+) is below (\S+)$`), "tổng điểm $1 dưới $2"},
	{regexp.MustCompile(`^(\S+)% of the attainable maximum is below (\S+)%$`), "đạt $1% số điểm được giao, dưới $2%"},
	{regexp.MustCompile(`^below (\S+) of the maximum: (.*)$`), "dưới $1 số điểm tối đa: $2"},
	{regexp.MustCompile(`(\S+) has (\S+) of (\S+)`), "$1 đạt $2/$3"},
	{regexp.MustCompile(`^(\S+) has (\S+) points, below (\S+)$`), "$1 đạt $2 điểm, dưới $3"},
	{regexp.MustCompile(`^not met: (.*)$`), "chưa đạt: $1"},
	{regexp.MustCompile(`^(\S+) in (.+) \((\d+) years running; at most (\d+)\)$`), "đã được $1 các năm $2 ($3 năm liên tiếp; tối đa $4)"},
	{regexp.MustCompile(`^(\S+) points deducted, more than (\S+)$`), "bị trừ $1 điểm, quá $2"},
	{regexp.MustCompile(`^no ballot recorded$`), "chưa có kết quả bỏ phiếu"},
	{regexp.MustCompile(`^no quorum: (\d+) of (\d+) present, (\S+) needed$`), "không đủ số thành viên dự họp: $1/$2, cần $3"},
	{regexp.MustCompile(`^(\d+) votes? of (\d+) members, (\S+) needed$`), "$1/$2 phiếu của thành viên cụm, cần $3"},
	{regexp.MustCompile(`^(\d+) votes? of (\d+) present, (\S+) needed$`), "$1/$2 phiếu của thành viên dự họp, cần $3"},
}

// detail renders an eligibility failure's details (the engine writes them
// in English).
func (l lang) detail(d string) string {
	if l.code != "vi" {
		return d
	}
	for _, f := range detailForms {
		d = f.re.ReplaceAllString(d, f.vi)
	}
	return decimalCommas.ReplaceAllString(d, "$1,$2")
}

var decimalCommas = regexp.MustCompile(`(\d)\.(\d)`)
