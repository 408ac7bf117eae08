package audit_test

import (
	"bytes"
	"context"
	"html"
	"regexp"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// internalIDs are the ids of examples/cum2 — members, award tiers,
// eligibility conditions, stages, bonus and deduction items and facts —
// and the names of the library's Go API and JSON schemas: none belongs in
// a report for people, which names things as the rulebook, the sheet and
// the minutes name them.
var internalIDs = regexp.MustCompile(`\b(SCT|SKHCN|SXD|STNMT|SGTVT|SNNPTNT|TTT|flag|merit|diem_90|diem_80|san_85|ky_luat|phieu_80|self|cluster|co_tinh|co_cp|bao_cao_muon|vang_hop|khong_ky_luat)\b|ranking\.|thidua/[a-z]`)

var tagRE = regexp.MustCompile(`(?s)<style.*?</style>|<!--.*?-->|<[^>]*>`)

// TestReportNamesNotIDs audits the minutes of examples/cum2 (the published
// ones and those with seeded errors) against every score sheet of the
// example, and reads the Vietnamese reports, Markdown and HTML (the text a
// reader sees): members, tiers, conditions and stages are named, never
// given by id. The JSON report keeps the ids, as data does.
func TestReportNamesNotIDs(t *testing.T) {
	for _, scores := range []string{"scores-2020.csv", "top-ineligible.csv", "tie-broken.csv", "unresolved-tie.csv", "recorded-2020-errors-sheet.csv"} {
		for _, recorded := range []string{"recorded-2020.csv", "recorded-2020-errors.csv"} {
			r, err := audit.AuditFiles(context.Background(), example("rulebook.yaml"), example(scores), example(recorded))
			if err != nil {
				t.Fatalf("%s, %s: %v", scores, recorded, err)
			}
			for _, f := range []audit.Format{audit.Markdown, audit.HTML} {
				var buf bytes.Buffer
				if err := r.WriteIn(&buf, f, lang.Vietnamese); err != nil {
					t.Fatal(err)
				}
				text := buf.String()
				if f == audit.HTML {
					text = html.UnescapeString(tagRE.ReplaceAllString(text, " "))
				}
				for _, m := range internalIDs.FindAllStringIndex(text, -1) {
					t.Errorf("%s, %s, %s: an id where a name belongs: …%s‹%s›%s…", scores, recorded, f,
						text[max(0, m[0]-60):m[0]], text[m[0]:m[1]], text[m[1]:min(len(text), m[1]+40)])
				}
			}
		}
	}
}
