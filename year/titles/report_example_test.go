package titles_test

import (
	"fmt"
	"os"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/year/titles"
)

// A room's titles checked holder by holder, written as thidua titles
// prints them: a collective awarded a title without enough of its people
// holding Lao động tiên tiến, and a Chiến sĩ thi đua cơ sở without an
// initiative.
func ExampleTitles_WriteText() {
	src := `
unit: Trung tâm X
year: 2021
titles:
  - {id: ldtt, name: Lao động tiên tiến, for: individual}
  - id: cstdcs
    name: Chiến sĩ thi đua cơ sở
    for: individual
    requires: [ldtt]
    initiative: true
    cap: {share: 15%, of: ldtt, rounding: floor}
  - id: ttldtt
    name: Tập thể lao động tiên tiến
    for: collective
    members_holding: {title: ldtt, share: 50%, more_than: true}
collectives:
  - {id: KT, name: Phòng Kỹ thuật, awarded: [ttldtt]}
people:
  - {id: P1, name: Cán bộ Một, collective: KT, awarded: [ldtt, cstdcs]}
  - {id: P2, name: Cán bộ Hai, collective: KT}
`
	t, err := titles.Parse("titles.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := t.WriteText(os.Stdout, lang.English); err != nil {
		fmt.Println(err)
	}
	fmt.Println("OK:", t.Check().OK())
	// Output:
	// Trung tâm X — 2021
	//
	// Title                       For         Awarded  Quota                       Within quota
	// Lao động tiên tiến          individual  1        —                           —
	// Chiến sĩ thi đua cơ sở      individual  1        15% × 1 = 0.15 → 0 (floor)  NO: 1 over
	// Tập thể lao động tiên tiến  collective  1        —                           —
	//
	// Conditions not met:
	//   collective Phòng Kỹ thuật: Tập thể lao động tiên tiến: share of members holding Lao động tiên tiến — 1 of 2 members hold Lao động tiên tiến, more than 50% needed
	//   person Cán bộ Một: Chiến sĩ thi đua cơ sở: initiative — no recognised initiative (sáng kiến) is recorded
	// OK: false
}
