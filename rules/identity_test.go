package rules_test

import (
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestControlCharactersInRulebookTexts: the rulebook's title and the names
// it gives (criteria, items, facts, stages, award tiers), its regulation
// and conditions' reasons refuse control characters (an escape sequence, a
// line break, a bidi override), with the character's code point and
// position in both languages, located by key path; ids refuse invisible
// characters and special spaces too. Notes may hold line breaks.
func TestControlCharactersInRulebookTexts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		over     map[string]string
		path, vi string
		en       string
	}{
		{"title", map[string]string{"title": `title: "Bảng\e]0;pwned\a"`}, "title",
			`tên bộ tiêu chí "Bảng\x1b]0;pwned\a" chứa ký tự điều khiển U+001B ở vị trí 5`,
			`the rulebook's title "Bảng\x1b]0;pwned\a" contains the control character U+001B at position 5`},
		{"criterion name", map[string]string{"criteria": critWith(`      - {id: "1.2", name: "Hai\n# Cờ thi đua", max: 10}`)}, "criteria[0].children[1].name",
			`tên "Hai\n# Cờ thi đua" của tiêu chí "1.2" chứa ký tự điều khiển U+000A ở vị trí 4`,
			`the name "Hai\n# Cờ thi đua" of criterion "1.2" contains the control character U+000A at position 4`},
		{"award name", map[string]string{"awards": `awards:
  - {id: flag, name: "Cờ \u202Eađut iht", count: 1, requires: [min45, floor, clean]}
  - {id: merit, name: Bằng khen, share: 2/5, share_rounding: ceiling, if_ineligible: none}`}, "awards[0].name",
			`tên "Cờ \u202eađut iht" của hình thức khen thưởng "flag" chứa ký tự điều khiển U+202E ở vị trí 4`,
			`the name "Cờ \u202eađut iht" of award tier "flag" contains the control character U+202E at position 4`},
		{"bonus item name", map[string]string{"bonus": `bonus:
  items:
    - {id: b1, name: "Thưởng\t1", points: 1}`}, "bonus.items[0].name", `U+0009 ở vị trí 7`, `U+0009 at position 7`},
		{"jurisdiction", map[string]string{"jurisdiction": `jurisdiction: "Tỉnh\x9bThử"`}, "jurisdiction", `nội dung "Tỉnh\u009bThử" chứa ký tự điều khiển U+009B ở vị trí 5`, `the text "Tỉnh\u009bThử" contains the control character U+009B at position 5`},
		{"legal basis", map[string]string{"regulation": `regulation:
  legal_basis:
    - "Luật\r\nThi đua"`}, "regulation.legal_basis[0]", `U+000D ở vị trí 5`, `U+000D at position 5`},
		{"criterion id", map[string]string{"criteria": critWith(`      - {id: "1.\u200B2", name: Hai, max: 10}`)}, "criteria[0].children[1].id",
			`id tiêu chí "1.\u200b2" chứa ký tự vô hình U+200B ở vị trí 3`,
			`criterion id "1.\u200b2" contains the invisible character U+200B at position 3`},
		{"award id", map[string]string{"awards": `awards:
  - {id: "fl\x1bag", name: Cờ, count: 1}`}, "awards[0].id", `U+001B ở vị trí 3`, `U+001B at position 3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es := parseErrs(t, doc(tc.over))
			var found bool
			for _, e := range es {
				if e.Path != tc.path || !strings.HasPrefix(e.Message.Key, "identity.") {
					continue
				}
				found = true
				vi, en := e.Text(lang.Vietnamese), e.Text(lang.English)
				if !strings.Contains(vi, tc.vi) || !strings.Contains(en, tc.en) {
					t.Errorf("got\n%s\n%s\nwant them to contain\n%s\n%s", vi, en, tc.vi, tc.en)
				}
				for _, c := range []string{"\x1b", "\n", "\t", "\r", "\u202e", "\u200b", "\u009b"} {
					if strings.Contains(vi, c) || strings.Contains(en, c) {
						t.Errorf("the problem writes %q raw: %s", c, en)
					}
				}
			}
			if !found {
				t.Errorf("no identity problem at %s in:\n%v", tc.path, es)
			}
		})
	}
}

// TestNotesMayHoldLineBreaks: a note is text over several lines; only the
// other control characters are refused there. Vietnamese names pass.
func TestNotesMayHoldLineBreaks(t *testing.T) {
	mustParse(t, doc(map[string]string{"regulation": `regulation:
  notes: "Dòng một.\nDòng hai,\tcó tab."`}))
	es := parseErrs(t, doc(map[string]string{"regulation": `regulation:
  notes: "Dòng một.\e[2J"`}))
	if len(es) != 1 || es[0].Path != "regulation.notes" || es[0].Message.Key != "identity.control" {
		t.Fatalf("got %v", es)
	}
	rb := mustParse(t, doc(nil))
	if _, err := rules.New(rb.Spec()); err != nil {
		t.Fatal(err)
	}
}
