package audit

import (
	"github.com/thidua/thidua/lang"
)

// labels are the words of a report in one language: titles, column heads
// and the like (keys report.* of the lang catalogue), for the Markdown and
// HTML writers and their templates. The sentences of the findings and
// verdicts are messages.
type labels struct {
	Tag                                     lang.Tag
	Audit, Cluster, Clean, NotClean, Review string
	Input, File, Hash                       string
	Sheet, Recorded                         string
	None, NoFinding                         string
	FindingHeads                            [9]string
	Members                                 string
	MemberHeads                             [9]string
	Batch, BatchIntro, Malformed, Summary   string
	SummaryHeads                            [7]string
	KindHeads                               [3]string
}

// labelsIn returns the words of a report in the language.
func labelsIn(t lang.Tag) labels {
	return labels{
		Tag:          t,
		Audit:        t.Say("report.audit"),
		Cluster:      t.Say("report.cluster"),
		Clean:        t.Say("report.clean"),
		NotClean:     t.Say("report.not_clean"),
		Review:       t.Say("report.review"),
		Input:        t.Say("report.input"),
		File:         t.Say("report.file"),
		Hash:         t.Say("report.hash"),
		Sheet:        t.Say("report.sheet"),
		Recorded:     t.Say("report.recorded"),
		None:         t.Say("report.none"),
		NoFinding:    t.Say("report.no_finding"),
		FindingHeads: [9]string{t.Say("report.finding_heads.1"), t.Say("report.finding_heads.2"), t.Say("report.finding_heads.3"), t.Say("report.finding_heads.4"), t.Say("report.finding_heads.5"), t.Say("report.finding_heads.6"), t.Say("report.finding_heads.7"), t.Say("report.finding_heads.8"), t.Say("report.finding_heads.9")},
		Members:      t.Say("report.members"),
		MemberHeads:  [9]string{t.Say("report.member_heads.1"), t.Say("report.member_heads.2"), t.Say("report.member_heads.3"), t.Say("report.member_heads.4"), t.Say("report.member_heads.5"), t.Say("report.member_heads.6"), t.Say("report.member_heads.7"), t.Say("report.member_heads.8"), t.Say("report.member_heads.9")},
		Batch:        t.Say("report.batch"),
		BatchIntro:   t.Say("report.batch_intro"),
		Malformed:    t.Say("report.malformed"),
		Summary:      t.Say("report.summary"),
		SummaryHeads: [7]string{t.Say("report.summary_heads.1"), t.Say("report.summary_heads.2"), t.Say("report.summary_heads.3"), t.Say("report.summary_heads.4"), t.Say("report.summary_heads.5"), t.Say("report.summary_heads.6"), t.Say("report.summary_heads.7")},
		KindHeads:    [3]string{t.Say("report.kind_heads.1"), t.Say("report.kind_heads.2"), t.Say("report.kind_heads.3")},
	}
}

// Label names the severity in the language: "lỗi", "cảnh báo", "thông
// tin"; in English by its name ("error").
func (s Severity) Label(t lang.Tag) string {
	switch s {
	case Error:
		return t.Say("report.severity.error")
	case Warning:
		return t.Say("report.severity.warning")
	case Info:
		return t.Say("report.severity.info")
	}
	return string(s)
}

// kindKeys are the catalogue keys naming the kinds.
var kindKeys = map[Kind]string{
	KindSum:                 "report.kind.sum",
	KindCap:                 "report.kind.cap",
	KindRounding:            "report.kind.rounding",
	KindValue:               "report.kind.value",
	KindOrder:               "report.kind.order",
	KindTieBreakNotInChain:  "report.kind.tiebreak_not_in_chain",
	KindTieBreakMismatch:    "report.kind.tiebreak_mismatch",
	KindUnexplainedTie:      "report.kind.unexplained_tie",
	KindIneligible:          "report.kind.award_ineligible",
	KindQuota:               "report.kind.award_quota",
	KindVotes:               "report.kind.award_votes",
	KindSkipped:             "report.kind.award_skipped",
	KindGrade:               "report.kind.grade",
	KindMissingFromSheet:    "report.kind.missing_from_sheet",
	KindMissingFromRecorded: "report.kind.missing_from_recorded",
	KindUnknownCriterion:    "report.kind.unknown_criterion",
	KindUnknownAward:        "report.kind.unknown_award",
	KindUnknownGrade:        "report.kind.unknown_grade",
	KindNotInForce:          "report.kind.not_in_force",
	KindIdentity:            "report.kind.identity",
	KindSheet:               "report.kind.sheet",
	KindNotRecomputed:       "report.kind.not_recomputed",
	KindExcluded:            "report.kind.excluded",
	KindRulebookConflict:    "report.kind.rulebook_conflict",
	KindRulebookNotSealed:   "report.kind.rulebook_not_sealed",
	KindRulebookLate:        "report.kind.rulebook_late",
	KindRecordTampered:      "report.kind.record_tampered",
	KindRecordRulebook:      "report.kind.record_wrong_rulebook",
	KindRecordSheet:         "report.kind.record_changed_sheet",
	KindRecordResult:        "report.kind.record_different_result",
	KindRecordKey:           "report.kind.record_unknown_key",
	KindRecordChecked:       "report.kind.record_checked",
}

// Label names the kind in the language: "cộng sai", "sai thứ hạng"; in
// English by its name ("sum", "order"), as JSON writes it. A kind this
// version does not know is written as it is.
func (k Kind) Label(t lang.Tag) string {
	if key, ok := kindKeys[k]; ok {
		return t.Say(key)
	}
	return string(k)
}

// categoryKeys, statusKeys and wordKeys are the catalogue keys naming a
// kind's category, a comparison's status and the audit's own words for a
// finding's rule or criterion ("total", "ballot", an identity field).
var (
	categoryKeys = map[string]string{
		"arithmetic": "report.category.arithmetic", "ranking": "report.category.ranking",
		"awards": "report.category.awards", "data": "report.category.data",
	}
	statusKeys = map[string]string{
		"ok": "report.status.ok", "differs": "report.status.differs", "see findings": "report.status.see_findings",
		"excluded": "report.status.excluded", "not recomputed": "report.status.not_recomputed",
		"not in sheet": "report.status.not_in_sheet", "not in minutes": "report.status.not_in_minutes",
	}
	criterionKeys = map[string]string{
		"total": "report.criterion.total", "percent": "report.criterion.percent",
		"bonus": "report.criterion.bonus", "deductions": "report.criterion.deductions",
	}
	identityKeys = map[string]string{
		"year": "report.identity.year", "cluster": "report.identity.cluster",
		"rulebook": "report.identity.rulebook", "version": "report.identity.version",
	}
	ballotKeys = map[string]string{
		"entitled to vote": "report.ballot.entitled", "present": "report.ballot.present",
	}
)

// say writes a word given by one of the tables above in the language, or
// the word itself if the table does not have it.
func say(keys map[string]string, word string, t lang.Tag) string {
	if key, ok := keys[word]; ok {
		return t.Say(key)
	}
	return word
}

// categoryLabel names a category ("arithmetic", …) in the language.
func categoryLabel(c string, t lang.Tag) string { return say(categoryKeys, c, t) }

// statusLabel names a comparison's status ("ok", "differs", …) in the
// language.
func statusLabel(s string, t lang.Tag) string { return say(statusKeys, s, t) }

// ruleOrCriterionIn writes a finding's rule and criterion for the report's
// column: award tiers by their names, eligibility conditions by what they
// require, criteria by their ids (I, 03), as score sheets number them; the
// audit's own words ("total", "ballot") and tie-break rules in the
// language (in English as JSON writes them).
func ruleOrCriterionIn(f Finding, p people, t lang.Tag) string {
	names := p.names
	rule, crit := f.Rule, f.Criterion
	words := criterionKeys
	switch {
	case f.Kind.Category() == "awards":
		rule = names.Tier(rule)
		if c, ok := p.conditions[f.Rule]; ok {
			rule = c
		}
	case f.Kind == KindTieBreakMismatch || f.Kind == KindTieBreakNotInChain:
		rule = t.Rule(names.Rule(rule))
	case f.Kind == KindIdentity:
		words = identityKeys
	case f.Kind == KindValue && rule == "ballot":
		rule, words = t.Say("report.rule.ballot"), ballotKeys
	case f.Kind == KindValue && rule == "votes":
		rule = t.Say("report.rule.votes")
	}
	return ruleOrCriterion(Finding{Rule: rule, Criterion: say(words, crit, t)})
}
