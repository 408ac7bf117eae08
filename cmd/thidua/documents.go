package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// documentsCmd is thidua documents: the summary table or the submission of
// a ranked cluster.
func documentsCmd(e *env, args []string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("documents")
	rulesPath := fs.String("rules", "", h.Say("help.flag.rules"))
	scoresPath := fs.String("scores", "", h.Say("help.flag.scores"))
	mapping := fs.String("mapping", "", h.Say("help.flag.mapping"))
	kindName := fs.String("kind", "", h.Say("help.flag.kind"))
	format := fs.String("format", "md", h.Say("help.flag.format.md_html_docx"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	out := fs.String("out", "", h.Say("help.flag.out.document"))
	issuer := fs.String("issuer", "", h.Say("help.flag.issuer"))
	parent := fs.String("parent", "", h.Say("help.flag.parent"))
	recipient := fs.String("recipient", "", h.Say("help.flag.recipient"))
	place := fs.String("place", "", h.Say("help.flag.place"))
	in := e.inputs(fs)
	var seed seedFlag
	fs.Var(&seed, "seed", h.Say("help.flag.seed.lots"))
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
	if !in.check("documents", lg, stderr, input{"--rules", *rulesPath, docInput}, input{"--scores", *scoresPath, sheetInput}, input{"--mapping", *mapping, docInput}) {
		return exitUsage
	}
	if refuseOverwrite("documents", lg, stderr, []string{*out}, []string{*rulesPath, *scoresPath, *mapping}) {
		return exitUsage
	}
	rb, sh, ok := in.loadWith(*rulesPath, *scoresPath, *mapping, lg, stderr)
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
