// Package simulation answers "how likely is each member to win?" and "how
// stable is this ranking?" with exact Monte Carlo simulation (mô phỏng)
// over a cluster's uncertain scores.
//
// A Model says, for each member and criterion, which values the counted
// input may take: a range around the recorded value with a step (±0.5 in
// steps of 0.25), a discrete distribution, or fixed. Run draws N scenarios
// from a seeded stream — scenario i depends only on the seed and i, so the
// result is the same on any machine and for any number of workers — ranks
// each scenario exactly as package ranking would, and counts, per member,
// each rank, each award tier, each grading band (xếp loại, when the
// rulebook grades: the band a member is graded in depends on its scores,
// not on its rank) and shared ranks (ties the chain cannot break).
//
// Scenarios are ranked by a compiled plan: Run compiles a rulebook, a
// sheet and a model into integer fixed-point tables, at a scale derived from
// the rulebook's and the inputs' decimal places, after proving when the
// plan is built that no intermediate value can overflow. Each member ×
// criterion evaluation is then a table look-up and an integer addition, and
// every rounding the rulebook asks for is done in integers with the same
// mode semantics as the decimal engine. Where a plan cannot be compiled (a
// relative criterion with uncertain inputs, an overflow that cannot be
// excluded), Run falls back to the decimal engine and says so in the
// result. Tests check that both paths give identical standings, including on
// tie-heavy data.
//
// # Output
//
// A Result is written as JSON in this layout (schema
// "thidua/simulation/v1"); every Share is {"count": scenarios, "p":
// proportion, "low", "high": its 95% Wilson interval}, decimals to 4
// places as strings:
//
//	{"schema", "rulebook": {id, version, title, hash}, "sheet_hash", "seed",
//	 "scenarios", "completed", "partial", "engine",
//	 "ranks_kept": K (only when ranks were dropped),
//	 "tiers": [tier ids],
//	 "members": [{"member": {id, name},
//	              "ranks": [Share of rank 1, rank 2, …],
//	              "beyond": Share of ranks below K,  (only with ranks_kept)
//	              "mean_rank": "5.1234",             (only with ranks_kept)
//	              "awards": [Share per tier],
//	              "grades": [Share per band],        (only with grades)
//	              "ungraded": Share,                 (only if a member may meet no band)
//	              "tied": Share}],
//	 "unresolved": Share, "pending": Share}
//
// By default "ranks" has one Share per rank, members² in all: 10⁶ Shares
// for a cluster of a thousand members. Config.Ranks keeps ranks 1 to K
// only — the same counts as the full table — and sums up the rest in
// "beyond" and "mean_rank", so that the table is members × K.
//
// # Cost
//
// Compiling a plan is linear in members × criteria: the baseline is
// scored once (package scoring), and the cells of one criterion that share
// a recorded value, a target and an uncertainty share their tables, which
// RunMany keeps from cluster to cluster. A scenario costs one table
// look-up per group of up to eight cells and the ranking, O(members) for
// the awards and O(members log members) for the order.
package simulation
