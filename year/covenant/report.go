package covenant

import (
	"io"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/internal/write"
)

// Behind counts the lines that have both a target and a value so far
// (checked), and those of them not on course (behind).
func (p Progress) Behind() (behind, checked int) {
	for _, l := range p.Lines {
		if l.HasTarget && l.HasAchieved {
			checked++
			if !l.OnCourse {
				behind++
			}
		}
	}
	return behind, checked
}

// WriteProgress writes the progress as thidua covenant progress prints it,
// in the language: the covenant and the report, one line per party and
// criterion (target, achieved, projected, the percentage of the target,
// on course or not), how values are projected and how many targets are
// not on course. Parties and criteria are written by their names.
func (c *Covenant) WriteProgress(w io.Writer, p Progress, t lang.Tag) error {
	x := write.New(w, t)
	x.Line(lang.Msg("covenant.report.title", c.spec.Title, c.spec.Year))
	when := lang.Msg("covenant.report.after", p.Months)
	if !p.AsOf.IsZero() {
		when = lang.Msg("covenant.report.after_as_of", p.Months).With(write.Date(p.AsOf))
	}
	if p.Title != "" {
		when = lang.Msg("covenant.report.titled", p.Title).With(when)
	}
	x.Line(when)
	x.Blank()
	party, crit := map[string]string{}, map[string]string{}
	for _, pt := range c.spec.Parties {
		party[pt.ID] = pt.Name
	}
	for _, cr := range c.spec.Criteria {
		crit[cr.ID] = cr.Name
	}
	var rows [][]string
	for i, l := range p.Lines {
		target, ach, proj, pct, on := write.Dash, write.Dash, write.Dash, write.Dash, write.Dash
		if l.HasTarget {
			target = t.Number(l.Target.String())
		}
		if l.HasAchieved {
			ach, proj = t.Number(l.Achieved.String()), t.Number(l.Projected.String())
			if l.Projection == Hold {
				proj = lang.Msg("covenant.report.held", l.Projected.String()).In(t)
			}
		}
		if l.HasTarget && l.HasAchieved {
			on = lang.Msg("year.yes").In(t)
			if !l.OnCourse {
				on = lang.Msg("year.no").In(t)
			}
			if !l.Target.IsZero() {
				pct = t.Number(l.Percent.StringFixed(2)) + "%"
			}
		}
		who := party[l.Party]
		if i > 0 && p.Lines[i-1].Party == l.Party {
			who = ""
		}
		rows = append(rows, []string{who, crit[l.Criterion], target, ach, proj, pct, on})
	}
	x.Table(lang.Msg("covenant.report.head"), rows)
	x.Line(lang.Msg("covenant.report.projection", p.Months))
	behind, checked := p.Behind()
	x.Line(lang.Msg("covenant.report.behind", behind, checked))
	return x.Err()
}

// WriteText writes the forecast as thidua covenant progress --rules prints
// it, in the language: the rulebook, what the projection assumed, and the
// projected standings — rank, projected total, the award each member is on
// course for and the eligibility conditions it does not meet — with the
// awards left pending by a tie. Members, awards and conditions are written
// by their names and reasons.
func (f *Forecast) WriteText(w io.Writer, t lang.Tag) error {
	x := write.New(w, t)
	rb, st := f.Rulebook, f.Standings
	title := rb.Title()
	if title == "" {
		title = rb.ID()
	}
	x.Line(lang.Msg("covenant.report.projected", title, strings.TrimSuffix(rb.Version(), projected)))
	for _, a := range f.Assumptions {
		x.Printf("  %s\n", lang.Msg("covenant.report.assumed").With(a).In(t))
	}
	x.Blank()
	names := write.NamesOf(rb, st)
	var rows [][]string
	for _, r := range st.Rows {
		var awards, failed []string
		for _, a := range r.Awards {
			awards = append(awards, names.Tier(a))
		}
		for _, fl := range r.Failed {
			failed = append(failed, fl.Reason)
		}
		rank := strconv.Itoa(r.Rank)
		if r.Tied {
			rank += "="
		}
		rows = append(rows, []string{rank, r.Member.Name, t.Number(r.Total.StringFixed(2)), write.Or(strings.Join(awards, ", ")), write.Or(strings.Join(failed, "; "))})
	}
	x.Table(lang.Msg("covenant.report.rank.head"), rows)
	for _, a := range st.Awards {
		if a.Pending != nil {
			x.Line(lang.Msg("covenant.report.pending", names.Tier(a.Tier), a.Pending.Places, names.List(a.Pending.Candidates)))
		}
	}
	return x.Err()
}
