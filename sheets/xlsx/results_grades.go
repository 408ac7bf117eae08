package xlsx

import (
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// The grading bands (mức xếp loại) in the results workbook: a "Xếp loại"
// column on the standings sheet with each member's band by name, and a
// block below the award proposals listing each band, highest first, with
// its number of members, the members and the conditions it requires. A
// band needs no rank; the block's title says so.

// gradeCell writes the member's band by name, or a dash if it has none.
func (r *results) gradeCell(sh string, at pos, row ranking.Row, fill string) {
	v := "—"
	if row.Grade != "" {
		v = r.names.Grade(row.Grade)
	}
	r.b.str(sh, at, v)
	r.b.style(sh, at, at, r.b.styleID(cellStyle{border: true, wrap: true, fill: fill, places: -1}))
}

// gradeLines are the lines of the bands' block: "Hoàn thành xuất sắc
// nhiệm vụ (1): Chủ tịch UBND xã 01 — điều kiện: Đạt từ 90 điểm trở lên; …".
func (r *results) gradeLines() []string {
	t := r.t
	var out []string
	for _, g := range r.st.Grades {
		members := t.Say("results.nobody")
		if len(g.Members) > 0 {
			members = r.memberNames(g.Members)
		}
		req := t.Say("results.template_no_req")
		if grade, _, ok := r.rb.Grade(g.Grade); ok && len(grade.Requires) > 0 {
			req = strings.Join(conditionReasons(r.rb, grade.Requires), "; ")
		}
		out = append(out, t.Say("results.grades_line", g.Name, len(g.Members), members, req))
	}
	return out
}

// conditionReasons are the eligibility conditions with the given ids as
// the rulebook states them (their reason), or their ids if they state
// none.
func conditionReasons(rb *rules.Rulebook, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if c, ok := rb.Condition(id); ok && c.Reason != "" {
			out[i] = c.Reason
		}
	}
	return out
}

// gradeLegend writes, from row r of the instructions sheet, the legend of
// the grading bands: a title saying how a band is decided (from the
// scores and votes, with no rank; the template cannot compute it), then
// each band, highest first, with its conditions. It returns the next free
// row; nothing if the rulebook does not grade.
func (t *templ) gradeLegend(sh string, r int) int {
	grades := t.rb.Grades()
	if len(grades) == 0 {
		return r
	}
	b, vi := t.b, lang.Vietnamese
	r++
	b.label(sh, pos{r, 1}, vi.Say("results.template_grades"))
	b.style(sh, pos{r, 1}, pos{r, 1}, b.styleID(cellStyle{bold: true, places: -1}))
	body := b.styleID(cellStyle{border: true, wrap: true, text: true, places: -1})
	for _, g := range grades {
		r++
		req := vi.Say("results.template_no_req")
		if len(g.Requires) > 0 {
			req = strings.Join(conditionReasons(t.rb, g.Requires), "; ")
		}
		b.label(sh, pos{r, 2}, g.Name)
		b.label(sh, pos{r, 4}, req)
		b.style(sh, pos{r, 1}, pos{r, 4}, body)
	}
	return r + 1
}
