package examples_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// policeSheet reads the police-style example's sheet with the replacements
// edits (old, new pairs) applied to its text.
func policeSheet(t *testing.T, rb *rules.Rulebook, edits ...string) scoring.Sheet {
	t.Helper()
	data, err := os.ReadFile("police-style/scores-2024.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("no %q in the sheet", edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "scores.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sh, err := sheets.Check(rb, path)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func policeRules(t *testing.T) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load("police-style/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// workaround is the rulebook as it had to be written before signed
// criteria: each cộng/trừ criterion (1.3, 2.3) taken out of its group and
// written as a bonus item (its plus side) and a deduction item (its minus
// side) on the total, with no clamp; and the sheet with its counts (at
// the stage that counts: the latest given) as bonus and deduction
// occurrences.
func workaround(t *testing.T, rb *rules.Rulebook, sh scoring.Sheet) (*rules.Rulebook, scoring.Sheet) {
	t.Helper()
	spec := rb.Spec()
	for g := range spec.Criteria {
		grp := &spec.Criteria[g]
		grp.MaxPoints = decimal.Zero // derived again from the children left
		grp.Children = slices.DeleteFunc(grp.Children, func(c rules.Criterion) bool {
			if c.Method != rules.Signed {
				return false
			}
			spec.Bonus.Items = append(spec.Bonus.Items, rules.Item{ID: c.ID + "+", Name: c.Plus.Name, Points: c.Plus.PointsEach})
			spec.Deductions.Items = append(spec.Deductions.Items, rules.Item{ID: c.ID + "-", Name: c.Minus.Name, Points: c.Minus.PointsEach})
			return true
		})
	}
	wrb, err := rules.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	stagePos := map[string]int{}
	for i, s := range rb.Assessment().Stages {
		stagePos[s.ID] = i
	}
	latest := map[[2]string]scoring.Entry{}
	var scores []scoring.Entry
	for _, e := range sh.Scores {
		if _, _, ok := rules.SignedKey(e.Criterion); !ok {
			scores = append(scores, e)
			continue
		}
		k := [2]string{e.Member, e.Criterion}
		if old, seen := latest[k]; !seen || stagePos[e.Stage] > stagePos[old.Stage] {
			latest[k] = e
		}
	}
	out := sh
	out.Scores = scores
	out.Bonuses, out.Deductions = nil, nil
	for _, m := range sh.Members {
		for _, n := range rb.Nodes() {
			if n.Method != rules.Signed {
				continue
			}
			if e, ok := latest[[2]string{m.ID, n.PlusKey()}]; ok {
				out.Bonuses = append(out.Bonuses, scoring.Occurrences{Member: m.ID, Item: n.PlusKey(), Count: int(e.Value.IntPart())})
			}
			if e, ok := latest[[2]string{m.ID, n.MinusKey()}]; ok {
				out.Deductions = append(out.Deductions, scoring.Occurrences{Member: m.ID, Item: n.MinusKey(), Count: int(e.Value.IntPart())})
			}
		}
	}
	return wrb, out
}

// TestPoliceStyleOutcome: the police-style table on its sheet. Ranked by
// the percentage of the assigned maximum (Công an huyện Trung is not
// assigned 3.2, so its maximum is 185, not 200): Đông first with the flag
// (86.96%, at least the 75% it requires), Tây and Nam the Bằng khen. The criterion types at work:
// Đông leads 1.1 (46/40, the best ratio: full 40 points); Tây's 7
// successes in 1.3 give 28, clamped to the max 20; Nam's 1 success and 4
// failures give −16, clamped to the min −10, lowering group I; the
// recheck (phúc tra lần 2) replaces the first review's values where it
// gave one.
func TestPoliceStyleOutcome(t *testing.T) {
	rb := policeRules(t)
	st, err := ranking.Rank(rb, policeSheet(t, rb))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := order(st), []string{"DONG", "TAY", "NAM", "TRUNG", "BAC"}; !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if got := st.Proposed("co"); !slices.Equal(got, []string{"DONG"}) {
		t.Errorf("flag to %v, want DONG", got)
	}
	if got := st.Proposed("bang_khen"); !slices.Equal(got, []string{"TAY", "NAM"}) {
		t.Errorf("Bằng khen to %v, want TAY, NAM", got)
	}
	node := func(member, id string) scoring.NodeScore {
		t.Helper()
		r, ok := st.Row(member)
		if !ok {
			t.Fatalf("no row %s", member)
		}
		n, ok := r.Card.Node(id)
		if !ok {
			t.Fatalf("no node %s", id)
		}
		return n
	}
	for _, c := range []struct{ member, node, points, stage string }{
		{"DONG", "1.1", "40", "tham_dinh_1"},  // the cluster's leader on 1.1
		{"TAY", "1.3", "20", "tham_dinh_1"},   // 7 × 4 = 28, clamped to 20
		{"NAM", "1.3", "-10", "tham_dinh_1"},  // 1 × 4 − 4 × 5 = −16, clamped to −10
		{"NAM", "I", "37.62", ""},             // the −10 counts in group I
		{"TAY", "2.3", "4", "tham_dinh_1"},    // 4 × 2 − 1 × 4
		{"BAC", "2.1", "21.54", "phuc_tra_2"}, // the recheck's 76%, not the review's 74%
		{"TAY", "3.1", "17.5", "phuc_tra_2"},  // the recheck's 17.5, not 18
	} {
		n := node(c.member, c.node)
		if n.Points.String() != c.points || n.Stage != c.stage {
			t.Errorf("%s %s: %s points at stage %q, want %s at %q", c.member, c.node, n.Points, n.Stage, c.points, c.stage)
		}
	}
	r, _ := st.Row("TRUNG")
	if r.Card.Attainable.String() != "185" {
		t.Errorf("Trung's attainable maximum %s, want 185 (3.2 not assigned)", r.Card.Attainable)
	}
}

// TestPoliceSignedVersusWorkaround: the same table and sheet, with each
// cộng/trừ criterion written as before signed criteria existed — a bonus
// and a deduction on the total. The workaround loses the clamp (Tây's
// 28 counts whole, Nam's −16 too) and takes 30 points out of the
// attainable maximum (170, not 200: percentages above 100%). Tây then
// passes Đông and takes the flag, and Nam loses its Bằng khen to Trung.
func TestPoliceSignedVersusWorkaround(t *testing.T) {
	rb := policeRules(t)
	sh := policeSheet(t, rb)
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	wrb, wsh := workaround(t, rb, sh)
	wst, err := ranking.Rank(wrb, wsh)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := order(st), []string{"DONG", "TAY", "NAM", "TRUNG", "BAC"}; !slices.Equal(got, want) {
		t.Errorf("signed: order %v, want %v", got, want)
	}
	if got, want := order(wst), []string{"TAY", "DONG", "TRUNG", "NAM", "BAC"}; !slices.Equal(got, want) {
		t.Errorf("workaround: order %v, want %v", got, want)
	}
	if got := wst.Proposed("co"); !slices.Equal(got, []string{"TAY"}) {
		t.Errorf("workaround: flag to %v, want TAY", got)
	}
	if got := wst.Proposed("bang_khen"); !slices.Equal(got, []string{"DONG", "TRUNG"}) {
		t.Errorf("workaround: Bằng khen to %v, want DONG, TRUNG", got)
	}
	if wrb.MaxTotal().String() != "170" || rb.MaxTotal().String() != "200" {
		t.Errorf("maxima %s (workaround) and %s, want 170 and 200", wrb.MaxTotal(), rb.MaxTotal())
	}
	r, _ := wst.Row("TAY")
	if r.Card.Bonus.Total.String() != "36" { // 7 × 4 + 4 × 2, unclamped
		t.Errorf("workaround: Tây's bonus %s, want 36", r.Card.Bonus.Total)
	}
}

// TestPoliceStyleSaysWhatIsReadAndAssumed: every file of the folder says
// what is illustrative, and the rulebook names its source (SW2) and what
// was read, assumed and recalled.
func TestPoliceStyleSaysWhatIsReadAndAssumed(t *testing.T) {
	files, err := os.ReadDir("police-style")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("police-style", f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToLower(string(b))
		if !strings.Contains(text, "illustrative") && !strings.Contains(text, "minh họa") {
			t.Errorf("police-style/%s does not say what is illustrative", f.Name())
		}
		if f.Name() == "rulebook.yaml" {
			for _, w := range []string{"READ", "ASSUMED", "RECALLED, NOT READ", "NationalSecurityContest2", "[SW2]"} {
				if !strings.Contains(string(b), w) {
					t.Errorf("police-style/rulebook.yaml does not say %q", w)
				}
			}
		}
	}
}
