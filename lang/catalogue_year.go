package lang

// yearTexts are the sentences of the packages about the cluster's year and
// the levels above: history, covenant, province and titles.
var yearTexts = map[string][2]string{
	// history: a unit's run of awards and the "not two years running"
	// check. {0} is an award tier's id, {1} a list of years.
	"history.run":       {"được {0} năm {1}", "{0} in {1}"},
	"history.run.none":  {"năm {1} không được {0}", "no {0} in {1}"},
	"history.violation": {"{0}: nếu được {1} năm {2} thì sẽ là {3} năm liên tiếp (đã được các năm {4}; chỉ được tối đa {5} năm liên tiếp)", "{0}: {1} in {2} would be {3} years running (received in {4}; at most {5} allowed)"},

	// covenant: how a value is projected to the year end, and what a
	// projection of the standings assumes.
	"covenant.projection.linear":    {"{0:n} × 12 ÷ {1} = {2:n} (làm tròn {p0})", "{0} × 12 ÷ {1} = {2} ({p0})"},
	"covenant.projection.held":      {"giữ nguyên giá trị đã đạt", "held"},
	"covenant.assume.no_ballot":     {"chưa có kết quả bỏ phiếu (việc bỏ phiếu diễn ra tại hội nghị tổng kết năm): {parts}", "no ballot before the year-end meeting: {parts}"},
	"covenant.assume.votes_met":     {"coi như đã đạt các điều kiện về số phiếu {0}", "the vote conditions {0} are assumed met"},
	"covenant.assume.no_more_votes": {"không áp dụng tiêu chí ưu tiên {0:rule}", "the tie-break {0} is skipped"},
	"covenant.assume.projected":     {"giá trị các tiêu chí của giao ước được dự kiến từ kết quả sơ kết {0} tháng", "values of the covenant's criteria projected from the report after {0} months"},

	// province: the Government-flag quota, "20% × 12 = 2,4 → 2 (làm
	// tròn xuống)"; {2} is "=" or "≈", {p0} the rounding mode.
	"province.quota":    {"{0:n} × {1} {2} {3:n} → {4} ({p0})", "{0} × {1} {2} {3} → {4} ({p0})"},
	"province.no_quota": {"không có chỉ tiêu", "no quota"},

	// titles: a cap on a title, "15% × 73 = 10,95 → 10 (làm tròn
	// xuống)", and a holder awarded a title without meeting a condition:
	// "{holder} ({name}): {title}: {condition} — {detail}".
	"titles.cap":                  {"{0:n} × {1} {2} {3:n} → {4} ({p0})", "{0} × {1} {2} {3} → {4} ({p0})"},
	"titles.cap.unchecked":        {"{0:n} số được tặng {1}: chưa kiểm tra (chưa rõ số lượng)", "{0} of {1}: not checked (number unknown)"},
	"titles.failure":              {"{p0} ({0}): {1}: {p1} — {p2}", "{p0} ({0}): {1}: {p1} — {p2}"},
	"titles.holder.person":        {"cá nhân {0}", "person {0}"},
	"titles.holder.collective":    {"tập thể {0}", "collective {0}"},
	"titles.condition.requires":   {"phải đạt {0}", "requires {0}"},
	"titles.condition.initiative": {"sáng kiến", "initiative"},
	"titles.condition.fact":       {"tiêu chuẩn {0}", "fact {0}"},
	"titles.condition.members":    {"tỷ lệ thành viên đạt {0}", "members_holding {0}"},
	"titles.fail.requires":        {"chưa đạt {0} trong cùng năm", "does not hold {0} the same year"},
	"titles.fail.initiative":      {"chưa có sáng kiến được công nhận", "no recognised initiative (sáng kiến) is recorded"},
	"titles.fail.fact_unstated":   {"chưa được xác định, và tiêu chuẩn không có giá trị mặc định", "not stated, and the fact has no default"},
	"titles.fail.fact_false":      {"không đạt", "is false"},
	"titles.fail.no_members":      {"chưa có danh sách thành viên của tập thể", "no members of the collective are listed"},
	"titles.fail.members":         {"{0}/{1} thành viên đạt {2}, cần {p0}", "{0} of {1} members hold {2}, {p0} needed"},
	"titles.need.at_least":        {"ít nhất {0:n}", "at least {0}"},
	"titles.need.more_than":       {"trên {0:n}", "more than {0}"},

	// Rounding modes, named in the quotas of titles and province and in
	// covenant projections. English keeps the rulebook's own words.
}
