package main

// The commands that follow a cluster across its year and across years:
//
//	thidua history --file HISTORY [--cluster C] [--member M] [--years N]
//	thidua nominate --province FILE
//	thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M]
//	thidua titles --file FILE

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/thidua/thidua/covenant"
	"github.com/thidua/thidua/history"
	"github.com/thidua/thidua/province"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/titles"
)

// historyCmd prints, per cluster, who headed it and who ranked first each
// year, its membership changes, the awards per member over the years
// (following mergers) and what the history decided; with --member, one
// unit's awards and roles over the years.
func historyCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("history", stderr)
	file := fs.String("file", "", "history `file` (YAML or JSON)")
	cluster := fs.String("cluster", "", "show only the cluster with this `id`")
	member := fs.String("member", "", "show one unit's awards and roles over the years (`id`)")
	years := fs.Int("years", 0, "show only the last `N` years (0: all)")
	if code, ok := parse(fs, args, map[string]*string{"file": file}); !ok {
		return code
	}
	if *years < 0 {
		fmt.Fprintf(stderr, "thidua history: --years must be positive, found %d\n", *years)
		return exitUsage
	}
	h, err := history.Load(*file)
	if err != nil {
		histReport(stderr, err)
		return exitBadInput
	}
	ids := h.Clusters()
	if *cluster != "" {
		if !slices.Contains(ids, *cluster) {
			fmt.Fprintf(stderr, "thidua history: unknown cluster %q (the file has: %s)\n", *cluster, strings.Join(ids, ", "))
			return exitUsage
		}
		ids = []string{*cluster}
	}
	if *member != "" {
		if _, ok := h.Unit(*member); !ok {
			fmt.Fprintf(stderr, "thidua history: unknown unit %q\n", *member)
			return exitUsage
		}
		from, to := histSpan(h, ids, *years)
		histMember(stdout, h, ids, *member, from, to)
		return exitOK
	}
	for i, id := range ids {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		from, to := histSpan(h, []string{id}, *years)
		histCluster(stdout, h, id, from, to)
	}
	return exitOK
}

// histSpan returns the years shown: all the clusters' years, or the last n.
func histSpan(h *history.History, ids []string, n int) (int, int) {
	from, to := 0, 0
	for _, id := range ids {
		for _, y := range h.Years(id) {
			if from == 0 || y < from {
				from = y
			}
			to = max(to, y)
		}
	}
	if n > 0 && to-n+1 > from {
		from = to - n + 1
	}
	return from, to
}

func histCluster(w io.Writer, h *history.History, id string, from, to int) {
	c, _ := h.Cluster(id)
	fmt.Fprintf(w, "%s (%s), %d–%d\n", c.Name, c.ID, from, to)
	if p := h.Province(); p != "" {
		fmt.Fprintln(w, p)
	}
	fmt.Fprintln(w)
	heads := map[int][]history.Term{}
	for _, hy := range h.Heads(id) {
		heads[hy.Year] = hy.Terms
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Year\tMembers\tTrưởng cụm (head)\tPhó trưởng cụm (deputy)\tHow\tRanked first (dẫn đầu)")
	var shown []int
	for _, y := range h.Years(id) {
		if y < from || y > to {
			continue
		}
		shown = append(shown, y)
		ms, _ := h.Members(id, y)
		head, dep, how := "—", "—", "—"
		if ts := heads[y]; len(ts) > 0 {
			var hs, ds, hw []string
			for _, t := range ts {
				hs = append(hs, h.Name(t.Head))
				if t.Deputy != "" {
					ds = append(ds, h.Name(t.Deputy))
				}
				hw = append(hw, string(t.How))
			}
			head, how = strings.Join(hs, "; "), strings.Join(hw, "; ")
			if len(ds) > 0 {
				dep = strings.Join(ds, "; ")
			}
		}
		top := "—"
		if t := h.Top(id, y); len(t) > 0 {
			top = strings.Join(histNames(h, t), " = ")
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\n", y, len(ms), head, dep, how, top)
	}
	tw.Flush()

	// Membership changes.
	var changes []string
	for k, y := range shown {
		cy := histYear(c, y)
		if len(cy.Joined) > 0 {
			changes = append(changes, fmt.Sprintf("  %d: joined %s", y, strings.Join(histNames(h, cy.Joined), ", ")))
		}
		if len(cy.Left) > 0 {
			changes = append(changes, fmt.Sprintf("  %d: left %s", y, strings.Join(histNames(h, cy.Left), ", ")))
		}
		for _, m := range h.Mergers() {
			if m.Year == y && (k > 0 || y == from) && slices.Contains(cy.Members, m.Into) {
				changes = append(changes, fmt.Sprintf("  %d: %s merged into %s — %s (history carried over: %s)",
					y, strings.Join(histNames(h, m.From), " + "), m.Into, h.Name(m.Into), strings.Join(m.CarriedFrom(), ", ")))
			}
		}
	}
	if len(changes) > 0 {
		fmt.Fprintln(w, "\nMembership changes:")
		for _, l := range changes {
			fmt.Fprintln(w, l)
		}
	}

	// Awards per member over the years.
	var units []string
	for _, y := range shown {
		ms, _ := h.Members(id, y)
		for _, m := range ms {
			if !slices.Contains(units, m) {
				units = append(units, m)
			}
		}
	}
	var tiers []string
	for _, y := range shown {
		r, _ := h.Result(id, y)
		for _, a := range r.Awards {
			if !slices.Contains(tiers, a.Award) {
				tiers = append(tiers, a.Award)
			}
		}
	}
	fmt.Fprintf(w, "\nAwards proposed per member, %d–%d (a successor counts its predecessors' awards):\n", from, to)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "Member\tName"
	for _, y := range shown {
		head += fmt.Sprintf("\t%d", y)
	}
	for _, t := range tiers {
		head += "\t" + t
	}
	fmt.Fprintln(tw, head)
	for _, u := range units {
		line := u + "\t" + h.Name(u)
		for _, y := range shown {
			cell := "·"
			if ms, _ := h.Members(id, y); !slices.Contains(ms, u) {
				cell = " "
			}
			var got []string
			for _, r := range h.Received(u, "", y, y) {
				s := r.Award
				if r.Unit != u {
					s += " (" + r.Unit + ")"
				}
				got = append(got, s)
			}
			if len(got) > 0 {
				cell = strings.Join(got, ", ")
			}
			line += "\t" + cell
		}
		for _, t := range tiers {
			line += fmt.Sprintf("\t%d", len(h.YearsReceived(u, t, from, to)))
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()

	// What the history decided: tie-breaks on past awards, awards passed on
	// for a streak.
	var notes []string
	for _, y := range shown {
		r, _ := h.Result(id, y)
		if r.Standings == nil {
			continue
		}
		for _, row := range r.Standings.Rows {
			if d := row.DecidedBy; d != nil && strings.HasPrefix(d.Rule, string(rules.NoAwardLastYear)) {
				notes = append(notes, fmt.Sprintf("  %d: %s ranks below %s by %s (%s: %s; %s: %s)", y, d.Lower, d.Upper, d.Rule, d.Upper, d.UpperValue, d.Lower, d.LowerValue))
			}
		}
		for _, a := range r.Standings.Awards {
			for _, s := range a.Skipped {
				notes = append(notes, fmt.Sprintf("  %d: %s passed over for %s (fails %s); %s", y, s.Member, a.Tier, strings.Join(s.Failed, ", "), histStreakText(h, c, s.Member, y)))
			}
			if a.Pending != nil {
				notes = append(notes, fmt.Sprintf("  %d: %s pending an unresolved tie between %s", y, a.Tier, strings.Join(a.Pending.Candidates, ", ")))
			}
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nDecided by the history (ranking each year with the years before it):")
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
}

// histStreakText explains a member's runs under the cluster's streak facts.
func histStreakText(h *history.History, c history.Cluster, member string, year int) string {
	var out []string
	for _, l := range c.StreakFacts {
		run := h.Run(member, l.Award, year)
		if len(run) >= l.MaxConsecutive {
			out = append(out, fmt.Sprintf("%s = false: %s in %s", l.Fact, l.Award, histYears(run)))
		}
	}
	if len(out) == 0 {
		return "see its scorecard"
	}
	return strings.Join(out, "; ")
}

func histYear(c history.Cluster, y int) history.Year {
	for _, cy := range c.Years {
		if cy.Year == y {
			return cy
		}
	}
	return history.Year{}
}

func histNames(h *history.History, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.Name(id)
	}
	return out
}

func histYears(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, ", ")
}

func histMember(w io.Writer, h *history.History, ids []string, member string, from, to int) {
	fmt.Fprintf(w, "%s (%s), %d–%d\n", h.Name(member), member, from, to)
	lin := h.Lineage(member)
	if len(lin) > 1 {
		var ps []string
		for _, l := range lin[1:] {
			ps = append(ps, fmt.Sprintf("%s (%s, awards before %d)", l.Unit, h.Name(l.Unit), l.Before))
		}
		fmt.Fprintf(w, "Its history includes its predecessors': %s\n", strings.Join(ps, "; "))
	}
	fmt.Fprintln(w)
	rs := h.Received(member, "", from, to)
	if len(rs) == 0 {
		fmt.Fprintln(w, "No award proposed in these years.")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Year\tCluster\tReceived by\tAward\tRank\tStatus")
		for _, r := range rs {
			rank := "—"
			if r.Rank > 0 {
				rank = fmt.Sprint(r.Rank)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Year, r.Cluster, r.Unit, r.Award, rank, r.Status)
		}
		tw.Flush()
		var tiers []string
		for _, r := range rs {
			if !slices.Contains(tiers, r.Award) {
				tiers = append(tiers, r.Award)
			}
		}
		fmt.Fprintln(w)
		for _, t := range tiers {
			ys := h.YearsReceived(member, t, from, to)
			fmt.Fprintf(w, "%s: %d of the %d years %d–%d (%s)\n", t, len(ys), to-from+1, from, to, histYears(ys))
		}
	}
	var roles []string
	for _, id := range ids {
		for _, hy := range h.Heads(id) {
			if hy.Year < from || hy.Year > to {
				continue
			}
			for _, t := range hy.Terms {
				for _, l := range lin {
					switch l.Unit {
					case t.Head:
						roles = append(roles, fmt.Sprintf("%d: Trưởng cụm of %s (%s%s)", hy.Year, id, t.How, histVia(l.Unit, member)))
					case t.Deputy:
						roles = append(roles, fmt.Sprintf("%d: Phó trưởng cụm of %s (%s%s)", hy.Year, id, t.How, histVia(l.Unit, member)))
					}
				}
			}
		}
	}
	if len(roles) > 0 {
		fmt.Fprintln(w, "\nRoles:")
		for _, r := range roles {
			fmt.Fprintln(w, "  "+r)
		}
	}
}

func histVia(unit, member string) string {
	if unit == member {
		return ""
	}
	return ", as " + unit
}

// nominateCmd prints the clusters' proposals with the provincial council's
// decisions, the Government-flag quota and the ranking of the candidates.
func nominateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("nominate", stderr)
	file := fs.String("province", "", "province `file` (YAML or JSON)")
	if code, ok := parse(fs, args, map[string]*string{"province": file}); !ok {
		return code
	}
	p, err := province.Load(*file)
	if err != nil {
		histReport(stderr, err)
		return exitBadInput
	}
	s := p.Spec()
	fmt.Fprintf(stdout, "%s — %d\n\n", s.Province, s.Year)
	co := s.Council
	title := "Proposals and the provincial council's decisions"
	if co.Name != "" {
		title += " (" + co.Name
		if !co.Meeting.IsZero() {
			title += ", " + co.Meeting.String()
		}
		title += ")"
	}
	fmt.Fprintln(stdout, title)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Cluster\tMember\tName\tAward\tRank\tPercent\tDecision\tReason")
	for _, d := range p.Decided() {
		rank, pct := "—", "—"
		if d.Rank > 0 {
			rank = fmt.Sprint(d.Rank)
		}
		if !d.Percent.IsZero() {
			pct = d.Percent.String() + "%"
		}
		reason := d.Reason
		if reason == "" {
			reason = "—"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Cluster, d.Member, d.Name, d.Award, rank, pct, d.Verdict, reason)
	}
	tw.Flush()
	var tl []string
	for _, t := range p.Tallies() {
		x := fmt.Sprintf("%s: %d proposed, %d approved", t.Award, t.Proposed, t.Approved)
		if t.Cut > 0 {
			x += fmt.Sprintf(", %d cut", t.Cut)
		}
		if t.Pending > 0 {
			x += fmt.Sprintf(", %d pending", t.Pending)
		}
		tl = append(tl, x)
	}
	fmt.Fprintf(stdout, "In all: %s\n", strings.Join(tl, "; "))

	n := p.Nominees()
	if n == nil {
		return exitOK
	}
	g := s.GovernmentFlag
	q := p.Quota()
	fmt.Fprintf(stdout, "\n%s: nominations drawn from the cluster leaders approved for the provincial flag\n", g.Award)
	fmt.Fprintf(stdout, "Quota: %s — of %d collectives meeting the provincial flag standard (%d cluster leaders here + %d elsewhere)\n", q, q.Base, q.Leaders, q.Also)
	if q.Basis != "" {
		fmt.Fprintf(stdout, "Basis: %s\n", q.Basis)
	}
	if q.PendingLeaders > 0 {
		fmt.Fprintf(stdout, "PROVISIONAL: %d flag proposals are pending; the quota counts approved ones only\n", q.PendingLeaders)
	}
	if n.Standings == nil {
		fmt.Fprintln(stdout, "No candidate.")
		return exitOK
	}
	st := n.Standings
	fmt.Fprintf(stdout, "Candidates ranked under rulebook %s (%s): %s\n\n", st.Rulebook.ID, st.Rulebook.Hash, provCriteria(n.Rulebook))
	cluster := map[string]string{}
	for _, c := range n.Candidates {
		cluster[c.Member] = c.Cluster
	}
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rank\tCandidate\tCluster\tScore\tStandards not met\tNominated\tDecided by")
	for _, r := range st.Rows {
		var failed []string
		for _, f := range r.Failed {
			failed = append(failed, f.Condition)
		}
		fails := strings.Join(failed, ", ")
		if fails == "" {
			fails = "—"
		}
		nom := "—"
		if slices.Contains(r.Awards, province.TierGovernmentFlag) {
			nom = "yes"
		}
		dec := ""
		if d := r.DecidedBy; d != nil {
			dec = provDecision(d)
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, cluster[r.Member.ID], r.Total.StringFixed(2), fails, nom, dec)
	}
	tw.Flush()
	for _, a := range st.Awards {
		for _, sk := range a.Skipped {
			fmt.Fprintf(stdout, "Passed over: %s (fails %s)\n", sk.Member, strings.Join(sk.Failed, ", "))
		}
		if a.Pending != nil {
			fmt.Fprintf(stdout, "PENDING: %d place(s) between %s (unresolved tie)\n", a.Pending.Places, strings.Join(a.Pending.Candidates, ", "))
		}
	}
	fmt.Fprintf(stdout, "Nominated for %s: %s\n", g.Award, provList(n.Nominated))
	return exitOK
}

func provDecision(d *ranking.Decision) string {
	if d.Unresolved {
		return "UNRESOLVED tie with " + d.Upper
	}
	return fmt.Sprintf("%s: %s < %s (%s)", d.Rule, d.LowerValue, d.UpperValue, d.Upper)
}

func provCriteria(rb *rules.Rulebook) string {
	var out []string
	for _, n := range rb.Nodes() {
		out = append(out, fmt.Sprintf("%s (max %s, %s)", n.ID, n.Max, n.Method))
	}
	return strings.Join(out, " + ")
}

func provList(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// covenantCmd prints a covenant's progress at an interim report and, with
// a rulebook, the projected year-end standings.
func covenantCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "progress" {
		fmt.Fprintln(stderr, "usage: thidua covenant progress --covenant FILE [--rules RULEBOOK] [--scores SHEET] [--months M]")
		return exitUsage
	}
	fs := newFlags("covenant progress", stderr)
	file := fs.String("covenant", "", "covenant `file` (YAML or JSON)")
	rulesPath := fs.String("rules", "", "the cluster's rulebook `file`: project the year-end standings")
	scoresPath := fs.String("scores", "", "score sheet `file` giving what the covenant does not (other criteria, facts, ballot)")
	months := fs.Int("months", 0, "the interim report after `M` months (0: the latest)")
	if code, ok := parse(fs, args[1:], map[string]*string{"covenant": file}); !ok {
		return code
	}
	if *scoresPath != "" && *rulesPath == "" {
		fmt.Fprintln(stderr, "thidua covenant progress: --scores needs --rules")
		return exitUsage
	}
	c, err := covenant.Load(*file)
	if err != nil {
		histReport(stderr, err)
		return exitBadInput
	}
	prog, err := c.Progress(*months)
	if err != nil {
		fmt.Fprintf(stderr, "thidua covenant progress: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintf(stdout, "%s (%s), %d\n", c.Title(), c.ID(), c.Year())
	when := fmt.Sprintf("after %d months", prog.Months)
	if !prog.AsOf.IsZero() {
		when += " (as of " + prog.AsOf.String() + ")"
	}
	if prog.Title != "" {
		when = prog.Title + ", " + when
	}
	fmt.Fprintf(stdout, "%s\n\n", when)
	names := map[string]string{}
	for _, p := range c.Parties() {
		names[p.ID] = p.Name
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Party\tCriterion\tTarget\tAchieved\tProjected\t% of target\tOn course")
	behind := 0
	for _, l := range prog.Lines {
		target, ach, proj, pct, on := "—", "—", "—", "—", "—"
		if l.HasTarget {
			target = l.Target.String()
		}
		if l.HasAchieved {
			ach, proj = l.Achieved.String(), l.Projected.String()
			if l.Projection == covenant.Hold {
				proj += " (held)"
			}
		}
		if l.HasTarget && l.HasAchieved {
			on = "yes"
			if !l.OnCourse {
				on = "NO"
				behind++
			}
			if !l.Target.IsZero() {
				pct = l.Percent.StringFixed(2) + "%"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", names[l.Party], l.Criterion, target, ach, proj, pct, on)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "Projection: linear criteria × 12 ÷ %d, rounded once as each criterion states; held criteria keep the value achieved.\n", prog.Months)
	fmt.Fprintf(stdout, "%d of %d targets not on course.\n", behind, covCountTargets(prog))
	if *rulesPath == "" {
		return exitOK
	}
	rb, err := rules.Load(*rulesPath)
	if err != nil {
		report(stderr, err)
		return exitBadInput
	}
	var base scoring.Sheet
	if *scoresPath != "" {
		// Read only: the sheet lacks the covenant's criteria until the
		// projection adds them, so it is checked after.
		if base, err = sheets.Load(*scoresPath); err != nil {
			report(stderr, err)
			return exitBadInput
		}
	}
	fc, err := c.Project(rb, base, prog.Months)
	if err != nil {
		histReport(stderr, err)
		return exitBadInput
	}
	st := fc.Standings
	fmt.Fprintf(stdout, "\nProjected year end under rulebook %s, version %s:\n", rb.ID(), rb.Version())
	for _, a := range fc.Assumptions {
		fmt.Fprintf(stdout, "  assumed: %s\n", a)
	}
	fmt.Fprintln(stdout)
	tier := map[string]string{}
	for _, t := range fc.Rulebook.Awards() {
		tier[t.ID] = t.Name
	}
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rank\tMember\tProjected total\tOn course for\tNot met")
	for _, r := range st.Rows {
		var aw, failed []string
		for _, a := range r.Awards {
			aw = append(aw, tier[a])
		}
		for _, f := range r.Failed {
			failed = append(failed, f.Condition)
		}
		rank := fmt.Sprint(r.Rank)
		if r.Tied {
			rank += "="
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rank, r.Member.Name, r.Total.StringFixed(2), covDash(strings.Join(aw, ", ")), covDash(strings.Join(failed, ", ")))
	}
	tw.Flush()
	for _, a := range st.Awards {
		if a.Pending != nil {
			fmt.Fprintf(stdout, "PENDING %s: %d place(s) between %s (unresolved tie)\n", tier[a.Tier], a.Pending.Places, strings.Join(a.Pending.Candidates, ", "))
		}
	}
	return exitOK
}

func covCountTargets(p covenant.Progress) int {
	n := 0
	for _, l := range p.Lines {
		if l.HasTarget && l.HasAchieved {
			n++
		}
	}
	return n
}

func covDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// titlesCmd checks a unit's titles against their conditions and quotas.
// It exits 1 when a title exceeds its quota or a holder fails a condition.
func titlesCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("titles", stderr)
	file := fs.String("file", "", "titles `file` (YAML or JSON)")
	if code, ok := parse(fs, args, map[string]*string{"file": file}); !ok {
		return code
	}
	t, err := titles.Load(*file)
	if err != nil {
		histReport(stderr, err)
		return exitBadInput
	}
	r := t.Check()
	fmt.Fprintf(stdout, "%s — %d\n\n", t.Unit(), t.Year())
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Title\tName\tFor\tAwarded\tQuota\tWithin quota")
	for _, tc := range r.Titles {
		n := "unknown"
		if tc.Known {
			n = fmt.Sprint(tc.Awarded)
			if tc.FromCounts {
				n += " (count)"
			}
		}
		quota, within := "—", "—"
		if tc.Cap != nil {
			quota = tc.Cap.String()
			if tc.Cap.Checked {
				within = "yes"
				if tc.Cap.Over {
					within = fmt.Sprintf("NO: %d over", tc.Awarded-tc.Cap.Allowed)
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", tc.Title, tc.Name, tc.For, n, quota, within)
	}
	tw.Flush()
	spec := t.Spec()
	if len(spec.People) == 0 && len(spec.Collectives) == 0 {
		fmt.Fprintln(stdout, "\nConditions not checked: the holders are not listed, only the numbers.")
	} else if len(r.Failures) == 0 {
		fmt.Fprintln(stdout, "\nEvery holder listed meets its titles' conditions.")
	} else {
		fmt.Fprintln(stdout, "\nConditions not met:")
		for _, f := range r.Failures {
			fmt.Fprintf(stdout, "  %s\n", f)
		}
	}
	if !r.OK() {
		fmt.Fprintln(stderr, "titles: quota exceeded or conditions not met")
		return exitBadInput
	}
	return exitOK
}

// histReport prints an error of the history, covenant, province or titles
// packages, one problem a line, with a count; other errors as report does.
func histReport(w io.Writer, err error) {
	var n int
	switch es := err.(type) {
	case history.Errors:
		n = len(es)
	case covenant.Errors:
		n = len(es)
	case province.Errors:
		n = len(es)
	case titles.Errors:
		n = len(es)
	default:
		report(w, err)
		return
	}
	fmt.Fprintln(w, err)
	if n > 1 {
		fmt.Fprintf(w, "%d problems\n", n)
	}
}
