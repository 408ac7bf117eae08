// Package canon writes a canonical text form of Go values and hashes it, so
// that a rulebook or a score sheet has a content hash that does not depend on
// file formatting, key order, trailing zeros or package-level settings of the
// libraries involved.
//
// The form is JSON-like: structs as {"Field":value,…} in declaration order
// (exported fields only), slices and arrays as […], maps as {key:value,…} in
// key order, strings quoted, nil as null. A decimal is written from its
// coefficient and exponent, in plain notation without trailing zeros
// ("10.5", "1500", "-0.25"), whatever decimal.TrimTrailingZeros and
// decimal.UseScientificNotation say. A value with a MarshalText method is its
// quoted text.
package canon

import (
	"cmp"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	textMarshal = reflect.TypeFor[encoding.TextMarshaler]()
)

// Hash returns "sha256:" and the hex digest of v's canonical form.
func Hash(v any) string {
	var b strings.Builder
	write(&b, reflect.ValueOf(v))
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Text returns v's canonical form (for tests and debugging).
func Text(v any) string {
	var b strings.Builder
	write(&b, reflect.ValueOf(v))
	return b.String()
}

func write(b *strings.Builder, v reflect.Value) {
	if !v.IsValid() {
		b.WriteString("null")
		return
	}
	if v.Type() == decimalType {
		b.WriteString(strconv.Quote(decimalText(v.Interface().(decimal.Decimal))))
		return
	}
	// A pointer or an interface is written through (below): it may be nil,
	// and then it has no text to marshal.
	if k := v.Kind(); k != reflect.Pointer && k != reflect.Interface && v.Type().Implements(textMarshal) {
		t, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("canon: %v", err))
		}
		b.WriteString(strconv.Quote(string(t)))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		write(b, v.Elem())
	case reflect.Struct:
		b.WriteByte('{')
		t := v.Type()
		first := true
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || absent(v.Field(i)) {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(strconv.Quote(f.Name))
			b.WriteByte(':')
			write(b, v.Field(i))
		}
		b.WriteByte('}')
	case reflect.Slice, reflect.Array:
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.Map:
		writeMap(b, v)
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	default:
		panic("canon: unsupported kind " + v.Kind().String())
	}
}

// decimalText writes d in plain notation, computed from its coefficient and
// exponent with the coefficient's trailing zeros stripped: 10.50 → "10.5",
// 1.5e3 → "1500", -0.000 → "0". It depends on no package-level setting.
func decimalText(d decimal.Decimal) string {
	digits := d.Coefficient().String()
	sign := ""
	if digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	if digits == "0" {
		return "0"
	}
	trimmed := strings.TrimRight(digits, "0")
	exp := int(d.Exponent()) + len(digits) - len(trimmed)
	digits = trimmed
	switch {
	case exp >= 0:
		return sign + digits + strings.Repeat("0", exp)
	case -exp < len(digits):
		point := len(digits) + exp
		return sign + digits[:point] + "." + digits[point:]
	default:
		return sign + "0." + strings.Repeat("0", -exp-len(digits)) + digits
	}
}

// writeMap writes a map as {key:value,…} in key order: strings by their
// bytes, numbers by value, false before true; keys of other kinds (and of
// different kinds, in a map[any]…) by their canonical text, then by value.
func writeMap(b *strings.Builder, v reflect.Value) {
	type entry struct {
		key        reflect.Value
		text, elem string // canonical texts of the key and the value
	}
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		entries = append(entries, entry{key: it.Key(), text: textOf(it.Key()), elem: textOf(it.Value())})
	}
	if v.Type().Key().Kind() == reflect.String {
		ks := make([]string, len(entries))
		order := make([]int, len(entries))
		for i, e := range entries {
			ks[i], order[i] = e.key.String(), i
		}
		sortStrings(ks, order)
		sorted := make([]entry, len(entries))
		for j, i := range order {
			sorted[j] = entries[i]
		}
		entries = sorted
	} else {
		slices.SortFunc(entries, func(x, y entry) int {
			return cmp.Or(compareKeys(x.key, y.key), strings.Compare(x.text, y.text), strings.Compare(x.elem, y.elem))
		})
	}
	b.WriteByte('{')
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.text)
		b.WriteByte(':')
		b.WriteString(e.elem)
	}
	b.WriteByte('}')
}

func textOf(v reflect.Value) string {
	var b strings.Builder
	write(&b, v)
	return b.String()
}

// keyClass orders map keys of different kinds: strings, signed numbers,
// unsigned numbers, booleans, then everything else (0 to 4).
func keyClass(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return 1
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return 2
	case reflect.Bool:
		return 3
	}
	return 4
}

// compareKeys orders two map keys by class and then by value; keys of the
// last class compare equal here and are ordered by their text.
func compareKeys(x, y reflect.Value) int {
	if x.Kind() == reflect.Interface && !x.IsNil() {
		x = x.Elem()
	}
	if y.Kind() == reflect.Interface && !y.IsNil() {
		y = y.Elem()
	}
	cx, cy := keyClass(x), keyClass(y)
	if cx != cy {
		return cmp.Compare(cx, cy)
	}
	switch cx {
	case 0:
		return strings.Compare(x.String(), y.String())
	case 1:
		return cmp.Compare(x.Int(), y.Int())
	case 2:
		return cmp.Compare(x.Uint(), y.Uint())
	case 3:
		return cmp.Compare(boolInt(x.Bool()), boolInt(y.Bool()))
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sortStrings orders the indices in order by ks[order[i]], stably, without
// moving the keys themselves.
func sortStrings(ks []string, order []int) {
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(ks[i], ks[j]) })
}

// absent reports whether a field holds nothing — a nil pointer, an empty
// slice, map or string, false, zero, a zero decimal, a zero struct — and is
// therefore left out of the canonical form. In the documents thidua hashes
// an optional field that is not given is its zero value, so leaving zero
// values out keeps a hash unchanged when a later version adds an optional
// field that a document does not use.
func absent(v reflect.Value) bool {
	switch {
	case v.Type() == decimalType:
		return v.Interface().(decimal.Decimal).IsZero()
	case v.Kind() == reflect.Slice || v.Kind() == reflect.Map:
		return v.Len() == 0
	case v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface:
		return v.IsNil()
	}
	return v.IsZero()
}
