package xlsx_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// Generate the score sheet a secretariat fills in: a row per member and
// assessment stage, a column per criterion under its group.
func ExampleTemplate() {
	rb, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	err = xlsx.Template(&buf, rb, xlsx.TemplateOptions{
		Cluster: "Cụm II – Các cơ quan quản lý chuyên ngành",
		Members: []scoring.Member{{ID: "SCT", Name: "Sở Công Thương"}, {ID: "SXD", Name: "Sở Xây dựng"}},
	})
	if err != nil {
		log.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows(xlsx.SheetScores)
	fmt.Println(strings.Join(rows[3][:13], " "))
	for _, r := range rows[7:] {
		fmt.Println(strings.Join(r[:3], " | "))
	}
	// Output:
	// [Bảng điểm Thông tin chung Hướng dẫn]
	// member name stage assessor 01 02 03 04 05 06 07 target:07 08
	// SCT | Sở Công Thương | Tự chấm
	// SCT | Sở Công Thương | Cụm chấm
	// SXD | Sở Xây dựng | Tự chấm
	// SXD | Sở Xây dựng | Cụm chấm
}

// Read a filled-in score sheet and rank the cluster: the workbook holds the
// same data as examples/cum2/scores-2020.csv, so it has the same hash and
// gives the same standings.
func ExampleLoad() {
	rb, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		log.Fatal(err)
	}
	sh, warnings, err := xlsx.Load("testdata/seed-cum2-2020.xlsx", nil, rb)
	if err != nil {
		log.Fatal(err) // scoring.InputErrors: every bad cell, as "Bảng điểm!G9: …"
	}
	for _, w := range warnings {
		fmt.Println("warning:", w)
	}
	fmt.Println(sh.Cluster, sh.Year)
	fmt.Println(len(sh.Members), "members,", len(sh.Scores), "scores; first from", sh.Scores[0].Source.File, "row", sh.Scores[0].Source.Line)

	st, err := ranking.Rank(rb, sh)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range st.Rows[:3] {
		fmt.Println(r.Rank, r.Member.Name, r.Total, r.Awards)
	}
	// Output:
	// Cụm II – Các cơ quan quản lý chuyên ngành 2020
	// 7 members, 119 scores; first from testdata/seed-cum2-2020.xlsx row 8
	// 1 Sở Công Thương 96.35 [flag]
	// 2 Sở Khoa học và Công nghệ 94.7 [merit]
	// 3 Sở Xây dựng 88.75 [merit]
}

// A sheet whose headers name nothing in the rulebook is read with a
// mapping: which row holds the headers, which column holds what.
func ExampleRead_mapping() {
	rb, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		log.Fatal(err)
	}
	// A workbook as some secretariat keeps it.
	f := excelize.NewFile()
	for cell, v := range map[string]any{
		"A1": "ID", "B1": "Unit", "C1": "TC1", "D1": "TC3",
		"A2": "SCT", "B2": "Sở Công Thương", "C2": 1, "D2": "19,5",
		"A3": "SXD", "B3": "Sở Xây dựng", "C3": 1, "D3": 18,
	} {
		f.SetCellValue("Sheet1", cell, v)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		log.Fatal(err)
	}

	m, err := xlsx.ParseMapping("mapping.yaml", []byte(`
sheets:
  - sheet: Sheet1
    header_row: 1
    stage: Cụm chấm
    columns: {A: member, B: name, C: "01", D: "03"}
`))
	if err != nil {
		log.Fatal(err)
	}
	sh, _, err := xlsx.Read("unit-scores.xlsx", &buf, rb, xlsx.Options{Mapping: m})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range sh.Scores {
		fmt.Printf("%s %s %s = %s (row %d)\n", e.Member, e.Criterion, e.Stage, e.Value, e.Source.Line)
	}
	// Output:
	// SCT 01 cluster = 1 (row 2)
	// SCT 03 cluster = 19.5 (row 2)
	// SXD 01 cluster = 1 (row 3)
	// SXD 03 cluster = 18 (row 3)
}

// Write the standings as a workbook to file: the standings sheet, a
// criteria × members sheet and a scorecard per member.
func ExampleWriteResults() {
	rb, err := rules.Load("../../examples/cum2/rulebook.yaml")
	if err != nil {
		log.Fatal(err)
	}
	sh, _, err := xlsx.Load("testdata/seed-cum2-2020.xlsx", nil, rb)
	if err != nil {
		log.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.WriteResults(&buf, rb, st, xlsx.ResultOptions{Scorecards: true}); err != nil {
		log.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.GetSheetList()[:3])
	rows, _ := f.GetRows(xlsx.SheetStandings)
	for _, r := range rows[4:8] {
		fmt.Println(strings.Join(r[:5], " | "))
	}
	// Output:
	// [Xếp hạng Bảng điểm chi tiết 1. Sở Công Thương]
	// Hạng | Mã đơn vị | Đơn vị | Tổng điểm | Đề nghị khen thưởng
	// 1 | SCT | Sở Công Thương | 96.35 | Cờ thi đua của UBND tỉnh
	// 2 | SKHCN | Sở Khoa học và Công nghệ | 94.70 | Bằng khen của Chủ tịch UBND tỉnh
	// 3 | SXD | Sở Xây dựng | 88.75 | Bằng khen của Chủ tịch UBND tỉnh
}
