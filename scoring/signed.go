package scoring

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// A signed criterion (tiêu chí cộng/trừ, rules.Signed) takes two counts
// per member, stage and assessor: its achievements, keyed "<id>+" in the
// sheet, and its failures, keyed "<id>-" (either may be left out: zero).
// A row keyed "<id>" gives the net points instead (cộng − trừ, before the
// clamp), for a sheet that records only those.
//
// The engine's input of a signed criterion is that net value:
//
//	x = plus.points_each × achievements − minus.points_each × failures
//
// and its point function clamps x to [min, max]. Scoring combines each
// slot's two counts into one row of net value before anything else reads
// the sheet (see NetSigned), and keeps the counts for the trace; what-if
// and the simulation work on the net value.

// signedCounts is what a combined row of a signed criterion was made of:
// the counts given (zero if not) and the points of each side.
type signedCounts struct {
	plus, minus         decimal.Decimal
	plusEach, minusEach decimal.Decimal
	hasPlus, hasMinus   bool
	plusSrc, minusSrc   Source
}

// signedSlot identifies the rows of one signed criterion that combine.
type signedSlot struct{ member, criterion, stage, assessor string }

// NetSigned returns the sheet with each signed criterion's counts
// ("<id>+" and "<id>-" rows) combined into one row keyed "<id>" per
// member, stage and assessor, whose value is the net points before the
// clamp. Every other row is kept as it is, and so is a count that scoring
// would refuse (a negative or fractional count, one given twice, one
// beside a net value), so that scoring the result reports it. The sheet
// given is not modified. Callers that change a criterion's input (what-if,
// the simulation) work on this form: a signed criterion's input there is
// its net points.
func NetSigned(rb *rules.Rulebook, sh Sheet) Sheet {
	e := engineOf(rb)
	if !e.signed {
		return sh
	}
	scores, _ := combineSigned(e, sh.Scores, nil, nil)
	sh.Scores = scores
	return sh
}

// combineSigned returns scores with the counts of signed criteria
// combined (see NetSigned), and the counts of each combined row by its
// index in the result. With a checker it reports the counts it cannot
// combine and leaves them out (marking the member's criterion rejected in
// in); without one it keeps them as they are. The rows it makes keep the
// source of the first count given, and the place of that count.
func combineSigned(e *engine, scores []Entry, c *checker, in *input) ([]Entry, map[int32]signedCounts) {
	byID := map[string]int{}
	for i := range e.nodes {
		byID[e.nodes[i].ID] = i
	}
	type acc struct {
		counts signedCounts
		first  Source
		order  int // its place in out
	}
	slots := map[signedSlot]*acc{}
	var keys []signedSlot
	out := make([]Entry, 0, len(scores))
	changed := false
	// the slots of signed criteria that have a net row (no count may join it)
	netAt := map[signedSlot]bool{}
	for x := range scores {
		s := &scores[x]
		if i, ok := byID[s.Criterion]; ok && !e.nodes[i].IsGroup() && e.nodes[i].Method == rules.Signed {
			netAt[signedSlot{s.Member, s.Criterion, s.Stage, s.Assessor}] = true
		}
	}
	for x := range scores {
		s := &scores[x]
		if _, plain := byID[s.Criterion]; plain {
			out = append(out, *s)
			continue
		}
		id, minus, ok := rules.SignedKey(s.Criterion)
		i, known := byID[id]
		if !ok || !known || e.nodes[i].IsGroup() {
			out = append(out, *s)
			continue
		}
		n := &e.nodes[i]
		if n.Method != rules.Signed {
			if c == nil {
				out = append(out, *s)
				continue
			}
			c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.signed.not_kind", strconv.Quote(s.Criterion), strconv.Quote(id)).With(lang.MethodName(string(n.Method))))
			changed = true
			continue
		}
		bad := ""
		slot := signedSlot{s.Member, id, s.Stage, s.Assessor}
		a := slots[slot]
		switch {
		case s.Value.IsNegative() || !s.Value.IsInteger():
			bad = "count"
		case netAt[slot]:
			bad = "both"
		case a != nil && ((minus && a.counts.hasMinus) || (!minus && a.counts.hasPlus)):
			bad = "twice"
		}
		if bad != "" {
			if c == nil {
				out = append(out, *s)
				continue
			}
			changed = true
			by := lang.Message{}
			if s.Assessor != "" {
				by = lang.Msg("input.signed.by", s.Assessor)
			}
			switch bad {
			case "count":
				c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.signed.count", s.Value))
			case "both":
				c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.signed.both", strconv.Quote(id), s.Stage, strconv.Quote(s.Criterion)).With(by))
			default:
				prev := a.counts.plusSrc
				if minus {
					prev = a.counts.minusSrc
				}
				c.add(s.Source, s.Member, s.Criterion, lang.Msg("input.signed.twice", strconv.Quote(s.Criterion), s.Stage).With(by, first(prev, s.Source)))
			}
			if m, ok := in.mIdx[s.Member]; ok {
				in.reject(m, i)
			}
			continue
		}
		changed = true
		if a == nil {
			a = &acc{first: s.Source, order: len(out)}
			a.counts.plusEach, a.counts.minusEach = n.Plus.PointsEach, n.Minus.PointsEach
			a.counts.plus, a.counts.minus = decimal.Zero, decimal.Zero
			slots[slot] = a
			keys = append(keys, slot)
			out = append(out, Entry{}) // its place, filled below
		}
		if minus {
			a.counts.minus, a.counts.hasMinus, a.counts.minusSrc = s.Value, true, s.Source
		} else {
			a.counts.plus, a.counts.hasPlus, a.counts.plusSrc = s.Value, true, s.Source
		}
	}
	if !changed {
		return scores, nil
	}
	counts := make(map[int32]signedCounts, len(keys))
	for _, k := range keys {
		a := slots[k]
		n := &e.nodes[byID[k.criterion]]
		net := signedNet(n, a.counts.plus, a.counts.minus)
		out[a.order] = Entry{Member: k.member, Criterion: k.criterion, Stage: k.stage, Assessor: k.assessor, Value: net, Source: a.first}
		counts[int32(a.order)] = a.counts
	}
	return out, counts
}

// signedNet is plus.points_each × plus − minus.points_each × minus.
func signedNet(n *rules.Node, plus, minus decimal.Decimal) decimal.Decimal {
	v := decimal.Zero
	if plus.Sign() != 0 {
		v = mul(n.Plus.PointsEach, plus)
	}
	if minus.Sign() != 0 {
		v = sub(v, mul(n.Minus.PointsEach, minus))
	}
	return v
}

// signedStep is the trace step of a signed criterion's input at a stage:
// its counts and the net points they make, or the net points given.
func (s *scorer) signedStep(n *rules.Node, stage string, k int, v decimal.Decimal) Step {
	if sc, ok := s.in.signed[s.in.rows[k].row]; ok {
		return s.step(n.ID, v, "scoring.signed.input", stage, sc.plus, sc.plusEach, sc.minus, sc.minusEach, v)
	}
	return s.step(n.ID, v, "scoring.signed.net", stage, v)
}

// signedMethod is the trace step of a signed criterion's clamp.
func (s *scorer) signedMethod(n *rules.Node, v, p decimal.Decimal) Step {
	switch {
	case cmpDec(v, n.MinPoints) < 0:
		return s.step(n.ID, p, "scoring.signed.raised", v, n.MinPoints, n.Max)
	case cmpDec(v, n.Max) > 0:
		return s.step(n.ID, p, "scoring.signed.lowered", v, n.MinPoints, n.Max)
	}
	return s.step(n.ID, p, "scoring.signed", p, n.MinPoints, n.Max)
}
