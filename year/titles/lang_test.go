package titles_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/titles"
)

// TestFailuresInBothLanguages writes every kind of failure in both
// languages: the holder, the condition and the detail, and the whole line.
// The holder and the titles are named, the holder's id kept in ID; String
// is the line in English.
func TestFailuresInBothLanguages(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*titles.Spec)
		vi, en string
	}{
		{"requires", func(s *titles.Spec) {
			s.People[0].Awarded = []string{"cstdcs"}
			s.People[3].Awarded = []string{"ldtt"}
		},
			"cá nhân A: Chiến sĩ thi đua cơ sở: phải đạt Lao động tiên tiến — chưa đạt Lao động tiên tiến trong cùng năm",
			"person A: Chiến sĩ thi đua cơ sở: requires Lao động tiên tiến — does not hold Lao động tiên tiến the same year"},
		{"initiative", func(s *titles.Spec) { s.People[0].Initiative = false },
			"cá nhân A: Chiến sĩ thi đua cơ sở: sáng kiến — chưa có sáng kiến được công nhận",
			"person A: Chiến sĩ thi đua cơ sở: initiative — no recognised initiative (sáng kiến) is recorded"},
		{"fact false", func(s *titles.Spec) { s.People[1].Facts = map[string]bool{"tot": false} },
			"cá nhân B: Lao động tiên tiến: tiêu chuẩn: Hoàn thành tốt nhiệm vụ — không đạt",
			"person B: Lao động tiên tiến: condition: Hoàn thành tốt nhiệm vụ — is false"},
		{"fact not stated", func(s *titles.Spec) { s.Collectives[0].Facts = nil },
			"tập thể Phòng R: Tập thể lao động xuất sắc: tiêu chuẩn: Hoàn thành xuất sắc — chưa được xác định, và tiêu chuẩn không có giá trị mặc định",
			"collective Phòng R: Tập thể lao động xuất sắc: condition: Hoàn thành xuất sắc — not stated, and the fact has no default"},
		{"more than", func(s *titles.Spec) {
			s.People[2].Awarded = nil
			s.Collectives[0].Awarded = []string{"ttldtt"}
		},
			"tập thể Phòng R: Tập thể lao động tiên tiến: tỷ lệ thành viên đạt Lao động tiên tiến — 2/4 thành viên đạt Lao động tiên tiến, cần trên 50%",
			"collective Phòng R: Tập thể lao động tiên tiến: share of members holding Lao động tiên tiến — 2 of 4 members hold Lao động tiên tiến, more than 50% needed"},
		{"at least", func(s *titles.Spec) {
			s.Titles[3].MembersHolding.Share = share("87.5%")
			s.Collectives[0].Awarded = []string{"ttldxs"}
		},
			"tập thể Phòng R: Tập thể lao động xuất sắc: tỷ lệ thành viên đạt Lao động tiên tiến — 3/4 thành viên đạt Lao động tiên tiến, cần ít nhất 87,5%",
			"collective Phòng R: Tập thể lao động xuất sắc: share of members holding Lao động tiên tiến — 3 of 4 members hold Lao động tiên tiến, at least 87.5% needed"},
		{"no members", func(s *titles.Spec) {
			s.Collectives = append(s.Collectives, titles.Collective{ID: "E", Name: "Phòng E", Awarded: []string{"ttldtt"}})
		},
			"tập thể Phòng E: Tập thể lao động tiên tiến: tỷ lệ thành viên đạt Lao động tiên tiến — chưa có danh sách thành viên của tập thể",
			"collective Phòng E: Tập thể lao động tiên tiến: share of members holding Lao động tiên tiến — no members of the collective are listed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := rulesOnly()
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
			fs := x.Check().Failures
			if len(fs) != 1 {
				t.Fatalf("failures %v, want one", fs)
			}
			f := fs[0]
			if got := f.Text(lang.Vietnamese); got != c.vi {
				t.Errorf("in Vietnamese:\n got %q\nwant %q", got, c.vi)
			}
			if got := f.Text(lang.English); got != c.en || f.String() != got {
				t.Errorf("in English:\n got %q (String %q)\nwant %q", got, f.String(), c.en)
			}
			for _, m := range []lang.Message{f.Holder, f.Condition, f.Detail} {
				if err := m.Check(); err != nil {
					t.Error(err)
				}
			}
			if f.ID == "" || f.ID == f.Name || f.TitleName == f.Title {
				t.Errorf("holder %q (%q), title %q (%q): ids and names mixed up", f.ID, f.Name, f.Title, f.TitleName)
			}
		})
	}
}

// TestCapInBothLanguages writes a cap worked out, and one not checked, in
// both languages, with every rounding mode.
func TestCapInBothLanguages(t *testing.T) {
	c := func(sh string, mode rules.RoundingMode, base, allowed int) titles.CapCheck {
		return titles.CapCheck{Of: "ldtt", Share: share(sh), Rounding: mode, Base: base, Allowed: allowed, Checked: true}
	}
	cases := []struct {
		c      titles.CapCheck
		vi, en string
	}{
		{c("15%", rules.RoundFloor, 73, 10), "15% × 73 = 10,95 → 10 (làm tròn xuống)", "15% × 73 = 10.95 → 10 (floor)"},
		{c("1/3", rules.RoundHalfUp, 8, 3), "1/3 × 8 ≈ 2,6667 → 3 (từ 5 trở lên thì làm tròn lên)", "1/3 × 8 ≈ 2.6667 → 3 (half_up)"},
		{c("15%", "", 10, 2), "15% × 10 = 1,5 → 2 (từ 5 trở lên thì làm tròn lên)", "15% × 10 = 1.5 → 2 (half_up)"},
		{c("15%", rules.RoundHalfEven, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn 5 về số chẵn)", "15% × 10 = 1.5 → 2 (half_even)"},
		{c("15%", rules.RoundDown, 10, 1), "15% × 10 = 1,5 → 1 (bỏ phần lẻ)", "15% × 10 = 1.5 → 1 (down)"},
		{c("15%", rules.RoundUp, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn ra xa số 0)", "15% × 10 = 1.5 → 2 (up)"},
		{c("15%", rules.RoundCeiling, 10, 2), "15% × 10 = 1,5 → 2 (làm tròn lên)", "15% × 10 = 1.5 → 2 (ceiling)"},
		{titles.CapCheck{Of: "ldtt", Share: share("12.5%")}, "12,5% số được tặng ldtt: chưa kiểm tra (chưa rõ số lượng)", "12.5% of ldtt: not checked (number unknown)"},
		{titles.CapCheck{Of: "ldtt", OfName: "Lao động tiên tiến", Share: share("12.5%")}, "12,5% số được tặng Lao động tiên tiến: chưa kiểm tra (chưa rõ số lượng)", "12.5% of Lao động tiên tiến: not checked (number unknown)"},
	}
	for _, x := range cases {
		if got := x.c.Text(lang.Vietnamese); got != x.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, x.vi)
		}
		if got := x.c.Text(lang.English); got != x.en || x.c.String() != got {
			t.Errorf("in English:\n got %q (String %q)\nwant %q", got, x.c.String(), x.en)
		}
		if x.c.Message().In(lang.Vietnamese) != x.vi {
			t.Errorf("Message and Text disagree")
		}
	}
}

// checkErrors checks every problem err holds (titles.Errors): Text(lang.
// English) is Error() byte for byte, Msg is the message in English, the
// message can be written completely in both languages (Message.Check), and
// the Vietnamese is not the English. Every test that gets problems from the
// package passes them here, the fuzz test too.
func checkErrors(t testing.TB, err error) {
	t.Helper()
	var es titles.Errors
	if !errors.As(err, &es) {
		return // not a problem of the file (it cannot be opened)
	}
	if got := es.Text(lang.English); got != es.Error() {
		t.Errorf("Errors.Text(English) is not Error():\n got %q\nwant %q", got, es.Error())
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

// problems returns the problems of many broken titles files, in the order
// found. Every one is checked (see checkErrors).
func problems(t *testing.T) []*titles.Error {
	t.Helper()
	var all []*titles.Error
	collect := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: no problem", what)
		}
		checkErrors(t, err)
		var es titles.Errors
		if !errors.As(err, &es) {
			t.Fatalf("%s: err = %v, want titles.Errors", what, err)
		}
		all = append(all, es...)
	}
	edits := []func(*titles.Spec){
		func(s *titles.Spec) { s.Schema = "thidua/titles/v0"; s.Unit = ""; s.Year = 1800 },
		func(s *titles.Spec) { s.Titles = nil },
		func(s *titles.Spec) {
			s.Facts = append(s.Facts, titles.Fact{}, titles.Fact{ID: "tot"}, titles.Fact{ID: "x y "})
		},
		func(s *titles.Spec) {
			s.Titles = append(s.Titles, titles.Title{ID: "ldtt"}, titles.Title{ID: "ld", For: "team"})
		},
		func(s *titles.Spec) {
			s.Titles[1].Requires = []string{"xyz", "cstdcs", "ttldtt"}
			s.Titles[0].Facts = []string{"khong_ky_luat"}
			s.Titles[0].Name = ""
		},
		func(s *titles.Spec) {
			s.Titles[2].Initiative = true
			s.Titles[1].MembersHolding = &titles.MemberShare{Title: "ttldtt", Share: share("150%")}
		},
		func(s *titles.Spec) { s.Titles[1].Cap.Of = "abc"; s.Titles[1].Cap.Rounding = "sideways" },
		func(s *titles.Spec) {
			s.Collectives = []titles.Collective{{ID: "R", Awarded: []string{"ldtt", "xyz", "ttldtt", "ttldtt"}, Facts: map[string]bool{"abc": true}}, {ID: "R", Name: "Phòng R"}}
			s.People = []titles.Person{{ID: "P", Name: "P", Collective: "Q"}, {ID: "P", Name: "P"}, {Name: "Không mã"}}
		},
		func(s *titles.Spec) {
			s.People = []titles.Person{{ID: "P", Name: "P", Awarded: []string{"ldtt"}}}
			s.Counts = map[string]int{"ldtt": 5, "cstdcs": -1, "abc": 1}
		},
		func(s *titles.Spec) {
			s.Titles = append(s.Titles, titles.Title{ID: "ld", Name: "Lao động", For: "team"})
			s.People = []titles.Person{{ID: "P", Name: "P", Awarded: []string{"ld"}}}
		},
	}
	for i, edit := range edits {
		s := rulesOnly()
		edit(&s)
		_, err := titles.New(s)
		collect(fmt.Sprint("edit ", i), err)
	}
	_, err := titles.Parse("t.yaml", []byte("unit: Sở X\nyear: 2020\ncolour: blue\ntitles: [{id: a, name: A, for: individual, cap: {share: 1/3, of: b}}]\n"))
	collect("parse", err)
	return all
}

// TestErrorTexts writes a problem of every family of the package's keys
// (a key up to its third part: "titles.err.title", "titles.err.where")
// in both languages, as Text writes the whole line; English is Error().
// A family with no case here fails the test.
func TestErrorTexts(t *testing.T) {
	all := problems(t)
	// An Error built by hand has no message: its text is written as it is.
	all = append(all, &titles.Error{Year: 2020, Holder: "collective VP", Title: "ldtt", Msg: "a problem of the caller's own"})
	cases := []struct {
		key, has string // the first problem with the key whose English has has
		vi, en   string
	}{
		{"titles.err.schema", "",
			`schema: năm 1800: schema "thidua/titles/v0" không được hỗ trợ (cần thidua/titles/v1)`,
			`schema: 1800: unknown schema "thidua/titles/v0" (expected thidua/titles/v1)`},
		{"titles.err.unit", "",
			"unit: năm 1800: thiếu tên đơn vị xét tặng danh hiệu (ví dụ: Sở Khoa học và Công nghệ)",
			"unit: 1800: the unit conferring the titles is missing (e.g. Sở Khoa học và Công nghệ)"},
		{"titles.err.year", "",
			"year: năm 1800: năm phải từ 1900 đến 9999, nhận được 1800",
			"year: 1800: expected a year from 1900 to 9999, found 1800"},
		{"titles.err.titles.none", "",
			"titles: năm 2020: tệp danh hiệu phải có ít nhất một danh hiệu",
			"titles: 2020: a titles file needs at least one title"},
		{"titles.err.id.missing", "person",
			"people[2].id: năm 2020: cá nhân thiếu id",
			"people[2].id: 2020: a person needs an id"},
		{"titles.err.id.malformed", "",
			`facts[4].id: năm 2020: id tiêu chuẩn "x y " có khoảng trắng ở đầu hoặc cuối, dấu phẩy hoặc dấu xuống dòng`,
			`facts[4].id: 2020: fact id "x y " has surrounding spaces, a comma or a line break`},
		{"titles.err.fact.twice", "",
			`facts[3].id: năm 2020: tiêu chuẩn "tot" bị trùng`,
			`facts[3].id: 2020: fact "tot" given twice`},
		{"titles.err.title.for", "",
			`titles[5].for: năm 2020, danh hiệu ld: đối tượng "team" không hợp lệ (dùng individual hoặc collective)`,
			`titles[5].for: 2020, title ld: unknown holder "team" (expected individual or collective)`},
		{"titles.err.title.unknown", "t.yaml",
			`t.yaml:4:66: titles[0].cap.of: năm 2020, danh hiệu a: không có danh hiệu "b"`,
			`t.yaml:4:66: titles[0].cap.of: 2020, title a: unknown title "b"`},
		{"titles.err.requires.kind", "",
			"titles[1].requires[2]: năm 2020, danh hiệu cstdcs: yêu cầu ttldtt, là danh hiệu dành cho tập thể, nhưng cstdcs là danh hiệu dành cho cá nhân",
			"titles[1].requires[2]: 2020, title cstdcs: requires ttldtt, a title for a collective, but cstdcs is for an individual"},
		{"titles.err.initiative", "",
			"titles[2].initiative: năm 2020, danh hiệu ttldtt: sáng kiến là điều kiện đối với cá nhân, không áp dụng cho tập thể",
			"titles[2].initiative: 2020, title ttldtt: an initiative (sáng kiến) is a condition on individuals"},
		{"titles.err.members_holding.title", "",
			`titles[1].members_holding.title: năm 2020, danh hiệu cstdcs: "ttldtt" không phải là danh hiệu dành cho cá nhân`,
			`titles[1].members_holding.title: 2020, title cstdcs: "ttldtt" is not a title for individuals`},
		{"titles.err.share", "",
			`titles[1].members_holding.share: năm 2020, danh hiệu cstdcs: cần một tỷ lệ lớn hơn 0% và không quá 100%, nhận được "150%"`,
			`titles[1].members_holding.share: 2020, title cstdcs: a share above 0% and at most 100% is expected, found "150%"`},
		{"titles.err.rounding", "",
			`titles[1].cap.rounding: năm 2020, danh hiệu cstdcs: cách làm tròn "sideways" không hợp lệ`,
			`titles[1].cap.rounding: 2020, title cstdcs: unknown rounding mode "sideways"`},
		{"titles.err.holder.name", "",
			"collectives[0].name: năm 2020, tập thể R: thiếu tên",
			"collectives[0].name: 2020, collective R: a name is missing"},
		{"titles.err.awarded.kind", "an individual",
			"collectives[0].awarded[0]: năm 2020, tập thể R: ldtt là danh hiệu dành cho cá nhân",
			"collectives[0].awarded[0]: 2020, collective R: ldtt is a title for an individual"},
		{"titles.err.awarded.kind", "a team",
			"people[0].awarded[0]: năm 2020, cá nhân P: ld là danh hiệu dành cho đối tượng team",
			"people[0].awarded[0]: 2020, person P: ld is a title for a team"},
		{"titles.err.collective.twice", "",
			"collectives[1].id: năm 2020, tập thể R: tập thể bị trùng",
			"collectives[1].id: 2020, collective R: collective given twice"},
		{"titles.err.person.twice", "",
			"people[1].id: năm 2020, cá nhân P: cá nhân bị trùng",
			"people[1].id: 2020, person P: person given twice"},
		{"titles.err.counts.mismatch", "",
			"counts.ldtt: năm 2020, danh hiệu ldtt: counts ghi 5, nhưng theo danh sách có 1 đối tượng được tặng danh hiệu này",
			"counts.ldtt: 2020, title ldtt: counts says 5, but 1 of the holders listed hold it"},
		{"decode.unknown_key", "",
			`t.yaml:3:1: colour: khóa không hợp lệ "colour" (các khóa hợp lệ: collectives, counts, facts, note, people, schema, source, titles, unit, year)`,
			`t.yaml:3:1: colour: unknown key "colour" (known keys: collectives, counts, facts, note, people, schema, source, titles, unit, year)`},
		{"", "caller's own",
			"năm 2020, tập thể VP, danh hiệu ldtt: a problem of the caller's own",
			"2020, collective VP, title ldtt: a problem of the caller's own"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		i := slices.IndexFunc(all, func(e *titles.Error) bool {
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
	for _, k := range lang.Keys("titles.err.") {
		if f := family(k); !covered[f] {
			t.Errorf("no case writes a key of the family %s (%s)", f, k)
			covered[f] = true // once a family
		}
	}
}

// family is a key up to its third part: "titles.err.title.unknown" is of
// the family "titles.err.title".
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
