package audit_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// leftover matches a placeholder or a missing key left in a written text.
var leftover = regexp.MustCompile(`\{(p?\d+(:[a-z]+)?|parts|list)\}|‹`)

// checkParseErrors checks every problem of a recorded-result parser's
// error: Text(lang.English) is Error() (for the list and each problem),
// Msg is the message in English, the message writes out completely, and the
// Vietnamese differs from the English wherever the message's words do. It
// returns the problems.
func checkParseErrors(t testing.TB, err error) audit.ParseErrors {
	t.Helper()
	var es audit.ParseErrors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error %T (%v) is not audit.ParseErrors", err, err)
	}
	if got := es.Text(lang.English); got != es.Error() {
		t.Fatalf("Text(English) of the list:\n%s\nError():\n%s", got, es.Error())
	}
	for _, e := range es {
		if got := e.Text(lang.English); got != e.Error() {
			t.Fatalf("Text(English) = %q, Error() = %q", got, e.Error())
		}
		if e.Message.IsZero() {
			t.Fatalf("%q has no message", e.Error())
		}
		if err := e.Message.Check(); err != nil {
			t.Fatalf("%q: %v", e.Error(), err)
		}
		if got := e.Message.In(lang.English); got != e.Msg {
			t.Fatalf("message in English %q, Msg %q", got, e.Msg)
		}
		vi := e.Text(lang.Vietnamese)
		for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
			if s := blank(e.Message).In(tag); leftover.MatchString(s) {
				t.Fatalf("left unfilled: %q", s)
			}
		}
		if e.Message.In(lang.Vietnamese) != e.Message.In(lang.English) && vi == e.Error() {
			t.Fatalf("the Vietnamese is the English: %q", vi)
		}
	}
	return es
}

// markKeys records the keys of a message and its parts.
func markKeys(seen map[string]bool, m lang.Message) {
	seen[m.Key] = true
	for _, p := range m.Parts {
		markKeys(seen, p)
	}
}

// TestParseErrorTexts writes a problem of every kind the recorded-result
// parsers report, in Vietnamese, exactly; and checks that every
// "recorded." key of the catalogue has a case here.
func TestParseErrorTexts(t *testing.T) {
	const h = "record,member,key,value,note\n"
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, make([]byte, audit.MaxBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "r.xlsx")
	writeFile(t, xlsx, "x")
	csvText := func(text string) func() error {
		return func() error { _, err := audit.ReadCSV("r.csv", strings.NewReader(text)); return err }
	}
	jsonText := func(text string) func() error {
		return func() error { _, err := audit.ParseJSON("r.json", []byte(text)); return err }
	}
	cases := []struct {
		name string
		run  func() error
		vi   string // the first problem in Vietnamese
		en   string // the same in English, for a few cases
	}{
		// The file as a whole.
		{"a file too large", csvText(strings.Repeat("x", audit.MaxBytes+1)),
			"r.csv: dung lượng tệp vượt quá 8388608 byte", "r.csv: file is larger than 8388608 bytes"},
		{"a file too large, loaded", func() error { _, err := audit.Load(big); return err },
			big + ": dung lượng tệp vượt quá 8388608 byte", big + ": file is larger than 8388608 bytes"},
		{"another format", func() error { _, err := audit.Load(xlsx); return err },
			xlsx + `: định dạng tệp kết quả ".xlsx" không được hỗ trợ (chỉ dùng .csv, .json, .yaml hoặc .yml)`,
			xlsx + `: unknown recorded-result format ".xlsx" (expected .csv, .json, .yaml or .yml)`},
		{"an empty file", csvText(""),
			"r.csv:1: tệp rỗng: cần có dòng tiêu đề (record, member, key, value, note)", ""},

		// The header.
		{"an unknown column", csvText("record,member,score\n"),
			`r.csv:1: tên cột "score" không hợp lệ (các cột: record, member, key, value, note)`, ""},
		{"a column twice", csvText("record,member,Record\n"), `r.csv:1: cột "record" xuất hiện hai lần`, ""},
		{"no record column", csvText("member,key,value\n"),
			"r.csv:1: dòng tiêu đề phải có cột record (các cột: record, member, key, value, note)", ""},
		{"a stray quote", csvText(h + "total,SCT,,9\"0\n"), `r.csv:2: dấu " nằm trong ô không đặt trong ngoặc kép`,
			`r.csv:2: bare " in non-quoted-field`},
		{"a quote inside a quoted value", csvText(h + "total,SCT,,\"9\"0\"\n"), `r.csv:2: thừa hoặc thiếu dấu " trong ô đặt trong ngoặc kép`, ""},

		// Rows.
		{"a row without its value", csvText(h + "total,SCT,,\n"), "r.csv:2: đơn vị SCT: dòng total thiếu giá trị ở cột value",
			"r.csv:2: member SCT: a total row needs a value"},
		{"an award row without its tier", csvText(h + "award,SCT,,Cờ\n"), "r.csv:2: đơn vị SCT: dòng award thiếu giá trị ở cột key",
			"r.csv:2: member SCT: an award row needs a key"},
		{"an empty record column", csvText(h + ",SCT,,90\n"), "r.csv:2: đơn vị SCT: cột record để trống", ""},
		{"an unknown record", csvText(h + "points,SCT,,9\n"),
			`r.csv:2: đơn vị SCT: loại dòng "points" không hợp lệ (chỉ dùng cluster, member, rank, total, percent, subtotal, bonus, deductions, award, votes, ballot hoặc tiebreak)`, ""},
		{"a member id with a tab", csvText(h + "rank,\"S\tC\",,1\n"), `r.csv:2: mã đơn vị "S\tC" có dấu xuống dòng hoặc dấu tab, hoặc quá dài`, ""},
		{"a member row's key", csvText(h + "member,SCT,title,Sở\n"),
			`r.csv:2: đơn vị SCT: title: dòng member có key là name (hoặc để trống), nhận được "title"`, ""},
		{"a member named twice", csvText(h + "member,SCT,name,Sở Công Thương\nmember,SCT,name,Sở Xây dựng\n"),
			`r.csv:3: đơn vị SCT: được ghi hai tên khác nhau ("Sở Công Thương", sau đó "Sở Xây dựng")`,
			`r.csv:3: member SCT: member named twice ("Sở Công Thương", then "Sở Xây dựng")`},
		{"a rank that is not a number", csvText(h + "rank,SCT,,first\n"),
			`r.csv:2: đơn vị SCT: hạng: cần một số nguyên từ 1 trở lên, nhận được "first"`,
			`r.csv:2: member SCT: rank: expected a whole number from 1, found "first"`},
		{"a rank twice", csvText(h + "rank,SCT,,1\nrank,SCT,,2\n"), "r.csv:3: đơn vị SCT: hạng được ghi lần thứ hai (lần thứ nhất ở dòng 2)",
			"r.csv:3: member SCT: a second rank (the first is on line 2)"},
		{"a total that is not a number", csvText(h + "total,SCT,,\"1.234,5\"\n"),
			`r.csv:2: đơn vị SCT: tổng điểm: cần một số dạng 9,75 hoặc 9.75, nhận được "1.234,5"`,
			`r.csv:2: member SCT: total: expected a number like 9.75 or 9,75, found "1.234,5"`},
		{"a total twice", csvText(h + "total,SCT,,90\n\ntotal,SCT,,91\n"), "r.csv:4: đơn vị SCT: tổng điểm được ghi lần thứ hai (lần thứ nhất ở dòng 2)", ""},
		{"a percent twice", csvText(h + "percent,SCT,,90\npercent,SCT,,91\n"), "r.csv:3: đơn vị SCT: tỷ lệ điểm được ghi lần thứ hai (lần thứ nhất ở dòng 2)", ""},
		{"a bonus twice", csvText(h + "bonus,SCT,,1\nbonus,SCT,,2\n"), "r.csv:3: đơn vị SCT: điểm thưởng được ghi lần thứ hai (lần thứ nhất ở dòng 2)", ""},
		{"deductions twice", csvText(h + "deductions,SCT,,1\ndeduction,SCT,,2\n"), "r.csv:3: đơn vị SCT: điểm trừ được ghi lần thứ hai (lần thứ nhất ở dòng 2)",
			"r.csv:3: member SCT: a second deduction (the first is on line 2)"},
		{"a deduction that is not a number", csvText(h + "deductions,SCT,,x\n"), `r.csv:2: đơn vị SCT: điểm trừ: cần một số dạng 9,75 hoặc 9.75, nhận được "x"`,
			`r.csv:2: member SCT: deductions: expected a number like 9.75 or 9,75, found "x"`},
		{"a subtotal that is not a number", csvText(h + "subtotal,SCT,I,x\n"),
			`r.csv:2: đơn vị SCT: I: điểm nhóm tiêu chí: cần một số dạng 9,75 hoặc 9.75, nhận được "x"`, ""},
		{"a subtotal twice", csvText(h + "subtotal,SCT,I,9\nsubtotal,SCT,I,9\n"),
			"r.csv:3: đơn vị SCT: I: điểm nhóm tiêu chí được ghi lần thứ hai (lần thứ nhất ở dòng 2)",
			"r.csv:3: member SCT: I: a second subtotal (the first is on line 2)"},
		{"an award twice", csvText(h + "award,SCT,flag\naward,SCT,flag\n"),
			"r.csv:3: đơn vị SCT: flag: hình thức khen thưởng được ghi hai lần (lần thứ nhất ở dòng 2)", ""},
		{"a grade twice", csvText(h + "grade,SCT,,tot\ngrade,SCT,,xuat_sac\n"),
			"r.csv:3: đơn vị SCT: mức xếp loại được ghi hai lần (lần thứ nhất ở dòng 2)",
			"r.csv:3: member SCT: grade given twice (the first is on line 2)"},
		{"a grade with a key", csvText(h + "grade,SCT,band,tot\n"),
			`r.csv:2: đơn vị SCT: band: dòng grade ghi mức xếp loại ở cột value và để trống cột key, nhận được key "band"`,
			`r.csv:2: member SCT: band: grade rows give the band in the value column and leave key empty, found key "band"`},
		{"votes that are not a count", csvText(h + "votes,SCT,for,7.5\n"), `r.csv:2: đơn vị SCT: for: số phiếu: cần một số nguyên, nhận được "7.5"`,
			`r.csv:2: member SCT: for: votes: expected a whole number, found "7.5"`},
		{"votes for twice", csvText(h + "votes,SCT,,7\nvotes,SCT,for,7\n"), "r.csv:3: đơn vị SCT: số phiếu tán thành được ghi lần thứ hai (lần thứ nhất ở dòng 2)", ""},
		{"votes against twice", csvText(h + "votes,SCT,against,1\nvotes,SCT,against,1\n"), "r.csv:3: đơn vị SCT: số phiếu không tán thành được ghi lần thứ hai (lần thứ nhất ở dòng 2)",
			"r.csv:3: member SCT: a second votes against (the first is on line 2)"},
		{"abstentions twice", csvText(h + "votes,SCT,abstain,1\nvotes,SCT,abstain,1\n"), "r.csv:3: đơn vị SCT: số phiếu không biểu quyết được ghi lần thứ hai (lần thứ nhất ở dòng 2)", ""},
		{"a votes row's key", csvText(h + "votes,SCT,yes,7\n"), `r.csv:2: đơn vị SCT: yes: dòng votes có key là for, against hoặc abstain, nhận được "yes"`, ""},
		{"a ballot that is not a count", csvText(h + "ballot,,present,-1\n"), `r.csv:2: present: bỏ phiếu: cần một số nguyên, nhận được "-1"`, ""},
		{"a ballot row's key", csvText(h + "ballot,,absent,2\n"), `r.csv:2: absent: dòng ballot có key là entitled hoặc present, nhận được "absent"`, ""},
		{"a member above itself", csvText(h + "tiebreak,SXD,group I,SXD\n"),
			`r.csv:2: đơn vị SXD: group I: căn cứ phân định bằng điểm phải xếp một đơn vị trên một đơn vị khác, nhưng "SXD" được xếp trên chính nó`,
			`r.csv:2: member SXD: group I: a tie-break places a member above another, found "SXD" above itself`},
		{"a year that is not a year", csvText(h + "cluster,,year,twenty\n"), `r.csv:2: year: cần ghi năm dạng 2020, nhận được "twenty"`, ""},
		{"a cluster fact twice", csvText(h + "cluster,,year,2020\ncluster,,year,2021\n"),
			"r.csv:3: year: thông tin cluster year được ghi hai lần (lần thứ nhất ở dòng 2)", ""},
		{"a cluster row's key", csvText(h + "cluster,,province,Cao Bằng\n"),
			`r.csv:2: province: dòng cluster có key là name, year, rulebook, version hoặc date, nhận được "province"`, ""},

		// JSON and YAML.
		{"not JSON", jsonText("{\"members\": [\n"), "r.json:1: lỗi cú pháp JSON: unexpected end of JSON input (tài liệu bắt đầu bằng { nên được đọc theo JSON)", ""},
		{"an unknown key", jsonText("members: []\ntotals: 3\n"),
			`r.json:2: totals: khóa không hợp lệ "totals" (các khóa hợp lệ: ballot, cluster, date, members, rulebook, schema, tie_breaks, version, year)`, ""},
		{"another schema", jsonText(`{"schema": "thidua/standings/v1", "members": []}`),
			`r.json:1: schema: schema "thidua/standings/v1" không hợp lệ (cần thidua/recorded/v1)`,
			`r.json:1: schema: unknown schema "thidua/standings/v1" (expected thidua/recorded/v1)`},
		{"a year out of range", jsonText("{\"year\": 12,\n\"members\": []}"), "r.json:1: year: cần ghi năm dạng 2020, nhận được 12",
			"r.json:1: year: expected a year like 2020, found 12"},
		{"negative ballot counts", jsonText("{\"members\": [],\n\"ballot\": {\"entitled\": -1}}"),
			"r.json:2: ballot: số thành viên có quyền bỏ phiếu và số thành viên có mặt không được âm", ""},
		{"a member without an id", jsonText("{\"members\": [\n{\"name\": \"Sở Công Thương\"}]}"), "r.json:2: members[0]: đơn vị chưa có mã", ""},
		{"a member twice", jsonText("{\"members\": [\n{\"id\": \"SCT\"},\n{\"id\": \"SCT\"}]}"),
			"r.json:3: đơn vị SCT: members[1].id: được liệt kê hai lần (lần thứ nhất ở dòng 2)",
			"r.json:3: member SCT: members[1].id: member listed twice (the first is on line 2)"},
		{"negative votes", jsonText("{\"members\": [\n{\"id\": \"SCT\", \"votes\": {\"for\": -1}}]}"),
			"r.json:2: đơn vị SCT: members[0].votes.for: không được âm, nhận được -1", ""},
		{"a rank of 0", jsonText("{\"members\": [\n{\"id\": \"SCT\", \"rank\": 0}]}"),
			"r.json:2: đơn vị SCT: members[0].rank: hạng bắt đầu từ 1, nhận được 0", ""},
		{"an award twice in JSON", jsonText("{\"members\": [\n{\"id\": \"SCT\", \"awards\": [\"flag\",\n\"flag\"]}]}"),
			`r.json:3: đơn vị SCT: members[0].awards[1]: hình thức khen thưởng "flag" được ghi hai lần`, ""},
		{"an incomplete tie-break", jsonText("{\"members\": [],\n\"tie_breaks\": [\n{\"upper\": \"SCT\"}]}"),
			"r.json:3: tie_breaks[0]: căn cứ phân định bằng điểm phải ghi đủ upper, lower và rule", ""},
		{"a member above itself in JSON", jsonText("{\"members\": [],\n\"tie_breaks\": [\n{\"upper\": \"SCT\", \"lower\": \"SCT\", \"rule\": \"lots\"}]}"),
			`r.json:3: đơn vị SCT: tie_breaks[0]: căn cứ phân định bằng điểm phải xếp một đơn vị trên một đơn vị khác, nhưng "SCT" được xếp trên chính nó`, ""},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := checkParseErrors(t, c.run())
			for _, e := range es {
				markKeys(seen, e.Message)
			}
			if got := es[0].Text(lang.Vietnamese); got != c.vi {
				t.Errorf("Vietnamese:\n got %s\nwant %s", got, c.vi)
			}
			if c.en != "" && es[0].Error() != c.en {
				t.Errorf("English:\n got %s\nwant %s", es[0].Error(), c.en)
			}
		})
	}
	for _, k := range lang.Keys("recorded.") {
		if !seen[k] {
			t.Errorf("key %q has no case in the table", k)
		}
	}
}

// TestRecordedKeysAreWritten writes every "recorded." key with made-up
// values: nothing is left unfilled, and the Vietnamese differs from the
// English unless the text is only values.
func TestRecordedKeysAreWritten(t *testing.T) {
	keys := lang.Keys("recorded.")
	if len(keys) == 0 {
		t.Fatal("no recorded. keys")
	}
	for _, k := range keys {
		m := filled(t, k)
		vi, en := m.In(lang.Vietnamese), m.In(lang.English)
		if leftover.MatchString(vi) || leftover.MatchString(en) {
			t.Errorf("%s: left unfilled: %q / %q", k, vi, en)
		}
		if vi == en && !onlyValues(m) {
			t.Errorf("%s: the Vietnamese is the English: %q", k, vi)
		}
	}
}

// filled is the message of key with as many values and parts as its texts
// need ("V0.5", …; each part the label "total").
func filled(t *testing.T, key string) lang.Message {
	t.Helper()
	m := lang.Msg(key)
	for range 20 {
		err := m.Check()
		var ce *lang.CheckError
		if err == nil {
			return m
		}
		if !errors.As(err, &ce) || !strings.HasPrefix(ce.Problem, "no value for {") {
			t.Fatalf("%s: %v", key, err)
		}
		if strings.HasPrefix(ce.Problem, "no value for {p") {
			m = m.With(lang.Msg("recorded.what.total"))
		} else {
			m.Args = append(m.Args, "V"+strconv.Itoa(len(m.Args))+".5")
		}
	}
	t.Fatalf("%s: cannot be filled", key)
	return m
}

// onlyValues reports whether a message's text, in both languages, is made
// of its values alone (as "recorded.csv.value" is: "{p0}: {p1}").
func onlyValues(m lang.Message) bool {
	words := func(t lang.Tag) string {
		s := m.In(t)
		for _, a := range m.Args {
			s = strings.ReplaceAll(s, t.Number(a), "")
		}
		for _, p := range m.Parts {
			s = strings.ReplaceAll(s, p.In(t), "")
		}
		return s
	}
	return words(lang.Vietnamese) == words(lang.English)
}

// blank is m with every value replaced by "x", so that a check of the
// written text for leftovers is not misled by values that hold braces.
func blank(m lang.Message) lang.Message {
	out := lang.Message{Key: m.Key}
	for range m.Args {
		out.Args = append(out.Args, "x")
	}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, blank(p))
	}
	return out
}
