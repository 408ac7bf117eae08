package amend

import (
	"slices"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// The parts of a rulebook added with real regulations (issue 15): who
// decides, the legal basis per period, grading bands, named ballots, the
// rank convention, signed criteria's parameters and awards' minimum band.
// Each is named, not by id, where the rulebook gives a name.

// jurisdiction reports a change of the province or body whose rules these
// are (địa bàn, cơ quan ban hành) and of the regulation's title.
func (d *differ) jurisdiction(a, b rules.Spec) {
	if a.Jurisdiction != b.Jurisdiction {
		d.add("jurisdiction", Changed, a.Jurisdiction, b.Jurisdiction, lang.Msg("amend.jurisdiction", dash(a.Jurisdiction), dash(b.Jurisdiction)))
	}
	if a.Regulation.Title != b.Regulation.Title {
		d.add("regulation.title", Changed, a.Regulation.Title, b.Regulation.Title, lang.Msg("amend.regulation.title", dash(a.Regulation.Title), dash(b.Regulation.Title)))
	}
}

// legalPeriod writes a legal-basis entry's period in canonical form, ""
// for an entry in force whenever the rulebook is.
func legalPeriod(l rules.LegalRef) string {
	if !l.Dated() {
		return ""
	}
	return l.Period().String()
}

// periodMsg states a legal-basis entry's period: "2024-01-01 – …", or
// "cùng thời gian hiệu lực của bộ tiêu chí" for an undated entry.
func periodMsg(l rules.LegalRef) lang.Message {
	if !l.Dated() {
		return lang.Msg("amend.legal.always")
	}
	return lang.Msg("amend.legal.period", l.Period().String())
}

// legalBasis reports the entries of the legal basis (căn cứ pháp lý)
// added, removed, or whose period changed, by their text.
func (d *differ) legalBasis(a, b []rules.LegalRef) {
	text := func(l rules.LegalRef) string { return l.Text }
	pairByID(a, b, text,
		func(o rules.LegalRef) {
			d.add("regulation.legal_basis."+o.Text, Removed, o.Text, "", lang.Msg("amend.legal.removed", o.Text))
		},
		func(o, n rules.LegalRef) {
			if po, pn := legalPeriod(o), legalPeriod(n); po != pn {
				d.add("regulation.legal_basis."+o.Text+".period", Changed, po, pn, lang.Msg("amend.legal.changed", o.Text).With(periodMsg(o), periodMsg(n)))
			}
		},
		func(n rules.LegalRef) {
			d.add("regulation.legal_basis."+n.Text, Added, "", legalPeriod(n), lang.Msg("amend.legal.added", n.Text).With(periodMsg(n)))
		})
}

// authority reports a change of the council that considers the proposals
// (xem xét, tham mưu) or of who decides (quyết định); an empty name is the
// provincial default, named as such.
func (d *differ) authority(a, b rules.Authority) {
	if a.Council != b.Council {
		d.add("authority.council", Changed, a.Council, b.Council, lang.Msg("amend.authority.council").With(a.CouncilName(), b.CouncilName()))
	}
	if a.Decides != b.Decides {
		d.add("authority.decides", Changed, a.Decides, b.Decides, lang.Msg("amend.authority.decides").With(a.DecidesName(), b.DecidesName()))
	}
}

// conventionMsg names a rank convention (the default is competition).
func conventionMsg(c rules.RankConvention) (string, lang.Message) {
	if c == rules.Dense {
		return string(rules.Dense), lang.Msg("amend.convention.dense")
	}
	return string(rules.Competition), lang.Msg("amend.convention.competition")
}

// rankConvention reports a change of how shared ranks are numbered.
func (d *differ) rankConvention(old, new *rules.Rulebook) {
	ca, ma := conventionMsg(old.RankConvention())
	cb, mb := conventionMsg(new.RankConvention())
	if ca != cb {
		d.add("rank_convention", Changed, ca, cb, lang.Msg("amend.rank_convention").With(ma, mb))
	}
}

// ballots reports the named ballots (votes.ballots) added, removed or
// renamed.
func (d *differ) ballots(a, b []rules.Ballot) {
	pairByID(a, b, func(x rules.Ballot) string { return x.ID },
		func(o rules.Ballot) {
			d.add("votes.ballots."+o.ID, Removed, o.Name, "", lang.Msg("amend.ballot.removed", o.Name))
		},
		func(o, n rules.Ballot) {
			if o.Name != n.Name {
				d.add("votes.ballots."+o.ID+".name", Changed, o.Name, n.Name, lang.Msg("amend.ballot.name", o.Name, n.Name))
			}
		},
		func(n rules.Ballot) {
			d.add("votes.ballots."+n.ID, Added, "", n.Name, lang.Msg("amend.ballot.added", n.Name))
		})
}

// reasons states conditions by their reasons, quoted and joined: "“Đạt từ
// 90 điểm trở lên”, “Không có tiêu chí nào dưới 85%”"; an id the rulebook
// does not define is written as it is.
func reasons(s rules.Spec, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		for _, c := range s.Eligibility {
			if c.ID == id && c.Reason != "" {
				out[i] = "“" + c.Reason + "”"
			}
		}
	}
	return strings.Join(out, ", ")
}

// grades reports the grading bands (xếp loại) added, removed, renamed,
// whose conditions changed, and a change of their order (highest first).
func (d *differ) grades(a, b rules.Spec) {
	pairByID(a.Grades, b.Grades, func(g rules.Grade) string { return g.ID },
		func(o rules.Grade) {
			d.add("grades."+o.ID, Removed, o.Name, "", lang.Msg("amend.grade.removed", o.Name))
		},
		func(o, n rules.Grade) {
			p := "grades." + o.ID
			if o.Name != n.Name {
				d.add(p+".name", Changed, o.Name, n.Name, lang.Msg("amend.grade.name", o.Name, n.Name))
			}
			if !slices.Equal(o.Requires, n.Requires) {
				var parts []lang.Message
				if gone := minus(o.Requires, n.Requires); len(gone) > 0 {
					parts = append(parts, lang.Msg("amend.grade.requires.removed", reasons(a, gone)))
				}
				if added := minus(n.Requires, o.Requires); len(added) > 0 {
					parts = append(parts, lang.Msg("amend.grade.requires.added", reasons(b, added)))
				}
				if len(parts) == 0 { // the same conditions in another order: the same band
					return
				}
				d.add(p+".requires", Changed, strings.Join(o.Requires, ", "), strings.Join(n.Requires, ", "), lang.Msg("amend.grade.requires", n.Name).With(parts...))
			}
		},
		func(n rules.Grade) {
			msg := lang.Msg("amend.grade.added", n.Name)
			if len(n.Requires) > 0 {
				msg = lang.Msg("amend.grade.added_requires", n.Name, reasons(b, n.Requires))
			}
			d.add("grades."+n.ID, Added, "", n.Name, msg)
		})
	// the order of the bands both have, highest first
	names := func(gs []rules.Grade, keep []rules.Grade) ([]string, []string) {
		var ids, ns []string
		for _, g := range gs {
			if slices.ContainsFunc(keep, func(k rules.Grade) bool { return k.ID == g.ID }) {
				ids, ns = append(ids, g.ID), append(ns, g.Name)
			}
		}
		return ids, ns
	}
	ia, na := names(a.Grades, b.Grades)
	ib, nb := names(b.Grades, a.Grades)
	if !slices.Equal(ia, ib) {
		d.add("grades", Changed, strings.Join(ia, ", "), strings.Join(ib, ", "), lang.Msg("amend.grades.order", strings.Join(na, "; "), strings.Join(nb, "; ")))
	}
}

// minus returns the ids of a that b lacks, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// gradeName names a band by its name in s; "—" for none, the id for a
// band s does not define.
func gradeName(s rules.Spec, id string) string {
	if id == "" {
		return "—"
	}
	for _, g := range s.Grades {
		if g.ID == id {
			return g.Name
		}
	}
	return id
}

// minGrade reports a change of the lowest band an award requires.
func (d *differ) minGrade(a, b rules.Spec, o, n rules.AwardTier) {
	if o.MinGrade != n.MinGrade {
		d.add("awards."+o.ID+".min_grade", Changed, o.MinGrade, n.MinGrade, lang.Msg("amend.award.min_grade", n.Name, gradeName(a, o.MinGrade), gradeName(b, n.MinGrade)))
	}
}

// sideText writes one side of a signed criterion: "2 mô hình được công
// nhận" (points each and what is counted), "" when not given.
func sideText(p rules.SignedPart) string {
	if p.IsZero() {
		return ""
	}
	s := p.PointsEach.String()
	if p.Name != "" {
		s += " " + p.Name
	}
	return s
}

// signed reports changes of a signed criterion's parameters (cộng/trừ):
// its lowest points and the points of each side.
func (d *differ) signed(path string, w lang.Message, o, n rules.Node) {
	d.num(path+".min", o.MinPoints, n.MinPoints, func(x, y string) lang.Message {
		return lang.Msg("amend.node.min", o.ID, zero(x), zero(y)).With(w)
	})
	for _, s := range []struct {
		key, word string
		a, b      rules.SignedPart
	}{{"plus", "amend.side.plus", o.Plus, n.Plus}, {"minus", "amend.side.minus", o.Minus, n.Minus}} {
		ta, tb := sideText(s.a), sideText(s.b)
		if ta != tb {
			d.add(path+"."+s.key, Changed, ta, tb, lang.Msg("amend.node.side", o.ID).With(w, lang.Msg(s.word), sideMsg(s.a), sideMsg(s.b)))
		}
	}
}

// zero writes "—" (not given) of a signed criterion's minimum as 0, its
// meaning.
func zero(s string) string {
	if s == "—" {
		return "0"
	}
	return s
}

// sideMsg states one side of a signed criterion: "2 điểm mỗi lần (mô hình
// được công nhận)", or "không có".
func sideMsg(p rules.SignedPart) lang.Message {
	switch {
	case p.IsZero():
		return lang.Msg("amend.side.none")
	case p.Name != "":
		return lang.Msg("amend.side.named", p.PointsEach, p.Name)
	}
	return lang.Msg("amend.side.each", p.PointsEach)
}

// ballotName names the ballot a vote condition counts: its name in s, or
// its id if s does not list it.
func ballotName(s rules.Spec, id string) string {
	for _, b := range s.Votes.Ballots {
		if b.ID == id {
			return b.Name
		}
	}
	return id
}
