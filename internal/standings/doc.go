// Package standings is the standings algorithm, written once: ordering the
// members by the ranking basis and the tie-break chain, unresolved ties and
// drawing lots, the eligibility conditions, and the award tiers with their
// quotas, fallthrough, forfeits and pending places. Package ranking runs it
// on decimal scorecards (the reference, with every decision explained);
// package simulation runs the same code on a compiled fixed-point plan,
// millions of times, without allocating.
//
// # Design
//
// The algorithm never does arithmetic on scores: it only compares them, with
// each other (a tie-break) or with a threshold (a condition). So instead of
// being generic over a number type, it works on exact int64 keys that order
// members exactly as their values do, and asks a Source — one per
// representation — for them:
//
//   - the compiled plan's fixed-point values are such keys already (one
//     scale per quantity), so its Source copies them;
//   - the decimal reference (CardSource) gives each member of a group the
//     number of members whose value is smaller: equal values get equal keys
//     and order is kept, exactly, whatever the decimals' size.
//
// Thresholds are compared by the Source too (AtLeast, AtMost), each
// representation in its own arithmetic. Everything else a rule reads — votes,
// facts, past awards, peer scores, the recorded draw — is the same in both
// representations and is read here, from the scorecards (Cluster).
//
// This was preferred to a generic algorithm over decimal.Decimal and a
// fixed-point type because Go compiles a method call on a type parameter
// (the comparison in the sort, the threshold test) to an indirect call
// through the instantiation's dictionary: in the compiled engine's hot
// loop, where ranking ten members is most of a scenario's cost, that is
// dozens of indirect calls per scenario. With int64 keys the sort and the
// award loop are plain integer code, and a Source is called once per group
// and rule, or once per condition test.
//
// Adding a tie-break kind is one case in Ranker.keysFor (and its text in
// text); adding a condition kind is one case in check — plus, when the rule
// reads a new kind of number, a Quantity that both Sources provide.
//
// Explanations (the values a decision quotes, why a member fails a
// condition, who was skipped) are built only when a Recorder is given, from
// the Cluster's scorecards; the compiled engine gives none.
package standings
