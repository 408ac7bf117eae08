package lang

// tiesTexts are the sentences of shared ranks (đồng hạng) and of the ties
// that decide an award: the rulebook's rank convention, the standings'
// decisions and the command line's and documents' lists of ties.
var tiesTexts = map[string][2]string{
	"rules.rank_convention.unknown": {"cách đánh số đồng hạng {0} không hợp lệ (dùng competition: 1, 1, 3 hoặc dense: 1, 1, 2)", "unknown rank convention {0} (expected competition: 1, 1, 3, or dense: 1, 1, 2)"},

	// ranking: two members the chain cannot separate and whose tie decides
	// no award share the rank, quietly
	"decision.shared":      {"{0} và {1} đồng hạng: {p0}", "{0} and {1} share the rank: {p0}"},
	"decision.shared_with": {"đồng hạng với {0}", "shares the rank with {0}"},

	// command line
	"cli.shared":      {"Đồng hạng (không ảnh hưởng đến khen thưởng):", "Shared ranks (deciding no award):"},
	"cli.shared.line": {"  hạng {0}: {1} — đồng hạng, bằng nhau theo mọi tiêu chí ưu tiên: {2}", "  rank {0}: {1} — share the rank, equal under every rule of the chain: {2}"},

	// documents
	"doc.note_shared_with": {"Đồng hạng với {0}: bằng nhau theo mọi tiêu chí ưu tiên, không ảnh hưởng đến khen thưởng", "Shares the rank with {0}: equal under every tie-break rule, deciding no award"},
}
