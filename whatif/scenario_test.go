package whatif_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/whatif"
)

// parseErrors asserts that err is scoring.InputErrors, every problem of
// which can be written in both languages (checkInputErrors), and returns
// it.
func parseErrors(t testing.TB, err error) scoring.InputErrors {
	t.Helper()
	require.Error(t, err)
	return checkInputErrors(t, err)
}

func TestParseScenario(t *testing.T) {
	cases := []struct {
		name  string
		yaml  string
		lines []int    // lines of the problems, in order; nil: valid
		frags []string // a fragment of each problem
	}{
		{"every kind of edit reads", `
scenario: All of them
edits:
  - set_score: {member: SCT, criterion: "03", stage: cluster, value: "18,5"}
  - add_deduction: {member: SCT, item: vang_hop, count: 2, note: quý II}
  - remove_deduction: {member: SGTVT, item: bao_cao_muon}
  - add_bonus: {member: SXD, item: co_tinh}
  - remove_bonus: {member: SXD, item: co_tinh, count: 1}
  - set_fact: {member: SCT, fact: khong_ky_luat, value: false}
  - drop_member: {member: TTT}
  - add_votes: {member: SXD, for: 1, against: -1}
`, nil, nil},
		{"JSON reads the same", `{"scenario": "J", "edits": [{"set_fact": {"member": "SCT", "fact": "khong_ky_luat", "value": false}}]}`, nil, nil},
		{"an unknown key names its line and the known keys", `
edits:
  - set_score: {member: SCT, criterion: "03", stage: cluster, value: 18, colour: red}
`, []int{3}, []string{`unknown key "colour"`}},
		{"an edit with two keys", `
edits:
  - add_bonus: {member: SXD, item: co_tinh}
    set_fact: {member: SXD, fact: f, value: true}
`, []int{3}, []string{"exactly one of"}},
		{"an edit with none", `
edits:
  - {}
`, []int{3}, []string{"found 0"}},
		{"a number with a thousands separator is refused", `
edits:
  - set_score: {member: SCT, criterion: "03", stage: cluster, value: "1.234,5"}
`, []int{3}, []string{`found "1.234,5"`}},
		{"a missing member and stage", `
edits:
  - set_score: {criterion: "03", value: 3}
`, []int{3}, []string{"needs member and stage"}},
		{"a negative count", `
edits:
  - add_deduction: {member: SCT, item: vang_hop, count: -2}
`, []int{3}, []string{"count must not be negative"}},
		{"no edits at all", `scenario: Empty`, []int{1}, []string{"needs a list of edits"}},
		{"not YAML", "edits: [", []int{1}, []string{""}},
		{"every problem at once, in line order", `
edits:
  - set_score: {member: SCT, criterion: "03", stage: cluster, value: x}
  - add_deduction: {member: SCT}
  - drop_member: {member: TTT, reason: merged}
`, []int{3, 4, 5}, []string{"expected a number", "needs item", `unknown key "reason"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := whatif.ParseScenario("s.yaml", []byte(c.yaml))
			if c.lines == nil {
				require.NoError(t, err)
				require.NotEmpty(t, sc.Edits)
				for _, e := range sc.Edits {
					require.NotEmpty(t, e.Kind())
					require.Positive(t, e.Line)
				}
				return
			}
			es := parseErrors(t, err)
			require.Len(t, es, len(c.lines), "%v", es)
			for i, e := range es {
				require.Equal(t, "s.yaml", e.File)
				require.Equal(t, c.lines[i], e.Line, "%v", e)
				require.Contains(t, e.Msg, c.frags[i])
			}
		})
	}
}

func TestScenarioApply(t *testing.T) {
	rb, sh := cum2(t)
	cases := []struct {
		name  string
		yaml  string
		check func(t *testing.T, before, after scoring.Sheet)
	}{
		{"a score is set at its stage for every assessor", `
edits:
  - set_score: {member: SCT, criterion: "08", stage: cluster, value: 7}`,
			func(t *testing.T, _, after scoring.Sheet) {
				n := 0
				for _, e := range after.Scores {
					if e.Member == "SCT" && e.Criterion == "08" && e.Stage == "cluster" {
						require.True(t, e.Value.Equal(d("7")))
						require.Equal(t, "s.yaml", e.Source.File)
						n++
					}
				}
				require.Equal(t, 2, n)
			}},
		{"a deduction adds to the occurrences already there", `
edits:
  - add_deduction: {member: SGTVT, item: bao_cao_muon, count: 2}`,
			func(t *testing.T, _, after scoring.Sheet) {
				require.Len(t, after.Deductions, 1)
				require.Equal(t, 3, after.Deductions[0].Count)
			}},
		{"removing every occurrence removes the row", `
edits:
  - remove_deduction: {member: SGTVT, item: bao_cao_muon}`,
			func(t *testing.T, _, after scoring.Sheet) { require.Empty(t, after.Deductions) }},
		{"a dropped member leaves no row behind", `
edits:
  - drop_member: {member: STNMT}`,
			func(t *testing.T, _, after scoring.Sheet) {
				for _, m := range after.Members {
					require.NotEqual(t, "STNMT", m.ID)
				}
				for _, e := range after.Scores {
					require.NotEqual(t, "STNMT", e.Member)
				}
				for _, h := range after.History {
					require.NotEqual(t, "STNMT", h.Member)
				}
				for _, v := range after.Ballot.Votes {
					require.NotEqual(t, "STNMT", v.Member)
				}
			}},
		{"votes add to the ballot", `
edits:
  - add_votes: {member: STNMT, for: 1}`,
			func(t *testing.T, before, after scoring.Sheet) {
				for i, v := range after.Ballot.Votes {
					if v.Member == "STNMT" {
						require.Equal(t, before.Ballot.Votes[i].For+1, v.For)
					}
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := whatif.ParseScenario("s.yaml", []byte(c.yaml))
			require.NoError(t, err)
			hash := sh.Hash()
			after, err := sc.Apply(rb, sh)
			require.NoError(t, err)
			require.Equal(t, hash, sh.Hash(), "Apply changed its input")
			c.check(t, sh, after)
			_, err = ranking.Rank(rb, after)
			require.NoError(t, err)
		})
	}
}

func TestScenarioApplyErrors(t *testing.T) {
	rb, sh := cum2(t)
	sc, err := whatif.ParseScenario("s.yaml", []byte(`
edits:
  - add_deduction: {member: SCT, item: vang_hopp}
  - set_score: {member: SCT, criterion: "I", stage: cluster, value: 5}
  - set_score: {member: SCT, criterion: "03", stage: phuc_tra, value: 5}
  - remove_bonus: {member: SXD, item: co_tinh}
  - drop_member: {member: TTT}
  - set_fact: {member: TTT, fact: khong_ky_luat, value: true}
  - add_votes: {member: SXD, for: -9}
`))
	require.NoError(t, err)
	got, err := sc.Apply(rb, sh)
	es := parseErrors(t, err)
	require.Equal(t, sh.Hash(), got.Hash(), "the sheet returned with errors is the input")
	want := []struct {
		line         int
		member, crit string
		fragment     string
	}{
		{3, "SCT", "vang_hopp", "unknown deduction item"},
		{4, "SCT", "I", "is a group"},
		{5, "SCT", "03", `unknown assessment stage "phuc_tra"`},
		{6, "SXD", "co_tinh", "no bonus co_tinh to remove"},
		{8, "TTT", "khong_ky_luat", "no member"},
		{9, "SXD", "", "counts cannot be negative"},
	}
	require.Len(t, es, len(want), "%v", es)
	for i, w := range want {
		require.Equal(t, w.line, es[i].Line)
		require.Equal(t, w.member, es[i].Member)
		require.Equal(t, w.crit, es[i].Criterion)
		require.True(t, strings.Contains(es[i].Msg, w.fragment), "%q lacks %q", es[i].Msg, w.fragment)
	}
}

// TestScenarioDeductionExample is the bundled scenario: two deductions for
// Sở Công Thương hand the flag to Sở KH&CN.
func TestScenarioDeductionExample(t *testing.T) {
	rb, sh := cum2(t)
	sc, err := whatif.LoadScenario("../examples/cum2/scenario-deduction.yaml")
	require.NoError(t, err)
	after, err := sc.Apply(rb, sh)
	require.NoError(t, err)
	st0, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	st1, err := ranking.Rank(rb, after)
	require.NoError(t, err)
	diff := whatif.Compare(st0, st1)
	require.Equal(t, "SKHCN", diff.Members[0].Member)
	require.Equal(t, []string{"flag"}, diff.Members[0].Gained)
	sct := diff.Members[1]
	require.Equal(t, "SCT: rank 1 → 2, total 96.35 → 94.35, gains merit, loses flag", sct.String())
	require.Equal(t, []string{"SKHCN"}, diff.Awards[0].Gained)
	require.Equal(t, []string{"SCT"}, diff.Awards[0].Lost)
	require.Len(t, diff.Decisions, 3)
	require.Nil(t, diff.Decisions[0].New, "SKHCN is now first")
}

func TestCompareDroppedMember(t *testing.T) {
	rb, sh := cum2(t)
	sc := whatif.Scenario{Edits: []whatif.Edit{{DropMember: &whatif.DropMember{Member: "SKHCN"}}}}
	after, err := sc.Apply(rb, sh)
	require.NoError(t, err)
	st0, _ := ranking.Rank(rb, sh)
	st1, err := ranking.Rank(rb, after)
	require.NoError(t, err)
	diff := whatif.Compare(st0, st1)
	last := diff.Members[len(diff.Members)-1]
	require.Equal(t, "SKHCN", last.Member)
	require.Equal(t, 0, last.NewRank)
	require.Equal(t, []string{"merit"}, last.Lost)
	require.Contains(t, last.String(), "dropped")
	// SXD moves up into SKHCN's place, and STNMT takes the second Bằng khen.
	require.Equal(t, []string{"STNMT"}, diff.Awards[1].Gained)
}

// FuzzParseScenario: the parser never panics, and a scenario it accepts
// applies without panicking either.
func FuzzParseScenario(f *testing.F) {
	for _, s := range []string{
		"scenario: x\nedits:\n  - add_deduction: {member: SCT, item: vang_hop, count: 2}\n",
		"edits:\n  - set_score: {member: SCT, criterion: \"03\", stage: cluster, value: \"18,5\"}\n",
		"edits:\n  - drop_member: {member: TTT}\n  - add_votes: {member: SXD, for: 1}\n",
		`{"edits": [{"set_fact": {"member": "SCT", "fact": "khong_ky_luat", "value": false}}]}`,
		"edits: [{}]\n",
		"edits:\n  - &a {remove_bonus: {member: SXD, item: co_tinh}}\n  - *a\n",
		"edits: 3\n",
		"\xef\xbb\xbfedits: []\n",
		"",
	} {
		f.Add([]byte(s))
	}
	rb, sh := cum2(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := whatif.ParseScenario("fuzz.yaml", data)
		if err != nil {
			checkInputErrors(t, err)
			return
		}
		if _, err := sc.Apply(rb, sh); err != nil {
			checkInputErrors(t, err)
		}
	})
}
