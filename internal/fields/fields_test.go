package fields

import (
	"testing"

	"github.com/thidua/thidua/internal/decode"
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
