package whatif

import (
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

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
