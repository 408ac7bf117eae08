package covenant

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/internal/write"
)

// projected ends the version of a rulebook copied for a projection
// without a ballot (Forecast.Rulebook).
const projected = "+projection"

// Line is one party's progress on one criterion at an interim report.
type Line struct {
	Party     string
	Criterion string
	// Target is the registered target; HasTarget is false if the party
	// registered none for the criterion.
	Target    decimal.Decimal
	HasTarget bool
	// Achieved is the value reported so far; HasAchieved is false if the
	// report gives none (Projected is then zero).
	Achieved    decimal.Decimal
	HasAchieved bool
	// Projected is the value projected for the year end (see Projection).
	Projected  decimal.Decimal
	Projection Projection
	// Rule says how Projected was computed: "36 × 12 ÷ 9 = 48 (0 chữ số
	// thập phân, làm tròn xuống)", in English "36 × 12 ÷ 9 = 48 (0 places,
	// floor)" (Rule.In(lang.English)).
	Rule lang.Message
	// Percent is Projected as a percentage of Target, rounded to 2 places
	// half up (for display; zero without a target or with a zero target).
	Percent decimal.Decimal
	// OnCourse is true when Projected reaches Target (compared exactly).
	OnCourse bool
}

// Progress is every party's progress at one interim report (sơ kết).
type Progress struct {
	Months int
	AsOf   rules.Date
	Title  string
	Lines  []Line
}

var twelve = decimal.NewFromInt(12)

// Progress returns the progress at the report after months months (0: the
// latest report): for every party and criterion with a target or a value in
// the report, the value so far, its projection to the year end and whether
// that reaches the target. The projection is, for a linear criterion,
// achieved × 12 ÷ months, the exact quotient rounded once by the
// criterion's rounding (else the covenant's, else 6 places half up); for a
// hold criterion, the value achieved. A report the covenant does not have
// is an *Error ("covenant.err.report.none", "covenant.err.report.missing").
func (c *Covenant) Progress(months int) (Progress, error) {
	r, err := c.report(months)
	if err != nil {
		return Progress{}, err
	}
	p := Progress{Months: r.Months, AsOf: r.AsOf, Title: r.Title}
	for _, party := range c.spec.Parties {
		for _, cr := range c.spec.Criteria {
			l := Line{Party: party.ID, Criterion: cr.ID, Projection: cr.Projection}
			l.Target, l.HasTarget = c.Target(party.ID, cr.ID)
			for _, a := range r.Progress {
				if a.Party == party.ID && a.Criterion == cr.ID {
					l.Achieved, l.HasAchieved = a.Value, true
				}
			}
			if !l.HasTarget && !l.HasAchieved {
				continue
			}
			if l.HasAchieved {
				l.Projected, l.Rule = c.project(cr, l.Achieved, r.Months)
			}
			if l.HasTarget && l.HasAchieved {
				l.OnCourse = l.Projected.GreaterThanOrEqual(l.Target)
				if !l.Target.IsZero() {
					l.Percent = rules.Rounding{Places: 2, Mode: rules.RoundHalfUp}.Quo(l.Projected.Mul(decimal.NewFromInt(100)), l.Target)
				}
			}
			p.Lines = append(p.Lines, l)
		}
	}
	return p, nil
}

func (c *Covenant) report(months int) (Report, error) {
	if len(c.spec.Reports) == 0 {
		return Report{}, newError(lang.Msg("covenant.err.report.none", c.spec.ID))
	}
	if months == 0 {
		return c.spec.Reports[len(c.spec.Reports)-1], nil
	}
	for _, r := range c.spec.Reports {
		if r.Months == months {
			return r, nil
		}
	}
	return Report{}, newError(lang.Msg("covenant.err.report.missing", c.spec.ID, months, monthList(c.Reports())))
}

// project returns the year-end projection of an achieved value and how it
// was computed.
func (c *Covenant) project(cr Criterion, achieved decimal.Decimal, months int) (decimal.Decimal, lang.Message) {
	if cr.Projection == Hold {
		return achieved, lang.Msg("covenant.projection.held")
	}
	rd := rules.DefaultQuotient
	if c.spec.Rounding != nil {
		rd = *c.spec.Rounding
	}
	if cr.Rounding != nil {
		rd = *cr.Rounding
	}
	if rd.Mode == "" {
		rd.Mode = rules.RoundHalfUp
	}
	q := rd.Quo(achieved.Mul(twelve), decimal.NewFromInt(int64(months)))
	return q, lang.Msg("covenant.projection.linear", achieved, months, q).With(rd.Message())
}

// Check reports the covenant's criteria that are not criteria of the
// rulebook (a cluster covenant's criteria are the rulebook's), targets of
// zero on ratio or relative criteria (the engine divides by them), and a
// rulebook not in force in the covenant's year.
func (c *Covenant) Check(rb *rules.Rulebook) error {
	v := check.New[ctx](idKeys, c.spec.Year)
	if !rb.InForce().Contains(c.spec.Year) {
		v.Add("year", ctx{}, lang.Msg("covenant.err.rulebook.not_in_force", rb.ID(), rb.Version(), rb.InForce().String(), c.spec.Year))
	}
	for i, cr := range c.spec.Criteria {
		n, ok := rb.Node(cr.ID)
		switch {
		case !ok:
			v.Add(fmt.Sprintf("criteria[%d].id", i), ctx{criterion: cr.ID}, lang.Msg("covenant.err.rulebook.no_criterion", rb.ID()))
		case n.IsGroup():
			v.Add(fmt.Sprintf("criteria[%d].id", i), ctx{criterion: cr.ID}, lang.Msg("covenant.err.rulebook.group", rb.ID()))
		}
	}
	for i, t := range c.spec.Targets {
		if n, ok := rb.Node(t.Criterion); ok && targeted(rb, n) && !t.Value.IsPositive() {
			v.Add(fmt.Sprintf("targets[%d].value", i), ctx{party: t.Party, criterion: t.Criterion}, lang.Msg("covenant.err.target.not_positive", string(n.Method), t.Value))
		}
	}
	if v.Failed() {
		return errorsOf(v.Problems)
	}
	return nil
}

// targeted reports whether a criterion's points read the member's target
// (ratio and relative criteria).
func targeted(rb *rules.Rulebook, n rules.Node) bool {
	f, err := scoring.Describe(rb, n.ID, decimal.Zero)
	return err == nil && f.ReadsTarget
}

// Targets returns the registered targets of the rulebook's ratio and
// relative criteria as score-sheet targets: what the year-end scoring reads
// achievements against. Targets of other criteria are commitments the
// engine does not score against, and are left out.
func (c *Covenant) Targets(rb *rules.Rulebook) []scoring.Target {
	var out []scoring.Target
	for _, t := range c.spec.Targets {
		if n, ok := rb.Node(t.Criterion); ok && !n.IsGroup() && targeted(rb, n) {
			out = append(out, scoring.Target{Member: t.Party, Criterion: t.Criterion, Value: t.Value})
		}
	}
	return out
}

// YearEnd returns base with the covenant's targets (see Targets) added: the
// sheet the year-end scoring reads. A party that is not a member of the
// sheet, or a target the sheet already gives with another value, is an
// error; a target the sheet gives with the same value is kept once.
func (c *Covenant) YearEnd(rb *rules.Rulebook, base scoring.Sheet) (scoring.Sheet, error) {
	if err := c.Check(rb); err != nil {
		return base, err
	}
	sh := base.Clone()
	v := check.New[ctx](idKeys, c.spec.Year)
	c.addTargets(v, rb, &sh)
	if v.Failed() {
		return base, errorsOf(v.Problems)
	}
	return sh, nil
}

func (c *Covenant) addTargets(v *validator, rb *rules.Rulebook, sh *scoring.Sheet) {
	members := map[string]bool{}
	for _, m := range sh.Members {
		members[m.ID] = true
	}
	for _, p := range c.spec.Parties {
		if !members[p.ID] {
			v.Add("parties", ctx{party: p.ID}, lang.Msg("covenant.err.sheet.party"))
		}
	}
	for _, t := range c.Targets(rb) {
		k := slices.IndexFunc(sh.Targets, func(s scoring.Target) bool { return s.Member == t.Member && s.Criterion == t.Criterion })
		switch {
		case k < 0:
			sh.Targets = append(sh.Targets, t)
		case !sh.Targets[k].Value.Equal(t.Value):
			if s := sh.Targets[k].Source; s.File != "" {
				v.Add("targets", ctx{party: t.Member, criterion: t.Criterion}, lang.Msg("covenant.err.sheet.target_at", sh.Targets[k].Value, s.File, s.Line, t.Value))
			} else {
				v.Add("targets", ctx{party: t.Member, criterion: t.Criterion}, lang.Msg("covenant.err.sheet.target", sh.Targets[k].Value, t.Value))
			}
		}
	}
}

// Forecast is the year-end standings projected from an interim report:
// who is on course for which award.
type Forecast struct {
	Progress Progress
	// Sheet is the projected sheet: base with the covenant's criteria
	// replaced by their projections and the covenant's targets.
	Sheet scoring.Sheet
	// Rulebook is the rulebook ranked under: the one given, or, when the
	// sheet has no ballot (votes are cast at the year end), a copy without
	// the vote conditions (Assumptions says which).
	Rulebook  *rules.Rulebook
	Standings *ranking.Standings
	// Assumptions lists what the projection assumed, one sentence each:
	// "chưa có kết quả bỏ phiếu (…)", in English "no ballot before the
	// year-end meeting: …" (In(lang.English)).
	Assumptions []lang.Message
}

// Project ranks the projected year end under the rulebook. base gives the
// values the covenant does not (other criteria, facts, deductions, a ballot
// if one was held; its members, or the covenant's parties if it has none):
// for every party and covenant criterion with a value in the report after
// months months (0: the latest), base's values are replaced by the
// projection, at the rulebook's counted stage; the covenant's targets are
// added. Without a ballot in base, eligibility conditions on votes cannot
// be known before the year-end meeting: they are assumed met, the
// tie-breaks that read the ballot (more_votes) are skipped, and the
// projection says so (Assumptions). A missing value is reported by the
// engine, naming the member and criterion. The covenant's own problems are
// Errors (or an *Error: a report it does not have, a criterion scored by
// votes without a ballot).
func (c *Covenant) Project(rb *rules.Rulebook, base scoring.Sheet, months int) (*Forecast, error) {
	if err := c.Check(rb); err != nil {
		return nil, err
	}
	prog, err := c.Progress(months)
	if err != nil {
		return nil, err
	}
	sh := base.Clone()
	if len(sh.Members) == 0 {
		for _, p := range c.spec.Parties {
			sh.Members = append(sh.Members, scoring.Member{ID: p.ID, Name: p.Name})
		}
	}
	if sh.Year == 0 {
		sh.Year = c.spec.Year
	}
	if sh.Cluster == "" {
		sh.Cluster = c.spec.Within
	}
	v := check.New[ctx](idKeys, c.spec.Year)
	if sh.Year != c.spec.Year {
		v.Add("year", ctx{}, lang.Msg("covenant.err.sheet.year", sh.Year, c.spec.Year))
	}
	c.addTargets(v, rb, &sh)
	if v.Failed() {
		return nil, errorsOf(v.Problems)
	}
	stage := rb.Assessment().Stages[0].ID
	if a := rb.Assessment(); a.Counts == rules.NamedPick {
		stage = a.Stage
	}
	for _, l := range prog.Lines {
		if !l.HasAchieved {
			continue
		}
		sh.Scores = slices.DeleteFunc(sh.Scores, func(e scoring.Entry) bool { return e.Member == l.Party && e.Criterion == l.Criterion })
		sh.Scores = append(sh.Scores, scoring.Entry{Member: l.Party, Criterion: l.Criterion, Stage: stage, Value: l.Projected,
			Source: scoring.Source{File: "projection of " + c.spec.ID}})
	}
	pr := &Forecast{Progress: prog, Sheet: sh, Rulebook: rb}
	if sh.Ballot == nil {
		prb, dropped, err := withoutVotes(rb)
		if err != nil {
			return nil, err
		}
		if len(dropped) > 0 {
			pr.Rulebook = prb
			pr.Assumptions = append(pr.Assumptions, lang.Msg("covenant.assume.no_ballot").With(dropped...))
		}
	}
	pr.Assumptions = append(pr.Assumptions, lang.Msg("covenant.assume.projected", prog.Months))
	st, err := ranking.Rank(pr.Rulebook, sh)
	if err != nil {
		return nil, err
	}
	pr.Standings = st
	return pr, nil
}

// withoutVotes returns a copy of rb that needs no ballot: its award tiers
// no longer require the vote conditions (min_votes) and its tie-break chain
// no longer has the rules that read the ballot (more_votes, as the engine
// describes its rules: standings.Compare); it also returns what was
// dropped, in words. A criterion scored by votes cannot be projected
// without a ballot.
func withoutVotes(rb *rules.Rulebook) (*rules.Rulebook, []lang.Message, error) {
	spec := rb.Spec()
	for _, n := range rb.Nodes() {
		if f, err := scoring.Describe(rb, n.ID, decimal.Zero); err == nil && f.Depends == scoring.OnBallot {
			return nil, nil, newError(lang.Msg("covenant.err.project.votes", n.ID))

		}
	}
	var conds, reasons []string
	var dropped []lang.Message
	spec.Eligibility = slices.DeleteFunc(spec.Eligibility, func(c rules.Condition) bool {
		if c.MinVotes != nil {
			conds = append(conds, c.ID)
			reasons = append(reasons, cmp.Or(c.Reason, c.ID))
			return true
		}
		return false
	})
	if len(conds) > 0 {
		dropped = append(dropped, lang.Msg("covenant.assume.votes_met").With(write.Texts(reasons)))
	}
	for i := range spec.Awards {
		spec.Awards[i].Requires = slices.DeleteFunc(spec.Awards[i].Requires, func(id string) bool { return slices.Contains(conds, id) })
	}
	spec.TieBreaks = slices.DeleteFunc(spec.TieBreaks, func(t rules.TieBreak) bool {
		if standings.Compare(t).Reads.Has(standings.Ballot) {
			dropped = append(dropped, lang.Msg("covenant.assume.no_more_votes", t.String()))
			return true
		}
		return false
	})
	if len(dropped) == 0 {
		return rb, nil, nil
	}
	spec.Version += projected
	prb, err := rules.New(spec)
	if err != nil {
		return nil, nil, err
	}
	return prb, dropped, nil
}

// monthList writes months as a list: "6, 9".
func monthList(ms []int) string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = strconv.Itoa(m)
	}
	return strings.Join(out, ", ")
}
