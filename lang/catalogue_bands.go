package lang

// bandsTexts are the sentences about grading bands (xếp loại) in
// simulation and what-if: band probabilities, a band as a what-if target,
// a band change in a sensitivity sweep.
var bandsTexts = map[string][2]string{
	// simulation: the band columns of the text report and the chart
	"cli.sim.ungraded":   {"không xếp loại", "not graded"},
	"cli.sim.grade_note": {"Cột xếp loại: xác suất được xếp vào mức đó (xếp loại không phụ thuộc thứ hạng); khoảng tin cậy trong kết quả JSON.", "Grade columns: probability of being graded in that band (xếp loại, independent of rank); the confidence intervals are in the JSON result."},
	"chart.grades":       {"Xác suất xếp loại", "Probability of each grading band"},
	"chart.ungraded":     {"Không xếp loại", "Not graded"},

	// what-if: a band as a target
	"whatif.err.target.grade":             {"bộ tiêu chí {1} không có mức xếp loại {0} (các mức: {2})", "no grading band {0} in rulebook {1} (its bands: {2})"},
	"whatif.err.target.no_grades":         {"bộ tiêu chí {0} không xếp loại (không có mục grades)", "rulebook {0} grades no one (it has no grades)"},
	"whatif.err.target.grade_upper_bound": {"không thể tìm mức điểm cần đạt: mức {0} yêu cầu điều kiện có giới hạn trên ({1}), nên điểm cao hơn có thể làm mất mức này", "cannot search for the score needed: band {0} requires a condition with an upper bound ({1}), so a higher score can lose the band"},
	"whatif.obstacle.band":                {"mức xếp loại {0} — {p0}", "grading band {0} — {p0}"},
	"whatif.grade.got":                    {"xếp loại {0}", "graded {0}"},
	"whatif.grade.none":                   {"không đạt mức xếp loại nào", "graded in no band"},
	// what-if: a band in a sensitivity sweep's outcome
	"whatif.outcome.grade": {"{0}: {list}", "{0} {list}"},
	// thidua whatif --grade
	"help.flag.grade":              {"mục tiêu: được xếp loại ở mức có `mã` này (hoặc mức cao hơn), ví dụ xuat_sac", "target: graded in the band with this `id` (or a higher one), e.g. xuat_sac"},
	"whatif.usage.target_or_grade": {"thidua whatif: hãy ghi một mục tiêu: --rank K, --award TIER hoặc --grade BAND (mức xếp loại)", "thidua whatif: give one target: --rank K, --award TIER or --grade BAND (a grading band)"},
	// the what-if report: a band as target, a position's band
	"whatif.report.target.grade": {"được xếp loại {0} ({1}) hoặc mức cao hơn", "be graded {0} ({1}) or a higher band"},
	"whatif.report.grade":        {", xếp loại {0}", ", graded {0}"},
	"whatif.report.grade.none":   {", không đạt mức xếp loại nào", ", graded in no band"},
}
