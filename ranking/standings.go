package ranking

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Standings is the ranked cluster with its award proposals. It is a value:
// nothing changes it after Rank returns it; treat its slices as read-only.
type Standings struct {
	// Schema names the JSON layout of this type and its version.
	Schema    string      `json:"schema"`
	Rulebook  RulebookRef `json:"rulebook"`
	Cluster   string      `json:"cluster,omitempty"`
	Year      int         `json:"year,omitempty"`
	SheetHash string      `json:"sheet_hash"`
	Basis     rules.Basis `json:"basis"`
	// Rows are the members in rank order. Members the chain cannot
	// separate share a rank (đồng hạng), numbered by the rulebook's rank
	// convention, and are listed by name in Vietnamese alphabetical order.
	Rows []Row `json:"rows"`
	// Awards holds one entry per award tier, in the rulebook's order.
	Awards []Award `json:"awards"`
	// Grades holds one entry per grading band, highest first, if the
	// rulebook grades its members (xếp loại).
	Grades []GradeCount `json:"grades,omitempty"`
	// Ties lists the ties the chain could not break: every group of
	// members sharing a rank. Only those whose Decides is set are
	// unresolved in the sense that matters — they decide an award, which
	// waits for them (UnresolvedTies); the others are shared ranks, shown
	// quietly (SharedRanks).
	Ties []Tie `json:"unresolved_ties,omitempty"`
	// Lots records how lots were drawn, if they were.
	Lots *Lots `json:"lots,omitempty"`
}

// Schema is the current value of Standings.Schema. It changes when the JSON
// layout changes in a way that is not backward compatible: v2 keeps each
// sentence once, as a message (docs/json.md), where v1 had an English
// string beside it.
const Schema = "thidua/standings/v2"

// RulebookRef identifies the rulebook that produced a result.
type RulebookRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Title   string `json:"title"`
	Hash    string `json:"hash"`
	InForce string `json:"in_force,omitempty"`
}

// Row is one member's place in the standings.
type Row struct {
	Rank   int            `json:"rank"`
	Member scoring.Member `json:"member"`
	// Tied is true if the member shares its rank with others: the chain
	// could not separate them (đồng hạng).
	Tied bool `json:"tied,omitempty"`
	// Unresolved is true if the member's tie decides an award: places of
	// an award tier wait for it (Tie.Decides). A tie that decides nothing
	// is a shared rank, not an unresolved tie.
	Unresolved bool            `json:"unresolved,omitempty"`
	Total      decimal.Decimal `json:"total"`
	Percent    decimal.Decimal `json:"percent"`
	Basis      decimal.Decimal `json:"basis"`
	// Awards lists the award tiers proposed for the member (at most one).
	Awards []string `json:"awards"`
	// Grade is the member's grading band (xếp loại), the id of one of the
	// rulebook's grades: the highest whose conditions it meets all of.
	// Empty if the rulebook has no grades or the member meets no band's.
	// A band needs no rank: a tie never decides it.
	Grade string `json:"grade,omitempty"`
	// Failed lists the eligibility conditions the member does not meet.
	Failed []Failure `json:"failed_eligibility"`
	// DecidedBy says why the member is below the previous row (nil for the
	// first row).
	DecidedBy *Decision         `json:"decided_by"`
	Card      scoring.Scorecard `json:"scorecard,omitzero"`
}

// GradeCount is one grading band with the members graded in it, in rank
// order ("9 vững mạnh, 3 khá").
type GradeCount struct {
	Grade   string   `json:"grade"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

// Failure is an eligibility condition a member does not meet.
type Failure struct {
	Condition string `json:"condition"`
	Reason    string `json:"reason"` // the rulebook's text, e.g. "Tổng điểm đạt từ 90 điểm trở lên"
	// Message states the member's values against the condition's: "tổng
	// điểm 88,5 dưới 90", "total 88.5 is below 90" (Text writes it).
	Message lang.Message `json:"message"`
	// NotPut is true for a vote condition the member was not put to (không
	// được đưa ra bỏ phiếu): it was not a candidate in that ballot, which
	// lists of shortfalls need not repeat.
	NotPut bool `json:"not_put,omitempty"`
}

// Text states the member's values against the condition's in the language:
// "tổng điểm 88,5 dưới 90".
func (f Failure) Text(t lang.Tag) string { return f.Message.In(t) }

// Decision records how two adjacent members were separated: by which rule,
// with both values. If the chain could not separate them, Unresolved is true
// and Rule is "unresolved"; Shared then says whether they simply share the
// rank, their tie deciding no award.
type Decision struct {
	Rule  string `json:"rule"`  // "total", "group II", "fewer_deductions", "lots", … or "unresolved"
	Upper string `json:"upper"` // the upper member's id
	Lower string `json:"lower"` // the lower member's id
	// UpperValue and LowerValue are the members' values under the rule:
	// "38,5" / "38.5", "2 phiếu" / "2 votes", "năm 2020 không được khen" /
	// "no award in 2020". Zero for an unresolved tie.
	UpperValue lang.Message `json:"upper_value,omitzero"`
	LowerValue lang.Message `json:"lower_value,omitzero"`
	Unresolved bool         `json:"unresolved,omitempty"`
	// Shared is true if the chain could not separate the two (Unresolved)
	// but their tie decides no award: they share the rank (đồng hạng),
	// quietly. Unresolved keeps its meaning, the chain's, for readers of
	// the v2 layout.
	Shared bool `json:"shared,omitempty"`
	// Note says why the chain could not separate the two (every rule found
	// them equal, or lots without a seed or a recorded draw); zero when it
	// did.
	Note lang.Message `json:"note,omitzero"`
}

// Message states the decision as a sentence, the members named by their
// ids: "SXD xếp trên SKHCN theo nhóm I: 38,5 so với 38", or for an
// unresolved tie "SXD và SKHCN bằng điểm, chưa phân định: …". Names.Of
// names the members.
func (d Decision) Message() lang.Message {
	if d.Shared {
		return lang.Msg("decision.shared", d.Upper, d.Lower).With(d.Note)
	}
	if d.Unresolved {
		return lang.Msg("decision.unresolved", d.Upper, d.Lower).With(d.Note)
	}
	return lang.Msg("decision", d.Upper, d.Lower, d.Rule).With(d.UpperValue, d.LowerValue)
}

// Text writes the decision's sentence (Message) in the language.
func (d Decision) Text(t lang.Tag) string { return d.Message().In(t) }

// BriefMessage states the decision from the lower member's side, as a
// standings table's "decided by" column does: "nhóm I: 38 < 38,5 (SXD)",
// or "BẰNG ĐIỂM, chưa phân định với SXD". Names.Of names the member.
func (d Decision) BriefMessage() lang.Message {
	if d.Shared {
		return lang.Msg("decision.shared_with", d.Upper)
	}
	if d.Unresolved {
		return lang.Msg("decision.tied_with", d.Upper)
	}
	return lang.Msg("decision.brief", d.Rule, d.Upper).With(d.UpperValue, d.LowerValue)
}

// Brief writes the decision's brief form (BriefMessage) in the language.
func (d Decision) Brief(t lang.Tag) string { return d.BriefMessage().In(t) }

// Tie is a group of members the tie-break chain could not separate: they
// share a rank. It is an unresolved tie (bằng điểm chưa phân định) only if
// it decides an award (Decides); otherwise it is a shared rank (đồng hạng)
// and decides nothing.
type Tie struct {
	Rank    int      `json:"rank"`
	Members []string `json:"members"`
	Tried   []string `json:"tried"` // the rules applied, in order, that found them equal
	// Decides lists the award tiers whose places wait for the tie: the
	// tier it leaves pending, and the tiers blocked behind that one which
	// it may decide. Empty: the members share the rank, quietly — every
	// one of them gets the award its place gives, or none does.
	Decides []string `json:"decides,omitempty"`
	// Note says why the chain could not separate them: "bằng nhau theo mọi
	// tiêu chí ưu tiên: …", or why lots could not be drawn.
	Note lang.Message `json:"note,omitzero"`
}

// Award is one award tier's proposal.
type Award struct {
	Tier  string `json:"tier"`
	Name  string `json:"name"`
	Quota int    `json:"quota"`
	// Proposed are the members proposed, in rank order.
	Proposed []string `json:"proposed"`
	// Skipped are members passed over because they are ineligible (the next
	// eligible member took their place).
	Skipped []Skip `json:"skipped,omitempty"`
	// Forfeited are places not awarded because the member in line was
	// ineligible and the tier says nobody takes its place.
	Forfeited []Skip `json:"forfeited,omitempty"`
	// Pending is set when an unresolved tie straddles the tier's last places:
	// the candidates compete for Places awards that cannot be decided.
	Pending *Pending `json:"pending,omitempty"`
	// Blocked says why the tier cannot be allocated yet: an earlier tier is
	// pending, until its tie is resolved. Zero when the tier is allocated.
	Blocked lang.Message `json:"blocked,omitzero"`
}

// Skip is a member passed over by an award tier, with the conditions it
// fails.
type Skip struct {
	Member string   `json:"member"`
	Failed []string `json:"failed"`
	// BelowGrade is set when the tier requires a grading band (min_grade)
	// higher than the member's; Grade is then the member's band, empty if
	// it is not graded.
	BelowGrade bool   `json:"below_grade,omitempty"`
	Grade      string `json:"grade,omitempty"`
}

// Pending is an award that depends on an unresolved tie.
type Pending struct {
	Places     int      `json:"places"`
	Candidates []string `json:"candidates"`
}

// Lots records the drawing of lots used by a ranking.
type Lots struct {
	Seed     *uint64  `json:"seed,omitempty"`
	Recorded []string `json:"recorded,omitempty"`
	// Draws lists each tie resolved by lots and the order drawn.
	Draws [][]string `json:"draws,omitempty"`
}

// Unresolved reports whether the tie decides an award (Decides).
func (t Tie) Unresolved() bool { return len(t.Decides) > 0 }

// UnresolvedTies returns the ties that decide an award: those a reader is
// to be warned of, whose awards wait for a tie-break or a drawing of lots.
func (s *Standings) UnresolvedTies() []Tie {
	var out []Tie
	for _, t := range s.Ties {
		if t.Unresolved() {
			out = append(out, t)
		}
	}
	return out
}

// SharedRanks returns the ties that decide nothing: members who share a
// rank (đồng hạng), shown quietly.
func (s *Standings) SharedRanks() []Tie {
	var out []Tie
	for _, t := range s.Ties {
		if !t.Unresolved() {
			out = append(out, t)
		}
	}
	return out
}

// Row returns the row of the member with the given id.
func (s *Standings) Row(member string) (Row, bool) {
	for _, r := range s.Rows {
		if r.Member.ID == member {
			return r, true
		}
	}
	return Row{}, false
}

// Proposed returns the ids of the members proposed for the award tier.
func (s *Standings) Proposed(tier string) []string {
	for _, a := range s.Awards {
		if a.Tier == tier {
			return append([]string(nil), a.Proposed...)
		}
	}
	return nil
}
