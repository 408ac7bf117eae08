package documents

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// Kind is a kind of document.
type Kind string

// The kinds of document.
const (
	// Summary is the summary table of the scoring results (bảng tổng hợp kết
	// quả chấm điểm): members × criteria groups, bonus, deductions, total,
	// rank, proposed award and notes.
	Summary Kind = "summary"
	// Submission is the cluster head's submission proposing the awards (tờ
	// trình đề nghị tặng Cờ thi đua, Bằng khen), shaped after Mẫu 01, Phụ
	// lục I, Nghị định 98/2023/NĐ-CP.
	Submission Kind = "submission"
)

// ParseKind reads "summary" and "submission".
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(s)); k {
	case Summary, Submission:
		return k, nil
	}
	return "", fmt.Errorf("%w %q (expected summary or submission)", ErrUnknownKind, s)
}

// Format is an output format.
type Format string

// The output formats.
const (
	// Markdown, for reading, reviewing and pasting.
	Markdown Format = "md"
	// HTML is a self-contained page ready to print to PDF on A4: inline CSS,
	// no network access, UTF-8.
	HTML Format = "html"
	// DOCX is a Word document (Office Open XML), A4, Times New Roman, for
	// the secretariat to finish and sign.
	DOCX Format = "docx"
)

// ParseFormat reads "md" (or "markdown"), "html" and "docx".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "md", "markdown":
		return Markdown, nil
	case "html":
		return HTML, nil
	case "docx":
		return DOCX, nil
	}
	return "", fmt.Errorf("%w %q (expected md, html or docx)", ErrUnknownFormat, s)
}

// Errors New and Write return.
var (
	// ErrUnknownKind: a kind other than Summary and Submission.
	ErrUnknownKind = errors.New("unknown document kind")
	// ErrUnknownFormat: a format other than Markdown, HTML and DOCX.
	ErrUnknownFormat = errors.New("unknown document format")
	// ErrRulebookMismatch: the standings were not produced by this rulebook
	// (their rulebook hash differs), so names and maxima could be wrong.
	ErrRulebookMismatch = errors.New("the standings were not produced by this rulebook")
	// ErrNoScorecards: the standings carry no scorecards (e.g. read back
	// from JSON written without --explain), so there are no group points to
	// print.
	ErrNoScorecards = errors.New("the standings carry no scorecards")
)

// Options fill the parts of a document that the standings do not know.
// Every field is optional: what is left empty is either derived from the
// rulebook and the sheet (as documented per field) or printed as a
// placeholder (…) to fill in by hand.
type Options struct {
	// Lang is the language of the labels: Vietnamese (default) or English.
	Lang lang.Tag
	// Issuer is the issuing body (cơ quan ban hành) in the header; default:
	// the cluster's name from the sheet.
	Issuer string
	// Parent is the body above the issuer (cơ quan chủ quản) in the header;
	// default: "UBND" and the rulebook's jurisdiction ("UBND TỈNH CAO
	// BẰNG"); none if the rulebook has no jurisdiction.
	Parent string
	// Recipient is the submission's addressee (Kính gửi); default: "Ủy ban
	// nhân dân" and the jurisdiction; a placeholder if there is none.
	Recipient string
	// Place is the place name before the date (địa danh); default: a
	// placeholder. The date is always left to fill in at signing.
	Place string
	// AttachedTo replaces the summary's "(Kèm theo Tờ trình số … của …)"
	// line.
	AttachedTo string
	// Notes are printed as notes after the rulebook's own notes (for
	// instance, that the scores are illustrative).
	Notes []string
}

// Document is a generated draft, ready to be written in any Format. It is
// a value: nothing changes it after New returns it.
type Document struct {
	kind      Kind
	lang      lang.Tag
	title     string
	landscape bool
	blocks    []block
}

// Kind returns the document's kind.
func (d *Document) Kind() Kind { return d.kind }

// Title returns the document's title, as in the HTML <title>.
func (d *Document) Title() string { return d.title }

// New builds the document of the given kind from the standings of a
// cluster and the rulebook that produced them. Every number comes from the
// standings and their scorecards; nothing is typed in. The standings must
// carry their scorecards (as ranking.Rank returns them) for a Summary.
func New(kind Kind, rb *rules.Rulebook, st *ranking.Standings, opts Options) (*Document, error) {
	if rb == nil || st == nil {
		return nil, errors.New("documents: a rulebook and standings are required")
	}
	if st.Rulebook.Hash != rb.Hash() {
		return nil, fmt.Errorf("%w: standings from %s %s (%s), rulebook %s %s (%s)", ErrRulebookMismatch,
			st.Rulebook.ID, st.Rulebook.Version, st.Rulebook.Hash, rb.ID(), rb.Version(), rb.Hash())
	}
	if opts.Lang != lang.Vietnamese && opts.Lang != lang.English {
		return nil, fmt.Errorf("documents: unknown language %v (expected lang.Vietnamese or lang.English)", uint8(opts.Lang))
	}
	b := newBuilder(rb, st, opts)
	switch kind {
	case Summary:
		for _, r := range st.Rows {
			if len(r.Card.Nodes) == 0 {
				return nil, fmt.Errorf("%w: no scorecard for %s", ErrNoScorecards, r.Member.ID)
			}
		}
		return b.summary(), nil
	case Submission:
		return b.submission(), nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownKind, kind)
}

// Write writes the document in the given format.
func (d *Document) Write(w io.Writer, f Format) error {
	switch f {
	case Markdown:
		return d.WriteMarkdown(w)
	case HTML:
		return d.WriteHTML(w)
	case DOCX:
		return d.WriteDOCX(w)
	}
	return fmt.Errorf("%w %q", ErrUnknownFormat, f)
}
