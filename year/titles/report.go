package titles

import (
	"io"
	"strconv"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/internal/write"
)

// holderKeys are the catalogue keys naming the holder kinds.
var holderKeys = map[HolderKind]string{ForIndividual: "titles.for.individual", ForCollective: "titles.for.collective"}

// Message names the kind in any language: "cá nhân", "tập thể"
// (individual, collective); an unknown kind as it is.
func (k HolderKind) Message() lang.Message {
	if key, ok := holderKeys[k]; ok {
		return lang.Msg(key)
	}
	return lang.Msg("problem.text", string(k))
}

// WriteText writes what thidua titles prints, in the language: each title
// with who may hold it, the number awarded, its quota worked out and
// whether the number is within it; then whether the holders listed meet
// their titles' conditions (every failure, one a line), or that they could
// not be checked (only the numbers are given). Titles are written by their
// names.
func (t *Titles) WriteText(w io.Writer, tag lang.Tag) error {
	x := write.New(w, tag)
	r := t.report
	x.Line(lang.Msg("titles.report.title", t.spec.Unit, t.spec.Year))
	x.Blank()
	var rows [][]string
	for _, tc := range r.Titles {
		n := lang.Msg("titles.report.unknown").In(tag)
		if tc.Known {
			n = strconv.Itoa(tc.Awarded)
			if tc.FromCounts {
				n = lang.Msg("titles.report.count", tc.Awarded).In(tag)
			}
		}
		quota, within := write.Dash, write.Dash
		if c := tc.Cap; c != nil {
			quota = c.Text(tag)
			if c.Checked {
				within = lang.Msg("year.yes").In(tag)
				if c.Over {
					within = lang.Msg("titles.report.over", tc.Awarded-c.Allowed).In(tag)
				}
			}
		}
		rows = append(rows, []string{tc.Name, tc.For.Message().In(tag), n, quota, within})
	}
	x.Table(lang.Msg("titles.report.head"), rows)
	x.Blank()
	switch {
	case len(t.spec.People) == 0 && len(t.spec.Collectives) == 0:
		x.Line(lang.Msg("titles.report.not_checked"))
	case len(r.Failures) == 0:
		x.Line(lang.Msg("titles.report.all_met"))
	default:
		x.Line(lang.Msg("titles.report.not_met"))
		for _, f := range r.Failures {
			x.Printf("  %s\n", f.Text(tag))
		}
	}
	return x.Err()
}
