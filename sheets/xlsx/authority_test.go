package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestResultsNameTheAuthority: the proposals of a sector's cluster are
// headed with the sector's council, which considers them, and its head,
// who decides, in both languages.
func TestResultsNameTheAuthority(t *testing.T) {
	rb, err := rules.Load("../../rules/testdata/sector-kiemsat.yaml")
	require.NoError(t, err)
	sh := scoring.Sheet{Cluster: "Khối thử", Year: 2025,
		Members: []scoring.Member{{ID: "a", Name: "Viện kiểm sát nhân dân tỉnh A"}, {ID: "b", Name: "Viện kiểm sát nhân dân tỉnh B"}},
		Scores: []scoring.Entry{
			{Member: "a", Criterion: "I", Stage: "cluster", Value: decimal.NewFromInt(55)},
			{Member: "b", Criterion: "I", Stage: "cluster", Value: decimal.NewFromInt(50)},
		}}
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	for _, c := range []struct {
		tag   lang.Tag
		sheet string
		want  string
	}{
		{lang.Vietnamese, xlsx.SheetStandings, "ĐỀ NGHỊ KHEN THƯỞNG (Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân xem xét, trình Viện trưởng Viện kiểm sát nhân dân tối cao quyết định)"},
		{lang.English, xlsx.SheetStandingsEnglish, "AWARD PROPOSALS (for Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân to consider and Viện trưởng Viện kiểm sát nhân dân tối cao to decide)"},
	} {
		var buf bytes.Buffer
		require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Lang: c.tag}))
		f, err := excelize.OpenReader(&buf)
		require.NoError(t, err)
		rows, err := f.GetRows(c.sheet)
		require.NoError(t, err)
		var text strings.Builder
		for _, r := range rows {
			text.WriteString(strings.Join(r, " | ") + "\n")
		}
		require.Contains(t, text.String(), c.want)
		require.NotContains(t, text.String(), "UBND tỉnh quyết định")
	}
}
