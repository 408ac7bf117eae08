package province

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/internal/write"
)

// AwardName returns the name of an award tier the clusters propose, as the
// rulebook of a cluster read from a history names it ("Cờ thi đua của UBND
// tỉnh"); the id if none does (proposals written in the province file
// give tier ids only).
func (p *Province) AwardName(tier string) string {
	if n := p.awardNames[tier]; n != "" {
		return n
	}
	return tier
}

// ClusterName returns the name of the cluster with the id, or the id if
// the province has no such cluster.
func (p *Province) ClusterName(id string) string {
	for _, c := range p.spec.Clusters {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// verdictKeys are the catalogue keys naming the verdicts.
var verdictKeys = map[Verdict]string{Approved: "province.verdict.approved", CutDown: "province.verdict.cut", Pending: "province.verdict.pending"}

// Message names the verdict in any language: "thông qua", "không thông
// qua", "chờ xét" (approved, cut, pending).
func (v Verdict) Message() lang.Message {
	if k, ok := verdictKeys[v]; ok {
		return lang.Msg(k)
	}
	return lang.Msg("problem.text", string(v))
}

// Message counts the tally in any language: "Cờ thi đua của UBND tỉnh: 3
// đề nghị, 3 thông qua", with the cut and pending proposals if any. name
// names the award tier (Province.AwardName).
func (t Tally) Message(name string) lang.Message {
	cut, pending := lang.Msg("problem.text", ""), lang.Msg("problem.text", "")
	if t.Cut > 0 {
		cut = lang.Msg("province.report.tally.cut", t.Cut)
	}
	if t.Pending > 0 {
		pending = lang.Msg("province.report.tally.pending", t.Pending)
	}
	return lang.Msg("province.report.tally", name, t.Proposed, t.Approved).With(cut, pending)
}

// criterionKeys are the catalogue keys naming the nominee criteria.
var criterionKeys = map[string]string{
	CriterionClusterPercent: "province.criterion.cluster_percent",
	CriterionCouncilVotes:   "province.criterion.council_votes",
}

// WriteText writes what thidua nominate prints, in the language: the
// clusters' proposals with the council's decisions and the tallies, then,
// with a government_flag section, the quota, the candidates ranked by the
// engine and the nominees. Members, clusters and award tiers are written
// by their names.
func (p *Province) WriteText(w io.Writer, t lang.Tag) error {
	x := write.New(w, t)
	s := p.spec
	x.Line(lang.Msg("province.report.title", s.Province, s.Year))
	x.Blank()
	council := lang.Msg("province.report.council.default")
	if s.Council.Name != "" {
		council = lang.Msg("problem.text", s.Council.Name)
	}
	if s.Council.Meeting.IsZero() {
		x.Line(lang.Msg("province.report.council").With(council))
	} else {
		x.Line(lang.Msg("province.report.council.meeting").With(council, write.Date(s.Council.Meeting)))
	}
	var rows [][]string
	for i, d := range p.decided {
		cluster := ""
		if i == 0 || p.decided[i-1].Cluster != d.Cluster {
			cluster = p.ClusterName(d.Cluster)
		}
		rank, pct := write.Dash, write.Dash
		if d.Rank > 0 {
			rank = strconv.Itoa(d.Rank)
		}
		if !d.Percent.IsZero() {
			pct = t.Number(d.Percent.String()) + "%"
		}
		rows = append(rows, []string{cluster, d.Name, p.AwardName(d.Award), rank, pct, d.Verdict.Message().In(t), write.Or(d.Reason)})
	}
	x.Table(lang.Msg("province.report.decided.head"), rows)
	var tallies []lang.Message
	for _, tl := range p.Tallies() {
		tallies = append(tallies, tl.Message(p.AwardName(tl.Award)))
	}
	x.Line(lang.Msg("province.report.in_all").With(lang.Msg("year.list").With(tallies...)))

	n := p.nominees
	if n == nil {
		return x.Err()
	}
	g, q := s.GovernmentFlag, p.quota
	x.Blank()
	x.Line(lang.Msg("province.report.government", g.Award))
	x.Line(lang.Msg("province.report.quota", q.Base, q.Leaders, q.Also).With(q.Message()))
	if q.Basis != "" {
		x.Line(lang.Msg("province.report.basis", q.Basis))
	}
	if q.PendingLeaders > 0 {
		x.Line(lang.Msg("province.report.provisional", q.PendingLeaders))
	}
	if n.Standings == nil {
		x.Line(lang.Msg("province.report.no_candidate"))
		return x.Err()
	}
	st := n.Standings
	var crits []string
	for _, c := range n.Rulebook.Nodes() {
		name := lang.Msg("problem.text", c.Name)
		if k, ok := criterionKeys[c.ID]; ok {
			name = lang.Msg(k)
		}
		crits = append(crits, lang.Msg("province.report.criterion", c.Max.String()).With(name, lang.MethodName(string(c.Method))).In(t))
	}
	x.Line(lang.Msg("province.report.ranked", st.Rulebook.Hash).With(lang.Msg("problem.text", strings.Join(crits, " + "))))
	x.Blank()
	names := write.NamesOf(n.Rulebook, st)
	cluster := map[string]string{}
	for _, c := range n.Candidates {
		cluster[c.Member] = p.ClusterName(c.Cluster)
	}
	rows = nil
	for _, r := range st.Rows {
		var failed []string
		for _, f := range r.Failed {
			failed = append(failed, f.Reason)
		}
		nominated := write.Dash
		if slices.Contains(r.Awards, TierGovernmentFlag) {
			nominated = lang.Msg("year.yes").In(t)
		}
		rank := strconv.Itoa(r.Rank)
		if r.Tied {
			rank += "="
		}
		rows = append(rows, []string{rank, r.Member.Name, cluster[r.Member.ID], t.Number(r.Total.StringFixed(2)), write.Or(strings.Join(failed, "; ")), nominated, names.Brief(r.DecidedBy).In(t)})
	}
	x.Table(lang.Msg("province.report.rank.head"), rows)
	for _, a := range st.Awards {
		for _, sk := range a.Skipped {
			x.Line(lang.Msg("province.report.passed", names.Member(sk.Member)).With(names.Conditions(sk.Failed)))
		}
		if a.Pending != nil {
			x.Line(lang.Msg("province.report.pending", a.Pending.Places, names.List(a.Pending.Candidates)))
		}
	}
	nominees := lang.Msg("province.report.none")
	if len(n.Nominated) > 0 {
		nominees = lang.Msg("problem.text", names.List(n.Nominated))
	}
	x.Line(lang.Msg("province.report.nominated", g.Award).With(nominees))
	return x.Err()
}
