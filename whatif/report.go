package whatif

import (
	"slices"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// The JSON layouts of the what-if answers, as the CLI (--format json) and
// the server write them (see docs/json.md).
const (
	ReachSchema       = "thidua/whatif/v1"
	SensitivitySchema = "thidua/sensitivity/v1"
	ScenarioSchema    = "thidua/scenario/v1"
)

// ReachReport is a Reach result with what it was computed from: the
// rulebook and the sheet's hash (schema thidua/whatif/v1).
type ReachReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	*Result
}

// NewReachReport wraps a Reach result of the sheet under the rulebook.
func NewReachReport(rb *rules.Rulebook, sh scoring.Sheet, res *Result) ReachReport {
	return ReachReport{ReachSchema, refOf(rb), sh.Hash(), res}
}

// SensitivityReport is a Sensitivity result with what it was computed from
// (schema thidua/sensitivity/v1).
type SensitivityReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	*SensitivityResult
}

// NewSensitivityReport wraps a Sensitivity result of the sheet under the
// rulebook.
func NewSensitivityReport(rb *rules.Rulebook, sh scoring.Sheet, res *SensitivityResult) SensitivityReport {
	return SensitivityReport{SensitivitySchema, refOf(rb), sh.Hash(), res}
}

// ScenarioReport is what a scenario changes (schema thidua/scenario/v1):
// the sheets' hashes before and after, the scenario's title and edits (in
// English and as messages) and the difference in the standings.
type ScenarioReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	NewHash   string              `json:"new_sheet_hash"`
	Scenario  string              `json:"scenario"`
	Edits     []string            `json:"edits"`
	EditTexts []lang.Message      `json:"edit_texts"`
	Diff
}

// NewScenarioReport describes what applying sc to before (giving after)
// changes in the standings, d (see Compare).
func NewScenarioReport(rb *rules.Rulebook, before, after scoring.Sheet, sc Scenario, d Diff) ScenarioReport {
	edits := make([]string, len(sc.Edits))
	texts := make([]lang.Message, len(sc.Edits))
	for i, e := range sc.Edits {
		edits[i], texts[i] = e.String(), e.Message()
	}
	return ScenarioReport{ScenarioSchema, refOf(rb), before.Hash(), after.Hash(), sc.Title, edits, texts, d}
}

// MergeProblems joins the problems of reading a scenario file (read) and
// of applying it (more), in line order, leaving out a problem of applying
// on a line whose reading already failed (it only follows from it).
func MergeProblems(read, more scoring.InputErrors) scoring.InputErrors {
	lines := map[int]bool{}
	for _, e := range read {
		lines[e.Line] = true
	}
	out := slices.Clone(read)
	for _, e := range more {
		if !lines[e.Line] {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *scoring.InputError) int { return a.Line - b.Line })
	return out
}

// refOf identifies the rulebook as the standings do.
func refOf(rb *rules.Rulebook) ranking.RulebookRef {
	return ranking.RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()}
}
