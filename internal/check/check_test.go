package check_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/lang"
)

// about is what a test problem concerns.
type about struct{ member string }

// testError is a package's own error made from a problem.
type testError struct{ p check.Problem[about] }

func (e *testError) Error() string { return e.Text(lang.English) }
func (e *testError) Text(t lang.Tag) string {
	return fmt.Sprintf("%s:%d:%d: %s: %d: %s: %s", e.p.File, e.p.Line, e.p.Column, e.p.Path, e.p.Year, e.p.About.member, e.p.Message.In(t))
}

func TestValidator(t *testing.T) {
	v := check.New[about](check.IDKeys{Missing: "history.err.id.missing", Malformed: "history.err.id.malformed"}, 2021)
	require.False(t, v.Failed())
	unit := lang.Msg("history.err.noun.unit")
	require.True(t, v.ID("SCT", "units[0].id", unit, about{}))
	require.False(t, v.Failed(), "a good id adds nothing")
	require.False(t, v.ID("  ", "units[1].id", unit, about{"X"}))
	require.False(t, v.ID("A,B", "units[2].id", unit, about{}))
	require.False(t, v.ID(" A", "units[3].id", unit, about{}))
	v.Nested("years[0].sheet", about{"SCT"}, lang.Msg("history.err.in_sheet", "s.csv"),
		errors.Join(errors.New("open s.csv: no such file"), errors.New("second")))
	require.True(t, v.Failed())

	var keys, english []string
	for _, p := range v.Problems {
		keys = append(keys, p.Message.Key)
		english = append(english, p.Msg)
		require.Equal(t, 2021, p.Year, "every problem is of the validator's year")
		require.Equal(t, p.Message.In(lang.English), p.Msg)
	}
	require.Equal(t, []string{"history.err.id.missing", "history.err.id.malformed", "history.err.id.malformed", "history.err.in_sheet", "history.err.in_sheet"}, keys)
	require.Equal(t, []string{
		"a unit needs an id",
		`unit id "A,B" has surrounding spaces, a comma or a line break`,
		`unit id " A" has surrounding spaces, a comma or a line break`,
		"sheet s.csv: open s.csv: no such file",
		"sheet s.csv: second",
	}, english)
	require.Equal(t, "X", v.Problems[0].About.member)
	require.Equal(t, "units[1].id", v.Problems[0].Path)

	es := check.Errors(v.Problems, func(p check.Problem[about]) *testError { return &testError{p} })
	require.Len(t, es, 5)
	require.Equal(t, ":0:0: units[1].id: 2021: X: a unit needs an id", es[0].Error())
}

// spec is a test file's contents.
type spec struct {
	Name  string   `yaml:"name"`
	Count int      `yaml:"count"`
	Items []string `yaml:"items"`
}

func TestRead(t *testing.T) {
	build := func(s *spec, seen *[]bool) func(bool) (string, []check.Problem[about]) {
		return func(read bool) (string, []check.Problem[about]) {
			*seen = append(*seen, read)
			v := check.New[about](check.IDKeys{Missing: "history.err.id.missing", Malformed: "history.err.id.malformed"}, 0)
			if s.Name == "" {
				v.Add("name", about{}, lang.Msg("history.err.unit.name"))
			}
			if s.Count == 0 {
				v.Add("count", about{"C"}, lang.Msg("history.err.unit.name"))
			}
			v.Add("items[1]", about{}, lang.Msg("history.err.unit.name"))
			if len(s.Items) > 2 {
				return "", v.Problems
			}
			return s.Name, nil
		}
	}

	t.Run("good", func(t *testing.T) {
		var s spec
		var seen []bool
		got, ps := check.Read("f.yaml", []byte("name: a\ncount: 1\nitems: [x, y]\n"), &s, nil, build(&s, &seen))
		require.Empty(t, ps)
		require.Equal(t, "a", got)
		require.Equal(t, []bool{true}, seen)
	})

	t.Run("syntax", func(t *testing.T) {
		var s spec
		var seen []bool
		got, ps := check.Read("f.yaml", []byte("name: [\n"), &s, nil, build(&s, &seen))
		require.Equal(t, "", got)
		require.Len(t, ps, 1)
		require.Equal(t, "f.yaml", ps[0].File)
		require.Equal(t, "", ps[0].Path)
		require.True(t, ps[0].Line > 0)
		require.Empty(t, seen, "a file that cannot be parsed is not built")
	})

	t.Run("placed and sorted", func(t *testing.T) {
		var s spec
		var seen []bool
		// count cannot be read: its own problem is kept, not the build's
		// knock-on one; the others are placed at their key's line
		data := "items: [x, y, z]\ncount: many\nname: \"\"\nextra: 1\n"
		got, ps := check.Read("f.yaml", []byte(data), &s, nil, build(&s, &seen))
		require.Equal(t, "", got)
		require.Equal(t, []bool{false}, seen, "build is told a value could not be read")
		var where []string
		for _, p := range ps {
			require.Equal(t, "f.yaml", p.File)
			where = append(where, fmt.Sprintf("%d %s %s", p.Line, p.Path, p.Message.Key))
		}
		require.Equal(t, []string{
			"1 items[1] history.err.unit.name",
			"2 count " + ps[1].Message.Key,
			"3 name history.err.unit.name",
			"4 extra decode.unknown_key",
		}, where)
		require.NotEqual(t, "history.err.unit.name", ps[1].Message.Key, "the knock-on problem at count is left out")
	})
}
