package simulation

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fixed"
	problems "github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
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

// MaxModelBytes is the largest model file LoadModel reads: 8 MiB. A model
// gives an uncertainty per criterion, and at most per member and
// criterion: a cluster of a hundred members and a hundred criteria with
// a few values each is about a megabyte. The limit keeps a device or a
// runaway file (/dev/zero) from exhausting memory.
const MaxModelBytes = 8 << 20

// LoadModel reads a model from a YAML or JSON file. It reads at most
// MaxModelBytes, whatever the file is (a device, a pipe): a larger one is
// refused with a *bounded.TooLargeError (errors.Is bounded.ErrTooLarge),
// which writes itself in Vietnamese or English. Its numbers have the
// limits of decode.ParseDecimal (40 significant digits, 100 places).
func LoadModel(path string) (Model, error) {
	data, err := bounded.ReadFile(path, MaxModelBytes)
	if err != nil {
		return Model{}, err
	}
	return ParseModel(path, data)
}

// ParseModel reads a model from YAML or JSON. Its error is ModelErrors,
// each problem naming the file and line.
func ParseModel(name string, data []byte) (Model, error) {
	var m Model
	root, p := decode.Parse(data)
	if p != nil {
		return m, ModelErrors{{File: name, Line: p.Line, Msg: p.Msg, Message: p.Message, document: true}}
	}
	d := decode.New()
	d.Hooks = map[reflect.Type]decode.Hook{reflect.TypeFor[Uncertainty](): decodeUncertainty}
	d.Decode(root, "", &m)
	if len(d.Problems) == 0 {
		// each uncertainty on its own: a range needs a step, and so on
		check := func(path string, u Uncertainty) {
			if err := u.check(); err != nil {
				d.Add(nil, path, err.msg)
			}
		}
		if m.Default != nil {
			check("default", *m.Default)
		}
		for _, c := range slices.Sorted(maps.Keys(m.Criteria)) {
			check("criteria."+c, m.Criteria[c])
		}
		for _, mem := range slices.Sorted(maps.Keys(m.Members)) {
			for _, c := range slices.Sorted(maps.Keys(m.Members[mem])) {
				check("members."+mem+"."+c, m.Members[mem][c])
			}
		}
	}
	if len(d.Problems) > 0 {
		es := make(ModelErrors, 0, len(d.Problems))
		for _, p := range d.Problems {
			if p.Line == 0 {
				p.Line, p.Column = d.Line(p.Path)
			}
			es = append(es, &ModelError{File: name, Line: p.Line, Column: p.Column, Path: p.Path, Msg: p.Msg, Message: p.Message})
		}
		return Model{}, es
	}
	return m, nil
}

// ModelError is one problem with an uncertainty model: in its file (File,
// Line, Column and the key path), against the rulebook and the sheet (the
// key path naming a criterion or member they do not have), or for one
// member's criterion (Member and Criterion) when a plan is built: Run
// returns such a problem alone, as a *ModelError.
//
// Msg is the problem in English; Message is the same problem as a
// lang.Message, so that Text can write it in Vietnamese too (Msg is
// Message.In(lang.English)). Message.Key is a stable code a program can
// switch on instead of matching the English text, which may be reworded:
// "simulation.err.range.steps", "simulation.err.ref.member", … (the
// "simulation.err." keys of the lang catalogue), or "decode." for a file
// that cannot be decoded (syntax, unknown or duplicate keys). A ModelError
// built by hand may have no Message: Text then writes Msg.
type ModelError struct {
	File      string // the model's file; "" for a model checked against a rulebook and a sheet
	Line      int    // 1-based; 0 if unknown
	Column    int    // 1-based; 0 if unknown
	Path      string // key path in the model: "criteria.03", "members.SCT.03"
	Member    string // member id, for a problem found when a plan is built
	Criterion string // criterion id, with Member
	Msg       string
	Message   lang.Message
	document  bool // the file cannot be parsed at all: no column, no path
}

// Error writes the problem in English with its location: "m.yaml:2:9:
// criteria.03: range 1 is not a whole number of steps 0.3" (a file; a
// document that cannot be parsed has no column and no path), "model:
// criteria.99: not a criterion of rulebook cum2" (against the rulebook)
// or "model for SCT, criterion 03: …" (a member's criterion).
func (e *ModelError) Error() string { return e.Text(lang.English) }

// Text writes the problem as Error does, with its message in the
// language: "m.yaml:2:9: criteria.03: biên độ 1 không phải là một số
// nguyên lần bước 0,3 (tối đa 10000 bước)", "mô hình của SCT, tiêu chí
// 03: …". File names, key paths and ids are written as they are.
func (e *ModelError) Text(t lang.Tag) string {
	msg := problems.Say(e.Message, e.Msg, t)
	switch {
	case e.File != "" && e.document:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	case e.File != "":
		return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Column, e.Path, msg)
	case e.Member != "" || e.Criterion != "":
		return fmt.Sprintf(t.Pick("mô hình của %s, tiêu chí %s: %s", "model for %s, criterion %s: %s"), e.Member, e.Criterion, msg)
	case e.Path != "":
		return fmt.Sprintf(t.Pick("mô hình: %s: %s", "model: %s: %s"), e.Path, msg)
	}
	return t.Pick("mô hình: ", "model: ") + msg
}

// ModelErrors is every problem found in a model, in file order (or, checked
// against a rulebook and a sheet, criteria first, then members). ParseModel
// and LoadModel return it (as an error) for a model file that cannot be
// read, and Run for a model naming criteria or members the
// rulebook and the sheet do not have; use errors.As to get the individual
// problems.
type ModelErrors = problems.List[*ModelError]

// problem is a problem with an uncertainty, stated as a message; Error()
// is the message in English.
type problem struct{ msg lang.Message }

func (e *problem) Error() string { return e.msg.In(lang.English) }

// Message returns the problem as a message.
func (e *problem) Message() lang.Message { return e.msg }

// newProblem returns the problem stated by m.
func newProblem(m lang.Message) *problem { return &problem{m} }

// memberError is a problem with a member's criterion, found when a plan is
// built.
func memberError(member, criterion string, m lang.Message) *ModelError {
	return &ModelError{Member: member, Criterion: criterion, Msg: m.In(lang.English), Message: m}
}

// checkRefs reports members and criteria the model names that the sheet
// and rulebook do not have, so that a typo is not silently a fixed value.
func (m Model) checkRefs(rb *rules.Rulebook, sh scoring.Sheet) error {
	var errs ModelErrors
	add := func(path string, msg lang.Message) {
		errs = append(errs, &ModelError{Path: path, Msg: msg.In(lang.English), Message: msg})
	}
	leaf := func(id string) bool { n, ok := rb.Node(id); return ok && !n.IsGroup() }
	for _, c := range slices.Sorted(maps.Keys(m.Criteria)) {
		if !leaf(c) {
			add("criteria."+c, lang.Msg("simulation.err.ref.criterion", rb.ID()))
		}
	}
	for _, mem := range slices.Sorted(maps.Keys(m.Members)) {
		if !slices.ContainsFunc(sh.Members, func(x scoring.Member) bool { return x.ID == mem }) {
			add("members."+mem, lang.Msg("simulation.err.ref.member"))
		}
		for _, c := range slices.Sorted(maps.Keys(m.Members[mem])) {
			if !leaf(c) {
				add("members."+mem+"."+c, lang.Msg("simulation.err.ref.criterion", rb.ID()))
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func decodeUncertainty(d *decode.Decoder, n *yaml.Node, path string, v reflect.Value) {
	u := v.Addr().Interface().(*Uncertainty)
	if n.Kind == yaml.ScalarNode {
		if n.Value != "fixed" {
			d.Add(n, path, lang.Msg("simulation.err.uncertainty", "{range: R, step: S}", "{values: [...]}", strconv.Quote(n.Value)))
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
func (u Uncertainty) check() *problem {
	kinds := 0
	if u.Fixed {
		kinds++
	}
	if !u.Range.IsZero() || !u.Step.IsZero() {
		kinds++
		if !u.Step.IsPositive() || u.Range.IsNegative() {
			return newProblem(lang.Msg("simulation.err.range.step"))
		}
		if n := u.Range.Div(u.Step); !n.IsInteger() || n.GreaterThan(decimal.NewFromInt(10000)) {
			return newProblem(lang.Msg("simulation.err.range.steps", u.Range, u.Step))
		}
	}
	if len(u.Values) > 0 {
		kinds++
		if len(u.Values) > 10000 {
			return newProblem(lang.Msg("simulation.err.values.too_many"))
		}
		for _, o := range u.Values {
			if o.Weight.IsNegative() {
				return newProblem(lang.Msg("simulation.err.weight.negative"))
			}
		}
	}
	if kinds > 1 {
		return newProblem(lang.Msg("simulation.err.kinds"))
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

func (c stepsCache) steps(u Uncertainty) (int64, *problem) {
	key := [2]string{u.Range.String(), u.Step.String()}
	if k, ok := c[key]; ok {
		return k, nil
	}
	if p := u.check(); p != nil {
		return 0, p
	}
	k := u.Range.Div(u.Step).IntPart()
	c[key] = k
	return k, nil
}

// outcomes lists the values and weights a member's criterion may take,
// given its recorded value; ok is false for a fixed value.
func outcomes(u Uncertainty, n rules.Node, base decimal.Decimal, cache stepsCache) (outcomeSet, bool, *problem) {
	var o outcomeSet
	switch {
	case u.Fixed || (u.Range.IsZero() && u.Step.IsZero() && len(u.Values) == 0):
		return o, false, nil
	case len(u.Values) > 0:
		if p := u.check(); p != nil {
			return o, false, p
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
	_, ok3 := fixed.ToInt(n.Max, o.scale) // the maximum must fit the scale too
	if !ok1 || !ok2 || !ok3 || o.scale > 12 {
		return o, false, newProblem(lang.Msg("simulation.err.places", n.ID))
	}
	dom := scoring.DomainOf(n)
	for j := -k; j <= k; j++ {
		v := b + j*st
		if dom.Accepts(decimal.New(v, -int32(o.scale))) {
			o.vals = append(o.vals, v)
			o.weights = append(o.weights, 1)
		}
	}
	if len(o.vals) == 0 {
		return o, false, newProblem(lang.Msg("simulation.err.range.none_valid", n.ID, string(n.Method), n.Max))
	}
	return o, true, nil
}

// discrete lists a distribution's values (merged where repeated) with
// integer weights.
func discrete(u Uncertainty, n rules.Node) (outcomeSet, bool, *problem) {
	var o outcomeSet
	var keptV, keptW []decimal.Decimal
	for _, x := range u.Values {
		w := x.Weight
		if w.IsZero() {
			w = decimal.NewFromInt(1)
		}
		if !scoring.DomainOf(n).Accepts(x.Value) {
			continue
		}
		if j := slices.IndexFunc(keptV, x.Value.Equal); j >= 0 {
			keptW[j] = keptW[j].Add(w)
			continue
		}
		keptV, keptW = append(keptV, x.Value), append(keptW, w)
	}
	if len(keptV) == 0 {
		return o, false, newProblem(lang.Msg("simulation.err.values.none_valid", n.ID, string(n.Method), n.Max))
	}
	for _, v := range keptV {
		o.scale = max(o.scale, fixed.Places(v))
	}
	if o.scale > 12 {
		return o, false, newProblem(lang.Msg("simulation.err.places", n.ID))
	}
	for _, v := range keptV {
		iv, ok := fixed.ToInt(v, o.scale)
		if !ok {
			return o, false, newProblem(lang.Msg("simulation.err.value.too_large", v, n.ID))
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
			return o, false, newProblem(lang.Msg("simulation.err.weight.too_large", w))
		}
		o.weights = append(o.weights, uint64(x.IntPart()))
		sum += uint64(x.IntPart())
	}
	if sum == 0 || sum >= 1<<40 {
		return o, false, newProblem(lang.Msg("simulation.err.weights.sum"))
	}
	return o, true, nil
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
