package covenant_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/year/covenant"
)

// FuzzParse: Parse never panics, every problem it reports can be written
// in both languages (checkErrors), and a covenant it accepts reports its
// progress at every report without panicking.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"covenant-2021.yaml", "covenant-skhcn-2021.yaml"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "examples", "cum2-years", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"id":"c","title":"t","level":"unit","year":2021,"parties":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"criteria":[{"id":"x","name":"X","rounding":{"places":12,"mode":"up"}}],"targets":[{"party":"a","criterion":"x","value":"1e-100"}],"reports":[{"months":7,"progress":[{"party":"a","criterion":"x","achieved":"9,5"}]}]}`))
	f.Add([]byte("id: c\nreports: [{months: 0}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := covenant.Parse("fuzz.yaml", data)
		if err != nil {
			checkErrors(t, err)
			return
		}
		for _, m := range c.Reports() {
			if _, err := c.Progress(m); err != nil {
				t.Fatalf("report after %d months listed but not found: %v", m, err)
			}
		}
	})
}
