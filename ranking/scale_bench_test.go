package ranking_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/sheets"
)

// BenchmarkRankScale is `thidua rank` on a synthetic cluster (internal/synth)
// without the printing: the CSV sheet is read from bytes and checked against
// the rulebook (scoresheet.CheckReader), its warnings listed, and the
// cluster ranked. 10000x30 is ten thousand members and thirty criteria
// (600,000 score rows, 18 MB of CSV). trace ranks as thidua rank does
// today, writing every scorecard's trace; quiet ranks WithoutTrace, as a
// command that shows no trace can.
//
// The sheet is generated once and kept in the system's temporary folder
// (thidua-synth-…csv), so that a run of the test binary that finds it
// there spends no memory generating it: for the peak memory, run the
// binary twice under /usr/bin/time -v with -test.bench
// 'BenchmarkRankScale/10000x30/quiet' -test.benchtime 1x and read the
// second.
func BenchmarkRankScale(b *testing.B) {
	for _, c := range []synth.Config{{Members: 1000, Criteria: 30, Seed: 1}, {Members: 10000, Criteria: 30, Seed: 1}} {
		b.Run(fmt.Sprintf("%dx%d", c.Members, c.Criteria), func(b *testing.B) {
			rb, err := synth.Rulebook(c)
			if err != nil {
				b.Fatal(err)
			}
			data := synthCSV(b, c)
			for _, mode := range []struct {
				name string
				opts []ranking.Option
			}{{"trace", nil}, {"quiet", []ranking.Option{ranking.WithoutTrace()}}} {
				b.Run(mode.name, func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					b.ReportAllocs()
					for b.Loop() {
						rankCSV(b, rb, data, c.Members, mode.opts)
					}
				})
			}
		})
	}
}

// rankCSV reads, checks and ranks a sheet as thidua rank does.
func rankCSV(b *testing.B, rb *rules.Rulebook, data []byte, members int, opts []ranking.Option) {
	sh, _, err := scoresheet.CheckReader(rb, "scores.csv", bytes.NewReader(data), scoresheet.CSV)
	if err != nil {
		b.Fatal(err)
	}
	_ = sh.Warnings()
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		b.Fatal(err)
	}
	if len(st.Rows) != members {
		b.Fatalf("%d rows", len(st.Rows))
	}
}

// synthCSV returns the cluster's sheet as CSV, from the temporary folder
// if an earlier run left it there.
func synthCSV(b *testing.B, c synth.Config) []byte {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("thidua-synth-%dx%d-%d.csv", c.Members, c.Criteria, c.Seed))
	if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
		return data
	}
	var buf bytes.Buffer
	if err := sheets.WriteCSV(&buf, synth.Sheet(c)); err != nil {
		b.Fatal(err)
	}
	tmp := path + fmt.Sprintf(".%d", os.Getpid())
	if os.WriteFile(tmp, buf.Bytes(), 0o644) == nil {
		_ = os.Rename(tmp, path) // a cache: if it cannot be kept, the next run generates it again
	}
	return buf.Bytes()
}
