// Package sheets reads and writes score sheets (bảng chấm điểm) as files:
// CSV, JSON and YAML. Every row read carries its file and line, so that
// problems found later by scoring name them too. Names and ids are
// normalised to Unicode NFC, so "Sở Công Thương" typed with combining marks
// and with precomposed letters is the same member, and line breaks inside a
// text ("\r\n" or a lone "\r") are kept as "\n".
//
// Every problem in a file is reported at once, as scoring.InputErrors naming
// the file, line, member and criterion. Each carries its message
// (InputError.Message, whose key — "csv.row.needs", "fields.decimal", … —
// is a stable code), so that InputError.Text writes it in Vietnamese or
// English; Error() is the English line. The sheet returned with them holds
// the rows that could be read whole; a row that is refused leaves nothing
// behind. Files larger than MaxBytes (32 MiB) are refused, in every format.
// Load picks the format by the file's extension: .csv or .txt (delimited
// text, as spreadsheets save it) for CSV, .json, .yaml or .yml for JSON and
// YAML.
//
// # CSV
//
// One row per fact, in any order, with a header naming the columns
// (record, member, key, value, stage, assessor, note; only record is
// required, the others may be left out when unused). Comma or semicolon
// separated (the semicolon is what Excel writes where the decimal separator
// is a comma: a header line with semicolons and no commas makes a semicolon
// file), UTF-8 with or without a byte-order mark. Numbers take a decimal
// point or a decimal comma ("9.75" or "9,75"), and may end in an exponent
// ("1e-05"); thousands separators are refused. A number has at most 40
// significant digits, none more than 100 places from the decimal point.
//
//	record        member  key        value               stage    assessor  note
//	cluster               name       Cụm II …
//	cluster               year       2020
//	member        SCT     name       Sở Công Thương
//	score         SCT     1.1        9,75                cluster
//	score         SCT     1.1        9.5                 cluster  SXD       (one of several assessors)
//	score         SCT     2.3        na                  cluster            (not assigned: na, n/a, kgg, không giao)
//	score         SCT     3.2+       3                   cluster            (signed criterion 3.2: achievements, cộng)
//	score         SCT     3.2-       1                   cluster            (signed criterion 3.2: failures, trừ)
//	target        SCT     2.1        120
//	not_assigned  TTr     2.3
//	bonus         SCT     co_tinh    1                                      Cờ thi đua tỉnh 2019
//	deduction     SXD     bao_cao    2
//	fact          SCT     no_discipline  true                               (true/false, yes/no, có/không, 1/0)
//	ballot                entitled   7
//	ballot                present    7
//	votes         SCT     for        6                                      (key for, against or abstain)
//	history       SCT     2019       merit                                  (years 1900 to 9999)
//	lots          SCT                1                                      (position drawn, 1 first)
//	match         SCT     SXD        3                                      (SCT's score against SXD …)
//	match         SXD     SCT        1                                      (… and SXD's against SCT: one match)
//
// A signed criterion (tiêu chí cộng/trừ, rules.Signed) takes two whole
// counts per member, stage and assessor, keyed by its id followed by "+"
// (achievements) and "-" (failures); either may be left out (zero). A row
// keyed by the id alone gives the net points instead (cộng − trừ, before
// the clamp), as a workbook's single column for the criterion does. The
// same keys serve in JSON and YAML ("criterion": "3.2+").
//
// Blank lines, rows whose cells are all empty (",,,,,,", as spreadsheets
// save a blank row) and rows whose record starts with # (comments) are
// skipped, before the header too. Empty cells at the end of the header are
// ignored. A row may be shorter than the header line but not longer, and
// holds nothing under a column without a name: a decimal comma written
// without quotes in a comma-separated file (9,75 instead of "9,75") splits
// the value in two and is reported that way. Member ids, keys, stages and
// assessors are plain text on one line: a line break, tab or other control
// character in them is refused. Notes may hold line breaks; names may not:
// scoring refuses a control character in the cluster's or a member's name
// (see scoring.Sheet.CheckNames), as it would split a table or a document.
// The cluster's name and year, each ballot count and each member's votes
// for, against or abstaining are given once; a second row is refused. If
// the lots drawn do not run 1, 2, 3 … the sheet keeps none of them.
// A match (for a league tie-break) is two rows, one from each side, each
// with that side's score, a whole number: a spreadsheet would read "3-1"
// as a date. A side without the other, or given twice, is reported.
//
// A quoting error (a stray or unterminated ") stops the reading: the rows
// after it cannot be told apart.
//
// # JSON and YAML
//
// The fields of scoring.Sheet, with its json names; numbers may be written
// as JSON numbers or as strings (to keep every digit), with a decimal point
// or comma. A text written as null (or ~, or nothing, in YAML) is empty.
// Facts take only true or false. A match is one item of matches:
// {member, rival, for, against}. Years, of the sheet and of past awards,
// run from 1900 to 9999. A list item with any problem (an unknown key, a
// value that cannot be read) is left out of the sheet returned, and so are
// all the lots if one of them has a problem.
package sheets
