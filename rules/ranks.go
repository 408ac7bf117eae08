package rules

import "github.com/thidua/thidua/lang"

// RankConvention is how members who share a rank (đồng hạng) are numbered,
// and the members below them: the rulebook's rank_convention. Members share
// a rank when the ranking basis and the whole tie-break chain find them
// equal; whether such a tie matters (decides an award place) is the
// ranking's business, not the convention's.
type RankConvention string

// The rank conventions.
const (
	// Competition numbers shared ranks 1, 1, 3 (đồng hạng, bỏ qua hạng kế
	// tiếp): a member's rank is one more than the number of members above
	// it. The default, when a rulebook says nothing.
	Competition RankConvention = "competition"
	// Dense numbers shared ranks 1, 1, 2 (đồng hạng, không bỏ hạng): a
	// member's rank is one more than the number of distinct ranks above it.
	Dense RankConvention = "dense"
)

// valid reports whether c is a known convention ("" is Competition).
func (c RankConvention) valid() bool { return c == "" || c == Competition || c == Dense }

// Next returns the rank of the member at position pos (0-based) that does
// not share the rank prev of the member above it: pos+1 under Competition,
// prev+1 under Dense (and 1 at the top).
func (c RankConvention) Next(pos, prev int) int {
	if pos == 0 {
		return 1
	}
	if c == Dense {
		return prev + 1
	}
	return pos + 1
}

// RankConvention returns how shared ranks are numbered: Competition
// (1, 1, 3) unless the rulebook says dense (1, 1, 2).
func (r *Rulebook) RankConvention() RankConvention {
	if r.spec.RankConvention == "" {
		return Competition
	}
	return r.spec.RankConvention
}

// rankConvention checks the rulebook's rank_convention. An absent one is
// left absent (not filled with the default), so that a rulebook without it
// keeps the hash it had before the key existed.
func (v *validator) rankConvention(s *Spec) {
	if !s.RankConvention.valid() {
		v.add("rank_convention", lang.Msg("rules.rank_convention.unknown", q(string(s.RankConvention))))
	}
}
