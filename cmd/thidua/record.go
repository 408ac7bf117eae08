package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
)

// sealCmd seals a result: it ranks the sheet and writes the record.
func sealCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("seal")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	prevPath := fs.String("prev", "", h.Say("help.flag.prev"))
	keyPath := fs.String("key", "", h.Say("help.flag.key"))
	compact := fs.Bool("compact", false, h.Say("help.flag.compact"))
	out := fs.String("out", "", h.Say("help.flag.out.record"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"out", out}); !ok {
		return code
	}
	t, ok := checkLang("seal", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	if !in.check("seal", t, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--prev", *prevPath, recordInput}) ||
		!unsupported("seal", t, stderr, "--key", *keyPath) {
		return exitUsage
	}
	if refuseOverwrite("seal", t, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *prevPath, *keyPath}) {
		return exitUsage
	}
	rb, sh, ok := in.load(*rulesPath, *scoresPath, t, stderr)
	if !ok {
		return exitBadInput
	}
	rbFile, shFile, ok := readInputs(in, *rulesPath, *scoresPath, t, stderr)
	if !ok {
		return exitBadInput
	}
	o := record.Options{Compact: *compact, RulebookFile: rbFile, SheetFile: shFile}
	var err error
	if *prevPath != "" {
		if o.Prev, err = in.record(*prevPath); err != nil {
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
	if len(st.UnresolvedTies()) > 0 {
		fmt.Fprintln(stdout, t.Say("cli.seal.tie"))
	}
	return exitOK
}

// readInputs reads the rulebook and sheet files' bytes, for their file
// hashes (each within its reader's limit: rules.MaxBytes, sheets.MaxBytes);
// standard input's are those read already.
func readInputs(in *inputs, rulesPath, scoresPath string, t lang.Tag, stderr io.Writer) ([]byte, []byte, bool) {
	rb, err := in.bytes(rulesPath, rules.MaxBytes)
	if err != nil {
		report(stderr, t, err)
		return nil, nil, false
	}
	var sh []byte
	if scoresPath != "" {
		if sh, err = in.sheetBytes(scoresPath); err != nil {
			report(stderr, t, err)
			return nil, nil, false
		}
	}
	return rb, sh, true
}

// verifyCmd checks a record: exit 0 only if every check made holds.
func verifyCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("verify")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules.verify"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores.verify"))
	pubPath := fs.String("pub", "", h.Say("help.flag.pub"))
	chainDir := fs.String("chain", "", h.Say("help.flag.chain"))
	format := fs.String("format", "table", h.Say("help.flag.format.table_json"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	in := e.inputs(fs)
	// The record may come before the flags or after them.
	var pos []string
	rest := args
	for {
		if code, ok := parseFlags(fs, rest); !ok {
			return code
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
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "thidua verify: --format must be table or json, found %q\n", *format)
		return exitUsage
	}
	t, ok := checkLang("verify", *langCode, stderr)
	if !ok {
		return exitUsage
	}
	if !in.check("verify", t, stderr, input{"RECORD", pos[0], recordInput}, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}) ||
		!unsupported("verify", t, stderr, "--pub", *pubPath) {
		return exitUsage
	}
	jsonProblems(stderr, *format == "json")
	rec, err := in.record(pos[0])
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
		rb, sh, ok := in.load(*rulesPath, *scoresPath, t, stderr)
		if !ok {
			fmt.Fprintln(stderr, t.Say("cli.verify.inputs"))
			return exitBadInput
		}
		rbFile, shFile, ok := readInputs(in, *rulesPath, *scoresPath, t, stderr)
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
	code := exitOK
	if !rep.OK() {
		code = exitBadInput
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(newVerification(in.name(pos[0]), rec, rep)); err != nil {
			fmt.Fprintf(stderr, "thidua verify: %v\n", err)
			return exitBadInput
		}
		return code
	}
	printReport(stdout, t, in.name(pos[0]), rec, rep)
	return code
}

// verifySchema names the layout of thidua verify --format json.
const verifySchema = "thidua/verify/v1"

// verification is thidua verify --format json (schema thidua/verify/v1):
// the record verified, each check made with its status and, when it
// failed, the reason's code (record.Kind), and whether all held.
type verification struct {
	Schema string `json:"schema"`
	// Record is the record's file as given ("stdin" for standard input).
	Record string `json:"record"`
	// Hash is the record's hash; Cluster, Year, SealedAt and Engine are
	// what it states.
	Hash     string `json:"hash"`
	Cluster  string `json:"cluster,omitempty"`
	Year     int    `json:"year"`
	SealedAt string `json:"sealed_at"`
	Engine   string `json:"engine"`
	// OK is true when no check failed (the exit code is then 0).
	OK bool `json:"ok"`
	// Failed lists the reasons of the failed checks, each once, in order
	// of first appearance (tampered, wrong_rulebook, changed_sheet,
	// different_result, broken_chain, unknown_key).
	Failed []record.Kind `json:"failed"`
	Checks []verifyCheck `json:"checks"`
}

// verifyCheck is one check: its code (integrity, signature, rulebook,
// sheet, result, chain) and its name for people, its status (ok, failed,
// skipped), the reason's code when it failed, the year of the record it
// concerns, and what was found.
type verifyCheck struct {
	Check   string        `json:"check"`
	Name    lang.Message  `json:"name"`
	Status  record.Status `json:"status"`
	Kind    record.Kind   `json:"kind,omitempty"`
	Year    int           `json:"year,omitempty"`
	Message lang.Message  `json:"message"`
}

func newVerification(name string, rec *record.Record, rep record.Report) verification {
	v := verification{
		Schema: verifySchema, Record: name, Hash: rec.Hash(), Cluster: rec.Cluster, Year: rec.Year,
		SealedAt: rec.SealedAt.UTC().Format(time.RFC3339), Engine: rec.Engine,
		OK: rep.OK(), Failed: rep.Kinds(), Checks: []verifyCheck{},
	}
	if v.Failed == nil {
		v.Failed = []record.Kind{}
	}
	for _, f := range rep.Findings {
		v.Checks = append(v.Checks, verifyCheck{Check: f.Check, Name: record.CheckName(f.Check), Status: f.Status, Kind: f.Kind, Year: f.Year, Message: f.Message})
	}
	return v
}

// record reads a sealed record: a file (record.Load), or standard input
// within record.MaxBytes (record.Parse).
func (in *inputs) record(path string) (*record.Record, error) {
	return doc(in, path, record.MaxBytes, record.Load, func(_ string, data []byte) (*record.Record, error) { return record.Parse(data) })
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
func keygenCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	set := e.flags("keygen")
	out := set.String("out", "", h.Say("help.flag.out.keys"))
	langCode := set.String("lang", "vi", h.Say("help.flag.lang"))
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
