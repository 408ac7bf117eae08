package audit

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// basisOf is what the members are ranked by, as the standings say (the
// rulebook's basis, if nothing was recomputed).
func (a *auditor) basisOf() rules.Basis {
	if a.st != nil {
		return a.st.Basis
	}
	return a.rb.RankBy()
}

// chain returns the rules of the ranking chain as the standings' decisions
// name them: the basis, named as the standings name it ("total" or
// "percent"), then the rulebook's tie-breaks.
func (a *auditor) chain() []string {
	out := []string{string(a.basisOf())}
	for _, tb := range a.rb.TieBreaks() {
		out = append(out, tb.String())
	}
	return out
}

// cited reports whether the minutes record a tie-break between x and y, in
// either direction.
func (a *auditor) cited(x, y string) bool {
	return slices.ContainsFunc(a.rec.TieBreaks, func(c CitedTieBreak) bool {
		return (c.Upper == x && c.Lower == y) || (c.Upper == y && c.Lower == x)
	})
}

// basis returns the recorded figure of the minutes' column the members are
// ranked by.
func (a *auditor) basis(m MemberResult) Figure {
	if a.byPercent() {
		return m.Percent
	}
	return m.Total
}

func (a *auditor) byPercent() bool { return a.basisOf() == rules.ByPercent }

// byBasis picks the message key about totals or, in a cluster ranked by
// percentage, about percentages.
func (a *auditor) byBasis(total, percent string) string {
	if a.byPercent() {
		return percent
	}
	return total
}

// tie returns the tie the standings list with a member: the members the
// chain could not separate from it, whether their tie decides an award
// (Tie.Unresolved) or is a shared rank (đồng hạng).
func (a *auditor) tie(member string) (ranking.Tie, bool) {
	for _, t := range a.st.Ties {
		if slices.Contains(t.Members, member) {
			return t, true
		}
	}
	return ranking.Tie{}, false
}

func rankText(row ranking.Row) string {
	if row.Tied {
		return strconv.Itoa(row.Rank) + "="
	}
	return strconv.Itoa(row.Rank)
}

// sharedTie reports whether the standings put the two members in one tie
// that decides no award: they share the rank (đồng hạng), quietly.
func (a *auditor) sharedTie(x, y string) bool {
	if a.st == nil {
		return false
	}
	t, ok := a.tie(x)
	return ok && !t.Unresolved() && slices.Contains(t.Members, y)
}

// decidedText says from the lower member's side how a decision separates
// it from the member above: "total: 88.75 < 94.7 (SKHCN)", "tổng điểm:
// 88,75 < 94,7 (SKHCN)", "đồng hạng với SNNPTNT" for a tie that decides no
// award, "bằng điểm, chưa phân định với SCT" for one that does. It is zero
// for no decision.
func decidedText(d *ranking.Decision) lang.Message {
	switch {
	case d == nil:
		return lang.Message{}
	case d.Unresolved && !d.Shared:
		return lang.Msg("audit.decided.unresolved", d.Upper)
	}
	return d.BriefMessage()
}

// ranking checks the recorded order: against the recorded totals, against
// the recomputed standings, and the tie-breaks the minutes cite.
func (a *auditor) ranking() {
	var ranked []*MemberResult
	for i := range a.rec.Members {
		if a.rec.Members[i].Rank.Set {
			ranked = append(ranked, &a.rec.Members[i])
		}
	}
	slices.SortStableFunc(ranked, func(x, y *MemberResult) int { return cmp.Compare(x.Rank.N, y.Rank.N) })
	for i := 1; i < len(ranked); i++ {
		u, l := *ranked[i-1], *ranked[i]
		bu, bl := a.basis(u), a.basis(l)
		if !bu.Set || !bl.Set {
			continue
		}
		c := rules.CompareDecimals(bu.Value, bl.Value)
		switch {
		case u.Rank.N == l.Rank.N && c != 0:
			rec := lang.Msg(a.byBasis("audit.value.rank_basis.total", "audit.value.rank_basis.percent"), l.Rank.N, bl.Value)
			re := lang.Msg(a.byBasis("audit.value.basis_of.total", "audit.value.basis_of.percent"), u.ID, bu.Value)
			a.add(Finding{Severity: Error, Kind: KindOrder, Member: l.ID, RecordedPhrase: rec, RecomputedPhrase: re, Source: l.Rank.Source,
				Message: lang.Msg(a.byBasis("audit.order.same_rank.total", "audit.order.same_rank.percent"), a.name(u.ID), a.name(l.ID), u.Rank.N, bu.Value, bl.Value)})
		case c < 0:
			rec := lang.Msg(a.byBasis("audit.value.rank_basis.total", "audit.value.rank_basis.percent"), l.Rank.N, bl.Value)
			re := lang.Msg(a.byBasis("audit.value.above_rank.total", "audit.value.above_rank.percent"), u.Rank.N, bu.Value)
			a.add(Finding{Severity: Error, Kind: KindOrder, Member: l.ID, RecordedPhrase: rec, RecomputedPhrase: re, Source: l.Rank.Source,
				Message: lang.Msg(a.byBasis("audit.order.higher_below.total", "audit.order.higher_below.percent"), a.name(l.ID), l.Rank.N, bl.Value, a.name(u.ID), u.Rank.N, bu.Value)})
		case c == 0 && u.Rank.N < l.Rank.N && !a.cited(u.ID, l.ID) && a.sharedTie(u.ID, l.ID):
			// the chain cannot separate them either, and their tie
			// decides no award: a shared rank the minutes numbered
			rec := lang.Msg("audit.value.ranks", u.Rank.N, l.Rank.N)
			re := lang.Msg(a.byBasis("audit.value.each.total", "audit.value.each.percent"), bu.Value)
			a.add(Finding{Severity: Info, Kind: KindUnexplainedTie, Member: l.ID, RecordedPhrase: rec, RecomputedPhrase: re, Source: l.Rank.Source,
				Message: lang.Msg(a.byBasis("audit.order.shared_rank.total", "audit.order.shared_rank.percent"), a.name(u.ID), a.name(l.ID), bu.Value, u.Rank.N, l.Rank.N)})
		case c == 0 && u.Rank.N < l.Rank.N && !a.cited(u.ID, l.ID):
			rec := lang.Msg("audit.value.ranks", u.Rank.N, l.Rank.N)
			re := lang.Msg(a.byBasis("audit.value.each.total", "audit.value.each.percent"), bu.Value)
			a.add(Finding{Severity: Warning, Kind: KindUnexplainedTie, Member: l.ID, RecordedPhrase: rec, RecomputedPhrase: re, Source: l.Rank.Source,
				Message: lang.Msg(a.byBasis("audit.order.unexplained_tie.total", "audit.order.unexplained_tie.percent"), a.name(u.ID), a.name(l.ID), bu.Value, u.Rank.N, l.Rank.N)})
		}
	}
	if a.st != nil {
		if len(a.excluded) == 0 {
			a.ranksAbsolute()
		} else {
			a.ranksRelative()
		}
	}
	a.citedTieBreaks()
}

// ranksAbsolute compares each recorded rank with the recomputed one.
func (a *auditor) ranksAbsolute() {
	for _, m := range a.rec.Members {
		row, ok := a.row(m.ID)
		if !m.Rank.Set || !ok {
			continue
		}
		if row.Tied {
			if t, ok := a.tie(m.ID); ok && m.Rank.N >= t.Rank && m.Rank.N < t.Rank+len(t.Members) {
				continue // the tie is resolved outside the sheet; see the cited tie-breaks
			}
		} else if m.Rank.N == row.Rank {
			continue
		}
		why := lang.Msg("audit.why.first")
		if d := row.DecidedBy; d != nil {
			switch {
			case d.Shared:
				why = lang.Msg("audit.why.shared", a.name(d.Upper))
			case d.Unresolved:
				why = lang.Msg("audit.why.unresolved", a.name(d.Upper))
			default:
				why = lang.Msg("audit.why.below", a.name(d.Upper), d.Rule).With(d.UpperValue, d.LowerValue)
			}
		}
		a.add(Finding{Severity: Error, Kind: KindOrder, Member: m.ID, Recorded: strconv.Itoa(m.Rank.N), Recomputed: rankText(row), Source: m.Rank.Source,
			Message: lang.Msg("audit.order.rank", a.name(m.ID), m.Rank.N, rankText(row)).With(why)})
	}
}

// ranksRelative compares the order of each recomputed adjacent pair with
// the recorded ranks, for when members were left out of the recomputation
// (so that ranks shift).
func (a *auditor) ranksRelative() {
	for i := 1; i < len(a.st.Rows); i++ {
		up, lo := a.st.Rows[i-1], a.st.Rows[i]
		d := lo.DecidedBy
		if d == nil || d.Unresolved {
			continue
		}
		mu, ok1 := a.rec.Member(up.Member.ID)
		ml, ok2 := a.rec.Member(lo.Member.ID)
		if !ok1 || !ok2 || !mu.Rank.Set || !ml.Rank.Set || mu.Rank.N <= ml.Rank.N {
			continue
		}
		rec, re := lang.Msg("audit.value.rank_above", ml.Rank.N, mu.Rank.N), decidedText(d)
		a.add(Finding{Severity: Error, Kind: KindOrder, Member: ml.ID, RecordedPhrase: rec, RecomputedPhrase: re, Source: ml.Rank.Source,
			Message: lang.Msg("audit.order.relative", a.name(ml.ID), ml.Rank.N, a.name(mu.ID), mu.Rank.N, d.Rule).With(d.UpperValue, d.LowerValue)})
	}
}

// citedTieBreaks checks every tie-break the minutes cite: is it in the
// chain, and is it the rule that separates the pair?
func (a *auditor) citedTieBreaks() {
	if len(a.rec.TieBreaks) == 0 {
		return
	}
	chain := a.chain()
	index := map[string]int{}
	chainText := lang.Msg("audit.chain")
	for i, r := range chain {
		index[r] = i
		chainText = chainText.With(lang.Msg("rule", r))
	}
	for _, c := range a.rec.TieBreaks {
		rule := normRule(c.Rule)
		idx, ok := index[rule]
		if !ok {
			a.add(Finding{Severity: Error, Kind: KindTieBreakNotInChain, Member: c.Lower, Rule: c.Rule, Recorded: c.Rule, RecomputedPhrase: chainText, Source: c.Source,
				Message: lang.Msg("audit.tiebreak.not_in_chain", a.name(c.Upper), a.name(c.Lower), strconv.Quote(c.Rule)).With(a.rulebookName(), chainText)})
			continue
		}
		if a.st == nil {
			continue
		}
		iu, ok1 := a.pos[c.Upper]
		il, ok2 := a.pos[c.Lower]
		if !ok1 || !ok2 {
			continue
		}
		dec, best := a.separating(iu, il, index)
		upper, lower := a.name(c.Upper), a.name(c.Lower)
		re := decidedText(dec)
		f := Finding{Severity: Warning, Kind: KindTieBreakMismatch, Member: c.Lower, Rule: c.Rule, RecordedPhrase: lang.Msg("rule", rule),
			RecomputedPhrase: re, Source: c.Source}
		switch {
		case dec.Shared:
			// the minutes order two members who share the rank: it
			// decides no award
			f.Severity = Info
			f.Message = lang.Msg("audit.tiebreak.shared", upper, lower, rule).With(chainText)
		case dec.Unresolved && a.blocked(dec.Upper) == rule:
			f.Severity = Info
			f.Message = lang.Msg("audit.tiebreak.lots_not_recorded", upper, lower)
		case dec.Unresolved:
			f.Message = lang.Msg("audit.tiebreak.unresolved", upper, lower, rule).With(chainText)
		case best == 0 && idx != 0:
			f.Message = lang.Msg(a.byBasis("audit.tiebreak.not_needed.total", "audit.tiebreak.not_needed.percent"), upper, lower, rule).With(dec.UpperValue, dec.LowerValue)
		case best != idx:
			f.Message = lang.Msg("audit.tiebreak.other_rule", upper, lower, rule, dec.Rule).With(dec.UpperValue, dec.LowerValue)
		case iu > il:
			f.Message = lang.Msg("audit.tiebreak.reversed", upper, lower, rule).With(dec.UpperValue, dec.LowerValue)
		default:
			continue
		}
		a.add(f)
	}
}

// separating returns the standings' decision that separates the members
// at positions i and j of the rows, with the place of its rule in the
// chain (index): of the decisions between them, the one by the earliest
// rule of the chain (the first of those, from the top), or an unresolved
// one if the chain separates none of them. The engine decides each
// adjacent pair only; this reads those decisions. (The values quoted are
// those of the decision's pair, which may be the neighbours of i and j.)
func (a *auditor) separating(i, j int, index map[string]int) (*ranking.Decision, int) {
	best, dec := len(index), (*ranking.Decision)(nil)
	for k := min(i, j) + 1; k <= max(i, j); k++ {
		d := a.st.Rows[k].DecidedBy
		ci, ok := index[d.Rule]
		if d.Unresolved || !ok {
			ci = len(index)
		}
		if dec == nil || ci < best {
			best, dec = ci, d
		}
	}
	return dec, best
}

// blocked returns the rule of the chain the standings could not apply to
// the unresolved tie of a member, for want of what the sheet does not
// record (drawing lots without a recorded draw or a seed): the last rule
// the engine tried, when its note is not that the members are equal under
// every rule tried. It is "" when the chain found them equal throughout.
func (a *auditor) blocked(member string) string {
	t, ok := a.tie(member)
	if !ok || len(t.Tried) == 0 || t.Note.Key == "tie.equal" {
		return ""
	}
	return t.Tried[len(t.Tried)-1]
}

// awards checks the recorded proposals: known tiers, one award per member,
// quotas, eligibility and votes, and members passed over.
func (a *auditor) awards() {
	tierIdx := map[string]int{}
	for i, t := range a.tiers {
		tierIdx[t.ID] = i
	}
	given := map[string][]*MemberResult{}
	earliest := map[string]int{} // member → its highest recorded tier
	for i := range a.rec.Members {
		m := &a.rec.Members[i]
		first := ""
		for _, e := range m.Awards {
			ti, ok := tierIdx[e.Tier]
			if !ok {
				a.add(Finding{Severity: Error, Kind: KindUnknownAward, Member: m.ID, Rule: e.Tier, Recorded: e.Tier, Source: e.Source,
					Message: lang.Msg("audit.award.unknown", a.name(m.ID), strconv.Quote(e.Tier)).With(a.rulebookName())})
				continue
			}
			t := a.tiers[ti]
			given[t.ID] = append(given[t.ID], m)
			if first != "" {
				a.add(Finding{Severity: Error, Kind: KindIneligible, Member: m.ID, Rule: t.ID, Recorded: first + ", " + t.ID, Source: e.Source,
					Message: lang.Msg("audit.award.twice", a.name(m.ID), a.tierName(first), t.Name)})
				continue
			}
			first = t.ID
			earliest[m.ID] = ti
			a.eligible(m, &a.tiers[ti], e)
		}
	}
	n := len(a.inSheet)
	if n == 0 {
		n = len(a.rec.Members)
	}
	for ti, t := range a.tiers {
		g := given[t.ID]
		if q := a.quota(ti, n); len(g) > q {
			ids := make([]string, len(g))
			for i, m := range g {
				ids[i] = a.name(m.ID)
			}
			a.add(Finding{Severity: Error, Kind: KindQuota, Rule: t.ID, Recorded: strconv.Itoa(len(g)), Recomputed: strconv.Itoa(q), Source: awardSource(*g[q], t.ID),
				Message: lang.Msg("audit.award.quota", len(g), t.Name, strings.Join(ids, ", "), q, n)})
		}
	}
	if a.st == nil {
		return
	}
	for ti, t := range a.tiers {
		if ti >= len(a.st.Awards) {
			break
		}
		aw := a.st.Awards[ti]
		if !aw.Blocked.IsZero() {
			continue
		}
		rec := given[t.ID]
		var intruders []string
		for _, m := range rec {
			if !slices.Contains(aw.Proposed, m.ID) && (aw.Pending == nil || !slices.Contains(aw.Pending.Candidates, m.ID)) {
				intruders = append(intruders, m.ID)
			}
		}
		for _, y := range aw.Proposed {
			ym, ok := a.rec.Member(y)
			if !ok || ym.HasAward(t.ID) {
				continue
			}
			if e, ok := earliest[y]; ok && e < ti {
				continue // it has a higher award
			}
			row, _ := a.row(y)
			if len(intruders) > 0 {
				x := intruders[0]
				xr := lang.Msg("audit.rank.none")
				if r, ok := a.row(x); ok {
					xr = lang.Msg("audit.rank.recomputed", rankText(r))
				}
				a.add(Finding{Severity: Error, Kind: KindSkipped, Member: y, Rule: t.ID, Recorded: x, Recomputed: y, Source: ym.Source,
					Message: lang.Msg("audit.award.passed_over", a.name(y), rankText(row), t.Name, a.name(x)).With(xr)})
				intruders = intruders[1:]
				continue
			}
			a.add(Finding{Severity: Warning, Kind: KindSkipped, Member: y, Rule: t.ID, Recomputed: y, Source: ym.Source,
				Message: lang.Msg("audit.award.unused", a.name(y), rankText(row), t.Name)})
		}
		if p := aw.Pending; p != nil {
			for _, m := range rec {
				if slices.Contains(p.Candidates, m.ID) {
					re := lang.Msg("audit.value.pending", strings.Join(p.Candidates, ", "))
					a.add(Finding{Severity: Info, Kind: KindSkipped, Member: m.ID, Rule: t.ID, Recorded: m.ID, RecomputedPhrase: re, Source: m.Source,
						Message: lang.Msg("audit.award.pending", p.Places, t.Name, strings.Join(p.Candidates, ", "), a.name(m.ID))})
				}
			}
		}
	}
}

func (a *auditor) tierName(id string) string {
	for _, t := range a.tiers {
		if t.ID == id {
			return t.Name
		}
	}
	return id
}

// quota is the number of places of award tier ti in a cluster of n
// members: the standings' quota when the recomputation ranked n members,
// else the engine's quota for n members (when members were left out of the
// recomputation, or nothing was recomputed).
func (a *auditor) quota(ti, n int) int {
	if a.st != nil && len(a.st.Rows) == n && ti < len(a.st.Awards) {
		return a.st.Awards[ti].Quota
	}
	return ranking.Quota(a.tiers[ti], n)
}

// ballotFailure reports whether a failure is about the ballot (the votes,
// the quorum, or no ballot at all), as the engine explains it.
func ballotFailure(f ranking.Failure) bool {
	switch k := f.Message.Key; {
	case f.NotPut, k == "fail.no_ballot", k == "fail.no_ballot.named", k == "fail.quorum":
		return true
	case strings.HasPrefix(k, "fail.votes."):
		return true
	}
	return false
}

// eligible checks a recorded award against the tier's conditions, as the
// recomputation evaluates them, then against the votes as the minutes
// count them, as the engine evaluates those (minutesRow).
func (a *auditor) eligible(m *MemberResult, t *rules.AwardTier, e AwardEntry) {
	votesFailed := false
	row, have := a.row(m.ID)
	for _, f := range row.Failed {
		if !slices.Contains(t.Requires, f.Condition) {
			continue
		}
		if ballotFailure(f) {
			votesFailed = true
			a.add(Finding{Severity: Error, Kind: KindVotes, Member: m.ID, Rule: f.Condition, Recorded: t.ID, RecomputedPhrase: f.Message, Source: e.Source,
				Message: lang.Msg("audit.award.votes", a.name(m.ID), t.Name, f.Condition, f.Reason).With(f.Message)})
			continue
		}
		a.add(Finding{Severity: Error, Kind: KindIneligible, Member: m.ID, Rule: f.Condition, Recorded: t.ID, RecomputedPhrase: f.Message, Source: e.Source,
			Message: lang.Msg("audit.award.ineligible", a.name(m.ID), t.Name, f.Condition, f.Reason).With(f.Message)})
	}
	if votesFailed || !m.Votes.Set || have && a.minutesVotes(*m) == row.Card.Votes {
		return // the minutes count as the sheet does: the recomputation said it
	}
	// The minutes' own count must also carry the award.
	wr, ok := a.minutesRow(m.ID)
	if !ok {
		return
	}
	for _, id := range t.Requires {
		i := slices.IndexFunc(wr.Failed, func(f ranking.Failure) bool { return f.Condition == id })
		if i < 0 || !ballotFailure(wr.Failed[i]) {
			continue
		}
		f := wr.Failed[i]
		a.add(Finding{Severity: Error, Kind: KindVotes, Member: m.ID, Rule: id, Recorded: t.ID, RecomputedPhrase: f.Message, Source: m.Votes.Source,
			Message: lang.Msg("audit.award.votes_minutes", a.name(m.ID), t.Name, id, f.Reason).With(f.Message)})
	}
}

// minutesVotes is a member's ballot result as the minutes count it: its
// votes for, of the members entitled to vote (the recorded ballot's, else
// the members the minutes list) and of those present (the recorded
// ballot's, else all those entitled).
func (a *auditor) minutesVotes(m MemberResult) scoring.VoteCount {
	entitled, present := len(a.rec.Members), 0
	if b := a.rec.Ballot; b != nil {
		if b.Entitled > 0 {
			entitled = b.Entitled
		}
		present = b.Present
	}
	if present == 0 {
		present = entitled
	}
	return scoring.VoteCount{Recorded: true, Voted: true, For: m.Votes.N, Present: present, Entitled: entitled}
}

// minutesRow returns a member's row in what-if standings: the recomputed
// scorecards ranked again by the engine with the ballot as the minutes
// count it (every member whose votes the minutes record gets the minutes'
// votes and counts), so that their eligibility failures say whether the
// minutes' own count carries an award. A member the minutes record with
// votes but the recomputation does not have is ranked with a stand-in
// scorecard (the first recomputed one, under its id, with its votes as the
// minutes count them): only its failures about the ballot are read. They
// are ranked the first time they are needed; false if nothing was
// recomputed.
func (a *auditor) minutesRow(id string) (ranking.Row, bool) {
	if a.minutes == nil {
		if a.st == nil || len(a.st.Rows) == 0 {
			return ranking.Row{}, false
		}
		cards := make([]scoring.Scorecard, 0, len(a.st.Rows))
		for _, r := range a.st.Rows {
			c := r.Card
			if m, ok := a.rec.Member(r.Member.ID); ok && m.Votes.Set {
				c.Votes = a.minutesVotes(m)
			}
			cards = append(cards, c)
		}
		for _, m := range a.rec.Members {
			if _, ok := a.pos[m.ID]; !ok && m.Votes.Set {
				c := a.st.Rows[0].Card
				c.Member = scoring.Member{ID: m.ID, Name: m.Name}
				c.Votes = a.minutesVotes(m)
				cards = append(cards, c)
			}
		}
		a.minutes = ranking.RankScorecards(a.work, a.workSheet, cards)
	}
	return a.minutes.Row(id)
}

// awardSource is where the minutes propose m for tier.
func awardSource(m MemberResult, tier string) Source {
	for _, e := range m.Awards {
		if e.Tier == tier {
			return e.Source
		}
	}
	return m.Source
}
