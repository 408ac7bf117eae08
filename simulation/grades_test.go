package simulation

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// nghean is the banded grading example (Nghệ An QĐ 77/2025): four bands,
// each of the upper three voted in its own ballot, the flag only from the
// highest.
func nghean(t *testing.T) (*rules.Rulebook, Model) {
	t.Helper()
	rb, err := rules.Load("../examples/nghean-grading/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb, Model{Default: &Uncertainty{Range: decimal.NewFromInt(1), Step: decimal.NewFromInt(1)}}
}

// Band probabilities (xếp loại): every member's band shares add up to
// every scenario, the compiled and decimal engines count the same, and
// with no uncertainty each member is graded as ranking grades it.
func TestGradeProbabilities(t *testing.T) {
	rb, model := nghean(t)
	sh, err := sheets.Load("../examples/nghean-grading/scores-2025.csv")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("shares add up, both engines agree", func(t *testing.T) {
		c, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 600, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		if c.Engine != "compiled" {
			t.Fatalf("engine %s, want compiled", c.Engine)
		}
		if want := []string{"xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"}; !cmp.Equal(c.Grades, want) {
			t.Fatalf("grades %v, want %v", c.Grades, want)
		}
		varies := 0
		for _, m := range c.Members {
			if m.Ungraded != nil {
				t.Errorf("%s: a catch-all last band leaves no member ungraded, found %+v", m.Member.ID, *m.Ungraded)
			}
			var sum int64
			for _, g := range m.Grades {
				sum += g.Count
				if g.Count > 0 && g.Count < int64(c.Completed) {
					varies++
				}
			}
			if sum != int64(c.Completed) {
				t.Errorf("%s: band counts add up to %d of %d scenarios", m.Member.ID, sum, c.Completed)
			}
		}
		if varies == 0 {
			t.Error("no member's band varies: the test does not exercise band probabilities")
		}
		d, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 600, Seed: 5, Engine: Decimal})
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.Members {
			if !cmp.Equal(c.Members[i].Grades, d.Members[i].Grades) {
				t.Errorf("%s: compiled band shares %v, decimal %v", c.Members[i].Member.ID, c.Members[i].Grades, d.Members[i].Grades)
			}
		}
	})
	t.Run("no uncertainty: the ranking's bands, with certainty", func(t *testing.T) {
		fixed := Model{Default: &Uncertainty{Fixed: true}}
		r, err := Run(context.Background(), rb, sh, fixed, Config{Scenarios: 10, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		st, err := ranking.Rank(rb, sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Members {
			row, _ := st.Row(m.Member.ID)
			for g, id := range r.Grades {
				want := int64(0)
				if id == row.Grade {
					want = 10
				}
				if m.Grades[g].Count != want {
					t.Errorf("%s graded %s by ranking; simulated %s in %d of 10 scenarios", m.Member.ID, row.Grade, id, m.Grades[g].Count)
				}
			}
		}
	})
	t.Run("JSON, chart and page show the bands", func(t *testing.T) {
		r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 200, Seed: 2})
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"grades":["xuat_sac","tot","hoan_thanh","khong_hoan_thanh"]`, `"grades":[{"count":`} {
			if !strings.Contains(string(js), want) {
				t.Errorf("the JSON result lacks %s", want)
			}
		}
		var svg, page bytes.Buffer
		o := ChartOptions{Lang: lang.Vietnamese, Rulebook: rb}
		if err := r.WriteSVGIn(&svg, o); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHTMLIn(&page, o); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Xác suất xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "Không hoàn thành nhiệm vụ"} {
			if !strings.Contains(svg.String(), want) || !strings.Contains(page.String(), want) {
				t.Errorf("the chart or page lacks %q", want)
			}
		}
	})
	t.Run("without a catch-all band, the share not graded", func(t *testing.T) {
		y, err := os.ReadFile("../examples/nghean-grading/rulebook.yaml")
		if err != nil {
			t.Fatal(err)
		}
		cut := strings.Replace(string(y), "  - id: khong_hoan_thanh\n    name: Không hoàn thành nhiệm vụ\n", "", 1)
		rb, err := rules.Parse("three-bands.yaml", []byte(cut))
		if err != nil || len(rb.Grades()) != 3 {
			t.Fatalf("%v (%d bands)", err, len(rb.Grades()))
		}
		r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 300, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		var none int64
		for _, m := range r.Members {
			if m.Ungraded == nil || len(m.Grades) != 3 {
				t.Fatalf("%s: %d band shares, not graded %v", m.Member.ID, len(m.Grades), m.Ungraded)
			}
			sum := m.Ungraded.Count
			for _, g := range m.Grades {
				sum += g.Count
			}
			if sum != int64(r.Completed) {
				t.Errorf("%s: band and not-graded counts add up to %d of %d", m.Member.ID, sum, r.Completed)
			}
			none += m.Ungraded.Count
		}
		if none == 0 {
			t.Error("no member was ever left ungraded")
		}
	})
	t.Run("a rulebook without bands adds nothing", func(t *testing.T) {
		rb, model := cum2(t)
		sh, err := sheets.Load("../examples/cum2/scores-2020.csv")
		if err != nil {
			t.Fatal(err)
		}
		r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 50, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(r)
		if r.Grades != nil || strings.Contains(string(js), `"grades"`) || strings.Contains(string(js), `"ungraded"`) {
			t.Errorf("a result without bands has grade fields: %v", r.Grades)
		}
	})
}
