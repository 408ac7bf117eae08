package xlsx_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// signedBook has a signed criterion (cộng/trừ) inside a group, with both
// sides, and one with a minus side only.
const signedBook = `
id: signed
version: "1"
title: Cộng trừ
criteria:
  - {id: I, name: Phong trào, children: [
      {id: "1", name: Kết quả, max: 10},
      {id: "2", name: Mô hình, max: 10, min: -5, method: signed, plus: {points_each: 2, name: mô hình được công nhận}, minus: {points_each: 1.5, name: vụ việc}},
      {id: "3", name: Vi phạm, max: 1, min: -6, method: signed, minus: {points_each: 2}}]}
assessment:
  stages: [{id: cluster, name: Cụm chấm}]
awards: [{id: flag, name: Cờ, count: 1}]
`

// A signed criterion gets a column per count ("2+", "2-"), not one of net
// points; its counts are read back as the sheet keys them and score the
// same (the clamp included).
func TestTemplateSigned(t *testing.T) {
	keys, hints, checks, f := templateSheet(t, signedBook)
	require.Equal(t, []string{"member", "name", "stage", "assessor", "1", "2+", "2-", "3-"}, keys)
	require.Equal(t, "Số lần (+2 điểm/lần); điểm tiêu chí = điểm cộng − điểm trừ, trong khoảng -5 … 10", hints[5])
	require.Equal(t, "Số lần (−1,5 điểm/lần); điểm tiêu chí = điểm cộng − điểm trừ, trong khoảng -5 … 10", hints[6])
	require.Equal(t, [3]string{"whole", "0", "1000000"}, checks["2+"])
	rows, err := f.GetRows("Hướng dẫn")
	require.NoError(t, err)
	how := map[string]string{}
	for _, r := range rows {
		if len(r) >= 4 {
			how[r[0]] = r[3]
		}
	}
	require.Equal(t, "Nhập số lần ở cột 2+ (cộng +2 điểm/lần) và 2- (trừ −1,5 điểm/lần); điểm tiêu chí = điểm cộng − điểm trừ, trong khoảng -5 … 10", how["2"])

	rb := mustRulebook(t, signedBook)
	n := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	want := scoring.Sheet{
		Members: []scoring.Member{{ID: "A", Name: "Một"}, {ID: "B", Name: "Hai"}},
		Scores: []scoring.Entry{
			{Member: "A", Criterion: "1", Stage: "cluster", Value: n("8")},
			{Member: "A", Criterion: "2+", Stage: "cluster", Value: n("7")}, // 14, clamped to 10
			{Member: "A", Criterion: "2-", Stage: "cluster", Value: n("1")},
			{Member: "A", Criterion: "3-", Stage: "cluster", Value: n("1")},
			{Member: "B", Criterion: "1", Stage: "cluster", Value: n("10")},
			{Member: "B", Criterion: "2+", Stage: "cluster", Value: n("1")},
			{Member: "B", Criterion: "2-", Stage: "cluster", Value: n("6")}, // 2 − 9 = −7, clamped to −5
			{Member: "B", Criterion: "3-", Stage: "cluster", Value: n("0")},
		},
	}
	got, warnings, err := readBytes(t, rb, newFiller(t, rb, template(t, rb, want)).fill(want), nil)
	require.NoError(t, err)
	require.Empty(t, warnings, "warnings:\n%s", messages(warnings))
	if d := cmp.Diff(want, got, sameRows); d != "" {
		t.Fatalf("the sheet read back differs (-want +got):\n%s", d)
	}
	wantSt, err := ranking.Rank(rb, want)
	require.NoError(t, err)
	gotSt, err := ranking.Rank(rb, got)
	require.NoError(t, err)
	if d := cmp.Diff(wantSt, gotSt, exact); d != "" {
		t.Fatalf("the standings differ:\n%s", d)
	}
	a, _ := gotSt.Row("A")
	require.Equal(t, "16", a.Total.String(), "8 + 10 (clamped) − 2")
}
