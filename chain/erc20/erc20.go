// Package erc20 reads an ERC-20 token for the CLI and the node in Brine's own types: its
// symbol, decimals, balances and allowances. It only reads; transfers and approvals are steps
// of the settlement and incentives adapters.
package erc20

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/units"
)

// Caller is what reading needs from a chain connection.
type Caller interface {
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
}

// Token is an ERC-20 at Address, with its symbol and decimals read once.
type Token struct {
	Address  common.Address
	Symbol   string
	Decimals uint8

	c   Caller
	abi *bindings.BrineToken // the ERC-20 subset of the dev token's ABI
}

// Open reads the token's decimals and symbol. A contract without decimals() is not a token
// Brine can print amounts of; one without symbol() is shown as "tokens".
func Open(ctx context.Context, c Caller, addr common.Address) (*Token, error) {
	t := &Token{Address: addr, c: c, abi: bindings.NewBrineToken()}
	dec, err := call(ctx, t, t.abi.PackDecimals(), t.abi.UnpackDecimals)
	if err != nil {
		return nil, fmt.Errorf("erc20: %s has no decimals(): %w (is it an ERC-20 token on this chain?)", addr, err)
	}
	if dec > units.MaxDecimals {
		return nil, fmt.Errorf("erc20: %s declares %d decimals", addr, dec)
	}
	t.Decimals = dec
	if sym, err := call(ctx, t, t.abi.PackSymbol(), t.abi.UnpackSymbol); err == nil && sym != "" && len(sym) <= 32 {
		t.Symbol = sym
	} else {
		t.Symbol = "tokens"
	}
	return t, nil
}

// BalanceOf is account's balance in base units.
func (t *Token) BalanceOf(ctx context.Context, account common.Address) (*big.Int, error) {
	v, err := call(ctx, t, t.abi.PackBalanceOf(account), t.abi.UnpackBalanceOf)
	if err != nil {
		return nil, fmt.Errorf("erc20: balanceOf(%s): %w", account, err)
	}
	return v, nil
}

// Allowance is what spender may take from owner, in base units.
func (t *Token) Allowance(ctx context.Context, owner, spender common.Address) (*big.Int, error) {
	v, err := call(ctx, t, t.abi.PackAllowance(owner, spender), t.abi.UnpackAllowance)
	if err != nil {
		return nil, fmt.Errorf("erc20: allowance(%s, %s): %w", owner, spender, err)
	}
	return v, nil
}

// Parse parses a decimal amount of this token ("1.5") into base units; zero is refused.
func (t *Token) Parse(s string) (*big.Int, error) { return units.ParsePositive(s, t.Decimals) }

// Format prints base units with the symbol ("1.5 BRINE").
func (t *Token) Format(v *big.Int) string { return units.FormatUnit(v, t.Decimals, t.Symbol) }

func call[T any](ctx context.Context, t *Token, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := t.c.CallContract(ctx, ethereum.CallMsg{To: &t.Address, Data: data}, nil)
	if err != nil {
		return zero, err
	}
	if len(out) == 0 {
		return zero, fmt.Errorf("no code or empty answer at %s", t.Address)
	}
	return unpack(out)
}
