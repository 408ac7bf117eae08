package fields

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// The regular-expression implementation ParseDecimal replaced, kept as the
// reference the scanner must agree with.
// refComma and refPlain are the two spellings of a number: with a
// decimal comma (digits on both sides, so that "9," and ",5" are refused) or
// with a decimal point; either may end in an exponent ("1e-05", as Python
// writes small floats in JSON).
var (
	refComma = regexp.MustCompile(`^[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]{1,3})?$`)
	refPlain = regexp.MustCompile(`^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,3}))?$`)
)

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most 40 significant digits (leading and trailing zeros do not
// count) and no digit more than 100 places before or after the decimal
// point; within those limits every value it returns reads back from its
// String().
func parseDecimalRegexp(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if refComma.MatchString(t) {
		t = strings.Replace(t, ",", ".", 1)
	}
	m := refPlain.FindStringSubmatch(t)
	if m == nil || m[2] == "" && m[3] == "" {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %s", lang.Quote(s))
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
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %s (more than %d significant digits)", lang.Quote(s), maxDigits)
	}
	if exp < -maxPlaces || exp+len(digits) > maxPlaces {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %s (digits more than %d places from the decimal point)", lang.Quote(s), maxPlaces)
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

func sameParse(t *testing.T, in string) {
	t.Helper()
	got, gerr := ParseDecimal(in)
	want, werr := parseDecimalRegexp(in)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("ParseDecimal(%q): error %v, reference error %v", in, gerr, werr)
	}
	if gerr == nil && (!got.Equal(want) || got.String() != want.String()) {
		t.Fatalf("ParseDecimal(%q) = %s, reference %s", in, got, want)
	}
	if gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("ParseDecimal(%q): message %q, reference %q", in, gerr, werr)
	}
}

// The scanner reads exactly what the regular expressions read.
func TestParseDecimalMatchesTheReference(t *testing.T) {
	for _, in := range []string{"9,75", "9.75", " 9.75 ", "+1", "-0", "-0,0", "0.000", ".5", "5.", "-.5", "+.", ".", "",
		",5", "5,", "1.234,5", "1,234.5", "1e5", "1E-05", "1,5e+3", "1e", "1e1234", "1e+", "e5", "1.5.5", "1,5,5",
		"00012.3400", strings.Repeat("9", 40), strings.Repeat("9", 41), "0." + strings.Repeat("0", 99) + "1",
		"0." + strings.Repeat("0", 100) + "1", "1" + strings.Repeat("0", 99), "1" + strings.Repeat("0", 100), "１２", "1_000", "0x10", " - 5", "9,75 điểm",
		strings.Repeat("9", 200), "0,0" + strings.Repeat("0", 200) + "1", "1e" + strings.Repeat("9", 200), strings.Repeat("é", 100)} {
		sameParse(t, in)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789.,eE+- 0123456789"
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		sameParse(t, b.String())
	}
}

func FuzzParseDecimalMatchesTheReference(f *testing.F) {
	for _, s := range []string{"9,75", "1e-05", "1.234,5", "-.5", "00012.3400", "1,5E+3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { sameParse(t, in) })
}
