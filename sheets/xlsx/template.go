package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// TemplateOptions fills in what the template knows in advance.
type TemplateOptions struct {
	// Cluster and Year go on the details sheet and in the title. A zero
	// Year is taken from the rulebook's period in force when that is one
	// year.
	Cluster string
	Year    int
	// Members get one row per assessment stage; without members the
	// score sheet has only its header.
	Members []scoring.Member
}

// The sheets of a template.
const (
	SheetScores       = "Bảng điểm"
	SheetDetails      = "Thông tin chung"
	SheetInstructions = "Hướng dẫn"
)

// spareRows are the rows below the members that keep the template's
// checks (data validation), for rows a secretariat adds.
const spareRows = 300

// tcol is one column of the template's score sheet.
type tcol struct {
	key         string   // the key row: what the reader matches
	name        string   // the names row
	max         string   // the maxima row (a number, or "")
	hint        string   // the row saying how to fill it in
	groups      []string // per header level: the label over the column ("" for none)
	groupIDs    []string // per header level: what columns merged under one label share
	width       float64
	memberLevel bool // filled once per member (on its first row)
	valid       func(dv *excelize.DataValidation) error
	validMsg    string
}

// Template writes the empty score sheet of a rulebook as an .xlsx
// workbook: a "Bảng điểm" sheet in the matrix layout (a row per member and
// assessment stage; group names merged over their criteria, then the
// criteria's ids, names, maxima and how to fill each in; columns for
// targets, bonus and deduction counts with their notes, facts, votes and
// last year's award), a "Thông tin chung" sheet for the cluster's name,
// year and ballot, and a "Hướng dẫn" sheet of instructions. A workbook
// filled in on this template is read back by Load with no mapping.
func Template(w io.Writer, rb *rules.Rulebook, opts TemplateOptions) error {
	seen := map[string]bool{}
	for i, m := range opts.Members {
		id := clean(m.ID)
		switch {
		case id == "":
			return templateError(lang.Msg("template.member.no_id", i+1, strconv.Quote(m.Name)))
		case seen[id]:
			return templateError(lang.Msg("template.member.twice", id))
		}
		seen[id] = true
	}
	year := opts.Year
	if p := rb.InForce(); year == 0 && !p.From.IsZero() && !p.To.IsZero() && p.From.Year() == p.To.Year() {
		year = p.From.Year()
	}
	b := newBook()
	t := &templ{b: b, rb: rb, opts: opts, year: year}
	t.scores()
	t.details()
	t.instructions()
	b.check(b.f.SetDocProps(&excelize.DocProperties{Title: "Bảng chấm điểm thi đua — " + rb.Title(), Creator: "thidua", Subject: rb.ID() + " " + rb.Version()}))
	return b.write(w)
}

// TemplateError is a template that cannot be written as asked: a member
// without an id, or listed twice. Error() is "template: " and the problem
// in English; Message is the problem as a lang.Message, so that Text can
// write it in Vietnamese too. Message.Key is a stable code a program can
// switch on ("template.member.no_id", "template.member.twice") instead of
// matching the English text, which may be reworded.
type TemplateError struct {
	Message lang.Message
}

// Error writes the problem in English: "template: member A is listed twice".
func (e *TemplateError) Error() string { return "template: " + e.Message.In(lang.English) }

// Text writes the problem in the language: "mẫu bảng điểm: đơn vị A được
// liệt kê hai lần". Text(lang.English) is Error().
func (e *TemplateError) Text(t lang.Tag) string {
	return t.Pick("mẫu bảng điểm: ", "template: ") + e.Message.In(t)
}

// templateError returns the problem stated by m.
func templateError(m lang.Message) error { return &TemplateError{Message: m} }

type templ struct {
	b    *book
	rb   *rules.Rulebook
	opts TemplateOptions
	year int
	cols []tcol
	lvls int
}

// columns lists the score sheet's columns.
func (t *templ) columns() {
	rb := t.rb
	nodes := rb.Nodes()
	t.lvls = 1
	for _, n := range nodes {
		if !n.IsGroup() {
			t.lvls = max(t.lvls, n.Depth)
		}
	}
	level := func(labels ...string) []string {
		out := make([]string, t.lvls)
		copy(out, labels)
		return out
	}
	t.cols = []tcol{
		{key: "member", name: "Mã đơn vị", width: 11, groups: level("ĐƠN VỊ"), groupIDs: level("unit")},
		{key: "name", name: "Tên đơn vị", hint: "Cột A: mã ngắn của đơn vị, ví dụ SCT", width: 30, groups: level("ĐƠN VỊ"), groupIDs: level("unit")},
		{key: "stage", name: "Giai đoạn chấm", hint: "Chọn trong danh sách", width: 13, groups: level("LƯỢT CHẤM"), groupIDs: level("turn"),
			valid: func(dv *excelize.DataValidation) error { return dv.SetDropList(stageNames(rb)) }, validMsg: "Chọn giai đoạn chấm: " + strings.Join(stageNames(rb), ", ")},
		{key: "assessor", name: "Người chấm (chấm chéo)", hint: "Mã đơn vị chấm; để trống nếu một điểm chung", width: 14, groups: level("LƯỢT CHẤM"), groupIDs: level("turn")},
	}
	for _, n := range nodes {
		if n.IsGroup() {
			continue
		}
		f := pointFunction(rb, n)
		if f.Depends == scoring.OnBallot { // votes: the ballot's columns
			continue
		}
		var labels, ids []string
		for a := n.Parent; a >= 0; a = nodes[a].Parent {
			g := nodes[a]
			labels = append([]string{fmt.Sprintf("%s. %s (%s điểm)", g.ID, g.Name, viNumber(g.MaxTotal))}, labels...)
			ids = append([]string{g.ID}, ids...)
		}
		if sides := signedSides(n); len(sides) > 0 { // cộng/trừ: a column per count
			for _, sd := range sides {
				t.cols = append(t.cols, tcol{key: n.ID + sd.suffix, name: sideName(n, sd), max: sideMax(n, sd), hint: sideHint(n, sd), width: 12,
					groups: level(labels...), groupIDs: level(ids...), valid: wholeRange(0, 1000000), validMsg: "Nhập số lần (số nguyên), hoặc kgg nếu không được giao"})
			}
			continue
		}
		c := tcol{key: n.ID, name: n.Name, max: n.Max.String(), hint: methodHint(n, f), width: 12, groups: level(labels...), groupIDs: level(ids...)}
		c.valid, c.validMsg = criterionCheck(f)
		t.cols = append(t.cols, c)
		if f.ReadsTarget { // ratio, relative: a target per member
			hint := "Chỉ tiêu được giao; để trống: chỉ tiêu chung"
			if !n.Target.IsZero() {
				hint += " (" + viNumber(n.Target) + ")"
			}
			t.cols = append(t.cols, tcol{key: "target:" + n.ID, name: "Chỉ tiêu tiêu chí " + n.ID, max: n.Target.String(), hint: hint,
				width: 12, groups: level(labels...), groupIDs: level(ids...), memberLevel: true,
				valid: decimalRange("0.000001", "1000000000"), validMsg: "Chỉ tiêu là một số lớn hơn 0"})
		}
	}
	for _, it := range rb.Bonus().Items {
		hint := "Số lần (+" + viNumber(it.Points) + " điểm/lần"
		if !it.Max.IsZero() {
			hint += ", tối đa " + viNumber(it.Max)
		}
		t.cols = append(t.cols,
			tcol{key: "bonus:" + it.ID, name: it.Name + " (số lần)", hint: hint + ")", width: 12, groups: level("ĐIỂM THƯỞNG"), groupIDs: level("bonus"), memberLevel: true,
				valid: wholeRange(0, 1000), validMsg: "Số lần: một số nguyên, 0 nếu không có"},
			tcol{key: "note:" + it.ID, name: "Ghi chú", hint: "Căn cứ, số quyết định", width: 18, groups: level("ĐIỂM THƯỞNG"), groupIDs: level("bonus"), memberLevel: true})
	}
	for _, it := range rb.Deductions().Items {
		hint := "Số lần (−" + viNumber(it.Points) + " điểm/lần"
		if !it.Max.IsZero() {
			hint += ", tối đa " + viNumber(it.Max)
		}
		t.cols = append(t.cols,
			tcol{key: "deduction:" + it.ID, name: it.Name + " (số lần)", hint: hint + ")", width: 12, groups: level("ĐIỂM TRỪ"), groupIDs: level("deduction"), memberLevel: true,
				valid: wholeRange(0, 1000), validMsg: "Số lần: một số nguyên, 0 nếu không có"},
			tcol{key: "note:" + it.ID, name: "Ghi chú", hint: "Nội dung vi phạm", width: 18, groups: level("ĐIỂM TRỪ"), groupIDs: level("deduction"), memberLevel: true})
	}
	for _, f := range rb.Facts() {
		hint := "có / không"
		if f.Default != nil {
			hint += "; để trống: " + map[bool]string{true: "có", false: "không"}[*f.Default]
		} else {
			hint += "; bắt buộc"
		}
		t.cols = append(t.cols, tcol{key: "fact:" + f.ID, name: f.Name, hint: hint, width: 14, groups: level("ĐIỀU KIỆN"), groupIDs: level("facts"), memberLevel: true,
			valid: func(dv *excelize.DataValidation) error { return dv.SetDropList([]string{"có", "không"}) }, validMsg: "Chọn có hoặc không"})
	}
	if usesBallot(rb) {
		t.cols = append(t.cols, t.voteColumns(level)...)
	}
	if usesHistory(rb) {
		k, name := "history", "Khen thưởng năm trước"
		if t.year != 0 {
			k, name = "history:"+strconv.Itoa(t.year-1), "Khen thưởng năm "+strconv.Itoa(t.year-1)
		}
		var awards []string
		for _, a := range rb.Awards() {
			awards = append(awards, a.Name)
		}
		t.cols = append(t.cols, tcol{key: k, name: name, hint: "Hình thức khen thưởng đã nhận; để trống nếu không", width: 22, groups: level("NĂM TRƯỚC"), groupIDs: level("history"), memberLevel: true,
			valid: func(dv *excelize.DataValidation) error { return dv.SetDropList(awards) }, validMsg: "Chọn hình thức khen thưởng"})
	}
}

// pointFunction is the point function of the leaf n of rb (with the default
// target): what the template reads of a criterion's method.
func pointFunction(rb *rules.Rulebook, n rules.Node) scoring.PointFunction {
	f, err := scoring.Describe(rb, n.ID, decimal.Zero)
	if err != nil {
		panic("xlsx: " + err.Error()) // n is a leaf of rb
	}
	return f
}

// usesBallot reports whether the rulebook needs the ballot's votes: a
// criterion scored from the ballot, a condition on the share of votes, or a
// tie-break that reads the ballot.
func usesBallot(rb *rules.Rulebook) bool {
	for _, n := range rb.Nodes() {
		if !n.IsGroup() && pointFunction(rb, n).Depends == scoring.OnBallot {
			return true
		}
	}
	for _, c := range rb.Eligibility() {
		if c.MinVotes != nil {
			return true
		}
	}
	return standings.ChainReads(rb).Has(standings.Ballot)
}

// usesHistory reports whether the rulebook's tie-breaks look at past
// awards.
func usesHistory(rb *rules.Rulebook) bool {
	return standings.ChainReads(rb).Has(standings.PastAwards)
}

func stageNames(rb *rules.Rulebook) []string {
	var out []string
	for _, s := range rb.Assessment().Stages {
		out = append(out, s.Name)
	}
	return out
}

// methodHint says how to fill in a criterion, in Vietnamese, from its
// point function f: what values it accepts and what its points depend on.
func methodHint(n rules.Node, f scoring.PointFunction) string {
	max := viNumber(n.Max)
	d := f.Domain
	switch {
	case f.Depends == scoring.OnLeader:
		return "Kết quả đạt được, so với chỉ tiêu và đơn vị dẫn đầu"
	case f.Depends != scoring.OwnInput:
		// from the ballot: the instructions say so, no column is written
	case d.Kind == scoring.Binary:
		return "1 = đạt (" + max + " điểm), 0 = không đạt"
	case d.Kind == scoring.WholeCounts && len(f.Pieces) == 1:
		return "Số lần (" + viNumber(f.Pieces[0].Mul) + " điểm/lần, tối đa " + max + ")"
	case f.ReadsTarget:
		s := "Kết quả đạt được; điểm = " + max + " × kết quả ÷ chỉ tiêu"
		if !n.Target.IsZero() {
			s += " (" + viNumber(n.Target) + ")"
		}
		return s
	case netPoints(f):
		return "Điểm cộng − điểm trừ, có thể âm (tính trong khoảng " + viNumber(f.Pieces[0].Add) + " … " + max + ")"
	case thresholds(f):
		var parts []string
		for i := len(f.Pieces) - 1; i >= 0; i-- {
			if p := f.Pieces[i]; !p.Unbounded {
				parts = append(parts, "≥ "+viNumber(p.From.Num)+": "+viNumber(p.Add))
			}
		}
		return "Giá trị đạt được (" + strings.Join(parts, "; ") + ")"
	}
	return "Điểm, từ 0 đến " + max
}

// netPoints reports whether f takes net points of any sign and clamps
// them (a signed criterion, cộng/trừ): a constant from −∞, then the input
// itself.
func netPoints(f scoring.PointFunction) bool {
	d := f.Domain
	if d.Kind != scoring.Continuous || d.Min != nil || d.Max != nil || len(f.Pieces) != 2 {
		return false
	}
	p, q := f.Pieces[0], f.Pieces[1]
	return p.Constant() && p.Unbounded && !q.Constant() && q.Mul.Equal(decimal.NewFromInt(1)) && q.Add.IsZero() && q.Round == nil
}

// thresholds reports whether f's points are steps at thresholds of an
// unbounded measured value (tiers): pieces that are all constant, the
// first from −∞, the others from whole breakpoints.
func thresholds(f scoring.PointFunction) bool {
	if f.Domain.Kind != scoring.Continuous || f.Domain.Max != nil || len(f.Pieces) < 2 {
		return false
	}
	for i, p := range f.Pieces {
		if !p.Constant() || p.Unbounded != (i == 0) || (!p.Unbounded && !p.From.Den.Equal(decimal.NewFromInt(1))) {
			return false
		}
	}
	return true
}

// criterionCheck is a criterion column's data validation, from the
// values its domain accepts. Its alert is a warning, not a stop, so that
// "kgg" (not assigned) can still be typed.
func criterionCheck(f scoring.PointFunction) (func(*excelize.DataValidation) error, string) {
	d := f.Domain
	switch {
	case d.Kind == scoring.Binary:
		return wholeRange(0, 1), "Nhập 1 (đạt) hoặc 0 (không đạt), hoặc kgg nếu không được giao"
	case d.Kind == scoring.WholeCounts:
		return wholeRange(0, 1000), "Nhập số lần (số nguyên), hoặc kgg nếu không được giao"
	case netPoints(f):
		return decimalRange("-1000000000", "1000000000"), "Nhập điểm cộng − điểm trừ (có thể âm), hoặc kgg nếu không được giao"
	case d.Max != nil: // a score up to the maximum
		return decimalRange("0", d.Max.String()), "Nhập điểm từ 0 đến " + viNumber(*d.Max) + " (hoặc kgg nếu không được giao)"
	}
	return decimalRange("0", "1000000000"), "Nhập một số không âm (hoặc kgg nếu không được giao)"
}

func wholeRange(lo, hi int) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	}
}

// decimalRange bounds a column by decimals written exactly (as formula
// text, not as binary floating point).
func decimalRange(lo, hi string) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(lo, hi, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	}
}

// scores writes the score sheet.
func (t *templ) scores() {
	b, rb := t.b, t.rb
	sh := b.sheet(SheetScores)
	t.columns()
	last := len(t.cols)
	keyRow := 3 + t.lvls
	nameRow, maxRow, hintRow, dataRow := keyRow+1, keyRow+2, keyRow+3, keyRow+4

	title := "BẢNG CHẤM ĐIỂM THI ĐUA — " + strings.ToUpper(rb.Title())
	b.label(sh, pos{1, 1}, title)
	b.merge(sh, pos{1, 1}, pos{1, last})
	b.style(sh, pos{1, 1}, pos{1, 1}, b.styleID(cellStyle{bold: true, size: 14, places: -1}))
	sub := fmt.Sprintf("Bộ tiêu chí %s, phiên bản %s (%s)", rb.ID(), rb.Version(), rb.Hash())
	if t.opts.Cluster != "" {
		sub = t.opts.Cluster + " — " + sub
	}
	if t.year != 0 {
		sub = fmt.Sprintf("Năm %d — %s", t.year, sub)
	}
	b.label(sh, pos{2, 1}, sub)
	b.merge(sh, pos{2, 1}, pos{2, last})
	b.style(sh, pos{2, 1}, pos{2, 1}, b.styleID(cellStyle{italic: true, size: 9, font: colorKeyFont, places: -1}))

	// Group labels, merged over the columns they span.
	groupStyle := b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorGroup, places: -1})
	for lv := range t.lvls {
		r := 3 + lv
		for c := 0; c < last; {
			end := c
			for end+1 < last && t.cols[end+1].groupIDs[lv] == t.cols[c].groupIDs[lv] {
				end++
			}
			if t.cols[c].groupIDs[lv] != "" {
				b.label(sh, pos{r, c + 1}, t.cols[c].groups[lv])
				b.merge(sh, pos{r, c + 1}, pos{r, end + 1})
			}
			b.style(sh, pos{r, c + 1}, pos{r, end + 1}, groupStyle)
			c = end + 1
		}
		b.rowHeight(sh, r, 36)
	}
	keyStyle := b.styleID(cellStyle{size: 9, center: true, border: true, fill: colorKey, font: colorKeyFont, text: true, places: -1})
	headStyle := b.styleID(cellStyle{bold: true, wrap: true, center: true, border: true, fill: colorHeader, places: -1})
	maxStyle := b.styleID(cellStyle{italic: true, center: true, border: true, fill: colorHeader, places: -1})
	hintStyle := b.styleID(cellStyle{italic: true, wrap: true, size: 8, border: true, fill: colorHeader, places: -1})
	for i, c := range t.cols {
		col := i + 1
		b.str(sh, pos{keyRow, col}, c.key)
		b.label(sh, pos{nameRow, col}, c.name)
		if c.max != "" && c.max != "0" {
			b.num(sh, pos{maxRow, col}, decimal.RequireFromString(c.max))
		}
		b.label(sh, pos{hintRow, col}, c.hint)
		b.colWidth(sh, col, c.width)
	}
	b.label(sh, pos{maxRow, 1}, "Điểm tối đa")
	b.label(sh, pos{hintRow, 1}, "Cách nhập")
	b.style(sh, pos{keyRow, 1}, pos{keyRow, last}, keyStyle)
	b.style(sh, pos{nameRow, 1}, pos{nameRow, last}, headStyle)
	b.style(sh, pos{maxRow, 1}, pos{maxRow, last}, maxStyle)
	b.style(sh, pos{hintRow, 1}, pos{hintRow, last}, hintStyle)
	b.rowHeight(sh, nameRow, 96)
	b.rowHeight(sh, hintRow, 60)

	// A row per member and stage; member-level cells on the first only.
	stages := rb.Assessment().Stages
	nameWidth := 30
	textStyle := b.styleID(cellStyle{border: true, text: true, places: -1})
	cellSt := b.styleID(plain())
	greySt := b.styleID(cellStyle{border: true, fill: colorMember, places: -1})
	r := dataRow
	for _, m := range t.opts.Members {
		nameWidth = max(nameWidth, displayWidth(m.Name)+2)
		for si, st := range stages {
			b.str(sh, pos{r, 1}, m.ID)
			b.str(sh, pos{r, 2}, m.Name)
			b.str(sh, pos{r, 3}, st.Name)
			b.style(sh, pos{r, 1}, pos{r, 4}, textStyle)
			b.style(sh, pos{r, 5}, pos{r, last}, cellSt)
			if si > 0 {
				for i, c := range t.cols {
					if c.memberLevel {
						b.style(sh, pos{r, i + 1}, pos{r, i + 1}, greySt)
					}
				}
			}
			r++
		}
	}
	b.colWidth(sh, 2, float64(min(nameWidth, 50)))
	end := max(r, dataRow) + spareRows - 1
	if r == dataRow {
		// No members: keep the key columns as text in the rows to fill.
		b.style(sh, pos{dataRow, 1}, pos{end, 4}, textStyle)
	}
	for i, c := range t.cols {
		if c.valid == nil {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", colName(i+1), dataRow, colName(i+1), end)
		if err := c.valid(dv); err != nil {
			continue // a list too long for Excel: no check for this column
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Kiểm tra giá trị", c.validMsg)
		b.check(b.f.AddDataValidation(sh, dv))
	}
	b.freeze(sh, pos{dataRow, 5})
	b.print(sh, nameRow, 2)
}

// details writes the sheet of the cluster's details: a label and its
// value on each row (the reader takes the first value right of a label, so
// the notes are kept apart, below).
func (t *templ) details() {
	b, rb := t.b, t.rb
	sh := b.sheet(SheetDetails)
	b.label(sh, pos{1, 1}, "THÔNG TIN CHUNG")
	b.style(sh, pos{1, 1}, pos{1, 1}, b.styleID(cellStyle{bold: true, size: 14, places: -1}))
	head := b.styleID(cellStyle{bold: true, border: true, fill: colorHeader, places: -1})
	b.label(sh, pos{3, 1}, "Nội dung")
	b.label(sh, pos{3, 2}, "Giá trị")
	b.style(sh, pos{3, 1}, pos{3, 2}, head)
	rows := []detailRow{
		{label: "Tên cụm, khối thi đua (cluster)", prompt: "Tên cụm, khối thi đua"},
		{label: "Năm đánh giá (year)", prompt: "Năm được đánh giá, ví dụ 2020", valid: wholeRange(1900, 9999), number: true},
		{label: "Số thành viên có quyền bỏ phiếu (entitled)", prompt: "Để trống: bằng số đơn vị trong bảng điểm", valid: wholeRange(0, 100000), number: true},
		{label: "Số thành viên có mặt bỏ phiếu (present)", prompt: "Để trống: bằng số có quyền bỏ phiếu", valid: wholeRange(0, 100000), number: true},
		{label: "Kết quả bốc thăm (lots)", prompt: "Mã đơn vị theo thứ tự rút được, cách nhau bởi dấu phẩy; chỉ khi đã bốc thăm"},
		{label: "Mã băm bộ tiêu chí (rulebook_hash)", prompt: "Bộ tiêu chí " + rb.ID() + ", phiên bản " + rb.Version() + "; không sửa"},
	}
	rows = append(rows, ballotDetails(rb)...)
	for i, row := range rows {
		r := 4 + i
		b.label(sh, pos{r, 1}, row.label)
		b.style(sh, pos{r, 1}, pos{r, 1}, b.styleID(cellStyle{border: true, wrap: true, places: -1}))
		b.style(sh, pos{r, 2}, pos{r, 2}, b.styleID(cellStyle{border: true, wrap: true, text: !row.number, places: -1}))
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(pos{r, 2})
		if row.valid != nil {
			b.check(row.valid(dv))
			dv.SetError(excelize.DataValidationErrorStyleWarning, "Kiểm tra giá trị", row.prompt)
		}
		dv.SetInput("Hướng dẫn", row.prompt)
		b.check(b.f.AddDataValidation(sh, dv))
	}
	if t.opts.Cluster != "" {
		b.str(sh, pos{4, 2}, t.opts.Cluster)
	}
	if t.year != 0 {
		b.int(sh, pos{5, 2}, t.year)
	}
	b.str(sh, pos{9, 2}, rb.Hash())
	notes := []string{
		"Ghi chú:",
		"– Số thành viên có quyền bỏ phiếu: để trống nếu bằng số đơn vị trong bảng điểm; số có mặt: để trống nếu bằng số có quyền bỏ phiếu.",
		"– Kết quả bốc thăm: mã các đơn vị theo thứ tự rút được, cách nhau bởi dấu phẩy (ví dụ: SCT, SXD); chỉ điền khi cụm đã bốc thăm.",
		"– Mã băm cho biết bảng này được lập theo bộ tiêu chí nào; không sửa.",
	}
	if len(rb.Votes().Ballots) > 0 {
		notes = append(notes, "– Mỗi cuộc bỏ phiếu có các cột số phiếu riêng trong sheet \""+SheetScores+"\" và có thể ghi số có quyền bỏ phiếu, số có mặt riêng ở trên; để trống: bằng số chung.")
	}
	for i, n := range notes {
		b.label(sh, pos{5 + len(rows) + i, 1}, n)
	}
	b.colWidth(sh, 1, 44)
	b.colWidth(sh, 2, 72)
	b.print(sh, 0, 0)
}

// instructions writes the "Hướng dẫn" sheet.
func (t *templ) instructions() {
	b, rb := t.b, t.rb
	sh := b.sheet(SheetInstructions)
	stages := stageNames(rb)
	lines := []string{
		"HƯỚNG DẪN NHẬP BẢNG CHẤM ĐIỂM",
		"Bộ tiêu chí: " + rb.Title() + " (" + rb.ID() + ", phiên bản " + rb.Version() + ").",
		"",
		"1. Sheet \"" + SheetScores + "\": mỗi dòng là một lượt chấm của một đơn vị. Mỗi đơn vị có một dòng cho mỗi giai đoạn (" + strings.Join(stages, ", ") + ").",
		"2. Không sửa, không xoá dòng mã (member, name, stage, mã tiêu chí…) ngay trên dòng tên tiêu chí: chương trình dùng dòng này để nhận biết các cột. Có thể đổi tên tiêu chí, độ rộng cột, màu.",
		"3. Điểm và kết quả nhập bằng số; số thập phân viết 9,75 hoặc 9.75. Ô để trống là chưa chấm. Tiêu chí không được giao cho đơn vị: ghi kgg.",
		"4. Chấm chéo: thêm một dòng cho mỗi đơn vị chấm (chép mã, tên và giai đoạn), ghi mã đơn vị chấm vào cột \"Người chấm\" và chỉ điền các tiêu chí được chấm chéo. Có thể thêm dòng ở cuối bảng, thứ tự các dòng không quan trọng.",
		"5. Chỉ tiêu, điểm thưởng, điểm trừ (số lần và ghi chú), điều kiện (có / không), số phiếu và khen thưởng năm trước: điền một lần cho mỗi đơn vị, ở dòng đầu tiên của đơn vị (các ô tô xám ở những dòng sau để trống).",
		"6. Sheet \"" + SheetDetails + "\": tên cụm, năm đánh giá, số thành viên có quyền bỏ phiếu và có mặt, kết quả bốc thăm (nếu có).",
		"7. Xếp hạng: thidua rank --rules <bộ tiêu chí> --scores <tệp này> --out ketqua.xlsx",
		"",
		"CÁC TIÊU CHÍ",
	}
	if bs := rb.Votes().Ballots; len(bs) > 0 {
		var names []string
		for _, bl := range bs {
			names = append(names, bl.Name)
		}
		lines[7] += " Mỗi cuộc bỏ phiếu (" + strings.Join(names, "; ") + ") có các cột số phiếu riêng, dưới tên cuộc bỏ phiếu; đơn vị không được đưa ra bỏ phiếu nào thì để trống các cột của cuộc bỏ phiếu đó."
	}
	for i, l := range lines {
		b.label(sh, pos{i + 1, 1}, l)
	}
	b.style(sh, pos{1, 1}, pos{1, 1}, b.styleID(cellStyle{bold: true, size: 14, places: -1}))
	b.style(sh, pos{len(lines), 1}, pos{len(lines), 1}, b.styleID(cellStyle{bold: true, places: -1}))
	r := len(lines) + 1
	head := b.styleID(cellStyle{bold: true, border: true, fill: colorHeader, wrap: true, places: -1})
	for i, h := range []string{"Mã", "Nội dung", "Điểm tối đa", "Cách chấm và cách nhập"} {
		b.label(sh, pos{r, i + 1}, h)
	}
	b.style(sh, pos{r, 1}, pos{r, 4}, head)
	body := b.styleID(cellStyle{border: true, wrap: true, text: true, places: -1})
	bold := b.styleID(cellStyle{border: true, wrap: true, bold: true, text: true, places: -1})
	for _, n := range rb.Nodes() {
		r++
		b.label(sh, pos{r, 1}, n.ID)
		b.label(sh, pos{r, 2}, strings.Repeat("   ", n.Depth)+n.Name)
		b.label(sh, pos{r, 3}, viNumber(n.MaxTotal))
		if n.IsGroup() {
			b.style(sh, pos{r, 1}, pos{r, 4}, bold)
			continue
		}
		f := pointFunction(rb, n)
		hint := methodHint(n, f)
		if sides := signedSides(n); len(sides) > 0 {
			hint = signedHint(n, sides)
		}
		if f.Depends == scoring.OnBallot {
			hint = "Tính từ số phiếu bầu (cột Phiếu tán thành); không nhập điểm"
		}
		if w := n.EffectiveWeight(); !w.Equal(decimal.NewFromInt(1)) {
			hint += "; hệ số " + viNumber(w)
		}
		b.label(sh, pos{r, 4}, hint)
		b.style(sh, pos{r, 1}, pos{r, 4}, body)
	}
	t.gradeLegend(sh, r+1)
	b.colWidth(sh, 1, 8)
	b.colWidth(sh, 2, 70)
	b.colWidth(sh, 3, 12)
	b.colWidth(sh, 4, 60)
	b.print(sh, 0, 0)
}
