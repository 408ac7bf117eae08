package documents

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// Number writes d with exactly places decimal places (half-up, from the
// exact decimal; never through float64), in the language's style:
// Number(96.35, 2, Vietnamese) is "96,35", Number(1250.5, 1, Vietnamese)
// is "1.250,5", Number(1250.5, 1, English) is "1,250.5". A negative places
// counts as zero.
func Number(d decimal.Decimal, places int32, l lang.Tag) string {
	places = max(places, 0)
	s := d.StringFixed(places)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
		if strings.Trim(s, "0.") == "" {
			sign = "" // no "-0,00"
		}
	}
	whole, frac, _ := strings.Cut(s, ".")
	group, point := ".", ","
	if l == lang.English {
		group, point = ",", "."
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// Places is the number of decimal places d needs to be written exactly:
// 2 for 96.35, 1 for 94.70, 0 for 76.00.
func Places(d decimal.Decimal) int32 {
	_, frac, ok := strings.Cut(d.String(), ".")
	if !ok {
		return 0
	}
	return int32(len(frac))
}

// Exact writes d with the places it needs (Places): 94,7 rather than 94,70.
func Exact(d decimal.Decimal, l lang.Tag) string { return Number(d, Places(d), l) }

// Ordinal writes the rank n as the documents do: in Vietnamese "thứ Nhất",
// "thứ Nhì", "thứ Ba", "thứ Tư", "thứ Năm" … "thứ Mười một", "thứ Hai mươi
// mốt" (words up to 99, then digits: "thứ 100"); in English "first" …
// "tenth", then "11th", "21st", "22nd".
func Ordinal(n int, l lang.Tag) string {
	if l == lang.English {
		words := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
		if n >= 1 && n < len(words) {
			return words[n]
		}
		suffix := "th"
		if n%100 < 11 || n%100 > 13 {
			switch n % 10 {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		return strconv.Itoa(n) + suffix
	}
	switch n {
	case 1:
		return "thứ Nhất"
	case 2:
		return "thứ Nhì"
	case 4:
		return "thứ Tư"
	}
	if n < 1 || n > 99 {
		return "thứ " + strconv.Itoa(n)
	}
	return "thứ " + capitalise(cardinal(n))
}

// cardinal writes 1 ≤ n ≤ 99 in Vietnamese words, as ordinals read them
// ("hai mươi mốt", "mười lăm", "hai mươi tư").
func cardinal(n int) string {
	units := []string{"", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	if n < 10 {
		return units[n]
	}
	tens, u := n/10, n%10
	head := "mười"
	if tens > 1 {
		head = units[tens] + " mươi"
	}
	switch {
	case u == 0:
		return head
	case u == 5:
		return head + " lăm"
	case u == 1 && tens > 1:
		return head + " mốt"
	case u == 4 && tens > 1:
		return head + " tư"
	}
	return head + " " + units[u]
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func uncapitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// count writes a number of units as administrative texts do: two digits
// below ten ("01 tập thể", "07 đơn vị").
func count(n int) string {
	if n >= 0 && n < 10 {
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}

// longDate writes a date as Vietnamese administrative texts do (Nghị định
// 30/2020/NĐ-CP: a zero before days below 10 and months 1 and 2): "ngày 05
// tháng 01 năm 2021", "ngày 23 tháng 10 năm 2025"; in English "23 October
// 2025".
func longDate(d rules.Date, l lang.Tag) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := 0, 0, 0
	fmt.Sscanf(d.String(), "%d-%d-%d", &y, &m, &day)
	if l == lang.English {
		months := []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
		return fmt.Sprintf("%d %s %d", day, months[m], y)
	}
	ms := strconv.Itoa(m)
	if m <= 2 {
		ms = fmt.Sprintf("%02d", m)
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", day, ms, y)
}
