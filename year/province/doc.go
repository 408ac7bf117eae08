// Package province works the level above the clusters: a province (tỉnh)
// collects its clusters' award proposals (đề nghị khen thưởng); the
// provincial Emulation and Commendation Council (Hội đồng Thi đua – Khen
// thưởng tỉnh) reviews them, votes and may cut them, and each decision is
// recorded — proposed, approved or cut, and why — so that the totals read
// as the council reports them (Bến Tre 2018: 69 provincial flags proposed,
// 48 approved).
//
// It then draws the nominations for the Government flag (Cờ thi đua của
// Chính phủ) from the collectives leading the clusters (tập thể dẫn đầu
// cụm, khối thi đua: Law 06/2022/QH15 Art. 25.1): the cluster leaders the
// council approved for the provincial flag are the candidates; the quota is
// a share of the collectives meeting the provincial flag standard, rounded
// as stated (ND 91/2017/NĐ-CP Art. 11 said at most 20%; that decree is
// superseded, and whether its successors keep the cap is not verified);
// the standards are eligibility conditions, stated per candidate as facts;
// and the same engine ranks the candidates: the package builds a rulebook
// (criteria: the candidate's cluster percentage and the council's votes;
// the standards as fact conditions; one award tier whose count is the
// quota) and a sheet, and calls ranking.Rank.
//
// A cluster's proposals are written in the province file or read from the
// year's result in a history file (package history), which ranks the
// cluster's sheet. WriteText writes the decisions, the tallies, the quota,
// the ranking of the candidates and the nominees as thidua nominate prints
// them, in Vietnamese or English, members and clusters by their names and
// award tiers by the names the clusters' rulebooks give them (AwardName).
// The file is YAML or JSON, decoded strictly and validated as a whole,
// every problem reported in English (Error) or, with Errors.Text, in
// Vietnamese; see examples/province/province-2021.yaml for
// every key.
package province
