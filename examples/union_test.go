package examples_test

import "testing"

// TestUnionGrades: Cụm thi đua số 2, LĐLĐ huyện Triệu Sơn, 2018: the
// published counts, 9 vững mạnh and 3 khá, under the assumed thresholds;
// 85 points exactly is vững mạnh (CD09, inclusive), 89 points with a
// criterion at 65% is khá (CD11).
func TestUnionGrades(t *testing.T) {
	st := rankFolder(t, "union-grading/rulebook.yaml", "union-grading/scores-2018.csv")
	counts := map[string]int{}
	for _, r := range st.Rows {
		counts[gradeOf(t, st, r.Member.ID)]++
	}
	if counts["vung_manh"] != 9 || counts["kha"] != 3 || len(counts) != 2 {
		t.Errorf("grades %v, want 9 vung_manh and 3 kha", counts)
	}
	for m, g := range map[string]string{"CD09": "vung_manh", "CD11": "kha", "CD12": "kha", "CD10": "kha"} {
		if got := gradeOf(t, st, m); got != g {
			t.Errorf("%s graded %q, want %q", m, got, g)
		}
	}
}
