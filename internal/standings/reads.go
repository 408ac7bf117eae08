package standings

import "github.com/thidua/thidua/rules"

// Reads is a set of the inputs a rule reads besides the members' own
// points, so that a consumer (what-if, the invariants, the template, the
// covenant's projection) can ask what a rule needs without switching on
// its kind.
type Reads uint8

// The inputs a rule may read.
const (
	// Ballot: the members' votes in favour (a secret ballot).
	Ballot Reads = 1 << iota
	// PeerScores: the scores other members gave the member (cross-scoring),
	// compared between the tied members (head to head).
	PeerScores
	// PastAwards: the awards of earlier years (the sheet's history).
	PastAwards
	// Draw: a draw of lots, recorded on the sheet or made with a seed.
	Draw
	// Matches: the results of matches between members (a league).
	Matches
)

// Has reports whether r includes every input of x.
func (r Reads) Has(x Reads) bool { return r&x == x }

// Comparison is what one rule of the chain compares between tied members:
// a member's number (Quantity, of the node Ref for Value) when Numeric,
// else something the rule reads (Reads). Greater ranks higher unless
// Fewer.
type Comparison struct {
	// Numeric is true when the rule compares a member's number that the
	// representation computes (the Quantity).
	Numeric bool
	// Quantity is the number compared (when Numeric).
	Quantity Quantity
	// Ref is the id of the group or criterion a Value or Input comparison
	// reads (empty for the others).
	Ref string
	// Fewer is true when the smaller number ranks higher (deductions, a
	// fewer criterion's count).
	Fewer bool
	// Reads is what the rule reads besides the members' points.
	Reads Reads
}

// Compare describes what a tie-break (or the ranking basis, ByTotalPoints or
// ByPercentage) compares. It is the one place outside the Ranker where the
// meaning of a tie-break kind is written; the Ranker's keysFor is the
// other, and TestCompareAgreesWithRanker keeps them together.
func Compare(tb rules.TieBreak) Comparison {
	switch tb.Kind {
	case rules.ByTotalPoints:
		return Comparison{Numeric: true, Quantity: Total}
	case rules.ByPercentage:
		return Comparison{Numeric: true, Quantity: Percent}
	case rules.ByGroup, rules.ByCriterion:
		return Comparison{Numeric: true, Quantity: Value, Ref: tb.Ref}
	case rules.FewerInput:
		return Comparison{Numeric: true, Quantity: Input, Ref: tb.Ref, Fewer: true}
	case rules.FewerDeductions:
		return Comparison{Numeric: true, Quantity: Deductions, Fewer: true}
	case rules.MoreBonus:
		return Comparison{Numeric: true, Quantity: Bonus}
	case rules.MoreVotes:
		return Comparison{Reads: Ballot}
	case rules.HeadToHead:
		return Comparison{Reads: PeerScores}
	case rules.League:
		return Comparison{Reads: Matches}
	case rules.NoAwardLastYear:
		return Comparison{Reads: PastAwards}
	case rules.DrawingLots:
		return Comparison{Reads: Draw}
	}
	return Comparison{}
}

// Basis is the rule that ranks first, before the rulebook's tie-breaks:
// the total, or the percentage of the attainable maximum.
func Basis(rb *rules.Rulebook) rules.TieBreak {
	if rb.RankBy() == rules.ByPercent {
		return rules.TieBreak{Kind: rules.ByPercentage}
	}
	return rules.TieBreak{Kind: rules.ByTotalPoints}
}

// ChainReads is everything the ranking basis and the rulebook's tie-breaks
// read besides the members' points.
func ChainReads(rb *rules.Rulebook) Reads {
	var r Reads
	for _, tb := range rb.TieBreaks() {
		r |= Compare(tb).Reads
	}
	return r
}

// Forfeits reports whether an award tier's fallthrough (its if_ineligible)
// leaves a place empty when the member in line is not eligible (nobody
// takes its place), rather than passing it to the next eligible member
// (the default).
func Forfeits(f rules.Fallthrough) bool { return f == rules.Nobody }
