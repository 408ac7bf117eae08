package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

const documentsUsage = `Usage:
  thidua documents --rules RULEBOOK --scores SHEET --kind summary|submission
                   [--format md|html|docx] [--lang vi|en] [--out FILE]
                   [--issuer NAME] [--parent NAME] [--recipient NAME] [--place NAME] [--seed N]

Drafts a cluster's documents from its ranked result, every number taken
from the standings:
  summary     the summary table of the scoring results (bảng tổng hợp kết quả
              chấm điểm), A4 landscape
  submission  the cluster head's submission proposing the awards (tờ trình đề
              nghị tặng Cờ thi đua, Bằng khen), after Mẫu 01, Phụ lục I,
              Nghị định 98/2023/NĐ-CP, A4 portrait
Both are drafts (dự thảo), to check against the form in force before signing.
--format html writes a self-contained page to print to PDF from a browser;
--format docx (a Word document) needs --out. The number and the date are
left blank (…); --issuer, --parent, --recipient and --place fill the header.
Exit codes: 0 ok, 1 bad input, 2 usage.

Flags:
`

// documentsCmd is thidua documents: the summary table or the submission of
// a ranked cluster.
func documentsCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("documents", stderr)
	rulesPath := fs.String("rules", "", "rulebook `file` (YAML or JSON)")
	scoresPath := fs.String("scores", "", scoresHelp)
	mapping := fs.String("mapping", "", mappingHelp)
	kindName := fs.String("kind", "", "document `kind`: summary or submission")
	format := fs.String("format", "md", "output `format`: md, html or docx")
	langCode := fs.String("lang", "vi", "`language` of the labels: vi or en")
	out := fs.String("out", "", "write the document to `file` instead of standard output")
	issuer := fs.String("issuer", "", "issuing body in the header (`name`; default: the cluster's name)")
	parent := fs.String("parent", "", "body above the issuer in the header (`name`; default: UBND and the rulebook's jurisdiction)")
	recipient := fs.String("recipient", "", "addressee of the submission, Kính gửi (`name`; default: Ủy ban nhân dân and the jurisdiction)")
	place := fs.String("place", "", "place `name` before the date (default: left blank)")
	var seed seedFlag
	fs.Var(&seed, "seed", "`seed` for drawing lots, if the tie-break chain reaches lots and the sheet records no draw")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), documentsUsage)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, required{"rules", rulesPath}, required{"scores", scoresPath}, required{"kind", kindName}); !ok {
		return code
	}
	kind, err := documents.ParseKind(*kindName)
	if err != nil {
		fmt.Fprintf(stderr, "thidua documents: --kind must be summary or submission, found %q\n", *kindName)
		return exitUsage
	}
	f, err := documents.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "thidua documents: --format must be md, html or docx, found %q\n", *format)
		return exitUsage
	}
	lg, err := lang.Parse(*langCode)
	if err != nil {
		fmt.Fprintf(stderr, "thidua documents: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
	}
	if f == documents.DOCX && *out == "" {
		fmt.Fprintln(stderr, "thidua documents: --format docx writes a binary file: give it with --out FILE")
		return exitUsage
	}
	if refuseOverwrite("documents", lg, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *mapping}) {
		return exitUsage
	}
	rb, sh, ok := loadWith(*rulesPath, *scoresPath, *mapping, lg, stderr)
	if !ok {
		return exitBadInput
	}
	var opts []ranking.Option
	if seed.set {
		opts = append(opts, ranking.WithSeed(seed.v))
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		report(stderr, lg, err)
		return exitBadInput
	}
	doc, err := documents.New(kind, rb, st, documents.Options{
		Lang: lg, Issuer: *issuer, Parent: *parent, Recipient: *recipient, Place: *place,
	})
	if err != nil {
		fmt.Fprintf(stderr, "thidua documents: %v\n", err)
		return exitBadInput
	}
	// Render in full before writing, so that a failure leaves no partial
	// file behind.
	var buf bytes.Buffer
	if err := doc.Write(&buf, f); err != nil {
		fmt.Fprintf(stderr, "thidua documents: %v\n", err)
		return exitBadInput
	}
	if *out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "thidua documents: %v\n", err)
			return exitBadInput
		}
		return exitOK
	}
	if err := writeAtomically(*out, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		fmt.Fprintf(stderr, "thidua documents: %v\n", err)
		return exitBadInput
	}
	return exitOK
}
