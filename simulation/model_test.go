package simulation

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

func TestParseModel(t *testing.T) {
	cases := []struct {
		name, yaml, err string
	}{
		{"a range and a step", "default: {range: 0.5, step: 0.25}\n", ""},
		{"fixed, values and per member", "criteria:\n  \"01\": fixed\n  \"07\": {values: [{value: 95}, {value: 98, weight: 2}]}\nmembers:\n  SXD:\n    \"03\": {range: 1.5, step: 0.5}\n", ""},
		{"a range without a step", "default: {range: 0.5}\n", "m.yaml:1:10: default: a range needs a positive step"},
		{"a range that is not a whole number of steps", "criteria:\n  \"03\": {range: 1, step: 0.3}\n", "m.yaml:2:9: criteria.03: range 1 is not a whole number of steps 0.3"},
		{"a typo in a key", "criteria:\n  \"03\": {rnage: 1, step: 1}\n", `m.yaml:2:10: criteria.03.rnage: unknown key "rnage" (did you mean "range"?)`},
		{"two kinds at once", "default: {range: 1, step: 1, values: [{value: 3}]}\n", "default: give one of fixed, range and step, or values"},
		{"a word other than fixed", "default: sure\n", `default: expected fixed, {range: R, step: S} or {values: [...]}, found "sure"`},
		{"a negative weight", "default: {values: [{value: 1, weight: -1}]}\n", "a weight must not be negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseModel("m.yaml", []byte(c.yaml))
			switch {
			case c.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
				t.Fatalf("error %v, want it to contain %q", err, c.err)
			case c.err != "":
				checkModelErrors(t, err)
			}
		})
	}
}

// A model naming a member or criterion that does not exist is refused,
// rather than silently leaving the intended value fixed.
func TestModelReferencesAreChecked(t *testing.T) {
	rb, _ := cum2(t)
	sh, _ := sheets.Load("../examples/cum2/scores-2020.csv")
	m := Model{
		Criteria: map[string]Uncertainty{"99": {Fixed: true}, "I": {Fixed: true}},
		Members:  map[string]map[string]Uncertainty{"SCTT": {"03": {Fixed: true}}},
	}
	_, err := Run(context.Background(), rb, sh, m, Config{Scenarios: 10})
	for _, want := range []string{"criteria.99: not a criterion", "criteria.I: not a criterion", "members.SCTT: not a member"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v should contain %q", err, want)
		}
	}
	if es := checkModelErrors(t, err); len(es) != 3 {
		t.Errorf("%d problems, want 3:\n%v", len(es), es)
	}
	want := "mô hình: criteria.99: không phải tiêu chí của bộ tiêu chí caobang-cum2\n" +
		"mô hình: criteria.I: không phải tiêu chí của bộ tiêu chí caobang-cum2\n" +
		"mô hình: members.SCTT: không phải đơn vị của bảng điểm"
	if got := err.(ModelErrors).Text(lang.Vietnamese); got != want {
		t.Errorf("in Vietnamese:\n%s\nwant\n%s", got, want)
	}
}

// The outcomes of a range are the recorded value ± k steps, kept only
// where the criterion accepts them.
func TestOutcomesStayWithinWhatTheCriterionAccepts(t *testing.T) {
	rb, err := rules.Parse("o.yaml", []byte(`
id: o
version: "1"
title: o
criteria:
  - {id: d, name: D, max: 10}
  - {id: p, name: P, max: 5, method: pass_fail}
  - {id: n, name: N, max: 10, method: per_occurrence, points_each: 2}
  - {id: t, name: T, max: 4, method: tiers, tiers: [{at_least: 0, points: 0}, {at_least: 5, points: 4}]}
`))
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	cases := []struct {
		node, base, rng, step string
		want                  []string
	}{
		{"d", "9.75", "0.5", "0.25", []string{"9.25", "9.5", "9.75", "10"}}, // 10.25 and 10.5 exceed the maximum
		{"d", "0.25", "0.5", "0.25", []string{"0", "0.25", "0.5", "0.75"}},  // below zero dropped
		{"p", "1", "1", "1", []string{"0", "1"}},                            // 2 is not pass/fail
		{"n", "1", "1", "0.5", []string{"0", "1", "2"}},                     // counts are whole
		{"t", "-1", "1", "1", []string{"-2", "-1", "0"}},                    // measured values may be negative
	}
	for _, c := range cases {
		n, _ := rb.Node(c.node)
		set, ok, err := outcomes(Uncertainty{Range: d(c.rng), Step: d(c.step)}, n, d(c.base), stepsCache{})
		if err != nil || !ok {
			t.Fatalf("%s around %s: %v", c.node, c.base, err)
		}
		var got []string
		for i := range set.vals {
			got = append(got, set.value(i).String())
			if set.weights[i] != 1 {
				t.Errorf("%s: weight %d, want 1", c.node, set.weights[i])
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s around %s ± %s by %s: %v, want %v", c.node, c.base, c.rng, c.step, got, c.want)
		}
	}
}

// FuzzParseModel: the parser never panics, and every problem it reports
// can be written in both languages, Text(lang.English) being Error().
func FuzzParseModel(f *testing.F) {
	for _, s := range []string{
		"default: {range: 0.5, step: 0.25}\n",
		"criteria:\n  \"01\": fixed\n  \"07\": {values: [{value: 95}, {value: 98, weight: 2}]}\nmembers:\n  SXD:\n    \"03\": {range: 1.5, step: 0.5}\n",
		"default: {range: 1, step: 1, values: [{value: 3}]}\n",
		"default: sure\n",
		`{"default": {"range": "0,5", "step": 0.25}}`,
		"default: [",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseModel("fuzz.yaml", data); err != nil {
			checkModelErrors(t, err)
		}
	})
}
