package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/thidua/thidua/server"
)

// serveUsage is the synopsis of the serve command.
const serveUsage = "thidua serve [--addr 127.0.0.1:8080] [--timeout 30s]"

// shutdownGrace is how long serve waits, on SIGINT or SIGTERM, for the
// requests in progress to finish before it closes their connections.
const shutdownGrace = 10 * time.Second

// serveCmd is thidua serve: the JSON API (package server) on loopback
// until SIGINT or SIGTERM.
func serveCmd(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr, nil)
}

// serve runs the server until ctx is done, then shuts it down gracefully.
// ready, if not nil, receives the address listened on (for tests).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on (loopback by default; another interface exposes the API to the network)")
	timeout := fs.Duration("timeout", server.DefaultTimeout, "each request's `deadline`")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nServes the JSON API (see /openapi.json) until interrupted.\n\nFlags:\n", serveUsage)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *timeout <= 0 {
		fmt.Fprintf(stderr, "thidua serve: --timeout must be above zero, found %v\n", *timeout)
		return exitUsage
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "thidua serve: %v\n", err)
		return exitBadInput
	}
	srv := &http.Server{
		Handler:           server.New(server.Options{Timeout: *timeout, Logger: logger}),
		ReadHeaderTimeout: 10 * time.Second,
		// The body of a large upload may take a while; the handler's own
		// deadline bounds the computation.
		ReadTimeout:    *timeout + time.Minute,
		WriteTimeout:   *timeout + time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return ctx },
	}
	fmt.Fprintf(stdout, "thidua serve: http://%s (OpenAPI: /openapi.json); Ctrl-C stops\n", ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "thidua serve: %v\n", err)
		return exitBadInput
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err = srv.Shutdown(shutdown)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "thidua serve: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, "thidua serve: stopped")
	return exitOK
}
