package history

import (
	"fmt"
	"slices"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/scoring"
)

// Run returns the years, counting back from year-1, in each of which the
// unit (or a predecessor whose history carries over) received the award:
// the run of consecutive years before the year. It stops at the first year
// without the award.
func (h *History) Run(unit, award string, year int) []int {
	var run []int
	for y := year - 1; y >= minYear; y-- {
		if len(h.Received(unit, award, y, y)) == 0 {
			break
		}
		run = append(run, y)
	}
	return run
}

// Violation is an award proposal that would exceed a RunLimit: the member
// received the award in each of the Previous years (most recent first), so
// receiving it in Year too would make a run longer than the limit allows.
type Violation struct {
	Member   string
	Award    string
	Year     int
	Previous []int
	Limit    RunLimit
}

// String explains the violation in one line in English, for logs:
// Text(lang.English).
func (v Violation) String() string { return v.Message().In(lang.English) }

// Message explains the violation in any language: "STNMT: nếu được flag
// năm 2022 thì sẽ là 2 năm liên tiếp (…)".
func (v Violation) Message() lang.Message {
	return lang.Msg("history.violation", v.Member, v.Award, v.Year, len(v.Previous)+1, years(v.Previous), v.Limit.MaxConsecutive)
}

// Text explains the violation in the language.
func (v Violation) Text(t lang.Tag) string { return v.Message().In(t) }

// Consecutive checks the standings' proposals for limit.Award against the
// history: every member proposed that received the award in each of the
// limit.MaxConsecutive years before the standings' year is a violation
// ("not the flag two years running" with MaxConsecutive 1). Mergers are
// followed: a successor inherits its carried predecessors' runs. The engine
// has no history condition yet; to make the engine pass the award on, feed
// the result back as a fact (RunFacts) that the rulebook requires.
func (h *History) Consecutive(st *ranking.Standings, limit RunLimit) []Violation {
	if st == nil || limit.MaxConsecutive < 1 {
		return nil
	}
	var out []Violation
	for _, m := range st.Proposed(limit.Award) {
		run := h.Run(m, limit.Award, st.Year)
		if len(run) >= limit.MaxConsecutive {
			out = append(out, Violation{Member: m, Award: limit.Award, Year: st.Year, Previous: run, Limit: limit})
		}
	}
	return out
}

// RunFacts returns, for every member of the cluster in the year, the fact
// limit.Fact: false if the member received limit.Award in each of the
// limit.MaxConsecutive years before the year (so one more would exceed the
// limit), true otherwise. Added to the year's sheet, with a rulebook that
// declares the fact and requires it (eligibility: {fact: ...}) for the
// tier, they let today's engine pass the award to the next eligible member.
func (h *History) RunFacts(cluster string, year int, limit RunLimit) []scoring.FactValue {
	c, ok := h.cluster(cluster)
	if !ok {
		return nil
	}
	members, _ := h.members(c, year)
	out := make([]scoring.FactValue, 0, len(members))
	for _, m := range members {
		run := h.Run(m, limit.Award, year)
		out = append(out, scoring.FactValue{Member: m, Fact: limit.Fact, Value: len(run) < limit.MaxConsecutive})
	}
	slices.SortFunc(out, func(a, b scoring.FactValue) int { return strings.Compare(a.Member, b.Member) })
	return out
}

// RunText says, in any language, what a member's run of l.Award before
// the year is: "flag in 2021, 2020" ("được flag năm 2021, 2020"), or "no
// flag in 2021" when the member did not receive it the year before. It is
// what decides the member's streak fact l.Fact (see RunFacts).
func (h *History) RunText(member string, year int, l RunLimit) lang.Message {
	run := h.Run(member, l.Award, year)
	if len(run) == 0 {
		return lang.Msg("history.run.none", l.Award, year-1)
	}
	return lang.Msg("history.run", l.Award, years(run))
}

func years(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, ", ")
}
