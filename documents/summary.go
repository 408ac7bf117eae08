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

// summary builds the summary table of the scoring results (bảng tổng hợp
// kết quả chấm điểm).
func (b *builder) summary() *Document {
	st := b.st
	title := b.say("doc.summary_title_no_yr")
	if st.Year != 0 {
		title = b.say("doc.summary_title", st.Year)
	}
	doc := &Document{kind: Summary, lang: b.lang, landscape: true, title: title}
	if st.Cluster != "" {
		doc.title += " — " + st.Cluster
	}
	doc.blocks = append(doc.blocks, b.draftBlocks(b.say("doc.summary_name"))...)

	attached := strings.TrimSpace(b.opts.AttachedTo)
	if attached == "" {
		attached = b.say("doc.attached_to", b.issuer)
	}
	doc.blocks = append(doc.blocks, para{runs: []run{bold(title)}, align: alignCenter, size: "title", meta: meta{class: "title"}})
	if st.Cluster != "" {
		doc.blocks = append(doc.blocks, para{runs: []run{bold(st.Cluster)}, align: alignCenter, meta: meta{class: "cluster"}})
	}
	doc.blocks = append(doc.blocks, para{runs: []run{italic(attached)}, align: alignCenter, meta: meta{class: "attached"}})

	doc.blocks = append(doc.blocks, b.scoreTable())
	doc.blocks = append(doc.blocks, b.gradeBlocks()...)
	// The signatures stay with the last list before them, its title and
	// items: the conditions, or the legend when there are none.
	tail := append(b.legend(), b.conditions()...)
	k := len(tail) - 2
	doc.blocks = append(doc.blocks, tail[:k]...)
	doc.blocks = append(doc.blocks, keep{blocks: append(tail[k:], b.summarySignatures()), meta: meta{class: "closing"}})
	doc.blocks = append(doc.blocks, b.footer()...)
	return doc
}

// groups are the top-level nodes of the criteria tree: the table's columns.
func (b *builder) groups() []rules.Node {
	nodes := b.rb.Nodes()
	var out []rules.Node
	for _, i := range b.rb.Roots() {
		out = append(out, nodes[i])
	}
	return out
}

func (b *builder) scoreTable() table {
	st := b.st
	groups := b.groups()
	rp := b.rb.Rounding()
	byPercent := st.Basis == rules.ByPercent

	// Column places: the rulebook's rounding where it has one, else what
	// the most precise value needs.
	gvals := make([][]decimal.Decimal, len(groups))
	var crit, bonus, ded []decimal.Decimal
	for _, r := range st.Rows {
		for g, n := range groups {
			ns, _ := r.Card.Node(n.ID)
			gvals[g] = append(gvals[g], ns.Value)
		}
		crit = append(crit, r.Card.Criteria)
		bonus = append(bonus, r.Card.Bonus.Total)
		ded = append(ded, r.Card.Deductions.Total)
	}
	// A group without its own rounding sums criteria rounded at the
	// criterion level, so it is written with the criterion's places.
	level := rp.Group
	if level == nil {
		level = rp.Criterion
	}
	gplaces := make([]int32, len(groups))
	for g := range groups {
		gplaces[g] = columnPlaces(gvals[g], level)
	}
	cplaces := columnPlaces(crit, level)
	// Bonus and deductions are written like the total they enter.
	bplaces, dplaces := max(columnPlaces(bonus, nil), b.totalPlaces), max(columnPlaces(ded, nil), b.totalPlaces)
	adj := func(d decimal.Decimal, p int32) string {
		if d.IsZero() {
			return "0"
		}
		return b.num(d, p)
	}

	hdr := func(s string) cell { return cell{lines: [][]run{{bold(s)}}, align: alignCenter} }
	span := func(c cell, cols, rows int) cell { c.colspan, c.rowspan = cols, rows; return c }
	maxOf := func(d decimal.Decimal) []run { return []run{italic(b.say("doc.col_max", b.exact(d)))} }

	top := []cell{span(hdr(b.say("doc.col_no")), 1, 2), span(hdr(b.say("doc.col_member")), 1, 2), span(hdr(b.say("doc.col_groups")), len(groups)+1, 1),
		span(hdr(b.say("doc.col_bonus")), 1, 2), span(hdr(b.say("doc.col_ded")), 1, 2), span(hdr(b.say("doc.col_total")), 1, 2)}
	flat := []cell{hdr(b.say("doc.col_no")), hdr(b.say("doc.col_member"))}
	var second []cell
	for _, n := range groups {
		c := lines([]run{bold(n.ID)}, maxOf(n.MaxTotal))
		c.align = alignCenter
		second = append(second, c)
		flat = append(flat, line(bold(n.ID), plain(" ("+b.say("doc.col_max", b.exact(n.MaxTotal))+")")))
	}
	sum := lines([]run{bold(b.say("doc.col_sum"))}, maxOf(b.rb.MaxTotal()))
	sum.align = alignCenter
	second = append(second, sum)
	flat = append(flat, line(bold(b.say("doc.col_sum")), plain(" ("+b.say("doc.col_max", b.exact(b.rb.MaxTotal()))+")")),
		hdr(b.say("doc.col_bonus")), hdr(b.say("doc.col_ded")), hdr(b.say("doc.col_total")))
	if byPercent {
		top = append(top, span(hdr(b.say("doc.col_pct")), 1, 2))
		flat = append(flat, hdr(b.say("doc.col_pct")))
	}
	votes := false
	for _, r := range st.Rows {
		votes = votes || r.Card.Votes.Recorded || slices.ContainsFunc(r.Card.Ballots, func(v scoring.VoteCount) bool { return v.Recorded })
	}
	if votes {
		v := lines([]run{bold(b.say("doc.col_votes"))}, []run{italic(b.say("doc.col_votes_hint"))})
		v.align = alignCenter
		top = append(top, span(v, 1, 2))
		flat = append(flat, line(bold(b.say("doc.col_votes")), plain(" ("+b.say("doc.col_votes_hint")+")")))
	}
	top = append(top, span(hdr(b.say("doc.col_rank")), 1, 2))
	flat = append(flat, hdr(b.say("doc.col_rank")))
	if b.grades() {
		top = append(top, span(hdr(b.say("doc.col_grade")), 1, 2))
		flat = append(flat, hdr(b.say("doc.col_grade")))
	}
	top = append(top, span(hdr(b.say("doc.col_award")), 1, 2), span(hdr(b.say("doc.col_notes")), 1, 2))
	flat = append(flat, hdr(b.say("doc.col_award")), hdr(b.say("doc.col_notes")))

	numc := func(s string) cell { c := line(plain(s)); c.num, c.align = true, alignRight; return c }
	t := table{head: [][]cell{top, second}, flat: flat, meta: meta{class: "scores"}}
	for i, r := range st.Rows {
		cells := []cell{numc(strconv.Itoa(i + 1)), line(plain(r.Member.Name))}
		for g, n := range groups {
			ns, _ := r.Card.Node(n.ID)
			if !ns.Assigned {
				c := line(plain("—"))
				c.align = alignCenter
				cells = append(cells, c)
				continue
			}
			cells = append(cells, numc(b.num(ns.Value, gplaces[g])))
		}
		cells = append(cells, numc(b.num(r.Card.Criteria, cplaces)), numc(adj(r.Card.Bonus.Total, bplaces)),
			numc(adj(r.Card.Deductions.Total, dplaces)))
		tot := numc(b.total(r))
		tot.lines[0][0].bold = true
		cells = append(cells, tot)
		if byPercent {
			cells = append(cells, numc(b.num(r.Percent, b.pctPlaces)))
		}
		if votes {
			v := line(plain(""))
			if vc := r.Card.Votes; vc.Recorded && len(r.Card.Ballots) == 0 {
				v = line(plain(fmt.Sprintf("%d/%d", vc.For, vc.Present)))
			} else if len(r.Card.Ballots) > 0 {
				v = b.ballotsCell(r)
			}
			v.align = alignCenter
			cells = append(cells, v)
		}
		rank := line(plain(strconv.Itoa(r.Rank)))
		rank.align = alignCenter
		cells = append(cells, rank)
		if b.grades() {
			cells = append(cells, b.gradeCell(r))
		}
		cells = append(cells, b.awardCell(r))
		var notes [][]run
		for _, s := range append(b.rankRemarks(i), b.awardRemarks(r)...) {
			notes = append(notes, []run{plain(s + ".")})
		}
		nc := cell{lines: notes, small: true}
		cells = append(cells, nc)
		t.body = append(t.body, row{cells: cells, meta: meta{class: "member", member: r.Member.ID}})
	}
	// relative widths: the member and notes columns take what the numbers
	// leave
	var w []int
	w = append(w, 3, 13)
	for range groups {
		w = append(w, 5)
	}
	w = append(w, 5, 5, 5, 5)
	if byPercent {
		w = append(w, 5)
	}
	if votes {
		w = append(w, 5)
	}
	w = append(w, 4)
	if b.grades() {
		w = append(w, 8)
	}
	w = append(w, 11)
	used := 0
	for _, x := range w {
		used += x
	}
	t.widths = append(w, max(100-used, 12))
	return t
}

// awardCell names the award proposed, or the tier a tie keeps pending.
func (b *builder) awardCell(r ranking.Row) cell {
	var ls [][]run
	for _, a := range r.Awards {
		ls = append(ls, []run{bold(b.tierName(a))})
	}
	for _, a := range b.st.Awards {
		if a.Pending != nil {
			for _, c := range a.Pending.Candidates {
				if c == r.Member.ID {
					ls = append(ls, []run{italic(b.say("doc.note_pending", a.Name, b.memberNames(without(a.Pending.Candidates, c))))})
				}
			}
		}
	}
	return cell{lines: ls}
}

func without(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

// legend names the criteria groups with their maxima.
func (b *builder) legend() []block {
	var items []item
	for _, n := range b.groups() {
		items = append(items, item{runs: []run{bold(n.ID), plain(". " + n.Name + " (" + b.say("doc.max_line", b.exact(n.MaxTotal)) + ")")}})
	}
	dash := false
	for _, r := range b.st.Rows {
		for _, n := range b.groups() {
			if ns, ok := r.Card.Node(n.ID); ok && !ns.Assigned {
				dash = true
			}
		}
	}
	if dash {
		items = append(items, item{runs: []run{plain(b.say("doc.not_assigned"))}})
	}
	return []block{
		para{runs: []run{bold(b.say("doc.legend") + ":")}, meta: meta{class: "legend-title"}},
		list{items: items, meta: meta{class: "legend"}},
	}
}

// conditions lists each award tier's quota and conditions.
func (b *builder) conditions() []block {
	if len(b.tiers) == 0 {
		return nil
	}
	var items []item
	for i, t := range b.tiers {
		quota := 0
		if i < len(b.st.Awards) {
			quota = b.st.Awards[i].Quota
		} else {
			quota = ranking.Quota(t, len(b.st.Rows))
		}
		text := b.say("doc.tier_count", t.Name, count(quota))
		if t.Count == 0 && !t.Share.IsZero() {
			text = b.say("doc.tier_share", t.Name, b.shareText(t.Share), count(quota))
		}
		if reqs := strings.Join(nonEmpty(b.reasons(t.Requires), b.minGrade(t)), "; "); reqs != "" {
			text += b.say("doc.tier_requires", reqs)
		}
		items = append(items, item{runs: []run{plain(text + ".")}, meta: meta{class: "tier", tier: t.ID}})
	}
	return []block{
		para{runs: []run{bold(b.say("doc.conditions_title") + ":")}, meta: meta{class: "conditions-title"}},
		list{items: items, meta: meta{class: "conditions"}},
	}
}

// shareText writes a share as a percentage in the language's style.
func (b *builder) shareText(s rules.Share) string {
	str := s.String()
	if b.lang == lang.Vietnamese {
		str = strings.ReplaceAll(str, ".", ",")
	}
	return str
}

// summarySignatures is the signature block: the compiler on the left, the
// cluster head on the right, both blank.
func (b *builder) summarySignatures() table {
	left := lines([]run{}, []run{bold(b.say("doc.compiler"))}, []run{italic(b.say("doc.sign_hint"))}, nil, nil, nil, []run{placeholder("……………………")})
	right := lines([]run{b.datePlace()}, []run{bold(b.say("doc.head"))}, []run{italic(b.say("doc.sign_hint"))}, nil, nil, nil, []run{placeholder("……………………")})
	left.align, right.align = alignCenter, alignCenter
	return table{plain: true, body: []row{{cells: []cell{left, right}}}, widths: []int{50, 50}, meta: meta{class: "signatures"}}
}
