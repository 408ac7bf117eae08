package lang

// cliTexts are the words of the command line that are not the
// library's sentences: table heads, titles, the lines around the
// standings, the summaries the commands end with, its usage errors.
// Numbers come already in the language's form; {0} and the other values
// are written as given.
var cliTexts = map[string][2]string{
	// The standings table (thidua rank) and the heads other tables share.
	// In cli.proposals, {0} is the council that considers the proposals
	// (xem xét) and {1} who decides (quyết định): rules.Authority.
	"cli.rank":           {"Hạng", "Rank"},
	"cli.member":         {"Đơn vị", "Member"},
	"cli.total":          {"Tổng điểm", "Total"},
	"cli.percent":        {"Tỷ lệ %", "Percent"},
	"cli.award":          {"Đề nghị khen thưởng", "Award proposed"},
	"cli.decided_by":     {"Căn cứ xếp hạng", "Decided by"},
	"cli.cluster":        {"Cụm thi đua", "Cluster"},
	"cli.rulebook":       {"Bộ tiêu chí: {0}, phiên bản {1} ({2})", "Rulebook: {0}, version {1} ({2})"},
	"cli.sheet":          {"Bảng điểm {0}", "Sheet {0}"},
	"cli.grade":          {"Xếp loại", "Grade"},
	"cli.grades":         {"Xếp loại (không phụ thuộc thứ hạng):", "Grading bands (xếp loại; independent of rank):"},
	"cli.proposals":      {"Đề nghị khen thưởng ({0} xem xét, trình {1} quyết định):", "Award proposals (đề nghị, for {0} to consider and {1} to decide):"},
	"cli.nobody":         {"không có đơn vị", "nobody"},
	"cli.not_decided":    {"chưa xét: chờ phân định trường hợp bằng điểm ở {0}", "not decided: waiting for the tie at {0} to be resolved"},
	"cli.pending":        {"{0} suất CHỜ phân định giữa {1} (bằng điểm chưa phân định)", "{0} place(s) PENDING an unresolved tie between {1}"},
	"cli.skipped":        {"    bỏ qua {0} (không đạt {1})", "    skipped {0} (fails {1})"},
	"cli.forfeited":      {"    không trao suất: {0} không đạt {1}", "    place not awarded: {0} fails {1}"},
	"cli.ties":           {"Trường hợp bằng điểm chưa phân định:", "Unresolved ties:"},
	"cli.tie":            {"  hạng {0}: {1} — bằng nhau theo mọi tiêu chí ưu tiên: {2}", "  rank {0}: {1} — equal under every rule of the chain: {2}"},
	"cli.lots.seed":      {"Bốc thăm với seed {0}: {1}", "Lots drawn with seed {0}: {1}"},
	"cli.lots.recorded":  {"Kết quả bốc thăm đã ghi nhận: {0}", "Lots from the recorded draw: {0}"},
	"cli.failed":         {"Đơn vị chưa đạt điều kiện:", "Eligibility conditions not met:"},
	"cli.divergences":    {"Điểm tự chấm chênh lệch với điểm được tính:", "Self-assessment diverges from the counted score:"},
	"cli.div.total":      {"tổng điểm", "total"},
	"cli.div.criterion":  {"tiêu chí {0}", "criterion {0}"},
	"cli.div.line":       {"  {0} — {1}: tự chấm {2}, được tính {3} (chênh {4} > {5})", "  {0} — {1}: self {2}, counted {3} (gap {4} > {5})"},
	"cli.trace.criteria": {"Các tiêu chí", "Criteria"},
	"cli.trace.total":    {"Tổng điểm", "Total"},
	"cli.trace.percent":  {"Tỷ lệ", "Percentage"},
	"cli.explain":        {"{0} ({1}) — hạng {2}, tổng điểm {3}", "{0} ({1}) — rank {2}, total {3}"},

	// Problems and warnings on standard error.
	"cli.warning":        {"cảnh báo: {0}", "warning: {0}"},
	"cli.problems":       {"{0} lỗi", "{0} problems"},
	"cli.problems.more":  {"… và {0} lỗi khác (chỉ ghi {1} lỗi đầu tiên), theo loại: {2}", "… and {0} more problems (only the first {1} are listed), by kind: {2}"},
	"cli.problems.other": {"khác", "other"},
	"cli.overwrite":      {"thidua {0}: không ghi được vào {1}: tệp này cũng là tệp đầu vào của lệnh, ghi đè sẽ làm mất dữ liệu; hãy chọn tệp khác", "thidua {0}: will not write {1}: it is also one of the command's inputs, which writing it would destroy; choose another file"},

	// thidua simulate: {0} scenarios, {1} the seed, {2} the engine.
	"cli.sim.n":          {"thidua simulate: --n phải từ 1 đến {0} kịch bản, nhận được {1}", "thidua simulate: --n must be from 1 to {0} scenarios, found {1}"},
	"cli.sim.head":       {"Mô phỏng Monte Carlo: {0} kịch bản, seed {1}, {2}", "Monte Carlo simulation: {0} scenarios, seed {1}, {2}"},
	"cli.sim.engine":     {"bộ tính {0}", "{0} engine"},
	"cli.sim.compiled":   {"biên dịch (số nguyên, chính xác)", "compiled"},
	"cli.sim.partial":    {"KẾT QUẢ DỞ DANG: dừng sau {0} trên {1} kịch bản", "PARTIAL RESULT: stopped after {0} of {1} scenarios"},
	"cli.sim.rank":       {"hạng {0}", "rank {0}"},
	"cli.sim.tied":       {"đồng hạng", "shared rank"},
	"cli.sim.unresolved": {"Kịch bản có đồng hạng (bằng nhau theo mọi tiêu chí ưu tiên): {0}; trong đó có suất khen thưởng chờ phân định: {1}", "Scenarios with a shared rank (equal under every rule of the chain): {0}; of which with an award left pending: {1}"},
	"cli.sim.note":       {"Cột khen thưởng: xác suất được đề nghị, kèm khoảng tin cậy 95%; — không lần nào.", "Award columns: probability of being proposed, with its 95% confidence interval; — never."},
	"cli.sim.progress":   {"kịch bản", "scenarios"},

	// thidua audit
	"cli.audit.inside":  {"thidua audit: không ghi được vào {0}: tệp này nằm trong thư mục {1} đang được kiểm tra; hãy chọn tệp ở nơi khác", "thidua audit: will not write {0}: it is inside {1}, the folder being audited; choose a file elsewhere"},
	"cli.audit.written": {"thidua audit: đã ghi báo cáo vào {0}", "thidua audit: report written to {0}"},
	"cli.audit.batch":   {"{0} cụm: {1} đạt, {2} có lỗi, {3} không hợp lệ; phát hiện: {4} lỗi, {5} cảnh báo, {6} thông tin", "{0} clusters: {1} clean, {2} with errors, {3} malformed; findings: {4} errors, {5} warnings, {6} infos"},

	// thidua check: {0} the rulebook, {1} its version, {2} sheets, {3} the seed.
	"cli.check.head":           {"Kiểm tra bộ tiêu chí {0} (phiên bản {1}): {2} bảng điểm ngẫu nhiên, seed {3}", "Checking rulebook {0} (version {1}): {2} random sheets, seed {3}"},
	"cli.check.around":         {"và quanh bảng điểm đã cho ({0})", "and around the sheet given ({0})"},
	"cli.check.cases":          {"{0} trường hợp", "{0} cases"},
	"cli.check.known":          {"Có thể vi phạm do thiết kế: {0}", "May be violated by design: {0}"},
	"cli.check.counterexample": {"Phản ví dụ: {0}", "Counter-example: {0}"},
	"cli.check.sheet":          {"Bảng điểm (CSV):", "Sheet (CSV):"},
	"cli.check.partial":        {"KẾT QUẢ DỞ DANG: việc kiểm tra bị dừng sớm", "PARTIAL RESULT: the check was stopped early"},

	// thidua diff: {0}, {1} the old rulebook and version, {2}, {3} the new.
	"cli.diff.head":   {"So sánh bộ tiêu chí {0} (phiên bản {1}) với {2} (phiên bản {3}):", "Rulebook {0} (version {1}) compared with {2} (version {3}):"},
	"cli.diff.none":   {"Không có khác biệt.", "No difference."},
	"cli.diff.result": {"Kết quả của bảng điểm {0} theo hai bộ tiêu chí:", "The result of the sheet {0} under both rulebooks:"},

	// thidua seal, verify and keygen
	"cli.seal.done":     {"Đã niêm phong kết quả năm {0} vào {1}", "Sealed the result of {0} in {1}"},
	"cli.seal.hash":     {"  mã băm:       {0}", "  hash:        {0}"},
	"cli.seal.prev":     {"  hồ sơ trước:  {0}", "  previous:    {0}"},
	"cli.seal.signer":   {"  ký bằng khóa: {0}", "  signed by:   {0}"},
	"cli.seal.tie":      {"  lưu ý: kết quả có trường hợp bằng điểm chưa phân định", "  note: the result has an unresolved tie"},
	"cli.verify.unread": {"KHÔNG ĐẠT: không đọc được hồ sơ (hồ sơ đã bị sửa hoặc không phải hồ sơ kết quả)", "FAILED: the record cannot be read (it was altered, or is not a result record)"},
	"cli.verify.inputs": {"KHÔNG ĐẠT: bộ tiêu chí hoặc bảng điểm không đọc được, nên không phải tệp đã niêm phong", "FAILED: the rulebook or the sheet cannot be read, so it is not the file sealed"},
	"cli.verify.head":   {"Hồ sơ {0}: {1}, năm {2}, niêm phong {3}", "Record {0}: {1}, {2}, sealed {3}"},
	"cli.verify.fail":   {"[LỖI]", "[FAIL]"},
	"cli.verify.passed": {"ĐẠT: mọi kiểm tra đã thực hiện đều đúng", "PASSED: every check made holds"},
	"cli.verify.failed": {"KHÔNG ĐẠT: {0}", "FAILED: {0}"},
	"cli.keygen.exists": {"thidua keygen: {0} đã có: không ghi đè khóa; hãy chọn tên khác", "thidua keygen: {0} exists: a key is never replaced; choose another name"},
	"cli.keygen.done":   {"Đã tạo cặp khóa Ed25519:\n  {0}  khóa bí mật: chỉ người giữ con dấu của thường trực cụm được đọc; không gửi đi\n  {1}  khóa công khai: gửi cho người cần kiểm tra hồ sơ\n  dấu vân tay: {2}", "Made an Ed25519 key pair:\n  {0}  private key: for the cluster secretariat only; never send it\n  {1}  public key: give it to whoever checks the records\n  fingerprint: {2}"},

	// thidua validate and template
	"cli.validate.rulebook": {"{0}: bộ tiêu chí {1}, phiên bản {2}, {3} tiêu chí và nhóm tiêu chí, tối đa {4} điểm ({5})", "{0}: rulebook {1}, version {2}, {3} criteria and groups, maximum {4} ({5})"},
	"cli.validate.sheet":    {"{0}: {1} đơn vị, {2} điểm, hợp lệ ({3})", "{0}: {1} members, {2} scores, valid ({3})"},
	"cli.template.written":  {"{0}: bảng chấm điểm theo bộ tiêu chí {1}, phiên bản {2}: {3} đơn vị, {4} giai đoạn chấm cho mỗi đơn vị", "{0}: the score sheet of rulebook {1}, version {2}: {3} members, {4} stages per member"},
	"cli.template.next":     {"Điền điểm (xem hướng dẫn ở trang {0}), rồi chạy: thidua rank --rules {1} --scores {2} --out results.xlsx", "Fill it in (see its {0} sheet), then: thidua rank --rules {1} --scores {2} --out results.xlsx"},

	// Usage errors of the commands (exit 2). {0} is the command.
	"cli.usage.unknown":      {"thidua: không có lệnh {0}", "thidua: unknown command {0}"},
	"cli.stdin.twice":        {"thidua {0}: chỉ một tệp đầu vào được đọc từ đầu vào chuẩn (-), không phải cả {1}", "thidua {0}: only one input can be read from standard input (-), not {1}"},
	"cli.stdin.format":       {"thidua {0}: {1} - được đọc từ đầu vào chuẩn: hãy cho định dạng của nó bằng --input-format ({2})", "thidua {0}: {1} - is read from standard input: give its format with --input-format ({2})"},
	"cli.stdin.format.bad":   {"thidua {0}: --input-format phải là một trong {1} cho {2}, nhận được {3}", "thidua {0}: --input-format must be one of {1} for {2}, found {3}"},
	"cli.stdin.unused":       {"thidua {0}: --input-format là định dạng của tệp đọc từ đầu vào chuẩn (-) hoặc của --scores, và lệnh không có tệp nào như vậy", "thidua {0}: --input-format is the format of the input read from standard input (-) or of --scores, and the command has neither"},
	"cli.stdin.unsupported":  {"thidua {0}: {1} không đọc được từ đầu vào chuẩn (-); hãy cho tên tệp", "thidua {0}: {1} cannot be read from standard input (-); give a file"},
	"cli.audit.sealed_stdin": {"thidua audit: hồ sơ niêm phong (thidua/record/v1) chỉ được kiểm tra từ các tệp: hồ sơ, bộ tiêu chí và bảng điểm không đọc từ đầu vào chuẩn, không có --input-format", "thidua audit: a sealed record (thidua/record/v1) is audited from files only: the record, the rulebook and the sheet, none of them standard input, without --input-format"},

	// thidua serve: {0} the page's address.
	"cli.serve.listening":   {"thidua serve: trang làm việc ở {0} (giao diện lập trình: {0}openapi.json); nhấn Ctrl-C để dừng", "thidua serve: the page is at {0} (API: {0}openapi.json); Ctrl-C stops"},
	"cli.serve.stopped":     {"thidua serve: đã dừng", "thidua serve: stopped"},
	"cli.serve.open_failed": {"thidua serve: không mở được trình duyệt ({1}); hãy mở {0} trong trình duyệt", "thidua serve: could not open the browser ({1}); open {0} in a browser"},
}
