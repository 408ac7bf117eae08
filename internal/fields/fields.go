// Package fields reads the values thidua's data files share, the same way
// in every format and package: numbers with a decimal point or a
// Vietnamese decimal comma (ParseDecimal), texts trimmed, with line breaks
// normalised and in Unicode NFC (CleanText), and the decode hooks that
// apply them to YAML and JSON documents. A value that cannot be read is an
// *Error, whose message can be written in Vietnamese or English.
package fields

import (
	"errors"
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

// Limits of the numbers ParseDecimal accepts: those of package decode,
// which reads every decimal of a YAML or JSON document the same way.
const (
	maxDigits = decode.MaxDigits
	maxPlaces = decode.MaxPlaces
)

// ParseDecimal reads a number written with a decimal point ("9.75") or, as
// in Vietnamese, a decimal comma ("9,75"), optionally with an exponent
// ("1e-05", "1,5E+3"). Thousands separators and anything else are refused,
// so that "1.234,5" is an error rather than a silent misreading. A number
// may have at most 40 significant digits (leading and trailing zeros do not
// count) and no digit more than 100 places before or after the decimal
// point; within those limits every value it returns reads back from its
// String(). It is decode.ParseDecimal (see there for the grammar), so that
// a score sheet's cell and a rulebook's number are read alike; the limits
// are checked before any number is built.
//
// Its error is an *Error: "fields.decimal", or "fields.decimal.digits" and
// "fields.decimal.places" for a number beyond the limits.
func ParseDecimal(s string) (decimal.Decimal, error) {
	x, err := decode.ParseDecimal(s)
	if err != nil {
		var de *decode.DecimalError
		if errors.As(err, &de) {
			return decimal.Decimal{}, &Error{de.Message()}
		}
		return decimal.Decimal{}, err
	}
	return x, nil
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
