package audit_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/sheets"
)

// parseErrors asserts that err is audit.ParseErrors, every problem of
// which can be written in both languages (checkParseErrors), and returns
// it.
func parseErrors(t *testing.T, err error) audit.ParseErrors {
	t.Helper()
	return checkParseErrors(t, err)
}

func TestReadCSVVariants(t *testing.T) {
	base := readFile(t, example("recorded-2020.csv"))
	want, err := audit.ReadCSV("recorded.csv", strings.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	semicolons := withSemicolons(t, base)
	cases := []struct {
		name, text string
	}{
		{"with a byte-order mark", "\xef\xbb\xbf" + base},
		{"semicolon-separated, as Excel writes where the decimal separator is a comma", semicolons},
		{"with Windows line ends", strings.ReplaceAll(base, "\n", "\r\n")},
		{"with decimal points instead of commas", strings.NewReplacer(`"96,35"`, "96.35", `"19,5"`, "19.5").Replace(base)},
		{"with the rows in another order", reorder(base)},
		{"with letters in decomposed form (NFD)", strings.ReplaceAll(base, "Sở Công Thương", "So\u031b\u0309 Co\u0302ng Thu\u031bo\u031bng")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := audit.ReadCSV("recorded.csv", strings.NewReader(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if got.Hash() != want.Hash() {
				t.Errorf("hash %s, want %s", got.Hash(), want.Hash())
			}
		})
	}
}

// withSemicolons rewrites a CSV text with semicolons between fields.
func withSemicolons(t *testing.T, text string) string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = ';'
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// reorder moves the header's following rows around, keeping the header.
func reorder(text string) string {
	lines := strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n")
	head, rest := lines[0], lines[1:]
	for i, j := 0, len(rest)-1; i < j; i, j = i+1, j-1 {
		rest[i], rest[j] = rest[j], rest[i]
	}
	if !strings.HasSuffix(rest[len(rest)-1], "\n") {
		rest[len(rest)-1] += "\n"
	}
	for i := range rest {
		if !strings.HasSuffix(rest[i], "\n") {
			rest[i] += "\n"
		}
	}
	return head + strings.Join(rest, "")
}

func TestReadCSVErrors(t *testing.T) {
	const h = "record,member,key,value,note\n"
	cases := []struct {
		name, text string
		line       int
		member     string
		msg        string
	}{
		{"an empty file needs a header", "", 1, "", "empty file"},
		{"an unknown column is refused", "record,member,score\n", 1, "", `unknown column "score"`},
		{"a header needs the record column", "member,key,value\n", 1, "", "needs a record column"},
		{"an unknown record is refused", h + "cluster,,name,Cụm II\npoints,SCT,,9\n", 3, "SCT", `unknown record "points"`},
		{"a rank must be a whole number", h + "rank,SCT,,first\n", 2, "SCT", `expected a whole number from 1, found "first"`},
		{"a rank starts at 1", h + "rank,SCT,,0\n", 2, "SCT", "from 1"},
		{"a total must be a number", h + "total,SCT,,\"1.234,5\"\n", 2, "SCT", "expected a number like 9.75 or 9,75"},
		{"a total needs a value", h + "total,SCT,,\n", 2, "SCT", "needs a value"},
		{"a second total names the first", h + "total,SCT,,90\n\ntotal,SCT,,91\n", 4, "SCT", "a second total (the first is on line 2)"},
		{"a subtotal needs its group", h + "subtotal,SCT,,9\n", 2, "SCT", "needs a key"},
		{"a second subtotal names the first", h + "subtotal,SCT,I,9\nsubtotal,SCT,I,9\n", 3, "SCT", "the first is on line 2"},
		{"an award needs its tier", h + "award,SCT,,Cờ\n", 2, "SCT", "needs a key"},
		{"an award given twice", h + "award,SCT,flag\naward,SCT,flag\n", 3, "SCT", "award given twice"},
		{"votes take for, against or abstain", h + "votes,SCT,yes,7\n", 2, "SCT", "votes rows have key for, against or abstain"},
		{"votes must be whole numbers", h + "votes,SCT,for,7.5\n", 2, "SCT", "expected a whole number"},
		{"a ballot takes entitled or present", h + "ballot,,absent,2\n", 2, "", "ballot rows have key entitled or present"},
		{"a tie-break needs the member above", h + "tiebreak,SXD,group I,\n", 2, "SXD", "needs a value"},
		{"a member cannot be above itself", h + "tiebreak,SXD,group I,SXD\n", 2, "SXD", "above itself"},
		{"a year is a year", h + "cluster,,year,twenty\n", 2, "", "expected a year like 2020"},
		{"cluster rows have known keys", h + "cluster,,province,Cao Bằng\n", 2, "", "cluster rows have key name, year, rulebook, version or date"},
		{"a cluster fact given twice names the first", h + "cluster,,year,2020\ncluster,,year,2021\n", 3, "", "the first is on line 2"},
		{"a member row has key name", h + "member,SCT,title,Sở\n", 2, "SCT", "member rows have key name"},
		{"a member named twice differently", h + "member,SCT,name,Sở Công Thương\nmember,SCT,name,Sở Xây dựng\n", 3, "SCT", "member named twice"},
		{"a stray quote is a CSV error with its line", h + "cluster,,name,Cụm II\ntotal,SCT,,9\"0\n", 3, "", "bare \" in non-quoted-field"},
		{"an empty record column", h + ",SCT,,90\n", 2, "SCT", "the record column is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := audit.ReadCSV("recorded.csv", strings.NewReader(c.text))
			es := parseErrors(t, err)
			e := es[0]
			if e.File != "recorded.csv" || e.Line != c.line || e.Member != c.member || !strings.Contains(e.Msg, c.msg) {
				t.Errorf("got %+v (%v); want line %d, member %q, message with %q", *e, e, c.line, c.member, c.msg)
			}
			if !strings.HasPrefix(e.Error(), "recorded.csv:") {
				t.Errorf("error %q does not start with the file name", e.Error())
			}
		})
	}
}

func TestReadCSVReportsEveryProblem(t *testing.T) {
	text := "record,member,key,value,note\nrank,SCT,,x\ntotal,SCT,,y\nwhat,SCT\n"
	_, err := audit.ReadCSV("r.csv", strings.NewReader(text))
	es := parseErrors(t, err)
	if len(es) != 3 || es[0].Line != 2 || es[1].Line != 3 || es[2].Line != 4 {
		t.Errorf("errors:\n%v", err)
	}
}

func TestParseJSONErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		msg        string
	}{
		{"not JSON at all", "{\"members\": [\n", 1, ""},
		{"an unknown key names the known ones", "{\n\"members\": [],\n\"totals\": 3\n}", 3, `unknown key "totals"`},
		{"a total must be a number", "{\"members\": [\n{\"id\": \"SCT\",\n\"total\": \"ninety\"}]}", 3, "expected a number"},
		{"a member needs an id", "{\"members\": [\n{\"name\": \"Sở Công Thương\"}]}", 2, "a member needs an id"},
		{"a member listed twice", "{\"members\": [\n{\"id\": \"SCT\"},\n{\"id\": \"SCT\"}]}", 3, "member listed twice (the first is on line 2)"},
		{"a rank starts at 1", "{\"members\": [\n{\"id\": \"SCT\", \"rank\": 0}]}", 2, "ranks start at 1"},
		{"another schema is refused", "{\"schema\": \"thidua/standings/v1\", \"members\": []}", 1, "unknown schema"},
		{"a tie-break needs upper, lower and rule", "{\"members\": [],\n\"tie_breaks\": [\n{\"upper\": \"SCT\"}]}", 3, "needs upper, lower and rule"},
		{"an award given twice", "{\"members\": [\n{\"id\": \"SCT\", \"awards\": [\"flag\",\n\"flag\"]}]}", 3, "given twice"},
		{"a duplicate key", "{\"year\": 2020,\n\"year\": 2021, \"members\": []}", 2, "duplicate key"},
		{"negative votes", "{\"members\": [\n{\"id\": \"SCT\", \"votes\": {\"for\": -1}}]}", 2, "must not be negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := audit.ParseJSON("recorded.json", []byte(c.text))
			es := parseErrors(t, err)
			e := es[0]
			if e.File != "recorded.json" || e.Line != c.line || !strings.Contains(e.Msg, c.msg) {
				t.Errorf("got %+v; want line %d with %q", *e, c.line, c.msg)
			}
		})
	}
}

func TestParseJSONNumbers(t *testing.T) {
	text := `{"members": [{"id": "SCT", "total": 96.35, "subtotals": {"I": "39", "II": "19,5"}}]}`
	rec, err := audit.ParseJSON("r.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	m := rec.Members[0]
	if m.Total.Value.String() != "96.35" || m.Subtotals[1].Value.String() != "19.5" {
		t.Errorf("total %s, subtotals %+v", m.Total.Value, m.Subtotals)
	}
}

func TestLoadRefusesUnknownFormats(t *testing.T) {
	_, err := audit.Load(example("rulebook.yaml") + ".xlsx")
	if err == nil {
		t.Fatal("no error")
	}
	dir := t.TempDir()
	writeFile(t, dir+"/recorded.xlsx", "x")
	_, err = audit.Load(dir + "/recorded.xlsx")
	if err == nil || !strings.Contains(err.Error(), "unknown recorded-result format") {
		t.Fatalf("error %v", err)
	}
	checkParseErrors(t, err)
}

// The parsers never panic, and whatever they accept can be hashed and
// audited.
func FuzzReadCSV(f *testing.F) {
	f.Add(readFile(f, example("recorded-2020.csv")))
	f.Add(readFile(f, example("recorded-2020-errors.csv")))
	f.Add("record;member;key;value\nrank;SCT;;1\ntotal;SCT;;\"96,35\"\n")
	f.Add("\xef\xbb\xbfrecord,member,key,value,note\ntiebreak,SXD,group I,SKHCN,x\naward,SCT,flag\n")
	f.Add("record\n\"unterminated\n")
	f.Add("record,member,key,value\ngrade,SCT,,Hoàn thành tốt nhiệm vụ\ngrade,SCT,,tot\ngrade,SXD,band,\n")
	rb := cum2(f)
	sh, err := sheets.Load(example("scores-2020.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rec, err := audit.ReadCSV("f.csv", strings.NewReader(text))
		if err != nil {
			es := checkParseErrors(t, err)
			for _, e := range es {
				if e.File != "f.csv" {
					t.Fatalf("problem without the file name: %v", e)
				}
			}
			return
		}
		_ = rec.Hash()
		r := auditOf(t, rb, sh, rec)
		if r.Clean != (r.Counts.Errors == 0 && r.Counts.Warnings == 0) {
			t.Fatalf("clean %v with counts %+v", r.Clean, r.Counts)
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	f.Add(readFile(f, "testdata/recorded-2020.json"))
	f.Add(`{"members": [{"id": "SCT", "rank": 1, "total": 96.35, "awards": ["flag"], "votes": {"for": 7}}], "tie_breaks": [{"upper": "SCT", "lower": "SKHCN", "rule": "lots"}]}`)
	f.Add("members:\n  - id: SCT\n    subtotals: {I: 39}\n")
	f.Add("members:\n  - id: SCT\n    grade: tot\n  - id: SXD\n    grade: [x]\n")
	f.Add(`{"members": [`)
	rb := cum2(f)
	sh, err := sheets.Load(example("scores-2020.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rec, err := audit.ParseJSON("f.json", []byte(text))
		if err != nil {
			checkParseErrors(t, err)
			return
		}
		_ = rec.Hash()
		_ = auditOf(t, rb, sh, rec)
	})
}
