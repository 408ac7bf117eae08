package lang

// recordTexts are the sentences of package record (sealed result records:
// hồ sơ kết quả niêm phong), of its JSON reader record/jcs, and of the
// seal, verify and keygen commands. Hashes, key fingerprints, ids and
// years are written as they are.
var recordTexts = map[string][2]string{
	// record/jcs: the JSON of a record.
	"record.json.at":         {"dòng {0}, cột {1}: {p0}", "line {0}, column {1}: {p0}"},
	"record.json.trailing":   {"còn dữ liệu sau giá trị JSON", "data after the JSON value"},
	"record.json.eof":        {"tài liệu JSON kết thúc giữa chừng", "the JSON document ends too early"},
	"record.json.utf8":       {"byte không phải UTF-8 hợp lệ", "bytes that are not valid UTF-8"},
	"record.json.unexpected": {"ký tự {0} không đúng cú pháp JSON ở đây", "unexpected character {0}"},
	"record.json.depth":      {"lồng nhau quá {0} cấp", "nested more than {0} levels deep"},
	"record.json.control":    {"ký tự điều khiển {0} trong chuỗi phải được viết dạng thoát (\\u…)", "control character {0} in a string must be escaped (\\u…)"},
	"record.json.escape":     {"chuỗi thoát {0} không hợp lệ", "invalid escape {0}"},
	"record.json.surrogate":  {"{0} là nửa cặp UTF-16 đứng lẻ, không phải một ký tự", "{0} is a lone UTF-16 surrogate, not a character"},
	"record.json.number":     {"số {0} không biểu diễn được bằng số thực 64 bit", "number {0} is not a finite 64-bit double"},
	"record.json.duplicate":  {"khóa {0} xuất hiện hai lần", "key {0} appears twice"},

	// Reading a record.
	"record.err.not_canonical":            {"hồ sơ không ở dạng chuẩn RFC 8785 (khác từ byte thứ {0}): hồ sơ đã bị sửa hoặc định dạng lại", "the record is not in its RFC 8785 canonical form (it differs from byte {0} on): it was edited or reformatted"},
	"record.err.want_object":              {"phải là một đối tượng JSON", "must be a JSON object"},
	"record.err.want_array":               {"phải là một mảng JSON", "must be a JSON array"},
	"record.err.want_string":              {"phải là một chuỗi", "must be a string"},
	"record.err.want_strings":             {"phải là một mảng chuỗi", "must be an array of strings"},
	"record.err.want_bool":                {"phải là true hoặc false", "must be true or false"},
	"record.err.missing":                  {"thiếu khóa {0}", "key {0} is missing"},
	"record.err.unknown_key":              {"khóa {0} không có trong định dạng hồ sơ", "unknown key {0}"},
	"record.err.schema":                   {"lược đồ phải là {0}, nhận được {1}", "schema must be {0}, found {1}"},
	"record.err.form.hash":                {"mã băm phải có dạng sha256: và 64 chữ số hex viết thường, nhận được {0}", "a hash must be sha256: and 64 lower-case hex digits, found {0}"},
	"record.err.form.integer":             {"phải là số nguyên không âm viết thành chuỗi, không có số 0 đứng đầu, nhận được {0}", "must be a whole number written as a string, without leading zeros, found {0}"},
	"record.err.form.decimal":             {"phải là số thập phân viết thành chuỗi, dấu chấm thập phân, không có số 0 thừa, nhận được {0}", "must be a decimal written as a string, with a decimal point and no extra zeros, found {0}"},
	"record.err.form.year":                {"năm phải có 4 chữ số, viết thành chuỗi, nhận được {0}", "the year must be 4 digits, written as a string, found {0}"},
	"record.err.form.time":                {"thời điểm phải theo RFC 3339, giờ UTC, đến giây (2021-01-05T09:00:00Z), nhận được {0}", "the time must be RFC 3339 in UTC, to the second (2021-01-05T09:00:00Z), found {0}"},
	"record.err.form.signature":           {"chữ ký phải là 64 byte Ed25519 viết base64 chuẩn, nhận được {0}", "the signature must be 64 bytes of Ed25519 in standard base64, found {0}"},
	"record.err.signature_without_signer": {"có chữ ký nhưng không có khóa signer nêu khóa đã ký", "a signature without a signer naming the key that made it"},

	// Sealing.
	"record.seal.mismatch":      {"kết quả xếp hạng không được tính từ bộ tiêu chí và bảng điểm này", "the standings were not ranked from this rulebook and sheet"},
	"record.seal.no_year":       {"bảng điểm không ghi năm đánh giá: hồ sơ niêm phong cần năm", "the sheet states no year: a sealed record needs one"},
	"record.seal.prev_tampered": {"hồ sơ năm trước không toàn vẹn: ghi mã băm {0}, tính được {1}", "the previous record is not intact: it states hash {0}, its content has {1}"},
	"record.seal.prev_year":     {"hồ sơ trước là của năm {0}, bảng điểm là của năm {1}: các năm trong chuỗi phải liên tiếp", "the previous record is of {0}, the sheet of {1}: the years of a chain must follow each other"},
	"record.seal.prev_cluster":  {"hồ sơ trước thuộc cụm {0}, bảng điểm thuộc cụm {1}", "the previous record is of cluster {0}, the sheet of cluster {1}"},

	// Key files.
	"record.key.size": {"khóa bí mật Ed25519 không đúng độ dài", "the Ed25519 private key has the wrong length"},
	"record.key.pem":  {"không có khối PEM {0}", "no PEM block {0}"},
	"record.key.der":  {"không đọc được khóa: {0}", "the key cannot be read: {0}"},
	"record.key.type": {"khóa không phải khóa Ed25519", "the key is not an Ed25519 key"},

	// Verifying a record.
	"record.check.not_intact":       {"không kiểm tra: hồ sơ không toàn vẹn nên không tin được nội dung", "not checked: the record is not intact, so its content cannot be trusted"},
	"record.check.hash.ok":          {"hồ sơ toàn vẹn, mã băm {0}", "the record is intact, hash {0}"},
	"record.check.hash.mismatch":    {"hồ sơ đã bị sửa: ghi mã băm {0}, nội dung có mã băm {1}", "the record was altered: it states hash {0}, its content has {1}"},
	"record.check.hash.result":      {"hồ sơ đã bị sửa: ghi mã băm kết quả {0}, kết quả ghi kèm có mã băm {1}", "the record was altered: it states result hash {0}, the result it holds has {1}"},
	"record.check.sig.unsigned":     {"hồ sơ không có chữ ký", "the record is not signed"},
	"record.check.sig.ok":           {"chữ ký Ed25519 hợp lệ, khóa {0}", "valid Ed25519 signature, key {0}"},
	"record.check.sig.bad":          {"chữ ký không khớp với nội dung (khóa {0}): hồ sơ đã bị sửa", "the signature does not match the content (key {0}): the record was altered"},
	"record.check.sig.stripped":     {"hồ sơ nêu khóa ký {0} nhưng không có chữ ký: chữ ký đã bị gỡ", "the record names signing key {0} but has no signature: it was removed"},
	"record.check.sig.no_key":       {"hồ sơ được ký bằng khóa {0}, chưa có khóa công khai để kiểm tra", "the record is signed with key {0}, and no public key was given to check it"},
	"record.check.sig.other_key":    {"hồ sơ được ký bằng khóa {0}, không phải khóa đã cho {1}", "the record is signed with key {0}, not with the key given, {1}"},
	"record.check.sig.expected":     {"hồ sơ không có chữ ký, dù đã cho khóa {0}", "the record is not signed, but key {0} was given"},
	"record.check.rulebook.ok":      {"bộ tiêu chí {0} phiên bản {1}, đúng nội dung {2}", "rulebook {0} version {1}, content {2} as recorded"},
	"record.check.rulebook.other":   {"hồ sơ ghi bộ tiêu chí {0} phiên bản {1}, tệp đã cho là {2} phiên bản {3}", "the record names rulebook {0} version {1}, the file given is {2} version {3}"},
	"record.check.rulebook.changed": {"bộ tiêu chí {0} phiên bản {1} đã thay đổi nội dung: hồ sơ ghi {2}, tệp đã cho có {3}", "rulebook {0} version {1} has other content: the record names {2}, the file given has {3}"},
	"record.check.rulebook.file":    {"tệp bộ tiêu chí không phải tệp đã niêm phong (mã băm các byte: hồ sơ ghi {0}, tệp đã cho có {1}), dù nội dung chấm điểm như nhau: tệp đã bị sửa ghi chú hoặc định dạng lại", "the rulebook file is not the file sealed (hash of its bytes: the record names {0}, the file given has {1}), though its rules are the same: a comment was edited or the file reformatted"},
	"record.check.rulebook.skipped": {"không kiểm tra bộ tiêu chí (chưa cho tệp)", "the rulebook is not checked (no file given)"},
	"record.check.sheet.ok":         {"bảng điểm đúng nội dung {0}", "score sheet content {0} as recorded"},
	"record.check.sheet.changed":    {"bảng điểm đã thay đổi: hồ sơ ghi {0}, tệp đã cho có {1}", "the score sheet has changed: the record names {0}, the file given has {1}"},
	"record.check.sheet.file":       {"tệp bảng điểm không phải tệp đã niêm phong (mã băm các byte: hồ sơ ghi {0}, tệp đã cho có {1}), dù điểm số như nhau: tệp đã bị sửa ghi chú hoặc định dạng lại", "the score sheet file is not the file sealed (hash of its bytes: the record names {0}, the file given has {1}), though its scores are the same: a note was edited or the file reformatted"},
	"record.check.sheet.skipped":    {"không kiểm tra bảng điểm (chưa cho tệp)", "the score sheet is not checked (no file given)"},
	"record.check.result.ok":        {"xếp hạng lại cho đúng kết quả đã ghi, mã băm {0}", "ranking again gives the recorded result, hash {0}"},
	"record.check.result.differs":   {"xếp hạng lại cho kết quả khác: {p0}", "ranking again gives another result: {p0}"},
	"record.check.result.error":     {"không xếp hạng lại được: {0}", "cannot rank again: {0}"},
	"record.check.result.skipped":   {"không xếp hạng lại (cần đúng bộ tiêu chí và bảng điểm đã ghi)", "not ranked again (this needs the recorded rulebook and sheet)"},
	"record.check.chain.first":      {"hồ sơ đầu tiên của chuỗi (không có hồ sơ trước)", "the first record of its chain (no previous record)"},
	"record.check.chain.skipped":    {"không kiểm tra chuỗi: chưa có hồ sơ năm trước {0}", "the chain is not checked: the previous record {0} was not given"},
	"record.diff.compact":           {"hồ sơ gọn ghi mã băm kết quả {0}, tính lại được {1}", "the compact record states result hash {0}, ranking again gives {1}"},
	"record.diff.rows":              {"hồ sơ có {0} đơn vị, tính lại có {1}", "the record has {0} members, ranking again gives {1}"},
	"record.diff.row":               {"dòng {0}: hồ sơ ghi {1} hạng {2}, {3:n} điểm; tính lại được {4} hạng {5}, {6:n} điểm", "row {0}: the record has {1} at rank {2} with {3}; ranking again gives {4} at rank {5} with {6}"},
	"record.diff.award":             {"khen thưởng {0}: hồ sơ đề nghị {1}, tính lại đề nghị {2}", "award {0}: the record proposes {1}, ranking again proposes {2}"},
	"record.diff.other":             {"khác ở chi tiết (căn cứ xếp hạng, điều kiện, suất khen thưởng hoặc bằng điểm)", "a detail differs (the deciding rule, eligibility, an award's places or a tie)"},

	// A chain of records.
	"record.chain.ok":         {"chuỗi {0} hồ sơ liền mạch, từ năm {1} đến năm {2}, hồ sơ cuối có mã băm {3}", "a chain of {0} records without a break, {1} to {2}, the last with hash {3}"},
	"record.chain.empty":      {"không có hồ sơ nào để kiểm tra chuỗi", "no records to check as a chain"},
	"record.chain.tampered":   {"hồ sơ năm {0} đã bị sửa: ghi mã băm {1}, nội dung có mã băm {2}", "the record of {0} was altered: it states hash {1}, its content has {2}"},
	"record.chain.cluster":    {"hồ sơ năm {0} thuộc cụm {1}, không phải cụm {2}", "the record of {0} is of cluster {1}, not {2}"},
	"record.chain.fork":       {"chuỗi bị rẽ nhánh: hai hồ sơ khác nhau cho năm {0}, {1} và {2}", "a fork: two different records for {0}, {1} and {2}"},
	"record.chain.gap":        {"chuỗi bị đứt: sau năm {0} là năm {1}, thiếu các năm ở giữa", "a gap: {1} follows {0}, the years between are missing"},
	"record.chain.no_prev":    {"chuỗi bị đứt: hồ sơ năm {0} không nối với hồ sơ năm {1} ({2})", "a break: the record of {0} does not name the record of {1} ({2})"},
	"record.chain.prev":       {"chuỗi bị đứt: hồ sơ năm {0} nối với {1}, nhưng hồ sơ năm {2} có mã băm {3}", "a break: the record of {0} names {1} as its previous record, but the record of {2} has hash {3}"},
	"record.chain.link":       {"hồ sơ năm {0}: {p0}", "the record of {0}: {p0}"},
	"record.chain.unreadable": {"không đọc được hồ sơ {0} của chuỗi: {p0}", "a record of the chain, {0}, cannot be read: {p0}"},

	// Why a check failed (record.Kind.Message).
	"record.kind.tampered": {"hồ sơ đã bị sửa", "the record was tampered with"},
	"record.kind.rulebook": {"sai bộ tiêu chí", "wrong rulebook"},
	"record.kind.sheet":    {"bảng điểm đã thay đổi", "the score sheet changed"},
	"record.kind.result":   {"xếp hạng lại cho kết quả khác", "ranking again gives a different result"},
	"record.kind.chain":    {"chuỗi hồ sơ bị đứt hoặc rẽ nhánh", "the chain is broken or forked"},
	"record.kind.key":      {"khóa ký không phải khóa đã biết", "unknown signing key"},
}
