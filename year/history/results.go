package history

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// computeResults fills h.results, year by year across all clusters (a year's
// history tie-break and streak facts read the years before it). Without a
// resolver only the recorded awards are known.
func (h *History) computeResults(v *validator, res *resolver) {
	type job struct {
		ci, yi int
		year   int
	}
	var jobs []job
	for ci := range h.spec.Clusters {
		c := &h.spec.Clusters[ci]
		if _, ok := h.clusterIdx[c.ID]; !ok || h.clusterIdx[c.ID] != ci {
			continue // an invalid or duplicate cluster id
		}
		for y, yi := range yearIndex(c) {
			jobs = append(jobs, job{ci, yi, y})
		}
	}
	slices.SortFunc(jobs, func(a, b job) int { return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.ci, b.ci)) })
	for _, j := range jobs {
		c := &h.spec.Clusters[j.ci]
		y := c.Years[j.yi]
		r := &Result{Cluster: c.ID, Year: y.Year, Awards: slices.Clone(y.Awards)}
		if res != nil {
			h.resolveYear(v, res, c, y, fmt.Sprintf("clusters[%d]", j.ci), fmt.Sprintf("clusters[%d].years[%d]", j.ci, j.yi), r)
		}
		h.results[resultKey{c.ID, y.Year}] = r
	}
	if res != nil {
		h.controlClusters(res)
	}
}

func (h *History) resolveYear(v *validator, res *resolver, c *Cluster, y Year, cp, yp string, r *Result) {
	x := ctx{cluster: c.ID, year: y.Year}
	ref := y.Rulebook
	if ref.Path == "" {
		return
	}
	rb, err := rules.Load(res.path(ref.Path))
	if err != nil {
		v.Nested(yp+".rulebook.path", x, lang.Msg("history.err.in_rulebook", ref.Path), err)
		return
	}
	r.Rulebook = rb
	for _, chk := range []struct{ key, want, got string }{
		{"id", ref.ID, rb.ID()}, {"version", ref.Version, rb.Version()}, {"hash", ref.Hash, rb.Hash()},
	} {
		if chk.want != "" && chk.want != chk.got {
			v.Add(yp+".rulebook."+chk.key, x, lang.Msg("history.err.rulebook.mismatch", chk.key, strconv.Quote(chk.want), ref.Path, strconv.Quote(chk.got)))
		}
	}
	if !rb.InForce().Contains(y.Year) {
		v.Add(yp+".rulebook.path", x, lang.Msg("history.err.rulebook.not_in_force", ref.Path, rb.InForce().String(), y.Year))
	}
	h.controlYear(v, res, c, y, yp, x, rb)
	for i, a := range y.Awards {
		if _, ok := rb.Award(a.Award); !ok && strings.TrimSpace(a.Award) != "" {
			v.Add(fmt.Sprintf("%s.awards[%d].award", yp, i), x.with(a.Member), lang.Msg("history.err.award.unknown_tier", strconv.Quote(a.Award), tierIDs(rb)))
		}
	}
	if y.Sheet == "" {
		return
	}
	sh, err := sheets.Check(rb, res.path(y.Sheet))
	if err != nil {
		v.Nested(yp+".sheet", x, lang.Msg("history.err.in_sheet", y.Sheet), err)
		return
	}
	switch {
	case sh.Year == 0:
		sh.Year = y.Year
	case sh.Year != y.Year:
		v.Add(yp+".sheet", x, lang.Msg("history.err.sheet.year", y.Sheet, sh.Year))
		return
	}
	var inSheet []string
	for _, m := range sh.Members {
		inSheet = append(inSheet, m.ID)
		if !slices.Contains(y.Members, m.ID) {
			v.Add(yp+".sheet", x.with(m.ID), lang.Msg("history.err.sheet.extra_member", y.Sheet, m.ID, y.Year))
		}
	}
	for _, m := range y.Members {
		if !slices.Contains(inSheet, m) {
			v.Add(yp+".sheet", x.with(m), lang.Msg("history.err.sheet.missing_member", y.Sheet, m, y.Year))
		}
	}
	// Feed the sheet from the history: past awards, then streak facts.
	type pa struct {
		member, award string
		year          int
	}
	have := map[pa]bool{}
	for _, p := range sh.History {
		have[pa{p.Member, p.Award, p.Year}] = true
	}
	src := scoring.Source{File: res.label(), Line: 0}
	for _, p := range h.PastAwards(c.ID, y.Year) {
		if !have[pa{p.Member, p.Award, p.Year}] {
			p.Source = src
			sh.History = append(sh.History, p)
		}
	}
	for i, l := range c.StreakFacts {
		if _, declared := rb.Fact(l.Fact); !declared {
			continue
		}
		for _, f := range h.RunFacts(c.ID, y.Year, l) {
			k := slices.IndexFunc(sh.Facts, func(g scoring.FactValue) bool { return g.Member == f.Member && g.Fact == f.Fact })
			if k < 0 {
				f.Source = src
				sh.Facts = append(sh.Facts, f)
				continue
			}
			if sh.Facts[k].Value != f.Value {
				v.Add(fmt.Sprintf("%s.streak_facts[%d]", cp, i), x.with(f.Member),
					lang.Msg("history.err.streak.mismatch", y.Sheet, f.Fact, sh.Facts[k].Value, f.Value).With(h.RunText(f.Member, y.Year, l)))
			}
		}
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		v.Nested(yp+".sheet", x, lang.Msg("history.err.in_sheet", y.Sheet), err)
		return
	}
	r.Sheet, r.Standings = &sh, st
	computed := awardsOf(st)
	if len(y.Awards) == 0 {
		r.Awards = computed
		return
	}
	h.compareAwards(v, yp, x, y, computed)
}

// compareAwards reports every difference between the recorded awards and
// those ranking the sheet proposes.
func (h *History) compareAwards(v *validator, yp string, x ctx, y Year, computed []AwardRecord) {
	find := func(list []AwardRecord, member string) []AwardRecord {
		var out []AwardRecord
		for _, a := range list {
			if a.Member == member {
				out = append(out, a)
			}
		}
		return out
	}
	describe := func(list []AwardRecord) lang.Message {
		m := lang.Msg("problem.list")
		for _, a := range list {
			m = m.With(lang.Msg("history.err.awards.item", a.Award, a.Rank))
		}
		return m
	}
	for i, a := range y.Awards {
		got := find(computed, a.Member)
		k := slices.IndexFunc(got, func(g AwardRecord) bool { return g.Award == a.Award })
		ap := fmt.Sprintf("%s.awards[%d]", yp, i)
		switch {
		case k < 0 && len(got) == 0:
			v.Add(ap, x.with(a.Member), lang.Msg("history.err.awards.differ_none", a.Award, y.Sheet))
		case k < 0:
			v.Add(ap, x.with(a.Member), lang.Msg("history.err.awards.differ", a.Award, y.Sheet).With(describe(got)))
		case a.Rank != 0 && a.Rank != got[k].Rank:
			v.Add(ap+".rank", x.with(a.Member), lang.Msg("history.err.rank.differ", a.Rank, y.Sheet, got[k].Rank))
		}
	}
	for _, g := range computed {
		if !slices.ContainsFunc(y.Awards, func(a AwardRecord) bool { return a.Member == g.Member && a.Award == g.Award }) {
			v.Add(yp+".awards", x.with(g.Member), lang.Msg("history.err.awards.unrecorded", y.Sheet, g.Award, g.Rank))

		}
	}
}

// awardsOf returns the award proposals of standings, in rank order.
func awardsOf(st *ranking.Standings) []AwardRecord {
	var out []AwardRecord
	for _, row := range st.Rows {
		for _, a := range row.Awards {
			out = append(out, AwardRecord{Member: row.Member.ID, Award: a, Rank: row.Rank, Status: Proposed})
		}
	}
	return out
}

// FromStandings returns the award records of standings, as a Year's Awards:
// one per award proposed, with the member's rank.
func FromStandings(st *ranking.Standings) []AwardRecord { return awardsOf(st) }

func tierIDs(rb *rules.Rulebook) string {
	var ids []string
	for _, t := range rb.Awards() {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ", ")
}

func (r *resolver) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}

func (r *resolver) label() string { return r.file }

// Result returns the cluster's result for the year.
func (h *History) Result(cluster string, year int) (Result, bool) {
	r, ok := h.results[resultKey{cluster, year}]
	if !ok {
		return Result{}, false
	}
	out := *r
	out.Awards = slices.Clone(r.Awards)
	return out, true
}

// Top returns the member(s) ranked first in the cluster in the year (đơn vị
// dẫn đầu cụm): from the standings when the year was ranked, else from the
// ranks recorded with the awards. Several members share rank 1 (đồng
// hạng) if the chain cannot separate them; nil if no rank is known.
func (h *History) Top(cluster string, year int) []string {
	r, ok := h.results[resultKey{cluster, year}]
	if !ok {
		return nil
	}
	var out []string
	if r.Standings != nil {
		for _, row := range r.Standings.Rows {
			if row.Rank == 1 {
				out = append(out, row.Member.ID)
			}
		}
		return out
	}
	for _, a := range r.Awards {
		if a.Rank == 1 && !slices.Contains(out, a.Member) {
			out = append(out, a.Member)
		}
	}
	return out
}

// Link is one unit of a lineage: a unit whose award history counts for the
// unit asked about, for the years before Before (0: all years).
type Link struct {
	Unit   string
	Before int
	// Via is the merger that made the link, as an index into
	// Spec().Mergers (the file's order); -1 for the unit itself.
	Via int
}

// Lineage returns the unit and, following mergers backwards, every
// predecessor whose history carries over to it (Merger.Carries), each with
// the year from which it no longer counts.
func (h *History) Lineage(unit string) []Link {
	out := []Link{{Unit: unit, Via: -1}}
	seen := map[string]bool{unit: true}
	for k := 0; k < len(out); k++ {
		e := out[k]
		for _, mi := range h.createdBy[e.Unit] {
			m := h.spec.Mergers[mi]
			bound := m.Year
			if e.Before != 0 {
				bound = min(bound, e.Before)
			}
			for _, p := range m.CarriedFrom() {
				if seen[p] {
					continue
				}
				seen[p] = true
				out = append(out, Link{Unit: p, Before: bound, Via: mi})
			}
		}
	}
	return out
}

// Receipt is an award a unit (or a predecessor whose history carries over to
// it) received in a year.
type Receipt struct {
	Year    int
	Cluster string
	// Unit is the unit that received it: the unit asked about or a
	// predecessor.
	Unit   string
	Award  string
	Rank   int
	Status Status
}

// Received returns the awards the unit received from year `from` to year
// `to` (inclusive; 0 leaves a bound open), following mergers backwards, in
// any cluster of the history, in year order. award "" means any award. Cut
// proposals are left out.
func (h *History) Received(unit, award string, from, to int) []Receipt {
	var out []Receipt
	for _, l := range h.Lineage(unit) {
		for k, r := range h.results {
			if (from != 0 && k.year < from) || (to != 0 && k.year > to) || (l.Before != 0 && k.year >= l.Before) {
				continue
			}
			for _, a := range r.Awards {
				if a.Member == l.Unit && a.Counts() && (award == "" || a.Award == award) {
					out = append(out, Receipt{Year: k.year, Cluster: k.cluster, Unit: l.Unit, Award: a.Award, Rank: a.Rank, Status: a.Status})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b Receipt) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Cluster, b.Cluster), cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Award, b.Award))
	})
	return out
}

// YearsReceived returns the distinct years in which the unit (or a
// predecessor) received the award: "how often has the unit received the
// flag in the last five years" is len(h.YearsReceived(u, "flag", y-4, y)).
func (h *History) YearsReceived(unit, award string, from, to int) []int {
	var ys []int
	for _, r := range h.Received(unit, award, from, to) {
		if !slices.Contains(ys, r.Year) {
			ys = append(ys, r.Year)
		}
	}
	return ys
}

// PastAwards returns, for every member of the cluster in the year, the
// awards it (or a predecessor whose history carries over to it) received
// in earlier years, in any cluster, as the rows of a score sheet's history:
// what ranking's no_award_last_year tie-break reads. Cut proposals are left
// out. The rows are sorted by member, year and award.
func (h *History) PastAwards(cluster string, year int) []scoring.PastAward {
	c, ok := h.cluster(cluster)
	if !ok {
		return nil
	}
	members, _ := h.members(c, year)
	var out []scoring.PastAward
	for _, m := range members {
		for _, r := range h.Received(m, "", 0, year-1) {
			p := scoring.PastAward{Member: m, Year: r.Year, Award: r.Award}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, func(a, b scoring.PastAward) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Award, b.Award))
	})
	return out
}
