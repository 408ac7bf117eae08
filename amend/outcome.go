package amend

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// OutcomeSchema is the value of OutcomeDiff.Schema.
const OutcomeSchema = "thidua/outcome-diff/v1"

// OutcomeDiff says whether and how a sheet's result changes from the old
// rulebook to the new one.
type OutcomeDiff struct {
	Schema    string              `json:"schema"`
	Old       ranking.RulebookRef `json:"old"`
	New       ranking.RulebookRef `json:"new"`
	SheetHash string              `json:"sheet_hash"`
	// Changed is true if any member's rank, total or award changes.
	Changed bool `json:"changed"`
	// Leader states the change of the member(s) ranked first, if any.
	Leader *LeaderChange `json:"leader,omitempty"`
	// Tiers lists the award tiers whose members change, old tiers first.
	Tiers []TierChange `json:"tiers"`
	// Members lists the members whose rank, total or award changes, in
	// the new standings' order.
	Members []MemberChange `json:"members"`
	// Message sums the outcome up in either language.
	Message lang.Message `json:"message"`
	// OldStandings and NewStandings are the two results compared.
	OldStandings *ranking.Standings `json:"-"`
	NewStandings *ranking.Standings `json:"-"`
}

// LeaderChange is a change of the member(s) ranked first.
type LeaderChange struct {
	Old     []string     `json:"old"`
	New     []string     `json:"new"`
	Message lang.Message `json:"message"`
}

// TierChange is an award tier whose proposed members change.
type TierChange struct {
	Tier    string       `json:"tier"`
	Name    string       `json:"name"`
	Old     []string     `json:"old"`
	New     []string     `json:"new"`
	Message lang.Message `json:"message"`
}

// MemberChange is one member's result under both rulebooks. An award is a
// tier id, "" for none; Pending names a tier the member is a candidate for
// while a tie is unresolved. Tied is true for a member sharing its rank
// (đồng hạng), whether or not the tie decides an award; the message tells
// the two apart ("6 (đồng hạng)", "1 (bằng điểm)").
type MemberChange struct {
	Member     scoring.Member  `json:"member"`
	OldRank    int             `json:"old_rank"`
	NewRank    int             `json:"new_rank"`
	OldTied    bool            `json:"old_tied,omitempty"`
	NewTied    bool            `json:"new_tied,omitempty"`
	OldTotal   decimal.Decimal `json:"old_total"`
	NewTotal   decimal.Decimal `json:"new_total"`
	OldAward   string          `json:"old_award"`
	NewAward   string          `json:"new_award"`
	OldPending string          `json:"old_pending,omitempty"`
	NewPending string          `json:"new_pending,omitempty"`
	// Message states the change: "SCT: hạng 1 → 2; Cờ thi đua → —".
	Message lang.Message `json:"message"`
}

// Text states the change in the language.
func (m MemberChange) Text(t lang.Tag) string { return m.Message.In(t) }

// SheetError is a sheet that is not valid under one of the two rulebooks.
// Err holds every problem (scoring.InputErrors).
type SheetError struct {
	// Which is "old" or "new".
	Which    string
	Rulebook ranking.RulebookRef
	Err      error
}

func (e *SheetError) Error() string { return e.Message().In(lang.English) + ": " + e.Err.Error() }

// Unwrap returns the sheet's problems.
func (e *SheetError) Unwrap() error { return e.Err }

// Message names the rulebook the sheet is not valid under, in either
// language; the problems themselves are in Err.
func (e *SheetError) Message() lang.Message {
	which := lang.Msg("amend.which.old")
	if e.Which == "new" {
		which = lang.Msg("amend.which.new")
	}
	return lang.Msg("amend.sheet.invalid", e.Rulebook.ID, e.Rulebook.Version).With(which)
}

// Text names the rulebook the sheet is not valid under, in the language.
func (e *SheetError) Text(t lang.Tag) string { return e.Message().In(t) }

// Outcome ranks the sheet under both rulebooks (with the same options, e.g.
// ranking.WithSeed for drawing lots) and states what changes. The sheet
// must be valid under both: if it is not, the error is a *SheetError for
// the first rulebook it fails (old, then new).
func Outcome(old, new *rules.Rulebook, sh scoring.Sheet, opts ...ranking.Option) (OutcomeDiff, error) {
	opts = append(slices.Clip(opts), ranking.WithoutTrace())
	a, err := ranking.Rank(old, sh, opts...)
	if err != nil {
		return OutcomeDiff{}, &SheetError{Which: "old", Rulebook: ref(old), Err: err}
	}
	b, err := ranking.Rank(new, sh, opts...)
	if err != nil {
		return OutcomeDiff{}, &SheetError{Which: "new", Rulebook: ref(new), Err: err}
	}
	return compareStandings(a, b), nil
}

type place struct {
	row     ranking.Row
	award   string
	pending string
}

func places(st *ranking.Standings) map[string]place {
	out := map[string]place{}
	for _, r := range st.Rows {
		p := place{row: r}
		if len(r.Awards) > 0 {
			p.award = r.Awards[0]
		}
		out[r.Member.ID] = p
	}
	for _, a := range st.Awards {
		if a.Pending == nil {
			continue
		}
		for _, m := range a.Pending.Candidates {
			if p, ok := out[m]; ok && p.pending == "" {
				p.pending = a.Tier
				out[m] = p
			}
		}
	}
	return out
}

func tierNames(st *ranking.Standings) map[string]string {
	out := map[string]string{}
	for _, a := range st.Awards {
		out[a.Tier] = a.Name
	}
	return out
}

func leaders(st *ranking.Standings) []string {
	var out []string
	for _, r := range st.Rows {
		if r.Rank == 1 {
			out = append(out, r.Member.ID)
		}
	}
	return out
}

func compareStandings(a, b *ranking.Standings) OutcomeDiff {
	od := OutcomeDiff{Schema: OutcomeSchema, Old: a.Rulebook, New: b.Rulebook, SheetHash: b.SheetHash,
		Tiers: []TierChange{}, Members: []MemberChange{}, OldStandings: a, NewStandings: b}
	pa, pb := places(a), places(b)
	na, nb := tierNames(a), tierNames(b)
	if la, lb := leaders(a), leaders(b); !slices.Equal(la, lb) {
		od.Leader = &LeaderChange{Old: la, New: lb, Message: lang.Msg("amend.outcome.leader", strings.Join(la, ", "), strings.Join(lb, ", "))}
	}
	// tiers: the old ones in order, then those only the new rulebook has
	seen := map[string]bool{}
	var tiers []string
	for _, t := range a.Awards {
		tiers = append(tiers, t.Tier)
		seen[t.Tier] = true
	}
	for _, t := range b.Awards {
		if !seen[t.Tier] {
			tiers = append(tiers, t.Tier)
		}
	}
	for _, t := range tiers {
		oa, ob := a.Proposed(t), b.Proposed(t)
		if slices.Equal(oa, ob) {
			continue
		}
		name := nb[t]
		if name == "" {
			name = na[t]
		}
		od.Tiers = append(od.Tiers, TierChange{Tier: t, Name: name, Old: nonNil(oa), New: nonNil(ob),
			Message: lang.Msg("amend.outcome.tier", name, dash(strings.Join(oa, ", ")), dash(strings.Join(ob, ", ")))})
	}
	awardMsg := func(p place, names map[string]string) lang.Message {
		switch {
		case p.award != "":
			return lang.Msg("amend.award.label", names[p.award])
		case p.pending != "":
			return lang.Msg("amend.award.pending", names[p.pending])
		}
		return lang.Msg("amend.award.nothing")
	}
	// a rank shared quietly (đồng hạng) and one in a tie that decides an
	// award (bằng điểm, chưa phân định) are told apart
	rankMsg := func(r ranking.Row) lang.Message {
		switch {
		case r.Unresolved:
			return lang.Msg("amend.rank.tied", r.Rank)
		case r.Tied:
			return lang.Msg("amend.rank.shared", r.Rank)
		}
		return lang.Msg("amend.rank", r.Rank)
	}
	for _, r := range b.Rows {
		x, okx := pa[r.Member.ID]
		y := pb[r.Member.ID]
		if !okx {
			continue
		}
		var parts []lang.Message
		if x.row.Rank != y.row.Rank || x.row.Tied != y.row.Tied || x.row.Unresolved != y.row.Unresolved {
			parts = append(parts, lang.Msg("amend.outcome.rank").With(rankMsg(x.row), rankMsg(y.row)))
		}
		if !x.row.Total.Equal(y.row.Total) {
			parts = append(parts, lang.Msg("amend.outcome.total", x.row.Total, y.row.Total))
		}
		if x.award != y.award || x.pending != y.pending {
			parts = append(parts, lang.Msg("amend.outcome.award").With(awardMsg(x, na), awardMsg(y, nb)))
		}
		if len(parts) == 0 {
			continue
		}
		od.Members = append(od.Members, MemberChange{
			Member: r.Member, OldRank: x.row.Rank, NewRank: y.row.Rank, OldTied: x.row.Tied, NewTied: y.row.Tied,
			OldTotal: x.row.Total, NewTotal: y.row.Total, OldAward: x.award, NewAward: y.award,
			OldPending: x.pending, NewPending: y.pending,
			Message: lang.Msg("amend.outcome.member", r.Member.ID).With(parts...),
		})
	}
	od.Changed = len(od.Members) > 0 || len(od.Tiers) > 0
	switch {
	case !od.Changed:
		od.Message = lang.Msg("amend.outcome.same")
	case len(od.Tiers) == 0 && od.Leader == nil:
		od.Message = lang.Msg("amend.outcome.changed_not_awards", len(od.Members))
	default:
		od.Message = lang.Msg("amend.outcome.changed", len(od.Members))
	}
	return od
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
