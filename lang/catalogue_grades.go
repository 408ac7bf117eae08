package lang

// gradesTexts are the sentences and words that show the grading bands
// (mức xếp loại) where people read results: the command line's
// explanation of each member's band (thidua rank --explain), the
// documents' band column and list, the results workbook, the template's
// legend of the bands and the web page. A band needs no rank and a tie
// never decides it: the texts say so where a reader might think otherwise.
var gradesTexts = map[string][2]string{
	// ranking (ranking.GradeShortfall): an award tier that requires a band
	// (min_grade) passes over a member graded lower; {0} the band the tier
	// requires, {1} the member's band
	"grade.below_min": {"xếp loại từ mức {0} trở lên, đơn vị được xếp loại {1}", "a grade of {0} or higher, the member is graded {1}"},
	"grade.none_min":  {"xếp loại từ mức {0} trở lên, đơn vị chưa được xếp loại", "a grade of {0} or higher, the member is not graded"},

	// command line: thidua rank --explain
	"cli.grades.why":       {"Vì sao mỗi đơn vị được xếp loại như vậy — mức xếp loại không cần thứ hạng: đơn vị đạt đủ mọi điều kiện của mức nào cao nhất thì được xếp mức đó; bằng điểm không bao giờ quyết định mức xếp loại:", "Why each member has its band — a band needs no rank: a member is graded in the highest band whose conditions it meets all of; a tie never decides a band:"},
	"cli.grades.member":    {"  {0}: {1}", "  {0}: {1}"},
	"cli.grades.ungraded":  {"  {0}: không được xếp loại (không đạt đủ điều kiện của mức nào)", "  {0}: not graded (meets the conditions of no band)"},
	"cli.grades.met":       {"    đạt mức {0}: {1}", "    meets {0}: {1}"},
	"cli.grades.met_none":  {"    đạt mức {0}: mức này không đòi hỏi điều kiện nào", "    meets {0}: this band requires nothing"},
	"cli.grades.failed":    {"    không đạt mức {0}: {1}", "    fails {0}: {1}"},
	"cli.grades.condition": {"{0} ({1})", "{0} ({1})"},

	// documents
	"doc.col_grade":        {"Xếp loại", "Grade"},
	"doc.grades_title":     {"Kết quả xếp loại", "Grading bands"},
	"doc.grades_count":     {"{0} {1}", "{0} {1}"},
	"doc.grades_intro":     {"Xếp loại: {0}. Mức xếp loại không phụ thuộc thứ hạng: đơn vị đạt đủ điều kiện của mức nào cao nhất thì được xếp mức đó; bằng điểm không quyết định mức xếp loại.", "Grading: {0}. A band does not depend on rank: a member is graded in the highest band whose conditions it meets; a tie never decides a band."},
	"doc.grades_band":      {"{0} ({1} tập thể): {2}", "{0} ({1} collective(s)): {2}"},
	"doc.grades_requires":  {"điều kiện: {0}", "requires: {0}"},
	"doc.grades_catch_all": {"các đơn vị còn lại", "every other member"},
	"doc.grades_none":      {"không có", "none"},
	"doc.ungraded":         {"—", "—"},
	"doc.ballot_votes":     {"{0}: {1}/{2}", "{0}: {1}/{2}"},
	"doc.tier_min_grade":   {"xếp loại từ mức {0} trở lên", "a grade of {0} or higher"},

	// results workbook (.xlsx) and template
	"results.col_grade":       {"Xếp loại", "Grade"},
	"results.grades_title":    {"Xếp loại (không phụ thuộc thứ hạng; bằng điểm không quyết định mức xếp loại)", "Grading bands (independent of rank; a tie never decides a band)"},
	"results.grades_line":     {"{0} ({1}): {2} — điều kiện: {3}", "{0} ({1}): {2} — requires: {3}"},
	"results.template_grades": {"Xếp loại (mức xếp loại do phần mềm tính từ điểm và phiếu, không cần thứ hạng; đơn vị đạt đủ điều kiện của mức nào cao nhất thì được xếp mức đó; bằng điểm không quyết định mức xếp loại)", "Grading bands (computed by the software from the scores and votes, with no rank; a member is graded in the highest band whose conditions it meets all of; a tie never decides a band)"},
	"results.template_no_req": {"không đòi hỏi điều kiện nào: mọi đơn vị không được xếp mức cao hơn", "requires nothing: every member not graded higher"},

	// web page
	"page.grades_note": {"Mức xếp loại không phụ thuộc thứ hạng: đơn vị đạt đủ điều kiện của mức nào cao nhất thì được xếp mức đó; bằng điểm không quyết định mức xếp loại.", "A band does not depend on rank: a member is graded in the highest band whose conditions it meets; a tie never decides a band."},
}
