package whatif

import (
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// A what-if question ranks the cluster many times — once per candidate
// allocation of a search, once per value of a sweep — and each time only
// one member's scores differ (or, for a weight, the rulebook). The other
// members' scorecards do not change, so the engine is asked for the one
// card that does (solo) and ranks the cards with its own ranker
// (internal/standings, which ranking.RankScorecards runs) without writing
// the explanation nobody reads (placing). Answers are ranked again with
// ranking.Rank.

// solo scores one member's card from a sheet of that member's rows alone.
// That is the card the whole sheet gives when no criterion's points depend
// on the other members (scoring.PointFunction.Depends is OwnInput for
// every criterion); newSolo also checks, once, that the member's current
// card comes out the same, and returns nil if anything differs.
type solo struct {
	rb     *rules.Rulebook
	member string
	frame  scoring.Sheet // the member's rows
	at     map[int]int   // index of a score row in the whole sheet → in frame
}

func newSolo(rb *rules.Rulebook, sh scoring.Sheet, member string, card scoring.Scorecard) *solo {
	for _, n := range rb.Nodes() {
		if n.IsGroup() {
			continue
		}
		if f, err := scoring.Describe(rb, n.ID, decimal.Zero); err != nil || f.Depends != scoring.OwnInput {
			return nil
		}
	}
	s := &solo{rb: rb, member: member, at: map[int]int{}}
	f := scoring.Sheet{Cluster: sh.Cluster, Year: sh.Year}
	for _, m := range sh.Members {
		if m.ID == member {
			f.Members = append(f.Members, m)
		}
	}
	for i, e := range sh.Scores {
		if e.Member == member {
			s.at[i] = len(f.Scores)
			f.Scores = append(f.Scores, e)
		}
	}
	f.Targets = keep(sh.Targets, func(x scoring.Target) string { return x.Member }, member)
	f.NotAssigned = keep(sh.NotAssigned, func(x scoring.Assignment) string { return x.Member }, member)
	f.Bonuses = keep(sh.Bonuses, func(x scoring.Occurrences) string { return x.Member }, member)
	f.Deductions = keep(sh.Deductions, func(x scoring.Occurrences) string { return x.Member }, member)
	f.Facts = keep(sh.Facts, func(x scoring.FactValue) string { return x.Member }, member)
	f.History = keep(sh.History, func(x scoring.PastAward) string { return x.Member }, member)
	if b := sh.Ballot; b != nil {
		// The counts the whole sheet implies, stated: alone, the member
		// would be the only one entitled.
		entitled := b.Entitled
		if entitled == 0 {
			entitled = len(sh.Members)
		}
		present := b.Present
		if present == 0 {
			present = entitled
		}
		f.Ballot = &scoring.Ballot{Entitled: entitled, Present: present, Source: b.Source,
			Votes: keep(b.Votes, func(x scoring.Vote) string { return x.Member }, member)}
	}
	s.frame = f
	got, err := s.card(f.Scores)
	if err != nil || !reflect.DeepEqual(got, card) {
		return nil
	}
	return s
}

// keep returns the rows of xs about member.
func keep[T any](xs []T, of func(T) string, member string) []T {
	var out []T
	for _, x := range xs {
		if of(x) == member {
			out = append(out, x)
		}
	}
	return out
}

// card scores the member with its score rows replaced by scores (the
// frame's rows, changed or extended), without the trace.
func (s *solo) card(scores []scoring.Entry) (scoring.Scorecard, error) {
	f := s.frame
	f.Scores = scores
	cards, err := scoring.Score(s.rb, f, scoring.WithoutTrace())
	if err != nil {
		return scoring.Scorecard{}, err
	}
	return cards[0], nil
}

// scores returns a copy of the frame's score rows, for a candidate to
// change.
func (s *solo) scores() []scoring.Entry {
	return append(make([]scoring.Entry, 0, len(s.frame.Scores)+4), s.frame.Scores...)
}

// placing is one ranking of the cluster's cards: the members in rank
// order, their ranks, ties and awards, as the engine's ranker leaves them.
type placing struct {
	cards   []scoring.Scorecard
	order   []int  // card indices in rank order
	rank    []int  // by position in order
	pos     []int  // by card: its position in order
	tied    []bool // by card
	award   []int8 // by card: the tier proposed, or −1
	grade   []int8 // by card: the grading band (xếp loại), 0 the highest, or −1
	pending int    // the tier left pending, or −1 (the tiers after it wait)
	cand    []int  // the pending tier's candidates (card indices)
}

// ranker ranks cards with the engine's ranker. When the chain may draw lots
// with a seed given in ranking options (which are opaque), it ranks through
// ranking.RankScorecards instead, which reads them.
type ranker struct {
	rb     *rules.Rulebook
	sh     scoring.Sheet // the year, the history and the recorded draw
	opts   []ranking.Option
	direct bool
}

func newRanker(rb *rules.Rulebook, sh scoring.Sheet, opts []ranking.Option) *ranker {
	seeded := standings.ChainReads(rb).Has(standings.Draw) && len(sh.Lots) == 0 && len(opts) > 0
	return &ranker{rb: rb, sh: sh, opts: opts, direct: !seeded}
}

// place ranks cards (scored from a sheet that differs from the ranker's in
// scores only, or in the rulebook's weights) and proposes the awards.
func (k *ranker) place(rb *rules.Rulebook, cards []scoring.Scorecard) *placing {
	if !k.direct {
		return placingOf(ranking.RankScorecards(rb, k.sh, cards, k.opts...), cards)
	}
	c := standings.NewCluster(rb, k.sh, cards, nil)
	r := standings.NewRanker(c, standings.NewCardSource(rb, cards), nil)
	r.Sort()
	r.Propose()
	p := &placing{cards: cards, order: r.Order, rank: r.Rank, tied: r.Tied, award: r.Award, grade: r.Grade, pending: r.Pending}
	p.pos = make([]int, len(cards))
	for i, m := range p.order {
		p.pos[m] = i
	}
	if p.pending >= 0 {
		// Which members the tier waits for: proposing again, told.
		rec := &pendingOf{tier: p.pending}
		r := standings.NewRanker(c, standings.NewCardSource(rb, cards), rec)
		r.Sort()
		r.Propose()
		for _, pos := range rec.cand {
			p.cand = append(p.cand, r.Order[pos])
		}
	}
	return p
}

// placingOf reads standings ranked from cards as a placing.
func placingOf(st *ranking.Standings, cards []scoring.Scorecard) *placing {
	idx := map[string]int{}
	for i, c := range cards {
		idx[c.Member.ID] = i
	}
	n := len(cards)
	p := &placing{cards: cards, order: make([]int, n), rank: make([]int, n), pos: make([]int, n), tied: make([]bool, n), award: make([]int8, n), grade: make([]int8, n), pending: -1}
	tiers := map[string]int{}
	for t, a := range st.Awards {
		tiers[a.Tier] = t
	}
	grades := map[string]int8{"": -1}
	for g, b := range st.Grades {
		grades[b.Grade] = int8(g)
	}
	for i, r := range st.Rows {
		m := idx[r.Member.ID]
		p.order[i], p.rank[i], p.pos[m], p.tied[m], p.award[m], p.grade[m] = m, r.Rank, i, r.Tied, -1, grades[r.Grade]
		if len(r.Awards) > 0 {
			p.award[m] = int8(tiers[r.Awards[0]])
		}
	}
	for t, a := range st.Awards {
		if a.Pending != nil && p.pending < 0 {
			p.pending = t
			for _, id := range a.Pending.Candidates {
				p.cand = append(p.cand, idx[id])
			}
		}
	}
	return p
}

// pendingOf is a Recorder that keeps the candidates of one pending tier.
type pendingOf struct {
	tier int
	cand []int
}

func (r *pendingOf) Decided(int, int, int, int, lang.Message, lang.Message) {}
func (r *pendingOf) Unresolved(int, []int, int, lang.Message)               {}
func (r *pendingOf) Drew(bool, []int)                                       {}
func (r *pendingOf) Proposed(int, int)                                      {}
func (r *pendingOf) Skipped(int, int)                                       {}
func (r *pendingOf) Forfeited(int, int)                                     {}
func (r *pendingOf) Blocked(int, lang.Message)                              {}
func (r *pendingOf) Pending(t, _ int, candidates []int) {
	if t == r.tier {
		r.cand = append([]int(nil), candidates...)
	}
}

// reached reports whether member (a card index) meets the target in the
// placing; tier is the target's award tier, or −1 for a rank. It reads the
// placing as reached reads standings; grade is the band of a band target
// (its place), or −1.
func (p *placing) reached(member int, t Target, tier, grade int) bool {
	if grade >= 0 {
		g := p.grade[member]
		return g >= 0 && int(g) <= grade
	}
	if tier >= 0 {
		a := p.award[member]
		return a >= 0 && int(a) <= tier
	}
	// the last place the member's rank covers, counted (see reached)
	rank, last := p.rank[p.pos[member]], 0
	for i, r := range p.rank {
		if r == rank {
			last = i + 1
		}
	}
	return last <= t.Rank
}

// outcome is OutcomeOf the placing.
func (p *placing) outcome(rb *rules.Rulebook) Outcome {
	var o Outcome
	for i, m := range p.order {
		if p.rank[i] == 1 {
			o.Winners = append(o.Winners, p.cards[m].Member.ID)
		}
	}
	for t, tier := range rb.Awards() {
		ao := AwardOutcome{Tier: tier.ID, Proposed: []string{}, Blocked: p.pending >= 0 && t > p.pending}
		for _, m := range p.order {
			if int(p.award[m]) == t {
				ao.Proposed = append(ao.Proposed, p.cards[m].Member.ID)
			}
		}
		if t == p.pending {
			for _, m := range p.cand {
				ao.Pending = append(ao.Pending, p.cards[m].Member.ID)
			}
		}
		o.Awards = append(o.Awards, ao)
	}
	if bands := rb.Grades(); len(bands) > 0 {
		o.Grades = make([]GradeOutcome, len(bands))
		for g, b := range bands {
			o.Grades[g] = GradeOutcome{Grade: b.ID, Name: b.Name, Members: []string{}}
		}
		for _, m := range p.order {
			if g := p.grade[m]; g >= 0 {
				o.Grades[g].Members = append(o.Grades[g].Members, p.cards[m].Member.ID)
			}
		}
	}
	return o
}

// ids lists the members in rank order.
func (p *placing) ids() []string {
	out := make([]string, len(p.order))
	for i, m := range p.order {
		out[i] = p.cards[m].Member.ID
	}
	return out
}

// ranks lists each card's rank.
func (p *placing) ranks() []int {
	out := make([]int, len(p.cards))
	for i, m := range p.order {
		out[m] = p.rank[i]
	}
	return out
}

// card returns a member's card (the cards are sorted by member id, as
// scoring.Score returns them).
func (p *placing) card(id string) scoring.Scorecard {
	i, ok := slices.BinarySearchFunc(p.cards, id, func(c scoring.Scorecard, id string) int { return strings.Compare(c.Member.ID, id) })
	if !ok {
		return scoring.Scorecard{}
	}
	return p.cards[i]
}
