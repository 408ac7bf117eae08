package standings

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Quantity names a member's number that a rule reads and that depends on
// the representation (decimal or fixed point).
type Quantity uint8

// The quantities.
const (
	Total      Quantity = iota // the total
	Percent                    // the percentage of the attainable maximum
	Value                      // a node's value (its points after weight and rounding)
	Points                     // a node's points (a group: the sum of its children's values)
	Deductions                 // the deductions after caps
	Bonus                      // the bonus after caps
	Input                      // a criterion's counted input (its Raw: a count for fewer)
)

// Source gives the numbers that depend on the representation.
type Source interface {
	// Keys writes out[m], for each member m of group, an exact integer
	// key of m's quantity q (of node, for Value and Points): keys compare
	// exactly as the values do.
	Keys(q Quantity, node int, group []int, out []int64)
	// AtLeast reports whether member m's quantity is at least min (more
	// than min, if strict), the threshold of condition j.
	AtLeast(q Quantity, node, m, j int, min decimal.Decimal, strict bool) bool
	// AtMost reports whether member m's quantity is at most max (less
	// than max, if strict), the threshold of condition j.
	AtMost(q Quantity, node, m, j int, max decimal.Decimal, strict bool) bool
	// Floor reports whether member m has no criterion below the share of
	// its maximum that criterion_floor condition j sets.
	Floor(m, j int) bool
}

// Rule is one step of the chain as applied: the ranking basis first, then
// the rulebook's tie-breaks.
type Rule struct {
	Name     string
	TieBreak rules.TieBreak
	// Node is the index of the node a group or criterion rule reads, else -1.
	Node int
}

// Cluster is a rulebook compiled for one cluster's members: the chain, the
// conditions and the tiers, and what does not depend on the representation.
// It does not change once built (but for a cache filled once, safely), so
// one Cluster serves any number of Rankers, in any goroutines.
type Cluster struct {
	rb       *rules.Rulebook
	chain    []Rule
	conds    []rules.Condition
	condNode []int // per condition: the node a group_min reads, else -1
	tiers    []rules.AwardTier
	quota    []int
	requires [][]int // per tier: condition indices
	gradeReq [][]int // per grading band, highest first: condition indices
	minGrade []int   // per tier: the lowest band it accepts, or -1

	cards   []scoring.Scorecard
	year    int
	history []scoring.PastAward
	lots    []string
	seed    *uint64

	byID    []int // members sorted by id
	names   sync.Once
	name    []int   // per member: its place in Vietnamese alphabetical order (see byName)
	lotsPos []int   // per member: its place in the recorded draw, or -1
	h2h     [][]int // h2h[a][b]: peer judges preferring a over b (if the chain asks)
	known   []int8  // per member × condition: +1 met, -1 failed, 0 depends on the scenario

	matches map[int]score // matches[a*n+b]: a's result against b (if the chain has a league)
}

// NewCluster compiles the rulebook for the members of the cards. The cards
// give what the representations share (ids, names, votes, facts, past
// awards, assigned criteria, peer scores) and, for explanations, the values
// quoted; sh gives the year, the award history and the recorded draw, and
// seed the seed for drawing lots (nil: none).
func NewCluster(rb *rules.Rulebook, sh scoring.Sheet, cards []scoring.Scorecard, seed *uint64) *Cluster {
	n := len(cards)
	c := &Cluster{rb: rb, conds: rb.Eligibility(), tiers: rb.Awards(), cards: cards,
		year: sh.Year, history: sh.History, lots: sh.Lots, seed: seed}
	basis := rules.TieBreak{Kind: rules.ByTotalPoints}
	if rb.RankBy() == rules.ByPercent {
		basis.Kind = rules.ByPercentage
	}
	for _, tb := range append([]rules.TieBreak{basis}, rb.TieBreaks()...) {
		r := Rule{Name: tb.String(), TieBreak: tb, Node: -1}
		if Compare(tb).Ref != "" {
			nd, _ := rb.Node(tb.Ref)
			r.Node = nd.Index
		}
		if tb.Kind == rules.HeadToHead && c.h2h == nil {
			c.h2h = HeadToHead(cards)
		}
		if tb.Kind == rules.League && c.matches == nil {
			c.matches = matchIndex(cards, sh.Matches)
		}
		c.chain = append(c.chain, r)
	}
	c.condNode = make([]int, len(c.conds))
	for j, cond := range c.conds {
		c.condNode[j] = groupMinNode(rb, cond)
	}
	for _, t := range c.tiers {
		c.quota = append(c.quota, Quota(t, n))
		var req []int
		for _, id := range t.Requires {
			req = append(req, slices.IndexFunc(c.conds, func(x rules.Condition) bool { return x.ID == id }))
		}
		c.requires = append(c.requires, req)
	}
	c.grading(rb)
	c.byID = make([]int, n)
	for i := range c.byID {
		c.byID[i] = i
	}
	slices.SortFunc(c.byID, func(a, b int) int { return cmp.Compare(cards[a].Member.ID, cards[b].Member.ID) })
	c.lotsPos = make([]int, n)
	for m := range n {
		c.lotsPos[m] = -1
		for i, id := range sh.Lots {
			if id == cards[m].Member.ID {
				c.lotsPos[m] = i
			}
		}
	}
	c.known = make([]int8, n*len(c.conds))
	for m := range n {
		for j := range c.conds {
			if static(c.conds[j]) {
				c.known[m*len(c.conds)+j] = -1
				if ok, _ := c.check(nil, m, j, false); ok {
					c.known[m*len(c.conds)+j] = 1
				}
			}
		}
	}
	return c
}

// byName returns each member's place in Vietnamese alphabetical order,
// computed the first time a tie needs it (collation is costly, and most
// rankings have no unresolved tie).
func (c *Cluster) byName() []int {
	c.names.Do(func() {
		order := slices.Clone(c.byID)
		SortByName(order, func(i int) scoring.Member { return c.cards[i].Member })
		c.name = make([]int, len(order))
		for pos, m := range order {
			c.name[m] = pos
		}
	})
	return c.name
}

// Len is the number of members.
func (c *Cluster) Len() int { return len(c.cards) }

// Chain is the chain as applied: the basis, then the tie-breaks.
func (c *Cluster) Chain() []Rule { return c.chain }

// Tiers is the number of award tiers.
func (c *Cluster) Tiers() int { return len(c.tiers) }

// QuotaOf is the number of places of award tier t in this cluster.
func (c *Cluster) QuotaOf(t int) int { return c.quota[t] }

// HeadToHead counts, for each ordered pair of members, the peer judges
// (stage, assessor) whose points over the criteria they scored both on
// favour the first: h[a][b] judges prefer a, h[b][a] prefer b. Only the
// scores that count are read: a judge's score for a criterion is
// compared only if its stage is the one whose value counts for that
// member and criterion (the rulebook's assessment.counts), so a score a
// recheck (phúc tra) replaced breaks no tie.
func HeadToHead(cards []scoring.Scorecard) [][]int {
	type judge struct{ stage, assessor string }
	pts := make([]map[judge]map[string]decimal.Decimal, len(cards))
	for m, c := range cards {
		pts[m] = map[judge]map[string]decimal.Decimal{}
		counted := make(map[string]string, len(c.Nodes))
		for _, n := range c.Nodes {
			counted[n.ID] = n.Stage
		}
		for _, ps := range c.Peers {
			if counted[ps.Criterion] != ps.Stage {
				continue // a stage whose value does not count
			}
			j := judge{ps.Stage, ps.Assessor}
			if pts[m][j] == nil {
				pts[m][j] = map[string]decimal.Decimal{}
			}
			pts[m][j][ps.Criterion] = ps.Points
		}
	}
	out := make([][]int, len(cards))
	for a := range cards {
		out[a] = make([]int, len(cards))
	}
	for a := range cards {
		for b := range cards {
			if a == b {
				continue
			}
			for j, ca := range pts[a] {
				cb, ok := pts[b][j]
				if !ok {
					continue
				}
				sa, sb := decimal.Zero, decimal.Zero
				for c, v := range ca {
					if w, ok := cb[c]; ok {
						sa, sb = sa.Add(v), sb.Add(w)
					}
				}
				if sa.GreaterThan(sb) {
					out[a][b]++
				}
			}
		}
	}
	return out
}

// Quota is the number of places of an award tier in a cluster of n
// members: its count, or its share of n rounded as the tier says.
func Quota(t rules.AwardTier, n int) int { return t.Quota(n) }

// SortByName orders xs by the names of the members they stand for, in
// Vietnamese alphabetical order, then by member id.
func SortByName[T any](xs []T, member func(T) scoring.Member) {
	c := collate.New(language.Vietnamese)
	slices.SortStableFunc(xs, func(a, b T) int {
		ma, mb := member(a), member(b)
		return cmp.Or(c.CompareString(ma.Name, mb.Name), cmp.Compare(ma.ID, mb.ID))
	})
}

// DrawOrder is the drawing of lots with a seed: the members sorted by id,
// shuffled (Fisher–Yates) by PCG seeded with the seed and an FNV-1a hash
// of the sorted ids.
func DrawOrder(seed uint64, members []string) []string {
	sorted := slices.Clone(members)
	slices.Sort(sorted)
	h := fnv.New64a()
	for _, id := range sorted {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	src := rand.NewPCG(seed, h.Sum64())
	for i := len(sorted) - 1; i > 0; i-- {
		j := int(uniform(src, uint64(i+1)))
		sorted[i], sorted[j] = sorted[j], sorted[i]
	}
	return sorted
}

// uniform returns a uniformly distributed number in [0, n) from src, by
// rejection, so that draws depend only on PCG's specified output.
func uniform(src *rand.PCG, n uint64) uint64 {
	threshold := -n % n // 2^64 mod n
	for {
		if x := src.Uint64(); x >= threshold {
			return x % n
		}
	}
}

// CardSource is the decimal reference's Source: the numbers of the
// scorecards themselves.
type CardSource struct {
	rb    *rules.Rulebook
	cards []scoring.Scorecard
	conds []rules.Condition
}

// NewCardSource returns the Source of scorecards scored under rb.
func NewCardSource(rb *rules.Rulebook, cards []scoring.Scorecard) CardSource {
	return CardSource{rb: rb, cards: cards, conds: rb.Eligibility()}
}

func (s CardSource) value(q Quantity, node, m int) decimal.Decimal {
	c := &s.cards[m]
	switch q {
	case Total:
		return c.Total
	case Percent:
		return c.Percent
	case Value:
		return c.Nodes[node].Value
	case Points:
		return c.Nodes[node].Points
	case Deductions:
		return c.Deductions.Total
	case Bonus:
		return c.Bonus.Total
	case Input:
		return c.Nodes[node].Raw
	}
	panic("standings: unknown quantity")
}

// Keys gives each member the number of group members with a smaller
// value: an exact, order-keeping integer key.
// The members are sorted by value once, so a group of g members costs
// O(g log g), not a comparison of every pair.
func (s CardSource) Keys(q Quantity, node int, group []int, out []int64) {
	if q == Input {
		s.inputKeys(node, group, out)
		return
	}
	order := slices.Clone(group)
	slices.SortFunc(order, func(a, b int) int { return s.value(q, node, a).Cmp(s.value(q, node, b)) })
	for i := 0; i < len(order); {
		j, v := i+1, s.value(q, node, order[i])
		for j < len(order) && s.value(q, node, order[j]).Equal(v) {
			j++
		}
		for _, m := range order[i:j] {
			out[m] = int64(i) // the members before the run are the smaller ones
		}
		i = j
	}
}

// AtLeast compares in decimals.
func (s CardSource) AtLeast(q Quantity, node, m, _ int, min decimal.Decimal, strict bool) bool {
	return Meets(s.value(q, node, m).Cmp(min), strict)
}

// AtMost compares in decimals.
func (s CardSource) AtMost(q Quantity, node, m, _ int, max decimal.Decimal, strict bool) bool {
	return Meets(-s.value(q, node, m).Cmp(max), strict)
}

// Meets reads a comparison of a value with a lower bound (c < 0: below it,
// 0: at it, > 0: above it): at or above it, or above it if strict. An upper
// bound is the comparison negated.
func Meets(c int, strict bool) bool { return c > 0 || c == 0 && !strict }

// Floor compares each criterion's points with the share of its maximum.
// It stops at the first criterion below, and allocates nothing.
func (s CardSource) Floor(m, j int) bool {
	f := s.conds[j].CriterionFloor
	if f == nil {
		return true
	}
	nodes := s.cards[m].Nodes
	lo, hi, ok := floorRange(s.rb, f, nodes)
	if !ok {
		return true
	}
	strict := s.conds[j].Strict
	for i := lo; i < hi; i++ {
		if below(f, strict, &nodes[i]) {
			return false
		}
	}
	return true
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
	lo, hi, ok := floorRange(rb, f, card.Nodes)
	if !ok {
		return nil
	}
	var low []scoring.NodeScore
	for i := lo; i < hi; i++ {
		if below(f, c.Strict, &card.Nodes[i]) {
			low = append(low, card.Nodes[i])
		}
	}
	return low
}

// floorRange is the run of a scorecard's nodes a floor looks at: all of
// them, or its Within group and the group's descendants (scorecard nodes
// are in the rulebook's pre-order, so they are the run from the group to
// its last descendant). ok is false if the group is not in the rulebook.
func floorRange(rb *rules.Rulebook, f *rules.Floor, nodes []scoring.NodeScore) (lo, hi int, ok bool) {
	if f.Within == "" {
		return 0, len(nodes), true
	}
	g, ok := rb.Node(f.Within)
	if !ok {
		return 0, 0, false
	}
	last := g
	for len(last.Kids) > 0 {
		last, _ = rb.Node(nodes[last.Kids[len(last.Kids)-1]].ID)
	}
	return g.Index, last.Index + 1, true
}

// below reports whether an assigned criterion's points are below the
// floor's share of its maximum (at or below it, for a strict floor).
func below(f *rules.Floor, strict bool, n *scoring.NodeScore) bool {
	return !n.Group && n.Assigned && !rules.MeetsShare(f.Share, strict, n.Points, n.Max)
}
