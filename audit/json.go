package audit

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
)

// jsonRecorded is the JSON (and YAML) layout of a recorded result.
type jsonRecorded struct {
	Schema    string         `yaml:"schema"`
	Cluster   string         `yaml:"cluster"`
	Year      int            `yaml:"year"`
	Rulebook  string         `yaml:"rulebook"`
	Version   string         `yaml:"version"`
	Date      string         `yaml:"date"`
	Ballot    *jsonBallot    `yaml:"ballot"`
	Members   []jsonMember   `yaml:"members"`
	TieBreaks []jsonTieBreak `yaml:"tie_breaks"`
}

type jsonBallot struct {
	Entitled int `yaml:"entitled"`
	Present  int `yaml:"present"`
}

type jsonMember struct {
	ID         string                     `yaml:"id"`
	Name       string                     `yaml:"name"`
	Rank       *int                       `yaml:"rank"`
	Total      *decimal.Decimal           `yaml:"total"`
	Percent    *decimal.Decimal           `yaml:"percent"`
	Subtotals  map[string]decimal.Decimal `yaml:"subtotals"`
	Bonus      *decimal.Decimal           `yaml:"bonus"`
	Deductions *decimal.Decimal           `yaml:"deductions"`
	Awards     []string                   `yaml:"awards"`
	Grade      string                     `yaml:"grade"`
	Votes      *jsonVotes                 `yaml:"votes"`
}

type jsonVotes struct {
	For     *int `yaml:"for"`
	Against *int `yaml:"against"`
	Abstain *int `yaml:"abstain"`
}

type jsonTieBreak struct {
	Upper string `yaml:"upper"`
	Lower string `yaml:"lower"`
	Rule  string `yaml:"rule"`
	Note  string `yaml:"note"`
}

// ParseJSON reads a recorded result from JSON or YAML (the layout is in the
// package documentation). Unknown keys, duplicate keys and malformed values
// are reported with their line, as ParseErrors.
func ParseJSON(name string, data []byte) (Recorded, error) {
	root, pr := decode.Parse(data)
	if pr != nil {
		return Recorded{}, ParseErrors{{File: name, Line: pr.Line, Msg: pr.Msg, Message: pr.Message}}
	}
	var j jsonRecorded
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{
		reflect.TypeFor[decimal.Decimal](): fields.Decimal,
		reflect.TypeFor[string]():          fields.Text,
	}
	d.Decode(root, "", &j)
	var es ParseErrors
	for _, p := range d.Problems {
		es = append(es, &ParseError{File: name, Line: p.Line, Key: excerpt(p.Path), Msg: p.Msg, Message: p.Message})
	}
	src := func(path string) Source {
		l, _ := d.Line(path)
		return Source{File: name, Line: l}
	}
	bad := func(path, member string, m lang.Message) {
		es = append(es, parseError(name, src(path).Line, member, path, m))
	}
	if j.Schema != "" && j.Schema != RecordedSchema {
		bad("schema", "", lang.Msg("recorded.schema", quote(j.Schema), RecordedSchema))
	}
	if j.Year != 0 && (j.Year < 1900 || j.Year > 9999) {
		bad("year", "", lang.Msg("recorded.year", j.Year))
	}
	rec := Recorded{Cluster: j.Cluster, Year: j.Year, Rulebook: j.Rulebook, Version: j.Version, Date: j.Date}
	if j.Ballot != nil {
		rec.Ballot = &BallotResult{Entitled: j.Ballot.Entitled, Present: j.Ballot.Present, Source: src("ballot")}
		if j.Ballot.Entitled < 0 || j.Ballot.Present < 0 {
			bad("ballot", "", lang.Msg("recorded.ballot.negative"))
		}
	}
	seen := map[string]string{}
	for i, jm := range j.Members {
		p := fmt.Sprintf("members[%d]", i)
		if jm.ID == "" {
			bad(p, "", lang.Msg("recorded.member.no_id"))
			continue
		}
		if prev, dup := seen[jm.ID]; dup {
			bad(p+".id", jm.ID, lang.Msg("recorded.member.twice", src(prev).Line))
			continue
		}
		seen[jm.ID] = p
		m := MemberResult{ID: jm.ID, Name: jm.Name, Source: src(p)}
		count := func(c *Count, v *int, path string) {
			if v == nil {
				return
			}
			if *v < 0 {
				bad(path, jm.ID, lang.Msg("recorded.negative", *v))
				return
			}
			*c = Count{N: *v, Set: true, Source: src(path)}
		}
		count(&m.Rank, jm.Rank, p+".rank")
		if m.Rank.Set && m.Rank.N < 1 {
			bad(p+".rank", jm.ID, lang.Msg("recorded.rank.from_one", m.Rank.N))
		}
		figure := func(f *Figure, v *decimal.Decimal, path string) {
			if v != nil {
				*f = Figure{Value: *v, Set: true, Source: src(path)}
			}
		}
		figure(&m.Total, jm.Total, p+".total")
		figure(&m.Percent, jm.Percent, p+".percent")
		figure(&m.Bonus, jm.Bonus, p+".bonus")
		figure(&m.Deductions, jm.Deductions, p+".deductions")
		for node, v := range jm.Subtotals {
			m.Subtotals = append(m.Subtotals, Subtotal{Node: node, Value: v, Source: src(p + ".subtotals." + node)})
		}
		slices.SortFunc(m.Subtotals, func(a, b Subtotal) int {
			return cmp.Or(cmp.Compare(a.Source.Line, b.Source.Line), cmp.Compare(a.Node, b.Node))
		})
		for k, tier := range jm.Awards {
			ap := fmt.Sprintf("%s.awards[%d]", p, k)
			if m.HasAward(tier) {
				bad(ap, jm.ID, lang.Msg("recorded.award.twice", quote(tier)))
				continue
			}
			m.Awards = append(m.Awards, AwardEntry{Tier: tier, Source: src(ap)})
		}
		if jm.Grade != "" {
			m.Grade = GradeEntry{Band: jm.Grade, Source: src(p + ".grade")}
		}
		if v := jm.Votes; v != nil {
			count(&m.Votes, v.For, p+".votes.for")
			count(&m.Against, v.Against, p+".votes.against")
			count(&m.Abstain, v.Abstain, p+".votes.abstain")
		}
		rec.Members = append(rec.Members, m)
	}
	for i, t := range j.TieBreaks {
		p := fmt.Sprintf("tie_breaks[%d]", i)
		if t.Upper == "" || t.Lower == "" || t.Rule == "" {
			bad(p, t.Lower, lang.Msg("recorded.tiebreak.incomplete"))
			continue
		}
		if t.Upper == t.Lower {
			bad(p, t.Lower, lang.Msg("recorded.tiebreak.self", quote(t.Lower)))
			continue
		}
		rec.TieBreaks = append(rec.TieBreaks, CitedTieBreak{Upper: t.Upper, Lower: t.Lower, Rule: t.Rule, Note: t.Note, Source: src(p)})
	}
	if len(es) > 0 {
		slices.SortStableFunc(es, func(a, b *ParseError) int { return cmp.Compare(a.Line, b.Line) })
		return rec, es
	}
	return rec, nil
}

// Load reads a recorded result from a file: CSV (.csv, .txt), JSON (.json)
// or YAML (.yaml, .yml). A file too large, of another format or with
// malformed content is reported as ParseErrors; a file that cannot be
// read, as the operating system's error.
func Load(path string) (Recorded, error) {
	data, err := readLimited(path, MaxBytes)
	if err != nil {
		return Recorded{}, err
	}
	return parse(path, data)
}

func parse(path string, data []byte) (Recorded, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return parseCSV(path, data)
	case ".json", ".yaml", ".yml":
		return ParseJSON(path, data)
	}
	return Recorded{}, ParseErrors{parseError(path, 0, "", "", lang.Msg("recorded.format", quote(filepath.Ext(path))))}
}

// readPooled reads a file as readLimited does, into a buffer of
// fileBuffers: release gives the buffer back, once nothing reads the data
// any more (a caller that keeps the data does not call it).
func readPooled(path string, limit int64) (data []byte, release func(), err error) {
	bp := fileBuffers.Get().(*[]byte)
	data, err = bounded.ReadFileInto(path, limit, *bp)
	var tl *bounded.TooLargeError
	if errors.As(err, &tl) {
		err = ParseErrors{parseError(path, 0, "", "", lang.Msg("recorded.too_large", limit))}
	}
	if err != nil {
		fileBuffers.Put(bp)
		return nil, func() {}, err
	}
	return data, func() {
		if cap(data) <= maxPooledFile {
			*bp = data[:0]
			fileBuffers.Put(bp)
		}
	}, nil
}

// fileBuffers hold the buffers a batch reads its folders' rulebooks and
// recorded results into, one folder after the other: small files, read
// only to be parsed or hashed. Those larger than maxPooledFile are left
// to the collector.
var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledFile = 256 << 10

// loadPooled is Load, reading a CSV file into a buffer of fileBuffers
// (the CSV reader copies what it keeps of it).
func loadPooled(path string) (Recorded, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		data, release, err := readPooled(path, MaxBytes)
		if err != nil {
			return Recorded{}, err
		}
		defer release()
		return parseCSV(path, data)
	}
	return Load(path)
}

// readLimited reads a file, refusing one larger than limit (as
// ParseErrors, "recorded.too_large"). It reads at most limit+1 bytes,
// whatever the file is: Stat says 0 for a device such as /dev/zero.
func readLimited(path string, limit int64) ([]byte, error) {
	data, err := bounded.ReadFile(path, limit)
	var tl *bounded.TooLargeError
	if errors.As(err, &tl) {
		return nil, ParseErrors{parseError(path, 0, "", "", lang.Msg("recorded.too_large", limit))}
	}
	return data, err
}
