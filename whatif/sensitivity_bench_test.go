package whatif_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/whatif"
)

// BenchmarkSensitivityScale measures Sensitivity on synthetic clusters
// (internal/synth) over 20 grid values: the first member's score on a
// direct criterion out of 20 ("003", 10 … 19.5 step 0.5), and the weight
// of the first group (0.5 … 1.45 step 0.05), at 60 members × 150 criteria.
func BenchmarkSensitivityScale(b *testing.B) {
	for _, c := range []synth.Config{
		{Members: 60, Criteria: 150, Seed: 1},
	} {
		rb, sh, err := synth.Cluster(c)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range []struct {
			name string
			p    whatif.Parameter
			r    whatif.Range
		}{
			{"score", whatif.ScoreOf(synth.MemberID(0), synth.CriterionID(2)), whatif.Range{From: decimal.NewFromInt(10), To: decimal.RequireFromString("19.5"), Step: decimal.RequireFromString("0.5")}},
			{"weight", whatif.WeightOf(synth.GroupID(0)), whatif.Range{From: decimal.RequireFromString("0.5"), To: decimal.RequireFromString("1.45"), Step: decimal.RequireFromString("0.05")}},
		} {
			b.Run(fmt.Sprintf("%dx%d/%s", c.Members, c.Criteria, t.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					res, err := whatif.Sensitivity(context.Background(), rb, sh, t.p, t.r)
					if err != nil {
						b.Fatal(err)
					}
					if len(res.Points) != 20 {
						b.Fatalf("%d points, want 20", len(res.Points))
					}
				}
			})
		}
	}
}
