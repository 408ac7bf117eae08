package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// section names of a test rulebook, in the order they are written.
var sectionOrder = []string{
	"id", "version", "title", "jurisdiction", "regulation", "in_force",
	"criteria", "bonus", "deductions", "facts", "assessment", "rounding",
	"missing", "rank_by", "votes", "eligibility", "tie_breaks", "grades", "awards",
}

// baseSections is a valid rulebook that uses every part of the format, one
// YAML block per top-level key. Its criteria add up to 30 + 20 = 50 points.
var baseSections = map[string]string{
	"id":           `id: test-cum`,
	"version":      `version: "2024.1"`,
	"title":        `title: Bảng tiêu chí thử`,
	"jurisdiction": `jurisdiction: Tỉnh Thử`,
	"regulation": `regulation:
  number: 1/QĐ-UBND
  issuer: UBND tỉnh Thử
  date: 2024-01-15
  legal_basis:
    - Luật Thi đua, khen thưởng 2022`,
	"in_force": `in_force:
  from: 2024-01-01
  to: 2024-12-31`,
	"criteria": `criteria:
  - id: I
    name: Nhóm một
    max: 30
    children:
      - id: "1.1"
        name: Chấm thẳng
        max: 10
      - id: "1.2"
        name: Tỷ lệ
        max: 10
        method: ratio
        target: 100
      - id: "1.3"
        name: Mỗi buổi
        max: 10
        method: per_occurrence
        points_each: 2.5
  - id: II
    name: Nhóm hai
    children:
      - id: "2.1"
        name: Bậc
        max: 10
        method: tiers
        tiers:
          - {at_least: 10, points: 10}
          - {at_least: 5, points: 6}
          - {at_least: 0, points: 0}
      - id: "2.2"
        name: Đạt hay không
        max: 5
        weight: 2
        method: pass_fail`,
	"bonus": `bonus:
  cap: 15
  items:
    - {id: b1, name: Cờ năm trước, points: 10}
    - {id: b2, name: Mô hình mới, points: 5, max: 10}`,
	"deductions": `deductions:
  cap: 5
  floor: 0
  items:
    - {id: d1, name: Báo cáo muộn, points: 0.5, max: 3}
    - {id: d2, name: Vắng họp, points: 1, max: 2}`,
	"facts": `facts:
  - {id: clean, name: Không bị kỷ luật, default: true}
  - {id: strong, name: Trong sạch vững mạnh}`,
	"assessment": `assessment:
  stages:
    - {id: self, name: Tự chấm}
    - {id: cluster, name: Cụm chấm, aggregate: trimmed_mean, trim: 1}
  counts: latest
  divergence: {criterion: 3, total: 5}`,
	"rounding": `rounding:
  quotient: {places: 4, mode: half_even}
  criterion: {places: 2}
  total: {places: 2, mode: half_up}`,
	"missing": `missing: zero`,
	"rank_by": `rank_by: total`,
	"votes": `votes:
  base: all_members
  quorum: 2/3`,
	"eligibility": `eligibility:
  - {id: min45, reason: Từ 45 điểm, min_total: 45}
  - {id: floor, reason: Không tiêu chí nào dưới 85%, criterion_floor: {share: 85%, within: I}}
  - {id: grp, reason: Nhóm II từ 10 điểm, group_min: {group: II, min: 10}}
  - {id: clean, reason: Không bị kỷ luật, fact: clean}
  - {id: ded, reason: Trừ không quá 2 điểm, max_deductions: 2}
  - {id: votes, reason: Được 4/5 phiếu, min_votes: {share: 4/5}}
  - {id: pct, reason: Từ 90%, min_percent: 90}`,
	"tie_breaks": `tie_breaks:
  - group: I
  - criterion: "1.1"
  - fewer_deductions
  - no_award_last_year: flag
  - lots`,
	"awards": `awards:
  - {id: flag, name: Cờ thi đua, count: 1, requires: [min45, floor, clean]}
  - {id: merit, name: Bằng khen, share: 2/5, share_rounding: ceiling, if_ineligible: none}`,
}

// doc renders the base rulebook with some sections replaced; an empty
// replacement drops the section. Extra keys not in sectionOrder are appended.
func doc(over map[string]string) string {
	var b strings.Builder
	for _, k := range sectionOrder {
		s, ok := over[k]
		if !ok {
			s = baseSections[k]
		}
		if s == "" {
			continue
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	return b.String()
}

// markedLine returns the 1-based line of the first line of text containing
// the marker "#<", or 0 if there is none.
func markedLine(text string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "#<") {
			return i + 1
		}
	}
	return 0
}

// lineOf returns the 1-based line of the first line of text that contains s.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", s)
	return 0
}

// mustParse parses a rulebook that must be valid.
func mustParse(t testing.TB, text string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(text))
	if err != nil {
		t.Fatalf("Parse: unexpected error:\n%v\n--- input ---\n%s", err, text)
	}
	if rb == nil {
		t.Fatal("Parse returned neither a rulebook nor an error")
	}
	return rb
}

// parseErrs parses a rulebook that must be invalid and returns its problems.
func parseErrs(t *testing.T, text string) rules.Errors {
	t.Helper()
	rb, err := rules.Parse("test.yaml", []byte(text))
	if err == nil {
		t.Fatalf("Parse: expected an error, got a rulebook\n--- input ---\n%s", text)
	}
	if rb != nil {
		t.Errorf("Parse returned both a rulebook and an error")
	}
	var es rules.Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse: error %T is not rules.Errors: %v", err, err)
	}
	checkTexts(t, es)
	return es
}

// checkTexts checks the messages of every problem: each has one, in the
// catalogue (with its parts); written in English it is the problem's Msg,
// Text(lang.English) is Error() for each problem and for the list, and
// every placeholder of both languages' texts has a value (lang's
// Message.Check, which reads the templates, so a brace in the rulebook
// itself cannot hide or fake one).
func checkTexts(t testing.TB, es rules.Errors) {
	t.Helper()
	for _, e := range es {
		if e.Message.IsZero() {
			t.Fatalf("problem without a message: %+v", *e)
		}
		if err := e.Message.Check(); err != nil {
			t.Fatalf("%v: %v", e, err)
		}
		if got := e.Message.In(lang.English); got != e.Msg {
			t.Fatalf("message in English %q, Msg %q", got, e.Msg)
		}
		if got, want := e.Text(lang.English), e.Error(); got != want {
			t.Fatalf("Text(English) = %q, Error() = %q", got, want)
		}
	}
	if got, want := es.Text(lang.English), es.Error(); got != want {
		t.Fatalf("Errors.Text(English) = %q, Error() = %q", got, want)
	}
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Text(lang.Vietnamese)
	}
	if got, want := es.Text(lang.Vietnamese), strings.Join(lines, "\n"); got != want {
		t.Fatalf("Errors.Text(Vietnamese) is not the problems one a line:\n%s", got)
	}
}

// checkValueErr checks the error of a value that cannot be read (a share,
// a date): it carries a message from the catalogue, whose English text is
// the error's, and whose Vietnamese text fills every placeholder.
func checkValueErr(t testing.TB, err error) {
	t.Helper()
	var m interface{ Message() lang.Message }
	if !errors.As(err, &m) {
		t.Fatalf("error %T has no message: %v", err, err)
	}
	msg := m.Message()
	if err := msg.Check(); err != nil {
		t.Fatalf("%v: %v", err, err)
	}
	if got := msg.In(lang.English); got != err.Error() {
		t.Fatalf("message in English %q, error %q", got, err.Error())
	}
}

// checkErr checks the texts of err, which must be rules.Errors.
func checkErr(t testing.TB, err error) {
	t.Helper()
	var es rules.Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %T is not rules.Errors: %v", err, err)
	}
	checkTexts(t, es)
}

// keysOf lists the keys of m and of its parts.
func keysOf(m lang.Message) []string {
	out := []string{m.Key}
	for _, p := range m.Parts {
		out = append(out, keysOf(p)...)
	}
	return out
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// specOpts compares specs by value: decimals by number, dates by day.
var specOpts = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b rules.Date) bool { return a.String() == b.String() }),
}
