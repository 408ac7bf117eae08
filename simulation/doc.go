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
// each rank, each award tier and unresolved ties.
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
package simulation
