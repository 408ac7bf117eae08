package sheets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/csvutil"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// MaxBytes is the largest sheet file accepted, in every format: ReadCSV,
// ParseJSON and Load refuse anything larger.
const MaxBytes = 32 << 20

var columns = []string{"record", "member", "key", "value", "stage", "assessor", "note"}

// idColumns hold ids and keys, which must be plain text on one line
// (idCols are their indices).
var (
	idColumns = []string{"member", "key", "stage", "assessor"}
	idCols    = []int{colMember, colKey, colStage, colAssessor}
)

// ReadCSV reads a score sheet in the CSV layout described in the package
// documentation. name is used in error messages. A text cell that begins
// with a single quote followed by = + - @, a tab or a carriage return (or
// by more quotes and then one of those) is read without its first quote:
// it is the quote WriteCSV puts before a text a spreadsheet would take for
// a formula, so that "'=1+2" reads as "=1+2" and a sheet written by
// WriteCSV reads back equal. Any other quote is kept; numbers are read as
// they are. Every malformed row is
// reported, as scoring.InputErrors; the sheet returned with them holds the
// rows that could be read, so that a caller can go on to report the
// problems scoring finds in those (see Check). A row that is refused leaves
// no trace in that sheet.
func ReadCSV(name string, r io.Reader) (scoring.Sheet, error) {
	data, err := readBounded(name, r)
	if err != nil {
		return scoring.Sheet{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	br := csvBuffers.Get().(*bufio.Reader)
	br.Reset(bytes.NewReader(data))
	defer func() { br.Reset(nil); csvBuffers.Put(br) }()
	cr := csv.NewReader(br) // takes br as it is: its buffer is large enough
	cr.Comma = csvutil.Delimiter(data)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // the parser keeps a record's texts, never the record
	p := &csvParser{name: name, comma: cr.Comma, seen: map[string]int{}}
	p.reserve(data)
	p.interning = len(data) >= internBytes
	for {
		header, err := cr.Read()
		if err == io.EOF {
			return scoring.Sheet{}, scoring.InputErrors{inputError(name, 1, "", "", lang.Msg("csv.empty"))}
		}
		if err != nil {
			return scoring.Sheet{}, scoring.InputErrors{p.csvError(err)}
		}
		if blank(header) {
			continue // blank lines before the header
		}
		line, _ := cr.FieldPos(0)
		if !p.header(header, line) {
			return scoring.Sheet{}, p.errs
		}
		break
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.errs = append(p.errs, p.csvError(err))
			break // a quoting error leaves the reader out of step
		}
		line, _ := cr.FieldPos(0)
		p.row(rec, line)
	}
	p.finish()
	p.finishMatches()
	if len(p.sheet.Scores) == 0 {
		p.sheet.Scores = nil // as if none had been reserved
	}
	if len(p.sheet.Members) == 0 {
		p.sheet.Members = nil
	}
	if len(p.errs) > 0 {
		return p.sheet, p.errs
	}
	return p.sheet, nil
}

// startsNumber reports whether a cleaned cell begins as a number does: a
// digit, a sign or a point (no word for "not assigned" does).
func startsNumber(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == '+' || s[0] == '.')
}

// csvBuffers are the buffered readers encoding/csv reads through: it makes
// one of 4 KiB for each reader it is given unless that reader is one
// already, which costs more than a small sheet's parsing allocates
// otherwise. The data is in memory; the buffer only serves csv.Reader.
var csvBuffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// blank reports whether every cell of rec is empty or spaces, as in a blank
// line or a blank row saved by a spreadsheet (",,,,,,").
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

type csvParser struct {
	name   string
	comma  rune
	col    map[string]int
	at     [len(colNames)]int    // per column: its index in a record, or -1
	cells  [len(colNames)]string // the current row's cells, cleaned (see get)
	width  int                   // columns in the header, without empty cells at its end
	ncells int                   // cells in the header line, with them
	sheet  scoring.Sheet
	errs   scoring.InputErrors
	lots   []lot
	halves []half         // match rows, paired by finishMatches
	seen   map[string]int // rows that may be given once, with their line
	votes  map[string]int // ballot id, member → index of its votes in the ballot
	scope  string         // the ballot a ballot or votes row is of, for once
	// ids and numbers read so far: a sheet names the same members,
	// criteria and stages, and gives the same values, on thousands of
	// rows, which share one copy of each (see intern and decimal)
	ids  map[string]string
	nums map[string]decimal.Decimal
	last [len(colNames)]string // per column: the id interned last
	// interning is set for a large sheet: a small one's rows keep
	// their lines, which cost less than the map
	interning bool
	scoreRows int // the score rows reserve counted
}

// internBytes is the size of a sheet from which its ids are interned.
const internBytes = 1 << 20

// intern returns s, read in column c, or the equal text read before: the
// rows' ids share one copy of each, and keep no line of the file alive.
func (p *csvParser) intern(c int, s string) string {
	if s == "" || !p.interning {
		return s
	}
	if s == p.last[c] {
		return p.last[c] // the rows of a member follow each other
	}
	t, ok := p.ids[s]
	if !ok {
		if p.ids == nil {
			p.ids = map[string]string{}
		}
		t = strings.Clone(s)
		p.ids[t] = t
	}
	p.last[c] = t
	return t
}

// decimal is ParseDecimal, once per distinct text: the rows that give the
// same text share its value (a decimal is never changed).
func (p *csvParser) decimal(s string) (decimal.Decimal, error) {
	if d, ok := p.nums[s]; ok {
		return d, nil
	}
	d, err := ParseDecimal(s)
	if err != nil {
		return d, err
	}
	if p.nums == nil {
		// room for the distinct values of a sheet's scores, which repeat
		p.nums = make(map[string]decimal.Decimal, min(p.scoreRows/4, 1024))
	}
	p.nums[strings.Clone(s)] = d
	return d, nil
}

// The columns, as indices of csvParser.at and cells (in the order of
// columns).
const (
	colRecord = iota
	colMember
	colKey
	colValue
	colStage
	colAssessor
	colNote
)

var colNames = [...]string{colRecord: "record", colMember: "member", colKey: "key", colValue: "value", colStage: "stage", colAssessor: "assessor", colNote: "note"}

// reserve sizes the sheet's lists of scores and members for the lines of
// data that begin as their rows do ("score," or "member,", in any case,
// with the sheet's delimiter), so that a large sheet's lists are not grown
// again and again. It is only a guess: a list grows as usual if it is
// short, and is left nil if no row is added to it (see ReadCSV).
func (p *csvParser) reserve(data []byte) {
	var scores, members int
	for len(data) > 0 {
		switch {
		case startsRecord(data, "score", p.comma):
			scores++
		case startsRecord(data, "member", p.comma):
			members++
		}
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		data = data[i+1:]
	}
	if scores > 0 {
		p.sheet.Scores = make([]scoring.Entry, 0, scores)
	}
	p.scoreRows = scores
	if members > 0 {
		p.sheet.Members = make([]scoring.Member, 0, members)
	}
}

// startsRecord reports whether line begins with the record kind, in any
// case, and the delimiter.
func startsRecord(line []byte, kind string, comma rune) bool {
	return len(line) > len(kind) && line[0]|0x20 == kind[0] && rune(line[len(kind)]) == comma &&
		bytes.EqualFold(line[:len(kind)], []byte(kind))
}

type lot struct {
	member string
	pos    int
	line   int
}

func (p *csvParser) csvError(err error) *scoring.InputError {
	line, m := csvutil.Located(err)
	return inputError(p.name, line, "", "", m)
}

func (p *csvParser) add(line int, member, key string, m lang.Message) {
	p.errs = append(p.errs, inputError(p.name, line, member, key, m))
}

// header reads the header row, found on line. Empty cells at its end (as
// spreadsheets save them) are ignored.
func (p *csvParser) header(h []string, line int) bool {
	p.col = map[string]int{}
	p.ncells = len(h)
	p.width = len(h)
	for p.width > 0 && strings.TrimSpace(h[p.width-1]) == "" {
		p.width--
	}
	for i, c := range h[:p.width] {
		c = strings.ToLower(strings.TrimSpace(c))
		if !slices.Contains(columns, c) {
			p.add(line, "", "", lang.Msg("csv.column.unknown", strconv.Quote(c), strings.Join(columns, ", ")))
			continue
		}
		if _, dup := p.col[c]; dup {
			p.add(line, "", "", lang.Msg("csv.column.twice", strconv.Quote(c)))
		}
		p.col[c] = i
	}
	if _, ok := p.col["record"]; !ok && len(p.errs) == 0 {
		p.add(line, "", "", lang.Msg("csv.column.no_record", strings.Join(columns, ", ")))
	}
	for c, name := range colNames {
		p.at[c] = -1
		if i, ok := p.col[name]; ok {
			p.at[c] = i
		}
	}
	return len(p.errs) == 0
}

// clean reads a row's cells, cleaned (fields.CleanText): an absent column
// reads as "".
func (p *csvParser) clean(rec []string) {
	for c, i := range p.at {
		p.cells[c] = ""
		if i >= 0 && i < len(rec) {
			p.cells[c] = cleanCell(rec[i])
		}
	}
}

// cleanCell is fields.CleanText(s), without its work for a cell of plain
// ASCII text without carriage returns (most cells: ids, numbers, empty
// ones), which is in NFC already and only needs trimming.
func cleanCell(s string) string {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= utf8.RuneSelf || b == '\r' {
			return fields.CleanText(s)
		}
	}
	return strings.TrimSpace(s)
}

// get is the current row's cell in column c, cleaned (see clean).
func (p *csvParser) get(c int) string { return p.cells[c] }

// once reports whether the row on line is the first to give what it gives
// (the cluster's name, or the votes for a member, …: the message key of
// its duplicate, with args, such as "csv.votes.twice" and "for"); if not,
// it reports the row, with the line of the first.
func (p *csvParser) once(line int, member, crit, key string, args ...string) bool {
	k := p.scope + "\x00" + member + "\x00" + key + "\x00" + strings.Join(args, "\x00")
	if first, dup := p.seen[k]; dup {
		vals := make([]any, 0, len(args)+1)
		for _, a := range args {
			vals = append(vals, a)
		}
		p.add(line, member, crit, lang.Msg(key, append(vals, first)...))
		return false
	}
	p.seen[k] = line
	return true
}

// overflow reports a row with cells beyond the header's columns: more cells
// than the header line, or a non-empty cell under no column name. An
// unquoted decimal comma in a comma-separated file ("9,75") does that.
func (p *csvParser) overflow(rec []string, line int, member, key string) bool {
	n := len(rec)
	if n <= p.ncells {
		for n > p.width && strings.TrimSpace(rec[n-1]) == "" {
			n--
		}
		if n <= p.width {
			return false
		}
	}
	m := lang.Msg("csv.row.too_wide.comma", n, p.width)
	if p.comma == ';' {
		m = lang.Msg("csv.row.too_wide.semicolon", n, p.width)
	}
	p.add(line, member, key, m)
	return true
}

func (p *csvParser) row(rec []string, line int) {
	if blank(rec) {
		return // blank line, or a row of empty cells
	}
	p.clean(rec)
	kind := strings.ToLower(p.get(colRecord))
	if strings.HasPrefix(kind, "#") {
		return // comment row
	}
	member, key, value := p.intern(colMember, unneutralise(p.get(colMember))), p.intern(colKey, unneutralise(p.get(colKey))), p.get(colValue)
	stage, assessor, note := p.intern(colStage, unneutralise(p.get(colStage))), p.intern(colAssessor, unneutralise(p.get(colAssessor))), unneutralise(p.get(colNote))
	if p.overflow(rec, line, member, key) {
		return
	}
	for k, c := range idColumns {
		if v := p.get(idCols[k]); strings.ContainsFunc(v, unicode.IsControl) {
			m, k := member, key // name them unless they are the bad text
			if strings.ContainsFunc(m, unicode.IsControl) {
				m = ""
			}
			if strings.ContainsFunc(k, unicode.IsControl) {
				k = ""
			}
			p.add(line, m, k, lang.Msg("csv.control", c, strconv.Quote(v)))
			return
		}
	}
	src := scoring.Source{File: p.name, Line: line}
	need := func(what ...int) bool {
		ok := true
		for _, w := range what {
			if p.get(w) == "" {
				p.add(line, member, key, lang.Msg("csv.row.needs", kind, colNames[w]))
				ok = false
			}
		}
		return ok
	}
	switch kind {
	case "cluster":
		switch key {
		case "name":
			if !p.once(line, "", "", "csv.cluster.name.twice") {
				return
			}
			p.sheet.Cluster = unneutralise(value)
		case "year":
			y, err := strconv.Atoi(value)
			if err != nil || y < 1900 || y > 9999 {
				p.add(line, "", "", lang.Msg("csv.cluster.year", strconv.Quote(value)))
				return
			}
			if !p.once(line, "", "", "csv.cluster.year.twice") {
				return
			}
			p.sheet.Year = y
		default:
			p.add(line, "", key, lang.Msg("csv.cluster.key", strconv.Quote(key)))
		}
	case "member":
		if !need(colMember) {
			return
		}
		if key != "" && key != "name" {
			p.add(line, member, key, lang.Msg("csv.member.key", strconv.Quote(key)))
			return
		}
		p.sheet.Members = append(p.sheet.Members, scoring.Member{ID: member, Name: unneutralise(value), Source: src})
	case "score":
		if !need(colMember, colKey, colStage) {
			return
		}
		if value == "" {
			p.add(line, member, key, lang.Msg("csv.score.no_value"))
			return
		}
		if !startsNumber(value) && isNotAssigned(value) {
			p.sheet.NotAssigned = append(p.sheet.NotAssigned, scoring.Assignment{Member: member, Criterion: key, Source: src})
			return
		}
		d, err := p.decimal(value)
		if err != nil {
			p.add(line, member, key, csvutil.ValueMessage(err))
			return
		}
		p.sheet.Scores = append(p.sheet.Scores, scoring.Entry{Member: member, Criterion: key, Stage: stage, Assessor: assessor, Value: d, Source: src})
	case "target":
		if !need(colMember, colKey, colValue) {
			return
		}
		d, err := p.decimal(value)
		if err != nil {
			p.add(line, member, key, lang.Msg("csv.target.value").With(csvutil.ValueMessage(err)))
			return
		}
		p.sheet.Targets = append(p.sheet.Targets, scoring.Target{Member: member, Criterion: key, Value: d, Source: src})
	case "not_assigned":
		if !need(colMember, colKey) {
			return
		}
		p.sheet.NotAssigned = append(p.sheet.NotAssigned, scoring.Assignment{Member: member, Criterion: key, Source: src})
	case "bonus", "deduction":
		if !need(colMember, colKey) {
			return
		}
		n := 1
		if value != "" {
			var err error
			if n, err = parseCount(value); err != nil {
				m := lang.Msg("csv.bonus.count")
				if kind == "deduction" {
					m = lang.Msg("csv.deduction.count")
				}
				p.add(line, member, key, m.With(csvutil.ValueMessage(err)))
				return
			}
		}
		o := scoring.Occurrences{Member: member, Item: key, Count: n, Note: note, Source: src}
		if kind == "bonus" {
			p.sheet.Bonuses = append(p.sheet.Bonuses, o)
		} else {
			p.sheet.Deductions = append(p.sheet.Deductions, o)
		}
	case "fact":
		if !need(colMember, colKey, colValue) {
			return
		}
		b, err := parseBool(value)
		if err != nil {
			p.add(line, member, key, csvutil.ValueMessage(err))
			return
		}
		p.sheet.Facts = append(p.sheet.Facts, scoring.FactValue{Member: member, Fact: key, Value: b, Source: src})
	case "ballot":
		if key != "entitled" && key != "present" {
			p.add(line, "", key, lang.Msg("csv.ballot.key", strconv.Quote(key)))
			return
		}
		n, err := parseCount(value)
		if err != nil {
			p.add(line, "", key, lang.Msg("csv.ballot.count").With(csvutil.ValueMessage(err)))
			return
		}
		p.scope = stage
		defer func() { p.scope = "" }()
		if !p.once(line, "", key, "csv.ballot.twice", key) {
			return
		}
		b := p.ballot(stage, src)
		if key == "entitled" {
			b.Entitled = n
		} else {
			b.Present = n
		}
	case "votes":
		if key == "" {
			key = "for"
		}
		if !need(colMember, colValue) {
			return
		}
		if key != "for" && key != "against" && key != "abstain" {
			p.add(line, member, key, lang.Msg("csv.votes.key", strconv.Quote(key)))
			return
		}
		n, err := parseCount(value)
		if err != nil {
			p.add(line, member, key, lang.Msg("csv.votes.count").With(csvutil.ValueMessage(err)))
			return
		}
		p.scope = stage
		defer func() { p.scope = "" }()
		if !p.once(line, member, key, "csv.votes.twice", key) {
			return
		}
		b := p.ballot(stage, src)
		i, ok := p.votes[stage+"\x00"+member]
		if !ok {
			if b.Votes == nil {
				b.Votes = make([]scoring.Vote, 0, max(len(p.sheet.Members), 1)) // a vote row per member, as a rule
			}
			b.Votes = append(b.Votes, scoring.Vote{Member: member, Source: src})
			i = len(b.Votes) - 1
			if p.votes == nil {
				p.votes = map[string]int{}
			}
			p.votes[stage+"\x00"+member] = i
		}
		switch v := &b.Votes[i]; key {
		case "for":
			v.For = n
		case "against":
			v.Against = n
		case "abstain":
			v.Abstain = n
		}
	case "history":
		if !need(colMember, colKey, colValue) {
			return
		}
		y, err := strconv.Atoi(key)
		if err != nil || y < 1900 || y > 9999 {
			p.add(line, member, key, lang.Msg("csv.history.year", strconv.Quote(key)))
			return
		}
		p.sheet.History = append(p.sheet.History, scoring.PastAward{Member: member, Year: y, Award: unneutralise(value), Source: src})
	case "lots":
		if !need(colMember, colValue) {
			return
		}
		n, err := parseCount(value)
		if err != nil || n == 0 {
			p.add(line, member, "", lang.Msg("csv.lots.position", strconv.Quote(value)))
			return
		}
		p.lots = append(p.lots, lot{member, n, line})
	case "match":
		if !need(colMember, colKey) {
			return
		}
		p.match(line, member, key, value)
	case "":
		p.add(line, member, key, lang.Msg("csv.record.empty"))
	default:
		p.add(line, member, key, lang.Msg("csv.record.unknown", strconv.Quote(kind)))
	}
}

// ballot returns the ballot a ballot or votes row is of: the sheet's only
// ballot, or the named one (its id in the stage column), started at src
// by its first row.
func (p *csvParser) ballot(id string, src scoring.Source) *scoring.Ballot {
	if id == "" {
		if p.sheet.Ballot == nil {
			p.sheet.Ballot = &scoring.Ballot{Source: src}
		}
		return p.sheet.Ballot
	}
	for i := range p.sheet.Ballots {
		if p.sheet.Ballots[i].ID == id {
			return &p.sheet.Ballots[i]
		}
	}
	p.sheet.Ballots = append(p.sheet.Ballots, scoring.Ballot{ID: id, Source: src})
	return &p.sheet.Ballots[len(p.sheet.Ballots)-1]
}

// finish checks the lots drawn. If their positions do not run 1, 2, 3 …,
// the sheet keeps none: a shortened drawing would read as a complete one.
func (p *csvParser) finish() {
	if len(p.lots) == 0 {
		return
	}
	slices.SortStableFunc(p.lots, func(a, b lot) int { return a.pos - b.pos })
	drawn := make([]string, len(p.lots))
	for i, l := range p.lots {
		if l.pos != i+1 {
			p.add(l.line, l.member, "", lang.Msg("csv.lots.sequence", l.pos, i+1))
			return
		}
		drawn[i] = l.member
	}
	p.sheet.Lots = drawn
}

// WriteCSV writes a sheet in the CSV layout ReadCSV reads. Rows come in a
// fixed order (cluster, members, scores, …), so the output is stable. A
// sheet ReadCSV returned reads back equal (an empty ballot is written as
// "ballot,,entitled,0").
//
// A text cell (an id, a name, a note, an award, the cluster's name) that
// begins with = + - @, a tab or a carriage return would be read as a
// formula by a spreadsheet that opens the file (CSV injection): WriteCSV
// writes it after a single quote ('), as OWASP recommends, so that the
// spreadsheet shows it as text ("'=HYPERLINK(…)"). So does a text that
// already begins with quotes before such a character, so that the quote
// ReadCSV takes off (see ReadCSV) is always the one WriteCSV put on.
// Numbers (scores, targets, counts, years) are written as they are:
// -1.5 stays -1.5.
func WriteCSV(w io.Writer, sh scoring.Sheet) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	rows := [][]string{columns}
	add := func(r ...string) {
		for len(r) < len(columns) {
			r = append(r, "")
		}
		rows = append(rows, r)
	}
	t := neutralise
	if sh.Cluster != "" {
		add("cluster", "", "name", t(sh.Cluster))
	}
	if sh.Year != 0 {
		add("cluster", "", "year", strconv.Itoa(sh.Year))
	}
	for _, m := range sh.Members {
		add("member", t(m.ID), "name", t(m.Name))
	}
	for _, s := range sh.Scores {
		add("score", t(s.Member), t(s.Criterion), s.Value.String(), t(s.Stage), t(s.Assessor))
	}
	for _, tg := range sh.Targets {
		add("target", t(tg.Member), t(tg.Criterion), tg.Value.String())
	}
	for _, a := range sh.NotAssigned {
		add("not_assigned", t(a.Member), t(a.Criterion))
	}
	for _, o := range sh.Bonuses {
		add("bonus", t(o.Member), t(o.Item), strconv.Itoa(o.Count), "", "", t(o.Note))
	}
	for _, o := range sh.Deductions {
		add("deduction", t(o.Member), t(o.Item), strconv.Itoa(o.Count), "", "", t(o.Note))
	}
	for _, f := range sh.Facts {
		add("fact", t(f.Member), t(f.Fact), strconv.FormatBool(f.Value))
	}
	ballot := func(b *scoring.Ballot) {
		// A ballot without counts or votes is written as "entitled 0",
		// so that it reads back as a ballot. A named ballot's id is in
		// the stage column.
		id := t(b.ID)
		if b.Entitled != 0 || b.Present == 0 && len(b.Votes) == 0 {
			add("ballot", "", "entitled", strconv.Itoa(b.Entitled), id)
		}
		if b.Present != 0 {
			add("ballot", "", "present", strconv.Itoa(b.Present), id)
		}
		for _, v := range b.Votes {
			add("votes", t(v.Member), "for", strconv.Itoa(v.For), id)
			if v.Against != 0 {
				add("votes", t(v.Member), "against", strconv.Itoa(v.Against), id)
			}
			if v.Abstain != 0 {
				add("votes", t(v.Member), "abstain", strconv.Itoa(v.Abstain), id)
			}
		}
	}
	if b := sh.Ballot; b != nil {
		ballot(b)
	}
	for i := range sh.Ballots {
		ballot(&sh.Ballots[i])
	}
	for _, h := range sh.History {
		add("history", t(h.Member), strconv.Itoa(h.Year), t(h.Award))
	}
	for i, id := range sh.Lots {
		add("lots", t(id), "", strconv.Itoa(i+1))
	}
	writeMatches(add, sh.Matches)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return bw.Flush()
}

// formulaStart reports whether a spreadsheet would read a cell beginning
// like s as a formula: it begins with = + - @, a tab or a carriage return.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// quoted reports whether a text cell needs the quote that keeps it text:
// it begins, after any quotes, like a formula.
func quoted(s string) bool { return formulaStart(strings.TrimLeft(s, "'")) }

// neutralise writes a text cell so that a spreadsheet shows it as text:
// after a single quote if it needs one (see WriteCSV).
func neutralise(s string) string {
	if quoted(s) {
		return "'" + s
	}
	return s
}

// unneutralise takes off the quote neutralise put on: one quote before a
// text that begins, after any quotes, like a formula.
func unneutralise(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && quoted(rest) {
		return rest
	}
	return s
}
