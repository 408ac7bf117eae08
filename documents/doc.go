// Package documents drafts the administrative documents a cluster (cụm,
// khối thi đua) produces from its ranked result, with every number taken
// from the standings (nothing typed by hand):
//
//   - the summary table of the scoring results (bảng tổng hợp kết quả chấm
//     điểm): members × criteria groups (nhóm tiêu chí) with the sum of the
//     criteria, the bonus (điểm thưởng), the deductions (điểm trừ), the total
//     (tổng điểm), the votes in favour (phiếu tán thành) when a ballot was
//     recorded, the rank (xếp hạng), the award proposed (đề nghị khen
//     thưởng) and notes (ghi chú) on ties and on the conditions a member does
//     not meet; the conditions of each award; blanks for the signatures of
//     the compiler (người lập biểu) and the cluster head (trưởng cụm);
//   - the submission (tờ trình) of the cluster head to the provincial
//     People's Committee (Ủy ban nhân dân tỉnh) proposing the emulation flag
//     (Cờ thi đua) and certificates of merit (Bằng khen), after the shape of
//     Mẫu 01, Phụ lục I, Nghị định 98/2023/NĐ-CP: the national motto (quốc
//     hiệu, tiêu ngữ), the issuing body (cơ quan ban hành), the number and
//     date left blank (Số: …/TTr-…, ngày … tháng … năm …), the subject (Về
//     việc …), the addressee (Kính gửi), the legal grounds (căn cứ), the
//     ranking with ranks in words (thứ Nhất, thứ Nhì, thứ Ba …), the
//     proposals per award tier, the dossier (hồ sơ kèm theo), the closing
//     request that the council consider the proposals and submit them to
//     whoever decides (… xem xét, trình … quyết định: the rulebook's
//     authority, by default the provincial council and the Chairman of the
//     provincial People's Committee), the recipients of copies (nơi nhận)
//     and the signature (trưởng cụm).
//
// A document follows the law of the year of the result, not of the day it
// is drafted: its grounds are the rulebook's legal basis in force that year
// (rules.Regulation.LegalBasisIn), and the forms it names are those of
// Nghị định 98/2023/NĐ-CP (issued 31/12/2023) only for the results of 2024
// on; for 2017–2023 it names Nghị định 91/2017/NĐ-CP and the Law of 2003
// (sửa đổi 2005, 2013), before that only "the rules in force that year". A
// cluster has no seal and no document register of its own: the signature
// asks for no seal (không đóng dấu) and the file copy is kept with the
// cluster's records at the head unit (đơn vị Trưởng cụm), not "Lưu: VT".
//
// Both are drafts (dự thảo): the form's exact text could not be read, so
// each document says, visibly and in a comment, that it was generated from
// the standings and must be checked against the form in force before it is
// signed. The rulebook's notes (regulation.notes, e.g. "the scores are
// illustrative") are printed on every document, and the rulebook's id,
// version and hash and the sheet's hash close it.
//
// New builds a Document from a rulebook and the standings ranking.Rank
// returned for it; Write renders it as Markdown, as a self-contained HTML
// page laid out for A4 (print it to PDF from a browser) or as a .docx. The
// wording is Vietnamese by default, with Vietnamese numbers (decimal comma:
// 96,35; written from the exact decimal, never through float64); Options
// selects English labels and fills the parts the standings do not know
// (issuing body, addressee, place). Number, Ordinal and Places are the
// number and rank formats the documents use.
package documents
