package lang

// rankingTexts are the sentences of package ranking: eligibility failures,
// members' values under tie-break rules, decisions and ties.
var rankingTexts = map[string][2]string{
	// Eligibility failures: the member's values against the condition's.
	"fail.min_total":       {"tổng điểm {0:n} dưới {1:n}", "total {0} is below {1}"},
	"fail.min_percent":     {"đạt {0:n}% số điểm được giao, dưới {1:n}%", "{0}% of the attainable maximum is below {1}%"},
	"fail.floor":           {"dưới {0:n} số điểm tối đa: {parts}", "below {0} of the maximum: {parts}"},
	"fail.floor.item":      {"{0} đạt {1:n}/{2:n}", "{0} has {1} of {2}"},
	"fail.group_min":       {"{0} đạt {1:n} điểm, dưới {2:n}", "{0} has {1} points, below {2}"},
	"fail.fact":            {"chưa đạt: {0}", "not met: {0}"},
	"fail.max_deductions":  {"bị trừ {0:n} điểm, quá {1:n}", "{0} points deducted, more than {1}"},
	"fail.max_consecutive": {"đã được {0} các năm {1} ({2} năm liên tiếp; tối đa {3})", "{0} in {1} ({2} years running; at most {3})"},
	"fail.no_ballot":       {"chưa có kết quả bỏ phiếu", "no ballot recorded"},
	"fail.quorum":          {"không đủ số thành viên dự họp: {0}/{1}, cần {2:n}", "no quorum: {0} of {1} present, {2} needed"},
	"fail.votes.members":   {"{0}/{1} phiếu của thành viên cụm, cần {2:n}", "{0} votes of {1} members, {2} needed"},
	"fail.votes.present":   {"{0}/{1} phiếu của thành viên dự họp, cần {2:n}", "{0} votes of {1} present, {2} needed"},

	// A member's value under a tie-break rule.
	"value.number":       {"{0:n}", "{0}"},
	"value.percent":      {"{0:n}%", "{0}%"},
	"value.deducted":     {"trừ {0:n}", "{0} deducted"},
	"value.vote":         {"{0} phiếu", "{0} vote"},
	"value.votes":        {"{0} phiếu", "{0} votes"},
	"value.h2h":          {"thắng {0}/{1} đơn vị bằng điểm khi đối đầu (số người chấm nghiêng về đơn vị: {list})", "beats {0} of {1} tied rivals head-to-head (peers preferring it: {list})"},
	"value.h2h.pair":     {"{0}–{1} với {2}", "{0}–{1} v {2}"},
	"value.no_award":     {"năm {0} không được khen", "no award in {0}"},
	"value.award":        {"năm {1} được {0}", "{0} in {1}"},
	"value.year_unknown": {"chưa rõ năm xét", "year unknown"},
	"value.drawn":        {"bốc thăm thứ {0}", "drawn {0}"},
	"value.drawn_seed":   {"bốc thăm thứ {0} (seed {1})", "drawn {0} (seed {1})"},

	// Decisions and ties.
	"rule":                {"{0:rule}", "{0}"},
	"decision":            {"{0} xếp trên {1} theo {2:rule}: {p0} so với {p1}", "{0} ranks above {1} by {2:rule}: {p0} v {p1}"},
	"decision.brief":      {"{0:rule}: {p1} < {p0} ({1})", "{0:rule}: {p1} < {p0} ({1})"},
	"decision.tied_with":  {"BẰNG ĐIỂM, chưa phân định với {0}", "UNRESOLVED tie with {0}"},
	"decision.unresolved": {"{0} và {1} bằng điểm, chưa phân định: {p0}", "{0} and {1} are tied, unresolved: {p0}"},
	"tie.equal":           {"bằng nhau theo mọi tiêu chí ưu tiên: {list}", "equal under every rule of the chain: {list}"},
	"lots.not_drawn":      {"bốc thăm: kết quả bốc thăm đã ghi nhận không có {0}", "lots: the recorded draw does not include {0}"},
	"lots.no_seed":        {"bốc thăm: chưa có kết quả bốc thăm đã ghi nhận và không có seed", "lots: no recorded draw and no seed given"},
	"award.blocked":       {"chờ phân định trường hợp bằng điểm ở hạng {0} (hình thức {1})", "waiting for the tie at rank {0} to be resolved (tier {1})"},
}
