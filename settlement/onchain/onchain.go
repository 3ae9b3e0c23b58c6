package onchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
)

// Settlement is settlement.Settlement on Brine's contracts, acting as one account. It is safe
// for concurrent use.
type Settlement struct {
	client  Client
	addrs   deploy.Addresses
	account common.Address
	sender  Sender
	signer  HashSigner
	log     *slog.Logger
	chainID *big.Int
	permit  bool // the token answers nonces() and DOMAIN_SEPARATOR() and we have a signer
	index   *index

	// spendMu serializes the steps that approve and then spend the account's tokens, so two
	// of them cannot overwrite each other's allowance. A post holds it until it is broadcast,
	// the others until they are mined (posts.go).
	spendMu sync.Mutex
	posts   postBook
	clock   clock.Clock
}

var _ settlement.Settlement = (*Settlement)(nil)

// New checks cfg, checks that the addresses are one wired deployment, and returns a
// Settlement. The job index is built on first use.
func New(ctx context.Context, cfg Config) (*Settlement, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "settlement/onchain", "account", cfg.Account)
	s := &Settlement{
		client:  cfg.Client,
		addrs:   cfg.Addresses,
		account: cfg.Account,
		sender:  cfg.Sender,
		signer:  cfg.Signer,
		log:     log,
		clock:   cfg.Clock,
	}
	if s.clock == nil {
		s.clock = clock.System
	}
	s.posts.init()
	var err error
	if s.chainID, err = cfg.Client.ChainID(ctx); err != nil {
		return nil, fmt.Errorf("settlement/onchain: chain ID: %w", err)
	}
	if err := s.checkWiring(ctx); err != nil {
		return nil, err
	}
	if s.signer != nil {
		s.permit = s.supportsPermit(ctx)
	}
	s.index = newIndex(cfg.Client, cfg.Addresses.Market, cfg.Addresses.Block, log)
	return s, nil
}

// checkWiring makes sure Market, Registry and Token are one deployment.
func (s *Settlement) checkWiring(ctx context.Context) error {
	token, err := call(ctx, s, s.addrs.Market, marketABI.PackToken(), marketABI.UnpackToken)
	if err != nil {
		return fmt.Errorf("settlement/onchain: market %s: token(): %w", s.addrs.Market, err)
	}
	registry, err := call(ctx, s, s.addrs.Market, marketABI.PackRegistry(), marketABI.UnpackRegistry)
	if err != nil {
		return fmt.Errorf("settlement/onchain: market %s: registry(): %w", s.addrs.Market, err)
	}
	market, err := call(ctx, s, s.addrs.Registry, registryABI.PackMarket(), registryABI.UnpackMarket)
	if err != nil {
		return fmt.Errorf("settlement/onchain: registry %s: market(): %w", s.addrs.Registry, err)
	}
	if token != s.addrs.Token || registry != s.addrs.Registry || market != s.addrs.Market {
		return fmt.Errorf("settlement/onchain: addresses are not one deployment: market %s uses token %s and registry %s; registry %s serves market %s",
			s.addrs.Market, token, registry, s.addrs.Registry, market)
	}
	return nil
}

// Account is the account the Settlement acts as.
func (s *Settlement) Account() common.Address { return s.account }

// call runs a view and unpacks its result; reverts are decoded and mapped.
func call[T any](ctx context.Context, s *Settlement, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := s.client.CallContract(ctx, ethereum.CallMsg{From: s.account, To: &to, Data: data}, nil)
	if err != nil {
		return zero, mapError(reverts.Decode(err))
	}
	v, err := unpack(out)
	if err != nil {
		return zero, fmt.Errorf("unpack result: %w", err)
	}
	return v, nil
}

// writable refuses writes on a read-only Settlement.
func (s *Settlement) writable() error {
	if s.sender == nil {
		return fmt.Errorf("%w: read-only settlement (no Sender configured)", settlement.ErrNotAllowed)
	}
	return nil
}

// now is the head block's time: the clock the contracts judge deadlines by.
func (s *Settlement) now(ctx context.Context) (time.Time, error) {
	h, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("settlement/onchain: head header: %w", err)
	}
	return unixTime(h.Time), nil
}

// dataHash is the short calldata hash that ends every transaction ID.
func dataHash(data []byte) string { return fmt.Sprintf("%x", crypto.Keccak256(data)[:6]) }

// accountTxID builds the ID of a repeatable account step (see the package documentation).
func (s *Settlement) accountTxID(ctx context.Context, step string, data []byte) (string, error) {
	n, err := s.client.NonceAt(ctx, s.account, nil)
	if err != nil {
		return "", fmt.Errorf("settlement/onchain: nonce of %s: %w", s.account, err)
	}
	return fmt.Sprintf("%s/%s/n%d/%s", strings.ToLower(s.account.Hex()), step, n, dataHash(data)), nil
}

func (s *Settlement) jobTxID(id settlement.JobID, step string, data []byte) string {
	return fmt.Sprintf("%s/job/%d/%s/%s", strings.ToLower(s.account.Hex()), id, step, dataHash(data))
}

// send sends tx and maps its failure. what names the step in errors.
func (s *Settlement) send(ctx context.Context, what string, tx Tx) (*types.Receipt, error) {
	s.log.Debug("sending", "step", what, "id", tx.ID, "to", tx.To)
	r, err := s.sender.Send(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, mapError(err))
	}
	if r == nil {
		return nil, fmt.Errorf("%s: sender returned no receipt", what)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("%s: transaction %s failed in block %s", what, r.TxHash, r.BlockNumber)
	}
	return r, nil
}

// ensureAllowance approves spender for amount of the account's tokens unless the allowance
// already covers it. parent is the ID of the step the approval is for. Hold spendMu.
func (s *Settlement) ensureAllowance(ctx context.Context, spender common.Address, amount *big.Int, parent, what string) error {
	have, err := s.allowance(ctx, spender)
	if err != nil {
		return fmt.Errorf("%s: allowance: %w", what, err)
	}
	if have.Cmp(amount) >= 0 {
		return nil
	}
	data, err := tokenABI.TryPackApprove(spender, amount)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, what+": approve", Tx{ID: fmt.Sprintf("%s/approve/%s", parent, have), To: s.addrs.Token, Data: data})
	return err
}

func (s *Settlement) allowance(ctx context.Context, spender common.Address) (*big.Int, error) {
	return call(ctx, s, s.addrs.Token, tokenABI.PackAllowance(s.account, spender), tokenABI.UnpackAllowance)
}

// liveRecord syncs the index and returns the job's current record, checking that the job is
// in one of the wanted statuses and that the record is the one stored on chain.
func (s *Settlement) liveRecord(ctx context.Context, id settlement.JobID, want ...settlement.Status) (bindings.JobMarketJob, error) {
	var (
		job   settlement.Job
		rec   bindings.JobMarketJob
		known bool
		head  uint64
	)
	if err := s.index.view(ctx, func(h uint64) { job, rec, known = s.index.get(id); head = h }); err != nil {
		return rec, err
	}
	if err := checkStatus(id, job, known, head, want); err != nil {
		return rec, err
	}
	if err := s.verify(ctx, id, rec); err != nil {
		return rec, err
	}
	return rec, nil
}

func checkStatus(id settlement.JobID, job settlement.Job, known bool, head uint64, want []settlement.Status) error {
	switch {
	case !known:
		return fmt.Errorf("%w: job %d (no JobPosted up to block %d)", settlement.ErrUnknownJob, id, head)
	case job.Status.Terminal():
		return fmt.Errorf("%w: job %d has ended (%s)", settlement.ErrWrongStatus, id, job.Status)
	case !slices.Contains(want, job.Status):
		return fmt.Errorf("%w: job %d is %s, this needs %s", settlement.ErrWrongStatus, id, job.Status, statusList(want))
	}
	return nil
}

func statusList(ss []settlement.Status) string {
	names := make([]string, len(ss))
	for i, st := range ss {
		names[i] = st.String()
	}
	return strings.Join(names, " or ")
}

// verify checks keccak256(abi.encode(rec)) against the market's jobHash(id).
func (s *Settlement) verify(ctx context.Context, id settlement.JobID, rec bindings.JobMarketJob) error {
	want, err := hashRecord(rec)
	if err != nil {
		return err
	}
	stored, err := call(ctx, s, s.addrs.Market, marketABI.PackJobHash(jobInt(id)), marketABI.UnpackJobHash)
	if err != nil {
		return fmt.Errorf("settlement/onchain: jobHash(%d): %w", id, err)
	}
	if common.Hash(stored) != want {
		return fmt.Errorf("%w: job %d: indexed record hashes to %s, market holds %s", settlement.ErrStaleRecord, id, want, common.Hash(stored))
	}
	return nil
}

// retryable reports whether a job step failed because the job changed under us: the record
// was stale, or the job ended. One more attempt after a sync then gives the right answer.
func retryable(err error) bool {
	return errors.Is(err, settlement.ErrStaleRecord) || reverts.Is(err, "UnknownJob")
}

// jobStep is one call on a live job.
type jobStep struct {
	name string              // ID segment and log name: "accept", "commit", ...
	want []settlement.Status // the statuses the call needs
	pack func(id *big.Int, rec bindings.JobMarketJob) ([]byte, error)
	// prepare, when set, runs after the checks and before the send (an approval). It gets the
	// step's transaction ID.
	prepare func(ctx context.Context, rec bindings.JobMarketJob, txID string) error
}

// onJob runs a step on job id: sync, check, verify the record, send; see retry.
func (s *Settlement) onJob(ctx context.Context, id settlement.JobID, step jobStep) (*types.Receipt, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	what := fmt.Sprintf("%s job %d", step.name, id)
	var r *types.Receipt
	err := s.retry(step.name, func() (err error) {
		r, err = s.tryJob(ctx, id, step, what)
		return err
	})
	return r, err
}

// retry runs try, and once more when it failed because a job changed under us (see
// retryable): the second try syncs the index first, so it sees the change. When our own
// record check fails twice, the index disagrees with the chain beyond a race (a bug, or a node
// that served logs and state from different chains): the index is rebuilt from the deploy
// block for a last try.
func (s *Settlement) retry(step string, try func() error) error {
	rebuilt := false
	for attempt := 0; ; attempt++ {
		err := try()
		if err == nil || !retryable(err) {
			return err
		}
		ownCheck := errors.Is(err, settlement.ErrStaleRecord) && !reverts.Is(err, "StaleJobRecord")
		switch {
		case attempt == 0:
			s.log.Debug("job changed under us; syncing and retrying", "step", step, "err", err)
		case ownCheck && !rebuilt:
			s.log.Warn("indexed record disagrees with the chain; rebuilding the index", "step", step, "err", err)
			s.index.rebuild()
			rebuilt = true
		default:
			return err
		}
	}
}

func (s *Settlement) tryJob(ctx context.Context, id settlement.JobID, step jobStep, what string) (*types.Receipt, error) {
	rec, err := s.liveRecord(ctx, id, step.want...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	data, err := step.pack(jobInt(id), rec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	tx := Tx{ID: s.jobTxID(id, step.name, data), To: s.addrs.Market, Data: data}
	if step.prepare != nil {
		if err := step.prepare(ctx, rec, tx.ID); err != nil {
			return nil, err
		}
	}
	return s.send(ctx, what, tx)
}

// findEvent returns the first log of r from contract that unpack accepts.
func findEvent[T any](r *types.Receipt, contract common.Address, unpack func(*types.Log) (*T, error)) (*T, bool) {
	for _, l := range r.Logs {
		if l.Address != contract {
			continue
		}
		if ev, err := unpack(l); err == nil {
			return ev, true
		}
	}
	return nil, false
}
