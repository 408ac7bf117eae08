package invariants_test

import (
	"context"
	"fmt"

	"github.com/thidua/thidua/invariants"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// The illustrative rulebook whose flag is not passed on when the member
// ranked first is ineligible (if_ineligible: none) breaks one property by
// design: removing that member gives the flag to another.
func Example() {
	rb, err := rules.Load("../examples/check/if-ineligible-none.yaml")
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
	// [none]
}
