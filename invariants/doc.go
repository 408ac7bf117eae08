// Package invariants checks a rulebook for properties every fair ranking
// should have, on random score sheets drawn from the rulebook's own value
// space, and reports each violation with a minimal counter-example sheet.
//
// The properties (Property):
//
//   - row_order: the order of the members and of the sheet's rows changes
//     nothing;
//   - monotone: raising a member's score never lowers its rank or costs it
//     an award;
//   - remove_ineligible: removing a member that is ineligible for every
//     award tier changes neither the order nor the awards of the others;
//   - add_bottom: adding a member below all others changes nothing above
//     it;
//   - scale_weights: multiplying every top-level weight by the same number
//     (with the bonus and deduction points and the point thresholds of the
//     eligibility conditions) changes neither the order nor the awards;
//   - award_reachable: every award tier is proposed on some sheet.
//
// Sheets are drawn from each criterion's accepted values, as scoring
// validates them: 0…max for direct points, 0 or 1 for pass/fail, whole
// counts for per_occurrence, values around the thresholds of tiers,
// achieved values around the target for ratio and relative criteria; with
// facts, bonus and deduction occurrences, a ballot and past awards where
// the rulebook uses them, and peer assessors where its tie-break chain
// compares them head to head. Given a sheet (Options.Around), the check
// also runs on that sheet and on sheets near it.
//
// A violation is shrunk as property-testing tools do — fewer members,
// fewer nonzero scores, smaller values — to a counter-example that still
// violates the property, printable as a CSV sheet (Counterexample.WriteCSV).
//
// Some rules violate some properties by design: criteria scored relative
// to the cluster depend on who else is ranked, lots drawn with a seed on
// who else is tied, quotas by share on the cluster's size, vote shares on
// the number of members, a tier that leaves an ineligible member's place
// empty (if_ineligible: none) lets that member keep the place from others
// (examples/check/if-ineligible-none.yaml), and rounding to fixed places
// does not scale. Each Result lists the features of the rulebook that may
// do so (Known), and a violation that disappears when those features are
// taken out is reported as Expected — a known violation, explained —
// rather than Violated. Head-to-head tie-breaks (head_to_head, league) are
// not among them: they count only the members eligible for some award as
// rivals, so removing a member eligible for none reorders nobody.
//
// Check is deterministic for a given Options.Seed, which the report
// records.
package invariants
