package history_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/history"
)

// The Cụm II example's 2020 files, by absolute path.
func cum2(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "examples", "cum2", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const year2020 = `
units:
  - {id: SKHCN, name: Sở Khoa học và Công nghệ}
  - {id: STNMT, name: Sở Tài nguyên và Môi trường}
  - {id: SGTVT, name: Sở Giao thông Vận tải}
  - {id: SXD, name: Sở Xây dựng}
  - {id: SNNPTNT, name: Sở Nông nghiệp và Phát triển nông thôn}
  - {id: SCT, name: Sở Công Thương}
  - {id: TTT, name: Thanh tra tỉnh}
clusters:
  - id: cum2
    name: Cụm II
    years:
      - year: YEAR
        members: [SKHCN, STNMT, SGTVT, SXD, SNNPTNT, SCT, TTT]
        rulebook: {id: caobang-cum2, version: "2020.1"HASH, path: RULEBOOK}
        sheet: SHEET
        awards:
          - {member: SCT, award: flag, rank: 1}
          - {member: MERIT, award: merit, rank: 2}
          - {member: SXD, award: merit, rank: 3}
`

func writeHistory(t *testing.T, repl ...string) string {
	t.Helper()
	// The first pair that matches wins: the test's replacements first.
	r := strings.NewReplacer(append(repl, "RULEBOOK", cum2(t, "rulebook.yaml"), "SHEET", cum2(t, "scores-2020.csv"))...)
	defaults := strings.NewReplacer("YEAR", "2020", "HASH", "", "MERIT", "SKHCN")
	p := filepath.Join(t.TempDir(), "history.yaml")
	if err := os.WriteFile(p, []byte(defaults.Replace(r.Replace(year2020))), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadRanksTheSheetAndAgreesWithTheRecord(t *testing.T) {
	h, err := history.Load(writeHistory(t))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := h.Result("cum2", 2020)
	if !ok || r.Standings == nil || r.Rulebook == nil {
		t.Fatalf("2020 not ranked: %+v", r)
	}
	if top := h.Top("cum2", 2020); !slices.Equal(top, []string{"SCT"}) {
		t.Errorf("top %v, want SCT", top)
	}
}

func TestLoadErrors(t *testing.T) {
	rb, err := rules.Load(cum2(t, "rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		repl []string
		want string
	}{
		{"a rulebook whose hash differs from the recorded one is refused", []string{"HASH", `, hash: "sha256:0000"`}, "the history says rulebook hash"},
		{"recorded awards the ranking does not give are refused", []string{"MERIT", "TTT"}, "recorded merit, but ranking sheet"},
		{"an award the ranking gives but the history does not record is reported", []string{"MERIT", "TTT"}, "which the history does not record"},
		{"a rulebook not in force in the year is refused", []string{"YEAR", "2021"}, "is in force 2020-01-01 – 2020-12-31, not in 2021"},
		{"a missing sheet is reported for its year", []string{"SHEET", "nonexistent.csv"}, "sheet nonexistent.csv"},
		{"a missing rulebook is reported for its year", []string{"RULEBOOK", "nonexistent.yaml"}, "rulebook nonexistent.yaml"},
	}
	_ = rb
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeHistory(t, c.repl...)
			_, err := history.Load(p)
			checkErrors(t, err)
			var es history.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want history.Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Error(), c.want) {
					if e.File != p || e.Line == 0 || e.Cluster != "cum2" || e.Year == 0 {
						t.Errorf("error lacks its file, line, cluster or year: %+v", e)
					}
					return
				}
			}
			t.Fatalf("no error says %q:\n%v", c.want, err)
		})
	}
}

func TestParseReportsLinesAndKeys(t *testing.T) {
	src := `units:
  - {id: A, name: Sở A}
  - {id: B, name: Sở B}
clusters:
  - id: k
    name: Cụm K
    colour: blue
    years:
      - year: 2020
        members: [A, B, Z]
        rulebook: {id: r, version: "1"}
`
	_, err := history.Parse("h.yaml", []byte(src))
	checkErrors(t, err)
	var es history.Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if es[0].Line != 7 || !strings.Contains(es[0].Msg, `unknown key "colour"`) {
		t.Errorf("first problem %v, want line 7 unknown key colour", es[0])
	}
	if es[1].Line != 10 || es[1].Member != "Z" || es[1].Year != 2020 || !strings.HasPrefix(es[1].Error(), "h.yaml:10:") {
		t.Errorf("second problem %v, want h.yaml:10 member Z in 2020", es[1])
	}
}

// The Cụm II example: ranked year by year, the history decides the 2021 tie
// and moves the 2022 flag.
func TestLoadExample(t *testing.T) {
	h, err := history.Load(filepath.Join("..", "..", "examples", "cum2-years", "history.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r21, _ := h.Result("cum2", 2021)
	row, _ := r21.Standings.Row("SCT")
	if row.DecidedBy == nil || row.DecidedBy.Rule != "no_award_last_year flag" {
		t.Errorf("2021: SCT below STNMT by %+v, want no_award_last_year flag", row.DecidedBy)
	}
	r22, _ := h.Result("cum2", 2022)
	if got := r22.Standings.Proposed("flag"); !slices.Equal(got, []string{"SKHCNTT"}) {
		t.Errorf("2022 flag to %v, want SKHCNTT", got)
	}
}
