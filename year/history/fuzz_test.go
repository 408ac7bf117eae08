package history_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/year/history"
)

// FuzzParse: Parse never panics, every problem it reports can be written
// in both languages (checkErrors), and a history it accepts answers every
// query without panicking.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "examples", "cum2-years", "history.yaml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"units":[{"id":"A","name":"a"},{"id":"B","name":"b"}],"clusters":[{"id":"k","name":"K","years":[{"year":2020,"members":["A","B"],"rulebook":{"id":"r","version":"1"}}]}]}`))
	f.Add([]byte("units: [{id: A, name: a}, {id: B, name: b}]\nmergers: [{year: 2021, from: [A], into: B}, {year: 2020, from: [B], into: A}]\nclusters: [{id: k, name: K, years: [{year: 2020, members: [A]}, {year: 2021, members: [B]}]}]\n"))
	f.Add([]byte("clusters: [{id: k, name: K, leadership: {rotation: {rule: fixed_order, order: [A]}, terms: [{from: 2020-01-01, to: 2999-12-31, head: A, how: rotation}]}}]\n"))
	f.Add([]byte("- 1\n- 2\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := history.Parse("fuzz.yaml", data)
		if err != nil {
			checkErrors(t, err)
			return
		}
		for _, c := range h.Clusters() {
			h.Heads(c)
			for _, y := range h.Years(c) {
				h.Top(c, y)
				h.PastAwards(c, y+1)
				_, _, err := h.Rotate(c, y)
				checkErrors(t, err)
			}
		}
		for _, u := range h.Units() {
			h.YearsReceived(u.ID, "", 0, 0)
			h.Lineage(u.ID)
		}
	})
}
