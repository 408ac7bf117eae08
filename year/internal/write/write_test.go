package write_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/year/internal/write"
)

const rulebook = `
id: r
version: "1"
title: Test
in_force: {from: 2021-01-01, to: 2021-12-31}
criteria:
  - {id: c1, name: Hồ sơ đúng hạn, max: 10}
  - {id: c2, name: Hoạt động, max: 10}
eligibility:
  - {id: diem_9, reason: Tổng điểm từ 9 trở lên, min_total: 9}
tie_breaks:
  - criterion: c1
awards:
  - {id: flag, name: Cờ thi đua, count: 1, requires: [diem_9]}
`

func standings(t *testing.T) (*rules.Rulebook, *ranking.Standings) {
	t.Helper()
	rb, err := rules.Parse("r.yaml", []byte(rulebook))
	if err != nil {
		t.Fatal(err)
	}
	sh := scoring.Sheet{Year: 2021, Members: []scoring.Member{{ID: "A", Name: "Sở A"}, {ID: "B", Name: "Sở B"}}}
	for _, e := range []struct {
		m, c string
		v    int64
	}{{"A", "c1", 6}, {"A", "c2", 4}, {"B", "c1", 4}, {"B", "c2", 6}} {
		sh.Scores = append(sh.Scores, scoring.Entry{Member: e.m, Criterion: e.c, Stage: "self", Value: decimal.NewFromInt(e.v)})
	}
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		t.Fatal(err)
	}
	return rb, st
}

// TestNames: a decision by a criterion names the criterion, the member
// above by its name; conditions are named by their reasons.
func TestNames(t *testing.T) {
	rb, st := standings(t)
	n := write.NamesOf(rb, st)
	row, _ := st.Row("B")
	if got, want := n.Brief(row.DecidedBy).In(lang.Vietnamese), "tiêu chí Hồ sơ đúng hạn: 4 < 6 (Sở A)"; got != want {
		t.Errorf("brief %q, want %q", got, want)
	}
	if !n.Brief(nil).IsZero() {
		t.Error("the first row has no decision")
	}
	if got, want := n.Conditions([]string{"diem_9", "nope"}).In(lang.English), "Tổng điểm từ 9 trở lên; nope"; got != want {
		t.Errorf("conditions %q, want %q", got, want)
	}
	if got := n.List([]string{"B", "A", "X"}); got != "Sở B, Sở A, X" {
		t.Errorf("list %q", got)
	}
	if tb, ok := n.TieBreak("criterion c1"); !ok || tb.Ref != "c1" {
		t.Errorf("tie-break %v %t", tb, ok)
	}
	if _, ok := n.TieBreak("lots"); ok {
		t.Error("lots is not in the chain")
	}
}

// TestWriter: tables are aligned without trailing spaces, dates are
// written as the language does, and Section writes nothing without items.
func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := write.New(&b, lang.Vietnamese)
	w.Table(lang.Msg("problem.text", "A\tB\tC"), [][]string{{"x", "yy", ""}, {"xxx", "", "z"}})
	w.Section(lang.Msg("problem.text", "none"), nil)
	w.Section(lang.Msg("problem.text", "Năm:"), []write.Item{{Year: 2021, Message: lang.Msg("problem.text", "một")}})
	var d rules.Date
	if err := d.UnmarshalText([]byte("2022-03-15")); err != nil {
		t.Fatal(err)
	}
	w.Line(write.Date(d))
	if err := w.Err(); err != nil {
		t.Fatal(err)
	}
	want := "A    B   C\nx    yy\nxxx      z\n\nNăm:\n  2021: một\n15/03/2022\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if got := write.Date(d).In(lang.English); got != "2022-03-15" {
		t.Errorf("English date %q", got)
	}
	if write.Or("") != write.Dash || write.Or("a") != "a" {
		t.Error("Or")
	}
	if s := write.Texts([]string{"a, b", "c"}).In(lang.English); !strings.Contains(s, "a, b; c") {
		t.Errorf("texts %q", s)
	}
}
