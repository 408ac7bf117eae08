package titles_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/year/titles"
)

// FuzzParse: Parse never panics, every problem it reports can be written
// in both languages (checkErrors), and the check of a file it accepts
// never allows a negative number or counts a title over its cap without
// saying so.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"titles-skhcn-2020.yaml", "titles-illustrative-centre.yaml"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "examples", "cum2-years", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("unit: X\nyear: 2020\ntitles: [{id: a, name: A, for: individual, cap: {share: 1/3, of: a}}]\ncounts: {a: 7}\n"))
	f.Add([]byte("{\"unit\": \"X\", \"year\": 2020, \"titles\": [], \"counts\": {\"a\": -1}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := titles.Parse("fuzz.yaml", data)
		if err != nil {
			checkErrors(t, err)
			return
		}
		r := x.Check()
		for _, tc := range r.Titles {
			if c := tc.Cap; c != nil && c.Checked {
				if c.Allowed < 0 || c.Allowed > c.Base {
					t.Fatalf("%s: allowed %d of a base of %d", tc.Title, c.Allowed, c.Base)
				}
				if c.Over != (tc.Awarded > c.Allowed) {
					t.Fatalf("%s: over %t with %d awarded of %d allowed", tc.Title, c.Over, tc.Awarded, c.Allowed)
				}
			}
		}
	})
}
