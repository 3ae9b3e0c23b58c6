package rewards

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/reverts"
)

// AddReporter appoints reporter (a prober's account); the account must be governance (the
// contract's owner). The reporter may post roots for epochs that end after the block that
// appoints it. Its idempotency ID is <account>/rewards-add-reporter/<reporter>: appointing the
// same reporter again sends nothing new. The contract refuses a reporter it already has with
// AlreadyReporter (check with reverts.Is).
func (r *Rewards) AddReporter(ctx context.Context, reporter common.Address) error {
	if r.cfg.Sender == nil {
		return ErrReadOnly
	}
	id := fmt.Sprintf("%s/rewards-add-reporter/%s", r.cfg.Account.Hex(), reporter.Hex())
	if _, err := r.cfg.Sender.Send(ctx, Tx{ID: id, To: r.cfg.Rewards, Data: r.rw.PackAddReporter(reporter)}); err != nil {
		return fmt.Errorf("rewards: addReporter(%s): %w", reporter, reverts.Decode(err))
	}
	return nil
}
