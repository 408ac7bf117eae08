// Package audit checks a published cluster result (kiểm tra kết quả bình
// xét thi đua): does the ranking announced in the minutes of the cluster's
// evaluation meeting (biên bản họp bình xét, suy tôn) follow from the score
// sheets (bảng chấm điểm) and the regulation in force that year?
//
// Audit recomputes the result with the engine (scoring, ranking) and
// compares it with the recorded one. Every discrepancy is a Finding with a
// severity (error, warning, info), a kind, the member, the rule or
// criterion, the recorded and the recomputed value, and a sentence a
// person can read. The kinds fall into four categories:
//
//   - arithmetic: a recorded subtotal or total that is not the sum of its
//     recorded parts (sum); a maximum exceeded — a recorded group subtotal,
//     bonus or deduction above its cap, or a score in the sheet above its
//     criterion's maximum, which is then left out of the recomputation (cap);
//     a recorded value with more decimal places than the rulebook rounds
//     to, or equal to the exact value rounded another way (rounding); a
//     recorded figure the recomputation does not give (value);
//   - ranking: a rank that does not follow from the totals and the
//     tie-break chain (order); a tie broken by a rule that is not in the
//     chain (tiebreak_not_in_chain) or by another rule than the one that
//     decides (tiebreak_mismatch); equal totals with different ranks and no
//     recorded reason (unexplained_tie). Two members the chain cannot
//     separate share a rank (đồng hạng): where their tie decides no award,
//     the minutes' order between them is noted (info), not warned of; only
//     a tie that decides an award is an unresolved one;
//   - awards: an award to a member that does not meet the tier's
//     conditions (award_ineligible); more awards than the quota
//     (award_quota); a flag without the required votes or quorum
//     (award_votes); an eligible member passed over (award_skipped); a
//     member graded in another band (mức xếp loại) than the
//     recomputation's, or in a band when it meets no band's conditions
//     (grade) — a band is checked only where the minutes record one;
//   - data: members missing from the sheet or from the minutes, unknown
//     criteria, award tiers (unknown_award) or grading bands
//     (unknown_grade), a rulebook not in force in the year
//     assessed, other sheet problems, members left out of the
//     recomputation; and rulebook change control and sealed records (see
//     below).
//
// A report lists the content hashes of its three inputs (rulebook, score
// sheet, recorded result), so that an audit can be traced and repeated; a
// clean report says so. Reports are written as Markdown, JSON (schema
// thidua/audit/v2, numbers as strings) or a self-contained HTML page.
//
// # Languages
//
// Every sentence of a report is kept once, as a message of package lang
// (Finding.Message, Report.Verdict, Comparison.DecidedBy, a finding's
// phrases), so that a report can be written in Vietnamese or English:
// Report.WriteIn writes every label, severity, kind, status and sentence
// in the language, numbers with a decimal comma in Vietnamese, and quotes
// the engine's own sentences (a failed condition, a member's value under
// a tie-break rule) in the same language. Write, WriteMarkdown, WriteHTML
// and NewBatchWriter write English, as they always have; NewBatchWriterIn
// writes a batch in a language. In JSON each message carries its text in
// both languages. Names and ids from the inputs are never translated.
//
// # The recorded result
//
// What the minutes publish, as CSV (one row per fact, like the score
// sheet) or as JSON/YAML. Everything but the members is optional: an audit
// checks what is recorded.
//
// CSV: a header naming the columns record, member, key, value, note (only
// record is required), comma- or semicolon-separated, UTF-8 with or
// without a byte-order mark; numbers take a decimal point or a decimal
// comma ("96.35" or "96,35"); rows whose record starts with # are
// comments. Members appear in the order of their first row.
//
//	record    member  key        value                  note
//	cluster           name       Cụm II – Các cơ quan quản lý chuyên ngành
//	cluster           year       2020
//	cluster           rulebook   caobang-cum2           (the rulebook id the minutes cite)
//	cluster           version    2020.1
//	cluster           date       2021-01-05             (of the meeting, as written)
//	member    SCT     name       Sở Công Thương
//	rank      SCT                1                      (equal ranks for members sharing a rank)
//	total     SCT                96,35
//	percent   SCT                96,35                  (for clusters ranked by percentage)
//	subtotal  SCT     I          39                     (a group's or criterion's points, as it counts in its parent)
//	bonus     SCT                10                     (bonus points after caps)
//	deductions SGTVT             0,5                    (deducted points after caps)
//	award     SCT     flag       Cờ thi đua của UBND tỉnh  (key: the rulebook's award tier id)
//	grade     SCT                xuat_sac               (the grading band: its id or its exact name)
//	votes     SCT     for        7                      (key for, against or abstain)
//	ballot            entitled   7
//	ballot            present    7
//	tiebreak  SXD     group I    SKHCN                  (SXD placed below SKHCN by the rule "group I")
//
// A tiebreak row names the member placed lower, the rule the minutes cite
// (a rule of the rulebook's chain, written as the standings write it —
// "group I", "fewer_deductions", "lots" — or any other words) and the
// member placed higher.
//
// JSON (or YAML), with the same content:
//
//	{
//	  "schema": "thidua/recorded/v1",
//	  "cluster": "Cụm II – …", "year": 2020, "rulebook": "caobang-cum2", "version": "2020.1",
//	  "ballot": {"entitled": 7, "present": 7},
//	  "members": [
//	    {"id": "SCT", "name": "Sở Công Thương", "rank": 1, "total": "96.35",
//	     "subtotals": {"I": "39", "II": "19.5"}, "bonus": "0", "deductions": "0",
//	     "awards": ["flag"], "grade": "xuat_sac", "votes": {"for": 7}}
//	  ],
//	  "tie_breaks": [{"upper": "SKHCN", "lower": "SXD", "rule": "group I", "note": "…"}]
//	}
//
// Numbers may be JSON numbers or strings (to keep every digit). Unknown
// keys are errors. Every parse error names the file and the line.
//
// # Batch audits
//
// Batch audits a folder of cluster-year folders. Each cluster-year folder
// holds exactly one rulebook (rulebook.yaml, rulebook.yml or
// rulebook.json), one score sheet (a file whose name starts with "scores",
// in any format package scoresheet reads: scores.csv, scores-2020.json,
// scores.xlsx, …) and one recorded result (a file whose
// name starts with "recorded"). Folders may be nested at any depth, for
// example
//
//	decade/
//	  p14/2020/cum02/rulebook.yaml
//	  p14/2020/cum02/scores.csv
//	  p14/2020/cum02/recorded.csv
//
// A folder holding any of these files is a cluster-year folder; its
// sub-folders are not searched. Results come in lexical order of the
// folders' paths. A folder missing a file, or with an invalid rulebook or
// recorded result, is reported as malformed and the batch goes on.
//
// # Rulebook change control
//
// A result is only as good as the rulebook it is checked against. Batch
// checks, for each folder, that its rulebook is the one that governed the
// cluster's year, and adds what it finds to the folder's report:
//
//   - two different rulebooks (by content hash) for one cluster and
//     period: a folder for the same cluster and year as an earlier folder,
//     under another rulebook, is an error; a folder of the same cluster
//     under another rulebook whose period in force overlaps the earlier
//     one's is a warning (rulebook_conflict). A cluster is known by its
//     name, as the sheet or the minutes write it, within the folder that
//     holds its folder, years aside: caobang/2020/cum2 and
//     caobang/2021/cum2 are one cluster's years, caobang/2020/cum2 and
//     nghean/2020/cum2 two clusters, even if both are named "Cụm II";
//   - a rulebook whose content hash is not the one sealed for the year, in
//     a sealed record (record*.json, not recorded*.json) of the folder: an
//     error (rulebook_not_sealed); a record that cannot be read or was
//     altered is record_tampered; one of another year is only noted;
//   - a rulebook dated after the scores it ranks (rulebook_late; see
//     DatedAfter for exactly what this means). Every audit checks this,
//     not only a batch's: Audit and AuditFiles against the year and the
//     meeting of the minutes, AuditSealed against the day of sealing.
//
// # Sealed records in place of the minutes
//
// AuditSealed audits a sealed result record (package record, schema
// thidua/record/v1) instead of a recorded result: it verifies the record
// against the rulebook and the sheet (record.Verify) and reports each check
// as a finding — the record altered (record_tampered), another rulebook
// (record_wrong_rulebook), another sheet (record_changed_sheet), another
// result when ranked again (record_different_result), another signing key
// (record_unknown_key) — and each check that holds as an info
// (record_checked). IsSealedRecord tells one from a recorded result by its
// schema; Batch does so for a folder's recorded*.json.
//
// # Cancellation
//
// Audit, AuditFiles and Batch take a context: a server cancels it to stop
// them. An audit looks at it between its steps (reading, each round of
// recomputation, the members' arithmetic, the ranking and awards) and
// returns ctx.Err(), wrapped; Batch passes it to every folder's audit.
package audit
