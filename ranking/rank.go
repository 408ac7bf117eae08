package ranking

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Option adjusts a ranking.
type Option func(*config)

type config struct {
	seed  *uint64
	quiet bool
}

// WithoutTrace ranks without writing the scorecards' traces (see
// scoring.WithoutTrace): the standings are the same, computed in a
// fraction of the time, for callers that rank many sheets and show no
// steps.
func WithoutTrace() Option {
	return func(c *config) { c.quiet = true }
}

// WithSeed gives the seed used to draw lots when the chain reaches lots and
// the sheet records no draw. The standings record the seed.
func WithSeed(seed uint64) Option {
	return func(c *config) { c.seed = &seed }
}

// Rank scores every member of the sheet under the rulebook and returns the
// standings with award proposals. An invalid sheet yields
// scoring.InputErrors listing every problem.
func Rank(rb *rules.Rulebook, sh scoring.Sheet, opts ...Option) (*Standings, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	var sopts []scoring.Option
	if cfg.quiet {
		sopts = append(sopts, scoring.WithoutTrace())
	}
	// The sheet's hash is taken before scoring, and the sheet kept for
	// ranking holds no score row: ranking reads the scores through the
	// scorecards only, so that a large sheet's rows can be freed while it
	// is scored (Score keeps what it reads of them).
	hash := sh.Hash()
	rest := sh
	rest.Scores = nil
	cards, err := scoring.Score(rb, sh, sopts...)
	if err != nil {
		return nil, err
	}
	return rankScorecards(rb, rest, hash, cards, opts...), nil
}

// RankScorecards ranks scorecards already computed from sh under rb (for
// callers that score once and rank several times). The cards must be those
// scoring.Score returned for the same rulebook and sheet.
func RankScorecards(rb *rules.Rulebook, sh scoring.Sheet, cards []scoring.Scorecard, opts ...Option) *Standings {
	return rankScorecards(rb, sh, sh.Hash(), cards, opts...)
}

// rankScorecards is RankScorecards, with the sheet's hash.
func rankScorecards(rb *rules.Rulebook, sh scoring.Sheet, hash string, cards []scoring.Scorecard, opts ...Option) *Standings {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	st := &Standings{
		Schema:   Schema,
		Rulebook: RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()},
		Cluster:  sh.Cluster, Year: sh.Year, SheetHash: hash, Basis: rb.RankBy(),
	}
	if p := rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		st.Rulebook.InForce = p.String()
	}
	cl := standings.NewCluster(rb, sh, cards, cfg.seed)
	rec := &recorder{st: st, cards: cards, sh: sh, cl: cl, seed: cfg.seed, tiers: rb.SharedAwards(), links: make([]Decision, max(len(cards)-1, 0))}
	r := standings.NewRanker(cl, newSortedSource(rb, cards), rec)
	rec.r, rec.grades = r, rb.Grades()
	r.Sort()
	conds := rb.SharedEligibility() // read only
	if n := len(r.Order); n > 0 {
		st.Rows = make([]Row, 0, n)
	}
	var failed []Failure // a row's failures, then copied to the row's own slice
	for pos, m := range r.Order {
		c := cards[m]
		row := Row{Rank: r.Rank[pos], Member: c.Member, Total: c.Total, Percent: c.Percent, Basis: c.Basis, Card: c, Tied: r.Tied[m], Awards: []string{}, Failed: []Failure{}}
		if pos > 0 {
			row.DecidedBy = &rec.links[pos-1] // each row its own decision, in one array
		}
		// every eligibility condition, with the member's values if it fails
		failed = failed[:0]
		for j, cond := range conds {
			if ok, why := r.Check(m, j); !ok {
				var notPut bool
				if cond.MinVotes != nil {
					v := c.Ballot(cond.MinVotes.Ballot)
					notPut = v.Recorded && !v.Voted
				}
				failed = append(failed, Failure{Condition: cond.ID, Reason: cond.Reason, Message: why, NotPut: notPut})
			}
		}
		if len(failed) > 0 {
			row.Failed = slices.Clone(failed)
		}
		st.Rows = append(st.Rows, row)
	}
	for t, tier := range rec.tiers {
		st.Awards = append(st.Awards, Award{Tier: tier.ID, Name: tier.Name, Quota: cl.QuotaOf(t), Proposed: []string{}})
	}
	r.Propose()
	rec.ties(r)
	if cl.Grades() > 0 {
		grades := rb.Grades()
		for _, g := range grades {
			st.Grades = append(st.Grades, GradeCount{Grade: g.ID, Name: g.Name, Members: []string{}})
		}
		for pos, m := range r.Order {
			if g := r.Grade[m]; g >= 0 {
				st.Rows[pos].Grade = grades[g].ID
				st.Grades[g].Members = append(st.Grades[g].Members, cards[m].Member.ID)
			}
		}
	}
	return st
}

// sortedSource is the decimal reference's numbers (standings.CardSource),
// with the keys of each quantity computed once for the whole cluster by
// sorting its members: a member's key is the number of members whose value
// is smaller, so that keys compare exactly as the values do, within any
// group. CardSource counts within each group it is asked about, comparing
// every pair: with the whole cluster as the first group, that is n²
// decimal comparisons (10⁸ for ten thousand members).
type sortedSource struct {
	standings.CardSource
	cards []scoring.Scorecard
	keys  map[sortedKey][]int64
}

// sortedMembers is the size of a cluster from which sortedSource sorts:
// in a smaller one, comparing every pair costs less.
const sortedMembers = 64

type sortedKey struct {
	q    standings.Quantity
	node int
}

func newSortedSource(rb *rules.Rulebook, cards []scoring.Scorecard) *sortedSource {
	return &sortedSource{CardSource: standings.NewCardSource(rb, cards), cards: cards, keys: map[sortedKey][]int64{}}
}

// value is member m's quantity q (of node, for Value and Points).
func (s *sortedSource) value(q standings.Quantity, node, m int) decimal.Decimal {
	c := &s.cards[m]
	switch q {
	case standings.Total:
		return c.Total
	case standings.Percent:
		return c.Percent
	case standings.Value:
		return c.Nodes[node].Value
	case standings.Points:
		return c.Nodes[node].Points
	case standings.Deductions:
		return c.Deductions.Total
	case standings.Bonus:
		return c.Bonus.Total
	case standings.Input:
		return c.Nodes[node].Raw
	}
	panic("ranking: unknown quantity")
}

// Keys writes each group member's key: the number of the cluster's
// members whose value is smaller.
func (s *sortedSource) Keys(q standings.Quantity, node int, group []int, out []int64) {
	if len(s.cards) < sortedMembers || q == standings.Input { // inputs: rare, and some have none
		s.CardSource.Keys(q, node, group, out) // keys in the same order
		return
	}
	k := sortedKey{q, node}
	keys, ok := s.keys[k]
	if !ok {
		n := len(s.cards)
		vals := make([]decimal.Decimal, n)
		order := make([]int, n)
		for m := range n {
			vals[m], order[m] = s.value(q, node, m), m
		}
		slices.SortFunc(order, func(a, b int) int { return rules.CompareDecimals(vals[a], vals[b]) })
		keys = make([]int64, n)
		for i, m := range order {
			if i > 0 && rules.CompareDecimals(vals[m], vals[order[i-1]]) == 0 {
				keys[m] = keys[order[i-1]]
			} else {
				keys[m] = int64(i)
			}
		}
		s.keys[k] = keys
	}
	for _, m := range group {
		out[m] = keys[m]
	}
}

// AtLeast compares in decimals, as CardSource does, without building a
// number (rules.CompareDecimals).
func (s *sortedSource) AtLeast(q standings.Quantity, node, m, _ int, min decimal.Decimal, strict bool) bool {
	return standings.Meets(rules.CompareDecimals(s.value(q, node, m), min), strict)
}

// AtMost compares in decimals, as CardSource does, without building a
// number.
func (s *sortedSource) AtMost(q standings.Quantity, node, m, _ int, max decimal.Decimal, strict bool) bool {
	return standings.Meets(-rules.CompareDecimals(s.value(q, node, m), max), strict)
}

// recorder writes the explanation of a ranking into the standings.
type recorder struct {
	st     *Standings
	cards  []scoring.Scorecard
	sh     scoring.Sheet
	cl     *standings.Cluster
	seed   *uint64
	tiers  []rules.AwardTier
	links  []Decision        // links[pos-1]: how the member at pos was decided
	r      *standings.Ranker // the ranker recorded (for the members' bands)
	grades []rules.Grade
	// tiePos[i] is the position of the first member of st.Ties[i]
	tiePos []int
}

// ties completes the ties the chain could not break, once the awards are
// proposed: each tie's rank (by the rulebook's convention) and the award
// tiers it decides; a tie that decides none is a shared rank (đồng hạng),
// its decisions marked Shared; a member in a tie that decides one is
// marked Unresolved.
func (r *recorder) ties(rk *standings.Ranker) {
	for i, pos := range r.tiePos {
		tie := &r.st.Ties[i]
		tie.Rank = rk.Rank[pos]
		for t, tier := range r.tiers {
			if rk.TieDecides(pos, t) {
				tie.Decides = append(tie.Decides, tier.ID)
			}
		}
		for k := 1; k < len(tie.Members); k++ {
			r.links[pos+k-1].Shared = len(tie.Decides) == 0
		}
	}
	for pos, m := range rk.Order {
		r.st.Rows[pos].Unresolved = rk.Decides[m]
	}
}

func (r *recorder) id(m int) string { return r.cards[m].Member.ID }

// Decided records a decision between adjacent members.
func (r *recorder) Decided(pos, k, upper, lower int, ut, lt lang.Message) {
	r.links[pos-1] = Decision{Rule: r.cl.Chain()[k].Name, Upper: r.id(upper), UpperValue: ut,
		Lower: r.id(lower), LowerValue: lt}
}

// Unresolved records a tie the chain could not break.
func (r *recorder) Unresolved(pos int, group []int, tried int, note lang.Message) {
	ids := make([]string, len(group))
	for i, m := range group {
		ids[i] = r.id(m)
	}
	names := make([]string, tried)
	for i := range tried {
		names[i] = r.cl.Chain()[i].Name
	}
	r.st.Ties = append(r.st.Ties, Tie{Members: ids, Tried: names, Note: note})
	r.tiePos = append(r.tiePos, pos)
	for i := 1; i < len(group); i++ {
		r.links[pos+i-1] = Decision{Rule: "unresolved", Upper: ids[i-1], Lower: ids[i], Unresolved: true, Note: note}
	}
}

// Drew records a drawing of lots.
func (r *recorder) Drew(seeded bool, drawn []int) {
	if r.st.Lots == nil {
		var seed *uint64
		if seeded {
			seed = r.seed
		}
		r.st.Lots = &Lots{Seed: seed, Recorded: slices.Clone(r.sh.Lots)}
	}
	ids := make([]string, len(drawn))
	for i, m := range drawn {
		ids[i] = r.id(m)
	}
	r.st.Lots.Draws = append(r.st.Lots.Draws, ids)
}

// failed lists the conditions of tier t the row at pos fails.
func (r *recorder) failed(t, pos int) []string {
	var ids []string
	for _, f := range r.st.Rows[pos].Failed {
		if slices.Contains(r.tiers[t].Requires, f.Condition) {
			ids = append(ids, f.Condition)
		}
	}
	return ids
}

// Proposed records a proposal.
func (r *recorder) Proposed(t, pos int) {
	row := &r.st.Rows[pos]
	a := &r.st.Awards[t]
	a.Proposed = append(a.Proposed, row.Member.ID)
	row.Awards = append(row.Awards, a.Tier)
}

// Skipped records an ineligible member passed over.
func (r *recorder) Skipped(t, pos int) {
	r.st.Awards[t].Skipped = append(r.st.Awards[t].Skipped, r.skip(t, pos))
}

// skip says why the member at pos is not eligible for tier t: the
// conditions it fails, and its band if the tier requires a higher one.
func (r *recorder) skip(t, pos int) Skip {
	s := Skip{Member: r.st.Rows[pos].Member.ID, Failed: r.failed(t, pos)}
	if m := r.r.Order[pos]; !r.r.GradeAllows(m, t) {
		s.BelowGrade = true
		if g := r.r.Grade[m]; g >= 0 {
			s.Grade = r.grades[g].ID
		}
	}
	return s
}

// Forfeited records a place forfeited by an ineligible member.
func (r *recorder) Forfeited(t, pos int) {
	r.st.Awards[t].Forfeited = append(r.st.Awards[t].Forfeited, r.skip(t, pos))
}

// Pending records places left to an unresolved tie.
func (r *recorder) Pending(t, places int, candidates []int) {
	ids := make([]string, len(candidates))
	for i, pos := range candidates {
		ids[i] = r.st.Rows[pos].Member.ID
	}
	r.st.Awards[t].Pending = &Pending{Places: places, Candidates: ids}
}

// Blocked records a tier waiting for an earlier one.
func (r *recorder) Blocked(t int, why lang.Message) {
	r.st.Awards[t].Blocked = why
}

// SortByName orders xs by the names of the members they stand for, in
// Vietnamese alphabetical order (golang.org/x/text/collate; "Sở An" before
// "Sở Ăn", "Sở Du lịch" before "Sở Đầu tư"), then by member id. It is for
// listing members whose order the rules do not decide; it never decides a
// rank.
func SortByName[T any](xs []T, member func(T) scoring.Member) {
	standings.SortByName(xs, member)
}

// DrawOrder is the drawing of lots (bốc thăm) used when a tie reaches the
// lots rule with a seed: it returns the members in the order drawn. The
// members are sorted by id, then shuffled (Fisher–Yates) by PCG seeded with
// the seed and an FNV-1a hash of the sorted ids, so a tie's draw depends
// only on the seed and on who is tied — the same on every machine, in any
// Go version, and whatever other ties the ranking has.
func DrawOrder(seed uint64, members []string) []string {
	return standings.DrawOrder(seed, members)
}
