package documents_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// periodRulebook is in force 2020–2025 and cites, per period, the law of
// 2003 with Nghị định 91/2017 until 2023 and the law of 2022 with Nghị định
// 98/2023 from 2024.
const periodRulebook = `
id: x
version: "1"
title: Bảng điểm Khối thi đua
jurisdiction: Tỉnh Cao Bằng
regulation:
  legal_basis:
    - {text: "Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2005, 2013", to: 2023-12-31}
    - {text: Nghị định 91/2017/NĐ-CP, to: 2023-12-31}
    - {text: "Luật Thi đua, khen thưởng số 06/2022/QH15", from: 2024-01-01}
    - {text: Nghị định 98/2023/NĐ-CP, from: 2024-01-01}
    - Quy chế hoạt động của Khối
in_force: {from: 2016-01-01, to: 2025-12-31}
criteria:
  - {id: I, name: Chuyên môn, max: 100}
awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1}
`

// rankYear ranks two members for year y.
func rankYear(t *testing.T, rb *rules.Rulebook, y int) *ranking.Standings {
	t.Helper()
	sh := scoring.Sheet{Cluster: "Khối thi đua", Year: y}
	for _, m := range []struct{ id, v string }{{"A", "95"}, {"B", "90"}} {
		sh.Members = append(sh.Members, scoring.Member{ID: m.id, Name: "Sở " + m.id})
		sh.Scores = append(sh.Scores, scoring.Entry{Member: m.id, Criterion: "I", Stage: "cluster", Value: decimal.RequireFromString(m.v)})
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPeriodCorrectCitations: the submission for the result of year Y
// cites the legal basis in force in Y, and the forms of that time — Nghị
// định 91/2017 before 2024 (Nghị định 98/2023 was issued on 31/12/2023),
// Nghị định 98/2023 from 2024 — and neither it nor the summary asks for a
// seal, which a cluster does not have, nor files a copy with a document
// register (VT) it does not keep.
func TestPeriodCorrectCitations(t *testing.T) {
	rb := mustRulebook(t, periodRulebook)
	cases := []struct {
		year      int
		want, not []string
	}{
		{2020, []string{
			"kết quả năm 2020 (Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2005, 2013; Nghị định 91/2017/NĐ-CP",
			"Căn cứ Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2005, 2013;", "Căn cứ Nghị định 91/2017/NĐ-CP;",
			"Căn cứ Quy chế hoạt động của Khối;", "theo mẫu ban hành kèm theo Nghị định 91/2017/NĐ-CP",
		}, []string{"98/2023", "06/2022", "Luật Thi đua, khen thưởng (số, ngày"}},
		{2023, []string{"Căn cứ Nghị định 91/2017/NĐ-CP;", "Nghị định 91/2017/NĐ-CP)."}, []string{"98/2023", "06/2022"}},
		{2024, []string{
			"Mẫu số 01, Phụ lục I, Nghị định 98/2023/NĐ-CP", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
			"Căn cứ Nghị định 98/2023/NĐ-CP;", "Căn cứ Quy chế hoạt động của Khối;", "Mẫu số 02, Phụ lục I, Nghị định 98/2023/NĐ-CP",
		}, []string{"91/2017", "2003"}},
		{2016, []string{"theo quy định có hiệu lực đối với kết quả năm 2016", "Căn cứ Nghị định 91/2017/NĐ-CP;",
			"theo mẫu quy định có hiệu lực đối với kết quả năm 2016"}, []string{"98/2023"}},
	}
	for _, c := range cases {
		st := rankYear(t, rb, c.year)
		md := render(t, documents.Submission, documents.Markdown, rb, st, documents.Options{})
		for _, w := range c.want {
			if !strings.Contains(md, w) {
				t.Errorf("%d: no %q in:\n%s", c.year, w, md)
			}
		}
		for _, n := range c.not {
			if strings.Contains(md, n) {
				t.Errorf("%d: unexpected %q in:\n%s", c.year, n, md)
			}
		}
		for _, kind := range []documents.Kind{documents.Submission, documents.Summary} {
			text := render(t, kind, documents.Markdown, rb, st, documents.Options{})
			for _, n := range []string{"đóng dấu", "Lưu: VT"} {
				if strings.Contains(text, n) {
					t.Errorf("%d: %v asks for %q", c.year, kind, n)
				}
			}
		}
	}
}
