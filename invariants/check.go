package invariants

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/ranking"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/scoring"
)

// DefaultN is the number of random sheets Check draws when Options.N is
// zero.
const DefaultN = 200

// DefaultMaxMembers is the largest cluster Check draws when
// Options.MaxMembers is zero.
const DefaultMaxMembers = 8

// Options sets a check.
type Options struct {
	// N is the number of random sheets (default DefaultN); each is tested
	// for every property.
	N int
	// Seed makes the check reproducible: the same seed, rulebook and
	// options give the same report.
	Seed uint64
	// Around is a sheet to check and to draw sheets near (half of them):
	// it must be valid under the rulebook.
	Around *scoring.Sheet
	// MaxMembers is the largest random cluster (default
	// DefaultMaxMembers, at least 2).
	MaxMembers int
}

// scales are the factors scale_weights multiplies the weights by.
var scales = []int64{2, 3}

// shrinkBudget bounds the sheets tried while shrinking one violation.
const shrinkBudget = 1500

// witness is a change of a sheet that a property compares it with.
type witness struct {
	seed      uint64 // row_order: the shuffle
	member    string // monotone: the member raised; remove_ineligible: the member removed
	criterion string
	stage     string
	assessor  string
	value     decimal.Decimal // monotone: the raised value
	scale     int64           // scale_weights
}

// world is a rulebook to judge in, with the scaled rulebooks for
// scale_weights and a change applied to both sheets compared (freezing
// criteria scored relative to the cluster).
type world struct {
	rb     *rules.Rulebook
	scaled map[int64]*rules.Rulebook
	fix    func(base, changed scoring.Sheet) (scoring.Sheet, scoring.Sheet, bool)
}

type checker struct {
	ctx   context.Context
	prof  *profile
	main  world
	opts  []ranking.Option
	known map[Property][]Reason
	// reached records the award tiers proposed on some sheet
	reached map[string]bool
}

// Check tests every property on opts.N random sheets (and around
// opts.Around) and returns the report. It stops early, with a partial
// report, when ctx ends.
func Check(ctx context.Context, rb *rules.Rulebook, opts Options) Report {
	if opts.N <= 0 {
		opts.N = DefaultN
	}
	if opts.MaxMembers < 2 {
		opts.MaxMembers = DefaultMaxMembers
	}
	c := &checker{ctx: ctx, prof: newProfile(rb), reached: map[string]bool{},
		opts: []ranking.Option{ranking.WithoutTrace(), ranking.WithSeed(opts.Seed)}}
	c.main = world{rb: rb, scaled: map[int64]*rules.Rulebook{}}
	c.known = knownReasons(rb)
	rep := Report{Schema: Schema, Rulebook: ref(rb), Seed: opts.Seed, N: opts.N}
	results := map[Property]*Result{}
	for _, p := range Properties {
		results[p] = &Result{Property: p, Status: Held, Statement: p.Statement(), Known: c.known[p]}
	}
	var scaleErr error
	for _, k := range scales {
		s, err := scaledRulebook(rb.Spec(), k)
		if err != nil {
			scaleErr = err
			break
		}
		c.main.scaled[k] = s
	}
	if scaleErr != nil {
		results[ScaleWeights].Status = NotApplicable
		results[ScaleWeights].Note = lang.Msg("invariants.note.scale_invalid", firstLine(scaleErr.Error()))
	}
	var around *scoring.Sheet
	if opts.Around != nil {
		if _, err := ranking.Rank(rb, *opts.Around, c.opts...); err == nil {
			around = opts.Around
			rep.Around = around.Hash()
		} else {
			for _, p := range Properties {
				results[p].Note = lang.Msg("invariants.note.around_invalid")
			}
		}
	}
	r := rand.New(rand.NewPCG(opts.Seed, 0x7468696475610001))
	ineligibleSeen, bottomSeen := false, false
	for i := range opts.N {
		if ctx.Err() != nil {
			rep.Partial = true
			break
		}
		var sh scoring.Sheet
		switch {
		case around != nil && i == 0:
			sh = cloneSheet(*around)
		case around != nil && i%2 == 1:
			sh = c.prof.perturb(r, *around)
		default:
			sh = c.prof.gen(r, 2+r.IntN(opts.MaxMembers-1), []int{spread, tieHeavy, favourable, tieHeavy}[i%4])
		}
		base, err := ranking.Rank(rb, sh, c.opts...)
		if err != nil {
			continue // a perturbed sheet may be refused (e.g. a floor): not a case
		}
		for _, row := range base.Rows {
			for _, a := range row.Awards {
				c.reached[a] = true
			}
		}
		tries := 1
		if i == 0 && around != nil {
			tries = 10
		}
		for _, p := range []Property{RowOrder, Monotone, RemoveIneligible, AddBottom, ScaleWeights} {
			res := results[p]
			if res.Status == NotApplicable && p == ScaleWeights {
				continue
			}
			n := tries
			if p == RemoveIneligible || p == Monotone {
				n = max(tries, 3)
			}
			for range n {
				w, ok := c.draw(p, r, sh, base)
				if !ok {
					continue
				}
				res.Checked++
				switch p {
				case RemoveIneligible:
					ineligibleSeen = true
				case AddBottom:
					bottomSeen = true
				}
				if res.Counterexample != nil && res.Status == Violated {
					continue // one unexplained counter-example is enough
				}
				msg, bad := c.try(c.main, p, sh, w)
				if !bad {
					continue
				}
				explained := c.explained(p, sh, w)
				if res.Counterexample != nil && (len(explained) > 0 || res.Status == Violated) {
					continue // keep the first of a kind
				}
				ce := c.shrink(p, sh, w, msg, len(explained) > 0)
				ce.Explained = explained
				res.Counterexample = ce
				res.Status = Violated
				if len(explained) > 0 {
					res.Status = Expected
				}
			}
		}
	}
	if !ineligibleSeen && results[RemoveIneligible].Status == Held {
		results[RemoveIneligible].Status = NotApplicable
		results[RemoveIneligible].Note = lang.Msg("invariants.note.no_ineligible")
	}
	if !bottomSeen && results[AddBottom].Status == Held {
		results[AddBottom].Status = NotApplicable
		results[AddBottom].Note = lang.Msg("invariants.note.no_bottom")
	}
	c.reachable(r, opts, results[AwardReachable])
	for _, p := range Properties {
		rep.Results = append(rep.Results, *results[p])
	}
	return rep
}

func ref(rb *rules.Rulebook) ranking.RulebookRef {
	r := ranking.RulebookRef{ID: rb.ID(), Version: rb.Version(), Title: rb.Title(), Hash: rb.Hash()}
	if p := rb.InForce(); !p.From.IsZero() || !p.To.IsZero() {
		r.InForce = p.String()
	}
	return r
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// draw picks a change of the sheet for the property; ok is false if the
// sheet offers none (no score can rise, nobody is ineligible, …).
func (c *checker) draw(p Property, r *rand.Rand, sh scoring.Sheet, base *ranking.Standings) (witness, bool) {
	switch p {
	case RowOrder:
		return witness{seed: r.Uint64()}, true
	case Monotone:
		// a score rises when its value does, or, for a criterion where
		// less is better (fewer), when its value falls
		var room []int
		for i, e := range sh.Scores {
			if k, ok := c.prof.byID[e.Criterion]; ok {
				s := c.prof.leaves[k]
				if at := s.index(e.Value); s.falling && at > 0 || !s.falling && at < s.steps {
					room = append(room, i)
				}
			}
		}
		if len(room) == 0 {
			return witness{}, false
		}
		e := sh.Scores[room[r.IntN(len(room))]]
		s := c.prof.leaves[c.prof.byID[e.Criterion]]
		k := s.index(e.Value)
		var v decimal.Decimal
		if s.falling {
			v = s.at(k - 1 - int64(r.IntN(int(k))))
		} else {
			v = s.at(k + 1 + int64(r.IntN(int(s.steps-k))))
		}
		return witness{member: e.Member, criterion: e.Criterion, stage: e.Stage, assessor: e.Assessor, value: v}, true
	case RemoveIneligible:
		var cand []string
		for _, row := range base.Rows {
			if ineligible(c.prof.tiers, row) && !pending(base, row.Member.ID) {
				cand = append(cand, row.Member.ID)
			}
		}
		if len(cand) == 0 || len(sh.Members) < 2 {
			return witness{}, false
		}
		return witness{member: cand[r.IntN(len(cand))]}, true
	case AddBottom:
		changed := c.withBottom(sh)
		st, err := ranking.Rank(c.main.rb, changed, c.opts...)
		if err != nil || !atBottom(st, newcomer(sh)) {
			return witness{}, false
		}
		return witness{}, true
	case ScaleWeights:
		return witness{scale: scales[r.IntN(len(scales))]}, true
	}
	return witness{}, false
}

// ineligible reports whether a member fails a condition of every award
// tier and has no award (a tier without conditions makes nobody
// ineligible).
func ineligible(tiers []rules.AwardTier, row ranking.Row) bool {
	if len(tiers) == 0 || len(row.Awards) > 0 {
		return false
	}
	for _, t := range tiers {
		fails := false
		for _, f := range row.Failed {
			fails = fails || slices.Contains(t.Requires, f.Condition)
		}
		if !fails {
			return false
		}
	}
	return true
}

func pending(st *ranking.Standings, id string) bool {
	for _, a := range st.Awards {
		if a.Pending != nil && slices.Contains(a.Pending.Candidates, id) {
			return true
		}
	}
	return false
}

// newcomer is an id for a member added to the sheet.
func newcomer(sh scoring.Sheet) string {
	id := "MOI"
	for i := 2; slices.ContainsFunc(sh.Members, func(m scoring.Member) bool { return m.ID == id }); i++ {
		id = "MOI" + decimal.NewFromInt(int64(i)).String()
	}
	return id
}

// withBottom adds a member with the lowest value of every criterion, no
// bonus, false facts and no votes; it takes part in the ballot (abstaining).
func (c *checker) withBottom(sh scoring.Sheet) scoring.Sheet {
	out := cloneSheet(sh)
	id := newcomer(sh)
	out.Members = append(out.Members, scoring.Member{ID: id, Name: "Đơn vị mới"})
	for _, s := range c.prof.leaves {
		out.Scores = append(out.Scores, scoring.Entry{Member: id, Criterion: s.id, Stage: c.prof.stage, Value: s.lo})
		if !s.target.IsZero() {
			out.Targets = append(out.Targets, scoring.Target{Member: id, Criterion: s.id, Value: s.target})
		}
	}
	for _, f := range c.prof.facts {
		out.Facts = append(out.Facts, scoring.FactValue{Member: id, Fact: f.ID, Value: false})
	}
	if b := out.Ballot; b != nil {
		if b.Entitled > 0 {
			b.Entitled++
		}
		if b.Present > 0 {
			b.Present++
		}
	}
	// Named ballots (one per band or tier) were held among the members
	// put to each vote: the newcomer was not, and the base is the members
	// entitled then.
	for i := range out.Ballots {
		if b := &out.Ballots[i]; b.Entitled == 0 {
			b.Entitled = len(sh.Members)
		}
	}
	return out
}

// atBottom reports whether the member is last, strictly below the others
// by the ranking basis.
func atBottom(st *ranking.Standings, id string) bool {
	n := len(st.Rows)
	if n < 2 || st.Rows[n-1].Member.ID != id || st.Rows[n-1].Tied {
		return false
	}
	return st.Rows[n-1].Basis.LessThan(st.Rows[n-2].Basis)
}

// changed applies the witness to the sheet.
func (c *checker) changed(p Property, sh scoring.Sheet, w witness) (scoring.Sheet, bool) {
	switch p {
	case RowOrder:
		return shuffled(rand.New(rand.NewPCG(w.seed, 1)), sh), true
	case Monotone:
		out := cloneSheet(sh)
		for i, e := range out.Scores {
			if e.Member == w.member && e.Criterion == w.criterion && e.Stage == w.stage && e.Assessor == w.assessor {
				if !e.Value.LessThan(w.value) {
					return out, false
				}
				out.Scores[i].Value = w.value
				return out, true
			}
		}
		return out, false
	case RemoveIneligible:
		if !slices.ContainsFunc(sh.Members, func(m scoring.Member) bool { return m.ID == w.member }) {
			return sh, false
		}
		return without(sh, w.member, true), true
	case AddBottom:
		return c.withBottom(sh), true
	}
	return sh, true // scale_weights: the same sheet under the scaled rulebook
}

// try applies the witness and compares: msg states the violation if bad.
func (c *checker) try(wd world, p Property, sh scoring.Sheet, w witness) (msg lang.Message, bad bool) {
	ch, ok := c.changed(p, sh, w)
	if !ok {
		return msg, false
	}
	base := sh
	if wd.fix != nil {
		if base, ch, ok = wd.fix(sh, ch); !ok {
			return msg, false
		}
	}
	rbChanged := wd.rb
	if p == ScaleWeights {
		if rbChanged = wd.scaled[w.scale]; rbChanged == nil {
			return msg, false
		}
	}
	a, err := ranking.Rank(wd.rb, base, c.opts...)
	if err != nil {
		return msg, false
	}
	b, err := ranking.Rank(rbChanged, ch, c.opts...)
	if err != nil {
		return msg, false
	}
	switch p {
	case RowOrder:
		if d, ok := differ(a, b, nil, true, true); ok {
			return lang.Msg("invariants.found.row_order").With(d), true
		}
	case Monotone:
		return c.monotone(a, b, w)
	case RemoveIneligible:
		if !c.stillIneligible(a, w.member) {
			return msg, false
		}
		if d, ok := differ(a, b, others(a, w.member), false, false); ok {
			return lang.Msg("invariants.found.remove", w.member).With(d), true
		}
	case AddBottom:
		id := newcomer(sh)
		if !atBottom(b, id) {
			return msg, false
		}
		if d, ok := differ(a, b, others(a, ""), true, true); ok {
			return lang.Msg("invariants.found.add", id).With(d), true
		}
	case ScaleWeights:
		if d, ok := differ(a, b, nil, false, false); ok {
			return lang.Msg("invariants.found.scale", w.scale).With(d), true
		}
	}
	return msg, false
}

func (c *checker) stillIneligible(st *ranking.Standings, id string) bool {
	row, ok := st.Row(id)
	return ok && ineligible(c.prof.tiers, row) && !pending(st, id)
}

func others(st *ranking.Standings, except string) []string {
	var ids []string
	for _, r := range st.Rows {
		if r.Member.ID != except {
			ids = append(ids, r.Member.ID)
		}
	}
	return ids
}

// tierPos is the precedence of a member's award: its tier's position, or
// the number of tiers for none.
func (c *checker) tierPos(st *ranking.Standings, id string) int {
	row, _ := st.Row(id)
	for i, t := range c.prof.tiers {
		if slices.Contains(row.Awards, t.ID) {
			return i
		}
	}
	return len(c.prof.tiers)
}

func (c *checker) monotone(a, b *ranking.Standings, w witness) (lang.Message, bool) {
	ra, _ := a.Row(w.member)
	rb, _ := b.Row(w.member)
	if rb.Rank > ra.Rank {
		return lang.Msg("invariants.found.monotone_rank", w.member, w.criterion, w.value, ra.Rank, rb.Rank), true
	}
	if pa, pb := c.tierPos(a, w.member), c.tierPos(b, w.member); pb > pa && !pending(b, w.member) {
		return lang.Msg("invariants.found.monotone_award", w.member, w.criterion, w.value).With(awardMsg(a, w.member), awardMsg(b, w.member)), true
	}
	return lang.Message{}, false
}

func awardMsg(st *ranking.Standings, id string) lang.Message {
	row, _ := st.Row(id)
	if len(row.Awards) > 0 {
		for _, a := range st.Awards {
			if a.Tier == row.Awards[0] {
				return lang.Msg("invariants.award.tier", a.Name)
			}
		}
	}
	for _, a := range st.Awards {
		if a.Pending != nil && slices.Contains(a.Pending.Candidates, id) {
			return lang.Msg("invariants.award.pending", a.Name)
		}
	}
	return lang.Msg("invariants.award.none")
}

// differ compares two standings over the members ids (all of a's if nil):
// their order and which of them share a rank, their awards, and if asked their ranks
// and totals. It states the first difference.
func differ(a, b *ranking.Standings, ids []string, ranks, totals bool) (lang.Message, bool) {
	if ids == nil {
		ids = others(a, "")
	}
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	filter := func(st *ranking.Standings) []ranking.Row {
		var out []ranking.Row
		for _, r := range st.Rows {
			if keep[r.Member.ID] {
				out = append(out, r)
			}
		}
		return out
	}
	fa, fb := filter(a), filter(b)
	if len(fa) != len(fb) {
		return lang.Message{}, false
	}
	for i := range fa {
		x, y := fa[i], fb[i]
		if x.Member.ID != y.Member.ID {
			return lang.Msg("invariants.diff.order", x.Member.ID, y.Member.ID), true
		}
		if i > 0 {
			ta, tb := fa[i-1].Rank == x.Rank, fb[i-1].Rank == y.Rank
			if ta != tb {
				return lang.Msg("invariants.diff.tie", fa[i-1].Member.ID, x.Member.ID).With(tieMsg(ta, x.Unresolved), tieMsg(tb, y.Unresolved)), true
			}
		}
		if ranks && x.Rank != y.Rank {
			return lang.Msg("invariants.diff.rank", x.Member.ID, x.Rank, y.Rank), true
		}
		if totals && !x.Total.Equal(y.Total) {
			return lang.Msg("invariants.diff.total", x.Member.ID, x.Total, y.Total), true
		}
		ma, mb := awardMsg(a, x.Member.ID), awardMsg(b, y.Member.ID)
		if ma.Key != mb.Key || !slices.Equal(ma.Args, mb.Args) {
			return lang.Msg("invariants.diff.award", x.Member.ID).With(ma, mb), true
		}
	}
	return lang.Message{}, false
}

// tieMsg says whether two members are tied: in a tie that decides an
// award (bằng điểm chưa phân định), sharing a rank quietly (đồng hạng), or
// separated.
func tieMsg(tied, unresolved bool) lang.Message {
	switch {
	case tied && unresolved:
		return lang.Msg("invariants.tie.yes")
	case tied:
		return lang.Msg("invariants.tie.shared")
	}
	return lang.Msg("invariants.tie.no")
}

// reachable checks that every award tier is proposed on some sheet: those
// no random sheet reached are tried on favourable sheets of every size up
// to the one where the tier has a place.
func (c *checker) reachable(r *rand.Rand, opts Options, res *Result) {
	if len(c.prof.tiers) == 0 {
		res.Status = NotApplicable
		res.Note = lang.Msg("invariants.note.no_awards")
		return
	}
	res.Checked = len(c.prof.tiers)
	var missing []string
	for _, t := range c.prof.tiers {
		if c.reached[t.ID] {
			continue
		}
		most := opts.MaxMembers
		for most < 60 && ranking.Quota(t, most) == 0 {
			most++
		}
		found := false
		for i := 0; i < opts.N && !found && c.ctx.Err() == nil; i++ {
			sh := c.prof.gen(r, 2+i%(most-1), favourable)
			st, err := ranking.Rank(c.main.rb, sh, c.opts...)
			if err != nil {
				continue
			}
			found = len(st.Proposed(t.ID)) > 0
		}
		if !found {
			missing = append(missing, t.ID)
		}
	}
	if len(missing) > 0 {
		res.Status = Violated
		res.Counterexample = nil
		res.Note = lang.Msg("invariants.found.unreachable", strings.Join(missing, ", "), 2*opts.N)
	}
}
