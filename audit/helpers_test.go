package audit_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// examples is the folder of the cum2 example files.
var examples = filepath.Join("..", "examples", "cum2")

func example(name string) string { return filepath.Join(examples, name) }

// readFile reads a file, failing the test on error.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cum2 returns the example rulebook.
func cum2(t testing.TB) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load(example("rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// edit applies replacements (old → new, each of which must occur) and
// appends extra lines to a file's text.
func edit(t testing.TB, text string, replace [][2]string, extra ...string) string {
	t.Helper()
	for _, r := range replace {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("edit: %q not found", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	for _, l := range extra {
		text += l + "\n"
	}
	return text
}

// sheetOf reads a CSV score sheet held in a string (rows it cannot read are
// dropped: the tests give valid CSV).
func sheetOf(t testing.TB, name, text string) scoring.Sheet {
	t.Helper()
	sh, err := sheets.ReadCSV(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// recordedOf reads a CSV recorded result held in a string.
func recordedOf(t testing.TB, name, text string) audit.Recorded {
	t.Helper()
	rec, err := audit.ReadCSV(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// kinds lists the kinds of a report's findings, in order.
func kinds(r audit.Report) []audit.Kind {
	var out []audit.Kind
	for _, f := range r.Findings {
		out = append(out, f.Kind)
	}
	return out
}

// findingsText writes the findings one a line, for failure messages.
func findingsText(r audit.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(string(f.Severity) + " " + string(f.Kind) + " " + f.Member + " " + f.Rule + " " + f.Criterion + ": " + f.Text(lang.English) + "\n")
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, d)
	}
}

// writeFile writes a file, failing the test on error.
func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// auditOf audits with a live context, failing the test on error.
func auditOf(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet, rec audit.Recorded) audit.Report {
	t.Helper()
	r, err := audit.Audit(context.Background(), rb, sh, rec)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
