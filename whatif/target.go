package whatif

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
)

// Target is what a member is to reach: a rank (hạng), an award tier
// (danh hiệu, hình thức khen thưởng) or a grading band (mức xếp loại).
// Exactly one of the fields is set; build one with RankTarget,
// AwardTarget or GradeTarget.
//
// A rank k is reached when the member is certainly among the first k: its
// rank is k or better and, if it shares an unresolved tie, the whole tie
// lies within the first k places. Places are counted, whatever the
// rulebook's rank convention: under dense ranks (1, 1, 2) the member
// ranked 2 after a shared first rank is third, and reaches rank 3. An award tier is reached when the member
// is proposed for that tier or for one that precedes it in the rulebook (a
// member proposed for the flag has more than a Bằng khen). A pending award
// (an unresolved tie for its last place) is not reached. A grading band is
// reached when the member is graded in that band or a higher one ("what
// must we score to be graded Hoàn thành xuất sắc?"); a band has no places,
// so the other members do not matter to it.
type Target struct {
	Rank  int    `json:"rank,omitempty"`
	Award string `json:"award,omitempty"`
	Grade string `json:"grade,omitempty"`
}

// RankTarget is the target "rank k or better".
func RankTarget(k int) Target { return Target{Rank: k} }

// AwardTarget is the target "proposed for the tier, or a higher one".
func AwardTarget(tier string) Target { return Target{Award: tier} }

// GradeTarget is the target "graded in the band (xếp loại), or a higher
// one".
func GradeTarget(grade string) Target { return Target{Grade: grade} }

// String reads like "rank 2", "award merit" or "grade xuat_sac".
func (t Target) String() string {
	if t.Award != "" {
		return "award " + t.Award
	}
	if t.Grade != "" {
		return "grade " + t.Grade
	}
	return fmt.Sprintf("rank %d", t.Rank)
}

// check validates the target against the rulebook and the cluster size and
// returns the award tier's position (-1 for a rank target).
func (t Target) check(rb *rules.Rulebook, members int) (int, error) {
	switch {
	case t.Award != "" && t.Rank != 0, t.Grade != "" && (t.Award != "" || t.Rank != 0):
		return -1, newError(ErrBadTarget, "", "", t.String(), lang.Msg("whatif.err.target.both"))
	case t.Grade != "":
		return -1, t.checkGrade(rb)
	case t.Award != "":
		for i, a := range rb.Awards() {
			if a.ID == t.Award {
				return i, upperBounds(rb, rb.Awards()[:i+1])
			}
		}
		var ids []string
		for _, a := range rb.Awards() {
			ids = append(ids, a.ID)
		}
		return -1, newError(ErrBadTarget, "", "", t.Award, lang.Msg("whatif.err.target.tier", strconv.Quote(t.Award), rb.ID(), strings.Join(ids, ", ")))
	case t.Rank < 1 || t.Rank > members:
		return -1, newError(ErrBadTarget, "", "", fmt.Sprint(t.Rank), lang.Msg("whatif.err.target.rank", members))
	}
	return -1, nil
}

// reached reports whether the member meets the target in the standings.
func reached(st *ranking.Standings, member string, t Target, rb *rules.Rulebook) bool {
	row, ok := st.Row(member)
	if !ok {
		return false
	}
	if t.Award != "" {
		for _, a := range rb.Awards() {
			if slices.Contains(row.Awards, a.ID) {
				return true
			}
			if a.ID == t.Award {
				return false
			}
		}
		return false
	}
	if t.Grade != "" {
		return gradeReached(rb, row.Grade, t.Grade)
	}
	// the last place the member's rank covers (a tie's, in an order not
	// yet decided), counted whatever the rank convention numbers it
	last := 0
	for i, r := range st.Rows {
		if r.Rank == row.Rank {
			last = i + 1
		}
	}
	return last <= t.Rank
}

// Position is a member's place in one set of standings.
type Position struct {
	Rank      int               `json:"rank"`
	Tied      bool              `json:"tied,omitempty"`
	Total     decimal.Decimal   `json:"total"`
	Percent   decimal.Decimal   `json:"percent"`
	Basis     decimal.Decimal   `json:"basis"`
	Awards    []string          `json:"awards"`
	Grade     string            `json:"grade,omitempty"` // the grading band (xếp loại), if the rulebook grades and the member meets one
	Failed    []string          `json:"failed_eligibility,omitempty"`
	DecidedBy *ranking.Decision `json:"decided_by,omitempty"`
	Pending   []string          `json:"pending,omitempty"` // tiers whose last places wait for a tie the member is in
}

func position(st *ranking.Standings, member string) Position {
	row, _ := st.Row(member)
	p := Position{Rank: row.Rank, Tied: row.Tied, Total: row.Total, Percent: row.Percent, Basis: row.Basis, Awards: slices.Clone(row.Awards), Grade: row.Grade}
	for _, f := range row.Failed {
		p.Failed = append(p.Failed, f.Condition)
	}
	if row.DecidedBy != nil {
		d := *row.DecidedBy
		p.DecidedBy = &d
	}
	for _, a := range st.Awards {
		if a.Pending != nil && slices.Contains(a.Pending.Candidates, member) {
			p.Pending = append(p.Pending, a.Tier)
		}
	}
	return p
}

// upperBounds refuses award tiers (the target and those before it, which
// also meet it) that require a condition with an upper bound, directly or
// through the grading band they require: the search raises scores, and a
// higher total could lose such an award, so its answer would not be the
// least gain.
func upperBounds(rb *rules.Rulebook, tiers []rules.AwardTier) error {
	for _, t := range tiers {
		ids := slices.Clone(t.Requires)
		for _, g := range rb.GradesDownTo(t.MinGrade) {
			ids = append(ids, g.Requires...)
		}
		if c, ok := rb.FirstUpperBound(ids); ok {
			return newError(ErrUnsupported, "", "", t.ID, lang.Msg("whatif.err.target.upper_bound", c.Reason))
		}
	}
	return nil
}
