package ranking

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

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
	cards, err := scoring.Score(rb, sh, sopts...)
	if err != nil {
		return nil, err
	}
	return RankScorecards(rb, sh, cards, opts...), nil
}

// RankScorecards ranks scorecards already computed from sh under rb (for
// callers that score once and rank several times). The cards must be those
// scoring.Score returned for the same rulebook and sheet.
func RankScorecards(rb *rules.Rulebook, sh scoring.Sheet, cards []scoring.Scorecard, opts ...Option) *Standings {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	st := &Standings{
		Schema:   Schema,
		Rulebook: RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()},
		Cluster:  sh.Cluster, Year: sh.Year, SheetHash: sh.Hash(), Basis: rb.RankBy(),
	}
	if p := rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		st.Rulebook.InForce = p.String()
	}
	r := &ranker{rb: rb, sh: sh, cards: cards, cfg: cfg, st: st}
	r.order()
	r.eligibility()
	r.awards()
	return st
}

type ranker struct {
	rb    *rules.Rulebook
	sh    scoring.Sheet
	cards []scoring.Scorecard
	cfg   config
	st    *Standings
	// the result of ordering: members in order and the link between
	// consecutive ones
	seq   []int
	links []Decision
	tied  []bool
}

// rule is one step of the chain as applied: the ranking basis first, then
// the rulebook's tie-breaks.
type rule struct {
	name string
	tb   rules.TieBreak
}

func (r *ranker) chain() []rule {
	basis := rules.TieBreak{Kind: rules.ByTotalPoints}
	if r.rb.RankBy() == rules.ByPercent {
		basis.Kind = rules.ByPercentage
	}
	out := []rule{{basis.String(), basis}}
	for _, tb := range r.rb.TieBreaks() {
		out = append(out, rule{tb.String(), tb})
	}
	return out
}

// order sorts the members by the chain, recording how each adjacent pair
// was decided.
func (r *ranker) order() {
	all := make([]int, len(r.cards))
	for i := range all {
		all[i] = i
	}
	slices.SortFunc(all, func(a, b int) int { return cmp.Compare(r.cards[a].Member.ID, r.cards[b].Member.ID) })
	r.tied = make([]bool, len(r.cards))
	r.split(all, r.chain(), 0, nil)

	rank := 0
	for pos, m := range r.seq {
		row := Row{Member: r.cards[m].Member, Total: r.cards[m].Total, Percent: r.cards[m].Percent, Basis: r.cards[m].Basis, Card: r.cards[m], Tied: r.tied[m], Awards: []string{}, Failed: []Failure{}}
		if pos == 0 || !r.links[pos-1].Unresolved {
			rank = pos + 1
		}
		row.Rank = rank
		if pos > 0 {
			d := r.links[pos-1]
			row.DecidedBy = &d
		}
		r.st.Rows = append(r.st.Rows, row)
	}
}

// key is one member's value under a rule: ordered so that a greater key
// ranks higher.
type key struct {
	v    decimal.Decimal
	text lang.Message
	// For rules whose value is a number, the message is built only for
	// the members a decision quotes: what (a catalogue key) and shown.
	what  string
	shown decimal.Decimal
}

// message is the member's value under the rule, as a decision quotes it.
func (k key) message() lang.Message {
	if k.what != "" {
		return lang.Msg(k.what, k.shown)
	}
	return k.text
}

// split orders group (members already equal under chain[:k]) by chain[k:].
func (r *ranker) split(group []int, chain []rule, k int, tried []string) {
	if len(group) == 1 {
		r.seq = append(r.seq, group[0])
		return
	}
	if k == len(chain) {
		r.unresolved(group, tried, lang.Message{})
		return
	}
	ru := chain[k]
	keys, note := r.keys(ru, group)
	if keys == nil {
		r.unresolved(group, append(tried, ru.name), note)
		return
	}
	sorted := slices.Clone(group)
	slices.SortStableFunc(sorted, func(a, b int) int { return keys[b].v.Cmp(keys[a].v) })
	// Split into runs of equal key and order each run by the rest of the
	// chain. The link between two runs joins the last member placed from
	// the upper run and the first placed from the lower one, which later
	// rules may have reordered within their runs.
	open := -1 // index in r.links of a boundary waiting for its lower member
	start := 0
	for i := 1; i <= len(sorted); i++ {
		if i < len(sorted) && keys[sorted[i]].v.Equal(keys[sorted[start]].v) {
			continue
		}
		first := len(r.seq)
		r.split(sorted[start:i], chain, k+1, append(slices.Clone(tried), ru.name))
		if open >= 0 {
			lo := r.seq[first]
			lt := keys[lo].message()
			r.links[open].Lower, r.links[open].LowerValue, r.links[open].LowerText = r.cards[lo].Member.ID, lt.In(lang.English), lt
			open = -1
		}
		if i < len(sorted) {
			up := r.seq[len(r.seq)-1]
			ut := keys[up].message()
			r.links = append(r.links, Decision{Rule: ru.name, Upper: r.cards[up].Member.ID, UpperValue: ut.In(lang.English), UpperText: ut})
			open = len(r.links) - 1
		}
		start = i
	}
}

func (r *ranker) unresolved(group []int, tried []string, note lang.Message) {
	// Members the chain cannot separate are listed by their names in
	// Vietnamese alphabetical order (then id): a display order, not a rank.
	group = slices.Clone(group)
	SortByName(group, func(i int) scoring.Member { return r.cards[i].Member })
	ids := make([]string, len(group))
	for i, m := range group {
		ids[i] = r.cards[m].Member.ID
		r.tied[m] = true
	}
	if note.IsZero() {
		rs := make([]lang.Message, len(tried))
		for i, t := range tried {
			rs[i] = lang.Msg("rule", t)
		}
		note = lang.Msg("tie.equal").With(rs...)
	}
	en := note.In(lang.English)
	r.st.Ties = append(r.st.Ties, Tie{Rank: len(r.seq) + 1, Members: ids, Tried: tried, Note: en, NoteText: note})
	for i, m := range group {
		r.seq = append(r.seq, m)
		if i > 0 {
			r.links = append(r.links, Decision{Rule: "unresolved", Upper: r.cards[group[i-1]].Member.ID, Lower: r.cards[m].Member.ID, Unresolved: true, Note: en, NoteText: note})
		}
	}
}

// keys returns each group member's value under the rule, indexed by member
// (card) position; nil with a note if the rule cannot be applied.
func (r *ranker) keys(ru rule, group []int) (map[int]key, lang.Message) {
	out := make(map[int]key, len(group))
	dec := func(m int, v decimal.Decimal) { out[m] = key{v: v, what: "value.number", shown: v} }
	switch ru.tb.Kind {
	case rules.ByTotalPoints:
		for _, m := range group {
			dec(m, r.cards[m].Total)
		}
	case rules.ByPercentage:
		for _, m := range group {
			out[m] = key{v: r.cards[m].Percent, what: "value.percent", shown: r.cards[m].Percent}
		}
	case rules.ByGroup, rules.ByCriterion:
		for _, m := range group {
			n, _ := r.cards[m].Node(ru.tb.Ref)
			dec(m, n.Value)
		}
	case rules.FewerDeductions:
		for _, m := range group {
			d := r.cards[m].Deductions.Total
			out[m] = key{v: d.Neg(), what: "value.deducted", shown: d}
		}
	case rules.MoreBonus:
		for _, m := range group {
			dec(m, r.cards[m].Bonus.Total)
		}
	case rules.MoreVotes:
		for _, m := range group {
			v := r.cards[m].Votes.For
			out[m] = key{v: decimal.NewFromInt(int64(v)), text: votes(v)}
		}
	case rules.HeadToHead:
		r.headToHead(group, out)
	case rules.NoAwardLastYear:
		r.noAwardLastYear(ru.tb.Ref, group, out)
	case rules.DrawingLots:
		return r.lots(group, out)
	}
	return out, lang.Message{}
}

// headToHead gives each member the number of tied rivals it beats head to
// head: a member beats a rival if more peer assessors scored it higher than
// scored the rival higher, comparing each assessor's points on the criteria
// it scored both on.
func (r *ranker) headToHead(group []int, out map[int]key) {
	type judge struct{ stage, assessor string }
	pts := map[int]map[judge]map[string]decimal.Decimal{}
	for _, m := range group {
		pts[m] = map[judge]map[string]decimal.Decimal{}
		for _, p := range r.cards[m].Peers {
			j := judge{p.Stage, p.Assessor}
			if pts[m][j] == nil {
				pts[m][j] = map[string]decimal.Decimal{}
			}
			pts[m][j][p.Criterion] = p.Points
		}
	}
	prefers := func(a, b int) (int, int) { // judges preferring a, preferring b
		na, nb := 0, 0
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
			switch sa.Cmp(sb) {
			case 1:
				na++
			case -1:
				nb++
			}
		}
		return na, nb
	}
	for _, a := range group {
		wins := 0
		var detail []lang.Message
		for _, b := range group {
			if a == b {
				continue
			}
			na, nb := prefers(a, b)
			if na > nb {
				wins++
			}
			detail = append(detail, lang.Msg("value.h2h.pair", na, nb, r.cards[b].Member.ID))
		}
		out[a] = key{v: decimal.NewFromInt(int64(wins)), text: lang.Msg("value.h2h", wins, len(group)-1).With(detail...)}
	}
}

func (r *ranker) noAwardLastYear(tier string, group []int, out map[int]key) {
	if r.sh.Year == 0 {
		for _, m := range group {
			out[m] = key{v: decimal.Zero, text: lang.Msg("value.year_unknown")}
		}
		return
	}
	last := r.sh.Year - 1
	for _, m := range group {
		got := ""
		for _, h := range r.sh.History {
			if h.Member == r.cards[m].Member.ID && h.Year == last && (tier == "" || h.Award == tier) {
				got = h.Award
			}
		}
		if got == "" {
			out[m] = key{v: decimal.NewFromInt(1), text: lang.Msg("value.no_award", last)}
		} else {
			out[m] = key{v: decimal.Zero, text: lang.Msg("value.award", got, last)}
		}
	}
}

// lots orders the group by the recorded draw, or draws with the seed: a
// Fisher–Yates shuffle of the members sorted by id, driven by PCG seeded
// with the seed and a hash of the members' ids, so that each tie's draw is
// reproducible on its own.
func (r *ranker) lots(group []int, out map[int]key) (map[int]key, lang.Message) {
	if len(r.sh.Lots) > 0 {
		pos := map[string]int{}
		for i, id := range r.sh.Lots {
			pos[id] = i
		}
		for _, m := range group {
			p, ok := pos[r.cards[m].Member.ID]
			if !ok {
				return nil, lang.Msg("lots.not_drawn", r.cards[m].Member.ID)
			}
			out[m] = key{v: decimal.NewFromInt(int64(-p)), text: lang.Msg("value.drawn", p+1)}
		}
		r.recordLots(nil, out, group)
		return out, lang.Message{}
	}
	if r.cfg.seed == nil {
		return nil, lang.Msg("lots.no_seed")
	}
	ids := make([]string, len(group))
	byID := map[string]int{}
	for i, m := range group {
		ids[i] = r.cards[m].Member.ID
		byID[ids[i]] = m
	}
	for p, id := range DrawOrder(*r.cfg.seed, ids) {
		out[byID[id]] = key{v: decimal.NewFromInt(int64(-p)), text: lang.Msg("value.drawn_seed", p+1, *r.cfg.seed)}
	}
	r.recordLots(r.cfg.seed, out, group)
	return out, lang.Message{}
}

// SortByName orders xs by the names of the members they stand for, in
// Vietnamese alphabetical order (golang.org/x/text/collate; "Sở An" before
// "Sở Ăn", "Sở Du lịch" before "Sở Đầu tư"), then by member id. It is for
// listing members whose order the rules do not decide; it never decides a
// rank.
func SortByName[T any](xs []T, member func(T) scoring.Member) {
	c := collate.New(language.Vietnamese)
	slices.SortStableFunc(xs, func(a, b T) int {
		ma, mb := member(a), member(b)
		return cmp.Or(c.CompareString(ma.Name, mb.Name), cmp.Compare(ma.ID, mb.ID))
	})
}

// DrawOrder is the drawing of lots (bốc thăm) used when a tie reaches the
// lots rule with a seed: it returns the members in the order drawn. The
// members are sorted by id, then shuffled (Fisher–Yates) by PCG seeded with
// the seed and an FNV-1a hash of the sorted ids, so a tie's draw depends
// only on the seed and on who is tied — the same on every machine, in any
// Go version, and whatever other ties the ranking has.
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

func (r *ranker) recordLots(seed *uint64, keys map[int]key, group []int) {
	if r.st.Lots == nil {
		r.st.Lots = &Lots{Seed: seed, Recorded: slices.Clone(r.sh.Lots)}
	}
	drawn := slices.Clone(group)
	slices.SortFunc(drawn, func(a, b int) int { return keys[b].v.Cmp(keys[a].v) })
	ids := make([]string, len(drawn))
	for i, m := range drawn {
		ids[i] = r.cards[m].Member.ID
	}
	r.st.Lots.Draws = append(r.st.Lots.Draws, ids)
}

func votes(n int) lang.Message {
	if n == 1 {
		return lang.Msg("value.vote", n)
	}
	return lang.Msg("value.votes", n)
}
