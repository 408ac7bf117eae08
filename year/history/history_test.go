package history_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/history"
)

func date(s string) rules.Date {
	var d rules.Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return d
}

func ref() history.RulebookRef { return history.RulebookRef{ID: "rb", Version: "1"} }

// base is a valid history: cluster k with A, B, C in 2020 and 2021, and
// D joining in 2021.
func base() history.Spec {
	return history.Spec{
		Units: []history.Unit{
			{ID: "A", Name: "Sở A", Function: "noi_vu"}, {ID: "B", Name: "Sở B"}, {ID: "C", Name: "Sở C"},
			{ID: "D", Name: "Sở D"}, {ID: "AB", Name: "Sở A+B"},
		},
		Clusters: []history.Cluster{{
			ID: "k", Name: "Cụm K",
			Years: []history.Year{
				{Year: 2020, Members: []string{"A", "B", "C"}, Rulebook: ref(),
					Awards: []history.AwardRecord{{Member: "A", Award: "flag", Rank: 1}, {Member: "B", Award: "merit", Rank: 2}}},
				{Year: 2021, Members: []string{"A", "B", "C", "D"}, Joined: []string{"D"}, Rulebook: ref(),
					Awards: []history.AwardRecord{{Member: "B", Award: "flag", Rank: 1}}},
			},
			Leadership: history.Leadership{Terms: []history.Term{
				{From: date("2020-01-01"), To: date("2020-12-31"), Head: "A", Deputy: "B", How: history.Assigned},
				{From: date("2021-01-01"), To: date("2021-12-31"), Head: "B", Deputy: "C", How: history.Elected,
					Votes: &history.Election{Entitled: 3, Present: 3, Head: []history.Tally{{Member: "B", For: 2}, {Member: "C", For: 1}}}},
			}},
		}},
	}
}

// withMerger adds 2022, in which A and B are merged into AB (carrying both).
func withMerger(s history.Spec) history.Spec {
	s.Mergers = []history.Merger{{Year: 2022, From: []string{"A", "B"}, Into: "AB"}}
	s.Clusters[0].Years = append(s.Clusters[0].Years, history.Year{Year: 2022, Members: []string{"AB", "C", "D"}, Rulebook: ref(),
		Awards: []history.AwardRecord{{Member: "AB", Award: "flag", Rank: 1}}})
	return s
}

func TestNewAcceptsValidHistories(t *testing.T) {
	for name, s := range map[string]history.Spec{
		"a cluster with a join":                                 base(),
		"a merger explains the successor and the predecessors":  withMerger(base()),
		"a renaming is a merger with one predecessor":           renamed(),
		"a unit leaving is explained by the year's left list":   leaving(),
		"a term without for_year serves every year it overlaps": base(),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := history.New(s); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func renamed() history.Spec {
	s := base()
	s.Units = append(s.Units, history.Unit{ID: "C2", Name: "Sở C (tên mới)"})
	s.Mergers = []history.Merger{{Year: 2021, From: []string{"C"}, Into: "C2"}}
	s.Clusters[0].Years[1].Members = []string{"A", "B", "C2", "D"}
	s.Clusters[0].Leadership.Terms[1].Deputy = "C2"
	return s
}

func leaving() history.Spec {
	s := base()
	s.Clusters[0].Years[1].Members = []string{"A", "B", "D"}
	s.Clusters[0].Years[1].Left = []string{"C"}
	s.Clusters[0].Leadership.Terms[1].Deputy = "D"
	return s
}

// TestValidation checks that each rule refuses what it should, naming the
// cluster, year and member.
func TestValidation(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*history.Spec)
		want   string // a substring of the message
		member string
		year   int
	}{
		{"a unit listed twice is refused", func(s *history.Spec) { s.Units = append(s.Units, history.Unit{ID: "A", Name: "again"}) }, "unit id given twice", "A", 0},
		{"a member that is not a listed unit is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Members[2] = "X" }, `unknown unit "X"`, "X", 2020},
		{"a member listed twice in a year is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Members[2] = "A" }, "member listed twice", "A", 2020},
		{"a member that appears without a join or a merger is refused", func(s *history.Spec) { s.Clusters[0].Years[1].Joined = nil }, "list it under joined", "D", 2021},
		{"a member that disappears without a departure or a merger is refused", func(s *history.Spec) {
			s.Clusters[0].Years[1].Members = []string{"A", "B", "D"}
			s.Clusters[0].Leadership.Terms[1].Deputy = "D"
		}, "list it under left", "C", 2021},
		{"a join record for a unit already a member is refused", func(s *history.Spec) { s.Clusters[0].Years[1].Joined = []string{"D", "A"} }, "already a member in 2020", "A", 2021},
		{"a departure record for a unit still a member is refused", func(s *history.Spec) { s.Clusters[0].Years[1].Left = []string{"C"} }, "still a member in 2021", "C", 2021},
		{"a departure in the first recorded year is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Left = []string{"D"} }, "first recorded year", "D", 2020},
		{"a year given twice is refused", func(s *history.Spec) { s.Clusters[0].Years[1].Year = 2020 }, "year given twice", "", 2020},
		{"a year without a rulebook is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Rulebook = history.RulebookRef{} }, "needs its rulebook", "", 2020},
		{"a rulebook reference without path needs id and version", func(s *history.Spec) { s.Clusters[0].Years[0].Rulebook.Version = "" }, "needs an id and a version", "", 2020},
		{"a sheet without a rulebook path is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Sheet = "s.csv" }, "give rulebook.path too", "", 2020},
		{"a merged-away unit cannot be a member after the merger", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Clusters[0].Years[2].Members = []string{"AB", "A", "C", "D"}
		}, "was merged into AB in 2022", "A", 2022},
		{"a successor cannot be a member before its merger", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Clusters[0].Years[1].Members = append(s.Clusters[0].Years[1].Members, "AB")
			s.Clusters[0].Years[1].Joined = []string{"D", "AB"}
		}, "created by a merger in 2022", "AB", 2021},
		{"a merger's carried units must be among its predecessors", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Mergers[0].Carries = []string{"C"}
		}, "not among the units merged", "C", 2022},
		{"a unit merged away twice is refused", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Mergers = append(s.Mergers, history.Merger{Year: 2022, From: []string{"A"}, Into: "D"})
		}, "already merged away", "A", 2022},
		{"a unit cannot be merged into itself", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Mergers[0].From = []string{"A", "AB"}
		}, "merged into itself", "AB", 2022},
		{"a successor merged away earlier is refused (no circular lineage)", func(s *history.Spec) {
			*s = withMerger(*s)
			s.Mergers = append(s.Mergers, history.Merger{Year: 2023, From: []string{"C"}, Into: "A"})
		}, "it cannot succeed other units", "A", 2023},
		{"overlapping terms of office are refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[1].From = date("2020-12-01")
		}, "overlaps the term", "", 0},
		{"a term that ends before it starts is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[0].To = date("2019-12-31")
		}, "ends (2019-12-31) before it starts", "", 0},
		{"a head who is not a member that year is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[0].Head = "D"
		}, "the head is not a member of the cluster in 2020", "D", 2020},
		{"a deputy who is the head is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[0].Deputy = "A"
		}, "the deputy is the head", "A", 0},
		{"a term for a year without membership is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms = append(s.Clusters[0].Leadership.Terms, history.Term{From: date("2023-01-01"), To: date("2023-12-31"), Head: "A", How: history.Assigned})
		}, "no membership is recorded for 2023", "", 2023},
		{"an unknown appointment is refused", func(s *history.Spec) { s.Clusters[0].Leadership.Terms[0].How = "appointed" }, `unknown appointment "appointed"`, "", 0},
		{"an election won by a candidate without the most votes is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[1].Votes.Head = []history.Tally{{Member: "B", For: 1}, {Member: "C", For: 2}}
		}, "but C has the most votes (2)", "B", 0},
		{"an election with a tie for the most votes is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[1].Votes.Head = []history.Tally{{Member: "B", For: 1}, {Member: "C", For: 1}}
		}, "tied", "B", 0},
		{"more votes than members present are refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Terms[1].Votes.Head[0].For = 4
		}, "4 votes for with 3 members present", "B", 0},
		{"votes on a term that was not elected are refused", func(s *history.Spec) { s.Clusters[0].Leadership.Terms[1].How = history.Assigned }, "expected elected", "", 0},
		{"a rotation term without a rotation rule is refused", func(s *history.Spec) { s.Clusters[0].Leadership.Terms[0].How = history.ByRotation }, "states no rotation rule", "", 0},
		{"a rotation term the rule does not give is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Rotation = &history.Rotation{Rule: history.FixedOrder, Order: []string{"A", "C", "B"}}
			s.Clusters[0].Leadership.Terms[1].How = history.ByRotation
			s.Clusters[0].Leadership.Terms[1].Votes = nil
		}, "gives C as head, not B", "B", 2021},
		{"an unknown rotation rule is refused", func(s *history.Spec) {
			s.Clusters[0].Leadership.Rotation = &history.Rotation{Rule: "alphabetical"}
		}, `unknown rotation rule "alphabetical"`, "", 0},
		{"an award to a unit that is not a member that year is refused", func(s *history.Spec) {
			s.Clusters[0].Years[0].Awards[0].Member = "D"
		}, "not a member in 2020", "D", 2020},
		{"an unknown award status is refused", func(s *history.Spec) { s.Clusters[0].Years[0].Awards[0].Status = "approved" }, `unknown status "approved"`, "A", 2020},
		{"an award recorded twice is refused", func(s *history.Spec) {
			s.Clusters[0].Years[0].Awards = append(s.Clusters[0].Years[0].Awards, history.AwardRecord{Member: "A", Award: "flag"})
		}, "award flag recorded twice", "A", 2020},
		{"a streak fact allowing no year at all is refused", func(s *history.Spec) {
			s.Clusters[0].StreakFacts = []history.RunLimit{{Fact: "f", Award: "flag"}}
		}, "max_consecutive must be at least 1", "", 0},
		{"a cluster without a name is refused", func(s *history.Spec) { s.Clusters[0].Name = "" }, "needs a name", "", 0},
		{"an unknown schema is refused", func(s *history.Spec) { s.Schema = "thidua/history/v9" }, "unknown schema", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			_, err := history.New(s)
			checkErrors(t, err)
			var es history.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want history.Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Msg, c.want) {
					if c.member != "" && e.Member != c.member {
						t.Errorf("member %q, want %q: %v", e.Member, c.member, e)
					}
					if c.year != 0 && e.Year != c.year {
						t.Errorf("year %d, want %d: %v", e.Year, c.year, e)
					}
					if e.Path == "" {
						t.Errorf("no key path: %v", e)
					}
					return
				}
			}
			t.Fatalf("no error says %q; got:\n%v", c.want, err)
		})
	}
}

func TestValidationReportsEveryProblemAtOnce(t *testing.T) {
	s := base()
	s.Clusters[0].Years[0].Members[2] = "X"              // unknown unit
	s.Clusters[0].Leadership.Terms[0].Deputy = "A"       // deputy = head
	s.Clusters[0].Years[0].Awards[0].Status = "approved" // unknown status
	_, err := history.New(s)
	checkErrors(t, err)
	var es history.Errors
	if !errors.As(err, &es) || len(es) < 3 {
		t.Fatalf("want at least 3 problems, got %v", err)
	}
}

func TestReceivedFollowsMergers(t *testing.T) {
	s := withMerger(base())
	s.Mergers[0].Carries = []string{"B"} // only B's history carries over
	h, err := history.New(s)
	if err != nil {
		t.Fatal(err)
	}
	got := h.Received("AB", "", 0, 0)
	var lines []string
	for _, r := range got {
		lines = append(lines, r.Unit+" "+r.Award+" "+itoa(r.Year))
	}
	want := []string{"B merit 2020", "B flag 2021", "AB flag 2022"}
	if d := cmp.Diff(want, lines); d != "" {
		t.Errorf("Received(AB) (-want +got):\n%s", d)
	}
	if ys := h.YearsReceived("AB", "flag", 2018, 2022); !slices.Equal(ys, []int{2021, 2022}) {
		t.Errorf("flag years %v, want [2021 2022]", ys)
	}
	if ys := h.YearsReceived("A", "flag", 0, 0); !slices.Equal(ys, []int{2020}) {
		t.Errorf("A keeps its own history: %v", ys)
	}
	if ys := h.YearsReceived("AB", "flag", 2022, 2022); !slices.Equal(ys, []int{2022}) {
		t.Errorf("a window of one year: %v", ys)
	}
}

func TestCutProposalsDoNotCount(t *testing.T) {
	s := base()
	s.Clusters[0].Years[0].Awards[0].Status = history.Cut
	h, err := history.New(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Received("A", "flag", 0, 0); len(got) != 0 {
		t.Errorf("a cut proposal counted: %v", got)
	}
}

func TestPastAwardsFeedTheSheetHistory(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	got := h.PastAwards("k", 2022)
	want := []scoring.PastAward{
		{Member: "AB", Year: 2020, Award: "flag"},
		{Member: "AB", Year: 2020, Award: "merit"},
		{Member: "AB", Year: 2021, Award: "flag"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("PastAwards (-want +got):\n%s", d)
	}
	if got := h.PastAwards("k", 2020); len(got) != 0 {
		t.Errorf("nothing before the first year, got %v", got)
	}
	if got := h.PastAwards("nope", 2021); got != nil {
		t.Errorf("unknown cluster: %v", got)
	}
}

func TestConsecutive(t *testing.T) {
	s := withMerger(base())
	h, err := history.New(s)
	if err != nil {
		t.Fatal(err)
	}
	st := func(year int, flag ...string) *ranking.Standings {
		return &ranking.Standings{Year: year, Awards: []ranking.Award{{Tier: "flag", Proposed: flag}}}
	}
	cases := []struct {
		name string
		st   *ranking.Standings
		max  int
		want []string // member: previous years
	}{
		{"the flag last year forbids it this year with max 1", st(2022, "B"), 1, []string{"B:2021"}},
		{"a successor inherits its predecessor's flag", st(2023, "AB"), 1, []string{"AB:2022,2021,2020"}},
		{"two years running are allowed with max 2", st(2022, "B"), 2, nil},
		{"three years running are refused with max 2", st(2023, "AB"), 2, []string{"AB:2022,2021,2020"}},
		{"no flag last year: no violation", st(2022, "C"), 1, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, v := range h.Consecutive(c.st, history.RunLimit{Award: "flag", MaxConsecutive: c.max}) {
				got = append(got, v.Member+":"+joinInts(v.Previous))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("violations %v, want %v", got, c.want)
			}
		})
	}
}

func TestRunFacts(t *testing.T) {
	s := base()
	s.Clusters[0].Years = append(s.Clusters[0].Years, history.Year{Year: 2022, Members: []string{"A", "B", "C", "D"}, Rulebook: ref()})
	h, err := history.New(s)
	if err != nil {
		t.Fatal(err)
	}
	got := h.RunFacts("k", 2022, history.RunLimit{Fact: "f", Award: "flag", MaxConsecutive: 1})
	want := []scoring.FactValue{{Member: "A", Fact: "f", Value: true}, {Member: "B", Fact: "f", Value: false}, {Member: "C", Fact: "f", Value: true}, {Member: "D", Fact: "f", Value: true}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("RunFacts (-want +got):\n%s", d)
	}
}

func TestRotate(t *testing.T) {
	cases := []struct {
		name       string
		rot        history.Rotation
		year       int
		head, dep  string
		errSubstrs string
	}{
		{"fixed order passes the headship to the next member", history.Rotation{Rule: history.FixedOrder, Order: []string{"A", "B", "C", "D"}}, 2021, "B", "C", ""},
		{"fixed order skips units that are not members", history.Rotation{Rule: history.FixedOrder, Order: []string{"A", "X", "C", "B"}}, 2021, "C", "B", ""},
		{"fixed order wraps around", history.Rotation{Rule: history.FixedOrder, Order: []string{"D", "C", "B", "A"}}, 2021, "D", "C", ""},
		{"fixed order starts at the first member without an earlier term", history.Rotation{Rule: history.FixedOrder, Order: []string{"X", "C", "B", "A"}}, 2020, "C", "B", ""},
		{"the deputy becomes head", history.Rotation{Rule: history.DeputyBecomesHead, Order: []string{"A", "B", "C", "D"}}, 2021, "B", "C", ""},
		{"by function picks the unit with the function", history.Rotation{Rule: history.ByFunction, HeadFunction: "noi_vu"}, 2021, "A", "", ""},
		{"by function with no unit holding it fails", history.Rotation{Rule: history.ByFunction, HeadFunction: "tai_chinh"}, 2021, "", "", "no member in 2021 has function"},
		{"a year without membership fails", history.Rotation{Rule: history.FixedOrder, Order: []string{"A"}}, 2030, "", "", "no membership recorded for 2030"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			s.Units = append(s.Units, history.Unit{ID: "X", Name: "Sở X"})
			r := c.rot
			s.Clusters[0].Leadership.Rotation = &r
			h, err := history.New(s)
			if err != nil {
				t.Fatal(err)
			}
			head, dep, err := h.Rotate("k", c.year)
			checkErrors(t, err)
			if c.errSubstrs != "" {
				if err == nil || !strings.Contains(err.Error(), c.errSubstrs) {
					t.Fatalf("err %v, want %q", err, c.errSubstrs)
				}
				return
			}
			if err != nil || head != c.head || dep != c.dep {
				t.Errorf("Rotate = %s, %s, %v; want %s, %s", head, dep, err, c.head, c.dep)
			}
		})
	}
}

func TestRotateAnUnknownCluster(t *testing.T) {
	h, err := history.New(base())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.Rotate("nope", 2021); !errors.Is(err, history.ErrUnknownCluster) {
		t.Errorf("err = %v, want ErrUnknownCluster", err)
	}
}

func TestRotationFollowsAMergedDeputy(t *testing.T) {
	s := withMerger(base())
	// The 2021 deputy is B, merged into AB in 2022: AB becomes head.
	s.Clusters[0].Leadership.Terms[1].Deputy = "B"
	s.Clusters[0].Leadership.Terms[1].Head = "C"
	s.Clusters[0].Leadership.Terms[1].Votes = nil
	s.Clusters[0].Leadership.Rotation = &history.Rotation{Rule: history.DeputyBecomesHead, Order: []string{"AB", "C", "D"}}
	s.Clusters[0].Leadership.Terms = append(s.Clusters[0].Leadership.Terms,
		history.Term{From: date("2022-01-01"), To: date("2022-12-31"), Head: "AB", Deputy: "C", How: history.ByRotation})
	if _, err := history.New(s); err != nil {
		t.Fatal(err)
	}
}

func TestHeadsAndTop(t *testing.T) {
	h, err := history.New(base())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, hy := range h.Heads("k") {
		for _, t := range hy.Terms {
			got = append(got, itoa(hy.Year)+":"+t.Head+"/"+t.Deputy)
		}
	}
	if !slices.Equal(got, []string{"2020:A/B", "2021:B/C"}) {
		t.Errorf("heads %v", got)
	}
	if top := h.Top("k", 2021); !slices.Equal(top, []string{"B"}) {
		t.Errorf("top 2021 = %v", top)
	}
}

func TestHistoryIsImmutable(t *testing.T) {
	s := base()
	h, err := history.New(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Clusters[0].Years[0].Members[0] = "Z"
	m, _ := h.Members("k", 2020)
	m[1] = "Y"
	c, _ := h.Cluster("k")
	c.Years[0].Awards[0].Member = "Q"
	if m2, _ := h.Members("k", 2020); !slices.Equal(m2, []string{"A", "B", "C"}) {
		t.Errorf("members changed: %v", m2)
	}
	if r, _ := h.Result("k", 2020); r.Awards[0].Member != "A" {
		t.Errorf("awards changed: %v", r.Awards)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}
