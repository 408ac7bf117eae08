package documents_test

import (
	"strings"
	"testing"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestSubmissionNamesTheAuthority: a sector's cluster asks its own council
// to consider the proposals and its own head to decide, in both languages,
// in every format.
func TestSubmissionNamesTheAuthority(t *testing.T) {
	rb, err := rules.Load("../rules/testdata/sector-kiemsat.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := rankSheet(t, rb, "a=Viện kiểm sát nhân dân tỉnh A:55", "b=Viện kiểm sát nhân dân tỉnh B:50")
	for _, c := range []struct {
		tag  lang.Tag
		want string
	}{
		{lang.Vietnamese, "Kính đề nghị Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân xem xét, trình Viện trưởng Viện kiểm sát nhân dân tối cao quyết định./."},
		{lang.English, "We respectfully submit these proposals for Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân to consider and Viện trưởng Viện kiểm sát nhân dân tối cao to decide./."},
	} {
		for _, f := range []documents.Format{documents.Markdown, documents.HTML} {
			out := render(t, documents.Submission, f, rb, st, documents.Options{Lang: c.tag})
			if !strings.Contains(out, c.want) {
				t.Errorf("%v %s: no %q in:\n%s", c.tag, f, c.want, out)
			}
			if strings.Contains(out, "UBND tỉnh quyết định") || strings.Contains(out, "provincial") {
				t.Errorf("%v %s: the provincial authority is named for a sector's cluster", c.tag, f)
			}
		}
	}
}
