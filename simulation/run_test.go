package simulation

import (
	"context"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

func cum2(t testing.TB) (*rules.Rulebook, Model) {
	t.Helper()
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	step := decimal.RequireFromString("0.5")
	return rb, Model{Default: &Uncertainty{Range: step, Step: step}}
}

var ignoreTime = cmpopts.IgnoreFields(Result{}, "Elapsed")

// Same seed, any number of workers: the same result, to the count.
func TestRunIsDeterministicAcrossWorkers(t *testing.T) {
	rb, model := cum2(t)
	sh, err := sheets.Load("../examples/cum2/scores-2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	var first *Result
	for _, w := range []int{1, 2, 3, 7} {
		r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 5000, Seed: 42, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if r.Engine != "compiled" || r.Partial || r.Completed != 5000 {
			t.Fatalf("workers %d: engine %q, partial %v, completed %d", w, r.Engine, r.Partial, r.Completed)
		}
		if first == nil {
			first = r
			continue
		}
		if d := cmp.Diff(first, r, ignoreTime); d != "" {
			t.Fatalf("workers %d differ from 1 worker (-1 +%d):\n%s", w, w, d)
		}
	}
	other, _ := Run(context.Background(), rb, sh, model, Config{Scenarios: 5000, Seed: 43})
	if cmp.Equal(first, other, ignoreTime) {
		t.Error("a different seed gave the same result: the seed is not used")
	}
}

// The compiled and the decimal engine give the same result for the same
// seed, on the example and on random tie-heavy clusters.
func TestRunCompiledEqualsDecimalEngine(t *testing.T) {
	rb, model := cum2(t)
	sh, _ := sheets.Load("../examples/cum2/tie-broken.csv")
	a, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 400, Seed: 7, Engine: Compiled})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 400, Seed: 7, Engine: Decimal})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a, b, ignoreTime, cmpopts.IgnoreFields(Result{}, "Engine")); d != "" {
		t.Fatalf("compiled and decimal runs differ:\n%s", d)
	}
	for c := range 10 {
		rng := rand.New(rand.NewPCG(uint64(c), 5))
		rb, sh, model, err := randomCase(rng, true)
		if err != nil {
			t.Fatal(err)
		}
		a, err1 := Run(context.Background(), rb, sh, model, Config{Scenarios: 200, Seed: 1, Engine: Compiled})
		b, err2 := Run(context.Background(), rb, sh, model, Config{Scenarios: 200, Seed: 1, Engine: Decimal})
		if err1 != nil || err2 != nil {
			continue // a random case the model cannot apply to
		}
		if d := cmp.Diff(a, b, ignoreTime, cmpopts.IgnoreFields(Result{}, "Engine")); d != "" {
			t.Fatalf("case %d: compiled and decimal runs differ:\n%s", c, d)
		}
	}
}

// Cancelling stops the run and marks the result partial.
func TestRunCancelledIsPartial(t *testing.T) {
	rb, model := cum2(t)
	sh, _ := sheets.Load("../examples/cum2/scores-2020.csv")
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	r, err := Run(ctx, rb, sh, model, Config{Scenarios: 50_000_000, Seed: 1, Workers: 2, Progress: func(done, total int) {
		calls++
		if done > 0 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Partial || r.Completed == 0 || r.Completed >= r.Scenarios {
		t.Errorf("partial %v, completed %d of %d", r.Partial, r.Completed, r.Scenarios)
	}
	var sum int64
	for _, s := range r.Members[0].Ranks {
		sum += s.Count
	}
	if sum != int64(r.Completed) || calls == 0 {
		t.Errorf("member ranks count %d scenarios, completed %d; %d progress calls", sum, r.Completed, calls)
	}
}

// A relative criterion with uncertain values cannot be compiled: Auto
// falls back to the decimal engine and says why; Compiled refuses.
func TestRunFallsBackForRelativeCriteria(t *testing.T) {
	rb, err := rules.Parse("rel.yaml", []byte(`
id: rel
version: "1"
title: relative
criteria:
  - {id: a, name: A, max: 10}
  - {id: q, name: Q, max: 20, method: relative, target: 100}
`))
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.ReadCSV("rel.csv", stringsReader(`record,member,key,value,stage
member,A,name,Sở A
member,B,name,Sở B
score,A,a,8,cluster
score,B,a,9,cluster
score,A,q,120,cluster
score,B,q,110,cluster
`))
	if err != nil {
		t.Fatal(err)
	}
	model := Model{Criteria: map[string]Uncertainty{"q": {Range: decimal.NewFromInt(10), Step: decimal.NewFromInt(5)}}}
	r, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 100, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Engine == "compiled" {
		t.Fatalf("engine %q, want the decimal fallback", r.Engine)
	}
	t.Log(r.Engine)
	if _, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 100, Seed: 3, Engine: Compiled}); err == nil {
		t.Error("Engine: Compiled should refuse a plan that cannot be compiled")
	}
}

func stringsReader(s string) io.Reader { return strings.NewReader(s) }
