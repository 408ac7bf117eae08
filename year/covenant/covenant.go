package covenant

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Covenant is a validated, immutable covenant (giao ước thi đua). Create
// one with New, Parse or Load.
type Covenant struct {
	spec Spec
}

// New validates spec and returns the covenant it describes, reporting every
// problem, as Errors, with its key path, party and criterion. The spec is
// copied.
func New(spec Spec) (*Covenant, error) {
	c, ps := build(spec)
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return c, nil
}

func build(spec Spec) (*Covenant, []check.Problem[ctx]) {
	s := cloneSpec(spec)
	for i := range s.Criteria {
		if s.Criteria[i].Projection == "" {
			s.Criteria[i].Projection = Linear
		}
	}
	v := check.New[ctx](idKeys, s.Year)
	if s.Schema != "" && s.Schema != Schema {
		v.Add("schema", ctx{}, lang.Msg("covenant.err.schema", strconv.Quote(s.Schema), Schema))
	}
	if strings.TrimSpace(s.ID) == "" {
		v.Add("id", ctx{}, lang.Msg("covenant.err.id"))
	}
	if strings.TrimSpace(s.Title) == "" {
		v.Add("title", ctx{}, lang.Msg("covenant.err.title"))
	}
	if s.Level != ClusterLevel && s.Level != UnitLevel {
		v.Add("level", ctx{}, lang.Msg("covenant.err.level", strconv.Quote(string(s.Level))))
	}
	if s.Year < 1900 || s.Year > 9999 {
		v.Add("year", ctx{}, lang.Msg("covenant.err.year", s.Year))
	} else if !s.Signed.IsZero() && s.Signed.Year() != s.Year && s.Signed.Year() != s.Year-1 {
		v.Add("signed", ctx{}, lang.Msg("covenant.err.signed", s.Signed.String(), s.Year, s.Year, s.Year-1))
	}
	if s.Rounding != nil {
		checkRounding(v, *s.Rounding, "rounding", ctx{})
	}
	parties := map[string]bool{}
	for i, p := range s.Parties {
		pp := fmt.Sprintf("parties[%d]", i)
		if !v.ID(p.ID, pp+".id", lang.Msg("covenant.err.noun.party"), ctx{}) {
			continue
		}
		if parties[p.ID] {
			v.Add(pp+".id", ctx{party: p.ID}, lang.Msg("covenant.err.party.twice"))
		}
		parties[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			v.Add(pp+".name", ctx{party: p.ID}, lang.Msg("covenant.err.party.name"))
		}
	}
	if len(s.Parties) < 2 {
		v.Add("parties", ctx{}, lang.Msg("covenant.err.parties.few", len(s.Parties)))
	}
	crits := map[string]bool{}
	for i, c := range s.Criteria {
		cp := fmt.Sprintf("criteria[%d]", i)
		if !v.ID(c.ID, cp+".id", lang.Msg("covenant.err.noun.criterion"), ctx{}) {
			continue
		}
		x := ctx{criterion: c.ID}
		if crits[c.ID] {
			v.Add(cp+".id", x, lang.Msg("covenant.err.criterion.twice"))
		}
		crits[c.ID] = true
		if strings.TrimSpace(c.Name) == "" {
			v.Add(cp+".name", x, lang.Msg("covenant.err.criterion.name"))
		}
		if c.Projection != Linear && c.Projection != Hold {
			v.Add(cp+".projection", x, lang.Msg("covenant.err.criterion.projection", strconv.Quote(string(c.Projection))))
		}
		if c.Rounding != nil {
			checkRounding(v, *c.Rounding, cp+".rounding", x)
		}
	}
	if len(s.Criteria) == 0 {
		v.Add("criteria", ctx{}, lang.Msg("covenant.err.criteria.none"))
	}
	ref := func(path, party, crit string) bool {
		ok := true
		if !parties[party] {
			v.Add(path+".party", ctx{party: party, criterion: crit}, lang.Msg("covenant.err.party.unknown", strconv.Quote(party)))
			ok = false
		}
		if !crits[crit] {
			v.Add(path+".criterion", ctx{party: party, criterion: crit}, lang.Msg("covenant.err.criterion.unknown", strconv.Quote(crit)))
			ok = false
		}
		return ok
	}
	type pc struct{ party, crit string }
	seen := map[pc]int{}
	for i, t := range s.Targets {
		tp := fmt.Sprintf("targets[%d]", i)
		if !ref(tp, t.Party, t.Criterion) {
			continue
		}
		x := ctx{party: t.Party, criterion: t.Criterion}
		if prev, dup := seen[pc{t.Party, t.Criterion}]; dup {
			v.Add(tp, x, lang.Msg("covenant.err.target.twice", prev))
		}
		seen[pc{t.Party, t.Criterion}] = i
		if t.Value.IsNegative() {
			v.Add(tp+".value", x, lang.Msg("covenant.err.target.negative", t.Value))
		}
	}
	if len(s.Targets) == 0 {
		v.Add("targets", ctx{}, lang.Msg("covenant.err.targets.none"))
	}
	months := map[int]int{}
	for i, r := range s.Reports {
		rp := fmt.Sprintf("reports[%d]", i)
		if r.Months < 1 || r.Months > 12 {
			v.Add(rp+".months", ctx{}, lang.Msg("covenant.err.report.months", r.Months))
		} else if prev, dup := months[r.Months]; dup {
			v.Add(rp+".months", ctx{}, lang.Msg("covenant.err.report.twice", r.Months, prev))
		} else {
			months[r.Months] = i
		}
		if !r.AsOf.IsZero() && s.Year >= 1900 && r.AsOf.Year() != s.Year && r.AsOf.Year() != s.Year+1 {
			v.Add(rp+".as_of", ctx{}, lang.Msg("covenant.err.report.as_of", r.AsOf.String(), s.Year))
		}
		got := map[pc]int{}
		for j, a := range r.Progress {
			ap := fmt.Sprintf("%s.progress[%d]", rp, j)
			if !ref(ap, a.Party, a.Criterion) {
				continue
			}
			x := ctx{party: a.Party, criterion: a.Criterion}
			if prev, dup := got[pc{a.Party, a.Criterion}]; dup {
				v.Add(ap, x, lang.Msg("covenant.err.progress.twice", prev))
			}
			got[pc{a.Party, a.Criterion}] = j
			if a.Value.IsNegative() {
				v.Add(ap+".achieved", x, lang.Msg("covenant.err.progress.negative", a.Value))
			}
		}
	}
	if v.Failed() {
		return nil, v.Problems
	}
	slices.SortStableFunc(s.Reports, func(a, b Report) int { return cmp.Compare(a.Months, b.Months) })
	return &Covenant{spec: s}, nil
}

func checkRounding(v *validator, r rules.Rounding, path string, x ctx) {
	if r.Places < 0 || r.Places > rules.MaxPlaces {
		v.Add(path+".places", x, lang.Msg("covenant.err.rounding.places", rules.MaxPlaces, r.Places))
	}
	if r.Mode != "" && !r.Mode.Valid() {
		v.Add(path+".mode", x, lang.Msg("covenant.err.rounding.mode", strconv.Quote(string(r.Mode))))

	}
}

// MaxBytes is the largest covenant file Load reads: 4 MiB. A covenant (the
// cluster's pledges and targets) is a few kilobytes; the limit keeps a
// device or a runaway file (/dev/zero) from exhausting memory.
const MaxBytes = 4 << 20

// Load reads a covenant file (YAML or JSON). See Parse. It reads at most
// MaxBytes, whatever the file is (a device, a pipe): a larger one is
// refused with a *bounded.TooLargeError (errors.Is bounded.ErrTooLarge),
// which writes itself in Vietnamese or English.
func Load(path string) (*Covenant, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a covenant from YAML or JSON and validates it. Unknown keys,
// malformed numbers, dates and roundings, and every validation problem are
// reported together, as Errors, with the file (name), line and key path.
// Numbers take a decimal point or a decimal comma ("9,5").
func Parse(name string, data []byte) (*Covenant, error) {
	var spec Spec
	hooks := map[reflect.Type]decode.Hook{
		reflect.TypeFor[string]():          fields.Text,
		reflect.TypeFor[decimal.Decimal](): fields.Decimal,
	}
	c, ps := check.Read(name, data, &spec, hooks, func(bool) (*Covenant, []check.Problem[ctx]) { return build(spec) })
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return c, nil
}

func cloneSpec(s Spec) Spec {
	out := s
	if s.Rounding != nil {
		r := *s.Rounding
		out.Rounding = &r
	}
	out.Parties = slices.Clone(s.Parties)
	out.Criteria = slices.Clone(s.Criteria)
	for i := range out.Criteria {
		if r := out.Criteria[i].Rounding; r != nil {
			rc := *r
			out.Criteria[i].Rounding = &rc
		}
	}
	out.Targets = slices.Clone(s.Targets)
	out.Reports = slices.Clone(s.Reports)
	for i := range out.Reports {
		out.Reports[i].Progress = slices.Clone(s.Reports[i].Progress)
	}
	return out
}

// Spec returns a deep copy of the covenant's description, with defaults
// filled in (a criterion's projection) and reports ordered by months.
func (c *Covenant) Spec() Spec { return cloneSpec(c.spec) }

// ID returns the covenant's id.
func (c *Covenant) ID() string { return c.spec.ID }

// Title returns the covenant's title.
func (c *Covenant) Title() string { return c.spec.Title }

// Year returns the year the covenant is for.
func (c *Covenant) Year() int { return c.spec.Year }

// Level returns who signs the covenant.
func (c *Covenant) Level() Level { return c.spec.Level }

// Parties returns the signatories, in the file's order.
func (c *Covenant) Parties() []Party { return slices.Clone(c.spec.Parties) }

// Criteria returns the criteria, in the file's order.
func (c *Covenant) Criteria() []Criterion { return cloneSpec(Spec{Criteria: c.spec.Criteria}).Criteria }

// Reports returns the months of the interim reports, in order.
func (c *Covenant) Reports() []int {
	out := make([]int, len(c.spec.Reports))
	for i, r := range c.spec.Reports {
		out[i] = r.Months
	}
	return out
}

// Target returns the party's registered target for the criterion.
func (c *Covenant) Target(party, criterion string) (decimal.Decimal, bool) {
	for _, t := range c.spec.Targets {
		if t.Party == party && t.Criterion == criterion {
			return t.Value, true
		}
	}
	return decimal.Zero, false
}

// idKeys are the problems with an id in a covenant file.
var idKeys = check.IDKeys{Missing: "covenant.err.id.missing", Malformed: "covenant.err.id.malformed"}
