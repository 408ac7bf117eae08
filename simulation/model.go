package simulation

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fixed"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// Model is the uncertainty of a cluster's scores. For a member and a
// criterion the first of Members[member][criterion], Criteria[criterion] and
// Default that is given applies; if none is, the value is fixed.
type Model struct {
	Default  *Uncertainty                      `yaml:"default" json:"default,omitempty"`
	Criteria map[string]Uncertainty            `yaml:"criteria" json:"criteria,omitempty"`
	Members  map[string]map[string]Uncertainty `yaml:"members" json:"members,omitempty"`
}

// Uncertainty is the set of values one counted input may take. Exactly one
// of Fixed, Range (with Step) and Values is given. In files it is written as
// "fixed", as {range: 0.5, step: 0.25} or as {values: [{value: 9, weight:
// 1}, {value: 9.5, weight: 2}]}.
type Uncertainty struct {
	Fixed bool `json:"fixed,omitempty"`
	// Range and Step: the recorded value ± Range, in steps of Step, each
	// equally likely; values outside what the criterion accepts (below zero,
	// above a direct criterion's maximum, not 0/1 for pass/fail, not whole
	// for per-occurrence) are left out.
	Range decimal.Decimal `json:"range,omitzero"`
	Step  decimal.Decimal `json:"step,omitzero"`
	// Values is a discrete distribution: each value with a weight (relative
	// likelihood; weight 0 or omitted means 1).
	Values []Outcome `json:"values,omitempty"`
}

// Outcome is one value of a discrete distribution.
type Outcome struct {
	Value  decimal.Decimal `yaml:"value" json:"value"`
	Weight decimal.Decimal `yaml:"weight" json:"weight,omitzero"`
}

// For returns the uncertainty of a member's criterion under the model.
func (m Model) For(member, criterion string) Uncertainty {
	if u, ok := m.Members[member][criterion]; ok {
		return u
	}
	if u, ok := m.Criteria[criterion]; ok {
		return u
	}
	if m.Default != nil {
		return *m.Default
	}
	return Uncertainty{Fixed: true}
}

// LoadModel reads a model from a YAML or JSON file.
func LoadModel(path string) (Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Model{}, err
	}
	return ParseModel(path, data)
}

// ParseModel reads a model from YAML or JSON. Errors name the file and line.
func ParseModel(name string, data []byte) (Model, error) {
	var m Model
	root, p := decode.Parse(data)
	if p != nil {
		return m, fmt.Errorf("%s:%d: %s", name, p.Line, p.Msg)
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[Uncertainty](): decodeUncertainty}
	d.Decode(root, "", &m)
	if len(d.Problems) == 0 {
		// each uncertainty on its own: a range needs a step, and so on
		check := func(path string, u Uncertainty) {
			if err := u.check(); err != nil {
				d.Problems = append(d.Problems, decode.Problem{Path: path, Msg: err.Error()})
			}
		}
		if m.Default != nil {
			check("default", *m.Default)
		}
		for _, c := range sortedKeys(m.Criteria) {
			check("criteria."+c, m.Criteria[c])
		}
		for _, mem := range sortedKeys(m.Members) {
			for _, c := range sortedKeys(m.Members[mem]) {
				check("members."+mem+"."+c, m.Members[mem][c])
			}
		}
	}
	if len(d.Problems) > 0 {
		var lines []string
		for _, p := range d.Problems {
			if p.Line == 0 {
				p.Line, p.Column = d.Line(p.Path)
			}
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s", name, p.Line, p.Column, p.Path, p.Msg))
		}
		return Model{}, errors.New(strings.Join(lines, "\n"))
	}
	return m, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkRefs reports members and criteria the model names that the sheet
// and rulebook do not have, so that a typo is not silently a fixed value.
func (m Model) checkRefs(rb *rules.Rulebook, sh scoring.Sheet) error {
	var errs []error
	leaf := func(id string) bool { n, ok := rb.Node(id); return ok && !n.IsGroup() }
	for _, c := range sortedKeys(m.Criteria) {
		if !leaf(c) {
			errs = append(errs, fmt.Errorf("model: criteria.%s: not a criterion of rulebook %s", c, rb.ID()))
		}
	}
	for _, mem := range sortedKeys(m.Members) {
		if !slices.ContainsFunc(sh.Members, func(x scoring.Member) bool { return x.ID == mem }) {
			errs = append(errs, fmt.Errorf("model: members.%s: not a member of the sheet", mem))
		}
		for _, c := range sortedKeys(m.Members[mem]) {
			if !leaf(c) {
				errs = append(errs, fmt.Errorf("model: members.%s.%s: not a criterion of rulebook %s", mem, c, rb.ID()))
			}
		}
	}
	return errors.Join(errs...)
}

func decodeUncertainty(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	u := v.Addr().Interface().(*Uncertainty)
	if n.Kind == yaml.ScalarNode {
		if n.Value != "fixed" {
			d.Addf(n, path, "expected fixed, {range: R, step: S} or {values: [...]}, found %q", n.Value)
		}
		u.Fixed = true
		return
	}
	var raw struct {
		Range  decimal.Decimal `yaml:"range"`
		Step   decimal.Decimal `yaml:"step"`
		Values []Outcome       `yaml:"values"`
	}
	d.Decode(n, path, &raw)
	u.Range, u.Step, u.Values = raw.Range, raw.Step, raw.Values
}

// check validates the uncertainty for a criterion.
func (u Uncertainty) check() error {
	kinds := 0
	if u.Fixed {
		kinds++
	}
	if !u.Range.IsZero() || !u.Step.IsZero() {
		kinds++
		if !u.Step.IsPositive() || u.Range.IsNegative() {
			return fmt.Errorf("a range needs a positive step and a range ≥ 0")
		}
		if n := u.Range.Div(u.Step); !n.IsInteger() || n.GreaterThan(decimal.NewFromInt(10000)) {
			return fmt.Errorf("range %s is not a whole number of steps %s (at most 10000)", u.Range, u.Step)
		}
	}
	if len(u.Values) > 0 {
		kinds++
		if len(u.Values) > 10000 {
			return fmt.Errorf("at most 10000 values")
		}
		for _, o := range u.Values {
			if o.Weight.IsNegative() {
				return fmt.Errorf("a weight must not be negative")
			}
		}
	}
	if kinds > 1 {
		return fmt.Errorf("give one of fixed, range and step, or values")
	}
	return nil
}

// outcomeSet is the values a member's criterion may take, as integers at
// one scale, with integer weights.
type outcomeSet struct {
	vals    []int64
	scale   int32
	weights []uint64
}

func (o outcomeSet) value(k int) decimal.Decimal { return fixed.FromInt(o.vals[k], o.scale) }

// stepsCache remembers how many steps a range spans, so that a model's
// default is worked out once per plan, not once per member and criterion.
type stepsCache map[[2]string]int64

func (c stepsCache) steps(u Uncertainty) (int64, error) {
	key := [2]string{u.Range.String(), u.Step.String()}
	if k, ok := c[key]; ok {
		return k, nil
	}
	if err := u.check(); err != nil {
		return 0, err
	}
	k := u.Range.Div(u.Step).IntPart()
	c[key] = k
	return k, nil
}

// outcomes lists the values and weights a member's criterion may take,
// given its recorded value; ok is false for a fixed value.
func outcomes(u Uncertainty, n rules.Node, base decimal.Decimal, cache stepsCache) (outcomeSet, bool, error) {
	var o outcomeSet
	switch {
	case u.Fixed || (u.Range.IsZero() && u.Step.IsZero() && len(u.Values) == 0):
		return o, false, nil
	case len(u.Values) > 0:
		if err := u.check(); err != nil {
			return o, false, err
		}
		return discrete(u, n)
	}
	k, err := cache.steps(u)
	if err != nil {
		return o, false, err
	}
	o.scale = max(fixed.Places(base), fixed.Places(u.Step), fixed.Places(n.Max))
	b, ok1 := fixed.ToInt(base, o.scale)
	st, ok2 := fixed.ToInt(u.Step, o.scale)
	mx, ok3 := fixed.ToInt(n.Max, o.scale)
	if !ok1 || !ok2 || !ok3 || o.scale > 12 {
		return o, false, fmt.Errorf("values of criterion %s need too many decimal places", n.ID)
	}
	one := fixed.Pow10[o.scale]
	for j := -k; j <= k; j++ {
		v := b + j*st
		if acceptsInt(n.Method, v, mx, one) {
			o.vals = append(o.vals, v)
			o.weights = append(o.weights, 1)
		}
	}
	if len(o.vals) == 0 {
		return o, false, fmt.Errorf("no value of the range is valid for criterion %s (method %s, maximum %s)", n.ID, n.Method, n.Max)
	}
	return o, true, nil
}

// acceptsInt is accepts for a value v at a scale where 1 is one.
func acceptsInt(m rules.Method, v, max, one int64) bool {
	if v < 0 {
		return m == rules.Tiers
	}
	switch m {
	case rules.Direct:
		return v <= max
	case rules.PassFail:
		return v == 0 || v == one
	case rules.PerOccurrence:
		return v%one == 0
	}
	return true
}

// discrete lists a distribution's values (merged where repeated) with
// integer weights.
func discrete(u Uncertainty, n rules.Node) (outcomeSet, bool, error) {
	var o outcomeSet
	var keptV, keptW []decimal.Decimal
	for _, x := range u.Values {
		w := x.Weight
		if w.IsZero() {
			w = decimal.NewFromInt(1)
		}
		if !accepts(n, x.Value) {
			continue
		}
		if j := slices.IndexFunc(keptV, x.Value.Equal); j >= 0 {
			keptW[j] = keptW[j].Add(w)
			continue
		}
		keptV, keptW = append(keptV, x.Value), append(keptW, w)
	}
	if len(keptV) == 0 {
		return o, false, fmt.Errorf("no value of the distribution is valid for criterion %s (method %s, maximum %s)", n.ID, n.Method, n.Max)
	}
	for _, v := range keptV {
		o.scale = max(o.scale, fixed.Places(v))
	}
	if o.scale > 12 {
		return o, false, fmt.Errorf("values of criterion %s need too many decimal places", n.ID)
	}
	for _, v := range keptV {
		iv, ok := fixed.ToInt(v, o.scale)
		if !ok {
			return o, false, fmt.Errorf("value %s of criterion %s is too large", v, n.ID)
		}
		o.vals = append(o.vals, iv)
	}
	p := int32(0)
	for _, w := range keptW {
		p = max(p, -w.Exponent())
	}
	var sum uint64
	for _, w := range keptW {
		x := w.Shift(p)
		if !x.IsInteger() || x.GreaterThan(decimal.NewFromInt(1<<40)) {
			return o, false, fmt.Errorf("weight %s is too large or too precise", w)
		}
		o.weights = append(o.weights, uint64(x.IntPart()))
		sum += uint64(x.IntPart())
	}
	if sum == 0 || sum >= 1<<40 {
		return o, false, fmt.Errorf("the weights must add up to a positive number below 2^40 units")
	}
	return o, true, nil
}

func accepts(n rules.Node, v decimal.Decimal) bool {
	if v.IsNegative() {
		return n.Method == rules.Tiers // a measured value such as a growth rate may be negative
	}
	switch n.Method {
	case rules.Direct:
		return v.LessThanOrEqual(n.Max)
	case rules.PassFail:
		return v.Equal(decimal.Zero) || v.Equal(decimal.NewFromInt(1))
	case rules.PerOccurrence:
		return v.IsInteger()
	}
	return true
}

// scenarioStage is the stage a scenario's value is recorded at: the stage
// that counts if the rulebook names one, else the last stage.
func scenarioStage(rb *rules.Rulebook) string {
	a := rb.Assessment()
	if a.Counts == rules.NamedPick {
		return a.Stage
	}
	return a.Stages[len(a.Stages)-1].ID
}

// withValues returns a copy of sh in which each (member, criterion) in
// values has its entries replaced by one entry at the scenario stage.
func withValues(sh scoring.Sheet, stage string, values map[[2]string]decimal.Decimal) scoring.Sheet {
	out := sh
	out.Scores = make([]scoring.Entry, 0, len(sh.Scores))
	for _, e := range sh.Scores {
		if _, ok := values[[2]string{e.Member, e.Criterion}]; !ok {
			out.Scores = append(out.Scores, e)
		}
	}
	keys := make([][2]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	for _, k := range keys {
		out.Scores = append(out.Scores, scoring.Entry{Member: k[0], Criterion: k[1], Stage: stage, Value: values[k]})
	}
	return out
}
