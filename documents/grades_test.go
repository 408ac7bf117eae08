package documents_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
)

// gradeIDs are the ids of examples/nghean-grading: bands, conditions,
// ballots, members and the award tier. A document for people names them.
var gradeIDs = regexp.MustCompile(`\b(xuat_sac|tot|hoan_thanh|khong_hoan_thanh|tu_90|san_85|phieu_xs|tu_80|duoi_90|san_80|phieu_tot|tu_70|duoi_80|san_70|phieu_ht|flag|M0[1-7])\b`)

// TestGradingBands writes the documents of the Nghệ An example (a band per
// member, the flag only from the highest band) in every format and
// language: the table has a Xếp loại column with each member's band by
// name, the bands are listed with their members and counted, the flag's
// conditions name the band it requires, the member ranked first but graded
// lower is not proposed for that reason, and no id of the data shows. The
// Cụm II documents, whose rulebook does not grade, have no such column.
func TestGradingBands(t *testing.T) {
	rb, st := rankIn(t, nghean, "scores-2025.csv")
	for _, l := range []lang.Tag{lang.Vietnamese, lang.English} {
		for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
			for _, f := range []documents.Format{documents.Markdown, documents.HTML, documents.DOCX} {
				out := render(t, kind, f, rb, st, documents.Options{Lang: l})
				text := out
				switch f {
				case documents.HTML:
					text = visible(out)
				case documents.DOCX:
					text = docxBody(t, out).text()
				}
				name := string(kind) + "." + string(f) + "." + l.Pick("vi", "en")
				want := []string{
					l.Pick("1 Hoàn thành xuất sắc nhiệm vụ, 3 Hoàn thành tốt nhiệm vụ, 2 Hoàn thành nhiệm vụ, 1 Không hoàn thành nhiệm vụ", "1 Hoàn thành xuất sắc nhiệm vụ, 3 Hoàn thành tốt nhiệm vụ, 2 Hoàn thành nhiệm vụ, 1 Không hoàn thành nhiệm vụ"),
					l.Pick("xếp loại từ mức Hoàn thành xuất sắc nhiệm vụ trở lên, đơn vị được xếp loại Hoàn thành tốt nhiệm vụ", "a grade of Hoàn thành xuất sắc nhiệm vụ or higher, the member is graded Hoàn thành tốt nhiệm vụ"),
				}
				if kind == documents.Summary {
					want = append(want, l.Pick("Xếp loại", "Grade"), l.Pick("điều kiện: xếp loại từ mức Hoàn thành xuất sắc nhiệm vụ trở lên", "requires: a grade of Hoàn thành xuất sắc nhiệm vụ or higher"))
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s: %q missing", name, w)
					}
				}
				for _, m := range gradeIDs.FindAllString(text, -1) {
					t.Errorf("%s: an id where a name belongs: %s", name, m)
				}
			}
		}
	}
	rb2, st2 := rank(t, "scores-2020.csv")
	for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
		if out := render(t, kind, documents.Markdown, rb2, st2, documents.Options{}); strings.Contains(out, "Xếp loại") || strings.Contains(out, "xếp loại") {
			t.Errorf("%s of a rulebook that does not grade mentions bands", kind)
		}
	}
}
