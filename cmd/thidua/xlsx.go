package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/sheets/xlsx"
)

// templateCmd writes the empty Excel score sheet of a rulebook, with a row
// per member and stage if the members are given (from a score sheet in any
// format, or a CSV list with an id and a name column).
func templateCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("template")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	out := fs.String("out", "", h.Say("help.flag.out.template"))
	members := fs.String("members", "", h.Say("help.flag.members"))
	cluster := fs.String("cluster", "", h.Say("help.flag.cluster.template"))
	year := fs.Int("year", 0, h.Say("help.flag.year"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang.template"))
	in := e.inputs(fs)
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"out", out}); !ok {
		return code
	}
	t, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua template: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		fmt.Fprintf(stderr, "thidua template: --out must name an .xlsx file, found %q\n", *out)
		return exitUsage
	}
	if *year < 0 || *year > 9999 {
		fmt.Fprintf(stderr, "thidua template: --year must be a year like 2020, found %d\n", *year)
		return exitUsage
	}
	if !unsupported("template", t, stderr, "--members", *members) || !in.check("template", t, stderr, input{"--rules", *rulesPath, docInput}) {
		return exitUsage
	}
	if refuseOverwrite("template", t, stderr, []string{*out}, []string{*rulesPath, *members}) {
		return exitUsage
	}
	rb, err := in.rules(*rulesPath)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	opts := xlsx.TemplateOptions{Cluster: *cluster, Year: *year}
	if *members != "" {
		sh, err := scoresheet.ReadMembers(rb, *members)
		if err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
		if err := sh.CheckNames(); err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
		warn(stderr, t, sh)
		opts.Members = sh.Members
		if opts.Cluster == "" {
			opts.Cluster = sh.Cluster
		}
		if opts.Year == 0 {
			opts.Year = sh.Year
		}
	}
	file, err := stage(*out)
	if err != nil {
		fmt.Fprintf(stderr, "thidua template: %v\n", err)
		return exitBadInput
	}
	if err := xlsx.Template(file, rb, opts); err != nil {
		file.discard()
		text := err.Error()
		var te *xlsx.TemplateError
		if errors.As(err, &te) {
			text = te.Text(t)
		}
		fmt.Fprintf(stderr, "thidua template: %s\n", text)
		return exitBadInput
	}
	return finish("template", exitOK, stdout, stderr, func() {
		templateWritten(stdout, t, *out, *rulesPath, rb, len(opts.Members))
	}, file)
}

// templateWritten says what template wrote and what to do next.
func templateWritten(stdout io.Writer, t lang.Tag, out, rulesPath string, rb *rules.Rulebook, members int) {
	fmt.Fprintln(stdout, t.Say("cli.template.written", out, rb.ID(), rb.Version(), members, len(rb.Assessment().Stages)))
	fmt.Fprintln(stdout, t.Say("cli.template.next", strconv.Quote(xlsx.SheetInstructions), rulesPath, out))
}

// stageResultsXLSX writes standings, with a scorecard sheet per member, as
// an Excel workbook in the language of --lang (rank --out results.xlsx).
// The file is staged: it replaces the target when the command commits it.
func stageResultsXLSX(path string, rb *rules.Rulebook, st *ranking.Standings, t lang.Tag) (*staged, error) {
	s, err := stage(path)
	if err != nil {
		return nil, err
	}
	if err := xlsx.WriteResults(s, rb, st, xlsx.ResultOptions{Scorecards: true, Lang: t}); err != nil {
		s.discard()
		return nil, err
	}
	return s, nil
}

// isXLSX reports whether a score sheet is an Excel workbook.
func isXLSX(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }
