package amend_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/amend"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
)

// An amendment of the example cluster's rulebook raises criterion 03's
// maximum from 20 to 25 and asks a Bằng khen for a total of 90: Compare
// lists what changes, and Outcome whether the 2020 result changes.
func Example() {
	old, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		panic(err)
	}
	spec := old.Spec()
	spec.Version = "2020.2"
	spec.Criteria[0].MaxPoints = decimal.Zero // group I: derived from its criteria again
	spec.Criteria[0].Children[2].MaxPoints = decimal.NewFromInt(25)
	spec.Awards[1].Requires = []string{"diem_90", "ky_luat"}
	new, err := rules.New(spec)
	if err != nil {
		panic(err)
	}
	for _, c := range amend.Compare(old, new).Changes {
		fmt.Println(c.Text(lang.Vietnamese))
	}
	sh, err := sheets.Check(old, "../examples/cum2/scores-2020.csv")
	if err != nil {
		panic(err)
	}
	out, err := amend.Outcome(old, new, sh)
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Message.In(lang.Vietnamese))
	for _, t := range out.Tiers {
		fmt.Println(t.Message.In(lang.Vietnamese))
	}
	for _, m := range out.Members {
		fmt.Println(m.Text(lang.Vietnamese))
	}
	// Output:
	// Phiên bản 2020.1 → 2020.2
	// Nhóm I: điểm tối đa 40 → 45
	// Tiêu chí 03: điểm tối đa 20 → 25
	// Tổng điểm tối đa của các tiêu chí 100 → 105
	// Bằng khen của Chủ tịch UBND tỉnh: điều kiện diem_80, ky_luat → diem_90, ky_luat
	// Kết quả thay đổi: 2 đơn vị có hạng, tổng điểm hoặc đề nghị khen thưởng khác.
	// Cờ thi đua của UBND tỉnh: SCT → —
	// Bằng khen của Chủ tịch UBND tỉnh: SKHCN, SXD → SCT, SKHCN
	// SCT: Cờ thi đua của UBND tỉnh → Bằng khen của Chủ tịch UBND tỉnh
	// SXD: Bằng khen của Chủ tịch UBND tỉnh → —
}
