package scoring

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// engine is what scoring reads of a rulebook, compiled once per rulebook
// (kept by rules.Rulebook.Memo) and shared by every Score of that
// rulebook, in any goroutine. Nothing in it is modified once it is built;
// it holds the rulebook's own values (the Shared… accessors), which must
// not be modified either.
type engine struct {
	nodes  []rules.Node // shared with the rulebook
	roots  []int
	weight []decimal.Decimal // per node: its effective weight
	unit   []bool            // per node: the weight is 1
	// fns holds each leaf's point function for the criterion's own
	// target (see scorer.fn); the zero value for a group.
	fns     []PointFunction
	domains []Domain // per leaf: the inputs it accepts (domainOf), shared
	deps    []Dependence
	kids    []string // per group: its children's ids, as messages list them
	order   []int    // the nodes in the order of a trace: a group after its children
	quo     rules.Rounding
	round   rules.RoundingPolicy // shared pointers
	assess  rules.Assessment     // shared stages
	named   int                  // the position of the named stage that counts, or -1
	bonus   rules.BonusPolicy
	deduct  rules.DeductionPolicy
	// the places of the bonus and deduction items, by id (an id given
	// twice names the last item, as rules.Rulebook.BonusItem does)
	bonusPos, deductPos map[string]int
	factPos             map[string]int // the places of the facts, by id (the last of an id given twice)
	facts               []rules.Fact
	byTotal             bool     // members are ranked by the total (else the percentage)
	ballot              bool     // some part of the rulebook needs a ballot (see ballotUses)
	ballotIDs           []string // the ballots the rulebook lists (votes.ballots)
	stageIDs            string   // the stages' ids, as messages list them
	signed              bool     // some criterion is signed (see combineSigned)

	// grouped lists per node the items that belong to it (see
	// groupItemsOf); nil when no item belongs to a group.
	grouped [][]groupItem
}

// engineKey is the key of the engine in a rulebook's memo.
type engineKey struct{}

// engineOf returns the rulebook's engine, compiled the first time it is
// asked for.
func engineOf(rb *rules.Rulebook) *engine {
	return rb.Memo(engineKey{}, func() any { return compile(rb) }).(*engine)
}

func compile(rb *rules.Rulebook) *engine {
	nodes := rb.SharedNodes()
	e := &engine{
		nodes: nodes, roots: rb.SharedRoots(),
		weight: make([]decimal.Decimal, len(nodes)), unit: make([]bool, len(nodes)),
		fns: make([]PointFunction, len(nodes)), kids: make([]string, len(nodes)),
		domains: make([]Domain, len(nodes)), deps: make([]Dependence, len(nodes)),
		quo: rb.Quotient(), round: rb.SharedRounding(), assess: rb.SharedAssessment(), named: -1,
		bonus: rb.SharedBonus(), deduct: rb.SharedDeductions(), facts: rb.SharedFacts(),
		byTotal: rb.RankBy() != rules.ByPercent,
	}
	for i, n := range nodes {
		e.weight[i] = n.EffectiveWeight()
		e.unit[i] = e.weight[i].Equal(one)
		if n.IsGroup() {
			ids := make([]string, len(n.Kids))
			for j, k := range n.Kids {
				ids[j] = nodes[k].ID
			}
			e.kids[i] = strings.Join(ids, ", ")
			continue
		}
		e.fns[i] = describe(n, e.quo, e.round, decimal.Zero)
		e.signed = e.signed || n.Method == rules.Signed
		e.domains[i], e.deps[i] = domainOf(n)
	}
	var emit func(i int)
	emit = func(i int) {
		for _, k := range nodes[i].Kids {
			emit(k)
		}
		e.order = append(e.order, i)
	}
	for _, r := range e.roots {
		emit(r)
	}
	e.bonusPos, e.deductPos = itemPositions(e.bonus.Items), itemPositions(e.deduct.Items)
	e.grouped = groupItemsOf(e)
	e.factPos = make(map[string]int, len(e.facts))
	for i, f := range e.facts {
		e.factPos[f.ID] = i
	}
	if e.assess.Counts == rules.NamedPick {
		if _, pos, ok := rb.Stage(e.assess.Stage); ok {
			e.named = pos
		}
	}
	e.ballot = len(ballotUses(rb)) > 0
	for _, b := range rb.Votes().Ballots {
		e.ballotIDs = append(e.ballotIDs, b.ID)
	}
	ids := make([]string, len(e.assess.Stages))
	for i, s := range e.assess.Stages {
		ids[i] = s.ID
	}
	e.stageIDs = strings.Join(ids, ", ")
	return e
}

func itemPositions(items []rules.Item) map[string]int {
	pos := make(map[string]int, len(items))
	for i, it := range items {
		pos[it.ID] = i
	}
	return pos
}

// sameDecimal reports whether a and b are the same decimal, written the
// same way (9.5 and 9.50 are equal but not the same).
func sameDecimal(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Cmp(b) == 0
}
