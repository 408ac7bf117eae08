package sheets

import (
	"testing"

	"github.com/thidua/thidua/internal/fields"
)

// cleanCell is fields.CleanText, whatever the cell holds.
func TestCleanCellIsCleanText(t *testing.T) {
	cells := []string{"", " ", "SCT", "  SCT\t", "9.75", "a\r\nb", "\r", "x\rb ", "Sở Công Thương", " Sở\u00a0", "Cu\u0309", "\x85x\x85",
		"\v\f x \n", "'=1+2", "\x00", "e\u0301", "\xff", " \u2003 a \u2003"}
	for _, c := range cells {
		if got, want := cleanCell(c), fields.CleanText(c); got != want {
			t.Errorf("cleanCell(%q) = %q, CleanText gives %q", c, got, want)
		}
	}
}

func FuzzCleanCell(f *testing.F) {
	for _, s := range []string{"", " SCT ", "a\r\nb", "Sở", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanCell(s), fields.CleanText(s); got != want {
			t.Errorf("cleanCell(%q) = %q, CleanText gives %q", s, got, want)
		}
	})
}
