package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runWhatif runs a what-if command as run does.
func runWhatif(args []string, stdout, stderr io.Writer) int {
	return run(args, nil, stdout, stderr)
}

// TestWhatifGolden runs the what-if commands on the bundled example and
// compares exit code, stdout and stderr with testdata/whatif-NAME.golden
// (go test -update rewrites them; review the diff).
func TestWhatifGolden(t *testing.T) {
	sheet := cum2 + "scores-2020.csv"
	base := []string{"--rules", rb, "--scores", sheet}
	// the banded grading example, with M03's criterion 5 at 11 of 15 (73%)
	ngRules, ngLow := "../../examples/nghean-grading/rulebook.yaml", "testdata/nghean-m03-low.csv"
	with := func(cmd string, args ...string) []string {
		return append(append([]string{cmd}, base...), args...)
	}
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"whatif-sxd-flag", with("whatif", "--member", "SXD", "--award", "flag", "--lang", "en"), exitOK},
		{"whatif-sxd-flag-json", with("whatif", "--member", "SXD", "--award", "flag", "--format", "json"), exitOK},
		{"whatif-ttt-merit", with("whatif", "--member", "TTT", "--award", "merit", "--lang", "en"), exitOK},
		{"whatif-ttt-rank1-steps", with("whatif", "--member", "TTT", "--rank", "1", "--step", "03=0.5", "--step", "06=0.5", "--step", "08=0.5", "--lang", "en"), exitOK},
		{"whatif-snnptnt-flag-unreachable", with("whatif", "--member", "SNNPTNT", "--award", "flag", "--lang", "en"), exitOK},
		{"whatif-sct-already", with("whatif", "--member", "SCT", "--award", "flag", "--lang", "en"), exitOK},
		{"whatif-sensitivity-weight-07", with("sensitivity", "--weight", "07", "--from", "0.5", "--to", "60", "--step", "0.5", "--lang", "en"), exitOK},
		{"whatif-sensitivity-score-sct-08", with("sensitivity", "--score", "SCT:08", "--from", "7", "--to", "10", "--step", "0.5", "--lang", "en"), exitOK},
		{"whatif-sensitivity-json", with("sensitivity", "--score", "SXD:07", "--from", "80", "--to", "90", "--step", "5", "--format", "json"), exitOK},
		{"whatif-snnptnt-flag-unreachable-json", with("whatif", "--member", "SNNPTNT", "--award", "flag", "--format", "json"), exitOK},
		{"whatif-sensitivity-weight-07-json", with("sensitivity", "--weight", "07", "--from", "0.5", "--to", "1", "--step", "0.5", "--format", "json"), exitOK},
		{"whatif-scenario-deduction", with("scenario", "--edits", cum2+"scenario-deduction.yaml", "--lang", "en"), exitOK},
		{"whatif-scenario-deduction-json", with("scenario", "--edits", cum2+"scenario-deduction.yaml", "--format", "json"), exitOK},
		{"whatif-scenario-bad-file", with("scenario", "--edits", "testdata/whatif-bad-scenario.yaml", "--lang", "en"), exitBadInput},
		{"whatif-scenario-unknown-ids", with("scenario", "--edits", "testdata/whatif-unknown-ids.yaml", "--lang", "en"), exitBadInput},
		{"whatif-scenario-invalid-after", with("scenario", "--edits", "testdata/whatif-invalid-after.yaml", "--lang", "en"), exitBadInput},
		{"whatif-scenario-missing-file", with("scenario", "--edits", "testdata/nonexistent.yaml", "--lang", "en"), exitBadInput},
		{"whatif-unknown-member", with("whatif", "--member", "XYZ", "--award", "flag", "--lang", "en"), exitUsage},
		{"whatif-unknown-tier", with("whatif", "--member", "SXD", "--award", "gold", "--lang", "en"), exitUsage},
		{"whatif-rank-out-of-range", with("whatif", "--member", "SXD", "--rank", "9", "--lang", "en"), exitUsage},
		{"whatif-bad-step", with("whatif", "--member", "SXD", "--award", "flag", "--step", "02=0.5", "--lang", "en"), exitUsage},
		{"whatif-usage-no-target", with("whatif", "--member", "SXD", "--lang", "en"), exitUsage},
		{"whatif-usage-two-targets", with("whatif", "--member", "SXD", "--rank", "1", "--award", "flag", "--lang", "en"), exitUsage},
		{"whatif-usage-step-syntax", with("whatif", "--member", "SXD", "--rank", "1", "--step", "03", "--lang", "en"), exitUsage},
		{"whatif-sensitivity-zero-weight", with("sensitivity", "--weight", "07", "--from", "0", "--to", "2", "--step", "0.5", "--lang", "en"), exitUsage},
		{"whatif-sensitivity-usage-no-range", with("sensitivity", "--weight", "07", "--from", "1", "--lang", "en"), exitUsage},
		{"whatif-sensitivity-usage-bad-score", with("sensitivity", "--score", "SCT", "--from", "1", "--to", "2", "--step", "1", "--lang", "en"), exitUsage},
		{"whatif-sensitivity-unknown-node", with("sensitivity", "--weight", "99", "--from", "1", "--to", "2", "--step", "1", "--lang", "en"), exitUsage},
		{"whatif-bad-scores", []string{"whatif", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--member", "SXD", "--rank", "1", "--lang", "en"}, exitBadInput},
		// Vietnamese, the default.
		{"whatif-sxd-flag-vi", with("whatif", "--member", "SXD", "--award", "flag"), exitOK},
		{"whatif-ttt-merit-vi", with("whatif", "--member", "TTT", "--award", "merit", "--lang", "vi"), exitOK},
		{"whatif-snnptnt-flag-unreachable-vi", with("whatif", "--member", "SNNPTNT", "--award", "flag"), exitOK},
		{"whatif-sct-already-vi", with("whatif", "--member", "SCT", "--award", "flag"), exitOK},
		{"whatif-sensitivity-weight-07-vi", with("sensitivity", "--weight", "07", "--from", "0.5", "--to", "60", "--step", "0.5"), exitOK},
		{"whatif-sensitivity-score-sct-08-vi", with("sensitivity", "--score", "SCT:08", "--from", "7", "--to", "10", "--step", "0.5"), exitOK},
		{"whatif-scenario-deduction-vi", with("scenario", "--edits", cum2+"scenario-deduction.yaml"), exitOK},
		{"whatif-scenario-kinds-vi", with("scenario", "--edits", "testdata/whatif-scenario-kinds.yaml"), exitOK},
		{"whatif-scenario-kinds-en", with("scenario", "--edits", "testdata/whatif-scenario-kinds.yaml", "--lang", "en"), exitOK},
		// Grading bands (xếp loại): a band as the target, a band change in a sweep.
		{"whatif-nghean-grade-vi", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M03", "--grade", "tot"}, exitOK},
		{"whatif-nghean-grade-en", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M03", "--grade", "tot", "--lang", "en"}, exitOK},
		{"whatif-nghean-grade-json", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M03", "--grade", "tot", "--format", "json"}, exitOK},
		{"whatif-nghean-grade-vote-vi", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M06", "--grade", "hoan_thanh"}, exitOK},
		{"whatif-nghean-grade-unknown", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M03", "--grade", "gioi"}, exitUsage},
		{"whatif-nghean-usage-grade-and-award", []string{"whatif", "--rules", ngRules, "--scores", ngLow, "--member", "M03", "--grade", "tot", "--award", "flag"}, exitUsage},
		{"whatif-nghean-sensitivity-grade-vi", []string{"sensitivity", "--rules", ngRules, "--scores", ngLow, "--score", "M03:5", "--from", "10", "--to", "15", "--step", "1"}, exitOK},
		{"whatif-usage-bad-lang", with("whatif", "--member", "SXD", "--award", "flag", "--lang", "fr"), exitUsage},
		{"whatif-sensitivity-usage-bad-lang", with("sensitivity", "--weight", "07", "--from", "1", "--to", "2", "--step", "1", "--lang", "fr"), exitUsage},
		{"whatif-scenario-usage-bad-lang", with("scenario", "--edits", cum2+"scenario-deduction.yaml", "--lang", "fr"), exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runWhatif(c.args, &out, &errb)
			if code != c.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, c.code, errb.String())
			}
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String())
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, d)
			}
		})
	}
}
