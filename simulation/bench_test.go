package simulation

import (
	"context"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// benchCluster builds the benchmark cluster: members × (groups × perGroup)
// direct criteria of maximum 10 in five groups, values in steps of step,
// and a model of ± 2 steps around every value. seed varies the values.
func benchCluster(tb testing.TB, members, groups, perGroup int, step string, seed uint64) (*rules.Rulebook, scoring.Sheet, Model) {
	tb.Helper()
	var b strings.Builder
	b.WriteString("id: bench\nversion: \"1\"\ntitle: benchmark cluster\ncriteria:\n")
	for g := range groups {
		fmt.Fprintf(&b, "  - id: G%d\n    name: nhóm %d\n    children:\n", g, g)
		for c := range perGroup {
			fmt.Fprintf(&b, "      - {id: c%d_%d, name: tiêu chí %d.%d, max: 10}\n", g, c, g, c)
		}
	}
	b.WriteString(`deductions: {items: [{id: d, name: trừ, points: 0.5}]}
eligibility:
  - {id: e90, reason: ">= 90%", min_percent: 90}
  - {id: floor, reason: floor 80%, criterion_floor: {share: 80%}}
tie_breaks: [{group: G0}, fewer_deductions, more_votes]
awards:
  - {id: flag, name: Cờ thi đua, count: 1, requires: [e90, floor]}
  - {id: merit, name: Bằng khen, count: 2}
`)
	rb, err := rules.Parse("bench.yaml", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	st := decimal.RequireFromString(step)
	levels := decimal.NewFromInt(10).Div(st).IntPart()
	sh := scoring.Sheet{Cluster: fmt.Sprintf("cluster %d", seed), Ballot: &scoring.Ballot{}}
	for m := range members {
		id := fmt.Sprintf("M%02d", m)
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Sở " + id})
		for g := range groups {
			for c := range perGroup {
				// mostly high scores, as in real clusters, so that totals meet
				v := st.Mul(decimal.NewFromInt(levels - rng.Int64N(levels/4+1)))
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: fmt.Sprintf("c%d_%d", g, c), Stage: "cluster", Value: v})
			}
		}
		sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: "d", Count: rng.IntN(2)})
		sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: id, For: rng.IntN(members + 1)})
	}
	r := st.Mul(decimal.NewFromInt(2))
	return rb, sh, Model{Default: &Uncertainty{Range: r, Step: st}}
}

// BenchmarkEvaluation measures one scenario of a 10-member × 30-criterion
// cluster (300 member-criterion evaluations, plus ranking, eligibility and
// awards) with the compiled engine, the float64 reference loop and the
// decimal engine; ns/eval is ns/op ÷ 300.
func BenchmarkEvaluation(b *testing.B) {
	rb, sh, model := benchCluster(b, 10, 5, 6, "0.25", 1)
	p, err := compilePlan(rb, sh, model, Config{})
	if err != nil {
		b.Fatal(err)
	}
	evals := float64(len(p.cells))
	b.Run("compiled", func(b *testing.B) {
		s := p.newState()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			s.run(1, uint64(i)) // what Run does: draw and sum in one pass, then rank
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
	b.Run("float64", func(b *testing.B) {
		f := newFloatRef(p)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			f.scenario(1, uint64(i))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
	b.Run("decimal", func(b *testing.B) {
		s := p.newState()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p.draw(1, uint64(i), s.k)
			if err := p.decimalScenario(s); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
}

// floatRef is the float64 reference: the same scenario, computed the way a
// straightforward float64 simulation would — draw each value, compute its
// points in float64, sum per member and group, percentage of the
// attainable maximum, order by percentage with the group tie-break, check
// the 90% and 80%-floor conditions and give the awards down the order. It
// is here to be measured beside the compiled engine and to show where
// float64 goes wrong, not to be used.
type floatRef struct {
	p       *plan
	base    []float64 // per cell: the first outcome
	step    []float64 // per cell: the step between outcomes
	max     []float64
	weight  []float64
	group   []int // per cell: top-level group index
	cst     []float64
	attain  []float64
	total   []float64
	pct     []float64
	gsum    []float64 // per member × group
	low     []bool    // per member: some criterion below the floor
	order   []int
	award   []int
	winner  int
	ngroups int
	digits  [][][8]uint8 // per step, per draw: its cells' outcomes
	// pre is the compiled loop's trick in float64: per step and draw, the
	// sum of its cells' points and whether one is below the floor (at
	// plan.steps[i].off + draw).
	pre []floatEntry
}

type floatEntry struct {
	v   float64
	low bool
}

func newFloatRef(p *plan) *floatRef {
	f := &floatRef{p: p, total: make([]float64, p.n), pct: make([]float64, p.n), order: make([]int, p.n),
		cst: make([]float64, p.n), attain: make([]float64, p.n), low: make([]bool, p.n), award: make([]int, p.n)}
	roots := p.rb.Roots()
	f.ngroups = len(roots)
	f.gsum = make([]float64, p.n*f.ngroups)
	for _, cl := range p.cells {
		v0, _ := cl.set.value(0).Float64()
		st := 0.0
		if len(cl.set.vals) > 1 {
			st, _ = cl.set.value(1).Sub(cl.set.value(0)).Float64()
		}
		mx, _ := p.nodes[cl.node].Max.Float64()
		w, _ := p.nodes[cl.node].EffectiveWeight().Float64()
		g := cl.node
		for p.nodes[g].Parent >= 0 {
			g = p.nodes[g].Parent
		}
		f.base, f.step, f.max, f.weight = append(f.base, v0), append(f.step, st), append(f.max, mx), append(f.weight, w)
		f.group = append(f.group, slices.Index(roots, g))
	}
	for m := range p.n {
		f.cst[m] = float64(p.bonus[m]-p.ded[m]) / float64(pow10(p.g))
		f.attain[m] = float64(p.attain[m]) / float64(pow10(p.g))
	}
	ks := make([]int32, len(p.cells))
	for si := range p.steps {
		st := &p.steps[si]
		n := st.n
		if !st.tiny {
			n = uint32(len(p.cells[st.first].set.vals))
		}
		d := make([][8]uint8, n)
		for k := range n {
			if st.tiny {
				st.split(p, k, ks)
			} else {
				ks[st.first] = int32(k)
			}
			for j := range int(st.count) {
				d[k][j] = uint8(ks[int(st.first)+j])
			}
		}
		f.digits = append(f.digits, d)
		for k := range n {
			var e floatEntry
			for j := range int(st.count) {
				ci := int(st.first) + j
				v := f.base[ci] + float64(d[k][j])*f.step[ci]
				v = min(max(v, 0), f.max[ci])
				e.v += v * f.weight[ci]
				e.low = e.low || v < 0.8*f.max[ci]
			}
			f.pre = append(f.pre, e)
		}
	}
	return f
}

// presummed is the inner loop with the compiled loop's pre-summed tables,
// in float64: the same draws, one look-up and one addition per step. It
// shows where the compiled loop's lead over totals comes from.
func (f *floatRef) presummed(seed, i uint64) {
	p := f.p
	r := newStream(seed, i)
	state, lanes, nlanes := r.s, uint64(0), 0
	pre := f.pre
	for m := range p.n {
		t := f.cst[m]
		low := false
		lo, hi := p.stepsByMem[m][0], p.stepsByMem[m][1]
		steps := p.steps[lo:hi]
		for c := range steps {
			st := &steps[c]
			var k uint32
			if st.tiny {
				for {
					if nlanes == 0 {
						state += 0xa0761d6478bd642f
						hi, lo := bits.Mul64(state, state^0xe7037ed1a0b428db)
						lanes, nlanes = hi^lo, 8
					}
					x := uint32(lanes&0xff) * st.n
					lanes >>= 8
					nlanes--
					if x&0xff >= st.t8 {
						k = x >> 8
						break
					}
				}
			} else {
				r.s, r.bytes, r.nbyte = state, lanes, nlanes
				k = uint32(p.outcome(&r, int(st.first)))
				state, lanes, nlanes = r.s, r.bytes, r.nbyte
			}
			e := &pre[int(st.off)+int(k)]
			t += e.v
			low = low || e.low
		}
		f.total[m] = t
		f.low[m] = low
	}
}

func pow10(n int32) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// totals is the inner loop: draw, points, sums. It draws the same
// scenario as the compiled loop — the same grouped draws from the same
// stream, with the state in locals as there — and splits each draw into
// its cells' outcomes with a precomputed table; then it works cell by cell
// in float64, as a straightforward float simulation would.
func (f *floatRef) totals(seed, i uint64) {
	p := f.p
	r := newStream(seed, i)
	state, lanes, nlanes := r.s, uint64(0), 0
	for m := range p.n {
		t := f.cst[m]
		gs := f.gsum[m*f.ngroups : (m+1)*f.ngroups]
		clear(gs)
		low := false
		lo, hi := p.stepsByMem[m][0], p.stepsByMem[m][1]
		for si := lo; si < hi; si++ {
			st := &p.steps[si]
			var k uint32
			if st.tiny {
				for {
					if nlanes == 0 {
						state += 0xa0761d6478bd642f
						hi, lo := bits.Mul64(state, state^0xe7037ed1a0b428db)
						lanes, nlanes = hi^lo, 8
					}
					x := uint32(lanes&0xff) * st.n
					lanes >>= 8
					nlanes--
					if x&0xff >= st.t8 {
						k = x >> 8
						break
					}
				}
			} else {
				r.s, r.bytes, r.nbyte = state, lanes, nlanes
				k = uint32(p.outcome(&r, int(st.first)))
				state, lanes, nlanes = r.s, r.bytes, r.nbyte
			}
			digits := f.digits[si][k]
			for j := range int(st.count) {
				ci := int(st.first) + j
				v := f.base[ci] + float64(digits[j])*f.step[ci]
				v = min(max(v, 0), f.max[ci])
				pts := v * f.weight[ci]
				t += pts
				gs[f.group[ci]] += pts
				low = low || v < 0.8*f.max[ci]
			}
		}
		f.total[m] = t
		f.low[m] = low
	}
}

func (f *floatRef) scenario(seed, i uint64) {
	p := f.p
	f.totals(seed, i)
	for m := range p.n {
		f.pct[m] = f.total[m] * 100 / f.attain[m]
		f.order[m] = m
		f.award[m] = -1
	}
	o := f.order
	better := func(a, b int) bool {
		if f.pct[a] != f.pct[b] {
			return f.pct[a] > f.pct[b]
		}
		return f.gsum[a*f.ngroups] > f.gsum[b*f.ngroups]
	}
	for a := 1; a < len(o); a++ {
		for j := a; j > 0 && better(o[j], o[j-1]); j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
	f.winner = o[0]
	given := 0
	for _, m := range o { // flag: 1 place, needs 90% and the floor
		if given == 1 {
			break
		}
		if f.pct[m] >= 90 && !f.low[m] {
			f.award[m] = 0
			given++
		}
	}
	given = 0
	for _, m := range o { // merit: 2 places
		if given == 2 {
			break
		}
		if f.award[m] < 0 {
			f.award[m] = 1
			given++
		}
	}
}

// BenchmarkInnerLoop is the member × criterion evaluation alone, for the
// same scenarios on both sides: draw, points, the members' totals (and
// floor checks; for the float64 loop, group sums too), for 10 × 30 cells.
// The compiled loop looks up pre-summed exact values per draw; the float64
// loop computes each cell's points.
func BenchmarkInnerLoop(b *testing.B) {
	rb, sh, model := benchCluster(b, 10, 5, 6, "0.25", 1)
	p, err := compilePlan(rb, sh, model, Config{})
	if err != nil {
		b.Fatal(err)
	}
	evals := float64(len(p.cells))
	b.Run("compiled", func(b *testing.B) {
		s := p.newState()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			s.sum(1, uint64(i))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
	b.Run("float64", func(b *testing.B) {
		f := newFloatRef(p)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			f.totals(1, uint64(i))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
	// float64 given the compiled loop's pre-summed step tables: the fair
	// comparison of the arithmetic alone (the tables are what the compiled
	// loop gains over the float64 reference)
	b.Run("float64-presummed", func(b *testing.B) {
		f := newFloatRef(p)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			f.presummed(1, uint64(i))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/evals, "ns/eval")
	})
}

// BenchmarkRun1M is the full Monte Carlo run: 1,000,000 scenarios of the
// 10 × 30 cluster, with 1 and 2 workers; time/op is the wall time of one
// run, and memory does not depend on the number of scenarios.
func BenchmarkRun1M(b *testing.B) {
	rb, sh, model := benchCluster(b, 10, 5, 6, "0.25", 1)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 1_000_000, Seed: 1, Workers: w})
				if err != nil || r.Engine != "compiled" {
					b.Fatal(err, r.Engine)
				}
			}
		})
	}
}

// BenchmarkCountryBatch ranks every cluster of a country — 63 provinces ×
// 20 clusters of 10 members, 30 criteria each — under 300 scenario
// variants: 3.78 million scorecards, from the decimal sheets in memory,
// conversion to fixed point included. It reports the peak heap.
func BenchmarkCountryBatch(b *testing.B) {
	const clusters = 63 * 20
	var rb *rules.Rulebook
	var model Model
	sheets := make([]scoring.Sheet, clusters)
	for i := range sheets {
		rb, sheets[i], model = benchCluster(b, 10, 5, 6, "0.25", uint64(i))
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		res, err := RunMany(context.Background(), rb, sheets, model, Config{Scenarios: 300, Seed: 9})
		if err != nil {
			b.Fatal(err)
		}
		if len(res) != clusters || res[0].Completed != 300 {
			b.Fatal("incomplete batch")
		}
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapSys)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(before.HeapAlloc)/(1<<20), "inputs-MiB")
	b.ReportMetric(clusters*10*300/b.Elapsed().Seconds()*float64(b.N), "scorecards/s")
	reportCPU(b, cpu)
}

// On tie-heavy data float64 misranks: values in steps of 0.1 (not exact in
// binary) give totals that should be equal but differ in the last bit, so
// float64 "breaks" ties that the exact engine sends to the tie-break chain.
func TestFloat64MisranksTies(t *testing.T) {
	rb, sh, model := benchCluster(t, 10, 5, 6, "0.1", 3)
	p, err := compilePlan(rb, sh, model, Config{})
	if err != nil {
		t.Fatal(err)
	}
	f := newFloatRef(p)
	s := p.newState()
	const n = 20000
	wrong, ties := 0, 0
	for i := range uint64(n) {
		s.run(5, i)
		if i < 100 { // the pre-summed float64 loop computes the same totals, up to rounding
			f.presummed(5, i)
			pre := slices.Clone(f.total)
			f.totals(5, i)
			for m := range pre {
				if d := pre[m] - f.total[m]; d > 1e-9 || d < -1e-9 {
					t.Fatalf("scenario %d member %d: pre-summed %v, cell by cell %v", i, m, pre[m], f.total[m])
				}
			}
		}
		f.totals(5, i)
		// the top member by total alone (ties to the lower index), in exact
		// integers and in float64: any difference is arithmetic alone
		exact, float := 0, 0
		for m := 1; m < p.n; m++ {
			if s.total[m] > s.total[exact] {
				exact = m
			}
			if f.total[m] > f.total[float] {
				float = m
			}
		}
		for m := range p.n {
			if m != exact && s.total[m] == s.total[exact] {
				ties++
				break
			}
		}
		if float != exact {
			wrong++
		}
	}
	t.Logf("%d of %d scenarios: float64 picks a different top member than exact arithmetic; %d scenarios had a tie at the top", wrong, n, ties)
	if wrong == 0 {
		t.Error("expected float64 to misrank some tied scenarios with 0.1 steps")
	}
}
