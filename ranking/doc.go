// Package ranking turns a cluster's score sheet into standings (bảng xếp
// hạng) and award proposals (đề nghị khen thưởng), every decision explained.
//
// Rank scores every member under the rulebook, orders them by the ranking
// basis (total or percentage) and breaks ties with the rulebook's ordered
// tie-break chain. For each pair of adjacent members it records the rule
// that separated them and both members' values under that rule. Members
// the chain cannot separate share a rank (đồng hạng), numbered by the
// rulebook's rank convention (1, 1, 3 or 1, 1, 2), and are never ordered
// silently. Such a tie is reported as unresolved only where it decides
// something — more contenders than an award tier's places left, the award
// then pending (Tie.Decides, Row.Unresolved, Standings.UnresolvedTies);
// anywhere else it is a shared rank, said quietly (Decision.Shared,
// Standings.SharedRanks). Drawing lots (bốc thăm) uses a recorded draw or a
// seed, and the standings record which.
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
