package audit

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// RecordedSchema is the schema name a recorded result in JSON may give in
// its "schema" key.
const RecordedSchema = "thidua/recorded/v1"

// Recorded is the result a cluster published in the minutes of its
// evaluation meeting (biên bản họp bình xét): the members' totals and group
// subtotals, their ranks, the awards proposed, the votes and the tie-breaks
// the minutes cite. Everything in it is optional except the members: an
// audit checks what was recorded and says what was not.
//
// Read one with Load, ReadCSV or ParseJSON. A Recorded is a value; treat its
// slices as read-only.
type Recorded struct {
	Cluster  string // the cluster's name as the minutes give it
	Year     int    // the year assessed; 0 if not recorded
	Rulebook string // the rulebook id the minutes cite, if any
	Version  string // the rulebook version the minutes cite, if any
	Date     string // the date of the meeting, as written
	// Members in the order they first appear in the file.
	Members   []MemberResult
	Ballot    *BallotResult
	TieBreaks []CitedTieBreak
}

// Source is where a recorded fact came from: file and line. It is zero for
// values built in Go.
type Source struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// String reads like "recorded.csv:12", or "" when unknown.
func (s Source) String() string {
	switch {
	case s.File == "" && s.Line == 0:
		return ""
	case s.Line == 0:
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Figure is a number as the minutes record it, with where it was written.
// Set is false when the minutes do not give it.
type Figure struct {
	Value  decimal.Decimal
	Set    bool
	Source Source
}

// Count is a whole number as the minutes record it (a rank, a number of
// votes). Set is false when the minutes do not give it.
type Count struct {
	N      int
	Set    bool
	Source Source
}

// MemberResult is what the minutes record about one member unit (đơn vị
// thành viên).
type MemberResult struct {
	ID    string
	Name  string
	Rank  Count  // thứ hạng
	Total Figure // tổng điểm
	// Percent is the total as a percentage of the attainable maximum, for
	// clusters ranked by percentage.
	Percent Figure
	// Subtotals are group (or criterion) points in document order: what
	// the node contributes to its parent, after weight and rounding.
	Subtotals  []Subtotal
	Bonus      Figure // điểm thưởng, after caps
	Deductions Figure // điểm trừ, after caps
	// Awards are the award tiers proposed for the member (e.g. flag,
	// merit), by their rulebook ids.
	Awards []AwardEntry
	// Grade is the grading band (mức xếp loại) the minutes give the
	// member; zero if they give none.
	Grade GradeEntry
	// Votes are the ballot's counts for the member (phiếu tán thành …).
	Votes   Count
	Against Count
	Abstain Count
	// Source is where the member first appears.
	Source Source
}

// Subtotal is the recorded points of one group or criterion.
type Subtotal struct {
	Node   string // group or criterion id, e.g. "I"
	Value  decimal.Decimal
	Source Source
}

// AwardEntry is one award the minutes propose for a member.
type AwardEntry struct {
	Tier   string // the award tier id in the rulebook, e.g. "flag"
	Name   string // the award's name as written, if given
	Source Source
}

// GradeEntry is the grading band (mức xếp loại) the minutes give a
// member, as written: the band's id in the rulebook ("xuat_sac") or its
// exact name ("Hoàn thành xuất sắc nhiệm vụ"). Band is "" when the
// minutes give none.
type GradeEntry struct {
	Band   string
	Source Source
}

// BallotResult is the secret ballot (bỏ phiếu kín) as the minutes record
// it. Zero counts were not recorded.
type BallotResult struct {
	Entitled int
	Present  int
	Source   Source
}

// CitedTieBreak is a tie-break the minutes cite to place one member above
// another: "Sở KH&CN xếp trên Sở Xây dựng do điểm nhóm I cao hơn".
type CitedTieBreak struct {
	Upper  string // member id placed higher
	Lower  string // member id placed lower
	Rule   string // the rule cited: a tie-break of the rulebook ("group I", "more_votes") or any text
	Note   string // the minutes' own words, if given
	Source Source
}

// Member returns the recorded result of the member with the given id.
func (r Recorded) Member(id string) (MemberResult, bool) {
	for _, m := range r.Members {
		if m.ID == id {
			return m, true
		}
	}
	return MemberResult{}, false
}

// Subtotal returns the recorded subtotal of node id, if any.
func (m MemberResult) Subtotal(id string) (Subtotal, bool) {
	for _, s := range m.Subtotals {
		if s.Node == id {
			return s, true
		}
	}
	return Subtotal{}, false
}

// HasAward reports whether the member is recorded as proposed for tier.
func (m MemberResult) HasAward(tier string) bool {
	return slices.ContainsFunc(m.Awards, func(a AwardEntry) bool { return a.Tier == tier })
}

// Hash returns the recorded result's content hash ("sha256:…"). Like a
// score sheet's, it does not depend on the order of rows, on where they
// came from or on the file format: the same result read from CSV or JSON
// has the same hash. An audit report lists it with the rulebook's and the
// sheet's hashes, so that the audit can be traced and repeated.
//
// What is hashed is the canonical form (package internal/canon) of the
// result without its sources, members sorted by id, each member's
// subtotals by node and value, its awards, its grading band (only when
// recorded, so that minutes without one keep their hash), and the tie-breaks: written
// here field by field, as canon writes it, rather than built as a value
// and written by reflection, which cost more than the rest of an audit
// of a small cluster's minutes.
func (r Recorded) Hash() string {
	bp := canonBuffers.Get().(*[]byte)
	w := canonWriter{buf: slices.Grow((*bp)[:0], 256+320*len(r.Members))}
	w.open('{')
	w.text("Cluster", r.Cluster)
	w.text("Rulebook", r.Rulebook)
	w.text("Version", r.Version)
	w.text("Date", r.Date)
	w.int("Year", r.Year)
	if len(r.Members) > 0 {
		members := make([]*MemberResult, len(r.Members))
		for i := range r.Members {
			members[i] = &r.Members[i]
		}
		slices.SortFunc(members, func(a, b *MemberResult) int { return cmp.Compare(a.ID, b.ID) })
		w.key("Members")
		w.open('[')
		var subs []Subtotal
		var awards []string
		for _, m := range members {
			w.elem()
			w.open('{')
			w.text("ID", m.ID)
			w.text("Name", m.Name)
			w.count("Rank", m.Rank)
			w.count("Votes", m.Votes)
			w.count("Against", m.Against)
			w.count("Abstain", m.Abstain)
			w.figure("Total", m.Total)
			w.figure("Percent", m.Percent)
			w.figure("Bonus", m.Bonus)
			w.figure("Deductions", m.Deductions)
			if len(m.Subtotals) > 0 {
				subs = append(subs[:0], m.Subtotals...)
				slices.SortFunc(subs, func(a, b Subtotal) int { return cmp.Or(cmp.Compare(a.Node, b.Node), a.Value.Cmp(b.Value)) })
				w.key("Subtotals")
				w.open('[')
				for _, s := range subs {
					w.elem()
					w.open('{')
					w.text("Node", s.Node)
					if !s.Value.IsZero() {
						w.key("Value")
						w.decimal(s.Value)
					}
					w.close('}')
				}
				w.close(']')
			}
			if len(m.Awards) > 0 {
				awards = awards[:0]
				for _, a := range m.Awards {
					awards = append(awards, a.Tier)
				}
				slices.Sort(awards)
				w.key("Awards")
				w.open('[')
				for _, a := range awards {
					w.elem()
					w.quote(a)
				}
				w.close(']')
			}
			// only when recorded: minutes without bands keep their hash
			w.text("Grade", m.Grade.Band)
			w.close('}')
		}
		w.close(']')
	}
	if b := r.Ballot; b != nil {
		w.key("Ballot")
		w.open('{')
		w.int("Entitled", b.Entitled)
		w.int("Present", b.Present)
		w.close('}')
	}
	if len(r.TieBreaks) > 0 {
		ties := slices.Clone(r.TieBreaks)
		slices.SortFunc(ties, func(a, b CitedTieBreak) int {
			return cmp.Or(cmp.Compare(a.Upper, b.Upper), cmp.Compare(a.Lower, b.Lower), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Note, b.Note))
		})
		w.key("TieBreaks")
		w.open('[')
		for _, t := range ties {
			w.elem()
			w.open('{')
			w.text("Upper", t.Upper)
			w.text("Lower", t.Lower)
			w.text("Rule", t.Rule)
			w.text("Note", t.Note)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	sum := sha256.Sum256(w.buf)
	if cap(w.buf) <= 64<<10 {
		*bp = w.buf[:0]
		canonBuffers.Put(bp)
	}
	return "sha256:" + hex.EncodeToString(sum[:])
}

// canonBuffers hold the buffers Hash writes the canonical form into, for
// reuse (a batch hashes thousands of minutes).
var canonBuffers = sync.Pool{New: func() any { return new([]byte) }}

// canonWriter writes the canonical form of package internal/canon: a
// struct as {"Field":value,…} without its absent (zero) fields, a slice as
// […], a string quoted, a decimal as its plain text without trailing
// zeros, quoted.
type canonWriter struct {
	buf   []byte
	first bool // no field or element written yet in the innermost { or [
}

func (w *canonWriter) open(c byte) {
	w.buf = append(w.buf, c)
	w.first = true
}

func (w *canonWriter) close(c byte) {
	w.buf = append(w.buf, c)
	w.first = false
}

// elem begins an element of a slice.
func (w *canonWriter) elem() {
	if !w.first {
		w.buf = append(w.buf, ',')
	}
	w.first = false
}

// key begins a field.
func (w *canonWriter) key(name string) {
	w.elem()
	w.quote(name)
	w.buf = append(w.buf, ':')
}

// quote writes s quoted. strconv.AppendQuote grows a buffer too short by
// the quoted text only: the buffer is grown here as append grows it.
func (w *canonWriter) quote(s string) {
	if cap(w.buf)-len(w.buf) < 2*len(s)+2 {
		w.buf = slices.Grow(w.buf, 2*len(s)+2)
	}
	w.buf = strconv.AppendQuote(w.buf, s)
}

// text writes a string field, unless it is empty.
func (w *canonWriter) text(name, s string) {
	if s != "" {
		w.key(name)
		w.quote(s)
	}
}

// int writes a number field, unless it is 0.
func (w *canonWriter) int(name string, n int) {
	if n != 0 {
		w.key(name)
		w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	}
}

// count writes a count the minutes give (even 0), as a pointer to it is.
func (w *canonWriter) count(name string, c Count) {
	if c.Set {
		w.key(name)
		w.buf = strconv.AppendInt(w.buf, int64(c.N), 10)
	}
}

// figure writes a figure the minutes give (even 0), as a pointer to it is.
func (w *canonWriter) figure(name string, f Figure) {
	if f.Set {
		w.key(name)
		w.decimal(f.Value)
	}
}

// decimal writes d as canon does: from its coefficient and exponent, in
// plain notation without trailing zeros ("10.5", "1500", "-0.25"), quoted.
func (w *canonWriter) decimal(d decimal.Decimal) {
	var small [24]byte
	var digits []byte
	if d.NumDigits() <= 18 { // the coefficient is an int64
		digits = strconv.AppendInt(small[:0], d.CoefficientInt64(), 10)
	} else {
		digits = d.Coefficient().Append(small[:0], 10)
	}
	b := append(w.buf, '"')
	if digits[0] == '-' {
		b = append(b, '-')
		digits = digits[1:]
	}
	switch trimmed := bytes.TrimRight(digits, "0"); {
	case len(trimmed) == 0: // zero
		b = append(b[:len(w.buf)+1], '0')
	default:
		exp := int(d.Exponent()) + len(digits) - len(trimmed)
		digits = trimmed
		switch {
		case exp >= 0:
			b = append(b, digits...)
			for range exp {
				b = append(b, '0')
			}
		case -exp < len(digits):
			point := len(digits) + exp
			b = append(append(append(b, digits[:point]...), '.'), digits[point:]...)
		default:
			b = append(b, '0', '.')
			for range -exp - len(digits) {
				b = append(b, '0')
			}
			b = append(b, digits...)
		}
	}
	w.buf = append(b, '"')
}

// normRule writes a cited rule the way rules.TieBreak.String does: "group:
// I", "group  I" and "Group I" all become "group I".
func normRule(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ":", " ")
	f := strings.Fields(s)
	if len(f) > 0 {
		f[0] = strings.ToLower(f[0])
	}
	return strings.Join(f, " ")
}
