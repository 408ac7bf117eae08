package audit

import (
	"cmp"
	"errors"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
)

// Change control (kiểm soát thay đổi bộ tiêu chí): the kinds of findings
// that say whether the rulebook audited against is the one that governed
// the year, and those of a sealed record audited in place of a recorded
// result (AuditSealed). They are in the category "data".
const (
	// KindRulebookConflict: two different rulebooks (by content hash) for
	// one cluster and period — two folders of a batch for the same
	// cluster and year under different rulebooks (an error), or two
	// rulebooks of one cluster whose periods in force overlap (a warning).
	KindRulebookConflict Kind = "rulebook_conflict"
	// KindRulebookNotSealed: the rulebook is not the one sealed for the
	// year: a sealed record (record*.json) of the folder names another
	// content hash.
	KindRulebookNotSealed Kind = "rulebook_not_sealed"
	// KindRulebookLate: the rulebook is dated after the scores it ranks
	// (see DatedAfter).
	KindRulebookLate Kind = "rulebook_late"
	// KindRecordTampered: the sealed record is not what was sealed (its
	// hash, result hash or signature), or cannot be read.
	KindRecordTampered Kind = "record_tampered"
	// KindRecordRulebook: the rulebook given is not the one the sealed
	// record names.
	KindRecordRulebook Kind = "record_wrong_rulebook"
	// KindRecordSheet: the score sheet given is not the one the sealed
	// record names.
	KindRecordSheet Kind = "record_changed_sheet"
	// KindRecordResult: ranking the sheet again gives another result than
	// the one sealed.
	KindRecordResult Kind = "record_different_result"
	// KindRecordKey: the sealed record is signed with another key than the
	// one given, or its signature could not be checked (no key given).
	KindRecordKey Kind = "record_unknown_key"
	// KindRecordChecked: a check of the sealed record that holds, or that
	// had nothing to check against (severity info).
	KindRecordChecked Kind = "record_checked"
)

// DatedAfter reports whether a rulebook is dated after the scores it
// ranks, as findings of kind KindRulebookLate. The data that date the
// scores are the year assessed (a sheet has no date of its own), the date
// of the meeting in the minutes (Recorded.Date, when it reads as a date:
// 2021-01-05, 05/01/2021) and the time a sealed record was sealed; those
// that date the rulebook are its period in force (in_force.from) and the
// date of the regulation it encodes (regulation.date, the date of issue
// or adoption). A rulebook is dated after its scores when
//
//   - its regulation is dated after 31 December of the year assessed: it
//     was issued after the year it ranks had ended, so the year was not
//     run under it (a warning: a retroactive regulation);
//   - its regulation is dated after the meeting whose minutes publish the
//     result: the meeting cannot have applied it (an error);
//   - its regulation, or the start of its period in force, is after the
//     day the result was sealed: the record cannot have been ranked under
//     it (an error).
//
// A period in force that starts after the year assessed is the
// not_in_force finding every audit already makes (KindNotInForce), not
// repeated here. Zero arguments (year 0, meeting "", sealed zero) are not
// checked; a meeting date that does not read as a date is not checked.
func DatedAfter(rb *rules.Rulebook, year int, meeting string, sealed time.Time) []Finding {
	var out []Finding
	name := lang.Msg("audit.rulebook", rb.ID(), rb.Version())
	issued := rb.Regulation().Date
	if !issued.IsZero() && year > 0 && issued.Year() > year {
		out = append(out, Finding{Severity: Warning, Kind: KindRulebookLate, Criterion: "regulation.date",
			Recorded: strconv.Itoa(year), Recomputed: issued.String(),
			Message: lang.Msg("control.late.year", issued.String(), year).With(name)})
	}
	if d, ok := meetingDate(meeting); ok && !issued.IsZero() && d.Before(issued) {
		out = append(out, Finding{Severity: Error, Kind: KindRulebookLate, Criterion: "regulation.date",
			Recorded: d.String(), Recomputed: issued.String(),
			Message: lang.Msg("control.late.meeting", issued.String(), d.String()).With(name)})
	}
	if !sealed.IsZero() {
		s := sealed.UTC()
		day := rules.NewDate(s.Year(), s.Month(), s.Day())
		if !issued.IsZero() && day.Before(issued) {
			out = append(out, Finding{Severity: Error, Kind: KindRulebookLate, Criterion: "regulation.date",
				Recorded: day.String(), Recomputed: issued.String(),
				Message: lang.Msg("control.late.sealed", issued.String(), day.String()).With(name)})
		}
		if from := rb.InForce().From; !from.IsZero() && day.Before(from) {
			out = append(out, Finding{Severity: Error, Kind: KindRulebookLate, Criterion: "in_force.from",
				Recorded: day.String(), Recomputed: from.String(),
				Message: lang.Msg("control.late.sealed_in_force", from.String(), day.String()).With(name)})
		}
	}
	return out
}

// meetingDate reads the date of a meeting as the minutes write it:
// 2021-01-05, 05/01/2021 or 5/1/2021 (day first, as in Vietnam).
func meetingDate(s string) (rules.Date, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006", "02-01-2006", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return rules.NewDate(t.Year(), t.Month(), t.Day()), true
		}
	}
	return rules.Date{}, false
}

// addFindings adds findings to a report and brings its counts, its
// verdict and Clean up to date, as the audit assembles them.
func (r *Report) addFindings(fs ...Finding) {
	r.Findings = append(r.Findings, fs...)
	slices.SortStableFunc(r.Findings, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(x.Severity.order(), y.Severity.order()), cmp.Compare(categoryOrder[x.Kind.Category()], categoryOrder[y.Kind.Category()]))
	})
	r.tally()
}

// tally counts the report's findings and sets Clean and the verdict: the
// audit's, or a sealed record's (AuditSealed).
func (r *Report) tally() {
	r.Counts = Counts{}
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			r.Counts.Errors++
		case Warning:
			r.Counts.Warnings++
		default:
			r.Counts.Infos++
		}
	}
	r.Clean = r.Counts.Errors == 0 && r.Counts.Warnings == 0
	switch {
	case r.sealed && r.Clean:
		r.Verdict = lang.Msg("control.verdict.clean")
	case r.sealed && r.Counts.Errors == 0:
		r.Verdict = lang.Msg("control.verdict.warnings").With(warnings(r.Counts.Warnings))
	case r.sealed:
		r.Verdict = lang.Msg("control.verdict.errors").With(errorCount(r.Counts.Errors), warnings(r.Counts.Warnings))
	case r.Clean:
		r.Verdict = lang.Msg("audit.verdict.clean")
	case r.Counts.Errors == 0:
		r.Verdict = lang.Msg("audit.verdict.warnings").With(warnings(r.Counts.Warnings))
	default:
		r.Verdict = lang.Msg("audit.verdict.errors").With(errorCount(r.Counts.Errors), warnings(r.Counts.Warnings))
	}
}

// isRecordName reports whether a file name is a sealed record's in a
// batch's folder: record*.json, but not recorded*.json (a recorded result).
func isRecordName(name string) bool {
	return strings.HasPrefix(name, "record") && !strings.HasPrefix(name, "recorded") && strings.EqualFold(filepath.Ext(name), ".json")
}

// sealedFindings checks the rulebook of a folder against a sealed record
// of the folder (file is its path relative to the batch, for the report):
// the record must be readable and intact, and if it is of the year
// audited, name the rulebook's content hash and not be sealed before the
// rulebook's dates.
func sealedFindings(rb *rules.Rulebook, year int, path, file string) []Finding {
	name := lang.Msg("audit.rulebook", rb.ID(), rb.Version())
	rec, err := record.Load(path)
	if err != nil {
		return []Finding{{Severity: Error, Kind: KindRecordTampered, Source: Source{File: file},
			Message: lang.Msg("control.sealed.unreadable", file).With(recordProblem(err))}}
	}
	switch {
	case rec.StatedHash != rec.Hash():
		return []Finding{{Severity: Error, Kind: KindRecordTampered, Source: Source{File: file}, Recorded: rec.StatedHash, Recomputed: rec.Hash(),
			Message: lang.Msg("control.sealed.tampered", file, rec.StatedHash, rec.Hash())}}
	case year != 0 && rec.Year != year:
		return []Finding{{Severity: Info, Kind: KindRecordChecked, Source: Source{File: file}, Recorded: strconv.Itoa(rec.Year), Recomputed: strconv.Itoa(year),
			Message: lang.Msg("control.sealed.other_year", file, rec.Year, year)}}
	}
	var out []Finding
	if rec.Rulebook.Hash != rb.Hash() {
		out = append(out, Finding{Severity: Error, Kind: KindRulebookNotSealed, Source: Source{File: file},
			Recorded: rec.Rulebook.Hash, Recomputed: rb.Hash(),
			Message: lang.Msg("control.sealed.differs", rec.Year, file, rec.Rulebook.ID, rec.Rulebook.Version, rec.Rulebook.Hash, rb.Hash()).With(name)})
	} else {
		out = append(out, Finding{Severity: Info, Kind: KindRecordChecked, Source: Source{File: file}, Recomputed: rb.Hash(),
			Message: lang.Msg("control.sealed.same", rec.Year, file, rb.Hash()).With(name)})
	}
	for _, f := range DatedAfter(rb, 0, "", rec.SealedAt) {
		f.Source = Source{File: file}
		out = append(out, f)
	}
	return out
}

// recordProblem is why a record cannot be read, as a message.
func recordProblem(err error) lang.Message {
	var es record.Errors
	if errors.As(err, &es) && len(es) > 0 {
		return es[0].Located()
	}
	var m interface{ Located() lang.Message }
	if errors.As(err, &m) {
		return m.Located()
	}
	return lang.Msg("problem.text", err.Error())
}

// clusterYear is what change control remembers of a folder of a batch: its
// cluster and year, and the rulebook it was audited against.
type clusterYear struct {
	dir, cluster string
	year         int
	id, version  string
	hash         string
	period       rules.Period
}

// changeControl remembers, for each cluster of a batch, the distinct
// rulebooks (by content hash) its folders were audited against and the
// years, so that a later folder of the same cluster under another
// rulebook for the same year, or for an overlapping period, is flagged. A
// cluster is known by its name, as the sheet (or the minutes) write it,
// within the part of the batch it is in (clusterScope): two provinces'
// folders, caobang/2020/cum2 and nghean/2020/cum2, are two clusters even
// if both are named "Cụm II". Folders whose cluster is not named are not
// compared. It holds a few strings per distinct cluster, year and
// rulebook.
type changeControl struct {
	seen map[clusterKey][]clusterYear
}

// clusterKey is a cluster's identity in a batch: its scope and its name.
type clusterKey struct{ scope, name string }

// clusterScope is the part of a batch a cluster-year folder's cluster is
// known in: the folder that holds it (its province, say), without the
// folders named by a year (four digits), which are the same cluster's
// years. The layouts province/year/cluster ("caobang/2020/cum2"),
// year/province/cluster ("2020/caobang/cum2") and province/cluster/year
// ("caobang/cum2/2020": there the cluster's own folder) give the scope
// "caobang" ("caobang/cum2"); a folder of the batch's top level, or one
// in a year's folder only ("2020/cum2"), has the scope "".
func clusterScope(dir string) string {
	parent := pathpkg.Dir(dir)
	if parent == "." || parent == "/" {
		return ""
	}
	segs := strings.Split(parent, "/")
	return strings.Join(slices.DeleteFunc(segs, isYearName), "/")
}

// isYearName reports whether a folder's name is a year: four digits.
func isYearName(name string) bool {
	if len(name) != 4 {
		return false
	}
	for i := range len(name) {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}

// check compares a folder with the folders of the same cluster before it
// and adds what it finds to the folder's report.
func (c *changeControl) check(res *ClusterResult) {
	if res.Err != nil || res.period == nil || res.Report.Cluster == "" {
		return
	}
	if c.seen == nil {
		c.seen = map[clusterKey][]clusterYear{}
	}
	in := res.Report.Inputs.Rulebook
	e := clusterYear{dir: res.Dir, cluster: res.Report.Cluster, year: res.Report.Year, id: in.ID, version: in.Version, hash: in.Hash, period: *res.period}
	key := clusterKey{clusterScope(res.Dir), e.cluster}
	prev := c.seen[key]
	var fs []Finding
	flagged := map[string]bool{}
	for _, p := range prev {
		if p.hash == e.hash || flagged[p.hash] {
			continue
		}
		pname := func() lang.Message { return lang.Msg("audit.rulebook", p.id, p.version) }
		ename := func() lang.Message { return lang.Msg("audit.rulebook", e.id, e.version) }
		switch {
		case e.year != 0 && p.year == e.year:
			flagged[p.hash] = true
			fs = append(fs, Finding{Severity: Error, Kind: KindRulebookConflict, Criterion: "rulebook", Recorded: p.hash, Recomputed: e.hash,
				Message: lang.Msg("control.conflict.year", lang.Quote(e.cluster), e.year, p.dir, p.hash, e.hash).With(pname(), ename())})
		case overlap(p.period, e.period):
			flagged[p.hash] = true
			fs = append(fs, Finding{Severity: Warning, Kind: KindRulebookConflict, Criterion: "in_force", Recorded: p.hash, Recomputed: e.hash,
				Message: lang.Msg("control.conflict.period", lang.Quote(e.cluster), p.dir, p.year, periodText(p.period), periodText(e.period), p.hash, e.hash).With(pname(), ename())})
		}
	}
	res.Report.addFindings(fs...)
	if !slices.ContainsFunc(prev, func(p clusterYear) bool { return p.hash == e.hash && p.year == e.year }) {
		c.seen[key] = append(prev, e)
	}
}

// overlap reports whether two periods in force share a day (an open end
// reaches as far as it needs).
func overlap(a, b rules.Period) bool {
	return (a.From.IsZero() || b.To.IsZero() || !b.To.Before(a.From)) &&
		(b.From.IsZero() || a.To.IsZero() || !a.To.Before(b.From))
}

// periodText writes a period in force: "2020-01-01 – 2020-12-31".
func periodText(p rules.Period) string { return p.String() }
