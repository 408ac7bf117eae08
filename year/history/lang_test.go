package history_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/year/history"
)

// TestSentences writes every sentence of the package in both languages:
// a member's run of awards (RunText) and a run the standings would make
// too long (Violation). English is what String and the error messages say.
func TestSentences(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	flag := func(max int) history.RunLimit { return history.RunLimit{Fact: "f", Award: "flag", MaxConsecutive: max} }
	violation := func(year int, member string, max int) lang.Message {
		vs := h.Consecutive(&ranking.Standings{Year: year, Awards: []ranking.Award{{Tier: "flag", Proposed: []string{member}}}}, flag(max))
		if len(vs) != 1 {
			t.Fatalf("%d violations, want 1", len(vs))
		}
		if vs[0].String() != vs[0].Text(lang.English) || vs[0].Text(lang.Vietnamese) != vs[0].Message().In(lang.Vietnamese) {
			t.Errorf("String %q, Text %q", vs[0].String(), vs[0].Text(lang.English))
		}
		return vs[0].Message()
	}
	cases := []struct {
		key    string
		msg    lang.Message
		vi, en string
	}{
		{"history.run", h.RunText("B", 2022, flag(1)), "được flag năm 2021", "flag in 2021"},
		{"history.run", h.RunText("AB", 2023, flag(1)), "được flag năm 2022, 2021, 2020", "flag in 2022, 2021, 2020"},
		{"history.run.none", h.RunText("C", 2022, flag(1)), "năm 2021 không được flag", "no flag in 2021"},
		{"history.violation", violation(2022, "B", 1),
			"B: nếu được flag năm 2022 thì sẽ là 2 năm liên tiếp (đã được các năm 2021; chỉ được tối đa 1 năm liên tiếp)",
			"B: flag in 2022 would be 2 years running (received in 2021; at most 1 allowed)"},
		{"history.violation", violation(2023, "AB", 2),
			"AB: nếu được flag năm 2023 thì sẽ là 4 năm liên tiếp (đã được các năm 2022, 2021, 2020; chỉ được tối đa 2 năm liên tiếp)",
			"AB: flag in 2023 would be 4 years running (received in 2022, 2021, 2020; at most 2 allowed)"},
	}
	for _, c := range cases {
		if c.msg.Key != c.key {
			t.Errorf("key %q, want %q", c.msg.Key, c.key)
		}
		if got := c.msg.In(lang.Vietnamese); got != c.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", c.key, got, c.vi)
		}
		if got := c.msg.In(lang.English); got != c.en {
			t.Errorf("%s in English:\n got %q\nwant %q", c.key, got, c.en)
		}
	}
}

// checkErrors checks every problem err holds (history.Errors, or the one
// *history.Error of Rotate): Text(lang.English) is Error() byte for byte,
// Msg is the message in English, the message can be written completely in
// both languages (Message.Check), and the Vietnamese is not the English.
// Every test that gets problems from the package passes them here, the
// fuzz test too.
func checkErrors(t testing.TB, err error) {
	t.Helper()
	var es history.Errors
	var one *history.Error
	switch {
	case errors.As(err, &es):
		if got := es.Text(lang.English); got != es.Error() {
			t.Errorf("Errors.Text(English) is not Error():\n got %q\nwant %q", got, es.Error())
		}
	case errors.As(err, &one):
		es = history.Errors{one}
	default:
		return // not a problem of the file (it cannot be opened)
	}
	for _, e := range es {
		checkError(t, e)
	}
}

func checkError(t testing.TB, e *history.Error) {
	t.Helper()
	en, vi := e.Text(lang.English), e.Text(lang.Vietnamese)
	if en != e.Error() {
		t.Errorf("Text(English) is not Error():\n got %q\nwant %q", en, e.Error())
	}
	if e.Message.IsZero() {
		t.Errorf("no message: %q", e.Error())
		return
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

// problems returns the problems of many broken histories, in the order
// found: histories built in Go, a file parsed, and files loaded with the
// rulebook and score sheet they refer to. Every one is checked (see
// checkErrors). The returned replacer writes the paths of the files as
// "TMP/…" (the test's temporary directories) and "EX/…" (the examples).
func problems(t *testing.T) (all []*history.Error, paths *strings.Replacer) {
	t.Helper()
	collect := func(err error) {
		t.Helper()
		checkErrors(t, err)
		var es history.Errors
		if !errors.As(err, &es) {
			t.Fatalf("err = %v, want history.Errors", err)
		}
		all = append(all, es...)
	}
	edits := []func(*history.Spec){
		func(s *history.Spec) { s.Schema = "thidua/history/v9" },
		func(s *history.Spec) { s.Units = nil },
		func(s *history.Spec) { s.Units = append(s.Units, history.Unit{Name: "Sở không mã"}) },
		func(s *history.Spec) { s.Units = append(s.Units, history.Unit{ID: "A"}) },
		func(s *history.Spec) { s.Clusters[0].ID = "k " },
		func(s *history.Spec) { s.Clusters[0].Years[0].Members[2] = "X" },
		func(s *history.Spec) { s.Clusters[0].Years[0].Year = 1800 },
		func(s *history.Spec) {
			*s = withMerger(*s)
			s.Mergers = append(s.Mergers, history.Merger{Year: 2023, From: []string{"C"}, Into: "A"})
		},
		func(s *history.Spec) { s.Clusters = nil },
		func(s *history.Spec) { s.Clusters[0].Name = "" },
		func(s *history.Spec) { s.Clusters[0].StreakFacts = []history.RunLimit{{Fact: "f", Award: "flag"}} },
		func(s *history.Spec) { s.Clusters[0].Years[1].Joined = nil },
		func(s *history.Spec) { s.Clusters[0].Years[0].Sheet = "s.csv" },
		func(s *history.Spec) { s.Clusters[0].Years[0].Rulebook.Version = "" },
		func(s *history.Spec) { s.Clusters[0].Years[0].Awards[0].Status = "approved" },
		func(s *history.Spec) { s.Clusters[0].Years[1].Left = []string{"C"} },
		func(s *history.Spec) { s.Clusters[0].Years[1].Joined = []string{"D", "A"} },
		func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[1].Votes.Head = []history.Tally{{Member: "B", For: 1}, {Member: "C", For: 1}}
		},
		func(s *history.Spec) { s.Clusters[0].Leadership.Rotation = &history.Rotation{Rule: "alphabetical"} },
		func(s *history.Spec) { s.Clusters[0].Leadership.Terms[1].From = date("2020-12-01") },
		func(s *history.Spec) {
			s.Clusters[0].Leadership.Rotation = &history.Rotation{Rule: history.FixedOrder, Order: []string{"C", "B"}}
			s.Clusters[0].Leadership.Terms[1].How = history.ByRotation
			s.Clusters[0].Leadership.Terms[1].Votes = nil
		},
	}
	for i, edit := range edits {
		s := base()
		edit(&s)
		_, err := history.New(s)
		if err == nil {
			t.Fatalf("edit %d: no problem", i)
		}
		collect(err)
	}
	// Reports about a cluster or a unit the history does not hold.
	h, err := history.New(base())
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.ClusterReport("nope", 2020, 2021)
	all = append(all, err.(*history.Error))
	_, err = h.MemberReport("NOPE", nil, 2020, 2021)
	all = append(all, err.(*history.Error))
	_, err = h.MemberReport("A", []string{"nope"}, 2020, 2021)
	all = append(all, err.(*history.Error))
	_, err = history.Parse("h.yaml", []byte("units: [{id: A, name: Sở A}]\nclusters:\n  - id: k\n    name: Cụm K\n    colour: blue\n    years: [{year: 2020, members: [A, Z], rulebook: {id: r, version: \"1\"}}]\n"))
	collect(err)

	// Files: a rulebook that cannot be read, a sheet with a value above
	// its maximum, and recorded results the ranking does not give.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("id: r\ncolour: blue\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sheet, err := os.ReadFile(cum2(t, "scores-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sheet = []byte(strings.Replace(string(sheet), "score,SKHCN,03,19,self,,", "score,SKHCN,03,99,self,,", 1))
	if err := os.WriteFile(filepath.Join(dir, "scores.csv"), sheet, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, repl := range [][]string{
		{"RULEBOOK", filepath.Join(dir, "bad.yaml")},
		{"RULEBOOK", filepath.Join(dir, "none.yaml")},
		{"SHEET", filepath.Join(dir, "scores.csv")},
		{"MERIT", "TTT", "rank: 1}", "rank: 4}"},
		{"award: flag", "award: merit"},
		{"YEAR", "2021", "HASH", `, hash: "sha256:0000"`},
	} {
		_, err := history.Load(writeHistory(t, repl...))
		if err == nil {
			t.Fatalf("%v: no problem", repl)
		}
		collect(err)
	}
	return all, strings.NewReplacer(filepath.Dir(dir), "TMP", filepath.Dir(cum2(t, "rulebook.yaml")), "EX")
}

// TestErrorTexts writes a problem of every family of the package's keys
// (a key up to its third part: "history.err.term", "history.err.where")
// in both languages, as Text writes the whole line; English is Error().
// A family with no case here fails the test.
func TestErrorTexts(t *testing.T) {
	all, paths := problems(t)
	cases := []struct {
		key, has string // the first problem with the key whose English has has
		vi, en   string
	}{
		{"history.err.schema", "",
			`schema: schema "thidua/history/v9" không được hỗ trợ (cần thidua/history/v1)`,
			`schema: unknown schema "thidua/history/v9" (expected thidua/history/v1)`},
		{"history.err.units.none", "",
			"units: tệp lịch sử phải liệt kê các đơn vị (id và tên của mọi đơn vị đã từng là thành viên cụm)",
			"units: a history needs its units (id and name of every unit that was ever a member)"},
		{"history.err.unit.unknown", `"X"`,
			`clusters[0].years[0].members[2]: cụm k, năm 2020, đơn vị X: đơn vị "X" không có trong danh sách đơn vị (units)`,
			`clusters[0].years[0].members[2]: cluster k, 2020, member X: unknown unit "X" (not listed under units)`},
		{"history.err.id.missing", "",
			"units[5].id: đơn vị thiếu id",
			"units[5].id: a unit needs an id"},
		{"history.err.id.malformed", "",
			`clusters[0].id: id cụm "k " có khoảng trắng ở đầu hoặc cuối, dấu phẩy hoặc dấu xuống dòng`,
			`clusters[0].id: cluster id "k " has surrounding spaces, a comma or a line break`},
		{"history.err.unit.twice", "",
			"units[5].id: đơn vị A: id đơn vị bị trùng",
			"units[5].id: member A: unit id given twice"},
		{"history.err.year.range", "",
			"clusters[0].years[0].year: cụm k, năm 1800: năm phải từ 1900 đến 9999, nhận được 1800",
			"clusters[0].years[0].year: cluster k, 1800: expected a year from 1900 to 9999, found 1800"},
		{"history.err.merger.circular", "",
			"mergers[1].into: năm 2023, đơn vị A: A đã được hợp nhất vào đơn vị khác năm 2022 (mergers[0]); không thể là đơn vị kế thừa các đơn vị khác năm 2023",
			"mergers[1].into: 2023, member A: A was merged away in 2022 (mergers[0]); it cannot succeed other units in 2023"},
		{"history.err.clusters.none", "",
			"clusters: tệp lịch sử phải có ít nhất một cụm",
			"clusters: a history needs at least one cluster"},
		{"history.err.cluster.name", "",
			"clusters[0].name: cụm k: cụm thiếu tên (ví dụ: Cụm II – Các cơ quan quản lý chuyên ngành)",
			"clusters[0].name: cluster k: a cluster needs a name (e.g. Cụm II – Các cơ quan quản lý chuyên ngành)"},
		{"history.err.streak.max", "",
			"clusters[0].streak_facts[0].max_consecutive: cụm k: max_consecutive phải từ 1 trở lên (1: không được hai năm liên tiếp), nhận được 0",
			"clusters[0].streak_facts[0].max_consecutive: cluster k: max_consecutive must be at least 1 (1: not two years running), found 0"},
		{"history.err.member.unexplained_join", "D is",
			"clusters[0].years[1].members[3]: cụm k, năm 2021, đơn vị D: D là thành viên năm 2021 nhưng không là thành viên năm 2020: hãy ghi vào joined, hoặc ghi việc hợp nhất đã thành lập đơn vị này",
			"clusters[0].years[1].members[3]: cluster k, 2021, member D: D is a member in 2021 but not in 2020: list it under joined, or record the merger that created it"},
		{"history.err.sheet.no_rulebook_path", "",
			"clusters[0].years[0].sheet: cụm k, năm 2020: bảng điểm được xếp hạng theo bộ tiêu chí của năm: hãy ghi cả rulebook.path",
			"clusters[0].years[0].sheet: cluster k, 2020: a sheet is ranked under the year's rulebook: give rulebook.path too"},
		{"history.err.rulebook.ref", "",
			"clusters[0].years[0].rulebook: cụm k, năm 2020: bộ tiêu chí không ghi path thì phải ghi id và version",
			"clusters[0].years[0].rulebook: cluster k, 2020: a rulebook reference without a path needs an id and a version"},
		{"history.err.award.status", "",
			`clusters[0].years[0].awards[0].status: cụm k, năm 2020, đơn vị A: trạng thái "approved" không hợp lệ (dùng proposed, awarded hoặc cut)`,
			`clusters[0].years[0].awards[0].status: cluster k, 2020, member A: unknown status "approved" (expected proposed, awarded or cut)`},
		{"history.err.left.still", "",
			"clusters[0].years[1].left[0]: cụm k, năm 2021, đơn vị C: được ghi là rời cụm nhưng vẫn là thành viên năm 2021",
			"clusters[0].years[1].left[0]: cluster k, 2021, member C: listed as left but still a member in 2021"},
		{"history.err.joined.already", "",
			"clusters[0].years[1].joined[1]: cụm k, năm 2021, đơn vị A: được ghi là gia nhập nhưng đã là thành viên năm 2020",
			"clusters[0].years[1].joined[1]: cluster k, 2021, member A: listed as joined but already a member in 2020"},
		{"history.err.votes.winner_tied", "",
			"clusters[0].leadership.terms[1].votes.head: cụm k, đơn vị B: cụm trưởng trúng cử được ghi là B, nhưng số phiếu cao nhất (1 phiếu) là của B và có đơn vị khác bằng phiếu",
			"clusters[0].leadership.terms[1].votes.head: cluster k, member B: the head elected is B, but B has the most votes (1), tied"},
		{"history.err.rotation.rule", "",
			`clusters[0].leadership.rotation.rule: cụm k: quy tắc luân phiên "alphabetical" không hợp lệ (phải là một trong: fixed_order, deputy_becomes_head, by_function)`,
			`clusters[0].leadership.rotation.rule: cluster k: unknown rotation rule "alphabetical" (expected fixed_order, deputy_becomes_head, by_function)`},
		{"history.err.term.overlap", "",
			"clusters[0].leadership.terms[1]: cụm k: nhiệm kỳ 2020-12-01 – 2021-12-31 (cụm trưởng B) trùng thời gian với nhiệm kỳ 2020-01-01 – 2020-12-31 (cụm trưởng A) tại terms[0]",
			"clusters[0].leadership.terms[1]: cluster k: the term 2020-12-01 – 2021-12-31 (head B) overlaps the term 2020-01-01 – 2020-12-31 (head A) at terms[0]"},
		{"history.err.term.rotation_fails", "",
			"clusters[0].leadership.terms[1]: cụm k, năm 2021: không áp dụng được quy tắc luân phiên: cụm k: cụm trưởng năm 2020 (A) không có trong thứ tự luân phiên",
			"clusters[0].leadership.terms[1]: cluster k, 2021: the rotation rule cannot be applied: cluster k: the 2020 head A is not in the rotation order"},
		{"history.err.in_rulebook", "version",
			"TMP/002/history.yaml:16:63: clusters[0].years[0].rulebook.path: cụm cum2, năm 2020: bộ tiêu chí TMP/001/bad.yaml: TMP/001/bad.yaml:1:1: version: bộ tiêu chí thiếu phiên bản (version), cần có để kết quả ghi rõ đã chấm theo quy định nào",
			"TMP/002/history.yaml:16:63: clusters[0].years[0].rulebook.path: cluster cum2, 2020: rulebook TMP/001/bad.yaml: TMP/001/bad.yaml:1:1: version: a rulebook needs a version, so that results can say which rules produced them"},
		{"history.err.in_rulebook", "none.yaml",
			"TMP/003/history.yaml:16:63: clusters[0].years[0].rulebook.path: cụm cum2, năm 2020: bộ tiêu chí TMP/001/none.yaml: open TMP/001/none.yaml: no such file or directory",
			"TMP/003/history.yaml:16:63: clusters[0].years[0].rulebook.path: cluster cum2, 2020: rulebook TMP/001/none.yaml: open TMP/001/none.yaml: no such file or directory"},
		{"history.err.in_sheet", "",
			"TMP/004/history.yaml:17:16: clusters[0].years[0].sheet: cụm cum2, năm 2020: bảng điểm TMP/001/scores.csv: TMP/001/scores.csv:16: đơn vị SKHCN: 03: 99 điểm vượt điểm tối đa 20",
			"TMP/004/history.yaml:17:16: clusters[0].years[0].sheet: cluster cum2, 2020: sheet TMP/001/scores.csv: TMP/001/scores.csv:16: member SKHCN: 03: 99 points is above the maximum 20"},
		{"history.err.rank.differ", "",
			"TMP/005/history.yaml:19:46: clusters[0].years[0].awards[0].rank: cụm cum2, năm 2020, đơn vị SCT: ghi nhận hạng 4, nhưng kết quả xếp hạng bảng điểm EX/scores-2020.csv là hạng 1",
			"TMP/005/history.yaml:19:46: clusters[0].years[0].awards[0].rank: cluster cum2, 2020, member SCT: recorded rank 4, but ranking sheet EX/scores-2020.csv gives rank 1"},
		{"history.err.awards.differ_none", "",
			"TMP/005/history.yaml:20:13: clusters[0].years[0].awards[1]: cụm cum2, năm 2020, đơn vị TTT: ghi nhận merit, nhưng kết quả xếp hạng bảng điểm EX/scores-2020.csv không đề nghị khen thưởng",
			"TMP/005/history.yaml:20:13: clusters[0].years[0].awards[1]: cluster cum2, 2020, member TTT: recorded merit, but ranking sheet EX/scores-2020.csv proposes no award"},
		{"history.err.awards.unrecorded", "",
			"TMP/005/history.yaml:19:11: clusters[0].years[0].awards: cụm cum2, năm 2020, đơn vị SKHCN: kết quả xếp hạng bảng điểm EX/scores-2020.csv đề nghị merit (hạng 2), nhưng tệp lịch sử không ghi nhận",
			"TMP/005/history.yaml:19:11: clusters[0].years[0].awards: cluster cum2, 2020, member SKHCN: ranking sheet EX/scores-2020.csv proposes merit (rank 2), which the history does not record"},
		{"history.err.awards.differ", "",
			"TMP/006/history.yaml:19:13: clusters[0].years[0].awards[0]: cụm cum2, năm 2020, đơn vị SCT: ghi nhận merit, nhưng kết quả xếp hạng bảng điểm EX/scores-2020.csv đề nghị flag (hạng 1)",
			"TMP/006/history.yaml:19:13: clusters[0].years[0].awards[0]: cluster cum2, 2020, member SCT: recorded merit, but ranking sheet EX/scores-2020.csv proposes flag (rank 1)"},
		{"history.err.rulebook.mismatch", "",
			`TMP/007/history.yaml:16:63: clusters[0].years[0].rulebook.hash: cụm cum2, năm 2021: tệp lịch sử ghi hash của bộ tiêu chí là "sha256:0000", nhưng trong EX/rulebook.yaml là "sha256:6ee4229e644f7e9878c686a59bc273166ef2b51bc14a1173f6f314c1de9e2007"`,
			`TMP/007/history.yaml:16:63: clusters[0].years[0].rulebook.hash: cluster cum2, 2021: the history says rulebook hash "sha256:0000", but EX/rulebook.yaml has "sha256:6ee4229e644f7e9878c686a59bc273166ef2b51bc14a1173f6f314c1de9e2007"`},
		{"history.err.report.cluster", "",
			`tệp lịch sử không có cụm "nope" (các cụm trong tệp: k)`,
			`unknown cluster "nope" (the file has: k)`},
		{"history.err.report.unit", "",
			`tệp lịch sử không có đơn vị "NOPE"`,
			`unknown unit "NOPE"`},
		{"history.err.sheet.year", "",
			"TMP/007/history.yaml:17:16: clusters[0].years[0].sheet: cụm cum2, năm 2021: bảng điểm EX/scores-2020.csv là của năm 2020",
			"TMP/007/history.yaml:17:16: clusters[0].years[0].sheet: cluster cum2, 2021: sheet EX/scores-2020.csv is for 2020"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		i := slices.IndexFunc(all, func(e *history.Error) bool {
			return e.Message.Key == c.key && strings.Contains(e.Error(), c.has)
		})
		if i < 0 {
			t.Errorf("no problem has the key %s and says %q", c.key, c.has)
			continue
		}
		e := all[i]
		if got := paths.Replace(e.Text(lang.Vietnamese)); got != c.vi {
			t.Errorf("%s in Vietnamese:\n got %q\nwant %q", c.key, got, c.vi)
		}
		if got := paths.Replace(e.Text(lang.English)); got != c.en {
			t.Errorf("%s in English:\n got %q\nwant %q", c.key, got, c.en)
		}
		families(covered, e.Located())
	}
	for _, k := range lang.Keys("history.err.") {
		if f := family(k); !covered[f] {
			t.Errorf("no case writes a key of the family %s (%s)", f, k)
			covered[f] = true // once a family
		}
	}
}

// family is a key up to its third part: "history.err.term.overlap" is of
// the family "history.err.term".
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
