//go:build unix

package audit_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
)

// secret is the content of a file outside the batch, which a symbolic
// link of the batch points to: no output may show it.
const secret = "root:x:0:0:SECRET-ROOT-LINE:/root:/bin/bash\n"

// cluster copies the clean cum2 example into dir, but for the files named
// in skip.
func cluster(t *testing.T, dir string, skip ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for to, from := range map[string]string{"rulebook.yaml": "rulebook.yaml", "scores.csv": "scores-2020.csv", "recorded.csv": "recorded-2020.csv"} {
		if !strings.Contains(strings.Join(skip, " "), to) {
			copyFile(t, example(from), filepath.Join(dir, to))
		}
	}
}

// TestBatchSkipsSpecialFiles audits a batch whose folders hold a symbolic
// link to a file outside the batch, a symbolic link to a file inside it,
// a FIFO and a link to a folder outside it. The batch reads none of them
// (it never opens the FIFO, so the test needs no timeout), says in each
// folder's result what it skipped, and no output shows the outside file.
func TestBatchSkipsSpecialFiles(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	passwd := filepath.Join(outside, "passwd")
	writeFile(t, passwd, secret)
	cluster(t, filepath.Join(outside, "cluster"))

	dir := filepath.Join(root, "batch")
	cluster(t, filepath.Join(dir, "a", "ok"))
	cluster(t, filepath.Join(dir, "b", "outside"), "recorded.csv")
	if err := os.Symlink(passwd, filepath.Join(dir, "b", "outside", "recorded.csv")); err != nil {
		t.Fatal(err)
	}
	cluster(t, filepath.Join(dir, "c", "inside"), "recorded.csv")
	if err := os.Symlink(filepath.Join("..", "..", "a", "ok", "recorded.csv"), filepath.Join(dir, "c", "inside", "recorded.csv")); err != nil {
		t.Fatal(err)
	}
	cluster(t, filepath.Join(dir, "d", "fifo"), "scores.csv")
	if err := syscall.Mkfifo(filepath.Join(dir, "d", "fifo", "scores.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "cluster"), filepath.Join(dir, "e")); err != nil {
		t.Fatal(err)
	}

	var results []audit.ClusterResult
	if _, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
		results = append(results, c)
		return nil
	}, audit.Workers(2)); err != nil {
		t.Fatal(err)
	}
	want := map[string][]audit.SkippedFile{
		"a/ok":      nil,
		"b/outside": {{Path: "b/outside/recorded.csv", Kind: "symlink"}},
		"c/inside":  {{Path: "c/inside/recorded.csv", Kind: "symlink"}},
		"d/fifo":    {{Path: "d/fifo/scores.csv", Kind: "fifo"}},
	}
	if len(results) != len(want) {
		t.Fatalf("got %d results, want %d (the folder link e is not followed): %+v", len(results), len(want), results)
	}
	for _, c := range results {
		skipped, ok := want[c.Dir]
		if !ok {
			t.Errorf("a result for %s", c.Dir)
			continue
		}
		if !equalSkipped(c.Skipped, skipped) {
			t.Errorf("%s: skipped %+v, want %+v", c.Dir, c.Skipped, skipped)
		}
		if (c.Err != nil) != (skipped != nil) {
			t.Errorf("%s: error %v", c.Dir, c.Err)
		}
		if c.Err != nil && !errors.Is(c.Err, audit.ErrMalformedCluster) {
			t.Errorf("%s: error %v", c.Dir, c.Err)
		}
	}
	for _, f := range []audit.Format{audit.Markdown, audit.JSON, audit.HTML} {
		for _, tag := range []lang.Tag{lang.English, lang.Vietnamese} {
			var b bytes.Buffer
			w, err := audit.NewBatchWriterIn(&b, f, dir, tag)
			if err != nil {
				t.Fatal(err)
			}
			var sum audit.Summary
			for _, c := range results {
				sum.Add(c)
				if err := w.Cluster(c); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(sum); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.Contains(out, "SECRET-ROOT-LINE") || strings.Contains(out, "root:x:0:0") {
				t.Errorf("%s %s: the output shows the file outside the batch:\n%s", f, tag, out)
			}
			words := map[lang.Tag]string{lang.English: "it is a named pipe (FIFO), not a regular file", lang.Vietnamese: "đây là một đường ống có tên (FIFO)"}[tag]
			if f == audit.JSON {
				words = `"kind":"fifo"`
			}
			for _, w := range []string{"b/outside/recorded.csv", "c/inside/recorded.csv", "d/fifo/scores.csv", words} {
				if !strings.Contains(out, w) {
					t.Errorf("%s %s: the output does not say it skipped %s:\n%s", f, tag, w, out)
				}
			}
		}
	}
}

func equalSkipped(a, b []audit.SkippedFile) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLoadDevice reads /dev/zero as a recorded result: Stat says it is
// empty, but it never ends; it is refused at the size limit.
func TestLoadDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	_, err := audit.Load("/dev/zero")
	var es audit.ParseErrors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Message.Key != "recorded.too_large" {
		t.Fatalf("got %v", err)
	}
	if got := es[0].Error(); got != "/dev/zero: file is larger than 8388608 bytes" {
		t.Errorf("got %q", got)
	}
}

// TestBatchMarkdownFolderNames audits folders whose names are Markdown or
// would end the HTML comment that names each cluster: the Markdown output
// keeps them inert.
func TestBatchMarkdownFolderNames(t *testing.T) {
	dir := t.TempDir()
	cluster(t, filepath.Join(dir, "x--->y\n# Giả mạo [a](javascript:b)"))
	cluster(t, filepath.Join(dir, "z|w"), "scores.csv")
	var b bytes.Buffer
	w, err := audit.NewBatchWriter(&b, audit.Markdown, "[t](javascript:x)")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error { return w.Cluster(c) })
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkMarkdown(t, out)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "<!--") && (strings.Count(line, "-->") != 1 || !strings.HasSuffix(line, " -->")) {
			t.Errorf("a comment that ends early: %s", line)
		}
	}
	if sum.Clusters != 2 {
		t.Errorf("%d clusters:\n%s", sum.Clusters, out)
	}
}
