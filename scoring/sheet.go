package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
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
// CSV or JSON, in any order, has the same hash. Decimals are written in a
// canonical form (no trailing zeros, no exponent), so 9.50 and 9.5 are the
// same value.
func (s Sheet) Hash() string {
	var lines []string
	add := func(fields ...string) {
		lines = append(lines, strings.Join(fields, "\x1f"))
	}
	add("C", s.Cluster, strconv.Itoa(s.Year))
	for _, m := range s.Members {
		add("M", m.ID, m.Name)
	}
	for _, e := range s.Scores {
		add("S", e.Member, e.Criterion, e.Stage, e.Assessor, canonical(e.Value))
	}
	for _, t := range s.Targets {
		add("T", t.Member, t.Criterion, canonical(t.Value))
	}
	for _, a := range s.NotAssigned {
		add("N", a.Member, a.Criterion)
	}
	for _, o := range s.Bonuses {
		add("B", o.Member, o.Item, strconv.Itoa(o.Count), o.Note)
	}
	for _, o := range s.Deductions {
		add("D", o.Member, o.Item, strconv.Itoa(o.Count), o.Note)
	}
	for _, f := range s.Facts {
		add("F", f.Member, f.Fact, strconv.FormatBool(f.Value))
	}
	if b := s.Ballot; b != nil {
		add("V", strconv.Itoa(b.Entitled), strconv.Itoa(b.Present))
		for _, v := range b.Votes {
			add("v", v.Member, strconv.Itoa(v.For), strconv.Itoa(v.Against), strconv.Itoa(v.Abstain))
		}
	}
	for _, h := range s.History {
		add("H", h.Member, strconv.Itoa(h.Year), h.Award)
	}
	slices.Sort(lines)
	// the recorded draw is an order, so it is hashed in order
	lines = append(lines, "L\x1f"+strings.Join(s.Lots, "\x1f"))
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// canonical writes a decimal without trailing zeros or exponent, whatever
// the decimal package's settings.
func canonical(d decimal.Decimal) string {
	c, e := new(big.Int).Set(d.Coefficient()), d.Exponent()
	ten, r := big.NewInt(10), new(big.Int)
	for c.Sign() != 0 && e < 0 {
		q, rem := new(big.Int).QuoRem(c, ten, r)
		if rem.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	if c.Sign() == 0 {
		return "0"
	}
	return decimal.NewFromBigInt(c, e).StringFixed(max(0, -e))
}
