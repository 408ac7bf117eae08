package whatif

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// Diff is what changed between two standings of the same cluster (before
// and after a scenario), written for an inspector: every member's rank and
// total, the awards each gained or lost, and the members whose place is now
// decided by a different rule. It is a value.
type Diff struct {
	// Members lists every member, in the new standings' order, then the
	// members dropped.
	Members []MemberChange `json:"members"`
	// Awards lists, per tier, who gained and who lost a proposal.
	Awards []AwardChange `json:"awards"`
	// Decisions lists the members whose place below the row above is now
	// decided by a different rule or against a different member.
	Decisions []DecisionChange `json:"decisions,omitempty"`
}

// MemberChange is one member's old and new place.
type MemberChange struct {
	Member   string          `json:"member"`
	Name     string          `json:"name"`
	OldRank  int             `json:"old_rank,omitempty"` // 0: not in the old standings
	NewRank  int             `json:"new_rank,omitempty"` // 0: dropped
	OldTied  bool            `json:"old_tied,omitempty"`
	NewTied  bool            `json:"new_tied,omitempty"`
	OldTotal decimal.Decimal `json:"old_total"`
	NewTotal decimal.Decimal `json:"new_total"`
	OldBasis decimal.Decimal `json:"old_basis"`
	NewBasis decimal.Decimal `json:"new_basis"`
	Gained   []string        `json:"gained,omitempty"` // award tiers now proposed
	Lost     []string        `json:"lost,omitempty"`   // award tiers no longer proposed
	// Eligibility conditions the member now fails, and no longer fails.
	NowFails []string `json:"now_fails,omitempty"`
	NowMeets []string `json:"now_meets,omitempty"`
}

// Changed reports whether anything about the member changed.
func (m MemberChange) Changed() bool {
	return m.OldRank != m.NewRank || m.OldTied != m.NewTied || !m.OldTotal.Equal(m.NewTotal) ||
		len(m.Gained)+len(m.Lost)+len(m.NowFails)+len(m.NowMeets) > 0
}

// AwardChange is one tier's change.
type AwardChange struct {
	Tier       string   `json:"tier"`
	Name       string   `json:"name"`
	Old        []string `json:"old"`
	New        []string `json:"new"`
	Gained     []string `json:"gained,omitempty"`
	Lost       []string `json:"lost,omitempty"`
	OldPending []string `json:"old_pending,omitempty"`
	NewPending []string `json:"new_pending,omitempty"`
	BlockedNow bool     `json:"blocked_now,omitempty"`
	BlockedWas bool     `json:"blocked_was,omitempty"`
}

// Changed reports whether the tier's proposal changed.
func (a AwardChange) Changed() bool {
	return len(a.Gained)+len(a.Lost) > 0 || !slices.Equal(a.OldPending, a.NewPending) || a.BlockedNow != a.BlockedWas
}

// DecisionChange is a member whose place is now decided differently: Old
// and New are the decisions that placed it below the row above (nil for
// the first row, or when the member is absent).
type DecisionChange struct {
	Member string            `json:"member"`
	Old    *ranking.Decision `json:"old"`
	New    *ranking.Decision `json:"new"`
}

// Compare reports what changed from before to after.
func Compare(before, after *ranking.Standings) Diff {
	var d Diff
	for _, r := range after.Rows {
		mc := MemberChange{Member: r.Member.ID, Name: r.Member.Name, NewRank: r.Rank, NewTied: r.Tied, NewTotal: r.Total, NewBasis: r.Basis}
		old, ok := before.Row(r.Member.ID)
		if ok {
			mc.OldRank, mc.OldTied, mc.OldTotal, mc.OldBasis = old.Rank, old.Tied, old.Total, old.Basis
			mc.Gained, mc.Lost = minus(r.Awards, old.Awards), minus(old.Awards, r.Awards)
			mc.NowFails, mc.NowMeets = minus(failed(r), failed(old)), minus(failed(old), failed(r))
			if decisionChanged(old.DecidedBy, r.DecidedBy) {
				d.Decisions = append(d.Decisions, DecisionChange{Member: r.Member.ID, Old: old.DecidedBy, New: r.DecidedBy})
			}
		} else {
			mc.OldTotal, mc.OldBasis, mc.Gained = decimal.Zero, decimal.Zero, slices.Clone(r.Awards)
		}
		d.Members = append(d.Members, mc)
	}
	for _, r := range before.Rows {
		if _, ok := after.Row(r.Member.ID); !ok {
			d.Members = append(d.Members, MemberChange{Member: r.Member.ID, Name: r.Member.Name, OldRank: r.Rank, OldTied: r.Tied,
				OldTotal: r.Total, OldBasis: r.Basis, NewTotal: decimal.Zero, NewBasis: decimal.Zero, Lost: slices.Clone(r.Awards)})
		}
	}
	for _, a := range after.Awards {
		ac := AwardChange{Tier: a.Tier, Name: a.Name, New: slices.Clone(a.Proposed), BlockedNow: !a.Blocked.IsZero()}
		if a.Pending != nil {
			ac.NewPending = slices.Clone(a.Pending.Candidates)
		}
		for _, b := range before.Awards {
			if b.Tier == a.Tier {
				ac.Old, ac.BlockedWas = slices.Clone(b.Proposed), !b.Blocked.IsZero()
				if b.Pending != nil {
					ac.OldPending = slices.Clone(b.Pending.Candidates)
				}
			}
		}
		ac.Gained, ac.Lost = minus(ac.New, ac.Old), minus(ac.Old, ac.New)
		d.Awards = append(d.Awards, ac)
	}
	return d
}

func failed(r ranking.Row) []string {
	var out []string
	for _, f := range r.Failed {
		out = append(out, f.Condition)
	}
	return out
}

// minus is the members of a not in b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func decisionChanged(a, b *ranking.Decision) bool {
	switch {
	case a == nil || b == nil:
		return (a == nil) != (b == nil)
	}
	return a.Rule != b.Rule || a.Upper != b.Upper || a.Unresolved != b.Unresolved
}

// String reads like "SCT: rank 1 → 2, total 96.35 → 94.35, loses flag".
func (m MemberChange) String() string { return m.Message().In(lang.English) }

// Text writes the change in the language: "SCT: hạng 1 → 2, tổng điểm
// 96,35 → 94,35, không còn được đề nghị flag" in Vietnamese.
func (m MemberChange) Text(t lang.Tag) string { return m.Message().In(t) }

// Message is the change as a message: the ranks and totals, then each
// award tier gained and lost.
func (m MemberChange) Message() lang.Message {
	rank := func(r int, tied bool) string {
		if r == 0 {
			return "—"
		}
		if tied {
			return fmt.Sprintf("%d=", r)
		}
		return fmt.Sprint(r)
	}
	parts := []lang.Message{lang.Msg("whatif.diff.moved", m.Member, rank(m.OldRank, m.OldTied), rank(m.NewRank, m.NewTied), m.OldTotal, m.NewTotal)}
	if m.NewRank == 0 {
		parts[0] = lang.Msg("whatif.diff.dropped", m.Member, rank(m.OldRank, m.OldTied), m.OldTotal)
	}
	for _, g := range m.Gained {
		parts = append(parts, lang.Msg("whatif.diff.gains", g))
	}
	for _, l := range m.Lost {
		parts = append(parts, lang.Msg("whatif.diff.loses", l))
	}
	return lang.Msg("whatif.diff.member").With(parts...)
}
