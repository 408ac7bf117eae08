package standings

import (
	"slices"

	"github.com/thidua/thidua/rules"
)

// grading compiles the rulebook's grading bands (xếp loại): per band, the
// conditions it requires; per award tier, the lowest band it accepts.
func (c *Cluster) grading(rb *rules.Rulebook) {
	grades := rb.Grades()
	for _, g := range grades {
		c.gradeReq = append(c.gradeReq, c.condIndices(g.Requires))
	}
	c.minGrade = make([]int, len(c.tiers))
	for t, tier := range c.tiers {
		c.minGrade[t] = slices.IndexFunc(grades, func(g rules.Grade) bool { return g.ID == tier.MinGrade })
	}
}

// condIndices are the indices of the conditions with the given ids.
func (c *Cluster) condIndices(ids []string) []int {
	var out []int
	for _, id := range ids {
		out = append(out, slices.IndexFunc(c.conds, func(x rules.Condition) bool { return x.ID == id }))
	}
	return out
}

// Grades is the number of grading bands.
func (c *Cluster) Grades() int { return len(c.gradeReq) }

// grade sets Grade: each member's band is the first, highest first, whose
// conditions it meets all of — so a member put to a band's vote and
// failing it is considered for the next band down — or -1 if it meets no
// band's. A band reads no rank: members with equal values are graded
// alike, whatever their order.
func (r *Ranker) grade() {
	if len(r.c.gradeReq) == 0 {
		return // -1 for every member since NewRanker
	}
	for m := range r.Grade {
		r.Grade[m] = -1
		for g, req := range r.c.gradeReq {
			if r.meetsAll(m, req) {
				r.Grade[m] = int8(g)
				break
			}
		}
	}
}

// meetsAll reports whether member m meets every condition of js.
func (r *Ranker) meetsAll(m int, js []int) bool {
	for _, j := range js {
		if !r.Eligible(m, j) {
			return false
		}
	}
	return true
}

// GradeAllows reports whether member m's band (after Propose) meets tier
// t's lowest band, if it names one.
func (r *Ranker) GradeAllows(m, t int) bool {
	lo := r.c.minGrade[t]
	if lo < 0 {
		return true
	}
	g := r.Grade[m]
	return g >= 0 && int(g) <= lo
}
