package whatif

import (
	"slices"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// cloneSheet deep-copies a sheet, so that edits never reach the caller's.
func cloneSheet(sh scoring.Sheet) scoring.Sheet {
	out := sh
	out.Members = slices.Clone(sh.Members)
	out.Scores = slices.Clone(sh.Scores)
	out.Targets = slices.Clone(sh.Targets)
	out.NotAssigned = slices.Clone(sh.NotAssigned)
	out.Bonuses = slices.Clone(sh.Bonuses)
	out.Deductions = slices.Clone(sh.Deductions)
	out.Facts = slices.Clone(sh.Facts)
	out.History = slices.Clone(sh.History)
	out.Lots = slices.Clone(sh.Lots)
	if sh.Ballot != nil {
		b := *sh.Ballot
		b.Votes = slices.Clone(sh.Ballot.Votes)
		out.Ballot = &b
	}
	return out
}

func hasMember(sh scoring.Sheet, id string) bool {
	for _, m := range sh.Members {
		if m.ID == id {
			return true
		}
	}
	return false
}

// rank is ranking.Rank without the scorecards' trace text: scoring.Score
// with scoring.WithoutTrace, then ranking.RankScorecards — the same
// standings, computed by the same engine, faster. The searches use it for
// their many candidate sheets; answers are ranked again with ranking.Rank.
func rank(rb *rules.Rulebook, sh scoring.Sheet, opts ...ranking.Option) (*ranking.Standings, error) {
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		return nil, err
	}
	return ranking.RankScorecards(rb, sh, cards, opts...), nil
}
