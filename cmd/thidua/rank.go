package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

func rankCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rank", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` (CSV, JSON or YAML)")
	format := fs.String("format", "table", "output `format`: table or json")
	explain := fs.Bool("explain", false, "show every scorecard's computation (in JSON: include the scorecards)")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots, if the tie-break chain reaches lots and the sheet records no draw")
	if code, ok := parse(fs, args, map[string]*string{"rules": rulesPath, "scores": scoresPath}); !ok {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua rank: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	rb, sh, ok := load(*rulesPath, *scoresPath, stderr)
	if !ok {
		return exitBadInput
	}
	var opts []ranking.Option
	if seed.set {
		opts = append(opts, ranking.WithSeed(seed.v))
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, err)
		return exitBadInput
	}
	if *format == "json" {
		out := *st
		if !*explain {
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
	printTable(stdout, rb, st)
	if *explain {
		printExplain(stdout, st)
	}
	return exitOK
}

// load reads and checks a rulebook and, if a path is given, a sheet,
// reporting every problem on stderr.
func load(rulesPath, scoresPath string, stderr io.Writer) (*rules.Rulebook, scoring.Sheet, bool) {
	rb, err := rules.Load(rulesPath)
	if err != nil {
		report(stderr, err)
		return nil, scoring.Sheet{}, false
	}
	if scoresPath == "" {
		return rb, scoring.Sheet{}, true
	}
	sh, err := sheets.Check(rb, scoresPath)
	if err != nil {
		report(stderr, err)
		return rb, sh, false
	}
	return rb, sh, true
}

// report prints an error, one problem per line, with a count.
func report(w io.Writer, err error) {
	var n int
	switch es := err.(type) {
	case rules.Errors:
		n = len(es)
	case scoring.InputErrors:
		n = len(es)
	}
	fmt.Fprintln(w, err)
	if n > 1 {
		fmt.Fprintf(w, "%d problems\n", n)
	}
}

func places(st *ranking.Standings) int32 {
	p := int32(0)
	for _, r := range st.Rows {
		p = max(p, -r.Basis.Exponent(), -r.Total.Exponent())
	}
	return p
}

func fixed(d decimal.Decimal, p int32) string { return d.StringFixed(p) }

func printTable(w io.Writer, rb *rules.Rulebook, st *ranking.Standings) {
	title := st.Cluster
	if title == "" {
		title = "Cluster"
	}
	if st.Year != 0 {
		title += fmt.Sprintf(" — %d", st.Year)
	}
	fmt.Fprintln(w, title)
	fmt.Fprintf(w, "Rulebook %s, version %s (%s)\n", st.Rulebook.ID, st.Rulebook.Version, st.Rulebook.Hash)
	fmt.Fprintf(w, "Sheet %s\n\n", st.SheetHash)

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
	basis := "Total"
	if st.Basis == rules.ByPercent {
		basis = "Percent"
	}
	fmt.Fprintf(tw, "Rank\tMember\t%s\tAward proposed\tDecided by\n", basis)
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, fixed(r.Basis, p), aw, decided(r.DecidedBy))
	}
	tw.Flush()

	fmt.Fprintln(w, "\nAward proposals (đề nghị — the provincial council decides):")
	for _, a := range st.Awards {
		fmt.Fprintf(w, "  %s (%d): ", a.Name, a.Quota)
		switch {
		case a.Blocked != "":
			fmt.Fprintf(w, "not decided: %s\n", a.Blocked)
			continue
		case len(a.Proposed) == 0 && a.Pending == nil:
			fmt.Fprint(w, "nobody")
		default:
			fmt.Fprint(w, strings.Join(mapNames(a.Proposed, names), ", "))
		}
		if a.Pending != nil {
			if len(a.Proposed) > 0 {
				fmt.Fprint(w, "; ")
			}
			fmt.Fprintf(w, "%d place(s) PENDING an unresolved tie between %s", a.Pending.Places, strings.Join(mapNames(a.Pending.Candidates, names), ", "))
		}
		fmt.Fprintln(w)
		for _, s := range a.Skipped {
			fmt.Fprintf(w, "    skipped %s (fails %s)\n", names[s.Member], strings.Join(s.Failed, ", "))
		}
		for _, s := range a.Forfeited {
			fmt.Fprintf(w, "    place not awarded: %s fails %s\n", names[s.Member], strings.Join(s.Failed, ", "))
		}
	}
	if len(st.Ties) > 0 {
		fmt.Fprintln(w, "\nUnresolved ties:")
		for _, t := range st.Ties {
			fmt.Fprintf(w, "  rank %d: %s — %s\n", t.Rank, strings.Join(mapNames(t.Members, names), ", "), t.Note)
		}
	}
	if st.Lots != nil {
		if st.Lots.Seed != nil {
			fmt.Fprintf(w, "\nLots drawn with seed %d: %v\n", *st.Lots.Seed, st.Lots.Draws)
		} else {
			fmt.Fprintf(w, "\nLots from the recorded draw: %v\n", st.Lots.Draws)
		}
	}
	var failed []string
	for _, r := range st.Rows {
		for _, f := range r.Failed {
			failed = append(failed, fmt.Sprintf("  %s — %s: %s (%s)", r.Member.Name, f.Condition, f.Reason, f.Detail))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintln(w, "\nEligibility conditions not met:")
		fmt.Fprintln(w, strings.Join(failed, "\n"))
	}
	var div []string
	for _, r := range st.Rows {
		for _, d := range r.Card.Divergences {
			what := "total"
			if d.Criterion != "" {
				what = "criterion " + d.Criterion
			}
			div = append(div, fmt.Sprintf("  %s — %s: self %s, counted %s (gap %s > %s)", r.Member.Name, what, d.Self, d.Counted, d.Gap, d.Threshold))
		}
	}
	if len(div) > 0 {
		fmt.Fprintln(w, "\nSelf-assessment diverges from the counted score:")
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

func decided(d *ranking.Decision) string {
	switch {
	case d == nil:
		return ""
	case d.Unresolved:
		return "UNRESOLVED tie with " + d.Upper
	}
	return fmt.Sprintf("%s: %s < %s (%s)", d.Rule, d.LowerValue, d.UpperValue, d.Upper)
}

func printExplain(w io.Writer, st *ranking.Standings) {
	for _, r := range st.Rows {
		c := r.Card
		fmt.Fprintf(w, "\n%s (%s) — rank %d, total %s\n", r.Member.Name, r.Member.ID, r.Rank, c.Total)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, s := range c.Trace {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", s.Node, s.What, s.Value)
		}
		tw.Flush()
	}
}
