package decode

import (
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/lang"
)

// Limits of the numbers ParseDecimal accepts, in every file the program
// reads (score sheets, rulebooks, models, …). They bound the value, not the
// text, so that whatever ParseDecimal returns, its String() reads back: at
// most MaxDigits significant digits (leading and trailing zeros do not
// count), and no digit more than MaxPlaces places before or after the
// decimal point (the value is below 10^MaxPlaces in size, and has at most
// MaxPlaces decimals). Real scores have a handful of digits; the limits
// keep a hostile number (a million digits, 1e999999999) from costing
// seconds of parsing and arithmetic.
const (
	MaxDigits = 40
	MaxPlaces = 100
)

// DecimalError is a number ParseDecimal cannot read. Error() is its
// English text; Message returns it as a lang.Message, whose key is
// "fields.decimal" (not a number), "fields.decimal.digits" (more than
// MaxDigits significant digits) or "fields.decimal.places" (a digit more
// than MaxPlaces places from the decimal point), the same problems and
// words as a score sheet's cell.
type DecimalError struct {
	msg lang.Message
}

// Error writes the problem in English.
func (e *DecimalError) Error() string { return e.msg.In(lang.English) }

// Message returns the problem as a message.
func (e *DecimalError) Message() lang.Message { return e.msg }

// Text writes the problem in the language.
func (e *DecimalError) Text(t lang.Tag) string { return e.msg.In(t) }

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most MaxDigits (40) significant digits (leading and trailing
// zeros do not count) and no digit more than MaxPlaces (100) places before
// or after the decimal point; within those limits every value it returns
// reads back from its String().
//
// The grammar: an optional sign; digits, then optionally a decimal point
// and digits (either side may be empty, not both) or a decimal comma with
// digits on both sides; then optionally e or E, an optional sign and one to
// three digits. Surrounding spaces are ignored.
//
// The text is scanned once, and the limits checked, before any number is
// built: the time taken grows with the length of the text, never faster.
// Its error is a *DecimalError, which quotes the text once.
func ParseDecimal(s string) (decimal.Decimal, error) {
	x, m := parseDecimal(s, false)
	if !m.IsZero() {
		return decimal.Decimal{}, &DecimalError{m}
	}
	return x, nil
}

// parseDecimal is ParseDecimal, its problem as a message (zero if none).
// asWritten keeps the digits as written, as decimal.NewFromString does
// ("2.50" is 250 × 10^-2, "1e3" is 1 × 10^3), instead of the value's
// shortest form; then the written exponent must be within ±MaxPlaces too,
// so that no more than MaxPlaces decimals are kept, even zeros.
func parseDecimal(s string, asWritten bool) (decimal.Decimal, lang.Message) {
	bad := func(m lang.Message) (decimal.Decimal, lang.Message) { return decimal.Decimal{}, m }
	invalid := func() (decimal.Decimal, lang.Message) { return bad(lang.Msg("fields.decimal", strconv.Quote(s))) }
	t := strings.TrimSpace(s)
	i := 0
	neg := false
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		neg = t[i] == '-'
		i++
	}
	ws := i
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	whole, frac := t[ws:i], ""
	if i < len(t) && (t[i] == '.' || t[i] == ',') {
		comma := t[i] == ','
		i++
		fs := i
		for i < len(t) && isDigit(t[i]) {
			i++
		}
		frac = t[fs:i]
		if comma && (whole == "" || frac == "") {
			return invalid()
		}
	}
	if whole == "" && frac == "" {
		return invalid()
	}
	exp := 0
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		sign := 1
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			if t[i] == '-' {
				sign = -1
			}
			i++
		}
		es := i
		for i < len(t) && isDigit(t[i]) && i-es < 4 { // a fourth digit is refused below
			exp = exp*10 + int(t[i]-'0')
			i++
		}
		if i-es < 1 || i-es > 3 {
			return invalid()
		}
		exp *= sign
	}
	if i != len(t) {
		return invalid()
	}
	// The value is digits × 10^exp, digits without leading or trailing
	// zeros. The lengths of whole and frac are bounded by the text's, which
	// is bounded by the document's (MaxBytes): no overflow.
	digits := strings.TrimLeft(whole+frac, "0")
	exp -= len(frac)
	written, wexp := digits, exp // as written: with the trailing zeros
	// a written exponent beyond the limits, for asWritten
	tooFar := asWritten && (wexp < -MaxPlaces || wexp > MaxPlaces)
	if digits == "" {
		switch {
		case tooFar:
			return bad(lang.Msg("fields.decimal.places", strconv.Quote(s), MaxPlaces))
		case asWritten:
			return decimal.New(0, int32(wexp)), lang.Message{}
		}
		return decimal.Zero, lang.Message{}
	}
	n := len(digits)
	digits = strings.TrimRight(digits, "0")
	exp += n - len(digits)
	if len(digits) > MaxDigits {
		return bad(lang.Msg("fields.decimal.digits", strconv.Quote(s), MaxDigits))
	}
	if exp < -MaxPlaces || exp+len(digits) > MaxPlaces || tooFar {
		return bad(lang.Msg("fields.decimal.places", strconv.Quote(s), MaxPlaces))
	}
	if asWritten {
		// at most MaxDigits digits and the zeros after them, before the
		// point (MaxPlaces at most) or after it (MaxPlaces at most)
		digits, exp = written, wexp
		if exp > 0 {
			// kept, as NewFromString keeps it: 1e3 is 1 × 10^3
			return decimal.NewFromBigInt(bigDigits(digits, neg), int32(exp)), lang.Message{}
		}
	}
	if len(digits) <= 18 && exp <= 0 {
		// the common case: an int64 coefficient, no big.Int parsing
		var c int64
		for j := 0; j < len(digits); j++ {
			c = c*10 + int64(digits[j]-'0')
		}
		if neg {
			c = -c
		}
		return decimal.New(c, int32(exp)), lang.Message{}
	}
	c := bigDigits(digits, neg)
	if exp > 0 {
		// A whole number keeps the exponent 0, as decimal.NewFromString
		// gives it, so that String() never uses scientific notation.
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
		exp = 0
	}
	return decimal.NewFromBigInt(c, int32(exp)), lang.Message{}
}

// bigDigits returns the number the decimal digits (a few hundred at most)
// write, negated if neg.
func bigDigits(digits string, neg bool) *big.Int {
	c, _ := new(big.Int).SetString(digits, 10) // digits only: cannot fail
	if neg {
		c.Neg(c)
	}
	return c
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// decimalValue reads the decimal at node n (a decimal.Decimal field) as
// ParseDecimal does, within its limits, but keeping the digits as written,
// as decimal.Decimal's UnmarshalText did before ("2.50" keeps its two
// places), and records its problem at n.
func (d *Decoder) decimalValue(n *yaml.Node, path string, v reflect.Value) {
	if !d.scalar(n, path, lang.Msg("decode.want.single")) {
		return
	}
	x, m := parseDecimal(n.Value, true)
	if !m.IsZero() {
		d.Add(n, path, m)
		return
	}
	v.Set(reflect.ValueOf(x))
}
