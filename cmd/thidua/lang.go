package main

import (
	"github.com/thidua/thidua/lang"
)

// The CLI's words are in the lang package's catalogue (keys cli.*), with
// the engine's own sentences (decisions, eligibility failures). Vietnamese
// is the default; --lang en selects English. JSON output has no words.

// langOf reads a --lang flag: "vi" (or "") or "en".
func langOf(code string) (lang.Tag, bool) {
	t, err := lang.Parse(code)
	return t, err == nil
}
