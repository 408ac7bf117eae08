package xlsx

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/scoring"
)

// memberLayout is how a per-member sheet (rows = criteria, columns =
// stages) is read.
type memberLayout struct {
	headerRow, firstRow, lastRow int
	stageCols                    []column // key kind keyStageValue, id = the stage
	labelCols                    []int    // the columns that name each row's criterion
	countCol                     int      // the count of an item row, if the sheet has such a column
	memberID, memberName         string
	memberPos                    pos
	dupStages                    []pos // header cells of stages seen twice (warned about if the layout is used)
}

// maxLabels are the headers of a column of maxima, which holds numbers
// that must not be taken for criterion ids.
var maxLabels = map[string]bool{"điểm tối đa": true, "tối đa": true, "điểm chuẩn": true, "thang điểm": true, "max": true, "điểm": true}

// detectMember recognises a per-member sheet: a header row naming stages
// and, below it, rows naming criteria. It returns nil if the sheet is not
// one.
func (rd *reader) detectMember(g *grid, sm *SheetMapping) *memberLayout {
	lay := &memberLayout{}
	if sm != nil && len(sm.Columns) > 0 {
		lay.headerRow = max(sm.HeaderRow, 1)
		letters := slices.Sorted(maps.Keys(sm.Columns))
		for _, l := range letters {
			v := sm.Columns[l]
			c, ok := colNumber(l)
			if !ok {
				rd.sheetError(g, lang.Msg("xlsx.mapping.column_letter", strconv.Quote(l)))
				continue
			}
			k, err := rd.m.parseKey(v)
			if err != nil {
				rd.sheetError(g, lang.Msg("xlsx.mapping.column", l).With(messageOf(err)))
				continue
			}
			switch k.kind {
			case keyLabel:
				lay.labelCols = append(lay.labelCols, c)
			case keyStageValue:
				lay.stageCols = append(lay.stageCols, column{col: c, k: k, header: pos{lay.headerRow, c}})
			case keyCount:
				lay.countCol = c
			case keyIgnore:
			default:
				rd.sheetError(g, lang.Msg("xlsx.mapping.member_column", l, strconv.Quote(v)))
			}
		}
		slices.SortFunc(lay.stageCols, func(a, b column) int { return a.col - b.col })
		slices.Sort(lay.labelCols)
		if len(lay.labelCols) == 0 || len(lay.stageCols) == 0 {
			rd.sheetError(g, lang.Msg("xlsx.mapping.member_columns"))
			return nil
		}
	} else {
		first, last := 1, min(g.lastRow(), scanRows)
		if sm != nil && sm.HeaderRow > 0 {
			first, last = sm.HeaderRow, sm.HeaderRow
		}
		cols := min(g.maxCol, scanCols)
		bestScore := 0
		for r := first; r <= last; r++ {
			seen := map[string]bool{}
			named := false // the row names a criterion left of its stages: a row of data, not the header
			for c := 1; c <= cols; c++ {
				t := g.text(pos{r, c})
				if s, ok := rd.m.stage(t); ok {
					seen[s] = true
					continue
				}
				if k, ok := rd.m.header(t); ok && len(seen) == 0 && (k.isData() || k.kind == keyGroup) {
					named = true
				}
			}
			if !named && len(seen) > bestScore {
				lay.headerRow, bestScore = r, len(seen)
			}
		}
		if bestScore == 0 {
			return nil
		}
		seen := map[string]bool{}
		firstStage := 0
		for c := 1; c <= cols; c++ {
			p := pos{lay.headerRow, c}
			t := g.text(p)
			if s, ok := rd.m.stage(t); ok {
				if seen[s] {
					lay.dupStages = append(lay.dupStages, p)
					continue
				}
				seen[s] = true
				lay.stageCols = append(lay.stageCols, column{col: c, k: key{kind: keyStageValue, id: s}, header: p})
				if firstStage == 0 {
					firstStage = c
				}
				continue
			}
			if k, ok := rd.m.header(t); ok && k.kind == keyCount {
				lay.countCol = c
			}
		}
		for c := 1; c < firstStage; c++ {
			if c != lay.countCol && !maxLabels[fold(g.text(pos{lay.headerRow, c}))] {
				lay.labelCols = append(lay.labelCols, c)
			}
		}
	}
	lay.firstRow = lay.headerRow + 1
	if sm != nil {
		lay.firstRow = max(lay.firstRow, sm.FirstRow)
		lay.lastRow = sm.LastRow
	}
	if sm == nil || len(sm.Columns) == 0 {
		// Auto-detection needs rows naming at least two criteria (or the
		// rulebook's only one).
		leaves := map[string]bool{}
		for r := lay.firstRow; r <= g.lastRow(); r++ {
			if k, _ := rd.rowKey(g, lay, r); k.kind == keyCriterion {
				leaves[k.id] = true
			}
		}
		if len(leaves) < min(2, len(rd.m.leaves)) {
			return nil
		}
	}
	rd.memberIdentity(g, lay, sm)
	for _, p := range lay.dupStages {
		s, _ := rd.m.stage(g.text(p))
		rd.warn(g, p, lang.Msg("xlsx.stage.second_column", s))
	}
	return lay
}

// memberIdentity finds whose sheet it is: the mapping's member or cell, a
// cell labelled "Mã đơn vị" or "Đơn vị" above the header, or the sheet's
// name.
func (rd *reader) memberIdentity(g *grid, lay *memberLayout, sm *SheetMapping) {
	lay.memberPos = pos{lay.headerRow, 1}
	if sm != nil && sm.Member != "" {
		lay.memberID = clean(sm.Member)
		return
	}
	if sm != nil && sm.MemberCell != "" {
		c, r, _ := parseRef(sm.MemberCell)
		lay.memberPos = pos{r, c}
		lay.memberName = g.text(lay.memberPos)
		return
	}
	for r := 1; r < lay.headerRow; r++ {
		for c := 1; c <= min(g.maxCol, 30); c++ {
			t := g.text(pos{r, c})
			if t == "" {
				continue
			}
			label, value, inCell := strings.Cut(t, ":")
			k, ok := rd.m.header(label)
			if !ok || k.kind != keyMember && k.kind != keyName {
				continue
			}
			vp := pos{r, c}
			value = clean(value)
			if !inCell || value == "" {
				value = ""
				for cc := c + 1; cc <= min(g.maxCol, c+5); cc++ {
					if v := g.text(pos{r, cc}); v != "" {
						vp, value = pos{r, cc}, v
						break
					}
				}
			}
			if value == "" {
				continue
			}
			if k.kind == keyMember && lay.memberID == "" {
				lay.memberID, lay.memberPos = value, vp
			}
			if k.kind == keyName && lay.memberName == "" {
				lay.memberName = value
				if lay.memberID == "" {
					lay.memberPos = vp
				}
			}
		}
	}
}

// rowKey names the criterion (or item, fact) of a row of a per-member
// sheet: the label cell that matches, the longest if several do (a name
// rather than a number).
func (rd *reader) rowKey(g *grid, lay *memberLayout, r int) (key, pos) {
	var best key
	var bestPos pos
	bestLen := 0
	for _, c := range lay.labelCols {
		p := pos{r, c}
		t := g.text(p)
		if t == "" {
			continue
		}
		k, ok := rd.m.header(t)
		if !ok || !k.isData() && k.kind != keyGroup {
			continue
		}
		if len(t) > bestLen {
			best, bestPos, bestLen = k, p, len(t)
		}
	}
	return best, bestPos
}

// readMemberSheet reads the rows of a per-member sheet.
func (rd *reader) readMemberSheet(g *grid, lay *memberLayout) {
	id, name := lay.memberID, lay.memberName
	if id == "" && name == "" {
		name = clean(g.name)
	}
	if id == "" {
		if known, ok := rd.names[fold(name)]; ok {
			id = known
			if fold(name) == fold(known) {
				name = "" // the sheet is named by the member's id
			}
		} else if sn := clean(g.name); fold(sn) != fold(name) && looksLikeID(sn) {
			id = sn // a sheet named "SCT" with "Đơn vị: Sở Công Thương" in it
		}
	}
	member := rd.member(g, lay.memberPos, id, name)
	last := g.lastRow()
	if lay.lastRow > 0 {
		last = min(last, lay.lastRow)
	}
	votes := map[string]*scoring.Vote{} // by ballot id ("" the only ballot)
	for r := lay.firstRow; r <= last; r++ {
		k, lp := rd.rowKey(g, lay, r)
		switch k.kind {
		case keyNone:
			rd.unrecognised(g, lay, r)
		case keyGroup:
		case keyCriterion:
			for _, sc := range lay.stageCols {
				p := pos{r, sc.col}
				if g.empty(p) {
					continue
				}
				if isNotAssigned(g.text(p)) {
					rd.markNotAssigned(g, p, member, k.id)
					continue
				}
				d, ok, err := rd.number(g, p)
				if err != nil {
					rd.cellError(g, p, member, k.id, messageOf(err))
					continue
				}
				if ok {
					id := k.id + k.side // a signed criterion's count: "3.2+", "3.2-"
					rd.res.sheet.Scores = append(rd.res.sheet.Scores, scoring.Entry{Member: member, Criterion: id, Stage: sc.k.id, Value: d, Source: rd.source(g, p, member, id)})
				}
			}
		default:
			p, ok := rd.valueCell(g, lay, r)
			if !ok {
				continue
			}
			switch k.kind {
			case keyBonus, keyDeduction:
				rd.occurrence(g, p, member, k, "")
			case keyVotes:
				votes[k.ballot] = rd.voteCell(g, p, member, k, votes[k.ballot])
			case keyNote:
				rd.cellError(g, lp, member, k.id, lang.Msg("xlsx.note.member_sheet"))
			default:
				rd.memberCell(g, p, member, k)
			}
		}
	}
	rd.addVotes(votes)
}

// valueCell is the cell holding an item or fact row's value: its count
// column if filled, else the last stage column with a value.
func (rd *reader) valueCell(g *grid, lay *memberLayout, r int) (pos, bool) {
	if p := (pos{r, lay.countCol}); lay.countCol > 0 && !g.empty(p) {
		return p, true
	}
	for i := len(lay.stageCols) - 1; i >= 0; i-- {
		if p := (pos{r, lay.stageCols[i].col}); !g.empty(p) {
			return p, true
		}
	}
	return pos{}, false
}

// unrecognised warns about a row with values whose label names nothing in
// the rulebook (a criterion renamed, a typing error).
func (rd *reader) unrecognised(g *grid, lay *memberLayout, r int) {
	label := ""
	var lp pos
	for _, c := range lay.labelCols {
		if t := g.text(pos{r, c}); t != "" && len(t) > len(label) {
			label, lp = t, pos{r, c}
		}
	}
	if label == "" || rd.m.isBandLabel(label) {
		return
	}
	for _, sc := range lay.stageCols {
		if !g.empty(pos{r, sc.col}) {
			rd.warn(g, lp, lang.Msg("xlsx.row.unrecognised", strconv.Quote(label), rd.rb.ID()))
			return
		}
	}
}

// defaultSheetName matches the names spreadsheet programs give new sheets.
var defaultSheetName = regexp.MustCompile(`(?i)^(sheet|trang tính|trang|tờ|feuil|hoja|tabelle)\s*[0-9]*$`)

// looksLikeID reports whether a sheet's name could be a member's short id
// (SCT, SKHCN): one word of at most 16 characters, not a default name.
func looksLikeID(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t") && displayWidth(s) <= 16 && !defaultSheetName.MatchString(s)
}
