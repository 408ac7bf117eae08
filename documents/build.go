package documents

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// builder holds what both documents need: the standings, the rulebook's
// names and the options with their defaults applied.
type builder struct {
	rb    *rules.Rulebook
	st    *ranking.Standings
	opts  Options
	lang  lang.Tag
	l     labels
	names map[string]string // member id → name
	index map[string]int    // member id → row
	tiers []rules.AwardTier
	conds map[string]rules.Condition

	issuer, parent, recipient, place string
	totalPlaces, pctPlaces           int32
}

func newBuilder(rb *rules.Rulebook, st *ranking.Standings, opts Options) *builder {
	b := &builder{rb: rb, st: st, opts: opts, lang: opts.Lang, l: labelsOf(opts.Lang),
		names: map[string]string{}, index: map[string]int{}, tiers: rb.Awards(), conds: map[string]rules.Condition{}}
	for i, r := range st.Rows {
		name := r.Member.Name
		if name == "" {
			name = r.Member.ID
		}
		b.names[r.Member.ID] = name
		b.index[r.Member.ID] = i
	}
	for _, c := range rb.Eligibility() {
		b.conds[c.ID] = c
	}
	b.issuer = strings.TrimSpace(opts.Issuer)
	if b.issuer == "" {
		b.issuer = st.Cluster
	}
	if b.issuer == "" {
		b.issuer = b.l.recipientBlank
	}
	jur := strings.TrimSpace(rb.Jurisdiction())
	b.parent = strings.TrimSpace(opts.Parent)
	if b.parent == "" && jur != "" {
		b.parent = fmt.Sprintf(b.l.parentFmt, jur)
	}
	b.recipient = strings.TrimSpace(opts.Recipient)
	if b.recipient == "" {
		b.recipient = b.l.recipientBlank
		if jur != "" {
			b.recipient = fmt.Sprintf(b.l.recipientFmt, uncapitalise(jur))
		}
	}
	b.place = strings.TrimSpace(opts.Place)
	if b.place == "" {
		b.place = b.l.placeBlank
	}
	var totals, pcts []decimal.Decimal
	for _, r := range st.Rows {
		totals = append(totals, r.Total)
		pcts = append(pcts, r.Percent)
	}
	rp := rb.Rounding()
	b.totalPlaces = columnPlaces(totals, rp.Total)
	b.pctPlaces = columnPlaces(pcts, rp.Percent)
	return b
}

// columnPlaces is the number of decimal places a column of numbers is
// written with: the rulebook's rounding at that level if it has one, else
// as many as the most precise value needs.
func columnPlaces(ds []decimal.Decimal, r *rules.Rounding) int32 {
	p := int32(0)
	for _, d := range ds {
		p = max(p, Places(d))
	}
	if r != nil {
		p = max(p, r.Places)
	}
	return p
}

func (b *builder) num(d decimal.Decimal, places int32) string { return Number(d, places, b.lang) }
func (b *builder) exact(d decimal.Decimal) string             { return Exact(d, b.lang) }
func (b *builder) total(r ranking.Row) string                 { return b.num(r.Total, b.totalPlaces) }

// upper writes a body's name in capitals, as headers do.
func upper(s string) string { return strings.ToUpper(s) }

// tierName returns an award tier's name.
func (b *builder) tierName(id string) string {
	for _, t := range b.tiers {
		if t.ID == id {
			return t.Name
		}
	}
	return id
}

// memberNames writes member ids as their names, joined.
func (b *builder) memberNames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = b.names[id]
	}
	return b.join(out)
}

// join lists names: "A, B và C" / "A, B and C".
func (b *builder) join(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + b.l.and + xs[len(xs)-1]
}

// reasons writes the reasons of the conditions given by id.
func (b *builder) reasons(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if c, ok := b.conds[id]; ok && c.Reason != "" {
			out[i] = c.Reason
		}
	}
	return strings.Join(out, "; ")
}

// isTieBreak reports whether a decision separated two members equal on the
// ranking basis.
func isTieBreak(d *ranking.Decision) bool {
	if d == nil || d.Unresolved {
		return false
	}
	kind, _, _ := strings.Cut(d.Rule, " ")
	return kind != string(rules.ByTotalPoints) && kind != string(rules.ByPercentage)
}

// why says why the upper member of a tie-break decision is above (above) or
// the lower one below, with both members' values, computed from their
// scorecards rather than read from the decision's text.
func (b *builder) why(d ranking.Decision, above bool) string {
	l := b.l
	up, lo := b.st.Rows[b.index[d.Upper]], b.st.Rows[b.index[d.Lower]]
	cu, cl := up.Card, lo.Card
	pair := func(more, less string, vu, vl string) string {
		if above {
			return fmt.Sprintf(more, vu, vl)
		}
		return fmt.Sprintf(less, vl, vu)
	}
	kind, ref, _ := strings.Cut(d.Rule, " ")
	if len(cu.Nodes) == 0 || len(cl.Nodes) == 0 {
		// Standings without scorecards (read back from JSON): the
		// decision's own values. Rules whose values are numbers need them;
		// the others (last year's award, head to head, lots) are written
		// from the decision alone.
		vu, eu := decimal.NewFromString(d.UpperValue)
		vl, el := decimal.NewFromString(d.LowerValue)
		numeric := eu == nil && el == nil
		switch rules.TieBreakKind(kind) {
		case rules.NoAwardLastYear, rules.HeadToHead, rules.DrawingLots:
		default:
			if !numeric {
				return b.values(d)
			}
		}
		if numeric {
			cu.Total, cl.Total = vu, vl
			cu.Nodes = []scoring.NodeScore{{ID: ref, Value: vu}}
			cl.Nodes = []scoring.NodeScore{{ID: ref, Value: vl}}
			cu.Bonus.Total, cl.Bonus.Total = vu, vl
		}
	}
	switch rules.TieBreakKind(kind) {
	case rules.ByGroup, rules.ByCriterion:
		nu, _ := cu.Node(ref)
		nl, _ := cl.Node(ref)
		what := fmt.Sprintf(l.critWord, ref)
		if kind == string(rules.ByGroup) {
			what = fmt.Sprintf(l.groupWord, ref)
		}
		if above {
			return fmt.Sprintf(l.moreIn, what, b.exact(nu.Value), b.exact(nl.Value))
		}
		return fmt.Sprintf(l.lessIn, what, b.exact(nl.Value), b.exact(nu.Value))
	case rules.FewerDeductions:
		return pair(l.fewerDed, l.moreDed, b.exact(cu.Deductions.Total), b.exact(cl.Deductions.Total))
	case rules.MoreBonus:
		return pair(l.moreBonus, l.lessBonus, b.exact(cu.Bonus.Total), b.exact(cl.Bonus.Total))
	case rules.MoreVotes:
		return pair(l.moreVotes, l.fewerVotes, strconv.Itoa(cu.Votes.For), strconv.Itoa(cl.Votes.For))
	case rules.HeadToHead:
		if above {
			return l.h2hWin
		}
		return l.h2hLose
	case rules.NoAwardLastYear:
		last := b.st.Year - 1
		if above {
			award := b.l.collective
			if ref != "" {
				award = b.tierName(ref)
			}
			return fmt.Sprintf(l.notAwarded, last, award)
		}
		if v := d.LowerText; v.Key == "value.award" && len(v.Args) == 2 {
			y, _ := strconv.Atoi(v.Args[1])
			return fmt.Sprintf(l.wasAwarded, y, b.tierName(v.Args[0]))
		}
	case rules.DrawingLots:
		if above {
			return l.lotsAbove
		}
		return l.lotsBelow
	}
	return b.values(d)
}

// values writes a decision as the engine states it, in the document's
// language: the rule and both members' values.
func (b *builder) values(d ranking.Decision) string {
	return fmt.Sprintf("%s: %s / %s", b.lang.Rule(d.Rule), d.UpperText.In(b.lang), d.LowerText.In(b.lang))
}

// tiedWith returns the other members of the unresolved tie a member is in.
func (b *builder) tiedWith(id string) []string {
	for _, t := range b.st.Ties {
		if slices.Contains(t.Members, id) {
			var others []string
			for _, m := range t.Members {
				if m != id {
					others = append(others, m)
				}
			}
			return others
		}
	}
	return nil
}

// rankRemark says how a member's rank relates to a member with the same
// total: broken by which rule (both directions), or unresolved. Empty when
// its total differs from both neighbours'.
func (b *builder) rankRemarks(i int) []string {
	rows := b.st.Rows
	r := rows[i]
	var out []string
	if r.Tied {
		if others := b.tiedWith(r.Member.ID); len(others) > 0 {
			out = append(out, fmt.Sprintf(b.l.noteTiedWith, b.memberNames(others)))
		}
	}
	if d := r.DecidedBy; isTieBreak(d) {
		out = append(out, fmt.Sprintf(b.l.noteBelow, b.names[d.Upper], b.why(*d, false)))
	}
	if i+1 < len(rows) {
		if d := rows[i+1].DecidedBy; isTieBreak(d) {
			out = append(out, fmt.Sprintf(b.l.noteAbove, b.names[d.Lower], b.why(*d, true)))
		}
	}
	return out
}

// awardRemarks says, per award tier, why a member was passed over or lost
// its place; then which conditions it fails for the tiers it did not
// receive. (A place pending a tie is shown in the award column.)
func (b *builder) awardRemarks(r ranking.Row) []string {
	id := r.Member.ID
	var out []string
	covered := map[string]bool{} // conditions already explained
	reported := map[string]bool{}
	for _, a := range b.st.Awards {
		for _, s := range a.Skipped {
			if s.Member == id {
				out = append(out, fmt.Sprintf(b.l.noteSkipped, a.Name, b.shortfalls(r, s.Failed)))
				reported[a.Tier] = true
			}
		}
		for _, s := range a.Forfeited {
			if s.Member == id {
				out = append(out, fmt.Sprintf(b.l.noteForfeited, a.Name, b.shortfalls(r, s.Failed)))
				reported[a.Tier] = true
			}
		}
	}
	failed := map[string]bool{}
	for _, f := range r.Failed {
		failed[f.Condition] = true
	}
	for _, t := range b.tiers {
		if slices.Contains(r.Awards, t.ID) || reported[t.ID] {
			for _, c := range t.Requires {
				covered[c] = true
			}
			continue
		}
		var ids []string
		for _, c := range t.Requires {
			if failed[c] {
				ids = append(ids, c)
				covered[c] = true
			}
		}
		if len(ids) > 0 {
			out = append(out, fmt.Sprintf(b.l.noteFailedTier, t.Name, b.shortfalls(r, ids)))
		}
	}
	var rest []string
	for _, f := range r.Failed {
		if !covered[f.Condition] {
			rest = append(rest, f.Condition)
		}
	}
	if len(rest) > 0 {
		out = append(out, fmt.Sprintf(b.l.noteFailed, b.shortfalls(r, rest)))
	}
	return out
}

// shortfalls says briefly, with the member's own values, how it falls short
// of each condition given by id: "tổng điểm 88,75 < 90".
func (b *builder) shortfalls(r ranking.Row, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = b.shortfall(r, id)
	}
	return strings.Join(out, "; ")
}

// shortfall describes one failed condition from the member's scorecard.
// Whether the member fails it is the engine's decision (Row.Failed); this
// only writes the values involved.
func (b *builder) shortfall(r ranking.Row, id string) string {
	l := b.l
	c, ok := b.conds[id]
	if !ok {
		return id
	}
	card := r.Card
	switch {
	case c.MinTotal != nil:
		return fmt.Sprintf(l.failTotal, b.exact(card.Total), b.exact(*c.MinTotal))
	case c.MinPercent != nil:
		return fmt.Sprintf(l.failPercent, b.exact(card.Percent), b.exact(*c.MinPercent))
	case c.CriterionFloor != nil:
		var low []string
		for _, n := range ranking.BelowFloor(b.rb, c, card) { // the criteria ranking found low, within its group
			low = append(low, n.ID)
		}
		if len(low) > 0 {
			return fmt.Sprintf(l.failFloor, strings.Join(low, ", "), b.shareText(c.CriterionFloor.Share))
		}
	case c.GroupMin != nil:
		n, _ := card.Node(c.GroupMin.Group)
		return fmt.Sprintf(l.failGroup, c.GroupMin.Group, b.exact(n.Points), b.exact(c.GroupMin.Min))
	case c.MaxDeductions != nil:
		return fmt.Sprintf(l.failDeductions, b.exact(card.Deductions.Total), b.exact(*c.MaxDeductions))
	case c.MaxConsecutive != nil:
		name := c.MaxConsecutive.Award
		if t, ok := b.rb.Award(name); ok {
			name = t.Name
		}
		n := 0
		for y := card.Year - 1; slices.ContainsFunc(card.Past, func(p scoring.PastAward) bool { return p.Year == y && p.Award == c.MaxConsecutive.Award }); y-- {
			n++
		}
		return fmt.Sprintf(l.failStreak, name, n, c.MaxConsecutive.Years)
	case c.MinVotes != nil:
		v := card.Votes
		switch {
		case !v.Recorded:
			return l.failNoBallot
		case !c.MinVotes.Quorum.IsZero() && !c.MinVotes.Quorum.CountAtLeast(v.Present, v.Entitled):
			return fmt.Sprintf(l.failQuorum, v.Present, v.Entitled)
		}
		base := v.Entitled
		if c.MinVotes.Base == rules.OfPresent {
			base = v.Present
		}
		return fmt.Sprintf(l.failVotes, v.For, base, b.shareText(c.MinVotes.Share))
	}
	if c.Reason != "" {
		return fmt.Sprintf(l.failFact, c.Reason)
	}
	return id
}

// pending reports whether an unresolved tie leaves award places undecided.
func (b *builder) pending() bool {
	for _, a := range b.st.Awards {
		if a.Pending != nil || a.Blocked != "" {
			return true
		}
	}
	return false
}

// draftBlocks are the draft notice (as a source comment and visibly) and
// the notes: the rulebook's (e.g. "scores are illustrative") and the
// caller's.
func (b *builder) draftBlocks(name string) []block {
	text := fmt.Sprintf(b.l.draft, name)
	out := []block{comment{text: text}, note{runs: []run{plain(text)}, meta: meta{class: "draft"}}}
	var notes []string
	if n := strings.TrimSpace(b.rb.Regulation().Notes); n != "" {
		notes = append(notes, n)
	}
	for _, n := range b.opts.Notes {
		if n = strings.TrimSpace(n); n != "" {
			notes = append(notes, n)
		}
	}
	for _, n := range notes {
		out = append(out, note{runs: []run{bold(b.l.notePrefix), plain(n)}, meta: meta{class: "notes"}})
	}
	if b.pending() {
		out = append(out, note{runs: []run{bold(b.l.pendingWarning)}, meta: meta{class: "warning"}})
	}
	return out
}

// footer identifies the rulebook and the sheet by their hashes, and the
// drawing of lots if there was one.
func (b *builder) footer() []block {
	ref := b.st.Rulebook
	ps := []run{plain(fmt.Sprintf(b.l.rulebookRef, ref.ID, ref.Version, ref.Hash))}
	out := []block{
		para{runs: ps, size: "small", meta: meta{class: "provenance first rulebook"}},
		para{runs: []run{plain(fmt.Sprintf(b.l.sheetRef, b.st.SheetHash))}, size: "small", meta: meta{class: "provenance sheet"}},
	}
	if lots := b.st.Lots; lots != nil {
		text := b.l.lotsRecorded
		if lots.Seed != nil {
			text = fmt.Sprintf(b.l.lotsSeed, *lots.Seed)
		}
		var draws []string
		for _, d := range lots.Draws {
			draws = append(draws, b.memberNames(d))
		}
		if len(draws) > 0 {
			text += ": " + strings.Join(draws, "; ")
		}
		out = append(out, para{runs: []run{plain(text)}, size: "small", meta: meta{class: "provenance lots"}})
	}
	out = append(out, para{runs: []run{italic(b.l.generated)}, size: "small", meta: meta{class: "provenance"}})
	return out
}

// datePlace is "Cao Bằng, ngày … tháng … năm …" (the place a placeholder
// unless given).
func (b *builder) datePlace() run {
	return run{text: fmt.Sprintf(b.l.datePlace, b.place), italic: true}
}
