package documents_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
)

// internalIDs are the ids of examples/cum2 — members, award tiers,
// eligibility conditions, stages, bonus and deduction items and facts —
// and the names of the library's Go API and JSON schemas: none belongs in
// a text for people, which names things as the rulebook and the sheet
// name them.
var internalIDs = regexp.MustCompile(`\b(SCT|SKHCN|SXD|STNMT|SGTVT|SNNPTNT|TTT|flag|merit|diem_90|diem_80|san_85|ky_luat|phieu_80|self|cluster|co_tinh|co_cp|bao_cao_muon|vang_hop|khong_ky_luat)\b|ranking\.|thidua/[a-z]`)

// leaks returns the internal ids in a text, each with some context.
func leaks(text string) []string {
	var out []string
	for _, m := range internalIDs.FindAllStringIndex(text, -1) {
		out = append(out, "…"+text[max(0, m[0]-40):m[0]]+"‹"+text[m[0]:m[1]]+"›"+text[m[1]:min(len(text), m[1]+40)]+"…")
	}
	return out
}

var tagRE = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)

// visible is the text of an HTML page a reader sees: no tags, attributes
// or comments.
func visible(page string) string { return html.UnescapeString(tagRE.ReplaceAllString(page, " ")) }

// TestDocumentsNameNotIDs writes every document of examples/cum2 in
// Vietnamese, in every format, and looks in the text a reader sees for the
// ids the data hold: members, tiers, conditions and stages must be named.
func TestDocumentsNameNotIDs(t *testing.T) {
	if got := leaks("Sở Công Thương (SCT) — Cờ thi đua (flag), schema thidua/standings/v2"); len(got) != 3 {
		t.Fatalf("leaks finds %q", got)
	}
	for _, sheet := range []string{"scores-2020.csv", "top-ineligible.csv", "tie-broken.csv", "unresolved-tie.csv"} {
		rb, st := rank(t, sheet)
		for _, kind := range []documents.Kind{documents.Summary, documents.Submission} {
			for _, f := range []documents.Format{documents.Markdown, documents.HTML, documents.DOCX} {
				out := render(t, kind, f, rb, st, documents.Options{Lang: lang.Vietnamese})
				var text string
				switch f {
				case documents.HTML:
					text = visible(out)
				case documents.DOCX:
					text = docxBody(t, out).text()
				default:
					text = out
				}
				if !strings.Contains(text, "Sở Công Thương") {
					t.Fatalf("%s %s %s: no member named", sheet, kind, f)
				}
				for _, l := range leaks(text) {
					t.Errorf("%s %s %s: an id where a name belongs: %s", sheet, kind, f, l)
				}
			}
		}
	}
}
