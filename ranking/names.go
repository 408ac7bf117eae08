package ranking

import (
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Names names the members, award tiers and grading bands (mức xếp loại)
// of standings as people know them: "Sở Xây dựng" for SXD, "Cờ thi đua
// của UBND tỉnh" for flag, "Hoàn thành xuất sắc nhiệm vụ" for xuat_sac. The
// standings' messages name members and tiers by id, as data does; a page,
// a table or a document for people writes them through Of.
type Names struct {
	members, tiers, conditions, grades map[string]string
}

// Names returns the names of the standings' members and award tiers.
func (s *Standings) Names() Names {
	members, tiers := make(map[string]string, len(s.Rows)), make(map[string]string, len(s.Awards))
	for _, r := range s.Rows {
		members[r.Member.ID] = r.Member.Name
	}
	for _, a := range s.Awards {
		tiers[a.Tier] = a.Name
	}
	n := NewNames(members, tiers)
	n.grades = make(map[string]string, len(s.Grades))
	for _, g := range s.Grades {
		n.grades[g.Grade] = g.Name
	}
	n.conditions = make(map[string]string)
	for _, r := range s.Rows {
		for _, f := range r.Failed {
			if f.Reason != "" {
				n.conditions[f.Condition] = f.Reason
			}
		}
	}
	return n
}

// NewNames names members and award tiers from maps of id to name, for a
// reader that has them without the standings (an audit report). An empty
// name counts as none.
func NewNames(members, tiers map[string]string) Names {
	return Names{members: members, tiers: tiers}
}

// Member returns the name of the member with the given id, or the id if
// the standings have no name for it.
func (n Names) Member(id string) string { return or(n.members[id], id) }

// Members returns the names of the members with the given ids, in order.
func (n Names) Members(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.Member(id)
	}
	return out
}

// Tier returns the name of the award tier with the given id, or the id if
// the standings have no name for it.
func (n Names) Tier(id string) string { return or(n.tiers[id], id) }

// Grade returns the name of the grading band (mức xếp loại) with the
// given id ("Hoàn thành xuất sắc nhiệm vụ" for xuat_sac), or the id if
// the standings have no name for it; "" for "" (a member not graded).
func (n Names) Grade(id string) string { return or(n.grades[id], id) }

// Condition returns an eligibility condition as the rulebook states it
// ("Tổng điểm đạt từ 90 điểm trở lên" for diem_90), or its id if the
// standings record no reason for it.
func (n Names) Condition(id string) string { return or(n.conditions[id], id) }

// Conditions returns the conditions with the given ids, each as Condition
// writes it, in order.
func (n Names) Conditions(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.Condition(id)
	}
	return out
}

// Rule returns a tie-break rule as the standings record it, with the award
// tier it refers to named: "no_award_last_year flag" becomes
// "no_award_last_year Cờ thi đua của UBND tỉnh", which lang.Tag.Rule writes
// "năm trước chưa được khen (Cờ thi đua của UBND tỉnh)". Other rules are
// returned as they are.
func (n Names) Rule(rule string) string {
	kind, ref, ok := strings.Cut(rule, " ")
	if !ok || kind != "no_award_last_year" {
		return rule
	}
	return kind + " " + n.Tier(ref)
}

// Of returns the message with the ids of ranking's sentences (decisions,
// members' values, eligibility failures, blocked awards), and of the parts
// nested in it, replaced by names. A message of another package is
// returned as it is, its parts named.
func (n Names) Of(m lang.Message) lang.Message {
	kinds := idArgs[m.Key]
	if len(kinds) > 0 {
		args := make([]string, len(m.Args))
		for i, a := range m.Args {
			args[i] = a
			if i < len(kinds) {
				args[i] = n.name(kinds[i], a)
			}
		}
		m.Args = args
	}
	if len(m.Parts) > 0 {
		parts := make([]lang.Message, len(m.Parts))
		for i, p := range m.Parts {
			parts[i] = n.Of(p)
		}
		m.Parts = parts
	}
	return m
}

func (n Names) name(k idKind, v string) string {
	switch k {
	case member:
		return n.Member(v)
	case tier:
		return n.Tier(v)
	case rule:
		return n.Rule(v)
	case grade:
		return n.Grade(v)
	}
	return v
}

// idKind says what an argument of a message is, for naming.
type idKind uint8

const (
	value  idKind = iota // a value: not named
	member               // a member's id
	tier                 // an award tier's id
	rule                 // a tie-break rule, which may name a tier
	grade                // a grading band's id
)

// idArgs lists, for each of ranking's sentences that holds ids, what each
// argument is (internal/standings and this package build them). A
// sentence whose arguments are all values is not listed.
var idArgs = map[string][]idKind{
	"decision":             {member, member, rule},
	"decision.brief":       {rule, member},
	"decision.tied_with":   {member},
	"decision.unresolved":  {member, member},
	"decision.shared":      {member, member},
	"decision.shared_with": {member},
	"rule":                 {rule},
	"value.h2h.pair":       {value, value, member},
	"value.award":          {tier},
	"lots.not_drawn":       {member},
	"award.blocked":        {value, tier},
	"fail.max_consecutive": {tier},

	// head-to-head rules (internal/standings/league.go)
	"value.league.match":    {value, value, member},
	"value.league.unplayed": {member},
	"value.member":          {member},
	"league.missing":        {member, member},

	// grading bands (GradeShortfall)
	"grade.below_min": {grade, grade},
	"grade.none_min":  {grade},
}

// GradeShortfall says why the award tier passes over the member for its
// grading band (xếp loại), if it does: the tier requires a band (its
// min_grade) and the member is graded lower, or not at all — "xếp loại từ
// mức Hoàn thành xuất sắc nhiệm vụ trở lên (đơn vị được xếp loại Hoàn
// thành tốt nhiệm vụ)". A Skip lists only the tier's eligibility
// conditions; a reader adds this to them. The message names the bands by
// id: Names.Of names them. Zero if the tier requires no band or the
// member's band reaches it.
func GradeShortfall(rb *rules.Rulebook, s *Standings, tier, member string) lang.Message {
	t, ok := rb.Award(tier)
	if !ok || t.MinGrade == "" {
		return lang.Message{}
	}
	_, lo, ok := rb.Grade(t.MinGrade)
	if !ok {
		return lang.Message{}
	}
	row, ok := s.Row(member)
	if !ok {
		return lang.Message{}
	}
	if row.Grade == "" {
		return lang.Msg("grade.none_min", t.MinGrade)
	}
	if _, g, ok := rb.Grade(row.Grade); ok && g <= lo {
		return lang.Message{}
	}
	return lang.Msg("grade.below_min", t.MinGrade, row.Grade)
}

// SkipReasons are the reasons the award tier passes over the member of a
// Skip (bỏ qua, không trao suất), as people read them: the tier's
// conditions it fails, as the rulebook states them, then, if the tier
// requires a grading band the member does not reach, that
// (Skip.BelowGrade, as GradeShortfall states it), in the language.
func (n Names) SkipReasons(t lang.Tag, rb *rules.Rulebook, s *Standings, tier string, sk Skip) []string {
	out := n.Conditions(sk.Failed)
	if !sk.BelowGrade {
		return out
	}
	at, _ := rb.Award(tier)
	m := lang.Msg("grade.below_min", at.MinGrade, sk.Grade)
	if sk.Grade == "" {
		m = lang.Msg("grade.none_min", at.MinGrade)
	}
	return append(out, n.Of(m).In(t))
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
