package history_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/history"
)

func TestSpan(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		clusters []string
		last     int
		from, to int
	}{
		{[]string{"k"}, 0, 2020, 2022},
		{[]string{"k"}, 2, 2021, 2022},
		{[]string{"k"}, 9, 2020, 2022},
		{[]string{"nope"}, 0, 0, 0},
		{nil, 0, 0, 0},
	} {
		if from, to := h.Span(c.clusters, c.last); from != c.from || to != c.to {
			t.Errorf("Span(%v, %d) = %d, %d; want %d, %d", c.clusters, c.last, from, to, c.from, c.to)
		}
	}
}

// TestClusterReport checks the values of a report on a history read
// without its rulebooks: the award tiers are named by their ids.
func TestClusterReport(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := h.ClusterReport("k", 2020, 2022)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cluster != (history.Named{ID: "k", Name: "Cụm K"}) || len(r.Years) != 3 {
		t.Fatalf("cluster %+v, %d years", r.Cluster, len(r.Years))
	}
	if y := r.Years[0]; y.Members != 3 || len(y.Offices) != 1 || y.Offices[0].Head.Name != "Sở A" || y.Offices[0].Deputy.Name != "Sở B" || y.Offices[0].How != history.Assigned {
		t.Errorf("2020: %+v", y)
	}
	if top := r.Years[1].Top; len(top) != 1 || top[0].Name != "Sở B" {
		t.Errorf("2021 top %v, want Sở B", top)
	}
	var changes []string
	for _, c := range r.Changes {
		changes = append(changes, c.Message().In(lang.Vietnamese))
	}
	want := []string{"Sở D gia nhập cụm", "Sở A + Sở B hợp nhất thành Sở A+B, kế thừa thành tích của các đơn vị này"}
	if !slices.Equal(changes, want) {
		t.Errorf("changes %q, want %q", changes, want)
	}
	if got := []string{r.Tiers[0].ID, r.Tiers[1].ID}; len(r.Tiers) != 2 || !slices.Equal(got, []string{"flag", "merit"}) || r.Tiers[0].Name != "flag" {
		t.Errorf("tiers %v", r.Tiers)
	}
	i := slices.IndexFunc(r.Members, func(l history.MemberLine) bool { return l.Unit.ID == "AB" })
	if i < 0 {
		t.Fatal("AB is not among the members")
	}
	ab := r.Members[i]
	var got []string
	for _, rc := range ab.Received {
		got = append(got, rc.By.ID+":"+rc.Tier.ID)
	}
	if !slices.Equal(ab.In, []int{2022}) || !slices.Equal(got, []string{"A:flag", "B:merit", "B:flag", "AB:flag"}) {
		t.Errorf("AB in %v received %v", ab.In, got)
	}
	var out bytes.Buffer
	if err := r.WriteText(&out, lang.Vietnamese); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Cụm K, 2020–2022", "Sở A+B  2022", "3 năm: 2020 (do Sở A nhận); 2021 (do Sở B nhận); 2022", "2020 (do Sở B nhận)"} {
		if !strings.Contains(spaced(out.String()), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
}

// spaced folds the tables' alignment to two spaces.
func spaced(s string) string {
	for strings.Contains(s, "   ") {
		s = strings.ReplaceAll(s, "   ", "  ")
	}
	return s
}

// TestMemberReportFollowsMergers: the successor's report counts its
// predecessors' awards and roles, saying which predecessor held them.
func TestMemberReportFollowsMergers(t *testing.T) {
	h, err := history.New(withMerger(base()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := h.MemberReport("AB", []string{"k"}, 2020, 2022)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Predecessors) != 2 || r.Predecessors[0].Unit.ID != "A" || r.Predecessors[0].Before != 2022 {
		t.Errorf("predecessors %+v", r.Predecessors)
	}
	var roles []string
	for _, x := range r.Roles {
		roles = append(roles, x.Message().In(lang.English))
	}
	want := []string{"head of Cụm K (assigned, held by Sở A)", "deputy head of Cụm K (assigned, held by Sở B)", "head of Cụm K (elected, held by Sở B)"}
	if !slices.Equal(roles, want) {
		t.Errorf("roles %q, want %q", roles, want)
	}
	if len(r.Tiers) != 2 || r.Tiers[0].Tier.ID != "flag" || !slices.Equal(r.Tiers[0].Years, []int{2020, 2021, 2022}) {
		t.Errorf("tiers %+v", r.Tiers)
	}
}

func TestReportsOfWhatTheHistoryDoesNotHold(t *testing.T) {
	h, err := history.New(base())
	if err != nil {
		t.Fatal(err)
	}
	var e *history.Error
	if _, err := h.ClusterReport("nope", 2020, 2021); !errors.As(err, &e) || e.Message.Key != "history.err.report.cluster" {
		t.Errorf("unknown cluster: %v", err)
	}
	if _, err := h.MemberReport("NOPE", nil, 2020, 2021); !errors.As(err, &e) || e.Message.Key != "history.err.report.unit" {
		t.Errorf("unknown unit: %v", err)
	}
	if _, err := h.MemberReport("A", []string{"nope"}, 2020, 2021); !errors.As(err, &e) || e.Message.Key != "history.err.report.cluster" {
		t.Errorf("unknown cluster of a member report: %v", err)
	}
}

// TestAwardName: a loaded history names a tier as the year's rulebook
// does; one read without its rulebooks by its id.
func TestAwardName(t *testing.T) {
	h, err := history.New(base())
	if err != nil {
		t.Fatal(err)
	}
	if got := h.AwardName("k", 2021, "flag"); got != "flag" {
		t.Errorf("without rulebooks: %q", got)
	}
	l, err := history.Load(cum2(t, "../cum2-years/history.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range []int{2019, 2020, 2022, 2030} {
		if got := l.AwardName("cum2", y, "flag"); got != "Cờ thi đua của UBND tỉnh" {
			t.Errorf("%d: %q", y, got)
		}
	}
	if got := l.AwardName("cum2", 2021, "nope"); got != "nope" {
		t.Errorf("an unknown tier: %q", got)
	}
}
