// Package whatif answers an analyst's or an inspector's questions about a
// scored emulation cluster (cụm, khối thi đua) — phân tích giả định: what is
// the least a member must gain to reach a rank or an award, how stable the
// ranking is when a weight or a disputed score changes, and what the
// standings would have been with a scenario's edits ("what if this
// deduction had been applied?").
//
// Reach finds the least gain in total points (tổng điểm) that brings a
// member to a rank (hạng), an award tier — Cờ thi đua (the emulation
// flag), Bằng khen (certificate of merit) — or a grading band (mức xếp
// loại: "what must we score to be graded Hoàn thành xuất sắc?"; an award
// that requires a band counts the band's conditions too), and the
// cheapest allocation of
// it over the member's criteria (tiêu chí), as the changed rows of the
// score sheet (bảng chấm điểm); or says why the target cannot be reached:
// every criterion at its maximum (điểm tối đa), an eligibility condition
// (điều kiện) no score can fix — a fact such as không có cá nhân bị kỷ luật,
// the share of votes (tỷ lệ phiếu bầu) or the quorum, the deductions (điểm
// trừ). The search is exact: a dynamic programme over the criteria tree
// enumerates every class of allocations that the ranking can tell apart
// (the total, the values under the tie-break chain's rules — thứ tự ưu tiên
// khi bằng điểm —, the eligibility conditions that depend on where the
// gain goes) and ranks them with ranking.Rank in order of total until one
// reaches the target; a property test checks it against brute force.
//
// Sensitivity sweeps a weight (trọng số) of a criterion or group, or one
// member's disputed score (điểm chấm có ý kiến khác nhau, e.g. between the
// cluster's scoring — cụm chấm — and a recheck — phúc tra), over a range,
// reports where the winner (đơn vị dẫn đầu) or any award changes — the
// break-even values, located exactly with rational arithmetic and
// confirmed by ranking.Rank on both sides — and the rank stability against
// the baseline as Kendall's tau-b.
//
// A Scenario (kịch bản) is a YAML or JSON file of edits — set a score, add
// or remove a bonus (điểm thưởng) or deduction occurrence, set a fact, drop
// a member, add votes — read strictly, with the file and line of every
// problem, and applied to a copy of a sheet; Compare reports the standings'
// differences for an inspector (thanh tra): old and new ranks and totals,
// awards gained and lost, and the members whose place is now decided by a
// different rule.
//
// Sentences for people — an obstacle's detail, a criterion held fixed, a
// caveat, a break-even's note, a sweep's notes, a scenario's edits — are
// lang.Message values (the engine's own eligibility failures nested in
// them), which lang writes in Vietnamese or English (m.In(lang.English));
// outcomes, parameters, ranges, scenario edits and member changes have
// Message and Text methods too. The reports (ReachReport,
// SensitivityReport, ScenarioReport) write a whole answer as text in
// either language (Write), from the catalogue's sentences: the command
// line only prints them. Ids and the rulebook's names are never
// translated.
//
// The package never prints and never changes its inputs; its results are
// values. Imports go one way: rules ← scoring ← ranking ← whatif.
package whatif
