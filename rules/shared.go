package rules

import "sync"

// This file is the engine's view of a rulebook: accessors that return the
// rulebook's own values instead of copies, and a memo for what an engine
// derives from a rulebook once (see Memo).
//
// The other accessors copy every slice and pointer they return, so that
// nothing a caller does can change a rulebook; that costs an allocation or
// more per call, which the engine (packages scoring, ranking and the
// internal packages that rank or simulate) cannot afford in its loops over
// thousands of members. What a Shared… accessor returns is shared: it must
// not be modified, nor any slice, map or pointer reached from it, and it
// must not be handed on to code that might. Code outside the engine should
// use the copying accessors.

// SharedNodes returns every criterion and group in pre-order, as Nodes
// does, but without copying: the slice, and each node's Kids and Tiers,
// are the rulebook's own. Shared: it must not be modified.
func (r *Rulebook) SharedNodes() []Node { return r.nodes[:len(r.nodes):len(r.nodes)] }

// NodeIndex returns the index in Nodes of the criterion or group with the
// given id, without copying the node.
func (r *Rulebook) NodeIndex(id string) (int, bool) {
	i, ok := r.byID[id]
	return i, ok
}

// SharedRoots returns the indices of the top-level nodes, as Roots does,
// without copying. Shared: it must not be modified.
func (r *Rulebook) SharedRoots() []int { return r.roots[:len(r.roots):len(r.roots)] }

// SharedRounding returns the rounding policy, as Rounding does, but its
// pointers are the rulebook's own. Shared: what they point to must not be
// modified.
func (r *Rulebook) SharedRounding() RoundingPolicy { return r.spec.Rounding }

// SharedAssessment returns the assessment policy, as Assessment does, but
// its Stages are the rulebook's own. Shared: they must not be modified.
func (r *Rulebook) SharedAssessment() Assessment { return r.spec.Assessment }

// SharedBonus returns the bonus policy, as Bonus does, but its Items are
// the rulebook's own. Shared: they must not be modified.
func (r *Rulebook) SharedBonus() BonusPolicy { return r.spec.Bonus }

// SharedDeductions returns the deduction policy, as Deductions does, but
// its Items and Floor are the rulebook's own. Shared: they must not be
// modified.
func (r *Rulebook) SharedDeductions() DeductionPolicy { return r.spec.Deductions }

// SharedFacts returns the facts, as Facts does, without copying them or
// their defaults. Shared: they must not be modified.
func (r *Rulebook) SharedFacts() []Fact { return r.spec.Facts[:len(r.spec.Facts):len(r.spec.Facts)] }

// SharedEligibility returns the eligibility conditions in document order,
// as Eligibility does, without copying them or what their pointers point
// to. Shared: they must not be modified.
func (r *Rulebook) SharedEligibility() []Condition {
	return r.spec.Eligibility[:len(r.spec.Eligibility):len(r.spec.Eligibility)]
}

// SharedTieBreaks returns the tie-break chain in order, as TieBreaks does,
// without copying. Shared: it must not be modified.
func (r *Rulebook) SharedTieBreaks() []TieBreak {
	return r.spec.TieBreaks[:len(r.spec.TieBreaks):len(r.spec.TieBreaks)]
}

// SharedAwards returns the award tiers in order of precedence, as Awards
// does, without copying them or their Requires. Shared: they must not be
// modified.
func (r *Rulebook) SharedAwards() []AwardTier {
	return r.spec.Awards[:len(r.spec.Awards):len(r.spec.Awards)]
}

// Memo returns the value build returns for key, calling build only the
// first time Memo is called with key on this rulebook and keeping the
// value for every later call: it is for what an engine derives from a
// rulebook once (its compiled form, a table of point functions), since a
// rulebook never changes. It is safe for concurrent use: concurrent first
// calls with the same key wait for one build. key must be comparable, and
// of a type that only its package names (an unexported struct type, as for
// context keys), so that packages do not read each other's values. The
// value is shared by every caller, in every goroutine: it must not be
// modified once built. The memo lives and dies with the rulebook.
func (r *Rulebook) Memo(key any, build func() any) any {
	r.memo.mu.Lock()
	e, ok := r.memo.m[key]
	if !ok {
		if r.memo.m == nil {
			r.memo.m = map[any]*memoEntry{}
		}
		e = &memoEntry{}
		r.memo.m[key] = e
	}
	r.memo.mu.Unlock()
	e.once.Do(func() { e.v = build() })
	return e.v
}

// memoTable holds a rulebook's Memo values.
type memoTable struct {
	mu sync.Mutex
	m  map[any]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}
