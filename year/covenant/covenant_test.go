package covenant_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/covenant"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func base() covenant.Spec {
	return covenant.Spec{
		ID: "c", Title: "Giao ước 2021", Level: covenant.ClusterLevel, Year: 2021, Signed: date("2021-01-05"),
		Parties: []covenant.Party{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}},
		Criteria: []covenant.Criterion{
			{ID: "hs", Name: "Hồ sơ đúng hạn"},
			{ID: "hd", Name: "Hoạt động", Rounding: &rules.Rounding{Places: 0, Mode: rules.RoundFloor}},
			{ID: "tl", Name: "Tỷ lệ", Projection: covenant.Hold},
		},
		Targets: []covenant.Target{
			{Party: "A", Criterion: "hs", Value: d("48")}, {Party: "B", Criterion: "hs", Value: d("100")},
			{Party: "A", Criterion: "hd", Value: d("4")}, {Party: "A", Criterion: "tl", Value: d("85")},
		},
		Reports: []covenant.Report{
			{Months: 9, Progress: []covenant.Achieved{
				{Party: "A", Criterion: "hs", Value: d("36")}, {Party: "B", Criterion: "hs", Value: d("70")},
				{Party: "A", Criterion: "hd", Value: d("2")}, {Party: "A", Criterion: "tl", Value: d("84.5")},
			}},
			{Months: 6, Progress: []covenant.Achieved{{Party: "A", Criterion: "hs", Value: d("25")}}},
		},
	}
}

func date(s string) rules.Date {
	var x rules.Date
	if err := x.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return x
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, want, party, crit string
		edit                    func(*covenant.Spec)
	}{
		{"an unknown level is refused", `unknown level "province"`, "", "", func(s *covenant.Spec) { s.Level = "province" }},
		{"a covenant signed by one party is refused", "at least two parties", "", "", func(s *covenant.Spec) { s.Parties = s.Parties[:1]; s.Targets = s.Targets[:1]; s.Reports = nil }},
		{"a covenant signed in another year is refused", "signed on 2019-12-31", "", "", func(s *covenant.Spec) { s.Signed = date("2019-12-31") }},
		{"a target for an unknown party is refused", `unknown party "Z"`, "Z", "hs", func(s *covenant.Spec) { s.Targets[0].Party = "Z" }},
		{"a target for an unknown criterion is refused", `unknown criterion "zz"`, "A", "zz", func(s *covenant.Spec) { s.Targets[0].Criterion = "zz" }},
		{"a target given twice is refused", "target given twice", "A", "hs", func(s *covenant.Spec) { s.Targets = append(s.Targets, s.Targets[0]) }},
		{"a negative target is refused", "cannot be negative", "A", "hs", func(s *covenant.Spec) { s.Targets[0].Value = d("-1") }},
		{"a report after 13 months is refused", "from 1 to 12, found 13", "", "", func(s *covenant.Spec) { s.Reports[0].Months = 13 }},
		{"two reports after the same months are refused", "given twice", "", "", func(s *covenant.Spec) { s.Reports[1].Months = 9 }},
		{"progress for an unknown party is refused", `unknown party "Z"`, "Z", "hs", func(s *covenant.Spec) { s.Reports[0].Progress[0].Party = "Z" }},
		{"a negative achieved value is refused", "cannot be negative", "A", "hs", func(s *covenant.Spec) { s.Reports[0].Progress[0].Value = d("-2") }},
		{"an unknown projection is refused", `unknown projection "quadratic"`, "", "hs", func(s *covenant.Spec) { s.Criteria[0].Projection = "quadratic" }},
		{"an unknown rounding mode is refused", `unknown rounding mode "sideways"`, "", "hd", func(s *covenant.Spec) { s.Criteria[1].Rounding.Mode = "sideways" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			_, err := covenant.New(s)
			checkErrors(t, err)
			var es covenant.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err %v, want covenant.Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Msg, c.want) {
					if e.Party != c.party || e.Criterion != c.crit || e.Year != 2021 {
						t.Errorf("error names party %q criterion %q year %d; want %q %q 2021", e.Party, e.Criterion, e.Year, c.party, c.crit)
					}
					return
				}
			}
			t.Fatalf("no error says %q:\n%v", c.want, err)
		})
	}
}

// TestProgress checks the projection rule on hand-computed values:
// linear = achieved × 12 ÷ months rounded once; hold = achieved.
func TestProgress(t *testing.T) {
	c, err := covenant.New(base())
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Progress(0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Months != 9 {
		t.Fatalf("latest report after %d months, want 9", p.Months)
	}
	want := map[string]struct {
		projected string
		on        bool
	}{
		"A/hs": {"48", true},         // 36 × 12 ÷ 9 = 48 exactly: on course for 48
		"B/hs": {"93.333333", false}, // 70 × 12 ÷ 9 = 93.3…, default 6 places half up
		"A/hd": {"2", false},         // 2 × 12 ÷ 9 = 2.67, floored to 2 < 4
		"A/tl": {"84.5", false},      // held: 84.5 < 85
	}
	for _, l := range p.Lines {
		k := l.Party + "/" + l.Criterion
		w, ok := want[k]
		if !ok {
			t.Errorf("unexpected line %s", k)
			continue
		}
		if !l.Projected.Equal(d(w.projected)) || l.OnCourse != w.on {
			t.Errorf("%s: projected %s on course %t; want %s %t (%s)", k, l.Projected, l.OnCourse, w.projected, w.on, l.Rule)
		}
		delete(want, k)
	}
	if len(want) > 0 {
		t.Errorf("missing lines %v", want)
	}
	p6, err := c.Progress(6)
	if err != nil {
		t.Fatal(err)
	}
	if l := p6.Lines[0]; l.Criterion != "hs" || !l.Projected.Equal(d("50")) || !l.Percent.Equal(d("104.17")) {
		t.Errorf("6 months: %+v; want 25 × 12 ÷ 6 = 50, 104.17%% of 48", l)
	}
	if _, err := c.Progress(3); err == nil {
		t.Error("a report that does not exist was found")
	} else {
		checkErrors(t, err)
	}
}

const rulebookYAML = `
id: r
version: "1"
title: Test
in_force: {from: 2021-01-01, to: 2021-12-31}
criteria:
  - {id: hs, name: Hồ sơ, max: 20, method: ratio, target: 100}
  - {id: hd, name: Hoạt động, max: 10, method: per_occurrence, points_each: 2.5}
  - {id: tl, name: Tỷ lệ, max: 100}
eligibility:
  - {id: phieu, reason: Phiếu, min_votes: {share: 80%}}
tie_breaks: [more_votes]
awards:
  - {id: flag, name: Cờ, count: 1, requires: [phieu]}
`

func TestTargetsAreThoseOfRatioAndRelativeCriteria(t *testing.T) {
	rb, err := rules.Parse("r.yaml", []byte(rulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := covenant.New(base())
	got := c.Targets(rb)
	want := []scoring.Target{{Member: "A", Criterion: "hs", Value: d("48")}, {Member: "B", Criterion: "hs", Value: d("100")}}
	if !slices.EqualFunc(got, want, func(a, b scoring.Target) bool {
		return a.Member == b.Member && a.Criterion == b.Criterion && a.Value.Equal(b.Value)
	}) {
		t.Errorf("Targets = %v, want %v", got, want)
	}
}

func TestYearEndRefusesAConflictingTarget(t *testing.T) {
	rb, _ := rules.Parse("r.yaml", []byte(rulebookYAML))
	c, _ := covenant.New(base())
	sheet := scoring.Sheet{Members: []scoring.Member{{ID: "A"}, {ID: "B"}}, Targets: []scoring.Target{{Member: "A", Criterion: "hs", Value: d("50")}}}
	_, err := c.YearEnd(rb, sheet)
	checkErrors(t, err)
	if err == nil || !strings.Contains(err.Error(), "the sheet gives target 50, the covenant registered 48") {
		t.Fatalf("err = %v", err)
	}
	sheet.Targets[0].Value = d("48.0")
	out, err := c.YearEnd(rb, sheet)
	if err != nil || len(out.Targets) != 2 {
		t.Fatalf("same target kept once: %v %v", out.Targets, err)
	}
	if len(sheet.Targets) != 1 {
		t.Error("YearEnd changed its argument")
	}
}

func TestCheckAgainstTheRulebook(t *testing.T) {
	rb, _ := rules.Parse("r.yaml", []byte(rulebookYAML))
	s := base()
	s.Criteria = append(s.Criteria, covenant.Criterion{ID: "xx", Name: "Không có"})
	s.Targets = append(s.Targets, covenant.Target{Party: "B", Criterion: "xx", Value: d("1")})
	c, err := covenant.New(s)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Check(rb)
	checkErrors(t, err)
	if err == nil || !strings.Contains(err.Error(), "criterion xx: not a criterion of rulebook r") {
		t.Errorf("Check = %v", err)
	}
}

func TestProjectRanksTheProjectedYearEnd(t *testing.T) {
	rb, err := rules.Parse("r.yaml", []byte(rulebookYAML))
	if err != nil {
		t.Fatal(err)
	}
	s := base()
	// B: no hd and tl in the covenant: the base sheet gives them, with an
	// hs value the projection must replace.
	c, _ := covenant.New(s)
	sheetBase := scoring.Sheet{
		Members: []scoring.Member{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}},
		Scores: []scoring.Entry{
			{Member: "B", Criterion: "hd", Stage: "self", Value: d("4")},
			{Member: "B", Criterion: "tl", Stage: "self", Value: d("9")},
			{Member: "B", Criterion: "hs", Stage: "cluster", Value: d("1")},
		},
	}
	fc, err := c.Project(rb, sheetBase, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A: hs 20 × 48 ÷ 48 = 20; hd floor(2 × 12 ÷ 9) = 2 → 2 × 2.5 = 5; tl
	// 84.5 held. B: hs 20 × 93.333333 ÷ 100 = 18.6666666, rounded by the
	// rulebook's default quotient rule (6 places) to 18.666667; hd 4 × 2.5 =
	// 10; tl 9.
	want := map[string]string{"A": "109.5", "B": "37.666667"}
	for m, w := range want {
		row, _ := fc.Standings.Row(m)
		if !row.Total.Equal(d(w)) {
			t.Errorf("%s projected %s, want %s", m, row.Total, w)
		}
	}
	if got := fc.Standings.Proposed("flag"); !slices.Equal(got, []string{"A"}) {
		t.Errorf("flag on course for %v, want A (the vote condition assumed met)", got)
	}
	if len(fc.Assumptions) == 0 || !strings.Contains(fc.Assumptions[0].In(lang.English), "Phiếu") || !strings.Contains(fc.Assumptions[0].In(lang.English), "more_votes") {
		t.Errorf("assumptions %v should name the dropped vote condition and tie-break", fc.Assumptions)
	}
	if fc.Rulebook == rb || fc.Rulebook.Version() != "1+projection" {
		t.Errorf("projection rulebook %s", fc.Rulebook.Version())
	}
	if len(sheetBase.Scores) != 3 {
		t.Error("Project changed its argument")
	}
}
