package audit_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
)

// A batch reads its folders' files its own way (into reused buffers, the
// recorded result once): each folder's report is the one AuditFiles makes
// of the same files, for every example sheet and minutes, sheets with
// problems and a sheet or minutes that cannot be read at all included.
func TestBatchReportIsAuditFiles(t *testing.T) {
	dir := t.TempDir()
	type folder struct{ scores, recorded, text string }
	folders := map[string]folder{}
	for _, scores := range []string{"scores-2020.csv", "scores-2020.json", "tie-broken.csv", "top-ineligible.csv", "unresolved-tie.csv", "recorded-2020-errors-sheet.csv"} {
		for _, recorded := range []string{"recorded-2020.csv", "recorded-2020-errors.csv", "recorded-2020.json"} {
			folders[strings.TrimSuffix(scores, filepath.Ext(scores))+"+"+recorded] = folder{scores, recorded, ""}
		}
	}
	folders["bad-sheet"] = folder{"scores-2020.csv", "recorded-2020.csv", "record,member,key\nscore,SCT,\"unterminated\n"}
	folders["bad-minutes"] = folder{"scores-2020.csv", "recorded-2020.csv", "!"}
	for name, f := range folders {
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, example("rulebook.yaml"), filepath.Join(d, "rulebook.yaml"))
		ext := filepath.Ext(f.scores)
		copyFile(t, example(f.scores), filepath.Join(d, "scores"+ext))
		src := example(f.recorded)
		if _, err := os.Stat(src); err != nil {
			src = filepath.Join("testdata", f.recorded)
		}
		copyFile(t, src, filepath.Join(d, "recorded"+filepath.Ext(f.recorded)))
		switch name {
		case "bad-sheet":
			writeFile(t, filepath.Join(d, "scores"+ext), f.text)
		case "bad-minutes":
			writeFile(t, filepath.Join(d, "recorded.csv"), "record,member,key,value\nrank,SCT,,\"x\n")
		}
	}
	n := 0
	_, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
		n++
		f := folders[c.Dir]
		d := filepath.Join(dir, c.Dir)
		want, werr := audit.AuditFiles(context.Background(), filepath.Join(d, "rulebook.yaml"), filepath.Join(d, "scores"+filepath.Ext(f.scores)),
			filepath.Join(d, "recorded"+filepath.Ext(f.recorded)))
		if werr != nil {
			if c.Err == nil || !strings.HasSuffix(c.Err.Error(), werr.Error()) {
				t.Errorf("%s: batch %v, AuditFiles %v", c.Dir, c.Err, werr)
			}
			return nil
		}
		if c.Err != nil {
			t.Errorf("%s: %v", c.Dir, c.Err)
			return nil
		}
		got, _ := json.Marshal(c.Report)
		wantJSON, _ := json.Marshal(want)
		if string(got) != string(wantJSON) {
			t.Errorf("%s: the batch's report is not AuditFiles':\n%s\n%s", c.Dir, got, wantJSON)
		}
		return nil
	})
	if err != nil || n != len(folders) {
		t.Fatalf("%d folders of %d, %v", n, len(folders), err)
	}
}
