// Package write is what the year packages' reports (history, covenant,
// province, titles) share: a writer that writes messages in one language
// and keeps the first error, aligned tables, dates in the language's form,
// and the naming of what standings record by id (members, award tiers,
// eligibility conditions, the rules of the tie-break chain), so that a
// report prints names where the files give them.
package write

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// Dash stands in a table cell for nothing.
const Dash = "—"

// Writer writes a report in one language. It keeps the first write error
// and writes nothing after it (Err).
type Writer struct {
	T   lang.Tag
	w   io.Writer
	err error
}

// New returns a writer to w in the language t.
func New(w io.Writer, t lang.Tag) *Writer { return &Writer{T: t, w: w} }

// Err returns the first error of a write, or nil.
func (w *Writer) Err() error { return w.err }

// Printf writes as fmt.Fprintf does.
func (w *Writer) Printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

// Line writes the message in the language and a line break.
func (w *Writer) Line(m lang.Message) { w.Printf("%s\n", m.In(w.T)) }

// Blank writes an empty line.
func (w *Writer) Blank() { w.Printf("\n") }

// Item writes an indented line "  YEAR: message".
func (w *Writer) Item(year int, m lang.Message) { w.Printf("  %d: %s\n", year, m.In(w.T)) }

// Section writes, if there are items, a blank line, the heading and the
// items (Item).
func (w *Writer) Section(heading lang.Message, items []Item) {
	if len(items) == 0 {
		return
	}
	w.Blank()
	w.Line(heading)
	for _, it := range items {
		w.Item(it.Year, it.Message)
	}
}

// Item is one line of a section: a year and what happened in it.
type Item struct {
	Year    int
	Message lang.Message
}

// Table writes an aligned table: the head (a message whose text separates
// the columns with tabs) and the rows, cell by cell. No line ends in
// spaces (an empty last cell leaves none).
func (w *Writer) Table(head lang.Message, rows [][]string) {
	if w.err != nil {
		return
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, head.In(w.T))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush() // a strings.Builder does not fail
	for line := range strings.Lines(b.String()) {
		w.Printf("%s\n", strings.TrimRight(line, " \n"))
	}
}

// Date writes a date as the language does: 15/03/2022 in Vietnamese,
// 2022-03-15 in English.
func Date(d rules.Date) lang.Message {
	s := d.String() // 2022-03-15
	if len(s) != len("2006-01-02") {
		return lang.Msg("problem.text", s)
	}
	return lang.Msg("year.date", s[0:4], s[5:7], s[8:10])
}

// Or returns s, or Dash if s is empty.
func Or(s string) string {
	if s == "" {
		return Dash
	}
	return s
}

// Texts is a list of texts as one message, joined by "; " in every
// language: names, reasons, sentences that may hold commas.
func Texts(ss []string) lang.Message {
	m := lang.Msg("year.list")
	for _, s := range ss {
		m = m.With(lang.Msg("problem.text", s))
	}
	return m
}

// Names names what standings record by id, for people: the members and
// award tiers as ranking.Names does, the eligibility conditions by the
// rulebook's reasons, and the groups and criteria a rule of the tie-break
// chain compares by the rulebook's names.
type Names struct {
	ranking.Names
	Rulebook *rules.Rulebook
}

// NamesOf returns the names of the standings' members and tiers under the
// rulebook.
func NamesOf(rb *rules.Rulebook, st *ranking.Standings) Names {
	n := Names{Rulebook: rb}
	if st != nil {
		n.Names = st.Names()
	}
	return n
}

// List returns the members' names, joined by ", ".
func (n Names) List(ids []string) string { return strings.Join(n.Members(ids), ", ") }

// Conditions names the eligibility conditions by their reasons (the
// rulebook's text, "Tổng điểm đạt từ 90 điểm trở lên"), or their ids if
// they have none.
func (n Names) Conditions(ids []string) lang.Message {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if n.Rulebook != nil {
			if c, ok := n.Rulebook.Condition(id); ok && c.Reason != "" {
				out[i] = c.Reason
			}
		}
	}
	return Texts(out)
}

// TieBreak returns the rule of the ranking basis and tie-break chain that
// standings record as rule ("no_award_last_year flag", "criterion 07").
func (n Names) TieBreak(rule string) (rules.TieBreak, bool) {
	if n.Rulebook == nil {
		return rules.TieBreak{}, false
	}
	for _, tb := range append([]rules.TieBreak{standings.Basis(n.Rulebook)}, n.Rulebook.TieBreaks()...) {
		if tb.String() == rule {
			return tb, true
		}
	}
	return rules.TieBreak{}, false
}

// Brief states a decision from the lower member's side, as a standings
// table's "decided by" column does, with names: "tổng điểm: 95,18 < 97,6
// (Sở Y tế)", "tiêu chí Hồ sơ khen thưởng đúng hạn: …"; the zero message
// for nil (the first row).
func (n Names) Brief(d *ranking.Decision) lang.Message {
	if d == nil {
		return lang.Message{}
	}
	m := n.Of(d.BriefMessage())
	// The group or criterion a rule compares, by its name.
	if tb, ok := n.TieBreak(d.Rule); ok && !d.Unresolved && len(m.Args) > 0 {
		if ref := standings.Compare(tb).Ref; ref != "" {
			if node, ok := n.Rulebook.Node(ref); ok && node.Name != "" {
				m.Args = append([]string{strings.TrimSuffix(d.Rule, tb.Ref) + node.Name}, m.Args[1:]...)
			}
		}
	}
	return m
}
