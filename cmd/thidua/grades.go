package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// printGrades explains, for --explain, each member's grading band (xếp
// loại), in rank order: the conditions of its band, all met, and for each
// band above it the conditions it fails, with its values (the row's
// failures); a member graded in no band fails every band's. It says first
// that a band needs no rank and that a tie never decides one. Nothing if
// the rulebook does not grade.
func printGrades(w io.Writer, t lang.Tag, rb *rules.Rulebook, st *ranking.Standings) {
	if len(st.Grades) == 0 {
		return
	}
	names := st.Names()
	grades := rb.Grades()
	fmt.Fprintln(w, "\n"+t.Say("cli.grades.why"))
	for _, r := range st.Rows {
		failed := map[string]ranking.Failure{}
		for _, f := range r.Failed {
			failed[f.Condition] = f
		}
		if r.Grade == "" {
			fmt.Fprintln(w, t.Say("cli.grades.ungraded", r.Member.Name))
		} else {
			fmt.Fprintln(w, t.Say("cli.grades.member", r.Member.Name, names.Grade(r.Grade)))
		}
		for _, g := range grades {
			if g.ID == r.Grade {
				if len(g.Requires) == 0 {
					fmt.Fprintln(w, t.Say("cli.grades.met_none", g.Name))
				} else {
					fmt.Fprintln(w, t.Say("cli.grades.met", g.Name, strings.Join(conditionTexts(rb, g.Requires), "; ")))
				}
				break
			}
			var fails []string
			for _, id := range g.Requires {
				if f, ok := failed[id]; ok {
					fails = append(fails, t.Say("cli.grades.condition", names.Condition(id), names.Of(f.Message).In(t)))
				}
			}
			fmt.Fprintln(w, t.Say("cli.grades.failed", g.Name, strings.Join(fails, "; ")))
		}
	}
}

// conditionTexts are the eligibility conditions with the given ids as the
// rulebook states them (their reason), or their ids if they state none.
func conditionTexts(rb *rules.Rulebook, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		c, ok := rb.Condition(id)
		out = append(out, cmpOr(c.Reason, id, ok))
	}
	return slices.Clip(out)
}

// cmpOr is s if ok and s is not empty, else alt.
func cmpOr(s, alt string, ok bool) string {
	if ok && s != "" {
		return s
	}
	return alt
}
