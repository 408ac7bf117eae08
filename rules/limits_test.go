package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/internal/bounded/boundedtest"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// TestLoadRefusesAnInputOverTheLimit: Load reads at most MaxBytes of a
// rulebook, whatever the file is, and says so in both languages; a file
// at the limit is read.
func TestLoadRefusesAnInputOverTheLimit(t *testing.T) {
	boundedtest.Loader(t, rules.MaxBytes, ".yaml", func(path string) error {
		_, err := rules.Load(path)
		return err
	})
	t.Run("a file at the limit is read", func(t *testing.T) {
		text := doc(nil)
		path := filepath.Join(t.TempDir(), "r.yaml")
		require.NoError(t, os.WriteFile(path, []byte(text+strings.Repeat(" ", rules.MaxBytes-len(text))), 0o600))
		_, err := rules.Load(path)
		assert.NoError(t, err)
	})
}

// TestAHugeDecimalIsRefusedQuickly: a decimal of a million digits is
// refused at once, with the file, line, column and key path, and the
// limit named, instead of being parsed for seconds.
func TestAHugeDecimalIsRefusedQuickly(t *testing.T) {
	cases := []struct {
		name, value, key, limit string
	}{
		{"a million digits", strings.Repeat("9", 1_000_000), "fields.decimal.digits", "40"},
		{"a million decimal places", "0." + strings.Repeat("0", 1_000_000) + "25", "fields.decimal.places", "100"},
		{"an exponent beyond the limit", "25e999", "fields.decimal.places", "100"},
		{"a huge exponent", "2.5e999999999", "fields.decimal", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(doc(nil), "points_each: 2.5", "points_each: "+tc.value+" #<", 1)
			es := parseErrs(t, text)
			require.Len(t, es, 1, "%v", es)
			e := es[0]
			assert.Equal(t, tc.key, e.Message.Key)
			assert.Equal(t, "test.yaml", e.File)
			assert.Equal(t, markedLine(text), e.Line)
			assert.Equal(t, "criteria[0].children[2].points_each", e.Path)
			assert.Contains(t, e.Msg, "expected a number like 9.75 or 9,75")
			if tc.limit != "" {
				assert.Contains(t, e.Msg, tc.limit)
				assert.Contains(t, e.Text(lang.Vietnamese), tc.limit)
			}
			assert.NotContains(t, e.Msg, "exceeds")
			assert.NotContains(t, e.Msg, "exponent")
		})
	}
}

// TestAMalformedDecimalIsReportedInTheProjectsWords: no words of
// shopspring/decimal's errors in a rulebook's problems.
func TestAMalformedDecimalIsReportedInTheProjectsWords(t *testing.T) {
	for _, v := range []string{"1O", "2.5ex", "1e", "1.2.3", "--1"} {
		t.Run(v, func(t *testing.T) {
			es := parseErrs(t, strings.Replace(doc(nil), "points_each: 2.5", "points_each: "+v, 1))
			require.Len(t, es, 1, "%v", es)
			assert.Equal(t, "fields.decimal", es[0].Message.Key)
			assert.Contains(t, es[0].Msg, `expected a number like 9.75 or 9,75, found "`+v+`"`)
			assert.Contains(t, es[0].Text(lang.Vietnamese), `cần một số dạng 9,75 hoặc 9.75, nhận được "`+v+`"`)
			for _, words := range []string{"can't convert", "exponent is not numeric", "error decoding string", "MaxDecodeExponent"} {
				assert.NotContains(t, es[0].Msg, words)
			}
		})
	}
}

// TestTagsAreRefusedInARulebook: an explicit YAML tag is a problem at its
// line, column and key path, in both languages.
func TestTagsAreRefusedInARulebook(t *testing.T) {
	cases := []struct{ name, from, to, path string }{
		{"!!binary", "points_each: 2.5", "points_each: !!binary Mi41 #<", "criteria[0].children[2].points_each"},
		{"!!int", "max: 30", "max: !!int 30 #<", "criteria[0].max"},
		{"!!str", "title: Bảng tiêu chí thử", "title: !!str Bảng tiêu chí thử #<", "title"},
		{"a custom tag", "rank_by: total", "rank_by: !foo total #<", "rank_by"},
		{"a tag in a tie-break", "  - group: I", "  - group: !!str I #<", "tie_breaks[0]"},
		{"a tag on a tie-break's key", "  - group: I", "  - !!str group: I #<", "tie_breaks[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(doc(nil), tc.from, tc.to, 1)
			require.NotEqual(t, doc(nil), text)
			es := parseErrs(t, text)
			require.Len(t, es, 1, "%v", es)
			e := es[0]
			assert.Equal(t, "decode.tag", e.Message.Key)
			assert.Equal(t, markedLine(text), e.Line)
			assert.Equal(t, tc.path, e.Path)
			assert.Positive(t, e.Column)
			assert.Contains(t, e.Text(lang.Vietnamese), "thẻ")
		})
	}
}
