package titles

import (
	"github.com/thidua/thidua/rules"
)

// Schema is the value a titles file may give in its "schema" key.
const Schema = "thidua/titles/v1"

// Spec is the editable description of a unit's titles for one year: what a
// titles file holds, field for field. Pass it to New, which validates it.
type Spec struct {
	Schema string `yaml:"schema" json:"schema,omitempty"`
	// Unit is the unit that confers the titles (e.g. a department, Sở).
	Unit   string `yaml:"unit" json:"unit"`
	Year   int    `yaml:"year" json:"year"`
	Source string `yaml:"source" json:"source,omitempty"`
	Note   string `yaml:"note" json:"note,omitempty"`

	Facts  []Fact  `yaml:"facts" json:"facts,omitempty"`
	Titles []Title `yaml:"titles" json:"titles"`
	// Collectives and People are the holders, each with the titles awarded;
	// optional when only the numbers are known (Counts).
	Collectives []Collective `yaml:"collectives" json:"collectives,omitempty"`
	People      []Person     `yaml:"people" json:"people,omitempty"`
	// Counts gives the number awarded per title when the holders are not
	// listed (e.g. a published report: "73 cá nhân đạt danh hiệu Lao động
	// tiên tiến").
	Counts map[string]int `yaml:"counts" json:"counts,omitempty"`
}

// HolderKind says who may hold a title.
type HolderKind string

// The holder kinds.
const (
	ForIndividual HolderKind = "individual" // cá nhân
	ForCollective HolderKind = "collective" // tập thể
)

// Title is a title (danh hiệu thi đua) with its conditions and quota, e.g.
// Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến,
// Tập thể lao động xuất sắc.
type Title struct {
	ID   string     `yaml:"id" json:"id"`
	Name string     `yaml:"name" json:"name"`
	For  HolderKind `yaml:"for" json:"for"`
	// Requires lists titles the holder must hold the same year (e.g.
	// Chiến sĩ thi đua cơ sở requires Lao động tiên tiến).
	Requires []string `yaml:"requires" json:"requires,omitempty"`
	// Initiative: the holder must have a recognised initiative (sáng kiến
	// được công nhận) or equivalent.
	Initiative bool `yaml:"initiative" json:"initiative,omitempty"`
	// Facts lists facts that must be true of the holder.
	Facts []string `yaml:"facts" json:"facts,omitempty"`
	// MembersHolding: for a collective, at least Share of its people must
	// hold Title.
	MembersHolding *MemberShare `yaml:"members_holding" json:"members_holding,omitempty"`
	// Cap bounds the number awarded: a share of the holders of another
	// title, rounded to a whole number.
	Cap   *Cap   `yaml:"cap" json:"cap,omitempty"`
	Basis string `yaml:"basis" json:"basis,omitempty"` // the legal basis, with its confidence
	Note  string `yaml:"note" json:"note,omitempty"`
}

// MemberShare requires a share of a collective's people to hold a title:
// at least Share, or, with MoreThan, more than Share ("trên 50%").
type MemberShare struct {
	Title    string      `yaml:"title" json:"title"`
	Share    rules.Share `yaml:"share" json:"share"`
	MoreThan bool        `yaml:"more_than" json:"more_than,omitempty"`
}

// Met reports whether holding of total members meet the share, exactly.
func (m MemberShare) Met(holding, total int) bool {
	if m.MoreThan {
		return int64(holding)*m.Share.Den > int64(total)*m.Share.Num
	}
	return m.Share.CountAtLeast(holding, total)
}

// Cap is a quota: at most Share × (the number holding Of), rounded by
// Rounding (default floor: "không quá" — at most).
type Cap struct {
	Share    rules.Share        `yaml:"share" json:"share"`
	Of       string             `yaml:"of" json:"of"`
	Rounding rules.RoundingMode `yaml:"rounding" json:"rounding,omitempty"`
	Basis    string             `yaml:"basis" json:"basis,omitempty"`
}

// Fact is a yes/no fact about a holder ("hoàn thành tốt nhiệm vụ", "không
// bị kỷ luật"). Default is assumed when a holder does not state it; nil
// means every holder a condition reads it for must state it.
type Fact struct {
	ID      string `yaml:"id" json:"id"`
	Name    string `yaml:"name" json:"name"`
	Default *bool  `yaml:"default" json:"default,omitempty"`
}

// Collective is a collective of the unit (a room, a centre, a sub-unit:
// phòng, trung tâm, chi cục).
type Collective struct {
	ID      string          `yaml:"id" json:"id"`
	Name    string          `yaml:"name" json:"name"`
	Facts   map[string]bool `yaml:"facts" json:"facts,omitempty"`
	Awarded []string        `yaml:"awarded" json:"awarded,omitempty"`
	Note    string          `yaml:"note" json:"note,omitempty"`
}

// Person is an individual (cá nhân: công chức, viên chức, người lao động).
type Person struct {
	ID         string          `yaml:"id" json:"id"`
	Name       string          `yaml:"name" json:"name"`
	Collective string          `yaml:"collective" json:"collective,omitempty"`
	Initiative bool            `yaml:"initiative" json:"initiative,omitempty"`
	Facts      map[string]bool `yaml:"facts" json:"facts,omitempty"`
	Awarded    []string        `yaml:"awarded" json:"awarded,omitempty"`
	Note       string          `yaml:"note" json:"note,omitempty"`
}
