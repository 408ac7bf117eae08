// Package amend states what an amendment of a rulebook changes (sửa đổi,
// bổ sung bộ tiêu chí) and whether it changes a cluster's result.
//
// Compare reads two rulebooks and lists every semantic difference, one
// Change per line a secretariat understands: criteria added or removed (by
// id, with their names), maxima, weights, methods and their parameters
// (targets, points per occurrence, tiers, a signed criterion's minimum and
// its plus and minus sides), bonus and deduction items and caps, facts,
// assessment stages, rounding, the missing-value policy, the ranking basis,
// the rank convention (1, 1, 3 or 1, 1, 2), the ballot's defaults and the
// named ballots (by name), eligibility conditions (inclusive or strict,
// lower or upper thresholds, the ballot a vote condition counts), the
// tie-break chain (league and fewer included), grading bands (xếp loại: by
// name, the conditions each adds or drops by their reasons, their order),
// award tiers (quotas, conditions, the lowest band required, what happens
// when a member is ineligible), the jurisdiction, the regulation, its
// legal basis (căn cứ pháp lý: each entry and its period), the awarding
// authority (who considers, who decides) and the period in force. Each
// Change carries its key path, the old and new values in canonical form
// and a lang.Message ("Tiêu chí 03: điểm tối đa 20 → 25" / "Criterion 03:
// maximum 20 → 25"). Differences that do not change what a rulebook says
// (notes, sources, stage names) are summed up in one line.
//
// Outcome ranks one score sheet under both rulebooks and says whether and
// how the result changes: each member's rank, total and award, each award
// tier's members and the leader ("SCT: hạng 1 → 2; Cờ thi đua → —"). It
// answers the question "did this amendment change who won?". The sheet
// must be valid under both rulebooks; if it is not, Outcome returns a
// *SheetError naming the rulebook and wrapping every problem.
package amend
