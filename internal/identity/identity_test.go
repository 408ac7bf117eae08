package identity_test

import (
	"testing"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/identity"
)

func TestVietnameseIsPlainText(t *testing.T) {
	for _, s := range []string{"Sở Công Thương", "Sở Tài nguyên và Môi trường", "ĐẮK LẮK", "Thừa Thiên Huế", "Sở Nông nghiệp và Phát triển nông thôn", "So\u031b\u0309 (tổ hợp)", "SCT 2"} {
		if r, pos, ok := identity.Find(s, func(r rune) bool { return identity.Control(r) || identity.Invisible(r) || identity.OddSpace(r) }); ok {
			t.Errorf("%q: %U at %d", s, r, pos)
		}
		if r, _, _, ok := identity.MixedScript(s); ok {
			t.Errorf("%q: mixed script at %U", s, r)
		}
	}
}

func TestSkeleton(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"SCT", "S\u0421T", true},  // Cyrillic С
		{"SCT", "sct", true},       // case
		{"SCT", "SC\u200bT", true}, // zero-width space
		{"SCT", "ＳＣＴ", true},       // full width
		{"POHE", "РОНЕ", true},     // all Cyrillic
		{"TTP", "ΤΤΡ", true},       // all Greek
		{"Sở", "So\u031b\u0309", true},
		{"Sở", "Số", false},
		{"SXD", "SXĐ", false},
		{"SU", "SƯ", false},
		{"SO1", "SOI", false}, // digits and Latin look-alikes are not mapped
	} {
		if got := identity.Skeleton(c.a) == identity.Skeleton(c.b); got != c.same {
			t.Errorf("Skeleton(%q) == Skeleton(%q): %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"SCT", "S\u0421T", "Sở\x1b]0;x\x07", "\xff\xfe", "ΤΤΡ"} {
		f.Add(s, "SCT")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		k := identity.Skeleton(a)
		if !utf8.ValidString(k) {
			t.Fatalf("Skeleton(%q) = %q is not UTF-8", a, k)
		}
		identity.FirstDifference(a, b)
		identity.MixedScript(a)
		if r, pos, ok := identity.Find(a, identity.Control); ok && (pos < 1 || !identity.Control(r)) {
			t.Fatalf("Find(%q): %U at %d", a, r, pos)
		}
	})
}
