package main

import (
	"fmt"
	"io"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

func validateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` to check against the rulebook (CSV, JSON, YAML or XLSX)")
	mapping := fs.String("mapping", "", mappingHelp)
	langCode := fs.String("lang", "vi", "`language` of the summary: vi or en")
	if code, ok := parse(fs, args, required{"rules", rulesPath}); !ok {
		return code
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua validate: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, t, stderr)
	if !ok {
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.validate.rulebook", *rulesPath, rb.ID(), rb.Version(), len(rb.Nodes()), t.Decimal(rb.MaxTotal()), rb.Hash()))
	if *scoresPath == "" {
		return exitOK
	}
	cards, err := scoring.Score(rb, sh)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.validate.sheet", *scoresPath, len(cards), len(sh.Scores), sh.Hash()))
	return exitOK
}
