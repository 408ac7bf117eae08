package xlsx

import (
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// Named ballots (rules.VotePolicy.Ballots): a rulebook that lists several
// ballots — one per award tier or grading band — gets one set of vote
// columns per ballot. Their keys name the ballot after an "@", as a
// criterion's column names its stage: "votes:for@xuat_sac",
// "votes:against@xuat_sac", "votes:abstain@xuat_sac". Without keys, a
// "Phiếu tán thành" column is of the ballot whose name or id heads it (a
// label above the header, as the template merges the ballot's name over
// its columns). A member not put to a ballot leaves that ballot's cells
// empty; a member with any of them filled was put to it.
//
// The details sheet's "entitled" and "present" apply to every listed
// ballot (each is then held); a ballot's own rows "entitled@ID" and
// "present@ID" override them for that ballot. Without any of these, a
// ballot is held when a member was put to it.

// ballotCounts are the numbers entitled and present given for one named
// ballot, and where.
type ballotCounts struct {
	entitled, present int
	src               scoring.Source
}

// ballotLabelRows is how far above a votes column's header the reader
// looks for the name of its ballot.
const ballotLabelRows = 8

// columnBallot looks above the header row of a votes column for the name
// or id of one of the rulebook's named ballots; "" if there is none (or
// the rulebook lists no ballots).
func (rd *reader) columnBallot(g *grid, header, c int) string {
	if len(rd.m.ballots) == 0 {
		return ""
	}
	for r := header - 1; r >= max(1, header-ballotLabelRows); r-- {
		if id, ok := rd.m.ballot(g.text(pos{r, c})); ok {
			return id
		}
	}
	return ""
}

// addVotes records a row's votes, by ballot id ("" the sheet's only
// ballot).
func (rd *reader) addVotes(votes map[string]*scoring.Vote) {
	if v := votes[""]; v != nil {
		rd.votes = append(rd.votes, *v)
	}
	for _, b := range rd.rb.Votes().Ballots {
		if v := votes[b.ID]; v != nil {
			if rd.named == nil {
				rd.named = map[string][]scoring.Vote{}
			}
			rd.named[b.ID] = append(rd.named[b.ID], *v)
		}
	}
}

// finishBallots assembles the ballots of the sheet: the only ballot (as
// before named ballots), and each named ballot held, in the rulebook's
// order.
func (rd *reader) finishBallots() {
	sh := &rd.res.sheet
	listed := rd.rb.Votes().Ballots
	general := rd.entitled > 0 || rd.present > 0
	if len(rd.votes) > 0 || general && len(listed) == 0 {
		src := rd.ballotSrc
		if src.File == "" && len(rd.votes) > 0 {
			src = rd.votes[0].Source
		}
		sh.Ballot = &scoring.Ballot{Entitled: rd.entitled, Present: rd.present, Votes: rd.votes, Source: src}
	}
	for _, b := range listed {
		votes, own := rd.named[b.ID], rd.namedCounts[b.ID]
		if len(votes) == 0 && own == nil && !general {
			continue // not held
		}
		nb := scoring.Ballot{ID: b.ID, Entitled: rd.entitled, Present: rd.present, Votes: votes, Source: rd.ballotSrc}
		if own != nil {
			if own.entitled > 0 {
				nb.Entitled = own.entitled
			}
			if own.present > 0 {
				nb.Present = own.present
			}
			nb.Source = own.src
		}
		if nb.Source.File == "" && len(votes) > 0 {
			nb.Source = votes[0].Source
		}
		sh.Ballots = append(sh.Ballots, nb)
	}
}

// ballotField reads a details key of one named ballot's counts, folded:
// "entitled@xuat_sac" is ("entitled", "xuat_sac"). ok is false for
// another text.
func ballotField(f string) (field, ballot string, ok bool) {
	field, ballot, ok = strings.Cut(f, "@")
	if !ok || (field != "entitled" && field != "present") || strings.TrimSpace(ballot) == "" {
		return "", "", false
	}
	return field, strings.TrimSpace(ballot), true
}

// ballotInfo records one named ballot's number entitled or present.
func (rd *reader) ballotInfo(g *grid, p pos, field, value string) {
	_, ballot, _ := ballotField(field)
	id, ok := rd.m.ballot(ballot)
	if !ok {
		rd.cellError(g, p, "", "", lang.Msg("xlsx.info.ballot", strconv.Quote(ballot), rd.m.ballotIDs()))
		return
	}
	n, err := parseCount(value, kindText)
	if err != nil {
		m := lang.Msg("xlsx.info.present_of")
		if strings.HasPrefix(field, "entitled") {
			m = lang.Msg("xlsx.info.entitled_of")
		}
		b, _ := rd.rb.Ballot(id)
		rd.cellError(g, p, "", "", m.With(lang.Msg("problem.text", b.Name), messageOf(err)))
		return
	}
	if rd.namedCounts == nil {
		rd.namedCounts = map[string]*ballotCounts{}
	}
	bc := rd.namedCounts[id]
	if bc == nil {
		bc = &ballotCounts{src: scoring.Source{File: rd.file, Line: p.row}}
		rd.namedCounts[id] = bc
	}
	if strings.HasPrefix(field, "entitled") {
		bc.entitled = n
	} else {
		bc.present = n
	}
}
