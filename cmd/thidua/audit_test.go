package main

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
)

// TestAuditGolden runs thidua audit (auditCmd) and compares its exit code,
// stdout and stderr with testdata/audit-NAME.golden. Run with -update to
// rewrite them after an intended change, and review the diff.
func TestAuditGolden(t *testing.T) {
	const batch = "testdata/audit-batch"
	cases := []struct {
		name string
		args []string
		code int
	}{
		// English, as the reports were before they had a language.
		{"cum2-clean", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--lang", "en"}, exitOK},
		{"cum2-clean-json", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--format", "json", "--lang", "en"}, exitOK},
		{"cum2-clean-json-recorded", []string{"--rules", rb, "--scores", cum2 + "scores-2020.json", "--recorded", "../../audit/testdata/recorded-2020.json", "--lang", "en"}, exitOK},
		{"cum2-errors", []string{"--rules", rb, "--scores", cum2 + "recorded-2020-errors-sheet.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--lang", "en"}, exitBadInput},
		{"cum2-errors-html", []string{"--rules", rb, "--scores", cum2 + "recorded-2020-errors-sheet.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--format", "html", "--lang", "en"}, exitBadInput},
		{"cum2-wrong-sheet", []string{"--rules", rb, "--scores", cum2 + "tie-broken.csv", "--recorded", cum2 + "recorded-2020.csv", "--lang", "en"}, exitBadInput},
		// The same sheet entered in the Excel template: the same report, but
		// for the sheet's file name.
		{"cum2-clean-xlsx", []string{"--rules", rb, "--scores", filledXLSX, "--recorded", cum2 + "recorded-2020.csv", "--lang", "en"}, exitOK},
		{"mapping-not-xlsx", []string{"--rules", rb, "--scores", cum2 + "tie-broken.csv", "--mapping", "testdata/xlsx-members.csv", "--recorded", cum2 + "recorded-2020.csv", "--lang", "en"}, exitBadInput},
		{"batch", []string{"--batch", batch, "--lang", "en"}, exitBadInput},
		{"batch-json", []string{"--batch", batch, "--format", "json", "--lang", "en"}, exitBadInput},
		{"bad-recorded", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", "testdata/audit-bad-recorded.csv", "--lang", "en"}, exitBadInput},
		{"bad-recorded-vi", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", "testdata/audit-bad-recorded.csv"}, exitBadInput},
		{"bad-rulebook", []string{"--rules", "testdata/bad-rulebook.yaml", "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--lang", "en"}, exitBadInput},
		{"missing-file", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", "testdata/nonexistent.csv", "--lang", "en"}, exitBadInput},
		{"missing-batch", []string{"--batch", "testdata/nonexistent", "--lang", "en"}, exitBadInput},
		// Vietnamese, the default.
		{"cum2-clean-vi", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv"}, exitOK},
		{"cum2-errors-vi", []string{"--rules", rb, "--scores", cum2 + "recorded-2020-errors-sheet.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--lang", "vi"}, exitBadInput},
		{"cum2-errors-html-vi", []string{"--rules", rb, "--scores", cum2 + "recorded-2020-errors-sheet.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--format", "html"}, exitBadInput},
		{"cum2-wrong-sheet-vi", []string{"--rules", rb, "--scores", cum2 + "tie-broken.csv", "--recorded", cum2 + "recorded-2020.csv"}, exitBadInput},
		{"batch-vi", []string{"--batch", batch}, exitBadInput},
		// A sealed record in place of the minutes (thidua seal of the cum2
		// example), and rulebook change control in a batch: two folders of
		// one cluster-year under different rulebooks, one not the rulebook
		// sealed, issued after the year and the meeting.
		{"sealed-clean-vi", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", "testdata/audit-sealed-2020.json"}, exitOK},
		{"sealed-changed-sheet", []string{"--rules", rb, "--scores", cum2 + "tie-broken.csv", "--recorded", "testdata/audit-sealed-2020.json", "--lang", "en"}, exitBadInput},
		{"batch-control", []string{"--batch", "testdata/audit-control", "--lang", "en"}, exitBadInput},
		{"batch-control-vi", []string{"--batch", "testdata/audit-control"}, exitBadInput},
		{"batch-control-json", []string{"--batch", "testdata/audit-control", "--format", "json"}, exitBadInput},
		// Usage errors.
		{"usage-pub-not-record", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv", "--recorded", cum2 + "recorded-2020.csv", "--pub", "key.pub"}, exitUsage},
		{"usage-missing-recorded", []string{"--rules", rb, "--scores", cum2 + "scores-2020.csv"}, exitUsage},
		{"usage-batch-and-rules", []string{"--batch", batch, "--rules", rb}, exitUsage},
		{"usage-batch-and-mapping", []string{"--batch", batch, "--mapping", "m.yaml"}, exitUsage},
		{"usage-bad-format", []string{"--batch", batch, "--format", "pdf"}, exitUsage},
		{"usage-bad-lang", []string{"--batch", batch, "--lang", "fr"}, exitUsage},
		{"usage-extra-argument", []string{"--batch", batch, "extra"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := call(auditCmd, c.args, &out, &errb)
			if code != c.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, c.code, errb.String())
			}
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out.String(), errb.String())
			golden := filepath.Join("testdata", "audit-"+c.name+".golden")
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

// TestAuditOut checks that --out writes the same report as standard output
// and says where it went.
func TestAuditOut(t *testing.T) {
	args := []string{"--rules", rb, "--scores", cum2 + "recorded-2020-errors-sheet.csv", "--recorded", cum2 + "recorded-2020-errors.csv", "--format", "html"}
	var want, errb bytes.Buffer
	if code := call(auditCmd, args, &want, &errb); code != exitBadInput {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	file := filepath.Join(t.TempDir(), "audit.html")
	var out bytes.Buffer
	errb.Reset()
	if code := call(auditCmd, append(args, "--out", file), &out, &errb); code != exitBadInput {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("the file differs from what standard output gets")
	}
	if !strings.Contains(out.String(), "thidua audit: đã ghi báo cáo vào "+file) {
		t.Errorf("stdout %q", out.String())
	}
	out.Reset()
	if code := call(auditCmd, append(args, "--out", file, "--lang", "en"), &out, &errb); code != exitBadInput {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "thidua audit: report written to "+file) {
		t.Errorf("stdout %q", out.String())
	}
	if code := call(auditCmd, append(args, "--out", filepath.Join(t.TempDir(), "no", "such", "dir.html")), &out, &errb); code != exitBadInput {
		t.Errorf("an unwritable --out gives exit %d", code)
	}
}

// TestAuditExitCodes checks the outcomes directly, independently of the
// golden files: the reference case is clean, the seeded errors are found.
func TestAuditExitCodes(t *testing.T) {
	cases := []struct {
		name     string
		recorded string
		sheet    string
		lang     string
		code     int
		want     []string
	}{
		{"the published result of Cụm II 2020 audits clean", "recorded-2020.csv", "scores-2020.csv", "en", exitOK,
			[]string{"**Clean:**", "Findings: 0 errors, 0 warnings, 0 infos", "| Sở Công Thương | 1 | 1 | 96.35 | 96.35 | Cờ thi đua của UBND tỉnh | Cờ thi đua của UBND tỉnh |"}},
		{"the seeded errors are found", "recorded-2020-errors.csv", "recorded-2020-errors-sheet.csv", "en", exitBadInput,
			[]string{"**Not clean:**", "| not_in_force |", "| tiebreak_not_in_chain |", "| award_votes |"}},
		{"kết quả của Cụm II năm 2020 đạt", "recorded-2020.csv", "scores-2020.csv", "vi", exitOK,
			[]string{"**Đạt:**", "Phát hiện: 0 lỗi, 0 cảnh báo, 0 thông tin", "| Sở Công Thương | 1 | 1 | 96,35 | 96,35 | Cờ thi đua của UBND tỉnh | Cờ thi đua của UBND tỉnh |  | khớp |"}},
		{"các lỗi cài sẵn được phát hiện", "recorded-2020-errors.csv", "recorded-2020-errors-sheet.csv", "vi", exitBadInput,
			[]string{"**Không đạt:**", "| quy định không có hiệu lực |", "| căn cứ phân định ngoài quy định |", "| không đủ số phiếu |"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := call(auditCmd, []string{"--rules", rb, "--scores", cum2 + c.sheet, "--recorded", cum2 + c.recorded, "--lang", c.lang}, &out, &errb)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errb.String())
			}
			for _, w := range c.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// TestAuditEveryFormat audits the Cụm II 2020 sheet in each of its formats
// (CSV, JSON, the filled Excel template) against the published minutes:
// every one is clean, and the reports differ only in the sheet's name.
func TestAuditEveryFormat(t *testing.T) {
	var reports []string
	for _, sheet := range []string{cum2 + "scores-2020.csv", cum2 + "scores-2020.json", filledXLSX} {
		var out, errb bytes.Buffer
		code := call(auditCmd, []string{"--rules", rb, "--scores", sheet, "--recorded", cum2 + "recorded-2020.csv", "--format", "json"}, &out, &errb)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", sheet, code, errb.String())
		}
		reports = append(reports, strings.ReplaceAll(out.String(), sheet, "SHEET"))
	}
	for i := 1; i < len(reports); i++ {
		if d := cmp.Diff(reports[0], reports[i]); d != "" {
			t.Errorf("report %d differs from the CSV's (-csv +other):\n%s", i, d)
		}
	}
}

// TestAuditSealedRecord gives thidua audit a sealed record (record.Seal,
// signed) in place of the minutes: clean with the right key, and each
// failure for its reason, in both languages.
func TestAuditSealedRecord(t *testing.T) {
	dir := t.TempDir()
	rulebook, err := rules.Load(rb)
	if err != nil {
		t.Fatal(err)
	}
	scores := cum2 + "scores-2020.csv"
	sh, _, err := scoresheet.Check(rulebook, scores)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rulebook, sh)
	if err != nil {
		t.Fatal(err)
	}
	pub, key, _ := ed25519.GenerateKey(nil)
	otherPub, _, _ := ed25519.GenerateKey(nil)
	rec, err := record.Seal(rulebook, sh, st, record.Options{Key: key, Now: time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	recPath, pubPath, otherPath := filepath.Join(dir, "2020.json"), filepath.Join(dir, "cum2.pub"), filepath.Join(dir, "other.pub")
	for path, k := range map[string]ed25519.PublicKey{pubPath: pub, otherPath: otherPub} {
		data, err := record.MarshalPublicKey(k)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(recPath, rec.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	tampered := filepath.Join(dir, "tampered.json")
	if err := os.WriteFile(tampered, bytes.Replace(rec.Marshal(), []byte(`"total":"96.35"`), []byte(`"total":"99.35"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"right key", []string{"--recorded", recPath, "--pub", pubPath, "--lang", "en"}, exitOK,
			[]string{"**Clean:** the sealed record is intact", "| info | record_checked |  | signature |", "valid Ed25519 signature"}},
		{"no key", []string{"--recorded", recPath, "--lang", "en"}, exitOK,
			[]string{"| warning | record_unknown_key |", "no public key was given (--pub)"}},
		{"other key", []string{"--recorded", recPath, "--pub", otherPath}, exitBadInput,
			[]string{"| lỗi | chữ ký hồ sơ niêm phong |", "không phải khóa đã cho", "Hồ sơ niêm phong không khớp"}},
		{"tampered", []string{"--recorded", tampered, "--pub", pubPath, "--lang", "en"}, exitBadInput,
			[]string{"| error | record_tampered |", "the record was altered"}},
		{"other sheet", []string{"--recorded", recPath, "--pub", pubPath, "--scores", cum2 + "tie-broken.csv", "--format", "json"}, exitBadInput,
			[]string{`"kind": "record_changed_sheet"`, `"key": "control.record.finding"`}},
		{"bad key file", []string{"--recorded", recPath, "--pub", scores}, exitBadInput, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"--rules", rb, "--scores", scores}, c.args...)
			var out, errb bytes.Buffer
			if code := call(auditCmd, args, &out, &errb); code != c.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.code, out.String(), errb.String())
			}
			got := strings.ReplaceAll(out.String(), "\n      ", "")
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("the report lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
