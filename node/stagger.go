package node

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/settlement"
)

// Taking turns at permissionless steps.
//
// Anyone may draw a challenge's verifiers, resolve a challenge or a replicas' round, reclaim a
// replicated job short of seats and finalize a cleared job, and every node that sees such a
// step due would send it at the same moment: the first transaction mined does the step, the
// others are mined too and revert (about 30k gas each), because the transaction manager's
// estimate judges each call at the head, before any of them landed. So the nodes that may
// send a step on job J take turns: each orders the candidates by keccak256(J ‖ address) (a
// different order for every job, so no node always pays), waits its rank × Config.StepDelay,
// and reads the chain again before it sends. The first candidate sends at once, so the step
// is no later than before while it is alive; a later one sends only if the ones before it
// did not. The wait is capped (maxTurns turns, and half the time left before the step's
// deadline, if it has one), so a stagger never makes a node miss a deadline.

// maxTurns caps a node's wait at this many turns: with many candidates (a draw is anyone's)
// the late ones all send at the cap, by when an earlier one has long done the step.
const maxTurns = 4

// defaultStepDelay is Config.StepDelay's default: several blocks of a public chain, so a
// turn sees the step of the one before it mined.
const defaultStepDelay = 3 * time.Second

// seatTurns: a turn at the last seats of a replicated job is StepDelay / seatTurns.
const seatTurns = 3

// rank is self's turn among candidates for job id: first (when not zero) goes first, the
// others follow in the order of keccak256(id ‖ address); a node that is not a candidate comes
// after all of them. Duplicates count once.
func rank(id settlement.JobID, self, first common.Address, candidates []common.Address) int {
	if first != (common.Address{}) && self == first {
		return 0
	}
	type keyed struct {
		key  common.Hash
		addr common.Address
	}
	var order []keyed
	seen := make(map[common.Address]bool, len(candidates))
	for _, c := range candidates {
		if seen[c] || c == first && first != (common.Address{}) {
			continue
		}
		seen[c] = true
		order = append(order, keyed{turnKey(id, c), c})
	}
	slices.SortFunc(order, func(a, b keyed) int { return bytes.Compare(a.key[:], b.key[:]) })
	offset := 0
	if first != (common.Address{}) {
		offset = 1
	}
	for i, k := range order {
		if k.addr == self {
			return i + offset
		}
	}
	return len(order) + offset
}

// turnKey orders the candidates of job id: keccak256(id as 32 bytes big-endian ‖ address).
func turnKey(id settlement.JobID, addr common.Address) common.Hash {
	var buf [32 + common.AddressLength]byte
	binary.BigEndian.PutUint64(buf[24:32], uint64(id))
	copy(buf[32:], addr[:])
	return crypto.Keccak256Hash(buf[:])
}

// stagger is how long the node of turn r waits before sending: r × delay, at most maxTurns
// turns, and never past half the time left before deadline (zero: the step has none), so
// the send itself still has time. A non-positive delay turns the stagger off.
func stagger(r int, delay time.Duration, now, deadline time.Time) time.Duration {
	if r <= 0 || delay <= 0 {
		return 0
	}
	wait := time.Duration(min(r, maxTurns)) * delay
	if !deadline.IsZero() {
		left := deadline.Sub(now) / 2
		if left <= 0 {
			return 0
		}
		wait = min(wait, left)
	}
	return wait
}

// waitTurn waits the node's turn r at a step of job id, a turn lasting delay (see stagger);
// false when ctx ended first. The caller reads the chain again afterwards: an earlier turn
// may have done the step.
func (n *Node) waitTurn(ctx context.Context, id settlement.JobID, step string, r int, delay time.Duration, deadline time.Time) bool {
	d := stagger(r, delay, n.now(), deadline)
	if d <= 0 {
		return ctx.Err() == nil
	}
	n.log.Debug("waiting for the nodes before ours to "+step, "job", id, "turn", r, "wait", d)
	select {
	case <-n.cfg.Clock.After(d):
		return true
	case <-ctx.Done():
		return false
	}
}

// activeProviders lists the active registered providers but skip, and the node's own account
// (the directory is cached); just the node's when the directory cannot be read: then every
// node takes turn 0, as without a stagger.
func (n *Node) activeProviders(ctx context.Context, skip common.Address) []common.Address {
	out := []common.Address{n.self}
	for _, p := range n.directory(ctx) {
		if p.Active && p.Address != skip {
			out = append(out, p.Address)
		}
	}
	return out
}
