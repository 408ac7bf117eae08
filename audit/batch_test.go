package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/internal/auditgen"
	"github.com/thidua/thidua/lang"
)

// smallBatch generates a small batch (2 provinces × 3 clusters × 2 years,
// with many seeded errors and malformed folders) plus two hand-made
// folders: one missing its score sheet, and one with two recorded results.
func smallBatch(t *testing.T) (string, auditgen.Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := auditgen.Generate(dir, auditgen.Config{Provinces: 2, Clusters: 3, Years: 2, Seed: 7, ErrorsEvery: 3, MalformedEvery: 5})
	if err != nil {
		t.Fatal(err)
	}
	if st.Clusters != 12 || st.Seeded == 0 || st.Malformed == 0 {
		t.Fatalf("generated %+v", st)
	}
	for _, d := range []string{"zz/missing-scores", "zz/two-recorded", "zz/not-a-cluster/empty"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, example("rulebook.yaml"), filepath.Join(dir, "zz/missing-scores/rulebook.yaml"))
	copyFile(t, example("recorded-2020.csv"), filepath.Join(dir, "zz/missing-scores/recorded.csv"))
	copyFile(t, example("rulebook.yaml"), filepath.Join(dir, "zz/two-recorded/rulebook.yaml"))
	copyFile(t, example("scores-2020.csv"), filepath.Join(dir, "zz/two-recorded/scores-2020.csv"))
	copyFile(t, example("recorded-2020.csv"), filepath.Join(dir, "zz/two-recorded/recorded-2020.csv"))
	copyFile(t, example("recorded-2020-errors.csv"), filepath.Join(dir, "zz/two-recorded/recorded-2020-errors.csv"))
	writeFile(t, filepath.Join(dir, "zz/not-a-cluster/README.txt"), "not a cluster folder")
	return dir, st
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	writeFile(t, to, readFile(t, from))
}

func TestBatch(t *testing.T) {
	dir, st := smallBatch(t)
	var got []audit.ClusterResult
	sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
		got = append(got, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, c := range got {
		dirs = append(dirs, c.Dir)
	}
	if !slices.IsSorted(dirs) || len(dirs) != st.Clusters+2 {
		t.Fatalf("folders %v: want %d, in lexical order", dirs, st.Clusters+2)
	}
	if sum.Clusters != len(got) || sum.Malformed != st.Malformed+2 {
		t.Errorf("summary %+v; generated %+v", sum, st)
	}
	var counts audit.Counts
	for _, c := range got {
		seeded := slices.Contains(st.SeededDirs, c.Dir)
		malformed := slices.Contains(st.MalformedDirs, c.Dir) || strings.HasPrefix(c.Dir, "zz/")
		switch {
		case malformed:
			if c.Err == nil || !errors.Is(c.Err, audit.ErrMalformedCluster) {
				t.Errorf("%s: malformed folder reported as %v", c.Dir, c.Err)
			}
		case c.Err != nil:
			t.Errorf("%s: %v", c.Dir, c.Err)
		case seeded && c.Report.Clean:
			t.Errorf("%s: seeded errors not found", c.Dir)
		case !seeded && !c.Report.Clean:
			t.Errorf("%s: a generated clean folder has findings:\n%s", c.Dir, findingsText(c.Report))
		}
		counts.Add(c.Report.Counts)
	}
	if counts != sum.Counts {
		t.Errorf("summary counts %+v, reports add up to %+v", sum.Counts, counts)
	}
	for _, c := range got {
		switch c.Dir {
		case "zz/missing-scores":
			if !strings.Contains(c.Err.Error(), "no score sheet") {
				t.Errorf("%s: %v", c.Dir, c.Err)
			}
		case "zz/two-recorded":
			if !strings.Contains(c.Err.Error(), "2 files could be the recorded result") {
				t.Errorf("%s: %v", c.Dir, c.Err)
			}
		}
	}
}

// batchOutput runs a batch with a number of workers and returns its output
// in a format, in English.
func batchOutput(t *testing.T, dir string, f audit.Format, workers int) string {
	t.Helper()
	return batchOutputIn(t, dir, f, workers, lang.English)
}

// batchOutputIn is batchOutput in a language.
func batchOutputIn(t *testing.T, dir string, f audit.Format, workers int, tag lang.Tag) string {
	t.Helper()
	var b bytes.Buffer
	w, err := audit.NewBatchWriterIn(&b, f, "batch", tag)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := audit.Batch(context.Background(), dir, w.Cluster, audit.Workers(workers))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(b.String(), dir, "DIR")
}

// The output does not depend on the number of workers: results come in
// folder order.
func TestBatchIsDeterministic(t *testing.T) {
	dir, _ := smallBatch(t)
	one := batchOutput(t, dir, audit.JSON, 1)
	for _, n := range []int{2, 5} {
		if got := batchOutput(t, dir, audit.JSON, n); got != one {
			t.Errorf("%d workers give another output than 1", n)
		}
	}
}

func TestBatchWriter(t *testing.T) {
	dir, st := smallBatch(t)
	t.Run("JSON is one document with every cluster and the summary", func(t *testing.T) {
		var doc struct {
			Schema   string `json:"schema"`
			Clusters []struct {
				Dir    string        `json:"dir"`
				Reason *lang.Message `json:"reason"`
				Error  string        `json:"error"`
				Report *audit.Report `json:"report"`
			} `json:"clusters"`
			Summary audit.Summary `json:"summary"`
		}
		if err := json.Unmarshal([]byte(batchOutput(t, dir, audit.JSON, 2)), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Schema != audit.BatchSchema || len(doc.Clusters) != st.Clusters+2 || doc.Summary.Clusters != st.Clusters+2 {
			t.Errorf("schema %q, %d clusters, summary %+v", doc.Schema, len(doc.Clusters), doc.Summary)
		}
		reasons := 0
		for _, c := range doc.Clusters {
			if (c.Error == "" && c.Reason == nil) == (c.Report == nil) || (c.Error != "" && c.Reason != nil) {
				t.Errorf("%s: error %q, reason %v and report %v", c.Dir, c.Error, c.Reason, c.Report != nil)
			}
			if c.Reason != nil {
				reasons++
				if err := c.Reason.Check(); err != nil {
					t.Errorf("%s: %v", c.Dir, err)
				}
			}
		}
		if reasons == 0 {
			t.Error("no cluster is malformed for a reason the audit states")
		}
	})
	t.Run("Markdown has a section per cluster and the summary", func(t *testing.T) {
		out := batchOutput(t, dir, audit.Markdown, 2)
		if n := strings.Count(out, "\n## "); n != st.Clusters+2+1 {
			t.Errorf("%d sections", n)
		}
		if !strings.Contains(out, "## Summary") || !strings.Contains(out, "**Malformed cluster folder:**") {
			t.Errorf("output:\n%s", out)
		}
	})
	t.Run("HTML is one page with a section per cluster", func(t *testing.T) {
		out := batchOutput(t, dir, audit.HTML, 2)
		if n := strings.Count(out, `<section class="cluster"`); n != st.Clusters+2 {
			t.Errorf("%d sections", n)
		}
		if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<html lang="en">`) || !strings.HasSuffix(out, "</html>\n") {
			t.Errorf("not a page")
		}
	})
	t.Run("in Vietnamese, every label and the folders' problems are Vietnamese", func(t *testing.T) {
		md := batchOutputIn(t, dir, audit.Markdown, 2, lang.Vietnamese)
		html := batchOutputIn(t, dir, audit.HTML, 2, lang.Vietnamese)
		for _, c := range []struct{ out, want string }{
			{md, "# Kiểm tra hàng loạt: batch\n"},
			{md, "**Thư mục cụm không hợp lệ:** có 2 tệp cùng có thể là biên bản (recorded.csv): recorded-2020-errors.csv, recorded-2020.csv"},
			{md, "## Tổng hợp\n\n| Số cụm | Đạt | Có lỗi | Không hợp lệ | Lỗi | Cảnh báo | Thông tin |"},
			{html, `<html lang="vi">`},
			{html, `<h1>Kiểm tra hàng loạt: batch</h1>`},
			{html, `Thư mục cụm không hợp lệ: có 2 tệp cùng có thể là biên bản (recorded.csv)`},
			{html, `<th>Số cụm</th>`},
		} {
			if !strings.Contains(c.out, c.want) {
				t.Errorf("the output lacks %q", c.want)
			}
		}
		for _, english := range []string{"Malformed", "Summary", "Batch audit", "Findings"} {
			if strings.Contains(md, english) || strings.Contains(html, english) {
				t.Errorf("the Vietnamese output has %q", english)
			}
		}
	})
}

func TestBatchStops(t *testing.T) {
	dir, _ := smallBatch(t)
	t.Run("an error from the callback stops the batch and is returned", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		_, err := audit.Batch(context.Background(), dir, func(audit.ClusterResult) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != 3 {
			t.Errorf("err %v after %d calls", err, n)
		}
	})
	t.Run("a cancelled context stops the batch", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		_, err := audit.Batch(ctx, dir, func(audit.ClusterResult) error {
			n++
			if n == 2 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 2 {
			t.Errorf("err %v after %d calls", err, n)
		}
	})
	t.Run("a folder that does not exist is an error", func(t *testing.T) {
		if _, err := audit.Batch(context.Background(), filepath.Join(dir, "nope"), func(audit.ClusterResult) error { return nil }); err == nil {
			t.Error("no error")
		}
	})
}

// decade is the benchmark's generated country-decade, made once per test
// binary (or taken from THIDUA_AUDIT_DECADE, a folder generated before).
var decade struct {
	once  sync.Once
	dir   string
	stats auditgen.Stats
	err   error
}

func decadeDir(b *testing.B) (string, auditgen.Stats) {
	decade.once.Do(func() {
		if d := os.Getenv("THIDUA_AUDIT_DECADE"); d != "" {
			marker := filepath.Join(d, ".generated")
			if _, err := os.Stat(marker); err == nil {
				decade.dir = d
				return
			}
			decade.dir = d
		} else {
			decade.dir, decade.err = os.MkdirTemp("", "thidua-decade-")
			if decade.err != nil {
				return
			}
		}
		decade.stats, decade.err = auditgen.Generate(decade.dir, auditgen.Decade)
		if decade.err == nil {
			decade.err = os.WriteFile(filepath.Join(decade.dir, ".generated"), []byte(fmt.Sprint(decade.stats.Clusters)), 0o644)
		}
	})
	if decade.err != nil {
		b.Fatal(decade.err)
	}
	return decade.dir, decade.stats
}

// TestMain removes the generated decade unless it was given.
func TestMain(m *testing.M) {
	code := m.Run()
	if decade.dir != "" && os.Getenv("THIDUA_AUDIT_DECADE") == "" {
		os.RemoveAll(decade.dir)
	}
	os.Exit(code)
}

// BenchmarkBatchDecade audits a country's decade: 63 provinces × 20
// clusters × 10 years = 12,600 cluster-year folders of 7–12 members, about
// one in ten with seeded errors, reading every file. Generation is outside
// the timed part (set THIDUA_AUDIT_DECADE to a folder to keep it between
// runs). It runs with Go's default garbage collector setting and with
// GOGC=400, the setting thidua audit --batch uses: the live heap is a few
// MiB, so by default the collector runs every few MiB allocated. It reports
// the clusters per second, the CPU time (user and system, all threads)
// per audit of the decade, and the peak heap in use, sampled every 256
// clusters.
func BenchmarkBatchDecade(b *testing.B) {
	dir, _ := decadeDir(b)
	for _, gogc := range []int{100, 400} {
		b.Run(fmt.Sprintf("GOGC=%d", gogc), func(b *testing.B) {
			defer debug.SetGCPercent(debug.SetGCPercent(gogc))
			var peak uint64
			var clusters int
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				clusters = 0
				var ms runtime.MemStats
				sum, err := audit.Batch(context.Background(), dir, func(c audit.ClusterResult) error {
					clusters++
					if clusters%256 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				if sum.Clusters != auditgen.Decade.Provinces*auditgen.Decade.Clusters*auditgen.Decade.Years {
					b.Fatalf("%d clusters", sum.Clusters)
				}
			}
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			}
			b.ReportMetric(float64(clusters)*float64(b.N)/b.Elapsed().Seconds(), "clusters/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}
