package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The illustrative head-to-head rulebook: removing a member eligible for
// no award no longer reorders the others (head-to-head counts only the
// members in play), so the property holds; exit code 0.
func TestCheckHeadToHead(t *testing.T) {
	var out, errb bytes.Buffer
	code := call(checkCmd, []string{"--rules", "../../examples/check/head-to-head.yaml", "--lang", "en", "--seed", "2"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	s := out.String()
	require.Contains(t, s, "200 random sheets, seed 2")
	require.Contains(t, s, "[holds] Removing a member ineligible for every award")

	out.Reset()
	code = call(checkCmd, []string{"--rules", "../../examples/check/head-to-head.yaml", "--n", "30"}, &out, &errb)
	require.Equal(t, exitOK, code)
	require.Contains(t, out.String(), "30 bảng điểm ngẫu nhiên, seed 1")
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
