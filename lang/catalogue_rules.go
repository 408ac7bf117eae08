package lang

// rulesTexts name what a rulebook states: rounding rules and modes.
var rulesTexts = map[string][2]string{
	"rounding":           {"đến {0} chữ số thập phân, {p0}", "{0} places, {p0}"},
	"rounding.one":       {"đến 1 chữ số thập phân, {p0}", "1 place, {p0}"},
	"rounding.half_up":   {"từ 5 trở lên thì làm tròn lên", "half_up"},
	"rounding.half_even": {"làm tròn 5 về số chẵn", "half_even"},
	"rounding.down":      {"bỏ phần lẻ", "down"},
	"rounding.up":        {"làm tròn ra xa số 0", "up"},
	"rounding.floor":     {"làm tròn xuống", "floor"},
	"rounding.ceiling":   {"làm tròn lên", "ceiling"},

	// The point methods, by the rulebook's keyword (MethodName).
	"method.direct":         {"chấm thẳng", "direct"},
	"method.ratio":          {"tỷ lệ so với chỉ tiêu", "ratio to target"},
	"method.pass_fail":      {"đạt / không đạt", "pass/fail"},
	"method.tiers":          {"theo mức", "tiers"},
	"method.per_occurrence": {"theo số lần", "per occurrence"},
	"method.relative":       {"so với đơn vị dẫn đầu", "relative to the leader"},
	"method.votes":          {"bỏ phiếu quy ra điểm", "votes"},
}
