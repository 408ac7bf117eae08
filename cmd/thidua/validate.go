package main

import (
	"fmt"
	"io"

	"github.com/thidua/thidua/scoring"
)

func validateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` to check against the rulebook (CSV, JSON, YAML or XLSX)")
	mapping := fs.String("mapping", "", "mapping `file` (YAML) for an .xlsx score sheet whose layout is not detected")
	if code, ok := parse(fs, args, map[string]*string{"rules": rulesPath}); !ok {
		return code
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, stderr)
	if !ok {
		return exitBadInput
	}
	fmt.Fprintf(stdout, "%s: rulebook %s, version %s, %d criteria and groups, maximum %s (%s)\n",
		*rulesPath, rb.ID(), rb.Version(), len(rb.Nodes()), rb.MaxTotal(), rb.Hash())
	if *scoresPath == "" {
		return exitOK
	}
	cards, err := scoring.Score(rb, sh)
	if err != nil {
		report(stderr, err)
		return exitBadInput
	}
	fmt.Fprintf(stdout, "%s: %d members, %d scores, valid (%s)\n", *scoresPath, len(cards), len(sh.Scores), sh.Hash())
	return exitOK
}
