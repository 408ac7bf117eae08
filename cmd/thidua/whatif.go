package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// The usage of the what-if commands, for main's usage text.
const whatifUsage = `  thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER) [--step CRIT=STEP ...] [--format table|json] [--seed N]
  thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N]
  thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N]
`

// stepsFlag collects repeated --step CRIT=STEP.
type stepsFlag struct {
	crit []string
	step []decimal.Decimal
}

func (s *stepsFlag) String() string {
	var parts []string
	for i, c := range s.crit {
		parts = append(parts, c+"="+s.step[i].String())
	}
	return strings.Join(parts, ",")
}

func (s *stepsFlag) Set(v string) error {
	c, st, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(c) == "" {
		return errors.New("expected CRIT=STEP, e.g. 03=0.5")
	}
	d, err := decimal.NewFromString(strings.TrimSpace(strings.Replace(st, ",", ".", 1)))
	if err != nil || !d.IsPositive() {
		return fmt.Errorf("step %q is not a number above zero", st)
	}
	s.crit = append(s.crit, strings.TrimSpace(c))
	s.step = append(s.step, d)
	return nil
}

// decimalFlag is a required decimal flag.
type decimalFlag struct {
	set bool
	v   decimal.Decimal
}

func (d *decimalFlag) String() string {
	if !d.set {
		return ""
	}
	return d.v.String()
}

func (d *decimalFlag) Set(s string) error {
	v, err := decimal.NewFromString(strings.TrimSpace(strings.Replace(s, ",", ".", 1)))
	if err != nil {
		return errors.New("expected a number like 0.5")
	}
	d.set, d.v = true, v
	return nil
}

func usageFor(fs *flag.FlagSet, synopsis string) {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage:\n  %s\n\n", synopsis)
		fs.PrintDefaults()
	}
}

func rankOptions(seed seedFlag) []ranking.Option {
	if seed.set {
		return []ranking.Option{ranking.WithSeed(seed.v)}
	}
	return nil
}

func checkFormat(cmd, format string, stderr io.Writer) bool {
	if format != "table" && format != "json" {
		fmt.Fprintf(stderr, "thidua %s: --format must be table or json, found %q\n", cmd, format)
		return false
	}
	return true
}

// reportWhatif prints an error from the whatif package: bad requests are
// usage errors (exit 2); problems with the files are bad input (exit 1).
func reportWhatif(cmd string, err error, stderr io.Writer) int {
	var we *whatif.Error
	if errors.As(err, &we) && !errors.Is(err, whatif.ErrModel) {
		fmt.Fprintf(stderr, "thidua %s: %v\n", cmd, err)
		if errors.Is(err, whatif.ErrTooLarge) {
			return exitBadInput
		}
		return exitUsage
	}
	report(stderr, err)
	return exitBadInput
}

func writeJSON(cmd string, v any, stdout, stderr io.Writer) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "thidua %s: %v\n", cmd, err)
		return exitBadInput
	}
	return exitOK
}

func names(st *ranking.Standings) map[string]string {
	out := map[string]string{}
	for _, r := range st.Rows {
		out[r.Member.ID] = r.Member.Name
	}
	return out
}

func tierNames(rb *rules.Rulebook) map[string]string {
	out := map[string]string{}
	for _, a := range rb.Awards() {
		out[a.ID] = a.Name
	}
	return out
}

// whatifCmd answers "what is the least the member must gain to reach rank K
// or award TIER, and where?".
func whatifCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("whatif", stderr)
	usageFor(fs, "thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER) [--step CRIT=STEP ...] [--format table|json] [--seed N]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` (CSV, JSON or YAML)")
	member := fs.String("member", "", "the member's `id` (e.g. SXD)")
	rank := fs.Int("rank", 0, "target: rank `K` or better")
	award := fs.String("award", "", "target: award `tier` (or a higher one), e.g. flag")
	format := fs.String("format", "table", "output `format`: table or json")
	var steps stepsFlag
	fs.Var(&steps, "step", "input step of a criterion, `CRIT=STEP` (repeatable; default: the smallest decimal place the sheet uses)")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, map[string]*string{"rules": rulesPath, "scores": scoresPath, "member": member}); !ok {
		return code
	}
	if (*rank == 0) == (*award == "") {
		fmt.Fprintln(stderr, "thidua whatif: give one target: --rank K or --award TIER")
		fs.Usage()
		return exitUsage
	}
	if !checkFormat("whatif", *format, stderr) {
		return exitUsage
	}
	rb, sh, ok := load(*rulesPath, *scoresPath, stderr)
	if !ok {
		return exitBadInput
	}
	target := whatif.RankTarget(*rank)
	if *award != "" {
		target = whatif.AwardTarget(*award)
	}
	opts := []whatif.Option{whatif.WithRankOptions(rankOptions(seed)...)}
	for i, c := range steps.crit {
		opts = append(opts, whatif.WithStep(c, steps.step[i]))
	}
	res, err := whatif.Reach(rb, sh, *member, target, opts...)
	if err != nil {
		return reportWhatif("whatif", err, stderr)
	}
	if *format == "json" {
		return writeJSON("whatif", struct {
			Schema    string              `json:"schema"`
			Rulebook  ranking.RulebookRef `json:"rulebook"`
			SheetHash string              `json:"sheet_hash"`
			*whatif.Result
		}{"thidua/whatif/v1", ref(rb), sh.Hash(), res}, stdout, stderr)
	}
	printReach(stdout, rb, sh, res)
	return exitOK
}

func ref(rb *rules.Rulebook) ranking.RulebookRef {
	return ranking.RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()}
}

func describeTarget(rb *rules.Rulebook, t whatif.Target) string {
	if t.Award != "" {
		return fmt.Sprintf("be proposed for %s (%s) or a higher award", tierNames(rb)[t.Award], t.Award)
	}
	if t.Rank == 1 {
		return "rank first"
	}
	return fmt.Sprintf("rank in the first %d", t.Rank)
}

func positionText(rb *rules.Rulebook, p whatif.Position) string {
	rank := fmt.Sprint(p.Rank)
	if p.Tied {
		rank += " (tied)"
	}
	s := fmt.Sprintf("rank %s, total %s", rank, p.Total)
	if !p.Basis.Equal(p.Total) {
		s += fmt.Sprintf(" (%s%%)", p.Percent)
	}
	tn := tierNames(rb)
	if len(p.Awards) == 0 {
		s += ", no award"
	}
	for _, a := range p.Awards {
		s += ", " + tn[a]
	}
	for _, a := range p.Pending {
		s += ", " + tn[a] + " pending a tie"
	}
	if len(p.Failed) > 0 {
		s += "; fails " + strings.Join(p.Failed, ", ")
	}
	return s
}

func printReach(w io.Writer, rb *rules.Rulebook, sh scoring.Sheet, res *whatif.Result) {
	fmt.Fprintf(w, "What must %s (%s) gain to %s?\n", res.Member.Name, res.Member.ID, describeTarget(rb, res.Target))
	fmt.Fprintf(w, "Rulebook %s, version %s (%s)\nSheet %s\n\n", rb.ID(), rb.Version(), rb.Hash(), sh.Hash())
	fmt.Fprintf(w, "Now:   %s\n", positionText(rb, res.Before))
	switch {
	case res.AlreadyMet:
		fmt.Fprintln(w, "\nAlready there: no gain is needed.")
	case !res.Reachable:
		fmt.Fprintln(w, "\nUNREACHABLE, whatever the member gains:")
		for _, o := range res.Obstacles {
			tier := ""
			if o.Tier != "" {
				tier = " [" + o.Tier + "]"
			}
			fmt.Fprintf(w, "  - %s%s: %s\n", o.Kind, tier, o.Detail)
		}
	default:
		fmt.Fprintf(w, "Then:  %s\n", positionText(rb, res.After))
		fmt.Fprintf(w, "\nLeast gain: %s points of total (%s → %s)\n", res.Gain, res.Before.Total, res.After.Total)
		if res.Standings != nil {
			printDecisions(w, res)
		}
		fmt.Fprintln(w, "\nWhere it goes (the cheapest allocation: least Σ Δinput ÷ input scale, then fewest criteria):")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Criterion\tMethod\tStage\tInput\tStep\tPoints\tValue\tEffort")
		for _, a := range res.Allocation {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s → %s\t%s\t%s → %s\t+%s\t%s\n", a.Criterion, a.Method, a.Stage, a.From, a.To, a.Step,
				a.PointsFrom, a.PointsTo, a.ValueTo.Sub(a.ValueFrom), a.Effort)
		}
		tw.Flush()
		fmt.Fprintln(w, "\nChanged sheet rows (record,member,key,value,stage,assessor):")
		for _, c := range res.Changes {
			was := "new row"
			if c.Old != nil {
				was = "was " + c.Old.Value.String()
			}
			fmt.Fprintf(w, "  score,%s,%s,%s,%s,%s   (%s)\n", c.New.Member, c.New.Criterion, c.New.Value, c.New.Stage, c.New.Assessor, was)
		}
		fmt.Fprintf(w, "\nVerified with ranking.Rank; %d candidate allocation(s) ranked.\n", res.Evaluated)
	}
	if res.AtMaximum != nil {
		fmt.Fprintf(w, "At every maximum: %s\n", positionText(rb, *res.AtMaximum))
	}
	if len(res.Fixed) > 0 {
		fmt.Fprintln(w, "\nHeld fixed:")
		for _, f := range res.Fixed {
			fmt.Fprintf(w, "  %s: %s\n", f.Criterion, f.Reason)
		}
	}
	for _, c := range res.Caveats {
		fmt.Fprintf(w, "\nCaveat: %s\n", c)
	}
}

// printDecisions shows how the member now stands against its neighbours:
// the rule that placed it below the row above, and the row below below it.
func printDecisions(w io.Writer, res *whatif.Result) {
	st := res.Standings
	i := slices.IndexFunc(st.Rows, func(r ranking.Row) bool { return r.Member.ID == res.Member.ID })
	if i < 0 {
		return
	}
	if d := st.Rows[i].DecidedBy; d != nil {
		fmt.Fprintf(w, "  below %s by %s\n", d.Upper, decided(d))
	}
	if i+1 < len(st.Rows) {
		if d := st.Rows[i+1].DecidedBy; d != nil {
			fmt.Fprintf(w, "  above %s by %s\n", st.Rows[i+1].Member.ID, decided(d))
		}
	}
}

// sensitivityCmd sweeps a weight or a disputed score over a range and
// reports where the winner or an award changes.
func sensitivityCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sensitivity", stderr)
	usageFor(fs, "thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` (CSV, JSON or YAML)")
	weight := fs.String("weight", "", "vary the weight of this criterion or group (`NODE`)")
	score := fs.String("score", "", "vary this member's score on this criterion (`MEMBER:CRIT`)")
	format := fs.String("format", "table", "output `format`: table or json")
	var from, to, step decimalFlag
	fs.Var(&from, "from", "first `value` of the range")
	fs.Var(&to, "to", "last `value` of the range")
	fs.Var(&step, "step", "`step` of the range")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, map[string]*string{"rules": rulesPath, "scores": scoresPath}); !ok {
		return code
	}
	if (*weight == "") == (*score == "") {
		fmt.Fprintln(stderr, "thidua sensitivity: give one parameter: --weight NODE or --score MEMBER:CRIT")
		fs.Usage()
		return exitUsage
	}
	for _, f := range []struct {
		name string
		v    *decimalFlag
	}{{"from", &from}, {"to", &to}, {"step", &step}} {
		if !f.v.set {
			fmt.Fprintf(stderr, "thidua sensitivity: --%s is required\n", f.name)
			fs.Usage()
			return exitUsage
		}
	}
	if !checkFormat("sensitivity", *format, stderr) {
		return exitUsage
	}
	p := whatif.WeightOf(*weight)
	if *score != "" {
		m, c, ok := strings.Cut(*score, ":")
		if !ok || m == "" || c == "" {
			fmt.Fprintf(stderr, "thidua sensitivity: --score must be MEMBER:CRIT, found %q\n", *score)
			return exitUsage
		}
		p = whatif.ScoreOf(m, c)
	}
	rb, sh, ok := load(*rulesPath, *scoresPath, stderr)
	if !ok {
		return exitBadInput
	}
	res, err := whatif.Sensitivity(rb, sh, p, whatif.Range{From: from.v, To: to.v, Step: step.v}, whatif.WithRankOptions(rankOptions(seed)...))
	if err != nil {
		return reportWhatif("sensitivity", err, stderr)
	}
	if *format == "json" {
		return writeJSON("sensitivity", struct {
			Schema    string              `json:"schema"`
			Rulebook  ranking.RulebookRef `json:"rulebook"`
			SheetHash string              `json:"sheet_hash"`
			*whatif.SensitivityResult
		}{"thidua/sensitivity/v1", ref(rb), sh.Hash(), res}, stdout, stderr)
	}
	printSensitivity(stdout, rb, sh, res)
	return exitOK
}

func printSensitivity(w io.Writer, rb *rules.Rulebook, sh scoring.Sheet, res *whatif.SensitivityResult) {
	what := res.Parameter.String()
	if n, ok := rb.Node(res.Parameter.Weight + res.Parameter.Criterion); ok {
		what += " (" + n.Name + ")"
	}
	fmt.Fprintf(w, "Sensitivity of the outcome to the %s, %s (%d values)\n", what, res.Range, len(res.Points))
	fmt.Fprintf(w, "Rulebook %s, version %s (%s)\nSheet %s\n\n", rb.ID(), rb.Version(), rb.Hash(), sh.Hash())
	now := "weight"
	if res.Parameter.Weight == "" {
		now = "score"
	}
	fmt.Fprintf(w, "Baseline (%s %s): %s\n", now, res.BaselineValue, res.Baseline)
	fmt.Fprintln(w, "\nBreak-even values (the first value at which the outcome differs; both sides ranked by the engine):")
	if len(res.BreakEvens) == 0 {
		fmt.Fprintln(w, "  none: the outcome is the same over the whole range")
	}
	for _, b := range res.BreakEvens {
		var at string
		switch {
		case !b.Exact:
			at = fmt.Sprintf("between %s and %s", b.Last, b.Next)
		case !strings.Contains(b.At, "/") && b.Attained:
			at = "at " + b.At
		case !strings.Contains(b.At, "/"):
			at = "just above " + b.At
		default:
			at = fmt.Sprintf("just above %s (≈ %s, not a finite decimal)", b.At, b.Value)
		}
		fmt.Fprintf(w, "  %s:\n    below (at %s): %s\n    above (at %s): %s\n", at, b.BelowAt, b.Below, b.AboveAt, b.Above)
		if b.Note != "" {
			fmt.Fprintf(w, "    note: %s\n", b.Note)
		}
	}
	fmt.Fprintln(w, "\nOver the range:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Values\tOutcome\tLeast tau-b\tOrder (at the first value)")
	for i := 0; i < len(res.Points); {
		j := i
		minTau := res.Points[i].Tau.TauB
		for j+1 < len(res.Points) && res.Points[j+1].Outcome.Equal(res.Points[i].Outcome) {
			j++
			minTau = decimal.Min(minTau, res.Points[j].Tau.TauB)
		}
		span := res.Points[i].Value.String()
		if j > i {
			span += " … " + res.Points[j].Value.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", span, res.Points[i].Outcome, minTau.StringFixed(4), strings.Join(res.Points[i].Order, " > "))
		i = j + 1
	}
	tw.Flush()
	s := res.Stability
	fmt.Fprintf(w, "\nStability against the baseline: same winner at %d of %d values, same outcome at %d, same order at %d; least Kendall tau-b %s (at %s)\n",
		s.SameWinner, s.Points, s.SameAwards, s.SameOrder, s.MinTauB.StringFixed(4), s.MinTauAt)
	for _, n := range res.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
}

// scenarioCmd applies a scenario file of edits to the sheet and reports
// what changes in the standings.
func scenarioCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("scenario", stderr)
	usageFor(fs, "thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` (CSV, JSON or YAML)")
	edits := fs.String("edits", "", "scenario `file` of edits (YAML or JSON)")
	format := fs.String("format", "table", "output `format`: table or json")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, map[string]*string{"rules": rulesPath, "scores": scoresPath, "edits": edits}); !ok {
		return code
	}
	if !checkFormat("scenario", *format, stderr) {
		return exitUsage
	}
	rb, sh, ok := load(*rulesPath, *scoresPath, stderr)
	if !ok {
		return exitBadInput
	}
	sc, err := whatif.LoadScenario(*edits)
	var bad scoring.InputErrors
	if err != nil && !errors.As(err, &bad) {
		report(stderr, err) // not a problem with the edits (no such file)
		return exitBadInput
	}
	after, err := sc.Apply(rb, sh)
	if err != nil || len(bad) > 0 {
		// Report what could not be read and what does not fit the
		// rulebook or the sheet, together, in line order.
		var more scoring.InputErrors
		errors.As(err, &more)
		report(stderr, mergeByLine(bad, more))
		return exitBadInput
	}
	opts := rankOptions(seed)
	st0, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, err)
		return exitBadInput
	}
	st1, err := ranking.Rank(rb, after, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "thidua scenario: the sheet with the edits of %s is not valid:\n", *edits)
		report(stderr, err)
		return exitBadInput
	}
	diff := whatif.Compare(st0, st1)
	if *format == "json" {
		return writeJSON("scenario", struct {
			Schema    string              `json:"schema"`
			Rulebook  ranking.RulebookRef `json:"rulebook"`
			SheetHash string              `json:"sheet_hash"`
			NewHash   string              `json:"new_sheet_hash"`
			Scenario  string              `json:"scenario"`
			Edits     []string            `json:"edits"`
			whatif.Diff
		}{"thidua/scenario/v1", ref(rb), sh.Hash(), after.Hash(), sc.Title, editTexts(sc), diff}, stdout, stderr)
	}
	printScenario(stdout, rb, sc, sh, after, st0, st1, diff)
	return exitOK
}

// mergeByLine adds to read the problems of more on lines read does not
// already report, and sorts them by line.
func mergeByLine(read, more scoring.InputErrors) scoring.InputErrors {
	lines := map[int]bool{}
	for _, e := range read {
		lines[e.Line] = true
	}
	out := slices.Clone(read)
	for _, e := range more {
		if !lines[e.Line] {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *scoring.InputError) int { return a.Line - b.Line })
	return out
}

func editTexts(sc whatif.Scenario) []string {
	out := make([]string, len(sc.Edits))
	for i, e := range sc.Edits {
		out[i] = e.String()
	}
	return out
}

func printScenario(w io.Writer, rb *rules.Rulebook, sc whatif.Scenario, before, after scoring.Sheet, st0, st1 *ranking.Standings, d whatif.Diff) {
	title := sc.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "Scenario: %s\n", title)
	if sc.Note != "" {
		fmt.Fprintf(w, "Note: %s\n", sc.Note)
	}
	fmt.Fprintf(w, "Rulebook %s, version %s (%s)\nSheet %s → %s\n\nEdits:\n", rb.ID(), rb.Version(), rb.Hash(), before.Hash(), after.Hash())
	for i, e := range sc.Edits {
		fmt.Fprintf(w, "  %d. %s\n", i+1, e)
	}
	nm := names(st0)
	for k, v := range names(st1) {
		nm[k] = v
	}
	tn := tierNames(rb)
	fmt.Fprintln(w, "\nStandings, before → after:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rank\tMember\tTotal\tAwards\tEligibility")
	for _, m := range d.Members {
		rank := func(r int, tied bool) string {
			switch {
			case r == 0:
				return "—"
			case tied:
				return strconv.Itoa(r) + "="
			}
			return strconv.Itoa(r)
		}
		rk := rank(m.OldRank, m.OldTied)
		if m.NewRank != m.OldRank || m.NewTied != m.OldTied {
			rk += " → " + rank(m.NewRank, m.NewTied)
		}
		total := m.OldTotal.String()
		if !m.NewTotal.Equal(m.OldTotal) || m.NewRank == 0 {
			total += " → " + m.NewTotal.String()
			if m.NewRank == 0 {
				total = m.OldTotal.String() + " → dropped"
			}
		}
		var aw []string
		for _, g := range m.Gained {
			aw = append(aw, "gains "+tn[g])
		}
		for _, l := range m.Lost {
			aw = append(aw, "loses "+tn[l])
		}
		if len(aw) == 0 {
			if r, ok := st1.Row(m.Member); ok && len(r.Awards) > 0 {
				aw = append(aw, "keeps "+tn[r.Awards[0]])
			} else {
				aw = append(aw, "—")
			}
		}
		var el []string
		for _, f := range m.NowFails {
			el = append(el, "now fails "+f)
		}
		for _, f := range m.NowMeets {
			el = append(el, "now meets "+f)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rk, m.Name, total, strings.Join(aw, "; "), strings.Join(el, "; "))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nAwards:")
	for _, a := range d.Awards {
		list := func(ids []string) string {
			if len(ids) == 0 {
				return "nobody"
			}
			return strings.Join(mapNames(ids, nm), ", ")
		}
		if !a.Changed() {
			fmt.Fprintf(w, "  %s: unchanged (%s)\n", a.Name, list(a.New))
			continue
		}
		fmt.Fprintf(w, "  %s: %s → %s\n", a.Name, list(a.Old), list(a.New))
		if len(a.NewPending) > 0 {
			fmt.Fprintf(w, "    now pending an unresolved tie between %s\n", list(a.NewPending))
		}
		if a.BlockedNow {
			fmt.Fprintln(w, "    now blocked by an earlier tier's unresolved tie")
		}
	}
	if len(d.Decisions) > 0 {
		fmt.Fprintln(w, "\nDeciding rule changed:")
		for _, c := range d.Decisions {
			fmt.Fprintf(w, "  %s: %s; now %s\n", nm[c.Member], decisionText("was", c.Old), decisionText("", c.New))
		}
	}
}

func decisionText(prefix string, d *ranking.Decision) string {
	s := ""
	switch {
	case d == nil:
		s = "first"
	case d.Unresolved:
		s = "tied (unresolved) with " + d.Upper
	default:
		s = fmt.Sprintf("below %s by %s: %s < %s", d.Upper, d.Rule, d.LowerValue, d.UpperValue)
	}
	if prefix != "" {
		return prefix + " " + s
	}
	return s
}
