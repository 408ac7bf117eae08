package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"encoding/json"
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

// auditCmd is thidua audit: one cluster's recorded result, or a folder of
// them with --batch.
func auditCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("audit")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	recordedPath := fs.String("recorded", "", h.Say("help.flag.recorded"))
	pubPath := fs.String("pub", "", h.Say("help.flag.pub.audit"))
	batch := fs.String("batch", "", h.Say("help.flag.batch"))
	format := fs.String("format", "md", h.Say("help.flag.format.md_json_html"))
	out := fs.String("out", "", h.Say("help.flag.out.report"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
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
	case !in.check("audit", tag, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput},
		input{"--recorded", *recordedPath, recordedInput}, input{"--mapping", *mapping, docInput}) || !unsupported("audit", tag, stderr, "--pub", *pubPath):
		return exitUsage
	case *pubPath != "" && *recordedPath == "-":
		fmt.Fprintln(stderr, tag.Say("cli.audit.sealed_stdin"))
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
	jsonProblems(stderr, f == audit.JSON)
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
		code, wrote = auditOne(in, *rulesPath, *scoresPath, *recordedPath, *mapping, *pubPath, f, tag, w, stderr)
	}
	if file == nil || code == exitUsage {
		file.discard()
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
func auditOne(in *inputs, rulesPath, scoresPath, recordedPath, mappingPath, pubPath string, f audit.Format, tag lang.Tag, w, stderr io.Writer) (code int, wrote bool) {
	ctx, stop := interruptible()
	defer stop()
	var rep audit.Report
	var err error
	switch {
	case rulesPath == "-" || scoresPath == "-" || recordedPath == "-" || mappingPath == "-" || in.sheetOverride:
		var code int
		if rep, code = auditInputs(ctx, in, rulesPath, scoresPath, recordedPath, mappingPath, tag, stderr); code != exitOK {
			return code, false
		}
	case audit.IsSealedRecord(recordedPath):
		var key ed25519.PublicKey
		if pubPath != "" {
			if key, err = record.ReadPublicKey(pubPath); err != nil {
				report(stderr, tag, err)
				return exitBadInput, false
			}
		}
		rep, err = audit.AuditSealed(ctx, rulesPath, scoresPath, recordedPath, key, scoresheet.WithMappingFile(mappingPath))
	default:
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

// auditInputs audits a recorded result when one of the inputs is read from
// standard input, or the sheet in the format --input-format names: the
// command reads the rulebook, the recorded result and the sheet (only
// read, not checked: the audit reports its scoring problems as findings)
// and audits them (audit.Audit). Unlike audit.AuditFiles, it stops at a
// sheet whose rows cannot be read (exit 1, its problems on stderr) rather
// than reporting them as findings, and writes a workbook's warnings on
// stderr. A sealed record is audited from files only (exit 2).
func auditInputs(ctx context.Context, in *inputs, rulesPath, scoresPath, recordedPath, mappingPath string, tag lang.Tag, stderr io.Writer) (audit.Report, int) {
	rb, err := in.rules(rulesPath)
	if err != nil {
		report(stderr, tag, err)
		return audit.Report{}, exitBadInput
	}
	rec, sealed, err := in.recorded(recordedPath)
	if sealed {
		fmt.Fprintln(stderr, tag.Say("cli.audit.sealed_stdin"))
		return audit.Report{}, exitUsage
	}
	if err != nil {
		report(stderr, tag, err)
		return audit.Report{}, exitBadInput
	}
	sh, warnings, err := in.sheet(rb, scoresPath, mappingPath, false)
	warnReader(stderr, tag, warnings)
	if err != nil {
		report(stderr, tag, err)
		return audit.Report{}, exitBadInput
	}
	rep, err := audit.Audit(ctx, rb, sh, rec)
	if err != nil {
		report(stderr, tag, err)
		return audit.Report{}, exitBadInput
	}
	files := &rep.Inputs
	files.Rulebook.File = cmp.Or(files.Rulebook.File, in.name(rulesPath))
	files.Sheet.File = cmp.Or(files.Sheet.File, in.name(scoresPath))
	files.Recorded.File = cmp.Or(files.Recorded.File, in.name(recordedPath))
	return rep, exitOK
}

// recorded reads a recorded result: a file as audit.Load does, standard
// input in the format --input-format names, within audit.MaxBytes. sealed
// is true if it is a sealed record instead (thidua/record/v1), which is
// not read.
func (in *inputs) recorded(path string) (rec audit.Recorded, sealed bool, err error) {
	if path != "-" {
		if audit.IsSealedRecord(path) {
			return rec, true, nil
		}
		rec, err = audit.Load(path)
		return rec, false, err
	}
	if in.f == scoresheet.CSV {
		r, done, err := in.reader(path)
		if err != nil {
			return rec, false, err
		}
		defer done()
		rec, err = audit.ReadCSV(stdinName, r)
		return rec, false, err
	}
	data, err := in.bytes(path, audit.MaxBytes)
	if err != nil {
		return rec, false, err
	}
	if isSealedRecord(data) {
		return rec, true, nil
	}
	rec, err = audit.ParseJSON(stdinName, data)
	return rec, false, err
}

// isSealedRecord reports whether data is a sealed record: a JSON object
// whose schema is record.Schema (as audit.IsSealedRecord reads a file).
func isSealedRecord(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var head struct {
		Schema string `json:"schema"`
	}
	return json.Unmarshal(data, &head) == nil && head.Schema == record.Schema
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
