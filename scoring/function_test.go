package scoring_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// genFunction is a random one-criterion rulebook of any method, with random
// parameters, weight and rounding.
type genFunction struct {
	yaml   string
	method rules.Method
	max    decimal.Decimal
	tiers  []rules.Tier
	each   decimal.Decimal
	target decimal.Decimal
	min    decimal.Decimal // signed
	quo    rules.Rounding
}

func genPointRulebook(r *rand.Rand) genFunction {
	methods := []rules.Method{rules.Direct, rules.Ratio, rules.PassFail, rules.Tiers, rules.PerOccurrence, rules.Relative, rules.Votes, rules.Signed}
	g := genFunction{method: pick(r, methods...), max: d(pick(r, "5", "7", "10", "12.5", "20"))}
	var b strings.Builder
	fmt.Fprintf(&b, "criteria:\n  - {id: x, name: X, max: %s, method: %s", g.max, g.method)
	w := pick(r, "", "", "2", "0.5", "1.5", "0.3")
	if w != "" {
		fmt.Fprintf(&b, ", weight: %s", w)
	}
	switch g.method {
	case rules.Ratio, rules.Relative:
		if r.IntN(4) > 0 {
			g.target = d(pick(r, "3", "7", "9.5", "100", "0.7"))
			fmt.Fprintf(&b, ", target: %s", g.target)
		}
	case rules.PerOccurrence:
		g.each = d(pick(r, "1", "2.5", "3", "0.7"))
		fmt.Fprintf(&b, ", points_each: %s", g.each)
	case rules.Signed:
		g.min = d(pick(r, "0", "-2.5", "-5", "-20"))
		fmt.Fprintf(&b, ", min: %s, plus: {points_each: %s}, minus: {points_each: %s}", g.min, pick(r, "1", "2.5", "0.7"), pick(r, "1", "3", "0.25"))
	case rules.Tiers:
		b.WriteString(", tiers: [")
		at, pts := int64(r.IntN(10)-5), int64(0)
		for range 1 + r.IntN(4) {
			pts = min(4, pts+int64(r.IntN(3)))
			g.tiers = append(g.tiers, rules.Tier{AtLeast: decimal.NewFromInt(at), Points: g.max.Mul(decimal.NewFromInt(pts)).Div(d("4"))})
			at += 1 + int64(r.IntN(8))
		}
		g.tiers[len(g.tiers)-1].Points = g.max // the maximum must be reachable
		r.Shuffle(len(g.tiers), func(i, j int) { g.tiers[i], g.tiers[j] = g.tiers[j], g.tiers[i] })
		for i, t := range g.tiers {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{at_least: %s, points: %s}", t.AtLeast, t.Points)
		}
		b.WriteString("]")
	}
	b.WriteString("}\n  - {id: y, name: Y, max: 10}\n")
	modes := []rules.RoundingMode{rules.RoundHalfUp, rules.RoundHalfEven, rules.RoundDown, rules.RoundUp, rules.RoundFloor, rules.RoundCeiling}
	g.quo = rules.Rounding{Places: int32(r.IntN(5)), Mode: pick(r, modes...)}
	fmt.Fprintf(&b, "rounding:\n  quotient: {places: %d, mode: %s}\n", g.quo.Places, g.quo.Mode)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "  criterion: {places: %d, mode: %s}\n", r.IntN(3), pick(r, modes...))
	}
	g.yaml = b.String()
	return g
}

// genInput draws an input the criterion accepts.
func genInput(r *rand.Rand, g genFunction) decimal.Decimal {
	switch g.method {
	case rules.PassFail:
		return decimal.NewFromInt(int64(r.IntN(2)))
	case rules.PerOccurrence:
		return decimal.NewFromInt(int64(r.IntN(12)))
	case rules.Direct:
		return decimal.NewFromInt(r.Int64N(g.max.Mul(d("4")).IntPart() + 1)).Div(d("4"))
	case rules.Tiers, rules.Signed:
		return decimal.NewFromInt(int64(r.IntN(80) - 20)).Div(d("2"))
	}
	return decimal.NewFromInt(int64(r.IntN(400))).Div(d(pick(r, "1", "4", "10")))
}

// reference computes a criterion's points from the formulas of the
// README (rules' method documentation), independently of PointFunction.
func reference(g genFunction, rb *rules.Rulebook, v, t, la, lt decimal.Decimal, top int) decimal.Decimal {
	q := rb.Quotient()
	n, _ := rb.Node("x")
	if r := rb.Rounding().Criterion; r != nil && n.EffectiveWeight().Equal(decimal.NewFromInt(1)) {
		q = *r
	}
	capped := func(p decimal.Decimal) decimal.Decimal { return decimal.Min(p, g.max) }
	two := decimal.NewFromInt(2)
	switch g.method {
	case rules.Direct:
		return v
	case rules.PassFail:
		if v.Equal(decimal.NewFromInt(1)) {
			return g.max
		}
		return decimal.Zero
	case rules.Ratio:
		return capped(q.Quo(g.max.Mul(v), t))
	case rules.PerOccurrence:
		return capped(v.Mul(g.each))
	case rules.Tiers:
		p, best := decimal.Zero, (*rules.Tier)(nil)
		for i, tr := range g.tiers {
			if v.GreaterThanOrEqual(tr.AtLeast) && (best == nil || tr.AtLeast.GreaterThan(best.AtLeast)) {
				best, p = &g.tiers[i], tr.Points
			}
		}
		return capped(p)
	case rules.Signed: // the input is the net points: clamped to [min, max]
		return decimal.Max(g.min, capped(v))
	case rules.Votes:
		if top == 0 {
			return decimal.Zero
		}
		return q.Quo(g.max.Mul(v), decimal.NewFromInt(int64(top)))
	}
	// relative, with L = la/lt the best ratio
	switch c := v.Cmp(t); {
	case c < 0:
		return capped(q.Quo(g.max.Mul(v), two.Mul(t)))
	case c == 0:
		return capped(q.Quo(g.max, two))
	case v.Mul(lt).Equal(la.Mul(t)):
		return g.max
	}
	l := new(big.Rat).Quo(la.Rat(), lt.Rat())
	a := new(big.Rat).Quo(v.Rat(), t.Rat())
	half := new(big.Rat).Quo(g.max.Rat(), big.NewRat(2, 1))
	x := new(big.Rat).Quo(new(big.Rat).Sub(a, big.NewRat(1, 1)), new(big.Rat).Sub(l, big.NewRat(1, 1)))
	x.Add(big.NewRat(1, 1), x).Mul(x, half)
	return capped(q.Quo(decimal.NewFromBigInt(x.Num(), 0), decimal.NewFromBigInt(x.Denom(), 0)))
}

// ratPoints evaluates a complete PointFunction's pieces in rational
// arithmetic, as whatif does: a second reading of the description.
func ratPoints(f scoring.PointFunction, x decimal.Decimal) *big.Rat {
	xr := x.Rat()
	k := 0
	for i, p := range f.Pieces {
		if p.Unbounded {
			k = i
			continue
		}
		c := xr.Cmp(p.From.Rat())
		if c > 0 || (c == 0 && !p.Open) {
			k = i
		}
	}
	p := f.Pieces[k]
	y := new(big.Rat).Add(new(big.Rat).Mul(p.Mul.Rat(), xr), p.Add.Rat())
	if p.Round != nil {
		y.Quo(y, p.Div.Rat())
		num := decimal.NewFromBigInt(y.Num(), 0)
		den := decimal.NewFromBigInt(y.Denom(), 0)
		y = p.Round.Quo(num, den).Rat()
	}
	if f.Cap != nil && y.Cmp(f.Cap.Rat()) > 0 {
		y = f.Cap.Rat()
	}
	return y
}

// The description is what Score computes: for every method and random
// parameters, evaluating a member's PointFunction (given the cluster's
// leader or top vote count where it depends on them) gives the scorecard's
// points and value, which are also the README's formulas; the domain is
// what the sheet accepts; and the points no longer change past the
// saturation.
func TestPropertyPointFunctionIsScore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	seen := map[rules.Method]int{}
	for run := range runs(2000) {
		g := genPointRulebook(r)
		rb := mustRulebook(t, g.yaml)
		sh := scoring.Sheet{Cluster: "P", Year: 2024, Ballot: &scoring.Ballot{}}
		nm := 1 + r.IntN(5)
		vals, targets := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
		for i := range nm {
			id := fmt.Sprintf("M%d", i)
			sh.Members = append(sh.Members, scoring.Member{ID: id, Name: id})
			sh.Scores = append(sh.Scores, cl(id, "y", "5"))
			v := genInput(r, g)
			switch g.method {
			case rules.Votes:
				v = decimal.NewFromInt(int64(r.IntN(nm + 1)))
				if r.IntN(5) == 0 {
					v = decimal.Zero
				}
				sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: id, For: int(v.IntPart())})
			default:
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: "x", Stage: "cluster", Value: v})
			}
			vals[id] = v
			targets[id] = g.target
			if (g.method == rules.Ratio || g.method == rules.Relative) && (g.target.IsZero() || r.IntN(3) == 0) {
				targets[id] = d(pick(r, "4", "8", "50", "0.25"))
				sh.Targets = append(sh.Targets, scoring.Target{Member: id, Criterion: "x", Value: targets[id]})
			}
		}
		cards, err := scoring.Score(rb, sh, scoring.WithoutTrace())
		require.NoError(t, err, "run %d:\n%s", run, g.yaml)
		la, lt, top := decimal.Zero, decimal.NewFromInt(1), 0
		for id, v := range vals {
			if v.Mul(lt).GreaterThan(la.Mul(targets[id])) {
				la, lt = v, targets[id]
			}
			top = max(top, int(v.IntPart()))
		}
		for _, c := range cards {
			id := c.Member.ID
			v := vals[id]
			f, err := scoring.Describe(rb, "x", targets[id])
			require.NoError(t, err)
			require.True(t, f.Domain.Accepts(v), "run %d: %s not in the domain", run, v)
			switch f.Depends {
			case scoring.OnLeader:
				require.False(t, f.Complete())
				f = f.GivenLeader(la, lt)
			case scoring.OnBallot:
				require.False(t, f.Complete())
				f = f.GivenTop(top)
			}
			ns := c.Nodes[0]
			where := fmt.Sprintf("run %d, %s, %s = %s:\n%s", run, id, g.method, v, g.yaml)
			got := f.Apply(v)
			require.True(t, got.Equal(ns.Points), "%s\nApply %s, Score %s", where, got, ns.Points)
			require.True(t, f.Contribution(got).Equal(ns.Value), "%s\nContribution %s, Score %s", where, f.Contribution(got), ns.Value)
			ref := reference(g, rb, v, targets[id], la, lt, top)
			require.True(t, got.Equal(ref), "%s\nApply %s, reference %s", where, got, ref)
			require.Zero(t, ratPoints(f, v).Cmp(got.Rat()), "%s\nrational reading %s", where, ratPoints(f, v).RatString())
			if f.Depends == scoring.OwnInput {
				p, c, err := scoring.LeafPoints(rb, "x", v, targets[id])
				require.NoError(t, err)
				require.True(t, p.Equal(ns.Points) && c.Equal(ns.Value), where)
			}
			if sat, ok := f.Saturation(); ok && f.Depends != scoring.OnBallot {
				at := decimal.NewFromBigRat(sat, 12)
				if last := f.Pieces[len(f.Pieces)-1]; at.Rat().Cmp(sat) != 0 || (last.Open && last.From.Rat().Cmp(sat) == 0) {
					at = at.Add(decimal.New(1, -12)) // the next 12-place value past it
				}
				for _, x := range []decimal.Decimal{at, at.Add(decimal.NewFromInt(1)), at.Add(at.Abs().Mul(d("3"))).Add(decimal.NewFromInt(7))} {
					if !f.Domain.Accepts(x) {
						continue
					}
					// constant, but for the rounding of the last piece
					unit := decimal.Zero
					if rd := f.Pieces[len(f.Pieces)-1].Round; rd != nil {
						unit = decimal.New(1, -rd.Places)
					}
					require.True(t, f.Apply(x).Sub(f.Apply(at)).Abs().LessThanOrEqual(unit), "%s\nsaturation %s: %s gives %s", where, sat.RatString(), x, f.Apply(x))
				}
			}
			seen[g.method]++
		}
		// a value the domain refuses is refused by Score, and one it
		// accepts is accepted
		if g.method != rules.Votes {
			f, _ := scoring.Describe(rb, "x", targets["M0"])
			x := pick(r, d("-1"), d("0.5"), d("2"), g.max.Add(d("0.25")), d("3"))
			bad := sh
			bad.Scores = append([]scoring.Entry(nil), sh.Scores...)
			for i := range bad.Scores {
				if bad.Scores[i].Member == "M0" && bad.Scores[i].Criterion == "x" {
					bad.Scores[i].Value = x
				}
			}
			_, err := scoring.Score(rb, bad, scoring.WithoutTrace())
			require.Equal(t, f.Domain.Accepts(x), err == nil, "run %d: %s = %s: domain %v, Score %v\n%s", run, g.method, x, f.Domain.Accepts(x), err, g.yaml)
		}
	}
	if !testing.Short() {
		for _, m := range []rules.Method{rules.Direct, rules.Ratio, rules.PassFail, rules.Tiers, rules.PerOccurrence, rules.Relative, rules.Votes, rules.Signed} {
			require.Greater(t, seen[m], 100, "method %s", m)
		}
	}
}

func TestDescribe(t *testing.T) {
	rb := mustRulebook(t, `
criteria:
  - {id: d, name: D, max: 10}
  - {id: r, name: R, max: 20, method: ratio}
  - {id: o, name: O, max: 10, method: per_occurrence, points_each: 3}
  - {id: p, name: P, max: 5, method: pass_fail}
  - id: G
    name: G
    children: [{id: v, name: V, max: 10, method: votes}]
`)
	f, err := scoring.Describe(rb, "d", decimal.Zero)
	require.NoError(t, err)
	require.True(t, f.Identity())
	sat, ok := f.Saturation()
	require.True(t, ok)
	require.Equal(t, "10", sat.RatString())

	f, _ = scoring.Describe(rb, "r", decimal.Zero)
	require.True(t, f.ReadsTarget)
	require.False(t, f.Complete(), "a ratio without a target has no pieces")
	f, _ = scoring.Describe(rb, "r", d("40"))
	require.False(t, f.Identity())
	sat, _ = f.Saturation()
	require.Equal(t, "40", sat.RatString())
	eq(t, "ratio", f.Apply(d("30")), "15")

	f, _ = scoring.Describe(rb, "o", decimal.Zero)
	require.Equal(t, scoring.WholeCounts, f.Domain.Kind)
	sat, _ = f.Saturation()
	require.Equal(t, "4", sat.RatString(), "ceil(10/3)")

	f, _ = scoring.Describe(rb, "p", decimal.Zero)
	require.True(t, f.Domain.Accepts(d("1")))
	require.False(t, f.Domain.Accepts(d("0.5")))

	f, _ = scoring.Describe(rb, "v", decimal.Zero)
	require.Equal(t, scoring.OnBallot, f.Depends)
	eq(t, "votes", f.GivenTop(4).Apply(d("3")), "7.5")

	_, err = scoring.Describe(rb, "G", decimal.Zero)
	require.ErrorContains(t, err, "group")
	_, err = scoring.Describe(rb, "nope", decimal.Zero)
	require.ErrorContains(t, err, "unknown")
	require.Equal(t, "10/3", scoring.Fraction{Num: d("10"), Den: d("3")}.String())
}
