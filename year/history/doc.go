// Package history follows emulation clusters (cụm thi đua, khối thi đua)
// across years, so that a cluster's whole cycle can be run year after year
// and an auditor can follow a unit from one year to the next.
//
// A history holds, per cluster and year, its member units (đơn vị thành
// viên) — who joined (gia nhập), who left, and which units were merged into
// a successor (hợp nhất, sáp nhập), with the predecessors whose award
// history carries over to it; the rulebook of the year (by id, version and
// content hash, or by path); and the year's result: the award proposals
// (đề nghị tặng Cờ thi đua, Bằng khen), recorded from the minutes (biên bản)
// or computed by ranking the year's score sheet. It also holds who headed
// the cluster (Trưởng cụm, Phó trưởng cụm) in each period (nhiệm kỳ): elected
// by the members (bầu, with the votes), assigned by a rotation rule stated as
// data (a fixed order; the deputy becomes head; by function), assigned by a
// higher body, or inferred from a source that does not say it outright.
//
// From it the package answers "who headed Cụm II in each year" (Heads) and
// "which unit led it" (Top, đơn vị dẫn đầu), "how often has this unit
// received the flag in the last five years" (YearsReceived, following
// mergers), feeds ranking's history tie-break (PastAwards, for
// scoring.Sheet.History) and checks "not the flag two years running"
// (Consecutive, RunFacts) until the engine's rulebooks can say it.
//
// ClusterReport follows a cluster over a span of years (Span): who headed
// it and who ranked first each year, its membership changes, the awards
// each member received (following mergers), what the history decided in
// the rankings (a tie broken by past awards, an award passed on for a
// streak) and the warnings of rulebook change control; MemberReport
// follows one unit. Their values name units, clusters and award tiers as
// the files do (AwardName: the tier's name in the year's rulebook), and
// WriteText writes them as thidua history prints them, in Vietnamese or
// English.
//
// A history file is YAML or JSON, decoded strictly: an unknown key, a
// malformed date or year, a unit that is not listed, a membership change no
// join, departure or merger explains, overlapping terms of office, a head
// who is not a member that year, a deputy who is the head, an election
// whose count contradicts its winner, a rotation rule that gives another
// head, a rulebook whose hash differs from the one recorded, or recorded
// awards that ranking the year's sheet does not give: every problem is
// reported at once, with file, line, key path, cluster, year and member,
// in English (Error) or, with Errors.Text, in Vietnamese.
//
// Load also keeps the rulebooks under change control, and reports what it
// finds as warnings (Warnings), which do not stop it: two years of a
// cluster under different rulebooks (by content hash) whose periods in
// force overlap; a year's rulebook that is not the one its sealed record
// (record:, written by thidua seal) names; a rulebook dated after the
// scores it ranks (its regulation dated after the year, or after the
// sealing, or its period in force starting after the sealing); a sealed
// record altered, unreadable or of another year.
//
// The file's layout (every key; see examples/cum2-years/history.yaml):
//
//	schema: thidua/history/v1
//	province: Tỉnh Cao Bằng
//	units:                       # every unit that was ever a member
//	  - {id: SCT, name: Sở Công Thương, function: cong_thuong}
//	mergers:                     # optional
//	  - {year: 2022, date: 2022-01-01, from: [SKHCN, STTTT], into: SKHCNTT,
//	     carries: [SKHCN, STTTT], source: ..., note: ...}
//	clusters:
//	  - id: cum2
//	    name: Cụm II – Các cơ quan quản lý chuyên ngành
//	    streak_facts:            # optional: facts computed from the history
//	      - {fact: khong_lien_tiep, award: flag, max_consecutive: 1}
//	    years:
//	      - year: 2021
//	        members: [SCT, STNMT, ...]
//	        joined: [STTTT]      # changes from the previous year not due to a merger
//	        left: []
//	        rulebook: {path: rulebook-2021.yaml, id: ..., version: ..., hash: sha256:...}
//	        sheet: scores-2021.csv          # optional: ranked to give the result
//	        record: record-2021.json        # optional: the year's sealed result record
//	        awards:                          # optional: the recorded proposals
//	          - {member: STNMT, award: flag, rank: 1, status: proposed}  # proposed | awarded | cut
//	    leadership:
//	      rotation: {rule: deputy_becomes_head, order: [...]}  # or fixed_order, by_function
//	      terms:
//	        - {from: 2021-01-05, to: 2022-01-10, for_year: 2021, head: STNMT, deputy: SGTVT,
//	           how: elected, elected_on: 2021-01-05,        # elected | rotation | assigned | inferred
//	           votes: {entitled: 7, present: 7, head: [{member: STNMT, for: 7}]},
//	           source: ..., note: ...}
package history
