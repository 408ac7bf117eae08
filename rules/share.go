package rules

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/thidua/thidua/lang"
)

// Share is an exact fraction such as 80%, 2/3 or 0.85, used for vote
// thresholds, quorums, per-criterion floors and award quotas. It is written
// in files as "80%", "2/3" or "0.85" and kept as a ratio of two integers so
// that comparisons are exact (2/3 is not 0.6667).
type Share struct {
	Num, Den int64
}

// maxShare is the largest share ParseShare reads, in every form: 1000, that
// is "1000/1" or "100000%". Shares above 1 (100%) are read, and New rejects
// them where a share must be at most 100%.
const maxShare = 1000

// maxSharePlaces is the most decimal places ParseShare reads ("0.000000001",
// "12.123456789%").
const maxSharePlaces = 9

// maxShareText is the longest text ParseShare reads.
const maxShareText = 64

// ParseShare reads "80%", "2/3", "0.85" or "1": a share from 0 to maxShare
// with at most 9 decimal places. It reads back what String writes. Its
// error has a method Message() lang.Message: the problem as a message, to
// be written in Vietnamese or English (its key, "rules.share.parse" and
// the like, is a stable code).
func ParseShare(s string) (Share, error) {
	t := strings.TrimSpace(s)
	if len(t) > maxShareText {
		// No share needs more ("1000.000000000%" is 15 characters), and
		// the decimal parser takes time that grows with the square of a
		// number's length.
		return Share{}, &valueError{lang.Msg("rules.share.parse", q(s))}
	}
	switch {
	case strings.HasSuffix(t, "%"):
		d, err := decimal.NewFromString(strings.TrimSpace(strings.TrimSuffix(t, "%")))
		if err != nil {
			return Share{}, &valueError{lang.Msg("rules.share.parse_percent", q(s))}
		}
		return shareFromDecimal(d, 100, s)
	case strings.Contains(t, "/"):
		a, b, _ := strings.Cut(t, "/")
		n, err1 := strconv.ParseInt(strings.TrimSpace(a), 10, 32)
		m, err2 := strconv.ParseInt(strings.TrimSpace(b), 10, 32)
		if err1 != nil || err2 != nil || m <= 0 || n < 0 {
			return Share{}, &valueError{lang.Msg("rules.share.parse_fraction", q(s))}
		}
		if n > maxShare*m { // both fit in 32 bits: no overflow
			return Share{}, outOfRange(s)
		}
		return Share{n, m}.reduced(), nil
	default:
		d, err := decimal.NewFromString(t)
		if err != nil {
			return Share{}, &valueError{lang.Msg("rules.share.parse", q(s))}
		}
		return shareFromDecimal(d, 1, s)
	}
}

func outOfRange(s string) error {
	return &valueError{lang.Msg("rules.share.range", q(s), maxShare, maxShare*100)}
}

// shareFromDecimal returns d ÷ scale as an exact fraction.
func shareFromDecimal(d decimal.Decimal, scale int64, s string) (Share, error) {
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(maxShare*scale)) {
		return Share{}, outOfRange(s)
	}
	if d.Exponent() < -maxSharePlaces {
		return Share{}, &valueError{lang.Msg("rules.share.places", q(s), maxSharePlaces)}
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

// String writes the share as a percentage when that is exact in at most 9
// decimal places ("80%", "12.5%"), else as n/d ("2/3"). It depends on no
// package-level setting, and ParseShare reads it back.
func (s Share) String() string {
	if s.Den == 0 {
		return ""
	}
	if n := s.Num; n > -math.MaxInt64/100 && n < math.MaxInt64/100 && (n*100)%s.Den == 0 {
		return strconv.FormatInt(n*100/s.Den, 10) + "%" // the common case, without allocating
	}
	pct := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(s.Num), big.NewInt(100)), big.NewInt(s.Den))
	if pct.IsInt() {
		return pct.Num().String() + "%"
	}
	// pct in lowest terms is exact in k decimal places when its denominator
	// divides 10^k; the smallest such k leaves no trailing zero.
	pow := big.NewInt(1)
	ten := big.NewInt(10)
	for k := 1; k <= maxSharePlaces; k++ {
		pow.Mul(pow, ten)
		if new(big.Int).Rem(pow, pct.Denom()).Sign() == 0 {
			return pct.FloatString(k) + "%"
		}
	}
	return strconv.FormatInt(s.Num, 10) + "/" + strconv.FormatInt(s.Den, 10)
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
	if c, ok := cmpScaled(value, s.Den, of, s.Num); ok {
		return c >= 0 // the same comparison, in integers
	}
	return value.Mul(decimal.NewFromInt(s.Den)).GreaterThanOrEqual(of.Mul(decimal.NewFromInt(s.Num)))
}

// Above reports whether value > share × of, exactly.
func (s Share) Above(value, of decimal.Decimal) bool {
	if c, ok := cmpScaled(value, s.Den, of, s.Num); ok {
		return c > 0
	}
	return value.Mul(decimal.NewFromInt(s.Den)).GreaterThan(of.Mul(decimal.NewFromInt(s.Num)))
}

// CountAtLeast reports whether count ≥ share × of, exactly, for whole numbers.
func (s Share) CountAtLeast(count, of int) bool {
	return int64(count)*s.Den >= int64(of)*s.Num
}

// CountAbove reports whether count > share × of, exactly, for whole
// numbers: "quá nửa" is CountAbove with the share 1/2.
func (s Share) CountAbove(count, of int) bool {
	return int64(count)*s.Den > int64(of)*s.Num
}

// Decimal returns the share as a decimal rounded to places (for display).
func (s Share) Decimal(places int32) decimal.Decimal {
	if s.Den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(s.Num).DivRound(decimal.NewFromInt(s.Den), places)
}

// MeetsShare reports whether value reaches share × of: value ≥ share × of,
// or value > share × of if strict (a criterion_floor condition's test of
// one criterion).
func MeetsShare(share Share, strict bool, value, of decimal.Decimal) bool {
	if strict {
		return share.Above(value, of)
	}
	return share.AtLeast(value, of)
}
