package sheets_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// csvSeeds are edge cases for FuzzReadCSV, besides the example files.
var csvSeeds = []string{
	"",
	"\ufeff",
	header,
	header + "match,SCT,SXD,3\nmatch,SXD,SCT,1\nmatch,SCT,SCT,0\nmatch,SCT,SXD,2\nmatch,A,,x\nmatch,,B,-1\n",
	// named ballots: the id in the stage column, twice, beside the unnamed one
	header + "ballot,,entitled,7,co\nballot,,entitled,7,co\nvotes,SCT,for,6,co\nvotes,SCT,for,5,bk\nvotes,SCT,for,4\nballot,,present,x,bk\n",
	"\ufeff" + header + "member,SCT,name,Sở Công Thương\n",
	"record;member;key;value;stage\nscore;SCT;1.1;9,75;cluster\n",
	header + "score,SCT,1.1,\"9,75\",cluster,SXD,\nscore,SCT,2.3,không giao,cluster\n",
	header + "# comment\n\n   \n\"# quoted, comment\",,\nmember,SCT,name,x\n",
	header + "member,So\u031b\u0309CT,name,So\u031b\u0309 Co\u0302ng Thu\u031bo\u031bng\n",
	header + "target,SCT,2.1,120\nnot_assigned,TTr,2.3\n",
	header + "bonus,SCT,co_tinh,,,,Cờ thi đua\ndeduction,SXD,bao_cao,2\n",
	header + "fact,SCT,a,có\nfact,SCT,b,không\nfact,SCT,c,0\n",
	header + "ballot,,entitled,7\nballot,,present,7\nvotes,SCT,for,6\nvotes,SCT,against,1\nvotes,SXD,,3\n",
	header + "ballot,,entitled,0\n",
	header + "history,SCT,2019,merit\nlots,SXD,,2\nlots,SCT,,1\n",
	header + "lots,SXD,,1\nlots,SCT,,1\n",
	header + "member,\"SCT\nSXD\",name,\"a \"\"b\"\" c\"\n",
	header + "member,S\"CT,name,x\n",
	header + "member,\"SCT,name,x\n",
	header + "score,SCT,1.1,1.234,5,cluster\n",
	header + "score,SCT,1.1,-.5,cluster\n",
	"record,member,member,kee\n",
	"member,key\n",
	"record\r\ncluster\r\n",
	header + "member,\"A\r\r\nB\",name,x\n",
	header + "member,\"A\rB\",name,\"x\r\"\n",
	header + "member,SCT,name,\"A\r\r\nB\"\n",
	header + "score,SCT,1.1,9,75,cluster,,\n",
	header + ",,,,,,\nmember,SCT,name,x\n",
	"\n\n" + header + "member,SCT,name,x\n",
	"\n \nrecord;member;key;value;;\nmember;SCT;name;x;;\n",
	header + "score,SCT,1.1,1e-05,cluster\ntarget,SCT,2.1,\"1,5E+3\"\n",
	header + "cluster,,year,2020\ncluster,,year,2021\nballot,,entitled,7\nballot,,entitled,7\nvotes,SCT,,1\nvotes,SCT,for,2\n",
	header + "history,SCT,1899,merit\nhistory,SCT,9999,merit\n",
}

func FuzzReadCSV(f *testing.F) {
	// The example files, cut into pieces of a dozen rows under the header:
	// the fuzzer minimises every new input it finds, which takes longer than
	// a short run for mutants of a whole 4 KB file (TestRoundTripExamples
	// covers the whole files).
	for _, name := range []string{"scores-2020.csv", "top-ineligible.csv"} {
		lines := strings.SplitAfter(string(readExample(f, name)), "\n")
		for i := 1; i < len(lines); i += 12 {
			f.Add([]byte(lines[0] + strings.Join(lines[i:min(i+12, len(lines))], "")))
		}
	}
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(writeString(f, smallSheet(""))))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := sheets.ReadCSV("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			var es scoring.InputErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T is not a non-empty scoring.InputErrors: %v", err, err)
			}
			for _, e := range es {
				if e.File != "fuzz.csv" || e.Msg == "" {
					t.Fatalf("error without file or message: %#v", e)
				}
				checkMessage(t, e)
			}
			return
		}
		checkNFC(t, sh)
		var out bytes.Buffer
		if err := sheets.WriteCSV(&out, sh); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		back, err := sheets.ReadCSV("written.csv", bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("ReadCSV(WriteCSV(sheet)): %v\nwritten:\n%s", err, out.String())
		}
		// Equal sheets write equal text, and WriteCSV writes every field
		// but Source: comparing the texts (and whether there is a ballot) is
		// a fast and complete check. cmp.Diff, slower, says what
		// differs, and checks small inputs independently of WriteCSV.
		var again bytes.Buffer
		if err := sheets.WriteCSV(&again, back); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		same := bytes.Equal(out.Bytes(), again.Bytes()) && (sh.Ballot == nil) == (back.Ballot == nil)
		if !same || len(data) <= 1024 {
			if d := cmp.Diff(sh, back, ignoreSource); d != "" {
				t.Fatalf("ReadCSV(WriteCSV(sheet)) differs (-read +read back):\n%s\nwritten:\n%s", d, out.String())
			}
		}
		if !same {
			t.Fatalf("WriteCSV(ReadCSV(WriteCSV(sheet))) differs from WriteCSV(sheet):\n%s\nthen:\n%s", out.String(), again.String())
		}
	})
}

// checkMessage fails if a problem has no message, or one whose keys are
// not all in the catalogue, or if Msg does not end with the message in
// English, or if its English line is not Error().
func checkMessage(t *testing.T, e *scoring.InputError) {
	t.Helper()
	if e.Message.IsZero() {
		t.Fatalf("error without a message: %#v", e)
	}
	var known func(m lang.Message) bool
	known = func(m lang.Message) bool {
		if !m.IsZero() && !lang.Known(m.Key) {
			return false
		}
		for _, p := range m.Parts {
			if !known(p) {
				return false
			}
		}
		return true
	}
	if !known(e.Message) {
		t.Fatalf("a key is not in the catalogue: %#v", e.Message)
	}
	if !strings.HasSuffix(e.Msg, e.Message.In(lang.English)) {
		t.Fatalf("Msg %q does not end with its message in English %q", e.Msg, e.Message.In(lang.English))
	}
	if e.Text(lang.English) != e.Error() {
		t.Fatalf("Text(English) %q is not Error() %q", e.Text(lang.English), e.Error())
	}
	if e.Text(lang.Vietnamese) == "" {
		t.Fatalf("no Vietnamese text: %#v", e)
	}
}

// checkNFC fails if a member id or name read is not trimmed NFC text.
func checkNFC(t *testing.T, sh scoring.Sheet) {
	t.Helper()
	for _, m := range sh.Members {
		for _, s := range []string{m.ID, m.Name} {
			if !norm.NFC.IsNormalString(s) || strings.TrimSpace(s) != s {
				t.Fatalf("member text %q is not trimmed NFC", s)
			}
		}
	}
}

func FuzzParseJSON(f *testing.F) {
	// A slice of the example file (the whole 12 KB file makes the fuzzer
	// spend a short run minimising its mutants; TestExampleCSVAndJSONAgree
	// reads all of it).
	example, err := sheets.ParseJSON("scores-2020.json", readExample(f, "scores-2020.json"))
	if err != nil {
		f.Fatal(err)
	}
	example.Members, example.Scores = example.Members[:2], example.Scores[:4]
	example.Ballot.Votes = example.Ballot.Votes[:2]
	seed, err := json.MarshalIndent(example, "", " ")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	for _, s := range []string{
		smallJSON, smallYAML, "", "null", "[]", "{}", `{"ballot": {}}`, `{"scroes": []}`,
		`{"members": [{"id": "So\u031b\u0309CT", "name": null}]}`,
		`{"scores": [{"member": "SCT", "criterion": "1", "stage": "s", "value": "9,75"}, 3]}`,
		"members:\n  - &m {id: SCT}\n  - *m\n",
		"a: [\n", "{\"year\": 2020, \"year\": 1}", "{\"lots\": [[[]]]}",
		"members:\n  - {id: SCT, name: ~}\n  - {id: SXD, name:}\ncluster: null\n",
		`{"scores": [{"member": "SCT", "criterion": "1", "stage": "s", "value": 1e-05}], "year": 20}`,
		`{"ballot": {"entitled": "x", "votes": [{"member": "SCT", "for": "y"}]}, "history": [{"member": "SCT", "year": 1800, "award": "a"}]}`,
		`{"members": [{"id": "A\r\nB", "name": "x\ry"}]}`,
		`{"matches": [{"member": "SCT", "rival": "SXD", "for": 3, "against": 1}, {"member": "SXD", "rival": "SCT", "for": -1, "against": "x"}]}`,
		"matches:\n  - {member: A, rival: B, for: 2, against: 2, x: 1}\n  - [A, B]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := sheets.ParseJSON("fuzz.json", data)
		if err != nil {
			var es scoring.InputErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T is not a non-empty scoring.InputErrors: %v", err, err)
			}
			for _, e := range es {
				if e.File != "fuzz.json" || e.Msg == "" {
					t.Fatalf("error without file or message: %#v", e)
				}
				checkMessage(t, e)
			}
			return
		}
		checkNFC(t, sh)
		_ = sh.Hash()
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{
		"9.75", "9,75", "-0,25", "+5", ".5", "5.", "-0", "007", " 9,75 ", "1.234,5", "1,234.5",
		"1e5", "abc", "", "-", ".", ",", "9,", ",5", "NaN", "Inf", "0x10", "1_000",
		strings.Repeat("9", 40), strings.Repeat("9", 41), "-." + strings.Repeat("1", 38),
		"0.1234567890123456789", "\u00a09.5",
		"1e-05", "1,5E+3", "1e1000", "9.9e99", "1e100", "1e-100", "1e-101", "0e999", "1e", "1.234,5e2",
		"0.000" + strings.Repeat("7", 40), strings.Repeat("0", 50) + "1", "1" + strings.Repeat("0", 99),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := sheets.ParseDecimal(s)
		if err != nil {
			if !strings.Contains(err.Error(), "expected a number") {
				t.Fatalf("ParseDecimal(%q): unexpected error text %q", s, err)
			}
			var me interface{ Message() lang.Message }
			if !errors.As(err, &me) || me.Message().In(lang.English) != err.Error() || !strings.HasPrefix(me.Message().In(lang.Vietnamese), "cần một số") {
				t.Fatalf("ParseDecimal(%q): the error %q has no message that writes it", s, err)
			}
			return
		}
		// Independently: what was accepted has at most one separator, an
		// exponent only at its end (a sign and one to three digits), and
		// reads as the same number in Go's own syntax.
		trimmed := strings.TrimSpace(s)
		mantissa, exponent, hasExp := strings.Cut(strings.ToLower(trimmed), "e")
		if hasExp {
			digits := strings.TrimLeft(exponent, "+-")
			if len(exponent)-len(digits) > 1 || len(digits) < 1 || len(digits) > 3 || strings.Trim(digits, "0123456789") != "" {
				t.Fatalf("ParseDecimal(%q) = %s: should have been refused (exponent %q)", s, d, exponent)
			}
		}
		if strings.ContainsAny(mantissa, "e_x") || strings.Count(mantissa, ".")+strings.Count(mantissa, ",") > 1 {
			t.Fatalf("ParseDecimal(%q) = %s: should have been refused", s, d)
		}
		// The value has at most 40 significant digits, within 100 places of
		// the decimal point.
		if c := strings.TrimRight(strings.TrimLeft(d.Abs().Coefficient().String(), "0"), "0"); len(c) > 40 {
			t.Fatalf("ParseDecimal(%q) = %s: more than 40 significant digits", s, d)
		}
		if !d.IsZero() && (d.Abs().Cmp(decimal.New(1, 100)) >= 0 || !d.Round(100).Equal(d)) {
			t.Fatalf("ParseDecimal(%q) = %s: digits more than 100 places from the point", s, d)
		}
		want, werr := decimal.NewFromString(strings.Replace(trimmed, ",", ".", 1))
		if werr != nil || !want.Equal(d) {
			t.Fatalf("ParseDecimal(%q) = %s, want %s (%v)", s, d, want, werr)
		}
		// Its String() reads back as the same number.
		str := d.String()
		back, err := sheets.ParseDecimal(str)
		if err != nil {
			t.Fatalf("ParseDecimal(%q) = %s, whose String() does not re-parse: %v", s, d, err)
		}
		if !back.Equal(d) {
			t.Fatalf("ParseDecimal(%q) = %s, whose String() re-parses as %s", s, d, back)
		}
	})
}
