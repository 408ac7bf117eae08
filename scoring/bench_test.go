package scoring_test

import (
	"testing"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// BenchmarkScore scores the Cụm II example (7 members, 8 criteria, two
// stages, peer scores), with and without the trace.
func BenchmarkScore(b *testing.B) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		b.Fatal(err)
	}
	sh, err := sheets.Load("../examples/cum2/scores-2020.csv")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		opts []scoring.Option
	}{{"trace", nil}, {"quiet", []scoring.Option{scoring.WithoutTrace()}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scoring.Score(rb, sh, c.opts...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
