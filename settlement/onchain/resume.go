package onchain

import (
	"bytes"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Resumer is implemented by a Sender that journals transactions across restarts
// (ManagedSender, over the transaction manager). TakeResumed offers the transactions an earlier process
// sent and did not see confirmed, which this one recovered: it returns the first that match
// accepts and forgets it, so each is adopted by at most one step. Sending an adopted Tx again
// returns its outcome without sending anything.
type Resumer interface {
	TakeResumed(match func(Tx) bool) (Tx, bool)
}

// adopt finds a recovered transaction that was this same repeatable account step: the ID
// rule's <account>/<step>/n<nonce>/<h> with any nonce, sent to the same contract, with calldata
// that same accepts (for most steps: identical). The nonce in a repeatable step's ID is the
// account's confirmed transaction count when the call began; after a crash the retry cannot
// know it (the transaction may have been mined meanwhile), so without this the retry would
// get a new ID and send the step twice.
func (s *Settlement) adopt(step string, to common.Address, data []byte, same func(recovered, ours []byte) bool) (Tx, bool) {
	r, ok := s.sender.(Resumer)
	if !ok {
		return Tx{}, false
	}
	return r.TakeResumed(func(tx Tx) bool {
		return tx.To == to && IsAccountStep(tx.ID, s.account, step) && same(tx.Data, data)
	})
}

// IsAccountStep reports whether id is the ID of a repeatable step of account, of any nonce:
// <account>/<step>/n<nonce>/<h>, and not a sub-step (such as its approval).
func IsAccountStep(id string, account common.Address, step string) bool {
	prefix := strings.ToLower(account.Hex()) + "/" + step + "/n"
	if len(id) <= len(prefix) || !strings.EqualFold(id[:len(prefix)], prefix) {
		return false
	}
	nonce, h, ok := strings.Cut(id[len(prefix):], "/")
	if !ok || nonce == "" || strings.Trim(nonce, "0123456789") != "" || h == "" {
		return false
	}
	return strings.Trim(h, "0123456789abcdef") == ""
}

// samePost reports whether two postJob or postJobWithPermit calldatas post the same request
// up to its deadlines: a retry computes acceptBy and resultBy from a later block, and a permit
// (which the plain postJob lacks) signs those deadlines. The JobRequest tuple is static, so it
// is the 7 words after the selector; acceptBy and resultBy are words 4 and 5.
func samePost(a, b []byte) bool {
	const words = 7
	key := func(data []byte) []byte {
		if len(data) < 4+words*32 {
			return nil
		}
		sel := data[:4]
		if !bytes.Equal(sel, postJobSelector) && !bytes.Equal(sel, postJobWithPermitSelector) {
			return nil
		}
		k := bytes.Clone(data[4 : 4+words*32])
		clear(k[4*32 : 6*32])
		return k
	}
	ka, kb := key(a), key(b)
	return ka != nil && bytes.Equal(ka, kb)
}

var (
	postJobSelector           = marketABI.GetABI().Methods["postJob"].ID
	postJobWithPermitSelector = marketABI.GetABI().Methods["postJobWithPermit"].ID
)
