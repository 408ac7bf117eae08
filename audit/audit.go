package audit

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// Audit recomputes a cluster's result from its score sheet under the
// rulebook and compares it with the result recorded in the minutes.
// Problems with the inputs are findings, not errors: sheet rows that
// scoring refuses (a value above its criterion's maximum, an unknown
// criterion) are reported and left out, and the result is recomputed from
// the rows that are valid; a member whose remaining rows cannot be scored
// is left out of the recomputation, and the report says so. The rulebook
// is also checked against the dates of what it ranks: a rulebook dated
// after the year assessed, or after the meeting whose minutes these are,
// is a finding of kind KindRulebookLate (see DatedAfter). The only error
// is the context's: a cancelled audit stops between its steps and returns
// ctx.Err(), wrapped.
func Audit(ctx context.Context, rb *rules.Rulebook, sh scoring.Sheet, rec Recorded) (Report, error) {
	return audit(ctx, rb, sh, rec, nil, nil, "", "", "")
}

// AuditFiles reads a rulebook, a score sheet in any format (CSV, JSON,
// YAML or an .xlsx workbook: see package scoresheet, whose options —
// scoresheet.WithMappingFile — it takes) and a recorded result, and audits
// them. An unreadable or invalid rulebook or recorded result is an error
// (rules.Errors, ParseErrors); problems with the rows of the score sheet
// are findings of the report, since the audit recomputes from the rows that
// are valid, and so are a workbook's warnings. A missing file, a sheet of
// an unknown format and a cancelled context are errors.
func AuditFiles(ctx context.Context, rulesPath, scoresPath, recordedPath string, opts ...scoresheet.Option) (Report, error) {
	rb, err := rules.Load(rulesPath)
	if err != nil {
		return Report{}, err
	}
	return auditFiles(ctx, rb, rulesPath, scoresPath, recordedPath, false, opts...)
}

// auditFiles is AuditFiles with the rulebook read. regular says that the
// files are known to be regular files (a batch's, see loadSheet).
func auditFiles(ctx context.Context, rb *rules.Rulebook, rulesPath, scoresPath, recordedPath string, regular bool, opts ...scoresheet.Option) (Report, error) {
	if err := ctx.Err(); err != nil {
		return Report{}, stopped(err)
	}
	rec, err := loadPooled(recordedPath)
	if err != nil {
		return Report{}, err
	}
	if _, err := scoresheet.FormatOf(scoresPath); err != nil {
		return Report{}, err // not a sheet at all: nothing to audit
	}
	var sh scoring.Sheet
	var warnings []scoresheet.Warning
	if regular && len(opts) == 0 {
		sh, warnings, err = loadSheet(rb, scoresPath)
	} else {
		sh, warnings, err = scoresheet.Load(rb, scoresPath, opts...)
	}
	var readErrs scoring.InputErrors
	if err != nil && !errors.As(err, &readErrs) {
		return Report{}, err
	}
	if len(readErrs) == 1 && readErrs[0].Line == 0 && readErrs[0].Message.Key == "scoresheet.mapping.not_xlsx" {
		return Report{}, err // a mistaken option, not a problem of the sheet
	}
	return audit(ctx, rb, sh, rec, readErrs, warnings, rulesPath, scoresPath, recordedPath)
}

// loadSheet is scoresheet.Load(rb, path) for a regular file (a batch
// reads thousands). A sheet in CSV, JSON or YAML is read into a buffer of
// fileBuffers and given to scoresheet.Read, which reads a copy of it. If
// that reading fails (the file is larger than a sheet may be, say),
// scoresheet.Load reads the file again, to say why in its own words.
func loadSheet(rb *rules.Rulebook, path string) (scoring.Sheet, []scoresheet.Warning, error) {
	f, err := scoresheet.FormatOf(path)
	if err != nil || f == scoresheet.XLSX {
		return scoresheet.Load(rb, path)
	}
	data, release, err := readPooled(path, sheets.MaxBytes)
	if err != nil {
		return scoresheet.Load(rb, path)
	}
	defer release()
	return scoresheet.Read(rb, path, bytes.NewReader(data), f)
}

// stopped wraps the error of a cancelled context.
func stopped(err error) error { return fmt.Errorf("audit stopped: %w", err) }

// auditor holds one audit's state.
type auditor struct {
	ctx  context.Context
	rb   *rules.Rulebook // the rulebook audited against
	work *rules.Rulebook // the rulebook used to recompute (rb, or rb opened to any year)
	sh   scoring.Sheet   // the sheet as given
	rec  Recorded

	// The rulebook's own (rules.Rulebook.SharedNodes, …): read only.
	tiers      []rules.AwardTier
	round      rules.RoundingPolicy
	nodes      []rules.Node
	bonus      rules.BonusPolicy
	deductions rules.DeductionPolicy

	names    map[string]string
	inSheet  map[string]bool
	inRec    map[string]bool
	excluded map[string]bool // members left out of the recomputation
	reported map[errKey]bool // sheet problems already reported

	// modified is true when rows or members were left out of the working
	// sheet (so that its hash is not the sheet's).
	modified bool

	st        *ranking.Standings
	workSheet scoring.Sheet // the sheet recomputed, without what was left out
	cards     []scoring.Scorecard
	cardIdx   map[string]int               // member → index in cards
	exact     map[string]scoring.Scorecard // without rounding; computed when needed
	pos       map[string]int               // member → index in st.Rows
	minutes   *ranking.Standings           // st ranked again with the minutes' ballot; when needed
	// most is the highest total a member can have (see totalCap), once
	// computed; none if there is no bound.
	most struct {
		set, none bool
		value     decimal.Decimal
	}

	findings []Finding
}

type errKey struct {
	line              int
	member, criterion string
}

func audit(ctx context.Context, rb *rules.Rulebook, sh scoring.Sheet, rec Recorded, readErrs scoring.InputErrors, warnings []scoresheet.Warning, rulesPath, scoresPath, recordedPath string) (Report, error) {
	if err := ctx.Err(); err != nil {
		return Report{}, stopped(err)
	}
	a := &auditor{
		ctx: ctx, rb: rb, work: rb, sh: sh, rec: rec,
		tiers: rb.SharedAwards(), round: rb.SharedRounding(), nodes: rb.SharedNodes(), bonus: rb.SharedBonus(), deductions: rb.SharedDeductions(),
		names: make(map[string]string, len(sh.Members)), inSheet: make(map[string]bool, len(sh.Members)), inRec: make(map[string]bool, len(rec.Members)),
		excluded: map[string]bool{}, reported: map[errKey]bool{},
	}
	for _, m := range rec.Members {
		a.inRec[m.ID] = true
		if m.Name != "" {
			a.names[m.ID] = m.Name
		}
	}
	for _, m := range sh.Members {
		a.inSheet[m.ID] = true
		if m.Name != "" {
			a.names[m.ID] = m.Name
		}
	}
	a.identity()
	a.workbookWarnings(warnings)
	work := a.sheetRows(readErrs)
	if err := a.recompute(work); err != nil {
		return Report{}, err
	}
	a.members()
	for i := range rec.Members {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return Report{}, stopped(err)
			}
		}
		a.arithmetic(&rec.Members[i])
	}
	if err := ctx.Err(); err != nil {
		return Report{}, stopped(err)
	}
	a.ballot()
	a.ranking()
	a.awards()
	a.grades()
	// Change control: the rulebook's dates against the year and the
	// meeting whose minutes these are.
	a.findings = append(a.findings, DatedAfter(rb, cmp.Or(sh.Year, rec.Year), rec.Date, time.Time{})...)
	return a.report(rulesPath, scoresPath, recordedPath), nil
}

// workbookWarnings reports what the workbook's reader noticed (a formula
// whose saved value disagrees with its recomputation, a row it did not
// recognise) as warnings: the recomputation reads the values saved.
func (a *auditor) workbookWarnings(ws []scoresheet.Warning) {
	for _, w := range ws {
		m := w.Message
		if m.IsZero() {
			m = lang.Msg("audit.sheet.quoted", w.Msg)
		}
		if where := strings.Trim(w.Sheet+"!"+w.Cell, "!"); where != "" {
			m = lang.Msg("audit.sheet.at", where).With(m)
		}
		a.add(Finding{Severity: Warning, Kind: KindSheet, Source: Source{File: w.File}, Message: m})
	}
}

// add records a finding.
func (a *auditor) add(f Finding) { a.findings = append(a.findings, f) }

// name writes a member as "Sở Công Thương (SCT)", or its id alone.
func (a *auditor) name(id string) string {
	if n, ok := a.names[id]; ok && n != id {
		return n + " (" + id + ")"
	}
	return id
}

// rulebookName names the rulebook audited against: "rulebook caobang-cum2
// (version 2020.1)".
func (a *auditor) rulebookName() lang.Message {
	return lang.Msg("audit.rulebook", a.rb.ID(), a.rb.Version())
}

// identity checks that the minutes, the sheet and the rulebook speak of the
// same cluster and year, and that the rulebook is in force that year.
func (a *auditor) identity() {
	inForce := a.rb.InForce()
	years := []int{}
	if a.sh.Year != 0 {
		years = append(years, a.sh.Year)
	}
	if a.rec.Year != 0 && a.rec.Year != a.sh.Year {
		years = append(years, a.rec.Year)
	}
	for i, y := range years {
		if inForce.Contains(y) {
			continue
		}
		whose := "audit.not_in_force.sheet"
		if i > 0 || a.sh.Year == 0 {
			whose = "audit.not_in_force.minutes"
		}
		a.add(Finding{Severity: Error, Kind: KindNotInForce, Recorded: strconv.Itoa(y), Recomputed: inForce.String(),
			Message: lang.Msg(whose, y, inForce.String()).With(a.rulebookName())})
	}
	if a.sh.Year != 0 && !inForce.Contains(a.sh.Year) {
		// Recompute all the same, as if the rulebook applied, so that the
		// other findings still say something.
		if rb := openRulebook(a.rb); rb != nil {
			a.work = rb
		}
	}
	if a.rec.Year != 0 && a.sh.Year != 0 && a.rec.Year != a.sh.Year {
		a.add(Finding{Severity: Warning, Kind: KindIdentity, Criterion: "year", Recorded: strconv.Itoa(a.rec.Year), Recomputed: strconv.Itoa(a.sh.Year),
			Message: lang.Msg("audit.identity.year", a.rec.Year, a.sh.Year)})
	}
	if a.rec.Cluster != "" && a.sh.Cluster != "" && a.rec.Cluster != a.sh.Cluster {
		a.add(Finding{Severity: Warning, Kind: KindIdentity, Criterion: "cluster", Recorded: a.rec.Cluster, Recomputed: a.sh.Cluster,
			Message: lang.Msg("audit.identity.cluster", strconv.Quote(a.rec.Cluster), strconv.Quote(a.sh.Cluster))})
	}
	if a.rec.Rulebook != "" && a.rec.Rulebook != a.rb.ID() {
		a.add(Finding{Severity: Warning, Kind: KindIdentity, Criterion: "rulebook", Recorded: a.rec.Rulebook, Recomputed: a.rb.ID(),
			Message: lang.Msg("audit.identity.rulebook", a.rec.Rulebook).With(a.rulebookName())})
	} else if a.rec.Version != "" && a.rec.Version != a.rb.Version() {
		a.add(Finding{Severity: Warning, Kind: KindIdentity, Criterion: "version", Recorded: a.rec.Version, Recomputed: a.rb.Version(),
			Message: lang.Msg("audit.identity.version", a.rec.Version, a.rb.ID(), a.rb.Version())})
	}
}

// sheetRows reports the sheet rows that could not be read, and the rows
// naming a criterion the rulebook does not have, and returns a working copy
// of the sheet without the latter. Every other row scoring refuses (a value
// above its criterion's maximum, …) is reported as scoring refuses it, by
// recompute.
func (a *auditor) sheetRows(readErrs scoring.InputErrors) scoring.Sheet {
	for _, e := range readErrs {
		a.sheetProblem(e, lang.Msg("audit.left_out.row"))
	}
	work := a.sh
	unknown := func(c string) bool { _, ok := a.rb.NodeIndex(c); return !ok }
	if slices.ContainsFunc(a.sh.Scores, func(s scoring.Entry) bool { return unknown(s.Criterion) }) {
		work.Scores = a.filterScores()
	}
	keep := func(member, criterion string, s scoring.Source) bool {
		if _, ok := a.rb.NodeIndex(criterion); ok {
			return true
		}
		a.reported[errKey{s.Line, member, criterion}] = true
		a.add(Finding{Severity: Error, Kind: KindUnknownCriterion, Member: member, Criterion: criterion, Source: src(s),
			Message: lang.Msg("audit.sheet.unknown_criterion", strconv.Quote(criterion), a.name(member)).With(a.rulebookName())})
		return false
	}
	if slices.ContainsFunc(a.sh.Targets, func(t scoring.Target) bool { return unknown(t.Criterion) }) {
		work.Targets = slices.DeleteFunc(slices.Clone(a.sh.Targets), func(t scoring.Target) bool { return !keep(t.Member, t.Criterion, t.Source) })
	}
	if slices.ContainsFunc(a.sh.NotAssigned, func(x scoring.Assignment) bool { return unknown(x.Criterion) }) {
		work.NotAssigned = slices.DeleteFunc(slices.Clone(a.sh.NotAssigned), func(x scoring.Assignment) bool { return !keep(x.Member, x.Criterion, x.Source) })
	}
	a.modified = len(work.Scores) != len(a.sh.Scores) || len(work.Targets) != len(a.sh.Targets) || len(work.NotAssigned) != len(a.sh.NotAssigned)
	return work
}

// filterScores reports the score rows naming a criterion the rulebook does
// not have and returns the others.
func (a *auditor) filterScores() []scoring.Entry {
	out := make([]scoring.Entry, 0, len(a.sh.Scores))
	for _, s := range a.sh.Scores {
		if _, ok := a.rb.NodeIndex(s.Criterion); !ok {
			a.reported[errKey{s.Source.Line, s.Member, s.Criterion}] = true
			a.add(Finding{Severity: Error, Kind: KindUnknownCriterion, Member: s.Member, Criterion: s.Criterion, Recorded: s.Value.String(), Source: src(s.Source),
				Message: lang.Msg("audit.sheet.unknown_score", a.name(s.Member), strconv.Quote(s.Criterion)).With(a.rulebookName())})
			continue
		}
		out = append(out, s)
	}
	return out
}

// aboveMax reports a score row that scoring refuses because its value is
// above its criterion's maximum (input.value.above_max) as a maximum
// exceeded, quoting the row and the maximum scoring states; the row is
// then left out like any other refused row.
func (a *auditor) aboveMax(work scoring.Sheet, e *scoring.InputError) {
	k := errKey{e.Line, e.Member, e.Criterion}
	i := slices.IndexFunc(work.Scores, func(s scoring.Entry) bool {
		return s.Source.Line == e.Line && s.Source.File == e.File && s.Member == e.Member && s.Criterion == e.Criterion
	})
	if a.reported[k] || i < 0 || len(e.Message.Args) < 2 {
		return
	}
	a.reported[k] = true
	s, n := work.Scores[i], a.node(e.Criterion)
	most := e.Message.Args[1] // the maximum, as scoring states it
	a.add(Finding{Severity: Error, Kind: KindCap, Member: s.Member, Criterion: s.Criterion, Recorded: s.Value.String(), Recomputed: most, Source: src(s.Source),
		Message: lang.Msg("audit.sheet.above_max", a.name(s.Member), s.Value, n.ID, n.Name, s.Stage, most)})
}

// node returns the rulebook's node with the id (a zero node but for its id
// if there is none).
func (a *auditor) node(id string) rules.Node {
	if i, ok := a.rb.NodeIndex(id); ok {
		return a.nodes[i]
	}
	return rules.Node{Criterion: rules.Criterion{ID: id}}
}

func src(s scoring.Source) Source { return Source{File: s.File, Line: s.Line} }

// sheetProblem turns a scoring.InputError into a finding, unless it was
// already reported. action says what the recomputation left out, if
// anything. The problem itself is the score sheet reader's words.
func (a *auditor) sheetProblem(e *scoring.InputError, action lang.Message) {
	k := errKey{e.Line, e.Member, e.Criterion}
	if a.reported[k] {
		return
	}
	a.reported[k] = true
	problem := problemText(e)
	var text lang.Message
	switch {
	case e.Member == "" && action.IsZero():
		text = lang.Msg("audit.sheet.problem").With(problem)
	case e.Member == "":
		text = lang.Msg("audit.sheet.problem.then").With(problem, action)
	case action.IsZero():
		text = lang.Msg("audit.sheet.member_problem", a.name(e.Member)).With(problem)
	default:
		text = lang.Msg("audit.sheet.member_problem.then", a.name(e.Member)).With(problem, action)
	}
	a.add(Finding{Severity: Error, Kind: KindSheet, Member: e.Member, Criterion: e.Criterion, Source: Source{File: e.File, Line: e.Line}, Message: text})
}

// problemText is a score-sheet problem without its file and line, as a
// message: the reader's own message (so that a Vietnamese report quotes it
// in Vietnamese), after the criterion it concerns. A problem whose Msg is
// not its message in English (a location written before it) is quoted as
// Msg, in English.
func problemText(e *scoring.InputError) lang.Message {
	m := e.Message
	if m.IsZero() || m.In(lang.English) != e.Msg {
		m = lang.Msg("audit.sheet.quoted", e.Msg)
	}
	if e.Where != "" {
		m = lang.Msg("audit.sheet.at", e.Where).With(m)
	}
	if e.Criterion != "" {
		return lang.Msg("audit.sheet.at", e.Criterion).With(m)
	}
	return m
}

// isBallotProblem reports whether a score-sheet problem is about the
// ballot's own row (its counts), by the problem's code.
func isBallotProblem(e *scoring.InputError) bool {
	switch k := e.Message.Key; {
	case k == "input.ballot.negative", k == "input.ballot.present":
		return true
	case strings.HasPrefix(k, "csv.ballot."):
		return true
	}
	return false
}

// maxRounds bounds the rounds of leaving out rows and members.
const maxRounds = 8

// recompute scores and ranks the working sheet, leaving out the rows (and
// then the members) scoring refuses, until it scores.
func (a *auditor) recompute(work scoring.Sheet) error {
	for round := 0; ; round++ {
		if err := a.ctx.Err(); err != nil {
			return stopped(err)
		}
		cards, err := scoring.Score(a.work, work, scoring.WithoutTrace()) // the audit reads figures, not steps
		if err == nil {
			a.workSheet = work
			a.st = ranking.RankScorecards(a.work, work, cards)
			a.cards = cards
			a.cardIdx = make(map[string]int, len(cards))
			for i, c := range cards {
				a.cardIdx[c.Member.ID] = i
			}
			a.pos = make(map[string]int, len(a.st.Rows))
			for i, r := range a.st.Rows {
				a.pos[r.Member.ID] = i
			}
			for _, m := range work.Members {
				a.names[m.ID] = cmp.Or(a.names[m.ID], m.Name)
			}
			return nil
		}
		var es scoring.InputErrors
		if !errors.As(err, &es) || round == maxRounds {
			a.notRecomputed(err.Error())
			return nil
		}
		changed := false
		var stuck []string
		for _, e := range es {
			if e.Message.Key == "input.year.not_in_force" && e.Member == "" {
				continue // reported by identity
			}
			if e.Message.Key == "input.value.above_max" {
				a.aboveMax(work, e)
			}
			action := a.leaveOut(&work, e)
			a.modified = a.modified || !action.IsZero()
			if action.IsZero() {
				stuck = append(stuck, e.Error())
				a.sheetProblem(e, lang.Message{})
				continue
			}
			changed = true
			a.sheetProblem(e, action)
		}
		if !changed {
			a.notRecomputed(strings.Join(stuck, "; "))
			return nil
		}
	}
}

func (a *auditor) notRecomputed(why string) {
	a.add(Finding{Severity: Error, Kind: KindNotRecomputed,
		Message: lang.Msg("audit.not_recomputed", why)})
}

// leaveOut removes from the sheet what an input error is about: the row on
// its line, or else the member. It says what it left out, or returns a
// zero message.
func (a *auditor) leaveOut(sh *scoring.Sheet, e *scoring.InputError) lang.Message {
	at := func(s scoring.Source, member, key string) bool {
		return e.Line > 0 && s.Line == e.Line && s.File == e.File && (e.Member == "" || member == e.Member) && (e.Criterion == "" || key == e.Criterion)
	}
	n := 0
	sh.Scores = slices.DeleteFunc(slices.Clone(sh.Scores), func(x scoring.Entry) bool { r := at(x.Source, x.Member, x.Criterion); n += b2i(r); return r })
	sh.Targets = slices.DeleteFunc(slices.Clone(sh.Targets), func(x scoring.Target) bool { r := at(x.Source, x.Member, x.Criterion); n += b2i(r); return r })
	sh.NotAssigned = slices.DeleteFunc(slices.Clone(sh.NotAssigned), func(x scoring.Assignment) bool {
		r := at(x.Source, x.Member, x.Criterion)
		n += b2i(r)
		return r
	})
	sh.Bonuses = slices.DeleteFunc(slices.Clone(sh.Bonuses), func(x scoring.Occurrences) bool { r := at(x.Source, x.Member, x.Item); n += b2i(r); return r })
	sh.Deductions = slices.DeleteFunc(slices.Clone(sh.Deductions), func(x scoring.Occurrences) bool { r := at(x.Source, x.Member, x.Item); n += b2i(r); return r })
	sh.Facts = slices.DeleteFunc(slices.Clone(sh.Facts), func(x scoring.FactValue) bool { r := at(x.Source, x.Member, x.Fact); n += b2i(r); return r })
	sh.History = slices.DeleteFunc(slices.Clone(sh.History), func(x scoring.PastAward) bool { r := at(x.Source, x.Member, ""); n += b2i(r); return r })
	if b := sh.Ballot; b != nil {
		nb := *b
		nb.Votes = slices.DeleteFunc(slices.Clone(b.Votes), func(x scoring.Vote) bool { r := at(x.Source, x.Member, ""); n += b2i(r); return r })
		sh.Ballot = &nb
		if n == 0 && e.Member == "" && e.Line > 0 && b.Source.Line == e.Line && isBallotProblem(e) {
			sh.Ballot = nil
			return lang.Msg("audit.left_out.ballot")
		}
	}
	if n > 0 {
		return lang.Msg("audit.left_out.row")
	}
	if e.Member == "" {
		return lang.Message{}
	}
	if slices.Contains(sh.Lots, e.Member) || !slices.ContainsFunc(sh.Members, func(m scoring.Member) bool { return m.ID == e.Member }) {
		if i := slices.Index(sh.Lots, e.Member); i >= 0 {
			sh.Lots = slices.Delete(slices.Clone(sh.Lots), i, i+1)
			return lang.Msg("audit.left_out.lots")
		}
		return lang.Message{}
	}
	a.exclude(sh, e.Member)
	return lang.Msg("audit.left_out.member", a.name(e.Member))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// exclude removes a member and all its rows from the sheet.
func (a *auditor) exclude(sh *scoring.Sheet, id string) {
	a.excluded[id] = true
	is := func(m string) bool { return m == id }
	sh.Members = slices.DeleteFunc(slices.Clone(sh.Members), func(x scoring.Member) bool { return is(x.ID) })
	sh.Scores = slices.DeleteFunc(slices.Clone(sh.Scores), func(x scoring.Entry) bool { return is(x.Member) })
	sh.Targets = slices.DeleteFunc(slices.Clone(sh.Targets), func(x scoring.Target) bool { return is(x.Member) })
	sh.NotAssigned = slices.DeleteFunc(slices.Clone(sh.NotAssigned), func(x scoring.Assignment) bool { return is(x.Member) })
	sh.Bonuses = slices.DeleteFunc(slices.Clone(sh.Bonuses), func(x scoring.Occurrences) bool { return is(x.Member) })
	sh.Deductions = slices.DeleteFunc(slices.Clone(sh.Deductions), func(x scoring.Occurrences) bool { return is(x.Member) })
	sh.Facts = slices.DeleteFunc(slices.Clone(sh.Facts), func(x scoring.FactValue) bool { return is(x.Member) })
	sh.History = slices.DeleteFunc(slices.Clone(sh.History), func(x scoring.PastAward) bool { return is(x.Member) })
	sh.Lots = slices.DeleteFunc(slices.Clone(sh.Lots), is)
	if b := sh.Ballot; b != nil {
		nb := *b
		nb.Votes = slices.DeleteFunc(slices.Clone(b.Votes), func(x scoring.Vote) bool { return is(x.Member) })
		sh.Ballot = &nb
	}
}

// members reports members that only one side has.
func (a *auditor) members() {
	for _, m := range a.rec.Members {
		if !a.inSheet[m.ID] {
			a.add(Finding{Severity: Error, Kind: KindMissingFromSheet, Member: m.ID, Source: m.Source,
				Message: lang.Msg("audit.missing_from_sheet", a.name(m.ID))})
		}
	}
	seen := map[string]bool{}
	for _, m := range a.sh.Members {
		if a.inRec[m.ID] || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		a.add(Finding{Severity: Warning, Kind: KindMissingFromRecorded, Member: m.ID, Source: src(m.Source),
			Message: lang.Msg("audit.missing_from_recorded", a.name(m.ID))})
	}
	for _, m := range a.sh.Members {
		if a.excluded[m.ID] && !seen["excluded:"+m.ID] {
			seen["excluded:"+m.ID] = true
			a.add(Finding{Severity: Info, Kind: KindExcluded, Member: m.ID,
				Message: lang.Msg("audit.excluded", a.name(m.ID))})
		}
	}
}

// exactCard returns a member's scorecard computed without any rounding but
// the quotients' (to 12 places), to tell a value rounded another way from a
// wrong one. It is computed the first time a recorded figure differs.
func (a *auditor) exactCard(id string) (scoring.Scorecard, bool) {
	if a.exact == nil {
		a.exact = map[string]scoring.Scorecard{}
		if rb := exactRulebook(a.work); rb != nil {
			if cards, err := scoring.Score(rb, a.workSheet, scoring.WithoutTrace()); err == nil {
				for _, c := range cards {
					a.exact[c.Member.ID] = c
				}
			}
		}
	}
	c, ok := a.exact[id]
	return c, ok
}

// openKey is the key of a rulebook's open rulebook in its memo.
type openKey struct{}

// openRulebook returns the rulebook rb in force in every year, or nil if
// it cannot be built: made once per rulebook (rules.Rulebook.Memo), since
// a batch audits many clusters under one rulebook, and read only.
func openRulebook(rb *rules.Rulebook) *rules.Rulebook {
	x, _ := rb.Memo(openKey{}, func() any {
		spec := rb.Spec()
		spec.InForce = rules.Period{}
		open, err := rules.New(spec)
		if err != nil {
			return (*rules.Rulebook)(nil)
		}
		return open
	}).(*rules.Rulebook)
	return x
}

// exactKey is the key of a rulebook's exact-rounding rulebook in its memo.
type exactKey struct{}

// exactRulebook returns the rulebook rb with no rounding but the
// quotients' (to 12 places), or nil if it cannot be built: made once per
// rulebook (rules.Rulebook.Memo), since a batch audits many clusters
// under one rulebook, and read only.
func exactRulebook(rb *rules.Rulebook) *rules.Rulebook {
	x, _ := rb.Memo(exactKey{}, func() any {
		spec := rb.Spec()
		spec.Rounding = rules.RoundingPolicy{Quotient: &rules.Rounding{Places: rules.MaxPlaces, Mode: rules.RoundHalfUp}}
		exact, err := rules.New(spec)
		if err != nil {
			return (*rules.Rulebook)(nil)
		}
		return exact
	}).(*rules.Rulebook)
	return x
}

// row returns the recomputed standings row of a member, if there is one.
func (a *auditor) row(id string) (ranking.Row, bool) {
	i, ok := a.pos[id]
	if !ok {
		return ranking.Row{}, false
	}
	return a.st.Rows[i], true
}

// places says a rounding rule for people: "2 places, half_up", "đến 2 chữ
// số thập phân, từ 5 trở lên thì làm tròn lên".
func places(r *rules.Rounding) lang.Message {
	if r == nil {
		return lang.Msg("audit.places.none")
	}
	return r.Message()
}

// levelRounding returns the rounding of a node's points.
func (a *auditor) levelRounding(n rules.Node) *rules.Rounding {
	if n.IsGroup() {
		return a.round.Group
	}
	return a.round.Criterion
}

// explainRounding looks for a rounding other than the rulebook's that turns
// the exact value into the recorded one, and describes it.
func explainRounding(exact, recorded decimal.Decimal, rule *rules.Rounding) (lang.Message, bool) {
	if exact.Equal(recorded) {
		return lang.Message{}, false
	}
	var candidates []rules.Rounding
	modes := []rules.RoundingMode{rules.RoundHalfUp, rules.RoundHalfEven, rules.RoundDown, rules.RoundUp, rules.RoundFloor, rules.RoundCeiling}
	want := int32(-1)
	if rule != nil {
		want = rule.Places
		for _, m := range modes {
			candidates = append(candidates, rules.Rounding{Places: rule.Places, Mode: m})
		}
	}
	for p := int32(0); p <= 4; p++ {
		if p == want {
			continue
		}
		for _, m := range modes {
			candidates = append(candidates, rules.Rounding{Places: p, Mode: m})
		}
	}
	for _, c := range candidates {
		if c.Round(exact).Equal(recorded) {
			return places(&c), true
		}
	}
	return lang.Message{}, false
}

// compareFigure checks a recorded figure against the recomputed one: equal,
// explained by another rounding of the exact value, or different.
func (a *auditor) compareFigure(m *MemberResult, what func() lang.Message, criterion string, recorded Figure, recomputed decimal.Decimal, exactOf func(scoring.Scorecard) decimal.Decimal, rule *rules.Rounding) {
	if eq(recorded.Value, recomputed) {
		return
	}
	exact := recomputed
	if c, ok := a.exactCard(m.ID); ok {
		exact = exactOf(c)
	}
	if how, ok := explainRounding(exact, recorded.Value, rule); ok {
		rulebook := lang.Msg("audit.rounding.rulebook", recomputed).With(places(rule))
		if rule == nil {
			rulebook = lang.Msg("audit.rounding.rulebook_none")
		}
		a.add(Finding{Severity: Error, Kind: KindRounding, Member: m.ID, Criterion: criterion, Recorded: recorded.Value.String(), Recomputed: recomputed.String(), Source: recorded.Source,
			Message: lang.Msg("audit.rounding.other", a.name(m.ID), recorded.Value, exact).With(what(), how, rulebook)})
		return
	}
	a.add(Finding{Severity: Error, Kind: KindValue, Member: m.ID, Criterion: criterion, Recorded: recorded.Value.String(), Recomputed: recomputed.String(), Source: recorded.Source,
		Message: lang.Msg("audit.value.differs", a.name(m.ID), recorded.Value, recomputed).With(what(), a.rulebookName())})
}

// tooManyPlaces reports a recorded figure with more decimal places than the
// rulebook's rounding at its level; it returns whether it did.
func (a *auditor) tooManyPlaces(m *MemberResult, what func() lang.Message, criterion string, f Figure, rule *rules.Rounding) bool {
	// A figure with no more places than the rule's is as it rounds, in
	// every mode: it is not rounded to know.
	if rule == nil || f.Value.Exponent() >= -rule.Places || rule.Round(f.Value).Equal(f.Value) {
		return false
	}
	a.add(Finding{Severity: Error, Kind: KindRounding, Member: m.ID, Criterion: criterion, Recorded: f.Value.String(), Recomputed: rule.Round(f.Value).String(), Source: f.Source,
		Message: lang.Msg("audit.rounding.too_many_places", a.name(m.ID), f.Value).With(what(), places(rule))})
	return true
}

// eq and gt compare decimals as Equal and GreaterThan do, without
// building a number for operands of different exponents
// (rules.CompareDecimals).
func eq(a, b decimal.Decimal) bool { return rules.CompareDecimals(a, b) == 0 }
func gt(a, b decimal.Decimal) bool { return rules.CompareDecimals(a, b) > 0 }

// phrase returns a function returning the message with key, for messages
// built only when needed.
func phrase(key string) func() lang.Message { return func() lang.Message { return lang.Msg(key) } }

// nodeWhat names a group or criterion: "group II (Kiểm tra, …)".
func nodeWhat(n rules.Node) lang.Message {
	if n.IsGroup() {
		return lang.Msg("audit.node.group", n.ID, n.Name)
	}
	return lang.Msg("audit.node.criterion", n.ID, n.Name)
}

// arithmetic checks one member's recorded figures: against the rulebook's
// maxima and rounding, against their own parts, and against the
// recomputation.
func (a *auditor) arithmetic(m *MemberResult) {
	var card *scoring.Scorecard
	i, recomputed := a.cardIdx[m.ID]
	if recomputed {
		card = &a.cards[i]
	} else {
		card = &scoring.Scorecard{}
	}
	for _, s := range m.Subtotals {
		idx, ok := a.rb.NodeIndex(s.Node)
		if !ok {
			a.add(Finding{Severity: Error, Kind: KindUnknownCriterion, Member: m.ID, Criterion: s.Node, Recorded: s.Value.String(), Source: s.Source,
				Message: lang.Msg("audit.subtotal.unknown", a.name(m.ID), strconv.Quote(s.Node)).With(a.rulebookName())})
			continue
		}
		n := a.nodes[idx] // shared: read only
		f := Figure{Value: s.Value, Set: true, Source: s.Source}
		what := func() lang.Message { return lang.Msg("audit.what.points").With(nodeWhat(n)) }
		if gt(s.Value, n.MaxTotal) {
			a.add(Finding{Severity: Error, Kind: KindCap, Member: m.ID, Criterion: n.ID, Recorded: s.Value.String(), Recomputed: n.MaxTotal.String(), Source: s.Source,
				Message: lang.Msg("audit.subtotal.above_max", a.name(m.ID), s.Value, n.MaxTotal).With(nodeWhat(n))})
		}
		rounding := a.levelRounding(n)
		odd := a.tooManyPlaces(m, what, n.ID, f, rounding)
		if n.IsGroup() {
			a.groupSum(m, &n, s, card, recomputed)
		}
		if recomputed && !odd {
			if ns, ok := card.Node(n.ID); ok {
				a.compareFigure(m, what, n.ID, f, ns.Value, func(c scoring.Scorecard) decimal.Decimal {
					x, _ := c.Node(n.ID)
					return x.Value
				}, rounding)
			}
		}
	}
	if m.Total.Set {
		odd := a.tooManyPlaces(m, phrase("audit.what.total"), "total", m.Total, a.round.Total)
		a.totalSum(m, card, recomputed)
		a.totalCap(m)
		if recomputed && !odd {
			a.compareFigure(m, phrase("audit.what.total"), "total", m.Total, card.Total, func(c scoring.Scorecard) decimal.Decimal { return c.Total }, a.round.Total)
		}
	}
	if m.Percent.Set {
		odd := a.tooManyPlaces(m, phrase("audit.what.percent"), "percent", m.Percent, a.round.Percent)
		if recomputed && !odd {
			a.compareFigure(m, phrase("audit.what.percent_of_max"), "percent", m.Percent, card.Percent, func(c scoring.Scorecard) decimal.Decimal { return c.Percent }, a.round.Percent)
		}
	}
	a.adjustment(m, "bonus", "audit.what.bonus", m.Bonus, a.bonus.Cap, card.Bonus.Total, recomputed)
	a.adjustment(m, "deductions", "audit.what.deductions", m.Deductions, a.deductions.Cap, card.Deductions.Total, recomputed)
	if m.Votes.Set && recomputed && card.Votes.Recorded && m.Votes.N != card.Votes.For {
		a.add(Finding{Severity: Error, Kind: KindValue, Member: m.ID, Rule: "votes", Recorded: strconv.Itoa(m.Votes.N), Recomputed: strconv.Itoa(card.Votes.For), Source: m.Votes.Source,
			Message: lang.Msg("audit.votes.differs", a.name(m.ID), m.Votes.N, card.Votes.For)})
	}
}

func (a *auditor) adjustment(m *MemberResult, key, whatKey string, f Figure, capTotal, recomputed decimal.Decimal, have bool) {
	if !f.Set {
		return
	}
	if capTotal.IsPositive() && gt(f.Value, capTotal) {
		a.add(Finding{Severity: Error, Kind: KindCap, Member: m.ID, Criterion: key, Recorded: f.Value.String(), Recomputed: capTotal.String(), Source: f.Source,
			Message: lang.Msg("audit.adjustment.above_cap", a.name(m.ID), f.Value, capTotal).With(lang.Msg(whatKey))})
	}
	if have && !eq(f.Value, recomputed) {
		a.add(Finding{Severity: Error, Kind: KindValue, Member: m.ID, Criterion: key, Recorded: f.Value.String(), Recomputed: recomputed.String(), Source: f.Source,
			Message: lang.Msg("audit.adjustment.differs", a.name(m.ID), f.Value, recomputed).With(lang.Msg(whatKey))})
	}
}

// assigned reports whether node i counts for the member: per the
// recomputation if there is one, else always.
func assigned(card *scoring.Scorecard, have bool, id string) bool {
	if !have {
		return true
	}
	n, ok := card.Node(id)
	return !ok || n.Assigned
}

// groupSum checks a recorded group subtotal against its recorded children,
// when all of them are recorded.
func (a *auditor) groupSum(m *MemberResult, n *rules.Node, s Subtotal, card *scoring.Scorecard, have bool) {
	sum := decimal.Zero
	terms := 0
	for _, k := range n.Kids {
		kid := &a.nodes[k]
		if !assigned(card, have, kid.ID) {
			continue
		}
		ks, ok := m.Subtotal(kid.ID)
		if !ok {
			return // not all parts recorded
		}
		sum = sum.Add(ks.Value)
		terms++
	}
	if terms == 0 {
		return
	}
	want := sum.Mul(n.EffectiveWeight())
	if r := a.round.Group; r != nil {
		want = r.Round(want)
	}
	if eq(want, s.Value) {
		return
	}
	// The sum differs: the terms, for the message.
	parts := make([]lang.Message, 0, terms)
	for _, k := range n.Kids {
		kid := &a.nodes[k]
		if assigned(card, have, kid.ID) {
			ks, _ := m.Subtotal(kid.ID)
			parts = append(parts, lang.Msg("audit.sum.term", kid.ID, ks.Value))
		}
	}
	text := lang.Msg("audit.sum.group", a.name(m.ID), s.Value, n.ID, want)
	if w := n.EffectiveWeight(); !w.Equal(decimal.NewFromInt(1)) {
		text = lang.Msg("audit.sum.group.weighted", a.name(m.ID), s.Value, n.ID, want, w)
	}
	a.add(Finding{Severity: Error, Kind: KindSum, Member: m.ID, Criterion: n.ID, Recorded: s.Value.String(), Recomputed: want.String(), Source: s.Source,
		Message: text.With(plus(parts))})
}

// plus writes terms added up: "I 22 + II 21 + III 7".
func plus(terms []lang.Message) lang.Message {
	out := terms[0]
	for _, t := range terms[1:] {
		out = lang.Msg("audit.sum.plus").With(out, t)
	}
	return out
}

// totalSum checks a recorded total against the recorded top-level
// subtotals, bonus and deductions, when all of them are recorded.
func (a *auditor) totalSum(m *MemberResult, card *scoring.Scorecard, have bool) {
	sum := decimal.Zero
	terms := 0
	roots := a.rb.SharedRoots()
	for _, r := range roots {
		n := &a.nodes[r]
		if !assigned(card, have, n.ID) {
			continue
		}
		s, ok := m.Subtotal(n.ID)
		if !ok {
			return
		}
		sum = sum.Add(s.Value)
		terms++
	}
	if terms == 0 {
		return
	}
	for _, adj := range [2]struct {
		f   Figure
		rec decimal.Decimal
	}{{m.Bonus, card.Bonus.Total}, {m.Deductions, card.Deductions.Total}} {
		if !adj.f.Set && have && !adj.rec.IsZero() {
			return // a part the minutes do not record
		}
	}
	if m.Bonus.Set {
		sum = sum.Add(m.Bonus.Value)
	}
	if m.Deductions.Set {
		sum = sum.Sub(m.Deductions.Value)
	}
	want := sum
	if f := a.deductions.Floor; f != nil && rules.CompareDecimals(want, *f) < 0 {
		want = *f
	}
	if r := a.round.Total; r != nil {
		want = r.Round(want)
	}
	if eq(want, m.Total.Value) {
		return
	}
	// The sum differs: its terms, for the message.
	parts := make([]lang.Message, 0, terms)
	for _, r := range roots {
		n := &a.nodes[r]
		if assigned(card, have, n.ID) {
			s, _ := m.Subtotal(n.ID)
			parts = append(parts, lang.Msg("audit.sum.term", n.ID, s.Value))
		}
	}
	text := plus(parts)
	if m.Bonus.Set {
		text = lang.Msg("audit.sum.bonus", m.Bonus.Value).With(text)
	}
	if m.Deductions.Set {
		text = lang.Msg("audit.sum.deductions", m.Deductions.Value).With(text)
	}
	a.add(Finding{Severity: Error, Kind: KindSum, Member: m.ID, Criterion: "total", Recorded: m.Total.Value.String(), Recomputed: want.String(), Source: m.Total.Source,
		Message: lang.Msg("audit.sum.total", a.name(m.ID), m.Total.Value, want).With(text)})
}

// totalCap checks a recorded total against the most a member can score:
// the criteria's maximum plus the bonus cap.
func (a *auditor) totalCap(m *MemberResult) {
	if !a.most.set {
		bp := a.bonus
		a.most.set, a.most.value, a.most.none = true, a.rb.MaxTotal(), false
		switch {
		case bp.Cap.IsPositive():
			a.most.value = a.most.value.Add(bp.Cap)
		case len(bp.Items) > 0:
			a.most.none = true // bonuses without a cap: no upper bound to check
		}
	}
	if a.most.none {
		return
	}
	if most := a.most.value; gt(m.Total.Value, most) {
		a.add(Finding{Severity: Error, Kind: KindCap, Member: m.ID, Criterion: "total", Recorded: m.Total.Value.String(), Recomputed: most.String(), Source: m.Total.Source,
			Message: lang.Msg("audit.total.above_max", a.name(m.ID), m.Total.Value, most)})
	}
}

// ballot compares the recorded ballot with the sheet's.
func (a *auditor) ballot() {
	b := a.rec.Ballot
	if b == nil || a.st == nil || len(a.st.Rows) == 0 {
		return
	}
	v := a.st.Rows[0].Card.Votes
	if !v.Recorded {
		return
	}
	check := func(what, key string, got, want int) {
		if got == 0 || got == want {
			return
		}
		a.add(Finding{Severity: Error, Kind: KindValue, Rule: "ballot", Criterion: what, Recorded: strconv.Itoa(got), Recomputed: strconv.Itoa(want), Source: b.Source,
			Message: lang.Msg(key, got, want)})
	}
	check("entitled to vote", "audit.ballot.entitled", b.Entitled, v.Entitled)
	check("present", "audit.ballot.present", b.Present, v.Present)
}
