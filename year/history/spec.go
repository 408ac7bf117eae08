package history

import (
	"github.com/thidua/thidua/rules"
)

// Schema is the value a history file may give in its "schema" key.
const Schema = "thidua/history/v1"

// Spec is the editable description of a history: what a history file
// holds, field for field. Build one in Go or read one with Parse or Load,
// then pass it to New, which validates it and returns the immutable
// History.
type Spec struct {
	Schema   string `yaml:"schema" json:"schema,omitempty"`     // "thidua/history/v1" if given
	Province string `yaml:"province" json:"province,omitempty"` // e.g. "Tỉnh Cao Bằng"
	Notes    string `yaml:"notes" json:"notes,omitempty"`
	// Units lists every unit (đơn vị) that was ever a member of a cluster
	// of the file. Ids are unique across the file: a unit keeps its id
	// when it moves from one cluster to another.
	Units []Unit `yaml:"units" json:"units"`
	// Mergers records units merged into a successor (hợp nhất, sáp nhập) or
	// renamed (a merger with one predecessor).
	Mergers  []Merger  `yaml:"mergers" json:"mergers,omitempty"`
	Clusters []Cluster `yaml:"clusters" json:"clusters"`
}

// Unit is a member unit (đơn vị thành viên): a department (sở, ngành), a
// district, an agency.
type Unit struct {
	ID   string `yaml:"id" json:"id"`     // e.g. "SCT"
	Name string `yaml:"name" json:"name"` // e.g. "Sở Công Thương"
	// Function is the unit's role where a rotation rule assigns the head by
	// function (e.g. "noi_vu" for the department in charge of emulation
	// work). Optional.
	Function string `yaml:"function" json:"function,omitempty"`
	Note     string `yaml:"note" json:"note,omitempty"`
}

// Merger records that the units From ceased to exist at the start of Year
// and that Into succeeded them (hợp nhất, sáp nhập; with one predecessor, a
// renaming). Carries lists the predecessors whose award history counts for
// the successor (default: all of From): the flags a predecessor received
// count as the successor's when "how often has this unit received the flag"
// is asked, and for the tie-break and eligibility rules that look at last
// year.
type Merger struct {
	Year    int        `yaml:"year" json:"year"` // the first year the successor is assessed
	Date    rules.Date `yaml:"date" json:"date,omitzero"`
	From    []string   `yaml:"from" json:"from"`
	Into    string     `yaml:"into" json:"into"`
	Carries []string   `yaml:"carries" json:"carries,omitempty"`
	Source  string     `yaml:"source" json:"source,omitempty"`
	Note    string     `yaml:"note" json:"note,omitempty"`
}

// CarriedFrom returns the predecessors whose history carries over: Carries,
// or all of From if Carries is empty.
func (m Merger) CarriedFrom() []string {
	if len(m.Carries) > 0 {
		return append([]string(nil), m.Carries...)
	}
	return append([]string(nil), m.From...)
}

// Cluster is one emulation cluster (cụm thi đua, khối thi đua) over the
// years.
type Cluster struct {
	ID   string `yaml:"id" json:"id"`     // e.g. "cum2"
	Name string `yaml:"name" json:"name"` // e.g. "Cụm II – Các cơ quan quản lý chuyên ngành"
	Note string `yaml:"note" json:"note,omitempty"`
	// Years holds one entry per year recorded, in any order.
	Years      []Year     `yaml:"years" json:"years"`
	Leadership Leadership `yaml:"leadership" json:"leadership,omitzero"`
	// StreakFacts are eligibility facts the history computes for each year's
	// sheet (see RunLimit). They are fed only to years whose rulebook
	// declares the fact; a rulebook that also requires it for a tier gets
	// "not the flag two years running" without any new kind of condition in
	// the engine. A sheet that states the fact itself must agree.
	StreakFacts []RunLimit `yaml:"streak_facts" json:"streak_facts,omitempty"`
}

// Year is a cluster's year: its members, its rulebook and its result.
type Year struct {
	Year int `yaml:"year" json:"year"`
	// Members are the unit ids assessed that year.
	Members []string `yaml:"members" json:"members"`
	// Joined and Left explain the changes from the previous recorded year
	// that no merger explains: a unit that joined the cluster (gia nhập) or
	// left it (rời cụm, chuyển cụm).
	Joined []string `yaml:"joined" json:"joined,omitempty"`
	Left   []string `yaml:"left" json:"left,omitempty"`
	// Rulebook is the rulebook of that year.
	Rulebook RulebookRef `yaml:"rulebook" json:"rulebook,omitzero"`
	// Sheet is the path of the year's score sheet (CSV, JSON or YAML),
	// relative to the history file. Load ranks it under Rulebook.Path,
	// feeding the rulebook's history tie-break and streak facts from the
	// history, and the proposals it gives are the year's result.
	Sheet string `yaml:"sheet" json:"sheet,omitempty"`
	// Record is the path of the year's sealed result record (thidua seal,
	// schema thidua/record/v1), relative to the history file. Load checks
	// that the year's rulebook is the one it names and is not dated after
	// it was sealed, and warns if not (Warnings).
	Record string `yaml:"record" json:"record,omitempty"`
	// Awards are the recorded proposals (or awards) of the year. When a
	// sheet is given too, Load checks that ranking it gives the same.
	Awards []AwardRecord `yaml:"awards" json:"awards,omitempty"`
	Source string        `yaml:"source" json:"source,omitempty"`
	Note   string        `yaml:"note" json:"note,omitempty"`
}

// RulebookRef identifies a year's rulebook: by its id, version and content
// hash, by its path, or both (then Load checks that they agree).
type RulebookRef struct {
	Path    string `yaml:"path" json:"path,omitempty"` // relative to the history file
	ID      string `yaml:"id" json:"id,omitempty"`
	Version string `yaml:"version" json:"version,omitempty"`
	Hash    string `yaml:"hash" json:"hash,omitempty"` // "sha256:…", as rules.Rulebook.Hash
}

// Status is what became of a proposal.
type Status string

// The statuses of an award record.
const (
	// Proposed: proposed by the cluster (đề nghị); the default. It counts as
	// received for the history's queries, as the engine's no_award_last_year
	// counts proposals.
	Proposed Status = "proposed"
	// Awarded: conferred by the competent authority (đã khen thưởng).
	Awarded Status = "awarded"
	// Cut: proposed but not approved (không được phê duyệt); it does not
	// count as received.
	Cut Status = "cut"
)

// AwardRecord is one award proposed to (or conferred on) a member in a
// year: the rulebook's award tier id ("flag", "merit").
type AwardRecord struct {
	Member string `yaml:"member" json:"member"`
	Award  string `yaml:"award" json:"award"`
	Rank   int    `yaml:"rank" json:"rank,omitempty"` // 0 if not recorded
	Status Status `yaml:"status" json:"status,omitempty"`
	Note   string `yaml:"note" json:"note,omitempty"`
}

// Counts reports whether the record counts as received (it was not cut).
func (a AwardRecord) Counts() bool { return a.Status != Cut }

// RunLimit bounds how many years in a row a unit may receive an award:
// MaxConsecutive 1 is "not the flag two years running" (không tặng Cờ hai
// năm liên tiếp). As a streak fact, the history sets Fact to false for a
// member that received Award in each of the MaxConsecutive years before
// the year assessed, and to true for the others.
type RunLimit struct {
	Fact           string `yaml:"fact" json:"fact,omitempty"`
	Award          string `yaml:"award" json:"award"`
	MaxConsecutive int    `yaml:"max_consecutive" json:"max_consecutive"`
	Reason         string `yaml:"reason" json:"reason,omitempty"`
}
