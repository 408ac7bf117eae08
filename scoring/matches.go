package scoring

import (
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
)

// Match is the result of one match between two members (kết quả thi đấu
// đối kháng): a game of a sports cluster, or any pairwise contest whose
// result is a score for each side. A league tie-break (rules.League)
// builds a mini-league of the tied members from these results: 3 points
// for a win, 1 for a draw, then the difference and the scores. A pair of
// members plays at most once, in either order (Member against Rival is
// the same pair as Rival against Member).
type Match struct {
	Member string `json:"member"`
	Rival  string `json:"rival"`
	// For is Member's score, Against Rival's: whole numbers, not negative.
	For     int    `json:"for"`
	Against int    `json:"against"`
	Source  Source `json:"-"`
}

// Flipped is the same result seen from the rival's side.
func (m Match) Flipped() Match {
	return Match{Member: m.Rival, Rival: m.Member, For: m.Against, Against: m.For, Source: m.Source}
}

// hashMatches writes each match's line from the side of the member whose
// id sorts first, so that a pair's result hashes the same whichever side
// a file gives it from.
func (s Sheet) hashMatches(h *hashLines) {
	for _, m := range s.Matches {
		if m.Rival < m.Member {
			m = m.Flipped()
		}
		h.line('G').text(m.Member).text(m.Rival).int(m.For).int(m.Against)
	}
}

// matches checks the results of the matches: both sides are members of
// the sheet and not the same one, each pair plays once, and no score is
// negative. Every problem names the row.
func (c *checker) matches(in *input, ms []Match) {
	seen := map[[2]string]Source{}
	for _, g := range ms {
		_, okA := c.member(in, g.Member, g.Source)
		_, okB := c.member(in, g.Rival, g.Source)
		if !okA || !okB {
			continue
		}
		if g.Member == g.Rival {
			c.add(g.Source, g.Member, "", lang.Msg("input.match.self", strconv.Quote(g.Member)))
			continue
		}
		if g.For < 0 || g.Against < 0 {
			c.add(g.Source, g.Member, "", lang.Msg("input.match.negative", strconv.Quote(g.Rival), g.For, g.Against))
			continue
		}
		pair := [2]string{g.Member, g.Rival}
		if strings.Compare(pair[1], pair[0]) < 0 {
			pair[0], pair[1] = pair[1], pair[0]
		}
		if prev, dup := seen[pair]; dup {
			c.add(g.Source, g.Member, "", twice("input.match.twice", prev, g.Source, strconv.Quote(g.Rival)))
			continue
		}
		seen[pair] = g.Source
	}
}
