package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// ResultOptions adjusts WriteResults.
type ResultOptions struct {
	// Scorecards adds a sheet per member with its scorecard (phiếu điểm):
	// every criterion's counted stage, raw value, points and contribution.
	// Each is named by its member's rank and name ("2. Sở Khoa học và Công
	// nghệ"), cut to the 31 characters Excel allows.
	Scorecards bool
	// Lang is the language of the workbook's labels and sentences:
	// Vietnamese (the zero value) or English. Names from the rulebook and
	// the sheet are not translated.
	Lang lang.Tag
}

// The sheets of a results workbook, in Vietnamese and in English (the
// catalogue's results.sheet.standings and results.sheet.matrix, for
// programs that read the workbook).
const (
	SheetStandings        = "Xếp hạng"
	SheetMatrix           = "Bảng điểm chi tiết"
	SheetStandingsEnglish = "Standings"
	SheetMatrixEnglish    = "Scores by criterion"
)

// WriteResults writes standings as an .xlsx workbook a secretariat can
// file and print: a "Xếp hạng" sheet (rank, member, total, the award
// proposed, the rule that placed each member below the one above, the
// eligibility conditions not met; the members proposed for an award
// highlighted; then the award proposals, unresolved ties and lots), and a
// "Bảng điểm chi tiết" sheet of criteria × members with group subtotals,
// bonus, deductions and totals. Both carry a title with the cluster and
// year and the rulebook's id, version and hash, and the sheet's hash.
// Numbers are written as numbers with the exact digits of the result and
// shown with the rulebook's decimal places. The standings must have been
// ranked with their scorecards (ranking.Rank keeps them).
func WriteResults(w io.Writer, rb *rules.Rulebook, st *ranking.Standings, opts ResultOptions) error {
	b := newBook()
	r := &results{b: b, rb: rb, st: st, t: opts.Lang, tiers: map[string]int{}, names: st.Names()}
	for i, a := range rb.Awards() {
		r.tiers[a.ID] = i
	}
	r.standings()
	r.matrix()
	t := r.t
	if opts.Scorecards {
		used := map[string]bool{strings.ToLower(t.Say("results.sheet.standings")): true, strings.ToLower(t.Say("results.sheet.matrix")): true}
		for _, row := range st.Rows {
			r.scorecard(row, sheetName(t.Say("results.sheet.scorecard", row.Rank, row.Member.Name), used))
		}
	}
	b.check(b.f.SetDocProps(&excelize.DocProperties{Title: t.Say("results.doc.title", st.Cluster), Creator: "thidua", Subject: st.Rulebook.ID + " " + st.Rulebook.Version, Language: t.Say("results.doc.language")}))
	return b.write(w)
}

type results struct {
	b     *book
	rb    *rules.Rulebook
	st    *ranking.Standings
	t     lang.Tag
	tiers map[string]int // tier id → its place in the rulebook's order
	names ranking.Names
}

// title writes a sheet's title rows and returns the first free row.
func (r *results) title(sh, heading string) int {
	b, st := r.b, r.st
	t := heading
	if st.Cluster != "" {
		t += " — " + strings.ToUpper(st.Cluster)
	}
	if st.Year != 0 {
		t += r.t.Say("results.title.year", st.Year)
	}
	b.label(sh, pos{1, 1}, t)
	b.style(sh, pos{1, 1}, pos{1, 1}, b.styleID(cellStyle{bold: true, size: 14, places: -1}))
	small := b.styleID(cellStyle{italic: true, size: 9, font: colorKeyFont, places: -1})
	b.label(sh, pos{2, 1}, r.t.Say("results.title.rules", st.Rulebook.ID, st.Rulebook.Version, st.Rulebook.Hash, st.Rulebook.Title))
	line := r.t.Say("results.title.sheet", st.SheetHash)
	if st.Lots != nil && st.Lots.Seed != nil {
		line += r.t.Say("results.title.seed", *st.Lots.Seed)
	}
	b.label(sh, pos{3, 1}, line)
	b.style(sh, pos{2, 1}, pos{3, 1}, small)
	return 5
}

// places is the number of decimals to show: the rulebook's rounding at
// that level, else as many as the values have.
func places(rd *rules.Rounding, vals ...decimal.Decimal) int {
	if rd != nil {
		return int(rd.Places)
	}
	p := 0
	for _, v := range vals {
		p = max(p, int(-v.Exponent()))
	}
	return min(p, rules.MaxPlaces)
}

func (r *results) awardNames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.names.Tier(id)
	}
	return strings.Join(out, ", ")
}

// decided says why a row is below the one above: the rule that separated
// them and both values, the member above named, e.g. "nhóm I: 38 < 38,5
// (Sở Khoa học và Công nghệ)".
func (r *results) decided(d *ranking.Decision) string {
	if d == nil {
		return ""
	}
	return r.names.Of(d.BriefMessage()).In(r.t)
}

// standings writes the "Xếp hạng" sheet.
func (r *results) standings() {
	b, st, rb := r.b, r.st, r.rb
	t := r.t
	sh := b.sheet(t.Say("results.sheet.standings"))
	head := []string{t.Say("results.col.rank"), t.Say("results.col.member_id"), t.Say("results.col.member"), t.Say("results.col.total")}
	byPercent := st.Basis == rules.ByPercent
	if byPercent {
		head = append(head, t.Say("results.col.percent"))
	}
	grading := len(st.Grades) > 0
	if grading {
		head = append(head, t.Say("results.col_grade"))
	}
	head = append(head, t.Say("results.col.award"), t.Say("results.col.decided_by"), t.Say("results.col.failed"))
	hr := r.title(sh, t.Say("results.standings.title"))
	for i, h := range head {
		b.str(sh, pos{hr, i + 1}, h)
	}
	b.style(sh, pos{hr, 1}, pos{hr, len(head)}, b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorHeader, places: -1}))
	b.rowHeight(sh, hr, 32)

	var totals, percents []decimal.Decimal
	for _, row := range st.Rows {
		totals = append(totals, row.Total)
		percents = append(percents, row.Percent)
	}
	rnd := rb.Rounding()
	tp, pp := places(rnd.Total, totals...), places(rnd.Percent, percents...)
	for i, row := range st.Rows {
		p := hr + 1 + i
		fill := ""
		if len(row.Awards) > 0 {
			fill = tierColors[r.tiers[row.Awards[0]]%len(tierColors)]
		}
		c := 1
		b.int(sh, pos{p, c}, row.Rank)
		b.style(sh, pos{p, c}, pos{p, c}, b.styleID(cellStyle{border: true, center: true, fill: fill, places: 0}))
		c++
		b.str(sh, pos{p, c}, row.Member.ID)
		c++
		b.str(sh, pos{p, c}, row.Member.Name)
		b.style(sh, pos{p, 2}, pos{p, c}, b.styleID(cellStyle{border: true, fill: fill, bold: fill != "", places: -1}))
		c++
		b.num(sh, pos{p, c}, row.Total)
		b.style(sh, pos{p, c}, pos{p, c}, b.styleID(cellStyle{border: true, fill: fill, bold: fill != "", places: tp}))
		if byPercent {
			c++
			b.num(sh, pos{p, c}, row.Percent)
			b.style(sh, pos{p, c}, pos{p, c}, b.styleID(cellStyle{border: true, fill: fill, places: pp}))
		}
		if grading {
			c++
			r.gradeCell(sh, pos{p, c}, row, fill)
		}
		c++
		aw := r.awardNames(row.Awards)
		if aw == "" {
			aw = "—"
		}
		b.str(sh, pos{p, c}, aw)
		c++
		b.str(sh, pos{p, c}, r.decided(row.DecidedBy))
		c++
		var failed []string
		for _, f := range row.Failed {
			failed = append(failed, t.Say("results.failed", r.names.Condition(f.Condition), r.names.Of(f.Message).In(t)))
		}
		b.str(sh, pos{p, c}, strings.Join(failed, "\n"))
		b.style(sh, pos{p, c - 2}, pos{p, c}, b.styleID(cellStyle{border: true, wrap: true, fill: fill, places: -1}))
	}
	next := hr + len(st.Rows) + 2
	bold := b.styleID(cellStyle{bold: true, places: -1})
	line := func(text string, style int) {
		b.label(sh, pos{next, 1}, text)
		if style != 0 {
			b.style(sh, pos{next, 1}, pos{next, 1}, style)
		}
		next++
	}
	auth := rb.Authority()
	line(t.Say("results.proposals", auth.CouncilName().In(t), auth.DecidesName().In(t)), bold)
	for _, a := range st.Awards {
		s := fmt.Sprintf("%s (%d): ", a.Name, a.Quota)
		switch {
		case !a.Blocked.IsZero():
			s += t.Say("results.blocked", r.names.Of(a.Blocked).In(t))
		case len(a.Proposed) == 0 && a.Pending == nil:
			s += t.Say("results.nobody")
		default:
			s += r.memberNames(a.Proposed)
		}
		if a.Pending != nil && a.Blocked.IsZero() {
			if len(a.Proposed) > 0 {
				s += "; "
			}
			s += t.Say("results.pending", a.Pending.Places, r.memberNames(a.Pending.Candidates))
		}
		line(s, 0)
		for _, sk := range a.Skipped {
			line(t.Say("results.skipped", r.names.Member(sk.Member), strings.Join(r.names.SkipReasons(t, rb, st, a.Tier, sk), "; ")), 0)
		}
		for _, sk := range a.Forfeited {
			line(t.Say("results.forfeited", r.names.Member(sk.Member), strings.Join(r.names.SkipReasons(t, rb, st, a.Tier, sk), "; ")), 0)
		}
	}
	if grading {
		next++
		line(t.Say("results.grades_title"), bold)
		for _, l := range r.gradeLines() {
			line(l, 0)
		}
	}
	// only the ties that decide an award are listed: members who share a
	// rank otherwise show it by their equal ranks and "decided by" cell
	if ties := st.UnresolvedTies(); len(ties) > 0 {
		next++
		line(t.Say("results.ties"), bold)
		for _, tie := range ties {
			line(t.Say("results.tie", tie.Rank, r.memberNames(tie.Members), r.names.Of(tie.Note).In(t)), 0)
		}
	}
	if st.Lots != nil && len(st.Lots.Draws) > 0 {
		next++
		line(t.Say("results.lots"), bold)
		for _, d := range st.Lots.Draws {
			line(r.memberNames(d), 0)
		}
	}
	var div []string
	for _, row := range st.Rows {
		for _, d := range row.Card.Divergences {
			what := t.Say("results.divergence.total")
			if d.Criterion != "" {
				what = t.Say("results.divergence.node", d.Criterion)
			}
			div = append(div, t.Say("results.divergence", row.Member.Name, what, t.Decimal(d.Self), t.Decimal(d.Counted), t.Decimal(d.Gap), t.Decimal(d.Threshold)))
		}
	}
	if len(div) > 0 {
		next++
		line(t.Say("results.divergences"), bold)
		for _, d := range div {
			line(d, 0)
		}
	}
	widths := b.fitColumns(sh, 6, 60, map[int]bool{1: true})
	b.colWidth(sh, 1, 7)
	// Rows as tall as their wrapped texts (the reasons, the conditions).
	for i := range st.Rows {
		n := 1
		for c := range widths {
			if c > 4 {
				v, _ := b.f.GetCellValue(sh, cellName(pos{hr + 1 + i, c}))
				n = max(n, lines(v, widths[c]))
			}
		}
		if n > 1 {
			b.rowHeight(sh, hr+1+i, float64(14*n+2))
		}
	}
	b.freeze(sh, pos{hr + 1, 4})
	b.print(sh, hr, 3)
}

func (r *results) memberNames(ids []string) string {
	return strings.Join(r.names.Members(ids), ", ")
}

// matrix writes the criteria × members sheet.
func (r *results) matrix() {
	b, st, rb := r.b, r.st, r.rb
	t := r.t
	sh := b.sheet(t.Say("results.sheet.matrix"))
	hr := r.title(sh, t.Say("results.matrix.title"))
	head := b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorHeader, places: -1})
	b.label(sh, pos{hr, 1}, t.Say("results.col.id"))
	b.label(sh, pos{hr, 2}, t.Say("results.col.criterion"))
	b.label(sh, pos{hr, 3}, t.Say("results.col.max"))
	b.label(sh, pos{hr + 1, 2}, t.Say("results.col.member_id"))
	for i, row := range st.Rows {
		b.label(sh, pos{hr, 4 + i}, row.Member.Name)
		b.str(sh, pos{hr + 1, 4 + i}, row.Member.ID)
		b.colWidth(sh, 4+i, 14)
	}
	last := 3 + len(st.Rows)
	b.style(sh, pos{hr, 1}, pos{hr + 1, last}, head)
	b.rowHeight(sh, hr, 60)

	rnd := rb.Rounding()
	var crit, grp []decimal.Decimal
	nodes := rb.Nodes()
	for _, row := range st.Rows {
		for _, n := range row.Card.Nodes {
			if n.Group {
				grp = append(grp, n.Value)
			} else {
				crit = append(crit, n.Value)
			}
		}
	}
	cp, gp := places(rnd.Criterion, crit...), places(rnd.Group, grp...)
	p := hr + 2
	for i, n := range nodes {
		pl, st1 := cp, cellStyle{border: true}
		if n.IsGroup() {
			pl, st1 = gp, cellStyle{border: true, bold: true, fill: colorSubtot}
		}
		b.str(sh, pos{p, 1}, n.ID)
		b.str(sh, pos{p, 2}, strings.Repeat("  ", n.Depth)+n.Name)
		b.num(sh, pos{p, 3}, n.MaxTotal)
		lbl := st1
		lbl.places, lbl.indent, lbl.text = -1, n.Depth, true
		b.style(sh, pos{p, 1}, pos{p, 2}, b.styleID(lbl))
		numSt := st1
		numSt.places = places(nil, n.MaxTotal)
		b.style(sh, pos{p, 3}, pos{p, 3}, b.styleID(numSt))
		numSt.places = pl
		for j, row := range st.Rows {
			c := pos{p, 4 + j}
			if i < len(row.Card.Nodes) && row.Card.Nodes[i].ID == n.ID {
				ns := row.Card.Nodes[i]
				if !ns.Assigned {
					b.str(sh, c, t.Say("results.not_assigned"))
				} else {
					b.num(sh, c, ns.Value)
				}
			}
			b.style(sh, c, c, b.styleID(numSt))
		}
		p++
	}
	tp := places(rnd.Total, totalsOf(st)...)
	sum := func(label string, style cellStyle, get func(scoring.Scorecard) (decimal.Decimal, bool)) {
		b.label(sh, pos{p, 2}, label)
		ls := style
		ls.places = -1
		b.style(sh, pos{p, 1}, pos{p, 3}, b.styleID(ls))
		for j, row := range st.Rows {
			if v, ok := get(row.Card); ok {
				b.num(sh, pos{p, 4 + j}, v)
			}
		}
		b.style(sh, pos{p, 4}, pos{p, last}, b.styleID(style))
		p++
	}
	sum(t.Say("results.criteria"), cellStyle{border: true, bold: true, fill: colorSubtot, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Criteria, true })
	for _, it := range rb.Bonus().Items {
		sum(t.Say("results.bonus.item", it.Name+inGroup(t, rb, it.Group)), cellStyle{border: true, places: places(nil, it.Points)}, itemPoints(it.ID, func(c scoring.Scorecard) []scoring.ItemScore { return c.Bonus.Items }))
	}
	if len(rb.Bonus().Items) > 0 {
		sum(t.Say("results.bonus"), cellStyle{border: true, bold: true, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Bonus.Total, true })
	}
	for _, it := range rb.Deductions().Items {
		sum(t.Say("results.deduction.item", it.Name+inGroup(t, rb, it.Group)), cellStyle{border: true, places: places(nil, it.Points)}, itemPoints(it.ID, func(c scoring.Scorecard) []scoring.ItemScore { return c.Deductions.Items }))
	}
	if len(rb.Deductions().Items) > 0 {
		sum(t.Say("results.deductions"), cellStyle{border: true, bold: true, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Deductions.Total, true })
	}
	sum(t.Say("results.total"), cellStyle{border: true, bold: true, fill: colorTotal, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Total, true })
	if st.Basis == rules.ByPercent {
		var ps []decimal.Decimal
		for _, row := range st.Rows {
			ps = append(ps, row.Percent)
		}
		sum(t.Say("results.col.percent"), cellStyle{border: true, bold: true, places: places(rnd.Percent, ps...)}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Percent, true })
	}
	b.label(sh, pos{p, 2}, t.Say("results.row.rank"))
	b.label(sh, pos{p + 1, 2}, t.Say("results.col.award"))
	for j, row := range st.Rows {
		b.int(sh, pos{p, 4 + j}, row.Rank)
		fill := ""
		if len(row.Awards) > 0 {
			fill = tierColors[r.tiers[row.Awards[0]]%len(tierColors)]
		}
		b.label(sh, pos{p + 1, 4 + j}, r.awardNames(row.Awards))
		b.style(sh, pos{hr, 4 + j}, pos{hr, 4 + j}, b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: orDefault(fill, colorHeader), places: -1}))
		b.style(sh, pos{p + 1, 4 + j}, pos{p + 1, 4 + j}, b.styleID(cellStyle{border: true, wrap: true, fill: fill, places: -1}))
	}
	b.style(sh, pos{p, 1}, pos{p, 3}, b.styleID(cellStyle{border: true, bold: true, places: -1}))
	b.style(sh, pos{p, 4}, pos{p, last}, b.styleID(cellStyle{border: true, bold: true, center: true, places: 0}))
	b.style(sh, pos{p + 1, 1}, pos{p + 1, 3}, b.styleID(cellStyle{border: true, bold: true, places: -1}))
	b.rowHeight(sh, p+1, 45)
	b.colWidth(sh, 1, 7)
	b.colWidth(sh, 2, min(max(float64(b.widths[sh][2])*1.1+2, 30), 90))
	b.colWidth(sh, 3, 8)
	b.freeze(sh, pos{hr + 2, 4})
	b.print(sh, hr+1, 3)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func totalsOf(st *ranking.Standings) []decimal.Decimal {
	var out []decimal.Decimal
	for _, row := range st.Rows {
		out = append(out, row.Total, row.Card.Criteria, row.Card.Bonus.Total, row.Card.Deductions.Total)
	}
	return out
}

// itemPoints reads a bonus or deduction item's points from a scorecard.
func itemPoints(id string, items func(scoring.Scorecard) []scoring.ItemScore) func(scoring.Scorecard) (decimal.Decimal, bool) {
	return func(c scoring.Scorecard) (decimal.Decimal, bool) {
		for _, it := range items(c) {
			if it.ID == id {
				return it.Points, true
			}
		}
		return decimal.Decimal{}, false
	}
}

// scorecard writes one member's scorecard sheet.
func (r *results) scorecard(row ranking.Row, sh string) {
	b, rb := r.b, r.rb
	b.sheet(sh)
	c := row.Card
	t := r.t
	hr := r.title(sh, t.Say("results.scorecard.title", strings.ToUpper(row.Member.Name), row.Rank, t.Decimal(row.Total)))
	head := []string{t.Say("results.col.id"), t.Say("results.col.criterion"), t.Say("results.col.max"), t.Say("results.col.stage"), t.Say("results.col.raw"), t.Say("results.col.points"), t.Say("results.col.value")}
	for i, h := range head {
		b.label(sh, pos{hr, i + 1}, h)
	}
	b.style(sh, pos{hr, 1}, pos{hr, len(head)}, b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorHeader, places: -1}))
	stageName := map[string]string{}
	for _, s := range rb.Assessment().Stages {
		stageName[s.ID] = s.Name
	}
	rnd := rb.Rounding()
	p := hr + 1
	for _, n := range c.Nodes {
		st := cellStyle{border: true}
		if n.Group {
			st = cellStyle{border: true, bold: true, fill: colorSubtot}
		}
		depth := 0
		if node, ok := rb.Node(n.ID); ok {
			depth = node.Depth
		}
		b.str(sh, pos{p, 1}, n.ID)
		b.str(sh, pos{p, 2}, strings.Repeat("  ", depth)+n.Name)
		b.num(sh, pos{p, 3}, n.Max)
		if !n.Group {
			b.str(sh, pos{p, 4}, stageName[n.Stage])
			if n.Assigned && n.Stage != "" {
				b.num(sh, pos{p, 5}, n.Raw)
			}
		}
		if n.Assigned {
			b.num(sh, pos{p, 6}, n.Points)
			b.num(sh, pos{p, 7}, n.Value)
		} else {
			b.str(sh, pos{p, 6}, t.Say("results.not_assigned"))
		}
		ls := st
		ls.places, ls.text = -1, true
		b.style(sh, pos{p, 1}, pos{p, 2}, b.styleID(ls))
		b.style(sh, pos{p, 4}, pos{p, 4}, b.styleID(ls))
		ns := st
		ns.places = places(nil, n.Max)
		b.style(sh, pos{p, 3}, pos{p, 3}, b.styleID(ns))
		ns.places = places(nil, n.Raw)
		b.style(sh, pos{p, 5}, pos{p, 5}, b.styleID(ns))
		lvl := rnd.Criterion
		if n.Group {
			lvl = rnd.Group
		}
		ns.places = places(lvl, n.Points, n.Value)
		b.style(sh, pos{p, 6}, pos{p, 7}, b.styleID(ns))
		p++
	}
	tp := places(rnd.Total, c.Total, c.Criteria)
	line := func(label string, count string, v decimal.Decimal, bold bool) {
		b.label(sh, pos{p, 2}, label)
		if count != "" {
			b.str(sh, pos{p, 5}, count)
		}
		b.num(sh, pos{p, 7}, v)
		b.style(sh, pos{p, 1}, pos{p, 6}, b.styleID(cellStyle{border: true, bold: bold, places: -1}))
		b.style(sh, pos{p, 7}, pos{p, 7}, b.styleID(cellStyle{border: true, bold: bold, places: tp}))
		p++
	}
	line(t.Say("results.criteria"), "", c.Criteria, true)
	for _, it := range c.Bonus.Items {
		line(t.Say("results.bonus.item", it.Name+inGroup(t, rb, it.Group)+noteSuffix(it.Note)), t.Say("results.count", it.Count), it.Points, false)
	}
	line(t.Say("results.bonus"), "", c.Bonus.Total, false)
	for _, it := range c.Deductions.Items {
		line(t.Say("results.deduction.item", it.Name+inGroup(t, rb, it.Group)+noteSuffix(it.Note)), t.Say("results.count", it.Count), it.Points.Neg(), false)
	}
	line(t.Say("results.deductions"), "", c.Deductions.Total.Neg(), false)
	line(t.Say("results.total"), "", c.Total, true)
	b.colWidth(sh, 1, 7)
	b.colWidth(sh, 2, 60)
	for col := 3; col <= 7; col++ {
		b.colWidth(sh, col, 12)
	}
	b.freeze(sh, pos{hr + 1, 3})
	b.print(sh, hr, 2)
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// sheetName makes a valid, unused sheet name: at most 31 characters (a
// longer name is cut, with "…" at its end), none of []:*?/\.
func sheetName(s string, used map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, clean(s))
	s = strings.Trim(s, "'")
	if s == "" {
		s = "Sheet"
	}
	trunc := func(s string, n int) string {
		rs := []rune(s)
		if len(rs) > n {
			return strings.TrimSpace(string(rs[:n-1])) + "…"
		}
		return string(rs)
	}
	name := trunc(s, 31)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = trunc(s, 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

// inGroup marks a bonus or deduction item that belongs to a group: its
// points are in that group's points, not in the bonus or deductions
// totals beside it ("" for an item on the total).
func inGroup(t lang.Tag, rb *rules.Rulebook, group string) string {
	if group == "" {
		return ""
	}
	name := group
	if n, ok := rb.Node(group); ok {
		name = n.Name
	}
	return " " + t.Say("results.item.in_group", name)
}
