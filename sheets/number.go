package sheets

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

var decimalComma = regexp.MustCompile(`^[+-]?[0-9]+,[0-9]+$`)
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"). Thousands separators, exponents
// and anything else are refused, so that "1.234,5" is an error rather than a
// silent misreading.
func ParseDecimal(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if decimalComma.MatchString(t) {
		t = strings.Replace(t, ",", ".", 1)
	}
	if !plainNumber.MatchString(t) || len(t) > 40 {
		return decimal.Decimal{}, fmt.Errorf("expected a number like 9.75 or 9,75, found %q", s)
	}
	return decimal.NewFromString(t)
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
