package decode

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
)

// TestDecimalLimits reads decimals through the generic decoder (a
// decimal.Decimal field, no hook): the limits of the score sheets' cells
// apply, checked before the number is parsed, so that a million digits are
// refused at once, with the line, column and key path, and not echoed
// whole.
func TestDecimalLimits(t *testing.T) {
	million := strings.Repeat("7", 1_000_000)
	cases := []struct {
		name, value string
		key         string // "" when the value is read
		want        string // the value read
	}{
		{"forty significant digits are read", strings.Repeat("9", 40), "", strings.Repeat("9", 40)},
		{"leading and trailing zeros do not count", "000" + strings.Repeat("9", 40) + ".000", "", strings.Repeat("9", 40)},
		{"forty-one significant digits are refused", strings.Repeat("9", 41), "fields.decimal.digits", ""},
		{"a million digits are refused", million, "fields.decimal.digits", ""},
		{"a million digits after the point are refused", "0." + million, "fields.decimal.digits", ""},
		{"a hundred decimal places are read", "0." + strings.Repeat("0", 99) + "1", "", "0." + strings.Repeat("0", 99) + "1"},
		{"a hundred and one decimal places are refused", "0." + strings.Repeat("0", 100) + "1", "fields.decimal.places", ""},
		{"a million zeros after the point are refused", "0." + strings.Repeat("0", 1_000_000) + "1", "fields.decimal.places", ""},
		{"a number of a hundred digits is read", "1" + strings.Repeat("0", 99), "", "1" + strings.Repeat("0", 99)},
		{"a number of a hundred and one digits is refused", "1" + strings.Repeat("0", 100), "fields.decimal.places", ""},
		{"an exponent within the limits is read", "1.5e3", "", "1500"},
		{"a JSON-style exponent is read", "1E-05", "", "0.00001"},
		{"a three-digit exponent beyond the limit is refused", "1e999", "fields.decimal.places", ""},
		{"a negative one too", "1e-999", "fields.decimal.places", ""},
		{"a huge exponent is refused", "1e999999999", "fields.decimal", ""},
		{"an exponent larger than any integer is refused", "1e" + million, "fields.decimal", ""},
		{"a decimal comma is read, as in score sheets", "9,75", "", "9.75"},
		{"a malformed number is refused in the project's words", "1O", "fields.decimal", ""},
		{"an exponent that is not a number is refused in the project's words", "1ex", "fields.decimal", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, d := decode(t, "text: a\ndec: "+tc.value+"\n")
			if tc.key == "" {
				require.Empty(t, d.Problems)
				assert.Equal(t, tc.want, s.Dec.String())
				return
			}
			require.Len(t, d.Problems, 1, "%v", d.Problems)
			p := d.Problems[0]
			assert.Equal(t, tc.key, p.Message.Key)
			assert.Equal(t, 2, p.Line)
			assert.Equal(t, 6, p.Column)
			assert.Equal(t, "dec", p.Path)
			for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
				text := p.Text(tag)
				for _, shopspring := range []string{"can't convert", "exponent", "MaxDecodeExponent", "error decoding string"} {
					assert.NotContains(t, text, shopspring, "shopspring's words")
				}
				assert.Less(t, len(text), len(tc.value)+300, "the value is echoed once at most")
			}
			// (not assert.Contains: a failure would print a million digits;
			// a long value may be cut to an excerpt by lang)
			const found = `expected a number like 9.75 or 9,75, found "`
			assert.True(t, strings.HasPrefix(p.Msg, found+tc.value[:min(len(tc.value), 20)]), "message %.200q", p.Msg)
			switch tc.key {
			case "fields.decimal.digits":
				assert.True(t, strings.HasSuffix(p.Msg, " (more than 40 significant digits)"), "message %.200q", p.Msg)
				assert.True(t, strings.HasSuffix(p.Text(lang.Vietnamese), "(quá 40 chữ số có nghĩa)"), "Vietnamese text")
			case "fields.decimal.places":
				assert.True(t, strings.HasSuffix(p.Msg, " (digits more than 100 places from the decimal point)"), "message %.200q", p.Msg)
			default:
				if len(tc.value) < 100 {
					assert.Equal(t, found+tc.value+`"`, p.Msg)
				}
			}
		})
	}
}

// TestDecimalPointer reads a decimal behind a pointer with the same limits.
func TestDecimalPointer(t *testing.T) {
	s, d := decode(t, "dec_ptr: 2.50\n")
	require.Empty(t, d.Problems)
	require.NotNil(t, s.DecPtr)
	assert.Equal(t, "2.5", s.DecPtr.String())
	_, d = decode(t, "dec_ptr: "+strings.Repeat("1", 41)+"\n")
	require.Len(t, d.Problems, 1)
	assert.Equal(t, "fields.decimal.digits", d.Problems[0].Message.Key)
	assert.Equal(t, "dec_ptr", d.Problems[0].Path)
}

// TestParseDecimalAgreesWithShopspring: what ParseDecimal reads with a
// decimal point is what shopspring/decimal reads, digit for digit.
func TestParseDecimalAgreesWithShopspring(t *testing.T) {
	for _, s := range []string{"0", "-0", "1", "+1", "-1.50", ".5", "5.", "1e5", "1E-05", "123456789012345678901234567890.1234567890",
		"0.000000000000000000001", "-99e98", strings.Repeat("9", 40), "1" + strings.Repeat("0", 99)} {
		got, err := ParseDecimal(s)
		require.NoError(t, err, s)
		want, err := decimal.NewFromString(s)
		require.NoError(t, err, s)
		assert.True(t, got.Equal(want), "%s: %s, shopspring %s", s, got, want)
		back, err := ParseDecimal(got.String())
		require.NoError(t, err, "%s reads back", got)
		assert.True(t, back.Equal(got))
	}
}

// TestExplicitTagsAreRefused: a tag written in the file (!!binary, !!int,
// !!str, a custom one) is a problem at the tagged node, wherever it is: a
// value, a key, a mapping, a list, an item, the whole document. Values the
// parser tags itself (implicitly) are read as always.
func TestExplicitTagsAreRefused(t *testing.T) {
	cases := []struct {
		name, text string
		line, col  int
		path, tag  string
	}{
		{"!!binary", "text: a\nup: !!binary QUJD\n", 2, 5, "up", "!!binary"},
		{"!!int", "count: !!int 3\n", 1, 8, "count", "!!int"},
		{"!!str", "text: !!str abc\n", 1, 7, "text", "!!str"},
		{"!!str on a number", "dec: !!str 1.5\n", 1, 6, "dec", "!!str"},
		{"!!float", "dec: !!float 1.5\n", 1, 6, "dec", "!!float"},
		{"!!bool", "flag: !!bool true\n", 1, 7, "flag", "!!bool"},
		{"!!null", "opt: !!null\n", 1, 6, "opt", "!!null"},
		{"a custom tag", "text: !foo abc\n", 1, 7, "text", "!foo"},
		{"a verbatim tag", "text: !<tag:example.com,2024:x> abc\n", 1, 7, "text", "tag:example.com,2024:x"},
		{"a tag on a key", "!!str text: abc\n", 1, 1, "text", "!!str"},
		{"a tag on a mapping", "inner: !!map {name: a}\n", 1, 8, "inner", "!!map"},
		{"a tag on a list", "words: !!seq [a]\n", 1, 8, "words", "!!seq"},
		{"a tag on an item", "words: [a, !foo b]\n", 1, 12, "words[1]", "!foo"},
		{"a tag on a nested value", "list:\n  - name: !!str x\n", 2, 11, "list[0].name", "!!str"},
		{"a tag on the document", "!!map\ntext: a\n", 1, 1, "", "!!map"},
		{"a tag on a hook's value", "pairs: [!foo a]\n", 1, 9, "pairs[0]", "!foo"},
		{"a tag inside a hook's value", "pairs: [{b: !foo c}]\n", 1, 13, "pairs[0]", "!foo"},
		{"a tag on a map's value", "map: {a: !!int 1}\n", 1, 10, "map.a", "!!int"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, d := decode(t, tc.text)
			require.Len(t, d.Problems, 1, "%v", d.Problems)
			p := d.Problems[0]
			assert.Equal(t, "decode.tag", p.Message.Key)
			assert.Equal(t, tc.line, p.Line, "line")
			assert.Equal(t, tc.col, p.Column, "column")
			assert.Equal(t, tc.path, p.Path)
			assert.Contains(t, p.Msg, `"`+tc.tag+`"`)
			assert.Contains(t, p.Text(lang.Vietnamese), `"`+tc.tag+`"`)
			assert.Contains(t, p.Text(lang.Vietnamese), "thẻ")
		})
	}
	t.Run("implicit tags are not refused", func(t *testing.T) {
		s, d := decode(t, "text: abc\ncount: 3\ndec: 1.5\nflag: true\nopt: ~\nwords: [a, 'b']\ninner: {name: \"x\"}\n")
		require.Empty(t, d.Problems)
		assert.Equal(t, "abc", s.Text)
		assert.Equal(t, []string{"a", "b"}, s.Words)
	})
	t.Run("JSON has no tags", func(t *testing.T) {
		_, d := decode(t, `{"text": "!!str", "words": ["!foo"]}`)
		require.Empty(t, d.Problems)
	})
}

// FuzzParseDecimal: ParseDecimal never fails without a message, what it
// reads keeps within the limits and reads back from its String(), and it
// agrees with shopspring/decimal wherever both read a number written with
// a point.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"9,75", "9.75", "1e-05", "1e999", "1e999999999", "-.5", "00012.3400", "1,5E+3", strings.Repeat("9", 41), "1O", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseDecimal(s)
		if err != nil {
			m, ok := err.(interface{ Message() lang.Message })
			if !ok || m.Message().Check() != nil || m.Message().In(lang.English) != err.Error() {
				t.Fatalf("ParseDecimal(%q): error %v without a proper message", s, err)
			}
			return
		}
		digits := strings.Trim(strings.TrimLeft(x.Coefficient().String(), "-"), "0")
		if len(digits) > MaxDigits {
			t.Fatalf("ParseDecimal(%q) = %s: more than %d digits", s, x, MaxDigits)
		}
		back, err := ParseDecimal(x.String())
		if err != nil || !back.Equal(x) {
			t.Fatalf("ParseDecimal(%q) = %s does not read back: %v", s, x, err)
		}
		if !strings.Contains(s, ",") {
			if want, err := decimal.NewFromString(strings.TrimSpace(s)); err == nil && !want.Equal(x) {
				t.Fatalf("ParseDecimal(%q) = %s, shopspring %s", s, x, want)
			}
		}
	})
}
