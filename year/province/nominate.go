package province

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// The ids of the nominee rulebook's criteria, stage, tier and vote
// condition.
const (
	CriterionClusterPercent = "cluster_percent"
	CriterionCouncilVotes   = "council_votes"
	StageCouncil            = "council"
	TierGovernmentFlag      = "government_flag"
	ConditionCouncilVotes   = "phieu_hoi_dong"
)

var hundred = decimal.NewFromInt(100)

// nominate works out the quota, validates the government_flag section
// against the candidates, builds the nominee rulebook and sheet and ranks
// them.
func (p *Province) nominate(v *validator) {
	g := p.spec.GovernmentFlag
	const gp = "government_flag"
	if strings.TrimSpace(g.Award) == "" {
		v.Add(gp+".award", ctx{}, lang.Msg("province.err.flag.award"))
	}
	q := g.Quota
	if q.Rounding == "" {
		q.Rounding = rules.RoundFloor
	}
	switch {
	case q.Share.IsZero():
		v.Add(gp+".quota.share", ctx{}, lang.Msg("province.err.flag.share_missing"))
	case q.Share.Num <= 0 || q.Share.Num > q.Share.Den:
		v.Add(gp+".quota.share", ctx{}, lang.Msg("province.err.flag.share", q.Share.String()))
	}
	if !q.Rounding.Valid() {
		v.Add(gp+".quota.rounding", ctx{}, lang.Msg("province.err.flag.rounding", strconv.Quote(string(q.Rounding))))
		q.Rounding = rules.RoundFloor
	}
	if q.AlsoMeetingStandard < 0 {
		v.Add(gp+".quota.also_meeting_standard", ctx{}, lang.Msg("province.err.flag.also_negative", q.AlsoMeetingStandard))
	}

	// The candidates: the cluster leaders the council approved for the
	// provincial flag.
	var cands []Decided
	res := QuotaResult{Share: q.Share, Rounding: q.Rounding, Also: max(q.AlsoMeetingStandard, 0), Basis: q.Basis}
	for _, d := range p.decided {
		if d.Award != p.flagTier(d.Cluster) {
			continue
		}
		switch d.Verdict {
		case Approved:
			cands = append(cands, d)
		case Pending:
			res.PendingLeaders++
		}
	}
	res.Leaders = len(cands)
	res.Base = res.Leaders + res.Also
	if !q.Share.IsZero() && q.Share.Num > 0 && q.Share.Num <= q.Share.Den {
		res.Places = int(rules.RoundInt(int64(res.Base)*q.Share.Num, q.Share.Den, q.Rounding))
	}
	p.quota = res
	isCand := func(m string) bool { return slices.ContainsFunc(cands, func(d Decided) bool { return d.Member == m }) }

	stds := map[string]bool{}
	for i, s := range g.Standards {
		sp := fmt.Sprintf("%s.standards[%d]", gp, i)
		if !v.ID(s.ID, sp+".id", lang.Msg("province.err.noun.standard"), ctx{}) {
			continue
		}
		if stds[s.ID] || s.ID == ConditionCouncilVotes {
			v.Add(sp+".id", ctx{}, lang.Msg("province.err.standard.twice", strconv.Quote(s.ID)))
		}
		stds[s.ID] = true
		if strings.TrimSpace(s.Reason) == "" {
			v.Add(sp+".reason", ctx{}, lang.Msg("province.err.standard.reason"))
		}
	}
	type ms struct{ m, s string }
	stated := map[ms]bool{}
	for i, m := range g.Met {
		mp := fmt.Sprintf("%s.met[%d]", gp, i)
		x := ctx{member: m.Member}
		switch {
		case !isCand(m.Member):
			v.Add(mp+".member", x, lang.Msg("province.err.met.not_candidate", m.Member))
		case !stds[m.Standard]:
			v.Add(mp+".standard", x, lang.Msg("province.err.met.unknown_standard", strconv.Quote(m.Standard)))
		case stated[ms{m.Member, m.Standard}]:
			v.Add(mp, x, lang.Msg("province.err.met.twice", m.Standard))
		}
		stated[ms{m.Member, m.Standard}] = true
	}
	for _, c := range cands {
		for _, s := range g.Standards {
			if stds[s.ID] && !stated[ms{c.Member, s.ID}] {
				v.Add(gp+".met", ctx{cluster: c.Cluster, member: c.Member}, lang.Msg("province.err.met.not_stated", s.ID))
			}
		}
	}
	sc := g.Scoring
	if sc.ClusterPercent.IsNegative() || sc.CouncilVotes.IsNegative() {
		v.Add(gp+".scoring", ctx{}, lang.Msg("province.err.scoring.negative"))
	}
	if !sc.ClusterPercent.IsPositive() && !sc.CouncilVotes.IsPositive() {
		v.Add(gp+".scoring", ctx{}, lang.Msg("province.err.scoring.none"))
	}
	if sc.ClusterPercent.IsPositive() {
		for _, c := range cands {
			if c.Percent.IsZero() {
				v.Add(gp+".scoring.cluster_percent", ctx{cluster: c.Cluster, member: c.Member}, lang.Msg("province.err.scoring.no_percent"))
			}
		}
	}
	if b := g.Ballot; b != nil {
		bp := gp + ".ballot"
		switch {
		case b.Entitled <= 0:
			v.Add(bp+".entitled", ctx{}, lang.Msg("province.err.ballot.entitled"))
		case b.Present <= 0 || b.Present > b.Entitled:
			v.Add(bp+".present", ctx{}, lang.Msg("province.err.ballot.present", b.Present, b.Entitled))
		}
		for i, vt := range b.Votes {
			vp := fmt.Sprintf("%s.votes[%d]", bp, i)
			switch {
			case !isCand(vt.Member):
				v.Add(vp+".member", ctx{member: vt.Member}, lang.Msg("province.err.ballot.not_candidate", vt.Member))
			case vt.For < 0 || vt.For > b.Present:
				v.Add(vp+".for", ctx{member: vt.Member}, lang.Msg("province.err.ballot.for", vt.For, b.Present))
			}
		}
	} else if sc.CouncilVotes.IsPositive() || !g.MinVotes.IsZero() {
		v.Add(gp+".ballot", ctx{}, lang.Msg("province.err.ballot.missing"))
	}
	for i, t := range g.TieBreaks {
		if t != "more_votes" && t != CriterionClusterPercent && t != "lots" {
			v.Add(fmt.Sprintf("%s.tie_breaks[%d]", gp, i), ctx{}, lang.Msg("province.err.tie_break", strconv.Quote(t)))
		}
	}
	if v.Failed() {
		return
	}
	n := &Nominees{Candidates: cands}
	p.nominees = n
	if len(cands) == 0 {
		return
	}
	rb, err := rules.New(p.nomineeSpec(res.Places))
	if err != nil {
		v.Nested(gp, ctx{}, lang.Msg("province.err.in_nominee_rulebook"), err)
		return
	}
	sh := p.nomineeSheet(cands)
	st, err := ranking.Rank(rb, sh)
	if err != nil {
		v.Nested(gp, ctx{}, lang.Msg("province.err.in_nominee_sheet"), err)

		return
	}
	n.Rulebook, n.Standings = rb, st
	n.Nominated = st.Proposed(TierGovernmentFlag)
}

func (p *Province) flagTier(cluster string) string {
	for _, c := range p.spec.Clusters {
		if c.ID == cluster {
			return c.FlagTier
		}
	}
	return DefaultFlagTier
}

// nomineeSpec builds the rulebook the candidates are ranked under.
func (p *Province) nomineeSpec(places int) rules.Spec {
	g := p.spec.GovernmentFlag
	y := p.spec.Year
	s := rules.Spec{
		ID:           fmt.Sprintf("government-flag-%d", y),
		Version:      "1",
		Title:        fmt.Sprintf("Xét đề nghị %s năm %d – %s", g.Award, y, p.spec.Province),
		Jurisdiction: p.spec.Province,
		Regulation:   rules.Regulation{Title: "Built by thidua/province from the province file", Notes: g.Note},
		InForce:      rules.Period{From: rules.NewDate(y, time.January, 1), To: rules.NewDate(y, time.December, 31)},
		Assessment:   rules.Assessment{Stages: []rules.Stage{{ID: StageCouncil, Name: "Hội đồng Thi đua – Khen thưởng tỉnh"}}},
		Rounding: rules.RoundingPolicy{
			Quotient:  &rules.Rounding{Places: 4, Mode: rules.RoundHalfUp},
			Criterion: &rules.Rounding{Places: 2, Mode: rules.RoundHalfUp},
			Total:     &rules.Rounding{Places: 2, Mode: rules.RoundHalfUp},
		},
		Votes: rules.VotePolicy{Base: rules.OfPresent},
	}
	if g.Quota.Basis != "" {
		s.Regulation.LegalBasis = []rules.LegalRef{{Text: g.Quota.Basis}}
	}
	if m := g.Scoring.ClusterPercent; m.IsPositive() {
		s.Criteria = append(s.Criteria, rules.Criterion{ID: CriterionClusterPercent, Name: "Kết quả chấm điểm tại cụm (% điểm tối đa)", MaxPoints: m, Method: rules.Ratio, Target: hundred})
	}
	if m := g.Scoring.CouncilVotes; m.IsPositive() {
		s.Criteria = append(s.Criteria, rules.Criterion{ID: CriterionCouncilVotes, Name: "Phiếu bầu của Hội đồng Thi đua – Khen thưởng tỉnh", MaxPoints: m, Method: rules.Votes})
	}
	var requires []string
	for _, st := range g.Standards {
		s.Facts = append(s.Facts, rules.Fact{ID: st.ID, Name: st.Reason})
		s.Eligibility = append(s.Eligibility, rules.Condition{ID: st.ID, Reason: st.Reason, Fact: st.ID})
		requires = append(requires, st.ID)
	}
	if !g.MinVotes.IsZero() {
		s.Eligibility = append(s.Eligibility, rules.Condition{ID: ConditionCouncilVotes, Reason: fmt.Sprintf("Được từ %s thành viên Hội đồng có mặt tán thành", g.MinVotes),
			MinVotes: &rules.VoteThreshold{Share: g.MinVotes, Base: rules.OfPresent}})
		requires = append(requires, ConditionCouncilVotes)
	}
	for _, t := range g.TieBreaks {
		switch t {
		case "more_votes":
			s.TieBreaks = append(s.TieBreaks, rules.TieBreak{Kind: rules.MoreVotes})
		case CriterionClusterPercent:
			s.TieBreaks = append(s.TieBreaks, rules.TieBreak{Kind: rules.ByCriterion, Ref: CriterionClusterPercent})
		case "lots":
			s.TieBreaks = append(s.TieBreaks, rules.TieBreak{Kind: rules.DrawingLots})
		}
	}
	if places > 0 {
		s.Awards = []rules.AwardTier{{ID: TierGovernmentFlag, Name: g.Award, Count: places, Requires: requires, IfIneligible: rules.NextEligible}}
	}
	return s
}

// nomineeSheet builds the candidates' sheet.
func (p *Province) nomineeSheet(cands []Decided) scoring.Sheet {
	g := p.spec.GovernmentFlag
	sh := scoring.Sheet{Cluster: fmt.Sprintf("Đề nghị %s – %s", g.Award, p.spec.Province), Year: p.spec.Year, Lots: slices.Clone(g.Lots)}
	for _, c := range cands {
		sh.Members = append(sh.Members, scoring.Member{ID: c.Member, Name: c.Name})
		if g.Scoring.ClusterPercent.IsPositive() {
			sh.Scores = append(sh.Scores, scoring.Entry{Member: c.Member, Criterion: CriterionClusterPercent, Stage: StageCouncil, Value: c.Percent})
		}
	}
	for _, m := range g.Met {
		sh.Facts = append(sh.Facts, scoring.FactValue{Member: m.Member, Fact: m.Standard, Value: m.Value})
	}
	if b := g.Ballot; b != nil {
		sb := &scoring.Ballot{Entitled: b.Entitled, Present: b.Present}
		for _, vt := range b.Votes {
			sb.Votes = append(sb.Votes, scoring.Vote{Member: vt.Member, For: vt.For})
		}
		sh.Ballot = sb
	}
	return sh
}
