package invariants

import (
	"io"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// Property names one invariant of a ranking.
type Property string

// The properties Check tests, in the order it reports them.
const (
	RowOrder         Property = "row_order"
	Monotone         Property = "monotone"
	RemoveIneligible Property = "remove_ineligible"
	AddBottom        Property = "add_bottom"
	ScaleWeights     Property = "scale_weights"
	AwardReachable   Property = "award_reachable"
)

// Properties lists every property in the order Check reports them.
var Properties = []Property{RowOrder, Monotone, RemoveIneligible, AddBottom, ScaleWeights, AwardReachable}

// Statement states the property in either language.
func (p Property) Statement() lang.Message {
	switch p {
	case RowOrder:
		return lang.Msg("invariants.prop.row_order")
	case Monotone:
		return lang.Msg("invariants.prop.monotone")
	case RemoveIneligible:
		return lang.Msg("invariants.prop.remove_ineligible")
	case AddBottom:
		return lang.Msg("invariants.prop.add_bottom")
	case ScaleWeights:
		return lang.Msg("invariants.prop.scale_weights")
	}
	return lang.Msg("invariants.prop.award_reachable")
}

// Status is what the check found for one property.
type Status string

// The statuses.
const (
	// Held: no sheet tried violated the property.
	Held Status = "held"
	// Violated: a sheet violates the property and the rulebook's known
	// features do not explain it.
	Violated Status = "violated"
	// Expected: a sheet violates the property, by design: the violation
	// disappears when the features listed in Known are taken out.
	Expected Status = "expected"
	// NotApplicable: no sheet tried could test the property (Note says
	// why).
	NotApplicable Status = "not_applicable"
)

// Message names the status in either language.
func (s Status) Message() lang.Message {
	switch s {
	case Violated:
		return lang.Msg("invariants.status.violated")
	case Expected:
		return lang.Msg("invariants.status.expected")
	case NotApplicable:
		return lang.Msg("invariants.status.not_applicable")
	}
	return lang.Msg("invariants.status.held")
}

// Reason is a feature of the rulebook that can violate a property by
// design, and why.
type Reason struct {
	Feature string       `json:"feature"` // "relative", "votes", "lots", "share", "none", "min_votes", "rounding"
	Message lang.Message `json:"message"`
}

// Counterexample is a sheet that violates a property, shrunk.
type Counterexample struct {
	// Sheet is the counter-example, valid under the rulebook.
	Sheet scoring.Sheet `json:"sheet"`
	// Message states what changes, and how the sheet was changed to
	// show it ("raising M01's 03 from 5 to 6 moves it from rank 1 to 2").
	Message lang.Message `json:"message"`
	// Explained names the features whose removal makes the violation
	// disappear (empty for a Violated property).
	Explained []string `json:"explained,omitempty"`
}

// WriteCSV writes the counter-example sheet as a CSV score sheet that
// thidua reads back (see sheets.WriteCSV).
func (c *Counterexample) WriteCSV(w io.Writer) error { return sheets.WriteCSV(w, c.Sheet) }

// Result is the check of one property.
type Result struct {
	Property Property `json:"property"`
	Status   Status   `json:"status"`
	// Statement states the property.
	Statement lang.Message `json:"statement"`
	// Checked is the number of cases (a sheet and a change of it) tried.
	Checked int `json:"checked"`
	// Known lists the rulebook's features that can violate the property
	// by design.
	Known []Reason `json:"known,omitempty"`
	// Counterexample is set when the property is Violated or Expected.
	Counterexample *Counterexample `json:"counterexample,omitempty"`
	// Note says why a property is not applicable, or what was not tried.
	Note lang.Message `json:"note,omitzero"`
}

// Schema is the value of Report.Schema.
const Schema = "thidua/invariants/v1"

// Report is the result of Check.
type Report struct {
	Schema   string              `json:"schema"`
	Rulebook ranking.RulebookRef `json:"rulebook"`
	Seed     uint64              `json:"seed"`
	N        int                 `json:"n"`
	// Around is the hash of the sheet the check ran around, if any.
	Around string `json:"around,omitempty"`
	// Partial is true if the context ended the check early.
	Partial bool     `json:"partial,omitempty"`
	Results []Result `json:"results"`
}

// Failed reports whether a property is violated in a way the rulebook's
// design does not explain.
func (r Report) Failed() bool {
	for _, x := range r.Results {
		if x.Status == Violated {
			return true
		}
	}
	return false
}

// Result returns the result for one property.
func (r Report) Result(p Property) (Result, bool) {
	for _, x := range r.Results {
		if x.Property == p {
			return x, true
		}
	}
	return Result{}, false
}
