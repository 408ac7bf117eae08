package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/thidua/thidua/server"
)

// errStream is a command's standard error. It passes what is written
// through, until the command asks for JSON (--format json: see
// jsonProblems). From then on what is written is held back and the
// problems report gives are collected; when the command ends (flush),
// standard error gets, if any problem was reported, one JSON document
// holding every problem — the body of the server's 422 responses
// (server.Problems, schema thidua/problems/v1) — and nothing else; if none
// was, what was held back, as it was written (warnings, a verdict). Usage
// errors come before the mode is on: they stay text.
type errStream struct {
	w    io.Writer
	json bool
	held bytes.Buffer
	errs []error
}

func (s *errStream) Write(p []byte) (int, error) {
	if s.json {
		return s.held.Write(p)
	}
	return s.w.Write(p)
}

// flush ends the JSON mode: it writes the problems' document, or what was
// held back.
func (s *errStream) flush() {
	if !s.json {
		return
	}
	s.json = false
	if len(s.errs) == 0 {
		s.w.Write(s.held.Bytes())
		s.held.Reset()
		return
	}
	enc := json.NewEncoder(s.w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(problemsOf(errors.Join(s.errs...))); err != nil {
		fmt.Fprintf(s.w, "thidua: %v\n", err)
	}
	s.errs, s.held = nil, bytes.Buffer{}
}

// problemsOf is err as the server's error responses describe it: every
// problem with its code, place, member and criterion and its sentence in
// both languages, at most server.MaxListed listed and all counted by code.
// Status is always 422 (Unprocessable Entity): on the command line every
// such error is the input's.
func problemsOf(err error) server.Problems {
	ps := server.Describe(err)
	out := server.Problems{Schema: server.ProblemsSchema, Status: http.StatusUnprocessableEntity, Count: len(ps), Problems: ps}
	if out.Problems == nil {
		out.Problems = []server.Problem{}
	}
	if len(ps) > server.MaxListed {
		out.Problems = ps[:server.MaxListed]
		out.ByCode = map[string]int{}
		for _, p := range ps {
			out.ByCode[p.Code]++
		}
	}
	return out
}

// jsonProblems turns on the JSON mode of standard error (see errStream)
// when on is true, the command writing JSON. stderr is a command's
// standard error; any other writer (a test's buffer) is left as it is.
func jsonProblems(stderr io.Writer, on bool) {
	if s, ok := stderr.(*errStream); ok && on {
		s.json = true
	}
}

// problemSink is the standard error collecting problems for a JSON
// document, nil if stderr writes text.
func problemSink(stderr io.Writer) *errStream {
	if s, ok := stderr.(*errStream); ok && s.json {
		return s
	}
	return nil
}

// inJSON reports whether stderr writes its problems as JSON: the lines a
// command writes around them (a heading, a verdict) are then left out.
func inJSON(stderr io.Writer) bool { return problemSink(stderr) != nil }

// rawStderr is the terminal under stderr, for what is not held back (a
// progress bar).
func rawStderr(stderr io.Writer) io.Writer {
	if s, ok := stderr.(*errStream); ok {
		return s.w
	}
	return stderr
}
