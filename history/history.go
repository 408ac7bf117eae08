package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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
	h, es := build(spec, nil)
	if len(es) > 0 {
		return nil, es
	}
	return h, nil
}

// resolver loads the files a history refers to; nil for New and Parse.
type resolver struct {
	dir  string // the directory paths are relative to
	file string // the history file, for messages
}

func build(spec Spec, res *resolver) (*History, Errors) {
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
	v := &validator{}
	if s.Schema != "" && s.Schema != Schema {
		v.add("schema", ctx{}, "unknown schema %q (expected %s)", s.Schema, Schema)
	}
	h.validateUnits(v)
	h.validateMergers(v)
	h.validateClusters(v)
	for ci := range h.spec.Clusters {
		h.validateLeadership(v, &h.spec.Clusters[ci], fmt.Sprintf("clusters[%d]", ci))
	}
	h.results = map[resultKey]*Result{}
	h.computeResults(v, res)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return h, nil
}

func (h *History) validateUnits(v *validator) {
	if len(h.spec.Units) == 0 {
		v.add("units", ctx{}, "a history needs its units (id and name of every unit that was ever a member)")
	}
	for i, u := range h.spec.Units {
		p := fmt.Sprintf("units[%d]", i)
		if !idOK(v, u.ID, p+".id", "unit") {
			continue
		}
		if _, dup := h.units[u.ID]; dup {
			v.add(p+".id", ctx{member: u.ID}, "unit id given twice")
			continue
		}
		if strings.TrimSpace(u.Name) == "" {
			v.add(p+".name", ctx{member: u.ID}, "a unit needs a name (e.g. Sở Công Thương)")
		}
		h.units[u.ID] = u
	}
}

func idOK(v *validator, id, path, what string) bool {
	switch {
	case strings.TrimSpace(id) == "":
		v.add(path, ctx{}, "a %s needs an id", what)
		return false
	case strings.TrimSpace(id) != id || strings.ContainsAny(id, ",\n\r\t"):
		v.add(path, ctx{}, "%s id %q has surrounding spaces, a comma or a line break", what, id)
		return false
	}
	return true
}

// knownUnit reports whether u is a unit of the history, adding a problem if
// not.
func (h *History) knownUnit(v *validator, u, path string, x ctx) bool {
	if _, ok := h.units[u]; ok {
		return true
	}
	if strings.TrimSpace(u) == "" {
		v.add(path, x, "a unit id is missing")
	} else {
		v.add(path, x.with(u), "unknown unit %q (not listed under units)", u)
	}
	return false
}

func yearOK(v *validator, y int, path string, x ctx) bool {
	if y < minYear || y > maxYear {
		v.add(path, x, "expected a year from %d to %d, found %d", minYear, maxYear, y)
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
			v.add(p+".date", x, "the merger is dated %s but takes effect in %d", m.Date, m.Year)
		}
		intoOK := h.knownUnit(v, m.Into, p+".into", x)
		if len(m.From) == 0 {
			v.add(p+".from", x, "a merger needs the units merged (from: [...])")
		}
		for j, f := range m.From {
			fp := fmt.Sprintf("%s.from[%d]", p, j)
			if !h.knownUnit(v, f, fp, x) {
				continue
			}
			if f == m.Into {
				v.add(fp, x.with(f), "a unit cannot be merged into itself")
				continue
			}
			if slices.Contains(m.From[:j], f) {
				v.add(fp, x.with(f), "unit listed twice")
				continue
			}
			if prev, dup := h.mergedAway[f]; dup {
				v.add(fp, x.with(f), "the unit was already merged away by mergers[%d] (%d)", prev, h.spec.Mergers[prev].Year)
				continue
			}
			h.mergedAway[f] = i
		}
		for j, c := range m.Carries {
			if !slices.Contains(m.From, c) {
				v.add(fmt.Sprintf("%s.carries[%d]", p, j), x.with(c), "carries lists %s, which is not among the units merged (from)", c)
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
				v.add(fmt.Sprintf("mergers[%d].into", j), ctx{year: h.spec.Mergers[j].Year, member: u},
					"%s was merged away in %d (mergers[%d]); it cannot succeed other units in %d", u, h.spec.Mergers[i].Year, i, h.spec.Mergers[j].Year)
			}
		}
	}
}

func (h *History) validateClusters(v *validator) {
	if len(h.spec.Clusters) == 0 {
		v.add("clusters", ctx{}, "a history needs at least one cluster")
	}
	for ci := range h.spec.Clusters {
		c := &h.spec.Clusters[ci]
		p := fmt.Sprintf("clusters[%d]", ci)
		if idOK(v, c.ID, p+".id", "cluster") {
			if _, dup := h.clusterIdx[c.ID]; dup {
				v.add(p+".id", ctx{cluster: c.ID}, "cluster id given twice")
			} else {
				h.clusterIdx[c.ID] = ci
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			v.add(p+".name", ctx{cluster: c.ID}, "a cluster needs a name (e.g. Cụm II – Các cơ quan quản lý chuyên ngành)")
		}
		if len(c.Years) == 0 {
			v.add(p+".years", ctx{cluster: c.ID}, "a cluster needs at least one year")
		}
		seen := map[int]int{}
		for yi, y := range c.Years {
			yp := fmt.Sprintf("%s.years[%d]", p, yi)
			x := ctx{cluster: c.ID, year: y.Year}
			if !yearOK(v, y.Year, yp+".year", x) {
				continue
			}
			if prev, dup := seen[y.Year]; dup {
				v.add(yp+".year", x, "year given twice (also at years[%d])", prev)
				continue
			}
			seen[y.Year] = yi
			h.validateYear(v, c, y, yp)
		}
		h.validateChanges(v, c, p)
		for i, l := range c.StreakFacts {
			sp := fmt.Sprintf("%s.streak_facts[%d]", p, i)
			if !idOK(v, l.Fact, sp+".fact", "streak fact") {
				continue
			}
			if strings.TrimSpace(l.Award) == "" {
				v.add(sp+".award", ctx{cluster: c.ID}, "a streak fact needs the award tier it counts (e.g. flag)")
			}
			if l.MaxConsecutive < 1 {
				v.add(sp+".max_consecutive", ctx{cluster: c.ID}, "max_consecutive must be at least 1 (1: not two years running), found %d", l.MaxConsecutive)
			}
			for _, o := range c.StreakFacts[:i] {
				if o.Fact == l.Fact {
					v.add(sp+".fact", ctx{cluster: c.ID}, "streak fact %q given twice", l.Fact)
				}
			}
		}
	}
}

func (h *History) validateYear(v *validator, c *Cluster, y Year, yp string) {
	x := ctx{cluster: c.ID, year: y.Year}
	if len(y.Members) == 0 {
		v.add(yp+".members", x, "a year needs its members")
	}
	for i, m := range y.Members {
		mp := fmt.Sprintf("%s.members[%d]", yp, i)
		if !h.knownUnit(v, m, mp, x) {
			continue
		}
		if slices.Contains(y.Members[:i], m) {
			v.add(mp, x.with(m), "member listed twice")
			continue
		}
		if mi, gone := h.mergedAway[m]; gone && h.spec.Mergers[mi].Year <= y.Year {
			v.add(mp, x.with(m), "%s was merged into %s in %d; it cannot be a member in %d", m, h.spec.Mergers[mi].Into, h.spec.Mergers[mi].Year, y.Year)
		}
		if created := h.createdBy[m]; len(created) > 0 {
			first := h.spec.Mergers[created[0]].Year
			for _, j := range created {
				first = min(first, h.spec.Mergers[j].Year)
			}
			if y.Year < first {
				v.add(mp, x.with(m), "%s was created by a merger in %d; it cannot be a member in %d", m, first, y.Year)
			}
		}
	}
	if y.Sheet != "" && y.Rulebook.Path == "" {
		v.add(yp+".sheet", x, "a sheet is ranked under the year's rulebook: give rulebook.path too")
	}
	if y.Rulebook == (RulebookRef{}) {
		v.add(yp+".rulebook", x, "a year needs its rulebook (path, or id and version)")
	} else if y.Rulebook.Path == "" && (y.Rulebook.ID == "" || y.Rulebook.Version == "") {
		v.add(yp+".rulebook", x, "a rulebook reference without a path needs an id and a version")
	}
	type ma struct{ member, award string }
	seen := map[ma]bool{}
	for i, a := range y.Awards {
		ap := fmt.Sprintf("%s.awards[%d]", yp, i)
		ax := x.with(a.Member)
		if h.knownUnit(v, a.Member, ap+".member", x) && !slices.Contains(y.Members, a.Member) {
			v.add(ap+".member", ax, "an award to a unit that is not a member in %d", y.Year)
		}
		if strings.TrimSpace(a.Award) == "" {
			v.add(ap+".award", ax, "an award record needs the award tier id (e.g. flag)")
		}
		if a.Status != Proposed && a.Status != Awarded && a.Status != Cut {
			v.add(ap+".status", ax, "unknown status %q (expected proposed, awarded or cut)", a.Status)
		}
		if a.Rank < 0 {
			v.add(ap+".rank", ax, "rank must be positive, found %d", a.Rank)
		}
		if seen[ma{a.Member, a.Award}] {
			v.add(ap, ax, "award %s recorded twice", a.Award)
		}
		seen[ma{a.Member, a.Award}] = true
	}
}

// validateChanges explains every change of membership between consecutive
// recorded years by a join, a departure or a merger.
func (h *History) validateChanges(v *validator, c *Cluster, p string) {
	idx := yearIndex(c)
	ys := sortedKeys(idx)
	for k, y := range ys {
		cur := c.Years[idx[y]]
		yp := fmt.Sprintf("%s.years[%d]", p, idx[y])
		x := ctx{cluster: c.ID, year: y}
		if k == 0 {
			for i, u := range cur.Left {
				v.add(fmt.Sprintf("%s.left[%d]", yp, i), x.with(u), "%d is the first recorded year: nothing to leave", y)
			}
			for i, u := range cur.Joined {
				if !slices.Contains(cur.Members, u) {
					v.add(fmt.Sprintf("%s.joined[%d]", yp, i), x.with(u), "listed as joined but not a member in %d", y)
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
				v.add(jp, x.with(u), "listed as joined but not a member in %d", y)
			case slices.Contains(prev.Members, u):
				v.add(jp, x.with(u), "listed as joined but already a member in %d", py)
			}
		}
		for i, u := range cur.Left {
			lp := fmt.Sprintf("%s.left[%d]", yp, i)
			switch {
			case slices.Contains(cur.Members, u):
				v.add(lp, x.with(u), "listed as left but still a member in %d", y)
			case !slices.Contains(prev.Members, u):
				v.add(lp, x.with(u), "listed as left but not a member in %d", py)
			}
		}
		for i, u := range cur.Members {
			if _, known := h.units[u]; !known || slices.Contains(prev.Members, u) || slices.Contains(cur.Joined, u) {
				continue // an unknown unit is reported once, as unknown
			}
			if between(func(m Merger) bool { return m.Into == u }) {
				continue
			}
			v.add(fmt.Sprintf("%s.members[%d]", yp, i), x.with(u),
				"%s is a member in %d but not in %d: list it under joined, or record the merger that created it", u, y, py)
		}
		for _, u := range prev.Members {
			if _, known := h.units[u]; !known || slices.Contains(cur.Members, u) || slices.Contains(cur.Left, u) {
				continue
			}
			if between(func(m Merger) bool { return slices.Contains(m.From, u) }) {
				continue
			}
			v.add(yp+".members", x.with(u),
				"%s was a member in %d but is not in %d: list it under left, or record the merger that ended it", u, py, y)
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

func sortedKeys[V any](m map[int]V) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
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
	return sortedKeys(yearIndex(c))
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
