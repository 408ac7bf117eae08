package audit

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// chain returns the rules of the ranking chain as the standings name them:
// the basis ("total" or "percent"), then the rulebook's tie-breaks.
func (a *auditor) chain() []string {
	basis := rules.TieBreak{Kind: rules.ByTotalPoints}
	if a.rb.RankBy() == rules.ByPercent {
		basis.Kind = rules.ByPercentage
	}
	out := []string{basis.String()}
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

// basis returns the recorded value members are ranked by.
func (a *auditor) basis(m MemberResult) (Figure, string) {
	if a.rb.RankBy() == rules.ByPercent {
		return m.Percent, "percentage"
	}
	return m.Total, "total"
}

func (a *auditor) tiedSize(row ranking.Row) int {
	n := 0
	for _, r := range a.st.Rows {
		if r.Rank == row.Rank {
			n++
		}
	}
	return n
}

func rankText(row ranking.Row) string {
	if row.Tied {
		return strconv.Itoa(row.Rank) + "="
	}
	return strconv.Itoa(row.Rank)
}

func decidedText(d *ranking.Decision) string {
	switch {
	case d == nil:
		return ""
	case d.Unresolved:
		return "unresolved tie with " + d.Upper
	}
	return fmt.Sprintf("%s: %s < %s (%s)", d.Rule, d.LowerValue, d.UpperValue, d.Upper)
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
		bu, what := a.basis(u)
		bl, _ := a.basis(l)
		if !bu.Set || !bl.Set {
			continue
		}
		c := bu.Value.Cmp(bl.Value)
		switch {
		case u.Rank.N == l.Rank.N && c != 0:
			a.add(Finding{Severity: Error, Kind: KindOrder, Member: l.ID, Recorded: fmt.Sprintf("rank %d, %s %s", l.Rank.N, what, bl.Value), Recomputed: fmt.Sprintf("%s of %s: %s", what, u.ID, bu.Value), Source: l.Rank.Source,
				Message: fmt.Sprintf("The minutes give %s and %s the same rank (%d), but different %ss (%s and %s).", a.name(u.ID), a.name(l.ID), u.Rank.N, what, bu.Value, bl.Value)})
		case c < 0:
			a.add(Finding{Severity: Error, Kind: KindOrder, Member: l.ID, Recorded: fmt.Sprintf("rank %d, %s %s", l.Rank.N, what, bl.Value), Recomputed: fmt.Sprintf("above rank %d (%s %s)", u.Rank.N, what, bu.Value), Source: l.Rank.Source,
				Message: fmt.Sprintf("The minutes put %s at rank %d with a %s of %s, below %s at rank %d with %s: a higher %s cannot rank lower.",
					a.name(l.ID), l.Rank.N, what, bl.Value, a.name(u.ID), u.Rank.N, bu.Value, what)})
		case c == 0 && u.Rank.N < l.Rank.N && !a.cited(u.ID, l.ID):
			a.add(Finding{Severity: Warning, Kind: KindUnexplainedTie, Member: l.ID, Recorded: fmt.Sprintf("ranks %d and %d", u.Rank.N, l.Rank.N), Recomputed: fmt.Sprintf("%s %s each", what, bu.Value), Source: l.Rank.Source,
				Message: fmt.Sprintf("%s and %s have the same recorded %s (%s) but different ranks (%d and %d), and the minutes record no tie-break between them.",
					a.name(u.ID), a.name(l.ID), what, bu.Value, u.Rank.N, l.Rank.N)})
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
			if n := a.tiedSize(row); m.Rank.N >= row.Rank && m.Rank.N < row.Rank+n {
				continue // the tie is resolved outside the sheet; see the cited tie-breaks
			}
		} else if m.Rank.N == row.Rank {
			continue
		}
		why := "first"
		if d := row.DecidedBy; d != nil {
			if d.Unresolved {
				why = "in an unresolved tie with " + a.name(d.Upper)
			} else {
				why = fmt.Sprintf("below %s by %s: %s < %s", a.name(d.Upper), d.Rule, d.LowerValue, d.UpperValue)
			}
		}
		a.add(Finding{Severity: Error, Kind: KindOrder, Member: m.ID, Recorded: strconv.Itoa(m.Rank.N), Recomputed: rankText(row), Source: m.Rank.Source,
			Message: fmt.Sprintf("The minutes put %s at rank %d, but the recomputed standings place it at rank %s (%s).", a.name(m.ID), m.Rank.N, rankText(row), why)})
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
		a.add(Finding{Severity: Error, Kind: KindOrder, Member: ml.ID, Recorded: fmt.Sprintf("%d above %d", ml.Rank.N, mu.Rank.N), Recomputed: decidedText(d), Source: ml.Rank.Source,
			Message: fmt.Sprintf("The minutes rank %s (%d) above %s (%d), but the recomputation, without the members it left out, places %s above by %s: %s < %s.",
				a.name(ml.ID), ml.Rank.N, a.name(mu.ID), mu.Rank.N, a.name(mu.ID), d.Rule, d.LowerValue, d.UpperValue)})
	}
}

// citedTieBreaks checks every tie-break the minutes cite: is it in the
// chain, and is it the rule that separates the pair?
func (a *auditor) citedTieBreaks() {
	chain := a.chain()
	index := map[string]int{}
	for i, r := range chain {
		index[r] = i
	}
	for _, c := range a.rec.TieBreaks {
		rule := normRule(c.Rule)
		idx, ok := index[rule]
		if !ok {
			a.add(Finding{Severity: Error, Kind: KindTieBreakNotInChain, Member: c.Lower, Rule: c.Rule, Recorded: c.Rule, Recomputed: strings.Join(chain, ", "), Source: c.Source,
				Message: fmt.Sprintf("The minutes place %s above %s by %q, which is not a rule of %s: its chain is %s, and nothing else may break a tie.",
					a.name(c.Upper), a.name(c.Lower), c.Rule, a.rulebookName(), strings.Join(chain, ", "))})
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
		best, dec := len(chain), (*ranking.Decision)(nil)
		for k := min(iu, il) + 1; k <= max(iu, il); k++ {
			d := a.st.Rows[k].DecidedBy
			ci, ok := index[d.Rule]
			if d.Unresolved || !ok {
				ci = len(chain)
			}
			if dec == nil || ci < best {
				best, dec = ci, d
			}
		}
		pair := fmt.Sprintf("%s above %s", a.name(c.Upper), a.name(c.Lower))
		f := Finding{Severity: Warning, Kind: KindTieBreakMismatch, Member: c.Lower, Rule: c.Rule, Recorded: rule, Recomputed: decidedText(dec), Source: c.Source}
		switch {
		case best >= len(chain) && rule == string(rules.DrawingLots):
			f.Severity = Info
			f.Message = fmt.Sprintf("The minutes place %s by drawing lots; the score sheet records no draw, so the recomputation leaves them tied. Record the draw in the sheet (lots rows) to make the result reproducible.", pair)
		case best >= len(chain):
			f.Message = fmt.Sprintf("The minutes place %s by %s, but they are equal under every rule of the chain (%s): the tie is unresolved.", pair, rule, strings.Join(chain, ", "))
		case best == 0 && idx != 0:
			f.Message = fmt.Sprintf("The minutes place %s by the tie-break %s, but their %ss differ (%s v %s): no tie-break was needed.", pair, rule, chain[0], dec.UpperValue, dec.LowerValue)
		case best != idx:
			f.Message = fmt.Sprintf("The minutes place %s by %s, but the chain separates them first by %s (%s v %s).", pair, rule, dec.Rule, dec.UpperValue, dec.LowerValue)
		case iu > il:
			f.Message = fmt.Sprintf("The minutes place %s by %s, but that rule places them the other way (%s v %s).", pair, rule, dec.UpperValue, dec.LowerValue)
		default:
			continue
		}
		a.add(f)
	}
}

// awards checks the recorded proposals: known tiers, one award per member,
// quotas, eligibility and votes, and members passed over.
func (a *auditor) awards() {
	tierIdx := map[string]int{}
	for i, t := range a.tiers {
		tierIdx[t.ID] = i
	}
	given := map[string][]MemberResult{}
	earliest := map[string]int{} // member → its highest recorded tier
	for _, m := range a.rec.Members {
		first := ""
		for _, e := range m.Awards {
			ti, ok := tierIdx[e.Tier]
			if !ok {
				a.add(Finding{Severity: Error, Kind: KindUnknownAward, Member: m.ID, Rule: e.Tier, Recorded: e.Tier, Source: e.Source,
					Message: fmt.Sprintf("The minutes propose %s for %q, which is not an award tier of %s.", a.name(m.ID), e.Tier, a.rulebookName())})
				continue
			}
			t := a.tiers[ti]
			given[t.ID] = append(given[t.ID], m)
			if first != "" {
				a.add(Finding{Severity: Error, Kind: KindIneligible, Member: m.ID, Rule: t.ID, Recorded: first + ", " + t.ID, Source: e.Source,
					Message: fmt.Sprintf("The minutes propose %s for both %s and %s: one achievement earns one award (không khen thưởng nhiều lần cho một thành tích).",
						a.name(m.ID), a.tierName(first), t.Name)})
				continue
			}
			first = t.ID
			earliest[m.ID] = ti
			a.eligible(m, t, e)
		}
	}
	n := len(a.inSheet)
	if n == 0 {
		n = len(a.rec.Members)
	}
	for _, t := range a.tiers {
		g := given[t.ID]
		if q := ranking.Quota(t, n); len(g) > q {
			ids := make([]string, len(g))
			for i, m := range g {
				ids[i] = a.name(m.ID)
			}
			a.add(Finding{Severity: Error, Kind: KindQuota, Rule: t.ID, Recorded: strconv.Itoa(len(g)), Recomputed: strconv.Itoa(q), Source: awardSource(g[q], t.ID),
				Message: fmt.Sprintf("The minutes propose %d members for %s (%s), but the rulebook allows %d in a cluster of %d members.",
					len(g), t.Name, strings.Join(ids, ", "), q, n)})
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
		if aw.Blocked != "" {
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
				xr := "no recomputed rank"
				if r, ok := a.row(x); ok {
					xr = "recomputed rank " + rankText(r)
				}
				a.add(Finding{Severity: Error, Kind: KindSkipped, Member: y, Rule: t.ID, Recorded: x, Recomputed: y, Source: ym.Source,
					Message: fmt.Sprintf("%s, at recomputed rank %s and meeting the conditions of %s, is passed over for it in favour of %s, at %s.",
						a.name(y), rankText(row), t.Name, a.name(x), xr)})
				intruders = intruders[1:]
				continue
			}
			a.add(Finding{Severity: Warning, Kind: KindSkipped, Member: y, Rule: t.ID, Recomputed: y, Source: ym.Source,
				Message: fmt.Sprintf("%s, at recomputed rank %s, is in line for %s and meets its conditions, but the minutes do not propose it: the place is left unused.",
					a.name(y), rankText(row), t.Name)})
		}
		if p := aw.Pending; p != nil {
			for _, m := range rec {
				if slices.Contains(p.Candidates, m.ID) {
					a.add(Finding{Severity: Info, Kind: KindSkipped, Member: m.ID, Rule: t.ID, Recorded: m.ID, Recomputed: "pending: " + strings.Join(p.Candidates, ", "), Source: m.Source,
						Message: fmt.Sprintf("The recomputation leaves %d place(s) of %s pending an unresolved tie between %s; the minutes give one to %s, which needs the tie-break or drawing of lots recorded.",
							p.Places, t.Name, strings.Join(p.Candidates, ", "), a.name(m.ID))})
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

// eligible checks a recorded award against the tier's conditions, as the
// recomputation evaluates them, then the votes as the minutes count them.
func (a *auditor) eligible(m MemberResult, t rules.AwardTier, e AwardEntry) {
	votesFailed := false
	if row, ok := a.row(m.ID); ok {
		for _, f := range row.Failed {
			if !slices.Contains(t.Requires, f.Condition) {
				continue
			}
			c, _ := a.rb.Condition(f.Condition)
			if c.MinVotes != nil {
				votesFailed = true
				a.add(Finding{Severity: Error, Kind: KindVotes, Member: m.ID, Rule: f.Condition, Recorded: t.ID, Recomputed: f.Detail, Source: e.Source,
					Message: fmt.Sprintf("%s is proposed for %s without the votes it requires (%s: %s): %s.", a.name(m.ID), t.Name, f.Condition, f.Reason, f.Detail)})
				continue
			}
			a.add(Finding{Severity: Error, Kind: KindIneligible, Member: m.ID, Rule: f.Condition, Recorded: t.ID, Recomputed: f.Detail, Source: e.Source,
				Message: fmt.Sprintf("%s is proposed for %s but does not meet condition %s (%s): %s.", a.name(m.ID), t.Name, f.Condition, f.Reason, f.Detail)})
		}
	}
	if votesFailed || !m.Votes.Set {
		return
	}
	// The minutes' own count must also carry the award.
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
	for _, id := range t.Requires {
		c, ok := a.rb.Condition(id)
		if !ok || c.MinVotes == nil {
			continue
		}
		mv := c.MinVotes
		detail := ""
		base, what := entitled, "members"
		if mv.Base == rules.OfPresent {
			base, what = present, "present"
		}
		switch {
		case !mv.Quorum.IsZero() && !mv.Quorum.CountAtLeast(present, entitled):
			detail = fmt.Sprintf("no quorum: %d of %d present, %s needed", present, entitled, mv.Quorum)
		case !mv.Share.CountAtLeast(m.Votes.N, base):
			detail = fmt.Sprintf("%d votes of %d %s, %s needed", m.Votes.N, base, what, mv.Share)
		default:
			continue
		}
		a.add(Finding{Severity: Error, Kind: KindVotes, Member: m.ID, Rule: id, Recorded: t.ID, Recomputed: detail, Source: m.Votes.Source,
			Message: fmt.Sprintf("%s is proposed for %s, but by the minutes' own count it lacks the votes it requires (%s: %s): %s.", a.name(m.ID), t.Name, id, c.Reason, detail)})
	}
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
