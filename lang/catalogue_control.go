package lang

// controlTexts are the sentences of rulebook change control — whether the
// rulebook a result is checked against is the one that governed the
// cluster's year (packages audit and history) — and of a sealed record
// audited in place of a recorded result (audit.AuditSealed).
var controlTexts = map[string][2]string{
	// A rulebook dated after the scores it ranks.
	"control.late.year": {"{p0} được ban hành ngày {0}, sau khi năm {1} được chấm điểm đã kết thúc: kết quả năm {1} được xếp theo quy định ban hành sau (áp dụng hồi tố).",
		"{p0} was issued on {0}, after the year {1} it ranks had ended: the result of {1} is ranked under a regulation issued afterwards (retroactively)."},
	"control.late.meeting": {"{p0} được ban hành ngày {0}, sau cuộc họp bình xét ngày {1} ghi trong biên bản: cuộc họp không thể đã áp dụng quy định này.",
		"{p0} was issued on {0}, after the meeting of {1} whose minutes publish the result: the meeting cannot have applied it."},
	"control.late.sealed": {"{p0} được ban hành ngày {0}, sau ngày niêm phong kết quả {1}: kết quả đã niêm phong không thể được xếp theo quy định này.",
		"{p0} was issued on {0}, after the result was sealed on {1}: the sealed result cannot have been ranked under it."},
	"control.late.sealed_in_force": {"{p0} có hiệu lực từ ngày {0}, sau ngày niêm phong kết quả {1}: kết quả đã niêm phong không thể được xếp theo quy định này.",
		"{p0} is in force from {0}, after the result was sealed on {1}: the sealed result cannot have been ranked under it."},

	// A sealed record in a cluster-year folder.
	"control.sealed.unreadable": {"Không đọc được hồ sơ niêm phong {0} (hồ sơ đã bị sửa hoặc không phải hồ sơ kết quả): {p0}.",
		"The sealed record {0} cannot be read (it was altered, or is not a result record): {p0}."},
	"control.sealed.tampered": {"Hồ sơ niêm phong {0} đã bị sửa: ghi mã băm {1}, nội dung có mã băm {2}; không thể dựa vào hồ sơ để biết bộ tiêu chí đã niêm phong.",
		"The sealed record {0} was altered: it states hash {1}, its content has {2}; it cannot say which rulebook was sealed."},
	"control.sealed.other_year": {"Hồ sơ niêm phong {0} là của năm {1}, không phải năm {2} đang kiểm tra: không đối chiếu bộ tiêu chí.",
		"The sealed record {0} is of {1}, not of {2}, the year audited: its rulebook is not compared."},
	"control.sealed.differs": {"{p0} (nội dung {5}) không phải bộ tiêu chí đã niêm phong cho năm {0} trong hồ sơ {1}: hồ sơ ghi bộ tiêu chí {2} phiên bản {3}, nội dung {4}.",
		"{p0} (content {5}) is not the rulebook sealed for {0} in {1}: the record names rulebook {2} version {3}, content {4}."},
	"control.sealed.same": {"{p0} đúng là bộ tiêu chí đã niêm phong cho năm {0} trong hồ sơ {1} (nội dung {2}).",
		"{p0} is the rulebook sealed for {0} in {1} (content {2})."},

	// Two rulebooks for one cluster and period.
	"control.conflict.year": {"Hai bộ tiêu chí khác nhau cho cùng cụm {0}, năm {1}: thư mục {2} dùng {p0} (nội dung {3}), thư mục này dùng {p1} (nội dung {4}). Chỉ một trong hai là quy định áp dụng cho năm đó.",
		"Two different rulebooks for the same cluster {0} and year {1}: folder {2} uses {p0} (content {3}), this folder {p1} (content {4}). Only one of them can be the regulation of that year."},
	"control.conflict.period": {"Hai bộ tiêu chí khác nhau của cụm {0} có thời gian hiệu lực chồng lên nhau: {p0}, có hiệu lực {3} (thư mục {1}, năm {2}), và {p1}, có hiệu lực {4} (thư mục này); nội dung {5} và {6}. Bộ tiêu chí đã được thay thế cần ghi ngày hết hiệu lực.",
		"Two different rulebooks of cluster {0} are in force over overlapping periods: {p0}, in force {3} (folder {1}, year {2}), and {p1}, in force {4} (this folder); contents {5} and {6}. A rulebook that was replaced should say when it ceased to be in force."},

	// A sealed record audited in place of a recorded result.
	"control.verdict.clean": {"Đạt: hồ sơ niêm phong toàn vẹn, ghi đúng bộ tiêu chí và bảng điểm đã cho, và xếp hạng lại cho đúng kết quả đã niêm phong.",
		"Clean: the sealed record is intact, names the rulebook and the score sheet given, and ranking again gives the result sealed."},
	"control.verdict.warnings": {"Không có lỗi, nhưng có {p0} cần xem xét: hồ sơ niêm phong khớp với bộ tiêu chí và bảng điểm ở những nội dung kiểm tra được.",
		"No error, but {p0} to look at: the sealed record matches the rulebook and the score sheet where it can be checked."},
	"control.verdict.errors": {"Hồ sơ niêm phong không khớp với bộ tiêu chí và bảng điểm đã cho: {p0} và {p1}.",
		"The sealed record does not match the rulebook and the score sheet given: {p0} and {p1}."},
	"control.record.finding":         {"Hồ sơ niêm phong, {p0}: {p1}.", "Sealed record, {p0}: {p1}."},
	"control.record.no_key":          {"hồ sơ được ký bằng khóa {0}; chưa có khóa công khai (--pub) nên chưa kiểm tra chữ ký", "the record is signed with key {0}; no public key was given (--pub), so the signature was not checked"},
	"control.record.check.integrity": {"tính toàn vẹn", "integrity"},
	"control.record.check.signature": {"chữ ký", "signature"},
	"control.record.check.rulebook":  {"bộ tiêu chí", "rulebook"},
	"control.record.check.sheet":     {"bảng điểm", "score sheet"},
	"control.record.check.result":    {"kết quả", "result"},
	"control.record.check.chain":     {"chuỗi hồ sơ", "chain"},

	// A cluster's history (package history).
	"history.control.in_record": {"hồ sơ niêm phong {0}: {p0}", "sealed record {0}: {p0}"},
	"history.control.record_year": {"Hồ sơ niêm phong {0} là của năm {1}, không phải năm {2} mà lịch sử gắn với nó: không đối chiếu bộ tiêu chí.",
		"The sealed record {0} is of {1}, not of {2}, the year the history gives it for: its rulebook is not compared."},
	"history.control.conflict": {"Năm {0} và năm {3} của cụm dùng hai bộ tiêu chí khác nhau có thời gian hiệu lực chồng lên nhau: {p0} (tệp {1}, có hiệu lực {2}) và {p1} (tệp {4}, có hiệu lực {5}). Bộ tiêu chí đã được thay thế cần ghi ngày hết hiệu lực.",
		"Years {0} and {3} of the cluster use two different rulebooks whose periods in force overlap: {p0} (file {1}, in force {2}) and {p1} (file {4}, in force {5}). A rulebook that was replaced should say when it ceased to be in force."},
}
