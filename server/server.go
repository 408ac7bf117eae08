package server

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/thidua/thidua/lang"
)

//go:embed openapi.json
var openapi []byte

// OpenAPI returns the OpenAPI 3.1 document of the API, as served at
// /openapi.json.
func OpenAPI() []byte { return append([]byte(nil), openapi...) }

// DefaultTimeout is the deadline of a request when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Options configure the handler. The zero value is usable.
type Options struct {
	// Timeout is each request's deadline (DefaultTimeout if zero): the long
	// computations (simulate, whatif, sensitivity, audit) stop when it
	// passes, as they do when the client goes away. A simulation stopped by
	// the deadline returns what it completed, marked partial; the others
	// answer 503.
	Timeout time.Duration
	// MaxConcurrent bounds the API requests computed at once (default four
	// per CPU); a request waits for a place until its deadline, then is
	// answered 503. Negative: no bound.
	MaxConcurrent int
	// SimulationWorkers is the number of goroutines of each simulation (0:
	// one per CPU).
	SimulationWorkers int
	// Logger receives the server's errors (a response that could not be
	// written, a panic); nil discards them.
	Logger *slog.Logger
}

// server is the handler's state.
type server struct {
	opts Options
	slot chan struct{} // places for computing requests; nil: no bound
	log  *slog.Logger
}

// route is one path of the API: the methods it takes and its handler.
type route struct {
	path    string
	methods []string
	handle  http.HandlerFunc
}

// New returns the handler of the JSON API: POST /v1/rank, /v1/validate,
// /v1/simulate, /v1/whatif, /v1/sensitivity, /v1/scenario, /v1/audit,
// /v1/documents and /v1/template; GET /healthz and /openapi.json; the web
// page in Vietnamese at GET / (see page.go). Any other path is answered 404
// with a problem.
func New(opts Options) http.Handler {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	s := &server{opts: opts, log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	switch n := opts.MaxConcurrent; {
	case n == 0:
		s.slot = make(chan struct{}, 4*runtime.GOMAXPROCS(0))
	case n > 0:
		s.slot = make(chan struct{}, n)
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.path, s.guard(rt))
	}
	s.mountPage(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &requestError{Status: http.StatusNotFound, Message: lang.Msg("server.not_found", lang.Quote(cut(r.URL.Path, 200)))})
	})
	return mux
}

// routes are the paths the handler serves.
func (s *server) routes() []route {
	get := []string{http.MethodGet, http.MethodHead}
	post := []string{http.MethodPost}
	rs := []route{
		{"/healthz", get, s.healthz},
		{"/openapi.json", get, s.openapi},
	}
	for _, e := range s.endpoints() {
		rs = append(rs, route{e.path, post, s.api(e)})
	}
	return rs
}

// guard checks the method, sets the response's common headers and
// recovers a panic as a 500 problem.
func (s *server) guard(rt route) http.Handler {
	allow := strings.Join(rt.methods, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.fail(w, r, errorf("panic: %v", v))
			}
		}()
		for _, m := range rt.methods {
			if r.Method == m {
				rt.handle(w, r)
				return
			}
		}
		h.Set("Allow", allow)
		s.fail(w, r, &requestError{Status: http.StatusMethodNotAllowed, Message: lang.Msg("server.method", r.Method, rt.path, allow)})
	})
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(openapi)
	}
}

// api runs an endpoint: a place among the computing requests, the
// deadline, the request's fields read and bounded, then the endpoint;
// its error is answered as problems.
func (s *server) api(e endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if s.slot != nil {
			select {
			case s.slot <- struct{}{}:
				defer func() { <-s.slot }()
			case <-ctx.Done():
				s.fail(w, r, &requestError{Status: http.StatusServiceUnavailable, Message: lang.Msg("server.busy")})
				return
			}
		}
		in, err := readRequest(w, r, e.fields)
		if err == nil {
			err = e.run(s, w, r, in)
		}
		if err != nil {
			s.fail(w, r, err)
		}
	}
}

// fail answers an error as problems, with its status: the request's own
// (a field missing, a method not allowed), 413 for an input over its
// limit, 503 for a deadline passed, 422 for problems with the files, 500
// for anything else. Nothing is written for a client that went away.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil && !errors.Is(r.Context().Err(), context.DeadlineExceeded) {
		return // the client went away: no one reads an answer
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = &requestError{Status: http.StatusServiceUnavailable, Message: lang.Msg("server.deadline", s.opts.Timeout.String())}
	}
	ps := Describe(err)
	status := statusOf(err, ps)
	var re *requestError
	if errors.As(err, &re) {
		status = re.Status
		for i := range ps {
			if ps[i].Where == nil && re.Path != "" {
				ps[i].Where = &Where{Path: re.Path}
			}
		}
	}
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	s.writeJSON(w, status, newProblems(status, ps))
}

// writeJSON writes v as indented JSON with its status.
func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("cannot write the response", "err", err)
	}
}

// writeFile writes a file to download, rendered in full first so that a
// failure is answered as a problem rather than a truncated file.
func (s *server) writeFile(w http.ResponseWriter, contentType, filename string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", attachment(filename))
	if strings.HasPrefix(contentType, "text/html") {
		// A page rendered from the client's names runs no script here.
		h.Set("Content-Security-Policy", "sandbox")
	}
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(buf.Bytes()); err != nil {
		s.log.Error("cannot write the response", "err", err)
	}
	return nil
}
