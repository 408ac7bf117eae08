package rules_test

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestAuthorityOfASector: a sector's cluster names the council that
// considers its proposals and who decides; both are read as given and
// written as given in either language.
func TestAuthorityOfASector(t *testing.T) {
	rb, err := rules.Load("testdata/sector-kiemsat.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := rb.Authority()
	want := rules.Authority{
		Council: "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân",
		Decides: "Viện trưởng Viện kiểm sát nhân dân tối cao",
	}
	if a != want {
		t.Fatalf("Authority() = %+v, want %+v", a, want)
	}
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		if got := a.CouncilName().In(tag); got != want.Council {
			t.Errorf("%v: council %q", tag, got)
		}
		if got := a.DecidesName().In(tag); got != want.Decides {
			t.Errorf("%v: decides %q", tag, got)
		}
	}
	if got := rb.Spec().Authority; got != want {
		t.Errorf("Spec().Authority = %+v", got)
	}
}

// TestAuthorityDefaults: without the section, the provincial council
// considers and the chairman of the provincial People's Committee decides;
// one name may be given without the other.
func TestAuthorityDefaults(t *testing.T) {
	rb := mustParse(t, doc(nil))
	a := rb.Authority()
	if a != (rules.Authority{}) {
		t.Fatalf("Authority() = %+v, want the zero value", a)
	}
	for _, c := range []struct {
		m      lang.Message
		vi, en string
	}{
		{a.CouncilName(), "Hội đồng Thi đua – Khen thưởng tỉnh", "the provincial Emulation and Commendation Council"},
		{a.DecidesName(), "Chủ tịch UBND tỉnh", "the Chairman of the provincial People's Committee"},
	} {
		if got := c.m.In(lang.Vietnamese); got != c.vi {
			t.Errorf("vi %q, want %q", got, c.vi)
		}
		if got := c.m.In(lang.English); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
	}
	half := mustParse(t, doc(nil)+"authority:\n  decides: Chủ tịch Ủy ban nhân dân tỉnh Thử\n").Authority()
	if got := half.CouncilName().In(lang.Vietnamese); got != "Hội đồng Thi đua – Khen thưởng tỉnh" {
		t.Errorf("council %q", got)
	}
	if got := half.DecidesName().In(lang.English); got != "Chủ tịch Ủy ban nhân dân tỉnh Thử" {
		t.Errorf("decides %q", got)
	}
}

// TestAuthorityAndTheHash: a rulebook without the section, or with an
// empty one, hashes as before the section existed (the results already
// published keep their hash); naming an authority changes the hash. The
// spec written as JSON has no authority key unless one is named.
func TestAuthorityAndTheHash(t *testing.T) {
	const cum2 = "testdata/cum2-hash-7e4276.yaml" // the Cụm II example as published before its 2026 fixes
	// the hash the goldens of every package record for the example
	const before = "sha256:7e4276aecf9137638b3a472f3a617f7ac7b5d61515b1a42ddddca281ed35871a"
	base, err := rules.Load(cum2)
	if err != nil {
		t.Fatal(err)
	}
	if base.Hash() != before {
		t.Errorf("the example's hash changed: %s", base.Hash())
	}
	text, err := os.ReadFile(cum2)
	if err != nil {
		t.Fatal(err)
	}
	empty := mustParse(t, string(text)+"\nauthority: {}\n")
	named := mustParse(t, string(text)+"\nauthority:\n  council: Hội đồng Thi đua – Khen thưởng tỉnh Cao Bằng\n")
	if empty.Hash() != before {
		t.Errorf("an empty section changes the hash: %s", empty.Hash())
	}
	if named.Hash() == before {
		t.Error("naming the council leaves the hash unchanged")
	}
	b, err := json.Marshal(base.Spec())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "authority") {
		t.Errorf("the spec's JSON names an authority it does not have: %s", b)
	}
	b, err = json.Marshal(named.Spec())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"authority":{"council":"Hội đồng Thi đua – Khen thưởng tỉnh Cao Bằng"}`) {
		t.Errorf("the spec's JSON: %s", b)
	}
}

// TestAuthorityErrorsAreLocated: a name with a control character, or of
// spaces only, is reported at its file, line and key path.
func TestAuthorityErrorsAreLocated(t *testing.T) {
	for _, c := range []struct {
		name, section, path, key, en string
	}{
		{"control character", "authority:\n  council: Hội đồng\n  decides: \"Chủ tịch\\e[2J\"\n", "authority.decides", "identity.control",
			`test.yaml:%d:12: authority.decides: the text "Chủ tịch\x1b[2J" contains the control character U+001B at position 9`},
		{"blank", "authority:\n  council: \"   \"\n", "authority.council", "rules.authority.blank",
			`test.yaml:%d:12: authority.council: council is blank: give a name, or leave the key out for the default (the provincial Emulation and Commendation Council)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := doc(nil) + c.section
			es := parseErrs(t, text)
			if len(es) != 1 {
				t.Fatalf("want one problem, got:\n%v", es)
			}
			e := es[0]
			line := lineOf(t, text, strings.TrimPrefix(c.path, "authority.")+":")
			if e.Path != c.path || e.Line != line || e.Message.Key != c.key {
				t.Errorf("got %s at line %d (%s), want %s at line %d (%s)", e.Path, e.Line, e.Message.Key, c.path, line, c.key)
			}
			if want := strings.Replace(c.en, "%d", strconv.Itoa(line), 1); e.Error() != want {
				t.Errorf("got  %s\nwant %s", e.Error(), want)
			}
		})
	}
}
