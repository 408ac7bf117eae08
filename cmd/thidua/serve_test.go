package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	ready := make(chan string, 1)
	exit := make(chan int, 1)
	go func() {
		exit <- serve(ctx, testEnv(&stdout, &stderr), []string{"--addr", "127.0.0.1:0", "--lang", "en"}, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case code := <-exit:
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	}
	require.True(t, strings.HasPrefix(addr, "127.0.0.1:"), addr)

	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.JSONEq(t, `{"status":"ok"}`, string(body))

	rules, err := os.ReadFile("../../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	scores, err := os.ReadFile("../../examples/cum2/scores-2020.csv")
	require.NoError(t, err)
	req, _ := json.Marshal(map[string]string{"rules": string(rules), "scores": string(scores)})
	resp, err = http.Post("http://"+addr+"/v1/rank", "application/json", bytes.NewReader(req))
	require.NoError(t, err)
	var st struct {
		Schema string `json:"schema"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
	resp.Body.Close()
	require.Equal(t, "thidua/standings/v2", st.Schema)

	// SIGINT or SIGTERM cancels the context: the server stops cleanly.
	cancel()
	select {
	case code := <-exit:
		require.Equal(t, exitOK, code, stderr.String())
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	require.Contains(t, stdout.String(), "thidua serve: the page is at http://"+addr+"/")
	require.Contains(t, stdout.String(), "thidua serve: stopped")
}

func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitUsage, serve(context.Background(), testEnv(&stdout, &stderr), []string{"--timeout", "0s"}, nil))
	require.Contains(t, stderr.String(), "--timeout must be above zero")
	stderr.Reset()
	require.Equal(t, exitUsage, serve(context.Background(), testEnv(&stdout, &stderr), []string{"extra"}, nil))
	require.Equal(t, exitBadInput, serve(context.Background(), testEnv(&stdout, &stderr), []string{"--addr", "256.0.0.1:1"}, nil))
}

// testEnv is the environment of a command called directly, not through
// run: no standard input, no browser.
func testEnv(stdout, stderr io.Writer) *env {
	return &env{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, open: noBrowser}
}

// TestServeOpen starts serve --open with a browser that records what it is
// asked to open and fetches it: the page, already served.
func TestServeOpen(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	opened := make(chan string, 1)
	page := make(chan int, 1)
	e := testEnv(&stdout, &stderr)
	e.open = func(url string) error {
		opened <- url
		resp, err := http.Get(url) // the listener is up: the page loads
		if err != nil {
			return err
		}
		resp.Body.Close()
		page <- resp.StatusCode
		return nil
	}
	exit := make(chan int, 1)
	ready := make(chan string, 1)
	go func() { exit <- serve(ctx, e, []string{"--addr", "127.0.0.1:0", "--open"}, ready) }()
	addr := <-ready
	select {
	case url := <-opened:
		require.Equal(t, "http://"+addr+"/", url)
	case code := <-exit:
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	}
	require.Equal(t, http.StatusOK, <-page)
	cancel()
	require.Equal(t, exitOK, <-exit, stderr.String())
	require.Contains(t, stdout.String(), "thidua serve: trang làm việc ở http://"+addr+"/")
	require.Contains(t, stdout.String(), "thidua serve: đã dừng")

	// A browser that cannot be started: the server runs on, and says
	// where the page is.
	ctx2, cancel2 := context.WithCancel(context.Background())
	stdout.Reset()
	stderr.Reset()
	e = testEnv(&stdout, &stderr)
	go func() { exit <- serve(ctx2, e, []string{"--addr", "127.0.0.1:0", "--open", "--lang", "en"}, ready) }()
	addr = <-ready
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "could not open the browser") }, 10*time.Second, 10*time.Millisecond)
	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	cancel2()
	require.Equal(t, exitOK, <-exit)
	require.Contains(t, stderr.String(), "open http://"+addr+"/ in a browser")

	// Without --open, no browser.
	ctx3, cancel3 := context.WithCancel(context.Background())
	e = testEnv(&stdout, &stderr)
	e.open = func(string) error { t.Error("opened a browser without --open"); return nil }
	go func() { exit <- serve(ctx3, e, []string{"--addr", "127.0.0.1:0"}, ready) }()
	<-ready
	cancel3()
	require.Equal(t, exitOK, <-exit)
}

// TestPageURL: a listener on every interface is reached through loopback.
func TestPageURL(t *testing.T) {
	for _, c := range []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080/"},
		{"0.0.0.0:8080", "http://127.0.0.1:8080/"},
		{"[::]:8080", "http://127.0.0.1:8080/"},
		{"[::1]:9000", "http://[::1]:9000/"},
		{"192.168.1.5:80", "http://192.168.1.5:80/"},
	} {
		a, err := net.ResolveTCPAddr("tcp", c.addr)
		require.NoError(t, err)
		require.Equal(t, c.want, pageURL(a), c.addr)
	}
}

// TestBrowserCommand: the program that opens the page, per system.
func TestBrowserCommand(t *testing.T) {
	const url = "http://127.0.0.1:8080/"
	for _, c := range []struct {
		goos, name string
		args       []string
	}{
		{"windows", "rundll32", []string{"url.dll,FileProtocolHandler", url}},
		{"darwin", "open", []string{url}},
		{"linux", "xdg-open", []string{url}},
		{"freebsd", "xdg-open", []string{url}},
	} {
		name, args := browserCommand(c.goos, url)
		require.Equal(t, c.name, name, c.goos)
		require.Equal(t, c.args, args, c.goos)
	}
}

// TestDefaultArgs: thidua without arguments runs serve --open on Windows
// (a double-click on thidua.exe) and prints the usage elsewhere.
func TestDefaultArgs(t *testing.T) {
	require.Equal(t, []string{"serve", "--open"}, defaultArgs("windows"))
	for _, goos := range []string{"linux", "darwin", "freebsd", ""} {
		require.Nil(t, defaultArgs(goos), goos)
	}
	// What Windows runs is a command line that works.
	var out, errb bytes.Buffer
	e := testEnv(&out, &errb)
	fs := []*flag.FlagSet{}
	e.flagSets = &fs
	code := runEnv(e, append(defaultArgs("windows"), "--help"), dispatch)
	require.Equal(t, exitOK, code, errb.String())
	require.Contains(t, out.String(), "--open")
}

// syncBuffer is a buffer written by the server's goroutines and read by
// the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}
