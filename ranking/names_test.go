package ranking_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/scoring"
)

// TestNamesOf writes every sentence of ranked examples through Names in
// Vietnamese: no member id and no award tier id is left where the
// standings have a name (decisions, tie notes, blocked tiers, failures).
// The examples have an unresolved tie (blocked tier, tie note), a
// tie-break by group and eligibility failures; the synthetic cases below
// reach head to head, last year's award and a recorded draw.
func TestNamesOf(t *testing.T) {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	require.NoError(t, err)
	for _, file := range []string{"unresolved-tie.csv", "tie-broken.csv", "top-ineligible.csv"} {
		sh, _, err := scoresheet.Check(rb, "../examples/cum2/"+file)
		require.NoError(t, err)
		st, err := ranking.Rank(rb, sh)
		require.NoError(t, err)
		noIDs(t, st, file, messages(st))
	}

	// head to head, no award last year (a tier), a streak; then a draw
	// that misses a member
	book := mustRulebook(t, "criteria:\n  - {id: a, name: A, max: 10}\n"+
		"awards:\n  - {id: flag, name: Cờ thi đua, count: 1}\n  - {id: merit, name: Bằng khen, count: 1}\n"+
		"eligibility:\n  - {id: streak, reason: Không quá 1 năm liên tiếp, max_consecutive: {award: flag, years: 1}}\n"+
		"tie_breaks: [{no_award_last_year: flag}, head_to_head, lots]\n")
	keys := map[string]bool{}
	for _, lots := range [][]string{nil, {"CC"}} {
		var sh scoring.Sheet
		sh.Year = 2024
		for _, m := range []string{"AA", "BB", "CC"} {
			sh.Members = append(sh.Members, scoring.Member{ID: m, Name: "Đơn vị " + strings.ToLower(m)})
		}
		// all three 7: X and Y prefer AA to BB, Z BB, so AA wins 2–1;
		// with lots, BB is scored as AA and the pair goes to the draw
		bb := []string{"6", "6", "9"}
		if lots != nil {
			bb = []string{"8", "8", "5"}
		}
		sh.Scores = append(sh.Scores, by("X", "AA", "a", "8"), by("Y", "AA", "a", "8"), by("Z", "AA", "a", "5"),
			by("X", "BB", "a", bb[0]), by("Y", "BB", "a", bb[1]), by("Z", "BB", "a", bb[2]), by("X", "CC", "a", "7"), by("Y", "CC", "a", "7"), by("Z", "CC", "a", "7"))
		sh.History = []scoring.PastAward{{Member: "AA", Year: 2023, Award: "flag"}, {Member: "BB", Year: 2023, Award: "flag"}}
		sh.Lots = lots
		st := mustRank(t, book, sh)
		for _, m := range messages(st) {
			collect(m, keys)
		}
		noIDs(t, st, "synthetic", messages(st))
	}
	for _, k := range []string{"value.award", "value.h2h.pair", "lots.not_drawn", "fail.max_consecutive"} {
		require.True(t, keys[k], "the synthetic cases do not reach %s", k)
	}
}

// messages lists every sentence of the standings, as a page or a table
// writes them.
func messages(st *ranking.Standings) []lang.Message {
	var out []lang.Message
	for _, r := range st.Rows {
		if d := r.DecidedBy; d != nil {
			out = append(out, d.Message(), d.BriefMessage())
		}
		for _, f := range r.Failed {
			out = append(out, f.Message)
		}
	}
	for _, a := range st.Awards {
		out = append(out, a.Blocked)
	}
	for _, t := range st.Ties {
		out = append(out, t.Note)
		for _, r := range t.Tried {
			out = append(out, lang.Msg("rule", r))
		}
	}
	return out
}

// noIDs checks that the messages, named, mention no id of the standings'
// members or tiers, and that without Names they do (the test can fail).
func noIDs(t *testing.T, st *ranking.Standings, what string, ms []lang.Message) {
	t.Helper()
	var ids []string
	for _, r := range st.Rows {
		ids = append(ids, regexp.QuoteMeta(r.Member.ID))
	}
	for _, a := range st.Awards {
		ids = append(ids, regexp.QuoteMeta(a.Tier))
	}
	id := regexp.MustCompile(`(^|[^\pL\pN_])(` + strings.Join(ids, "|") + `)($|[^\pL\pN_])`)
	names := st.Names()
	unnamed := 0
	for _, m := range ms {
		if m.IsZero() {
			continue
		}
		vi := names.Of(m).In(lang.Vietnamese)
		require.NotRegexp(t, id, vi, "%s: %s", what, m.Key)
		if id.MatchString(m.In(lang.Vietnamese)) {
			unnamed++
		}
	}
	require.NotZero(t, unnamed, "%s: no message holds an id: the test checks nothing", what)
}

// TestNamesOfKeys checks Names.Of on each of ranking's sentences that hold
// ids: the ids are named, the values are not, and the keys are in the
// catalogue.
func TestNamesOfKeys(t *testing.T) {
	st := &ranking.Standings{
		Rows:   []ranking.Row{{Member: scoring.Member{ID: "SXD", Name: "Sở Xây dựng"}}, {Member: scoring.Member{ID: "SCT", Name: "Sở Công Thương"}}, {Member: scoring.Member{ID: "NONAME"}}},
		Awards: []ranking.Award{{Tier: "flag", Name: "Cờ thi đua"}},
	}
	n := st.Names()
	for _, tc := range []struct {
		m    lang.Message
		want string
	}{
		{lang.Msg("decision", "SXD", "SCT", "group I").With(lang.Msg("value.number", "38.5"), lang.Msg("value.number", "38")), "Sở Xây dựng xếp trên Sở Công Thương theo nhóm I: 38,5 so với 38"},
		{lang.Msg("decision.brief", "no_award_last_year flag", "SXD").With(lang.Msg("value.no_award", "2023"), lang.Msg("value.award", "flag", "2023")), "năm trước chưa được khen (Cờ thi đua): năm 2023 được Cờ thi đua < năm 2023 không được khen (Sở Xây dựng)"},
		{lang.Msg("decision.tied_with", "NONAME"), "BẰNG ĐIỂM, chưa phân định với NONAME"},
		{lang.Msg("decision.unresolved", "SXD", "SCT").With(lang.Msg("lots.not_drawn", "SCT")), "Sở Xây dựng và Sở Công Thương bằng điểm, chưa phân định: bốc thăm: kết quả bốc thăm đã ghi nhận không có Sở Công Thương"},
		{lang.Msg("value.h2h", 1, 1).With(lang.Msg("value.h2h.pair", 2, 1, "SCT")), "thắng 1/1 đơn vị bằng điểm khi đối đầu (số người chấm nghiêng về đơn vị: 2–1 với Sở Công Thương)"},
		{lang.Msg("award.blocked", 1, "flag"), "chờ phân định trường hợp bằng điểm ở hạng 1 (hình thức Cờ thi đua)"},
		{lang.Msg("fail.max_consecutive", "flag", "2023", 1, 1), "đã được Cờ thi đua các năm 2023 (1 năm liên tiếp; tối đa 1)"},
		{lang.Msg("tie.equal").With(lang.Msg("rule", "total"), lang.Msg("rule", "no_award_last_year flag")), "bằng nhau theo mọi tiêu chí ưu tiên: tổng điểm, năm trước chưa được khen (Cờ thi đua)"},
		{lang.Msg("fail.min_total", "88.5", "90"), "tổng điểm 88,5 dưới 90"},
	} {
		require.True(t, lang.Known(tc.m.Key), tc.m.Key)
		require.Equal(t, tc.want, n.Of(tc.m).In(lang.Vietnamese), tc.m.Key)
	}
	require.Equal(t, "SCT", lang.Msg("lots.not_drawn", "SCT").Args[0], "Of does not change the message it is given")
	require.Equal(t, []string{"Sở Xây dựng", "UNKNOWN"}, n.Members([]string{"SXD", "UNKNOWN"}))
	require.Equal(t, "merit", n.Tier("merit"))
	require.Equal(t, "group I", n.Rule("group I"))
}

// collect adds the keys of m and of its parts.
func collect(m lang.Message, keys map[string]bool) {
	keys[m.Key] = true
	for _, p := range m.Parts {
		collect(p, keys)
	}
}

// TestNamesGrade names grading bands by the standings' names: the band of
// every graded member of the Nghệ An example is written by its name, never
// its id.
func TestNamesGrade(t *testing.T) {
	rb, err := rules.Load("../examples/nghean-grading/rulebook.yaml")
	require.NoError(t, err)
	sh, _, err := scoresheet.Check(rb, "../examples/nghean-grading/scores-2025.csv")
	require.NoError(t, err)
	st, err := ranking.Rank(rb, sh)
	require.NoError(t, err)
	names := st.Names()
	require.Equal(t, "Hoàn thành xuất sắc nhiệm vụ", names.Grade("xuat_sac"))
	require.Equal(t, "unknown", names.Grade("unknown"))
	require.Equal(t, "", names.Grade(""))
	for _, r := range st.Rows {
		require.NotEmpty(t, r.Grade, r.Member.ID)
		require.NotEqual(t, r.Grade, names.Grade(r.Grade), r.Member.ID)
	}
}
