package audit_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
)

// countdown is a context that is cancelled after its Err has been asked a
// number of times: it stops an audit in the middle, wherever it looks.
type countdown struct {
	context.Context
	left atomic.Int64
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *countdown) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestAuditCancelled: a cancelled context stops Audit and AuditFiles,
// before they start and at every point where they look at it, with
// ctx.Err() wrapped; a live one does not.
func TestAuditCancelled(t *testing.T) {
	rb, err := rules.Load(example("rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sh, _, err := scoresheet.Load(rb, example("recorded-2020-errors-sheet.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := audit.Load(example("recorded-2020-errors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := audit.Audit(ctx, rb, sh, rec); !errors.Is(err, context.Canceled) {
		t.Fatalf("Audit with a cancelled context: %v", err)
	}
	if _, err := audit.AuditFiles(ctx, example("rulebook.yaml"), example("scores-2020.csv"), example("recorded-2020.csv")); !errors.Is(err, context.Canceled) {
		t.Fatalf("AuditFiles with a cancelled context: %v", err)
	}
	live := newCountdown(1 << 40)
	if _, err := audit.Audit(live, rb, sh, rec); err != nil {
		t.Fatal(err)
	}
	n := 1<<40 - live.left.Load()
	if n < 3 {
		t.Fatalf("the audit looked at its context %d times", n)
	}
	for k := range n {
		if _, err := audit.Audit(newCountdown(k), rb, sh, rec); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled after %d looks of %d: %v", k, n, err)
		}
	}
}

// TestBatchReadsWorkbooks: a cluster folder's score sheet may be an Excel
// workbook (scores*.xlsx); the filled template of the example is clean.
func TestBatchReadsWorkbooks(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "cum2"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, example("rulebook.yaml"), filepath.Join(dir, "cum2", "rulebook.yaml"))
	copyFile(t, filepath.Join("..", "sheets", "xlsx", "testdata", "seed-cum2-2020.xlsx"), filepath.Join(dir, "cum2", "scores-2020.xlsx"))
	copyFile(t, example("recorded-2020.csv"), filepath.Join(dir, "cum2", "recorded-2020.csv"))
	var got []audit.ClusterResult
	sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error { got = append(got, c); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Clusters != 1 || sum.Clean != 1 || len(got) != 1 || got[0].Err != nil {
		t.Fatalf("summary %+v, results %+v", sum, got)
	}
	if f := got[0].Report.Inputs.Sheet.File; filepath.Base(f) != "scores-2020.xlsx" {
		t.Fatalf("sheet %q", f)
	}
}
