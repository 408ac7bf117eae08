// Package xlsx reads cluster score sheets (bảng chấm điểm) from Excel
// workbooks and writes Excel workbooks: the empty score sheet of a rulebook
// (Template) and the results of a ranking (WriteResults).
//
// # Reading
//
// Load, Read and Check turn an .xlsx workbook into a scoring.Sheet. Each
// row of the sheet records where it came from (Source.File is the file,
// Source.Line the row number in its worksheet). Every problem is reported,
// as scoring.InputErrors whose messages start with the sheet and cell:
//
//	scores.xlsx:14: member SXD: 06: Sở Xây dựng!D14: expected a number like 9.75 or 9,75, found "abc"
//
// Check also runs the sheet through scoring and names the cell of each
// problem it finds ("Bảng điểm!G9: 21 points is above the maximum 20").
// What does not stop the reader (a formula whose saved value disagrees
// with its recomputation, a row it did not recognise, a default it
// assumed) is returned as Warnings.
//
// Error() and Warning.String() write in English. Each problem and warning
// also carries its lang.Message, and Text writes it in Vietnamese or
// English:
//
//	scores.xlsx:14: đơn vị SXD: 06: Sở Xây dựng!D14: cần một số dạng 9,75 hoặc 9.75, nhận được "abc"
//
// The message's Key is a stable code a program can switch on: the "xlsx."
// keys of the lang catalogue for what the reader finds (a file beyond a
// limit is "xlsx.limit.rows", "xlsx.limit.cells", …), "fields." for a
// value that is not a number, a count or a yes/no word, and scoring's
// "input." keys for what Check finds.
//
// Without a Mapping the reader recognises three kinds of sheet by their
// cells, matched against the rulebook (names normalised to NFC, case and
// spacing ignored); a sheet named "Hướng dẫn" (instructions) is skipped.
//
// Matrix sheets (bảng tổng hợp): a row per member, or per member and
// assessment stage, or per member, stage and assessor; a column per
// criterion. The header row is the row whose cells name the most criteria:
// by id ("1.1"), by name, as "1.1. Name", "Tiêu chí 1.1" or a name followed
// by "(10 điểm)". Group headers merged over their criteria are fine, and so
// are headers merged over several header rows. The member is found by a
// column headed "Mã đơn vị" (its id) and/or "Tên đơn vị" / "Đơn vị" (its
// name; without an id column the name is the id). A column "Giai đoạn"
// gives each row's stage (Tự chấm, Cụm chấm, Phúc tra, by name or id); a
// stage label above or below criterion columns gives theirs (a criterion
// split into "Tự chấm" and "Cụm chấm" columns, or a block of criteria under
// "Điểm cụm chấm"); without either, scores are read at the stage that
// counts, with a warning. A column "Người chấm" names the assessor of a row
// (cross-scoring, chấm chéo: a row per assessor). Columns named after a
// bonus or deduction item hold its number of occurrences, after a fact
// "có" or "không", "Phiếu tán thành" the votes in favour, "Khen thưởng năm
// 2019" the award received that year. For a rulebook with named ballots
// (votes.ballots), a "Phiếu tán thành" column is of the ballot whose name
// or id heads it; a member put to no vote of a ballot leaves its cells
// empty. A signed criterion (cộng/trừ) takes its counts in columns keyed
// "3.2+" (achievements) and "3.2-" (failures), or its net points under its
// id. Rows of the header band (maxima,
// instructions, column numbers), total rows and rows without a member are
// skipped; a row of values without a member is an error.
//
// Per-member sheets (phiếu chấm điểm): a sheet per member, a row per
// criterion (named by id or name in the columns left of the stages), a
// column per stage (headed "Tự chấm", "Điểm cụm chấm", …). Item and fact
// rows take their value from a column "Số lần" if filled, else from the
// last stage with a value. The member is the value of a cell labelled "Mã
// đơn vị" or "Đơn vị" above the header ("Đơn vị: Sở Xây dựng"), else the
// sheet's name.
//
// Details (thông tin chung): a cell labelled "Tên cụm", "Năm", "Số thành
// viên có quyền bỏ phiếu", "Số thành viên có mặt" or "Kết quả bốc thăm"
// (or their keys cluster, year, entitled, present, lots) and the value to
// its right.
//
// A Mapping (a YAML file) names the sheets, header rows and columns when
// detection is not enough; its column keys are those of the template's key
// row: member, name, stage, assessor, a criterion id ("03", or "03@self"
// for a column of one stage), target:ID, bonus:ID, deduction:ID, note:ID
// (the note of an item's occurrences), fact:ID, votes:for, votes:against,
// votes:abstain (votes:for@BALLOT for a named ballot), ID+ and ID- (a
// signed criterion's counts), history:YEAR; on per-member sheets label,
// stage:ID and count. The details' "entitled" and "present" apply to every
// named ballot; rows keyed entitled@BALLOT and present@BALLOT (or a
// mapping's info.ballots) give one ballot's own.
//
// # Cell values
//
// A number is read exactly. A numeric cell holds the digits Excel wrote,
// which for a value typed as 8.3 may be "8.3000000000000007" (Excel keeps
// numbers as binary doubles); the reader rounds to Excel's 15 significant
// digits, which gives back what was typed, and never converts to a binary
// float itself. A number stored as text is read as the CSV layout reads
// it, with a decimal point or a decimal comma ("9,75"). "kgg" or "na" in a
// criterion cell marks it not assigned to the member (không được giao).
// Facts take có/không, true/false, 1/0 or Excel's TRUE/FALSE.
//
// A formula is read by the value saved with it. The reader recomputes
// the formulas it can (numbers, references and ranges of the same sheet,
// + − × ÷, SUM, AVERAGE, MIN, MAX, ROUND; ranges skip text as Excel's SUM
// does) and warns, naming the cell, where the saved value disagrees, as
// it does when a file was saved by a program that does not recalculate. A
// formula saved without a value is read by its recomputation, with a
// warning, or is an error if it cannot be recomputed.
//
// # Limits
//
// A workbook is a zip archive of XML, and a small file can claim a million
// rows or decompress to gigabytes. Before the workbook is parsed, the
// reader checks the file's size and its parts, decompressed, against
// Limits, and streams every worksheet to bound its rows, cells (counting
// the empty cells a far-right cell implies), merged ranges and shared
// strings; a file beyond a limit is refused with one error naming it.
// Password-protected and old .xls workbooks are refused.
//
// # Writing
//
// Template writes the score sheet of a rulebook in the matrix layout, with
// a key row the reader matches (so a filled template needs no mapping and
// no hand editing), one set of vote columns per named ballot headed by its
// name, a column per count of a signed criterion, data validation on the cells that can have it (0…max
// for a criterion scored directly, 1/0 for pass/fail, whole counts, lists
// for stages, facts and awards), a details sheet and instructions.
//
// WriteResults writes standings: the ranking with the award proposed to
// each member and the rule that decided each place, the criteria × members
// matrix with group subtotals, and a scorecard per member.
//
// Numbers are written as numbers whose stored text is the decimal's exact
// digits (a cell <c><v>94.7</v></c>, the form Excel itself writes), shown
// with the rulebook's decimal places by a number format. Setting a cell to
// a text with a number format would give a text cell that Excel neither
// sums nor sorts as a number; converting to float64 first would put binary
// rounding between the result and the file. Read back, the cell gives the
// same digits.
package xlsx
