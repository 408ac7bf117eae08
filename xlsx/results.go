package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// ResultOptions adjusts WriteResults.
type ResultOptions struct {
	// Scorecards adds a sheet per member with its scorecard (phiếu điểm):
	// every criterion's counted stage, raw value, points and contribution.
	Scorecards bool
}

// The sheets of a results workbook.
const (
	SheetStandings = "Xếp hạng"
	SheetMatrix    = "Bảng điểm chi tiết"
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
	r := &results{b: b, rb: rb, st: st, tiers: map[string]int{}, names: map[string]string{}}
	for i, a := range rb.Awards() {
		r.tiers[a.ID] = i
		r.tierNames = append(r.tierNames, a.Name)
	}
	for _, row := range st.Rows {
		r.names[row.Member.ID] = row.Member.Name
	}
	r.standings()
	r.matrix()
	if opts.Scorecards {
		used := map[string]bool{strings.ToLower(SheetStandings): true, strings.ToLower(SheetMatrix): true}
		for _, row := range st.Rows {
			r.scorecard(row, sheetName("Phiếu điểm "+row.Member.ID, used))
		}
	}
	b.check(b.f.SetDocProps(&excelize.DocProperties{Title: "Kết quả chấm điểm thi đua — " + st.Cluster, Creator: "thidua", Subject: st.Rulebook.ID + " " + st.Rulebook.Version}))
	return b.write(w)
}

type results struct {
	b         *book
	rb        *rules.Rulebook
	st        *ranking.Standings
	tiers     map[string]int
	tierNames []string
	names     map[string]string
}

// title writes a sheet's title rows and returns the first free row.
func (r *results) title(sh, heading string) int {
	b, st := r.b, r.st
	t := heading
	if st.Cluster != "" {
		t += " — " + strings.ToUpper(st.Cluster)
	}
	if st.Year != 0 {
		t += fmt.Sprintf(" — NĂM %d", st.Year)
	}
	b.label(sh, pos{1, 1}, t)
	b.style(sh, pos{1, 1}, pos{1, 1}, b.styleID(cellStyle{bold: true, size: 14, places: -1}))
	small := b.styleID(cellStyle{italic: true, size: 9, font: colorKeyFont, places: -1})
	b.label(sh, pos{2, 1}, fmt.Sprintf("Bộ tiêu chí %s, phiên bản %s (%s) — %s", st.Rulebook.ID, st.Rulebook.Version, st.Rulebook.Hash, st.Rulebook.Title))
	line := "Bảng điểm " + st.SheetHash
	if st.Lots != nil && st.Lots.Seed != nil {
		line += fmt.Sprintf("; bốc thăm với hạt giống %d", *st.Lots.Seed)
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
	var out []string
	for _, id := range ids {
		if i, ok := r.tiers[id]; ok {
			out = append(out, r.tierNames[i])
		} else {
			out = append(out, id)
		}
	}
	return strings.Join(out, ", ")
}

// ruleWords name the tie-break rules in Vietnamese, for the standings.
var ruleWords = map[string]string{
	string(rules.ByTotalPoints):   "tổng điểm",
	string(rules.ByPercentage):    "tỷ lệ điểm",
	string(rules.ByGroup):         "nhóm",
	string(rules.ByCriterion):     "tiêu chí",
	string(rules.FewerDeductions): "điểm trừ",
	string(rules.MoreBonus):       "điểm thưởng",
	string(rules.MoreVotes):       "phiếu tán thành",
	string(rules.HeadToHead):      "so sánh đối đầu",
	string(rules.NoAwardLastYear): "khen thưởng năm trước",
	string(rules.DrawingLots):     "bốc thăm",
}

// decided says, in Vietnamese, why a row is below the one above: the
// rule that separated them and both values, e.g. "nhóm I: 38 so với
// 38,5 của SKHCN".
func decided(d *ranking.Decision) string {
	switch {
	case d == nil:
		return ""
	case d.Unresolved:
		return "Đồng hạng, chưa phân định được với " + d.Upper
	}
	kind, ref, _ := strings.Cut(d.Rule, " ")
	rule := d.Rule
	if w, ok := ruleWords[kind]; ok {
		rule = strings.TrimSpace(w + " " + ref)
	}
	s := fmt.Sprintf("%s: %s so với %s của %s", rule, viValue(d.LowerValue), viValue(d.UpperValue), d.Upper)
	if d.LowerValue == "" && d.UpperValue == "" {
		s = fmt.Sprintf("%s (xếp sau %s)", rule, d.Upper)
	}
	if d.Note != "" {
		s += "; " + d.Note
	}
	return s
}

// viValue writes a decision's value with a decimal comma if it is a
// number.
func viValue(v string) string {
	if d, err := decimal.NewFromString(v); err == nil {
		return viNumber(d)
	}
	return v
}

// standings writes the "Xếp hạng" sheet.
func (r *results) standings() {
	b, st, rb := r.b, r.st, r.rb
	sh := b.sheet(SheetStandings)
	head := []string{"Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm"}
	byPercent := st.Basis == rules.ByPercent
	if byPercent {
		head = append(head, "Tỷ lệ (%)")
	}
	head = append(head, "Đề nghị khen thưởng", "Căn cứ xếp hạng (so với đơn vị trên)", "Điều kiện không đạt")
	hr := r.title(sh, "KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA")
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
		c++
		aw := r.awardNames(row.Awards)
		if aw == "" {
			aw = "—"
		}
		b.str(sh, pos{p, c}, aw)
		c++
		b.str(sh, pos{p, c}, decided(row.DecidedBy))
		c++
		var failed []string
		for _, f := range row.Failed {
			failed = append(failed, fmt.Sprintf("%s: %s (%s)", f.Condition, f.Reason, f.Detail))
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
	line("ĐỀ NGHỊ KHEN THƯỞNG (Hội đồng Thi đua – Khen thưởng tỉnh quyết định)", bold)
	for _, a := range st.Awards {
		s := fmt.Sprintf("%s (%d): ", a.Name, a.Quota)
		switch {
		case a.Blocked != "":
			s += "chưa xét: " + a.Blocked
		case len(a.Proposed) == 0 && a.Pending == nil:
			s += "không có"
		default:
			s += r.memberNames(a.Proposed)
		}
		if a.Pending != nil && a.Blocked == "" {
			if len(a.Proposed) > 0 {
				s += "; "
			}
			s += fmt.Sprintf("%d suất CHỜ phân định hoà điểm giữa %s", a.Pending.Places, r.memberNames(a.Pending.Candidates))
		}
		line(s, 0)
		for _, sk := range a.Skipped {
			line(fmt.Sprintf("    bỏ qua %s (không đạt %s)", r.names[sk.Member], strings.Join(sk.Failed, ", ")), 0)
		}
		for _, sk := range a.Forfeited {
			line(fmt.Sprintf("    không xét suất này: %s không đạt %s", r.names[sk.Member], strings.Join(sk.Failed, ", ")), 0)
		}
	}
	if len(st.Ties) > 0 {
		next++
		line("HOÀ ĐIỂM CHƯA PHÂN ĐỊNH", bold)
		for _, t := range st.Ties {
			line(fmt.Sprintf("Hạng %d: %s — %s", t.Rank, r.memberNames(t.Members), t.Note), 0)
		}
	}
	if st.Lots != nil && len(st.Lots.Draws) > 0 {
		next++
		line("BỐC THĂM", bold)
		for _, d := range st.Lots.Draws {
			line(r.memberNames(d), 0)
		}
	}
	var div []string
	for _, row := range st.Rows {
		for _, d := range row.Card.Divergences {
			what := "tổng điểm"
			if d.Criterion != "" {
				what = "tiêu chí " + d.Criterion
			}
			div = append(div, fmt.Sprintf("%s — %s: tự chấm %s, tính %s (chênh %s > %s)", row.Member.Name, what, d.Self, d.Counted, d.Gap, d.Threshold))
		}
	}
	if len(div) > 0 {
		next++
		line("TỰ CHẤM CHÊNH LỆCH SO VỚI ĐIỂM ĐƯỢC TÍNH", bold)
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
	b.print(sh, hr, true)
}

func (r *results) memberNames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.names[id]
		if out[i] == "" {
			out[i] = id
		}
	}
	return strings.Join(out, ", ")
}

// matrix writes the criteria × members sheet.
func (r *results) matrix() {
	b, st, rb := r.b, r.st, r.rb
	sh := b.sheet(SheetMatrix)
	hr := r.title(sh, "BẢNG TỔNG HỢP ĐIỂM THI ĐUA")
	head := b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorHeader, places: -1})
	b.label(sh, pos{hr, 1}, "Mã")
	b.label(sh, pos{hr, 2}, "Tiêu chí")
	b.label(sh, pos{hr, 3}, "Tối đa")
	b.label(sh, pos{hr + 1, 2}, "Mã đơn vị")
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
					b.str(sh, c, "kgg")
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
	sum("Cộng điểm các tiêu chí", cellStyle{border: true, bold: true, fill: colorSubtot, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Criteria, true })
	for _, it := range rb.Bonus().Items {
		sum("Điểm thưởng: "+it.Name, cellStyle{border: true, places: places(nil, it.Points)}, itemPoints(it.ID, func(c scoring.Scorecard) []scoring.ItemScore { return c.Bonus.Items }))
	}
	if len(rb.Bonus().Items) > 0 {
		sum("Cộng điểm thưởng (sau giới hạn)", cellStyle{border: true, bold: true, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Bonus.Total, true })
	}
	for _, it := range rb.Deductions().Items {
		sum("Điểm trừ: "+it.Name, cellStyle{border: true, places: places(nil, it.Points)}, itemPoints(it.ID, func(c scoring.Scorecard) []scoring.ItemScore { return c.Deductions.Items }))
	}
	if len(rb.Deductions().Items) > 0 {
		sum("Cộng điểm trừ (sau giới hạn)", cellStyle{border: true, bold: true, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Deductions.Total, true })
	}
	sum("TỔNG ĐIỂM", cellStyle{border: true, bold: true, fill: colorTotal, places: tp}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Total, true })
	if st.Basis == rules.ByPercent {
		var ps []decimal.Decimal
		for _, row := range st.Rows {
			ps = append(ps, row.Percent)
		}
		sum("Tỷ lệ (%)", cellStyle{border: true, bold: true, places: places(rnd.Percent, ps...)}, func(c scoring.Scorecard) (decimal.Decimal, bool) { return c.Percent, true })
	}
	b.label(sh, pos{p, 2}, "Xếp hạng")
	b.label(sh, pos{p + 1, 2}, "Đề nghị khen thưởng")
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
	b.print(sh, hr+1, true)
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
	hr := r.title(sh, fmt.Sprintf("PHIẾU ĐIỂM: %s — HẠNG %d — %s ĐIỂM", strings.ToUpper(row.Member.Name), row.Rank, row.Total))
	head := []string{"Mã", "Tiêu chí", "Tối đa", "Giai đoạn tính", "Giá trị nhập", "Điểm", "Điểm tính vào tổng"}
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
			b.str(sh, pos{p, 6}, "kgg")
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
	line("Cộng điểm các tiêu chí", "", c.Criteria, true)
	for _, it := range c.Bonus.Items {
		line("Điểm thưởng: "+it.Name+noteSuffix(it.Note), fmt.Sprintf("%d lần", it.Count), it.Points, false)
	}
	line("Cộng điểm thưởng (sau giới hạn)", "", c.Bonus.Total, false)
	for _, it := range c.Deductions.Items {
		line("Điểm trừ: "+it.Name+noteSuffix(it.Note), fmt.Sprintf("%d lần", it.Count), it.Points.Neg(), false)
	}
	line("Cộng điểm trừ (sau giới hạn)", "", c.Deductions.Total.Neg(), false)
	line("TỔNG ĐIỂM", "", c.Total, true)
	b.colWidth(sh, 1, 7)
	b.colWidth(sh, 2, 60)
	for col := 3; col <= 7; col++ {
		b.colWidth(sh, col, 12)
	}
	b.freeze(sh, pos{hr + 1, 3})
	b.print(sh, hr, true)
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// sheetName makes a valid, unused sheet name: at most 31 characters,
// none of []:*?/\.
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
			rs = rs[:n]
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
