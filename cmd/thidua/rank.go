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
)

func rankCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rank", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	format := fs.String("format", "table", "output `format`: table or json")
	explain := fs.Bool("explain", false, "show every scorecard's computation (in JSON: include the scorecards)")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	out := fs.String("out", "", "also write the standings and scorecards to `file`.xlsx")
	mapping := fs.String("mapping", "", mappingHelp)
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots, if the tie-break chain reaches lots and the sheet records no draw")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}); !ok {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua rank: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	lg, ok := langOf(*langCode)
	if !ok {
		fmt.Fprintf(stderr, "thidua rank: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if *out != "" && !isXLSX(*out) {
		fmt.Fprintf(stderr, "thidua rank: --out writes an .xlsx file, found %q\n", *out)
		return exitUsage
	}
	if refuseOverwrite("rank", lg.tag, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *mapping}) {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, lg.tag, stderr)
	if !ok {
		return exitBadInput
	}
	var opts []ranking.Option
	if seed.set {
		opts = append(opts, ranking.WithSeed(seed.v))
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, lg.tag, err)
		return exitBadInput
	}
	var results *staged
	if *out != "" {
		if results, err = stageResultsXLSX(*out, rb, st, lg.tag); err != nil {
			fmt.Fprintf(stderr, "thidua rank: %v\n", err)
			return exitBadInput
		}
	}
	return finish("rank", printStandings(stdout, stderr, lg, rb, st, *format, *explain), stdout, stderr, nil, results)
}

// printStandings writes the standings as a table (with every scorecard's
// computation if explain) or as JSON (with the scorecards if explain).
func printStandings(stdout, stderr io.Writer, lg words, rb *rules.Rulebook, st *ranking.Standings, format string, explain bool) int {
	if format == "json" {
		out := *st
		if !explain {
			out.Rows = make([]ranking.Row, len(st.Rows))
			for i, r := range st.Rows {
				r.Card = scoring.Scorecard{}
				out.Rows[i] = r
			}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "thidua rank: %v\n", err)
			return exitBadInput
		}
		return exitOK
	}
	printTable(stdout, lg, rb, st)
	if explain {
		printExplain(stdout, lg, st)
	}
	return exitOK
}

// scoresHelp and mappingHelp are the help of the --scores and --mapping
// flags, the same in every command that reads a score sheet.
const (
	scoresHelp  = "score sheet `file` (CSV, JSON, YAML or XLSX)"
	mappingHelp = "mapping `file` (YAML) for an .xlsx score sheet whose layout is not detected"
)

// load is loadWith without a mapping file.
func load(rulesPath, scoresPath string, t lang.Tag, stderr io.Writer) (*rules.Rulebook, scoring.Sheet, bool) {
	return loadWith(rulesPath, scoresPath, "", t, stderr)
}

// loadWith reads and checks a rulebook and, if a path is given, a score
// sheet in any format (an .xlsx workbook read with the mapping file, if
// one is given), reporting every problem and warning on stderr.
func loadWith(rulesPath, scoresPath, mappingPath string, t lang.Tag, stderr io.Writer) (*rules.Rulebook, scoring.Sheet, bool) {
	rb, err := rules.Load(rulesPath)
	if err != nil {
		report(stderr, t, err)
		return nil, scoring.Sheet{}, false
	}
	if scoresPath == "" {
		return rb, scoring.Sheet{}, true
	}
	sh, warnings, err := scoresheet.Check(rb, scoresPath, scoresheet.WithMappingFile(mappingPath))
	warnReader(stderr, t, warnings)
	if err != nil {
		report(stderr, t, err)
		return rb, sh, false
	}
	warn(stderr, t, sh)
	return rb, sh, true
}

// warnReader prints what the workbook reader noticed (a formula that
// disagrees with its recomputation, a row it did not recognise) on stderr.
func warnReader(stderr io.Writer, t lang.Tag, ws []scoresheet.Warning) {
	for _, w := range ws {
		fmt.Fprintf(stderr, "%s %s\n", t.Pick("cảnh báo:", "warning:"), w.Text(t))
	}
}

// warn prints the sheet's warnings (look-alike ids and names) on stderr:
// they do not stop the command, but a secretariat must see them.
func warn(stderr io.Writer, t lang.Tag, sh scoring.Sheet) {
	for _, w := range sh.Warnings() {
		fmt.Fprintf(stderr, "%s %s\n", t.Pick("cảnh báo:", "warning:"), w.Text(t))
	}
}

// report prints an error in the language, one problem per line, with a
// count. The library's problems (rulebooks, score sheets, Excel files,
// recorded results, models, histories …) state themselves in either
// language (Text); other errors (a missing file) as the system states
// them.
func report(w io.Writer, t lang.Tag, err error) {
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
		fmt.Fprintf(w, t.Pick("… và %d lỗi khác (chỉ ghi %d lỗi đầu tiên), theo loại: %s\n",
			"… and %d more problems (only the first %d are listed), by kind: %s\n"), len(rest), len(shown), kinds(rest, t))
	}
	if len(all) > 1 {
		fmt.Fprintf(w, t.Pick("%d lỗi\n", "%d problems\n"), len(all))
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
			c = t.Pick("khác", "other")
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

func printTable(w io.Writer, lg words, rb *rules.Rulebook, st *ranking.Standings) {
	title := st.Cluster
	if title == "" {
		title = lg.cluster
	}
	if st.Year != 0 {
		title += fmt.Sprintf(" — %d", st.Year)
	}
	fmt.Fprintln(w, title)
	fmt.Fprintf(w, lg.rulebook+"\n", st.Rulebook.ID, st.Rulebook.Version, st.Rulebook.Hash)
	fmt.Fprintf(w, lg.sheet+"\n\n", st.SheetHash)

	p := places(st)
	names := map[string]string{}
	for _, r := range st.Rows {
		names[r.Member.ID] = r.Member.Name
	}
	tierName := map[string]string{}
	for _, a := range rb.Awards() {
		tierName[a.ID] = a.Name
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	basis := lg.total
	if st.Basis == rules.ByPercent {
		basis = lg.percent
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", lg.rank, lg.member, basis, lg.award, lg.decidedBy)
	for _, r := range st.Rows {
		var award []string
		for _, a := range r.Awards {
			award = append(award, tierName[a])
		}
		aw := strings.Join(award, ", ")
		if aw == "" {
			aw = "—"
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, lg.numText(r.Basis.StringFixed(p)), aw, decidedIn(lg, r.DecidedBy))
	}
	tw.Flush()

	fmt.Fprintln(w, "\n"+lg.proposals)
	pendingTier := ""
	for _, a := range st.Awards {
		fmt.Fprintf(w, "  %s (%d): ", a.Name, a.Quota)
		switch {
		case a.Blocked != "":
			fmt.Fprintf(w, lg.notDecided+"\n", pendingTier)
			continue
		case len(a.Proposed) == 0 && a.Pending == nil:
			fmt.Fprint(w, lg.nobody)
		default:
			fmt.Fprint(w, strings.Join(mapNames(a.Proposed, names), ", "))
		}
		if a.Pending != nil {
			if len(a.Proposed) > 0 {
				fmt.Fprint(w, "; ")
			}
			fmt.Fprintf(w, lg.pending, a.Pending.Places, strings.Join(mapNames(a.Pending.Candidates, names), ", "))
			pendingTier = a.Name
		}
		fmt.Fprintln(w)
		for _, s := range a.Skipped {
			fmt.Fprintf(w, lg.skipped+"\n", names[s.Member], strings.Join(s.Failed, ", "))
		}
		for _, s := range a.Forfeited {
			fmt.Fprintf(w, lg.forfeited+"\n", names[s.Member], strings.Join(s.Failed, ", "))
		}
	}
	if len(st.Ties) > 0 {
		fmt.Fprintln(w, "\n"+lg.ties)
		for _, t := range st.Ties {
			var tried []string
			for _, r := range t.Tried {
				tried = append(tried, lg.rule(r))
			}
			line := fmt.Sprintf(lg.tieLine, t.Rank, strings.Join(mapNames(t.Members, names), ", "), strings.Join(tried, ", "))
			if t.NoteText.Key != "tie.equal" {
				line += " (" + t.NoteText.In(lg.tag) + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	if st.Lots != nil {
		if st.Lots.Seed != nil {
			fmt.Fprintf(w, "\n"+lg.lotsSeed+"\n", *st.Lots.Seed, st.Lots.Draws)
		} else {
			fmt.Fprintf(w, "\n"+lg.lotsRecorded+"\n", st.Lots.Draws)
		}
	}
	var failed []string
	for _, r := range st.Rows {
		for _, f := range r.Failed {
			failed = append(failed, fmt.Sprintf("  %s — %s: %s (%s)", r.Member.Name, f.Condition, f.Reason, f.Text(lg.tag)))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintln(w, "\n"+lg.failedTitle)
		fmt.Fprintln(w, strings.Join(failed, "\n"))
	}
	var div []string
	for _, r := range st.Rows {
		for _, d := range r.Card.Divergences {
			what := lg.divTotal
			if d.Criterion != "" {
				what = fmt.Sprintf(lg.divCriterion, d.Criterion)
			}
			div = append(div, fmt.Sprintf("  %s — %s: "+lg.divLine, r.Member.Name, what, lg.num(d.Self), lg.num(d.Counted), lg.num(d.Gap), lg.num(d.Threshold)))
		}
	}
	if len(div) > 0 {
		fmt.Fprintln(w, "\n"+lg.divTitle)
		fmt.Fprintln(w, strings.Join(div, "\n"))
	}
}

func mapNames(ids []string, names map[string]string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = names[id]
	}
	return out
}

// decidedIn says it in the given language.
func decidedIn(lg words, d *ranking.Decision) string {
	if d == nil {
		return ""
	}
	return d.Brief(lg.tag)
}

// printExplain prints every scorecard's trace in the language.
func printExplain(w io.Writer, lg words, st *ranking.Standings) {
	for _, r := range st.Rows {
		c := r.Card
		fmt.Fprintf(w, "\n%s (%s) — %s %d, %s %s\n", r.Member.Name, r.Member.ID, strings.ToLower(lg.rank), r.Rank, strings.ToLower(lg.total), lg.num(c.Total))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, s := range c.Trace {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", s.Node, s.Text.In(lg.tag), lg.num(s.Value))
		}
		tw.Flush()
	}
}
