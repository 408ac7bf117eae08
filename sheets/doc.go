// Package sheets reads and writes score sheets (bảng chấm điểm) as files:
// CSV, JSON and YAML. Every row read carries its file and line, so that
// problems found later by scoring name them too. Names and ids are
// normalised to Unicode NFC, so "Sở Công Thương" typed with combining marks
// and with precomposed letters is the same member.
//
// # CSV
//
// One row per fact, in any order, with a header naming the columns
// (record, member, key, value, stage, assessor, note; only record is
// required, the others may be left out when unused). Comma or semicolon
// separated (the semicolon is what Excel writes where the decimal separator
// is a comma), UTF-8 with or without a byte-order mark. Numbers take a
// decimal point or a decimal comma ("9.75" or "9,75").
//
//	record        member  key        value               stage    assessor  note
//	cluster               name       Cụm II …
//	cluster               year       2020
//	member        SCT     name       Sở Công Thương
//	score         SCT     1.1        9,75                cluster
//	score         SCT     1.1        9.5                 cluster  SXD       (one of several assessors)
//	score         SCT     2.3        na                  cluster            (not assigned: na, n/a, kgg, không giao)
//	target        SCT     2.1        120
//	not_assigned  TTr     2.3
//	bonus         SCT     co_tinh    1                                      Cờ thi đua tỉnh 2019
//	deduction     SXD     bao_cao    2
//	fact          SCT     no_discipline  true                               (true/false, yes/no, có/không, 1/0)
//	ballot                entitled   7
//	ballot                present    7
//	votes         SCT     for        6                                      (key for, against or abstain)
//	history       SCT     2019       merit
//	lots          SCT                1                                      (position drawn, 1 first)
//
// # JSON and YAML
//
// The fields of scoring.Sheet, with its json names; numbers may be written
// as JSON numbers or as strings (to keep every digit), with a decimal point
// or comma.
package sheets
