package scoring

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// fewerStep is the trace step of a lower-is-better criterion (rules.Fewer,
// ít hơn là tốt hơn): max − count × points_each, and, on the last piece
// (k > 0), that the points do not go below zero.
func (s *scorer) fewerStep(n *rules.Node, count, p decimal.Decimal, k int) Step {
	if k > 0 {
		return s.step(n.ID, p, "scoring.fewer.floor", count, n.Max, n.PointsEach)
	}
	return s.step(n.ID, p, "scoring.fewer", count, n.Max, n.PointsEach)
}
