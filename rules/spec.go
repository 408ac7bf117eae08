package rules

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// Spec is the editable description of a rulebook: what a YAML or JSON file
// holds, field for field. Build one in Go or read one with Parse, then pass it
// to New, which validates it and returns the immutable Rulebook.
//
// Optional decimal fields use the zero value for "not given" where zero would
// be meaningless (a weight or cap of zero); fields where zero is meaningful
// (a floor) are pointers.
type Spec struct {
	ID           string     `yaml:"id" json:"id"`                     // stable identifier, e.g. "caobang-cum2"
	Version      string     `yaml:"version" json:"version"`           // the rulebook's own version, e.g. "2020.1"
	Title        string     `yaml:"title" json:"title"`               // e.g. "Bảng tiêu chí chấm điểm Cụm thi đua II"
	Jurisdiction string     `yaml:"jurisdiction" json:"jurisdiction"` // e.g. "Tỉnh Cao Bằng"
	Regulation   Regulation `yaml:"regulation" json:"regulation"`
	InForce      Period     `yaml:"in_force" json:"in_force"`

	Criteria   []Criterion     `yaml:"criteria" json:"criteria"`
	Bonus      BonusPolicy     `yaml:"bonus" json:"bonus"`
	Deductions DeductionPolicy `yaml:"deductions" json:"deductions"`
	Facts      []Fact          `yaml:"facts" json:"facts,omitempty"`

	Assessment Assessment     `yaml:"assessment" json:"assessment"`
	Rounding   RoundingPolicy `yaml:"rounding" json:"rounding"`
	Missing    MissingPolicy  `yaml:"missing" json:"missing,omitempty"`
	RankBy     Basis          `yaml:"rank_by" json:"rank_by,omitempty"`
	Votes      VotePolicy     `yaml:"votes" json:"votes"`

	// RankConvention numbers shared ranks (đồng hạng), beside RankBy:
	// competition (1, 1, 3; the default) or dense (1, 1, 2). See
	// RankConvention.
	RankConvention RankConvention `yaml:"rank_convention" json:"rank_convention,omitempty"`

	Eligibility []Condition `yaml:"eligibility" json:"eligibility,omitempty"`
	TieBreaks   []TieBreak  `yaml:"tie_breaks" json:"tie_breaks,omitempty"`
	Grades      []Grade     `yaml:"grades" json:"grades,omitempty"`
	Awards      []AwardTier `yaml:"awards" json:"awards,omitempty"`
	Authority   Authority   `yaml:"authority" json:"authority,omitzero"`
}

// Regulation identifies the legal text a rulebook encodes (quyết định, quy
// chế, hướng dẫn) and its legal basis (căn cứ).
type Regulation struct {
	Number     string     `yaml:"number" json:"number,omitempty"` // e.g. "1306/QĐ-UBND"
	Title      string     `yaml:"title" json:"title,omitempty"`
	Issuer     string     `yaml:"issuer" json:"issuer,omitempty"` // e.g. "UBND tỉnh Cao Bằng"
	Date       Date       `yaml:"date" json:"date,omitzero"`
	Source     string     `yaml:"source" json:"source,omitempty"`           // where it can be read
	LegalBasis []LegalRef `yaml:"legal_basis" json:"legal_basis,omitempty"` // căn cứ, each a text, optionally dated: see LegalRef
	Notes      string     `yaml:"notes" json:"notes,omitempty"`
}

// Period is the time a rulebook is in force (hiệu lực). A zero From or To is
// open-ended.
type Period struct {
	From Date `yaml:"from" json:"from,omitzero"`
	To   Date `yaml:"to" json:"to,omitzero"`
}

// Contains reports whether the calendar year y overlaps the period.
func (p Period) Contains(y int) bool {
	if !p.From.IsZero() && p.From.Year() > y {
		return false
	}
	if !p.To.IsZero() && p.To.Year() < y {
		return false
	}
	return true
}

// String reads like "2020-01-01 – 2023-12-31" ("…" for an open end).
func (p Period) String() string {
	f, t := "…", "…"
	if !p.From.IsZero() {
		f = p.From.String()
	}
	if !p.To.IsZero() {
		t = p.To.String()
	}
	return f + " – " + t
}

// Date is a calendar date written YYYY-MM-DD.
type Date struct{ t time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year returns the date's year.
func (d Date) Year() int { return d.t.Year() }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// String returns YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return &valueError{lang.Msg("rules.date.malformed", q(string(b)))}
	}
	*d = Date{t}
	return nil
}

// Method says how a criterion turns its raw input into points (cách chấm).
type Method string

// The criterion methods.
const (
	// Direct: the input is the points themselves (chấm thẳng), 0 ≤ input ≤ max.
	Direct Method = "direct"
	// Ratio: points = max × achieved ÷ target, capped at max.
	Ratio Method = "ratio"
	// PassFail: full points if achieved (đạt), zero otherwise; input 1 or 0.
	PassFail Method = "pass_fail"
	// Tiers: the input is a measured value; the highest tier whose threshold
	// it reaches gives the points.
	Tiers Method = "tiers"
	// PerOccurrence: points_each × count, capped at max ("5 điểm/buổi").
	PerOccurrence Method = "per_occurrence"
	// Relative: scored against the cluster (định lượng): with achieved A and
	// target T, below target ½·max·A/T; at target ½·max; the member(s) with the
	// best A/T get max; the others above target ½·max + ½·max·(A/T−1)/(L−1),
	// where L is the best A/T in the cluster.
	Relative Method = "relative"
	// Votes: points = max × the member's votes ÷ the highest vote count in the
	// cluster (bỏ phiếu quy ra điểm).
	Votes Method = "votes"
	// Signed: a criterion with a plus and a minus side (tiêu chí cộng/trừ):
	// points = plus.points_each × achievements − minus.points_each ×
	// failures, clamped to [min, max]; min may be negative, so that the
	// criterion can lower its group's subtotal. A score sheet gives the
	// counts under the keys "<id>+" and "<id>-" (or the net points under
	// "<id>"). A criterion_floor applies to it as to every criterion: its
	// points must reach share × max ("% of its maximum"); min does not move
	// the floor. See SignedPart.
	Signed Method = "signed"
)

var methods = []Method{Direct, Ratio, PassFail, Tiers, PerOccurrence, Relative, Votes, Signed, Fewer}

// Criterion is a node of the criteria tree: a group (nhóm tiêu chí) when it
// has children, a criterion (tiêu chí) otherwise.
type Criterion struct {
	ID   string `yaml:"id" json:"id"`     // e.g. "I", "1.2"
	Name string `yaml:"name" json:"name"` // Vietnamese name, e.g. "Công tác tham mưu"
	// MaxPoints is the maximum (điểm chuẩn), in the criterion's own points
	// (before weighting). Required on a leaf; on a group it may be omitted and
	// is then the sum of the children's weighted maxima.
	MaxPoints decimal.Decimal `yaml:"max" json:"max"`
	// Weight multiplies the node's points when they count in its parent (or in
	// the total). Zero means 1; in a file, leave the key out for weight 1
	// (Parse rejects a weight written as 0).
	Weight decimal.Decimal `yaml:"weight" json:"weight,omitzero"`
	// Method applies to leaves; the default is direct.
	Method Method `yaml:"method" json:"method,omitempty"`
	// Target is the default target for ratio and relative criteria; a member's
	// own target in the score sheet (from its covenant) takes precedence.
	Target decimal.Decimal `yaml:"target" json:"target,omitzero"`
	// PointsEach is the points per occurrence (per_occurrence), or the
	// points each counted occurrence takes away (fewer).
	PointsEach decimal.Decimal `yaml:"points_each" json:"points_each,omitzero"`
	// Tiers lists thresholds and their points (tiers).
	Tiers []Tier `yaml:"tiers" json:"tiers,omitempty"`
	// MinPoints, Plus and Minus describe a signed criterion (cộng/trừ): the
	// lowest points it can give (điểm tối thiểu; zero or negative), the
	// points per achievement (cộng) and per failure (trừ).
	MinPoints decimal.Decimal `yaml:"min" json:"min,omitzero"`
	Plus      SignedPart      `yaml:"plus" json:"plus,omitzero"`
	Minus     SignedPart      `yaml:"minus" json:"minus,omitzero"`

	Children []Criterion `yaml:"children" json:"children,omitempty"`
	Note     string      `yaml:"note" json:"note,omitempty"`
}

// IsGroup reports whether the node has children.
func (c Criterion) IsGroup() bool { return len(c.Children) > 0 }

// EffectiveWeight returns the weight, 1 if none is given.
func (c Criterion) EffectiveWeight() decimal.Decimal {
	if c.Weight.IsZero() {
		return decimal.NewFromInt(1)
	}
	return c.Weight
}

// Tier is one threshold of a tiers criterion: a value at least AtLeast earns
// Points.
type Tier struct {
	AtLeast decimal.Decimal `yaml:"at_least" json:"at_least"`
	Points  decimal.Decimal `yaml:"points" json:"points"`
}

// BonusPolicy lists the bonus items (điểm thưởng / điểm cộng) and the cap on
// their total. Bonuses are added on top of the criteria, so a total may
// exceed the nominal maximum (97 + 10 = 107).
type BonusPolicy struct {
	Cap   decimal.Decimal `yaml:"cap" json:"cap,omitzero"` // zero: no cap
	Items []Item          `yaml:"items" json:"items,omitempty"`
}

// DeductionPolicy lists the deduction items (điểm trừ), the cap on their
// total and an optional floor below which a total cannot fall.
type DeductionPolicy struct {
	Cap   decimal.Decimal  `yaml:"cap" json:"cap,omitzero"` // zero: no cap
	Floor *decimal.Decimal `yaml:"floor" json:"floor,omitempty"`
	Items []Item           `yaml:"items" json:"items,omitempty"`
}

// Item is a bonus or deduction item: Points per occurrence, at most Max in
// all (zero: no per-item cap).
type Item struct {
	ID     string          `yaml:"id" json:"id"`
	Name   string          `yaml:"name" json:"name"`
	Points decimal.Decimal `yaml:"points" json:"points"`
	Max    decimal.Decimal `yaml:"max" json:"max,omitzero"`
	// Group, if given, is the id of the group the item belongs to (điểm
	// thưởng, điểm trừ của một nhóm): its points go into that group's
	// points, not onto the total. See GroupItems.
	Group string `yaml:"group" json:"group,omitempty"`
}

// Fact is a yes/no condition about a member that comes from outside the
// score sheet: "no discipline case" (không có cá nhân bị kỷ luật), "holds Tập
// thể lao động xuất sắc this year", "party organisation clean and strong"
// (tổ chức đảng trong sạch, vững mạnh).
type Fact struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Default is the value assumed when a sheet does not state the fact; nil
	// means the sheet must state it for every member.
	Default *bool `yaml:"default" json:"default,omitempty"`
}

// Assessment says which assessment stage counts and how several assessors
// are combined.
type Assessment struct {
	// Stages in the order they happen, e.g. self (tự chấm), cluster (cụm
	// chấm), recheck (phúc tra). Default: self, cluster, recheck.
	Stages []Stage `yaml:"stages" json:"stages,omitempty"`
	// Counts picks the value that counts among the stages present for a
	// criterion: latest (default), max, min, or stage (the one named in Stage).
	Counts StagePick `yaml:"counts" json:"counts,omitempty"`
	Stage  string    `yaml:"stage" json:"stage,omitempty"`
	// Divergence flags a member whose self-assessed points differ from the
	// counted points by more than a threshold (zero: not checked).
	Divergence Divergence `yaml:"divergence" json:"divergence"`
}

// StagePick is how the counted value is chosen among the stages present.
type StagePick string

// The stage picks.
const (
	Latest    StagePick = "latest"
	Highest   StagePick = "max"
	Lowest    StagePick = "min"
	NamedPick StagePick = "stage"
)

// Stage is one assessment stage and how its assessors' scores combine.
type Stage struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Aggregate combines several assessors' points for one criterion: mean
	// (default), median or trimmed_mean (dropping the Trim highest and Trim
	// lowest).
	Aggregate Aggregate `yaml:"aggregate" json:"aggregate,omitempty"`
	Trim      int       `yaml:"trim" json:"trim,omitempty"`
}

// Aggregate names a way to combine several assessors' scores.
type Aggregate string

// The aggregates.
const (
	Mean        Aggregate = "mean"
	Median      Aggregate = "median"
	TrimmedMean Aggregate = "trimmed_mean"
)

// Divergence sets the thresholds above which a gap between self-assessed and
// counted points is flagged: per criterion and on the total, in points.
type Divergence struct {
	Criterion decimal.Decimal `yaml:"criterion" json:"criterion,omitzero"`
	Total     decimal.Decimal `yaml:"total" json:"total,omitzero"`
}

// RoundingPolicy says where rounding applies. Quotient governs every
// division (ratios, means, vote points, percentages): each quotient is
// computed exactly and rounded once. The other levels round the points of
// every criterion, group, the total and the percentage, if given.
type RoundingPolicy struct {
	Quotient  *Rounding `yaml:"quotient" json:"quotient,omitempty"` // nil: DefaultQuotient
	Criterion *Rounding `yaml:"criterion" json:"criterion,omitempty"`
	Group     *Rounding `yaml:"group" json:"group,omitempty"`
	Total     *Rounding `yaml:"total" json:"total,omitempty"`
	Percent   *Rounding `yaml:"percent" json:"percent,omitempty"`
}

// DefaultQuotient is the quotient rounding when a rulebook gives none.
var DefaultQuotient = Rounding{Places: 6, Mode: RoundHalfUp}

// MissingPolicy says what a missing value for an assigned criterion means.
type MissingPolicy string

// The missing-value policies.
const (
	MissingIsError MissingPolicy = "error" // default: the sheet is rejected
	MissingIsZero  MissingPolicy = "zero"  // the criterion scores zero
)

// Basis is what members are ranked by.
type Basis string

// The ranking bases.
const (
	// ByTotal ranks by the total points (default).
	ByTotal Basis = "total"
	// ByPercent ranks by the total as a percentage of the member's attainable
	// maximum (the criteria assigned to it), for clusters where some criteria
	// are not assigned (không được giao) to every member.
	ByPercent Basis = "percent"
)

// VotePolicy gives the defaults of the secret ballot (bỏ phiếu kín).
type VotePolicy struct {
	// Base of vote shares: all_members (default) or present.
	Base VoteBase `yaml:"base" json:"base,omitempty"`
	// Quorum is the share of all members who must be present for a ballot to
	// count (zero: none).
	Quorum Share `yaml:"quorum" json:"quorum,omitzero"`
	// Ballots lists the ballots a score sheet may hold when the cluster
	// votes more than once: one per award tier or per grading band (phiếu
	// bầu Cờ thi đua, phiếu bầu Bằng khen, phiếu xếp loại). Empty: a sheet
	// holds at most one ballot, which every min_votes condition reads.
	Ballots []Ballot `yaml:"ballots" json:"ballots,omitempty"`
}

// VoteBase is what a vote share is a share of.
type VoteBase string

// The vote bases.
const (
	OfAllMembers VoteBase = "all_members"
	OfPresent    VoteBase = "present"
)

// Condition is one eligibility condition (điều kiện, tiêu chuẩn) with an id
// and the reason shown when a member fails it. Exactly one kind is set.
//
// Thresholds are inclusive unless Strict is set: min_total 90 is "từ 90
// điểm trở lên" (≥ 90), and with strict "trên 90 điểm" (> 90); max_total 90
// is "không quá 90 điểm" (≤ 90), and with strict "dưới 90 điểm" (< 90), the
// upper bound of a grading band ("80 – < 90" is a min_total and a strict
// max_total). Strict applies likewise to min_percent, max_percent,
// group_min (more than), max_deductions (less than), criterion_floor (every
// criterion above the share) and min_votes ("quá nửa": more than the
// share); it has no meaning for fact and max_consecutive.
type Condition struct {
	ID     string `yaml:"id" json:"id"`
	Reason string `yaml:"reason" json:"reason"`

	MinTotal       *decimal.Decimal `yaml:"min_total" json:"min_total,omitempty"`
	MaxTotal       *decimal.Decimal `yaml:"max_total" json:"max_total,omitempty"`
	MinPercent     *decimal.Decimal `yaml:"min_percent" json:"min_percent,omitempty"`
	MaxPercent     *decimal.Decimal `yaml:"max_percent" json:"max_percent,omitempty"`
	CriterionFloor *Floor           `yaml:"criterion_floor" json:"criterion_floor,omitempty"`
	GroupMin       *GroupMin        `yaml:"group_min" json:"group_min,omitempty"`
	Fact           string           `yaml:"fact" json:"fact,omitempty"`
	MaxDeductions  *decimal.Decimal `yaml:"max_deductions" json:"max_deductions,omitempty"`
	MaxConsecutive *Streak          `yaml:"max_consecutive" json:"max_consecutive,omitempty"`
	MinVotes       *VoteThreshold   `yaml:"min_votes" json:"min_votes,omitempty"`

	// Strict makes the condition's threshold strict (see above).
	Strict bool `yaml:"strict" json:"strict,omitempty"`
}

// Floor requires every assigned criterion (under Within, if given) to score at
// least Share of its maximum, e.g. "no criterion below 85% of its maximum".
type Floor struct {
	Share  Share  `yaml:"share" json:"share"`
	Within string `yaml:"within" json:"within,omitempty"`
}

// Streak limits how many years running a member may receive an award: a
// member that received Award in each of the Years years before the sheet's
// year fails ("không tặng Cờ thi đua hai năm liên tiếp" is {award: flag,
// years: 1}). The years are read from the sheet's history.
type Streak struct {
	Award string `yaml:"award" json:"award"`
	Years int    `yaml:"years" json:"years"`
}

// GroupMin requires at least Min points in a group.
type GroupMin struct {
	Group string          `yaml:"group" json:"group"`
	Min   decimal.Decimal `yaml:"min" json:"min"`
}

// VoteThreshold requires a share of votes in favour, e.g. ≥ 80% of all
// members or ≥ 2/3 of those present (with the condition's Strict, more than
// the share: "quá nửa" is a strict 50%), with an optional quorum. Zero Base
// and Quorum take the rulebook's VotePolicy.
//
// A vote condition concerns only the members put to that vote (the members
// the ballot has a count for): a member not put to it does not meet the
// condition, and is reported as not put to the vote, not as having had no
// votes.
type VoteThreshold struct {
	Share  Share    `yaml:"share" json:"share"`
	Base   VoteBase `yaml:"base" json:"base,omitempty"`
	Quorum Share    `yaml:"quorum" json:"quorum,omitzero"`
	// Ballot names the ballot counted, one of the rulebook's votes.ballots;
	// required when the rulebook lists ballots, empty otherwise.
	Ballot string `yaml:"ballot" json:"ballot,omitempty"`
}

// TieBreakKind is one word of the fixed tie-break vocabulary.
type TieBreakKind string

// The tie-break vocabulary. Every rule orders the tied members by one value;
// a rule that gives them all the same value passes them to the next rule.
const (
	ByTotalPoints   TieBreakKind = "total"              // more total points
	ByPercentage    TieBreakKind = "percent"            // higher percentage of the attainable maximum
	ByGroup         TieBreakKind = "group"              // more points in the group Ref
	ByCriterion     TieBreakKind = "criterion"          // more points in the criterion Ref
	FewerDeductions TieBreakKind = "fewer_deductions"   // fewer deduction points
	MoreBonus       TieBreakKind = "more_bonus"         // more bonus points
	MoreVotes       TieBreakKind = "more_votes"         // more votes in favour
	HeadToHead      TieBreakKind = "head_to_head"       // more peers scored it higher than each tied rival
	League          TieBreakKind = "league"             // a mini-league of the tied members' matches (Ref: reapply or once)
	NoAwardLastYear TieBreakKind = "no_award_last_year" // did not receive the award (Ref, or any) last year
	DrawingLots     TieBreakKind = "lots"               // drawing of lots (bốc thăm): seeded or recorded
)

var tieBreakKinds = []TieBreakKind{ByTotalPoints, ByPercentage, ByGroup, ByCriterion, FewerInput, FewerDeductions, MoreBonus, MoreVotes, HeadToHead, League, NoAwardLastYear, DrawingLots}

// The two forms of a league tie-break (đối đầu kiểu giải đấu), its Ref.
const (
	// LeagueReapply: after the mini-league has separated some of the tied
	// members, it is computed again among each group still tied, until it
	// separates no more (as UEFA does); then the next rule.
	LeagueReapply = "reapply"
	// LeagueOnce: the mini-league is computed once among the tied members;
	// those it leaves tied go to the next rule (as FIFA does). The chain
	// may name it again later, for the smaller groups left then.
	LeagueOnce = "once"
)

// TieBreak is one rule of the tie-break chain. In files it is written as a
// bare word ("fewer_deductions") or as a one-key mapping ("group: II").
type TieBreak struct {
	Kind TieBreakKind `json:"kind"`
	Ref  string       `json:"ref,omitempty"` // group or criterion id (criterion for fewer); award tier for no_award_last_year; reapply or once for league
}

// String reads like "group II" or "fewer_deductions".
func (t TieBreak) String() string {
	if t.Ref == "" {
		return string(t.Kind)
	}
	return string(t.Kind) + " " + t.Ref
}

// AwardTier is one kind of award proposed by the cluster, in order of
// precedence: e.g. flag (Cờ thi đua), then merit (Bằng khen).
type AwardTier struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Count is the number of members proposed; or Share of the cluster's
	// members, rounded to a whole number by ShareRounding (default floor).
	Count         int          `yaml:"count" json:"count,omitempty"`
	Share         Share        `yaml:"share" json:"share,omitzero"`
	ShareRounding RoundingMode `yaml:"share_rounding" json:"share_rounding,omitempty"`
	// Requires lists the eligibility conditions a member must meet.
	Requires []string `yaml:"requires" json:"requires,omitempty"`
	// MinGrade is the lowest grading band (xếp loại) a member must be graded
	// in to receive the award, e.g. the flag only from "Hoàn thành xuất
	// sắc": a grade id of the rulebook's grades; empty: any.
	MinGrade string `yaml:"min_grade" json:"min_grade,omitempty"`
	// IfIneligible says what happens when the member in line is ineligible:
	// next_eligible (default: the next eligible member in the standings takes
	// the place) or none (the place is not awarded).
	IfIneligible Fallthrough `yaml:"if_ineligible" json:"if_ineligible,omitempty"`
}

// Quota is the number of places of the tier in a cluster of n members:
// its count, or its share of n rounded as the tier says (floor if it says
// nothing).
func (t AwardTier) Quota(n int) int {
	if t.Count > 0 {
		return t.Count
	}
	mode := t.ShareRounding
	if mode == "" {
		mode = RoundFloor // the documented default, also for tiers built in Go
	}
	return int(RoundInt(int64(n)*t.Share.Num, t.Share.Den, mode))
}

// Fallthrough is what an award does when the member in line is ineligible.
type Fallthrough string

// The fallthrough behaviours.
const (
	NextEligible Fallthrough = "next_eligible"
	Nobody       Fallthrough = "none"
)

// Authority names who acts on the cluster's award proposals: a council that
// considers them and advises (xem xét, tham mưu) and an official who decides
// (quyết định). A provincial cluster's proposals go to the Hội đồng Thi đua
// – Khen thưởng tỉnh, which advises the Chủ tịch UBND tỉnh, who decides; a
// sector's cluster (ngành Kiểm sát, Công an, Tòa án, Công đoàn) or a
// ministry's names its own council and head. Both fields are optional: an
// empty one is the provincial default (see CouncilName and DecidesName).
type Authority struct {
	// Council considers the proposals and advises (Hội đồng Thi đua – Khen
	// thưởng xem xét, tham mưu), e.g. "Hội đồng Thi đua – Khen thưởng tỉnh
	// Cao Bằng"; default: "Hội đồng Thi đua – Khen thưởng tỉnh".
	Council string `yaml:"council" json:"council,omitempty"`
	// Decides is who decides on the awards (người quyết định khen thưởng),
	// e.g. "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"; default: "Chủ tịch UBND
	// tỉnh".
	Decides string `yaml:"decides" json:"decides,omitempty"`
}

// CouncilName names the council that considers the proposals: the
// rulebook's name for it, written as given in either language, or the
// provincial council ("Hội đồng Thi đua – Khen thưởng tỉnh").
func (a Authority) CouncilName() lang.Message {
	if a.Council == "" {
		return lang.Msg("rules.authority.council")
	}
	return lang.Msg("problem.text", a.Council)
}

// DecidesName names who decides on the awards: the rulebook's name,
// written as given in either language, or the chairman of the provincial
// People's Committee ("Chủ tịch UBND tỉnh").
func (a Authority) DecidesName() lang.Message {
	if a.Decides == "" {
		return lang.Msg("rules.authority.decides")
	}
	return lang.Msg("problem.text", a.Decides)
}
