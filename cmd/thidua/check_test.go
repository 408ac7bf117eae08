package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/sheets"
)

// The illustrative rulebook whose flag is not passed on when the member
// ranked first is ineligible (if_ineligible: none): a known violation,
// explained, with a counter-example that reads back as a CSV sheet; exit
// code 0.
func TestCheckIfIneligibleNone(t *testing.T) {
	var out, errb bytes.Buffer
	code := call(checkCmd, []string{"--rules", "../../examples/check/if-ineligible-none.yaml", "--lang", "en", "--seed", "2"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	s := out.String()
	require.Contains(t, s, "200 random sheets, seed 2")
	require.Contains(t, s, "[known violation, by design] Removing a member ineligible for every award")
	require.Contains(t, s, "the violation disappears without these features of the rules: none")
	require.Contains(t, s, "[holds] Raising a member's score")
	_, csvPart, ok := strings.Cut(s, "Sheet (CSV):\n")
	require.True(t, ok)
	var lines []string
	for _, l := range strings.Split(csvPart, "\n") {
		if !strings.HasPrefix(l, "    ") {
			break
		}
		lines = append(lines, strings.TrimPrefix(l, "    "))
	}
	sh, err := sheets.ReadCSV("ce.csv", strings.NewReader(strings.Join(lines, "\n")+"\n"))
	require.NoError(t, err)
	require.LessOrEqual(t, len(sh.Members), 4, "the counter-example is not shrunk")

	out.Reset()
	code = call(checkCmd, []string{"--rules", "../../examples/check/if-ineligible-none.yaml", "--n", "30"}, &out, &errb)
	require.Equal(t, exitOK, code)
	require.Contains(t, out.String(), "30 bảng điểm ngẫu nhiên, seed 1")
	require.Contains(t, out.String(), "if_ineligible: none")
}

func TestCheckJSONAndScores(t *testing.T) {
	var out, errb bytes.Buffer
	code := call(checkCmd, []string{"--rules", "../../examples/cum2/rulebook.yaml", "--scores", "../../examples/cum2/scores-2020.csv", "--n", "20", "--format", "json"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	var rep struct {
		Schema  string
		Seed    uint64
		Around  string
		Results []struct{ Property, Status string }
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &rep))
	require.Equal(t, "thidua/invariants/v1", rep.Schema)
	require.NotEmpty(t, rep.Around)
	require.Len(t, rep.Results, 6)
}

// A rulebook with an award nobody can reach fails the check: exit 1.
func TestCheckViolated(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/x.yaml"
	require.NoError(t, os.WriteFile(path, []byte(`
id: x
version: "1"
title: X
criteria: [{id: a, name: A, max: 10}]
eligibility: [{id: cao, reason: Trên 10, min_total: 11}]
awards: [{id: flag, name: Cờ, count: 1, requires: [cao]}]
`), 0o644))
	var out, errb bytes.Buffer
	require.Equal(t, exitBadInput, call(checkCmd, []string{"--rules", path, "--n", "20"}, &out, &errb))
	require.Contains(t, out.String(), "[VI PHẠM] Mỗi hình thức khen thưởng đều có bảng điểm đạt được")
}

func TestCheckUsage(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, exitUsage, call(checkCmd, nil, &out, &errb))
	require.Equal(t, exitUsage, call(checkCmd, []string{"--rules", "x.yaml", "--n", "0"}, &out, &errb))
	require.Equal(t, exitBadInput, call(checkCmd, []string{"--rules", "missing.yaml"}, &out, &errb))
}
