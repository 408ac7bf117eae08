package lang

// amend2Texts are the sentences of a rulebook diff (package amend) about
// the parts added with real regulations: jurisdiction and legal basis per
// period, the awarding authority, the rank convention, named ballots,
// grading bands, an award's minimum band, strict and upper thresholds,
// and signed criteria's parameters. Names are the rulebook's own words.
var amend2Texts = map[string][2]string{
	"amend.jurisdiction":     {"Địa bàn, cơ quan áp dụng “{0}” → “{1}”", "Jurisdiction “{0}” → “{1}”"},
	"amend.regulation.title": {"Trích yếu văn bản quy định “{0}” → “{1}”", "Regulation title “{0}” → “{1}”"},

	"amend.legal.added":   {"Căn cứ pháp lý “{0}”: mới, áp dụng {p0}", "Legal basis “{0}”: added, applies {p0}"},
	"amend.legal.removed": {"Căn cứ pháp lý “{0}”: bị bỏ", "Legal basis “{0}”: removed"},
	"amend.legal.changed": {"Căn cứ pháp lý “{0}”: thời gian áp dụng {p0} → {p1}", "Legal basis “{0}”: applies {p0} → {p1}"},
	"amend.legal.always":  {"trong suốt thời gian hiệu lực của bộ tiêu chí", "whenever the rulebook is in force"},
	"amend.legal.period":  {"{0}", "{0}"},

	"amend.authority.council": {"Cơ quan xem xét, tham mưu: {p0} → {p1}", "Considered and advised by: {p0} → {p1}"},
	"amend.authority.decides": {"Người quyết định khen thưởng: {p0} → {p1}", "Decided by: {p0} → {p1}"},

	"amend.rank_convention":        {"Cách đánh số thứ hạng khi đồng hạng: {p0} → {p1}", "Shared ranks numbered: {p0} → {p1}"},
	"amend.convention.competition": {"1, 1, 3 (bỏ qua hạng kế tiếp)", "1, 1, 3 (competition)"},
	"amend.convention.dense":       {"1, 1, 2 (không bỏ hạng)", "1, 1, 2 (dense)"},

	"amend.ballot.added":   {"Cuộc bỏ phiếu “{0}”: mới", "Ballot “{0}”: added"},
	"amend.ballot.removed": {"Cuộc bỏ phiếu “{0}”: bị bỏ", "Ballot “{0}”: removed"},
	"amend.ballot.name":    {"Cuộc bỏ phiếu “{0}”: đổi tên thành “{1}”", "Ballot “{0}”: renamed “{1}”"},

	"amend.grade.added":            {"Mức xếp loại “{0}”: mới, không cần điều kiện", "Grade “{0}”: added, with no condition"},
	"amend.grade.added_requires":   {"Mức xếp loại “{0}”: mới, điều kiện {1}", "Grade “{0}”: added, requires {1}"},
	"amend.grade.removed":          {"Mức xếp loại “{0}”: bị bỏ", "Grade “{0}”: removed"},
	"amend.grade.name":             {"Mức xếp loại “{0}”: đổi tên thành “{1}”", "Grade “{0}”: renamed “{1}”"},
	"amend.grade.requires":         {"Mức xếp loại “{0}”: {parts}", "Grade “{0}”: {parts}"},
	"amend.grade.requires.added":   {"thêm điều kiện {0}", "adds the condition(s) {0}"},
	"amend.grade.requires.removed": {"bỏ điều kiện {0}", "drops the condition(s) {0}"},
	"amend.grades.order":           {"Thứ tự các mức xếp loại (từ cao xuống thấp): {0} → {1}", "Order of the grades (highest first): {0} → {1}"},
	"amend.award.min_grade":        {"{0}: mức xếp loại tối thiểu {1} → {2}", "{0}: lowest grade {1} → {2}"},

	"amend.test.min_total.strict":      {"tổng điểm trên {0:n}", "total above {0}"},
	"amend.test.max_total":             {"tổng điểm không quá {0:n}", "total at most {0}"},
	"amend.test.max_total.strict":      {"tổng điểm dưới {0:n}", "total below {0}"},
	"amend.test.min_percent.strict":    {"tỷ lệ điểm trên {0:n}%", "percentage above {0}%"},
	"amend.test.max_percent":           {"tỷ lệ điểm không quá {0:n}%", "percentage at most {0}%"},
	"amend.test.max_percent.strict":    {"tỷ lệ điểm dưới {0:n}%", "percentage below {0}%"},
	"amend.test.floor.strict":          {"mọi tiêu chí trên {0} điểm tối đa", "every criterion above {0} of its maximum"},
	"amend.test.floor_within.strict":   {"mọi tiêu chí của nhóm {1} trên {0} điểm tối đa", "every criterion of group {1} above {0} of its maximum"},
	"amend.test.group_min.strict":      {"nhóm {0} trên {1:n} điểm", "group {0} above {1}"},
	"amend.test.max_deductions.strict": {"bị trừ dưới {0:n} điểm", "deductions below {0}"},
	"amend.test.min_votes.strict":      {"được quá {0} số phiếu tính trên {p0}, tỷ lệ có mặt tối thiểu {1}", "more than {0} of the votes of {p0}, quorum {1}"},
	"amend.test.ballot":                {"{p0}, trong cuộc bỏ phiếu “{0}”", "{p0}, in the ballot “{0}”"},

	"amend.node.min":   {"{p0} {0}: điểm tối thiểu {1:n} → {2:n}", "{p0} {0}: minimum {1} → {2}"},
	"amend.node.side":  {"{p0} {0}: phần {p1} {p2} → {p3}", "{p0} {0}: {p1} side {p2} → {p3}"},
	"amend.side.plus":  {"cộng", "plus"},
	"amend.side.minus": {"trừ", "minus"},
	"amend.side.none":  {"không có", "none"},
	"amend.side.each":  {"{0:n} điểm mỗi lần", "{0} points each"},
	"amend.side.named": {"{0:n} điểm mỗi lần ({1})", "{0} points each ({1})"},
}
