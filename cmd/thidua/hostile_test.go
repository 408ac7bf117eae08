package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// hostileDir holds the hostile-input corpus: files made to crash, hang,
// exhaust or deceive the program. Each file's name starts with the input
// it is given as (see hostileArgs).
const hostileDir = "../../testdata/hostile/"

// hostileArgs is the command that reads a hostile file as the input its
// name starts with: "rules-…" as a rulebook, "scores-…" as a score sheet,
// and so on. The other inputs are the Cụm II example's.
func hostileArgs(t *testing.T, name, path string) []string {
	kind, _, _ := strings.Cut(name, "-")
	sheet := cum2 + "scores-2020.csv"
	switch kind {
	case "rules":
		return []string{"validate", "--rules", path}
	case "scores":
		return []string{"rank", "--rules", rb, "--scores", path}
	case "recorded":
		return []string{"audit", "--rules", rb, "--scores", sheet, "--recorded", path}
	case "model":
		return []string{"simulate", "--rules", rb, "--scores", sheet, "--model", path, "--n", "10"}
	case "edits":
		return []string{"scenario", "--rules", rb, "--scores", sheet, "--edits", path}
	case "history":
		return []string{"history", "--file", path}
	case "covenant":
		return []string{"covenant", "progress", "--covenant", path}
	case "province":
		return []string{"nominate", "--province", path}
	case "titles":
		return []string{"titles", "--file", path}
	case "members":
		return []string{"template", "--rules", rb, "--members", path, "--out", filepath.Join(t.TempDir(), "t.xlsx")}
	case "mapping":
		return []string{"rank", "--rules", rb, "--scores", filledXLSX, "--mapping", path}
	}
	t.Fatalf("%s: the name must start with the input it is (rules-, scores-, recorded-, …)", name)
	return nil
}

// hostileWant is, for each file of the corpus, a piece of the problem it
// must be refused with (in English): the right reason, not just any.
var hostileWant = map[string]string{
	"covenant-yaml-tag.yaml":   `YAML tags such as "!custom" are not supported`,
	"edits-huge-exponent.yaml": `expected a number like 9.75 or 9,75, found "1e999999999"`,
	"edits-yaml-tag.yaml":      `YAML tags such as "!!map" are not supported`,
	"history-yaml-tag.yaml":    `YAML tags such as "!!str" are not supported`,
	"members-control-name.csv": `contains the control character U+001B`,
	"model-huge-exponent.yaml": `found "1e999999999"`,
	"model-yaml-tag.yaml":      `YAML tags such as "!!binary" are not supported`,
	"province-yaml-tag.yaml":   `YAML tags such as "!!binary" are not supported`,
	"recorded-long-header.csv": `(300000 bytes)`,
	"rules-alias-bomb.yaml":    `anchors and aliases are not supported`,
	"rules-bad-exponent.yaml":  `found "2.5e"`,
	"rules-control-title.yaml": `contains the control character U+001B`,
	"rules-custom-tag.yaml":    `YAML tags such as "!custom" are not supported`,
	"rules-deep-nesting.yaml":  `depth`,
	"rules-huge-exponent.yaml": `found "1e999999999"`,
	"rules-yaml-tag.yaml":      `YAML tags such as "!!float" are not supported`,
	"scores-bidi-name.csv":     `contains the control character U+202E`,
	"scores-control-name.csv":  `contains the control character U+001B`,
	"scores-deep-nesting.xlsx": `nests XML elements more than 100 levels deep`,
	"scores-long-decimal.json": `(more than 40 significant digits)`,
	"scores-long-value.csv":    `(more than 40 significant digits)`,
	"scores-newline-name.csv":  `contains the control character U+000A`,
	"scores-zero-width-id.csv": `contains the invisible character U+200B`,
	"titles-yaml-tag.yaml":     `YAML tags such as "!!str" are not supported`,
	"rules-long-id.yaml":       `unknown id "I"`,
}

// hostileAccepted are the files of the corpus that are valid input whose
// danger lies in what the output would do with them: the command succeeds
// and its output must be inert.
var hostileAccepted = map[string]bool{
	// The minutes' notes may say anything; the audit never echoes one raw.
	"recorded-control-note.csv": true,
}

// TestHostileCorpus gives every file of testdata/hostile to the command
// that reads it. Each must be refused with exit 1 and a bounded, inert
// message: no panic, no hang, no line longer than a screenful, and no
// control character from the file echoed to the terminal.
func TestHostileCorpus(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			for _, lang := range []string{"vi", "en"} {
				args := append(hostileArgs(t, name, hostileDir+name), "--lang", lang)
				var out, errb bytes.Buffer
				code := run(args, nil, &out, &errb)
				want := exitBadInput
				if hostileAccepted[name] {
					want = exitOK
				}
				require.Equal(t, want, code, "stdout: %.2000s\nstderr: %.2000s", out.String(), errb.String())
				inert(t, out.String())
				inert(t, errb.String())
				if lang == "en" && !hostileAccepted[name] {
					want, ok := hostileWant[name]
					require.True(t, ok, "hostileWant has no reason for %s", name)
					require.Contains(t, errb.String(), want)
				}
			}
		})
	}
}

// inert checks that text is safe to print: every line short, no control
// character but the line break, no bidirectional override.
func inert(t *testing.T, text string) {
	t.Helper()
	require.True(t, utf8.ValidString(text), "output is valid UTF-8")
	for line := range strings.SplitSeq(text, "\n") {
		require.LessOrEqual(t, len(line), 2000, "a line of %d bytes: %.200q", len(line), line)
		for _, r := range line {
			if r == '\t' {
				continue
			}
			require.False(t, unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069),
				"control character %U in %.200q", r, line)
		}
	}
}

// TestEndlessInputs gives every loader an input that never ends or that
// Stat says is empty — /dev/zero, /dev/urandom and a FIFO fed without end
// — under the name of a file of its kind. Each must be refused with exit 1
// as too large, having read no more than its limit.
func TestEndlessInputs(t *testing.T) {
	kinds := []struct{ kind, ext string }{
		{"rules", ".yaml"}, {"scores", ".csv"}, {"scores", ".json"}, {"scores", ".xlsx"},
		{"recorded", ".csv"}, {"recorded", ".yaml"}, {"model", ".yaml"}, {"edits", ".yaml"},
		{"history", ".yaml"}, {"covenant", ".yaml"}, {"province", ".yaml"}, {"titles", ".yaml"},
		{"members", ".csv"}, {"mapping", ".yaml"},
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "fifo"} {
		if dev != "fifo" {
			if _, err := os.Stat(dev); err != nil {
				t.Logf("no %s here", dev)
				continue
			}
		}
		for _, k := range kinds {
			t.Run(filepath.Base(dev)+"/"+k.kind+k.ext, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, k.kind+"-endless"+k.ext)
				if dev == "fifo" {
					require.NoError(t, syscall.Mkfifo(path, 0o600))
					stop := feed(t, path)
					defer stop()
				} else {
					require.NoError(t, os.Symlink(dev, path))
				}
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				var out, errb bytes.Buffer
				code := run(append(hostileArgs(t, k.kind+"-", path), "--lang", "en"), nil, &out, &errb)
				runtime.ReadMemStats(&after)
				require.Equal(t, exitBadInput, code, "stderr: %.2000s", errb.String())
				require.Regexp(t, `larger than|limit|at most`, errb.String())
				inert(t, errb.String())
				require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(400<<20), "read no more than its limit")
			})
		}
	}
}

// feed writes zeros into the FIFO at path until the reader closes it or
// the test ends; stop ends it.
func feed(t *testing.T, path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		buf := make([]byte, 64<<10)
		for {
			select {
			case <-done:
				return
			default:
			}
			// generous: on a loaded machine the reader may pause for
			// seconds, and a writer that gives up ends the "endless"
			// input early (the reader then sees a short file, not an
			// endless one); the reader closing the FIFO ends it at once
			f.SetWriteDeadline(time.Now().Add(30 * time.Second))
			if _, err := f.Write(buf); err != nil {
				return
			}
		}
	}()
	return func() {
		close(done)
		// Unblock a writer still waiting for a reader to open the FIFO.
		if r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			r.Close()
		}
		<-finished
	}
}
