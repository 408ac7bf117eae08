// Package fields reads the values thidua's data files share, the same way
// in every format and package: numbers with a decimal point or a
// Vietnamese decimal comma (ParseDecimal), texts trimmed, with line breaks
// normalised and in Unicode NFC (CleanText), and the decode hooks that
// apply them to YAML and JSON documents. A value that cannot be read is an
// *Error, whose message can be written in Vietnamese or English.
package fields

import (
	"errors"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/lang"
)

// Error is a cell or value that could not be read. Error() is its English
// text; Message returns the same problem as a lang.Message, to be written
// in either language, whose Key is a stable code a program can switch on
// ("fields.decimal", "fields.whole_number", …) instead of matching the
// text. (internal/decode's Decoder.AddError takes the message of an error
// with a Message method, as this one.)
type Error struct {
	msg lang.Message
}

// Error writes the problem in English.
func (e *Error) Error() string { return e.msg.In(lang.English) }

// Message returns the problem as a message.
func (e *Error) Message() lang.Message { return e.msg }

// Text writes the problem in the language.
func (e *Error) Text(t lang.Tag) string { return e.msg.In(t) }

// MessageOf returns the message of err if err is (or wraps) an error with
// a method Message() lang.Message, such as *Error, whose English text is
// err's whole text; otherwise false (err says more than its message).
func MessageOf(err error) (lang.Message, bool) {
	var me interface{ Message() lang.Message }
	if errors.As(err, &me) {
		if m := me.Message(); m.In(lang.English) == err.Error() {
			return m, true
		}
	}
	return lang.Message{}, false
}

// WholeNumberError is the error of a cell that should hold a whole number
// (a count of occurrences or votes) and holds found instead: "expected a
// whole number, found "1.5"".
func WholeNumberError(found string) *Error {
	return &Error{lang.Msg("fields.whole_number", strconv.Quote(found))}
}

// YesNoError is the error of a cell that should hold a yes/no word (see
// YesNo) and holds found instead.
func YesNoError(found string) *Error {
	return &Error{lang.Msg("fields.yes_no", strconv.Quote(found))}
}

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

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most 40 significant digits (leading and trailing zeros do not
// count) and no digit more than 100 places before or after the decimal
// point; within those limits every value it returns reads back from its
// String().
//
// The grammar: an optional sign; digits, then optionally a decimal point
// and digits (either side may be empty, not both) or a decimal comma with
// digits on both sides; then optionally e or E, an optional sign and one to
// three digits. Surrounding spaces are ignored.
//
// Its error is an *Error: "fields.decimal", or "fields.decimal.digits" and
// "fields.decimal.places" for a number beyond the limits.
func ParseDecimal(s string) (decimal.Decimal, error) {
	bad := func(m lang.Message) (decimal.Decimal, error) {
		return decimal.Decimal{}, &Error{m}
	}
	invalid := func() (decimal.Decimal, error) { return bad(lang.Msg("fields.decimal", strconv.Quote(s))) }
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
		for i < len(t) && isDigit(t[i]) {
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
		return bad(lang.Msg("fields.decimal.digits", strconv.Quote(s), maxDigits))
	}
	if exp < -maxPlaces || exp+len(digits) > maxPlaces {
		return bad(lang.Msg("fields.decimal.places", strconv.Quote(s), maxPlaces))
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
		return decimal.New(c, int32(exp)), nil
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

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

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

// YesNo reads a yes/no word as thidua's files write facts: true, yes, 1,
// có, co, đạt, x; or false, no, 0, không, khong, không đạt (any case,
// surrounding spaces and Unicode forms ignored). ok is false for anything
// else.
func YesNo(s string) (value, ok bool) {
	switch strings.ToLower(CleanText(s)) {
	case "true", "yes", "1", "có", "co", "đạt", "x":
		return true, true
	case "false", "no", "0", "không", "khong", "không đạt":
		return false, true
	}
	return false, false
}

// NotAssigned reports whether a score cell says the criterion is not
// assigned to the member (không được giao): na, n/a, kgg, kđg, không giao,
// khong giao, không được giao.
func NotAssigned(s string) bool {
	switch strings.ToLower(CleanText(s)) {
	case "na", "n/a", "kgg", "kđg", "không giao", "khong giao", "không được giao":
		return true
	}
	return false
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
// point or comma. A number it cannot read is a problem with ParseDecimal's
// message.
func Decimal(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	if !d.Scalar(n, path, "a number") {
		return
	}
	x, err := ParseDecimal(n.Value)
	if err != nil {
		d.AddError(n, path, n.Value, err)
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
