package audit_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// TestWarningsOnlyHeading: a report that found no error but has warnings
// (minutes that publish only ranks and awards, say) is headed "to review",
// never "not clean" above a sentence saying no error was found.
func TestWarningsOnlyHeading(t *testing.T) {
	rep, err := audit.AuditFiles(context.Background(), "../examples/cum2/rulebook.yaml", "../examples/cum2/scores-2020.csv", "../testdata/hostile/recorded-control-note.csv")
	require.NoError(t, err)
	require.Zero(t, rep.Counts.Errors)
	require.NotZero(t, rep.Counts.Warnings)
	for _, c := range []struct {
		tag       lang.Tag
		want, not string
	}{{lang.Vietnamese, "Cần xem xét:", "Không đạt"}, {lang.English, "To review:", "Not clean"}} {
		for _, f := range []audit.Format{audit.Markdown, audit.HTML} {
			var b bytes.Buffer
			require.NoError(t, rep.WriteIn(&b, f, c.tag))
			out := b.String()
			require.Contains(t, out, c.want, "%v %v", c.tag, f)
			require.False(t, strings.Contains(out, c.not+":"), "%v %v: %s", c.tag, f, c.not)
		}
	}
}
