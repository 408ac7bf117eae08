package audit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/canon"
)

// RecordedSchema is the schema name a recorded result in JSON may give in
// its "schema" key.
const RecordedSchema = "thidua/recorded/v1"

// Recorded is the result a cluster published in the minutes of its
// evaluation meeting (biên bản họp bình xét): the members' totals and group
// subtotals, their ranks, the awards proposed, the votes and the tie-breaks
// the minutes cite. Everything in it is optional except the members: an
// audit checks what was recorded and says what was not.
//
// Read one with Load, ReadCSV or ParseJSON. A Recorded is a value; treat its
// slices as read-only.
type Recorded struct {
	Cluster  string // the cluster's name as the minutes give it
	Year     int    // the year assessed; 0 if not recorded
	Rulebook string // the rulebook id the minutes cite, if any
	Version  string // the rulebook version the minutes cite, if any
	Date     string // the date of the meeting, as written
	// Members in the order they first appear in the file.
	Members   []MemberResult
	Ballot    *BallotResult
	TieBreaks []CitedTieBreak
}

// Source is where a recorded fact came from: file and line. It is zero for
// values built in Go.
type Source struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// String reads like "recorded.csv:12", or "" when unknown.
func (s Source) String() string {
	switch {
	case s.File == "" && s.Line == 0:
		return ""
	case s.Line == 0:
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Figure is a number as the minutes record it, with where it was written.
// Set is false when the minutes do not give it.
type Figure struct {
	Value  decimal.Decimal
	Set    bool
	Source Source
}

// Count is a whole number as the minutes record it (a rank, a number of
// votes). Set is false when the minutes do not give it.
type Count struct {
	N      int
	Set    bool
	Source Source
}

// MemberResult is what the minutes record about one member unit (đơn vị
// thành viên).
type MemberResult struct {
	ID    string
	Name  string
	Rank  Count  // thứ hạng
	Total Figure // tổng điểm
	// Percent is the total as a percentage of the attainable maximum, for
	// clusters ranked by percentage.
	Percent Figure
	// Subtotals are group (or criterion) points in document order: what
	// the node contributes to its parent, after weight and rounding.
	Subtotals  []Subtotal
	Bonus      Figure // điểm thưởng, after caps
	Deductions Figure // điểm trừ, after caps
	// Awards are the award tiers proposed for the member (e.g. flag,
	// merit), by their rulebook ids.
	Awards []AwardEntry
	// Votes are the ballot's counts for the member (phiếu tán thành …).
	Votes   Count
	Against Count
	Abstain Count
	// Source is where the member first appears.
	Source Source
}

// Subtotal is the recorded points of one group or criterion.
type Subtotal struct {
	Node   string // group or criterion id, e.g. "I"
	Value  decimal.Decimal
	Source Source
}

// AwardEntry is one award the minutes propose for a member.
type AwardEntry struct {
	Tier   string // the award tier id in the rulebook, e.g. "flag"
	Name   string // the award's name as written, if given
	Source Source
}

// BallotResult is the secret ballot (bỏ phiếu kín) as the minutes record
// it. Zero counts were not recorded.
type BallotResult struct {
	Entitled int
	Present  int
	Source   Source
}

// CitedTieBreak is a tie-break the minutes cite to place one member above
// another: "Sở KH&CN xếp trên Sở Xây dựng do điểm nhóm I cao hơn".
type CitedTieBreak struct {
	Upper  string // member id placed higher
	Lower  string // member id placed lower
	Rule   string // the rule cited: a tie-break of the rulebook ("group I", "more_votes") or any text
	Note   string // the minutes' own words, if given
	Source Source
}

// Member returns the recorded result of the member with the given id.
func (r Recorded) Member(id string) (MemberResult, bool) {
	for _, m := range r.Members {
		if m.ID == id {
			return m, true
		}
	}
	return MemberResult{}, false
}

// Subtotal returns the recorded subtotal of node id, if any.
func (m MemberResult) Subtotal(id string) (Subtotal, bool) {
	for _, s := range m.Subtotals {
		if s.Node == id {
			return s, true
		}
	}
	return Subtotal{}, false
}

// HasAward reports whether the member is recorded as proposed for tier.
func (m MemberResult) HasAward(tier string) bool {
	return slices.ContainsFunc(m.Awards, func(a AwardEntry) bool { return a.Tier == tier })
}

// canonical forms for hashing: sorted, without sources.
type canonRecorded struct {
	Cluster, Rulebook, Version, Date string
	Year                             int
	Members                          []canonMember
	Ballot                           *canonBallot
	TieBreaks                        []canonTie
}

type canonMember struct {
	ID, Name                          string
	Rank, Votes, Against, Abstain     *int
	Total, Percent, Bonus, Deductions *decimal.Decimal
	Subtotals                         []canonSub
	Awards                            []string
}

type canonSub struct {
	Node  string
	Value decimal.Decimal
}

type canonBallot struct{ Entitled, Present int }

type canonTie struct{ Upper, Lower, Rule, Note string }

func figurePtr(f Figure) *decimal.Decimal {
	if !f.Set {
		return nil
	}
	v := f.Value
	return &v
}

func countPtr(c Count) *int {
	if !c.Set {
		return nil
	}
	n := c.N
	return &n
}

// Hash returns the recorded result's content hash ("sha256:…"). Like a
// score sheet's, it does not depend on the order of rows, on where they
// came from or on the file format: the same result read from CSV or JSON
// has the same hash. An audit report lists it with the rulebook's and the
// sheet's hashes, so that the audit can be traced and repeated.
func (r Recorded) Hash() string {
	c := canonRecorded{Cluster: r.Cluster, Year: r.Year, Rulebook: r.Rulebook, Version: r.Version, Date: r.Date}
	for _, m := range r.Members {
		cm := canonMember{
			ID: m.ID, Name: m.Name,
			Rank: countPtr(m.Rank), Votes: countPtr(m.Votes), Against: countPtr(m.Against), Abstain: countPtr(m.Abstain),
			Total: figurePtr(m.Total), Percent: figurePtr(m.Percent), Bonus: figurePtr(m.Bonus), Deductions: figurePtr(m.Deductions),
		}
		for _, s := range m.Subtotals {
			cm.Subtotals = append(cm.Subtotals, canonSub{s.Node, s.Value})
		}
		slices.SortFunc(cm.Subtotals, func(a, b canonSub) int { return cmp.Or(cmp.Compare(a.Node, b.Node), a.Value.Cmp(b.Value)) })
		for _, a := range m.Awards {
			cm.Awards = append(cm.Awards, a.Tier)
		}
		slices.Sort(cm.Awards)
		c.Members = append(c.Members, cm)
	}
	slices.SortFunc(c.Members, func(a, b canonMember) int { return cmp.Compare(a.ID, b.ID) })
	if r.Ballot != nil {
		c.Ballot = &canonBallot{r.Ballot.Entitled, r.Ballot.Present}
	}
	for _, t := range r.TieBreaks {
		c.TieBreaks = append(c.TieBreaks, canonTie{t.Upper, t.Lower, t.Rule, t.Note})
	}
	slices.SortFunc(c.TieBreaks, func(a, b canonTie) int {
		return cmp.Or(cmp.Compare(a.Upper, b.Upper), cmp.Compare(a.Lower, b.Lower), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Note, b.Note))
	})
	return canon.Hash(c)
}

// normRule writes a cited rule the way rules.TieBreak.String does: "group:
// I", "group  I" and "Group I" all become "group I".
func normRule(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ":", " ")
	f := strings.Fields(s)
	if len(f) > 0 {
		f[0] = strings.ToLower(f[0])
	}
	return strings.Join(f, " ")
}
