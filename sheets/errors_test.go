package sheets_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// TestErrorTexts writes the readers' problems of every kind in both
// languages, whole lines as Text writes them: the file's own words (record
// kinds, columns, keys) and quoted input stay as they are.
func TestErrorTexts(t *testing.T) {
	tests := []struct {
		name   string
		file   string // cum.csv, or cum.json for ParseJSON
		text   string
		key    string
		en, vi string
	}{
		{"an empty file", "cum.csv", "", "csv.empty",
			"cum.csv:1: empty file: expected a header row (record, member, key, value, stage, assessor, note)",
			"cum.csv:1: tệp rỗng: cần có dòng tiêu đề (record, member, key, value, stage, assessor, note)"},
		{"a bare quote", "cum.csv", header + "member,S\"CT,name,x\n", "csv.bare_quote",
			`cum.csv:2: bare " in non-quoted-field`,
			`cum.csv:2: dấu " nằm trong ô không đặt trong ngoặc kép`},
		{"an unterminated quote", "cum.csv", header + "member,SCT,name,\"Sở Công Thương\n", "csv.quote",
			`cum.csv:2: extraneous or missing " in quoted-field`,
			`cum.csv:2: thừa hoặc thiếu dấu " trong ô đặt trong ngoặc kép`},
		{"a control character in an id", "cum.csv", header + "score,SCT,\"1\t1\",9,cluster\n", "csv.control",
			`cum.csv:2: member SCT: the key "1\t1" holds a line break, tab or other control character; ids and keys must be plain text on one line`,
			`cum.csv:2: đơn vị SCT: giá trị "1\t1" ở cột key có dấu xuống dòng, dấu tab hoặc ký tự điều khiển khác; mã và khóa phải là văn bản thường trên một dòng`},
		{"an unknown column", "cum.csv", "record,member,kee,value\n", "csv.column.unknown",
			`cum.csv:1: unknown column "kee" (expected record, member, key, value, stage, assessor, note)`,
			`cum.csv:1: tên cột "kee" không hợp lệ (các cột: record, member, key, value, stage, assessor, note)`},
		{"a row that needs a column", "cum.csv", header + "score,SCT,1.1,9\n", "csv.row.needs",
			"cum.csv:2: member SCT: 1.1: a score row needs a stage",
			"cum.csv:2: đơn vị SCT: 1.1: dòng score thiếu giá trị ở cột stage"},
		{"an unquoted decimal comma", "cum.csv", header + "score,SCT,1.1,9,75,cluster,SXD,note\n", "csv.row.too_wide.comma",
			`cum.csv:2: member SCT: 1.1: row has 8 cells but the header has 7 columns; write a decimal comma inside quotes ("9,75") or separate the file with semicolons`,
			`cum.csv:2: đơn vị SCT: 1.1: dòng có 8 ô nhưng dòng tiêu đề có 7 cột; hãy đặt số có dấu phẩy thập phân trong ngoặc kép ("9,75") hoặc dùng dấu chấm phẩy để phân cách các cột`},
		{"an unknown record", "cum.csv", header + "scor,SCT,1.1,9,cluster\n", "csv.record.unknown",
			`cum.csv:2: member SCT: 1.1: unknown record "scor" (expected cluster, member, score, target, not_assigned, bonus, deduction, fact, ballot, votes, history, lots or match)`,
			`cum.csv:2: đơn vị SCT: 1.1: loại dòng "scor" không hợp lệ (chỉ dùng cluster, member, score, target, not_assigned, bonus, deduction, fact, ballot, votes, history, lots hoặc match)`},
		{"a cluster row with an unknown key", "cum.csv", header + "cluster,,ten,Cụm II\n", "csv.cluster.key",
			`cum.csv:2: ten: cluster rows have key name or year, found "ten"`,
			`cum.csv:2: ten: dòng cluster có key là name hoặc year, nhận được "ten"`},
		{"a cluster name given twice", "cum.csv", header + "cluster,,name,Cụm II\ncluster,,name,Cụm III\n", "csv.cluster.name.twice",
			"cum.csv:3: cluster name given twice (also on line 2)",
			"cum.csv:3: tên cụm được ghi hai lần (đã có ở dòng 2)"},
		{"a cluster year given twice", "cum.csv", header + "cluster,,year,2020\ncluster,,year,2021\n", "csv.cluster.year.twice",
			"cum.csv:3: cluster year given twice (also on line 2)",
			"cum.csv:3: năm thi đua được ghi hai lần (đã có ở dòng 2)"},
		{"a cluster year that is not a year", "cum.csv", header + "cluster,,year,năm 2020\n", "csv.cluster.year",
			`cum.csv:2: cluster year: expected a year like 2020, found "năm 2020"`,
			`cum.csv:2: năm thi đua: cần ghi năm dạng 2020, nhận được "năm 2020"`},
		{"a member row with an unknown key", "cum.csv", header + "member,SCT,ten,Sở Công Thương\n", "csv.member.key",
			`cum.csv:2: member SCT: ten: member rows have key name (or none), found "ten"`,
			`cum.csv:2: đơn vị SCT: ten: dòng member có key là name (hoặc để trống), nhận được "ten"`},
		{"a score without a value", "cum.csv", header + "score,SCT,1.1,,cluster\n", "csv.score.no_value",
			"cum.csv:2: member SCT: 1.1: a score row needs a value (a number, or na for not assigned)",
			"cum.csv:2: đơn vị SCT: 1.1: dòng score phải có giá trị (một số, hoặc na nếu tiêu chí không được giao)"},
		{"a score that is not a number", "cum.csv", header + "score,SCT,1.1,\"1.234,5\",cluster\n", "fields.decimal",
			`cum.csv:2: member SCT: 1.1: expected a number like 9.75 or 9,75, found "1.234,5"`,
			`cum.csv:2: đơn vị SCT: 1.1: cần một số dạng 9,75 hoặc 9.75, nhận được "1.234,5"`},
		{"a score with too many digits", "cum.csv", header + "score,SCT,1.1," + strings.Repeat("1", 41) + ",cluster\n", "fields.decimal.digits",
			`cum.csv:2: member SCT: 1.1: expected a number like 9.75 or 9,75, found "` + strings.Repeat("1", 41) + `" (more than 40 significant digits)`,
			`cum.csv:2: đơn vị SCT: 1.1: cần một số dạng 9,75 hoặc 9.75, nhận được "` + strings.Repeat("1", 41) + `" (quá 40 chữ số có nghĩa)`},
		{"a target that is not a number", "cum.csv", header + "target,SCT,2.1,120%\n", "csv.target.value",
			`cum.csv:2: member SCT: 2.1: target: expected a number like 9.75 or 9,75, found "120%"`,
			`cum.csv:2: đơn vị SCT: 2.1: chỉ tiêu: cần một số dạng 9,75 hoặc 9.75, nhận được "120%"`},
		{"a fractional bonus count", "cum.csv", header + "bonus,SCT,co_tinh,1.5\n", "csv.bonus.count",
			`cum.csv:2: member SCT: co_tinh: bonus count: expected a whole number, found "1.5"`,
			`cum.csv:2: đơn vị SCT: co_tinh: số lần cộng điểm thưởng: cần một số nguyên, nhận được "1.5"`},
		{"a negative deduction count", "cum.csv", header + "deduction,SXD,bao_cao,-1\n", "csv.deduction.count",
			`cum.csv:2: member SXD: bao_cao: deduction count: expected a whole number, found "-1"`,
			`cum.csv:2: đơn vị SXD: bao_cao: số lần trừ điểm: cần một số nguyên, nhận được "-1"`},
		{"a fact of maybe", "cum.csv", header + "fact,SCT,no_discipline,maybe\n", "fields.yes_no",
			`cum.csv:2: member SCT: no_discipline: expected true or false (yes/no, có/không, 1/0), found "maybe"`,
			`cum.csv:2: đơn vị SCT: no_discipline: cần ghi true hoặc false (yes/no, có/không, 1/0), nhận được "maybe"`},
		{"a ballot count in words", "cum.csv", header + "ballot,,entitled,bảy\n", "csv.ballot.count",
			`cum.csv:2: entitled: ballot: expected a whole number, found "bảy"`,
			`cum.csv:2: entitled: bỏ phiếu: cần một số nguyên, nhận được "bảy"`},
		{"a ballot count given twice", "cum.csv", header + "ballot,,entitled,7\nballot,,entitled,8\n", "csv.ballot.twice",
			"cum.csv:3: entitled: ballot entitled given twice (also on line 2)",
			"cum.csv:3: entitled: bỏ phiếu: entitled được ghi hai lần (đã có ở dòng 2)"},
		{"votes with an unknown key", "cum.csv", header + "votes,SCT,yes,6\n", "csv.votes.key",
			`cum.csv:2: member SCT: yes: votes rows have key for, against or abstain, found "yes"`,
			`cum.csv:2: đơn vị SCT: yes: dòng votes có key là for, against hoặc abstain, nhận được "yes"`},
		{"votes given twice", "cum.csv", header + "votes,SCT,for,5\nvotes,SCT,,6\n", "csv.votes.twice",
			"cum.csv:3: member SCT: for: votes for given twice (also on line 2)",
			"cum.csv:3: đơn vị SCT: for: số phiếu for được ghi hai lần (đã có ở dòng 2)"},
		{"a history row without a year", "cum.csv", header + "history,SCT,2019a,merit\n", "csv.history.year",
			`cum.csv:2: member SCT: 2019a: history rows have the year as key, found "2019a" (expected a year from 1900 to 9999)`,
			`cum.csv:2: đơn vị SCT: 2019a: dòng history phải có key là năm (từ 1900 đến 9999), nhận được "2019a"`},
		{"a lots position in words", "cum.csv", header + "lots,SCT,,first\n", "csv.lots.position",
			`cum.csv:2: member SCT: lots: expected the position drawn (1 for the first), found "first"`,
			`cum.csv:2: đơn vị SCT: bốc thăm: cần ghi thứ tự bốc thăm (1 là thứ nhất), nhận được "first"`},
		{"lots with a gap", "cum.csv", header + "lots,SCT,,1\nlots,SXD,,3\n", "csv.lots.sequence",
			"cum.csv:3: member SXD: lots: positions must run 1, 2, 3 … without gaps or repeats; found 3 where 2 was expected",
			"cum.csv:3: đơn vị SXD: bốc thăm: thứ tự phải liên tục 1, 2, 3 … không bỏ sót, không trùng; ghi 3 trong khi cần 2"},
		{"a match score in words", "cum.csv", header + "match,SCT,SXD,three\n", "csv.match.score",
			`cum.csv:2: member SCT: SXD: a match row needs the member's score in the value column (a whole number, not negative)`,
			`cum.csv:2: đơn vị SCT: SXD: dòng match cần tỉ số của đơn vị ở cột value (số nguyên không âm)`},
		{"a match row without the other side", "cum.csv", header + "match,SCT,SXD,3\n", "csv.match.half",
			`cum.csv:2: member SCT: SXD: a match row gives SCT's score against SXD, but no row gives SXD's score against SCT`,
			`cum.csv:2: đơn vị SCT: SXD: dòng match ghi tỉ số của SCT với SXD, nhưng thiếu dòng ghi tỉ số của SXD với SCT`},
		{"a side of a match given twice", "cum.csv", header + "match,SCT,SXD,3\nmatch,SXD,SCT,1\nmatch,SCT,SXD,2\n", "csv.match.twice",
			`cum.csv:4: member SCT: SXD: the member's score against "SXD" is given twice (line 2)`,
			`cum.csv:4: đơn vị SCT: SXD: tỉ số của đơn vị này với "SXD" được ghi hai lần (dòng 2)`},
		{"a year out of range in JSON", "cum.json", "{\"history\": [\n {\"member\": \"SCT\", \"year\": 20190, \"award\": \"merit\"}\n]}", "sheet.year",
			"cum.json:2: history[0].year: expected a year from 1900 to 9999, found 20190",
			"cum.json:2: history[0].year: năm phải từ 1900 đến 9999, nhận được 20190"},
		{"a JSON value that is not a number", "cum.json", `{"scores": [{"member": "SCT", "criterion": "1.1", "stage": "cluster", "value": "1.234,5"}]}`, "fields.decimal",
			`cum.json:1: scores[0].value: expected a number like 9.75 or 9,75, found "1.234,5"`,
			`cum.json:1: scores[0].value: cần một số dạng 9,75 hoặc 9.75, nhận được "1.234,5"`},
		{"a JSON number beyond the hundredth decimal place", "cum.json", `{"targets": [{"member": "SCT", "criterion": "2.1", "value": 1e-101}]}`, "fields.decimal.places",
			`cum.json:1: targets[0].value: expected a number like 9.75 or 9,75, found "1e-101" (digits more than 100 places from the decimal point)`,
			`cum.json:1: targets[0].value: cần một số dạng 9,75 hoặc 9.75, nhận được "1e-101" (có chữ số cách dấu thập phân quá 100 vị trí)`},
		{"a JSON file that is too large", "cum.json", strings.Repeat(" ", sheets.MaxBytes+1), "sheet.too_large",
			"cum.json: file is larger than 33554432 bytes",
			"cum.json: tệp lớn hơn 33554432 byte"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if strings.HasSuffix(tc.file, ".json") {
				_, err = sheets.ParseJSON(tc.file, []byte(tc.text))
			} else {
				_, err = sheets.ReadCSV(tc.file, strings.NewReader(tc.text))
			}
			es := inputErrors(t, err)
			i := slices.IndexFunc(es, func(e *scoring.InputError) bool { return e.Message.Key == tc.key })
			require.GreaterOrEqual(t, i, 0, "no problem %s in:\n%v", tc.key, err)
			require.Equal(t, tc.en, es[i].Error())
			require.Equal(t, tc.en, es[i].Text(lang.English))
			require.Equal(t, tc.vi, es[i].Text(lang.Vietnamese))
			seen[family(tc.key)] = true
			for _, p := range es[i].Message.Parts {
				seen[family(p.Key)] = true
			}
		})
	}
	// at least one case of every family of the readers' problems (csv.error
	// is any other error of encoding/csv, which ReadCSV cannot meet)
	for _, k := range slices.Concat(lang.Keys("csv."), lang.Keys("sheet."), lang.Keys("fields.")) {
		if k != "csv.error" && !seen[family(k)] {
			t.Errorf("no case of the family %s (%s)", family(k), k)
		}
	}
}

// TestCheckErrorTexts: the problems of a file checked against a rulebook
// are written in Vietnamese too, from the reader and from the sheet check.
func TestCheckErrorTexts(t *testing.T) {
	rb, err := rules.Load(filepath.Join(examples, "rulebook.yaml"))
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(p, []byte(header+"member,SCT,name,Sở Công Thương\nscore,SCT,03,abc,cluster\nbonus,SCT,co_la,1\n"), 0o644))
	_, err = sheets.Check(rb, p)
	es := inputErrors(t, err)
	text := es.Text(lang.Vietnamese)
	require.Contains(t, text, p+`:3: đơn vị SCT: 03: cần một số dạng 9,75 hoặc 9.75, nhận được "abc"`)
	require.Contains(t, text, p+`:4: đơn vị SCT: co_la: không có khoản điểm thưởng "co_la" trong bộ tiêu chí`)
	require.Equal(t, es.Error(), es.Text(lang.English))
}

// family is a key without its last part: "csv.row" for "csv.row.needs".
func family(key string) string {
	if i := strings.LastIndexByte(key, '.'); i > 0 {
		return key[:i]
	}
	return key
}
