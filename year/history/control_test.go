package history_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/record"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoresheet"
	"github.com/thidua/thidua/year/history"
)

const twoYears = `
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
      - year: 2020
        members: [SKHCN, STNMT, SGTVT, SXD, SNNPTNT, SCT, TTT]
        rulebook: {path: rulebook-2020.yaml}
        record: RECORD
      - year: 2021
        members: [SKHCN, STNMT, SGTVT, SXD, SNNPTNT, SCT, TTT]
        rulebook: {path: RULEBOOK2021}
`

// sealCum2 seals the Cụm II example's 2020 result under its rulebook and
// writes the record to path.
func sealCum2(t *testing.T, path string) *record.Record {
	t.Helper()
	rb, err := rules.Load(cum2(t, "rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sh, _, err := scoresheet.Check(rb, cum2(t, "scores-2020.csv"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := record.Seal(rb, sh, st, record.Options{Now: time.Date(2021, 1, 6, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, rec.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	return rec
}

// controlHistory writes a history of two years of Cụm II: 2020 under the
// example's rulebook edited by replace, with a sealed record of the
// unedited one, and 2021 under the 2021 example rulebook.
func controlHistory(t *testing.T, replace ...string) string {
	t.Helper()
	dir := t.TempDir()
	text, err := os.ReadFile(cum2(t, "rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rulebook-2020.yaml"), []byte(strings.NewReplacer(replace...).Replace(string(text))), 0o644); err != nil {
		t.Fatal(err)
	}
	sealCum2(t, filepath.Join(dir, "record-2020.json"))
	r2021, err := filepath.Abs(filepath.Join("..", "..", "examples", "cum2-years", "rulebook-2021.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	h := strings.NewReplacer("RECORD", "record-2020.json", "RULEBOOK2021", r2021).Replace(twoYears)
	p := filepath.Join(dir, "history.yaml")
	if err := os.WriteFile(p, []byte(h), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func kinds(ws []history.Warning) []history.WarningKind {
	var out []history.WarningKind
	for _, w := range ws {
		out = append(out, w.Kind)
	}
	return out
}

// TestWarningsNone: the example history, and two years whose rulebooks are
// the ones sealed and follow each other, warn of nothing.
func TestWarningsNone(t *testing.T) {
	for _, p := range []string{filepath.Join("..", "..", "examples", "cum2-years", "history.yaml"), controlHistory(t)} {
		h, err := history.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if ws := h.Warnings(); len(ws) != 0 {
			t.Errorf("%s: %v", p, kinds(ws))
		}
	}
}

// TestWarnings: a 2020 rulebook amended after the record was sealed,
// issued after the year, and left in force over 2021 when the 2021
// rulebook came: three warnings, each in both languages.
func TestWarnings(t *testing.T) {
	p := controlHistory(t, "regulation:\n", "regulation:\n  date: 2021-03-01\n", "  to: 2020-12-31", "  to: 2021-12-31")
	h, err := history.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	ws := h.Warnings()
	want := []history.WarningKind{history.RulebookLate, history.RulebookNotSealed, history.RulebookLate, history.RulebookConflict}
	if got := kinds(ws); !slices.Equal(got, want) {
		for _, w := range ws {
			t.Log(w.Text(lang.English))
		}
		t.Fatalf("warnings %v, want %v", got, want)
	}
	checks := []struct{ vi, en string }{
		{"được ban hành ngày 2021-03-01, sau khi năm 2020 được chấm điểm đã kết thúc", "was issued on 2021-03-01, after the year 2020 it ranks had ended"},
		{"không phải bộ tiêu chí đã niêm phong cho năm 2020 trong hồ sơ record-2020.json", "is not the rulebook sealed for 2020 in record-2020.json"},
		{"sau ngày niêm phong kết quả 2021-01-06", "after the result was sealed on 2021-01-06"},
		{"Năm 2020 và năm 2021 của cụm dùng hai bộ tiêu chí khác nhau có thời gian hiệu lực chồng lên nhau", "Years 2020 and 2021 of the cluster use two different rulebooks whose periods in force overlap"},
	}
	for i, c := range checks {
		if vi := ws[i].Text(lang.Vietnamese); !strings.Contains(vi, c.vi) {
			t.Errorf("warning %d in Vietnamese: %q", i, vi)
		}
		if en := ws[i].Text(lang.English); !strings.Contains(en, c.en) {
			t.Errorf("warning %d in English: %q", i, en)
		}
	}
	if w := ws[3]; w.Cluster != "cum2" || w.Year != 2021 || w.Path != "clusters[0].years[1].rulebook.path" || w.File != p {
		t.Errorf("conflict located at %+v", w)
	}
}

// TestWarningsRecord: an altered record, a record of another year; a
// missing record is an error of Load.
func TestWarningsRecord(t *testing.T) {
	p := controlHistory(t)
	rp := filepath.Join(filepath.Dir(p), "record-2020.json")
	data, err := os.ReadFile(rp)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, data string
		want       string
	}{
		{"altered", strings.Replace(string(data), `"rank":"2"`, `"rank":"3"`, 1), "was altered"},
		{"not a record", "{}\n", "cannot be read"},
	} {
		if err := os.WriteFile(rp, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		h, err := history.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		ws := h.Warnings()
		if len(ws) != 1 || ws[0].Kind != history.RecordTampered || !strings.Contains(ws[0].Text(lang.English), c.want) {
			t.Errorf("%s: %+v", c.name, ws)
		}
	}
	if err := os.Remove(rp); err != nil {
		t.Fatal(err)
	}
	if _, err := history.Load(p); err == nil || !strings.Contains(err.Error(), "sealed record record-2020.json") {
		t.Errorf("a missing record: %v", err)
	}
}
