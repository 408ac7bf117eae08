package lang

// scoresheetTexts are the problems of package scoresheet, the one loader of
// score sheets in every format, and of the member lists it reads
// (thidua template --members).
var scoresheetTexts = map[string][2]string{
	// sheets.Load given an Excel workbook: package sheets reads CSV, JSON
	// and YAML only.
	"sheet.xlsx": {"tệp Excel (.xlsx) được đọc bằng gói scoresheet (scoresheet.Load), không phải gói sheets", "an Excel workbook (.xlsx) is read by package scoresheet (scoresheet.Load), not by package sheets"},
	// a format named by a program (scoresheet.ParseFormat): {0} is the
	// name, quoted
	"scoresheet.format.name": {"định dạng bảng điểm {0} không được hỗ trợ (chỉ dùng csv, json, yaml hoặc xlsx)", "unknown score sheet format {0} (expected csv, json, yaml or xlsx)"},
	// a mapping file given for a sheet that is not a workbook
	"scoresheet.mapping.not_xlsx": {"tệp ánh xạ (--mapping) chỉ dùng cho bảng điểm .xlsx", "a mapping file (--mapping) applies to .xlsx score sheets only"},

	// A member list: a CSV file with an id and a name column.
	"members.no_id_column": {"danh sách đơn vị cần có cột mã (id, member hoặc mã đơn vị) và cột tên (name hoặc tên đơn vị)", "a member list needs an id column (id, member or mã đơn vị) and a name column (name or tên đơn vị)"},
	// {0} is the member's name, quoted
	"members.no_id": {"đơn vị {0} không có mã", "member {0} has no id"},
	// {0} is the line of the first row
	"members.twice": {"được ghi hai lần (đã có ở dòng {0})", "listed twice (also on line {0})"},
}
