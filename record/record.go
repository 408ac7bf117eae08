package record

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/thidua/thidua/internal/canon"
	"github.com/thidua/thidua/internal/version"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record/jcs"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"

	"github.com/shopspring/decimal"
)

// Schema is the value of a record's "schema" field.
const Schema = "thidua/record/v1"

// EngineVersion names the engine that seals a record (the record's "engine"
// field, unless Options.Engine says otherwise): the module and its
// version, "github.com/thidua/thidua v0.3.0" — the version thidua version
// prints, from the same source (package internal/version: the release
// build's stamp, else the build information the Go toolchain recorded).
func EngineVersion() string { return version.Engine() }

// MaxBytes is the largest record Parse and Load read: 8 MiB, enough for a
// full record of several thousand members.
const MaxBytes = 8 << 20

// Record is a sealed result (hồ sơ kết quả niêm phong): what was ranked, by
// which rules, with which result, when, after which earlier record, and
// who signed it. Its hash (Hash) is the SHA-256 of its canonical form
// (Canonical); its file form is Marshal. Parse reads a record; Seal makes
// one; Verify and VerifyChain check them.
type Record struct {
	Schema   string    // Schema
	Engine   string    // the engine that sealed it, e.g. EngineVersion()
	SealedAt time.Time // UTC, whole seconds
	Cluster  string    // the sheet's cluster ("" if it names none)
	Year     int       // the year assessed
	Rulebook Rulebook
	// SheetHash is the score sheet's content hash (scoring.Sheet.Hash).
	SheetHash string
	// SheetFileHash is "sha256:" and the hex SHA-256 of the sheet file's
	// bytes, if they were given to Seal ("" if not): unlike SheetHash, it
	// changes with a note, a comment or the file's format, and anyone can
	// compute it (sha256sum).
	SheetFileHash string
	// Lots records the lots drawn, if any (the seed or the recorded draw,
	// and each tie's order).
	Lots *Lots
	// Result is the standings and awards; nil in a compact record, which
	// keeps only ResultHash.
	Result *Result
	// ResultHash is "sha256:" and the hex SHA-256 of Result's canonical
	// form, in full and compact records alike.
	ResultHash string
	// Prev is the hash of the cluster's record of the year before; "" for
	// the first record of a chain.
	Prev string
	// Signer is the fingerprint of the public key that signed the record
	// (Fingerprint); "" if it is not signed.
	Signer string
	// StatedHash is the hash the record states (its "hash" field). Hash
	// computes the hash; a record is intact when the two are equal.
	StatedHash string
	// Signature is the Ed25519 signature of the canonical form (Canonical),
	// 64 bytes; nil if the record is not signed.
	Signature []byte
}

// Rulebook identifies the rulebook a result was computed under.
type Rulebook struct {
	ID      string
	Version string
	Title   string
	Hash    string // rules.Rulebook.Hash: "sha256:…" of its content
	// FileHash is "sha256:" and the hex SHA-256 of the rulebook file's
	// bytes, if they were given to Seal ("" if not).
	FileHash string
}

// Lots is how lots were drawn (ranking.Lots), with the seed as a decimal
// string.
type Lots struct {
	Seed     string     // "" if no seed was used
	Recorded []string   // the draw recorded in the sheet, if any
	Draws    [][]string // each tie's order drawn
}

// Result is the part of the standings a record keeps: what was decided,
// not how it is worded. Every number is a decimal string.
type Result struct {
	Basis  string // "total" or "percent"
	Rows   []Row
	Awards []Award
	Ties   []Tie
}

// Row is a member's place.
type Row struct {
	Rank    string
	Member  string // id
	Name    string
	Tied    bool
	Total   string
	Percent string
	Basis   string
	Awards  []string // tier ids proposed
	Failed  []string // eligibility conditions failed
	// DecidedBy is the tie-break rule that placed the member below the row
	// above ("total", "group I", "lots", "unresolved"); "" for the first row.
	DecidedBy string
}

// Award is an award tier's proposal.
type Award struct {
	Tier      string
	Name      string
	Quota     string
	Proposed  []string
	Skipped   []Skip
	Forfeited []Skip
	Pending   *Pending
	Blocked   bool
}

// Skip is a member passed over by a tier, with the conditions it fails.
type Skip struct {
	Member string
	Failed []string
}

// Pending is an award that waits for an unresolved tie.
type Pending struct {
	Places     string
	Candidates []string
}

// Tie is a tie the chain could not break.
type Tie struct {
	Rank    string
	Members []string
	Tried   []string
}

// Options are how Seal seals.
type Options struct {
	// Prev is the cluster's record of the year before, to chain to; nil
	// for the first record.
	Prev *Record
	// Key signs the record if not nil (the secretariat's key).
	Key ed25519.PrivateKey
	// Now is the time of sealing; the zero time means time.Now. It is
	// written in UTC, to the second.
	Now time.Time
	// Compact keeps only the result's hash, not the result.
	Compact bool
	// Engine names the engine; "" means EngineVersion().
	Engine string
	// RulebookFile and SheetFile are the files as read, if the record is
	// to hold the hashes of their bytes as well as of their content.
	RulebookFile, SheetFile []byte
}

// FileHash is "sha256:" and the hex SHA-256 of a file's bytes.
func FileHash(data []byte) string { return hashOf(data) }

// Seal makes the record of standings st, ranked from sheet sh under
// rulebook rb. It refuses standings that are not those of rb and sh, a
// sheet without a year, and a previous record that is not intact, not of
// the year before or not of the same cluster.
func Seal(rb *rules.Rulebook, sh scoring.Sheet, st *ranking.Standings, o Options) (*Record, error) {
	if rb == nil || st == nil || st.Rulebook.Hash != rb.Hash() || st.SheetHash != sh.Hash() {
		return nil, newError("", lang.Msg("record.seal.mismatch"))
	}
	if sh.Year <= 0 || sh.Year > 9999 {
		return nil, newError("", lang.Msg("record.seal.no_year"))
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Record{
		Schema:    Schema,
		Engine:    o.Engine,
		SealedAt:  now.UTC().Truncate(time.Second),
		Cluster:   sh.Cluster,
		Year:      sh.Year,
		Rulebook:  Rulebook{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()},
		SheetHash: sh.Hash(),
	}
	if o.RulebookFile != nil {
		r.Rulebook.FileHash = FileHash(o.RulebookFile)
	}
	if o.SheetFile != nil {
		r.SheetFileHash = FileHash(o.SheetFile)
	}
	if r.Engine == "" {
		r.Engine = EngineVersion()
	}
	if st.Lots != nil {
		r.Lots = &Lots{Recorded: st.Lots.Recorded, Draws: st.Lots.Draws}
		if st.Lots.Seed != nil {
			r.Lots.Seed = strconv.FormatUint(*st.Lots.Seed, 10)
		}
	}
	res := ResultOf(st)
	r.ResultHash = res.Hash()
	if !o.Compact {
		r.Result = res
	}
	if p := o.Prev; p != nil {
		if p.StatedHash != p.Hash() {
			return nil, newError("", lang.Msg("record.seal.prev_tampered", p.StatedHash, p.Hash()))
		}
		if p.Year != r.Year-1 {
			return nil, newError("", lang.Msg("record.seal.prev_year", p.Year, r.Year))
		}
		if p.Cluster != r.Cluster {
			return nil, newError("", lang.Msg("record.seal.prev_cluster", lang.Quote(p.Cluster), lang.Quote(r.Cluster)))
		}
		r.Prev = p.Hash()
	}
	if o.Key != nil {
		if len(o.Key) != ed25519.PrivateKeySize {
			return nil, newError("", lang.Msg("record.key.size"))
		}
		r.Signer = Fingerprint(o.Key.Public().(ed25519.PublicKey))
	}
	r.StatedHash = r.Hash()
	if o.Key != nil {
		r.Signature = ed25519.Sign(o.Key, r.Canonical())
	}
	return r, nil
}

// ResultOf is the result a record keeps of standings.
func ResultOf(st *ranking.Standings) *Result {
	res := &Result{Basis: string(st.Basis), Rows: []Row{}, Awards: []Award{}, Ties: []Tie{}}
	for _, row := range st.Rows {
		r := Row{
			Rank: strconv.Itoa(row.Rank), Member: row.Member.ID, Name: row.Member.Name, Tied: row.Tied,
			Total: dec(row.Total), Percent: dec(row.Percent), Basis: dec(row.Basis),
			Awards: nonNil(row.Awards), Failed: []string{},
		}
		for _, f := range row.Failed {
			r.Failed = append(r.Failed, f.Condition)
		}
		if row.DecidedBy != nil {
			r.DecidedBy = row.DecidedBy.Rule
		}
		res.Rows = append(res.Rows, r)
	}
	for _, a := range st.Awards {
		aw := Award{Tier: a.Tier, Name: a.Name, Quota: strconv.Itoa(a.Quota), Proposed: nonNil(a.Proposed),
			Skipped: skips(a.Skipped), Forfeited: skips(a.Forfeited), Blocked: !a.Blocked.IsZero()}
		if a.Pending != nil {
			aw.Pending = &Pending{Places: strconv.Itoa(a.Pending.Places), Candidates: nonNil(a.Pending.Candidates)}
		}
		res.Awards = append(res.Awards, aw)
	}
	for _, t := range st.Ties {
		res.Ties = append(res.Ties, Tie{Rank: strconv.Itoa(t.Rank), Members: nonNil(t.Members), Tried: nonNil(t.Tried)})
	}
	return res
}

func skips(ss []ranking.Skip) []Skip {
	out := []Skip{}
	for _, s := range ss {
		out = append(out, Skip{Member: s.Member, Failed: nonNil(s.Failed)})
	}
	return out
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// dec writes a decimal in plain notation without trailing zeros, whatever
// the decimal package's settings ("94.7", "100", "-0.25").
func dec(d decimal.Decimal) string {
	s, err := strconv.Unquote(canon.Text(d))
	if err != nil {
		return d.String()
	}
	return s
}

// Hash returns "sha256:" and the hex SHA-256 of the result's canonical
// form.
func (res *Result) Hash() string { return hashOf(jcs.Append(nil, res.value())) }

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Canonical returns the record's canonical form without its "hash" and
// "signature" fields: the bytes its hash is computed from and its
// signature signs (RFC 8785).
func (r *Record) Canonical() []byte { return jcs.Append(nil, r.value(false)) }

// Hash returns the record's hash, "sha256:" and the hex SHA-256 of
// Canonical. The next year's record names it as its "prev".
func (r *Record) Hash() string { return hashOf(r.Canonical()) }

// Marshal returns the record's file form: the canonical form of the whole
// record (with "hash" and "signature") and a line feed.
func (r *Record) Marshal() []byte { return append(jcs.Append(nil, r.value(true)), '\n') }

func m(name string, v jcs.Value) jcs.Member { return jcs.Member{Name: name, Value: v} }

// value is the record as JSON, with or without hash and signature.
func (r *Record) value(all bool) jcs.Value {
	v := jcs.Obj(
		m("schema", jcs.Str(r.Schema)),
		m("engine", jcs.Str(r.Engine)),
		m("sealed_at", jcs.Str(r.SealedAt.UTC().Format(time.RFC3339))),
		m("cluster", jcs.Str(r.Cluster)),
		m("year", jcs.Str(strconv.Itoa(r.Year))),
		m("rulebook", jcs.Obj(
			m("id", jcs.Str(r.Rulebook.ID)),
			m("version", jcs.Str(r.Rulebook.Version)),
			m("title", jcs.Str(r.Rulebook.Title)),
			m("hash", jcs.Str(r.Rulebook.Hash)))),
		m("sheet_hash", jcs.Str(r.SheetHash)),
		m("result_hash", jcs.Str(r.ResultHash)),
	)
	add := func(name string, x jcs.Value) { v.Members = append(v.Members, m(name, x)) }
	if r.Rulebook.FileHash != "" {
		rb := &v.Members[5].Value
		rb.Members = append(rb.Members, m("file_hash", jcs.Str(r.Rulebook.FileHash)))
	}
	if r.SheetFileHash != "" {
		add("sheet_file_hash", jcs.Str(r.SheetFileHash))
	}
	if r.Lots != nil {
		lots := jcs.Obj()
		if r.Lots.Seed != "" {
			lots.Members = append(lots.Members, m("seed", jcs.Str(r.Lots.Seed)))
		}
		if len(r.Lots.Recorded) > 0 {
			lots.Members = append(lots.Members, m("recorded", jcs.Strs(r.Lots.Recorded)))
		}
		if len(r.Lots.Draws) > 0 {
			draws := jcs.Arr()
			for _, d := range r.Lots.Draws {
				draws.Items = append(draws.Items, jcs.Strs(d))
			}
			lots.Members = append(lots.Members, m("draws", draws))
		}
		add("lots", lots)
	}
	if r.Result != nil {
		add("result", r.Result.value())
	}
	if r.Prev != "" {
		add("prev", jcs.Str(r.Prev))
	}
	if r.Signer != "" {
		add("signer", jcs.Str(r.Signer))
	}
	if all {
		add("hash", jcs.Str(r.StatedHash))
		if r.Signature != nil {
			add("signature", jcs.Str(base64.StdEncoding.EncodeToString(r.Signature)))
		}
	}
	return v
}

func (res *Result) value() jcs.Value {
	rows, awards, ties := jcs.Arr(), jcs.Arr(), jcs.Arr()
	for _, r := range res.Rows {
		rows.Items = append(rows.Items, jcs.Obj(
			m("rank", jcs.Str(r.Rank)),
			m("member", jcs.Str(r.Member)),
			m("name", jcs.Str(r.Name)),
			m("tied", jcs.Boolean(r.Tied)),
			m("total", jcs.Str(r.Total)),
			m("percent", jcs.Str(r.Percent)),
			m("basis", jcs.Str(r.Basis)),
			m("awards", jcs.Strs(r.Awards)),
			m("failed_eligibility", jcs.Strs(r.Failed)),
			m("decided_by", jcs.Str(r.DecidedBy)),
		))
	}
	for _, a := range res.Awards {
		o := jcs.Obj(
			m("tier", jcs.Str(a.Tier)),
			m("name", jcs.Str(a.Name)),
			m("quota", jcs.Str(a.Quota)),
			m("proposed", jcs.Strs(a.Proposed)),
			m("skipped", skipsValue(a.Skipped)),
			m("forfeited", skipsValue(a.Forfeited)),
			m("blocked", jcs.Boolean(a.Blocked)),
		)
		if a.Pending != nil {
			o.Members = append(o.Members, m("pending", jcs.Obj(
				m("places", jcs.Str(a.Pending.Places)),
				m("candidates", jcs.Strs(a.Pending.Candidates)))))
		}
		awards.Items = append(awards.Items, o)
	}
	for _, t := range res.Ties {
		ties.Items = append(ties.Items, jcs.Obj(
			m("rank", jcs.Str(t.Rank)),
			m("members", jcs.Strs(t.Members)),
			m("tried", jcs.Strs(t.Tried))))
	}
	return jcs.Obj(m("basis", jcs.Str(res.Basis)), m("rows", rows), m("awards", awards), m("unresolved_ties", ties))
}

func skipsValue(ss []Skip) jcs.Value {
	v := jcs.Arr()
	for _, s := range ss {
		v.Items = append(v.Items, jcs.Obj(m("member", jcs.Str(s.Member)), m("failed", jcs.Strs(s.Failed))))
	}
	return v
}
