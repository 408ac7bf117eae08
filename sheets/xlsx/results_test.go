package xlsx_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestWriteResults writes the standings of the examples and reads what a
// secretariat looks for: who is highlighted, what the proposals say, how
// a tie or an ineligible member is explained.
func TestWriteResults(t *testing.T) {
	rb := loadRulebook(t)
	tests := []struct {
		sheet       string
		lang        lang.Tag
		highlighted map[string]string // member → fill colour of its row
		lines       []string          // texts that must appear on the standings sheet
	}{
		{"scores-2020.csv", lang.Vietnamese, map[string]string{"SCT": "FFD966", "SKHCN": "C6E0B4", "SXD": "C6E0B4", "STNMT": ""}, []string{
			"Hạng | Mã đơn vị | Đơn vị | Tổng điểm",
			"ĐỀ NGHỊ KHEN THƯỞNG (Hội đồng Thi đua – Khen thưởng tỉnh xem xét, trình Chủ tịch UBND tỉnh quyết định)",
			"Cờ thi đua của UBND tỉnh (1): Sở Công Thương",
			"Bằng khen của Chủ tịch UBND tỉnh (2): Sở Khoa học và Công nghệ, Sở Xây dựng",
			"tổng điểm: 94,7 < 96,35 (Sở Công Thương)",
			"Tổng điểm đạt từ 90 điểm trở lên (tổng điểm 88,75 dưới 90)",
			"Sở Xây dựng — tổng điểm: tự chấm 95, tính 88,75 (chênh 6,25 > 5)",
		}},
		{"scores-2020.csv", lang.English, map[string]string{"SCT": "FFD966", "SKHCN": "C6E0B4"}, []string{
			"Rank | Member id | Member | Total",
			"AWARD PROPOSALS (for the provincial Emulation and Commendation Council to consider and the Chairman of the provincial People's Committee to decide)",
			"Cờ thi đua của UBND tỉnh (1): Sở Công Thương",
			"total: 94.7 < 96.35 (Sở Công Thương)",
			"Tổng điểm đạt từ 90 điểm trở lên (total 88.75 is below 90)",
			"Sở Xây dựng — total: self 95, counted 88.75 (gap 6.25 > 5)",
		}},
		{"tie-broken.csv", lang.Vietnamese, map[string]string{"SXD": "C6E0B4"}, []string{"nhóm I: 38 < 38,5 (Sở Khoa học và Công nghệ)"}},
		{"top-ineligible.csv", lang.Vietnamese, map[string]string{"SCT": "", "SKHCN": "FFD966"}, []string{
			"bỏ qua Sở Công Thương (không đạt Không có tập thể, cá nhân bị kỷ luật)",
			"Không có tập thể, cá nhân bị kỷ luật",
		}},
		{"unresolved-tie.csv", lang.Vietnamese, map[string]string{"SCT": "", "SKHCN": ""}, []string{
			"BẰNG ĐIỂM, chưa phân định với Sở Công Thương",
			"chưa xét: chờ phân định trường hợp bằng điểm ở hạng 1 (hình thức Cờ thi đua của UBND tỉnh)",
			"năm trước chưa được khen (Cờ thi đua của UBND tỉnh)",
			"1 suất CHỜ phân định hoà điểm giữa Sở Công Thương, Sở Khoa học và Công nghệ",
			"HOÀ ĐIỂM CHƯA PHÂN ĐỊNH",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.sheet+"-"+tc.lang.String(), func(t *testing.T) {
			st, err := ranking.Rank(rb, loadCSV(t, rb, tc.sheet))
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Lang: tc.lang}))
			f, err := excelize.OpenReader(&buf)
			require.NoError(t, err)
			standings, matrix := xlsx.SheetStandings, xlsx.SheetMatrix
			if tc.lang == lang.English {
				standings, matrix = xlsx.SheetStandingsEnglish, xlsx.SheetMatrixEnglish
			}
			require.Equal(t, []string{standings, matrix}, f.GetSheetList(), "no scorecards unless asked")
			rows, err := f.GetRows(standings)
			require.NoError(t, err)
			var text strings.Builder
			rowOf := map[string]int{}
			for i, r := range rows {
				fmt.Fprintln(&text, strings.Join(r, " | "))
				if len(r) > 1 {
					rowOf[r[1]] = i + 1
				}
			}
			for _, l := range tc.lines {
				require.Contains(t, text.String(), l)
			}
			if tc.lang == lang.Vietnamese {
				// below the title rows, no award tier id and no member id
				// outside the member id column
				body := strings.SplitN(text.String(), "\n", 5)[4]
				for _, id := range []string{"flag", "merit", "(SCT)", "(SKHCN)", "với SCT"} {
					require.NotContains(t, body, id, "a Vietnamese reader sees names, not ids")
				}
			}
			for id, want := range tc.highlighted {
				style, err := f.GetCellStyle(standings, fmt.Sprintf("C%d", rowOf[id]))
				require.NoError(t, err)
				s, err := f.GetStyle(style)
				require.NoError(t, err)
				got := ""
				if len(s.Fill.Color) > 0 {
					got = strings.TrimPrefix(strings.ToUpper(s.Fill.Color[0]), "#")
				}
				require.Equal(t, want, got, "fill of %s's row", id)
			}
			panes, err := f.GetPanes(standings)
			require.NoError(t, err)
			require.Equal(t, "D6", panes.TopLeftCell, "the header row and the member columns stay in view")
		})
	}
}

// TestWriteResultsByPercent writes a cluster ranked by the percentage of
// the attainable maximum, where a criterion is not assigned to a member:
// the percentage gets its column, the criterion shows kgg.
func TestWriteResultsByPercent(t *testing.T) {
	rb := mustRulebook(t, `
id: pct
version: "1"
title: Theo tỷ lệ
criteria:
  - {id: a, name: Một, max: 10}
  - {id: b, name: Hai, max: 5.5}
rank_by: percent
rounding: {percent: {places: 3}, total: {places: 1}}
`)
	sh := scoring.Sheet{
		Members:     []scoring.Member{{ID: "X", Name: "Đơn vị X"}, {ID: "Y", Name: "Đơn vị Y"}},
		Scores:      []scoring.Entry{{Member: "X", Criterion: "a", Stage: "cluster", Value: dec("9")}, {Member: "X", Criterion: "b", Stage: "cluster", Value: dec("5")}, {Member: "Y", Criterion: "a", Stage: "cluster", Value: dec("9.5")}},
		NotAssigned: []scoring.Assignment{{Member: "Y", Criterion: "b"}},
	}
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Scorecards: true}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	rows, err := f.GetRows(xlsx.SheetStandings)
	require.NoError(t, err)
	require.Equal(t, []string{"Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Tỷ lệ (%)", "Đề nghị khen thưởng"}, rows[4][:6])
	require.Equal(t, []string{"1", "Y", "Đơn vị Y", "9.5", "95.000"}, rows[5][:5], "shown with the rulebook's places")
	raw, err := f.GetCellValue(xlsx.SheetStandings, "E6", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Equal(t, "95", raw, "stored exactly")
	m, err := f.GetRows(xlsx.SheetMatrix)
	require.NoError(t, err)
	require.Equal(t, []string{"b", "Hai", "5.5", "kgg", "5.0"}, m[7], "Y (ranked first) was not assigned b")
	require.Equal(t, []string{xlsx.SheetStandings, xlsx.SheetMatrix, "1. Đơn vị Y", "2. Đơn vị X"}, f.GetSheetList())
}

// TestSheetNames checks that the exported sheet names are the ones the
// workbook is written with (the catalogue's words).
func TestSheetNames(t *testing.T) {
	require.Equal(t, xlsx.SheetStandings, lang.Vietnamese.Say("results.sheet.standings"))
	require.Equal(t, xlsx.SheetStandingsEnglish, lang.English.Say("results.sheet.standings"))
	require.Equal(t, xlsx.SheetMatrix, lang.Vietnamese.Say("results.sheet.matrix"))
	require.Equal(t, xlsx.SheetMatrixEnglish, lang.English.Say("results.sheet.matrix"))
}
