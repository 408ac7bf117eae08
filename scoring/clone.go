package scoring

import "slices"

// Clone returns a copy of the sheet that shares no list with it (members,
// scores, targets, bonuses, deductions, facts, history, lots, matches and the
// ballot's votes), so that a change to one never reaches the other.
func (s Sheet) Clone() Sheet {
	out := s
	out.Members = slices.Clone(s.Members)
	out.Scores = slices.Clone(s.Scores)
	out.Targets = slices.Clone(s.Targets)
	out.NotAssigned = slices.Clone(s.NotAssigned)
	out.Bonuses = slices.Clone(s.Bonuses)
	out.Deductions = slices.Clone(s.Deductions)
	out.Facts = slices.Clone(s.Facts)
	out.History = slices.Clone(s.History)
	out.Lots = slices.Clone(s.Lots)
	out.Matches = slices.Clone(s.Matches)
	if s.Ballot != nil {
		b := *s.Ballot
		b.Votes = slices.Clone(s.Ballot.Votes)
		out.Ballot = &b
	}
	if s.Ballots != nil {
		out.Ballots = slices.Clone(s.Ballots)
		for i := range out.Ballots {
			out.Ballots[i].Votes = slices.Clone(s.Ballots[i].Votes)
		}
	}
	return out
}
