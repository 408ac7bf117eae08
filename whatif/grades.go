package whatif

import (
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Grading bands (xếp loại) in what-if: a band as a target, and the bands
// an award's min_grade lets through. A member is graded in the first band,
// highest first, whose conditions it meets all of; so it is graded in band
// g or a higher one exactly when it meets every condition of some band at
// or above g. Each such band is a route (lối) to the target: the search
// tracks the conditions of every route, and a class may reach the target
// if one route is open to it.

// checkGrade validates a band target: the band must exist, and no band at
// or above it may require a condition with an upper bound (a higher total
// could then lose the band, so the least gain would not be the answer).
func (t Target) checkGrade(rb *rules.Rulebook) error {
	bands := rb.GradesDownTo(t.Grade)
	if bands == nil {
		var ids []string
		for _, b := range rb.Grades() {
			ids = append(ids, b.ID)
		}
		if len(ids) == 0 {
			return newError(ErrBadTarget, "", "", t.Grade, lang.Msg("whatif.err.target.no_grades", rb.ID()))
		}
		return newError(ErrBadTarget, "", "", t.Grade, lang.Msg("whatif.err.target.grade", strconv.Quote(t.Grade), rb.ID(), strings.Join(ids, ", ")))
	}
	for _, b := range bands {
		if c, ok := rb.FirstUpperBound(b.Requires); ok {
			return newError(ErrUnsupported, "", "", t.Grade, lang.Msg("whatif.err.target.grade_upper_bound", b.Name, c.Reason))
		}
	}
	return nil
}

// gradeReached reports whether a member graded in band got (an id, "" if
// not graded) meets the band target want: got is want or a higher band.
func gradeReached(rb *rules.Rulebook, got, want string) bool {
	if got == "" {
		return false
	}
	_, i, _ := rb.Grade(got)
	_, j, _ := rb.Grade(want)
	return i <= j
}

// route is one way to meet a target's conditions: an award tier's
// requirements (with those of one band at or above its min_grade), or the
// conditions of one band at or above a band target.
type route struct {
	tier  string   // the award tier it leads to, if the target is an award
	grade string   // the band whose conditions it includes, if any
	conds []string // the condition ids, each once
}

// routes lists the routes to the search's target: none for a rank target.
func (s *search) routes() []route {
	switch {
	case s.grade >= 0:
		var out []route
		for _, b := range s.rb.Grades()[:s.grade+1] {
			out = append(out, route{grade: b.ID, conds: slices.Clone(b.Requires)})
		}
		return out
	case s.tier >= 0:
		return tierRoutes(s.rb, s.rb.Awards()[:s.tier+1])
	}
	return nil
}

// tierRoutes lists the routes to each of the tiers: its requirements, or,
// for a tier with a min_grade, its requirements and one band's at or
// above the min_grade, one route per band.
func tierRoutes(rb *rules.Rulebook, tiers []rules.AwardTier) []route {
	var out []route
	for _, t := range tiers {
		if t.MinGrade == "" {
			out = append(out, route{tier: t.ID, conds: slices.Clone(t.Requires)})
			continue
		}
		for _, b := range rb.GradesDownTo(t.MinGrade) {
			conds := slices.Clone(t.Requires)
			for _, id := range b.Requires {
				if !slices.Contains(conds, id) {
					conds = append(conds, id)
				}
			}
			out = append(out, route{tier: t.ID, grade: b.ID, conds: conds})
		}
	}
	return out
}

// gradeAllows reports whether a member graded in band got (an id, "" if
// not graded) may receive the tier: it names no min_grade, or got is that
// band or a higher one.
func gradeAllows(rb *rules.Rulebook, t rules.AwardTier, got string) bool {
	return t.MinGrade == "" || gradeReached(rb, got, t.MinGrade)
}
