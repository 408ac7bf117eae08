package xlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// keyKind is what a column (or, in a per-member sheet, a row) holds.
type keyKind int

const (
	keyNone       keyKind = iota
	keyCriterion          // a criterion's raw value; id, and stage if the column has its own
	keyGroup              // a group (a subtotal column): not read
	keyTarget             // a member's target for criterion id
	keyBonus              // occurrences of bonus item id
	keyDeduction          // occurrences of deduction item id
	keyNote               // the note of bonus or deduction item id
	keyFact               // fact id: có / không
	keyVotes              // votes: sub is for, against or abstain
	keyHistory            // a past award: year (0: the year before the sheet's)
	keyMember             // the member's id
	keyName               // the member's name
	keyStage              // the assessment stage of the row
	keyAssessor           // the assessor of the row (chấm chéo)
	keyCount              // per-member sheets: the count of an item row
	keyLabel              // per-member sheets: the criterion label of the row
	keyStageValue         // per-member sheets: the values at stage id
	keyIgnore             // a column that is not read (STT, Tổng, Ghi chú, …)
)

// key is the meaning of a column or row, as a mapping file writes it
// ("03", "03@cluster", "bonus:co_tinh", "votes:for", "member", …).
type key struct {
	kind  keyKind
	id    string // criterion, item, fact or stage id
	stage string // a criterion column's own stage
	sub   string // votes: for, against or abstain
	// ballot is a votes column's named ballot (one of the rulebook's
	// votes.ballots); empty for the sheet's only ballot
	ballot string
	// side is a signed criterion's count: "+" (achievements, cộng) or
	// "-" (failures, trừ); empty for its net points or another criterion
	side string
	year int // history
}

// isData reports whether the key holds member data (as opposed to
// identifying the row).
func (k key) isData() bool {
	switch k.kind {
	case keyCriterion, keyTarget, keyBonus, keyDeduction, keyNote, keyFact, keyVotes, keyHistory:
		return true
	}
	return false
}

// String writes the key as a mapping file does.
func (k key) String() string {
	switch k.kind {
	case keyCriterion:
		if k.stage != "" {
			return k.id + k.side + "@" + k.stage
		}
		return k.id + k.side
	case keyGroup:
		return k.id
	case keyTarget:
		return "target:" + k.id
	case keyBonus:
		return "bonus:" + k.id
	case keyDeduction:
		return "deduction:" + k.id
	case keyNote:
		return "note:" + k.id
	case keyFact:
		return "fact:" + k.id
	case keyVotes:
		if k.ballot != "" {
			return "votes:" + k.sub + "@" + k.ballot
		}
		return "votes:" + k.sub
	case keyHistory:
		if k.year == 0 {
			return "history"
		}
		return "history:" + strconv.Itoa(k.year)
	case keyMember:
		return "member"
	case keyName:
		return "name"
	case keyStage:
		return "stage"
	case keyAssessor:
		return "assessor"
	case keyCount:
		return "count"
	case keyLabel:
		return "label"
	case keyStageValue:
		return "stage:" + k.id
	case keyIgnore:
		return "ignore"
	}
	return ""
}

// matcher recognises the keys of one rulebook in header cells, labels and
// mapping files.
type matcher struct {
	rb       *rules.Rulebook
	leaves   []rules.Node
	byID     map[string]key // exact ids of criteria, groups, items, facts
	byFold   map[string]key // folded ids and names
	stages   map[string]string
	awards   map[string]string // folded award id or name → tier id
	stageIDs []string
	ballots  map[string]string // folded ballot id or name → ballot id (votes.ballots)
}

// aliases are the Vietnamese (and English) headers of the columns that are
// not criteria, as they appear in real score sheets.
var aliases = map[string]key{
	"member": {kind: keyMember}, "mã": {kind: keyMember}, "mã đơn vị": {kind: keyMember},
	"mã đv": {kind: keyMember}, "mã số": {kind: keyMember}, "ký hiệu": {kind: keyMember},
	"id": {kind: keyMember}, "ma don vi": {kind: keyMember},

	"name": {kind: keyName}, "tên đơn vị": {kind: keyName}, "đơn vị": {kind: keyName},
	"tên": {kind: keyName}, "tên cơ quan, đơn vị": {kind: keyName}, "cơ quan, đơn vị": {kind: keyName},
	"đơn vị thành viên": {kind: keyName}, "ten don vi": {kind: keyName}, "don vi": {kind: keyName},

	"stage": {kind: keyStage}, "giai đoạn": {kind: keyStage}, "giai đoạn chấm": {kind: keyStage},
	"vòng chấm": {kind: keyStage}, "bước chấm": {kind: keyStage}, "lần chấm": {kind: keyStage},

	"assessor": {kind: keyAssessor}, "người chấm": {kind: keyAssessor}, "đơn vị chấm": {kind: keyAssessor},
	"chấm chéo": {kind: keyAssessor}, "đơn vị chấm chéo": {kind: keyAssessor},

	"votes": {kind: keyVotes, sub: "for"}, "phiếu tán thành": {kind: keyVotes, sub: "for"},
	"số phiếu tán thành": {kind: keyVotes, sub: "for"}, "số phiếu": {kind: keyVotes, sub: "for"},
	"phiếu bầu": {kind: keyVotes, sub: "for"}, "số phiếu bầu": {kind: keyVotes, sub: "for"},
	"phiếu không tán thành": {kind: keyVotes, sub: "against"}, "không tán thành": {kind: keyVotes, sub: "against"},
	"phiếu trắng": {kind: keyVotes, sub: "abstain"}, "không biểu quyết": {kind: keyVotes, sub: "abstain"},
	"phiếu không biểu quyết": {kind: keyVotes, sub: "abstain"},

	"khen thưởng năm trước": {kind: keyHistory}, "danh hiệu năm trước": {kind: keyHistory},
	"hình thức khen thưởng năm trước": {kind: keyHistory},

	"count": {kind: keyCount}, "số lần": {kind: keyCount}, "số lượng": {kind: keyCount},

	"stt": {kind: keyIgnore}, "tt": {kind: keyIgnore}, "số tt": {kind: keyIgnore},
	"tổng": {kind: keyIgnore}, "tổng cộng": {kind: keyIgnore}, "cộng": {kind: keyIgnore},
	"tổng điểm": {kind: keyIgnore}, "tổng số điểm": {kind: keyIgnore}, "điểm tối đa": {kind: keyIgnore},
	"tối đa": {kind: keyIgnore}, "điểm chuẩn": {kind: keyIgnore}, "thang điểm": {kind: keyIgnore},
	"ghi chú": {kind: keyIgnore}, "xếp hạng": {kind: keyIgnore}, "hạng": {kind: keyIgnore},
	"max": {kind: keyIgnore}, "cách nhập": {kind: keyIgnore}, "nội dung": {kind: keyIgnore},
	"nội dung tiêu chí": {kind: keyIgnore}, "tiêu chí": {kind: keyIgnore},
}

// bandLabels start the rows of a header band that are not data (the row of
// maxima, of instructions, of column numbers).
var bandLabels = map[string]bool{
	"điểm tối đa": true, "tối đa": true, "điểm chuẩn": true, "thang điểm": true, "max": true,
	"cách nhập": true, "hướng dẫn": true, "tổng": true, "tổng cộng": true, "cộng": true,
	"tổng số": true, "cộng điểm": true, "total": true, "bình quân": true, "trung bình": true,
}

var columnNumber = regexp.MustCompile(`^\(?[0-9]+\)?$`)

// historyHeader is a header such as "Khen thưởng năm 2019".
var historyHeader = regexp.MustCompile(`^(khen thưởng|danh hiệu|hình thức khen thưởng)( đã nhận)? năm ([0-9]{4})$`)

func newMatcher(rb *rules.Rulebook) *matcher {
	m := &matcher{rb: rb, byID: map[string]key{}, byFold: map[string]key{}, stages: map[string]string{}, awards: map[string]string{}, ballots: map[string]string{}}
	add := func(id, name string, k key) {
		if _, dup := m.byID[id]; !dup {
			m.byID[id] = k
		}
		for _, s := range []string{id, name} {
			if f := fold(s); f != "" {
				if _, dup := m.byFold[f]; !dup {
					m.byFold[f] = k
				}
			}
		}
	}
	for _, n := range rb.Nodes() {
		if n.IsGroup() {
			add(n.ID, n.Name, key{kind: keyGroup, id: n.ID})
			continue
		}
		m.leaves = append(m.leaves, n)
		add(n.ID, n.Name, key{kind: keyCriterion, id: n.ID})
		for _, sd := range signedSides(n) {
			add(n.ID+sd.suffix, "", key{kind: keyCriterion, id: n.ID, side: sd.suffix})
		}
	}
	for _, it := range rb.Bonus().Items {
		add(it.ID, it.Name, key{kind: keyBonus, id: it.ID})
	}
	for _, it := range rb.Deductions().Items {
		add(it.ID, it.Name, key{kind: keyDeduction, id: it.ID})
	}
	for _, f := range rb.Facts() {
		add(f.ID, f.Name, key{kind: keyFact, id: f.ID})
	}
	for _, s := range rb.Assessment().Stages {
		m.stageIDs = append(m.stageIDs, s.ID)
		m.stages[fold(s.ID)] = s.ID
		m.stages[fold(s.Name)] = s.ID
		m.stages["điểm "+fold(s.Name)] = s.ID
	}
	for _, a := range rb.Awards() {
		m.awards[fold(a.ID)] = a.ID
		m.awards[fold(a.Name)] = a.ID
	}
	for _, b := range rb.Votes().Ballots {
		for _, s := range []string{b.ID, b.Name} {
			if f := fold(s); f != "" {
				if _, dup := m.ballots[f]; !dup {
					m.ballots[f] = b.ID
				}
			}
		}
	}
	return m
}

// parseKey reads a key as a mapping file or the template writes it. It
// reports an error for a key that names nothing in the rulebook.
func (m *matcher) parseKey(s string) (key, error) {
	s = clean(s)
	prefix, rest, has := strings.Cut(s, ":")
	if !has {
		switch strings.ToLower(s) {
		case "member", "member:id", "id":
			return key{kind: keyMember}, nil
		case "name":
			return key{kind: keyName}, nil
		case "stage":
			return key{kind: keyStage}, nil
		case "assessor":
			return key{kind: keyAssessor}, nil
		case "count":
			return key{kind: keyCount}, nil
		case "label":
			return key{kind: keyLabel}, nil
		case "ignore", "":
			return key{kind: keyIgnore}, nil
		case "votes":
			return key{kind: keyVotes, sub: "for"}, nil
		case "history":
			return key{kind: keyHistory}, nil
		}
		return m.criterionKey(s)
	}
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(strings.TrimSpace(prefix)) {
	case "member":
		if rest == "name" {
			return key{kind: keyName}, nil
		}
		if rest == "id" {
			return key{kind: keyMember}, nil
		}
	case "criterion":
		return m.criterionKey(rest)
	case "target":
		n, ok := m.rb.Node(rest)
		if !ok || n.IsGroup() {
			return key{}, newProblem(lang.Msg("xlsx.key.criterion", strconv.Quote(s), strconv.Quote(rest)))
		}
		return key{kind: keyTarget, id: rest}, nil
	case "bonus":
		if _, ok := m.rb.BonusItem(rest); !ok {
			return key{}, newProblem(lang.Msg("xlsx.key.bonus", strconv.Quote(s), strconv.Quote(rest)))
		}
		return key{kind: keyBonus, id: rest}, nil
	case "deduction":
		if _, ok := m.rb.DeductionItem(rest); !ok {
			return key{}, newProblem(lang.Msg("xlsx.key.deduction", strconv.Quote(s), strconv.Quote(rest)))
		}
		return key{kind: keyDeduction, id: rest}, nil
	case "note":
		_, b := m.rb.BonusItem(rest)
		_, d := m.rb.DeductionItem(rest)
		if !b && !d {
			return key{}, newProblem(lang.Msg("xlsx.key.item", strconv.Quote(s), strconv.Quote(rest)))
		}
		return key{kind: keyNote, id: rest}, nil
	case "fact":
		if _, ok := m.rb.Fact(rest); !ok {
			return key{}, newProblem(lang.Msg("xlsx.key.fact", strconv.Quote(s), strconv.Quote(rest)))
		}
		return key{kind: keyFact, id: rest}, nil
	case "votes":
		sub, ballot, named := strings.Cut(rest, "@")
		switch sub {
		case "for", "against", "abstain":
		default:
			return key{}, newProblem(lang.Msg("xlsx.key.votes", strconv.Quote(s)))
		}
		if named {
			if _, ok := m.rb.Ballot(ballot); !ok {
				return key{}, newProblem(lang.Msg("xlsx.key.ballot", strconv.Quote(s), strconv.Quote(ballot), m.ballotIDs()))
			}
		}
		return key{kind: keyVotes, sub: sub, ballot: ballot}, nil
	case "history":
		y, err := strconv.Atoi(rest)
		if err != nil || y < 1900 || y > 9999 {
			return key{}, newProblem(lang.Msg("xlsx.key.history", strconv.Quote(s)))
		}
		return key{kind: keyHistory, year: y}, nil
	case "stage":
		if _, _, ok := m.rb.Stage(rest); !ok {
			return key{}, newProblem(lang.Msg("xlsx.key.stage", strconv.Quote(s), strconv.Quote(rest), strings.Join(m.stageIDs, ", ")))
		}
		return key{kind: keyStageValue, id: rest}, nil
	}
	return key{}, newProblem(lang.Msg("xlsx.key.unknown", strconv.Quote(s)))
}

// criterionKey reads "03" or "03@cluster", and a signed criterion's
// counts "3.2+" and "3.2-" (or "3.2+@cluster").
func (m *matcher) criterionKey(s string) (key, error) {
	id, stage, _ := strings.Cut(s, "@")
	side := ""
	n, ok := m.rb.Node(id)
	if !ok {
		if k, found := m.byID[id]; found && k.kind == keyCriterion && k.side != "" {
			n, ok = m.rb.Node(k.id)
			id, side = k.id, k.side
		}
	}
	if !ok {
		return key{}, newProblem(lang.Msg("xlsx.key.criterion", strconv.Quote(s), strconv.Quote(id)))
	}
	if n.IsGroup() {
		return key{kind: keyGroup, id: id}, nil
	}
	k := key{kind: keyCriterion, id: id, side: side}
	if stage != "" {
		if _, _, ok := m.rb.Stage(stage); !ok {
			return key{}, newProblem(lang.Msg("xlsx.key.stage", strconv.Quote(s), strconv.Quote(stage), strings.Join(m.stageIDs, ", ")))
		}
		k.stage = stage
	}
	return k, nil
}

// header recognises a header cell: a key written as the template writes
// it, a criterion, item or fact by its id or name ("03", "Kế hoạch…",
// "1.1. Kết quả …", "Tiêu chí 1.1", a name followed by "(10 điểm)"), or one
// of the usual Vietnamese column headers.
func (m *matcher) header(text string) (key, bool) {
	t := clean(text)
	if t == "" || len(t) > 1000 {
		return key{}, false
	}
	if k, ok := m.byID[t]; ok {
		return k, true
	}
	if strings.ContainsAny(t, ":@") && !strings.ContainsAny(t, " \n") {
		if k, err := m.parseKey(t); err == nil && k.kind != keyIgnore {
			return k, true
		}
	}
	f := fold(t)
	if k, ok := m.folded(f); ok {
		return k, true
	}
	// A trailing parenthesis: "(10 điểm)", "(số lần)" or a key "(votes:for)".
	if i := strings.LastIndex(f, "("); i > 0 && strings.HasSuffix(f, ")") {
		inner := strings.TrimSpace(f[i+1 : len(f)-1])
		if k, err := m.parseKey(inner); err == nil && k.kind != keyIgnore && strings.ContainsAny(inner, ":@") {
			return k, true
		}
		if k, ok := m.folded(strings.TrimSpace(f[:i])); ok {
			return k, true
		}
		f = strings.TrimSpace(f[:i])
	}
	f = strings.TrimPrefix(f, "tiêu chí ")
	if k, ok := m.folded(f); ok {
		return k, true
	}
	if h := historyHeader.FindStringSubmatch(f); h != nil {
		y, _ := strconv.Atoi(h[3])
		return key{kind: keyHistory, year: y}, true
	}
	// "1.1. Kết quả thực hiện …": an id, a separator and the name (or nothing).
	for _, n := range m.leaves {
		id := fold(n.ID)
		if id == "" || !strings.HasPrefix(f, id) || len(f) == len(id) {
			continue
		}
		rest := f[len(id):]
		if !strings.ContainsAny(rest[:1], " .:)-–") {
			continue
		}
		rest = strings.TrimLeft(rest, " .:)-–")
		if rest == "" || rest == fold(n.Name) {
			return key{kind: keyCriterion, id: n.ID}, true
		}
	}
	return key{}, false
}

func (m *matcher) folded(f string) (key, bool) {
	if k, ok := m.byFold[f]; ok {
		return k, true
	}
	if k, ok := aliases[f]; ok {
		return k, true
	}
	return key{}, false
}

// stage recognises an assessment stage by its id or name ("cluster", "Cụm
// chấm", "Điểm cụm chấm").
func (m *matcher) stage(text string) (string, bool) {
	f := fold(text)
	if i := strings.LastIndex(f, "("); i > 0 && strings.HasSuffix(f, ")") {
		if id, ok := m.stages[strings.TrimSpace(f[i+1:len(f)-1])]; ok {
			return id, true
		}
		f = strings.TrimSpace(f[:i])
	}
	id, ok := m.stages[f]
	return id, ok
}

// ballot recognises a named ballot by its id or name, or by a label that
// ends with its id in parentheses ("Bỏ phiếu mức Hoàn thành tốt (tot)").
func (m *matcher) ballot(text string) (string, bool) {
	if len(m.ballots) == 0 {
		return "", false
	}
	f := fold(text)
	if id, ok := m.ballots[f]; ok {
		return id, true
	}
	if i := strings.LastIndex(f, "("); i > 0 && strings.HasSuffix(f, ")") {
		if id, ok := m.ballots[strings.TrimSpace(f[i+1:len(f)-1])]; ok {
			return id, true
		}
		if id, ok := m.ballots[strings.TrimSpace(f[:i])]; ok {
			return id, true
		}
	}
	return "", false
}

// ballotIDs lists the rulebook's named ballots for messages: "xuat_sac,
// tot", or "—" when it lists none.
func (m *matcher) ballotIDs() string {
	var ids []string
	for _, b := range m.rb.Votes().Ballots {
		ids = append(ids, b.ID)
	}
	if len(ids) == 0 {
		return "—"
	}
	return strings.Join(ids, ", ")
}

// stageNames lists the stages for messages: "Tự chấm (self), Cụm chấm (cluster)".
func (m *matcher) stageNames() string {
	var out []string
	for _, s := range m.rb.Assessment().Stages {
		out = append(out, fmt.Sprintf("%s (%s)", s.Name, s.ID))
	}
	return strings.Join(out, ", ")
}

// award returns the award tier id for a tier's id or name, or the text as
// written if it names no tier of the rulebook (an award of another kind).
func (m *matcher) award(text string) string {
	if id, ok := m.awards[fold(text)]; ok {
		return id
	}
	return clean(text)
}

// isBandLabel reports whether a text in the member column marks a row of
// the header band (or a total row) rather than a member.
func (m *matcher) isBandLabel(text string) bool {
	f := fold(text)
	if bandLabels[f] || columnNumber.MatchString(f) {
		return true
	}
	if k, ok := aliases[f]; ok && k.kind != keyVotes {
		return true
	}
	return false
}
