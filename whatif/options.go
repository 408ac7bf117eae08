package whatif

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
)

// Option adjusts a what-if search or a sensitivity sweep.
type Option func(*config)

type config struct {
	steps     map[string]decimal.Decimal
	rankOpts  []ranking.Option
	maxStates int
	maxPoints int
}

// Limits that keep a question from running away. They are generous for a
// cluster's sheet (tens of criteria, inputs with one or two decimals).
const (
	// DefaultMaxStates bounds the states the exact search keeps per node of
	// the criteria tree.
	DefaultMaxStates = 2_000_000
	// DefaultMaxPoints bounds the grid points of a sensitivity sweep and the
	// candidate input values of one criterion.
	DefaultMaxPoints = 100_000
)

// WithStep sets the input step of a criterion (bước nhập): the search only
// tries inputs that are multiples of it. Without it, the step is one unit of
// the smallest decimal place already used in the sheet for that criterion
// (0.5 and 19.25 give 0.01; whole numbers give 1).
func WithStep(criterion string, step decimal.Decimal) Option {
	return func(c *config) {
		if c.steps == nil {
			c.steps = map[string]decimal.Decimal{}
		}
		c.steps[criterion] = step
	}
}

// WithRankOptions passes options to every ranking.Rank call (e.g.
// ranking.WithSeed for drawing lots).
func WithRankOptions(opts ...ranking.Option) Option {
	return func(c *config) { c.rankOpts = append(c.rankOpts, opts...) }
}

// WithLimits replaces DefaultMaxStates and DefaultMaxPoints; zero keeps a
// default.
func WithLimits(maxStates, maxPoints int) Option {
	return func(c *config) {
		if maxStates > 0 {
			c.maxStates = maxStates
		}
		if maxPoints > 0 {
			c.maxPoints = maxPoints
		}
	}
}

func newConfig(opts []Option) config {
	c := config{maxStates: DefaultMaxStates, maxPoints: DefaultMaxPoints}
	for _, o := range opts {
		o(&c)
	}
	return c
}
