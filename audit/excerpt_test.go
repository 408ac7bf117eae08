package audit_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// TestParseErrorsQuoteExcerpts feeds the recorded-result parsers long bad
// values — an unknown column, record kind, key, rank, number, schema —
// such as a file that is not a recorded result has: each problem quotes
// an excerpt of the value ending in "…", never the whole of it, in its
// message as in the member and key written before it.
func TestParseErrorsQuoteExcerpts(t *testing.T) {
	long := strings.Repeat("ổ", 30) + strings.Repeat("x", 500) + "TAIL"
	row := func(s string) string { return "record,member,key,value,note\n" + s + "\n" }
	tests := []struct {
		name, file, text string
	}{
		{"an unknown column", "r.csv", "record,member," + long + "\n"},
		{"an unknown record kind", "r.csv", row(long + ",SCT,,1,")},
		{"a rank", "r.csv", row("rank,SCT,," + long + ",")},
		{"a number", "r.csv", row("total,SCT,," + long + ",")},
		{"a count", "r.csv", row("votes,SCT,for," + long + ",")},
		{"a member key", "r.csv", row("member,SCT," + long + ",x,")},
		{"a cluster key", "r.csv", row("cluster,," + long + ",x,")},
		{"a year", "r.csv", row("cluster,,year," + long + ",")},
		{"a member id", "r.csv", row("member," + strings.Repeat("y", 300) + long + ",name,x,")},
		{"a schema", "r.json", `{"schema": "` + long + `"}`},
		{"a number in JSON", "r.json", `{"members": [{"id": "SCT", "total": "` + long + `"}]}`},
		{"a member id in JSON", "r.json", `{"members": [{"id": "` + long + `"}, {"id": "` + long + `"}]}`},
		{"a subtotal in JSON", "r.json", `{"members": [{"id": "SCT", "subtotals": {"` + long + `": "x"}}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if strings.HasSuffix(tc.file, ".json") {
				_, err = audit.ParseJSON(tc.file, []byte(tc.text))
			} else {
				_, err = audit.ReadCSV(tc.file, strings.NewReader(tc.text))
			}
			var es audit.ParseErrors
			if !errors.As(err, &es) {
				t.Fatalf("got %v", err)
			}
			for _, tag := range []lang.Tag{lang.English, lang.Vietnamese} {
				text := es.Text(tag)
				if strings.Contains(text, "TAIL") || strings.Contains(text, strings.Repeat("x", 100)) {
					t.Errorf("%s: the problem quotes the whole value: %s", tag, text)
				}
				if n := utf8.RuneCountInString(text); n > 400 {
					t.Errorf("%s: %d runes: %s", tag, n, text)
				}
			}
			if !strings.Contains(es.Error(), "…") {
				t.Errorf("the problem quotes no excerpt: %s", es.Error())
			}
		})
	}
}
