package simulation_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/simulation"
)

// TestModelNumbersHaveLimits: a model's numbers have the score sheets'
// limits (40 significant digits, 100 places), checked before they are
// parsed, so that a million digits are refused at once, at their line,
// column and key path, in the project's words; and YAML tags are refused.
func TestModelNumbersHaveLimits(t *testing.T) {
	million := strings.Repeat("3", 1_000_000)
	cases := []struct {
		name, text, key, path string
		line, col             int
	}{
		{"a million digits in a range", "default: {range: " + million + ", step: 1}\n", "fields.decimal.digits", "default.range", 1, 18},
		{"a million decimal places in a step", "criteria:\n  \"1.1\": {range: 1, step: 0." + strings.Repeat("0", 1_000_000) + "5}\n", "fields.decimal.places", "criteria.1.1.step", 2, 27},
		{"a huge exponent in a value", "default:\n  values:\n    - {value: 1e999999999}\n", "fields.decimal", "default.values[0].value", 3, 15},
		{"an exponent beyond the limit in a weight", "default:\n  values:\n    - {value: 1, weight: 1e999}\n", "fields.decimal.places", "default.values[0].weight", 3, 26},
		{"a malformed number", "default: {range: 1O, step: 1}\n", "fields.decimal", "default.range", 1, 18},
		{"a tag", "default: {range: !!str 1, step: 1}\n", "decode.tag", "default.range", 1, 18},
		{"a custom tag on an uncertainty", "default: !foo fixed\n", "decode.tag", "default", 1, 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := simulation.ParseModel("m.yaml", []byte(tc.text))
			var es simulation.ModelErrors
			require.True(t, errors.As(err, &es), "%.300v", err)
			require.Len(t, es, 1, "%.300v", err)
			e := es[0]
			assert.Equal(t, tc.key, e.Message.Key)
			assert.Equal(t, tc.path, e.Path)
			assert.Equal(t, tc.line, e.Line, "line")
			assert.Equal(t, tc.col, e.Column, "column")
			for _, words := range []string{"can't convert", "exponent", "error decoding string"} {
				assert.False(t, strings.Contains(e.Msg, words), "shopspring's words in %.200q", e.Msg)
			}
			assert.Less(t, len(e.Text(lang.Vietnamese)), len(tc.text)+300, "the value is echoed once at most")
		})
	}
	t.Run("numbers within the limits keep their digits", func(t *testing.T) {
		m, err := simulation.ParseModel("m.yaml", []byte("default:\n  values:\n    - {value: 9.50, weight: 2}\n    - {value: \"9,25\"}\n"))
		require.NoError(t, err)
		require.Len(t, m.Default.Values, 2)
		assert.Equal(t, "9.5", m.Default.Values[0].Value.String())
		assert.Equal(t, int32(-2), m.Default.Values[0].Value.Exponent(), "as written")
		assert.Equal(t, "9.25", m.Default.Values[1].Value.String())
	})
}
