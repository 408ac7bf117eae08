package rules_test

import (
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte(doc(nil)))
	for _, name := range []string{"testdata/rulebook.yaml", "testdata/rulebook.json", "../examples/cum2/rulebook.yaml", "../examples/procuracy/rulebook.yaml",
		"../examples/nghean-grading/rulebook.yaml", "../examples/union-grading/rulebook.yaml", "../examples/police-style/rulebook.yaml"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, c := range validationCases() {
		f.Add([]byte(doc(c.over)))
	}
	for _, s := range []string{
		"", "\uFEFF", "~", "- 1", "{}", "[]", "null", "id: x", "id: [", "\t", "&a x: *a",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: a, name: A, max: 10}]\n",
		`{"id":"x","version":"1","title":"T","criteria":[{"id":"a","name":"A","max":1e3}]}`,
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: a, name: A, max: 1e10000, weight: 1e-10000}]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: g, name: G, children: [{id: a, name: A, max: 5, weight: 0.333}]}]\n",
		"tie_breaks: [{group: I, x: y}, [a], lots, group]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: a, name: A, max: 10}]\ntie_breaks: [{league: reapply}, head_to_head, {league: once}, head_to_head, lots]\n",
		"tie_breaks: [league, {league: }, {league: [once]}, {league: ONCE}, {league: once, x: y}]\n",
		"a: &x {b: *x}\n", "---\n---\n", "id: x\n---\nid: y\n",
		"\x00\xff\xfe", "votes: {quorum: 99999999999/1}\n",
		`{"id":"x","version":"1","title":"T","criteria":[{"id":"a","name":"A","max":1},]}`,
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: a, name: A, max: 1, weight: 0}]\n",
		"id: ~\nversion: null\ntitle:\nbonus:\ncriteria: [{id: a, name: A, max: 1}]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: s, name: S, max: 10, min: -5, method: signed, plus: {points_each: 2, name: P}, minus: {points_each: 1}}]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: f, name: F, max: 10, method: fewer, points_each: 2.5}]\ntie_breaks: [{fewer: f}, fewer, {fewer: [f]}]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: s, name: S, max: 10, min: 11, method: signed, plus: {points_each: -2}, minus: 3}, {id: s+, name: T, max: 1}]\n",
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: g, name: G, min: -1, plus: {}, children: [{id: a, name: A, max: 5, method: direct, minus: {name: x}}]}]\n",
		// items that belong to a group: a group, a criterion, an unknown id, a list, a cap over them only
		"id: x\nversion: \"1\"\ntitle: T\ncriteria: [{id: g, name: G, children: [{id: a, name: A, max: 5}]}]\nbonus: {cap: 3, items: [{id: b, name: B, points: 10, group: g}]}\ndeductions: {items: [{id: d, name: D, points: 1, max: 2, group: a}, {id: e, name: E, points: 1, group: zz}, {id: f, name: F, points: 1, group: [g]}]}\n",
		nested(rules.MaxDepth + 1), nested(40),
		doc(nil) + "rank_convention: dense\n", doc(nil) + "rank_convention: [dense]\n", doc(nil) + "rank_convention: Dense\n",
		// the legal basis per period: a text, a dated mapping, broken forms
		"regulation: {legal_basis: [a, {text: b, to: 2023-12-31}, {text: c, from: 2024-01-01, to: 2020-01-01}, {from: x}, [d], ~]}\nin_force: {from: 2020-01-01}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rb, err := rules.Parse("fuzz.yaml", data)
		if (rb == nil) == (err == nil) {
			t.Fatalf("Parse returned rulebook %v and error %v: want exactly one", rb != nil, err)
		}
		if err != nil {
			var es rules.Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not rules.Errors: %v", err, err)
			}
			if len(es) == 0 {
				t.Fatal("empty Errors")
			}
			for i, e := range es {
				if e == nil || e.Msg == "" || e.File != "fuzz.yaml" || e.Line < 1 {
					t.Fatalf("problem %d is incomplete: %+v", i, e)
				}
				if i > 0 && e.Line < es[i-1].Line {
					t.Fatalf("problems out of line order: %v then %v", es[i-1], e)
				}
			}
			checkTexts(t, es)
			return
		}
		// A valid rulebook hashes the same when read again and when rebuilt
		// from its own spec, and its maximum is the sum of its roots'.
		again, err := rules.Parse("fuzz.yaml", data)
		if err != nil || again.Hash() != rb.Hash() {
			t.Fatalf("reading the same data again gave %v / %s vs %s", err, again.Hash(), rb.Hash())
		}
		rebuilt, err := rules.New(rb.Spec())
		if err != nil {
			t.Fatalf("the rulebook's own spec does not validate: %v", err)
		}
		if rebuilt.Hash() != rb.Hash() {
			t.Fatalf("rebuilding from Spec() changed the hash")
		}
		sum := decimal.Zero
		nodes := rb.Nodes()
		for _, i := range rb.Roots() {
			sum = sum.Add(nodes[i].MaxTotal)
		}
		if !sum.Equal(rb.MaxTotal()) {
			t.Fatalf("MaxTotal %s, roots add up to %s", rb.MaxTotal(), sum)
		}
	})
}

// ratOfInput reads a share's text with big.Rat, as an independent check:
// "p%" is p/100; anything else is what big.Rat.SetString reads.
func ratOfInput(s string) (*big.Rat, bool) {
	t := strings.TrimSpace(s)
	scale := big.NewRat(1, 1)
	if p, ok := strings.CutSuffix(t, "%"); ok {
		t = strings.TrimSpace(p)
		scale = big.NewRat(1, 100)
	} else if a, b, ok := strings.Cut(t, "/"); ok {
		// big.Rat reads the parts of a fraction with a base prefix, so that
		// "010" would be octal; ParseShare reads decimal.
		t = trimZeros(strings.TrimSpace(a)) + "/" + trimZeros(strings.TrimSpace(b))
	}
	if t == "" || strings.ContainsAny(t, "_xXpPoObB") {
		return nil, false
	}
	x, ok := new(big.Rat).SetString(t)
	if !ok {
		return nil, false
	}
	return x.Mul(x, scale), true
}

// trimZeros drops the leading zeros of a whole number ("010" → "10",
// "+007" → "+7").
func trimZeros(s string) string {
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	if t := strings.TrimLeft(s, "0"); t != s {
		if t == "" || t[0] < '0' || t[0] > '9' {
			return sign + "0" + t
		}
		return sign + t
	}
	return sign + s
}

func FuzzParseShare(f *testing.F) {
	for _, s := range []string{
		"80%", "2/3", "0.85", "1", "0", "100%", "12.5%", " 2 / 3 ", "4/6", "1e-3", "0.000000001",
		"", "%", "abc", "1/0", "-1/3", "2/3/4", "1e9", "99999999999/2", "0.0000001%", "1000", "1e400", "-0%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := rules.ParseShare(in)
		if err != nil {
			if !strings.Contains(err.Error(), "share") {
				t.Fatalf("error %q does not say it is about a share", err)
			}
			checkValueErr(t, err)
			return
		}
		if s.Den <= 0 || s.Num < 0 {
			t.Fatalf("ParseShare(%q) = %d/%d", in, s.Num, s.Den)
		}
		if g := new(big.Int).GCD(nil, nil, big.NewInt(s.Num), big.NewInt(s.Den)); g.Int64() != 1 && s.Num != 0 {
			t.Fatalf("ParseShare(%q) = %d/%d is not reduced", in, s.Num, s.Den)
		}
		if s.Num == 0 && s.Den != 1 {
			t.Fatalf("ParseShare(%q) = %d/%d: zero is 0/1", in, s.Num, s.Den)
		}
		if want, ok := ratOfInput(in); ok && want.Cmp(big.NewRat(s.Num, s.Den)) != 0 {
			t.Fatalf("ParseShare(%q) = %d/%d, but the text is %s", in, s.Num, s.Den, want.RatString())
		}
		str := s.String()
		back, err := rules.ParseShare(str)
		if err != nil || back != s {
			t.Fatalf("ParseShare(%q) = %d/%d, written %q, read back as %v (%v)", in, s.Num, s.Den, str, back, err)
		}
	})
}

func FuzzQuo(f *testing.F) {
	f.Add("2", "3", uint8(4), uint8(0))
	f.Add("-1", "8", uint8(2), uint8(1))
	f.Add("97.5", "100", uint8(12), uint8(5))
	f.Add("1e-20", "3e10", uint8(6), uint8(3))
	f.Fuzz(func(t *testing.T, a, b string, places, mode uint8) {
		num, err1 := decimal.NewFromString(a)
		den, err2 := decimal.NewFromString(b)
		if err1 != nil || err2 != nil || den.IsZero() {
			return
		}
		// keep the exact arithmetic small
		if e := num.Exponent(); e < -40 || e > 40 || len(num.Coefficient().String()) > 40 {
			return
		}
		if e := den.Exponent(); e < -40 || e > 40 || len(den.Coefficient().String()) > 40 {
			return
		}
		r := rules.Rounding{Places: int32(places % (rules.MaxPlaces + 1)), Mode: allModes[int(mode)%len(allModes)]}
		got := r.Quo(num, den)
		want := refRound(new(big.Rat).Quo(num.Rat(), den.Rat()), r.Places, r.Mode)
		if got.Rat().Cmp(want) != 0 {
			t.Fatalf("%s ÷ %s (%s) = %s, want %s", num, den, r, got, want.FloatString(int(r.Places)))
		}
	})
}
