package simulation

import (
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// scaleAll runs BenchmarkScaling's largest sizes too (see scaleSkip).
var scaleAll = flag.Bool("scale.all", false, "BenchmarkScaling: run the sizes that take more than a minute too")

// scaleSkip lists the sizes of BenchmarkScaling that take more than a
// minute on the reference machine (2 cores): 10,000 × 300, whose sheet
// alone takes most of it to generate and score, and 6.4 GB.
var scaleSkip = map[[2]int]bool{{10000, 300}: true}

// BenchmarkScaling measures how compiling a plan and one Monte Carlo
// scenario grow with the cluster: members ∈ {10, 60, 1000, 10000} ×
// criteria ∈ {10, 30, 150, 300}, on synthetic clusters in the format of
// examples/cum2 (internal/synth) with their cum2-style model.
//
//   - compile/MxC: compilePlan — scoring the baseline, the cells' classes
//     and tables, the bounds, the step tables and the standings' cluster;
//   - scenario/MxC: one scenario as Run evaluates it: draw and sum every
//     cell, rank, check eligibility, propose the awards and tally them
//     (keeping the top 10 ranks, Config.Ranks: 10, so that the tally
//     stays members × 10 at every size).
//
// Both report cells (uncertain member × criterion pairs), ns/cell and
// cpu-ns/op, the process's CPU time per operation (see reportCPU). Run
// one size at a time with -test.benchtime 1x under /usr/bin/time -v to see
// its peak memory; BENCHMARKS.md has the table.
func BenchmarkScaling(b *testing.B) {
	for _, m := range []int{10, 60, 1000, 10000} {
		for _, c := range []int{10, 30, 150, 300} {
			cfg := synth.Config{Members: m, Criteria: c, Seed: 1}
			name := fmt.Sprintf("%dx%d", m, c)
			skip := scaleSkip[[2]int{m, c}] && !*scaleAll
			b.Run("compile/"+name, func(b *testing.B) {
				if skip {
					b.Skip("takes more than a minute: run with -scale.all")
				}
				rb, sh, model := scaleCluster(b, cfg)
				b.ReportAllocs()
				var cells int
				cpu := cpuTime()
				for b.Loop() {
					p, err := compilePlan(rb, sh, model, Config{})
					if err != nil {
						b.Fatal(err)
					}
					cells = len(p.cells)
				}
				reportCPU(b, cpu)
				b.ReportMetric(float64(cells), "cells")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(cells), "ns/cell")
			})
			b.Run("scenario/"+name, func(b *testing.B) {
				if skip {
					b.Skip("takes more than a minute: run with -scale.all")
				}
				rb, sh, model := scaleCluster(b, cfg)
				p, err := compilePlan(rb, sh, model, Config{})
				if err != nil {
					b.Fatal(err)
				}
				s := p.newState()
				tally := newCounts(p.n, len(p.tiers), len(p.grades), ranksKept(p.n, Config{Ranks: 10}))
				b.ReportAllocs()
				cpu := cpuTime()
				for i := 0; b.Loop(); i++ {
					s.run(1, uint64(i))
					tally.tally(s)
				}
				reportCPU(b, cpu)
				b.ReportMetric(float64(len(p.cells)), "cells")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(p.cells)), "ns/cell")
			})
		}
	}
}

func scaleCluster(b *testing.B, cfg synth.Config) (*rules.Rulebook, scoring.Sheet, Model) {
	b.Helper()
	rb, sh, err := synth.Cluster(cfg)
	if err != nil {
		b.Fatal(err)
	}
	model, err := ParseModel("model.yaml", synth.ModelYAML(cfg))
	if err != nil {
		b.Fatal(err)
	}
	return rb, sh, model
}

// reportCPU reports the process's CPU time (all threads) per operation
// since start: on a machine shared with other work the wall time per
// operation grows with the load, the CPU time much less. It includes the
// garbage collector's work.
func reportCPU(b *testing.B, start time.Duration) {
	if start == 0 {
		return
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
