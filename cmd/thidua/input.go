package main

// Input files, and standard input. Every flag that names an input file
// takes "-" for standard input, in the format --input-format names; at
// most one input of a command may be "-". Standard input is read with the
// limits of the file it stands for: the library's reader where it takes
// one (a score sheet: sheets.MaxBytes, or the workbook limits of
// xlsx.Limits), else internal/bounded with the limit of the file's loader
// (rules.MaxBytes, simulation.MaxModelBytes, …), so that an endless
// stream is refused as a file would be.

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// stdinName is how problems name standard input ("stdin:4: …").
const stdinName = "stdin"

// mappingLimit is the size limit of an Excel mapping file, as
// xlsx.LoadMapping reads one (xlsx.ParseMapping refuses a larger one).
const mappingLimit = 1 << 20

// inputKind is what an input file is, for the formats it may be written
// in.
type inputKind int

const (
	docInput      inputKind = iota // a YAML or JSON document: rulebook, model, scenario, history, mapping …
	sheetInput                     // a score sheet: CSV, JSON, YAML or an Excel workbook
	recordedInput                  // a recorded result: CSV, JSON or YAML
	recordInput                    // a sealed record: JSON
)

// formats lists the formats --input-format may name for an input of the
// kind.
func (k inputKind) formats() []scoresheet.Format {
	switch k {
	case sheetInput:
		return []scoresheet.Format{scoresheet.CSV, scoresheet.JSON, scoresheet.YAML, scoresheet.XLSX}
	case recordedInput:
		return []scoresheet.Format{scoresheet.CSV, scoresheet.JSON, scoresheet.YAML}
	case recordInput:
		return []scoresheet.Format{scoresheet.JSON}
	}
	return []scoresheet.Format{scoresheet.JSON, scoresheet.YAML}
}

// input is one input flag of a command as given: its name ("--scores", or
// "RECORD" for an argument) and value.
type input struct {
	flag string
	path string
	kind inputKind
}

// inputs are a command's input files: at most one of them "-" (standard
// input), read in the format --input-format names.
type inputs struct {
	stdin  io.Reader
	format *string
	// f is the format --input-format names: that of standard input, or,
	// when no input is "-", of the score sheet (sheetOverride).
	f             scoresheet.Format
	sheetOverride bool
	// data is what was read of standard input, once read (read).
	data []byte
	read bool
}

// inputs defines --input-format on the command's flags.
func (e *env) inputs(fs *flag.FlagSet) *inputs {
	return &inputs{stdin: e.stdin, format: fs.String("input-format", "", e.help.Say("help.flag.input_format"))}
}

// check checks the command's inputs, once its flags are parsed: one "-"
// at most, whose format --input-format gives, in a format the input may be
// in; --input-format without "-" overrides the extension of the score
// sheet, and is a usage error in a command that reads none. A problem is
// written on stderr; ok is false then (exit 2).
func (in *inputs) check(cmd string, t lang.Tag, stderr io.Writer, ins ...input) bool {
	var dash []input
	var sheet *input
	for i, x := range ins {
		if x.path == "-" {
			dash = append(dash, x)
		} else if x.path != "" && x.kind == sheetInput && sheet == nil {
			sheet = &ins[i]
		}
	}
	if len(dash) > 1 {
		names := make([]string, len(dash))
		for i, x := range dash {
			names[i] = x.flag
		}
		fmt.Fprintln(stderr, t.Say("cli.stdin.twice", cmd, t.Join(names)))
		return false
	}
	var target input
	switch {
	case len(dash) == 1:
		target = dash[0]
		if *in.format == "" {
			fmt.Fprintln(stderr, t.Say("cli.stdin.format", cmd, target.flag, formatList(target.kind)))
			return false
		}
	case *in.format == "":
		return true
	case sheet != nil:
		target, in.sheetOverride = *sheet, true
	default:
		fmt.Fprintln(stderr, t.Say("cli.stdin.unused", cmd))
		return false
	}
	f, err := scoresheet.ParseFormat(*in.format)
	ok := err == nil
	if ok {
		ok = false
		for _, g := range target.kind.formats() {
			ok = ok || g == f
		}
	}
	if !ok {
		fmt.Fprintln(stderr, t.Say("cli.stdin.format.bad", cmd, formatList(target.kind), target.flag, strconv.Quote(*in.format)))
		return false
	}
	in.f = f
	return true
}

// formatList names the formats of an input kind: "csv, json, yaml, xlsx".
func formatList(k inputKind) string {
	var names []string
	for _, f := range k.formats() {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// unsupported is the usage error of an input that cannot be read from
// standard input (path "-"); ok is false then.
func unsupported(cmd string, t lang.Tag, stderr io.Writer, flagName, path string) bool {
	if path == "-" {
		fmt.Fprintln(stderr, t.Say("cli.stdin.unsupported", cmd, flagName))
		return false
	}
	return true
}

// name is the input as problems name it: its path, or "stdin".
func (in *inputs) name(path string) string {
	if path == "-" {
		return stdinName
	}
	return path
}

// bytes reads an input whole, at most limit bytes of it, as
// bounded.ReadFile does (a *bounded.TooLargeError beyond). Standard input
// is read once: its bytes are kept for a second look (a record's file
// hashes).
func (in *inputs) bytes(path string, limit int64) ([]byte, error) {
	if path != "-" {
		return bounded.ReadFile(path, limit)
	}
	if !in.read {
		in.read = true
		data, err := bounded.Read(stdinName, in.stdin, limit)
		if err != nil {
			return nil, err
		}
		in.data = data
	}
	if int64(len(in.data)) > limit {
		return nil, &bounded.TooLargeError{Path: stdinName, Limit: limit}
	}
	return in.data, nil
}

// reader opens an input for a library reader that bounds what it reads
// itself; done must be called once it has read. Standard input is read
// into memory once, at most one byte more than the largest score sheet
// (sheets.MaxBytes; a workbook's limit, xlsx.Limits, is smaller), so that
// the library still finds an input too large and says so as it does of a
// file; its bytes are kept for a second reading (diff ranks the sheet
// under two rulebooks) and for a record's file hash.
func (in *inputs) reader(path string) (r io.Reader, done func(), err error) {
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	if !in.read {
		in.read = true
		if in.data, err = io.ReadAll(io.LimitReader(in.stdin, sheets.MaxBytes+1)); err != nil {
			return nil, nil, err
		}
	}
	return bytes.NewReader(in.data), func() {}, nil
}

// doc reads a YAML or JSON document: load reads a file, parse the bytes of
// standard input (read at most limit bytes, the limit load has).
func doc[T any](in *inputs, path string, limit int64, load func(string) (T, error), parse func(string, []byte) (T, error)) (T, error) {
	if path != "-" {
		return load(path)
	}
	data, err := in.bytes(path, limit)
	if err != nil {
		var zero T
		return zero, err
	}
	return parse(stdinName, data)
}

// rules reads a rulebook (rules.Load, or rules.Parse of standard input).
func (in *inputs) rules(path string) (*rules.Rulebook, error) {
	return doc(in, path, rules.MaxBytes, rules.Load, rules.Parse)
}

// sheetOptions are the options of a score sheet read with the mapping
// file mapping ("" none, "-" standard input).
func (in *inputs) sheetOptions(mapping string) ([]scoresheet.Option, error) {
	if mapping != "-" {
		return []scoresheet.Option{scoresheet.WithMappingFile(mapping)}, nil
	}
	in.read = true
	data, err := io.ReadAll(io.LimitReader(in.stdin, mappingLimit+1))
	if err != nil {
		return nil, err
	}
	m, err := xlsx.ParseMapping(stdinName, data) // refuses more than mappingLimit
	if err != nil {
		return nil, err
	}
	return []scoresheet.Option{scoresheet.WithMapping(m)}, nil
}

// sheet reads a score sheet in any format, checked against the rulebook
// (scoresheet.Check) if check, else only read (scoresheet.Load): a file in
// the format its extension names, or --input-format's; standard input in
// --input-format's.
func (in *inputs) sheet(rb *rules.Rulebook, path, mapping string, check bool) (scoring.Sheet, []scoresheet.Warning, error) {
	opts, err := in.sheetOptions(mapping)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	if path != "-" && !in.sheetOverride {
		if check {
			return scoresheet.Check(rb, path, opts...)
		}
		return scoresheet.Load(rb, path, opts...)
	}
	r, done, err := in.reader(path)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	defer done()
	if check {
		return scoresheet.CheckReader(rb, in.name(path), r, in.f, opts...)
	}
	return scoresheet.Read(rb, in.name(path), r, in.f, opts...)
}

// sheetBytes are a score sheet's bytes, for its file hash: within the
// limit of its reader (sheets.MaxBytes; an .xlsx file's is smaller).
func (in *inputs) sheetBytes(path string) ([]byte, error) {
	return in.bytes(path, sheets.MaxBytes)
}

// load is loadWith without a mapping file.
func (in *inputs) load(rulesPath, scoresPath string, t lang.Tag, stderr io.Writer) (*rules.Rulebook, scoring.Sheet, bool) {
	return in.loadWith(rulesPath, scoresPath, "", t, stderr)
}

// loadWith reads and checks a rulebook and, if a path is given, a score
// sheet in any format (an .xlsx workbook read with the mapping file, if
// one is given), reporting every problem and warning on stderr.
func (in *inputs) loadWith(rulesPath, scoresPath, mappingPath string, t lang.Tag, stderr io.Writer) (*rules.Rulebook, scoring.Sheet, bool) {
	rb, err := in.rules(rulesPath)
	if err != nil {
		report(stderr, t, err)
		return nil, scoring.Sheet{}, false
	}
	if scoresPath == "" {
		return rb, scoring.Sheet{}, true
	}
	sh, warnings, err := in.sheet(rb, scoresPath, mappingPath, true)
	warnReader(stderr, t, warnings)
	if err != nil {
		report(stderr, t, err)
		return rb, sh, false
	}
	warn(stderr, t, sh)
	return rb, sh, true
}
