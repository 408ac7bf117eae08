package sheets

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/fields"
)

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most 40 significant digits (leading and trailing zeros do not
// count) and no digit more than 100 places before or after the decimal
// point; within those limits every value it returns reads back from its
// String().
func ParseDecimal(s string) (decimal.Decimal, error) { return fields.ParseDecimal(s) }

func parseCount(s string) (int, error) {
	t := strings.TrimSpace(s)
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, fields.WholeNumberError(s)
	}
	return n, nil
}

func parseBool(s string) (bool, error) {
	if v, ok := fields.YesNo(s); ok {
		return v, nil
	}
	return false, fields.YesNoError(s)
}

func isNotAssigned(s string) bool { return fields.NotAssigned(s) }
