package documents

import (
	"strings"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// The grading bands (mức xếp loại) in the documents: when the rulebook
// grades its members, the summary's table has a "Xếp loại" column, both
// documents list each band with its members ("1 Hoàn thành xuất sắc nhiệm
// vụ, 3 Hoàn thành tốt nhiệm vụ"), and an award tier that requires a band
// (min_grade) says so in its conditions and in the reason a member is
// passed over. A band needs no rank: the documents say so beside the list.

// grades reports whether the rulebook grades its members.
func (b *builder) grades() bool { return len(b.st.Grades) > 0 }

// gradeCell is the member's band by name, or a dash if it has none.
func (b *builder) gradeCell(r ranking.Row) cell {
	c := line(plain(b.say("doc.ungraded")))
	if r.Grade != "" {
		c = line(plain(b.names.Grade(r.Grade)))
	}
	c.align = alignCenter
	return c
}

// gradeTally counts the members of each band that has any, highest band
// first: "1 Hoàn thành xuất sắc nhiệm vụ, 3 Hoàn thành tốt nhiệm vụ".
func (b *builder) gradeTally() string {
	var parts []string
	for _, g := range b.st.Grades {
		if len(g.Members) > 0 {
			parts = append(parts, b.say("doc.grades_count", len(g.Members), g.Name))
		}
	}
	if len(parts) == 0 {
		return b.say("doc.grades_none")
	}
	return strings.Join(parts, ", ")
}

// gradeBlocks lists the bands, highest first, each with its conditions
// and its members in rank order, after a line counting them and saying
// that a band needs no rank. Nothing if the rulebook does not grade.
func (b *builder) gradeBlocks() []block {
	if !b.grades() {
		return nil
	}
	items := []item{}
	for _, g := range b.st.Grades {
		members := b.say("doc.grades_none")
		if len(g.Members) > 0 {
			members = b.memberNames(g.Members)
		}
		text := b.say("doc.grades_band", g.Name, count(len(g.Members)), members)
		req := b.say("doc.grades_catch_all")
		if grade, _, ok := b.rb.Grade(g.Grade); ok && len(grade.Requires) > 0 {
			req = b.reasons(grade.Requires)
		}
		items = append(items, item{runs: []run{plain(text + " (" + b.say("doc.grades_requires", req) + ").")}, meta: meta{class: "grade"}})
	}
	return []block{
		para{runs: []run{bold(b.say("doc.grades_title") + ":")}, meta: meta{class: "grades-title"}},
		para{runs: []run{plain(b.say("doc.grades_intro", b.gradeTally()))}, align: alignJustify, meta: meta{class: "grades-intro"}},
		list{items: items, meta: meta{class: "grades"}},
	}
}

// minGrade is the band an award tier requires, as its conditions say it
// ("xếp loại từ mức Hoàn thành xuất sắc nhiệm vụ trở lên"), or "".
func (b *builder) minGrade(t rules.AwardTier) string {
	if t.MinGrade == "" {
		return ""
	}
	name := t.MinGrade
	if g, _, ok := b.rb.Grade(t.MinGrade); ok {
		name = g.Name
	}
	return b.say("doc.tier_min_grade", name)
}

// withGrade adds to the reasons a tier passes over a member the band it
// requires, if the member's does not reach it (ranking.GradeShortfall).
func (b *builder) withGrade(reasons, tier, member string) string {
	m := ranking.GradeShortfall(b.rb, b.st, tier, member)
	if m.IsZero() {
		return reasons
	}
	s := b.names.Of(m).In(b.lang)
	if reasons == "" {
		return s
	}
	return reasons + "; " + s
}

// nonEmpty returns the strings that are not empty, in order.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ballotsCell is a member's results in the named ballots it was put to
// (one ballot per band or tier, votes.ballots), a line each: "Bỏ phiếu
// mức Hoàn thành xuất sắc nhiệm vụ: 9/12"; empty if it was put to none.
func (b *builder) ballotsCell(r ranking.Row) cell {
	var ls [][]run
	for _, v := range r.Card.Ballots {
		if !v.Recorded || !v.Voted {
			continue
		}
		name := v.Ballot
		if bl, ok := b.rb.Ballot(v.Ballot); ok && bl.Name != "" {
			name = bl.Name
		}
		ls = append(ls, []run{plain(b.say("doc.ballot_votes", name, v.For, v.Present))})
	}
	if len(ls) == 0 {
		ls = [][]run{{plain("")}}
	}
	return cell{lines: ls, align: alignCenter, small: true}
}
