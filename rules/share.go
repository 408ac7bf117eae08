package rules

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Share is an exact fraction such as 80%, 2/3 or 0.85, used for vote
// thresholds, quorums, per-criterion floors and award quotas. It is written
// in files as "80%", "2/3" or "0.85" and kept as a ratio of two integers so
// that comparisons are exact (2/3 is not 0.6667).
type Share struct {
	Num, Den int64
}

// ParseShare reads "80%", "2/3", "0.85" or "1".
func ParseShare(s string) (Share, error) {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(t, "%"):
		d, err := decimal.NewFromString(strings.TrimSpace(strings.TrimSuffix(t, "%")))
		if err != nil {
			return Share{}, fmt.Errorf("share %q: expected a percentage like 80%%", s)
		}
		return shareFromDecimal(d, 100, s)
	case strings.Contains(t, "/"):
		a, b, _ := strings.Cut(t, "/")
		n, err1 := strconv.ParseInt(strings.TrimSpace(a), 10, 32)
		m, err2 := strconv.ParseInt(strings.TrimSpace(b), 10, 32)
		if err1 != nil || err2 != nil || m <= 0 || n < 0 {
			return Share{}, fmt.Errorf("share %q: expected a fraction of whole numbers like 2/3", s)
		}
		return Share{n, m}.reduced(), nil
	default:
		d, err := decimal.NewFromString(t)
		if err != nil {
			return Share{}, fmt.Errorf("share %q: expected 80%%, 2/3 or 0.8", s)
		}
		return shareFromDecimal(d, 1, s)
	}
}

// shareFromDecimal returns d ÷ scale as an exact fraction.
func shareFromDecimal(d decimal.Decimal, scale int64, s string) (Share, error) {
	if d.Exponent() < -9 || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1000*scale)) {
		return Share{}, fmt.Errorf("share %q: out of range or too many decimal places", s)
	}
	exp := -d.Exponent()
	if exp < 0 {
		exp = 0
	}
	den := int64(1)
	for range exp {
		den *= 10
	}
	num := d.Shift(exp).IntPart()
	return Share{num, den * scale}.reduced(), nil
}

func (s Share) reduced() Share {
	if s.Den == 0 {
		return s
	}
	g := new(big.Int).GCD(nil, nil, big.NewInt(s.Num), big.NewInt(s.Den)).Int64()
	if g > 1 {
		return Share{s.Num / g, s.Den / g}
	}
	return s
}

// IsZero reports whether the share was not given.
func (s Share) IsZero() bool { return s.Den == 0 }

// String writes the share as a percentage when that is exact, else as n/d.
func (s Share) String() string {
	if s.Den == 0 {
		return ""
	}
	if (s.Num*100)%s.Den == 0 {
		return strconv.FormatInt(s.Num*100/s.Den, 10) + "%"
	}
	p := decimal.NewFromInt(s.Num * 100).Div(decimal.NewFromInt(s.Den))
	if p.Mul(decimal.NewFromInt(s.Den)).Equal(decimal.NewFromInt(s.Num * 100)) {
		return p.String() + "%"
	}
	return fmt.Sprintf("%d/%d", s.Num, s.Den)
}

// MarshalText implements encoding.TextMarshaler.
func (s Share) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Share) UnmarshalText(b []byte) error {
	v, err := ParseShare(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// AtLeast reports whether value ≥ share × of, exactly.
func (s Share) AtLeast(value, of decimal.Decimal) bool {
	return value.Mul(decimal.NewFromInt(s.Den)).GreaterThanOrEqual(of.Mul(decimal.NewFromInt(s.Num)))
}

// CountAtLeast reports whether count ≥ share × of, exactly, for whole numbers.
func (s Share) CountAtLeast(count, of int) bool {
	return int64(count)*s.Den >= int64(of)*s.Num
}

// Decimal returns the share as a decimal rounded to places (for display).
func (s Share) Decimal(places int32) decimal.Decimal {
	if s.Den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(s.Num).DivRound(decimal.NewFromInt(s.Den), places)
}
