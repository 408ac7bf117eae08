package simulation

import (
	"fmt"
	"testing"

	"github.com/thidua/thidua/internal/synth"
)

// BenchmarkCompileScale measures Compile on synthetic clusters in the
// format of examples/cum2 (internal/synth) with their cum2-style model, up
// to a national-scale sheet of 1,000 members × 100 criteria.
func BenchmarkCompileScale(b *testing.B) {
	for _, c := range []synth.Config{
		{Members: 100, Criteria: 100, Seed: 1},
		{Members: 1000, Criteria: 100, Seed: 1},
	} {
		rb, sh, err := synth.Cluster(c)
		if err != nil {
			b.Fatal(err)
		}
		model, err := ParseModel("model.yaml", synth.ModelYAML(c))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dx%d", c.Members, c.Criteria), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := compilePlan(rb, sh, model, Config{}); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}
