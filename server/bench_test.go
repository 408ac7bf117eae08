package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkRankLoad loads the server on loopback (httptest.NewServer, a
// real TCP connection per client) with a bounded load generator: b.N
// POST /v1/rank requests of Cụm II (the rulebook and the 2020 sheet as a
// multipart upload), sent by 1 and by 64 concurrent clients. It reports
// each request's latency (p50, p99, in ms), the throughput (requests per
// second), the CPU time of the process (server and clients) per request,
// which other processes on the machine disturb much less than the
// latencies, and the heap in use (runtime.MemStats.HeapInuse, in MB) after
// a garbage collection before the run (heap-start, which holds the
// latencies' slice), its peak, sampled every 1,000 requests (the samples
// are logged, ten of them at most), and what is left after the run and a
// garbage collection (heap-final), to show that memory stays flat:
//
//	go test -run '^$' -bench RankLoad -benchtime 5000x -count 6 ./server
//	go test -run '^$' -bench 'RankLoad/clients=64' -benchtime 100000x -count 1 ./server
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
			heap := heapSampler{every: 1000, samples: make([]uint64, b.N/1000)}
			var next atomic.Int64
			var wg sync.WaitGroup
			var failed atomic.Value
			runtime.GC()
			var initial runtime.MemStats
			runtime.ReadMemStats(&initial)
			b.ResetTimer()
			cpu0 := cpuTime()
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
						heap.sample(i)
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			cpu := cpuTime() - cpu0
			b.StopTimer()
			if err, _ := failed.Load().(error); err != nil {
				b.Fatal(err)
			}
			peak := heap.peak()
			runtime.GC()
			var final runtime.MemStats
			runtime.ReadMemStats(&final)
			slices.Sort(latencies)
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
			b.ReportMetric(ms(latencies[len(latencies)/2]), "p50-ms")
			b.ReportMetric(ms(latencies[min(len(latencies)-1, len(latencies)*99/100)]), "p99-ms")
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			if cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(time.Microsecond)/float64(b.N), "cpu-µs/req")
			}
			b.ReportMetric(mb(initial.HeapInuse), "heap-start-MB")
			b.ReportMetric(mb(peak), "heap-peak-MB")
			b.ReportMetric(mb(final.HeapInuse), "heap-final-MB")
			if len(heap.samples) > 1 {
				var series strings.Builder
				step := max(1, len(heap.samples)/10)
				for k := step - 1; k < len(heap.samples); k += step {
					fmt.Fprintf(&series, " %d:%.1f", (k+1)*heap.every, mb(heap.samples[k]))
				}
				b.Logf("heap in use (MB) after n requests, n:MB:%s", series.String())
			}
		})
	}
}

// heapSampler samples the heap in use every so many requests.
type heapSampler struct {
	every   int
	mu      sync.Mutex
	samples []uint64 // the heap in use after (k+1)·every requests
}

// sample samples the heap after request i (from 0) if it ends a period.
func (h *heapSampler) sample(i int64) {
	k := int((i + 1) / int64(h.every))
	if (i+1)%int64(h.every) != 0 || k > len(h.samples) {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.mu.Lock()
	h.samples[k-1] = m.HeapInuse
	h.mu.Unlock()
}

// peak is the largest sample.
func (h *heapSampler) peak() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Max(append([]uint64{0}, h.samples...))
}
