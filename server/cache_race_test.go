package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/simulation"
	"github.com/thidua/thidua/whatif"
)

// concurrentCalls are the requests that TestCachedRulebookConcurrentUse
// sends at once: every endpoint that reads a rulebook, so that they use the
// one rulebook the server keeps in every way the engine does.
var concurrentCalls = []struct {
	path  string
	parts []part
}{
	{"/v1/rank", []part{file("rules", cum2Rules), file("scores", cum2Scores)}},
	{"/v1/rank", []part{file("rules", cum2Rules), file("scores", cum2Scores), param("explain", "true")}},
	{"/v1/rank", []part{file("rules", cum2Rules), file("scores", "../examples/cum2/unresolved-tie.csv"), param("seed", "3")}},
	{"/v1/rank", []part{file("rules", cum2Rules), file("scores", "../examples/cum2/tie-broken.csv")}},
	{"/v1/rank", []part{file("rules", cum2Rules), file("scores", cum2XLSX)}},
	{"/v1/validate", []part{file("rules", cum2Rules), file("scores", cum2Scores)}},
	{"/v1/simulate", []part{file("rules", cum2Rules), file("scores", cum2Scores), param("range", "1"), param("step", "0.5"), param("n", "50")}},
	{"/v1/whatif", []part{file("rules", cum2Rules), file("scores", cum2Scores), param("member", "SXD"), param("award", "flag")}},
	{"/v1/scenario", []part{file("rules", cum2Rules), file("scores", cum2Scores), file("edits", cum2Edits)}},
	{"/v1/audit", []part{file("rules", cum2Rules), file("scores", cum2Scores), file("recorded", cum2Recorded)}},
	{"/v1/documents", []part{file("rules", cum2Rules), file("scores", cum2Scores), param("kind", "summary")}},
}

// TestCachedRulebookConcurrentUse: one rulebook, as the server keeps it
// and before any use (so that the engine's compiled form of it is built
// under concurrent use), is ranked, scored and simulated by the library
// from several goroutines at once, with the results of a rulebook of its
// own each; then requests to every endpoint that reads a rulebook, sent at
// once to a server from its first parse on, share the one rulebook it
// keeps and get the answers a server that keeps none gives them one at a
// time, byte for byte. Run with -race (as CI does), it checks that a
// *rules.Rulebook is safe for concurrent use.
func TestCachedRulebookConcurrentUse(t *testing.T) {
	const goroutines = 6
	s := New(Options{MaxConcurrent: -1}).(*server)
	shared, err := s.rulebooks.parse("rulebook.yaml", []byte(read(t, cum2Rules)))
	require.NoError(t, err)
	fresh, sh := cum2(t)
	model := simulation.Model{Default: &simulation.Uncertainty{Range: mustDecimal("1"), Step: mustDecimal("0.25")}}
	library := []struct {
		name string
		run  func(rb *rules.Rulebook) []byte
	}{
		{"Rank", func(rb *rules.Rulebook) []byte { return rankJSON(rb, sh) }},
		{"Rank without trace", func(rb *rules.Rulebook) []byte { return rankJSON(rb, sh, ranking.WithoutTrace()) }},
		{"Score", func(rb *rules.Rulebook) []byte { return mustJSON(scoring.Score(rb, sh)) }},
		{"Run", func(rb *rules.Rulebook) []byte {
			return mustJSON(simulation.Run(t.Context(), rb, sh, model, simulation.Config{Scenarios: 300, Seed: 5, Workers: 2}))
		}},
		{"Reach", func(rb *rules.Rulebook) []byte { return reach(t, rb, sh) }},
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*len(library))
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for k := range library {
				f := library[(k+g)%len(library)] // each goroutine in another order
				if got, want := f.run(shared), f.run(fresh); !bytes.Equal(got, want) {
					errs <- fmt.Errorf("%s with the shared rulebook differs", f.name)
				}
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	// The server's requests. The answers of a server that parses every
	// rulebook, one at a time:
	calls := concurrentCalls
	ref := New(Options{Rulebooks: -1})
	want := make([][]byte, len(calls))
	bodies := make([][]byte, len(calls))
	types := make([]string, len(calls))
	for i, c := range calls {
		rec := post(t, ref, c.path, c.parts...)
		require.Equal(t, http.StatusOK, rec.Code, "%s: %s", c.path, rec.Body.String())
		want[i] = rec.Body.Bytes()
		body, ct := multipartBody(t, c.parts...)
		var buf bytes.Buffer
		_, err := buf.ReadFrom(body)
		require.NoError(t, err)
		bodies[i], types[i] = buf.Bytes(), ct
	}
	s = New(Options{MaxConcurrent: -1}).(*server)
	const rounds = 2
	start = make(chan struct{})
	errs = make(chan error, goroutines*rounds*len(calls))
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for r := range rounds {
				for k := range calls {
					i := (k + g + r) % len(calls)
					req := httptest.NewRequest(http.MethodPost, calls[i].path, bytes.NewReader(bodies[i]))
					req.Header.Set("Content-Type", types[i])
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want[i]) {
						errs <- fmt.Errorf("%s %v: status %d, not the answer of one request at a time", calls[i].path, calls[i].parts, rec.Code)
					}
				}
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.Equal(t, 1, s.rulebooks.len(), "every request used the one rulebook kept")
}

func rankJSON(rb *rules.Rulebook, sh scoring.Sheet, opts ...ranking.Option) []byte {
	st, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		return []byte(err.Error())
	}
	return mustJSON(st, nil)
}

func reach(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet) []byte {
	res, err := whatif.Reach(t.Context(), rb, sh, "SXD", whatif.AwardTarget("flag"))
	if err != nil {
		return []byte(err.Error())
	}
	return mustJSON(whatif.NewReachReport(rb, sh, res), nil)
}

// mustJSON is v as JSON, or err's text.
func mustJSON(v any, err error) []byte {
	if err == nil {
		var data []byte
		if data, err = json.Marshal(v); err == nil {
			return data
		}
	}
	return []byte(err.Error())
}
