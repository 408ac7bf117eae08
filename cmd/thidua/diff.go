package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/thidua/thidua/amend"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// diffCmd prints the semantic difference between two rulebooks and, with
// --scores, whether the sheet's result changes from one to the other.
func diffCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("diff")
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores.diff"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
	var pos []string
	for rest := args; ; {
		if code, ok := parseFlags(fs, rest); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "thidua diff: expected two rulebooks, OLD and NEW, found %d argument(s)\n", len(pos))
		fs.Usage()
		return exitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua diff: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua diff: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if !in.check("diff", t, stderr, input{"OLD", pos[0], docInput}, input{"NEW", pos[1], docInput}, input{"--scores", *scoresPath, sheetInput}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	old, err := in.rules(pos[0])
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	new, err := in.rules(pos[1])
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	d := amend.Compare(old, new)
	var out *amend.OutcomeDiff
	if *scoresPath != "" {
		// the sheet must be valid under each rulebook: each is checked
		// with the file's lines, and reported under its own heading
		valid := true
		for _, x := range []struct {
			path  string
			which lang.Message
			rb    *rules.Rulebook
		}{{pos[0], lang.Msg("amend.which.old"), old}, {pos[1], lang.Msg("amend.which.new"), new}} {
			var problems bytes.Buffer
			w := io.Writer(&problems)
			if inJSON(stderr) {
				w = stderr // one document for both rulebooks
			}
			if !checkSheet(in, x.rb, *scoresPath, t, w) {
				valid = false
				if !inJSON(stderr) {
					fmt.Fprintln(stderr, lang.Msg("amend.sheet.invalid", x.rb.ID(), x.rb.Version()).With(x.which).In(t))
				}
			}
			stderr.Write(problems.Bytes())
		}
		if !valid {
			return exitBadInput
		}
		sh, _, _ := in.sheet(new, *scoresPath, "", true)
		var opts []ranking.Option
		if seed.set {
			opts = append(opts, ranking.WithSeed(seed.v))
		}
		o, err := amend.Outcome(old, new, sh, opts...)
		if err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
		out = &o
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Diff    amend.Diff         `json:"diff"`
			Outcome *amend.OutcomeDiff `json:"outcome,omitempty"`
		}{d, out}); err != nil {
			fmt.Fprintf(stderr, "thidua diff: %v\n", err)
			return exitBadInput
		}
		return finish("diff", exitOK, stdout, stderr, nil)
	}
	fmt.Fprintln(stdout, t.Say("cli.diff.head", d.Old.ID, d.Old.Version, d.New.ID, d.New.Version))
	if len(d.Changes) == 0 {
		fmt.Fprintln(stdout, "  "+t.Say("cli.diff.none"))
	}
	for _, c := range d.Changes {
		fmt.Fprintln(stdout, "  "+c.Text(t))
	}
	if out != nil {
		fmt.Fprintln(stdout, "\n"+t.Say("cli.diff.result", in.name(*scoresPath)))
		fmt.Fprintln(stdout, "  "+out.Message.In(t))
		if out.Leader != nil {
			fmt.Fprintln(stdout, "  "+out.Leader.Message.In(t))
		}
		for _, x := range out.Tiers {
			fmt.Fprintln(stdout, "  "+x.Message.In(t))
		}
		for _, m := range out.Members {
			fmt.Fprintln(stdout, "  "+m.Text(t))
		}
	}
	return finish("diff", exitOK, stdout, stderr, nil)
}

// checkSheet reads the score sheet and checks it against the rulebook rb,
// writing its problems and warnings on w; it reports whether the sheet is
// valid under rb.
func checkSheet(in *inputs, rb *rules.Rulebook, path string, t lang.Tag, w io.Writer) bool {
	sh, warnings, err := in.sheet(rb, path, "", true)
	warnReader(w, t, warnings)
	if err != nil {
		report(w, t, err)
		return false
	}
	warn(w, t, sh)
	return true
}
