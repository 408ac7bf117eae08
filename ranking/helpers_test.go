package ranking_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

const header = "id: test\nversion: \"1\"\ntitle: Test rulebook\n"

func mustRulebook(t testing.TB, body string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(header+body))
	require.NoError(t, err, "rulebook:\n%s", body)
	return rb
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func cl(member, criterion, value string) scoring.Entry {
	return scoring.Entry{Member: member, Criterion: criterion, Stage: "cluster", Value: d(value)}
}

func by(assessor, member, criterion, value string) scoring.Entry {
	return scoring.Entry{Member: member, Criterion: criterion, Stage: "cluster", Assessor: assessor, Value: d(value)}
}

// scores adds a member whose values for the criteria, in order, are given
// as one string ("5 5 5"; "-" for no row).
func scores(sh *scoring.Sheet, member string, criteria []string, values string) {
	sh.Members = append(sh.Members, scoring.Member{ID: member, Name: "Unit " + member})
	for i, v := range strings.Fields(values) {
		if v != "-" {
			sh.Scores = append(sh.Scores, cl(member, criteria[i], v))
		}
	}
}

func mustRank(t testing.TB, rb *rules.Rulebook, sh scoring.Sheet, opts ...ranking.Option) *ranking.Standings {
	t.Helper()
	st, err := ranking.Rank(rb, sh, opts...)
	require.NoError(t, err)
	require.NotNil(t, st)
	return st
}

// order lists the members in standing order.
func order(st *ranking.Standings) []string {
	var ids []string
	for _, r := range st.Rows {
		ids = append(ids, r.Member.ID)
	}
	return ids
}

// ranks lists the rank numbers in standing order.
func ranks(st *ranking.Standings) []int {
	var out []int
	for _, r := range st.Rows {
		out = append(out, r.Rank)
	}
	return out
}

func row(t testing.TB, st *ranking.Standings, id string) ranking.Row {
	t.Helper()
	r, ok := st.Row(id)
	require.True(t, ok, "no row for %s", id)
	return r
}

// decided lists every row's DecidedBy after the first, without notes.
func decided(st *ranking.Standings) []ranking.Decision {
	var out []ranking.Decision
	for _, r := range st.Rows[1:] {
		dec := *r.DecidedBy
		dec.Note = lang.Message{}
		out = append(out, dec)
	}
	return out
}

// en is a message that reads s in English: an expected value, compared
// with the engine's messages in English (cmpOpts).
func en(s string) lang.Message {
	if s == "" {
		return lang.Message{}
	}
	return lang.Msg("problem.text", s)
}

// dec is a resolved decision, its values as they read in English.
func dec(rule, upper, lower, upperValue, lowerValue string) ranking.Decision {
	return ranking.Decision{Rule: rule, Upper: upper, Lower: lower, UpperValue: en(upperValue), LowerValue: en(lowerValue)}
}

// tie is an unresolved decision between two adjacent tied members.
func tie(upper, lower string) ranking.Decision {
	return ranking.Decision{Rule: "unresolved", Upper: upper, Lower: lower, Unresolved: true}
}

// ties returns the standings' unresolved ties without their notes, after
// checking that every tie has one.
func ties(st *ranking.Standings) []ranking.Tie {
	var out []ranking.Tie
	for _, t := range st.Ties {
		if t.Note.IsZero() {
			panic(fmt.Sprintf("tie at rank %d has no note", t.Rank))
		}
		t.Note = lang.Message{}
		out = append(out, t)
	}
	return out
}

var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.IgnoreTypes(scoring.Source{}),
	// Messages are compared as they read in English (en builds expected
	// ones); TestMessages checks them in Vietnamese.
	cmp.Comparer(func(a, b lang.Message) bool { return a.In(lang.English) == b.In(lang.English) }),
}
