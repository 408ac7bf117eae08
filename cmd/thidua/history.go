package main

// The commands that follow a cluster across its year and across years:
//
//	thidua history --file HISTORY [--cluster C] [--member M] [--years N] [--lang vi|en]
//	thidua nominate --province FILE [--lang vi|en]
//	thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M] [--lang vi|en]
//	thidua titles --file FILE [--lang vi|en]
//
// Each parses its flags, asks the year packages (year/history,
// year/province, year/covenant, year/titles) for the report and prints it
// with the report's WriteText, in Vietnamese by default, in English with
// --lang en: every sentence comes from the lang package's catalogue, and
// members, clusters and awards are written by the names the files give.

import (
	"fmt"
	"io"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/covenant"
	"github.com/thidua/thidua/year/history"
	"github.com/thidua/thidua/year/province"
	"github.com/thidua/thidua/year/titles"
)

// yearLang reads the --lang flag of the command called name; a value other
// than vi or en is reported on stderr.
func yearLang(name, code string, stderr io.Writer) (lang.Tag, bool) {
	t, err := lang.Parse(code)
	if err != nil {
		fmt.Fprintf(stderr, "thidua %s: --lang must be vi or en, found %q\n", name, code)
		return t, false
	}
	return t, true
}

// textReport is a report of the year packages, written in a language.
type textReport interface {
	WriteText(w io.Writer, t lang.Tag) error
}

// textOf writes an error of the library in the language (its Text), any
// other as it states itself.
func textOf(err error, t lang.Tag) string {
	if x, ok := err.(interface{ Text(lang.Tag) string }); ok {
		return x.Text(t)
	}
	return err.Error()
}

// printed is the exit code of a command whose output was written with
// err: a write error is reported by run (stdout is a checkedWriter).
func printed(err error) int {
	if err != nil {
		return exitBadInput
	}
	return exitOK
}

// historyCmd prints, per cluster, who headed it and who ranked first each
// year, its membership changes, the awards per member over the years
// (following mergers) and what the history decided; with --member, one
// unit's awards and roles over the years.
func historyCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("history")
	file := fs.String("file", "", h.Say("help.flag.file.history"))
	cluster := fs.String("cluster", "", h.Say("help.flag.cluster.history"))
	member := fs.String("member", "", h.Say("help.flag.member.history"))
	years := fs.Int("years", 0, h.Say("help.flag.years"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	if code, ok := parse(fs, args, required{"file", file}); !ok {
		return code
	}
	if *years < 0 {
		fmt.Fprintf(stderr, "thidua history: --years must be positive, found %d\n", *years)
		return exitUsage
	}
	t, ok := yearLang("history", *langCode, stderr)
	// A history refers to rulebooks and sheets by paths relative to its
	// file; read from standard input, it would be read without them.
	if !ok || !unsupported("history", t, stderr, "--file", *file) {
		return exitUsage
	}
	hist, err := history.Load(*file)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	ids := hist.Clusters()
	if *cluster != "" {
		ids = []string{*cluster}
	}
	var reports []textReport
	if *member != "" {
		from, to := hist.Span(ids, *years)
		r, err := hist.MemberReport(*member, ids, from, to)
		if err != nil {
			fmt.Fprintf(stderr, "thidua history: %s\n", textOf(err, t))
			return exitUsage
		}
		reports = append(reports, r)
	} else {
		for _, id := range ids {
			from, to := hist.Span([]string{id}, *years)
			r, err := hist.ClusterReport(id, from, to)
			if err != nil {
				fmt.Fprintf(stderr, "thidua history: %s\n", textOf(err, t))
				return exitUsage
			}
			reports = append(reports, r)
		}
	}
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := r.WriteText(stdout, t); err != nil {
			return exitBadInput
		}
	}
	return exitOK
}

// nominateCmd prints the clusters' proposals with the provincial council's
// decisions, the Government-flag quota and the ranking of the candidates.
func nominateCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("nominate")
	file := fs.String("province", "", h.Say("help.flag.province"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	if code, ok := parse(fs, args, required{"province", file}); !ok {
		return code
	}
	t, ok := yearLang("nominate", *langCode, stderr)
	if !ok || !in.check("nominate", t, stderr, input{"--province", *file, docInput}) {
		return exitUsage
	}
	// From standard input, a province cannot name history files: they are
	// found beside the province file (province.Load).
	p, err := doc(in, *file, province.MaxBytes, province.Load, province.Parse)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	return printed(p.WriteText(stdout, t))
}

// covenantCmd prints a covenant's progress at an interim report and, with
// a rulebook, the projected year-end standings.
func covenantCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("covenant progress")
	file := fs.String("covenant", "", h.Say("help.flag.covenant"))
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules.covenant"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores.covenant"))
	months := fs.Int("months", 0, h.Say("help.flag.months"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	if len(args) == 0 || args[0] != "progress" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			parseFlags(fs, args)
			return exitOK
		}
		fmt.Fprintln(stderr, h.Say("help.usage"))
		fmt.Fprintln(stderr, "  "+helpFor("covenant progress").synopsis[0])
		return exitUsage
	}
	if code, ok := parse(fs, args[1:], required{"covenant", file}); !ok {
		return code
	}
	if *scoresPath != "" && *rulesPath == "" {
		fmt.Fprintln(stderr, "thidua covenant progress: --scores needs --rules")
		return exitUsage
	}
	t, ok := yearLang("covenant progress", *langCode, stderr)
	if !ok || !in.check("covenant progress", t, stderr, input{"--covenant", *file, docInput}, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}) {
		return exitUsage
	}
	c, err := doc(in, *file, covenant.MaxBytes, covenant.Load, covenant.Parse)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	prog, err := c.Progress(*months)
	if err != nil {
		fmt.Fprintf(stderr, "thidua covenant progress: %s\n", textOf(err, t))
		return exitBadInput
	}
	if err := c.WriteProgress(stdout, prog, t); err != nil || *rulesPath == "" {
		return printed(err)
	}
	rb, err := in.rules(*rulesPath)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	var base scoring.Sheet
	if *scoresPath != "" {
		// Read only: the sheet lacks the covenant's criteria until the
		// projection adds them, so it is checked after.
		var warnings []scoresheet.Warning
		base, warnings, err = in.sheet(rb, *scoresPath, "", false)
		warnReader(stderr, t, warnings)
		if err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
	}
	fc, err := c.Project(rb, base, prog.Months)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout)
	return printed(fc.WriteText(stdout, t))
}

// titlesCmd checks a unit's titles against their conditions and quotas.
// It exits 1 when a title exceeds its quota or a holder fails a condition.
func titlesCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("titles")
	file := fs.String("file", "", h.Say("help.flag.file.titles"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	if code, ok := parse(fs, args, required{"file", file}); !ok {
		return code
	}
	t, ok := yearLang("titles", *langCode, stderr)
	if !ok || !in.check("titles", t, stderr, input{"--file", *file, docInput}) {
		return exitUsage
	}
	ts, err := doc(in, *file, titles.MaxBytes, titles.Load, titles.Parse)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	if err := ts.WriteText(stdout, t); err != nil {
		return exitBadInput
	}
	if r := ts.Check(); !r.OK() {
		fmt.Fprintf(stderr, "thidua titles: %s\n", lang.Msg("titles.report.failed").In(t))
		return exitBadInput
	}
	return exitOK
}
