package amend

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// Schema is the value of Diff.Schema: the JSON layout of a rulebook diff
// and its version.
const Schema = "thidua/rulebook-diff/v1"

// Kind says whether a Change adds, removes or changes something.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Change is one semantic difference between two rulebooks.
type Change struct {
	// Path locates the difference in the rulebook, by id where there is
	// one: "criteria.03.max", "awards.flag.requires", "tie_breaks".
	Path string `json:"path"`
	Kind Kind   `json:"kind"`
	// Old and New are the values in canonical form (decimal points, ids,
	// the rulebook's own words); empty for what did not exist.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Message states the change in either language (Text).
	Message lang.Message `json:"message"`
}

// Text states the change in the language: "Tiêu chí 03: điểm tối đa 20 →
// 25".
func (c Change) Text(t lang.Tag) string { return c.Message.In(t) }

// Diff is the list of differences between two rulebooks, in the order of
// the rulebook file: identity and period, criteria, bonus and deductions,
// facts, assessment, rounding and policies, eligibility, tie-breaks,
// awards.
type Diff struct {
	Schema  string              `json:"schema"`
	Old     ranking.RulebookRef `json:"old"`
	New     ranking.RulebookRef `json:"new"`
	Changes []Change            `json:"changes"`
}

// Same reports whether the two rulebooks score and rank alike: no semantic
// difference (Changes may still hold the one line saying that notes or
// names differ).
func (d Diff) Same() bool {
	for _, c := range d.Changes {
		if c.Path != "other" {
			return false
		}
	}
	return true
}

// Compare lists every semantic difference from old to new.
func Compare(old, new *rules.Rulebook) Diff {
	d := &differ{}
	a, b := old.Spec(), new.Spec()
	d.identity(old, new, a, b)
	d.jurisdiction(a, b)
	d.legalBasis(a.Regulation.LegalBasis, b.Regulation.LegalBasis)
	d.criteria(old, new)
	d.items("bonus", lang.Msg("amend.word.bonus"), a.Bonus.Items, b.Bonus.Items)
	d.num("bonus.cap", a.Bonus.Cap, b.Bonus.Cap, func(o, n string) lang.Message {
		return lang.Msg("amend.cap", o, n).With(lang.Msg("amend.word.bonus"))
	})
	d.items("deductions", lang.Msg("amend.word.deduction"), a.Deductions.Items, b.Deductions.Items)
	d.num("deductions.cap", a.Deductions.Cap, b.Deductions.Cap, func(o, n string) lang.Message {
		return lang.Msg("amend.cap", o, n).With(lang.Msg("amend.word.deduction"))
	})
	if fo, fn := optDec(a.Deductions.Floor), optDec(b.Deductions.Floor); fo != fn {
		d.add("deductions.floor", Changed, fo, fn, lang.Msg("amend.floor", dash(fo), dash(fn)))
	}
	d.facts(a.Facts, b.Facts)
	d.assessment(a.Assessment, b.Assessment)
	d.rounding(a.Rounding, b.Rounding)
	if a.Missing != b.Missing {
		d.add("missing", Changed, string(a.Missing), string(b.Missing), lang.Msg("amend.missing").With(missingMsg(a.Missing), missingMsg(b.Missing)))
	}
	if a.RankBy != b.RankBy {
		d.add("rank_by", Changed, string(a.RankBy), string(b.RankBy), lang.Msg("amend.rank_by").With(basisMsg(a.RankBy), basisMsg(b.RankBy)))
	}
	if a.Votes.Base != b.Votes.Base {
		d.add("votes.base", Changed, string(a.Votes.Base), string(b.Votes.Base), lang.Msg("amend.votes.base").With(baseMsg(a.Votes.Base), baseMsg(b.Votes.Base)))
	}
	if qa, qb := a.Votes.Quorum.String(), b.Votes.Quorum.String(); qa != qb {
		d.add("votes.quorum", Changed, qa, qb, lang.Msg("amend.votes.quorum", dash(qa), dash(qb)))
	}
	d.ballots(a.Votes.Ballots, b.Votes.Ballots)
	d.rankConvention(old, new)
	d.eligibility(a, b)
	d.tieBreaks(a.TieBreaks, b.TieBreaks)
	d.grades(a, b)
	d.awards(a, b)
	d.authority(a.Authority, b.Authority)
	if len(d.changes) == 0 && old.Hash() != new.Hash() {
		d.add("other", Changed, "", "", lang.Msg("amend.other"))
	}
	if d.changes == nil {
		d.changes = []Change{}
	}
	return Diff{Schema: Schema, Old: ref(old), New: ref(new), Changes: d.changes}
}

func ref(rb *rules.Rulebook) ranking.RulebookRef {
	r := ranking.RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()}
	if p := rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		r.InForce = p.String()
	}
	return r
}

type differ struct{ changes []Change }

func (d *differ) add(path string, k Kind, old, new string, m lang.Message) {
	d.changes = append(d.changes, Change{Path: path, Kind: k, Old: old, New: new, Message: m})
}

// num adds a change if two decimals differ (zero meaning "not given").
func (d *differ) num(path string, a, b decimal.Decimal, msg func(o, n string) lang.Message) {
	if a.Equal(b) {
		return
	}
	o, n := decText(a), decText(b)
	d.add(path, Changed, o, n, msg(dash(o), dash(n)))
}

// decText writes a decimal in canonical form, "" for zero (not given).
func decText(x decimal.Decimal) string {
	if x.IsZero() {
		return ""
	}
	return x.String()
}

func optDec(x *decimal.Decimal) string {
	if x == nil {
		return ""
	}
	return x.String()
}

// dash writes an absent value as "—".
func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (d *differ) identity(old, new *rules.Rulebook, a, b rules.Spec) {
	if a.ID != b.ID {
		d.add("id", Changed, a.ID, b.ID, lang.Msg("amend.id", a.ID, b.ID))
	}
	if a.Version != b.Version {
		d.add("version", Changed, a.Version, b.Version, lang.Msg("amend.version", dash(a.Version), dash(b.Version)))
	}
	if a.Title != b.Title {
		d.add("title", Changed, a.Title, b.Title, lang.Msg("amend.title", a.Title, b.Title))
	}
	ra, rb := regText(a.Regulation), regText(b.Regulation)
	if ra != rb {
		d.add("regulation", Changed, ra, rb, lang.Msg("amend.regulation", dash(ra), dash(rb)))
	}
	pa, pb := old.InForce().String(), new.InForce().String()
	if pa != pb {
		d.add("in_force", Changed, pa, pb, lang.Msg("amend.in_force", pa, pb))
	}
}

func regText(r rules.Regulation) string {
	var parts []string
	for _, s := range []string{r.Number, r.Date.String(), r.Issuer} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func nodeWord(n rules.Node) lang.Message {
	if n.IsGroup() {
		return lang.Msg("amend.word.group")
	}
	return lang.Msg("amend.word.criterion")
}

func (d *differ) criteria(old, new *rules.Rulebook) {
	on, nn := old.Nodes(), new.Nodes()
	parent := func(ns []rules.Node, n rules.Node) string {
		if n.Parent < 0 {
			return ""
		}
		return ns[n.Parent].ID
	}
	for _, o := range on {
		n, ok := new.Node(o.ID)
		path := "criteria." + o.ID
		if !ok {
			d.add(path, Removed, o.Name, "", lang.Msg("amend.node.removed", o.ID, o.Name).With(nodeWord(o)))
			continue
		}
		w := nodeWord(n)
		if o.IsGroup() != n.IsGroup() {
			d.add(path+".kind", Changed, kindText(o), kindText(n), lang.Msg("amend.node.kind", o.ID).With(nodeWord(o), w))
		}
		if po, pn := parent(on, o), parent(nn, n); po != pn {
			d.add(path+".parent", Changed, po, pn, lang.Msg("amend.node.parent", o.ID).With(w, parentMsg(po), parentMsg(pn)))
		}
		if o.Name != n.Name {
			d.add(path+".name", Changed, o.Name, n.Name, lang.Msg("amend.node.name", o.ID, o.Name, n.Name).With(w))
		}
		d.num(path+".max", o.Max, n.Max, func(a, b string) lang.Message { return lang.Msg("amend.node.max", o.ID, a, b).With(w) })
		if wo, wn := o.EffectiveWeight(), n.EffectiveWeight(); !wo.Equal(wn) {
			d.add(path+".weight", Changed, wo.String(), wn.String(), lang.Msg("amend.node.weight", o.ID, wo, wn).With(w))
		}
		if o.IsGroup() || n.IsGroup() {
			continue
		}
		if o.Method != n.Method {
			d.add(path+".method", Changed, string(o.Method), string(n.Method), lang.Msg("amend.node.method", o.ID).With(w, methodMsg(o.Method), methodMsg(n.Method)))
		}
		d.num(path+".target", o.Target, n.Target, func(a, b string) lang.Message { return lang.Msg("amend.node.target", o.ID, a, b).With(w) })
		d.num(path+".points_each", o.PointsEach, n.PointsEach, func(a, b string) lang.Message {
			return lang.Msg("amend.node.points_each", o.ID, a, b).With(w)
		})
		if to, tn := tiersText(o.Tiers), tiersText(n.Tiers); to != tn {
			d.add(path+".tiers", Changed, to, tn, lang.Msg("amend.node.tiers", o.ID, dash(to), dash(tn)).With(w))
		}
		d.signed(path, w, o, n)
	}
	for _, n := range nn {
		if _, ok := old.Node(n.ID); ok {
			continue
		}
		msg := lang.Msg("amend.node.added", n.ID, n.Name, n.Max).With(nodeWord(n))
		if !n.IsGroup() {
			msg = lang.Msg("amend.node.added_method", n.ID, n.Name, n.Max).With(nodeWord(n), methodMsg(n.Method), parentMsg(parent(nn, n)))
		}
		d.add("criteria."+n.ID, Added, "", n.Name, msg)
	}
	if !old.MaxTotal().Equal(new.MaxTotal()) {
		d.add("criteria.max", Changed, old.MaxTotal().String(), new.MaxTotal().String(), lang.Msg("amend.max_total", old.MaxTotal(), new.MaxTotal()))
	}
}

func kindText(n rules.Node) string {
	if n.IsGroup() {
		return "group"
	}
	return "criterion"
}

func parentMsg(id string) lang.Message {
	if id == "" {
		return lang.Msg("amend.parent.top")
	}
	return lang.Msg("amend.parent.group", id)
}

func tiersText(ts []rules.Tier) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = "≥ " + t.AtLeast.String() + ": " + t.Points.String()
	}
	return strings.Join(out, "; ")
}

func methodMsg(m rules.Method) lang.Message { return lang.MethodName(string(m)) }

func (d *differ) items(path string, word lang.Message, a, b []rules.Item) {
	pairByID(a, b, func(it rules.Item) string { return it.ID },
		func(o rules.Item) {
			d.add(path+"."+o.ID, Removed, o.Name, "", lang.Msg("amend.item.removed", o.ID, o.Name).With(word))
		},
		func(o, n rules.Item) {
			p := path + "." + o.ID
			if o.Name != n.Name {
				d.add(p+".name", Changed, o.Name, n.Name, lang.Msg("amend.item.name", o.ID, o.Name, n.Name).With(word))
			}
			d.num(p+".points", o.Points, n.Points, func(x, y string) lang.Message { return lang.Msg("amend.item.points", o.ID, x, y).With(word) })
			d.num(p+".max", o.Max, n.Max, func(x, y string) lang.Message { return lang.Msg("amend.item.max", o.ID, x, y).With(word) })
		},
		func(n rules.Item) {
			d.add(path+"."+n.ID, Added, "", n.Name, lang.Msg("amend.item.added", n.ID, n.Name, n.Points, dash(decText(n.Max))).With(word))
		})
}

// pairByID pairs the entries of an old list a and a new list b by their
// ids: removed is called for each entry of a that b lacks, both for each
// id in both (old, new), in a's order, then added for each entry of b
// that a lacks, in b's order.
func pairByID[T any](a, b []T, id func(T) string, removed func(T), both func(o, n T), added func(T)) {
	in := make(map[string]T, len(b))
	for _, n := range b {
		in[id(n)] = n
	}
	seen := make(map[string]bool, len(a))
	for _, o := range a {
		seen[id(o)] = true
		if n, ok := in[id(o)]; ok {
			both(o, n)
		} else {
			removed(o)
		}
	}
	for _, n := range b {
		if !seen[id(n)] {
			added(n)
		}
	}
}

func factDefault(f rules.Fact) (string, lang.Message) {
	switch {
	case f.Default == nil:
		return "", lang.Msg("amend.value.none")
	case *f.Default:
		return "true", lang.Msg("amend.value.true")
	}
	return "false", lang.Msg("amend.value.false")
}

func (d *differ) facts(a, b []rules.Fact) {
	pairByID(a, b, func(f rules.Fact) string { return f.ID },
		func(o rules.Fact) {
			d.add("facts."+o.ID, Removed, o.Name, "", lang.Msg("amend.fact.removed", o.ID, o.Name))
		},
		func(o, n rules.Fact) {
			p := "facts." + o.ID
			if o.Name != n.Name {
				d.add(p+".name", Changed, o.Name, n.Name, lang.Msg("amend.fact.name", o.ID, o.Name, n.Name))
			}
			do, mo := factDefault(o)
			dn, mn := factDefault(n)
			if do != dn {
				d.add(p+".default", Changed, do, dn, lang.Msg("amend.fact.default", o.ID).With(mo, mn))
			}
		},
		func(n rules.Fact) {
			_, m := factDefault(n)
			d.add("facts."+n.ID, Added, "", n.Name, lang.Msg("amend.fact.added", n.ID, n.Name).With(m))
		})
}

func countsMsg(a rules.Assessment) (string, lang.Message) {
	switch a.Counts {
	case rules.Highest:
		return "max", lang.Msg("amend.counts.max")
	case rules.Lowest:
		return "min", lang.Msg("amend.counts.min")
	case rules.NamedPick:
		return "stage " + a.Stage, lang.Msg("amend.counts.stage", a.Stage)
	}
	return "latest", lang.Msg("amend.counts.latest")
}

func aggregateMsg(s rules.Stage) (string, lang.Message) {
	switch s.Aggregate {
	case rules.Median:
		return "median", lang.Msg("amend.aggregate.median")
	case rules.TrimmedMean:
		return "trimmed_mean " + itoa(s.Trim), lang.Msg("amend.aggregate.trimmed", s.Trim)
	}
	return "mean", lang.Msg("amend.aggregate.mean")
}

func (d *differ) assessment(a, b rules.Assessment) {
	if ca, ma := countsMsg(a); true {
		if cb, mb := countsMsg(b); ca != cb {
			d.add("assessment.counts", Changed, ca, cb, lang.Msg("amend.counts").With(ma, mb))
		}
	}
	stageID := func(s rules.Stage) string { return s.ID }
	pairByID(a.Stages, b.Stages, stageID,
		func(o rules.Stage) {
			d.add("assessment.stages."+o.ID, Removed, o.Name, "", lang.Msg("amend.stage.removed", o.ID, o.Name))
		},
		func(o, n rules.Stage) {
			ga, ma := aggregateMsg(o)
			gb, mb := aggregateMsg(n)
			if ga != gb {
				d.add("assessment.stages."+o.ID+".aggregate", Changed, ga, gb, lang.Msg("amend.stage.aggregate", o.ID).With(ma, mb))
			}
		},
		func(n rules.Stage) {
			d.add("assessment.stages."+n.ID, Added, "", n.Name, lang.Msg("amend.stage.added", n.ID, n.Name))
		})
	oa, ob := mapIDs(a.Stages, stageID), mapIDs(b.Stages, stageID)
	if sa, sb := strings.Join(oa, ", "), strings.Join(ob, ", "); sa != sb && len(a.Stages) == len(b.Stages) {
		d.add("assessment.stages", Changed, sa, sb, lang.Msg("amend.stage.order", sa, sb))
	}
	d.num("assessment.divergence.criterion", a.Divergence.Criterion, b.Divergence.Criterion, func(x, y string) lang.Message {
		return lang.Msg("amend.divergence.criterion", x, y)
	})
	d.num("assessment.divergence.total", a.Divergence.Total, b.Divergence.Total, func(x, y string) lang.Message {
		return lang.Msg("amend.divergence.total", x, y)
	})
}

func roundingOf(r *rules.Rounding) (string, lang.Message) {
	if r == nil {
		return "", lang.Msg("amend.rounding.none")
	}
	return r.String(), r.Message()
}

func (d *differ) rounding(a, b rules.RoundingPolicy) {
	levels := []struct {
		path  string
		a, b  *rules.Rounding
		label lang.Message
	}{
		{"quotient", a.Quotient, b.Quotient, lang.Msg("amend.level.quotient")},
		{"criterion", a.Criterion, b.Criterion, lang.Msg("amend.level.criterion")},
		{"group", a.Group, b.Group, lang.Msg("amend.level.group")},
		{"total", a.Total, b.Total, lang.Msg("amend.level.total")},
		{"percent", a.Percent, b.Percent, lang.Msg("amend.level.percent")},
	}
	for _, l := range levels {
		ta, ma := roundingOf(l.a)
		tb, mb := roundingOf(l.b)
		if ta != tb {
			d.add("rounding."+l.path, Changed, ta, tb, lang.Msg("amend.rounding").With(l.label, ma, mb))
		}
	}
}

func missingMsg(m rules.MissingPolicy) lang.Message {
	if m == rules.MissingIsZero {
		return lang.Msg("amend.missing.zero")
	}
	return lang.Msg("amend.missing.error")
}

func basisMsg(b rules.Basis) lang.Message {
	if b == rules.ByPercent {
		return lang.Msg("amend.basis.percent")
	}
	return lang.Msg("amend.basis.total")
}

func baseMsg(b rules.VoteBase) lang.Message {
	if b == rules.OfPresent {
		return lang.Msg("amend.base.present")
	}
	return lang.Msg("amend.base.all")
}

// testOf states an eligibility condition's test, in canonical form and as
// a message: its kind and threshold, " strict" when the threshold is
// strict (trên, dưới, quá), and the ballot a vote condition counts (by
// its name in s).
func testOf(s rules.Spec, c rules.Condition) (string, lang.Message) {
	strict := ""
	key := func(inclusive, strictKey string) string { // both literal, for the catalogue's check
		if c.Strict {
			return strictKey
		}
		return inclusive
	}
	if c.Strict {
		strict = " strict"
	}
	switch {
	case c.MinTotal != nil:
		return "min_total " + c.MinTotal.String() + strict, lang.Msg(key("amend.test.min_total", "amend.test.min_total.strict"), *c.MinTotal)
	case c.MaxTotal != nil:
		return "max_total " + c.MaxTotal.String() + strict, lang.Msg(key("amend.test.max_total", "amend.test.max_total.strict"), *c.MaxTotal)
	case c.MinPercent != nil:
		return "min_percent " + c.MinPercent.String() + strict, lang.Msg(key("amend.test.min_percent", "amend.test.min_percent.strict"), *c.MinPercent)
	case c.MaxPercent != nil:
		return "max_percent " + c.MaxPercent.String() + strict, lang.Msg(key("amend.test.max_percent", "amend.test.max_percent.strict"), *c.MaxPercent)
	case c.CriterionFloor != nil:
		f := c.CriterionFloor
		if f.Within != "" {
			return "criterion_floor " + f.Share.String() + " within " + f.Within + strict, lang.Msg(key("amend.test.floor_within", "amend.test.floor_within.strict"), f.Share.String(), f.Within)
		}
		return "criterion_floor " + f.Share.String() + strict, lang.Msg(key("amend.test.floor", "amend.test.floor.strict"), f.Share.String())
	case c.GroupMin != nil:
		return "group_min " + c.GroupMin.Group + " " + c.GroupMin.Min.String() + strict, lang.Msg(key("amend.test.group_min", "amend.test.group_min.strict"), c.GroupMin.Group, c.GroupMin.Min)
	case c.Fact != "":
		return "fact " + c.Fact, lang.Msg("amend.test.fact", c.Fact)
	case c.MaxDeductions != nil:
		return "max_deductions " + c.MaxDeductions.String() + strict, lang.Msg(key("amend.test.max_deductions", "amend.test.max_deductions.strict"), *c.MaxDeductions)
	case c.MaxConsecutive != nil:
		st := c.MaxConsecutive
		return "max_consecutive " + st.Award + " " + itoa(st.Years), lang.Msg("amend.test.max_consecutive", st.Award, st.Years)
	case c.MinVotes != nil:
		v := c.MinVotes
		text := "min_votes " + v.Share.String() + " " + string(v.Base) + " " + v.Quorum.String()
		m := lang.Msg(key("amend.test.min_votes", "amend.test.min_votes.strict"), v.Share.String(), dash(v.Quorum.String())).With(baseMsg(v.Base))
		if v.Ballot != "" {
			text += " ballot " + v.Ballot
			m = lang.Msg("amend.test.ballot", ballotName(s, v.Ballot)).With(m)
		}
		return text + strict, m
	}
	return "", lang.Msg("amend.value.none")
}

func (d *differ) eligibility(sa, sb rules.Spec) {
	a, b := sa.Eligibility, sb.Eligibility
	pairByID(a, b, func(c rules.Condition) string { return c.ID },
		func(o rules.Condition) {
			d.add("eligibility."+o.ID, Removed, o.Reason, "", lang.Msg("amend.cond.removed", o.ID, o.Reason))
		},
		func(o, n rules.Condition) {
			p := "eligibility." + o.ID
			ta, ma := testOf(sa, o)
			tb, mb := testOf(sb, n)
			if ta != tb {
				d.add(p+".test", Changed, ta, tb, lang.Msg("amend.cond.test", o.ID).With(ma, mb))
			}
			if o.Reason != n.Reason {
				d.add(p+".reason", Changed, o.Reason, n.Reason, lang.Msg("amend.cond.reason", o.ID, o.Reason, n.Reason))
			}
		},
		func(n rules.Condition) {
			tb, mb := testOf(sb, n)
			d.add("eligibility."+n.ID, Added, "", tb, lang.Msg("amend.cond.added", n.ID, n.Reason).With(mb))
		})
}

func chainOf(tbs []rules.TieBreak) (string, lang.Message) {
	if len(tbs) == 0 {
		return "", lang.Msg("amend.chain.empty")
	}
	names := make([]string, len(tbs))
	parts := make([]lang.Message, len(tbs))
	for i, tb := range tbs {
		names[i] = tb.String()
		parts[i] = lang.Msg("amend.rule", tb.String())
	}
	return strings.Join(names, ", "), lang.Msg("amend.chain").With(parts...)
}

func (d *differ) tieBreaks(a, b []rules.TieBreak) {
	ta, ma := chainOf(a)
	tb, mb := chainOf(b)
	if ta != tb {
		d.add("tie_breaks", Changed, ta, tb, lang.Msg("amend.tiebreaks").With(ma, mb))
	}
}

func quotaOf(t rules.AwardTier) (string, lang.Message) {
	if t.Count > 0 {
		return itoa(t.Count), lang.Msg("amend.quota.count", t.Count)
	}
	mode := t.ShareRounding
	if mode == "" {
		mode = rules.RoundFloor
	}
	return t.Share.String() + " " + string(mode), lang.Msg("amend.quota.share", t.Share.String()).With(mode.Message())
}

func fallOf(f rules.Fallthrough) (string, lang.Message) {
	if standings.Forfeits(f) {
		return string(rules.Nobody), lang.Msg("amend.fall.none")
	}
	return string(rules.NextEligible), lang.Msg("amend.fall.next")
}

func (d *differ) awards(sa, sb rules.Spec) {
	a, b := sa.Awards, sb.Awards
	tierID := func(t rules.AwardTier) string { return t.ID }
	pairByID(a, b, tierID,
		func(o rules.AwardTier) {
			d.add("awards."+o.ID, Removed, o.Name, "", lang.Msg("amend.award.removed", o.ID, o.Name))
		},
		func(o, n rules.AwardTier) {
			d.awardChanges(o, n)
			d.minGrade(sa, sb, o, n)
		},
		func(n rules.AwardTier) {
			q, mq := quotaOf(n)
			d.add("awards."+n.ID, Added, "", q, lang.Msg("amend.award.added", n.ID, n.Name, dash(strings.Join(n.Requires, ", "))).With(mq))
		})
	// the order of precedence of the tiers both have
	ida, idb := mapIDs(a, tierID), mapIDs(b, tierID)
	ca := slices.DeleteFunc(slices.Clone(ida), func(id string) bool { return !slices.Contains(idb, id) })
	cb := slices.DeleteFunc(slices.Clone(idb), func(id string) bool { return !slices.Contains(ida, id) })
	if !slices.Equal(ca, cb) {
		sa, sb := strings.Join(ca, ", "), strings.Join(cb, ", ")
		d.add("awards", Changed, sa, sb, lang.Msg("amend.awards.order", sa, sb))
	}
}

// mapIDs returns the ids of the entries, in order.
func mapIDs[T any](ts []T, id func(T) string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = id(t)
	}
	return out
}

// awardChanges reports how an award tier both rulebooks have changed.
func (d *differ) awardChanges(o, n rules.AwardTier) {
	p := "awards." + o.ID
	if o.Name != n.Name {
		d.add(p+".name", Changed, o.Name, n.Name, lang.Msg("amend.award.name", o.ID, o.Name, n.Name))
	}
	qa, ma := quotaOf(o)
	qb, mb := quotaOf(n)
	if qa != qb {
		d.add(p+".quota", Changed, qa, qb, lang.Msg("amend.award.quota", n.Name).With(ma, mb))
	}
	ra, rb := strings.Join(o.Requires, ", "), strings.Join(n.Requires, ", ")
	if ra != rb {
		d.add(p+".requires", Changed, ra, rb, lang.Msg("amend.award.requires", n.Name, dash(ra), dash(rb)))
	}
	fa, mfa := fallOf(o.IfIneligible)
	fb, mfb := fallOf(n.IfIneligible)
	if fa != fb {
		d.add(p+".if_ineligible", Changed, fa, fb, lang.Msg("amend.award.fallthrough", n.Name).With(mfa, mfb))
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }
