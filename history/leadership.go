package history

import (
	"fmt"
	"slices"

	"github.com/thidua/thidua/rules"
)

// Leadership is who headed a cluster and how they came to: its terms
// (nhiệm kỳ) and, optionally, the rotation rule the cluster follows.
type Leadership struct {
	Rotation *Rotation `yaml:"rotation" json:"rotation,omitempty"`
	Terms    []Term    `yaml:"terms" json:"terms,omitempty"`
}

// Appointment is how a head and deputy came to hold office.
type Appointment string

// The ways of appointment.
const (
	// Elected by the members at a cluster meeting (bầu), with the votes if
	// they were recorded.
	Elected Appointment = "elected"
	// ByRotation: assigned by the cluster's rotation rule; New checks that
	// the rule gives the recorded head and deputy.
	ByRotation Appointment = "rotation"
	// Assigned by a decision of a higher body (chỉ định), e.g. the
	// provincial council.
	Assigned Appointment = "assigned"
	// Inferred: not stated by a source but inferred (e.g. from who hosted
	// the year-end meeting). Reports mark such terms.
	Inferred Appointment = "inferred"
)

var appointments = []Appointment{Elected, ByRotation, Assigned, Inferred}

// Term is one period of office of a head (Trưởng cụm, Khối trưởng) and
// deputy (Phó trưởng cụm, Khối phó). From and To are inclusive. ForYear is
// the emulation year the term serves, as minutes say ("Trưởng cụm thi đua
// năm 2021"); when it is zero the term serves every year its dates touch.
type Term struct {
	From    rules.Date  `yaml:"from" json:"from"`
	To      rules.Date  `yaml:"to" json:"to"`
	ForYear int         `yaml:"for_year" json:"for_year,omitempty"`
	Head    string      `yaml:"head" json:"head"`
	Deputy  string      `yaml:"deputy" json:"deputy,omitempty"`
	How     Appointment `yaml:"how" json:"how"`
	// ElectedOn is the date of the election or decision.
	ElectedOn rules.Date `yaml:"elected_on" json:"elected_on,omitzero"`
	Votes     *Election  `yaml:"votes" json:"votes,omitempty"`
	Source    string     `yaml:"source" json:"source,omitempty"`
	Note      string     `yaml:"note" json:"note,omitempty"`
}

// Served returns the emulation years the term serves: ForYear, or every
// year from From to To.
func (t Term) Served() []int {
	if t.ForYear != 0 {
		return []int{t.ForYear}
	}
	if t.From.IsZero() || t.To.IsZero() || t.To.Year() < t.From.Year() || t.To.Year()-t.From.Year() > 100 {
		return nil
	}
	var ys []int
	for y := t.From.Year(); y <= t.To.Year(); y++ {
		ys = append(ys, y)
	}
	return ys
}

// Election is the count of an election of head and deputy (kết quả bầu).
type Election struct {
	Entitled int     `yaml:"entitled" json:"entitled"` // members entitled to vote
	Present  int     `yaml:"present" json:"present"`   // members present and voting
	Head     []Tally `yaml:"head" json:"head"`
	Deputy   []Tally `yaml:"deputy" json:"deputy,omitempty"`
}

// Tally is the votes one candidate received.
type Tally struct {
	Member string `yaml:"member" json:"member"`
	For    int    `yaml:"for" json:"for"`
}

// RotationRule names a rule that assigns the head (and deputy) each year.
type RotationRule string

// The rotation rules.
const (
	// FixedOrder: the headship passes each year to the next member in Order
	// (cyclic, skipping units that are not members that year); the deputy
	// is the member after the head.
	FixedOrder RotationRule = "fixed_order"
	// DeputyBecomesHead: last year's deputy becomes head (or its successor,
	// if it was merged); the new deputy is the member after the new head in
	// Order.
	DeputyBecomesHead RotationRule = "deputy_becomes_head"
	// ByFunction: the head is the member whose unit has HeadFunction (and
	// the deputy the one with DeputyFunction, if given), every year.
	ByFunction RotationRule = "by_function"
)

var rotationRules = []RotationRule{FixedOrder, DeputyBecomesHead, ByFunction}

// Rotation is a rotation rule stated as data.
type Rotation struct {
	Rule           RotationRule `yaml:"rule" json:"rule"`
	Order          []string     `yaml:"order" json:"order,omitempty"`
	HeadFunction   string       `yaml:"head_function" json:"head_function,omitempty"`
	DeputyFunction string       `yaml:"deputy_function" json:"deputy_function,omitempty"`
	Source         string       `yaml:"source" json:"source,omitempty"`
	Note           string       `yaml:"note" json:"note,omitempty"`
}

// Heads is who headed a cluster in one year.
type Heads struct {
	Year int
	// Terms are the terms serving the year, in date order (usually one).
	Terms []Term
}

// Heads returns, for every recorded year of the cluster (membership or
// terms), the terms that served it: "who led Cụm II in each year", in the
// sense of Trưởng cụm. For the unit leading the cluster's ranking (đơn vị
// dẫn đầu), see Top.
func (h *History) Heads(cluster string) []Heads {
	c, ok := h.cluster(cluster)
	if !ok {
		return nil
	}
	years := map[int]bool{}
	for _, y := range c.Years {
		years[y.Year] = true
	}
	for _, t := range c.Leadership.Terms {
		for _, y := range t.Served() {
			years[y] = true
		}
	}
	var out []Heads
	for _, y := range sortedKeys(years) {
		hy := Heads{Year: y}
		for _, t := range sortedTerms(c.Leadership.Terms) {
			if slices.Contains(t.Served(), y) {
				hy.Terms = append(hy.Terms, cloneTerm(t))
			}
		}
		out = append(out, hy)
	}
	return out
}

// Rotate returns the head and deputy the cluster's rotation rule assigns
// for the year, from the members of that year and, for the rules that
// depend on it, the term serving the year before. The deputy is "" when the
// rule names none.
func (h *History) Rotate(cluster string, year int) (head, deputy string, err error) {
	c, ok := h.cluster(cluster)
	if !ok {
		return "", "", fmt.Errorf("%w %q", ErrUnknownCluster, cluster)
	}
	return h.rotate(c, year)
}

func (h *History) rotate(c *Cluster, year int) (string, string, error) {
	r := c.Leadership.Rotation
	if r == nil {
		return "", "", fmt.Errorf("cluster %s has no rotation rule", c.ID)
	}
	members, ok := h.members(c, year)
	if !ok {
		return "", "", fmt.Errorf("cluster %s: no membership recorded for %d", c.ID, year)
	}
	isMember := func(u string) bool { return slices.Contains(members, u) }
	switch r.Rule {
	case ByFunction:
		head, err := h.byFunction(c, year, members, r.HeadFunction)
		if err != nil || r.DeputyFunction == "" {
			return head, "", err
		}
		dep, err := h.byFunction(c, year, members, r.DeputyFunction)
		return head, dep, err
	case FixedOrder, DeputyBecomesHead:
		prev, hasPrev := lastTermBefore(c, year)
		var head string
		switch {
		case r.Rule == FixedOrder && !hasPrev:
			head = nextInOrder(r.Order, "", isMember)
		case r.Rule == FixedOrder:
			if !slices.Contains(r.Order, prev.Head) {
				return "", "", fmt.Errorf("cluster %s: the %d head %s is not in the rotation order", c.ID, year-1, prev.Head)
			}
			head = nextInOrder(r.Order, prev.Head, isMember)
		case !hasPrev:
			return "", "", fmt.Errorf("cluster %s: deputy_becomes_head needs the term serving %d", c.ID, year-1)
		case prev.Deputy == "":
			return "", "", fmt.Errorf("cluster %s: the %d term has no deputy to become head", c.ID, year-1)
		default:
			head = h.successorIn(prev.Deputy, year, isMember)
			if head == "" {
				return "", "", fmt.Errorf("cluster %s: the %d deputy %s is not a member in %d, and no successor of it is", c.ID, year-1, prev.Deputy, year)
			}
			if !slices.Contains(r.Order, head) {
				return "", "", fmt.Errorf("cluster %s: the new head %s is not in the rotation order", c.ID, head)
			}
		}
		if head == "" {
			return "", "", fmt.Errorf("cluster %s: no member of %d is in the rotation order", c.ID, year)
		}
		dep := nextInOrder(r.Order, head, func(u string) bool { return u != head && isMember(u) })
		return head, dep, nil
	}
	return "", "", fmt.Errorf("cluster %s: unknown rotation rule %q", c.ID, r.Rule)
}

// byFunction returns the one member of the year whose unit has function f.
func (h *History) byFunction(c *Cluster, year int, members []string, f string) (string, error) {
	var found []string
	for _, m := range members {
		if h.units[m].Function == f {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("cluster %s: no member in %d has function %q", c.ID, year, f)
	}
	return "", fmt.Errorf("cluster %s: several members in %d have function %q: %v", c.ID, year, f, found)
}

// nextInOrder returns the first unit after `after` in the cyclic order that
// ok accepts ("" after: from the start of the order); "" if none.
func nextInOrder(order []string, after string, ok func(string) bool) string {
	start := 0
	if i := slices.Index(order, after); i >= 0 {
		start = i + 1
	}
	for k := range order {
		u := order[(start+k)%len(order)]
		if ok(u) {
			return u
		}
	}
	return ""
}

// lastTermBefore returns the latest term serving year-1.
func lastTermBefore(c *Cluster, year int) (Term, bool) {
	var best Term
	found := false
	for _, t := range c.Leadership.Terms {
		if slices.Contains(t.Served(), year-1) && (!found || best.From.Before(t.From)) {
			best, found = t, true
		}
	}
	return best, found
}

// successorIn returns u if ok(u), else the successor of u (following
// mergers up to year) that ok accepts; "" if none.
func (h *History) successorIn(u string, year int, ok func(string) bool) string {
	seen := map[string]bool{}
	for u != "" && !seen[u] {
		if ok(u) {
			return u
		}
		seen[u] = true
		i, merged := h.mergedAway[u]
		if !merged || h.spec.Mergers[i].Year > year {
			return ""
		}
		u = h.spec.Mergers[i].Into
	}
	return ""
}

// validateLeadership checks a cluster's terms and rotation rule.
func (h *History) validateLeadership(v *validator, c *Cluster, path string) {
	lp := path + ".leadership"
	if r := c.Leadership.Rotation; r != nil {
		rp := lp + ".rotation"
		if !slices.Contains(rotationRules, r.Rule) {
			v.add(rp+".rule", ctx{cluster: c.ID}, "unknown rotation rule %q (expected %s)", r.Rule, joinWords(rotationRules))
		}
		seen := map[string]bool{}
		for i, u := range r.Order {
			if !h.knownUnit(v, u, fmt.Sprintf("%s.order[%d]", rp, i), ctx{cluster: c.ID}) {
				continue
			}
			if seen[u] {
				v.add(fmt.Sprintf("%s.order[%d]", rp, i), ctx{cluster: c.ID, member: u}, "unit listed twice in the rotation order")
			}
			seen[u] = true
		}
		switch r.Rule {
		case FixedOrder, DeputyBecomesHead:
			if len(r.Order) == 0 {
				v.add(rp+".order", ctx{cluster: c.ID}, "rotation rule %s needs an order of units", r.Rule)
			}
		case ByFunction:
			if r.HeadFunction == "" {
				v.add(rp+".head_function", ctx{cluster: c.ID}, "rotation by function needs head_function")
			}
		}
	}
	terms := c.Leadership.Terms
	for i, t := range terms {
		tp := fmt.Sprintf("%s.terms[%d]", lp, i)
		x := ctx{cluster: c.ID, year: t.ForYear}
		switch {
		case t.From.IsZero():
			v.add(tp+".from", x, "a term needs the date it starts (from: YYYY-MM-DD)")
		case t.To.IsZero():
			v.add(tp+".to", x, "a term needs the date it ends (to: YYYY-MM-DD)")
		case t.To.Before(t.From):
			v.add(tp+".to", x, "the term ends (%s) before it starts (%s)", t.To, t.From)
		case t.To.Year()-t.From.Year() > 10:
			v.add(tp+".to", x, "a term of more than ten years (%s – %s)", t.From, t.To)
		}
		if t.ForYear != 0 && (t.ForYear < minYear || t.ForYear > maxYear) {
			v.add(tp+".for_year", x, "expected a year from %d to %d, found %d", minYear, maxYear, t.ForYear)
			continue
		}
		if !slices.Contains(appointments, t.How) {
			v.add(tp+".how", x, "unknown appointment %q (expected %s)", t.How, joinWords(appointments))
		}
		headOK := t.Head != "" && h.knownUnit(v, t.Head, tp+".head", x)
		if t.Head == "" {
			v.add(tp+".head", x, "a term needs a head (Trưởng cụm)")
		}
		depOK := t.Deputy != "" && h.knownUnit(v, t.Deputy, tp+".deputy", x)
		if t.Deputy != "" && t.Deputy == t.Head {
			v.add(tp+".deputy", x.with(t.Deputy), "the deputy is the head; a cluster's deputy (Phó trưởng cụm) must be another member")
			depOK = false
		}
		for _, y := range t.Served() {
			members, ok := h.members(c, y)
			if !ok {
				v.add(tp, ctx{cluster: c.ID, year: y}, "no membership is recorded for %d, so the head cannot be checked against it", y)
				continue
			}
			if headOK && !slices.Contains(members, t.Head) {
				v.add(tp+".head", ctx{cluster: c.ID, year: y, member: t.Head}, "the head is not a member of the cluster in %d", y)
			}
			if depOK && !slices.Contains(members, t.Deputy) {
				v.add(tp+".deputy", ctx{cluster: c.ID, year: y, member: t.Deputy}, "the deputy is not a member of the cluster in %d", y)
			}
		}
		if t.Votes != nil {
			if t.How != Elected {
				v.add(tp+".votes", x, "votes are recorded but the term says how: %s (expected elected)", t.How)
			}
			h.validateElection(v, t, tp+".votes", x)
		}
		if t.How == ByRotation && headOK && len(t.Served()) > 0 {
			if c.Leadership.Rotation == nil {
				v.add(tp+".how", x, "the term is by rotation but the cluster states no rotation rule")
			} else {
				for _, y := range t.Served() {
					head, dep, err := h.rotate(c, y)
					switch {
					case err != nil:
						v.add(tp, ctx{cluster: c.ID, year: y}, "the rotation rule cannot be applied: %v", err)
					case head != t.Head:
						v.add(tp+".head", ctx{cluster: c.ID, year: y, member: t.Head}, "the rotation rule (%s) gives %s as head, not %s", c.Leadership.Rotation.Rule, head, t.Head)
					case t.Deputy != "" && dep != t.Deputy:
						v.add(tp+".deputy", ctx{cluster: c.ID, year: y, member: t.Deputy}, "the rotation rule (%s) gives %s as deputy, not %s", c.Leadership.Rotation.Rule, dep, t.Deputy)
					}
				}
			}
		}
	}
	// Overlapping periods.
	for i := range terms {
		for j := i + 1; j < len(terms); j++ {
			a, b := terms[i], terms[j]
			if a.From.IsZero() || a.To.IsZero() || b.From.IsZero() || b.To.IsZero() {
				continue
			}
			if !a.To.Before(b.From) && !b.To.Before(a.From) {
				v.add(fmt.Sprintf("%s.terms[%d]", lp, j), ctx{cluster: c.ID, year: b.ForYear},
					"the term %s – %s (head %s) overlaps the term %s – %s (head %s) at terms[%d]", b.From, b.To, b.Head, a.From, a.To, a.Head, i)
			}
		}
	}
}

// validateElection checks an election's counts: nobody gets more votes
// than were cast, and the recorded head and deputy got the most votes.
func (h *History) validateElection(v *validator, t Term, path string, x ctx) {
	e := t.Votes
	switch {
	case e.Entitled <= 0:
		v.add(path+".entitled", x, "the number of members entitled to vote must be positive")
	case e.Present < 0 || e.Present > e.Entitled:
		v.add(path+".present", x, "%d present of %d entitled", e.Present, e.Entitled)
	}
	check := func(list []Tally, winner, role, key string) {
		if len(list) == 0 {
			if winner != "" && key == "head" {
				v.add(path+"."+key, x, "no votes are recorded for the %s", role)
			}
			return
		}
		best, bestFor, tiedBest := "", -1, false
		for i, tl := range list {
			p := fmt.Sprintf("%s.%s[%d]", path, key, i)
			h.knownUnit(v, tl.Member, p+".member", x)
			if tl.For < 0 || (e.Present > 0 && tl.For > e.Present) {
				v.add(p+".for", x.with(tl.Member), "%d votes for with %d members present", tl.For, e.Present)
			}
			switch {
			case tl.For > bestFor:
				best, bestFor, tiedBest = tl.Member, tl.For, false
			case tl.For == bestFor:
				tiedBest = true
			}
		}
		switch {
		case winner == "":
			v.add(path+"."+key, x, "votes for %s are recorded but the term names none", role)
		case best != winner || tiedBest:
			v.add(path+"."+key, x.with(winner), "the %s elected is %s, but %s has the most votes (%d)%s", role, winner, best, bestFor, map[bool]string{true: ", tied", false: ""}[tiedBest])
		}
	}
	check(e.Head, t.Head, "head", "head")
	check(e.Deputy, t.Deputy, "deputy", "deputy")
}

func sortedTerms(ts []Term) []Term {
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b Term) int {
		switch {
		case a.From.Before(b.From):
			return -1
		case b.From.Before(a.From):
			return 1
		}
		return 0
	})
	return out
}

func cloneTerm(t Term) Term {
	if t.Votes != nil {
		e := *t.Votes
		e.Head = slices.Clone(e.Head)
		e.Deputy = slices.Clone(e.Deputy)
		t.Votes = &e
	}
	return t
}
