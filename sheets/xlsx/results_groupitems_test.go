package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestWriteResultsGroupItems: a bonus that belongs to a group (TP.HCM's
// +10 for a flag on one department's score) is in that group's points, not
// in the bonus total beside it, and the matrix says so by the group's name.
func TestWriteResultsGroupItems(t *testing.T) {
	rb, err := rules.Parse("rb.yaml", []byte(`id: g
version: "1"
title: Thử điểm thưởng của nhóm
criteria:
  - id: I
    name: Nhóm Sở Văn hóa chấm
    children:
      - {id: "1", name: Phong trào, max: 100}
bonus:
  items:
    - {id: co, name: Cờ thi đua xuất sắc, points: 10, max: 10, group: I}
`))
	require.NoError(t, err)
	sh := scoring.Sheet{
		Members: []scoring.Member{{ID: "Q1", Name: "Quận 1"}},
		Scores:  []scoring.Entry{{Member: "Q1", Criterion: "1", Stage: "cluster", Value: decimal.RequireFromString("97")}},
		Bonuses: []scoring.Occurrences{{Member: "Q1", Item: "co", Count: 1}},
	}
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	require.Equal(t, "107", st.Rows[0].Total.String(), "97 + 10 = 107")
	var buf bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	text, _ := sheetText(t, f, xlsx.SheetMatrix)
	require.Contains(t, text, "Điểm thưởng: Cờ thi đua xuất sắc (tính vào nhóm Nhóm Sở Văn hóa chấm)")
	require.False(t, strings.Contains(text, "Điểm thưởng: Cờ thi đua xuất sắc |"), "the item is marked as the group's")
}
