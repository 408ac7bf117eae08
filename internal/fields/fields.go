// Package fields reads the values thidua's data files share, the same way
// in every format and package: numbers with a decimal point or a
// Vietnamese decimal comma (ParseDecimal), texts trimmed, with line breaks
// normalised and in Unicode NFC (CleanText), and the decode hooks that
// apply them to YAML and JSON documents.
package fields

import (
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/decode"
)

// Limits of the numbers ParseDecimal accepts. They bound the value, not the
// text, so that whatever ParseDecimal returns, its String() reads back: at
// most maxDigits significant digits (leading and trailing zeros do not
// count), and no digit more than maxPlaces places before or after the
// decimal point (the value is below 10^maxPlaces in size, and has at most
// maxPlaces decimals).
const (
	maxDigits = 40
	maxPlaces = 100
)

// decimalComma and plainNumber are the two spellings of a number: with a
// decimal comma (digits on both sides, so that "9," and ",5" are refused) or
// with a decimal point; either may end in an exponent ("1e-05", as Python
// writes small floats in JSON).
var (
	decimalComma = regexp.MustCompile(`^[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]{1,3})?$`)
	plainNumber  = regexp.MustCompile(`^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,3}))?$`)
)

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most 40 significant digits (leading and trailing zeros do not
// count) and no digit more than 100 places before or after the decimal
// point; within those limits every value it returns reads back from its
// String().
func ParseDecimal(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if decimalComma.MatchString(t) {
		t = strings.Replace(t, ",", ".", 1)
	}
	m := plainNumber.FindStringSubmatch(t)
	if m == nil || m[2] == "" && m[3] == "" {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %q", s)
	}
	neg, whole, frac := m[1] == "-", m[2], m[3]
	exp := 0
	if m[4] != "" {
		exp, _ = strconv.Atoi(m[4]) // at most three digits: cannot fail
	}
	// The value is digits × 10^exp, digits without leading or trailing zeros.
	digits := strings.TrimLeft(whole+frac, "0")
	exp -= len(frac)
	if digits == "" {
		return decimal.Zero, nil
	}
	n := len(digits)
	digits = strings.TrimRight(digits, "0")
	exp += n - len(digits)
	if len(digits) > maxDigits {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %q (more than %d significant digits)", s, maxDigits)
	}
	if exp < -maxPlaces || exp+len(digits) > maxPlaces {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %q (digits more than %d places from the decimal point)", s, maxPlaces)
	}
	c, _ := new(big.Int).SetString(digits, 10) // digits only: cannot fail
	if neg {
		c.Neg(c)
	}
	if exp > 0 {
		// A whole number keeps the exponent 0, as decimal.NewFromString
		// gives it, so that String() never uses scientific notation.
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
		exp = 0
	}
	return decimal.NewFromBigInt(c, int32(exp)), nil
}

// CleanText trims a text, turns \r\n and lone \r into \n, and writes it in
// Unicode NFC, so that a name typed with combining marks and one typed
// with precomposed letters are the same name.
func CleanText(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return norm.NFC.String(strings.TrimSpace(s))
}

// Text is a decode hook for strings: CleanText, and a null (null, ~ or
// nothing) is an empty text, not the word.
func Text(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		v.SetString("")
		return
	}
	if !d.Scalar(n, path, "a text") {
		return
	}
	v.SetString(CleanText(n.Value))
}

// Decimal is a decode hook for decimals: ParseDecimal, so that a number
// may be written as a YAML or JSON number or as a string, with a decimal
// point or comma.
func Decimal(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if !d.Scalar(n, path, "a number") {
		return
	}
	x, err := ParseDecimal(n.Value)
	if err != nil {
		d.Addf(n, path, "%v", err)
		return
	}
	v.Set(reflect.ValueOf(x))
}

// Hooks returns the hooks for strings and decimals, ready for a Decoder.
func Hooks() map[reflect.Type]decode.Hook {
	return map[reflect.Type]decode.Hook{
		reflect.TypeFor[string]():          Text,
		reflect.TypeFor[decimal.Decimal](): Decimal,
	}
}
