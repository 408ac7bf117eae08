package audit

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
)

var categoryOrder = map[string]int{"data": 0, "arithmetic": 1, "ranking": 2, "awards": 3}

// report assembles the report: findings sorted by severity, then category,
// then as found; counts; the verdict; the member comparison.
func (a *auditor) report(rulesPath, scoresPath, recordedPath string) Report {
	slices.SortStableFunc(a.findings, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(x.Severity.order(), y.Severity.order()), cmp.Compare(categoryOrder[x.Kind.Category()], categoryOrder[y.Kind.Category()]))
	})
	sheetHash := ""
	if a.st != nil && !a.modified {
		sheetHash = a.st.SheetHash // the same sheet: do not hash it twice
	} else {
		sheetHash = a.sh.Hash()
	}
	r := Report{
		Schema:  Schema,
		Cluster: cmp.Or(a.sh.Cluster, a.rec.Cluster),
		Year:    cmp.Or(a.sh.Year, a.rec.Year),
		Inputs: Inputs{
			Rulebook: RulebookInput{ID: a.rb.ID(), Version: a.rb.Version(), Title: a.rb.Title(), Hash: a.rb.Hash(), File: rulesPath},
			Sheet:    InputFile{File: cmp.Or(scoresPath, sheetFile(a)), Hash: sheetHash},
			Recorded: InputFile{File: cmp.Or(recordedPath, recordedFile(a.rec)), Hash: a.rec.Hash()},
		},
		Findings: a.findings,
	}
	if p := a.rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		r.Inputs.Rulebook.InForce = p.String()
	}
	if tiers := a.tiers; len(tiers) > 0 {
		r.Inputs.Rulebook.Awards = make(map[string]string, len(tiers))
		for _, t := range tiers {
			r.Inputs.Rulebook.Awards[t.ID] = t.Name
		}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	r.tally()
	r.Members = a.comparison()
	return r
}

// errorCount, warnings and infos count findings: "1 error", "2 warnings",
// "2 lỗi".
func errorCount(n int) lang.Message {
	if n == 1 {
		return lang.Msg("audit.count.error", n)
	}
	return lang.Msg("audit.count.errors", n)
}

func warnings(n int) lang.Message {
	if n == 1 {
		return lang.Msg("audit.count.warning", n)
	}
	return lang.Msg("audit.count.warnings", n)
}

func infos(n int) lang.Message {
	if n == 1 {
		return lang.Msg("audit.count.info", n)
	}
	return lang.Msg("audit.count.infos", n)
}

func sheetFile(a *auditor) string {
	for _, m := range a.sh.Members {
		if m.Source.File != "" {
			return m.Source.File
		}
	}
	return ""
}

func recordedFile(rec Recorded) string {
	for _, m := range rec.Members {
		if m.Source.File != "" {
			return m.Source.File
		}
	}
	return ""
}

// comparison lines up the recorded and recomputed results member by member.
func (a *auditor) comparison() []Comparison {
	worst := map[string]Severity{}
	for _, f := range a.findings {
		if f.Member == "" {
			continue
		}
		if w, ok := worst[f.Member]; !ok || f.Severity.order() < w.order() {
			worst[f.Member] = f.Severity
		}
	}
	n := len(a.inSheet) // the sheet's members, then those only the minutes have
	for _, m := range a.rec.Members {
		if !a.inSheet[m.ID] {
			n++
		}
	}
	out := make([]Comparison, 0, n)
	done := make(map[string]bool, n)
	recorded := func(c *Comparison) {
		m, ok := a.rec.Member(c.Member)
		if !ok {
			return
		}
		if m.Rank.Set {
			c.RecordedRank = strconv.Itoa(m.Rank.N)
		}
		if m.Total.Set {
			c.RecordedTotal = m.Total.Value.String()
		}
		for _, e := range m.Awards {
			c.RecordedAwards = append(c.RecordedAwards, e.Tier)
		}
	}
	finish := func(c Comparison) {
		if c.RecordedAwards == nil {
			c.RecordedAwards = []string{}
		}
		if c.RecomputedAwards == nil {
			c.RecomputedAwards = []string{}
		}
		c.Worst = worst[c.Member]
		done[c.Member] = true
		out = append(out, c)
	}
	if a.st != nil {
		for _, row := range a.st.Rows {
			d := decidedText(row.DecidedBy)
			c := Comparison{Member: row.Member.ID, Name: a.names[row.Member.ID], RecomputedRank: rankText(row), RecomputedTotal: row.Total.String(),
				RecomputedAwards: slices.Clone(row.Awards), DecidedBy: d}
			recorded(&c)
			switch {
			case !a.inRec[c.Member]:
				c.Status = "not in minutes"
			case c.RecordedRank != "" && c.RecordedRank != strings.TrimSuffix(c.RecomputedRank, "="),
				c.RecordedTotal != "" && c.RecordedTotal != c.RecomputedTotal,
				!slices.Equal(c.RecordedAwards, c.RecomputedAwards) && !(len(c.RecordedAwards) == 0 && len(c.RecomputedAwards) == 0):
				c.Status = "differs"
			case worst[c.Member] == Error || worst[c.Member] == Warning:
				c.Status = "see findings"
			default:
				c.Status = "ok"
			}
			finish(c)
		}
	}
	for _, m := range a.sh.Members {
		if done[m.ID] {
			continue
		}
		c := Comparison{Member: m.ID, Name: a.names[m.ID], Status: "excluded"}
		if a.st == nil {
			c.Status = "not recomputed"
		}
		recorded(&c)
		finish(c)
	}
	for _, m := range a.rec.Members {
		if done[m.ID] {
			continue
		}
		c := Comparison{Member: m.ID, Name: a.names[m.ID], Status: "not in sheet"}
		recorded(&c)
		finish(c)
	}
	return out
}

// awardsText writes award tier ids for people.
func awardsText(ids []string, names ranking.Names) string {
	if len(ids) == 0 {
		return "—"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = names.Tier(id)
	}
	return strings.Join(out, ", ")
}
