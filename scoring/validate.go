package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

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

func (c *checker) add(src Source, member, crit, format string, args ...any) {
	c.errs = append(c.errs, &InputError{File: src.File, Line: src.Line, Member: member, Criterion: crit, Msg: fmt.Sprintf(format, args...)})
}

// first says where the other of two duplicate rows is (prev), seen from
// the row reported (cur), if known.
func first(prev, cur Source) string {
	switch {
	case prev.Line == 0:
		return ""
	case prev.File != cur.File:
		return fmt.Sprintf(" (also given at %s:%d)", prev.File, prev.Line)
	}
	return fmt.Sprintf(" (also given on line %d)", prev.Line)
}

// index validates the sheet against the rulebook and indexes it.
func index(rb *rules.Rulebook, sh *Sheet) (*input, error) {
	c := &checker{}
	in := &input{rb: rb, nodes: rb.Nodes(), assess: rb.Assessment(), roots: rb.Roots(), mIdx: map[string]int{}, rejected: map[[2]int]bool{}}

	if sh.Year != 0 && !rb.InForce().Contains(sh.Year) {
		c.add(Source{}, "", "", "the sheet is for %d but rulebook %s (version %s) is in force %s", sh.Year, rb.ID(), rb.Version(), rb.InForce())
	}
	if len(sh.Members) == 0 {
		c.add(Source{}, "", "", "the sheet lists no members")
	}
	members := slices.Clone(sh.Members)
	slices.SortStableFunc(members, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) })
	for _, m := range members {
		switch {
		case strings.TrimSpace(m.ID) == "":
			c.add(m.Source, "", "", "a member needs an id")
			continue
		case strings.TrimSpace(m.ID) != m.ID:
			c.add(m.Source, m.ID, "", "member id %q has surrounding spaces", m.ID)
		}
		if prev, dup := in.mIdx[m.ID]; dup {
			c.add(m.Source, m.ID, "", "member listed twice%s", first(in.members[prev].Source, m.Source))
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
	c.occurrences(in, sh.Bonuses, "bonus", rb.BonusItem, in.bonus)
	c.occurrences(in, sh.Deductions, "deduction", rb.DeductionItem, in.deductions)
	c.facts(in, sh.Facts)
	c.ballot(in, sh)
	if sh.Year == 0 {
		for _, tb := range rb.TieBreaks() {
			if tb.Kind == rules.NoAwardLastYear {
				c.add(Source{}, "", "", "the rulebook's tie-break no_award_last_year looks at last year's awards, so the sheet must give its year")
				break
			}
		}
		for _, cond := range rb.Eligibility() {
			if cond.MaxConsecutive != nil {
				c.add(Source{}, "", "", "the rulebook's condition %s looks at the years before, so the sheet must give its year", cond.ID)
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
			c.add(h.Source, h.Member, "", "a past award needs a member, a year and an award")
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
		c.add(src, id, "", "unknown member %q (not in the sheet's member list)", id)
	}
	return i, ok
}

func (c *checker) node(in *input, member, id string, src Source) (rules.Node, bool) {
	n, ok := in.rb.Node(id)
	if !ok {
		c.add(src, member, id, "unknown criterion %q (not in rulebook %s)", id, in.rb.ID())
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
			c.add(a.Source, a.Member, a.Criterion, "marked not assigned twice%s", first(prev, a.Source))
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
			c.add(Source{}, in.members[m].ID, "", "no criterion is assigned to this member")
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
			c.add(s.Source, s.Member, s.Criterion, "unknown assessment stage %q (the rulebook's stages: %s)", s.Stage, stageList(in.rb))
		}
		if !okm || !okn || !oks {
			if okm && okn {
				in.rejected[[2]int{in.mIdx[s.Member], n.Index}] = true
			}
			continue
		}
		k := key{s.Member, s.Criterion, s.Stage, s.Assessor}
		if prev, dup := seen[k]; dup {
			who := ""
			if s.Assessor != "" {
				who = " by " + s.Assessor
			}
			c.add(s.Source, s.Member, s.Criterion, "a second %s score%s%s", st.ID, who, first(prev, s.Source))
			continue
		}
		seen[k] = s.Source
		if n.IsGroup() {
			c.add(s.Source, s.Member, s.Criterion, "%q is a group; score its criteria (%s)", s.Criterion, kidList(in, n))
			continue
		}
		if !in.assigned[m][n.Index] {
			c.add(s.Source, s.Member, s.Criterion, "has a score but is marked not assigned (không được giao) to this member")
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
					c.add(ss[1].Source, in.members[m].ID, n.ID, "is scored relative to the cluster and takes one measured value per stage; found %d at stage %s", len(ss), ss[0].Stage)
				}
				if len(ss) > 1 && hasEmptyAssessor(ss) {
					c.add(ss[0].Source, in.members[m].ID, n.ID, "stage %s has several scores, so each needs an assessor", ss[0].Stage)
				}
				st := in.assess.Stages[pos]
				if st.Aggregate == rules.TrimmedMean && len(ss) > 0 && ss[0].Assessor != "" && len(ss) <= 2*st.Trim {
					c.add(ss[0].Source, in.members[m].ID, n.ID, "stage %s has %d assessors; a trimmed mean dropping the %d highest and %d lowest needs at least %d", st.ID, len(ss), st.Trim, st.Trim, 2*st.Trim+1)
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
	bad := func(format string, args ...any) bool {
		c.add(s.Source, s.Member, s.Criterion, format, args...)
		return false
	}
	if s.Value.IsNegative() && n.Method != rules.Tiers {
		return bad("value must not be negative, found %s", s.Value)
	}
	switch n.Method {
	case rules.Direct:
		if s.Value.GreaterThan(n.Max) {
			return bad("%s points is above the maximum %s", s.Value, n.Max)
		}
	case rules.PassFail:
		if !s.Value.Equal(decimal.Zero) && !s.Value.Equal(decimal.NewFromInt(1)) {
			return bad("pass/fail takes 1 (đạt) or 0 (không đạt), found %s", s.Value)
		}
	case rules.PerOccurrence:
		if !s.Value.IsInteger() {
			return bad("per-occurrence takes a whole count, found %s", s.Value)
		}
	case rules.Votes:
		return bad("converts the ballot's votes into points; it takes no score (record the ballot instead)")
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
			c.add(t.Source, t.Member, t.Criterion, "a second target%s", first(prev, t.Source))
			continue
		}
		seen[k] = t.Source
		if n.Method != rules.Ratio && n.Method != rules.Relative {
			c.add(t.Source, t.Member, t.Criterion, "a target applies only to ratio and relative criteria, this one is %s", methodName(n))
			continue
		}
		if !t.Value.IsPositive() {
			c.add(t.Source, t.Member, t.Criterion, "target must be above zero, found %s", t.Value)
			continue
		}
		in.targets[m][n.Index] = t.Value
	}
}

func methodName(n rules.Node) string {
	if n.IsGroup() {
		return "a group"
	}
	return string(n.Method)
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
					c.add(mem.Source, mem.ID, n.ID, "no target: the criterion has no default target and the sheet gives none for this member")
				} else {
					in.targets[m][i] = n.Target
				}
			}
		}
		for _, id := range missing {
			msg := "no score given"
			if a := in.assess; a.Counts == rules.NamedPick {
				msg = "no score at stage " + a.Stage + ", the stage that counts"
			}
			c.add(mem.Source, mem.ID, id, "%s (the rulebook's missing-value policy is error; if the criterion does not apply, mark it not assigned)", msg)
		}
	}
}

func (c *checker) occurrences(in *input, occ []Occurrences, what string, lookup func(string) (rules.Item, bool), into []map[string]Occurrences) {
	for _, o := range occ {
		m, okm := c.member(in, o.Member, o.Source)
		if _, ok := lookup(o.Item); !ok {
			c.add(o.Source, o.Member, o.Item, "unknown %s item %q", what, o.Item)
			continue
		}
		if !okm {
			continue
		}
		if o.Count < 0 {
			c.add(o.Source, o.Member, o.Item, "%s count must not be negative, found %d", what, o.Count)
			continue
		}
		if prev, dup := into[m][o.Item]; dup {
			c.add(o.Source, o.Member, o.Item, "%s item given twice%s; give one row with the count", what, first(prev.Source, o.Source))
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
			c.add(f.Source, f.Member, f.Fact, "unknown fact %q (not declared in the rulebook)", f.Fact)
			continue
		}
		if !okm {
			continue
		}
		k := [2]string{f.Member, f.Fact}
		if prev, dup := srcs[k]; dup {
			c.add(f.Source, f.Member, f.Fact, "fact given twice%s", first(prev, f.Source))
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
				c.add(mem.Source, mem.ID, fact.ID, "fact not stated (%s) and the rulebook gives no default", fact.Name)
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
		if uses != "" {
			c.add(Source{}, "", "", "the rulebook uses the ballot (%s) but the sheet records none", uses)
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
		c.add(b.Source, "", "", "ballot: entitled and present must not be negative")
	}
	if in.present > in.entitled {
		c.add(b.Source, "", "", "ballot: %d present but only %d entitled to vote", in.present, in.entitled)
	}
	seen := map[string]Source{}
	for _, v := range b.Votes {
		m, ok := c.member(in, v.Member, v.Source)
		if !ok {
			continue
		}
		if prev, dup := seen[v.Member]; dup {
			c.add(v.Source, v.Member, "", "votes given twice%s", first(prev, v.Source))
			continue
		}
		seen[v.Member] = v.Source
		if v.For < 0 || v.Against < 0 || v.Abstain < 0 {
			c.add(v.Source, v.Member, "", "vote counts must not be negative")
			continue
		}
		if v.For+v.Against+v.Abstain > in.present {
			c.add(v.Source, v.Member, "", "%d for + %d against + %d abstaining is more than the %d present", v.For, v.Against, v.Abstain, in.present)
			continue
		}
		in.votes[m] = v
	}
}

// ballotUses names the parts of a rulebook that need a ballot, or "".
func ballotUses(rb *rules.Rulebook) string {
	var uses []string
	for _, n := range rb.Nodes() {
		if !n.IsGroup() && n.Method == rules.Votes {
			uses = append(uses, "criterion "+n.ID)
		}
	}
	for _, cond := range rb.Eligibility() {
		if cond.MinVotes != nil {
			uses = append(uses, "condition "+cond.ID)
		}
	}
	for _, tb := range rb.TieBreaks() {
		if tb.Kind == rules.MoreVotes {
			uses = append(uses, "tie-break more_votes")
		}
	}
	return strings.Join(uses, ", ")
}

func (c *checker) lots(in *input, order []string) {
	seen := map[string]bool{}
	for _, id := range order {
		if _, ok := in.mIdx[id]; !ok {
			c.add(Source{}, id, "", "the recorded drawing of lots names an unknown member %q", id)
		}
		if seen[id] {
			c.add(Source{}, id, "", "the recorded drawing of lots names the member twice")
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
