package scoring

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/canon"
)

// Sheet is a cluster's score sheet for one year (bảng chấm điểm): the input
// of scoring and ranking. Rows may come in any order; the results do not
// depend on it.
type Sheet struct {
	Cluster string `json:"cluster,omitempty"` // e.g. "Cụm II – Các cơ quan quản lý chuyên ngành"
	Year    int    `json:"year,omitempty"`    // the year assessed; checked against the rulebook's period in force

	Members     []Member      `json:"members"`
	Scores      []Entry       `json:"scores"`
	Targets     []Target      `json:"targets,omitempty"`
	NotAssigned []Assignment  `json:"not_assigned,omitempty"`
	Bonuses     []Occurrences `json:"bonuses,omitempty"`
	Deductions  []Occurrences `json:"deductions,omitempty"`
	Facts       []FactValue   `json:"facts,omitempty"`
	Ballot      *Ballot       `json:"ballot,omitempty"`
	History     []PastAward   `json:"history,omitempty"`
	// Lots is the recorded result of a drawing of lots (bốc thăm), if one
	// was held: member ids in the order drawn, first drawn first.
	Lots []string `json:"lots,omitempty"`
}

// Member is a member unit of the cluster (đơn vị thành viên).
type Member struct {
	ID     string `json:"id"`   // short id used in the sheet, e.g. "SCT"
	Name   string `json:"name"` // e.g. "Sở Công Thương"
	Source Source `json:"-"`
}

// Source is where a row came from, for error messages. It is zero for rows
// built in Go.
type Source struct {
	File string
	Line int
}

// Entry is one raw value: a member's input for a criterion at one stage, from
// one assessor (empty when the stage has a single score). What the value
// means depends on the criterion's method: the points (direct), the achieved
// value (ratio, relative, tiers), 1 or 0 (pass_fail) or a count
// (per_occurrence).
type Entry struct {
	Member    string          `json:"member"`
	Criterion string          `json:"criterion"`
	Stage     string          `json:"stage"`
	Assessor  string          `json:"assessor,omitempty"`
	Value     decimal.Decimal `json:"value"`
	Source    Source          `json:"-"`
}

// Target is a member's target for a ratio or relative criterion, usually
// registered in its covenant (giao ước thi đua).
type Target struct {
	Member    string          `json:"member"`
	Criterion string          `json:"criterion"`
	Value     decimal.Decimal `json:"value"`
	Source    Source          `json:"-"`
}

// Assignment marks a criterion or group as not assigned (không được giao) to
// a member: it leaves the member's attainable maximum.
type Assignment struct {
	Member    string `json:"member"`
	Criterion string `json:"criterion"`
	Source    Source `json:"-"`
}

// Occurrences is a number of occurrences of a bonus or deduction item for a
// member (e.g. 2 late reports).
type Occurrences struct {
	Member string `json:"member"`
	Item   string `json:"item"`
	Count  int    `json:"count"`
	Note   string `json:"note,omitempty"`
	Source Source `json:"-"`
}

// FactValue states a fact about a member (e.g. no_discipline: true).
type FactValue struct {
	Member string `json:"member"`
	Fact   string `json:"fact"`
	Value  bool   `json:"value"`
	Source Source `json:"-"`
}

// Ballot is the result of a secret ballot (bỏ phiếu kín) among the members.
type Ballot struct {
	// Entitled is the number of members entitled to vote; zero means the
	// number of members in the sheet.
	Entitled int `json:"entitled,omitempty"`
	// Present is the number present and voting; zero means Entitled.
	Present int    `json:"present,omitempty"`
	Votes   []Vote `json:"votes"`
	Source  Source `json:"-"`
}

// Vote is the ballot's count for one member.
type Vote struct {
	Member  string `json:"member"`
	For     int    `json:"for"`
	Against int    `json:"against,omitempty"`
	Abstain int    `json:"abstain,omitempty"`
	Source  Source `json:"-"`
}

// PastAward records an award a member received (or was proposed for) in an
// earlier year, for history-based tie-breaks.
type PastAward struct {
	Member string `json:"member"`
	Year   int    `json:"year"`
	Award  string `json:"award"`
	Source Source `json:"-"`
}

// Hash returns the sheet's content hash ("sha256:…"). It does not depend on
// the order of rows or on where they came from, so the same data read from
// CSV or JSON, in any order, has the same hash.
func (s Sheet) Hash() string {
	c := s
	c.Members = sortedCopy(s.Members, func(a, b Member) int { return cmp.Compare(a.ID, b.ID) }, func(m *Member) { m.Source = Source{} })
	c.Scores = sortedCopy(s.Scores, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Criterion, b.Criterion), cmp.Compare(a.Stage, b.Stage), cmp.Compare(a.Assessor, b.Assessor), a.Value.Cmp(b.Value))
	}, func(x *Entry) { x.Source = Source{} })
	c.Targets = sortedCopy(s.Targets, func(a, b Target) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Criterion, b.Criterion), a.Value.Cmp(b.Value))
	}, func(x *Target) { x.Source = Source{} })
	c.NotAssigned = sortedCopy(s.NotAssigned, func(a, b Assignment) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Criterion, b.Criterion))
	}, func(x *Assignment) { x.Source = Source{} })
	occ := func(a, b Occurrences) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Item, b.Item), cmp.Compare(a.Count, b.Count), cmp.Compare(a.Note, b.Note))
	}
	c.Bonuses = sortedCopy(s.Bonuses, occ, func(x *Occurrences) { x.Source = Source{} })
	c.Deductions = sortedCopy(s.Deductions, occ, func(x *Occurrences) { x.Source = Source{} })
	c.Facts = sortedCopy(s.Facts, func(a, b FactValue) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Fact, b.Fact), boolCmp(a.Value, b.Value))
	}, func(x *FactValue) { x.Source = Source{} })
	if s.Ballot != nil {
		b := *s.Ballot
		b.Source = Source{}
		b.Votes = sortedCopy(s.Ballot.Votes, func(a, b Vote) int {
			return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.For, b.For), cmp.Compare(a.Against, b.Against), cmp.Compare(a.Abstain, b.Abstain))
		}, func(x *Vote) { x.Source = Source{} })
		c.Ballot = &b
	}
	c.History = sortedCopy(s.History, func(a, b PastAward) int {
		return cmp.Or(cmp.Compare(a.Member, b.Member), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Award, b.Award))
	}, func(x *PastAward) { x.Source = Source{} })
	return canon.Hash(c)
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

func sortedCopy[T any](xs []T, less func(a, b T) int, clear func(*T)) []T {
	out := slices.Clone(xs)
	for i := range out {
		clear(&out[i])
	}
	slices.SortFunc(out, less)
	return out
}
