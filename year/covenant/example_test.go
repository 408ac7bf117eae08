package covenant_test

import (
	"fmt"

	"github.com/thidua/thidua/year/covenant"
)

// The director and the trade union of a department sign a covenant in
// January; after six months (sơ kết 6 tháng) the interim report shows who is
// on course: counts are projected linearly to twelve months, a rate is held.
func Example() {
	c, err := covenant.Parse("covenant.yaml", []byte(exampleCovenant))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := c.Progress(0)
	for _, l := range p.Lines {
		fmt.Printf("%s %s: %s → %s of %s, on course: %t\n", l.Party, l.Criterion, l.Achieved, l.Projected, l.Target, l.OnCourse)
	}
	// Output:
	// BGD sang_kien: 2 → 4 of 6, on course: false
	// CDCS ldtt: 86.5 → 86.5 of 85, on course: true
}

// exampleCovenant is the covenant of the examples: the director and the
// trade union of a department, with a report after six months.
const exampleCovenant = `id: skhcn-2021
title: Giao ước thi đua năm 2021 (chính quyền – công đoàn)
level: unit
year: 2021
signed: 2021-01-15
parties:
  - {id: BGD, name: Ban Giám đốc}
  - {id: CDCS, name: Ban chấp hành Công đoàn cơ sở}
criteria:
  - {id: sang_kien, name: Sáng kiến được công nhận, rounding: {places: 0, mode: floor}}
  - {id: ldtt, name: Tỷ lệ đạt Lao động tiên tiến, projection: hold}
targets:
  - {party: BGD, criterion: sang_kien, value: 6}
  - {party: CDCS, criterion: ldtt, value: 85}
reports:
  - months: 6
    as_of: 2021-06-30
    progress:
      - {party: BGD, criterion: sang_kien, achieved: 2}
      - {party: CDCS, criterion: ldtt, achieved: "86,5"}
`
