package server

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
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
	// Rulebooks is the number of parsed rulebooks the handler keeps, by
	// the content of their file, for the requests that send the same
	// rulebook again (DefaultRulebooks if zero; negative: none kept, every
	// request parses its rulebook). They are kept within
	// MaxCachedRulebookBytes of files in all.
	Rulebooks int
}

// DefaultRulebooks is the number of parsed rulebooks kept when
// Options.Rulebooks is zero: a secretariat's server sees a few rulebooks,
// each sent with every request.
const DefaultRulebooks = 16

// MaxCachedRulebookBytes bounds the files of the rulebooks kept, in all
// (a rulebook larger than this is parsed for its request and not kept):
// a parsed rulebook, with the engine's compiled form of it, takes a few
// times its file's size (Cụm II's 6 KB file, some 27 KB).
const MaxCachedRulebookBytes = 4 << 20

// server is the handler's state.
type server struct {
	opts      Options
	slot      chan struct{} // places for computing requests; nil: no bound
	log       *slog.Logger
	rulebooks *rulebookCache // nil: none kept
	mux       *http.ServeMux
}

// serverKey is the context key under which the handler puts its server
// for readRequest (see request.rulebooks).
type serverKey struct{}

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
	switch n := opts.Rulebooks; {
	case n == 0:
		s.rulebooks = newRulebookCache(DefaultRulebooks, MaxCachedRulebookBytes)
	case n > 0:
		s.rulebooks = newRulebookCache(n, MaxCachedRulebookBytes)
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.path, s.guard(rt))
	}
	s.mountPage(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &requestError{Status: http.StatusNotFound, Message: lang.Msg("server.not_found", lang.Quote(cut(r.URL.Path, 200)))})
	})
	s.mux = mux
	return s
}

// ServeHTTP serves a request, with the server in its context for
// readRequest when it keeps rulebooks.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.rulebooks != nil {
		r = r.WithContext(context.WithValue(r.Context(), serverKey{}, s))
	}
	s.mux.ServeHTTP(w, r)
}

// rulebookCache keeps parsed rulebooks by the SHA-256 of their file, the
// least recently used dropped first, within a number of rulebooks and a
// sum of their files' sizes. Only rulebooks that parse are kept: rules.Parse
// uses the file's name in error messages only, so a rulebook that parses is
// the same rulebook whatever its file is called, and an error, which names
// the file, is found again for each request. A *rules.Rulebook is safe for
// concurrent use (it never changes once built; its hash and its Memo
// values are computed once, under sync.Once), so the requests that send
// the same file share one, and the engine's compiled form of it.
type rulebookCache struct {
	mu       sync.Mutex
	max      int       // rulebooks kept at most
	maxBytes int64     // their files' sizes at most
	size     int64     // their files' sizes
	order    list.List // of *cachedRulebook, the most recently used first
	byKey    map[[sha256.Size]byte]*list.Element
}

type cachedRulebook struct {
	key  [sha256.Size]byte
	rb   *rules.Rulebook
	size int64
}

func newRulebookCache(n int, maxBytes int64) *rulebookCache {
	return &rulebookCache{max: n, maxBytes: maxBytes, byKey: make(map[[sha256.Size]byte]*list.Element, n)}
}

// parse returns the rulebook of data: the one kept if the same file was
// parsed before, else rules.Parse's, kept if it parses. c may be nil.
func (c *rulebookCache) parse(name string, data []byte) (*rules.Rulebook, error) {
	if c == nil || int64(len(data)) > c.maxBytes {
		return rules.Parse(name, data)
	}
	key := sha256.Sum256(data)
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*cachedRulebook).rb, nil
	}
	c.mu.Unlock()
	rb, err := rules.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return c.add(key, rb, int64(len(data))), nil
}

// add keeps rb under key, dropping the least recently used rulebooks to
// stay within the bounds, and returns the rulebook kept under key: rb, or
// the one another request parsed from the same file meanwhile.
func (c *rulebookCache) add(key [sha256.Size]byte, rb *rules.Rulebook, size int64) *rules.Rulebook {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cachedRulebook).rb
	}
	for c.order.Len() > 0 && (c.order.Len() >= c.max || c.size+size > c.maxBytes) {
		old := c.order.Remove(c.order.Back()).(*cachedRulebook)
		delete(c.byKey, old.key)
		c.size -= old.size
	}
	c.byKey[key] = c.order.PushFront(&cachedRulebook{key: key, rb: rb, size: size})
	c.size += size
	return rb
}

// len is the number of rulebooks kept.
func (c *rulebookCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
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

// writeJSON writes v as indented JSON with its status: the bytes
// json.Encoder writes with SetIndent("", "  ") and SetEscapeHTML(false),
// encoded in full first (in buffers kept for the next response), so that
// the response has a Content-Length and a value that cannot be encoded is
// answered 500 rather than cut short.
func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	b := jsonBuffers.Get().(*jsonBuffer)
	defer b.release()
	out, err := b.encode(v)
	if err != nil {
		s.log.Error("cannot encode the response", "err", err)
		if _, isProblems := v.(Problems); !isProblems {
			s.writeJSON(w, http.StatusInternalServerError, newProblems(http.StatusInternalServerError, Describe(errorf("%v", err))))
			return
		}
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(status)
	if _, err := w.Write(out); err != nil {
		s.log.Error("cannot write the response", "err", err)
	}
}

// jsonBuffer encodes responses: compact JSON from enc in compact, then
// indented in out. Both are kept between responses (jsonBuffers).
type jsonBuffer struct {
	compact bytes.Buffer
	enc     *json.Encoder // writes to compact
	out     []byte
}

// jsonBuffers keeps jsonBuffers for the next responses.
var jsonBuffers = sync.Pool{New: func() any {
	b := &jsonBuffer{}
	b.enc = json.NewEncoder(&b.compact)
	b.enc.SetEscapeHTML(false)
	return b
}}

// maxKeptJSON is the largest buffer kept for the next response: a larger
// one (a simulation's result, scorecards with their traces) is left to
// the garbage collector, so that a few large responses do not hold memory.
const maxKeptJSON = 1 << 20

// encode returns v as json.Encoder writes it with SetIndent("", "  "):
// valid until b is released.
func (b *jsonBuffer) encode(v any) ([]byte, error) {
	b.compact.Reset()
	if err := b.enc.Encode(v); err != nil {
		b.enc = json.NewEncoder(&b.compact) // an Encoder keeps its error
		b.enc.SetEscapeHTML(false)
		return nil, err
	}
	b.out = indentJSON(b.out[:0], b.compact.Bytes())
	return b.out, nil
}

func (b *jsonBuffer) release() {
	if b.compact.Cap() > maxKeptJSON || cap(b.out) > maxKeptJSON {
		return
	}
	jsonBuffers.Put(b)
}

// indentJSON appends src, compact JSON as encoding/json writes it (no
// space outside strings, but the newline that ends an encoded value), to
// dst indented by two spaces: the bytes json.Indent(dst, src, "", "  ")
// appends, in one pass that only looks for quotes, backslashes and
// punctuation, where json.Indent runs its full scanner over every byte.
// src must be valid: it is what json.Marshal wrote (TestIndentJSON
// compares the two).
func indentJSON(dst, src []byte) []byte {
	depth := 0
	open := false // the last byte written opened an object or array
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = newline(dst, depth)
		}
		switch c {
		case '"':
			// the string, up to its closing quote, as it is
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++ // the byte escaped
				}
				j++
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false // {} and [] stay as they are
			} else {
				depth--
				dst = newline(dst, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// newline appends a line break and depth indents of two spaces.
func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
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
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
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
