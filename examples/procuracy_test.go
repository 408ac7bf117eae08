package examples_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// rankProcuracy ranks the procuracy example's sheet with the replacements
// edits (old, new pairs) applied to its text.
func rankProcuracy(t *testing.T, edits ...string) *ranking.Standings {
	t.Helper()
	rb, err := rules.Load("procuracy/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("procuracy/scores-2022.csv")
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
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestProcuracyFlag: TT 01/2019/TT-VKSTC Điều 20 on the example's sheet.
// The top scorer (VKS Thanh Hóa) does not hold "Tập thể lao động xuất
// sắc", so it cannot have the flag; the next (VKS Nghệ An) is a candidate
// but has 4 of 6 votes (66.67%), below "từ 80% trở lên"; the flag falls
// through to the next eligible member (VKS Hà Tĩnh, 5/6 = 83.33%), not to
// the one with the most votes (VKS Quảng Bình, 6/6, ranked below it).
// Variants of the sheet move the flag as the text says they must.
func TestProcuracyFlag(t *testing.T) {
	cases := []struct {
		name    string
		edits   []string
		flag    string
		skipped map[string][]string // member → the conditions it fails
	}{
		{"the sheet as published", nil, "HTI", map[string][]string{"THA": {"ttldxs", "phieu_80"}, "NAN": {"phieu_80"}}},
		{"Nghệ An at 5/6 = 83.33% takes it", []string{"votes,NAN,for,4", "votes,NAN,for,5"}, "NAN",
			map[string][]string{"THA": {"ttldxs", "phieu_80"}}},
		{"Hà Tĩnh at 4/6 too: on to Quảng Bình", []string{"votes,HTI,for,5", "votes,HTI,for,4"}, "QBI",
			map[string][]string{"THA": {"ttldxs", "phieu_80"}, "NAN": {"phieu_80"}, "HTI": {"phieu_80"}}},
		{"Thanh Hóa with the title and 6/6 keeps its first place", []string{"fact,THA,ttldxs,false", "fact,THA,ttldxs,true", "ballot,,entitled,6", "votes,THA,for,6\nballot,,entitled,6"}, "THA", map[string][]string{}},
		{"a candidate without a new model is passed over whatever its votes", []string{"fact,HTI,mo_hinh_moi,true", "fact,HTI,mo_hinh_moi,false"}, "QBI",
			map[string][]string{"THA": {"ttldxs", "phieu_80"}, "NAN": {"phieu_80"}, "HTI": {"mo_hinh"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := rankProcuracy(t, c.edits...)
			if got := st.Proposed("co_nganh"); !slices.Equal(got, []string{c.flag}) {
				t.Fatalf("flag to %v, want %s", got, c.flag)
			}
			got := map[string][]string{}
			for _, a := range st.Awards {
				for _, s := range a.Skipped {
					got[s.Member] = s.Failed
				}
			}
			if len(got) != len(c.skipped) {
				t.Errorf("skipped %v, want %v", got, c.skipped)
			}
			for m, want := range c.skipped {
				if !slices.Equal(got[m], want) {
					t.Errorf("%s skipped for %v, want %v", m, got[m], want)
				}
			}
		})
	}
	if r, _ := rankProcuracy(t).Row("THA"); r.Rank != 1 {
		t.Errorf("Thanh Hóa ranks %d: the example no longer has the top scorer without the title", r.Rank)
	}
}

// TestProcuracyAuthority: the sector's council considers the proposal and
// the Procurator General decides, not a province.
func TestProcuracyAuthority(t *testing.T) {
	rb, err := rules.Load("procuracy/rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := rb.Authority()
	if a.Council != "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân" || a.Decides != "Viện trưởng Viện kiểm sát nhân dân tối cao" {
		t.Errorf("authority %+v", a)
	}
}

// TestNewExamplesSayWhatIsReadAndAssumed: every file of the examples
// modelled on a real regulation says what is illustrative, and each
// rulebook's header says what was read and what assumed.
func TestNewExamplesSayWhatIsReadAndAssumed(t *testing.T) {
	for _, dir := range []string{"procuracy", "nghean-grading", "union-grading"} {
		files, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ToLower(string(b))
			if !strings.Contains(text, "illustrative") && !strings.Contains(text, "minh họa") {
				t.Errorf("%s/%s does not say what is illustrative", dir, f.Name())
			}
			if f.Name() == "rulebook.yaml" && (!strings.Contains(string(b), "READ") || !strings.Contains(string(b), "ASSUMED")) {
				t.Errorf("%s/%s does not say what was read and what assumed", dir, f.Name())
			}
		}
	}
}
