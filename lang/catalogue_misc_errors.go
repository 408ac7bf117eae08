package lang

// miscErrorTexts are the problems found in recorded results (audit),
// what-if requests and scenarios, simulation models and Excel mapping files.
//
// Each key is the stable code of one problem: "recorded." for a recorded
// result (audit.ParseError), "whatif.err." for a what-if request
// (whatif.Error) or a scenario (scoring.InputError), "simulation.err." for
// an uncertainty model (simulation.ModelError), "mapping." for an Excel
// mapping file (xlsx.MappingError) and "template." for an Excel template
// (xlsx.TemplateError). Quoted input ({0} where English writes "x" in Go
// quotes) comes quoted in the argument itself. Keys and words of the
// files' own vocabulary (record, member, key, value, set_score, fixed,
// range, step, layout, member_cell, …), ids and file names are not
// translated.
var miscErrorTexts = map[string][2]string{
	// Recorded results: the file as a whole.
	"recorded.too_large": {"dung lượng tệp vượt quá {0:n} byte", "file is larger than {0} bytes"},
	"recorded.format":    {"định dạng tệp kết quả {0} không được hỗ trợ (chỉ dùng .csv, .json, .yaml hoặc .yml)", "unknown recorded-result format {0} (expected .csv, .json, .yaml or .yml)"},
	"recorded.csv.empty": {"tệp rỗng: cần có dòng tiêu đề (record, member, key, value, note)", "empty file: expected a header row (record, member, key, value, note)"},

	// Recorded results in CSV: the header and the rows.
	"recorded.csv.column.unknown":   {"tên cột {0} không hợp lệ (các cột: {1})", "unknown column {0} (expected {1})"},
	"recorded.csv.column.twice":     {"cột {0} xuất hiện hai lần", "column {0} appears twice"},
	"recorded.csv.column.no_record": {"dòng tiêu đề phải có cột record (các cột: {0})", "the header needs a record column (expected {0})"},
	"recorded.csv.row.needs.a":      {"dòng {0} thiếu giá trị ở cột {1}", "a {0} row needs a {1}"},
	"recorded.csv.row.needs.an":     {"dòng {0} thiếu giá trị ở cột {1}", "an {0} row needs a {1}"},
	"recorded.csv.record.empty":     {"cột record để trống", "the record column is empty"},
	"recorded.csv.record.unknown":   {"loại dòng {0} không hợp lệ (chỉ dùng cluster, member, rank, total, percent, subtotal, bonus, deductions, award, votes, ballot hoặc tiebreak)", "unknown record {0} (expected cluster, member, rank, total, percent, subtotal, bonus, deductions, award, votes, ballot or tiebreak)"},
	"recorded.csv.member.bad_id":    {"mã đơn vị {0} có dấu xuống dòng hoặc dấu tab, hoặc quá dài", "member id {0} has a line break or a tab, or is too long"},
	"recorded.csv.member.key":       {"dòng member có key là name (hoặc để trống), nhận được {0}", "member rows have key name (or none), found {0}"},
	"recorded.csv.member.named":     {"được ghi hai tên khác nhau ({0}, sau đó {1})", "member named twice ({0}, then {1})"},
	"recorded.csv.rank":             {"hạng: cần một số nguyên từ 1 trở lên, nhận được {0}", "rank: expected a whole number from 1, found {0}"},
	"recorded.csv.value":            {"{p0}: {p1}", "{p0}: {p1}"},
	"recorded.csv.twice":            {"{p0} được ghi lần thứ hai (lần thứ nhất ở dòng {0})", "a second {p0} (the first is on line {0})"},
	"recorded.csv.award.twice":      {"hình thức khen thưởng được ghi hai lần (lần thứ nhất ở dòng {0})", "award given twice (the first is on line {0})"},
	"recorded.csv.votes.key":        {"dòng votes có key là for, against hoặc abstain, nhận được {0}", "votes rows have key for, against or abstain, found {0}"},
	"recorded.csv.ballot.key":       {"dòng ballot có key là entitled hoặc present, nhận được {0}", "ballot rows have key entitled or present, found {0}"},
	"recorded.csv.cluster.twice":    {"thông tin cluster {0} được ghi hai lần (lần thứ nhất ở dòng {1})", "cluster {0} given twice (the first is on line {1})"},
	"recorded.csv.cluster.key":      {"dòng cluster có key là name, year, rulebook, version hoặc date, nhận được {0}", "cluster rows have key name, year, rulebook, version or date, found {0}"},
	"recorded.year":                 {"cần ghi năm dạng 2020, nhận được {0}", "expected a year like 2020, found {0}"},
	"recorded.tiebreak.self":        {"căn cứ phân định bằng điểm phải xếp một đơn vị trên một đơn vị khác, nhưng {0} được xếp trên chính nó", "a tie-break places a member above another, found {0} above itself"},
	"recorded.tiebreak.incomplete":  {"căn cứ phân định bằng điểm phải ghi đủ upper, lower và rule", "a tie-break needs upper, lower and rule"},
	"recorded.what.total":           {"tổng điểm", "total"},
	"recorded.what.percent":         {"tỷ lệ điểm", "percent"},
	"recorded.what.bonus":           {"điểm thưởng", "bonus"},
	"recorded.what.deductions":      {"điểm trừ", "deductions"},
	"recorded.what.deduction":       {"điểm trừ", "deduction"},
	"recorded.what.subtotal":        {"điểm nhóm tiêu chí", "subtotal"},
	"recorded.what.rank":            {"hạng", "rank"},
	"recorded.what.votes":           {"số phiếu", "votes"},
	"recorded.what.votes_for":       {"số phiếu tán thành", "votes for"},
	"recorded.what.votes_against":   {"số phiếu không tán thành", "votes against"},
	"recorded.what.abstentions":     {"số phiếu không biểu quyết", "abstentions"},
	"recorded.what.ballot":          {"bỏ phiếu", "ballot"},
	"recorded.schema":               {"schema {0} không hợp lệ (cần {1})", "unknown schema {0} (expected {1})"},
	"recorded.ballot.negative":      {"số thành viên có quyền bỏ phiếu và số thành viên có mặt không được âm", "counts must not be negative"},
	"recorded.member.no_id":         {"đơn vị chưa có mã", "a member needs an id"},
	"recorded.member.twice":         {"được liệt kê hai lần (lần thứ nhất ở dòng {0})", "member listed twice (the first is on line {0})"},
	"recorded.negative":             {"không được âm, nhận được {0:n}", "must not be negative, found {0}"},
	"recorded.rank.from_one":        {"hạng bắt đầu từ 1, nhận được {0:n}", "ranks start at 1, found {0}"},
	"recorded.award.twice":          {"hình thức khen thưởng {0} được ghi hai lần", "award {0} given twice"},

	// What-if requests (whatif.Error). The member, criterion and offending
	// value are written around the message, not in it.
	"whatif.err.member.unknown":     {"không có trong danh sách đơn vị của bảng điểm", "not in the sheet's member list"},
	"whatif.err.rounding":           {"quá nhiều bước làm tròn", "too many rounding steps"},
	"whatif.err.step.unknown":       {"bước tăng được ghi cho một tiêu chí không có trong bộ tiêu chí", "a step is given for a criterion the rulebook does not have"},
	"whatif.err.step.group":         {"bước tăng chỉ áp dụng cho tiêu chí, không áp dụng cho nhóm tiêu chí", "a step applies to a criterion, not to a group"},
	"whatif.err.step.not_positive":  {"bước tăng phải lớn hơn 0", "a step must be above zero"},
	"whatif.err.step.whole":         {"tiêu chí tính theo số lần nên bước tăng phải là số nguyên", "counts a number of occurrences, so its step must be a whole number"},
	"whatif.err.candidates":         {"có hơn {0:n} giá trị đầu vào cần xét với bước tăng này; hãy dùng bước tăng lớn hơn", "more than {0} candidate inputs at this step; give a coarser step"},
	"whatif.err.places":             {"các giá trị cần {0:n} chữ số thập phân; việc tìm kiếm chính xác chỉ xử lý tối đa 12 chữ số", "values need {0} decimal places; the exact search handles at most 12"},
	"whatif.err.states":             {"có hơn {0:n} lớp phương án phân bổ; hãy dùng bước tăng lớn hơn", "more than {0} classes of allocations; give coarser steps"},
	"whatif.err.target.upper_bound": {"không thể tìm mức điểm cần đạt: hình thức khen thưởng này yêu cầu điều kiện có giới hạn trên ({0}), nên điểm cao hơn có thể làm mất nó", "cannot search for the score needed: this award requires a condition with an upper bound ({0}), so a higher score can lose it"},
	"whatif.err.target.both":        {"chỉ ghi hạng hoặc hình thức khen thưởng, không ghi cả hai", "give a rank or an award tier, not both"},
	"whatif.err.target.tier":        {"bộ tiêu chí {1} không có hình thức khen thưởng {0} (các hình thức: {2})", "no award tier {0} in rulebook {1} (its tiers: {2})"},
	"whatif.err.target.rank":        {"hạng phải từ 1 đến {0:n}, là số đơn vị của cụm", "a rank must be between 1 and the {0} members of the cluster"},
	"whatif.err.sweep.both":         {"chỉ thay đổi trọng số hoặc điểm, không thay đổi cả hai", "vary a weight or a score, not both"},
	"whatif.err.sweep.no_node":      {"bộ tiêu chí {0} không có tiêu chí hay nhóm tiêu chí nào có mã này", "no criterion or group with this id in rulebook {0}"},
	"whatif.err.sweep.no_criterion": {"bộ tiêu chí {0} không có tiêu chí nào có mã này", "no criterion with this id in rulebook {0}"},
	"whatif.err.sweep.group":        {"là nhóm tiêu chí; điểm được chấm cho từng tiêu chí", "is a group; a score belongs to a criterion"},
	"whatif.err.sweep.votes":        {"tiêu chí được quy đổi từ kết quả bỏ phiếu nên không có điểm để thay đổi", "is converted from the ballot and has no score to vary"},
	"whatif.err.sweep.not_assigned": {"tiêu chí không được giao cho đơn vị này", "is not assigned to the member"},
	// {p0}: what is varied (whatif.param.weight or whatif.param.score).
	"whatif.err.range.step":        {"bước thay đổi {p0} phải lớn hơn 0", "the step of the {p0} must be above zero"},
	"whatif.err.range.reversed":    {"khoảng thay đổi {p0} kết thúc trước khi bắt đầu (từ {0:n})", "the range of the {p0} ends before it starts ({0})"},
	"whatif.err.range.weight_zero": {"trọng số phải lớn hơn 0 (trọng số 0 được hiểu là 1)", "a weight must stay above zero (a zero weight means 1)"},
	"whatif.err.range.negative":    {"điểm không được âm", "a score must not be negative"},
	"whatif.err.range.above_max":   {"điểm chấm trực tiếp không được vượt điểm tối đa {0:n}", "a direct score cannot exceed the maximum {0}"},
	"whatif.err.range.pass_fail":   {"tiêu chí đạt/không đạt chỉ nhận 0 hoặc 1: hãy dùng từ 0 đến 1, bước 1", "pass/fail takes 0 or 1: use from 0 to 1 step 1"},
	"whatif.err.range.whole":       {"tiêu chí tính theo số lần: khoảng giá trị và bước phải là số nguyên", "counts occurrences: the range and step must be whole numbers"},
	"whatif.err.grid":              {"có hơn {0:n} giá trị khảo sát; hãy dùng bước lớn hơn", "more than {0} grid values; give a larger step"},
	"whatif.err.kinks":             {"quá nhiều điểm gãy", "too many kinks"},
	// {0}: the rulebook's or the sheet's own problems, in English.
	"whatif.err.rulebook_invalid": {"bộ tiêu chí không hợp lệ với trọng số này: {0}", "the rulebook is invalid with this weight: {0}"},
	"whatif.err.sheet_invalid":    {"bảng điểm không hợp lệ với điểm này: {0}", "the sheet is invalid with this score: {0}"},

	// Scenarios (scoring.InputError): the file, and each edit. The edit's
	// kind (set_score, add_deduction, …) or its path (edits[2]) is written
	// before the message, as it is.
	"whatif.err.scenario.no_edits":      {"kịch bản phải có danh sách thay đổi (edits: …)", "a scenario needs a list of edits (edits: …)"},
	"whatif.err.edit.one_kind":          {"mỗi thay đổi phải có đúng một trong các khóa {0}", "an edit has exactly one of {0}"},
	"whatif.err.edit.kinds":             {"mỗi thay đổi phải có đúng một trong các khóa {0}; nhận được {1:n} khóa", "an edit has exactly one of {0}; found {1}"},
	"whatif.err.edit.needs.1":           {"thiếu {0}", "needs {0}"},
	"whatif.err.edit.needs.2":           {"thiếu {0} và {1}", "needs {0} and {1}"},
	"whatif.err.edit.needs.3":           {"thiếu {0}, {1} và {2}", "needs {0} and {1} and {2}"},
	"whatif.err.edit.count_negative":    {"count không được âm, nhận được {0:n}", "count must not be negative, found {0}"},
	"whatif.err.edit.value_negative":    {"value không được âm, nhận được {0:n}", "value must not be negative, found {0}"},
	"whatif.err.edit.no_member":         {"bảng điểm không có đơn vị {0} (đã được đưa ra khỏi cụm ở một thay đổi trước, hoặc chưa từng có)", "no member {0} in the sheet (dropped by an earlier edit, or never there)"},
	"whatif.err.edit.fact":              {"tiêu chuẩn {0} không được khai báo trong bộ tiêu chí {1}", "unknown fact {0} (not declared in rulebook {1})"},
	"whatif.err.edit.no_ballot":         {"bảng điểm không ghi kết quả bỏ phiếu để cộng thêm phiếu", "the sheet records no ballot to add votes to"},
	"whatif.err.edit.votes_negative":    {"sau thay đổi còn {0:n} phiếu tán thành, {1:n} phiếu không tán thành, {2:n} phiếu không biểu quyết: số phiếu không được âm", "would leave {0} for, {1} against, {2} abstaining: counts cannot be negative"},
	"whatif.err.edit.no_votes":          {"đơn vị chưa có phiếu nào được ghi để bớt đi", "the member has no votes recorded to take away from"},
	"whatif.err.edit.criterion":         {"tiêu chí {0} không có trong bộ tiêu chí {1}", "unknown criterion {0} (not in rulebook {1})"},
	"whatif.err.edit.group":             {"{0} là nhóm tiêu chí; hãy đặt điểm cho một tiêu chí thuộc nhóm", "{0} is a group; set the score of one of its criteria"},
	"whatif.err.edit.votes":             {"tiêu chí quy đổi từ kết quả bỏ phiếu, không nhận điểm; hãy dùng add_votes", "is converted from the ballot and takes no score; use add_votes"},
	"whatif.err.edit.stage":             {"giai đoạn chấm {0} không có trong bộ tiêu chí (các giai đoạn: {1})", "unknown assessment stage {0} (the rulebook's stages: {1})"},
	"whatif.err.edit.not_assigned":      {"tiêu chí được đánh dấu không được giao cho đơn vị", "is marked not assigned (không được giao) to the member"},
	"whatif.err.edit.bonus.unknown":     {"không có khoản điểm thưởng {0} trong bộ tiêu chí", "unknown bonus item {0}"},
	"whatif.err.edit.deduction.unknown": {"không có khoản điểm trừ {0} trong bộ tiêu chí", "unknown deduction item {0}"},
	"whatif.err.edit.bonus.none":        {"đơn vị không có điểm thưởng {0} để bỏ", "the member has no bonus {0} to remove"},
	"whatif.err.edit.deduction.none":    {"đơn vị không có điểm trừ {0} để bỏ", "the member has no deduction {0} to remove"},
	"whatif.err.edit.removes":           {"bỏ {0:n} lần nhưng đơn vị chỉ có {1:n} lần", "removes {0} but the member has {1}"},

	// Uncertainty models (simulation.ModelError). {0} and {1} of
	// simulation.err.uncertainty are the model's own syntax, as it is.
	"simulation.err.uncertainty":       {"cần ghi fixed, {0} hoặc {1}, nhận được {2}", "expected fixed, {0} or {1}, found {2}"},
	"simulation.err.range.step":        {"khoảng dao động cần bước (step) lớn hơn 0 và biên độ (range) không âm", "a range needs a positive step and a range ≥ 0"},
	"simulation.err.range.steps":       {"biên độ {0:n} không phải là một số nguyên lần bước {1:n} (tối đa 10000 bước)", "range {0} is not a whole number of steps {1} (at most 10000)"},
	"simulation.err.values.too_many":   {"tối đa 10000 giá trị", "at most 10000 values"},
	"simulation.err.weight.negative":   {"trọng số không được âm", "a weight must not be negative"},
	"simulation.err.kinds":             {"chỉ ghi một trong các cách: fixed, range và step, hoặc values", "give one of fixed, range and step, or values"},
	"simulation.err.places":            {"các giá trị của tiêu chí {0} cần quá nhiều chữ số thập phân", "values of criterion {0} need too many decimal places"},
	"simulation.err.range.none_valid":  {"không giá trị nào trong khoảng dao động hợp lệ với tiêu chí {0} (phương pháp {1}, điểm tối đa {2:n})", "no value of the range is valid for criterion {0} (method {1}, maximum {2})"},
	"simulation.err.values.none_valid": {"không giá trị nào của phân phối hợp lệ với tiêu chí {0} (phương pháp {1}, điểm tối đa {2:n})", "no value of the distribution is valid for criterion {0} (method {1}, maximum {2})"},
	"simulation.err.value.too_large":   {"giá trị {0:n} của tiêu chí {1} quá lớn", "value {0} of criterion {1} is too large"},
	"simulation.err.weight.too_large":  {"trọng số {0:n} quá lớn hoặc có quá nhiều chữ số thập phân", "weight {0} is too large or too precise"},
	"simulation.err.weights.sum":       {"tổng các trọng số phải lớn hơn 0 và nhỏ hơn 2^40 đơn vị", "the weights must add up to a positive number below 2^40 units"},
	"simulation.err.ref.criterion":     {"không phải tiêu chí của bộ tiêu chí {0}", "not a criterion of rulebook {0}"},
	"simulation.err.ref.member":        {"không phải đơn vị của bảng điểm", "not a member of the sheet"},
	"simulation.err.votes":             {"điểm của tiêu chí này quy đổi từ kết quả bỏ phiếu nên không mô hình hóa được", "votes come from the ballot and cannot be modelled"},
	"simulation.err.assessors":         {"điểm của nhiều người chấm được tổng hợp, nên chỉ mô hình hóa được điểm tính của tiêu chí chấm trực tiếp", "several assessors' scores are aggregated, so only a direct criterion's counted points can be modelled"},

	// Excel mapping files (xlsx.MappingError). The file name and the key
	// path (sheets[1], info.year) are written before the message.
	"mapping.too_large":         {"dung lượng tệp ánh xạ tối đa là {0:n} byte", "a mapping file is at most {0} bytes"},
	"mapping.yaml":              {"không đọc được tệp ánh xạ: {0}", "{0}"},
	"mapping.sheet.no_name":     {"cần ghi tên trang tính (sheet)", "the sheet's name is required"},
	"mapping.sheet.layout":      {"layout chỉ nhận matrix hoặc member, nhận được {0}", "layout is matrix or member, found {0}"},
	"mapping.sheet.rows":        {"số dòng phải từ 1 đến {0:n}", "row numbers run from 1 to {0}"},
	"mapping.sheet.member_cell": {"member_cell {0} không phải địa chỉ ô dạng B2", "member_cell {0} is not a cell reference like B2"},
	"mapping.sheet.column":      {"{0} không phải tên cột dạng E", "{0} is not a column letter like E"},
	"mapping.info.cell":         {"{0} không phải địa chỉ ô dạng C3", "{0} is not a cell reference like C3"},

	// Excel templates (xlsx.TemplateError).
	"template.member.no_id": {"đơn vị thứ {0} ({1}) chưa có mã", "member {0} ({1}) has no id"},
	"template.member.twice": {"đơn vị {0} được liệt kê hai lần", "member {0} is listed twice"},
}
