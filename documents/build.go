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
	names ranking.Names
	index map[string]int // member id → row
	tiers []rules.AwardTier
	conds map[string]rules.Condition

	issuer, parent, recipient, place string
	totalPlaces, pctPlaces           int32
}

func newBuilder(rb *rules.Rulebook, st *ranking.Standings, opts Options) *builder {
	b := &builder{rb: rb, st: st, opts: opts, lang: opts.Lang, names: st.Names(),
		index: map[string]int{}, tiers: rb.Awards(), conds: map[string]rules.Condition{}}
	for i, r := range st.Rows {
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
		b.issuer = b.say("doc.recipient_blank")
	}
	jur := strings.TrimSpace(rb.Jurisdiction())
	b.parent = strings.TrimSpace(opts.Parent)
	if b.parent == "" && jur != "" {
		b.parent = b.say("doc.parent_fmt", jur)
	}
	b.recipient = strings.TrimSpace(opts.Recipient)
	if b.recipient == "" {
		b.recipient = b.say("doc.recipient_blank")
		if jur != "" {
			b.recipient = b.say("doc.recipient_fmt", uncapitalise(jur))
		}
	}
	b.place = strings.TrimSpace(opts.Place)
	if b.place == "" {
		b.place = b.say("doc.place_blank")
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
	return b.lang.Join(b.names.Members(ids))
}

// say writes a word or a sentence of the documents (keys doc.* of the
// catalogue) in the document's language, with its values in full.
func (b *builder) say(key string, args ...any) string { return b.lang.Say(key, args...) }

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
	up, lo := b.st.Rows[b.index[d.Upper]], b.st.Rows[b.index[d.Lower]]
	cu, cl := up.Card, lo.Card
	pair := func(more, less string, vu, vl string) string {
		if above {
			return b.say(more, vu, vl)
		}
		return b.say(less, vl, vu)
	}
	kind, ref, _ := strings.Cut(d.Rule, " ")
	if len(cu.Nodes) == 0 || len(cl.Nodes) == 0 {
		// Standings without scorecards (read back from JSON): the
		// decision's own values. Rules whose values are numbers need them;
		// the others (last year's award, head to head, lots) are written
		// from the decision alone.
		vu, eu := number(d.UpperValue)
		vl, el := number(d.LowerValue)
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
		what := b.say("doc.crit_word", ref)
		if kind == string(rules.ByGroup) {
			what = b.say("doc.group_word", ref)
		}
		if above {
			return b.say("doc.more_in", what, b.exact(nu.Value), b.exact(nl.Value))
		}
		return b.say("doc.less_in", what, b.exact(nl.Value), b.exact(nu.Value))
	case rules.FewerDeductions:
		return pair("doc.fewer_ded", "doc.more_ded", b.exact(cu.Deductions.Total), b.exact(cl.Deductions.Total))
	case rules.MoreBonus:
		return pair("doc.more_bonus", "doc.less_bonus", b.exact(cu.Bonus.Total), b.exact(cl.Bonus.Total))
	case rules.MoreVotes:
		return pair("doc.more_votes", "doc.fewer_votes", strconv.Itoa(cu.Votes.For), strconv.Itoa(cl.Votes.For))
	case rules.HeadToHead:
		if above {
			return b.say("doc.h2h_win")
		}
		return b.say("doc.h2h_lose")
	case rules.NoAwardLastYear:
		last := b.st.Year - 1
		if above {
			award := b.say("doc.collective")
			if ref != "" {
				award = b.tierName(ref)
			}
			return b.say("doc.not_awarded", last, award)
		}
		if v := d.LowerValue; v.Key == "value.award" && len(v.Args) == 2 {
			y, _ := strconv.Atoi(v.Args[1])
			return b.say("doc.was_awarded", y, b.tierName(v.Args[0]))
		}
	case rules.DrawingLots:
		if above {
			return b.say("doc.lots_above")
		}
		return b.say("doc.lots_below")
	}
	return b.values(d)
}

// values writes a decision as the engine states it, in the document's
// language: the rule and both members' values, members and tiers named.
func (b *builder) values(d ranking.Decision) string {
	return fmt.Sprintf("%s: %s / %s", b.lang.Rule(b.names.Rule(d.Rule)), b.names.Of(d.UpperValue).In(b.lang), b.names.Of(d.LowerValue).In(b.lang))
}

// number reads a member's value under a rule when it is a number (the
// engine's value.number), as the standings' JSON keeps it.
func number(m lang.Message) (decimal.Decimal, error) {
	if m.Key != "value.number" || len(m.Args) != 1 {
		return decimal.Decimal{}, fmt.Errorf("not a number: %s", m.Key)
	}
	return decimal.NewFromString(m.Args[0])
}

// tiedWith returns the other members of the tie a member is in (a shared
// rank, or an unresolved tie if it decides an award).
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
// total: broken by which rule (both directions), shared, or unresolved. Empty when
// its total differs from both neighbours'.
func (b *builder) rankRemarks(i int) []string {
	rows := b.st.Rows
	r := rows[i]
	var out []string
	if r.Tied {
		if others := b.tiedWith(r.Member.ID); len(others) > 0 {
			// only a tie that decides an award is unresolved; any other
			// is a shared rank (đồng hạng), said quietly
			key := "doc.note_shared_with"
			if r.Unresolved {
				key = "doc.note_tied_with"
			}
			out = append(out, b.say(key, b.memberNames(others)))
		}
	}
	if d := r.DecidedBy; isTieBreak(d) {
		out = append(out, b.say("doc.note_below", b.names.Member(d.Upper), b.why(*d, false)))
	}
	if i+1 < len(rows) {
		if d := rows[i+1].DecidedBy; isTieBreak(d) {
			out = append(out, b.say("doc.note_above", b.names.Member(d.Lower), b.why(*d, true)))
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
				out = append(out, b.say("doc.note_skipped", a.Name, b.withGrade(b.shortfalls(r, s.Failed), a.Tier, id)))
				reported[a.Tier] = true
			}
		}
		for _, s := range a.Forfeited {
			if s.Member == id {
				out = append(out, b.say("doc.note_forfeited", a.Name, b.withGrade(b.shortfalls(r, s.Failed), a.Tier, id)))
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
			out = append(out, b.say("doc.note_failed_tier", t.Name, b.shortfalls(r, ids)))
		}
	}
	var rest []string
	for _, f := range r.Failed {
		// in a rulebook that grades, the conditions no award requires
		// are the bands' (or nobody's): the Xếp loại column and the list
		// of bands say what they decided
		if !covered[f.Condition] && !b.grades() {
			rest = append(rest, f.Condition)
		}
	}
	if len(rest) > 0 {
		out = append(out, b.say("doc.note_failed", b.shortfalls(r, rest)))
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
	c, ok := b.conds[id]
	if !ok {
		return id
	}
	card := r.Card
	switch {
	case c.MinTotal != nil:
		return b.say("doc.fail_total", b.exact(card.Total), b.exact(*c.MinTotal))
	case c.MinPercent != nil:
		return b.say("doc.fail_percent", b.exact(card.Percent), b.exact(*c.MinPercent))
	case c.CriterionFloor != nil:
		var low []string
		for _, n := range ranking.BelowFloor(b.rb, c, card) { // the criteria ranking found low, within its group
			low = append(low, n.ID)
		}
		if len(low) > 0 {
			return b.say("doc.fail_floor", strings.Join(low, ", "), b.shareText(c.CriterionFloor.Share))
		}
	case c.GroupMin != nil:
		n, _ := card.Node(c.GroupMin.Group)
		return b.say("doc.fail_group", c.GroupMin.Group, b.exact(n.Points), b.exact(c.GroupMin.Min))
	case c.MaxDeductions != nil:
		return b.say("doc.fail_deductions", b.exact(card.Deductions.Total), b.exact(*c.MaxDeductions))
	case c.MaxConsecutive != nil:
		name := c.MaxConsecutive.Award
		if t, ok := b.rb.Award(name); ok {
			name = t.Name
		}
		n := 0
		for y := card.Year - 1; slices.ContainsFunc(card.Past, func(p scoring.PastAward) bool { return p.Year == y && p.Award == c.MaxConsecutive.Award }); y-- {
			n++
		}
		return b.say("doc.fail_streak", name, n, c.MaxConsecutive.Years)
	case c.MaxTotal != nil, c.MaxPercent != nil:
		// an upper bound (a grading band's "dưới 90 điểm"): the engine's words
		return b.failMessage(r, id)
	case c.MinVotes != nil:
		v := card.Ballot(c.MinVotes.Ballot)
		switch {
		case v.Recorded && !v.Voted && c.MinVotes.Ballot != "":
			// a named ballot the member was not put to: the engine's words
			return b.failMessage(r, id)
		case !v.Recorded:
			return b.say("doc.fail_no_ballot")
		case !c.MinVotes.Quorum.IsZero() && !c.MinVotes.Quorum.CountAtLeast(v.Present, v.Entitled):
			return b.say("doc.fail_quorum", v.Present, v.Entitled)
		}
		base := v.Entitled
		if c.MinVotes.Base == rules.OfPresent {
			base = v.Present
		}
		return b.say("doc.fail_votes", v.For, base, b.shareText(c.MinVotes.Share))
	}
	if c.Reason != "" {
		return b.say("doc.fail_fact", c.Reason)
	}
	return id
}

// failMessage is the engine's sentence for the condition the member fails
// (ranking.Failure.Message), with names for ids, or the condition's id.
func (b *builder) failMessage(r ranking.Row, id string) string {
	for _, f := range r.Failed {
		if f.Condition == id {
			return b.names.Of(f.Message).In(b.lang)
		}
	}
	return id
}

// pending reports whether an unresolved tie leaves award places undecided.
func (b *builder) pending() bool {
	for _, a := range b.st.Awards {
		if a.Pending != nil || !a.Blocked.IsZero() {
			return true
		}
	}
	return false
}

// draftBlocks are the draft notice (as a source comment and visibly) and
// the notes: the rulebook's (e.g. "scores are illustrative") and the
// caller's.
func (b *builder) draftBlocks(name string) []block {
	text := b.draftNotice(name)
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
		out = append(out, note{runs: []run{bold(b.say("doc.note_prefix")), plain(n)}, meta: meta{class: "notes"}})
	}
	if b.pending() {
		out = append(out, note{runs: []run{bold(b.say("doc.pending_warning"))}, meta: meta{class: "warning"}})
	}
	return out
}

// footer identifies the rulebook and the sheet by their hashes, and the
// drawing of lots if there was one.
func (b *builder) footer() []block {
	ref := b.st.Rulebook
	ps := []run{plain(b.say("doc.rulebook_ref", ref.ID, ref.Version, ref.Hash))}
	out := []block{
		para{runs: ps, size: "small", meta: meta{class: "provenance first rulebook"}},
		para{runs: []run{plain(b.say("doc.sheet_ref", b.st.SheetHash))}, size: "small", meta: meta{class: "provenance sheet"}},
	}
	if lots := b.st.Lots; lots != nil {
		text := b.say("doc.lots_recorded")
		if lots.Seed != nil {
			text = b.say("doc.lots_seed", *lots.Seed)
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
	out = append(out, para{runs: []run{italic(b.say("doc.generated"))}, size: "small", meta: meta{class: "provenance"}})
	return out
}

// datePlace is "Cao Bằng, ngày … tháng … năm …" (the place a placeholder
// unless given).
func (b *builder) datePlace() run {
	return run{text: b.say("doc.date_place", b.place), italic: true}
}
