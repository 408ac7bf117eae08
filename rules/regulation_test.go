package rules_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/rules"
)

// periodBasis is a rulebook in force 2020–2025 whose legal basis changes
// with the Law of 2022.
const periodBasis = `regulation:
  legal_basis:
    - {text: "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013)", to: 2023-12-31}
    - {text: Nghị định 91/2017/NĐ-CP, to: 2023-12-31}
    - {text: "Luật Thi đua, khen thưởng số 06/2022/QH15", from: 2024-01-01}
    - {text: Nghị định 98/2023/NĐ-CP, from: 2024-01-01}
    - Quy chế hoạt động của Cụm
in_force:
  from: 2020-01-01
  to: 2025-12-31`

// TestLegalBasisPerPeriod: the entries in force in a year are the ones a
// document drafted for that year's result cites; an entry without dates
// is in force whenever the rulebook is; year 0 (unknown) gives them all.
func TestLegalBasisPerPeriod(t *testing.T) {
	rb := mustParse(t, doc(map[string]string{"regulation": periodBasis, "in_force": ""}))
	texts := func(y int) string {
		var out []string
		for _, l := range rb.Regulation().LegalBasisIn(y) {
			out = append(out, l.Text)
		}
		return strings.Join(out, " | ")
	}
	cases := []struct {
		year int
		want string
	}{
		{2020, "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) | Nghị định 91/2017/NĐ-CP | Quy chế hoạt động của Cụm"},
		{2023, "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) | Nghị định 91/2017/NĐ-CP | Quy chế hoạt động của Cụm"},
		{2024, "Luật Thi đua, khen thưởng số 06/2022/QH15 | Nghị định 98/2023/NĐ-CP | Quy chế hoạt động của Cụm"},
		{0, "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) | Nghị định 91/2017/NĐ-CP | Luật Thi đua, khen thưởng số 06/2022/QH15 | Nghị định 98/2023/NĐ-CP | Quy chế hoạt động của Cụm"},
	}
	for _, c := range cases {
		if got := texts(c.year); got != c.want {
			t.Errorf("%d: %s, want %s", c.year, got, c.want)
		}
	}
	if l := rb.Regulation().LegalBasis[1]; !l.Dated() || l.Period().String() != "… – 2023-12-31" || l.String() != "Nghị định 91/2017/NĐ-CP" {
		t.Errorf("entry 1: %+v", l)
	}
}

// TestLegalBasisKeepsTheHash: a rulebook written with plain legal-basis
// texts hashes as before entries could carry dates (the published Cụm II
// example, frozen in testdata), and so does the same entry written as a
// mapping without dates; a date changes the hash.
func TestLegalBasisKeepsTheHash(t *testing.T) {
	const published = "sha256:7e4276aecf9137638b3a472f3a617f7ac7b5d61515b1a42ddddca281ed35871a"
	text, err := os.ReadFile("testdata/cum2-hash-7e4276.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if h := mustParse(t, string(text)).Hash(); h != published {
		t.Fatalf("plain legal basis: hash %s, want %s", h, published)
	}
	mapped := strings.Replace(string(text), "    - Nghị định 91/2017/NĐ-CP", "    - {text: Nghị định 91/2017/NĐ-CP}", 1)
	if mapped == string(text) {
		t.Fatal("the example no longer cites Nghị định 91/2017/NĐ-CP")
	}
	if h := mustParse(t, mapped).Hash(); h != published {
		t.Errorf("an undated mapping: hash %s, want %s", h, published)
	}
	dated := strings.Replace(string(text), "    - Nghị định 91/2017/NĐ-CP", "    - {text: Nghị định 91/2017/NĐ-CP, to: 2023-12-31}", 1)
	if h := mustParse(t, dated).Hash(); h == published {
		t.Error("a dated entry leaves the hash unchanged")
	}
}

// TestLegalBasisMarshals: a plain entry is written back as a plain text (in
// JSON and YAML), a dated one as a mapping, and what is written reads back
// to the same rulebook.
func TestLegalBasisMarshals(t *testing.T) {
	rb := mustParse(t, doc(map[string]string{"regulation": periodBasis, "in_force": ""}))
	b, err := json.Marshal(rb.Spec().Regulation)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Quy chế hoạt động của Cụm"`, `{"text":"Nghị định 91/2017/NĐ-CP","to":"2023-12-31"}`, `{"text":"Nghị định 98/2023/NĐ-CP","from":"2024-01-01"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	y, err := yaml.Marshal(rb.Spec().Regulation)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- Quy chế hoạt động của Cụm\n", `to: "2023-12-31"`} {
		if !strings.Contains(string(y), want) {
			t.Errorf("YAML %s lacks %q", y, want)
		}
	}
	again := mustParse(t, doc(map[string]string{"regulation": "regulation:\n  " + strings.ReplaceAll(strings.TrimSpace(string(y)), "\n", "\n  "), "in_force": "in_force: {from: 2020-01-01, to: 2025-12-31}"}))
	if again.Hash() != rb.Hash() {
		t.Errorf("written back as YAML, the rulebook hashes %s, not %s", again.Hash(), rb.Hash())
	}
}

// TestLegalBasisErrorsAreLocated: every problem of the legal basis names
// the file, line and entry, all at once.
func TestLegalBasisErrorsAreLocated(t *testing.T) {
	reg := `regulation:
  legal_basis:
    - Nghị định 91/2017/NĐ-CP
    - {text: Nghị định X, from: 2024-01-01, to: 2023-12-31}
    - {text: "  ", to: 2023-12-31}
    - {text: Nghị định Y, to: 2019-12-31}
    - {text: Nghị định Z, until: 2025-01-01}`
	_, err := rules.Parse("r.yaml", []byte(doc(map[string]string{"regulation": reg})))
	var es rules.Errors
	if !errors.As(err, &es) {
		t.Fatalf("want rules.Errors, got %v", err)
	}
	got := err.Error()
	for _, want := range []string{
		"r.yaml:8:", "regulation.legal_basis[1].to", "ends (2023-12-31) before it starts (2024-01-01)",
		"r.yaml:9:", "regulation.legal_basis[2].text", "blank",
		"r.yaml:10:", "regulation.legal_basis[3]", "does not overlap the rulebook's period 2024-01-01 – 2024-12-31",
		"r.yaml:11:", "until",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if len(es) != 4 {
		t.Errorf("%d problems, want 4:\n%s", len(es), got)
	}
}
