package whatif

import (
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// The what-if report's sentences about grading bands (xếp loại): a band
// as the target, and the band a position is graded in.

// bandNames names the rulebook's grading bands by id (nil if none).
func bandNames(rb *rules.Rulebook) map[string]string {
	gs := rb.Grades()
	if len(gs) == 0 {
		return nil
	}
	out := make(map[string]string, len(gs))
	for _, g := range gs {
		out[g.ID] = g.Name
	}
	return out
}

// gradeTargetText says the band target: "được xếp loại Hoàn thành xuất
// sắc nhiệm vụ (xuat_sac) hoặc mức cao hơn".
func (r ReachReport) gradeTargetText(t lang.Tag) string {
	g := r.Result.Target.Grade
	return t.Say("whatif.report.target.grade", r.Result.bands[g], g)
}

// gradeText is the band of a position, to follow its rank, total and
// awards ("", if the rulebook grades no one): ", xếp loại Hoàn thành tốt
// nhiệm vụ", or ", không đạt mức xếp loại nào".
func (r ReachReport) gradeText(t lang.Tag, p Position) string {
	switch {
	case r.Result == nil || r.Result.bands == nil:
		return ""
	case p.Grade == "":
		return t.Say("whatif.report.grade.none")
	}
	return t.Say("whatif.report.grade", r.Result.bands[p.Grade])
}
