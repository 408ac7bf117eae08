package covenant_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/covenant"
)

// TestRuleInBothLanguages writes how each projection was computed in both
// languages.
func TestRuleInBothLanguages(t *testing.T) {
	s := base()
	s.Criteria = append(s.Criteria, covenant.Criterion{ID: "mot", Name: "Một chữ số", Rounding: &rules.Rounding{Places: 1, Mode: rules.RoundCeiling}})
	s.Targets = append(s.Targets, covenant.Target{Party: "B", Criterion: "mot", Value: d("10")})
	s.Reports[0].Progress = append(s.Reports[0].Progress, covenant.Achieved{Party: "B", Criterion: "mot", Value: d("7")})
	c, err := covenant.New(s)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Progress(9)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ key, vi, en string }{
		"A/hs":  {"covenant.projection.linear", "36 × 12 ÷ 9 = 48 (làm tròn đến 6 chữ số thập phân, từ 5 trở lên thì làm tròn lên)", "36 × 12 ÷ 9 = 48 (6 places, half_up)"},
		"B/hs":  {"covenant.projection.linear", "70 × 12 ÷ 9 = 93,333333 (làm tròn đến 6 chữ số thập phân, từ 5 trở lên thì làm tròn lên)", "70 × 12 ÷ 9 = 93.333333 (6 places, half_up)"},
		"A/hd":  {"covenant.projection.linear", "2 × 12 ÷ 9 = 2 (làm tròn đến 0 chữ số thập phân, làm tròn xuống)", "2 × 12 ÷ 9 = 2 (0 places, floor)"},
		"B/mot": {"covenant.projection.linear", "7 × 12 ÷ 9 = 9,4 (làm tròn đến 1 chữ số thập phân, làm tròn lên)", "7 × 12 ÷ 9 = 9.4 (1 place, ceiling)"},
		"A/tl":  {"covenant.projection.held", "giữ nguyên giá trị đã đạt", "held"},
	}
	for _, l := range p.Lines {
		k := l.Party + "/" + l.Criterion
		w, ok := want[k]
		if !ok {
			continue
		}
		delete(want, k)
		if l.Rule.Key != w.key {
			t.Errorf("%s: key %q, want %q", k, l.Rule.Key, w.key)
		}
		if got := l.Rule.In(lang.Vietnamese); got != w.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", k, got, w.vi)
		}
		if got := l.Rule.In(lang.English); got != w.en {
			t.Errorf("%s in English:\n got %q\nwant %q", k, got, w.en)
		}
	}
	if len(want) > 0 {
		t.Errorf("lines missing: %v", want)
	}
}

// TestAssumptionsInBothLanguages writes what a projection assumed in both
// languages: the vote conditions by their reasons, the tie-breaks that
// read the ballot by their names.
func TestAssumptionsInBothLanguages(t *testing.T) {
	rb, err := rules.Parse("r.yaml", []byte(rulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := covenant.New(base())
	sheet := scoring.Sheet{
		Members: []scoring.Member{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}},
		Scores:  []scoring.Entry{{Member: "B", Criterion: "hd", Stage: "self", Value: d("4")}, {Member: "B", Criterion: "tl", Stage: "self", Value: d("9")}},
	}
	fc, err := c.Project(rb, sheet, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, vi, en string }{
		{"covenant.assume.no_ballot",
			"chưa có kết quả bỏ phiếu (việc bỏ phiếu diễn ra tại hội nghị tổng kết năm): coi như đã đạt các điều kiện về số phiếu (Phiếu); không áp dụng tiêu chí ưu tiên nhiều phiếu hơn",
			"no ballot before the year-end meeting: the vote conditions are assumed met (Phiếu); the tie-break more_votes is skipped"},
		{"covenant.assume.projected",
			"giá trị các tiêu chí của giao ước được dự kiến từ kết quả sơ kết 9 tháng",
			"values of the covenant's criteria projected from the report after 9 months"},
	}
	if len(fc.Assumptions) != len(want) {
		t.Fatalf("assumptions %v", fc.Assumptions)
	}
	parts := []string{"covenant.assume.votes_met", "covenant.assume.no_more_votes"}
	for i, p := range fc.Assumptions[0].Parts {
		if p.Key != parts[i] {
			t.Errorf("part %d: key %q, want %q", i, p.Key, parts[i])
		}
	}
	for i, w := range want {
		m := fc.Assumptions[i]
		if m.Key != w.key {
			t.Errorf("key %q, want %q", m.Key, w.key)
		}
		if got := m.In(lang.Vietnamese); got != w.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, w.vi)
		}
		if got := m.In(lang.English); got != w.en {
			t.Errorf("in English:\n got %q\nwant %q", got, w.en)
		}
	}
}

// checkErrors checks every problem err holds (covenant.Errors, or a single
// *covenant.Error): Text(lang.English) is Error() byte for byte, Msg is the
// message in English, the message can be written completely in both
// languages (Message.Check), and the Vietnamese is not the English. Every
// test that gets problems from the package passes them here, the fuzz test
// too.
func checkErrors(t testing.TB, err error) {
	t.Helper()
	var es covenant.Errors
	var one *covenant.Error
	switch {
	case errors.As(err, &es):
		if got := es.Text(lang.English); got != es.Error() {
			t.Errorf("Errors.Text(English) is not Error():\n got %q\nwant %q", got, es.Error())
		}
	case errors.As(err, &one):
		es = covenant.Errors{one}
	default:
		return // not a problem of the covenant (a file that cannot be opened)
	}
	for _, e := range es {
		en, vi := e.Text(lang.English), e.Text(lang.Vietnamese)
		if en != e.Error() {
			t.Errorf("Text(English) is not Error():\n got %q\nwant %q", en, e.Error())
		}
		if e.Message.IsZero() {
			t.Errorf("no message: %q", e.Error())
			continue
		}
		if err := e.Message.Check(); err != nil {
			t.Errorf("%v: %q", err, e.Error())
		}
		if e.Msg != e.Message.In(lang.English) {
			t.Errorf("Msg %q is not the message in English %q", e.Msg, e.Message.In(lang.English))
		}
		if vi == en {
			t.Errorf("the Vietnamese is the English: %q", vi)
		}
	}
}

// problems returns the problems of many broken covenants, and of
// covenants used with a rulebook or sheet they do not fit, in the order
// found. Every one is checked (see checkErrors).
func problems(t *testing.T) []*covenant.Error {
	t.Helper()
	var all []*covenant.Error
	collect := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: no problem", what)
		}
		checkErrors(t, err)
		var es covenant.Errors
		var one *covenant.Error
		switch {
		case errors.As(err, &es):
			all = append(all, es...)
		case errors.As(err, &one):
			all = append(all, one)
		default:
			t.Fatalf("%s: err = %v, want covenant.Errors", what, err)
		}
	}
	edits := []func(*covenant.Spec){
		func(s *covenant.Spec) { s.Schema = "thidua/covenant/v0"; s.ID = ""; s.Title = "" },
		func(s *covenant.Spec) { s.Level = "province" },
		func(s *covenant.Spec) { s.Year = 1800 },
		func(s *covenant.Spec) { s.Signed = date("2019-12-31") },
		func(s *covenant.Spec) { s.Parties = append(s.Parties, covenant.Party{Name: "Không mã"}) },
		func(s *covenant.Spec) {
			s.Parties = append(s.Parties, covenant.Party{ID: "A"}, covenant.Party{ID: "C"})
		},
		func(s *covenant.Spec) { s.Parties = s.Parties[:1]; s.Targets = s.Targets[:1]; s.Reports = nil },
		func(s *covenant.Spec) { s.Criteria[0].ID = "hs," },
		func(s *covenant.Spec) { s.Criteria = append(s.Criteria, covenant.Criterion{ID: "hs"}) },
		func(s *covenant.Spec) { s.Criteria[0].Projection = "quadratic" },
		func(s *covenant.Spec) { s.Criteria = nil; s.Targets = nil; s.Reports = nil },
		func(s *covenant.Spec) { s.Targets[0].Party = "Z"; s.Targets[1].Criterion = "zz" },
		func(s *covenant.Spec) { s.Targets = append(s.Targets, s.Targets[0]) },
		func(s *covenant.Spec) { s.Targets[0].Value = d("-1.5") },
		func(s *covenant.Spec) { s.Reports[0].Months = 13 },
		func(s *covenant.Spec) { s.Reports[1].Months = 9 },
		func(s *covenant.Spec) { s.Reports[0].AsOf = date("2023-01-10") },
		func(s *covenant.Spec) {
			s.Reports[0].Progress = append(s.Reports[0].Progress, s.Reports[0].Progress[0])
		},
		func(s *covenant.Spec) { s.Reports[0].Progress[0].Value = d("-2.5") },
		func(s *covenant.Spec) { s.Rounding = &rules.Rounding{Places: 40, Mode: "sideways"} },
	}
	for i, edit := range edits {
		s := base()
		edit(&s)
		_, err := covenant.New(s)
		collect(fmt.Sprint("edit ", i), err)
	}
	_, err := covenant.Parse("c.yaml", []byte("id: c\ntitle: Giao ước\nlevel: unit\nyear: 2021\ncolour: blue\nparties: [{id: A, name: Sở A}, {id: B, name: Sở B}]\ncriteria: [{id: hs, name: Hồ sơ}]\ntargets: [{party: A, criterion: hs, value: -1}]\n"))
	collect("parse", err)

	// Reports asked for.
	c, err := covenant.New(base())
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Progress(3)
	collect("Progress(3)", err)
	s := base()
	s.Reports = nil
	none, err := covenant.New(s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = none.Progress(0)
	collect("Progress without reports", err)

	// A rulebook of another year, with a group and a criterion scored by
	// votes.
	rb, err := rules.Parse("r.yaml", []byte(otherRulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	s = base()
	s.Criteria = append(s.Criteria, covenant.Criterion{ID: "xx", Name: "Không có"}, covenant.Criterion{ID: "II", Name: "Nhóm II"})
	s.Targets[1].Value = d("0")
	odd, err := covenant.New(s)
	if err != nil {
		t.Fatal(err)
	}
	collect("Check", odd.Check(rb))
	rb, err = rules.Parse("r.yaml", []byte(rulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	sheet := scoring.Sheet{Members: []scoring.Member{{ID: "A"}}, Targets: []scoring.Target{
		{Member: "A", Criterion: "hs", Value: d("50.5"), Source: scoring.Source{File: "s.csv", Line: 7}},
	}}
	_, err = c.YearEnd(rb, sheet)
	collect("YearEnd", err)
	sheet = scoring.Sheet{Year: 2020, Targets: []scoring.Target{{Member: "B", Criterion: "hs", Value: d("90")}}}
	_, err = c.Project(rb, sheet, 0)
	collect("Project", err)
	votes, err := rules.Parse("v.yaml", []byte(strings.Replace(rulebookYAML, "{id: tl, name: Tỷ lệ, max: 100}", "{id: tl, name: Tỷ lệ, max: 100, method: votes}", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Project(votes, scoring.Sheet{}, 0)
	collect("Project by votes", err)
	return all
}

// otherRulebookYAML is in force in 2022, and groups hs under II.
const otherRulebookYAML = `
id: r22
version: "2"
title: Test
in_force: {from: 2022-01-01, to: 2022-12-31}
criteria:
  - id: II
    name: Nhóm II
    children:
      - {id: hs, name: Hồ sơ, max: 20, method: ratio, target: 100}
      - {id: hd, name: Hoạt động, max: 10, method: relative}
  - {id: tl, name: Tỷ lệ, max: 100}
`

// TestErrorTexts writes a problem of every family of the package's keys
// (a key up to its third part: "covenant.err.report", "covenant.err.where")
// in both languages, as Text writes the whole line; English is Error().
// A family with no case here fails the test.
func TestErrorTexts(t *testing.T) {
	all := problems(t)
	// An Error built by hand has no message: its text is written as it is.
	all = append(all, &covenant.Error{Year: 2021, Party: "A", Msg: "a problem of the caller's own"})
	cases := []struct {
		key, has string // the first problem with the key whose English has has
		vi, en   string
	}{
		{"covenant.err.schema", "",
			`schema: năm 2021: schema "thidua/covenant/v0" không được hỗ trợ (cần thidua/covenant/v1)`,
			`schema: 2021: unknown schema "thidua/covenant/v0" (expected thidua/covenant/v1)`},
		{"covenant.err.id", "",
			"id: năm 2021: giao ước thiếu id",
			"id: 2021: a covenant needs an id"},
		{"covenant.err.title", "",
			"title: năm 2021: giao ước thiếu tên (title, ví dụ: Giao ước thi đua năm 2021)",
			"title: 2021: a covenant needs a title (e.g. Giao ước thi đua năm 2021)"},
		{"covenant.err.level", "",
			`level: năm 2021: cấp giao ước "province" không hợp lệ (dùng cluster: giữa các thành viên của cụm, hoặc unit: trong nội bộ một đơn vị)`,
			`level: 2021: unknown level "province" (expected cluster: between the members of a cluster, or unit: inside a unit)`},
		{"covenant.err.year", "",
			"year: năm 1800: năm phải từ 1900 đến 9999, nhận được 1800",
			"year: 1800: expected a year from 1900 to 9999, found 1800"},
		{"covenant.err.signed", "",
			"signed: năm 2021: ký ngày 2019-12-31 nhưng giao ước là của năm 2021 (ngày ký phải trong năm 2021 hoặc cuối năm 2020)",
			"signed: 2021: signed on 2019-12-31, but the covenant is for 2021 (expected a date in 2021 or at the end of 2020)"},
		{"covenant.err.id.missing", "",
			"parties[2].id: năm 2021: bên ký kết thiếu id",
			"parties[2].id: 2021: a party needs an id"},
		{"covenant.err.party.twice", "",
			"parties[2].id: năm 2021, bên ký kết A: bên ký kết bị trùng",
			"parties[2].id: 2021, party A: party given twice"},
		{"covenant.err.parties.few", "",
			"parties: năm 2021: giao ước phải có ít nhất hai bên ký kết, nhận được 1",
			"parties: 2021: a covenant is signed by at least two parties, found 1"},
		{"covenant.err.criterion.projection", "",
			`criteria[0].projection: năm 2021, tiêu chí hs: cách dự kiến "quadratic" không hợp lệ (dùng linear hoặc hold)`,
			`criteria[0].projection: 2021, criterion hs: unknown projection "quadratic" (expected linear or hold)`},
		{"covenant.err.criteria.none", "",
			"criteria: năm 2021: giao ước phải có ít nhất một tiêu chí",
			"criteria: 2021: a covenant needs at least one criterion"},
		{"covenant.err.targets.none", "",
			"targets: năm 2021: giao ước phải ghi các chỉ tiêu mà các bên ký kết đăng ký",
			"targets: 2021: a covenant needs the targets its parties register"},
		{"covenant.err.party.unknown", "",
			`targets[0].party: năm 2021, bên ký kết Z, tiêu chí hs: bên ký kết "Z" không có trong danh sách các bên ký kết (parties)`,
			`targets[0].party: 2021, party Z, criterion hs: unknown party "Z" (not listed under parties)`},
		{"covenant.err.target.negative", "-1.5",
			"targets[0].value: năm 2021, bên ký kết A, tiêu chí hs: chỉ tiêu không được âm, nhận được -1,5",
			"targets[0].value: 2021, party A, criterion hs: a target cannot be negative, found -1.5"},
		{"covenant.err.target.negative", "c.yaml",
			"c.yaml:8:44: targets[0].value: năm 2021, bên ký kết A, tiêu chí hs: chỉ tiêu không được âm, nhận được -1",
			"c.yaml:8:44: targets[0].value: 2021, party A, criterion hs: a target cannot be negative, found -1"},
		{"covenant.err.report.twice", "",
			"reports[1].months: năm 2021: báo cáo sơ kết sau 9 tháng bị trùng (đã có tại reports[0])",
			"reports[1].months: 2021: a report after 9 months is given twice (also at reports[0])"},
		{"covenant.err.progress.negative", "",
			"reports[0].progress[0].achieved: năm 2021, bên ký kết A, tiêu chí hs: kết quả đạt được không được âm, nhận được -2,5",
			"reports[0].progress[0].achieved: 2021, party A, criterion hs: an achieved value cannot be negative, found -2.5"},
		{"covenant.err.rounding.places", "",
			"rounding.places: năm 2021: số chữ số thập phân phải từ 0 đến 12, nhận được 40",
			"rounding.places: 2021: places must be from 0 to 12, found 40"},
		{"covenant.err.report.missing", "",
			"giao ước c không có báo cáo sơ kết sau 3 tháng (các báo cáo hiện có: sau 6, 9 tháng)",
			"covenant c has no report after 3 months (reports after 6, 9 months)"},
		{"covenant.err.rulebook.group", "",
			"criteria[4].id: năm 2021, tiêu chí II: là nhóm tiêu chí của bộ tiêu chí r22; chỉ tiêu được đăng ký cho các tiêu chí thuộc nhóm",
			"criteria[4].id: 2021, criterion II: a group of rulebook r22; targets are set for its criteria"},
		{"covenant.err.sheet.target_at", "",
			"targets: năm 2021, bên ký kết A, tiêu chí hs: bảng điểm ghi chỉ tiêu 50,5 (s.csv:7), giao ước đã đăng ký 48",
			"targets: 2021, party A, criterion hs: the sheet gives target 50.5 (s.csv:7), the covenant registered 48"},
		{"covenant.err.project.votes", "",
			"tiêu chí tl được chấm theo kết quả bỏ phiếu: hãy ghi kết quả bỏ phiếu vào bảng điểm để dự kiến kết quả cuối năm",
			"criterion tl is scored by votes: give the sheet a ballot to project the year end"},
		{"", "caller's own",
			"năm 2021, bên ký kết A: a problem of the caller's own",
			"2021, party A: a problem of the caller's own"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		i := slices.IndexFunc(all, func(e *covenant.Error) bool {
			return e.Message.Key == c.key && strings.Contains(e.Error(), c.has)
		})
		if i < 0 {
			t.Errorf("no problem has the key %q and says %q", c.key, c.has)
			continue
		}
		e := all[i]
		if got := e.Text(lang.Vietnamese); got != c.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", c.key, got, c.vi)
		}
		if got := e.Text(lang.English); got != c.en || got != e.Error() {
			t.Errorf("%s in English:\n got %q\nwant %q", c.key, got, c.en)
		}
		families(covered, e.Located())
	}
	for _, k := range lang.Keys("covenant.err.") {
		if f := family(k); !covered[f] {
			t.Errorf("no case writes a key of the family %s (%s)", f, k)
			covered[f] = true // once a family
		}
	}
}

// family is a key up to its third part: "covenant.err.report.twice" is
// of the family "covenant.err.report".
func family(key string) string {
	parts := strings.SplitN(key, ".", 4)
	return strings.Join(parts[:min(3, len(parts))], ".")
}

// families marks the families of a message's key and its parts' keys.
func families(seen map[string]bool, m lang.Message) {
	seen[family(m.Key)] = true
	for _, p := range m.Parts {
		families(seen, p)
	}
}
