package history

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/standings"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/internal/write"
)

// Named is a unit, a cluster or an award tier: its id, and the name a
// report writes.
type Named struct {
	ID   string
	Name string
}

// ClusterReport is a cluster followed over a span of years: who headed it
// and who ranked first each year, how its membership changed, the awards
// each member received (following mergers), what the history decided in
// the ranking (tie-breaks on past awards, awards passed on for a streak)
// and the warnings of rulebook change control. Build one with
// History.ClusterReport; WriteText writes it.
type ClusterReport struct {
	Cluster  Named
	Province string
	From, To int
	// Years has one line per recorded year of the span, in order.
	Years []YearLine
	// Changes are the membership changes of the years shown.
	Changes []Change
	// Tiers are the award tiers received in the span, in order of first
	// appearance: the cluster's own, then any received elsewhere.
	Tiers []Named
	// Members are the units that were members in a year shown, in order of
	// first appearance, with what each received.
	Members []MemberLine
	// Decided says what the history decided in the years' rankings, year
	// by year.
	Decided []Note
	// Warnings are the warnings of rulebook change control about the
	// years shown.
	Warnings []Warning
}

// YearLine is a cluster's year: how many members it had, who headed it
// and who ranked first.
type YearLine struct {
	Year    int
	Members int
	// Offices are the terms serving the year (usually one).
	Offices []Office
	// Top are the members ranked first (several if they share rank 1,
	// đồng hạng, whether or not their tie decides an award).
	Top []Named
}

// Office is a term of office as a report writes it: the head, the deputy
// (zero if none) and how they came to hold office.
type Office struct {
	Head, Deputy Named
	How          Appointment
}

// ChangeKind is how a cluster's membership changed.
type ChangeKind string

// The kinds of membership change.
const (
	Joined ChangeKind = "joined" // units joined the cluster (gia nhập)
	Left   ChangeKind = "left"   // units left it (rời cụm)
	Merged ChangeKind = "merged" // units were merged into a successor (hợp nhất)
)

// Change is one change of a cluster's membership in a year.
type Change struct {
	Year int
	Kind ChangeKind
	// Units joined or left the cluster, or were merged (Into succeeds them,
	// and Carried are those whose award history carries over to it).
	Units   []Named
	Into    Named
	Carried []Named
}

// Message says the change in any language: "Sở Thông tin và Truyền thông
// gia nhập cụm", "… + … hợp nhất thành …".
func (c Change) Message() lang.Message {
	switch c.Kind {
	case Joined:
		return lang.Msg("history.report.joined").With(names(c.Units))
	case Left:
		return lang.Msg("history.report.left").With(names(c.Units))
	}
	if slices.Equal(c.Carried, c.Units) {
		return lang.Msg("history.report.merged_all", c.Into.Name).With(joined(c.Units))
	}
	return lang.Msg("history.report.merged", c.Into.Name).With(joined(c.Units), names(c.Carried))
}

// MemberLine is what one unit received over a cluster's span.
type MemberLine struct {
	Unit Named
	// In are the years shown in which the unit was a member.
	In []int
	// Received are the awards it (or a predecessor) received in the span,
	// in year order.
	Received []Received
}

// Received is an award a unit received in a year, itself or through a
// predecessor whose history carries over to it (By).
type Received struct {
	Year int
	Tier Named
	By   Named
}

// Note is what the history decided in a year's ranking, as a sentence.
type Note struct {
	Year    int
	Message lang.Message
}

// Span returns the years a report on the clusters covers: from the first
// to the last year recorded for any of them or, when last > 0, only the
// last `last` years. Clusters the history does not hold are left out; (0,
// 0) if no year is recorded.
func (h *History) Span(clusters []string, last int) (from, to int) {
	for _, id := range clusters {
		for _, y := range h.Years(id) {
			if from == 0 || y < from {
				from = y
			}
			to = max(to, y)
		}
	}
	if last > 0 && to-last+1 > from {
		from = to - last + 1
	}
	return from, to
}

// AwardName returns the name of an award tier as the cluster's rulebook of
// the year gives it ("Cờ thi đua của UBND tỉnh"), or as the rulebook of
// the nearest other year of the cluster does; the id if no rulebook loaded
// names it (a history read with Parse or New loads none).
func (h *History) AwardName(cluster string, year int, tier string) string {
	best, bestYear, name := -1, 0, tier
	for k, r := range h.results {
		if k.cluster != cluster || r.Rulebook == nil {
			continue
		}
		t, ok := r.Rulebook.Award(tier)
		if !ok || t.Name == "" {
			continue
		}
		d := k.year - year
		if d < 0 {
			d = -d
		}
		// The nearest year; between two as near, the later.
		if best < 0 || d < best || (d == best && k.year > bestYear) {
			best, bestYear, name = d, k.year, t.Name
		}
	}
	return name
}

func (h *History) unit(id string) Named { return Named{ID: id, Name: h.Name(id)} }

func (h *History) namedUnits(ids []string) []Named {
	out := make([]Named, len(ids))
	for i, id := range ids {
		out[i] = h.unit(id)
	}
	return out
}

// ClusterName returns the cluster's name, or its id if the history does
// not hold it.
func (h *History) ClusterName(id string) string {
	if c, ok := h.cluster(id); ok {
		return c.Name
	}
	return id
}

// unknownCluster is the problem with a cluster id the history does not
// hold.
func (h *History) unknownCluster(id string) *Error {
	m := lang.Msg("history.err.report.cluster", strconv.Quote(id), strings.Join(h.Clusters(), ", "))
	return &Error{Msg: m.In(lang.English), Message: m}
}

// ClusterReport follows the cluster over the years from `from` to `to`
// (inclusive; see Span). A cluster the history does not hold is an
// *Error ("history.err.report.cluster").
func (h *History) ClusterReport(cluster string, from, to int) (ClusterReport, error) {
	c, ok := h.cluster(cluster)
	if !ok {
		return ClusterReport{}, h.unknownCluster(cluster)
	}
	r := ClusterReport{Cluster: Named{ID: c.ID, Name: c.Name}, Province: h.spec.Province, From: from, To: to}
	heads := map[int][]Term{}
	for _, hy := range h.Heads(cluster) {
		heads[hy.Year] = hy.Terms
	}
	var shown []int
	for _, y := range h.Years(cluster) {
		if y >= from && y <= to {
			shown = append(shown, y)
		}
	}
	tier := func(id string) Named { return Named{ID: id, Name: h.AwardName(cluster, to, id)} }
	for k, y := range shown {
		ms, _ := h.members(c, y)
		line := YearLine{Year: y, Members: len(ms), Top: h.namedUnits(h.Top(cluster, y))}
		for _, t := range heads[y] {
			o := Office{Head: h.unit(t.Head), How: t.How}
			if t.Deputy != "" {
				o.Deputy = h.unit(t.Deputy)
			}
			line.Offices = append(line.Offices, o)
		}
		r.Years = append(r.Years, line)

		cy := c.Years[yearIndex(c)[y]]
		if len(cy.Joined) > 0 {
			r.Changes = append(r.Changes, Change{Year: y, Kind: Joined, Units: h.namedUnits(cy.Joined)})
		}
		if len(cy.Left) > 0 {
			r.Changes = append(r.Changes, Change{Year: y, Kind: Left, Units: h.namedUnits(cy.Left)})
		}
		for _, m := range h.Mergers() {
			if m.Year == y && (k > 0 || y == from) && slices.Contains(cy.Members, m.Into) {
				r.Changes = append(r.Changes, Change{Year: y, Kind: Merged, Units: h.namedUnits(m.From), Into: h.unit(m.Into), Carried: h.namedUnits(m.CarriedFrom())})
			}
		}
		res, _ := h.Result(cluster, y)
		for _, a := range res.Awards {
			if !slices.ContainsFunc(r.Tiers, func(t Named) bool { return t.ID == a.Award }) {
				r.Tiers = append(r.Tiers, tier(a.Award))
			}
		}
	}
	for _, y := range shown {
		ms, _ := h.members(c, y)
		for _, m := range ms {
			i := slices.IndexFunc(r.Members, func(l MemberLine) bool { return l.Unit.ID == m })
			if i < 0 {
				r.Members = append(r.Members, MemberLine{Unit: h.unit(m)})
				i = len(r.Members) - 1
			}
			r.Members[i].In = append(r.Members[i].In, y)
		}
	}
	for i := range r.Members {
		l := &r.Members[i]
		for _, rc := range h.Received(l.Unit.ID, "", from, to) {
			t := Named{ID: rc.Award, Name: h.AwardName(rc.Cluster, rc.Year, rc.Award)}
			if !slices.ContainsFunc(r.Tiers, func(x Named) bool { return x.ID == t.ID }) {
				r.Tiers = append(r.Tiers, t)
			}
			l.Received = append(l.Received, Received{Year: rc.Year, Tier: t, By: h.unit(rc.Unit)})
		}
	}
	for _, y := range shown {
		r.Decided = append(r.Decided, h.decided(c, y)...)
	}
	for _, x := range h.warnings {
		if x.Cluster == cluster && x.Year >= from && x.Year <= to {
			r.Warnings = append(r.Warnings, x)
		}
	}
	return r, nil
}

// decided says what the history decided in the cluster's ranking of the
// year: a tie broken by past awards, an award passed on for a streak, an
// award left pending by a tie.
func (h *History) decided(c *Cluster, y int) []Note {
	res, _ := h.Result(c.ID, y)
	st := res.Standings
	if st == nil {
		return nil
	}
	n := write.NamesOf(res.Rulebook, st)
	var out []Note
	for _, row := range st.Rows {
		d := row.DecidedBy
		if d == nil || d.Unresolved {
			continue
		}
		if tb, ok := n.TieBreak(d.Rule); ok && standings.Compare(tb).Reads.Has(standings.PastAwards) {
			m := lang.Msg("history.report.past_any", n.Member(d.Upper), n.Member(d.Lower))
			if tb.Ref != "" {
				m = lang.Msg("history.report.past", n.Member(d.Upper), n.Member(d.Lower), n.Tier(tb.Ref))
			}
			out = append(out, Note{Year: y, Message: m.With(n.Of(d.UpperValue), n.Of(d.LowerValue))})
		}
	}
	for _, a := range st.Awards {
		for _, s := range a.Skipped {
			why := lang.Msg("history.report.see_card")
			var runs []lang.Message
			for _, l := range c.StreakFacts {
				if run := h.Run(s.Member, l.Award, y); len(run) >= l.MaxConsecutive {
					runs = append(runs, lang.Msg("history.run", n.Tier(l.Award), years(run)))
				}
			}
			if len(runs) > 0 {
				why = lang.Msg("year.list").With(runs...)
			}
			out = append(out, Note{Year: y, Message: lang.Msg("history.report.passed", n.Member(s.Member), n.Tier(a.Tier)).With(n.Conditions(s.Failed), why)})
		}
		if a.Pending != nil {
			out = append(out, Note{Year: y, Message: lang.Msg("history.report.pending", n.Tier(a.Tier), n.List(a.Pending.Candidates))})
		}
	}
	return out
}

// WriteText writes the report as thidua history prints it, in the
// language: the years (heads, deputies, who ranked first), the membership
// changes, the awards per member, what the history decided and the
// warnings of rulebook change control.
func (r ClusterReport) WriteText(w io.Writer, t lang.Tag) error {
	p := write.New(w, t)
	p.Line(lang.Msg("history.report.title", r.Cluster.Name, r.From, r.To))
	if r.Province != "" {
		p.Printf("%s\n", r.Province)
	}
	p.Blank()
	var rows [][]string
	for _, y := range r.Years {
		head, dep, how := write.Dash, write.Dash, write.Dash
		if len(y.Offices) > 0 {
			var hs, ds, hw []string
			for _, o := range y.Offices {
				hs = append(hs, o.Head.Name)
				if o.Deputy.ID != "" {
					ds = append(ds, o.Deputy.Name)
				}
				hw = append(hw, o.How.Message().In(t))
			}
			head, how, dep = strings.Join(hs, "; "), strings.Join(hw, "; "), write.Or(strings.Join(ds, "; "))
		}
		top := write.Dash
		if len(y.Top) > 0 {
			top = strings.Join(nameList(y.Top), " = ")
		}
		rows = append(rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Members), head, dep, how, top})
	}
	p.Table(lang.Msg("history.report.years"), rows)

	var changes []write.Item
	for _, c := range r.Changes {
		changes = append(changes, write.Item{Year: c.Year, Message: c.Message()})
	}
	p.Section(lang.Msg("history.report.changes"), changes)

	p.Blank()
	p.Line(lang.Msg("history.report.awards", r.From, r.To))
	head := lang.Msg("history.report.awards.head").In(t)
	for _, tr := range r.Tiers {
		head += "\t" + tr.Name
	}
	rows = nil
	for _, m := range r.Members {
		row := []string{m.Unit.Name, spans(m.In)}
		for _, tr := range r.Tiers {
			row = append(row, tierCell(m, tr.ID, t))
		}
		rows = append(rows, row)
	}
	p.Table(lang.Msg("problem.text", head), rows)

	var notes []write.Item
	for _, n := range r.Decided {
		notes = append(notes, write.Item(n))
	}
	p.Section(lang.Msg("history.report.decided"), notes)
	var warnings []write.Item
	for _, x := range r.Warnings {
		warnings = append(warnings, write.Item{Year: x.Year, Message: x.Message})
	}
	p.Section(lang.Msg("history.report.control"), warnings)
	return p.Err()
}

// tierCell writes the years a member received a tier: "2 năm: 2020,
// 2021", with the predecessor that received it where it is not the
// member; — if none.
func tierCell(m MemberLine, tier string, t lang.Tag) string {
	var parts []lang.Message
	var ys []int
	var by Named
	flush := func() {
		if len(ys) == 0 {
			return
		}
		if by.ID == m.Unit.ID {
			parts = append(parts, lang.Msg("problem.text", years(ys)))
		} else {
			parts = append(parts, lang.Msg("history.report.by", years(ys), by.Name))
		}
		ys = nil
	}
	n := 0
	for _, rc := range m.Received {
		if rc.Tier.ID != tier || slices.Contains(ys, rc.Year) {
			continue
		}
		if rc.By.ID != by.ID {
			flush()
			by = rc.By
		}
		ys = append(ys, rc.Year)
		n++
	}
	flush()
	if n == 0 {
		return write.Dash
	}
	list := lang.Msg("year.list").With(parts...)
	if n == 1 {
		return list.In(t)
	}
	return lang.Msg("history.report.years_received", n).With(list).In(t)
}

// spans writes years as ranges: "2020–2022", "2020, 2022".
func spans(ys []int) string {
	var out []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			out = append(out, strconv.Itoa(ys[i])+"–"+strconv.Itoa(ys[j]))
		} else {
			out = append(out, strconv.Itoa(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}

func nameList(ns []Named) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Name
	}
	return out
}

// names is a list of names as one message ("A, B").
func names(ns []Named) lang.Message {
	return lang.Msg("problem.text", strings.Join(nameList(ns), ", "))
}

// joined is the units merged, "A + B".
func joined(ns []Named) lang.Message {
	return lang.Msg("problem.text", strings.Join(nameList(ns), " + "))
}

// appointmentKeys are the catalogue keys naming the ways of appointment.
var appointmentKeys = map[Appointment]string{
	Elected: "history.how.elected", ByRotation: "history.how.rotation", Assigned: "history.how.assigned", Inferred: "history.how.inferred",
}

// Message names the way of appointment in any language: "bầu", "luân
// phiên", "chỉ định", "suy đoán" (elected, by rotation, assigned,
// inferred); an unknown one as it is.
func (a Appointment) Message() lang.Message {
	if k, ok := appointmentKeys[a]; ok {
		return lang.Msg(k)
	}
	return lang.Msg("problem.text", string(a))
}

// statusKeys are the catalogue keys naming the statuses of an award.
var statusKeys = map[Status]string{Proposed: "history.status.proposed", Awarded: "history.status.awarded", Cut: "history.status.cut"}

// Message names the status in any language: "đã đề nghị", "đã được khen
// thưởng", "không được thông qua" (proposed, awarded, cut).
func (s Status) Message() lang.Message {
	if k, ok := statusKeys[s]; ok {
		return lang.Msg(k)
	}
	return lang.Msg("problem.text", string(s))
}

// MemberReport is one unit followed over a span of years: the
// predecessors whose history it carries, the awards it (or they)
// received, how often it received each tier, and the roles it (or they)
// held in the clusters. Build one with History.MemberReport; WriteText
// writes it.
type MemberReport struct {
	Unit     Named
	From, To int
	// Predecessors are the units whose award history carries over to the
	// unit, each for the years before Before.
	Predecessors []Predecessor
	// Awards are the awards received in the span, in year order.
	Awards []MemberAward
	// Tiers counts, per tier received (in order of first receipt), the
	// years in which it was received.
	Tiers []TierYears
	// Roles are the terms of office held, in the clusters asked about.
	Roles []Role
}

// Predecessor is a unit whose award history carries over, for the years
// before Before.
type Predecessor struct {
	Unit   Named
	Before int
}

// MemberAward is an award received in a year, in a cluster, by the unit
// or a predecessor (By).
type MemberAward struct {
	Year    int
	Cluster Named
	By      Named
	Tier    Named
	Rank    int // 0 if not known
	Status  Status
}

// TierYears are the distinct years in which a tier was received.
type TierYears struct {
	Tier  Named
	Years []int
}

// Role is a term of office held in a year: head (Trưởng cụm) or, if
// Deputy, deputy (Phó trưởng cụm), held by the unit or a predecessor (By).
type Role struct {
	Year    int
	Cluster Named
	Deputy  bool
	How     Appointment
	By      Named
}

// Message says the role in any language: "Cụm trưởng Cụm II (bầu)",
// "Cụm phó Cụm II (luân phiên, do Sở Xây dựng đảm nhiệm)".
func (r Role) Message() lang.Message {
	var m lang.Message
	switch {
	case !r.Deputy && r.By.ID == "":
		m = lang.Msg("history.report.head", r.Cluster.Name)
	case !r.Deputy:
		m = lang.Msg("history.report.head_by", r.Cluster.Name, r.By.Name)
	case r.By.ID == "":
		m = lang.Msg("history.report.deputy", r.Cluster.Name)
	default:
		m = lang.Msg("history.report.deputy_by", r.Cluster.Name, r.By.Name)
	}
	return m.With(r.How.Message())
}

// MemberReport follows the unit over the years from `from` to `to`
// (inclusive; see Span): its awards in any cluster, and its roles in the
// clusters given. A unit the history does not hold is an *Error
// ("history.err.report.unit"); so is a cluster it does not hold.
func (h *History) MemberReport(unit string, clusters []string, from, to int) (MemberReport, error) {
	if _, ok := h.units[unit]; !ok {
		m := lang.Msg("history.err.report.unit", strconv.Quote(unit))
		return MemberReport{}, &Error{Msg: m.In(lang.English), Message: m}
	}
	r := MemberReport{Unit: h.unit(unit), From: from, To: to}
	lin := h.Lineage(unit)
	for _, l := range lin[1:] {
		r.Predecessors = append(r.Predecessors, Predecessor{Unit: h.unit(l.Unit), Before: l.Before})
	}
	for _, rc := range h.Received(unit, "", from, to) {
		t := Named{ID: rc.Award, Name: h.AwardName(rc.Cluster, rc.Year, rc.Award)}
		r.Awards = append(r.Awards, MemberAward{Year: rc.Year, Cluster: Named{ID: rc.Cluster, Name: h.ClusterName(rc.Cluster)}, By: h.unit(rc.Unit), Tier: t, Rank: rc.Rank, Status: rc.Status})
		if !slices.ContainsFunc(r.Tiers, func(x TierYears) bool { return x.Tier.ID == t.ID }) {
			r.Tiers = append(r.Tiers, TierYears{Tier: t, Years: h.YearsReceived(unit, t.ID, from, to)})
		}
	}
	for _, id := range clusters {
		if _, ok := h.cluster(id); !ok {
			return MemberReport{}, h.unknownCluster(id)
		}
		for _, hy := range h.Heads(id) {
			if hy.Year < from || hy.Year > to {
				continue
			}
			for _, t := range hy.Terms {
				for _, l := range lin {
					if l.Unit != t.Head && l.Unit != t.Deputy {
						continue
					}
					role := Role{Year: hy.Year, Cluster: Named{ID: id, Name: h.ClusterName(id)}, Deputy: l.Unit != t.Head, How: t.How}
					if l.Unit != unit {
						role.By = h.unit(l.Unit)
					}
					r.Roles = append(r.Roles, role)
				}
			}
		}
	}
	slices.SortStableFunc(r.Roles, func(a, b Role) int { return cmp.Compare(a.Year, b.Year) })
	return r, nil
}

// WriteText writes the report as thidua history --member prints it, in
// the language.
func (r MemberReport) WriteText(w io.Writer, t lang.Tag) error {
	p := write.New(w, t)
	p.Line(lang.Msg("history.report.title", r.Unit.Name, r.From, r.To))
	if len(r.Predecessors) > 0 {
		var ps []lang.Message
		for _, x := range r.Predecessors {
			ps = append(ps, lang.Msg("history.report.predecessor", x.Unit.Name, x.Before))
		}
		p.Line(lang.Msg("history.report.predecessors").With(lang.Msg("year.list").With(ps...)))
	}
	p.Blank()
	if len(r.Awards) == 0 {
		p.Line(lang.Msg("history.report.no_award"))
	} else {
		var rows [][]string
		for _, a := range r.Awards {
			rank := write.Dash
			if a.Rank > 0 {
				rank = strconv.Itoa(a.Rank)
			}
			rows = append(rows, []string{strconv.Itoa(a.Year), a.Cluster.Name, a.By.Name, a.Tier.Name, rank, a.Status.Message().In(t)})
		}
		p.Table(lang.Msg("history.report.member.head"), rows)
		p.Blank()
		for _, x := range r.Tiers {
			p.Line(lang.Msg("history.report.tier_years", x.Tier.Name, len(x.Years), r.To-r.From+1, r.From, r.To, years(x.Years)))
		}
	}
	var roles []write.Item
	for _, x := range r.Roles {
		roles = append(roles, write.Item{Year: x.Year, Message: x.Message()})
	}
	p.Section(lang.Msg("history.report.roles"), roles)
	return p.Err()
}
