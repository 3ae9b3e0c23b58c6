package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"text/tabwriter"
	"time"

	"github.com/brine-compute/brine/units"
)

// emit prints data: JSON (one indented document) with --json, else the human form.
func (s *session) emit(data any, human func(w io.Writer)) error {
	if s.cfg.JSON {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		return enc.Encode(data)
	}
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	human(tw)
	return tw.Flush()
}

// amount is a token amount in JSON: base units (exact) and the decimal form.
type amount struct {
	Units   string `json:"units"`
	Decimal string `json:"decimal"`
	Symbol  string `json:"symbol,omitempty"`
}

func (s *session) amount(v *big.Int) amount {
	if v == nil {
		v = new(big.Int)
	}
	a := amount{Units: v.String(), Decimal: v.String()}
	if s.token != nil {
		a.Decimal = units.Format(v, s.token.Decimals)
		a.Symbol = s.token.Symbol
	}
	return a
}

// fmtAmount prints base units with the token's decimals and symbol.
func (s *session) fmtAmount(v *big.Int) string {
	if s.token == nil {
		return v.String() + " base units"
	}
	return s.token.Format(v)
}

func fmtTime(t time.Time) string {
	if t.IsZero() || t.Unix() == 0 {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

func jsonTime(t time.Time) *time.Time {
	if t.IsZero() || t.Unix() == 0 {
		return nil
	}
	u := t.UTC()
	return &u
}

func kv(w io.Writer, key string, format string, args ...any) {
	fmt.Fprintf(w, "%s:\t%s\n", key, fmt.Sprintf(format, args...))
}

func bigFrom(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
