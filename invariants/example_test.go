package invariants_test

import (
	"context"
	"fmt"

	"github.com/thidua/thidua/invariants"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// The illustrative head-to-head rulebook breaks one property by design:
// removing an ineligible member of a tie can reorder the others.
func Example() {
	rb, err := rules.Load("../examples/check/head-to-head.yaml")
	if err != nil {
		panic(err)
	}
	rep := invariants.Check(context.Background(), rb, invariants.Options{Seed: 1})
	for _, r := range rep.Results {
		fmt.Printf("%s: %s\n", r.Property, r.Status.Message().In(lang.English))
	}
	r, _ := rep.Result(invariants.RemoveIneligible)
	fmt.Println(r.Counterexample.Explained)
	// Output:
	// row_order: holds
	// monotone: holds
	// remove_ineligible: known violation, by design
	// add_bottom: holds
	// scale_weights: holds
	// award_reachable: holds
	// [head_to_head]
}
