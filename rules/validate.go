package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

type validator struct {
	errs Errors
	ids  map[string]string // criterion id → path
	kind map[string]bool   // criterion id → is group
}

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) spec(s *Spec) {
	if strings.TrimSpace(s.ID) == "" {
		v.add("id", "a rulebook needs an id")
	}
	if strings.TrimSpace(s.Version) == "" {
		v.add("version", "a rulebook needs a version, so that results can say which rules produced them")
	}
	if strings.TrimSpace(s.Title) == "" {
		v.add("title", "a rulebook needs a title")
	}
	if !s.InForce.From.IsZero() && !s.InForce.To.IsZero() && s.InForce.To.Before(s.InForce.From) {
		v.add("in_force.to", "ends (%s) before it starts (%s)", s.InForce.To, s.InForce.From)
	}
	v.ids = map[string]string{}
	v.kind = map[string]bool{}
	if len(s.Criteria) == 0 {
		v.add("criteria", "a rulebook needs at least one criterion")
	}
	v.criteria(s.Criteria, "criteria")
	v.items(s.Bonus.Items, s.Bonus.Cap, "bonus", "bonus")
	v.items(s.Deductions.Items, s.Deductions.Cap, "deductions", "deduction")
	facts := v.facts(s.Facts)
	v.assessment(&s.Assessment)
	v.rounding(&s.Rounding)
	if s.Missing != MissingIsError && s.Missing != MissingIsZero {
		v.add("missing", "unknown policy %q (expected error or zero)", s.Missing)
	}
	if s.RankBy != ByTotal && s.RankBy != ByPercent {
		v.add("rank_by", "unknown basis %q (expected total or percent)", s.RankBy)
	}
	v.votePolicy(s.Votes, "votes")
	conds := v.conditions(s.Eligibility, facts)
	tiers := map[string]bool{}
	for _, t := range s.Awards {
		tiers[t.ID] = true
	}
	v.tieBreaks(s.TieBreaks, tiers)
	v.awards(s.Awards, conds)
}

func (v *validator) idOK(id, path, what string) bool {
	switch {
	case strings.TrimSpace(id) == "":
		v.add(path+".id", "%s %s needs an id", article(what), what)
		return false
	case strings.TrimSpace(id) != id || strings.ContainsAny(id, ",\n\r\t"):
		v.add(path+".id", "%s id %q has surrounding spaces, a comma or a line break", what, id)
		return false
	}
	return true
}

// article returns "an" before a word that starts with a vowel ("an award
// tier"), else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (v *validator) criteria(cs []Criterion, path string) {
	for i := range cs {
		c := &cs[i]
		p := indexPath(path, i)
		if v.idOK(c.ID, p, "criterion") {
			if prev, dup := v.ids[c.ID]; dup {
				v.add(p+".id", "duplicate criterion id %q (also at %s)", c.ID, prev)
			} else {
				v.ids[c.ID] = p
				v.kind[c.ID] = c.IsGroup()
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			v.add(p+".name", "criterion %q needs a name", c.ID)
		}
		if c.Weight.IsNegative() {
			v.add(p+".weight", "criterion %q: weight must be positive, found %s", c.ID, c.Weight)
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
		v.add(p+".method", "group %q has children, so its points are their sum; a method applies only to a criterion without children", c.ID)
	}
	if !c.Target.IsZero() || !c.PointsEach.IsZero() || len(c.Tiers) > 0 {
		v.add(p, "group %q has children; target, points_each and tiers apply only to a criterion without children", c.ID)
	}
	sum := childrenMax(c.Children) // the children are normalised: their maxima are known
	switch cmp := c.MaxPoints.Cmp(sum); {
	case c.MaxPoints.IsNegative():
		v.add(p+".max", "group %q: max must be positive, found %s", c.ID, c.MaxPoints)
	case cmp < 0:
		v.add(p+".max", "group %q: its children's maxima add up to %s, more than the group's max %s", c.ID, sum, c.MaxPoints)
	case cmp > 0:
		v.add(p+".max", "group %q: max %s cannot be reached: its children's maxima add up to only %s", c.ID, c.MaxPoints, sum)
	}
}

func (v *validator) leaf(c *Criterion, p string) {
	if !c.MaxPoints.IsPositive() {
		v.add(p+".max", "criterion %q needs a positive max, found %s", c.ID, c.MaxPoints)
	}
	if !slices.Contains(methods, c.Method) {
		v.add(p+".method", "criterion %q: unknown method %q (expected one of %s)", c.ID, c.Method, joinAny(methods))
		return
	}
	if c.Method != Tiers && len(c.Tiers) > 0 {
		v.add(p+".tiers", "criterion %q: tiers apply only to method tiers, not %s", c.ID, c.Method)
	}
	if c.Method != PerOccurrence && !c.PointsEach.IsZero() {
		v.add(p+".points_each", "criterion %q: points_each applies only to method per_occurrence, not %s", c.ID, c.Method)
	}
	if c.Method != Ratio && c.Method != Relative && !c.Target.IsZero() {
		v.add(p+".target", "criterion %q: a target applies only to methods ratio and relative, not %s", c.ID, c.Method)
	}
	if c.Target.IsNegative() {
		v.add(p+".target", "criterion %q: target must be positive, found %s", c.ID, c.Target)
	}
	switch c.Method {
	case PerOccurrence:
		if !c.PointsEach.IsPositive() {
			v.add(p+".points_each", "criterion %q: per_occurrence needs positive points_each (e.g. 5 for \"5 điểm/buổi\")", c.ID)
		}
	case Tiers:
		v.tiers(c, p)
	}
}

func (v *validator) tiers(c *Criterion, p string) {
	if len(c.Tiers) == 0 {
		v.add(p+".tiers", "criterion %q: method tiers needs at least one tier", c.ID)
		return
	}
	seen := map[string]int{} // by value, so that 10 and 10.0 are the same threshold
	top := decimal.Zero
	for i, t := range c.Tiers {
		tp := indexPath(p+".tiers", i)
		k := valueKey(t.AtLeast)
		if j, dup := seen[k]; dup {
			v.add(tp+".at_least", "criterion %q: threshold %s is given twice (tiers %d and %d)", c.ID, t.AtLeast, j, i)
		} else {
			seen[k] = i
		}
		if t.Points.IsNegative() || t.Points.GreaterThan(c.MaxPoints) {
			v.add(tp+".points", "criterion %q: tier points %s outside 0…%s", c.ID, t.Points, c.MaxPoints)
		}
		top = decimal.Max(top, t.Points)
	}
	if c.MaxPoints.IsPositive() && top.LessThan(c.MaxPoints) {
		v.add(p+".max", "criterion %q: max %s cannot be reached: the best tier gives %s", c.ID, c.MaxPoints, top)
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
				v.add(p+".tiers", "criterion %q: threshold %s gives %s points, fewer than the lower threshold %s (%s points)",
					c.ID, t.AtLeast, t.Points, lower.AtLeast, lower.Points)
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

func (v *validator) items(items []Item, capTotal decimal.Decimal, path, what string) {
	seen := map[string]int{}
	uncapped := false
	sum := decimal.Zero
	for i, it := range items {
		p := indexPath(path+".items", i)
		if v.idOK(it.ID, p, what+" item") {
			if j, dup := seen[it.ID]; dup {
				v.add(p+".id", "duplicate %s item id %q (also at %s)", what, it.ID, indexPath(path+".items", j))
			}
			seen[it.ID] = i
		}
		if strings.TrimSpace(it.Name) == "" {
			v.add(p+".name", "%s item %q needs a name", what, it.ID)
		}
		if !it.Points.IsPositive() {
			v.add(p+".points", "%s item %q needs positive points per occurrence, found %s", what, it.ID, it.Points)
		}
		if it.Max.IsNegative() {
			v.add(p+".max", "%s item %q: max must be positive, found %s", what, it.ID, it.Max)
		}
		if it.Max.IsZero() {
			uncapped = true
		}
		sum = sum.Add(it.Max)
	}
	if capTotal.IsNegative() {
		v.add(path+".cap", "cap must be positive, found %s", capTotal)
	}
	if capTotal.IsPositive() && len(items) == 0 {
		v.add(path+".cap", "a cap of %s is given but there are no %s items", capTotal, what)
	}
	if capTotal.IsPositive() && len(items) > 0 && !uncapped && capTotal.GreaterThan(sum) {
		v.add(path+".cap", "cap %s cannot be reached: the items' maxima add up to only %s", capTotal, sum)
	}
}

func (v *validator) facts(fs []Fact) map[string]bool {
	seen := map[string]bool{}
	for i, f := range fs {
		p := indexPath("facts", i)
		if v.idOK(f.ID, p, "fact") {
			if seen[f.ID] {
				v.add(p+".id", "duplicate fact id %q", f.ID)
			}
			seen[f.ID] = true
		}
		if strings.TrimSpace(f.Name) == "" {
			v.add(p+".name", "fact %q needs a name", f.ID)
		}
	}
	return seen
}

func (v *validator) assessment(a *Assessment) {
	seen := map[string]bool{}
	for i, st := range a.Stages {
		p := indexPath("assessment.stages", i)
		if v.idOK(st.ID, p, "stage") {
			if seen[st.ID] {
				v.add(p+".id", "duplicate stage id %q", st.ID)
			}
			seen[st.ID] = true
		}
		switch st.Aggregate {
		case Mean, Median:
			if st.Trim != 0 {
				v.add(p+".trim", "stage %q: trim applies only to aggregate trimmed_mean", st.ID)
			}
		case TrimmedMean:
			if st.Trim < 1 {
				v.add(p+".trim", "stage %q: trimmed_mean needs trim ≥ 1 (the number of highest and of lowest scores dropped)", st.ID)
			}
		default:
			v.add(p+".aggregate", "stage %q: unknown aggregate %q (expected mean, median or trimmed_mean)", st.ID, st.Aggregate)
		}
	}
	switch a.Counts {
	case Latest, Highest, Lowest:
		if a.Stage != "" {
			v.add("assessment.stage", "a stage is named only with counts: stage")
		}
	case NamedPick:
		if !seen[a.Stage] {
			v.add("assessment.stage", "counts: stage needs the id of a stage, found %q", a.Stage)
		}
	default:
		v.add("assessment.counts", "unknown choice %q (expected latest, max, min or stage)", a.Counts)
	}
	if a.Divergence.Criterion.IsNegative() {
		v.add("assessment.divergence.criterion", "threshold must be positive")
	}
	if a.Divergence.Total.IsNegative() {
		v.add("assessment.divergence.total", "threshold must be positive")
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
			v.add(p+".places", "places must be between 0 and %d, found %d", MaxPlaces, x.r.Places)
		}
		if !x.r.Mode.Valid() {
			v.add(p+".mode", "unknown rounding mode %q (expected one of %s)", x.r.Mode, joinAny(roundingModes))
		}
	}
}

func (v *validator) votePolicy(vp VotePolicy, path string) {
	if !vp.Base.valid() {
		v.add(path+".base", "unknown vote base %q (expected all_members or present)", vp.Base)
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
		v.add(path, "needs a share above zero, like 80%% or 2/3")
	case s.Num > s.Den:
		v.add(path, "share %s is more than 100%%", s)
	}
}

func (v *validator) conditions(cs []Condition, facts map[string]bool) map[string]bool {
	seen := map[string]bool{}
	for i, c := range cs {
		p := indexPath("eligibility", i)
		if v.idOK(c.ID, p, "condition") {
			if seen[c.ID] {
				v.add(p+".id", "duplicate condition id %q", c.ID)
			}
			seen[c.ID] = true
		}
		if strings.TrimSpace(c.Reason) == "" {
			v.add(p+".reason", "condition %q needs a reason (the text shown when a member fails it)", c.ID)
		}
		kinds := 0
		if c.MinTotal != nil {
			kinds++
		}
		if c.MinPercent != nil {
			kinds++
			if c.MinPercent.IsNegative() || c.MinPercent.GreaterThan(decimal.NewFromInt(100)) {
				v.add(p+".min_percent", "condition %q: percentage must be within 0…100, found %s", c.ID, c.MinPercent)
			}
		}
		if c.CriterionFloor != nil {
			kinds++
			v.share(c.CriterionFloor.Share, p+".criterion_floor.share", false)
			if w := c.CriterionFloor.Within; w != "" {
				if _, ok := v.ids[w]; !ok {
					v.add(p+".criterion_floor.within", "condition %q: unknown criterion or group %q", c.ID, w)
				}
			}
		}
		if c.GroupMin != nil {
			kinds++
			if _, ok := v.ids[c.GroupMin.Group]; !ok {
				v.add(p+".group_min.group", "condition %q: unknown criterion or group %q", c.ID, c.GroupMin.Group)
			}
		}
		if c.Fact != "" {
			kinds++
			if !facts[c.Fact] {
				v.add(p+".fact", "condition %q: unknown fact %q (declare it under facts)", c.ID, c.Fact)
			}
		}
		if c.MaxDeductions != nil {
			kinds++
			if c.MaxDeductions.IsNegative() {
				v.add(p+".max_deductions", "condition %q: must not be negative", c.ID)
			}
		}
		if c.MaxConsecutive != nil {
			kinds++
			if strings.TrimSpace(c.MaxConsecutive.Award) == "" {
				v.add(p+".max_consecutive.award", "condition %q: max_consecutive needs the award it limits (e.g. flag)", c.ID)
			}
			if c.MaxConsecutive.Years < 1 {
				v.add(p+".max_consecutive.years", "condition %q: years must be at least 1 (1: not two years running), found %d", c.ID, c.MaxConsecutive.Years)
			}
		}
		if c.MinVotes != nil {
			kinds++
			v.share(c.MinVotes.Share, p+".min_votes.share", false)
			// An empty base here means that the rulebook's (votes.base) is
			// invalid and was not inherited; it is reported there.
			if mv := c.MinVotes; mv.Base != "" && !mv.Base.valid() {
				v.add(p+".min_votes.base", "unknown vote base %q (expected all_members or present)", mv.Base)
			}
			v.share(c.MinVotes.Quorum, p+".min_votes.quorum", true)
		}
		if kinds != 1 {
			v.add(p, "condition %q must have exactly one of min_total, min_percent, criterion_floor, group_min, fact, max_deductions, max_consecutive, min_votes; found %d", c.ID, kinds)
		}
	}
	return seen
}

func (v *validator) tieBreaks(tbs []TieBreak, tiers map[string]bool) {
	seen := map[TieBreak]int{}
	for i, tb := range tbs {
		p := indexPath("tie_breaks", i)
		if j, dup := seen[tb]; dup {
			v.add(p, "%s is already in the chain at position %d", tb, j+1)
		}
		seen[tb] = i
		switch tb.Kind {
		case ByGroup, ByCriterion:
			isGroup, ok := v.kind[tb.Ref]
			switch {
			case !ok:
				v.add(p, "%s: unknown id %q", tb.Kind, tb.Ref)
			case tb.Kind == ByGroup && !isGroup:
				v.add(p, "%q is a criterion, not a group (write criterion: %s)", tb.Ref, tb.Ref)
			case tb.Kind == ByCriterion && isGroup:
				v.add(p, "%q is a group, not a criterion (write group: %s)", tb.Ref, tb.Ref)
			}
		case NoAwardLastYear:
			if tb.Ref != "" && !tiers[tb.Ref] {
				v.add(p, "no_award_last_year: unknown award tier %q", tb.Ref)
			}
		case ByTotalPoints, ByPercentage, FewerDeductions, MoreBonus, MoreVotes, HeadToHead, DrawingLots:
			if tb.Ref != "" {
				v.add(p, "%s takes no argument, found %q", tb.Kind, tb.Ref)
			}
			if tb.Kind == DrawingLots && i != len(tbs)-1 {
				v.add(p, "lots always separates the tied members, so the rules after it can never apply: put it last")
			}
		default:
			v.add(p, "unknown tie-break %q (expected one of %s)", tb.Kind, joinAny(tieBreakKinds))
		}
	}
}

func (v *validator) awards(ts []AwardTier, conds map[string]bool) {
	seen := map[string]bool{}
	for i, t := range ts {
		p := indexPath("awards", i)
		if v.idOK(t.ID, p, "award tier") {
			if seen[t.ID] {
				v.add(p+".id", "duplicate award tier id %q", t.ID)
			}
			seen[t.ID] = true
		}
		if strings.TrimSpace(t.Name) == "" {
			v.add(p+".name", "award tier %q needs a name (e.g. Cờ thi đua của UBND tỉnh)", t.ID)
		}
		switch {
		case t.Count < 0:
			v.add(p+".count", "award tier %q: count must be positive", t.ID)
		case t.Count > 0 && !t.Share.IsZero():
			v.add(p, "award tier %q: give count or share, not both", t.ID)
		case t.Count == 0 && t.Share.IsZero():
			v.add(p, "award tier %q needs a count (e.g. 1) or a share of the cluster (e.g. 30%%)", t.ID)
		case !t.Share.IsZero():
			v.share(t.Share, p+".share", false)
			if !t.ShareRounding.Valid() {
				v.add(p+".share_rounding", "unknown rounding mode %q", t.ShareRounding)
			}
		}
		if t.Share.IsZero() && t.ShareRounding != "" {
			v.add(p+".share_rounding", "award tier %q: share_rounding applies only with share", t.ID)
		}
		for j, r := range t.Requires {
			if !conds[r] {
				v.add(indexPath(p+".requires", j), "award tier %q: unknown condition %q", t.ID, r)
			}
		}
		if t.IfIneligible != NextEligible && t.IfIneligible != Nobody {
			v.add(p+".if_ineligible", "unknown choice %q (expected next_eligible or none)", t.IfIneligible)
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
