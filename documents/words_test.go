package documents

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/rules"

	"github.com/thidua/thidua/lang"
)

func TestNumber(t *testing.T) {
	cases := []struct {
		name   string
		value  string
		places int32
		lang   lang.Tag
		want   string
	}{
		{"decimal comma", "96.35", 2, lang.Vietnamese, "96,35"},
		{"trailing zero kept to the column's places", "94.7", 2, lang.Vietnamese, "94,70"},
		{"whole number padded", "76", 2, lang.Vietnamese, "76,00"},
		{"no places", "76", 0, lang.Vietnamese, "76"},
		{"rounded half up from the exact decimal", "88.745", 2, lang.Vietnamese, "88,75"},
		{"a value float64 cannot hold exactly", "0.1", 20, lang.Vietnamese, "0,10000000000000000000"},
		{"thousands grouped with a dot", "1250.5", 1, lang.Vietnamese, "1.250,5"},
		{"millions", "1234567.891", 3, lang.Vietnamese, "1.234.567,891"},
		{"lang.English point and comma", "1250.5", 1, lang.English, "1,250.5"},
		{"negative", "-0.5", 2, lang.Vietnamese, "-0,50"},
		{"negative zero after rounding has no sign", "-0.001", 2, lang.Vietnamese, "0,00"},
		{"negative places count as zero", "12.5", -1, lang.Vietnamese, "13"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Number(decimal.RequireFromString(c.value), c.places, c.lang); got != c.want {
				t.Errorf("Number(%s, %d, %s) = %q, want %q", c.value, c.places, c.lang, got, c.want)
			}
		})
	}
}

func TestPlacesAndExact(t *testing.T) {
	cases := []struct {
		value  string
		places int32
		exact  string
	}{
		{"96.35", 2, "96,35"},
		{"94.70", 1, "94,7"},
		{"76.00", 0, "76"},
		{"0", 0, "0"},
		{"1000.125", 3, "1.000,125"},
	}
	for _, c := range cases {
		t.Run(c.value, func(t *testing.T) {
			d := decimal.RequireFromString(c.value)
			if got := Places(d); got != c.places {
				t.Errorf("Places(%s) = %d, want %d", c.value, got, c.places)
			}
			if got := Exact(d, lang.Vietnamese); got != c.exact {
				t.Errorf("Exact(%s) = %q, want %q", c.value, got, c.exact)
			}
		})
	}
}

func TestOrdinal(t *testing.T) {
	cases := []struct {
		n    int
		lang lang.Tag
		want string
	}{
		{1, lang.Vietnamese, "thứ Nhất"},
		{2, lang.Vietnamese, "thứ Nhì"},
		{3, lang.Vietnamese, "thứ Ba"},
		{4, lang.Vietnamese, "thứ Tư"},
		{5, lang.Vietnamese, "thứ Năm"},
		{7, lang.Vietnamese, "thứ Bảy"},
		{10, lang.Vietnamese, "thứ Mười"},
		{11, lang.Vietnamese, "thứ Mười một"},
		{14, lang.Vietnamese, "thứ Mười bốn"},
		{15, lang.Vietnamese, "thứ Mười lăm"},
		{20, lang.Vietnamese, "thứ Hai mươi"},
		{21, lang.Vietnamese, "thứ Hai mươi mốt"},
		{24, lang.Vietnamese, "thứ Hai mươi tư"},
		{25, lang.Vietnamese, "thứ Hai mươi lăm"},
		{99, lang.Vietnamese, "thứ Chín mươi chín"},
		{100, lang.Vietnamese, "thứ 100"},
		{0, lang.Vietnamese, "thứ 0"},
		{1, lang.English, "first"},
		{3, lang.English, "third"},
		{10, lang.English, "tenth"},
		{11, lang.English, "11th"},
		{12, lang.English, "12th"},
		{13, lang.English, "13th"},
		{21, lang.English, "21st"},
		{22, lang.English, "22nd"},
		{23, lang.English, "23rd"},
		{111, lang.English, "111th"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := Ordinal(c.n, c.lang); got != c.want {
				t.Errorf("Ordinal(%d, %s) = %q, want %q", c.n, c.lang, got, c.want)
			}
		})
	}
}

func TestLongDate(t *testing.T) {
	cases := []struct {
		date rules.Date
		lang lang.Tag
		want string
	}{
		{rules.NewDate(2021, time.January, 5), lang.Vietnamese, "ngày 05 tháng 01 năm 2021"},
		{rules.NewDate(2025, time.October, 23), lang.Vietnamese, "ngày 23 tháng 10 năm 2025"},
		{rules.NewDate(2024, time.March, 9), lang.Vietnamese, "ngày 09 tháng 3 năm 2024"},
		{rules.NewDate(2025, time.October, 23), lang.English, "23 October 2025"},
		{rules.Date{}, lang.Vietnamese, ""},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := longDate(c.date, c.lang); got != c.want {
				t.Errorf("longDate(%s) = %q, want %q", c.date, got, c.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
	}{{"md", Markdown}, {"markdown", Markdown}, {"html", HTML}, {"DOCX", DOCX}} {
		if got, err := ParseFormat(c.in); err != nil || got != c.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := ParseFormat("pdf"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("ParseFormat(pdf) = %v, want ErrUnknownFormat", err)
	}
	for _, c := range []struct {
		in   string
		want Kind
	}{{"summary", Summary}, {"Submission", Submission}} {
		if got, err := ParseKind(c.in); err != nil || got != c.want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := ParseKind("minutes"); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("ParseKind(minutes) = %v, want ErrUnknownKind", err)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "00", 1: "01", 7: "07", 10: "10", 123: "123"} {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}
