package examples_test

import (
	"slices"
	"testing"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// rankFolder ranks (and grades) a folder's rulebook and sheet.
func rankFolder(t *testing.T, rulebook, sheet string) *ranking.Standings {
	t.Helper()
	rb, err := rules.Load(rulebook)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, sheet)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// gradeOf is the id of the band a member was graded into. The one line to
// adapt if the grading API names it otherwise.
func gradeOf(t *testing.T, st *ranking.Standings, member string) string {
	t.Helper()
	r, ok := st.Row(member)
	if !ok {
		t.Fatalf("no row for %s", member)
	}
	return r.Grade
}

// TestNgheAnGrades: the bands of Nghệ An QĐ 77/2025/QĐ-UBND on the
// example's sheet. ≥ 90 with no criterion below 85% and more than half the
// votes: Hoàn thành xuất sắc (M01); exactly half is not "quá nửa" and the
// member is voted on for the band below (M02); 97 points with a criterion at
// 80% cannot be xuất sắc (M03); a failed vote for tốt falls to hoàn thành
// (M07); below 70: không hoàn thành, without a vote (M06). The flag goes to
// the best-ranked member graded xuất sắc (M01), not to the top scorer (M03).
func TestNgheAnGrades(t *testing.T) {
	st := rankFolder(t, "nghean-grading/rulebook.yaml", "nghean-grading/scores-2025.csv")
	want := map[string]string{
		"M01": "xuat_sac", "M02": "tot", "M03": "tot", "M04": "tot",
		"M05": "hoan_thanh", "M07": "hoan_thanh", "M06": "khong_hoan_thanh",
	}
	for m, g := range want {
		if got := gradeOf(t, st, m); got != g {
			t.Errorf("%s graded %q, want %q", m, got, g)
		}
	}
	if got := st.Proposed("flag"); !slices.Equal(got, []string{"M01"}) {
		t.Errorf("flag to %v, want M01", got)
	}
	if len(st.Ties) != 0 {
		t.Errorf("ties reported: %+v (a band decides no tie)", st.Ties)
	}
}
