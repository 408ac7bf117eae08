package rules

import (
	"slices"
	"strings"

	"github.com/thidua/thidua/lang"
)

// Grade is one grading band (mức xếp loại): "Hoàn thành xuất sắc nhiệm
// vụ", "Hoàn thành tốt nhiệm vụ", …; a trade union's "vững mạnh", "khá",
// "trung bình", "yếu". Grades are listed highest first, and every member
// is graded in the first band whose conditions it meets all of (Nghệ An QĐ
// 77/2025: ≥ 90 points and no criterion below 85% of its maximum for the
// highest). A band is not an award: it has no quota and needs no rank, so
// a tie between two members decides nothing about it. A band may require
// a ballot (a min_votes condition): a member put to that vote and failing
// it is considered for the next band down. The last band may require
// nothing: every member not graded higher falls in it; without such a
// band a member meeting no band's conditions is not graded.
type Grade struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Requires lists the eligibility conditions a member must meet to be
	// graded in this band; upper bounds ("80 – < 90") are conditions too.
	Requires []string `yaml:"requires" json:"requires,omitempty"`
}

// Ballot is one of several ballots a cluster holds (lần bỏ phiếu): one per
// award tier or grading band, named in a score sheet's ballot and votes
// rows and by the min_votes conditions that count it.
type Ballot struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
}

// Grades returns the grading bands, highest first.
func (r *Rulebook) Grades() []Grade {
	out := append([]Grade(nil), r.spec.Grades...)
	for i := range out {
		out[i].Requires = append([]string(nil), out[i].Requires...)
	}
	return out
}

// Grade returns the grading band with the given id and its place in the
// order (0 the highest).
func (r *Rulebook) Grade(id string) (Grade, int, bool) {
	i := slices.IndexFunc(r.spec.Grades, func(g Grade) bool { return g.ID == id })
	if i < 0 {
		return Grade{}, -1, false
	}
	g := r.spec.Grades[i]
	g.Requires = append([]string(nil), g.Requires...)
	return g, i, true
}

// GradesDownTo returns the bands from the highest down to the band with the
// given id, inclusive: the bands a member may be graded in to meet "this
// band or a higher one" (an award's min_grade). Nil if there is no such
// band.
func (r *Rulebook) GradesDownTo(id string) []Grade {
	_, i, ok := r.Grade(id)
	if !ok {
		return nil
	}
	return r.Grades()[:i+1]
}

// FirstUpperBound returns the first of the conditions with the given ids
// that bounds the total or percentage from above (see UpperBound).
func (r *Rulebook) FirstUpperBound(ids []string) (Condition, bool) {
	for _, id := range ids {
		if c, ok := r.Condition(id); ok && c.UpperBound() {
			return c, true
		}
	}
	return Condition{}, false
}

// Ballot returns the ballot with the given id.
func (r *Rulebook) Ballot(id string) (Ballot, bool) {
	i := slices.IndexFunc(r.spec.Votes.Ballots, func(b Ballot) bool { return b.ID == id })
	if i < 0 {
		return Ballot{}, false
	}
	return r.spec.Votes.Ballots[i], true
}

// BallotOf is the ballot a min_votes condition counts: its Ballot, or ""
// (the sheet's only ballot) when the rulebook lists none.
func (c Condition) BallotOf() string {
	if c.MinVotes == nil {
		return ""
	}
	return c.MinVotes.Ballot
}

// UpperBound reports whether the condition bounds the member's total or
// percentage from above (max_total, max_percent: the upper bound of a
// grading band), so that raising the member's scores can make it fail.
func (c Condition) UpperBound() bool { return c.MaxTotal != nil || c.MaxPercent != nil }

// ballots validates the rulebook's ballots and returns their ids.
func (v *validator) ballots(bs []Ballot) map[string]bool {
	seen := map[string]bool{}
	for i, b := range bs {
		p := indexPath("votes.ballots", i)
		if v.idOK(b.ID, p, ballotNoun) {
			if seen[b.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(b.ID)).With(lang.Msg(ballotNoun.bare)))
			}
			seen[b.ID] = true
		}
		if strings.TrimSpace(b.Name) == "" {
			v.add(p+".name", nameMissing(ballotNoun, b.ID))
		}
		v.name(p+".name", b.Name, b.ID, ballotNoun)
	}
	return seen
}

// voteBallots checks that each min_votes condition names a listed ballot
// when the rulebook lists ballots, and none when it does not.
func (v *validator) voteBallots(cs []Condition, ballots map[string]bool) {
	for i, c := range cs {
		if c.MinVotes == nil {
			continue
		}
		p := indexPath("eligibility", i) + ".min_votes.ballot"
		switch b := c.MinVotes.Ballot; {
		case len(ballots) == 0 && b != "":
			v.add(p, lang.Msg("rules.ballot.none_listed", q(c.ID), q(b)))
		case len(ballots) > 0 && b == "":
			v.add(p, lang.Msg("rules.ballot.missing", q(c.ID), joinKeys(ballots)))
		case len(ballots) > 0 && !ballots[b]:
			v.add(p, lang.Msg("rules.ballot.unknown", q(c.ID), q(b), joinKeys(ballots)))
		}
	}
}

// grades validates the grading bands and returns their ids.
func (v *validator) grades(gs []Grade, conds map[string]bool) map[string]bool {
	seen := map[string]bool{}
	for i, g := range gs {
		p := indexPath("grades", i)
		if v.idOK(g.ID, p, gradeNoun) {
			if seen[g.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(g.ID)).With(lang.Msg(gradeNoun.bare)))
			}
			seen[g.ID] = true
		}
		if strings.TrimSpace(g.Name) == "" {
			v.add(p+".name", nameMissing(gradeNoun, g.ID))
		}
		v.name(p+".name", g.Name, g.ID, gradeNoun)
		for j, r := range g.Requires {
			if !conds[r] {
				v.add(indexPath(p+".requires", j), lang.Msg("rules.grade.condition_unknown", q(g.ID), q(r)))
			}
		}
		if len(g.Requires) == 0 && i != len(gs)-1 {
			// every member falls in it: the bands below it could never be given
			v.add(p+".requires", lang.Msg("rules.grade.catch_all_not_last", q(g.ID)))
		}
	}
	return seen
}

// joinKeys lists a set's keys in sorted order.
func joinKeys(m map[string]bool) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}
