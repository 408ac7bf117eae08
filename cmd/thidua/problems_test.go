package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/server"
)

// TestJSONProblemsGolden: with --format json, a bad input's problems are
// one JSON document on standard error.
func TestJSONProblemsGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"rank-bad-scores-json", []string{"rank", "--rules", rb, "--scores", "testdata/bad-scores.csv", "--format", "json"}, exitBadInput},
		{"rank-bad-rulebook-json", []string{"rank", "--rules", "testdata/bad-rulebook.yaml", "--scores", cum2 + "scores-2020.csv", "--format", "json"}, exitBadInput},
		// Usage errors stay text.
		{"rank-usage-json", []string{"rank", "--rules", rb, "--format", "json"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.args, c.code) })
	}
}

// serverProblems is the server's 422 body for the rulebook and sheet given,
// each file named as its base name.
func serverProblems(t *testing.T, rulesPath, rulesName, scoresPath, scoresName string) server.Problems {
	t.Helper()
	body, err := json.Marshal(map[string]string{
		"rules": string(mustReadFile(t, rulesPath)), "rules_filename": rulesName,
		"scores": string(mustReadFile(t, scoresPath)), "scores_filename": scoresName,
	})
	require.NoError(t, err)
	ts := httptest.NewServer(server.New(server.Options{}))
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/v1/rank", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	var ps server.Problems
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&ps))
	return ps
}

// TestJSONProblemsAreTheServers: the document is the server's 422 body for
// the same files, problem for problem — code, place, member, criterion,
// both texts and the message.
func TestJSONProblemsAreTheServers(t *testing.T) {
	for _, c := range []struct {
		rules, rulesName, scores, scoresName string
		count                                int
	}{
		{rb, "rulebook.yaml", "testdata/bad-scores.csv", "bad-scores.csv", 21},
		{"testdata/bad-rulebook.yaml", "bad-rulebook.yaml", cum2 + "scores-2020.csv", "scores-2020.csv", 0},
	} {
		var out, errb bytes.Buffer
		code := run([]string{"rank", "--rules", c.rules, "--scores", c.scores, "--format", "json"}, nil, &out, &errb)
		require.Equal(t, exitBadInput, code)
		require.Empty(t, out.String())
		text := strings.NewReplacer(c.rules, c.rulesName, c.scores, c.scoresName).Replace(errb.String())
		var got server.Problems
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&got), text)
		require.False(t, dec.More(), "one document")
		want := serverProblems(t, c.rules, c.rulesName, c.scores, c.scoresName)
		require.Equal(t, server.ProblemsSchema, got.Schema)
		require.Equal(t, http.StatusUnprocessableEntity, got.Status)
		require.Greater(t, got.Count, 1, "several problems")
		if c.count > 0 {
			require.Equal(t, c.count, got.Count)
		}
		require.Equal(t, want, got)
		located := 0
		for _, p := range got.Problems {
			require.NotEmpty(t, p.Code, "%+v", p)
			require.NotEmpty(t, p.Text.VI)
			require.NotEmpty(t, p.Text.EN)
			if p.Where != nil && p.Where.Line > 0 {
				located++
				require.Equal(t, c.scoresName+c.rulesName, c.scoresName+c.rulesName)
			}
		}
		require.Greater(t, located, 1, "problems with their file and line")
	}
}

// TestJSONProblemsEveryCommand: every command that writes JSON writes a
// bad rulebook's problems as one document, the same in each.
func TestJSONProblemsEveryCommand(t *testing.T) {
	bad := "testdata/bad-rulebook.yaml"
	sheet := cum2 + "scores-2020.csv"
	var want string
	for _, args := range [][]string{
		{"rank", "--rules", bad, "--scores", sheet, "--format", "json"},
		{"simulate", "--rules", bad, "--scores", sheet, "--range", "0.5", "--step", "0.25", "--format", "json"},
		{"whatif", "--rules", bad, "--scores", sheet, "--member", "SXD", "--award", "flag", "--format", "json"},
		{"sensitivity", "--rules", bad, "--scores", sheet, "--score", "SCT:08", "--from", "7", "--to", "10", "--step", "0.5", "--format", "json"},
		{"scenario", "--rules", bad, "--scores", sheet, "--edits", cum2 + "scenario-deduction.yaml", "--format", "json"},
		{"check", "--rules", bad, "--format", "json"},
		{"diff", bad, rb, "--format", "json"},
		{"audit", "--rules", bad, "--scores", sheet, "--recorded", cum2 + "recorded-2020.csv", "--format", "json"},
		{"verify", "testdata/audit-sealed-2020.json", "--rules", bad, "--format", "json"},
		{"rank", "--rules", "-", "--scores", sheet, "--format", "json", "--input-format", "yaml"},
	} {
		var out, errb bytes.Buffer
		var stdin *bytes.Reader
		if args[2] == "-" {
			stdin = bytes.NewReader(mustReadFile(t, bad))
		} else {
			stdin = bytes.NewReader(nil)
		}
		code := run(args, stdin, &out, &errb)
		require.Equal(t, exitBadInput, code, "%v", args)
		got := strings.ReplaceAll(errb.String(), stdinName, bad)
		var ps server.Problems
		require.NoError(t, json.Unmarshal([]byte(got), &ps), "%v: %s", args, got)
		require.Equal(t, server.ProblemsSchema, ps.Schema)
		if want == "" {
			want = got
		}
		require.Equal(t, want, got, "%v", args)
	}
	// Without --format json, text.
	var out, errb bytes.Buffer
	require.Equal(t, exitBadInput, run([]string{"rank", "--rules", bad, "--scores", sheet}, nil, &out, &errb))
	require.False(t, json.Valid(errb.Bytes()))
}

// TestJSONProblemsAndWarnings: in JSON mode, a command that succeeds
// writes its warnings as text; one that fails, only the document.
func TestJSONProblemsAndWarnings(t *testing.T) {
	sheet := mustReadFile(t, cum2+"scores-2020.csv")
	lookalike := strings.Replace(string(sheet), "member,SXD,name,Sở Xây dựng", "member,SXD,name,Sở Công Thương", 1) // two members of one name
	require.NotEqual(t, string(sheet), lookalike)
	ok := writeTemp(t, "lookalike.csv", lookalike)
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"rank", "--rules", rb, "--scores", ok, "--format", "json", "--lang", "en"}, nil, &out, &errb))
	require.Contains(t, errb.String(), "warning:")
	require.True(t, json.Valid(out.Bytes()))

	bad := writeTemp(t, "lookalike-bad.csv", lookalike+"score,SXD,03,21,cluster\n")
	out.Reset()
	errb.Reset()
	require.Equal(t, exitBadInput, run([]string{"rank", "--rules", rb, "--scores", bad, "--format", "json", "--lang", "en"}, nil, &out, &errb))
	require.True(t, json.Valid(errb.Bytes()), errb.String())
	require.NotContains(t, errb.String(), "warning:")
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := t.TempDir() + "/" + name
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}
