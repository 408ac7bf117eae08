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
	eng     *engine
	nodes   []rules.Node // shared with the rulebook
	assess  rules.Assessment
	roots   []int
	members []Member
	mIdx    map[string]int
	nn      int // nodes per member: a cell is member × node, index m*nn+i

	// per cell
	assigned []bool
	// per member and criterion that reads a target (tcol[node], -1 for
	// the others): the member's target
	tcol    []int
	ntcol   int
	targets []decimal.Decimal

	// The values given: the rows of cell c are rows[off[c]:off[c+1]],
	// ordered by stage, then by assessor; scores holds the sheet's rows
	// that rows index. For scoring a large sheet, vals and assessors hold
	// the rows' values and assessors instead (vals[k] is rows[k]'s), and
	// scores is dropped: the index keeps no score row of the sheet, which
	// the caller may then free (see val).
	scores    []Entry
	signed    map[int32]signedCounts // the counts of the rows combined from signed criteria's counts, by row
	off       []int32
	rows      []slotRow
	vals      []decimal.Decimal
	assessors []string

	// per member and bonus (deduction) item, by the item's place (see
	// engine.bonusPos): the occurrences given, if set
	bonus, deductions       []Occurrences
	bonusSet, deductionsSet []bool
	// per member and fact, by the fact's place (engine.factPos): 0 not
	// stated, 1 false, 2 true; and, for scoring, each member's map of
	// them (see shareFacts)
	factVal   []byte
	facts     []map[string]bool
	votes     []Vote
	hasBallot bool
	ballots   []ballotIn      // the rulebook's ballots, in its order, if it lists any
	rejected  map[[2]int]bool // member, node with a value that was refused
	year      int
	past      [][]PastAward // per member, newest first
	entitled  int
	present   int
}

// reject notes that member m gave node i a value that was refused.
func (in *input) reject(m, i int) {
	if in.rejected == nil {
		in.rejected = map[[2]int]bool{}
	}
	in.rejected[[2]int{m, i}] = true
}

// slotRow is one row of scores given for a cell, at a stage.
type slotRow struct {
	row int32 // index in input.scores
	pos int32 // the stage's position in the rulebook's stage order
}

// cell returns the rows given for member m and node i, by stage then
// assessor (none if the member has no value for it).
func (in *input) cell(m, i int) []slotRow {
	lo, hi := in.span(m, i)
	return in.rows[lo:hi]
}

// val is the value of rows[k].
func (in *input) val(k int) decimal.Decimal {
	if in.vals != nil {
		return in.vals[k]
	}
	return in.scores[in.rows[k].row].Value
}

// assessor is the assessor of rows[k].
func (in *input) assessor(k int) string {
	if in.vals != nil {
		return in.assessors[k]
	}
	return in.scores[in.rows[k].row].Assessor
}

// target is member m's target for criterion i (zero if it reads none).
func (in *input) target(m, i int) decimal.Decimal {
	if c := in.tcol[i]; c >= 0 {
		return in.targets[m*in.ntcol+c]
	}
	return decimal.Decimal{}
}

// compactRows is the number of score rows from which scoring copies what
// it reads of them, so that the sheet's rows can be freed while it
// scores; a smaller sheet's rows are read where they are.
const compactRows = 1 << 12

// span returns where the rows of member m and node i are in rows (and in
// vals and assessors).
func (in *input) span(m, i int) (lo, hi int) {
	if in.off == nil {
		return 0, 0
	}
	c := m*in.nn + i
	return int(in.off[c]), int(in.off[c+1])
}

// atStage returns a cell's rows at stage pos.
func atStage(rs []slotRow, pos int) []slotRow {
	for k := 0; k < len(rs); k++ {
		if int(rs[k].pos) == pos {
			j := k + 1
			for j < len(rs) && int(rs[j].pos) == pos {
				j++
			}
			return rs[k:j]
		}
	}
	return nil
}

type checker struct {
	errs InputErrors
	// the member found last (rows come member by member)
	lastID string
	lastM  int
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

// index validates the sheet against the rulebook and indexes it, for
// scoring if forScoring is set (see input.vals). It takes the sheet by value
// so that a caller that scores it need not keep it.
func index(rb *rules.Rulebook, sh Sheet, forScoring bool) (*input, error) {
	c := &checker{}
	e := engineOf(rb)
	in := &input{rb: rb, eng: e, nodes: e.nodes, assess: e.assess, roots: e.roots, nn: len(e.nodes),
		mIdx: make(map[string]int, len(sh.Members))}

	if sh.Year != 0 && !rb.InForce().Contains(sh.Year) {
		c.add(Source{}, "", "", lang.Msg("input.year.not_in_force", sh.Year, rb.ID(), rb.Version(), rb.InForce().String()))
	}
	if len(sh.Members) == 0 {
		c.add(Source{}, "", "", lang.Msg("input.no_members"))
	}
	members := slices.Clone(sh.Members)
	slices.SortStableFunc(members, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) })
	if msg, bad := badChar(sh.Cluster, false, "identity.what.cluster"); bad {
		c.add(Source{}, "", "", msg)
	}
	in.members = make([]Member, 0, len(members))
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
	in.assigned = make([]bool, nm*nn)
	for j := range in.assigned {
		in.assigned[j] = true
	}
	in.tcol = make([]int, nn)
	for i := range in.tcol {
		in.tcol[i] = -1
		if e.fns[i].ReadsTarget {
			in.tcol[i] = in.ntcol
			in.ntcol++
		}
	}
	in.targets = make([]decimal.Decimal, nm*in.ntcol)
	in.bonus, in.bonusSet = make([]Occurrences, nm*len(e.bonus.Items)), make([]bool, nm*len(e.bonus.Items))
	in.deductions, in.deductionsSet = make([]Occurrences, nm*len(e.deduct.Items)), make([]bool, nm*len(e.deduct.Items))
	in.factVal = make([]byte, nm*len(e.facts))
	in.votes = make([]Vote, nm)

	c.notAssigned(in, sh.NotAssigned)
	scores := sh.Scores
	if e.signed {
		scores, in.signed = combineSigned(e, scores, c, in)
	}
	c.scores(in, scores)
	c.targets(in, sh.Targets)
	c.missing(in)
	c.occurrences(in, sh.Bonuses, bonusKeys, e.bonusPos, len(e.bonus.Items), in.bonus, in.bonusSet)
	c.occurrences(in, sh.Deductions, deductionKeys, e.deductPos, len(e.deduct.Items), in.deductions, in.deductionsSet)
	c.groupItemsAssigned(in, &sh)
	c.facts(in, sh.Facts)
	c.ballot(in, &sh)
	if sh.Year == 0 {
		for _, tb := range rb.SharedTieBreaks() {
			if tb.Kind == rules.NoAwardLastYear {
				c.add(Source{}, "", "", lang.Msg("input.year.needed_tiebreak", string(rules.NoAwardLastYear)))
				break
			}
		}
		for _, cond := range rb.SharedEligibility() {
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
	c.matches(in, sh.Matches)
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
	if forScoring {
		in.shareFacts()
	}
	if forScoring && len(in.rows) >= compactRows {
		in.vals, in.assessors = make([]decimal.Decimal, len(in.rows)), make([]string, len(in.rows))
		for k, r := range in.rows {
			e := &in.scores[r.row]
			in.vals[k], in.assessors[k] = e.Value, e.Assessor
		}
		in.scores = nil
	}
	return in, nil
}

func (c *checker) member(in *input, id string, src Source) (int, bool) {
	if id == c.lastID && id != "" {
		return c.lastM, true
	}
	i, ok := in.mIdx[id]
	if ok {
		c.lastID, c.lastM = id, i
	}
	if !ok {
		c.add(src, id, "", lang.Msg("input.member.unknown", strconv.Quote(id)))
	}
	return i, ok
}

// node returns the index of the node with the given id.
func (c *checker) node(in *input, member, id string, src Source) (int, bool) {
	i, ok := in.rb.NodeIndex(id)
	if !ok {
		c.add(src, member, id, lang.Msg("input.criterion.unknown", strconv.Quote(id), in.rb.ID()))
	}
	return i, ok
}

func (c *checker) notAssigned(in *input, as []Assignment) {
	seen := map[[2]string]Source{}
	nn := in.nn
	for _, a := range as {
		m, okm := c.member(in, a.Member, a.Source)
		i, okn := c.node(in, a.Member, a.Criterion, a.Source)
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
			in.assigned[m*nn+i] = false
			for _, k := range in.nodes[i].Kids {
				mark(k)
			}
		}
		mark(i)
	}
	// A group all of whose criteria are not assigned is not assigned either;
	// a member with nothing assigned cannot be scored.
	for m := range in.members {
		assigned := in.assigned[m*nn : (m+1)*nn]
		for i := len(in.nodes) - 1; i >= 0; i-- {
			if n := &in.nodes[i]; len(n.Kids) > 0 {
				any := false
				for _, k := range n.Kids {
					any = any || assigned[k]
				}
				assigned[i] = any
			}
		}
		any := false
		for _, r := range in.roots {
			any = any || assigned[r]
		}
		if !any {
			c.add(Source{}, in.members[m].ID, "", lang.Msg("input.member.nothing_assigned"))
		}
	}
}

// scores checks the score rows and indexes those that are valid by cell
// (see input.cell).
func (c *checker) scores(in *input, scores []Entry) {
	nn, ns := in.nn, len(in.assess.Stages)
	// The first row seen for each member, criterion, stage and assessor
	// (index+1 in scores), to report a row given twice: by slot (cell ×
	// stage) for the rows without an assessor, by slot and assessor for
	// the others.
	first := make([]int32, len(in.members)*nn*ns)
	type byAssessor struct {
		slot     int
		assessor string
	}
	var firstBy map[byAssessor]int32
	// The rows kept, with their cell, then counted out by cell.
	type kept struct {
		cell int
		r    slotRow
	}
	keep := make([]kept, 0, len(scores))
	for x := range scores {
		s := &scores[x]
		m, okm := c.member(in, s.Member, s.Source)
		i, okn := c.node(in, s.Member, s.Criterion, s.Source)
		st, pos, oks := in.rb.Stage(s.Stage)
		if !oks {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.stage.unknown", strconv.Quote(s.Stage), in.eng.stageIDs))
		}
		if !okm || !okn || !oks {
			if okm && okn {
				in.reject(in.mIdx[s.Member], i)
			}
			continue
		}
		slot := (m*nn+i)*ns + pos
		var prev int32
		if s.Assessor == "" {
			prev = first[slot]
			if prev == 0 {
				first[slot] = int32(x + 1)
			}
		} else {
			if firstBy == nil {
				// room for every row with an assessor: the map is made once
				n := 0
				for y := x; y < len(scores); y++ {
					if scores[y].Assessor != "" {
						n++
					}
				}
				firstBy = make(map[byAssessor]int32, n)
			}
			k := byAssessor{slot, s.Assessor}
			prev = firstBy[k]
			if prev == 0 {
				firstBy[k] = int32(x + 1)
			}
		}
		if prev != 0 {
			p := scores[prev-1].Source
			m := twice("input.score.twice", p, s.Source, st.ID)
			if s.Assessor != "" {
				m = twice("input.score.twice_by", p, s.Source, st.ID, s.Assessor)
			}
			c.add(s.Source, s.Member, s.Criterion, m)
			continue
		}
		n := &in.nodes[i]
		if n.IsGroup() {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.score.group", strconv.Quote(s.Criterion), in.eng.kids[i]))
			continue
		}
		if !in.assigned[m*nn+i] {
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.score.not_assigned"))
			continue
		}
		if !c.value(s, n, in.eng.domains[i], in.eng.deps[i]) {
			in.reject(m, i)
			continue
		}
		keep = append(keep, kept{m*nn + i, slotRow{int32(x), int32(pos)}})
	}
	first = nil
	// Counting sort by cell, keeping the sheet's order within a cell; then
	// each cell by stage and assessor.
	in.scores = scores
	in.off = make([]int32, len(in.members)*nn+1)
	for _, k := range keep {
		in.off[k.cell+1]++
	}
	for j := 1; j < len(in.off); j++ {
		in.off[j] += in.off[j-1]
	}
	in.rows = make([]slotRow, len(keep))
	next := slices.Clone(in.off[:len(in.off)-1])
	for _, k := range keep {
		in.rows[next[k.cell]] = k.r
		next[k.cell]++
	}
	keep, next = nil, nil
	for cell := range len(in.off) - 1 {
		if rs := in.rows[in.off[cell]:in.off[cell+1]]; len(rs) > 1 {
			slices.SortFunc(rs, func(a, b slotRow) int {
				return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(scores[a.row].Assessor, scores[b.row].Assessor))
			})
		}
	}
	for m := range in.members {
		for i := range in.nodes {
			rs := in.cell(m, i)
			if len(rs) == 0 {
				continue
			}
			n := &in.nodes[i]
			for len(rs) > 0 {
				j := 1
				for j < len(rs) && rs[j].pos == rs[0].pos {
					j++
				}
				ss := rs[:j]
				rs = rs[j:]
				e0 := &scores[ss[0].row]
				if len(ss) > 1 && n.Method == rules.Relative {
					c.add(scores[ss[1].row].Source, in.members[m].ID, n.ID, lang.Msg("input.relative.several", len(ss), e0.Stage))
				}
				if len(ss) > 1 && hasEmptyAssessor(scores, ss) {
					c.add(e0.Source, in.members[m].ID, n.ID, lang.Msg("input.assessor.missing", e0.Stage))
				}
				st := in.assess.Stages[ss[0].pos]
				if st.Aggregate == rules.TrimmedMean && e0.Assessor != "" && len(ss) <= 2*st.Trim {
					c.add(e0.Source, in.members[m].ID, n.ID, lang.Msg("input.assessor.too_few", st.ID, len(ss), st.Trim, st.Trim, 2*st.Trim+1))
				}
			}
		}
	}
}

func hasEmptyAssessor(scores []Entry, ss []slotRow) bool {
	for _, r := range ss {
		if scores[r.row].Assessor == "" {
			return true
		}
	}
	return false
}

// value checks a raw value against its criterion's method: against the
// inputs it accepts (d, dep: domainOf).
func (c *checker) value(s *Entry, n *rules.Node, d Domain, dep Dependence) bool {
	bad := func(key string, args ...any) bool {
		c.add(s.Source, s.Member, s.Criterion, lang.Msg(key, args...))
		return false
	}
	switch {
	case d.Min != nil && cmpDec(s.Value, *d.Min) < 0:
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
		i, okn := c.node(in, t.Member, t.Criterion, t.Source)
		if !okm || !okn {
			continue
		}
		n := &in.nodes[i]
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
		in.targets[m*in.ntcol+in.tcol[i]] = t.Value
	}
}

// hasCounted reports whether member m has a value for node i at a stage that
// can count (any stage, or the named one if the rulebook counts only that).
func (in *input) hasCounted(m, i int) bool {
	rs := in.cell(m, i)
	if len(rs) == 0 {
		return false
	}
	if in.assess.Counts != rules.NamedPick {
		return true
	}
	return len(atStage(rs, in.eng.named)) > 0
}

// missing reports assigned criteria with no value (unless the rulebook
// scores them zero) and ratio/relative criteria with no target.
func (c *checker) missing(in *input) {
	policy := in.rb.Missing()
	for m, mem := range in.members {
		var missing []string
		for i := range in.nodes {
			n := &in.nodes[i]
			if n.IsGroup() || !in.assigned[m*in.nn+i] {
				continue
			}
			if n.Method == rules.Votes {
				continue
			}
			if !in.hasCounted(m, i) && !in.rejected[[2]int{m, i}] && policy == rules.MissingIsError {
				missing = append(missing, n.ID)
			}
			if (n.Method == rules.Ratio || n.Method == rules.Relative) && in.target(m, i).IsZero() {
				if n.Target.IsZero() {
					c.add(mem.Source, mem.ID, n.ID, lang.Msg("input.target.missing"))
				} else {
					in.targets[m*in.ntcol+in.tcol[i]] = n.Target
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

// occurrences checks the rows of bonus or deduction items (whose places
// by id are pos, n of them) and keeps them in into, by member and place.
func (c *checker) occurrences(in *input, occ []Occurrences, keys occurrenceKeys, pos map[string]int, n int, into []Occurrences, set []bool) {
	for _, o := range occ {
		m, okm := c.member(in, o.Member, o.Source)
		k, ok := pos[o.Item]
		if !ok {
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
		if x := m*n + k; set[x] {
			c.add(o.Source, o.Member, o.Item, twice(keys.twice, into[x].Source, o.Source))
			continue
		}
		into[m*n+k], set[m*n+k] = o, true
	}
}

func (c *checker) facts(in *input, fs []FactValue) {
	srcs := map[[2]string]Source{}
	for _, f := range fs {
		m, okm := c.member(in, f.Member, f.Source)
		k, ok := in.eng.factPos[f.Fact]
		if !ok {
			c.add(f.Source, f.Member, f.Fact, lang.Msg("input.fact.unknown", strconv.Quote(f.Fact)))
			continue
		}
		if !okm {
			continue
		}
		key := [2]string{f.Member, f.Fact}
		if prev, dup := srcs[key]; dup {
			c.add(f.Source, f.Member, f.Fact, twice("input.fact.twice", prev, f.Source))
			continue
		}
		srcs[key] = f.Source
		in.factVal[m*len(in.eng.facts)+k] = factValue(f.Value)
	}
	nf := len(in.eng.facts)
	for _, fact := range in.eng.facts {
		k := in.eng.factPos[fact.ID]
		for m, mem := range in.members {
			if in.factVal[m*nf+k] != 0 {
				continue
			}
			if fact.Default == nil {
				c.add(mem.Source, mem.ID, fact.ID, lang.Msg("input.fact.not_stated", fact.Name))
				continue
			}
			in.factVal[m*nf+k] = factValue(*fact.Default)
		}
	}
}

func factValue(v bool) byte {
	if v {
		return 2
	}
	return 1
}

// shareFacts makes each member's map of facts, for its scorecard, from
// factVal: the members whose facts are the same share one map (a
// scorecard's maps are read only), so that a cluster of thousands of
// members has a handful of maps, not thousands.
func (in *input) shareFacts() {
	facts := in.eng.facts
	nf := len(facts)
	in.facts = make([]map[string]bool, len(in.members))
	shared := map[string]map[string]bool{}
	for m := range in.members {
		vals := in.factVal[m*nf : (m+1)*nf]
		if mp, ok := shared[string(vals)]; ok {
			in.facts[m] = mp
			continue
		}
		mp := make(map[string]bool, nf)
		for _, f := range facts {
			if v := vals[in.eng.factPos[f.ID]]; v != 0 {
				mp[f.ID] = v == 2
			}
		}
		shared[string(vals)] = mp
		in.facts[m] = mp
	}
}

func (c *checker) ballot(in *input, sh *Sheet) {
	listed := in.rb.Votes().Ballots
	if len(listed) > 0 {
		c.namedBallots(in, sh, listed)
		return
	}
	for _, b := range sh.Ballots {
		c.add(b.Source, "", "", lang.Msg("input.ballot.not_listed", strconv.Quote(b.ID)))
	}
	b := sh.Ballot
	if b == nil {
		if in.eng.ballot {
			c.add(Source{}, "", "", lang.Msg("input.ballot.missing").With(ballotUses(in.rb)...))
		}
		return
	}
	in.hasBallot = true
	in.entitled, in.present = c.ballotCounts(in, b, in.votes)
}

// namedBallots reads the ballots of a rulebook that lists them: each
// ballot of the sheet is one of them, held once; the first listed is the
// one a votes criterion and more_votes read.
func (c *checker) namedBallots(in *input, sh *Sheet, listed []rules.Ballot) {
	ids := make([]string, len(listed))
	for i, b := range listed {
		ids[i] = b.ID
	}
	if b := sh.Ballot; b != nil {
		c.add(b.Source, "", "", lang.Msg("input.ballot.unnamed", strings.Join(ids, ", ")))
	}
	in.ballots = make([]ballotIn, len(listed))
	seen := map[string]Source{}
	for _, b := range sh.Ballots {
		i := slices.Index(ids, b.ID)
		if i < 0 {
			c.add(b.Source, "", "", lang.Msg("input.ballot.unknown", strconv.Quote(b.ID), strings.Join(ids, ", ")))
			continue
		}
		if prev, dup := seen[b.ID]; dup {
			c.add(b.Source, "", "", twice("input.ballot.twice", prev, b.Source))
			continue
		}
		seen[b.ID] = b.Source
		bi := &in.ballots[i]
		bi.held, bi.votes = true, make([]Vote, len(in.members))
		bi.entitled, bi.present = c.ballotCounts(in, &b, bi.votes)
	}
	if len(seen) == 0 && in.eng.ballot {
		c.add(Source{}, "", "", lang.Msg("input.ballot.missing").With(ballotUses(in.rb)...))
	}
	if first := in.ballots[0]; first.held {
		in.hasBallot, in.entitled, in.present = true, first.entitled, first.present
		copy(in.votes, first.votes)
	}
}

// ballotIn is one named ballot as read: whether the sheet holds it, its
// counts, and each member's votes (a zero Vote: not put to that vote).
type ballotIn struct {
	held              bool
	entitled, present int
	votes             []Vote
}

// ballotCounts checks one ballot, writes each member's votes into votes
// (by member) and returns the numbers entitled and present.
func (c *checker) ballotCounts(in *input, b *Ballot, votes []Vote) (entitled, present int) {
	entitled = b.Entitled
	if entitled == 0 {
		entitled = len(in.members)
	}
	present = b.Present
	if present == 0 {
		present = entitled
	}
	if b.Entitled < 0 || b.Present < 0 {
		c.add(b.Source, "", "", lang.Msg("input.ballot.negative"))
	}
	if present > entitled {
		c.add(b.Source, "", "", lang.Msg("input.ballot.present", present, entitled))
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
		if v.For+v.Against+v.Abstain > present {
			c.add(v.Source, v.Member, "", lang.Msg("input.votes.too_many", v.For, v.Against, v.Abstain, present))
			continue
		}
		votes[m] = v
	}
	return entitled, present
}

// ballotUses names the parts of a rulebook that need a ballot, if any.
func ballotUses(rb *rules.Rulebook) []lang.Message {
	var uses []lang.Message
	for _, n := range rb.SharedNodes() {
		if !n.IsGroup() && n.Method == rules.Votes {
			uses = append(uses, lang.Msg("input.ballot.use.criterion", n.ID))
		}
	}
	for _, cond := range rb.SharedEligibility() {
		if cond.MinVotes != nil {
			uses = append(uses, lang.Msg("input.ballot.use.condition", cond.ID))
		}
	}
	for _, tb := range rb.SharedTieBreaks() {
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
