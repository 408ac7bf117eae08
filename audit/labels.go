package audit

import "github.com/thidua/thidua/lang"

// labels are the words of the reports in one language: titles, column
// heads, severities, kinds, categories and statuses. The sentences of the
// findings and verdicts are in the lang catalogue; these are the report's
// own labels. The English labels are those reports have always had, so
// that English output does not change; the kinds, severities and statuses
// are written in English by their names in JSON.
type labels struct {
	Tag                                            lang.Tag
	Audit, Cluster, Clean, NotClean, Review, Intro string
	Input, File, Hash                              string
	Rulebook, InForce, Sheet, Recorded             string
	Findings, None, NoFinding                      string
	FindingHeads                                   [9]string
	Members                                        string
	MemberHeads                                    [9]string
	Batch, BatchIntro, Malformed, Summary          string
	SummaryHeads                                   [7]string
	KindHeads                                      [3]string
}

var labelsEn = labels{
	Tag:   lang.English,
	Audit: "Audit", Cluster: "Cluster", Clean: "Clean", NotClean: "Not clean", Review: "To review",
	Intro: "Does the result recorded in the minutes follow from the score sheet and the rulebook in force? Report %s, by thidua.",
	Input: "Input", File: "File", Hash: "Content hash",
	Rulebook: "Rulebook %s, version %s", InForce: " (in force %s)", Sheet: "Score sheet", Recorded: "Recorded result (biên bản)",
	Findings: "Findings: %s, %s, %s", None: "None.", NoFinding: "No finding.",
	FindingHeads: [9]string{"#", "Severity", "Kind", "Member", "Rule / criterion", "Recorded", "Recomputed", "Finding", "Where"},
	Members:      "Recorded and recomputed, member by member",
	MemberHeads:  [9]string{"Member", "Rank (recorded)", "Rank (recomputed)", "Total (recorded)", "Total (recomputed)", "Awards (recorded)", "Awards (recomputed)", "Decided by", "Status"},
	Batch:        "Batch audit", BatchIntro: "One section per cluster-year folder, in folder order; the summary is at the end.",
	Malformed: "Malformed cluster folder", Summary: "Summary",
	SummaryHeads: [7]string{"Clusters", "Clean", "With errors", "Malformed", "Errors", "Warnings", "Infos"},
	KindHeads:    [3]string{"Kind", "Category", "Findings"},
}

var labelsVi = labels{
	Tag:   lang.Vietnamese,
	Audit: "Kiểm tra kết quả bình xét", Cluster: "Cụm thi đua", Clean: "Đạt", NotClean: "Không đạt", Review: "Cần xem xét",
	Intro: "Kết quả ghi trong biên bản có đúng với bảng điểm và bộ tiêu chí có hiệu lực không? Báo cáo %s, lập bằng thidua.",
	Input: "Tài liệu", File: "Tệp", Hash: "Mã băm nội dung",
	Rulebook: "Bộ tiêu chí %s, phiên bản %s", InForce: " (có hiệu lực %s)", Sheet: "Bảng điểm", Recorded: "Biên bản (kết quả đã công bố)",
	Findings: "Phát hiện: %s, %s, %s", None: "Không có.", NoFinding: "Không có phát hiện nào.",
	FindingHeads: [9]string{"STT", "Mức độ", "Loại", "Đơn vị", "Quy tắc / tiêu chí", "Biên bản ghi", "Tính lại", "Nội dung", "Vị trí"},
	Members:      "Đối chiếu biên bản với kết quả tính lại, từng đơn vị",
	MemberHeads:  [9]string{"Đơn vị", "Hạng (biên bản)", "Hạng (tính lại)", "Tổng điểm (biên bản)", "Tổng điểm (tính lại)", "Khen thưởng (biên bản)", "Khen thưởng (tính lại)", "Căn cứ xếp hạng", "Tình trạng"},
	Batch:        "Kiểm tra hàng loạt", BatchIntro: "Mỗi thư mục cụm – năm một mục, theo thứ tự thư mục; phần tổng hợp ở cuối.",
	Malformed: "Thư mục cụm không hợp lệ", Summary: "Tổng hợp",
	SummaryHeads: [7]string{"Số cụm", "Đạt", "Có lỗi", "Không hợp lệ", "Lỗi", "Cảnh báo", "Thông tin"},
	KindHeads:    [3]string{"Loại", "Nhóm", "Số phát hiện"},
}

func labelsIn(t lang.Tag) labels {
	if t == lang.English {
		return labelsEn
	}
	return labelsVi
}

// Label names the severity in the language: "lỗi", "cảnh báo", "thông
// tin"; in English by its name ("error").
func (s Severity) Label(t lang.Tag) string {
	switch s {
	case Error:
		return t.Pick("lỗi", string(s))
	case Warning:
		return t.Pick("cảnh báo", string(s))
	case Info:
		return t.Pick("thông tin", string(s))
	}
	return string(s)
}

var kindLabels = map[Kind]string{
	KindSum:                 "cộng sai",
	KindCap:                 "vượt điểm tối đa",
	KindRounding:            "làm tròn sai",
	KindValue:               "số liệu không khớp",
	KindOrder:               "sai thứ hạng",
	KindTieBreakNotInChain:  "căn cứ phân định ngoài quy định",
	KindTieBreakMismatch:    "căn cứ phân định không đúng",
	KindUnexplainedTie:      "bằng điểm không ghi căn cứ",
	KindIneligible:          "không đủ điều kiện khen thưởng",
	KindQuota:               "vượt số lượng khen thưởng",
	KindVotes:               "không đủ số phiếu",
	KindSkipped:             "bỏ qua đơn vị đủ điều kiện",
	KindMissingFromSheet:    "không có trong bảng điểm",
	KindMissingFromRecorded: "không có trong biên bản",
	KindUnknownCriterion:    "tiêu chí không có trong quy định",
	KindUnknownAward:        "hình thức khen thưởng không có trong quy định",
	KindNotInForce:          "quy định không có hiệu lực",
	KindIdentity:            "không khớp cụm, năm hoặc quy định",
	KindSheet:               "lỗi bảng điểm",
	KindNotRecomputed:       "không tính lại được",
	KindExcluded:            "loại khỏi phần tính lại",
	// Change control, and a sealed record's checks (control.go).
	KindRulebookConflict:  "hai bộ tiêu chí cho một cụm, một thời kỳ",
	KindRulebookNotSealed: "bộ tiêu chí khác bộ đã niêm phong",
	KindRulebookLate:      "bộ tiêu chí ban hành sau kỳ chấm điểm",
	KindRecordTampered:    "hồ sơ niêm phong bị sửa",
	KindRecordRulebook:    "hồ sơ niêm phong ghi bộ tiêu chí khác",
	KindRecordSheet:       "bảng điểm khác bảng đã niêm phong",
	KindRecordResult:      "kết quả khác kết quả đã niêm phong",
	KindRecordKey:         "chữ ký hồ sơ niêm phong",
	KindRecordChecked:     "kiểm tra hồ sơ niêm phong",
}

// Label names the kind in the language: "cộng sai", "sai thứ hạng"; in
// English by its name ("sum", "order"), as JSON writes it. A kind this
// version does not know is written as it is.
func (k Kind) Label(t lang.Tag) string {
	if l, ok := kindLabels[k]; ok && t == lang.Vietnamese {
		return l
	}
	return string(k)
}

// categoryLabel names a category ("arithmetic", …) in the language.
func categoryLabel(c string, t lang.Tag) string {
	vi, ok := map[string]string{"arithmetic": "tính điểm", "ranking": "xếp hạng", "awards": "khen thưởng", "data": "dữ liệu"}[c]
	if !ok {
		return c
	}
	return t.Pick(vi, c)
}

// statusLabel names a comparison's status ("ok", "differs", …) in the
// language.
func statusLabel(s string, t lang.Tag) string {
	vi, ok := map[string]string{
		"ok":             "khớp",
		"differs":        "không khớp",
		"see findings":   "xem phát hiện",
		"excluded":       "loại khỏi phần tính lại",
		"not recomputed": "không tính lại được",
		"not in sheet":   "không có trong bảng điểm",
		"not in minutes": "không có trong biên bản",
	}[s]
	if !ok {
		return s
	}
	return t.Pick(vi, s)
}

// criterionWords are the words a finding's criterion may be instead of an
// id of the rulebook.
var criterionWords = map[string]string{
	"total":      "tổng điểm",
	"percent":    "tỷ lệ điểm",
	"bonus":      "điểm thưởng",
	"deductions": "điểm trừ",
}

// identityWords are the criteria of identity findings: what the minutes
// and the sheet disagree on.
var identityWords = map[string]string{
	"year":     "năm",
	"cluster":  "tên cụm",
	"rulebook": "bộ tiêu chí",
	"version":  "phiên bản bộ tiêu chí",
}

// ballotWords are the criteria of findings about the ballot.
var ballotWords = map[string]string{
	"entitled to vote": "số thành viên có quyền bỏ phiếu",
	"present":          "số thành viên có mặt",
}

// ruleOrCriterionIn writes a finding's rule and criterion for the report's
// column: ids of the rulebook as they are; the audit's own words ("total",
// "ballot") and tie-break rules in the language.
func ruleOrCriterionIn(f Finding, t lang.Tag) string {
	if t == lang.English {
		return ruleOrCriterion(f)
	}
	rule, crit := f.Rule, f.Criterion
	words := criterionWords
	switch {
	case f.Kind == KindTieBreakMismatch || f.Kind == KindTieBreakNotInChain:
		rule = t.Rule(rule)
	case f.Kind == KindIdentity:
		words = identityWords
	case f.Kind == KindValue && rule == "ballot":
		rule, words = "bỏ phiếu", ballotWords
	case f.Kind == KindValue && rule == "votes":
		rule = "số phiếu tán thành"
	}
	if w, ok := words[crit]; ok {
		crit = w
	}
	return ruleOrCriterion(Finding{Rule: rule, Criterion: crit})
}
