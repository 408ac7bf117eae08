// Package covenant models emulation covenants (giao ước thi đua): at the
// start of the year the members of a cluster — or, inside a unit, the
// director and the trade union (chính quyền và công đoàn cơ sở), or the
// rooms and sub-units (các phòng, đơn vị) — sign a covenant in which each
// party registers its targets (chỉ tiêu đăng ký) for a set of criteria.
// During the year interim reviews (sơ kết 6 tháng, 9 tháng) record what each
// party has achieved so far.
//
// From a report the package projects the year end and says who is on
// course: a cumulative criterion (activities held, dossiers filed, reports
// sent) is projected linearly, achieved × 12 ÷ months elapsed, the exact
// quotient rounded once by the rounding the covenant states (per criterion,
// else for the covenant, else 6 places half up); a level (a rate, a grade)
// is held at the value achieved. Every number is an exact decimal. With the
// cluster's rulebook, Project puts the projections into a score sheet and
// ranks it with the engine (ranking.Rank): the projected rank and the
// awards each member is on course for. Votes are cast only at the year-end
// meeting, so without a ballot the projection assumes the vote conditions
// met and skips the tie-breaks that read the ballot (more_votes, as the
// engine describes its rules), and says so (Forecast.Assumptions).
//
// WriteProgress and Forecast.WriteText write the progress and the
// projected standings as thidua covenant progress prints them, in
// Vietnamese or English, parties, criteria, members, awards and conditions
// by their names.
//
// At the year end, Targets and YearEnd give the scoring what it reads
// achievements against: the registered targets of the rulebook's ratio and
// relative criteria, as scoring.Target rows of the year's sheet.
//
// A covenant file is YAML or JSON, decoded strictly (unknown keys, malformed
// numbers — a decimal point or a decimal comma —, dates and roundings are
// reported with their line), and validated as a whole: every problem is
// reported at once, with file, line, key path, party and criterion, in
// English (Error) or, with Errors.Text, in Vietnamese. Its layout (see
// examples/cum2-years/covenant-2021.yaml):
//
//	schema: thidua/covenant/v1
//	id: cum2-2021
//	title: Giao ước thi đua năm 2021 – Cụm II
//	level: cluster                # cluster | unit
//	year: 2021
//	signed: 2021-01-05
//	within: Cụm II – Các cơ quan quản lý chuyên ngành
//	rounding: {places: 2, mode: half_up}      # for linear projections
//	parties: [{id: SCT, name: Sở Công Thương}, ...]
//	criteria:
//	  - {id: "07", name: Hồ sơ khen thưởng đúng hạn, unit: hồ sơ, projection: linear}  # linear | hold
//	  - {id: "02", name: ..., rounding: {places: 0, mode: floor}}
//	targets: [{party: SCT, criterion: "07", value: 50}, ...]
//	reports:
//	  - months: 9
//	    as_of: 2021-09-30
//	    title: Sơ kết 9 tháng
//	    progress: [{party: SCT, criterion: "07", achieved: 36}, ...]
package covenant
