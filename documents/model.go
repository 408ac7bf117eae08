package documents

// The documents are built as a small tree of blocks (paragraphs, lists,
// tables, notes) that each output format renders: the wording and every
// number are decided once, when the document is built, and the Markdown,
// HTML and .docx renderings cannot disagree.

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// run is a piece of text with one style.
type run struct {
	text      string
	bold      bool
	italic    bool
	underline bool // the motto's line ("Độc lập - Tự do - Hạnh phúc")
	blank     bool // a placeholder to fill in by hand (…)
	nowrap    bool // must stay on one line (the national motto)
}

func plain(s string) run       { return run{text: s} }
func bold(s string) run        { return run{text: s, bold: true} }
func italic(s string) run      { return run{text: s, italic: true} }
func boldItalic(s string) run  { return run{text: s, bold: true, italic: true} }
func placeholder(s string) run { return run{text: s, blank: true} }

// meta marks a block for tests and for styling: a class, and the award tier
// and member it is about.
type meta struct {
	class  string
	tier   string
	member string
}

type block interface{ isBlock() }

// para is a paragraph.
type para struct {
	runs   []run
	align  align
	indent bool   // first-line indent: body text
	size   string // "", "title", "small"
	meta
}

// list is a list of items written with a dash ("- "), as Vietnamese
// administrative texts do.
type list struct {
	items []item
	meta
}

type item struct {
	runs []run
	meta
}

// table is a data table (bordered), or a layout table (plain: the header
// and the signature blocks, without borders).
type table struct {
	plain bool
	// head rows may span; flat is the one-row header used where spans cannot
	// be written (Markdown).
	head   [][]cell
	flat   []cell
	body   []row
	widths []int // relative column widths, summing to 100
	meta
}

type row struct {
	cells []cell
	meta
}

type cell struct {
	lines   [][]run // one line per entry
	colspan int
	rowspan int
	align   align
	num     bool // a number: right-aligned, tabular digits
	rule    bool // a short line under the text (under an issuing body's name)
	small   bool
}

// note is a boxed remark: the draft notice, the illustrative-data note, a
// warning.
type note struct {
	runs []run
	meta
}

// comment is text for the source only: an HTML or Markdown comment.
type comment struct{ text string }

// keep is blocks printed together on one page: the closing lines and the
// signature block after them, so that the signatures never stand on a
// page of their own, nor break across two. HTML wraps them in a block
// that does not break; a .docx keeps each of their paragraphs with the
// next and does not split the signature row; Markdown, which has no
// pages, writes them as they are.
type keep struct {
	blocks []block
	meta
}

// flat returns the blocks with those of keep blocks in their place.
func flat(bs []block) []block {
	var out []block
	for _, b := range bs {
		if k, ok := b.(keep); ok {
			out = append(out, flat(k.blocks)...)
			continue
		}
		out = append(out, b)
	}
	return out
}

func (para) isBlock()    {}
func (list) isBlock()    {}
func (table) isBlock()   {}
func (note) isBlock()    {}
func (comment) isBlock() {}
func (keep) isBlock()    {}

// line builds a one-line cell.
func line(runs ...run) cell { return cell{lines: [][]run{runs}} }

// lines builds a cell of several lines.
func lines(ls ...[]run) cell { return cell{lines: ls} }
