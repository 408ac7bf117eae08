package whatif_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// leftover matches a placeholder or a missing key left in a written text.
var leftover = regexp.MustCompile(`\{(p?\d+(:[a-z]+)?|parts|list)\}|‹`)

// checkMessage checks a problem's message against its English text msg:
// the message is set, writes out completely, its English is the end of msg
// (which may start with a location), and its Vietnamese has no leftover.
func checkMessage(t testing.TB, msg string, m lang.Message) {
	t.Helper()
	require.False(t, m.IsZero(), "%q has no message", msg)
	require.NoError(t, m.Check(), msg)
	require.True(t, strings.HasSuffix(msg, m.In(lang.English)), "Msg %q does not end with its message %q", msg, m.In(lang.English))
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		require.NotRegexp(t, leftover, blank(m).In(tag))
	}
}

// checkRequestError checks a bad request's error: a *whatif.Error whose
// Text(lang.English) is Error(), whose Msg is its message in English, and
// whose Vietnamese differs from the English. It returns the error.
func checkRequestError(t testing.TB, err error) *whatif.Error {
	t.Helper()
	var we *whatif.Error
	require.True(t, errors.As(err, &we), "error %T (%v) is not a *whatif.Error", err, err)
	require.Equal(t, we.Error(), we.Text(lang.English))
	checkMessage(t, we.Msg, we.Message)
	require.Equal(t, we.Msg, we.Message.In(lang.English))
	require.NotEqual(t, we.Error(), we.Text(lang.Vietnamese))
	return we
}

// checkInputErrors checks a scenario's problems: scoring.InputErrors whose
// Text(lang.English) is Error() (the list's and each problem's), each
// with a message that writes out in both languages, and Vietnamese that
// differs from the English. It returns the problems.
func checkInputErrors(t testing.TB, err error) scoring.InputErrors {
	t.Helper()
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "error %T is not InputErrors: %v", err, err)
	require.NotEmpty(t, es)
	require.Equal(t, es.Error(), es.Text(lang.English))
	for _, e := range es {
		require.Equal(t, e.Error(), e.Text(lang.English))
		checkMessage(t, e.Msg, e.Message)
		if e.Message.In(lang.Vietnamese) != e.Message.In(lang.English) {
			require.NotEqual(t, e.Error(), e.Text(lang.Vietnamese))
		}
	}
	return es
}

// markKeys records the keys of a message and its parts.
func markKeys(seen map[string]bool, m lang.Message) {
	seen[m.Key] = true
	for _, p := range m.Parts {
		markKeys(seen, p)
	}
}

// TestRequestErrorTexts writes a bad request of every kind, in Vietnamese,
// exactly (the English of a few, to show it is what it was).
func TestRequestErrorTexts(t *testing.T) {
	rb, sh := cum2(t)
	reach := func(member string, target whatif.Target, opts ...whatif.Option) func() error {
		return func() error {
			_, err := whatif.Reach(context.Background(), rb, sh, member, target, opts...)
			return err
		}
	}
	sens := func(p whatif.Parameter, r whatif.Range) func() error {
		return func() error { _, err := whatif.Sensitivity(context.Background(), rb, sh, p, r); return err }
	}
	rg := func(from, to, step string) whatif.Range { return whatif.Range{From: d(from), To: d(to), Step: d(step)} }
	cases := []struct {
		name   string
		run    func() error
		vi, en string
	}{
		{"an unknown member", reach("XYZ", whatif.RankTarget(1)),
			"đơn vị XYZ: không có trong danh sách đơn vị của bảng điểm", "member XYZ: not in the sheet's member list"},
		{"an unknown award tier", reach("SXD", whatif.AwardTarget("gold")),
			`bộ tiêu chí caobang-cum2 không có hình thức khen thưởng "gold" (các hình thức: flag, merit) (nhận được "gold")`,
			`no award tier "gold" in rulebook caobang-cum2 (its tiers: flag, merit) (found "gold")`},
		{"a rank beyond the cluster", reach("SXD", whatif.RankTarget(8)),
			`hạng phải từ 1 đến 7, là số đơn vị của cụm (nhận được "8")`, `a rank must be between 1 and the 7 members of the cluster (found "8")`},
		{"a rank and an award", reach("SXD", whatif.Target{Rank: 1, Award: "flag"}),
			`chỉ ghi hạng hoặc hình thức khen thưởng, không ghi cả hai (nhận được "award flag")`, ""},
		{"a fractional step for a count", reach("SXD", whatif.RankTarget(1), whatif.WithStep("02", d("0.5"))),
			`đơn vị SXD: 02: tiêu chí tính theo số lần nên bước tăng phải là số nguyên (nhận được "0.5")`,
			`member SXD: 02: counts a number of occurrences, so its step must be a whole number (found "0.5")`},
		{"a step of zero", reach("SXD", whatif.RankTarget(1), whatif.WithStep("03", d("0"))),
			`đơn vị SXD: 03: bước tăng phải lớn hơn 0 (nhận được "0")`, ""},
		{"a step for a group", reach("SXD", whatif.RankTarget(1), whatif.WithStep("I", d("1"))),
			`đơn vị SXD: I: bước tăng chỉ áp dụng cho tiêu chí, không áp dụng cho nhóm tiêu chí (nhận được "1")`, ""},
		{"a step for an unknown criterion", reach("SXD", whatif.RankTarget(1), whatif.WithStep("99", d("1"))),
			"đơn vị SXD: 99: bước tăng được ghi cho một tiêu chí không có trong bộ tiêu chí", ""},
		{"too many candidates", reach("SXD", whatif.RankTarget(1), whatif.WithStep("03", d("0.0001")), whatif.WithLimits(0, 1000)),
			`đơn vị SXD: 03: có hơn 1000 giá trị đầu vào cần xét với bước tăng này; hãy dùng bước tăng lớn hơn (nhận được "0.0001")`, ""},
		{"too many states", reach("SXD", whatif.RankTarget(1), whatif.WithLimits(1, 0)),
			"đơn vị SXD: có hơn 1 lớp phương án phân bổ; hãy dùng bước tăng lớn hơn", "member SXD: more than 1 classes of allocations; give coarser steps"},
		{"a weight and a score", sens(whatif.Parameter{Weight: "07", Member: "SCT", Criterion: "03"}, rg("1", "2", "1")),
			"đơn vị SCT: 07: chỉ thay đổi trọng số hoặc điểm, không thay đổi cả hai", ""},
		{"the weight of an unknown node", sens(whatif.WeightOf("99"), rg("1", "2", "1")),
			"99: bộ tiêu chí caobang-cum2 không có tiêu chí hay nhóm tiêu chí nào có mã này", ""},
		{"the score of an unknown criterion", sens(whatif.ScoreOf("SCT", "99"), rg("1", "2", "1")),
			"đơn vị SCT: 99: bộ tiêu chí caobang-cum2 không có tiêu chí nào có mã này", ""},
		{"the score of a group", sens(whatif.ScoreOf("SCT", "I"), rg("1", "2", "1")),
			"đơn vị SCT: I: là nhóm tiêu chí; điểm được chấm cho từng tiêu chí", ""},
		{"the score of an unknown member", sens(whatif.ScoreOf("XYZ", "03"), rg("1", "2", "1")),
			"đơn vị XYZ: không có trong danh sách đơn vị của bảng điểm", ""},
		{"a step of zero in a range", sens(whatif.WeightOf("07"), rg("1", "2", "0")),
			`07: bước thay đổi trọng số của 07 phải lớn hơn 0 (nhận được "0")`, `07: the step of the weight of 07 must be above zero (found "0")`},
		{"a reversed range", sens(whatif.ScoreOf("SCT", "03"), rg("2.5", "1", "0.5")),
			`đơn vị SCT: 03: khoảng thay đổi điểm của SCT ở tiêu chí 03 kết thúc trước khi bắt đầu (từ 2,5) (nhận được "1")`,
			`member SCT: 03: the range of the score of SCT on 03 ends before it starts (2.5) (found "1")`},
		{"a weight of zero", sens(whatif.WeightOf("07"), rg("0", "1", "0.5")),
			`07: trọng số phải lớn hơn 0 (trọng số 0 được hiểu là 1) (nhận được "0")`, ""},
		{"a negative score", sens(whatif.ScoreOf("SCT", "03"), rg("-1", "1", "0.5")),
			`đơn vị SCT: 03: điểm không được âm (nhận được "-1")`, ""},
		{"a score above the maximum", sens(whatif.ScoreOf("SCT", "03"), rg("10", "21", "1")),
			`đơn vị SCT: 03: điểm chấm trực tiếp không được vượt điểm tối đa 20 (nhận được "21")`, ""},
		{"a pass/fail score", sens(whatif.ScoreOf("SCT", "01"), rg("0", "1", "0.5")),
			`đơn vị SCT: 01: tiêu chí đạt/không đạt chỉ nhận 0 hoặc 1: hãy dùng từ 0 đến 1, bước 1 (nhận được "0 … 1, bước 0,5")`,
			`member SCT: 01: pass/fail takes 0 or 1: use from 0 to 1 step 1 (found "0 … 1 step 0.5")`},
		{"a fractional count", sens(whatif.ScoreOf("SCT", "02"), rg("0", "4", "0.5")),
			`đơn vị SCT: 02: tiêu chí tính theo số lần: khoảng giá trị và bước phải là số nguyên (nhận được "0 … 4, bước 0,5")`, ""},
		{"too many grid values", sens(whatif.WeightOf("07"), rg("1", "2000", "0.001")),
			`07: có hơn 100000 giá trị khảo sát; hãy dùng bước lớn hơn (nhận được "0.001")`, ""},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			we := checkRequestError(t, c.run())
			markKeys(seen, we.Message)
			require.Equal(t, c.vi, we.Text(lang.Vietnamese))
			if c.en != "" {
				require.Equal(t, c.en, we.Error())
			}
		})
	}
	// Problems the examples cannot provoke: their messages as the package
	// builds them.
	messages := []struct {
		msg    lang.Message
		vi, en string
	}{
		{lang.Msg("whatif.err.places", 13), "các giá trị cần 13 chữ số thập phân; việc tìm kiếm chính xác chỉ xử lý tối đa 12 chữ số",
			"values need 13 decimal places; the exact search handles at most 12"},
		{lang.Msg("whatif.err.rounding"), "quá nhiều bước làm tròn", "too many rounding steps"},
		{lang.Msg("whatif.err.target.upper_bound", "Dưới 90 điểm"), "không thể tìm mức điểm cần đạt: hình thức khen thưởng này yêu cầu điều kiện có giới hạn trên (Dưới 90 điểm), nên điểm cao hơn có thể làm mất nó",
			"cannot search for the score needed: this award requires a condition with an upper bound (Dưới 90 điểm), so a higher score can lose it"},
		{lang.Msg("whatif.err.target.grade_upper_bound", "Hoàn thành tốt nhiệm vụ", "Dưới 90 điểm"),
			"không thể tìm mức điểm cần đạt: mức Hoàn thành tốt nhiệm vụ yêu cầu điều kiện có giới hạn trên (Dưới 90 điểm), nên điểm cao hơn có thể làm mất mức này",
			"cannot search for the score needed: band Hoàn thành tốt nhiệm vụ requires a condition with an upper bound (Dưới 90 điểm), so a higher score can lose the band"},
		{lang.Msg("whatif.err.target.grade", `"gioi"`, "nghean", "xuat_sac, tot"), `bộ tiêu chí nghean không có mức xếp loại "gioi" (các mức: xuat_sac, tot)`,
			`no grading band "gioi" in rulebook nghean (its bands: xuat_sac, tot)`},
		{lang.Msg("whatif.err.target.no_grades", "cum2"), "bộ tiêu chí cum2 không xếp loại (không có mục grades)", "rulebook cum2 grades no one (it has no grades)"},
		{lang.Msg("whatif.err.kinks"), "quá nhiều điểm gãy", "too many kinks"},
		{lang.Msg("whatif.err.sweep.votes"), "tiêu chí được quy đổi từ kết quả bỏ phiếu nên không có điểm để thay đổi", "is converted from the ballot and has no score to vary"},
		{lang.Msg("whatif.err.sweep.not_assigned"), "tiêu chí không được giao cho đơn vị này", "is not assigned to the member"},
		{lang.Msg("whatif.err.rulebook_invalid", "test.yaml: criteria[0].weight: weight must be above zero, found -1"),
			"bộ tiêu chí không hợp lệ với trọng số này: test.yaml: criteria[0].weight: weight must be above zero, found -1",
			"the rulebook is invalid with this weight: test.yaml: criteria[0].weight: weight must be above zero, found -1"},
		{lang.Msg("whatif.err.sheet_invalid", "member SCT: 03: 21 points is above the maximum 20"),
			"bảng điểm không hợp lệ với điểm này: member SCT: 03: 21 points is above the maximum 20",
			"the sheet is invalid with this score: member SCT: 03: 21 points is above the maximum 20"},
	}
	for _, c := range messages {
		we := &whatif.Error{Member: "SCT", Criterion: "03", Value: "1.5", Msg: c.msg.In(lang.English), Message: c.msg, Err: whatif.ErrBadRange}
		checkRequestError(t, we)
		markKeys(seen, c.msg)
		require.Equal(t, "đơn vị SCT: 03: "+c.vi+` (nhận được "1.5")`, we.Text(lang.Vietnamese))
		require.Equal(t, "member SCT: 03: "+c.en+` (found "1.5")`, we.Error())
	}
	// An Error built without a message is written as it is.
	bare := &whatif.Error{Member: "SCT", Msg: "too large", Err: whatif.ErrTooLarge}
	require.Equal(t, "đơn vị SCT: too large", bare.Text(lang.Vietnamese))
	require.Equal(t, bare.Error(), bare.Text(lang.English))
	requireEveryKey(t, seen, "whatif.err.", "whatif.err.scenario.", "whatif.err.edit.")
}

// TestScenarioErrorTexts writes a scenario's problem of every kind, in
// Vietnamese, exactly.
func TestScenarioErrorTexts(t *testing.T) {
	rb, sh := cum2(t)
	noBallot := sh
	noBallot.Ballot = nil
	noVotes := sh
	noVotes.Ballot = &scoring.Ballot{}
	notAssigned := sh
	notAssigned.NotAssigned = append(slices.Clone(sh.NotAssigned), scoring.Assignment{Member: "SCT", Criterion: "03"})
	parse := func(yaml string) func() error {
		return func() error { _, err := whatif.ParseScenario("s.yaml", []byte(yaml)); return err }
	}
	apply := func(sheet scoring.Sheet, yaml string) func() error {
		return func() error {
			sc, err := whatif.ParseScenario("s.yaml", []byte(yaml))
			require.NoError(t, err)
			_, err = sc.Apply(rb, sheet)
			return err
		}
	}
	cases := []struct {
		name   string
		run    func() error
		vi, en string
	}{
		{"no edits", parse("scenario: Empty\n"), "s.yaml:1: kịch bản phải có danh sách thay đổi (edits: …)", "s.yaml:1: a scenario needs a list of edits (edits: …)"},
		{"an edit with no key", parse("edits:\n  - {}\n"),
			"s.yaml:2: edits[0]: mỗi thay đổi phải có đúng một trong các khóa set_score, add_deduction, remove_deduction, add_bonus, remove_bonus, set_fact, drop_member, add_votes; nhận được 0 khóa",
			"s.yaml:2: edits[0]: an edit has exactly one of set_score, add_deduction, remove_deduction, add_bonus, remove_bonus, set_fact, drop_member, add_votes; found 0"},
		{"an edit without its item", parse("edits:\n  - add_deduction: {member: SCT}\n"),
			"s.yaml:2: đơn vị SCT: add_deduction: thiếu item", "s.yaml:2: member SCT: add_deduction: needs item"},
		{"an edit without its member and stage", parse("edits:\n  - set_score: {criterion: \"03\", value: 3}\n"),
			"s.yaml:2: 03: set_score: thiếu member và stage", "s.yaml:2: 03: set_score: needs member and stage"},
		{"an edit with only a value", parse("edits:\n  - set_score: {value: 3}\n"),
			"s.yaml:2: set_score: thiếu member, criterion và stage", "s.yaml:2: set_score: needs member and criterion and stage"},
		{"a negative count", parse("edits:\n  - add_deduction: {member: SCT, item: vang_hop, count: -2}\n"),
			"s.yaml:2: đơn vị SCT: vang_hop: add_deduction: count không được âm, nhận được -2", ""},
		{"a negative value", parse("edits:\n  - set_score: {member: SCT, criterion: \"03\", stage: cluster, value: \"-1,5\"}\n"),
			"s.yaml:2: đơn vị SCT: 03: set_score: value không được âm, nhận được -1,5", "s.yaml:2: member SCT: 03: set_score: value must not be negative, found -1.5"},
		{"an unknown key", parse("edits:\n  - drop_member: {member: TTT, reason: merged}\n"),
			`s.yaml:2: edits[0].drop_member.reason: khóa không hợp lệ "reason" (các khóa hợp lệ: member, note)`, ""},
		{"an edit with no key, applied", func() error {
			_, err := whatif.Scenario{File: "s.yaml", Edits: []whatif.Edit{{Line: 4}}}.Apply(rb, sh)
			return err
		}, "s.yaml:4: mỗi thay đổi phải có đúng một trong các khóa set_score, add_deduction, remove_deduction, add_bonus, remove_bonus, set_fact, drop_member, add_votes",
			"s.yaml:4: an edit has exactly one of set_score, add_deduction, remove_deduction, add_bonus, remove_bonus, set_fact, drop_member, add_votes"},
		{"an edit without its member, applied", func() error {
			_, err := whatif.Scenario{File: "s.yaml", Edits: []whatif.Edit{{DropMember: &whatif.DropMember{}, Line: 3}}}.Apply(rb, sh)
			return err
		}, "s.yaml:3: drop_member: thiếu member", ""},
		{"a dropped member", apply(sh, "edits:\n  - drop_member: {member: TTT}\n  - set_fact: {member: TTT, fact: khong_ky_luat, value: true}\n"),
			`s.yaml:3: đơn vị TTT: khong_ky_luat: set_fact: bảng điểm không có đơn vị "TTT" (đã được đưa ra khỏi cụm ở một thay đổi trước, hoặc chưa từng có)`,
			`s.yaml:3: member TTT: khong_ky_luat: set_fact: no member "TTT" in the sheet (dropped by an earlier edit, or never there)`},
		{"an unknown fact", apply(sh, "edits:\n  - set_fact: {member: SCT, fact: ky_luat, value: true}\n"),
			`s.yaml:2: đơn vị SCT: ky_luat: set_fact: tiêu chuẩn "ky_luat" không được khai báo trong bộ tiêu chí caobang-cum2`, ""},
		{"votes without a ballot", apply(noBallot, "edits:\n  - add_votes: {member: SXD, for: 1}\n"),
			"s.yaml:2: đơn vị SXD: add_votes: bảng điểm không ghi kết quả bỏ phiếu để cộng thêm phiếu", ""},
		{"votes below zero", apply(sh, "edits:\n  - add_votes: {member: SXD, for: -9}\n"),
			"s.yaml:2: đơn vị SXD: add_votes: sau thay đổi còn -3 phiếu tán thành, 0 phiếu không tán thành, 0 phiếu không biểu quyết: số phiếu không được âm",
			"s.yaml:2: member SXD: add_votes: would leave -3 for, 0 against, 0 abstaining: counts cannot be negative"},
		{"votes taken from nothing", apply(noVotes, "edits:\n  - add_votes: {member: SXD, against: -1}\n"),
			"s.yaml:2: đơn vị SXD: add_votes: đơn vị chưa có phiếu nào được ghi để bớt đi", ""},
		{"an unknown criterion", apply(sh, "edits:\n  - set_score: {member: SCT, criterion: \"99\", stage: cluster, value: 5}\n"),
			`s.yaml:2: đơn vị SCT: 99: set_score: tiêu chí "99" không có trong bộ tiêu chí caobang-cum2`, ""},
		{"a group's score", apply(sh, "edits:\n  - set_score: {member: SCT, criterion: I, stage: cluster, value: 5}\n"),
			`s.yaml:2: đơn vị SCT: I: set_score: "I" là nhóm tiêu chí; hãy đặt điểm cho một tiêu chí thuộc nhóm`, ""},
		{"an unknown stage", apply(sh, "edits:\n  - set_score: {member: SCT, criterion: \"03\", stage: phuc_tra, value: 5}\n"),
			`s.yaml:2: đơn vị SCT: 03: set_score: giai đoạn chấm "phuc_tra" không có trong bộ tiêu chí (các giai đoạn: self, cluster)`, ""},
		{"a criterion not assigned", apply(notAssigned, "edits:\n  - set_score: {member: SCT, criterion: \"03\", stage: cluster, value: 5}\n"),
			"s.yaml:2: đơn vị SCT: 03: set_score: tiêu chí được đánh dấu không được giao cho đơn vị", ""},
		{"an unknown deduction item", apply(sh, "edits:\n  - add_deduction: {member: SCT, item: vang_hopp}\n"),
			`s.yaml:2: đơn vị SCT: vang_hopp: add_deduction: không có khoản điểm trừ "vang_hopp" trong bộ tiêu chí`, ""},
		{"an unknown bonus item", apply(sh, "edits:\n  - add_bonus: {member: SCT, item: co_tinhh}\n"),
			`s.yaml:2: đơn vị SCT: co_tinhh: add_bonus: không có khoản điểm thưởng "co_tinhh" trong bộ tiêu chí`, ""},
		{"no bonus to remove", apply(sh, "edits:\n  - remove_bonus: {member: SXD, item: co_tinh}\n"),
			"s.yaml:2: đơn vị SXD: co_tinh: remove_bonus: đơn vị không có điểm thưởng co_tinh để bỏ", ""},
		{"no deduction to remove", apply(sh, "edits:\n  - remove_deduction: {member: SCT, item: bao_cao_muon}\n"),
			"s.yaml:2: đơn vị SCT: bao_cao_muon: remove_deduction: đơn vị không có điểm trừ bao_cao_muon để bỏ", ""},
		{"more removed than there are", apply(sh, "edits:\n  - remove_deduction: {member: SGTVT, item: bao_cao_muon, count: 3}\n"),
			"s.yaml:2: đơn vị SGTVT: bao_cao_muon: remove_deduction: bỏ 3 lần nhưng đơn vị chỉ có 1 lần",
			"s.yaml:2: member SGTVT: bao_cao_muon: remove_deduction: removes 3 but the member has 1"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := checkInputErrors(t, c.run())
			markKeys(seen, es[0].Message)
			require.Equal(t, c.vi, es[0].Text(lang.Vietnamese))
			if c.en != "" {
				require.Equal(t, c.en, es[0].Error())
			}
		})
	}
	// A criterion converted from the ballot takes no score: the example
	// has none, so a rulebook with one.
	rbVotes := mustRulebook(t, `
criteria:
  - {id: a, name: A, max: 10}
  - {id: v, name: Votes, max: 10, method: votes}
`)
	shVotes := scoring.Sheet{Members: members("A", "B"), Scores: []scoring.Entry{cl("A", "a", "5"), cl("B", "a", "6")},
		Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 1}, {Member: "B", For: 1}}}}
	sc, err := whatif.ParseScenario("s.yaml", []byte("edits:\n  - set_score: {member: A, criterion: v, stage: cluster, value: 5}\n"))
	require.NoError(t, err)
	_, err = sc.Apply(rbVotes, shVotes)
	es := checkInputErrors(t, err)
	markKeys(seen, es[0].Message)
	require.Equal(t, "s.yaml:2: đơn vị A: v: set_score: tiêu chí quy đổi từ kết quả bỏ phiếu, không nhận điểm; hãy dùng add_votes", es[0].Text(lang.Vietnamese))
	// Edits that leave a sheet the engine does not accept.
	rb, sh = cum2(t)
	sc, err = whatif.ParseScenario("s.yaml", []byte("edits:\n  - set_score: {member: SCT, criterion: \"03\", stage: cluster, value: 25}\n"))
	require.NoError(t, err)
	_, err = whatif.RunScenario(rb, sh, sc, nil)
	var after *whatif.InvalidAfterError
	require.ErrorAs(t, err, &after)
	markKeys(seen, after.Message())
	require.Equal(t, "bảng điểm sau khi áp dụng các thay đổi trong s.yaml không hợp lệ:", after.Message().In(lang.Vietnamese))
	require.Equal(t, "s.yaml:2: member SCT: 03: 25 points is above the maximum 20", checkInputErrors(t, after.Err)[0].Error())
	requireEveryKey(t, seen, "whatif.err.scenario.")
	requireEveryKey(t, seen, "whatif.err.edit.")
}

// requireEveryKey fails if a catalogue key starting with prefix, and with
// none of the prefixes in except (families another test covers), has no
// case in seen.
func requireEveryKey(t *testing.T, seen map[string]bool, prefix string, except ...string) {
	t.Helper()
	keys := lang.Keys(prefix)
	require.NotEmpty(t, keys, "no keys %s…", prefix)
	for _, k := range keys {
		if !slices.ContainsFunc(except, func(o string) bool { return strings.HasPrefix(k, o) }) {
			require.True(t, seen[k], "key %q has no case in the table", k)
		}
	}
}

// TestRequestKeysAreWritten writes every "whatif.err." key with made-up
// values: nothing is left unfilled, and the Vietnamese differs from the
// English.
func TestRequestKeysAreWritten(t *testing.T) {
	keys := lang.Keys("whatif.err.")
	require.NotEmpty(t, keys)
	for _, k := range keys {
		m := lang.Msg(k)
		for range 20 {
			err := m.Check()
			if err == nil {
				break
			}
			var ce *lang.CheckError
			require.ErrorAs(t, err, &ce)
			if strings.HasPrefix(ce.Problem, "no value for {p") {
				m = m.With(lang.Msg("whatif.param.weight", "07"))
			} else {
				m.Args = append(m.Args, "V"+string(rune('0'+len(m.Args)))+".5")
			}
		}
		require.NoError(t, m.Check(), k)
		vi, en := m.In(lang.Vietnamese), m.In(lang.English)
		require.NotRegexp(t, leftover, vi, k)
		require.NotRegexp(t, leftover, en, k)
		require.NotEqual(t, en, vi, k)
	}
}

// blank is m with every value replaced by "x", so that a check of the
// written text for leftovers is not misled by values that hold braces.
func blank(m lang.Message) lang.Message {
	out := lang.Message{Key: m.Key}
	for range m.Args {
		out.Args = append(out.Args, "x")
	}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, blank(p))
	}
	return out
}
