package standings

import (
	"strconv"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Head-to-head rules (head_to_head, league) compare the tied members with
// each other, not each member with a number of its own, so who else is in
// the tied group changes a member's key. Two things keep that fair:
//
//   - only the members in play count as rivals: a member eligible for no
//     award tier (when the rulebook has tiers) is still placed by its own
//     results against the members in play, but no member's key counts its
//     results against it, so it cannot decide an award between the others;
//   - a league rule re-applied (league: reapply) computes the mini-league
//     again among each run it leaves tied, smaller than the group it was
//     given, before the next rule (see next).

// League points of a match: a win, a draw (a loss gives none), as FIFA and
// UEFA count them.
const (
	winPoints  = 3
	drawPoints = 1
)

// score is one side's result of a match: its score and the rival's.
type score struct{ For, Against int32 }

// matchIndex indexes the sheet's matches by ordered pair of member
// indices (a·n + b: a's score first), both ways. Matches naming a member
// that is not on the cards are left out (the sheet's validation reports
// them).
func matchIndex(cards []scoring.Scorecard, ms []scoring.Match) map[int]score {
	idx := make(map[string]int, len(cards))
	for m, c := range cards {
		idx[c.Member.ID] = m
	}
	n := len(cards)
	out := make(map[int]score, 2*len(ms))
	for _, g := range ms {
		a, okA := idx[g.Member]
		b, okB := idx[g.Rival]
		if !okA || !okB || a == b {
			continue
		}
		out[a*n+b] = score{int32(g.For), int32(g.Against)}
		out[b*n+a] = score{int32(g.Against), int32(g.For)}
	}
	return out
}

// inPlay marks, for each member of g, whether it is eligible for some
// award tier in this scenario (every member is, if the rulebook has no
// tiers): r.play[m] is 1 or -1. Eligibility is checked afresh (not from
// the memo of the last Propose, which may be another scenario's).
func (r *Ranker) inPlay(g []int) {
	c := r.c
	if r.play == nil {
		r.play = make([]int8, c.Len())
	}
	for _, m := range g {
		r.play[m] = 1
		if len(c.tiers) == 0 {
			continue
		}
		r.play[m] = -1
		for t := range c.tiers {
			ok := true
			for _, j := range c.requires[t] {
				if !c.eligibleNow(r.src, m, j) {
					ok = false
					break
				}
			}
			if ok {
				r.play[m] = 1
				break
			}
		}
	}
}

// eligibleNow reports whether member m meets condition j, reading src.
func (c *Cluster) eligibleNow(src Source, m, j int) bool {
	if k := c.known[m*len(c.conds)+j]; k != 0 {
		return k > 0
	}
	ok, _ := c.check(src, m, j, false)
	return ok
}

// headToHead keys each member of g by the number of rivals in play it
// beats by the peers' judgement (see HeadToHead).
func (r *Ranker) headToHead(g []int) {
	c, keys := r.c, r.keys
	r.inPlay(g)
	for _, a := range g {
		var wins int64
		for _, b := range g {
			if a != b && r.play[b] > 0 && c.h2h[a][b] > c.h2h[b][a] {
				wins++
			}
		}
		keys[a] = wins
	}
}

// headToHeadText is member m's value under head_to_head among the group
// in, as a decision quotes it.
func (r *Ranker) headToHeadText(m int, in []int, key int64) lang.Message {
	c := r.c
	var detail, out []lang.Message
	for _, b := range in {
		switch {
		case b == m:
		case r.play[b] > 0:
			detail = append(detail, lang.Msg("value.h2h.pair", c.h2h[m][b], c.h2h[b][m], c.cards[b].Member.ID))
		default:
			out = append(out, lang.Msg("value.member", c.cards[b].Member.ID))
		}
	}
	return withOut(lang.Msg("value.h2h", int(key), len(detail)).With(detail...), out)
}

// withOut adds to a member's value the rivals it was not compared with,
// as eligible for no award, if any.
func withOut(v lang.Message, out []lang.Message) lang.Message {
	if len(out) == 0 {
		return v
	}
	return lang.Msg("value.out_of_play").With(v, lang.Msg("value.members").With(out...))
}

// leagueRow is a member's line of a mini-league table.
type leagueRow struct {
	points, diff, scored int64
	played               int
}

func (a leagueRow) cmp(b leagueRow) int {
	switch {
	case a.points != b.points:
		return sign(a.points - b.points)
	case a.diff != b.diff:
		return sign(a.diff - b.diff)
	}
	return sign(a.scored - b.scored)
}

func sign(x int64) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// leagueRowOf is member a's line in the mini-league of the group g: its
// matches against the rivals of g in play. ok is false, with the pair,
// if two members in play have no result.
func (r *Ranker) leagueRowOf(a int, g []int) (row leagueRow, missing int, ok bool) {
	c := r.c
	n := c.Len()
	for _, b := range g {
		if b == a || r.play[b] < 0 {
			continue
		}
		s, played := c.matches[a*n+b]
		if !played {
			if r.play[a] > 0 {
				return row, b, false
			}
			continue // a member out of play is placed by the results it has
		}
		row.played++
		row.scored += int64(s.For)
		row.diff += int64(s.For) - int64(s.Against)
		switch {
		case s.For > s.Against:
			row.points += winPoints
		case s.For == s.Against:
			row.points += drawPoints
		}
	}
	return row, -1, true
}

// league keys each member of g by its line in the mini-league of g's
// members in play: points, then difference, then scored; the key is the
// number of members of g whose line is lower. It fails, naming the pair,
// if two members in play have no result.
func (r *Ranker) league(g []int) (bool, lang.Message) {
	c, keys := r.c, r.keys
	r.inPlay(g)
	if r.table == nil {
		r.table = make([]leagueRow, c.Len())
	}
	for _, a := range g {
		row, b, ok := r.leagueRowOf(a, g)
		if !ok {
			if r.rec == nil {
				return false, lang.Message{}
			}
			x, y := c.cards[a].Member.ID, c.cards[b].Member.ID
			if y < x {
				x, y = y, x
			}
			return false, lang.Msg("league.missing", x, y)
		}
		r.table[a] = row
	}
	for _, a := range g {
		var below int64
		for _, b := range g {
			if r.table[b].cmp(r.table[a]) < 0 {
				below++
			}
		}
		keys[a] = below
	}
	return true, lang.Message{}
}

// leagueText is member m's line of the mini-league among the group in, with
// its results, as a decision quotes it.
func (r *Ranker) leagueText(m int, in []int) lang.Message {
	c := r.c
	n := c.Len()
	row, _, _ := r.leagueRowOf(m, in)
	var results, out []lang.Message
	inPlay := 0
	for _, b := range in {
		if r.play[b] > 0 {
			inPlay++
		}
		switch {
		case b == m:
		case r.play[b] < 0:
			out = append(out, lang.Msg("value.member", c.cards[b].Member.ID))
		default:
			if s, ok := c.matches[m*n+b]; ok {
				results = append(results, lang.Msg("value.league.match", int(s.For), int(s.Against), c.cards[b].Member.ID))
			} else {
				results = append(results, lang.Msg("value.league.unplayed", c.cards[b].Member.ID))
			}
		}
	}
	v := lang.Msg("value.league", inPlay, row.points, signed(row.diff), row.scored, row.played).With(results...)
	return withOut(v, out)
}

// signed writes a difference with its sign: +2, 0, -1.
func signed(x int64) string {
	if x > 0 {
		return "+" + strconv.FormatInt(x, 10)
	}
	return strconv.FormatInt(x, 10)
}

// next is the chain rule that orders a run of equal key, of size run,
// left by rule k in a group of size size: rule k again if it is a league
// re-applied and the run is smaller than the group (the mini-league is
// computed again among those still tied), else the next rule.
func (r *Ranker) next(k, run, size int) int {
	if tb := r.c.chain[k].TieBreak; tb.Kind == rules.League && tb.Ref == rules.LeagueReapply && run < size {
		return k
	}
	return k + 1
}
