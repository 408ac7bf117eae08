package rules_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
)

func ExampleParse() {
	yaml := `
id: cum2
version: "2024.1"
title: Bảng tiêu chí chấm điểm Cụm thi đua II
criteria:
  - id: I
    name: Tổ chức phong trào thi đua
    children:
      - {id: "1.1", name: Đăng ký thi đua đúng hạn, max: 10, method: pass_fail}
      - {id: "1.2", name: Tham gia hoạt động chung, max: 10, method: per_occurrence, points_each: 2.5}
  - id: II
    name: Công tác khen thưởng
    children:
      - {id: "2.1", name: Hồ sơ đúng hạn, max: 20, method: ratio, target: 100}
awards:
  - {id: flag, name: Cờ thi đua của UBND tỉnh, count: 1}
tie_breaks: [group: I, fewer_deductions]
`
	rb, err := rules.Parse("cum2.yaml", []byte(yaml))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rb.ID(), rb.Version(), rb.MaxTotal())
	for _, n := range rb.Nodes() {
		fmt.Printf("%*s%s %s (max %s)\n", 2*n.Depth, "", n.ID, n.Name, n.MaxTotal)
	}
	fmt.Println(rb.TieBreaks())
	// Output:
	// cum2 2024.1 40
	// I Tổ chức phong trào thi đua (max 20)
	//   1.1 Đăng ký thi đua đúng hạn (max 10)
	//   1.2 Tham gia hoạt động chung (max 10)
	// II Công tác khen thưởng (max 20)
	//   2.1 Hồ sơ đúng hạn (max 20)
	// [group I fewer_deductions]
}

func ExampleLoad() {
	rb, err := rules.Load("testdata/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %s: %s points, in force %s\n", rb.ID(), rb.Version(), rb.MaxTotal(), rb.InForce())
	// Output:
	// test-cum 2024.1: 50 points, in force 2024-01-01 – 2024-12-31
}

func ExampleParse_errors() {
	yaml := `id: cum2
version: "2024.1"
title: Cụm II
criteria:
  - id: I
    name: Nhóm I
    max: 25
    children:
      - {id: "1.1", name: Báo cáo, max: 10, metod: ratio}
      - {id: "1.2", name: Kiểm tra, max: 10}
tie_breaks:
  - lots
  - group: I
`
	_, err := rules.Parse("cum2.yaml", []byte(yaml))
	fmt.Println(err)

	var problems rules.Errors
	if errors.As(err, &problems) {
		fmt.Println(len(problems), "problems; the first is at line", problems[0].Line)
	}
	// Output:
	// cum2.yaml:7:10: criteria[0].max: group "I": max 25 cannot be reached: its children's maxima add up to only 20
	// cum2.yaml:9:45: criteria[0].children[0].metod: unknown key "metod" (did you mean "method"?) (known keys: children, id, max, method, min, minus, name, note, plus, points_each, target, tiers, weight)
	// cum2.yaml:12:5: tie_breaks[0]: lots always separates the tied members, so the rules after it can never apply: put it last
	// 3 problems; the first is at line 7
}

func ExampleParseShare() {
	for _, s := range []string{"80%", "12.5%", "2/3", "0.85", "1", "4/6"} {
		share, err := rules.ParseShare(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-5s = %d/%d, written %s\n", s, share.Num, share.Den, share)
	}

	eighty, _ := rules.ParseShare("80%")
	fmt.Println("5 of 7 votes reach 80%:", eighty.CountAtLeast(5, 7))
	fmt.Println("6 of 7 votes reach 80%:", eighty.CountAtLeast(6, 7))
	twoThirds, _ := rules.ParseShare("2/3")
	fmt.Println("6 of 9 votes reach 2/3:", twoThirds.CountAtLeast(6, 9))
	fmt.Println("6.6666 of 10 reaches 2/3:", twoThirds.AtLeast(decimal.RequireFromString("6.6666"), decimal.NewFromInt(10)))

	_, err := rules.ParseShare("2/0")
	fmt.Println(err)
	// Output:
	// 80%   = 4/5, written 80%
	// 12.5% = 1/8, written 12.5%
	// 2/3   = 2/3, written 2/3
	// 0.85  = 17/20, written 85%
	// 1     = 1/1, written 100%
	// 4/6   = 2/3, written 2/3
	// 5 of 7 votes reach 80%: false
	// 6 of 7 votes reach 80%: true
	// 6 of 9 votes reach 2/3: true
	// 6.6666 of 10 reaches 2/3: false
	// share "2/0": expected a fraction of whole numbers like 2/3
}

func ExampleRounding_Quo() {
	r := rules.Rounding{Places: 2, Mode: rules.RoundHalfEven}
	fmt.Println(r.Quo(decimal.NewFromInt(1), decimal.NewFromInt(8))) // 0.125 → 0.12
	fmt.Println(r.Quo(decimal.NewFromInt(3), decimal.NewFromInt(8))) // 0.375 → 0.38
	up := rules.Rounding{Places: 2, Mode: rules.RoundHalfUp}
	fmt.Println(up.Quo(decimal.NewFromInt(2), decimal.NewFromInt(3)))
	// Output:
	// 0.12
	// 0.38
	// 0.67
}

func ExampleRoundInt() {
	// An award for 30% of a cluster of 7 members.
	fmt.Println(rules.RoundInt(30*7, 100, rules.RoundFloor))
	fmt.Println(rules.RoundInt(30*7, 100, rules.RoundCeiling))
	fmt.Println(rules.RoundInt(30*7, 100, rules.RoundHalfUp))
	// Output:
	// 2
	// 3
	// 2
}
