// Command thidua scores and ranks the members of an emulation cluster (cụm
// thi đua) under a rulebook and proposes its awards.
//
// Usage:
//
//	thidua rank --rules RULEBOOK --scores SHEET [--format table|json] [--explain] [--seed N]
//	thidua validate --rules RULEBOOK [--scores SHEET]
//	thidua template --rules RULEBOOK --out FILE.xlsx [--members FILE]
//	thidua simulate --rules RULEBOOK --scores SHEET (--model MODEL | --range R --step S) [--n N] [--seed S] [--chart FILE]
//	thidua audit --rules RULEBOOK --scores SHEET --recorded RESULT [--format md|json|html] [--out FILE]
//	thidua audit --batch DIR
//	thidua documents --rules RULEBOOK --scores SHEET --kind summary|submission [--format md|html|docx]
//	thidua history --file HISTORY [--cluster C] [--member M] [--years N]
//	thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M]
//	thidua nominate --province FILE
//	thidua titles --file FILE
//	thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER)
//	thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D
//	thidua scenario --rules RULEBOOK --scores SHEET --edits FILE
//	thidua seal --rules RULEBOOK --scores SHEET [--seed N] [--prev RECORD] [--key KEY] [--compact] --out RECORD.json
//	thidua verify RECORD.json [--rules RULEBOOK --scores SHEET] [--pub KEY.pub] [--chain DIR]
//	thidua keygen --out NAME
//	thidua diff OLD NEW [--scores SHEET] [--format table|json] [--seed N]
//	thidua check --rules RULEBOOK [--scores SHEET] [--n N] [--seed S] [--format table|json]
//	thidua serve [--addr 127.0.0.1:8080] [--timeout 30s]
//
// Every command writes Vietnamese (labels, sentences, decimal commas)
// unless --lang en; JSON output is the same in both languages. Exit codes:
// 0 ok, 1 bad input (a rulebook or sheet with problems), 2 usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/thidua/thidua/lang"
)

const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `thidua scores and ranks the members of an emulation cluster (cụm thi đua).

Usage:
  thidua rank --rules RULEBOOK --scores SHEET [--format table|json] [--explain] [--seed N] [--out FILE.xlsx]
  thidua validate --rules RULEBOOK [--scores SHEET]
  ` + templateUsage + `
  thidua simulate --rules RULEBOOK --scores SHEET (--model MODEL | --range R --step S) [--n N] [--seed S] [--chart FILE]
  thidua audit --rules RULEBOOK --scores SHEET --recorded RESULT [--format md|json|html] [--out FILE]
  thidua audit --batch DIR [--format md|json|html]
  thidua documents --rules RULEBOOK --scores SHEET --kind summary|submission [--format md|html|docx] [--out FILE]
  thidua history --file HISTORY [--cluster C] [--member M] [--years N]
  thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M]
  thidua nominate --province FILE
  thidua titles --file FILE
` + whatifUsage + recordUsage + diffUsage + "\n" + checkUsage + "\n  " + serveUsage + "\n" + `
  RULEBOOK is a YAML or JSON rulebook; SHEET a CSV, JSON, YAML or XLSX score sheet
  (--mapping FILE for an .xlsx layout that is not detected).
  Every command writes Vietnamese (labels, sentences, decimal commas) unless --lang en;
  JSON output is the same in both.
  Exit codes: 0 ok, 1 bad input, 2 usage.
`

// run is the whole program, with its streams passed in for tests.
func run(args []string, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	code := dispatch(args, out, stderr)
	if out.err != nil {
		fmt.Fprintf(stderr, "thidua: cannot write the output: %v\n", out.err)
		if code == exitOK {
			code = exitBadInput
		}
	}
	return code
}

// dispatch runs the command args name.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "rank":
		return rankCmd(args[1:], stdout, stderr)
	case "validate":
		return validateCmd(args[1:], stdout, stderr)
	case "simulate":
		return simulateCmd(args[1:], stdout, stderr)
	case "history":
		return historyCmd(args[1:], stdout, stderr)
	case "nominate":
		return nominateCmd(args[1:], stdout, stderr)
	case "covenant":
		return covenantCmd(args[1:], stdout, stderr)
	case "titles":
		return titlesCmd(args[1:], stdout, stderr)
	case "template":
		return templateCmd(args[1:], stdout, stderr)
	case "documents":
		return documentsCmd(args[1:], stdout, stderr)
	case "audit":
		return auditCmd(args[1:], stdout, stderr)
	case "whatif":
		return whatifCmd(args[1:], stdout, stderr)
	case "sensitivity":
		return sensitivityCmd(args[1:], stdout, stderr)
	case "scenario":
		return scenarioCmd(args[1:], stdout, stderr)
	case "seal":
		return sealCmd(args[1:], stdout, stderr)
	case "verify":
		return verifyCmd(args[1:], stdout, stderr)
	case "keygen":
		return keygenCmd(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "check":
		return checkCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "thidua: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// seedFlag is an optional uint64 flag.
type seedFlag struct {
	set bool
	v   uint64
}

func (s *seedFlag) String() string {
	if !s.set {
		return ""
	}
	return strconv.FormatUint(s.v, 10)
}

func (s *seedFlag) Set(v string) error {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return errors.New("expected a whole number")
	}
	s.set, s.v = true, n
	return nil
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("thidua "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// required names a flag that must be given.
type required struct {
	name  string
	value *string
}

// parse parses flags, reporting misuse: every required flag that is
// missing, in the order given. ok is false if the command must stop with
// the returned code.
func parse(fs *flag.FlagSet, args []string, req ...required) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage, false
	}
	var missing []string
	for _, r := range req {
		if *r.value == "" {
			missing = append(missing, "--"+r.name)
		}
	}
	switch len(missing) {
	case 0:
		return exitOK, true
	case 1:
		fmt.Fprintf(fs.Output(), "%s: %s is required\n", fs.Name(), missing[0])
	default:
		fmt.Fprintf(fs.Output(), "%s: %s are required\n", fs.Name(), lang.English.Join(missing))
	}
	fs.Usage()
	return exitUsage, false
}
