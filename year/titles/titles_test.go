package titles_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/titles"
)

func share(s string) rules.Share {
	x, err := rules.ParseShare(s)
	if err != nil {
		panic(err)
	}
	return x
}

func yes() *bool { b := true; return &b }

// rulesOnly: the four titles with their (recalled) conditions and quotas.
func rulesOnly() titles.Spec {
	return titles.Spec{
		Unit: "Sở X", Year: 2020,
		Facts: []titles.Fact{{ID: "tot", Name: "Hoàn thành tốt nhiệm vụ", Default: yes()}, {ID: "xs", Name: "Hoàn thành xuất sắc"}},
		Titles: []titles.Title{
			{ID: "ldtt", Name: "Lao động tiên tiến", For: titles.ForIndividual, Facts: []string{"tot"}},
			{ID: "cstdcs", Name: "Chiến sĩ thi đua cơ sở", For: titles.ForIndividual, Requires: []string{"ldtt"}, Initiative: true,
				Cap: &titles.Cap{Share: share("15%"), Of: "ldtt"}},
			{ID: "ttldtt", Name: "Tập thể lao động tiên tiến", For: titles.ForCollective,
				MembersHolding: &titles.MemberShare{Title: "ldtt", Share: share("50%"), MoreThan: true}},
			{ID: "ttldxs", Name: "Tập thể lao động xuất sắc", For: titles.ForCollective, Facts: []string{"xs"},
				MembersHolding: &titles.MemberShare{Title: "ldtt", Share: share("70%")},
				Cap:            &titles.Cap{Share: share("1/3"), Of: "ttldtt", Rounding: rules.RoundHalfUp}},
		},
	}
}

func TestCapsFromCounts(t *testing.T) {
	cases := []struct {
		name    string
		counts  map[string]int
		title   string
		allowed int
		over    bool
		checked bool
	}{
		{"seed 000: 2 CSTĐCS of 73 LĐTT are within 15% (10)", map[string]int{"ldtt": 73, "cstdcs": 2}, "cstdcs", 10, false, true},
		{"11 CSTĐCS of 73 LĐTT exceed 15% rounded down", map[string]int{"ldtt": 73, "cstdcs": 11}, "cstdcs", 10, true, true},
		{"exactly 15% is within the cap", map[string]int{"ldtt": 20, "cstdcs": 3}, "cstdcs", 3, false, true},
		{"the cap rounds as stated (1/3 of 8 half up = 3)", map[string]int{"ttldtt": 8, "ttldxs": 3}, "ttldxs", 3, false, true},
		{"an unknown base is not checked", map[string]int{"cstdcs": 3}, "cstdcs", 0, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := rulesOnly()
			s.Counts = c.counts
			x, err := titles.New(s)
			if err != nil {
				t.Fatal(err)
			}
			r := x.Check()
			i := slices.IndexFunc(r.Titles, func(tc titles.TitleCheck) bool { return tc.Title == c.title })
			cc := r.Titles[i].Cap
			if cc.Checked != c.checked || cc.Allowed != c.allowed || cc.Over != c.over {
				t.Errorf("cap %+v (%s); want allowed %d over %t checked %t", *cc, cc, c.allowed, c.over, c.checked)
			}
			if r.OK() == c.over {
				t.Errorf("OK() = %t with over = %t", r.OK(), c.over)
			}
		})
	}
}

func TestConditionsOfListedHolders(t *testing.T) {
	cases := []struct {
		name string
		edit func(*titles.Spec)
		want []string // "kind holder title condition"
	}{
		{"holders meeting every condition pass", func(*titles.Spec) {}, nil},
		{"a CSTĐCS without LĐTT fails its prerequisite", func(s *titles.Spec) {
			s.People[0].Awarded = []string{"cstdcs"}
			s.People[3].Awarded = []string{"ldtt"} // the room keeps 3 of 4
		}, []string{"individual P1 cstdcs requires"}},
		{"a CSTĐCS without an initiative fails", func(s *titles.Spec) { s.People[0].Initiative = false }, []string{"individual P1 cstdcs initiative"}},
		{"a false fact fails", func(s *titles.Spec) { s.People[1].Facts = map[string]bool{"tot": false} }, []string{"individual P2 ldtt fact"}},
		{"a fact without a default must be stated", func(s *titles.Spec) { s.Collectives[0].Facts = nil }, []string{"collective R ttldxs fact"}},
		{"exactly 50% is not more than 50%", func(s *titles.Spec) {
			s.People[2].Awarded = nil
			s.Collectives[0].Awarded = []string{"ttldtt"}
		}, []string{"collective R ttldtt members"}},
		{"60% is enough for the advanced collective but not for the excellent one", func(s *titles.Spec) {
			s.People = append(s.People, titles.Person{ID: "P5", Name: "E", Collective: "R", Awarded: []string{"ldtt"}})
			s.People[2].Awarded = nil // 3 of 5
		}, []string{"collective R ttldxs members"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := rulesOnly()
			// Room R: P1..P4, three hold LĐTT (75%), P1 also CSTĐCS.
			s.Collectives = []titles.Collective{{ID: "R", Name: "Phòng R", Facts: map[string]bool{"xs": true}, Awarded: []string{"ttldtt", "ttldxs"}}}
			s.People = []titles.Person{
				{ID: "P1", Name: "A", Collective: "R", Initiative: true, Awarded: []string{"ldtt", "cstdcs"}},
				{ID: "P2", Name: "B", Collective: "R", Awarded: []string{"ldtt"}},
				{ID: "P3", Name: "C", Collective: "R", Awarded: []string{"ldtt"}},
				{ID: "P4", Name: "D", Collective: "R"},
			}
			c.edit(&s)
			x, err := titles.New(s)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range x.Check().Failures {
				got = append(got, string(f.For)+" "+f.ID+" "+f.Title+" "+strings.TrimPrefix(f.Condition.Key, "titles.condition."))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("failures %v, want %v", got, c.want)
			}
		})
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, want, holder, title string
		edit                      func(*titles.Spec)
	}{
		{"a title requiring an unknown title is refused", `unknown title "xyz"`, "", "cstdcs", func(s *titles.Spec) { s.Titles[1].Requires = []string{"xyz"} }},
		{"a collective title requiring an individual one is refused", "a title for an individual", "", "ttldxs", func(s *titles.Spec) { s.Titles[3].Requires = []string{"ldtt"} }},
		{"an initiative on a collective title is refused", "condition on individuals", "", "ttldtt", func(s *titles.Spec) { s.Titles[2].Initiative = true }},
		{"a cap above 100% is refused", "at most 100%", "", "cstdcs", func(s *titles.Spec) { s.Titles[1].Cap.Share = share("150%") }},
		{"a cap of an unknown title is refused", `unknown title "abc"`, "", "cstdcs", func(s *titles.Spec) { s.Titles[1].Cap.Of = "abc" }},
		{"an individual title awarded to a collective is refused", "is a title for an individual", "collective R", "", func(s *titles.Spec) {
			s.Collectives = []titles.Collective{{ID: "R", Name: "Phòng R", Awarded: []string{"ldtt"}}}
		}},
		{"a person in an unknown collective is refused", `unknown collective "Q"`, "person P", "", func(s *titles.Spec) {
			s.People = []titles.Person{{ID: "P", Name: "P", Collective: "Q"}}
		}},
		{"counts that contradict the holders listed are refused", "counts says 5, but 1 of the holders", "", "ldtt", func(s *titles.Spec) {
			s.People = []titles.Person{{ID: "P", Name: "P", Awarded: []string{"ldtt"}}}
			s.Counts = map[string]int{"ldtt": 5}
		}},
		{"a negative count is refused", "cannot be negative", "", "ldtt", func(s *titles.Spec) { s.Counts = map[string]int{"ldtt": -1} }},
		{"an unknown holder kind is refused", `unknown holder "team"`, "", "ldtt", func(s *titles.Spec) { s.Titles[0].For = "team" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := rulesOnly()
			c.edit(&s)
			_, err := titles.New(s)
			checkErrors(t, err)
			var es titles.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err %v, want titles.Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Msg, c.want) {
					if e.Holder != c.holder || e.Title != c.title || e.Year != 2020 {
						t.Errorf("error names holder %q title %q year %d; want %q %q 2020", e.Holder, e.Title, e.Year, c.holder, c.title)
					}
					return
				}
			}
			t.Fatalf("no error says %q:\n%v", c.want, err)
		})
	}
}
