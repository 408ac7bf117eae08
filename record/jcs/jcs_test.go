package jcs

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/thidua/thidua/lang"
)

// TestRFC8785 canonicalises the examples of RFC 8785 §3.2.2 (whitespace,
// literals, numbers, strings) and §3.2.3 (sorting by UTF-16 code units).
func TestRFC8785(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"§3.2.2", `{
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`, `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`},
		{"§3.2.3", `{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`, "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"},
		{"nested", `{"b": [{"z":1,"a":2}], "a": {}}`, `{"a":{},"b":[{"a":2,"z":1}]}`},
		{"escapes kept minimal", `"<>&\u2028\u007f\u001f"`, "\"<>&\u2028\u007f\\u001f\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonicalize([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestRFC8785Sorting checks the bytes RFC 8785 §3.2.3 gives for the sorted
// example's names.
func TestRFC8785Sorting(t *testing.T) {
	names := []string{"\u20ac", "\r", "\ufb33", "1", "\U0001F600", "\u0080", "\u00f6"}
	var ms []Member
	for _, n := range names {
		ms = append(ms, Member{Name: n, Value: Value{}})
	}
	got := string(Append(nil, Obj(ms...)))
	want := `{"\r":null,"1":null,"` + "\u0080" + `":null,"ö":null,"€":null,"😀":null,"` + "\ufb33" + `":null}`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNumbers checks the number serialisations of RFC 8785 Appendix B.
func TestNumbers(t *testing.T) {
	for _, tc := range []struct{ bits, want string }{
		{"0000000000000000", "0"},
		{"8000000000000000", "0"},
		{"0000000000000001", "5e-324"},
		{"8000000000000001", "-5e-324"},
		{"7fefffffffffffff", "1.7976931348623157e+308"},
		{"ffefffffffffffff", "-1.7976931348623157e+308"},
		{"4340000000000000", "9007199254740992"},
		{"c340000000000000", "-9007199254740992"},
		{"4430000000000000", "295147905179352830000"},
		{"44b52d02c7e14af5", "9.999999999999997e+22"},
		{"44b52d02c7e14af6", "1e+23"},
		{"44b52d02c7e14af7", "1.0000000000000001e+23"},
		{"444b1ae4d6e2ef4e", "999999999999999700000"},
		{"444b1ae4d6e2ef4f", "999999999999999900000"},
		{"444b1ae4d6e2ef50", "1e+21"},
		{"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
		{"3eb0c6f7a0b5ed8d", "0.000001"},
		{"41b3de4355555553", "333333333.3333332"},
		{"41b3de4355555554", "333333333.33333325"},
		{"41b3de4355555555", "333333333.3333333"},
		{"41b3de4355555556", "333333333.3333334"},
		{"41b3de4355555557", "333333333.33333343"},
		{"becbf647612f3696", "-0.0000033333333333333333"},
		{"43143ff3c1cb0959", "1424953923781206.2"},
	} {
		b, _ := hex.DecodeString(tc.bits)
		var u uint64
		for _, x := range b {
			u = u<<8 | uint64(x)
		}
		if got := FormatNumber(math.Float64frombits(u)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.bits, got, tc.want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := FormatNumber(f); got != "null" {
			t.Errorf("%v: got %s", f, got)
		}
	}
}

// TestRefused: what is not I-JSON is refused, with its place.
func TestRefused(t *testing.T) {
	for _, tc := range []struct{ in, key string }{
		{`{"a":1,"a":2}`, "record.json.duplicate"},
		{`"\ud800"`, "record.json.surrogate"},
		{`"\udc00\ud800"`, "record.json.surrogate"},
		{"\"\xff\"", "record.json.utf8"},
		{"\"a\nb\"", "record.json.control"},
		{`1e400`, "record.json.number"},
		{`01`, "record.json.trailing"},
		{`[1,]`, "record.json.unexpected"},
		{`{"a" 1}`, "record.json.unexpected"},
		{`"\x"`, "record.json.escape"},
		{`"\u12"`, "record.json.escape"},
		{`[`, "record.json.eof"},
		{``, "record.json.eof"},
		{`nul`, "record.json.unexpected"},
		{`{} {}`, "record.json.trailing"},
		{strings.Repeat("[", MaxDepth+1), "record.json.depth"},
	} {
		_, err := Parse([]byte(tc.in))
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: got %v, want a SyntaxError", tc.in, err)
			continue
		}
		if se.Message.Key != tc.key {
			t.Errorf("%q: got %s (%v), want %s", tc.in, se.Message.Key, se, tc.key)
		}
		for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
			if text := se.Text(tag); strings.ContainsAny(text, "{}‹") && !strings.Contains(tc.in, "{") {
				t.Errorf("%q: %q", tc.in, text)
			}
		}
	}
	_, err := Parse([]byte("{\n  \"a\": 1,\n  \"a\": 2}"))
	if se := err.(*SyntaxError); se.Line != 3 || se.Column != 3 {
		t.Errorf("duplicate at %d:%d, want 3:3", se.Line, se.Column)
	}
}

// FuzzCanonicalize: whatever Parse accepts, encoding/json accepts too, the
// canonical form is a fixed point, and it means the same as the input.
func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{`{"b":[1,2.5e3,"x"],"a":null}`, `"\u20ac\ud83d\ude00"`, `[true,false,-0,1e-7]`, `{"":{}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Canonicalize(data)
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted what encoding/json refuses: %q", data)
		}
		c2, err := Canonicalize(c)
		if err != nil || string(c2) != string(c) {
			t.Fatalf("not a fixed point: %q → %q (%v)", c, c2, err)
		}
		var a, b any
		if json.Unmarshal(data, &a) != nil || json.Unmarshal(c, &b) != nil {
			t.Fatalf("cannot reread %q", c)
		}
		if !reflect.DeepEqual(a, b) { // -0 == 0, as JCS writes it
			t.Fatalf("meaning changed: %q → %q", data, c)
		}
	})
}
