package lang

// resultsTexts are the words of the results workbook (package xlsx,
// WriteResults): sheet names, titles, column heads and the lines below the
// standings. {0} and the other values are written as given: numbers come
// already in the language's form.
var resultsTexts = map[string][2]string{
	// Sheet names (xlsx.SheetStandings, xlsx.SheetMatrix and their English
	// forms); a scorecard's sheet is named after its member's rank ({0})
	// and name ({1}), cut to Excel's 31 characters.
	"results.sheet.standings": {"Xếp hạng", "Standings"},
	"results.sheet.matrix":    {"Bảng điểm chi tiết", "Scores by criterion"},
	"results.sheet.scorecard": {"{0}. {1}", "{0}. {1}"},

	// Document properties and the title rows of every sheet: {0} the
	// cluster, the year, the rulebook's id, version, hash and title, the
	// sheet's hash, the seed of the lots.
	"results.doc.title":    {"Kết quả chấm điểm thi đua — {0}", "Emulation scores and ranking — {0}"},
	"results.doc.language": {"vi-VN", "en"},
	"results.title.year":   {" — NĂM {0}", " — {0}"},
	"results.title.rules":  {"Bộ tiêu chí {0}, phiên bản {1} ({2}) — {3}", "Rulebook {0}, version {1} ({2}) — {3}"},
	"results.title.sheet":  {"Bảng điểm {0}", "Score sheet {0}"},
	"results.title.seed":   {"; bốc thăm với hạt giống {0}", "; lots drawn with seed {0}"},

	// The standings sheet. In results.proposals, {0} is the council that
	// considers the proposals (xem xét) and {1} who decides (quyết định):
	// rules.Authority.
	"results.standings.title":  {"KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA", "EMULATION SCORES AND RANKING"},
	"results.col.rank":         {"Hạng", "Rank"},
	"results.col.member_id":    {"Mã đơn vị", "Member id"},
	"results.col.member":       {"Đơn vị", "Member"},
	"results.col.total":        {"Tổng điểm", "Total"},
	"results.col.percent":      {"Tỷ lệ (%)", "Percent"},
	"results.col.award":        {"Đề nghị khen thưởng", "Award proposed"},
	"results.col.decided_by":   {"Căn cứ xếp hạng (so với đơn vị trên)", "Decided by (against the member above)"},
	"results.col.failed":       {"Điều kiện không đạt", "Eligibility conditions not met"},
	"results.proposals":        {"ĐỀ NGHỊ KHEN THƯỞNG ({0} xem xét, trình {1} quyết định)", "AWARD PROPOSALS (for {0} to consider and {1} to decide)"},
	"results.blocked":          {"chưa xét: {0}", "not decided: {0}"},
	"results.nobody":           {"không có", "nobody"},
	"results.pending":          {"{0} suất CHỜ phân định hoà điểm giữa {1}", "{0} place(s) PENDING an unresolved tie between {1}"},
	"results.skipped":          {"    bỏ qua {0} (không đạt {1})", "    skipped {0} (fails {1})"},
	"results.forfeited":        {"    không xét suất này: {0} không đạt {1}", "    place not awarded: {0} fails {1}"},
	"results.ties":             {"HOÀ ĐIỂM CHƯA PHÂN ĐỊNH", "UNRESOLVED TIES"},
	"results.tie":              {"Hạng {0}: {1} — {2}", "Rank {0}: {1} — {2}"},
	"results.lots":             {"BỐC THĂM", "LOTS DRAWN"},
	"results.divergences":      {"TỰ CHẤM CHÊNH LỆCH SO VỚI ĐIỂM ĐƯỢC TÍNH", "SELF-ASSESSMENT DIVERGING FROM THE COUNTED SCORE"},
	"results.divergence":       {"{0} — {1}: tự chấm {2}, tính {3} (chênh {4} > {5})", "{0} — {1}: self {2}, counted {3} (gap {4} > {5})"},
	"results.divergence.total": {"tổng điểm", "total"},
	"results.divergence.node":  {"tiêu chí {0}", "criterion {0}"},
	"results.failed":           {"{0} ({1})", "{0} ({1})"},

	// The criteria × members sheet and the scorecards.
	"results.matrix.title":    {"BẢNG TỔNG HỢP ĐIỂM THI ĐUA", "SCORES BY CRITERION"},
	"results.col.id":          {"Mã", "Id"},
	"results.col.criterion":   {"Tiêu chí", "Criterion"},
	"results.col.max":         {"Tối đa", "Maximum"},
	"results.row.rank":        {"Xếp hạng", "Rank"},
	"results.not_assigned":    {"kgg", "n/a"},
	"results.criteria":        {"Cộng điểm các tiêu chí", "Criteria subtotal"},
	"results.bonus.item":      {"Điểm thưởng: {0}", "Bonus: {0}"},
	"results.item.in_group":   {"(tính vào nhóm {0})", "(counted in group {0})"},
	"results.bonus":           {"Cộng điểm thưởng (sau giới hạn)", "Bonus (after caps)"},
	"results.deduction.item":  {"Điểm trừ: {0}", "Deduction: {0}"},
	"results.deductions":      {"Cộng điểm trừ (sau giới hạn)", "Deductions (after caps)"},
	"results.total":           {"TỔNG ĐIỂM", "TOTAL"},
	"results.scorecard.title": {"PHIẾU ĐIỂM: {0} — HẠNG {1} — {2} ĐIỂM", "SCORECARD: {0} — RANK {1} — {2} POINTS"},
	"results.col.stage":       {"Giai đoạn tính", "Stage counted"},
	"results.col.raw":         {"Giá trị nhập", "Value entered"},
	"results.col.points":      {"Điểm", "Points"},
	"results.col.value":       {"Điểm tính vào tổng", "Counted in the total"},
	"results.count":           {"{0} lần", "{0}×"},
}
