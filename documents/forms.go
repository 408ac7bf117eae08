package documents

// The law changes under a cluster's feet, and a document drafted for the
// result of year Y cites what was in force in Y:
//
//   - from 2024: Luật Thi đua, khen thưởng 06/2022/QH15 (in force
//     01/01/2024) and Nghị định 98/2023/NĐ-CP (issued 31/12/2023), whose
//     Phụ lục I holds Mẫu 01 (tờ trình) and Mẫu 02 (báo cáo thành tích);
//     Nghị định 152/2025/NĐ-CP followed in 2025, so the documents add "or
//     the form in force";
//   - 2017 to 2023: Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) and
//     Nghị định 91/2017/NĐ-CP, with the report forms appended to it (its
//     effective date, 01/10/2017, is recalled, not read: the results of
//     2017 were reviewed in 2018, under it);
//   - before 2017: no form is named, only "the rules in force for Y".
//
// A year of 0 (the sheet names none) is read as the present.
//
// The legal grounds (căn cứ) come from the rulebook's legal basis, filtered
// by the same year (rules.Regulation.LegalBasisIn).

// firstYearND98 is the first result year whose documents follow Nghị định
// 98/2023/NĐ-CP and its forms; firstYearND91 the first under Nghị định
// 91/2017/NĐ-CP.
const (
	firstYearND98 = 2024
	firstYearND91 = 2017
)

// draftNotice is the draft notice for the document named name, citing the
// forms in force for the year of the result.
func (b *builder) draftNotice(name string) string {
	switch y := b.st.Year; {
	case y == 0 || y >= firstYearND98:
		return b.say("doc.draft", name)
	case y >= firstYearND91:
		return b.say("doc.draft_nd91", name, y)
	default:
		return b.say("doc.draft_year", name, y)
	}
}

// reportsForm is the dossier line for the achievement reports, on the form
// in force for the year of the result.
func (b *builder) reportsForm() string {
	switch y := b.st.Year; {
	case y == 0 || y >= firstYearND98:
		return b.say("doc.dossier_reports")
	case y >= firstYearND91:
		return b.say("doc.dossier_reports_nd91")
	default:
		return b.say("doc.dossier_reports_year", y)
	}
}
