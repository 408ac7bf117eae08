package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	rb   = "../../examples/cum2/rulebook.yaml"
	cum2 = "../../examples/cum2/"
	// sector is a sector cluster's rulebook naming its own council and
	// decider (authority).
	sector = "../../rules/testdata/sector-kiemsat.yaml"
	// nghean grades its members (xếp loại), a ballot per band, the flag
	// only from the highest band
	nghean       = "../../examples/nghean-grading/rulebook.yaml"
	ngheanScores = "../../examples/nghean-grading/scores-2025.csv"
)

// TestGolden runs the CLI and compares its exit code, stdout and stderr
// with testdata/NAME.golden. Run with -update to rewrite them after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"rank-cum2-2020", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv"}, exitOK},
		{"rank-cum2-2020-en", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--lang", "en"}, exitOK},
		{"rank-top-ineligible-en", []string{"rank", "--rules", rb, "--scores", cum2 + "top-ineligible.csv", "--lang", "en"}, exitOK},
		{"rank-unresolved-tie-en", []string{"rank", "--rules", rb, "--scores", cum2 + "unresolved-tie.csv", "--lang", "en"}, exitOK},
		{"usage-bad-lang", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--lang", "fr"}, exitUsage},
		{"rank-cum2-2020-json-sheet", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.json"}, exitOK},
		{"rank-cum2-2020-json", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--format", "json"}, exitOK},
		{"rank-cum2-2020-explain", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--explain"}, exitOK},
		{"rank-tie-broken", []string{"rank", "--rules", rb, "--scores", cum2 + "tie-broken.csv"}, exitOK},
		{"rank-top-ineligible", []string{"rank", "--rules", rb, "--scores", cum2 + "top-ineligible.csv"}, exitOK},
		{"rank-unresolved-tie", []string{"rank", "--rules", rb, "--scores", cum2 + "unresolved-tie.csv"}, exitOK},
		{"rank-unresolved-tie-json", []string{"rank", "--rules", rb, "--scores", cum2 + "unresolved-tie.csv", "--format", "json"}, exitOK},
		// a tie that decides no award: a shared rank, quietly; --explain says why
		{"rank-shared-rank", []string{"rank", "--rules", rb, "--scores", cum2 + "shared-rank.csv"}, exitOK},
		{"rank-shared-rank-en", []string{"rank", "--rules", rb, "--scores", cum2 + "shared-rank.csv", "--lang", "en"}, exitOK},
		{"rank-shared-rank-json", []string{"rank", "--rules", rb, "--scores", cum2 + "shared-rank.csv", "--format", "json"}, exitOK},
		{"rank-shared-rank-explain", []string{"rank", "--rules", rb, "--scores", cum2 + "shared-rank.csv", "--explain"}, exitOK},
		// dense ranks (rank_convention: dense): 1=, 1=, 2
		{"rank-dense-unresolved-tie", []string{"rank", "--rules", "testdata/dense-rulebook.yaml", "--scores", cum2 + "unresolved-tie.csv"}, exitOK},
		// a sector's cluster: its council considers, its head decides
		{"rank-sector-authority", []string{"rank", "--rules", sector, "--scores", "testdata/sector-scores.csv"}, exitOK},
		{"rank-sector-authority-en", []string{"rank", "--rules", sector, "--scores", "testdata/sector-scores.csv", "--lang", "en"}, exitOK},
		// grading bands: a Xếp loại column, the bands, and with --explain why each member has its band
		{"rank-nghean-grading", []string{"rank", "--rules", nghean, "--scores", ngheanScores}, exitOK},
		{"rank-nghean-grading-explain", []string{"rank", "--rules", nghean, "--scores", ngheanScores, "--explain"}, exitOK},
		{"rank-nghean-grading-explain-en", []string{"rank", "--rules", nghean, "--scores", ngheanScores, "--explain", "--lang", "en"}, exitOK},
		// a rulebook that only grades (a trade-union cluster): bands, shared ranks quietly, no proposals
		{"rank-union-grading", []string{"rank", "--rules", "../../examples/union-grading/rulebook.yaml", "--scores", "../../examples/union-grading/scores-2018.csv"}, exitOK},
		{"rank-nghean-grading-json", []string{"rank", "--rules", nghean, "--scores", ngheanScores, "--format", "json"}, exitOK},
		{"validate-ok", []string{"validate", "--rules", rb, "--scores", cum2 + "scores-2020.csv"}, exitOK},
		{"validate-ok-en", []string{"validate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--lang", "en"}, exitOK},
		{"validate-usage-bad-lang", []string{"validate", "--rules", rb, "--lang", "fr"}, exitUsage},
		{"validate-bad-rulebook", []string{"validate", "--rules", "testdata/bad-rulebook.yaml"}, exitBadInput},
		{"validate-bad-scores", []string{"validate", "--rules", rb, "--scores", "testdata/bad-scores.csv"}, exitBadInput},
		{"validate-bad-rulebook-en", []string{"validate", "--rules", "testdata/bad-rulebook.yaml", "--lang", "en"}, exitBadInput},
		{"validate-bad-scores-en", []string{"validate", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--lang", "en"}, exitBadInput},
		{"rank-bad-scores", []string{"rank", "--rules", rb, "--scores", "testdata/bad-scores.csv"}, exitBadInput},
		{"rank-missing-file", []string{"rank", "--rules", rb, "--scores", "testdata/nonexistent.csv"}, exitBadInput},
		{"usage-no-args", nil, exitUsage},
		{"usage-unknown-command", []string{"rnak"}, exitUsage},
		{"usage-missing-scores", []string{"rank", "--rules", rb}, exitUsage},
		{"usage-bad-format", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--format", "xml"}, exitUsage},
		{"usage-bad-seed", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--seed", "-1"}, exitUsage},
		{"usage-extra-argument", []string{"validate", "--rules", rb, "extra"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.args, c.code) })
	}
}

// call runs one command function as run runs a command: its streams
// wrapped, with no standard input and no browser.
func call(cmd cmdFunc, args []string, stdout, stderr io.Writer) int {
	return runEnv(&env{stdout: stdout, stderr: stderr, open: noBrowser}, args, cmd)
}

// noBrowser is the browser of tests: none.
func noBrowser(string) error { return errors.New("no browser in tests") }

// golden runs the CLI with args and compares the exit code, stdout and
// stderr with testdata/NAME.golden (rewritten with -update).
func golden(t *testing.T, name string, args []string, wantCode int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	if code != wantCode {
		t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, errb.String())
	}
	got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String())
	path := filepath.Join("testdata", name+".golden")
	if *update {
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

// TestRankOutcomes checks the published Cụm II 2020 outcome and the three
// variants directly, independently of the golden files' formatting.
func TestRankOutcomes(t *testing.T) {
	cases := []struct {
		sheet string
		want  []string // substrings that must appear, in order
	}{
		{"scores-2020.csv", []string{
			"1     Sở Công Thương", "Cờ thi đua của UBND tỉnh",
			"2     Sở Khoa học và Công nghệ", "Bằng khen",
			"3     Sở Xây dựng", "Bằng khen",
		}},
		{"tie-broken.csv", []string{"2     Sở Khoa học và Công nghệ", "3     Sở Xây dựng", "group I: 38 < 38.5 (Sở Khoa học và Công nghệ)"}},
		{"top-ineligible.csv", []string{"1     Sở Công Thương                          96.35  —", "2     Sở Khoa học và Công nghệ                94.70  Cờ thi đua", "skipped Sở Công Thương (fails Không có tập thể, cá nhân bị kỷ luật)"}},
		{"unresolved-tie.csv", []string{"1=    Sở Công Thương", "1=    Sở Khoa học và Công nghệ", "UNRESOLVED tie with Sở Công Thương", "PENDING an unresolved tie", "not decided"}},
	}
	for _, c := range cases {
		t.Run(c.sheet, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run([]string{"rank", "--rules", rb, "--scores", cum2 + c.sheet, "--lang", "en"}, nil, &out, &errb); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			s := out.String()
			for _, w := range c.want {
				i := strings.Index(s, w)
				if i < 0 {
					t.Fatalf("output lacks %q:\n%s", w, out.String())
				}
				s = s[i+len(w):]
			}
		})
	}
}
