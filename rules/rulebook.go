package rules

import (
	"strconv"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/canon"
	"github.com/thidua/thidua/lang"
)

// Rulebook is a validated, immutable rulebook. Create one with New, Parse or
// Load. Its accessors return copies or read-only views; nothing a caller does
// with them changes the rulebook.
type Rulebook struct {
	spec  Spec
	hash  string
	nodes []Node
	byID  map[string]int
	roots []int
	max   decimal.Decimal

	bonus      map[string]Item
	deductions map[string]Item
	facts      map[string]Fact
	conditions map[string]Condition
	stages     map[string]int
	tiers      map[string]int

	memo     memoTable // values derived once (see Memo); not part of the rules
	hashOnce sync.Once // fills hash
}

// MaxDepth is the deepest nesting of criteria a rulebook may have: a
// top-level group is level 1, its children level 2, and so on. Real rulebooks
// have two or three levels (nhóm, tiêu chí, tiêu chí thành phần).
const MaxDepth = 8

// Node is one criterion or group of a rulebook's tree, with its position in
// the tree. Node values are copies: changing one, or its slices, does not
// change the rulebook.
type Node struct {
	Criterion
	Index    int             // position in Rulebook.Nodes (pre-order, document order)
	Parent   int             // index of the parent group; -1 for a top-level node
	Kids     []int           // indices of the children
	Depth    int             // 0 for a top-level node
	Path     string          // key path in the rulebook file, e.g. "criteria[0].children[2]"
	Max      decimal.Decimal // the node's maximum in its own points (derived for a group without one)
	MaxTotal decimal.Decimal // Max × weight: what the node can contribute to its parent
}

// IsGroup reports whether the node is a group (has children).
func (n Node) IsGroup() bool { return len(n.Kids) > 0 }

// ID returns the rulebook's identifier.
func (r *Rulebook) ID() string { return r.spec.ID }

// Version returns the rulebook's version.
func (r *Rulebook) Version() string { return r.spec.Version }

// Title returns the rulebook's title.
func (r *Rulebook) Title() string { return r.spec.Title }

// Jurisdiction returns the province or body whose rules these are.
func (r *Rulebook) Jurisdiction() string { return r.spec.Jurisdiction }

// Regulation returns the regulation the rulebook encodes.
func (r *Rulebook) Regulation() Regulation {
	g := r.spec.Regulation
	g.LegalBasis = append([]LegalRef(nil), g.LegalBasis...)
	return g
}

// InForce returns the period the rulebook is in force.
func (r *Rulebook) InForce() Period { return r.spec.InForce }

// Hash returns the rulebook's content hash ("sha256:…"): the same for the
// same rules whatever the file's format, layout, key order or comments.
// Results record it so that they can be traced to the exact rules used.
func (r *Rulebook) Hash() string {
	// computed the first time it is asked for: a rulebook built to
	// recompute with other roundings, say, is never hashed
	r.hashOnce.Do(func() { r.hash = canon.Hash(r.spec) })
	return r.hash
}

// Spec returns a deep copy of the rulebook's description, with defaults
// filled in.
func (r *Rulebook) Spec() Spec { return cloneSpec(r.spec) }

// Nodes returns every criterion and group in pre-order (a group before its
// children, in document order).
func (r *Rulebook) Nodes() []Node {
	out := append([]Node(nil), r.nodes...)
	// One allocation for all the kids and one for all the tiers; each node's
	// slice is capped so that appending to it cannot reach its neighbour's.
	nKids, nTiers := 0, 0
	for i := range out {
		nKids += len(out[i].Kids)
		nTiers += len(out[i].Tiers)
	}
	kids, tiers := make([]int, 0, nKids), make([]Tier, 0, nTiers)
	for i := range out {
		if k := out[i].Kids; k != nil {
			start := len(kids)
			kids = append(kids, k...)
			out[i].Kids = kids[start:len(kids):len(kids)]
		}
		if t := out[i].Tiers; t != nil {
			start := len(tiers)
			tiers = append(tiers, t...)
			out[i].Tiers = tiers[start:len(tiers):len(tiers)]
		}
	}
	return out
}

// Node returns the criterion or group with the given id.
func (r *Rulebook) Node(id string) (Node, bool) {
	i, ok := r.byID[id]
	if !ok {
		return Node{}, false
	}
	n := r.nodes[i]
	n.Kids = slicesClone(n.Kids)
	n.Tiers = slicesClone(n.Tiers)
	return n, true
}

// slicesClone copies s, keeping nil as nil.
func slicesClone[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// Roots returns the indices of the top-level nodes.
func (r *Rulebook) Roots() []int { return append([]int(nil), r.roots...) }

// MaxTotal returns the nominal maximum of the criteria (điểm tối đa), without
// bonuses: the sum of the top-level nodes' weighted maxima.
func (r *Rulebook) MaxTotal() decimal.Decimal { return r.max }

// Bonus returns the bonus policy.
func (r *Rulebook) Bonus() BonusPolicy {
	b := r.spec.Bonus
	b.Items = append([]Item(nil), b.Items...)
	return b
}

// BonusItem returns the bonus item with the given id.
func (r *Rulebook) BonusItem(id string) (Item, bool) { it, ok := r.bonus[id]; return it, ok }

// Deductions returns the deduction policy.
func (r *Rulebook) Deductions() DeductionPolicy {
	d := r.spec.Deductions
	d.Items = append([]Item(nil), d.Items...)
	d.Floor = clonePtr(d.Floor)
	return d
}

// DeductionItem returns the deduction item with the given id.
func (r *Rulebook) DeductionItem(id string) (Item, bool) { it, ok := r.deductions[id]; return it, ok }

// Facts returns the facts the rulebook's conditions refer to.
func (r *Rulebook) Facts() []Fact {
	fs := append([]Fact(nil), r.spec.Facts...)
	for i := range fs {
		fs[i].Default = clonePtr(fs[i].Default)
	}
	return fs
}

// Fact returns the fact with the given id.
func (r *Rulebook) Fact(id string) (Fact, bool) {
	f, ok := r.facts[id]
	f.Default = clonePtr(f.Default)
	return f, ok
}

// Assessment returns the assessment policy (stages, which counts).
func (r *Rulebook) Assessment() Assessment {
	a := r.spec.Assessment
	a.Stages = append([]Stage(nil), a.Stages...)
	return a
}

// Stage returns the assessment stage with the given id and its position in
// the stage order.
func (r *Rulebook) Stage(id string) (Stage, int, bool) {
	i, ok := r.stages[id]
	if !ok {
		return Stage{}, -1, false
	}
	return r.spec.Assessment.Stages[i], i, true
}

// Rounding returns the rounding policy.
func (r *Rulebook) Rounding() RoundingPolicy {
	p := r.spec.Rounding
	p.Quotient, p.Criterion, p.Group = clonePtr(p.Quotient), clonePtr(p.Criterion), clonePtr(p.Group)
	p.Total, p.Percent = clonePtr(p.Total), clonePtr(p.Percent)
	return p
}

// Quotient returns the rounding applied to every division.
func (r *Rulebook) Quotient() Rounding { return *r.spec.Rounding.Quotient }

// Missing returns the missing-value policy.
func (r *Rulebook) Missing() MissingPolicy { return r.spec.Missing }

// RankBy returns what members are ranked by.
func (r *Rulebook) RankBy() Basis { return r.spec.RankBy }

// Votes returns the ballot defaults and the ballots listed.
func (r *Rulebook) Votes() VotePolicy {
	v := r.spec.Votes
	v.Ballots = append([]Ballot(nil), v.Ballots...)
	return v
}

// Eligibility returns the eligibility conditions in document order.
func (r *Rulebook) Eligibility() []Condition {
	out := make([]Condition, len(r.spec.Eligibility))
	for i, c := range r.spec.Eligibility {
		out[i] = cloneCondition(c)
	}
	return out
}

// Condition returns the eligibility condition with the given id.
func (r *Rulebook) Condition(id string) (Condition, bool) {
	c, ok := r.conditions[id]
	return cloneCondition(c), ok
}

// TieBreaks returns the tie-break chain in order.
func (r *Rulebook) TieBreaks() []TieBreak { return append([]TieBreak(nil), r.spec.TieBreaks...) }

// Awards returns the award tiers in order of precedence.
func (r *Rulebook) Awards() []AwardTier {
	out := append([]AwardTier(nil), r.spec.Awards...)
	for i := range out {
		out[i].Requires = append([]string(nil), out[i].Requires...)
	}
	return out
}

// Award returns the award tier with the given id.
func (r *Rulebook) Award(id string) (AwardTier, bool) {
	i, ok := r.tiers[id]
	if !ok {
		return AwardTier{}, false
	}
	t := r.spec.Awards[i]
	t.Requires = append([]string(nil), t.Requires...)
	return t, true
}

// Authority returns who considers the cluster's award proposals and who
// decides on them, as the rulebook's authority section gives them; a field
// left out is empty, and CouncilName and DecidesName then name the
// provincial default.
func (r *Rulebook) Authority() Authority { return r.spec.Authority }

// New validates spec as a whole and returns the rulebook it describes. Every
// problem is reported, as Errors, with the key path of the offending field.
// Criteria nested more than MaxDepth levels deep are reported before anything
// else is checked. The spec is copied: changing it afterwards does not change
// the rulebook.
func New(spec Spec) (*Rulebook, error) {
	if es := depthErrors(spec.Criteria); len(es) > 0 {
		return nil, es
	}
	s := cloneSpec(spec)
	normalise(&s)
	v := &validator{}
	v.spec(&s)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return build(s), nil
}

// build indexes a valid, normalised spec.
func build(s Spec) *Rulebook {
	r := &Rulebook{
		spec:       s,
		byID:       map[string]int{},
		bonus:      map[string]Item{},
		deductions: map[string]Item{},
		facts:      map[string]Fact{},
		conditions: map[string]Condition{},
		stages:     map[string]int{},
		tiers:      map[string]int{},
		max:        decimal.Zero,
	}
	var walk func(cs []Criterion, parent, depth int, path string) []int
	walk = func(cs []Criterion, parent, depth int, path string) []int {
		var idx []int
		for i, c := range cs {
			n := Node{Criterion: c, Index: len(r.nodes), Parent: parent, Depth: depth, Path: indexPath(path, i)}
			n.Children = nil
			r.nodes = append(r.nodes, n)
			r.byID[c.ID] = n.Index
			kids := walk(c.Children, n.Index, depth+1, n.Path+".children")
			r.nodes[n.Index].Kids = kids
			r.nodes[n.Index].Max = c.MaxPoints // normalise derived a group's
			r.nodes[n.Index].MaxTotal = c.MaxPoints.Mul(c.EffectiveWeight())
			idx = append(idx, n.Index)
		}
		return idx
	}
	r.roots = walk(s.Criteria, -1, 0, "criteria")
	for _, i := range r.roots {
		r.max = r.max.Add(r.nodes[i].MaxTotal)
	}
	for _, it := range s.Bonus.Items {
		r.bonus[it.ID] = it
	}
	for _, it := range s.Deductions.Items {
		r.deductions[it.ID] = it
	}
	for _, f := range s.Facts {
		r.facts[f.ID] = f
	}
	for _, c := range s.Eligibility {
		r.conditions[c.ID] = c
	}
	for i, st := range s.Assessment.Stages {
		r.stages[st.ID] = i
	}
	for i, t := range s.Awards {
		r.tiers[t.ID] = i
	}
	return r
}

// depthErrors reports the criteria nested more than MaxDepth levels deep:
// one error per group at the deepest level allowed, at its first child. It
// looks no deeper, so its cost does not grow with the depth of the tree.
func depthErrors(cs []Criterion) Errors {
	var es Errors
	var walk func(cs []Criterion, level int, path string)
	walk = func(cs []Criterion, level int, path string) {
		if level > MaxDepth {
			es = append(es, newError(indexPath(path, 0), lang.Msg("rules.criterion.too_deep", q(cs[0].ID), level, MaxDepth)))
			return
		}
		for i := range cs {
			if len(cs[i].Children) > 0 {
				walk(cs[i].Children, level+1, indexPath(path, i)+".children")
			}
		}
	}
	walk(cs, 1, "criteria")
	return es
}

// normalise fills in defaults so that the stored spec (and its hash) says
// explicitly what applies.
func normalise(s *Spec) {
	// Children first, so that a group's derived maximum is the sum of its
	// children's already known maxima: each node is visited once.
	var crit func(cs []Criterion)
	crit = func(cs []Criterion) {
		for i := range cs {
			c := &cs[i]
			if !c.IsGroup() {
				if c.Method == "" {
					c.Method = Direct
				}
				continue
			}
			crit(c.Children)
			if c.MaxPoints.IsZero() {
				c.MaxPoints = childrenMax(c.Children)
			}
		}
	}
	crit(s.Criteria)
	if len(s.Assessment.Stages) == 0 {
		s.Assessment.Stages = []Stage{
			{ID: "self", Name: "Tự chấm"},
			{ID: "cluster", Name: "Cụm chấm"},
			{ID: "recheck", Name: "Phúc tra"},
		}
	}
	for i := range s.Assessment.Stages {
		if s.Assessment.Stages[i].Aggregate == "" {
			s.Assessment.Stages[i].Aggregate = Mean
		}
	}
	if s.Assessment.Counts == "" {
		s.Assessment.Counts = Latest
	}
	if s.Rounding.Quotient == nil {
		q := DefaultQuotient
		s.Rounding.Quotient = &q
	}
	for _, r := range []*Rounding{s.Rounding.Quotient, s.Rounding.Criterion, s.Rounding.Group, s.Rounding.Total, s.Rounding.Percent} {
		if r != nil && r.Mode == "" {
			r.Mode = RoundHalfUp
		}
	}
	if s.Missing == "" {
		s.Missing = MissingIsError
	}
	if s.RankBy == "" {
		s.RankBy = ByTotal
	}
	if s.Votes.Base == "" {
		s.Votes.Base = OfAllMembers
	}
	// A vote threshold takes the rulebook's base and quorum, but only valid
	// ones: an invalid one is reported once, at votes, not again at every
	// threshold that would have inherited it.
	for i := range s.Eligibility {
		if mv := s.Eligibility[i].MinVotes; mv != nil {
			if mv.Base == "" && s.Votes.Base.valid() {
				mv.Base = s.Votes.Base
			}
			if mv.Quorum.IsZero() && s.Votes.Quorum.proper() {
				mv.Quorum = s.Votes.Quorum
			}
		}
	}
	for i := range s.Awards {
		if !s.Awards[i].Share.IsZero() && s.Awards[i].ShareRounding == "" {
			s.Awards[i].ShareRounding = RoundFloor
		}
		if s.Awards[i].IfIneligible == "" {
			s.Awards[i].IfIneligible = NextEligible
		}
	}
}

// childrenMax is the sum of the children's weighted maxima (each child's
// MaxPoints already normalised).
func childrenMax(cs []Criterion) decimal.Decimal {
	sum := decimal.Zero
	for _, k := range cs {
		sum = sum.Add(k.MaxPoints.Mul(k.EffectiveWeight()))
	}
	return sum
}

func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// cloneSpec deep-copies a spec so that no slice or pointer is shared.
func cloneSpec(s Spec) Spec {
	out := s
	out.Regulation.LegalBasis = append([]LegalRef(nil), s.Regulation.LegalBasis...)
	out.Criteria = cloneCriteria(s.Criteria)
	out.Bonus.Items = append([]Item(nil), s.Bonus.Items...)
	out.Deductions.Items = append([]Item(nil), s.Deductions.Items...)
	out.Deductions.Floor = clonePtr(s.Deductions.Floor)
	out.Facts = append([]Fact(nil), s.Facts...)
	for i := range out.Facts {
		out.Facts[i].Default = clonePtr(s.Facts[i].Default)
	}
	out.Assessment.Stages = append([]Stage(nil), s.Assessment.Stages...)
	out.Rounding.Quotient = clonePtr(s.Rounding.Quotient)
	out.Rounding.Criterion = clonePtr(s.Rounding.Criterion)
	out.Rounding.Group = clonePtr(s.Rounding.Group)
	out.Rounding.Total = clonePtr(s.Rounding.Total)
	out.Rounding.Percent = clonePtr(s.Rounding.Percent)
	out.Eligibility = nil
	for _, c := range s.Eligibility {
		out.Eligibility = append(out.Eligibility, cloneCondition(c))
	}
	out.TieBreaks = append([]TieBreak(nil), s.TieBreaks...)
	out.Awards = append([]AwardTier(nil), s.Awards...)
	for i := range out.Awards {
		out.Awards[i].Requires = append([]string(nil), s.Awards[i].Requires...)
	}
	out.Votes.Ballots = append([]Ballot(nil), s.Votes.Ballots...)
	out.Grades = append([]Grade(nil), s.Grades...)
	for i := range out.Grades {
		out.Grades[i].Requires = append([]string(nil), s.Grades[i].Requires...)
	}
	return out
}

func cloneCondition(c Condition) Condition {
	c.MinTotal = clonePtr(c.MinTotal)
	c.MaxTotal = clonePtr(c.MaxTotal)
	c.MinPercent = clonePtr(c.MinPercent)
	c.MaxPercent = clonePtr(c.MaxPercent)
	c.CriterionFloor = clonePtr(c.CriterionFloor)
	c.GroupMin = clonePtr(c.GroupMin)
	c.MaxDeductions = clonePtr(c.MaxDeductions)
	c.MaxConsecutive = clonePtr(c.MaxConsecutive)
	c.MinVotes = clonePtr(c.MinVotes)
	return c
}

func cloneCriteria(cs []Criterion) []Criterion {
	if cs == nil {
		return nil
	}
	out := make([]Criterion, len(cs))
	for i, c := range cs {
		out[i] = c
		out[i].Tiers = append([]Tier(nil), c.Tiers...)
		out[i].Children = cloneCriteria(c.Children)
	}
	return out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
