package whatif_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/whatif"
)

// BenchmarkReachScale measures Reach on synthetic clusters in the format of
// examples/cum2 (internal/synth) for their first member: to rank first and
// to the flag, at 10 members × 30, 100 and 300 criteria (the growth in
// criteria) and at 60 × 150 (a large provincial cluster).
func BenchmarkReachScale(b *testing.B) {
	for _, c := range []synth.Config{
		{Members: 10, Criteria: 30, Seed: 1},
		{Members: 10, Criteria: 100, Seed: 1},
		{Members: 10, Criteria: 300, Seed: 1},
		{Members: 60, Criteria: 150, Seed: 1},
	} {
		rb, sh, err := synth.Cluster(c)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range []struct {
			name   string
			target whatif.Target
		}{{"rank1", whatif.RankTarget(1)}, {"flag", whatif.AwardTarget("flag")}} {
			b.Run(fmt.Sprintf("%dx%d/%s", c.Members, c.Criteria, t.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := whatif.Reach(context.Background(), rb, sh, synth.MemberID(0), t.target); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
