package province_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/province"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func share(s string) rules.Share {
	x, err := rules.ParseShare(s)
	if err != nil {
		panic(err)
	}
	return x
}

// base: three clusters, each with a leader (flag) and a merit; the council
// approves by default; quota 20% of (3 + 7) = 2.
func base() province.Spec {
	cl := func(id, flag, merit string, pct string) province.Cluster {
		return province.Cluster{ID: id, Name: "Cụm " + id, Proposals: []province.Proposal{
			{Member: flag, Name: "Sở " + flag, Award: "flag", Rank: 1, Percent: d(pct)},
			{Member: merit, Name: "Sở " + merit, Award: "merit", Rank: 2, Percent: d("90")},
		}}
	}
	return province.Spec{
		Province: "Tỉnh X", Year: 2021,
		Clusters: []province.Cluster{cl("c1", "A", "A2", "98"), cl("c2", "B", "B2", "96"), cl("c3", "C", "C2", "97")},
		Council:  province.Council{Default: province.Approved},
		GovernmentFlag: &province.Nomination{
			Award:     "Cờ thi đua của Chính phủ",
			Quota:     province.Quota{Share: share("20%"), AlsoMeetingStandard: 7},
			Standards: []province.Standard{{ID: "s1", Reason: "Vượt mức chỉ tiêu"}},
			Met: []province.Met{
				{Member: "A", Standard: "s1", Value: true}, {Member: "B", Standard: "s1", Value: true}, {Member: "C", Standard: "s1", Value: true},
			},
			Scoring: province.Scoring{ClusterPercent: d("100")},
		},
	}
}

func TestNominationsFollowRankAndStandards(t *testing.T) {
	cases := []struct {
		name      string
		edit      func(*province.Spec)
		places    int
		nominated []string
	}{
		{"the two best cluster percentages are nominated under a 2-place quota", func(*province.Spec) {}, 2, []string{"A", "C"}},
		{"a candidate failing a standard is passed over for the next", func(s *province.Spec) { s.GovernmentFlag.Met[0].Value = false }, 2, []string{"C", "B"}},
		{"a leader cut by the council is no candidate and leaves the quota base", func(s *province.Spec) {
			s.Council.Decisions = []province.Decision{{Cluster: "c1", Member: "A", Award: "flag", Verdict: province.CutDown, Reason: "hồ sơ"}}
			s.GovernmentFlag.Met = s.GovernmentFlag.Met[1:]
			s.GovernmentFlag.Quota.AlsoMeetingStandard = 8 // 2 + 8 = 10 → 2
		}, 2, []string{"C", "B"}},
		{"the quota rounds down by default", func(s *province.Spec) { s.GovernmentFlag.Quota.AlsoMeetingStandard = 6 }, 1, []string{"A"}},
		{"the quota rounds as stated", func(s *province.Spec) {
			s.GovernmentFlag.Quota.AlsoMeetingStandard = 6
			s.GovernmentFlag.Quota.Rounding = rules.RoundCeiling
		}, 2, []string{"A", "C"}},
		{"a quota of zero nominates nobody", func(s *province.Spec) { s.GovernmentFlag.Quota.AlsoMeetingStandard = 0 }, 0, nil},
		{"pending flags do not count in the quota base", func(s *province.Spec) {
			s.Council.Default = province.Pending
			s.Council.Decisions = []province.Decision{{Cluster: "c1", Member: "A", Award: "flag", Verdict: province.Approved}}
			s.GovernmentFlag.Met = s.GovernmentFlag.Met[:1]
			s.GovernmentFlag.Quota.AlsoMeetingStandard = 9 // 1 + 9 = 10 → 2, one candidate
		}, 2, []string{"A"}},
		{"council votes decide between candidates", func(s *province.Spec) {
			s.GovernmentFlag.Scoring = province.Scoring{ClusterPercent: d("50"), CouncilVotes: d("50")}
			s.GovernmentFlag.Ballot = &province.Ballot{Entitled: 10, Present: 10, Votes: []province.Vote{{Member: "A", For: 5}, {Member: "B", For: 10}, {Member: "C", For: 9}}}
			// A: 49 + 25 = 74; B: 48 + 50 = 98; C: 48.5 + 45 = 93.5
		}, 2, []string{"B", "C"}},
		{"a council vote threshold excludes a candidate below it", func(s *province.Spec) {
			s.GovernmentFlag.Ballot = &province.Ballot{Entitled: 10, Present: 8, Votes: []province.Vote{{Member: "A", For: 3}, {Member: "B", For: 8}, {Member: "C", For: 4}}}
			s.GovernmentFlag.MinVotes = share("1/2") // of 8 present: 4 needed
		}, 2, []string{"C", "B"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			p, err := province.New(s)
			if err != nil {
				t.Fatal(err)
			}
			if q := p.Quota(); q.Places != c.places {
				t.Errorf("quota %d (%s), want %d", q.Places, q, c.places)
			}
			if got := p.Nominees().Nominated; !slices.Equal(got, c.nominated) {
				t.Errorf("nominated %v, want %v", got, c.nominated)
			}
		})
	}
}

func TestQuotaText(t *testing.T) {
	s := base()
	s.GovernmentFlag.Quota.AlsoMeetingStandard = 9
	p, err := province.New(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Quota().String(); got != "20% × 12 = 2.4 → 2 (floor)" {
		t.Errorf("quota %q", got)
	}
	s.GovernmentFlag.Quota.Share = share("1/3")
	s.GovernmentFlag.Quota.AlsoMeetingStandard = 7
	p, _ = province.New(s)
	if got := p.Quota().String(); got != "1/3 × 10 ≈ 3.3333 → 3 (floor)" {
		t.Errorf("quota %q", got)
	}
}

func TestTallies(t *testing.T) {
	s := base()
	s.Council.Default = province.Pending
	s.Council.Decisions = []province.Decision{
		{Cluster: "c1", Member: "A", Award: "flag", Verdict: province.Approved},
		{Cluster: "c2", Member: "B", Award: "flag", Verdict: province.CutDown, Reason: "vi phạm"},
		{Cluster: "c1", Member: "A2", Award: "merit", Verdict: province.Approved},
	}
	s.GovernmentFlag = nil
	p, err := province.New(s)
	if err != nil {
		t.Fatal(err)
	}
	want := []province.Tally{{Award: "flag", Proposed: 3, Approved: 1, Cut: 1, Pending: 1}, {Award: "merit", Proposed: 3, Approved: 1, Pending: 2}}
	if got := p.Tallies(); !slices.Equal(got, want) {
		t.Errorf("tallies %v, want %v", got, want)
	}
	if p.Nominees() != nil {
		t.Error("nominees without a government_flag section")
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, want, cluster, member string
		edit                        func(*province.Spec)
	}{
		{"a decision on a proposal that was not made is refused", "did not propose B for flag", "c1", "B", func(s *province.Spec) {
			s.Council.Decisions = []province.Decision{{Cluster: "c1", Member: "B", Award: "flag", Verdict: province.Approved}}
		}},
		{"a cut without a reason is refused", "needs the reason", "c1", "A", func(s *province.Spec) {
			s.Council.Decisions = []province.Decision{{Cluster: "c1", Member: "A", Award: "flag", Verdict: province.CutDown}}
		}},
		{"an unknown verdict is refused", `unknown verdict "maybe"`, "c1", "A", func(s *province.Spec) {
			s.Council.Decisions = []province.Decision{{Cluster: "c1", Member: "A", Award: "flag", Verdict: "maybe"}}
		}},
		{"a unit proposed by two clusters is refused", "also proposed by cluster c1", "c2", "A", func(s *province.Spec) {
			s.Clusters[1].Proposals[1].Member = "A"
		}},
		{"a quota above 100% is refused", "at most 100%", "", "", func(s *province.Spec) { s.GovernmentFlag.Quota.Share = share("3/2") }},
		{"a quota without a share is refused", "needs a share", "", "", func(s *province.Spec) { s.GovernmentFlag.Quota.Share = rules.Share{} }},
		{"a standard not stated for a candidate is refused", "standard s1 is not stated", "c3", "C", func(s *province.Spec) { s.GovernmentFlag.Met = s.GovernmentFlag.Met[:2] }},
		{"a standard stated for a non-candidate is refused", "A2 is not a candidate", "", "A2", func(s *province.Spec) {
			s.GovernmentFlag.Met = append(s.GovernmentFlag.Met, province.Met{Member: "A2", Standard: "s1", Value: true})
		}},
		{"ranking by council votes without a ballot is refused", "needs the council's ballot", "", "", func(s *province.Spec) { s.GovernmentFlag.Scoring.CouncilVotes = d("50") }},
		{"a candidate without a cluster percentage is refused when ranked by it", "no cluster percentage", "c2", "B", func(s *province.Spec) { s.Clusters[1].Proposals[0].Percent = decimal.Zero }},
		{"an unknown tie-break is refused", `unknown tie-break "seniority"`, "", "", func(s *province.Spec) { s.GovernmentFlag.TieBreaks = []string{"seniority"} }},
		{"a history file is refused by New", "read by Load", "c1", "", func(s *province.Spec) { s.Clusters[0].Proposals = nil; s.Clusters[0].History = "h.yaml" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			_, err := province.New(s)
			checkErrors(t, err)
			var es province.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err %v, want province.Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Msg, c.want) {
					if e.Cluster != c.cluster || e.Member != c.member || e.Year != 2021 {
						t.Errorf("error names cluster %q member %q year %d; want %q %q 2021", e.Cluster, e.Member, e.Year, c.cluster, c.member)
					}
					return
				}
			}
			t.Fatalf("no error says %q:\n%v", c.want, err)
		})
	}
}

func TestNomineeRulebookIsTheEngines(t *testing.T) {
	p, err := province.New(base())
	if err != nil {
		t.Fatal(err)
	}
	n := p.Nominees()
	if n.Rulebook == nil || n.Standings.Rulebook.Hash != n.Rulebook.Hash() {
		t.Fatal("standings not produced by the nominee rulebook")
	}
	tier, ok := n.Rulebook.Award(province.TierGovernmentFlag)
	if !ok || tier.Count != 2 || !slices.Equal(tier.Requires, []string{"s1"}) {
		t.Errorf("tier %+v", tier)
	}
}
