// Package archtest holds tests of the module's structure: which packages
// may know what. It has no code of its own.
//
// TestRuleKindsStayInTheEngine keeps the meaning of each kind of rule — the
// point methods, the tie-break kinds, the award fallthrough policies — in
// the packages that define and run it (rules, scoring, ranking,
// internal/standings, and lang and documents, which name them): a file
// elsewhere that switches on one of those constants, or compares with one,
// re-derives what a rule means, and drifts. Consumers read what they need
// from the engine instead (scoring.PointFunction for how a criterion turns
// input into points). The files that still do it are listed, each with what
// remains; the list only shrinks.
package archtest
