package province_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/province"
)

// TestQuotaInBothLanguages writes the Government-flag quota in both
// languages, with every rounding mode: Vietnamese writes a decimal comma
// and names the mode; English keeps the mode's id, as String does.
func TestQuotaInBothLanguages(t *testing.T) {
	s := base()
	s.GovernmentFlag.Quota.AlsoMeetingStandard = 9
	p, err := province.New(s)
	if err != nil {
		t.Fatal(err)
	}
	q := func(sh string, mode rules.RoundingMode, base, places int) province.QuotaResult {
		return province.QuotaResult{Share: share(sh), Rounding: mode, Base: base, Places: places}
	}
	cases := []struct {
		q      province.QuotaResult
		vi, en string
	}{
		{p.Quota(), "20% × 12 = 2,4 → 2 (làm tròn xuống)", "20% × 12 = 2.4 → 2 (floor)"},
		{q("1/3", rules.RoundFloor, 10, 3), "1/3 × 10 ≈ 3,3333 → 3 (làm tròn xuống)", "1/3 × 10 ≈ 3.3333 → 3 (floor)"},
		{q("12.5%", rules.RoundHalfEven, 9, 1), "12,5% × 9 = 1,125 → 1 (làm tròn 5 về số chẵn)", "12.5% × 9 = 1.125 → 1 (half_even)"},
		{q("20%", rules.RoundHalfUp, 12, 2), "20% × 12 = 2,4 → 2 (từ 5 trở lên thì làm tròn lên)", "20% × 12 = 2.4 → 2 (half_up)"},
		{q("20%", "", 12, 2), "20% × 12 = 2,4 → 2 (từ 5 trở lên thì làm tròn lên)", "20% × 12 = 2.4 → 2 (half_up)"},
		{q("20%", rules.RoundDown, 12, 2), "20% × 12 = 2,4 → 2 (bỏ phần lẻ)", "20% × 12 = 2.4 → 2 (down)"},
		{q("20%", rules.RoundUp, 12, 3), "20% × 12 = 2,4 → 3 (làm tròn ra xa số 0)", "20% × 12 = 2.4 → 3 (up)"},
		{q("20%", rules.RoundCeiling, 12, 3), "20% × 12 = 2,4 → 3 (làm tròn lên)", "20% × 12 = 2.4 → 3 (ceiling)"},
		{province.QuotaResult{}, "không có chỉ tiêu", "no quota"},
	}
	for _, c := range cases {
		if got := c.q.Text(lang.Vietnamese); got != c.vi {
			t.Errorf("in Vietnamese:\n got %q\nwant %q", got, c.vi)
		}
		if got := c.q.Text(lang.English); got != c.en {
			t.Errorf("in English:\n got %q\nwant %q", got, c.en)
		}
		if c.q.String() != c.q.Text(lang.English) || c.q.Message().In(lang.Vietnamese) != c.vi {
			t.Errorf("String %q and Message disagree with Text", c.q.String())
		}
	}
}

// checkErrors checks every problem err holds (province.Errors): Text(lang.
// English) is Error() byte for byte, Msg is the message in English, the
// message can be written completely in both languages (Message.Check), and
// the Vietnamese is not the English. Every test that gets problems from the
// package passes them here, the fuzz test too.
func checkErrors(t testing.TB, err error) {
	t.Helper()
	var es province.Errors
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

// historyYAML is a history of cluster c1 in 2021 whose awards are not
// recorded; BROKEN becomes a member that is no unit of the history.
const historyYAML = `
units: [{id: A, name: Sở A}, {id: A2, name: Sở A2}]
clusters:
  - id: c1
    name: Cụm c1
    years:
      - {year: 2021, members: [A, A2BROKEN], rulebook: {id: r, version: "1"}}
`

// problems returns the problems of many broken province files, in the
// order found. Every one is checked (see checkErrors). The returned
// replacer writes the test's temporary directory as "TMP".
func problems(t *testing.T) ([]*province.Error, *strings.Replacer) {
	t.Helper()
	var all []*province.Error
	collect := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: no problem", what)
		}
		checkErrors(t, err)
		var es province.Errors
		if !errors.As(err, &es) {
			t.Fatalf("%s: err = %v, want province.Errors", what, err)
		}
		all = append(all, es...)
	}
	decide := func(s *province.Spec, ds ...province.Decision) { s.Council.Decisions = ds }
	edits := []func(*province.Spec){
		func(s *province.Spec) { s.Schema = "thidua/province/v0"; s.Province = ""; s.Year = 1800 },
		func(s *province.Spec) { s.Clusters = nil; s.GovernmentFlag = nil },
		func(s *province.Spec) {
			s.Clusters = append(s.Clusters, province.Cluster{ID: "c1"}, province.Cluster{})
		},
		func(s *province.Spec) { s.Clusters[0].Proposals[1].Member = "A2 " },
		func(s *province.Spec) { s.Clusters[0].History = "h.yaml" },
		func(s *province.Spec) { s.Clusters[0].Proposals = nil; s.Clusters[0].HistoryCluster = "cum1" },
		func(s *province.Spec) { s.Clusters[0].Proposals = nil; s.Clusters[0].History = "h.yaml" },
		func(s *province.Spec) {
			p := &s.Clusters[0].Proposals[1]
			p.Name, p.Award, p.Rank, p.Percent = "", "", -1, d("1200.5")
		},
		func(s *province.Spec) {
			s.Clusters[0].Proposals = append(s.Clusters[0].Proposals, s.Clusters[0].Proposals[1])
			s.Clusters[1].Proposals[1].Member = "A"
		},
		func(s *province.Spec) {
			s.Council.Default = "maybe"
			decide(s, province.Decision{Cluster: "c9", Member: "A", Award: "flag", Verdict: province.Approved},
				province.Decision{Cluster: "c1", Member: "B", Award: "flag", Verdict: province.Approved},
				province.Decision{Cluster: "c1", Member: "A", Award: "flag", Verdict: "later"},
				province.Decision{Cluster: "c1", Member: "A2", Award: "merit", Verdict: province.CutDown},
				province.Decision{Cluster: "c1", Member: "A2", Award: "merit", Verdict: province.Approved})
		},
		func(s *province.Spec) {
			g := s.GovernmentFlag
			g.Award, g.Quota.Share, g.Quota.Rounding, g.Quota.AlsoMeetingStandard = "", rules.Share{}, "sideways", -2
		},
		func(s *province.Spec) { s.GovernmentFlag.Quota.Share = share("3/2") },
		func(s *province.Spec) {
			g := s.GovernmentFlag
			g.Standards = append(g.Standards, province.Standard{}, province.Standard{ID: "s1"}, province.Standard{ID: province.ConditionCouncilVotes, Reason: "x"})
		},
		func(s *province.Spec) {
			g := s.GovernmentFlag
			g.Met = append(g.Met[1:], province.Met{Member: "A2", Standard: "s1"}, province.Met{Member: "B", Standard: "s9"}, province.Met{Member: "B", Standard: "s1"})
		},
		func(s *province.Spec) { s.GovernmentFlag.Scoring = province.Scoring{ClusterPercent: d("-10")} },
		func(s *province.Spec) {
			s.Clusters[1].Proposals[0].Percent = d("0")
			s.GovernmentFlag.Scoring.CouncilVotes = d("50")
			s.GovernmentFlag.TieBreaks = []string{"seniority"}
		},
		func(s *province.Spec) {
			s.GovernmentFlag.Ballot = &province.Ballot{Entitled: 0, Votes: []province.Vote{{Member: "A2", For: 1}}}
		},
		func(s *province.Spec) {
			s.GovernmentFlag.Ballot = &province.Ballot{Entitled: 5, Present: 7, Votes: []province.Vote{{Member: "A", For: 8}}}
		},
		func(s *province.Spec) {
			// Valid for the province file, but the rulebook and sheet it
			// builds for the nominees are not.
			s.GovernmentFlag.MinVotes = share("3/2")
			s.GovernmentFlag.Ballot = &province.Ballot{Entitled: 10, Present: 8, Votes: []province.Vote{{Member: "A", For: 8}}}
		},
		func(s *province.Spec) { s.GovernmentFlag.Lots = []string{"Z"} },
	}
	for i, edit := range edits {
		s := base()
		edit(&s)
		_, err := province.New(s)
		collect(fmt.Sprint("edit ", i), err)
	}
	_, err := province.Parse("p.yaml", []byte("province: Tỉnh X\nyear: 2021\ncolour: blue\nclusters: [{id: c1, name: Cụm 1, proposals: [{member: A, name: Sở A, award: flag, rank: -1}]}]\n"))
	collect("parse", err)

	// Histories: one with a problem of its own, one without the cluster,
	// one that records no proposal.
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("broken.yaml", strings.Replace(historyYAML, "A2BROKEN", "Z", 1))
	write("empty.yaml", strings.Replace(historyYAML, "A2BROKEN", "A2", 1))
	for _, c := range []string{"history: broken.yaml", "history: empty.yaml, history_cluster: c9", "history: empty.yaml", "history: none.yaml"} {
		write("province.yaml", "province: Tỉnh X\nyear: 2021\nclusters: [{id: c1, name: Cụm 1, "+c+"}]\n")
		_, err := province.Load(filepath.Join(dir, "province.yaml"))
		collect(c, err)
	}
	return all, strings.NewReplacer(dir, "TMP")
}

// TestErrorTexts writes a problem of every family of the package's keys
// (a key up to its third part: "province.err.flag", "province.err.where")
// in both languages, as Text writes the whole line; English is Error().
// A family with no case here fails the test.
func TestErrorTexts(t *testing.T) {
	all, paths := problems(t)
	cases := []struct {
		key, has string // the first problem with the key whose English has has
		vi, en   string
	}{
		{"province.err.schema", "",
			`schema: năm 1800: schema "thidua/province/v0" không được hỗ trợ (cần thidua/province/v1)`,
			`schema: 1800: unknown schema "thidua/province/v0" (expected thidua/province/v1)`},
		{"province.err.province", "",
			"province: năm 1800: thiếu tên tỉnh (ví dụ: Tỉnh Cao Bằng)",
			"province: 1800: the province's name is missing (e.g. Tỉnh Cao Bằng)"},
		{"province.err.year", "",
			"year: năm 1800: năm phải từ 1900 đến 9999, nhận được 1800",
			"year: 1800: expected a year from 1900 to 9999, found 1800"},
		{"province.err.clusters.none", "",
			"clusters: năm 2021: tệp của tỉnh phải có ít nhất một cụm",
			"clusters: 2021: a province file needs at least one cluster"},
		{"province.err.cluster.twice", "",
			"clusters[3].id: năm 2021, cụm c1: cụm bị trùng",
			"clusters[3].id: 2021, cluster c1: cluster given twice"},
		{"province.err.id.missing", "cluster",
			"clusters[4].id: năm 2021: cụm thiếu id",
			"clusters[4].id: 2021: a cluster needs an id"},
		{"province.err.id.malformed", "",
			`clusters[0].proposals[1].member: năm 2021, cụm c1: id đơn vị "A2 " có khoảng trắng ở đầu hoặc cuối, dấu phẩy hoặc dấu xuống dòng`,
			`clusters[0].proposals[1].member: 2021, cluster c1: member id "A2 " has surrounding spaces, a comma or a line break`},
		{"province.err.cluster.both", "",
			"clusters[0]: năm 2021, cụm c1: chỉ ghi danh sách đề nghị (proposals) hoặc tệp lịch sử (history), không ghi cả hai",
			"clusters[0]: 2021, cluster c1: give proposals or a history file, not both"},
		{"province.err.proposal.percent", "",
			"clusters[0].proposals[1].percent: năm 2021, cụm c1, đơn vị A2: tỷ lệ phần trăm phải từ 0 đến 1000, nhận được 1200,5",
			"clusters[0].proposals[1].percent: 2021, cluster c1, member A2: a percentage from 0 to 1000 is expected, found 1200.5"},
		{"province.err.proposal.other_cluster", "",
			"clusters[1].proposals[1].member: năm 2021, cụm c2, đơn vị A: A cũng được cụm c1 đề nghị; trong một năm, mỗi đơn vị chỉ thuộc một cụm",
			"clusters[1].proposals[1].member: 2021, cluster c2, member A: A is also proposed by cluster c1; a unit belongs to one cluster in a year"},
		{"province.err.proposal.rank", "p.yaml",
			"p.yaml:4:89: clusters[0].proposals[0].rank: năm 2021, cụm c1, đơn vị A: hạng phải là số dương, nhận được -1",
			"p.yaml:4:89: clusters[0].proposals[0].rank: 2021, cluster c1, member A: rank must be positive, found -1"},
		{"province.err.council.default", "",
			`council.default: năm 2021: giá trị mặc định "maybe" không hợp lệ (dùng approved hoặc pending)`,
			`council.default: 2021: unknown default "maybe" (expected approved or pending)`},
		{"province.err.decision.not_proposed", "",
			"council.decisions[1]: năm 2021, cụm c1, đơn vị B: cụm không đề nghị tặng flag cho B",
			"council.decisions[1]: 2021, cluster c1, member B: the cluster did not propose B for flag"},
		{"province.err.decision.reason", "",
			"council.decisions[3].reason: năm 2021, cụm c1, đơn vị A2: đề nghị không được chấp thuận phải ghi lý do Hội đồng đưa ra",
			"council.decisions[3].reason: 2021, cluster c1, member A2: a cut proposal needs the reason the council gave"},
		{"province.err.flag.share", "",
			"government_flag.quota.share: năm 2021: tỷ lệ phải lớn hơn 0% và không quá 100%, nhận được 150%",
			"government_flag.quota.share: 2021: the share must be above 0% and at most 100%, found 150%"},
		{"province.err.standard.twice", "phieu_hoi_dong",
			`government_flag.standards[3].id: năm 2021: id tiêu chuẩn "phieu_hoi_dong" bị trùng hoặc là id dành riêng`,
			`government_flag.standards[3].id: 2021: standard id "phieu_hoi_dong" given twice or reserved`},
		{"province.err.met.not_stated", "s1",
			"government_flag.met: năm 2021, cụm c1, đơn vị A: chưa ghi đơn vị có đạt tiêu chuẩn s1 hay không",
			"government_flag.met: 2021, cluster c1, member A: whether the candidate meets standard s1 is not stated"},
		{"province.err.scoring.no_percent", "",
			"government_flag.scoring.cluster_percent: năm 2021, cụm c2, đơn vị B: chưa có tỷ lệ điểm tại cụm của đơn vị: hãy ghi percent trong đề nghị (hoặc xếp hạng bảng điểm của cụm qua tệp lịch sử)",
			"government_flag.scoring.cluster_percent: 2021, cluster c2, member B: no cluster percentage for the candidate: give percent in its proposal (or rank the cluster's sheet through a history file)"},
		{"province.err.ballot.present", "",
			"government_flag.ballot.present: năm 2021: số thành viên có mặt (7) không hợp lệ: có 5 thành viên có quyền bỏ phiếu",
			"government_flag.ballot.present: 2021: 7 present of 5 entitled"},
		{"province.err.tie_break", "",
			`government_flag.tie_breaks[0]: năm 2021: tiêu chí ưu tiên "seniority" không hợp lệ (dùng more_votes, cluster_percent hoặc lots)`,
			`government_flag.tie_breaks[0]: 2021: unknown tie-break "seniority" (expected more_votes, cluster_percent or lots)`},
		{"province.err.in_nominee_rulebook", "",
			"government_flag: năm 2021: bộ tiêu chí xét đề nghị: eligibility[1].min_votes.share: tỷ lệ 150% vượt quá 100%",
			"government_flag: 2021: the nominee rulebook: eligibility[1].min_votes.share: share 150% is more than 100%"},
		{"province.err.in_nominee_sheet", "",
			`government_flag: năm 2021: bảng điểm xét đề nghị: đơn vị Z: kết quả bốc thăm ghi đơn vị "Z" không có trong danh sách đơn vị`,
			`government_flag: 2021: the nominee sheet: member Z: the recorded drawing of lots names an unknown member "Z"`},
		{"province.err.in_history", "broken.yaml",
			`TMP/province.yaml:3:43: clusters[0].history: năm 2021, cụm c1: tệp lịch sử broken.yaml: TMP/broken.yaml:7:35: clusters[0].years[0].members[1]: cụm c1, năm 2021, đơn vị Z: đơn vị "Z" không có trong danh sách đơn vị (units)`,
			`TMP/province.yaml:3:43: clusters[0].history: 2021, cluster c1: history broken.yaml: TMP/broken.yaml:7:35: clusters[0].years[0].members[1]: cluster c1, 2021, member Z: unknown unit "Z" (not listed under units)`},
		{"province.err.in_history", "none.yaml",
			"TMP/province.yaml:3:43: clusters[0].history: năm 2021, cụm c1: tệp lịch sử none.yaml: open TMP/none.yaml: no such file or directory",
			"TMP/province.yaml:3:43: clusters[0].history: 2021, cluster c1: history none.yaml: open TMP/none.yaml: no such file or directory"},
		{"province.err.history.no_result", "",
			"TMP/province.yaml:3:43: clusters[0].history: năm 2021, cụm c1: tệp lịch sử empty.yaml không có kết quả của cụm c9 năm 2021",
			"TMP/province.yaml:3:43: clusters[0].history: 2021, cluster c1: history empty.yaml has no result for cluster c9 in 2021"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		i := slices.IndexFunc(all, func(e *province.Error) bool {
			return e.Message.Key == c.key && strings.Contains(e.Error(), c.has)
		})
		if i < 0 {
			t.Errorf("no problem has the key %q and says %q", c.key, c.has)
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
	for _, k := range lang.Keys("province.err.") {
		if f := family(k); !covered[f] {
			t.Errorf("no case writes a key of the family %s (%s)", f, k)
			covered[f] = true // once a family
		}
	}
}

// family is a key up to its third part: "province.err.flag.share" is of
// the family "province.err.flag".
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
