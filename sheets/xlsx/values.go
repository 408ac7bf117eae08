package xlsx

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/sheets"
)

// excelNumber is a number as a worksheet stores it in a numeric cell:
// "9.75", "-0.5", "1E-3", "8.3000000000000007".
var excelNumber = regexp.MustCompile(`^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$`)

// significantDigits is the precision Excel keeps and shows: it stores a
// number as a binary double and writes it to the file with up to 17
// significant digits ("8.3000000000000007" for 8.3). Rounding what it
// wrote to 15 significant digits gives back what the user typed.
const significantDigits = 15

// maxPlaces bounds the digits of a number before or after its decimal
// point, as the CSV reader does.
const maxPlaces = 100

// parseNumber reads a cell's value as an exact decimal. A numeric cell is
// read from the digits stored in the file, rounded to Excel's 15
// significant digits; a text cell must hold a number written with a
// decimal point or a decimal comma ("9.75" or "9,75"), as in a CSV sheet.
func parseNumber(raw string, k cellKind) (decimal.Decimal, error) {
	s := strings.TrimSpace(raw)
	switch k {
	case kindBool:
		switch s {
		case "1":
			return decimal.NewFromInt(1), nil
		case "0":
			return decimal.Zero, nil
		}
	case kindError:
		return decimal.Decimal{}, newProblem(lang.Msg("xlsx.value.error", s))
	case kindDate:
		return decimal.Decimal{}, newProblem(lang.Msg("xlsx.value.date", s))
	case kindNumber:
		if len(s) <= 40 && excelNumber.MatchString(s) {
			d, err := decimal.NewFromString(s)
			if err == nil {
				d = excelPrecision(d)
				if e := int(d.Exponent()); e < -maxPlaces || e+len(d.Coefficient().String()) > maxPlaces {
					return decimal.Decimal{}, newProblem(lang.Msg("xlsx.value.range", s))
				}
				return d, nil
			}
		}
	}
	return sheets.ParseDecimal(s)
}

// excelPrecision rounds d to Excel's 15 significant digits.
func excelPrecision(d decimal.Decimal) decimal.Decimal {
	digits := len(d.Coefficient().String())
	if d.IsNegative() {
		digits-- // the sign
	}
	if digits <= significantDigits {
		return d
	}
	places := significantDigits - digits - int(d.Exponent())
	return d.Round(int32(places))
}

// parseCount reads a whole number of occurrences or votes.
func parseCount(raw string, k cellKind) (int, error) {
	d, err := parseNumber(raw, k)
	if err != nil || !d.IsInteger() || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1_000_000)) {
		return 0, fields.WholeNumberError(strings.TrimSpace(raw))
	}
	return int(d.IntPart()), nil
}

// parseBool reads a yes/no fact: có/không, true/false, yes/no, 1/0, x, đạt.
func parseBool(raw string, k cellKind) (bool, error) {
	s := strings.ToLower(clean(raw))
	if k == kindBool || k == kindNumber {
		switch s {
		case "1":
			return true, nil
		case "0":
			return false, nil
		}
	}
	if v, ok := fields.YesNo(s); ok {
		return v, nil
	}
	return false, newProblem(lang.Msg("xlsx.value.yes_no", strconv.Quote(strings.TrimSpace(raw))))
}

// isNotAssigned reports whether a criterion cell says the criterion is not
// assigned to the member (không được giao), as the CSV layout's "na".
func isNotAssigned(s string) bool { return fields.NotAssigned(s) }

// clean trims a text and normalises it to NFC, so that names typed with
// combining marks and with precomposed letters are the same.
func clean(s string) string { return fields.CleanText(s) }

// fold normalises a header or label for matching: NFC, lower case, runs of
// spaces (including non-breaking ones and line breaks) as one space, no
// trailing colon or full stop.
func fold(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), ":. ")
}

// displayWidth is the number of characters a text shows, not counting
// combining marks (for column widths).
func displayWidth(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
}

// viNumber writes a decimal the Vietnamese way, with a decimal comma, for
// texts meant to be read (hints, instructions).
func viNumber(d decimal.Decimal) string {
	return strings.Replace(d.String(), ".", ",", 1)
}
