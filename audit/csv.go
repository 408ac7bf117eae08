package audit

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/csvutil"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets"
)

// MaxBytes is the largest recorded-result file accepted.
const MaxBytes = 8 << 20

var columns = []string{"record", "member", "key", "value", "note"}

// ReadCSV reads a recorded result in the CSV layout described in the
// package documentation. name is used in error messages. Every malformed
// row is reported, as ParseErrors, each with its file and line.
func ReadCSV(name string, r io.Reader) (Recorded, error) {
	data, err := bounded.Read(name, r, MaxBytes)
	if errors.Is(err, bounded.ErrTooLarge) {
		return Recorded{}, ParseErrors{parseError(name, 0, "", "", lang.Msg("recorded.too_large", MaxBytes))}
	}
	if err != nil {
		return Recorded{}, err
	}
	return parseCSV(name, data)
}

func parseCSV(name string, data []byte) (Recorded, error) {
	if len(data) > MaxBytes {
		return Recorded{}, ParseErrors{parseError(name, 0, "", "", lang.Msg("recorded.too_large", MaxBytes))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	br := csvBuffers.Get().(*bufio.Reader)
	br.Reset(bytes.NewReader(data))
	defer func() { br.Reset(nil); csvBuffers.Put(br) }()
	cr := csv.NewReader(br) // takes br as it is: its buffer is large enough
	cr.Comma = csvutil.Delimiter(data)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	n := memberRows(data, cr.Comma)
	p := &csvParser{name: name, members: make(map[string]int, n)}
	p.rec.Members = make([]MemberResult, 0, n)
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return Recorded{}, ParseErrors{parseError(name, 1, "", "", lang.Msg("recorded.csv.empty"))}
		}
		return Recorded{}, ParseErrors{p.csvError(err)}
	}
	if !p.header(header) {
		return Recorded{}, p.errs
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.errs = append(p.errs, p.csvError(err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				continue
			}
			break // a quoting error leaves the reader out of step
		}
		line, _ := cr.FieldPos(0)
		p.row(rec, line)
	}
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *ParseError) int { return cmp.Compare(a.Line, b.Line) })
		return p.rec, p.errs
	}
	return p.rec, nil
}

// csvBuffers are the buffered readers encoding/csv reads through: it makes
// one of 4 KiB for each reader it is given unless that reader is one
// already, which costs more than a small file's parsing allocates
// otherwise. The data is in memory; the buffer only serves csv.Reader.
var csvBuffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// memberRows counts the lines of data that begin as a member row does
// ("member" and the delimiter, in any case), at least 1: the number of
// members to make room for, so that the list is made once. It is only a
// guess: the list grows as usual if rows of other kinds name more members.
func memberRows(data []byte, comma rune) int {
	n := 0
	for len(data) > 0 {
		if len(data) > len("member") && rune(data[len("member")]) == comma && bytes.EqualFold(data[:len("member")], []byte("member")) {
			n++
		}
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		data = data[i+1:]
	}
	return max(n, 1)
}

type csvParser struct {
	name    string
	col     [5]int // index of each column in a row, -1 if absent
	rec     Recorded
	members map[string]int
	errs    ParseErrors
	cluster map[string]int // key → line, for duplicates
	// subtotals is the most subtotals a member has so far
	subtotals int
}

func (p *csvParser) csvError(err error) *ParseError {
	line, m := csvutil.Located(err)
	return parseError(p.name, line, "", "", m)
}

func (p *csvParser) add(line int, member, key string, m lang.Message) {
	p.errs = append(p.errs, parseError(p.name, line, member, key, m))
}

// what names a record's value ("total", "votes for") as a part of a
// message.
func what(kind string) lang.Message {
	switch kind {
	case "total":
		return lang.Msg("recorded.what.total")
	case "percent":
		return lang.Msg("recorded.what.percent")
	case "bonus":
		return lang.Msg("recorded.what.bonus")
	case "deductions":
		return lang.Msg("recorded.what.deductions")
	case "deduction":
		return lang.Msg("recorded.what.deduction")
	case "subtotal":
		return lang.Msg("recorded.what.subtotal")
	case "rank":
		return lang.Msg("recorded.what.rank")
	case "votes":
		return lang.Msg("recorded.what.votes")
	case "votes for":
		return lang.Msg("recorded.what.votes_for")
	case "votes against":
		return lang.Msg("recorded.what.votes_against")
	case "abstentions":
		return lang.Msg("recorded.what.abstentions")
	case "ballot":
		return lang.Msg("recorded.what.ballot")
	}
	return lang.Msg("csv.error", kind)
}

func (p *csvParser) header(h []string) bool {
	for i := range p.col {
		p.col[i] = -1
	}
	for i, c := range h {
		c = strings.ToLower(strings.TrimSpace(c))
		j := slices.Index(columns, c)
		switch {
		case j < 0:
			p.add(1, "", "", lang.Msg("recorded.csv.column.unknown", quote(c), strings.Join(columns, ", ")))
		case p.col[j] >= 0:
			p.add(1, "", "", lang.Msg("recorded.csv.column.twice", quote(c)))
		default:
			p.col[j] = i
		}
	}
	if p.col[0] < 0 && len(p.errs) == 0 {
		p.add(1, "", "", lang.Msg("recorded.csv.column.no_record", strings.Join(columns, ", ")))
	}
	return len(p.errs) == 0
}

func (p *csvParser) get(rec []string, c int) string {
	i := p.col[c]
	if i < 0 || i >= len(rec) {
		return ""
	}
	s := rec[i]
	for j := 0; j < len(s); j++ {
		if s[j] >= utf8.RuneSelf {
			// norm.NFC.String returns a text already in NFC as it is,
			// without copying it.
			return norm.NFC.String(strings.TrimSpace(s))
		}
	}
	return strings.TrimSpace(s) // ASCII is in NFC
}

// member returns the member with the given id, adding it on first sight.
func (p *csvParser) member(id string, src Source) *MemberResult {
	i, ok := p.members[id]
	if !ok {
		i = len(p.rec.Members)
		p.members[id] = i
		p.rec.Members = append(p.rec.Members, MemberResult{ID: id, Source: src})
	}
	return &p.rec.Members[i]
}

func (p *csvParser) row(rec []string, line int) {
	if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
		return // blank line
	}
	kind := strings.ToLower(p.get(rec, 0))
	if strings.HasPrefix(kind, "#") {
		return // comment row
	}
	member, key, value, note := p.get(rec, 1), p.get(rec, 2), p.get(rec, 3), p.get(rec, 4)
	src := Source{File: p.name, Line: line}
	need := func(what ...string) bool {
		ok := true
		for _, w := range what {
			if p.get(rec, slices.Index(columns, w)) == "" {
				p.add(line, member, key, lang.Msg(needsKey(kind), kind, w))
				ok = false
			}
		}
		return ok
	}
	if member != "" && (strings.ContainsAny(member, "\n\r\t") || len(member) > 200) {
		p.add(line, "", "", lang.Msg("recorded.csv.member.bad_id", quote(member)))
		return
	}
	switch kind {
	case "cluster":
		p.clusterRow(line, key, value)
	case "member":
		if !need("member") {
			return
		}
		if key != "" && key != "name" {
			p.add(line, member, key, lang.Msg("recorded.csv.member.key", quote(key)))
			return
		}
		m := p.member(member, src)
		if m.Name != "" && value != "" && m.Name != value {
			p.add(line, member, "", lang.Msg("recorded.csv.member.named", quote(m.Name), quote(value)))
			return
		}
		if value != "" {
			m.Name = value
		}
	case "rank":
		if !need("member", "value") {
			return
		}
		n, err := strconv.Atoi(strings.TrimSuffix(value, "="))
		if err != nil || n < 1 || n > 100_000 {
			p.add(line, member, "", lang.Msg("recorded.csv.rank", quote(value)))
			return
		}
		p.count(line, member, "rank", &p.member(member, src).Rank, n, src)
	case "total", "percent", "bonus", "deductions", "deduction":
		if !need("member", "value") {
			return
		}
		d, err := sheets.ParseDecimal(value)
		if err != nil {
			p.add(line, member, "", lang.Msg("recorded.csv.value").With(what(kind), csvutil.ValueMessage(err)))
			return
		}
		m := p.member(member, src)
		f := &m.Deductions // "deductions", "deduction"
		switch kind {
		case "total":
			f = &m.Total
		case "percent":
			f = &m.Percent
		case "bonus":
			f = &m.Bonus
		}
		if f.Set {
			p.add(line, member, "", lang.Msg("recorded.csv.twice", f.Source.Line).With(what(kind)))
			return
		}
		*f = Figure{Value: d, Set: true, Source: src}
	case "subtotal":
		if !need("member", "key", "value") {
			return
		}
		d, err := sheets.ParseDecimal(value)
		if err != nil {
			p.add(line, member, key, lang.Msg("recorded.csv.value").With(what("subtotal"), csvutil.ValueMessage(err)))
			return
		}
		m := p.member(member, src)
		if s, dup := m.Subtotal(key); dup {
			p.add(line, member, key, lang.Msg("recorded.csv.twice", s.Source.Line).With(what("subtotal")))
			return
		}
		if m.Subtotals == nil {
			// room for as many as the members before it have (the
			// minutes give each member the same groups)
			m.Subtotals = make([]Subtotal, 0, max(p.subtotals, 1))
		}
		m.Subtotals = append(m.Subtotals, Subtotal{Node: key, Value: d, Source: src})
		p.subtotals = max(p.subtotals, len(m.Subtotals))
	case "award":
		if !need("member", "key") {
			return
		}
		m := p.member(member, src)
		if i := slices.IndexFunc(m.Awards, func(a AwardEntry) bool { return a.Tier == key }); i >= 0 {
			p.add(line, member, key, lang.Msg("recorded.csv.award.twice", m.Awards[i].Source.Line))
			return
		}
		m.Awards = append(m.Awards, AwardEntry{Tier: key, Name: value, Source: src})
	case "grade":
		if !need("member", "value") {
			return
		}
		p.grade(line, member, key, value, src)
	case "votes":
		if !need("member", "value") {
			return
		}
		n, err := parseCount(value)
		if err != nil {
			p.add(line, member, key, lang.Msg("recorded.csv.value").With(what("votes"), csvutil.ValueMessage(err)))
			return
		}
		m := p.member(member, src)
		switch key {
		case "", "for":
			p.count(line, member, "votes for", &m.Votes, n, src)
		case "against":
			p.count(line, member, "votes against", &m.Against, n, src)
		case "abstain":
			p.count(line, member, "abstentions", &m.Abstain, n, src)
		default:
			p.add(line, member, key, lang.Msg("recorded.csv.votes.key", quote(key)))
		}
	case "ballot":
		n, err := parseCount(value)
		if err != nil {
			p.add(line, "", key, lang.Msg("recorded.csv.value").With(what("ballot"), csvutil.ValueMessage(err)))
			return
		}
		if p.rec.Ballot == nil {
			p.rec.Ballot = &BallotResult{Source: src}
		}
		switch key {
		case "entitled":
			p.rec.Ballot.Entitled = n
		case "present":
			p.rec.Ballot.Present = n
		default:
			p.add(line, "", key, lang.Msg("recorded.csv.ballot.key", quote(key)))
		}
	case "tiebreak", "tie_break":
		if !need("member", "key", "value") {
			return
		}
		p.member(member, src)
		p.member(value, src)
		if value == member {
			p.add(line, member, key, lang.Msg("recorded.tiebreak.self", quote(member)))
			return
		}
		p.rec.TieBreaks = append(p.rec.TieBreaks, CitedTieBreak{Upper: value, Lower: member, Rule: key, Note: note, Source: src})
	case "":
		p.add(line, member, key, lang.Msg("recorded.csv.record.empty"))
	default:
		p.add(line, member, key, lang.Msg("recorded.csv.record.unknown", quote(kind)))
	}
}

func (p *csvParser) clusterRow(line int, key, value string) {
	if p.cluster == nil {
		p.cluster = map[string]int{}
	}
	if prev, dup := p.cluster[key]; dup {
		p.add(line, "", key, lang.Msg("recorded.csv.cluster.twice", key, prev))
		return
	}
	switch key {
	case "name":
		p.rec.Cluster = value
	case "year":
		y, err := strconv.Atoi(value)
		if err != nil || y < 1900 || y > 9999 {
			p.add(line, "", "year", lang.Msg("recorded.year", quote(value)))
			return
		}
		p.rec.Year = y
	case "rulebook":
		p.rec.Rulebook = value
	case "version":
		p.rec.Version = value
	case "date":
		p.rec.Date = value
	default:
		p.add(line, "", key, lang.Msg("recorded.csv.cluster.key", quote(key)))
		return
	}
	p.cluster[key] = line
}

func (p *csvParser) count(line int, member, kind string, c *Count, n int, src Source) {
	if c.Set {
		p.add(line, member, "", lang.Msg("recorded.csv.twice", c.Source.Line).With(what(kind)))
		return
	}
	*c = Count{N: n, Set: true, Source: src}
}

func parseCount(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, fields.WholeNumberError(s)
	}
	return n, nil
}

// needsKey is the key of "a(n) … row needs a …": the English article
// before a record name is "a" or "an".
func needsKey(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "recorded.csv.row.needs.an"
	}
	return "recorded.csv.row.needs.a"
}
