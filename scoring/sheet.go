package scoring

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Sheet is a cluster's score sheet for one year (bảng chấm điểm): the input
// of scoring and ranking. Rows may come in any order; the results do not
// depend on it.
type Sheet struct {
	Cluster string `json:"cluster,omitempty"` // e.g. "Cụm II – Các cơ quan quản lý chuyên ngành"
	Year    int    `json:"year,omitempty"`    // the year assessed; checked against the rulebook's period in force

	Members     []Member      `json:"members"`
	Scores      []Entry       `json:"scores"`
	Targets     []Target      `json:"targets,omitempty"`
	NotAssigned []Assignment  `json:"not_assigned,omitempty"`
	Bonuses     []Occurrences `json:"bonuses,omitempty"`
	Deductions  []Occurrences `json:"deductions,omitempty"`
	Facts       []FactValue   `json:"facts,omitempty"`
	Ballot      *Ballot       `json:"ballot,omitempty"`
	// Ballots are the named ballots, for a rulebook that lists several
	// (votes.ballots): one per award tier or grading band.
	Ballots []Ballot    `json:"ballots,omitempty"`
	History []PastAward `json:"history,omitempty"`
	// Lots is the recorded result of a drawing of lots (bốc thăm), if one
	// was held: member ids in the order drawn, first drawn first.
	Lots []string `json:"lots,omitempty"`
	// Matches are the results of the matches between members (kết quả
	// thi đấu), which a league tie-break reads: one per pair of members.
	Matches []Match `json:"matches,omitempty"`
}

// Member is a member unit of the cluster (đơn vị thành viên).
type Member struct {
	ID     string `json:"id"`   // short id used in the sheet, e.g. "SCT"
	Name   string `json:"name"` // e.g. "Sở Công Thương"
	Source Source `json:"-"`
}

// Source is where a row came from, for error messages. It is zero for rows
// built in Go.
type Source struct {
	File string
	Line int
}

// Entry is one raw value: a member's input for a criterion at one stage, from
// one assessor (empty when the stage has a single score). What the value
// means depends on the criterion's method: the points (direct), the achieved
// value (ratio, relative, tiers), 1 or 0 (pass_fail) or a count
// (per_occurrence).
type Entry struct {
	Member    string          `json:"member"`
	Criterion string          `json:"criterion"`
	Stage     string          `json:"stage"`
	Assessor  string          `json:"assessor,omitempty"`
	Value     decimal.Decimal `json:"value"`
	Source    Source          `json:"-"`
}

// Target is a member's target for a ratio or relative criterion, usually
// registered in its covenant (giao ước thi đua).
type Target struct {
	Member    string          `json:"member"`
	Criterion string          `json:"criterion"`
	Value     decimal.Decimal `json:"value"`
	Source    Source          `json:"-"`
}

// Assignment marks a criterion or group as not assigned (không được giao) to
// a member: it leaves the member's attainable maximum.
type Assignment struct {
	Member    string `json:"member"`
	Criterion string `json:"criterion"`
	Source    Source `json:"-"`
}

// Occurrences is a number of occurrences of a bonus or deduction item for a
// member (e.g. 2 late reports).
type Occurrences struct {
	Member string `json:"member"`
	Item   string `json:"item"`
	Count  int    `json:"count"`
	Note   string `json:"note,omitempty"`
	Source Source `json:"-"`
}

// FactValue states a fact about a member (e.g. no_discipline: true).
type FactValue struct {
	Member string `json:"member"`
	Fact   string `json:"fact"`
	Value  bool   `json:"value"`
	Source Source `json:"-"`
}

// Ballot is the result of a secret ballot (bỏ phiếu kín) among the members.
type Ballot struct {
	// ID names the ballot, one of the rulebook's votes.ballots; empty for
	// the sheet's only ballot (Sheet.Ballot).
	ID string `json:"id,omitempty"`
	// Entitled is the number of members entitled to vote; zero means the
	// number of members in the sheet.
	Entitled int `json:"entitled,omitempty"`
	// Present is the number present and voting; zero means Entitled.
	Present int    `json:"present,omitempty"`
	Votes   []Vote `json:"votes"`
	Source  Source `json:"-"`
}

// Vote is the ballot's count for one member.
type Vote struct {
	Member  string `json:"member"`
	For     int    `json:"for"`
	Against int    `json:"against,omitempty"`
	Abstain int    `json:"abstain,omitempty"`
	Source  Source `json:"-"`
}

// PastAward records an award a member received (or was proposed for) in an
// earlier year, for history-based tie-breaks.
type PastAward struct {
	Member string `json:"member"`
	Year   int    `json:"year"`
	Award  string `json:"award"`
	Source Source `json:"-"`
}

// Hash returns the sheet's content hash ("sha256:…"). It does not depend on
// the order of rows or on where they came from, so the same data read from
// CSV or JSON, in any order, has the same hash. Decimals are written in a
// canonical form (no trailing zeros, no exponent), so 9.50 and 9.5 are the
// same value.
func (s Sheet) Hash() string {
	// The lines are written one after the other into one buffer (each one
	// its fields joined by \x1f, then a newline), and sorted by their place
	// in it. A first pass only measures them, so that the buffer is made
	// once.
	var m hashLines
	m.measure = true
	s.hashLines(&m)
	// The buffers are reused from one hash to the next (a batch hashes
	// thousands of small sheets), unless they are large.
	h := hashBuffers.Get().(*hashLines)
	buf, lines := h.buf[:0], h.lines[:0]
	if cap(buf) < m.size {
		buf = make([]byte, 0, m.size)
	}
	if cap(lines) < m.count {
		lines = make([]hashLine, 0, m.count)
	}
	*h = hashLines{buf: buf, lines: lines}
	s.hashLines(h)
	buf = h.buf
	slices.SortFunc(h.lines, func(a, b hashLine) int {
		if c := cmp.Or(cmp.Compare(a.k0, b.k0), cmp.Compare(a.k1, b.k1)); c != 0 {
			return c
		}
		return bytes.Compare(buf[a.start:a.end], buf[b.start:b.end])
	})
	d := sha256.New()
	for _, l := range h.lines {
		d.Write(buf[l.start : l.end+1]) // the line and its newline
	}
	// the recorded draw is an order, so it is hashed in order
	d.Write([]byte("L\x1f" + strings.Join(s.Lots, "\x1f") + "\n"))
	if cap(h.buf) <= maxPooledHash {
		hashBuffers.Put(h)
	}
	return "sha256:" + hex.EncodeToString(d.Sum(nil))
}

// hashBuffers holds the buffers of Hash for reuse; those larger than
// maxPooledHash bytes are left to the collector.
var hashBuffers = sync.Pool{New: func() any { return new(hashLines) }}

const maxPooledHash = 1 << 20

// hashLines writes the sheet's lines but the draw's, in any order.
func (s Sheet) hashLines(h *hashLines) {
	h.line('C').text(s.Cluster).int(s.Year)
	for _, m := range s.Members {
		h.line('M').text(m.ID).text(m.Name)
	}
	for _, e := range s.Scores {
		h.line('S').text(e.Member).text(e.Criterion).text(e.Stage).text(e.Assessor).dec(e.Value)
	}
	for _, t := range s.Targets {
		h.line('T').text(t.Member).text(t.Criterion).dec(t.Value)
	}
	for _, a := range s.NotAssigned {
		h.line('N').text(a.Member).text(a.Criterion)
	}
	for _, o := range s.Bonuses {
		h.line('B').text(o.Member).text(o.Item).int(o.Count).text(o.Note)
	}
	for _, o := range s.Deductions {
		h.line('D').text(o.Member).text(o.Item).int(o.Count).text(o.Note)
	}
	for _, f := range s.Facts {
		h.line('F').text(f.Member).text(f.Fact).text(strconv.FormatBool(f.Value))
	}
	if b := s.Ballot; b != nil {
		h.line('V').int(b.Entitled).int(b.Present)
		for _, v := range b.Votes {
			h.line('v').text(v.Member).int(v.For).int(v.Against).int(v.Abstain)
		}
	}
	for _, b := range s.Ballots {
		h.line('W').text(b.ID).int(b.Entitled).int(b.Present)
		for _, v := range b.Votes {
			h.line('w').text(b.ID).text(v.Member).int(v.For).int(v.Against).int(v.Abstain)
		}
	}
	for _, p := range s.History {
		h.line('H').text(p.Member).int(p.Year).text(p.Award)
	}
	s.hashMatches(h)
	h.end()
}

// hashLine is where a line of Hash is in the buffer, with its first 16
// bytes as two numbers (big-endian, after zeros if it is shorter): lines
// compare as their keys do, unless the keys are equal, and most lines
// differ in their first 16 bytes (a kind, a member id, a criterion).
type hashLine struct {
	k0, k1     uint64
	start, end int
}

func newHashLine(buf []byte, start, end int) hashLine {
	var p [16]byte
	copy(p[:], buf[start:end])
	return hashLine{k0: binary.BigEndian.Uint64(p[:8]), k1: binary.BigEndian.Uint64(p[8:]), start: start, end: end}
}

// hashLines holds the lines of Hash: their bytes one after the other in
// buf, and where each begins and ends; or, when measuring, only how many
// there are and how many bytes they take at most.
type hashLines struct {
	buf   []byte
	lines []hashLine
	start int

	measure     bool
	count, size int
}

// line ends the line being written, if any, and begins one with its kind.
func (h *hashLines) line(kind byte) *hashLines {
	h.end()
	if h.measure {
		h.count++
		h.size += 2 // its kind and the newline after it
		return h
	}
	h.start = len(h.buf)
	h.buf = append(h.buf, kind)
	return h
}

// end ends the line being written, if any, with a newline: the lines are
// hashed each with the newline after it, and sorted without it.
func (h *hashLines) end() {
	if len(h.buf) > h.start {
		h.lines = append(h.lines, newHashLine(h.buf, h.start, len(h.buf)))
		h.buf = append(h.buf, '\n')
		h.start = len(h.buf)
	}
}

func (h *hashLines) text(s string) *hashLines {
	if h.measure {
		h.size += 1 + len(s)
		return h
	}
	h.buf = append(append(h.buf, 0x1f), s...)
	return h
}

func (h *hashLines) int(n int) *hashLines {
	if h.measure {
		h.size += 1 + 20
		return h
	}
	h.buf = strconv.AppendInt(append(h.buf, 0x1f), int64(n), 10)
	return h
}

func (h *hashLines) dec(d decimal.Decimal) *hashLines {
	if h.measure {
		// sign, digits, point, and the zeros an exponent adds
		h.size += 1 + 3 + d.NumDigits() + int(max(d.Exponent(), -d.Exponent()))
		return h
	}
	h.buf = appendCanonical(append(h.buf, 0x1f), d)
	return h
}

// appendCanonical appends canonical(d) to b, without building a number or
// a text when d's coefficient fits in an int64.
func appendCanonical(b []byte, d decimal.Decimal) []byte {
	if d.NumDigits() > 18 {
		return append(b, canonical(d)...)
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	if c == 0 {
		return append(b, '0')
	}
	for e < 0 && c%10 == 0 {
		c, e = c/10, e+1
	}
	if c < 0 {
		b = append(b, '-')
		c = -c // |c| < 10^18: no overflow
	}
	var digits [20]byte
	ds := strconv.AppendInt(digits[:0], c, 10)
	switch {
	case e >= 0:
		b = append(b, ds...)
		for range e {
			b = append(b, '0')
		}
	case int(-e) < len(ds):
		point := len(ds) + int(e)
		b = append(append(append(b, ds[:point]...), '.'), ds[point:]...)
	default:
		b = append(b, '0', '.')
		for range int(-e) - len(ds) {
			b = append(b, '0')
		}
		b = append(b, ds...)
	}
	return b
}

// canonical writes a decimal without trailing zeros or exponent, whatever
// the decimal package's settings.
func canonical(d decimal.Decimal) string {
	c, e := new(big.Int).Set(d.Coefficient()), d.Exponent()
	ten, r := big.NewInt(10), new(big.Int)
	for c.Sign() != 0 && e < 0 {
		q, rem := new(big.Int).QuoRem(c, ten, r)
		if rem.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	if c.Sign() == 0 {
		return "0"
	}
	return decimal.NewFromBigInt(c, e).StringFixed(max(0, -e))
}
