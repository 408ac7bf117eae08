package history_test

import (
	"fmt"

	"github.com/thidua/thidua/year/history"
)

// A cluster over three years, with two departments merged into one in 2022:
// the successor inherits its predecessors' flags, and the history feeds
// ranking's no_award_last_year tie-break and the "not the flag two years
// running" check.
func Example() {
	src := `
units:
  - {id: SKHCN, name: Sở Khoa học và Công nghệ}
  - {id: STTTT, name: Sở Thông tin và Truyền thông}
  - {id: SCT, name: Sở Công Thương}
  - {id: SXD, name: Sở Xây dựng}
  - {id: SKHCNTT, name: Sở Khoa học và Công nghệ (sau hợp nhất)}
mergers:
  - {year: 2022, from: [SKHCN, STTTT], into: SKHCNTT}
clusters:
  - id: cum2
    name: Cụm II
    years:
      - year: 2020
        members: [SKHCN, STTTT, SCT, SXD]
        rulebook: {id: caobang-cum2, version: "2020.1"}
        awards: [{member: SCT, award: flag, rank: 1}, {member: SKHCN, award: merit, rank: 2}]
      - year: 2021
        members: [SKHCN, STTTT, SCT, SXD]
        rulebook: {id: caobang-cum2, version: "2021.1"}
        awards: [{member: STTTT, award: flag, rank: 1}]
      - year: 2022
        members: [SKHCNTT, SCT, SXD]
        rulebook: {id: caobang-cum2, version: "2022.1"}
        awards: [{member: SKHCNTT, award: merit, rank: 2}]
`
	h, err := history.Parse("history.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("SKHCNTT's flags 2018–2022:", h.YearsReceived("SKHCNTT", "flag", 2018, 2022))
	fmt.Println("history rows for the 2022 sheet:")
	for _, p := range h.PastAwards("cum2", 2022) {
		fmt.Println(" ", p.Member, p.Year, p.Award)
	}
	fmt.Println("SKHCNTT's flag run before 2022:", h.Run("SKHCNTT", "flag", 2022))
	// Output:
	// SKHCNTT's flags 2018–2022: [2021]
	// history rows for the 2022 sheet:
	//   SCT 2020 flag
	//   SKHCNTT 2020 merit
	//   SKHCNTT 2021 flag
	// SKHCNTT's flag run before 2022: [2021]
}
