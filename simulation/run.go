package simulation

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Config sets a simulation's size, seed and engine.
type Config struct {
	// Scenarios is the number of scenarios to draw.
	Scenarios int
	// Seed starts the scenario stream; the result records it.
	Seed uint64
	// Workers is the number of goroutines (0: one per CPU). The result does
	// not depend on it.
	Workers int
	// LotsSeed is the seed for ties that reach drawing lots in a scenario
	// (nil: such ties stay unresolved unless the sheet records a draw).
	LotsSeed *uint64
	// Engine chooses the evaluator: Auto (compiled when possible), Compiled
	// (fail if the plan cannot be compiled) or Decimal.
	Engine Engine
	// Progress, if set, is called from one goroutine about ten times a
	// second and at the end with the scenarios done so far.
	Progress func(done, total int)
}

// Schema is the current value of Result.Schema.
const Schema = "thidua/simulation/v1"

// Engine selects how scenarios are evaluated.
type Engine int

// The engines.
const (
	Auto Engine = iota
	Compiled
	Decimal
)

// Result is the outcome of a simulation. Probabilities are shares of the
// completed scenarios, with 95% Wilson score intervals.
type Result struct {
	// Schema names the JSON layout of this type and its version.
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	Seed      uint64              `json:"seed"`
	Scenarios int                 `json:"scenarios"` // requested
	Completed int                 `json:"completed"`
	// Partial is true if the run was cancelled before all scenarios were
	// done; the figures are then over the completed ones.
	Partial bool `json:"partial"`
	// Engine says which evaluator ran ("compiled", or "decimal" with the
	// reason the plan could not be compiled).
	Engine  string        `json:"engine"`
	Tiers   []string      `json:"tiers"`
	Members []MemberOdds  `json:"members"`
	Ties    Share         `json:"unresolved"` // scenarios with an unresolved tie
	Pending Share         `json:"pending"`    // scenarios in which an award was left pending
	Elapsed time.Duration `json:"-"`
}

// MemberOdds is one member's distribution of outcomes.
type MemberOdds struct {
	Member scoring.Member `json:"member"`
	// Ranks[r-1] is the share of scenarios in which the member ranked r.
	Ranks []Share `json:"ranks"`
	// Awards[t] is the share of scenarios in which the member was proposed
	// for tier t (in the order of Result.Tiers).
	Awards []Share `json:"awards"`
	// Tied is the share of scenarios in which it was in an unresolved tie.
	Tied Share `json:"tied"`
}

// Share is a count of scenarios, its proportion and a 95% confidence
// interval (Wilson score), rounded to 4 places.
type Share struct {
	Count int64           `json:"count"`
	P     decimal.Decimal `json:"p"`
	Low   decimal.Decimal `json:"low"`
	High  decimal.Decimal `json:"high"`
}

func share(count, n int64) Share {
	s := Share{Count: count, P: decimal.Zero, Low: decimal.Zero, High: decimal.Zero}
	if n == 0 {
		return s
	}
	// p = count/n to 4 places, half up, in integers
	s.P = decimal.New((count*20000+n)/(2*n), -4)
	// The interval is a statistic of the counts, not a score: float64 is
	// fine here, and the bounds are rounded to 4 places.
	const z = 1.959963984540054
	p, fn := float64(count)/float64(n), float64(n)
	den := 1 + z*z/fn
	mid := (p + z*z/(2*fn)) / den
	half := z * math.Sqrt(p*(1-p)/fn+z*z/(4*fn*fn)) / den
	s.Low = decimal.New(int64(math.Round(max(0, mid-half)*10000)), -4)
	s.High = decimal.New(int64(math.Round(min(1, mid+half)*10000)), -4)
	return s
}

// counts is one worker's tally.
type counts struct {
	ranks   []int64 // member*n + rank-1
	awards  []int64 // member*tiers + tier
	tied    []int64
	ties    int64
	pending int64
	done    int64
}

func newCounts(n, tiers int) *counts {
	return &counts{ranks: make([]int64, n*n), awards: make([]int64, n*max(tiers, 1)), tied: make([]int64, n)}
}

func (c *counts) add(o *counts) {
	for i := range c.ranks {
		c.ranks[i] += o.ranks[i]
	}
	for i := range c.awards {
		c.awards[i] += o.awards[i]
	}
	for i := range c.tied {
		c.tied[i] += o.tied[i]
	}
	c.ties += o.ties
	c.pending += o.pending
	c.done += o.done
}

// tally records one evaluated scenario.
func (c *counts) tally(s *state) {
	n := s.p.n
	nt := len(s.p.tiers)
	for pos, m := range s.order {
		c.ranks[m*n+s.rank[pos]-1]++
		if s.tied[m] {
			c.tied[m]++
		}
	}
	for m := range n {
		if t := s.award[m]; t >= 0 {
			c.awards[m*nt+int(t)]++
		}
	}
	if s.unres {
		c.ties++
	}
	if s.pend >= 0 {
		c.pending++
	}
	c.done++
}

const chunk = 1024

// MaxScenarios is the largest number of scenarios Run accepts: a million
// million, days of work at this engine's speed, and far below the counts
// at which the run's int64 arithmetic would overflow.
const MaxScenarios = 1_000_000_000_000

// Run simulates cfg.Scenarios scenarios of the sheet under the model and
// returns each member's odds. Cancelling ctx stops the run cleanly; the
// result is then marked Partial.
func Run(ctx context.Context, rb *rules.Rulebook, sheet scoring.Sheet, model Model, cfg Config) (*Result, error) {
	if cfg.Scenarios <= 0 || cfg.Scenarios > MaxScenarios {
		return nil, fmt.Errorf("simulation: the number of scenarios must be from 1 to %d, found %d", MaxScenarios, cfg.Scenarios)
	}
	start := time.Now()
	p, err := newPlan(rb, sheet, model, cfg)
	if err != nil {
		return nil, err
	}
	engine := "compiled"
	if cfg.Engine != Decimal {
		if err := p.compile(); err != nil {
			if !errors.Is(err, ErrNotCompilable) || cfg.Engine == Compiled {
				return nil, err
			}
			engine = "decimal: " + err.Error()
		}
	} else {
		engine = "decimal (requested)"
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := cfg.Scenarios
	chunks := (total + chunk - 1) / chunk
	var next, done atomic.Int64
	all := newCounts(p.n, len(p.tiers))
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := newCounts(p.n, len(p.tiers))
			ev := p.evaluator(p.compiled && cfg.Engine != Decimal)
			for ctx.Err() == nil {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					break
				}
				lo, hi := c*chunk, min((c+1)*chunk, total)
				for i := lo; i < hi; i++ {
					s, err := ev(cfg.Seed, uint64(i))
					if err != nil {
						mu.Lock()
						if firstErr == nil {
							firstErr = err
						}
						mu.Unlock()
						return
					}
					mine.tally(s)
				}
				done.Add(int64(hi - lo))
			}
			mu.Lock()
			all.add(mine)
			mu.Unlock()
		}()
	}
	stop := make(chan struct{})
	var tick sync.WaitGroup
	if cfg.Progress != nil {
		tick.Add(1)
		go func() {
			defer tick.Done()
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					cfg.Progress(int(done.Load()), total)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	tick.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if cfg.Progress != nil {
		cfg.Progress(int(all.done), total)
	}
	return p.result(all, cfg, engine, time.Since(start)), nil
}

func (p *plan) result(c *counts, cfg Config, engine string, elapsed time.Duration) *Result {
	r := &Result{
		Schema:    Schema,
		Rulebook:  ranking.RulebookRef{ID: p.rb.ID(), Version: p.rb.Version(), Title: p.rb.Title(), Hash: p.rb.Hash()},
		SheetHash: p.base.Hash(), Seed: cfg.Seed, Scenarios: cfg.Scenarios, Completed: int(c.done),
		Partial: int(c.done) < cfg.Scenarios, Engine: engine, Elapsed: elapsed,
		Ties: share(c.ties, c.done), Pending: share(c.pending, c.done),
	}
	for _, t := range p.tiers {
		r.Tiers = append(r.Tiers, t.ID)
	}
	nt := len(p.tiers)
	for m, mem := range p.members {
		mo := MemberOdds{Member: mem, Tied: share(c.tied[m], c.done)}
		for k := range p.n {
			mo.Ranks = append(mo.Ranks, share(c.ranks[m*p.n+k], c.done))
		}
		for t := range nt {
			mo.Awards = append(mo.Awards, share(c.awards[m*nt+t], c.done))
		}
		r.Members = append(r.Members, mo)
	}
	return r
}

// evaluator returns a function that evaluates scenario i into a state
// owned by the caller's goroutine.
func (p *plan) evaluator(compiled bool) func(seed, i uint64) (*state, error) {
	s := p.newState()
	if compiled {
		return func(seed, i uint64) (*state, error) {
			s.run(seed, i)
			return s, nil
		}
	}
	return func(seed, i uint64) (*state, error) {
		p.draw(seed, i, s.k)
		return s, p.decimalScenario(s)
	}
}

// ScenarioSheet returns the sheet of scenario i of a run with the given
// seed: the baseline with each modelled value replaced by the value drawn.
// Ranking it with package ranking gives that scenario's standings.
func (p *plan) ScenarioSheet(seed, i uint64) scoring.Sheet {
	k := make([]int32, len(p.cells))
	p.draw(seed, i, k)
	return p.sheetFor(k)
}

func (p *plan) sheetFor(k []int32) scoring.Sheet {
	vals := make(map[[2]string]decimal.Decimal, len(p.cells))
	for ci, cl := range p.cells {
		vals[[2]string{p.members[cl.m].ID, p.nodes[cl.node].ID}] = cl.set.value(int(k[ci]))
	}
	return withValues(p.base, p.stage, vals)
}

// decimalScenario ranks the scenario in s.k with the decimal engine and
// writes the outcome into s, in the same form the compiled evaluator does.
func (p *plan) decimalScenario(s *state) error {
	opts := []ranking.Option{ranking.WithoutTrace()}
	if p.seed != nil {
		opts = append(opts, ranking.WithSeed(*p.seed))
	}
	st, err := ranking.Rank(p.rb, p.sheetFor(s.k), opts...)
	if err != nil {
		return err
	}
	idx := make(map[string]int, p.n)
	for m, mem := range p.members {
		idx[mem.ID] = m
	}
	s.order = s.order[:0]
	s.unres = len(st.Ties) > 0
	for pos, row := range st.Rows {
		m := idx[row.Member.ID]
		s.order = append(s.order, m)
		s.rank[pos] = row.Rank
		s.tied[m] = row.Tied
		s.award[m] = -1
	}
	tier := map[string]int8{}
	for t, tr := range p.tiers {
		tier[tr.ID] = int8(t)
	}
	for _, row := range st.Rows {
		for _, a := range row.Awards {
			s.award[idx[row.Member.ID]] = tier[a]
		}
	}
	s.pend = -1
	for t, a := range st.Awards {
		if a.Pending != nil {
			s.pend = t
			break
		}
	}
	return nil
}

// RunMany simulates many clusters under one rulebook and model — for
// example every cluster of a country under the same scenario variants. The
// clusters are shared among the workers, each simulated by one worker with
// cfg.Scenarios scenarios from cfg.Seed; results come back in the order of
// the sheets and do not depend on the number of workers. Inputs are
// converted from decimal to fixed point inside the run, cluster by cluster,
// so memory holds only the inputs, the results and one plan per worker.
func RunMany(ctx context.Context, rb *rules.Rulebook, sheets []scoring.Sheet, model Model, cfg Config) ([]*Result, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	one := cfg
	one.Workers, one.Progress = 1, nil
	out := make([]*Result, len(sheets))
	errs := make([]error, len(sheets))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(sheets) {
					return
				}
				out[i], errs[i] = Run(ctx, rb, sheets[i], model, one)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("cluster %d (%s): %w", i, sheets[i].Cluster, err)
		}
	}
	return out, ctx.Err()
}
