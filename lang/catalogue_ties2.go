package lang

// ties2Texts are the sentences with which the readers of the standings —
// the audit, the what-if answers, the outcome of an amendment and the
// invariants check — tell a shared rank (đồng hạng), which decides no
// award and is said quietly, from an unresolved tie (bằng điểm chưa phân
// định), which decides one and is warned of.
var ties2Texts = map[string][2]string{
	// audit: the recomputation finds two members equal under the whole
	// chain, but their tie decides no award
	"audit.why.shared": {"đồng hạng với {0}", "sharing the rank with {0}"},
	"audit.tiebreak.shared": {"Biên bản xếp {0} trên {1} theo {2:rule}, nhưng hai đơn vị bằng nhau theo mọi tiêu chí ưu tiên ({p0}): hai đơn vị đồng hạng, việc xếp trên dưới không ảnh hưởng đến khen thưởng.",
		"The minutes place {0} above {1} by {2:rule}, but they are equal under every rule of the chain ({p0}): they share the rank, and their order decides no award."},
	"audit.order.shared_rank.total": {"{0} và {1} có cùng tổng điểm trong biên bản ({2:n}) và đồng hạng theo bộ tiêu chí; biên bản xếp hạng {3} và hạng {4} mà không ghi căn cứ, việc này không ảnh hưởng đến khen thưởng.",
		"{0} and {1} have the same recorded total ({2}) and share the rank under the rulebook; the minutes rank them {3} and {4} without a tie-break, which decides no award."},
	"audit.order.shared_rank.percent": {"{0} và {1} có cùng tỷ lệ điểm trong biên bản ({2:n}) và đồng hạng theo bộ tiêu chí; biên bản xếp hạng {3} và hạng {4} mà không ghi căn cứ, việc này không ảnh hưởng đến khen thưởng.",
		"{0} and {1} have the same recorded percentage ({2}) and share the rank under the rulebook; the minutes rank them {3} and {4} without a tie-break, which decides no award."},

	// what-if answers
	"whatif.report.rank.shared":      {"{0} (đồng hạng)", "{0} (shared)"},
	"whatif.report.neighbour.shared": {"  {0} {1}: đồng hạng với {2}", "  {0} {1}, sharing the rank with {2}"},
	"whatif.report.decision.shared":  {"đồng hạng với {0}", "shares the rank with {0}"},

	// outcome of an amendment (thidua diff --scores)
	"amend.rank.shared": {"{0} (đồng hạng)", "{0} (shared)"},

	// invariants (thidua check)
	"invariants.known.lots": {"Thứ tự ưu tiên kết thúc bằng bốc thăm theo seed (lots): kết quả bốc thăm phụ thuộc vào các đơn vị cùng bằng điểm, nên bỏ một đơn vị khỏi nhóm bằng điểm, kể cả đơn vị không đủ điều kiện, có thể đảo thứ tự các đơn vị còn lại (kết quả bốc thăm ghi trong bảng điểm thì không)",
		"the chain ends in drawing lots with a seed (lots): the draw depends on which members are tied, so removing one of them, even one ineligible for every award, can reorder the others (a draw recorded on the sheet does not)"},
	"invariants.tie.shared": {"đồng hạng", "sharing a rank"},
}
