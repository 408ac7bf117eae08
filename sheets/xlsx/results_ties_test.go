package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestWriteResultsSharedRank: two members the chain cannot separate, whose
// tie decides no award, share their rank quietly — "đồng hạng" in their
// decided-by cell, no list of unresolved ties — while a tie that decides
// the flag is still listed.
func TestWriteResultsSharedRank(t *testing.T) {
	rb := loadRulebook(t)
	for _, c := range []struct {
		sheet      string
		want, not  []string
		unresolved bool
	}{
		{"shared-rank.csv", []string{"6 | TTT | Thanh tra tỉnh", "đồng hạng với Sở Nông nghiệp và Phát triển nông thôn"},
			[]string{"HOÀ ĐIỂM CHƯA PHÂN ĐỊNH", "chưa phân định"}, false},
		{"unresolved-tie.csv", []string{"HOÀ ĐIỂM CHƯA PHÂN ĐỊNH", "BẰNG ĐIỂM, chưa phân định với Sở Công Thương"}, []string{"đồng hạng với"}, true},
	} {
		t.Run(c.sheet, func(t *testing.T) {
			st, err := ranking.Rank(rb, loadCSV(t, rb, c.sheet))
			require.NoError(t, err)
			require.Len(t, st.Ties, 1)
			require.Equal(t, c.unresolved, st.Ties[0].Unresolved())
			var buf bytes.Buffer
			require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Lang: lang.Vietnamese}))
			f, err := excelize.OpenReader(&buf)
			require.NoError(t, err)
			rows, err := f.GetRows(xlsx.SheetStandings)
			require.NoError(t, err)
			var text strings.Builder
			for _, r := range rows {
				text.WriteString(strings.Join(r, " | ") + "\n")
			}
			for _, w := range c.want {
				require.Contains(t, text.String(), w)
			}
			for _, w := range c.not {
				require.NotContains(t, text.String(), w)
			}
		})
	}
}
