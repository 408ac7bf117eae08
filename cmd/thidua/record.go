package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// recordUsage is the synopsis of seal, verify and keygen, for main's usage.
const recordUsage = `  thidua seal --rules RULEBOOK --scores SHEET [--seed N] [--prev RECORD] [--key KEY] [--compact] --out RECORD.json
  thidua verify RECORD.json [--rules RULEBOOK --scores SHEET] [--pub KEY.pub] [--chain DIR]
  thidua keygen --out NAME
`

// sealCmd seals a result: it ranks the sheet and writes the record.
func sealCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("seal", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", "score sheet `file` (CSV, JSON, YAML or XLSX)")
	prevPath := fs.String("prev", "", "the cluster's `record` of the year before, to chain to")
	keyPath := fs.String("key", "", "the secretariat's private `key` (PEM, from thidua keygen), to sign with")
	compact := fs.Bool("compact", false, "keep only the result's hash, not the standings")
	out := fs.String("out", "", "the record `file` to write (JSON)")
	langCode := fs.String("lang", "vi", "`language` of messages: vi or en")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots, if the tie-break chain reaches lots and the sheet records no draw")
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"out", out}); !ok {
		return code
	}
	t, ok := checkLang("seal", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	if refuseOverwrite("seal", t, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *prevPath, *keyPath}) {
		return exitUsage
	}
	rb, sh, ok := load(*rulesPath, *scoresPath, t, stderr)
	if !ok {
		return exitBadInput
	}
	rbFile, shFile, ok := readInputs(*rulesPath, *scoresPath, t, stderr)
	if !ok {
		return exitBadInput
	}
	o := record.Options{Compact: *compact, RulebookFile: rbFile, SheetFile: shFile}
	var err error
	if *prevPath != "" {
		if o.Prev, err = record.Load(*prevPath); err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
	}
	if *keyPath != "" {
		if o.Key, err = record.ReadPrivateKey(*keyPath); err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
	}
	var opts []ranking.Option
	if seed.set {
		opts = append(opts, ranking.WithSeed(seed.v))
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	rec, err := record.Seal(rb, sh, st, o)
	if err != nil {
		report(stderr, t, err)
		return exitBadInput
	}
	if err := writeAtomically(*out, func(w io.Writer) error { _, err := w.Write(rec.Marshal()); return err }); err != nil {
		fmt.Fprintf(stderr, "thidua seal: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.seal.done", rec.Year, *out))
	fmt.Fprintln(stdout, t.Say("cli.seal.hash", rec.Hash()))
	if rec.Prev != "" {
		fmt.Fprintln(stdout, t.Say("cli.seal.prev", rec.Prev))
	}
	if rec.Signer != "" {
		fmt.Fprintln(stdout, t.Say("cli.seal.signer", rec.Signer))
	}
	if len(st.Ties) > 0 {
		fmt.Fprintln(stdout, t.Say("cli.seal.tie"))
	}
	return exitOK
}

// readInputs reads the rulebook and sheet files' bytes, for their file
// hashes (each within its reader's limit: rules.MaxBytes, sheets.MaxBytes).
func readInputs(rulesPath, scoresPath string, t lang.Tag, stderr io.Writer) ([]byte, []byte, bool) {
	rb, err := bounded.ReadFile(rulesPath, rules.MaxBytes)
	if err != nil {
		report(stderr, t, err)
		return nil, nil, false
	}
	var sh []byte
	if scoresPath != "" {
		if sh, err = bounded.ReadFile(scoresPath, sheets.MaxBytes); err != nil {
			report(stderr, t, err)
			return nil, nil, false
		}
	}
	return rb, sh, true
}

// verifyCmd checks a record: exit 0 only if every check made holds.
func verifyCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", stderr)
	rulesPath := fs.String("rules", "", "the rulebook `file` the record should name")
	scoresPath := fs.String("scores", "", "the score sheet `file` the record should name (ranked again)")
	pubPath := fs.String("pub", "", "the secretariat's public `key` (PEM): the record must be signed with it")
	chainDir := fs.String("chain", "", "a `folder` of the cluster's records (*.json): checked as a chain with this one")
	langCode := fs.String("lang", "vi", "`language` of the report: vi or en")
	usageFor(fs, "thidua verify RECORD.json [--rules RULEBOOK --scores SHEET] [--pub KEY.pub] [--chain DIR]")
	// The record may come before the flags or after them.
	var pos []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(pos) != 1 {
		if len(pos) == 0 {
			fmt.Fprintln(stderr, "thidua verify: the record to verify is required")
		} else {
			fmt.Fprintf(stderr, "thidua verify: one record at a time, found %d: %s\n", len(pos), strings.Join(pos, ", "))
		}
		fs.Usage()
		return exitUsage
	}
	if *scoresPath != "" && *rulesPath == "" {
		fmt.Fprintln(stderr, "thidua verify: --scores needs --rules")
		fs.Usage()
		return exitUsage
	}
	t, ok := checkLang("verify", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	rec, err := record.Load(pos[0])
	if err != nil {
		report(stderr, t, err)
		fmt.Fprintln(stderr, t.Say("cli.verify.unread"))
		return exitBadInput
	}
	var c record.Check
	if *pubPath != "" {
		if c.PublicKey, err = record.ReadPublicKey(*pubPath); err != nil {
			report(stderr, t, err)
			return exitBadInput
		}
	}
	if *rulesPath != "" {
		rb, sh, ok := load(*rulesPath, *scoresPath, t, stderr)
		if !ok {
			fmt.Fprintln(stderr, t.Say("cli.verify.inputs"))
			return exitBadInput
		}
		rbFile, shFile, ok := readInputs(*rulesPath, *scoresPath, t, stderr)
		if !ok {
			return exitBadInput
		}
		c.Rulebook, c.RulebookFile = rb, rbFile
		if *scoresPath != "" {
			c.Sheet, c.SheetFile = &sh, shFile
		}
	}
	rep := record.Verify(rec, c)
	if *chainDir != "" {
		links, unreadable, err := readChain(*chainDir)
		if err != nil {
			fmt.Fprintf(stderr, "thidua verify: %v\n", err)
			return exitBadInput
		}
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f record.Finding) bool {
			return f.Check == record.CheckChain && f.Status == record.Skipped
		})
		rep.Findings = append(rep.Findings, unreadable...)
		rep.Findings = append(rep.Findings, record.VerifyChain(append(links, rec), c.PublicKey).Findings...)
	}
	printReport(stdout, t, pos[0], rec, rep)
	if !rep.OK() {
		return exitBadInput
	}
	return exitOK
}

// readChain reads every regular *.json file of dir as a record; each that
// cannot be read is a finding (a link tampered with).
func readChain(dir string) ([]*record.Record, []record.Finding, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var recs []*record.Record
	var bad []record.Finding
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		r, err := record.Load(path)
		if err != nil {
			var m lang.Message
			var es record.Errors
			if errors.As(err, &es) && len(es) > 0 {
				m = es[0].Message
				m = lang.Msg("record.chain.unreadable", path).With(m)
			} else {
				m = lang.Msg("record.chain.unreadable", path).With(lang.Msg("problem.text", err.Error()))
			}
			bad = append(bad, record.Finding{Check: record.CheckIntegrity, Status: record.Failed, Kind: record.Tampered, Message: m})
			continue
		}
		recs = append(recs, r)
	}
	return recs, bad, nil
}

// printReport writes each finding, then the verdict.
func printReport(w io.Writer, t lang.Tag, path string, rec *record.Record, rep record.Report) {
	fmt.Fprintln(w, t.Say("cli.verify.head", path, quoteCluster(rec.Cluster), rec.Year, rec.SealedAt.Format("2006-01-02 15:04:05 UTC")))
	for _, f := range rep.Findings {
		mark := map[record.Status]string{record.OK: "[OK]  ", record.Failed: t.Say("cli.verify.fail"), record.Skipped: "[--]  "}[f.Status]
		fmt.Fprintf(w, "  %-6s %s: %s\n", mark, record.CheckName(f.Check).In(t), f.Text(t))
	}
	if rep.OK() {
		fmt.Fprintln(w, t.Say("cli.verify.passed"))
		return
	}
	kinds := make([]string, 0, 4)
	for _, k := range rep.Kinds() {
		kinds = append(kinds, k.Message().In(t))
	}
	fmt.Fprintln(w, t.Say("cli.verify.failed", strings.Join(kinds, "; ")))
}

func quoteCluster(c string) string {
	if c == "" {
		return "—"
	}
	return c
}

// keygenCmd writes a new key pair: NAME.key (private, mode 0600) and
// NAME.pub. It never replaces a key file.
func keygenCmd(args []string, stdout, stderr io.Writer) int {
	set := newFlags("keygen", stderr)
	out := set.String("out", "", "`name` of the key files: NAME.key (private) and NAME.pub (public)")
	langCode := set.String("lang", "vi", "`language` of messages: vi or en")
	if code, ok := parse(set, args, required{"out", out}); !ok {
		return code
	}
	t, ok := checkLang("keygen", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	keyPath, pubPath := *out+".key", *out+".pub"
	for _, p := range []string{keyPath, pubPath} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintln(stderr, t.Say("cli.keygen.exists", p))
			return exitBadInput
		}
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		fmt.Fprintf(stderr, "thidua keygen: %v\n", err)
		return exitBadInput
	}
	privPEM, err := record.MarshalPrivateKey(priv)
	if err != nil {
		fmt.Fprintf(stderr, "thidua keygen: %v\n", err)
		return exitBadInput
	}
	pubPEM, err := record.MarshalPublicKey(pub)
	if err != nil {
		fmt.Fprintf(stderr, "thidua keygen: %v\n", err)
		return exitBadInput
	}
	if err := writeNew(keyPath, privPEM, 0o600); err != nil {
		fmt.Fprintf(stderr, "thidua keygen: %v\n", err)
		return exitBadInput
	}
	if err := writeNew(pubPath, pubPEM, 0o644); err != nil {
		os.Remove(keyPath)
		fmt.Fprintf(stderr, "thidua keygen: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, t.Say("cli.keygen.done", keyPath, pubPath, record.Fingerprint(pub)))
	return exitOK
}

// writeNew creates a file that must not exist yet, with mode perm (less
// the umask) from the start: a private key is never readable by others,
// even while it is written. A failed write removes the file.
func writeNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
