package problem_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

func TestPrefix(t *testing.T) {
	for _, tc := range []struct {
		file         string
		line, column int
		path, want   string
	}{
		{"r.yaml", 12, 7, "criteria[0].max", "r.yaml:12:7: criteria[0].max: "},
		{"r.yaml", 12, 0, "", "r.yaml:12: "},
		{"r.yaml", 0, 7, "", "r.yaml: "}, // a column only with a line
		{"", 3, 0, "", "3: "},
		{"", 0, 0, "max", "max: "},
		{"", 0, 0, "", ""},
	} {
		require.Equal(t, tc.want, problem.Prefix(tc.file, tc.line, tc.column, tc.path))
	}
}

type located struct{ m lang.Message }

func (l located) Error() string         { return l.m.In(lang.English) }
func (l located) Located() lang.Message { return l.m }

func TestAtOfAndFlatten(t *testing.T) {
	body := lang.Msg("fail.min_total", "88.5", "90")
	at := problem.At("h.yaml:3: ", []lang.Message{lang.Msg("rule", "group I"), lang.Msg("rule", "total")}, body)
	require.Equal(t, "h.yaml:3: nhóm I, tổng điểm: tổng điểm 88,5 dưới 90", at.In(lang.Vietnamese))
	require.Equal(t, "h.yaml:3: total 88.5 is below 90", problem.At("h.yaml:3: ", nil, body).In(lang.English))
	require.Equal(t, "s.csv:4: đơn vị SCT: 03: tổng điểm 88,5 dưới 90", problem.AtMember("s.csv:4: ", "SCT", "03: ", body).In(lang.Vietnamese))
	require.Equal(t, "s.csv:4: 03: total 88.5 is below 90", problem.AtMember("s.csv:4: ", "", "03: ", body).In(lang.English))
	require.Equal(t, "by hand", problem.Body(lang.Message{}, "by hand").In(lang.Vietnamese))

	plain := errors.New("open x.csv: no such file")
	joined := errors.Join(located{body}, errors.Join(plain))
	all := problem.Flatten(joined)
	require.Len(t, all, 2)
	require.Equal(t, "tổng điểm 88,5 dưới 90", problem.Of(all[0]).In(lang.Vietnamese), "a located error keeps its message")
	require.Equal(t, "open x.csv: no such file", problem.Of(all[1]).In(lang.Vietnamese), "any other error is written as it is")
	require.Nil(t, problem.Flatten(nil))

	es := []located{{body}, {lang.Msg("fail.no_ballot")}}
	require.Equal(t, "total 88.5 is below 90\nno ballot recorded", problem.Lines(es, located.Error))
	require.Len(t, problem.Unwrap(es), 2)
}

func TestCode(t *testing.T) {
	body := lang.Msg("input.score.missing")
	cases := []struct {
		err  error
		want string
	}{
		{located{problem.At(problem.Prefix("s.csv", 3, 0, ""), nil, body)}, "input.score.missing"},
		{located{problem.At("", []lang.Message{lang.Msg("problem.text", "năm 2021")}, body)}, "input.score.missing"},
		{located{problem.AtMember("s.csv:3: ", "SCT", "01: ", body)}, "input.score.missing"},
		{located{lang.Msg("problem.text", "by hand")}, ""},
		{errors.New("open x: no such file"), ""},
	}
	for _, c := range cases {
		if got := problem.Code(c.err); got != c.want {
			t.Errorf("Code(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
