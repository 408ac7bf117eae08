package standings

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/rules"
)

// TestCompareCoversEveryKind fails when rules declares a tie-break kind
// that Compare does not describe: adding a kind is an edit here and in the
// Ranker, and nowhere else.
func TestCompareCoversEveryKind(t *testing.T) {
	kinds := declared(t, "TieBreakKind")
	if len(kinds) < 10 {
		t.Fatalf("found %d tie-break kinds in package rules; the parse is wrong", len(kinds))
	}
	for _, k := range kinds {
		if Compare(rules.TieBreak{Kind: rules.TieBreakKind(k), Ref: "x"}) == (Comparison{}) {
			t.Errorf("Compare does not describe the tie-break kind %q", k)
		}
	}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		tb   rules.TieBreak
		want Comparison
	}{
		{rules.TieBreak{Kind: rules.ByTotalPoints}, Comparison{Numeric: true, Quantity: Total}},
		{rules.TieBreak{Kind: rules.ByPercentage}, Comparison{Numeric: true, Quantity: Percent}},
		{rules.TieBreak{Kind: rules.ByGroup, Ref: "II"}, Comparison{Numeric: true, Quantity: Value, Ref: "II"}},
		{rules.TieBreak{Kind: rules.ByCriterion, Ref: "II.1"}, Comparison{Numeric: true, Quantity: Value, Ref: "II.1"}},
		{rules.TieBreak{Kind: rules.FewerDeductions}, Comparison{Numeric: true, Quantity: Deductions, Fewer: true}},
		{rules.TieBreak{Kind: rules.MoreBonus}, Comparison{Numeric: true, Quantity: Bonus}},
		{rules.TieBreak{Kind: rules.MoreVotes}, Comparison{Reads: Ballot}},
		{rules.TieBreak{Kind: rules.HeadToHead}, Comparison{Reads: PeerScores}},
		{rules.TieBreak{Kind: rules.NoAwardLastYear, Ref: "flag"}, Comparison{Reads: PastAwards}},
		{rules.TieBreak{Kind: rules.DrawingLots}, Comparison{Reads: Draw}},
	} {
		if got := Compare(c.tb); got != c.want {
			t.Errorf("Compare(%v) = %+v, want %+v", c.tb, got, c.want)
		}
	}
	if !(Ballot | Draw).Has(Draw) || Ballot.Has(Ballot|Draw) {
		t.Error("Reads.Has is wrong")
	}
	if !Forfeits(rules.Nobody) || Forfeits(rules.NextEligible) || Forfeits("") {
		t.Error("Forfeits is wrong")
	}
}

// declared returns the values of the constants of the named type that
// package rules declares.
func declared(t *testing.T, typ string) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", "..", "rules", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typ {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						out = append(out, lit.Value[1:len(lit.Value)-1])
					}
				}
			}
		}
	}
	return out
}
