package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// liveHeap is the heap the program still holds after garbage collection
// (twice: a sync.Pool's buffers survive one).
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestMemoryStaysFlat: the memory a server holds does not grow with the
// requests it answers: not with the same request again and again (the
// buffers it keeps for the next responses are bounded), nor with a new
// rulebook in every request (it keeps DefaultRulebooks of them). It counts
// requests and bytes, not time.
func TestMemoryStaysFlat(t *testing.T) {
	s := New(Options{}).(*server)
	rank, ct := multipartBody(t, file("rules", cum2Rules), file("scores", cum2Scores))
	var body bytes.Buffer
	_, err := body.ReadFrom(rank)
	require.NoError(t, err)
	send := func(path, ct string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	}
	// A rulebook of its own in each request: each one is new to the cache.
	n := 0
	validate := func(count int) {
		for range count {
			n++
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, err := mw.CreateFormFile("rules", "rulebook.yaml")
			require.NoError(t, err)
			_, err = fw.Write([]byte(variant(t, n)))
			require.NoError(t, err)
			require.NoError(t, mw.Close())
			send("/v1/validate", mw.FormDataContentType(), buf.Bytes())
		}
	}

	const warm, more = 30, 120
	for range warm {
		send("/v1/rank", ct, body.Bytes())
	}
	validate(warm)
	before := liveHeap()
	for range more {
		send("/v1/rank", ct, body.Bytes())
	}
	validate(more)
	after := liveHeap()
	// A parsed rulebook of Cụm II holds some 20 KB: 120 more of them kept
	// would be 2.3 MB.
	grown := int64(after) - int64(before)
	t.Logf("live heap: %d KB after %d requests, %d KB after %d more", before>>10, 2*warm, after>>10, 2*more)
	require.Less(t, grown, int64(1<<20), "the live heap grew by %d KB over %d requests", grown>>10, 2*more)
	require.Equal(t, DefaultRulebooks, s.rulebooks.len())
}
