package lang

// xlsxTexts are the problems and warnings of the Excel reader (package
// xlsx): the workbook, its sheets and cells. Each key is the stable code of
// one problem (scoring.InputError's Message.Key) or warning (xlsx.Warning's
// Message.Key). Quoted input ({0} of many keys) is passed already quoted,
// as Go quotes it; sheet names, cell references, formulas, rulebook and
// stage ids, the keys of a mapping file (member, stage:ID, history:YEAR …)
// and errors of other libraries are the same in both languages.
var xlsxTexts = map[string][2]string{
	// Any other error, in its own words.
	"xlsx.error": {"{0}", "{0}"},

	// The file as a whole, before a cell is read ({0} of xlsx.file.damaged
	// and xlsx.file.bad_xml is the error of the zip or XML reader; {p0}
	// names the part, an xlsx.part. message).
	"xlsx.file.encrypted_or_xls": {"đây là tệp Excel có đặt mật khẩu hoặc tệp .xls đời cũ; hãy lưu lại thành tệp .xlsx không đặt mật khẩu", "this is a password-protected workbook or an old .xls file; save it as an .xlsx workbook without a password"},
	"xlsx.file.not_zip":          {"không phải tệp Excel .xlsx ({0})", "not an .xlsx workbook ({0})"},
	"xlsx.file.no_workbook":      {"không phải tệp Excel .xlsx (tệp không có phần workbook)", "not an .xlsx workbook (it has no workbook part)"},
	"xlsx.file.unreadable":       {"không đọc được tệp dưới dạng tệp Excel .xlsx ({0})", "the file cannot be read as an .xlsx workbook ({0})"},
	"xlsx.file.damaged":          {"tệp bị hỏng: không đọc được {p0} ({0})", "the file is damaged: {p0} cannot be read ({0})"},
	"xlsx.file.bad_xml":          {"tệp bị hỏng: {p0} không phải XML hợp lệ ({0})", "the file is damaged: {p0} is not well-formed XML ({0})"},
	"xlsx.file.cell_ref":         {"trang tính {0}: địa chỉ ô {1} không hợp lệ", "sheet {0}: malformed cell reference {1}"},
	"xlsx.file.row_number":       {"trang tính {0}: số dòng {1} không hợp lệ", "sheet {0}: malformed row number {1}"},
	"xlsx.file.beyond_xfd":       {"trang tính {0}: có ô nằm ngoài cột cuối cùng (XFD)", "sheet {0}: a cell beyond the last column XFD"},
	"xlsx.part.shared_strings":   {"bảng chuỗi dùng chung (shared strings)", "the shared strings"},
	"xlsx.part.sheet":            {"trang tính {0}", "sheet {0}"},
	"xlsx.part.workbook":         {"phần workbook của tệp", "the workbook"},
	"xlsx.part.relationships":    {"bảng liên kết {0}", "the relationships {0}"},
	"xlsx.part.other":            {"thành phần {0} của tệp", "the part {0}"},

	// Limits (xlsx.Limits): a file beyond one is refused.
	"xlsx.limit.bytes":          {"tệp có dung lượng {0:n} byte, vượt giới hạn {1:n} byte", "the file is {0} bytes, larger than the limit of {1}"},
	"xlsx.limit.unzipped":       {"tệp Excel khi giải nén vượt giới hạn {0:n} byte", "the workbook decompresses to more than the limit of {0} bytes"},
	"xlsx.limit.parts":          {"tệp Excel có {0:n} thành phần, vượt giới hạn {1:n}", "the workbook has {0} parts, more than the limit of {1}"},
	"xlsx.limit.relationships":  {"{0}: số liên kết vượt giới hạn {1:n}", "{0}: more relationships than the limit of {1}"},
	"xlsx.limit.sheets":         {"tệp Excel có {0:n} trang tính, vượt giới hạn {1:n}", "the workbook has {0} sheets, more than the limit of {1}"},
	"xlsx.limit.sheets_listed":  {"tệp Excel có hơn {0:n} trang tính (vượt giới hạn)", "the workbook has more than {0} sheets (the limit)"},
	"xlsx.limit.rows":           {"trang tính {0} dùng đến dòng {1}, vượt giới hạn {2:n} dòng", "sheet {0} uses row {1}, beyond the limit of {2} rows"},
	"xlsx.limit.cells":          {"số ô của tệp Excel vượt giới hạn {0:n}", "the workbook has more cells than the limit of {0}"},
	"xlsx.limit.sheet_cells":    {"trang tính {0}: số ô của tệp Excel vượt giới hạn {1:n}", "sheet {0}: the workbook has more cells than the limit of {1}"},
	"xlsx.limit.shared_strings": {"tổng số ô và chuỗi dùng chung của tệp Excel vượt giới hạn {0:n}", "the workbook has more cells and shared strings than the limit of {0}"},
	"xlsx.limit.merges":         {"số vùng ô gộp của tệp Excel vượt giới hạn {0:n}", "the workbook has more merged ranges than the limit of {0}"},
	"xlsx.limit.depth":          {"{p0} lồng các phần tử XML sâu quá {0:n} cấp (vượt giới hạn)", "{p0} nests XML elements more than {0} levels deep (the limit)"},
	"xlsx.limit.elements":       {"số phần tử XML của tệp Excel vượt giới hạn {0:n}", "the workbook has more XML elements than the limit of {0}"},
	"xlsx.limit.merged_cells":   {"trang tính {0}: các vùng ô gộp phủ số ô vượt giới hạn {1:n}", "sheet {0}: its merged ranges cover more cells than the limit of {1}"},

	// Finding the data: sheets, layouts, columns. The layout a mapped
	// sheet lacks ({p0}: xlsx.layout.matrix or xlsx.layout.member) is
	// written in Vietnamese without its negation, which the sentence
	// around it gives ("không có …", "không tìm thấy …").
	"xlsx.no_scores":          {"không tìm thấy trang tính bảng điểm: không trang tính nào có dòng tiêu đề ghi các tiêu chí của bộ tiêu chí {0} (theo mã hoặc tên) bên cạnh cột đơn vị, cũng không có các dòng ghi tên tiêu chí dưới các cột giai đoạn chấm ({1}); hãy khai báo các trang tính và cột của chúng trong tệp ánh xạ (mapping)", "no sheet of scores was found: no sheet has a header row naming criteria of rulebook {0} (by id or name) beside a member column, nor rows naming them under stage columns ({1}); name the sheets and their columns in a mapping file"},
	"xlsx.sheet.unreadable":   {"không đọc được trang tính {0} ({1})", "sheet {0} cannot be read ({1})"},
	"xlsx.sheet.skipped":      {"không đọc được trang tính này ({0}); đã bỏ qua", "cannot be read ({0}); skipped"},
	"xlsx.layout.matrix":      {"dòng tiêu đề ghi tên các tiêu chí, kèm cột đơn vị", "no header row naming criteria, with a member column"},
	"xlsx.layout.member":      {"dòng tiêu đề ghi tên các giai đoạn chấm ({0}) phía trên các dòng ghi tên tiêu chí", "no header row naming the stages ({0}) above rows naming the criteria"},
	"xlsx.layout.skipped":     {"khớp với mẫu {0} nhưng không có {p0}; đã bỏ qua", "matches {0} but has {p0}; skipped"},
	"xlsx.layout.not_found":   {"không tìm thấy {p0}; hãy ghi header_row và columns trong tệp ánh xạ", "{p0} was found; give header_row and columns in the mapping"},
	"xlsx.column.another":     {"có thêm một cột {p0}; chỉ đọc cột {0}", "another {p0} column; column {0} is read"},
	"xlsx.column.member":      {"mã đơn vị", "member"},
	"xlsx.column.name":        {"tên đơn vị", "name"},
	"xlsx.column.stage":       {"giai đoạn chấm", "stage"},
	"xlsx.column.assessor":    {"người chấm", "assessor"},
	"xlsx.column.twice":       {"cột này cũng ghi {p0} như cột ở ô {0}; hãy chỉ giữ một cột, ghi giai đoạn chấm riêng cho từng cột (nhãn \"Tự chấm\" / \"Cụm chấm\" cạnh tiêu đề) hoặc dùng tệp ánh xạ", "holds {p0}, as {0} does; keep one column, give each its own stage (a \"Tự chấm\" / \"Cụm chấm\" label next to the header) or use a mapping file"},
	"xlsx.describe.criterion": {"tiêu chí {0}", "criterion {0}"},
	// {0} and {1}: a criterion id and a stage id.
	"xlsx.describe.criterion_stage": {"tiêu chí {0} ở giai đoạn {1}", "criterion {0} at stage {1}"},
	"xlsx.describe.group":           {"nhóm tiêu chí {0}", "group {0}"},
	"xlsx.describe.key":             {"{0}", "{0}"},
	"xlsx.stage.none":               {"không có cột giai đoạn chấm: điểm được đọc là điểm giai đoạn {0}; hãy thêm cột giai đoạn (Giai đoạn) hoặc ghi giai đoạn trong tệp ánh xạ", "no stage column: the scores are read as stage {0}; add a stage column (Giai đoạn) or give the stage in a mapping file"},
	"xlsx.stage.second_column":      {"cột thứ hai của giai đoạn {0}; chỉ đọc cột thứ nhất", "a second column for stage {0}; the first is read"},

	// A mapping file that does not fit the workbook or the rulebook.
	"xlsx.mapping.pattern":        {"tệp ánh xạ: mẫu tên trang tính {0} sai cú pháp ({1})", "mapping: sheet pattern {0}: {1}"},
	"xlsx.mapping.no_sheet":       {"tệp ánh xạ: tệp Excel không có trang tính {0} (các trang tính: {1})", "mapping: the workbook has no sheet {0} (its sheets: {1})"},
	"xlsx.mapping.column_letter":  {"tệp ánh xạ: {0} không phải tên cột dạng E", "mapping: {0} is not a column letter like E"},
	"xlsx.mapping.column":         {"tệp ánh xạ: cột {0}: {p0}", "mapping: column {0}: {p0}"},
	"xlsx.mapping.no_member":      {"tệp ánh xạ: không có cột nào ghi đơn vị (hãy gán một cột là member hoặc name)", "mapping: no column holds the member (map one to member or name)"},
	"xlsx.mapping.stage":          {"tệp ánh xạ: giai đoạn chấm {0} không có trong bộ tiêu chí (các giai đoạn: {1})", "mapping: unknown stage {0} (the rulebook's stages: {1})"},
	"xlsx.mapping.member_column":  {"tệp ánh xạ: cột {0}: các cột của phiếu chấm từng đơn vị chỉ là label, stage:ID, count hoặc ignore, nhận được {1}", "mapping: column {0}: a per-member sheet's columns are label, stage:ID, count or ignore, found {1}"},
	"xlsx.mapping.member_columns": {"tệp ánh xạ: phiếu chấm từng đơn vị cần một cột label và ít nhất một cột stage:ID", "mapping: a per-member sheet needs a label column and at least one stage:ID column"},

	// A key of a mapping file ({0}, quoted) that names nothing, as the
	// part ({p0}) of xlsx.mapping.column.
	"xlsx.key.criterion": {"{0}: tiêu chí {1} không có trong bộ tiêu chí", "{0}: unknown criterion {1}"},
	"xlsx.key.bonus":     {"{0}: không có khoản điểm thưởng {1} trong bộ tiêu chí", "{0}: unknown bonus item {1}"},
	"xlsx.key.deduction": {"{0}: không có khoản điểm trừ {1} trong bộ tiêu chí", "{0}: unknown deduction item {1}"},
	"xlsx.key.item":      {"{0}: không có khoản điểm thưởng hay điểm trừ {1} trong bộ tiêu chí", "{0}: unknown bonus or deduction item {1}"},
	"xlsx.key.fact":      {"{0}: tiêu chuẩn {1} không được khai báo trong bộ tiêu chí", "{0}: unknown fact {1}"},
	"xlsx.key.votes":     {"{0}: số phiếu chỉ ghi for (tán thành), against (không tán thành) hoặc abstain (không biểu quyết)", "{0}: votes are for, against or abstain"},
	"xlsx.key.history":   {"{0}: cần ghi history:YEAR (YEAR là năm), ví dụ history:2019", "{0}: expected history:YEAR, e.g. history:2019"},
	"xlsx.key.stage":     {"{0}: giai đoạn chấm {1} không có trong bộ tiêu chí (các giai đoạn: {2})", "{0}: unknown stage {1} (the rulebook's stages: {2})"},
	"xlsx.key.unknown":   {"{0}: khóa không hợp lệ (chỉ dùng mã tiêu chí, member, name, stage, assessor, target:ID, bonus:ID, deduction:ID, note:ID, fact:ID, votes:for, history:YEAR)", "{0}: unknown key (expected a criterion id, member, name, stage, assessor, target:ID, bonus:ID, deduction:ID, note:ID, fact:ID, votes:for, history:YEAR)"},

	// Rows and members.
	"xlsx.member.renamed":        {"đơn vị {0} ở đây có tên {1} nhưng ở dòng {3} có tên {2}", "member {0} is named {1} here but {2} on row {3}"},
	"xlsx.row.no_member":         {"có giá trị ở dòng không có đơn vị ({p0} để trống)", "a value in a row without a member (the member's {p0} is empty)"},
	"xlsx.row.member_cells.id":   {"ô mã đơn vị {0}", "id {0}"},
	"xlsx.row.member_cells.name": {"ô tên đơn vị {0}", "name {0}"},
	"xlsx.row.member_cells.both": {"ô mã đơn vị {0} và ô tên đơn vị {1}", "id {0} and name {1}"},
	"xlsx.row.no_id":             {"mã đơn vị để trống (dòng của {0})", "the member's id is empty (the row of {0})"},
	"xlsx.row.no_values":         {"{0} không có giá trị nào; dòng này không được đọc là một đơn vị", "{0} has no values; the row is not read as a member"},
	"xlsx.row.unrecognised":      {"dòng {0} không ghi tiêu chí, khoản điểm thưởng, điểm trừ hay tiêu chuẩn nào của bộ tiêu chí {1}; các giá trị của dòng không được đọc", "the row {0} names no criterion, item or fact of rulebook {1}; its values are not read"},
	"xlsx.stage.unknown":         {"giai đoạn chấm {0} không hợp lệ (chỉ dùng: {1})", "unknown stage {0} (expected one of: {1})"},
	"xlsx.stage.empty":           {"dòng có điểm nhưng chưa ghi giai đoạn chấm (chỉ dùng: {0})", "the stage is empty but the row has scores (expected one of: {0})"},
	"xlsx.note.no_count":         {"có ghi chú cho khoản {0} nhưng chưa ghi số lần; hãy ghi số lần ở cột bên cạnh", "a note for {0} but no count; write the number of occurrences next to it"},
	"xlsx.note.member_sheet":     {"ghi chú của khoản điểm thưởng, điểm trừ không được đọc từ phiếu chấm từng đơn vị", "notes of items are not read from a per-member sheet"},
	"xlsx.history.no_year":       {"khen thưởng năm trước ghi ở cột không có năm và chưa biết năm của bảng điểm; hãy ghi năm ở tiêu đề cột (history:2019) hoặc ghi năm ở trang thông tin chung", "a past award in a column without a year, and the sheet's year is not known; write the year in the header (history:2019) or the year on the details sheet"},

	// Values in cells. A value that is not a number, a count or a yes/no
	// word is {p0}, most often a "fields." message.
	"xlsx.value.error":     {"ô hiện lỗi {0}; hãy sửa công thức", "the cell shows the error {0}; correct the formula"},
	"xlsx.value.date":      {"cần một số dạng 9,75 hoặc 9.75, nhận được ngày {0}", "expected a number like 9.75 or 9,75, found the date {0}"},
	"xlsx.value.range":     {"số {0} vượt quá phạm vi cho phép", "the number {0} is out of range"},
	"xlsx.value.yes_no":    {"cần ghi có hoặc không (true/false, 1/0), nhận được {0}", "expected có or không (true/false, 1/0), found {0}"},
	"xlsx.target.value":    {"chỉ tiêu: {p0}", "target: {p0}"},
	"xlsx.bonus.count":     {"số lần cộng điểm thưởng: {p0}", "bonus count: {p0}"},
	"xlsx.deduction.count": {"số lần trừ điểm: {p0}", "deduction count: {p0}"},
	"xlsx.votes.for":       {"số phiếu tán thành: {p0}", "votes for: {p0}"},
	"xlsx.votes.against":   {"số phiếu không tán thành: {p0}", "votes against: {p0}"},
	"xlsx.votes.abstain":   {"số phiếu không biểu quyết: {p0}", "votes abstain: {p0}"},

	// Formulas ({0} of recomputed and {1} of disagrees: the formula as
	// written, without its "=").
	"xlsx.formula.no_value":   {"công thức chưa có giá trị được lưu; hãy mở tệp bằng Excel (hoặc LibreOffice) để tính lại rồi lưu tệp", "the formula has no saved value; open the file in Excel (or LibreOffice), let it calculate and save it"},
	"xlsx.formula.recomputed": {"={0} chưa có giá trị được lưu; đọc là {1:n}, giá trị tính lại từ công thức", "={0} has no saved value; read as {1}, its value recomputed"},
	"xlsx.formula.disagrees":  {"giá trị đã lưu {0:n} khác với kết quả của ={1} là {2:n}; đọc theo giá trị đã lưu (hãy tính lại tệp trong Excel rồi lưu)", "the saved value {0} disagrees with ={1}, which gives {2}; the saved value is read (recalculate the workbook in Excel and save it)"},
	"xlsx.formula.too_many":   {"có hơn {0:n} công thức: các công thức còn lại được đọc theo giá trị đã lưu, không kiểm tra lại", "more than {0} formulas: the rest are read by their saved values without a check"},

	// The details (thông tin chung).
	"xlsx.info.year":     {"năm: cần ghi năm dạng 2020, nhận được {0}", "the year: expected a year like 2020, found {0}"},
	"xlsx.info.entitled": {"số thành viên có quyền bỏ phiếu: {p0}", "entitled: {p0}"},
	"xlsx.info.present":  {"số thành viên có mặt: {p0}", "present: {p0}"},
	"xlsx.info.hash":     {"tệp Excel được lập theo bộ tiêu chí có mã băm {0}; nay được đọc theo bộ tiêu chí {1} phiên bản {2} ({3})", "the workbook was made for a rulebook with hash {0}; it is read with {1} version {2} ({3})"},
}
