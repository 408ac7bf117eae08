package province_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/year/province"
)

// FuzzParse: Parse never panics, every problem it reports can be written
// in both languages (checkErrors), and a province it accepts has a quota
// no larger than its base and nominates no more than its quota.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "examples", "province", "province-2021.yaml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("province: X\nyear: 2021\nclusters: [{id: a, name: A, proposals: [{member: M, name: m, award: flag, percent: 99}]}]\ncouncil: {default: approved}\ngovernment_flag: {award: G, quota: {share: 1/1, also_meeting_standard: 3}, scoring: {cluster_percent: 10}}\n"))
	f.Add([]byte("{\"province\": \"X\", \"year\": 2021, \"clusters\": []}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := province.Parse("fuzz.yaml", data)
		if err != nil {
			checkErrors(t, err)
			return
		}
		q := p.Quota()
		if q.Places > q.Base {
			t.Fatalf("quota %d above its base %d", q.Places, q.Base)
		}
		if n := p.Nominees(); n != nil && len(n.Nominated) > q.Places {
			t.Fatalf("%d nominated for %d places", len(n.Nominated), q.Places)
		}
		p.Tallies()
	})
}
