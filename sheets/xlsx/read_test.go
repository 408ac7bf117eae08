package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/sheets/xlsx"
)

// The cum2 criteria's names, as real sheets write them in their headers.
const (
	name01 = "Tổ chức cụm, khối thi đua trực thuộc; gửi đăng ký thi đua đúng hạn"
	name03 = "Kế hoạch, chương trình phát động phong trào; tổ chức sơ kết, tổng kết"
	name04 = "Kiểm tra, tự kiểm tra công tác thi đua, khen thưởng"
	name05 = "Báo cáo sáu tháng, năm đầy đủ, đúng hạn"
	name06 = "Xây dựng mô hình, nhân rộng điển hình tiên tiến có hiệu quả"
	name07 = "Khen thưởng đúng, kịp thời, hồ sơ đầy đủ (tỷ lệ hồ sơ đúng hạn)"
	name08 = "Phối hợp, hỗ trợ các đơn vị trong cụm (giả định)"
)

// TestRead reads workbooks laid out as secretariats lay them out, and
// checks every fact read, every problem and every warning.
func TestRead(t *testing.T) {
	rb := loadRulebook(t)
	tests := []struct {
		name     string
		sheets   []sheetSpec
		mapping  string   // YAML, if any
		want     []string // render() of the sheet read
		errs     []string // every error, in order
		warnings []string
	}{
		{
			name:   "a matrix with merged group headers over criterion names, members by name, no stage column",
			sheets: realMatrix(),
			want: []string{
				"member Sở Công Thương Sở Công Thương", "member Sở Xây dựng Sở Xây dựng",
				"score Sở Công Thương 01 cluster = 1", "score Sở Công Thương 02 cluster = 4", "score Sở Công Thương 03 cluster = 19.5",
				"score Sở Công Thương 04 cluster = 9.5", "score Sở Công Thương 05 cluster = 12", "score Sở Công Thương 06 cluster = 8.3",
				"score Sở Công Thương 07 cluster = 98", "score Sở Công Thương 08 cluster = 9.5",
				"score Sở Xây dựng 01 cluster = 1", "score Sở Xây dựng 02 cluster = 3", "score Sở Xây dựng 03 cluster = 18",
				"score Sở Xây dựng 04 cluster = 9", "score Sở Xây dựng 05 cluster = 10", "na Sở Xây dựng 06",
				"score Sở Xây dựng 07 cluster = 95", "score Sở Xây dựng 08 cluster = 9",
				"deduction Sở Xây dựng bao_cao_muon ×2",
			},
			warnings: []string{
				"test.xlsx: Tổng hợp: no stage column: the scores are read as stage cluster; add a stage column (Giai đoạn) or give the stage in a mapping file",
				"test.xlsx: Tổng hợp!L5: the saved value 150 disagrees with =SUM(C5:J5), which gives 145; the saved value is read (recalculate the workbook in Excel and save it)",
				`test.xlsx: Tổng hợp!B7: "Người lập biểu" has no values; the row is not read as a member`,
			},
		},
		{
			name:   "per-member sheets: rows are criteria, columns are stages, member from a label or the sheet's name",
			sheets: memberSheets(),
			want: []string{
				"ballot 0/7", "cluster Cụm II", "year 2020",
				"member SCT Sở Công Thương", "member Sở Xây dựng Sở Xây dựng",
				"score Sở Xây dựng 01 self = 1", "score Sở Xây dựng 01 cluster = 1", "score Sở Xây dựng 02 self = 4", "score Sở Xây dựng 02 cluster = 3",
				"score Sở Xây dựng 03 self = 19.5", "score Sở Xây dựng 03 cluster = 18", "score Sở Xây dựng 06 cluster = 8.5",
				"bonus Sở Xây dựng co_tinh ×1",
				"score SCT 01 self = 1", "score SCT 01 cluster = 1", "score SCT 04 self = 10", "score SCT 04 cluster = 9.5",
				"bonus SCT co_cp ×1", "fact SCT khong_ky_luat = false",
			},
			errs: []string{`test.xlsx:14: member Sở Xây dựng: 06: Sở Xây dựng!D14: expected a number like 9.75 or 9,75, found "abc"`},
			warnings: []string{
				`test.xlsx: Sở Xây dựng!B17: the row "Tiêu chí bị đổi tên" names no criterion, item or fact of rulebook caobang-cum2; its values are not read`,
			},
		},
		{
			name:    "a mapping naming every sheet a member's: the details are still read, the rest skipped",
			sheets:  memberSheets(),
			mapping: "sheets:\n  - sheet: \"*\"\n    layout: member\n",
			want: []string{
				"ballot 0/7", "cluster Cụm II", "year 2020",
				"member SCT Sở Công Thương", "member Sở Xây dựng Sở Xây dựng",
				"score Sở Xây dựng 01 self = 1", "score Sở Xây dựng 01 cluster = 1", "score Sở Xây dựng 02 self = 4", "score Sở Xây dựng 02 cluster = 3",
				"score Sở Xây dựng 03 self = 19.5", "score Sở Xây dựng 03 cluster = 18", "score Sở Xây dựng 06 cluster = 8.5",
				"bonus Sở Xây dựng co_tinh ×1",
				"score SCT 01 self = 1", "score SCT 01 cluster = 1", "score SCT 04 self = 10", "score SCT 04 cluster = 9.5",
				"bonus SCT co_cp ×1", "fact SCT khong_ky_luat = false",
			},
			errs: []string{`test.xlsx:14: member Sở Xây dựng: 06: Sở Xây dựng!D14: expected a number like 9.75 or 9,75, found "abc"`},
			warnings: []string{
				`test.xlsx: Thông tin: matches "*" but has no header row naming the stages (Tự chấm (self), Cụm chấm (cluster)) above rows naming the criteria; skipped`,
				`test.xlsx: Sở Xây dựng!B17: the row "Tiêu chí bị đổi tên" names no criterion, item or fact of rulebook caobang-cum2; its values are not read`,
			},
		},
		{
			name: "a mapping for headers that name nothing in the rulebook",
			sheets: []sheetSpec{{name: "Data", cells: map[string]any{
				"A1": "ID", "B1": "Unit", "C1": "TC1", "D1": "TC2", "E1": "TC3", "F1": "B1", "G1": "V",
				"A2": "SCT", "B2": "Sở Công Thương", "C2": 1, "D2": 4, "E2": "19,5", "F2": 1, "G2": 7,
			}}},
			mapping: `
sheets:
  - sheet: Data
    header_row: 1
    stage: Cụm chấm
    columns: {A: member, B: name, C: "01", D: "02", E: "03@self", F: "bonus:co_tinh", G: "votes:for"}
`,
			want: []string{
				"ballot 0/0", "member SCT Sở Công Thương", "score SCT 01 cluster = 1", "score SCT 02 cluster = 4",
				"score SCT 03 self = 19.5", "bonus SCT co_tinh ×1", "votes SCT 7/0/0",
			},
		},
		{
			name: "every problem is reported, each with its sheet and cell",
			sheets: []sheetSpec{{name: "Bảng điểm", cells: map[string]any{
				"A1": "member", "B1": "name", "C1": "stage", "D1": "01", "E1": "03", "F1": "bonus:co_tinh", "G1": "note:co_tinh",
				"H1": "fact:khong_ky_luat", "I1": "votes:for",
				"A2": "SCT", "B2": "Sở Công Thương", "C2": "Tự chấm", "D2": 1, "E2": 19,
				"A3": "SCT", "B3": "Sở Công Thuong", "C3": "Vòng 3", "D3": 1, "E3": "abc",
				"A4": "SXD", "B4": "Sở Xây dựng", "C4": "Cụm chấm", "D4": 1, "E4": 18, "F4": "1.5", "G4": "QĐ 12", "H4": "maybe", "I4": "x",
				"C5": "Tự chấm", "D5": 1,
				"A6": "SNN", "B6": "Sở Nông nghiệp", "C6": "Tự chấm", "G6": "QĐ 13",
				"A7": "TTT", "B7": "Thanh tra tỉnh", "D7": 1,
			}}},
			want: []string{
				"member SCT Sở Công Thương", "member SXD Sở Xây dựng", "member SNN Sở Nông nghiệp", "member TTT Thanh tra tỉnh",
				"score SCT 01 self = 1", "score SCT 03 self = 19", "score SXD 01 cluster = 1", "score SXD 03 cluster = 18",
			},
			errs: []string{
				`test.xlsx:3: member SCT: Bảng điểm!A3: member SCT is named "Sở Công Thuong" here but "Sở Công Thương" on row 2`,
				`test.xlsx:3: member SCT: Bảng điểm!C3: unknown stage "Vòng 3" (expected one of: Tự chấm (self), Cụm chấm (cluster))`,
				`test.xlsx:3: member SCT: 03: Bảng điểm!E3: expected a number like 9.75 or 9,75, found "abc"`,
				`test.xlsx:4: member SXD: co_tinh: Bảng điểm!F4: bonus count: expected a whole number, found "1.5"`,
				`test.xlsx:4: member SXD: khong_ky_luat: Bảng điểm!H4: expected có or không (true/false, 1/0), found "maybe"`,
				`test.xlsx:4: member SXD: Bảng điểm!I4: votes for: expected a whole number, found "x"`,
				`test.xlsx:5: Bảng điểm!D5: a value in a row without a member (the member's id A5 and name B5 is empty)`,
				`test.xlsx:6: member SNN: co_tinh: Bảng điểm!G6: a note for co_tinh but no count; write the number of occurrences next to it`,
				`test.xlsx:7: member TTT: Bảng điểm!C7: the stage is empty but the row has scores (expected one of: Tự chấm (self), Cụm chấm (cluster))`,
			},
		},
		{
			name: "a criterion split into stage columns, and a block of criteria under each stage",
			sheets: []sheetSpec{
				{name: "Tách cột", cells: map[string]any{
					"A1": "Mã đơn vị", "B1": "Tên đơn vị", "C1": "03", "E1": "04", "C2": "Tự chấm", "D2": "Cụm chấm", "E2": "Tự chấm", "F2": "Cụm chấm",
					"A3": "SCT", "B3": "Sở Công Thương", "C3": num("19.5"), "D3": 19, "E3": 10, "F3": num("9.5"),
				}, merges: []string{"A1:A2", "B1:B2", "C1:D1", "E1:F1"}},
				{name: "Khối", cells: map[string]any{
					"C1": "Điểm tự chấm", "E1": "Điểm cụm chấm",
					"A2": "Mã đơn vị", "B2": "Tên đơn vị", "C2": "01", "D2": "05", "E2": "01", "F2": "05",
					"A3": "SXD", "B3": "Sở Xây dựng", "C3": 1, "D3": 12, "E3": 1, "F3": 10,
				}, merges: []string{"C1:D1", "E1:F1"}},
			},
			want: []string{
				"member SCT Sở Công Thương", "member SXD Sở Xây dựng",
				"score SCT 03 self = 19.5", "score SCT 03 cluster = 19", "score SCT 04 self = 10", "score SCT 04 cluster = 9.5",
				"score SXD 01 self = 1", "score SXD 05 self = 12", "score SXD 01 cluster = 1", "score SXD 05 cluster = 10",
			},
		},
		{
			name: "member cells merged over the member's stage rows; past awards, lots and a rulebook changed since the template",
			sheets: []sheetSpec{
				{name: "Bảng điểm", cells: map[string]any{
					"A1": "Mã đơn vị", "B1": "Tên đơn vị", "C1": "Giai đoạn", "D1": "Người chấm", "E1": "01", "F1": "08", "G1": "Khen thưởng năm trước",
					"I1": "Phiếu tán thành", "J1": "Không có tập thể, cá nhân bị kỷ luật từ khiển trách trở lên",
					"A2": "SCT", "B2": "Sở Công Thương", "C2": "self", "E2": true, "F2": 9, "G2": "Bằng khen của Chủ tịch UBND tỉnh", "I2": 6, "J2": false,
					"C3": "Cụm chấm", "E3": 1, "F3": "9,5",
					"C4": "Cụm chấm", "D4": "SXD", "F4": 9,
					"A5": "SXD", "B5": "Sở Xây dựng", "C5": "cluster", "E5": 0, "G5": "Cờ Chính phủ",
				}, merges: []string{"A2:A4", "B2:B4"}},
				{name: "Thông tin chung", cells: map[string]any{
					"A1": "Năm đánh giá (year)", "B1": 2020, "A2": "Kết quả bốc thăm (lots)", "B2": "Sở Xây dựng, SCT",
					"A3": "Mã băm bộ tiêu chí (rulebook_hash)", "B3": "sha256:0000",
				}},
			},
			want: []string{
				"year 2020", "ballot 0/0", "lots SXD,SCT",
				"member SCT Sở Công Thương", "member SXD Sở Xây dựng",
				"score SCT 01 self = 1", "score SCT 08 self = 9", "score SCT 01 cluster = 1", "score SCT 08 cluster = 9.5",
				"score SCT 08 cluster by SXD = 9", "score SXD 01 cluster = 0",
				"history SCT 2019 merit", "history SXD 2019 Cờ Chính phủ", "votes SCT 6/0/0", "fact SCT khong_ky_luat = false",
			},
			warnings: []string{
				"test.xlsx: Thông tin chung!B3: the workbook was made for a rulebook with hash sha256:0000; it is read with caobang-cum2 version 2020.1 (" + rb.Hash() + ")",
			},
		},
		{
			name: "formulas: a saved value is read, a missing one recomputed, an error refused",
			sheets: []sheetSpec{{name: "Bảng điểm", cells: map[string]any{
				"A1": "member", "B1": "stage", "C1": "03", "D1": "04", "E1": "06", "F1": "07",
				"A2": "SCT", "B2": "Cụm chấm", "C2": formula{"18+1.5", "19.5"}, "D2": formula{"ROUND(28.5/3, 1)", ""}, "E2": formula{"1/0", "#DIV/0!"},
				"F2": formula{"VLOOKUP(A2, Data!A:B, 2)", ""},
			}}},
			want: []string{"member SCT", "score SCT 03 cluster = 19.5", "score SCT 04 cluster = 9.5"},
			errs: []string{
				"test.xlsx:2: member SCT: 06: Bảng điểm!E2: the cell shows the error #DIV/0!; correct the formula",
				"test.xlsx:2: member SCT: 07: Bảng điểm!F2: the formula has no saved value; open the file in Excel (or LibreOffice), let it calculate and save it",
			},
			warnings: []string{"test.xlsx: Bảng điểm!D2: =ROUND(28.5/3, 1) has no saved value; read as 9.5, its value recomputed"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m *xlsx.Mapping
			if tc.mapping != "" {
				var err error
				m, err = xlsx.ParseMapping("mapping.yaml", []byte(tc.mapping))
				require.NoError(t, err)
			}
			sh, warnings, err := readBytes(t, rb, workbook(t, tc.sheets...), m)
			if len(tc.errs) == 0 {
				require.NoError(t, err)
			} else {
				es := inputErrors(t, err)
				got := make([]string, len(es))
				for i, e := range es {
					got[i] = e.Error()
					require.Equal(t, "test.xlsx", e.File)
				}
				if d := cmp.Diff(tc.errs, got); d != "" {
					t.Errorf("errors (-want +got):\n%s", d)
				}
			}
			want := append([]string(nil), tc.want...)
			if d := cmp.Diff(sorted(want), render(sh)); d != "" {
				t.Errorf("sheet (-want +got):\n%s", d)
			}
			var gotW []string
			for _, w := range warnings {
				gotW = append(gotW, w.String())
			}
			if d := cmp.Diff(tc.warnings, gotW); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
			for _, e := range sh.Scores {
				require.Equal(t, "test.xlsx", e.Source.File)
				require.Positive(t, e.Source.Line)
			}
		})
	}
}

// realMatrix is a summary sheet as secretariats make them: a title, group
// headers merged over criteria named in full or in part, members by name
// only, numbers typed and as text, a total column, a signature below.
func realMatrix() []sheetSpec {
	return []sheetSpec{{name: "Tổng hợp", cells: map[string]any{
		"A1": "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA",
		"A2": "STT", "B2": "Tên đơn vị", "C2": "I. Tổ chức phong trào thi đua", "F2": "II. Kiểm tra, thông tin, báo cáo",
		"H2": "III", "I2": "IV. Công tác khen thưởng", "K2": "Điểm trừ", "L2": "Tổng cộng",
		"C3": "01. " + name01, "D3": "Tiêu chí 02", "E3": name03 + " (20 điểm)", "F3": "04", "G3": name05,
		"H3": "06", "I3": name07, "J3": name08, "K3": "Báo cáo chậm so với thời hạn",
		// Numbers typed, text with a decimal comma, text with a point, a 17-digit double.
		"A4": 1, "B4": "Sở Công Thương", "C4": num("1"), "D4": 4, "E4": "19,5", "F4": num("9.5"), "G4": 12,
		"H4": num("8.3000000000000007"), "I4": 98, "J4": "9.5",
		// SUM skips text, as in Excel: 1 + 4 + 9.5 + 12 + 8.3 + 98 = 132.8, as saved.
		"L4": formula{"SUM(C4:J4)", "132.8"},
		"A5": 2, "B5": "Sở Xây dựng", "C5": 1, "D5": 3, "E5": 18, "F5": 9, "G5": 10, "H5": "kgg", "I5": 95, "J5": num("9"), "K5": 2,
		"L5": formula{"SUM(C5:J5)", "150"}, // 145 in fact: a stale value
		"B7": "Người lập biểu",
	}, merges: []string{"A1:L1", "A2:A3", "B2:B3", "C2:E2", "F2:G2", "I2:J2", "L2:L3"}}}
}

// memberSheets is a workbook of per-member sheets (phiếu chấm điểm) and a
// details sheet.
func memberSheets() []sheetSpec {
	return []sheetSpec{
		{name: "Thông tin", cells: map[string]any{"A1": "Tên cụm:", "B1": "Cụm II", "A2": "Năm", "B2": 2020, "A3": "Số thành viên có mặt", "B3": 7}},
		{name: "Sở Xây dựng", cells: map[string]any{
			"A1": "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA", "A2": "Đơn vị: Sở Xây dựng",
			"A5": "STT", "B5": "Nội dung tiêu chí", "C5": "Điểm tối đa", "D5": "Điểm tự chấm", "E5": "Điểm cụm chấm",
			"A6": "I", "B6": "Tổ chức phong trào thi đua",
			"A7": "01", "B7": name01, "C7": 10, "D7": 1, "E7": 1,
			"A8": "02", "C8": 10, "D8": 4, "E8": 3,
			"A9": "03", "B9": name03, "C9": 20, "D9": "19,5", "E9": 18,
			"A14": "06", "B14": name06, "C14": 10, "D14": "abc", "E14": num("8.5"),
			"B15": "Cờ thi đua của UBND tỉnh năm trước", "E15": 1,
			"B16": "Tổng cộng", "D16": formula{"SUM(D7:D15)", "5"}, // Excel's SUM skips the text "19,5"
			"B17": "Tiêu chí bị đổi tên", "E17": 5,
		}},
		{name: "SCT", cells: map[string]any{
			"A1": "Tên đơn vị", "C1": "Sở Công Thương",
			"A3": "Mã", "B3": "Tiêu chí", "C3": "Tự chấm", "D3": "Cụm chấm", "E3": "Số lần",
			"A4": "01", "B4": "Tổ chức cụm", "C4": true, "D4": 1,
			"A5": "04", "C5": 10, "D5": "9,5",
			"B6": "Cờ thi đua của Chính phủ năm trước", "E6": 1,
			"A7": "fact:khong_ky_luat", "D7": "không",
		}},
	}
}

// TestNotScoreSheets reads sheets that list criteria without being score
// sheets: the template's instructions under another name, and a results
// workbook. Neither is taken for scores.
func TestNotScoreSheets(t *testing.T) {
	rb := loadRulebook(t)
	csv := loadCSV(t, rb, "scores-2020.csv")
	f, err := excelize.OpenReader(bytes.NewReader(template(t, rb, csv)))
	require.NoError(t, err)
	require.NoError(t, f.SetSheetName(xlsx.SheetInstructions, "HD"))
	var renamed bytes.Buffer
	require.NoError(t, f.Write(&renamed))
	sh, warnings, err := readBytes(t, rb, renamed.Bytes(), nil)
	require.NoError(t, err)
	require.Empty(t, warnings)
	require.Len(t, sh.Members, len(csv.Members))
	require.Empty(t, sh.Scores)

	st, err := ranking.Rank(rb, csv)
	require.NoError(t, err)
	var results bytes.Buffer
	require.NoError(t, xlsx.WriteResults(&results, rb, st, xlsx.ResultOptions{Scorecards: true}))
	sh, warnings, err = readBytes(t, rb, results.Bytes(), nil)
	es := inputErrors(t, err)
	require.Len(t, es, 1)
	require.Contains(t, es[0].Error(), "test.xlsx: no sheet of scores was found")
	require.Empty(t, warnings)
	require.Empty(t, render(sh))
}

// TestSharedFormulas checks the saved values of a column of formulas
// written once and shared down (as Excel writes a filled-down column); a
// shared formula whose first cell is missing is read, unchecked.
func TestSharedFormulas(t *testing.T) {
	rb := loadRulebook(t)
	str := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1">` + str("A1", "member") + str("B1", "stage") + str("C1", "03") + str("D1", "04") + str("E1", "Tổng") + `</row>` +
		`<row r="2">` + str("A2", "SCT") + str("B2", "Cụm chấm") + `<c r="C2"><v>19</v></c><c r="D2"><v>9.5</v></c><c r="E2"><f t="shared" ref="E2:E3" si="0">SUM(C2:D2)</f><v>28.5</v></c></row>` +
		`<row r="3">` + str("A3", "SXD") + str("B3", "Cụm chấm") + `<c r="C3"><v>18</v></c><c r="D3"><v>9</v></c><c r="E3"><f t="shared" si="0"/><v>30</v></c></row>` +
		`<row r="4">` + str("A4", "TTT") + str("B4", "Cụm chấm") + `<c r="C4"><v>17</v></c><c r="D4"><f t="shared" si="7"/><v>9</v></c></row>` +
		`</sheetData></worksheet>`
	data := replacePart(t, small(t), "xl/worksheets/sheet1.xml", []byte(sheet))
	sh, warnings, err := readBytes(t, rb, data, nil)
	require.NoError(t, err)
	require.Equal(t, []string{"member SCT", "member SXD", "member TTT",
		"score SCT 03 cluster = 19", "score SCT 04 cluster = 9.5", "score SXD 03 cluster = 18", "score SXD 04 cluster = 9",
		"score TTT 03 cluster = 17", "score TTT 04 cluster = 9"}, render(sh))
	require.Len(t, warnings, 1)
	require.Equal(t, "test.xlsx: Bảng điểm!E3: the saved value 30 disagrees with =SUM(C3:D3), which gives 27; the saved value is read (recalculate the workbook in Excel and save it)", warnings[0].String())
}
