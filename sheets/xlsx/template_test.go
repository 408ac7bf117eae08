package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestTemplate checks the score sheet a secretariat receives for the
// Cụm II rulebook: its sheets, the header (groups merged over their
// criteria, ids, names, maxima), a row per member and stage, data
// validation and frozen panes.
func TestTemplate(t *testing.T) {
	rb := loadRulebook(t)
	csv := loadCSV(t, rb, "scores-2020.csv")
	f, err := excelize.OpenReader(bytes.NewReader(template(t, rb, csv)))
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, []string{xlsx.SheetScores, xlsx.SheetDetails, xlsx.SheetInstructions}, f.GetSheetList())

	rows, err := f.GetRows(xlsx.SheetScores, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Equal(t, []string{"member", "name", "stage", "assessor", "01", "02", "03", "04", "05", "06", "07", "target:07", "08",
		"bonus:co_tinh", "note:co_tinh", "bonus:co_cp", "note:co_cp", "deduction:bao_cao_muon", "note:bao_cao_muon",
		"deduction:vang_hop", "note:vang_hop", "fact:khong_ky_luat", "fact:vuot_chi_tieu", "fact:nhan_to_moi", "fact:doan_ket", "votes:for", "votes:against", "votes:abstain", "history:2019"}, rows[3], "key row")
	require.Equal(t, []string{"Điểm tối đa", "", "", "", "10", "10", "20", "10", "10", "10", "20", "100", "10"}, rows[5], "maxima row")
	require.Equal(t, "1 = đạt (10 điểm), 0 = không đạt", rows[6][4])
	require.Equal(t, "Số lần (2,5 điểm/lần, tối đa 10)", rows[6][5])
	require.Equal(t, "Giá trị đạt được (≥ 12: 10; ≥ 10: 8; ≥ 8: 5; ≥ 0: 0)", rows[6][8])

	var merged []string
	mcs, err := f.GetMergeCells(xlsx.SheetScores)
	require.NoError(t, err)
	for _, m := range mcs {
		if m.GetStartAxis()[len(m.GetStartAxis())-1] == '3' {
			merged = append(merged, fmt.Sprintf("%s:%s %s", m.GetStartAxis(), m.GetEndAxis(), m.GetCellValue()))
		}
	}
	sort.Strings(merged)
	require.Equal(t, []string{
		"A3:B3 ĐƠN VỊ", "C3:D3 LƯỢT CHẤM",
		"E3:G3 I. Tổ chức phong trào thi đua (40 điểm)",
		"H3:I3 II. Kiểm tra, thông tin, báo cáo (20 điểm)",
		"K3:M3 IV. Công tác khen thưởng (30 điểm)",
		"N3:Q3 ĐIỂM THƯỞNG", "R3:U3 ĐIỂM TRỪ", "V3:Y3 ĐIỀU KIỆN", "Z3:AB3 BỎ PHIẾU",
	}, merged)
	j3, err := f.GetCellValue(xlsx.SheetScores, "J3")
	require.NoError(t, err)
	require.Equal(t, "III. Xây dựng, nhân rộng điển hình tiên tiến (10 điểm)", j3, "a group of one criterion is not merged")

	// A row per member and stage, in the members' order.
	require.Len(t, rows, 7+2*len(csv.Members))
	for i, m := range csv.Members {
		for s, stage := range []string{"Tự chấm", "Cụm chấm"} {
			require.Equal(t, []string{m.ID, m.Name, stage}, rows[7+2*i+s][:3])
		}
	}

	dvs, err := f.GetDataValidations(xlsx.SheetScores)
	require.NoError(t, err)
	byRange := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byRange[dv.Sqref] = dv
	}
	end := 8 + 2*len(csv.Members) + 300 - 1
	checks := []struct{ col, typ, f1, f2 string }{
		{"C", "list", `"Tự chấm,Cụm chấm"`, ""},
		{"E", "whole", "0", "1"},    // pass/fail
		{"F", "whole", "0", "1000"}, // per occurrence
		{"G", "decimal", "0", "20"}, // direct, 0…max
		{"L", "decimal", "0.000001", "1000000000"},
		{"V", "list", `"có,không"`, ""},
		{"Y", "list", `"có,không"`, ""},
		{"AC", "list", `"Cờ thi đua của UBND tỉnh,Bằng khen của Chủ tịch UBND tỉnh"`, ""},
	}
	for _, c := range checks {
		dv := byRange[fmt.Sprintf("%s8:%s%d", c.col, c.col, end)]
		require.NotNil(t, dv, "no data validation on column %s (have %v)", c.col, keys(byRange))
		require.Equal(t, c.typ, dv.Type, "column %s", c.col)
		require.Equal(t, c.f1, dv.Formula1, "column %s", c.col)
		require.Equal(t, c.f2, dv.Formula2, "column %s", c.col)
		require.Equal(t, "warning", *dv.ErrorStyle, "column %s: a warning, so that kgg can be typed", c.col)
	}

	panes, err := f.GetPanes(xlsx.SheetScores)
	require.NoError(t, err)
	require.True(t, panes.Freeze)
	require.Equal(t, "E8", panes.TopLeftCell)

	details, err := f.GetRows(xlsx.SheetDetails)
	require.NoError(t, err)
	require.Equal(t, []string{"Năm đánh giá (year)", "2020"}, details[4])
	require.Equal(t, []string{"Mã băm bộ tiêu chí (rulebook_hash)", rb.Hash()}, details[8])
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestTemplateReadsBack generates templates for rulebooks of different
// shapes and reads each back empty and filled: the empty one lists its
// members and nothing else, without a warning.
func TestTemplateReadsBack(t *testing.T) {
	deep := mustRulebook(t, `
id: deep
version: "1"
title: Ba cấp
criteria:
  - id: A
    name: Nhóm A
    children:
      - id: A1
        name: Nhóm A1
        children:
          - {id: a11, name: Một, max: 5}
          - {id: a12, name: Hai, max: 5, method: votes}
      - {id: a2, name: Ba, max: 10, weight: 2}
  - {id: b, name: Bốn, max: 10, method: relative}
assessment:
  stages: [{id: only, name: Chấm}]
`)
	tests := []struct {
		name    string
		rb      *rules.Rulebook
		members []scoring.Member
		keys    []string
	}{
		{"the cum2 rulebook without members", loadRulebook(t), nil, nil},
		{"three levels, a votes criterion and a relative one", deep, []scoring.Member{{ID: "X", Name: "Đơn vị X"}, {ID: "Y", Name: "Đơn vị Y"}},
			[]string{"member", "name", "stage", "assessor", "a11", "a2", "b", "target:b", "votes:for", "votes:against", "votes:abstain"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, xlsx.Template(&buf, tc.rb, xlsx.TemplateOptions{Members: tc.members, Cluster: "Cụm thử"}))
			data := buf.Bytes()
			sh, warnings, err := xlsx.Read("t.xlsx", bytes.NewReader(data), tc.rb, xlsx.Options{})
			require.NoError(t, err)
			require.Empty(t, warnings)
			require.Equal(t, "Cụm thử", sh.Cluster)
			if d := cmp.Diff(tc.members, sh.Members, exact); d != "" {
				t.Errorf("members (-want +got):\n%s", d)
			}
			require.Empty(t, sh.Scores)
			if tc.keys != nil {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				require.NoError(t, err)
				rows, err := f.GetRows(xlsx.SheetScores)
				require.NoError(t, err)
				require.Equal(t, tc.keys, rows[4], "key row: the votes criterion takes the ballot's votes, not a score")
				// Two rows of groups: A over a11 and a2 (merged), A1 over a11.
				require.Equal(t, []string{"ĐƠN VỊ", "", "LƯỢT CHẤM", "", "A. Nhóm A (30 điểm)", ""}, rows[2][:6])
				require.Equal(t, []string{"", "", "", "", "A1. Nhóm A1 (10 điểm)"}, rows[3][:5])
			}
		})
	}
}

// mustRulebook parses a rulebook written in a test.
func mustRulebook(t testing.TB, yaml string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(yaml))
	require.NoError(t, err)
	return rb
}

// TestTemplateRefusesBadMembers: a member without an id, or listed twice,
// could not be told apart in the sheet.
func TestTemplateRefusesBadMembers(t *testing.T) {
	rb := loadRulebook(t)
	for _, tc := range []struct {
		members []scoring.Member
		want    string
		vi      string
		key     string
	}{
		{[]scoring.Member{{ID: "A"}, {ID: " ", Name: "Đơn vị B"}}, `template: member 2 ("Đơn vị B") has no id`,
			`mẫu bảng điểm: đơn vị thứ 2 ("Đơn vị B") chưa có mã`, "template.member.no_id"},
		{[]scoring.Member{{ID: "A"}, {ID: "A"}}, "template: member A is listed twice",
			"mẫu bảng điểm: đơn vị A được liệt kê hai lần", "template.member.twice"},
	} {
		var buf bytes.Buffer
		err := xlsx.Template(&buf, rb, xlsx.TemplateOptions{Members: tc.members})
		require.EqualError(t, err, tc.want)
		require.Zero(t, buf.Len(), "nothing is written")
		var te *xlsx.TemplateError
		require.True(t, errors.As(err, &te), "error %T is not a *xlsx.TemplateError", err)
		require.Equal(t, err.Error(), te.Text(lang.English))
		require.NoError(t, te.Message.Check())
		require.Equal(t, tc.key, te.Message.Key)
		require.Equal(t, tc.vi, te.Text(lang.Vietnamese))
	}
	require.Equal(t, []string{"template.member.no_id", "template.member.twice"}, lang.Keys("template."), "a template problem without a case")
}
