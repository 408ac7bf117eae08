package history

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
)

// WarningKind says what a warning of rulebook change control is about.
type WarningKind string

// The kinds of change-control warnings, named as the audit names its
// findings of the same kind.
const (
	// RulebookConflict: two years of a cluster reference different
	// rulebooks (by content hash) whose periods in force overlap: for the
	// years they share, the history does not say which one governed.
	RulebookConflict WarningKind = "rulebook_conflict"
	// RulebookNotSealed: a year's rulebook is not the one its sealed
	// record (Year.Record) names.
	RulebookNotSealed WarningKind = "rulebook_not_sealed"
	// RulebookLate: a year's rulebook is dated after the scores it ranks:
	// its regulation is dated after the year ended, or after the year's
	// record was sealed, or its period in force starts after the sealing.
	RulebookLate WarningKind = "rulebook_late"
	// RecordTampered: a year's sealed record cannot be read, or is not what
	// was sealed (its stated hash is not the hash of its content), or is of
	// another year.
	RecordTampered WarningKind = "record_tampered"
)

// Warning is a finding of rulebook change control (kiểm soát thay đổi bộ
// tiêu chí) that does not stop Load: something an inspector should look at
// before trusting a year's result, with where it is in the history file.
type Warning struct {
	Kind    WarningKind
	File    string // the history file
	Path    string // key path, e.g. "clusters[0].years[1].rulebook.path"
	Cluster string
	Year    int
	// Message says it in any language (Text).
	Message lang.Message
}

// Text writes the warning in the language, without its location.
func (w Warning) Text(t lang.Tag) string { return w.Message.In(t) }

// Warnings returns the warnings of rulebook change control that Load
// found, ordered by cluster (as in the file) and year: two different
// rulebooks of a cluster with overlapping periods in force
// (RulebookConflict), a rulebook that is not the one sealed for its year
// (RulebookNotSealed, when the year gives its sealed record), a rulebook
// dated after the scores it ranks (RulebookLate) and a sealed record that
// cannot be trusted (RecordTampered). "Dated after" means: the
// regulation's date (regulation.date) is after 31 December of the year,
// or after the day the year's record was sealed, or the period in force
// starts after that day. (A period in force that does not reach the year
// at all is an error of Load, history.err.rulebook.not_in_force.) Parse
// and New, which read no rulebook, find none.
func (h *History) Warnings() []Warning { return slices.Clone(h.warnings) }

// warn records a warning.
func (h *History) warn(res *resolver, k WarningKind, path, cluster string, year int, m lang.Message) {
	h.warnings = append(h.warnings, Warning{Kind: k, File: res.label(), Path: path, Cluster: cluster, Year: year, Message: m})
}

// controlYear checks a year's rulebook against the year and against the
// year's sealed record, if it gives one. A record that cannot be opened
// is an error; one that cannot be read as a record is a warning.
func (h *History) controlYear(v *validator, res *resolver, c *Cluster, y Year, yp string, x ctx, rb *rules.Rulebook) {
	name := lang.Msg("audit.rulebook", rb.ID(), rb.Version())
	if d := rb.Regulation().Date; !d.IsZero() && d.Year() > y.Year {
		h.warn(res, RulebookLate, yp+".rulebook.path", c.ID, y.Year, lang.Msg("control.late.year", d.String(), y.Year).With(name))
	}
	if y.Record == "" {
		return
	}
	rp := yp + ".record"
	rec, err := record.Load(res.path(y.Record))
	var es record.Errors
	switch {
	case errors.As(err, &es) && len(es) > 0:
		h.warn(res, RecordTampered, rp, c.ID, y.Year, lang.Msg("control.sealed.unreadable", y.Record).With(es[0].Located()))
		return
	case err != nil:
		v.Nested(rp, x, lang.Msg("history.control.in_record", y.Record), err)
		return
	case rec.StatedHash != rec.Hash():
		h.warn(res, RecordTampered, rp, c.ID, y.Year, lang.Msg("control.sealed.tampered", y.Record, rec.StatedHash, rec.Hash()))
		return
	case rec.Year != y.Year:
		h.warn(res, RecordTampered, rp, c.ID, y.Year, lang.Msg("history.control.record_year", y.Record, rec.Year, y.Year))
		return
	}
	if rec.Rulebook.Hash != rb.Hash() {
		h.warn(res, RulebookNotSealed, rp, c.ID, y.Year, lang.Msg("control.sealed.differs",
			rec.Year, y.Record, rec.Rulebook.ID, rec.Rulebook.Version, rec.Rulebook.Hash, rb.Hash()).With(name))
	}
	day := sealedDay(rec.SealedAt)
	if d := rb.Regulation().Date; !d.IsZero() && day.Before(d) {
		h.warn(res, RulebookLate, rp, c.ID, y.Year, lang.Msg("control.late.sealed", d.String(), day.String()).With(name))
	}
	if from := rb.InForce().From; !from.IsZero() && day.Before(from) {
		h.warn(res, RulebookLate, rp, c.ID, y.Year, lang.Msg("control.late.sealed_in_force", from.String(), day.String()).With(name))
	}
}

// controlClusters flags, for each cluster, two years whose rulebooks
// differ (by content hash) and whose periods in force overlap. Each pair
// of rulebooks is flagged once, at the later year of the first pair of
// years found.
func (h *History) controlClusters(res *resolver) {
	for ci := range h.spec.Clusters {
		c := &h.spec.Clusters[ci]
		if i, ok := h.clusterIdx[c.ID]; !ok || i != ci {
			continue
		}
		type use struct {
			year, yi int
			rb       *rules.Rulebook
		}
		var uses []use
		for y, yi := range yearIndex(c) {
			if r := h.results[resultKey{c.ID, y}]; r != nil && r.Rulebook != nil {
				uses = append(uses, use{y, yi, r.Rulebook})
			}
		}
		slices.SortFunc(uses, func(a, b use) int { return cmp.Compare(a.year, b.year) })
		flagged := map[[2]string]bool{}
		for j, b := range uses {
			for _, a := range uses[:j] {
				pair := [2]string{a.rb.Hash(), b.rb.Hash()}
				if pair[0] == pair[1] || flagged[pair] || !overlap(a.rb.InForce(), b.rb.InForce()) {
					continue
				}
				flagged[pair] = true
				h.warn(res, RulebookConflict, fmt.Sprintf("clusters[%d].years[%d].rulebook.path", ci, b.yi), c.ID, b.year,
					lang.Msg("history.control.conflict", a.year, strconv.Quote(c.Years[a.yi].Rulebook.Path), a.rb.InForce().String(),
						b.year, strconv.Quote(c.Years[b.yi].Rulebook.Path), b.rb.InForce().String()).
						With(lang.Msg("audit.rulebook", a.rb.ID(), a.rb.Version()), lang.Msg("audit.rulebook", b.rb.ID(), b.rb.Version())))
			}
		}
	}
	slices.SortStableFunc(h.warnings, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(h.clusterIdx[a.Cluster], h.clusterIdx[b.Cluster]), cmp.Compare(a.Year, b.Year))
	})
}

// overlap reports whether two periods in force share a day (an open end
// reaches as far as it needs).
func overlap(a, b rules.Period) bool {
	return (a.From.IsZero() || b.To.IsZero() || !b.To.Before(a.From)) &&
		(b.From.IsZero() || a.To.IsZero() || !a.To.Before(b.From))
}

// sealedDay is the day a record was sealed, in UTC.
func sealedDay(t time.Time) rules.Date {
	t = t.UTC()
	return rules.NewDate(t.Year(), t.Month(), t.Day())
}
