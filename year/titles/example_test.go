package titles_test

import (
	"fmt"

	"github.com/thidua/thidua/year/titles"
)

// The 2020 figures of Sở KH&CN Cao Bằng (seed 000): 73 individuals holding
// Lao động tiên tiến and 2 holding Chiến sĩ thi đua cơ sở. With a cap of 15%
// of the Lao động tiên tiến holders, rounded down (a recalled rule, not read
// in a source), 10 were allowed.
func Example() {
	src := `
unit: Sở Khoa học và Công nghệ tỉnh Cao Bằng
year: 2020
titles:
  - {id: ldtt, name: Lao động tiên tiến, for: individual}
  - id: cstdcs
    name: Chiến sĩ thi đua cơ sở
    for: individual
    requires: [ldtt]
    initiative: true
    cap: {share: 15%, of: ldtt, rounding: floor}
counts: {ldtt: 73, cstdcs: 2}
`
	t, err := titles.Parse("titles.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, tc := range t.Check().Titles {
		if tc.Cap != nil {
			fmt.Printf("%s: %d awarded; quota %s; over: %t\n", tc.Name, tc.Awarded, tc.Cap, tc.Cap.Over)
		}
	}
	// Output:
	// Chiến sĩ thi đua cơ sở: 2 awarded; quota 15% × 73 = 10.95 → 10 (floor); over: false
}
