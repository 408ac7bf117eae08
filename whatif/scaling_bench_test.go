package whatif_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// BenchmarkWhatifScaling measures Reach (rank 1 and the flag) and a score
// sweep of 20 values (the first member's score on the third criterion, a
// direct one out of 20: 10 … 19.5 step 0.5) on synthetic clusters of
// members × criteria. The largest cells take minutes: run one at a time,
// e.g. -bench 'WhatifScaling/m1000xc150/'.
func BenchmarkWhatifScaling(b *testing.B) {
	for _, m := range []int{10, 60, 1000, 10000} {
		for _, c := range []int{10, 30, 150, 300} {
			cfg := synth.Config{Members: m, Criteria: c, Seed: 1}
			var cl *whatifCluster // built by the first sub-benchmark run
			cluster := func(b *testing.B) *whatifCluster {
				if cl == nil {
					r, sh, err := synth.Cluster(cfg)
					if err != nil {
						b.Fatal(err)
					}
					cl = &whatifCluster{r, sh}
				}
				return cl
			}
			name := fmt.Sprintf("m%dxc%d", m, c)
			for _, t := range []struct {
				name   string
				target whatif.Target
			}{{"rank1", whatif.RankTarget(1)}, {"flag", whatif.AwardTarget("flag")}} {
				b.Run(name+"/"+t.name, func(b *testing.B) {
					cl := cluster(b)
					b.ReportAllocs()
					for b.Loop() {
						if _, err := whatif.Reach(context.Background(), cl.rb, cl.sh, synth.MemberID(0), t.target); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			b.Run(name+"/sensitivity", func(b *testing.B) {
				cl := cluster(b)
				p := whatif.ScoreOf(synth.MemberID(0), synth.CriterionID(2))
				r := whatif.Range{From: decimal.NewFromInt(10), To: decimal.RequireFromString("19.5"), Step: decimal.RequireFromString("0.5")}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := whatif.Sensitivity(context.Background(), cl.rb, cl.sh, p, r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

type whatifCluster struct {
	rb *rules.Rulebook
	sh scoring.Sheet
}
