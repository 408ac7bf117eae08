package rules_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// textCase is a rulebook with a problem, the key of the problem's message
// (or of one of its parts), and, when vi is given, the problem's message
// written in Vietnamese, exactly.
type textCase struct {
	name string
	text string // the rulebook
	key  string
	vi   string
}

func textCases() []textCase {
	o := func(kv ...string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return doc(m)
	}
	elig := func(line string) string { return o("eligibility", with("eligibility", line)) }
	award := func(line string) string { return o("awards", with("awards", line)) }
	leaf := func(line string) string { return o("criteria", critWith(line)) }
	tie := func(lines string) string { return o("tie_breaks", "tie_breaks:\n"+lines) }
	stage := func(lines string) string { return o("assessment", "assessment:\n"+lines) }
	tiers := func(lines string) string {
		return leaf("      - id: x\n        name: X\n        max: 10\n        method: tiers\n        tiers:\n" + lines)
	}
	return []textCase{
		// The rulebook as a whole.
		{"no id", o("id", ""), "rules.id.missing_rulebook", "bộ tiêu chí thiếu id"},
		{"no version", o("version", ""), "rules.version.missing", "bộ tiêu chí thiếu phiên bản (version), cần có để kết quả ghi rõ đã chấm theo quy định nào"},
		{"no title", o("title", ""), "rules.title.missing", "bộ tiêu chí thiếu tên (title)"},
		{"a period backwards", o("in_force", "in_force:\n  from: 2024-01-01\n  to: 2023-12-31"), "rules.in_force.order",
			"ngày hết hiệu lực (2023-12-31) trước ngày bắt đầu hiệu lực (2024-01-01)"},
		// The legal basis, per period (rules.LegalRef).
		{"a legal basis entry of the wrong shape", o("regulation", "regulation:\n  legal_basis:\n    - [a, b]"), "rules.legal_basis.shape",
			"mỗi căn cứ pháp lý là một đoạn văn bản, hoặc một ánh xạ gồm text và (tùy chọn) from, to"},
		{"a blank legal basis entry", o("regulation", "regulation:\n  legal_basis:\n    - {from: 2024-01-01}"), "rules.legal_basis.blank", "căn cứ pháp lý để trống"},
		{"a legal basis entry backwards", o("regulation", "regulation:\n  legal_basis:\n    - {text: Nghị định X, from: 2024-01-01, to: 2023-12-31}"), "rules.legal_basis.order",
			`căn cứ "Nghị định X": ngày hết hiệu lực (2023-12-31) trước ngày bắt đầu hiệu lực (2024-01-01)`},
		{"a legal basis entry never in force with the rulebook", o("regulation", "regulation:\n  legal_basis:\n    - {text: Nghị định 91/2017/NĐ-CP, to: 2023-12-31}"), "rules.legal_basis.outside",
			`căn cứ "Nghị định 91/2017/NĐ-CP" có hiệu lực trong thời gian … – 2023-12-31, không trùng với thời gian hiệu lực của bộ tiêu chí 2024-01-01 – 2024-12-31: không văn bản nào lập theo bộ tiêu chí này có thể viện dẫn`},
		{"no criteria", o("criteria", "criteria: []", "eligibility", "", "tie_breaks", "", "awards", ""), "rules.criteria.none",
			"bộ tiêu chí phải có ít nhất một tiêu chí"},
		{"an unknown missing-value policy", o("missing", "missing: skip"), "rules.missing.unknown",
			`cách xử lý điểm thiếu "skip" không hợp lệ (dùng error hoặc zero)`},
		{"an unknown ranking basis", o("rank_by", "rank_by: votes"), "rules.rank_by.unknown",
			`căn cứ xếp hạng "votes" không hợp lệ (dùng total hoặc percent)`},
		{"an unknown rank convention", o("rank_by", "rank_convention: olympic"), "rules.rank_convention.unknown",
			`cách đánh số đồng hạng "olympic" không hợp lệ (dùng competition: 1, 1, 3 hoặc dense: 1, 1, 2)`},

		// Ids and names, for every kind of entry.
		{"a criterion without an id", leaf(`      - {name: X, max: 10}`), "rules.id.missing", "tiêu chí thiếu id"},
		{"a criterion without an id names it", leaf(`      - {name: X, max: 10}`), "rules.a.criterion", ""},
		{"a bonus item without an id", o("bonus", with("bonus", "    - {name: X, points: 1}")), "rules.a.bonus_item", "mục điểm thưởng thiếu id"},
		{"a deduction item without an id", o("deductions", with("deductions", "    - {name: X, points: 1, max: 1}")), "rules.a.deduction_item", "mục điểm trừ thiếu id"},
		{"a fact without an id", o("facts", with("facts", "  - {name: X}")), "rules.a.fact", "dữ kiện thiếu id"},
		{"a stage without an id", stage("  stages:\n    - {name: A}"), "rules.a.stage", "vòng chấm thiếu id"},
		{"a condition without an id", elig("  - {reason: R, min_total: 40}"), "rules.a.condition", "điều kiện thiếu id"},
		{"an award tier without an id", award("  - {name: X, count: 1}"), "rules.a.award_tier", "hình thức khen thưởng thiếu id"},
		{"an id with a space", leaf(`      - {id: " x", name: X, max: 10}`), "rules.id.malformed",
			`id tiêu chí " x" có khoảng trắng ở đầu hoặc cuối, dấu phẩy hoặc dấu xuống dòng`},
		{"an id with a space names the criterion", leaf(`      - {id: " x", name: X, max: 10}`), "rules.noun.criterion", ""},
		{"a duplicate criterion", leaf(`      - {id: "1.1", name: X, max: 10}`), "rules.id.duplicate_at",
			`id tiêu chí "1.1" bị trùng (đã dùng tại criteria[0].children[0])`},
		{"a duplicate deduction item", o("deductions", with("deductions", "    - {id: d1, name: X, points: 1, max: 1}")), "rules.noun.deduction_item",
			`id mục điểm trừ "d1" bị trùng (đã dùng tại deductions.items[0])`},
		{"a duplicate fact", o("facts", with("facts", "  - {id: clean, name: X}")), "rules.noun.fact", `id dữ kiện "clean" bị trùng`},
		{"a duplicate stage", stage("  stages:\n    - {id: self, name: A}\n    - {id: self, name: B}"), "rules.noun.stage", `id vòng chấm "self" bị trùng`},
		{"a duplicate condition", elig("  - {id: min45, reason: R, min_total: 40}"), "rules.noun.condition", `id điều kiện "min45" bị trùng`},
		{"a duplicate award tier", award("  - {id: flag, name: Again, count: 1}"), "rules.id.duplicate", `id hình thức khen thưởng "flag" bị trùng`},
		{"a duplicate award tier names it", award("  - {id: flag, name: Again, count: 1}"), "rules.noun.award_tier", ""},
		{"a criterion without a name", leaf(`      - {id: x, max: 10}`), "rules.name.missing", `tiêu chí "x" thiếu tên`},
		{"a bonus item without a name", o("bonus", with("bonus", "    - {id: b3, points: 1}")), "rules.noun.bonus_item", `mục điểm thưởng "b3" thiếu tên`},

		// Criteria and groups.
		{"a negative weight", leaf(`      - {id: x, name: X, max: 10, weight: -1.5}`), "rules.criterion.weight_negative",
			`tiêu chí "x": hệ số phải dương, nhận được -1,5`},
		{"a weight of 0", leaf(`      - {id: x, name: X, max: 10, weight: 0}`), "rules.criterion.weight_zero",
			`tiêu chí "x": hệ số 0: bỏ khóa weight nếu hệ số là 1, hoặc ghi hệ số dương`},
		{"a negative max", leaf(`      - {id: x, name: X, max: -2.5}`), "rules.criterion.max", `tiêu chí "x": điểm tối đa phải lớn hơn 0, nhận được -2,5`},
		{"an unknown method", leaf(`      - {id: x, name: X, max: 10, method: bogus}`), "rules.criterion.method_unknown",
			`tiêu chí "x": cách chấm "bogus" không hợp lệ (phải là một trong: direct, ratio, pass_fail, tiers, per_occurrence, relative, votes, signed, fewer)`},
		{"tiers on a direct criterion", leaf(`      - {id: x, name: X, max: 10, tiers: [{at_least: 1, points: 10}]}`), "rules.criterion.tiers_misplaced",
			`tiêu chí "x": tiers chỉ áp dụng cho cách chấm tiers, không áp dụng cho direct`},
		{"points_each on a ratio criterion", leaf(`      - {id: x, name: X, max: 10, method: ratio, points_each: 2}`), "rules.criterion.points_each_misplaced",
			`tiêu chí "x": points_each chỉ áp dụng cho cách chấm per_occurrence hoặc fewer, không áp dụng cho ratio`},
		{"a target on a pass_fail criterion", leaf(`      - {id: x, name: X, max: 10, method: pass_fail, target: 3}`), "rules.criterion.target_misplaced",
			`tiêu chí "x": chỉ tiêu (target) chỉ áp dụng cho cách chấm ratio và relative, không áp dụng cho pass_fail`},
		{"a negative target", leaf(`      - {id: x, name: X, max: 10, method: relative, target: -0.5}`), "rules.criterion.target_negative",
			`tiêu chí "x": chỉ tiêu phải dương, nhận được -0,5`},
		{"per_occurrence without points_each", leaf(`      - {id: x, name: X, max: 10, method: per_occurrence}`), "rules.criterion.points_each_missing",
			`tiêu chí "x": cách chấm per_occurrence cần points_each dương (ví dụ 5 cho "5 điểm/buổi")`},
		{"fewer without points_each", leaf(`      - {id: x, name: X, max: 10, method: fewer}`), "rules.fewer.points_each",
			`tiêu chí "x": cách chấm fewer (ít hơn là tốt hơn) cần points_each dương: số điểm bị trừ mỗi lần, từ điểm tối đa 10`},
		{"min on a direct criterion", leaf(`      - {id: x, name: X, max: 10, min: -2}`), "rules.signed.misplaced",
			`tiêu chí "x": min chỉ áp dụng cho cách chấm signed (cộng/trừ), không áp dụng cho direct`},
		{"a signed criterion without sides", leaf(`      - {id: x, name: X, max: 10, method: signed, min: -5}`), "rules.signed.no_sides",
			`tiêu chí "x": cách chấm signed cần ít nhất một trong plus (cộng) và minus (trừ), mỗi bên có points_each dương`},
		{"a signed side without points", leaf(`      - {id: x, name: X, max: 10, method: signed, minus: {name: vụ việc}}`), "rules.signed.points_each",
			`tiêu chí "x": minus.points_each phải dương, nhận được 0`},
		{"a positive min", leaf(`      - {id: x, name: X, max: 10, method: signed, min: 12, plus: {points_each: 2}}`), "rules.signed.min_positive",
			`tiêu chí "x": điểm tối thiểu (min) phải bằng 0 hoặc âm (dưới điểm tối đa 10), nhận được 12`},
		{"a group with plus", o("criteria", critGroup("    plus: {points_each: 1}")), "rules.signed.group",
			`nhóm tiêu chí "I" có tiêu chí con; min, plus và minus chỉ áp dụng cho tiêu chí cộng/trừ không có tiêu chí con`},
		{"an id that is a signed criterion's count key", leaf(`      - {id: x, name: X, max: 10, method: signed, plus: {points_each: 1}}
      - {id: "x-", name: Y, max: 10}`), "rules.signed.key_clash",
			`mã tiêu chí "x-" trùng với khóa số lượt cộng/trừ của tiêu chí cộng/trừ "x" trong bảng điểm; hãy đổi mã`},
		{"criteria nested too deep", nested(rules.MaxDepth + 1), "rules.criterion.too_deep", `tiêu chí "leaf" ở cấp 9: tiêu chí chỉ được lồng tối đa 8 cấp`},
		{"a group with a method", o("criteria", critGroup("    method: ratio")), "rules.group.method",
			`nhóm tiêu chí "I" có tiêu chí con nên điểm của nhóm là tổng điểm các tiêu chí con; cách chấm (method) chỉ áp dụng cho tiêu chí không có tiêu chí con`},
		{"a group with a target", o("criteria", critGroup("    target: 5")), "rules.group.leaf_keys",
			`nhóm tiêu chí "I" có tiêu chí con; target, points_each và tiers chỉ áp dụng cho tiêu chí không có tiêu chí con`},
		{"a negative group max", o("criteria", critGroup("    max: -5")), "rules.group.max_negative", `nhóm tiêu chí "I": điểm tối đa phải dương, nhận được -5`},
		{"children above the group's max", o("criteria", critGroup("    max: 15.5")), "rules.group.max_exceeded",
			`nhóm tiêu chí "I": điểm tối đa của các tiêu chí con cộng lại là 20, vượt điểm tối đa của nhóm 15,5`},
		{"a group max out of reach", o("criteria", critGroup("    max: 25")), "rules.group.max_unreachable",
			`nhóm tiêu chí "I": không thể đạt điểm tối đa 25: điểm tối đa của các tiêu chí con cộng lại chỉ là 20`},
		{"method tiers without tiers", leaf(`      - {id: x, name: X, max: 10, method: tiers}`), "rules.tiers.none", `tiêu chí "x": cách chấm tiers cần ít nhất một mức`},
		{"a threshold twice", tiers("          - {at_least: 7.5, points: 10}\n          - {at_least: 7.50, points: 10}"), "rules.tiers.duplicate",
			`tiêu chí "x": ngưỡng 7,5 được ghi hai lần (mức 0 và 1)`},
		{"tier points above the max", tiers("          - {at_least: 10, points: 12.5}\n          - {at_least: 0, points: 0}"), "rules.tiers.points_range",
			`tiêu chí "x": điểm của mức là 12,5, ngoài khoảng 0…10`},
		{"a max no tier reaches", tiers("          - {at_least: 10, points: 8.5}\n          - {at_least: 0, points: 0}"), "rules.tiers.max_unreachable",
			`tiêu chí "x": không thể đạt điểm tối đa 10: mức cao nhất chỉ cho 8,5 điểm`},
		{"a higher threshold giving less", tiers("          - {at_least: 10, points: 5}\n          - {at_least: 5.5, points: 10}\n          - {at_least: 0, points: 0}"), "rules.tiers.decreasing",
			`tiêu chí "x": ngưỡng 10 cho 5 điểm, ít hơn ngưỡng thấp hơn 5,5 (10 điểm)`},

		// Bonus and deduction items.
		{"a deduction item without points", o("deductions", with("deductions", "    - {id: d3, name: X, max: 1}")), "rules.item.points",
			`mục điểm trừ "d3": số điểm mỗi lần phải dương, nhận được 0`},
		{"a bonus item with a negative max", o("bonus", with("bonus", "    - {id: b3, name: X, points: 1, max: -1}")), "rules.item.max_negative",
			`mục điểm thưởng "b3": điểm tối đa phải dương, nhận được -1`},
		{"a negative cap", o("bonus", replaced("bonus", "cap: 15", "cap: -1.5")), "rules.cap.negative", "mức trần phải dương, nhận được -1,5"},
		{"a deduction cap without items", o("deductions", "deductions:\n  cap: 5"), "rules.cap.no_deduction_items", "có mức trần 5 nhưng không có mục điểm trừ nào"},
		{"a bonus cap without items", o("bonus", "bonus:\n  cap: 2.5"), "rules.cap.no_bonus_items", "có mức trần 2,5 nhưng không có mục điểm thưởng nào"},
		// Items that belong to a group (rules.Rulebook.GroupItems).
		{"a bonus item of an unknown group", o("bonus", with("bonus", "    - {id: b3, name: X, points: 1, group: III}")), "rules.groupitem.unknown",
			`mục điểm thưởng "b3": nhóm "III" không có trong bảng tiêu chí`},
		{"a deduction item of a criterion", o("deductions", with("deductions", "    - {id: d3, name: X, points: 1, group: \"1.1\"}")), "rules.groupitem.leaf",
			`mục điểm trừ "d3": "1.1" là một tiêu chí, không phải nhóm tiêu chí; điểm của mục chỉ cộng vào (trừ khỏi) điểm của một nhóm`},
		{"a cap over group-owned items only", o("bonus", "bonus:\n  cap: 5\n  items:\n    - {id: b1, name: X, points: 10, max: 10, group: II}"), "rules.groupitem.cap_grouped",
			"có mức trần nhưng mọi mục điểm thưởng đều thuộc một nhóm: mức trần chỉ áp dụng cho các mục tính vào tổng điểm; hãy cho mỗi mục điểm tối đa (max)"},
		{"a cap out of reach", o("deductions", replaced("deductions", "cap: 5", "cap: 10")), "rules.cap.unreachable",
			"không thể đạt mức trần 10: điểm tối đa của các mục cộng lại chỉ là 5"},

		// Assessment and rounding.
		{"trim on a mean", stage("  stages:\n    - {id: self, name: A, trim: 1}"), "rules.stage.trim_misplaced", `vòng chấm "self": trim chỉ áp dụng khi aggregate là trimmed_mean`},
		{"a trimmed mean without trim", stage("  stages:\n    - {id: self, name: A, aggregate: trimmed_mean}"), "rules.stage.trim_missing",
			`vòng chấm "self": trimmed_mean cần trim ≥ 1 (số điểm cao nhất và số điểm thấp nhất được loại bỏ)`},
		{"an unknown aggregate", stage("  stages:\n    - {id: self, name: A, aggregate: mode}"), "rules.stage.aggregate_unknown",
			`vòng chấm "self": cách tổng hợp "mode" không hợp lệ (dùng mean, median hoặc trimmed_mean)`},
		{"a stage named with counts: latest", stage("  counts: latest\n  stage: self"), "rules.assessment.stage_unused", "chỉ ghi stage khi có counts: stage"},
		{"counts: stage naming no stage", stage("  counts: stage\n  stage: nope"), "rules.assessment.stage_unknown", `counts: stage cần id của một vòng chấm, nhận được "nope"`},
		{"an unknown counts choice", stage("  counts: average"), "rules.assessment.counts_unknown", `lựa chọn "average" không hợp lệ (dùng latest, max, min hoặc stage)`},
		{"a negative divergence", stage("  divergence: {criterion: -1}"), "rules.assessment.divergence_negative", "ngưỡng chênh lệch phải dương"},
		{"too many places", o("rounding", "rounding:\n  criterion: {places: 13}"), "rules.rounding.places", "số chữ số thập phân phải từ 0 đến 12, nhận được 13"},
		{"an unknown rounding mode", o("rounding", "rounding:\n  total: {places: 2, mode: bankers}"), "rules.rounding.mode_unknown",
			`cách làm tròn "bankers" không hợp lệ (phải là một trong: half_up, half_even, down, up, floor, ceiling)`},

		// Votes and shares.
		{"an unknown vote base", o("votes", "votes:\n  base: everyone", "eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, base: present}")),
			"rules.votes.base_unknown", `cách tính tỷ lệ phiếu "everyone" không hợp lệ (dùng all_members hoặc present)`},
		{"a share of zero", o("votes", "votes:\n  quorum: 0/3", "eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, quorum: 1/2}")),
			"rules.share.missing", "cần một tỷ lệ lớn hơn 0, ví dụ 80% hoặc 2/3"},
		{"a share above 100%", o("votes", "votes:\n  quorum: 112.5%", "eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, quorum: 1/2}")),
			"rules.share.over", "tỷ lệ 112,5% vượt quá 100%"},
		{"a share that is no share", o("votes", "votes:\n  quorum: most"), "rules.share.parse", `tỷ lệ "most": cần ghi dạng 80%, 2/3 hoặc 0.8`},
		{"a percentage that is no percentage", o("votes", "votes:\n  quorum: x%"), "rules.share.parse_percent", `tỷ lệ "x%": cần ghi phần trăm, ví dụ 80%`},
		{"a fraction that is no fraction", o("votes", "votes:\n  quorum: a/b"), "rules.share.parse_fraction", `tỷ lệ "a/b": cần ghi phân số của hai số nguyên, ví dụ 2/3`},
		{"a share out of range", o("votes", "votes:\n  quorum: 2000"), "rules.share.range", `tỷ lệ "2000": ngoài phạm vi (phải từ 0 đến 1000, tức từ 0% đến 100000%)`},
		{"a share with too many places", o("votes", "votes:\n  quorum: 0.0000000001"), "rules.share.places", `tỷ lệ "0.0000000001": quá nhiều chữ số thập phân (tối đa 9)`},
		{"a date that does not exist", o("in_force", "in_force:\n  from: 2024-13-01"), "rules.date.malformed", `cần một ngày dạng YYYY-MM-DD, nhận được "2024-13-01"`},

		// Eligibility conditions.
		{"a condition without a reason", elig("  - {id: c8, min_total: 40}"), "rules.condition.reason_missing",
			`điều kiện "c8" thiếu lý do (reason: nội dung hiển thị khi đơn vị không đạt điều kiện)`},
		{"a percentage above 100", elig("  - {id: c8, reason: R, min_percent: 100.5}"), "rules.condition.percent_range",
			`điều kiện "c8": tỷ lệ phần trăm phải trong khoảng 0…100, nhận được 100,5`},
		{"a floor within an unknown group", elig("  - {id: c8, reason: R, criterion_floor: {share: 1/2, within: IX}}"), "rules.condition.criterion_unknown",
			`điều kiện "c8": không có tiêu chí hay nhóm tiêu chí "IX"`},
		{"an undeclared fact", elig("  - {id: c8, reason: R, fact: ghost}"), "rules.condition.fact_unknown",
			`điều kiện "c8": dữ kiện "ghost" chưa được khai báo (khai báo trong facts)`},
		{"a negative maximum of deductions", elig("  - {id: c8, reason: R, max_deductions: -1}"), "rules.condition.max_deductions_negative",
			`điều kiện "c8": không được là số âm`},
		{"a streak limit without its award", elig("  - {id: c8, reason: R, max_consecutive: {years: 2}}"), "rules.condition.consecutive_award",
			`điều kiện "c8": max_consecutive cần ghi hình thức khen thưởng được giới hạn (ví dụ flag)`},
		{"a streak limit of no years", elig("  - {id: c8, reason: R, max_consecutive: {award: flag, years: 0}}"), "rules.condition.consecutive_years",
			`điều kiện "c8": years phải từ 1 trở lên (1: không được hai năm liên tiếp), nhận được 0`},
		{"a condition of two kinds", elig("  - {id: c8, reason: R, min_total: 40, fact: clean}"), "rules.condition.kinds",
			`điều kiện "c8" phải có đúng một trong các khóa min_total, max_total, min_percent, max_percent, criterion_floor, group_min, fact, max_deductions, max_consecutive, min_votes; hiện có 2`},

		// Tie-breaks.
		{"a tie-break twice", tie("  - group: I\n  - group: I"), "rules.tie.duplicate", "group I đã có trong thứ tự ưu tiên, ở vị trí 1"},
		{"a tie-break on an unknown group", tie("  - group: IX"), "rules.tie.ref_unknown", `group: không có id "IX"`},
		{"a group tie-break naming a criterion", tie(`  - group: "1.1"`), "rules.tie.not_group", `"1.1" là tiêu chí, không phải nhóm tiêu chí (hãy ghi criterion: 1.1)`},
		{"a fewer tie-break naming a group", tie("  - fewer: II"), "rules.fewer.tie_group", `fewer: "II" là nhóm tiêu chí; fewer so sánh số đếm của một tiêu chí`},
		{"a fewer tie-break without a criterion", tie("  - fewer"), "rules.fewer.tie_ref", `fewer cần mã một tiêu chí (ví dụ fewer: "3.1"): đơn vị có số đếm ít hơn ở tiêu chí đó xếp trên`},
		{"a criterion tie-break naming a group", tie("  - criterion: II"), "rules.tie.not_criterion", `"II" là nhóm tiêu chí, không phải tiêu chí (hãy ghi group: II)`},
		{"an unknown award tier", tie("  - no_award_last_year: gold"), "rules.tie.award_unknown", `no_award_last_year: không có hình thức khen thưởng "gold"`},
		{"an argument to a word", tie("  - more_bonus: b1"), "rules.tie.no_argument", `more_bonus không nhận tham số, nhận được "b1"`},
		{"lots before the end", tie("  - lots\n  - total"), "rules.tie.lots_not_last",
			"bốc thăm (lots) luôn phân định được các đơn vị bằng điểm nên các quy tắc sau nó không bao giờ được áp dụng: hãy đặt lots ở cuối"},
		{"a league without its form", tie("  - league"), "rules.tie.league_form",
			`league cần một trong hai dạng: reapply (áp dụng lại cho các đơn vị còn bằng nhau) hoặc once (một lần, rồi chuyển sang quy tắc sau), nhận được ""`},
		{"an unknown tie-break", tie("  - coin_toss"), "rules.tie.unknown",
			`quy tắc ưu tiên "coin_toss" không hợp lệ (phải là một trong: total, percent, group, criterion, fewer, fewer_deductions, more_bonus, more_votes, head_to_head, league, no_award_last_year, lots)`},
		{"a tie-break of two keys", tie(`  - {group: I, criterion: "1.1"}`), "rules.tie.shape", `mỗi quy tắc ưu tiên là một từ, hoặc một khóa kèm tham số, ví dụ "group: II"`},
		{"a tie-break whose argument is a list", tie("  - group: [I, II]"), "rules.want.tie_ref",
			"cần id của một nhóm tiêu chí, tiêu chí hoặc hình thức khen thưởng, nhận được một danh sách"},

		// Award tiers.
		{"an award tier without a name", award("  - {id: x, count: 1}"), "rules.award.name_missing", `hình thức khen thưởng "x" thiếu tên (ví dụ: Cờ thi đua của UBND tỉnh)`},
		{"a negative count", award("  - {id: x, name: X, count: -1}"), "rules.award.count_negative", `hình thức khen thưởng "x": số lượng (count) phải dương`},
		{"a count and a share", award("  - {id: x, name: X, count: 1, share: 1/5}"), "rules.award.count_and_share", `hình thức khen thưởng "x": chỉ ghi count hoặc share, không ghi cả hai`},
		{"neither count nor share", award("  - {id: x, name: X}"), "rules.award.count_missing",
			`hình thức khen thưởng "x" cần số lượng (count, ví dụ 1) hoặc tỷ lệ trong cụm (share, ví dụ 30%)`},
		{"an unknown share rounding", award("  - {id: x, name: X, share: 1/5, share_rounding: nearest}"), "rules.award.share_rounding_unknown", `cách làm tròn "nearest" không hợp lệ`},
		{"share rounding without a share", award("  - {id: x, name: X, count: 2, share_rounding: floor}"), "rules.award.share_rounding_misplaced",
			`hình thức khen thưởng "x": share_rounding chỉ áp dụng khi có share`},
		{"an unknown condition", award("  - {id: x, name: X, count: 1, requires: [min45, nope]}"), "rules.award.condition_unknown", `hình thức khen thưởng "x": không có điều kiện "nope"`},
		// Thresholds, ballots and grading bands.
		{"strict on a fact", elig("  - {id: x, reason: X, fact: clean, strict: true}"), "rules.condition.strict_meaningless",
			`điều kiện "x": strict chỉ dùng cho điều kiện có ngưỡng (điểm, tỷ lệ, số phiếu), không dùng cho fact hay max_consecutive`},
		{"a ballot named without ballots", elig("  - {id: x, reason: X, min_votes: {share: 50%, ballot: co}}"), "rules.ballot.none_listed",
			`điều kiện "x": bộ tiêu chí không khai báo lần bỏ phiếu nào (votes.ballots) nên không thể chỉ định ballot "co"`},
		{"a ballot not named", o("votes", "votes:\n  ballots:\n    - {id: co, name: Phiếu Cờ}\n    - {id: bk, name: Phiếu Bằng khen}"), "rules.ballot.missing",
			`điều kiện "votes": bộ tiêu chí có nhiều lần bỏ phiếu, cần chỉ rõ ballot là một trong: bk, co`},
		{"an unknown ballot", o("votes", "votes:\n  ballots:\n    - {id: co, name: Phiếu Cờ}", "eligibility", replaced("eligibility", "{share: 4/5}", "{share: 4/5, ballot: bk}")), "rules.ballot.unknown",
			`điều kiện "votes": không có lần bỏ phiếu "bk"; các lần bỏ phiếu là: co`},
		{"a ballot without an id", o("votes", "votes:\n  ballots:\n    - {name: Phiếu Cờ}", "eligibility", ""), "rules.a.ballot", "lần bỏ phiếu thiếu id"},
		{"a duplicate ballot names it", o("votes", "votes:\n  ballots:\n    - {id: co, name: A}\n    - {id: co, name: B}", "eligibility", ""), "rules.noun.ballot", ""},
		{"a grade without an id", o("grades", "grades:\n  - {name: Tốt}"), "rules.a.grade", "mức xếp loại thiếu id"},
		{"a duplicate grade names it", o("grades", "grades:\n  - {id: g, name: A, requires: [min45]}\n  - {id: g, name: B}"), "rules.noun.grade", ""},
		{"a grade's unknown condition", o("grades", "grades:\n  - {id: g, name: Tốt, requires: [nope]}"), "rules.grade.condition_unknown",
			`mức xếp loại "g": không có điều kiện "nope"`},
		{"a catch-all grade not last", o("grades", "grades:\n  - {id: a, name: A}\n  - {id: b, name: B, requires: [min45]}"), "rules.grade.catch_all_not_last",
			`mức xếp loại "a" không có điều kiện nào nên mọi đơn vị đều đạt; chỉ mức cuối cùng được như vậy, các mức sau nó sẽ không bao giờ được xếp`},
		{"an award's unknown grade", award("  - {id: x, name: X, count: 1, min_grade: nope}"), "rules.award.grade_unknown",
			`hình thức khen thưởng "x": không có mức xếp loại "nope"`},
		{"an unknown ineligibility choice", award("  - {id: x, name: X, count: 1, if_ineligible: skip}"), "rules.award.if_ineligible_unknown",
			`lựa chọn "skip" không hợp lệ (dùng next_eligible hoặc none)`},

		// The awarding authority: a blank name, with the default it stands for.
		{"a blank council", doc(nil) + "authority:\n  council: \"  \"\n", "rules.authority.council",
			`council chỉ có khoảng trắng: ghi tên, hoặc bỏ khóa này để dùng mặc định (Hội đồng Thi đua – Khen thưởng tỉnh)`},
		{"a blank decider", doc(nil) + "authority:\n  decides: \" \"\n", "rules.authority.decides",
			`decides chỉ có khoảng trắng: ghi tên, hoặc bỏ khóa này để dùng mặc định (Chủ tịch UBND tỉnh)`},
		{"a blank name", doc(nil) + "authority:\n  decides: \" \"\n", "rules.authority.blank", ""},

		// The file: syntax, keys and values (package decode).
		{"an empty file", "# sắp có\n", "decode.empty", "tài liệu trống"},
		{"two documents", doc(nil) + "---\nid: y\n", "decode.second_document", "một tài liệu thứ hai bắt đầu tại đây (sau ---); mỗi tệp chỉ được chứa một tài liệu"},
		{"a YAML syntax error", "id: x\ncriteria:\n  - {id: a, name: A, max: 10\nrank_by: total\n", "decode.syntax", ""},
		{"a JSON syntax error", "{\"id\": \"x\",}", "decode.json_syntax",
			"lỗi cú pháp JSON: invalid character '}' looking for beginning of object key string (tài liệu bắt đầu bằng { nên được đọc theo JSON)"},
		{"a misspelt key", o("jurisdiction", "jurisdicton: Tỉnh Thử"), "decode.unknown_key.suggest",
			`khóa không hợp lệ "jurisdicton" (có phải là "jurisdiction"?) (các khóa hợp lệ: assessment, authority, awards, bonus, criteria, deductions, eligibility, facts, grades, id, in_force, jurisdiction, missing, rank_by, rank_convention, regulation, rounding, tie_breaks, title, version, votes)`},
		{"a key far from all", o("missing", "missing: zero\nxyzzy_frobnicate: 1"), "decode.unknown_key", ""},
		{"a key given twice", o("missing", "missing: zero\nmissing: error"), "decode.duplicate_key", ""},
		{"a merge key", o("deductions", "deductions:\n  items:\n    - &d {id: d1, name: X, points: 1}\n    - {<<: *d, id: d2}"), "decode.merge_key", ""},
		{"an anchor", o("bonus", strings.Replace(baseSections["bonus"], "bonus:", "bonus: &b", 1)), "decode.alias", "không hỗ trợ anchor và alias; hãy ghi đầy đủ giá trị"},
		{"an alias where a tie-break wants an id", "regulation:\n  title: &x I\n" + tie("  - group: *x"), "decode.found.alias",
			"cần id của một nhóm tiêu chí, tiêu chí hoặc hình thức khen thưởng, nhận được một alias"},
		{"a malformed number", leaf(`      - {id: x, name: X, max: 1O}`), "fields.decimal", `cần một số dạng 9,75 hoặc 9.75, nhận được "1O"`},
		{"a number of too many digits", leaf(`      - {id: x, name: X, max: 1.00000000000000000000000000000000000000001}`), "fields.decimal.digits",
			`cần một số dạng 9,75 hoặc 9.75, nhận được "1.00000000000000000000000000000000000000001" (quá 40 chữ số có nghĩa)`},
		{"a YAML tag", o("title", "title: !!str Bảng"), "decode.tag", `không hỗ trợ thẻ YAML "!!str": mỗi giá trị được đọc theo khóa của nó; hãy bỏ thẻ`},
		{"a value of the wrong kind", award("  - {id: x, name: X, count: 1.5, share: 1/5}"), "decode.expected_value", ""},
		{"a list or mapping where it does not belong", o("title", "title: [a, b]"), "decode.expected", ""},
		{"a count that is not whole", award("  - {id: x, name: X, count: 1.5, share: 1/5}"), "decode.want.int", `cần một số nguyên, nhận được "1.5"`},
		{"a word for a flag", o("facts", with("facts", "  - {id: f, name: F, default: maybe}")), "decode.want.bool", `cần true hoặc false, nhận được "maybe"`},
		{"a list for a mapping", o("bonus", "bonus: [1, 2]"), "decode.want.mapping", "cần một nhóm khóa – giá trị, nhận được một danh sách"},
		{"a mapping for a list", o("facts", "facts: {id: x}", "eligibility", "", "awards", "", "tie_breaks", ""), "decode.want.list", "cần một danh sách, nhận được một nhóm khóa – giá trị"},
		{"a mapping for a list names what it found", o("facts", "facts: {id: x}", "eligibility", "", "awards", "", "tie_breaks", ""), "decode.found.mapping", ""},
		{"a list for a text", o("title", "title: [a, b]"), "decode.want.text", "cần văn bản, nhận được một danh sách"},
		{"a list for a text names what it found", o("title", "title: [a, b]"), "decode.found.list", ""},
		{"a mapping for a number", leaf(`      - {id: x, name: X, max: {value: 10}}`), "decode.want.single", "cần một giá trị đơn, nhận được một nhóm khóa – giá trị"},
	}
}

// TestErrorTextsInVietnamese reads a rulebook with each problem the package
// reports and writes the problem in Vietnamese; every problem found on the
// way is checked as checkTexts does.
func TestErrorTextsInVietnamese(t *testing.T) {
	for _, tc := range textCases() {
		t.Run(tc.name, func(t *testing.T) {
			es := parseErrs(t, tc.text)
			var found *rules.Error
			for _, e := range es {
				if slices.Contains(keysOf(e.Message), tc.key) {
					found = e
					break
				}
			}
			require.NotNil(t, found, "no problem with %s in:\n%s", tc.key, es.Text(lang.Vietnamese))
			if tc.vi != "" {
				assert.Equal(t, tc.vi, found.Message.In(lang.Vietnamese))
			}
			vi := found.Text(lang.Vietnamese)
			prefix := strings.TrimSuffix(found.Error(), found.Msg)
			assert.True(t, strings.HasPrefix(vi, prefix), "the Vietnamese %q keeps the position %q", vi, prefix)
			assert.NotEqual(t, found.Error(), vi, "not translated")
		})
	}
}

// TestEveryKeyHasACase checks that textCases reach every key of the
// catalogue's section for rulebook and decoder problems, but those the
// rules package cannot meet (they are tested in package decode).
func TestEveryKeyHasACase(t *testing.T) {
	notHere := map[string]string{
		"decode.too_large":      "TestDocumentLargerThanTheLimitIsRejected (32 MiB)",
		"decode.too_many_nodes": "a million nodes: package decode",
		"decode.too_deep":       "criteria nested that deep are reported by depth (rules.criterion.too_deep)",
		"decode.json":           "encoding/json gives only syntax errors today",
		"decode.want.uint":      "a rulebook has no unsigned numbers",
		"decode.want.number":    "rulebook decimals are read by their own UnmarshalText",
		"decode.go_type":        "a rulebook's types are all decodable",
		"decode.found.nothing":  "a node of no kind: package decode",
		"decode.value":          "every rulebook value's error has a message or is a decimal's",
		"decode.text":           "the rules package does not use Addf",
	}
	covered := map[string]bool{}
	for _, tc := range textCases() {
		covered[tc.key] = true
	}
	for _, key := range slices.Concat(lang.Keys("rules."), lang.Keys("decode.")) {
		if notHere[key] != "" {
			continue
		}
		if !covered[key] {
			t.Errorf("no test case for %s", key)
		}
	}
}

// TestValueErrorsInVietnamese writes the errors of ParseShare and of a date
// in both languages.
func TestValueErrorsInVietnamese(t *testing.T) {
	cases := []struct {
		in     string
		en, vi string
	}{
		{"most", `share "most": expected 80%, 2/3 or 0.8`, `tỷ lệ "most": cần ghi dạng 80%, 2/3 hoặc 0.8`},
		{"x%", `share "x%": expected a percentage like 80%`, `tỷ lệ "x%": cần ghi phần trăm, ví dụ 80%`},
		{"1/0", `share "1/0": expected a fraction of whole numbers like 2/3`, `tỷ lệ "1/0": cần ghi phân số của hai số nguyên, ví dụ 2/3`},
		{"1001", `share "1001": out of range (expected 0 to 1000, that is 0% to 100000%)`, `tỷ lệ "1001": ngoài phạm vi (phải từ 0 đến 1000, tức từ 0% đến 100000%)`},
		{"1e-10", `share "1e-10": too many decimal places (at most 9)`, `tỷ lệ "1e-10": quá nhiều chữ số thập phân (tối đa 9)`},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			_, err := rules.ParseShare(tc.in)
			require.Error(t, err)
			checkValueErr(t, err)
			assert.Equal(t, tc.en, err.Error())
			var m interface{ Message() lang.Message }
			require.ErrorAs(t, err, &m)
			assert.Equal(t, tc.vi, m.Message().In(lang.Vietnamese))
		})
	}
	var d rules.Date
	err := d.UnmarshalText([]byte("2024-02-30"))
	require.Error(t, err)
	checkValueErr(t, err)
	assert.Equal(t, `expected a date YYYY-MM-DD, found "2024-02-30"`, err.Error())
}

// TestErrorText writes problems built by hand and a list of problems.
func TestErrorText(t *testing.T) {
	plain := &rules.Error{File: "r.yaml", Line: 3, Column: 5, Path: "id", Msg: "bad"}
	assert.Equal(t, "r.yaml:3:5: id: bad", plain.Text(lang.Vietnamese), "without a message, Msg as it is")
	assert.Equal(t, plain.Error(), plain.Text(lang.English))

	m := lang.Msg("rules.criterion.max", `"03"`, "-5")
	full := &rules.Error{File: "r.yaml", Line: 12, Column: 7, Path: "criteria[2].max", Msg: m.In(lang.English), Message: m}
	assert.Equal(t, `r.yaml:12:7: criteria[2].max: criterion "03" needs a positive max, found -5`, full.Error())
	assert.Equal(t, full.Error(), full.Text(lang.English))
	assert.Equal(t, `r.yaml:12:7: criteria[2].max: tiêu chí "03": điểm tối đa phải lớn hơn 0, nhận được -5`, full.Text(lang.Vietnamese))

	fromGo := &rules.Error{Path: "title", Msg: "a rulebook needs a title", Message: lang.Msg("rules.title.missing")}
	assert.Equal(t, "title: bộ tiêu chí thiếu tên (title)", fromGo.Text(lang.Vietnamese))

	es := rules.Errors{full, fromGo, plain}
	assert.Equal(t, es.Error(), es.Text(lang.English))
	assert.Equal(t, strings.Join([]string{full.Text(lang.Vietnamese), fromGo.Text(lang.Vietnamese), plain.Text(lang.Vietnamese)}, "\n"), es.Text(lang.Vietnamese))
	assert.Equal(t, "", rules.Errors{}.Text(lang.Vietnamese))
}

// TestNewGivesMessages checks that a spec built in Go gets the same
// messages as a file, without a position.
func TestNewGivesMessages(t *testing.T) {
	_, err := rules.New(rules.Spec{})
	var es rules.Errors
	require.ErrorAs(t, err, &es)
	checkTexts(t, es)
	assert.Equal(t, "id: bộ tiêu chí thiếu id\nversion: bộ tiêu chí thiếu phiên bản (version), cần có để kết quả ghi rõ đã chấm theo quy định nào\ntitle: bộ tiêu chí thiếu tên (title)\ncriteria: bộ tiêu chí phải có ít nhất một tiêu chí",
		es.Text(lang.Vietnamese))
	var keys []string
	for _, e := range es {
		keys = append(keys, e.Message.Key)
	}
	assert.Equal(t, []string{"rules.id.missing_rulebook", "rules.version.missing", "rules.title.missing", "rules.criteria.none"}, keys, "the keys are stable codes")
}
