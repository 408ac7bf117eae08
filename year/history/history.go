package history

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// The years a history accepts.
const (
	minYear = 1900
	maxYear = 9999
)

// History is a validated, immutable record of clusters over the years.
// Create one with New, Parse or Load. Its accessors return copies; nothing
// a caller does with them changes the history.
type History struct {
	spec       Spec
	units      map[string]Unit
	clusterIdx map[string]int
	mergedAway map[string]int   // unit → index of the merger it is a predecessor in
	createdBy  map[string][]int // unit → indices of the mergers it succeeds in
	results    map[resultKey]*Result
	warnings   []Warning // rulebook change control (control.go)
}

type resultKey struct {
	cluster string
	year    int
}

// Result is a cluster's result for one year.
type Result struct {
	Cluster string
	Year    int
	// Awards are the year's proposals: those recorded in the history if it
	// records them, else those of the standings.
	Awards []AwardRecord
	// Rulebook, Sheet and Standings are set when Load ranked the year's
	// sheet. The sheet is the one ranked: the file's rows plus the past
	// awards and streak facts the history fed it.
	Rulebook  *rules.Rulebook
	Sheet     *scoring.Sheet
	Standings *ranking.Standings
}

// New validates spec and returns the history it describes, without reading
// any file it refers to (rulebook and sheet paths are kept, not loaded; use
// Load for that). Every problem is reported, as Errors, with the key path,
// cluster, year and member concerned. The spec is copied.
func New(spec Spec) (*History, error) {
	h, ps := build(spec, nil)
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return h, nil
}

// resolver loads the files a history refers to; nil for New and Parse.
type resolver struct {
	dir  string // the directory paths are relative to
	file string // the history file, for messages
}

func build(spec Spec, res *resolver) (*History, []check.Problem[ctx]) {
	s := cloneSpec(spec)
	for ci := range s.Clusters {
		for yi := range s.Clusters[ci].Years {
			for ai := range s.Clusters[ci].Years[yi].Awards {
				if a := &s.Clusters[ci].Years[yi].Awards[ai]; a.Status == "" {
					a.Status = Proposed
				}
			}
		}
	}
	h := &History{
		spec:       s,
		units:      map[string]Unit{},
		clusterIdx: map[string]int{},
		mergedAway: map[string]int{},
		createdBy:  map[string][]int{},
		results:    map[resultKey]*Result{},
	}
	v := check.New[ctx](idKeys, 0)
	if s.Schema != "" && s.Schema != Schema {
		v.Add("schema", ctx{}, lang.Msg("history.err.schema", strconv.Quote(s.Schema), Schema))
	}
	h.validateUnits(v)
	h.validateMergers(v)
	h.validateClusters(v)
	for ci := range h.spec.Clusters {
		h.validateLeadership(v, &h.spec.Clusters[ci], fmt.Sprintf("clusters[%d]", ci))
	}
	h.results = map[resultKey]*Result{}
	h.computeResults(v, res)
	if v.Failed() {
		return nil, v.Problems
	}
	return h, nil
}

func (h *History) validateUnits(v *validator) {
	if len(h.spec.Units) == 0 {
		v.Add("units", ctx{}, lang.Msg("history.err.units.none"))
	}
	for i, u := range h.spec.Units {
		p := fmt.Sprintf("units[%d]", i)
		if !v.ID(u.ID, p+".id", lang.Msg("history.err.noun.unit"), ctx{}) {
			continue
		}
		if _, dup := h.units[u.ID]; dup {
			v.Add(p+".id", ctx{member: u.ID}, lang.Msg("history.err.unit.twice"))
			continue
		}
		if strings.TrimSpace(u.Name) == "" {
			v.Add(p+".name", ctx{member: u.ID}, lang.Msg("history.err.unit.name"))
		}
		h.units[u.ID] = u
	}
}

// knownUnit reports whether u is a unit of the history, adding a problem if
// not.
func (h *History) knownUnit(v *validator, u, path string, x ctx) bool {
	if _, ok := h.units[u]; ok {
		return true
	}
	if strings.TrimSpace(u) == "" {
		v.Add(path, x, lang.Msg("history.err.unit.missing"))
	} else {
		v.Add(path, x.with(u), lang.Msg("history.err.unit.unknown", strconv.Quote(u)))
	}
	return false
}

func yearOK(v *validator, y int, path string, x ctx) bool {
	if y < minYear || y > maxYear {
		v.Add(path, x, lang.Msg("history.err.year.range", minYear, maxYear, y))
		return false
	}
	return true
}

func (h *History) validateMergers(v *validator) {
	for i, m := range h.spec.Mergers {
		p := fmt.Sprintf("mergers[%d]", i)
		x := ctx{year: m.Year}
		okYear := yearOK(v, m.Year, p+".year", x)
		if okYear && !m.Date.IsZero() && m.Date.Year() != m.Year && m.Date.Year() != m.Year-1 {
			v.Add(p+".date", x, lang.Msg("history.err.merger.date", m.Date.String(), m.Year))
		}
		intoOK := h.knownUnit(v, m.Into, p+".into", x)
		if len(m.From) == 0 {
			v.Add(p+".from", x, lang.Msg("history.err.merger.from"))
		}
		for j, f := range m.From {
			fp := fmt.Sprintf("%s.from[%d]", p, j)
			if !h.knownUnit(v, f, fp, x) {
				continue
			}
			if f == m.Into {
				v.Add(fp, x.with(f), lang.Msg("history.err.merger.into_itself"))
				continue
			}
			if slices.Contains(m.From[:j], f) {
				v.Add(fp, x.with(f), lang.Msg("history.err.merger.from_twice"))
				continue
			}
			if prev, dup := h.mergedAway[f]; dup {
				v.Add(fp, x.with(f), lang.Msg("history.err.merger.already", prev, h.spec.Mergers[prev].Year))
				continue
			}
			h.mergedAway[f] = i
		}
		for j, c := range m.Carries {
			if !slices.Contains(m.From, c) {
				v.Add(fmt.Sprintf("%s.carries[%d]", p, j), x.with(c), lang.Msg("history.err.merger.carries", c))
			}
		}
		if intoOK {
			h.createdBy[m.Into] = append(h.createdBy[m.Into], i)
		}
	}
	// A successor must not be a unit already merged away by then: that would
	// make the lineage circular.
	for u, i := range h.mergedAway {
		for _, j := range h.createdBy[u] {
			if h.spec.Mergers[j].Year >= h.spec.Mergers[i].Year {
				v.Add(fmt.Sprintf("mergers[%d].into", j), ctx{year: h.spec.Mergers[j].Year, member: u},
					lang.Msg("history.err.merger.circular", u, h.spec.Mergers[i].Year, i, h.spec.Mergers[j].Year))
			}
		}
	}
}

func (h *History) validateClusters(v *validator) {
	if len(h.spec.Clusters) == 0 {
		v.Add("clusters", ctx{}, lang.Msg("history.err.clusters.none"))
	}
	for ci := range h.spec.Clusters {
		c := &h.spec.Clusters[ci]
		p := fmt.Sprintf("clusters[%d]", ci)
		if v.ID(c.ID, p+".id", lang.Msg("history.err.noun.cluster"), ctx{}) {
			if _, dup := h.clusterIdx[c.ID]; dup {
				v.Add(p+".id", ctx{cluster: c.ID}, lang.Msg("history.err.cluster.twice"))
			} else {
				h.clusterIdx[c.ID] = ci
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			v.Add(p+".name", ctx{cluster: c.ID}, lang.Msg("history.err.cluster.name"))
		}
		if len(c.Years) == 0 {
			v.Add(p+".years", ctx{cluster: c.ID}, lang.Msg("history.err.cluster.years"))
		}
		seen := map[int]int{}
		for yi, y := range c.Years {
			yp := fmt.Sprintf("%s.years[%d]", p, yi)
			x := ctx{cluster: c.ID, year: y.Year}
			if !yearOK(v, y.Year, yp+".year", x) {
				continue
			}
			if prev, dup := seen[y.Year]; dup {
				v.Add(yp+".year", x, lang.Msg("history.err.year.twice", prev))
				continue
			}
			seen[y.Year] = yi
			h.validateYear(v, c, y, yp)
		}
		h.validateChanges(v, c, p)
		for i, l := range c.StreakFacts {
			sp := fmt.Sprintf("%s.streak_facts[%d]", p, i)
			if !v.ID(l.Fact, sp+".fact", lang.Msg("history.err.noun.streak_fact"), ctx{}) {
				continue
			}
			if strings.TrimSpace(l.Award) == "" {
				v.Add(sp+".award", ctx{cluster: c.ID}, lang.Msg("history.err.streak.award"))
			}
			if l.MaxConsecutive < 1 {
				v.Add(sp+".max_consecutive", ctx{cluster: c.ID}, lang.Msg("history.err.streak.max", l.MaxConsecutive))
			}
			for _, o := range c.StreakFacts[:i] {
				if o.Fact == l.Fact {
					v.Add(sp+".fact", ctx{cluster: c.ID}, lang.Msg("history.err.streak.twice", strconv.Quote(l.Fact)))
				}
			}
		}
	}
}

func (h *History) validateYear(v *validator, c *Cluster, y Year, yp string) {
	x := ctx{cluster: c.ID, year: y.Year}
	if len(y.Members) == 0 {
		v.Add(yp+".members", x, lang.Msg("history.err.year.members"))
	}
	for i, m := range y.Members {
		mp := fmt.Sprintf("%s.members[%d]", yp, i)
		if !h.knownUnit(v, m, mp, x) {
			continue
		}
		if slices.Contains(y.Members[:i], m) {
			v.Add(mp, x.with(m), lang.Msg("history.err.member.twice"))
			continue
		}
		if mi, gone := h.mergedAway[m]; gone && h.spec.Mergers[mi].Year <= y.Year {
			v.Add(mp, x.with(m), lang.Msg("history.err.member.merged", m, h.spec.Mergers[mi].Into, h.spec.Mergers[mi].Year, y.Year))
		}
		if created := h.createdBy[m]; len(created) > 0 {
			first := h.spec.Mergers[created[0]].Year
			for _, j := range created {
				first = min(first, h.spec.Mergers[j].Year)
			}
			if y.Year < first {
				v.Add(mp, x.with(m), lang.Msg("history.err.member.created", m, first, y.Year))
			}
		}
	}
	if y.Sheet != "" && y.Rulebook.Path == "" {
		v.Add(yp+".sheet", x, lang.Msg("history.err.sheet.no_rulebook_path"))
	}
	if y.Rulebook == (RulebookRef{}) {
		v.Add(yp+".rulebook", x, lang.Msg("history.err.rulebook.missing"))
	} else if y.Rulebook.Path == "" && (y.Rulebook.ID == "" || y.Rulebook.Version == "") {
		v.Add(yp+".rulebook", x, lang.Msg("history.err.rulebook.ref"))
	}
	type ma struct{ member, award string }
	seen := map[ma]bool{}
	for i, a := range y.Awards {
		ap := fmt.Sprintf("%s.awards[%d]", yp, i)
		ax := x.with(a.Member)
		if h.knownUnit(v, a.Member, ap+".member", x) && !slices.Contains(y.Members, a.Member) {
			v.Add(ap+".member", ax, lang.Msg("history.err.award.not_member", y.Year))
		}
		if strings.TrimSpace(a.Award) == "" {
			v.Add(ap+".award", ax, lang.Msg("history.err.award.tier"))
		}
		if a.Status != Proposed && a.Status != Awarded && a.Status != Cut {
			v.Add(ap+".status", ax, lang.Msg("history.err.award.status", strconv.Quote(string(a.Status))))
		}
		if a.Rank < 0 {
			v.Add(ap+".rank", ax, lang.Msg("history.err.award.rank", a.Rank))
		}
		if seen[ma{a.Member, a.Award}] {
			v.Add(ap, ax, lang.Msg("history.err.award.twice", a.Award))
		}
		seen[ma{a.Member, a.Award}] = true
	}
}

// validateChanges explains every change of membership between consecutive
// recorded years by a join, a departure or a merger.
func (h *History) validateChanges(v *validator, c *Cluster, p string) {
	idx := yearIndex(c)
	ys := slices.Sorted(maps.Keys(idx))
	for k, y := range ys {
		cur := c.Years[idx[y]]
		yp := fmt.Sprintf("%s.years[%d]", p, idx[y])
		x := ctx{cluster: c.ID, year: y}
		if k == 0 {
			for i, u := range cur.Left {
				v.Add(fmt.Sprintf("%s.left[%d]", yp, i), x.with(u), lang.Msg("history.err.left.first_year", y))
			}
			for i, u := range cur.Joined {
				if !slices.Contains(cur.Members, u) {
					v.Add(fmt.Sprintf("%s.joined[%d]", yp, i), x.with(u), lang.Msg("history.err.joined.not_member", y))
				}
			}
			continue
		}
		py := ys[k-1]
		prev := c.Years[idx[py]]
		between := func(f func(m Merger) bool) bool {
			for _, m := range h.spec.Mergers {
				if m.Year > py && m.Year <= y && f(m) {
					return true
				}
			}
			return false
		}
		for i, u := range cur.Joined {
			jp := fmt.Sprintf("%s.joined[%d]", yp, i)
			switch {
			case !slices.Contains(cur.Members, u):
				v.Add(jp, x.with(u), lang.Msg("history.err.joined.not_member", y))
			case slices.Contains(prev.Members, u):
				v.Add(jp, x.with(u), lang.Msg("history.err.joined.already", py))
			}
		}
		for i, u := range cur.Left {
			lp := fmt.Sprintf("%s.left[%d]", yp, i)
			switch {
			case slices.Contains(cur.Members, u):
				v.Add(lp, x.with(u), lang.Msg("history.err.left.still", y))
			case !slices.Contains(prev.Members, u):
				v.Add(lp, x.with(u), lang.Msg("history.err.left.not_member", py))
			}
		}
		for i, u := range cur.Members {
			if _, known := h.units[u]; !known || slices.Contains(prev.Members, u) || slices.Contains(cur.Joined, u) {
				continue // an unknown unit is reported once, as unknown
			}
			if between(func(m Merger) bool { return m.Into == u }) {
				continue
			}
			v.Add(fmt.Sprintf("%s.members[%d]", yp, i), x.with(u),
				lang.Msg("history.err.member.unexplained_join", u, y, py))
		}
		for _, u := range prev.Members {
			if _, known := h.units[u]; !known || slices.Contains(cur.Members, u) || slices.Contains(cur.Left, u) {
				continue
			}
			if between(func(m Merger) bool { return slices.Contains(m.From, u) }) {
				continue
			}
			v.Add(yp+".members", x.with(u),
				lang.Msg("history.err.member.unexplained_leave", u, py, y))

		}
	}
}

// yearIndex maps each valid, distinct year of c to its index in c.Years.
func yearIndex(c *Cluster) map[int]int {
	idx := map[int]int{}
	for i, y := range c.Years {
		if y.Year < minYear || y.Year > maxYear {
			continue
		}
		if _, dup := idx[y.Year]; !dup {
			idx[y.Year] = i
		}
	}
	return idx
}

// cluster returns the cluster with the given id.
func (h *History) cluster(id string) (*Cluster, bool) {
	i, ok := h.clusterIdx[id]
	if !ok {
		return nil, false
	}
	return &h.spec.Clusters[i], true
}

// members returns the members of c in year y.
func (h *History) members(c *Cluster, y int) ([]string, bool) {
	for _, yr := range c.Years {
		if yr.Year == y {
			return yr.Members, true
		}
	}
	return nil, false
}

func joinWords[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// cloneSpec deep-copies a spec.
func cloneSpec(s Spec) Spec {
	out := s
	out.Units = slices.Clone(s.Units)
	out.Mergers = slices.Clone(s.Mergers)
	for i := range out.Mergers {
		out.Mergers[i].From = slices.Clone(s.Mergers[i].From)
		out.Mergers[i].Carries = slices.Clone(s.Mergers[i].Carries)
	}
	out.Clusters = slices.Clone(s.Clusters)
	for i := range out.Clusters {
		c := &out.Clusters[i]
		c.Years = slices.Clone(c.Years)
		for j := range c.Years {
			y := &c.Years[j]
			y.Members = slices.Clone(y.Members)
			y.Joined = slices.Clone(y.Joined)
			y.Left = slices.Clone(y.Left)
			y.Awards = slices.Clone(y.Awards)
		}
		c.StreakFacts = slices.Clone(c.StreakFacts)
		if r := c.Leadership.Rotation; r != nil {
			rc := *r
			rc.Order = slices.Clone(r.Order)
			c.Leadership.Rotation = &rc
		}
		c.Leadership.Terms = slices.Clone(c.Leadership.Terms)
		for k := range c.Leadership.Terms {
			c.Leadership.Terms[k] = cloneTerm(c.Leadership.Terms[k])
		}
	}
	return out
}

// Spec returns a deep copy of the history's description, with defaults
// filled in (an award record's status).
func (h *History) Spec() Spec { return cloneSpec(h.spec) }

// Province returns the province the history is about.
func (h *History) Province() string { return h.spec.Province }

// Units returns every unit, in the file's order.
func (h *History) Units() []Unit { return slices.Clone(h.spec.Units) }

// Unit returns the unit with the given id.
func (h *History) Unit(id string) (Unit, bool) { u, ok := h.units[id]; return u, ok }

// Name returns the unit's name, or the id if the unit is unknown.
func (h *History) Name(id string) string {
	if u, ok := h.units[id]; ok {
		return u.Name
	}
	return id
}

// Clusters returns the clusters' ids, in the file's order.
func (h *History) Clusters() []string {
	out := make([]string, len(h.spec.Clusters))
	for i, c := range h.spec.Clusters {
		out[i] = c.ID
	}
	return out
}

// Cluster returns a copy of the cluster with the given id.
func (h *History) Cluster(id string) (Cluster, bool) {
	c, ok := h.cluster(id)
	if !ok {
		return Cluster{}, false
	}
	s := cloneSpec(Spec{Clusters: []Cluster{*c}})
	return s.Clusters[0], true
}

// Years returns the cluster's recorded years, in order.
func (h *History) Years(cluster string) []int {
	c, ok := h.cluster(cluster)
	if !ok {
		return nil
	}
	return slices.Sorted(maps.Keys(yearIndex(c)))
}

// Members returns the cluster's members in the year, in the file's order.
func (h *History) Members(cluster string, year int) ([]string, bool) {
	c, ok := h.cluster(cluster)
	if !ok {
		return nil, false
	}
	m, ok := h.members(c, year)
	return slices.Clone(m), ok
}

// Mergers returns the mergers, ordered by year.
func (h *History) Mergers() []Merger {
	out := cloneSpec(Spec{Mergers: h.spec.Mergers}).Mergers
	slices.SortStableFunc(out, func(a, b Merger) int { return cmp.Compare(a.Year, b.Year) })
	return out
}

// idKeys are the problems with an id in a history file.
var idKeys = check.IDKeys{Missing: "history.err.id.missing", Malformed: "history.err.id.malformed"}
