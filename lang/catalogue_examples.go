package lang

// examplesTexts are the sentences added with the period-correct legal basis
// (rules.LegalRef: a legal-basis entry with the dates it is in force) and
// the documents' citation of the forms in force in the year of the result
// (package documents): before 2024 the basis was Luật Thi đua, khen thưởng
// 2003 (sửa đổi 2005, 2013) and Nghị định 91/2017/NĐ-CP, not Nghị định
// 98/2023/NĐ-CP (issued 31/12/2023). In doc.draft_year and doc.draft_nd91
// {0} names the document and {1} is the year of the result; in
// doc.dossier_reports_year {0} is the year.
var examplesTexts = map[string][2]string{
	"rules.legal_basis.shape":   {"mỗi căn cứ pháp lý là một đoạn văn bản, hoặc một ánh xạ gồm text và (tùy chọn) from, to", "a legal-basis entry is a text, or a mapping of text and (optionally) from, to"},
	"rules.legal_basis.blank":   {"căn cứ pháp lý để trống", "a legal-basis entry is blank"},
	"rules.legal_basis.order":   {"căn cứ {0}: ngày hết hiệu lực ({1}) trước ngày bắt đầu hiệu lực ({2})", "legal basis {0}: ends ({1}) before it starts ({2})"},
	"rules.legal_basis.outside": {"căn cứ {0} có hiệu lực trong thời gian {1}, không trùng với thời gian hiệu lực của bộ tiêu chí {2}: không văn bản nào lập theo bộ tiêu chí này có thể viện dẫn", "legal basis {0} is in force {1}, which does not overlap the rulebook's period {2}: no document drafted under the rulebook can cite it"},

	"doc.draft_nd91":           {"DỰ THẢO. {0} được tạo tự động từ kết quả chấm điểm, xếp hạng (thidua): mọi số liệu lấy từ bảng điểm và bộ tiêu chí ghi ở cuối văn bản, không nhập tay. Phải đối chiếu với quy định có hiệu lực đối với kết quả năm {1} (Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2005, 2013; Nghị định 91/2017/NĐ-CP và các mẫu kèm theo) và quy định của tỉnh trước khi ký ban hành.", "DRAFT. {0} was generated from the scoring and ranking results (thidua): every figure comes from the score sheet and the rulebook identified at the end, none is typed by hand. Check it against the rules in force for the results of {1} (the Law on Emulation and Commendation of 2003, amended in 2005 and 2013; Decree 91/2017/NĐ-CP and its forms) and the province's rules before it is signed."},
	"doc.draft_year":           {"DỰ THẢO. {0} được tạo tự động từ kết quả chấm điểm, xếp hạng (thidua): mọi số liệu lấy từ bảng điểm và bộ tiêu chí ghi ở cuối văn bản, không nhập tay. Phải đối chiếu với mẫu văn bản và hồ sơ theo quy định có hiệu lực đối với kết quả năm {1} và quy định của tỉnh trước khi ký ban hành.", "DRAFT. {0} was generated from the scoring and ranking results (thidua): every figure comes from the score sheet and the rulebook identified at the end, none is typed by hand. Check it against the forms and the dossier required by the rules in force for the results of {1} and the province's rules before it is signed."},
	"doc.dossier_reports_nd91": {"Báo cáo thành tích của các tập thể được đề nghị (theo mẫu ban hành kèm theo Nghị định 91/2017/NĐ-CP).", "Achievement reports of the proposed collectives (on the form appended to Decree 91/2017/NĐ-CP)."},
	"doc.dossier_reports_year": {"Báo cáo thành tích của các tập thể được đề nghị (theo mẫu quy định có hiệu lực đối với kết quả năm {0}).", "Achievement reports of the proposed collectives (on the form in force for the results of {0})."},
}
