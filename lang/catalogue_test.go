package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogue checks every entry: no key defined in two sections, both
// languages written, and the same placeholders in both (each language may
// order them as its grammar wants, and Vietnamese may write a number where
// English copies it).
func TestCatalogue(t *testing.T) {
	seen := map[string]int{}
	for i, sec := range sections {
		for k, v := range sec {
			if j, dup := seen[k]; dup {
				t.Errorf("key %q is in sections %d and %d", k, j, i)
			}
			seen[k] = i
			if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
				t.Errorf("%s: a language is empty: %q", k, v)
			}
			vi, en := valuesUsed(v[0]), valuesUsed(v[1])
			if !slices.Equal(vi, en) {
				t.Errorf("%s: placeholders differ: vi %v, en %v", k, vi, en)
			}
		}
	}
	if len(seen) != len(catalogue) {
		t.Errorf("catalogue has %d keys, sections %d", len(catalogue), len(seen))
	}
}

// valuesUsed lists a text's placeholders by the value they use, sorted
// (":n" and ":rule" are dropped: how a number or a rule's name is written
// is a matter of language).
func valuesUsed(s string) []string {
	var out []string
	for _, p := range placeholders(s) {
		p = strings.TrimSuffix(strings.TrimSuffix(p, ":n"), ":rule")
		out = append(out, "{"+p+"}")
	}
	slices.Sort(out)
	return out
}

// TestCatalogueCoversTheModule reads the module's Go sources: every key a
// lang.Msg call names literally must be in the catalogue, and every key of
// the catalogue must appear as a string somewhere in the module's code (no
// dead sentences left to translate).
func TestCatalogueCoversTheModule(t *testing.T) {
	literals := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.HasPrefix(d.Name(), "catalogue") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						literals[s] = true
					}
				}
			case *ast.CallExpr:
				if isMsg(n.Fun) && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						key, _ := strconv.Unquote(lit.Value)
						if !Known(key) {
							t.Errorf("%s: lang.Msg(%q): the key is not in the catalogue", fset.Position(lit.Pos()), key)
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range catalogue {
		if !literals[k] {
			t.Errorf("catalogue key %q is used nowhere in the module", k)
		}
	}
}

// isMsg reports whether a call names a catalogue key as its first
// argument: lang.Msg, Msg, or a Tag's Say (any x.Say).
func isMsg(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if f.Sel.Name == "Say" {
			return true
		}
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "lang" && f.Sel.Name == "Msg"
	case *ast.Ident:
		return f.Name == "Msg"
	}
	return false
}

// FuzzFill writes arbitrary texts with arbitrary values: it must never
// panic, and text without braces comes back as it is.
func FuzzFill(f *testing.F) {
	f.Add("tổng điểm {0:n} dưới {1:n}", "88.5", "90", "{p0} {parts} {list} {9} {x:rule} {")
	f.Add("}{", "", "", "")
	f.Fuzz(func(t *testing.T, text, a, b, tail string) {
		m := Message{Key: "k", Args: []string{a, b}, Parts: []Message{{Key: "rule", Args: []string{a}}}}
		for _, tag := range []Tag{Vietnamese, English} {
			got := m.fill(text+tail, tag, false)
			if !strings.ContainsAny(text+tail, "{}") && got != text+tail {
				t.Fatalf("%q became %q", text+tail, got)
			}
		}
	})
}

// TestEveryKeyIsWritten writes every key of the catalogue with as many
// values and parts as its texts use: nothing is left unfilled, every value
// appears in both languages (a number in the language's form where the
// text asks for one), and the Vietnamese differs from the English unless
// the catalogue gives the same words for both (a text that is only values).
func TestEveryKeyIsWritten(t *testing.T) {
	part := Msg("rule", "total") // "tổng điểm" / "total"
	for _, key := range Keys("") {
		text := catalogue[key]
		m := Msg(key)
		for _, ph := range append(placeholders(text[0]), placeholders(text[1])...) {
			if n, ok := strings.CutPrefix(ph, "p"); ok {
				i, _ := strconv.Atoi(n)
				for len(m.Parts) <= i {
					m = m.With(part)
				}
				continue
			}
			if ph == "parts" || ph == "list" {
				for len(m.Parts) < 2 {
					m = m.With(part)
				}
				continue
			}
			idx, _, _ := strings.Cut(ph, ":")
			i, _ := strconv.Atoi(idx)
			for len(m.Args) <= i {
				m.Args = append(m.Args, "V"+strconv.Itoa(len(m.Args))+".5")
			}
		}
		if err := m.Check(); err != nil {
			t.Errorf("%s: %v", key, err)
			continue
		}
		vi, en := m.In(Vietnamese), m.In(English)
		for _, s := range []string{vi, en} {
			if strings.ContainsAny(s, "{}‹") {
				t.Errorf("%s: left unfilled: %q", key, s)
			}
		}
		for i, a := range m.Args {
			ruleVi := Vietnamese.Rule(a)
			if !strings.Contains(en, a) || !(strings.Contains(vi, a) || strings.Contains(vi, Vietnamese.Number(a)) || strings.Contains(vi, ruleVi)) {
				t.Errorf("%s: value {%d} is not written (vi %q, en %q)", key, i, vi, en)
			}
		}
		if withoutValues(text[0]) != withoutValues(text[1]) && vi == en {
			t.Errorf("%s: the Vietnamese is the English: %q", key, vi)
		}
	}
}

// withoutValues is a catalogue text without its placeholders: its words.
func withoutValues(text string) string {
	for _, ph := range placeholders(text) {
		text = strings.Replace(text, "{"+ph+"}", "", 1)
	}
	return text
}
