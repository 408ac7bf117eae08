package invariants

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// knownReasons lists, per property, the features of the rulebook that can
// violate it by design.
func knownReasons(rb *rules.Rulebook) map[Property][]Reason {
	out := map[Property][]Reason{}
	add := func(feature string, m lang.Message, ps ...Property) {
		for _, p := range ps {
			out[p] = append(out[p], Reason{Feature: feature, Message: m})
		}
	}
	var relative, votes []string // the criteria whose points depend on the cluster's leader, on the ballot
	for _, n := range rb.Nodes() {
		if n.IsGroup() {
			continue
		}
		f, err := scoring.Describe(rb, n.ID, decimal.Zero)
		switch {
		case err != nil:
		case f.Depends == scoring.OnLeader:
			relative = append(relative, n.ID)
		case f.Depends == scoring.OnBallot:
			votes = append(votes, n.ID)
		}
	}
	if len(relative) > 0 {
		add("relative", lang.Msg("invariants.known.relative", strings.Join(relative, ", ")), RemoveIneligible)
	}
	if len(votes) > 0 {
		add("votes", lang.Msg("invariants.known.votes", strings.Join(votes, ", ")), RemoveIneligible)
	}
	// Head-to-head rules (head_to_head, league) count only the members in
	// play (eligible for some award) as rivals, so removing a member
	// eligible for none reorders nobody: they are no known reason. (A
	// member eligible for a lower tier only is in play and can decide a
	// higher one, but the property does not remove such a member.) Lots
	// drawn with a seed shuffle the tied group as a whole, so who else is
	// tied changes the draw; the check always draws with its seed.
	if slices.ContainsFunc(rb.TieBreaks(), drawsLots) {
		add(string(rules.FeatureLots), lang.Msg("invariants.known.lots"), RemoveIneligible)
	}
	var share, none []string
	for _, t := range rb.Awards() {
		if t.Count == 0 {
			share = append(share, t.ID+" ("+t.Share.String()+")")
		}
		if standings.Forfeits(t.IfIneligible) {
			none = append(none, t.ID)
		}
	}
	if len(share) > 0 {
		add("share", lang.Msg("invariants.known.share", strings.Join(share, ", ")), RemoveIneligible, AddBottom)
	}
	if len(none) > 0 {
		add(string(rules.FeatureIfIneligibleNone), lang.Msg("invariants.known.none", strings.Join(none, ", ")), Monotone, RemoveIneligible)
	}
	var mv []string
	for _, c := range rb.Eligibility() {
		if c.MinVotes != nil {
			mv = append(mv, c.ID)
		}
	}
	if len(mv) > 0 {
		add(string(rules.FeatureMinVotes), lang.Msg("invariants.known.min_votes", strings.Join(mv, ", ")), AddBottom)
	}
	var levels []string
	rp := rb.Rounding()
	for _, l := range []struct {
		name string
		r    *rules.Rounding
	}{{"criterion", rp.Criterion}, {"group", rp.Group}, {"total", rp.Total}, {"percent", rp.Percent}} {
		if l.r != nil {
			levels = append(levels, l.name+" ("+l.r.String()+")")
		}
	}
	if len(levels) > 0 {
		add(string(rules.FeatureRounding), lang.Msg("invariants.known.rounding", strings.Join(levels, "; ")), ScaleWeights)
	}
	return out
}

// explained returns the features whose removal makes the violation
// disappear, or nil if there are none or it persists without them.
func (c *checker) explained(p Property, sh scoring.Sheet, w witness) []string {
	wd, features, ok := c.neutral(p, sh)
	if !ok {
		return nil
	}
	if _, bad := c.try(wd, p, sh, w); bad {
		return nil
	}
	return features
}

// neutral is the world without the property's known features: quotas by
// share fixed at the sheet's size, if_ineligible none made next_eligible,
// drawing lots and vote-share conditions dropped, rounding dropped, and
// relative and votes criteria frozen at the points the sheet gives them.
func (c *checker) neutral(p Property, sh scoring.Sheet) (world, []string, bool) {
	reasons := c.known[p]
	if len(reasons) == 0 {
		return world{}, nil, false
	}
	rb := c.main.rb
	spec := rb.Spec()
	var features []string
	freeze := false
	for _, r := range reasons {
		features = append(features, r.Feature)
		switch r.Feature {
		case "share":
			spec = spec.FixedQuotas(len(sh.Members))
		case "relative", "votes":
			freeze = true
		default:
			// the rulebook's own features: rules writes what taking
			// each out means (none, lots, min_votes, rounding)
			spec, _ = spec.Neutral(rules.Feature(r.Feature))
		}
	}
	var frozen []string
	if freeze {
		frozen = onCluster(rb) // scored against the cluster: frozen at the points the sheet gives them
		spec = spec.Direct(frozen)
	}
	nrb, err := rules.New(spec)
	if err != nil {
		return world{}, nil, false
	}
	wd := world{rb: nrb, scaled: map[int64]*rules.Rulebook{}}
	if p == ScaleWeights {
		for _, k := range scales {
			s, err := scaledRulebook(nrb.Spec(), k)
			if err != nil {
				return world{}, nil, false
			}
			wd.scaled[k] = s
		}
	}
	if len(frozen) > 0 {
		wd.fix = func(base, changed scoring.Sheet) (scoring.Sheet, scoring.Sheet, bool) {
			cards, err := scoring.Score(rb, base, scoring.WithoutTrace())
			if err != nil {
				return base, changed, false
			}
			more, err := scoring.Score(rb, changed, scoring.WithoutTrace())
			if err != nil {
				return base, changed, false
			}
			points := map[[2]string]decimal.Decimal{}
			for _, cs := range [][]scoring.Scorecard{more, cards} { // the base's points win
				for _, card := range cs {
					for _, n := range card.Nodes {
						if slices.Contains(frozen, n.ID) {
							points[[2]string{card.Member.ID, n.ID}] = n.Points
						}
					}
				}
			}
			return freezeSheet(base, frozen, c.prof.stage, points), freezeSheet(changed, frozen, c.prof.stage, points), true
		}
	}
	return wd, features, true
}

// onCluster lists the leaf criteria whose points depend on the cluster
// (relative criteria on the leader, votes criteria on the ballot), in the
// rulebook's order.
func onCluster(rb *rules.Rulebook) []string {
	var out []string
	for _, n := range rb.Nodes() {
		if n.IsGroup() {
			continue
		}
		if f, err := scoring.Describe(rb, n.ID, decimal.Zero); err == nil && f.Depends != scoring.OwnInput {
			out = append(out, n.ID)
		}
	}
	return out
}

// drawsLots reports whether a tie-break draws lots (bốc thăm).
func drawsLots(tb rules.TieBreak) bool {
	return standings.Compare(tb).Reads.Has(standings.Draw)
}

// freezeSheet replaces the values of the frozen criteria by the points
// given, as direct points at the counted stage.
func freezeSheet(sh scoring.Sheet, frozen []string, stage string, points map[[2]string]decimal.Decimal) scoring.Sheet {
	out := cloneSheet(sh)
	out.Scores = slices.DeleteFunc(out.Scores, func(e scoring.Entry) bool { return slices.Contains(frozen, e.Criterion) })
	out.Targets = slices.DeleteFunc(out.Targets, func(t scoring.Target) bool { return slices.Contains(frozen, t.Criterion) })
	for _, m := range out.Members {
		for _, id := range frozen {
			if v, ok := points[[2]string{m.ID, id}]; ok {
				out.Scores = append(out.Scores, scoring.Entry{Member: m.ID, Criterion: id, Stage: stage, Value: v})
			}
		}
	}
	return out
}

// scaledRulebook multiplies every top-level weight by k, and with it every
// amount of points counted at the level of the total: bonus and deduction
// points, caps and floor, minimum totals, maximum deductions and the
// divergence threshold on the total.
func scaledRulebook(spec rules.Spec, k int64) (*rules.Rulebook, error) {
	f := decimal.NewFromInt(k)
	for i := range spec.Criteria {
		spec.Criteria[i].Weight = spec.Criteria[i].EffectiveWeight().Mul(f)
	}
	scaleItems := func(items []rules.Item) {
		for i := range items {
			items[i].Points, items[i].Max = items[i].Points.Mul(f), items[i].Max.Mul(f)
		}
	}
	scaleItems(spec.Bonus.Items)
	scaleItems(spec.Deductions.Items)
	spec.Bonus.Cap, spec.Deductions.Cap = spec.Bonus.Cap.Mul(f), spec.Deductions.Cap.Mul(f)
	if fl := spec.Deductions.Floor; fl != nil {
		v := fl.Mul(f)
		spec.Deductions.Floor = &v
	}
	spec.Assessment.Divergence.Total = spec.Assessment.Divergence.Total.Mul(f)
	for i, c := range spec.Eligibility {
		if c.MinTotal != nil {
			v := c.MinTotal.Mul(f)
			spec.Eligibility[i].MinTotal = &v
		}
		if c.MaxDeductions != nil {
			v := c.MaxDeductions.Mul(f)
			spec.Eligibility[i].MaxDeductions = &v
		}
	}
	return rules.New(spec)
}
