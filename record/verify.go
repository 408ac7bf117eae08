package record

import (
	"cmp"
	"crypto/ed25519"
	"slices"
	"strconv"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Check is what Verify checks a record against. Each part left nil is not
// checked (its finding is Skipped), except that a signed record needs
// PublicKey.
type Check struct {
	// Rulebook is the rulebook the record should name (id, version and
	// content hash).
	Rulebook *rules.Rulebook
	// Sheet is the score sheet the record should name (content hash).
	Sheet *scoring.Sheet
	// RulebookFile and SheetFile are the files' bytes, if they were read
	// from files: checked against the record's file hashes, when it has
	// them, so that a changed comment or note shows too.
	RulebookFile, SheetFile []byte
	// PublicKey is the secretariat's public key: the record must be signed
	// with it.
	PublicKey ed25519.PublicKey
	// Prev is the cluster's record of the year before: the record must
	// name it as its "prev".
	Prev *Record
}

// The names of the checks (Finding.Check), in the order Verify makes
// them.
const (
	CheckIntegrity = "integrity" // the record's hashes (tính toàn vẹn)
	CheckSignature = "signature" // its Ed25519 signature (chữ ký)
	CheckRulebook  = "rulebook"  // the rulebook it names (bộ tiêu chí)
	CheckSheet     = "sheet"     // the score sheet it names (bảng điểm)
	CheckResult    = "result"    // the result, ranked again (kết quả)
	CheckChain     = "chain"     // its place in the cluster's chain (chuỗi hồ sơ)
)

// CheckName names a check (Finding.Check) for people: "tính toàn vẹn",
// "chữ ký", … in Vietnamese, "integrity", "signature", … in English. An
// unknown check is named as it is.
func CheckName(check string) lang.Message {
	switch check {
	case CheckIntegrity:
		return lang.Msg("control.record.check.integrity")
	case CheckSignature:
		return lang.Msg("control.record.check.signature")
	case CheckRulebook:
		return lang.Msg("control.record.check.rulebook")
	case CheckSheet:
		return lang.Msg("control.record.check.sheet")
	case CheckResult:
		return lang.Msg("control.record.check.result")
	case CheckChain:
		return lang.Msg("control.record.check.chain")
	}
	return lang.Msg("problem.text", check)
}

// Status is how a check came out.
type Status string

// The statuses of a finding.
const (
	OK      Status = "ok"
	Failed  Status = "failed"
	Skipped Status = "skipped" // not checked: nothing to check against, or the record is not intact
)

// Kind is why a check failed.
type Kind string

// The kinds of failure.
const (
	// Tampered: the record is not what was sealed — a hash it states is
	// not the hash of its content, its signature does not match it, or
	// (VerifyChain) a link cannot be read.
	Tampered Kind = "tampered"
	// WrongRulebook: the rulebook given is not the one the record names.
	WrongRulebook Kind = "wrong_rulebook"
	// ChangedSheet: the score sheet given is not the one the record names.
	ChangedSheet Kind = "changed_sheet"
	// DifferentResult: ranking the sheet again gives another result.
	DifferentResult Kind = "different_result"
	// BrokenChain: a gap (a year missing), a fork (two records for one
	// year), a "prev" that is not the hash of the year before, or records
	// of different clusters.
	BrokenChain Kind = "broken_chain"
	// UnknownKey: the record is signed with a key other than the one
	// given, signed when no key was given, or not signed when one was.
	UnknownKey Kind = "unknown_key"
)

// Message says why a check failed, for people: "hồ sơ đã bị sửa" / "the
// record was tampered with". An unknown kind is said as it is.
func (k Kind) Message() lang.Message {
	switch k {
	case Tampered:
		return lang.Msg("record.kind.tampered")
	case WrongRulebook:
		return lang.Msg("record.kind.rulebook")
	case ChangedSheet:
		return lang.Msg("record.kind.sheet")
	case DifferentResult:
		return lang.Msg("record.kind.result")
	case BrokenChain:
		return lang.Msg("record.kind.chain")
	case UnknownKey:
		return lang.Msg("record.kind.key")
	}
	return lang.Msg("problem.text", string(k))
}

// Finding is the outcome of one check.
type Finding struct {
	Check  string `json:"check"`
	Status Status `json:"status"`
	Kind   Kind   `json:"kind,omitempty"` // why, when Failed
	// Year is the year of the record concerned.
	Year int `json:"year,omitempty"`
	// Message says what was found, in any language (Text).
	Message lang.Message `json:"message"`
}

// Text writes what was found in the language.
func (f Finding) Text(t lang.Tag) string { return f.Message.In(t) }

// Report is every finding of a verification.
type Report struct {
	// Hash is the hash of the record verified ("" for a chain).
	Hash     string    `json:"hash,omitempty"`
	Findings []Finding `json:"findings"`
}

// OK reports whether no check failed.
func (r Report) OK() bool {
	for _, f := range r.Findings {
		if f.Status == Failed {
			return false
		}
	}
	return true
}

// Kinds lists the kinds of the failed checks, each once, in order of first
// appearance.
func (r Report) Kinds() []Kind {
	var out []Kind
	for _, f := range r.Findings {
		if f.Status == Failed && !slices.Contains(out, f.Kind) {
			out = append(out, f.Kind)
		}
	}
	return out
}

// Has reports whether a check failed for the reason k.
func (r Report) Has(k Kind) bool { return slices.Contains(r.Kinds(), k) }

func (r *Report) add(check string, st Status, k Kind, year int, m lang.Message) {
	r.Findings = append(r.Findings, Finding{Check: check, Status: st, Kind: k, Year: year, Message: m})
}

// Verify checks a record: that it is intact (its stated hash and result
// hash are those of its content), its signature, and against what c
// gives, the rulebook, the sheet, the result of ranking that sheet again
// under that rulebook (with the record's seed), and its link to the
// previous record. When the record is not intact, the checks of its
// content are skipped: its content cannot be trusted to name anything.
// When the rulebook or sheet is not the one named, the result is not
// ranked again.
func Verify(rec *Record, c Check) Report {
	rep := Report{Hash: rec.Hash()}
	y := rec.Year
	if !integrity(&rep, rec) {
		for _, name := range []string{CheckSignature, CheckRulebook, CheckSheet, CheckResult, CheckChain} {
			rep.add(name, Skipped, "", y, lang.Msg("record.check.not_intact"))
		}
		return rep
	}
	signature(&rep, rec, c.PublicKey)
	rbOK := c.Rulebook != nil
	switch rb := c.Rulebook; {
	case rb == nil:
		rep.add(CheckRulebook, Skipped, "", y, lang.Msg("record.check.rulebook.skipped"))
	case rb.ID() != rec.Rulebook.ID || rb.Version() != rec.Rulebook.Version:
		rbOK = false
		rep.add(CheckRulebook, Failed, WrongRulebook, y, lang.Msg("record.check.rulebook.other",
			rec.Rulebook.ID, rec.Rulebook.Version, rb.ID(), rb.Version()))
	case rb.Hash() != rec.Rulebook.Hash:
		rbOK = false
		rep.add(CheckRulebook, Failed, WrongRulebook, y, lang.Msg("record.check.rulebook.changed",
			rb.ID(), rb.Version(), rec.Rulebook.Hash, rb.Hash()))
	case c.RulebookFile != nil && rec.Rulebook.FileHash != "" && FileHash(c.RulebookFile) != rec.Rulebook.FileHash:
		rbOK = false
		rep.add(CheckRulebook, Failed, WrongRulebook, y, lang.Msg("record.check.rulebook.file", rec.Rulebook.FileHash, FileHash(c.RulebookFile)))
	default:
		rep.add(CheckRulebook, OK, "", y, lang.Msg("record.check.rulebook.ok", rb.ID(), rb.Version(), rb.Hash()))
	}
	shOK := c.Sheet != nil
	switch sh := c.Sheet; {
	case sh == nil:
		rep.add(CheckSheet, Skipped, "", y, lang.Msg("record.check.sheet.skipped"))
	case sh.Hash() != rec.SheetHash:
		shOK = false
		rep.add(CheckSheet, Failed, ChangedSheet, y, lang.Msg("record.check.sheet.changed", rec.SheetHash, sh.Hash()))
	case c.SheetFile != nil && rec.SheetFileHash != "" && FileHash(c.SheetFile) != rec.SheetFileHash:
		shOK = false
		rep.add(CheckSheet, Failed, ChangedSheet, y, lang.Msg("record.check.sheet.file", rec.SheetFileHash, FileHash(c.SheetFile)))
	default:
		rep.add(CheckSheet, OK, "", y, lang.Msg("record.check.sheet.ok", sh.Hash()))
	}
	if rbOK && shOK {
		result(&rep, rec, c.Rulebook, *c.Sheet)
	} else {
		rep.add(CheckResult, Skipped, "", y, lang.Msg("record.check.result.skipped"))
	}
	switch p := c.Prev; {
	case p == nil && rec.Prev == "":
		rep.add(CheckChain, Skipped, "", y, lang.Msg("record.check.chain.first"))
	case p == nil:
		rep.add(CheckChain, Skipped, "", y, lang.Msg("record.check.chain.skipped", rec.Prev))
	default:
		ch := VerifyChain([]*Record{p, rec}, nil)
		rep.Findings = append(rep.Findings, ch.Findings...)
	}
	return rep
}

// integrity checks the record's stated hashes against its content.
func integrity(rep *Report, rec *Record) bool {
	h := rec.Hash()
	switch {
	case rec.StatedHash != h:
		rep.add(CheckIntegrity, Failed, Tampered, rec.Year, lang.Msg("record.check.hash.mismatch", rec.StatedHash, h))
	case rec.Result != nil && rec.Result.Hash() != rec.ResultHash:
		rep.add(CheckIntegrity, Failed, Tampered, rec.Year, lang.Msg("record.check.hash.result", rec.ResultHash, rec.Result.Hash()))
	default:
		rep.add(CheckIntegrity, OK, "", rec.Year, lang.Msg("record.check.hash.ok", h))
		return true
	}
	return false
}

// signature checks the record's signature with the key given.
func signature(rep *Report, rec *Record, key ed25519.PublicKey) {
	y := rec.Year
	given := ""
	if key != nil {
		given = Fingerprint(key)
	}
	switch {
	case rec.Signer == "" && key == nil:
		rep.add(CheckSignature, Skipped, "", y, lang.Msg("record.check.sig.unsigned"))
	case rec.Signer == "":
		rep.add(CheckSignature, Failed, UnknownKey, y, lang.Msg("record.check.sig.expected", given))
	case rec.Signature == nil:
		rep.add(CheckSignature, Failed, Tampered, y, lang.Msg("record.check.sig.stripped", rec.Signer))
	case key == nil:
		rep.add(CheckSignature, Failed, UnknownKey, y, lang.Msg("record.check.sig.no_key", rec.Signer))
	case given != rec.Signer:
		rep.add(CheckSignature, Failed, UnknownKey, y, lang.Msg("record.check.sig.other_key", rec.Signer, given))
	case !ed25519.Verify(key, rec.Canonical(), rec.Signature):
		rep.add(CheckSignature, Failed, Tampered, y, lang.Msg("record.check.sig.bad", rec.Signer))
	default:
		rep.add(CheckSignature, OK, "", y, lang.Msg("record.check.sig.ok", rec.Signer))
	}
}

// result ranks the sheet again and compares.
func result(rep *Report, rec *Record, rb *rules.Rulebook, sh scoring.Sheet) {
	y := rec.Year
	opts := []ranking.Option{ranking.WithoutTrace()}
	if rec.Lots != nil && rec.Lots.Seed != "" {
		seed, err := strconv.ParseUint(rec.Lots.Seed, 10, 64)
		if err == nil {
			opts = append(opts, ranking.WithSeed(seed))
		}
	}
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		rep.add(CheckResult, Failed, DifferentResult, y, lang.Msg("record.check.result.error", err.Error()))
		return
	}
	got := ResultOf(st)
	if h := got.Hash(); h != rec.ResultHash {
		detail := lang.Msg("record.diff.compact", rec.ResultHash, h)
		if rec.Result != nil {
			detail = diff(rec.Result, got)
		}
		rep.add(CheckResult, Failed, DifferentResult, y, lang.Msg("record.check.result.differs").With(detail))
		return
	}
	rep.add(CheckResult, OK, "", y, lang.Msg("record.check.result.ok", rec.ResultHash))
}

// diff names the first difference between the recorded result and the
// one computed again.
func diff(was, now *Result) lang.Message {
	if len(was.Rows) != len(now.Rows) {
		return lang.Msg("record.diff.rows", len(was.Rows), len(now.Rows))
	}
	for i, a := range was.Rows {
		b := now.Rows[i]
		if a.Member != b.Member || a.Rank != b.Rank || a.Total != b.Total || a.Basis != b.Basis {
			return lang.Msg("record.diff.row", i+1, a.Member, a.Rank, a.Total, b.Member, b.Rank, b.Total)
		}
	}
	for i, a := range was.Awards {
		if i < len(now.Awards) && !slices.Equal(a.Proposed, now.Awards[i].Proposed) {
			return lang.Msg("record.diff.award", a.Tier, lang.English.Join(a.Proposed), lang.English.Join(now.Awards[i].Proposed))
		}
	}
	return lang.Msg("record.diff.other")
}

// VerifyChain checks a cluster's records as a chain: each intact (and,
// if key is not nil, signed with key), all of one cluster, one record a year (the same record given twice counts
// once), no year missing between the first and the last, and each naming
// the record of the year before as its "prev". The first record's "prev"
// is not checked: the chain may start before the records given.
func VerifyChain(records []*Record, key ed25519.PublicKey) Report {
	var rep Report
	var recs []*Record
	seen := map[string]bool{}
	for _, r := range records {
		if r == nil {
			continue
		}
		if h := r.Hash(); !seen[h] || r.StatedHash != h {
			seen[h] = true
			recs = append(recs, r)
		}
	}
	slices.SortStableFunc(recs, func(a, b *Record) int { return cmp.Compare(a.Year, b.Year) })
	broken := false
	fail := func(year int, k Kind, m lang.Message) {
		broken = true
		check := CheckChain
		switch k {
		case Tampered:
			check = CheckIntegrity
		case UnknownKey:
			check = CheckSignature
		}
		rep.add(check, Failed, k, year, m)
	}
	for _, r := range recs {
		if h := r.Hash(); r.StatedHash != h {
			fail(r.Year, Tampered, lang.Msg("record.chain.tampered", r.Year, r.StatedHash, h))
		} else if key != nil {
			var sig Report
			signature(&sig, r, key)
			if f := sig.Findings[0]; f.Status == Failed {
				fail(r.Year, f.Kind, lang.Msg("record.chain.link", r.Year).With(f.Message))
			}
		}
		if r.Cluster != recs[0].Cluster {
			fail(r.Year, BrokenChain, lang.Msg("record.chain.cluster", r.Year, lang.Quote(r.Cluster), lang.Quote(recs[0].Cluster)))
		}
	}
	for i := 1; i < len(recs); i++ {
		a, b := recs[i-1], recs[i]
		switch {
		case a.Year == b.Year:
			fail(b.Year, BrokenChain, lang.Msg("record.chain.fork", b.Year, a.Hash(), b.Hash()))
		case b.Year != a.Year+1:
			fail(b.Year, BrokenChain, lang.Msg("record.chain.gap", a.Year, b.Year))
		case b.Prev == "":
			fail(b.Year, BrokenChain, lang.Msg("record.chain.no_prev", b.Year, a.Year, a.Hash()))
		case b.Prev != a.Hash():
			fail(b.Year, BrokenChain, lang.Msg("record.chain.prev", b.Year, b.Prev, a.Year, a.Hash()))
		}
	}
	if !broken {
		switch len(recs) {
		case 0:
			rep.add(CheckChain, Skipped, "", 0, lang.Msg("record.chain.empty"))
		default:
			first, last := recs[0], recs[len(recs)-1]
			rep.add(CheckChain, OK, "", last.Year, lang.Msg("record.chain.ok", len(recs), first.Year, last.Year, last.Hash()))
		}
	}
	return rep
}
