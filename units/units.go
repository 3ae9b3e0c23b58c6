// Package units parses and prints token amounts as exact decimals. "1.5" with 18 decimals is
// 1500000000000000000 base units, computed on integers: no floating point anywhere, so an
// amount never changes by a rounding error between what a user types and what is sent.
package units

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// MaxDecimals is the most decimals a token may declare for these functions (ERC-20 decimals is
// a uint8; no real token uses more than 18, and 77 digits already exceed a uint256).
const MaxDecimals = 77

// Errors ParseAmount returns, wrapped with the offending text; test them with errors.Is.
var (
	ErrSyntax    = errors.New("not a decimal amount")
	ErrNegative  = errors.New("amount must not be negative")
	ErrZero      = errors.New("amount must be more than zero")
	ErrPrecision = errors.New("too many decimal places")
	ErrRange     = errors.New("amount does not fit in 256 bits")
)

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// ParseAmount parses a non-negative decimal amount ("1", "1.5", "0.000001", "1_000.25") into
// base units of a token with the given decimals. It refuses signs, exponents, hex, spaces
// inside the number, more fractional digits than decimals and amounts above 2^256-1.
// Leading and trailing white space is ignored; underscores may group digits ("1_000_000").
func ParseAmount(s string, decimals uint8) (*big.Int, error) {
	if decimals > MaxDecimals {
		return nil, fmt.Errorf("units: token declares %d decimals; at most %d are supported", decimals, MaxDecimals)
	}
	text := strings.TrimSpace(s)
	if strings.HasPrefix(text, "-") {
		return nil, fmt.Errorf("%q: %w", s, ErrNegative)
	}
	if strings.HasPrefix(text, "+") {
		return nil, fmt.Errorf("%q: %w: write the amount without a sign", s, ErrSyntax)
	}
	whole, frac, hasDot := strings.Cut(text, ".")
	if hasDot && frac == "" && whole == "" {
		return nil, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	whole, err := digits(whole, s)
	if err != nil {
		return nil, err
	}
	frac, err = digits(frac, s)
	if err != nil {
		return nil, err
	}
	if whole == "" && frac == "" {
		return nil, fmt.Errorf("%q: %w: expected digits such as 1, 1.5 or 0.25", s, ErrSyntax)
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > int(decimals) {
		return nil, fmt.Errorf("%q: %w: the token has %d decimals, so the smallest amount is %s",
			s, ErrPrecision, decimals, Format(big.NewInt(1), decimals))
	}
	if whole == "" {
		whole = "0"
	}
	v, ok := new(big.Int).SetString(whole+frac+strings.Repeat("0", int(decimals)-len(frac)), 10)
	if !ok {
		return nil, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	if v.Cmp(maxUint256) > 0 {
		return nil, fmt.Errorf("%q: %w", s, ErrRange)
	}
	return v, nil
}

// ParsePositive is ParseAmount that also refuses zero.
func ParsePositive(s string, decimals uint8) (*big.Int, error) {
	v, err := ParseAmount(s, decimals)
	if err != nil {
		return nil, err
	}
	if v.Sign() == 0 {
		return nil, fmt.Errorf("%q: %w", s, ErrZero)
	}
	return v, nil
}

// digits checks that part is decimal digits, optionally grouped by single underscores between
// digits, and returns it without the underscores.
func digits(part, orig string) (string, error) {
	if part == "" {
		return "", nil
	}
	var b strings.Builder
	prevUnderscore := true // no leading underscore
	for _, r := range part {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			prevUnderscore = false
		case r == '_' && !prevUnderscore:
			prevUnderscore = true
		default:
			return "", fmt.Errorf("%q: %w: unexpected %q (expected digits such as 1, 1.5 or 0.25)", orig, ErrSyntax, r)
		}
	}
	if prevUnderscore {
		return "", fmt.Errorf("%q: %w: misplaced underscore", orig, ErrSyntax)
	}
	return b.String(), nil
}

// Format prints base units as a decimal amount of a token with the given decimals: no trailing
// fractional zeros, no exponent ("1.5", "0.000000000000000001", "100"). Nil prints as "0".
func Format(v *big.Int, decimals uint8) string {
	if v == nil {
		return "0"
	}
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if decimals > 0 {
		if len(s) <= int(decimals) {
			s = strings.Repeat("0", int(decimals)-len(s)+1) + s
		}
		cut := len(s) - int(decimals)
		whole, frac := s[:cut], strings.TrimRight(s[cut:], "0")
		s = whole
		if frac != "" {
			s += "." + frac
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatUnit is Format followed by a space and the token's symbol ("1.5 BRINE").
func FormatUnit(v *big.Int, decimals uint8, symbol string) string {
	if symbol == "" {
		return Format(v, decimals)
	}
	return Format(v, decimals) + " " + symbol
}

// NormalizeDecimal rewrites a non-negative decimal in its shortest form without knowing the
// token: leading zeros of the whole part and trailing zeros of the fraction are dropped
// ("01.50" -> "1.5", ".5" -> "0.5", "2." -> "2"). Job specs keep amounts in this form so that
// the same amount always hashes the same. It applies ParseAmount's syntax rules.
func NormalizeDecimal(s string) (string, error) {
	text := strings.TrimSpace(s)
	_, frac, _ := strings.Cut(text, ".")
	n := len(frac)
	if n > MaxDecimals {
		return "", fmt.Errorf("%q: %w", s, ErrPrecision)
	}
	v, err := ParseAmount(text, uint8(n))
	if err != nil {
		return "", err
	}
	return Format(v, uint8(n)), nil
}
