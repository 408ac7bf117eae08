package rules_test

import (
	"testing"

	"github.com/thidua/thidua/rules"
)

// GradesDownTo lists the bands that meet "this band or a higher one";
// FirstUpperBound finds the first condition bounding the total from above.
func TestGradesDownToAndUpperBound(t *testing.T) {
	rb, err := rules.Load("../examples/nghean-grading/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	all := rb.Grades()
	if got := rb.GradesDownTo(all[1].ID); len(got) != 2 || got[0].ID != all[0].ID || got[1].ID != all[1].ID {
		t.Errorf("down to %s: %v", all[1].ID, got)
	}
	if got := rb.GradesDownTo("nope"); got != nil {
		t.Errorf("an unknown band gives %v", got)
	}
	if got := rb.GradesDownTo(""); got != nil {
		t.Errorf("no band gives %v", got)
	}
	var ids []string
	for _, c := range rb.Eligibility() {
		ids = append(ids, c.ID)
	}
	c, ok := rb.FirstUpperBound(ids)
	if !ok || c.MaxTotal == nil {
		t.Errorf("the example's upper bound (duoi_90) not found: %v %v", c.ID, ok)
	}
	if _, ok := rb.FirstUpperBound(all[0].Requires); ok {
		t.Error("the top band has no upper bound")
	}
}
