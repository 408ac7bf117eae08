package whatif

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// The what-if answers as text for people, in Vietnamese or English: what
// thidua whatif, sensitivity and scenario print (--format table). Every
// word comes from the catalogue (keys whatif.report.*); ids, names and the
// rulebook's vocabulary are written as they are.

// Write writes the answer as text in the language.
func (r ReachReport) Write(w io.Writer, t lang.Tag) error {
	var b strings.Builder
	res := r.Result
	b.WriteString(t.Say("whatif.report.question", res.Member.Name, res.Member.ID, r.targetText(t)) + "\n")
	b.WriteString(header(t, r.Rulebook, r.SheetHash) + "\n")
	b.WriteString(t.Say("whatif.report.now", r.positionText(t, res.Before, nil)) + "\n")
	switch {
	case res.AlreadyMet:
		b.WriteString("\n" + t.Say("whatif.report.already") + "\n")
	case !res.Reachable:
		b.WriteString("\n" + t.Say("whatif.report.unreachable") + "\n")
		for _, o := range res.Obstacles {
			tier := ""
			if o.Tier != "" {
				tier = " [" + o.Tier + "]"
			}
			fmt.Fprintf(&b, "  - %s%s: %s\n", t.Say(obstacleKeys[o.Kind]), tier, o.Text(t))
		}
	default:
		b.WriteString(t.Say("whatif.report.then", r.positionText(t, res.After, res.Standings)) + "\n")
		b.WriteString("\n" + t.Say("whatif.report.gain", t.Decimal(res.Gain), t.Decimal(res.Before.Total), t.Decimal(res.After.Total)) + "\n")
		if res.Standings != nil {
			r.writeNeighbours(&b, t)
		}
		b.WriteString("\n" + t.Say("whatif.report.allocation") + "\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, t.Say("whatif.report.allocation.head"))
		for _, a := range res.Allocation {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s → %s\t%s\t%s → %s\t+%s\t%s\n", a.Criterion, methodName(t, a.Method), a.Stage, t.Decimal(a.From), t.Decimal(a.To), t.Decimal(a.Step),
				t.Decimal(a.PointsFrom), t.Decimal(a.PointsTo), t.Decimal(a.ValueTo.Sub(a.ValueFrom)), t.Decimal(a.Effort))
		}
		tw.Flush()
		// The rows are written as the score sheet's CSV records, to be
		// copied into it: their numbers keep the decimal point.
		b.WriteString("\n" + t.Say("whatif.report.changes") + "\n")
		for _, c := range res.Changes {
			was := t.Say("whatif.report.change.new")
			if c.Old != nil {
				was = t.Say("whatif.report.change.was", c.Old.Value.String())
			}
			fmt.Fprintf(&b, "  score,%s,%s,%s,%s,%s   (%s)\n", c.New.Member, c.New.Criterion, c.New.Value, c.New.Stage, c.New.Assessor, was)
		}
		b.WriteString("\n" + t.Say("whatif.report.verified", res.Evaluated) + "\n")
	}
	if res.AtMaximum != nil {
		b.WriteString(t.Say("whatif.report.at_maximum", r.positionText(t, *res.AtMaximum, nil)) + "\n")
	}
	if len(res.Fixed) > 0 {
		b.WriteString("\n" + t.Say("whatif.report.fixed") + "\n")
		for _, f := range res.Fixed {
			fmt.Fprintf(&b, "  %s: %s\n", f.Criterion, f.Text(t))
		}
	}
	for _, c := range res.Caveats {
		b.WriteString("\n" + t.Say("whatif.report.caveat", c.In(t)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// obstacleKeys name the kinds of obstacle.
var obstacleKeys = map[ObstacleKind]string{
	ObstacleEligibility: "whatif.report.obstacle.eligibility",
	ObstacleCaps:        "whatif.report.obstacle.caps",
	ObstacleCondition:   "whatif.report.obstacle.condition",
}

// header names the rulebook and the sheet the answer was computed from.
func header(t lang.Tag, rb ranking.RulebookRef, sheet string) string {
	return t.Say("whatif.report.rulebook", rb.ID, rb.Version, rb.Hash) + "\n" + t.Say("whatif.report.sheet", sheet) + "\n"
}

// methodName names a scoring method in the allocation table: in
// Vietnamese from the catalogue, in English by the rulebook's keyword.
func methodName(t lang.Tag, m rules.Method) string {
	if t == lang.English {
		return string(m)
	}
	return lang.MethodName(string(m)).In(t)
}

// targetText says what the member is to reach.
func (r ReachReport) targetText(t lang.Tag) string {
	target := r.Result.Target
	switch {
	case target.Award != "":
		return t.Say("whatif.report.target.award", r.tiers[target.Award], target.Award)
	case target.Grade != "":
		return r.gradeTargetText(t) // text_grade.go
	case target.Rank == 1:
		return t.Say("whatif.report.target.first")
	}
	return t.Say("whatif.report.target.rank", target.Rank)
}

// positionText says where the member stands: its rank, total, awards and
// the conditions it fails. A rank shared in a tie that decides an award is
// "(bằng điểm)", one shared quietly "(đồng hạng)" (see unresolved); st are
// the standings p was read from, if the answer holds them.
func (r ReachReport) positionText(t lang.Tag, p Position, st *ranking.Standings) string {
	rank := strconv.Itoa(p.Rank)
	switch {
	case p.Tied && r.unresolved(p, st):
		rank = t.Say("whatif.report.rank.tied", p.Rank)
	case p.Tied:
		rank = t.Say("whatif.report.rank.shared", p.Rank)
	}
	s := t.Say("whatif.report.position", rank, t.Decimal(p.Total))
	if !p.Basis.Equal(p.Total) {
		s += " " + t.Say("whatif.report.percent", t.Decimal(p.Percent))
	}
	if len(p.Awards) == 0 {
		s += t.Say("whatif.report.no_award")
	}
	for _, a := range p.Awards {
		s += ", " + r.tiers[a]
	}
	for _, a := range p.Pending {
		s += ", " + t.Say("whatif.report.pending", r.tiers[a])
	}
	s += r.gradeText(t, p) // text_grade.go
	if len(p.Failed) > 0 {
		s += t.Say("whatif.report.fails", strings.Join(p.Failed, ", "))
	}
	return s
}

// unresolved reports whether the member at position p is in a tie that
// decides an award (ranking.Row.Unresolved), rather than sharing its rank
// quietly (đồng hạng). The standings p was read from say it, if given (the
// position after the gains); otherwise p does: the tie leaves one of its
// tiers pending, or the chain could not separate the member from the one
// above and that tie decides something (not Decision.Shared).
func (r ReachReport) unresolved(p Position, st *ranking.Standings) bool {
	if st != nil {
		if row, ok := st.Row(r.Result.Member.ID); ok {
			return row.Unresolved
		}
	}
	if len(p.Pending) > 0 {
		return true
	}
	d := p.DecidedBy
	return d != nil && d.Unresolved && !d.Shared
}

// writeNeighbours shows how the member now stands against its neighbours:
// the rule that placed it below the row above, and the row below below it.
func (r ReachReport) writeNeighbours(b *strings.Builder, t lang.Tag) {
	st := r.Result.Standings
	i := slices.IndexFunc(st.Rows, func(row ranking.Row) bool { return row.Member.ID == r.Result.Member.ID })
	if i < 0 {
		return
	}
	if d := st.Rows[i].DecidedBy; d != nil {
		b.WriteString(neighbour(t, "whatif.report.below", d.Upper, d) + "\n")
	}
	if i+1 < len(st.Rows) {
		if d := st.Rows[i+1].DecidedBy; d != nil {
			b.WriteString(neighbour(t, "whatif.report.above", st.Rows[i+1].Member.ID, d) + "\n")
		}
	}
}

// neighbour says by which rule the member is below or above the other
// member: "  above SCT by group I: 39 < 40 (SXD)", "  xếp trên SCT theo
// nhóm I: 39 < 40 (SXD)".
func neighbour(t lang.Tag, where, other string, d *ranking.Decision) string {
	switch {
	case d.Shared:
		return t.Say("whatif.report.neighbour.shared", t.Say(where), other, d.Upper)
	case d.Unresolved:
		return t.Say("whatif.report.neighbour.tied", t.Say(where), other, d.Upper)
	}
	return t.Say("whatif.report.neighbour", t.Say(where), other, d.Brief(t))
}

// Write writes the sweep as text in the language.
func (r SensitivityReport) Write(w io.Writer, t lang.Tag) error {
	var b strings.Builder
	res := r.SensitivityResult
	what := res.Parameter.Text(t)
	if r.node != "" {
		what += " (" + r.node + ")"
	}
	b.WriteString(t.Say("whatif.report.sweep", what, res.Range.Text(t), len(res.Points)) + "\n")
	b.WriteString(header(t, r.Rulebook, r.SheetHash) + "\n")
	now := t.Say("whatif.report.sweep.weight")
	if res.Parameter.Weight == "" {
		now = t.Say("whatif.report.sweep.score")
	}
	b.WriteString(t.Say("whatif.report.baseline", now, t.Decimal(res.BaselineValue), res.Baseline.Text(t)) + "\n")
	b.WriteString("\n" + t.Say("whatif.report.break_evens") + "\n")
	if len(res.BreakEvens) == 0 {
		b.WriteString(t.Say("whatif.report.break_evens.none") + "\n")
	}
	for _, be := range res.BreakEvens {
		var at string
		switch {
		case !be.Exact:
			at = t.Say("whatif.report.between", t.Decimal(be.Last), t.Decimal(be.Next))
		case !strings.Contains(be.At, "/") && be.Attained:
			at = t.Say("whatif.report.at", t.Number(be.At))
		case !strings.Contains(be.At, "/"):
			at = t.Say("whatif.report.just_above", t.Number(be.At))
		default:
			at = t.Say("whatif.report.just_above.fraction", be.At, t.Decimal(be.Value))
		}
		b.WriteString(t.Say("whatif.report.break_even", at, t.Decimal(be.BelowAt), be.Below.Text(t), t.Decimal(be.AboveAt), be.Above.Text(t)) + "\n")
		if note := be.NoteIn(t); note != "" {
			b.WriteString(t.Say("whatif.report.break_even.note", note) + "\n")
		}
	}
	b.WriteString("\n" + t.Say("whatif.report.range") + "\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, t.Say("whatif.report.range.head"))
	for i := 0; i < len(res.Points); {
		j := i
		minTau := res.Points[i].Tau.TauB
		for j+1 < len(res.Points) && res.Points[j+1].Outcome.Equal(res.Points[i].Outcome) {
			j++
			minTau = decimal.Min(minTau, res.Points[j].Tau.TauB)
		}
		span := t.Decimal(res.Points[i].Value)
		if j > i {
			span += " … " + t.Decimal(res.Points[j].Value)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", span, res.Points[i].Outcome.Text(t), t.Number(minTau.StringFixed(4)), strings.Join(res.Points[i].Order, " > "))
		i = j + 1
	}
	tw.Flush()
	s := res.Stability
	b.WriteString("\n" + t.Say("whatif.report.stability", s.SameWinner, s.Points, s.SameAwards, s.SameOrder, t.Number(s.MinTauB.StringFixed(4)), t.Decimal(s.MinTauAt)) + "\n")
	for _, n := range res.Notes {
		b.WriteString(t.Say("whatif.report.note", n.In(t)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Write writes what the scenario changes as text in the language.
func (r ScenarioReport) Write(w io.Writer, t lang.Tag) error {
	var b strings.Builder
	title := r.Scenario
	if title == "" {
		title = t.Say("whatif.report.scenario.untitled")
	}
	b.WriteString(t.Say("whatif.report.scenario", title) + "\n")
	if r.note != "" {
		b.WriteString(t.Say("whatif.report.note", r.note) + "\n")
	}
	b.WriteString(t.Say("whatif.report.rulebook", r.Rulebook.ID, r.Rulebook.Version, r.Rulebook.Hash) + "\n")
	b.WriteString(t.Say("whatif.report.sheets", r.SheetHash, r.NewHash) + "\n")
	b.WriteString("\n" + t.Say("whatif.report.edits") + "\n")
	for i, e := range r.Edits {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, e.In(t))
	}
	names := map[string]string{}
	for _, m := range r.Members {
		names[m.Member] = m.Name
	}
	b.WriteString("\n" + t.Say("whatif.report.standings") + "\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, t.Say("whatif.report.standings.head"))
	rank := func(r int, tied bool) string {
		switch {
		case r == 0:
			return "—"
		case tied:
			return strconv.Itoa(r) + "="
		}
		return strconv.Itoa(r)
	}
	for _, m := range r.Members {
		rk := rank(m.OldRank, m.OldTied)
		if m.NewRank != m.OldRank || m.NewTied != m.OldTied {
			rk += " → " + rank(m.NewRank, m.NewTied)
		}
		total := t.Decimal(m.OldTotal)
		switch {
		case m.NewRank == 0:
			total = t.Say("whatif.report.dropped", t.Decimal(m.OldTotal))
		case !m.NewTotal.Equal(m.OldTotal):
			total += " → " + t.Decimal(m.NewTotal)
		}
		var aw []string
		for _, g := range m.Gained {
			aw = append(aw, t.Say("whatif.report.gains", r.tiers[g]))
		}
		for _, l := range m.Lost {
			aw = append(aw, t.Say("whatif.report.loses", r.tiers[l]))
		}
		if len(aw) == 0 {
			if kept := r.awards[m.Member]; len(kept) > 0 {
				aw = append(aw, t.Say("whatif.report.keeps", r.tiers[kept[0]]))
			} else {
				aw = append(aw, "—")
			}
		}
		var el []string
		for _, f := range m.NowFails {
			el = append(el, t.Say("whatif.report.now_fails", f))
		}
		for _, f := range m.NowMeets {
			el = append(el, t.Say("whatif.report.now_meets", f))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rk, m.Name, total, strings.Join(aw, "; "), strings.Join(el, "; "))
	}
	tw.Flush()
	b.WriteString("\n" + t.Say("whatif.report.awards") + "\n")
	list := func(ids []string) string {
		if len(ids) == 0 {
			return t.Say("whatif.report.nobody")
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = names[id]
		}
		return strings.Join(out, ", ")
	}
	for _, a := range r.Awards {
		if !a.Changed() {
			b.WriteString(t.Say("whatif.report.award.same", a.Name, list(a.New)) + "\n")
			continue
		}
		fmt.Fprintf(&b, "  %s: %s → %s\n", a.Name, list(a.Old), list(a.New))
		if len(a.NewPending) > 0 {
			b.WriteString(t.Say("whatif.report.award.pending", list(a.NewPending)) + "\n")
		}
		if a.BlockedNow {
			b.WriteString(t.Say("whatif.report.award.blocked") + "\n")
		}
	}
	if len(r.Decisions) > 0 {
		b.WriteString("\n" + t.Say("whatif.report.decisions") + "\n")
		for _, c := range r.Decisions {
			b.WriteString(t.Say("whatif.report.decision", names[c.Member], decisionText(t, c.Old), decisionText(t, c.New)) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// decisionText says what placed a member below the row above: "below SKHCN
// by total: 88.75 < 94.7", "xếp dưới SKHCN theo tổng điểm: 88,75 < 94,7".
func decisionText(t lang.Tag, d *ranking.Decision) string {
	switch {
	case d == nil:
		return t.Say("whatif.report.decision.first")
	case d.Shared:
		return t.Say("whatif.report.decision.shared", d.Upper)
	case d.Unresolved:
		return t.Say("whatif.report.decision.tied", d.Upper)
	}
	return t.Say("whatif.report.decision.below", d.Upper, t.Rule(d.Rule), d.LowerValue.In(t), d.UpperValue.In(t))
}
