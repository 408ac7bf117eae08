package sheets

import (
	"strconv"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// half is one row of a match: member's score against rival. A match is
// written as two rows, one from each side, so that every cell is a plain
// number: a spreadsheet reads "3-1" as a date and "3:1" as a time.
type half struct {
	member, rival string
	score         int
	line          int
}

// match reads a match row: record match, the member, its rival under key,
// the member's score under value.
func (p *csvParser) match(line int, member, rival, value string) {
	n, err := parseCount(value)
	if err != nil || value == "" {
		p.add(line, member, rival, lang.Msg("csv.match.score"))
		return
	}
	p.halves = append(p.halves, half{member, rival, n, line})
}

// finishMatches pairs the match rows: each member's score against a rival
// with the rival's against it, into one scoring.Match, at the line of the
// row given first. A row without its other half, or a side given twice,
// is reported at its line and left out.
func (p *csvParser) finishMatches() {
	at := make(map[[2]string]int, len(p.halves)) // (member, rival) → index in halves
	for i, h := range p.halves {
		k := [2]string{h.member, h.rival}
		if j, dup := at[k]; dup {
			p.add(h.line, h.member, h.rival, lang.Msg("csv.match.twice", strconv.Quote(h.rival), p.halves[j].line))
			continue
		}
		at[k] = i
	}
	for i, h := range p.halves {
		if at[[2]string{h.member, h.rival}] != i {
			continue // a second row of the same side, reported above
		}
		j, ok := at[[2]string{h.rival, h.member}]
		switch {
		case h.member == h.rival:
			// one row holds both sides: scoring reports the member
			// against itself
			p.sheet.Matches = append(p.sheet.Matches, scoring.Match{Member: h.member, Rival: h.rival, For: h.score, Against: h.score,
				Source: scoring.Source{File: p.name, Line: h.line}})
		case !ok:
			p.add(h.line, h.member, h.rival, lang.Msg("csv.match.half", h.member, h.rival))
		case j > i:
			o := p.halves[j]
			p.sheet.Matches = append(p.sheet.Matches, scoring.Match{Member: h.member, Rival: h.rival, For: h.score, Against: o.score,
				Source: scoring.Source{File: p.name, Line: h.line}})
		}
	}
}

// writeMatches adds each match as its two rows, the member's side first.
func writeMatches(add func(r ...string), ms []scoring.Match) {
	for _, m := range ms {
		add("match", neutralise(m.Member), neutralise(m.Rival), strconv.Itoa(m.For))
		if m.Member != m.Rival {
			add("match", neutralise(m.Rival), neutralise(m.Member), strconv.Itoa(m.Against))
		}
	}
}
