package audit

import (
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

// Schema is the current value of Report.Schema: the name and version of the
// report's JSON layout. It changes when the layout changes in a way that is
// not backward compatible: v2 keeps each sentence once, as a message
// (docs/json.md), where v1 had an English string beside it.
const Schema = "thidua/audit/v2"

// Report is the result of auditing one cluster's published result: the
// inputs and their content hashes, the verdict, every finding and a
// member-by-member comparison of what was recorded with what the engine
// recomputes. It is a value; treat its slices as read-only.
type Report struct {
	Schema  string `json:"schema"`
	Cluster string `json:"cluster,omitempty"`
	Year    int    `json:"year,omitempty"`
	Inputs  Inputs `json:"inputs"`
	// Clean is true when there is no finding of severity error or warning:
	// the published result follows from the score sheet and the rulebook.
	Clean bool `json:"clean"`
	// Verdict says the outcome in a sentence for a non-programmer: "Đạt:
	// kết quả ghi trong biên bản đúng với …" / "Clean: the result …".
	Verdict  lang.Message `json:"verdict"`
	Counts   Counts       `json:"counts"`
	Findings []Finding    `json:"findings"`
	// Members compares, member by member, the recorded and the recomputed
	// rank, total and awards: the sheet's members in recomputed order,
	// then those left out of the recomputation, then members only the
	// minutes name.
	Members []Comparison `json:"members"`

	// sealed is true for the audit of a sealed record (AuditSealed), whose
	// verdict speaks of the record rather than of the minutes.
	sealed bool
}

// Inputs identifies what was audited, with content hashes that do not
// depend on file format or row order, so that the audit can be repeated
// and its inputs recognised.
type Inputs struct {
	Rulebook RulebookInput `json:"rulebook"`
	Sheet    InputFile     `json:"sheet"`
	Recorded InputFile     `json:"recorded"`
}

// RulebookInput identifies the rulebook audited against.
type RulebookInput struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Title   string `json:"title,omitempty"`
	InForce string `json:"in_force,omitempty"`
	Hash    string `json:"hash"`
	File    string `json:"file,omitempty"`
	// Awards names the rulebook's award tiers, id → name, so that a
	// report for people names them ("Bằng khen …" rather than "merit").
	Awards map[string]string `json:"awards,omitempty"`
}

// InputFile identifies the score sheet or the recorded result.
type InputFile struct {
	File string `json:"file,omitempty"`
	Hash string `json:"hash"`
}

// Counts is the number of findings of each severity.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Add adds c to the counts (for summaries of several reports).
func (n *Counts) Add(c Counts) {
	n.Errors += c.Errors
	n.Warnings += c.Warnings
	n.Infos += c.Infos
}

// Total returns the number of findings.
func (n Counts) Total() int { return n.Errors + n.Warnings + n.Infos }

// Comparison is one member's recorded and recomputed result side by side.
// Empty strings mean "not recorded" or "not recomputed"; a tied rank is
// written "2=".
type Comparison struct {
	Member           string   `json:"member"`
	Name             string   `json:"name,omitempty"`
	RecordedRank     string   `json:"recorded_rank,omitempty"`
	RecomputedRank   string   `json:"recomputed_rank,omitempty"`
	RecordedTotal    string   `json:"recorded_total,omitempty"`
	RecomputedTotal  string   `json:"recomputed_total,omitempty"`
	RecordedAwards   []string `json:"recorded_awards"`
	RecomputedAwards []string `json:"recomputed_awards"`
	// DecidedBy says why the recomputation places the member below the one
	// above it: "tổng điểm: 88,75 < 94,7 (SKHCN)" / "total: 88.75 < 94.7
	// (SKHCN)". Zero for the first member and members not recomputed.
	DecidedBy lang.Message `json:"decided_by,omitzero"`
	// Status is "ok", "differs", "excluded" (left out of the
	// recomputation), "not in sheet" or "not in minutes".
	Status string `json:"status"`
	// Worst is the most serious severity among the findings about the
	// member, if any.
	Worst Severity `json:"worst,omitempty"`
}

// names names the report's members and award tiers, for people.
func (r Report) names() ranking.Names {
	members := make(map[string]string, len(r.Members))
	for _, c := range r.Members {
		members[c.Member] = c.Name
	}
	return ranking.NewNames(members, r.Inputs.Rulebook.Awards)
}
