package scoring_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// TestInputErrorTexts writes problems of every kind the sheet check finds
// in both languages, whole lines as Text writes them.
func TestInputErrorTexts(t *testing.T) {
	at := func(line int) scoring.Source { return scoring.Source{File: "cum.csv", Line: line} }
	tests := []struct {
		name   string
		book   string // validationBook if empty
		mutate func(*scoring.Sheet)
		key    string
		en, vi string
	}{
		{"the year outside the rulebook's period", "", func(sh *scoring.Sheet) { sh.Year = 2026 }, "input.year.not_in_force",
			"the sheet is for 2026 but rulebook test (version 1) is in force 2024-01-01 – 2025-12-31",
			"bảng điểm là của năm 2026 nhưng bộ tiêu chí test (phiên bản 1) có hiệu lực trong thời gian 2024-01-01 – 2025-12-31"},
		{"no members", "", func(sh *scoring.Sheet) { *sh = scoring.Sheet{} }, "input.no_members",
			"the sheet lists no members",
			"bảng điểm không có đơn vị nào"},
		{"a member without an id", "", func(sh *scoring.Sheet) {
			sh.Members = append(sh.Members, scoring.Member{Name: "Sở Y tế", Source: at(4)})
		}, "input.member.no_id",
			"cum.csv:4: a member needs an id",
			"cum.csv:4: đơn vị chưa có mã"},
		{"a member listed twice, on another line", "", func(sh *scoring.Sheet) {
			sh.Members[0].Source = at(2)
			sh.Members = append(sh.Members, scoring.Member{ID: "A", Name: "A", Source: at(9)})
		}, "input.member.twice",
			"cum.csv:9: member A: member listed twice (also given on line 2)",
			"cum.csv:9: đơn vị A: được liệt kê hai lần trong danh sách đơn vị (đã có ở dòng 2)"},
		{"a member listed twice, in another file", "", func(sh *scoring.Sheet) {
			sh.Members[0].Source = scoring.Source{File: "members.csv", Line: 2}
			sh.Members = append(sh.Members, scoring.Member{ID: "A", Name: "A", Source: at(9)})
		}, "input.member.twice",
			"cum.csv:9: member A: member listed twice (also given at members.csv:2)",
			"cum.csv:9: đơn vị A: được liệt kê hai lần trong danh sách đơn vị (đã có ở members.csv:2)"},
		{"an unknown member", "", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("X", "a", "1")) }, "input.member.unknown",
			`member X: unknown member "X" (not in the sheet's member list)`,
			`đơn vị X: mã đơn vị "X" không có trong danh sách đơn vị của bảng điểm`},
		{"an unknown criterion", "", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("A", "zz", "1")) }, "input.criterion.unknown",
			`member A: zz: unknown criterion "zz" (not in rulebook test)`,
			`đơn vị A: zz: tiêu chí "zz" không có trong bộ tiêu chí test`},
		{"an unknown stage", "", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, at3("final", "A", "a", "1", 12)) }, "input.stage.unknown",
			`cum.csv:12: member A: a: unknown assessment stage "final" (the rulebook's stages: self, cluster, recheck)`,
			`cum.csv:12: đơn vị A: a: giai đoạn chấm "final" không có trong bộ tiêu chí (các giai đoạn: self, cluster, recheck)`},
		{"a value above the maximum", "", func(sh *scoring.Sheet) { setScore(sh, "A", "a", "10.5") }, "input.value.above_max",
			"member A: a: 10.5 points is above the maximum 10",
			"đơn vị A: a: 10,5 điểm vượt điểm tối đa 10"},
		{"a negative value", "", func(sh *scoring.Sheet) { setScore(sh, "B", "r", "-1.25") }, "input.value.negative",
			"member B: r: value must not be negative, found -1.25",
			"đơn vị B: r: giá trị không được âm, nhận được -1,25"},
		{"a pass/fail value", "", func(sh *scoring.Sheet) { setScore(sh, "A", "p", "0.5") }, "input.value.pass_fail",
			"member A: p: pass/fail takes 1 (đạt) or 0 (không đạt), found 0.5",
			"đơn vị A: p: tiêu chí đạt/không đạt chỉ nhận 1 (đạt) hoặc 0 (không đạt), nhận được 0,5"},
		{"a second score by an assessor", "", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && e.Criterion == "a" })
			sh.Scores = append(sh.Scores, by("cluster", "X", "A", "a", "3"), by("cluster", "X", "A", "a", "5"))
		}, "input.score.twice_by",
			"member A: a: a second cluster score by X",
			"đơn vị A: a: điểm giai đoạn cluster của người chấm X được nhập lần thứ hai"},
		{"a score for a group", "", func(sh *scoring.Sheet) { sh.Scores = append(sh.Scores, cl("A", "I", "5")) }, "input.score.group",
			`member A: I: "I" is a group; score its criteria (a, r)`,
			`đơn vị A: I: "I" là nhóm tiêu chí; hãy chấm điểm các tiêu chí thuộc nhóm (a, r)`},
		{"a missing score", "", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "B" && e.Criterion == "p" })
		}, "input.score.missing",
			"member B: p: no score given (the rulebook's missing-value policy is error; if the criterion does not apply, mark it not assigned)",
			"đơn vị B: p: chưa có điểm (bộ tiêu chí quy định thiếu điểm là lỗi; nếu tiêu chí không áp dụng, hãy đánh dấu không được giao)"},
		{"a target for a direct criterion", "", func(sh *scoring.Sheet) {
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "a", Value: d("5")})
		}, "input.target.method",
			"member A: a: a target applies only to ratio and relative criteria, this one is direct",
			"đơn vị A: a: chỉ tiêu chỉ áp dụng cho tiêu chí tính theo tỷ lệ (ratio) và so sánh (relative); tiêu chí này tính theo phương pháp direct"},
		{"a second target", "", func(sh *scoring.Sheet) {
			sh.Targets[0].Source = at(20)
			sh.Targets = append(sh.Targets, scoring.Target{Member: "A", Criterion: "r", Value: d("90"), Source: at(21)})
		}, "input.target.twice",
			"cum.csv:21: member A: r: a second target (also given on line 20)",
			"cum.csv:21: đơn vị A: r: chỉ tiêu được nhập lần thứ hai (đã có ở dòng 20)"},
		{"a score for a criterion not assigned", "", func(sh *scoring.Sheet) {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "a"})
		}, "input.score.not_assigned",
			"member A: a: has a score but is marked not assigned (không được giao) to this member",
			"đơn vị A: a: có điểm nhưng được đánh dấu không được giao cho đơn vị này"},
		{"a criterion marked not assigned twice", "", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && e.Criterion == "o" })
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "o", Source: at(50)}, scoring.Assignment{Member: "A", Criterion: "o", Source: at(51)})
		}, "input.not_assigned.twice",
			"cum.csv:51: member A: o: marked not assigned twice (also given on line 50)",
			"cum.csv:51: đơn vị A: o: được đánh dấu không được giao hai lần (đã có ở dòng 50)"},
		{"a member with nothing assigned", "", func(sh *scoring.Sheet) {
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "B" })
			sh.Targets = drop(sh.Targets, func(x scoring.Target) bool { return x.Member == "B" })
			for _, c := range []string{"I", "p", "o", "t"} {
				sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "B", Criterion: c})
			}
		}, "input.member.nothing_assigned",
			"member B: no criterion is assigned to this member",
			"đơn vị B: không được giao tiêu chí nào"},
		{"a deduction item given twice", "", func(sh *scoring.Sheet) {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: "B", Item: "late", Count: 1, Source: at(30)}, scoring.Occurrences{Member: "B", Item: "late", Count: 2, Source: at(31)})
		}, "input.deduction.twice",
			"cum.csv:31: member B: late: deduction item given twice (also given on line 30); give one row with the count",
			"cum.csv:31: đơn vị B: late: khoản điểm trừ được nhập hai lần (đã có ở dòng 30); hãy ghi một dòng kèm số lần"},
		{"an unknown bonus item", "", func(sh *scoring.Sheet) {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "medal", Count: 1})
		}, "input.bonus.unknown",
			`member A: medal: unknown bonus item "medal"`,
			`đơn vị A: medal: không có khoản điểm thưởng "medal" trong bộ tiêu chí`},
		{"a group-owned bonus item for a member not assigned the group", strings.Replace(validationBook, "items: [{id: flag, name: Flag, points: 5}]", "items: [{id: flag, name: Flag, points: 5}, {id: gflag, name: G, points: 5, group: I}]", 1), func(sh *scoring.Sheet) {
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: "A", Criterion: "a"}, scoring.Assignment{Member: "A", Criterion: "r"})
			sh.Scores = drop(sh.Scores, func(e scoring.Entry) bool { return e.Member == "A" && (e.Criterion == "a" || e.Criterion == "r") })
			sh.Targets = drop(sh.Targets, func(e scoring.Target) bool { return e.Member == "A" })
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: "A", Item: "gflag", Count: 1, Source: at(40)})
		}, "input.groupitem.not_assigned",
			`cum.csv:40: member A: gflag: bonus item "gflag" belongs to group "I", which is not assigned to the member`,
			`cum.csv:40: đơn vị A: gflag: mục điểm thưởng "gflag" thuộc nhóm "I", nhưng nhóm này không được giao cho đơn vị`},
		{"a fact not stated", "", func(sh *scoring.Sheet) {
			sh.Facts = drop(sh.Facts, func(f scoring.FactValue) bool { return f.Member == "B" })
		}, "input.fact.not_stated",
			"member B: clean: fact not stated (No discipline case) and the rulebook gives no default",
			"đơn vị B: clean: chưa ghi nhận tiêu chuẩn (No discipline case) và bộ tiêu chí không quy định giá trị mặc định"},
		{"more votes than present", "", func(sh *scoring.Sheet) {
			sh.Ballot = &scoring.Ballot{Entitled: 7, Present: 5, Votes: []scoring.Vote{{Member: "A", For: 3, Against: 2, Abstain: 1}}}
		}, "input.votes.too_many",
			"member A: 3 for + 2 against + 1 abstaining is more than the 5 present",
			"đơn vị A: 3 tán thành + 2 không tán thành + 1 không biểu quyết, nhiều hơn số thành viên có mặt (5)"},
		{"more present than entitled", "", func(sh *scoring.Sheet) { sh.Ballot = &scoring.Ballot{Entitled: 5, Present: 6, Source: at(40)} }, "input.ballot.present",
			"cum.csv:40: ballot: 6 present but only 5 entitled to vote",
			"cum.csv:40: bỏ phiếu: 6 thành viên có mặt nhưng chỉ có 5 thành viên có quyền bỏ phiếu"},
		{"lots naming an unknown member", "", func(sh *scoring.Sheet) { sh.Lots = []string{"B", "X", "A"} }, "input.lots.unknown",
			`member X: the recorded drawing of lots names an unknown member "X"`,
			`đơn vị X: kết quả bốc thăm ghi đơn vị "X" không có trong danh sách đơn vị`},
		{"a match of a member against itself", "", func(sh *scoring.Sheet) {
			sh.Matches = []scoring.Match{{Member: "A", Rival: "A", For: 1, Against: 1, Source: at(41)}}
		}, "input.match.self",
			`cum.csv:41: member A: a match result puts "A" against itself`,
			`cum.csv:41: đơn vị A: kết quả trận đấu ghi đơn vị "A" đấu với chính nó`},
		{"a negative match score", "", func(sh *scoring.Sheet) {
			sh.Matches = []scoring.Match{{Member: "A", Rival: "B", For: -1, Against: 2, Source: at(42)}}
		}, "input.match.negative",
			`cum.csv:42: member A: the result against "B" has a negative score (-1–2): scores are whole numbers, not negative`,
			`cum.csv:42: đơn vị A: kết quả trận với "B" có tỉ số âm (-1–2): tỉ số là số nguyên không âm`},
		{"a pair's result given twice, from either side", "", func(sh *scoring.Sheet) {
			sh.Matches = []scoring.Match{{Member: "A", Rival: "B", For: 1, Source: at(43)}, {Member: "B", Rival: "A", Against: 1, Source: at(44)}}
		}, "input.match.twice",
			`cum.csv:44: member B: the result against "A" is given twice (also given on line 43)`,
			`cum.csv:44: đơn vị B: kết quả trận với "A" được ghi hai lần (đã có ở dòng 43)`},
		{"a past award without a year", "", func(sh *scoring.Sheet) { sh.History = []scoring.PastAward{{Member: "A", Award: "flag"}} }, "input.history.incomplete",
			"member A: a past award needs a member, a year and an award",
			"đơn vị A: khen thưởng năm trước phải ghi đơn vị, năm và hình thức khen thưởng"},
		{"no ballot for a rulebook that uses one", ballotBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Year: 2024, Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "1")}}
		}, "input.ballot.missing",
			"the rulebook uses the ballot (criterion v, condition voted, tie-break more_votes) but the sheet records none",
			"bộ tiêu chí có sử dụng kết quả bỏ phiếu (tiêu chí v, điều kiện voted, tiêu chí ưu tiên “nhiều phiếu hơn”) nhưng bảng điểm không ghi kết quả bỏ phiếu"},
		{"no year for a rulebook that looks at last year", ballotBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "a", "1")}, Ballot: &scoring.Ballot{}}
		}, "input.year.needed_tiebreak",
			"the rulebook's tie-break no_award_last_year looks at last year's awards, so the sheet must give its year",
			"tiêu chí ưu tiên “năm trước chưa được khen” của bộ tiêu chí xét khen thưởng năm trước nên bảng điểm phải ghi năm"},
		{"a trimmed mean with too few assessors", trimmedBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "a", "5"), by("cluster", "Y", "A", "a", "6")}}
		}, "input.assessor.too_few",
			"member A: a: stage cluster: the number of assessors is 2; a trimmed mean dropping the 1 highest and 1 lowest needs at least 3",
			"đơn vị A: a: giai đoạn cluster có 2 người chấm; trung bình sau khi bỏ 1 điểm cao nhất và 1 điểm thấp nhất cần ít nhất 3 người chấm"},
		{"several measured values for a relative criterion", relativeBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "c", "50"), by("cluster", "Y", "A", "c", "60")}}
		}, "input.relative.several",
			"member A: c: is scored relative to the cluster and takes one measured value per stage; found 2 at stage cluster",
			"đơn vị A: c: tiêu chí chấm so sánh trong cụm chỉ nhận một giá trị đo ở mỗi giai đoạn; có 2 giá trị ở giai đoạn cluster"},
		{"a negative count of a signed criterion", signedBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "s+", "-3")}}
		}, "input.signed.count",
			"member A: s+: signed criterion: a count must be a whole number, zero or more; found -3",
			"đơn vị A: s+: tiêu chí cộng/trừ: số lượt phải là số nguyên không âm, nhận được -3"},
		{"a count beside the net points", signedBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{by("cluster", "X", "A", "s", "4"), by("cluster", "X", "A", "s-", "1")}}
		}, "input.signed.both",
			`member A: s-: signed criterion "s": stage cluster, assessor X has its net points (key "s"), so it cannot also have the count "s-"`,
			`đơn vị A: s-: tiêu chí cộng/trừ "s": giai đoạn cluster, người chấm X đã có điểm ròng (khóa "s") nên không nhận thêm số lượt "s-"`},
		{"a count given twice", signedBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "s+", "1"), cl("A", "s+", "2")}}
		}, "input.signed.twice",
			`member A: s+: the count "s+" is already given at stage cluster`,
			`đơn vị A: s+: số lượt "s+" đã có ở giai đoạn cluster`},
		{"a count of a criterion that is not signed", signedBook, func(sh *scoring.Sheet) {
			*sh = scoring.Sheet{Members: members("A"), Scores: []scoring.Entry{cl("A", "s+", "1"), cl("A", "a+", "2")}}
		}, "input.signed.not_kind",
			`member A: a+: key "a+" is a plus/minus count, but criterion "a" is scored direct, not signed`,
			`đơn vị A: a+: khóa "a+" là số lượt cộng/trừ, nhưng tiêu chí "a" không phải tiêu chí cộng/trừ (cách chấm: chấm thẳng)`},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			book := tc.book
			if book == "" {
				book = validationBook
			}
			sh := validSheet()
			tc.mutate(&sh)
			_, err := scoring.Score(mustRulebook(t, book), sh)
			es := inputErrors(t, err)
			i := slices.IndexFunc(es, func(e *scoring.InputError) bool { return e.Message.Key == tc.key })
			require.GreaterOrEqual(t, i, 0, "no problem %s in:\n%v", tc.key, err)
			require.Equal(t, tc.en, es[i].Error())
			require.Equal(t, tc.en, es[i].Text(lang.English))
			require.Equal(t, tc.vi, es[i].Text(lang.Vietnamese))
			seen[family(tc.key)] = true
			for _, p := range es[i].Message.Parts {
				seen[family(p.Key)] = true
			}
		})
	}
	// at least one case of every family of the sheet check's problems
	for _, k := range lang.Keys("input.") {
		if !seen[family(k)] {
			t.Errorf("no case of the family %s (%s)", family(k), k)
		}
	}
}

// family is a key without its last part: "input.value" for
// "input.value.above_max".
func family(key string) string {
	if i := strings.LastIndexByte(key, '.'); i > 0 {
		return key[:i]
	}
	return key
}

// at3 is a score at a stage from a line of cum.csv.
func at3(stage, member, criterion, value string, line int) scoring.Entry {
	e := at(stage, member, criterion, value)
	e.Source = scoring.Source{File: "cum.csv", Line: line}
	return e
}

const (
	ballotBook = `
criteria:
  - {id: a, name: A, max: 10}
  - {id: v, name: Votes, max: 10, method: votes}
eligibility:
  - {id: voted, reason: "≥ 80% of the members' votes", min_votes: {share: 4/5}}
tie_breaks: [more_votes, no_award_last_year]
`
	trimmedBook  = "criteria:\n  - {id: a, name: A, max: 10}\nassessment:\n  stages: [{id: cluster, name: Cụm, aggregate: trimmed_mean, trim: 1}]\n"
	signedBook   = "missing: zero\ncriteria:\n  - {id: a, name: A, max: 10}\n  - {id: s, name: S, max: 10, min: -5, method: signed, plus: {points_each: 2}, minus: {points_each: 1}}\n"
	relativeBook = "criteria:\n  - {id: c, name: C, max: 10, method: relative, target: 100}\n"
)

// A problem's Where (a workbook's cell, a key path) is written as it is in
// every language, before the message; a problem with a message is written
// from it in Vietnamese, one without as Msg says.
func TestInputErrorTextKeepsWhatCallersWrote(t *testing.T) {
	m := lang.Msg("input.value.above_max", "10.5", "10")
	for _, tc := range []struct {
		name string
		e    scoring.InputError
		vi   string
	}{
		{"a cell before the message", scoring.InputError{File: "cum.xlsx", Line: 12, Member: "SCT", Criterion: "03", Where: "Bảng điểm!G12", Msg: m.In(lang.English), Message: m},
			"cum.xlsx:12: đơn vị SCT: 03: Bảng điểm!G12: 10,5 điểm vượt điểm tối đa 10"},
		{"the message alone", scoring.InputError{Member: "SCT", Criterion: "03", Msg: m.In(lang.English), Message: m},
			"đơn vị SCT: 03: 10,5 điểm vượt điểm tối đa 10"},
		{"a key path", scoring.InputError{File: "cum.json", Line: 4, Where: "scores[3].value", Msg: m.In(lang.English), Message: m},
			"cum.json:4: scores[3].value: 10,5 điểm vượt điểm tối đa 10"},
		{"no message", scoring.InputError{File: "cum.csv", Line: 3, Member: "SCT", Msg: "listed twice (also on line 2)"},
			"cum.csv:3: đơn vị SCT: listed twice (also on line 2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.e.Error(), tc.e.Text(lang.English))
			require.Equal(t, tc.vi, tc.e.Text(lang.Vietnamese))
		})
	}
	none := lang.Msg("input.no_members")
	es := scoring.InputErrors{{File: "a.csv", Line: 1, Msg: m.In(lang.English), Message: m}, {Member: "B", Msg: none.In(lang.English), Message: none}}
	require.Equal(t, "a.csv:1: 10,5 điểm vượt điểm tối đa 10\nđơn vị B: "+none.In(lang.Vietnamese), es.Text(lang.Vietnamese))
	require.Equal(t, es.Error(), es.Text(lang.English))
}
