package scoring_test

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/thidua/thidua/scoring"
)

// TestCloneSharesNothing fills every list of a sheet, clones it, and
// checks that the clone is equal and that changing the clone's lists
// leaves the original as it was.
func TestCloneSharesNothing(t *testing.T) {
	sh := scoring.Sheet{
		Cluster:     "c",
		Year:        2021,
		Members:     members("A", "B"),
		Scores:      []scoring.Entry{{Member: "A", Criterion: "01"}},
		Targets:     []scoring.Target{{Member: "A", Criterion: "01"}},
		NotAssigned: []scoring.Assignment{{Member: "B", Criterion: "01"}},
		Bonuses:     []scoring.Occurrences{{Member: "A", Item: "b", Count: 1}},
		Deductions:  []scoring.Occurrences{{Member: "B", Item: "d", Count: 2}},
		Facts:       []scoring.FactValue{{Member: "A", Fact: "f", Value: true}},
		Ballot:      &scoring.Ballot{Entitled: 2, Votes: []scoring.Vote{{Member: "A", For: 2}}},
		Ballots:     []scoring.Ballot{{ID: "co", Votes: []scoring.Vote{{Member: "B", For: 1}}}},
		History:     []scoring.PastAward{{Member: "A", Year: 2020, Award: "x"}},
		Lots:        []string{"A", "B"},
		Matches:     []scoring.Match{{Member: "A", Rival: "B", For: 2, Against: 1}},
	}
	// every list of the sheet is filled, so that one added later without
	// a place in Clone fails here
	v := reflect.ValueOf(sh)
	for i := range v.NumField() {
		if f := v.Field(i); (f.Kind() == reflect.Slice || f.Kind() == reflect.Pointer) && f.IsNil() {
			t.Fatalf("the test sheet leaves %s empty", v.Type().Field(i).Name)
		}
	}
	keep := copyByHand(sh)
	c := sh.Clone()
	if diff := cmp.Diff(sh, c); diff != "" {
		t.Fatalf("clone differs (-sheet +clone):\n%s", diff)
	}
	c.Members[0].ID = "Z"
	c.Scores[0].Member = "Z"
	c.Targets[0].Member = "Z"
	c.NotAssigned[0].Member = "Z"
	c.Bonuses[0].Member = "Z"
	c.Deductions[0].Member = "Z"
	c.Facts[0].Member = "Z"
	c.Ballot.Entitled = 9
	c.Ballot.Votes[0].Member = "Z"
	c.Ballots[0].Votes[0].Member = "Z"
	c.History[0].Member = "Z"
	c.Lots[0] = "Z"
	c.Matches[0].Member = "Z"
	if diff := cmp.Diff(keep, sh); diff != "" {
		t.Errorf("changing the clone changed the sheet (-before +after):\n%s", diff)
	}
	// a sheet without lists or ballot stays without them
	if got := (scoring.Sheet{Year: 2021}).Clone(); !reflect.DeepEqual(got, scoring.Sheet{Year: 2021}) {
		t.Errorf("empty sheet cloned as %+v", got)
	}
}

// copyByHand copies a sheet field by field by hand, independently of
// Clone, for the comparison.
func copyByHand(sh scoring.Sheet) scoring.Sheet {
	out := sh
	out.Members = append([]scoring.Member(nil), sh.Members...)
	out.Scores = append([]scoring.Entry(nil), sh.Scores...)
	out.Targets = append([]scoring.Target(nil), sh.Targets...)
	out.NotAssigned = append([]scoring.Assignment(nil), sh.NotAssigned...)
	out.Bonuses = append([]scoring.Occurrences(nil), sh.Bonuses...)
	out.Deductions = append([]scoring.Occurrences(nil), sh.Deductions...)
	out.Facts = append([]scoring.FactValue(nil), sh.Facts...)
	out.History = append([]scoring.PastAward(nil), sh.History...)
	out.Lots = append([]string(nil), sh.Lots...)
	out.Matches = append([]scoring.Match(nil), sh.Matches...)
	b := *sh.Ballot
	b.Votes = append([]scoring.Vote(nil), sh.Ballot.Votes...)
	out.Ballot = &b
	out.Ballots = append([]scoring.Ballot(nil), sh.Ballots...)
	for i := range out.Ballots {
		out.Ballots[i].Votes = append([]scoring.Vote(nil), sh.Ballots[i].Votes...)
	}
	return out
}
