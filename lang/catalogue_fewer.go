package lang

// fewerTexts are the sentences of lower-is-better criteria and tie-breaks
// (ít hơn là tốt hơn: method fewer and tie-break fewer): the rulebook's
// problems, the trace's steps and the decisions' values.
var fewerTexts = map[string][2]string{
	"method.fewer": {"ít hơn là tốt hơn", "fewer (lower is better)"},

	"rules.fewer.points_each": {"tiêu chí {0}: cách chấm fewer (ít hơn là tốt hơn) cần points_each dương: số điểm bị trừ mỗi lần, từ điểm tối đa {1:n}", "criterion {0}: method fewer (lower is better) needs a positive points_each: the points each occurrence takes from the max {1}"},
	"rules.fewer.tie_ref":     {"fewer cần mã một tiêu chí (ví dụ fewer: \"3.1\"): đơn vị có số đếm ít hơn ở tiêu chí đó xếp trên", "fewer needs a criterion id (e.g. fewer: \"3.1\"): the member with the smaller count in it ranks higher"},
	"rules.fewer.tie_group":   {"fewer: {0} là nhóm tiêu chí; fewer so sánh số đếm của một tiêu chí", "fewer: {0} is a group; fewer compares the count of one criterion"},

	"scoring.fewer":       {"ít hơn là tốt hơn: {1:n} − {0:n} × {2:n}", "lower is better: {1} − {0} × {2}"},
	"scoring.fewer.floor": {"ít hơn là tốt hơn: {1:n} − {0:n} × {2:n}, không dưới 0", "lower is better: {1} − {0} × {2}, not below 0"},

	"value.fewer":      {"{0:n} lần", "count {0}"},
	"value.fewer.none": {"không có số đếm", "no count"},
}
