package titles

import (
	"cmp"
	"fmt"
	"maps"
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

// Titles is a validated unit-year of titles with its check worked out.
// Create one with New, Parse or Load.
type Titles struct {
	spec   Spec
	report Report
}

// Report is the check of the titles awarded against their conditions and
// quotas.
type Report struct {
	// Titles has one entry per title, in the file's order.
	Titles []TitleCheck
	// Failures lists each holder that was awarded a title without meeting
	// one of its conditions (only when holders are listed).
	Failures []Failure
}

// OK reports whether nothing failed: no holder fails a condition and no
// title exceeds its cap.
func (r Report) OK() bool {
	if len(r.Failures) > 0 {
		return false
	}
	for _, t := range r.Titles {
		if t.Cap != nil && t.Cap.Over {
			return false
		}
	}
	return true
}

// TitleCheck is the count of one title and its quota.
type TitleCheck struct {
	Title string
	Name  string
	For   HolderKind
	// Awarded is the number awarded; Known is false when neither holders
	// nor a count are given. FromCounts says it came from Counts.
	Awarded    int
	Known      bool
	FromCounts bool
	Cap        *CapCheck
}

// CapCheck is a quota worked out: at most Share × Base, rounded.
type CapCheck struct {
	// Of is the id of the title whose holders the quota is a share of;
	// OfName its name.
	Of       string
	OfName   string
	Base     int
	Share    rules.Share
	Rounding rules.RoundingMode
	// Checked is false when the number holding Of or the number awarded is
	// unknown.
	Checked bool
	Allowed int
	Over    bool
	Basis   string
}

// String reads like "15% × 73 = 10.95 → 10 (floor)": Message in English.
func (c CapCheck) String() string { return c.Message().In(lang.English) }

// Text works the quota out in the language: "15% × 73 = 10,95 → 10 (làm
// tròn xuống)".
func (c CapCheck) Text(t lang.Tag) string { return c.Message().In(t) }

// Message works the quota out in any language: the share, the number
// holding Of, the exact product (to 4 places, "≈" when it is not exact),
// the number allowed and the rounding mode; or, when it is not checked,
// says so.
func (c CapCheck) Message() lang.Message {
	if !c.Checked {
		return lang.Msg("titles.cap.unchecked", c.Share.String(), cmp.Or(c.OfName, c.Of))
	}
	num, den := decimal.NewFromInt(int64(c.Base)*c.Share.Num), decimal.NewFromInt(c.Share.Den)
	x := rules.Rounding{Places: 4, Mode: rules.RoundHalfUp}.Quo(num, den)
	eq := "="
	if !x.Mul(den).Equal(num) {
		eq = "≈"
	}
	return lang.Msg("titles.cap", c.Share.String(), c.Base, eq, x, c.Allowed).With(c.Rounding.Message())
}

// Failure is a holder awarded a title without meeting one of its
// conditions. Holder, Condition and Detail say it in any language; Text
// writes the whole line.
type Failure struct {
	// Holder names the holder by kind and name: "tập thể Phòng Kỹ thuật",
	// in English "collective Phòng Kỹ thuật".
	Holder lang.Message
	// For, ID and Name are the holder's kind, id and name, as in the file.
	For  HolderKind
	ID   string
	Name string
	// Title and TitleName are the title's id and name.
	Title     string
	TitleName string
	// Condition is the condition not met: "phải đạt Lao động tiên tiến",
	// in English "requires Lao động tiên tiến".
	Condition lang.Message
	// Detail says how it is not met: "chưa đạt Lao động tiên tiến trong
	// cùng năm", in English "does not hold Lao động tiên tiến the same
	// year".
	Detail lang.Message
}

// String explains the failure in one line in English, for logs:
// Text(lang.English).
func (f Failure) String() string { return f.Text(lang.English) }

// Text explains the failure in one line in the language: "cá nhân Cán bộ
// 05: Chiến sĩ thi đua cơ sở: sáng kiến — chưa có sáng kiến được công
// nhận".
func (f Failure) Text(t lang.Tag) string {
	return lang.Msg("titles.failure", f.TitleName).With(f.Holder, f.Condition, f.Detail).In(t)
}

// New validates spec and checks the titles awarded, reporting every problem
// with the file's contents as Errors (a title that exceeds its cap or a
// holder that fails a condition is not an error of the file: it is in the
// Report).
func New(spec Spec) (*Titles, error) {
	t, ps := build(spec)
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return t, nil
}

// MaxBytes is the largest titles file Load reads: 8 MiB. A titles file
// lists the holders of individual titles and the facts of each, a few
// hundred bytes a person: some tens of thousands of people fit. The limit
// keeps a device or a runaway file (/dev/zero) from exhausting memory.
const MaxBytes = 8 << 20

// Load reads a titles file (YAML or JSON). See Parse. It reads at most
// MaxBytes, whatever the file is (a device, a pipe): a larger one is
// refused with a *bounded.TooLargeError (errors.Is bounded.ErrTooLarge),
// which writes itself in Vietnamese or English.
func Load(path string) (*Titles, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a titles file from YAML or JSON and validates it; every
// problem is reported, as Errors, with the file (name), line and key path.
func Parse(name string, data []byte) (*Titles, error) {
	var spec Spec
	hooks := map[reflect.Type]decode.Hook{reflect.TypeFor[string](): fields.Text}
	t, ps := check.Read(name, data, &spec, hooks, func(bool) (*Titles, []check.Problem[ctx]) { return build(spec) })
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return t, nil
}

func shareOK(v *validator, s rules.Share, path string, x ctx) {
	if s.IsZero() || s.Num <= 0 || s.Num > s.Den {
		v.Add(path, x, lang.Msg("titles.err.share", strconv.Quote(s.String())))
	}
}

func build(spec Spec) (*Titles, []check.Problem[ctx]) {
	s := cloneSpec(spec)
	v := check.New[ctx](idKeys, s.Year)
	if s.Schema != "" && s.Schema != Schema {
		v.Add("schema", ctx{}, lang.Msg("titles.err.schema", strconv.Quote(s.Schema), Schema))
	}
	if strings.TrimSpace(s.Unit) == "" {
		v.Add("unit", ctx{}, lang.Msg("titles.err.unit"))
	}
	if s.Year < 1900 || s.Year > 9999 {
		v.Add("year", ctx{}, lang.Msg("titles.err.year", s.Year))
	}
	facts := map[string]bool{}
	for i, f := range s.Facts {
		fp := fmt.Sprintf("facts[%d]", i)
		if !v.ID(f.ID, fp+".id", lang.Msg("titles.err.noun.fact"), ctx{}) {
			continue
		}
		if facts[f.ID] {
			v.Add(fp+".id", ctx{}, lang.Msg("titles.err.fact.twice", strconv.Quote(f.ID)))
		}
		facts[f.ID] = true
		if strings.TrimSpace(f.Name) == "" {
			v.Add(fp+".name", ctx{}, lang.Msg("titles.err.fact.name"))
		}
	}
	kinds := map[string]HolderKind{}
	for i, t := range s.Titles {
		tp := fmt.Sprintf("titles[%d]", i)
		if !v.ID(t.ID, tp+".id", lang.Msg("titles.err.noun.title"), ctx{}) {
			continue
		}
		if _, dup := kinds[t.ID]; dup {
			v.Add(tp+".id", ctx{title: t.ID}, lang.Msg("titles.err.title.twice"))
			continue
		}
		if t.For != ForIndividual && t.For != ForCollective {
			v.Add(tp+".for", ctx{title: t.ID}, lang.Msg("titles.err.title.for", strconv.Quote(string(t.For))))
		}
		kinds[t.ID] = t.For
	}
	if len(s.Titles) == 0 {
		v.Add("titles", ctx{}, lang.Msg("titles.err.titles.none"))
	}
	for i, t := range s.Titles {
		tp := fmt.Sprintf("titles[%d]", i)
		x := ctx{title: t.ID}
		if strings.TrimSpace(t.Name) == "" {
			v.Add(tp+".name", x, lang.Msg("titles.err.title.name"))
		}
		for j, r := range t.Requires {
			rp := fmt.Sprintf("%s.requires[%d]", tp, j)
			k, ok := kinds[r]
			switch {
			case !ok:
				v.Add(rp, x, lang.Msg("titles.err.title.unknown", strconv.Quote(r)))
			case r == t.ID:
				v.Add(rp, x, lang.Msg("titles.err.requires.itself"))
			case k != t.For:
				v.Add(rp, x, lang.Msg("titles.err.requires.kind", r, t.ID).With(k.withArticle(), t.For.withArticle()))
			}
		}
		for j, f := range t.Facts {
			if !facts[f] {
				v.Add(fmt.Sprintf("%s.facts[%d]", tp, j), x, lang.Msg("titles.err.fact.unknown", strconv.Quote(f)))
			}
		}
		if t.Initiative && t.For == ForCollective {
			v.Add(tp+".initiative", x, lang.Msg("titles.err.initiative"))
		}
		if m := t.MembersHolding; m != nil {
			mp := tp + ".members_holding"
			if t.For != ForCollective {
				v.Add(mp, x, lang.Msg("titles.err.members_holding.kind"))
			}
			if k, ok := kinds[m.Title]; !ok || k != ForIndividual {
				v.Add(mp+".title", x, lang.Msg("titles.err.members_holding.title", strconv.Quote(m.Title)))
			}
			shareOK(v, m.Share, mp+".share", x)
		}
		if c := t.Cap; c != nil {
			cp := tp + ".cap"
			if _, ok := kinds[c.Of]; !ok {
				v.Add(cp+".of", x, lang.Msg("titles.err.title.unknown", strconv.Quote(c.Of)))
			}
			shareOK(v, c.Share, cp+".share", x)
			if c.Rounding == "" {
				c.Rounding = rules.RoundFloor
			} else if !c.Rounding.Valid() {
				v.Add(cp+".rounding", x, lang.Msg("titles.err.rounding", strconv.Quote(string(c.Rounding))))
			}
		}
	}
	collectives := map[string]bool{}
	for i, c := range s.Collectives {
		cp := fmt.Sprintf("collectives[%d]", i)
		if !v.ID(c.ID, cp+".id", lang.Msg("titles.err.noun.collective"), ctx{}) {
			continue
		}
		x := ctx{holder: "collective " + c.ID}
		if collectives[c.ID] {
			v.Add(cp+".id", x, lang.Msg("titles.err.collective.twice"))
		}
		collectives[c.ID] = true
		holder(v, cp, x, c.Name, c.Facts, c.Awarded, ForCollective, kinds, facts)
	}
	people := map[string]bool{}
	for i, p := range s.People {
		pp := fmt.Sprintf("people[%d]", i)
		if !v.ID(p.ID, pp+".id", lang.Msg("titles.err.noun.person"), ctx{}) {
			continue
		}
		x := ctx{holder: "person " + p.ID}
		if people[p.ID] {
			v.Add(pp+".id", x, lang.Msg("titles.err.person.twice"))
		}
		people[p.ID] = true
		if p.Collective != "" && !collectives[p.Collective] {
			v.Add(pp+".collective", x, lang.Msg("titles.err.collective.unknown", strconv.Quote(p.Collective)))
		}
		holder(v, pp, x, p.Name, p.Facts, p.Awarded, ForIndividual, kinds, facts)
	}
	t := &Titles{spec: s}
	for _, id := range slices.Sorted(maps.Keys(s.Counts)) {
		n := s.Counts[id]
		cp := "counts." + id
		k, ok := kinds[id]
		switch {
		case !ok:
			v.Add(cp, ctx{title: id}, lang.Msg("titles.err.title.unknown", strconv.Quote(id)))
		case n < 0:
			v.Add(cp, ctx{title: id}, lang.Msg("titles.err.counts.negative", n))
		case t.listed(k) && t.listedCount(id, k) != n:
			v.Add(cp, ctx{title: id}, lang.Msg("titles.err.counts.mismatch", n, t.listedCount(id, k)))
		}
	}
	if v.Failed() {
		return nil, v.Problems
	}
	t.report = t.check()
	return t, nil
}

func holder(v *validator, path string, x ctx, name string, fs map[string]bool, awarded []string, kind HolderKind, kinds map[string]HolderKind, facts map[string]bool) {
	if strings.TrimSpace(name) == "" {
		v.Add(path+".name", x, lang.Msg("titles.err.holder.name"))
	}
	for _, f := range slices.Sorted(maps.Keys(fs)) {
		if !facts[f] {
			v.Add(path+".facts."+f, x, lang.Msg("titles.err.fact.unknown", strconv.Quote(f)))
		}
	}
	for j, a := range awarded {
		ap := fmt.Sprintf("%s.awarded[%d]", path, j)
		k, ok := kinds[a]
		switch {
		case !ok:
			v.Add(ap, x, lang.Msg("titles.err.title.unknown", strconv.Quote(a)))
		case k != kind:
			v.Add(ap, x, lang.Msg("titles.err.awarded.kind", a).With(k.withArticle()))
		case slices.Contains(awarded[:j], a):
			v.Add(ap, x, lang.Msg("titles.err.awarded.twice", a))
		}
	}
}

// listed reports whether holders of the kind are listed.
func (t *Titles) listed(k HolderKind) bool {
	if k == ForIndividual {
		return len(t.spec.People) > 0
	}
	return len(t.spec.Collectives) > 0
}

func (t *Titles) listedCount(title string, k HolderKind) int {
	n := 0
	if k == ForIndividual {
		for _, p := range t.spec.People {
			if slices.Contains(p.Awarded, title) {
				n++
			}
		}
		return n
	}
	for _, c := range t.spec.Collectives {
		if slices.Contains(c.Awarded, title) {
			n++
		}
	}
	return n
}

// awarded returns the number awarded, whether it is known and whether it
// came from the counts.
func (t *Titles) awarded(id string) (n int, known, fromCounts bool) {
	tt, _ := t.title(id)
	if t.listed(tt.For) {
		return t.listedCount(id, tt.For), true, false
	}
	if n, ok := t.spec.Counts[id]; ok {
		return n, true, true
	}
	return 0, false, false
}

func (t *Titles) title(id string) (Title, bool) {
	for _, x := range t.spec.Titles {
		if x.ID == id {
			return x, true
		}
	}
	return Title{}, false
}

// titleName returns the title's name, or its id if it has none.
func (t *Titles) titleName(id string) string {
	if tt, ok := t.title(id); ok && tt.Name != "" {
		return tt.Name
	}
	return id
}

// factName returns the fact's name, or its id if it has none.
func (t *Titles) factName(id string) string {
	for _, f := range t.spec.Facts {
		if f.ID == id && f.Name != "" {
			return f.Name
		}
	}
	return id
}

func (t *Titles) fact(id string, given map[string]bool) (value, stated bool) {
	if v, ok := given[id]; ok {
		return v, true
	}
	for _, f := range t.spec.Facts {
		if f.ID == id && f.Default != nil {
			return *f.Default, true
		}
	}
	return false, false
}

// check counts every title against its cap and every listed holder against
// its titles' conditions.
func (t *Titles) check() Report {
	var r Report
	for _, tt := range t.spec.Titles {
		tc := TitleCheck{Title: tt.ID, Name: tt.Name, For: tt.For}
		tc.Awarded, tc.Known, tc.FromCounts = t.awarded(tt.ID)
		if c := tt.Cap; c != nil {
			cc := &CapCheck{Of: c.Of, OfName: t.titleName(c.Of), Share: c.Share, Rounding: c.Rounding, Basis: c.Basis}
			base, known, _ := t.awarded(c.Of)
			cc.Base = base
			if known && tc.Known {
				cc.Checked = true
				cc.Allowed = int(rules.RoundInt(int64(base)*c.Share.Num, c.Share.Den, c.Rounding))
				cc.Over = tc.Awarded > cc.Allowed
			}
			tc.Cap = cc
		}
		r.Titles = append(r.Titles, tc)
	}
	conditions := func(kind HolderKind, id, name string, awarded []string, given map[string]bool, initiative bool, coll string) {
		holder := lang.Msg("titles.holder.person", name)
		if kind == ForCollective {
			holder = lang.Msg("titles.holder.collective", name)
		}
		for _, a := range awarded {
			tt, _ := t.title(a)
			fail := func(cond, detail lang.Message) {
				r.Failures = append(r.Failures, Failure{Holder: holder, For: kind, ID: id, Name: name, Title: a, TitleName: tt.Name, Condition: cond, Detail: detail})
			}
			for _, req := range tt.Requires {
				if !slices.Contains(awarded, req) {
					fail(lang.Msg("titles.condition.requires", t.titleName(req)), lang.Msg("titles.fail.requires", t.titleName(req)))
				}
			}
			if tt.Initiative && !initiative {
				fail(lang.Msg("titles.condition.initiative"), lang.Msg("titles.fail.initiative"))
			}
			for _, f := range tt.Facts {
				switch v, stated := t.fact(f, given); {
				case !stated:
					fail(lang.Msg("titles.condition.fact", t.factName(f)), lang.Msg("titles.fail.fact_unstated"))
				case !v:
					fail(lang.Msg("titles.condition.fact", t.factName(f)), lang.Msg("titles.fail.fact_false"))
				}
			}
			if m := tt.MembersHolding; m != nil && coll != "" {
				total, holding := 0, 0
				for _, p := range t.spec.People {
					if p.Collective == coll {
						total++
						if slices.Contains(p.Awarded, m.Title) {
							holding++
						}
					}
				}
				cond := lang.Msg("titles.condition.members", t.titleName(m.Title))
				switch {
				case total == 0:
					fail(cond, lang.Msg("titles.fail.no_members"))
				case !m.Met(holding, total):
					need := lang.Msg("titles.need.at_least", m.Share.String())
					if m.MoreThan {
						need = lang.Msg("titles.need.more_than", m.Share.String())
					}
					fail(cond, lang.Msg("titles.fail.members", holding, total, t.titleName(m.Title)).With(need))
				}
			}
		}
	}
	for _, c := range t.spec.Collectives {
		conditions(ForCollective, c.ID, c.Name, c.Awarded, c.Facts, false, c.ID)
	}
	for _, p := range t.spec.People {
		conditions(ForIndividual, p.ID, p.Name, p.Awarded, p.Facts, p.Initiative, "")
	}
	return r
}

// Check returns the check of the titles awarded against their conditions
// and quotas.
func (t *Titles) Check() Report {
	r := t.report
	r.Titles = slices.Clone(r.Titles)
	for i := range r.Titles {
		if c := r.Titles[i].Cap; c != nil {
			cc := *c
			r.Titles[i].Cap = &cc
		}
	}
	r.Failures = slices.Clone(r.Failures)
	return r
}

// Unit returns the unit conferring the titles.
func (t *Titles) Unit() string { return t.spec.Unit }

// Year returns the year.
func (t *Titles) Year() int { return t.spec.Year }

// Spec returns a deep copy of the description, with defaults filled in (a
// cap's rounding).
func (t *Titles) Spec() Spec { return cloneSpec(t.spec) }

func cloneSpec(s Spec) Spec {
	out := s
	out.Facts = slices.Clone(s.Facts)
	for i := range out.Facts {
		if d := out.Facts[i].Default; d != nil {
			b := *d
			out.Facts[i].Default = &b
		}
	}
	out.Titles = slices.Clone(s.Titles)
	for i := range out.Titles {
		tt := &out.Titles[i]
		tt.Requires = slices.Clone(tt.Requires)
		tt.Facts = slices.Clone(tt.Facts)
		if m := tt.MembersHolding; m != nil {
			mc := *m
			tt.MembersHolding = &mc
		}
		if c := tt.Cap; c != nil {
			cc := *c
			tt.Cap = &cc
		}
	}
	out.Collectives = slices.Clone(s.Collectives)
	for i := range out.Collectives {
		out.Collectives[i].Facts = cloneMap(s.Collectives[i].Facts)
		out.Collectives[i].Awarded = slices.Clone(s.Collectives[i].Awarded)
	}
	out.People = slices.Clone(s.People)
	for i := range out.People {
		out.People[i].Facts = cloneMap(s.People[i].Facts)
		out.People[i].Awarded = slices.Clone(s.People[i].Awarded)
	}
	out.Counts = cloneMap(s.Counts)
	return out
}

func cloneMap[V any](m map[string]V) map[string]V {
	if m == nil {
		return nil
	}
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// withArticle names the kind with its article in English, as problems
// do: "an individual", "a collective" ("cá nhân", "tập thể").
func (k HolderKind) withArticle() lang.Message {
	switch k {
	case ForIndividual:
		return lang.Msg("titles.err.kind.individual")
	case ForCollective:
		return lang.Msg("titles.err.kind.collective")
	}
	return lang.Msg("titles.err.kind.other", string(k))
}

// idKeys are the problems with an id in a titles file.
var idKeys = check.IDKeys{Missing: "titles.err.id.missing", Malformed: "titles.err.id.malformed"}
