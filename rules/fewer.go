package rules

import "github.com/thidua/thidua/lang"

// Lower is better (ít hơn là tốt hơn): a criterion whose measured input is
// a count of bad things — violations (vụ vi phạm), days late (ngày chậm),
// complaints outstanding (đơn thư tồn đọng) — and a tie-break where the
// smaller count wins.

// Fewer is the lower-is-better method (ít hơn là tốt hơn): the input is a
// count of bad things, and points = max − points_each × count, not below
// zero. No occurrence gives the full max; every occurrence takes
// points_each away, down to zero ("trừ 2 điểm mỗi vụ vi phạm, tối đa trừ
// hết số điểm của tiêu chí"). The count is a whole number, zero or more.
// A missing count (under missing: zero) scores zero points, as for every
// method: it is not read as "no violation".
//
// Unlike a deduction item (điểm trừ), which lowers the total, a fewer
// criterion lives in the tree: its max counts in the attainable maximum
// and its points in its group's subtotal, group minima, criterion floors
// and tie-breaks, and it cannot take more than its own max. Unlike a
// signed criterion with only a minus side, it starts from its max, so a
// member without violations has full points.
const Fewer Method = "fewer"

// FewerInput is the lower-is-better tie-break (ít hơn xếp trên), written
// "fewer: <criterion id>": of the tied members, the one whose counted
// input of the criterion is smaller ranks higher ("đơn vị có ít vụ vi
// phạm hơn xếp trên"). It reads the input that counts (the count given
// at the stage that counts, or, with several assessors, their combined
// points), not the points, so two members whose counts both bring a
// fewer criterion to zero points are still told apart. A member with no
// counted input (missing, or the criterion not assigned) ranks after every
// member with one.
const FewerInput TieBreakKind = "fewer"

// countsOccurrences reports whether a method takes points_each: points
// per occurrence (per_occurrence) or taken away per occurrence (fewer).
func countsOccurrences(m Method) bool { return m == PerOccurrence || m == Fewer }

// fewerTieBreak checks a fewer tie-break: it names a criterion (not a
// group) of the tree.
func (v *validator) fewerTieBreak(tb TieBreak, p string) {
	isGroup, ok := v.kind[tb.Ref]
	switch {
	case tb.Ref == "":
		v.add(p, lang.Msg("rules.fewer.tie_ref"))
	case !ok:
		v.add(p, lang.Msg("rules.tie.ref_unknown", string(tb.Kind), q(tb.Ref)))
	case isGroup:
		v.add(p, lang.Msg("rules.fewer.tie_group", q(tb.Ref)))
	}
}
