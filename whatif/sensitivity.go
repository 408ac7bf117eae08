package whatif

import (
	"context"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Parameter is what a sensitivity sweep varies: a criterion's or group's
// weight (trọng số), or one member's disputed score on one criterion (điểm
// đang có ý kiến khác nhau). Build one with WeightOf or ScoreOf.
type Parameter struct {
	Weight    string `json:"weight,omitempty"`    // node id, for a weight
	Member    string `json:"member,omitempty"`    // for a score
	Criterion string `json:"criterion,omitempty"` // for a score
}

// WeightOf varies the weight of a criterion or group.
func WeightOf(node string) Parameter { return Parameter{Weight: node} }

// ScoreOf varies a member's counted input for a criterion: the value every
// entry the member has for it, at every stage and from every assessor,
// takes (so it counts whatever stage the rulebook counts).
func ScoreOf(member, criterion string) Parameter {
	return Parameter{Member: member, Criterion: criterion}
}

// String reads like "weight of 07" or "score of SCT on 07".
func (p Parameter) String() string { return p.Message().In(lang.English) }

// Message names the parameter: "trọng số của 07", "điểm của SCT ở tiêu
// chí 07".
func (p Parameter) Message() lang.Message {
	if p.Weight != "" {
		return lang.Msg("whatif.param.weight", p.Weight)
	}
	return lang.Msg("whatif.param.score", p.Member, p.Criterion)
}

// Text names the parameter in the language.
func (p Parameter) Text(t lang.Tag) string { return p.Message().In(t) }

// Range is the values a sweep visits: From, From+Step, … up to To (To is
// included even when it is not on the step).
type Range struct {
	From decimal.Decimal `json:"from"`
	To   decimal.Decimal `json:"to"`
	Step decimal.Decimal `json:"step"`
}

// Outcome is what a sensitivity sweep watches: who ranks first, who is
// proposed for each award tier and, if the rulebook grades, who is graded
// in each band (xếp loại): a member moving from one band to another is an
// outcome change too.
type Outcome struct {
	Winners []string       `json:"winners"` // rank 1 (several if tied)
	Awards  []AwardOutcome `json:"awards"`
	Grades  []GradeOutcome `json:"grades,omitempty"`
}

// GradeOutcome is one grading band's members (xếp loại), in rank order.
type GradeOutcome struct {
	Grade   string   `json:"grade"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

// AwardOutcome is one tier's proposal.
type AwardOutcome struct {
	Tier     string   `json:"tier"`
	Proposed []string `json:"proposed"`
	Pending  []string `json:"pending,omitempty"` // candidates of an unresolved tie for its last places
	Blocked  bool     `json:"blocked,omitempty"` // waiting for an earlier tier's tie
}

// OutcomeOf reads the outcome of standings.
func OutcomeOf(st *ranking.Standings) Outcome {
	var o Outcome
	for _, r := range st.Rows {
		if r.Rank == 1 {
			o.Winners = append(o.Winners, r.Member.ID)
		}
	}
	for _, a := range st.Awards {
		ao := AwardOutcome{Tier: a.Tier, Proposed: slices.Clone(a.Proposed), Blocked: !a.Blocked.IsZero()}
		if a.Pending != nil {
			ao.Pending = slices.Clone(a.Pending.Candidates)
		}
		o.Awards = append(o.Awards, ao)
	}
	for _, g := range st.Grades {
		o.Grades = append(o.Grades, GradeOutcome{Grade: g.Grade, Name: g.Name, Members: slices.Clone(g.Members)})
	}
	return o
}

// Equal reports whether two outcomes are the same: the same winners, the
// same members proposed (in any order) or pending for each tier, and the
// same members (in any order) in each grading band.
func (o Outcome) Equal(p Outcome) bool {
	if !slices.Equal(o.Winners, p.Winners) || len(o.Awards) != len(p.Awards) || len(o.Grades) != len(p.Grades) {
		return false
	}
	for i, g := range o.Grades {
		if g.Grade != p.Grades[i].Grade || !sameSet(g.Members, p.Grades[i].Members) {
			return false
		}
	}
	for i, a := range o.Awards {
		b := p.Awards[i]
		if a.Tier != b.Tier || a.Blocked != b.Blocked || !sameSet(a.Proposed, b.Proposed) || !sameSet(a.Pending, b.Pending) {
			return false
		}
	}
	return true
}

// sameSet reports whether two lists hold the same ids, in any order (the
// order of a tier's proposals is the rank order, not part of the award).
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// String reads like "winner SCT; flag SCT; merit SKHCN, SXD".
func (o Outcome) String() string { return o.Message().In(lang.English) }

// Text writes the outcome in the language: "dẫn đầu: SCT; flag: SCT;
// merit: SKHCN, SXD" in Vietnamese. Tier and member ids are not
// translated.
func (o Outcome) Text(t lang.Tag) string { return o.Message().In(t) }

// Message is the outcome as a message: the winners, then one part per
// tier.
func (o Outcome) Message() lang.Message {
	parts := []lang.Message{lang.Msg("whatif.outcome.winner", strings.Join(o.Winners, " = "))}
	for _, a := range o.Awards {
		var what []lang.Message
		switch {
		case a.Blocked:
			what = append(what, lang.Msg("whatif.outcome.blocked"))
		case len(a.Proposed) == 0 && len(a.Pending) == 0:
			what = append(what, lang.Msg("whatif.outcome.nobody"))
		case len(a.Proposed) > 0:
			what = append(what, lang.Msg("whatif.outcome.members", strings.Join(a.Proposed, ", ")))
		}
		if len(a.Pending) > 0 {
			what = append(what, lang.Msg("whatif.outcome.pending", strings.Join(a.Pending, "/")))
		}
		parts = append(parts, lang.Msg("whatif.outcome.tier", a.Tier).With(what...))
	}
	for _, g := range o.Grades {
		who := lang.Msg("whatif.outcome.nobody")
		if len(g.Members) > 0 {
			who = lang.Msg("whatif.outcome.members", strings.Join(g.Members, ", "))
		}
		parts = append(parts, lang.Msg("whatif.outcome.grade", g.Name).With(who))
	}
	return lang.Msg("whatif.outcome").With(parts...)
}

// Point is the outcome at one value of a sweep's grid.
type Point struct {
	Value   decimal.Decimal `json:"value"`
	Outcome Outcome         `json:"outcome"`
	Order   []string        `json:"order"` // members in rank order
	Tau     Tau             `json:"tau"`   // against the baseline
}

// BreakEven is where the outcome first changes between two neighbouring
// grid values.
type BreakEven struct {
	// Last and Next are the grid values around it: the outcome at Last is
	// the old one, at Next the new one.
	Last decimal.Decimal `json:"last"`
	Next decimal.Decimal `json:"next"`
	// At is the exact break-even value: a decimal, or a fraction "p/q" when
	// it has no finite decimal expansion; Value is the same as a decimal
	// (rounded to 12 places if it does not terminate).
	At    string          `json:"at"`
	Value decimal.Decimal `json:"value"`
	// Attained is true when the new outcome already holds at Value (the
	// first value at which the outcome differs is Value itself); false
	// when it holds only above Value.
	Attained bool `json:"attained"`
	// Exact is true when the value was located exactly; false when the
	// sweep can only say it lies in (Last, Next] (see Note).
	Exact bool `json:"exact"`
	// Below and Above are the outcomes on each side, each confirmed with
	// ranking.Rank at BelowAt and AboveAt.
	Below   Outcome         `json:"below"`
	Above   Outcome         `json:"above"`
	BelowAt decimal.Decimal `json:"below_at"`
	AboveAt decimal.Decimal `json:"above_at"`
	// Note says why the value is not exact or not a finite decimal (zero
	// when it is both).
	Note lang.Message `json:"note,omitzero"`
}

// NoteIn writes the note in the language ("" if there is none).
func (b BreakEven) NoteIn(t lang.Tag) string { return b.Note.In(t) }

// Stability summarises the ranking's stability over a sweep's grid.
type Stability struct {
	Points     int             `json:"points"`
	SameWinner int             `json:"same_winner"` // grid values with the baseline's winner(s)
	SameAwards int             `json:"same_awards"` // grid values with the baseline's whole outcome
	SameOrder  int             `json:"same_order"`  // grid values with the baseline's order
	MinTauB    decimal.Decimal `json:"min_tau_b"`   // the least tau-b against the baseline
	MinTauAt   decimal.Decimal `json:"min_tau_at"`  // the first value where it occurs
}

// SensitivityResult is a sweep of one parameter over a range. It is a value:
// nothing changes it after Sensitivity returns it.
type SensitivityResult struct {
	Parameter Parameter `json:"parameter"`
	Range     Range     `json:"range"`
	// BaselineValue is the parameter's current value (its weight, or the
	// member's counted input) and Baseline the outcome of the unchanged
	// rulebook and sheet.
	BaselineValue decimal.Decimal `json:"baseline_value"`
	Baseline      Outcome         `json:"baseline"`
	BaselineOrder []string        `json:"baseline_order"`
	Points        []Point         `json:"points"`
	BreakEvens    []BreakEven     `json:"break_evens"`
	Stability     Stability       `json:"stability"`
	// Notes say where the sweep could not be exact, and why.
	Notes []lang.Message `json:"notes,omitempty"`
	// Evaluated is the number of ranking.Rank calls.
	Evaluated int `json:"evaluated"`
}

// Sensitivity varies one parameter over a range and reports where the
// winner (rank 1) or any award changes, and how stable the order is.
//
// Every grid value is ranked by the engine: the scorecards that change —
// the member's for a score (scored alone when no criterion's points depend
// on the other members), every member's for a weight — with
// scoring.Score, without trace text, and the cards ranked by the engine's
// ranker without writing the explanation. Where the outcome differs
// between two neighbouring grid values, the break-even value is located
// exactly: every member's total, group and criterion values are piecewise
// linear in the parameter until the rulebook rounds them, and step
// functions after; the sweep computes, with exact rational arithmetic, every
// point where a comparison the outcome depends on can flip — crossings of
// two members' totals (or values under a tie-break rule), an eligibility
// threshold, a cap, a tier's threshold, and the steps of the rounding near
// such crossings — and ranks the cluster on each side of each such point,
// in order, until the outcome changes. The break-even and the outcomes on
// its two sides are therefore confirmed by the engine. The model is checked
// against the engine's totals at every grid value; should they ever differ,
// the sweep falls back to bracketing by the grid and says so in Notes. Changes that revert
// within a single step of the grid are not reported.
//
// A weight must stay above zero (a zero weight means 1 in a rulebook). A
// score takes values the criterion accepts: 0…max for direct, whole counts
// for per_occurrence, 0 or 1 for pass/fail. Where the exact model does not
// apply (ranking by percentage while a weight varies, which makes totals
// rational functions of the weight; a relative criterion's score, which
// moves the cluster's leader), break-evens are bracketed by the grid, and
// Notes say so.
//
// The sweep stops when ctx is done, before each ranking and between the
// pieces of a break-even's search, and returns ctx.Err(), wrapped.
func Sensitivity(ctx context.Context, rb *rules.Rulebook, sh scoring.Sheet, p Parameter, r Range, opts ...Option) (*SensitivityResult, error) {
	if err := stopped(ctx); err != nil {
		return nil, err
	}
	cfg := newConfig(opts)
	// a signed criterion's input is its net points (its counts combined)
	sh = scoring.NetSigned(rb, sh.Clone())
	cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
	if err != nil {
		return nil, err
	}
	base := ranking.RankScorecards(rb, sh, cards, cfg.rankOpts...)
	sw, err := newSweep(rb, sh, cards, base, p, cfg)
	if err != nil {
		return nil, err
	}
	sw.ctx = ctx
	grid, err := sw.grid(r)
	if err != nil {
		return nil, err
	}
	res := &SensitivityResult{Parameter: p, Range: r, BaselineValue: sw.baseline, Baseline: OutcomeOf(base), BaselineOrder: order(base)}
	var prev *Point
	for _, x := range grid {
		st, err := sw.rank(x)
		if err != nil {
			return nil, err
		}
		sw.check(x, st)
		pt := Point{Value: x, Outcome: st.outcome(rb), Order: st.ids(), Tau: kendall(sw.placed.ranks(), st.ranks())}
		if prev != nil && !prev.Outcome.Equal(pt.Outcome) {
			be, err := sw.breakEven(*prev, pt)
			if err != nil {
				return nil, err
			}
			res.BreakEvens = append(res.BreakEvens, be)
		}
		res.Points = append(res.Points, pt)
		prev = &res.Points[len(res.Points)-1]
	}
	res.Stability = stability(res)
	res.Notes = sw.notes
	res.Evaluated = sw.evaluated
	return res, nil
}

func order(st *ranking.Standings) []string {
	out := make([]string, len(st.Rows))
	for i, r := range st.Rows {
		out[i] = r.Member.ID
	}
	return out
}

func stability(res *SensitivityResult) Stability {
	s := Stability{Points: len(res.Points)}
	for i, p := range res.Points {
		if slices.Equal(p.Outcome.Winners, res.Baseline.Winners) {
			s.SameWinner++
		}
		if p.Outcome.Equal(res.Baseline) {
			s.SameAwards++
		}
		if slices.Equal(p.Order, res.BaselineOrder) {
			s.SameOrder++
		}
		if i == 0 || p.Tau.TauB.LessThan(s.MinTauB) {
			s.MinTauB, s.MinTauAt = p.Tau.TauB, p.Value
		}
	}
	return s
}

// ratString writes a rational as a finite decimal if it has one, else as
// p/q, with the decimal (rounded to 12 places) and whether it terminates.
func ratString(r *big.Rat) (string, decimal.Decimal, bool) {
	if d, ok := ratDecimal(r); ok {
		return d.String(), d, true
	}
	return r.RatString(), decimal.NewFromBigRat(r, 12), false
}

// ratDecimal converts r to a decimal if its expansion is finite (at most 40
// places).
func ratDecimal(r *big.Rat) (decimal.Decimal, bool) {
	den := new(big.Int).Set(r.Denom())
	places := int32(0)
	two, five, ten := big.NewInt(2), big.NewInt(5), big.NewInt(10)
	var m big.Int
	for den.Cmp(big.NewInt(1)) != 0 {
		switch {
		case m.Mod(den, ten).Sign() == 0:
			den.Quo(den, ten)
		case m.Mod(den, two).Sign() == 0:
			den.Quo(den, two)
		case m.Mod(den, five).Sign() == 0:
			den.Quo(den, five)
		default:
			return decimal.Decimal{}, false
		}
		places++
		if places > 40 {
			return decimal.Decimal{}, false
		}
	}
	return decimal.NewFromBigRat(r, places), true
}
