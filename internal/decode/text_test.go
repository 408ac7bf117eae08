package decode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/lang"
)

// checkText checks a problem's message: it is in the catalogue (with its
// parts), its English text is Msg, Text(lang.English) is String(), and
// every placeholder of both languages' texts has a value (lang's
// Message.Check, which reads the templates, so a brace in the document
// itself cannot hide or fake one).
func checkText(t testing.TB, p Problem) {
	t.Helper()
	if p.Message.IsZero() {
		t.Fatalf("problem without a message: %+v", p)
	}
	if err := p.Message.Check(); err != nil {
		t.Fatalf("%v: %v", p, err)
	}
	if got := p.Message.In(lang.English); got != p.Msg {
		t.Fatalf("message in English %q, Msg %q", got, p.Msg)
	}
	if got, want := p.Text(lang.English), p.String(); got != want {
		t.Fatalf("Text(English) = %q, String() = %q", got, want)
	}
	if vi := p.Text(lang.Vietnamese); !strings.HasPrefix(vi, "dòng ") {
		t.Fatalf("Text(Vietnamese) = %q does not start with the line", vi)
	}
}

// checkTexts checks every problem of d.
func checkTexts(t testing.TB, d *Decoder) {
	t.Helper()
	for _, p := range d.Problems {
		checkText(t, p)
	}
}

// TestProblemsInVietnamese writes a problem of every kind the decoder finds
// in Vietnamese, with its line and key path, exactly; the English text of
// each is the one the other tests check.
func TestProblemsInVietnamese(t *testing.T) {
	known := "(các khóa hợp lệ: big, count, dec, dec_ptr, flag, inner, list, map, named, opt, pairs, ptr, small, text, up, words)"
	cases := []struct {
		name, text string
		key        string // the message's key
		vi         string // Text(lang.Vietnamese) of the first problem
	}{
		{"an unknown key with a suggestion", "txet: a", "decode.unknown_key.suggest",
			`dòng 1: txet: khóa không hợp lệ "txet" (có phải là "text"?) ` + known},
		{"an unknown key", "zzzzzz: 1", "decode.unknown_key", `dòng 1: zzzzzz: khóa không hợp lệ "zzzzzz" ` + known},
		{"a duplicate key", "text: a\ncount: 1\ntext: b", "decode.duplicate_key", "dòng 3: text: khóa bị lặp (đã ghi ở dòng 1)"},
		{"a merge key", "inner: {<<: {name: b}}", "decode.merge_key",
			"dòng 1: inner.<<: không hỗ trợ khóa gộp (<<); hãy ghi đầy đủ các khóa (anchor và alias cũng không được hỗ trợ)"},
		{"an anchor", "inner: &a {n: 1}", "decode.alias", "dòng 1: inner: không hỗ trợ anchor và alias; hãy ghi đầy đủ giá trị"},
		{"a word for a whole number", "count: many", "decode.expected_value", `dòng 1: count: cần một số nguyên, nhận được "many"`},
		{"yes for a flag", "flag: yes", "decode.expected_value", `dòng 1: flag: cần true hoặc false, nhận được "yes"`},
		{"a list for a flag", "flag: [true]", "decode.expected", "dòng 1: flag: cần true hoặc false, nhận được một danh sách"},
		{"a mapping for a text", "text: {a: b}", "decode.expected", "dòng 1: text: cần văn bản, nhận được một nhóm khóa – giá trị"},
		{"a mapping for a list", "words: {a: b}", "decode.expected", "dòng 1: words: cần một danh sách, nhận được một nhóm khóa – giá trị"},
		{"a list for a mapping", "inner: [1]", "decode.expected", "dòng 1: inner: cần một nhóm khóa – giá trị, nhận được một danh sách"},
		{"a list for a decimal", "dec: [1]", "decode.expected", "dòng 1: dec: cần một giá trị đơn, nhận được một danh sách"},
		{"a malformed decimal", "dec: 1.5.5", "fields.decimal", `dòng 1: dec: cần một số dạng 9,75 hoặc 9.75, nhận được "1.5.5"`},
		{"a decimal of too many digits", "dec: 1" + strings.Repeat("0", 40) + ".5", "fields.decimal.digits",
			`dòng 1: dec: cần một số dạng 9,75 hoặc 9.75, nhận được "1` + strings.Repeat("0", 40) + `.5" (quá 40 chữ số có nghĩa)`},
		{"a decimal too far from the point", "dec: 1e101", "fields.decimal.places",
			`dòng 1: dec: cần một số dạng 9,75 hoặc 9.75, nhận được "1e101" (có chữ số cách dấu thập phân quá 100 vị trí)`},
		{"a tag", "text: !!str a", "decode.tag", `dòng 1: text: không hỗ trợ thẻ YAML "!!str": mỗi giá trị được đọc theo khóa của nó; hãy bỏ thẻ`},
		{"a text value refused by its type", "up: abc", "decode.value", `dòng 1: up: giá trị không đọc được: expected capitals, found "abc"`},
		{"a hook's own want, in its own words", "pairs:\n  - {b: [c]}", "decode.expected", "dòng 2: pairs[0]: cần a value, nhận được một danh sách"},
		{"an alias where a hook wants a value", "inner: {name: &x a}\npairs:\n  - {b: *x}", "decode.expected", "dòng 3: pairs[0]: cần a value, nhận được một alias"},
		{"a hook's own problem, in its own words", "pairs: [{b: c, d: e}]", "decode.text", "dòng 1: pairs[0]: one key only"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, d := decode(t, tc.text)
			require.NotEmpty(t, d.Problems)
			var p *Problem
			for i := range d.Problems {
				if d.Problems[i].Message.Key == tc.key {
					p = &d.Problems[i]
					break
				}
			}
			require.NotNil(t, p, "no problem %s in %v", tc.key, d.Problems)
			assert.Equal(t, tc.vi, p.Text(lang.Vietnamese))
		})
	}
}

// TestParseProblemsInVietnamese writes the problems of a document as a
// whole in Vietnamese.
func TestParseProblemsInVietnamese(t *testing.T) {
	cases := []struct {
		name, text string
		key        string
		vi         string // Text(lang.Vietnamese); "" to check only the start
		start      string
	}{
		{"an empty document", "# nothing\n", "decode.empty", "dòng 1: tài liệu trống", ""},
		{"a second document", "a: 1\n---\nb: 2\n", "decode.second_document",
			"dòng 2: một tài liệu thứ hai bắt đầu tại đây (sau ---); mỗi tệp chỉ được chứa một tài liệu", ""},
		{"a JSON syntax error", "{\n \"a\" 1\n}", "decode.json_syntax",
			"dòng 2: lỗi cú pháp JSON: invalid character '1' after object key (tài liệu bắt đầu bằng { nên được đọc theo JSON)", ""},
		{"a JSON list with a syntax error", "[1, 2", "decode.json_syntax", "", "dòng 1: lỗi cú pháp JSON: unexpected end of JSON input (tài liệu bắt đầu bằng [ nên"},
		{"a YAML syntax error", "a: b: c\n", "decode.syntax", "", "dòng 1: lỗi cú pháp YAML: "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, p := Parse([]byte(tc.text))
			require.NotNil(t, p)
			checkText(t, *p)
			assert.Equal(t, tc.key, p.Message.Key)
			if tc.vi != "" {
				assert.Equal(t, tc.vi, p.Text(lang.Vietnamese))
			} else {
				assert.True(t, strings.HasPrefix(p.Text(lang.Vietnamese), tc.start), "%q", p.Text(lang.Vietnamese))
			}
		})
	}
	t.Run("a document over the limit", func(t *testing.T) {
		_, p := Parse(make([]byte, MaxBytes+1))
		require.NotNil(t, p)
		checkText(t, *p)
		assert.Equal(t, fmt.Sprintf("dòng 1: tài liệu dài %d byte, vượt giới hạn %d byte", MaxBytes+1, MaxBytes), p.Text(lang.Vietnamese))
	})
}

// TestUnsupportedValuesInVietnamese covers what only unusual Go types meet:
// an unsigned number out of range and a type the decoder cannot fill.
func TestUnsupportedValuesInVietnamese(t *testing.T) {
	var v struct {
		Small uint8      `yaml:"small"`
		C     complex128 `yaml:"c"`
	}
	root, p := Parse([]byte("small: 256\nc: 1\n"))
	require.Nil(t, p)
	d := New()
	d.Decode(root, "", &v)
	checkTexts(t, d)
	require.Len(t, d.Problems, 2)
	assert.Equal(t, `dòng 1: small: cần một số nguyên từ 0 đến 255, nhận được "256"`, d.Problems[0].Text(lang.Vietnamese))
	assert.Equal(t, `line 1: small: expected a whole number from 0 to 255, found "256"`, d.Problems[0].Text(lang.English))
	assert.Equal(t, "dòng 2: c: không đọc được vào kiểu Go complex128", d.Problems[1].Text(lang.Vietnamese))
}

func TestNestingTooDeepInVietnamese(t *testing.T) {
	root, p := Parse([]byte("words: " + strings.Repeat("[", maxNesting+2) + strings.Repeat("]", maxNesting+2) + "\n"))
	require.Nil(t, p)
	d := New()
	var v struct {
		Words nest `yaml:"words"`
	}
	d.Decode(root, "", &v)
	checkTexts(t, d)
	require.Len(t, d.Problems, 1)
	assert.Equal(t, "decode.too_deep", d.Problems[0].Message.Key)
	assert.True(t, strings.HasSuffix(d.Problems[0].Text(lang.Vietnamese), ": tài liệu lồng các ánh xạ và danh sách sâu quá 64 cấp"), d.Problems[0].Text(lang.Vietnamese))
}

// TestWantedValues names the values Scalar is asked for in English: the
// common ones in Vietnamese too, others as they are.
func TestWantedValues(t *testing.T) {
	list := &yaml.Node{Kind: yaml.SequenceNode, Line: 4, Column: 2}
	cases := []struct{ want, vi string }{
		{"a text", "cần văn bản, nhận được một danh sách"},
		{"a number", "cần một số, nhận được một danh sách"},
		{"a whole number", "cần một số nguyên, nhận được một danh sách"},
		{"true or false", "cần true hoặc false, nhận được một danh sách"},
		{"a single value", "cần một giá trị đơn, nhận được một danh sách"},
		{"a list", "cần một danh sách, nhận được một danh sách"},
		{"a mapping of keys to values", "cần một nhóm khóa – giá trị, nhận được một danh sách"},
		{"a colour", "cần a colour, nhận được một danh sách"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			d := New()
			assert.False(t, d.Scalar(list, "x", tc.want))
			require.Len(t, d.Problems, 1)
			checkText(t, d.Problems[0])
			assert.Equal(t, "expected "+tc.want+", found a list", d.Problems[0].Msg)
			assert.Equal(t, "dòng 4: x: "+tc.vi, d.Problems[0].Text(lang.Vietnamese))
		})
	}
	t.Run("a message names the value", func(t *testing.T) {
		d := New()
		assert.False(t, d.ScalarMsg(list, "x", lang.Msg("decode.want.number")))
		assert.True(t, d.ScalarMsg(&yaml.Node{Kind: yaml.ScalarNode, Value: "1"}, "y", lang.Msg("decode.want.number")))
		require.Len(t, d.Problems, 1)
		assert.Equal(t, "expected a number, found a list", d.Problems[0].Msg)
	})
	t.Run("a node of no kind is nothing", func(t *testing.T) {
		d := New()
		d.expected(&yaml.Node{Line: 1, Column: 1}, "x", lang.Msg("decode.want.text"))
		checkTexts(t, d)
		assert.Equal(t, "expected a text, found nothing", d.Problems[0].Msg)
		assert.Equal(t, "dòng 1: x: cần văn bản, nhận được không có giá trị", d.Problems[0].Text(lang.Vietnamese))
	})
}

// messageErr is a value's error that carries its message.
type messageErr struct{ m lang.Message }

func (e messageErr) Error() string         { return e.m.In(lang.English) }
func (e messageErr) Message() lang.Message { return e.m }

func TestAddError(t *testing.T) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: "x", Line: 2, Column: 3}
	own := lang.Msg("decode.want.number")
	cases := []struct {
		name string
		err  error
		key  string
	}{
		{"an error with its own message keeps it", messageErr{own}, "decode.want.number"},
		{"a wrapped one too", fmt.Errorf("%w", messageErr{own}), "decode.want.number"},
		{"a message that does not say what the error says is not used", fmt.Errorf("more: %w", messageErr{own}), "decode.value"},
		{"a decimal's error keeps its message", &DecimalError{lang.Msg("fields.decimal", `"x"`)}, "fields.decimal"},
		{"shopspring's own words are only framed", fmt.Errorf("error decoding string 'x': can't convert x to decimal"), "decode.value"},
		{"another error is framed", fmt.Errorf("bad"), "decode.value"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := New()
			d.AddError(n, "p", n.Value, tc.err)
			require.Len(t, d.Problems, 1)
			checkText(t, d.Problems[0])
			assert.Equal(t, tc.err.Error(), d.Problems[0].Msg, "the text is the error's")
			assert.Equal(t, tc.key, d.Problems[0].Message.Key)
		})
	}
}

func TestProblemText(t *testing.T) {
	p := Problem{Line: 3, Column: 4, Path: "a.b", Msg: "bad"}
	assert.Equal(t, "line 3: a.b: bad", p.Text(lang.English), "without a message, Msg")
	assert.Equal(t, "dòng 3: a.b: bad", p.Text(lang.Vietnamese))
	e := Problem{Line: 1, Msg: "document is empty", Message: lang.Msg("decode.empty")}
	assert.Equal(t, "line 1: document is empty", e.Text(lang.English))
	assert.Equal(t, "dòng 1: tài liệu trống", e.Text(lang.Vietnamese))
}

// TestJSONOtherErrorIsFramed renders the message of a JSON error that is
// not a syntax error (encoding/json reports none today).
func TestJSONOtherErrorIsFramed(t *testing.T) {
	m := lang.Msg("decode.json", "boom", "{")
	assert.Equal(t, "boom (the document starts with {, so it is read as JSON)", m.In(lang.English))
	assert.Equal(t, "lỗi JSON: boom (tài liệu bắt đầu bằng { nên được đọc theo JSON)", m.In(lang.Vietnamese))
}
