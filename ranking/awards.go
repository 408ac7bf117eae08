package ranking

import (
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// eligibility checks every member against every condition.
func (r *ranker) eligibility() {
	conds := r.rb.Eligibility()
	for i := range r.st.Rows {
		row := &r.st.Rows[i]
		for _, c := range conds {
			if ok, why := check(r.rb, c, row.Card); !ok {
				row.Failed = append(row.Failed, Failure{Condition: c.ID, Reason: c.Reason, Detail: why.In(lang.English), Message: why})
			}
		}
	}
}

// Eligible reports whether a scorecard meets one eligibility condition of
// the rulebook (the test Rank applies to every member).
func Eligible(rb *rules.Rulebook, c rules.Condition, card scoring.Scorecard) bool {
	ok, _ := check(rb, c, card)
	return ok
}

// check evaluates one condition for one scorecard, returning the member's
// values when it fails.
func check(rb *rules.Rulebook, c rules.Condition, card scoring.Scorecard) (bool, lang.Message) {
	switch {
	case c.MinTotal != nil:
		if card.Total.LessThan(*c.MinTotal) {
			return false, lang.Msg("fail.min_total", card.Total, *c.MinTotal)
		}
	case c.MinPercent != nil:
		if card.Percent.LessThan(*c.MinPercent) {
			return false, lang.Msg("fail.min_percent", card.Percent, *c.MinPercent)
		}
	case c.CriterionFloor != nil:
		var low []lang.Message
		for _, n := range BelowFloor(rb, c, card) {
			low = append(low, lang.Msg("fail.floor.item", n.ID, n.Points, n.Max))
		}
		if len(low) > 0 {
			return false, lang.Msg("fail.floor", c.CriterionFloor.Share.String()).With(low...)
		}
	case c.GroupMin != nil:
		n, _ := card.Node(c.GroupMin.Group)
		if !n.Assigned {
			return true, lang.Message{} // a condition on a group not assigned to the member does not apply to it
		}
		if n.Points.LessThan(c.GroupMin.Min) {
			return false, lang.Msg("fail.group_min", n.ID, n.Points, c.GroupMin.Min)
		}
	case c.Fact != "":
		if !card.Facts[c.Fact] {
			f, _ := rb.Fact(c.Fact)
			return false, lang.Msg("fail.fact", f.Name)
		}
	case c.MaxDeductions != nil:
		if card.Deductions.Total.GreaterThan(*c.MaxDeductions) {
			return false, lang.Msg("fail.max_deductions", card.Deductions.Total, *c.MaxDeductions)
		}
	case c.MaxConsecutive != nil:
		award, limit := c.MaxConsecutive.Award, c.MaxConsecutive.Years
		var years []string
		for y := card.Year - 1; ; y-- {
			if !slices.ContainsFunc(card.Past, func(p scoring.PastAward) bool { return p.Year == y && p.Award == award }) {
				break
			}
			years = append(years, strconv.Itoa(y))
		}
		if len(years) >= limit {
			return false, lang.Msg("fail.max_consecutive", award, strings.Join(years, ", "), len(years), limit)
		}
	case c.MinVotes != nil:
		v := card.Votes
		if !v.Recorded {
			return false, lang.Msg("fail.no_ballot")
		}
		if q := c.MinVotes.Quorum; !q.IsZero() && !q.CountAtLeast(v.Present, v.Entitled) {
			return false, lang.Msg("fail.quorum", v.Present, v.Entitled, q.String())
		}
		base, key := v.Entitled, "fail.votes.members"
		if c.MinVotes.Base == rules.OfPresent {
			base, key = v.Present, "fail.votes.present"
		}
		if !c.MinVotes.Share.CountAtLeast(v.For, base) {
			return false, lang.Msg(key, v.For, base, c.MinVotes.Share.String())
		}
	}
	return true, lang.Message{}
}

// BelowFloor returns the criteria a criterion_floor condition finds below
// its share of their maximum, for one scorecard: the assigned criteria
// (under the condition's Within group, if it names one) whose points are
// below share × maximum, in rulebook order. It is nil for other conditions.
func BelowFloor(rb *rules.Rulebook, c rules.Condition, card scoring.Scorecard) []scoring.NodeScore {
	f := c.CriterionFloor
	if f == nil {
		return nil
	}
	// Scorecard nodes are in the rulebook's pre-order, so a group and its
	// criteria are the run from the group to its last descendant.
	nodes := card.Nodes
	lo, hi := 0, len(nodes)
	if f.Within != "" {
		g, ok := rb.Node(f.Within)
		if !ok {
			return nil
		}
		last := g
		for len(last.Kids) > 0 {
			last, _ = rb.Node(nodes[last.Kids[len(last.Kids)-1]].ID)
		}
		lo, hi = g.Index, last.Index+1
	}
	var low []scoring.NodeScore
	for _, n := range nodes[lo:hi] {
		if !n.Group && n.Assigned && !f.Share.AtLeast(n.Points, n.Max) {
			low = append(low, n)
		}
	}
	return low
}

// awards proposes the award tiers in order, one award per member.
func (r *ranker) awards() {
	rows := r.st.Rows
	done := make([]bool, len(rows)) // awarded, or its place forfeited
	failed := func(i int, t rules.AwardTier) []string {
		var ids []string
		for _, f := range rows[i].Failed {
			if slices.Contains(t.Requires, f.Condition) {
				ids = append(ids, f.Condition)
			}
		}
		return ids
	}
	var blocked lang.Message
	for _, t := range r.rb.Awards() {
		a := Award{Tier: t.ID, Name: t.Name, Quota: Quota(t, len(rows)), Proposed: []string{}}
		if !blocked.IsZero() {
			a.Blocked, a.BlockedText = blocked.In(lang.English), blocked
			r.st.Awards = append(r.st.Awards, a)
			continue
		}
		given := 0
		for i := 0; i < len(rows) && given < a.Quota; {
			if done[i] {
				i++
				continue
			}
			// the block of rows sharing this rank (an unresolved tie), still in line
			j := i + 1
			for j < len(rows) && rows[j].Rank == rows[i].Rank {
				j++
			}
			var inLine, eligible []int
			for k := i; k < j; k++ {
				if !done[k] {
					inLine = append(inLine, k)
					if len(failed(k, t)) == 0 {
						eligible = append(eligible, k)
					}
				}
			}
			contenders := eligible
			if t.IfIneligible == rules.Nobody {
				contenders = inLine
			}
			if len(contenders) > a.Quota-given {
				ids := make([]string, len(contenders))
				for x, k := range contenders {
					ids[x] = rows[k].Member.ID
				}
				a.Pending = &Pending{Places: a.Quota - given, Candidates: ids}
				blocked = lang.Msg("award.blocked", rows[i].Rank, t.ID)
				break
			}
			for _, k := range inLine {
				if f := failed(k, t); len(f) > 0 {
					if t.IfIneligible == rules.Nobody {
						a.Forfeited = append(a.Forfeited, Skip{Member: rows[k].Member.ID, Failed: f})
						done[k] = true
						given++
					} else {
						a.Skipped = append(a.Skipped, Skip{Member: rows[k].Member.ID, Failed: f})
					}
					continue
				}
				a.Proposed = append(a.Proposed, rows[k].Member.ID)
				rows[k].Awards = append(rows[k].Awards, t.ID)
				done[k] = true
				given++
			}
			i = j
		}
		r.st.Awards = append(r.st.Awards, a)
	}
}

// Quota is the number of places of an award tier in a cluster of n
// members: its count, or its share of n rounded as the tier says.
func Quota(t rules.AwardTier, n int) int {
	if t.Count > 0 {
		return t.Count
	}
	mode := t.ShareRounding
	if mode == "" {
		mode = rules.RoundFloor // the documented default, also for tiers built in Go
	}
	return int(rules.RoundInt(int64(n)*t.Share.Num, t.Share.Den, mode))
}
