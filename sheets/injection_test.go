package sheets_test

import (
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// TestWriteCSVNeutralisesFormulas: a text cell a spreadsheet would run as
// a formula is written after a single quote; numbers are not touched; the
// sheet reads back equal.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	link := `=HYPERLINK("http://x","y")`
	cmd := `+1+cmd|' /C calc'!A0`
	sh := scoring.Sheet{
		Cluster: "@SUM(1+1)*cmd|' /C calc'!A0",
		Members: []scoring.Member{
			{ID: "A", Name: link},
			{ID: "B", Name: cmd},
			{ID: "-C", Name: "-2+3"},
			{ID: "D", Name: "'=already quoted"},
			{ID: "E", Name: "O'Brien"},
			{ID: "F", Name: "'plain quote"},
		},
		Scores:     []scoring.Entry{{Member: "A", Criterion: "=1.1", Stage: "cluster", Assessor: "+X", Value: dec("-1.5")}},
		Targets:    []scoring.Target{{Member: "B", Criterion: "2.1", Value: dec("-3")}},
		Deductions: []scoring.Occurrences{{Member: "B", Item: "late", Count: 2, Note: "=cmd|' /C calc'!A0"}},
		History:    []scoring.PastAward{{Member: "A", Year: 2019, Award: "@flag"}},
	}
	text := writeString(t, sh)
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	require.NoError(t, err)
	cells := map[string]bool{}
	for _, r := range rows {
		for _, c := range r {
			cells[c] = true
		}
	}
	for _, want := range []string{"'" + link, "'" + cmd, "'@SUM(1+1)*cmd|' /C calc'!A0", "'-C", "'-2+3", "''=already quoted",
		"O'Brien", "'plain quote", "'=1.1", "'+X", "'=cmd|' /C calc'!A0", "'@flag", "-1.5", "-3"} {
		require.True(t, cells[want], "no cell %q in:\n%s", want, text)
	}
	for _, bad := range []string{link, cmd, "-2+3", "=1.1", "'-1.5", "'-3"} {
		require.False(t, cells[bad], "cell %q written as it is:\n%s", bad, text)
	}
	back, err := sheets.ReadCSV("written.csv", strings.NewReader(text))
	require.NoError(t, err, text)
	for i := range back.Members {
		back.Members[i].Source = scoring.Source{}
	}
	require.Equal(t, sh.Cluster, back.Cluster)
	require.Equal(t, sh.Members, back.Members)
	require.Equal(t, sh.History[0].Award, back.History[0].Award)
	require.Equal(t, sh.Deductions[0].Note, back.Deductions[0].Note)
	require.Equal(t, "=1.1", back.Scores[0].Criterion)
	require.Equal(t, "+X", back.Scores[0].Assessor)
	require.True(t, back.Scores[0].Value.Equal(dec("-1.5")))
}

// TestReadCSVKeepsOtherQuotes: only the quote before a formula character
// is taken off; a quote before anything else is the text's own.
func TestReadCSVKeepsOtherQuotes(t *testing.T) {
	sh, err := sheets.ReadCSV("s.csv", strings.NewReader("record,member,key,value\n"+
		"member,A,name,'=1+2\nmember,B,name,'Sở\nmember,C,name,''-x\nmember,D,name,'\n"))
	require.NoError(t, err)
	var names []string
	for _, m := range sh.Members {
		names = append(names, m.Name)
	}
	require.Equal(t, []string{"=1+2", "'Sở", "'-x", "'"}, names)
}

// TestRoundTripFormulaLikeTexts writes random sheets whose texts start
// with formula characters and quotes, and reads them back equal.
func TestRoundTripFormulaLikeTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	alpha := []rune("'=+-@ab ")
	text := func() string {
		for {
			s := strings.TrimSpace(randomString(r, alpha, false))
			if s != "" {
				return s
			}
		}
	}
	for range 300 {
		sh := scoring.Sheet{Cluster: text()}
		seen := map[string]bool{}
		for range 4 {
			id := text()
			if seen[id] {
				continue
			}
			seen[id] = true
			sh.Members = append(sh.Members, scoring.Member{ID: id, Name: text()})
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: text(), Count: 1, Note: text()})
		}
		back := roundTrip(t, sh)
		opt := cmp.Comparer(func(a, b scoring.Source) bool { return true })
		if d := cmp.Diff(sh, back, opt); d != "" {
			t.Fatalf("round trip (-written +read):\n%s\n%s", d, writeString(t, sh))
		}
	}
}
