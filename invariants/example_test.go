package invariants_test

import (
	"context"
	"fmt"

	"github.com/thidua/thidua/invariants"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// The illustrative head-to-head rulebook holds every property: its
// head-to-head rule counts only the members eligible for an award.
func Example() {
	rb, err := rules.Load("../examples/check/head-to-head.yaml")
	if err != nil {
		panic(err)
	}
	rep := invariants.Check(context.Background(), rb, invariants.Options{Seed: 1})
	for _, r := range rep.Results {
		fmt.Printf("%s: %s\n", r.Property, r.Status.Message().In(lang.English))
	}
	// Output:
	// row_order: holds
	// monotone: holds
	// remove_ineligible: holds
	// add_bottom: holds
	// scale_weights: holds
	// award_reachable: holds
}
