package deploy

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
)

// MinProbeAmount is the least test transfer, in base units: large enough that a fee of one basis
// point moves at least one base unit less than asked.
var MinProbeAmount = big.NewInt(10_000)

// giveBackHeadroom is gas added to the give-back's doubled estimate: four new storage slots.
const giveBackHeadroom = 4 * 22_100

// ErrTokenRefused is what every TokenRefusedError matches with errors.Is.
var ErrTokenRefused = errors.New("deploy: token refused")

// ErrProbeUnfunded means the deploying account holds too few tokens for the test transfer.
var ErrProbeUnfunded = errors.New("deploy: the deploying account holds too few tokens for the test transfer")

// TokenRefusedError says why an existing ERC-20 cannot carry Brine's money: a transfer moved
// another amount than it said (fee on transfer), or a balance changed without any transfer
// (rebasing, interest-bearing).
type TokenRefusedError struct {
	Token common.Address
	// Kind is "fee-on-transfer" or "rebasing".
	Kind string
	// Observed is what the test transfer saw, in base units.
	Observed string
}

func (e *TokenRefusedError) Error() string {
	return fmt.Sprintf("deploy: token %s is refused: it behaves as a %s token: %s. Brine's escrow needs a plain ERC-20 "+
		"whose transfers move exactly the amount asked and whose balances change only by transfers: deploy with such a "+
		"token (for a rebasing one, its non-rebasing wrapper); the test tokens were returned to the deploying account",
		e.Token.Hex(), e.Kind, e.Observed)
}

// Is makes errors.Is(err, ErrTokenRefused) hold.
func (e *TokenRefusedError) Is(target error) bool { return target == ErrTokenRefused }

// probeToken is the test transfer docs/protocol.md promises: it deploys a TokenProbe, lends it
// one whole token (at least MinProbeAmount base units, at most the deployer's balance), which
// the probe pulls with transferFrom and checks the exact deltas on both sides of (nothing moves
// when they differ), then, in a later block, asks for it back: the probe returns whatever it
// holds and reports it beside what it took. Whatever happens after the take, the give-back is
// sent, so the deployer's tokens are never left in the probe (and if the give-back cannot be
// sent, the error names the probe: its owner may call giveBack() at any time).
func (d *deployer) probeToken(tokenAddr common.Address) error {
	tok := bindings.NewBrineToken()
	probeABI := bindings.NewTokenProbe()
	from := d.auth.From
	token := tok.Instance(d.backend, tokenAddr)
	opts := &bind.CallOpts{Context: d.ctx, From: from}
	balance, err := bind.Call(token, opts, tok.PackBalanceOf(from), tok.UnpackBalanceOf)
	if err != nil {
		return fmt.Errorf("deploy: token %s: balanceOf: %w (is it an ERC-20 on this chain?)", tokenAddr.Hex(), err)
	}
	decimals, err := bind.Call(token, opts, tok.PackDecimals(), tok.UnpackDecimals)
	if err != nil {
		return fmt.Errorf("deploy: token %s: decimals: %w (is it an ERC-20 on this chain?)", tokenAddr.Hex(), err)
	}
	amount := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	if amount.Cmp(MinProbeAmount) < 0 {
		amount.Set(MinProbeAmount)
	}
	if balance.Cmp(amount) < 0 {
		amount.Set(balance)
	}
	if amount.Cmp(MinProbeAmount) < 0 {
		return fmt.Errorf("%w: token %s, account %s holds %s base units and the test transfer needs %s: send it at least that "+
			"many (they are returned within the deployment)", ErrProbeUnfunded, tokenAddr.Hex(), from.Hex(), balance, MinProbeAmount)
	}

	probeAddr, err := d.contract("TokenProbe", bindings.TokenProbeMetaData.Bin, probeABI.PackConstructor(tokenAddr, from))
	if err != nil {
		return err
	}
	probe := probeABI.Instance(d.backend, probeAddr)
	if _, err := d.send("token approve for the test transfer", tokenAddr, tok.PackApprove(probeAddr, amount)); err != nil {
		return err
	}
	// Try the take first: a fee-on-transfer token reverts it with the deltas it saw, and then
	// nothing is sent (the allowance is withdrawn).
	if _, err := probe.CallRaw(opts, probeABI.PackTake(amount)); err != nil {
		err = reverts.Decode(err)
		var re *reverts.Error
		if errors.As(err, &re) && re.Name == "TransferMismatch" && len(re.Args) == 3 {
			_, _ = d.send("token approve (withdrawing the test allowance)", tokenAddr, tok.PackApprove(probeAddr, new(big.Int)))
			return &TokenRefusedError{Token: tokenAddr, Kind: "fee-on-transfer", Observed: fmt.Sprintf(
				"transferFrom of %s base units took %v from the sender and delivered %v", re.Args[0], re.Args[1], re.Args[2])}
		}
		return fmt.Errorf("deploy: token %s: the test transfer (TokenProbe %s, take %s) fails: %w", tokenAddr.Hex(), probeAddr.Hex(), amount, err)
	}
	if _, err := d.send("TokenProbe.take", probeAddr, probeABI.PackTake(amount)); err != nil {
		return err
	}
	// Sent only now that the take is mined: the give-back runs in a later block. Its gas is
	// estimated in the take's block, where a rebasing token has not yet grown the probe's
	// balance; booking the growth can write storage the estimate never saw, so the limit has
	// room for it: running out of gas here would leave the tokens in the probe.
	input := probeABI.PackGiveBack()
	est, err := d.backend.EstimateGas(d.ctx, ethereum.CallMsg{From: from, To: &probeAddr, Data: input})
	if err != nil {
		return fmt.Errorf("deploy: TokenProbe.giveBack: %w (the test tokens are in TokenProbe %s: call its giveBack() from %s to get them back)",
			reverts.Decode(err), probeAddr.Hex(), from.Hex())
	}
	rcpt, err := d.sendGas("TokenProbe.giveBack", probeAddr, input, 2*est+giveBackHeadroom)
	if err != nil {
		return fmt.Errorf("%w (the test tokens are still in TokenProbe %s: call its giveBack() from %s to get them back)", err, probeAddr.Hex(), from.Hex())
	}
	for _, l := range rcpt.Logs {
		ev, err := probeABI.UnpackReturnedEvent(l)
		if err != nil || l.Address != probeAddr {
			continue
		}
		if ev.Balance.Cmp(ev.Held) != 0 {
			return &TokenRefusedError{Token: tokenAddr, Kind: "rebasing", Observed: fmt.Sprintf(
				"the probe's balance changed from %s base units (block %s) to %s (block %s) with no transfer", ev.Held, ev.HeldSince, ev.Balance, rcpt.BlockNumber)}
		}
		if ev.Received.Cmp(ev.Balance) != 0 {
			return &TokenRefusedError{Token: tokenAddr, Kind: "fee-on-transfer", Observed: fmt.Sprintf(
				"transfer of %s base units back to the deployer delivered %s", ev.Balance, ev.Received)}
		}
		return nil
	}
	return fmt.Errorf("deploy: TokenProbe %s: giveBack emitted no Returned event", probeAddr.Hex())
}
