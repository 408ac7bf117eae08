package xlsx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Options adjusts Read.
type Options struct {
	// Mapping says where the data is; nil: detect it (see the package
	// documentation).
	Mapping *Mapping
	// Limits bounds what is read; zero fields take DefaultLimits.
	Limits Limits
}

// Warning is something the reader noticed that does not stop it: a
// formula whose saved value disagrees with its recomputation, a row it did
// not recognise, a default it assumed.
//
// Msg is the warning in English, as String writes it after the sheet and
// cell. Message is the same warning as a lang.Message, so that Text can
// write it in Vietnamese too; Message.Key is a stable code a program can
// switch on ("xlsx.formula.disagrees", "xlsx.stage.none", …: see the
// "xlsx." keys of the lang catalogue) instead of matching the English
// text, which may be reworded. The reader sets both, with Msg equal to
// Message.In(lang.English). A Warning built without a Message is written
// in English in every language.
type Warning struct {
	File    string
	Sheet   string
	Cell    string // "" if the warning concerns the whole sheet
	Msg     string
	Message lang.Message
}

// String reads like "scores.xlsx: Bảng điểm!N12: …", in English.
func (w Warning) String() string { return w.where() + w.Msg }

// Text writes the warning in the language, on one line, with its file,
// sheet and cell first as String writes them: "scores.xlsx: Bảng
// điểm!L5: giá trị đã lưu 150 khác với kết quả của =SUM(C5:J5) là 145; …".
// Text(lang.English) is String().
//
// If Msg is not Message.In(lang.English) but ends with it, that beginning
// is kept as it is; if Msg does not end with it, Msg is written as it is.
func (w Warning) Text(t lang.Tag) string {
	msg := w.Msg
	if t != lang.English && !w.Message.IsZero() {
		if head, ok := strings.CutSuffix(w.Msg, w.Message.In(lang.English)); ok {
			msg = head + w.Message.In(t)
		}
	}
	return w.where() + msg
}

// where is the warning's location, "scores.xlsx: Bảng điểm!N12: ".
func (w Warning) where() string {
	var b strings.Builder
	if w.File != "" {
		b.WriteString(w.File)
		b.WriteString(": ")
	}
	if w.Sheet != "" {
		b.WriteString(w.Sheet)
		if w.Cell != "" {
			b.WriteByte('!')
			b.WriteString(w.Cell)
		}
		b.WriteString(": ")
	}
	return b.String()
}

// Load reads a cluster's score sheet from an .xlsx workbook, with the
// default limits. m may be nil (detect the layout). See Read. Package
// scoresheet reads a sheet in any format, this one included, with one
// call whose rulebook comes first.
func Load(path string, m *Mapping, rb *rules.Rulebook) (scoring.Sheet, []Warning, error) {
	res, err := loadFile(path, rb, Options{Mapping: m})
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	return res.sheet, res.warnings, res.err()
}

// Read reads a cluster's score sheet from an .xlsx workbook. name is used
// in messages (and as the File of every row's Source); each row's Line is
// its row number in its sheet.
//
// Every problem with a cell is reported, as scoring.InputErrors whose
// messages start with the sheet and cell ("Sở Xây dựng!D14: expected a
// number like 9.75 or 9,75, found \"abc\""); the sheet returned with them
// holds what could be read. A file that is not an .xlsx workbook or breaks
// a limit is one InputError naming the file. Read does not check the sheet
// against the rulebook's scoring rules; Check does.
func Read(name string, r io.Reader, rb *rules.Rulebook, opts Options) (scoring.Sheet, []Warning, error) {
	res, err := readFrom(name, r, rb, opts)
	if err != nil {
		return scoring.Sheet{}, nil, err
	}
	return res.sheet, res.warnings, res.err()
}

// readFrom reads a workbook from r through the bounded reader, at most
// the limit's MaxBytes: a larger input is the problem "xlsx.limit.bytes",
// whatever r is (a file, a device, a pipe, standard input).
func readFrom(name string, r io.Reader, rb *rules.Rulebook, opts Options) (*result, error) {
	lim := opts.Limits.orDefault()
	data, err := bounded.Read(name, r, lim.MaxBytes)
	if errors.Is(err, bounded.ErrTooLarge) {
		// As guard would say of the limit+1 bytes read.
		return &result{errs: scoring.InputErrors{inputError(name, 0, "", "", "", lang.Msg("xlsx.limit.bytes", lim.MaxBytes+1, lim.MaxBytes))}}, nil
	}
	if err != nil {
		return nil, err
	}
	return read(name, data, rb, opts), nil
}

func loadFile(path string, rb *rules.Rulebook, opts Options) (*result, error) {
	lim := opts.Limits.orDefault()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > lim.MaxBytes {
		return &result{errs: scoring.InputErrors{inputError(path, 0, "", "", "", lang.Msg("xlsx.limit.bytes", st.Size(), lim.MaxBytes))}}, nil
	}
	return readFrom(path, f, rb, opts)
}

// result is what a read produced, with the cells each row came from (for
// Check's messages).
type result struct {
	sheet    scoring.Sheet
	warnings []Warning
	errs     scoring.InputErrors
	cells    map[cellKey][]string
}

func (r *result) err() error {
	if len(r.errs) > 0 {
		return r.errs
	}
	return nil
}

// cellKey identifies the cells a row of the sheet came from: its row
// number, member and criterion (or item, fact).
type cellKey struct {
	line      int
	member    string
	criterion string
}

type reader struct {
	file string
	rb   *rules.Rulebook
	m    *matcher
	lim  Limits
	f    *excelize.File
	sc   *scan
	res  *result

	members     map[string]int    // id → index in sheet.Members
	names       map[string]string // folded name → id
	notAssigned map[[2]string]bool
	votes       []scoring.Vote            // the sheet's only ballot
	named       map[string][]scoring.Vote // named ballots, by id
	namedCounts map[string]*ballotCounts  // named ballots' own counts, by id
	ballotSrc   scoring.Source
	entitled    int
	present     int
	history     []pendingHistory
	lots        []string

	mergeBudget   int
	formulaChecks int
	evalBudget    int
}

// pendingHistory is a past award in a column without a year, which is the
// year before the sheet's.
type pendingHistory struct {
	index int // in sheet.History
	ref   string
}

func read(name string, data []byte, rb *rules.Rulebook, opts Options) *result {
	res := &result{cells: map[cellKey][]string{}}
	lim := opts.Limits.orDefault()
	fail := func(m lang.Message) *result {
		res.errs = append(res.errs, inputError(name, 0, "", "", "", m))
		return res
	}
	sc, err := guard(data, lim)
	if err != nil {
		return fail(messageOf(err))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.MaxUnzippedBytes,
		UnzipXMLSizeLimit: lim.MaxUnzippedBytes, // never spill to temporary files
	})
	if err != nil {
		return fail(lang.Msg("xlsx.file.unreadable", err.Error()))
	}
	defer f.Close()
	rd := &reader{
		file: name, rb: rb, m: newMatcher(rb), lim: lim, f: f, sc: sc, res: res,
		members: map[string]int{}, names: map[string]string{}, notAssigned: map[[2]string]bool{},
		mergeBudget: lim.MaxCells, formulaChecks: lim.MaxFormulaChecks, evalBudget: 10 * lim.MaxCells,
	}
	rd.run(opts.Mapping)
	return res
}

// plan is how one sheet is read.
type plan struct {
	g       *grid
	layout  string // matrix, member or info
	mapping *SheetMapping
	matrix  *matrixLayout
	member  *memberLayout
}

func (rd *reader) run(m *Mapping) {
	list := rd.f.GetSheetList()
	if len(list) > rd.lim.MaxSheets {
		rd.fileError(lang.Msg("xlsx.limit.sheets", len(list), rd.lim.MaxSheets))
		return
	}
	var plans []*plan
	if m != nil && len(m.Sheets) > 0 {
		taken := map[string]bool{}
		for i := range m.Sheets {
			sm := &m.Sheets[i]
			found := false
			for _, name := range list {
				ok, err := path.Match(sm.Sheet, name)
				if err != nil {
					rd.fileError(lang.Msg("xlsx.mapping.pattern", strconv.Quote(sm.Sheet), err.Error()))
					return
				}
				if !ok && sm.Sheet != name || taken[name] || ok && sm.Sheet != name && isInstructions(name) {
					continue
				}
				found = true
				taken[name] = true
				g := rd.grid(name)
				if g == nil {
					continue
				}
				plans = append(plans, &plan{g: g, mapping: sm})
			}
			if !found && !strings.ContainsAny(sm.Sheet, "*?[") {
				rd.fileError(lang.Msg("xlsx.mapping.no_sheet", strconv.Quote(sm.Sheet), strings.Join(list, ", ")))
			}
		}
	} else {
		for _, name := range list {
			if isInstructions(name) {
				continue
			}
			if _, err := rd.f.GetSheetDimension(name); err != nil {
				// Listed in the workbook, but its part is missing.
				rd.warn(&grid{name: name}, pos{}, lang.Msg("xlsx.sheet.skipped", err.Error()))
				continue
			}
			if g := rd.grid(name); g != nil && !strings.HasPrefix(fold(g.text(pos{1, 1})), "hướng dẫn") {
				plans = append(plans, &plan{g: g})
			}
		}
	}
	scores := false
	for _, p := range plans {
		rd.classify(p)
		scores = scores || p.layout != "info"
	}
	if !scores && len(rd.res.errs) == 0 {
		rd.fileError(lang.Msg("xlsx.no_scores", rd.rb.ID(), rd.m.stageNames()))
	}
	// Details first (the year dates a history column), then the matrices
	// (they name the members), then the per-member sheets.
	switch {
	case m != nil && m.Info != nil:
		rd.infoFromMapping(m.Info)
	case m != nil && len(m.Sheets) > 0:
		// The mapping names the data sheets; the details may be on any
		// other.
		planned := map[string]bool{}
		for _, p := range plans {
			planned[p.g.name] = true
		}
		for _, name := range list {
			if planned[name] || isInstructions(name) {
				continue
			}
			if g := rd.grid(name); g != nil {
				rd.readInfo(g, 1, g.lastRow())
			}
		}
		fallthrough
	default:
		for _, p := range plans {
			switch p.layout {
			case "info":
				rd.readInfo(p.g, 1, p.g.lastRow())
			case LayoutMatrix:
				rd.readInfo(p.g, 1, p.matrix.headerRow-1)
			}
		}
	}
	for _, p := range plans {
		if p.layout == LayoutMatrix {
			rd.checkFormulas(p.g)
			rd.readMatrix(p.g, p.matrix)
		}
	}
	for _, p := range plans {
		if p.layout == LayoutMember {
			rd.checkFormulas(p.g)
			rd.readMemberSheet(p.g, p.member)
		}
	}
	rd.finish()
}

// isInstructions reports whether a sheet holds instructions, not data.
func isInstructions(name string) bool {
	switch fold(name) {
	case "hướng dẫn", "huong dan", "instructions", "readme", "read me", "ghi chú", "hướng dẫn nhập liệu":
		return true
	}
	return false
}

// grid loads one sheet's cells.
func (rd *reader) grid(name string) *grid {
	rows, err := rd.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		rd.fileError(lang.Msg("xlsx.sheet.unreadable", name, err.Error()))
		return nil
	}
	g := &grid{name: name, rows: rows, kinds: map[pos]cellKind{}, formula: map[pos]bool{}, recomputed: map[pos]decimal.Decimal{}}
	for _, r := range rows {
		g.maxCol = max(g.maxCol, len(r))
	}
	if ps := rd.sc.sheets[name]; ps != nil {
		g.kinds = ps.kinds
		for _, p := range ps.formulas {
			g.formula[p] = true
		}
		if !g.expandMerges(ps.merges, &rd.mergeBudget) {
			rd.fileError(lang.Msg("xlsx.limit.merged_cells", name, rd.lim.MaxCells))
			return nil
		}
	}
	return g
}

// classify decides how a sheet is read: as the mapping says, else by
// what its cells hold.
func (rd *reader) classify(p *plan) {
	sm := p.mapping
	switch {
	case sm != nil && sm.Layout == LayoutMember:
		if p.member = rd.detectMember(p.g, sm); p.member == nil && len(sm.Columns) == 0 {
			rd.notFound(p, lang.Msg("xlsx.layout.member", rd.m.stageNames()))
		}
	case sm != nil:
		if p.matrix = rd.detectMatrix(p.g, sm); p.matrix == nil && len(sm.Columns) == 0 {
			rd.notFound(p, lang.Msg("xlsx.layout.matrix"))
		}
	default:
		if p.member = rd.detectMember(p.g, nil); p.member == nil {
			p.matrix = rd.detectMatrix(p.g, nil)
		}
	}
	switch {
	case p.member != nil:
		p.layout = LayoutMember
	case p.matrix != nil:
		p.layout = LayoutMatrix
	default:
		p.layout = "info"
	}
}

// notFound reports a mapped sheet whose layout was not found: an error
// for a sheet named in the mapping, a warning for one a pattern matched
// (a pattern such as "*" also matches the details and instructions).
// missing is the layout's header ("xlsx.layout.matrix", …).
func (rd *reader) notFound(p *plan, missing lang.Message) {
	if strings.ContainsAny(p.mapping.Sheet, "*?[") {
		rd.warn(p.g, pos{}, lang.Msg("xlsx.layout.skipped", strconv.Quote(p.mapping.Sheet)).With(missing))
		return
	}
	rd.sheetError(p.g, lang.Msg("xlsx.layout.not_found").With(missing))
}

// fileError reports a problem with the workbook as a whole.
func (rd *reader) fileError(m lang.Message) {
	rd.res.errs = append(rd.res.errs, inputError(rd.file, 0, "", "", "", m))
}

// sheetError reports a problem with a sheet as a whole: its message
// follows the sheet's name ("Bảng điểm: mapping: …").
func (rd *reader) sheetError(g *grid, m lang.Message) {
	rd.res.errs = append(rd.res.errs, inputError(rd.file, 0, "", "", g.name, m))
}

// cellError reports a problem with a cell: its message follows the
// cell's reference ("Bảng điểm!D14: …").
func (rd *reader) cellError(g *grid, p pos, member, criterion string, m lang.Message) {
	rd.res.errs = append(rd.res.errs, inputError(rd.file, p.row, member, criterion, g.ref(p), m))
}

// warn records a warning about a sheet, or about a cell of it if p is a
// cell.
func (rd *reader) warn(g *grid, p pos, m lang.Message) {
	w := Warning{File: rd.file, Sheet: g.name, Msg: m.In(lang.English), Message: m}
	if p.row > 0 {
		w.Cell = cellName(p)
	}
	rd.res.warnings = append(rd.res.warnings, w)
}

// source records where a row of the sheet came from.
func (rd *reader) source(g *grid, p pos, member, criterion string) scoring.Source {
	k := cellKey{p.row, member, criterion}
	ref := g.ref(p)
	if !slices.Contains(rd.res.cells[k], ref) {
		rd.res.cells[k] = append(rd.res.cells[k], ref)
	}
	return scoring.Source{File: rd.file, Line: p.row}
}

// member registers a member seen at p with its id and name (either may be
// empty, not both) and returns its id.
func (rd *reader) member(g *grid, p pos, id, name string) string {
	if id == "" {
		if known, ok := rd.names[fold(name)]; ok {
			return known
		}
		id = name
	}
	if i, ok := rd.members[id]; ok {
		m := &rd.res.sheet.Members[i]
		switch {
		case name == "" || fold(name) == fold(m.Name):
		case m.Name == "":
			m.Name = name
			rd.names[fold(name)] = id
		default:
			rd.cellError(g, p, id, "", lang.Msg("xlsx.member.renamed", id, strconv.Quote(name), strconv.Quote(m.Name), m.Source.Line))
		}
		return id
	}
	rd.members[id] = len(rd.res.sheet.Members)
	rd.res.sheet.Members = append(rd.res.sheet.Members, scoring.Member{ID: id, Name: name, Source: rd.source(g, p, id, "")})
	if name != "" {
		rd.names[fold(name)] = id
	}
	rd.names[fold(id)] = id
	return id
}

// number reads a numeric cell: ok is false if it is empty.
func (rd *reader) number(g *grid, p pos) (decimal.Decimal, bool, error) {
	q := g.at(p)
	raw := g.raw(q)
	if strings.TrimSpace(raw) == "" {
		if !g.formula[q] {
			return decimal.Decimal{}, false, nil
		}
		if v, ok := g.recomputed[q]; ok {
			return v, true, nil
		}
		return decimal.Decimal{}, false, newProblem(lang.Msg("xlsx.formula.no_value"))
	}
	d, err := parseNumber(raw, g.kinds[q])
	return d, err == nil, err
}

// checkFormulas recomputes the formulas of a sheet that the reader can, and
// warns where the value saved in the file disagrees: the file was saved by
// a program that did not recalculate, or a cell was edited afterwards.
func (rd *reader) checkFormulas(g *grid) {
	ps := rd.sc.sheets[g.name]
	if ps == nil {
		return
	}
	for _, p := range ps.formulas {
		if rd.formulaChecks <= 0 {
			rd.warn(g, pos{}, lang.Msg("xlsx.formula.too_many", rd.lim.MaxFormulaChecks))
			return
		}
		rd.formulaChecks--
		formula, err := rd.f.GetCellFormula(g.name, cellName(p))
		if err != nil || formula == "" {
			continue
		}
		v, ok := eval(g, formula, &rd.evalBudget)
		if !ok {
			continue
		}
		raw := strings.TrimSpace(g.raw(p))
		if raw == "" {
			g.recomputed[p] = v
			rd.warn(g, p, lang.Msg("xlsx.formula.recomputed", formula, v))
			continue
		}
		saved, err := parseNumber(raw, g.kinds[p])
		if err != nil {
			continue
		}
		if !saved.Equal(v) {
			rd.warn(g, p, lang.Msg("xlsx.formula.disagrees", saved, formula, v))
		}
	}
}

// finish assembles what several sheets contribute: the ballot, past
// awards dated by the sheet's year, the drawing of lots.
func (rd *reader) finish() {
	sh := &rd.res.sheet
	for _, h := range rd.history {
		if sh.Year == 0 {
			past := sh.History[h.index]
			rd.res.errs = append(rd.res.errs, inputError(rd.file, past.Source.Line, past.Member, "", h.ref, lang.Msg("xlsx.history.no_year")))
			continue
		}
		sh.History[h.index].Year = sh.Year - 1
	}
	rd.finishBallots()
	for _, l := range rd.lots {
		id := l
		if known, ok := rd.names[fold(l)]; ok {
			id = known
		}
		sh.Lots = append(sh.Lots, id)
	}
}
