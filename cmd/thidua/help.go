package main

// The help: thidua --help, thidua CMD --help and the usage printed with a
// usage error. Every sentence of it, and every flag's description, is the
// catalogue's (keys help.*, lang/catalogue_help.go), in Vietnamese unless
// --lang en is among the arguments (helpLang reads it before the flags are
// defined). The synopses below are command lines, the same in both
// languages; flag names are English.

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/thidua/thidua/lang"
)

// helpEntry is a command's help: its synopsis lines and the catalogue key
// of what it does.
type helpEntry struct {
	name     string // as the flag set names it: "rank", "covenant progress"
	synopsis []string
	about    string
}

// helps are the commands' helps, in the order of thidua --help.
var helps = []helpEntry{
	{"rank", []string{"thidua rank --rules RULEBOOK --scores SHEET [--format table|json] [--explain] [--seed N] [--lang vi|en] [--out FILE.xlsx]"}, "help.cmd.rank"},
	{"validate", []string{"thidua validate --rules RULEBOOK [--scores SHEET]"}, "help.cmd.validate"},
	{"template", []string{"thidua template --rules RULEBOOK --out FILE.xlsx [--members FILE] [--cluster NAME] [--year YEAR]"}, "help.cmd.template"},
	{"simulate", []string{"thidua simulate --rules RULEBOOK --scores SHEET (--model MODEL | --range R --step S) [--n N] [--seed S] [--chart FILE] [--format table|json]"}, "help.cmd.simulate"},
	{"audit", []string{
		"thidua audit --rules RULEBOOK --scores SHEET --recorded RECORDED [--mapping FILE] [--format md|json|html] [--out FILE]",
		"thidua audit --rules RULEBOOK --scores SHEET --recorded RECORD.json [--pub KEY.pub] [--format md|json|html] [--out FILE]",
		"thidua audit --batch DIR [--format md|json|html] [--out FILE]",
	}, "help.cmd.audit"},
	{"documents", []string{
		"thidua documents --rules RULEBOOK --scores SHEET --kind summary|submission [--format md|html|docx] [--out FILE]",
		"                 [--issuer NAME] [--parent NAME] [--recipient NAME] [--place NAME] [--seed N]",
	}, "help.cmd.documents"},
	{"history", []string{"thidua history --file HISTORY [--cluster C] [--member M] [--years N]"}, "help.cmd.history"},
	{"covenant progress", []string{"thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M]"}, "help.cmd.covenant"},
	{"nominate", []string{"thidua nominate --province FILE"}, "help.cmd.nominate"},
	{"titles", []string{"thidua titles --file FILE"}, "help.cmd.titles"},
	{"whatif", []string{"thidua whatif --rules RULEBOOK --scores SHEET --member ID (--rank K | --award TIER | --grade BAND) [--step CRIT=STEP ...] [--format table|json] [--seed N]"}, "help.cmd.whatif"},
	{"sensitivity", []string{"thidua sensitivity --rules RULEBOOK --scores SHEET (--weight NODE | --score MEMBER:CRIT) --from A --to B --step D [--format table|json] [--seed N]"}, "help.cmd.sensitivity"},
	{"scenario", []string{"thidua scenario --rules RULEBOOK --scores SHEET --edits FILE [--format table|json] [--seed N]"}, "help.cmd.scenario"},
	{"seal", []string{"thidua seal --rules RULEBOOK --scores SHEET [--seed N] [--prev RECORD] [--key KEY] [--compact] --out RECORD.json"}, "help.cmd.seal"},
	{"verify", []string{"thidua verify RECORD.json [--rules RULEBOOK --scores SHEET] [--pub KEY.pub] [--chain DIR] [--format table|json]"}, "help.cmd.verify"},
	{"keygen", []string{"thidua keygen --out NAME"}, "help.cmd.keygen"},
	{"diff", []string{"thidua diff OLD NEW [--scores SHEET] [--format table|json] [--seed N]"}, "help.cmd.diff"},
	{"check", []string{"thidua check --rules RULEBOOK [--scores SHEET] [--n N] [--seed S] [--format table|json]"}, "help.cmd.check"},
	{"serve", []string{"thidua serve [--addr 127.0.0.1:8080] [--timeout 30s] [--open]"}, "help.cmd.serve"},
	{"version", []string{"thidua version"}, "help.cmd.version"},
}

// helpFor is the help of the command called name.
func helpFor(name string) helpEntry {
	for _, h := range helps {
		if h.name == name {
			return h
		}
	}
	return helpEntry{name: name, synopsis: []string{"thidua " + name}}
}

// printUsage writes thidua's usage: every command's synopsis and what the
// commands share.
func printUsage(w io.Writer, t lang.Tag) {
	fmt.Fprintln(w, t.Say("help.intro"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.Say("help.usage"))
	for _, h := range helps {
		for _, line := range h.synopsis {
			fmt.Fprintln(w, "  "+line)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, indent(t.Say("help.notes"), "  "))
}

// printCommandHelp writes a command's help: its synopsis, what it does and
// its flags.
func printCommandHelp(w io.Writer, t lang.Tag, name string, fs *flag.FlagSet) {
	h := helpFor(name)
	fmt.Fprintln(w, t.Say("help.usage"))
	for _, line := range h.synopsis {
		fmt.Fprintln(w, "  "+line)
	}
	if h.about != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t.Say(h.about))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.Say("help.flags"))
	printFlags(w, t, fs)
}

// printFlags writes each flag of fs (but --help) with its description, in
// the language its descriptions were written in, as flag.PrintDefaults
// does: "--name value", then the description and the default.
func printFlags(w io.Writer, t lang.Tag, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		if isHelpFlag(f) {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintln(w, line)
		if d := f.DefValue; d != "" && d != "0" && d != "false" {
			usage += " " + t.Say("help.default", d)
		}
		fmt.Fprintln(w, wrapText(usage, "        ", helpWidth))
	})
}

// helpWidth is the width the help is written in: a terminal's 80
// columns, less a margin.
const helpWidth = 78

// wrapText breaks text into lines of at most width characters (a word
// longer than that has a line of its own), each starting with prefix.
func wrapText(text, prefix string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		w := utf8.RuneCountInString(word)
		switch {
		case i == 0:
			b.WriteString(prefix)
			n = utf8.RuneCountInString(prefix)
		case n+1+w > width:
			b.WriteString("\n" + prefix)
			n = utf8.RuneCountInString(prefix)
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += w
	}
	return b.String()
}

// indent puts prefix before every line of s that is not empty.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// helpFlag is --help (and -h) of every command: asked, the help is printed
// on standard output and the command stops with exit 0.
type helpFlag struct {
	set    bool
	stdout io.Writer
}

func (h *helpFlag) String() string   { return strconv.FormatBool(h != nil && h.set) }
func (h *helpFlag) IsBoolFlag() bool { return true }
func (h *helpFlag) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	h.set = b
	return nil
}

func isHelpFlag(f *flag.Flag) bool {
	_, ok := f.Value.(*helpFlag)
	return ok
}

// helpAsked reports whether fs was given --help, having printed the help
// on standard output if it was.
func helpAsked(fs *flag.FlagSet) bool {
	f := fs.Lookup("help")
	if f == nil {
		return false
	}
	h, ok := f.Value.(*helpFlag)
	if !ok || !h.set {
		return false
	}
	out := fs.Output()
	fs.SetOutput(h.stdout)
	fs.Usage()
	fs.SetOutput(out)
	return true
}

// flags is the flag set of the command called name (as its help names it:
// "rank", "covenant progress"): its problems and usage go to standard
// error, its help (--help, -h) to standard output, in the language of the
// help.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("thidua "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	h := &helpFlag{stdout: e.stdout}
	fs.Var(h, "help", e.help.Say("help.flag.help"))
	fs.Var(h, "h", e.help.Say("help.flag.help"))
	fs.Usage = func() { printCommandHelp(fs.Output(), e.help, name, fs) }
	if e.flagSets != nil {
		*e.flagSets = append(*e.flagSets, fs)
	}
	return fs
}
