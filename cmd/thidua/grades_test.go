package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// TestPrintGradesUngraded: without a band that requires nothing, a member
// meeting no band's conditions is not graded, and --explain lists every
// band's conditions it fails with its values; an award tier requiring a
// band passes it over, saying so.
func TestPrintGradesUngraded(t *testing.T) {
	rb, err := rules.Parse("g.yaml", []byte(`id: g
version: "1"
title: Xếp loại thử
criteria:
  - {id: a, name: Một, max: 100}
eligibility:
  - {id: tu_90, reason: Đạt từ 90 điểm, min_total: 90}
  - {id: tu_70, reason: Đạt từ 70 điểm, min_total: 70}
grades:
  - {id: A, name: Loại A, requires: [tu_90]}
  - {id: B, name: Loại B, requires: [tu_70]}
awards:
  - {id: co, name: Cờ thi đua, count: 1, min_grade: A}
`))
	if err != nil {
		t.Fatal(err)
	}
	sh := scoring.Sheet{Members: []scoring.Member{{ID: "X", Name: "Đơn vị X"}, {ID: "Y", Name: "Đơn vị Y"}}}
	for m, v := range map[string]string{"X": "60", "Y": "75"} {
		sh.Scores = append(sh.Scores, scoring.Entry{Member: m, Criterion: "a", Stage: "cluster", Value: decimal.RequireFromString(v)})
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	printGrades(&buf, lang.Vietnamese, rb, st)
	printTable(&buf, lang.Vietnamese, rb, st, false)
	out := buf.String()
	for _, want := range []string{
		"  Đơn vị Y: Loại B\n    không đạt mức Loại A: Đạt từ 90 điểm (tổng điểm 75 dưới 90)\n    đạt mức Loại B: Đạt từ 70 điểm\n",
		"  Đơn vị X: không được xếp loại (không đạt đủ điều kiện của mức nào)\n    không đạt mức Loại A: Đạt từ 90 điểm (tổng điểm 60 dưới 90)\n    không đạt mức Loại B: Đạt từ 70 điểm (tổng điểm 60 dưới 70)\n",
		"bỏ qua Đơn vị Y (không đạt xếp loại từ mức Loại A trở lên, đơn vị được xếp loại Loại B)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}
