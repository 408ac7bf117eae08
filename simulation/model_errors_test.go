package simulation

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
)

// leftover matches a placeholder or a missing key left in a written text.
var leftover = regexp.MustCompile(`\{(p?\d+(:[a-z]+)?|parts|list)\}|‹`)

// checkModelError checks one problem with a model: Text(lang.English) is
// Error(), Msg is its message in English, the message writes out
// completely, and the Vietnamese differs from the English.
func checkModelError(t testing.TB, e *ModelError) {
	t.Helper()
	if got := e.Text(lang.English); got != e.Error() {
		t.Fatalf("Text(English) = %q, Error() = %q", got, e.Error())
	}
	if e.Message.IsZero() {
		t.Fatalf("%q has no message", e.Error())
	}
	if err := e.Message.Check(); err != nil {
		t.Fatalf("%q: %v", e.Error(), err)
	}
	if got := e.Message.In(lang.English); got != e.Msg {
		t.Fatalf("message in English %q, Msg %q", got, e.Msg)
	}
	vi := e.Text(lang.Vietnamese)
	for _, tag := range []lang.Tag{lang.Vietnamese, lang.English} {
		if s := blank(e.Message).In(tag); leftover.MatchString(s) {
			t.Fatalf("left unfilled: %q", s)
		}
	}
	if vi == e.Error() {
		t.Fatalf("the Vietnamese is the English: %q", vi)
	}
}

// checkModelErrors checks an error that should be ModelErrors (every
// problem, and the list's Text) and returns it.
func checkModelErrors(t testing.TB, err error) ModelErrors {
	t.Helper()
	var es ModelErrors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error %T (%v) is not ModelErrors", err, err)
	}
	if got := es.Text(lang.English); got != es.Error() {
		t.Fatalf("Text(English) of the list:\n%s\nError():\n%s", got, es.Error())
	}
	for _, e := range es {
		checkModelError(t, e)
	}
	return es
}

// markKeys records the keys of a message and its parts.
func markKeys(seen map[string]bool, m lang.Message) {
	seen[m.Key] = true
	for _, p := range m.Parts {
		markKeys(seen, p)
	}
}

// TestModelErrorTexts writes a problem with a model of every kind, in
// Vietnamese, exactly; every "simulation.err." key has a case.
func TestModelErrorTexts(t *testing.T) {
	rb, _ := cum2(t)
	sh, err := sheets.Load("../examples/cum2/scores-2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	parse := func(yaml string) func() (*ModelError, error) {
		return func() (*ModelError, error) {
			_, err := ParseModel("m.yaml", []byte(yaml))
			return checkModelErrors(t, err)[0], err
		}
	}
	compile := func(yaml string) func() (*ModelError, error) {
		return func() (*ModelError, error) {
			m, err := ParseModel("m.yaml", []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = compilePlan(rb, sh, m, Config{})
			var me *ModelError
			if !errors.As(err, &me) {
				t.Fatalf("error %T (%v) is not a *ModelError", err, err)
			}
			checkModelError(t, me)
			return me, err
		}
	}
	cases := []struct {
		name   string
		run    func() (*ModelError, error)
		vi, en string
	}{
		{"not YAML", parse("default: ["), "m.yaml:1: lỗi cú pháp YAML: did not find expected node content", "m.yaml:1: did not find expected node content"},
		{"not a mapping", parse("[1]\n"), "m.yaml:1:1: : cần một nhóm khóa – giá trị, nhận được một danh sách", "m.yaml:1:1: : expected a mapping of keys to values, found a list"},
		{"a word other than fixed", parse("default: sure\n"),
			`m.yaml:1:10: default: cần ghi fixed, {range: R, step: S} hoặc {values: [...]}, nhận được "sure"`,
			`m.yaml:1:10: default: expected fixed, {range: R, step: S} or {values: [...]}, found "sure"`},
		{"a range without a step", parse("default: {range: 0.5}\n"),
			"m.yaml:1:10: default: khoảng dao động cần bước (step) lớn hơn 0 và biên độ (range) không âm", "m.yaml:1:10: default: a range needs a positive step and a range ≥ 0"},
		{"a range that is not a whole number of steps", parse("criteria:\n  \"03\": {range: 1, step: 0.3}\n"),
			"m.yaml:2:9: criteria.03: biên độ 1 không phải là một số nguyên lần bước 0,3 (tối đa 10000 bước)",
			"m.yaml:2:9: criteria.03: range 1 is not a whole number of steps 0.3 (at most 10000)"},
		{"too many values", parse("default: {values: [" + strings.Repeat("{value: 1}, ", 10001) + "]}\n"), "m.yaml:1:10: default: tối đa 10000 giá trị", ""},
		{"a negative weight", parse("default: {values: [{value: 1, weight: -1}]}\n"), "m.yaml:1:10: default: trọng số không được âm", ""},
		{"two kinds at once", parse("default: {range: 1, step: 1, values: [{value: 3}]}\n"),
			"m.yaml:1:10: default: chỉ ghi một trong các cách: fixed, range và step, hoặc values", ""},
		{"a typo in a key", parse("criteria:\n  \"03\": {rnage: 1, step: 1}\n"),
			`m.yaml:2:10: criteria.03.rnage: khóa không hợp lệ "rnage" (có phải là "range"?) (các khóa hợp lệ: range, step, values)`, ""},
		{"an unknown criterion", compile("criteria:\n  \"99\": fixed\n"),
			"mô hình: criteria.99: không phải tiêu chí của bộ tiêu chí caobang-cum2", "model: criteria.99: not a criterion of rulebook caobang-cum2"},
		{"an unknown member", compile("members:\n  SCTT: {\"03\": fixed}\n"),
			"mô hình: members.SCTT: không phải đơn vị của bảng điểm", "model: members.SCTT: not a member of the sheet"},
		{"too many decimal places", compile("default: {range: 0.0000000000001, step: 0.0000000000001}\n"),
			"mô hình của SCT, tiêu chí 01: các giá trị của tiêu chí 01 cần quá nhiều chữ số thập phân",
			"model for SCT, criterion 01: values of criterion 01 need too many decimal places"},
		{"no valid value", compile("criteria:\n  \"01\": {values: [{value: 0.5}]}\n"),
			"mô hình của SCT, tiêu chí 01: không giá trị nào của phân phối hợp lệ với tiêu chí 01 (phương pháp pass_fail, điểm tối đa 10)", ""},
		{"a value too large", compile("criteria:\n  \"07\": {values: [{value: 1000000000000000000000}]}\n"),
			"mô hình của SCT, tiêu chí 07: giá trị 1000000000000000000000 của tiêu chí 07 quá lớn", ""},
		{"a weight too large", compile("criteria:\n  \"07\": {values: [{value: 1, weight: 2199023255552.5}]}\n"),
			"mô hình của SCT, tiêu chí 07: trọng số 2199023255552,5 quá lớn hoặc có quá nhiều chữ số thập phân",
			"model for SCT, criterion 07: weight 2199023255552.5 is too large or too precise"},
		{"weights adding up to too much", compile("criteria:\n  \"07\": {values: [{value: 1, weight: 549755813889}, {value: 2, weight: 549755813889}]}\n"),
			"mô hình của SCT, tiêu chí 07: tổng các trọng số phải lớn hơn 0 và nhỏ hơn 2^40 đơn vị", ""},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, _ := c.run()
			markKeys(seen, e.Message)
			if got := e.Text(lang.Vietnamese); got != c.vi {
				t.Errorf("Vietnamese:\n got %s\nwant %s", got, c.vi)
			}
			if c.en != "" && e.Error() != c.en {
				t.Errorf("English:\n got %s\nwant %s", e.Error(), c.en)
			}
		})
	}
	// Problems the example cannot provoke, as a plan states them.
	for _, c := range []struct {
		msg    lang.Message
		vi, en string
	}{
		{lang.Msg("simulation.err.range.none_valid", "05", "tiers", "10"),
			"mô hình của SCT, tiêu chí 05: không giá trị nào trong khoảng dao động hợp lệ với tiêu chí 05 (phương pháp tiers, điểm tối đa 10)",
			"model for SCT, criterion 05: no value of the range is valid for criterion 05 (method tiers, maximum 10)"},
		{lang.Msg("simulation.err.votes"), "mô hình của SCT, tiêu chí 05: điểm của tiêu chí này quy đổi từ kết quả bỏ phiếu nên không mô hình hóa được",
			"model for SCT, criterion 05: votes come from the ballot and cannot be modelled"},
		{lang.Msg("simulation.err.assessors"),
			"mô hình của SCT, tiêu chí 05: điểm của nhiều người chấm được tổng hợp, nên chỉ mô hình hóa được điểm tính của tiêu chí chấm trực tiếp",
			"model for SCT, criterion 05: several assessors' scores are aggregated, so only a direct criterion's counted points can be modelled"},
	} {
		e := memberError("SCT", "05", c.msg)
		checkModelError(t, e)
		markKeys(seen, c.msg)
		if e.Text(lang.Vietnamese) != c.vi || e.Error() != c.en {
			t.Errorf("got\n%s\n%s\nwant\n%s\n%s", e.Text(lang.Vietnamese), e.Error(), c.vi, c.en)
		}
	}
	for _, k := range lang.Keys("simulation.err.") {
		if !seen[k] {
			t.Errorf("key %q has no case in the table", k)
		}
	}
}

var one = decimal.NewFromInt(1)

// TestVotesAndAssessorsCannotBeModelled provokes the two problems a plan
// finds with a criterion's kind, on small clusters.
func TestVotesAndAssessorsCannotBeModelled(t *testing.T) {
	rb, err := rules.Parse("v.yaml", []byte(`
id: v
version: "1"
title: v
criteria:
  - {id: a, name: A, max: 10, method: per_occurrence, points_each: 2}
  - {id: v, name: V, max: 10, method: votes}
`))
	if err != nil {
		t.Fatal(err)
	}
	sh := scoring.Sheet{
		Members: []scoring.Member{{ID: "A"}, {ID: "B"}},
		Scores: []scoring.Entry{
			{Member: "A", Criterion: "a", Stage: "cluster", Assessor: "B", Value: one},
			{Member: "A", Criterion: "a", Stage: "cluster", Assessor: "C", Value: one},
			{Member: "B", Criterion: "a", Stage: "cluster", Value: one},
		},
		Ballot: &scoring.Ballot{Votes: []scoring.Vote{{Member: "A", For: 1}, {Member: "B", For: 1}}},
	}
	for _, c := range []struct {
		model Model
		en    string
	}{
		{Model{Criteria: map[string]Uncertainty{"v": {Range: one, Step: one}}}, "model for A, criterion v: votes come from the ballot and cannot be modelled"},
		{Model{Criteria: map[string]Uncertainty{"a": {Range: one, Step: one}}}, "model for A, criterion a: several assessors' scores are aggregated, so only a direct criterion's counted points can be modelled"},
	} {
		_, err := compilePlan(rb, sh, c.model, Config{})
		var me *ModelError
		if !errors.As(err, &me) {
			t.Fatalf("error %T (%v) is not a *ModelError", err, err)
		}
		checkModelError(t, me)
		if me.Error() != c.en {
			t.Errorf("got %q, want %q", me.Error(), c.en)
		}
	}
}

// blank is m with every value replaced by "x", so that a check of the
// written text for leftovers is not misled by values that hold braces.
func blank(m lang.Message) lang.Message {
	out := lang.Message{Key: m.Key}
	for range m.Args {
		out.Args = append(out.Args, "x")
	}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, blank(p))
	}
	return out
}
