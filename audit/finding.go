package audit

import "github.com/thidua/thidua/lang"

// Severity says how serious a finding is.
type Severity string

// The severities, most serious first.
const (
	// Error: the published result does not follow from the score sheet and
	// the rulebook (a wrong total, rank or award), or an input is wrong.
	Error Severity = "error"
	// Warning: something an inspector should look at that may still be
	// right (a tie-break cited where another rule already decided, a
	// member missing from the minutes).
	Warning Severity = "warning"
	// Info: what the audit did that a reader should know (a member left
	// out of the recomputation, a tie resolved outside the sheet).
	Info Severity = "info"
)

func (s Severity) order() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Kind names what a finding is about. Kinds fall into four categories:
// arithmetic, ranking, awards and data (see Kind.Category).
type Kind string

// Arithmetic: the figures themselves.
const (
	// KindSum: a recorded subtotal or total is not the sum of its recorded
	// parts.
	KindSum Kind = "sum"
	// KindCap: a maximum is exceeded: a recorded subtotal above its group's
	// maximum, recorded bonus or deductions above their cap, or a sheet
	// value above its criterion's maximum (then left out of the
	// recomputation).
	KindCap Kind = "cap"
	// KindRounding: a recorded value has more decimal places than the
	// rulebook's rounding, or equals the recomputed value rounded another
	// way.
	KindRounding Kind = "rounding"
	// KindValue: a recorded figure differs from the recomputed one.
	KindValue Kind = "value"
)

// Ranking: the order.
const (
	// KindOrder: a rank that does not follow from the totals and the
	// tie-break chain.
	KindOrder Kind = "order"
	// KindTieBreakNotInChain: the minutes cite a tie-break that is not in
	// the rulebook's chain.
	KindTieBreakNotInChain Kind = "tiebreak_not_in_chain"
	// KindTieBreakMismatch: the minutes cite a rule of the chain, but the
	// recomputation separates the pair by another (or needs no tie-break).
	KindTieBreakMismatch Kind = "tiebreak_mismatch"
	// KindUnexplainedTie: equal recorded totals with different ranks and no
	// tie-break recorded for them.
	KindUnexplainedTie Kind = "unexplained_tie"
)

// Awards: the proposals, and the grading bands.
const (
	// KindIneligible: an award to a member that does not meet the tier's
	// conditions (other than votes), or a second award to one member.
	KindIneligible Kind = "award_ineligible"
	// KindQuota: more members proposed for a tier than its quota.
	KindQuota Kind = "award_quota"
	// KindVotes: an award without the required votes or quorum.
	KindVotes Kind = "award_votes"
	// KindSkipped: an eligible member in line for an award is passed over.
	KindSkipped Kind = "award_skipped"
	// KindGrade: the minutes grade a member in another band (mức xếp
	// loại) than the recomputation does.
	KindGrade Kind = "grade"
)

// Data: the inputs.
const (
	// KindMissingFromSheet: the minutes name a member the score sheet does
	// not have.
	KindMissingFromSheet Kind = "missing_from_sheet"
	// KindMissingFromRecorded: a member of the score sheet is absent from
	// the minutes.
	KindMissingFromRecorded Kind = "missing_from_recorded"
	// KindUnknownCriterion: a criterion or group that the rulebook does not
	// have, in the sheet or in the minutes.
	KindUnknownCriterion Kind = "unknown_criterion"
	// KindUnknownAward: an award tier that the rulebook does not have.
	KindUnknownAward Kind = "unknown_award"
	// KindUnknownGrade: a grading band (mức xếp loại) that the rulebook
	// does not have, by id or by name.
	KindUnknownGrade Kind = "unknown_grade"
	// KindNotInForce: the rulebook is not in force in the year assessed.
	KindNotInForce Kind = "not_in_force"
	// KindIdentity: the minutes name another cluster, year or rulebook
	// than the sheet and the rulebook audited.
	KindIdentity Kind = "identity"
	// KindSheet: another problem in the score sheet; the recomputation
	// left out the row or the member concerned.
	KindSheet Kind = "sheet"
	// KindNotRecomputed: the sheet could not be recomputed at all, so only
	// the minutes' own arithmetic was checked.
	KindNotRecomputed Kind = "not_recomputed"
	// KindExcluded: a member left out of the recomputation.
	KindExcluded Kind = "excluded"
)

// Category is a kind's group: "arithmetic", "ranking", "awards" or "data".
func (k Kind) Category() string {
	switch k {
	case KindSum, KindCap, KindRounding, KindValue:
		return "arithmetic"
	case KindOrder, KindTieBreakNotInChain, KindTieBreakMismatch, KindUnexplainedTie:
		return "ranking"
	case KindIneligible, KindQuota, KindVotes, KindSkipped, KindGrade:
		return "awards"
	}
	return "data"
}

// Kinds lists every kind, by category.
func Kinds() []Kind {
	return []Kind{
		KindSum, KindCap, KindRounding, KindValue,
		KindOrder, KindTieBreakNotInChain, KindTieBreakMismatch, KindUnexplainedTie,
		KindIneligible, KindQuota, KindVotes, KindSkipped, KindGrade,
		KindMissingFromSheet, KindMissingFromRecorded, KindUnknownCriterion, KindUnknownAward, KindUnknownGrade,
		KindNotInForce, KindIdentity, KindSheet, KindNotRecomputed, KindExcluded,
		// Change control, and a sealed record's checks (control.go).
		KindRulebookConflict, KindRulebookNotSealed, KindRulebookLate,
		KindRecordTampered, KindRecordRulebook, KindRecordSheet, KindRecordResult, KindRecordKey, KindRecordChecked,
	}
}

// Finding is one thing the audit found: how serious, what kind, which
// member, rule or criterion, both values, and a sentence a person reads.
type Finding struct {
	Severity Severity `json:"severity"`
	Kind     Kind     `json:"kind"`
	Member   string   `json:"member,omitempty"` // member id
	// Rule is a tie-break, an eligibility condition or an award tier.
	Rule string `json:"rule,omitempty"`
	// Criterion is a criterion or group id, or "total", "bonus",
	// "deductions", "percent".
	Criterion string `json:"criterion,omitempty"`
	// Recorded is the value in the minutes (or in the sheet for a sheet
	// problem) and Recomputed the engine's, when they are data: a number
	// (written exactly, in canonical form), a member or tier id, a year, a
	// date or a content hash. Empty when the value is a phrase.
	Recorded   string `json:"recorded,omitempty"`
	Recomputed string `json:"recomputed,omitempty"`
	// RecordedPhrase and RecomputedPhrase are the values when they are
	// phrases to read rather than data: "hạng 5, tổng điểm 86,28" / "rank
	// 5, total 86.28", a failed condition's values, the tie-break chain.
	// Zero when the value is data (or there is none).
	RecordedPhrase   lang.Message `json:"recorded_phrase,omitzero"`
	RecomputedPhrase lang.Message `json:"recomputed_phrase,omitzero"`
	// Message says the finding in a sentence, with the members' names
	// (Text writes it).
	Message lang.Message `json:"message"`
	// Source is the line in the minutes or the sheet the finding is about.
	Source Source `json:"source,omitzero"`
}

// Text says the finding in a sentence in the language.
func (f Finding) Text(t lang.Tag) string { return f.Message.In(t) }
