package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/sheets/xlsx"
)

// everyMethod has a criterion of every method.
const everyMethod = `
id: every
version: "1"
title: Mọi cách chấm
criteria:
  - {id: G, name: G, children: [
      {id: t1, name: T, max: 10, method: tiers, tiers: [{at_least: -3.5, points: 0}, {at_least: 7, points: 10}, {at_least: 2.25, points: 5}]},
      {id: p1, name: P, max: 10, method: per_occurrence, points_each: 3},
      {id: r1, name: R, max: 10, method: ratio},
      {id: r2, name: R2, max: 8, method: ratio, target: 40},
      {id: l1, name: L, max: 12, method: relative, target: 50},
      {id: v1, name: V, max: 20, method: votes, weight: 2},
      {id: d1, name: D, max: 7.5},
      {id: f1, name: F, max: 5, method: pass_fail}]}
awards: [{id: flag, name: Cờ, count: 1}]
`

// templateSheet writes rb's template without members and returns its
// score sheet: the key row, the hint row and each column's data
// validation (type, formula 1, formula 2) by key.
func templateSheet(t *testing.T, yaml string) (keys, hints []string, checks map[string][3]string, f *excelize.File) {
	t.Helper()
	rb := mustRulebook(t, yaml)
	var buf bytes.Buffer
	require.NoError(t, xlsx.Template(&buf, rb, xlsx.TemplateOptions{}))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(xlsx.SheetScores, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "member" {
			keys, hints = r, rows[i+3]
			break
		}
	}
	require.NotEmpty(t, keys, "no key row")
	dvs, err := f.GetDataValidations(xlsx.SheetScores)
	require.NoError(t, err)
	checks = map[string][3]string{}
	for _, dv := range dvs {
		cell := strings.SplitN(dv.Sqref, ":", 2)[0]
		col, _, err := excelize.SplitCellName(cell)
		require.NoError(t, err)
		n, err := excelize.ColumnNameToNumber(col)
		require.NoError(t, err)
		checks[keys[n-1]] = [3]string{dv.Type, dv.Formula1, dv.Formula2}
	}
	return keys, hints, checks, f
}

// Each criterion's column says how to fill it in and checks the values its
// method accepts; ratio and relative criteria have a target column; a
// votes criterion has no column, it takes the ballot's.
func TestTemplateEveryMethod(t *testing.T) {
	keys, hints, checks, f := templateSheet(t, everyMethod)
	require.Equal(t, []string{"member", "name", "stage", "assessor", "t1", "p1", "r1", "target:r1", "r2", "target:r2", "l1", "target:l1", "d1", "f1",
		"votes:for", "votes:against", "votes:abstain"}, keys)
	hint := map[string]string{}
	for i, k := range keys {
		if i < len(hints) {
			hint[k] = hints[i]
		}
	}
	for _, c := range []struct {
		key, hint string
		check     [3]string
	}{
		{"t1", "Giá trị đạt được (≥ 7: 10; ≥ 2,25: 5; ≥ -3,5: 0)", [3]string{"decimal", "0", "1000000000"}},
		{"p1", "Số lần (3 điểm/lần, tối đa 10)", [3]string{"whole", "0", "1000"}},
		{"r1", "Kết quả đạt được; điểm = 10 × kết quả ÷ chỉ tiêu", [3]string{"decimal", "0", "1000000000"}},
		{"target:r1", "Chỉ tiêu được giao; để trống: chỉ tiêu chung", [3]string{"decimal", "0.000001", "1000000000"}},
		{"r2", "Kết quả đạt được; điểm = 8 × kết quả ÷ chỉ tiêu (40)", [3]string{"decimal", "0", "1000000000"}},
		{"target:r2", "Chỉ tiêu được giao; để trống: chỉ tiêu chung (40)", [3]string{"decimal", "0.000001", "1000000000"}},
		{"l1", "Kết quả đạt được, so với chỉ tiêu và đơn vị dẫn đầu", [3]string{"decimal", "0", "1000000000"}},
		{"target:l1", "Chỉ tiêu được giao; để trống: chỉ tiêu chung (50)", [3]string{"decimal", "0.000001", "1000000000"}},
		{"d1", "Điểm, từ 0 đến 7,5", [3]string{"decimal", "0", "7.5"}},
		{"f1", "1 = đạt (5 điểm), 0 = không đạt", [3]string{"whole", "0", "1"}},
		{"votes:for", "Số phiếu", [3]string{"whole", "0", "100000"}},
	} {
		require.Equal(t, c.hint, hint[c.key], "hint of %s", c.key)
		require.Equal(t, c.check, checks[c.key], "data validation of %s", c.key)
	}

	// The instructions list every criterion; the votes one says it is
	// computed from the ballot.
	rows, err := f.GetRows(xlsx.SheetInstructions)
	require.NoError(t, err)
	how := map[string]string{}
	for _, r := range rows {
		if len(r) >= 4 {
			how[r[0]] = r[3]
		}
	}
	require.Equal(t, "Tính từ số phiếu bầu (cột Phiếu tán thành); không nhập điểm; hệ số 2", how["v1"])
	require.Equal(t, "Số lần (3 điểm/lần, tối đa 10)", how["p1"])
	require.Equal(t, "Điểm, từ 0 đến 7,5", how["d1"])
}

// The workbook has the ballot's columns when a criterion, a condition or a
// tie-break reads the ballot, and last year's awards when a tie-break
// reads them.
func TestTemplateBallotAndHistory(t *testing.T) {
	head := "id: x\nversion: \"1\"\ntitle: X\n"
	for _, c := range []struct {
		name, body      string
		ballot, history bool
	}{
		{"points only", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [fewer_deductions, more_bonus, head_to_head, lots]\nawards: [{id: flag, name: Cờ, count: 1}]", false, false},
		{"more_votes", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [more_votes]\nawards: [{id: flag, name: Cờ, count: 1}]", true, false},
		{"a votes criterion", "criteria: [{id: a, name: A, max: 10}, {id: v, name: V, max: 10, method: votes}]\nawards: [{id: flag, name: Cờ, count: 1}]", true, false},
		{"min_votes", "criteria: [{id: a, name: A, max: 10}]\neligibility: [{id: mv, reason: Phiếu, min_votes: {share: 50%}}]\nawards: [{id: flag, name: Cờ, count: 1, requires: [mv]}]", true, false},
		{"no_award_last_year", "criteria: [{id: a, name: A, max: 10}]\ntie_breaks: [no_award_last_year: flag]\nawards: [{id: flag, name: Cờ, count: 1}]", false, true},
	} {
		keys, _, _, _ := templateSheet(t, head+c.body)
		has := func(k string) bool {
			for _, x := range keys {
				if x == k {
					return true
				}
			}
			return false
		}
		require.Equal(t, c.ballot, has("votes:for"), "%s: ballot columns", c.name)
		require.Equal(t, c.history, has("history"), "%s: history column", c.name)
	}
}
