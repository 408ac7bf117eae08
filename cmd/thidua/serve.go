package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/thidua/thidua/server"
)

// shutdownGrace is how long serve waits, on SIGINT or SIGTERM, for the
// requests in progress to finish before it closes their connections.
const shutdownGrace = 10 * time.Second

// serveCmd is thidua serve: the JSON API and the web page (package server)
// on loopback until SIGINT or SIGTERM.
func serveCmd(e *env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, e, args, nil)
}

// serve runs the server until ctx is done, then shuts it down gracefully.
// ready, if not nil, receives the address listened on (for tests). With
// --open, the page is opened in the browser (e.open) once the listener is
// up.
func serve(ctx context.Context, e *env, args []string, ready chan<- string) int {
	stdout, stderr, h := e.stdout, e.stderr, e.help
	fs := e.flags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", h.Say("help.flag.addr"))
	timeout := fs.Duration("timeout", server.DefaultTimeout, h.Say("help.flag.timeout"))
	open := fs.Bool("open", false, h.Say("help.flag.open"))
	langCode := fs.String("lang", "vi", h.Say("help.flag.lang"))
	if code, ok := parse(fs, args); !ok {
		return code
	}
	t, ok := langOf(*langCode)
	if !ok {
		fmt.Fprintf(stderr, "thidua serve: --lang must be vi or en, found %q\n", *langCode)
		return exitUsage
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
	url := pageURL(ln.Addr())
	fmt.Fprintln(stdout, t.Say("cli.serve.listening", url))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if *open {
		// The listener is up: the page loads as soon as the browser asks.
		if err := e.open(url); err != nil {
			fmt.Fprintln(stderr, t.Say("cli.serve.open_failed", url, err.Error()))
		}
	}
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
	fmt.Fprintln(stdout, t.Say("cli.serve.stopped"))
	return exitOK
}

// pageURL is the web page's address on the listener addr: a listener on
// every interface (0.0.0.0, ::) is reached through loopback.
func pageURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// browserCommand is the program that opens url in the default browser on
// the operating system goos, and its arguments: rundll32's
// FileProtocolHandler on Windows (no console window, no shell quoting),
// open on macOS, xdg-open elsewhere.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin":
		return "open", []string{url}
	}
	return "xdg-open", []string{url}
}

// openBrowser opens url in the default browser: it starts the program
// browserCommand names and does not wait for it (a browser may run as
// long as the server).
func openBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it when it ends
	return nil
}
