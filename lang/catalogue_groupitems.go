package lang

// groupItemTexts are the sentences of bonus and deduction items that
// belong to a group (điểm thưởng, điểm trừ của một nhóm): the rulebook's
// and the sheet's problems and the trace's steps.
var groupItemTexts = map[string][2]string{
	"rules.groupitem.unknown":     {"{p0} {0}: nhóm {1} không có trong bảng tiêu chí", "{p0} {0}: group {1} is not in the criteria"},
	"rules.groupitem.leaf":        {"{p0} {0}: {1} là một tiêu chí, không phải nhóm tiêu chí; điểm của mục chỉ cộng vào (trừ khỏi) điểm của một nhóm", "{p0} {0}: {1} is a criterion, not a group; an item's points go into a group's points only"},
	"rules.groupitem.cap_grouped": {"có mức trần nhưng mọi {p0} đều thuộc một nhóm: mức trần chỉ áp dụng cho các mục tính vào tổng điểm; hãy cho mỗi mục điểm tối đa (max)", "a cap is given but every {p0} belongs to a group: the cap applies to the items on the total only; give each item its max"},

	"input.groupitem.not_assigned": {"{p0} {0} thuộc nhóm {1}, nhưng nhóm này không được giao cho đơn vị", "{p0} {0} belongs to group {1}, which is not assigned to the member"},

	"scoring.groupitem":        {"{p0} của nhóm, {0}: {1} × {2:n}", "the group's {p0}, {0}: {1} × {2}"},
	"scoring.groupitem.capped": {"{p0} của nhóm, {0}: {1} × {2:n}, giới hạn {3:n}", "the group's {p0}, {0}: {1} × {2}, capped at {3}"},
	"scoring.groupitem.sum":    {"nhóm: tổng của {0}, cộng điểm thưởng và trừ điểm trừ của nhóm", "group: sum of {0}, plus the group's bonus, minus its deductions"},
}
