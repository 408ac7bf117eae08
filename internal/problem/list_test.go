package problem_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
)

// texter is a problem that writes itself in a language.
type texter struct{ m lang.Message }

func (e *texter) Error() string          { return e.m.In(lang.English) }
func (e *texter) Text(t lang.Tag) string { return e.m.In(t) }
func (e *texter) Located() lang.Message  { return e.m }

func TestList(t *testing.T) {
	one := &texter{lang.Msg("fail.min_total", "88.5", "90")}
	two := &texter{lang.Msg("fail.no_ballot")}
	var err error = problem.List[*texter]{one, two}
	require.Equal(t, one.Error()+"\n"+two.Error(), err.Error())
	require.Equal(t, one.Text(lang.Vietnamese)+"\n"+two.Text(lang.Vietnamese), err.(problem.List[*texter]).Text(lang.Vietnamese))
	require.Equal(t, err.Error(), err.(problem.List[*texter]).Text(lang.English))

	var got *texter
	require.True(t, errors.As(err, &got), "errors.As finds a problem of the list")
	require.Same(t, one, got)
	var list problem.List[*texter]
	require.True(t, errors.As(fmtWrap{err}, &list), "errors.As finds the list")
	require.Len(t, list, 2)
	require.Equal(t, []error{one, two}, problem.Flatten(err))
	require.Equal(t, "", problem.List[*texter](nil).Error())
}

// fmtWrap wraps an error, as fmt.Errorf("…: %w") does.
type fmtWrap struct{ err error }

func (w fmtWrap) Error() string { return "wrapped: " + w.err.Error() }
func (w fmtWrap) Unwrap() error { return w.err }
