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
	// Ranks, if positive, keeps each member's rank counts for ranks 1 to
	// Ranks only, and sums up the ranks beyond (MemberOdds.Beyond and
	// MeanRank): the rank table is members × Ranks instead of members²,
	// which a cluster of thousands of members needs. 0 keeps every rank.
	// The counts kept are those of a run that keeps every rank.
	Ranks int
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
	Engine string `json:"engine"`
	// RanksKept is Config.Ranks when it kept fewer ranks than there are
	// members (each member's Ranks then stop there), else 0.
	RanksKept int      `json:"ranks_kept,omitempty"`
	Tiers     []string `json:"tiers"`
	// Grades lists the rulebook's grading bands (xếp loại), highest first:
	// the order of each member's Grades. Empty when the rulebook grades
	// no one.
	Grades  []string      `json:"grades,omitempty"`
	Members []MemberOdds  `json:"members"`
	Ties    Share         `json:"unresolved"` // scenarios with a shared rank (đồng hạng: the chain could not separate two members), deciding an award or not
	Pending Share         `json:"pending"`    // scenarios in which an award was left pending: a tie decided it (ranking.Tie.Decides)
	Elapsed time.Duration `json:"-"`
}

// MemberOdds is one member's distribution of outcomes.
type MemberOdds struct {
	Member scoring.Member `json:"member"`
	// Ranks[r-1] is the share of scenarios in which the member ranked r,
	// for every rank, or for ranks 1 to Result.RanksKept.
	Ranks []Share `json:"ranks"`
	// Beyond is the share of scenarios in which the member ranked below
	// Result.RanksKept, and MeanRank its mean rank over all the scenarios
	// (4 places, half up); both only when RanksKept is set.
	Beyond   *Share           `json:"beyond,omitempty"`
	MeanRank *decimal.Decimal `json:"mean_rank,omitempty"`
	// Awards[t] is the share of scenarios in which the member was proposed
	// for tier t (in the order of Result.Tiers).
	Awards []Share `json:"awards"`
	// Grades[g] is the share of scenarios in which the member was graded
	// in band g (xếp loại, in the order of Result.Grades), and Ungraded
	// the share in which it met no band's conditions (a rulebook whose
	// last band requires some); both only when the rulebook grades.
	Grades   []Share `json:"grades,omitempty"`
	Ungraded *Share  `json:"ungraded,omitempty"`
	// Tied is the share of scenarios in which it shared its rank with
	// another member (the chain could not separate them), whether the tie
	// decided an award or not.
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

func share(count, n int64) Share { return (&shares{}).share(count, n) }

// shares makes the Shares of one result, each decimal of 4 places made
// once: a result's shares repeat a few values (most of a large cluster's
// rank counts are zero), and the decimals are never changed once made.
type shares struct {
	dec map[int64]decimal.Decimal
}

// d4 is v/10^4.
func (sh *shares) d4(v int64) decimal.Decimal {
	if v == 0 {
		return decimal.Zero
	}
	if d, ok := sh.dec[v]; ok {
		return d
	}
	d := decimal.New(v, -4)
	if sh.dec == nil {
		sh.dec = map[int64]decimal.Decimal{}
	}
	sh.dec[v] = d
	return d
}

func (sh *shares) share(count, n int64) Share {
	s := Share{Count: count, P: decimal.Zero, Low: decimal.Zero, High: decimal.Zero}
	if n == 0 {
		return s
	}
	// p = count/n to 4 places, half up, in integers
	s.P = sh.d4((count*20000 + n) / (2 * n))
	// The interval is a statistic of the counts, not a score: float64 is
	// fine here, and the bounds are rounded to 4 places.
	const z = 1.959963984540054
	p, fn := float64(count)/float64(n), float64(n)
	den := 1 + z*z/fn
	mid := (p + z*z/(2*fn)) / den
	half := z * math.Sqrt(p*(1-p)/fn+z*z/(4*fn*fn)) / den
	s.Low = sh.d4(int64(math.Round(max(0, mid-half) * 10000)))
	s.High = sh.d4(int64(math.Round(min(1, mid+half) * 10000)))
	return s
}

// counts is one worker's tally.
type counts struct {
	kept    int     // ranks counted per member
	ranks   []int64 // member*kept + rank-1, for ranks up to kept
	rankSum []int64 // per member: the sum of its ranks (when not every rank is kept)
	awards  []int64 // member*tiers + tier
	grades  []int64 // member*(bands+1) + band, the last one for "not graded"; nil if the rulebook grades no one
	tied    []int64
	ties    int64
	pending int64
	done    int64
}

// newCounts returns an empty tally of n members, keeping ranks up to kept,
// and counting the grading bands if there are any.
func newCounts(n, tiers, grades, kept int) *counts {
	c := &counts{kept: kept, ranks: make([]int64, n*kept), awards: make([]int64, n*max(tiers, 1)), tied: make([]int64, n)}
	if grades > 0 {
		c.grades = make([]int64, n*(grades+1))
	}
	if kept < n {
		c.rankSum = make([]int64, n)
	}
	return c
}

// ranksKept is the number of ranks a run of n members counts.
func ranksKept(n int, cfg Config) int {
	if cfg.Ranks > 0 && cfg.Ranks < n {
		return cfg.Ranks
	}
	return n
}

func (c *counts) add(o *counts) {
	for i := range c.ranks {
		c.ranks[i] += o.ranks[i]
	}
	for i := range c.rankSum {
		c.rankSum[i] += o.rankSum[i]
	}
	for i := range c.awards {
		c.awards[i] += o.awards[i]
	}
	for i := range c.tied {
		c.tied[i] += o.tied[i]
	}
	for i := range c.grades {
		c.grades[i] += o.grades[i]
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
		if r := s.rank[pos]; r <= c.kept {
			c.ranks[m*c.kept+r-1]++
		}
		if s.tied[m] {
			c.tied[m]++
		}
	}
	if c.rankSum != nil {
		for pos, m := range s.order {
			c.rankSum[m] += int64(s.rank[pos])
		}
	}
	for m := range n {
		if t := s.award[m]; t >= 0 {
			c.awards[m*nt+int(t)]++
		}
	}
	if c.grades != nil {
		ng := len(c.grades) / n // the bands, and "not graded" last
		for m := range n {
			g := int(s.grade[m])
			if g < 0 {
				g = ng - 1
			}
			c.grades[m*ng+g]++
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
	return newCompiler(rb, model).run(ctx, sheet, cfg)
}

// run is Run with a compiler, which RunMany keeps from sheet to sheet.
func (c *compiler) run(ctx context.Context, sheet scoring.Sheet, cfg Config) (*Result, error) {
	if cfg.Scenarios <= 0 || cfg.Scenarios > MaxScenarios {
		return nil, fmt.Errorf("simulation: the number of scenarios must be from 1 to %d, found %d", MaxScenarios, cfg.Scenarios)
	}
	start := time.Now()
	p, err := c.plan(sheet, cfg)
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
	kept := ranksKept(p.n, cfg)
	all := newCounts(p.n, len(p.tiers), len(p.grades), kept)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := newCounts(p.n, len(p.tiers), len(p.grades), kept)
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
	res := p.result(all, cfg, engine, time.Since(start))
	c.release(p)
	return res, nil
}

func (p *plan) result(c *counts, cfg Config, engine string, elapsed time.Duration) *Result {
	var sh shares
	r := &Result{
		Schema:    Schema,
		Rulebook:  ranking.RulebookRef{ID: p.rb.ID(), Version: p.rb.Version(), Title: p.rb.Title(), Hash: p.rb.Hash()},
		SheetHash: p.hash, Seed: cfg.Seed, Scenarios: cfg.Scenarios, Completed: int(c.done),
		Partial: int(c.done) < cfg.Scenarios, Engine: engine, Elapsed: elapsed,
		Ties: sh.share(c.ties, c.done), Pending: sh.share(c.pending, c.done),
	}
	if c.kept < p.n {
		r.RanksKept = c.kept
	}
	for _, t := range p.tiers {
		r.Tiers = append(r.Tiers, t.ID)
	}
	ng := len(p.grades)
	for _, g := range p.grades {
		r.Grades = append(r.Grades, g.ID)
	}
	nt := len(p.tiers)
	if p.n > 0 {
		r.Members = make([]MemberOdds, p.n)
	}
	all := make([]Share, p.n*(c.kept+nt)) // every member's ranks and awards, in one allocation
	for m, mem := range p.members {
		mo := MemberOdds{Member: mem, Tied: sh.share(c.tied[m], c.done)}
		mo.Ranks = all[:c.kept:c.kept]
		if nt > 0 {
			mo.Awards = all[c.kept : c.kept+nt : c.kept+nt]
		}
		all = all[c.kept+nt:]
		var kept int64
		for k := range c.kept {
			mo.Ranks[k] = sh.share(c.ranks[m*c.kept+k], c.done)
			kept += c.ranks[m*c.kept+k]
		}
		if c.rankSum != nil {
			b := sh.share(c.done-kept, c.done)
			mo.Beyond = &b
			if c.done > 0 {
				mean := decimal.NewFromInt(c.rankSum[m]).DivRound(decimal.NewFromInt(c.done), 4)
				mo.MeanRank = &mean
			}
		}
		for t := range nt {
			mo.Awards[t] = sh.share(c.awards[m*nt+t], c.done)
		}
		if ng > 0 {
			mo.Grades = make([]Share, ng)
			for g := range ng {
				mo.Grades[g] = sh.share(c.grades[m*(ng+1)+g], c.done)
			}
			if len(p.grades[ng-1].Requires) > 0 { // a member may meet no band
				u := sh.share(c.grades[m*(ng+1)+ng], c.done)
				mo.Ungraded = &u
			}
		}
		r.Members[m] = mo
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
		s.grade[m] = -1
		if row.Grade != "" {
			_, g, _ := p.rb.Grade(row.Grade)
			s.grade[m] = int8(g)
		}
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
// so memory holds only the inputs, the results and one plan per worker;
// what the rulebook and the model give (weights, point functions, the
// tables of each criterion's outcomes around each recorded value) is
// compiled once per worker and shared by its clusters.
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
			var c *compiler // what the rulebook and the model give, for this worker's sheets
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(sheets) {
					return
				}
				if c == nil {
					c = newCompiler(rb, model)
				}
				out[i], errs[i] = c.run(ctx, sheets[i], one)
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
