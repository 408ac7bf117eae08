package rules

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// SignedPart is one side of a signed criterion (tiêu chí cộng/trừ): the
// points each achievement adds (Plus, cộng) or each failure takes away
// (Minus, trừ), and what is counted, e.g. {points_each: 2, name: "mô hình
// được công nhận"}. A signed criterion has at least one side.
type SignedPart struct {
	PointsEach decimal.Decimal `yaml:"points_each" json:"points_each,omitzero"`
	Name       string          `yaml:"name" json:"name,omitempty"`
}

// IsZero reports whether the side is not given.
func (p SignedPart) IsZero() bool { return p.PointsEach.IsZero() && p.Name == "" }

// The suffixes of a signed criterion's two counts in a score sheet: a row
// keyed "3.2+" gives the achievements (cộng) of criterion 3.2, "3.2-" its
// failures (trừ). See PlusKey and MinusKey.
const (
	PlusSuffix  = "+"
	MinusSuffix = "-"
)

// PlusKey is the sheet key of a signed criterion's achievements: its id
// followed by "+".
func (c Criterion) PlusKey() string { return c.ID + PlusSuffix }

// MinusKey is the sheet key of a signed criterion's failures: its id
// followed by "-".
func (c Criterion) MinusKey() string { return c.ID + MinusSuffix }

// SignedKey splits a sheet key of a signed criterion's count: "3.2+" is
// criterion "3.2", plus; "3.2-" is "3.2", minus. ok is false for a key
// without either suffix.
func SignedKey(key string) (criterion string, minus, ok bool) {
	if c, found := strings.CutSuffix(key, PlusSuffix); found && c != "" {
		return c, false, true
	}
	if c, found := strings.CutSuffix(key, MinusSuffix); found && c != "" {
		return c, true, true
	}
	return "", false, false
}

// signedLeaf checks the keys of a signed criterion, and that a criterion
// of another method has none of them.
func (v *validator) signedLeaf(c *Criterion, p string) {
	if c.Method != Signed {
		for _, k := range []struct {
			key   string
			given bool
		}{{"min", !c.MinPoints.IsZero()}, {"plus", !c.Plus.IsZero()}, {"minus", !c.Minus.IsZero()}} {
			if k.given {
				v.add(p+"."+k.key, lang.Msg("rules.signed.misplaced", q(c.ID), k.key, string(c.Method)))
			}
		}
		return
	}
	if c.Plus.IsZero() && c.Minus.IsZero() {
		v.add(p, lang.Msg("rules.signed.no_sides", q(c.ID)))
	}
	for _, side := range []struct {
		key  string
		part SignedPart
	}{{"plus", c.Plus}, {"minus", c.Minus}} {
		if side.part.IsZero() {
			continue
		}
		if !side.part.PointsEach.IsPositive() {
			v.add(p+"."+side.key+".points_each", lang.Msg("rules.signed.points_each", q(c.ID), side.key, side.part.PointsEach))
		}
		v.clean(p+"."+side.key+".name", side.part.Name, false, false, lang.Msg("identity.what.name", q(c.ID), q(side.part.Name)).With(lang.Msg(criterionNoun.bare)))
	}
	// min ≤ 0 < max: a signed criterion scores zero for no achievement
	// and no failure (and for a value missing under missing: zero), and
	// min > max is refused with it
	if c.MinPoints.IsPositive() {
		v.add(p+".min", lang.Msg("rules.signed.min_positive", q(c.ID), c.MinPoints, c.MaxPoints))
	}
}

// signedGroup reports the keys of a signed criterion on a group.
func (v *validator) signedGroup(c *Criterion, p string) {
	if !c.MinPoints.IsZero() || !c.Plus.IsZero() || !c.Minus.IsZero() {
		v.add(p, lang.Msg("rules.signed.group", q(c.ID)))
	}
}

// signedKeys reports a criterion whose id is the sheet key of a signed
// criterion's count ("3.2+" beside a signed "3.2"): a sheet row keyed so
// would be ambiguous.
func (v *validator) signedKeys(cs []Criterion, path string) {
	for i := range cs {
		c := &cs[i]
		p := indexPath(path, i)
		if c.IsGroup() {
			v.signedKeys(c.Children, p+".children")
			continue
		}
		if c.Method != Signed {
			continue
		}
		for _, k := range []string{c.PlusKey(), c.MinusKey()} {
			if at, clash := v.ids[k]; clash {
				v.add(at+".id", lang.Msg("rules.signed.key_clash", q(k), q(c.ID)))
			}
		}
	}
}
