package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const years = "../../examples/cum2-years/"

type command func(args []string, stdout, stderr io.Writer) int

// TestHistoryGolden runs the history, nominate, covenant and titles
// commands and compares their exit code, stdout and stderr with
// testdata/history-NAME.golden (rewritten with -update, as TestGolden
// does). Once the commands are wired into run, these cases can call
// golden(t, name, append([]string{verb}, args...), code) instead.
func TestHistoryGolden(t *testing.T) {
	cases := []struct {
		name string
		cmd  command
		args []string
		code int
	}{
		{"history-cum2", historyCmd, []string{"--file", years + "history.yaml"}, exitOK},
		{"history-cum2-last-2-years", historyCmd, []string{"--file", years + "history.yaml", "--cluster", "cum2", "--years", "2"}, exitOK},
		{"history-member-skhcntt", historyCmd, []string{"--file", years + "history.yaml", "--member", "SKHCNTT"}, exitOK},
		{"history-member-stnmt", historyCmd, []string{"--file", years + "history.yaml", "--member", "STNMT"}, exitOK},
		{"history-bad-file", historyCmd, []string{"--file", "testdata/history-bad.yaml"}, exitBadInput},
		{"history-missing-file", historyCmd, []string{"--file", "testdata/history-nonexistent.yaml"}, exitBadInput},
		{"history-usage-no-file", historyCmd, nil, exitUsage},
		{"history-usage-unknown-cluster", historyCmd, []string{"--file", years + "history.yaml", "--cluster", "cum9"}, exitUsage},
		{"history-usage-unknown-member", historyCmd, []string{"--file", years + "history.yaml", "--member", "XYZ"}, exitUsage},
		{"history-nominate-province", nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml"}, exitOK},
		{"history-nominate-bad", nominateCmd, []string{"--province", "testdata/history-bad-province.yaml"}, exitBadInput},
		{"history-covenant-progress", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, exitOK},
		{"history-covenant-progress-6-months", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--months", "6"}, exitOK},
		{"history-covenant-unit", covenantCmd, []string{"progress", "--covenant", years + "covenant-skhcn-2021.yaml"}, exitOK},
		{"history-covenant-no-report", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--months", "3"}, exitBadInput},
		{"history-covenant-usage", covenantCmd, []string{"--covenant", years + "covenant-2021.yaml"}, exitUsage},
		{"history-titles-skhcn-2020", titlesCmd, []string{"--file", years + "titles-skhcn-2020.yaml"}, exitOK},
		{"history-titles-centre", titlesCmd, []string{"--file", years + "titles-illustrative-centre.yaml"}, exitBadInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { historyGolden(t, c.name, c.cmd, c.args, c.code) })
	}
}

// historyGolden is golden for a command called directly.
func historyGolden(t *testing.T, name string, cmd command, args []string, wantCode int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmd(args, &out, &errb)
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

// TestHistoryOutcomes checks the outcomes the example files describe in the
// commands' output, independently of the golden files' layout.
func TestHistoryOutcomes(t *testing.T) {
	cases := []struct {
		name string
		cmd  command
		args []string
		want []string // in order
	}{
		{"the 2021 tie is decided by the 2020 flag", historyCmd, []string{"--file", years + "history.yaml"}, []string{
			"2021  8", "Sở Tài nguyên và Môi trường  Sở Giao thông Vận tải", "elected",
			"2021: SCT ranks below STNMT by no_award_last_year flag",
		}},
		{"the 2022 flag passes over the 2021 holder", historyCmd, []string{"--file", years + "history.yaml"}, []string{
			"2022: STNMT passed over for flag (fails khong_2_nam); khong_lien_tiep = false: flag in 2021",
		}},
		{"the successor counts its predecessor's awards", historyCmd, []string{"--file", years + "history.yaml", "--member", "SKHCNTT"}, []string{
			"2020  cum2     SKHCN", "merit: 2 of the 3 years 2020–2022 (2020, 2021)", "flag: 1 of the 3 years 2020–2022 (2022)",
		}},
		{"two nominees under a 20% quota of 12", nominateCmd, []string{"--province", "../../examples/province/province-2021.yaml"}, []string{
			"cut", "Quota: 20% × 12 = 2.4 → 2 (floor)", "1     Sở Y tế", "yes", "Nominated for Cờ thi đua của Chính phủ: SYT, SKHDT",
		}},
		{"the projection puts Sở TN&MT on course for the flag", covenantCmd, []string{"progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, []string{
			"Sở Công Thương                          07         50      36        48         96.00%       NO",
			"assumed: no ballot", "1     Sở Tài nguyên và Môi trường             96.50            Cờ thi đua của UBND tỉnh",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := c.cmd(c.args, &out, &errb); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			s := out.String()
			for _, w := range c.want {
				i := strings.Index(s, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out.String())
				}
				s = s[i+len(w):]
			}
		})
	}
}
