package lang

// auditGradeTexts are the sentences of the audit's check of the grading
// bands (mức xếp loại) the minutes record: reading a band from the
// minutes, the check itself and the report's names of its kinds.
var auditGradeTexts = map[string][2]string{
	// reading the minutes (CSV: grade,<member>,,<band>)
	"recorded.csv.grade.key":   {"dòng grade ghi mức xếp loại ở cột value và để trống cột key, nhận được key {0}", "grade rows give the band in the value column and leave key empty, found key {0}"},
	"recorded.csv.grade.twice": {"mức xếp loại được ghi hai lần (lần thứ nhất ở dòng {0})", "grade given twice (the first is on line {0})"},

	// the check; {0} the member, {1} the band the minutes record, {2} the
	// recomputed band
	"audit.grade.unknown": {"Biên bản xếp loại {0} ở mức {1}, nhưng đây không phải mức xếp loại của {p0}.",
		"The minutes grade {0} as {1}, which is not a grading band of {p0}."},
	"audit.grade.differs": {"Biên bản xếp loại {0} ở mức {1}, nhưng theo kết quả tính lại đơn vị được xếp loại {2}.",
		"The minutes grade {0} as {1}, but the recomputation grades it {2}."},
	"audit.grade.differs_none": {"Biên bản xếp loại {0} ở mức {1}, nhưng theo kết quả tính lại đơn vị không đạt điều kiện của mức xếp loại nào.",
		"The minutes grade {0} as {1}, but by the recomputation it meets the conditions of no band."},
	"audit.value.grade":      {"{0}", "{0}"},
	"audit.value.grade_none": {"không được xếp loại", "not graded"},

	// report: the kinds
	"report.kind.grade":         {"sai mức xếp loại", "grade"},
	"report.kind.unknown_grade": {"mức xếp loại không có trong quy định", "unknown_grade"},
}
