package whatif

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Result answers "what is the least the member must gain to reach the
// target?". It is a value: nothing changes it after Reach returns it; treat
// its slices, sheet and standings as read-only.
type Result struct {
	Member scoring.Member `json:"member"`
	Target Target         `json:"target"`
	// Reachable says whether some allocation of gains reaches the target.
	Reachable bool `json:"reachable"`
	// AlreadyMet is true when the member meets the target without any gain.
	AlreadyMet bool `json:"already_met,omitempty"`
	// Gain is the least gain in total points (tổng điểm) that reaches the
	// target: the member's new total minus its current total, after every
	// cap, weight, rounding, bonus and deduction. Zero if already met or
	// unreachable.
	Gain decimal.Decimal `json:"gain"`
	// Before is the member's current position; After its position with the
	// allocation (equal to Before if already met, zero if unreachable).
	Before Position `json:"before"`
	After  Position `json:"after,omitzero"`
	// Allocation lists the criteria whose input rises, in rulebook order:
	// the cheapest allocation of the least gain (see Reach).
	Allocation []Allocation `json:"allocation,omitempty"`
	// Changes are the sheet rows changed or added for the allocation.
	Changes []Change `json:"changes,omitempty"`
	// Fixed lists the member's criteria the search does not change, and
	// why (not assigned, relative to the cluster, from the ballot).
	Fixed []Fixed `json:"fixed,omitempty"`
	// Obstacles say why the target cannot be reached (when Reachable is
	// false).
	Obstacles []Obstacle `json:"obstacles,omitempty"`
	// AtMaximum is the member's position with every criterion it can change
	// at its maximum (when Reachable is false and gains were possible).
	AtMaximum *Position `json:"at_maximum,omitempty"`
	// Caveats note where the answer's exactness rests on an assumption
	// (e.g. a head-to-head tie-break, decided by the peers' own scores).
	Caveats []lang.Message `json:"caveats,omitempty"`
	// Evaluated is the number of candidate allocations ranked with
	// ranking.Rank before the answer was found.
	Evaluated int `json:"evaluated"`
	// Sheet is the changed sheet and Standings its ranking (nil and empty
	// when unreachable).
	Sheet     scoring.Sheet      `json:"-"`
	Standings *ranking.Standings `json:"-"`
	// bands names the rulebook's grading bands by id, for the text
	// (text_grade.go); nil if the rulebook grades no one.
	bands map[string]string
}

// Allocation is one criterion's part of the gain.
type Allocation struct {
	Criterion string       `json:"criterion"`
	Name      string       `json:"name"`
	Method    rules.Method `json:"method"`
	// Stage is the assessment stage whose value is raised.
	Stage string `json:"stage"`
	// From and To are the counted input (for several assessors, their mean;
	// To is then what every assessor at the stage gives).
	From decimal.Decimal `json:"from"`
	To   decimal.Decimal `json:"to"`
	Step decimal.Decimal `json:"step"`
	// Points are in the criterion's own scale; Value is what it contributes
	// to its group (weighted and rounded).
	PointsFrom decimal.Decimal `json:"points_from"`
	PointsTo   decimal.Decimal `json:"points_to"`
	ValueFrom  decimal.Decimal `json:"value_from"`
	ValueTo    decimal.Decimal `json:"value_to"`
	// Effort is the share of the criterion's input scale used (Δinput ÷
	// scale), rounded to 4 places for display; the search compares it
	// exactly.
	Effort decimal.Decimal `json:"effort"`
}

// Change is one sheet row changed (Old set) or added (Old nil).
type Change struct {
	Old *scoring.Entry `json:"old,omitempty"`
	New scoring.Entry  `json:"new"`
}

// Fixed is a criterion the search holds at its current value, and why.
type Fixed struct {
	Criterion string       `json:"criterion"`
	Reason    lang.Message `json:"reason"`
}

// Text writes the reason in the language.
func (f Fixed) Text(t lang.Tag) string { return f.Reason.In(t) }

// ObstacleKind classifies why a target cannot be reached.
type ObstacleKind string

// The obstacle kinds.
const (
	// ObstacleEligibility: a condition that no gain in scores can change
	// fails (a fact, the votes or the quorum, the deductions).
	ObstacleEligibility ObstacleKind = "eligibility"
	// ObstacleCaps: even with every criterion the member can change at its
	// maximum, the target is not reached (caps exhausted).
	ObstacleCaps ObstacleKind = "caps"
	// ObstacleCondition: with every criterion at its maximum a condition
	// that depends on the scores still fails (a minimum total, a
	// criterion's floor on a criterion held fixed).
	ObstacleCondition ObstacleKind = "condition"
)

// Obstacle is one reason a target cannot be reached. Detail says what (with
// the engine's eligibility failure nested in it).
type Obstacle struct {
	Kind      ObstacleKind `json:"kind"`
	Tier      string       `json:"tier,omitempty"`      // the award tier it blocks
	Grade     string       `json:"grade,omitempty"`     // the grading band (xếp loại) whose condition it is
	Condition string       `json:"condition,omitempty"` // the eligibility condition
	Detail    lang.Message `json:"detail"`
}

// Text writes the obstacle's detail in the language.
func (o Obstacle) Text(t lang.Tag) string { return o.Detail.In(t) }

// obstacle builds an obstacle from its message.
func obstacle(kind ObstacleKind, tier, condition string, m lang.Message) Obstacle {
	return Obstacle{Kind: kind, Tier: tier, Condition: condition, Detail: m}
}

// Reach finds the least gain that brings member to target, and one
// allocation of it, exactly.
//
// Gain is measured in the member's total points (tổng điểm), whatever the
// ranking basis: the new total minus the current one, after caps, weights,
// rounding, bonus and deductions. Only the member's own counted values
// change, and only upwards; the other members' sheets are fixed. A
// criterion's input moves on its step (WithStep; default one unit of the
// smallest decimal place the sheet uses for it), from its current value to
// its maximum: the maximum points for direct; 1 for pass/fail; the count,
// target or highest threshold that gives full points for per_occurrence,
// ratio and tiers. Where the counted stage has several assessors, all of
// them are set to the new value. Criteria scored relative to the cluster
// (relative) or from the ballot (votes) depend on the other members and are
// held fixed, as are criteria not assigned to the member.
//
// The search is exact, not sampled. A dynamic programme over the criteria
// tree enumerates every reachable combination of (total, the member's
// values under the tie-break chain's group and criterion rules, pass or
// fail of each eligibility condition that depends on the allocation — a
// criterion floor, a group minimum). Within such a class every allocation
// has the same outcome, so the programme keeps the cheapest of each. The
// classes are then ranked by the engine in order of total, cheapest first,
// until one reaches the target: exact ties with a rival at the candidate
// total are decided by the real tie-break chain. (For a candidate, the
// engine scores the member's card — alone, without trace text, when no
// criterion's points depend on the other members — and ranks it with the
// others' cards with its own ranker, what ranking.Rank does without the
// explanation; the answer is ranked again with ranking.Rank.) Classes are
// enumerated in windows of the member's total, from the least total that
// may reach the target, and only those that can end in the window: the
// answer is the one a programme over every class would give.
// The one exception is a head_to_head tie-break, which reads the peers'
// individual scores; the result then carries a caveat.
//
// Cheapest means the least total effort, Σ Δinput ÷ input scale over the
// criteria changed (the input scale is the maximum for direct, 1 for
// pass/fail, the full-points count for per_occurrence, the target for
// ratio, the highest threshold for tiers), then the fewest criteria
// changed.
//
// If no allocation reaches the target, Result.Reachable is false and
// Obstacles say why.
//
// The search stops when ctx is done (a server's request cancelled, a
// deadline passed), between the steps of the programme and between the
// candidates it ranks, and returns ctx.Err(), wrapped.
func Reach(ctx context.Context, rb *rules.Rulebook, sh scoring.Sheet, member string, target Target, opts ...Option) (*Result, error) {
	if err := stopped(ctx); err != nil {
		return nil, err
	}
	cfg := newConfig(opts)
	// a signed criterion's input is its net points (its counts combined)
	sh = scoring.NetSigned(rb, sh.Clone())
	if !hasMember(sh, member) {
		return nil, newError(ErrUnknownMember, member, "", "", lang.Msg("whatif.err.member.unknown"))
	}
	// The current standings, without the scorecards' trace (the answer is
	// ranked with it).
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		return nil, err
	}
	base := ranking.RankScorecards(rb, sh, cards, cfg.rankOpts...)
	tier, err := target.check(rb, len(base.Rows))
	if err != nil {
		return nil, err
	}
	row, _ := base.Row(member)
	res := &Result{Member: row.Member, Target: target, Before: position(base, member), Gain: decimal.Zero, bands: bandNames(rb)}
	s, err := newSearch(rb, sh, cards, base, member, target, tier, cfg)
	if err != nil {
		return nil, err
	}
	s.ctx = ctx
	res.Fixed = s.fixed()
	if reached(base, member, target, rb) {
		res.Caveats = s.caveats()
		res.Reachable, res.AlreadyMet = true, true
		res.After = res.Before
		if base, err = ranking.Rank(rb, sh, cfg.rankOpts...); err != nil { // with the trace
			return nil, err
		}
		res.Sheet, res.Standings = sh, base
		return res, nil
	}
	if obs := s.blockedForGood(); len(obs) > 0 {
		res.Obstacles = obs
		return res, nil
	}
	if err := s.buildLeaves(); err != nil {
		return nil, err
	}
	found, err := s.run()
	if err != nil {
		return nil, err
	}
	res.Evaluated = s.evaluated
	res.Caveats = s.caveats()
	if found == nil {
		return s.unreachable(res)
	}
	res.Reachable = true
	res.Sheet, res.Standings = found.sheet, found.st
	res.After = position(found.st, member)
	res.Gain = res.After.Total.Sub(res.Before.Total)
	res.Allocation = s.allocation(found.choice)
	res.Changes = changes(sh, found.sheet, member)
	return res, nil
}

// changes lists the member's score rows that differ between two sheets
// (the second built from the first by changing values and appending rows).
func changes(before, after scoring.Sheet, member string) []Change {
	var out []Change
	for i, e := range after.Scores {
		if e.Member != member {
			continue
		}
		if i < len(before.Scores) {
			old := before.Scores[i]
			if !old.Value.Equal(e.Value) {
				out = append(out, Change{Old: &old, New: e})
			}
			continue
		}
		out = append(out, Change{New: e})
	}
	return out
}

// blockedForGood returns the obstacles that make an award or band target
// unreachable whatever the scores: for every route to it (every tier up to
// the target, through every band its min_grade lets through; every band
// at or above a band target), a required condition that no score changes
// (a fact, the ballot, the deductions) fails.
func (s *search) blockedForGood() []Obstacle {
	rts := s.routes()
	if len(rts) == 0 {
		return nil
	}
	row, _ := s.base.Row(s.member)
	var out []Obstacle
	for _, rt := range rts {
		var here []Obstacle
		for _, f := range row.Failed {
			c, _ := s.rb.Condition(f.Condition)
			if !slices.Contains(rt.conds, c.ID) || !fixedCondition(c) {
				continue
			}
			here = append(here, s.routeObstacle(ObstacleEligibility, rt, c, lang.Msg("whatif.obstacle.fixed", c.Reason).With(f.Message)))
		}
		if len(here) == 0 {
			return nil // this route is not closed for good
		}
		out = appendNew(out, here...)
	}
	return out
}

// routeObstacle is an obstacle on a route: a failed condition of its tier
// (Tier set), or of the band it passes through (Grade set too, and the
// band named in the detail).
func (s *search) routeObstacle(kind ObstacleKind, rt route, c rules.Condition, detail lang.Message) Obstacle {
	o := obstacle(kind, rt.tier, c.ID, detail)
	if rt.grade == "" {
		return o
	}
	if t, ok := s.rb.Award(rt.tier); !ok || !slices.Contains(t.Requires, c.ID) {
		b, _, _ := s.rb.Grade(rt.grade)
		o.Grade, o.Detail = b.ID, lang.Msg("whatif.obstacle.band", b.Name).With(detail)
	}
	return o
}

// appendNew appends the obstacles not yet in out (two routes of one tier
// share its own conditions).
func appendNew(out []Obstacle, os ...Obstacle) []Obstacle {
	for _, o := range os {
		if !slices.ContainsFunc(out, func(x Obstacle) bool {
			return x.Kind == o.Kind && x.Tier == o.Tier && x.Grade == o.Grade && x.Condition == o.Condition
		}) {
			out = append(out, o)
		}
	}
	return out
}

// fixedCondition reports whether a condition depends on nothing the member's
// scores can change.
func fixedCondition(c rules.Condition) bool {
	return c.Fact != "" || c.MaxDeductions != nil || c.MaxConsecutive != nil || c.MinVotes != nil
}

// unreachable completes a result whose search found nothing: the member's
// position with every criterion at its maximum, and why that is not enough.
func (s *search) unreachable(res *Result) (*Result, error) {
	top := map[int]int{}
	for _, lm := range s.leaves {
		if lm != nil && len(lm.cands) > 0 {
			top[lm.idx] = len(lm.cands) - 1
		}
	}
	sh := s.sheetWith(top)
	st, err := ranking.Rank(s.rb, sh, append(slices.Clip(s.cfg.rankOpts), ranking.WithoutTrace())...)
	if err != nil {
		return nil, fmt.Errorf("%w: ranking the sheet at every maximum: %v", ErrModel, err)
	}
	p := position(st, s.member)
	if len(top) > 0 {
		res.AtMaximum = &p
	}
	what := lang.Msg("whatif.caps.at_max")
	if len(top) == 0 {
		what = lang.Msg("whatif.caps.all_at_max")
	}
	aw := lang.Msg("whatif.award.none")
	if len(p.Awards) > 0 {
		aw = lang.Msg("whatif.award.proposed", strings.Join(p.Awards, ", "))
	}
	if s.grade >= 0 { // a band target: the band reached at every maximum
		aw = lang.Msg("whatif.grade.none")
		if g, _, ok := s.rb.Grade(p.Grade); ok {
			aw = lang.Msg("whatif.grade.got", g.Name)
		}
	}
	rank := lang.Msg("whatif.rank", p.Rank)
	if p.Tied {
		rank = lang.Msg("whatif.rank.tied", p.Rank)
	}
	res.Obstacles = append(res.Obstacles, obstacle(ObstacleCaps, "", "", lang.Msg("whatif.obstacle.caps", p.Total).With(what, rank, aw)))
	row, _ := st.Row(s.member)
	for _, rt := range s.routes() {
		for _, f := range row.Failed {
			if slices.Contains(rt.conds, f.Condition) {
				c, _ := s.rb.Condition(f.Condition)
				kind := ObstacleCondition
				if fixedCondition(c) {
					kind = ObstacleEligibility
				}
				res.Obstacles = appendNew(res.Obstacles, s.routeObstacle(kind, rt, c, lang.Msg("whatif.obstacle.condition", c.Reason).With(f.Message)))
			}
		}
	}
	return res, nil
}
