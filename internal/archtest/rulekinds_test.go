package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const rulesPath = "github.com/thidua/thidua/rules"

// kindTypes are the types of package rules whose constants name a kind of
// rule: what a criterion's method, a tie-break or an award's fallthrough
// means is decided by the engine. (Eligibility condition kinds are fields
// of rules.Condition, not constants, and cannot be matched here.)
var kindTypes = []string{"Method", "TieBreakKind", "Fallthrough"}

// engine lists the directories (module-relative) that may switch on rule
// kinds: where the kinds are defined, run, or named.
var engine = []string{"rules", "scoring", "ranking", "internal/standings", "lang", "documents", "internal/archtest"}

// remaining lists the files outside the engine that still switch on, or
// compare with, a kind of rule, by type, with what remains to be done. A
// file may only leave this list: the test fails for a file that is not
// listed and for an entry that no longer switches.
var remaining = map[string]map[string]string{}

// TestRuleKindsStayInTheEngine parses every non-test Go file of the module
// and fails if a file outside the engine switches on, or compares with
// (== or !=), a constant of a rule-kind type, unless the file is listed in
// remaining for that type; and fails for a listed entry that is no longer
// needed.
func TestRuleKindsStayInTheEngine(t *testing.T) {
	root := filepath.Join("..", "..")
	consts := kindConstants(t, filepath.Join(root, "rules"))
	found := map[string]map[string][]string{} // file → type → positions
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			if slices.Contains(engine, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, h := range uses(fset, f, consts) {
			if found[rel] == nil {
				found[rel] = map[string][]string{}
			}
			found[rel][h.typ] = append(found[rel][h.typ], h.pos)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for file, types := range found {
		for typ, pos := range types {
			if _, ok := remaining[file][typ]; !ok {
				t.Errorf("%s switches on or compares with rules.%s constants (%s): read what the rule means from the engine (scoring.PointFunction for a criterion's points) instead", file, typ, strings.Join(pos, ", "))
			}
		}
	}
	for file, types := range remaining {
		for typ := range types {
			if len(found[file][typ]) == 0 {
				t.Errorf("%s no longer switches on rules.%s constants: remove it from the list in this test", file, typ)
			}
		}
	}
}

// kindConstants maps the name of every constant of package rules whose
// type is one of kindTypes to its type.
func kindConstants(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			typ := "" // a spec without a type and value repeats the previous one's
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				switch {
				case vs.Type != nil:
					typ = ""
					if id, ok := vs.Type.(*ast.Ident); ok {
						typ = id.Name
					}
				case len(vs.Values) > 0:
					typ = ""
				}
				if slices.Contains(kindTypes, typ) {
					for _, n := range vs.Names {
						out[n.Name] = typ
					}
				}
			}
		}
	}
	for _, typ := range kindTypes {
		n := 0
		for _, ty := range out {
			if ty == typ {
				n++
			}
		}
		if n == 0 {
			t.Fatalf("no constants of type rules.%s found: has it been renamed?", typ)
		}
	}
	return out
}

type use struct{ typ, pos string }

// uses lists the places in f that switch on or compare with a rule-kind
// constant: a case of a switch that names one, or == or != with one on
// either side.
func uses(fset *token.FileSet, f *ast.File, consts map[string]string) []use {
	name := ""
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == rulesPath {
			name = "rules"
			if im.Name != nil {
				name = im.Name.Name
			}
		}
	}
	if name == "" || name == "_" {
		return nil
	}
	kind := func(e ast.Expr) string {
		for {
			p, ok := e.(*ast.ParenExpr)
			if !ok {
				break
			}
			e = p.X
		}
		if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 { // a conversion such as string(rules.Votes)
			e = c.Args[0]
		}
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != name {
			return ""
		}
		return consts[sel.Sel.Name]
	}
	var out []use
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if k := kind(side); k != "" {
						out = append(out, use{k, fset.Position(n.Pos()).String()})
					}
				}
			}
		case *ast.SwitchStmt:
			for _, s := range n.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					if k := kind(e); k != "" {
						out = append(out, use{k, fset.Position(e.Pos()).String()})
					}
				}
			}
		}
		return true
	})
	return out
}

// The detector sees a switch, a case and a comparison, under any import
// name, and ignores other uses (a map key, an assignment).
func TestUsesFindsSwitches(t *testing.T) {
	src := `package p
import r "github.com/thidua/thidua/rules"
var names = map[r.Method]string{r.Direct: "d"}
func f(m r.Method, k r.TieBreakKind) {
	m = r.Ratio
	switch m {
	case r.Votes:
	}
	switch {
	case k == r.HeadToHead:
	}
	_ = string(r.Relative) != string(m)
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{"Direct": "Method", "Ratio": "Method", "Votes": "Method", "Relative": "Method", "HeadToHead": "TieBreakKind"}
	var got []string
	for _, u := range uses(fset, f, consts) {
		got = append(got, u.typ+"@"+u.pos)
	}
	want := []string{"Method@p.go:7:7", "TieBreakKind@p.go:10:7", "Method@p.go:12:6"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
