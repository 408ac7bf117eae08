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
//	thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER | --grade BAND)
//	thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D
//	thidua scenario --rules RULEBOOK --scores SHEET --edits FILE
//	thidua seal --rules RULEBOOK --scores SHEET [--seed N] [--prev RECORD] [--key KEY] [--compact] --out RECORD.json
//	thidua verify RECORD.json [--rules RULEBOOK --scores SHEET] [--pub KEY.pub] [--chain DIR] [--format table|json]
//	thidua keygen --out NAME
//	thidua diff OLD NEW [--scores SHEET] [--format table|json] [--seed N]
//	thidua check --rules RULEBOOK [--scores SHEET] [--n N] [--seed S] [--format table|json]
//	thidua serve [--addr 127.0.0.1:8080] [--timeout 30s] [--open]
//	thidua version
//
// An input file may be "-": it is then read from standard input, in the
// format --input-format names (csv, json, yaml or xlsx); one input at most
// per command. With --format json, the problems of a bad input are written
// on standard error as one JSON document, the body of the server's 422
// responses (schema thidua/problems/v1).
//
// Every command writes Vietnamese (labels, sentences, decimal commas, its
// help) unless --lang en; JSON output is the same in both languages. Exit
// codes: 0 ok, 1 bad input (a rulebook or sheet with problems), 2 usage.
//
// On Windows, thidua run without arguments — a double-click on thidua.exe —
// runs "thidua serve --open": the web page, opened in the default browser.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
)

const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		args = defaultArgs(runtime.GOOS)
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// defaultArgs are the arguments of thidua run without any, on the
// operating system goos: on Windows, where that is what a double-click on
// thidua.exe does, "serve --open" (the web page, opened in the browser);
// elsewhere none, so that the usage is printed.
func defaultArgs(goos string) []string {
	if goos == "windows" {
		return []string{"serve", "--open"}
	}
	return nil
}

// env is what a command runs with: its standard streams, the language of
// its help, and what it needs from the system that tests replace.
type env struct {
	stdin  io.Reader
	stdout io.Writer // a *checkedWriter under run
	stderr io.Writer // a *errStream under run
	// help is the language of the help and usage texts: --lang's, read
	// from the arguments before the flags are defined.
	help lang.Tag
	// open opens a URL in the default browser (serve --open).
	open func(url string) error
	// flagSets, if not nil, collects every flag set the command defines
	// (for the tests that check every flag's help).
	flagSets *[]*flag.FlagSet
}

// run is the whole program, with its streams passed in for tests. stdin
// may be nil (no input).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(&env{stdin: stdin, stdout: stdout, stderr: stderr, open: openBrowser}, args, dispatch)
}

// runEnv runs cmd with args in e, whose streams it wraps: standard output
// is checked (a command whose output is lost exits 1), standard error
// holds problems back for one JSON document when the command asks for
// JSON (see errStream).
func runEnv(e *env, args []string, cmd cmdFunc) int {
	if e.stdin == nil {
		e.stdin = strings.NewReader("")
	}
	out := &checkedWriter{w: e.stdout}
	errs := &errStream{w: e.stderr}
	e.stdout, e.stderr = out, errs
	e.help = helpLang(args)
	code := cmd(e, args)
	errs.flush()
	if out.err != nil {
		fmt.Fprintf(errs.w, "thidua: cannot write the output: %v\n", out.err)
		if code == exitOK {
			code = exitBadInput
		}
	}
	return code
}

// cmdFunc is a command: it runs with args (those after its name) in e and
// returns the exit code.
type cmdFunc func(e *env, args []string) int

// commandFunc is the command called name, nil if there is none.
func commandFunc(name string) cmdFunc {
	switch name {
	case "rank":
		return rankCmd
	case "validate":
		return validateCmd
	case "template":
		return templateCmd
	case "simulate":
		return simulateCmd
	case "audit":
		return auditCmd
	case "documents":
		return documentsCmd
	case "history":
		return historyCmd
	case "covenant":
		return covenantCmd
	case "nominate":
		return nominateCmd
	case "titles":
		return titlesCmd
	case "whatif":
		return whatifCmd
	case "sensitivity":
		return sensitivityCmd
	case "scenario":
		return scenarioCmd
	case "seal":
		return sealCmd
	case "verify":
		return verifyCmd
	case "keygen":
		return keygenCmd
	case "diff":
		return diffCmd
	case "check":
		return checkCmd
	case "serve":
		return serveCmd
	case "version":
		return versionCmd
	}
	return nil
}

// dispatch runs the command args name.
func dispatch(e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stderr, e.help)
		return exitUsage
	}
	if cmd := commandFunc(args[0]); cmd != nil {
		return cmd(e, args[1:])
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		printUsage(e.stdout, e.help)
		return exitOK
	case "-v", "-version", "--version":
		return versionCmd(e, nil)
	}
	fmt.Fprintln(e.stderr, e.help.Say("cli.usage.unknown", strconv.Quote(args[0])))
	fmt.Fprintln(e.stderr)
	printUsage(e.stderr, e.help)
	return exitUsage
}

// helpLang is the language of the help: that of the --lang flag among
// args (--lang en, --lang=en, -lang en), Vietnamese if there is none or it
// names no language. The flags are parsed after they are defined, with
// their help; the help's language must be known before.
func helpLang(args []string) lang.Tag {
	t := lang.Vietnamese
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				break
			}
			i++
			value = args[i]
		}
		if tag, err := lang.Parse(value); err == nil {
			t = tag
		}
	}
	return t
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

// required names a flag that must be given.
type required struct {
	name  string
	value *string
}

// parse parses flags, reporting misuse: every required flag that is
// missing, in the order given. ok is false if the command must stop with
// the returned code: --help (or -h) prints the command's help on standard
// output and stops with exit 0.
func parse(fs *flag.FlagSet, args []string, req ...required) (int, bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return code, false
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

// parseFlags parses args with fs; --help prints the help (see parse).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		return exitUsage, false
	}
	if helpAsked(fs) {
		return exitOK, false
	}
	return exitOK, true
}
