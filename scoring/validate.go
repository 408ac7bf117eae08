package scoring

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// input is a validated sheet, indexed for scoring. Members are sorted by id,
// so everything computed from it is independent of row order.
type input struct {
	rb      *rules.Rulebook
	nodes   []rules.Node
	assess  rules.Assessment
	roots   []int
	members []Member
	mIdx    map[string]int

	// per member, per node index
	values   [][]*leafInput
	assigned [][]bool
	targets  [][]decimal.Decimal

	bonus      []map[string]Occurrences
	deductions []map[string]Occurrences
	facts      []map[string]bool
	votes      []Vote
	hasBallot  bool
	rejected   map[[2]int]bool // member, node with a value that was refused
	year       int
	past       [][]PastAward // per member, newest first
	entitled   int
	present    int
}

// leafInput is every raw value given for one member and criterion, by stage
// (in rulebook stage order).
type leafInput struct {
	stages [][]Entry // indexed by stage position; each list sorted by assessor
}

type checker struct {
	errs InputErrors
}

func (c *checker) add(src Source, member, crit string, m lang.Message) {
	c.errs = append(c.errs, inputError(src, member, crit, m))
}

// first says where the other of two duplicate rows is (prev), seen from
// the row reported (cur), if known: the part {p0} of the message about a
// duplicate, which is the zero message (written as nothing) if the first
// row's line is not known.
func first(prev, cur Source) lang.Message {
	switch {
	case prev.Line == 0:
		return lang.Message{}
	case prev.File != cur.File:
		return lang.Msg("input.also.file", prev.File, prev.Line)
	}
	return lang.Msg("input.also.line", prev.Line)
}

// twice is a message about a duplicate row, with where the first one is.
func twice(key string, prev, cur Source, args ...any) lang.Message {
	return lang.Msg(key, args...).With(first(prev, cur))
}

// index validates the sheet against the rulebook and indexes it.
func index(rb *rules.Rulebook, sh *Sheet) (*input, error) {
	c := &checker{}
	in := &input{rb: rb, nodes: rb.Nodes(), assess: rb.Assessment(), roots: rb.Roots(), mIdx: map[string]int{}, rejected: map[[2]int]bool{}}

	if sh.Year != 0 && !rb.InForce().Contains(sh.Year) {
		c.add(Source{}, "", "", lang.Msg("input.year.not_in_force", sh.Year, rb.ID(), rb.Version(), rb.InForce().String()))
	}
	if len(sh.Members) == 0 {
		c.add(Source{}, "", "", lang.Msg("input.no_members"))
	}
	members := slices.Clone(sh.Members)
	slices.SortStableFunc(members, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) })
	if msg, bad := badChar(sh.Cluster, false, lang.Msg("identity.what.cluster", strconv.Quote(sh.Cluster))); bad {
		c.add(Source{}, "", "", msg)
	}
	for _, m := range members {
		if strings.TrimSpace(m.ID) == "" {
			c.add(m.Source, "", "", lang.Msg("input.member.no_id"))
			continue
		}
		if c.identity(m) && strings.TrimSpace(m.ID) != m.ID {
			c.add(m.Source, m.ID, "", lang.Msg("input.member.spaces", strconv.Quote(m.ID)))
		}
		if prev, dup := in.mIdx[m.ID]; dup {
			c.add(m.Source, m.ID, "", twice("input.member.twice", in.members[prev].Source, m.Source))
			continue
		}
		if strings.TrimSpace(m.Name) == "" {
			m.Name = m.ID
		}
		in.mIdx[m.ID] = len(in.members)
		in.members = append(in.members, m)
	}
	nm, nn := len(in.members), len(in.nodes)
	in.values = make([][]*leafInput, nm)
	in.assigned = make([][]bool, nm)
	in.targets = make([][]decimal.Decimal, nm)
	in.bonus = make([]map[string]Occurrences, nm)
	in.deductions = make([]map[string]Occurrences, nm)
	in.facts = make([]map[string]bool, nm)
	in.votes = make([]Vote, nm)
	for i := range nm {
		in.values[i] = make([]*leafInput, nn)
		in.assigned[i] = make([]bool, nn)
		for j := range in.assigned[i] {
			in.assigned[i][j] = true
		}
		in.targets[i] = make([]decimal.Decimal, nn)
		in.bonus[i] = map[string]Occurrences{}
		in.deductions[i] = map[string]Occurrences{}
		in.facts[i] = map[string]bool{}
	}

	c.notAssigned(in, sh.NotAssigned)
	c.scores(in, sh.Scores)
	c.targets(in, sh.Targets)
	c.missing(in)
	c.occurrences(in, sh.Bonuses, bonusKeys, rb.BonusItem, in.bonus)
	c.occurrences(in, sh.Deductions, deductionKeys, rb.DeductionItem, in.deductions)
	c.facts(in, sh.Facts)
	c.ballot(in, sh)
	if sh.Year == 0 {
		for _, tb := range rb.TieBreaks() {
			if tb.Kind == rules.NoAwardLastYear {
				c.add(Source{}, "", "", lang.Msg("input.year.needed_tiebreak", string(rules.NoAwardLastYear)))
				break
			}
		}
		for _, cond := range rb.Eligibility() {
			if cond.MaxConsecutive != nil {
				c.add(Source{}, "", "", lang.Msg("input.year.needed_condition", cond.ID))
			}
		}
	}
	in.year = sh.Year
	in.past = make([][]PastAward, len(in.members))
	for _, h := range sh.History {
		if m, ok := in.mIdx[h.Member]; ok {
			in.past[m] = append(in.past[m], h)
		}
	}
	for m := range in.past {
		slices.SortStableFunc(in.past[m], func(a, b PastAward) int { return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(a.Award, b.Award)) })
	}
	c.lots(in, sh.Lots)
	for _, h := range sh.History {
		if h.Year == 0 || strings.TrimSpace(h.Award) == "" || strings.TrimSpace(h.Member) == "" {
			c.add(h.Source, h.Member, "", lang.Msg("input.history.incomplete"))
		}
	}
	if len(c.errs) > 0 {
		slices.SortStableFunc(c.errs, func(a, b *InputError) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, c.errs
	}
	return in, nil
}

func (c *checker) member(in *input, id string, src Source) (int, bool) {
	i, ok := in.mIdx[id]
	if !ok {
		c.add(src, id, "", lang.Msg("input.member.unknown", strconv.Quote(id)))
	}
	return i, ok
}

func (c *checker) node(in *input, member, id string, src Source) (rules.Node, bool) {
	n, ok := in.rb.Node(id)
	if !ok {
		c.add(src, member, id, lang.Msg("input.criterion.unknown", strconv.Quote(id), in.rb.ID()))
	}
	return n, ok
}

func (c *checker) notAssigned(in *input, as []Assignment) {
	seen := map[[2]string]Source{}
	for _, a := range as {
		m, okm := c.member(in, a.Member, a.Source)
		n, okn := c.node(in, a.Member, a.Criterion, a.Source)
		if !okm || !okn {
			continue
		}
		k := [2]string{a.Member, a.Criterion}
		if prev, dup := seen[k]; dup {
			c.add(a.Source, a.Member, a.Criterion, twice("input.not_assigned.twice", prev, a.Source))
			continue
		}
		seen[k] = a.Source
		var mark func(i int)
		mark = func(i int) {
			in.assigned[m][i] = false
			for _, k := range in.nodes[i].Kids {
				mark(k)
			}
		}
		mark(n.Index)
	}
	// A group all of whose criteria are not assigned is not assigned either;
	// a member with nothing assigned cannot be scored.
	for m := range in.members {
		for i := len(in.nodes) - 1; i >= 0; i-- {
			if n := in.nodes[i]; len(n.Kids) > 0 {
				any := false
				for _, k := range n.Kids {
					any = any || in.assigned[m][k]
				}
				in.assigned[m][i] = any
			}
		}
		any := false
		for _, r := range in.roots {
			any = any || in.assigned[m][r]
		}
		if !any {
			c.add(Source{}, in.members[m].ID, "", lang.Msg("input.member.nothing_assigned"))
		}
	}
}

func (c *checker) scores(in *input, scores []Entry) {
	type key struct{ m, crit, stage, assessor string }
	seen := make(map[key]Source, len(scores))
	for _, s := range scores {
		m, okm := c.member(in, s.Member, s.Source)
		n, okn := c.node(in, s.Member, s.Criterion, s.Source)
		st, pos, oks := in.rb.Stage(s.Stage)
		if !oks {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.stage.unknown", strconv.Quote(s.Stage), stageList(in.rb)))
		}
		if !okm || !okn || !oks {
			if okm && okn {
				in.rejected[[2]int{in.mIdx[s.Member], n.Index}] = true
			}
			continue
		}
		k := key{s.Member, s.Criterion, s.Stage, s.Assessor}
		if prev, dup := seen[k]; dup {
			m := twice("input.score.twice", prev, s.Source, st.ID)
			if s.Assessor != "" {
				m = twice("input.score.twice_by", prev, s.Source, st.ID, s.Assessor)
			}
			c.add(s.Source, s.Member, s.Criterion, m)
			continue
		}
		seen[k] = s.Source
		if n.IsGroup() {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.score.group", strconv.Quote(s.Criterion), kidList(in, n)))
			continue
		}
		if !in.assigned[m][n.Index] {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.score.not_assigned"))
			continue
		}
		if !c.value(s, n) {
			in.rejected[[2]int{m, n.Index}] = true
			continue
		}
		li := in.values[m][n.Index]
		if li == nil {
			li = &leafInput{stages: make([][]Entry, len(in.assess.Stages))}
			in.values[m][n.Index] = li
		}
		li.stages[pos] = append(li.stages[pos], s)
	}
	for m := range in.values {
		for i, li := range in.values[m] {
			if li == nil {
				continue
			}
			n := in.nodes[i]
			for pos, ss := range li.stages {
				slices.SortFunc(ss, func(a, b Entry) int { return cmp.Compare(a.Assessor, b.Assessor) })
				li.stages[pos] = ss
				if len(ss) > 1 && n.Method == rules.Relative {
					c.add(ss[1].Source, in.members[m].ID, n.ID, lang.Msg("input.relative.several", len(ss), ss[0].Stage))
				}
				if len(ss) > 1 && hasEmptyAssessor(ss) {
					c.add(ss[0].Source, in.members[m].ID, n.ID, lang.Msg("input.assessor.missing", ss[0].Stage))
				}
				st := in.assess.Stages[pos]
				if st.Aggregate == rules.TrimmedMean && len(ss) > 0 && ss[0].Assessor != "" && len(ss) <= 2*st.Trim {
					c.add(ss[0].Source, in.members[m].ID, n.ID, lang.Msg("input.assessor.too_few", st.ID, len(ss), st.Trim, st.Trim, 2*st.Trim+1))
				}
			}
		}
	}
}

func hasEmptyAssessor(ss []Entry) bool {
	for _, s := range ss {
		if s.Assessor == "" {
			return true
		}
	}
	return false
}

// value checks a raw value against its criterion's method.
func (c *checker) value(s Entry, n rules.Node) bool {
	bad := func(key string, args ...any) bool {
		c.add(s.Source, s.Member, s.Criterion, lang.Msg(key, args...))
		return false
	}
	d, dep := domainOf(n)
	switch {
	case d.Min != nil && s.Value.LessThan(*d.Min):
		return bad("input.value.negative", s.Value)
	case dep == OnBallot:
		return bad("input.value.votes")
	case d.Kind == Binary && !d.Accepts(s.Value):
		return bad("input.value.pass_fail", s.Value)
	case !d.InBounds(s.Value):
		return bad("input.value.above_max", s.Value, n.Max)
	case !d.OnGrid(s.Value):
		return bad("input.value.per_occurrence", s.Value)
	}
	return true
}

func (c *checker) targets(in *input, ts []Target) {
	seen := map[[2]string]Source{}
	for _, t := range ts {
		m, okm := c.member(in, t.Member, t.Source)
		n, okn := c.node(in, t.Member, t.Criterion, t.Source)
		if !okm || !okn {
			continue
		}
		k := [2]string{t.Member, t.Criterion}
		if prev, dup := seen[k]; dup {
			c.add(t.Source, t.Member, t.Criterion, twice("input.target.twice", prev, t.Source))
			continue
		}
		seen[k] = t.Source
		if n.Method != rules.Ratio && n.Method != rules.Relative {
			m := lang.Msg("input.target.method", string(n.Method))
			if n.IsGroup() {
				m = lang.Msg("input.target.group")
			}
			c.add(t.Source, t.Member, t.Criterion, m)
			continue
		}
		if !t.Value.IsPositive() {
			c.add(t.Source, t.Member, t.Criterion, lang.Msg("input.target.not_positive", t.Value))
			continue
		}
		in.targets[m][n.Index] = t.Value
	}
}

// hasCounted reports whether member m has a value for node i at a stage that
// can count (any stage, or the named one if the rulebook counts only that).
func (in *input) hasCounted(m, i int) bool {
	li := in.values[m][i]
	if li == nil {
		return false
	}
	a := in.assess
	if a.Counts != rules.NamedPick {
		return true
	}
	_, pos, _ := in.rb.Stage(a.Stage)
	return len(li.stages[pos]) > 0
}

// missing reports assigned criteria with no value (unless the rulebook
// scores them zero) and ratio/relative criteria with no target.
func (c *checker) missing(in *input) {
	policy := in.rb.Missing()
	for m, mem := range in.members {
		var missing []string
		for i, n := range in.nodes {
			if n.IsGroup() || !in.assigned[m][i] {
				continue
			}
			if n.Method == rules.Votes {
				continue
			}
			if !in.hasCounted(m, i) && !in.rejected[[2]int{m, i}] && policy == rules.MissingIsError {
				missing = append(missing, n.ID)
			}
			if (n.Method == rules.Ratio || n.Method == rules.Relative) && in.targets[m][i].IsZero() {
				if n.Target.IsZero() {
					c.add(mem.Source, mem.ID, n.ID, lang.Msg("input.target.missing"))
				} else {
					in.targets[m][i] = n.Target
				}
			}
		}
		for _, id := range missing {
			m := lang.Msg("input.score.missing")
			if a := in.assess; a.Counts == rules.NamedPick {
				m = lang.Msg("input.score.missing_stage", a.Stage)
			}
			c.add(mem.Source, mem.ID, id, m)
		}
	}
}

// occurrenceKeys are the message keys of the problems with bonus or
// deduction rows.
type occurrenceKeys struct{ unknown, negative, twice string }

var (
	bonusKeys     = occurrenceKeys{"input.bonus.unknown", "input.bonus.negative", "input.bonus.twice"}
	deductionKeys = occurrenceKeys{"input.deduction.unknown", "input.deduction.negative", "input.deduction.twice"}
)

func (c *checker) occurrences(in *input, occ []Occurrences, keys occurrenceKeys, lookup func(string) (rules.Item, bool), into []map[string]Occurrences) {
	for _, o := range occ {
		m, okm := c.member(in, o.Member, o.Source)
		if _, ok := lookup(o.Item); !ok {
			c.add(o.Source, o.Member, o.Item, lang.Msg(keys.unknown, strconv.Quote(o.Item)))
			continue
		}
		if !okm {
			continue
		}
		if o.Count < 0 {
			c.add(o.Source, o.Member, o.Item, lang.Msg(keys.negative, o.Count))
			continue
		}
		if prev, dup := into[m][o.Item]; dup {
			c.add(o.Source, o.Member, o.Item, twice(keys.twice, prev.Source, o.Source))
			continue
		}
		into[m][o.Item] = o
	}
}

func (c *checker) facts(in *input, fs []FactValue) {
	srcs := map[[2]string]Source{}
	for _, f := range fs {
		m, okm := c.member(in, f.Member, f.Source)
		if _, ok := in.rb.Fact(f.Fact); !ok {
			c.add(f.Source, f.Member, f.Fact, lang.Msg("input.fact.unknown", strconv.Quote(f.Fact)))
			continue
		}
		if !okm {
			continue
		}
		k := [2]string{f.Member, f.Fact}
		if prev, dup := srcs[k]; dup {
			c.add(f.Source, f.Member, f.Fact, twice("input.fact.twice", prev, f.Source))
			continue
		}
		srcs[k] = f.Source
		in.facts[m][f.Fact] = f.Value
	}
	for _, fact := range in.rb.Facts() {
		for m, mem := range in.members {
			if _, ok := in.facts[m][fact.ID]; ok {
				continue
			}
			if fact.Default == nil {
				c.add(mem.Source, mem.ID, fact.ID, lang.Msg("input.fact.not_stated", fact.Name))
				continue
			}
			in.facts[m][fact.ID] = *fact.Default
		}
	}
}

func (c *checker) ballot(in *input, sh *Sheet) {
	uses := ballotUses(in.rb)
	b := sh.Ballot
	if b == nil {
		if len(uses) > 0 {
			c.add(Source{}, "", "", lang.Msg("input.ballot.missing").With(uses...))
		}
		return
	}
	in.hasBallot = true
	in.entitled = b.Entitled
	if in.entitled == 0 {
		in.entitled = len(in.members)
	}
	in.present = b.Present
	if in.present == 0 {
		in.present = in.entitled
	}
	if b.Entitled < 0 || b.Present < 0 {
		c.add(b.Source, "", "", lang.Msg("input.ballot.negative"))
	}
	if in.present > in.entitled {
		c.add(b.Source, "", "", lang.Msg("input.ballot.present", in.present, in.entitled))
	}
	seen := map[string]Source{}
	for _, v := range b.Votes {
		m, ok := c.member(in, v.Member, v.Source)
		if !ok {
			continue
		}
		if prev, dup := seen[v.Member]; dup {
			c.add(v.Source, v.Member, "", twice("input.votes.twice", prev, v.Source))
			continue
		}
		seen[v.Member] = v.Source
		if v.For < 0 || v.Against < 0 || v.Abstain < 0 {
			c.add(v.Source, v.Member, "", lang.Msg("input.votes.negative"))
			continue
		}
		if v.For+v.Against+v.Abstain > in.present {
			c.add(v.Source, v.Member, "", lang.Msg("input.votes.too_many", v.For, v.Against, v.Abstain, in.present))
			continue
		}
		in.votes[m] = v
	}
}

// ballotUses names the parts of a rulebook that need a ballot, if any.
func ballotUses(rb *rules.Rulebook) []lang.Message {
	var uses []lang.Message
	for _, n := range rb.Nodes() {
		if !n.IsGroup() && n.Method == rules.Votes {
			uses = append(uses, lang.Msg("input.ballot.use.criterion", n.ID))
		}
	}
	for _, cond := range rb.Eligibility() {
		if cond.MinVotes != nil {
			uses = append(uses, lang.Msg("input.ballot.use.condition", cond.ID))
		}
	}
	for _, tb := range rb.TieBreaks() {
		if tb.Kind == rules.MoreVotes {
			uses = append(uses, lang.Msg("input.ballot.use.tiebreak", string(rules.MoreVotes)))
		}
	}
	return uses
}

func (c *checker) lots(in *input, order []string) {
	seen := map[string]bool{}
	for _, id := range order {
		if _, ok := in.mIdx[id]; !ok {
			c.add(Source{}, id, "", lang.Msg("input.lots.unknown", strconv.Quote(id)))
		}
		if seen[id] {
			c.add(Source{}, id, "", lang.Msg("input.lots.twice"))
		}
		seen[id] = true
	}
}

func stageList(rb *rules.Rulebook) string {
	var ids []string
	for _, s := range rb.Assessment().Stages {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}

func kidList(in *input, n rules.Node) string {
	var ids []string
	for _, k := range n.Kids {
		ids = append(ids, in.nodes[k].ID)
	}
	return strings.Join(ids, ", ")
}
