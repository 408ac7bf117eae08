package audit_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestMessages writes every sentence and phrase of the audit in both
// languages with its values: one case per key of lang/catalogue_audit.go
// (TestMessagesCoverTheCatalogue checks that none is missing). Vietnamese
// numbers take a decimal comma; names and ids stay as they are.
func TestMessages(t *testing.T) {
	for _, tc := range auditMessages() {
		if got := tc.m.In(lang.Vietnamese); got != tc.vi {
			t.Errorf("%s in Vietnamese:\n got %s\nwant %s", tc.m.Key, got, tc.vi)
		}
		if got := tc.m.In(lang.English); got != tc.en {
			t.Errorf("%s in English:\n got %s\nwant %s", tc.m.Key, got, tc.en)
		}
		for _, s := range []string{tc.vi, tc.en} {
			if strings.ContainsAny(s, "{}‹›") {
				t.Errorf("%s: a placeholder is left: %s", tc.m.Key, s)
			}
		}
	}
}

type messageCase struct {
	m      lang.Message
	vi, en string
}

func auditMessages() []messageCase {
	rb := lang.Msg("audit.rulebook", "caobang-cum2", "2020.1")
	group := lang.Msg("audit.node.group", "II", "Kiểm tra")
	crit := lang.Msg("audit.node.criterion", "03", "Kế hoạch")
	halfUp := rules.Rounding{Places: 2}.Message()
	down := rules.Rounding{Places: 2, Mode: rules.RoundDown}.Message()
	chain := lang.Msg("audit.chain").With(lang.Msg("rule", "total"), lang.Msg("rule", "group I"), lang.Msg("rule", "more_votes"))
	terms := lang.Msg("audit.sum.plus").With(lang.Msg("audit.sum.term", "I", "38.5"), lang.Msg("audit.sum.term", "II", "19"))
	up, lo := lang.Msg("value.number", "38.5"), lang.Msg("value.number", "38")
	votes := lang.Msg("fail.votes.members", 5, 7, "80%")
	total := lang.Msg("fail.min_total", "76", "80")
	return []messageCase{
		// Phrases.
		{rb, "bộ tiêu chí caobang-cum2 (phiên bản 2020.1)", "rulebook caobang-cum2 (version 2020.1)"},
		{group, "nhóm II (Kiểm tra)", "group II (Kiểm tra)"},
		{crit, "tiêu chí 03 (Kế hoạch)", "criterion 03 (Kế hoạch)"},
		{lang.Msg("audit.what.points").With(group), "điểm nhóm II (Kiểm tra)", "the points of group II (Kiểm tra)"},
		{lang.Msg("audit.what.total"), "tổng điểm", "the total"},
		{lang.Msg("audit.what.percent"), "tỷ lệ điểm", "the percentage"},
		{lang.Msg("audit.what.percent_of_max"), "tỷ lệ điểm so với số điểm tối đa có thể đạt", "the percentage of the attainable maximum"},
		{lang.Msg("audit.what.bonus"), "điểm thưởng", "the bonus points"},
		{lang.Msg("audit.what.deductions"), "điểm trừ", "the deductions"},
		{chain, "tổng điểm, nhóm I, nhiều phiếu hơn", "total, group I, more_votes"},
		{lang.Msg("audit.rank.recomputed", "3="), "xếp hạng 3= theo kết quả tính lại", "recomputed rank 3="},
		{lang.Msg("audit.rank.none"), "không có hạng theo kết quả tính lại", "no recomputed rank"},

		// Rounding.
		{halfUp, "đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên", "2 places, half_up"},
		{rules.Rounding{Places: 1, Mode: rules.RoundHalfEven}.Message(), "đến 1 chữ số thập phân, làm tròn 5 về số chẵn", "1 place, half_even"},
		{lang.Msg("audit.places.none"), "không làm tròn", "no rounding"},
		{down, "đến 2 chữ số thập phân, bỏ phần lẻ", "2 places, down"},
		{rules.RoundUp.Message(), "làm tròn ra xa số 0", "up"},
		{rules.RoundFloor.Message(), "làm tròn xuống", "floor"},
		{rules.RoundCeiling.Message(), "làm tròn lên", "ceiling"},
		{lang.Msg("audit.rounding.rulebook", "8.38").With(halfUp),
			"bộ tiêu chí quy định làm tròn đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên, tức là 8,38",
			"the rulebook rounds with 2 places, half_up, which gives 8.38"},
		{lang.Msg("audit.rounding.rulebook_none"), "bộ tiêu chí không quy định làm tròn giá trị này", "the rulebook does not round it"},

		// Sums.
		{terms, "I 38,5 + II 19", "I 38.5 + II 19"},
		{lang.Msg("audit.sum.deductions", "0.5").With(lang.Msg("audit.sum.bonus", "2.25").With(terms)),
			"I 38,5 + II 19 + điểm thưởng 2,25 − điểm trừ 0,5", "I 38.5 + II 19 + bonus 2.25 − deductions 0.5"},

		// Values.
		{lang.Msg("audit.value.rank_basis.total", 5, "86.28"), "hạng 5, tổng điểm 86,28", "rank 5, total 86.28"},
		{lang.Msg("audit.value.rank_basis.percent", 5, "86.28"), "hạng 5, tỷ lệ điểm 86,28", "rank 5, percentage 86.28"},
		{lang.Msg("audit.value.basis_of.total", "SCT", "96.35"), "tổng điểm của SCT: 96,35", "total of SCT: 96.35"},
		{lang.Msg("audit.value.basis_of.percent", "SCT", "96.35"), "tỷ lệ điểm của SCT: 96,35", "percentage of SCT: 96.35"},
		{lang.Msg("audit.value.above_rank.total", 4, "81.75"), "trên hạng 4 (tổng điểm 81,75)", "above rank 4 (total 81.75)"},
		{lang.Msg("audit.value.above_rank.percent", 4, "81.75"), "trên hạng 4 (tỷ lệ điểm 81,75)", "above rank 4 (percentage 81.75)"},
		{lang.Msg("audit.value.each.total", "94.7"), "cùng tổng điểm 94,7", "total 94.7 each"},
		{lang.Msg("audit.value.each.percent", "94.7"), "cùng tỷ lệ điểm 94,7", "percentage 94.7 each"},
		{lang.Msg("audit.value.ranks", 2, 3), "hạng 2 và hạng 3", "ranks 2 and 3"},
		{lang.Msg("audit.value.rank_above", 3, 4), "hạng 3 trên hạng 4", "3 above 4"},
		{lang.Msg("audit.value.pending", "SCT, SKHCN"), "chờ phân định: SCT, SKHCN", "pending: SCT, SKHCN"},
		{lang.Msg("audit.decided.unresolved", "SCT"), "bằng điểm, chưa phân định với SCT", "unresolved tie with SCT"},

		// The inputs.
		{lang.Msg("audit.not_in_force.sheet", 2021, "2020-01-01 – 2020-12-31").With(rb),
			"Bảng điểm là của năm 2021, nhưng bộ tiêu chí caobang-cum2 (phiên bản 2020.1) có hiệu lực trong thời gian 2020-01-01 – 2020-12-31: đây không phải quy định áp dụng cho năm đó.",
			"The score sheet is for 2021, but rulebook caobang-cum2 (version 2020.1) is in force 2020-01-01 – 2020-12-31: it is not the regulation of that year."},
		{lang.Msg("audit.not_in_force.minutes", 2021, "2020-01-01 – 2020-12-31").With(rb),
			"Biên bản là của năm 2021, nhưng bộ tiêu chí caobang-cum2 (phiên bản 2020.1) có hiệu lực trong thời gian 2020-01-01 – 2020-12-31: đây không phải quy định áp dụng cho năm đó.",
			"The minutes are for 2021, but rulebook caobang-cum2 (version 2020.1) is in force 2020-01-01 – 2020-12-31: it is not the regulation of that year."},
		{lang.Msg("audit.identity.year", 2021, 2020), "Biên bản là của năm 2021 nhưng bảng điểm là của năm 2020.", "The minutes are for 2021 but the score sheet is for 2020."},
		{lang.Msg("audit.identity.cluster", `"Cụm I"`, `"Cụm II"`), `Biên bản ghi tên cụm là "Cụm I" nhưng bảng điểm ghi "Cụm II".`, `The minutes are for "Cụm I" but the score sheet is for "Cụm II".`},
		{lang.Msg("audit.identity.rulebook", "caobang-cum1").With(rb),
			"Biên bản viện dẫn bộ tiêu chí caobang-cum1, nhưng cuộc kiểm tra dùng bộ tiêu chí caobang-cum2 (phiên bản 2020.1).",
			"The minutes cite rulebook caobang-cum1, but the audit uses rulebook caobang-cum2 (version 2020.1)."},
		{lang.Msg("audit.identity.version", "2019.1", "caobang-cum2", "2020.1"),
			"Biên bản viện dẫn phiên bản 2019.1 của bộ tiêu chí caobang-cum2, nhưng cuộc kiểm tra dùng phiên bản 2020.1.",
			"The minutes cite version 2019.1 of rulebook caobang-cum2, but the audit uses version 2020.1."},
		{lang.Msg("audit.sheet.unknown_criterion", `"09"`, "Sở Công Thương (SCT)").With(rb),
			`Bảng điểm ghi tiêu chí "09" cho Sở Công Thương (SCT), nhưng bộ tiêu chí caobang-cum2 (phiên bản 2020.1) không có tiêu chí này; dòng này không được đưa vào tính lại.`,
			`The score sheet names criterion "09" for Sở Công Thương (SCT), which rulebook caobang-cum2 (version 2020.1) does not have; the recomputation left this row out.`},
		{lang.Msg("audit.sheet.unknown_score", "Sở Công Thương (SCT)", `"09"`).With(rb),
			`Bảng điểm chấm điểm cho Sở Công Thương (SCT) ở tiêu chí "09", nhưng bộ tiêu chí caobang-cum2 (phiên bản 2020.1) không có tiêu chí này; dòng này không được đưa vào tính lại.`,
			`The score sheet gives Sở Công Thương (SCT) a score for criterion "09", which rulebook caobang-cum2 (version 2020.1) does not have; the recomputation left this row out.`},
		{lang.Msg("audit.sheet.above_max", "TTT", "19.5", "04", "Kiểm tra", "cluster", "10"),
			"Bảng điểm chấm cho TTT 19,5 điểm ở tiêu chí 04 (Kiểm tra), vòng chấm cluster, vượt điểm tối đa 10; dòng này không được đưa vào tính lại.",
			"The score sheet gives TTT 19.5 points for criterion 04 (Kiểm tra) at stage cluster, above its maximum of 10; the recomputation left this row out."},
		{lang.Msg("audit.sheet.problem").With(lang.Msg("audit.sheet.quoted", "ballot: present must not be negative")),
			"Bảng điểm có lỗi: ballot: present must not be negative.", "The score sheet has a problem: ballot: present must not be negative."},
		{lang.Msg("audit.sheet.problem.then").With(lang.Msg("audit.sheet.quoted", "ballot: bad"), lang.Msg("audit.left_out.ballot")),
			"Bảng điểm có lỗi: ballot: bad; kết quả bỏ phiếu không được đưa vào tính lại.", "The score sheet has a problem: ballot: bad; the recomputation left the ballot out."},
		{lang.Msg("audit.sheet.member_problem", "TTT").With(lang.Msg("audit.sheet.at", "04").With(lang.Msg("audit.sheet.quoted", "no score"))), "Bảng điểm có lỗi ở TTT: 04: no score.", "The score sheet has a problem with TTT: 04: no score."},
		{lang.Msg("audit.sheet.member_problem.then", "TTT").With(lang.Msg("audit.sheet.at", "04").With(lang.Msg("audit.sheet.quoted", "bad")), lang.Msg("audit.left_out.row")),
			"Bảng điểm có lỗi ở TTT: 04: bad; dòng này không được đưa vào tính lại.", "The score sheet has a problem with TTT: 04: bad; the recomputation left this row out."},
		{lang.Msg("audit.sheet.member_problem.then", "TTT").With(lang.Msg("audit.sheet.quoted", "bad"), lang.Msg("audit.left_out.lots")),
			"Bảng điểm có lỗi ở TTT: bad; kết quả bốc thăm không được đưa vào tính lại.", "The score sheet has a problem with TTT: bad; the recomputation left the drawing of lots out."},
		{lang.Msg("audit.left_out.member", "Thanh tra tỉnh (TTT)"), "Thanh tra tỉnh (TTT) bị loại hẳn khỏi phần tính lại", "the recomputation left Thanh tra tỉnh (TTT) out altogether"},
		{lang.Msg("audit.not_recomputed", "no ballot"),
			"Không tính lại được kết quả từ bảng điểm (no ballot); chỉ kiểm tra được các phép tính trong chính biên bản.",
			"The result could not be recomputed from the score sheet (no ballot); only the minutes' own arithmetic was checked."},
		{lang.Msg("audit.missing_from_sheet", "Sở Y tế (SYT)"),
			"Biên bản có tên Sở Y tế (SYT), nhưng đơn vị này không có trong bảng điểm: không kiểm tra được số liệu của đơn vị.",
			"The minutes name Sở Y tế (SYT), which is not a member in the score sheet: its figures cannot be checked."},
		{lang.Msg("audit.missing_from_recorded", "TTT"), "TTT có trong bảng điểm nhưng không có trong biên bản.", "TTT is a member in the score sheet but does not appear in the minutes."},
		{lang.Msg("audit.excluded", "TTT"),
			"TTT bị loại khỏi phần tính lại do các lỗi của bảng điểm nêu trên: số liệu, thứ hạng và khen thưởng của đơn vị ghi trong biên bản không được đối chiếu, thứ hạng của các đơn vị khác được tính lại không có đơn vị này.",
			"TTT was left out of the recomputation, because of the sheet problems above: its recorded figures, rank and awards are not compared, and the others' ranks are recomputed without it."},

		// Arithmetic.
		{lang.Msg("audit.subtotal.unknown", "SCT", `"V"`).With(rb),
			`Biên bản ghi điểm của SCT ở "V", nhưng đây không phải nhóm hay tiêu chí của bộ tiêu chí caobang-cum2 (phiên bản 2020.1).`,
			`The minutes give SCT a subtotal for "V", which is not a group or criterion of rulebook caobang-cum2 (version 2020.1).`},
		{lang.Msg("audit.subtotal.above_max", "TTT", "21.5", "20").With(group),
			"Biên bản ghi TTT đạt 21,5 điểm ở nhóm II (Kiểm tra), vượt điểm tối đa 20.", "The minutes give TTT 21.5 for group II (Kiểm tra), above its maximum of 20."},
		{lang.Msg("audit.rounding.too_many_places", "SXD", "18.004").With(lang.Msg("audit.what.points").With(crit), halfUp),
			"Biên bản ghi điểm tiêu chí 03 (Kế hoạch) của SXD là 18,004, nhiều chữ số thập phân hơn quy định của bộ tiêu chí: làm tròn đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên.",
			"The minutes give SXD the points of criterion 03 (Kế hoạch) as 18.004, with more decimal places than the rulebook's rounding (2 places, half_up) allows."},
		{lang.Msg("audit.rounding.other", "STNMT", "8.37", "8.375").With(lang.Msg("audit.what.total"), down, lang.Msg("audit.rounding.rulebook", "8.38").With(halfUp)),
			"Biên bản ghi tổng điểm của STNMT là 8,37: đó là giá trị chính xác 8,375 làm tròn đến 2 chữ số thập phân, bỏ phần lẻ, nhưng bộ tiêu chí quy định làm tròn đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên, tức là 8,38.",
			"The minutes give STNMT the total as 8.37: that is the exact 8.375 rounded with 2 places, down, but the rulebook rounds with 2 places, half_up, which gives 8.38."},
		{lang.Msg("audit.value.differs", "TTT", "77", "76.5").With(lang.Msg("audit.what.total"), rb),
			"Biên bản ghi tổng điểm của TTT là 77, nhưng tính lại từ bảng điểm theo bộ tiêu chí caobang-cum2 (phiên bản 2020.1) thì được 76,5.",
			"The minutes give TTT the total as 77, but recomputed from the score sheet under rulebook caobang-cum2 (version 2020.1) it is 76.5."},
		{lang.Msg("audit.votes.differs", "SCT", 5, 7),
			"Biên bản ghi SCT được 5 phiếu tán thành, nhưng kết quả bỏ phiếu trong bảng điểm là 7 phiếu.",
			"The minutes give SCT 5 votes in favour, but the ballot in the score sheet gives 7."},
		{lang.Msg("audit.adjustment.above_cap", "SCT", "12.5", "10").With(lang.Msg("audit.what.bonus")),
			"Biên bản ghi điểm thưởng của SCT là 12,5, vượt mức tối đa 10 của bộ tiêu chí.", "The minutes give SCT the bonus points of 12.5, above the rulebook's cap of 10."},
		{lang.Msg("audit.adjustment.differs", "SGTVT", "1", "0.5").With(lang.Msg("audit.what.deductions")),
			"Biên bản ghi điểm trừ của SGTVT là 1, nhưng tính lại từ bảng điểm thì được 0,5.", "The minutes give SGTVT the deductions of 1, but recomputed from the score sheet they are 0.5."},
		{lang.Msg("audit.sum.group", "SCT", "39", "I", "38.5").With(terms),
			"Biên bản ghi SCT đạt 39 điểm ở nhóm I, nhưng cộng các tiêu chí đã ghi (I 38,5 + II 19) thì được 38,5.",
			"The minutes give SCT 39 for group I, but its recorded criteria (I 38.5 + II 19) add up to 38.5."},
		{lang.Msg("audit.sum.group.weighted", "SCT", "39", "I", "38.5", "0.5").With(terms),
			"Biên bản ghi SCT đạt 39 điểm ở nhóm I, nhưng các tiêu chí đã ghi (I 38,5 + II 19), nhân hệ số 0,5, thì được 38,5.",
			"The minutes give SCT 39 for group I, but its recorded criteria (I 38.5 + II 19), times its weight 0.5, add up to 38.5."},
		{lang.Msg("audit.sum.total", "TTT", "77", "57.5").With(terms),
			"Biên bản ghi tổng điểm của TTT là 77, nhưng cộng các phần đã ghi (I 38,5 + II 19) thì được 57,5.",
			"The minutes give TTT a total of 77, but its recorded parts (I 38.5 + II 19) make 57.5."},
		{lang.Msg("audit.total.above_max", "SCT", "112.5", "110"),
			"Biên bản ghi tổng điểm của SCT là 112,5, cao hơn số điểm tối đa một đơn vị có thể đạt theo bộ tiêu chí (110).",
			"The minutes give SCT a total of 112.5, above the most a member can score under the rulebook (110)."},
		{lang.Msg("audit.ballot.entitled", 8, 7), "Biên bản ghi 8 thành viên có quyền bỏ phiếu, nhưng bảng điểm ghi 7.", "The minutes record 8 members entitled to vote at the ballot, but the score sheet records 7."},
		{lang.Msg("audit.ballot.present", 4, 7), "Biên bản ghi 4 thành viên có mặt khi bỏ phiếu, nhưng bảng điểm ghi 7.", "The minutes record 4 members present at the ballot, but the score sheet records 7."},

		// Ranking.
		{lang.Msg("audit.order.same_rank.total", "A", "B", 2, "94.7", "94.5"),
			"Biên bản xếp A và B cùng hạng 2, nhưng tổng điểm khác nhau (94,7 và 94,5).", "The minutes give A and B the same rank (2), but different totals (94.7 and 94.5)."},
		{lang.Msg("audit.order.same_rank.percent", "A", "B", 2, "94.7", "94.5"),
			"Biên bản xếp A và B cùng hạng 2, nhưng tỷ lệ điểm khác nhau (94,7 và 94,5).", "The minutes give A and B the same rank (2), but different percentages (94.7 and 94.5)."},
		{lang.Msg("audit.order.higher_below.total", "A", 5, "86.28", "B", 4, "81.75"),
			"Biên bản xếp A hạng 5 với tổng điểm 86,28, sau B hạng 4 với 81,75: đơn vị có tổng điểm cao hơn không thể xếp hạng thấp hơn.",
			"The minutes put A at rank 5 with a total of 86.28, below B at rank 4 with 81.75: a higher total cannot rank lower."},
		{lang.Msg("audit.order.higher_below.percent", "A", 5, "86.28", "B", 4, "81.75"),
			"Biên bản xếp A hạng 5 với tỷ lệ điểm 86,28, sau B hạng 4 với 81,75: đơn vị có tỷ lệ điểm cao hơn không thể xếp hạng thấp hơn.",
			"The minutes put A at rank 5 with a percentage of 86.28, below B at rank 4 with 81.75: a higher percentage cannot rank lower."},
		{lang.Msg("audit.order.unexplained_tie.total", "A", "B", "94.7", 2, 3),
			"A và B có cùng tổng điểm trong biên bản (94,7) nhưng khác hạng (hạng 2 và hạng 3), và biên bản không ghi căn cứ phân định giữa hai đơn vị.",
			"A and B have the same recorded total (94.7) but different ranks (2 and 3), and the minutes record no tie-break between them."},
		{lang.Msg("audit.order.unexplained_tie.percent", "A", "B", "94.7", 2, 3),
			"A và B có cùng tỷ lệ điểm trong biên bản (94,7) nhưng khác hạng (hạng 2 và hạng 3), và biên bản không ghi căn cứ phân định giữa hai đơn vị.",
			"A and B have the same recorded percentage (94.7) but different ranks (2 and 3), and the minutes record no tie-break between them."},
		{lang.Msg("audit.order.rank", "A", 4, "5").With(lang.Msg("audit.why.below", "B", "group I").With(up, lo)),
			"Biên bản xếp A hạng 4, nhưng theo kết quả tính lại đơn vị này xếp hạng 5 (xếp sau B theo nhóm I: 38 < 38,5).",
			"The minutes put A at rank 4, but the recomputed standings place it at rank 5 (below B by group I: 38 < 38.5)."},
		{lang.Msg("audit.order.rank", "A", 2, "1").With(lang.Msg("audit.why.first")),
			"Biên bản xếp A hạng 2, nhưng theo kết quả tính lại đơn vị này xếp hạng 1 (đứng đầu).",
			"The minutes put A at rank 2, but the recomputed standings place it at rank 1 (first)."},
		{lang.Msg("audit.why.unresolved", "B"), "bằng điểm, chưa phân định với B", "in an unresolved tie with B"},
		{lang.Msg("audit.why.shared", "B"), "đồng hạng với B", "sharing the rank with B"},
		{lang.Msg("audit.order.shared_rank.total", "A", "B", "79.85", 6, 7),
			"A và B có cùng tổng điểm trong biên bản (79,85) và đồng hạng theo bộ tiêu chí; biên bản xếp hạng 6 và hạng 7 mà không ghi căn cứ, việc này không ảnh hưởng đến khen thưởng.",
			"A and B have the same recorded total (79.85) and share the rank under the rulebook; the minutes rank them 6 and 7 without a tie-break, which decides no award."},
		{lang.Msg("audit.order.shared_rank.percent", "A", "B", "79.85", 6, 7),
			"A và B có cùng tỷ lệ điểm trong biên bản (79,85) và đồng hạng theo bộ tiêu chí; biên bản xếp hạng 6 và hạng 7 mà không ghi căn cứ, việc này không ảnh hưởng đến khen thưởng.",
			"A and B have the same recorded percentage (79.85) and share the rank under the rulebook; the minutes rank them 6 and 7 without a tie-break, which decides no award."},
		{lang.Msg("audit.order.relative", "A", 3, "B", 4, "total").With(up, lo),
			"Biên bản xếp A (hạng 3) trên B (hạng 4), nhưng kết quả tính lại, không kể các đơn vị bị loại, xếp B trên theo tổng điểm: 38 < 38,5.",
			"The minutes rank A (3) above B (4), but the recomputation, without the members it left out, places B above by total: 38 < 38.5."},
		{lang.Msg("audit.tiebreak.not_in_chain", "A", "B", `"số sáng kiến"`).With(rb, chain),
			`Biên bản xếp A trên B theo "số sáng kiến", nhưng đây không phải tiêu chí ưu tiên của bộ tiêu chí caobang-cum2 (phiên bản 2020.1): thứ tự xét là tổng điểm, nhóm I, nhiều phiếu hơn, ngoài ra không được dùng căn cứ nào khác để phân định trường hợp bằng điểm.`,
			`The minutes place A above B by "số sáng kiến", which is not a rule of rulebook caobang-cum2 (version 2020.1): its chain is total, group I, more_votes, and nothing else may break a tie.`},
		{lang.Msg("audit.tiebreak.lots_not_recorded", "A", "B"),
			"Biên bản xếp A trên B bằng bốc thăm; bảng điểm không ghi kết quả bốc thăm nên kết quả tính lại vẫn để hai đơn vị bằng điểm. Cần ghi kết quả bốc thăm vào bảng điểm (các dòng lots) để có thể tính lại kết quả.",
			"The minutes place A above B by drawing lots; the score sheet records no draw, so the recomputation leaves them tied. Record the draw in the sheet (lots rows) to make the result reproducible."},
		{lang.Msg("audit.tiebreak.unresolved", "A", "B", "more_votes").With(chain),
			"Biên bản xếp A trên B theo nhiều phiếu hơn, nhưng hai đơn vị bằng nhau theo mọi tiêu chí ưu tiên (tổng điểm, nhóm I, nhiều phiếu hơn): trường hợp bằng điểm chưa được phân định.",
			"The minutes place A above B by more_votes, but they are equal under every rule of the chain (total, group I, more_votes): the tie is unresolved."},
		{lang.Msg("audit.tiebreak.shared", "A", "B", "more_votes").With(chain),
			"Biên bản xếp A trên B theo nhiều phiếu hơn, nhưng hai đơn vị bằng nhau theo mọi tiêu chí ưu tiên (tổng điểm, nhóm I, nhiều phiếu hơn): hai đơn vị đồng hạng, việc xếp trên dưới không ảnh hưởng đến khen thưởng.",
			"The minutes place A above B by more_votes, but they are equal under every rule of the chain (total, group I, more_votes): they share the rank, and their order decides no award."},
		{lang.Msg("audit.tiebreak.not_needed.total", "A", "B", "more_votes").With(up, lo),
			"Biên bản xếp A trên B theo tiêu chí ưu tiên nhiều phiếu hơn, nhưng tổng điểm của hai đơn vị khác nhau (38,5 so với 38): không cần xét tiêu chí ưu tiên.",
			"The minutes place A above B by the tie-break more_votes, but their totals differ (38.5 v 38): no tie-break was needed."},
		{lang.Msg("audit.tiebreak.not_needed.percent", "A", "B", "more_votes").With(up, lo),
			"Biên bản xếp A trên B theo tiêu chí ưu tiên nhiều phiếu hơn, nhưng tỷ lệ điểm của hai đơn vị khác nhau (38,5 so với 38): không cần xét tiêu chí ưu tiên.",
			"The minutes place A above B by the tie-break more_votes, but their percents differ (38.5 v 38): no tie-break was needed."},
		{lang.Msg("audit.tiebreak.other_rule", "A", "B", "fewer_deductions", "group I").With(up, lo),
			"Biên bản xếp A trên B theo ít điểm trừ hơn, nhưng theo thứ tự tiêu chí ưu tiên, hai đơn vị đã được phân định trước đó theo nhóm I (38,5 so với 38).",
			"The minutes place A above B by fewer_deductions, but the chain separates them first by group I (38.5 v 38)."},
		{lang.Msg("audit.tiebreak.reversed", "A", "B", "group I").With(lo, up),
			"Biên bản xếp A trên B theo nhóm I, nhưng chính tiêu chí này lại xếp hai đơn vị theo thứ tự ngược lại (38 so với 38,5).",
			"The minutes place A above B by group I, but that rule places them the other way (38 v 38.5)."},

		// Grading bands.
		{lang.Msg("audit.grade.unknown", "M05", `"Khá"`).With(rb),
			`Biên bản xếp loại M05 ở mức "Khá", nhưng đây không phải mức xếp loại của bộ tiêu chí caobang-cum2 (phiên bản 2020.1).`,
			`The minutes grade M05 as "Khá", which is not a grading band of rulebook caobang-cum2 (version 2020.1).`},
		{lang.Msg("audit.grade.differs", "M03", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"),
			"Biên bản xếp loại M03 ở mức Hoàn thành xuất sắc nhiệm vụ, nhưng theo kết quả tính lại đơn vị được xếp loại Hoàn thành tốt nhiệm vụ.",
			"The minutes grade M03 as Hoàn thành xuất sắc nhiệm vụ, but the recomputation grades it Hoàn thành tốt nhiệm vụ."},
		{lang.Msg("audit.grade.differs_none", "M06", "Hoàn thành nhiệm vụ"),
			"Biên bản xếp loại M06 ở mức Hoàn thành nhiệm vụ, nhưng theo kết quả tính lại đơn vị không đạt điều kiện của mức xếp loại nào.",
			"The minutes grade M06 as Hoàn thành nhiệm vụ, but by the recomputation it meets the conditions of no band."},
		{lang.Msg("audit.value.grade", "Hoàn thành tốt nhiệm vụ"), "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ"},
		{lang.Msg("audit.value.grade_none"), "không được xếp loại", "not graded"},

		// Awards.
		{lang.Msg("audit.award.unknown", "SGTVT", `"giay_khen"`).With(rb),
			`Biên bản đề nghị khen thưởng SGTVT theo hình thức "giay_khen", nhưng đây không phải hình thức khen thưởng của bộ tiêu chí caobang-cum2 (phiên bản 2020.1).`,
			`The minutes propose SGTVT for "giay_khen", which is not an award tier of rulebook caobang-cum2 (version 2020.1).`},
		{lang.Msg("audit.award.twice", "SCT", "Cờ thi đua", "Bằng khen"),
			"Biên bản đề nghị SCT được khen cả Cờ thi đua và Bằng khen: không khen thưởng nhiều lần cho một thành tích.",
			"The minutes propose SCT for both Cờ thi đua and Bằng khen: one achievement earns one award (không khen thưởng nhiều lần cho một thành tích)."},
		{lang.Msg("audit.award.quota", 3, "Bằng khen", "A, B, C", 2, 7),
			"Biên bản đề nghị 3 đơn vị được Bằng khen (A, B, C), nhưng bộ tiêu chí chỉ cho phép 2 đơn vị trong cụm có 7 thành viên.",
			"The minutes propose 3 members for Bằng khen (A, B, C), but the rulebook allows 2 in a cluster of 7 members."},
		{lang.Msg("audit.award.passed_over", "A", "2", "Cờ thi đua", "B").With(lang.Msg("audit.rank.recomputed", "1")),
			"A xếp hạng 2 theo kết quả tính lại và đủ điều kiện đề nghị Cờ thi đua, nhưng biên bản lại đề nghị B, xếp hạng 1 theo kết quả tính lại, thay cho đơn vị này.",
			"A, at recomputed rank 2 and meeting the conditions of Cờ thi đua, is passed over for it in favour of B, at recomputed rank 1."},
		{lang.Msg("audit.award.unused", "A", "3", "Bằng khen"),
			"A xếp hạng 3 theo kết quả tính lại, đến lượt và đủ điều kiện đề nghị Bằng khen, nhưng biên bản không đề nghị: suất khen thưởng bị bỏ trống.",
			"A, at recomputed rank 3, is in line for Bằng khen and meets its conditions, but the minutes do not propose it: the place is left unused."},
		{lang.Msg("audit.award.pending", 1, "Cờ thi đua", "SCT, SKHCN", "SCT"),
			"Kết quả tính lại để 1 suất Cờ thi đua chờ phân định trường hợp bằng điểm giữa SCT, SKHCN; biên bản trao một suất cho SCT, cần ghi rõ căn cứ phân định hoặc kết quả bốc thăm.",
			"The recomputation leaves 1 place(s) of Cờ thi đua pending an unresolved tie between SCT, SKHCN; the minutes give one to SCT, which needs the tie-break or drawing of lots recorded."},
		{lang.Msg("audit.award.votes", "SCT", "Cờ thi đua", "phieu_80", "Được từ 80% phiếu").With(votes),
			"SCT được đề nghị Cờ thi đua nhưng không đủ số phiếu theo yêu cầu (phieu_80: Được từ 80% phiếu): 5/7 phiếu của thành viên cụm, cần 80%.",
			"SCT is proposed for Cờ thi đua without the votes it requires (phieu_80: Được từ 80% phiếu): 5 votes of 7 members, 80% needed."},
		{lang.Msg("audit.award.ineligible", "TTT", "Bằng khen", "diem_80", "Tổng điểm từ 80").With(total),
			"TTT được đề nghị Bằng khen nhưng không đạt điều kiện diem_80 (Tổng điểm từ 80): tổng điểm 76 dưới 80.",
			"TTT is proposed for Bằng khen but does not meet condition diem_80 (Tổng điểm từ 80): total 76 is below 80."},
		{lang.Msg("audit.award.votes_minutes", "SCT", "Cờ thi đua", "phieu_80", "Được từ 80% phiếu").With(lang.Msg("fail.quorum", 4, 7, "2/3")),
			"SCT được đề nghị Cờ thi đua, nhưng theo chính số phiếu ghi trong biên bản thì không đủ số phiếu theo yêu cầu (phieu_80: Được từ 80% phiếu): không đủ số thành viên dự họp: 4/7, cần 2/3.",
			"SCT is proposed for Cờ thi đua, but by the minutes' own count it lacks the votes it requires (phieu_80: Được từ 80% phiếu): no quorum: 4 of 7 present, 2/3 needed."},

		// Verdicts and counts.
		{lang.Msg("audit.verdict.clean"),
			"Đạt: mọi tổng điểm, thứ hạng và đề nghị khen thưởng ghi trong biên bản đều đúng theo bảng điểm và bộ tiêu chí có hiệu lực; kết quả tính lại khớp với biên bản.",
			"Clean: every recorded total, rank and award follows from the score sheet under the rulebook in force; the recomputation matches the minutes."},
		{lang.Msg("audit.verdict.warnings").With(lang.Msg("audit.count.warning", 1)),
			"Không có lỗi, nhưng có 1 cảnh báo cần xem xét: kết quả ghi trong biên bản khớp với kết quả tính lại ở những nội dung kiểm tra được.",
			"No error, but 1 warning to look at: the recorded result matches the recomputation where it can be checked."},
		{lang.Msg("audit.verdict.errors").With(lang.Msg("audit.count.error", 1), lang.Msg("audit.count.warnings", 4)),
			"Kết quả ghi trong biên bản không đúng với bảng điểm và bộ tiêu chí: 1 lỗi và 4 cảnh báo.",
			"The recorded result does not follow from the score sheet and the rulebook: 1 error and 4 warnings."},
		{lang.Msg("audit.count.errors", 19), "19 lỗi", "19 errors"},
		{lang.Msg("audit.count.info", 1), "1 thông tin", "1 info"},
		{lang.Msg("audit.count.infos", 0), "0 thông tin", "0 infos"},

		// A batch's folders.
		{lang.Msg("audit.malformed.missing").With(lang.Msg("audit.file.rulebook")), "không có bộ tiêu chí (rulebook.yaml)", "no rulebook (rulebook.yaml)"},
		{lang.Msg("audit.malformed.missing").With(lang.Msg("audit.file.sheet")), "không có bảng điểm (scores.csv)", "no score sheet (scores.csv)"},
		{lang.Msg("audit.malformed.ambiguous", 2, "recorded-a.csv, recorded-b.csv").With(lang.Msg("audit.file.recorded")),
			"có 2 tệp cùng có thể là biên bản (recorded.csv): recorded-a.csv, recorded-b.csv",
			"2 files could be the recorded result (recorded.csv): recorded-a.csv, recorded-b.csv"},
		{audit.SkippedFile{Path: "p/2020/c1/recorded.csv", Kind: "symlink"}.Message(),
			`Đã bỏ qua "p/2020/c1/recorded.csv": đây là một liên kết tượng trưng (symlink), không phải tệp thông thường, nên không được đọc.`,
			`Skipped "p/2020/c1/recorded.csv": it is a symbolic link, not a regular file, and is not read.`},
		{audit.SkippedFile{Path: "scores.csv", Kind: "fifo"}.Message(),
			`Đã bỏ qua "scores.csv": đây là một đường ống có tên (FIFO), không phải tệp thông thường, nên không được đọc.`,
			`Skipped "scores.csv": it is a named pipe (FIFO), not a regular file, and is not read.`},
		{audit.SkippedFile{Path: "scores.csv", Kind: "device"}.Message(),
			`Đã bỏ qua "scores.csv": đây là một tệp thiết bị, không phải tệp thông thường, nên không được đọc.`,
			`Skipped "scores.csv": it is a device, not a regular file, and is not read.`},
		{audit.SkippedFile{Path: "scores.csv", Kind: "socket"}.Message(),
			`Đã bỏ qua "scores.csv": đây là một socket, không phải tệp thông thường, nên không được đọc.`,
			`Skipped "scores.csv": it is a socket, not a regular file, and is not read.`},
		{audit.SkippedFile{Path: "scores.csv", Kind: "other"}.Message(),
			`Đã bỏ qua "scores.csv": đây là một tệp đặc biệt, không phải tệp thông thường, nên không được đọc.`,
			`Skipped "scores.csv": it is a special file, not a regular file, and is not read.`},
	}
}

// TestMessagesCoverTheCatalogue checks that TestMessages writes every key
// of the catalogue's audit section, as a case or as a part of one.
func TestMessagesCoverTheCatalogue(t *testing.T) {
	keys := lang.Keys("audit.")
	if len(keys) < 100 {
		t.Fatalf("found %d keys in the catalogue", len(keys))
	}
	tested := map[string]bool{}
	var walk func(m lang.Message)
	walk = func(m lang.Message) {
		tested[m.Key] = true
		for _, p := range m.Parts {
			walk(p)
		}
	}
	for _, tc := range auditMessages() {
		walk(tc.m)
	}
	for _, k := range keys {
		if !strings.HasPrefix(k, "audit.") {
			t.Errorf("key %q of the audit's catalogue is not in the audit's namespace", k)
		}
		if !tested[k] {
			t.Errorf("no case writes %q", k)
		}
	}
}

// TestFindingTexts checks every finding of the seeded-errors example: its
// English Message is its Text in English, the Vietnamese sentence is
// complete, and its recorded and recomputed values, when they are phrases,
// match their messages.
func TestFindingTexts(t *testing.T) {
	r := errorsReport(t)
	if len(r.Findings) < 20 {
		t.Fatalf("%d findings", len(r.Findings))
	}
	kinds := map[audit.Kind]bool{}
	for _, f := range r.Findings {
		checkFindingText(t, f)
		kinds[f.Kind] = true
	}
	if len(kinds) < 14 {
		t.Errorf("the seeded errors give %d kinds of finding", len(kinds))
	}
	if err := r.Verdict.Check(); err != nil {
		t.Errorf("verdict: %v", err)
	}
	for i, c := range r.Members {
		if c.RecomputedRank != "" && i > 0 && c.DecidedBy.IsZero() {
			t.Errorf("%s: recomputed at %s, but nothing says what placed it there", c.Member, c.RecomputedRank)
		}
		if err := c.DecidedBy.Check(); !c.DecidedBy.IsZero() && err != nil {
			t.Errorf("%s: decided by: %v", c.Member, err)
		}
	}
}

// checkFindingText checks one finding's sentence and values: a sentence
// written completely in both languages, and each value either data or a
// phrase, never both.
func checkFindingText(t *testing.T, f audit.Finding) {
	t.Helper()
	if err := f.Message.Check(); err != nil {
		t.Errorf("%s %s: %v", f.Kind, f.Member, err)
		return
	}
	vi, en := f.Text(lang.Vietnamese), f.Text(lang.English)
	if vi == en || strings.ContainsAny(vi, "{}‹›") || !strings.HasSuffix(vi, ".") {
		t.Errorf("%s %s: Vietnamese %q", f.Kind, f.Member, vi)
	}
	for _, v := range []struct {
		raw string
		m   lang.Message
	}{{f.Recorded, f.RecordedPhrase}, {f.Recomputed, f.RecomputedPhrase}} {
		if v.raw != "" && !v.m.IsZero() {
			t.Errorf("%s %s: value %q and phrase %q: one value, written once", f.Kind, f.Member, v.raw, v.m.In(lang.English))
		}
		if err := v.m.Check(); !v.m.IsZero() && err != nil {
			t.Errorf("%s %s: %v", f.Kind, f.Member, err)
		}
	}
	if f.Kind.Label(lang.Vietnamese) == string(f.Kind) || f.Severity.Label(lang.Vietnamese) == string(f.Severity) {
		t.Errorf("%s %s: no Vietnamese label", f.Kind, f.Severity)
	}
}

// TestLabels checks that every kind and severity has a Vietnamese label,
// and an English one that is its name.
func TestLabels(t *testing.T) {
	seen := map[string]audit.Kind{}
	for _, k := range audit.Kinds() {
		vi := k.Label(lang.Vietnamese)
		if vi == string(k) || vi == "" {
			t.Errorf("%s has no Vietnamese label", k)
		}
		if other, dup := seen[vi]; dup {
			t.Errorf("%s and %s have the same label %q", k, other, vi)
		}
		seen[vi] = k
		if k.Label(lang.English) != string(k) {
			t.Errorf("%s in English is %q", k, k.Label(lang.English))
		}
	}
	var got []string
	for _, s := range []audit.Severity{audit.Error, audit.Warning, audit.Info} {
		got = append(got, s.Label(lang.Vietnamese))
		if s.Label(lang.English) != string(s) {
			t.Errorf("%s in English is %q", s, s.Label(lang.English))
		}
	}
	if !slices.Equal(got, []string{"lỗi", "cảnh báo", "thông tin"}) {
		t.Errorf("severities %v", got)
	}
}
