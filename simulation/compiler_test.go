package simulation

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// A compiler shares classes and their tables between the sheets of a
// batch (RunMany, one compiler per worker): results must not depend on
// that, even when the sheets need different scales, have members of their
// own, and repeat values another sheet had. Every sheet is run again on
// its own (a fresh compiler) and with the decimal engine.
func TestSharedCompilerGivesEachSheetsOwnResult(t *testing.T) {
	t.Run("direct criteria at two scales", func(t *testing.T) {
		rb, _, model := benchCluster(t, 6, 2, 3, "0.25", 1)
		var sheets []scoring.Sheet
		for i, step := range []string{"0.25", "0.5", "0.125", "0.25", "0.001", "0.5"} {
			_, sh, _ := benchCluster(t, 4+i%3, 2, 3, step, uint64(i))
			sheets = append(sheets, sh)
		}
		checkBatch(t, rb, sheets, model)
		// the sheets' values need 2 and 3 places: two scales, one cache
		c := newCompiler(rb, model)
		scales := map[int32]bool{}
		for _, sh := range sheets {
			p, err := c.plan(sh, Config{})
			if err != nil {
				t.Fatal(err)
			}
			if err := p.compile(); err != nil {
				t.Fatal(err)
			}
			scales[p.g] = true
		}
		if len(scales) < 2 {
			t.Errorf("the sheets need the scales %v: the test no longer mixes scales", scales)
		}
	})
	t.Run("cum2-like criteria", func(t *testing.T) {
		c := synth.Config{Members: 5, Criteria: 20, Seed: 1}
		rb, _, err := synth.Cluster(c)
		if err != nil {
			t.Fatal(err)
		}
		model, err := ParseModel("model.yaml", synth.ModelYAML(c))
		if err != nil {
			t.Fatal(err)
		}
		var sheets []scoring.Sheet
		for i := range 5 {
			sheets = append(sheets, synth.Sheet(synth.Config{Members: 4 + i, Criteria: 20, Seed: uint64(i % 3)}))
		}
		checkBatch(t, rb, sheets, model)
	})
}

func checkBatch(t *testing.T, rb *rules.Rulebook, sheets []scoring.Sheet, model Model) {
	t.Helper()
	cfg := Config{Scenarios: 300, Seed: 5, Workers: 1} // one worker: one compiler for every sheet
	batch, err := RunMany(context.Background(), rb, sheets, model, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i, sh := range sheets {
		one, err := Run(context.Background(), rb, sh, model, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if one.Engine != "compiled" {
			t.Fatalf("sheet %d: %s", i, one.Engine)
		}
		if d := cmp.Diff(one, batch[i], ignoreTime); d != "" {
			t.Fatalf("sheet %d: the batch's result differs from the sheet's own (-own +batch):\n%s", i, d)
		}
		dec := cfg
		dec.Engine = Decimal
		ref, err := Run(context.Background(), rb, sh, model, dec)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(one, ref, ignoreTime, cmpopts.IgnoreFields(Result{}, "Engine")); d != "" {
			t.Fatalf("sheet %d: compiled and decimal differ:\n%s", i, d)
		}
	}
}
