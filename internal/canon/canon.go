// Package canon writes a canonical text form of Go values and hashes it, so
// that a rulebook or a score sheet has a content hash that does not depend on
// file formatting, key order, trailing zeros or package-level settings of the
// libraries involved.
package canon

import (
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"fmt"
	"reflect"
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
		b.WriteString(strconv.Quote(v.Interface().(decimal.Decimal).String()))
		return
	}
	if v.Type().Implements(textMarshal) && v.Kind() != reflect.Pointer {
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
			if !f.IsExported() {
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
		keys := v.MapKeys()
		ks := make([]string, len(keys))
		for i, k := range keys {
			ks[i] = k.String()
		}
		order := make([]int, len(ks))
		for i := range order {
			order[i] = i
		}
		sortStrings(ks, order)
		b.WriteByte('{')
		for j, i := range order {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(ks[i]))
			b.WriteByte(':')
			write(b, v.MapIndex(keys[i]))
		}
		b.WriteByte('}')
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

func sortStrings(ks []string, order []int) {
	// insertion sort: maps here are small
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && ks[order[j]] < ks[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}
