package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/scoresheet"
)

const auditUsage = `Usage:
  thidua audit --rules RULEBOOK --scores SHEET --recorded RECORDED [--mapping FILE] [--format md|json|html] [--lang vi|en] [--out FILE]
  thidua audit --rules RULEBOOK --scores SHEET --recorded RECORD.json [--pub KEY.pub] [--format md|json|html] [--lang vi|en] [--out FILE]
  thidua audit --batch DIR [--format md|json|html] [--lang vi|en] [--out FILE]

Checks a published result (the minutes' totals, ranks, awards, votes and
cited tie-breaks, in RECORDED) against the score sheet and the rulebook:
recomputes it and reports every discrepancy. SHEET is CSV, JSON, YAML or
an .xlsx workbook. RECORDED may be a sealed record (thidua seal, schema
thidua/record/v1): it is then verified against the rulebook and the sheet
(altered, another rulebook, another sheet, another result, another key)
instead of being recomputed. With --batch, audits every cluster-year
folder under DIR (each with rulebook.yaml, scores*.csv or scores*.xlsx
and recorded*.csv, and optionally a sealed record record*.json), and
checks that each folder's rulebook is the one of its cluster and year
(not two for one cluster and period, the one sealed, not dated after the
scores). Reports are in Vietnamese unless --lang en; JSON is the
same in both. Exit codes: 0 no error found, 1 errors found or bad input,
2 usage.

Flags:
`

// auditCmd is thidua audit: one cluster's recorded result, or a folder of
// them with --batch.
func auditCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("audit", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	recordedPath := fs.String("recorded", "", "recorded result `file`: what the minutes published (CSV, JSON or YAML)")
	pubPath := fs.String("pub", "", "the secretariat's public `key` (PEM): a sealed record given as --recorded must be signed with it")
	batch := fs.String("batch", "", "audit every cluster-year folder under `dir`")
	format := fs.String("format", "md", "report `format`: md, json or html")
	out := fs.String("out", "", "write the report to `file` instead of standard output")
	langCode := fs.String("lang", "vi", "`language` of the report: vi or en")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), auditUsage)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	f, err := audit.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "thidua audit: --format must be md, json or html, found %q\n", *format)
		return exitUsage
	}
	tag, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua audit: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	single := *rulesPath != "" || *scoresPath != "" || *recordedPath != "" || *mapping != "" || *pubPath != ""
	switch {
	case *batch != "" && single:
		fmt.Fprintln(stderr, "thidua audit: --batch audits a folder; it cannot be combined with --rules, --scores, --recorded, --mapping or --pub")
		return exitUsage
	case *batch == "" && (*rulesPath == "" || *scoresPath == "" || *recordedPath == ""):
		fmt.Fprintln(stderr, "thidua audit: --rules, --scores and --recorded are required (or --batch DIR)")
		fs.Usage()
		return exitUsage
	case *pubPath != "" && !audit.IsSealedRecord(*recordedPath):
		fmt.Fprintln(stderr, "thidua audit: --pub checks the signature of a sealed record, and --recorded is not one (schema thidua/record/v1)")
		return exitUsage
	}
	inputs := []string{*rulesPath, *scoresPath, *recordedPath, *mapping, *pubPath}
	if refuseOverwrite("audit", tag, stderr, []string{*out}, inputs) {
		return exitUsage
	}
	if *out != "" && *batch != "" && insideTree(*out, *batch) {
		if st, err := os.Lstat(*out); err == nil && st.Mode().IsRegular() {
			fmt.Fprintln(stderr, tag.Say("cli.audit.inside", *out, *batch))
			return exitUsage
		}
	}
	w := stdout
	var file *staged
	if *out != "" {
		if file, err = stage(*out); err != nil {
			fmt.Fprintf(stderr, "thidua audit: %v\n", err)
			return exitBadInput
		}
		w = file
	}
	var code int
	var wrote bool
	if *batch != "" {
		code, wrote = auditBatch(*batch, f, tag, w, stderr)
	} else {
		code, wrote = auditOne(*rulesPath, *scoresPath, *recordedPath, *mapping, *pubPath, f, tag, w, stderr)
	}
	if file == nil {
		return code
	}
	// The report is the command's product even when it finds errors
	// (exit 1): it is kept then. It is not kept when the audit could not
	// run or its report could not be written in full.
	written := code
	if code == exitBadInput && wrote {
		written = exitOK
	}
	if finish("audit", written, stdout, stderr, func() {
		fmt.Fprintln(stdout, tag.Say("cli.audit.written", *out))
	}, file) != exitOK {
		return exitBadInput
	}
	return code
}

// auditOne audits one cluster's recorded result, writing the report to w.
// A recorded result that is a sealed record is verified against the
// rulebook and the sheet (audit.AuditSealed), its signature with the
// public key in pubPath if one is given. wrote is true if the whole report
// was written (whatever it found).
func auditOne(rulesPath, scoresPath, recordedPath, mappingPath, pubPath string, f audit.Format, tag lang.Tag, w, stderr io.Writer) (code int, wrote bool) {
	ctx, stop := interruptible()
	defer stop()
	var rep audit.Report
	var err error
	if audit.IsSealedRecord(recordedPath) {
		var key ed25519.PublicKey
		if pubPath != "" {
			if key, err = record.ReadPublicKey(pubPath); err != nil {
				report(stderr, tag, err)
				return exitBadInput, false
			}
		}
		rep, err = audit.AuditSealed(ctx, rulesPath, scoresPath, recordedPath, key, scoresheet.WithMappingFile(mappingPath))
	} else {
		rep, err = audit.AuditFiles(ctx, rulesPath, scoresPath, recordedPath, scoresheet.WithMappingFile(mappingPath))
	}
	if err != nil {
		report(stderr, tag, err)
		return exitBadInput, false
	}
	if err := rep.WriteIn(w, f, tag); err != nil {
		fmt.Fprintf(stderr, "thidua audit: %v\n", err)
		return exitBadInput, false
	}
	fmt.Fprintln(stderr, rep.Verdict.In(tag))
	if rep.Counts.Errors > 0 {
		return exitBadInput, true
	}
	return exitOK, true
}

// batchGCPercent is the garbage collector setting of a batch audit: the
// live heap is a few MiB, so Go's default (100) collects every few MiB
// allocated; 400 keeps the process under 100 MiB and audits about 40%
// faster.
const batchGCPercent = 400

// auditBatch audits every cluster-year folder under dir, writing the
// report to w. wrote is true if the whole report was written.
func auditBatch(dir string, f audit.Format, tag lang.Tag, w, stderr io.Writer) (code int, wrote bool) {
	defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	ctx, stop := interruptible()
	defer stop()
	bw, err := audit.NewBatchWriterIn(w, f, dir, tag)
	if err != nil {
		fmt.Fprintf(stderr, "thidua audit: %v\n", err)
		return exitBadInput, false
	}
	sum, err := audit.Batch(ctx, dir, bw.Cluster)
	if cerr := bw.Close(sum); err == nil {
		err = cerr
	}
	fmt.Fprintln(stderr, tag.Say("cli.audit.batch",
		sum.Clusters, sum.Clean, sum.WithErrors, sum.Malformed, sum.Counts.Errors, sum.Counts.Warnings, sum.Counts.Infos))
	if err != nil {
		fmt.Fprintf(stderr, "thidua audit: %v\n", err)
		return exitBadInput, false
	}
	if sum.WithErrors > 0 || sum.Malformed > 0 {
		return exitBadInput, true
	}
	return exitOK, true
}

// interruptible is the context of a long command: done when the user
// interrupts it (Ctrl-C), so that the library stops and the command exits
// cleanly, writing nothing.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}
