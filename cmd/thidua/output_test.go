package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// copyFile copies src into dir and returns the copy's path.
func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	dst := filepath.Join(dir, filepath.Base(src))
	require.NoError(t, os.WriteFile(dst, data, 0o644))
	return dst
}

// TestOutputIsNotAnInput runs every command that writes a file with its
// output naming one of its inputs — the same path, a hard link or a
// symbolic link to it — and checks that the command is refused before it
// writes anything: the input keeps every byte.
func TestOutputIsNotAnInput(t *testing.T) {
	type setup func(t *testing.T, dir string) (args []string, input string)
	cases := []struct {
		name string
		prep setup
	}{
		{"audit --out the recorded result", func(t *testing.T, dir string) ([]string, string) {
			r := copyFile(t, cum2+"recorded-2020.csv", dir)
			return []string{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", r, "--out", r}, r
		}},
		{"audit --out the rulebook", func(t *testing.T, dir string) ([]string, string) {
			r := copyFile(t, rb, dir)
			return []string{"audit", "--rules", r, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--out", r}, r
		}},
		{"rank --out the score workbook", func(t *testing.T, dir string) ([]string, string) {
			s := copyFile(t, filledXLSX, dir)
			return []string{"rank", "--rules", rb, "--scores", s, "--out", s}, s
		}},
		{"template --out the members workbook", func(t *testing.T, dir string) ([]string, string) {
			s := copyFile(t, filledXLSX, dir)
			return []string{"template", "--rules", rb, "--members", s, "--out", s}, s
		}},
		{"documents --out the sheet", func(t *testing.T, dir string) ([]string, string) {
			s := copyFile(t, cum2+"scores-2020.csv", dir)
			return []string{"documents", "--rules", rb, "--scores", s, "--kind", "summary", "--out", s}, s
		}},
		{"rank --out a hard link to the sheet", func(t *testing.T, dir string) ([]string, string) {
			s := copyFile(t, filledXLSX, dir)
			link := filepath.Join(dir, "link.xlsx")
			require.NoError(t, os.Link(s, link))
			return []string{"rank", "--rules", rb, "--scores", s, "--out", link}, s
		}},
		{"documents --out a symbolic link to the sheet", func(t *testing.T, dir string) ([]string, string) {
			s := copyFile(t, cum2+"scores-2020.csv", dir)
			link := filepath.Join(dir, "link.md")
			require.NoError(t, os.Symlink(s, link))
			return []string{"documents", "--rules", rb, "--scores", s, "--kind", "summary", "--out", link}, s
		}},
		{"audit --out through a symbolic link to the folder", func(t *testing.T, dir string) ([]string, string) {
			r := copyFile(t, cum2+"recorded-2020.csv", dir)
			alias := filepath.Join(t.TempDir(), "alias")
			require.NoError(t, os.Symlink(dir, alias))
			return []string{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", r, "--out", filepath.Join(alias, "recorded-2020.csv")}, r
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args, input := c.prep(t, dir)
			before, err := os.ReadFile(input)
			require.NoError(t, err)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			var out, errb bytes.Buffer
			code := run(args, nil, &out, &errb)
			require.Equal(t, exitUsage, code, "stdout: %s\nstderr: %s", out.String(), errb.String())
			require.Contains(t, errb.String(), "tệp đầu vào")
			require.NotContains(t, out.String(), "đã ghi")
			after, err := os.ReadFile(input)
			require.NoError(t, err)
			require.Equal(t, before, after, "the input is unchanged")
			again, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, again, len(entries), "no temporary file is left")
		})
	}
}

// TestFailedCommandKeepsTarget runs commands that fail with an existing
// output file: the file keeps its content and nothing says it was written.
func TestFailedCommandKeepsTarget(t *testing.T) {
	cases := []struct {
		name string
		args func(target string) []string
		ext  string
	}{
		{"audit with a missing recorded result", func(o string) []string {
			return []string{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", "testdata/nonexistent.csv", "--out", o}
		}, ".md"},
		{"audit with a missing batch folder", func(o string) []string {
			return []string{"audit", "--batch", "testdata/nonexistent", "--out", o}
		}, ".md"},
		{"rank with a bad sheet", func(o string) []string {
			return []string{"rank", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--out", o}
		}, ".xlsx"},
		{"template with a bad rulebook", func(o string) []string {
			return []string{"template", "--rules", "testdata/bad-rulebook.yaml", "--out", o}
		}, ".xlsx"},
		{"documents with a bad sheet", func(o string) []string {
			return []string{"documents", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--kind", "summary", "--out", o}
		}, ".md"},
		{"simulate with a bad model", func(o string) []string {
			return []string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--model", "testdata/bad-model.yaml", "--chart", o}
		}, ".svg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "out"+c.ext)
			require.NoError(t, os.WriteFile(target, []byte("last year's report"), 0o644))
			var out, errb bytes.Buffer
			code := run(c.args(target), nil, &out, &errb)
			require.Equal(t, exitBadInput, code, errb.String())
			data, err := os.ReadFile(target)
			require.NoError(t, err)
			require.Equal(t, "last year's report", string(data))
			require.NotContains(t, out.String(), target)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 1, "no temporary file is left")
		})
	}
}

// TestOutputMode checks that an output file is created like any other
// (0644 under the usual umask) and that a file replaced keeps its mode.
func TestOutputMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	fresh := filepath.Join(dir, "results.xlsx")
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--out", fresh}, nil, &out, &errb), errb.String())
	st, err := os.Stat(fresh)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644), st.Mode().Perm())

	private := filepath.Join(dir, "private.md")
	require.NoError(t, os.WriteFile(private, nil, 0o600))
	require.NoError(t, os.Chmod(private, 0o600))
	require.Equal(t, exitOK, run([]string{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--out", private}, nil, &out, &errb), errb.String())
	st, err = os.Stat(private)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	require.Contains(t, out.String(), "đã ghi báo cáo vào "+private)

	// An audit that finds errors still writes its report: it is the
	// command's product.
	found := filepath.Join(dir, "found.md")
	out.Reset()
	require.Equal(t, exitBadInput, run([]string{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--out", found}, nil, &out, &errb))
	data, err := os.ReadFile(found)
	require.NoError(t, err)
	require.NotEmpty(t, data)
	require.Contains(t, out.String(), "đã ghi báo cáo vào "+found)
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestWriteErrors runs every command that prints its result with standard
// output failing: each must exit 1 and say so, never 0.
func TestWriteErrors(t *testing.T) {
	years := "../../examples/cum2-years/"
	with := func(cmd string, more ...string) []string {
		return append([]string{cmd, "--rules", rb, "--scores", cum2 + "scores-2020.csv"}, more...)
	}
	cases := [][]string{
		with("rank"),
		with("rank", "--format", "json"),
		with("rank", "--explain"),
		{"validate", "--rules", rb, "--scores", cum2 + "scores-2020.csv"},
		with("simulate", "--range", "0.5", "--step", "0.25", "--n", "200"),
		with("simulate", "--range", "0.5", "--step", "0.25", "--n", "200", "--format", "json"),
		with("whatif", "--member", "SXD", "--award", "flag"),
		with("sensitivity", "--score", "SCT:08", "--from", "7", "--to", "10", "--step", "0.5"),
		with("scenario", "--edits", cum2+"scenario-deduction.yaml"),
		with("documents", "--kind", "summary"),
		{"audit", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv"},
		{"history", "--file", years + "history.yaml"},
		{"nominate", "--province", "../../examples/province/province-2021.yaml"},
		{"titles", "--file", years + "titles-skhcn-2020.yaml"},
		{"covenant", "progress", "--covenant", years + "covenant-2021.yaml"},
		{"--help"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errb bytes.Buffer
			code := run(args, nil, failingWriter{}, &errb)
			require.Equal(t, exitBadInput, code, errb.String())
			require.Contains(t, errb.String(), "cannot write the output")
		})
	}
	// The real thing, where the system has it.
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	var errb bytes.Buffer
	require.Equal(t, exitBadInput, run(with("rank"), nil, full, &errb))
	require.Contains(t, errb.String(), "no space left on device")
}

// TestMissingFlags checks that every missing required flag is reported,
// always in the same order.
func TestMissingFlags(t *testing.T) {
	for range 20 {
		var out, errb bytes.Buffer
		require.Equal(t, exitUsage, run([]string{"whatif", "--lang", "en"}, nil, &out, &errb))
		first, _, _ := strings.Cut(errb.String(), "\n")
		require.Equal(t, "thidua whatif: --rules, --scores and --member are required", first)
	}
	var out, errb bytes.Buffer
	require.Equal(t, exitUsage, run([]string{"documents", "--rules", rb}, nil, &out, &errb))
	require.Contains(t, errb.String(), "--scores and --kind are required")
}

// TestSimulateCount refuses scenario counts the engine cannot run instead
// of overflowing into "0 of N scenarios".
func TestSimulateCount(t *testing.T) {
	for _, n := range []string{"9223372036854775807", "1000000000001", "0", "-5"} {
		var out, errb bytes.Buffer
		code := run([]string{"simulate", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--range", "0.5", "--step", "0.25", "--n", n, "--lang", "en"}, nil, &out, &errb)
		require.Equal(t, exitUsage, code, n)
		require.Contains(t, errb.String(), "--n must be from 1 to 1000000000000 scenarios", n)
		require.Empty(t, out.String())
	}
}

// TestProblemCap lists the first maxProblems problems of a huge list one
// by one and counts the rest by kind, instead of writing them all.
func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("record,member,key,value\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "member,M%04d,name,Đơn vị %d\n", i, i)
	}
	sheet := filepath.Join(t.TempDir(), "many.csv")
	require.NoError(t, os.WriteFile(sheet, []byte(b.String()), 0o644))
	for _, c := range []struct{ lang, more, total string }{
		{"vi", "lỗi khác (chỉ ghi 200 lỗi đầu tiên), theo loại: input.score.missing ", " lỗi"},
		{"en", "more problems (only the first 200 are listed), by kind: input.score.missing ", " problems"},
	} {
		var out, errb bytes.Buffer
		require.Equal(t, exitBadInput, run([]string{"rank", "--rules", rb, "--scores", sheet, "--lang", c.lang}, nil, &out, &errb))
		lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
		require.Equal(t, maxProblems+2, len(lines), "200 problems, the rest counted, the total")
		require.Contains(t, lines[maxProblems], c.more)
		require.True(t, strings.HasSuffix(lines[maxProblems+1], c.total), lines[maxProblems+1])
		require.Contains(t, strings.Join(lines[:5], "\n"), "M0000:", "the first problems come first")
	}
}
