package scoring_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
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

// at is a score at a named stage.
func at(stage, member, criterion, value string) scoring.Entry {
	return scoring.Entry{Member: member, Criterion: criterion, Stage: stage, Value: d(value)}
}

// by is a score from one assessor at a stage.
func by(stage, assessor, member, criterion, value string) scoring.Entry {
	return scoring.Entry{Member: member, Criterion: criterion, Stage: stage, Assessor: assessor, Value: d(value)}
}

// mustScore scores a sheet that must be valid and returns the cards by member id.
func mustScore(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet) map[string]scoring.Scorecard {
	t.Helper()
	cards, err := scoring.Score(rb, sh)
	require.NoError(t, err)
	out := map[string]scoring.Scorecard{}
	for _, c := range cards {
		out[c.Member.ID] = c
	}
	return out
}

// node returns a card's result for a node, failing the test if it is absent.
func node(t testing.TB, c scoring.Scorecard, id string) scoring.NodeScore {
	t.Helper()
	n, ok := c.Node(id)
	require.True(t, ok, "member %s has no node %s", c.Member.ID, id)
	return n
}

// eq checks a decimal against its expected value written as a string.
func eq(t testing.TB, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// inputErrors returns the individual problems of a Score error, after
// checking the texts of every one (checkTexts).
func inputErrors(t testing.TB, err error) scoring.InputErrors {
	t.Helper()
	require.Error(t, err)
	var es scoring.InputErrors
	require.True(t, errors.As(err, &es), "error %T is not InputErrors: %v", err, err)
	checkTexts(t, es)
	return es
}

// leftover matches what a message written without all its values leaves
// behind: a placeholder, or a key missing from the catalogue.
var leftover = regexp.MustCompile(`\{(\d+|p\d+|parts|list)(:[a-z]+)?\}|‹`)

// checkTexts checks every problem as the package scoring states it: it has
// a message, Msg is that message in English, the English line of Text is
// Error() byte for byte, and the Vietnamese line is complete, in
// Vietnamese, and names the member as "đơn vị". The list writes the same
// lines.
func checkTexts(t testing.TB, es scoring.InputErrors) {
	t.Helper()
	vi := make([]string, len(es))
	for i, e := range es {
		require.False(t, e.Message.IsZero(), "%v: no message", e)
		require.Equal(t, e.Msg, e.Message.In(lang.English), "Msg is the message in English")
		require.Equal(t, e.Error(), e.Text(lang.English))
		vi[i] = e.Text(lang.Vietnamese)
		require.NotRegexp(t, leftover, vi[i])
		require.NotEqual(t, e.Error(), vi[i], "%s: not written in Vietnamese", e.Message.Key)
		if e.Member != "" {
			require.Contains(t, vi[i], "đơn vị "+e.Member+": ")
			require.NotContains(t, vi[i], "member "+e.Member)
		}
	}
	require.Equal(t, es.Error(), es.Text(lang.English))
	require.Equal(t, strings.Join(vi, "\n"), es.Text(lang.Vietnamese))
}

// hasError reports whether one of es concerns member and criterion and
// contains every fragment in its message.
func hasError(es scoring.InputErrors, member, criterion string, fragments ...string) bool {
	for _, e := range es {
		if e.Member != member || e.Criterion != criterion {
			continue
		}
		ok := true
		for _, f := range fragments {
			ok = ok && strings.Contains(e.Msg, f)
		}
		if ok {
			return true
		}
	}
	return false
}

// cmpOpts compares results exactly: decimals by value, everything else field
// by field, except where a row came from (Source).
var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.IgnoreTypes(scoring.Source{}),
}
