package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/record"
)

// runIn runs the CLI with stdin as its standard input.
func runIn(args []string, stdin []byte) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, bytes.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestStdinParity gives each input of each command once as a file and
// once on standard input ("-" with --input-format): the exit code, the
// output and the problems are the same, the file being named "stdin".
func TestStdinParity(t *testing.T) {
	sheet := cum2 + "scores-2020.csv"
	sealed := "testdata/audit-sealed-2020.json"
	cases := []struct {
		name   string
		args   []string
		path   string // the argument read from standard input the second time
		format string
		code   int
	}{
		{"rank --rules", []string{"rank", "--rules", rb, "--scores", sheet}, rb, "yaml", exitOK},
		{"rank --scores csv", []string{"rank", "--rules", rb, "--scores", sheet, "--explain"}, sheet, "csv", exitOK},
		{"rank --scores json", []string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.json", "--format", "json", "--lang", "en"}, cum2 + "scores-2020.json", "json", exitOK},
		{"rank --scores xlsx", []string{"rank", "--rules", rb, "--scores", filledXLSX}, filledXLSX, "xlsx", exitOK},
		{"rank --scores bad", []string{"rank", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--lang", "en"}, "testdata/bad-scores.csv", "csv", exitBadInput},
		{"rank --mapping", []string{"rank", "--rules", rb, "--scores", filledXLSX, "--mapping", "testdata/xlsx-mapping-bad.yaml", "--lang", "en"}, "testdata/xlsx-mapping-bad.yaml", "yaml", exitBadInput},
		{"validate --rules bad", []string{"validate", "--rules", "testdata/bad-rulebook.yaml"}, "testdata/bad-rulebook.yaml", "yaml", exitBadInput},
		{"validate --scores", []string{"validate", "--rules", rb, "--scores", sheet}, sheet, "csv", exitOK},
		{"simulate --model", []string{"simulate", "--rules", rb, "--scores", sheet, "--model", cum2 + "model.yaml", "--n", "300"}, cum2 + "model.yaml", "yaml", exitOK},
		{"simulate --scores", []string{"simulate", "--rules", rb, "--scores", sheet, "--range", "0.5", "--step", "0.25", "--n", "300", "--format", "json"}, sheet, "csv", exitOK},
		{"scenario --edits", []string{"scenario", "--rules", rb, "--scores", sheet, "--edits", cum2 + "scenario-deduction.yaml"}, cum2 + "scenario-deduction.yaml", "yaml", exitOK},
		{"whatif --scores", []string{"whatif", "--rules", rb, "--scores", sheet, "--member", "SXD", "--award", "flag"}, sheet, "csv", exitOK},
		{"sensitivity --rules", []string{"sensitivity", "--rules", rb, "--scores", sheet, "--score", "SCT:08", "--from", "7", "--to", "10", "--step", "0.5"}, rb, "yaml", exitOK},
		{"documents --scores", []string{"documents", "--rules", rb, "--scores", sheet, "--kind", "summary"}, sheet, "csv", exitOK},
		{"audit --recorded csv", []string{"audit", "--rules", rb, "--scores", sheet, "--recorded", cum2 + "recorded-2020.csv"}, cum2 + "recorded-2020.csv", "csv", exitOK},
		{"audit --recorded errors", []string{"audit", "--rules", rb, "--scores", sheet, "--recorded", cum2 + "recorded-2020-errors.csv", "--lang", "en"}, cum2 + "recorded-2020-errors.csv", "csv", exitBadInput},
		{"audit --scores", []string{"audit", "--rules", rb, "--scores", sheet, "--recorded", cum2 + "recorded-2020.csv", "--format", "json"}, sheet, "csv", exitOK},
		{"audit --rules", []string{"audit", "--rules", rb, "--scores", sheet, "--recorded", cum2 + "recorded-2020-errors.csv", "--format", "html"}, rb, "yaml", exitBadInput},
		{"covenant --covenant", []string{"covenant", "progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, years + "covenant-2021.yaml", "yaml", exitOK},
		{"covenant --scores", []string{"covenant", "progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, years + "interim-2021.csv", "csv", exitOK},
		{"covenant --rules", []string{"covenant", "progress", "--covenant", years + "covenant-2021.yaml", "--rules", years + "rulebook-2021.yaml", "--scores", years + "interim-2021.csv"}, years + "rulebook-2021.yaml", "yaml", exitOK},
		{"titles --file", []string{"titles", "--file", years + "titles-skhcn-2020.yaml"}, years + "titles-skhcn-2020.yaml", "yaml", exitOK},
		{"diff OLD", []string{"diff", years + "rulebook-2021.yaml", years + "rulebook-2022.yaml"}, years + "rulebook-2021.yaml", "yaml", exitOK},
		{"diff --scores", []string{"diff", rb, years + "rulebook-2022.yaml", "--scores", sheet}, sheet, "csv", exitBadInput},
		{"check --rules", []string{"check", "--rules", rb, "--n", "20"}, rb, "yaml", exitOK},
		{"check --scores", []string{"check", "--rules", rb, "--scores", sheet, "--n", "20", "--format", "json"}, sheet, "csv", exitOK},
		{"verify RECORD", []string{"verify", sealed, "--rules", rb, "--scores", sheet}, sealed, "json", exitOK},
		{"verify --rules", []string{"verify", sealed, "--rules", rb, "--scores", sheet, "--format", "json"}, rb, "yaml", exitOK},
		{"verify --scores", []string{"verify", sealed, "--rules", rb, "--scores", cum2 + "tie-broken.csv", "--lang", "en"}, cum2 + "tie-broken.csv", "csv", exitBadInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, nil, &out, &errb)
			require.Equal(t, c.code, code, "from the file: %s", errb.String())
			data, err := os.ReadFile(c.path)
			require.NoError(t, err)
			args := append([]string{}, c.args...)
			replaced := false
			for i, a := range args {
				if a == c.path && !replaced {
					args[i], replaced = "-", true
				}
			}
			require.True(t, replaced)
			code2, out2, err2 := runIn(append(args, "--input-format", c.format), data)
			asStdin := func(s string) string { return strings.ReplaceAll(s, c.path, stdinName) }
			require.Equal(t, c.code, code2, "from standard input: %s", err2)
			require.Equal(t, asStdin(out.String()), out2)
			require.Equal(t, asStdin(errb.String()), err2)
		})
	}
}

// TestStdinSeal seals from standard input: the record holds the hashes of
// the bytes read, so that it verifies against the files.
func TestStdinSeal(t *testing.T) {
	td := filepath.Join("..", "..", "record", "testdata")
	rules, sheet := filepath.Join(td, "rulebook.yaml"), filepath.Join(td, "scores-2020.csv")
	dir := t.TempDir()
	for _, c := range []struct{ flag, path, format string }{{"--rules", rules, "yaml"}, {"--scores", sheet, "csv"}} {
		out := filepath.Join(dir, strings.TrimPrefix(c.flag, "--")+".json")
		args := []string{"seal", "--rules", rules, "--scores", sheet, "--seed", "7", "--out", out, "--input-format", c.format}
		for i, a := range args {
			if a == c.flag {
				args[i+1] = "-"
			}
		}
		data, err := os.ReadFile(c.path)
		require.NoError(t, err)
		code, stdout, stderr := runIn(args, data)
		require.Equal(t, exitOK, code, stderr)
		require.Contains(t, stdout, "Đã niêm phong kết quả năm 2020")
		rec, err := record.Load(out)
		require.NoError(t, err)
		require.Equal(t, record.FileHash(mustReadFile(t, rules)), rec.Rulebook.FileHash)
		require.Equal(t, record.FileHash(mustReadFile(t, sheet)), rec.SheetFileHash)
		code, stdout, stderr = runIn([]string{"verify", out, "--rules", rules, "--scores", sheet, "--lang", "en"}, nil)
		require.Equal(t, exitOK, code, stdout+stderr)
		// and the record itself from standard input, as the chain's last
		code, stdout, stderr = runIn([]string{"verify", "-", "--input-format", "json", "--rules", rules, "--scores", sheet, "--lang", "en"}, mustReadFile(t, out))
		require.Equal(t, exitOK, code, stdout+stderr)
		require.Contains(t, stdout, "Record stdin:")
	}
}

// TestInputFormatOverride reads a score sheet whose extension says nothing
// (or says something else) in the format --input-format names.
func TestInputFormatOverride(t *testing.T) {
	dat := filepath.Join(t.TempDir(), "scores.dat")
	require.NoError(t, os.WriteFile(dat, mustReadFile(t, cum2+"scores-2020.csv"), 0o644))
	code, _, stderr := runIn([]string{"rank", "--rules", rb, "--scores", dat, "--lang", "en"}, nil)
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, `".dat"`)

	code, want, _ := runIn([]string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv"}, nil)
	require.Equal(t, exitOK, code)
	code, got, stderr := runIn([]string{"rank", "--rules", rb, "--scores", dat, "--input-format", "csv"}, nil)
	require.Equal(t, exitOK, code, stderr)
	require.Equal(t, want, got)

	// The format named is the one read, whatever the extension says.
	code, _, stderr = runIn([]string{"rank", "--rules", rb, "--scores", cum2 + "scores-2020.csv", "--input-format", "json", "--lang", "en"}, nil)
	require.Equal(t, exitBadInput, code, stderr)
	require.Contains(t, stderr, cum2+"scores-2020.csv:3: ") // YAML's complaint about a CSV line
}

// TestStdinUsage: the misuses of standard input are usage errors (exit 2),
// each saying what to do, in the command's language.
func TestStdinUsage(t *testing.T) {
	sheet := cum2 + "scores-2020.csv"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"rank", "--rules", "-", "--scores", "-", "--input-format", "csv", "--lang", "en"}, "thidua rank: only one input can be read from standard input (-), not --rules and --scores"},
		{[]string{"rank", "--rules", "-", "--scores", "-", "--input-format", "csv"}, "thidua rank: chỉ một tệp đầu vào được đọc từ đầu vào chuẩn (-), không phải cả --rules và --scores"},
		{[]string{"rank", "--rules", rb, "--scores", "-", "--lang", "en"}, "thidua rank: --scores - is read from standard input: give its format with --input-format (csv, json, yaml, xlsx)"},
		{[]string{"rank", "--rules", "-", "--scores", sheet, "--input-format", "csv", "--lang", "en"}, `thidua rank: --input-format must be one of json, yaml for --rules, found "csv"`},
		{[]string{"rank", "--rules", rb, "--scores", "-", "--input-format", "pdf", "--lang", "en"}, `--input-format must be one of csv, json, yaml, xlsx for --scores, found "pdf"`},
		{[]string{"titles", "--file", years + "titles-skhcn-2020.yaml", "--input-format", "yaml", "--lang", "en"}, "thidua titles: --input-format is the format of the input read from standard input (-) or of --scores, and the command has neither"},
		{[]string{"template", "--rules", rb, "--members", "-", "--out", "x.xlsx", "--input-format", "csv", "--lang", "en"}, "thidua template: --members cannot be read from standard input (-); give a file"},
		{[]string{"history", "--file", "-", "--lang", "en"}, "thidua history: --file cannot be read from standard input (-); give a file"},
		{[]string{"seal", "--rules", rb, "--scores", sheet, "--key", "-", "--out", "x.json", "--lang", "en"}, "thidua seal: --key cannot be read from standard input (-); give a file"},
		{[]string{"verify", "-", "--rules", "-", "--input-format", "json", "--lang", "en"}, "not RECORD and --rules"},
		{[]string{"verify", "r.json", "--pub", "-", "--lang", "en"}, "thidua verify: --pub cannot be read from standard input (-); give a file"},
		{[]string{"audit", "--rules", rb, "--scores", sheet, "--recorded", "-", "--pub", "k.pub", "--input-format", "json", "--lang", "en"}, "thidua audit: a sealed record (thidua/record/v1) is audited from files only"},
		{[]string{"audit", "--batch", "testdata/audit-batch", "--input-format", "csv", "--lang", "en"}, "--input-format is the format of the input read from standard input (-) or of --scores"},
		{[]string{"diff", "-", "-", "--input-format", "yaml", "--lang", "en"}, "not OLD and NEW"},
	}
	for _, c := range cases {
		code, stdout, stderr := runIn(c.args, []byte("whatever"))
		require.Equal(t, exitUsage, code, "%v: %s", c.args, stderr)
		require.Empty(t, stdout)
		require.Contains(t, stderr, c.want, "%v", c.args)
	}
	// A sealed record on standard input is not read as a recorded result.
	code, _, stderr := runIn([]string{"audit", "--rules", rb, "--scores", sheet, "--recorded", "-", "--input-format", "json", "--lang", "en"}, mustReadFile(t, "testdata/audit-sealed-2020.json"))
	require.Equal(t, exitUsage, code, stderr)
	require.Contains(t, stderr, "is audited from files only")
	// A province read from standard input cannot name history files, which
	// are found beside the province file: a located problem (exit 1).
	code, _, stderr = runIn([]string{"nominate", "--province", "-", "--input-format", "yaml", "--lang", "en"}, mustReadFile(t, "../../examples/province/province-2021.yaml"))
	require.Equal(t, exitBadInput, code, stderr)
	require.Contains(t, stderr, "stdin:")
}

// TestHostileStdin gives the hostile corpus on standard input: each file
// is refused (or accepted) as it is from a file, for the same reason.
func TestHostileStdin(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		kind, _, _ := strings.Cut(name, "-")
		if name == "README.md" || kind == "members" || kind == "history" { // template --members and history --file read files only
			continue
		}
		t.Run(name, func(t *testing.T) {
			path := hostileDir + name
			args := append(hostileArgs(t, name, path), "--lang", "en")
			for i, a := range args {
				if a == path {
					args[i] = "-"
				}
			}
			format := strings.TrimPrefix(filepath.Ext(name), ".")
			code, stdout, stderr := runIn(append(args, "--input-format", format), mustReadFile(t, path))
			want := exitBadInput
			if hostileAccepted[name] {
				want = exitOK
			}
			require.Equal(t, want, code, "stdout: %.2000s\nstderr: %.2000s", stdout, stderr)
			inert(t, stdout)
			inert(t, stderr)
			if !hostileAccepted[name] {
				require.Contains(t, stderr, hostileWant[name])
			}
		})
	}
}

// endless is a standard input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestEndlessStdin gives every input an endless standard input: each is
// refused as too large, having read no more than its limit.
func TestEndlessStdin(t *testing.T) {
	sheet := cum2 + "scores-2020.csv"
	cases := []struct {
		kind, format string
	}{
		{"rules", "yaml"}, {"scores", "csv"}, {"scores", "json"}, {"scores", "xlsx"},
		{"recorded", "csv"}, {"recorded", "yaml"}, {"model", "yaml"}, {"edits", "yaml"},
		{"covenant", "yaml"}, {"province", "yaml"}, {"titles", "yaml"},
		{"mapping", "yaml"}, {"record", "json"},
	}
	for _, c := range cases {
		t.Run(c.kind+"-"+c.format, func(t *testing.T) {
			var args []string
			if c.kind == "record" {
				args = []string{"verify", "-", "--rules", rb, "--scores", sheet}
			} else {
				args = hostileArgs(t, c.kind+"-", "-")
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var out, errb bytes.Buffer
			code := run(append(args, "--lang", "en", "--input-format", c.format), io.Reader(endless{}), &out, &errb)
			runtime.ReadMemStats(&after)
			require.Equal(t, exitBadInput, code, "stderr: %.2000s", errb.String())
			require.Regexp(t, `larger than|limit|at most`, errb.String())
			require.Contains(t, errb.String(), "stdin")
			inert(t, errb.String())
			require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(400<<20), "read no more than its limit")
		})
	}
}
