package audit

import (
	"strconv"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// grade reads a CSV grade row, grade,<member>,,<band id or band name>,
// whose member and value are given.
func (p *csvParser) grade(line int, member, key, value string, src Source) {
	if key != "" {
		p.add(line, member, key, lang.Msg("recorded.csv.grade.key", quote(key)))
		return
	}
	m := p.member(member, src)
	if m.Grade.Band != "" {
		p.add(line, member, "", lang.Msg("recorded.csv.grade.twice", m.Grade.Source.Line))
		return
	}
	m.Grade = GradeEntry{Band: value, Source: src}
}

// gradeBand finds the band the minutes write, by its id or by its exact
// name (ids first: a band's id is never mistaken for another's name).
func gradeBand(bands []rules.Grade, written string) (rules.Grade, bool) {
	for _, g := range bands {
		if g.ID == written {
			return g, true
		}
	}
	for _, g := range bands {
		if g.Name == written {
			return g, true
		}
	}
	return rules.Grade{}, false
}

// grades checks each grading band (mức xếp loại) the minutes record: a
// band the rulebook does not have (unknown_grade), or another band than
// the recomputation's (grade). A member the minutes grade nothing is not
// checked, nor one the recomputation does not rank (reported elsewhere).
func (a *auditor) grades() {
	var bands []rules.Grade
	for i := range a.rec.Members {
		m := &a.rec.Members[i]
		e := m.Grade
		if e.Band == "" {
			continue
		}
		if bands == nil {
			bands = a.rb.Grades()
		}
		g, ok := gradeBand(bands, e.Band)
		if !ok {
			a.add(Finding{Severity: Error, Kind: KindUnknownGrade, Member: m.ID, Recorded: e.Band, Source: e.Source,
				Message: lang.Msg("audit.grade.unknown", a.name(m.ID), strconv.Quote(e.Band)).With(a.rulebookName())})
			continue
		}
		if a.st == nil {
			continue
		}
		row, ok := a.row(m.ID)
		if !ok || row.Grade == g.ID {
			continue
		}
		f := Finding{Severity: Error, Kind: KindGrade, Member: m.ID, Source: e.Source,
			RecordedPhrase: lang.Msg("audit.value.grade", g.Name)}
		if re, ok := gradeBand(bands, row.Grade); ok && row.Grade != "" {
			f.RecomputedPhrase = lang.Msg("audit.value.grade", re.Name)
			f.Message = lang.Msg("audit.grade.differs", a.name(m.ID), g.Name, re.Name)
		} else {
			f.RecomputedPhrase = lang.Msg("audit.value.grade_none")
			f.Message = lang.Msg("audit.grade.differs_none", a.name(m.ID), g.Name)
		}
		a.add(f)
	}
}
