package simulation_test

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"
	"github.com/thidua/thidua/sheets"
	"github.com/thidua/thidua/simulation"
)

// How likely is each member of Cụm II to be proposed for the flag if every
// score may still move by half a point (in quarter points)?
func ExampleRun() {
	rb, err := rules.Load("../examples/cum2/rulebook.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sheet, err := sheets.Load("../examples/cum2/scores-2020.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	half, quarter := decimal.RequireFromString("0.5"), decimal.RequireFromString("0.25")
	model := simulation.Model{Default: &simulation.Uncertainty{Range: half, Step: quarter}}
	res, err := simulation.Run(context.Background(), rb, sheet, model, simulation.Config{Scenarios: 100_000, Seed: 42})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Engine, res.Completed, "scenarios, seed", res.Seed)
	for _, m := range res.ByOdds()[:3] {
		fmt.Printf("%s: flag %s%%, rank 1 %s%%\n", m.Member.Name, m.Awards[0].P.Shift(2), m.Ranks[0].P.Shift(2))
	}
	// Output:
	// compiled 100000 scenarios, seed 42
	// Sở Công Thương: flag 58.24%, rank 1 82.51%
	// Sở Khoa học và Công nghệ: flag 25.89%, rank 1 17.49%
	// Sở Xây dựng: flag 0%, rank 1 0%
}
