// Package ranking turns a cluster's score sheet into standings (bảng xếp
// hạng) and award proposals (đề nghị khen thưởng), every decision explained.
//
// Rank scores every member under the rulebook, orders them by the ranking
// basis (total or percentage) and breaks ties with the rulebook's ordered
// tie-break chain. For each pair of adjacent members it records the rule
// that separated them and both members' values under that rule. A tie the
// chain cannot break is reported as unresolved and the members share a rank;
// it is never broken silently. Drawing lots (bốc thăm) uses a recorded draw
// or a seed, and the standings record which.
//
// It then checks every member against the eligibility conditions and
// proposes the award tiers in order (e.g. Cờ thi đua, then Bằng khen), one
// award per member, skipping or forfeiting ineligible members as each tier
// says. The result is a proposal: the provincial council may still cut it.
//
// Every sentence of the standings (a decision's values, a failed
// condition, a tie's note, a blocked tier) is kept once, as a lang.Message
// that names members and tiers by id; Text and Brief write them in a
// language, and Names.Of names the members and tiers for people.
package ranking
