package xlsx

import (
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// How far detection looks: the header is within the first rows, the
// columns within the first few thousand.
const (
	scanRows = 40
	scanCols = 2000
)

// matrixLayout is how a matrix sheet (rows = members) is read.
type matrixLayout struct {
	headerRow, firstRow, lastRow int
	cols                         []column // data columns, left to right
	idCol, nameCol               int
	stageCol, assessorCol        int
	stage                        string // the stage of columns without their own, when there is no stage column
}

// column is a data column and its header cell.
type column struct {
	col    int
	k      key
	header pos
}

// detectMatrix finds a matrix sheet's header row and the meaning of its
// columns, from the mapping or by matching the header cells against the
// rulebook. It returns nil if the sheet is not a matrix.
func (rd *reader) detectMatrix(g *grid, sm *SheetMapping) *matrixLayout {
	if sm != nil && len(sm.Columns) > 0 {
		return rd.mappedMatrix(g, sm)
	}
	first, last := 1, min(g.lastRow(), scanRows)
	if sm != nil && sm.HeaderRow > 0 {
		first, last = sm.HeaderRow, sm.HeaderRow
	}
	cols := min(g.maxCol, scanCols)
	best, bestScore := 0, 0
	for r := first; r <= last; r++ {
		if n := rd.headerScore(g, r, cols); n > bestScore {
			best, bestScore = r, n
		}
	}
	if bestScore == 0 {
		return nil
	}
	lay := &matrixLayout{headerRow: best}
	seen := map[key]pos{}
	for c := 1; c <= cols; c++ {
		p := pos{best, c}
		k, ok := rd.m.header(g.text(p))
		if !ok || !k.isData() && k.kind != keyMember && k.kind != keyName && k.kind != keyStage && k.kind != keyAssessor && k.kind != keyIgnore {
			// A label above the header row (merged over several header
			// rows, or a row of its own) names the member columns.
			for r := best - 1; r >= max(1, best-4); r-- {
				if kk, ok2 := rd.m.header(g.text(pos{r, c})); ok2 && (kk.kind == keyMember || kk.kind == keyName || kk.kind == keyStage || kk.kind == keyAssessor) {
					k, ok, p = kk, true, pos{r, c}
					break
				}
			}
		}
		if !ok {
			continue
		}
		if k.kind == keyCriterion && k.stage == "" {
			k.stage = rd.columnStage(g, best, c)
		}
		if k.kind == keyVotes && k.ballot == "" {
			k.ballot = rd.columnBallot(g, best, c)
		}
		rd.place(g, lay, column{col: c, k: k, header: p}, seen)
	}
	if lay.idCol == 0 && lay.nameCol == 0 {
		return nil
	}
	lay.firstRow = best + 1
	if sm != nil {
		lay.firstRow = max(lay.firstRow, sm.FirstRow)
		lay.lastRow = sm.LastRow
	}
	rd.matrixStage(g, lay, sm)
	return lay
}

// headerScore is the number of things to read that row r names, or zero
// if it names one of them in two cells of the same stage: that is a row
// of a list of criteria ("01 | Tổ chức cụm …"), not a header. (A criterion
// under a merged cell, or repeated under different stages, is a header.)
func (rd *reader) headerScore(g *grid, r, cols int) int {
	type seen struct {
		at    pos
		stage string
	}
	found := map[key][]seen{}
	for c := 1; c <= cols; c++ {
		p := pos{r, c}
		k, ok := rd.m.header(g.text(p))
		if !ok || !k.isData() {
			continue
		}
		at, stage := g.at(p), ""
		for _, s := range found[k] {
			if s.at == at {
				at = pos{} // the same (merged) cell
				break
			}
		}
		if at == (pos{}) {
			continue
		}
		if k.kind == keyCriterion {
			stage = rd.columnStage(g, r, c)
		}
		if k.kind == keyVotes && k.ballot == "" {
			stage = rd.columnBallot(g, r, c) // votes of different ballots are different columns
		}
		for _, s := range found[k] {
			if s.stage == stage {
				return 0
			}
		}
		found[k] = append(found[k], seen{at, stage})
	}
	return len(found)
}

// columnStage looks near the header row of a criterion column for a
// stage's name (a criterion split into "Tự chấm" and "Cụm chấm" columns,
// or a block of criteria under "Điểm cụm chấm").
func (rd *reader) columnStage(g *grid, header, c int) string {
	for d := 1; d <= 4; d++ {
		for _, r := range []int{header - d, header + d} {
			if r < 1 || r > g.lastRow() {
				continue
			}
			if s, ok := rd.m.stage(g.text(pos{r, c})); ok {
				return s
			}
		}
	}
	return ""
}

// place records a column's meaning, reporting a second column for the
// same data.
func (rd *reader) place(g *grid, lay *matrixLayout, c column, seen map[key]pos) {
	slot := func(col *int, what lang.Message) {
		if *col == 0 {
			*col = c.col
			return
		}
		rd.warn(g, c.header, lang.Msg("xlsx.column.another", colName(*col)).With(what))
	}
	switch c.k.kind {
	case keyMember:
		slot(&lay.idCol, lang.Msg("xlsx.column.member"))
	case keyName:
		slot(&lay.nameCol, lang.Msg("xlsx.column.name"))
	case keyStage:
		slot(&lay.stageCol, lang.Msg("xlsx.column.stage"))
	case keyAssessor:
		slot(&lay.assessorCol, lang.Msg("xlsx.column.assessor"))
	case keyIgnore, keyNone, keyLabel, keyCount, keyStageValue, keyGroup:
	default:
		if prev, dup := seen[c.k]; dup {
			rd.cellError(g, c.header, "", c.k.id, lang.Msg("xlsx.column.twice", cellName(prev)).With(describe(c.k)))
			return
		}
		seen[c.k] = c.header
		lay.cols = append(lay.cols, c)
	}
}

// describe names a key for messages: "criterion 03 at stage self", or
// the key as a mapping file writes it ("bonus:co_tinh").
func describe(k key) lang.Message {
	switch k.kind {
	case keyCriterion:
		if k.stage != "" {
			return lang.Msg("xlsx.describe.criterion_stage", k.id, k.stage)
		}
		return lang.Msg("xlsx.describe.criterion", k.id)
	case keyGroup:
		return lang.Msg("xlsx.describe.group", k.id)
	}
	return lang.Msg("xlsx.describe.key", k.String())
}

// mappedMatrix builds a matrix layout from a mapping's columns.
func (rd *reader) mappedMatrix(g *grid, sm *SheetMapping) *matrixLayout {
	lay := &matrixLayout{headerRow: max(sm.HeaderRow, 1)}
	lay.firstRow = max(sm.FirstRow, lay.headerRow+1)
	lay.lastRow = sm.LastRow
	letters := make([]string, 0, len(sm.Columns))
	for l := range sm.Columns {
		letters = append(letters, l)
	}
	slices.SortFunc(letters, func(a, b string) int {
		ca, _ := colNumber(a)
		cb, _ := colNumber(b)
		return ca - cb
	})
	seen := map[key]pos{}
	for _, l := range letters {
		c, ok := colNumber(l)
		if !ok {
			rd.sheetError(g, lang.Msg("xlsx.mapping.column_letter", strconv.Quote(l)))
			continue
		}
		k, err := rd.m.parseKey(sm.Columns[l])
		if err != nil {
			rd.sheetError(g, lang.Msg("xlsx.mapping.column", l).With(messageOf(err)))
			continue
		}
		rd.place(g, lay, column{col: c, k: k, header: pos{lay.headerRow, c}}, seen)
	}
	if lay.idCol == 0 && lay.nameCol == 0 {
		rd.sheetError(g, lang.Msg("xlsx.mapping.no_member"))
		return nil
	}
	rd.matrixStage(g, lay, sm)
	return lay
}

// matrixStage decides the stage of criterion columns when the sheet has no
// stage column and a column has no stage of its own.
func (rd *reader) matrixStage(g *grid, lay *matrixLayout, sm *SheetMapping) {
	if sm != nil && sm.Stage != "" {
		id, ok := rd.m.stage(sm.Stage)
		if !ok {
			rd.sheetError(g, lang.Msg("xlsx.mapping.stage", strconv.Quote(sm.Stage), rd.m.stageNames()))
			return
		}
		lay.stage = id
		return
	}
	if lay.stageCol != 0 {
		return
	}
	for _, c := range lay.cols {
		if c.k.kind == keyCriterion && c.k.stage == "" {
			lay.stage = defaultStage(rd.rb)
			rd.warn(g, pos{}, lang.Msg("xlsx.stage.none", lay.stage))
			return
		}
	}
}

// defaultStage is the stage whose scores count: the named one, else the
// last.
func defaultStage(rb *rules.Rulebook) string {
	a := rb.Assessment()
	if a.Counts == rules.NamedPick {
		return a.Stage
	}
	return a.Stages[len(a.Stages)-1].ID
}

// readMatrix reads the data rows of a matrix sheet.
func (rd *reader) readMatrix(g *grid, lay *matrixLayout) {
	last := g.lastRow()
	if lay.lastRow > 0 {
		last = min(last, lay.lastRow)
	}
	for r := lay.firstRow; r <= last; r++ {
		rd.matrixRow(g, lay, r)
	}
}

func (rd *reader) matrixRow(g *grid, lay *matrixLayout, r int) {
	var id, name string
	if lay.idCol > 0 {
		id = g.text(pos{r, lay.idCol})
	}
	if lay.nameCol > 0 {
		name = g.text(pos{r, lay.nameCol})
	}
	firstData := pos{}
	for _, c := range lay.cols {
		if p := (pos{r, c.col}); !g.empty(p) {
			firstData = p
			break
		}
	}
	hasData := firstData.row > 0
	label := id
	if label == "" {
		label = name
	}
	switch {
	case label == "":
		if hasData {
			rd.cellError(g, firstData, "", "", lang.Msg("xlsx.row.no_member").With(memberCells(lay, r)))
		}
		return
	case rd.m.isBandLabel(id) || rd.m.isBandLabel(name):
		return // a row of the header band, or a total
	case lay.idCol > 0 && id == "":
		if hasData {
			rd.cellError(g, pos{r, lay.idCol}, "", "", lang.Msg("xlsx.row.no_id", strconv.Quote(name)))
		}
		return
	case lay.idCol == 0 && !hasData && (lay.stageCol == 0 || g.empty(pos{r, lay.stageCol})):
		rd.warn(g, pos{r, lay.nameCol}, lang.Msg("xlsx.row.no_values", strconv.Quote(name)))
		return
	}
	mp := pos{r, lay.idCol}
	if lay.idCol == 0 {
		mp = pos{r, lay.nameCol}
	}
	member := rd.member(g, mp, id, name)

	rowStage, stageBad := lay.stage, false
	if lay.stageCol > 0 {
		sp := pos{r, lay.stageCol}
		rowStage = ""
		if t := g.text(sp); t != "" {
			s, ok := rd.m.stage(t)
			if !ok {
				rd.cellError(g, sp, member, "", lang.Msg("xlsx.stage.unknown", strconv.Quote(t), rd.m.stageNames()))
				stageBad = true
			}
			rowStage = s
		}
	}
	assessor := ""
	if lay.assessorCol > 0 {
		assessor = g.text(pos{r, lay.assessorCol})
	}
	notes := map[string]string{}
	for _, c := range lay.cols {
		if c.k.kind == keyNote {
			if t := g.text(pos{r, c.col}); t != "" {
				notes[c.k.id] = t
			}
		}
	}
	counted := map[string]bool{}
	votes := map[string]*scoring.Vote{} // by ballot id ("" the only ballot)
	noStage := false
	for _, c := range lay.cols {
		p := pos{r, c.col}
		if g.empty(p) {
			continue
		}
		k := c.k
		switch k.kind {
		case keyCriterion:
			if isNotAssigned(g.text(p)) {
				rd.markNotAssigned(g, p, member, k.id)
				continue
			}
			stage := k.stage
			if stage == "" {
				stage = rowStage
			}
			if stage == "" && !stageBad && !noStage {
				rd.cellError(g, pos{r, lay.stageCol}, member, "", lang.Msg("xlsx.stage.empty", rd.m.stageNames()))
				noStage = true
			}
			d, ok, err := rd.number(g, p)
			if err != nil {
				rd.cellError(g, p, member, k.id, messageOf(err))
				continue
			}
			if ok && stage != "" {
				id := k.id + k.side // a signed criterion's count: "3.2+", "3.2-"
				rd.res.sheet.Scores = append(rd.res.sheet.Scores, scoring.Entry{Member: member, Criterion: id, Stage: stage, Assessor: assessor, Value: d, Source: rd.source(g, p, member, id)})
			}
		case keyBonus, keyDeduction:
			counted[k.id] = true
			rd.occurrence(g, p, member, k, notes[k.id])
		case keyVotes:
			votes[k.ballot] = rd.voteCell(g, p, member, k, votes[k.ballot])
		default:
			rd.memberCell(g, p, member, k)
		}
	}
	for _, c := range lay.cols {
		if c.k.kind == keyNote && notes[c.k.id] != "" && !counted[c.k.id] {
			rd.cellError(g, pos{r, c.col}, member, c.k.id, lang.Msg("xlsx.note.no_count", c.k.id))
		}
	}
	rd.addVotes(votes)
}

// memberCells names the cells that should have identified a row's member:
// "id A5 and name B5".
func memberCells(lay *matrixLayout, r int) lang.Message {
	id, name := cellName(pos{r, lay.idCol}), cellName(pos{r, lay.nameCol})
	switch {
	case lay.idCol > 0 && lay.nameCol > 0:
		return lang.Msg("xlsx.row.member_cells.both", id, name)
	case lay.idCol > 0:
		return lang.Msg("xlsx.row.member_cells.id", id)
	case lay.nameCol > 0:
		return lang.Msg("xlsx.row.member_cells.name", name)
	}
	return lang.Message{}
}

// markNotAssigned records that a criterion is not assigned to a member
// (once, however many rows say so).
func (rd *reader) markNotAssigned(g *grid, p pos, member, criterion string) {
	k := [2]string{member, criterion}
	if rd.notAssigned[k] {
		return
	}
	rd.notAssigned[k] = true
	rd.res.sheet.NotAssigned = append(rd.res.sheet.NotAssigned, scoring.Assignment{Member: member, Criterion: criterion, Source: rd.source(g, p, member, criterion)})
}

// occurrence reads a bonus or deduction count; zero is no occurrence.
func (rd *reader) occurrence(g *grid, p pos, member string, k key, note string) {
	n, err := parseCount(g.raw(g.at(p)), g.kind(p))
	if err != nil {
		m := lang.Msg("xlsx.deduction.count")
		if k.kind == keyBonus {
			m = lang.Msg("xlsx.bonus.count")
		}
		rd.cellError(g, p, member, k.id, m.With(messageOf(err)))
		return
	}
	if n == 0 {
		return
	}
	o := scoring.Occurrences{Member: member, Item: k.id, Count: n, Note: note, Source: rd.source(g, p, member, k.id)}
	if k.kind == keyBonus {
		rd.res.sheet.Bonuses = append(rd.res.sheet.Bonuses, o)
	} else {
		rd.res.sheet.Deductions = append(rd.res.sheet.Deductions, o)
	}
}

// voteCell reads one of a member's vote counts (k: votes for, against or
// abstain, of a ballot) into v, which it creates with the first count
// read.
func (rd *reader) voteCell(g *grid, p pos, member string, k key, v *scoring.Vote) *scoring.Vote {
	field := k.sub
	n, err := parseCount(g.raw(g.at(p)), g.kind(p))
	if err != nil {
		m := lang.Msg("xlsx.votes.for")
		switch field {
		case "against":
			m = lang.Msg("xlsx.votes.against")
		case "abstain":
			m = lang.Msg("xlsx.votes.abstain")
		}
		m = m.With(messageOf(err))
		if b, ok := rd.rb.Ballot(k.ballot); ok && k.ballot != "" {
			m = lang.Msg("xlsx.votes.ballot", b.Name).With(m)
		}
		rd.cellError(g, p, member, "", m)
		return v
	}
	if v == nil {
		v = &scoring.Vote{Member: member, Source: rd.source(g, p, member, "votes")}
	}
	switch field {
	case "against":
		v.Against = n
	case "abstain":
		v.Abstain = n
	default:
		v.For = n
	}
	return v
}

// memberCell reads a target, fact or past award.
func (rd *reader) memberCell(g *grid, p pos, member string, k key) {
	sh := &rd.res.sheet
	switch k.kind {
	case keyTarget:
		d, ok, err := rd.number(g, p)
		if err != nil {
			rd.cellError(g, p, member, k.id, lang.Msg("xlsx.target.value").With(messageOf(err)))
			return
		}
		if ok {
			sh.Targets = append(sh.Targets, scoring.Target{Member: member, Criterion: k.id, Value: d, Source: rd.source(g, p, member, k.id)})
		}
	case keyFact:
		b, err := parseBool(g.raw(g.at(p)), g.kind(p))
		if err != nil {
			rd.cellError(g, p, member, k.id, messageOf(err))
			return
		}
		sh.Facts = append(sh.Facts, scoring.FactValue{Member: member, Fact: k.id, Value: b, Source: rd.source(g, p, member, k.id)})
	case keyHistory:
		award := rd.m.award(g.text(p))
		if isNotAssigned(award) || award == "-" || fold(award) == "không" {
			return
		}
		sh.History = append(sh.History, scoring.PastAward{Member: member, Year: k.year, Award: award, Source: rd.source(g, p, member, "history")})
		if k.year == 0 {
			rd.history = append(rd.history, pendingHistory{index: len(sh.History) - 1, ref: g.ref(p)})
		}
	}
}

// readInfo reads the cluster's details from label cells ("Tên cụm",
// "Năm", "Số thành viên có mặt", …) and the value to their right.
func (rd *reader) readInfo(g *grid, first, last int) {
	last = min(last, g.lastRow(), 200)
	cols := min(g.maxCol, 30)
	for r := first; r <= last; r++ {
		for c := 1; c <= cols; c++ {
			t := g.text(pos{r, c})
			field, value := infoField(t)
			if field == "" {
				continue
			}
			vp := pos{r, c}
			if value == "" {
				for cc := c + 1; cc <= g.maxCol && cc <= c+5; cc++ {
					if v := g.text(pos{r, cc}); v != "" {
						if f, _ := infoField(v); f == field {
							continue // the same label again ("cluster" | "Tên cụm")
						}
						vp, value = pos{r, cc}, v
						break
					}
				}
			}
			if value != "" {
				rd.infoValue(g, vp, field, value)
			}
			break // one label per row
		}
	}
}

// infoLabels are the labels of the details a sheet may give, folded.
var infoLabels = map[string]string{
	"cluster": "cluster", "cụm thi đua": "cluster", "tên cụm": "cluster", "tên cụm thi đua": "cluster",
	"cụm, khối thi đua": "cluster", "tên cụm, khối thi đua": "cluster", "khối thi đua": "cluster",
	"year": "year", "năm": "year", "năm đánh giá": "year", "năm thi đua": "year",
	"entitled": "entitled", "số thành viên có quyền bỏ phiếu": "entitled", "số đơn vị có quyền bỏ phiếu": "entitled",
	"present": "present", "số thành viên có mặt": "present", "số thành viên có mặt bỏ phiếu": "present",
	"số đơn vị có mặt": "present", "số phiếu thu về": "present",
	"lots": "lots", "kết quả bốc thăm": "lots", "bốc thăm": "lots",
	"rulebook_hash": "rulebook_hash",
}

// infoField recognises a details label, alone or followed by its value
// ("Năm: 2020"), or with its key in parentheses ("Năm đánh giá (year)").
func infoField(text string) (field, value string) {
	if text == "" || len(text) > 300 {
		return "", ""
	}
	f := fold(text)
	if field := infoLabels[f]; field != "" {
		return field, ""
	}
	if i := strings.LastIndex(f, "("); i > 0 && strings.HasSuffix(f, ")") {
		if field := infoLabels[strings.TrimSpace(f[i+1:len(f)-1])]; field != "" {
			return field, ""
		}
		if field := infoLabels[strings.TrimSpace(f[:i])]; field != "" {
			return field, ""
		}
	}
	if i := strings.LastIndex(f, "("); i > 0 && strings.HasSuffix(f, ")") {
		if _, _, ok := ballotField(strings.TrimSpace(f[i+1 : len(f)-1])); ok {
			return strings.TrimSpace(f[i+1 : len(f)-1]), ""
		}
	}
	if _, _, ok := ballotField(f); ok {
		return f, ""
	}
	if label, v, ok := strings.Cut(text, ":"); ok {
		if field := infoLabels[fold(label)]; field != "" && strings.TrimSpace(v) != "" {
			return field, clean(v)
		}
	}
	return "", ""
}

// infoValue records one detail.
func (rd *reader) infoValue(g *grid, p pos, field, value string) {
	sh := &rd.res.sheet
	if _, _, ok := ballotField(field); ok {
		rd.ballotInfo(g, p, field, value)
		return
	}
	switch field {
	case "cluster":
		if sh.Cluster == "" {
			sh.Cluster = value
		}
	case "year":
		n, err := parseCount(value, kindText)
		if err != nil || n < 1900 || n > 9999 {
			rd.cellError(g, p, "", "", lang.Msg("xlsx.info.year", strconv.Quote(value)))
			return
		}
		if sh.Year == 0 {
			sh.Year = n
		}
	case "entitled", "present":
		n, err := parseCount(value, kindText)
		if err != nil {
			m := lang.Msg("xlsx.info.present")
			if field == "entitled" {
				m = lang.Msg("xlsx.info.entitled")
			}
			rd.cellError(g, p, "", "", m.With(messageOf(err)))
			return
		}
		if field == "entitled" {
			rd.entitled = n
		} else {
			rd.present = n
		}
		if rd.ballotSrc.File == "" {
			rd.ballotSrc = scoring.Source{File: rd.file, Line: p.row}
		}
	case "lots":
		if rd.lots != nil {
			return
		}
		for _, part := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			if t := clean(part); t != "" {
				rd.lots = append(rd.lots, t)
			}
		}
	case "rulebook_hash":
		if value != rd.rb.Hash() {
			rd.warn(g, p, lang.Msg("xlsx.info.hash", value, rd.rb.ID(), rd.rb.Version(), rd.rb.Hash()))
		}
	}
}

// infoFromMapping reads the details from the cells a mapping names.
func (rd *reader) infoFromMapping(in *InfoMapping) {
	g := rd.grid(in.Sheet)
	if g == nil {
		return
	}
	fields := []struct{ field, ref string }{{"cluster", in.Cluster}, {"year", in.Year}, {"entitled", in.Entitled}, {"present", in.Present}, {"lots", in.Lots}}
	for _, f := range in.ballotFields() { // "ballots.tot.entitled" is the details key "entitled@tot"
		i := strings.LastIndex(f.field, ".")
		fields = append(fields, struct{ field, ref string }{f.field[i+1:] + "@" + strings.TrimPrefix(f.field[:i], "ballots."), f.ref})
	}
	for _, f := range fields {
		if f.ref == "" {
			continue
		}
		c, r, ok := parseRef(f.ref)
		if !ok {
			continue
		}
		p := pos{r, c}
		if v := g.text(p); v != "" {
			rd.infoValue(g, p, f.field, v)
		}
	}
}
