package whatif

import (
	"errors"
	"slices"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// The JSON layouts of the what-if answers, as the CLI (--format json) and
// the server write them (see docs/json.md).
const (
	ReachSchema       = "thidua/whatif/v2"
	SensitivitySchema = "thidua/sensitivity/v2"
	ScenarioSchema    = "thidua/scenario/v2"
)

// ReachReport is a Reach result with what it was computed from: the
// rulebook and the sheet's hash (schema thidua/whatif/v2). Write writes it
// as text.
type ReachReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	*Result
	tiers map[string]string // award tier names, for the text
}

// NewReachReport wraps a Reach result of the sheet under the rulebook.
func NewReachReport(rb *rules.Rulebook, sh scoring.Sheet, res *Result) ReachReport {
	return ReachReport{Schema: ReachSchema, Rulebook: refOf(rb), SheetHash: sh.Hash(), Result: res, tiers: tierNames(rb)}
}

func tierNames(rb *rules.Rulebook) map[string]string {
	out := map[string]string{}
	for _, a := range rb.Awards() {
		out[a.ID] = a.Name
	}
	return out
}

// SensitivityReport is a Sensitivity result with what it was computed from
// (schema thidua/sensitivity/v2). Write writes it as text.
type SensitivityReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	*SensitivityResult
	node string // the name of the node the parameter varies, for the text
}

// NewSensitivityReport wraps a Sensitivity result of the sheet under the
// rulebook.
func NewSensitivityReport(rb *rules.Rulebook, sh scoring.Sheet, res *SensitivityResult) SensitivityReport {
	r := SensitivityReport{Schema: SensitivitySchema, Rulebook: refOf(rb), SheetHash: sh.Hash(), SensitivityResult: res}
	if n, ok := rb.Node(res.Parameter.Weight + res.Parameter.Criterion); ok {
		r.node = n.Name
	}
	return r
}

// ScenarioReport is what a scenario changes (schema thidua/scenario/v2):
// the sheets' hashes before and after, the scenario's title and edits and
// the difference in the standings. Write writes it as text.
type ScenarioReport struct {
	Schema    string              `json:"schema"`
	Rulebook  ranking.RulebookRef `json:"rulebook"`
	SheetHash string              `json:"sheet_hash"`
	NewHash   string              `json:"new_sheet_hash"`
	Scenario  string              `json:"scenario"`
	Edits     []lang.Message      `json:"edits"`
	Diff
	note   string              // the scenario's note
	tiers  map[string]string   // award tier names
	awards map[string][]string // the tiers each member is proposed for after the edits
}

// NewScenarioReport describes what applying sc to before (giving after)
// changes in the standings, d (see Compare).
func NewScenarioReport(rb *rules.Rulebook, before, after scoring.Sheet, sc Scenario, d Diff) ScenarioReport {
	edits := make([]lang.Message, len(sc.Edits))
	for i, e := range sc.Edits {
		edits[i] = e.Message()
	}
	r := ScenarioReport{Schema: ScenarioSchema, Rulebook: refOf(rb), SheetHash: before.Hash(), NewHash: after.Hash(), Scenario: sc.Title, Edits: edits, Diff: d,
		note: sc.Note, tiers: tierNames(rb), awards: map[string][]string{}}
	for _, a := range d.Awards {
		for _, m := range a.New {
			r.awards[m] = append(r.awards[m], a.Tier)
		}
	}
	return r
}

// RunScenario applies the scenario's edits to the sheet, ranks the sheet
// before and after and reports what changes. read are the problems of
// reading the scenario (ParseScenario's, or nil): they are reported with
// those of applying it (MergeProblems), as scoring.InputErrors. A sheet
// that does not rank before the edits gives ranking.Rank's error; one that
// does not rank after them an *InvalidAfterError.
func RunScenario(rb *rules.Rulebook, sh scoring.Sheet, sc Scenario, read scoring.InputErrors, opts ...ranking.Option) (ScenarioReport, error) {
	after, err := sc.Apply(rb, sh)
	if err != nil || len(read) > 0 {
		var more scoring.InputErrors
		errors.As(err, &more)
		return ScenarioReport{}, MergeProblems(read, more)
	}
	st0, err := ranking.Rank(rb, sh, opts...)
	if err != nil {
		return ScenarioReport{}, err
	}
	st1, err := ranking.Rank(rb, after, opts...)
	if err != nil {
		return ScenarioReport{}, &InvalidAfterError{File: sc.File, Err: err}
	}
	return NewScenarioReport(rb, sh, after, sc, Compare(st0, st1)), nil
}

// InvalidAfterError is a sheet that no longer ranks once a scenario's edits
// are applied: Err says why (scoring.InputErrors, located in the scenario
// file where an edit caused them).
type InvalidAfterError struct {
	File string // the scenario file
	Err  error
}

func (e *InvalidAfterError) Error() string {
	return e.Message().In(lang.English) + " " + e.Err.Error()
}

func (e *InvalidAfterError) Unwrap() error { return e.Err }

// Message says that the edits leave an invalid sheet (Err says why).
func (e *InvalidAfterError) Message() lang.Message {
	return lang.Msg("whatif.err.scenario.invalid_after", e.File)
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
