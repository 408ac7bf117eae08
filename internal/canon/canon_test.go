package canon

import (
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// code is a TextMarshaler with a value receiver, written as its text.
type code struct{ a, b int }

func (c code) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d-%d", c.a, c.b), nil }

type point struct {
	X, Y   int
	Label  string
	hidden string
}

func TestText(t *testing.T) {
	one := 1
	var nilPtr *int
	cases := []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, "null"},
		{"a string is quoted", "say \"hi\"\n", `"say \"hi\"\n"`},
		{"a bool", true, "true"},
		{"signed integers", []any{int8(-8), int16(16), int32(-32), int64(64), -1}, "[-8,16,-32,64,-1]"},
		{"unsigned integers", []any{uint8(8), uint16(16), uint32(32), uint64(1 << 63), uint(0)}, "[8,16,32,9223372036854775808,0]"},
		{"a struct by exported field name, in declaration order", point{X: 1, Y: 2, Label: "p", hidden: "h"}, `{"X":1,"Y":2,"Label":"p"}`},
		{"a nil pointer", nilPtr, "null"},
		{"a pointer is its value", &one, "1"},
		{"a nil slice", []int(nil), "[]"},
		{"an empty slice is the same as a nil one", []int{}, "[]"},
		{"an array", [2]string{"a", "b"}, `["a","b"]`},
		{"a map in key order", map[string]int{"b": 2, "a": 1, "c": 3}, `{"a":1,"b":2,"c":3}`},
		{"an empty map", map[string]int{}, "{}"},
		{"a text marshaler as its quoted text", code{1, 2}, `"1-2"`},
		{"a pointer to a text marshaler", &code{3, 4}, `"3-4"`},
		{"a nil pointer to a text marshaler", (*code)(nil), "null"},
		{"a decimal as its quoted digits", decimal.RequireFromString("10.50"), `"10.5"`},
		{"a pointer to a decimal", ptr(decimal.RequireFromString("-0.25")), `"-0.25"`},
		{"an interface holding a value", []any{"a", 1, nil}, `["a",1,null]`},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is written "+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, Text(tc.v))
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestDecimalsAreWrittenByValue(t *testing.T) {
	groups := [][]string{
		{"10.5", "10.50", "10.500000", "1.05e1", "105e-1", "0.0105e3"},
		{"0", "0.00", "-0", "0e5", "-0.000"},
		{"100", "1e2", "100.0", "1000e-1"},
		{"-3.14", "-3.140", "-314e-2"},
	}
	seen := map[string]int{}
	for gi, g := range groups {
		want := Text(decimal.RequireFromString(g[0]))
		if prev, dup := seen[want]; dup {
			t.Errorf("groups %d and %d have the same text %s", prev, gi, want)
		}
		seen[want] = gi
		for _, s := range g[1:] {
			assert.Equal(t, want, Text(decimal.RequireFromString(s)), "%s written as %s", g[0], s)
		}
	}
}

func TestDifferentValuesHaveDifferentTexts(t *testing.T) {
	type ab struct{ A, B string }
	type ba struct{ B, A string }
	pairs := []struct {
		name string
		x, y any
	}{
		{"a comma inside a string is not a list separator", []string{"a,b"}, []string{"a", "b"}},
		{"a quote inside a string is escaped", []string{`a","b`}, []string{"a", "b"}},
		{"field names count", ab{"1", "2"}, ba{"1", "2"}},
		{"a nil pointer is not a pointer to zero", (*int)(nil), ptr(0)},
		{"a nil pointer is not the empty string", (*string)(nil), ptr("")},
		{"a number is not a string of its digits", 1, "1"},
		{"a decimal is not its neighbour", decimal.RequireFromString("0.1"), decimal.RequireFromString("0.10000000000000000001")},
		{"an empty slice is not a slice of one zero", []int{}, []int{0}},
		{"map values count", map[string]int{"a": 1}, map[string]int{"a": 2}},
		{"map keys count", map[string]int{"a": 1}, map[string]int{"b": 1}},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			assert.NotEqual(t, Text(p.x), Text(p.y))
			assert.NotEqual(t, Hash(p.x), Hash(p.y))
		})
	}
}

func TestMapOrderDoesNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]string, 200)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%03d-%c", r.IntN(1000), 'a'+rune(r.IntN(26)))
	}
	want := ""
	for round := range 20 {
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		m := map[string]int{}
		for _, k := range keys {
			m[k] = len(k) + int(k[1]) // the value depends on the key only
		}
		got := Text(m)
		if round == 0 {
			want = got
		}
		require.Equal(t, want, got)
	}
}

func TestMapKeysAreSorted(t *testing.T) {
	m := map[string]bool{"b": true, "a": false, "é": true, "B": false, "": true}
	assert.Equal(t, `{"":true,"B":false,"a":false,"b":true,"é":true}`, Text(m))
}

func TestHashIsSHA256OfText(t *testing.T) {
	v := map[string]any{"p": point{X: 1}, "d": decimal.RequireFromString("2.50")}
	sum := sha256.Sum256([]byte(Text(v)))
	assert.Equal(t, "sha256:"+hex.EncodeToString(sum[:]), Hash(v))
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, Hash(nil))
}

func TestUnsupportedKindsPanic(t *testing.T) {
	for name, v := range map[string]any{
		"a float":    1.5,
		"a channel":  make(chan int),
		"a function": func() {},
	} {
		t.Run(name+" panics", func(t *testing.T) {
			assert.Panics(t, func() { Text(v) })
		})
	}
}

func TestSortStrings(t *testing.T) {
	ks := []string{"c", "a", "b", "a"}
	order := []int{0, 1, 2, 3}
	sortStrings(ks, order)
	var got []string
	for _, i := range order {
		got = append(got, ks[i])
	}
	assert.Equal(t, []string{"a", "a", "b", "c"}, got)
	assert.Equal(t, []string{"c", "a", "b", "a"}, ks, "the keys themselves are not moved")
}

func TestDecimalTextIgnoresPackageSettings(t *testing.T) {
	// The package promises a form that does not depend on package-level
	// settings of the libraries involved. shopspring/decimal's String obeys
	// two: TrimTrailingZeros and UseScientificNotation.
	texts := func() (string, string, string) {
		return Text(decimal.RequireFromString("10.50")), Text(decimal.RequireFromString("1500")), Text(decimal.RequireFromString("1.5e3"))
	}
	a, b, c := texts()
	require.Equal(t, b, c, "1500 and 1.5e3 are the same number")

	saveTrim, saveSci := decimal.TrimTrailingZeros, decimal.UseScientificNotation
	defer func() { decimal.TrimTrailingZeros, decimal.UseScientificNotation = saveTrim, saveSci }()
	decimal.TrimTrailingZeros = false
	decimal.UseScientificNotation = true
	a2, b2, c2 := texts()
	decimal.TrimTrailingZeros, decimal.UseScientificNotation = saveTrim, saveSci

	require.True(t, a == a2 && b == b2 && c == c2, fmt.Sprintf(
		"canon.go writes decimals with Decimal.String, which follows decimal.TrimTrailingZeros and decimal.UseScientificNotation: "+
			"10.50 → %s vs %s, 1500 → %s vs %s, 1.5e3 → %s vs %s; so a program that sets them gets other hashes (and 1500 ≠ 1.5e3)", a, a2, b, b2, c, c2))
}

func TestMapsWithNonStringKeys(t *testing.T) {
	x, y := Text(map[int]string{1: "a"}), Text(map[int]string{2: "a"})
	require.NotEqual(t, x, y, fmt.Sprintf("canon.go writes a map key with reflect.Value.String, which is \"<int Value>\" for every int key: Text(map[int]string{1: \"a\"}) = %s = Text(map[int]string{2: \"a\"}), so their hashes are equal", x))
}

func TestNilTextMarshalerInterface(t *testing.T) {
	var v struct{ M encoding.TextMarshaler }
	var got string
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		got = Text(v)
		return false
	}()
	require.False(t, panicked, `canon.go write(): a nil interface field whose type implements TextMarshaler is converted with v.Interface().(encoding.TextMarshaler) and panics; check v.Kind() == reflect.Interface && v.IsNil() first`)
	assert.Equal(t, `{}`, got) // a nil field is absent, like every zero value
}

// A hash does not change when a later version adds an optional field that
// a document does not use: zero values are left out.
func TestAnUnusedNewFieldKeepsTheHash(t *testing.T) {
	type v1 struct {
		ID  string
		Max decimal.Decimal
	}
	type v2 struct {
		ID     string
		Max    decimal.Decimal
		Streak *struct{ Years int }
		Notes  []string
		Cap    decimal.Decimal
		Flag   bool
	}
	a := Hash(v1{ID: "x", Max: decimal.RequireFromString("10.50")})
	b := Hash(v2{ID: "x", Max: decimal.RequireFromString("10.5")})
	assert.Equal(t, a, b)
	c := Hash(v2{ID: "x", Max: decimal.RequireFromString("10.5"), Flag: true})
	assert.NotEqual(t, a, c, "a field that is given changes the hash")
}

func TestDecimalText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0", "0"},
		{"-0.000", "0"},
		{"0e7", "0"},
		{"10.50", "10.5"},
		{"1500", "1500"},
		{"1.5e3", "1500"},
		{"15e2", "1500"},
		{"-0.25", "-0.25"},
		{"0.001", "0.001"},
		{"1e-3", "0.001"},
		{"-1e2", "-100"},
		{"123.4500", "123.45"},
		{"12345e-2", "123.45"},
		{"1e20", "100000000000000000000"},
		{"0.000000000000000000012300", "0.0000000000000000000123"},
	}
	for _, tc := range cases {
		t.Run(tc.in+" is written "+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, decimalText(decimal.RequireFromString(tc.in)))
		})
	}
}

func TestDecimalTextIsStringAtDefaultSettings(t *testing.T) {
	// So that the hashes of rulebooks written before decimalText existed
	// (with Decimal.String at the default settings) did not change.
	require.True(t, decimal.TrimTrailingZeros)
	require.False(t, decimal.UseScientificNotation)
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		coef := r.Int64N(2_000_000_001) - 1_000_000_000
		if r.IntN(4) == 0 {
			coef *= 1000 // trailing zeros in the coefficient
		}
		d := decimal.New(coef, int32(r.IntN(41)-20))
		require.Equal(t, d.String(), decimalText(d), "%d × 10^%d", coef, d.Exponent())
	}
}

func TestMapKeysOfOtherKinds(t *testing.T) {
	cases := []struct {
		name string
		v    any
		want string
	}{
		{"int keys in numeric order", map[int]string{10: "a", 2: "b", -1: "c"}, `{-1:"c",2:"b",10:"a"}`},
		{"unsigned keys in numeric order", map[uint8]bool{200: true, 9: false}, `{9:false,200:true}`},
		{"bool keys, false first", map[bool]int{true: 1, false: 0}, `{false:0,true:1}`},
		{"text marshaler keys by their text", map[code]int{{2, 1}: 1, {1, 2}: 2}, `{"1-2":2,"2-1":1}`},
		{"mixed keys: strings, then numbers, then the rest", map[any]int{true: 3, 2: 2, "b": 1, nil: 0}, `{"b":1,2:2,true:3,null:0}`},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is written "+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, Text(tc.v))
		})
	}
	assert.NotEqual(t, Text(map[int]int{1: 1}), Text(map[string]int{"1": 1}), "a number key is not a string key")
}

func TestMapKeysWithTheSameTextHaveAStableOrder(t *testing.T) {
	// int8(1) and int64(1) are different keys of a map[any] with the same
	// text; the values decide their order, not the map's iteration order.
	want := `{1:"a",1:"b"}`
	for range 50 {
		m := map[any]string{int8(1): "b", int64(1): "a"}
		require.Equal(t, want, Text(m))
	}
}

func TestNilTextMarshalersAreNull(t *testing.T) {
	var nilCode *code
	v := []encoding.TextMarshaler{nil, code{1, 2}, nilCode}
	assert.Equal(t, `[null,"1-2",null]`, Text(v))
}
