package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/identity"
	"github.com/thidua/thidua/lang"
)

type validator struct {
	errs Errors
	ids  map[string]string // criterion id → path
	kind map[string]bool   // criterion id → is group
}

func (v *validator) add(path string, m lang.Message) {
	v.errs = append(v.errs, newError(path, m))
}

// q quotes a value as Go does (%q): messages quote ids and words from the
// file this way, in both languages.
func q(s string) string { return strconv.Quote(s) }

// noun names a kind of rulebook entry in messages, by catalogue keys: with
// its article ("a criterion", "an award tier") and without ("criterion").
type noun struct{ a, bare string }

var (
	criterionNoun     = noun{"rules.a.criterion", "rules.noun.criterion"}
	bonusItemNoun     = noun{"rules.a.bonus_item", "rules.noun.bonus_item"}
	deductionItemNoun = noun{"rules.a.deduction_item", "rules.noun.deduction_item"}
	factNoun          = noun{"rules.a.fact", "rules.noun.fact"}
	stageNoun         = noun{"rules.a.stage", "rules.noun.stage"}
	conditionNoun     = noun{"rules.a.condition", "rules.noun.condition"}
	awardTierNoun     = noun{"rules.a.award_tier", "rules.noun.award_tier"}
	ballotNoun        = noun{"rules.a.ballot", "rules.noun.ballot"}
	gradeNoun         = noun{"rules.a.grade", "rules.noun.grade"}
)

// itemKind is what items checks: bonus or deduction items.
type itemKind struct {
	noun    noun
	noItems string // the key of "a cap is given but there are no items"
}

var (
	bonusItems     = itemKind{bonusItemNoun, "rules.cap.no_bonus_items"}
	deductionItems = itemKind{deductionItemNoun, "rules.cap.no_deduction_items"}
)

func (v *validator) spec(s *Spec) {
	if strings.TrimSpace(s.ID) == "" {
		v.add("id", lang.Msg("rules.id.missing_rulebook"))
	}
	if strings.TrimSpace(s.Version) == "" {
		v.add("version", lang.Msg("rules.version.missing"))
	}
	if strings.TrimSpace(s.Title) == "" {
		v.add("title", lang.Msg("rules.title.missing"))
	}
	v.texts(s)
	if !s.InForce.From.IsZero() && !s.InForce.To.IsZero() && s.InForce.To.Before(s.InForce.From) {
		v.add("in_force.to", lang.Msg("rules.in_force.order", s.InForce.To.String(), s.InForce.From.String()))
	}
	v.ids = map[string]string{}
	v.kind = map[string]bool{}
	if len(s.Criteria) == 0 {
		v.add("criteria", lang.Msg("rules.criteria.none"))
	}
	v.criteria(s.Criteria, "criteria")
	v.signedKeys(s.Criteria, "criteria")
	v.items(s.Bonus.Items, s.Bonus.Cap, "bonus", bonusItems)
	v.items(s.Deductions.Items, s.Deductions.Cap, "deductions", deductionItems)
	v.groupItems(s)
	facts := v.facts(s.Facts)
	v.assessment(&s.Assessment)
	v.rounding(&s.Rounding)
	if s.Missing != MissingIsError && s.Missing != MissingIsZero {
		v.add("missing", lang.Msg("rules.missing.unknown", q(string(s.Missing))))
	}
	if s.RankBy != ByTotal && s.RankBy != ByPercent {
		v.add("rank_by", lang.Msg("rules.rank_by.unknown", q(string(s.RankBy))))
	}
	v.rankConvention(s)
	v.votePolicy(s.Votes, "votes")
	ballots := v.ballots(s.Votes.Ballots)
	conds := v.conditions(s.Eligibility, facts)
	v.voteBallots(s.Eligibility, ballots)
	tiers := map[string]bool{}
	for _, t := range s.Awards {
		tiers[t.ID] = true
	}
	v.tieBreaks(s.TieBreaks, tiers)
	grades := v.grades(s.Grades, conds)
	v.awards(s.Awards, conds, grades)
}

func (v *validator) idOK(id, path string, what noun) bool {
	switch {
	case strings.TrimSpace(id) == "":
		v.add(path+".id", lang.Msg("rules.id.missing").With(lang.Msg(what.a)))
		return false
	case strings.TrimSpace(id) != id || strings.ContainsAny(id, ",\n\r\t"):
		v.add(path+".id", lang.Msg("rules.id.malformed", q(id)).With(lang.Msg(what.bare)))
		return false
	}
	return v.clean(path+".id", id, true, false, lang.Msg("identity.what.id", q(id)).With(lang.Msg(what.bare)))
}

// clean reports whether s, at path, holds no control character (see
// identity.Control; line breaks and tabs are allowed in a multiline text
// such as a note) and, if it is an id, no invisible character and no space
// other than the ordinary one. It reports the first such character, with
// its code point and position, as a problem of what.
func (v *validator) clean(path, s string, id, multiline bool, what lang.Message) bool {
	control := identity.Control
	if multiline {
		control = func(r rune) bool { return identity.Control(r) && r != '\n' && r != '\r' && r != '\t' }
	}
	if r, pos, bad := identity.Find(s, control); bad {
		v.add(path, lang.Msg("identity.control", identity.CodePoint(r), pos).With(what))
		return false
	}
	if !id {
		return true
	}
	if r, pos, bad := identity.Find(s, identity.Invisible); bad {
		v.add(path, lang.Msg("identity.invisible", identity.CodePoint(r), pos).With(what))
		return false
	}
	if r, pos, bad := identity.Find(s, identity.OddSpace); bad {
		v.add(path, lang.Msg("identity.space", identity.CodePoint(r), pos).With(what))
		return false
	}
	return true
}

// name checks the name of an entry (a criterion, an item, …) for control
// characters.
func (v *validator) name(path, name, id string, what noun) {
	v.clean(path, name, false, false, lang.Msg("identity.what.name", q(id), q(name)).With(lang.Msg(what.bare)))
}

// texts checks the rulebook's own texts, which documents print, for
// control characters: its title, jurisdiction and regulation, each
// criterion's note (line breaks allowed in notes), each stage's name and
// each condition's reason. The names of criteria, items, facts and award
// tiers are checked with the entries.
func (v *validator) texts(s *Spec) {
	text := func(path, t string, multiline bool) {
		v.clean(path, t, false, multiline, lang.Msg("identity.what.text", q(t)))
	}
	v.clean("title", s.Title, false, false, lang.Msg("identity.what.title", q(s.Title)))
	text("jurisdiction", s.Jurisdiction, false)
	r := s.Regulation
	text("regulation.number", r.Number, false)
	text("regulation.title", r.Title, false)
	text("regulation.issuer", r.Issuer, false)
	text("regulation.source", r.Source, false)
	v.legalBasis(s)
	text("regulation.notes", r.Notes, true)
	var notes func(cs []Criterion, path string)
	notes = func(cs []Criterion, path string) {
		for i, c := range cs {
			p := indexPath(path, i)
			text(p+".note", c.Note, true)
			notes(c.Children, p+".children")
		}
	}
	notes(s.Criteria, "criteria")
	for i, st := range s.Assessment.Stages {
		v.name(indexPath("assessment.stages", i)+".name", st.Name, st.ID, stageNoun)
	}
	for i, c := range s.Eligibility {
		text(indexPath("eligibility", i)+".reason", c.Reason, false)
	}
	v.authority(s.Authority)
}

// authority checks the names of the awarding authority: optional, but a
// name given must say something and hold no control character.
func (v *validator) authority(a Authority) {
	for _, f := range []struct {
		key, name string
		def       lang.Message
	}{
		{"council", a.Council, Authority{}.CouncilName()},
		{"decides", a.Decides, Authority{}.DecidesName()},
	} {
		path := "authority." + f.key
		if f.name != "" && strings.TrimSpace(f.name) == "" {
			v.add(path, lang.Msg("rules.authority.blank", f.key).With(f.def))
			continue
		}
		v.clean(path, f.name, false, false, lang.Msg("identity.what.text", q(f.name)))
	}
}

// nameMissing is the message of an entry without a name.
func nameMissing(what noun, id string) lang.Message {
	return lang.Msg("rules.name.missing", q(id)).With(lang.Msg(what.bare))
}

func (v *validator) criteria(cs []Criterion, path string) {
	for i := range cs {
		c := &cs[i]
		p := indexPath(path, i)
		if v.idOK(c.ID, p, criterionNoun) {
			if prev, dup := v.ids[c.ID]; dup {
				v.add(p+".id", lang.Msg("rules.id.duplicate_at", q(c.ID), prev).With(lang.Msg(criterionNoun.bare)))
			} else {
				v.ids[c.ID] = p
				v.kind[c.ID] = c.IsGroup()
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			v.add(p+".name", nameMissing(criterionNoun, c.ID))
		}
		v.name(p+".name", c.Name, c.ID, criterionNoun)
		if c.Weight.IsNegative() {
			v.add(p+".weight", lang.Msg("rules.criterion.weight_negative", q(c.ID), c.Weight))
		}
		if c.IsGroup() {
			v.group(c, p)
			v.criteria(c.Children, p+".children")
			continue
		}
		v.leaf(c, p)
	}
}

func (v *validator) group(c *Criterion, p string) {
	if c.Method != "" {
		v.add(p+".method", lang.Msg("rules.group.method", q(c.ID)))
	}
	if !c.Target.IsZero() || !c.PointsEach.IsZero() || len(c.Tiers) > 0 {
		v.add(p, lang.Msg("rules.group.leaf_keys", q(c.ID)))
	}
	v.signedGroup(c, p)
	sum := childrenMax(c.Children) // the children are normalised: their maxima are known
	switch cmp := c.MaxPoints.Cmp(sum); {
	case c.MaxPoints.IsNegative():
		v.add(p+".max", lang.Msg("rules.group.max_negative", q(c.ID), c.MaxPoints))
	case cmp < 0:
		v.add(p+".max", lang.Msg("rules.group.max_exceeded", q(c.ID), sum, c.MaxPoints))
	case cmp > 0:
		v.add(p+".max", lang.Msg("rules.group.max_unreachable", q(c.ID), c.MaxPoints, sum))
	}
}

func (v *validator) leaf(c *Criterion, p string) {
	if !c.MaxPoints.IsPositive() {
		v.add(p+".max", lang.Msg("rules.criterion.max", q(c.ID), c.MaxPoints))
	}
	if !slices.Contains(methods, c.Method) {
		v.add(p+".method", lang.Msg("rules.criterion.method_unknown", q(c.ID), q(string(c.Method)), joinAny(methods)))
		return
	}
	v.signedLeaf(c, p)
	if c.Method != Tiers && len(c.Tiers) > 0 {
		v.add(p+".tiers", lang.Msg("rules.criterion.tiers_misplaced", q(c.ID), string(c.Method)))
	}
	if !countsOccurrences(c.Method) && !c.PointsEach.IsZero() {
		v.add(p+".points_each", lang.Msg("rules.criterion.points_each_misplaced", q(c.ID), string(c.Method)))
	}
	if c.Method != Ratio && c.Method != Relative && !c.Target.IsZero() {
		v.add(p+".target", lang.Msg("rules.criterion.target_misplaced", q(c.ID), string(c.Method)))
	}
	if c.Target.IsNegative() {
		v.add(p+".target", lang.Msg("rules.criterion.target_negative", q(c.ID), c.Target))
	}
	switch c.Method {
	case PerOccurrence:
		if !c.PointsEach.IsPositive() {
			v.add(p+".points_each", lang.Msg("rules.criterion.points_each_missing", q(c.ID)))
		}
	case Fewer:
		if !c.PointsEach.IsPositive() {
			v.add(p+".points_each", lang.Msg("rules.fewer.points_each", q(c.ID), c.MaxPoints))
		}
	case Tiers:
		v.tiers(c, p)
	}
}

func (v *validator) tiers(c *Criterion, p string) {
	if len(c.Tiers) == 0 {
		v.add(p+".tiers", lang.Msg("rules.tiers.none", q(c.ID)))
		return
	}
	seen := map[string]int{} // by value, so that 10 and 10.0 are the same threshold
	top := decimal.Zero
	for i, t := range c.Tiers {
		tp := indexPath(p+".tiers", i)
		k := valueKey(t.AtLeast)
		if j, dup := seen[k]; dup {
			v.add(tp+".at_least", lang.Msg("rules.tiers.duplicate", q(c.ID), t.AtLeast, j, i))
		} else {
			seen[k] = i
		}
		if t.Points.IsNegative() || t.Points.GreaterThan(c.MaxPoints) {
			v.add(tp+".points", lang.Msg("rules.tiers.points_range", q(c.ID), t.Points, c.MaxPoints))
		}
		top = decimal.Max(top, t.Points)
	}
	if c.MaxPoints.IsPositive() && top.LessThan(c.MaxPoints) {
		v.add(p+".max", lang.Msg("rules.tiers.max_unreachable", q(c.ID), c.MaxPoints, top))
	}
	// A higher threshold must not give fewer points: that would make more
	// achievement score less. Tiers of equal thresholds are not compared with
	// each other (a threshold given twice is reported above); each is compared
	// with the best tier of the next lower threshold, so that what is reported
	// does not depend on the order of the tiers.
	sorted := slices.Clone(c.Tiers)
	slices.SortStableFunc(sorted, func(a, b Tier) int { return a.AtLeast.Cmp(b.AtLeast) })
	var lower *Tier // the tier with the most points at the next lower threshold
	for i := 0; i < len(sorted); {
		j, best := i, i
		for ; j < len(sorted) && sorted[j].AtLeast.Equal(sorted[i].AtLeast); j++ {
			if sorted[j].Points.GreaterThan(sorted[best].Points) {
				best = j
			}
		}
		for _, t := range sorted[i:j] {
			if lower != nil && t.Points.LessThan(lower.Points) {
				v.add(p+".tiers", lang.Msg("rules.tiers.decreasing", q(c.ID), t.AtLeast, t.Points, lower.AtLeast, lower.Points))
			}
		}
		lower, i = &sorted[best], j
	}
}

// valueKey returns a short key that is the same for equal decimals (10, 10.0
// and 1e1) and different for others, whatever decimal's package settings.
func valueKey(d decimal.Decimal) string {
	digits := d.Coefficient().String()
	if digits == "0" {
		return "0"
	}
	t := strings.TrimRight(digits, "0")
	return t + "e" + strconv.Itoa(int(d.Exponent())+len(digits)-len(t))
}

func (v *validator) items(items []Item, capTotal decimal.Decimal, path string, kind itemKind) {
	what := kind.noun
	seen := map[string]int{}
	uncapped, onTotal := false, 0
	sum := decimal.Zero
	for i, it := range items {
		p := indexPath(path+".items", i)
		if v.idOK(it.ID, p, what) {
			if j, dup := seen[it.ID]; dup {
				v.add(p+".id", lang.Msg("rules.id.duplicate_at", q(it.ID), indexPath(path+".items", j)).With(lang.Msg(what.bare)))
			}
			seen[it.ID] = i
		}
		if strings.TrimSpace(it.Name) == "" {
			v.add(p+".name", nameMissing(what, it.ID))
		}
		v.name(p+".name", it.Name, it.ID, what)
		if !it.Points.IsPositive() {
			v.add(p+".points", lang.Msg("rules.item.points", q(it.ID), it.Points).With(lang.Msg(what.bare)))
		}
		if it.Max.IsNegative() {
			v.add(p+".max", lang.Msg("rules.item.max_negative", q(it.ID), it.Max).With(lang.Msg(what.bare)))
		}
		if it.Group != "" {
			continue // counted in its group, not under the cap: see GroupItems
		}
		onTotal++
		if it.Max.IsZero() {
			uncapped = true
		}
		sum = sum.Add(it.Max)
	}
	if capTotal.IsNegative() {
		v.add(path+".cap", lang.Msg("rules.cap.negative", capTotal))
	}
	if capTotal.IsPositive() && len(items) == 0 {
		v.add(path+".cap", lang.Msg(kind.noItems, capTotal))
	}
	if capTotal.IsPositive() && onTotal > 0 && !uncapped && capTotal.GreaterThan(sum) {
		v.add(path+".cap", lang.Msg("rules.cap.unreachable", capTotal, sum))
	}
}

func (v *validator) facts(fs []Fact) map[string]bool {
	seen := map[string]bool{}
	for i, f := range fs {
		p := indexPath("facts", i)
		if v.idOK(f.ID, p, factNoun) {
			if seen[f.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(f.ID)).With(lang.Msg(factNoun.bare)))
			}
			seen[f.ID] = true
		}
		if strings.TrimSpace(f.Name) == "" {
			v.add(p+".name", nameMissing(factNoun, f.ID))
		}
		v.name(p+".name", f.Name, f.ID, factNoun)
	}
	return seen
}

func (v *validator) assessment(a *Assessment) {
	seen := map[string]bool{}
	for i, st := range a.Stages {
		p := indexPath("assessment.stages", i)
		if v.idOK(st.ID, p, stageNoun) {
			if seen[st.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(st.ID)).With(lang.Msg(stageNoun.bare)))
			}
			seen[st.ID] = true
		}
		switch st.Aggregate {
		case Mean, Median:
			if st.Trim != 0 {
				v.add(p+".trim", lang.Msg("rules.stage.trim_misplaced", q(st.ID)))
			}
		case TrimmedMean:
			if st.Trim < 1 {
				v.add(p+".trim", lang.Msg("rules.stage.trim_missing", q(st.ID)))
			}
		default:
			v.add(p+".aggregate", lang.Msg("rules.stage.aggregate_unknown", q(st.ID), q(string(st.Aggregate))))
		}
	}
	switch a.Counts {
	case Latest, Highest, Lowest:
		if a.Stage != "" {
			v.add("assessment.stage", lang.Msg("rules.assessment.stage_unused"))
		}
	case NamedPick:
		if !seen[a.Stage] {
			v.add("assessment.stage", lang.Msg("rules.assessment.stage_unknown", q(a.Stage)))
		}
	default:
		v.add("assessment.counts", lang.Msg("rules.assessment.counts_unknown", q(string(a.Counts))))
	}
	if a.Divergence.Criterion.IsNegative() {
		v.add("assessment.divergence.criterion", lang.Msg("rules.assessment.divergence_negative"))
	}
	if a.Divergence.Total.IsNegative() {
		v.add("assessment.divergence.total", lang.Msg("rules.assessment.divergence_negative"))
	}
}

func (v *validator) rounding(r *RoundingPolicy) {
	for _, x := range []struct {
		name string
		r    *Rounding
	}{{"quotient", r.Quotient}, {"criterion", r.Criterion}, {"group", r.Group}, {"total", r.Total}, {"percent", r.Percent}} {
		if x.r == nil {
			continue
		}
		p := "rounding." + x.name
		if x.r.Places < 0 || x.r.Places > MaxPlaces {
			v.add(p+".places", lang.Msg("rules.rounding.places", MaxPlaces, x.r.Places))
		}
		if !x.r.Mode.Valid() {
			v.add(p+".mode", lang.Msg("rules.rounding.mode_unknown", q(string(x.r.Mode)), joinAny(roundingModes)))
		}
	}
}

func (v *validator) votePolicy(vp VotePolicy, path string) {
	if !vp.Base.valid() {
		v.add(path+".base", lang.Msg("rules.votes.base_unknown", q(string(vp.Base))))
	}
	v.share(vp.Quorum, path+".quorum", true)
}

// valid reports whether b is one of the vote bases.
func (b VoteBase) valid() bool { return b == OfAllMembers || b == OfPresent }

// proper reports whether s is above zero and at most 100%.
func (s Share) proper() bool { return s.Den > 0 && s.Num > 0 && s.Num <= s.Den }

func (v *validator) share(s Share, path string, optional bool) {
	switch {
	case s.IsZero() && optional:
	case s.IsZero() || s.Num <= 0:
		v.add(path, lang.Msg("rules.share.missing"))
	case s.Num > s.Den:
		v.add(path, lang.Msg("rules.share.over", s.String()))
	}
}

func (v *validator) conditions(cs []Condition, facts map[string]bool) map[string]bool {
	seen := map[string]bool{}
	for i, c := range cs {
		p := indexPath("eligibility", i)
		if v.idOK(c.ID, p, conditionNoun) {
			if seen[c.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(c.ID)).With(lang.Msg(conditionNoun.bare)))
			}
			seen[c.ID] = true
		}
		if strings.TrimSpace(c.Reason) == "" {
			v.add(p+".reason", lang.Msg("rules.condition.reason_missing", q(c.ID)))
		}
		kinds := 0
		if c.MinTotal != nil {
			kinds++
		}
		if c.MaxTotal != nil {
			kinds++
		}
		for _, x := range []struct {
			key string
			d   *decimal.Decimal
		}{{"min_percent", c.MinPercent}, {"max_percent", c.MaxPercent}} {
			if x.d == nil {
				continue
			}
			kinds++
			if x.d.IsNegative() || x.d.GreaterThan(decimal.NewFromInt(100)) {
				v.add(p+"."+x.key, lang.Msg("rules.condition.percent_range", q(c.ID), *x.d))
			}
		}
		if c.Strict && (c.Fact != "" || c.MaxConsecutive != nil) {
			v.add(p+".strict", lang.Msg("rules.condition.strict_meaningless", q(c.ID)))
		}
		if c.CriterionFloor != nil {
			kinds++
			v.share(c.CriterionFloor.Share, p+".criterion_floor.share", false)
			if w := c.CriterionFloor.Within; w != "" {
				if _, ok := v.ids[w]; !ok {
					v.add(p+".criterion_floor.within", lang.Msg("rules.condition.criterion_unknown", q(c.ID), q(w)))
				}
			}
		}
		if c.GroupMin != nil {
			kinds++
			if _, ok := v.ids[c.GroupMin.Group]; !ok {
				v.add(p+".group_min.group", lang.Msg("rules.condition.criterion_unknown", q(c.ID), q(c.GroupMin.Group)))
			}
		}
		if c.Fact != "" {
			kinds++
			if !facts[c.Fact] {
				v.add(p+".fact", lang.Msg("rules.condition.fact_unknown", q(c.ID), q(c.Fact)))
			}
		}
		if c.MaxDeductions != nil {
			kinds++
			if c.MaxDeductions.IsNegative() {
				v.add(p+".max_deductions", lang.Msg("rules.condition.max_deductions_negative", q(c.ID)))
			}
		}
		if c.MaxConsecutive != nil {
			kinds++
			if strings.TrimSpace(c.MaxConsecutive.Award) == "" {
				v.add(p+".max_consecutive.award", lang.Msg("rules.condition.consecutive_award", q(c.ID)))
			}
			if c.MaxConsecutive.Years < 1 {
				v.add(p+".max_consecutive.years", lang.Msg("rules.condition.consecutive_years", q(c.ID), c.MaxConsecutive.Years))
			}
		}
		if c.MinVotes != nil {
			kinds++
			v.share(c.MinVotes.Share, p+".min_votes.share", false)
			// An empty base here means that the rulebook's (votes.base) is
			// invalid and was not inherited; it is reported there.
			if mv := c.MinVotes; mv.Base != "" && !mv.Base.valid() {
				v.add(p+".min_votes.base", lang.Msg("rules.votes.base_unknown", q(string(mv.Base))))
			}
			v.share(c.MinVotes.Quorum, p+".min_votes.quorum", true)
		}
		if kinds != 1 {
			v.add(p, lang.Msg("rules.condition.kinds", q(c.ID), kinds))
		}
	}
	return seen
}

func (v *validator) tieBreaks(tbs []TieBreak, tiers map[string]bool) {
	seen := map[TieBreak]int{}
	for i, tb := range tbs {
		p := indexPath("tie_breaks", i)
		// A head-to-head rule may come again: later in the chain it
		// compares a smaller group, the one the rules between left tied.
		if j, dup := seen[tb]; dup && !repeatable(tb.Kind) {
			v.add(p, lang.Msg("rules.tie.duplicate", tb.String(), j+1))
		}
		seen[tb] = i
		switch tb.Kind {
		case ByGroup, ByCriterion:
			isGroup, ok := v.kind[tb.Ref]
			switch {
			case !ok:
				v.add(p, lang.Msg("rules.tie.ref_unknown", string(tb.Kind), q(tb.Ref)))
			case tb.Kind == ByGroup && !isGroup:
				v.add(p, lang.Msg("rules.tie.not_group", q(tb.Ref), tb.Ref))
			case tb.Kind == ByCriterion && isGroup:
				v.add(p, lang.Msg("rules.tie.not_criterion", q(tb.Ref), tb.Ref))
			}
		case FewerInput:
			v.fewerTieBreak(tb, p)
		case NoAwardLastYear:
			if tb.Ref != "" && !tiers[tb.Ref] {
				v.add(p, lang.Msg("rules.tie.award_unknown", q(tb.Ref)))
			}
		case League:
			if tb.Ref != LeagueReapply && tb.Ref != LeagueOnce {
				v.add(p, lang.Msg("rules.tie.league_form", q(tb.Ref)))
			}
		case ByTotalPoints, ByPercentage, FewerDeductions, MoreBonus, MoreVotes, HeadToHead, DrawingLots:
			if tb.Ref != "" {
				v.add(p, lang.Msg("rules.tie.no_argument", string(tb.Kind), q(tb.Ref)))
			}
			if tb.Kind == DrawingLots && i != len(tbs)-1 {
				v.add(p, lang.Msg("rules.tie.lots_not_last"))
			}
		default:
			v.add(p, lang.Msg("rules.tie.unknown", q(string(tb.Kind)), joinAny(tieBreakKinds)))
		}
	}
}

func (v *validator) awards(ts []AwardTier, conds, grades map[string]bool) {
	seen := map[string]bool{}
	for i, t := range ts {
		p := indexPath("awards", i)
		if v.idOK(t.ID, p, awardTierNoun) {
			if seen[t.ID] {
				v.add(p+".id", lang.Msg("rules.id.duplicate", q(t.ID)).With(lang.Msg(awardTierNoun.bare)))
			}
			seen[t.ID] = true
		}
		if strings.TrimSpace(t.Name) == "" {
			v.add(p+".name", lang.Msg("rules.award.name_missing", q(t.ID)))
		}
		v.name(p+".name", t.Name, t.ID, awardTierNoun)
		switch {
		case t.Count < 0:
			v.add(p+".count", lang.Msg("rules.award.count_negative", q(t.ID)))
		case t.Count > 0 && !t.Share.IsZero():
			v.add(p, lang.Msg("rules.award.count_and_share", q(t.ID)))
		case t.Count == 0 && t.Share.IsZero():
			v.add(p, lang.Msg("rules.award.count_missing", q(t.ID)))
		case !t.Share.IsZero():
			v.share(t.Share, p+".share", false)
			if !t.ShareRounding.Valid() {
				v.add(p+".share_rounding", lang.Msg("rules.award.share_rounding_unknown", q(string(t.ShareRounding))))
			}
		}
		if t.Share.IsZero() && t.ShareRounding != "" {
			v.add(p+".share_rounding", lang.Msg("rules.award.share_rounding_misplaced", q(t.ID)))
		}
		for j, r := range t.Requires {
			if !conds[r] {
				v.add(indexPath(p+".requires", j), lang.Msg("rules.award.condition_unknown", q(t.ID), q(r)))
			}
		}
		if g := t.MinGrade; g != "" && !grades[g] {
			v.add(p+".min_grade", lang.Msg("rules.award.grade_unknown", q(t.ID), q(g)))
		}
		if t.IfIneligible != NextEligible && t.IfIneligible != Nobody {
			v.add(p+".if_ineligible", lang.Msg("rules.award.if_ineligible_unknown", q(string(t.IfIneligible))))
		}
	}
}

func joinAny[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// repeatable reports whether a tie-break kind may appear more than once in
// a chain: a head-to-head comparison, which reads only the tied group, so
// that naming it again after other rules compares the smaller group they
// left tied.
func repeatable(k TieBreakKind) bool { return k == HeadToHead || k == League }
