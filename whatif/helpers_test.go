package whatif_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// header is the identity every test rulebook shares; the tests add the rest.
const header = "id: test\nversion: \"1\"\ntitle: Test rulebook\n"

// mustRulebook parses a rulebook written as YAML (without its identity).
func mustRulebook(t testing.TB, body string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(header+body))
	require.NoError(t, err, "rulebook:\n%s", body)
	return rb
}

// d reads a decimal written in a test.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// members lists members by id; each one's name is "Unit " + id.
func members(ids ...string) []scoring.Member {
	out := make([]scoring.Member, len(ids))
	for i, id := range ids {
		out[i] = scoring.Member{ID: id, Name: "Unit " + id}
	}
	return out
}

// cl is a cluster-stage score (cụm chấm), the usual counted stage.
func cl(member, criterion, value string) scoring.Entry {
	return scoring.Entry{Member: member, Criterion: criterion, Stage: "cluster", Value: d(value)}
}

// cum2 loads the bundled example.
func cum2(t testing.TB) (*rules.Rulebook, scoring.Sheet) {
	t.Helper()
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	sh, err := sheets.Check(rb, "../examples/cum2/scores-2020.csv")
	require.NoError(t, err)
	return rb, sh
}
