package ranking_test

import (
	"fmt"
	"testing"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/ranking"
)

// BenchmarkRankScaling is BenchmarkRankScale over the whole grid of the
// scaling table: members ∈ {10, 60, 1000, 10000} × criteria ∈ {10, 30,
// 150, 300}, each a synthetic cluster in the format of examples/cum2
// (internal/synth). One operation reads the CSV sheet from bytes, checks
// it against the rulebook and ranks it without traces, as thidua rank
// does without --explain. Run one size at a time under /usr/bin/time -v
// for its peak memory (scripts/scaling does, and writes the table of
// BENCHMARKS.md).
func BenchmarkRankScaling(b *testing.B) {
	for _, m := range []int{10, 60, 1000, 10000} {
		for _, c := range []int{10, 30, 150, 300} {
			cfg := synth.Config{Members: m, Criteria: c, Seed: 1}
			b.Run(fmt.Sprintf("m%dxc%d", m, c), func(b *testing.B) {
				rb, err := synth.Rulebook(cfg)
				if err != nil {
					b.Fatal(err)
				}
				data := synthCSV(b, cfg)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					rankCSV(b, rb, data, m, []ranking.Option{ranking.WithoutTrace()})
				}
			})
		}
	}
}
