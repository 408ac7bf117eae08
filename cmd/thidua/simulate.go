package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/simulation"
)

// stderrIsTerminal is replaced in tests.
var stderrIsTerminal = func() bool {
	fi, err := os.Stderr.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func simulateCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("simulate")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	modelPath := fs.String("model", "", h.Say("help.flag.model"))
	rng := fs.String("range", "", h.Say("help.flag.range"))
	step := fs.String("step", "", h.Say("help.flag.step.range"))
	n := fs.Int("n", 100000, h.Say("help.flag.n.scenarios"))
	seedv := fs.Uint64("seed", 1, h.Say("help.flag.seed.scenarios"))
	workers := fs.Int("workers", 0, h.Say("help.flag.workers"))
	engine := fs.String("engine", "auto", h.Say("help.flag.engine"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	chart := fs.String("chart", "", h.Say("help.flag.chart"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var lots seedFlag
	fs.Var(&lots, "lots-seed", h.Say("help.flag.lots_seed"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}); !ok {
		return code
	}
	cfg := simulation.Config{Scenarios: *n, Seed: *seedv, Workers: *workers}
	switch *engine {
	case "auto":
	case "compiled":
		cfg.Engine = simulation.Compiled
	case "decimal":
		cfg.Engine = simulation.Decimal
	default:
		fmt.Fprintf(stderr, "thidua simulate: --engine must be auto, compiled or decimal, found %q\n", *engine)
		return exitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua simulate: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	if ext := strings.ToLower(filepath.Ext(*chart)); *chart != "" && ext != ".svg" && ext != ".html" {
		fmt.Fprintf(stderr, "thidua simulate: --chart must name a .svg or .html file, found %q\n", *chart)
		return exitUsage
	}
	t, okl := langOf(*langCode)
	if !okl {
		fmt.Fprintf(stderr, "thidua simulate: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if *n <= 0 || *n > simulation.MaxScenarios {
		fmt.Fprintln(stderr, t.Say("cli.sim.n", simulation.MaxScenarios, *n))
		return exitUsage
	}
	if !in.check("simulate", t, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}, input{"--model", *modelPath, docInput}) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	var model simulation.Model
	switch {
	case *modelPath != "" && (*rng != "" || *step != ""):
		fmt.Fprintf(stderr, "thidua simulate: give --model or --range with --step, not both\n")
		return exitUsage
	case *modelPath != "":
		m, err := doc(in, *modelPath, simulation.MaxModelBytes, simulation.LoadModel, simulation.ParseModel)
		if err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
		model = m
	case *rng != "" && *step != "":
		r, err1 := sheets.ParseDecimal(*rng)
		s, err2 := sheets.ParseDecimal(*step)
		if err1 != nil || err2 != nil {
			fmt.Fprintf(stderr, "thidua simulate: --range and --step take numbers like 0.5 and 0.25\n")
			return exitUsage
		}
		model.Default = &simulation.Uncertainty{Range: r, Step: s}
	default:
		fmt.Fprintf(stderr, "thidua simulate: give --model FILE, or --range and --step\n")
		return exitUsage
	}
	if lots.set {
		cfg.LotsSeed = &lots.v
	}
	if refuseOverwrite("simulate", t, stderr, []string{*chart}, []string{*rulesPath, *scoresPath, *mapping, *modelPath}) {
		return exitUsage
	}
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, t, stderr)
	if !ok {
		return exitBadInput
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if stderrIsTerminal() {
		cfg.Progress = progressBar(rawStderr(stderr), t)
	}
	res, err := simulation.Run(ctx, rb, sh, model, cfg)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	var file *staged
	if *chart != "" {
		if file, err = stageChart(*chart, res, simulation.ChartOptions{Lang: t, Rulebook: rb}); err != nil {
			fmt.Fprintf(stderr, "thidua simulate: %v\n", err)
			return exitBadInput
		}
	}
	code := exitOK
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "thidua simulate: %v\n", err)
			code = exitBadInput
		}
	} else {
		printOdds(stdout, t, rb.Awards(), rb.Grades(), res)
	}
	return finish("simulate", code, stdout, stderr, nil, file)
}

// stageChart writes the rank-probability chart as SVG or HTML (by the
// extension of path), in the command's language with the award tiers
// named, staged until the command commits it.
func stageChart(path string, res *simulation.Result, o simulation.ChartOptions) (*staged, error) {
	f, err := stage(path)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(path), ".html") {
		err = res.WriteHTMLIn(f, o)
	} else {
		err = res.WriteSVGIn(f, o)
	}
	if err != nil {
		f.discard()
		return nil, err
	}
	return f, nil
}

// progressBar draws a bar on a terminal, overwriting one line, in the
// language of the command ("kịch bản" or "scenarios", the elapsed time
// with a decimal comma in Vietnamese).
func progressBar(w io.Writer, t lang.Tag) func(done, total int) {
	start := time.Now()
	return func(done, total int) {
		const width = 30
		fill := width * done / max(total, 1)
		fmt.Fprintf(w, "\r[%s%s] %3d%% %d/%d %s, %s", strings.Repeat("#", fill), strings.Repeat(" ", width-fill),
			100*done/max(total, 1), done, total, t.Say("cli.sim.progress"),
			t.Number(time.Since(start).Round(100*time.Millisecond).String()))
		if done >= total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}

// printOdds writes each member's odds: of each award tier (with its
// confidence interval), of each grading band (xếp loại) if the rulebook
// grades, of each rank, and of sharing a rank.
func printOdds(w io.Writer, t lang.Tag, tiers []rules.AwardTier, grades []rules.Grade, r *simulation.Result) {
	engine := t.Say("cli.sim.engine", strings.Replace(r.Engine, "compiled", t.Say("cli.sim.compiled"), 1))
	fmt.Fprintln(w, t.Say("cli.sim.head", r.Completed, r.Seed, engine))
	fmt.Fprintln(w, t.Say("cli.rulebook", rulebookName(r.Rulebook), r.Rulebook.Version, r.Rulebook.Hash))
	fmt.Fprintln(w, t.Say("cli.sheet", r.SheetHash))
	if r.Partial {
		fmt.Fprintln(w, t.Say("cli.sim.partial", r.Completed, r.Scenarios))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t", t.Say("cli.member"))
	for _, tier := range tiers {
		fmt.Fprintf(tw, "%s\t", tier.Name)
	}
	ungraded := len(r.Members) > 0 && r.Members[0].Ungraded != nil
	for _, g := range grades {
		fmt.Fprintf(tw, "%s\t", g.Name)
	}
	if ungraded {
		fmt.Fprintf(tw, "%s\t", t.Say("cli.sim.ungraded"))
	}
	n := len(r.Members)
	for k := range n {
		fmt.Fprintf(tw, "%s\t", t.Say("cli.sim.rank", k+1))
	}
	fmt.Fprintf(tw, "%s\t\n", t.Say("cli.sim.tied"))
	for _, m := range r.ByOdds() {
		fmt.Fprintf(tw, "%s\t", m.Member.Name)
		for _, s := range m.Awards {
			fmt.Fprintf(tw, "%s\t", t.Number(withCI(s)))
		}
		for _, s := range m.Grades {
			fmt.Fprintf(tw, "%s\t", t.Number(pctOfShare(s)))
		}
		if ungraded {
			fmt.Fprintf(tw, "%s\t", t.Number(pctOfShare(*m.Ungraded)))
		}
		for _, s := range m.Ranks {
			fmt.Fprintf(tw, "%s\t", t.Number(pctOfShare(s)))
		}
		fmt.Fprintf(tw, "%s\t\n", t.Number(pctOfShare(m.Tied)))
	}
	tw.Flush()
	fmt.Fprintln(w, "\n"+t.Say("cli.sim.unresolved", t.Number(withCI(r.Ties)), t.Number(withCI(r.Pending))))
	fmt.Fprintln(w, t.Say("cli.sim.note"))
	if len(grades) > 0 {
		fmt.Fprintln(w, t.Say("cli.sim.grade_note"))
	}
}

func pctOf(d decimal.Decimal) string {
	if d.IsZero() {
		return "—"
	}
	return d.Mul(decimal.NewFromInt(100)).StringFixed(1) + "%"
}

// pctOfShare shows a share, "<0.1%" for one that happened but rounds to
// zero, "—" for one that never happened.
func pctOfShare(s simulation.Share) string {
	if s.Count > 0 && s.P.Mul(decimal.NewFromInt(100)).Round(1).IsZero() {
		return "<0.1%"
	}
	return pctOf(s.P)
}

func withCI(s simulation.Share) string {
	if s.Count == 0 {
		return "—"
	}
	return fmt.Sprintf("%s (%s–%s)", pctOfShare(s), pctOf(s.Low), pctOf(s.High))
}
