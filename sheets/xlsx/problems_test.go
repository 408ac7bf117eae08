package xlsx_test

import (
	"archive/zip"
	"bytes"

	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets/xlsx"
)

// TestProblemTexts writes the reader's problems and warnings of every kind
// in both languages, whole lines as Text writes them: the location (file,
// row, member, criterion, sheet and cell) first, then the message; sheet
// names, cells, ids, keys of a mapping and quoted input stay as they are.
func TestProblemTexts(t *testing.T) {
	rb := loadRulebook(t)
	book := func(cells map[string]any, merges ...string) []byte {
		return workbook(t, sheetSpec{name: "Bảng điểm", cells: cells, merges: merges})
	}
	scores := func(extra map[string]any) []byte {
		cells := map[string]any{"A1": "member", "B1": "stage", "C1": "03", "A2": "SCT", "B2": "Cụm chấm", "C2": 19}
		for k, v := range extra {
			cells[k] = v
		}
		return book(cells)
	}
	farRight := map[string]any{"A1": "x", "AA101": "y"}
	twoSheets := workbook(t, sheetSpec{name: "Bảng điểm", cells: map[string]any{"A1": "member", "B1": "stage", "C1": "03", "A2": "SCT", "B2": "Cụm chấm", "C2": 19}},
		sheetSpec{name: "Khác", cells: map[string]any{"A1": "x"}})
	tests := []struct {
		name    string
		data    []byte
		mapping string
		limits  xlsx.Limits
		key     string
		warning bool
		en, vi  string
	}{
		// The file as a whole.
		{name: "not a zip archive", data: []byte("record,member,key\n"), key: "xlsx.file.not_zip",
			en: "test.xlsx: not an .xlsx workbook (zip: not a valid zip file)",
			vi: "test.xlsx: không phải tệp Excel .xlsx (zip: not a valid zip file)"},
		{name: "an encrypted workbook", data: append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...), key: "xlsx.file.encrypted_or_xls",
			en: "test.xlsx: this is a password-protected workbook or an old .xls file; save it as an .xlsx workbook without a password",
			vi: "test.xlsx: đây là tệp Excel có đặt mật khẩu hoặc tệp .xls đời cũ; hãy lưu lại thành tệp .xlsx không đặt mật khẩu"},
		{name: "a damaged worksheet", data: patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string { return s[:len(s)/2] }), key: "xlsx.file.bad_xml",
			en: "test.xlsx: the file is damaged: sheet Bảng điểm is not well-formed XML (XML syntax error on line 2: unexpected EOF)",
			vi: "test.xlsx: tệp bị hỏng: trang tính Bảng điểm không phải XML hợp lệ (XML syntax error on line 2: unexpected EOF)"},
		{name: "a malformed cell reference", data: patchPart(t, small(t), "xl/worksheets/sheet1.xml", func(s string) string { return strings.Replace(s, `r="C2"`, `r="C2x"`, 1) }), key: "xlsx.file.cell_ref",
			en: `test.xlsx: sheet Bảng điểm: malformed cell reference "C2x"`,
			vi: `test.xlsx: trang tính Bảng điểm: địa chỉ ô "C2x" không hợp lệ`},
		{name: "a row beyond the limit", data: workbook(t, sheetSpec{name: "S", cells: map[string]any{"A1": "member", "A30000": "x"}}), key: "xlsx.limit.rows",
			en: "test.xlsx: sheet S uses row 30000, beyond the limit of 20000 rows",
			vi: "test.xlsx: trang tính S dùng đến dòng 30000, vượt giới hạn 20000 dòng"},
		{name: "too many merged ranges", data: book(map[string]any{"A1": "x"}, "A1:B1", "A2:B2", "A3:B3"), limits: xlsx.Limits{MaxMerges: 2}, key: "xlsx.limit.merges",
			en: "test.xlsx: the workbook has more merged ranges than the limit of 2",
			vi: "test.xlsx: số vùng ô gộp của tệp Excel vượt giới hạn 2"},
		{name: "merged ranges over too many cells", data: book(farRight, "A1:Z100"), limits: xlsx.Limits{MaxCells: 1000}, key: "xlsx.limit.merged_cells",
			en: "test.xlsx: sheet Bảng điểm: its merged ranges cover more cells than the limit of 1000",
			vi: "test.xlsx: trang tính Bảng điểm: các vùng ô gộp phủ số ô vượt giới hạn 1000"},
		{name: "a sheet without its part", data: dropPart(t, twoSheets, "xl/worksheets/sheet2.xml"), key: "xlsx.sheet.skipped", warning: true,
			en: "test.xlsx: Khác: cannot be read (sheet Khác does not exist); skipped",
			vi: "test.xlsx: Khác: không đọc được trang tính này (sheet Khác does not exist); đã bỏ qua"},
		{name: "a mapped sheet without its part", data: dropPart(t, twoSheets, "xl/worksheets/sheet2.xml"), mapping: "sheets:\n  - sheet: Khác\n", key: "xlsx.sheet.unreadable",
			en: "test.xlsx: sheet Khác cannot be read (sheet Khác does not exist)",
			vi: "test.xlsx: không đọc được trang tính Khác (sheet Khác does not exist)"},
		{name: "no sheet of scores", data: book(map[string]any{"A1": "Tên cụm", "B1": "Cụm II"}), key: "xlsx.no_scores",
			en: "test.xlsx: no sheet of scores was found: no sheet has a header row naming criteria of rulebook caobang-cum2 (by id or name) beside a member column, nor rows naming them under stage columns (Tự chấm (self), Cụm chấm (cluster)); name the sheets and their columns in a mapping file",
			vi: "test.xlsx: không tìm thấy trang tính bảng điểm: không trang tính nào có dòng tiêu đề ghi các tiêu chí của bộ tiêu chí caobang-cum2 (theo mã hoặc tên) bên cạnh cột đơn vị, cũng không có các dòng ghi tên tiêu chí dưới các cột giai đoạn chấm (Tự chấm (self), Cụm chấm (cluster)); hãy khai báo các trang tính và cột của chúng trong tệp ánh xạ (mapping)"},

		// Mappings.
		{name: "a mapped layout not found", data: small(t), mapping: "sheets:\n  - sheet: Bảng điểm\n    layout: member\n", key: "xlsx.layout.not_found",
			en: "test.xlsx: Bảng điểm: no header row naming the stages (Tự chấm (self), Cụm chấm (cluster)) above rows naming the criteria was found; give header_row and columns in the mapping",
			vi: "test.xlsx: Bảng điểm: không tìm thấy dòng tiêu đề ghi tên các giai đoạn chấm (Tự chấm (self), Cụm chấm (cluster)) phía trên các dòng ghi tên tiêu chí; hãy ghi header_row và columns trong tệp ánh xạ"},
		{name: "a pattern matching a sheet of another layout", data: workbook(t, memberSheets()...), mapping: "sheets:\n  - sheet: \"*\"\n    layout: member\n", key: "xlsx.layout.skipped", warning: true,
			en: `test.xlsx: Thông tin: matches "*" but has no header row naming the stages (Tự chấm (self), Cụm chấm (cluster)) above rows naming the criteria; skipped`,
			vi: `test.xlsx: Thông tin: khớp với mẫu "*" nhưng không có dòng tiêu đề ghi tên các giai đoạn chấm (Tự chấm (self), Cụm chấm (cluster)) phía trên các dòng ghi tên tiêu chí; đã bỏ qua`},
		{name: "a mapped sheet the workbook lacks", data: small(t), mapping: "sheets:\n  - sheet: Tổng hợp\n", key: "xlsx.mapping.no_sheet",
			en: `test.xlsx: mapping: the workbook has no sheet "Tổng hợp" (its sheets: Bảng điểm)`,
			vi: `test.xlsx: tệp ánh xạ: tệp Excel không có trang tính "Tổng hợp" (các trang tính: Bảng điểm)`},
		{name: "a bad sheet pattern", data: small(t), mapping: "sheets:\n  - sheet: \"[\"\n", key: "xlsx.mapping.pattern",
			en: `test.xlsx: mapping: sheet pattern "[": syntax error in pattern`,
			vi: `test.xlsx: tệp ánh xạ: mẫu tên trang tính "[" sai cú pháp (syntax error in pattern)`},
		{name: "an unknown criterion in a mapping", data: small(t), mapping: "sheets:\n  - sheet: Bảng điểm\n    columns: {A: member, C: \"99\"}\n", key: "xlsx.mapping.column",
			en: `test.xlsx: Bảng điểm: mapping: column C: "99": unknown criterion "99"`,
			vi: `test.xlsx: Bảng điểm: tệp ánh xạ: cột C: "99": tiêu chí "99" không có trong bộ tiêu chí`},
		{name: "an unknown votes key in a mapping", data: small(t), mapping: "sheets:\n  - sheet: Bảng điểm\n    columns: {A: member, C: \"votes:yes\"}\n", key: "xlsx.mapping.column",
			en: `test.xlsx: Bảng điểm: mapping: column C: "votes:yes": votes are for, against or abstain`,
			vi: `test.xlsx: Bảng điểm: tệp ánh xạ: cột C: "votes:yes": số phiếu chỉ ghi for (tán thành), against (không tán thành) hoặc abstain (không biểu quyết)`},
		{name: "an unknown stage in a mapping", data: small(t), mapping: "sheets:\n  - sheet: Bảng điểm\n    stage: Vòng 2\n    columns: {A: member, C: \"03\"}\n", key: "xlsx.mapping.stage",
			en: `test.xlsx: Bảng điểm: mapping: unknown stage "Vòng 2" (the rulebook's stages: Tự chấm (self), Cụm chấm (cluster))`,
			vi: `test.xlsx: Bảng điểm: tệp ánh xạ: giai đoạn chấm "Vòng 2" không có trong bộ tiêu chí (các giai đoạn: Tự chấm (self), Cụm chấm (cluster))`},
		{name: "a per-member mapping with a matrix column", data: small(t), mapping: "sheets:\n  - sheet: Bảng điểm\n    layout: member\n    columns: {A: label, B: \"stage:cluster\", C: member}\n", key: "xlsx.mapping.member_column",
			en: `test.xlsx: Bảng điểm: mapping: column C: a per-member sheet's columns are label, stage:ID, count or ignore, found "member"`,
			vi: `test.xlsx: Bảng điểm: tệp ánh xạ: cột C: các cột của phiếu chấm từng đơn vị chỉ là label, stage:ID, count hoặc ignore, nhận được "member"`},

		// Columns.
		{name: "a second member column", data: scores(map[string]any{"D1": "Mã đơn vị"}), key: "xlsx.column.another", warning: true,
			en: "test.xlsx: Bảng điểm!D1: another member column; column A is read",
			vi: "test.xlsx: Bảng điểm!D1: có thêm một cột mã đơn vị; chỉ đọc cột A"},
		{name: "a criterion in two columns", data: scores(map[string]any{"D2": 18}), mapping: "sheets:\n  - sheet: Bảng điểm\n    columns: {A: member, B: stage, C: \"03\", D: \"03\"}\n", key: "xlsx.column.twice",
			en: `test.xlsx:1: 03: Bảng điểm!D1: holds criterion 03, as C1 does; keep one column, give each its own stage (a "Tự chấm" / "Cụm chấm" label next to the header) or use a mapping file`,
			vi: `test.xlsx:1: 03: Bảng điểm!D1: cột này cũng ghi tiêu chí 03 như cột ở ô C1; hãy chỉ giữ một cột, ghi giai đoạn chấm riêng cho từng cột (nhãn "Tự chấm" / "Cụm chấm" cạnh tiêu đề) hoặc dùng tệp ánh xạ`},
		{name: "no stage column", data: workbook(t, realMatrix()...), key: "xlsx.stage.none", warning: true,
			en: "test.xlsx: Tổng hợp: no stage column: the scores are read as stage cluster; add a stage column (Giai đoạn) or give the stage in a mapping file",
			vi: "test.xlsx: Tổng hợp: không có cột giai đoạn chấm: điểm được đọc là điểm giai đoạn cluster; hãy thêm cột giai đoạn (Giai đoạn) hoặc ghi giai đoạn trong tệp ánh xạ"},
		{name: "a stage in two columns of a per-member sheet", data: workbook(t, sheetSpec{name: "SCT", cells: map[string]any{
			"A1": "Mã", "B1": "Tự chấm", "C1": "Cụm chấm", "D1": "Cụm chấm", "A2": "01", "B2": 1, "C2": 1, "A3": "03", "B3": 19, "C3": 18,
		}}), key: "xlsx.stage.second_column", warning: true,
			en: "test.xlsx: SCT!D1: a second column for stage cluster; the first is read",
			vi: "test.xlsx: SCT!D1: cột thứ hai của giai đoạn cluster; chỉ đọc cột thứ nhất"},

		// Rows and cells.
		{name: "an unknown stage", data: scores(map[string]any{"B2": "Vòng 3"}), key: "xlsx.stage.unknown",
			en: `test.xlsx:2: member SCT: Bảng điểm!B2: unknown stage "Vòng 3" (expected one of: Tự chấm (self), Cụm chấm (cluster))`,
			vi: `test.xlsx:2: đơn vị SCT: Bảng điểm!B2: giai đoạn chấm "Vòng 3" không hợp lệ (chỉ dùng: Tự chấm (self), Cụm chấm (cluster))`},
		{name: "a member renamed", data: scores(map[string]any{"D1": "name", "D2": "Sở Công Thương", "A3": "SCT", "B3": "Tự chấm", "D3": "Sở Công Thuong"}), key: "xlsx.member.renamed",
			en: `test.xlsx:3: member SCT: Bảng điểm!A3: member SCT is named "Sở Công Thuong" here but "Sở Công Thương" on row 2`,
			vi: `test.xlsx:3: đơn vị SCT: Bảng điểm!A3: đơn vị SCT ở đây có tên "Sở Công Thuong" nhưng ở dòng 2 có tên "Sở Công Thương"`},
		{name: "a value without a member", data: scores(map[string]any{"B3": "Tự chấm", "C3": 19}), key: "xlsx.row.no_member",
			en: "test.xlsx:3: Bảng điểm!C3: a value in a row without a member (the member's id A3 is empty)",
			vi: "test.xlsx:3: Bảng điểm!C3: có giá trị ở dòng không có đơn vị (ô mã đơn vị A3 để trống)"},
		{name: "an empty id beside a name", data: scores(map[string]any{"D1": "name", "B3": "Tự chấm", "C3": 19, "D3": "Sở Xây dựng"}), key: "xlsx.row.no_id",
			en: `test.xlsx:3: Bảng điểm!A3: the member's id is empty (the row of "Sở Xây dựng")`,
			vi: `test.xlsx:3: Bảng điểm!A3: mã đơn vị để trống (dòng của "Sở Xây dựng")`},
		{name: "a name without values", data: workbook(t, realMatrix()...), key: "xlsx.row.no_values", warning: true,
			en: `test.xlsx: Tổng hợp!B7: "Người lập biểu" has no values; the row is not read as a member`,
			vi: `test.xlsx: Tổng hợp!B7: "Người lập biểu" không có giá trị nào; dòng này không được đọc là một đơn vị`},
		{name: "a row of a per-member sheet naming nothing", data: workbook(t, memberSheets()...), key: "xlsx.row.unrecognised", warning: true,
			en: `test.xlsx: Sở Xây dựng!B17: the row "Tiêu chí bị đổi tên" names no criterion, item or fact of rulebook caobang-cum2; its values are not read`,
			vi: `test.xlsx: Sở Xây dựng!B17: dòng "Tiêu chí bị đổi tên" không ghi tiêu chí, khoản điểm thưởng, điểm trừ hay tiêu chuẩn nào của bộ tiêu chí caobang-cum2; các giá trị của dòng không được đọc`},
		{name: "a score that is not a number", data: scores(map[string]any{"C2": "abc"}), key: "fields.decimal",
			en: `test.xlsx:2: member SCT: 03: Bảng điểm!C2: expected a number like 9.75 or 9,75, found "abc"`,
			vi: `test.xlsx:2: đơn vị SCT: 03: Bảng điểm!C2: cần một số dạng 9,75 hoặc 9.75, nhận được "abc"`},
		{name: "an error value", data: scores(map[string]any{"C2": formula{"1/0", "#DIV/0!"}}), key: "xlsx.value.error",
			en: "test.xlsx:2: member SCT: 03: Bảng điểm!C2: the cell shows the error #DIV/0!; correct the formula",
			vi: "test.xlsx:2: đơn vị SCT: 03: Bảng điểm!C2: ô hiện lỗi #DIV/0!; hãy sửa công thức"},
		{name: "a fact of maybe", data: scores(map[string]any{"D1": "fact:khong_ky_luat", "D2": "maybe"}), key: "xlsx.value.yes_no",
			en: `test.xlsx:2: member SCT: khong_ky_luat: Bảng điểm!D2: expected có or không (true/false, 1/0), found "maybe"`,
			vi: `test.xlsx:2: đơn vị SCT: khong_ky_luat: Bảng điểm!D2: cần ghi có hoặc không (true/false, 1/0), nhận được "maybe"`},
		{name: "a target in words", data: scores(map[string]any{"D1": "target:07", "D2": "một trăm"}), key: "xlsx.target.value",
			en: `test.xlsx:2: member SCT: 07: Bảng điểm!D2: target: expected a number like 9.75 or 9,75, found "một trăm"`,
			vi: `test.xlsx:2: đơn vị SCT: 07: Bảng điểm!D2: chỉ tiêu: cần một số dạng 9,75 hoặc 9.75, nhận được "một trăm"`},
		{name: "a fractional bonus count", data: scores(map[string]any{"D1": "bonus:co_tinh", "D2": "1,5"}), key: "xlsx.bonus.count",
			en: `test.xlsx:2: member SCT: co_tinh: Bảng điểm!D2: bonus count: expected a whole number, found "1,5"`,
			vi: `test.xlsx:2: đơn vị SCT: co_tinh: Bảng điểm!D2: số lần cộng điểm thưởng: cần một số nguyên, nhận được "1,5"`},
		{name: "a deduction count in words", data: scores(map[string]any{"D1": "deduction:bao_cao_muon", "D2": "hai"}), key: "xlsx.deduction.count",
			en: `test.xlsx:2: member SCT: bao_cao_muon: Bảng điểm!D2: deduction count: expected a whole number, found "hai"`,
			vi: `test.xlsx:2: đơn vị SCT: bao_cao_muon: Bảng điểm!D2: số lần trừ điểm: cần một số nguyên, nhận được "hai"`},
		{name: "votes against in words", data: scores(map[string]any{"D1": "votes:against", "D2": "x"}), key: "xlsx.votes.against",
			en: `test.xlsx:2: member SCT: Bảng điểm!D2: votes against: expected a whole number, found "x"`,
			vi: `test.xlsx:2: đơn vị SCT: Bảng điểm!D2: số phiếu không tán thành: cần một số nguyên, nhận được "x"`},
		{name: "a note without a count", data: scores(map[string]any{"D1": "bonus:co_tinh", "E1": "note:co_tinh", "E2": "QĐ 12"}), key: "xlsx.note.no_count",
			en: "test.xlsx:2: member SCT: co_tinh: Bảng điểm!E2: a note for co_tinh but no count; write the number of occurrences next to it",
			vi: "test.xlsx:2: đơn vị SCT: co_tinh: Bảng điểm!E2: có ghi chú cho khoản co_tinh nhưng chưa ghi số lần; hãy ghi số lần ở cột bên cạnh"},
		{name: "a note on a per-member sheet", data: workbook(t, sheetSpec{name: "SCT", cells: map[string]any{
			"A1": "Mã", "B1": "Tự chấm", "C1": "Cụm chấm", "A2": "01", "B2": 1, "C2": 1, "A3": "03", "B3": 19, "C3": 18, "A4": "note:co_tinh", "C4": "QĐ 12",
		}}), key: "xlsx.note.member_sheet",
			en: "test.xlsx:4: member SCT: co_tinh: SCT!A4: notes of items are not read from a per-member sheet",
			vi: "test.xlsx:4: đơn vị SCT: co_tinh: SCT!A4: ghi chú của khoản điểm thưởng, điểm trừ không được đọc từ phiếu chấm từng đơn vị"},
		{name: "a past award without a year", data: scores(map[string]any{"D1": "Khen thưởng năm trước", "D2": "Cờ Chính phủ"}), key: "xlsx.history.no_year",
			en: "test.xlsx:2: member SCT: Bảng điểm!D2: a past award in a column without a year, and the sheet's year is not known; write the year in the header (history:2019) or the year on the details sheet",
			vi: "test.xlsx:2: đơn vị SCT: Bảng điểm!D2: khen thưởng năm trước ghi ở cột không có năm và chưa biết năm của bảng điểm; hãy ghi năm ở tiêu đề cột (history:2019) hoặc ghi năm ở trang thông tin chung"},

		// Formulas.
		{name: "a formula without its value", data: scores(map[string]any{"C2": formula{"VLOOKUP(A2, Data!A:B, 2)", ""}}), key: "xlsx.formula.no_value",
			en: "test.xlsx:2: member SCT: 03: Bảng điểm!C2: the formula has no saved value; open the file in Excel (or LibreOffice), let it calculate and save it",
			vi: "test.xlsx:2: đơn vị SCT: 03: Bảng điểm!C2: công thức chưa có giá trị được lưu; hãy mở tệp bằng Excel (hoặc LibreOffice) để tính lại rồi lưu tệp"},
		{name: "a formula recomputed", data: scores(map[string]any{"C2": formula{"18+1.5", ""}}), key: "xlsx.formula.recomputed", warning: true,
			en: "test.xlsx: Bảng điểm!C2: =18+1.5 has no saved value; read as 19.5, its value recomputed",
			vi: "test.xlsx: Bảng điểm!C2: =18+1.5 chưa có giá trị được lưu; đọc là 19,5, giá trị tính lại từ công thức"},
		{name: "a stale saved value", data: scores(map[string]any{"C2": formula{"18+1.5", "19.25"}}), key: "xlsx.formula.disagrees", warning: true,
			en: "test.xlsx: Bảng điểm!C2: the saved value 19.25 disagrees with =18+1.5, which gives 19.5; the saved value is read (recalculate the workbook in Excel and save it)",
			vi: "test.xlsx: Bảng điểm!C2: giá trị đã lưu 19,25 khác với kết quả của =18+1.5 là 19,5; đọc theo giá trị đã lưu (hãy tính lại tệp trong Excel rồi lưu)"},

		// The details.
		{name: "a year in words", data: workbook(t, append(memberSheets()[1:], sheetSpec{name: "Thông tin", cells: map[string]any{"A1": "Năm: hai nghìn"}})...), key: "xlsx.info.year",
			en: `test.xlsx:1: Thông tin!A1: the year: expected a year like 2020, found "hai nghìn"`,
			vi: `test.xlsx:1: Thông tin!A1: năm: cần ghi năm dạng 2020, nhận được "hai nghìn"`},
		{name: "members present in words", data: workbook(t, append(memberSheets()[1:], sheetSpec{name: "Thông tin", cells: map[string]any{"A1": "Số thành viên có mặt", "B1": "bảy"}})...), key: "xlsx.info.present",
			en: `test.xlsx:1: Thông tin!B1: present: expected a whole number, found "bảy"`,
			vi: `test.xlsx:1: Thông tin!B1: số thành viên có mặt: cần một số nguyên, nhận được "bảy"`},
		{name: "a workbook made for another rulebook", data: workbook(t, append(memberSheets()[1:], sheetSpec{name: "Thông tin", cells: map[string]any{"A1": "rulebook_hash", "B1": "sha256:0000"}})...), key: "xlsx.info.hash", warning: true,
			en: "test.xlsx: Thông tin!B1: the workbook was made for a rulebook with hash sha256:0000; it is read with caobang-cum2 version 2020.1 (" + rb.Hash() + ")",
			vi: "test.xlsx: Thông tin!B1: tệp Excel được lập theo bộ tiêu chí có mã băm sha256:0000; nay được đọc theo bộ tiêu chí caobang-cum2 phiên bản 2020.1 (" + rb.Hash() + ")"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := xlsx.Options{Limits: tc.limits}
			if tc.mapping != "" {
				m, err := xlsx.ParseMapping("mapping.yaml", []byte(tc.mapping))
				require.NoError(t, err)
				opts.Mapping = m
			}
			_, warnings, err := xlsx.Read("test.xlsx", bytes.NewReader(tc.data), rb, opts)
			checkTexts(t, err, warnings)
			var m lang.Message
			var en, vi string
			if tc.warning {
				i := slices.IndexFunc(warnings, func(w xlsx.Warning) bool { return w.Message.Key == tc.key })
				require.GreaterOrEqual(t, i, 0, "no warning %s in:\n%s", tc.key, messages(warnings))
				m, en, vi = warnings[i].Message, warnings[i].String(), warnings[i].Text(lang.Vietnamese)
				require.Equal(t, en, warnings[i].Text(lang.English))
			} else {
				es := inputErrors(t, err)
				i := slices.IndexFunc(es, func(e *scoring.InputError) bool { return e.Message.Key == tc.key })
				require.GreaterOrEqual(t, i, 0, "no problem %s in:\n%v", tc.key, err)
				m, en, vi = es[i].Message, es[i].Error(), es[i].Text(lang.Vietnamese)
				require.Equal(t, en, es[i].Text(lang.English))
			}
			require.Equal(t, tc.en, en)
			require.Equal(t, tc.vi, vi)
			var mark func(lang.Message)
			mark = func(m lang.Message) {
				seen[family(m.Key)] = true
				for _, p := range m.Parts {
					mark(p)
				}
			}
			mark(m)
		})
	}
	// at least one case of every family of the reader's problems and
	// warnings (xlsx.error is any other error, which the reader does not
	// meet)
	for _, k := range lang.Keys("xlsx.") {
		if k != "xlsx.error" && !seen[family(k)] {
			t.Errorf("no case of the family %s (%s)", family(k), k)
		}
	}
}

// TestCheckTexts: the problems of a workbook checked against its rulebook
// are written in Vietnamese too, those of the reader and those scoring
// finds, each after the cell it concerns.
func TestCheckTexts(t *testing.T) {
	rb := loadRulebook(t)
	path := filepath.Join(t.TempDir(), "scores.xlsx")
	require.NoError(t, os.WriteFile(path, workbook(t, sheetSpec{name: "Bảng điểm", cells: map[string]any{
		"A1": "member", "B1": "stage", "C1": "03", "D1": "04",
		"A2": "SCT", "B2": "Cụm chấm", "C2": 21, "D2": "chín",
	}}), 0o644))
	_, warnings, err := xlsx.Check(rb, path, xlsx.Options{})
	checkTexts(t, err, warnings)
	es := inputErrors(t, err)
	text := es.Text(lang.Vietnamese)
	require.Contains(t, text, path+`:2: đơn vị SCT: 04: Bảng điểm!D2: cần một số dạng 9,75 hoặc 9.75, nhận được "chín"`)
	require.Contains(t, text, path+`:2: đơn vị SCT: 03: Bảng điểm!C2: 21 điểm vượt điểm tối đa 20`)
	require.Equal(t, es.Error(), es.Text(lang.English))
}

// family is a key without its last part: "xlsx.limit" for
// "xlsx.limit.rows".
func family(key string) string {
	if i := strings.LastIndexByte(key, '.'); i > 0 {
		return key[:i]
	}
	return key
}

// dropPart returns a zip archive without one of its parts.
func dropPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		if f.Name == name {
			found = true
			continue
		}
		rc, err := f.Open()
		require.NoError(t, err)
		content, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(content)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.True(t, found, "no part %s", name)
	return out.Bytes()
}
