package province

import (
	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

// Schema is the value a province file may give in its "schema" key.
const Schema = "thidua/province/v1"

// Spec is the editable description of a province's year: what a province
// file holds, field for field. Pass it to New, which validates it.
type Spec struct {
	Schema   string `yaml:"schema" json:"schema,omitempty"`
	Province string `yaml:"province" json:"province"` // e.g. "Tỉnh Cao Bằng"
	Year     int    `yaml:"year" json:"year"`         // the year assessed
	Source   string `yaml:"source" json:"source,omitempty"`
	Note     string `yaml:"note" json:"note,omitempty"`
	// Clusters are the clusters whose proposals the province collects.
	Clusters []Cluster `yaml:"clusters" json:"clusters"`
	// Council is the provincial council's decision on the proposals.
	Council Council `yaml:"council" json:"council"`
	// GovernmentFlag, if given, draws the nominations for the Government
	// flag (Cờ thi đua của Chính phủ) from the cluster leaders.
	GovernmentFlag *Nomination `yaml:"government_flag" json:"government_flag,omitempty"`
}

// Cluster is one cluster's proposals: written out (Proposals), or taken
// from the year's result in a history file (History, HistoryCluster).
type Cluster struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// FlagTier is the award tier that marks the cluster's leader (đơn vị dẫn
	// đầu cụm) — the provincial flag; default "flag".
	FlagTier  string     `yaml:"flag_tier" json:"flag_tier,omitempty"`
	Proposals []Proposal `yaml:"proposals" json:"proposals,omitempty"`
	// History is the path of a history file (relative to the province file)
	// whose result for the province's year gives the proposals; Load reads
	// it. HistoryCluster is the cluster's id there (default: ID).
	History        string `yaml:"history" json:"history,omitempty"`
	HistoryCluster string `yaml:"history_cluster" json:"history_cluster,omitempty"`
	Source         string `yaml:"source" json:"source,omitempty"`
	Note           string `yaml:"note" json:"note,omitempty"`
}

// Proposal is one award a cluster proposed for one of its members (đề nghị).
type Proposal struct {
	Member string `yaml:"member" json:"member"`
	Name   string `yaml:"name" json:"name"`
	Award  string `yaml:"award" json:"award"` // the cluster rulebook's tier id, e.g. "flag", "merit"
	Rank   int    `yaml:"rank" json:"rank,omitempty"`
	// Percent is the member's total as a percentage of its attainable
	// maximum in its cluster (the comparable figure across clusters with
	// different rulebooks); needed for a nominee when the Government-flag
	// ranking uses it.
	Percent decimal.Decimal `yaml:"percent" json:"percent,omitzero"`
	Note    string          `yaml:"note" json:"note,omitempty"`
}

// Verdict is the council's decision on a proposal.
type Verdict string

// The verdicts.
const (
	Approved Verdict = "approved" // thông qua
	CutDown  Verdict = "cut"      // không thông qua: the proposal is cut
	Pending  Verdict = "pending"  // not yet decided
)

// Council is the provincial Emulation and Commendation Council (Hội đồng
// Thi đua – Khen thưởng tỉnh): it reviews the clusters' proposals, votes,
// and may cut them.
type Council struct {
	Name    string     `yaml:"name" json:"name,omitempty"`
	Meeting rules.Date `yaml:"meeting" json:"meeting,omitzero"`
	// Default is the verdict on a proposal the decisions do not mention:
	// pending (the default) or approved.
	Default   Verdict    `yaml:"default" json:"default,omitempty"`
	Decisions []Decision `yaml:"decisions" json:"decisions,omitempty"`
	Source    string     `yaml:"source" json:"source,omitempty"`
	Note      string     `yaml:"note" json:"note,omitempty"`
}

// Decision is the council's verdict on one proposal, and why.
type Decision struct {
	Cluster string  `yaml:"cluster" json:"cluster"`
	Member  string  `yaml:"member" json:"member"`
	Award   string  `yaml:"award" json:"award"`
	Verdict Verdict `yaml:"verdict" json:"verdict"`
	Reason  string  `yaml:"reason" json:"reason,omitempty"`
}

// Nomination describes how the Government-flag nominees are drawn from the
// cluster leaders: the quota, the standards (eligibility conditions) and
// how the same engine ranks the candidates.
type Nomination struct {
	Award string `yaml:"award" json:"award"` // e.g. "Cờ thi đua của Chính phủ"
	Quota Quota  `yaml:"quota" json:"quota"`
	// Standards are the conditions every nominee must meet; each is a fact
	// stated per candidate (Met).
	Standards []Standard `yaml:"standards" json:"standards"`
	Met       []Met      `yaml:"met" json:"met,omitempty"`
	// Scoring gives the maxima of the two criteria candidates are ranked
	// by: their cluster percentage (ratio to 100) and the council's votes
	// (votes ÷ the most votes). A zero maximum leaves the criterion out.
	Scoring Scoring `yaml:"scoring" json:"scoring"`
	// Ballot is the council's vote on the candidates.
	Ballot *Ballot `yaml:"ballot" json:"ballot,omitempty"`
	// MinVotes, if given, is the share of the council members present a
	// nominee needs.
	MinVotes rules.Share `yaml:"min_votes" json:"min_votes,omitzero"`
	// TieBreaks: more_votes, cluster_percent, lots (in order).
	TieBreaks []string `yaml:"tie_breaks" json:"tie_breaks,omitempty"`
	// Lots is a recorded drawing of lots (member ids, first drawn first).
	Lots []string `yaml:"lots" json:"lots,omitempty"`
	Note string   `yaml:"note" json:"note,omitempty"`
}

// Quota is the number of Government-flag nominations: Share of the
// collectives meeting the provincial flag standard, rounded by Rounding
// (default floor). The collectives counted are the cluster leaders the
// council approved for the provincial flag, plus AlsoMeetingStandard
// collectives outside the clusters of the file (other clusters, sector
// blocks).
type Quota struct {
	Share               rules.Share        `yaml:"share" json:"share"`
	Rounding            rules.RoundingMode `yaml:"rounding" json:"rounding,omitempty"`
	AlsoMeetingStandard int                `yaml:"also_meeting_standard" json:"also_meeting_standard,omitempty"`
	Basis               string             `yaml:"basis" json:"basis,omitempty"` // the legal basis of the share
	Note                string             `yaml:"note" json:"note,omitempty"`
}

// Standard is one standard for the Government flag (tiêu chuẩn), e.g. Law
// 06/2022/QH15 Art. 25.1.
type Standard struct {
	ID     string `yaml:"id" json:"id"`
	Reason string `yaml:"reason" json:"reason"`
	Basis  string `yaml:"basis" json:"basis,omitempty"`
}

// Met states whether a candidate meets a standard.
type Met struct {
	Member   string `yaml:"member" json:"member"`
	Standard string `yaml:"standard" json:"standard"`
	Value    bool   `yaml:"met" json:"met"`
	Note     string `yaml:"note" json:"note,omitempty"`
}

// Scoring gives the maxima of the nominee criteria.
type Scoring struct {
	ClusterPercent decimal.Decimal `yaml:"cluster_percent" json:"cluster_percent,omitzero"`
	CouncilVotes   decimal.Decimal `yaml:"council_votes" json:"council_votes,omitzero"`
}

// Ballot is a council vote on the candidates.
type Ballot struct {
	Entitled int    `yaml:"entitled" json:"entitled"`
	Present  int    `yaml:"present" json:"present"`
	Votes    []Vote `yaml:"votes" json:"votes"`
}

// Vote is a candidate's votes in favour.
type Vote struct {
	Member string `yaml:"member" json:"member"`
	For    int    `yaml:"for" json:"for"`
}
