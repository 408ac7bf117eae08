package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkRankLoad loads the server on loopback (httptest.NewServer, a
// real TCP connection per client) with a bounded load generator: b.N
// POST /v1/rank requests of Cụm II, sent by 1 and by 64 concurrent
// clients. It reports each request's latency (p50, p99, in ms) and the
// throughput (requests per second).
//
//	go test -run '^$' -bench RankLoad -benchtime 2000x -count 3 ./server
func BenchmarkRankLoad(b *testing.B) {
	body, ct := multipartBody(b, file("rules", cum2Rules), file("scores", cum2Scores))
	payload, err := io.ReadAll(body)
	if err != nil {
		b.Fatal(err)
	}
	for _, clients := range []int{1, 64} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			srv := httptest.NewServer(New(Options{}))
			defer srv.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: time.Minute}
			send := func() (time.Duration, error) {
				start := time.Now()
				resp, err := client.Post(srv.URL+"/v1/rank", ct, bytes.NewReader(payload))
				if err != nil {
					return 0, err
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					return 0, fmt.Errorf("status %d", resp.StatusCode)
				}
				return time.Since(start), err
			}
			if _, err := send(); err != nil { // warm the connection
				b.Fatal(err)
			}
			latencies := make([]time.Duration, b.N)
			var next atomic.Int64
			var wg sync.WaitGroup
			var failed atomic.Value
			b.ResetTimer()
			start := time.Now()
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					// Each client takes the next of the b.N requests, until
					// none is left: the load is bounded by b.N.
					for i := next.Add(1) - 1; i < int64(b.N); i = next.Add(1) - 1 {
						d, err := send()
						if err != nil {
							failed.Store(err)
							return
						}
						latencies[i] = d
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if err, _ := failed.Load().(error); err != nil {
				b.Fatal(err)
			}
			slices.Sort(latencies)
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(ms(latencies[len(latencies)/2]), "p50-ms")
			b.ReportMetric(ms(latencies[min(len(latencies)-1, len(latencies)*99/100)]), "p99-ms")
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
		})
	}
}
