package invariants

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// space is the accepted input values of one criterion, as a grid: lo +
// k·step for k = 0 … steps.
type space struct {
	id string
	// leader is true when the points depend on the cluster's leader
	// (scoring.OnLeader): one value per member, never scored by peers.
	leader bool
	lo     decimal.Decimal
	step   decimal.Decimal
	steps  int64
	// target is the target written in the sheet for each member, if the
	// criterion has no default (zero otherwise).
	target decimal.Decimal
	// falling is true when the points fall as the value rises (a count of
	// violations, method fewer): a member's score rises as it goes down.
	falling bool
}

func (s space) at(k int64) decimal.Decimal {
	k = max(0, min(k, s.steps))
	return s.lo.Add(s.step.Mul(decimal.NewFromInt(k)))
}

// index is the grid position at or below v.
func (s space) index(v decimal.Decimal) int64 {
	if s.step.IsZero() {
		return 0
	}
	k := v.Sub(s.lo).Div(s.step).Floor().IntPart()
	return max(0, min(k, s.steps))
}

var (
	dHundred = decimal.NewFromInt(100)
	dTwenty  = decimal.NewFromInt(20)
)

// gridStep is the largest of a few round steps that divides every value
// into a grid of at most 400 steps from lo to hi; else (hi−lo)/100.
func gridStep(lo, hi decimal.Decimal, vals ...decimal.Decimal) decimal.Decimal {
	span := hi.Sub(lo)
	if !span.IsPositive() {
		return decimal.NewFromInt(1)
	}
	for _, s := range []string{"1", "0.5", "0.25", "0.1", "0.05", "0.01"} {
		st := decimal.RequireFromString(s)
		ok := span.Mod(st).IsZero() && span.Div(st).LessThanOrEqual(decimal.NewFromInt(400))
		for _, v := range vals {
			ok = ok && v.Sub(lo).Mod(st).IsZero()
		}
		if ok && span.Div(st).GreaterThanOrEqual(decimal.NewFromInt(2)) {
			return st
		}
	}
	return span.Div(dHundred)
}

// spaceOf is the value space of a leaf criterion, read from its point
// function: the values its Domain accepts, around the breakpoints of its
// pieces where they matter. ok is false for a criterion whose input is the
// ballot (votes), which takes no score rows.
func spaceOf(f scoring.PointFunction) (space, bool) {
	s := space{id: f.Criterion, leader: f.Depends == scoring.OnLeader, lo: decimal.Zero, step: decimal.NewFromInt(1), falling: f.Falling}
	d := f.Domain
	switch {
	case f.Depends == scoring.OnBallot:
		return s, false
	case d.Kind == scoring.Binary:
		s.steps = 1
	case d.Kind == scoring.WholeCounts:
		// 0 … one past the count at which the points reach the maximum
		x, ok := f.Saturation()
		if !ok {
			return s, false
		}
		s.steps = new(big.Int).Quo(x.Num(), x.Denom()).Int64() + 1
	case f.ReadsTarget:
		t := f.Target
		if t.IsZero() {
			t = dHundred
			s.target = t
		}
		s.step, s.steps = t.Div(dTwenty), 30 // 0 … 1.5 × target
	case d.Min != nil && d.Max != nil: // a score between bounds
		s.lo = *d.Min
		s.step = gridStep(s.lo, *d.Max)
		s.steps = d.Max.Sub(s.lo).Div(s.step).IntPart()
	default: // a measured value, unbounded: around the breakpoints (tier thresholds)
		var vals []decimal.Decimal
		for _, p := range f.Pieces {
			if !p.Unbounded {
				vals = append(vals, fractionValue(p.From))
			}
		}
		if len(vals) == 0 {
			vals = []decimal.Decimal{decimal.Zero}
		}
		lo, hi := vals[0], vals[0]
		for _, v := range vals {
			lo, hi = decimal.Min(lo, v), decimal.Max(hi, v)
		}
		if lo.IsNegative() {
			lo = lo.Sub(decimal.NewFromInt(1))
		} else {
			lo = decimal.Zero
		}
		hi = hi.Add(decimal.NewFromInt(1))
		s.lo, s.step = lo, gridStep(lo, hi, vals...)
		s.steps = hi.Sub(lo).Div(s.step).IntPart()
	}
	return s, true
}

// fractionValue is a breakpoint as a decimal (exact when it is one).
func fractionValue(f scoring.Fraction) decimal.Decimal {
	if f.Den.Equal(decimal.NewFromInt(1)) {
		return f.Num
	}
	return f.Num.Div(f.Den)
}

// profile is what the generator needs to know of a rulebook.
type profile struct {
	rb        *rules.Rulebook
	leaves    []space
	byID      map[string]int
	stage     string // the stage whose values count
	assessors int    // peer assessors per criterion when cross-scoring
	peers     bool   // the chain compares peers head to head
	ballot    bool
	history   bool
	year      int
	facts     []rules.Fact
	bonus     []rules.Item
	deduct    []rules.Item
	tiers     []rules.AwardTier
}

func newProfile(rb *rules.Rulebook) *profile {
	p := &profile{rb: rb, byID: map[string]int{}, facts: rb.Facts(), bonus: rb.Bonus().Items, deduct: rb.Deductions().Items, tiers: rb.Awards()}
	for _, n := range rb.Nodes() {
		if n.IsGroup() {
			continue
		}
		f, err := scoring.Describe(rb, n.ID, decimal.Zero)
		if err != nil {
			continue // not a leaf of rb: cannot happen
		}
		if f.Depends == scoring.OnBallot {
			p.ballot = true
			continue
		}
		if s, ok := spaceOf(f); ok {
			p.byID[n.ID] = len(p.leaves)
			p.leaves = append(p.leaves, s)
		}
	}
	a := rb.Assessment()
	p.stage = a.Stages[len(a.Stages)-1].ID
	if a.Counts == rules.NamedPick {
		p.stage = a.Stage
	}
	st, _, _ := rb.Stage(p.stage)
	p.assessors = 3
	if st.Aggregate == rules.TrimmedMean {
		p.assessors = max(3, 2*st.Trim+1)
	}
	reads := standings.ChainReads(rb)
	p.peers = reads.Has(standings.PeerScores)
	p.ballot = p.ballot || reads.Has(standings.Ballot)
	p.history = reads.Has(standings.PastAwards)
	for _, c := range rb.Eligibility() {
		if c.MinVotes != nil {
			p.ballot = true
		}
		if c.MaxConsecutive != nil {
			p.history = true
		}
	}
	in := rb.InForce()
	switch {
	case !in.From.IsZero():
		p.year = in.From.Year()
	case !in.To.IsZero():
		p.year = in.To.Year()
	default:
		p.year = 2025
	}
	return p
}

// Generation modes.
const (
	spread     = iota // each member's values around its own level
	tieHeavy          // values from {lowest, middle, highest}: many ties
	favourable        // every member strong, eligible, no deductions
)

// gen draws a sheet of n members.
func (p *profile) gen(r *rand.Rand, n, mode int) scoring.Sheet {
	sh := scoring.Sheet{Cluster: "invariants", Year: p.year}
	peers := p.peers && r.IntN(4) != 0 || !p.peers && r.IntN(6) == 0
	for i := range n {
		id := fmt.Sprintf("M%02d", i+1)
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Đơn vị " + id})
		q := int64(r.IntN(1001))
		if mode == favourable {
			q = 850 + int64(r.IntN(151))
		}
		pick := func(s space) decimal.Decimal {
			if mode == tieHeavy {
				return s.at([]int64{0, s.steps / 2, s.steps}[r.IntN(3)])
			}
			noise := int64(r.IntN(int(s.steps/5+1))) - s.steps/10
			if mode == favourable {
				noise = int64(r.IntN(int(s.steps/10 + 1)))
			}
			return s.at((q*s.steps+500)/1000 + noise)
		}
		for _, s := range p.leaves {
			if peers && !s.leader {
				// in tie-heavy mode the assessors disagree around one level,
				// so that members tie on points but not head to head
				level := []int64{s.steps / 4, s.steps / 2, 3 * s.steps / 4}[r.IntN(3)]
				delta := make([]int64, p.assessors)
				d := int64(r.IntN(int(s.steps/4 + 1)))
				delta[0], delta[1] = d, -d
				shuffle(r, delta)
				for a := range p.assessors {
					v := pick(s)
					if mode == tieHeavy {
						v = s.at(level + delta[a])
					}
					sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: s.id, Stage: p.stage, Assessor: fmt.Sprintf("P%d", a+1), Value: v})
				}
			} else {
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: s.id, Stage: p.stage, Value: pick(s)})
			}
			if !s.target.IsZero() {
				sh.Targets = append(sh.Targets, scoring.Target{Member: id, Criterion: s.id, Value: s.target})
			}
		}
		for _, f := range p.facts {
			v := r.IntN(100) < 85-15*min(mode, 1) || mode == favourable
			if f.Default == nil || *f.Default != v {
				sh.Facts = append(sh.Facts, scoring.FactValue{Member: id, Fact: f.ID, Value: v})
			}
		}
		for _, it := range p.bonus {
			if r.IntN(4) == 0 {
				sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: it.ID, Count: 1 + r.IntN(2)})
			}
		}
		for _, it := range p.deduct {
			if mode != favourable && r.IntN(4) == 0 {
				sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: it.ID, Count: 1 + r.IntN(3)})
			}
		}
		if p.history && len(p.tiers) > 0 && mode != favourable && r.IntN(3) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: id, Year: p.year - 1, Award: p.tiers[r.IntN(len(p.tiers))].ID})
		}
		if p.ballot {
			if sh.Ballot == nil {
				sh.Ballot = &scoring.Ballot{}
			}
			v := int(q)*n/1000 + r.IntN(3) - 1
			if mode == favourable {
				v = n - r.IntN(2)
			}
			sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: id, For: max(0, min(v, n))})
		}
	}
	// a rulebook that lists its ballots (one per band or tier) gets the
	// drawn ballot under each of their names
	if b := sh.Ballot; b != nil && len(p.rb.Votes().Ballots) > 0 {
		for _, nb := range p.rb.Votes().Ballots {
			c := *b
			c.ID, c.Votes = nb.ID, slices.Clone(b.Votes)
			sh.Ballots = append(sh.Ballots, c)
		}
		sh.Ballot = nil
	}
	return sh
}

// perturb redraws one to three score values of a sheet.
func (p *profile) perturb(r *rand.Rand, sh scoring.Sheet) scoring.Sheet {
	out := cloneSheet(sh)
	if len(out.Scores) == 0 {
		return out
	}
	for range 1 + r.IntN(3) {
		i := r.IntN(len(out.Scores))
		if k, ok := p.byID[out.Scores[i].Criterion]; ok {
			s := p.leaves[k]
			out.Scores[i].Value = s.at(int64(r.IntN(int(s.steps + 1))))
		}
	}
	return out
}

// cloneSheet copies every list of a sheet.
func cloneSheet(sh scoring.Sheet) scoring.Sheet {
	out := sh
	out.Members, out.Scores, out.Targets = slices.Clone(sh.Members), slices.Clone(sh.Scores), slices.Clone(sh.Targets)
	out.NotAssigned, out.Bonuses, out.Deductions = slices.Clone(sh.NotAssigned), slices.Clone(sh.Bonuses), slices.Clone(sh.Deductions)
	out.Facts, out.History, out.Lots = slices.Clone(sh.Facts), slices.Clone(sh.History), slices.Clone(sh.Lots)
	if sh.Ballot != nil {
		b := *sh.Ballot
		b.Votes = slices.Clone(sh.Ballot.Votes)
		out.Ballot = &b
	}
	return out
}

// shuffled returns the sheet with every list in a random order.
func shuffled(r *rand.Rand, sh scoring.Sheet) scoring.Sheet {
	out := cloneSheet(sh)
	shuffle(r, out.Members)
	shuffle(r, out.Scores)
	shuffle(r, out.Targets)
	shuffle(r, out.NotAssigned)
	shuffle(r, out.Bonuses)
	shuffle(r, out.Deductions)
	shuffle(r, out.Facts)
	shuffle(r, out.History)
	if out.Ballot != nil {
		shuffle(r, out.Ballot.Votes)
	}
	return out
}

func shuffle[T any](r *rand.Rand, xs []T) {
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
}

// ballotSize is the number entitled and present in a sheet's ballot.
func ballotSize(sh scoring.Sheet) (entitled, present int) {
	b := sh.Ballot
	entitled = b.Entitled
	if entitled == 0 {
		entitled = len(sh.Members)
	}
	present = b.Present
	if present == 0 {
		present = entitled
	}
	return entitled, present
}

// without returns the sheet without the member and its rows. If pin, the
// ballot keeps its size (it was held with the member); otherwise it
// shrinks with the cluster and votes are cut to fit.
func without(sh scoring.Sheet, id string, pin bool) scoring.Sheet {
	out := cloneSheet(sh)
	if out.Ballot != nil && pin {
		out.Ballot.Entitled, out.Ballot.Present = ballotSize(sh)
	}
	out.Members = slices.DeleteFunc(out.Members, func(m scoring.Member) bool { return m.ID == id })
	out.Scores = slices.DeleteFunc(out.Scores, func(e scoring.Entry) bool { return e.Member == id })
	out.Targets = slices.DeleteFunc(out.Targets, func(e scoring.Target) bool { return e.Member == id })
	out.NotAssigned = slices.DeleteFunc(out.NotAssigned, func(e scoring.Assignment) bool { return e.Member == id })
	out.Bonuses = slices.DeleteFunc(out.Bonuses, func(e scoring.Occurrences) bool { return e.Member == id })
	out.Deductions = slices.DeleteFunc(out.Deductions, func(e scoring.Occurrences) bool { return e.Member == id })
	out.Facts = slices.DeleteFunc(out.Facts, func(e scoring.FactValue) bool { return e.Member == id })
	out.History = slices.DeleteFunc(out.History, func(e scoring.PastAward) bool { return e.Member == id })
	out.Lots = slices.DeleteFunc(out.Lots, func(m string) bool { return m == id })
	if b := out.Ballot; b != nil {
		b.Votes = slices.DeleteFunc(b.Votes, func(v scoring.Vote) bool { return v.Member == id })
		if !pin {
			if b.Entitled == 0 && b.Present > len(out.Members) {
				b.Present = len(out.Members)
			}
			_, present := ballotSize(out)
			for i, v := range b.Votes {
				if v.For+v.Against+v.Abstain > present {
					b.Votes[i] = scoring.Vote{Member: v.Member, For: min(v.For, present)}
				}
			}
		}
	}
	return out
}
