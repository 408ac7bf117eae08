package standings

import (
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Recorder receives the explanation of a ranking as it is made. Positions
// are places in Ranker.Order; members are indices in the Cluster's cards.
type Recorder interface {
	// Decided: the member at pos is below the one at pos-1 by chain rule
	// k, with both members' values under it.
	Decided(pos, k, upper, lower int, upperText, lowerText lang.Message)
	// Unresolved: the members of group (listed by name) from pos on could
	// not be separated by the first tried rules of the chain.
	Unresolved(pos int, group []int, tried int, note lang.Message)
	// Drew: a tie reached drawing lots, by seed (or by the recorded draw),
	// and the members were drawn in this order.
	Drew(seeded bool, drawn []int)
	// Proposed, Skipped and Forfeited: the member at pos is proposed for
	// tier t, passed over as ineligible, or its place is forfeited.
	Proposed(t, pos int)
	Skipped(t, pos int)
	Forfeited(t, pos int)
	// Pending: places of tier t are left to the candidates (positions),
	// an unresolved tie; Blocked: tier t waits for an earlier one.
	Pending(t, places int, candidates []int)
	Blocked(t int, why lang.Message)
}

// Ranker ranks a Cluster's members and proposes the awards. Its slices
// are allocated once: ranking again allocates nothing (unless a tie
// reaches drawing lots by seed, or a Recorder is set).
type Ranker struct {
	c   *Cluster
	src Source
	rec Recorder

	// Order lists the members in rank order; Rank[pos] is the rank at
	// position pos, numbered by the rulebook's rank convention (1, 1, 3 or
	// 1, 1, 2); Link[pos] is true if pos shares its rank with pos-1 (the
	// chain could not separate them); Tied[m] is true if member m shares
	// its rank with another.
	Order []int
	Rank  []int
	Link  []bool
	Tied  []bool
	// Award[m] is the tier proposed for member m, or -1.
	Award []int8
	// Grade[m] is member m's grading band (xếp loại), by its place in the
	// rulebook's grades (0 the highest), or -1: ungraded, or the rulebook
	// has no grades. Propose sets it.
	Grade []int8
	// Pending is the first tier left pending, or -1.
	Pending int
	// Unresolved is true if some tie could not be broken: some members
	// share a rank, whether their tie decides anything or not (Decides).
	Unresolved bool
	// Decides[m] is true if member m is in a tie that decides an award
	// (set by Propose): the tie that leaves places of the Pending tier to
	// be decided, or another that may decide a tier blocked behind it
	// (see TieDecides). Only such a tie is reported as unresolved; members
	// in any other tie share their rank quietly (đồng hạng). There is one
	// only if Pending is set.
	Decides []bool

	placed int
	conv   rules.RankConvention
	// the tie left pending: its first position, and the places of the
	// Pending tier it holds contenders for
	pendFrom, pendPlaces int
	above                []int // per tier: scratch of decisive
	keys                 []int64
	sorted               []keyed // scratch for sorting a large group: two halves
	done                 []bool
	all                  []int
	// memo[m*len(conds)+j] is what condition j found for member m in this
	// Propose: 0 not yet checked, 1 met, -1 not met. Award allocation asks
	// the same member the same condition once per tier and per pass.
	memo []int8
	// play[m] and table[m]: whether member m of the group a head-to-head
	// rule compares is in play, and its mini-league line (league.go);
	// made when a chain rule first needs them.
	play  []int8
	table []leagueRow
}

// keyed is a member with its key, as radix sorts them.
type keyed struct {
	key uint64
	m   int
}

// NewRanker returns a Ranker of the cluster's members reading numbers from
// src; rec, if not nil, receives the explanation.
func NewRanker(c *Cluster, src Source, rec Recorder) *Ranker {
	n := c.Len()
	r := &Ranker{c: c, src: src, rec: rec, Order: make([]int, n), Rank: make([]int, n), Link: make([]bool, n),
		Tied: make([]bool, n), Award: make([]int8, n), Grade: make([]int8, n), keys: make([]int64, n), done: make([]bool, n), all: make([]int, n),
		memo: make([]int8, n*len(c.conds)), sorted: make([]keyed, 2*n),
		conv: c.rb.RankConvention(), Decides: make([]bool, n), above: make([]int, len(c.tiers))}
	for m := range r.Grade {
		r.Grade[m] = -1 // ungraded until Propose grades (a rulebook without grades never does)
	}
	return r
}

// Sort orders the members by the chain and sets Order, Rank (by the
// rulebook's rank convention), Link, Tied and Unresolved.
func (r *Ranker) Sort() {
	r.placed, r.Unresolved = 0, false
	clear(r.Tied)
	copy(r.all, r.c.byID)
	r.split(r.all, 0)
	for pos := range r.Order {
		if pos == 0 || !r.Link[pos] {
			prev := 0
			if pos > 0 {
				prev = r.Rank[pos-1]
			}
			r.Rank[pos] = r.conv.Next(pos, prev)
		} else {
			r.Rank[pos] = r.Rank[pos-1]
		}
	}
}

func (r *Ranker) place(m int, tiedWithPrev bool) {
	r.Link[r.placed] = tiedWithPrev
	r.Order[r.placed] = m
	r.placed++
}

// insertionMax is the largest group split sorts by insertion; larger
// ones (the whole of a cluster of hundreds or thousands of members) are
// sorted by radix (see radix), in a few passes of O(n).
const insertionMax = 32

// split orders group (equal under the chain's first k rules) by the rest
// of the chain. Groups are sorted in place, so a group's runs of equal key
// are ordered further without copying.
func (r *Ranker) split(g []int, k int) {
	if len(g) == 1 {
		r.place(g[0], false)
		return
	}
	if k == len(r.c.chain) {
		r.unresolved(g, k, lang.Message{})
		return
	}
	var in []int // the group as it came, which texts list rivals in
	if r.rec != nil {
		in = slices.Clone(g)
	}
	if ok, note := r.keysFor(k, g); !ok {
		r.unresolved(g, k+1, note)
		return
	}
	keys := r.keys
	if len(g) <= insertionMax {
		// stable insertion sort by key, descending (groups are mostly small)
		for i := 1; i < len(g); i++ {
			for j := i; j > 0 && keys[g[j]] > keys[g[j-1]]; j-- {
				g[j], g[j-1] = g[j-1], g[j]
			}
		}
	} else {
		r.radix(g)
	}
	// Runs of equal key are ordered by the rest of the chain. A decision
	// joins the last member placed from the upper run and the first placed
	// from the lower one, which later rules may have reordered.
	start, upKey := 0, int64(0)
	for i := 1; i <= len(g); i++ {
		if i < len(g) && keys[g[i]] == keys[g[start]] {
			continue
		}
		key, first := keys[g[start]], r.placed // read before deeper rules rewrite the keys
		if i-start == 1 {
			r.place(g[start], false)
		} else {
			r.split(g[start:i], r.next(k, i-start, len(g)))
		}
		if start > 0 && r.rec != nil {
			up, lo := r.Order[first-1], r.Order[first]
			r.rec.Decided(first, k, up, lo, r.text(k, up, in, upKey), r.text(k, lo, in, key))
		}
		start, upKey = i, key
	}
}

// radix sorts group g by r.keys, descending, keeping the order of equal
// keys: a least-significant-digit radix sort on the keys' bytes, which
// skips the bytes all keys share (most of them: keys of one cluster are
// close), so a group of n members costs a few passes of O(n).
func (r *Ranker) radix(g []int) {
	n := len(g)
	a, b := r.sorted[:n], r.sorted[n:2*n]
	for i, m := range g {
		// ^(key with its sign bit flipped): ascending order of this is
		// descending order of the key
		a[i] = keyed{^(uint64(r.keys[m]) ^ 1<<63), m}
	}
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for i := range a {
			count[byte(a[i].key>>shift)]++
		}
		if count[byte(a[0].key>>shift)] == n {
			continue // every key has this byte
		}
		at := 0
		for d, c := range count {
			count[d] = at
			at += c
		}
		for i := range a {
			d := byte(a[i].key >> shift)
			b[count[d]] = a[i]
			count[d]++
		}
		a, b = b, a
	}
	for i := range a {
		g[i] = a[i].m
	}
}

// unresolved places a group the chain cannot separate, listed by name in
// Vietnamese alphabetical order: a display order, not a rank. The group
// shares a rank; Propose finds whether that decides anything (Decides).
func (r *Ranker) unresolved(g []int, tried int, note lang.Message) {
	r.Unresolved = true
	name := r.c.byName()
	slices.SortFunc(g, func(a, b int) int { return name[a] - name[b] })
	if r.rec != nil {
		if note.IsZero() {
			rs := make([]lang.Message, tried)
			for i := range tried {
				rs[i] = lang.Msg("rule", r.c.chain[i].Name)
			}
			note = lang.Msg("tie.equal").With(rs...)
		}
		r.rec.Unresolved(r.placed, slices.Clone(g), tried, note)
	}
	for i, m := range g {
		r.Tied[m] = true
		r.place(m, i > 0)
	}
}

// keysFor sets r.keys for the group under chain rule k, a greater key
// ranking higher; false, with the reason if there is a Recorder, if the
// rule cannot be applied.
func (r *Ranker) keysFor(k int, g []int) (bool, lang.Message) {
	c, keys := r.c, r.keys
	ru := c.chain[k]
	switch ru.TieBreak.Kind {
	case rules.ByTotalPoints:
		r.src.Keys(Total, -1, g, keys)
	case rules.ByPercentage:
		r.src.Keys(Percent, -1, g, keys)
	case rules.ByGroup, rules.ByCriterion:
		r.src.Keys(Value, ru.Node, g, keys)
	case rules.FewerDeductions:
		r.src.Keys(Deductions, -1, g, keys)
		for _, m := range g {
			keys[m] = -keys[m]
		}
	case rules.FewerInput:
		r.fewerKeys(ru.Node, g)
	case rules.MoreBonus:
		r.src.Keys(Bonus, -1, g, keys)
	case rules.MoreVotes:
		for _, m := range g {
			keys[m] = int64(c.cards[m].Votes.For)
		}
	case rules.HeadToHead:
		r.headToHead(g)
	case rules.League:
		return r.league(g)
	case rules.NoAwardLastYear:
		for _, m := range g {
			keys[m] = 0
			if _, none := c.lastAward(m, ru.TieBreak.Ref); none {
				keys[m] = 1
			}
		}
	case rules.DrawingLots:
		return r.lots(g)
	}
	return true, lang.Message{}
}

// lots keys the group by the recorded draw, or draws with the seed (see
// DrawOrder): the first drawn ranks highest.
func (r *Ranker) lots(g []int) (bool, lang.Message) {
	c, keys := r.c, r.keys
	switch {
	case len(c.lots) > 0:
		for _, m := range g {
			p := c.lotsPos[m]
			if p < 0 {
				if r.rec == nil {
					return false, lang.Message{}
				}
				return false, lang.Msg("lots.not_drawn", c.cards[m].Member.ID)
			}
			keys[m] = -int64(p)
		}
	case c.seed == nil:
		if r.rec == nil {
			return false, lang.Message{}
		}
		return false, lang.Msg("lots.no_seed")
	default:
		ids := make([]string, len(g))
		for i, m := range g {
			ids[i] = c.cards[m].Member.ID
		}
		drawn := DrawOrder(*c.seed, ids)
		for _, m := range g {
			keys[m] = -int64(slices.Index(drawn, c.cards[m].Member.ID))
		}
	}
	if r.rec != nil {
		drawn := slices.Clone(g)
		slices.SortFunc(drawn, func(a, b int) int { return int(keys[b] - keys[a]) })
		r.rec.Drew(len(c.lots) == 0, drawn)
	}
	return true, lang.Message{}
}

// lastAward returns the award member m received last year (of the tier,
// if tier is set), and whether it received none; none is false when the
// year is not known.
func (c *Cluster) lastAward(m int, tier string) (got string, none bool) {
	if c.year == 0 {
		return "", false
	}
	for _, h := range c.history {
		if h.Member == c.cards[m].Member.ID && h.Year == c.year-1 && (tier == "" || h.Award == tier) {
			got = h.Award
		}
	}
	return got, got == ""
}

// text is member m's value under chain rule k, as a decision quotes it:
// in is the group as the rule saw it, key the member's key.
func (r *Ranker) text(k, m int, in []int, key int64) lang.Message {
	c := r.c
	card := &c.cards[m]
	ru := c.chain[k]
	switch ru.TieBreak.Kind {
	case rules.ByTotalPoints:
		return lang.Msg("value.number", card.Total)
	case rules.ByPercentage:
		return lang.Msg("value.percent", card.Percent)
	case rules.ByGroup, rules.ByCriterion:
		return lang.Msg("value.number", card.Nodes[ru.Node].Value)
	case rules.FewerDeductions:
		return lang.Msg("value.deducted", card.Deductions.Total)
	case rules.FewerInput:
		return fewerText(card.Nodes[ru.Node])
	case rules.MoreBonus:
		return lang.Msg("value.number", card.Bonus.Total)
	case rules.MoreVotes:
		if v := card.Votes.For; v != 1 {
			return lang.Msg("value.votes", v)
		}
		return lang.Msg("value.vote", 1)
	case rules.HeadToHead:
		return r.headToHeadText(m, in, key)
	case rules.League:
		return r.leagueText(m, in)
	case rules.NoAwardLastYear:
		got, none := c.lastAward(m, ru.TieBreak.Ref)
		switch {
		case c.year == 0:
			return lang.Msg("value.year_unknown")
		case none:
			return lang.Msg("value.no_award", c.year-1)
		}
		return lang.Msg("value.award", got, c.year-1)
	case rules.DrawingLots:
		if len(c.lots) > 0 {
			return lang.Msg("value.drawn", int(-key)+1)
		}
		return lang.Msg("value.drawn_seed", int(-key)+1, *c.seed)
	}
	return lang.Message{}
}

// Propose grades the members (Grade) and proposes the award tiers in
// order, one award per member, after Sort: Award and Pending.
func (r *Ranker) Propose() {
	c, n := r.c, len(r.Order)
	for i := range n {
		r.done[i] = false // by position: awarded, or its place forfeited
		r.Award[i] = -1
	}
	clear(r.memo)
	r.grade()
	r.Pending = -1
	var blocked lang.Message
	for t, tier := range c.tiers {
		if r.Pending >= 0 {
			if r.rec != nil {
				r.rec.Blocked(t, blocked)
			}
			continue
		}
		q := c.quota[t]
		nobody := Forfeits(tier.IfIneligible)
		given := 0
		for i := 0; i < n && given < q; {
			if r.done[i] {
				i++
				continue
			}
			// the block of positions sharing this rank (an unresolved tie)
			j := i + 1
			for j < n && r.Rank[j] == r.Rank[i] {
				j++
			}
			// A tie (more than one position) may hold more contenders than
			// places left; a single position cannot (given < q).
			inLine, elig := 0, 0
			for k := i; k < j && j-i > 1; k++ {
				if !r.done[k] {
					inLine++
					if r.EligibleFor(r.Order[k], t) {
						elig++
					}
				}
			}
			contenders := elig
			if nobody {
				contenders = inLine
			}
			if contenders > q-given {
				r.Pending, r.pendFrom, r.pendPlaces = t, i, q-given
				if r.rec != nil {
					var cand []int
					for k := i; k < j; k++ {
						if !r.done[k] && (nobody || r.EligibleFor(r.Order[k], t)) {
							cand = append(cand, k)
						}
					}
					r.rec.Pending(t, q-given, cand)
					blocked = lang.Msg("award.blocked", r.Rank[i], tier.ID)
				}
				break
			}
			for k := i; k < j; k++ {
				if r.done[k] {
					continue
				}
				if !r.EligibleFor(r.Order[k], t) {
					if nobody {
						r.done[k] = true
						given++
						if r.rec != nil {
							r.rec.Forfeited(t, k)
						}
					} else if r.rec != nil {
						r.rec.Skipped(t, k)
					}
					continue
				}
				r.Award[r.Order[k]] = int8(t)
				r.done[k] = true
				given++
				if r.rec != nil {
					r.rec.Proposed(t, k)
				}
			}
			i = j
		}
	}
	r.decisive()
}

// decisive sets Decides: the members of every tie that decides an award.
// A tie (members sharing a rank) decides a tier only when more of its
// members contend for the tier than it has places left: a tier whose
// places are enough for all of them gives every eligible one the award,
// one whose places are taken above them gives none of them any, whatever
// their order, and a tie among members eligible for nothing decides
// nothing. Propose leaves that tier pending (the first such tie), and the
// tiers after it blocked: a tie further on may decide one of those, so it
// counts too, unless the tier is certainly full before it (TieDecides).
// A grading band (xếp loại) has no places, so a tie inside a band decides
// no band; a rule that gave places by rank would add its case to
// tieDecides.
func (r *Ranker) decisive() {
	clear(r.Decides)
	if r.Pending < 0 {
		return
	}
	n, tiers := len(r.Order), len(r.c.tiers)
	clear(r.above)
	for i := 0; i < n; {
		j := i + 1
		for j < n && r.Rank[j] == r.Rank[i] {
			j++
		}
		if j-i > 1 {
			for t := r.Pending; t < tiers; t++ {
				if r.tieDecides(i, j, t, r.above[t]) {
					for k := i; k < j; k++ {
						r.Decides[r.Order[k]] = true
					}
					break
				}
			}
		}
		for t := r.Pending + 1; t < tiers; t++ {
			r.above[t] += r.contenders(i, j, t)
		}
		i = j
	}
}

// TieDecides reports whether the members sharing the rank of position pos
// (after Propose) decide award tier t: t is the Pending tier and they are
// the tie left pending, or t is a tier blocked behind it, two or more of
// them contend for it, and the contenders above them (less those the
// pending tier and the blocked tiers before t may take) do not certainly
// fill its places. A member alone at its rank decides nothing.
func (r *Ranker) TieDecides(pos, t int) bool {
	i, j := pos, pos+1
	for i > 0 && r.Rank[i-1] == r.Rank[pos] {
		i--
	}
	for j < len(r.Order) && r.Rank[j] == r.Rank[pos] {
		j++
	}
	if j-i < 2 || r.Pending < 0 || t < r.Pending {
		return false
	}
	above := 0
	for k := 0; k < i; {
		e := k + 1
		for e < i && r.Rank[e] == r.Rank[k] {
			e++
		}
		above += r.contenders(k, e, t)
		k = e
	}
	return r.tieDecides(i, j, t, above)
}

// tieDecides is TieDecides for the tie at positions [i, j), above being
// the contenders for t at the positions before it.
func (r *Ranker) tieDecides(i, j, t, above int) bool {
	switch {
	case t < r.Pending:
		return false
	case t == r.Pending:
		return i <= r.pendFrom && r.pendFrom < j // Propose starts the tie after its members already awarded
	}
	taken := r.pendPlaces // the places the blocked tiers before t may take from those above
	for u := r.Pending + 1; u < t; u++ {
		taken += r.c.quota[u]
	}
	return r.contenders(i, j, t) > 1 && above-taken < r.c.quota[t]
}

// contenders counts the members at positions [i, j) that tier t would
// count against its places, as Propose does: those not yet awarded or
// forfeited that are eligible for it, or every one of them if an
// ineligible member's place is forfeited.
func (r *Ranker) contenders(i, j, t int) int {
	nobody := Forfeits(r.c.tiers[t].IfIneligible)
	c := 0
	for k := i; k < j; k++ {
		if !r.done[k] && (nobody || r.EligibleFor(r.Order[k], t)) {
			c++
		}
	}
	return c
}

// EligibleFor reports whether member m meets every condition tier t
// requires, and is graded in the band it requires or a higher one.
func (r *Ranker) EligibleFor(m, t int) bool {
	if len(r.c.gradeReq) > 0 && !r.GradeAllows(m, t) {
		return false
	}
	for _, j := range r.c.requires[t] {
		if !r.Eligible(m, j) {
			return false
		}
	}
	return true
}

// Eligible reports whether member m meets condition j.
func (r *Ranker) Eligible(m, j int) bool {
	i := m*len(r.c.conds) + j
	if k := r.c.known[i]; k != 0 {
		return k > 0
	}
	if k := r.memo[i]; k != 0 {
		return k > 0
	}
	ok, _ := r.c.check(r.src, m, j, false)
	r.memo[i] = -1
	if ok {
		r.memo[i] = 1
	}
	return ok
}

// Check reports whether member m meets condition j and, if not, states
// the member's values against the condition's (from the cards).
func (r *Ranker) Check(m, j int) (bool, lang.Message) {
	return r.c.check(r.src, m, j, true)
}

// static reports whether a condition reads only what is the same in every
// representation and scenario, so that a Cluster decides it once.
func static(c rules.Condition) bool {
	return c.Fact != "" || c.MaxConsecutive != nil || c.MinVotes != nil
}

// check evaluates condition j for member m. The decision reads numbers
// from src (nil for static conditions); the failure message, built if why
// is set, quotes the cards.
func (c *Cluster) check(src Source, m, j int, why bool) (bool, lang.Message) {
	cond := &c.conds[j]
	card := &c.cards[m]
	switch {
	case cond.MinTotal != nil:
		if !src.AtLeast(Total, -1, m, j, *cond.MinTotal, cond.Strict) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.min_total.strict", "fail.min_total"), card.Total, *cond.MinTotal)
		}
	case cond.MaxTotal != nil:
		if !src.AtMost(Total, -1, m, j, *cond.MaxTotal, cond.Strict) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.max_total.strict", "fail.max_total"), card.Total, *cond.MaxTotal)
		}
	case cond.MinPercent != nil:
		if !src.AtLeast(Percent, -1, m, j, *cond.MinPercent, cond.Strict) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.min_percent.strict", "fail.min_percent"), card.Percent, *cond.MinPercent)
		}
	case cond.MaxPercent != nil:
		if !src.AtMost(Percent, -1, m, j, *cond.MaxPercent, cond.Strict) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.max_percent.strict", "fail.max_percent"), card.Percent, *cond.MaxPercent)
		}
	case cond.CriterionFloor != nil:
		if !src.Floor(m, j) {
			if !why {
				return false, lang.Message{}
			}
			var low []lang.Message
			for _, n := range BelowFloor(c.rb, *cond, *card) {
				low = append(low, lang.Msg("fail.floor.item", n.ID, n.Points, n.Max))
			}
			return false, lang.Msg(pick(cond.Strict, "fail.floor.strict", "fail.floor"), cond.CriterionFloor.Share.String()).With(low...)
		}
	case cond.GroupMin != nil:
		x := c.condNode[j]
		if x < 0 || !card.Nodes[x].Assigned {
			return true, lang.Message{} // a condition on a group not assigned to the member does not apply to it
		}
		if !src.AtLeast(Points, x, m, j, cond.GroupMin.Min, cond.Strict) {
			n := card.Nodes[x]
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.group_min.strict", "fail.group_min"), n.ID, n.Points, cond.GroupMin.Min)
		}
	case cond.Fact != "":
		if !card.Facts[cond.Fact] {
			if !why {
				return false, lang.Message{}
			}
			f, _ := c.rb.Fact(cond.Fact)
			return false, lang.Msg("fail.fact", f.Name)
		}
	case cond.MaxDeductions != nil:
		if !src.AtMost(Deductions, -1, m, j, *cond.MaxDeductions, cond.Strict) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(pick(cond.Strict, "fail.max_deductions.strict", "fail.max_deductions"), card.Deductions.Total, *cond.MaxDeductions)
		}
	case cond.MaxConsecutive != nil:
		award, limit := cond.MaxConsecutive.Award, cond.MaxConsecutive.Years
		var years []string
		for y := card.Year - 1; ; y-- {
			if !slices.ContainsFunc(card.Past, func(p scoring.PastAward) bool { return p.Year == y && p.Award == award }) {
				break
			}
			years = append(years, strconv.Itoa(y))
		}
		if len(years) >= limit {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg("fail.max_consecutive", award, strings.Join(years, ", "), len(years), limit)
		}
	case cond.MinVotes != nil:
		v := card.Ballot(cond.MinVotes.Ballot)
		if !v.Recorded {
			if !why {
				return false, lang.Message{}
			}
			if b, ok := c.rb.Ballot(v.Ballot); ok {
				return false, lang.Msg("fail.no_ballot.named", b.Name)
			}
			return false, lang.Msg("fail.no_ballot")
		}
		if !v.Voted {
			// only the members put to a vote can meet its condition
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg("fail.not_put")
		}
		if q := cond.MinVotes.Quorum; !q.IsZero() && !q.CountAtLeast(v.Present, v.Entitled) {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg("fail.quorum", v.Present, v.Entitled, q.String())
		}
		base, key := v.Entitled, pick(cond.Strict, "fail.votes.members.strict", "fail.votes.members")
		if cond.MinVotes.Base == rules.OfPresent {
			base, key = v.Present, pick(cond.Strict, "fail.votes.present.strict", "fail.votes.present")
		}
		share := cond.MinVotes.Share
		if ok := share.CountAtLeast(v.For, base); cond.Strict && !share.CountAbove(v.For, base) || !cond.Strict && !ok {
			if !why {
				return false, lang.Message{}
			}
			return false, lang.Msg(key, v.For, base, share.String())
		}
	}
	return true, lang.Message{}
}

// pick is a failed threshold's message key: the strict one or the other.
func pick(strict bool, ifStrict, otherwise string) string {
	if strict {
		return ifStrict
	}
	return otherwise
}

// EligibleCard reports whether one scorecard meets a condition of rb.
func EligibleCard(rb *rules.Rulebook, cond rules.Condition, card scoring.Scorecard) bool {
	c := &Cluster{rb: rb, conds: []rules.Condition{cond}, condNode: []int{groupMinNode(rb, cond)}, cards: []scoring.Scorecard{card}}
	ok, _ := c.check(CardSource{rb: rb, cards: c.cards, conds: c.conds}, 0, 0, false)
	return ok
}

// groupMinNode is the index of the node a group_min condition reads, or -1.
func groupMinNode(rb *rules.Rulebook, cond rules.Condition) int {
	if cond.GroupMin == nil {
		return -1
	}
	nd, ok := rb.Node(cond.GroupMin.Group)
	if !ok {
		return -1
	}
	return nd.Index
}
