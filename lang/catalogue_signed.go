package lang

// signedTexts are the sentences of signed criteria (tiêu chí cộng/trừ) and
// of lower-is-better criteria (ít hơn là tốt hơn): the rulebook's problems,
// the sheet's, and the trace's steps.
var signedTexts = map[string][2]string{
	"method.signed": {"cộng/trừ", "signed (plus/minus)"},

	"rules.signed.misplaced":    {"tiêu chí {0}: {1} chỉ áp dụng cho cách chấm signed (cộng/trừ), không áp dụng cho {2}", "criterion {0}: {1} applies only to method signed (plus/minus), not {2}"},
	"rules.signed.no_sides":     {"tiêu chí {0}: cách chấm signed cần ít nhất một trong plus (cộng) và minus (trừ), mỗi bên có points_each dương", "criterion {0}: method signed needs plus (cộng) or minus (trừ), or both, each with a positive points_each"},
	"rules.signed.points_each":  {"tiêu chí {0}: {1}.points_each phải dương, nhận được {2:n}", "criterion {0}: {1}.points_each must be positive, found {2}"},
	"rules.signed.min_positive": {"tiêu chí {0}: điểm tối thiểu (min) phải bằng 0 hoặc âm (dưới điểm tối đa {2:n}), nhận được {1:n}", "criterion {0}: min must be zero or negative (below the max {2}), found {1}"},
	"rules.signed.group":        {"nhóm tiêu chí {0} có tiêu chí con; min, plus và minus chỉ áp dụng cho tiêu chí cộng/trừ không có tiêu chí con", "group {0} has children; min, plus and minus apply only to a signed criterion without children"},
	"rules.signed.key_clash":    {"mã tiêu chí {0} trùng với khóa số lượt cộng/trừ của tiêu chí cộng/trừ {1} trong bảng điểm; hãy đổi mã", "criterion id {0} is the sheet key of a count of signed criterion {1}; choose another id"},

	"input.signed.count":    {"tiêu chí cộng/trừ: số lượt phải là số nguyên không âm, nhận được {0:n}", "signed criterion: a count must be a whole number, zero or more; found {0}"},
	"input.signed.both":     {"tiêu chí cộng/trừ {0}: giai đoạn {1}{p0} đã có điểm ròng (khóa {0}) nên không nhận thêm số lượt {2}", "signed criterion {0}: stage {1}{p0} has its net points (key {0}), so it cannot also have the count {2}"},
	"input.signed.by":       {", người chấm {0}", ", assessor {0}"},
	"input.signed.twice":    {"số lượt {0} đã có ở giai đoạn {1}{p0}{p1}", "the count {0} is already given at stage {1}{p0}{p1}"},
	"input.signed.not_kind": {"khóa {0} là số lượt cộng/trừ, nhưng tiêu chí {1} không phải tiêu chí cộng/trừ (cách chấm: {p0})", "key {0} is a plus/minus count, but criterion {1} is scored {p0}, not signed"},

	"scoring.signed.input":   {"{0}: cộng {1:n} × {2:n} − trừ {3:n} × {4:n} = {5:n}", "{0}: plus {1} × {2} − minus {3} × {4} = {5}"},
	"scoring.signed.net":     {"{0}: điểm cộng/trừ ròng {1:n}", "{0}: net plus/minus points {1}"},
	"scoring.signed":         {"cộng/trừ: {0:n} (trong khoảng {1:n} … {2:n})", "plus/minus: {0} (within {1} … {2})"},
	"scoring.signed.raised":  {"cộng/trừ: {0:n}, nâng lên điểm tối thiểu {1:n} (khoảng {1:n} … {2:n})", "plus/minus: {0}, raised to the minimum {1} (range {1} … {2})"},
	"scoring.signed.lowered": {"cộng/trừ: {0:n}, giới hạn ở điểm tối đa {2:n} (khoảng {1:n} … {2:n})", "plus/minus: {0}, capped at the maximum {2} (range {1} … {2})"},
}
