package lang_test

import (
	"encoding/json"
	"fmt"

	"github.com/thidua/thidua/lang"
)

// A message travels as its key and values (here through JSON) and is
// written in whichever language the reader wants. JSON carries the
// sentence in both languages too, for programs without the catalogue.
func ExampleMessage_In() {
	m := lang.Msg("fail.min_total", "88.75", "90")
	b, _ := json.Marshal(m)
	fmt.Println(string(b))

	var back lang.Message
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.In(lang.Vietnamese))
	fmt.Println(back.In(lang.English))
	// Output:
	// {"key":"fail.min_total","args":["88.75","90"],"vi":"tổng điểm 88,75 dưới 90","en":"total 88.75 is below 90"}
	// tổng điểm 88,75 dưới 90
	// total 88.75 is below 90
}

// Command-line programs read the language from a flag.
func ExampleParse() {
	for _, code := range []string{"vi", "en", "fr"} {
		t, err := lang.Parse(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t, t.Rule("group II"), t.Number("38.5"))
	}
	// Output:
	// vi nhóm II 38,5
	// en group II 38.5
	// language must be vi or en, found "fr"
}
