package main

import (
	"fmt"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

func validateCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("validate")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores.validate"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	if code, ok := parse(fs, args, required{"rules", rulesPath}); !ok {
		return code
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua validate: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if !in.check("validate", t, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}) {
		return exitUsage
	}
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, t, stderr)
	if !ok {
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.validate.rulebook", in.name(*rulesPath), rb.ID(), rb.Version(), len(rb.Nodes()), t.Decimal(rb.MaxTotal()), rb.Hash()))
	if *scoresPath == "" {
		return exitOK
	}
	cards, err := scoring.Score(rb, sh)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.validate.sheet", in.name(*scoresPath), len(cards), len(sh.Scores), sh.Hash()))
	return exitOK
}
