package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/thidua/thidua/invariants"
	"github.com/thidua/thidua/lang"
)

// defaultCheckSeed is the seed of a check run without --seed; the report
// records it.
const defaultCheckSeed = 1

// checkCmd tests the properties of a rulebook's ranking on random sheets
// and prints each violation with a shrunk counter-example sheet. It exits
// 1 if a property is violated in a way the rulebook's design does not
// explain.
func checkCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("check")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores.check"))
	n := fs.Int("n", invariants.DefaultN, h.Say("help.flag.n.sheets"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	seed := seedFlag{set: true, v: defaultCheckSeed}
	fs.Var(&seed, "seed", h.Say("help.flag.seed.check"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}); !ok {
		return code
	}
	if *n < 1 || *n > 1_000_000 {
		fmt.Fprintf(stderr, "thidua check: --n must be between 1 and 1000000, found %d\n", *n)
		return exitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua check: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua check: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if !in.check("check", t, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	rb, sh, ok := in.load(*rulesPath, *scoresPath, t, stderr)
	if !ok {
		return exitBadInput
	}
	opts := invariants.Options{N: *n, Seed: seed.v}
	if *scoresPath != "" {
		opts.Around = &sh
	}
	rep := invariants.Check(context.Background(), rb, opts)
	code := exitOK
	if rep.Failed() {
		code = exitBadInput
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "thidua check: %v\n", err)
			return exitBadInput
		}
		return finish("check", code, stdout, stderr, nil)
	}
	printCheck(stdout, t, rep)
	return finish("check", code, stdout, stderr, nil)
}

// printCheck writes a check report as text, counter-examples as CSV.
func printCheck(w io.Writer, t lang.Tag, rep invariants.Report) {
	fmt.Fprintln(w, t.Say("cli.check.head", rep.Rulebook.ID, rep.Rulebook.Version, rep.N, rep.Seed))
	if rep.Around != "" {
		fmt.Fprintln(w, t.Say("cli.check.around", rep.Around))
	}
	for _, r := range rep.Results {
		fmt.Fprintf(w, "\n[%s] %s (%s)\n", r.Status.Message().In(t), r.Statement.In(t),
			t.Say("cli.check.cases", r.Checked))
		if !r.Note.IsZero() {
			fmt.Fprintln(w, "  "+r.Note.In(t))
		}
		for _, k := range r.Known {
			fmt.Fprintln(w, "  "+t.Say("cli.check.known", k.Message.In(t)))
		}
		ce := r.Counterexample
		if ce == nil {
			continue
		}
		fmt.Fprintln(w, "  "+t.Say("cli.check.counterexample", ce.Message.In(t)))
		if len(ce.Explained) > 0 {
			fmt.Fprintln(w, "  "+lang.Msg("invariants.explained", strings.Join(ce.Explained, ", ")).In(t))
		}
		fmt.Fprintln(w, "  "+t.Say("cli.check.sheet"))
		var b bytes.Buffer
		if err := ce.WriteCSV(&b); err == nil {
			for _, line := range strings.Split(strings.TrimRight(b.String(), "\r\n"), "\n") {
				fmt.Fprintln(w, "    "+strings.TrimRight(line, "\r"))
			}
		}
	}
	if rep.Partial {
		fmt.Fprintln(w, "\n"+t.Say("cli.check.partial"))
	}
}
