package scoring

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Scorecard is one member's result under a rulebook (phiếu chấm điểm). It is
// a value: nothing changes it after Score returns it; treat its slices and
// maps as read-only.
type Scorecard struct {
	Member Member `json:"member"`
	// Nodes holds every criterion and group of the rulebook, in the
	// rulebook's order (a group before its criteria).
	Nodes []NodeScore `json:"nodes"`
	// Criteria is the sum of the values of the top-level groups and criteria
	// (weighted and rounded as the rulebook says), before the bonus and
	// deductions on the total (those that belong to a group are in its
	// points, so in Criteria).
	Criteria   decimal.Decimal `json:"criteria"`
	Bonus      Adjustment      `json:"bonus"`
	Deductions Adjustment      `json:"deductions"`
	// Total is Criteria + bonus − deductions, floored and rounded as the
	// rulebook says (tổng điểm).
	Total decimal.Decimal `json:"total"`
	// Attainable is the maximum of the criteria assigned to the member.
	Attainable decimal.Decimal `json:"attainable"`
	// Percent is Total as a percentage of Attainable.
	Percent decimal.Decimal `json:"percent"`
	// Basis is the value members are ranked by: Total or Percent, as the
	// rulebook says.
	Basis decimal.Decimal `json:"basis"`
	Votes VoteCount       `json:"votes"`
	// Ballots are the member's results in each ballot a rulebook lists
	// (votes.ballots), in its order; Votes is then the first one's.
	Ballots []VoteCount `json:"ballots,omitempty"`
	// Year is the sheet's year and Past the member's past awards from the
	// sheet's history, newest first, for conditions that look back.
	Year        int             `json:"year,omitempty"`
	Past        []PastAward     `json:"past,omitempty"`
	Facts       map[string]bool `json:"facts,omitempty"`
	Divergences []Divergence    `json:"divergences,omitempty"`
	// Peers holds the points each assessor gave, per criterion, at stages
	// with named assessors (cross-scoring, chấm chéo); head-to-head
	// tie-breaks read them.
	Peers []PeerScore `json:"peers,omitempty"`
	// Trace lists every step of the computation in order.
	Trace []Step `json:"trace"`
}

// NodeScore is the result for one criterion or group.
type NodeScore struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Group    bool         `json:"group,omitempty"`
	Method   rules.Method `json:"method,omitempty"`
	Assigned bool         `json:"assigned"`
	// Stage is the assessment stage whose value counted ("" for a group, a
	// votes criterion or a missing value scored zero).
	Stage string `json:"stage,omitempty"`
	// Raw is the counted input value (for a criterion scored by several
	// assessors, their aggregate points); zero for a group.
	Raw    decimal.Decimal `json:"raw"`
	Target decimal.Decimal `json:"target,omitzero"`
	// Points are in the node's own scale, 0 … Max; a group's include the
	// items that belong to it (Items), which may take it past Max.
	Points decimal.Decimal `json:"points"`
	// Items is the net points (bonus − deductions) of the items that
	// belong to the group (điểm thưởng, điểm trừ của nhóm; see
	// rules.Rulebook.GroupItems), included in Points; zero for a
	// criterion.
	Items decimal.Decimal `json:"items,omitzero"`
	Max   decimal.Decimal `json:"max"`
	// Value is what the node contributes to its parent: Points × weight,
	// rounded at the rulebook's criterion or group level. Zero if not
	// assigned.
	Value decimal.Decimal `json:"value"`
	// Attainable is the most the node could contribute given what is
	// assigned to the member.
	Attainable decimal.Decimal `json:"attainable"`
}

// Adjustment is the bonus or deduction side of a scorecard.
type Adjustment struct {
	Items []ItemScore `json:"items,omitempty"`
	// Sum is the points of the items on the total after their own caps;
	// Total is Sum after the overall cap. Items that belong to a group are
	// listed (with their Group) but counted in InGroups, not in Sum and
	// Total: their points are in the group's points, so in Criteria.
	Sum      decimal.Decimal `json:"sum"`
	Total    decimal.Decimal `json:"total"`
	InGroups decimal.Decimal `json:"in_groups,omitzero"`
}

// ItemScore is one bonus or deduction item applied to a member.
type ItemScore struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Count  int             `json:"count"`
	Points decimal.Decimal `json:"points"` // count × points each, after the item's cap
	Note   string          `json:"note,omitempty"`
	// Group is the group the item belongs to, whose points it is in; ""
	// for an item on the total.
	Group string `json:"group,omitempty"`
}

// VoteCount is a member's ballot result.
type VoteCount struct {
	// Ballot is the ballot's id, for a rulebook that lists several; empty
	// for the sheet's only ballot.
	Ballot   string `json:"ballot,omitempty"`
	Recorded bool   `json:"recorded"` // false if the sheet has no (such) ballot
	// Voted is true if the member was put to the vote: the ballot has a
	// count for it. A vote condition concerns only such members.
	Voted    bool `json:"voted"`
	For      int  `json:"for"`
	Against  int  `json:"against,omitempty"`
	Abstain  int  `json:"abstain,omitempty"`
	Present  int  `json:"present"`
	Entitled int  `json:"entitled"`
}

// Divergence flags a gap between the self-assessed points (the first stage)
// and the points that counted, above the rulebook's threshold. An empty
// Criterion means the total.
type Divergence struct {
	Criterion string          `json:"criterion,omitempty"`
	Self      decimal.Decimal `json:"self"`
	Counted   decimal.Decimal `json:"counted"`
	Gap       decimal.Decimal `json:"gap"`
	Threshold decimal.Decimal `json:"threshold"`
}

// PeerScore is the points one assessor gave a member for one criterion, as
// they count in the total (weighted and rounded).
type PeerScore struct {
	Stage     string          `json:"stage"`
	Assessor  string          `json:"assessor"`
	Criterion string          `json:"criterion"`
	Points    decimal.Decimal `json:"points"`
}

// Step is one step of a scorecard's computation: which node (or "total",
// "bonus", …), what was done, and the value that resulted.
type Step struct {
	Node string `json:"node"`
	// What says in English what the step did: Text in English.
	What  string          `json:"what"`
	Value decimal.Decimal `json:"value"`
	// Text says what the step did, in any language (lang.Message.In).
	Text lang.Message `json:"text,omitzero"`
}

// Node returns the result for the criterion or group with the given id.
func (c Scorecard) Node(id string) (NodeScore, bool) {
	for _, n := range c.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return NodeScore{}, false
}

// Ballot returns the member's result in the ballot with the given id: Votes
// for "" (the sheet's only ballot), else the one of Ballots.
func (c *Scorecard) Ballot(id string) VoteCount {
	if id == "" {
		return c.Votes
	}
	for _, b := range c.Ballots {
		if b.Ballot == id {
			return b
		}
	}
	return VoteCount{Ballot: id}
}
