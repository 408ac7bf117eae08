package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
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
	go func() { exit <- serve(ctx, []string{"--addr", "127.0.0.1:0"}, &stdout, &stderr, ready) }()
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
	require.Contains(t, stdout.String(), "thidua serve: http://"+addr)
	require.Contains(t, stdout.String(), "thidua serve: stopped")
}

func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitUsage, serve(context.Background(), []string{"--timeout", "0s"}, &stdout, &stderr, nil))
	require.Contains(t, stderr.String(), "--timeout must be above zero")
	stderr.Reset()
	require.Equal(t, exitUsage, serve(context.Background(), []string{"extra"}, &stdout, &stderr, nil))
	require.Equal(t, exitBadInput, serve(context.Background(), []string{"--addr", "256.0.0.1:1"}, &stdout, &stderr, nil))
}
