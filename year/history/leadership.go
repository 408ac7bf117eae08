package history

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/thidua/thidua/internal/problem"
	"github.com/thidua/thidua/lang"
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
	for _, y := range slices.Sorted(maps.Keys(years)) {
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
// rule names none. When the rule cannot be applied, the error is an *Error
// naming the cluster, with its message; for a cluster the history does not
// hold, it wraps ErrUnknownCluster.
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
		return "", "", rotationError("", lang.Msg("history.err.rotation.none", c.ID))
	}
	members, ok := h.members(c, year)
	if !ok {
		return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.no_membership", year))
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
				return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.prev_head", year-1, prev.Head))
			}
			head = nextInOrder(r.Order, prev.Head, isMember)
		case !hasPrev:
			return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.no_prev_term", year-1))
		case prev.Deputy == "":
			return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.no_prev_deputy", year-1))
		default:
			head = h.successorIn(prev.Deputy, year, isMember)
			if head == "" {
				return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.deputy_gone", year-1, prev.Deputy, year))
			}
			if !slices.Contains(r.Order, head) {
				return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.new_head", head))
			}
		}
		if head == "" {
			return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.no_member", year))
		}
		dep := nextInOrder(r.Order, head, func(u string) bool { return u != head && isMember(u) })
		return head, dep, nil
	}
	return "", "", rotationError(c.ID, lang.Msg("history.err.rotation.unknown_rule", strconv.Quote(string(r.Rule))))
}

// rotationError is why the rotation rule of a cluster (if given: the
// message names it otherwise) cannot be applied.
func rotationError(cluster string, m lang.Message) *Error {
	return &Error{Cluster: cluster, Msg: m.In(lang.English), Message: m}
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
		return "", rotationError(c.ID, lang.Msg("history.err.rotation.no_function", year, strconv.Quote(f)))
	}
	return "", rotationError(c.ID, lang.Msg("history.err.rotation.several_function", year, strconv.Quote(f), fmt.Sprint(found)))
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
			v.Add(rp+".rule", ctx{cluster: c.ID}, lang.Msg("history.err.rotation.rule", strconv.Quote(string(r.Rule)), joinWords(rotationRules)))
		}
		seen := map[string]bool{}
		for i, u := range r.Order {
			if !h.knownUnit(v, u, fmt.Sprintf("%s.order[%d]", rp, i), ctx{cluster: c.ID}) {
				continue
			}
			if seen[u] {
				v.Add(fmt.Sprintf("%s.order[%d]", rp, i), ctx{cluster: c.ID, member: u}, lang.Msg("history.err.rotation.order_twice"))
			}
			seen[u] = true
		}
		switch r.Rule {
		case FixedOrder, DeputyBecomesHead:
			if len(r.Order) == 0 {
				v.Add(rp+".order", ctx{cluster: c.ID}, lang.Msg("history.err.rotation.order", string(r.Rule)))
			}
		case ByFunction:
			if r.HeadFunction == "" {
				v.Add(rp+".head_function", ctx{cluster: c.ID}, lang.Msg("history.err.rotation.head_function"))
			}
		}
	}
	terms := c.Leadership.Terms
	for i, t := range terms {
		tp := fmt.Sprintf("%s.terms[%d]", lp, i)
		x := ctx{cluster: c.ID, year: t.ForYear}
		switch {
		case t.From.IsZero():
			v.Add(tp+".from", x, lang.Msg("history.err.term.from"))
		case t.To.IsZero():
			v.Add(tp+".to", x, lang.Msg("history.err.term.to"))
		case t.To.Before(t.From):
			v.Add(tp+".to", x, lang.Msg("history.err.term.order", t.To.String(), t.From.String()))
		case t.To.Year()-t.From.Year() > 10:
			v.Add(tp+".to", x, lang.Msg("history.err.term.too_long", t.From.String(), t.To.String()))
		}
		if t.ForYear != 0 && (t.ForYear < minYear || t.ForYear > maxYear) {
			v.Add(tp+".for_year", x, lang.Msg("history.err.year.range", minYear, maxYear, t.ForYear))
			continue
		}
		if !slices.Contains(appointments, t.How) {
			v.Add(tp+".how", x, lang.Msg("history.err.term.how", strconv.Quote(string(t.How)), joinWords(appointments)))
		}
		headOK := t.Head != "" && h.knownUnit(v, t.Head, tp+".head", x)
		if t.Head == "" {
			v.Add(tp+".head", x, lang.Msg("history.err.term.head"))
		}
		depOK := t.Deputy != "" && h.knownUnit(v, t.Deputy, tp+".deputy", x)
		if t.Deputy != "" && t.Deputy == t.Head {
			v.Add(tp+".deputy", x.with(t.Deputy), lang.Msg("history.err.term.deputy_is_head"))
			depOK = false
		}
		for _, y := range t.Served() {
			members, ok := h.members(c, y)
			if !ok {
				v.Add(tp, ctx{cluster: c.ID, year: y}, lang.Msg("history.err.term.no_membership", y))
				continue
			}
			if headOK && !slices.Contains(members, t.Head) {
				v.Add(tp+".head", ctx{cluster: c.ID, year: y, member: t.Head}, lang.Msg("history.err.term.head_not_member", y))
			}
			if depOK && !slices.Contains(members, t.Deputy) {
				v.Add(tp+".deputy", ctx{cluster: c.ID, year: y, member: t.Deputy}, lang.Msg("history.err.term.deputy_not_member", y))
			}
		}
		if t.Votes != nil {
			if t.How != Elected {
				v.Add(tp+".votes", x, lang.Msg("history.err.term.votes_how", string(t.How)))
			}
			h.validateElection(v, t, tp+".votes", x)
		}
		if t.How == ByRotation && headOK && len(t.Served()) > 0 {
			if c.Leadership.Rotation == nil {
				v.Add(tp+".how", x, lang.Msg("history.err.term.no_rotation"))
			} else {
				for _, y := range t.Served() {
					head, dep, err := h.rotate(c, y)
					switch {
					case err != nil:
						v.Add(tp, ctx{cluster: c.ID, year: y}, lang.Msg("history.err.term.rotation_fails").With(problem.Of(err)))
					case head != t.Head:
						v.Add(tp+".head", ctx{cluster: c.ID, year: y, member: t.Head}, lang.Msg("history.err.term.rotation_head", string(c.Leadership.Rotation.Rule), head, t.Head))
					case t.Deputy != "" && dep != t.Deputy:
						v.Add(tp+".deputy", ctx{cluster: c.ID, year: y, member: t.Deputy}, lang.Msg("history.err.term.rotation_deputy", string(c.Leadership.Rotation.Rule), dep, t.Deputy))
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
				v.Add(fmt.Sprintf("%s.terms[%d]", lp, j), ctx{cluster: c.ID, year: b.ForYear},
					lang.Msg("history.err.term.overlap", b.From.String(), b.To.String(), b.Head, a.From.String(), a.To.String(), a.Head, i))
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
		v.Add(path+".entitled", x, lang.Msg("history.err.votes.entitled"))
	case e.Present < 0 || e.Present > e.Entitled:
		v.Add(path+".present", x, lang.Msg("history.err.votes.present", e.Present, e.Entitled))
	}
	check := func(list []Tally, winner string, role lang.Message, key string) {
		if len(list) == 0 {
			if winner != "" && key == "head" {
				v.Add(path+"."+key, x, lang.Msg("history.err.votes.none").With(role))
			}
			return
		}
		best, bestFor, tiedBest := "", -1, false
		for i, tl := range list {
			p := fmt.Sprintf("%s.%s[%d]", path, key, i)
			h.knownUnit(v, tl.Member, p+".member", x)
			if tl.For < 0 || (e.Present > 0 && tl.For > e.Present) {
				v.Add(p+".for", x.with(tl.Member), lang.Msg("history.err.votes.for", tl.For, e.Present))
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
			v.Add(path+"."+key, x, lang.Msg("history.err.votes.no_winner").With(role))
		case tiedBest:
			v.Add(path+"."+key, x.with(winner), lang.Msg("history.err.votes.winner_tied", winner, best, bestFor).With(role))
		case best != winner:
			v.Add(path+"."+key, x.with(winner), lang.Msg("history.err.votes.winner", winner, best, bestFor).With(role))
		}
	}
	check(e.Head, t.Head, lang.Msg("history.err.role.head"), "head")
	check(e.Deputy, t.Deputy, lang.Msg("history.err.role.deputy"), "deputy")

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
