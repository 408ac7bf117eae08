// Package rules models a province's emulation-cluster regulation as data: a
// rulebook (bộ tiêu chí, thang điểm và quy chế xét khen thưởng của cụm, khối
// thi đua).
//
// A rulebook says everything a regulation decides and nothing else:
//
//   - its identity and provenance: id, version, title, jurisdiction, the
//     regulation it encodes (quyết định, hướng dẫn), its legal basis and the
//     period it is in force;
//   - the criteria tree (khung tiêu chí), at most MaxDepth (8) levels deep:
//     groups and criteria with a maximum (điểm chuẩn), an optional weight and
//     a method that turns a raw input into points — direct points, ratio of
//     achieved to target, pass/fail (đạt / không đạt), tiers, points per
//     occurrence with a cap ("5 điểm/buổi"), relative to the cluster's leader
//     (định lượng so với đơn vị dẫn đầu), votes converted into points, or
//     signed (tiêu chí cộng/trừ): plus.points_each × achievements −
//     minus.points_each × failures, clamped to [min, max] with min zero or
//     negative, so that it counts in its group's subtotal (which may go
//     down), in group minima and tie-breaks, and in the attainable maximum
//     with its max (see Signed and SignedPart), or lower is better (ít hơn
//     là tốt hơn): a count of bad things — violations, days late,
//     complaints outstanding — with max − points_each × count, not below
//     zero (see Fewer);
//   - bonus points (điểm thưởng) and deductions (điểm trừ) with their caps,
//     on the total or belonging to a group (của một nhóm: "group: II"),
//     whose points they then go into, as TP.HCM adds a flag's +10 to one
//     department's score (see GroupItems);
//   - which assessment stage counts (tự chấm, cụm chấm, phúc tra) and how
//     several assessors' scores are combined;
//   - rounding: the places and mode, and where it applies;
//   - eligibility conditions (điều kiện, tiêu chuẩn), each with a reason:
//     thresholds on the total, the percentage, a group, every criterion
//     (sàn), the deductions or the votes, each inclusive or strict ("từ 90
//     điểm trở lên" or "trên 90 điểm", "quá nửa") and the total and
//     percentage also as upper bounds ("dưới 90 điểm"); facts; streaks;
//   - several ballots (lần bỏ phiếu), one per award tier or grading band, a
//     vote condition concerning only the members put to that vote;
//   - grading bands (xếp loại: "Hoàn thành xuất sắc", "vững mạnh"…),
//     highest first, each member in the first whose conditions it meets;
//     a band has no quota and needs no rank, and an award may require one
//     (min_grade);
//   - the ordered tie-break chain (thứ tự ưu tiên khi bằng điểm), and how
//     members it cannot separate share a rank (đồng hạng), numbered by the
//     rank_convention: competition, 1, 1, 3 (the default), or dense,
//     1, 1, 2 (see RankConvention);
//   - the award policy (Cờ thi đua, Bằng khen): which ranks or which share of
//     the cluster each tier goes to and what happens when a member is
//     ineligible;
//   - the awarding authority, optionally: the council that considers the
//     proposals (Hội đồng Thi đua – Khen thưởng xem xét, tham mưu) and who
//     decides (Chủ tịch UBND tỉnh, or a sector's head, quyết định).
//
// A Spec is the editable description (what a YAML or JSON file holds). New
// validates a Spec as a whole and returns an immutable *Rulebook, the only
// form the scoring and ranking packages accept. Load and Parse read a file
// and report every problem with its file, line and key, as Errors: each
// problem's Error() is English, and Text writes it in Vietnamese (the
// default) or English from its lang.Message, whose key is a stable code.
//
// # Tie-breaks and the properties they keep
//
// The chain (TieBreakKind) orders the members the ranking basis leaves
// equal. Every kind keeps order independence (the standings do not depend
// on the order of the members or of the sheet's rows) and monotonicity
// (raising a member's own points never lowers its rank: the basis comes
// first). Removing a member eligible for no award tier changes neither
// the others' order nor the awards, for every kind but seeded lots —
// provided quotas are counts (a share counts every member), criteria are
// the member's own (relative and votes criteria score against the
// cluster) and tiers pass an ineligible member's place on (under
// if_ineligible: none the place it holds is the rule). The exceptions:
//
//   - lots drawn with a seed (bốc thăm) shuffle the tied group as a whole,
//     so who else is tied changes the draw; a recorded draw does not;
//   - head_to_head (đối đầu, điểm chấm chéo) and league (đối đầu kiểu
//     giải đấu) compare the tied members with each other. Only the members
//     in play count as rivals: a member eligible for no award tier is
//     placed by its own results against them, but no result against it
//     counts for anyone, so it cannot decide an award between the others.
//     A member eligible for a lower tier only (Bằng khen, not the flag) is
//     in play — the standings are one order, in which its place decides its
//     own award — so it can decide the flag between two others: removing
//     it may change the flag.
//
// fewer (ít hơn xếp trên, "fewer: <criterion>") reads each tied member's
// own counted input of the criterion (a member with none ranks last), so
// it keeps all three: order independence, removal of the ineligible (no
// other member's count enters a member's key) and monotonicity (the basis
// comes first; the count orders only members the basis leaves equal).
//
// head_to_head reads only the peer scores of the stage that counts for the
// member and criterion (assessment.counts), so a score a recheck replaced
// breaks no tie. league builds a mini-league of the tied members from the
// sheet's match results: 3 points for a win, 1 for a draw, then the goal
// difference, then the goals scored; "league: reapply" computes it again
// among each group still tied (UEFA), "league: once" passes them to the
// next rule (FIFA). Both may be named again later in the chain, for the
// smaller groups the rules between leave tied. A league whose tied members
// in play lack a result between two of them leaves the tie unresolved.
package rules
