package audit_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
)

// cum2Folder writes a cluster-year folder holding the cum2 example's 2020
// rulebook (its text edited by replace), score sheet and recorded result.
func cum2Folder(t *testing.T, dir string, replace ...[2]string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "rulebook.yaml"), edit(t, readFile(t, example("rulebook.yaml")), replace))
	copyFile(t, example("scores-2020.csv"), filepath.Join(dir, "scores-2020.csv"))
	copyFile(t, example("recorded-2020.csv"), filepath.Join(dir, "recorded-2020.csv"))
	return dir
}

// batchOf runs a batch and returns its results by folder.
func batchOf(t *testing.T, dir string) (map[string]audit.ClusterResult, audit.Summary) {
	t.Helper()
	got := map[string]audit.ClusterResult{}
	sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
		if c.Err != nil {
			t.Errorf("%s: %v", c.Dir, c.Err)
		}
		got[c.Dir] = c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, sum
}

// findingsOf returns the report's findings of a kind.
func findingsOf(r audit.Report, k audit.Kind) []audit.Finding {
	var out []audit.Finding
	for _, f := range r.Findings {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// sealFolder seals the folder's sheet under the rulebook file rulesPath and
// writes the record to the folder as name.
func sealFolder(t *testing.T, dir, rulesPath, name string, now time.Time) *record.Record {
	t.Helper()
	rb, err := rules.Load(rulesPath)
	if err != nil {
		t.Fatal(err)
	}
	scores := filepath.Join(dir, "scores-2020.csv")
	sh, _, err := scoresheet.Check(rb, scores)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	rbFile, _ := os.ReadFile(rulesPath)
	shFile, _ := os.ReadFile(scores)
	rec, err := record.Seal(rb, sh, st, record.Options{Now: now, RulebookFile: rbFile, SheetFile: shFile})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, name), string(rec.Marshal()))
	return rec
}

// TestBatchTwoRulebooksOneClusterYear: two folders of the same cluster and
// year (of one province) under rulebooks of different content: the later
// folder has an error; the earlier, audited first, none.
func TestBatchTwoRulebooksOneClusterYear(t *testing.T) {
	dir := t.TempDir()
	cum2Folder(t, filepath.Join(dir, "a/2020/cum2"))
	cum2Folder(t, filepath.Join(dir, "a/2020/cum2-amended"), [2]string{"Nghị định 91/2017/NĐ-CP, to:", "Nghị định 91/2017/NĐ-CP (amended), to:"})
	got, sum := batchOf(t, dir)
	if fs := findingsOf(got["a/2020/cum2"].Report, audit.KindRulebookConflict); len(fs) != 0 {
		t.Errorf("the first folder has conflicts: %+v", fs)
	}
	b := got["a/2020/cum2-amended"].Report
	fs := findingsOf(b, audit.KindRulebookConflict)
	if len(fs) != 1 || fs[0].Severity != audit.Error {
		t.Fatalf("the second folder's conflicts: %+v", fs)
	}
	if b.Clean || b.Counts.Errors == 0 || sum.WithErrors != 1 || sum.ByKind[audit.KindRulebookConflict] != 1 {
		t.Errorf("report clean=%v counts=%+v, summary %+v", b.Clean, b.Counts, sum)
	}
	for _, want := range []string{"a/2020/cum2", "2020", "caobang-cum2"} {
		if !strings.Contains(fs[0].Text(lang.English), want) {
			t.Errorf("message %q lacks %q", fs[0].Message, want)
		}
	}
	if vi := fs[0].Text(lang.Vietnamese); !strings.Contains(vi, "Hai bộ tiêu chí khác nhau cho cùng cụm") {
		t.Errorf("Vietnamese: %q", vi)
	}
	if !strings.Contains(b.Verdict.In(lang.English), "1 error") {
		t.Errorf("verdict %q", b.Verdict)
	}
}

// TestBatchSameNameTwoProvinces: two provinces each have a cluster named
// as the other's, under rulebooks of their own, in the same years: two
// clusters, not one with conflicting rulebooks. The same folders within
// one province are one cluster, and conflict.
func TestBatchSameNameTwoProvinces(t *testing.T) {
	dir := t.TempDir()
	amended := [2]string{"Nghị định 91/2017/NĐ-CP, to:", "Nghị định 91/2017/NĐ-CP (amended), to:"}
	open := [2]string{"  to: 2020-12-31", "  to: 2021-12-31"}
	cum2Folder(t, filepath.Join(dir, "caobang/2020/cum2"), open)
	cum2Folder(t, filepath.Join(dir, "nghean/2020/cum2"), amended)
	cum2Folder(t, filepath.Join(dir, "nghean/cum2/2020"), amended, open) // another layout
	cum2Folder(t, filepath.Join(dir, "2020/caobang/cum2"), open)
	cum2Folder(t, filepath.Join(dir, "2020/nghean/cum2"), amended)
	got, sum := batchOf(t, dir)
	if len(got) != 5 {
		t.Fatalf("%d folders", len(got))
	}
	for d, c := range got {
		if fs := findingsOf(c.Report, audit.KindRulebookConflict); len(fs) != 0 || !c.Report.Clean {
			t.Errorf("%s: conflicts %+v", d, fs[0].Text(lang.English))
		}
	}
	if sum.ByKind[audit.KindRulebookConflict] != 0 || sum.Clean != 5 {
		t.Errorf("summary %+v", sum)
	}

	// One province's two folders of the same cluster and year (the first
	// of its folders in the batch's order is 2020/caobang/cum2).
	cum2Folder(t, filepath.Join(dir, "caobang/2020/cum2-amended"), amended)
	got, _ = batchOf(t, dir)
	fs := findingsOf(got["caobang/2020/cum2-amended"].Report, audit.KindRulebookConflict)
	if len(fs) != 1 || fs[0].Severity != audit.Error || !strings.Contains(fs[0].Text(lang.English), "folder 2020/caobang/cum2 ") {
		t.Errorf("conflicts: %+v", fs)
	}
}

// TestAuditFilesDatedAfter: the audit of one cluster's files checks the
// rulebook's dates as a batch does: a regulation dated after the meeting
// whose minutes it checks is an error, after the year assessed a warning.
// So does the audit of a sealed record, against the day it was sealed.
func TestAuditFilesDatedAfter(t *testing.T) {
	dir := cum2Folder(t, t.TempDir(), [2]string{"regulation:\n", "regulation:\n  date: 2021-03-01\n"})
	rulebook, scores, recorded := filepath.Join(dir, "rulebook.yaml"), filepath.Join(dir, "scores-2020.csv"), filepath.Join(dir, "recorded-2020.csv")
	r, err := audit.AuditFiles(context.Background(), rulebook, scores, recorded)
	if err != nil {
		t.Fatal(err)
	}
	fs := findingsOf(r, audit.KindRulebookLate)
	if len(fs) != 2 || fs[0].Severity != audit.Error || fs[0].Recorded != "2021-01-05" || fs[1].Severity != audit.Warning || fs[1].Recorded != "2020" {
		t.Fatalf("late: %+v", fs)
	}
	if r.Clean || r.Counts.Errors != 1 || r.Counts.Warnings != 1 {
		t.Errorf("clean=%v counts %+v", r.Clean, r.Counts)
	}
	// The same rulebook, in a batch: the same findings, once.
	got, _ := batchOf(t, filepath.Dir(dir))
	if b := got[filepath.Base(dir)].Report; !slices.EqualFunc(findingsOf(b, audit.KindRulebookLate), fs, func(x, y audit.Finding) bool { return x.Recorded == y.Recorded && x.Severity == y.Severity }) {
		t.Errorf("batch: %+v", findingsOf(b, audit.KindRulebookLate))
	}
	// Audit, from values: the same.
	rb, err := rules.Load(rulebook)
	if err != nil {
		t.Fatal(err)
	}
	sh, _, err := scoresheet.Load(rb, scores)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := audit.Load(recorded)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := audit.Audit(context.Background(), rb, sh, rec); err != nil || len(findingsOf(r, audit.KindRulebookLate)) != 2 {
		t.Errorf("Audit: %v, %+v", err, r.Findings)
	}
	// A sealed record, sealed on 2021-01-06: before the regulation.
	sealFolder(t, dir, example("rulebook.yaml"), "record.json", time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC))
	r, err = audit.AuditSealed(context.Background(), rulebook, scores, filepath.Join(dir, "record.json"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findingsOf(r, audit.KindRulebookLate); len(fs) != 2 || fs[0].Severity != audit.Error || fs[0].Recorded != "2021-01-06" {
		t.Errorf("sealed: %+v", fs)
	}
}

// TestBatchOverlappingPeriods: the same cluster in two years, under two
// rulebooks both in force over both years: a warning.
func TestBatchOverlappingPeriods(t *testing.T) {
	dir := t.TempDir()
	open := [2]string{"  to: 2020-12-31", "  to: 2021-12-31"}
	cum2Folder(t, filepath.Join(dir, "2020"), open)
	d := cum2Folder(t, filepath.Join(dir, "2021"), [2]string{"version: \"2020.1\"", "version: \"2021.1\""},
		[2]string{"  from: 2020-01-01\n  to: 2020-12-31", "  from: 2021-01-01\n  to: 2021-12-31"})
	for _, n := range []string{"scores-2020.csv", "recorded-2020.csv"} {
		text := strings.Replace(readFile(t, filepath.Join(d, n)), "year,2020", "year,2021", 1)
		text = strings.Replace(text, "version,2020.1", "version,2021.1", 1)
		writeFile(t, filepath.Join(d, n), text)
	}
	got, _ := batchOf(t, dir)
	fs := findingsOf(got["2021"].Report, audit.KindRulebookConflict)
	if len(fs) != 1 || fs[0].Severity != audit.Warning || fs[0].Criterion != "in_force" {
		t.Fatalf("conflicts: %+v", fs)
	}
	if !strings.Contains(fs[0].Text(lang.English), "2020-01-01 – 2021-12-31") {
		t.Errorf("message %q", fs[0].Message)
	}
	// Closing the first period ends the warning.
	cum2Folder(t, filepath.Join(dir, "2020"))
	got, _ = batchOf(t, dir)
	if fs := findingsOf(got["2021"].Report, audit.KindRulebookConflict); len(fs) != 0 {
		t.Errorf("conflicts after the first period is closed: %+v", fs)
	}
}

// TestBatchSealedRulebookDiffers: a folder whose sealed record names
// another rulebook than the folder's: an error; the same rulebook: an
// info, and the report stays clean.
func TestBatchSealedRulebookDiffers(t *testing.T) {
	dir := t.TempDir()
	same := cum2Folder(t, filepath.Join(dir, "same"))
	sealFolder(t, same, filepath.Join(same, "rulebook.yaml"), "record-2020.json", time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC))
	got, _ := batchOf(t, dir)
	r := got["same"].Report
	if !r.Clean || len(findingsOf(r, audit.KindRecordChecked)) != 1 {
		t.Errorf("same rulebook: clean=%v findings %+v", r.Clean, r.Findings)
	}

	dir = t.TempDir()
	other := cum2Folder(t, filepath.Join(dir, "other"), [2]string{"Nghị định 91/2017/NĐ-CP, to:", "Nghị định 91/2017/NĐ-CP (amended later), to:"})
	rec := sealFolder(t, other, example("rulebook.yaml"), "record.json", time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC))
	got, _ = batchOf(t, dir)
	r = got["other"].Report
	fs := findingsOf(r, audit.KindRulebookNotSealed)
	if len(fs) != 1 || fs[0].Severity != audit.Error || fs[0].Recorded != rec.Rulebook.Hash || fs[0].Source.File != "other/record.json" {
		t.Fatalf("not sealed: %+v", fs)
	}
	if r.Clean {
		t.Error("the report is clean")
	}

	// An altered record says so, and no more.
	data := strings.Replace(string(rec.Marshal()), `"year":"2020"`, `"year":"2019"`, 1)
	writeFile(t, filepath.Join(other, "record.json"), data)
	got, _ = batchOf(t, dir)
	if fs := findingsOf(got["other"].Report, audit.KindRecordTampered); len(fs) != 1 || fs[0].Severity != audit.Error {
		t.Errorf("tampered: %+v", got["other"].Report.Findings)
	}
	// A record that is not a record at all.
	writeFile(t, filepath.Join(other, "record.json"), "{}")
	got, _ = batchOf(t, dir)
	if fs := findingsOf(got["other"].Report, audit.KindRecordTampered); len(fs) != 1 || !strings.Contains(fs[0].Text(lang.English), "cannot be read") {
		t.Errorf("unreadable: %+v", got["other"].Report.Findings)
	}
}

// TestRulebookDatedAfter: a regulation issued after the year it ranks (a
// warning), after the meeting of the minutes (an error), after the sealing
// (an error).
func TestRulebookDatedAfter(t *testing.T) {
	dir := t.TempDir()
	cum2Folder(t, filepath.Join(dir, "late"), [2]string{"regulation:\n", "regulation:\n  date: 2021-03-01\n"})
	cum2Folder(t, filepath.Join(dir, "on-time"), [2]string{"regulation:\n", "regulation:\n  date: 2020-02-15\n"})
	got, _ := batchOf(t, dir)
	if fs := findingsOf(got["on-time"].Report, audit.KindRulebookLate); len(fs) != 0 {
		t.Errorf("on time: %+v", fs)
	}
	fs := findingsOf(got["late"].Report, audit.KindRulebookLate)
	if len(fs) != 2 {
		t.Fatalf("late: %+v", fs)
	}
	// Errors first: the meeting of 2021-01-05 before the regulation.
	if fs[0].Severity != audit.Error || fs[0].Recorded != "2021-01-05" || fs[1].Severity != audit.Warning || fs[1].Recorded != "2020" {
		t.Errorf("late: %+v", fs)
	}
	if vi := fs[1].Text(lang.Vietnamese); !strings.Contains(vi, "hồi tố") {
		t.Errorf("Vietnamese: %q", vi)
	}

	rb, err := rules.Parse("late.yaml", []byte(readFile(t, filepath.Join(dir, "late", "rulebook.yaml"))))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		year    int
		meeting string
		sealed  time.Time
		want    []audit.Severity
	}{
		{2021, "", time.Time{}, nil},
		{2020, "", time.Time{}, []audit.Severity{audit.Warning}},
		{0, "05/01/2021", time.Time{}, []audit.Severity{audit.Error}},
		{0, "1/3/2021", time.Time{}, nil}, // the day of issue
		{0, "the fifth of January", time.Time{}, nil},
		{0, "", time.Date(2021, 2, 1, 23, 0, 0, 0, time.UTC), []audit.Severity{audit.Error}},
		{0, "", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), nil},
	} {
		var got []audit.Severity
		for _, f := range audit.DatedAfter(rb, c.year, c.meeting, c.sealed) {
			got = append(got, f.Severity)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("DatedAfter(%d, %q, %v) = %v, want %v", c.year, c.meeting, c.sealed, got, c.want)
		}
	}
	// Sealed before the period in force starts.
	if fs := audit.DatedAfter(cum2(t), 0, "", time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)); len(fs) != 1 || fs[0].Criterion != "in_force.from" {
		t.Errorf("sealed before in force: %+v", fs)
	}
}

// TestAuditSealed checks a sealed record given in place of the minutes:
// clean when it is what was sealed, and each failure for its reason.
func TestAuditSealed(t *testing.T) {
	dir := cum2Folder(t, t.TempDir())
	rulesPath, scores := filepath.Join(dir, "rulebook.yaml"), filepath.Join(dir, "scores-2020.csv")
	rec := sealFolder(t, dir, rulesPath, "record.json", time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC))
	recPath := filepath.Join(dir, "record.json")
	if !audit.IsSealedRecord(recPath) || audit.IsSealedRecord(example("recorded-2020.csv")) || audit.IsSealedRecord("testdata/recorded-2020.json") {
		t.Error("IsSealedRecord")
	}
	ctx := context.Background()
	r, err := audit.AuditSealed(ctx, rulesPath, scores, recPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Clean || r.Counts.Errors+r.Counts.Warnings != 0 || r.Inputs.Recorded.Hash != rec.Hash() || r.Year != 2020 {
		t.Fatalf("clean record: %+v", r)
	}

	// Another sheet: changed_sheet.
	writeFile(t, scores, strings.Replace(readFile(t, scores), "record,member,key", "# a note\nrecord,member,key", 1))
	r, err = audit.AuditSealed(ctx, rulesPath, scores, recPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findingsOf(r, audit.KindRecordSheet); len(fs) != 1 || r.Clean {
		t.Errorf("changed sheet: %+v", r.Findings)
	}
	copyFile(t, example("scores-2020.csv"), scores)

	// Another rulebook: wrong_rulebook.
	other := filepath.Join(t.TempDir(), "rulebook.yaml")
	writeFile(t, other, strings.Replace(readFile(t, rulesPath), "Nghị định 91/2017/NĐ-CP, to:", "Nghị định 91/2017/NĐ-CP (someone else), to:", 1))
	r, err = audit.AuditSealed(ctx, other, scores, recPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findingsOf(r, audit.KindRecordRulebook); len(fs) != 1 || fs[0].Severity != audit.Error {
		t.Errorf("wrong rulebook: %+v", r.Findings)
	}

	// An altered record: tampered, every other check skipped.
	writeFile(t, recPath, strings.Replace(string(rec.Marshal()), `"rank":"2"`, `"rank":"1"`, 1))
	r, err = audit.AuditSealed(ctx, rulesPath, scores, recPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findingsOf(r, audit.KindRecordTampered); len(fs) != 1 || r.Counts.Errors != 1 {
		t.Errorf("tampered: %+v", r.Findings)
	}

	// Signed, and no key given: a warning; the right key: clean; another
	// key: an error.
	pub, key, _ := ed25519Key(t)
	signed := sealSigned(t, dir, rulesPath, key)
	writeFile(t, recPath, string(signed.Marshal()))
	r, _ = audit.AuditSealed(ctx, rulesPath, scores, recPath, nil)
	if fs := findingsOf(r, audit.KindRecordKey); len(fs) != 1 || fs[0].Severity != audit.Warning {
		t.Errorf("no key: %+v", r.Findings)
	}
	r, _ = audit.AuditSealed(ctx, rulesPath, scores, recPath, pub)
	if !r.Clean {
		t.Errorf("right key: %+v", r.Findings)
	}
	otherPub, _, _ := ed25519Key(t)
	r, _ = audit.AuditSealed(ctx, rulesPath, scores, recPath, otherPub)
	if fs := findingsOf(r, audit.KindRecordKey); len(fs) != 1 || fs[0].Severity != audit.Error {
		t.Errorf("other key: %+v", r.Findings)
	}

	// A record that cannot be read is an error, as an invalid recorded
	// result is.
	writeFile(t, recPath, `{"schema":"thidua/record/v1"}`)
	if _, err := audit.AuditSealed(ctx, rulesPath, scores, recPath, nil); err == nil {
		t.Error("an invalid record is accepted")
	}
}

// TestBatchSealedInPlaceOfMinutes: a folder whose recorded*.json is a
// sealed record is audited as AuditSealed does.
func TestBatchSealedInPlaceOfMinutes(t *testing.T) {
	dir := t.TempDir()
	d := cum2Folder(t, filepath.Join(dir, "cum2"))
	if err := os.Remove(filepath.Join(d, "recorded-2020.csv")); err != nil {
		t.Fatal(err)
	}
	sealFolder(t, d, filepath.Join(d, "rulebook.yaml"), "recorded-2020.json", time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC))
	got, _ := batchOf(t, dir)
	r := got["cum2"].Report
	if !r.Clean || len(findingsOf(r, audit.KindRecordChecked)) == 0 {
		t.Errorf("sealed in place of the minutes: %+v", r.Findings)
	}
}

// ed25519Key makes a key pair.
func ed25519Key(t *testing.T) (ed25519.PublicKey, ed25519.PrivateKey, error) {
	t.Helper()
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, key, nil
}

// sealSigned seals the folder's sheet, signed with key.
func sealSigned(t *testing.T, dir, rulesPath string, key ed25519.PrivateKey) *record.Record {
	t.Helper()
	rb, err := rules.Load(rulesPath)
	if err != nil {
		t.Fatal(err)
	}
	sh, _, err := scoresheet.Check(rb, filepath.Join(dir, "scores-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := record.Seal(rb, sh, st, record.Options{Key: key, Now: time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}
