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

// templateUsage is the synopsis of the template command.
const templateUsage = "thidua template --rules RULEBOOK --out FILE.xlsx [--members FILE] [--cluster NAME] [--year YEAR]"

// templateCmd writes the empty Excel score sheet of a rulebook, with a row
// per member and stage if the members are given (from a score sheet in any
// format, or a CSV list with an id and a name column).
func templateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("template", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	out := fs.String("out", "", "the score sheet `file` to write (.xlsx)")
	members := fs.String("members", "", "a `file` naming the members: a score sheet (CSV, JSON, YAML or .xlsx) or a CSV list with columns id and name")
	cluster := fs.String("cluster", "", "the cluster's `name` (default: the members file's)")
	year := fs.Int("year", 0, "the `year` assessed (default: the members file's, else the rulebook's year in force)")
	langCode := fs.String("lang", "vi", "`language` of the summary printed (the sheet itself is Vietnamese): vi or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n", templateUsage)
		fs.PrintDefaults()
	}
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
	if refuseOverwrite("template", t, stderr, []string{*out}, []string{*rulesPath, *members}) {
		return exitUsage
	}
	rb, err := rules.Load(*rulesPath)
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
