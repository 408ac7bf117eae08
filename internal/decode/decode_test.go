package decode

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/lang"
)

type inner struct {
	Name string `yaml:"name"`
	N    int    `yaml:"n"`
}

// pair is decoded by a hook: a word, or a one-key mapping.
type pair struct{ Key, Value string }

// upper is a TextUnmarshaler that refuses lower-case text.
type upper string

func (u *upper) UnmarshalText(b []byte) error {
	if strings.ToUpper(string(b)) != string(b) {
		return fmt.Errorf("expected capitals, found %q", b)
	}
	*u = upper(b)
	return nil
}

type sample struct {
	Text   string           `yaml:"text"`
	Count  int              `yaml:"count"`
	Small  int32            `yaml:"small"`
	Big    int64            `yaml:"big"`
	Flag   bool             `yaml:"flag"`
	Ptr    *int             `yaml:"ptr"`
	Dec    decimal.Decimal  `yaml:"dec"`
	DecPtr *decimal.Decimal `yaml:"dec_ptr"`
	List   []inner          `yaml:"list"`
	Words  []string         `yaml:"words"`
	Map    map[string]int   `yaml:"map"`
	Inner  inner            `yaml:"inner"`
	Opt    *inner           `yaml:"opt"`
	Pairs  []pair           `yaml:"pairs"`
	Up     upper            `yaml:"up"`
	Named  string           `yaml:"named,omitempty"`
	Skip   string           `yaml:"-"`
	NoTag  string
	//lint:ignore U1000 an unexported field is here to show it is not decodable
	hidden string `yaml:"hidden"`
}

func pairHook(d *Decoder, n *yaml.Node, path string, v reflect.Value) {
	p := v.Addr().Interface().(*pair)
	switch n.Kind {
	case yaml.ScalarNode:
		p.Key = n.Value
	case yaml.MappingNode:
		if len(n.Content) != 2 || !d.Scalar(n.Content[1], path, "a value") {
			if len(n.Content) != 2 {
				d.Addf(n, path, "one key only")
			}
			return
		}
		p.Key, p.Value = n.Content[0].Value, n.Content[1].Value
	default:
		d.Addf(n, path, "a word or one key")
	}
}

func newDecoder() *Decoder {
	d := New()
	d.Hooks = map[reflect.Type]Hook{reflect.TypeFor[pair](): pairHook}
	return d
}

// decode parses text, which must be a document, into a sample.
func decode(t *testing.T, text string) (sample, *Decoder) {
	t.Helper()
	root, p := Parse([]byte(text))
	require.Nil(t, p, "Parse: %v", p)
	d := newDecoder()
	var s sample
	d.Decode(root, "", &s)
	checkTexts(t, d)
	return s, d
}

func TestDecodeEveryKind(t *testing.T) {
	text := `text: héllo
count: -42
small: 2147483647
big: 9223372036854775807
flag: true
ptr: 7
dec: 10.50
dec_ptr: 0
list:
  - {name: a, n: 1}
  - name: b
words: [x, "y", 'z']
map: {one: 1, two: 2}
inner: {name: in}
opt: {n: 3}
pairs: [word, {key: value}]
up: ABC
named: yes
`
	s, d := decode(t, text)
	require.Empty(t, d.Problems)
	require.NoError(t, d.Err())
	ptr, zero := 7, decimal.Zero
	want := sample{
		Text: "héllo", Count: -42, Small: 2147483647, Big: 9223372036854775807, Flag: true,
		Ptr: &ptr, Dec: decimal.RequireFromString("10.50"), DecPtr: &zero,
		List:  []inner{{Name: "a", N: 1}, {Name: "b"}},
		Words: []string{"x", "y", "z"}, Map: map[string]int{"one": 1, "two": 2},
		Inner: inner{Name: "in"}, Opt: &inner{N: 3},
		Pairs: []pair{{Key: "word"}, {Key: "key", Value: "value"}},
		Up:    "ABC", Named: "yes",
	}
	assert.Equal(t, want.Text, s.Text)
	assert.Equal(t, want.Count, s.Count)
	assert.Equal(t, want.Small, s.Small)
	assert.Equal(t, want.Big, s.Big)
	assert.True(t, s.Flag)
	require.NotNil(t, s.Ptr)
	assert.Equal(t, 7, *s.Ptr)
	assert.Equal(t, "10.5", s.Dec.String())
	assert.Equal(t, int32(-2), s.Dec.Exponent(), "the digits are kept as written")
	require.NotNil(t, s.DecPtr)
	assert.True(t, s.DecPtr.IsZero())
	assert.Equal(t, want.List, s.List)
	assert.Equal(t, want.Words, s.Words)
	assert.Equal(t, want.Map, s.Map)
	assert.Equal(t, want.Inner, s.Inner)
	assert.Equal(t, want.Opt, s.Opt)
	assert.Equal(t, want.Pairs, s.Pairs)
	assert.Equal(t, want.Up, s.Up)
	assert.Equal(t, "yes", s.Named, "a string field keeps the text, even a YAML 1.1 boolean")
}

func TestDecodeNulls(t *testing.T) {
	s, d := decode(t, "ptr: null\ndec_ptr: ~\nopt:\nlist: null\nwords:\n")
	require.Empty(t, d.Problems)
	assert.Nil(t, s.Ptr)
	assert.Nil(t, s.DecPtr)
	assert.Nil(t, s.Opt)
	assert.Nil(t, s.List)
	assert.Nil(t, s.Words)
}

func TestDecodeProblems(t *testing.T) {
	cases := []struct {
		name string
		text string // the offending node is on the line marked "#<"
		path string
		msg  string
	}{
		{"a misspelt key is unknown, with a suggestion", "txet: a #<", "txet", `unknown key "txet" (did you mean "text"?) (known keys: big, count, dec, dec_ptr, flag, inner, list, map, named, opt, pairs, ptr, small, text, up, words)`},
		{"a key far from every known key has no suggestion", "zzzzzz: 1 #<", "zzzzzz", `unknown key "zzzzzz" (known keys:`},
		{"a key of a field without a yaml tag is unknown", "NoTag: x #<", "NoTag", `unknown key "NoTag"`},
		{"a key of a field tagged - is unknown", "Skip: x #<", "Skip", `unknown key "Skip"`},
		{"a key of an unexported field is unknown", "hidden: x #<", "hidden", `unknown key "hidden"`},
		{"an unknown key in a list item has its path", "list:\n  - {name: a}\n  - {nmae: b} #<", "list[1].nmae", `unknown key "nmae" (did you mean "name"?)`},
		{"an unknown key in a nested mapping has its path", "inner:\n  n: 1\n  m: 2 #<", "inner.m", `unknown key "m" (did you mean "n"?)`},
		{"a duplicate key names the first", "text: a\ncount: 1\ntext: b #<", "text", "duplicate key (first given on line 1)"},
		{"a word where a number belongs", "count: many #<", "count", `expected a whole number, found "many"`},
		{"a fraction where a whole number belongs", "count: 1.0 #<", "count", `expected a whole number, found "1.0"`},
		{"a hexadecimal number is not read as a whole number", "count: 0x10 #<", "count", `expected a whole number, found "0x10"`},
		{"a number too big for 32 bits", "small: 2147483648 #<", "small", `expected a whole number, found "2147483648"`},
		{"a number too big for 64 bits", "big: 9223372036854775808 #<", "big", "expected a whole number"},
		{"yes is not true", "flag: yes #<", "flag", `expected true or false, found "yes"`},
		{"a list where a flag belongs", "flag: [true] #<", "flag", "expected true or false, found a list"},
		{"a mapping where text belongs", "text: {a: b} #<", "text", "expected a text, found a mapping"},
		{"a mapping where a list belongs", "words: {a: b} #<", "words", "expected a list, found a mapping"},
		{"a scalar where a list belongs", "words: x #<", "words", `expected a list, found "x"`},
		{"a list where a mapping belongs", "inner: [1] #<", "inner", "expected a mapping of keys to values, found a list"},
		{"a scalar where a mapping belongs", "inner: x #<", "inner", `expected a mapping of keys to values, found "x"`},
		{"a list where a map belongs", "map: [1] #<", "map", "expected a mapping of keys to values, found a list"},
		{"a bad value inside a map", "map: {a: 1, b: x} #<", "map.b", `expected a whole number, found "x"`},
		{"a malformed decimal", "dec: 1.5.5 #<", "dec", `expected a number like 9.75 or 9,75, found "1.5.5"`},
		{"a list where a decimal belongs", "dec: [1] #<", "dec", "expected a single value, found a list"},
		{"a rejected text value", "up: abc #<", "up", `expected capitals, found "abc"`},
		{"an anchor", "inner: &a {n: 1} #<", "inner", "anchors and aliases are not supported"},
		{"an alias", "inner: &a {n: 1}\nopt: *a #<", "opt", "anchors and aliases are not supported"},
		{"a hook's own problem", "pairs: [a, {b: c, d: e}] #<", "pairs[1]", "one key only"},
		{"a hook's scalar check", "pairs:\n  - {b: [c]} #<", "pairs[0]", "expected a value, found a list"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, d := decode(t, tc.text)
			var found *Problem
			for i := range d.Problems {
				if d.Problems[i].Path == tc.path {
					found = &d.Problems[i]
					break
				}
			}
			require.NotNil(t, found, "no problem at %q: %v", tc.path, d.Problems)
			assert.Contains(t, found.Msg, tc.msg)
			wantLine := 0
			for i, l := range strings.Split(tc.text, "\n") {
				if strings.Contains(l, "#<") {
					wantLine = i + 1
				}
			}
			assert.Equal(t, wantLine, found.Line)
			assert.Positive(t, found.Column)
		})
	}
}

func TestDecodeReportsPositionOfTheOffendingNode(t *testing.T) {
	_, d := decode(t, "inner:\n  name: x\n  nme: y\nlist:\n  - {n: one}\n")
	require.Len(t, d.Problems, 2)
	assert.Equal(t, Problem{Line: 3, Column: 3, Path: "inner.nme", Msg: d.Problems[0].Msg,
		Message: lang.Msg("decode.unknown_key.suggest", `"nme"`, `"name"`, "n, name")}, d.Problems[0], "the key")
	assert.Equal(t, Problem{Line: 5, Column: 9, Path: "list[0].n", Msg: `expected a whole number, found "one"`,
		Message: lang.Msg("decode.expected_value", `"one"`).With(lang.Msg("decode.want.int"))}, d.Problems[1], "the value")
}

func TestDecodeGoesOnAfterAProblem(t *testing.T) {
	s, d := decode(t, "count: x\ntext: kept\nflag: maybe\nbogus: 1\nwords: [a]\n")
	var paths []string
	for _, p := range d.Problems {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"count", "flag", "bogus"}, paths, "every problem, in document order")
	assert.Equal(t, "kept", s.Text)
	assert.Equal(t, []string{"a"}, s.Words)
	err := d.Err()
	require.Error(t, err)
	assert.Equal(t, 3, strings.Count(err.Error(), "\n")+1)
	assert.Contains(t, err.Error(), `line 1: count: expected a whole number, found "x"`)
}

func TestDuplicateKeyKeepsTheFirst(t *testing.T) {
	s, d := decode(t, "text: first\ntext: second\n")
	require.Len(t, d.Problems, 1)
	assert.Equal(t, "first", s.Text)
}

func TestLine(t *testing.T) {
	text := "text: a\nlist:\n  - name: x\n    n: 1\n  - n: 2\ninner:\n  name: y\n"
	_, d := decode(t, text)
	require.Empty(t, d.Problems)
	cases := []struct {
		path       string
		line, col  int
		recordedAs string
	}{
		{"text", 1, 7, "text"},
		{"list", 3, 3, "list"},
		{"list[0]", 3, 5, "list[0]"},
		{"list[0].n", 4, 8, "list[0].n"},
		{"list[1].name", 5, 5, "list[1]: missing, so its mapping"},
		{"inner.name", 7, 9, "inner.name"},
		{"inner.nothing.deeper", 7, 3, "inner: the longest recorded prefix"},
		{"list[7].name", 3, 3, "list: the item does not exist"},
		{"nowhere", 1, 1, "the document"},
		{"", 1, 1, "the document"},
	}
	for _, tc := range cases {
		t.Run(tc.path+" is found at "+tc.recordedAs, func(t *testing.T) {
			l, c := d.Line(tc.path)
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{l, c})
		})
	}
	assert.True(t, d.Has("list[0].n"))
	assert.False(t, d.Has("list[1].name"))
	l, c := New().Line("anything")
	assert.Equal(t, [2]int{0, 0}, [2]int{l, c}, "a decoder that has seen nothing knows no lines")
}

func TestParse(t *testing.T) {
	t.Run("a mapping document returns its root mapping", func(t *testing.T) {
		root, p := Parse([]byte("a: 1\n"))
		require.Nil(t, p)
		assert.Equal(t, yaml.MappingNode, root.Kind)
	})
	t.Run("a byte-order mark is skipped", func(t *testing.T) {
		root, p := Parse([]byte("\uFEFFa: 1\n"))
		require.Nil(t, p)
		assert.Equal(t, "a", root.Content[0].Value)
		assert.Equal(t, 1, root.Content[0].Column)
	})
	for name, text := range map[string]string{"nothing": "", "blank lines": "\n \n", "a comment": "# x\n", "a byte-order mark": "\uFEFF"} {
		t.Run("a document of "+name+" is empty", func(t *testing.T) {
			root, p := Parse([]byte(text))
			assert.Nil(t, root)
			require.NotNil(t, p)
			checkText(t, *p)
			assert.Equal(t, Problem{Line: 1, Msg: "document is empty", Message: lang.Msg("decode.empty")}, *p)
		})
	}
	t.Run("a syntax error gives its line without the yaml: prefix", func(t *testing.T) {
		_, p := Parse([]byte("a: 1\nb: [\n"))
		require.NotNil(t, p)
		checkText(t, *p)
		assert.GreaterOrEqual(t, p.Line, 2)
		assert.NotContains(t, p.Msg, "yaml:")
		assert.NotContains(t, p.Msg, "line ")
		assert.NotEmpty(t, p.Msg)
	})
	t.Run("a syntax error on line 1 says so", func(t *testing.T) {
		_, p := Parse([]byte("a: b: c\n"))
		require.NotNil(t, p)
		assert.Equal(t, 1, p.Line)
	})
	t.Run("a document over the limit is refused before parsing", func(t *testing.T) {
		_, p := Parse(make([]byte, MaxBytes+1))
		require.NotNil(t, p)
		assert.Contains(t, p.Msg, fmt.Sprint(MaxBytes))
		_, p = Parse([]byte("a: 1\n" + strings.Repeat("#", MaxBytes-5)))
		assert.Nil(t, p, "a document of exactly the limit is read")
	})
}

func TestTooManyNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a document of a million nodes")
	}
	text := "words: [" + strings.Repeat("a,", maxNodes) + "a]\n"
	root, p := Parse([]byte(text))
	require.Nil(t, p)
	d := newDecoder()
	var s sample
	d.Decode(root, "", &s)
	require.Len(t, d.Problems, 1)
	assert.Contains(t, d.Problems[0].Msg, fmt.Sprintf("more than %d nodes", maxNodes))
	checkText(t, d.Problems[0])
	assert.Equal(t, "dòng 1: words[999998]: tài liệu có hơn 1000000 nút", d.Problems[0].Text(lang.Vietnamese))
}

func TestProblemString(t *testing.T) {
	assert.Equal(t, "line 3: a.b: bad", Problem{Line: 3, Column: 4, Path: "a.b", Msg: "bad"}.String())
	assert.Equal(t, "line 1: document is empty", Problem{Line: 1, Msg: "document is empty"}.String())
	assert.NoError(t, New().Err())
}

func TestProgrammerErrorsPanic(t *testing.T) {
	root, _ := Parse([]byte("a: 1\n"))
	assert.Panics(t, func() { New().Decode(root, "", sample{}) }, "not a pointer")
	assert.Panics(t, func() { New().Decode(root, "", (*sample)(nil)) }, "a nil pointer")
	// a field of a kind the decoder does not handle is reported, not a
	// panic (see TestUnsignedAndUnsupported): no document can crash a program
	assert.Panics(t, func() {
		var v struct {
			A map[int]int `yaml:"a"`
		}
		r, _ := Parse([]byte("a: {1: 2}\n"))
		New().Decode(r, "", &v)
	}, "a map with non-string keys")
}

func TestAddfWithoutNode(t *testing.T) {
	d := New()
	d.Addf(nil, "x", "problem %d", 1)
	assert.Equal(t, []Problem{{Path: "x", Msg: "problem 1", Message: lang.Msg("decode.text", "problem 1")}}, d.Problems)
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"abc", "abc", 0},
		{"kitten", "sitting", 3},
		{"titel", "title", 2},
		{"metod", "method", 1},
		{"điểm", "diem", 2}, // runes, not bytes
		{"flaw", "lawn", 2},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%q to %q is %d", tc.a, tc.b, tc.want), func(t *testing.T) {
			assert.Equal(t, tc.want, distance(tc.a, tc.b))
			assert.Equal(t, tc.want, distance(tc.b, tc.a), "symmetric")
		})
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"id", "max", "method", "name", "title", "tie_breaks"}
	assert.Equal(t, "method", closest("metod", names))
	assert.Equal(t, "title", closest("titel", names))
	assert.Equal(t, "tie_breaks", closest("tiebreaks", names))
	assert.Equal(t, "", closest("jurisdiction", names), "nothing close enough")
	assert.Equal(t, "", closest("anything", nil))
	assert.Equal(t, `unknown key "metod" (did you mean "method"?) (known keys: id, max, method, name, title, tie_breaks)`, unknownKey("metod", names).In(lang.English))
	assert.Equal(t, `khóa không hợp lệ "metod" (có phải là "method"?) (các khóa hợp lệ: id, max, method, name, title, tie_breaks)`, unknownKey("metod", names).In(lang.Vietnamese))
	assert.Equal(t, `unknown key "anything" (known keys: )`, unknownKey("anything", nil).In(lang.English))
}

func TestFieldsOf(t *testing.T) {
	fs := fieldsOf(reflect.TypeFor[sample]())
	assert.Equal(t, []string{"big", "count", "dec", "dec_ptr", "flag", "inner", "list", "map", "named", "opt", "pairs", "ptr", "small", "text", "up", "words"}, fs.names)
	assert.Equal(t, 15, fs.index["named"], "the name before a comma")
	_, ok := fs.index["hidden"]
	assert.False(t, ok)
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"text: a\ncount: 1\nlist: [{name: x, n: 2}]\nmap: {a: 1}\npairs: [a, {b: c}]\n",
		`{"text": "a", "count": 1, "words": ["x"], "dec": 1.5e3}`,
		"", "\uFEFF", "~", "[]", "- a", "a: &x 1\nb: *x\n", "inner: {name: [}", "dec: 1e99999",
		"text: a\ntext: b\n", "up: abc\n", "count: 99999999999999999999\n", "opt: {n: 1, n: 2}\n",
		"pairs: [{a: [1]}, [x], {a: b, c: d}]\n", "list:\n  - name: a\n    n: x\n  - {}\n",
		"\t", "\x00", "? [a]\n: b\n", "!!binary x: 1\n", "<<: {text: a}\n",
		"{\"text\": \"a\",}", "{\n \"text\" \"a\"\n}", "[1, 2", " \n{\"a\": \"\u00e9\"} x", "text: a\n---\ntext: b\n",
		"text: ~\ninner:\ncount: null\n", "words: " + strings.Repeat("[", 80) + strings.Repeat("]", 80),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, p := Parse(data)
		if p != nil {
			if root != nil {
				t.Fatal("Parse returned both a node and a problem")
			}
			if p.Line < 1 || p.Msg == "" {
				t.Fatalf("incomplete problem %+v", *p)
			}
			checkText(t, *p)
			return
		}
		if root == nil {
			t.Fatal("Parse returned neither a node nor a problem")
		}
		d := newDecoder()
		var s sample
		d.Decode(root, "", &s)
		for _, pr := range d.Problems {
			if pr.Line < 1 || pr.Column < 1 || pr.Msg == "" {
				t.Fatalf("incomplete problem %+v", pr)
			}
			if l, _ := d.Line(pr.Path); l < 1 {
				t.Fatalf("no line for the path %q of %+v", pr.Path, pr)
			}
			checkText(t, pr)
		}
		if (d.Err() == nil) != (len(d.Problems) == 0) {
			t.Fatal("Err disagrees with Problems")
		}
	})
}

func TestNullIsNotGiven(t *testing.T) {
	text := "text: null\ncount: ~\nflag:\nsmall: Null\ninner:\nmap: ~\ndec: null\nup: ~\nnamed: \"null\"\n"
	s, d := decode(t, text)
	require.Empty(t, d.Problems)
	assert.Empty(t, s.Text, "null is not the text \"null\"")
	assert.Zero(t, s.Count)
	assert.False(t, s.Flag)
	assert.Zero(t, s.Small)
	assert.Equal(t, inner{}, s.Inner, "an empty section is an empty section")
	assert.Nil(t, s.Map)
	assert.True(t, s.Dec.IsZero())
	assert.Empty(t, s.Up, "a null is not given to UnmarshalText")
	assert.Equal(t, "null", s.Named, "a quoted null is text")
	for _, p := range []string{"text", "count", "flag", "small", "inner", "map", "dec", "up"} {
		assert.True(t, d.Has(p), "%s was written", p)
		assert.True(t, d.Null(p), "%s was written as null", p)
		l, _ := d.Line(p)
		assert.Equal(t, lineOf(text, p+":"), l, "the line of %s is the line of its null", p)
	}
	assert.False(t, d.Null("named"))
	assert.False(t, d.Null("words"), "a key not written is not null")
}

// lineOf returns the 1-based line of text that starts with prefix.
func lineOf(text, prefix string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	return 0
}

func TestAHookSeesNulls(t *testing.T) {
	s, d := decode(t, "pairs: [~, a]\n")
	require.Empty(t, d.Problems)
	assert.Equal(t, []pair{{Key: "~"}, {Key: "a"}}, s.Pairs, "the hook gets the null node as it is and decides what it means")
}

func TestOneDocumentPerFile(t *testing.T) {
	for name, text := range map[string]string{
		"a second document":                       "a: 1\n---\nb: 2\n",
		"a second, empty document":                "a: 1\n---\n",
		"a second document after an end marker":   "a: 1\n...\n---\nb: 2\n",
		"a second document after an explicit one": "---\na: 1\n---\nb: 2\n",
	} {
		t.Run(name+" is a problem at its ---", func(t *testing.T) {
			root, p := Parse([]byte(text))
			assert.Nil(t, root)
			require.NotNil(t, p)
			checkText(t, *p)
			assert.Contains(t, p.Msg, "a second document")
			assert.Equal(t, strings.Count(text[:strings.LastIndex(text, "---")], "\n")+1, p.Line)
		})
	}
	for name, text := range map[string]string{
		"a document that starts with ---": "---\na: 1\n",
		"a document that ends with ...":   "a: 1\n...\n",
		"a comment after the end marker":  "a: 1\n...\n# the end\n",
	} {
		t.Run(name+" is one document", func(t *testing.T) {
			root, p := Parse([]byte(text))
			require.Nil(t, p, "%v", p)
			assert.Equal(t, "a", root.Content[0].Value)
		})
	}
	t.Run("a syntax error in a second document is reported", func(t *testing.T) {
		_, p := Parse([]byte("a: 1\n---\nb: [\n"))
		require.NotNil(t, p)
		assert.GreaterOrEqual(t, p.Line, 3)
	})
}

func TestANullDocumentIsEmpty(t *testing.T) {
	for _, text := range []string{"~", "null\n", "---\n", "# nothing\n---\n...\n"} {
		root, p := Parse([]byte(text))
		assert.Nil(t, root, "%q", text)
		require.NotNil(t, p, "%q", text)
		checkText(t, *p)
		assert.Equal(t, "document is empty", p.Msg, "%q", text)
		assert.Positive(t, p.Line)
	}
}

func TestMergeKeysAreRefused(t *testing.T) {
	text := "inner: {name: a}\nlist:\n  - {<<: {name: b}, n: 1} #<\n"
	_, d := decode(t, text)
	require.Len(t, d.Problems, 1, "%v", d.Problems)
	p := d.Problems[0]
	assert.Equal(t, "list[0].<<", p.Path)
	assert.Contains(t, p.Msg, "merge keys (<<) are not supported; write the keys out")
	assert.NotContains(t, p.Msg, "unknown key")
	assert.Equal(t, [2]int{3, 6}, [2]int{p.Line, p.Column})

	// A quoted "<<" is an ordinary (here unknown) key.
	_, d = decode(t, "\"<<\": 1\n")
	require.Len(t, d.Problems, 1)
	assert.Contains(t, d.Problems[0].Msg, `unknown key "<<"`)
}

func TestJSONSyntaxErrors(t *testing.T) {
	cases := []struct {
		name      string
		text      string
		line, col int
		msg       string
	}{
		{"a missing colon is found on its own line", "{\n \"cluster\": \"x\",\n \"year\" 2020\n}", 3, 9, "after object key"},
		{"a trailing comma in an object", "{\"a\": 1,}", 1, 9, "looking for beginning of object key string"},
		{"a trailing comma in a list", "{\"a\": [1, 2,]\n}", 1, 13, "looking for beginning of value"},
		{"a YAML flow mapping is read as JSON", "{a: 1}\n", 1, 2, "looking for beginning of object key string"},
		{"columns count characters", "{\"điểm\": x}", 1, 10, "looking for beginning of value"},
		{"an unclosed object is reported at its end", "{\n  \"a\": 1\n\n", 2, 9, "unexpected end of JSON input"},
		{"text after the value", "[1, 2]\nx", 2, 1, "after top-level value"},
		{"leading white space and a byte-order mark", "\uFEFF \n\t{\"a\" 1}", 2, 7, "after object key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root, p := Parse([]byte(tc.text))
			assert.Nil(t, root)
			require.NotNil(t, p)
			checkText(t, *p)
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{p.Line, p.Column}, "%s", p.Msg)
			assert.Contains(t, p.Msg, tc.msg)
			assert.Contains(t, p.Msg, "JSON")
		})
	}
	t.Run("valid JSON is decoded as before", func(t *testing.T) {
		s, d := decode(t, "\n {\"text\": \"a\", \"count\": 2, \"words\": [\"x\"], \"dec\": 1.5e3, \"opt\": null}\n")
		require.Empty(t, d.Problems)
		assert.Equal(t, "a", s.Text)
		assert.Equal(t, 2, s.Count)
		assert.Equal(t, []string{"x"}, s.Words)
		assert.Equal(t, "1500", s.Dec.String())
		assert.Nil(t, s.Opt)
	})
	t.Run("a JSON list is a document", func(t *testing.T) {
		root, p := Parse([]byte("[1, 2]"))
		require.Nil(t, p)
		assert.Equal(t, yaml.SequenceNode, root.Kind)
	})
	t.Run("a YAML document that does not start with { or [ is YAML", func(t *testing.T) {
		_, d := decode(t, "inner: {name: a}\nwords: [a, b,]\n")
		require.Empty(t, d.Problems)
	})
}

func TestNestingIsBounded(t *testing.T) {
	// Lists of lists, deeper than the limit; mappings count the same way.
	deep := "words: " + strings.Repeat("[", maxNesting+10) + strings.Repeat("]", maxNesting+10) + "\n"
	root, p := Parse([]byte(deep))
	require.Nil(t, p)
	d := newDecoder()
	var nested struct {
		Words nest `yaml:"words"`
	}
	d.Decode(root, "", &nested)
	require.Len(t, d.Problems, 1, "%v", d.Problems)
	assert.Contains(t, d.Problems[0].Msg, fmt.Sprintf("more than %d levels deep", maxNesting))
	assert.Equal(t, 1, d.Problems[0].Line)
	assert.Less(t, strings.Count(d.Problems[0].Path, "["), maxNesting+1)
}

// nest is a list of itself, for nesting tests.
type nest []nest

// Unsigned integers decode (a seed, for instance), and a type the decoder
// does not support is a problem, not a panic.
func TestUnsignedAndUnsupported(t *testing.T) {
	var v struct {
		Seed  uint64     `yaml:"seed"`
		Small uint8      `yaml:"small"`
		C     complex128 `yaml:"c"`
	}
	root, p := Parse([]byte("seed: 18446744073709551615\nsmall: 256\nc: 1\n"))
	if p != nil {
		t.Fatal(p)
	}
	d := New()
	d.Decode(root, "", &v)
	if v.Seed != 18446744073709551615 {
		t.Errorf("seed = %d", v.Seed)
	}
	if len(d.Problems) != 2 || d.Problems[0].Path != "small" || d.Problems[1].Path != "c" {
		t.Fatalf("problems %v, want small (out of range) and c (unsupported)", d.Problems)
	}
}

func TestCovered(t *testing.T) {
	unreadable := []string{"awards[2].count", "criteria[0].children[1].max"}
	for path, want := range map[string]bool{
		"awards[2].count":             true,  // the value itself
		"awards[2]":                   true,  // its parent ("needs a count")
		"awards[2].count.x":           true,  // under it
		"awards[1]":                   false, // a sibling
		"criteria[0].children[1]":     true,
		"criteria[0]":                 false,
		"criteria[0].children[1].max": true,
	} {
		if got := Covered(path, unreadable); got != want {
			t.Errorf("Covered(%q) = %v, want %v", path, got, want)
		}
	}
	if !Covered("anything", []string{""}) {
		t.Error("a problem at the root covers everything")
	}
}
