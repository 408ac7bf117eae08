package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// The what-if commands parse their flags, ask package whatif and print its
// answer: the text (whatif's reports' Write, in the language of --lang) or
// the JSON. Their sentences are the catalogue's (keys whatif.*).

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

// checkLang reads --lang; a code other than vi or en is a usage error,
// written in English (the language asked for is not known).
func checkLang(cmd, code string, stderr io.Writer) (lang.Tag, bool) {
	t, err := lang.Parse(code)
	if err != nil {
		fmt.Fprintln(stderr, lang.English.Say("whatif.usage.lang", cmd, strconv.Quote(code)))
		return t, false
	}
	return t, true
}

// whatifFlags reads the flags every what-if command has: --format and
// --lang. A usage problem is written in English when --lang is not known.
func whatifFlags(cmd, format, code string, stderr io.Writer) (lang.Tag, bool) {
	t, ok := checkLang(cmd, code, stderr)
	if !ok {
		return t, false
	}
	if format != "table" && format != "json" {
		fmt.Fprintln(stderr, t.Say("whatif.usage.format", cmd, strconv.Quote(format)))
		return t, false
	}
	return t, true
}

// usageError writes a usage problem of the command and its usage.
func usageError(fs *flag.FlagSet, stderr io.Writer, line string) int {
	fmt.Fprintln(stderr, line)
	fs.Usage()
	return exitUsage
}

// reportWhatif prints an error from the whatif package: bad requests are
// usage errors (exit 2); problems with the files are bad input (exit 1).
func reportWhatif(cmd string, t lang.Tag, err error, stderr io.Writer) int {
	var we *whatif.Error
	var after *whatif.InvalidAfterError
	switch {
	case errors.As(err, &we) && !errors.Is(err, whatif.ErrModel):
		fmt.Fprintln(stderr, t.Say("whatif.usage.error", cmd, we.Text(t)))
		if errors.Is(err, whatif.ErrTooLarge) {
			return exitBadInput
		}
		return exitUsage
	case errors.As(err, &after):
		fmt.Fprintln(stderr, t.Say("whatif.usage.error", cmd, after.Message().In(t)))
		err = after.Err
	}
	report(stderr, t, err)
	return exitBadInput
}

// writeOut writes a what-if report as text (format table) or as JSON.
func writeOut(cmd string, t lang.Tag, format string, r interface {
	Write(io.Writer, lang.Tag) error
}, stdout, stderr io.Writer) int {
	var err error
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	} else {
		err = r.Write(stdout, t)
	}
	if err != nil {
		fmt.Fprintln(stderr, t.Say("whatif.usage.error", cmd, err.Error()))
		return exitBadInput
	}
	return exitOK
}

// whatifCmd answers "what is the least the member must gain to reach rank K
// or award TIER, and where?".
func whatifCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("whatif", stderr)
	usageFor(fs, "thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER) [--step CRIT=STEP ...] [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	member := fs.String("member", "", "the member's `id` (e.g. SXD)")
	rank := fs.Int("rank", 0, "target: rank `K` or better")
	award := fs.String("award", "", "target: award `tier` (or a higher one), e.g. flag")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var steps stepsFlag
	fs.Var(&steps, "step", "input step of a criterion, `CRIT=STEP` (repeatable; default: the smallest decimal place the sheet uses)")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"member", member}); !ok {
		return code
	}
	if (*rank == 0) == (*award == "") {
		t, err := lang.Parse(*langCode)
		if err != nil {
			t = lang.English
		}
		return usageError(fs, stderr, t.Say("whatif.usage.target"))
	}
	tag, ok := whatifFlags("whatif", *format, *langCode, stderr)
	if !ok {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
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
	ctx, stop := interruptible()
	defer stop()
	res, err := whatif.Reach(ctx, rb, sh, *member, target, opts...)
	if err != nil {
		return reportWhatif("whatif", tag, err, stderr)
	}
	return writeOut("whatif", tag, *format, whatif.NewReachReport(rb, sh, res), stdout, stderr)
}

// sensitivityCmd sweeps a weight or a disputed score over a range and
// reports where the winner or an award changes.
func sensitivityCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sensitivity", stderr)
	usageFor(fs, "thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	weight := fs.String("weight", "", "vary the weight of this criterion or group (`NODE`)")
	score := fs.String("score", "", "vary this member's score on this criterion (`MEMBER:CRIT`)")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var from, to, step decimalFlag
	fs.Var(&from, "from", "first `value` of the range")
	fs.Var(&to, "to", "last `value` of the range")
	fs.Var(&step, "step", "`step` of the range")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}); !ok {
		return code
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		t = lang.English
	}
	if (*weight == "") == (*score == "") {
		return usageError(fs, stderr, t.Say("whatif.usage.parameter"))
	}
	for _, f := range []struct {
		name string
		v    *decimalFlag
	}{{"from", &from}, {"to", &to}, {"step", &step}} {
		if !f.v.set {
			return usageError(fs, stderr, t.Say("whatif.usage.required", f.name))
		}
	}
	tag, ok := whatifFlags("sensitivity", *format, *langCode, stderr)
	if !ok {
		return exitUsage
	}
	p := whatif.WeightOf(*weight)
	if *score != "" {
		m, c, ok := strings.Cut(*score, ":")
		if !ok || m == "" || c == "" {
			fmt.Fprintln(stderr, tag.Say("whatif.usage.score", strconv.Quote(*score)))
			return exitUsage
		}
		p = whatif.ScoreOf(m, c)
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	ctx, stop := interruptible()
	defer stop()
	res, err := whatif.Sensitivity(ctx, rb, sh, p, whatif.Range{From: from.v, To: to.v, Step: step.v}, whatif.WithRankOptions(rankOptions(seed)...))
	if err != nil {
		return reportWhatif("sensitivity", tag, err, stderr)
	}
	return writeOut("sensitivity", tag, *format, whatif.NewSensitivityReport(rb, sh, res), stdout, stderr)
}

// scenarioCmd applies a scenario file of edits to the sheet and reports
// what changes in the standings.
func scenarioCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("scenario", stderr)
	usageFor(fs, "thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N] [--lang vi|en]")
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	edits := fs.String("edits", "", "scenario `file` of edits (YAML or JSON)")
	format := fs.String("format", "table", "output `format`: table or json")
	langCode := fs.String("lang", "vi", "`language` of the table: vi or en")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"edits", edits}); !ok {
		return code
	}
	tag, ok := whatifFlags("scenario", *format, *langCode, stderr)
	if !ok {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	sc, err := whatif.LoadScenario(*edits)
	var bad scoring.InputErrors
	if err != nil && !errors.As(err, &bad) {
		report(stderr, tag, err) // not a problem with the edits (no such file)
		return exitBadInput
	}
	rep, err := whatif.RunScenario(rb, sh, sc, bad, rankOptions(seed)...)
	if err != nil {
		return reportWhatif("scenario", tag, err, stderr)
	}
	return writeOut("scenario", tag, *format, rep, stdout, stderr)
}
