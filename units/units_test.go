package units

import (
	"errors"
	"math/big"
	"testing"
)

func bi(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return v
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in       string
		decimals uint8
		want     string // base units; "" when an error is expected
		err      error
	}{
		{"1", 18, "1000000000000000000", nil},
		{"1.5", 18, "1500000000000000000", nil},
		{"0.000000000000000001", 18, "1", nil},
		{"1.0000000000000000001", 18, "", ErrPrecision},
		{"1.10000000000000000000", 18, "1100000000000000000", nil}, // trailing zeros are not precision
		{"0", 18, "0", nil},
		{"0.0", 18, "0", nil},
		{".5", 18, "500000000000000000", nil},
		{"5.", 18, "5000000000000000000", nil},
		{" 2.25 ", 6, "2250000", nil},
		{"1_000", 0, "1000", nil},
		{"1_000.000_1", 4, "10000001", nil},
		{"007", 0, "7", nil},
		{"1.5", 0, "", ErrPrecision},
		{"-1", 18, "", ErrNegative},
		{"-0.5", 18, "", ErrNegative},
		{"+1", 18, "", ErrSyntax},
		{"", 18, "", ErrSyntax},
		{".", 18, "", ErrSyntax},
		{"1e18", 18, "", ErrSyntax},
		{"0x10", 18, "", ErrSyntax},
		{"1,5", 18, "", ErrSyntax},
		{"1.2.3", 18, "", ErrSyntax},
		{"1 000", 18, "", ErrSyntax},
		{"_1", 18, "", ErrSyntax},
		{"1_", 18, "", ErrSyntax},
		{"1__0", 18, "", ErrSyntax},
		{"NaN", 18, "", ErrSyntax},
		{"Inf", 18, "", ErrSyntax},
		{"١", 18, "", ErrSyntax}, // Arabic-Indic digit one
		{"115792089237316195423570985008687907853269984665640564039457584007913129639935", 0,
			"115792089237316195423570985008687907853269984665640564039457584007913129639935", nil},
		{"115792089237316195423570985008687907853269984665640564039457584007913129639936", 0, "", ErrRange},
		{"1000000000000000000000000000000000000000000000000000000000000", 18, "", ErrRange},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in, tt.decimals)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseAmount(%q, %d) error = %v, want %v", tt.in, tt.decimals, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q, %d): %v", tt.in, tt.decimals, err)
			continue
		}
		if got.Cmp(bi(tt.want)) != 0 {
			t.Errorf("ParseAmount(%q, %d) = %s, want %s", tt.in, tt.decimals, got, tt.want)
		}
	}
}

func TestParsePositive(t *testing.T) {
	for _, in := range []string{"0", "0.000", "00"} {
		if _, err := ParsePositive(in, 18); !errors.Is(err, ErrZero) {
			t.Errorf("ParsePositive(%q) error = %v, want ErrZero", in, err)
		}
	}
	if _, err := ParsePositive("-3", 18); !errors.Is(err, ErrNegative) {
		t.Errorf("ParsePositive(-3) error = %v, want ErrNegative", err)
	}
	v, err := ParsePositive("0.000000000000000001", 18)
	if err != nil || v.Cmp(big.NewInt(1)) != 0 {
		t.Errorf("ParsePositive(1 wei) = %v, %v", v, err)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v        string
		decimals uint8
		want     string
	}{
		{"0", 18, "0"},
		{"1", 18, "0.000000000000000001"},
		{"1500000000000000000", 18, "1.5"},
		{"1000000000000000000", 18, "1"},
		{"10000000000000000000000", 18, "10000"},
		{"123456", 0, "123456"},
		{"123456", 3, "123.456"},
		{"120000", 3, "120"},
		{"-1500000", 6, "-1.5"},
		{"5", 1, "0.5"},
	}
	for _, tt := range tests {
		if got := Format(bi(tt.v), tt.decimals); got != tt.want {
			t.Errorf("Format(%s, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
	if got := Format(nil, 18); got != "0" {
		t.Errorf("Format(nil) = %q", got)
	}
	if got := FormatUnit(bi("2500000000000000000"), 18, "BRINE"); got != "2.5 BRINE" {
		t.Errorf("FormatUnit = %q", got)
	}
}

// Parse(Format(v)) == v for every amount and decimals.
func TestRoundTrip(t *testing.T) {
	for _, d := range []uint8{0, 1, 6, 8, 18, 30} {
		for _, s := range []string{"0", "1", "9", "10", "999999999999999999", "1000000000000000001", "340282366920938463463374607431768211455"} {
			v := bi(s)
			got, err := ParseAmount(Format(v, d), d)
			if err != nil || got.Cmp(v) != 0 {
				t.Errorf("decimals %d: Parse(Format(%s)) = %v, %v", d, s, got, err)
			}
		}
	}
}

func TestNormalizeDecimal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.50", "1.5"},
		{"01.5", "1.5"},
		{".5", "0.5"},
		{"2.", "2"},
		{"0.000", "0"},
		{"1_000.5", "1000.5"},
		{"10", "10"},
	}
	for _, tt := range tests {
		got, err := NormalizeDecimal(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeDecimal(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"-1", "1e3", "abc", ""} {
		if _, err := NormalizeDecimal(bad); err == nil {
			t.Errorf("NormalizeDecimal(%q) succeeded", bad)
		}
	}
}
