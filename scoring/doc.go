// Package scoring computes each member's scorecard (phiếu chấm điểm) under a
// rulebook.
//
// A Sheet is everything recorded about a cluster's year: its members (đơn vị
// thành viên), the raw value of every criterion at every assessment stage and
// from every assessor (tự chấm, cụm chấm, phúc tra), the members' targets,
// the criteria not assigned to a member (không được giao), bonus items claimed
// (điểm thưởng), deduction occurrences (điểm trừ), facts (kỷ luật, danh hiệu),
// the secret ballot (bỏ phiếu kín), past awards and a recorded drawing of
// lots.
//
// Score validates a sheet against a rulebook, reporting every problem at
// once, and returns one Scorecard per member: every criterion's and group's
// points, bonus and deductions after caps, the total, the attainable maximum
// and percentage, and a trace of every step (raw → stage → method → cap →
// weight → round) that a person can follow. Members are scored together
// because some criteria are relative to the cluster: the leader's ratio or
// the highest vote count sets the scale for everyone.
//
// All arithmetic is exact decimal arithmetic; each division is computed
// exactly and rounded once by the rulebook's quotient rule.
package scoring
