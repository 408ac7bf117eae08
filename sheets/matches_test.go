package sheets_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// A match is two CSV rows, one from each side, in any order and not
// necessarily together; JSON and YAML give it as one item. Both read the
// same, and hash the same whichever side a file starts from.
func TestMatches(t *testing.T) {
	want := []scoring.Match{{Member: "SCT", Rival: "SXD", For: 3, Against: 1}, {Member: "SXD", Rival: "TTr", For: 0, Against: 0}}
	csvSheet := readString(t, "cum.csv", header+"match,SCT,SXD,3\nmember,SCT,name,Sở Công Thương\nmatch,SXD,TTr,0\nmatch,SXD,SCT,1\nmatch,TTr,SXD,0\n")
	if d := cmp.Diff(want, csvSheet.Matches, ignoreSource); d != "" {
		t.Fatalf("CSV (-want +got):\n%s", d)
	}
	require.Equal(t, 2, csvSheet.Matches[0].Source.Line)
	js, err := sheets.ParseJSON("cum.yaml", []byte("members: [{id: SCT, name: Sở Công Thương}]\nmatches:\n  - {member: SXD, rival: SCT, for: 1, against: 3}\n  - {member: SXD, rival: TTr, for: 0, against: 0}\n"))
	require.NoError(t, err)
	require.Equal(t, 3, js.Matches[0].Source.Line)
	require.Equal(t, csvSheet.Hash(), js.Hash(), "a pair's result hashes the same from either side")
	back := roundTrip(t, csvSheet)
	if d := cmp.Diff(csvSheet.Matches, back.Matches, ignoreSource); d != "" {
		t.Fatalf("round trip (-written +read):\n%s", d)
	}
	changed := csvSheet.Clone()
	changed.Matches[0].For = 2
	require.NotEqual(t, csvSheet.Hash(), changed.Hash())
}
