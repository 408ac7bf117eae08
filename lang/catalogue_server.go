package lang

// serverTexts are the problems of a request to the JSON API (package
// server) that are not problems of the files it carries: a field missing
// or unknown, a parameter out of range, a body too large or in a format
// the API does not read, a method or path it does not serve, a deadline.
var serverTexts = map[string][2]string{
	// {0} is the field's name
	"server.field.missing": {"thiếu trường {0}", "the field {0} is missing"},
	"server.field.unknown": {"yêu cầu này không có trường {0}", "this request has no field {0}"},
	"server.field.twice":   {"trường {0} được gửi hai lần", "the field {0} is given twice"},
	"server.field.type":    {"trường {0} phải là một chuỗi, một số hoặc true/false", "the field {0} must be a string, a number or true/false"},
	"server.field.base64":  {"trường {0} không phải là dữ liệu base64 hợp lệ", "the field {0} is not valid base64"},
	// {1} is the field that may not be given with {0}
	"server.field.exclusive": {"chỉ gửi một trong hai trường {0} và {1}", "give one of the fields {0} and {1}, not both"},
	"server.field.one_of":    {"cần một trong hai trường {0} hoặc {1}", "one of the fields {0} or {1} is required"},
	// a parameter's value: {0} the field, {1} the value found (quoted)
	"server.param.int":     {"trường {0} phải là số nguyên từ {2:n} đến {3:n}, nhận được {1}", "the field {0} must be a whole number from {2} to {3}, found {1}"},
	"server.param.uint":    {"trường {0} phải là số nguyên không âm, nhận được {1}", "the field {0} must be a whole number from 0, found {1}"},
	"server.param.bool":    {"trường {0} phải là true hoặc false, nhận được {1}", "the field {0} must be true or false, found {1}"},
	"server.param.decimal": {"trường {0} phải là số như 0,5 hoặc 0.5, nhận được {1}", "the field {0} must be a number like 0.5, found {1}"},
	// {2} lists the values allowed
	"server.param.choice": {"trường {0} phải là một trong {2}, nhận được {1}", "the field {0} must be one of {2}, found {1}"},
	"server.param.steps":  {"trường {0} phải có dạng TIÊU_CHÍ=BƯỚC, cách nhau bằng dấu phẩy (03=0.5,05=1), nhận được {1}", "the field {0} must be CRIT=STEP pairs separated by commas (03=0.5,05=1), found {1}"},
	"server.param.score":  {"trường {0} phải có dạng ĐƠN_VỊ:TIÊU_CHÍ (SCT:08), nhận được {1}", "the field {0} must be MEMBER:CRIT (SCT:08), found {1}"},
	// the request's body: {0} what the reader said (in English)
	"server.body.json":       {"không đọc được nội dung JSON của yêu cầu: {0}", "the request's JSON body cannot be read: {0}"},
	"server.body.not_object": {"nội dung JSON của yêu cầu phải là một đối tượng (object)", "the request's JSON body must be an object"},
	"server.body.multipart":  {"không đọc được nội dung multipart của yêu cầu: {0}", "the request's multipart body cannot be read: {0}"},
	"server.body.parts":      {"yêu cầu có hơn {0:n} phần", "the request has more than {0} parts"},
	"server.body.too_large":  {"yêu cầu lớn hơn giới hạn {0:n} byte", "the request is larger than the limit of {0} bytes"},
	// {0} is the Content-Type received
	"server.body.media_type": {"kiểu nội dung {0} không được hỗ trợ: gửi multipart/form-data hoặc application/json", "content type {0} is not supported: send multipart/form-data or application/json"},
	// {0} the method, {1} the path, {2} the methods allowed
	"server.method":    {"{1} không nhận phương thức {0}; dùng {2}", "{1} does not take {0}; use {2}"},
	"server.not_found": {"không có địa chỉ {0}; xem /openapi.json", "there is no {0}; see /openapi.json"},
	// {0} the deadline, e.g. "30s"
	"server.deadline": {"yêu cầu chạy quá thời hạn {0}", "the request took longer than its limit of {0}"},
	"server.busy":     {"máy chủ đang bận, hãy thử lại sau", "the server is busy; try again later"},
	// {0} what went wrong, in English
	"server.internal": {"lỗi máy chủ: {0}", "server error: {0}"},
}
