package xlsx_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/sheets/xlsx"
)

// nghean is the folder of the grading example (xếp loại, Nghệ An QĐ
// 77/2025): four bands, a ballot per band, the flag only from the highest.
var nghean = filepath.Join("..", "..", "examples", "nghean-grading")

// bandIDs are the example's band, condition and ballot ids: a reader sees
// names.
var bandIDs = regexp.MustCompile(`\b(xuat_sac|tot|hoan_thanh|khong_hoan_thanh|tu_90|san_85|phieu_xs|phieu_tot|phieu_ht|flag)\b`)

// sheetText is a sheet's cells, a line per row, the cells joined by " | ".
func sheetText(t *testing.T, f *excelize.File, sh string) (string, [][]string) {
	t.Helper()
	rows, err := f.GetRows(sh)
	require.NoError(t, err)
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " | ") + "\n")
	}
	return b.String(), rows
}

// TestWriteResultsGrades writes the results of the Nghệ An example and
// reads the workbook back: a Xếp loại column with each member's band by
// name, a block of the bands with their members and conditions, the flag's
// reason for passing over the member ranked first (its band), and no id of
// the data; the Cụm II results, which do not grade, have none of it.
func TestWriteResultsGrades(t *testing.T) {
	rb, err := rules.Load(filepath.Join(nghean, "rulebook.yaml"))
	require.NoError(t, err)
	sh, err := sheets.Check(rb, filepath.Join(nghean, "scores-2025.csv"))
	require.NoError(t, err)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	tests := []struct {
		lang     lang.Tag
		sheet    string
		head     []string
		m03, m06 string
		lines    []string
	}{
		{lang.Vietnamese, xlsx.SheetStandings, []string{"Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng"},
			"Hoàn thành tốt nhiệm vụ", "Không hoàn thành nhiệm vụ", []string{
				"Xếp loại (không phụ thuộc thứ hạng; bằng điểm không quyết định mức xếp loại)",
				"Hoàn thành xuất sắc nhiệm vụ (1): Chủ tịch UBND xã 01 (minh họa) — điều kiện: Đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa; Được quá nửa số thành viên bỏ phiếu đồng ý mức Hoàn thành xuất sắc",
				"Hoàn thành tốt nhiệm vụ (3): Chủ tịch UBND xã 03 (minh họa), Chủ tịch UBND xã 02 (minh họa), Chủ tịch UBND xã 04 (minh họa)",
				"Không hoàn thành nhiệm vụ (1): Chủ tịch UBND xã 06 (minh họa) — điều kiện: không đòi hỏi điều kiện nào",
				"bỏ qua Chủ tịch UBND xã 03 (minh họa) (không đạt xếp loại từ mức Hoàn thành xuất sắc nhiệm vụ trở lên, đơn vị được xếp loại Hoàn thành tốt nhiệm vụ)",
			}},
		{lang.English, xlsx.SheetStandingsEnglish, []string{"Rank", "Member id", "Member", "Total", "Grade", "Award proposed"},
			"Hoàn thành tốt nhiệm vụ", "Không hoàn thành nhiệm vụ", []string{
				"Grading bands (independent of rank; a tie never decides a band)",
				"Hoàn thành xuất sắc nhiệm vụ (1): Chủ tịch UBND xã 01 (minh họa) — requires: Đạt từ 90 điểm trở lên",
				"a grade of Hoàn thành xuất sắc nhiệm vụ or higher, the member is graded Hoàn thành tốt nhiệm vụ",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.lang.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Lang: tc.lang}))
			f, err := excelize.OpenReader(&buf)
			require.NoError(t, err)
			text, rows := sheetText(t, f, tc.sheet)
			require.Equal(t, tc.head, rows[4][:6])
			band := map[string]string{}
			for _, r := range rows[5:12] {
				band[r[1]] = r[4]
			}
			require.Equal(t, tc.m03, band["M03"], "ranked first, graded below the highest band")
			require.Equal(t, tc.m06, band["M06"])
			for _, l := range tc.lines {
				require.Contains(t, text, l)
			}
			require.Empty(t, bandIDs.FindAllString(strings.SplitN(text, "\n", 5)[4], -1), "names, not ids")
		})
	}

	cum := loadRulebook(t)
	st2, err := ranking.Rank(cum, loadCSV(t, cum, "scores-2020.csv"))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&buf, cum, st2, xlsx.ResultOptions{}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	text, _ := sheetText(t, f, xlsx.SheetStandings)
	require.NotContains(t, text, "Xếp loại", "a rulebook that does not grade")
}

// TestTemplateGradeLegend writes the template of the Nghệ An example: its
// instructions sheet has a legend of the bands, each with its conditions,
// saying that the software decides the band from the scores and votes,
// with no rank; the template still reads back as an empty sheet.
func TestTemplateGradeLegend(t *testing.T) {
	rb, err := rules.Load(filepath.Join(nghean, "rulebook.yaml"))
	require.NoError(t, err)
	sh, err := sheets.Check(rb, filepath.Join(nghean, "scores-2025.csv"))
	require.NoError(t, err)
	data := template(t, rb, sh)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	text, _ := sheetText(t, f, xlsx.SheetInstructions)
	for _, l := range []string{
		"Xếp loại (mức xếp loại do phần mềm tính từ điểm và phiếu, không cần thứ hạng",
		"Hoàn thành xuất sắc nhiệm vụ |  | Đạt từ 90 điểm trở lên; Không có tiêu chí nào dưới 85% số điểm tối đa; Được quá nửa số thành viên bỏ phiếu đồng ý mức Hoàn thành xuất sắc",
		"Hoàn thành nhiệm vụ |  | Đạt từ 70 điểm trở lên; Không có tiêu chí nào dưới 70% số điểm tối đa",
		"Không hoàn thành nhiệm vụ |  | không đòi hỏi điều kiện nào: mọi đơn vị không được xếp mức cao hơn",
	} {
		require.Contains(t, text, l)
	}
	require.Empty(t, bandIDs.FindAllString(text, -1), "names, not ids")
	back, warnings, err := readBytes(t, rb, data, nil)
	require.NoError(t, err)
	require.Empty(t, warnings)
	require.Len(t, back.Members, len(sh.Members))
	for i, m := range sh.Members {
		require.Equal(t, m.ID, back.Members[i].ID)
		require.Equal(t, m.Name, back.Members[i].Name)
	}

	cumText, _ := sheetText(t, mustOpen(t, template(t, loadRulebook(t), loadCSV(t, loadRulebook(t), "scores-2020.csv"))), xlsx.SheetInstructions)
	require.NotContains(t, cumText, "Xếp loại", "a rulebook that does not grade")
}

func mustOpen(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	return f
}
