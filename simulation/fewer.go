package simulation

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
)

// inputKeys keys the group by criterion node's counted input in this
// scenario, for a fewer tie-break (ít hơn xếp trên): a modelled cell's
// drawn value, else the baseline's counted input; a member with neither
// gets standings.NoInput. Rare (a tie-break reached), so in decimals.
func (s *state) inputKeys(node int, group []int, out []int64) {
	p := s.p
	nn := len(p.nodes)
	ks := s.outcomes()
	standings.InputKeys(group, func(m int) (decimal.Decimal, bool) {
		if ci := p.cellAt[m*nn+node]; ci >= 0 {
			return p.cells[ci].set.value(int(ks[ci])), true
		}
		ns := p.skeleton[m].Nodes[node]
		return ns.Raw, standings.Counted(ns)
	}, out)
}
