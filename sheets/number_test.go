package sheets_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/sheets"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // in Go's decimal syntax; "" for an error
	}{
		{"a decimal point reads as written", "9.75", "9.75"},
		{"a decimal comma reads as the same number", "9,75", "9.75"},
		{"a whole number reads as itself", "120", "120"},
		{"a negative number with a point", "-0.25", "-0.25"},
		{"a negative number with a comma", "-0,25", "-0.25"},
		{"a leading plus sign is accepted", "+5", "5"},
		{"a plus sign with a decimal comma is accepted", "+9,5", "9.5"},
		{"a number without an integer part is accepted", ".5", "0.5"},
		{"a number ending in a point is accepted", "5.", "5"},
		{"trailing zeros keep the value", "9.500", "9.5"},
		{"leading zeros keep the value", "007", "7"},
		{"minus zero is zero", "-0", "0"},
		{"spaces around the number are ignored", "  9,75\t", "9.75"},
		{"a no-break space around the number is ignored", "\u00a09.5\u00a0", "9.5"},
		{"forty significant digits are accepted", strings.Repeat("9", 40), strings.Repeat("9", 40)},
		{"forty significant digits after a point are accepted", "-." + strings.Repeat("1", 40), "-0." + strings.Repeat("1", 40)},
		{"leading zeros are not significant digits", strings.Repeat("0", 60) + "9,5", "9.5"},
		{"trailing zeros are not significant digits", "9.5" + strings.Repeat("0", 60), "9.5"},
		{"a whole number with many zeros has few significant digits", "1" + strings.Repeat("0", 60), "1" + strings.Repeat("0", 60)},
		{"an exponent is accepted", "1e5", "100000"},
		{"a capital exponent with a sign is accepted", "1E-2", "0.01"},
		{"an exponent as Python writes it is accepted", "1e-05", "0.00001"},
		{"an exponent with a plus sign is accepted", "1.5e+3", "1500"},
		{"an exponent after a decimal comma is accepted", "1,5E-3", "0.0015"},
		{"a three-digit exponent is accepted", "1e-100", "0." + strings.Repeat("0", 99) + "1"},
		{"a number just below 10^100 is accepted", "9.9e99", "99" + strings.Repeat("0", 98)},
		{"zero with any exponent is zero", "0e999", "0"},
		{"many decimals are kept exactly", "0.1234567890123456789", "0.1234567890123456789"},
		{"a thousands separator with a decimal comma is refused", "1.234,5", ""},
		{"a thousands separator with a decimal point is refused", "1,234.5", ""},
		{"two decimal commas are refused", "1,2,3", ""},
		{"two decimal points are refused", "1.2.3", ""},
		{"a comma without digits after it is refused", "9,", ""},
		{"a comma without digits before it is refused", ",5", ""},
		{"a four-digit exponent is refused", "1e1000", ""},
		{"an exponent without digits is refused", "1e", ""},
		{"an exponent with a sign alone is refused", "1e+", ""},
		{"an exponent without a number is refused", "e5", ""},
		{"an exponent with a point in it is refused", "1e2.5", ""},
		{"a thousands separator before an exponent is refused", "1.234,5e2", ""},
		{"a number of 10^100 or more is refused", "1e100", ""},
		{"a digit beyond the hundredth decimal place is refused", "1e-101", ""},
		{"letters are refused", "abc", ""},
		{"an empty text is refused", "", ""},
		{"a lone sign is refused", "-", ""},
		{"a lone point is refused", ".", ""},
		{"a hexadecimal number is refused", "0x10", ""},
		{"digit separators are refused", "1_000", ""},
		{"a space inside the number is refused", "1 000", ""},
		{"a percent sign is refused", "95%", ""},
		{"infinity is refused", "Inf", ""},
		{"not-a-number is refused", "NaN", ""},
		{"two signs are refused", "--1", ""},
		{"full-width digits are refused", "\uff19", ""},
		{"more than forty significant digits are refused", strings.Repeat("9", 41), ""},
		{"more than forty significant digits after a point are refused", "0." + strings.Repeat("1", 41), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sheets.ParseDecimal(tt.in)
			if tt.want == "" {
				require.Error(t, err)
				require.Contains(t, err.Error(), "expected a number like 9.75 or 9,75")
				require.Contains(t, err.Error(), "found "+strconv.Quote(tt.in))
				return
			}
			require.NoError(t, err)
			require.True(t, got.Equal(dec(tt.want)), "ParseDecimal(%q) = %s, want %s", tt.in, got, tt.want)
		})
	}
}

func TestParseDecimalCommaEqualsPoint(t *testing.T) {
	for _, s := range []string{"0,5", "9,75", "100,01", "-3,125", "12345678901234567890,123456789"} {
		t.Run(s+" equals its form with a point", func(t *testing.T) {
			a, err := sheets.ParseDecimal(s)
			require.NoError(t, err)
			b, err := sheets.ParseDecimal(strings.Replace(s, ",", ".", 1))
			require.NoError(t, err)
			require.True(t, a.Equal(b), "%s != %s", a, b)
		})
	}
}

func TestParseDecimalReparsesItsString(t *testing.T) {
	// WriteCSV writes Value.String(); ReadCSV must read that back.
	t.Run("a forty-character number starting with a point re-parses", func(t *testing.T) {
		in := "-." + strings.Repeat("1", 38) // 40 characters: accepted
		d, err := sheets.ParseDecimal(in)
		require.NoError(t, err)
		back, err := sheets.ParseDecimal(d.String()) // "-0.111…": 41 characters
		require.NoError(t, err)
		require.True(t, back.Equal(d))
	})
	t.Run("a large value built in Go is written in a form ParseDecimal reads", func(t *testing.T) {
		d := dec("1" + strings.Repeat("0", 40)) // 10^40: 41 digits
		back, err := sheets.ParseDecimal(d.String())
		require.NoError(t, err)
		require.True(t, back.Equal(d))
	})
	for _, in := range []string{
		"9.9e99", "-9.9e99", "1e-100", "-1e-100", "1e-05", "1,5E+3",
		"0." + strings.Repeat("0", 60) + strings.Repeat("7", 40),
		strings.Repeat("3", 40) + "e60",
	} {
		t.Run("the String() of "+in+", at the limits, re-parses", func(t *testing.T) {
			d, err := sheets.ParseDecimal(in)
			require.NoError(t, err)
			back, err := sheets.ParseDecimal(d.String())
			require.NoError(t, err, "String() = %s", d)
			require.True(t, back.Equal(d))
		})
	}
}
