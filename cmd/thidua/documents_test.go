package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

var contentHash = regexp.MustCompile(`sha256:[0-9a-f]{64}`)

// TestDocumentsGolden runs thidua documents and compares its exit code,
// stdout and stderr with testdata/documents-NAME.golden (rewritten with
// -update). Content hashes are replaced by "sha256:…" there, as they change
// with the canonical encoding of rulebooks and sheets;
// TestDocumentsProvenance checks them exactly.
func TestDocumentsGolden(t *testing.T) {
	scores := cum2 + "scores-2020.csv"
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"summary-md", []string{"--rules", rb, "--scores", scores, "--kind", "summary"}, exitOK},
		{"summary-html", []string{"--rules", rb, "--scores", scores, "--kind", "summary", "--format", "html"}, exitOK},
		{"submission-md", []string{"--rules", rb, "--scores", scores, "--kind", "submission"}, exitOK},
		{"submission-html", []string{"--rules", rb, "--scores", scores, "--kind", "submission", "--format", "html"}, exitOK},
		{"submission-en", []string{"--rules", rb, "--scores", scores, "--kind", "submission", "--lang", "en"}, exitOK},
		{"submission-options", []string{"--rules", rb, "--scores", scores, "--kind", "submission",
			"--issuer", "Sở Khoa học và Công nghệ", "--parent", "UBND tỉnh Cao Bằng", "--recipient", "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", "--place", "Cao Bằng"}, exitOK},
		{"submission-unresolved-tie", []string{"--rules", rb, "--scores", cum2 + "unresolved-tie.csv", "--kind", "submission"}, exitOK},
		{"summary-top-ineligible", []string{"--rules", rb, "--scores", cum2 + "top-ineligible.csv", "--kind", "summary"}, exitOK},
		{"bad-scores", []string{"--rules", rb, "--scores", "testdata/bad-scores.csv", "--kind", "summary"}, exitBadInput},
		{"missing-file", []string{"--rules", rb, "--scores", "testdata/nonexistent.csv", "--kind", "summary"}, exitBadInput},
		{"usage-missing-kind", []string{"--rules", rb, "--scores", scores}, exitUsage},
		{"usage-bad-kind", []string{"--rules", rb, "--scores", scores, "--kind", "minutes"}, exitUsage},
		{"usage-bad-format", []string{"--rules", rb, "--scores", scores, "--kind", "summary", "--format", "pdf"}, exitUsage},
		{"usage-bad-lang", []string{"--rules", rb, "--scores", scores, "--kind", "summary", "--lang", "fr"}, exitUsage},
		{"usage-docx-without-out", []string{"--rules", rb, "--scores", scores, "--kind", "summary", "--format", "docx"}, exitUsage},
		{"usage-extra-argument", []string{"--rules", rb, "--scores", scores, "--kind", "summary", "extra"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := call(documentsCmd, c.args, &out, &errb)
			if code != c.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, c.code, errb.String())
			}
			got := contentHash.ReplaceAllString(fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String()), "sha256:…")
			path := filepath.Join("testdata", "documents-"+c.name+".golden")
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
		})
	}
}

// TestDocumentsProvenance: the documents carry the exact hashes of the
// rulebook and the sheet the ranking used.
func TestDocumentsProvenance(t *testing.T) {
	book, err := rules.Load(rb)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(book, cum2+"scores-2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(book, sh)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"summary", "submission"} {
		var out, errb bytes.Buffer
		if code := call(documentsCmd, []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--kind", kind}, &out, &errb); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		for _, h := range []string{st.Rulebook.Hash, st.SheetHash} {
			if !strings.Contains(out.String(), h) {
				t.Errorf("%s: no %s", kind, h)
			}
		}
	}
}

// TestDocumentsOut writes each format to a file with --out: nothing on
// stdout, the file complete (HTML closed, .docx a readable zip).
func TestDocumentsOut(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		format, file string
		check        func(t *testing.T, b []byte)
	}{
		{"md", "summary.md", func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "| 1 | Sở Công Thương |") {
				t.Errorf("no first row in the Markdown")
			}
		}},
		{"html", "summary.html", func(t *testing.T, b []byte) {
			s := string(b)
			if !strings.HasPrefix(s, "<!DOCTYPE html>") || !strings.HasSuffix(s, "</html>\n") || !strings.Contains(s, `<meta charset="utf-8">`) {
				t.Errorf("not a complete HTML page")
			}
			if strings.Contains(s, "http://") || strings.Contains(s, "https://") {
				t.Errorf("the page refers to the network")
			}
		}},
		{"docx", "summary.docx", func(t *testing.T, b []byte) {
			z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("not a zip: %v", err)
			}
			found := false
			for _, f := range z.File {
				found = found || f.Name == "word/document.xml"
			}
			if !found {
				t.Errorf("no word/document.xml")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			path := filepath.Join(dir, c.file)
			var out, errb bytes.Buffer
			code := call(documentsCmd, []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--kind", "summary", "--format", c.format, "--out", path}, &out, &errb)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty with --out: %q", out.String())
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, b)
		})
	}
	t.Run("unwritable", func(t *testing.T) {
		var out, errb bytes.Buffer
		code := call(documentsCmd, []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--kind", "summary", "--out", filepath.Join(dir, "no", "such", "dir", "x.md")}, &out, &errb)
		if code != exitBadInput || !strings.Contains(errb.String(), "thidua documents:") {
			t.Errorf("exit %d, stderr %q; want 1 and an error", code, errb.String())
		}
	})
}
