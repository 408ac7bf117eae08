package whatif

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Scenario is a list of edits to a scored cluster (kịch bản giả định): "what
// if this deduction had been applied?", "what if the recheck had given 18?".
// Read one with ParseScenario or LoadScenario; Apply it to a sheet.
//
// In YAML (or JSON, same keys):
//
//	scenario: Áp dụng điểm trừ vắng họp cho Sở Công Thương
//	note: Biên bản họp cụm quý III ghi Sở Công Thương vắng không lý do
//	edits:
//	  - set_score: {member: SCT, criterion: "03", stage: cluster, value: 18}
//	  - add_deduction: {member: SCT, item: vang_hop, count: 2, note: quý II, quý III}
//	  - remove_deduction: {member: SGTVT, item: bao_cao_muon}
//	  - add_bonus: {member: SXD, item: co_tinh}
//	  - remove_bonus: {member: SXD, item: co_tinh, count: 1}
//	  - set_fact: {member: SCT, fact: khong_ky_luat, value: false}
//	  - drop_member: {member: TTT, note: sáp nhập}
//	  - add_votes: {member: SXD, for: 1, against: -1}
//
// Each edit has exactly one key. Edits apply in order, each to the result
// of the ones before.
type Scenario struct {
	Title string `yaml:"scenario" json:"scenario"`
	Note  string `yaml:"note" json:"note,omitempty"`
	Edits []Edit `yaml:"edits" json:"edits"`
	// File is the name the scenario was read from, for error messages.
	File string `yaml:"-" json:"-"`
}

// Edit is one change to a sheet. Exactly one field is set.
type Edit struct {
	SetScore        *SetScore   `yaml:"set_score" json:"set_score,omitempty"`
	AddDeduction    *Occurrence `yaml:"add_deduction" json:"add_deduction,omitempty"`
	RemoveDeduction *Occurrence `yaml:"remove_deduction" json:"remove_deduction,omitempty"`
	AddBonus        *Occurrence `yaml:"add_bonus" json:"add_bonus,omitempty"`
	RemoveBonus     *Occurrence `yaml:"remove_bonus" json:"remove_bonus,omitempty"`
	SetFact         *SetFact    `yaml:"set_fact" json:"set_fact,omitempty"`
	DropMember      *DropMember `yaml:"drop_member" json:"drop_member,omitempty"`
	AddVotes        *AddVotes   `yaml:"add_votes" json:"add_votes,omitempty"`
	Line            int         `yaml:"-" json:"-"` // where the edit is in its file; 0 if built in Go
}

// SetScore sets a member's value for a criterion at a stage. With an
// assessor, that assessor's value; without one, every assessor's value at
// the stage (or the stage's single value, added if missing).
type SetScore struct {
	Member    string          `yaml:"member" json:"member"`
	Criterion string          `yaml:"criterion" json:"criterion"`
	Stage     string          `yaml:"stage" json:"stage"`
	Assessor  string          `yaml:"assessor" json:"assessor,omitempty"`
	Value     decimal.Decimal `yaml:"value" json:"value"`
}

// Occurrence adds or removes occurrences of a bonus or deduction item.
// Count defaults to 1 when adding and to all of them when removing.
type Occurrence struct {
	Member string `yaml:"member" json:"member"`
	Item   string `yaml:"item" json:"item"`
	Count  int    `yaml:"count" json:"count,omitempty"`
	Note   string `yaml:"note" json:"note,omitempty"`
}

// SetFact states a fact about a member.
type SetFact struct {
	Member string `yaml:"member" json:"member"`
	Fact   string `yaml:"fact" json:"fact"`
	Value  bool   `yaml:"value" json:"value"`
}

// DropMember removes a member and every row about it (its scores, targets,
// items, facts, votes, history and place in a recorded draw). Scores it gave
// other members as an assessor stay. A ballot's explicit numbers of members
// entitled and present stay as recorded.
type DropMember struct {
	Member string `yaml:"member" json:"member"`
	Note   string `yaml:"note" json:"note,omitempty"`
}

// AddVotes adds to a member's ballot counts (negative numbers take away).
type AddVotes struct {
	Member  string `yaml:"member" json:"member"`
	For     int    `yaml:"for" json:"for,omitempty"`
	Against int    `yaml:"against" json:"against,omitempty"`
	Abstain int    `yaml:"abstain" json:"abstain,omitempty"`
}

// Kind names the edit's kind ("set_score", "add_deduction", …), or "" if
// none or several are set.
func (e Edit) Kind() string {
	kinds := e.kinds()
	if len(kinds) != 1 {
		return ""
	}
	return kinds[0]
}

func (e Edit) kinds() []string {
	var out []string
	v := reflect.ValueOf(e)
	t := v.Type()
	for i := range t.NumField() {
		f := v.Field(i)
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			out = append(out, tag)
		}
	}
	return out
}

// editKinds lists the keys an edit may have.
func editKinds() []string {
	var out []string
	t := reflect.TypeFor[Edit]()
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

// String describes the edit in one line, for an inspector, in English.
func (e Edit) String() string { return e.Message().In(lang.English) }

// Text describes the edit in one line in the language: "SCT: thêm 2 lần
// điểm trừ vang_hop (…)". Ids and the edit's own notes are not translated.
func (e Edit) Text(t lang.Tag) string { return e.Message().In(t) }

// Message describes the edit as a message.
func (e Edit) Message() lang.Message {
	switch {
	case e.SetScore != nil:
		s := e.SetScore
		if s.Assessor != "" {
			return lang.Msg("whatif.edit.set_score_by", s.Member, s.Criterion, s.Stage, s.Value, s.Assessor)
		}
		return lang.Msg("whatif.edit.set_score", s.Member, s.Criterion, s.Stage, s.Value)
	case e.AddDeduction != nil:
		return occMessage("whatif.edit.add_deduction", "", e.AddDeduction)
	case e.RemoveDeduction != nil:
		return occMessage("whatif.edit.remove_deduction", "whatif.edit.remove_deductions", e.RemoveDeduction)
	case e.AddBonus != nil:
		return occMessage("whatif.edit.add_bonus", "", e.AddBonus)
	case e.RemoveBonus != nil:
		return occMessage("whatif.edit.remove_bonus", "whatif.edit.remove_bonuses", e.RemoveBonus)
	case e.SetFact != nil:
		if e.SetFact.Value {
			return lang.Msg("whatif.edit.set_fact_true", e.SetFact.Member, e.SetFact.Fact)
		}
		return lang.Msg("whatif.edit.set_fact_false", e.SetFact.Member, e.SetFact.Fact)
	case e.DropMember != nil:
		return lang.Msg("whatif.edit.drop_member", e.DropMember.Member)
	case e.AddVotes != nil:
		v := e.AddVotes
		signed := func(n int) string { return fmt.Sprintf("%+d", n) }
		return lang.Msg("whatif.edit.add_votes", v.Member, signed(v.For), signed(v.Against), signed(v.Abstain))
	}
	return lang.Msg("whatif.edit.none")
}

// occMessage describes adding (every == "") or removing occurrences of an
// item: key with the member, the count and the item; every with the member
// and the item when every occurrence is removed.
func occMessage(key, every string, o *Occurrence) lang.Message {
	var m lang.Message
	switch {
	case every == "":
		m = lang.Msg(key, o.Member, max(o.Count, 1), o.Item)
	case o.Count == 0:
		m = lang.Msg(every, o.Member, o.Item)
	default:
		m = lang.Msg(key, o.Member, o.Count, o.Item)
	}
	if o.Note != "" {
		m = lang.Msg("whatif.edit.noted", o.Note).With(m)
	}
	return m
}

// MaxScenarioBytes is the largest scenario file LoadScenario reads: 4 MiB.
// A scenario is a list of edits to a score sheet, a few kilobytes; the
// limit keeps a device or a runaway file (/dev/zero) from exhausting
// memory.
const MaxScenarioBytes = 4 << 20

// LoadScenario reads a scenario from a YAML or JSON file. See
// ParseScenario. It reads at most MaxScenarioBytes, whatever the file is
// (a device, a pipe): a larger one is refused with a
// *bounded.TooLargeError (errors.Is bounded.ErrTooLarge), which writes
// itself in Vietnamese or English.
func LoadScenario(path string) (Scenario, error) {
	data, err := bounded.ReadFile(path, MaxScenarioBytes)
	if err != nil {
		return Scenario{}, err
	}
	return ParseScenario(path, data)
}

// ParseScenario reads a scenario from YAML or JSON, strictly: unknown keys,
// malformed numbers, an edit with no key or several are all reported, as
// scoring.InputErrors naming the file, the line and, where known, the member
// and criterion. name is used in error messages.
func ParseScenario(name string, data []byte) (Scenario, error) {
	sc := Scenario{File: name}
	root, p := decode.Parse(data)
	if p != nil {
		return sc, scoring.InputErrors{{File: name, Line: p.Line, Msg: p.Msg, Message: p.Message}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{
		reflect.TypeFor[decimal.Decimal](): fields.Decimal,
		reflect.TypeFor[string]():          fields.Text,
	}
	d.Decode(root, "", &sc)
	var es scoring.InputErrors
	for _, p := range d.Problems {
		es = append(es, &scoring.InputError{File: name, Line: p.Line, Where: p.Path, Msg: p.Msg, Message: p.Message})
	}
	if !d.Has("edits") {
		es = append(es, inputError(name, 1, "", "", "", lang.Msg("whatif.err.scenario.no_edits")))
	}
	for i := range sc.Edits {
		e := &sc.Edits[i]
		path := fmt.Sprintf("edits[%d]", i)
		e.Line, _ = d.Line(path)
		kinds := e.kinds()
		if len(kinds) != 1 {
			es = append(es, inputError(name, e.Line, "", "", path, lang.Msg("whatif.err.edit.kinds", strings.Join(editKinds(), ", "), len(kinds))))
			continue
		}
		if msg := e.incomplete(); !msg.IsZero() {
			m, c := e.subject()
			es = append(es, inputError(name, e.Line, m, c, kinds[0], msg))
		}
	}
	if len(es) > 0 {
		slices.SortStableFunc(es, func(a, b *scoring.InputError) int { return a.Line - b.Line })
		return sc, es
	}
	return sc, nil
}

// subject is the member and criterion (item, fact) an edit concerns.
func (e Edit) subject() (member, criterion string) {
	switch {
	case e.SetScore != nil:
		return e.SetScore.Member, e.SetScore.Criterion
	case e.AddDeduction != nil:
		return e.AddDeduction.Member, e.AddDeduction.Item
	case e.RemoveDeduction != nil:
		return e.RemoveDeduction.Member, e.RemoveDeduction.Item
	case e.AddBonus != nil:
		return e.AddBonus.Member, e.AddBonus.Item
	case e.RemoveBonus != nil:
		return e.RemoveBonus.Member, e.RemoveBonus.Item
	case e.SetFact != nil:
		return e.SetFact.Member, e.SetFact.Fact
	case e.DropMember != nil:
		return e.DropMember.Member, ""
	case e.AddVotes != nil:
		return e.AddVotes.Member, ""
	}
	return "", ""
}

// incomplete says which required field an edit lacks, or which count or
// value is negative; the zero message if none.
func (e Edit) incomplete() lang.Message {
	m, c := e.subject()
	var missing []string
	if m == "" {
		missing = append(missing, "member")
	}
	switch {
	case e.SetScore != nil:
		if c == "" {
			missing = append(missing, "criterion")
		}
		if e.SetScore.Stage == "" {
			missing = append(missing, "stage")
		}
	case e.AddDeduction != nil, e.RemoveDeduction != nil, e.AddBonus != nil, e.RemoveBonus != nil:
		if c == "" {
			missing = append(missing, "item")
		}
	case e.SetFact != nil:
		if c == "" {
			missing = append(missing, "fact")
		}
	}
	switch len(missing) {
	case 1:
		return lang.Msg("whatif.err.edit.needs.1", missing[0])
	case 2:
		return lang.Msg("whatif.err.edit.needs.2", missing[0], missing[1])
	case 3:
		return lang.Msg("whatif.err.edit.needs.3", missing[0], missing[1], missing[2])
	}
	for _, o := range []*Occurrence{e.AddDeduction, e.RemoveDeduction, e.AddBonus, e.RemoveBonus} {
		if o != nil && o.Count < 0 {
			return lang.Msg("whatif.err.edit.count_negative", o.Count)
		}
	}
	if e.SetScore != nil && e.SetScore.Value.IsNegative() {
		return lang.Msg("whatif.err.edit.value_negative", e.SetScore.Value)
	}
	return lang.Message{}
}

// inputError builds a problem of a scenario; where is the edit's kind or
// key path ("set_score"), or "".
func inputError(file string, line int, member, criterion, where string, m lang.Message) *scoring.InputError {
	return &scoring.InputError{File: file, Line: line, Member: member, Criterion: criterion, Where: where, Msg: m.In(lang.English), Message: m}
}

// Apply returns the sheet with the scenario's edits applied in order; the
// sheet passed in is not changed. A signed criterion's counts (keys
// "<id>+", "<id>-") are combined into its net points in the sheet returned,
// and an edit of a signed criterion sets those. Every edit that names an unknown member,
// criterion, stage, item or fact, or removes what is not there, is reported
// (as scoring.InputErrors with the scenario's file and line); the sheet
// returned with errors is the input, unchanged.
func (sc Scenario) Apply(rb *rules.Rulebook, sh scoring.Sheet) (scoring.Sheet, error) {
	// an edit sets a signed criterion's net points: its counts are
	// combined into them first (scoring.NetSigned)
	out := scoring.NetSigned(rb, sh.Clone())
	var es scoring.InputErrors
	for _, e := range sc.Edits {
		if err := applyEdit(rb, &out, e, scoring.Source{File: sc.File, Line: e.Line}); err != nil {
			err.File, err.Line = sc.File, e.Line
			es = append(es, err)
		}
	}
	if len(es) > 0 {
		return sh, es
	}
	return out, nil
}

// applyEdit applies one edit; the rows it changes or adds take src, so
// that a problem the engine finds with them points at the edit.
func applyEdit(rb *rules.Rulebook, sh *scoring.Sheet, e Edit, src scoring.Source) *scoring.InputError {
	member, crit := e.subject()
	fail := func(m lang.Message) *scoring.InputError {
		return inputError("", 0, member, crit, e.Kind(), m)
	}
	if e.Kind() == "" {
		return fail(lang.Msg("whatif.err.edit.one_kind", strings.Join(editKinds(), ", ")))
	}
	if msg := e.incomplete(); !msg.IsZero() {
		return fail(msg)
	}
	if !hasMember(*sh, member) {
		return fail(lang.Msg("whatif.err.edit.no_member", strconv.Quote(member)))
	}
	switch {
	case e.SetScore != nil:
		return setScoreEdit(rb, sh, e.SetScore, src, fail)
	case e.AddDeduction != nil:
		return occurrenceEdit(&sh.Deductions, rb.DeductionItem, "deduction", e.AddDeduction, true, src, fail)
	case e.RemoveDeduction != nil:
		return occurrenceEdit(&sh.Deductions, rb.DeductionItem, "deduction", e.RemoveDeduction, false, src, fail)
	case e.AddBonus != nil:
		return occurrenceEdit(&sh.Bonuses, rb.BonusItem, "bonus", e.AddBonus, true, src, fail)
	case e.RemoveBonus != nil:
		return occurrenceEdit(&sh.Bonuses, rb.BonusItem, "bonus", e.RemoveBonus, false, src, fail)
	case e.SetFact != nil:
		f := e.SetFact
		if _, ok := rb.Fact(f.Fact); !ok {
			return fail(lang.Msg("whatif.err.edit.fact", strconv.Quote(f.Fact), rb.ID()))
		}
		for i, x := range sh.Facts {
			if x.Member == f.Member && x.Fact == f.Fact {
				sh.Facts[i].Value, sh.Facts[i].Source = f.Value, src
				return nil
			}
		}
		sh.Facts = append(sh.Facts, scoring.FactValue{Member: f.Member, Fact: f.Fact, Value: f.Value, Source: src})
	case e.DropMember != nil:
		dropMember(sh, member)
	case e.AddVotes != nil:
		v := e.AddVotes
		if sh.Ballot == nil {
			return fail(lang.Msg("whatif.err.edit.no_ballot"))
		}
		for i, x := range sh.Ballot.Votes {
			if x.Member == member {
				n := scoring.Vote{Member: member, For: x.For + v.For, Against: x.Against + v.Against, Abstain: x.Abstain + v.Abstain, Source: src}
				if n.For < 0 || n.Against < 0 || n.Abstain < 0 {
					return fail(lang.Msg("whatif.err.edit.votes_negative", n.For, n.Against, n.Abstain))
				}
				sh.Ballot.Votes[i] = n
				return nil
			}
		}
		if v.For < 0 || v.Against < 0 || v.Abstain < 0 {
			return fail(lang.Msg("whatif.err.edit.no_votes"))
		}
		sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: member, For: v.For, Against: v.Against, Abstain: v.Abstain, Source: src})
	}
	return nil
}

func setScoreEdit(rb *rules.Rulebook, sh *scoring.Sheet, s *SetScore, src scoring.Source, fail func(lang.Message) *scoring.InputError) *scoring.InputError {
	n, ok := rb.Node(s.Criterion)
	switch {
	case !ok:
		return fail(lang.Msg("whatif.err.edit.criterion", strconv.Quote(s.Criterion), rb.ID()))
	case n.IsGroup():
		return fail(lang.Msg("whatif.err.edit.group", strconv.Quote(s.Criterion)))
	}
	if f, _ := scoring.Describe(rb, n.ID, decimal.Zero); f.Depends == scoring.OnBallot { // a leaf: no error
		return fail(lang.Msg("whatif.err.edit.votes"))
	}
	if _, _, ok := rb.Stage(s.Stage); !ok {
		var ids []string
		for _, st := range rb.Assessment().Stages {
			ids = append(ids, st.ID)
		}
		return fail(lang.Msg("whatif.err.edit.stage", strconv.Quote(s.Stage), strings.Join(ids, ", ")))
	}
	for _, a := range sh.NotAssigned {
		if a.Member == s.Member && (a.Criterion == s.Criterion || under(rb.Nodes(), n.Index, a.Criterion)) {
			return fail(lang.Msg("whatif.err.edit.not_assigned"))
		}
	}
	found := false
	for i, x := range sh.Scores {
		if x.Member == s.Member && x.Criterion == s.Criterion && x.Stage == s.Stage && (s.Assessor == "" || x.Assessor == s.Assessor) {
			sh.Scores[i].Value, sh.Scores[i].Source = s.Value, src
			found = true
		}
	}
	if !found {
		sh.Scores = append(sh.Scores, scoring.Entry{Member: s.Member, Criterion: s.Criterion, Stage: s.Stage, Assessor: s.Assessor, Value: s.Value, Source: src})
	}
	return nil
}

func occurrenceEdit(rows *[]scoring.Occurrences, lookup func(string) (rules.Item, bool), what string, o *Occurrence, add bool, src scoring.Source, fail func(lang.Message) *scoring.InputError) *scoring.InputError {
	if _, ok := lookup(o.Item); !ok {
		return fail(lang.Msg(occurrenceKey(what, "unknown"), strconv.Quote(o.Item)))
	}
	i := slices.IndexFunc(*rows, func(x scoring.Occurrences) bool { return x.Member == o.Member && x.Item == o.Item })
	if add {
		n := max(o.Count, 1)
		if i < 0 {
			*rows = append(*rows, scoring.Occurrences{Member: o.Member, Item: o.Item, Count: n, Note: o.Note, Source: src})
			return nil
		}
		(*rows)[i].Count += n
		(*rows)[i].Source = src
		if o.Note != "" {
			(*rows)[i].Note = strings.TrimPrefix((*rows)[i].Note+"; "+o.Note, "; ")
		}
		return nil
	}
	if i < 0 || (*rows)[i].Count == 0 {
		return fail(lang.Msg(occurrenceKey(what, "none"), o.Item))
	}
	n := o.Count
	if n == 0 {
		n = (*rows)[i].Count
	}
	if n > (*rows)[i].Count {
		return fail(lang.Msg("whatif.err.edit.removes", n, (*rows)[i].Count))
	}
	(*rows)[i].Count -= n
	(*rows)[i].Source = src
	if (*rows)[i].Count == 0 {
		*rows = slices.Delete(*rows, i, i+1)
	}
	return nil
}

// occurrenceKey is the key of a problem with a bonus or a deduction item
// (what): "unknown" (the rulebook has no such item) or "none" (the member
// has none to remove).
func occurrenceKey(what, problem string) string {
	switch {
	case what == "bonus" && problem == "unknown":
		return "whatif.err.edit.bonus.unknown"
	case what == "bonus":
		return "whatif.err.edit.bonus.none"
	case problem == "unknown":
		return "whatif.err.edit.deduction.unknown"
	}
	return "whatif.err.edit.deduction.none"
}

func dropMember(sh *scoring.Sheet, id string) {
	sh.Members = slices.DeleteFunc(sh.Members, func(m scoring.Member) bool { return m.ID == id })
	sh.Scores = slices.DeleteFunc(sh.Scores, func(x scoring.Entry) bool { return x.Member == id })
	sh.Targets = slices.DeleteFunc(sh.Targets, func(x scoring.Target) bool { return x.Member == id })
	sh.NotAssigned = slices.DeleteFunc(sh.NotAssigned, func(x scoring.Assignment) bool { return x.Member == id })
	sh.Bonuses = slices.DeleteFunc(sh.Bonuses, func(x scoring.Occurrences) bool { return x.Member == id })
	sh.Deductions = slices.DeleteFunc(sh.Deductions, func(x scoring.Occurrences) bool { return x.Member == id })
	sh.Facts = slices.DeleteFunc(sh.Facts, func(x scoring.FactValue) bool { return x.Member == id })
	sh.History = slices.DeleteFunc(sh.History, func(x scoring.PastAward) bool { return x.Member == id })
	sh.Lots = slices.DeleteFunc(sh.Lots, func(x string) bool { return x == id })
	if sh.Ballot != nil {
		sh.Ballot.Votes = slices.DeleteFunc(sh.Ballot.Votes, func(x scoring.Vote) bool { return x.Member == id })
	}
}
