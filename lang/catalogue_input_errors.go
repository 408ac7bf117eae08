package lang

// inputErrorTexts are the problems found in a score sheet (packages scoring
// and sheets, internal/fields). Each key is the stable code of one problem
// (scoring.InputError's Message.Key): "input." for a sheet checked against
// its rulebook, "csv." and "sheet." for a file the readers cannot read,
// "fields." for a value that is not a number, a count or a yes/no word.
// Quoted input ({0} of most keys) is passed already quoted, as Go quotes
// it, and is the same in both languages.
var inputErrorTexts = map[string][2]string{
	// Where the first of two duplicate rows is, as a part ({p0}) of the
	// message about the second one; that part is the empty message
	// (written as nothing) when the first row's line is not known.
	"input.also.file": {" (đã có ở {0}:{1})", " (also given at {0}:{1})"},
	"input.also.line": {" (đã có ở dòng {0})", " (also given on line {0})"},

	// The sheet as a whole.
	"input.year.not_in_force":     {"bảng điểm là của năm {0} nhưng bộ tiêu chí {1} (phiên bản {2}) có hiệu lực trong thời gian {3}", "the sheet is for {0} but rulebook {1} (version {2}) is in force {3}"},
	"input.year.needed_tiebreak":  {"tiêu chí ưu tiên “{0:rule}” của bộ tiêu chí xét khen thưởng năm trước nên bảng điểm phải ghi năm", "the rulebook's tie-break {0} looks at last year's awards, so the sheet must give its year"},
	"input.year.needed_condition": {"điều kiện {0} của bộ tiêu chí xét các năm trước nên bảng điểm phải ghi năm", "the rulebook's condition {0} looks at the years before, so the sheet must give its year"},
	"input.no_members":            {"bảng điểm không có đơn vị nào", "the sheet lists no members"},

	// Members.
	"input.member.no_id":            {"đơn vị chưa có mã", "a member needs an id"},
	"input.member.spaces":           {"mã đơn vị {0} có khoảng trắng ở đầu hoặc cuối", "member id {0} has surrounding spaces"},
	"input.member.twice":            {"được liệt kê hai lần trong danh sách đơn vị{p0}", "member listed twice{p0}"},
	"input.member.unknown":          {"mã đơn vị {0} không có trong danh sách đơn vị của bảng điểm", "unknown member {0} (not in the sheet's member list)"},
	"input.member.nothing_assigned": {"không được giao tiêu chí nào", "no criterion is assigned to this member"},

	// Criteria, scores and their values.
	"input.criterion.unknown":    {"tiêu chí {0} không có trong bộ tiêu chí {1}", "unknown criterion {0} (not in rulebook {1})"},
	"input.stage.unknown":        {"giai đoạn chấm {0} không có trong bộ tiêu chí (các giai đoạn: {1})", "unknown assessment stage {0} (the rulebook's stages: {1})"},
	"input.not_assigned.twice":   {"được đánh dấu không được giao hai lần{p0}", "marked not assigned twice{p0}"},
	"input.score.twice":          {"điểm giai đoạn {0} được nhập lần thứ hai{p0}", "a second {0} score{p0}"},
	"input.score.twice_by":       {"điểm giai đoạn {0} của người chấm {1} được nhập lần thứ hai{p0}", "a second {0} score by {1}{p0}"},
	"input.score.group":          {"{0} là nhóm tiêu chí; hãy chấm điểm các tiêu chí thuộc nhóm ({1})", "{0} is a group; score its criteria ({1})"},
	"input.score.not_assigned":   {"có điểm nhưng được đánh dấu không được giao cho đơn vị này", "has a score but is marked not assigned (không được giao) to this member"},
	"input.score.missing":        {"chưa có điểm (bộ tiêu chí quy định thiếu điểm là lỗi; nếu tiêu chí không áp dụng, hãy đánh dấu không được giao)", "no score given (the rulebook's missing-value policy is error; if the criterion does not apply, mark it not assigned)"},
	"input.score.missing_stage":  {"chưa có điểm ở giai đoạn {0}, giai đoạn được tính (bộ tiêu chí quy định thiếu điểm là lỗi; nếu tiêu chí không áp dụng, hãy đánh dấu không được giao)", "no score at stage {0}, the stage that counts (the rulebook's missing-value policy is error; if the criterion does not apply, mark it not assigned)"},
	"input.value.negative":       {"giá trị không được âm, nhận được {0:n}", "value must not be negative, found {0}"},
	"input.value.above_max":      {"{0:n} điểm vượt điểm tối đa {1:n}", "{0} points is above the maximum {1}"},
	"input.value.pass_fail":      {"tiêu chí đạt/không đạt chỉ nhận 1 (đạt) hoặc 0 (không đạt), nhận được {0:n}", "pass/fail takes 1 (đạt) or 0 (không đạt), found {0}"},
	"input.value.per_occurrence": {"tiêu chí tính theo số lần chỉ nhận số nguyên, nhận được {0:n}", "per-occurrence takes a whole count, found {0}"},
	"input.value.votes":          {"tiêu chí quy đổi phiếu bầu thành điểm, không nhận điểm chấm (hãy ghi kết quả bỏ phiếu)", "converts the ballot's votes into points; it takes no score (record the ballot instead)"},
	"input.relative.several":     {"tiêu chí chấm so sánh trong cụm chỉ nhận một giá trị đo ở mỗi giai đoạn; có {0:n} giá trị ở giai đoạn {1}", "is scored relative to the cluster and takes one measured value per stage; found {0} at stage {1}"},
	"input.assessor.missing":     {"giai đoạn {0} có nhiều điểm nên mỗi điểm phải ghi người chấm", "stage {0} has several scores, so each needs an assessor"},
	"input.assessor.too_few":     {"giai đoạn {0} có {1:n} người chấm; trung bình sau khi bỏ {2:n} điểm cao nhất và {3:n} điểm thấp nhất cần ít nhất {4:n} người chấm", "stage {0}: the number of assessors is {1}; a trimmed mean dropping the {2} highest and {3} lowest needs at least {4}"},

	// Targets.
	"input.target.twice":        {"chỉ tiêu được nhập lần thứ hai{p0}", "a second target{p0}"},
	"input.target.method":       {"chỉ tiêu chỉ áp dụng cho tiêu chí tính theo tỷ lệ (ratio) và so sánh (relative); tiêu chí này tính theo phương pháp {0}", "a target applies only to ratio and relative criteria, this one is {0}"},
	"input.target.group":        {"chỉ tiêu chỉ áp dụng cho tiêu chí tính theo tỷ lệ (ratio) và so sánh (relative); đây là nhóm tiêu chí", "a target applies only to ratio and relative criteria, this one is a group"},
	"input.target.not_positive": {"chỉ tiêu phải lớn hơn 0, nhận được {0:n}", "target must be above zero, found {0}"},
	"input.target.missing":      {"chưa có chỉ tiêu: tiêu chí không có chỉ tiêu mặc định và bảng điểm không ghi chỉ tiêu cho đơn vị này", "no target: the criterion has no default target and the sheet gives none for this member"},

	// Bonus and deduction items.
	"input.bonus.unknown":      {"không có khoản điểm thưởng {0} trong bộ tiêu chí", "unknown bonus item {0}"},
	"input.deduction.unknown":  {"không có khoản điểm trừ {0} trong bộ tiêu chí", "unknown deduction item {0}"},
	"input.bonus.negative":     {"số lần được cộng điểm thưởng không được âm, nhận được {0:n}", "bonus count must not be negative, found {0}"},
	"input.deduction.negative": {"số lần bị trừ điểm không được âm, nhận được {0:n}", "deduction count must not be negative, found {0}"},
	"input.bonus.twice":        {"khoản điểm thưởng được nhập hai lần{p0}; hãy ghi một dòng kèm số lần", "bonus item given twice{p0}; give one row with the count"},
	"input.deduction.twice":    {"khoản điểm trừ được nhập hai lần{p0}; hãy ghi một dòng kèm số lần", "deduction item given twice{p0}; give one row with the count"},

	// Facts (tiêu chuẩn stated yes or no).
	"input.fact.unknown":    {"tiêu chuẩn {0} không được khai báo trong bộ tiêu chí", "unknown fact {0} (not declared in the rulebook)"},
	"input.fact.twice":      {"tiêu chuẩn được ghi nhận hai lần{p0}", "fact given twice{p0}"},
	"input.fact.not_stated": {"chưa ghi nhận tiêu chuẩn ({0}) và bộ tiêu chí không quy định giá trị mặc định", "fact not stated ({0}) and the rulebook gives no default"},

	// The ballot ({list} names what uses it), lots and past awards.
	"input.ballot.missing":       {"bộ tiêu chí có sử dụng kết quả bỏ phiếu ({list}) nhưng bảng điểm không ghi kết quả bỏ phiếu", "the rulebook uses the ballot ({list}) but the sheet records none"},
	"input.ballot.use.criterion": {"tiêu chí {0}", "criterion {0}"},
	"input.ballot.use.condition": {"điều kiện {0}", "condition {0}"},
	"input.ballot.use.tiebreak":  {"tiêu chí ưu tiên “{0:rule}”", "tie-break {0}"},
	"input.ballot.not_listed":    {"bộ tiêu chí không khai báo lần bỏ phiếu nào (votes.ballots), nhưng bảng điểm ghi lần bỏ phiếu {0}", "the rulebook lists no ballots (votes.ballots), but the sheet records ballot {0}"},
	"input.ballot.unnamed":       {"bộ tiêu chí có nhiều lần bỏ phiếu: kết quả bỏ phiếu phải ghi rõ là lần nào ({0})", "the rulebook lists several ballots: name the ballot this result is of ({0})"},
	"input.ballot.unknown":       {"bộ tiêu chí không có lần bỏ phiếu {0}; các lần bỏ phiếu là: {1}", "the rulebook has no ballot {0}; its ballots are: {1}"},
	"input.ballot.twice":         {"lần bỏ phiếu được ghi hai lần{p0}", "ballot recorded twice{p0}"},
	"input.ballot.negative":      {"bỏ phiếu: số thành viên có quyền bỏ phiếu và số thành viên có mặt không được âm", "ballot: entitled and present must not be negative"},
	"input.ballot.present":       {"bỏ phiếu: {0:n} thành viên có mặt nhưng chỉ có {1:n} thành viên có quyền bỏ phiếu", "ballot: {0} present but only {1} entitled to vote"},
	"input.votes.twice":          {"số phiếu được ghi hai lần{p0}", "votes given twice{p0}"},
	"input.votes.negative":       {"số phiếu không được âm", "vote counts must not be negative"},
	"input.votes.too_many":       {"{0:n} tán thành + {1:n} không tán thành + {2:n} không biểu quyết, nhiều hơn số thành viên có mặt ({3:n})", "{0} for + {1} against + {2} abstaining is more than the {3} present"},
	"input.lots.unknown":         {"kết quả bốc thăm ghi đơn vị {0} không có trong danh sách đơn vị", "the recorded drawing of lots names an unknown member {0}"},
	"input.lots.twice":           {"kết quả bốc thăm ghi đơn vị này hai lần", "the recorded drawing of lots names the member twice"},
	"input.history.incomplete":   {"khen thưởng năm trước phải ghi đơn vị, năm và hình thức khen thưởng", "a past award needs a member, a year and an award"},

	// Files of any format.
	"sheet.too_large": {"tệp lớn hơn {0} byte", "file is larger than {0} bytes"},
	"sheet.format":    {"định dạng bảng điểm {0} không được hỗ trợ (chỉ dùng .csv, .txt, .json, .yaml, .yml hoặc .xlsx)", "unknown score sheet format {0} (expected .csv, .txt, .json, .yaml, .yml or .xlsx)"},
	"sheet.year":      {"năm phải từ 1900 đến 9999, nhận được {0}", "expected a year from 1900 to 9999, found {0}"},

	// CSV files: the file and its header.
	"csv.empty":            {"tệp rỗng: cần có dòng tiêu đề (record, member, key, value, stage, assessor, note)", "empty file: expected a header row (record, member, key, value, stage, assessor, note)"},
	"csv.bare_quote":       {"dấu \" nằm trong ô không đặt trong ngoặc kép", "bare \" in non-quoted-field"},
	"csv.quote":            {"thừa hoặc thiếu dấu \" trong ô đặt trong ngoặc kép", "extraneous or missing \" in quoted-field"},
	"csv.error":            {"{0}", "{0}"},
	"csv.column.unknown":   {"tên cột {0} không hợp lệ (các cột: {1})", "unknown column {0} (expected {1})"},
	"csv.column.twice":     {"cột {0} xuất hiện hai lần", "column {0} appears twice"},
	"csv.column.no_record": {"dòng tiêu đề phải có cột record (các cột: {0})", "the header needs a record column (expected {0})"},

	// CSV files: rows. Record kinds, column names and keys (score, member,
	// name, entitled, for …) are the file's own words and stay as they are.
	"csv.row.too_wide.comma":     {"dòng có {0:n} ô nhưng dòng tiêu đề có {1:n} cột; hãy đặt số có dấu phẩy thập phân trong ngoặc kép (\"9,75\") hoặc dùng dấu chấm phẩy để phân cách các cột", "row has {0} cells but the header has {1} columns; write a decimal comma inside quotes (\"9,75\") or separate the file with semicolons"},
	"csv.row.too_wide.semicolon": {"dòng có {0:n} ô nhưng dòng tiêu đề có {1:n} cột; hãy đặt giá trị có dấu chấm phẩy trong ngoặc kép", "row has {0} cells but the header has {1} columns; write a value holding a semicolon inside quotes"},
	"csv.control":                {"giá trị {1} ở cột {0} có dấu xuống dòng, dấu tab hoặc ký tự điều khiển khác; mã và khóa phải là văn bản thường trên một dòng", "the {0} {1} holds a line break, tab or other control character; ids and keys must be plain text on one line"},
	"csv.row.needs":              {"dòng {0} thiếu giá trị ở cột {1}", "a {0} row needs a {1}"},
	"csv.record.empty":           {"cột record để trống", "the record column is empty"},
	"csv.record.unknown":         {"loại dòng {0} không hợp lệ (chỉ dùng cluster, member, score, target, not_assigned, bonus, deduction, fact, ballot, votes, history, lots hoặc match)", "unknown record {0} (expected cluster, member, score, target, not_assigned, bonus, deduction, fact, ballot, votes, history, lots or match)"},
	"csv.cluster.key":            {"dòng cluster có key là name hoặc year, nhận được {0}", "cluster rows have key name or year, found {0}"},
	"csv.cluster.year":           {"năm thi đua: cần ghi năm dạng 2020, nhận được {0}", "cluster year: expected a year like 2020, found {0}"},
	"csv.cluster.name.twice":     {"tên cụm được ghi hai lần (đã có ở dòng {0})", "cluster name given twice (also on line {0})"},
	"csv.cluster.year.twice":     {"năm thi đua được ghi hai lần (đã có ở dòng {0})", "cluster year given twice (also on line {0})"},
	"csv.member.key":             {"dòng member có key là name (hoặc để trống), nhận được {0}", "member rows have key name (or none), found {0}"},
	"csv.score.no_value":         {"dòng score phải có giá trị (một số, hoặc na nếu tiêu chí không được giao)", "a score row needs a value (a number, or na for not assigned)"},
	"csv.target.value":           {"chỉ tiêu: {p0}", "target: {p0}"},
	"csv.bonus.count":            {"số lần cộng điểm thưởng: {p0}", "bonus count: {p0}"},
	"csv.deduction.count":        {"số lần trừ điểm: {p0}", "deduction count: {p0}"},
	"csv.ballot.key":             {"dòng ballot có key là entitled hoặc present, nhận được {0}", "ballot rows have key entitled or present, found {0}"},
	"csv.ballot.count":           {"bỏ phiếu: {p0}", "ballot: {p0}"},
	"csv.ballot.twice":           {"bỏ phiếu: {0} được ghi hai lần (đã có ở dòng {1})", "ballot {0} given twice (also on line {1})"},
	"csv.votes.key":              {"dòng votes có key là for, against hoặc abstain, nhận được {0}", "votes rows have key for, against or abstain, found {0}"},
	"csv.votes.count":            {"số phiếu: {p0}", "votes: {p0}"},
	"csv.votes.twice":            {"số phiếu {0} được ghi hai lần (đã có ở dòng {1})", "votes {0} given twice (also on line {1})"},
	"csv.history.year":           {"dòng history phải có key là năm (từ 1900 đến 9999), nhận được {0}", "history rows have the year as key, found {0} (expected a year from 1900 to 9999)"},
	"csv.lots.position":          {"bốc thăm: cần ghi thứ tự bốc thăm (1 là thứ nhất), nhận được {0}", "lots: expected the position drawn (1 for the first), found {0}"},
	"csv.lots.sequence":          {"bốc thăm: thứ tự phải liên tục 1, 2, 3 … không bỏ sót, không trùng; ghi {0} trong khi cần {1}", "lots: positions must run 1, 2, 3 … without gaps or repeats; found {0} where {1} was expected"},

	// Values in cells (internal/fields).
	"fields.decimal":        {"cần một số dạng 9,75 hoặc 9.75, nhận được {0}", "expected a number like 9.75 or 9,75, found {0}"},
	"fields.decimal.digits": {"cần một số dạng 9,75 hoặc 9.75, nhận được {0} (quá {1} chữ số có nghĩa)", "expected a number like 9.75 or 9,75, found {0} (more than {1} significant digits)"},
	"fields.decimal.places": {"cần một số dạng 9,75 hoặc 9.75, nhận được {0} (có chữ số cách dấu thập phân quá {1} vị trí)", "expected a number like 9.75 or 9,75, found {0} (digits more than {1} places from the decimal point)"},
	"fields.whole_number":   {"cần một số nguyên, nhận được {0}", "expected a whole number, found {0}"},
	"fields.yes_no":         {"cần ghi true hoặc false (yes/no, có/không, 1/0), nhận được {0}", "expected true or false (yes/no, có/không, 1/0), found {0}"},
}
