package simulation

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// Keeping the top ranks only (Config.Ranks) gives the same counts for the
// ranks kept, and sums up the others exactly: the share below the ranks
// kept and the mean rank are those of the full table. Everything else is
// the same as a run that keeps every rank.
func TestRanksKeptAreThoseOfTheFullTable(t *testing.T) {
	rb, sh, model := benchCluster(t, 12, 2, 3, "0.25", 4)
	full, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 3000, Seed: 2, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{1, 3, 11} {
		top, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 3000, Seed: 2, Workers: 3, Ranks: k})
		if err != nil {
			t.Fatal(err)
		}
		if top.RanksKept != k {
			t.Fatalf("RanksKept %d, want %d", top.RanksKept, k)
		}
		for m, mo := range top.Members {
			fm := full.Members[m]
			if d := cmp.Diff(fm.Ranks[:k], mo.Ranks); d != "" {
				t.Fatalf("keeping %d ranks, member %s's counts differ:\n%s", k, mo.Member.ID, d)
			}
			var below, sum int64
			for r, s := range fm.Ranks {
				if r >= k {
					below += s.Count
				}
				sum += int64(r+1) * s.Count
			}
			if mo.Beyond == nil || mo.Beyond.Count != below || !mo.Beyond.P.Equal(share(below, int64(full.Completed)).P) {
				t.Fatalf("keeping %d ranks, member %s: beyond %+v, want %d", k, mo.Member.ID, mo.Beyond, below)
			}
			want := decimal.NewFromInt(sum).DivRound(decimal.NewFromInt(int64(full.Completed)), 4)
			if mo.MeanRank == nil || !mo.MeanRank.Equal(want) {
				t.Fatalf("keeping %d ranks, member %s: mean rank %v, want %s", k, mo.Member.ID, mo.MeanRank, want)
			}
			if d := cmp.Diff([]Share{fm.Tied, fm.Awards[0], fm.Awards[1]}, []Share{mo.Tied, mo.Awards[0], mo.Awards[1]}); d != "" {
				t.Fatalf("keeping %d ranks, member %s's awards or ties differ:\n%s", k, mo.Member.ID, d)
			}
		}
		var svg bytes.Buffer
		if err := top.WriteHTML(&svg); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(svg.String(), "rank &gt; ") {
			t.Errorf("keeping %d ranks: the table has no column for the ranks below", k)
		}
	}
	// as many ranks as members or more: the full table, nothing added
	for _, k := range []int{12, 100} {
		same, err := Run(context.Background(), rb, sh, model, Config{Scenarios: 3000, Seed: 2, Workers: 2, Ranks: k})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(full, same, ignoreTime); d != "" {
			t.Fatalf("Ranks %d: differs from the full table:\n%s", k, d)
		}
	}
	// the JSON layout: the summary fields only when ranks were dropped
	a, _ := json.Marshal(full)
	if strings.Contains(string(a), "ranks_kept") || strings.Contains(string(a), "beyond") || strings.Contains(string(a), "mean_rank") {
		t.Errorf("a full table's JSON names the kept-ranks fields: %.300s", a)
	}
	top, _ := Run(context.Background(), rb, sh, model, Config{Scenarios: 100, Seed: 2, Ranks: 2})
	b, _ := json.Marshal(top)
	for _, f := range []string{`"ranks_kept":2`, `"beyond":{"count":`, `"mean_rank":"`} {
		if !strings.Contains(string(b), f) {
			t.Errorf("the JSON of a run keeping 2 ranks has no %s", f)
		}
	}
}
