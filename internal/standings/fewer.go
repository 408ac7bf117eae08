package standings

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// NoInput is the key a Source gives, under Input, a member with no counted
// input (a missing value, or the criterion not assigned to it): above
// every other key, so that a fewer tie-break, which ranks the smaller
// input higher, ranks it after every member with a count.
const NoInput = 1 << 62

// InputKeys writes out[m], for each member m of group, an exact integer
// key of m's counted input, as value gives it (ok false: none, key
// NoInput): the number of group members with a smaller input. Both
// Sources key Input this way.
func InputKeys(group []int, value func(m int) (decimal.Decimal, bool), out []int64) {
	type in struct {
		m int
		v decimal.Decimal
	}
	order := make([]in, 0, len(group))
	for _, m := range group {
		v, ok := value(m)
		if !ok {
			out[m] = NoInput
			continue
		}
		order = append(order, in{m, v})
	}
	slices.SortFunc(order, func(a, b in) int { return a.v.Cmp(b.v) })
	for i := range order {
		if i > 0 && order[i].v.Equal(order[i-1].v) {
			out[order[i].m] = out[order[i-1].m]
			continue
		}
		out[order[i].m] = int64(i)
	}
}

// inputKeys is CardSource's Keys for Input: each card's counted input.
func (s CardSource) inputKeys(node int, group []int, out []int64) {
	InputKeys(group, func(m int) (decimal.Decimal, bool) {
		ns := s.cards[m].Nodes[node]
		return ns.Raw, Counted(ns)
	}, out)
}

// fewerKeys keys the group under a fewer tie-break (rules.FewerInput, ít
// hơn xếp trên) on criterion node: the smaller counted input ranks
// higher; a member with none ranks after every member with one.
func (r *Ranker) fewerKeys(node int, g []int) {
	keys := r.keys
	r.src.Keys(Input, node, g, keys)
	for _, m := range g {
		keys[m] = -keys[m]
	}
}

// Counted reports whether a criterion has a counted input: it is assigned
// and some stage's value counts.
func Counted(ns scoring.NodeScore) bool { return ns.Assigned && ns.Stage != "" }

// fewerText is a member's value under a fewer tie-break, as a decision
// quotes it: its count, or that it has none.
func fewerText(ns scoring.NodeScore) lang.Message {
	if !Counted(ns) {
		return lang.Msg("value.fewer.none")
	}
	return lang.Msg("value.fewer", ns.Raw)
}
