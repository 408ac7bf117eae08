package server

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/simulation"
)

// vi is the language of the page.
const vi = lang.Vietnamese

// pageView is what the page template shows.
type pageView struct {
	Examples []example
	// Source is the rulebook's source: an example's id or uploadChoice.
	Source string
	// Rules and Scores are the files uploaded so far, carried in hidden
	// fields (Rules only for an uploaded rulebook).
	Rules, Scores *keptFile
	// Rulebook describes the rulebook in use, once it has been read.
	Rulebook *rulebookView
	// Form holds the parameters typed, shown again.
	Form map[string]string
	// Problems are the problems found, by the field they concern ("rules",
	// "scores", "recorded", "model", "range" …; "" for the others).
	Problems map[string][]problemView
	Result   *resultView
	Sim      *simView
	// Open is the section to show opened ("mo-phong").
	Open string

	example  *example // the example rulebook in use, if any
	rendered bool     // the action filled the view (rather than writing a file)
}

func newPageView() *pageView {
	return &pageView{Examples: examples, Source: examples[0].ID, Form: map[string]string{}, Problems: map[string][]problemView{}}
}

// keptFile is an uploaded file the page carries back.
type keptFile struct {
	Name string
	Data string // base64
}

// rulebookView identifies the rulebook in use. Council and Decides name,
// in Vietnamese, who considers the cluster's proposals (xem xét) and who
// decides (quyết định): the rulebook's authority or the provincial default.
type rulebookView struct {
	Title, ID, Version, Hash, Jurisdiction string
	Council, Decides                       string
	Criteria, Awards                       int
	AwardNames                             []string
}

func (v *pageView) setRulebook(rb *rules.Rulebook) {
	auth := rb.Authority()
	rv := &rulebookView{Title: rb.Title(), ID: rb.ID(), Version: rb.Version(), Hash: rb.Hash(), Jurisdiction: rb.Jurisdiction(),
		Council: auth.CouncilName().In(lang.Vietnamese), Decides: auth.DecidesName().In(lang.Vietnamese)}
	for _, n := range rb.Nodes() {
		if !n.IsGroup() {
			rv.Criteria++
		}
	}
	for _, a := range rb.Awards() {
		rv.AwardNames = append(rv.AwardNames, a.Name)
	}
	v.Rulebook = rv
}

// HasProblems reports whether any problem is shown.
func (v *pageView) HasProblems() bool {
	for _, ps := range v.Problems {
		if len(ps) > 0 {
			return true
		}
	}
	return false
}

// Selected reports whether the rulebook's source is id.
func (v *pageView) Selected(id string) bool { return v.Source == id }

// problemView is one problem as the page shows it beside its field: the
// cell or line, the member and criterion by name, the sentence.
type problemView struct {
	Cell      string // a workbook's cell: "Bảng điểm!G9"
	Place     string // otherwise: "dòng 4", "criteria[1].max"
	Member    string
	Criterion string
	Text      string
	Code      string
}

// fail shows err's problems beside their fields and returns the status
// the page is answered with.
func (v *pageView) fail(err error, in *request) int {
	v.rendered = true
	var names map[string]string
	var rb *rules.Rulebook
	if in != nil {
		rb, names = namesFor(in)
	}
	var pe *pageError
	var status int
	var rest []error
	for _, e := range flatten(err) {
		if errors.As(e, &pe) {
			v.Problems[pe.field] = append(v.Problems[pe.field], problemView{Text: pe.text})
			status = max(status, http.StatusUnprocessableEntity)
			continue
		}
		rest = append(rest, e)
	}
	if len(rest) == 0 {
		return status
	}
	joined := errors.Join(rest...)
	if len(rest) == 1 {
		joined = rest[0]
	}
	ps := Describe(joined)
	status = max(status, statusOf(joined, ps))
	var re *requestError
	reqField := ""
	if errors.As(err, &re) {
		status, reqField = re.Status, re.Path
	}
	for _, p := range ps {
		f := fieldOf(p, in, reqField)
		v.Problems[f] = append(v.Problems[f], problemOf(p, rb, func(id string) string { return names[id] }))
	}
	return status
}

// resultFields are the fields shown only with the standings.
var resultFields = []string{"what", "place", "issuer", "recorded", "model", "range", "step", "n", "seed"}

// isSheetProblem reports whether a problem concerns the rulebook or the
// workbook (so that there are no standings to show).
func isSheetProblem(v *pageView) bool {
	return len(v.Problems["rules"]) > 0 || len(v.Problems["scores"]) > 0
}

// placeProblems moves the problems of fields the page does not show to the
// top of the page.
func (v *pageView) placeProblems() {
	shown := map[string]bool{"": true, "rules": true, "scores": true, "members": true, "year": true}
	if v.Result != nil {
		for _, f := range resultFields {
			shown[f] = true
		}
	}
	for f, ps := range v.Problems {
		if !shown[f] {
			v.Problems[""] = append(v.Problems[""], ps...)
			delete(v.Problems, f)
		}
	}
}

// fieldOf is the form field a problem concerns: the file it names, or the
// field of a request error.
func fieldOf(p Problem, in *request, reqField string) string {
	if p.Where != nil && in != nil {
		for _, name := range []string{"scores", "rules", "recorded", "model", "members"} {
			if up, ok := in.files[name]; ok && p.Where.File == up.name {
				return name
			}
		}
		if p.Where.Path != "" && reqField == "" {
			if _, ok := lookup(pageFields, p.Where.Path); ok {
				return p.Where.Path
			}
		}
	}
	if reqField != "" {
		return reqField
	}
	if p.Where != nil && p.Where.Cell != "" {
		return "scores"
	}
	return ""
}

// namesFor reads, as far as it can, the rulebook and the members' names
// of the request, to name them in problems.
func namesFor(in *request) (*rules.Rulebook, map[string]string) {
	rb, err := rulebook(in)
	if err != nil {
		return nil, nil
	}
	names := map[string]string{}
	if _, ok := in.files["scores"]; ok {
		if sh, _, err := readSheet(in, rb, "scores", false); err == nil || len(sh.Members) > 0 {
			for _, m := range sh.Members {
				names[m.ID] = m.Name
			}
		}
	}
	return rb, names
}

// problemOf writes a problem for the page: the place apart (the cell
// first), the sentence without the place the API's text starts with.
func problemOf(p Problem, rb *rules.Rulebook, name func(id string) string) problemView {
	pv := problemView{Code: p.Code, Text: p.Text.VI}
	if p.Message != nil {
		m := *p.Message
		for strings.HasPrefix(m.Key, "problem.") && len(m.Parts) > 0 {
			m = m.Parts[len(m.Parts)-1]
		}
		if m.Key != "problem.text" && !m.IsZero() {
			pv.Text = m.In(vi)
		}
	}
	if w := p.Where; w != nil {
		switch {
		case w.Cell != "":
			pv.Cell = w.Cell
		case w.Line > 0 && w.Column > 0:
			pv.Place = fmt.Sprintf("dòng %d, cột %d", w.Line, w.Column)
		case w.Line > 0:
			pv.Place = fmt.Sprintf("dòng %d", w.Line)
		case w.Path != "":
			pv.Place = w.Path
		}
		if w.Cell != "" {
			// The cell is shown apart: take it out of the sentence.
			pv.Text = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(pv.Text, w.Cell), ":"))
		}
	}
	if p.Member != "" {
		pv.Member = p.Member
		if n := name(p.Member); n != "" {
			pv.Member = n
		}
	}
	if p.Criterion != "" {
		pv.Criterion = p.Criterion
		if rb != nil {
			if n, ok := rb.Node(p.Criterion); ok && n.Name != "" {
				pv.Criterion = p.Criterion + ". " + n.Name
			}
		}
	}
	return pv
}

// resultView is the standings as the page shows them.
type resultView struct {
	Cluster   string
	Year      int
	BasisName string
	Rows      []rowView
	Awards    []awardView
	Ties      []string
	Failed    []failView
	Diverge   []divergeView
	Warnings  []problemView
	Lots      string
	SheetHash string
	Top       *rowView
	// Grades are the grading bands (xếp loại), highest first, if the
	// rulebook grades its members; GradesNote says that a band needs no
	// rank.
	Grades     []gradeView
	GradesNote string
}

// gradeView is a grading band with its members, by name.
type gradeView struct {
	Name    string
	Members []string
}

// rowView is one member's row: rank, name, total, the award proposed (by
// name) and the reason for its place.
type rowView struct {
	Rank       int
	Tied       bool
	Name, ID   string
	Total      string
	Awards     []string
	AwardClass string // "flag" for the first tier, "award" for another
	Reason     string
	Brief      string
	Failed     []string
	Grade      string // the band by name; "—" if the member has none
}

// awardView is an award tier's proposal, by names.
type awardView struct {
	Name     string
	Quota    int
	Proposed []string
	Pending  string
	Blocked  string
	Passed   []string // members passed over, with the conditions they fail
}

// failView is an eligibility condition a member does not meet.
type failView struct {
	Member, Reason, Detail string
}

// divergeView is a self-assessment that diverges from the counted points.
type divergeView struct {
	Member, What, Self, Counted, Gap, Threshold string
}

func newResultView(rb *rules.Rulebook, st *ranking.Standings, ws []Problem) *resultView {
	names := st.Names()
	name := names.Member
	tierClass := map[string]string{}
	for i, a := range rb.Awards() {
		tierClass[a.ID] = "award"
		if i == 0 {
			tierClass[a.ID] = "flag"
		}
	}
	reason := func(id string) string {
		if c, ok := rb.Condition(id); ok && c.Reason != "" {
			return c.Reason
		}
		return id
	}
	rv := &resultView{Cluster: st.Cluster, Year: st.Year, BasisName: "Tổng điểm", SheetHash: st.SheetHash}
	if st.Basis == rules.ByPercent {
		rv.BasisName = "Tỷ lệ %"
	}
	places := int32(0)
	for _, r := range st.Rows {
		places = max(places, -r.Basis.Exponent(), -r.Total.Exponent())
	}
	for _, r := range st.Rows {
		row := rowView{Rank: r.Rank, Tied: r.Tied, Name: r.Member.Name, ID: r.Member.ID, Total: vi.Number(r.Basis.StringFixed(places))}
		for _, a := range r.Awards {
			row.Awards = append(row.Awards, names.Tier(a))
			if row.AwardClass == "" {
				row.AwardClass = tierClass[a]
			}
		}
		if len(st.Grades) > 0 {
			row.Grade = "—"
			if r.Grade != "" {
				row.Grade = names.Grade(r.Grade)
			}
		}
		if d := r.DecidedBy; d != nil {
			row.Brief = names.Of(d.BriefMessage()).In(vi)
			row.Reason = names.Of(d.Message()).In(vi)
		}
		for _, f := range r.Failed {
			row.Failed = append(row.Failed, f.Reason)
			rv.Failed = append(rv.Failed, failView{Member: r.Member.Name, Reason: f.Reason, Detail: names.Of(f.Message).In(vi)})
		}
		for _, d := range r.Card.Divergences {
			what := "Tổng điểm"
			if d.Criterion != "" {
				what = "Tiêu chí " + d.Criterion
				if n, ok := rb.Node(d.Criterion); ok && n.Name != "" {
					what += ". " + n.Name
				}
			}
			rv.Diverge = append(rv.Diverge, divergeView{Member: r.Member.Name, What: what,
				Self: vi.Decimal(d.Self), Counted: vi.Decimal(d.Counted), Gap: vi.Decimal(d.Gap), Threshold: vi.Decimal(d.Threshold)})
		}
		rv.Rows = append(rv.Rows, row)
	}
	if len(rv.Rows) > 0 {
		rv.Top = &rv.Rows[0]
	}
	for _, g := range st.Grades {
		rv.Grades = append(rv.Grades, gradeView{Name: g.Name, Members: names.Members(g.Members)})
		rv.GradesNote = vi.Say("page.grades_note")
	}
	pendingTier := ""
	for _, a := range st.Awards {
		av := awardView{Name: a.Name, Quota: a.Quota}
		for _, id := range a.Proposed {
			av.Proposed = append(av.Proposed, name(id))
		}
		if a.Pending != nil {
			var cs []string
			for _, id := range a.Pending.Candidates {
				cs = append(cs, name(id))
			}
			av.Pending = fmt.Sprintf("%d suất chờ phân định giữa %s (bằng điểm chưa phân định)", a.Pending.Places, vi.Join(cs))
			pendingTier = a.Name
		}
		if !a.Blocked.IsZero() {
			av.Blocked = "Chưa xét: chờ phân định trường hợp bằng điểm ở " + pendingTier
		}
		for _, sk := range a.Skipped {
			av.Passed = append(av.Passed, fmt.Sprintf("Bỏ qua %s: không đạt %s", name(sk.Member), withGrade(rb, st, names, a.Tier, sk, joinReasons(sk.Failed, reason))))
		}
		for _, sk := range a.Forfeited {
			av.Passed = append(av.Passed, fmt.Sprintf("Không trao suất: %s không đạt %s", name(sk.Member), withGrade(rb, st, names, a.Tier, sk, joinReasons(sk.Failed, reason))))
		}
		rv.Awards = append(rv.Awards, av)
	}
	// only the ties that decide an award are listed; members who share a
	// rank otherwise show it by their rank ("6=") and its reason (đồng hạng)
	for _, t := range st.UnresolvedTies() {
		var ms, tried []string
		for _, id := range t.Members {
			ms = append(ms, name(id))
		}
		for _, r := range t.Tried {
			tried = append(tried, vi.Rule(names.Rule(r)))
		}
		line := fmt.Sprintf("Hạng %d: %s — bằng nhau theo mọi tiêu chí ưu tiên (%s)", t.Rank, vi.Join(ms), strings.Join(tried, ", "))
		if !t.Note.IsZero() && t.Note.Key != "tie.equal" {
			line += ": " + names.Of(t.Note).In(vi)
		}
		rv.Ties = append(rv.Ties, line)
	}
	if st.Lots != nil && len(st.Lots.Draws) > 0 {
		var draws []string
		for _, d := range st.Lots.Draws {
			var ms []string
			for _, id := range d {
				ms = append(ms, name(id))
			}
			draws = append(draws, strings.Join(ms, " → "))
		}
		rv.Lots = "Bốc thăm: " + strings.Join(draws, "; ")
	}
	for _, w := range ws {
		rv.Warnings = append(rv.Warnings, problemOf(w, rb, names.Member))
	}
	return rv
}

// withGrade adds to the reasons an award tier passes over a member the
// band it requires, if the member's does not reach it
// (ranking.GradeShortfall).
func withGrade(rb *rules.Rulebook, st *ranking.Standings, names ranking.Names, tier string, sk ranking.Skip, reasons string) string {
	m := ranking.GradeShortfall(rb, st, tier, sk.Member)
	if m.IsZero() {
		return reasons
	}
	if len(sk.Failed) == 0 {
		return names.Of(m).In(vi)
	}
	return reasons + "; " + names.Of(m).In(vi)
}

func joinReasons(ids []string, reason func(string) string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "“" + reason(id) + "”"
	}
	return vi.Join(out)
}

// simView is a simulation's result as the page shows it: a bar per member
// split by rank, and the probability of each award.
type simView struct {
	Scenarios, Completed int
	Seed                 uint64
	Partial              bool
	Engine               string
	Tiers                []string
	Ranks                []int // 1 … the number of members, for the legend
	Members              []simMember
	Ties, Pending        string
	Height               int
}

// simMember is one member's bar.
type simMember struct {
	Name   string
	Y      int
	Segs   []simSeg
	Awards []string // per tier, "41,9%" or "—"
}

// simSeg is one rank's share of a member's bar, in percent of its width.
type simSeg struct {
	Rank     int
	X, W     float64
	Color    string
	Label    string
	ShowText bool
}

// simPalette runs from green (rank 1) to red; ranks beyond it are grey.
var simPalette = []string{"#1a9850", "#66bd63", "#a6d96a", "#d9ef8b", "#fee08b", "#fdae61", "#f46d43", "#d73027", "#a50026", "#67001f"}

func simColor(rank int) string {
	if rank-1 < len(simPalette) {
		return simPalette[rank-1]
	}
	return "#bbbbbb"
}

// share writes a probability in Vietnamese: "41,9%", "<0,1%", "—".
func share(s simulation.Share) string {
	if s.Count == 0 {
		return "—"
	}
	p := s.P.Mul(decimal.NewFromInt(100))
	if p.LessThan(decimal.RequireFromString("0.1")) {
		return "<0,1%"
	}
	return vi.Number(p.StringFixed(1)) + "%"
}

func newSimView(rb *rules.Rulebook, res *simulation.Result) *simView {
	sv := &simView{Scenarios: res.Scenarios, Completed: res.Completed, Seed: res.Seed, Partial: res.Partial,
		Ties: share(res.Ties), Pending: share(res.Pending)}
	sv.Engine = "chính xác, số nguyên (bộ tính biên dịch)"
	if !strings.HasPrefix(res.Engine, "compiled") {
		sv.Engine = "chính xác, số thập phân"
	}
	for _, t := range res.Tiers {
		n := t
		if a, ok := rb.Award(t); ok && a.Name != "" {
			n = a.Name
		}
		sv.Tiers = append(sv.Tiers, n)
	}
	for i, mo := range res.ByOdds() {
		m := simMember{Name: mo.Member.Name, Y: i * 30}
		x := 0.0
		for k, s := range mo.Ranks {
			p, _ := s.P.Float64() // drawing only
			w := p * 100
			if s.Count > 0 {
				m.Segs = append(m.Segs, simSeg{Rank: k + 1, X: x, W: w, Color: simColor(k + 1),
					Label: fmt.Sprintf("%s — hạng %d: %s", mo.Member.Name, k+1, share(s)), ShowText: w >= 9})
			}
			x += w
		}
		for _, a := range mo.Awards {
			m.Awards = append(m.Awards, share(a))
		}
		sv.Members = append(sv.Members, m)
	}
	for k := range min(len(res.Members), len(simPalette)) {
		sv.Ranks = append(sv.Ranks, k+1)
	}
	sv.Height = len(sv.Members)*30 + 4
	return sv
}

// RankColor is the colour of a rank in the chart's legend.
func (sv *simView) RankColor(rank int) string { return simColor(rank) }

// Pct writes a segment's share for the label inside the bar.
func (sg simSeg) Pct() string { return vi.Number(fmt.Sprintf("%.0f", sg.W)) + "%" }
