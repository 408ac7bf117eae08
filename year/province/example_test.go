package province_test

import (
	"fmt"

	"github.com/thidua/thidua/year/province"
)

// Two clusters propose their leaders for the provincial flag; the council
// cuts a Bằng khen; the Government-flag quota is 20% of the collectives
// meeting the provincial flag standard, rounded down, and the engine ranks
// the leaders by their cluster percentage.
func Example() {
	p, err := province.Parse("province.yaml", []byte(exampleProvince))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range p.Tallies() {
		fmt.Printf("%s: %d proposed, %d approved, %d cut\n", t.Award, t.Proposed, t.Approved, t.Cut)
	}
	fmt.Println("quota:", p.Quota())
	fmt.Println("nominated:", p.Nominees().Nominated)
	// Output:
	// flag: 2 proposed, 2 approved, 0 cut
	// merit: 1 proposed, 0 approved, 1 cut
	// quota: 20% × 7 = 1.4 → 1 (floor)
	// nominated: [SKHDT]
}

// exampleProvince is the province file of the examples: two clusters, a
// Bằng khen cut by the council, and a Government-flag nomination.
const exampleProvince = `province: Tỉnh X
year: 2021
clusters:
  - id: cum1
    name: Cụm I
    proposals:
      - {member: SKHDT, name: Sở Kế hoạch và Đầu tư, award: flag, rank: 1, percent: 97.5}
      - {member: STC, name: Sở Tài chính, award: merit, rank: 2, percent: 95}
  - id: cum2
    name: Cụm II
    proposals:
      - {member: STNMT, name: Sở Tài nguyên và Môi trường, award: flag, rank: 1, percent: "96,1"}
council:
  name: Hội đồng Thi đua – Khen thưởng tỉnh X
  meeting: 2022-03-15
  default: approved
  decisions:
    - {cluster: cum1, member: STC, award: merit, verdict: cut, reason: Hồ sơ chưa đầy đủ}
government_flag:
  award: Cờ thi đua của Chính phủ
  quota: {share: 20%, also_meeting_standard: 5}
  standards:
    - {id: vuot_muc, reason: "Hoàn thành xuất sắc, vượt mức các chỉ tiêu"}
  met:
    - {member: SKHDT, standard: vuot_muc, met: true}
    - {member: STNMT, standard: vuot_muc, met: true}
  scoring: {cluster_percent: 100}
`
