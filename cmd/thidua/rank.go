package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/server"
)

func rankCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("rank")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	explain := fs.Bool("explain", false, h.Say("help.flag.explain"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	out := fs.String("out", "", h.Say("help.flag.out.results"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	in := e.inputs(fs)
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}); !ok {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua rank: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	t, ok := langOf(*langCode)
	if !ok {
		fmt.Fprintf(stderr, "thidua rank: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if *out != "" && !isXLSX(*out) {
		fmt.Fprintf(stderr, "thidua rank: --out writes an .xlsx file, found %q\n", *out)
		return exitUsage
	}
	if !in.check("rank", t, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}) {
		return exitUsage
	}
	if refuseOverwrite("rank", t, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *mapping}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, t, stderr)
	if !ok {
		return exitBadInput
	}
	var opts []ranking.Option
	if seed.set {
		opts = append(opts, ranking.WithSeed(seed.v))
	}
	if !*explain { // only --explain reads the scorecards' traces
		opts = append(opts, ranking.WithoutTrace())
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	var results *staged
	if *out != "" {
		if results, err = stageResultsXLSX(*out, rb, st, t); err != nil {
			fmt.Fprintf(stderr, "thidua rank: %v\n", err)
			return exitBadInput
		}
	}
	return finish("rank", printStandings(stdout, stderr, t, rb, st, *format, *explain), stdout, stderr, nil, results)
}

// printStandings writes the standings as a table (with every scorecard's
// computation if explain) or as JSON (with the scorecards if explain), as
// the server's /v1/rank does.
func printStandings(stdout, stderr io.Writer, t lang.Tag, rb *rules.Rulebook, st *ranking.Standings, format string, explain bool) int {
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(server.WithoutScorecards(st, explain)); err != nil {
			fmt.Fprintf(stderr, "thidua rank: %v\n", err)
			return exitBadInput
		}
		return exitOK
	}
	printTable(stdout, t, rb, st, explain)
	if explain {
		printGrades(stdout, t, rb, st)
		printExplain(stdout, t, rb, st)
	}
	return exitOK
}

// warnReader prints what the workbook reader noticed (a formula that
// disagrees with its recomputation, a row it did not recognise) on stderr.
func warnReader(stderr io.Writer, t lang.Tag, ws []scoresheet.Warning) {
	for _, w := range ws {
		fmt.Fprintln(stderr, t.Say("cli.warning", w.Text(t)))
	}
}

// warn prints the sheet's warnings (look-alike ids and names) on stderr:
// they do not stop the command, but a secretariat must see them.
func warn(stderr io.Writer, t lang.Tag, sh scoring.Sheet) {
	for _, w := range sh.Warnings() {
		fmt.Fprintln(stderr, t.Say("cli.warning", w.Text(t)))
	}
}

// report prints an error in the language, one problem per line, with a
// count; with --format json, it adds the error's problems to the JSON
// document standard error ends with (see errStream). The library's problems (rulebooks, score sheets, Excel files,
// recorded results, models, histories …) state themselves in either
// language (Text); other errors (a missing file) as the system states
// them.
func report(w io.Writer, t lang.Tag, err error) {
	if s := problemSink(w); s != nil {
		s.errs = append(s.errs, err)
		return
	}
	all := problem.Flatten(err)
	shown := all[:min(len(all), maxProblems)]
	for _, e := range shown {
		text := e.Error()
		if x, ok := e.(interface{ Text(lang.Tag) string }); ok {
			text = x.Text(t)
		}
		fmt.Fprintln(w, text)
	}
	if rest := all[len(shown):]; len(rest) > 0 {
		fmt.Fprintln(w, t.Say("cli.problems.more", len(rest), len(shown), kinds(rest, t)))
	}
	if len(all) > 1 {
		fmt.Fprintln(w, t.Say("cli.problems", len(all)))
	}
}

// maxProblems is how many problems report lists one by one; the rest are
// counted by kind. A sheet of a hundred thousand members with no scores
// has more than a million problems, which no one reads on a terminal.
const maxProblems = 200

// kinds counts problems by their code ("input.score.missing: 1499800"),
// the most frequent first.
func kinds(es []error, t lang.Tag) string {
	counts := map[string]int{}
	for _, e := range es {
		counts[problem.Code(e)]++
	}
	codes := slices.Collect(maps.Keys(counts))
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		if c == "" {
			c = t.Say("cli.problems.other")
		}
		parts[i] = fmt.Sprintf("%s %d", c, counts[codes[i]])
	}
	return strings.Join(parts, ", ")
}

func places(st *ranking.Standings) int32 {
	p := int32(0)
	for _, r := range st.Rows {
		p = max(p, -r.Basis.Exponent(), -r.Total.Exponent())
	}
	return p
}

// printTable writes the standings, the proposals, the ties that decide an
// award and, if explain, the ranks shared quietly.
func printTable(w io.Writer, t lang.Tag, rb *rules.Rulebook, st *ranking.Standings, explain bool) {
	title := st.Cluster
	if title == "" {
		title = t.Say("cli.cluster")
	}
	if st.Year != 0 {
		title += fmt.Sprintf(" — %d", st.Year)
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, t.Say("cli.rulebook", rulebookName(st.Rulebook), st.Rulebook.Version, st.Rulebook.Hash))
	fmt.Fprintln(w, t.Say("cli.sheet", st.SheetHash)+"\n")

	p := places(st)
	names := st.Names()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	basis := t.Say("cli.total")
	if st.Basis == rules.ByPercent {
		basis = t.Say("cli.percent")
	}
	// a rulebook that grades (xếp loại) gets a column for the band
	gradeName := map[string]string{}
	for _, g := range st.Grades {
		gradeName[g.Grade] = g.Name
	}
	gradeCol := func(r ranking.Row) string {
		if len(st.Grades) == 0 {
			return ""
		}
		if r.Grade == "" {
			return "—\t"
		}
		return gradeName[r.Grade] + "\t"
	}
	gradeHead := ""
	if len(st.Grades) > 0 {
		gradeHead = t.Say("cli.grade") + "\t"
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s\n", t.Say("cli.rank"), t.Say("cli.member"), basis, gradeHead, t.Say("cli.award"), t.Say("cli.decided_by"))
	for _, r := range st.Rows {
		var award []string
		for _, a := range r.Awards {
			award = append(award, names.Tier(a))
		}
		aw := strings.Join(award, ", ")
		if aw == "" {
			aw = "—"
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		decided := ""
		if d := r.DecidedBy; d != nil {
			decided = names.Of(d.BriefMessage()).In(t)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s\n", rank, r.Member.Name, t.Number(r.Basis.StringFixed(p)), gradeCol(r), aw, decided)
	}
	tw.Flush()

	if len(st.Grades) > 0 {
		fmt.Fprintln(w, "\n"+t.Say("cli.grades"))
		for _, g := range st.Grades {
			list := strings.Join(names.Members(g.Members), ", ")
			if list == "" {
				list = t.Say("cli.nobody")
			}
			fmt.Fprintf(w, "  %s (%d): %s\n", g.Name, len(g.Members), list)
		}
	}

	auth := rb.Authority()
	if len(st.Awards) > 0 { // a rulebook that only grades proposes nothing
		fmt.Fprintln(w, "\n"+t.Say("cli.proposals", auth.CouncilName().In(t), auth.DecidesName().In(t)))
	}
	pendingTier := ""
	for _, a := range st.Awards {
		fmt.Fprintf(w, "  %s (%d): ", a.Name, a.Quota)
		switch {
		case !a.Blocked.IsZero():
			fmt.Fprintln(w, t.Say("cli.not_decided", pendingTier))
			continue
		case len(a.Proposed) == 0 && a.Pending == nil:
			fmt.Fprint(w, t.Say("cli.nobody"))
		default:
			fmt.Fprint(w, strings.Join(names.Members(a.Proposed), ", "))
		}
		if a.Pending != nil {
			if len(a.Proposed) > 0 {
				fmt.Fprint(w, "; ")
			}
			fmt.Fprint(w, t.Say("cli.pending", a.Pending.Places, strings.Join(names.Members(a.Pending.Candidates), ", ")))
			pendingTier = a.Name
		}
		fmt.Fprintln(w)
		for _, s := range a.Skipped {
			fmt.Fprintln(w, t.Say("cli.skipped", names.Member(s.Member), strings.Join(names.SkipReasons(t, rb, st, a.Tier, s), "; ")))
		}
		for _, s := range a.Forfeited {
			fmt.Fprintln(w, t.Say("cli.forfeited", names.Member(s.Member), strings.Join(names.SkipReasons(t, rb, st, a.Tier, s), "; ")))
		}
	}
	// only the ties that decide an award are reported; members who share
	// a rank otherwise are shown by their rank ("3=") and, with --explain,
	// by printSharedRanks
	if ties := st.UnresolvedTies(); len(ties) > 0 {
		fmt.Fprintln(w, "\n"+t.Say("cli.ties"))
		for _, tie := range ties {
			fmt.Fprintln(w, tieLine(t, names, "cli.tie", tie))
		}
	}
	if explain {
		printSharedRanks(w, t, st)
	}
	if st.Lots != nil {
		var draws []string
		for _, d := range st.Lots.Draws {
			draws = append(draws, strings.Join(names.Members(d), ", "))
		}
		if st.Lots.Seed != nil {
			fmt.Fprintln(w, "\n"+t.Say("cli.lots.seed", *st.Lots.Seed, strings.Join(draws, "; ")))
		} else {
			fmt.Fprintln(w, "\n"+t.Say("cli.lots.recorded", strings.Join(draws, "; ")))
		}
	}
	var failed []string
	required := map[string]bool{} // conditions some award tier requires
	for _, a := range rb.Awards() {
		for _, id := range a.Requires {
			required[id] = true
		}
	}
	for _, r := range st.Rows {
		for _, f := range r.Failed {
			// only what keeps a member from an award: a condition of a
			// grading band alone is explained with the band (--explain),
			// and a member not put to a vote was not a candidate in it
			if !required[f.Condition] || f.NotPut {
				continue
			}
			failed = append(failed, fmt.Sprintf("  %s — %s (%s)", r.Member.Name, names.Condition(f.Condition), names.Of(f.Message).In(t)))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintln(w, "\n"+t.Say("cli.failed"))
		fmt.Fprintln(w, strings.Join(failed, "\n"))
	}
	var div []string
	for _, r := range st.Rows {
		for _, d := range r.Card.Divergences {
			what := t.Say("cli.div.total")
			if d.Criterion != "" {
				what = t.Say("cli.div.criterion", d.Criterion)
			}
			div = append(div, t.Say("cli.div.line", r.Member.Name, what, t.Decimal(d.Self), t.Decimal(d.Counted), t.Decimal(d.Gap), t.Decimal(d.Threshold)))
		}
	}
	if len(div) > 0 {
		fmt.Fprintln(w, "\n"+t.Say("cli.divergences"))
		fmt.Fprintln(w, strings.Join(div, "\n"))
	}
}

// tieLine is a tie as the table lists it, with the sentence key: its rank,
// its members by name and the rules that found them equal, with why the
// chain stopped if it did not run to its end (lots without a seed).
func tieLine(t lang.Tag, names ranking.Names, key string, tie ranking.Tie) string {
	var tried []string
	for _, r := range tie.Tried {
		tried = append(tried, t.Rule(names.Rule(r)))
	}
	line := t.Say(key, tie.Rank, strings.Join(names.Members(tie.Members), ", "), strings.Join(tried, ", "))
	if tie.Note.Key != "tie.equal" {
		line += " (" + names.Of(tie.Note).In(t) + ")"
	}
	return line
}

// printSharedRanks lists, for --explain, the members who share a rank
// (đồng hạng) without deciding an award, with the rules that found them
// equal: the table shows them only by their rank ("3=").
func printSharedRanks(w io.Writer, t lang.Tag, st *ranking.Standings) {
	shared := st.SharedRanks()
	if len(shared) == 0 {
		return
	}
	names := st.Names()
	fmt.Fprintln(w, "\n"+t.Say("cli.shared"))
	for _, tie := range shared {
		fmt.Fprintln(w, tieLine(t, names, "cli.shared.line", tie))
	}
}

// printExplain prints every scorecard's trace in the language.
func printExplain(w io.Writer, t lang.Tag, rb *rules.Rulebook, st *ranking.Standings) {
	for _, r := range st.Rows {
		c := r.Card
		fmt.Fprintln(w, "\n"+t.Say("cli.explain", r.Member.Name, r.Member.ID, r.Rank, t.Decimal(c.Total)))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, s := range c.Trace {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", traceNode(t, rb, s.Node), s.Text.In(t), t.Decimal(s.Value))
		}
		tw.Flush()
	}
}

// traceNode is a trace step's first column as a reader knows it: a
// criterion or group by its number in the rulebook ("1.2", "II"), a bonus
// or deduction item by its name, and the steps of the whole scorecard in
// words (điểm các tiêu chí, tổng điểm, tỷ lệ) rather than the trace's keys.
func traceNode(t lang.Tag, rb *rules.Rulebook, node string) string {
	switch node {
	case "criteria":
		return t.Say("cli.trace.criteria")
	case "total":
		return t.Say("cli.trace.total")
	case "percent":
		return t.Say("cli.trace.percent")
	}
	if _, ok := rb.Node(node); ok {
		return node
	}
	if it, ok := rb.BonusItem(node); ok {
		return it.Name
	}
	if it, ok := rb.DeductionItem(node); ok {
		return it.Name
	}
	return node
}

// rulebookName is the rulebook as a heading names it: its title, or its id
// when it has none.
func rulebookName(r ranking.RulebookRef) string {
	if r.Title != "" {
		return r.Title
	}
	return r.ID
}
