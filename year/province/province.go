package province

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/internal/check"
	"github.com/thidua/thidua/internal/decode"
	"github.com/thidua/thidua/internal/fields"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/year/history"
)

// DefaultFlagTier is the award tier that marks a cluster's leader when a
// cluster names none.
const DefaultFlagTier = "flag"

// Province is a validated province year: the clusters' proposals, the
// council's decisions and, if asked for, the Government-flag nominations.
// Create one with New, Parse or Load. It is a value: nothing changes it
// after it is returned; treat its slices as read-only.
type Province struct {
	spec     Spec
	decided  []Decided
	quota    QuotaResult
	nominees *Nominees
	// awardNames names the award tiers, from the rulebooks of the
	// clusters read from histories.
	awardNames map[string]string
}

// Decided is one cluster proposal with the council's verdict.
type Decided struct {
	Cluster string
	Proposal
	Verdict Verdict
	Reason  string
}

// Tally counts the proposals of one award and what became of them, as the
// provincial council reports them (Bến Tre 2018: 69 provincial flags
// proposed, 48 approved).
type Tally struct {
	Award                            string
	Proposed, Approved, Cut, Pending int
}

// QuotaResult is the Government-flag quota worked out.
type QuotaResult struct {
	Share    rules.Share
	Rounding rules.RoundingMode
	// Leaders is the number of cluster leaders the council approved for the
	// provincial flag in the file's clusters; Also those meeting the
	// standard elsewhere; Base their sum.
	Leaders, Also, Base int
	// Places is Share × Base rounded by Rounding.
	Places int
	// PendingLeaders counts flag proposals not yet decided: the quota may
	// grow when they are.
	PendingLeaders int
	Basis          string
}

// String reads like "20% × 12 = 2.4 → 2 (floor)": Message in English.
func (q QuotaResult) String() string { return q.Message().In(lang.English) }

// Text works the quota out in the language: "20% × 12 = 2,4 → 2 (làm
// tròn xuống)".
func (q QuotaResult) Text(t lang.Tag) string { return q.Message().In(t) }

// Message works the quota out in any language: the share, the
// collectives it is a share of, the exact product (to 4 places, "≈" when
// it is not exact), the places and the rounding mode.
func (q QuotaResult) Message() lang.Message {
	num, den := decimal.NewFromInt(int64(q.Base)*q.Share.Num), decimal.NewFromInt(q.Share.Den)
	if q.Share.Den == 0 {
		return lang.Msg("province.no_quota")
	}
	x := rules.Rounding{Places: 4, Mode: rules.RoundHalfUp}.Quo(num, den)
	eq := "="
	if !x.Mul(den).Equal(num) {
		eq = "≈"
	}
	return lang.Msg("province.quota", q.Share.String(), q.Base, eq, x, q.Places).With(q.Rounding.Message())
}

// Nominees is the ranking of the Government-flag candidates: the rulebook
// and sheet the province built for them and the standings the engine gave.
type Nominees struct {
	Candidates []Decided
	Rulebook   *rules.Rulebook
	Standings  *ranking.Standings
	// Nominated are the members proposed for the Government flag, in rank
	// order.
	Nominated []string
}

type resolver struct {
	dir string
}

// New validates spec and works out the council's decisions and the
// Government-flag nominations, reporting every problem as Errors. A cluster
// whose proposals come from a history file needs Load.
func New(spec Spec) (*Province, error) {
	p, ps := build(spec, nil)
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return p, nil
}

// MaxBytes is the largest province file Load reads: 8 MiB. A province file
// lists the clusters, their proposals and the council's votes, referring
// to history files rather than holding them: a province's is some tens of
// kilobytes. The limit keeps a device or a runaway file (/dev/zero) from
// exhausting memory.
const MaxBytes = 8 << 20

// Load reads a province file (YAML or JSON), reads the history files its
// clusters refer to (relative to it), validates everything and works out
// the decisions and nominations. Every problem is reported, as Errors, with
// the file, line, key path, cluster and member.
//
// It reads at most MaxBytes of the province file, whatever the file is (a
// device, a pipe): a larger one is refused with a *bounded.TooLargeError
// (errors.Is bounded.ErrTooLarge), which writes itself in Vietnamese or
// English. The history files it refers to have their own limit
// (history.MaxBytes).
func Load(path string) (*Province, error) {
	data, err := bounded.ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	return parse(path, data, &resolver{dir: filepath.Dir(path)})
}

// Parse reads a province from YAML or JSON without reading other files (a
// cluster that refers to a history file is an error here; use Load).
func Parse(name string, data []byte) (*Province, error) {
	return parse(name, data, nil)
}

func parse(name string, data []byte, res *resolver) (*Province, error) {
	var spec Spec
	hooks := map[reflect.Type]decode.Hook{
		reflect.TypeFor[string]():          fields.Text,
		reflect.TypeFor[decimal.Decimal](): fields.Decimal,
	}
	pr, ps := check.Read(name, data, &spec, hooks, func(bool) (*Province, []check.Problem[ctx]) { return build(spec, res) })
	if len(ps) > 0 {
		return nil, errorsOf(ps)
	}
	return pr, nil
}

func build(spec Spec, res *resolver) (*Province, []check.Problem[ctx]) {
	s := cloneSpec(spec)
	v := check.New[ctx](idKeys, s.Year)
	if s.Schema != "" && s.Schema != Schema {
		v.Add("schema", ctx{}, lang.Msg("province.err.schema", strconv.Quote(s.Schema), Schema))
	}
	if strings.TrimSpace(s.Province) == "" {
		v.Add("province", ctx{}, lang.Msg("province.err.province"))
	}
	if s.Year < 1900 || s.Year > 9999 {
		v.Add("year", ctx{}, lang.Msg("province.err.year", s.Year))
	}
	if len(s.Clusters) == 0 {
		v.Add("clusters", ctx{}, lang.Msg("province.err.clusters.none"))
	}
	clusters := map[string]int{}
	memberOf := map[string]string{}
	awardNames := map[string]string{}
	for ci := range s.Clusters {
		c := &s.Clusters[ci]
		cp := fmt.Sprintf("clusters[%d]", ci)
		if !v.ID(c.ID, cp+".id", lang.Msg("province.err.noun.cluster"), ctx{}) {
			continue
		}
		x := ctx{cluster: c.ID}
		if _, dup := clusters[c.ID]; dup {
			v.Add(cp+".id", x, lang.Msg("province.err.cluster.twice"))
			continue
		}
		clusters[c.ID] = ci
		if strings.TrimSpace(c.Name) == "" {
			v.Add(cp+".name", x, lang.Msg("province.err.cluster.name"))
		}
		if c.FlagTier == "" {
			c.FlagTier = DefaultFlagTier
		}
		switch {
		case c.History != "" && len(c.Proposals) > 0:
			v.Add(cp, x, lang.Msg("province.err.cluster.both"))
		case c.History == "" && c.HistoryCluster != "":
			v.Add(cp+".history_cluster", x, lang.Msg("province.err.cluster.history_cluster"))
		case c.History != "" && res == nil:
			v.Add(cp+".history", x, lang.Msg("province.err.cluster.history_needs_load"))
		case c.History != "":
			c.Proposals = fromHistory(v, res, c, s.Year, cp, awardNames)
		case len(c.Proposals) == 0:
			v.Add(cp+".proposals", x, lang.Msg("province.err.cluster.proposals"))
		}
		type ma struct{ m, a string }
		seen := map[ma]bool{}
		for pi, p := range c.Proposals {
			pp := fmt.Sprintf("%s.proposals[%d]", cp, pi)
			px := ctx{cluster: c.ID, member: p.Member}
			if !v.ID(p.Member, pp+".member", lang.Msg("province.err.noun.member"), x) {
				continue
			}
			if strings.TrimSpace(p.Name) == "" {
				v.Add(pp+".name", px, lang.Msg("province.err.proposal.name"))
			}
			if strings.TrimSpace(p.Award) == "" {
				v.Add(pp+".award", px, lang.Msg("province.err.proposal.award"))
			}
			if p.Rank < 0 {
				v.Add(pp+".rank", px, lang.Msg("province.err.proposal.rank", p.Rank))
			}
			if p.Percent.IsNegative() || p.Percent.GreaterThan(decimal.NewFromInt(1000)) {
				v.Add(pp+".percent", px, lang.Msg("province.err.proposal.percent", p.Percent))
			}
			if seen[ma{p.Member, p.Award}] {
				v.Add(pp, px, lang.Msg("province.err.proposal.twice", p.Member, p.Award))
			}
			seen[ma{p.Member, p.Award}] = true
			if other, ok := memberOf[p.Member]; ok && other != c.ID {
				v.Add(pp+".member", px, lang.Msg("province.err.proposal.other_cluster", p.Member, other))
			}
			memberOf[p.Member] = c.ID
		}
	}
	pr := &Province{spec: s, awardNames: awardNames}
	pr.decide(v, clusters)
	if s.GovernmentFlag != nil {
		pr.nominate(v)
	}
	if v.Failed() {
		return nil, v.Problems
	}
	return pr, nil
}

// fromHistory returns the proposals of the history's result for the year,
// and adds the names its rulebooks give the award tiers to names.
func fromHistory(v *validator, res *resolver, c *Cluster, year int, cp string, names map[string]string) []Proposal {
	x := ctx{cluster: c.ID}
	path := c.History
	if !filepath.IsAbs(path) {
		path = filepath.Join(res.dir, path)
	}
	h, err := history.Load(path)
	if err != nil {
		v.Nested(cp+".history", x, lang.Msg("province.err.in_history", c.History), err)
		return nil
	}
	id := c.HistoryCluster
	if id == "" {
		id = c.ID
	}
	r, ok := h.Result(id, year)
	if !ok {
		v.Add(cp+".history", x, lang.Msg("province.err.history.no_result", c.History, id, year))
		return nil
	}
	var out []Proposal
	for _, a := range r.Awards {
		if !a.Counts() {
			continue
		}
		p := Proposal{Member: a.Member, Name: h.Name(a.Member), Award: a.Award, Rank: a.Rank, Note: "from " + c.History}
		if n := h.AwardName(id, year, a.Award); n != a.Award && names[a.Award] == "" {
			names[a.Award] = n
		}
		if r.Standings != nil {
			if row, ok := r.Standings.Row(a.Member); ok {
				p.Percent = row.Percent
			}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		v.Add(cp+".history", x, lang.Msg("province.err.history.no_proposal", c.History, id, year))
	}
	return out
}

// decide applies the council's decisions to the proposals.
func (p *Province) decide(v *validator, clusters map[string]int) {
	co := p.spec.Council
	def := co.Default
	switch def {
	case "":
		def = Pending
	case Approved, Pending:
	default:
		v.Add("council.default", ctx{}, lang.Msg("province.err.council.default", strconv.Quote(string(def))))
		def = Pending
	}
	type key struct{ c, m, a string }
	decided := map[key]int{}
	for i, d := range co.Decisions {
		dp := fmt.Sprintf("council.decisions[%d]", i)
		x := ctx{cluster: d.Cluster, member: d.Member}
		ci, ok := clusters[d.Cluster]
		if !ok {
			v.Add(dp+".cluster", x, lang.Msg("province.err.decision.unknown_cluster", strconv.Quote(d.Cluster)))
			continue
		}
		if !slices.ContainsFunc(p.spec.Clusters[ci].Proposals, func(pp Proposal) bool { return pp.Member == d.Member && pp.Award == d.Award }) {
			v.Add(dp, x, lang.Msg("province.err.decision.not_proposed", d.Member, d.Award))
			continue
		}
		if d.Verdict != Approved && d.Verdict != CutDown && d.Verdict != Pending {
			v.Add(dp+".verdict", x, lang.Msg("province.err.decision.verdict", strconv.Quote(string(d.Verdict))))
			continue
		}
		if d.Verdict == CutDown && strings.TrimSpace(d.Reason) == "" {
			v.Add(dp+".reason", x, lang.Msg("province.err.decision.reason"))
		}
		k := key{d.Cluster, d.Member, d.Award}
		if prev, dup := decided[k]; dup {
			v.Add(dp, x, lang.Msg("province.err.decision.twice", prev))

			continue
		}
		decided[k] = i
	}
	for _, c := range p.spec.Clusters {
		for _, pp := range c.Proposals {
			d := Decided{Cluster: c.ID, Proposal: pp, Verdict: def}
			if i, ok := decided[key{c.ID, pp.Member, pp.Award}]; ok {
				d.Verdict, d.Reason = co.Decisions[i].Verdict, co.Decisions[i].Reason
			}
			p.decided = append(p.decided, d)
		}
	}
}

// Decided returns every proposal with the council's verdict, cluster by
// cluster in the file's order.
func (p *Province) Decided() []Decided { return slices.Clone(p.decided) }

// Tallies counts, per award tier (in order of first appearance), the
// proposals and what became of them.
func (p *Province) Tallies() []Tally {
	var out []Tally
	for _, d := range p.decided {
		i := slices.IndexFunc(out, func(t Tally) bool { return t.Award == d.Award })
		if i < 0 {
			out = append(out, Tally{Award: d.Award})
			i = len(out) - 1
		}
		out[i].Proposed++
		switch d.Verdict {
		case Approved:
			out[i].Approved++
		case CutDown:
			out[i].Cut++
		default:
			out[i].Pending++
		}
	}
	return out
}

// Spec returns a deep copy of the province's description, with the
// proposals read from history files filled in.
func (p *Province) Spec() Spec { return cloneSpec(p.spec) }

// Quota returns the Government-flag quota worked out (zero without a
// government_flag section).
func (p *Province) Quota() QuotaResult { return p.quota }

// Nominees returns the ranking of the Government-flag candidates, or nil
// without a government_flag section.
func (p *Province) Nominees() *Nominees { return p.nominees }

func cloneSpec(s Spec) Spec {
	out := s
	out.Clusters = slices.Clone(s.Clusters)
	for i := range out.Clusters {
		out.Clusters[i].Proposals = slices.Clone(s.Clusters[i].Proposals)
	}
	out.Council.Decisions = slices.Clone(s.Council.Decisions)
	if g := s.GovernmentFlag; g != nil {
		gc := *g
		gc.Standards = slices.Clone(g.Standards)
		gc.Met = slices.Clone(g.Met)
		gc.TieBreaks = slices.Clone(g.TieBreaks)
		gc.Lots = slices.Clone(g.Lots)
		if g.Ballot != nil {
			b := *g.Ballot
			b.Votes = slices.Clone(g.Ballot.Votes)
			gc.Ballot = &b
		}
		out.GovernmentFlag = &gc
	}
	return out
}

// idKeys are the problems with an id in a province file.
var idKeys = check.IDKeys{Missing: "province.err.id.missing", Malformed: "province.err.id.malformed"}
