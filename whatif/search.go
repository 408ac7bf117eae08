package whatif

import (
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

// checkEvery is how many iterations of a long loop go between two looks
// at the context (a look costs little, but not nothing).
const checkEvery = 256

// stopped returns ctx.Err(), wrapped, if ctx is done; nil otherwise.
func stopped(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("whatif: stopped: %w", err)
	}
	return nil
}

// maxTies bounds the group and criterion rules of a tie-break chain the
// search tracks (a chain has a handful).
const maxTies = 8

// search is the state of one Reach question.
type search struct {
	ctx    context.Context // stops the search when done; never nil once Reach sets it
	tags   tagTable        // the classes' tags, interned
	dd     dedup           // the table that deduplicates a layer being built
	rb     *rules.Rulebook
	sh     scoring.Sheet
	cfg    config
	base   *ranking.Standings
	member string
	card   scoring.Scorecard
	cards  []scoring.Scorecard // every member's current card, quiet, as scoring.Score returns them
	// off is per group the member's items that belong to it (điểm thưởng,
	// điểm trừ của nhóm): their net points, in units, added to its
	// children's sum. Sheet data: the search does not change them.
	off    []int64
	mi     int   // the member's index in cards
	solo   *solo // scores the member alone; nil: score the whole sheet
	rk     *ranker
	target Target
	tier   int
	grade  int // the band of a grade target (its place, 0 the highest), or -1
	nodes  []rules.Node

	leaves      []*leafModel     // by node index; nil for groups
	gscale      []int64          // by group: see scale
	pool        [][]fstate       // storage of retired layers' states, for new layers
	rows        map[string][]int // the member's rows in sh.Scores, by criterion
	valuePlaces map[string]int32 // decimal places of each criterion's values in the sheet
	conds       []condModel
	ties        []tieModel
	places      int32    // decimal places of one unit in the programme
	costD       *big.Int // common denominator of the efforts
	span        []span   // by node: its least and greatest value in units
	sib         []span   // by node: its siblings' spans, added up
	// required are the conditions every tier the member may get requires:
	// a state failing one is dropped.
	required uint64
	win      window // the root sums the programme's pass enumerates

	quota        int  // places of the tiers up to the target
	evaluated    int  // candidates ranked
	approxEffort bool // efforts compared to 12 places, not exactly
}

// leafModel is what the search may do with one of the member's criteria.
type leafModel struct {
	idx     int
	node    rules.Node
	fixed   lang.Message // why it cannot change; zero if it can
	stage   string       // the stage whose entries are set
	entries []int        // indices in sheet.Scores of the member's entries at that stage
	others  []int        // indices of its entries at other stages
	solo    [2][]int     // entries and others as indices in the solo frame's rows
	step    decimal.Decimal
	scale   decimal.Decimal       // the input scale, for the effort
	from    decimal.Decimal       // the counted input (mean of the entries)
	points  decimal.Decimal       // current points
	value   decimal.Decimal       // current value
	cands   []cand                // inputs that raise the points, ascending
	fn      scoring.PointFunction // how the input becomes points (the member's target)
}

type cand struct {
	input, points, value decimal.Decimal
	units                int64 // value in units
	effort               int64 // numerator over search.costD
}

// condModel is an eligibility condition whose outcome depends on where the
// gain goes.
type condModel struct {
	id    string
	bit   uint64
	floor *rules.Floor
	scope map[int]bool // leaves a floor applies to
	group int          // node of a group minimum
	min   decimal.Decimal
	// strict: the floor or minimum must be exceeded, not only reached
	strict bool
}

// below reports whether points fail a group minimum: below it, or not
// above it if strict.
func (c *condModel) below(points decimal.Decimal) bool {
	return !standings.Meets(points.Cmp(c.min), c.strict)
}

// belowFloor reports whether a criterion's points fail the floor's share
// of its maximum.
func (c *condModel) belowFloor(points, max decimal.Decimal) bool {
	return !rules.MeetsShare(c.floor.Share, c.strict, points, max)
}

// tieModel is a group or criterion rule of the tie-break chain.
type tieModel struct {
	node   int
	rivals []int64 // the other members' values, distinct, ascending, in units
	// input: a fewer rule, which compares the criterion's counted input
	// (see inputClass), not its value
	input bool
	ins   []decimal.Decimal // the other members' counted inputs, distinct, ascending
	none  bool              // some other member has no counted input
}

func newSearch(rb *rules.Rulebook, sh scoring.Sheet, cards []scoring.Scorecard, base *ranking.Standings, member string, target Target, tier int, cfg config) (*search, error) {
	s := &search{ctx: context.Background(), rb: rb, sh: sh, cfg: cfg, base: base, cards: cards, member: member, target: target, tier: tier, grade: -1, nodes: rb.Nodes()}
	if target.Grade != "" {
		_, s.grade, _ = rb.Grade(target.Grade)
	}
	row, _ := base.Row(member)
	s.card = row.Card
	for i, c := range cards {
		if c.Member.ID == member {
			s.mi = i
		}
	}
	s.rk = newRanker(rb, sh, cfg.rankOpts)
	s.leaves = make([]*leafModel, len(s.nodes))
	for i, n := range s.nodes {
		if n.IsGroup() {
			continue
		}
		lm := &leafModel{idx: i, node: n, points: s.card.Nodes[i].Points, value: s.card.Nodes[i].Value, from: s.card.Nodes[i].Raw}
		lm.fn, _ = scoring.Describe(rb, n.ID, s.card.Nodes[i].Target) // a leaf: no error
		switch {
		case !s.card.Nodes[i].Assigned:
			lm.fixed = lang.Msg("whatif.fixed.not_assigned")
		case lm.fn.Depends == scoring.OnLeader:
			lm.fixed = lang.Msg("whatif.fixed.relative")
		case lm.fn.Depends == scoring.OnBallot:
			lm.fixed = lang.Msg("whatif.fixed.votes")
		}
		s.leaves[i] = lm
	}
	for c, st := range cfg.steps {
		n, ok := rb.Node(c)
		switch {
		case !ok:
			return nil, newError(ErrUnknownCriterion, member, c, "", lang.Msg("whatif.err.step.unknown"))
		case n.IsGroup():
			return nil, newError(ErrBadStep, member, c, st.String(), lang.Msg("whatif.err.step.group"))
		case !st.IsPositive():
			return nil, newError(ErrBadStep, member, c, st.String(), lang.Msg("whatif.err.step.not_positive"))
		case !st.IsInteger() && domainOf(rb, n).Kind == scoring.WholeCounts:
			return nil, newError(ErrBadStep, member, c, st.String(), lang.Msg("whatif.err.step.whole"))
		}
	}
	if tier >= 0 {
		for _, a := range base.Awards[:tier+1] {
			s.quota += a.Quota
		}
	}
	return s, nil
}

func (s *search) fixed() []Fixed {
	var out []Fixed
	for _, lm := range s.leaves {
		if lm != nil && !lm.fixed.IsZero() {
			out = append(out, Fixed{Criterion: lm.node.ID, Reason: lm.fixed})
		}
	}
	return out
}

func (s *search) caveats() []lang.Message {
	var out []lang.Message
	for _, tb := range s.rb.TieBreaks() {
		if standings.Compare(tb).Reads.Has(standings.PeerScores) && len(s.card.Peers) > 0 {
			out = append(out, lang.Msg("whatif.caveat.head_to_head"))
		}
	}
	if s.approxEffort {
		out = append(out, lang.Msg("whatif.caveat.places"))
	}
	return out
}

// buildLeaves works out every changeable criterion's candidate inputs, with
// their points and values as the engine computes them, and the conditions
// and tie-break rules the allocation can affect.
func (s *search) buildLeaves() error {
	s.solo = newSolo(s.rb, s.sh, s.member, s.cards[s.mi])
	s.indexRows()
	a := s.rb.Assessment()
	for _, lm := range s.leaves {
		if lm == nil || !lm.fixed.IsZero() {
			continue
		}
		if err := s.locate(lm, a); err != nil {
			return err
		}
		grid, err := s.grid(lm)
		if err != nil {
			return err
		}
		lm.cands = make([]cand, len(grid))
		for k, v := range grid {
			lm.cands[k].input = v
		}
	}
	if err := s.scoreCandidates(); err != nil {
		return err
	}
	if err := s.units(); err != nil {
		return err
	}
	s.conditions()
	s.tieRules()
	return s.efforts()
}

// indexRows lists the member's score rows by criterion, in sheet order,
// and the decimal places each criterion's values use (any member, any
// stage), in one pass over the sheet.
func (s *search) indexRows() {
	s.rows = map[string][]int{}
	s.valuePlaces = map[string]int32{}
	for i, e := range s.sh.Scores {
		if e.Member == s.member {
			s.rows[e.Criterion] = append(s.rows[e.Criterion], i)
		}
		if p := decimalPlaces(e.Value); p > s.valuePlaces[e.Criterion] {
			s.valuePlaces[e.Criterion] = p
		}
	}
}

// locate finds the member's entries for a criterion: the stage whose value
// counts (or where a missing value would be recorded) and the others.
func (s *search) locate(lm *leafModel, a rules.Assessment) error {
	lm.stage = s.card.Nodes[lm.idx].Stage
	if lm.stage == "" { // no value counts yet: record one where it would count
		lm.stage = a.Stages[len(a.Stages)-1].ID
		if a.Counts == rules.NamedPick {
			lm.stage = a.Stage
		}
	}
	sum := decimal.Zero
	for _, i := range s.rows[lm.node.ID] {
		e := s.sh.Scores[i]
		if e.Stage == lm.stage {
			lm.entries = append(lm.entries, i)
			sum = sum.Add(e.Value)
		} else {
			lm.others = append(lm.others, i)
		}
	}
	if s.solo != nil {
		for k, idx := range [][]int{lm.entries, lm.others} {
			for _, i := range idx {
				lm.solo[k] = append(lm.solo[k], s.solo.at[i])
			}
		}
	}
	lm.from = decimal.Zero
	if len(lm.entries) > 0 {
		lm.from = rules.Rounding{Places: 12}.Quo(sum, decimal.NewFromInt(int64(len(lm.entries))))
		if len(lm.entries) == 1 {
			lm.from = s.sh.Scores[lm.entries[0]].Value
		}
	}
	n := lm.node
	// the input scale: where the points stop growing (the maximum of a
	// direct criterion, 1 for pass/fail, the target of a ratio, the count
	// that reaches the cap, the highest tier's threshold)
	lm.scale = one
	if x, ok := lm.fn.Saturation(); ok && x.Sign() > 0 {
		lm.scale = ratDecimalUp(x)
		if f := lm.fn; f.ReadsTarget && f.Target.Equal(lm.scale) {
			lm.scale = f.Target // as written
		}
	}
	lm.step = s.defaultStep(n)
	if st, ok := s.cfg.steps[n.ID]; ok {
		lm.step = st
	}
	return nil
}

// defaultStep is one unit of the smallest decimal place the sheet uses for
// the criterion (any member, any stage); 1 for whole numbers and counts.
func (s *search) defaultStep(n rules.Node) decimal.Decimal {
	if domainOf(s.rb, n).Discrete() {
		return one
	}
	return decimal.New(1, -s.valuePlaces[n.ID])
}

// decimalPlaces is the number of decimal places d needs (9.50 needs 1).
func decimalPlaces(d decimal.Decimal) int32 {
	if d.IsZero() {
		return 0
	}
	return max(0, -d.Normalize().Exponent())
}

// domainOf is the inputs a leaf accepts.
func domainOf(rb *rules.Rulebook, n rules.Node) scoring.Domain {
	f, _ := scoring.Describe(rb, n.ID, decimal.Zero) // a leaf: no error
	return f.Domain
}

// ratDecimalUp is x as a decimal: exactly if it has a finite expansion,
// else rounded up at 12 places.
func ratDecimalUp(x *big.Rat) decimal.Decimal {
	if d, ok := ratDecimal(x); ok {
		return d
	}
	return rules.Rounding{Places: 12, Mode: rules.RoundCeiling}.Quo(decimal.NewFromBigInt(x.Num(), 0), decimal.NewFromBigInt(x.Denom(), 0))
}

func ceilDiv(a, b decimal.Decimal) decimal.Decimal {
	q, r := a.QuoRem(b, 0)
	if r.IsPositive() {
		q = q.Add(one)
	}
	return q
}

// grid lists the inputs to try, ascending: multiples of the step, no lower
// than any current entry at the stage, up to the input that gives full
// points.
func (s *search) grid(lm *leafModel) ([]decimal.Decimal, error) {
	n := lm.node
	if lm.fn.Domain.Kind == scoring.Binary {
		if lm.points.LessThan(n.Max) {
			return []decimal.Decimal{one}, nil
		}
		return nil, nil
	}
	if lm.points.GreaterThanOrEqual(n.Max) {
		return nil, nil
	}
	if lm.fn.Falling {
		return s.fallingGrid(lm)
	}
	low, same := decimal.Zero, true
	for k, i := range lm.entries {
		v := s.sh.Scores[i].Value
		if k == 0 || v.GreaterThan(low) {
			low = v
		}
	}
	for _, i := range lm.entries {
		same = same && s.sh.Scores[i].Value.Equal(low)
	}
	limit := lm.scale // the input that gives full points (ratio, tiers, per_occurrence)
	v := ceilDiv(low, lm.step).Mul(lm.step)
	if v.Equal(low) && same && len(lm.entries) > 0 {
		v = v.Add(lm.step)
	}
	var out []decimal.Decimal
	for {
		if !lm.fn.Domain.InBounds(v) { // past the domain's maximum (a direct criterion's)
			break
		}
		out = append(out, v)
		if len(out) > s.cfg.maxPoints {
			return nil, newError(ErrTooLarge, s.member, n.ID, lm.step.String(), lang.Msg("whatif.err.candidates", s.cfg.maxPoints))
		}
		if v.GreaterThanOrEqual(limit) {
			break
		}
		v = v.Add(lm.step)
	}
	return out, nil
}

// setLeaf records input v for the member's criterion in scores: every entry
// at the counted stage takes v (or one is added); when the lowest stage
// counts, entries at other stages worse than v (below it; above it for a
// criterion where lower is better) become v too, so that v counts.
// entries and others index the whole sheet's rows, or the solo frame's.
func (s *search) setLeaf(scores []scoring.Entry, lm *leafModel, v decimal.Decimal, entries, others []int) []scoring.Entry {
	for _, i := range entries {
		scores[i].Value = v
	}
	if len(entries) == 0 {
		scores = append(scores, scoring.Entry{Member: s.member, Criterion: lm.node.ID, Stage: lm.stage, Value: v})
	}
	if s.rb.Assessment().Counts == rules.Lowest {
		for _, i := range others {
			if lm.worse(scores[i].Value, v) {
				scores[i].Value = v
			}
		}
	}
	return scores
}

// sheetWith is the sheet with the chosen candidate (by index) of each leaf.
func (s *search) sheetWith(choice map[int]int) scoring.Sheet {
	sh := s.sh.Clone()
	for _, i := range sortedKeys(choice) {
		lm := s.leaves[i]
		sh.Scores = s.setLeaf(sh.Scores, lm, lm.cands[choice[i]].input, lm.entries, lm.others)
	}
	return sh
}

// soloWith is the member's rows in the solo frame with the chosen
// candidates, as sheetWith sets them.
func (s *search) soloWith(choice map[int]int) []scoring.Entry {
	scores := s.solo.scores()
	for _, i := range sortedKeys(choice) {
		lm := s.leaves[i]
		scores = s.setLeaf(scores, lm, lm.cands[choice[i]].input, lm.solo[0], lm.solo[1])
	}
	return scores
}

func sortedKeys(m map[int]int) []int {
	idx := make([]int, 0, len(m))
	for i := range m {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	return idx
}

// cardWith is the member's card with the chosen candidates, scored by the
// engine: alone if it can be, else in the whole sheet (sh, built by
// sheetWith, or nil to build it).
func (s *search) cardWith(choice map[int]int, sh *scoring.Sheet) (scoring.Scorecard, error) {
	if s.solo != nil {
		return s.solo.card(s.soloWith(choice))
	}
	if sh == nil {
		w := s.sheetWith(choice)
		sh = &w
	}
	cards, err := scoring.Score(s.rb, *sh, scoring.WithoutTrace())
	if err != nil {
		return scoring.Scorecard{}, err
	}
	for _, c := range cards {
		if c.Member.ID == s.member {
			return c, nil
		}
	}
	return scoring.Scorecard{}, fmt.Errorf("%s is not in the scorecards", s.member)
}

// scoreCandidates computes every candidate's points and value with the
// engine, changing all criteria at once (a criterion's points do not depend
// on the member's other criteria), then keeps, for each distinct number of
// points above the current one, the smallest input.
func (s *search) scoreCandidates() error {
	longest := 0
	for _, lm := range s.leaves {
		if lm != nil {
			longest = max(longest, len(lm.cands))
		}
	}
	for k := range longest {
		if err := stopped(s.ctx); err != nil {
			return err
		}
		choice := map[int]int{}
		for _, lm := range s.leaves {
			if lm != nil && k < len(lm.cands) {
				choice[lm.idx] = k
			}
		}
		card, err := s.cardWith(choice, nil)
		if err != nil {
			return fmt.Errorf("%w: scoring candidate inputs: %v", ErrModel, err)
		}
		for i := range choice {
			lm := s.leaves[i]
			lm.cands[k].points, lm.cands[k].value = card.Nodes[i].Points, card.Nodes[i].Value
		}
	}
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		if s.inputTied(lm) {
			lm.cands = s.keepInputClasses(lm)
			continue
		}
		var kept []cand
		best := lm.points
		for _, c := range lm.cands {
			if c.points.GreaterThan(best) {
				kept = append(kept, c)
				best = c.points
			}
		}
		lm.cands = kept
	}
	return nil
}

// units picks the decimal places of the programme's integer unit: enough
// for every value any member has and every candidate, through the groups'
// weights.
func (s *search) units() error {
	p := int32(0)
	for _, r := range s.base.Rows {
		for _, n := range r.Card.Nodes {
			p = max(p, decimalPlaces(n.Value), decimalPlaces(n.Points), decimalPlaces(n.Items))
		}
	}
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		for _, c := range lm.cands {
			p = max(p, decimalPlaces(c.value), decimalPlaces(c.points))
		}
	}
	gr := s.rb.Rounding().Group
	for _, n := range s.nodes {
		if n.IsGroup() {
			p += decimalPlaces(n.EffectiveWeight())
			if gr != nil {
				p = max(p, gr.Places)
			}
		}
	}
	if p > 12 {
		return newError(ErrTooLarge, s.member, "", "", lang.Msg("whatif.err.places", p))
	}
	s.places = p
	s.off = make([]int64, len(s.nodes))
	for i, n := range s.card.Nodes {
		if n.Group && !n.Items.IsZero() {
			var err error
			if s.off[i], err = s.toUnits(n.Items); err != nil {
				return err
			}
		}
	}
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		for k := range lm.cands {
			u, err := s.toUnits(lm.cands[k].value)
			if err != nil {
				return err
			}
			lm.cands[k].units = u
		}
	}
	return nil
}

func (s *search) toUnits(d decimal.Decimal) (int64, error) {
	x := d.Shift(s.places)
	if !x.IsInteger() || x.Abs().GreaterThan(decimal.New(1, 17)) {
		return 0, fmt.Errorf("%w: %s does not fit the search's unit 1e-%d", ErrModel, d, s.places)
	}
	return x.IntPart(), nil
}

func (s *search) fromUnits(u int64) decimal.Decimal { return decimal.New(u, -s.places) }

// conditions collects the eligibility conditions, among those the target's
// tiers (and the bands they require) or bands require, whose outcome
// depends on where the gain goes.
func (s *search) conditions() {
	seen := map[string]bool{}
	for _, rt := range s.routes() {
		for _, id := range rt.conds {
			c, _ := s.rb.Condition(id)
			if seen[id] || (c.CriterionFloor == nil && c.GroupMin == nil) || len(s.conds) == 64 {
				continue
			}
			seen[id] = true
			cm := condModel{id: id, bit: 1 << len(s.conds), group: -1, strict: c.Strict}
			if f := c.CriterionFloor; f != nil {
				cm.floor = f
				cm.scope = map[int]bool{}
				for _, n := range s.nodes {
					if !n.IsGroup() && (f.Within == "" || under(s.nodes, n.Index, f.Within)) {
						cm.scope[n.Index] = true
					}
				}
			} else {
				g, _ := s.rb.Node(c.GroupMin.Group)
				cm.group, cm.min = g.Index, c.GroupMin.Min
			}
			s.conds = append(s.conds, cm)
		}
	}
}

// under reports whether node i is the node with id, or inside it.
func under(nodes []rules.Node, i int, id string) bool {
	for ; i >= 0; i = nodes[i].Parent {
		if nodes[i].ID == id {
			return true
		}
	}
	return false
}

// tieRules collects the tie-break chain's group and criterion rules, with
// the other members' values under each.
func (s *search) tieRules() {
	for _, tb := range s.rb.TieBreaks() {
		c := standings.Compare(tb)
		if c.Numeric && c.Quantity == standings.Input && len(s.ties) < maxTies {
			s.ties = append(s.ties, s.inputTie(c.Ref))
			continue
		}
		if !c.Numeric || c.Quantity != standings.Value || len(s.ties) == maxTies {
			continue
		}
		n, _ := s.rb.Node(c.Ref)
		tm := tieModel{node: n.Index}
		for _, r := range s.base.Rows {
			if r.Member.ID == s.member {
				continue
			}
			u, err := s.toUnits(r.Card.Nodes[n.Index].Value)
			if err != nil {
				continue // cannot happen: units() covers every member's values
			}
			tm.rivals = append(tm.rivals, u)
		}
		slices.Sort(tm.rivals)
		tm.rivals = slices.Compact(tm.rivals)
		s.ties = append(s.ties, tm)
	}
}

// class places a value among the rivals' values: 2·(rivals below) + 1 if it
// equals one. Two values with the same class compare alike with every rival.
// Classes are exact for any number of rivals.
func (t tieModel) class(u int64) int32 {
	i, found := slices.BinarySearch(t.rivals, u)
	c := int32(2 * i)
	if found {
		c++
	}
	return c
}

// efforts expresses each candidate's effort, Σ(v − old) ÷ (n · scale) over
// the n entries set, as an integer over one common denominator.
func (s *search) efforts() error {
	if s.smallEfforts() {
		return nil
	}
	type frac struct{ num, den *big.Int }
	all := map[*cand]frac{}
	d := big.NewInt(1)
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		olds, n := s.effortBase(lm)
		for k := range lm.cands {
			c := &lm.cands[k]
			num := lm.effortNum(n, c.input, olds)
			den := n.Mul(lm.scale)
			p := max(decimalPlaces(num), decimalPlaces(den))
			f := frac{num.Shift(p).BigInt(), den.Shift(p).BigInt()}
			all[c] = f
			g := new(big.Int).GCD(nil, nil, d, f.den)
			d.Mul(d, new(big.Int).Quo(f.den, g))
		}
	}
	limit := big.NewInt(effortLimit)
	exact := true
	for _, f := range all {
		x := new(big.Int).Mul(f.num, new(big.Int).Quo(d, f.den))
		exact = exact && x.CmpAbs(limit) <= 0
	}
	if !exact {
		// The scales share no small denominator: compare efforts rounded
		// to 12 places instead (the gain itself stays exact).
		d = pow10(12)
		s.approxEffort = true
	}
	for c, f := range all {
		r := new(big.Rat).SetFrac(new(big.Int).Mul(f.num, d), f.den)
		c.effort = decimal.NewFromBigRat(r, 0).IntPart()
	}
	s.costD = d
	return nil
}

// effortLimit is the greatest effort numerator efforts keeps exact.
const effortLimit = int64(1) << 50

// smallEfforts is efforts in int64s, for the usual case: every fraction's
// numerator and denominator, their common denominator and every effort's
// numerator over it fit (and the efforts are exact). It reports false,
// having changed nothing, otherwise.
func (s *search) smallEfforts() bool {
	type frac struct {
		c        *cand
		num, den int64
	}
	var all []frac
	d := int64(1)
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		olds, n := s.effortBase(lm)
		den := n.Mul(lm.scale)
		for k := range lm.cands {
			c := &lm.cands[k]
			num := lm.effortNum(n, c.input, olds)
			p := max(decimalPlaces(num), decimalPlaces(den))
			fn, ok1 := fixed.ToInt(num, p)
			fd, ok2 := fixed.ToInt(den, p)
			if !ok1 || !ok2 || fd <= 0 {
				return false
			}
			m, ok := fixed.MulInt(d, fd/gcd(d, fd)) // the least common multiple
			if !ok || m > 1<<62 {
				return false
			}
			d = m
			all = append(all, frac{c, fn, fd})
		}
	}
	for _, f := range all {
		x, ok := fixed.MulInt(f.num, d/f.den)
		if !ok || x > effortLimit || x < -effortLimit {
			return false
		}
	}
	for _, f := range all {
		f.c.effort = f.num * (d / f.den)
	}
	s.costD = big.NewInt(d)
	return true
}

// total is the member's total when its criteria add up to criteria: bonus
// and deductions (which do not change), the floor, the total's rounding.
func (s *search) total(criteria decimal.Decimal) decimal.Decimal {
	t := criteria.Add(s.card.Bonus.Total).Sub(s.card.Deductions.Total)
	if f := s.rb.Deductions().Floor; f != nil && t.LessThan(*f) {
		t = *f
	}
	if r := s.rb.Rounding().Total; r != nil {
		t = r.Round(t)
	}
	return t
}

func (s *search) percent(total decimal.Decimal) decimal.Decimal {
	return percentQuo(s.rb).Quo(total.Mul(hundred), s.card.Attainable)
}

// reachCheck is a necessary condition for a class to reach the target,
// from what is known without ranking: the rivals strictly ahead on the
// ranking basis, and the member's own eligibility. It depends on the
// class's total and conditions only, and is worked out once for each.
type reachCheck struct {
	s           *search
	rivals      []decimal.Decimal // every rival's basis, ascending
	eligible    []decimal.Decimal // those eligible for every tier up to the target
	failedFixed map[string]bool
	memo        map[[2]uint64]bool
}

func (s *search) newReachCheck() *reachCheck {
	rc := &reachCheck{s: s, failedFixed: map[string]bool{}, memo: map[[2]uint64]bool{}}
	var tiers []rules.AwardTier
	if s.tier >= 0 {
		tiers = s.rb.Awards()[:s.tier+1]
	}
	if s.tier >= 0 || s.grade >= 0 {
		row, _ := s.base.Row(s.member)
		for _, f := range row.Failed {
			rc.failedFixed[f.Condition] = true
		}
	}
	for _, r := range s.base.Rows {
		if r.Member.ID == s.member {
			continue
		}
		rc.rivals = append(rc.rivals, r.Basis)
		eligible := true
		for _, f := range r.Failed {
			for _, t := range tiers {
				eligible = eligible && !slices.Contains(t.Requires, f.Condition)
			}
		}
		for _, t := range tiers { // a rival's band does not change either
			eligible = eligible && gradeAllows(s.rb, t, r.Grade)
		}
		if eligible {
			rc.eligible = append(rc.eligible, r.Basis)
		}
	}
	slices.SortFunc(rc.rivals, decimal.Decimal.Cmp)
	slices.SortFunc(rc.eligible, decimal.Decimal.Cmp)
	return rc
}

// above counts the values of an ascending list greater than x.
func above(xs []decimal.Decimal, x decimal.Decimal) int {
	i, _ := slices.BinarySearchFunc(xs, x, func(e, x decimal.Decimal) int {
		if e.GreaterThan(x) {
			return 1
		}
		return -1
	})
	return len(xs) - i
}

func (rc *reachCheck) may(c candidate) bool {
	key := [2]uint64{uint64(c.rank), rc.s.tags.list[c.st.tag].bits}
	ok, seen := rc.memo[key]
	if !seen {
		ok = rc.s.mayReach(rc, c.total, key[1])
		rc.memo[key] = ok
	}
	return ok
}

// mayReach says whether a class with the total and the conditions passing
// (bits) may reach the target.
func (s *search) mayReach(rc *reachCheck, total decimal.Decimal, bits uint64) bool {
	pct := s.percent(total)
	basis := total
	if s.rb.RankBy() == rules.ByPercent {
		basis = pct
	}
	if s.tier < 0 && s.grade < 0 {
		return above(rc.rivals, basis) < s.target.Rank
	}
	feasible := false
	for _, rt := range s.routes() {
		ok := true
		for _, id := range rt.conds {
			cond, _ := s.rb.Condition(id)
			switch {
			case fixedCondition(cond):
				ok = ok && !rc.failedFixed[id]
			case cond.MinTotal != nil:
				ok = ok && total.GreaterThanOrEqual(*cond.MinTotal)
			case cond.MinPercent != nil:
				ok = ok && pct.GreaterThanOrEqual(*cond.MinPercent)
			default:
				for _, cm := range s.conds {
					if cm.id == id {
						ok = ok && bits&cm.bit != 0
					}
				}
			}
		}
		feasible = feasible || ok
	}
	if !feasible || s.grade >= 0 {
		return feasible // a band has no places: the rivals do not matter
	}
	// Rivals ahead that are eligible for every tier up to the target each
	// take one of its places before the member's turn.
	return above(rc.eligible, basis) < s.quota
}

// allocation describes the chosen candidates, in rulebook order.
func (s *search) allocation(choice map[int]int) []Allocation {
	var out []Allocation
	d := new(big.Rat).SetInt(s.costD)
	for _, lm := range s.leaves {
		if lm == nil {
			continue
		}
		k, ok := choice[lm.idx]
		if !ok {
			continue
		}
		c := lm.cands[k]
		eff := new(big.Rat).Quo(new(big.Rat).SetInt64(c.effort), d)
		out = append(out, Allocation{
			Criterion: lm.node.ID, Name: lm.node.Name, Method: lm.node.Method, Stage: lm.stage,
			From: lm.from, To: c.input, Step: lm.step,
			PointsFrom: lm.points, PointsTo: c.points, ValueFrom: lm.value, ValueTo: c.value,
			Effort: decimal.NewFromBigRat(eff, 4),
		})
	}
	return out
}
