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
// usage errors (exit 2); problems with the files are bad input (exit 1),
// in the JSON document with --format json (the line saying that the edits
// made the sheet invalid is then left out; the document lists the
// problems of the sheet edited).
func reportWhatif(cmd string, t lang.Tag, err error, stderr io.Writer) int {
	var we *whatif.Error
	var after *whatif.InvalidAfterError
	switch {
	case errors.As(err, &we) && !errors.Is(err, whatif.ErrModel):
		if errors.Is(err, whatif.ErrTooLarge) && inJSON(stderr) {
			report(stderr, t, err) // exit 1: a problem of the JSON document
			return exitBadInput
		}
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

// whatifCmd answers "what is the least the member must gain to reach rank K,
// award TIER or grading band BAND (xếp loại), and where?".
func whatifCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("whatif")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	member := fs.String("member", "", h.Say("help.flag.member.whatif"))
	rank := fs.Int("rank", 0, h.Say("help.flag.rank"))
	award := fs.String("award", "", h.Say("help.flag.award"))
	grade := fs.String("grade", "", h.Say("help.flag.grade"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var steps stepsFlag
	fs.Var(&steps, "step", h.Say("help.flag.step.criterion"))
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"member", member}); !ok {
		return code
	}
	if targets := btoi(*rank != 0) + btoi(*award != "") + btoi(*grade != ""); targets != 1 {
		t, err := lang.Parse(*langCode)
		if err != nil {
			t = lang.English
		}
		return usageError(fs, stderr, t.Say("whatif.usage.target_or_grade"))
	}
	tag, ok := whatifFlags("whatif", *format, *langCode, stderr)
	if !ok || !in.check("whatif", tag, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	target := whatif.RankTarget(*rank)
	if *award != "" {
		target = whatif.AwardTarget(*award)
	}
	if *grade != "" {
		target = whatif.GradeTarget(*grade)
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
func sensitivityCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("sensitivity")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	weight := fs.String("weight", "", h.Say("help.flag.weight"))
	score := fs.String("score", "", h.Say("help.flag.score"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var from, to, step decimalFlag
	fs.Var(&from, "from", h.Say("help.flag.from"))
	fs.Var(&to, "to", h.Say("help.flag.to"))
	fs.Var(&step, "step", h.Say("help.flag.step.sweep"))
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
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
	if !ok || !in.check("sensitivity", tag, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}) {
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
	jsonProblems(stderr, *format == "json")
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
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
func scenarioCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("scenario")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	edits := fs.String("edits", "", h.Say("help.flag.edits"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"edits", edits}); !ok {
		return code
	}
	tag, ok := whatifFlags("scenario", *format, *langCode, stderr)
	if !ok || !in.check("scenario", tag, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput},
		input{"--mapping", *mapping, docInput}, input{"--edits", *edits, docInput}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, tag, stderr)
	if !ok {
		return exitBadInput
	}
	sc, err := doc(in, *edits, whatif.MaxScenarioBytes, whatif.LoadScenario, whatif.ParseScenario)
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

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
