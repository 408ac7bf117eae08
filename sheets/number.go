package sheets

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
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

func parseCount(s string) (int, error) {
	t := strings.TrimSpace(s)
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, fmt.Errorf("expected a whole number, found %q", s)
	}
	return n, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1", "có", "co", "đạt", "x":
		return true, nil
	case "false", "no", "0", "không", "khong", "không đạt":
		return false, nil
	}
	return false, fmt.Errorf("expected true or false (yes/no, có/không, 1/0), found %q", s)
}

func isNotAssigned(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "na", "n/a", "kgg", "không giao", "khong giao", "không được giao":
		return true
	}
	return false
}
