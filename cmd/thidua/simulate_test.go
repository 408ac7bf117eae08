package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
)

func TestSimulateGolden(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "chart.svg")
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"simulate-cum2", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "0.5", "--step", "0.25", "--n", "20000", "--seed", "7"}, exitOK},
		{"simulate-cum2-en", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "0.5", "--step", "0.25", "--n", "20000", "--seed", "7", "--lang", "en"}, exitOK},
		{"simulate-cum2-model", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--model", cum2 + "model.yaml", "--n", "20000", "--seed", "7", "--workers", "1"}, exitOK},
		{"simulate-nghean-grades", []string{"simulate", "--rules", "../../examples/nghean-grading/rulebook.yaml", "--scores", "../../examples/nghean-grading/scores-2025.csv", "--range", "1", "--step", "1", "--n", "5000", "--seed", "7"}, exitOK},
		{"simulate-nghean-grades-en", []string{"simulate", "--rules", "../../examples/nghean-grading/rulebook.yaml", "--scores", "../../examples/nghean-grading/scores-2025.csv", "--range", "1", "--step", "1", "--n", "5000", "--seed", "7", "--lang", "en"}, exitOK},
		{"simulate-usage-no-model", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv"}, exitUsage},
		{"simulate-usage-bad-engine", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "1", "--step", "1", "--engine", "gpu"}, exitUsage},
		{"simulate-usage-bad-chart", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "1", "--step", "1", "--chart", "x.png"}, exitUsage},
		{"simulate-bad-model", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--model", "testdata/bad-model.yaml"}, exitBadInput},
		{"simulate-bad-model-en", []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--model", "testdata/bad-model.yaml", "--lang", "en"}, exitBadInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.args, c.code) })
	}
	// the same run with a chart writes the chart and prints the same table
	var out, errb bytes.Buffer
	if code := run([]string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "0.5", "--step", "0.25", "--n", "20000", "--seed", "7", "--chart", chart}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	svg, err := os.ReadFile(chart)
	if err != nil || !bytes.HasPrefix(svg, []byte("<svg")) || !bytes.Contains(svg, []byte("Sở Công Thương")) {
		t.Errorf("chart not written or not an SVG with the members (%v)", err)
	}
	// in the command's language (Vietnamese by default), the tiers named
	for _, want := range []string{"Xác suất xếp hạng", "Cờ thi đua của UBND tỉnh"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	if bytes.Contains(svg, []byte("Rank probabilities")) {
		t.Error("the chart is in English")
	}
}

// On a terminal the progress bar is drawn on stderr and cleared at the
// end; elsewhere stderr stays quiet.
func TestSimulateProgressOnlyOnATerminal(t *testing.T) {
	defer func(f func() bool) { stderrIsTerminal = f }(stderrIsTerminal)
	args := []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "0.5", "--step", "0.25", "--n", "2000"}
	for _, tty := range []bool{false, true} {
		stderrIsTerminal = func() bool { return tty }
		var out, errb bytes.Buffer
		if code := run(args, nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		got := errb.String()
		if !tty && got != "" {
			t.Errorf("not a terminal: stderr should be empty, got %q", got)
		}
		if tty && (!strings.Contains(got, "2000/2000 kịch bản") || !strings.HasSuffix(got, "\r\033[K")) {
			t.Errorf("terminal: want a finished bar then a cleared line, got %q", got)
		}
	}
}

// TestProgressBarLanguage: the bar a terminal shows during a simulation
// speaks the command's language.
func TestProgressBarLanguage(t *testing.T) {
	for _, c := range []struct {
		tag       lang.Tag
		want, not string
	}{{lang.Vietnamese, "50/100 kịch bản", "scenarios"}, {lang.English, "50/100 scenarios", "kịch bản"}} {
		var b bytes.Buffer
		progressBar(&b, c.tag)(50, 100)
		if got := b.String(); !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%v: %q", c.tag, got)
		}
	}
}
