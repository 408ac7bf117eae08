package examples_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/year/covenant"
	"github.com/thidua/thidua/year/history"
	"github.com/thidua/thidua/year/province"
	"github.com/thidua/thidua/year/titles"
)

func loadHistory(t *testing.T) *history.History {
	t.Helper()
	h, err := history.Load("cum2-years/history.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// rankAlone ranks a year's sheet by itself, without the history.
func rankAlone(t *testing.T, year string) *ranking.Standings {
	t.Helper()
	rb, err := rules.Load("cum2-years/rulebook-" + year + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, "cum2-years/scores-"+year+".csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func awardsOf(h *history.History, year int) []string {
	r, _ := h.Result("cum2", year)
	var out []string
	for _, a := range r.Awards {
		out = append(out, a.Member+":"+a.Award)
	}
	slices.Sort(out)
	return out
}

// Every file of the two examples says what in it is illustrative.
func TestYearsExamplesSayWhatIsIllustrative(t *testing.T) {
	for _, dir := range []string{"cum2-years", "province"} {
		files, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.ToLower(string(b)), "illustrative") {
				t.Errorf("%s/%s does not say what is illustrative", dir, f.Name())
			}
		}
	}
}

// 2020: the published outcome (seed 002), recorded in the history, is what
// ranking the 2020 sheet gives (Load checks it and would fail otherwise).
func TestHistory2020IsThePublishedOutcome(t *testing.T) {
	h := loadHistory(t)
	want := []string{"SCT:flag", "SKHCN:merit", "SXD:merit"}
	if got := awardsOf(h, 2020); !slices.Equal(got, want) {
		t.Errorf("2020 awards %v, want %v", got, want)
	}
}

// 2021: Sở TN&MT and Sở Công Thương tie under every rule of the sheet
// alone; the history's 2020 flag to Sở Công Thương breaks the tie.
func TestHistoryTieBreakDecides2021(t *testing.T) {
	alone := rankAlone(t, "2021")
	if len(alone.Ties) != 1 || !slices.Equal(alone.Ties[0].Members, []string{"SCT", "STNMT"}) {
		t.Fatalf("the sheet alone should leave SCT and STNMT tied, got %+v", alone.Ties)
	}
	if alone.Awards[0].Pending == nil {
		t.Error("the sheet alone should leave the flag pending")
	}
	h := loadHistory(t)
	r, _ := h.Result("cum2", 2021)
	if len(r.Standings.Ties) != 0 {
		t.Errorf("through the history the tie remains: %+v", r.Standings.Ties)
	}
	row, _ := r.Standings.Row("SCT")
	if row.Rank != 2 || row.DecidedBy == nil || row.DecidedBy.Rule != "no_award_last_year flag" || row.DecidedBy.Upper != "STNMT" {
		t.Errorf("SCT: rank %d decided by %+v; want rank 2 below STNMT by no_award_last_year flag", row.Rank, row.DecidedBy)
	}
	if got, want := awardsOf(h, 2021), []string{"SCT:merit", "SKHCN:merit", "STNMT:flag"}; !slices.Equal(got, want) {
		t.Errorf("2021 awards %v, want %v", got, want)
	}
}

// 2022: Sở TN&MT ranks first but received the flag in 2021: the streak fact
// passes the flag to SKHCNTT; Consecutive finds the same on the sheet
// ranked alone.
func TestStreakMoves2022Flag(t *testing.T) {
	alone := rankAlone(t, "2022")
	if got := alone.Proposed("flag"); !slices.Equal(got, []string{"STNMT"}) {
		t.Fatalf("alone the flag goes to %v, want STNMT", got)
	}
	h := loadHistory(t)
	vs := h.Consecutive(alone, history.RunLimit{Award: "flag", MaxConsecutive: 1})
	if len(vs) != 1 || vs[0].Member != "STNMT" || !slices.Equal(vs[0].Previous, []int{2021}) {
		t.Errorf("violations %v, want STNMT (flag in 2021)", vs)
	}
	if got, want := awardsOf(h, 2022), []string{"SCT:merit", "SKHCNTT:flag", "STNMT:merit"}; !slices.Equal(got, want) {
		t.Errorf("2022 awards %v, want %v", got, want)
	}
	r, _ := h.Result("cum2", 2022)
	if sk := r.Standings.Awards[0].Skipped; len(sk) != 1 || sk[0].Member != "STNMT" || !slices.Equal(sk[0].Failed, []string{"khong_2_nam"}) {
		t.Errorf("flag skipped %+v, want STNMT failing khong_2_nam", sk)
	}
}

func TestMembershipAndMerger(t *testing.T) {
	h := loadHistory(t)
	m21, _ := h.Members("cum2", 2021)
	m22, _ := h.Members("cum2", 2022)
	if !slices.Contains(m21, "STTTT") || slices.Contains(m22, "SKHCN") || !slices.Contains(m22, "SKHCNTT") {
		t.Errorf("members 2021 %v, 2022 %v", m21, m22)
	}
	// SKHCNTT counts SKHCN's Bằng khen of 2020 and 2021, and its own flag.
	if got := h.YearsReceived("SKHCNTT", "merit", 2018, 2022); !slices.Equal(got, []int{2020, 2021}) {
		t.Errorf("SKHCNTT merit years %v", got)
	}
	if got := h.YearsReceived("SKHCNTT", "flag", 2018, 2022); !slices.Equal(got, []int{2022}) {
		t.Errorf("SKHCNTT flag years %v", got)
	}
	if got := h.YearsReceived("SCT", "flag", 2018, 2022); !slices.Equal(got, []int{2020}) {
		t.Errorf("SCT flag years %v", got)
	}
}

func TestLeadership(t *testing.T) {
	h := loadHistory(t)
	var got []string
	for _, hy := range h.Heads("cum2") {
		for _, t := range hy.Terms {
			got = append(got, strings.Join([]string{itoa(hy.Year), t.Head, t.Deputy, string(t.How)}, " "))
		}
	}
	want := []string{"2020 SKHCN  inferred", "2021 STNMT SGTVT elected", "2022 SGTVT SXD rotation"}
	if !slices.Equal(got, want) {
		t.Errorf("heads %q, want %q", got, want)
	}
}

// The covenant's registered targets are the targets the 2021 sheet is
// scored against, and its interim projection follows the stated rule.
func TestCovenant2021(t *testing.T) {
	c, err := covenant.Load("cum2-years/covenant-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rb, err := rules.Load("cum2-years/rulebook-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, "cum2-years/scores-2021.csv")
	if err != nil {
		t.Fatal(err)
	}
	fromCovenant := map[string]string{}
	for _, tg := range c.Targets(rb) {
		fromCovenant[tg.Member+"/"+tg.Criterion] = tg.Value.String()
	}
	inSheet := map[string]string{}
	for _, tg := range sh.Targets {
		inSheet[tg.Member+"/"+tg.Criterion] = tg.Value.String()
	}
	if len(fromCovenant) != 8 || !mapsEqual(fromCovenant, inSheet) {
		t.Errorf("covenant targets %v, sheet targets %v", fromCovenant, inSheet)
	}
	// The year-end values of the covenant's criteria reach or miss their
	// targets as the sheet says: SCT filed 49 of 50 dossiers.
	if _, err := c.YearEnd(rb, sh); err != nil {
		t.Errorf("YearEnd: %v", err)
	}

	base, err := sheets.Load("cum2-years/interim-2021.csv")
	if err != nil {
		t.Fatal(err)
	}
	fc, err := c.Project(rb, base, 9)
	if err != nil {
		t.Fatal(err)
	}
	// Recompute the linear rule from the file's own figures.
	spec := c.Spec()
	twelve, nine := decimal.NewFromInt(12), decimal.NewFromInt(9)
	for _, a := range spec.Reports[len(spec.Reports)-1].Progress {
		var want decimal.Decimal
		exact := a.Value.Mul(twelve).Div(nine)
		if a.Criterion == "07" {
			want = exact.Round(2)
		} else {
			want = exact.Floor()
		}
		for _, e := range fc.Sheet.Scores {
			if e.Member == a.Party && e.Criterion == a.Criterion && !e.Value.Equal(want) {
				t.Errorf("%s %s projected %s, want %s × 12 ÷ 9 = %s", a.Party, a.Criterion, e.Value, a.Value, want)
			}
		}
	}
	if got := fc.Standings.Proposed("flag"); !slices.Equal(got, []string{"STNMT"}) {
		t.Errorf("on course for the flag: %v, want STNMT", got)
	}
}

func TestUnitCovenant(t *testing.T) {
	c, err := covenant.Load("cum2-years/covenant-skhcn-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Level() != covenant.UnitLevel || len(c.Parties()) != 2 {
		t.Errorf("level %s, %d parties", c.Level(), len(c.Parties()))
	}
	p, err := c.Progress(6)
	if err != nil {
		t.Fatal(err)
	}
	var behind []string
	for _, l := range p.Lines {
		if !l.OnCourse {
			behind = append(behind, l.Party+"/"+l.Criterion)
		}
	}
	if !slices.Equal(behind, []string{"BGD/sang_kien"}) {
		t.Errorf("behind %v, want BGD/sang_kien (2 initiatives in 6 months → 4 < 6)", behind)
	}
}

func TestProvinceNominations(t *testing.T) {
	p, err := province.Load("province/province-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q := p.Quota()
	if q.Base != 12 || q.Places != 2 {
		t.Errorf("quota %s, want 20%% of 12 → 2", q)
	}
	n := p.Nominees()
	var cands []string
	for _, c := range n.Candidates {
		cands = append(cands, c.Cluster+":"+c.Member)
	}
	if !slices.Equal(cands, []string{"cum2:STNMT", "cum1:SKHDT", "cum3:SYT"}) {
		t.Errorf("candidates %v: each cluster's flag leader, Cụm II's from the history", cands)
	}
	if !slices.Equal(n.Nominated, []string{"SYT", "SKHDT"}) {
		t.Errorf("nominated %v, want SYT, SKHDT", n.Nominated)
	}
	var cut []string
	for _, d := range p.Decided() {
		if d.Verdict == province.CutDown {
			cut = append(cut, d.Member)
		}
	}
	if !slices.Equal(cut, []string{"SVHTTDL"}) {
		t.Errorf("cut %v", cut)
	}
}

func TestTitlesExamples(t *testing.T) {
	x, err := titles.Load("cum2-years/titles-skhcn-2020.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r := x.Check(); !r.OK() {
		t.Errorf("seed 000's figures should be within the quotas: %+v", r)
	}
	y, err := titles.Load("cum2-years/titles-illustrative-centre.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := y.Check()
	var found []string
	for _, f := range r.Failures {
		found = append(found, string(f.For)+" "+f.ID+" "+f.Title+" "+f.Condition.Key)
	}
	want := []string{"collective KT ttldtt titles.condition.members", "collective KT ttldxs titles.condition.members", "individual P05 cstdcs titles.condition.initiative"}
	if !slices.Equal(found, want) {
		t.Errorf("failures %v, want %v", found, want)
	}
	for _, tc := range r.Titles {
		if tc.Title == "cstdcs" && (tc.Cap == nil || !tc.Cap.Over || tc.Cap.Allowed != 1) {
			t.Errorf("cstdcs cap %+v, want 1 allowed and over", tc.Cap)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }
