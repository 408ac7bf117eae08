package ranking_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

type genLeaf struct {
	id  string
	max decimal.Decimal
}

// genCase is a random rulebook of direct criteria with a random tie-break
// chain, eligibility and awards, and a random sheet for it.
type genCase struct {
	yaml   string
	leaves []genLeaf
	sheet  scoring.Sheet
	opts   []ranking.Option
}

// genRanked draws a case. tieHeavy draws values from {0, max/2, max} so that
// many members share totals; simple gives every criterion one unnamed
// cluster-stage value (no stages, no assessors).
func genRanked(r *rand.Rand, tieHeavy, simple bool) genCase {
	var g genCase
	var b strings.Builder
	var groups []string
	b.WriteString("criteria:\n")
	leaf := func(indent string) {
		id := fmt.Sprintf("c%d", len(g.leaves)+1)
		max := pick(r, "5", "10", "20")
		fmt.Fprintf(&b, "%s- {id: %s, name: Criterion %s, max: %s", indent, id, id, max)
		if w := pick(r, "", "", "2", "0.5"); w != "" {
			fmt.Fprintf(&b, ", weight: %s", w)
		}
		b.WriteString("}\n")
		g.leaves = append(g.leaves, genLeaf{id, d(max)})
	}
	for i := range 1 + r.IntN(3) {
		if r.IntN(2) == 0 {
			leaf("  ")
			continue
		}
		id := fmt.Sprintf("G%d", i)
		groups = append(groups, id)
		fmt.Fprintf(&b, "  - id: %s\n    name: Group %d\n    children:\n", id, i)
		for range 1 + r.IntN(3) {
			leaf("      ")
		}
	}
	b.WriteString("bonus:\n  items: [{id: bon, name: Bonus, points: 2, max: 4}]\n")
	b.WriteString("deductions:\n  items: [{id: ded, name: Deduction, points: 1}]\n")
	b.WriteString("facts: [{id: clean, name: Clean, default: true}]\n")
	fmt.Fprintf(&b, "eligibility:\n  - {id: clean, reason: Clean, fact: clean}\n  - {id: enough, reason: Enough, min_total: %d}\n", r.IntN(20))
	basis := pick(r, "total", "percent")
	fmt.Fprintf(&b, "rank_by: %s\n", basis)
	cands := []string{"fewer_deductions", "more_bonus", "more_votes", "no_award_last_year", "head_to_head", "{criterion: c1}", "{fewer: c1}", pick(r, "{league: reapply}", "{league: once}")}
	if basis == "total" {
		cands = append(cands, "percent")
	} else {
		cands = append(cands, "total")
	}
	for _, gid := range groups {
		cands = append(cands, "{group: "+gid+"}")
	}
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	chain := cands[:r.IntN(len(cands)+1)]
	if r.IntN(2) == 0 {
		chain = append(chain, "lots")
		if r.IntN(4) != 0 {
			g.opts = append(g.opts, ranking.WithSeed(r.Uint64()))
		}
	}
	fmt.Fprintf(&b, "tie_breaks: [%s]\n", strings.Join(chain, ", "))
	fmt.Fprintf(&b, "awards:\n  - {id: flag, name: Flag, count: %d, requires: [clean], if_ineligible: %s}\n", 1+r.IntN(2), pick(r, "none", "next_eligible"))
	b.WriteString("  - {id: merit, name: Merit, share: 1/3, requires: [enough]}\n")
	g.yaml = b.String()

	value := func(max decimal.Decimal) decimal.Decimal {
		if tieHeavy {
			return pick(r, decimal.Zero, max.Div(d("2")), max)
		}
		return decimal.NewFromInt(r.Int64N(max.IntPart()*2 + 1)).Div(d("2"))
	}
	sh := scoring.Sheet{Cluster: "Random", Year: 2024}
	n := 2 + r.IntN(9)
	for i := range n {
		id := fmt.Sprintf("M%02d", i)
		sh.Members = append(sh.Members, scoring.Member{ID: id, Name: "Member " + id})
		skip := -1
		if len(g.leaves) > 1 && r.IntN(6) == 0 {
			skip = r.IntN(len(g.leaves))
			sh.NotAssigned = append(sh.NotAssigned, scoring.Assignment{Member: id, Criterion: g.leaves[skip].id})
		}
		for j, l := range g.leaves {
			switch {
			case j == skip:
			case simple || r.IntN(3) != 0:
				sh.Scores = append(sh.Scores, cl(id, l.id, value(l.max).String()))
			case r.IntN(2) == 0:
				sh.Scores = append(sh.Scores, scoring.Entry{Member: id, Criterion: l.id, Stage: "self", Value: value(l.max)}, cl(id, l.id, value(l.max).String()))
			default:
				for _, who := range []string{"X", "Y", "Z"} {
					sh.Scores = append(sh.Scores, by(who, id, l.id, value(l.max).String()))
				}
			}
		}
		if r.IntN(3) == 0 {
			sh.Bonuses = append(sh.Bonuses, scoring.Occurrences{Member: id, Item: "bon", Count: r.IntN(3)})
		}
		if r.IntN(3) == 0 {
			sh.Deductions = append(sh.Deductions, scoring.Occurrences{Member: id, Item: "ded", Count: r.IntN(3)})
		}
		if r.IntN(5) == 0 {
			sh.Facts = append(sh.Facts, scoring.FactValue{Member: id, Fact: "clean", Value: r.IntN(2) == 0})
		}
		if r.IntN(3) == 0 {
			sh.History = append(sh.History, scoring.PastAward{Member: id, Year: pick(r, 2022, 2023), Award: pick(r, "flag", "merit")})
		}
	}
	sh.Ballot = &scoring.Ballot{}
	for _, m := range sh.Members {
		sh.Ballot.Votes = append(sh.Ballot.Votes, scoring.Vote{Member: m.ID, For: r.IntN(3)})
	}
	if r.IntN(3) == 0 {
		// a recorded draw of some members
		for _, i := range r.Perm(n)[:1+r.IntN(n)] {
			sh.Lots = append(sh.Lots, sh.Members[i].ID)
		}
	}
	if r.IntN(2) == 0 {
		sh.Matches = randomMatches(r, sh.Members) // else a league leaves ties unresolved
	}
	g.sheet = sh
	return g
}

func shuffleSheet(r *rand.Rand, sh scoring.Sheet) scoring.Sheet {
	out := sh
	out.Members = slices.Clone(sh.Members)
	r.Shuffle(len(out.Members), func(i, j int) { out.Members[i], out.Members[j] = out.Members[j], out.Members[i] })
	out.Scores = slices.Clone(sh.Scores)
	r.Shuffle(len(out.Scores), func(i, j int) { out.Scores[i], out.Scores[j] = out.Scores[j], out.Scores[i] })
	out.NotAssigned = slices.Clone(sh.NotAssigned)
	r.Shuffle(len(out.NotAssigned), func(i, j int) { out.NotAssigned[i], out.NotAssigned[j] = out.NotAssigned[j], out.NotAssigned[i] })
	out.Bonuses = slices.Clone(sh.Bonuses)
	r.Shuffle(len(out.Bonuses), func(i, j int) { out.Bonuses[i], out.Bonuses[j] = out.Bonuses[j], out.Bonuses[i] })
	out.Deductions = slices.Clone(sh.Deductions)
	r.Shuffle(len(out.Deductions), func(i, j int) { out.Deductions[i], out.Deductions[j] = out.Deductions[j], out.Deductions[i] })
	out.Facts = slices.Clone(sh.Facts)
	r.Shuffle(len(out.Facts), func(i, j int) { out.Facts[i], out.Facts[j] = out.Facts[j], out.Facts[i] })
	out.History = slices.Clone(sh.History)
	r.Shuffle(len(out.History), func(i, j int) { out.History[i], out.History[j] = out.History[j], out.History[i] })
	out.Matches = slices.Clone(sh.Matches)
	r.Shuffle(len(out.Matches), func(i, j int) { out.Matches[i], out.Matches[j] = out.Matches[j], out.Matches[i] })
	for i := range out.Matches {
		if r.IntN(2) == 0 {
			out.Matches[i] = out.Matches[i].Flipped() // the same result, from the other side
		}
	}
	if sh.Ballot != nil {
		bal := *sh.Ballot
		bal.Votes = slices.Clone(sh.Ballot.Votes)
		r.Shuffle(len(bal.Votes), func(i, j int) { bal.Votes[i], bal.Votes[j] = bal.Votes[j], bal.Votes[i] })
		out.Ballot = &bal
	}
	for i := range out.Scores {
		out.Scores[i].Source = scoring.Source{File: "shuffled.csv", Line: i + 2}
	}
	for i := range out.Members {
		out.Members[i].Source = scoring.Source{File: "members.csv", Line: i + 2}
	}
	return out
}

const propertyRuns = 400

// runs is n, or a tenth of it with -short.
func runs(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}

// (a) The order of the rows changes nothing: not the standings, not the
// sheet's hash.
func TestPropertyRowOrderDoesNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for run := range runs(250) {
		g := genRanked(r, run%2 == 0, false)
		rb := mustRulebook(t, g.yaml)
		want, err := ranking.Rank(rb, g.sheet, g.opts...)
		require.NoError(t, err, "run %d:\n%s", run, g.yaml)
		for range 2 {
			sh := shuffleSheet(r, g.sheet)
			require.Equal(t, g.sheet.Hash(), sh.Hash(), "run %d", run)
			got, err := ranking.Rank(rb, sh, g.opts...)
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
				t.Fatalf("run %d: standings depend on row order (-first +shuffled):\n%s\nrulebook:\n%s", run, diff, g.yaml)
			}
		}
	}
}

// (b) Raising one member's points on one criterion never lowers its rank.
func TestPropertyMorePointsNeverRankLower(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	checked := 0
	for run := range runs(propertyRuns) {
		g := genRanked(r, run%2 == 0, true)
		rb := mustRulebook(t, g.yaml)
		before := mustRank(t, rb, g.sheet, g.opts...)
		// raise one value that is below its maximum
		var below []int
		for i, e := range g.sheet.Scores {
			n, _ := rb.Node(e.Criterion)
			if e.Value.LessThan(n.Max) {
				below = append(below, i)
			}
		}
		if len(below) == 0 {
			continue
		}
		i := pick(r, below...)
		sh := g.sheet
		sh.Scores = slices.Clone(sh.Scores)
		e := sh.Scores[i]
		n, _ := rb.Node(e.Criterion)
		room := n.Max.Sub(e.Value)
		sh.Scores[i].Value = e.Value.Add(pick(r, room, room.Div(d("2")), d("0.5"), d("1"))).Round(2)
		if sh.Scores[i].Value.GreaterThan(n.Max) {
			sh.Scores[i].Value = n.Max
		}
		after := mustRank(t, rb, sh, g.opts...)
		was, is := row(t, before, e.Member).Rank, row(t, after, e.Member).Rank
		if is > was {
			t.Fatalf("run %d: raising %s's %s from %s to %s moved it from rank %d to %d\nbefore: %v\nafter:  %v\nrulebook:\n%s",
				run, e.Member, e.Criterion, e.Value, sh.Scores[i].Value, was, is, order(before), order(after), g.yaml)
		}
		checked++
	}
	require.Greater(t, checked, runs(propertyRuns)/2)
}

// (d) Ranks never decrease down the rows; tied rows share a rank, and a row
// after a decided pair has its position as rank.
func TestPropertyRanksAreConsistent(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	sawTie := 0
	for run := range runs(propertyRuns) {
		g := genRanked(r, run%3 != 0, false)
		rb := mustRulebook(t, g.yaml)
		st := mustRank(t, rb, g.sheet, g.opts...)
		require.Len(t, st.Rows, len(g.sheet.Members))
		checkRanks(t, st, fmt.Sprintf("run %d", run))
		checkAwards(t, rb, st, fmt.Sprintf("run %d", run))
		if len(st.Ties) > 0 {
			sawTie++
		}
	}
	require.Greater(t, sawTie, runs(propertyRuns)/10, "the generator should produce unresolved ties")
}

func checkRanks(t *testing.T, st *ranking.Standings, where string) {
	t.Helper()
	tiedIn := map[string]int{} // member → rank of its tie
	for _, tie := range st.Ties {
		require.True(t, slices.IsSorted(tie.Members), "%s: tie members not listed by id: %v", where, tie.Members)
		require.GreaterOrEqual(t, len(tie.Members), 2, where)
		for _, m := range tie.Members {
			tiedIn[m] = tie.Rank
		}
	}
	for i, row := range st.Rows {
		rank, ok := tiedIn[row.Member.ID]
		require.Equal(t, ok, row.Tied, "%s: %s Tied=%v but in Ties=%v", where, row.Member.ID, row.Tied, ok)
		if ok {
			require.Equal(t, rank, row.Rank, "%s: %s", where, row.Member.ID)
		}
		if i == 0 {
			require.Equal(t, 1, row.Rank, where)
			require.Nil(t, row.DecidedBy, where)
			continue
		}
		prev := st.Rows[i-1]
		require.NotNil(t, row.DecidedBy, where)
		require.GreaterOrEqual(t, row.Rank, prev.Rank, "%s: ranks decrease at row %d", where, i)
		require.True(t, row.Basis.LessThanOrEqual(prev.Basis), "%s: %s (%s) below %s (%s)", where, row.Member.ID, row.Basis, prev.Member.ID, prev.Basis)
		if row.DecidedBy.Unresolved {
			require.Equal(t, prev.Rank, row.Rank, "%s: tied rows %d and %d have different ranks", where, i-1, i)
			require.True(t, row.Tied && prev.Tied, where)
			require.True(t, row.Basis.Equal(prev.Basis), where)
			require.Equal(t, "unresolved", row.DecidedBy.Rule, where)
		} else {
			require.Equal(t, i+1, row.Rank, "%s: row %d after a decided pair", where, i)
			require.NotEqual(t, row.DecidedBy.UpperValue.In(lang.English), row.DecidedBy.LowerValue.In(lang.English), "%s: a rule decided between equal values", where)
		}
	}
}

// checkAwards: one award per member, quotas respected, proposed members
// eligible and in rank order, blocked tiers empty after a pending one.
func checkAwards(t *testing.T, rb *rules.Rulebook, st *ranking.Standings, where string) {
	t.Helper()
	pos := map[string]int{}
	for i, row := range st.Rows {
		pos[row.Member.ID] = i
		require.LessOrEqual(t, len(row.Awards), 1, "%s: %s has %v", where, row.Member.ID, row.Awards)
	}
	tiers := rb.Awards()
	pending := false
	for i, a := range st.Awards {
		require.Equal(t, tiers[i].ID, a.Tier, where)
		if pending {
			require.False(t, a.Blocked.IsZero(), "%s: tier %s after a pending tier", where, a.Tier)
			require.Empty(t, a.Proposed, where)
			continue
		}
		require.LessOrEqual(t, len(a.Proposed)+len(a.Forfeited), a.Quota, "%s: tier %s over quota", where, a.Tier)
		require.True(t, slices.IsSortedFunc(a.Proposed, func(x, y string) int { return pos[x] - pos[y] }), "%s: %v not in rank order", where, a.Proposed)
		for _, m := range a.Proposed {
			row, _ := st.Row(m)
			require.Equal(t, []string{a.Tier}, row.Awards, where)
			for _, f := range row.Failed {
				require.NotContains(t, tiers[i].Requires, f.Condition, "%s: %s proposed for %s but fails %s", where, m, a.Tier, f.Condition)
			}
		}
		if a.Pending != nil {
			pending = true
			require.Greater(t, len(a.Pending.Candidates), a.Pending.Places, where)
		} else if len(a.Proposed)+len(a.Forfeited) < a.Quota {
			// places left over: every member not yet awarded was ineligible
			for _, row := range st.Rows {
				if len(row.Awards) == 0 {
					failsTier := false
					for _, f := range row.Failed {
						failsTier = failsTier || slices.Contains(tiers[i].Requires, f.Condition)
					}
					forfeited := slices.ContainsFunc(a.Forfeited, func(s ranking.Skip) bool { return s.Member == row.Member.ID })
					if !forfeited && !failsTier && !wasForfeitedEarlier(st, i, row.Member.ID) {
						t.Fatalf("%s: tier %s has places left but eligible %s got nothing", where, a.Tier, row.Member.ID)
					}
				}
			}
		}
	}
}

func wasForfeitedEarlier(st *ranking.Standings, tier int, member string) bool {
	for _, a := range st.Awards[:tier] {
		if slices.ContainsFunc(a.Forfeited, func(s ranking.Skip) bool { return s.Member == member }) {
			return true
		}
	}
	return false
}

// Every row's DecidedBy names the row above it and the row itself.
func TestPropertyDecidedByNamesTheRowAbove(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for run := range runs(propertyRuns) {
		g := genRanked(r, true, false)
		st := mustRank(t, mustRulebook(t, g.yaml), g.sheet, g.opts...)
		for i, row := range st.Rows[1:] {
			require.Equal(t, st.Rows[i].Member.ID, row.DecidedBy.Upper, "run %d, row %d\n%s", run, i+1, g.yaml)
			require.Equal(t, row.Member.ID, row.DecidedBy.Lower, "run %d, row %d\n%s", run, i+1, g.yaml)
		}
	}
}

// Rank leaves the sheet it is given as it was, and RankScorecards on the
// scorecards of Score gives the same standings as Rank.
func TestPropertyRankDoesNotChangeTheSheet(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	for run := range 100 {
		g := genRanked(r, run%2 == 0, false)
		rb := mustRulebook(t, g.yaml)
		sh := shuffleSheet(r, g.sheet)
		keep := cloneSheet(sh)
		st := mustRank(t, rb, sh, g.opts...)
		if diff := cmp.Diff(keep, sh, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) && a.Exponent() == b.Exponent() })); diff != "" {
			t.Fatalf("run %d: Rank changed the sheet:\n%s", run, diff)
		}
		cards, err := scoring.Score(rb, sh)
		require.NoError(t, err)
		if diff := cmp.Diff(st, ranking.RankScorecards(rb, sh, cards, g.opts...), cmpOpts); diff != "" {
			t.Fatalf("run %d: RankScorecards differs from Rank:\n%s", run, diff)
		}
	}
}

// cloneSheet copies every list of a sheet, keeping the order.
func cloneSheet(sh scoring.Sheet) scoring.Sheet {
	out := sh
	out.Members, out.Scores, out.Targets = slices.Clone(sh.Members), slices.Clone(sh.Scores), slices.Clone(sh.Targets)
	out.NotAssigned, out.Bonuses, out.Deductions = slices.Clone(sh.NotAssigned), slices.Clone(sh.Bonuses), slices.Clone(sh.Deductions)
	out.Facts, out.History, out.Lots = slices.Clone(sh.Facts), slices.Clone(sh.History), slices.Clone(sh.Lots)
	out.Matches = slices.Clone(sh.Matches)
	if sh.Ballot != nil {
		b := *sh.Ballot
		b.Votes = slices.Clone(sh.Ballot.Votes)
		out.Ballot = &b
	}
	return out
}
