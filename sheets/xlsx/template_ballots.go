package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/rules"
)

// voteKinds are a ballot's three counts: the key's sub, the column's name.
var voteKinds = []struct{ sub, name string }{{"for", "Phiếu tán thành"}, {"against", "Phiếu không tán thành"}, {"abstain", "Phiếu không biểu quyết"}}

// voteColumns are the template's vote columns: one set (for, against,
// abstain) per named ballot of the rulebook, headed by the ballot's name
// and keyed "votes:for@ID", or one set for the sheet's only ballot.
func (t *templ) voteColumns(level func(...string) []string) []tcol {
	var out []tcol
	listed := t.rb.Votes().Ballots
	if len(listed) == 0 {
		for _, v := range voteKinds {
			out = append(out, tcol{key: "votes:" + v.sub, name: v.name, hint: "Số phiếu", width: 11, groups: level("BỎ PHIẾU"), groupIDs: level("votes"), memberLevel: true,
				valid: wholeRange(0, 100000), validMsg: "Số phiếu: một số nguyên"})
		}
		return out
	}
	for _, b := range listed {
		for _, v := range voteKinds {
			out = append(out, tcol{key: "votes:" + v.sub + "@" + b.ID, name: v.name, hint: "Số phiếu; để trống nếu đơn vị không được đưa ra bỏ phiếu này",
				width: 11, groups: level(b.Name), groupIDs: level("votes@" + b.ID), memberLevel: true,
				valid: wholeRange(0, 100000), validMsg: "Số phiếu: một số nguyên; để trống nếu đơn vị không được đưa ra bỏ phiếu này"})
		}
	}
	return out
}

// ballotDetails are the details sheet's rows of each named ballot's
// counts, keyed "entitled@ID" and "present@ID" (empty: the cluster's
// numbers above).
func ballotDetails(rb *rules.Rulebook) []detailRow {
	var out []detailRow
	for _, b := range rb.Votes().Ballots {
		out = append(out,
			detailRow{label: "Số thành viên có quyền bỏ phiếu — " + b.Name + " (entitled@" + b.ID + ")", prompt: "Để trống: bằng số có quyền bỏ phiếu ở trên", valid: wholeRange(0, 100000), number: true},
			detailRow{label: "Số thành viên có mặt bỏ phiếu — " + b.Name + " (present@" + b.ID + ")", prompt: "Để trống: bằng số có mặt ở trên", valid: wholeRange(0, 100000), number: true})
	}
	return out
}

// detailRow is one row of the details sheet: its label, the prompt shown
// on its value cell, the value's check, and whether the value is a number
// (else the cell is formatted as text).
type detailRow struct {
	label, prompt string
	valid         func(*excelize.DataValidation) error
	number        bool
}

// side is one count column of a signed criterion (tiêu chí cộng/trừ).
type side struct {
	suffix string // rules.PlusSuffix or rules.MinusSuffix
	part   rules.SignedPart
}

// signedSides are the counts a signed criterion takes, each side it has:
// its achievements ("<id>+") and its failures ("<id>-"); none for another
// criterion (only a signed criterion has a side).
func signedSides(n rules.Node) []side {
	var out []side
	if !n.IsGroup() && !n.Plus.IsZero() {
		out = append(out, side{suffix: rules.PlusSuffix, part: n.Plus})
	}
	if !n.IsGroup() && !n.Minus.IsZero() {
		out = append(out, side{suffix: rules.MinusSuffix, part: n.Minus})
	}
	return out
}

// sideName is the name row of a signed criterion's count column: "Phong
// trào … — số lần cộng (mô hình được công nhận)".
func sideName(n rules.Node, sd side) string {
	s := n.Name + " — số lần " + sideWord(sd)
	if sd.part.Name != "" {
		s += " (" + sd.part.Name + ")"
	}
	return s
}

// sideWord is "cộng" for achievements, "trừ" for failures.
func sideWord(sd side) string {
	if sd.suffix == rules.MinusSuffix {
		return "trừ"
	}
	return "cộng"
}

// sideMax is the maxima row of a count column: none (the criterion's
// bounds are in its hint).
func sideMax(rules.Node, side) string { return "" }

// sideHint says how to fill in one count of a signed criterion: "Số lần
// (+2 điểm/lần); điểm = cộng − trừ, trong khoảng −5 … 10".
func sideHint(n rules.Node, sd side) string {
	sign := "+"
	if sd.suffix == rules.MinusSuffix {
		sign = "−"
	}
	return "Số lần (" + sign + viNumber(sd.part.PointsEach) + " điểm/lần); " + signedRange(n)
}

// signedRange states how a signed criterion's counts become points.
func signedRange(n rules.Node) string {
	return "điểm tiêu chí = điểm cộng − điểm trừ, trong khoảng " + viNumber(n.MinPoints) + " … " + viNumber(n.Max)
}

// signedHint is the instructions' line of a signed criterion: its columns
// and how its points are counted.
func signedHint(n rules.Node, sides []side) string {
	s := "Nhập số lần ở cột"
	for i, sd := range sides {
		if i > 0 {
			s += " và"
		}
		sign := "+"
		if sd.suffix == rules.MinusSuffix {
			sign = "−"
		}
		s += " " + n.ID + sd.suffix + " (" + sideWord(sd) + " " + sign + viNumber(sd.part.PointsEach) + " điểm/lần)"
	}
	return s + "; " + signedRange(n)
}
