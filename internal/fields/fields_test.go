package fields

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/lang"
)

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"  Sở Công Thương \t":     "Sở Công Thương",
		"So\u031b\u0309 Xây dựng": "Sở Xây dựng", // combining marks → precomposed
		"a\r\nb\rc":               "a\nb\nc",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

// The hooks read texts and numbers as every data file does: nulls are
// empty, decimal commas and strings are numbers, bad numbers are problems
// with their path.
func TestHooks(t *testing.T) {
	var v struct {
		Name string `yaml:"name"`
		Note string `yaml:"note"`
	}
	root, p := decode.Parse([]byte("name: \"  Sở A \"\nnote: ~\n"))
	if p != nil {
		t.Fatal(p)
	}
	d := decode.New()
	d.Hooks = Hooks()
	d.Decode(root, "", &v)
	if v.Name != "Sở A" || v.Note != "" || len(d.Problems) != 0 {
		t.Errorf("decoded %+v with problems %v", v, d.Problems)
	}
}

func TestParseDecimal(t *testing.T) {
	for in, want := range map[string]string{"9,75": "9.75", "9.75": "9.75", "1e-05": "0.00001", "-0,5": "-0.5"} {
		got, err := ParseDecimal(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"1.234,5", "abc", "", "9,", ",5"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) should fail", bad)
		}
	}
}

func TestVocabulary(t *testing.T) {
	for in, want := range map[string]bool{"có": true, " Yes ": true, "x": true, "đạt": true,
		"kho\u0302ng": false, "KHÔNG": false, "0": false, "không đạt": false} {
		if got, ok := YesNo(in); !ok || got != want {
			t.Errorf("YesNo(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := YesNo("maybe"); ok {
		t.Error(`YesNo("maybe") should not be read`)
	}
	for _, in := range []string{"na", "N/A", "kgg", "kđg", "Không được giao", "khong giao"} {
		if !NotAssigned(in) {
			t.Errorf("NotAssigned(%q) = false", in)
		}
	}
	if NotAssigned("0") || NotAssigned("") {
		t.Error("0 and an empty cell are not 'not assigned'")
	}
}

// The errors of ParseDecimal and of the cells the readers count or read as
// yes/no carry their message: English as Error() writes it, Vietnamese
// with the input quoted as it is.
func TestErrorMessages(t *testing.T) {
	_, errDecimal := ParseDecimal("1.234,5")
	_, errDigits := ParseDecimal(strings.Repeat("9", 41))
	_, errPlaces := ParseDecimal("1e-101")
	for _, tc := range []struct {
		err    error
		key    string
		en, vi string
	}{
		{errDecimal, "fields.decimal", `expected a number like 9.75 or 9,75, found "1.234,5"`, `cần một số dạng 9,75 hoặc 9.75, nhận được "1.234,5"`},
		{errDigits, "fields.decimal.digits", `expected a number like 9.75 or 9,75, found "` + strings.Repeat("9", 41) + `" (more than 40 significant digits)`,
			`cần một số dạng 9,75 hoặc 9.75, nhận được "` + strings.Repeat("9", 41) + `" (quá 40 chữ số có nghĩa)`},
		{errPlaces, "fields.decimal.places", `expected a number like 9.75 or 9,75, found "1e-101" (digits more than 100 places from the decimal point)`,
			`cần một số dạng 9,75 hoặc 9.75, nhận được "1e-101" (có chữ số cách dấu thập phân quá 100 vị trí)`},
		{WholeNumberError("1.5"), "fields.whole_number", `expected a whole number, found "1.5"`, `cần một số nguyên, nhận được "1.5"`},
		{YesNoError("maybe"), "fields.yes_no", `expected true or false (yes/no, có/không, 1/0), found "maybe"`, `cần ghi true hoặc false (yes/no, có/không, 1/0), nhận được "maybe"`},
	} {
		var fe *Error
		if !errors.As(tc.err, &fe) {
			t.Fatalf("%v is not an *Error", tc.err)
		}
		if tc.err.Error() != tc.en || fe.Text(lang.English) != tc.en || fe.Text(lang.Vietnamese) != tc.vi || fe.Message().Key != tc.key {
			t.Errorf("%s: got %q / %q / %q, want %q / %q", tc.key, tc.err, fe.Text(lang.Vietnamese), fe.Message().Key, tc.en, tc.vi)
		}
		if m, ok := MessageOf(tc.err); !ok || m.Key != tc.key {
			t.Errorf("MessageOf(%v) = %v, %v", tc.err, m, ok)
		}
		// an error that says more than its message has none of its own
		if _, ok := MessageOf(fmt.Errorf("target: %w", tc.err)); ok {
			t.Errorf("MessageOf a wrapped %s should be false", tc.key)
		}
	}
	if _, ok := MessageOf(errors.New("x")); ok {
		t.Error("MessageOf a plain error should be false")
	}
}

// The decimal hook records ParseDecimal's message with the problem.
func TestDecimalHookMessage(t *testing.T) {
	var v struct {
		Value decimal.Decimal `yaml:"value"`
	}
	root, p := decode.Parse([]byte("value: 9,75 điểm\n"))
	if p != nil {
		t.Fatal(p)
	}
	d := decode.New()
	d.Hooks = Hooks()
	d.Decode(root, "", &v)
	if len(d.Problems) != 1 {
		t.Fatalf("problems: %v", d.Problems)
	}
	got := d.Problems[0]
	if got.Message.Key != "fields.decimal" || got.Msg != `expected a number like 9.75 or 9,75, found "9,75 điểm"` ||
		got.Message.In(lang.Vietnamese) != `cần một số dạng 9,75 hoặc 9.75, nhận được "9,75 điểm"` {
		t.Errorf("problem %+v", got)
	}
}
